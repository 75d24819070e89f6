"""The main screen: search box, results, article, status line.

Wide terminals show the results and the article side by side; narrow ones (80 columns) show
one at a time (Enter opens an article, Escape or q returns to the list).

Searches and article loads run in thread workers and come back as messages; a generation
counter drops answers to questions nobody is asking any more. A search comes back in two
steps, the first page of hits (`SearchDone`, "counting…") then the total and the facets
(`SearchCounted`); a newer keystroke cancels both steps of the older search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from newsread.index.article import path_key
from newsread.index.results import Snippet, period_only_note, source_shown
from newsread.index.text import sanitise_line
from newsread.tui.cells import clip
from newsread.tui.commands import NewsreadCommands
from newsread.tui.key_order import STORE_HOLD_LIMIT
from newsread.tui.messages import (
    ArticleLoaded,
    ArticleOpening,
    IndexCommitted,
    IndexFailed,
    IndexFinished,
    IndexProgress,
    LibraryFailed,
    LibraryOpened,
    PageLoaded,
    SearchCounted,
    SearchDone,
    SearchFailed,
    ShownArticleChanged,
    ShownArticleHere,
)
from newsread.tui.screens.annotating import AnnotatingPanes
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.state import (
    LibraryState,
    Navigation,
    PickedPeriod,
    Place,
    QueryRecall,
    SavedSearch,
)
from newsread.tui.widgets.article_view import ArticleView, version_label
from newsread.tui.widgets.keys_footer import KeysFooter
from newsread.tui.widgets.notes_panel import NotesPanel
from newsread.tui.widgets.reading_pane import FIND_LIMIT, MarksFrom, ReadingPane, header_lines
from newsread.tui.widgets.results_list import PAGE, ListTitle, ResultsList
from newsread.tui.widgets.search_bar import HINT, SearchBar, SearchInput
from newsread.tui.widgets.status_bar import StatusBar
from newsread.tui.widgets.timeline_bar import TimelineBar

SORTS = ("relevance", "newest", "oldest")
SORT_LABELS = {"relevance": "by relevance", "newest": "newest first", "oldest": "oldest first"}
"""What `s` cycles through (newsread.index.engine.search.SORTS; not imported: it loads Whoosh)."""

if TYPE_CHECKING:
    from newsread.index import Hit, Library, SearchResults, Timeline, Version
    from newsread.index.annotations import ArticleState
    from newsread.index.article import Article
    from newsread.tui.host import Host

SEARCH_DELAY = 0.15
"""Seconds of quiet typing before a search's results are shown (the list does not change
under the keys)."""
EARLY_DELAY = 0.03
"""Seconds of quiet typing before the search starts: it is worked out while `SEARCH_DELAY`
runs out, and a newer key cancels it (a burst of keys starts one search, after its last)."""
PREVIEW_DELAY = 0.12
BIG_ARTICLE = 1_000_000
"""Characters from which an article says it is opening (a 20 MB one took seconds to prepare)
and the keys typed after Enter stop waiting for it."""
WIDE_HINT = "Enter on a result opens it here; / searches, ? lists every key."
LIKE_TITLE = 40
"""The longest "like: TITLE" above a "more like this" list; a longer title is cut with …."""


def shown(widget: Widget) -> bool:
    """Whether `widget` and every container it is in are displayed."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def _moved_to(library: Library, article_id: str, key: str, path: str) -> str:
    """The key other than `key` under which the library has the article `article_id` (read
    from the file `path`), its file there: the one such key, else the one in that file,
    else ""."""
    found = [
        other
        for other in library.find(article_id)
        if other.key != key and library.has_file(other.path)
    ]
    same_file = [other for other in found if other.path == path]
    for choice in (found, same_file):
        if len(choice) == 1:
            return choice[0].key
    return ""


def _like_key(library: Library, key: str, read: tuple[str, str]) -> str:
    """The key of the article a "more like this" list is of: `key`, unless it names another
    article than `read` (its id and title) by now, which is then found by its id (`_moved_to`).
    One taken out of its file of several is no longer in the library (`UnknownArticle`)."""
    from newsread.index import UnknownArticle

    article_id, title = read
    article = library.article(key)
    if article is None or article_id in ("", article.id):
        return key
    moved = _moved_to(library, article_id, key, article.path)
    if moved:
        return moved
    if "#" in key and title.strip() and article.title != title:
        raise UnknownArticle(f"“{title}” is no longer in the library")
    return key


NOT_READABLE = "you may no longer read its file (permission denied): its text is not shown"
"""What stands for the snippet of a hit, and the body of an article, whose file the user may
no longer read: its library's owner took their access away after they indexed it."""


def _readable_only(hits: tuple[Hit, ...], shut: set[str]) -> tuple[Hit, ...]:
    """`hits`, those whose file is in `shut` (`Library.unreadable`) without their snippet: the
    index's text of a file the user may no longer read is not shown. They stay listed (title,
    source, date: what the counts and the timeline count too), so pages keep their places."""
    if not shut:
        return hits
    shown = Snippet(NOT_READABLE)
    return tuple(replace(hit, snippet=shown) if hit.path in shut else hit for hit in hits)


def _edited_in_its_file(library: Library, shown: Article) -> str:
    """The key of the one other article of `shown`'s file of several with its title, its file
    there, else "": `shown` moved in its file and edited at once (without a URL, a new id),
    where the update re-anchored its highlights."""
    if "#" not in shown.key:
        return ""
    found = [
        article.key
        for article in library.find(shown.path)
        if article.key != shown.key
        and article.title == shown.title
        and library.has_file(article.path)
    ]
    return found[0] if len(found) == 1 else ""


def _took_its_place(now: Article, shown: Article) -> bool:
    """Whether `now`, of another id at `shown`'s key in a file of several (`feed.json#2`), is
    another article: of another address, or another title (`shown` edited keeps its own)."""
    return "#" in shown.key and (bool(now.url and shown.url) or now.title != shown.title)


def _marks_from(
    body: str, terms: frozenset[str], phrases: tuple[tuple[str, ...], ...], words: frozenset[str]
) -> MarksFrom:
    """The query's matches in `body` from an offset on (`highlight_spans`'s start), as the
    reading pane marks them: the first `FIND_LIMIT`, phrases joined."""
    from newsread.index import highlight_spans

    def marks(start: int) -> list[tuple[int, int]]:
        return highlight_spans(body, terms, phrases, words, FIND_LIMIT, joined=True, start=start)

    return marks


REBUILT = "index rebuilt: "
"""How the library's notice starts when its index was started again (`Library.notice`)."""


def _indexing_message(notice: str) -> str:
    """What the empty list says while the index is built: for the first time, or again for
    the reason the library's `notice` gives (a newsread that indexes words another way)."""
    if notice.startswith(REBUILT):
        again = f"Reading the library again ({notice.removeprefix(REBUILT)})…"
    else:
        again = "Indexing the library for the first time…"
    return f"{again} results appear here as soon as the first articles are saved."


def _annotating(name: str) -> Callable[..., None]:
    """The screen's action `name`, done by its `AnnotatingPanes` (the article's keys and the
    palette name it on the screen: "screen.highlight")."""

    def action(screen: MainScreen, *arguments: object) -> None:
        getattr(screen.panes, f"action_{name}")(*arguments)

    action.__name__ = action.__qualname__ = f"action_{name}"
    return action


class MainScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]
    """Short terminals hide the timeline (app.tcss)."""
    COMMANDS = {NewsreadCommands}
    """The palette offers newsread's commands here, not over dialogs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="app.search", tooltip="Go to the search box"),
        Binding(
            "alt+left,left_square_bracket",
            "back",
            "Back",
            show=False,
            id="app.back",
            tooltip="Back to the previous query or article",
        ),
        Binding(
            "alt+right,right_square_bracket",
            "forward",
            "Forward",
            show=False,
            id="app.forward",
            tooltip="Forward again",
        ),
        Binding(
            "L",
            "more_like_this",
            "Like this",
            show=False,
            id="app.more_like_this",
            tooltip="Articles like the open or highlighted one",
        ),
        Binding(
            "T",
            "focus_timeline",
            "Timeline",
            show=False,
            id="timeline.focus",
            tooltip="The hits over time: ←/→ pick a period, Enter narrows to it",
        ),
        Binding(
            "ctrl+s",
            "save_search",
            "Save",
            show=False,
            id="search.save",
            tooltip="Save the current search under a name",
        ),
        Binding(
            "ctrl+o",
            "saved_searches",
            "Saved",
            show=False,
            id="search.saved",
            tooltip="Saved searches, with their hit counts",
        ),
        Binding(
            "ctrl+g",
            "highlights",
            "Highlights",
            show=False,
            id="app.highlights",
            tooltip="Every highlight in the library, newest first",
        ),
    ]

    def __init__(self, session: LibraryState, queries: list[str]) -> None:
        super().__init__()
        self.panes = AnnotatingPanes(id="panes")
        """The results, the article and its notes panel; it does the annotating."""
        self.session = session
        sort = "newest" if session.sort == "date" else session.sort
        self.sort = sort if sort in SORTS else "relevance"
        self.filters: dict[str, str] = dict(session.filters)
        self.period = PickedPeriod()
        self._typing = False
        """Whether the search box had the focus when the keys to name were last chosen."""
        """The date filter's search: a search typed with none of its words leaves it out."""
        self.results: SearchResults | None = None
        self._said_unreadable: set[str] = set()
        """The files a notice said the user may no longer read (said once each)."""
        self._unreadable_later: set[str] = set()
        """Files listed unreadable while an update ran, said when it ends if still listed
        (the update drops one whose file changed mode: "1 hit listed" was said of a hit
        gone from the list)."""
        self.like = ""
        """The key of the article whose "more like this" list is shown, or ""."""
        self.like_read: tuple[str, str] = ("", "")
        """That article's id and title, which find it when its key names another one by then
        (an article put before it in a file of several)."""
        self.navigation = Navigation()
        self.recall = QueryRecall(queries)
        self.library_ready = False
        self.library_problem = ""
        self.indexing = False
        self._unread = 0
        """Files the running update has still to read (1 while their number is not known):
        the hits listed are those found so far."""
        self._generation = 0
        self._focus_results = 0
        """The search generation whose results take the focus when they arrive (Enter)."""
        self._pressed_at_enter = 0
        """Keys pressed up to that Enter (`KeyOrder.pressed`)."""
        self._unfinished = 0
        """The search generation still running (both steps not yet in), or 0."""
        self._article_generation = 0
        self._said_gone = 0
        """The article generation whose file was said gone (the text read before stays on
        screen): said again at every later commit, every 10 s while a scraper writes, it
        told nothing new. Later commits still look for it under another name."""
        self._searched: tuple[str, str, tuple[tuple[str, str], ...], str] | None = None
        self._listed = Place("")
        """The place whose list is shown (its search; no article)."""
        self._return_to: tuple[int, str, int | None, tuple[str, str]] = (0, "", None, ("", ""))
        """A search generation whose list puts its highlight on this hit (key, row): back
        or forward to a list searched again."""
        self._search_timer: Timer | None = None
        self._early_timer: Timer | None = None
        self._held = 0
        """The search generation started early (`EARLY_DELAY`) whose answers wait for the
        typing to pause (`SEARCH_DELAY`), or 0."""
        self._held_messages: list[SearchDone | SearchCounted | SearchFailed] = []
        self._adopted = 0
        """The search started early that Enter took as its own (it suggests nothing), or 0."""
        self._preview_timer: Timer | None = None
        """The highlighted hit's preview, while it waits for `PREVIEW_DELAY`."""
        self._previews = 0
        """Previews asked for or cancelled so far: a late one that is not the last is not shown."""
        self._restore_article = session.article
        self._restore_query = session.query
        self._restore_row: int | None = session.row
        """The list row the last session was on, for its query's first list, or None."""
        self._restore_keys = 0
        """Keys pressed when the restore was asked for: one pressed since calls it off."""
        self._restoring = 0
        """The article generation that reopens the last session's article, or 0."""

    @property
    def newsread(self) -> Host:
        return cast("Host", self.app)

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(self.recall, self.session.query)
        # Above both panes: the list's and the article's top borders line up when wide.
        with Vertical(id="results-header"):
            yield Static("", id="filters-bar", markup=False)
            yield Static("", id="results-message", markup=False)
            yield TimelineBar(id="timeline")
        with self.panes:
            with Vertical(id="results-column"):
                yield ResultsList(id="results")
            yield ArticleView(WIDE_HINT, id="article-column")
            yield NotesPanel(id="notes-panel")
        yield StatusBar(show_timings=self.newsread.show_timings)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.newsread.index_events.subscribe(self, self.post_message, immediate=True)
        self.query_one("#query-error").display = False
        root = self.newsread.root
        self.status.set_status(library=path_key(root.name or str(root)))  # b"\xe9" as "\xe9"
        if self.newsread.resuming:
            # Quit mid-build: from the first frame, the counts to come are counts so far.
            self._unread = 1
            self.status.set_status(index="indexing", resumed=True)
        self.show_message("Opening the library…")
        self.search_input.focus()
        # The last session's query comes back selected, as a browser's address bar does:
        # a key typed before the library opens starts a new query instead of extending it.
        self.search_input.select_all()
        self.call_after_refresh(self.newsread.key_order.release, "start")

    @property
    def article_state(self) -> ArticleState | None:
        """The open article's read, starred, tags and note, as last loaded."""
        return self.panes.article_state

    @property
    def _article(self) -> Article | None:
        return self.reader.article

    @property
    def _store_version(self) -> int | None:
        """The annotation store's version at the last look for other sessions' changes."""
        return self.panes._store_version

    @property
    def search_input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def results_list(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def timeline_bar(self) -> TimelineBar:
        return self.query_one(TimelineBar)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def reader(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    @property
    def reading(self) -> bool:
        """An article fills the screen (the narrow layout's second page)."""
        return self.has_class("-reading")

    def on_resize(self) -> None:
        # The breakpoint classes (and what they hide) change with the size: once restyled,
        # the focus must be on something still shown, or no key does anything.
        self.call_after_refresh(self.focus_visible)
        self._show_filters()  # as much of the bar as fits the new width

    def on_descendant_blur(self) -> None:
        # Textual blurs a widget that gets hidden, leaving the focus on nothing.
        if self.focused is None:
            self.call_after_refresh(self.focus_visible)
        self._filter_keys_moved()

    def on_descendant_focus(self) -> None:
        self._filter_keys_moved()

    def _keys_from_here(self, key: str) -> str:
        """How to press the results' `key` from where the focus is: in the search box it
        types itself, and Escape goes to the results first."""
        return f"Escape, then {key}" if self.search_input.has_focus else key

    def _filter_keys_moved(self) -> None:
        """The focus moved into or out of the search box: the filters bar's key and the
        no-hits advice name the keys that work from there."""
        typing = self.search_input.has_focus
        if typing == self._typing:
            return
        self._typing = typing
        if self.filters:
            self._show_filters()
            results = self.results
            if results is not None and not results.hits and not results.like_file:
                self._say_no_hits(results)

    def focus_visible(self) -> None:
        """Focus a shown widget if the focused one was hidden (the list while reading at 80
        columns; Textual then leaves the focus on it or on nothing)."""
        focused = self.focused
        if focused is not None and shown(focused):
            return
        for widget in (self.reader, self.results_list, self.search_input):
            if widget is not focused and widget.focusable and shown(widget):
                self.set_focus(widget)  # now: a key routed next must find it
                return

    def show_message(self, text: str) -> None:
        """A sentence above the results (empty states, "no hits"); "" hides it."""
        message = self.query_one("#results-message", Static)
        message.update(text)
        message.display = bool(text)

    # -- the library (the app's index worker reports, see `Host.index_events`) --------------

    @on(LibraryOpened)
    def _library_opened(self, message: LibraryOpened) -> None:
        self.library_ready = True
        self.indexing = True  # the app brings the index up to date next
        if message.notice:
            self.status.set_status(notice=message.notice)
        self.status.set_status(articles=message.articles)
        if message.articles:
            self.search_now()
        else:
            self._let_keys_go()
            self.show_message(_indexing_message(message.notice))

    @on(LibraryFailed)
    def _library_failed(self, message: LibraryFailed) -> None:
        reason = self.library_problem = message.reason
        self._let_keys_go()
        self.status.set_status(index="not opened", resumed=False)
        if message.folder_there:  # the index's trouble (HOME=/, a cache it may not write)
            # Not "once space is freed": HOME=/ is no full disk.
            self.show_message(f"{reason}.\n\nctrl+r tries again once that is put right.")
        else:
            self.show_message(
                f"{reason}.\n\nStart newsread with a folder of saved articles:\n  newsread PATH\n"
                "It reads .txt, .md, .html and .json files in the folder and its subfolders."
            )
        self.article_view.set_hint("")

    def _let_keys_go(self) -> None:
        """Keys typed after Enter while the library opened wait for a search that will not
        run now (the library is empty or failed to open): they go on to the list."""
        if self._focus_results:
            self._focus_results = 0
            self.newsread.key_order.release("results")

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        phase, done, total = message.progress.phase, message.progress.done, message.progress.total
        if phase in ("scanning", "reading", "committing"):
            self.indexing = True
            # A large file read in parts: the bar moves through it (minutes for an export).
            share = message.progress.share if phase == "reading" else 0.0
            self.status.set_status(index="indexing", done=done, total=total, share=share)
        if phase in ("reading", "committing"):
            self._unread = max(total - done, 0) if total else 1
        elif phase == "waiting":
            # Another newsread indexes the library: each of its commits reruns the search
            # here (`index_committed`), so the hits listed are those found so far.
            self.indexing = True
            self._unread = max(self._unread, 1)
            self.status.set_status(index="waiting for another newsread to finish indexing")
            self._update_results_title()
        if (
            phase == "reading"
            and not self.query_text
            and not (self.results and self.results.hits)
            and not self.status.status.articles  # (else they are listed once searched)
        ):
            # A new library's files are read while it is still walked: no total yet.
            so_far = f"{done:,} of {total:,} files" if total else f"{done:,} files so far"
            self.show_message(
                f"Indexing {so_far}… results appear here as soon as the first batch is saved."
            )

    @on(IndexCommitted)
    def _index_committed(self, message: IndexCommitted) -> None:
        self.index_committed(message.articles)

    def index_committed(self, articles: int) -> None:
        """A batch with `articles` in all is searchable: the search reruns."""
        self.status.set_status(articles=articles)
        if self._search_timer is not None:
            # The user is typing: the list must not change under the keys (a batch saved
            # after "h" of "harbour" showed the hits of "h"). The typed search is worked out
            # again on the new batch and shown when the pause runs out.
            self.search_now(suggest=False, hold=True)
        else:
            # The highlighted article keeps its place once the user is in the list or
            # reading; otherwise the list starts at its top, as a first search does.
            self.search_now(keep_position=self.results_list.has_focus or self.reading)
        shown = self.article_view.article
        if shown is not None:
            self._check_shown_article(self._article_generation, shown)

    @work(thread=True, exclusive=True, group="shown-article", exit_on_error=False)
    def _check_shown_article(self, generation: int, shown: Article) -> None:
        """Whether the article on screen changed in the index (its file edited, moved or
        deleted while it was open). A check that fails says nothing: the next commit checks
        again."""
        library = self.newsread.library
        if library is None:
            return
        now = library.article(shown.key)
        if now is not None and now.id != shown.id:
            # The key names another article now (one put before it in a file of several):
            # the article read is followed by its identity where it went.
            moved = _moved_to(library, shown.id, shown.key, shown.path)
            if moved:
                self.post_message(ShownArticleChanged(generation, shown.key, True, moved))
                return
            if _took_its_place(now, shown):
                now = None  # the one read is gone from its file
        if now is None:
            same = [
                article.key
                for article in library.find(shown.id)
                if article.key != shown.key
                and (article.title, article.body) == (shown.title, shown.body)
            ]
            renamed = same[0] if len(same) == 1 else _edited_in_its_file(library, shown)
            state = None if renamed else library.docs.file_state(shown.path)
            unreadable = state.reason if state is not None else ""
            self.post_message(ShownArticleChanged(generation, shown.key, True, renamed, unreadable))
        elif (now.title, now.body) != (shown.title, shown.body):
            self.post_message(ShownArticleChanged(generation, shown.key, gone=False))
        else:
            self.post_message(ShownArticleHere(generation))

    @on(ShownArticleHere)
    def _shown_article_here(self, message: ShownArticleHere) -> None:
        # Its file came back: gone again later, that is news again (it was said once and
        # never again, the text read before left on screen as if current).
        if self._said_gone == message.generation:
            self._said_gone = 0

    @on(ShownArticleChanged)
    def _shown_article_changed(self, message: ShownArticleChanged) -> None:
        if message.generation != self._article_generation:
            return
        previewed = self.wide and self.results_list.has_focus
        if (message.gone or message.renamed) and previewed and self._other_hits(message.key):
            # A preview of the highlighted hit: the search the commit reran moves the
            # highlight off a key the index no longer has, and the preview follows it. Said
            # here, "the open article" was one no longer on screen.
            return
        if message.gone and not message.renamed and previewed:
            # The only hit's preview: kept, a deleted article stood beside "No articles
            # match" as if it were a result. The list says there is none; so does the pane.
            self._article_generation += 1
            self.article_view.clear()
            return
        if message.renamed:
            # The same text under another name: reading (and highlighting) goes on there.
            if self.session.article == message.key:
                self.session.article = message.renamed
            if not (self.reader.selecting or self.reader.selected_text):
                self.open_article(message.renamed, focus=self.reader.has_focus, record=False)
            self.notify(
                f"The open article's file is now {sanitise_line(message.renamed)}", timeout=6
            )
        elif message.gone:
            if self._said_gone == message.generation:
                return
            self._said_gone = message.generation
            # A file emptied or turned to junk in place is still there: "moved or deleted"
            # sent the user looking for it where it was.
            happened = (
                f"can no longer be read ({sanitise_line(message.unreadable)}):"
                if message.unreadable
                else "was moved or deleted:"
            )
            self.notify(
                f"The open article's file {happened} this is the text read before",
                severity="warning",
                timeout=8,
            )
        elif self.reader.selecting or self.reader.selected_text:
            self.notify(
                "The open article's file changed: open it again to see the new text", timeout=8
            )
        else:
            # Its highlights are anchored again in the new text as it opens.
            self.open_article(message.key, focus=self.reader.has_focus, record=False)
            self.notify("The open article's file changed: this is its new text", timeout=6)

    def _other_hits(self, key: str) -> bool:
        """Whether the list holds a hit other than `key`'s, for its highlight to move to."""
        return any(listed != key for listed in self.results_list.keys)

    @on(IndexFinished)
    def _index_finished(self, message: IndexFinished) -> None:
        summary = message.summary
        articles, skipped = summary.total_articles, summary.skipped_said()
        cancelled = summary.cancelled
        self.indexing = False
        self._unread = 0
        self._update_results_title()  # the hits are no longer "so far"
        state = "indexing stopped" if cancelled else "up to date"
        if skipped:
            state += f" ({skipped} skipped)"
        self.status.set_status(index=state, articles=articles, done=0, total=0, resumed=False)
        self._drop_read_only_notice()
        self._say_unreadable_still_listed()
        if articles == 0:
            self.results_list.clear_results()
            root = self.newsread.root
            self.show_message(
                f"No articles in {root} yet.\n\nSave news articles there (.txt, .md, .html, "
                ".json): they show up here within seconds (ctrl+r looks at once). Or open "
                "another folder:\n  newsread PATH"
                + (f"\n\n{skipped} could not be read." if skipped else "")
                + (
                    f"\n\nPassed over: {sanitise_line(other)}."
                    if (other := summary.other_kinds_said())
                    else ""
                )
            )
        elif self._searched is None:  # nothing asked for yet (the library started empty)
            self.search_now()
        elif self.results is not None and not self.results.hits:
            self.search_now(keep_position=True)  # "no match" is only true now
        elif summary.reread and self.results_list.rows:
            # The update's last step gives the annotations of a file moved and changed to
            # its new article: the marks listed were read before it (no ✎ on that hit).
            self.panes.results_shown(list(self.results_list.rows.values()), new=False)
        if summary.reread:
            # The open article's too, if it is one of them, followed to it before that step
            # (it showed "0 highlights" until opened again). In its own process the update is
            # another session's commit to the store; in this one the store's watch sees none.
            self.panes.post_message(self.panes.StoreChanged())
        if self._restore_article and self.results is not None:
            # The last session's article, put off until the index was up to date (before the
            # first results it is still to be opened with them, its matches marked): a
            # search rerun by a commit looks again, but the last commit's may have come
            # before the end. Looked for now, it opens or is said to be gone.
            key, self._restore_article = self._restore_article, ""
            if not self._keys_since_restore():
                self.open_article(key, focus=True, record=True, restoring=True)

    def _drop_read_only_notice(self) -> None:
        """An update has just written the index: the notice that it is searched without
        updating (a disk full when the library opened, freed since) is no longer true."""
        library = self.newsread.library
        said = library.read_only_notice if library is not None else ""
        notice = self.status.status.notice
        if said and said in notice:
            rest = notice.replace(said, "", 1).strip().removeprefix(";").strip()
            self.status.set_status(notice=rest)

    @on(IndexFailed)
    def _index_failed(self) -> None:
        self.indexing = False
        self._unread = 0
        self._update_results_title()
        self.status.set_status(index="not updated", done=0, total=0, resumed=False)
        self._say_unreadable_still_listed()
        if self.results is None and self._searched is None:
            self.search_now()  # what the index already holds is still searchable

    # -- searching -------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        value: str = self.search_input.value
        return value.strip()

    def search_now(
        self, *, keep_position: bool = False, suggest: bool = True, hold: bool = False
    ) -> None:
        """Search for what the box says, with the current sort and filters.

        `suggest=False` while the user types: no "did you mean" for half-typed words.
        `hold=True` keeps its answers until `_search_if_changed` shows them (see `_held`).
        """
        if not hold:
            self._stop_typing_timers()
        self._held, self._held_messages = 0, []
        self._show_filters()
        if not self.library_ready:
            return
        self._generation += 1
        # While indexing, a word may be missing only because its articles are not in yet.
        suggest = suggest and not self.indexing
        query = self.query_text
        self.period.searched(query, self.filters)
        self._searched = (query, self.sort, tuple(sorted(self.filters.items())), self.like)
        self._unfinished = self._generation
        if hold:
            self._held = self._generation
        self._run_search(
            self._generation,
            query,
            self.sort,
            dict(self.filters),
            keep_position,
            suggest,
            self.like,
            self.like_read,
        )

    @work(thread=True, exclusive=True, group="search")
    def _run_search(
        self,
        generation: int,
        query: str,
        sort: str,
        filters: dict[str, str],
        refresh: bool,
        suggest: bool,
        like: str = "",
        like_read: tuple[str, str] = ("", ""),
    ) -> None:
        from newsread.index import NothingToSearch, QueryError, SearchCancelled

        worker = get_current_worker()

        def cancelled() -> bool:
            # A newer search, or a keystroke (see `_query_changed`), cancels this one.
            return worker.is_cancelled or generation != self._generation

        library = self.newsread.library
        if library is None or cancelled():
            return  # searches start only once the library is open
        try:
            if like:  # one step: "more like this" ranks a few articles, it counts nothing
                like = _like_key(library, like, like_read)
                results = library.similar(like, sort=sort, filters=filters, limit=PAGE)
                results = replace(results, hits=self._readable(library, results.hits))
                self.post_message(SearchDone(generation, results, refresh))
                self.post_message(SearchCounted(generation, results))
                return
            with library.begin_search(
                query,
                sort=sort,
                filters=filters,
                limit=PAGE,
                suggest=suggest,
                fold=True,
                cancelled=cancelled,
            ) as running:
                top = running.top()
                top = replace(top, hits=self._readable(library, top.hits))
                self.post_message(SearchDone(generation, top, refresh))
                counts = running.counts()
                counts = replace(counts, hits=self._readable(library, counts.hits))
                self.post_message(SearchCounted(generation, counts))
        except SearchCancelled:
            return  # its answer is no longer wanted: stop here, post nothing
        except NothingToSearch as error:
            self.post_message(SearchFailed(generation, query, str(error), matches_nothing=True))
        except QueryError as error:
            self.post_message(SearchFailed(generation, query, str(error)))
        except Exception as error:  # noqa: BLE001 - any failure is shown, the UI carries on
            self.post_message(SearchFailed(generation, query, f"search failed: {error}"))

    def _kept_for_later(self, message: SearchDone | SearchCounted | SearchFailed) -> bool:
        """Whether `message` answers the current search started early, and waits (kept)."""
        if message.generation != self._held:
            return False
        self._held_messages.append(message)
        return True

    def _show_held(self) -> None:
        """Show what the search started early has answered so far; the rest as it comes."""
        messages, self._held, self._held_messages = self._held_messages, 0, []
        for message in messages:
            if isinstance(message, SearchDone):
                self._search_done(message)
            elif isinstance(message, SearchCounted):
                self._search_counted(message)
            else:
                self._search_failed(message)

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.generation != self._generation or self._kept_for_later(message):
            return
        if message.generation == self._adopted:
            self._adopted = 0
            if not message.results.hits:  # Enter looks for a "did you mean": search again
                self.search_now()
                return
        # (a later generation: a commit reran the search meanwhile)
        if self._focus_results and self._focus_results <= message.generation:
            if message.results.hits or message.results.counted:
                self._focus_after_enter(message.results)
            # else whether a "did you mean" is listed comes with the counts: decided then
        results = message.results
        self.results = results
        self.query_one(SearchBar).show_error("")
        generation, key, row, read = self._return_to
        back: tuple[str | None, int | None] | None = (
            (key, row) if generation == message.generation else None
        )
        if self._restore_row is not None and not message.refresh:
            # The last session's list: on its hit (the open article's, when listed).
            if results.query == self._restore_query and not self._keys_since_restore():
                back = back or (self._restore_article or None, self._restore_row)
            self._restore_row = None
        if self._searched is not None:
            query, sort, filters, like = self._searched
            self._listed = Place(query, sort, filters, like=like)
        self.results_list.show_results(
            results, keep_highlight=message.refresh, highlight=back, read=read
        )
        self.newsread.key_order.release("list")  # (held for this list, if at all)
        if results.counted or not results.hits:
            # Else the timeline comes with the counts (`_search_counted`); the line keeps
            # its place meanwhile rather than the list jumping up and back on each key.
            self.show_timeline(results.timeline)
        self.panes.results_shown(results.hits)
        self._update_results_title()
        self._show_counts(results)
        if not self.like:  # a "like" list is not a query to start with next time
            self.session.query, self.session.sort = results.query, self.sort
            self.session.filters = dict(self.filters)
        if results.like_file:  # the list is like text the file no longer holds
            self.show_message(
                f"This article's file was {results.like_file} since it was indexed: the list is "
                "like the text indexed then."
            )
        elif results.hits:
            # The status line may cut it off at 80 columns; a partial answer must be said.
            self.show_message(
                f"Results may be incomplete: {results.limited}" if results.limited else ""
            )
        else:
            self._say_no_hits(results)
        if self._restore_article:
            key, self._restore_article = self._restore_article, ""
            # Not if the user has typed another query, or pressed any key, meanwhile: the
            # screen is theirs.
            if results.query == self._restore_query and not self._keys_since_restore():
                self.open_article(key, focus=True, record=True, restoring=True)

    def _say_no_hits(self, results: SearchResults) -> None:
        """Why nothing is listed (a suggestion, when one came, is listed under it)."""
        if results.suggestion:
            self.show_message(f"No articles match “{results.query}”.")
        elif self.indexing and not results.query:
            self.show_message("Indexing… results appear here as soon as the first batch is saved.")
        elif self.indexing:
            self.show_message(
                f"Nothing matches “{results.query}” yet: indexing goes on, and this search "
                "runs again as articles come in."
            )
        elif self.like:
            self.show_message(
                "No other article is like this one"
                + (
                    f" with these filters; {self._keys_from_here('f')} changes them."
                    if self.filters
                    else "."
                )
                + " [ goes back."
            )
        elif results.period_only:
            self.show_message(
                f"No articles match “{results.query}”: {period_only_note(results.period_only)}"
            )
        elif self.filters:
            self.show_message(
                f"No articles match “{results.query}” with these filters; "
                f"{self._keys_from_here('f')} changes them."
            )
        elif not results.counted:  # a "did you mean" may come with the counts: no advice yet
            self.show_message(f"No articles match “{results.query}”.")
        else:
            self.show_message(
                f"No articles match “{results.query}”. Try fewer words, a prefix (harb*) "
                "or a fuzzy word (harbuor~)."
            )

    @on(SearchCounted)
    def _search_counted(self, message: SearchCounted) -> None:
        if (
            message.generation != self._generation
            or self._kept_for_later(message)
            or self.results is None
        ):
            return
        self._unfinished = 0
        self.results = message.results
        if self._focus_results and self._focus_results <= message.generation:
            self._focus_after_enter(message.results)
        self._show_filters()  # the folder sources come with the counts
        self.results_list.show_counts(message.results)
        self.show_timeline(message.results.timeline)
        self._update_results_title()
        self._show_counts(message.results)
        if not message.results.hits and not message.results.like_file:
            self._say_no_hits(message.results)

    def _focus_after_enter(self, results: SearchResults) -> None:
        """The results of Enter's search take the focus from the box, where there is
        something in the list to act on (a hit, a "did you mean"), and the keys typed since
        wait for it (`j` goes down the list). Not on an empty list: the letters typed next
        (a query mended) were lost there. Nor once the wait ran out and the user went on in
        the box (a key that moved its cursor): the next letters went to the list."""
        self._focus_results = 0
        keys = self.newsread.key_order
        found = results.hits or results.suggestion
        if found and (keys.holds("results") or keys.pressed == self._pressed_at_enter):
            self.set_reading(False)
            self.results_list.focus()
        keys.release("results")

    def _show_counts(self, results: SearchResults) -> None:
        self.status.set_status(
            hits=results.total,
            elapsed=results.elapsed,
            limited=results.limited,
            counting=not results.counted,
        )

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        if message.generation != self._generation or self._kept_for_later(message):
            return
        self._unfinished = 0
        self._focus_results = 0
        self.newsread.key_order.release("results")  # the focus stays in the box
        self.newsread.key_order.release("list")
        if self.like:  # nothing like it (or it is gone): say so, and stay where we were
            self.notify(message.error, severity="warning", timeout=5)
            self._go(self.navigation.back(), "")
            return
        self.query_one(SearchBar).show_error(message.error)
        if message.matches_nothing:
            from newsread.index import SearchResults

            self.results = SearchResults(query=message.query, sort=self.sort, total=0, hits=())
            self.results_list.show_results(self.results)
            self.show_timeline(None)
            self._update_results_title()
            self.status.set_status(hits=0, elapsed=0.0, limited="", counting=False)
            self.show_message("")

    def show_timeline(self, timeline: Timeline | None) -> None:
        """The hits over time above the list (hidden when no hit has a date)."""
        self.timeline_bar.show(timeline)
        if self.timeline_bar.has_focus and not self.timeline_bar.has_buckets:
            self.results_list.focus()

    @on(TimelineBar.PeriodChosen)
    def _period_chosen(self, message: TimelineBar.PeriodChosen) -> None:
        self.results_list.focus()
        if self.filters.get("date") != message.period:
            self.filters = {**self.filters, "date": message.period}
            self._search_again()

    @on(TimelineBar.Left)
    def _timeline_left(self) -> None:
        self.results_list.focus()

    def _update_results_title(self) -> None:
        results = self.results
        if results is None:
            return
        orders: tuple[str, ...] = (SORT_LABELS.get(results.sort, results.sort), results.sort)
        row = self.results_list.highlighted_row
        rows = self.results_list.total
        like = ""
        if self.like:  # "like: Putin, Macron meet…" says what the list is
            like = clip(results.query, LIKE_TITLE)
            orders = () if results.sort == "relevance" else orders
        # The box, emptied for a "like" list, says what the list is, as the title does.
        self.search_input.placeholder = f"{like} · [ goes back" if like else HINT
        at = f"{row + 1:,} of " if row is not None and row < rows else ""
        counts: tuple[str, ...]
        if not results.counted and results.hits:
            counts = (f"{at}counting…",)
        elif results.folded and results.stories != results.total and results.hits:
            # Folded: a row per story. "3 of 97 stories · 124 articles" (numbers first, and
            # the articles dropped first when narrow).
            stories = f"{at}{rows:,} {'story' if rows == 1 else 'stories'}"
            counts = (f"{stories} · {results.total:,} articles", stories)
        elif results.total and at:
            counts = (f"{at}{results.total:,}",)
        else:
            counts = (f"{results.total:,} result{'s' if results.total != 1 else ''}",)
        if self.indexing and self._unread and results.counted:
            # Files still to read may hold more: "3 of 40 so far", not a total to rely on.
            counts = tuple(f"{count} so far" for count in counts)
        self.results_list.show_title(ListTitle(counts, like, orders))

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        filters, said = self.period.typed(event.value.strip(), self.filters)
        if filters != self.filters:
            self.filters = filters
            self._show_filters()
        if said:
            self.notify(said, timeout=6, markup=False)
        if self._focus_results:
            # Enter's results were to take the focus, but their wait ran out (`HOLD_LIMIT`)
            # and the user typed on: the answer to what is typed now must not pull the focus
            # from under the keys (the rest of the query went to the list, `s` sorted).
            self._focus_results = 0
            self.newsread.key_order.release("results")
        if self._unfinished:
            # The search still running answers what is no longer typed: stop it now, not
            # when the next one starts, and search again after the pause even if the box
            # comes back to the same text. Its answers already on their way are dropped
            # (a new generation): under load one came in after the key and was shown, the
            # hits of "ha" under the keys of "harbour".
            self.workers.cancel_group(self, "search")
            self._unfinished = 0
            self._searched = None
            self._generation += 1
        self._held, self._held_messages = 0, []
        self._stop_typing_timers()
        self._early_timer = self.set_timer(EARLY_DELAY, self._search_early)
        self._search_timer = self.set_timer(SEARCH_DELAY, self._search_if_changed)

    def _stop_typing_timers(self) -> None:
        for timer in (self._search_timer, self._early_timer):
            if timer is not None:
                timer.stop()
        self._search_timer = self._early_timer = None

    def _typed_search(self) -> tuple[str, str, tuple[tuple[str, str], ...], str]:
        """What searching for the box's text now searches (typing asks for the query's
        results, not "more like this")."""
        return (self.query_text, self.sort, tuple(sorted(self.filters.items())), "")

    def _search_early(self) -> None:
        """Start the typed search before its results may be shown (`EARLY_DELAY`)."""
        self._early_timer = None
        if self._searched != self._typed_search():
            self.like = ""
            self.search_now(suggest=False, hold=True)

    def _search_if_changed(self) -> None:
        self._stop_typing_timers()  # the early one too, when a busy loop ran both late
        self.like = ""  # typing asks for the query's results again
        if self._searched != self._typed_search():
            self.search_now(suggest=False)
        elif self._held:
            self._show_held()

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The search typed so far may already be on screen, counted, with hits (a search
        # without hits runs again: Enter looks for a "did you mean").
        self.like = ""
        failed = any(isinstance(message, SearchFailed) for message in self._held_messages)
        adopted = self._adopt_early_search()
        shown = (
            (adopted or (self._searched == self._typed_search() and not self._unfinished))
            and self.results is not None
            and self.results.query == self.query_text  # not an earlier query's, kept
            and bool(self.results.hits)  # results (a bad query keeps them on screen)
        )
        if not shown and not adopted:
            self.search_now()
        self.newsread.session.add_query(self.query_text)
        self.recall.reset()
        self._visit()
        # Focus moves to the results once they are in: restyling and redrawing the screen
        # meanwhile would take the CPU (and the GIL) from the search, doubling its time. A
        # query that fails keeps the focus in the box, where its error is shown.
        # Keys typed meanwhile wait for the focus to move (`j` goes down the list).
        if adopted and failed:
            pass  # its error is on screen now: the focus stays in the box, with it
        elif self.library_ready and not shown:
            self._focus_results = self._generation
            self._pressed_at_enter = self.newsread.key_order.pressed
            self.newsread.key_order.hold("results")
        elif not self.library_ready:
            # It runs once the library is open (the next search): keys typed meanwhile (a
            # second Enter opening the first hit) wait for its results on the list, however
            # long the opening takes (seconds on a big library or a loaded server: a second
            # Enter let go after `HOLD_LIMIT` went to the empty list). Released by the results,
            # a failed search, or an opening that runs no search.
            self._focus_results = self._generation + 1
            self._pressed_at_enter = self.newsread.key_order.pressed
            self.set_reading(False)
            self.results_list.focus()
            self.newsread.key_order.hold("results", STORE_HOLD_LIMIT)
        else:  # nothing to wait for
            self.set_reading(False)
            self.results_list.focus()

    def _adopt_early_search(self) -> bool:
        """Whether the search started early for the query in the box answers Enter: shown
        now or as it comes, not started again. Not when there is none, or when it found
        nothing: Enter searches again for a "did you mean"."""
        if not self._held or self._searched != self._typed_search():
            return False
        done = [m for m in self._held_messages if isinstance(m, SearchDone)]
        if done and not done[0].results.hits:
            return False
        self._stop_typing_timers()
        self._adopted = self._generation
        self._show_held()
        return True

    @on(SearchInput.LeaveDown)
    def _leave_search(self) -> None:
        if self.reading and not self.wide:
            self.reader.focus()
        else:
            self.results_list.focus()
        self.newsread.key_order.release("leave")  # held by the box's Escape or Down

    @on(ResultsList.PageWanted)
    def _page_wanted(self, message: ResultsList.PageWanted) -> None:
        if self._searched is not None and self.library_ready:
            query, sort, filters, like = self._searched
            self._load_page(
                self._generation, query, sort, dict(filters), message.offset, like, self.like_read
            )

    @work(thread=True, group="pages")
    def _load_page(
        self,
        generation: int,
        query: str,
        sort: str,
        filters: dict[str, str],
        offset: int,
        like: str = "",
        like_read: tuple[str, str] = ("", ""),
    ) -> None:
        library = self.newsread.library
        if generation != self._generation or library is None:
            return
        try:
            if like:
                similar = library.similar(
                    _like_key(library, like, like_read),
                    sort=sort,
                    filters=filters,
                    limit=PAGE,
                    offset=offset,
                    facets=False,
                )
                self.post_message(
                    PageLoaded(generation, offset, self._readable(library, similar.hits))
                )
                return
            results = library.search(
                query,
                sort=sort,
                filters=filters,
                limit=PAGE,
                offset=offset,
                facets=False,
                suggest=False,
                fold=True,
            )
        except Exception:  # noqa: BLE001 - the first page said what is wrong; rows stay "…"
            return
        self.post_message(PageLoaded(generation, offset, self._readable(library, results.hits)))

    def _readable(self, library: Library, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
        """`hits` (a page: a stat and an open each, in the worker) without the snippets of
        those whose file the user may no longer read (`_readable_only`); the first time such
        files are listed, a notice says how many and why (once the update running ends: it
        may drop them, `_say_unreadable_still_listed`)."""
        shut = library.unreadable(hit.path for hit in hits)
        new = shut - self._said_unreadable
        if new and self.indexing:
            self._unreadable_later |= new
        elif new:
            self._said_unreadable |= new
            self.app.call_from_thread(self._say_unreadable, len(new))
        return _readable_only(hits, shut)

    def _say_unreadable(self, n: int) -> None:
        """Say that `n` hits listed are of files the user may no longer read."""
        self.notify(
            f"{n} {'hit' if n == 1 else 'hits'} listed: you may no longer read "
            f"{'its file' if n == 1 else 'their files'} (permission denied), so "
            f"{'its' if n == 1 else 'their'} text is not shown; the index and your notes "
            f"keep {'it' if n == 1 else 'them'} for when you may again",
            severity="warning",
            timeout=8,
        )

    @work(thread=True, group="unreadable-said", exit_on_error=False)
    def _say_unreadable_still_listed(self) -> None:
        """The update has ended: the unreadable files listed while it ran that the index
        still holds (it kept them: unchanged, or it failed), listed again, are said; those it
        dropped are listed no more and are not. In a worker (the index is read)."""
        later, self._unreadable_later = self._unreadable_later, set()
        library = self.newsread.library
        if library is None or not later:
            return
        kept = set()
        for path in later - self._said_unreadable:
            state = library.docs.file_state(path)
            if state is not None and not state.reason:
                kept.add(path)
        if kept:
            self._said_unreadable |= kept
            self.app.call_from_thread(self._say_unreadable, len(kept))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        if message.generation == self._generation:
            self.results_list.add_page(message.offset, message.hits)
            self.panes.results_shown(message.hits, new=False)

    @on(ResultsList.SuggestionAccepted)
    def _accept_suggestion(self, message: ResultsList.SuggestionAccepted) -> None:
        self.like = ""
        self.search_input.value = message.query
        self.search_now()
        self.newsread.session.add_query(message.query)
        self._visit()
        self.results_list.focus()

    def _place(self, article: str = "") -> Place:
        """Where the screen is: its search, and `article`; with the hit its list is on."""
        filters = tuple(sorted(self.filters.items()))
        place = Place(
            self.query_text, self.sort, filters, article, self.like, like_read=self.like_read
        )
        if replace(place, article="") != self._listed:
            return place  # the list shown is another search's (typed ahead)
        listed = self.results_list
        key = listed.highlighted_key or ""
        return replace(
            place, highlight=key, row=listed.highlighted_row, highlight_read=listed.read_of(key)
        )

    def _visit(self, article: str = "") -> None:
        self.navigation.visit(self._place(article))

    # -- articles --------------------------------------------------------------------------

    @on(ResultsList.Opened)
    @on(AnnotatingPanes.ArticleWanted)
    def _opened(self, message: ResultsList.Opened | AnnotatingPanes.ArticleWanted) -> None:
        self.open_article(message.key, focus=True, record=True)

    @on(ResultsList.Highlighted)
    def _highlighted(self, message: ResultsList.Highlighted) -> None:
        self._update_results_title()
        key = message.key or ""
        self.navigation.highlighted(self._listed, key, message.row, self.results_list.read_of(key))
        if not self.like:
            self.session.row = message.row
        if not self.wide or not self.results_list.has_focus or message.key is None:
            return
        self._cancel_preview()
        key = message.key
        if self.article_view.article is not None and self.article_view.article.key == key:
            return
        self._preview_timer = self.set_timer(
            PREVIEW_DELAY, partial(self._preview_due, key, self._previews, self._article_generation)
        )

    def _cancel_preview(self) -> None:
        """No preview asked for so far is shown, even one whose timer has already run out
        (Textual then has its call queued, which stopping the timer does not take back)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        self._previews += 1

    def _preview_due(self, key: str, preview: int, generation: int) -> None:
        """The highlighted hit's preview, beside the list: not if another preview was asked
        for or cancelled since, nor if an article was opened meanwhile. (Under load a preview
        came due as Enter opened the same hit: it replaced the open, unfocused, so the
        reader did not take the keys and a narrow screen went on showing the list.)"""
        if preview != self._previews:
            return
        self._preview_timer = None
        if generation == self._article_generation:
            self.open_article(key, focus=False, record=False)

    def _keys_since_restore(self) -> bool:
        return self.newsread.key_order.pressed != self._restore_keys

    def open_article(
        self,
        key: str,
        *,
        focus: bool,
        record: bool,
        restoring: bool = False,
        read: tuple[str, str] = ("", ""),
    ) -> None:
        """Show `key`'s article; with `focus`, go to it. `restoring`: the last session's
        article, which keys pressed before it is in call off (it does not hold them). `read`:
        the id and title of the article read there before, to find it by if the key names
        another one now."""
        if focus:  # a preview due after this Enter would replace (and unfocus) what it opens
            self._cancel_preview()
        self.remember_position()
        if record:
            current = self.navigation.current
            if current is None or (current.query, current.like) != (self.query_text, self.like):
                self._visit()
            self._visit(key)
        self._article_generation += 1
        self._restoring = self._article_generation if restoring else 0
        if focus and not restoring:  # keys typed meanwhile are for the article (n, o, y…)
            self.newsread.key_order.hold("article", STORE_HOLD_LIMIT)
        terms = self.results.terms if self.results else frozenset()
        phrases = (self.results.phrases, self.results.phrase_words) if self.results else None
        if self.status.status.opening:
            self.status.set_status(opening="")  # a newer open: that one is dropped
        # The last session's article may have been renamed since: its id finds it, or if it
        # was edited too (a new id), its title.
        also = read
        if restoring and key == self.session.article:
            also = (self.session.article_id, self.session.article_title)
        self._load_article(self._article_generation, key, terms, phrases, focus, also)

    @work(thread=True, exclusive=True, group="article")
    def _load_article(
        self,
        generation: int,
        key: str,
        terms: frozenset[str],
        phrases: tuple[tuple[tuple[str, ...], ...], frozenset[str]] | None,
        focus: bool,
        also: tuple[str, str] = ("", ""),
    ) -> None:
        """Load `key`'s article, else the one article whose id is `also[0]`, else the one
        whose title is `also[1]`; `phrases`: the query's phrases and the words searched only
        in them (see `highlight_spans`)."""
        from newsread.index import highlight_spans

        library = self.newsread.library
        try:
            article = library.article(key) if library is not None else None
            if article is not None and library is not None and library.unreadable([article.path]):
                shut = f"{article.path}: {NOT_READABLE}; the index keeps it for when you may again"
                self.post_message(ArticleLoaded(generation, None, key, [], [], focus, error=shut))
                return
            gone = None
            if article is not None and library is not None and not library.has_file(article.path):
                gone, article = article, None
            also_id, also_title = also
            if article is not None and library is not None and also_id not in ("", article.id):
                # The key names another article now (one put before it in a file of
                # several): the one read is found by its id, when the library has it.
                moved = _moved_to(library, also_id, key, article.path)
                if moved:
                    article = library.article(moved)
                    key = moved
                elif "#" in key and also_title.strip() and article.title != also_title:
                    article = None  # taken out of its file: its place holds another one
            if article is None and library is not None and (also_id or also_title.strip()):
                found = (
                    [a for a in library.find(also_id) if library.has_file(a.path)]
                    if also_id
                    else []
                )
                if not found and also_title.strip():
                    found = [a for a in library.titled(also_title) if library.has_file(a.path)]
                if len(found) == 1:
                    article = found[0]
                    key = article.key
            if article is None and gone is not None:
                self.post_message(ArticleLoaded(generation, None, key, [], [], focus, gone.path))
                return
            file = key.split("#", 1)[0]  # of a file of several: `feed.json#2`
            if article is None and library is not None and library.unreadable({key, file}):
                # Dropped by the update as the user may no longer read it (a highlight's
                # article, opened from the highlights view): not "no longer in the library".
                shut = f"{file}: you may no longer read its file (permission denied), and the "
                shut += "update left it out of the index"
                self.post_message(ArticleLoaded(generation, None, key, [], [], focus, error=shut))
                return
            if article is not None and len(article.body) >= BIG_ARTICLE:
                self.post_message(ArticleOpening(generation, article.title, len(article.body)))
                if get_current_worker().is_cancelled:
                    return  # another article was opened meanwhile: spare its matches
            spans: list[tuple[int, int]] = []
            title_spans: list[tuple[int, int]] = []
            versions: tuple[Version, ...] = ()
            marks_from: MarksFrom | None = None
            if article is not None and library is not None:
                only, words = phrases or ((), frozenset())
                spans = highlight_spans(article.body, terms, only, words, FIND_LIMIT, joined=True)
                if len(spans) >= FIND_LIMIT:  # more past them: marked from where the reader is
                    marks_from = _marks_from(article.body, terms, only, words)
                title = header_lines(article)[0][0]
                title_spans = highlight_spans(title, terms, only, words, joined=True)
                versions = tuple(library.versions(key))
        except Exception as error:  # noqa: BLE001 - said on screen; the app carries on
            self.post_message(ArticleLoaded(generation, None, key, [], [], focus, error=f"{error}"))
            return
        self.post_message(
            ArticleLoaded(
                generation,
                article,
                key,
                spans,
                title_spans,
                focus,
                versions=versions,
                marks_from=marks_from,
            )
        )

    @on(ArticleOpening)
    def _article_opening(self, message: ArticleOpening) -> None:
        if message.generation != self._article_generation:
            return
        title = sanitise_line(message.title) or "the article"
        self.status.set_status(opening=f"“{title}” ({message.size / 1e6:.0f} MB)")
        # Keys typed meanwhile work where they are (a newer selection drops this one),
        # rather than wait seconds for the article.
        self.newsread.key_order.release("article")

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.generation != self._article_generation:
            return
        if self.status.status.opening:
            self.status.set_status(opening="")
        restoring = message.generation == self._restoring
        if restoring:
            self._restoring = 0
            if self._keys_since_restore():
                return  # the user has moved on while it loaded: their focus stays
        if message.focus:
            self.call_after_refresh(self.newsread.key_order.release, "article")
        if message.article is None:
            if message.error:
                self.notify(
                    f"The article could not be read: {message.error}", severity="error", timeout=8
                )
            elif message.deleted and not (restoring and self.indexing):
                self.notify(
                    f"{message.deleted} was deleted from the library folder; ctrl+r updates "
                    "the index",
                    severity="warning",
                    timeout=6,
                )
            elif self.indexing and message.focus:
                self._restore_article = message.key  # not indexed yet: try after a commit
                self._restore_keys = self.newsread.key_order.pressed
            else:
                self.notify("That article is no longer in the library", severity="warning")
            return
        article = message.article
        position = self.session.position_of(message.key, article.id, article.title)
        if position is None and restoring and message.key != self.session.article:
            # Found under its new name: where the reader was in it under the old one.
            position = self.session.positions.get(self.session.article)
        self.article_view.show(
            message.article, message.spans, position, message.title_spans, message.marks_from
        )
        self.article_view.show_versions(message.versions)
        self.panes.article_shown(message.article, opened=message.focus)
        if message.focus:
            self.session.article = message.key
            self.session.article_id = message.article.id
            self.session.article_title = message.article.title
            self.navigation.shown(message.key, message.article.id, message.article.title)
            self.set_reading(True)
            self.reader.focus()
            self.newsread.save_soon()
        if restoring and self.session.notes:
            self.panes.show_notes()  # as it was when the last session closed

    @on(AnnotatingPanes.NotesToggled)
    def _notes_toggled(self, message: AnnotatingPanes.NotesToggled) -> None:
        self.session.notes = message.shown
        self.newsread.save_soon()

    def remember_position(self) -> None:
        article = self.article_view.article
        if article is not None:
            self.session.remember(article.key, self.reader.position, article.id, article.title)

    def set_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    @on(ReadingPane.Closed)
    def _close_article(self) -> None:
        self.action_close_article()

    @on(ReadingPane.OpenUrl)
    def _open_url(self, message: ReadingPane.OpenUrl) -> None:
        self.newsread.open_in_browser(message.url)

    # -- actions (also the command palette's) ----------------------------------------------

    def action_focus_search(self) -> None:
        search = self.search_input
        search.focus()
        search.select_all()

    def action_back_to_search(self) -> None:
        """Escape from the list: back to the query as it is, the cursor at its end.

        `/` selects the query, so that typing starts a new one; after Escape the next letter
        (often a key meant for the list) would have replaced the query unseen."""
        search = self.search_input
        search.focus()
        search.cursor_position = len(search.value)

    def action_focus_timeline(self) -> None:
        bar = self.timeline_bar
        # The reason that holds whatever the hits first; then whether the bar is this
        # search's (its timeline comes with the counts: until then it is none, or the last
        # search's).
        if self.has_class("-short"):
            self.notify("The timeline needs a taller terminal", timeout=2)
            return
        if self._unfinished or (self.results is not None and not self.results.counted):
            self.notify("Still counting the hits over time; T again in a moment", timeout=2)
            return
        if not bar.has_buckets:
            self.notify("No dated hits to show over time", timeout=2)
            return
        self.set_reading(False)
        bar.focus()

    def action_close_article(self) -> None:
        self.remember_position()
        self.session.article = ""
        self.set_reading(False)
        self.results_list.focus()

    def action_open_article(self) -> None:
        key = self.results_list.highlighted_key
        if key:
            self.open_article(key, focus=True, record=True)

    def action_more_like_this(self) -> None:
        """The articles like the one being read, else the highlighted result, in the list."""
        article = self.article_view.article
        reading = article is not None and (self.reader.has_focus or self.reading)
        key = article.key if reading and article is not None else self.results_list.highlighted_key
        key = key or (article.key if article is not None else None)
        if not key:
            self.notify("Highlight a result or open an article first", timeout=2)
            return
        if not self.library_ready:
            self.notify("The library is still opening; try again in a moment", timeout=2)
            return
        self.remember_position()
        current = self.navigation.current
        if current is None or (current.query, current.like) != (self.query_text, self.like):
            self._visit()  # so [ comes back to the list as it was
        self.like = key
        self.like_read = self._read_of(key)
        # The list is no longer the query's: the box keeps no query that disagrees with it
        # (`[` brings the query back with its list; typing starts a new search).
        with self.search_input.prevent(Input.Changed):
            self.search_input.value = ""
        self.search_now()
        self._visit()
        self.session.article = ""
        # The list takes the focus when the answer is in (as after Enter in the search box);
        # keys typed meanwhile (`Lj`) wait for it.
        self._focus_results = self._generation
        self.newsread.key_order.hold("results")

    def _read_of(self, key: str) -> tuple[str, str]:
        """The id and title of the article `key` as shown (open, or a hit listed), if it is."""
        article = self.article_view.article
        if article is not None and article.key == key:
            return article.id, article.title
        hits = self.results_list.rows.values()
        hit = next((hit for hit in hits if hit.key == key), None)
        if hit is not None:
            return hit.id, hit.title
        # A story's other version, listed under its hit (`V`).
        version = next((v for hit in hits for v in hit.others if v.key == key), None)
        return (version.id, version.title) if version is not None else ("", "")

    def action_toggle_sort(self) -> None:
        results = self.results
        if results is not None and not results.terms and not self.like:
            # No words to rank by (every article listed, a filter or tag alone): the list is
            # by date whatever is asked. `s` said "Sorted by newest" over the same list, and
            # then "Sorted by relevance" over a list newest first: it goes between the two.
            self.sort = "newest" if results.sort == "oldest" else "oldest"
        else:
            self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._search_again()
        self.notify(f"Sorted by {self.sort}", timeout=2)

    def action_filters(self) -> None:
        from newsread.tui.screens.facets import FacetScreen

        if self.results is not None and not self.results.counted:
            self.notify("Still counting the results; f again in a moment", timeout=2)
            return
        facets = self.results.facets if self.results else {}

        def chosen(filters: dict[str, str] | None) -> None:
            if filters is None or filters == self.filters:
                return
            self.filters = filters
            self._show_filters()
            # The dialog goes and the filter shows before the search starts: under load its
            # thread competed with the repaint, and the dialog stayed ~3 s with no change.
            self.newsread.key_order.hold("list")
            self.call_after_refresh(self._search_again)

        folders = self.results.folder_sources if self.results else frozenset()
        self.app.push_screen(FacetScreen(facets, self.filters, folders), chosen)

    def action_clear_filters(self) -> None:
        if self.filters:
            self.filters = {}
            self._search_again()

    def action_remove_filter(self, number: int) -> None:
        """Remove the `number`th filter the filters bar shows."""
        names = sorted(self.filters)
        if 1 <= number <= len(names):
            self.filters = {k: v for k, v in self.filters.items() if k != names[number - 1]}
            self._search_again()

    def _search_again(self) -> None:
        """The same query in another sort or with other filters: the list stays on the hit
        it was on when that hit is in the new list's first page (else on the first hit)."""
        key = self.results_list.highlighted_key
        self.search_now()
        if key:
            self._return_to = (self._generation, key, None, self.results_list.read_of(key))
        self._visit()
        # Keys typed meanwhile (`sG`) are for the new list: they wait for it.
        self.newsread.key_order.hold("list")

    def _show_filters(self) -> None:
        """The active filters above the list, numbered as 1, 2, 3 remove them."""
        bar = self.query_one("#filters-bar", Static)
        bar.display = bool(self.filters)
        if self.filters:
            # A source the library's folder stands in for is marked as the results list marks it.
            folders = self.results.folder_sources if self.results else frozenset()
            parts = []
            for n, (name, value) in enumerate(sorted(self.filters.items()), 1):
                folder = name == "source" and value in folders
                shown = source_shown(value, folder)
                parts.append(Content.assemble((f"{n} ", "bold $text-accent"), f"{name}: {shown}"))
            listed = Content("  ").join(parts)
            hint = Content(f"  · {self._keys_from_here('F')} clears")
            label = Content("Filters ").stylize("bold")
            hint = hint.stylize("$text-muted")
            # A narrow terminal drops the words before the filters themselves: wrapped to a
            # second row, the bar took one of the list's few rows.
            room = (self.size.width or 80) - 2  # its padding
            for line in (label + listed + hint, listed + hint, listed):
                if line.cell_length <= room:
                    break
            bar.update(line)

    def action_back(self) -> None:
        self._go(self.navigation.back(), "Nothing further back")

    def action_forward(self) -> None:
        self._go(self.navigation.forward(), "Nothing further forward")

    def _go(self, place: Place | None, otherwise: str) -> None:
        if place is None:
            self.notify(otherwise, timeout=2)
            return
        self.remember_position()
        changed = (place.query, place.sort, dict(place.filters), place.like) != (
            self.query_text,
            self.sort,
            self.filters,
            self.like,
        )
        if dict(place.filters) != self.filters and place.filters:
            shown = ", ".join(f"{k}: {v}" for k, v in place.filters)
            self.notify(f"Filters back: {shown}", timeout=3)
        self.sort, self.filters, self.like = place.sort, dict(place.filters), place.like
        self.like_read = place.like_read
        if changed:
            with self.search_input.prevent(Input.Changed):
                self.search_input.value = place.query
            self.search_now()
            # The list searched again comes back with the hit it was left on highlighted.
            self._return_to = (
                self._generation,
                place.highlight or place.article,
                place.row,
                place.highlight_read if place.highlight else place.read,
            )
        if place.article:
            self.open_article(place.article, focus=True, record=False, read=place.read)
        else:
            self.session.article = ""
            self.set_reading(False)
            self.results_list.focus()

    def action_save_search(self) -> None:
        from newsread.tui.screens.dialogs import NameDialog

        query = self.query_text
        if not query:
            self.notify("Type a query first, then save it", severity="warning", timeout=3)
            return

        def named(name: str | None) -> None:
            if name:
                self.newsread.session.save_search(
                    SavedSearch(name, query, self.sort, tuple(sorted(self.filters.items())))
                )
                self.newsread.save_soon()
                self.notify(f"Saved “{name}”; ctrl+o lists saved searches", timeout=3)

        self.app.push_screen(NameDialog("Name this search", query), named)

    def action_saved_searches(self) -> None:
        from newsread.tui.screens.saved import SavedSearchesScreen

        def chosen(search: SavedSearch | None) -> None:
            if search is None:
                return
            self.sort, self.filters, self.like = search.sort, dict(search.filters), ""
            with self.search_input.prevent(Input.Changed):
                self.search_input.value = search.query
            self.search_now()
            self._visit()
            self.set_reading(False)
            self.results_list.focus()

        self.app.push_screen(SavedSearchesScreen(), chosen)

    # Reader actions, for the palette: they act on the article shown.

    def _reader_action(self, name: str) -> None:
        if self.article_view.article is None:
            self.notify("Open an article first", severity="warning", timeout=2)
            return
        getattr(self.reader, f"action_{name}")()

    def action_next_match(self) -> None:
        self._reader_action("next_match")

    def action_previous_match(self) -> None:
        self._reader_action("previous_match")

    def action_copy_passage(self) -> None:
        self._reader_action("copy_passage")

    def action_copy_citation(self) -> None:
        self._reader_action("copy_citation")

    def action_open_url(self) -> None:
        self._reader_action("open_url")

    def action_next_highlight(self) -> None:
        self._reader_action("next_highlight")

    def action_previous_highlight(self) -> None:
        self._reader_action("previous_highlight")

    def action_focus_reader(self) -> None:
        if self.article_view.article is not None:
            self.reader.focus()

    def action_select_text(self) -> None:
        if self.article_view.article is not None:
            self.reader.focus()
        self._reader_action("select")

    def action_find(self) -> None:
        if self.article_view.article is not None:
            self.set_reading(True)
        self._reader_action("find")

    def action_article_versions(self) -> None:
        """Choose one of the open article's other versions (the same story elsewhere) to read."""
        versions = self.article_view.versions
        if not versions:
            self.notify("No other version of this story", severity="warning", timeout=2)
            return
        choices = [
            (str(n), version.key, version_label(version))
            for n, version in enumerate(versions[:9], 1)
        ]

        def chosen(key: str | None) -> None:
            if key:
                self.open_article(key, focus=True, record=True)

        self.app.push_screen(
            ChoiceDialog(
                f"{len(versions)} other versions of this story", choices, typed_ahead=True
            ),
            chosen,
        )

    # Annotating, done by the panes: the keys in the article and the notes panel, and the
    # palette, name these actions on the screen.
    action_highlight = _annotating("highlight")
    action_highlight_with_note = _annotating("highlight_with_note")
    action_colour = _annotating("colour")
    action_edit_note = _annotating("edit_note")
    action_article_note = _annotating("article_note")
    action_delete_highlight = _annotating("delete_highlight")
    action_undo_delete = _annotating("undo_delete")
    action_toggle_notes = _annotating("toggle_notes")
    action_tags = _annotating("tags")
    action_toggle_read = _annotating("toggle_read")
    action_toggle_star = _annotating("toggle_star")
    action_hit_tags = _annotating("hit_tags")
    action_hit_toggle_read = _annotating("hit_toggle_read")
    action_hit_toggle_star = _annotating("hit_toggle_star")
    action_highlights = _annotating("highlights")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_search":
            return not self.search_input.has_focus  # typed there: no need to offer it
        return self.panes.check_action(action, parameters)
