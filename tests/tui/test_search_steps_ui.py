"""Search as you type in two steps: the first hits with "counting…", then the numbers; a
keystroke cancels the search still running, and only the last query's results stay.

Searches are held at chosen points (events, never sleeps), so what overlaps is decided here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import hold_counts, settle, wait_for

from newsread.index import SearchCancelled
from newsread.index.engine.search import Search
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.results_list import ResultsList

MakeApp = Callable[..., NewsreadApp]


def _status_text(app: NewsreadApp) -> str:
    return str(app.main.status.query_one("#status-text").render())


async def test_the_first_hits_show_counting_then_the_total_and_facets(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting, release = hold_counts(monkeypatch, "kelmor")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter")
        main = app.main
        await wait_for(
            pilot, lambda: main.results and main.results.query == "kelmor", workers=False
        )
        assert counting.is_set() and main.results is not None and not main.results.counted
        assert len(main.results_list.keys) == 3
        assert "counting…" in str(main.results_list.border_title)
        assert "counting…" in _status_text(app)
        release.set()
        await settle(pilot)
        assert main.results.counted and main.results.total == 3
        assert main.results_list.border_title.startswith("1 of 3")  # type: ignore[union-attr]
        assert "3 hits" in _status_text(app) and "counting" not in _status_text(app)
        assert dict(main.results.facets["source"]) == {"HARBOUR GAZETTE": 1, "BALTIC WIRE": 2}


async def test_a_burst_of_keys_cancels_the_running_search_and_ends_on_the_last_query(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    outcomes: dict[str, str] = {}
    real_top = Search.top

    def held_top(self: Search) -> Any:
        if self.text == "harbour":
            started.set()
            release.wait(30)
        try:
            found = real_top(self)
        except SearchCancelled:
            outcomes[self.text] = "cancelled"
            raise
        outcomes[self.text] = "done"
        return found

    shown: list[str] = []
    real_show = ResultsList.show_results

    def show_results(self: ResultsList, results: Any, **options: Any) -> None:
        shown.append(results.query)
        real_show(self, results, **options)

    monkeypatch.setattr(Search, "top", held_top)
    monkeypatch.setattr(ResultsList, "show_results", show_results)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour")
        await wait_for(pilot, started.is_set, workers=False)  # its search waits in its worker
        # The next keys, in one burst: the first of them cancels the search for "harbour".
        await pilot.press(*["backspace"] * 7, *"vessa")
        release.set()
        main = app.main
        await wait_for(pilot, lambda: main.results and main.results.query == "vessa")
        await settle(pilot)
        assert outcomes["harbour"] == "cancelled"  # its worker stopped, showing nothing
        assert "harbour" not in shown and shown[-1] == "vessa"
        assert main.results is not None and main.results.counted
        assert main.results_list.keys == ["flood.txt"]
        assert "1 hit" in _status_text(app)


async def test_enter_on_results_already_shown_moves_to_them_without_searching_again(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor")
        main = app.main
        await wait_for(pilot, lambda: main.results and main.results.query == "kelmor")
        await settle(pilot)
        generation = main._generation
        await pilot.press("enter")
        await settle(pilot)
        assert main._generation == generation  # no second search
        assert app.focused is main.results_list and len(main.results_list.keys) == 3
        # A query that found nothing runs again on Enter, for its "did you mean".
        await pilot.press("escape", *"xq")
        await settle(pilot)
        generation = main._generation
        await pilot.press("enter")
        await settle(pilot)
        assert main._generation == generation + 1


async def test_the_counted_total_adds_a_row_for_every_hit_beyond_the_first_page(
    tmp_path: Path, make_app: MakeApp
) -> None:
    from tui_helpers import write_article

    from newsread.tui.widgets.results_list import PAGE

    root = tmp_path / "library"
    for n in range(PAGE + 5):
        write_article(root, f"a{n:02}.txt", f"Grain report {n}", f"Grain prices, week {n}.")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"grain", "enter")
        await settle(pilot)
        results = app.main.results_list
        assert results.option_count == PAGE + 5 and len(results.keys) == PAGE
        await pilot.press("G")  # the last row: its page is searched for
        await settle(pilot)
        assert len(results.keys) == PAGE + 5
        assert results.border_title == f"{PAGE + 5} of {PAGE + 5} · by relevance"


async def test_enter_straight_after_G_opens_the_last_hit_once_its_page_comes(
    tmp_path: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`G` Enter typed at once: Enter found the last row still without its hit (its page not
    searched yet: slow on a loaded machine, held here) and was dropped."""
    from textual import events
    from tui_helpers import write_article

    from newsread.tui.widgets.results_list import PAGE

    held: list[tuple[ResultsList, int, Any]] = []
    real_add_page = ResultsList.add_page
    monkeypatch.setattr(
        ResultsList, "add_page", lambda self, offset, hits: held.append((self, offset, hits))
    )
    root = tmp_path / "library"
    for n in range(PAGE + 5):
        write_article(root, f"a{n:02}.txt", f"Grain report {n}", f"Grain prices, week {n}.")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"grain", "enter")
        await settle(pilot)
        results = app.main.results_list
        for key, character in [("G", "G"), ("enter", "\r")]:  # at once, as a terminal sends
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: bool(held))
        await settle(pilot)
        assert results.highlighted_row == PAGE + 4 and app.main.reader.article is None
        for page in held:  # the last page comes
            real_add_page(*page)
        await wait_for(pilot, lambda: app.main.reader.article is not None)
        assert app.main.reader.article.key == results.keys[-1]  # type: ignore[union-attr]


async def test_rows_are_added_as_the_last_ones_come_into_view_not_one_per_hit_at_once(
    tmp_path: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """60,000 hits held as 60,000 options cost a second on the event loop: the list holds
    `HELD_ROWS` and adds more as they are reached; `G` still goes to the very last hit."""
    from tui_helpers import write_article

    from newsread.tui.widgets import results_list

    monkeypatch.setattr(results_list, "HELD_ROWS", 30)
    root = tmp_path / "library"
    for n in range(75):
        write_article(root, f"a{n:02}.txt", f"Grain report {n}", f"Grain prices, week {n}.")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"grain", "enter")
        await settle(pilot)
        results = app.main.results_list
        assert results.option_count == 30 and results.border_title.startswith("1 of 75")  # type: ignore[union-attr]
        for _ in range(3):  # down the list: the rows ahead are added before they are reached
            await pilot.press("pagedown", "pagedown", "pagedown")
            await settle(pilot)
        row = results.highlighted_row
        assert row is not None and 30 < row < results.option_count < 75
        await pilot.press("G")
        await settle(pilot)
        assert results.option_count == 75
        assert results.border_title == "75 of 75 · by relevance"
        await pilot.press("g")
        await settle(pilot)
        assert results.highlighted_row == 0
