"""Keys that arrive in one read land in order, in the widget that has the focus when each
is handled: a focus change never sends the keys after it to the widget it left."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import burst, hold_previews, notifications, open_article, settle, wait_for

from newsread.index.annotations import AnnotationStore
from newsread.index.paths import annotations_path
from newsread.tui import key_order
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.reading_pane import ReadingPane
from newsread.tui.widgets.results_list import ResultsList

MakeApp = Callable[..., NewsreadApp]


async def results_focused(pilot: Pilot, app: NewsreadApp) -> None:
    await settle(pilot)
    app.main.results_list.focus()
    await pilot.pause()
    assert isinstance(app.focused, ResultsList)


async def test_escape_from_the_search_box_then_a_slash_starts_a_new_query(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/versailles`, Escape, `/sugar brazil quota` (the end-to-end test, while indexing):
    Escape takes the focus to the results through a message (`SearchInput.LeaveDown`), and on
    a loaded machine the wait for quiet queues ran out first, so the `/` and the query after
    it were typed into the box after "versailles". The wait is cut to nothing here."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        burst(app, "/versailles")
        await wait_for(pilot, lambda: app.main.search_input.value == "versailles")
        await settle(pilot)
        monkeypatch.setattr(key_order, "MAX_CHECKS", 0)
        for key in ("escape", "down"):  # both leave the box for the results
            escape = events.Key(key, "\x1b" if key == "escape" else None)
            escape.set_sender(app)
            app.post_message(escape)
            burst(app, f"/{key} sugar")
            await settle(pilot)
            assert app.main.search_input.value == f"{key} sugar"
            assert app.main.sort == "relevance"  # no `s` reached the list either
            assert app.focused is app.main.search_input


async def test_a_burst_from_the_results_lands_in_the_search_box(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        burst(app, "/sugar brazil quota")
        await wait_for(pilot, lambda: app.main.search_input.value == "sugar brazil quota")
        await settle(pilot)
        assert app.main.sort == "relevance"  # the `s` was typed, not taken as "sort"
        assert app.focused is app.main.search_input


async def test_a_burst_with_enter_moves_on_to_the_results(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        burst(app, "/harbour\rj\r")  # search, go down one result, open it
        await wait_for(pilot, lambda: app.focused is app.main.reader)
        await settle(pilot)
        assert app.main.search_input.value == "harbour"
        assert app.main.reader.article is not None
        assert app.main.reader.article.key == app.main.results_list.keys[1]


async def test_a_burst_into_a_dialog_lands_there(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        burst(app, "/kelmor", "ctrl+s", "mine\r", "j")
        await wait_for(pilot, lambda: app.session.saved)
        await settle(pilot)
        assert [(s.name, s.query) for s in app.session.saved] == [("mine", "kelmor")]
        assert app.main.search_input.value == "kelmorj"  # the `j` came after the dialog closed
        assert app.focused is app.main.search_input


async def test_a_resize_that_hides_the_focused_list_moves_the_focus(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        await pilot.press("enter")  # open: the article shows beside the list
        await settle(pilot)
        app.main.results_list.focus()
        await pilot.pause()
        await pilot.resize_terminal(60, 20)  # one pane at a time: the article, not the list
        # Textual blurs the hidden list first (the focus on nothing) and the screen focuses
        # the reader after the next refresh: under load a wait for "not the list" saw None.
        await wait_for(pilot, lambda: app.focused not in (None, app.main.results_list))
        assert app.focused is app.main.reader
        await pilot.press("escape")  # keys act again: back to the list
        assert app.focused is app.main.results_list
        assert app.main.results_list.display


async def test_a_preview_due_as_enter_opens_the_hit_leaves_it_open_and_focused(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under load the highlighted hit's preview came due as Enter opened the hit: its call was
    already queued, so stopping its timer did not take it back, and it replaced the open,
    unfocused. The reader never took the keys, and at 60 columns the list stayed on screen
    (the resize test above failed so in CI)."""
    app = make_app(library)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        due = hold_previews(app, monkeypatch)
        await pilot.press("j")  # the highlight moves: its preview waits
        key = app.main.results_list.highlighted_key
        assert len(due) == 1 and key is not None
        app.main.action_open_article()  # Enter, as the timer runs out…
        due[0]()  # …with the preview's call queued behind it
        await settle(pilot)
        assert app.main.reading
        assert app.focused is app.main.reader
        assert app.main.reader.article is not None and app.main.reader.article.key == key


