"""Two sessions on one home: a note saved over another session's is never a silent overwrite.

The other session is a second connection to the same annotation store, as another newsread
process has (tests/tui/test_e2e_notes.py runs two real processes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import open_article, wait_for

from newsread.index.annotations import AnnotationStore
from newsread.index.paths import annotations_path
from newsread.tui.app import NewsreadApp
from newsread.tui.screens import annotating
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.screens.note_editor import NoteEditor
from newsread.tui.screens.tags import TagDialog, TagList

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
    ("theirs", "answer", "saved"),
    [
        ("theirs", "m", "mine"),
        ("theirs", "t", "theirs"),
        ("theirs", "b", "theirs\n\n---\n\nmine"),
        # Their note ends inside a code block: it is closed before the divider, or the
        # divider and the user's words were shown as code (the Markdown export, any viewer).
        ("theirs\n```\ncode", "b", "theirs\n```\ncode\n```\n\n---\n\nmine"),
    ],
)
async def test_saving_over_another_sessions_note_asks_which_to_keep(
    library: Path, make_app: MakeApp, other: AnnotationStore, theirs: str, answer: str, saved: str
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        await pilot.press("A", *"mine")
        other.set_article_note(article, theirs)  # the other session saves first
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert other.article_state(article).note == theirs  # nothing overwritten yet
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


async def test_a_change_made_before_the_first_look_for_changes_shows_up(
    library: Path, make_app: MakeApp, other: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other session saves between this one's reading the article's annotations and its
    first look for changes (under load in the two-window end-to-end test): that look took the
    store's version after the save as its starting point, and the note never showed up."""
    monkeypatch.setattr(annotating, "STORE_CHECK", 3600.0)  # looks only when the test says
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        other.set_article_note(article, "written elsewhere")
        app.main.panes._check_store()  # the first look
        await wait_for(pilot, lambda: note(app) == "written elsewhere")


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


async def test_the_open_tag_dialog_shows_the_tags_another_session_gives_and_takes(
    library: Path, make_app: MakeApp, other: AnnotationStore
) -> None:
    """Both logins tag the article with their dialogs open: each lists what the other did,
    and the tag under the cursor stays under it (`d` removes the tag shown highlighted)."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        other.add_tags(article, "theirs")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        tags = app.screen.query_one(TagList)
        await wait_for(pilot, lambda: tags.option_count == 1)
        await pilot.press(*"mine", "enter")
        await wait_for(pilot, lambda: tags.option_count == 2)
        await pilot.press("up")  # the list, its last tag (the one just above the box)
        assert [tags.get_option_at_index(i).id for i in range(2)] == ["theirs", "mine"]
        assert tags.highlighted == 1
        other.remove_tags(article, "theirs")
        other.add_tags(article, "also")
        await wait_for(pilot, lambda: tags.option_count == 2 and tags.highlighted == 0)
        assert [tags.get_option_at_index(i).id for i in range(2)] == ["mine", "also"]
        await pilot.press("d")  # "mine", still under the cursor
        await wait_for(pilot, lambda: other.article_state(article).tag_names == ("also",))


async def test_the_conflict_question_keeps_its_answers_on_a_small_screen(
    library: Path, make_app: MakeApp, other: AnnotationStore
) -> None:
    """At 40x12 the two texts filled the dialog and pushed m / t / b off the screen."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        await pilot.press("A", *"mine, and a few more words to wrap over some lines here")
        other.set_article_note(article, "theirs, written in the other session " * 6)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        answers = app.screen.query_one(OptionList)
        for width, height in ((40, 12), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await wait_for(pilot, partial(lambda rows: answers.region.bottom <= rows - 1, height))
            assert answers.region.height >= 3  # every answer (one wraps at 40 columns)
        await pilot.press("b")
        await wait_for(pilot, lambda: not isinstance(app.screen, (ChoiceDialog, NoteEditor)))
