"""`OpenIndex`: a library folder's Whoosh index and article store, opened, checked, locked.

What indexing and search stand on. Whoosh has one write lock and its searchers are not
thread-safe, so this class hides both: updates hold a library-wide update lock, and each
search borrows a searcher of its own from a small pool (a new one when a commit has made the
idle ones stale), so searches never wait for each other.
A damaged or outdated index is rebuilt on open (it is a cache of the files); a read-only one
is opened for searching only.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from newsread.index import paths
from newsread.index.engine import whoosh_internals
from newsread.index.engine.docstore import DocStore
from newsread.index.engine.parallel import ParallelWriter, stop_sub_writers
from newsread.index.engine.schema import SCHEMA_VERSION, build_schema
from newsread.index.engine.whoosh_internals import patch_whoosh
from newsread.index.errors import IndexChanged, LibraryError
from newsread.index.files.scan import folder_problem
from newsread.index.private_files import create_private_file, make_private_dir, write_private
from newsread.index.results import QueryError, SearchCancelled

_Opened = TypeVar("_Opened", bound="OpenIndex")


WRITER_MEMORY_MB = 32
OPEN_ATTEMPTS = 4
DAMAGED = "NEWSREAD_DAMAGED"
"""Says why the index was found damaged when its article store could not say it itself."""
"""Tries at opening an index another process is committing to, before giving up."""
UPDATE_LOCK = "NEWSREAD_UPDATE"
"""Held by the update writing the index, in every newsread version (see `write_lock`)."""
WANTED_LOCK = "NEWSREAD_WANTED"
WAIT_POLL = 0.5
"""Seconds between looks at the write lock (and at the other update's commits) while waiting."""
"""Held by an update waiting for the write lock (see `OpenIndex.write_lock`)."""
IDLE_SEARCHERS = 2
"""Searchers kept open for the next searches (a search, and a page loading beside it)."""


class _Damaged(Exception):
    """The index's files are not what its last commit wrote; `str()` says which."""


def _way_out(error: OSError) -> str:
    """What to do when the index folder may not be made (HOME=/, a home not one's own, a
    read-only cache): where else newsread can keep its indexes; "" for other errors."""
    if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ""
    variable = "NEWSREAD_HOME" if os.environ.get("NEWSREAD_HOME") else "XDG_CACHE_HOME"
    return f"; set {variable} to a folder you may write in"


class OpenIndex:
    """An article folder's Whoosh index and article store."""

    def __init__(self, root: Path, index_dir: Path | None = None) -> None:
        self.root = root.expanduser().resolve()
        self.index_dir = index_dir or paths.index_dir(self.root)
        self.notice = ""
        """Something the user should know about the index (e.g. it was rebuilt, and why)."""
        self.read_only = False
        """The index cannot be written (a read-only folder, a full disk): search, never update."""
        self._read_only_because = ""
        self.read_only_notice = ""
        """The part of `notice` saying the index is searched without updating ("" if it is not
        read-only): no longer true once another process (the app's update) has written it."""
        self.repaired = 0
        """Index entries the last `open` found missing or stray and repaired (see `notice`)."""
        self._index: Any = None
        self._docs: DocStore | None = None
        self._idle_searchers: list[Any] = []
        self._lent_searchers: set[Any] = set()
        self._search_lock = threading.Lock()
        """Guards the pool only (never held while searching)."""

    # -- opening -------------------------------------------------------------------------

    def open(self: _Opened) -> _Opened:
        """Open (creating or rebuilding as needed) the index. Safe to call more than once.

        A damaged index is rebuilt (`notice` says why); one in a read-only folder or on a full
        disk is opened for searching only (`read_only`, and `notice` says so).

        Raises:
            LibraryError: no folder at `root`, or the index folder cannot be used.
        """
        if self._index is not None:
            return self
        problem = folder_problem(self.root)
        if problem and not self.index_dir.is_dir():
            # A folder indexed before and gone now (renamed, a drive not mounted) keeps its
            # index: searched as it was, never updated (`folder_away`).
            raise LibraryError(problem)
        try:
            make_private_dir(self.index_dir)
        except OSError as error:
            raise LibraryError(
                f"cannot create the index folder {self.index_dir}: {error.strerror or error}"
                + _way_out(error)
            ) from None
        try:
            if os.access(self.index_dir, os.W_OK):
                self._open_writable()
            else:
                self._open_read_only(f"the index folder {self.index_dir} is read-only")
        except (OSError, sqlite3.OperationalError) as error:
            # E.g. a disk too full even to open the store: search what is there.
            self.close()
            problem = environment_problem(error) or str(error)
            self._open_read_only(f"{problem} ({self.index_dir})")
        slower = whoosh_internals.notice()
        if slower:
            self.notice = f"{self.notice}; {slower}" if self.notice else slower
        return self

    def _open_writable(self) -> None:
        reason = self._stale_reason()
        if reason:
            self._wipe_stale(reason)
        failure: Exception | None = None
        for attempt in range(1, OPEN_ATTEMPTS + 1):
            try:
                self._open_whoosh()
                self._docs = DocStore(self.index_dir / "articles.sqlite3")
                damage = self._damage()
                if damage:
                    raise _Damaged(damage)
                failure = None
                break
            except Exception as error:  # any failure to open a cache: rebuild (not a full disk)
                if environment_problem(error):
                    raise  # a full disk is no reason to throw the index away
                self.close()
                failure = error
                if not self._updated_elsewhere():
                    break
                # Another process is committing: it may have replaced the files we were
                # opening. Never throw away an index that someone is writing.
                if attempt == OPEN_ATTEMPTS:
                    raise LibraryError(
                        f"the index cannot be opened ({type(error).__name__}) while another "
                        "newsread updates it; try again when that is done"
                    ) from None
                time.sleep(0.2 * attempt)
        if failure is not None:
            if isinstance(failure, _Damaged):
                self._rebuild(str(failure))
            elif store_damaged(failure):
                self._rebuild(f"its article store is damaged ({failure})")
            else:
                self._rebuild(f"it could not be opened ({type(failure).__name__})")
        try:
            if not self.notice and self.parser_changed():
                self.notice = "newsread reads articles better now: every file is read again"
            self._make_agree()
        except (OSError, sqlite3.OperationalError) as error:
            if not environment_problem(error):
                raise
            # Searching works regardless; the next open that can write repairs.
        except sqlite3.DatabaseError as error:
            if not store_damaged(error):
                raise
            # A damaged page only these reads reach (the file list, every article's row).
            self._rebuild(f"its article store is damaged ({error})")

    def _rebuild(self, reason: str) -> None:
        """Start the index again, empty, saying why (`update` fills it)."""
        self._wipe()
        self.notice = f"index rebuilt: {reason}"
        self._open_whoosh()
        self._docs = DocStore(self.index_dir / "articles.sqlite3")

    def _updated_elsewhere(self) -> bool:
        """Whether another process holds the write lock (an update is running)."""
        from newsread.index.engine.storage import PrivateStorage

        lock = PrivateStorage(str(self.index_dir)).lock(UPDATE_LOCK)
        if lock.acquire(blocking=False):
            lock.release()
            return False
        return True

    def _open_read_only(self, because: str) -> None:
        from newsread.index.engine.storage import PrivateStorage

        patch_whoosh()
        self.read_only = True
        self._read_only_because = because
        storage = PrivateStorage(str(self.index_dir), readonly=True)
        store = self.index_dir / "articles.sqlite3"
        try:
            if self._stale_reason() or not store.exists() or not storage.index_exists():
                raise LibraryError(f"{because}, and {self.index_dir} holds no usable index")
            self._index = storage.open_index()
            self._docs = DocStore(store, read_only=True)
        except (OSError, sqlite3.Error) as error:
            self.close()
            raise LibraryError(f"{because}, and the index cannot be read: {error}") from None
        self.read_only_notice = f"{because}: searching the index as it is, without updating it"
        self.notice = self.read_only_notice

    def _damage(self) -> str:
        """Why the index on disk cannot be trusted, or "" (see `newsread.index.engine.storage`)."""
        from newsread.index.engine.storage import damaged_file

        assert self._docs is not None
        try:
            reason = (self.index_dir / DAMAGED).read_text(encoding="utf-8", errors="replace")
        except OSError:
            reason = self._docs.get_meta("damaged") or ""
        if reason:
            return f"a search found it damaged ({reason})"
        try:
            recorded = json.loads(self._docs.get_meta("files") or "{}")
        except ValueError:
            recorded = {}
        return damaged_file(self._index, recorded) if isinstance(recorded, dict) else ""

    def record_files(self) -> None:
        """Note the committed segment files' sizes, so that `open` notices them damaged."""
        from newsread.index.engine.storage import segment_files

        self.docs.set_meta("files", json.dumps(segment_files(self.index)))

    def _stale_reason(self) -> str:
        meta = self.index_dir / "newsread.json"
        if not meta.exists():
            return ""
        try:
            version = json.loads(meta.read_text())["schema"]
        except (OSError, ValueError, KeyError, TypeError):
            return "its description file was damaged"
        if isinstance(version, int) and version > SCHEMA_VERSION:
            # Another newsread installed beside this one (each rebuilds it when it opens it).
            return f"a newer newsread made it (format {version}; this one reads {SCHEMA_VERSION})"
        return "" if version == SCHEMA_VERSION else "newsread's index format changed"

    def _check_format(self) -> None:
        """Raise if the index on disk is no longer of this newsread's format: another version
        of newsread, on the same library, rebuilt it in its own since this one opened it.

        Searched, it answered by the other version's rules (or failed, taken for damage);
        written to, it would get articles of another shape.
        """
        try:
            version = json.loads((self.index_dir / "newsread.json").read_text())["schema"]
        except (OSError, ValueError, KeyError, TypeError):
            return  # none (being rebuilt, deleted) or unreadable: opening again tells
        if version != SCHEMA_VERSION:
            raise LibraryError(
                f"another version of newsread rebuilt this library's index in its own format "
                f"(schema {version}; this one's is {SCHEMA_VERSION}): restart newsread to "
                "rebuild it in this one's"
            )

    def _wipe_stale(self, reason: str) -> None:
        """Start again an index newsread cannot use (`_stale_reason`), unless another newsread
        (of another version: it wrote that index) is updating it now, which it would break."""
        from newsread.index.engine.storage import PrivateStorage

        lock = PrivateStorage(str(self.index_dir)).lock(UPDATE_LOCK)
        if not lock.acquire(blocking=False):
            raise LibraryError(
                f"another newsread is updating the index in {self.index_dir}, which this one "
                f"cannot use ({reason}); try again when it is done"
            )
        try:
            self._wipe(keep=UPDATE_LOCK)  # held: another update waits for it, not a new file
        finally:
            lock.release()
        self.notice = f"index rebuilt: {reason}"

    def _wipe(self, keep: str = "") -> None:
        """Delete the index (a rebuildable cache) but keep the folder (and the file `keep`)."""
        self.close()
        for child in self.index_dir.iterdir():
            if child.name == keep:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    def _open_whoosh(self) -> None:
        from newsread.index.engine.storage import PrivateStorage

        patch_whoosh()
        storage = PrivateStorage(str(self.index_dir))
        if storage.index_exists():
            ix = storage.open_index()
            with ix.searcher() as searcher:  # touch every segment now, not mid-search
                searcher.doc_count()
            self._index = ix
        else:
            self._index = storage.create_index(build_schema())
            meta = self.index_dir / "newsread.json"
            create_private_file(meta)
            library = str(self.root).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            meta.write_text(json.dumps({"schema": SCHEMA_VERSION, "library": library}))

    def _make_agree(self) -> None:
        """Make the index hold exactly the article store's articles, and say so if it did not.

        Only with the write lock free, and everything read after taking it: an update running
        in another process (it holds the lock) commits the index first and the store after, so
        until it ends the two differ by design, and keys read before it ends are out of date.
        An update killed mid-way leaves "dirty" set; otherwise equal counts are enough.
        """
        assert self._docs is not None
        with self.write_lock_if_free() as held:
            if not held:
                return
            docs = self._docs
            if not docs.get_meta("dirty") and self._index.doc_count() == docs.count():
                return
            added, removed = self._repair()
            docs.set_meta("dirty", None)
        self.repaired = added + removed
        if added or removed:
            parts = [f"{_count(added, 'missing article')} indexed again"] if added else []
            parts += (
                [f"{_count(removed, 'stray entry', 'stray entries')} removed"] if removed else []
            )
            notice = "search index repaired: " + ", ".join(parts)
            self.notice = f"{self.notice}; {notice}" if self.notice else notice

    def _repair(self) -> tuple[int, int]:
        """Delete Whoosh documents the store lacks (or holds once), index the store's articles
        Whoosh lacks. Call with the write lock held. Returns (added, removed)."""
        from newsread.index.engine.parallel import PARALLEL_MIN_FILES, index_processes
        from newsread.index.engine.schema import index_fields

        assert self._docs is not None
        known = set(self._docs.all_keys())
        seen: set[str] = set()
        removed = 0
        writer = self.writer()
        try:
            with self._index.searcher() as searcher:
                for docnum, stored in searcher.iter_docs():
                    key = stored.get("key")
                    if key in seen or key not in known:
                        writer.delete_document(docnum)
                        removed += 1
                    else:
                        seen.add(key)
            writer.commit()
            missing = sorted(known - seen)
            if missing:
                # From the store, not the files: the store and its file states agree, and the
                # next update reads whatever changed on disk since. Many (what an old bug
                # lost) take every core, as indexing does.
                many = len(missing) >= PARALLEL_MIN_FILES
                writer = self.writer(index_processes() if many else 1)
                for start in range(0, len(missing), 500):
                    chunk = missing[start : start + 500]
                    for article in self._docs.articles(chunk).values():
                        writer.add_document(**index_fields(article))
                writer.commit()
        except BaseException:
            self.abandon(writer)
            raise
        self.record_files()
        return len(missing), removed

    def parser_changed(self) -> bool:
        """Whether the library's files were read by another version of the parsers than this
        one (which reads them differently: every file is read again)."""
        from newsread.index.files.reader import PARSER_VERSION

        return self.docs.has_files() and self.docs.get_meta("parser") != str(PARSER_VERSION)

    def set_unfinished(self, unfinished: bool) -> None:
        """Say in the index folder that an update has files left to read (or no longer has):
        a launch meanwhile shows its counts as counts so far (`paths.unfinished_update`)."""
        marker = self.index_dir / paths.UNFINISHED
        if unfinished:
            create_private_file(marker)
        else:
            marker.unlink(missing_ok=True)

    def unfinished(self) -> bool:
        """Whether the last update stopped with files left to read (`set_unfinished`)."""
        return (self.index_dir / paths.UNFINISHED).exists()

    def count(self) -> int:
        """Articles in the store."""
        return self.docs.count()

    def has_index(self) -> bool:
        """Whether anything was ever indexed (articles, or files that held none)."""
        return self.docs.count() > 0 or self.docs.has_files()

    def close(self) -> None:
        with self._search_lock:
            idle, self._idle_searchers = self._idle_searchers, []
            self._lent_searchers.clear()  # each is closed when its search gives it back
        for searcher in idle:
            searcher.close()
        if self._docs is not None:
            self._docs.close()
            self._docs = None
        if self._index is not None:
            self._index.close()
            self._index = None

    # -- parts used by the indexer and search --------------------------------------------

    @property
    def index(self) -> Any:
        if self._index is None:
            self.open()
        return self._index

    @property
    def docs(self) -> DocStore:
        if self._docs is None:
            self.open()
        assert self._docs is not None
        return self._docs

    def writer(self, processes: int = 1) -> Any:
        """A Whoosh writer; with `processes` > 1, Whoosh's multi-process writer (one segment
        per sub-writer; see `newsread.index.engine.parallel`)."""
        # Non-compound segments are read through mmap: opening a searcher stays ~ms at 100k.
        # limitmb: postings sorted in memory per writer before spilling a sorted run to disk.
        # Whoosh's 128 MB made each sub-writer ~240 MB; 32 MB: ~120 MB, and no slower
        # (10k articles, 2 sub-writers: 30.8 s at 128 MB, 29.4 s at 32 MB).
        self._check_format()
        if processes > 1:
            return ParallelWriter(self.index, processes, compound=False, limitmb=WRITER_MEMORY_MB)
        return self.index.writer(compound=False, limitmb=WRITER_MEMORY_MB)

    def abandon(self, writer: Any) -> None:
        """Cancel `writer` after a failure and delete what it wrote: a full disk stays usable.

        `None` for a writer of another process that stopped (a merge): delete what it wrote."""
        from whoosh.index import clean_files

        if writer is not None:
            stop_sub_writers(writer)
            if not writer.is_closed:
                try:
                    writer.cancel()
                except (OSError, ValueError):
                    # Cancelling flushes buffers first, which fails again on a full disk; and
                    # a file that the failed flush closed is written again ("I/O operation on
                    # closed file"): Whoosh's cancel closes what it finds not marked closed.
                    whoosh_internals.drop_temporary_files(writer)
        ix = self.index
        # Whoosh deletes an unfinished segment's files only at its next commit.
        clean_files(ix.storage, ix.indexname, ix.latest_generation(), whoosh_internals.segments(ix))

    @contextmanager
    def write_lock(
        self,
        on_wait: Callable[[], object] | None = None,
        while_waiting: Callable[[], object] | None = None,
    ) -> Iterator[None]:
        """Held for a whole update; a second indexer waits here (and says so: `on_wait`,
        once; `while_waiting`, every `WAIT_POLL` seconds until the lock is free).

        While it waits it holds a second lock, "wanted", which a merge holding the write lock
        looks at (`writer_waiting`): a merge only makes searches cheaper, so it gives way.
        """
        storage = self.index.storage
        lock = storage.lock(UPDATE_LOCK)
        if not lock.acquire(blocking=False):
            if on_wait:
                on_wait()
            wanted = storage.lock(WANTED_LOCK)
            wanted.acquire(blocking=True)
            try:
                while not lock.acquire(blocking=False):
                    if while_waiting:
                        while_waiting()
                    time.sleep(WAIT_POLL)
            finally:
                wanted.release()
        try:
            yield
        finally:
            lock.release()

    def writer_waiting(self) -> bool:
        """Whether another update (in any process) waits for the write lock."""
        storage = self.index.storage
        if not storage.file_exists(WANTED_LOCK):  # no update ever waited here
            return False
        wanted = storage.lock(WANTED_LOCK)
        if wanted.acquire(blocking=False):
            wanted.release()
            return False
        return True

    @contextmanager
    def write_lock_if_free(self) -> Iterator[bool]:
        """The write lock if no one holds it (yields True), else nothing (yields False)."""
        lock = self.index.storage.lock(UPDATE_LOCK)
        if not lock.acquire(blocking=False):
            yield False
            return
        try:
            yield True
        finally:
            lock.release()

    @contextmanager
    def damage_reported(self) -> Iterator[None]:
        """Turn Whoosh failing on damaged files (anything from struct.error to TypeError)
        into a one-line `LibraryError`, and note the damage so that the next `open` rebuilds.

        Not when another process committed since the searchers in use were opened: its merge
        deleted segment files they had not read yet (Whoosh opens some lazily), and a search
        held open meanwhile failed with a TypeError, taken for damage: the next start threw
        the whole index away and read every file again. That is `IndexChanged`."""
        read = self._generation_read()
        try:
            yield
        except (QueryError, LibraryError, SearchCancelled):
            raise  # raised on purpose, some from inside Whoosh's calls (a plugin, a collector)
        except Exception as error:
            if store_damaged(error):
                what = f"its article store: {error}"
            elif raised_in_whoosh(error):
                if read is not None and self._generation_read(latest=True) != read:
                    raise IndexChanged(
                        "the index was updated while this search read it (another newsread "
                        "saved its work): search again"
                    ) from None
                kind = type(error)
                what = kind.__qualname__
                if kind.__module__ != "builtins":
                    what = f"{kind.__module__}.{what}"  # "struct.error", not "error"
            else:
                raise
            self._check_format()  # another format's files are no damage
            self.note_damage(what)
            raise LibraryError(
                f"the index is damaged ({what}); newsread rebuilds it when next started"
            ) from None

    def _generation_read(self, latest: bool = False) -> int | None:
        """The oldest commit a searcher lent now reads (else, or with `latest`, the index's
        latest commit); None if the index cannot be looked at."""
        if not latest:
            with self._search_lock:
                read = [searcher.ixreader.generation() for searcher in self._lent_searchers]
            lent = [generation for generation in read if isinstance(generation, int)]
            if lent:  # (an index with no commit yet is read by a reader of no generation)
                return min(lent)
        try:
            return int(self.index.latest_generation())
        except Exception:  # noqa: BLE001 - no generation to compare: damage is noted as before
            return None

    def note_damage(self, what: str) -> None:
        """Remember that the index is damaged, so that the next `open` rebuilds it."""
        if self.read_only:
            return
        try:
            self.docs.set_meta("damaged", what)
        except sqlite3.Error:  # the store itself is damaged: a file says so instead
            with suppress(OSError):
                write_private(self.index_dir / DAMAGED, what)

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """A searcher of the latest commit, this thread's alone until the block ends.

        Searches in other threads run meanwhile on searchers of their own: an idle one from
        the pool when it is up to date, else a new one. A new searcher, never `refresh()`:
        Whoosh's refresh reuses the readers of segments it already had, with their old
        deletions, so a re-indexed article came back twice. Opening is cheap (non-compound
        segments are mmapped); a pooled searcher keeps its caches (columns, norms).
        """
        index = self.index
        stale: list[Any] = []
        searcher = None
        with self._search_lock:
            while self._idle_searchers and searcher is None:
                candidate = self._idle_searchers.pop()
                if candidate.up_to_date():
                    searcher = candidate
                else:
                    stale.append(candidate)
        for old in stale:
            old.close()
        if searcher is None:
            self._check_format()  # a new commit: ours, or another version's in its own format
            searcher = index.searcher()
        with self._search_lock:
            self._lent_searchers.add(searcher)
        try:
            yield searcher
        finally:
            with self._search_lock:
                keep = searcher in self._lent_searchers  # not if the library closed meanwhile
                self._lent_searchers.discard(searcher)
                keep = keep and len(self._idle_searchers) < IDLE_SEARCHERS
                if keep:
                    self._idle_searchers.append(searcher)
            if not keep:
                searcher.close()


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def environment_problem(error: BaseException) -> str:
    """What is wrong with the disk when `error` is its fault (full, read-only), else ""."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "the disk is full"
        if error.errno == errno.EROFS:
            return "the folder is read-only"
        if error.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
    if isinstance(error, sqlite3.OperationalError):
        # Damage is a plain DatabaseError; Operational ones are I/O, space, locks, modes.
        message = str(error).lower()
        if "full" in message:
            return "the disk is full"
        if "readonly" in message or "read-only" in message:
            return "the folder is read-only"
        if "i/o error" in message:  # SQLite's word for a shared-memory file that cannot grow
            return "the disk cannot be written (is it full?)"
        return str(error)
    return ""


def store_damaged(error: BaseException) -> bool:
    """Whether `error` is SQLite finding the article store's file damaged."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if isinstance(code, int):
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def raised_in_whoosh(error: BaseException) -> bool:
    """Whether `error` came from inside Whoosh (on damaged files: struct.error, TypeError...)."""
    return any(
        "whoosh" in Path(frame.filename).parts
        for frame in traceback.extract_tb(error.__traceback__)
    )