async def test_a_slash_never_starts_the_query(library: Path, make_app: MakeApp) -> None:
    """At launch the box has the focus: `/versailles` typed ahead is a search for versailles."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.focused is app.main.search_input
        burst(app, "/versailles")
        await wait_for(pilot, lambda: app.main.search_input.value == "versailles")
        burst(app, " treaty/accord")  # inside a query a slash is text
        await wait_for(pilot, lambda: app.main.search_input.value.endswith("accord"))
        assert app.main.search_input.value == "versailles treaty/accord"
        app.main.action_focus_search()  # as `/` from the list: the query is selected…
        burst(app, "/")  # …and a second `/` keeps it
        await settle(pilot)
        assert app.main.search_input.value == "versailles treaty/accord"


async def test_keys_read_before_the_screen_is_up_wait_for_it(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed at launch over a slow link: the keys land in the search box once it exists
    (they used to meet a screen without widgets: a traceback)."""
    from newsread.tui.screens.main import MainScreen

    app = make_app(library)
    compose = MainScreen.compose

    def early_keys(screen: MainScreen) -> ComposeResult:
        burst(app, "/ferry")
        yield from compose(screen)

    monkeypatch.setattr(MainScreen, "compose", early_keys)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.main.search_input.value == "ferry")
        await settle(pilot)
        assert app.main.results_list.keys == ["ferry.txt"]


async def test_an_enter_typed_before_the_app_started_is_an_enter(
    library: Path, make_app: MakeApp
) -> None:
    """Typed before the app had the terminal in raw mode (`newsread`, then a query and
    Enter at once over SSH), Enter reaches the app as ctrl+j: the terminal had turned its
    \r into \n. It was dropped: the query ran as typed, the focus stayed in the box."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.key_order.hold("start")  # as before the first screen is up
        burst(app, "ferry", "ctrl+j")
        await pilot.pause()
        app.key_order.release("start")
        await settle(pilot)
        assert app.main.results_list.keys == ["ferry.txt"]
        assert app.focused is app.main.results_list


async def test_a_find_typed_in_one_burst_lands_in_the_find_bar(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/minister` in one write, in the article: the find bar takes the focus through a
    message, and on a loaded machine the wait for quiet queues ran out first, so the letters
    ran as the reader's keys (the bar stayed empty). The wait is cut to nothing here."""
    from newsread.tui import key_order

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.main.open_article("kelmor-harbour.txt", focus=True, record=True)
        await settle(pilot)
        monkeypatch.setattr(key_order, "MAX_CHECKS", 0)
        burst(app, "/harbour")
        await settle(pilot)
        assert app.main.query_one("#find-bar", Input).value == "harbour"
        # The bar's request handled later than a search's hold lasts (2 s; 0.05 here), as on
        # a loaded machine: the hold for the bar, always released, waits for it.
        await pilot.press("escape")
        await settle(pilot)
        monkeypatch.setattr(key_order, "HOLD_LIMIT", 0.05)
        post = ReadingPane.post_message

        def late(pane: ReadingPane, message: Message) -> bool:
            if isinstance(message, ReadingPane.FindRequested):
                pane.set_timer(0.3, lambda: post(pane, message))
                return True
            return post(pane, message)

        monkeypatch.setattr(ReadingPane, "post_message", late)
        burst(app, "/ferry")
        bar = app.main.query_one("#find-bar", Input)
        await wait_for(pilot, lambda: bar.has_focus)
        await settle(pilot)
        assert bar.value == "ferry"


