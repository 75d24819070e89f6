"""The timeline above the results: shown, picked from, narrowed to, hidden when too small."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import hold_counts, notifications, rendered_text, settle, wait_for

from newsread.index.timeline import build_timeline
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.facets import FacetScreen
from newsread.tui.screens.help import HelpScreen
from newsread.tui.widgets.results_list import ResultsList
from newsread.tui.widgets.timeline_bar import TimelineBar, TimelineSparkline, cells_of

MakeApp = Callable[..., NewsreadApp]


def bar_text(app: NewsreadApp) -> str:
    """The words beside the sparkline."""
    return rendered_text(app.main.timeline_bar.query_one("#timeline-label"))


async def test_pick_a_year_narrow_to_it_remove_and_get_it_back(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.main.timeline_bar
        assert bar.display and bar.region.height == 1  # every article: 2015 to 2021, by year
        spark = bar.query_one(TimelineSparkline)
        assert spark.data == [1, 0, 1, 0, 1, 0, 1]
        drawn = rendered_text(spark).ljust(spark.size.width)
        cells = [
            {*drawn[min(c) : max(c) + 1]} for c in (cells_of(b, 7, len(drawn)) for b in range(7))
        ]
        assert cells[1] == cells[3] == cells[5] == {" "}  # a year without a hit is blank
        assert " " not in cells[0] | cells[2] | cells[4] | cells[6]
        assert "2015-05-05 – 2021-04-02 · busiest 2015: 1" in bar_text(app)
        await pilot.press("tab", "T")  # from the list
        await settle(pilot)
        assert app.focused is bar and bar.bucket is not None and bar.bucket.period == "2015"
        await pilot.press("right", "right")
        assert "◂ 2017: 1 hit ▸" in bar_text(app)
        await pilot.press("left")
        assert "◂ 2016: 0 hits ▸" in bar_text(app)
        picked = min(cells_of(1, 7, spark.size.width))
        [segment] = spark.render_line(0).crop(picked, picked + 1)
        assert segment.text == " " and segment.style and segment.style.reverse  # still seen
        await pilot.press("l", "enter")
        await settle(pilot)
        assert app.main.filters == {"date": "2017"}
        assert isinstance(app.focused, ResultsList)
        assert app.main.results_list.keys == ["kelmor-harbour.txt"]
        assert "date: 2017" in rendered_text(app.main.query_one("#filters-bar"))
        assert "2017-05-30" in bar_text(app)  # the timeline follows: one day now
        assert bar.timeline is not None and bar.timeline.granularity == "day"

        await pilot.press("1")  # the filter is removable like the others
        await settle(pilot)
        assert app.main.filters == {} and len(app.main.results_list.keys) == 4
        await pilot.press("left_square_bracket")  # and history brings it back
        await settle(pilot)
        assert app.main.filters == {"date": "2017"}
        assert app.main.results_list.keys == ["kelmor-harbour.txt"]

        await pilot.press("f")  # the filter dialog lists it, and removes it
        await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
        options = app.screen.query_one("#facets", OptionList)
        shown = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert shown[-2:] == ["Date", "✓ 2017"]
        await pilot.press("end", "enter")
        await settle(pilot)
        assert app.main.filters == {} and len(app.main.results_list.keys) == 4


async def test_a_period_picked_for_a_search_stays_only_while_the_search_keeps_its_words(
    library: Path, make_app: MakeApp
) -> None:
    """A month picked on the timeline of "kelmor" silently narrowed the next, unrelated
    search too ("ferry": nothing, all from that month): it felt part of the kelmor search."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press(*"kelmor", "enter")
        await settle(pilot)
        assert len(main.results_list.keys) == 3
        await pilot.press("T", "enter")
        await settle(pilot)
        assert main.filters == {"date": "2017-05"}  # by month: May 2017 to April 2021
        assert main.results_list.keys == ["kelmor-harbour.txt"]
        await pilot.press("slash", *"kelmor harbour", "enter")  # narrowing the same story
        await settle(pilot)
        assert main.filters == {"date": "2017-05"}
        await pilot.press("slash", *"ferry", "enter")  # another one
        await settle(pilot)
        assert main.filters == {}
        assert main.results_list.keys == ["ferry.txt"]
        assert any("2017-05" in m and "“kelmor”" in m for m in notifications(app))
        assert "date" not in rendered_text(main.query_one("#filters-bar"))
        await pilot.press("slash", *"kelmor", "enter")  # its words again: the month is back
        await settle(pilot)
        assert main.filters == {"date": "2017-05"}
        assert main.results_list.keys == ["kelmor-harbour.txt"]


