"""Pilot tests of the main flows, at 80x24 unless a test says otherwise."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import (
    UNDATED,
    IndexedLibraries,
    build_partly_undated_library,
    notifications,
    rendered_text,
    settle,
    wait_for,
    write_feed,
)

from newsread.index import SearchResults
from newsread.index.config import Config
from newsread.index.engine.search import Search
from newsread.tui import key_order
from newsread.tui.app import NewsreadApp
from newsread.tui.messages import SearchDone
from newsread.tui.screens import main as main_screen
from newsread.tui.screens.facets import FacetScreen
from newsread.tui.screens.help import HelpScreen
from newsread.tui.screens.main import MainScreen
from newsread.tui.screens.saved import SavedSearchesScreen
from newsread.tui.widgets.keys_footer import KeysFooter
from newsread.tui.widgets.results_list import ResultsList

MakeApp = Callable[..., NewsreadApp]


def hit_keys(app: NewsreadApp) -> list[str]:
    return app.main.results_list.keys


async def search(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` into an emptied search box and press Enter."""
    app = pilot.app
    await pilot.press("slash")
    app.main.search_input.value = ""
    await pilot.press(*text, "enter")
    await settle(pilot)


class TestSearchAndRead:
    async def test_type_enter_open_next_match_and_back(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.focused is app.main.search_input
            await pilot.press(*"harbour", "enter")
            await settle(pilot)
            assert isinstance(app.focused, ResultsList)
            assert hit_keys(app)[0] == "kelmor-harbour.txt"

            await pilot.press("enter")
            await settle(pilot)
            reader = app.main.reader
            assert app.focused is reader
            assert app.main.has_class("-reading")
            assert not app.main.query_one("#results-column").display
            assert reader.article is not None and reader.article.key == "kelmor-harbour.txt"
            assert reader.match_label == "-/4"  # title and body

            await pilot.press("n")
            assert reader.match_label == "1/4"
            row, column = reader.cursor_location
            assert reader.document[row][column:].lower().startswith("harbour")
            await pilot.press("n", "n")
            assert reader.match_label == "3/4"
            await pilot.press("N")
            assert reader.match_label == "2/4"
            assert "match 2/4" in str(reader.border_subtitle)

            await pilot.press("escape")
            assert not app.main.has_class("-reading")
            assert isinstance(app.focused, ResultsList)

    async def test_search_runs_as_you_type(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press(*"vessa")
            await wait_for(pilot, lambda: app.main.results and app.main.results.query == "vessa")
            assert hit_keys(app) == ["flood.txt"]
            assert app.focused is app.main.search_input  # typing never steals the focus

    async def test_stale_results_are_dropped(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "vessa")
            shown = app.main.results
            assert shown is not None
            older = app.library.search("ferry")  # type: ignore[union-attr]
            app.main.post_message(SearchDone(app.main._generation - 1, older))
            await pilot.pause()
            assert app.main.results is shown
            assert hit_keys(app) == ["flood.txt"]

    async def test_article_flow_fits_80x24(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "grain")
            await pilot.press("enter")
            await settle(pilot)
            reader = app.main.reader
            assert reader.region.width == 80 and reader.region.bottom <= 22
            text = rendered_text(reader)
            assert "Grain export sanctions tightened" in text
            assert "BALTIC WIRE · Business · 12 March 2019 09:05" in text
            assert "By Tomas Reder, Ana Liu" in text
            assert "Traders in Kelmor expect shipments to fall sharply this autumn." in text

    async def test_wide_terminal_shows_list_and_article_side_by_side(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            results, article = app.main.results_list, app.main.query_one("#article-column")
            assert results.region.width > 50 and article.region.x >= results.region.right
            await pilot.press("j")  # the highlight moves: the article previews beside the list
            second = hit_keys(app)[1]
            view = app.main.article_view
            await wait_for(pilot, lambda: view.article is not None and view.article.key == second)
            assert app.focused is results
            await pilot.press("enter")
            await settle(pilot)
            assert app.focused is app.main.reader
            assert app.main.timeline_bar.display  # the lines above the list are above both:
            assert results.region.y == app.main.reader.region.y  # the borders line up
            await pilot.press("q")
            assert app.focused is results and app.main.query_one("#article-column").display

    async def test_reader_scroll_keys_move_through_a_long_article(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        from tui_helpers import write_article

        root = tmp_path / "long"
        body = "\n\n".join(f"Paragraph {n} about the harbour and its cranes." for n in range(80))
        write_article(root, "long.txt", "A long article", body)
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter", "enter")
            await settle(pilot)
            reader = app.main.reader
            await pilot.press("space")
            assert reader.scroll_y > 0
            await pilot.press("G")
            assert reader.cursor_location[0] == reader.document.line_count - 1
            await pilot.press("g")
            assert reader.cursor_location == (0, 0) and reader.scroll_y == 0
            await pilot.press("ctrl+d")
            assert reader.cursor_location[0] > 0
            await pilot.press("ctrl+u")
            assert reader.cursor_location[0] == 0
            await pilot.press("j", "j")
            assert reader.cursor_location[0] == 2
            await pilot.press("k")
            assert reader.cursor_location[0] == 1

    async def test_typing_on_after_enters_wait_ran_out_keeps_the_focus_in_the_box(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Enter's results take the focus to the list, and keys typed meanwhile wait, up to
        `HOLD_LIMIT`. A search slower than that (a loaded machine, an index being written)
        let the user type on in the box, and the answer to the new query then pulled the
        focus to the list from under the keys: the rest of the query went to the list."""
        release = _hold_back(monkeypatch, "harbour")
        monkeypatch.setattr(key_order, "HOLD_LIMIT", 0.1)  # the search outlasts the wait
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            main = app.main
            await pilot.press(*"harbour", "enter")
            await wait_for(pilot, lambda: not app.key_order.busy, workers=False)
            await pilot.press(*" grain")
            await wait_for(
                pilot,
                lambda: main.results is not None and main.results.query == "harbour grain",
                workers=False,
            )
            release.set()
            await settle(pilot)
            assert app.focused is main.search_input
            assert main.search_input.value == "harbour grain"

    async def test_a_key_in_the_box_after_enters_wait_ran_out_keeps_the_focus_there(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """As above, with keys that move the cursor to mend the query (no new query): its
        late results pulled the focus to the list, and the letters typed next went there (`t`
        opened the tags dialog, the rest of the word became a tag)."""
        release = _hold_back(monkeypatch, "harbour")
        monkeypatch.setattr(key_order, "HOLD_LIMIT", 0.1)  # the search outlasts the wait
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            main = app.main
            await pilot.press(*"harbour", "enter")
            await wait_for(pilot, lambda: not app.key_order.busy, workers=False)
            await pilot.press("left", "left")
            release.set()
            await wait_for(pilot, lambda: main.results is not None, workers=False)
            await settle(pilot)
            assert app.focused is main.search_input
            await pilot.press("t")
            assert main.search_input.value == "harbotur"


def _hold_back(monkeypatch: pytest.MonkeyPatch, text: str) -> threading.Event:
    """The search for `text` waits for the event returned (30 s at most)."""
    release = threading.Event()
    top = Search.top

    def held_back(search: Search) -> SearchResults:
        if search.text == text:
            release.wait(30)
        return top(search)

    monkeypatch.setattr(Search, "top", held_back)
    return release


class TestTyping:
    """Search as you type: the search starts once the keys stop (`EARLY_DELAY`), its results
    are shown once the typing has paused (`SEARCH_DELAY`), worked out meanwhile. The pause
    never runs out by itself here: `pause_runs_out` ends it."""

    @pytest.fixture(autouse=True)
    def endless_pause(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(main_screen, "SEARCH_DELAY", 600.0)

    @staticmethod
    async def type_and_hold(pilot: Pilot, text: str, messages: int = 2) -> MainScreen:
        """Type `text` once the first search is in; both steps of its search are kept (or
        its one failure, `messages=1`)."""
        assert isinstance(pilot.app, NewsreadApp)
        main = pilot.app.main
        await wait_for(pilot, lambda: main._unfinished == 0)
        await pilot.press(*text)
        await wait_for(pilot, lambda: len(main._held_messages) == messages)
        return main

    @staticmethod
    async def pause_runs_out(pilot: Pilot, main: MainScreen) -> None:
        assert main._search_timer is not None
        main._search_timer.stop()
        main._search_if_changed()
        await settle(pilot)

    async def test_a_typed_search_is_worked_out_before_the_pause_shows_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            # The first results on screen (nothing unfinished is true before the first
            # search has even started: under load the keys came before it).
            await wait_for(
                pilot, lambda: app.main._unfinished == 0 and app.main.results is not None
            )
            shown = hit_keys(app)
            main = await self.type_and_hold(pilot, "harbour")
            # Both steps are in, and wait: the list has not changed under the keys.
            assert hit_keys(app) == shown
            assert main.results is not None and main.results.query != "harbour"
            generation = main._generation
            await self.pause_runs_out(pilot, main)
            assert main._generation == generation  # shown, not searched again
            assert hit_keys(app)[0] == "kelmor-harbour.txt"
            assert main.results.query == "harbour" and main.results.counted

    async def test_a_batch_saved_while_typing_leaves_the_list_until_the_pause(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # Under load a batch saved after "h" of "harbour" reran the search at once: the list
        # showed the hits of "h" (none) under the keys, and the pause was dropped.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(
                pilot, lambda: app.main._unfinished == 0 and app.main.results is not None
            )
            shown = hit_keys(app)
            main = await self.type_and_hold(pilot, "h")
            main.index_committed(4)  # as the index worker's IndexCommitted does
            await wait_for(pilot, lambda: len(main._held_messages) == 2)
            assert hit_keys(app) == shown
            assert main._search_timer is not None  # the pause goes on
            await pilot.press(*"arbour")
            await wait_for(pilot, lambda: len(main._held_messages) == 2)
            assert hit_keys(app) == shown
            await self.pause_runs_out(pilot, main)
            assert main.results is not None and main.results.query == "harbour"
            assert hit_keys(app)[0] == "kelmor-harbour.txt"

    async def test_an_answer_on_its_way_when_a_key_is_typed_is_never_shown(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Under load the early search's answer was posted just before a key and handled just
        # after it, which had let go of the held answers: the hits of "h" (none) were shown
        # under the keys (the flaky test above, 1 run in ~5 at load 12).
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(
                pilot, lambda: app.main._unfinished == 0 and app.main.results is not None
            )
            shown = hit_keys(app)
            main = await self.type_and_hold(pilot, "h")
            on_their_way = list(main._held_messages)
            monkeypatch.setattr(main_screen, "EARLY_DELAY", 600.0)  # no search for "ha" yet
            await pilot.press("a")
            for message in on_their_way:  # handled after the key, as under load
                main.post_message(message)
            for _ in range(3):  # (settle would wait for the typing's timers)
                await pilot.pause()
            assert main._message_queue.empty()
            assert hit_keys(app) == shown
            assert main.results is not None and main.results.query != "h"

    async def test_a_key_typed_meanwhile_drops_the_early_answer(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            main = await self.type_and_hold(pilot, "harbour")
            first = main._generation
            await pilot.press("s")
            await wait_for(pilot, lambda: len(main._held_messages) == 2)
            assert main._generation > first
            assert {m.generation for m in main._held_messages} == {main._generation}
            assert main._searched is not None and main._searched[0] == "harbours"
            await self.pause_runs_out(pilot, main)
            assert main.results is not None and main.results.query == "harbours"

    async def test_enter_takes_the_search_started_early_as_its_own(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            main = await self.type_and_hold(pilot, "harbour")
            generation = main._generation
            await pilot.press("enter")
            await settle(pilot)
            assert main._generation == generation  # shown, not searched again
            assert isinstance(app.focused, ResultsList)
            assert hit_keys(app)[0] == "kelmor-harbour.txt"

    async def test_enter_on_an_early_search_that_failed_leaves_the_next_typing_alone(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # The early search of a bad query has failed before Enter: Enter shows its error and
        # leaves the focus in the box. Nothing is left waiting for results that never come:
        # the next query's typed results used to take the focus mid-word (the keys after
        # them went to the list, and Enter opened an article).
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            main = await self.type_and_hold(pilot, '"unclosed', messages=1)
            await pilot.press("enter")
            assert "unbalanced quote" in rendered_text(main.query_one("#query-error"))
            await settle(pilot)
            assert app.focused is main.search_input
            main.search_input.value = ""
            main = await self.type_and_hold(pilot, "ferry")
            await self.pause_runs_out(pilot, main)
            assert hit_keys(app) == ["ferry.txt"]
            assert app.focused is main.search_input

    async def test_enter_on_an_early_search_that_finds_nothing_asks_for_a_suggestion(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Enter comes while the early search still runs; it finds nothing, and typing asks
        # for no "did you mean": it runs again, with one.
        release = _hold_back(monkeypatch, "harbur")
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            # The first results on screen (nothing unfinished is true before the first
            # search has even started: under load the keys came before it).
            await wait_for(
                pilot, lambda: app.main._unfinished == 0 and app.main.results is not None
            )
            main = app.main
            await pilot.press(*"harbur")
            await wait_for(pilot, lambda: bool(main._held), workers=False)
            generation = main._generation
            await pilot.press("enter")
            assert main._generation == generation and main._adopted == generation
            release.set()
            await settle(pilot)
            assert main._generation == generation + 1
            assert "Did you mean harbour?" in rendered_text(main.results_list)
            assert isinstance(app.focused, ResultsList)


class TestResults:
    async def test_sort_cycles_relevance_newest_oldest(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            assert app.main.results.sort == "relevance"  # type: ignore[union-attr]
            await pilot.press("s")
            await settle(pilot)
            assert app.main.results.sort == "newest"  # type: ignore[union-attr]
            assert hit_keys(app) == ["flood.txt", "grain/sanctions.txt", "kelmor-harbour.txt"]
            assert "newest first" in str(app.main.results_list.border_title)
            await pilot.press("s")
            await settle(pilot)
            assert app.main.results.sort == "oldest"  # type: ignore[union-attr]
            assert hit_keys(app) == ["kelmor-harbour.txt", "grain/sanctions.txt", "flood.txt"]
            await pilot.press("s")
            await settle(pilot)
            assert app.main.results.sort == "relevance"  # type: ignore[union-attr]
            assert app.main.results.sort == "relevance"  # type: ignore[union-attr]

    async def test_a_date_sort_labels_the_first_undated_row_past_paging_and_resizing(
        self, tmp_path: Path, indexed_libraries: IndexedLibraries, make_app: MakeApp
    ) -> None:
        """Undated articles come last both ways, and nothing said where the dated ones end:
        a reader took them for the oldest. A label over the first undated row says it; it is
        no row of its own (the keys pass it by, the count stays)."""
        library = indexed_libraries.copy(build_partly_undated_library, tmp_path / "library")
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            listed = app.main.results_list
            first_undated = 28  # of 31: the undated three last
            assert listed.undated_from is None  # by relevance
            for sort in ("newest", "oldest"):
                await pilot.press("s")
                await settle(pilot)
                assert app.main.results.sort == sort  # type: ignore[union-attr]
                assert listed.undated_from == first_undated
                assert " of 31 · " in str(listed.border_title)
                assert "Undated from here" not in rendered_text(listed)  # far below
                await pilot.press("G")  # the last page only: the row before is not loaded
                await settle(pilot)
                for size in ((80, 24), (160, 40), (80, 24)):
                    await pilot.resize_terminal(*size)
                    await settle(pilot)
                    lines = rendered_text(listed).splitlines()
                    at = [n for n, line in enumerate(lines) if "Undated from here" in line]
                    assert at and "Undated note 0" in lines[at[0] + 1], (sort, size, lines)
                rows = []
                for _ in range(UNDATED):
                    await pilot.press("k")
                    rows.append(listed.highlighted_row)
                assert rows == [29, 28, 27]  # the label is no stop of its own
                await pilot.press("g")
            await pilot.press("s")  # by relevance: no label
            await settle(pilot)
            assert listed.undated_from is None

    async def test_the_highlighted_hit_stays_in_view_when_the_terminal_shrinks(
        self, tmp_path: Path, indexed_libraries: IndexedLibraries, make_app: MakeApp
    ) -> None:
        """The last hit highlighted at 160x40, the terminal made 80x24: the list kept its
        scroll, and the highlighted hit was below the bottom edge (keys moved an unseen
        highlight) until the highlight moved past the rows shown."""
        library = indexed_libraries.copy(build_partly_undated_library, tmp_path / "library")
        app = make_app(library)
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press("G")
            await settle(pilot)
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            listed = app.main.results_list
            assert listed.highlighted_row == 30
            assert listed.rows[30].title in rendered_text(listed)

    async def test_sort_goes_between_newest_and_oldest_on_a_list_with_no_words(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Every article listed (no query), `s` said "Sorted by newest" over the same list,
        then "Sorted by relevance" over a list newest first: with no words there is nothing
        to rank by."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("escape")
            seen = []
            for _ in range(3):
                await pilot.press("s")
                await settle(pilot)
                assert app.main.results is not None
                seen.append((app.main.results.sort, notifications(app)[-1]))
            assert seen == [
                ("oldest", "Sorted by oldest"),
                ("newest", "Sorted by newest"),
                ("oldest", "Sorted by oldest"),
            ]
            await search(pilot, "kelmor")  # words again: relevance is a choice
            await pilot.press("s")
            await settle(pilot)
            assert app.main.results.sort == "relevance"  # type: ignore[union-attr]

    async def test_sorting_and_unfiltering_keep_the_list_on_the_hit_it_was_on(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # Each went back to the first hit: the article picked was somewhere else in the list.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            listed = app.main.results_list
            listed.highlighted = hit_keys(app).index("grain/sanctions.txt")
            for _ in range(3):  # newest, oldest, relevance
                await pilot.press("s")
                await settle(pilot)
                assert listed.highlighted_key == "grain/sanctions.txt", app.main.sort
            app.main.filters = {"year": "2019"}
            app.main.search_now()
            await settle(pilot)
            assert hit_keys(app) == ["grain/sanctions.txt"]
            await pilot.press("1")  # back to three hits, still on this one
            await settle(pilot)
            assert len(hit_keys(app)) == 3
            assert listed.highlighted_key == "grain/sanctions.txt"
            app.main.filters = {"year": "2021"}  # a list without it: on its first hit
            app.main._search_again()
            await settle(pilot)
            assert hit_keys(app) == ["flood.txt"] and listed.highlighted == 0

    async def test_facets_filter_by_source_with_counts_and_clear(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            facets = app.screen.query_one("#facets")
            prompts = [str(o.prompt) for o in facets.options]  # type: ignore[attr-defined]
            assert "  BALTIC WIRE  2" in prompts and "  HARBOUR GAZETTE  1" in prompts
            assert "  2021  1" in prompts
            facets.highlighted = prompts.index("  BALTIC WIRE  2")  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.filters == {"source": "BALTIC WIRE"}
            assert sorted(hit_keys(app)) == ["flood.txt", "grain/sanctions.txt"]
            assert "1 source: BALTIC WIRE" in rendered_text(app.main.query_one("#filters-bar"))

            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            facets = app.screen.query_one("#facets")
            prompts = [str(o.prompt) for o in facets.options]  # type: ignore[attr-defined]
            assert prompts[0] == "Clear all filters" and "✓ BALTIC WIRE  2" in prompts
            facets.highlighted = 0  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.filters == {}
            assert len(hit_keys(app)) == 3

    async def test_filters_enter_toggles_only_a_filter_moved_to_and_slash_searches(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # ux20 P10: `Escape / opec Enter` in the dialog came as alt+/, o p e c, Enter, and Enter
        # set the filter the dialog opened on, one the user never chose.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FacetScreen) and app.main.filters == {}
            assert any("Move to a filter first" in n for n in notifications(app))
            await pilot.press("slash", *"opec")  # what the terminal's ESC / becomes
            await wait_for(pilot, lambda: app.screen is app.main)
            assert app.focused is app.main.search_input
            assert app.main.search_input.value == "opec"  # the query replaced, as / does
            assert app.main.filters == {}
            await search(pilot, "kelmor")
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            await pilot.press("j", "enter")  # moved to: the first filter
            await settle(pilot)
            assert app.main.filters == {"source": "BALTIC WIRE"}

    async def test_a_filter_chosen_shows_with_the_dialog_gone_before_its_search_starts(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # ux20 P14: under load Enter on a filter left the dialog up ~3 s with nothing changing:
        # the search's thread, started at once, competed with the repaint.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            events: list[str] = []
            real_refresh = MainScreen._compositor_refresh
            real_search = MainScreen.search_now

            def refreshed(screen: MainScreen) -> None:
                real_refresh(screen)
                events.append("painted")

            def searched(screen: MainScreen, **options: bool) -> None:
                bar = screen.query_one("#filters-bar")
                events.append(f"search, filters bar: {bar.render() if bar.display else ''}")
                real_search(screen, **options)

            monkeypatch.setattr(MainScreen, "_compositor_refresh", refreshed)
            monkeypatch.setattr(MainScreen, "search_now", searched)
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            await pilot.press("j")
            events.clear()
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.filters == {"source": "BALTIC WIRE"}
            started = next(n for n, e in enumerate(events) if e.startswith("search"))
            assert "painted" in events[:started], events
            assert "1 source: BALTIC WIRE" in events[started]

    async def test_sources_taken_from_folders_are_marked_in_filters_and_versions(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        # The results list said "bbc (folder)"; the filter dialog and "+1 version" said "wire".
        root = tmp_path / "folders"
        rng = random.Random(5)  # prose long and varied enough to tell one story twice
        words = " ".join(rng.choice("bdgklmnprt") + rng.choice("aeiu") + "lo" for _ in range(90))
        for name, title, ending in (
            ("wire", "Harbour quay closes", ""),
            ("bbc", "Quay to close", " More."),
        ):
            (root / name).mkdir(parents=True)
            (root / name / "quay.md").write_text(f"# {title}\n\n{words} quay.{ending}\n")
        (root / "named.md").write_text(
            "---\nsource: HARBOUR GAZETTE\n---\n# Quay repairs\n\nA quay.\n"
        )
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "quay")
            listed = app.main.results_list
            await wait_for(pilot, lambda: "+1 version: " in rendered_text(listed))
            shown = rendered_text(listed)
            assert "+1 version: wire (folder)" in shown or "+1 version: bbc (folder)" in shown
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
            facets = app.screen.query_one("#facets")
            prompts = [str(o.prompt) for o in facets.options]  # type: ignore[attr-defined]
            sources = prompts[1 : prompts.index("Section")] if "Section" in prompts else prompts
            assert "  bbc (folder)  1" in sources and "  wire (folder)  1" in sources, prompts
            assert "  HARBOUR GAZETTE  1" in sources
            # Chosen, the filter is shown with the same mark above the list (it said "bbc").
            ids = [o.id for o in facets.options]  # type: ignore[attr-defined]
            facets.highlighted = ids.index("source\0bbc")  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.filters == {"source": "bbc"}
            assert "1 source: bbc (folder)" in rendered_text(app.main.query_one("#filters-bar"))
            app.main.results = None  # as on a restart: the filter is there before any search
            app.main.search_now()
            await settle(pilot)
            assert "1 source: bbc (folder)" in rendered_text(app.main.query_one("#filters-bar"))

    async def test_filters_show_above_the_list_and_go_one_by_one_or_all(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            bar = app.main.query_one("#filters-bar")
            assert not bar.display  # no filters, no bar
            app.main.filters = {"source": "BALTIC WIRE", "year": "2021"}
            app.main.search_now()
            app.main._visit()
            await settle(pilot)
            text = rendered_text(bar)
            assert bar.display and "1 source: BALTIC WIRE" in text and "2 year: 2021" in text
            assert hit_keys(app) == ["flood.txt"]
            await pilot.press("1")  # the first one goes
            await settle(pilot)
            assert app.main.filters == {"year": "2021"}
            assert "1 year: 2021" in rendered_text(bar)
            await pilot.press("F")  # and all of them
            await settle(pilot)
            assert app.main.filters == {} and not bar.display
            assert len(hit_keys(app)) == 3

            await pilot.press("alt+left")  # history brings them back, where they are seen
            await settle(pilot)
            assert app.main.filters == {"year": "2021"}
            assert bar.display and "1 year: 2021" in rendered_text(bar)

    async def test_the_filters_bar_keeps_to_one_row_in_a_narrow_terminal(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # At 40 columns "Filters 1 date: 2019-01-01..2021-12-31  · F clears" took two of the
        # twelve rows.
        app = make_app(library)
        async with app.run_test(size=(40, 12)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            app.main.filters = {"date": "2019-01-01..2021-12-31"}
            app.main.search_now()
            await settle(pilot)
            bar = app.main.query_one("#filters-bar")
            assert bar.size.height == 1
            assert rendered_text(bar).strip() == "1 date: 2019-01-01..2021-12-31"
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            text = rendered_text(bar).strip()
            assert text == "Filters 1 date: 2019-01-01..2021-12-31  · F clears"

    async def test_no_hits_under_filters_names_the_keys_that_work_where_the_focus_is(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Typed in the box (no Enter), no hits under a filter said "f changes them" and the
        bar "F clears": there f and F type into the query."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.main.filters = {"source": "ISLAND POST"}
            await pilot.press("slash", *"kelmor")
            await settle(pilot)
            assert app.focused is app.main.search_input and not hit_keys(app)
            message = app.main.query_one("#results-message")
            bar = app.main.query_one("#filters-bar")
            assert "Escape, then f changes them" in rendered_text(message)
            assert rendered_text(bar).strip().endswith("· Escape, then F clears")
            await pilot.press("escape")  # to the (empty) list, where f and F work
            await settle(pilot)
            assert isinstance(app.focused, ResultsList)
            assert "; f changes them" in rendered_text(message)
            assert rendered_text(bar).strip().endswith("· F clears")
            await pilot.press("F")
            await settle(pilot)
            assert app.main.filters == {} and len(hit_keys(app)) == 3

    async def test_a_date_search_finding_nothing_says_what_the_period_rule_left_out(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        (tmp_path / "y.md").write_text("---\ntitle: Pier\ndate: 2019\n---\nPier.\n")
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "date:2019-01")
            message = app.main.query_one("#results-message")
            await wait_for(pilot, lambda: "dated 2019 only" in rendered_text(message))
            assert hit_keys(app) == [] and " ".join(rendered_text(message).split()) == (
                "No articles match “date:2019-01”: 1 article dated 2019 only is not counted: "
                "it may be from outside the dates asked for."
            )

    async def test_no_hits_offers_the_suggestion_on_one_key(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        app = make_app(library)
        shown: list[str] = []
        show = MainScreen.show_message
        monkeypatch.setattr(
            MainScreen, "show_message", lambda s, text: (shown.append(text), show(s, text))
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "xqzvw")  # nothing like it: the advice comes with the counts
            assert shown[-1].endswith(
                "Try fewer words, a prefix (harb*) or a fuzzy word (harbuor~)."
            )
            # Nothing in the list to act on: the box keeps the focus, and the keys typed next
            # mend the query (on the empty list they were lost).
            assert app.focused is app.main.search_input
            await pilot.press("backspace", "y")
            assert app.main.search_input.value == "xqzvy"
            await pilot.press("slash")
            app.main.search_input.value = ""
            await pilot.press(*"harbur")
            # Typing asks for no "did you mean": on a loaded machine a pause between two keys
            # (or before Enter) searches for what is typed so far, and its advice is rightly
            # shown meanwhile. Enter's search is the one that must not give advice.
            await settle(pilot)
            shown.clear()
            await pilot.press("enter")
            await settle(pilot)
            # The suggestion comes in a second step: no advice is shown, then taken back.
            advice = [text for text in shown if "Try fewer words" in text]
            assert not [text for text in advice if "“harbur”" in text]
            assert hit_keys(app) == []
            message = app.main.query_one("#results-message")
            assert message.display and "No articles match “harbur”" in rendered_text(message)
            assert "Did you mean harbour?" in rendered_text(app.main.results_list)
            assert isinstance(app.focused, ResultsList)
            # The key for it is in the footer (the row came after the list took the focus; the
            # footer is rebuilt after a refresh, which one pause did not always cover).
            await wait_for(
                pilot,
                lambda: (
                    "Did you mean" in [k.description for k in app.main.query_one(KeysFooter).keys]
                ),
            )
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.search_input.value == "harbour"
            assert hit_keys(app)[0] == "kelmor-harbour.txt"

    async def test_bad_query_shows_its_error_and_keeps_the_last_results(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            before = hit_keys(app)
            assert isinstance(app.focused, ResultsList)  # Enter: the results take the focus
            await search(pilot, '"unclosed')
            error = app.main.query_one("#query-error")
            assert error.display
            assert "unbalanced quote" in rendered_text(error)
            assert hit_keys(app) == before
            assert app.focused is app.main.search_input  # left where the error can be fixed
            await search(pilot, "ferry")
            assert not error.display
            assert hit_keys(app) == ["ferry.txt"]
            assert isinstance(app.focused, ResultsList)

    async def test_a_query_of_only_common_words_empties_the_list_and_says_why(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert hit_keys(app)  # every article, newest first
            await search(pilot, "the")
            error = app.main.query_one("#query-error")
            assert "nothing to search for" in rendered_text(error)
            assert hit_keys(app) == []
            assert app.main.results_list.border_title.startswith("0 results")

    async def test_one_list_over_every_hit_loads_pages_as_they_come_into_view(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        from tui_helpers import write_article

        root = tmp_path / "many"
        for n in range(45):
            write_article(root, f"a{n:02}.txt", f"Harbour report {n}", f"Harbour news item {n}.")
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            results = app.main.results_list
            assert results.option_count == 45  # a row per hit, 20 of them loaded
            assert len(hit_keys(app)) == 20
            assert str(results.border_title).startswith("1 of 45 · by relevance")
            await pilot.press("G")  # the real last hit: its page is loaded on the way
            # (Asked for once its rows are drawn: under load that came after a settle.)
            await wait_for(pilot, lambda: results.highlighted_key is not None)
            await settle(pilot)
            assert results.highlighted == 44
            assert str(results.border_title).startswith("45 of 45 · by relevance")
            assert len(hit_keys(app)) == 25  # the first page and the last (5), not the middle
            whole = app.library.search("harbour", limit=100)  # type: ignore[union-attr]
            assert results.highlighted_key == whole.hits[44].key
            await pilot.press("j")  # no wrapping round to the first hit
            assert results.highlighted == 44
            await pilot.press("g", "k")
            assert results.highlighted == 0

    async def test_limited_results_say_so_above_the_list(
        self, library: Path, make_app: MakeApp
    ) -> None:
        from dataclasses import replace

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            limited = replace(app.main.results, limited="'k*' limited to its 8 most common words")
            app.main.post_message(SearchDone(app.main._generation, limited))
            await pilot.pause()
            message = rendered_text(app.main.query_one("#results-message"))
            assert "Results may be incomplete: 'k*' limited to its 8 most common words" in message
            assert "limited: 'k*'" in rendered_text(app.main.query_one("#status-text"))

    async def test_index_commit_reruns_the_current_search(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "ferry")
            assert hit_keys(app) == ["ferry.txt"]
            # Another run of the indexer commits a new article that matches the current search.
            (library / "ferry-late.txt").write_text(
                "Late ferry\n\nThe evening ferry to Kelmor was cancelled again.\n"
            )
            app.library.update()  # type: ignore[union-attr]
            generation = app.main._generation
            app.main.index_committed(5)
            await settle(pilot)
            assert app.main._generation == generation + 1
            assert sorted(hit_keys(app)) == ["ferry-late.txt", "ferry.txt"]

    async def test_index_change_keeps_the_highlight_on_its_hit_past_the_first_page(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        """A commit runs the search again; the hit highlighted past the first page (20 hits)
        keeps the highlight, though a new hit above moved it down a row."""
        from tui_helpers import write_article

        root = tmp_path / "many"
        for n in range(30):
            write_article(root, f"h{n:02}.txt", f"Harbour report {n}", "Harbour." * (n + 1))
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            results = app.main.results_list
            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press("G", *"kkkk")
            assert results.highlighted_row == 25
            # The row's page comes from a worker: under load it was not in yet, the hit's key
            # read as None, and the wait below for (None, 26) ran out (seen on a loaded run).
            await wait_for(pilot, lambda: results.highlighted_key is not None, timeout=10)
            harbour = results.highlighted_key
            write_article(root, "top.txt", "Harbour harbour", "Harbour harbour. " * 40)
            app.library.update()  # type: ignore[union-attr]
            app.main.index_committed(1)
            await settle(pilot)
            assert results.keys[0] == "top.txt"
            # The rows past the first page come a step later (seen as (None, 25) before then).
            await wait_for(
                pilot,
                lambda: (results.highlighted_key, results.highlighted_row) == (harbour, 26),
                timeout=10,
            )

    async def test_index_change_keeps_the_highlight_on_its_article_of_a_file_of_several(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Seen in use: with the list on the second article of a JSON export, an article put
        at the export's front moved the highlight, as the search ran again, to the article
        now second: the list kept the hit's key, a position in the file."""
        write_feed(library, ["Quay cranes arrive", "Quay tolls rise"])
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            results = app.main.results_list
            await settle(pilot)
            await search(pilot, "quay")
            await pilot.press("j")
            assert results.highlighted_key == "feed.json#2"
            write_feed(library, ["Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise"])
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: "1 file changed — indexing" in notifications(app))
            await settle(pilot)
            await wait_for(pilot, lambda: len(results.keys) == 3)
            assert results.highlighted_key == "feed.json#3"
            # Left for another search, the feed changed again meanwhile: `[` comes back to the
            # list on the article it was left on, not on the key it had then.
            await search(pilot, "vessa")
            titles = ["Quay lights fixed", "Ferry fares frozen", "Quay cranes arrive"]
            write_feed(library, [*titles, "Quay tolls rise"])
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: "1 file changed — indexing" in notifications(app))
            await settle(pilot)
            await pilot.press("left_square_bracket")
            await settle(pilot)
            await wait_for(pilot, lambda: len(results.keys) == 4)
            assert results.highlighted_key == "feed.json#4"


class TestHistory:
    async def test_back_and_forward_between_queries_and_articles(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            await search(pilot, "vessa")
            assert hit_keys(app) == ["flood.txt"]

            await pilot.press("left_square_bracket")
            await settle(pilot)
            assert app.main.search_input.value == "harbour"
            assert app.main.reading and app.focused is app.main.reader
            assert app.main.reader.article.key == "kelmor-harbour.txt"  # type: ignore[union-attr]

            await pilot.press("alt+left")
            await settle(pilot)
            assert not app.main.reading and isinstance(app.focused, ResultsList)
            assert app.main.search_input.value == "harbour"

            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert app.main.reading
            await pilot.press("alt+right")
            await settle(pilot)
            assert app.main.search_input.value == "vessa" and not app.main.reading
            assert hit_keys(app) == ["flood.txt"]

    async def test_back_to_an_article_of_a_file_of_several_finds_it_after_one_put_before_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Seen in use: `[` back to the second article of a JSON export, after an article was
        put at the export's front, opened the article now second: the history kept its key."""
        write_feed(library, ["Quay cranes arrive", "Quay tolls rise"])
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "tolls")
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.reader.article.key == "feed.json#2"  # type: ignore[union-attr]
            await pilot.press(*"jw")
            where = app.main.reader.cursor_location
            assert where != (0, 0)
            await pilot.press("L")  # the articles like it, in the history too
            await settle(pilot)
            assert app.main.results.query == "like: Quay tolls rise"  # type: ignore[union-attr]
            await search(pilot, "vessa")
            write_feed(library, ["Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise"])
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: "1 file changed — indexing" in notifications(app))
            await settle(pilot)
            await pilot.press("left_square_bracket")
            await settle(pilot)
            # The list like it, not like the article at its old key now.
            assert app.main.results.query == "like: Quay tolls rise"  # type: ignore[union-attr]
            await pilot.press("left_square_bracket")
            await settle(pilot)
            article = app.main.reader.article
            assert article is not None and article.title == "Quay tolls rise"
            assert article.key == "feed.json#3"
            # Where the reader was in it came with it (kept under `#2`, which another has now).
            assert app.main.reader.cursor_location == where
            await pilot.press("escape")
            await search(pilot, "cranes")
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.reader.article.key == "feed.json#2"  # type: ignore[union-attr]
            assert app.main.reader.cursor_location == (0, 0)

    async def test_back_to_a_like_list_of_a_version_row_finds_its_article_by_id(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """qa42's leftover: `L` on a story's other version listed under its hit (`V`) kept
        no id, so `[` back to that list, once an article was put at the export's front,
        listed the articles like the one now at the version's old key."""
        import json
        import os

        from newsread.tui.widgets.results_list import VersionOption

        wire = (
            "The port authority said on Tuesday that the northern quay would close for six "
            "weeks of repairs after storm damage, and that ferries would use the southern "
            "berth until the work was done. Engineers found deep cracks in the sea wall."
        )
        told = [
            {"title": "Quay to close for repairs", "text": wire},
            {"title": "Storm-hit quay closes", "text": "KELMOR - " + wire + " Ferries wait."},
        ]
        feed = library / "wire.json"

        def write(items: list[dict[str, str]]) -> None:
            feed.write_text(json.dumps(items), encoding="utf-8")
            os.utime(feed, (1e9 + len(items), 1e9 + len(items)))

        write(told)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "cracks")
            results = app.main.results_list
            await pilot.press("V", "j")
            (row,) = [o for o in results.options if isinstance(o, VersionOption)]
            assert results.highlighted_key == row.version.key
            title = row.version.title
            await pilot.press("L")
            await settle(pilot)
            assert app.main.results.query == f"like: {title}"  # type: ignore[union-attr]
            await search(pilot, "vessa")
            write([{"title": "Ferry fares frozen", "text": "Ferry fares stay as they are."}, *told])
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: "1 file changed — indexing" in notifications(app))
            await settle(pilot)
            await pilot.press("left_square_bracket")
            await settle(pilot)
            assert app.main.results.query == f"like: {title}"  # type: ignore[union-attr]

    async def test_back_and_forward_come_back_to_the_hit_the_list_was_left_on(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        from tui_helpers import write_article

        root = tmp_path / "many"
        for n in range(12):
            write_article(root, f"h{n:02}.txt", f"Harbour report {n}", f"Harbour news item {n}.")
        for n in range(3):
            write_article(root, f"r{n}.txt", f"River report {n}", f"River news item {n}.")
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            results = app.main.results_list

            def left_on(key: str | None) -> bool:
                """The list highlights `key`, in view."""
                line = results._index_to_line[results.highlighted or 0]
                top, height = results.scroll_offset.y, results.scrollable_content_region.height
                return results.highlighted_key == key and top <= line < top + height

            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press(*"jjjjjj")
            harbour = results.highlighted_key
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            await search(pilot, "river")
            await pilot.press("j")
            river = results.highlighted_key
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.reader.article.key == river  # type: ignore[union-attr]

            await pilot.press("left_square_bracket")  # the river list, as left
            await settle(pilot)
            assert left_on(river)
            await pilot.press("left_square_bracket")  # the harbour article: searched again
            await settle(pilot)
            assert app.main.reader.article.key == harbour  # type: ignore[union-attr]
            assert results.highlighted_key == harbour
            await pilot.press("left_square_bracket")  # its list, on the hit left (row 7)
            await settle(pilot)
            assert not app.main.reading and left_on(harbour)
            assert results.highlighted == results.keys.index(harbour) == 6

            await pilot.press("right_square_bracket", "right_square_bracket")
            await settle(pilot)
            assert app.main.search_input.value == "river" and left_on(river)
            await pilot.press("k")  # moved since: the list comes back on the new hit
            river = results.highlighted_key
            await pilot.press("left_square_bracket", "left_square_bracket")
            await settle(pilot)
            assert app.main.search_input.value == "harbour" and left_on(harbour)
            await pilot.press("right_square_bracket", "right_square_bracket")
            await settle(pilot)
            assert left_on(river)

    async def test_back_to_an_article_past_the_first_page_returns_to_its_hit(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        """The list searched again holds only its first page (20 hits) until the counts come:
        a hit further down was lost for row 20."""
        from tui_helpers import write_article

        root = tmp_path / "many"
        for n in range(30):
            write_article(root, f"h{n:02}.txt", f"Harbour report {n}", "Harbour." * (n + 1))
        write_article(root, "river.txt", "River report", "The river rose.")
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            results = app.main.results_list
            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press("G", *"kkkk")
            assert results.highlighted_row == 25
            await wait_for(pilot, lambda: results.highlighted_key is not None, timeout=10)
            harbour = results.highlighted_key  # (its page comes from a worker)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            await search(pilot, "river")
            await pilot.press("left_square_bracket")  # the harbour article: searched again
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert (results.highlighted_key, results.highlighted_row) == (harbour, 25)

    async def test_up_and_down_in_the_search_box_recall_earlier_queries(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            await search(pilot, "vessa")
            await pilot.press("slash")
            app.main.search_input.value = "dra"
            await pilot.press("up")
            assert app.main.search_input.value == "vessa"
            await pilot.press("up")
            assert app.main.search_input.value == "harbour"
            await pilot.press("up")  # nothing older: stays
            assert app.main.search_input.value == "harbour"
            await pilot.press("down")
            assert app.main.search_input.value == "vessa"
            await pilot.press("down")
            assert app.main.search_input.value == "dra"  # the draft comes back
            await pilot.press("down")  # past the newest: on to the results
            assert isinstance(app.focused, ResultsList)

    async def test_reading_position_is_kept_per_article(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            await pilot.press("enter")
            await settle(pilot)
            first = app.main.reader.article.key  # type: ignore[union-attr]
            await pilot.press("j", "j", "j", "j", "j")
            where = app.main.reader.cursor_location
            await pilot.press("escape", "j", "enter")
            await settle(pilot)
            assert app.main.reader.article.key != first  # type: ignore[union-attr]
            assert app.main.reader.cursor_location == (0, 0)
            await pilot.press("escape", "k", "enter")
            await settle(pilot)
            assert app.main.reader.article.key == first  # type: ignore[union-attr]
            assert app.main.reader.cursor_location == where


class TestSavedSearches:
    async def test_save_then_pick_with_counts(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: app.screen.query("#name"))
            name = app.screen.query_one("#name", Input)
            assert name.value == "kelmor"
            name.value = ""
            await pilot.press(*"Kelmor news", "enter")
            await pilot.pause()
            assert [s.name for s in app.session.saved] == ["Kelmor news"]

            await search(pilot, "ferry")
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
            listing = app.screen.query_one("#saved")
            await wait_for(pilot, lambda: "3 articles" in rendered_text(listing))
            assert "Kelmor news" in rendered_text(listing)
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.search_input.value == "kelmor"
            assert len(hit_keys(app)) == 3

    async def test_delete_a_saved_search(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            from newsread.tui.state import SavedSearch

            app.session.save_search(SavedSearch("K", "kelmor"))
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
            await pilot.press("d")
            assert app.session.saved == []
            await pilot.press("escape")
            assert app.screen is app.main


class TestCopy:
    async def test_y_copies_the_paragraph_and_Y_a_citation(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        app = make_app(library)
        copied: list[str] = []
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "running")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("n", "y")
            assert copied[-1] == (
                "Dock workers said the running costs would fall as ships grew larger."
            )
            await pilot.press("Y")
            assert copied[-1] == (
                "Ilse Varga. “Kelmor harbour expansion approved”. HARBOUR GAZETTE, "
                "30 May 2017 16:18. http://gazette.example/kelmor-harbour"
            )
            await pilot.press("g", "y")  # on the title line: the title
            assert copied[-1] == "Kelmor harbour expansion approved"
            await pilot.press("n", "shift+right", "shift+right", "shift+right", "y")
            assert copied[-1] == "run"  # a selection wins over the paragraph


class TestFindInArticle:
    async def test_slash_in_the_article_finds_text(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor harbour")
            await pilot.press("enter")
            await settle(pilot)
            reader = app.main.reader
            await pilot.press("slash")
            assert app.focused is app.main.query_one("#find-bar")
            await pilot.press(*"the")
            await wait_for(pilot, lambda: reader.match_label.endswith("/5"))
            assert reader.finding
            await pilot.press("enter")
            assert app.focused is reader and reader.match_label == "1/5"
            await pilot.press("n")
            assert reader.match_label == "2/5"
            await pilot.press("escape")  # first Escape ends the find, the next leaves
            assert not reader.finding and app.main.reading
            await pilot.press("escape")
            assert not app.main.reading

    async def test_each_escape_from_a_selection_to_the_box_says_or_shows_where_it_went(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # ux20 P4: Escape Escape j Enter did nothing visible (the 2nd only dropped a selection),
        # two more reached the box with the query selected, and `j` replaced the query.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor harbour")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("v", "w", "escape")
            assert app.main.reading
            assert any("Selection dropped" in n for n in notifications(app))
            await pilot.press("escape")
            assert not app.main.reading
            await pilot.press("escape")
            box = app.main.search_input
            assert app.focused is box
            await pilot.press("j")
            assert box.value == "kelmor harbourj"  # kept, the letter added at its end


class TestKeysAndHelp:
    async def test_question_mark_lists_every_binding(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("tab", "question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.help_content())
            for expected in (
                "Next match of the query",
                "Copy a citation",
                "Filter by source, section or year",
                "Back to the previous query or article",
                "Saved searches, with their hit counts",
                "Earlier query",
            ):
                assert expected in text
            await pilot.press("escape")
            assert app.screen is app.main

    async def test_the_keys_open_at_those_of_where_the_user_is(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # They opened at "Anywhere": an article's keys were three pages down.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor harbour")

            async def first_title() -> str:
                await pilot.press("question_mark")
                await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
                await pilot.pause()
                return await shown_first(close=True)

            async def shown_first(close: bool = False) -> str:
                """The line at the top of the scrolled list of keys."""
                scroll = app.screen.query_one("#help-scroll")
                lines = str(app.screen.query_one("#help-text").render()).splitlines()
                if close:
                    await pilot.press("escape")
                return lines[round(scroll.scroll_y)]

            assert await first_title() == "Results"
            await pilot.press("enter")
            await settle(pilot)
            assert await first_title() == "Article"
            await pilot.press("v", "w")
            assert await first_title() == "Selecting, highlights and notes (in the article)"
            await pilot.press("escape", "escape", "escape")
            assert app.focused is app.main.search_input
            await pilot.press("f1")  # from the box ("?" is typed there)
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.pause()
            assert await shown_first() == "Search box"

    async def test_at_40_columns_each_key_has_its_description_under_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # The descriptions, wrapped to 20 cells beside a 23-cell key column, ran back under the
        # keys at column 0 ("^r  Look for" / "added," / "   changed and").
        app = make_app(library)
        async with app.run_test(size=(40, 12)) as pilot:
            await settle(pilot)
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.pause()
            text = app.screen.query_one("#help-text")
            lines = str(text.render()).splitlines()
            assert "  ^r" in lines and "    Look for added, changed and" in lines
            for line in lines:  # a title, a key (2 spaces in), or its description (4 in)
                assert len(line) <= text.size.width, line
                assert (
                    not line.startswith(" ")
                    or line.startswith(("  ^", "    "))
                    or (len(line) - len(line.lstrip()) == 2)
                ), line
            descriptions = [line for line in lines if line.startswith("    ")]
            keys = [line for line in lines if line.startswith("  ") and line not in descriptions]
            assert len(descriptions) >= len(keys) > 50

    async def test_an_articles_footer_shows_how_to_start_annotating(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # It offered n / y Y: nothing on screen said how to highlight a passage.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor harbour")
            await pilot.press("enter")
            await settle(pilot)
            shown = app.main.query_one(KeysFooter).visible_keys()
            assert [key.description for key in shown][:1] == ["Select"]
            assert "Keys" in [key.description for key in shown]  # the footer still fits at 80

    async def test_a_key_clicked_in_the_footer_is_pressed(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            footer = app.main.query_one(KeysFooter)
            line = rendered_text(footer)
            await pilot.click(KeysFooter, offset=(line.index("Keys"), 0))
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))

    async def test_f1_shows_the_keys_from_the_search_box(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")  # typed: it may be part of a query
            assert app.main.search_input.value == "?" and app.screen is app.main
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))

    async def test_f1_shows_the_keys_in_a_dialog_and_goes_back_to_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """In the note editor, the tag dialog and the highlights view `?` is typed and the
        app's keys are out of reach: f1 lists the keys there too, and closes them again."""
        from newsread.tui.screens.highlights import HighlightsScreen
        from newsread.tui.screens.note_editor import NoteEditor
        from newsread.tui.screens.tags import TagDialog

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "harbour")
            await pilot.press("enter")
            await settle(pilot)
            for key, dialog in (("A", NoteEditor), ("t", TagDialog), ("ctrl+g", HighlightsScreen)):
                await pilot.press(key)
                await wait_for(pilot, lambda dialog=dialog: isinstance(app.screen, dialog))
                await pilot.press("f1")
                await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
                await pilot.press("f1")
                await wait_for(pilot, lambda dialog=dialog: isinstance(app.screen, dialog))
                await pilot.press("escape")
                await wait_for(pilot, lambda: app.screen is app.main)

    async def test_keys_remapped_from_config(self, library: Path, make_app: MakeApp) -> None:
        from newsread.tui.escape_keys import KeyParser

        config = Config(keys={"reader.next_match": "ctrl+n,alt+n", "no.such.binding": "x"})
        app = make_app(library, config=config)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert any("no.such.binding" in m for m in notifications(app))
            assert KeyParser.kept == {"alt+n"}  # ESC n stays alt+n (other ESC pairs: two keys)
            await search(pilot, "harbour")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("ctrl+n")
            assert app.main.reader.match_label == "1/4"
            await pilot.press("question_mark")
            assert "^n" in str(app.screen.help_content())
            # The palette's help reads its keys from the same bindings: remapped too.
            assert app.keys_for("next_match") == "^n, alt+n"
            assert app.keys_for("toggle_sort") == "s"

    async def test_every_palette_command_with_a_binding_shows_its_key(
        self, library: Path, make_app: MakeApp
    ) -> None:
        from newsread.tui.commands import BINDING_IDS, COMMANDS

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            keys = {
                action: app.keys_for(action, BINDING_IDS.get(action)) for _, _, action in COMMANDS
            }
        unbound = sorted(action for action, shown in keys.items() if not shown)
        assert unbound == [], unbound
        assert keys["app.help"] == "?, f1" and keys["edit_note(True)"] == "E", keys

    async def test_every_palette_command_names_a_real_action(self) -> None:
        from newsread.tui.commands import COMMANDS
        from newsread.tui.screens.main import MainScreen

        for _, _, action in COMMANDS:
            owner = NewsreadApp if action.startswith("app.") else MainScreen
            name = action.removeprefix("app.").split("(")[0]  # "edit_note(True)" has arguments
            assert hasattr(owner, "action_" + name), action

    async def test_palette_runs_a_command(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await search(pilot, "kelmor")
            await pilot.press("ctrl+p")
            await pilot.press(*"toggle sort")
            await wait_for(
                pilot, lambda: "Toggle sort" in rendered_text(app.screen.query_one(CommandList))
            )
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.sort == "newest"

    async def test_theme_from_config(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library, config=Config(theme="nord"))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.theme == "nord"

    async def test_config_problem_is_shown_at_start(self, library: Path, make_app: MakeApp) -> None:
        app = make_app(library, config=Config(problem="config.toml: line 3: bad"))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert any("line 3: bad" in m for m in notifications(app))
