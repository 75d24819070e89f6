"""The timeline above the results: the query's hits over time as one line.

A Textual `Sparkline` of every bucket's hits, with the span and the busiest period beside it.
Focused (T), ←/→ pick a bucket, its dates and count shown and its bars reversed; Enter asks
for the search to be narrowed to that period (`PeriodChosen`); Escape leaves (`Left`).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.color import Color, blend_rgb
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from newsread.index.timeline import sparkline

if TYPE_CHECKING:
    from textual.app import RenderResult as TextualRenderResult

    from newsread.index import Bucket, Timeline


def cell_buckets(buckets: int, width: int) -> list[range]:
    """The buckets each cell of a `width`-cell Sparkline of `buckets` values draws.

    Textual's Sparkline cuts the data into `width` partitions (Fraction steps, empty ones
    dropped), then walks the cells with a float step over those partitions; this repeats
    that arithmetic, so the cells named are the ones drawn.
    """
    if buckets <= 0 or width <= 0:
        return []
    step = Fraction(buckets, width)
    parts = [
        range(int(step * n), int(step * (n + 1)))
        for n in range(width)
        if int(step * n) < int(step * (n + 1))
    ]
    drawn, at, walk = [], 0.0, len(parts) / width
    for _ in range(width):
        drawn.append(parts[int(at)])
        at += walk  # summed, as Sparkline does: a product can round the other way
    return drawn


def cells_of(bucket: int, buckets: int, width: int) -> set[int]:
    """The cells of a `width`-cell Sparkline of `buckets` values that draw value `bucket`."""
    return {cell for cell, drawn in enumerate(cell_buckets(buckets, width)) if bucket in drawn}


class TimelineSparkline(Sparkline):
    """Textual's Sparkline in its colours and cells, but each bar proportional from zero (it
    scales from the smallest value: two days of one hit each drew as its lowest bars, one day
    as full ones), an empty period blank and the picked bucket's cells reversed."""

    picked: reactive[int | None] = reactive(None)

    def render(self) -> TextualRenderResult:
        drawn = super().render()
        data = self.data or []
        if not data or not isinstance(drawn, SparklineRenderable):
            return drawn  # (nothing to show: the bar is hidden)
        cells = cell_buckets(len(data), self.size.width)
        values = [int(max(data[b] for b in part)) for part in cells]  # (hits: whole)
        top = max(values, default=0) or 1
        low, high = drawn.min_color.color, drawn.max_color.color
        assert low is not None and high is not None
        styled = []
        for value, bar, part in zip(values, sparkline(values), cells, strict=True):
            color = blend_rgb(low.get_truecolor(), high.get_truecolor(), value / top)
            style = Style(color=Color.from_triplet(color), reverse=self.picked in part or None)
            styled.append((bar, style))  # (a blank's colour is seen when it is picked)
        runs = groupby(styled, key=lambda cell: cell[1])  # a run of alike cells: one segment
        return Text.assemble(*(("".join(b for b, _ in run), style) for style, run in runs))