async def test_a_key_whose_way_never_ends_does_not_hold_the_keys_after_it(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key's way is a callback on each node it passed; one that never runs (its widget closed
    or its queue stalled) left every later key held: the app took no key but ctrl+q."""
    monkeypatch.setattr(key_order, "IN_FLIGHT_LIMIT", 0.3, raising=False)
    lost: list[str] = []
    after = key_order.KeyOrder._after

    def lose_the_first(self: key_order.KeyOrder, way: list[object], done: object) -> None:
        if not lost:
            lost.append("slash")  # its "done" never comes
            return
        after(self, way, done)  # type: ignore[arg-type]

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        monkeypatch.setattr(key_order.KeyOrder, "_after", lose_the_first)
        burst(app, "/kelmor")
        await wait_for(pilot, lambda: app.main.search_input.value == "kelmor")
        assert lost and not app.key_order.held


async def test_keys_go_on_when_a_short_timer_is_dropped(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual drops a one-shot timer whose moment has passed when it first reads the clock
    (the event loop held up for longer than the delay: a garbage collection, a worker thread
    holding the GIL). The wait for a key's effects to settle polled on such 2 ms timers: one
    dropped, the key never finished its turn and every key after it waited for ever (only
    ctrl+p and ctrl+q still worked; found by a key fuzzer). Here every short timer is dropped,
    and the key order's last resort (`IN_FLIGHT_LIMIT`) is out of the way."""
    monkeypatch.setattr(key_order, "IN_FLIGHT_LIMIT", 1000.0)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        set_timer = app.set_timer

        def dropping(delay: float, callback: Any = None, **kwargs: Any) -> Any:
            return set_timer(delay, None if delay < 0.01 else callback, **kwargs)

        monkeypatch.setattr(app, "set_timer", dropping)
        # Whether a key's effects are still under way depends on timing: here the first look
        # after each key always finds them so, and the wait polls.
        looks = itertools.count()
        quiet = key_order.KeyOrder._quiet
        monkeypatch.setattr(
            key_order.KeyOrder, "_quiet", lambda order: next(looks) % 2 == 1 and quiet(order)
        )
        burst(app, "/sugar brazil quota")
        await wait_for(pilot, lambda: app.main.search_input.value == "sugar brazil quota")
        assert not app.key_order.held


