"""The timeline: hits counted by day, week, month or year, and the `date` filter's periods."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from datetime import date
from pathlib import Path

import oracle
import pytest

from newsread.index import QueryError
from newsread.index.library import Library
from newsread.index.timeline import (
    MAX_BUCKETS,
    SPARKS,
    Timeline,
    build_timeline,
    month_key,
    parse_period,
    sparkline,
    timeline_from,
)


def _of(*days: date, undated: int = 0) -> Timeline:
    return build_timeline(Counter(d.toordinal() for d in days), undated)


def _shape(timeline: Timeline) -> list[tuple[str, int]]:
    return [(b.start.isoformat(), b.count) for b in timeline.buckets]


def _dated(*hits: tuple[date, str]) -> Timeline:
    """The timeline of hits each dated by a day ("") or by a "month" or "year" alone (its
    period's first day), tallied as the engine does."""
    by_day, by_month, by_year = Counter[int](), Counter[int](), Counter[int]()
    for first, period in hits:
        by_year[first.year] += 1
        if period != "year":
            by_month[month_key(first)] += 1
        if not period:
            by_day[first.toordinal()] += 1
    return timeline_from(by_day, by_month, by_year)


def test_a_hit_dated_by_a_period_is_left_out_of_finer_buckets_and_told() -> None:
    hits = [(date(2019, 1, 1), "year"), (date(2019, 3, 1), "month")]
    weeks = _dated(*hits, (date(2019, 3, 5), ""), (date(2019, 7, 1), ""))
    assert weeks.granularity == "week"
    assert [(b.period, b.count) for b in weeks.buckets if b.count] == [
        ("2019-03-04..2019-03-10", 1),
        ("2019-07-01..2019-07-07", 1),
    ]  # not pinned on 1 January or 1 March
    assert weeks.span == "2019-03-05 – 2019-07-01" and weeks.dated == 2
    assert weeks.left_out == 2
    assert weeks.left_out_note == "2 dated by month or year only, not shown by week"
    months = _dated(*hits)
    assert months.granularity == "month" and _shape(months) == [("2019-03-01", 1)]
    assert months.left_out_note == "1 dated by year only, not shown by month"
    assert months.span == "2019-03"
    years = _dated(hits[0])
    assert years.granularity == "year" and _shape(years) == [("2019-01-01", 1)]
    assert (years.left_out, years.left_out_note, years.span) == (0, "", "2019")


def test_a_timeline_never_leaves_most_hits_out() -> None:
    # A day, some months and years apart: months hold two of three, days one.
    timeline = _dated(
        (date(2019, 1, 1), "year"), (date(2019, 3, 1), "month"), (date(2021, 3, 5), "")
    )
    assert timeline.granularity == "month" and timeline.left_out == 1
    assert timeline.span == "2019-03 – 2021-03-05"
    # Three days in March beside two years: the days are kept, the years told.
    days = [(date(2019, 3, d), "") for d in (2, 9, 20)]
    timeline = _dated((date(2017, 1, 1), "year"), (date(2018, 1, 1), "year"), *days)
    assert timeline.granularity == "day" and timeline.dated == 3
    assert timeline.left_out_note == "2 dated by year only, not shown by day"
    # Mostly years: by year, the span naming a year where a hit dated by it comes first or last.
    days = [(date(2019, 6, 1), ""), (date(2021, 3, 5), "")]
    years = [(date(year, 1, 1), "year") for year in (2019, 2020, 2021)]
    timeline = _dated(*years, *days)
    assert timeline.granularity == "year" and timeline.left_out == 0
    assert timeline.span == "2019 – 2021"
    timeline = _dated(*[years[1]] * 3, *days)
    assert timeline.span == "2019-06-01 – 2021-03-05"


@pytest.mark.parametrize("seed", range(40))
def test_bucketing_of_periods_agrees_with_walking_every_day(seed: int) -> None:
    rng = random.Random(seed)
    first = date(rng.randint(1980, 2020), rng.randint(1, 12), rng.randint(1, 28)).toordinal()
    width = rng.choice([1, 7, 60, 400, 1900, 23000])
    hits = []
    for _ in range(rng.randint(1, 30)):
        day = date.fromordinal(first + rng.randrange(width))
        period = rng.choice(["", "", "month", "year"])
        month = 1 if period == "year" else day.month
        hits.append((date(day.year, month, 1 if period else day.day), period))
    fast = _dated(*hits)
    granularity, buckets, undated, left_out, span = oracle.timeline(list(hits))
    assert fast.granularity == granularity, seed
    assert [(b.start, b.count) for b in fast.buckets] == buckets, seed
    assert (fast.undated, fast.left_out, fast.span) == (undated, left_out, span), seed
    assert fast.dated + fast.left_out == len(hits), seed


def test_one_hit_is_one_day() -> None:
    timeline = _of(date(1987, 3, 2))
    assert timeline.granularity == "day"
    assert _shape(timeline) == [("1987-03-02", 1)]
    assert timeline.span == "1987-03-02"
    assert timeline.busiest is not None and timeline.busiest.label == "2 Mar 1987"
    assert timeline.buckets[0].period == "1987-03-02"


def test_all_undated_has_no_buckets() -> None:
    timeline = build_timeline({}, undated=7)
    assert (timeline.granularity, timeline.buckets, timeline.undated) == (None, (), 7)
    assert timeline.busiest is None and timeline.span == "" and timeline.dated == 0


def test_days_up_to_the_cap_then_weeks() -> None:
    start = date(1987, 3, 1)
    sixty = _of(start, date.fromordinal(start.toordinal() + MAX_BUCKETS - 1))
    assert sixty.granularity == "day" and len(sixty.buckets) == MAX_BUCKETS
    assert sum(b.count for b in sixty.buckets) == 2  # the days between are there, empty
    weeks = _of(start, date.fromordinal(start.toordinal() + MAX_BUCKETS))
    assert weeks.granularity == "week"
    # 1 March 1987 was a Sunday: its week starts on Monday 23 February.
    assert weeks.buckets[0].start == date(1987, 2, 23)
    assert weeks.buckets[0].end == date(1987, 3, 1)
    assert weeks.buckets[0].period == "1987-02-23..1987-03-01"
    assert weeks.buckets[0].label == "23 Feb – 1 Mar 1987"
    assert weeks.buckets[1].label == "2–8 Mar 1987"
    assert _of(date(1986, 12, 31), date(1987, 3, 1)).buckets[0].label == "29 Dec 1986 – 4 Jan 1987"


def test_week_boundary_is_monday() -> None:
    timeline = _of(date(2017, 1, 1), date(2017, 1, 2), date(2017, 4, 1))  # Sun, Mon
    assert timeline.granularity == "week"
    assert _shape(timeline)[:3] == [("2016-12-26", 1), ("2017-01-02", 1), ("2017-01-09", 0)]


def test_months_then_years_across_year_ends() -> None:
    months = _of(date(1986, 12, 31), date(1987, 1, 1), date(1988, 3, 1))  # over 60 weeks
    assert months.granularity == "month"
    assert _shape(months)[:2] == [("1986-12-01", 1), ("1987-01-01", 1)]
    assert len(months.buckets) == 16
    assert months.buckets[0].end == date(1986, 12, 31) and months.buckets[0].label == "Dec 1986"
    assert months.buckets[2].end == date(1987, 2, 28)
    assert months.span == "1986-12-31 – 1988-03-01"
    years = _of(date(1980, 6, 1), date(1987, 1, 1), date(1987, 12, 31), undated=3)
    assert years.granularity == "year"
    assert _shape(years) == [
        (f"{y}-01-01", {1980: 1, 1987: 2}.get(y, 0)) for y in range(1980, 1988)
    ]
    assert years.undated == 3 and years.dated == 3
    assert years.busiest is not None and years.busiest.period == "1987"


def test_decades_past_sixty_years_then_centuries() -> None:
    sixty = _of(date(1960, 1, 1), date(2019, 12, 31))
    assert sixty.granularity == "year" and len(sixty.buckets) == 60
    decades = _of(date(1958, 5, 1), date(1987, 1, 1), date(2025, 2, 3))
    assert decades.granularity == "decade"
    assert _shape(decades) == [
        (f"{y}-01-01", {1950: 1, 1980: 1, 2020: 1}.get(y, 0)) for y in range(1950, 2030, 10)
    ]
    first = decades.buckets[0]
    assert (first.label, first.period, first.end) == ("1950s", "1950..1959", date(1959, 12, 31))
    assert parse_period(first.period) == (first.start, first.end)
    centuries = _of(date(1215, 6, 15), date(1987, 1, 1))
    assert centuries.granularity == "century" and len(centuries.buckets) == 8
    assert centuries.buckets[0].label == "1200–1299"
    assert centuries.buckets[-1].period == "1900..1999"


def test_busiest_is_the_earliest_of_equals() -> None:
    timeline = _of(date(2001, 1, 5), date(2001, 3, 5), date(2001, 3, 6), date(2001, 5, 1))
    assert timeline.busiest is not None and timeline.busiest.start == date(2001, 3, 5)
    tied = _of(date(2001, 1, 5), date(2001, 1, 9))
    assert tied.busiest is not None and tied.busiest.start == date(2001, 1, 5)


def test_the_ends_of_the_calendar() -> None:
    assert _of(date.max).buckets[-1].end == date.max
    whole = _of(date.min, date.max)
    assert whole.granularity == "century" and len(whole.buckets) == 100
    assert (whole.buckets[0].start, whole.buckets[0].label) == (date.min, "1–99")
    assert _of(date.min, date(500, 1, 1)).buckets[0].label == "1–9"  # decades
    assert _of(date(9999, 1, 1), date(9999, 12, 31)).buckets[-1].end == date.max  # a week


@pytest.mark.parametrize("seed", range(20))
def test_sparkline_bars_are_proportional_from_zero(seed: int) -> None:
    rng = random.Random(seed)
    counts = [rng.choice([0, 1, rng.randint(1, 10 ** rng.randint(1, 5))]) for _ in range(40)]
    counts[rng.randrange(40)] += 1  # at least one hit
    bars = sparkline(counts)
    top = max(counts)
    for n, bar in zip(counts, bars, strict=True):
        if n == 0:
            assert bar == " ", seed
            continue
        eighths = SPARKS.index(bar) + 1
        assert (eighths - 1) / 8 < n / top <= eighths / 8, (seed, n, top, bar)


def test_sparkline_equal_counts_draw_equal_full_bars() -> None:
    assert (sparkline([1]), sparkline([1, 1]), sparkline([5, 5, 5])) == ("█", "██", "███")
    assert sparkline([1, 100]) == "▁█"  # a period with hits is never empty
    assert sparkline([3, 6, 0]) == "▄█ "
    assert sparkline([]) == ""


@pytest.mark.parametrize("seed", range(40))
def test_bucketing_agrees_with_walking_every_day(seed: int) -> None:
    rng = random.Random(seed)
    first = date(rng.randint(1980, 2020), rng.randint(1, 12), rng.randint(1, 28)).toordinal()
    width = rng.choice([1, 7, 60, 61, 400, 420, 1830, 1900, 9000, 23000])
    dates: list[date | None] = [
        date.fromordinal(first + rng.randrange(width)) for _ in range(rng.randint(1, 30))
    ]
    dates += [None] * rng.randint(0, 3)
    fast = build_timeline(Counter(d.toordinal() for d in dates if d is not None), dates.count(None))
    granularity, buckets, undated, left_out, span = oracle.timeline(
        [(d, "") if d is not None else None for d in dates]
    )
    assert fast.granularity == granularity, seed
    assert [(b.start, b.count) for b in fast.buckets] == buckets, seed
    assert fast.undated == undated, seed
    assert fast.left_out == left_out == 0, seed
    assert fast.span == span, seed
    for bucket, following in itertools.pairwise(fast.buckets):
        assert (following.start - bucket.end).days == 1
        assert parse_period(bucket.period) == (bucket.start, bucket.end)


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("1987", (date(1987, 1, 1), date(1987, 12, 31))),
        ("1988-02", (date(1988, 2, 1), date(1988, 2, 29))),
        ("1987-3-2", (date(1987, 3, 2), date(1987, 3, 2))),
        ("1987-03-02..1987-03-08", (date(1987, 3, 2), date(1987, 3, 8))),
        ("1987..1988-06", (date(1987, 1, 1), date(1988, 6, 30))),
    ],
)
def test_periods_read_back(value: str, period: tuple[date, date]) -> None:
    assert parse_period(value) == period