async def test_enter_on_a_period_without_hits_says_so_and_stays(
    library: Path, make_app: MakeApp
) -> None:
    # It narrowed to the blank year: an empty list, "no articles match ... with these filters".
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.main.timeline_bar
        await pilot.press("tab", "T", "right")
        assert "◂ 2016: 0 hits ▸" in bar_text(app) and "Enter" not in bar_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.filters == {} and app.focused is bar
        assert len(app.main.results_list.keys) == 4
        assert "No hits in 2016: ← → picks another period" in notifications(app)


async def test_escape_leaves_and_the_timeline_follows_the_query(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"vessa OR grain", "enter")
        await settle(pilot)
        bar = app.main.timeline_bar
        assert bar.timeline is not None and bar.timeline.granularity == "month"  # 2019 to 2021
        assert bar.timeline.dated == 2
        await pilot.press("T", "end")
        assert "Apr 2021: 1 hit" in bar_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, ResultsList)
        assert "2019-03-12 – 2021-04-02" in bar_text(app)  # the span again, once left
        await pilot.press("slash", *" zzzqx", "enter")  # nothing matches: no timeline
        await settle(pilot)
        assert not bar.display
        assert app.focused is app.main.search_input  # nothing listed: the query is mended
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.focused, ResultsList)
        assert any("No dated hits" in m for m in notifications(app))


async def test_hidden_when_short_and_never_left_focused(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "T")
        assert app.focused is app.main.timeline_bar
        await pilot.resize_terminal(40, 12)
        await wait_for(pilot, lambda: not app.main.timeline_bar.display)
        await settle(pilot)
        assert app.focused is not None and app.focused is not app.main.timeline_bar
        assert app.focused.display
        focused = app.focused
        await pilot.press("T")  # too short: said so, the focus stays
        await settle(pilot)
        assert app.focused is focused
        assert any("taller terminal" in m for m in notifications(app))
        await pilot.resize_terminal(40, 20)  # narrow but tall enough: shown, fits one line
        await wait_for(pilot, lambda: app.main.timeline_bar.display)
        assert app.main.timeline_bar.region.height == 1
        assert app.main.timeline_bar.region.width == 40


async def test_help_and_palette_name_it(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = str(app.screen.help_content())  # type: ignore[attr-defined]
        assert "Timeline (T)" in help_text and "Narrow the search to the picked period" in help_text
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, TimelineBar)


def test_the_marked_cells_are_the_bucket_drawn() -> None:
    assert cells_of(0, 3, 12) == {0, 1, 2, 3}
    assert cells_of(2, 3, 12) == {8, 9, 10, 11}
    assert cells_of(5, 60, 30) == {2}  # two buckets a cell
    assert set().union(*(cells_of(b, 7, 20) for b in range(7))) == set(range(20))
    assert cells_of(0, 0, 10) == set()