async def test_keys_after_a_sort_wait_for_the_sorted_list(
    tmp_path: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `sG` in one burst: the G went to the list as it was, then the sorted list came and put
    # the highlight back on its first hit (and `sG<Enter>` opened the old list's last hit).
    import threading

    from tui_helpers import write_article

    from newsread.index.engine.search import Search

    for n in range(6):
        write_article(
            tmp_path,
            f"h{n}.txt",
            f"Harbour {n}",
            "Harbour. " * (n + 1),
            date=f"{n + 1} May 2017 [10:00]",
        )
    release = threading.Event()
    top = Search.top

    def held_back(search: Search) -> Any:
        if search.sort == "newest" and search.text == "harbour":
            release.wait(30)
        return top(search)

    monkeypatch.setattr(Search, "top", held_back)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await results_focused(pilot, app)
        burst(app, "/harbour\r")
        await wait_for(pilot, lambda: app.main.results_list.keys[:1] == ["h5.txt"])
        await settle(pilot)
        burst(app, "sG")
        await wait_for(pilot, lambda: app.main.sort == "newest", workers=False)
        for _ in range(5):
            await pilot.pause(0.02)
        release.set()
        await settle(pilot)
        results = app.main.results_list
        assert results.keys == [f"h{n}.txt" for n in range(5, -1, -1)]
        assert results.highlighted_key == "h0.txt"  # the last of the sorted list


async def _gone(app: NewsreadApp, timeout: float = 30.0) -> bool:
    """Whether `app` has stopped running within `timeout` seconds (no pilot calls: they need
    a running app)."""
    deadline = time.monotonic() + timeout
    while app.is_running and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    return not app.is_running


async def _at_the_body(pilot: Pilot) -> Any:
    """Open the first article with the cursor at its body's start; returns the article."""
    await open_article(pilot)
    reader = pilot.app.main.reader  # type: ignore[attr-defined]
    reader.move_cursor(reader.body_location(0))
    await pilot.pause()
    return reader.article


def _highlights(article: Any) -> list[Any]:
    with AnnotationStore.open(annotations_path()) as store:
        return store.highlights_for(article, [])


async def test_a_quit_typed_straight_after_a_highlight_comes_after_it(
    library: Path, make_app: MakeApp
) -> None:
    """`vwwwH` and ctrl+q in one burst (typed fast over SSH): ctrl+q, a priority key, never
    waited its turn, so the app left before the H was handled and the highlight was lost
    (seen in tmux, 3 times of 3)."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        article = await _at_the_body(pilot)
        burst(app, "vwwwH", "ctrl+q")
        assert await _gone(app)
    [saved] = _highlights(article)
    assert saved.text == "The city council"


async def test_quitting_waits_for_a_highlight_being_written_and_twice_leaves_at_once(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write still under way when ctrl+q is handled (a loaded machine, a store waiting on
    another session's lock): the app leaves once it is in, saying so if that takes a while;
    leaving cancelled a write still waiting for its thread. ctrl+q again leaves at once."""
    writing = threading.Event()
    add_highlight = AnnotationStore.add_highlight

    def slow(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
        writing.wait(30)
        return add_highlight(self, *args, **kwargs)

    monkeypatch.setattr(AnnotationStore, "add_highlight", slow)
    for again in (False, True):
        writing.clear()
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            article = await _at_the_body(pilot)
            await pilot.press("v", "w", "H", "ctrl+q")
            await pilot.pause(0.8)
            assert app.is_running  # the highlight is still being written
            assert any("Saving your annotations" in n for n in notifications(app))
            if again:
                await pilot.press("ctrl+q")
                assert await _gone(app)
                writing.set()
            else:
                writing.set()
                assert await _gone(app)
                [saved] = _highlights(article)
                assert saved.text == "The"


async def test_a_quit_key_behind_keys_held_for_long_acts_after_a_while_or_when_pressed_again(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys held for a slow store read (up to 20 s): ctrl+q typed after them waits
    `QUIT_KEY_WAIT` at most, and pressed again it acts at once."""
    from newsread.tui import app as app_module

    monkeypatch.setattr(app_module, "QUIT_KEY_WAIT", 0.3)
    for again in (False, True):
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.key_order.hold("a slow read", 60)
            burst(app, "j", "ctrl+q")
            if again:
                burst(app, "ctrl+q")
                assert await _gone(app, 0.25)
            else:
                await asyncio.sleep(0.1)
                assert app.is_running
                assert await _gone(app)


@pytest.mark.parametrize("keys", [("vwwwH",), ("t", "dredging\r")])
async def test_keys_read_just_before_a_hang_up_are_handled_before_leaving(
    library: Path, make_app: MakeApp, keys: tuple[str, ...]
) -> None:
    """`vwwwH` (or a tag and Enter) read, then the terminal goes: the hang-up's call ran before
    the app took the keys from its queue, and the highlight (the tag) was lost; tmux's
    kill-server straight after send-keys lost it every time."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        article = await _at_the_body(pilot)
        burst(app, *keys)
        asyncio.get_running_loop().call_soon(app.shut_down, 129)  # as the hang-up does
        assert await _gone(app)
    assert app.return_code == 129
    with AnnotationStore.open(annotations_path()) as store:
        if keys == ("vwwwH",):
            [saved] = store.highlights_for(article, [])
            assert saved.text == "The city council"
        else:
            assert store.article_state(article).tag_names == ("dredging",)
