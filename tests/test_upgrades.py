"""Upgrading newsread over a notes store an older version wrote: every highlight, note, tag and
mark is there on the same text, note words are found as a fresh store finds them, a migration
cut short loses nothing, and two sessions of this version opening an older store at once both
save (each took the other for an older newsread)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import closing
from pathlib import Path

import pytest
from builders import older_store

from newsread.index.annotations import AnnotationStore, database
from newsread.index.annotations.database import SCHEMA_VERSION
from newsread.index.article import Article

STAMP = "2024-01-02T03:04:05.000000Z"
TEXT = {
    "tr.txt": "İstanbul limanı bugün açıldı. Gemiler sabah geldi.",
    "gr.txt": "Η Αθήνα σήμερα. Ο Πέτρος ήρθε νωρίς.",
}
NOTES = {"tr.txt": "İstanbul ILGI çekici", "gr.txt": "Συνάντηση στην ΑΘΗΝΑ"}
WORDS = ["istanbul", "ılgı", "αθηνα", "συναντηση", "limani", "πετρος", "gemiler", "sabah"]


def story(key: str) -> Article:
    return Article(id=f"id-{key}", key=key, path=key, title=key.title(), paragraphs=(TEXT[key],))


def fill_as_older_version(db: sqlite3.Connection) -> None:
    """What an older newsread saved (the columns every schema has): on each article a note,
    two tags, a read mark and a star, a highlight with a note and one deleted since."""
    for n, (key, text) in enumerate(TEXT.items()):
        db.execute(
            "INSERT INTO articles (article_id, key, path, title, note, note_created,"
            " note_updated, read_at, starred_at, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"id-{key}", key, key, key.title(), NOTES[key], STAMP, STAMP, STAMP, STAMP)
            + (STAMP, STAMP),
        )
        for tag in ("Éducation", f"tag{n}"):
            db.execute("INSERT INTO tags VALUES (?, ?, ?)", (f"id-{key}", tag, STAMP))
        sentence_end = text.index(".") + 1
        for number, (start, end, deleted) in enumerate(
            ((0, sentence_end - 1, None), (sentence_end + 1, len(text) - 1, STAMP))
        ):
            db.execute(
                "INSERT INTO highlights (id, article_id, article_key, article_path,"
                " article_title, colour, quote, prefix, suffix, start_offset, end_offset,"
                " status, note, created, updated, deleted_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?, ?)",
                (f"h-{key}-{number}", f"id-{key}", key, key, key.title(), 2 + number)
                + (text[start:end], text[max(0, start - 8) : start], text[end : end + 8])
                + (start, end, NOTES[key].upper(), STAMP, STAMP, deleted),
            )
    db.commit()
    db.close()


def fill_as_now(path: Path) -> AnnotationStore:
    """The same annotations made with this newsread."""
    store = AnnotationStore.open(path)
    for n, (key, text) in enumerate(TEXT.items()):
        article = story(key)
        store.set_article_note(article, NOTES[key])
        store.add_tags(article, "Éducation", f"tag{n}")
        store.set_read(article)
        store.set_starred(article)
        end = text.index(".")
        store.add_highlight(article, 0, end, colour=2, note=NOTES[key].upper())
    return store


def matches(store: AnnotationStore) -> dict[str, list[str]]:
    """The articles each word finds in notes and in highlighted passages."""
    found = {}
    for word in WORDS:
        for clause, filters in (
            ("note", {"note_words": [word]}),
            ("hl", {"highlight_words": [word]}),
        ):
            answer = store.articles_matching(**filters)  # type: ignore[arg-type]
            found[f"{clause}:{word}"] = [k for k in TEXT if answer.matches(story(k))]
    return found


def full_text_tables_agree(path: Path) -> None:
    """SQLite's own check that the full-text tables hold exactly their rows' words."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("INSERT INTO highlights_fts(highlights_fts) VALUES ('integrity-check')")
        db.execute("INSERT INTO article_notes_fts(article_notes_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_store_an_older_newsread_wrote_opens_with_every_annotation_on_its_text(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "annotations.sqlite3"
    fill_as_older_version(older_store(path, version))
    fresh = fill_as_now(tmp_path / "fresh.sqlite3")
    with AnnotationStore.open(path, library="/news") as store:
        assert store.read_only == ""
        for n, (key, text) in enumerate(TEXT.items()):
            article = story(key)
            [placed] = store.highlights_for(article)
            assert (placed.status, placed.text) == ("anchored", text[: text.index(".")])
            assert (placed.highlight.colour, placed.highlight.note) == (2, NOTES[key].upper())
            state = store.article_state(article)
            assert (state.note, set(state.tag_names)) == (NOTES[key], {"Éducation", f"tag{n}"})
            assert None not in (state.read_at, state.starred_at)
            # The highlight deleted before the upgrade comes back with u.
            [deleted] = store.deleted_highlights(article)
            store.restore_highlight(deleted.id)
            assert len(store.highlights_for(article)) == 2
            store.delete_highlight(deleted.id)
        assert matches(store) == matches(fresh)
        # Every note written again and one highlight gone: the full-text rows stored before
        # the upgrade are deleted by the words they were stored with.
        for key in TEXT:
            store.set_article_note(story(key), f"now {key}")
        assert store.articles_matching(note_words=["istanbul"]).matches(story("tr.txt"))
    full_text_tables_agree(path)
    fresh.close()


def test_a_migration_killed_midway_leaves_the_older_store_whole_and_is_done_again(
    tmp_path: Path,
) -> None:
    """kill -9 while the first launch after an upgrade migrates a large store: the store is as
    the older newsread left it, and the next launch migrates it with every row."""
    path = tmp_path / "annotations.sqlite3"
    fill_as_older_version(older_store(path, 4))
    with closing(sqlite3.connect(path)) as db, db:  # thousands of highlights
        db.executemany(
            "INSERT INTO highlights (id, article_id, colour, quote, prefix, suffix, status, note,"
            " created, updated) VALUES (?, 'id-tr.txt', 1, ?, '', '', 'anchored', 'İ', ?, ?)",
            [(f"bulk{n}", f"quote {n}", STAMP, STAMP) for n in range(3000)],
        )
    killed = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from newsread.index.annotations import AnnotationStore, database
        folded = 0
        real_fold = database._fold_text
        def fold_then_die(text):
            global folded
            folded += 1
            if folded == 2000:  # the migration's folding of the highlights, halfway
                os._exit(9)
            return real_fold(text)
        database._fold_text = fold_then_die
        AnnotationStore.open(Path({str(path)!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", killed], capture_output=True, timeout=120)
    assert result.returncode == 9, result.stderr.decode()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (4,)
        assert db.execute("SELECT COUNT(*) FROM highlights").fetchone() == (3004,)
    with AnnotationStore.open(path) as store:
        assert store.read_only == ""
        assert len(store.all_highlights()) == 3002  # (two were deleted before the upgrade)
        assert store.articles_matching(note_words=["i"]).matches(story("tr.txt"))
    full_text_tables_agree(path)


def test_two_sessions_opening_an_older_store_at_once_both_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two windows started together after an upgrade (or the app and `newsread search`): each
    saw the other's connection, open while it checked the store, took it for an older
    newsread's, and said "an older newsread has the notes open": both saved nothing."""
    path = tmp_path / "annotations.sqlite3"
    fill_as_older_version(older_store(path, 3))
    checking, go_on = threading.Event(), threading.Event()
    connect = database.connect_checked

    def slow_connect(
        db_path: Path, busy_timeout: float
    ) -> tuple[sqlite3.Connection | None, tuple[int, int]]:
        connected = connect(db_path, busy_timeout)
        if threading.current_thread().name == "first window":
            checking.set()
            go_on.wait(10)  # still checking the store (a large one takes seconds)
        return connected

    monkeypatch.setattr(database, "connect_checked", slow_connect)
    stores: dict[str, AnnotationStore] = {}
    first = threading.Thread(
        target=lambda: stores.setdefault("first", AnnotationStore.open(path)), name="first window"
    )
    first.start()
    try:
        assert checking.wait(10)
        stores["second"] = AnnotationStore.open(path, on_wait=go_on.set)
    finally:
        go_on.set()
        first.join()
    try:
        assert {name: store.read_only for name, store in stores.items()} == {
            "first": "",
            "second": "",
        }
        stores["second"].add_tags(story("tr.txt"), "saved")
        assert "saved" in stores["first"].article_state(story("tr.txt")).tag_names
    finally:
        for store in stores.values():
            store.close()
