"""Annotations know the library they were made in: one store serves every library, and an
export or the highlights view keeps to one. Annotations made before libraries were recorded
go to the one library that has their article; a library moved or renamed keeps its own."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from builders import older_store, write_article

from newsread.index.annotations import AnnotationError, AnnotationStore, ArticleInfo, ArticleMarks
from newsread.index.annotations.database import SCHEMA_VERSION
from newsread.index.article import Article
from newsread.index.library import Library
from newsread.index.paths import annotations_path, library_id
from newsread.tui.cli import main

STAMP = "2024-01-02T03:04:05.000000Z"


def article(key: str, text: str) -> Article:
    return Article(id=f"id-{key}", key=key, path=key, title=key.title(), paragraphs=(text,))


def make_library(root: Path, *names: str) -> Path:
    for name in names:
        write_article(root, f"{name}.txt", f"{name.title()} story", f"All about the {name} here.")
    assert main(["index", "-q", str(root)]) == 0
    return root


def annotate(root: Path, name: str, note: str) -> str:
    """A highlight and an article note on `name`, made in the library at `root`; its id."""
    library = Library(root).open()
    try:
        [found] = library.find(f"{name}.txt")
        start = found.body.index(name)
        library.annotations.add_highlight(found, start, start + len(name), note=note)
        library.annotations.set_article_note(found, f"{note} (article)")
        return found.id
    finally:
        library.close()


def old_store(path: Path, article_ids: list[str]) -> None:
    """A store as the newsread before libraries were recorded left it: a note and a highlight
    on each article."""
    db = older_store(path, 3)
    for n, article_id in enumerate(article_ids):
        db.execute(
            "INSERT INTO articles (article_id, title, note, note_created, note_updated,"
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, f"title {n}", f"old note {n}", STAMP, STAMP, STAMP, STAMP),
        )
        db.execute(
            "INSERT INTO highlights (id, article_id, colour, quote, prefix, suffix, status,"
            " created, updated) VALUES (?, ?, 1, ?, '', '', 'anchored', ?, ?)",
            (f"h{n}", article_id, f"old quote {n}", STAMP, STAMP),
        )
    db.commit()
    db.close()


def owners(store: AnnotationStore) -> dict[str, set[str]]:
    """The ids of the articles annotated in each library."""
    return {name: set(made) for name, made in store.articles_by_library().items()}


def test_annotations_are_listed_and_exported_for_the_library_they_were_made_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    ours, theirs = article("ours.txt", "Ours to keep."), article("theirs.txt", "Theirs alone.")
    with AnnotationStore.open(path, library="/news/project") as store:
        made = store.add_highlight(ours, 0, 4)
        store.add_tags(ours, "project")
    with AnnotationStore.open(path, library="/news/archive") as store:
        store.add_highlight(theirs, 0, 6)
        store.set_article_note(theirs, "archive note")
        assert made.library == "/news/project"
        assert [h.article.id for h in store.all_highlights(library="/news/project")] == [ours.id]
        assert {h.article.id for h in store.all_highlights()} == {ours.id, theirs.id}
        assert store.count_elsewhere("/news/archive") == 1
        [item] = store.annotations(library="/news/archive")
        assert (item.article.id, item.state.note) == (theirs.id, "archive note")
        assert [a.article.id for a in store.annotations(library="/news/project")] == [ours.id]
        assert {a.id for a in store.annotated_articles("/news/project")} == {ours.id}


def test_migrating_an_older_store_says_first_when_it_waits_for_another_sessions_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "annotations.sqlite3"
    old_store(path, ["a"])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")  # as newsread left it
    other.execute("BEGIN IMMEDIATE")  # another session writing
    waits: list[int] = []

    def on_wait() -> None:
        waits.append(other.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        other.execute("COMMIT")  # it is done, and quits: the migration goes on
        other.close()

    AnnotationStore.open(path, on_wait=on_wait, busy_timeout=5.0).close()
    assert waits == [1]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    again = tmp_path / "again.sqlite3"
    old_store(again, ["a"])  # nothing holds its lock: no word of waiting
    AnnotationStore.open(again, on_wait=lambda: waits.append(0)).close()
    assert waits == [1]


def test_an_older_store_an_older_newsread_has_open_is_migrated_only_once_it_quits(
    tmp_path: Path,
) -> None:
    """Migrated under an older newsread, its highlights and notes failed to save for the rest
    of its session ("no such function: newsread_fold": schema 5's triggers call a function
    only this code registers). Read as it is meanwhile; the first save after it quits
    migrates."""
    path = tmp_path / "annotations.sqlite3"
    old_store(path, ["a"])
    older = sqlite3.connect(path, isolation_level=None)
    older.execute("PRAGMA journal_mode = WAL")  # as newsread left it, open in the older one
    older.execute("SELECT COUNT(*) FROM highlights").fetchone()
    annotated = replace(article("a", "Its text."), id="a")
    with AnnotationStore.open(path, library="/news/project") as store:
        assert "older newsread" in store.read_only
        assert store.article_note(annotated) == "old note 0"
        # The older newsread goes on saving as it did.
        older.execute("UPDATE articles SET note = 'saved by the older one' WHERE article_id = 'a'")
        older.execute(
            "INSERT INTO highlights (id, article_id, colour, quote, prefix, suffix, status,"
            " created, updated) VALUES ('h9', 'a', 2, 'a later quote', '', '', 'anchored', ?, ?)",
            (STAMP, STAMP),
        )
        with pytest.raises(AnnotationError, match="older newsread has the notes open"):
            store.add_tags(annotated, "new")
        assert older.execute("PRAGMA user_version").fetchone() == (3,)
        older.close()
        store.add_tags(annotated, "new")
        assert store.read_only == ""
        assert store.article_note(annotated) == "saved by the older one"
        assert {h.id for h in store.all_highlights()} == {"h0", "h9"}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_store_from_before_libraries_keeps_every_row_visible_in_every_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    old_store(path, ["a1", "a2"])
    with AnnotationStore.open(path, library="/news/project") as store:
        assert owners(store) == {"": {"a1", "a2"}}
        for library in ("/news/project", "/news/archive"):
            assert {h.id for h in store.all_highlights(library=library)} == {"h0", "h1"}
            notes = {a.article.id: a.state.note for a in store.annotations(library=library)}
            assert notes == {"a1": "old note 0", "a2": "old note 1"}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_older_annotations_go_to_the_one_library_that_has_their_article(tmp_path: Path) -> None:
    project = make_library(tmp_path / "project", "harbour", "shared")
    archive = make_library(tmp_path / "archive", "shared", "tram")
    ids = {}
    for root in (project, archive):
        library = Library(root).open()
        ids.update({a.key: a.id for a in library.docs.articles(library.docs.all_keys()).values()})
        library.close()
    old_store(annotations_path(), [ids["harbour.txt"], ids["shared.txt"], "gone"])
    library = Library(project).open()
    found = owners(library.annotations)
    library.close()
    # The shared article may be either library's, and an article no library has, any one's.
    assert found == {library_id(project): {ids["harbour.txt"]}, "": {ids["shared.txt"], "gone"}}


def test_a_library_moved_or_renamed_keeps_its_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    archive = make_library(tmp_path / "archive", "tram")
    annotate(archive, "tram", "Theirs")
    moved = tmp_path / "renamed"
    shutil.move(project, moved)
    capsys.readouterr()
    assert main(["export", "--library", str(moved)]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "Mine (article)" in out and "Theirs" not in out
    assert main(["export", "--library", str(archive)]) == 0
    assert "Mine" not in capsys.readouterr().out


def test_import_records_the_library_it_imports_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    exported = tmp_path / "notes.json"
    assert main(["export", "--library", str(project), "--format", "json", "-o", str(exported)]) == 0
    # Another machine (another home), where the same articles are in a library of another name.
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "elsewhere"))
    copy = make_library(tmp_path / "copy", "harbour")
    other = make_library(tmp_path / "other", "harbour")
    assert main(["import", str(exported), "--library", str(copy)]) == 0
    capsys.readouterr()
    assert main(["export", "--library", str(copy)]) == 0
    assert "Mine (article)" in capsys.readouterr().out
    assert main(["export", "--library", str(other)]) == 1
    assert "Mine" not in capsys.readouterr().out


def test_export_without_a_library_keeps_to_the_one_newsread_opens(
    tmp_path: Path, newsread_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    archive = make_library(tmp_path / "archive", "tram")
    annotate(archive, "tram", "Theirs")
    config = newsread_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"library = {json.dumps(str(archive))}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["export"]) == 0
    out = capsys.readouterr().out
    assert "Theirs" in out and "Mine" not in out
    assert main(["export", "--all"]) == 0
    out = capsys.readouterr().out
    assert "Theirs" in out and "Mine" in out


def test_another_librarys_copy_of_an_article_does_not_take_its_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Placing the annotations in one library gave it those of an article of the same title
    # and words in another library, as if the article had moved: the other lost them.
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    archive = tmp_path / "archive"
    write_article(archive, "copy.txt", "Harbour story", "All about the harbour here.\n\nAnd more.")
    assert main(["index", "-q", str(archive)]) == 0
    assert main(["export", "--library", str(archive)]) == 1  # nothing of its own
    capsys.readouterr()
    assert main(["export", "--all", "--library", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "Not in this library now" in out and "`copy.txt`" not in out


def test_an_article_at_the_same_place_in_another_library_gets_none_of_its_annotations(
    tmp_path: Path,
) -> None:
    # A key is a place in one library: the archive's "same.txt" (another version of the
    # project's, same title) showed the project's highlight, tags and star, and took them.
    path = tmp_path / "notes.sqlite3"
    text = "The harbour flooded at dawn."
    ours = Article(id="a", key="same.txt", path="same.txt", title="Same", paragraphs=(text,))
    theirs = replace(ours, id="b", paragraphs=(text + " The mayor said so.",))
    with AnnotationStore.open(path, library="/news/project") as store:
        store.add_highlight(ours, 4, 11)
        store.add_tags(ours, "flood")
        store.set_starred(ours)
    with AnnotationStore.open(path, library="/news/archive") as store:
        assert store.highlights_for(theirs) == []
        state = store.article_state(theirs)
        assert (state.tag_names, state.starred) == ((), False)
        assert not store.articles_matching(tags=["flood"]).matches(theirs)
        assert store.marks([ArticleInfo.of(theirs)], lambda _: theirs.body) == [ArticleMarks()]
    with AnnotationStore.open(path, library="/news/project") as store:
        [placed] = store.highlights_for(ours)
        assert placed.highlight.article.id == "a"
        assert store.articles_matching(tags=["flood"]).matches(ours)


def test_a_library_moved_with_a_file_edited_meanwhile_keeps_that_files_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without a URL an edited article has a new id: it is found at its key, by its title.
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    moved = tmp_path / "renamed"
    shutil.move(project, moved)
    write_article(moved, "harbour.txt", "Harbour story", "All about the harbour here, and more.")
    capsys.readouterr()
    assert main(["export", "--library", str(moved)]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "Mine (article)" in out and "Not in this library" not in out


def test_tags_are_counted_in_the_library_they_were_made_in(tmp_path: Path) -> None:
    """Tag completion offered (and counted) every library's tags in each of them."""
    path = tmp_path / "notes.sqlite3"
    old_store(path, ["a1"])  # tagged below where it is not known: counted in every library
    ours, theirs, also = (article(k, "Text.") for k in ("ours.txt", "theirs.txt", "also.txt"))
    with AnnotationStore.open(path, library="/news/project") as store:
        store.add_tags(ours, "harbour", "shared")
    with AnnotationStore.open(path, library="/news/archive") as store:
        store.add_tags(theirs, "tram", "shared")
        store.add_tags(also, "Shared")
        with sqlite3.connect(path) as db:
            db.execute("INSERT INTO tags VALUES ('a1', 'old', ?)", (STAMP,))
        counts = {"/news/project": {"harbour": 1, "shared": 1, "old": 1}}
        counts["/news/archive"] = {"shared": 2, "tram": 1, "old": 1}
        for library, expected in counts.items():
            assert {t.tag: t.count for t in store.all_tags(library)} == expected, library
        assert [(t.tag, t.count) for t in store.all_tags()][:1] == [("shared", 3)]


