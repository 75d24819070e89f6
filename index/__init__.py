"""newsread's library: reading article files, the Whoosh index, search and annotations.

This is the front door: the UI (and any other caller) uses what is named here and never
reaches into `files/` (reading article files) or `engine/` (the Whoosh index, indexing and
search); an import-linter contract in pyproject.toml holds that. Nothing in this package
imports Textual.

    library = Library(folder).open()      # open or build the index beside the folder
    library.update(on_progress=...)       # index new and changed files
    results = library.search("harbour", sort="newest")
    with library.begin_search("harbour", cancelled=...) as running:  # the same, in two steps
        first, full = running.top(), running.counts()
    article = library.article(results.hits[0].key)
    notes = open_annotations()            # the OS user's highlights and notes

Records and errors (`SearchResults`, `Article`, `QueryError`, ...) are imported eagerly and
never import Whoosh; the rest loads on first use, so `import newsread.index` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsread.index.article import Article
from newsread.index.errors import LibraryError, UnreadableFile
from newsread.index.results import (
    Hit,
    NothingToSearch,
    QueryError,
    QueryTooLarge,
    SearchCancelled,
    SearchResults,
    Snippet,
    UnknownArticle,
    Version,
)
from newsread.index.timeline import Bucket, Timeline, parse_period

if TYPE_CHECKING:
    from newsread.index.annotations.store import AnnotationStore
    from newsread.index.background import Indexing, update_in_subprocess
    from newsread.index.config import Config, load_config
    from newsread.index.engine.indexer import IndexSummary, Progress, count_changes, has_changes
    from newsread.index.engine.search import highlight_spans, split_annotation_clauses
    from newsread.index.files.reader import read_articles
    from newsread.index.files.scan import folder_problem
    from newsread.index.library import Library, open_annotations
    from newsread.index.ownership import ownership_problem

_LAZY = {
    "Library": "newsread.index.library",
    "open_annotations": "newsread.index.library",
    "AnnotationStore": "newsread.index.annotations.store",
    "update_in_subprocess": "newsread.index.background",
    "Indexing": "newsread.index.background",
    "Config": "newsread.index.config",
    "load_config": "newsread.index.config",
    "IndexSummary": "newsread.index.engine.indexer",
    "Progress": "newsread.index.engine.indexer",
    "has_changes": "newsread.index.engine.indexer",
    "count_changes": "newsread.index.engine.indexer",
    "highlight_spans": "newsread.index.engine.search",
    "split_annotation_clauses": "newsread.index.engine.search",
    "read_articles": "newsread.index.files.reader",
    "folder_problem": "newsread.index.files.scan",
    "ownership_problem": "newsread.index.ownership",
}

__all__ = [
    "AnnotationStore",
    "Article",
    "Bucket",
    "Config",
    "Hit",
    "IndexSummary",
    "Indexing",
    "Library",
    "LibraryError",
    "NothingToSearch",
    "Progress",
    "QueryError",
    "QueryTooLarge",
    "SearchCancelled",
    "SearchResults",
    "Snippet",
    "Timeline",
    "UnknownArticle",
    "UnreadableFile",
    "Version",
    "count_changes",
    "folder_problem",
    "has_changes",
    "highlight_spans",
    "load_config",
    "open_annotations",
    "ownership_problem",
    "parse_period",
    "read_articles",
    "split_annotation_clauses",
    "update_in_subprocess",
]


if not TYPE_CHECKING:  # mypy sees the imports above, and flags a name not among them

    def __getattr__(name: str) -> Any:
        """Load the engine-backed names on first use (PEP 562)."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'newsread.index' has no attribute {name!r}")
        value = getattr(import_module(module), name)
        globals()[name] = value
        return value
