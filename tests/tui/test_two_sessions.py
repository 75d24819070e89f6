"""Two sessions on one home: a note saved over another session's is never a silent overwrite.

The other session is a second connection to the same annotation store, as another newsread
process has (tests/tui/test_e2e_notes.py runs two real processes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_helpers import open_article, wait_for

from newsread.index.annotations import AnnotationStore
from newsread.index.paths import annotations_path
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.screens.note_editor import NoteEditor

MakeApp = Callable[..., NewsreadApp]
KELMOR = "kelmor-harbour.txt"


@pytest.fixture
def other() -> Iterator[AnnotationStore]:
    with AnnotationStore.open(annotations_path()) as store:
        yield store


def note(app: NewsreadApp) -> str:
    state = app.main.article_state
    return "" if state is None else state.note


@pytest.mark.parametrize(
    ("answer", "saved"),
    [
        ("m", "mine"),
        ("t", "theirs"),
        ("b", "theirs\n\n---\n\nmine"),
    ],
)
async def test_saving_over_another_sessions_note_asks_which_to_keep(
    library: Path, make_app: MakeApp, other: AnnotationStore, answer: str, saved: str
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        await pilot.press("A", *"mine")
        other.set_article_note(article, "theirs")  # the other session saves first
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert other.article_state(article).note == "theirs"  # nothing overwritten yet
        await pilot.press(answer)
        await wait_for(pilot, lambda: not isinstance(app.screen, (ChoiceDialog, NoteEditor)))
        await wait_for(pilot, lambda: note(app) == saved)
        assert other.article_state(article).note == saved


async def test_another_sessions_change_shows_up_in_the_open_article(
    library: Path, make_app: MakeApp, other: AnnotationStore
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        await wait_for(pilot, lambda: app.main._store_version is not None)
        other.set_article_note(article, "written elsewhere")
        await wait_for(pilot, lambda: note(app) == "written elsewhere")
        # Editing now starts from the other session's note: saving is no conflict.
        await pilot.press("A", *", and here", "ctrl+s")
        await wait_for(pilot, lambda: note(app) == "written elsewhere, and here")


async def test_a_note_saved_on_a_highlight_another_session_deleted_brings_it_back(
    library: Path, make_app: MakeApp, other: AnnotationStore
) -> None:
    """Saving used to fail for good ("no highlight <id>"): the only way out lost the text."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        reader = app.main.reader
        assert reader.article is not None
        passage = "harbour master"
        reader.move_cursor(reader.body_location(reader.article.body.index(passage)))
        await pilot.press("v", *["l"] * len(passage), "H")
        await wait_for(pilot, lambda: bool(reader.highlights))
        highlight_id = reader.highlights[0].highlight.id
        await pilot.press("p", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        other.delete_highlight(highlight_id)  # the other session deletes it meanwhile
        await pilot.press(*"worth keeping", "ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
        await wait_for(pilot, lambda: bool(reader.highlights))
        assert [(h.text, h.highlight.note) for h in reader.highlights] == [
            (passage, "worth keeping")
        ]
        kept = other.get_highlight(highlight_id)
        assert kept is not None and not kept.deleted and kept.note == "worth keeping"
