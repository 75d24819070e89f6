"""A query's hits over time: dates counted into days, weeks, months, years, decades or centuries.

Pure and Whoosh-free: the engine hands over how many hits fall on each day (as proleptic
Gregorian ordinals, `date.toordinal()`), month and year, and how many have no date; this
module picks the granularity from the span and lays out every bucket from the first to the
last, empty ones included, so a sparkline of the counts is proportional to time.

A hit dated by a month or a year alone is counted only in buckets that hold its whole period
(a month from month buckets up, a year from year buckets up): by day it is not known on
which day it falls, and pinning it on the period's first day would invent a spike there.
Buckets finer than its period leave it out, and the timeline says how many (`left_out`).

A bucket's `period` is also what narrows a search to it (the `date` filter): `1987`,
`1987-03`, `1987-03-02`, or `FROM..TO` for a week (`1987-03-02..1987-03-08`), a decade
(`1980..1989`) or a century (`1900..1999`); `parse_period` reads them.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "year", "decade", "century"]
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year", "decade", "century")
MAX_BUCKETS = 60
"""The finest granularity giving at most this many buckets is chosen (centuries beyond that:
at most 100 from year 1 to 9999)."""
_YEARS: dict[Granularity, int] = {"year": 1, "decade": 10, "century": 100}
"""Years per bucket of the granularities counted in whole years."""


@dataclass(frozen=True)
class Bucket:
    """One period of the timeline: its first and last day and how many hits it holds."""

    start: date
    end: date
    count: int
    granularity: Granularity

    @property
    def period(self) -> str:
        """The `date` filter value naming exactly this period."""
        if self.granularity == "year":
            return f"{self.start.year:04}"
        if self.granularity == "month":
            return f"{self.start.year:04}-{self.start.month:02}"
        if self.granularity == "day":
            return self.start.isoformat()
        if self.granularity in _YEARS:
            return f"{self.start.year:04}..{self.end.year:04}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The period for people: `1987`, `Mar 1987`, `2 Mar 1987`, `2–8 Mar 1987` (a week),
        `1980s` (a decade), `1900–1999` (a century)."""
        start, end = self.start, self.end
        if self.granularity == "year":
            return f"{start.year}"
        if self.granularity == "decade" and start.year % 10 == 0:
            return f"{start.year}s"
        if self.granularity in _YEARS:
            return f"{start.year}–{end.year}"
        if self.granularity == "month":
            return f"{_MONTHS[start.month - 1]} {start.year}"
        last = f"{end.day} {_MONTHS[end.month - 1]} {end.year}"
        if self.granularity == "day":
            return last
        if start.year != end.year:
            return f"{start.day} {_MONTHS[start.month - 1]} {start.year} – {last}"
        if start.month != end.month:
            return f"{start.day} {_MONTHS[start.month - 1]} – {last}"
        return f"{start.day}–{last}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Timeline:
    """Every bucket from the first dated hit's to the last one's, and the undated hits."""

    granularity: Granularity | None = None
    """None when no hit has a date."""
    buckets: tuple[Bucket, ...] = ()
    undated: int = 0
    first: date | None = None
    """The earliest hit's day, or its period's first day (the first bucket may start before
    it); of the hits the buckets hold."""
    last: date | None = None
    first_period: str = ""
    """"month" or "year" when the earliest hit is dated by that period alone (`Article.period`)."""
    last_period: str = ""
    month_only: int = 0
    """Hits dated by a month alone, in the buckets or not."""
    year_only: int = 0
    """Hits dated by a year alone, in the buckets or not."""

    @property
    def dated(self) -> int:
        """The hits the buckets hold."""
        return sum(bucket.count for bucket in self.buckets)

    @property
    def left_out(self) -> int:
        """Dated hits in no bucket: dated by a period longer than the buckets."""
        if self.granularity in ("day", "week"):
            return self.month_only + self.year_only
        return self.year_only if self.granularity == "month" else 0

    @property
    def left_out_note(self) -> str:
        """`3 dated by year only, not shown by month` (`left_out`), or ""."""
        if not self.left_out:
            return ""
        months = self.month_only if self.granularity in ("day", "week") else 0
        periods = " or ".join(p for p, n in (("month", months), ("year", self.year_only)) if n)
        return f"{self.left_out:,} dated by {periods} only, not shown by {self.granularity}"

    @property
    def busiest(self) -> Bucket | None:
        """The bucket with the most hits (the earliest of equals)."""
        return max(self.buckets, key=lambda b: b.count, default=None)

    @property
    def span(self) -> str:
        """`1987-02-26 – 1987-10-19`, one day alone, or "" when nothing is dated."""
        if self.first is None or self.last is None:
            return ""
        first, last = (
            day_shown(self.first, self.first_period),
            day_shown(self.last, self.last_period),
        )
        return first if first == last else f"{first} – {last}"


