"""The annotation store's SQLite file: its schema and migrations, opening it safely, and
turning SQLite's errors into one-line `AnnotationError`s.

A file that is not SQLite, or fails `PRAGMA quick_check`, is never written to: `set_aside`
renames it (and its WAL files) so a fresh store can be created in its place.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from newsread.index.annotations.model import AnnotationError
from newsread.index.file_systems import shared_file_system
from newsread.index.folding import fold
from newsread.index.folding import tag_key as tag_key  # the store's queries use it from here
from newsread.index.private_files import create_private_file, make_private_dir

log = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT = 11  # sqlite3.SQLITE_CORRUPT and SQLITE_NOTADB exist from Python 3.11 only
_SQLITE_NOTADB = 26
_COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database, named after it."""

# The full-text tables written again from the annotations, words folded as `fold` folds them now.
_REFOLDED = (
    "INSERT INTO highlights_fts(highlights_fts) VALUES ('delete-all')",
    """INSERT INTO highlights_fts(rowid, quote, note)
        SELECT seq, newsread_fold(quote), newsread_fold(note) FROM highlights""",
    "INSERT INTO article_notes_fts(article_notes_fts) VALUES ('delete-all')",
    """INSERT INTO article_notes_fts(rowid, note)
        SELECT seq, newsread_fold(note) FROM articles""",
)
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema.
    (
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            url_key TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            published TEXT,
            note TEXT NOT NULL DEFAULT '',
            note_created TEXT,
            note_updated TEXT,
            read_at TEXT,
            starred_at TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX articles_key ON articles(key) WHERE key != ''",
        "CREATE INDEX articles_url ON articles(url_key) WHERE url_key != ''",
        """CREATE TABLE tags (
            article_id TEXT NOT NULL
                REFERENCES articles(article_id) ON UPDATE CASCADE ON DELETE CASCADE,
            tag TEXT NOT NULL COLLATE NOCASE,
            created TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        )""",
        "CREATE INDEX tags_tag ON tags(tag)",
        """CREATE TABLE highlights (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL,
            article_key TEXT NOT NULL DEFAULT '',
            article_path TEXT NOT NULL DEFAULT '',
            article_url TEXT NOT NULL DEFAULT '',
            article_url_key TEXT NOT NULL DEFAULT '',
            article_title TEXT NOT NULL DEFAULT '',
            article_source TEXT NOT NULL DEFAULT '',
            article_published TEXT,
            colour INTEGER NOT NULL CHECK (colour BETWEEN 1 AND 5),
            quote TEXT NOT NULL CHECK (quote != ''),
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            start_offset INTEGER,
            end_offset INTEGER,
            status TEXT NOT NULL
                CHECK (status IN ('anchored', 'moved', 'fuzzy', 'orphaned')),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted_at TEXT
        )""",
        # The same passage highlighted twice is one highlight (re-imports add nothing).
        """CREATE UNIQUE INDEX highlights_same_passage
            ON highlights(article_id, quote, prefix, suffix) WHERE deleted_at IS NULL""",
        "CREATE INDEX highlights_article ON highlights(article_id)",
        "CREATE INDEX highlights_key ON highlights(article_key) WHERE article_key != ''",
        "CREATE INDEX highlights_url ON highlights(article_url_key) WHERE article_url_key != ''",
        "CREATE INDEX highlights_created ON highlights(created)",
        """CREATE VIRTUAL TABLE highlights_fts USING fts5(
            quote, note, content='highlights', content_rowid='seq',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
            INSERT INTO highlights_fts(rowid, quote, note) VALUES (new.seq, new.quote, new.note);
        END""",
        """CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, quote, note)
                VALUES ('delete', old.seq, old.quote, old.note);
        END""",
        """CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote, note ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, quote, note)
                VALUES ('delete', old.seq, old.quote, old.note);
            INSERT INTO highlights_fts(rowid, quote, note) VALUES (new.seq, new.quote, new.note);
        END""",
        """CREATE VIRTUAL TABLE article_notes_fts USING fts5(
            note, content='articles', content_rowid='seq',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER article_notes_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_notes_fts(rowid, note) VALUES (new.seq, new.note);
        END""",
        """CREATE TRIGGER article_notes_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_notes_fts(article_notes_fts, rowid, note)
                VALUES ('delete', old.seq, old.note);
        END""",
        """CREATE TRIGGER article_notes_fts_update AFTER UPDATE OF note ON articles BEGIN
            INSERT INTO article_notes_fts(article_notes_fts, rowid, note)
                VALUES ('delete', old.seq, old.note);
            INSERT INTO article_notes_fts(rowid, note) VALUES (new.seq, new.note);
        END""",
    ),
    # 2: revisions, so a save over another session's newer note is caught (NoteConflict).
    (
        "ALTER TABLE articles ADD COLUMN note_revision INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE highlights ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    ),
    # 3: pieces of the article's text, so an article read with a new title keeps its notes.
    ("ALTER TABLE articles ADD COLUMN excerpts TEXT NOT NULL DEFAULT ''",),
    # 4: the library each annotation was made in (its folder, resolved), so an export or the
    # highlights view can keep to one library; '' is not known (made before this), shown in all.
    (
        "ALTER TABLE articles ADD COLUMN library TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE highlights ADD COLUMN library TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX highlights_library ON highlights(library)",
    ),
    # 5: the full-text tables hold words folded as the article index folds them (`fold`), so
    # `note:ΑΘΗΝΑ` finds "Αθήνα" and `note:Петр` finds "Пётр" (FTS5 folds Latin script only).
    (
        *(
            f"DROP TRIGGER {table}_fts_{event}"
            for table in ("highlights", "article_notes")
            for event in ("insert", "delete", "update")
        ),
        """CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
            INSERT INTO highlights_fts(rowid, quote, note)
                VALUES (new.seq, newsread_fold(new.quote), newsread_fold(new.note));
        END""",
        """CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, quote, note)
                VALUES ('delete', old.seq, newsread_fold(old.quote), newsread_fold(old.note));
        END""",
        """CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote, note ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, quote, note)
                VALUES ('delete', old.seq, newsread_fold(old.quote), newsread_fold(old.note));
            INSERT INTO highlights_fts(rowid, quote, note)
                VALUES (new.seq, newsread_fold(new.quote), newsread_fold(new.note));
        END""",
        """CREATE TRIGGER article_notes_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_notes_fts(rowid, note) VALUES (new.seq, newsread_fold(new.note));
        END""",
        """CREATE TRIGGER article_notes_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_notes_fts(article_notes_fts, rowid, note)
                VALUES ('delete', old.seq, newsread_fold(old.note));
        END""",
        """CREATE TRIGGER article_notes_fts_update AFTER UPDATE OF note ON articles BEGIN
            INSERT INTO article_notes_fts(article_notes_fts, rowid, note)
                VALUES ('delete', old.seq, newsread_fold(old.note));
            INSERT INTO article_notes_fts(rowid, note) VALUES (new.seq, newsread_fold(new.note));
        END""",
        *_REFOLDED,
    ),
    # 6: who wrote the article and whether it is dated by a year or month alone, as last read:
    # an article since deleted is still cited with its authors and its date as it gave it.
    (
        "ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN period TEXT NOT NULL DEFAULT ''",
    ),
    # 7: `fold` leaves out Arabic and Hebrew vowel marks: the words are folded again (the
    # triggers delete a row by the words it was stored with, which must be today's fold).
    _REFOLDED,
    # 8: `fold` reads Turkish İ and ı as i, and joins a word's letters across a soft hyphen or
    # a zero-width space ("İstanbul" is "istanbul"): the words are folded again, as for 7.
    _REFOLDED,
    # 9: each note's sync base (`records.note_digest` of the texts it had when exported or
    # imported), so an import tells a note edited on both machines from an old copy of this
    # one's (`records.sync_verdict`); '' for none yet: imported as before until then.
    (
        "ALTER TABLE articles ADD COLUMN note_synced TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE highlights ADD COLUMN note_synced TEXT NOT NULL DEFAULT ''",
    ),
    # 10: `fold` leaves out Latin letters' accents ("secheresse" is "sécheresse", "lodz" is
    # "Łódź") and Cyrillic stress marks: the words are folded again, as for 7.
    _REFOLDED,
)
SCHEMA_VERSION = len(MIGRATIONS)


