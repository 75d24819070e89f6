"""Two sessions on one annotation store never overwrite each other's notes silently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_annotations_store import make_article, span

from newsread.index.annotations import AnnotationStore, NoteConflict
from newsread.index.annotations.database import MIGRATIONS


@pytest.fixture
def two(tmp_path: Path) -> tuple[AnnotationStore, AnnotationStore]:
    path = tmp_path / "annotations.sqlite3"
    return AnnotationStore.open(path), AnnotationStore.open(path)


def test_an_article_note_saved_over_a_newer_one_is_a_conflict(
    two: tuple[AnnotationStore, AnnotationStore],
) -> None:
    first, second = two
    article = make_article()
    opened = first.article_state(article)  # both open the empty note
    assert (opened.note, opened.note_revision) == ("", 0)
    second.set_article_note(article, "theirs", base_revision=0, base_note="")
    with pytest.raises(NoteConflict) as caught:
        first.set_article_note(article, "mine", base_revision=0, base_note="")
    assert (caught.value.mine, caught.value.theirs, caught.value.revision) == ("mine", "theirs", 1)
    assert first.article_state(article).note == "theirs"  # nothing overwritten
    # Keeping mine on purpose: saved against the revision seen in the conflict.
    state = first.set_article_note(article, "mine", base_revision=caught.value.revision)
    assert (state.note, state.note_revision) == ("mine", 2)
    assert second.article_state(article).note == "mine"


def test_the_same_text_or_an_untouched_note_is_no_conflict(
    two: tuple[AnnotationStore, AnnotationStore],
) -> None:
    first, second = two
    article = make_article()
    second.set_article_note(article, "agreed", base_revision=0)
    first.set_article_note(article, "agreed", base_revision=0)  # says the same: fine
    assert first.article_state(article).note_revision == 1
    first.set_article_note(article, "agreed, and more", base_revision=1)
    assert second.article_state(article).note == "agreed, and more"


def test_a_highlight_note_conflicts_but_a_recolour_does_not(
    two: tuple[AnnotationStore, AnnotationStore],
) -> None:
    first, second = two
    article = make_article()
    made = first.add_highlight(article, *span(article, "the plan would cut costs"))
    assert made.revision == 0
    second.recolour_highlight(made.id, 3)  # another session recolours: a new revision
    updated = first.update_highlight(made.id, note="mine", base_revision=0, base_note="")
    assert (updated.note, updated.colour, updated.revision) == ("mine", 3, 2)
    second.update_highlight(made.id, note="theirs", base_revision=2, base_note="mine")
    with pytest.raises(NoteConflict) as caught:
        first.update_highlight(made.id, note="mine, edited", base_revision=2, base_note="mine")
    assert caught.value.theirs == "theirs"
    assert second.get_highlight(made.id).note == "theirs"  # type: ignore[union-attr]


def test_data_version_moves_when_another_session_writes(
    two: tuple[AnnotationStore, AnnotationStore],
) -> None:
    first, second = two
    article = make_article()
    before = first.data_version()
    first.set_article_note(article, "my own write")
    assert first.data_version() == before
    second.set_starred(article)
    assert first.data_version() != before


def test_a_store_from_before_revisions_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite3"
    old = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        old.execute(statement)
    old.execute(
        "INSERT INTO articles (article_id, note, created, updated)"
        " VALUES ('a', 'old note', '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    with AnnotationStore.open(path) as store:
        rows = store._connection.execute("SELECT note, note_revision FROM articles").fetchall()
        assert [tuple(row) for row in rows] == [("old note", 0)]