def day_shown(day: date, period: str = "") -> str:
    """`2019-03-04`, or `2019-03` and `2019` for a hit dated by that month or year alone."""
    shown = day.isoformat()
    return shown[:4] if period == "year" else shown[:7] if period == "month" else shown


def bucket_start(day: date, granularity: Granularity) -> date:
    """The first day of the `granularity` period holding `day` (weeks start on Monday)."""
    if granularity == "day":
        return day
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    years = _YEARS[granularity]
    return date(max(1, day.year // years * years), 1, 1)  # (there is no year 0)


def period_end(start: date, granularity: Granularity) -> date:
    """The last day of the `granularity` period starting on `start` (never past date.max)."""
    if granularity == "day":
        return start
    if granularity == "week":
        return start + timedelta(days=min(6, (date.max - start).days))
    if granularity == "month":
        return start.replace(day=monthrange(start.year, start.month)[1])
    years = _YEARS[granularity]
    return date(min(9999, start.year // years * years + years - 1), 12, 31)


def bucket_count(first: date, last: date, granularity: Granularity) -> int:
    """How many `granularity` periods cover `first` to `last`."""
    if granularity == "day":
        return (last - first).days + 1
    if granularity == "week":
        return (bucket_start(last, "week") - bucket_start(first, "week")).days // 7 + 1
    if granularity == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    years = _YEARS[granularity]
    return last.year // years - first.year // years + 1


def month_key(day: date) -> int:
    """A month as one integer (`year * 12 + month - 1`): how hits are tallied by month."""
    return day.year * 12 + day.month - 1


def build_timeline(days: Mapping[int, int], undated: int = 0) -> Timeline:
    """The timeline of hits each dated by a day: `days` maps a day's ordinal to its hits (a
    day without hits is left out: it would stretch the span)."""
    months: dict[int, int] = {}
    years: dict[int, int] = {}
    for ordinal, n in days.items():
        day = date.fromordinal(ordinal)
        months[month_key(day)] = months.get(month_key(day), 0) + n
        years[day.year] = years.get(day.year, 0) + n
    return timeline_from(days, months, years, undated)


def timeline_from(
    by_day: Mapping[int, int],
    by_month: Mapping[int, int],
    by_year: Mapping[int, int],
    undated: int = 0,
) -> Timeline:
    """The timeline of the hits each tally counts: `by_day` those dated by a day (day
    ordinals), `by_month` those dated by a day or by a month alone (`month_key`), `by_year`
    every dated hit (years). A tally leaves out the keys of no hit.

    The granularity is the finest whose buckets hold at least half the dated hits (never
    one that leaves most of them out) and at most MAX_BUCKETS of them span the hits they hold:
    a story dated by the day keeps its days beside a few hits dated by a year alone, which
    the timeline tells as left out, and a library dated mostly by years is shown by years.
    The caller counts at C speed over every hit; this is linear in the buckets and in the
    tallies' keys (at most 420 days, or one key a month), never in the hits.
    """
    if not by_year:
        return Timeline(undated=undated)
    tallies: dict[Granularity, tuple[Mapping[int, int], Callable[[int], date]]] = {
        "day": (by_day, date.fromordinal),
        "month": (by_month, _month_start),
        "year": (by_year, lambda year: date(year, 1, 1)),
    }
    dated, by_a_month = sum(by_year.values()), sum(by_month.values())
    month_only, year_only = by_a_month - sum(by_day.values()), dated - by_a_month
    granularity: Granularity = "century"
    for granularity in GRANULARITIES:
        tally, start_of = tallies[_TALLIED[granularity]]
        if 2 * sum(tally.values()) < dated:
            continue
        if bucket_count(start_of(min(tally)), start_of(max(tally)), granularity) <= MAX_BUCKETS:
            break
    tally, start_of = tallies[_TALLIED[granularity]]
    counts: dict[date, int] = {}
    for key, n in tally.items():
        start = bucket_start(start_of(key), granularity)
        counts[start] = counts.get(start, 0) + n
    tallied = (by_day, by_month, by_year)
    # (Months and years are looked into only when some hit is dated by one alone.)
    finest = _TALLIED[granularity]
    years = year_only > 0 and finest == "year"
    months = month_only > 0 and finest != "day"
    first, first_period = _edge(*tallied, min, years=years, months=months)
    last, last_period = _edge(*tallied, max, years=years, months=months)
    buckets = []
    start = bucket_start(first, granularity)
    while True:
        end = period_end(start, granularity)
        buckets.append(Bucket(start, end, counts.get(start, 0), granularity))
        if end >= last:
            break
        start = end + timedelta(days=1)
    return Timeline(
        granularity,
        tuple(buckets),
        undated,
        first,
        last,
        first_period,
        last_period,
        month_only,
        year_only,
    )


_TALLIED: dict[Granularity, Granularity] = {
    "day": "day",
    "week": "day",
    "month": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
"""The tally each granularity counts from: its buckets hold the periods of those hits whole."""


def _month_start(key: int) -> date:
    return date(key // 12, key % 12 + 1, 1)


def _edge(
    by_day: Mapping[int, int],
    by_month: Mapping[int, int],
    by_year: Mapping[int, int],
    pick: Callable[[Iterable[int]], int],
    *,
    years: bool,
    months: bool,
) -> tuple[date, str]:
    """The earliest (`pick` min) or latest (max) hit, and its period: with `years`, a year
    whose tally holds more hits than its months do holds a hit dated by that year alone
    ("year"); with `months`, so for a month's days ("month")."""
    if years:
        year = pick(by_year)
        in_months = sum(n for key, n in by_month.items() if key // 12 == year)
        if by_year[year] > in_months:
            return date(year, 1, 1), "year"
    if months:
        key = pick(by_month)
        days = sum(n for o, n in by_day.items() if month_key(date.fromordinal(o)) == key)
        if by_month[key] > days:
            return _month_start(key), "month"
    return date.fromordinal(pick(by_day)), ""


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: Sequence[int]) -> str:
    """Counts as bars proportional from zero: the largest full height, any hit at least the
    lowest bar, equal counts equal bars, an empty period a space."""
    top = max(counts, default=0)
    return "".join(SPARKS[-(-n * len(SPARKS) // top) - 1] if n > 0 else " " for n in counts)


def parse_period(value: str) -> tuple[date, date]:
    """The first and last day of a `date` filter value: `1987`, `1987-03`, `1987-03-02` or
    `FROM..TO` (each side one of those); raises ValueError with a line for the user."""
    text = value.strip()
    if ".." in text:
        left, _, right = text.partition("..")
        start, end = _one_period(left)[0], _one_period(right)[1]
    else:
        start, end = _one_period(text)
    if end < start:
        raise ValueError(f"date filter '{value}' ends before it starts")
    return start, end


def _one_period(text: str) -> tuple[date, date]:
    parts = text.strip().split("-")
    problem = ValueError(
        f"date filter '{text.strip()}' is not a date; use 1987, 1987-03, 1987-03-02 "
        "or 1987-03-02..1987-03-08"
    )
    if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
        raise problem
    if len(parts[0]) != 4 or any(len(p) > 2 for p in parts[1:]):
        raise problem
    year, *rest = (int(p) for p in parts)
    try:
        if len(rest) == 2:
            day = date(year, rest[0], rest[1])
            return day, day
        if len(rest) == 1:
            start = date(year, rest[0], 1)
            return start, period_end(start, "month")
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise problem from None
