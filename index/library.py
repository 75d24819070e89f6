"""`Library`: one article folder with its index, article store and the user's annotations.

The UI's way in (re-exported by `newsread.index`). Opening, locking and the Whoosh index itself
are `engine.open_index.OpenIndex`'s; this class adds what a reader asks of a library: bring it
up to date, search it, fetch and find articles.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.index import paths
from newsread.index.article import Article
from newsread.index.engine.open_index import OpenIndex, environment_problem, store_damaged
from newsread.index.errors import IndexChanged, LibraryError
from newsread.index.results import SearchResults, Version

if TYPE_CHECKING:
    from newsread.index.annotations.model import ArticleInfo
    from newsread.index.annotations.store import AnnotationStore
    from newsread.index.engine.indexer import IndexSummary, Progress
    from newsread.index.engine.search import Search

__all__ = ["Library", "LibraryError"]

log = logging.getLogger(__name__)


class Library(OpenIndex):
    """An article folder, its Whoosh index and article store, and the user's annotations."""

    def __init__(self, root: Path, index_dir: Path | None = None) -> None:
        super().__init__(root, index_dir)
        self.id = paths.library_id(self.root)
        """What annotations made in this library record (`paths.library_id`)."""
        self._annotations: AnnotationStore | None = None
        self._opening_annotations = threading.RLock()
        """Held while the store opens: the app's workers may ask for it at once at start,
        and two openers would each open a store, the second waiting for the first's setting
        up and saying another newsread is saving."""
        self.on_annotations_wait: Callable[[bool], object] | None = None
        """Called with True when opening the annotation store waits for another session's
        write lock (an older store is migrated), with False when the wait is over."""

    def close(self) -> None:
        if self._annotations is not None:
            self._annotations.close()
            self._annotations = None
        super().close()

    def checkpoint_annotations(self) -> None:
        """Write the annotations' log into their database file, if the store is open."""
        store = self._annotations
        if store is not None:
            store.checkpoint()

    def update(
        self,
        *,
        on_progress: Callable[[Progress], object] | None = None,
        on_commit: Callable[[int], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Index new and changed files, drop deleted ones (see `newsread.index.engine.indexer`).

        Raises:
            LibraryError: the index folder is read-only, or the disk filled up (what earlier
                batches saved stays searchable).
        """
        from newsread.index.engine.indexer import update_library

        if self.read_only:
            raise LibraryError(f"cannot update the index: {self._read_only_because}")
        try:
            summary = update_library(
                self, on_progress=on_progress, on_commit=on_commit, cancelled=cancelled
            )
        except (OSError, sqlite3.OperationalError) as error:
            problem = environment_problem(error)
            if not problem:
                raise
            raise LibraryError(
                f"indexing stopped: {problem} ({self.index_dir}); "
                "what was indexed before is still searchable"
            ) from None
        except sqlite3.DatabaseError as error:
            if not store_damaged(error):
                raise
            self.note_damage(f"its article store: {error}")
            raise LibraryError(
                f"indexing stopped: the index is damaged (its article store: {error}); "
                "newsread rebuilds it when next started"
            ) from None
        self._follow(summary.reread)
        if summary.articles and (
            self._annotations is not None or paths.annotations_path().exists()
        ):
            self.claim_annotations()  # the articles of a library just moved are in now
        return summary

    def left_to_index(self) -> int:
        """How many files another newsread updating this library now (holding its write lock)
        has still to read or remove: a search meanwhile answers from the articles indexed so
        far. 0 when none is updating it, or one is merging what it has read."""
        from newsread.index.engine.indexer import count_changes

        if self.read_only:  # a read-only or full disk: no update can write to it
            return 0
        try:
            if not self._updated_elsewhere():
                return 0
            return count_changes(self)
        except LibraryError:  # the folder is away: its hits are said to be as they were
            return 0
        except OSError:  # the lock cannot be looked at: an update cannot take it either
            return 0

    def stopped_update(self) -> bool:
        """Whether the last update of this library stopped before it had read every file
        (ctrl+c, or killed: a script's `timeout`), none running now: the index holds part of
        the library until the next update reads the rest. False for an index opened read-only
        (`read_only_notice` says it is searched as it is)."""
        if self.read_only or not self.unfinished():
            return False
        try:
            return not self._updated_elsewhere()
        except OSError:
            return True

    def _follow(self, keys: tuple[str, ...]) -> None:
        """Re-anchor the highlights of articles just read again in their new text, so export,
        search and the highlights view see current positions; a failing store only logs."""
        if not keys:
            return
        from newsread.index.annotations.model import AnnotationError
        from newsread.index.annotations.placing import follow_library

        try:
            follow_library(self, keys)
        except (AnnotationError, LibraryError) as error:
            log.warning("highlights not re-anchored after indexing: %s", error)

    def search(self, query: str, **options: Any) -> SearchResults:
        """Run a query, both steps at once; see `begin_search` for the options.

        Raises:
            QueryError: the query is malformed.
            SearchCancelled: `cancelled` (an option) answered True.
            LibraryError: the index is damaged; it is rebuilt the next time it is opened.
        """
        try:
            return self._search_once(query, options)
        except IndexChanged:  # another process's commit took files it read: read the new one
            return self._search_once(query, options)

    def _search_once(self, query: str, options: dict[str, Any]) -> SearchResults:
        with self.begin_search(query, **options) as running:
            running.top()
            return running.counts()

    def begin_search(self, query: str, **options: Any) -> Search:
        """A query in two steps: in `with`, `.top()` gives the page of hits with snippets,
        then `.counts()` the same with the exact total and the facets. The options are
        `newsread.index.engine.search.Search`'s (sort, limit, offset, filters, facets,
        snippets, allowed_keys, annotations, suggest, cancelled).

        The user's annotation store answers `tag:`, `is:starred` and the like (opened only
        when the query has such a clause).

        Raises (here or from either step):
            QueryError: the query is malformed.
            SearchCancelled: `cancelled` answered True (from a step).
            LibraryError: the index is damaged; it is rebuilt the next time it is opened.
        """
        from newsread.index.engine.search import Search, split_annotation_clauses

        if options.get("annotations") is None and split_annotation_clauses(query)[1]:
            options["annotations"] = self.annotations
        return Search(self, query, **options)

    def warm(self) -> None:
        """Read ahead what a first fuzzy search (`word~`) reads: each segment's title and
        body terms as hashes (~0.4 s at 100,000 articles), kept with the segment; and what a
        first phrase reads: numpy (~0.1-0.3 s to import) and each segment's phrase keys'
        table. For a thread where it delays nothing the user waits for (the app's, after an
        update)."""
        from newsread.index.engine.search import warm_lexicons, warm_phrase_keys

        with self.damage_reported(), self.searcher() as searcher:
            warm_lexicons(searcher.reader())
            warm_phrase_keys(searcher.reader())

    def similar(self, path_or_id: str, **options: Any) -> SearchResults:
        """The articles most like the one `path_or_id` names ("more like this"), in the shape
        `search` answers; see `newsread.index.engine.similar.similar` for the options.

        Raises:
            UnknownArticle: no article, or more than one, goes by `path_or_id`.
            NothingToSearch: the article shares no telling word with another.
            LibraryError: the index is damaged; it is rebuilt the next time it is opened.
        """
        from newsread.index.engine.similar import similar

        with self.damage_reported():
            return similar(self, path_or_id, **options)

    def article(self, key: str) -> Article | None:
        """The parsed article with this key, from the article store."""
        with self.damage_reported():
            return self.docs.article(key)

    def file_changes(self, paths: Iterable[str]) -> dict[str, str]:
        """Path -> "deleted", "changed" or "unreadable" for those of `paths` (hits' `path`)
        whose file is gone or changed since it was indexed, or that the user may no longer
        read: a stat each, for the hits a command prints (`newsread.index.engine.freshness`)."""
        from newsread.index.engine.freshness import file_changes

        with self.damage_reported():
            changes: dict[str, str] = file_changes(self.root, self.docs, paths)
        return changes

    def unreadable(self, paths: Iterable[str]) -> set[str]:
        """Those of `paths` (hits' `path`) the user may no longer read (a library's owner took
        their access away after they indexed it): what the index holds of them is not to be
        shown. A stat and an open each: for the hits shown, not for every hit."""
        from newsread.index.engine.freshness import unreadable

        return unreadable(self.root, paths)

    def has_file(self, key: str) -> bool:
        """Whether the file of the article keyed `key` is in the library's folder (False when
        that cannot be told). A file whose name is not UTF-8 is keyed with its bytes escaped
        (`path_key`): its key is not its name."""
        return _has_file(self.root, key)

    def folder_away(self) -> str:
        """Why the library's folder is not there to compare the index with (missing, or the
        empty mount point of a drive that is not mounted), or "": a look, not a walk."""
        from newsread.index.engine.indexer import folder_away

        with self.damage_reported():
            return folder_away(self)

    def versions(self, key: str) -> list[Version]:
        """The other articles of this article's story (the same story elsewhere, a correction,
        an update), oldest first."""
        from newsread.index.engine.stories import other_versions

        return other_versions(self.docs, key)

    def find(self, path_or_id: str) -> list[Article]:
        """Articles whose key, relative path or stable id is `path_or_id`."""
        with self.damage_reported():
            found = self.docs.articles(self.docs.keys_for(path_or_id))
        return [found[k] for k in sorted(found)]

    def titled(self, title: str) -> list[Article]:
        """Articles whose title is `title` (case and spacing aside), in key order: where an
        article without a URL may be after its file moved and changed at once."""
        from whoosh import query

        from newsread.index.annotations.records import same_title

        if not self.has_index():
            return []
        with self.damage_reported(), self.searcher() as searcher:
            analyzer = searcher.schema["title"].analyzer
            words = sorted({token.text for token in analyzer(title)})
            if not words:
                return []  # nothing but stop words: no title to look up by
            hits = searcher.search(query.And([query.Term("title", w) for w in words]), limit=None)
            keys = [hit["key"] for hit in hits if same_title(hit.get("title", ""), title)]
        found = self.docs.articles(keys)
        # While an update runs, a key's article in the store may be newer than the index's
        # copy of its title (another article took its place in a file of several).
        return [found[key] for key in sorted(found) if same_title(found[key].title, title)]

    def holding(
        self, phrases: Iterable[str], within: Collection[str] | None = None
    ) -> dict[str, set[str]]:
        """For each of `phrases`, the keys of the articles whose text holds it, among the
        keys `within` when given: as a search of the phrase in quotes finds it (words folded
        and stemmed, common words aside). A phrase of fewer than two such words is passed
        over (it says little, and many articles hold it): it holds none.

        Where an article without a URL may be after its file was renamed and its title edited
        at once, looked up after every re-index: in the index, never by loading every article;
        among a few articles (`SCAN_WITHIN`, a re-index of the files just changed), by
        reading their text once, not building a phrase query per phrase and segment.
        """
        from whoosh import query

        held: dict[str, set[str]] = {phrase: set() for phrase in phrases}
        if not held or not self.has_index():
            return held
        wanted: dict[str, list[str]] = {}
        with self.damage_reported(), self.searcher() as searcher:
            analyzer = searcher.schema["body"].analyzer
            for phrase in held:
                words = [token.text for token in analyzer(phrase)]
                if len(words) >= 2:
                    wanted[phrase] = words
            if wanted and within is not None and len(within) <= SCAN_WITHIN:
                for key, article in self.docs.articles(within).items():
                    where: dict[str, set[int]] = {}
                    for token in analyzer(article.body, positions=True, mode="index"):
                        where.setdefault(token.text, set()).add(token.pos)
                    for phrase, words in wanted.items():
                        if _holds(where, words):
                            held[phrase].add(key)
                return held
            for phrase, words in wanted.items():
                for docnum in set(searcher.docs_for_query(query.Phrase("body", words))):
                    key = searcher.stored_fields(docnum)["key"]
                    if within is None or key in within:
                        held[phrase].add(key)
        return held

    @property
    def annotations(self) -> AnnotationStore:
        """The user's annotation store (opened on first use; one per OS user, not per folder),
        recording what is annotated through it as made in this library."""
        with self._opening_annotations:
            if self._annotations is None:
                waited = False

                def on_wait() -> None:
                    nonlocal waited
                    waited = True
                    if self.on_annotations_wait:
                        self.on_annotations_wait(True)

                try:
                    self._annotations = open_annotations(self.id, on_wait)
                finally:
                    if waited and self.on_annotations_wait:
                        self.on_annotations_wait(False)
                if self._docs is not None and self.has_index():
                    self.claim_annotations()
        return self._annotations

    def claim_annotations(self) -> int:
        """Record as this library's the annotations of its articles made in a library folder
        no longer there (this one, before it moved or was renamed: found by id, or at the
        same key under the same title; taken only when one of that folder's articles is at
        its old key here), or made before newsread recorded libraries and found (by id) in
        no other library's index. An article moved from one library into another goes with
        its annotations: this library takes those of the articles it has that the index of
        the library they were made in no longer has, and gives away those of its own it no
        longer has to the one other library that has them.
        How many annotation rows changed; a failing store or index only logs."""
        from newsread.index.annotations.model import AnnotationError

        try:
            store = self.annotations
            me = store.library
            by_library = store.articles_by_library()
            gone = [name for name in by_library if name and not Path(name).is_dir()]
            changed = 0
            for name in gone:
                made = by_library[name].values()
                # A folder moved or renamed keeps its files' paths: this library is that
                # folder only if it has one of them where it was. Another library merely
                # holding the same articles (a copy elsewhere in it) takes nothing.
                if self._held(made, at_key=True, only_at_key=True):
                    changed += store.give_to_library(self._held(made, at_key=True), me, [name])
            unknown = self._held(by_library.get("", {}).values())
            if unknown:
                changed += store.give_to_library(unknown - held_elsewhere(self, unknown), me)
            changed += self._follow_moved_articles(by_library)
        except (AnnotationError, LibraryError, OSError, sqlite3.Error) as error:
            log.warning("annotations not given to this library: %s", error)
            return 0
        return changed

    def _follow_moved_articles(self, by_library: dict[str, dict[str, ArticleInfo]]) -> int:
        """Hand the annotations of articles moved between two libraries to the one that has
        them now (see `claim_annotations`); how many rows changed."""
        store = self.annotations
        me = store.library
        changed = 0
        # Only articles whose file is gone from the library they were made in: an index being
        # rebuilt does not have them all yet, nor does a folder taken for a drive not mounted.
        came = {
            name: {
                article_id
                for article_id, info in made.items()
                if _file_gone(name, info) and self.docs.keys_for(article_id)
            }
            for name, made in by_library.items()
            if name not in ("", me) and Path(name).is_dir()
        }
        came = {name: ids for name, ids in came.items() if ids}
        if came:
            holding = indexes_holding(self, set().union(*came.values()))
            for name, ids in came.items():
                if name in holding:  # an index to tell: else it may still have them
                    changed += store.give_to_library(ids - holding[name], me, [name])
        mine = by_library.get(me, {})
        went = {i for i, info in mine.items() if _file_gone(me, info)}
        went -= self._held((mine[article_id] for article_id in went), at_key=True)
        if went:
            holding = indexes_holding(self, went)
            for article_id in sorted(went):
                names = [name for name, ids in holding.items() if article_id in ids]
                if len(names) == 1:
                    changed += store.give_to_library([article_id], names[0], [me])
        return changed

    def _held(
        self, infos: Iterable[ArticleInfo], *, at_key: bool = False, only_at_key: bool = False
    ) -> set[str]:
        """The ids of those of `infos` this library has an article with: that id, or with
        `at_key`, one at the key of the same title (edited since: a new id without a URL);
        with `only_at_key`, only those it has at their key (by id or title)."""
        from newsread.index.annotations.records import same_title

        held = set()
        for info in infos:
            keys = self.docs.keys_for(info.id)
            if keys and (not only_at_key or info.key in keys):
                held.add(info.id)
            elif at_key and info.key:
                found = self.docs.article(info.key)
                if found is not None and same_title(found.title, info.title):
                    held.add(info.id)
        return held


SCAN_WITHIN = 64
"""`Library.holding` reads the text of at most this many articles to look phrases up in them;
among more, it searches the index."""


def _holds(where: dict[str, set[int]], words: list[str]) -> bool:
    """Whether `words` stand one after another in a text whose words stand at `where`."""
    ends = where.get(words[0], set())
    for word in words[1:]:
        ends = {p + 1 for p in ends} & where.get(word, set())
        if not ends:
            return False
    return bool(ends)


def _has_file(root: Path, key: str) -> bool:
    from newsread.index.engine.freshness import file_stat

    try:
        return file_stat(root, key) is not None
    except (OSError, ValueError):  # a folder that cannot be entered, a name the OS refuses
        return False


def _file_gone(library: str, info: ArticleInfo) -> bool:
    """Whether the file `info` was last found in is no longer in the `library` folder (False
    when not known)."""
    from newsread.index.engine.freshness import file_stat

    try:
        return bool(info.path) and file_stat(Path(library), info.path) is None
    except (OSError, ValueError):  # a name the OS cannot take: not known
        return False


def held_elsewhere(library: Library, article_ids: Collection[str]) -> set[str]:
    """Those of `article_ids` that another library's index holds (any library whose folder
    still exists and that was indexed here, as its index's description names it)."""
    return set().union(*indexes_holding(library, article_ids).values())