async def test_every_period_is_drawn_as_wide_as_every_other(
    library: Path, make_app: MakeApp
) -> None:
    # 8 days in 12 cells drew some days one cell wide and others two; 45 weeks in the cells
    # left at 80 columns put two weeks in some cells and one in others.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.main.timeline_bar
        spark = bar.query_one(TimelineSparkline)
        start = date(2021, 3, 1).toordinal()
        for periods, step in ((8, 1), (45, 7), (60, 7)):
            days = {start + step * n: n % 5 + 1 for n in range(periods)}
            bar.show(build_timeline(days))
            await pilot.pause()
            assert bar.timeline is not None and len(bar.timeline.buckets) == periods
            data = spark.data or []
            merged = -(-periods // len(data))
            assert sum(data) == sum(days.values())
            widths = {
                len(cells_of(value, len(data), spark.size.width)) for value in range(len(data))
            }
            assert len(widths) == 1, (periods, spark.size.width, len(data))
            # Each value the hits of as many periods (the last: those left).
            assert all(
                value == sum(b.count for b in bar.timeline.buckets[at * merged : (at + 1) * merged])
                for at, value in enumerate(data)
            )


async def test_bars_are_drawn_from_zero(library: Path, make_app: MakeApp) -> None:
    # Textual's Sparkline scales from the smallest value: two days of one hit each drew as its
    # lowest bars, one day as full ones, and 3 beside 6 as the lowest bar.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.main.timeline_bar
        spark = bar.query_one(TimelineSparkline)
        day = date(2021, 3, 1).toordinal()
        for counts, bars in (
            ([1], "█"),
            ([1, 1], "██"),
            ([3, 6], "▄█"),
            ([1, 0, 100], "▁ █"),
            ([7, 7, 7, 7], "████"),
        ):
            bar.show(build_timeline({day + n: c for n, c in enumerate(counts) if c}))
            await pilot.pause()
            drawn = rendered_text(spark).ljust(spark.size.width)
            cells = (cells_of(b, len(counts), len(drawn)) for b in range(len(counts)))
            shown = [{*drawn[min(c) : max(c) + 1]} for c in cells]
            assert shown == [{b} for b in bars], (counts, drawn)


async def test_T_while_the_hits_are_counted_says_to_wait_not_that_none_are_dated(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right after indexing ended (the search run again, its timeline to come with the
    counts), T said "No dated hits to show over time" beside a list of dated hits."""
    counting, release = hold_counts(monkeypatch, "kelmor")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press(*"kelmor", "enter")
        await wait_for(pilot, lambda: bool(main.results_list.keys), workers=False)
        assert counting.is_set()
        await pilot.press("T")
        said = notifications(app)[-1]
        assert "No dated hits" not in said and "again in a moment" in said
        release.set()
        await settle(pilot)
        await pilot.press("T")
        assert app.focused is main.timeline_bar


async def test_at_40x12_T_says_the_timeline_needs_a_taller_terminal_whatever_the_hits(
    library: Path, make_app: MakeApp
) -> None:
    # Not "No dated hits": the reason it cannot show at all comes first.
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press(*"zzzqx", "enter", "escape")  # Escape: from the box to the list
        await settle(pilot)
        await pilot.press("T")
        assert notifications(app)[-1] == "The timeline needs a taller terminal"


@pytest.mark.first_index
async def test_hits_dated_by_a_year_or_month_alone_are_told_not_pinned_and_not_narrowed_to(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """A 2019 article counted on 1 January (and found by narrowing to that week) is not
    known to be from January: finer bars leave it out and say so."""
    for when in ("2019", "2019-03", "2019-03-05", "2019-07-01", "2020-05-02"):
        text = f"---\ntitle: Pier {when}\ndate: {when}\n---\nThe pier.\n"
        (tmp_path / f"{when}.md").write_text(text)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.main.timeline_bar
        assert bar.timeline is not None and bar.timeline.granularity == "month"
        shown = [(b.period, b.count) for b in bar.timeline.buckets if b.count]
        assert shown == [("2019-03", 2), ("2019-07", 1), ("2020-05", 1)]  # none in January
        # At 80 columns the busiest month gives way to what the bars leave out.
        assert bar_text(app) == "2019-03 – 2020-05-02 · 1 dated by year only, not shown by month"
        await pilot.press("tab", "T", "home", "enter")
        await settle(pilot)
        assert app.main.filters == {"date": "2019-03"}
        assert sorted(app.main.results_list.keys) == ["2019-03-05.md", "2019-03.md"]
        assert bar.timeline is not None and bar.timeline.granularity == "day"
        assert bar_text(app) == "2019-03-05 · 1 dated by month only, not shown by day"
    app = make_app(tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"date:2019-07", "enter")
        await settle(pilot)
        assert app.main.results_list.keys == ["2019-07-01.md"]
        await pilot.press("slash", *"pier", "enter")
        await settle(pilot)
        assert bar_text(app).startswith("2019-03 – 2020-05-02 · busiest Mar 2019: 2 · 1 dated")