def test_a_renamed_librarys_annotations_are_not_taken_by_another_with_the_article_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The archive, holding a copy of the article at another path, was opened first after the
    # project's folder was renamed: it took the project's annotations for good, and the
    # renamed project (its articles at the same paths as before) had none.
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    archive = tmp_path / "archive"
    write_article(archive, "copies/harbour.txt", "Harbour story", "All about the harbour here.")
    assert main(["index", "-q", str(archive)]) == 0
    moved = tmp_path / "renamed"
    shutil.move(project, moved)
    capsys.readouterr()
    assert main(["export", "--library", str(archive)]) == 1  # nothing of its own
    assert "Mine" not in capsys.readouterr().out
    assert main(["export", "--library", str(moved)]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "Mine (article)" in out


def test_indexing_another_library_with_a_copy_leaves_the_highlights_where_they_were_made(
    tmp_path: Path,
) -> None:
    # Indexing the archive re-placed the project's highlight in the archive's copy of the
    # article and wrote the copy's path into it: the project's highlights view then opened
    # "copies/harbour.txt" in the project, which has no such file.
    project = make_library(tmp_path / "project", "harbour")
    annotate(project, "harbour", "Mine")
    archive = tmp_path / "archive"
    write_article(archive, "copies/harbour.txt", "Harbour story", "All about the harbour here.")
    assert main(["index", "-q", str(archive)]) == 0
    library = Library(project).open()
    try:
        [highlight] = library.annotations.all_highlights()
        assert (highlight.article.key, highlight.article.path) == ("harbour.txt", "harbour.txt")
        assert highlight.library == library_id(project)
    finally:
        library.close()


@pytest.mark.parametrize("first", ["the library it left", "the library it went to"])
def test_an_article_moved_to_another_library_takes_its_annotations_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    # Its notes showed when it was read in the other library, but that library's highlights
    # view and export had none of them, and the first one's export said "Not in this library".
    project = make_library(tmp_path / "project", "harbour", "tram")
    annotate(project, "harbour", "Mine")
    archive = make_library(tmp_path / "archive", "grain")
    shutil.move(project / "harbour.txt", archive / "harbour.txt")
    order = [project, archive] if first == "the library it left" else [archive, project]
    for root in order:
        assert main(["index", "-q", str(root)]) == 0
    capsys.readouterr()
    assert main(["export", "--library", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "Mine (article)" in out and "Not in this library" not in out
    assert main(["export", "--library", str(project)]) == 1  # nothing left there


def test_a_copy_of_a_library_takes_nothing_while_the_original_is_indexed_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An index rebuilt (or a first build stopped) does not have every article yet: another
    # library with copies of them must not take their annotations, nor this one give them.
    from newsread.index.paths import index_dir

    project = make_library(tmp_path / "project", "harbour", "tram")
    annotate(project, "harbour", "Mine")
    archive = tmp_path / "archive"
    shutil.copytree(project, archive)
    assert main(["index", "-q", str(archive)]) == 0
    shutil.rmtree(index_dir(project))
    library = Library(project).open()
    try:
        library.update(cancelled=lambda: True)  # stopped before it read a file
        assert not library.docs.keys_for(library.annotations.all_highlights()[0].article.id)
    finally:
        library.close()
    capsys.readouterr()
    assert main(["export", "--library", str(archive)]) == 1  # nothing of its own
    assert main(["export", "--library", str(project)]) == 0
    assert "Mine" in capsys.readouterr().out


def test_note_words_fold_as_article_search_does_in_new_and_migrated_stores(
    tmp_path: Path,
) -> None:
    """FTS5 folds case and accents of Latin script only: `note:ΑΘΗΝΑ` missed "Αθήνα" and
    `note:Петр` missed "Пётр", which article search finds (schema 5 stores folded words)."""
    athens = article("athens.txt", "Αθήνα σήμερα.")
    old = tmp_path / "old.sqlite3"
    old_store(old, ["id-athens.txt"])
    with closing(sqlite3.connect(old)) as db, db:
        db.execute("UPDATE articles SET note = 'Συνάντηση στην Αθήνα'")
        db.execute("UPDATE highlights SET quote = 'Пётр пришёл', note = 'ПЁТР'")
    for path in (old, tmp_path / "new.sqlite3"):
        with AnnotationStore.open(path) as store:
            if path != old:
                store.set_article_note(athens, "Συνάντηση στην Αθήνα")
                store.add_highlight(athens, 0, 5, note="ПЁТР")
            for words in (["ΑΘΗΝΑ"], ["αθηνα"], ["συναντηση"], ["Петр"], ["петр"]):
                assert store.articles_matching(note_words=words).matches(athens), words
            assert not store.articles_matching(note_words=["Αθήνα", "Ρώμη"]).matches(athens)
            store.set_article_note(athens, "Ρώμη")
            assert not store.articles_matching(note_words=["αθηνα"]).matches(athens)
            assert store.articles_matching(note_words=["ΡΩΜΗ"]).matches(athens)
    with AnnotationStore.open(old) as store:
        assert [h.quote for h in store.all_highlights(text_query="пётр")] == ["Пётр пришёл"]
        assert [h.quote for h in store.all_highlights(text_query="ПРИШЕЛ")] == ["Пётр пришёл"]


def test_threads_asking_for_the_store_at_once_open_it_once(tmp_path, monkeypatch):
    """The app's workers ask for the store at once at start: one opens it, the others wait
    for that one (each opening its own, the second waited for the first's setting up and the
    app said another newsread was saving)."""
    import threading
    import time

    import newsread.index.library as library_module

    root = make_library(tmp_path / "lib", "harbour")
    opened: list[str] = []
    real_open = library_module.open_annotations

    def slow_open(library_id: str = "", on_wait=None) -> AnnotationStore:
        opened.append(library_id)
        time.sleep(0.2)  # the others ask while this one opens
        return real_open(library_id, on_wait)

    monkeypatch.setattr(library_module, "open_annotations", slow_open)
    library = Library(root).open()
    waits: list[bool] = []
    library.on_annotations_wait = waits.append
    stores: list[AnnotationStore] = []
    threads = [threading.Thread(target=lambda: stores.append(library.annotations)) for _ in "abc"]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(opened) == 1
        assert len({id(store) for store in stores}) == 1 and len(stores) == 3
        assert waits == []
    finally:
        library.close()


@pytest.mark.parametrize(
    ("version", "note", "text", "found", "new_note", "new_found"),
    [
        # 7: `fold` came to leave out Arabic vowel marks.
        (5, "قال مُحَمَّد", "قال مُحَمَّد اليوم.", ["محمد"], "الاقتصـــاد", "الاقتصاد"),
        # 8: `fold` came to read İ and ı as i and to join a word across a soft hyphen.
        (
            7,
            "İstanbul lima\u00adnı",
            "İstanbul limanı bugün açıldı.",
            ["istanbul", "LIMANI"],
            "ILGI çekici",
            "ılgı",
        ),
        # 10: `fold` came to leave out Latin accents (and letters with a stroke, which FTS5's
        # own folding keeps) and Cyrillic stress marks.
        (8, "Łódź, Молоко́", "Łódź, Молоко́.", ["lodz", "МОЛОКО"], "Ærøskøbing", "aeroskobing"),
    ],
)
def test_note_words_stored_before_a_fold_changed_are_folded_again(
    tmp_path: Path,
    version: int,
    note: str,
    text: str,
    found: list[str],
    new_note: str,
    new_found: str,
) -> None:
    """The next schema folds the stored note words again when `fold` changes, and a row is
    deleted from the full-text table by the words it was stored with."""
    path = tmp_path / f"v{version}.sqlite3"
    db = older_store(path, version)  # (its fold, `str.casefold`, was the fold before here)
    db.execute(
        "INSERT INTO articles (article_id, title, note, created, updated)"
        " VALUES ('id-story.txt', 'Story', ?, ?, ?)",
        (note, STAMP, STAMP),
    )
    db.commit()
    db.close()
    story = article("story.txt", text)
    with AnnotationStore.open(path) as store:
        for word in found:
            assert store.articles_matching(note_words=[word]).matches(story), word
        store.set_article_note(story, new_note)
        assert not store.articles_matching(note_words=found[:1]).matches(story)
        assert store.articles_matching(note_words=[new_found]).matches(story)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO article_notes_fts(article_notes_fts) VALUES ('integrity-check')")