@pytest.mark.parametrize(
    "value", ["", "87", "1987-13", "1987-02-30", "March", "1988..1987", "1987-03-02..", "١٩٨٧"]
)
def test_bad_periods_say_so_in_one_line(value: str) -> None:
    with pytest.raises(ValueError, match="date filter") as raised:
        parse_period(value)
    assert "\n" not in str(raised.value)


# -- in a search -----------------------------------------------------------------------------


def test_search_counts_every_hit_over_time_and_narrows_to_a_period(small_library: Path) -> None:
    library = Library(small_library).open()
    library.update()
    results = library.search("kelmor", limit=1)
    timeline = results.timeline
    assert timeline is not None and timeline.granularity == "month"  # 2017 to 2021
    assert len(results.hits) == 1 and timeline.dated == results.total == 3
    assert [(b.period, b.count) for b in timeline.buckets if b.count] == [
        ("2017-05", 1),
        ("2019-03", 1),
        ("2021-04", 1),
    ]
    assert timeline.span == "2017-05-30 – 2021-04-02"
    narrowed = library.search("kelmor", filters={"date": "2019-03"})
    assert [hit.title for hit in narrowed.hits] == ["Grain export sanctions tightened"]
    assert narrowed.timeline is not None and narrowed.timeline.granularity == "day"
    week = library.search("", filters={"date": "2017-05-29..2017-06-04"})
    assert [hit.title for hit in week.hits] == ["Kelmor harbour expansion approved"]
    assert library.search("kelmor", facets=False).timeline is None
    with pytest.raises(QueryError, match="date filter '2019-13' is not a date"):
        library.search("kelmor", filters={"date": "2019-13"})
    library.close()