def add_functions(connection: sqlite3.Connection) -> sqlite3.Connection:
    """Give `connection` the SQL functions the schema's triggers call (`newsread_fold`) and
    the store's queries use (`newsread_tag_key`)."""
    connection.create_function("newsread_fold", 1, _fold_text, deterministic=True)
    connection.create_function("newsread_tag_key", 1, _sql_tag_key, deterministic=True)
    return connection


def _sql_tag_key(tag: str | None) -> str | None:
    return tag_key(tag) if isinstance(tag, str) else tag


def _fold_text(text: str | None) -> str | None:
    return fold(text) if isinstance(text, str) else text


# Opening ------------------------------------------------------------------------------


def open_private_file(path: Path) -> tuple[int, int]:
    """Create the file 0600 if missing (tighten it if group or others can read it).

    Returns its (device, inode), to recognise it later.
    """
    create_private_file(path)
    status = os.stat(path)
    if os.name == "posix" and status.st_mode & 0o077:
        os.chmod(path, 0o600)
    return status.st_dev, status.st_ino


def looks_like_sqlite(path: Path) -> bool:
    """An empty file (a new database) or one starting with the SQLite header."""
    with open(path, "rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    return header in (b"", _SQLITE_HEADER)


def connect_checked(
    path: Path, busy_timeout: float
) -> tuple[sqlite3.Connection | None, tuple[int, int]]:
    """A connection to a sound database at `path`, or None if the file there is corrupt."""
    identity = open_private_file(path)
    if not looks_like_sqlite(path):
        return None, identity
    connection = sqlite3.connect(
        str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    connection.row_factory = sqlite3.Row
    add_functions(connection)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        result = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_busy(error) or not is_corruption(error):
            raise translate(error, "", "", path.parent) from error
        return None, identity
    if result != ["ok"]:
        connection.close()
        return None, identity
    return connection, identity


def full_disk(folder: Path) -> str:
    """The reason `unwritable` gives for a full disk."""
    return f"disk full ({folder})"


def unwritable(folder: Path) -> str:
    """Why nothing can be written in `folder` (a full disk, a read-only folder), or ""."""
    if disk_full(folder):
        return full_disk(folder)
    # `os.access` answers False rather than raising: a folder this user may not even look
    # into (another user's, a sudo's) is no read-only folder to read notes from.
    if os.access(folder, os.R_OK | os.X_OK) and not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only"
    return ""


def connect_read_only(path: Path) -> sqlite3.Connection | None:
    """A connection that only reads the store at `path`, or None if it cannot be read.

    First as SQLite reads a WAL database it may not write; when not even the WAL's index can
    be made (no room for it, a read-only folder), the file as it is (`immutable`). A store
    an older newsread wrote, which cannot be migrated where it is, is read from a copy in
    memory, migrated there: its notes are shown as they are until it can be written.
    """
    if not path.is_file():
        return None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?{options}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error:
            continue
        connection.row_factory = sqlite3.Row
        add_functions(connection)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute("SELECT COUNT(*) FROM highlights").fetchone()
        except sqlite3.Error as error:
            log.debug("%s (%s): %s", path, options, error)
            connection.close()
            continue
        if version == SCHEMA_VERSION:
            return connection
        if 0 < version < SCHEMA_VERSION:
            return _migrated_copy(connection, version)
        connection.close()  # a newer store is not ours to read
        return None
    return None


def _migrated_copy(connection: sqlite3.Connection, version: int) -> sqlite3.Connection | None:
    """An in-memory copy of the older store on `connection` (closed), migrated to this
    schema; None if it cannot be copied."""
    copy = add_functions(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False))
    copy.row_factory = sqlite3.Row
    try:
        connection.backup(copy)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                copy.execute(statement)
        copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as error:
        log.debug("older store not copied: %s", error)
        copy.close()
        return None
    finally:
        connection.close()
    return copy


def file_identity(path: Path) -> tuple[int, int] | None:
    """The (device, inode) of the file at `path`, or None if there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def write_again(connection: sqlite3.Connection, path: Path) -> None:
    """Put the database open on `connection` back at `path`, whose file was deleted while it
    was open (the connection still reads it), then close `connection`.

    The copy is made beside `path` and renamed into place, so a failure (a full disk) leaves
    `connection` open and nothing half-written at `path`. The connection is closed after the
    rename: its WAL and shared-memory files, still at `path`'s name, go with it (SQLite would
    otherwise read them as the new file's).
    """
    make_private_dir(path.parent)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_WRITTEN, dir=path.parent)
    os.close(handle)
    try:
        copy = sqlite3.connect(name)
        try:
            connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, ready to rename
        finally:
            copy.close()
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    connection.close()


def _free_name(path: Path, why: str) -> Path:
    """`<name>.<why>-<time>` beside `path`, numbered if taken (WAL files included)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    number = 1
    while any(Path(f"{target}{end}").exists() for end in ("", *_COMPANIONS)):
        target = path.with_name(f"{path.name}.{why}-{stamp}-{number}")
        number += 1
    return target


def keep_copy(connection: sqlite3.Connection, path: Path, why: str) -> Path:
    """Copy the database open on `connection` to `<name>.<why>-<time>` beside `path`, one
    private file; where it went."""
    target = _free_name(path, why)
    create_private_file(target)
    copy = sqlite3.connect(target)
    try:
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    return target


def set_aside(path: Path, identity: tuple[int, int]) -> Path | None:
    """Keep a corrupt database (and its WAL files) as `<name>.corrupt-<time>`; never delete.

    The file itself is linked to the new name and stays at `path` too, for `rebuild` to
    replace (renamed where the file system has no links). Returns the new name, or None if
    another session already moved the file.
    """
    target = _free_name(path, "corrupt")
    if file_identity(path) != identity:
        return None
    try:
        os.link(path, target)
    except OSError:
        os.rename(path, target)
    for end in _COMPANIONS:
        companion = Path(f"{path}{end}")
        if companion.exists():
            os.rename(companion, f"{target}{end}")
    return target


def rebuild(path: Path, identity: tuple[int, int]) -> tuple[Path | None, dict[str, int]]:
    """Put a fresh store at `path` in place of the corrupt file there, holding every row that
    still reads in it (`salvage`); the corrupt file is kept (`set_aside`).

    The fresh store is made and filled beside `path` (`.<name>.<random>.rebuilt`) and renamed
    over it last. Which copy is the truth, should the process be killed: while the rows are
    copied, the corrupt file at `path` (the fresh one holds nothing else, and the next open
    rebuilds again); once the corrupt file is set aside, the filled fresh store, which
    `finish_rebuilds` puts at `path` if the corrupt file went (no hard links there) before
    the fresh one came. Returns where the corrupt file was kept (None if another session
    rebuilt it first) and how many rows of each table were copied.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_REBUILT, dir=path.parent)
    os.close(handle)
    fresh = Path(name)
    try:
        connection = add_functions(sqlite3.connect(name, isolation_level=None))
        connection.row_factory = sqlite3.Row
        try:
            configure(connection, fresh)
            copied = salvage(path, connection)
        finally:
            connection.close()  # the last connection: its WAL is written in and removed
        kept = set_aside(path, identity)
        if kept is None:
            return None, {}
        os.replace(fresh, path)
    finally:
        fresh.unlink(missing_ok=True)
    return kept, copied


_REBUILT = ".rebuilt"
_WRITTEN = ".tmp"
"""How a store being written again (`write_again`) ends its name until it is in place."""
_ABANDONED = 60.0
"""Seconds after its last write that a fresh store no rebuild has renamed is taken for the
leftover of a killed one (a live rebuild writes it all along, and renames it within a second)."""


def finish_rebuilds(path: Path) -> tuple[Path | None, dict[str, int]]:
    """Finish or clear away what a rebuild killed midway (`rebuild`) left beside `path`.

    With no file at `path`, a sound fresh store is put there: it is all that holds the rows
    (the corrupt file was renamed aside). Beside a file at `path`, the fresh store holds only
    rows that the corrupt file, still there or kept as `.corrupt-*`, holds too: it is removed
    once abandoned. Returns where the corrupt file was kept and how many rows of each table
    the store put at `path` has, or (None, {}) when none was put there.
    """
    finished: tuple[Path | None, dict[str, int]] = (None, {})
    for leftover in sorted(path.parent.glob(f".{glob.escape(path.name)}.*{_REBUILT}")):
        if not path.exists():
            rows = _closed_rows(leftover)
            if rows is None:
                continue  # not a sound store: kept, it is not ours to delete
            if not _put_in_place(leftover, path):
                continue  # another session made a store there meanwhile
            finished = _newest_copy(path, "corrupt"), rows
        elif time.time() - leftover.stat().st_mtime < _ABANDONED:
            continue  # another session's rebuild, under way
        try:
            for end in ("", *_COMPANIONS):
                Path(f"{leftover}{end}").unlink(missing_ok=True)
        except OSError as error:  # a read-only folder: harmless where it is
            log.debug("%s not removed: %s", leftover, error)
    if not path.exists():
        _finish_writing_again(path)
    return finished


def _finish_writing_again(path: Path) -> None:
    """Put at `path`, which has no file, the whole copy a session killed while it wrote the
    store again (`write_again`) left beside it: the only one holding the notes then.

    A copy still being written is locked by its writer, and one cut short reads as no store
    (its journal rolls it back to nothing): neither is taken, nor deleted.
    """
    for leftover in sorted(path.parent.glob(f".{glob.escape(path.name)}.*{_WRITTEN}")):
        rows = _closed_rows(leftover, wait=0.0)
        if not rows or not _put_in_place(leftover, path):
            continue
        leftover.unlink(missing_ok=True)
        log.warning("%s: the copy left by a session killed while writing it again (%s)", path, rows)
        return


def _put_in_place(fresh: Path, path: Path) -> bool:
    """Link `fresh` at `path` (renamed where there are no links), never over a file another
    session made there meanwhile; whether it is there."""
    try:
        os.link(fresh, path)
    except FileExistsError:
        return False
    except OSError:
        if path.exists():
            return False
        os.rename(fresh, path)
    return True


def _closed_rows(path: Path, wait: float = 5.0) -> dict[str, int] | None:
    """Rows per table of the store at `path`, its WAL written into it (one file, ready to
    rename), or None if it is not a sound store (or is locked after `wait` seconds)."""
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=wait)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        connection.execute("PRAGMA journal_mode = DELETE")
        return {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in SALVAGED
        }
    except sqlite3.Error as error:
        log.debug("%s: %s", path, error)
        return None
    finally:
        connection.close()


def _newest_copy(path: Path, why: str) -> Path | None:
    """The newest `<name>.<why>-<time>` beside `path` (`_free_name`), if any."""
    copies = path.parent.glob(f"{glob.escape(path.name)}.{why}-*")
    return max((p for p in copies if not p.name.endswith(_COMPANIONS)), default=None)


SALVAGED = ("articles", "highlights", "tags")
"""The tables whose rows are the user's own, parents first (tags name their article); the
full-text tables are rebuilt from them by the triggers."""


def salvage(damaged: Path, connection: sqlite3.Connection) -> dict[str, int]:
    """Copy every row that still reads from the set-aside database at `damaged` into the fresh
    store on `connection`; how many rows of each table were copied.

    A damaged page (most often one of an index, which this never reads) costs the rows on it,
    not the whole store: each table is read in rowid order from both ends, up to the damage.
    The damaged file is only read.
    """
    copied: dict[str, int] = {}
    try:
        source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return copied
    try:
        for table in SALVAGED:
            columns, rows = _readable_rows(source, table)
            if rows:
                copied[table] = _insert_rows(connection, table, columns, rows)
    finally:
        source.close()
    return copied


def read_copy(path: Path) -> sqlite3.Connection:
    """A store in memory holding what reads in the store file at `path`: another copy (a
    backup, a `.replaced-*` or `.corrupt-*` one newsread kept), of any schema, damaged or
    not (`salvage`). The file is only read.

    Raises:
        AnnotationError: no newsread annotations could be read from it.
    """
    if not path.is_file():
        raise AnnotationError("not a file")
    if not looks_like_sqlite(path) or path.stat().st_size == 0:
        raise AnnotationError("neither an annotations database nor JSON")
    memory = add_functions(
        sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    )
    memory.row_factory = sqlite3.Row
    for statements in MIGRATIONS:
        for statement in statements:
            memory.execute(statement)
    if not _has_tables(path):
        memory.close()
        raise AnnotationError("an SQLite database with no newsread annotations in it")
    salvage(path, memory)
    return memory


def _has_tables(path: Path) -> bool:
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:  # its first page, the list of tables, is damaged
        return False
    finally:
        source.close()
    return {"articles", "highlights"} <= names


def _readable_rows(
    source: sqlite3.Connection, table: str
) -> tuple[list[str], list[tuple[object, ...]]]:
    """The column names and the rows of `table` that read, in rowid order."""
    try:
        cursor = source.execute(f"SELECT rowid, * FROM {table} LIMIT 0")
    except sqlite3.DatabaseError as error:
        log.debug("salvage %s: %s", table, error)
        return [], []
    columns = [item[0] for item in cursor.description[1:]]
    found: dict[int, tuple[object, ...]] = {}
    for order in ("ASC", "DESC"):  # both sides of a damaged page
        for row in _rows_up_to_damage(source, table, order):
            found.setdefault(row[0], tuple(row[1:]))
    return columns, [found[rowid] for rowid in sorted(found)]


def _rows_up_to_damage(source: sqlite3.Connection, table: str, order: str) -> Iterator[Any]:
    """`table`'s rows in rowid `order` until one does not read.

    In batches, then one row per query once a batch fails: sqlite3 steps to the next row before
    it hands over the current one, so a cursor stopped by damage loses the row before it.
    """
    after = ">" if order == "ASC" else "<"
    last: int | None = None
    size = 200
    while True:
        where, start = ("", ()) if last is None else (f"WHERE rowid {after} ?", (last,))
        try:
            batch = source.execute(
                f"SELECT rowid, * FROM {table} {where} ORDER BY rowid {order} LIMIT ?",
                (*start, size),
            ).fetchall()
        except sqlite3.DatabaseError as error:
            if size == 1:
                log.debug("salvage %s (%s) stopped after rowid %s: %s", table, order, last, error)
                return
            size = 1
            continue
        if not batch:
            return
        yield from batch
        last = batch[-1][0]


def _insert_rows(
    connection: sqlite3.Connection, table: str, columns: list[str], rows: list[tuple[object, ...]]
) -> int:
    """Insert the rows (of the columns this schema also has); how many went in."""
    known = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    keep = [n for n, name in enumerate(columns) if name in known]
    names = ", ".join(columns[n] for n in keep)
    marks = ", ".join("?" * len(keep))
    inserted = 0
    connection.execute("BEGIN IMMEDIATE")
    try:
        for row in rows:
            try:
                cursor = connection.execute(
                    f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                    [row[n] for n in keep],
                )
            except sqlite3.IntegrityError:  # a tag whose article was lost, a value now refused
                continue
            inserted += cursor.rowcount
        connection.execute("COMMIT")
    except BaseException:
        rollback(connection)
        raise
    return inserted


def configure(
    connection: sqlite3.Connection, path: Path, on_wait: Callable[[], None] | None = None
) -> None:
    """Set the connection up, migrating an older store; `on_wait` is called when the
    migration must first wait for another session's write lock."""
    shared = shared_file_system(path.parent)
    if shared:  # SQLite's WAL needs every connection on one computer: not so here
        _leave_wal(connection, path, shared)
    else:
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("%s: WAL mode unavailable (journal mode %s)", path, mode)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise AnnotationError(
            f"{path} is from a newer newsread (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    if version == SCHEMA_VERSION:
        return
    _begin_immediate(connection, on_wait)
    # Another session may have migrated while we waited for the lock.
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if 0 < version < SCHEMA_VERSION:
        # One that has the file open now, and did not migrate it, is an older newsread: its
        # statements, prepared for its schema, would fail on ours (a trigger calling a function
        # only this code registers), so it could save nothing more.
        connection.execute("ROLLBACK")
        if _open_elsewhere(connection):
            raise OlderSessionOpen(
                f"an older newsread has the notes open (schema {version}; this one's is "
                f"{SCHEMA_VERSION}), until it quits"
            )
        connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except sqlite3.OperationalError as error:
        rollback(connection)
        if is_busy(error) or is_full(error):
            raise
        raise AnnotationError(f"{path} is not a newsread annotations database ({error})") from None
    except BaseException:
        rollback(connection)
        raise


def _leave_wal(connection: sqlite3.Connection, path: Path, shared: str) -> None:
    """The rollback journal for a store on a shared file system. A store another session
    has open in WAL mode stays in it until that session quits (SQLite refuses the change
    while another connection has the file)."""
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            raise
        mode = "wal"
    if str(mode).lower() == "wal":
        log.warning("%s is on %s and open elsewhere in WAL mode", path, shared)


class OlderSessionOpen(AnnotationError):
    """The store is of an older schema and another program (an older newsread) has it open:
    it is not migrated under it."""


def _open_elsewhere(connection: sqlite3.Connection) -> bool:
    """Whether another connection has the WAL database on `connection` open.

    Leaving WAL mode needs the database to itself: refused (at once, not after the busy
    timeout) while any other connection, in any process, has it open. When it is not, the
    database goes back to WAL mode at once.
    """
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode != "wal":
            return False  # no WAL (a file system without it): nothing to tell by
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA journal_mode = WAL")
        return False
    except sqlite3.OperationalError as error:
        if is_busy(error):
            return True
        raise
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout)}")