def indexes_holding(library: Library, article_ids: Collection[str]) -> dict[str, set[str]]:
    """By library (`paths.library_id`), those of `article_ids` its index holds, for every
    other library whose folder still exists and whose index here can be read."""
    from newsread.index.engine.docstore import DocStore

    me = library.id
    found: dict[str, set[str]] = {}
    indexes = paths.cache_dir() / "indexes"
    for folder in sorted(indexes.iterdir()) if indexes.is_dir() else ():
        if folder == library.index_dir:
            continue
        try:
            root = json.loads((folder / "newsread.json").read_text(encoding="utf-8"))["library"]
            if not isinstance(root, str) or root == me or not Path(root).is_dir():
                continue
            docs = DocStore(folder / "articles.sqlite3", read_only=True)
        except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
            continue  # no index there, or one that cannot be read: it holds nothing known
        try:
            found[root] = {article_id for article_id in article_ids if docs.keys_for(article_id)}
        except sqlite3.Error as error:
            log.warning("%s not read: %s", folder, error)
        finally:
            docs.close()
    return found


def open_annotations(
    library: str = "", on_wait: Callable[[], None] | None = None
) -> AnnotationStore:
    """The OS user's annotation store, in their data folder; `library` is the library
    (`paths.library_id`) what is annotated through it is recorded in; `on_wait` as in
    `AnnotationStore.open`."""
    from newsread.index.annotations.store import AnnotationStore

    return AnnotationStore.open(paths.annotations_path(), library=library, on_wait=on_wait)
