"""The annotation records handed out by the store: plain frozen dataclasses, never SQLite rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from newsread.index.article import Article, normalise_url
from newsread.index.text import sanitise_line

AnchorStatus = Literal["anchored", "moved", "fuzzy", "orphaned"]
"""How a highlight was last found in its article's text (see `anchoring.anchor`)."""
ANCHOR_STATUSES: tuple[AnchorStatus, ...] = ("anchored", "moved", "fuzzy", "orphaned")

COLOURS = range(1, 6)
"""Highlight colours are numbered 1-5; the UI decides what they look like."""
COLOUR_NAMES = {1: "yellow", 2: "green", 3: "blue", 4: "pink", 5: "orange"}
"""What the colours are called, in exports as in the app."""


class AnnotationError(Exception):
    """The annotation store could not do what was asked; `str()` is one line for the user.

    `unsaved` holds the text (a note, say) that was not saved, so the caller can offer it again.
    """

    def __init__(self, message: str, unsaved: str = "") -> None:
        super().__init__(message)
        self.unsaved = unsaved


class HighlightNotFound(AnnotationError, LookupError):
    """No highlight has this id (or it was deleted, for operations on live highlights)."""


class NoteConflict(AnnotationError):
    """Another session saved this note after it was opened here; nothing was overwritten.

    `mine` is the text that was not saved, `theirs` the note as stored now, at `revision`:
    saving again with `base_revision=revision` replaces theirs on purpose.
    """

    def __init__(self, mine: str, theirs: str, revision: int) -> None:
        super().__init__("another newsread changed this note meanwhile; not saved", mine)
        self.mine = mine
        self.theirs = theirs
        self.revision = revision


@dataclass(frozen=True)
class ArticleInfo:
    """An annotated article as identified and cited: its identity plus title, source, URL, date.

    `source` is the one the article names, never a folder or site standing in for it.

    Annotations find their article again by `id`, by `key` (the path within the library) or by
    URL, so a re-saved or edited file keeps its highlights and notes.
    """

    id: str
    key: str = ""
    path: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    """Who wrote it (its credit when it names no author): kept with the article's row, as
    last read, not with each highlight."""
    period: str = ""
    """"year" or "month" when the article is dated by that period alone (`Article.period`),
    kept as `authors` is."""

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        return cls(
            id=article.id,
            key=article.key,
            path=article.path,
            title=sanitise_line(article.title),
            source=sanitise_line(article.named_source),
            url=sanitise_line(article.url),
            published=article.published,
            authors=cited_authors(article),
            period=article.period,
        )

    @property
    def url_key(self) -> str:
        """The URL reduced to what identifies the page, or "" when there is none."""
        return normalise_url(self.url) if self.url.strip() else ""


def cited_authors(article: Article) -> tuple[str, ...]:
    """Who a citation names as the article's authors: its authors, else its credit."""
    names = article.authors or (article.credit,)
    return tuple(name for name in map(sanitise_line, names) if name)


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage of an article, with an optional note.

    `quote`, `prefix` and `suffix` describe the passage (W3C TextQuoteSelector); `start`/`end`
    are its last known character offsets into `Article.body` (None if never known) and `status`
    says how it was last found. `article` cites the article as it was when the highlight was
    made (title, source, URL, date), with the identity and library path it was last found at.
    """

    id: str
    article: ArticleInfo
    colour: int
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    status: AnchorStatus
    note: str
    created: datetime
    updated: datetime
    deleted_at: datetime | None = None
    revision: int = 0
    """One more at every change (note, colour, place, deletion), in any session."""
    library: str = ""
    """The library it was made in (its folder, resolved); "" when not known (made by a
    newsread that did not record it, and not yet claimed by a library; see `library_id`)."""
    synced: tuple[str, ...] = ()
    """Its note's sync base (`records.note_digest` of each text the note had when exported
    or imported here, oldest first); read from an export, the note's versions there (`()`:
    an export that does not say, from an older newsread or another tool)."""

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


@dataclass(frozen=True)
class AnchoredHighlight:
    """A highlight placed in an article's current text.

    `start`/`end` are offsets into the current `Article.body` (None when orphaned); `text` is
    the passage they cover now, which differs from `highlight.quote` when the match is fuzzy.
    """

    highlight: Highlight
    start: int | None
    end: int | None
    status: AnchorStatus
    text: str

    @property
    def id(self) -> str:
        return self.highlight.id

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


@dataclass(frozen=True)
class Tag:
    """A tag on an article, as the user first spelled it."""

    name: str
    created: datetime


@dataclass(frozen=True)
class ArticleState:
    """Everything the user attached to a whole article: note, tags, read and starred."""

    article: ArticleInfo
    note: str = ""
    note_created: datetime | None = None
    note_updated: datetime | None = None
    tags: tuple[Tag, ...] = ()
    read_at: datetime | None = None
    starred_at: datetime | None = None
    note_revision: int = 0
    """One more at every change of the note, in any session."""
    note_synced: tuple[str, ...] = ()
    """The note's sync base, as `Highlight.synced`."""

    @property
    def tag_names(self) -> tuple[str, ...]:
        return tuple(tag.name for tag in self.tags)

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @property
    def starred(self) -> bool:
        return self.starred_at is not None


