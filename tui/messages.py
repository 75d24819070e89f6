"""App-wide messages: small dataclasses posted by thread workers, handled on the event loop.

Workers never touch widgets; they post one of these (``post_message`` is thread-safe) and the
handler updates the UI. Widget-specific messages live on their widgets (``ResultsList.Opened``).

The index worker's messages go to the app, which publishes each to the screens subscribed to
``index_events``: they do not bubble, or a screen would hand them back to the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsread.index import Hit, IndexSummary, Library, Progress, SearchResults, Version
    from newsread.index.annotations import AnchoredHighlight, ArticleMarks, ArticleState
    from newsread.index.article import Article


@dataclass
class LibraryOpened(Message, bubble=False):
    """The library's index is open and searchable (it may still be updating)."""

    library: Library
    articles: int
    notice: str = ""


@dataclass
class LibraryFailed(Message, bubble=False):
    """The library could not be opened; `reason` is one line for the user."""

    reason: str
    folder_there: bool = True
    """The library's folder is there (the trouble is the index's), so naming another
    folder to start newsread with is no help."""


@dataclass
class IndexProgress(Message, bubble=False):
    """How far the background update has come."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters: a burst of updates collapses into one repaint.
        return isinstance(message, IndexProgress)


@dataclass
class IndexCommitted(Message, bubble=False):
    """A batch of the update was committed: new articles are searchable."""

    articles: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexCommitted)


@dataclass
class IndexFinished(Message, bubble=False):
    """The background update is over."""

    summary: IndexSummary


@dataclass
class LibraryChanged(Message):
    """The library watcher saw `files` files added, changed or deleted; `returned`: its
    folder, gone or unreadable at the last look, is back; `asked`: the user asked (ctrl+r)."""

    files: int
    returned: bool = False
    asked: bool = False


@dataclass
class IndexFailed(Message, bubble=False):
    """The background update stopped on an error; the index stays searchable."""

    reason: str


@dataclass
class SearchDone(Message):
    """Results of search number `generation` (stale ones are dropped by the receiver)."""

    generation: int
    results: SearchResults
    refresh: bool = False
    """A rerun of the same search (new articles committed): keep the highlighted hit."""


@dataclass
class SearchCounted(Message):
    """The second step of search number `generation`: the same hits, with the exact total
    and the facets (the first step's `SearchDone` said "counting…")."""

    generation: int
    results: SearchResults


@dataclass
class PageLoaded(Message):
    """More hits of search number `generation`, from hit number `offset` on."""

    generation: int
    offset: int
    hits: tuple[Hit, ...]


@dataclass
class SearchFailed(Message):
    """Search number `generation` could not run; `error` is one line for the user."""

    generation: int
    query: str
    error: str
    matches_nothing: bool = False
    """The query is valid but can match nothing ("the"): the list empties, not keeps the last."""


@dataclass
class ArticleOpening(Message):
    """Open number `generation` read a big article (`title`, `size` characters) and is
    still preparing it: say so, and let the keys held for it go."""

    generation: int
    title: str
    size: int


@dataclass
class ArticleLoaded(Message):
    """An article read from the store, with its query matches as body offsets."""

    generation: int
    article: Article | None
    key: str
    spans: list[tuple[int, int]]
    """Query matches in the body."""
    title_spans: list[tuple[int, int]]
    """Query matches in the title as the reading pane shows it."""
    focus: bool
    """Whether the reading pane should take the focus (an explicit open, not a preview)."""
    deleted: str = ""
    """The article's file, when it was deleted since it was indexed (`article` is None)."""
    versions: tuple[Version, ...] = ()
    """The other articles of its story (the same story elsewhere, corrections, updates)."""
    error: str = ""
    """Why it could not be read (`article` is None)."""
    marks_from: Callable[[int], list[tuple[int, int]]] | None = None
    """The query's matches in the body from an offset on, when `spans` stop at the limit
    (the reading pane marks from a place restored past them)."""


@dataclass
class ShownArticleChanged(Message):
    """The article on screen is not what the index now holds for its key: its file was
    edited (`gone` False) or moved or deleted (`gone` True) since it was opened; `renamed`
    is the key the same article has now, when its file was only renamed or moved."""

    generation: int
    key: str
    gone: bool
    renamed: str = ""
    unreadable: str = ""
    """Why the file, still there, is no longer read (gone: emptied, its text now junk)."""


@dataclass
class ShownArticleHere(Message):
    """The article on screen is what the index holds for its key (its file, said gone
    before, may have come back)."""

    generation: int


@dataclass
class SavedCounts(Message):
    """Hit counts of the saved searches, by name (-1 when the query no longer parses)."""

    counts: dict[str, int]


@dataclass
class AnnotationsLoaded(Message):
    """An article's highlights (placed in its current text) and its state, read or changed."""

    sequence: int
    """Answers to older requests are dropped by the receiver."""
    key: str
    highlights: list[AnchoredHighlight]
    state: ArticleState
    notice: str = ""
    """What the change did, for a notification ("" for a plain load)."""
    focus: str = ""
    """A highlight to put the cursor on."""
    edit: str = ""
    """A highlight whose note editor should open now (a highlight made with `N`)."""
    body: str = ""
    """The article text the highlights are placed in: the one read when the change was asked
    for, which the file may have changed since."""


@dataclass
class NotesWaiting(Message):
    """Opening the annotation store waits for another newsread's write lock (`waiting`), or
    no longer does (`Library.on_annotations_wait`)."""

    waiting: bool


@dataclass
class AnnotationFailed(Message):
    """An annotation change was not saved; `error` is one line, `unsaved` the text lost."""

    error: str
    unsaved: str = ""
    highlight: str = ""
    """The highlight whose note was being saved ("" for the article note or other changes)."""
    note: bool = False
    """Whether a note was being saved (the editor reopens with `unsaved`)."""
    span: tuple[int, int] | None = None
    """The passage (body offsets) a highlight was refused on: selected again, to retry."""


@dataclass
class HitMarked(Message):
    """A hit's article was starred, marked read or unread, or tagged from the results list."""

    key: str
    marks: ArticleMarks
    notice: str = ""


@dataclass
class TagsWanted(Message):
    """The tag dialog for an article not open (the results list's highlighted hit)."""

    article: Article


@dataclass
class MarksLoaded(Message):
    """Annotated / starred / read marks for results of search number `generation`, by key."""

    generation: int
    marks: dict[str, ArticleMarks]
