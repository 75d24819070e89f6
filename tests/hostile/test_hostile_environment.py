"""The environment newsread runs in: its annotation store under stress, a malformed config,
the privacy of what it writes, and the network it never uses.

tests/test_annotations_store.py already pins a corrupt database set aside, a lock held too
long, SQLITE_FULL (max_page_count) keeping the note, and a note surviving SIGKILL right after
saving; these tests cover what it leaves open.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest
from hostile_helpers import (
    assert_no_traceback,
    assert_terminal_safe,
    remount_read_only,
    run_cli,
    tmpfs,
)

from newsread.index import paths
from newsread.index.annotations import AnnotationError, AnnotationStore
from newsread.index.annotations.database import MIGRATIONS
from newsread.index.library import Library
from newsread.tui.cli import main
from newsread.tui.state import SessionState, save_state

# -- annotations -----------------------------------------------------------------------------


def test_the_cli_tells_the_user_a_corrupt_annotations_database_was_set_aside(
    small_library: Path, newsread_home: Path
) -> None:
    database = newsread_home / "data" / "annotations.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database, but it was someone's notes")
    result = run_cli("export", "-l", str(small_library), home=newsread_home)
    assert_no_traceback(result)
    assert result.returncode == 1  # nothing to export from the fresh store
    [moved] = database.parent.glob("annotations.sqlite3.corrupt-*")
    assert moved.read_bytes().startswith(b"this is not a database")
    assert assert_terminal_safe(result.stderr).splitlines() == [
        f"newsread: the annotations database was damaged; it was moved to {moved} "
        "and a new one started: nothing in it could be read back",
        "newsread: nothing to export: no article is annotated in this library"
        f" ({small_library.name}; --library DIR exports another's, --all every library's)",
    ]
    again = run_cli("export", "-l", str(small_library), home=newsread_home)
    assert b"damaged" not in again.stderr  # told once, not on every run


def _article(library: Library) -> object:
    return library.article(library.search("kelmor harbour").hits[0].key)


def test_a_save_waits_for_another_sessions_lock_and_then_succeeds(
    small_library: Path, tmp_path: Path
) -> None:
    library = Library(small_library).open()
    library.update()
    article = _article(library)
    database = tmp_path / "notes.sqlite3"
    store = AnnotationStore.open(database, busy_timeout=0.1, attempts=20)
    other = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another newsread in the middle of saving
    release = threading.Timer(0.5, other.execute, ("COMMIT",))
    release.start()
    try:
        began = time.monotonic()
        state = store.set_article_note(article, "Saved once the other session let go.")
        assert time.monotonic() - began >= 0.4  # it waited, and retried, rather than failing
    finally:
        release.join()
        other.close()
    assert state.note == "Saved once the other session let go."
    store.close()
    with AnnotationStore.open(database) as reopened:
        assert reopened.article_note(article) == "Saved once the other session let go."


def test_a_full_disk_while_saving_keeps_the_text_and_the_old_note(
    small_library: Path, tmp_path: Path
) -> None:
    library = Library(small_library).open()
    library.update()
    article = _article(library)
    with tmpfs(tmp_path / "disk", "1m") as disk:
        store = AnnotationStore.open(disk / "notes.sqlite3")
        store.set_article_note(article, "A short note that was saved.")
        fd = os.open(disk / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, bytes(4096))
        os.close(fd)
        long_note = "A long note written while the disk was full. " * 2000
        with pytest.raises(AnnotationError) as caught:
            store.set_article_note(article, long_note)
        assert str(caught.value) == f"disk full ({disk}): note not saved; free some space"
        assert caught.value.unsaved == long_note.rstrip()  # the UI can keep it for the user
        assert store.article_note(article) == "A short note that was saved."
        # Another session opening the store on the full disk reads it.
        other = AnnotationStore.open(disk / "notes.sqlite3")
        assert other.article_note(article) == "A short note that was saved."
        with pytest.raises(AnnotationError, match=r"^disk full \("):
            other.set_article_note(article, long_note)
        other.close()
        (disk / "filler").unlink()
        assert store.set_article_note(article, long_note).note == long_note.rstrip()
        store.close()


def _fill(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    with contextlib.suppress(OSError):
        while True:
            os.write(fd, bytes(4096))
    os.close(fd)


def _make_unwritable(disk: Path, disk_is: str, folder: Path) -> str:
    """Fill the disk or remount it read-only; the reason the store gives for `folder` then."""
    if disk_is == "full":
        _fill(disk)
        return f"disk full ({folder})"
    remount_read_only(disk)
    return f"the folder {folder} is read-only"


@pytest.mark.parametrize("disk_is", ["full", "read-only"])
def test_notes_on_a_disk_that_cannot_be_written_are_still_read(
    small_library: Path, tmp_path: Path, disk_is: str
) -> None:
    """A new session (the app, `export`) on a full or read-only disk shows the notes there,
    and a change says why it is not saved: the notes are never hidden as if lost."""
    library = Library(small_library).open()
    library.update()
    article = _article(library)
    library.close()
    with tmpfs(tmp_path / "disk", "4m") as disk:
        home = disk / "home"
        assert run_cli("index", str(small_library), home=home).returncode == 0
        database = home / "data" / "annotations.sqlite3"
        with AnnotationStore.open(database) as store:
            store.set_article_note(article, "Written before the disk filled.")
        reason = _make_unwritable(disk, disk_is, database.parent)
        exported = run_cli("export", "-l", str(small_library), home=home)
        assert_no_traceback(exported)
        assert exported.returncode == 0, exported.stderr
        assert b"Written before the disk filled." in exported.stdout
        with AnnotationStore.open(database) as store:
            assert store.read_only == reason
            assert store.article_note(article) == "Written before the disk filled."
            with pytest.raises(AnnotationError, match=f"^{re.escape(reason)}: note not saved"):
                store.set_article_note(article, "A change")


@pytest.mark.parametrize("disk_is", ["full", "read-only"])
def test_notes_from_an_older_newsread_on_a_disk_that_cannot_be_written_are_still_read(
    small_library: Path, tmp_path: Path, disk_is: str
) -> None:
    """A store the first release wrote (schema 1), which cannot be migrated where it is, is
    read from a migrated copy in memory: its notes are shown and exported, never hidden as if
    lost, and the file stays as it was until it can be written."""
    library = Library(small_library).open()
    library.update()
    article = _article(library)
    library.close()
    with tmpfs(tmp_path / "disk", "4m") as disk:
        home = disk / "home"
        assert run_cli("index", str(small_library), home=home).returncode == 0
        database = home / "data" / "annotations.sqlite3"
        database.parent.mkdir(mode=0o700)
        old = sqlite3.connect(database, isolation_level=None)
        for statement in MIGRATIONS[0]:
            old.execute(statement)
        old.execute(
            "INSERT INTO articles (article_id, key, path, title, note, created, updated)"
            " VALUES (?, ?, ?, ?, 'Written by the first release.', '2026-11-27', '2026-11-27')",
            (article.id, article.key, article.path, article.title),  # type: ignore[attr-defined]
        )
        old.execute("PRAGMA user_version = 1")
        old.close()
        reason = _make_unwritable(disk, disk_is, database.parent)
        exported = run_cli("export", "-l", str(small_library), home=home)
        assert_no_traceback(exported)
        assert exported.returncode == 0, exported.stderr
        assert b"Written by the first release." in exported.stdout
        with AnnotationStore.open(database) as store:
            assert store.read_only == reason
            assert store.article_note(article) == "Written by the first release."
        check = sqlite3.connect(f"{database.as_uri()}?mode=ro&immutable=1", uri=True)
        assert check.execute("PRAGMA user_version").fetchone()[0] == 1
        check.close()


def test_an_import_onto_a_full_disk_says_nothing_was_imported(
    small_library: Path, tmp_path: Path
) -> None:
    """The store cannot even be created: that is the disk's trouble, not the file's."""
    exported = tmp_path / "notes.json"
    exported.write_text(
        '[{"type": "Annotation", "motivation": "commenting", "target": "https://example.org/a",'
        ' "body": [{"type": "TextualBody", "value": "A note."}]}]'
    )
    home = tmp_path / "home"
    assert run_cli("index", str(small_library), home=home).returncode == 0
    with tmpfs(tmp_path / "disk", "4m") as disk:
        (home / "data").symlink_to(disk)  # the notes' disk only: the index is elsewhere
        _fill(disk)
        result = run_cli("import", str(exported), "-l", str(small_library), home=home)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert assert_terminal_safe(result.stderr).startswith(
        f"newsread: nothing imported from {exported}: disk full ({home / 'data'})"
    )


# -- config ----------------------------------------------------------------------------------


def test_a_malformed_config_is_one_line_and_newsread_runs_on_defaults(
    small_library: Path, newsread_home: Path
) -> None:
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text('library = "unterminated\ntheme = [1, 2\n')
    save_state(SessionState(library=str(small_library)), paths.state_path())  # the last library
    result = run_cli("search", "kelmor", home=newsread_home)
    assert_no_traceback(result)
    assert result.returncode == 0 and b"3 articles match" in result.stdout
    lines = assert_terminal_safe(result.stderr).splitlines()
    assert lines[0].startswith(f"newsread: {config}: ") and lines[0].endswith("; using defaults")
    assert lines[1:] == ["newsread: indexing the library first…"]
    line = lines[0]
    assert "line 1" in line  # what is wrong, and where


# -- privacy ---------------------------------------------------------------------------------


def test_everything_newsread_creates_is_private_whatever_the_umask(
    small_library: Path, newsread_home: Path
) -> None:
    previous = os.umask(0o022)  # an embedding program's usual umask, not the CLI's 077
    try:
        library = Library(small_library).open()
        library.update()
        article = _article(library)
        library.annotations.set_article_note(article, "Private thoughts.")
        library.annotations.add_tags(article, "mine")
        library.search("kelmor")
        save_state(SessionState(library=str(small_library)), paths.state_path())
        modes = {
            path: stat.S_IMODE(path.lstat().st_mode)
            for path in [newsread_home, *newsread_home.rglob("*")]
        }
        library.close()
    finally:
        os.umask(previous)
    assert any(p.name == "articles.sqlite3-wal" for p in modes)  # open files included
    assert any(p.name.endswith(".pst") for p in modes) and paths.annotations_path() in modes
    wrong = {
        str(path.relative_to(newsread_home.parent)): oct(mode)
        for path, mode in modes.items()
        if mode != (0o700 if path.is_dir() else 0o600)
    }
    assert wrong == {}


# -- the network -----------------------------------------------------------------------------


def test_no_network_connection_while_indexing_searching_and_showing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("newsread must not use the network")

    for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    samples = paths.default_library()
    library = Library(samples).open()
    summary = library.update()
    assert summary.indexed > 40 and summary.skipped == ()
    everything = library.docs.articles(hit.key for hit in library.search("", limit=100).hits)
    html = [article for article in everything.values() if article.format == "html"]
    assert html, "the samples include HTML pages (parsed with trafilatura)"
    assert library.search("kelmor").total > 0
    library.close()
    html_path = samples / html[0].path
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["show", str(html_path)]) == 0
        assert main(["show", html[0].id, "-l", str(samples)]) == 0
        assert main(["search", "kelmor", "-l", str(samples), "--json"]) == 0
    assert attempts == []
