"""`Library`: one article folder with its index and article store. The UI's way in.

Whoosh has one write lock and its searchers are not thread-safe, so this class hides both:
updates hold a library-wide update lock, and searches share one searcher under a lock,
refreshed (cheaply) when a commit has made it stale.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.index import paths
from newsread.index.article import Article
from newsread.index.docstore import DocStore
from newsread.index.schema import SCHEMA_VERSION, build_schema, patch_whoosh

if TYPE_CHECKING:
    from newsread.index.indexer import IndexSummary, Progress
    from newsread.index.search import SearchResults


class LibraryError(Exception):
    """A problem with the library or its index, with a one-line message for the user."""


class Library:
    """An article folder, its Whoosh index and its article store."""

    def __init__(self, root: Path, index_dir: Path | None = None) -> None:
        self.root = root.expanduser().resolve()
        self.index_dir = index_dir or paths.index_dir(self.root)
        self.notice = ""
        """Something the user should know about the index (e.g. it was rebuilt, and why)."""
        self._index: Any = None
        self._docs: DocStore | None = None
        self._searcher: Any = None
        self._search_lock = threading.RLock()
        self._annotations: Any = None

    # -- opening -------------------------------------------------------------------------

    def open(self) -> Library:
        """Open (creating or rebuilding as needed) the index. Safe to call more than once."""
        if self._index is not None:
            return self
        if not self.root.is_dir():
            raise LibraryError(f"{self.root} is not a folder")
        try:
            paths.make_private_dir(self.index_dir)
        except OSError as error:
            raise LibraryError(
                f"cannot create the index folder {self.index_dir}: {error}"
            ) from None
        reason = self._stale_reason()
        if reason:
            self._wipe()
            self.notice = f"index rebuilt: {reason}"
        try:
            self._open_whoosh()
        except Exception as error:  # noqa: BLE001 - any failure to open a cache means rebuild
            self._wipe()
            self.notice = f"index rebuilt: it could not be opened ({type(error).__name__})"
            self._open_whoosh()
        self._docs = DocStore(self.index_dir / "articles.sqlite3")
        if self._docs.get_meta("dirty"):
            self._reconcile()
        return self

    def _stale_reason(self) -> str:
        meta = self.index_dir / "newsread.json"
        if not meta.exists():
            return ""
        try:
            version = json.loads(meta.read_text())["schema"]
        except (OSError, ValueError, KeyError, TypeError):
            return "its description file was damaged"
        return "" if version == SCHEMA_VERSION else "newsread's index format changed"

    def _wipe(self) -> None:
        """Delete the index (a rebuildable cache) but keep the folder."""
        self.close()
        for child in self.index_dir.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    def _open_whoosh(self) -> None:
        from whoosh import index

        patch_whoosh()
        store = str(self.index_dir)
        if index.exists_in(store):
            ix = index.open_dir(store)
            with ix.searcher() as searcher:  # touch every segment now, not mid-search
                searcher.doc_count()
            self._index = ix
        else:
            self._index = index.create_in(store, build_schema())
            meta = self.index_dir / "newsread.json"
            meta.write_text(json.dumps({"schema": SCHEMA_VERSION, "library": str(self.root)}))

    def _reconcile(self) -> None:
        """After a killed update: drop Whoosh documents the article store does not know."""
        assert self._docs is not None
        known = set(self._docs.all_keys())
        with self.write_lock():
            writer = self.writer()
            with self._index.searcher() as searcher:
                for docnum, stored in searcher.iter_docs():
                    if stored.get("key") not in known:
                        writer.delete_document(docnum)
            writer.commit()
        self._docs.set_meta("dirty", None)

    def close(self) -> None:
        if self._annotations is not None:
            self._annotations.close()
            self._annotations = None
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
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

    def writer(self) -> Any:
        # Non-compound segments are read through mmap: opening a searcher stays ~ms at 100k.
        return self.index.writer(compound=False)

    @contextmanager
    def write_lock(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Held for a whole update; a second indexer waits here (and says so)."""
        lock = self.index.storage.lock("NEWSREAD_UPDATE")
        if not lock.acquire(blocking=False):
            if on_wait:
                on_wait()
            lock.acquire(blocking=True)
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """The shared searcher, refreshed if a commit made it stale; one thread at a time."""
        with self._search_lock:
            if self._searcher is None:
                self._searcher = self.index.searcher()
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
            yield self._searcher

    # -- the public face -----------------------------------------------------------------

    def update(
        self,
        *,
        on_progress: Callable[[Progress], None] | None = None,
        on_commit: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Index new and changed files, drop deleted ones (see `newsread.index.indexer`)."""
        from newsread.index.indexer import update_library

        return update_library(
            self, on_progress=on_progress, on_commit=on_commit, cancelled=cancelled
        )

    def search(self, query: str, **options: Any) -> SearchResults:
        """Run a query; see `newsread.index.search.search` for the options."""
        from newsread.index.search import search

        return search(self, query, **options)

    def article(self, key: str) -> Article | None:
        """The parsed article with this key, from the article store."""
        return self.docs.article(key)

    def find(self, path_or_id: str) -> list[Article]:
        """Articles whose key, relative path or stable id is `path_or_id`."""
        found = self.docs.articles(self.docs.keys_for(path_or_id))
        return [found[k] for k in sorted(found)]

    @property
    def annotations(self) -> Any:
        """The user's annotation store (opened on first use)."""
        if self._annotations is None:
            from newsread.index.annotations.store import AnnotationStore

            self._annotations = AnnotationStore.open(paths.annotations_path())
        return self._annotations

    def count(self) -> int:
        return self.docs.count()

    def has_index(self) -> bool:
        return self.docs.count() > 0 or bool(self.docs.file_states())
