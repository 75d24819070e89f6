"""The user's annotations: highlights with notes, article notes, tags, read and starred state.

- `store`: `AnnotationStore`, the SQLite file in the user's data directory;
- `anchoring`: finding a highlight again in text that changed (pure functions);
- `export`: Markdown and W3C Web Annotation JSON-LD out, JSON-LD back in;
- `model`: the frozen dataclasses all of these hand out.
"""

from __future__ import annotations

from newsread.index.annotations.anchoring import Anchor, AnchorStatus, anchor, make_selector
from newsread.index.annotations.database import SCHEMA_VERSION
from newsread.index.annotations.export import (
    ImportSummary,
    by_published,
    export_json,
    export_markdown,
    highlights_by_published,
    import_json,
    import_store,
)
from newsread.index.annotations.model import (
    AnchoredHighlight,
    AnnotationError,
    ArticleAnnotations,
    ArticleInfo,
    ArticleMarks,
    ArticleMatches,
    ArticleRefs,
    ArticleState,
    Highlight,
    HighlightNotFound,
    NoteConflict,
    Tag,
    TagCount,
)
from newsread.index.annotations.records import both_notes
from newsread.index.annotations.store import AnnotationStore

__all__ = [
    "SCHEMA_VERSION",
    "Anchor",
    "AnchorStatus",
    "AnchoredHighlight",
    "AnnotationError",
    "AnnotationStore",
    "ArticleAnnotations",
    "ArticleInfo",
    "ArticleMarks",
    "ArticleMatches",
    "ArticleRefs",
    "ArticleState",
    "Highlight",
    "HighlightNotFound",
    "ImportSummary",
    "NoteConflict",
    "Tag",
    "TagCount",
    "anchor",
    "both_notes",
    "by_published",
    "export_json",
    "export_markdown",
    "highlights_by_published",
    "import_json",
    "import_store",
    "make_selector",
]