@contextmanager
def opening(path: Path, wait: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold, while this session connects to the store at `path` and migrates it (`configure`),
    the lock every newsread from this one on takes for that (`flock` on a file beside it).

    Another connection to an older store is then an older newsread's (`_open_elsewhere`), never
    a session of this one that is opening the store at the same moment (two windows started
    together after an upgrade, the app and a `newsread search`): each took the other for an
    older newsread, and both opened the notes read-only. `on_wait` is called when another
    session holds the lock; after `wait` seconds (a session stopped while opening) this one
    goes on without it, as it did before the lock.
    """
    handle = _opening_lock(path)
    if handle is None:
        yield
        return
    try:
        _hold(handle, path, wait, on_wait)
        yield
    finally:
        os.close(handle)  # the lock goes with it


def _opening_lock(path: Path) -> int | None:
    """The file `opening` locks, open; None where there is no flock (Windows) or no file can
    be made (a read-only folder: nothing there is migrated either)."""
    if os.name != "posix":
        return None
    try:
        make_private_dir(path.parent)
        lock = path.parent / f".{path.name}{_OPENING}"
        create_private_file(lock)
        return os.open(lock, os.O_RDWR)
    except OSError as error:
        log.debug("%s: no opening lock: %s", path, error)
        return None


def _hold(handle: int, path: Path, wait: float, on_wait: Callable[[], None] | None) -> None:
    """Lock `handle`, waiting up to `wait` seconds (`on_wait` called first) for another
    session; after that, go on without it."""
    import fcntl

    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
                on_wait = None
            if time.monotonic() >= deadline:
                log.warning("%s: another newsread is still opening it; going on", path)
                return
            time.sleep(_OPENING_POLL)


_OPENING = ".opening"
"""The end of the name of the file `opening` locks (hidden, beside the store)."""
_OPENING_POLL = 0.05


def _begin_immediate(connection: sqlite3.Connection, on_wait: Callable[[], None] | None) -> None:
    """BEGIN IMMEDIATE, calling `on_wait` first if another session holds the write lock."""
    if on_wait is not None:
        timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
        connection.execute("PRAGMA busy_timeout = 0")
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
        finally:
            connection.execute(f"PRAGMA busy_timeout = {int(timeout)}")
        on_wait()
    connection.execute("BEGIN IMMEDIATE")


# Error handling -------------------------------------------------------------------------------


def message(error: sqlite3.Error) -> str:
    return str(error).lower()


def is_busy(error: sqlite3.Error) -> bool:
    return "locked" in message(error) or "busy" in message(error)


def is_full(error: sqlite3.Error) -> bool:
    return "full" in message(error)


def is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    return "malformed" in message(error) or "not a database" in message(error)


def disk_full(folder: Path) -> bool:
    """Whether the file system holding `folder` has (almost) no room left: SQLite reports a
    full disk as "disk I/O error" when it is the WAL or its index that cannot grow."""
    try:
        return shutil.disk_usage(folder).free < _ROOM_NEEDED
    except OSError:
        return False


_ROOM_NEEDED = 1 << 20
"""Free bytes below which a failed write is put down to a full disk."""


def translate(
    error: sqlite3.Error, what: str, unsaved: str, folder: Path | None = None
) -> AnnotationError:
    """A one-line `AnnotationError` for a SQLite error while saving `what` (or reading: "")
    in the store whose file is in `folder`."""
    outcome = f"{what} not saved" if what else "annotations not read"
    if is_full(error) or (folder is not None and "i/o" in message(error) and disk_full(folder)):
        where = f" ({folder})" if folder is not None else ""
        return AnnotationError(f"disk full{where}: {outcome}; free some space", unsaved)
    if is_busy(error):
        return AnnotationError(
            f"annotations are locked by another newsread; {outcome}, try again", unsaved
        )
    if is_corruption(error):
        return AnnotationError(
            f"the annotations database is damaged ({error}); restart newsread to set it aside",
            unsaved,
        )
    return AnnotationError(f"{outcome}: {error}", unsaved)


def rollback(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error as error:  # SQLite may already have rolled back (e.g. disk full)
            log.debug("rollback: %s", error)
