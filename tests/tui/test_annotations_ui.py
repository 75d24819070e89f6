"""Highlights, notes and tags in the app: selecting with keys, the notes panel, the note
editor and $EDITOR, tags, marks in the results, and the library-wide highlights view.

Every test has its own NEWSREAD_HOME (tests/conftest.py), so "relaunching" is a second app on
the same home: whatever shows up there came back from the annotation store on disk.
"""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import rendered_text, settle, wait_for, write_article

from newsread.index.annotations import AnnotationStore
from newsread.index.paths import annotations_path
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.highlights import HighlightsScreen, parse_filter
from newsread.tui.screens.note_editor import NoteEditor
from newsread.tui.screens.tags import TagDialog
from newsread.tui.widgets.notes_panel import NotesPanel

MakeApp = Callable[..., NewsreadApp]
KELMOR = "kelmor-harbour.txt"
FIRST = "The city council of Kelmor approved the harbour expansion on Tuesday."
SECOND = "Dock workers said the running costs would fall as ships grew larger."


async def open_article(pilot: Pilot, key: str = KELMOR) -> None:
    """Search for every article and open the one with `key` (the reader gets the focus)."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    await settle(pilot)
    app.main.open_article(key, focus=True, record=True)
    await settle(pilot)
    await wait_for(pilot, lambda: app.main.article_state is not None)
    assert app.main.reader.article is not None and app.main.reader.article.key == key
    assert app.focused is app.main.reader


async def go_to_body(pilot: Pilot, passage: str) -> None:
    """Put the reader's cursor at the start of `passage`."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    reader = app.main.reader
    assert reader.article is not None
    reader.move_cursor(reader.body_location(reader.article.body.index(passage)))
    await pilot.pause()


def shown_highlights(app: NewsreadApp) -> list[tuple[str, int]]:
    return [(h.text, h.highlight.colour) for h in app.main.reader.highlights]


def store() -> AnnotationStore:
    return AnnotationStore.open(annotations_path())


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


class TestRoundTrip:
    async def test_highlights_note_and_tag_survive_a_relaunch(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            # The first sentence, with the selection mode and word/sentence motions.
            await go_to_body(pilot, FIRST)
            await pilot.press("v", "w", "w", "b", "right_parenthesis")
            assert reader.selecting
            assert reader.selected_span() == (0, len(FIRST))
            await pilot.press("H")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert not reader.selecting and not reader.selected_text
            # The second paragraph in colour 3, with `}`.
            await go_to_body(pilot, SECOND)
            await pilot.press("v", "right_curly_bracket", "3")
            await wait_for(pilot, lambda: len(reader.highlights) == 2)
            assert shown_highlights(app) == [(FIRST, 1), (SECOND, 3)]
            # A note on the second one, written in the app's editor.
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"Cheaper *per box*?", "enter", *"- ask the port")
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
            await wait_for(pilot, lambda: bool(reader.highlights[1].highlight.note))
            assert reader.highlights[1].highlight.note == "Cheaper *per box*?\n- ask the port"
            # A tag, with the tag dialog.
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*"ports", "enter", "escape")
            await wait_for(pilot, lambda: not isinstance(app.screen, TagDialog))
            await wait_for(
                pilot, lambda: app.main.article_state is not None and app.main.article_state.tags
            )
            await pilot.press("ctrl+q")

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await wait_for(pilot, lambda: len(app.main.reader.highlights) == 2)
            assert shown_highlights(app) == [(FIRST, 1), (SECOND, 3)]
            # Painted in the pane, in their colours.
            highlights = app.main.reader._highlights
            names = {name for row in highlights.values() for _, _, name in row}
            assert {"nr.hl1", "nr.hl3"} <= names
            # The panel lists them with the note.
            await pilot.press("p")
            panel = app.main.query_one(NotesPanel)
            assert panel.display and app.focused is panel.notes_list
            text = rendered_text(panel.notes_list)
            assert "Kelmor approved the" in text and "Cheaper *per box*?" in text
            assert "#ports" in rendered_text(panel.query_one("#notes-tags"))
            # `tag:ports` finds the article.
            await pilot.press("escape", "escape")
            app.main.search_input.value = "tag:ports"
            await pilot.press("slash", "enter")
            await settle(pilot)
            assert app.main.results_list.keys == [KELMOR]
            # The highlights view lists both, newest first; Enter goes to the first made.
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
            await settle(pilot)
            listed = app.screen.query_one("#highlights-list")
            assert listed.option_count == 2
            await pilot.press("tab", "down", "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, HighlightsScreen))
            await settle(pilot)
            await wait_for(pilot, lambda: app.main.reader.body_offset(app.main.reader.cursor_location) == 0)