class TimelineBar(Widget, can_focus=True):
    """One line: the sparkline, then the span and busiest period (or the picked bucket)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "pick(-1)", "Earlier", id="timeline.earlier", tooltip="Earlier period"),
        Binding("right,l", "pick(1)", "Later", id="timeline.later", tooltip="Later period"),
        Binding("home,g", "pick_end(0)", "First", show=False, id="timeline.first"),
        Binding("end,G", "pick_end(1)", "Last", show=False, id="timeline.last"),
        Binding(
            "enter",
            "narrow",
            "Narrow",
            id="timeline.narrow",
            tooltip="Narrow the search to the picked period (a date filter)",
        ),
        Binding(
            "escape",
            "leave",
            "Results",
            id="timeline.leave",
            tooltip="Back to the results",
        ),
    ]

    class PeriodChosen(Message):
        """Enter on a bucket: narrow the search to `period` (a `date` filter value)."""

        def __init__(self, period: str, label: str) -> None:
            super().__init__()
            self.period = period
            self.label = label

    class Left(Message):
        """Escape: the focus goes back to the results."""

    picked: reactive[int | None] = reactive(None, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline: Timeline | None = None
        self._merged = 1
        """Periods each value of the sparkline holds (`_fit`)."""
        self._room: int | None = None
        """Cells the summary may take beside the fewest cells of bars (`_fit`)."""

    def compose(self) -> ComposeResult:
        yield TimelineSparkline([], id="timeline-spark")
        yield Static("", id="timeline-label", markup=False)

    @property
    def has_buckets(self) -> bool:
        return self.timeline is not None and bool(self.timeline.buckets)

    def show(self, timeline: Timeline | None) -> None:
        """Show a search's timeline (None or no dated hit: nothing to show, and hidden).

        The picked period stays picked when the new timeline has it (a commit re-ran the
        same search); otherwise nothing is picked until the bar is focused again.
        """
        before = self.bucket
        self.timeline = timeline
        self.set_class(not self.has_buckets, "-empty")  # CSS hides it (and when short)
        buckets = timeline.buckets if timeline else ()
        periods = [b.period for b in buckets]
        picked = periods.index(before.period) if before and before.period in periods else None
        if picked is None and self.has_focus and buckets:
            picked = self._busiest()
        self._fit()
        self.picked = picked
        self._describe()

    @property
    def bucket(self) -> Bucket | None:
        """The picked bucket, if any."""
        if self.timeline is None or self.picked is None:
            return None
        if not 0 <= self.picked < len(self.timeline.buckets):
            return None
        return self.timeline.buckets[self.picked]

    def _busiest(self) -> int | None:
        busiest = self.timeline.busiest if self.timeline else None
        return self.timeline.buckets.index(busiest) if self.timeline and busiest else None

    def watch_picked(self) -> None:
        picked = self.picked
        self.query_one(TimelineSparkline).picked = (
            None if picked is None else picked // self._merged
        )
        self._describe()

    def watch_has_focus(self, has_focus: bool) -> None:
        # (not on_blur: it runs before Widget._on_blur clears has_focus)
        super().watch_has_focus(has_focus)
        if has_focus and self.picked is None:
            self.picked = self._busiest()
        self._describe()

    def _describe(self) -> None:
        self.query_one("#timeline-label", Static).update(self.description())

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """As many cells for every bucket (a few for a few: one period is not a wall), leaving
        room for the span and busiest period. More buckets than cells: each cell the sum of
        as many buckets (the last of fewer when they do not divide), never some cells one
        period and others two, which misstated the shape of the story over time."""
        counts = [b.count for b in self.timeline.buckets] if self.timeline else []
        wanted = min(60, max(len(counts), min(12, 3 * len(counts))))
        self._room = self.size.width - 3 - min(wanted, 12)  # padding and the gap
        room = self.size.width - 3 - self.summary().cell_length
        cells = max(min(wanted, 12), min(wanted, room))
        self._merged = merged = -(-len(counts) // cells) if counts else 1
        data = [sum(counts[at : at + merged]) for at in range(0, len(counts), merged)]
        spark = self.query_one(TimelineSparkline)
        spark.data = data
        spark.styles.width = cells // len(data) * len(data) if data else cells
        self.watch_picked()

    def description(self) -> Content:
        """The picked bucket's dates and hits while focused; else the span and busiest."""
        timeline = self.timeline
        if timeline is None or not timeline.buckets:
            return Content("")
        bucket = self.bucket
        if bucket is not None and self.has_focus:
            hits = f"{bucket.count:,} hit{'s' if bucket.count != 1 else ''}"
            return Content.assemble(
                ("◂ ", "$text-muted"),
                (bucket.label, "bold"),
                f": {hits}",
                (" ▸  Enter narrows to it" if bucket.count else " ▸", "$text-muted"),
            )
        return self.summary()

    def summary(self) -> Content:
        """The span, the busiest period, the hits dated by a period longer than the buckets
        (in none of them) and the undated hits. Short of room, the busiest period and then the
        span give way: what the bars do not show is told first."""
        timeline = self.timeline
        if timeline is None or not timeline.buckets:
            return Content("")
        busiest = timeline.busiest
        parts: dict[str, Content] = {"span": Content(timeline.span)}
        if busiest is not None and len(timeline.buckets) > 1:
            parts["busiest"] = Content.assemble(
                "busiest ", (busiest.label, "bold"), f": {busiest.count:,}"
            )
        if timeline.left_out:
            parts["left out"] = Content(timeline.left_out_note).stylize("$text-muted")
        if timeline.undated:
            parts["undated"] = Content(f"{timeline.undated:,} undated").stylize("$text-muted")
        for giving_way in ("busiest", "span"):
            joined = Content(" · ").join(parts.values())
            if self._room is None or joined.cell_length <= self._room or len(parts) == 1:
                return joined
            parts.pop(giving_way, None)
        return Content(" · ").join(parts.values())

    def action_pick(self, step: int) -> None:
        if self.timeline is None or not self.timeline.buckets:
            return
        last = len(self.timeline.buckets) - 1
        if self.picked is None:
            self.picked = self._busiest()
        else:
            self.picked = max(0, min(last, self.picked + step))

    def action_pick_end(self, end: int) -> None:
        if self.timeline is not None and self.timeline.buckets:
            self.picked = end * (len(self.timeline.buckets) - 1)

    def action_narrow(self) -> None:
        bucket = self.bucket
        if bucket is not None and not bucket.count:
            # Narrowed to a blank period, the list was empty and "f changes" the filter.
            self.notify(f"No hits in {bucket.label}: ← → picks another period", timeout=3)
        elif bucket is not None:
            self.post_message(self.PeriodChosen(bucket.period, bucket.label))

    def action_leave(self) -> None:
        self.post_message(self.Left())