@dataclass(frozen=True)
class ArticleMarks:
    """What a list of articles shows beside each one (see `AnnotationStore.marks`)."""

    annotated: bool = False
    """Has live highlights, a note or tags."""
    starred: bool = False
    read: bool = False


@dataclass(frozen=True)
class ArticleAnnotations:
    """One article with its live highlights (in text order) and its state: a unit of export."""

    state: ArticleState
    highlights: tuple[Highlight, ...] = ()
    in_library: bool | None = None
    """Whether the library has the article now (`placing.cited_now`); None when not looked up.
    An article deleted, or moved and changed at once, keeps its annotations, quoted as last read."""
    unreadable: bool = False
    """Not in the library (`in_library` False) as its file is there but the user may no longer
    read it (its owner took their access away): not deleted or moved."""
    library: str = ""
    """The library it was annotated in (`library_id`); "" when not known."""

    @property
    def article(self) -> ArticleInfo:
        return self.state.article

    @property
    def first_annotated(self) -> datetime | None:
        """When the user first highlighted, noted, tagged or starred the article."""
        times = [h.created for h in self.highlights] + [t.created for t in self.state.tags]
        times += [t for t in (self.state.note_created, self.state.starred_at) if t is not None]
        return min(times, default=None)


@dataclass(frozen=True)
class TagCount:
    """A tag and how many articles carry it (for completion and a tag list)."""

    tag: str
    count: int


@dataclass(frozen=True)
class ArticleRefs:
    """A set of articles, recognised by identity, library key or URL."""

    ids: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    """Normalised URLs (`newsread.index.article.normalise_url`)."""

    def contains(self, article: Article) -> bool:
        if article.id in self.ids or (article.key and article.key in self.keys):
            return True
        return bool(article.url.strip()) and normalise_url(article.url) in self.urls


@dataclass(frozen=True)
class ArticleMatches:
    """The answer to annotation filters (`tag:x`, `is:starred`, `is:unread` ...).

    An article matches when it is in `include` (or `include` is None: no positive filter was
    given) and not in `exclude`. Negative filters such as `is:unread` cannot list the articles
    the store has never seen, so they are expressed as exclusions.
    """

    include: ArticleRefs | None
    exclude: ArticleRefs = ArticleRefs()

    def matches(self, article: Article) -> bool:
        if self.include is not None and not self.include.contains(article):
            return False
        return not self.exclude.contains(article)


@dataclass(frozen=True)
class NoteRecord:
    """An article note read from an export, for `AnnotationStore.merge`."""

    article: ArticleInfo
    text: str
    created: datetime
    updated: datetime
    versions: tuple[str, ...] = ()
    """The note's versions in the export (`Highlight.synced`); `()`: the export does not say."""


@dataclass(frozen=True)
class TagRecord:
    """A tag read from an export, for `AnnotationStore.merge`."""

    article: ArticleInfo
    tag: str
    created: datetime


@dataclass(frozen=True)
class StarRecord:
    """A starred article read from an export, for `AnnotationStore.merge`."""

    article: ArticleInfo
    created: datetime


@dataclass(frozen=True)
class ReadRecord:
    """An article marked read: listed for a JSON export (`library`, where it was read: '' for
    not known) and read from one, for `AnnotationStore.merge`."""

    article: ArticleInfo
    read: datetime
    library: str = ""


MergeItem = Highlight | NoteRecord | TagRecord | StarRecord | ReadRecord
MergeOutcome = Literal["added", "updated", "both", "unchanged", "restored"]
"""What an import did with one annotation; "both": a newer note that would have replaced a
different one of the user's is kept with it (`records.imported_note`); "restored": a
highlight deleted here whose note was edited there since, brought back with that edit."""
