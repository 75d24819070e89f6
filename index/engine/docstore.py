"""The library's article store beside the Whoosh index: parsed articles and file states.

Whoosh stores only what the result list shows. The parsed article (body included, zlib
compressed) lives here once, so opening an article or making a snippet never re-parses its
file (HTML extraction costs tens of milliseconds). The `files` table remembers each file's
mtime, size and content digest for incremental indexing, and why a file was skipped.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsread.index.article import Article, path_key
from newsread.index.file_systems import shared_file_system
from newsread.index.private_files import create_private_file

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    digest TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    id TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Stories (versions of one article), kept by newsread.index.engine.stories.
CREATE TABLE IF NOT EXISTS story_of (
    key TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    bands BLOB NOT NULL,
    gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_of_story ON story_of(story);
CREATE TABLE IF NOT EXISTS story_bands (
    band INTEGER NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (band, key)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class FileState:
    """What the store knows of one library file."""

    path: str
    mtime_ns: int
    """The file's change stamp when read: the later of its mtime and ctime (`change_stamp`)."""
    size: int
    digest: str
    reason: str = ""
    """Why the file was skipped; empty when its articles are indexed."""


def article_to_blob(article: Article) -> bytes:
    return zlib.compress(json.dumps(article.to_record(), ensure_ascii=False).encode("utf-8"), 6)


def article_from_blob(blob: bytes) -> Article:
    return Article.from_record(json.loads(zlib.decompress(blob).decode("utf-8")))


