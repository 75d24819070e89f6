"""A session kept open for hours while a scraper fills the library: memory that does not grow
with use, notices that do not pile up."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from tui_helpers import notifications, rendered_text, settle, wait_for, write_article

from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.keys_footer import KeysFooter

MakeApp = Callable[..., NewsreadApp]


async def test_a_long_session_keeps_no_widgets_it_no_longer_shows(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in a long session: 97 MB grew to 260 MB over 350 searches, never returned; every
    footer drawn (three a search, at each focus change) stayed alive."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        alive: list[int] = []
        for words in (("vessa", "ferry", "harbour"), ("bridge", "kelmor", "flood")) * 2:
            for word in words:
                app.main.search_input.value = ""
                await pilot.press(*word, "enter")  # the list takes the focus
                await settle(pilot)
                await pilot.press("escape")  # and the search box again
                await settle(pilot)
            gc.collect()
            alive.append(sum(isinstance(node, Widget) for node in gc.get_objects()))
        assert alive[-1] <= alive[1], alive  # after the first searches, no more


async def test_the_footer_is_drawn_again_only_when_its_keys_change(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer composed a new row of key widgets twice at each focus change, and after
    other actions, often with the same keys: each time mounted, styled and laid out with the
    whole screen, a quarter of the app's CPU time in the tests."""
    drawn: list[list[str]] = []
    refresh = KeysFooter.refresh

    def counted(footer: KeysFooter, *args: Any, **kwargs: Any) -> KeysFooter:
        drawn.append([key.action for key in footer.keys])
        return refresh(footer, *args, **kwargs)

    monkeypatch.setattr(KeysFooter, "refresh", counted)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.main.query_one(KeysFooter)
        for word in ("ferry", "harbour", "kelmor"):
            drawn.clear()
            app.main.search_input.value = ""
            await pilot.press(*word, "enter")  # the list takes the focus
            await settle(pilot)
            assert "screen.toggle_sort" in [key.action for key in footer.visible_keys()]
            await pilot.press("escape")  # and the search box again
            await settle(pilot)
            assert len(drawn) == 2 and drawn[0] != drawn[1], drawn
        assert [key.action for key in footer.keys] == drawn[-1]
        assert "Search" in rendered_text(footer) and not footer.children


async def _look(pilot: Any, app: NewsreadApp, articles: int) -> None:
    """A look (ctrl+r) whose commit leaves `articles` in the library."""
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: app.main.status.status.articles == articles)
    await settle(pilot)


async def test_a_deleted_open_article_is_said_once_not_at_every_later_commit(
    library: Path, make_app: MakeApp
) -> None:
    """Seen with a scraper writing: the warning came again at every commit of every look, 43
    times in six minutes, long after the user had gone back to the list. Said once each
    time it goes: moved back and out again, the second time was not said at all."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"ferry", "enter", "enter")
        await settle(pilot)
        ferry = library / "ferry.txt"
        text = ferry.read_bytes()
        ferry.unlink()
        await pilot.press("ctrl+r")
        gone = "The open article's file was moved or deleted: this is the text read before"
        await wait_for(pilot, lambda: gone in notifications(app))
        await settle(pilot)
        for n in range(3):  # the scraper's next files, each look a commit
            write_article(library, f"later-{n}.txt", f"Vessa bridge news {n}", "The bridge.")
            await _look(pilot, app, 4 + n)
        assert notifications(app).count(gone) == 1
        # The text read before stays.
        assert "island ferry will sail" in rendered_text(app.main.reader)
        ferry.write_bytes(text)  # moved back: nothing to say
        await _look(pilot, app, 7)
        assert notifications(app).count(gone) == 1
        ferry.unlink()  # and out again: said again
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: notifications(app).count(gone) == 2)
        assert "island ferry will sail" in rendered_text(app.main.reader)


async def test_files_that_keep_coming_are_said_once_not_at_every_look(
    library: Path, make_app: MakeApp
) -> None:
    """Seen with a scraper writing a file every second or two: "5 files changed — indexing",
    "7 files changed — indexing", ... at every look, 216 toasts in 45 minutes."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for n in range(3):  # the watch's looks, each finding the scraper's next file
            write_article(library, f"later-{n}.txt", f"Vessa bridge news {n}", "The bridge.")
            assert app.library is not None
            app._count_changes(app.library, quiet=True)
            await wait_for(pilot, lambda: app.main.status.status.articles == 5 + n)  # noqa: B023
            await settle(pilot)
        said = [n for n in notifications(app) if n.endswith("changed — indexing")]
        assert said == ["1 file changed — indexing"]
        write_article(library, "asked.txt", "Vessa bridge news asked", "The bridge.")
        await pilot.press("ctrl+r")  # asked for: said
        await wait_for(pilot, lambda: app.main.status.status.articles == 8)
        assert notifications(app).count("1 file changed — indexing") == 2