def _connect_read_only(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection where nothing can be written (a read-only folder, a full disk),
    and whether it reads the file as it is (`immutable`).

    SQLite reads a WAL database through its -wal and -shm files and here cannot create them;
    failing that, the file alone is read as it is (`immutable`), without what the WAL holds.
    """
    wal = path.with_name(path.name + "-wal")
    failure: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1") if wal.exists() else ("immutable=1",):
        db = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, check_same_thread=False)
        try:
            db.execute("SELECT COUNT(*) FROM articles").fetchone()  # fail now, not mid-search
        except sqlite3.Error as error:
            db.close()
            failure = error
        else:
            return db, mode == "immutable=1"
    assert failure is not None
    raise failure


def _file_stamp(path: Path) -> tuple[bool, int, int]:
    """Whether the store has a -wal file, and its file's mtime and size: what changes when
    another process writes it."""
    wal = path.with_name(path.name + "-wal")
    try:
        stat = path.stat()
    except OSError:
        return wal.exists(), 0, 0
    return wal.exists(), stat.st_mtime_ns, stat.st_size


class DocStore:
    """SQLite store of articles and file states for one library's index.

    One connection per thread (sqlite3 connections must stay on their thread); writes come from
    the single indexing worker.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """Open (creating it 0600) the store at `path`; `read_only` for a read-only folder."""
        self.path = path
        self.derived: dict[str, Any] = {}
        """What other modules keep read from the store (the stories' key -> story map),
        forgotten on `rollback`: it may hold rows that were never committed."""
        self._frozen: tuple[bool, int, int] | None = None
        """The file as the `immutable` connection read it; None for any other connection."""
        if read_only:
            self._connection, immutable = _connect_read_only(path)
            self._frozen = _file_stamp(path) if immutable else None
            return
        if not path.exists():
            # SQLite creates the file, and later its -wal and -shm files, with this mode.
            create_private_file(path)
        self._connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
        journal = "DELETE" if shared_file_system(path.parent) else "WAL"
        try:
            self._db.execute(f"PRAGMA journal_mode={journal}")
        except sqlite3.OperationalError as error:  # open elsewhere in WAL mode: stays so
            if "locked" not in str(error):
                raise
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._add_story_generations()

    def _add_story_generations(self) -> None:
        """`story_of.gen` (the stories generation that last wrote a row, so that searchers
        read only what changed since theirs) in a store made before it."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(story_of)")}
        if "gen" not in columns:
            try:
                self._db.execute("ALTER TABLE story_of ADD COLUMN gen INTEGER NOT NULL DEFAULT 0")
            except sqlite3.OperationalError as error:
                if "duplicate column" not in str(error):  # another process added it just now
                    raise
        self._db.execute("CREATE INDEX IF NOT EXISTS story_of_gen ON story_of(gen)")
        self._db.commit()

    @property
    def _db(self) -> sqlite3.Connection:
        if self._frozen is not None and _file_stamp(self.path) != self._frozen:
            # Read as it was (a full disk at open): another process (the app's own update,
            # once space was freed, or `newsread index`) wrote it since, and an `immutable`
            # connection never sees that: the articles it added were listed, not opened.
            self._connection, immutable = _connect_read_only(self.path)
            self._frozen = _file_stamp(self.path) if immutable else None
        return self._connection

    def close(self) -> None:
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The store's connection, for the story tables (`newsread.index.engine.stories`)."""
        return self._db

    # -- files ---------------------------------------------------------------------------

    def file_stats(self) -> dict[str, tuple[int, int]]:
        """Path -> (mtime_ns, size) of every known file: the shape of `ScanResult.files`, so
        that a library where nothing changed is one dict comparison (no `FileState` each)."""
        rows = self._db.execute("SELECT path, mtime_ns, size FROM files")
        return {path: (mtime_ns, size) for path, mtime_ns, size in rows}

    def file_state(self, path: str) -> FileState | None:
        row = self._db.execute(
            "SELECT path, mtime_ns, size, digest, reason FROM files WHERE path = ?", (path,)
        ).fetchone()
        return FileState(*row) if row else None

    def has_files(self) -> bool:
        """Whether any file was ever recorded (without reading them all)."""
        return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None

    def skipped(self) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT path, reason FROM files WHERE reason != '' ORDER BY path")
        return [(row[0], row[1]) for row in rows]

    def touch_files(self, states: Iterable[FileState]) -> None:
        """Record new mtimes for files whose content did not change."""
        self._db.executemany(
            "UPDATE files SET mtime_ns = ?, size = ? WHERE path = ?",
            [(s.mtime_ns, s.size, s.path) for s in states],
        )

    def put_file(self, state: FileState, articles: Iterable[Article]) -> int:
        """Replace everything known about `state.path` (no commit: see `commit`).

        Returns how many articles of the file it replaced."""
        replaced = self._db.execute("DELETE FROM articles WHERE path = ?", (state.path,)).rowcount
        self.put_state(state)
        self.add_articles(articles)
        return int(replaced)

    def add_articles(self, articles: Iterable[Article]) -> None:
        """Store `articles` (of a file `put_file` recorded; no commit)."""
        self._db.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)",
            [(a.key, a.path, a.id, article_to_blob(a)) for a in articles],
        )

    def put_state(self, state: FileState) -> None:
        """Record `state` for its file, its articles as they are (no commit)."""
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
            (state.path, state.mtime_ns, state.size, state.digest, state.reason),
        )

    def remove_files(self, paths: Iterable[str]) -> None:
        rows = [(p,) for p in paths]
        self._db.executemany("DELETE FROM articles WHERE path = ?", rows)
        self._db.executemany("DELETE FROM files WHERE path = ?", rows)

    def commit(self) -> None:
        self._db.commit()

    def rollback(self) -> None:
        """Forget changes since the last commit (those of a batch Whoosh did not commit)."""
        self._db.rollback()
        self.derived.clear()

    # -- articles ------------------------------------------------------------------------

    def article(self, key: str) -> Article | None:
        row = self._db.execute("SELECT data FROM articles WHERE key = ?", (key,)).fetchone()
        return article_from_blob(row[0]) if row else None

    def articles(self, keys: Iterable[str]) -> dict[str, Article]:
        keys = list(keys)
        found: dict[str, Article] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, data FROM articles WHERE key IN ({marks})"
            for key, blob in self._db.execute(query, chunk):
                found[key] = article_from_blob(blob)
        return found

    def last_article(self, path: str) -> Article | None:
        """The article of file `path` numbered last (`path#12` after `path#9`), if any."""
        row = self._db.execute(  # the keys first: sorting rows would sort their texts too
            "SELECT key FROM articles WHERE path = ? ORDER BY length(key) DESC, key DESC LIMIT 1",
            (path,),
        ).fetchone()
        return self.article(row[0]) if row else None

    def keys_for(self, path_or_id: str) -> list[str]:
        """Article keys whose key, path or stable id is `path_or_id` (a name that is not UTF-8
        as the OS gives it, or as its key spells it)."""
        wanted = path_key(path_or_id)
        rows = self._db.execute(
            "SELECT key FROM articles WHERE key = ? OR path = ? OR id = ? ORDER BY key",
            (wanted, wanted, wanted),
        )
        return [row[0] for row in rows]

    def all_keys(self) -> Iterator[str]:
        return (row[0] for row in self._db.execute("SELECT key FROM articles"))

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- meta ----------------------------------------------------------------------------

    def get_meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str | None) -> None:
        if value is None:
            self._db.execute("DELETE FROM meta WHERE name = ?", (name,))
        else:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))
        self._db.commit()
