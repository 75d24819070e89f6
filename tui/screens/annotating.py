"""Highlights, notes, drafts, tags, read and starred: the component that annotates.

`AnnotatingPanes` holds the main screen's panes (results, article, notes panel), so the notes
panel's requests bubble up to it. It turns them and the reading pane's selection into
`AnnotationStore` calls, always in thread workers that only post messages (`AnnotationsLoaded`,
`AnnotationFailed`, `MarksLoaded`); their handlers hand the article's highlights down to the
reading pane and the notes panel, and marks to the results. Every change is committed by the
store before its worker returns.

The screen tells it what is shown (`article_shown`, `results_shown`); the article's keys and
the palette name its actions on the screen ("screen.highlight"), which hands them on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.containers import Horizontal
from textual.message import Message

from newsread.index.annotations.model import (
    AnchoredHighlight,
    AnnotationError,
    ArticleInfo,
    ArticleMarks,
    ArticleState,
    Highlight,
    HighlightNotFound,
    NoteConflict,
)
from newsread.index.text import sanitise_line
from newsread.tui.cells import unquoted
from newsread.tui.external_editor import EditorError, edit_text
from newsread.tui.key_order import STORE_HOLD_LIMIT
from newsread.tui.messages import (
    AnnotationFailed,
    AnnotationsLoaded,
    HitMarked,
    MarksLoaded,
    TagsWanted,
)
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.widgets.annotated_text import DEFAULT_COLOUR, HIGHLIGHT_COLOURS, colour_name
from newsread.tui.widgets.notes_panel import ARTICLE_NOTE, NotesList, NotesPanel
from newsread.tui.widgets.reading_pane import ReadingPane
from newsread.tui.widgets.results_list import ResultsList

if TYPE_CHECKING:
    from textual.timer import Timer

    from newsread.index import Hit
    from newsread.index.annotations import AnnotationStore
    from newsread.index.article import Article
    from newsread.tui.host import Host

Change = Callable[["AnnotationStore"], object]
"""One store call, run in a thread worker."""


@dataclass(frozen=True)
class EmptiedNote:
    """A note whose text was deleted in this session (saved empty): `u` writes `text` back."""

    article: Article
    target: str
    """`ARTICLE_NOTE` or the highlight's id."""
    text: str


@dataclass(frozen=True)
class NoteAfterN:
    """A passage N is highlighting, whose note the user is already typing."""

    article: Article
    start: int
    end: int
    colour: int


NEW_HIGHLIGHT = "new:"
"""What the draft of a note on a passage still to be highlighted names as its target (then the
passage's offsets)."""

STORE_CHECK = 1.5
"""Seconds between looks for another session's changes to the annotation store."""

NOTES_WAIT_SAID_AFTER = 1.0
"""Seconds a wait for another session's lock on the store lasts before it is said."""
NOTES_WAITING = (
    "Waiting for another newsread to finish saving highlights and notes: they appear here "
    "when it is done; if it seems stuck, close it."
)


class AnnotatingPanes(Horizontal):
    """The results, the article and its notes panel, and the annotations of what they show."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.highlights: list[AnchoredHighlight] = []
        """The open article's highlights, as last loaded."""
        self.article_state: ArticleState | None = None
        self._sequence = 0
        self._applied = 0
        self._undo: list[str | EmptiedNote] = []
        """Highlights (their ids) deleted and notes emptied in this session, the last one
        last: u brings it back."""
        self._jump_to = ""
        """A highlight to put the cursor on once its article's annotations arrive."""
        self._marks_generation = 0
        self._store_lock = threading.Lock()
        self._store_version: int | None = None
        self._store_told = False
        self._notes_waiting = False
        self._notes_wait_said = False
        self._notes_wait_timer: Timer | None = None
        self._offered: set[str] = set()
        """Recovered drafts of gone highlights already offered in this session."""
        self._orphans_said: set[tuple[str, frozenset[str]]] = set()
        """(article key, orphaned highlight ids) already said in this session."""
        self._note_editor_span: tuple[int, int] | None = None
        """The passage of the editor `_note_before_its_highlight` opened, while it is open."""
        self._note_after_n: NoteAfterN | None = None
        """The passage of the last N while its highlight is being saved: the keys typed
        meanwhile are its note, held until the editor opens."""
        self._highlights_left: tuple[str, str | None, str] = ("", None, "marked")
        """The highlights view's filter, the highlight it was on and its order when last
        closed."""

    @dataclass
    class StoreChanged(Message):
        """Another session wrote to the annotation store."""

    @dataclass
    class NotesToggled(Message):
        """The notes panel was shown or hidden (the session keeps which)."""

        shown: bool

    @dataclass
    class ArticleWanted(Message):
        """Open the article with this key (a highlight chosen in the library's list)."""

        key: str

    def on_mount(self) -> None:
        self.set_interval(STORE_CHECK, self._check_store)

    def _check_store(self) -> None:
        if self._host.library is not None:
            self._watch_store()

    @work(thread=True, exclusive=True, group="store-watch", exit_on_error=False)
    def _watch_store(self) -> None:
        try:
            store = self._store()
            version = store.data_version()
        except AnnotationError:
            return
        notices = store.take_notices()  # its file deleted or replaced: shown again from it
        for notice in notices:
            self.post_message(AnnotationFailed(notice))
        changed = bool(notices) or (
            self._store_version is not None and version != self._store_version
        )
        self._store_version = version
        if changed:
            self.post_message(self.StoreChanged())

    @on(StoreChanged)
    def _store_changed(self) -> None:
        """Show what the other session did: the open article's highlights, notes, marks."""
        article = self._article
        if article is not None:
            self._annotate(article, None)

    # -- parts -----------------------------------------------------------------------------

    @property
    def _host(self) -> Host:
        return cast("Host", self.app)

    @property
    def _reader(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def _panel(self) -> NotesPanel:
        return self.query_one(NotesPanel)

    @property
    def _article(self) -> Article | None:
        return self._reader.article

    def _store(self) -> AnnotationStore:
        """The annotation store (thread workers only: the first call opens the database)."""
        library = self._host.library
        if library is None:
            raise AnnotationError("the library is not open yet")
        with self._store_lock:
            store = library.annotations
            if not self._store_told:
                self._store_told = True
                # The version everything read from now on is of: another session's commit
                # before the first look (`_watch_store`) is a change too. Taken at that look,
                # it hid a note saved meanwhile (two windows, under load) for good.
                with suppress(AnnotationError):
                    self._store_version = store.data_version()
                if store.recovery_notice:  # said once, by whichever worker opened the store
                    self.post_message(AnnotationFailed(store.recovery_notice))
                if store.read_only:
                    self.post_message(
                        AnnotationFailed(
                            f"Highlights and notes are shown but cannot be saved: {store.read_only}"
                        )
                    )
            return store

    def _article_or_say(self) -> Article | None:
        article = self._article
        if article is None:
            self.notify("Open an article first", severity="warning", timeout=2)
        return article

    def _note_of(self, target: str) -> str:
        """The saved text of the article's note (`ARTICLE_NOTE`) or a highlight's, as loaded."""
        if target == ARTICLE_NOTE:
            return self.article_state.note if self.article_state else ""
        placed = self._placed(target)
        return placed.highlight.note if placed else ""

    def _placed(self, highlight_id: str) -> AnchoredHighlight | None:
        return next((h for h in self.highlights if h.id == highlight_id), None)

    # -- what the screen shows -------------------------------------------------------------

    def article_shown(self, article: Article, *, opened: bool) -> None:
        """Load the article's annotations; an article `opened` (not previewed) is now read."""
        self.highlights = []
        self.article_state = None
        self._panel.clear()
        if self._notes_wait_said:
            self._panel.say(NOTES_WAITING)
        self._annotate(article, None, mark_read=opened)

    def results_shown(self, results: Sequence[Hit], *, new: bool = True) -> None:
        """Fetch the marks (read, starred, annotated) for a page of results (of a `new` search,
        or one more page of the same)."""
        if new:
            self._marks_generation += 1
        hits = [
            (hit.key, ArticleInfo(hit.id, hit.key, hit.path, sanitise_line(hit.title), url=hit.url))
            for hit in results
        ]
        if hits:
            self._load_marks(self._marks_generation, hits)

    @work(thread=True, exclusive=True, group="marks", exit_on_error=False)
    def _load_marks(self, generation: int, hits: list[tuple[str, ArticleInfo]]) -> None:
        library = self._host.library

        def body(info: ArticleInfo) -> str | None:
            article = library.article(info.key) if library is not None else None
            return article.body if article is not None else None

        try:
            marks = self._store().marks([info for _, info in hits], body)
        except AnnotationError:
            return  # marks are a courtesy; annotating says what is wrong with the store
        self.post_message(
            MarksLoaded(generation, {key: m for (key, _), m in zip(hits, marks, strict=True)})
        )

    @on(MarksLoaded)
    def _marks_loaded(self, message: MarksLoaded) -> None:
        if message.generation == self._marks_generation:
            self.query_one(ResultsList).set_marks(message.marks)

    # -- the worker ------------------------------------------------------------------------

    def _annotate(
        self,
        article: Article,
        change: Change | None,
        *,
        notice: str = "",
        select_new: bool = False,
        edit_new: bool = False,
        mark_read: bool = False,
        note_for: str = "",
        note_text: str = "",
        span: tuple[int, int] | None = None,
        focus: str = "",
        edit: str = "",
    ) -> None:
        """Run `change` on the store, then reload the article's annotations.

        `select_new`/`edit_new` select (or open the note editor of) the highlight `change`
        returns, `focus`/`edit` the one of that id; `note_for` names the note being saved, so
        a failure reopens the editor; `span` is the passage being highlighted, selected again
        if that fails.
        """
        self._sequence += 1
        self._run(
            self._sequence, article, change, notice, select_new, edit_new, mark_read, note_for,
            note_text, span, focus, edit,
        )  # fmt: skip

    # A description of its own: by default it is the repr of every argument, the article's
    # whole text included, made on the event loop (a quarter second for a 5 MB article).
    @work(thread=True, group="annotations", exit_on_error=False, description="annotations")
    def _run(
        self,
        sequence: int,
        article: Article,
        change: Change | None,
        notice: str,
        select_new: bool,
        edit_new: bool,
        mark_read: bool,
        note_for: str,
        note_text: str,
        span: tuple[int, int] | None,
        focus: str,
        edit: str,
    ) -> None:
        try:
            store = self._store()
            result = change(store) if change is not None else None
        except (AnnotationError, ValueError) as error:
            unsaved = error.unsaved if isinstance(error, AnnotationError) else ""
            self.post_message(
                AnnotationFailed(
                    str(error), unsaved or note_text, note_for, bool(note_for), span=span
                )
            )
            return
        if mark_read and not store.read_only:  # said once already: nothing can be saved
            try:
                if not store.article_state(article).read:
                    store.set_read(article)
            except AnnotationError as error:
                self.post_message(AnnotationFailed(f"Not marked read: {error}"))
        try:
            library = self._host.library
            copies = library.docs.keys_for(article.id) if library is not None else []
            highlights = store.highlights_for(article, copies)
            state = store.article_state(article)
        except AnnotationError as error:
            self.post_message(AnnotationFailed(str(error)))
            return
        if isinstance(result, str):
            notice = result  # the change said what it did
        new = result.id if isinstance(result, Highlight) else ""
        self.post_message(
            AnnotationsLoaded(
                sequence,
                article.key,
                highlights,
                state,
                notice,
                new if select_new else focus,
                new if edit_new else edit,
                article.body,
            )
        )

    @on(AnnotationsLoaded)
    def _annotations_loaded(self, message: AnnotationsLoaded) -> None:
        if message.notice:
            self.notify(message.notice, timeout=3)
        article = self._article
        if message.sequence < self._applied or article is None or article.key != message.key:
            return
        if message.body != article.body:
            # Placed in the text read before its file changed (a note written meanwhile, saved
            # on the article as its editor opened): placed again in the text shown, or a
            # passage since deleted is painted on the words now where it was, not orphaned.
            self._annotate(article, None, focus=message.focus, edit=message.edit)
            return
        self._applied = message.sequence
        state = message.state
        self.highlights = message.highlights
        self.article_state = state
        self._reader.set_highlights(message.highlights)
        self._panel.show(message.highlights, state)
        self._say_orphans(article, message.highlights)
        self.call_after_refresh(self._host.key_order.release, "notes")
        annotated = bool(message.highlights or state.note or state.tags)
        self.query_one(ResultsList).set_marks(
            {message.key: ArticleMarks(annotated, state.starred, state.read)}
        )
        if message.focus:
            self._panel.select(message.focus)
        if self._jump_to:
            target, self._jump_to = self._jump_to, ""
            self.call_after_refresh(self._go_to, target)
        if message.edit:
            self._reader.show_pending("")
            if self._note_after_n is None:
                return  # the note is being written already, in the editor the wait opened
            self._note_after_n = None
            self._edit_note(message.edit, new=True)
            # Keys typed after N go to the editor, once it has the focus.
            self.call_after_refresh(self._host.key_order.release, "note")
        elif self.screen.is_current:
            self._offer_homeless_draft(article)

    def _say_orphans(self, article: Article, highlights: Sequence[AnchoredHighlight]) -> None:
        """Say, once per article and set of them, that highlights whose passage is no longer
        in the article's text are kept, and where: the article itself no longer shows them,
        and a highlight missing from it looked lost."""
        orphans = frozenset(h.id for h in highlights if h.orphaned)
        if not orphans or (article.key, orphans) in self._orphans_said:
            return
        self._orphans_said.add((article.key, orphans))
        count = len(orphans)
        which = "1 highlight's passage is" if count == 1 else f"{count} highlights' passages are"
        self.notify(
            f"{which} no longer in this article's text: kept, as orphaned, in the notes panel"
            " (p), where r re-attaches to a passage selected in the article",
            severity="warning",
            timeout=8,
        )

    def _offer_homeless_draft(self, article: Article) -> None:
        """A recovered draft of a highlight's note whose highlight is gone (deleted since):
        it is offered for the article's note, so it can be kept somewhere."""
        drafts = self._host.drafts
        live = {h.id for h in self.highlights} | {ARTICLE_NOTE}
        homeless = next(
            (
                d
                for d in drafts.recovered_of(article)
                if d.target not in live and d.slot not in self._offered
            ),
            None,
        )
        if homeless is None:
            return
        self._offered.add(homeless.slot)  # once a session; it waits for the next otherwise

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            drafts.forget_recovered(homeless)
            if answer == "append":
                current = self.article_state.note if self.article_state else ""
                text = f"{current.rstrip()}\n\n{homeless.text}" if current else homeless.text
                self._open_note_editor(article, ARTICLE_NOTE, False, text, "")

        self.app.push_screen(
            ChoiceDialog(
                "A recovered note draft was for a passage its session had not highlighted yet"
                if homeless.target.startswith(NEW_HIGHLIGHT)
                else "A recovered note draft belongs to a highlight that is gone",
                [
                    ("a", "append", "Add it to the article's note (then edit and save)"),
                    ("d", "discard", "Discard the draft"),
                ],
                body=homeless.text,
            ),
            chosen,
        )

    def notes_waiting(self, waiting: bool) -> None:
        """Opening the annotation store waits for another session's write lock, or no
        longer does (`NotesWaiting`)."""
        self._notes_waiting = waiting
        if self._notes_wait_timer is not None:
            self._notes_wait_timer.stop()
            self._notes_wait_timer = None
        if waiting:
            # Said only if it lasts: on a first launch the app and its indexing process both
            # create the store, one waits a few milliseconds for the other, and a new user
            # was told for ten seconds that "another newsread" was saving notes.
            self._notes_wait_timer = self.set_timer(NOTES_WAIT_SAID_AFTER, self._say_notes_wait)
            return
        self._notes_wait_said = False
        article = self._article  # the notes the wait held back
        if article is not None:
            self._annotate(article, None, mark_read=False)
        else:
            self._panel.clear()

    def _say_notes_wait(self) -> None:
        self._notes_wait_timer = None
        if self._notes_waiting:
            self._notes_wait_said = True
            self._panel.say(NOTES_WAITING)
            self.notify(NOTES_WAITING, severity="warning", timeout=10)

    @on(AnnotationFailed)
    def _annotation_failed(self, message: AnnotationFailed) -> None:
        pending = self._note_after_n
        if pending is not None and message.span == (pending.start, pending.end):
            # N's highlight was refused: what was typed after N is its note, and goes to an
            # editor that saves both (the keys were held for it; run, "Hello" would highlight
            # and edit).
            self._note_after_n = None
            self._host.key_order.release("notes")
            self._reader.show_pending("")
            self.notify(message.error, severity="error", timeout=8)
            self._open_note_before_its_highlight(pending, message.error)
            self.call_after_refresh(self._host.key_order.release, "note")
            return
        for hold in ("note", "notes", "tags"):
            self._host.key_order.release(hold)
        self._reader.show_pending("")
        if message.span is not None and message.span == self._note_editor_span:
            return  # N's slow save, given up: its editor, open, saves the highlight with the note
        self.notify(message.error, severity="error", timeout=8)
        if message.span is not None:  # selected again: H once there is room
            self._reader.select_span(*message.span)
        if message.note and message.unsaved:
            self._edit_note(message.highlight, text=message.unsaved, error=message.error)

    def _go_to(self, highlight_id: str) -> None:
        placed = self._placed(highlight_id)
        if placed is not None and placed.orphaned:
            self.notify(
                "This highlight is orphaned (its passage is gone): select its new place, "
                "then r on it in the notes panel (p)",
                severity="warning",
                timeout=6,
            )
            self._show_panel(focus=True)
            self._panel.select(highlight_id)
            return
        if self._reader.move_to_highlight(highlight_id):
            self._reader.focus()
            self._panel.select(highlight_id)
        elif placed is None:  # chosen in the highlights view, gone since (another session)
            self.notify(
                "That highlight is no longer in this article (deleted meanwhile?)",
                severity="warning",
                timeout=4,
            )

    # -- making highlights -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("highlight", "highlight_with_note", "colour"):
            # False lets the same key do its other job (N: previous match, 1-5: nothing).
            reader = self._reader
            if reader.article is None:
                return False
            if reader.selecting or reader.selected_span() is not None:
                return True
            return action == "colour" and reader.highlight_at_cursor() is not None
        return True

    def action_highlight(self) -> None:
        self._highlight(DEFAULT_COLOUR)

    def action_highlight_with_note(self) -> None:
        self._highlight(DEFAULT_COLOUR, edit=True)

    def action_colour(self, colour: int) -> None:
        reader = self._reader
        if not reader.selecting and reader.selected_span() is None:
            here = reader.highlight_at_cursor()
            if here is not None:
                self._recolour(here.id, colour)
                return
        self._highlight(colour)

    def _highlight(self, colour: int, *, edit: bool = False) -> None:
        article = self._article_or_say()
        if article is None:
            return
        span = self._reader.selected_span()
        if span is None and edit:
            # A note typed straight after N must land somewhere visible, never run as keys:
            # with no passage to put it on, it is the article's (said, and Escape cancels).
            self._reader.cancel_selection()
            self.notify(
                "No passage selected: this note is on the article (for a passage: v, then"
                " h l w b ( ) { }, then N)",
                timeout=6,
            )
            self._edit_note(ARTICLE_NOTE)
            return
        if span is None:
            selection = self._reader.selection
            self.notify(
                # Something is shown selected: say why it is not highlighted.
                "The selection holds none of the article's words (the title, byline and blank"
                " lines are not part of it): extend it with w ) } or shift+arrows"
                if selection.start != selection.end
                else "Select some text first: v, then h l w b ( ) { } or shift+arrows",
                severity="warning",
                timeout=4,
            )
            return
        start, end = span
        reader = self._reader
        reader.cancel_selection()
        # The cursor stays on the passage (a motion had left it past its trimmed end, on the
        # next sentence): e then edits this highlight's note, not the article's, and ) goes
        # on from where it ends.
        here = reader.body_offset(reader.cursor_location)
        if not start <= here <= end:
            reader.move_cursor(reader.body_location(min(max(here, start), end)))
        if edit:
            # The note typed straight after N belongs in the editor that opens once the
            # highlight is saved (see `_annotations_loaded`). Under load that took seconds
            # with nothing on screen: the wait is said at once.
            self._note_after_n = NoteAfterN(article, start, end, colour)
            # If the save outlasts the hold (another newsread holding the notes), the keys go
            # to an editor of their own, never run as commands (`_note_before_its_highlight`).
            self._host.key_order.hold("note", STORE_HOLD_LIMIT, self._note_before_its_highlight)
            reader.show_pending("saving the highlight · its note opens next (type away)")
        self._annotate(
            article,
            lambda store: store.add_highlight(article, start, end, colour=colour),
            notice="" if edit else f"Highlighted in {colour_name(colour)}",
            select_new=True,
            edit_new=edit,
            span=(start, end),
        )

    def _recolour(self, highlight_id: str, colour: int | None) -> None:
        article = self._article_or_say()
        placed = self._placed(highlight_id)
        if article is None or placed is None:
            return
        if colour is None:
            colour = placed.highlight.colour % len(HIGHLIGHT_COLOURS) + 1
        new = colour
        self._annotate(
            article,
            lambda store: store.recolour_highlight(highlight_id, new),
            notice=f"Now {colour_name(new)}",
        )

    # -- notes -----------------------------------------------------------------------------

    def action_edit_note(self, external: bool = False) -> None:
        here = self._reader.highlight_at_cursor() if self._article is not None else None
        self._edit_note(here.id if here is not None else ARTICLE_NOTE, external=external)

    def action_article_note(self) -> None:
        self._edit_note(ARTICLE_NOTE)

    def _edit_note(
        self,
        target: str,
        *,
        external: bool = False,
        text: str | None = None,
        error: str = "",
        new: bool = False,
    ) -> None:
        """Edit the note of highlight `target` (or of the article: `ARTICLE_NOTE`); `new`: the
        highlight N just made.

        A draft of this note recovered from a session that ended without saving it is
        offered first (keep or discard).
        """
        article = self._article_or_say()
        if article is None:
            return
        if target != ARTICLE_NOTE and self._placed(target) is None:
            self.notify("That highlight is gone", severity="warning", timeout=3)
            return
        drafts = self._host.drafts
        recovered = drafts.recovered_for(article, target) if text is None else None
        while recovered is not None and recovered.text.rstrip() == self._note_of(target).rstrip():
            # Saved before its session ended (killed between saving and dropping the draft):
            # nothing to offer.
            drafts.forget_recovered(recovered)
            recovered = drafts.recovered_for(article, target)
        if recovered is None:
            self._open_note_editor(article, target, external, text, error, new=new)
            return

        def chosen(answer: str | None) -> None:
            if not answer:
                return  # cancelled: the draft keeps waiting
            drafts.forget_recovered(recovered)
            if answer == "keep":
                # Saved against what it was written from: a note changed since is a conflict.
                base = (recovered.base_revision, recovered.base)
                self._open_note_editor(article, target, external, recovered.text, error, base)
            else:
                self._open_note_editor(article, target, external, None, error)

        when = recovered.updated.astimezone().strftime("%d %b %H:%M") if recovered.updated else ""
        # Two sessions hung up while both edited this note: each left a draft, offered in turn.
        more = len(drafts.recovered_of(article, target)) - 1
        after = f"; {more} more draft{'s' if more > 1 else ''} of it, offered next" if more else ""
        self.app.push_screen(
            ChoiceDialog(
                f"An unsaved draft of this note was recovered{f' (from {when})' if when else ''}"
                f"{after}",
                [
                    ("k", "keep", "Keep the draft and go on editing it"),
                    ("d", "discard", "Discard the draft"),
                ],
                body=recovered.text,
            ),
            chosen,
        )

    def _open_note_editor(
        self,
        article: Article,
        target: str,
        external: bool,
        text: str | None,
        error: str,
        base: tuple[int, str] | None = None,
        *,
        new: bool = False,
    ) -> None:
        """The note editor (or `$EDITOR`) on `text`, else the note as last loaded; `new`: on
        the highlight N just made, which a cancelled note leaves without one (said).

        `base` is the (revision, text) the note is written from, by default the note as last
        loaded: a save over a note another session changed since is a conflict.
        """
        from newsread.tui.screens.note_editor import NoteEditor

        save: Callable[[AnnotationStore, str, int, str], object]
        restored: list[str] = []  # the highlight, if saving its note brought it back
        emptied: list[EmptiedNote] = []  # the text, if the note was saved empty
        if target == ARTICLE_NOTE:
            state = self.article_state
            current = state.note if state else ""
            revision = state.note_revision if state else 0
            title = f"Note on “{sanitise_line(article.title)}”"
            quote = ""

            def save(store: AnnotationStore, note: str, base_revision: int, base: str) -> object:
                return store.set_article_note(
                    article, note, base_revision=base_revision, base_note=base
                )

        else:
            placed = self._placed(target)
            if placed is None:
                self.notify("That highlight is gone", severity="warning", timeout=3)
                return
            current = placed.highlight.note
            revision = placed.highlight.revision
            title = "Note on the highlight"
            quote = placed.text or placed.highlight.quote

            def save(store: AnnotationStore, note: str, base_revision: int, base: str) -> object:
                try:
                    return store.update_highlight(
                        target, note=note, base_revision=base_revision, base_note=base
                    )
                except HighlightNotFound:
                    # Deleted while the note was being written (another newsread did it): the
                    # words are worth more than the deletion, so the highlight comes back.
                    store.restore_highlight(target)
                    restored.append(target)
                    return store.update_highlight(
                        target, note=note, base_revision=base_revision, base_note=base
                    )

        base_revision, base_note = (revision, current) if base is None else base
        drafts = self._host.drafts
        draft = drafts.draft_for(
            article, target, base_note, base_revision, sanitise_line(article.title)
        )
        text = current if text is None else text
        if text != current:
            draft.update(text)
        if external:
            try:
                edited = edit_text(self.app, text, path=draft.editor_file(text))
            except OSError as problem:
                self.notify(f"Could not prepare the note: {problem}", severity="error")
                return
            except EditorError as problem:
                draft.editor_done()
                if text == current and drafts.hung_up is None:
                    draft.finished()
                self.notify(str(problem), severity="error", timeout=6)
                return
            draft.editor_done()
            if edited.rstrip() == current.rstrip():
                draft.finished()
                self.notify("Note unchanged", timeout=2)
                return
            draft.update(edited.rstrip("\n"))

            def save_edited(store: AnnotationStore) -> object:
                result = save(store, edited, base_revision, base_note)
                draft.finished()
                return result

            notice = "Note saved"
            if base_note.strip() and not edited.strip():
                self._undo.append(EmptiedNote(article, target, base_note))
                notice = "Note deleted — u to undo"
            self._annotate(article, save_edited, notice=notice, note_for=target, note_text=edited)
            return

        def closed(saved: bool | None) -> None:
            if saved:
                notice = (
                    "Note saved"
                    if not restored
                    else "Note saved; its highlight, deleted meanwhile, is back"
                )
                if emptied:
                    self._undo.append(emptied[-1])
                    notice = "Note deleted — u to undo"
                self._annotate(article, None, notice=notice)
            elif new and (placed := self._placed(target)) is not None:
                # Escape felt like it cancelled the N, but the highlight was made: the cursor
                # goes onto it (it was past its end), where e and x act.
                self._reader.move_to_highlight(target)
                colour = colour_name(placed.highlight.colour)
                self.notify(
                    f"Highlighted in {colour}, without a note: e writes one, x deletes it",
                    timeout=5,
                )

        def saving(note: str, base_revision: int, base: str) -> object:
            result = save(self._store(), note, base_revision, base)
            if base.strip() and not note.strip():
                emptied.append(EmptiedNote(article, target, base))
            return result

        editor = NoteEditor(
            title,
            text,
            saving,
            quote=quote,
            error=error,
            original=current,
            base=(base_revision, base_note),
            draft=draft,
        )
        self.app.push_screen(editor, closed)

    def _note_before_its_highlight(self) -> None:
        """N's highlight is still being saved after `STORE_HOLD_LIMIT` (another newsread
        holds the notes): the keys typed since go to an editor that saves both."""
        pending, self._note_after_n = self._note_after_n, None
        if pending is None:
            return
        self._reader.show_pending("")
        self._open_note_before_its_highlight(
            pending, "The highlight is still being saved: ctrl+s saves it with this note"
        )

    def _open_note_before_its_highlight(self, pending: NoteAfterN, error: str) -> None:
        """The note editor for passage `pending`, not highlighted yet: saving highlights it
        with the note (or, if the passage is highlighted by then, adds the note to its own)."""
        from newsread.tui.screens.note_editor import NoteEditor

        article, start, end, colour = pending.article, pending.start, pending.end, pending.colour
        draft = self._host.drafts.draft_for(
            article, f"{NEW_HIGHLIGHT}{start}-{end}", "", 0, sanitise_line(article.title)
        )

        def saving(note: str, base_revision: int, base: str) -> object:
            store = self._store()
            made = store.add_highlight(article, start, end, colour=colour, note=note)
            if made.note.strip() == note.strip():
                return made
            # Highlighted meanwhile (the slow save went through, or another newsread): its
            # note is kept, this one added.
            joined = f"{made.note.rstrip()}\n\n{note}" if made.note.strip() else note
            return store.update_highlight(
                made.id, note=joined, base_revision=made.revision, base_note=made.note
            )

        def closed(saved: bool | None) -> None:
            self._note_editor_span = None
            self._annotate(article, None, notice="Highlighted, with its note" if saved else "")
            if not saved:
                self.notify(
                    "Note not saved; if the passage was not highlighted, select it and H again",
                    severity="warning",
                    timeout=6,
                )

        editor = NoteEditor(
            "Note on the new highlight",
            "",
            saving,
            quote=article.body[start:end],
            error=error,
            draft=draft,
        )
        self._note_editor_span = (start, end)
        self.app.push_screen(editor, closed)

    # -- deleting and re-attaching ---------------------------------------------------------

    def action_delete_highlight(self) -> None:
        here = self._reader.highlight_at_cursor() if self._article is not None else None
        if here is None:
            self.notify("No highlight at the cursor (> jumps to the next)", timeout=3)
            return
        self._delete(here.id)

    def _delete(self, highlight_id: str) -> None:
        article = self._article_or_say()
        if article is None:
            return
        self._undo.append(highlight_id)
        self._annotate(
            article,
            lambda store: store.delete_highlight(highlight_id),
            notice="Highlight deleted — u to undo",
        )

    def action_undo_delete(self) -> None:
        article = self._article_or_say()
        if article is None:
            return
        if not self._undo:
            # Nothing deleted in this session: the article's last deletion, from an earlier one.
            self._annotate(article, lambda store: _restore_last_deleted(store, article))
            return
        undone = self._undo.pop()
        if isinstance(undone, EmptiedNote):
            self._annotate(undone.article, lambda store: _write_back(store, undone))
            return
        highlight_id = undone
        self._annotate(
            article,
            lambda store: store.restore_highlight(highlight_id),
            notice="Highlight restored",
            select_new=True,
        )

    def _reattach(self, highlight_id: str) -> None:
        article = self._article_or_say()
        if article is None:
            return
        span = self._reader.selected_span()
        if span is None:
            self.notify(
                "First select the passage in the article (v …), then r here to re-attach",
                severity="warning",
                timeout=5,
            )
            return
        start, end = span
        self._reader.cancel_selection()
        self._annotate(
            article,
            lambda store: store.reattach_highlight(
                highlight_id, start, end, article.body, article=article
            ),
            notice="Re-attached",
            select_new=True,
        )

    # -- the notes panel -------------------------------------------------------------------

    @property
    def notes_shown(self) -> bool:
        return self.screen.has_class("-notes")  # the screen's: its layout rules show the panel

    def show_notes(self) -> None:
        """Show the notes panel, leaving the focus where it is."""
        self._show_panel(focus=False)

    def _show_panel(self, *, focus: bool) -> None:
        if not self.notes_shown:
            self.post_message(self.NotesToggled(True))
        self.screen.add_class("-notes")
        if focus:
            if self.article_state is None:
                # The list fills when the article's annotations are in (a worker, the first
                # one opening the store): `j` typed with the `p` would land on an empty list.
                self._host.key_order.hold("notes", STORE_HOLD_LIMIT)
            self._panel.notes_list.focus()

    def action_toggle_notes(self) -> None:
        """Show the panel and go to it; from inside the panel, hide it."""
        if self.notes_shown and self._panel.has_focus_within:
            self.screen.remove_class("-notes")
            self.post_message(self.NotesToggled(False))
            if self._article is not None:
                self._reader.focus()
        elif self._article_or_say() is not None:
            self._show_panel(focus=True)

    @on(NotesList.Chosen)
    def _chosen(self, message: NotesList.Chosen) -> None:
        if message.highlight == ARTICLE_NOTE:
            self._edit_note(ARTICLE_NOTE)
        else:
            self._go_to(message.highlight)

    @on(NotesList.EditRequested)
    def _edit_requested(self, message: NotesList.EditRequested) -> None:
        self._edit_note(message.highlight, external=message.external)

    @on(NotesList.RecolourRequested)
    def _recolour_requested(self, message: NotesList.RecolourRequested) -> None:
        self._recolour(message.highlight, message.colour)

    @on(NotesList.DeleteRequested)
    def _delete_requested(self, message: NotesList.DeleteRequested) -> None:
        self._delete(message.highlight)

    @on(NotesList.ReattachRequested)
    def _reattach_requested(self, message: NotesList.ReattachRequested) -> None:
        self._reattach(message.highlight)

    # -- the whole article -----------------------------------------------------------------

    def action_tags(self) -> None:
        from newsread.tui.screens.tags import TagDialog

        article = self._article_or_say()
        if article is None:
            return

        dialog = TagDialog(article, self._store)

        def closed(changed: bool | None) -> None:
            if changed:  # read again once the dialog's last change is in
                self._annotate(article, lambda _store: dialog.wait_saved())

        self.app.push_screen(dialog, closed)

    def action_toggle_read(self) -> None:
        article = self._article_or_say()
        if article is None:
            return

        def toggle(store: AnnotationStore) -> str:
            # From the store's state, not the one loaded here: `m` pressed while opening the article
            # (which marks it read) must undo that, and say what it did.
            read = not store.article_state(article).read
            store.set_read(article, read)
            return "Marked read" if read else "Marked unread"

        self._annotate(article, toggle)

    def action_toggle_star(self) -> None:
        article = self._article_or_say()
        if article is None:
            return
        starred = not (self.article_state is not None and self.article_state.starred)
        self._annotate(
            article,
            lambda store: store.set_starred(article, starred),
            notice="Starred ★" if starred else "Unstarred",
        )

    # -- the results list's highlighted hit ---------------------------------------------------

    def action_hit_tags(self) -> None:
        """Tag the highlighted hit's article (the open one's tags if it is that one)."""
        self._for_hit("tags", self.action_tags)

    def action_hit_toggle_star(self) -> None:
        """Star or unstar the highlighted hit's article."""
        self._for_hit("star", self.action_toggle_star)

    def action_hit_toggle_read(self) -> None:
        """Mark the highlighted hit's article read or unread."""
        self._for_hit("read", self.action_toggle_read)

    def _for_hit(self, what: str, open_one: Callable[[], None]) -> None:
        key = self.query_one(ResultsList).highlighted_key
        if key is None:
            self.notify("No article is highlighted", severity="warning", timeout=2)
        elif self._article is not None and self._article.key == key:
            open_one()  # the open article: its panes show the change too
        else:
            if what == "tags":
                # The dialog opens once a worker has loaded the article: keys typed after `t`
                # went to the list meanwhile (`İstanbul` typed just after launch, the threads
                # busy, saved "anbul": `s` sorted, `t` asked for the dialog again).
                self._host.key_order.hold("tags", STORE_HOLD_LIMIT)
            self._change_hit(key, what)

    @work(thread=True, group="annotations", exit_on_error=False, description="hit")
    def _change_hit(self, key: str, what: str, after: Callable[[], object] | None = None) -> None:
        """Star, mark or fetch (to tag) the article of a hit that is not open; "marks" only
        reloads its marks (after its tags changed, once `after` returns)."""
        if after is not None:
            try:
                after()
            except AnnotationError as error:
                self.post_message(AnnotationFailed(str(error)))
        library = self._host.library
        article = library.article(key) if library is not None else None
        if article is None:
            self.post_message(AnnotationFailed("That article is no longer in the library"))
            return
        if what == "tags":
            self.post_message(TagsWanted(article))
            return
        notice = ""
        try:
            store = self._store()
            if what == "star":
                notice = "Starred ★" if store.toggle_starred(article) else "Unstarred"
            elif what == "read":
                read = not store.article_state(article).read
                store.set_read(article, read)
                notice = "Marked read" if read else "Marked unread"
            marks = store.marks([ArticleInfo.of(article)], lambda _: article.body)[0]
        except AnnotationError as error:
            self.post_message(AnnotationFailed(str(error)))
            return
        self.post_message(HitMarked(key, marks, notice))

    @on(TagsWanted)
    def _tags_wanted(self, message: TagsWanted) -> None:
        from newsread.tui.screens.tags import TagDialog

        article = message.article

        dialog = TagDialog(article, self._store, confirm_typed_ahead=True)

        def closed(changed: bool | None) -> None:
            if changed:  # read again once the dialog's last change is in
                self._change_hit(article.key, "marks", dialog.wait_saved)

        self.app.push_screen(dialog, closed)
        self.call_after_refresh(self._host.key_order.release, "tags")

    @on(HitMarked)
    def _hit_marked(self, message: HitMarked) -> None:
        if message.notice:
            self.notify(message.notice, timeout=3)
        self.query_one(ResultsList).set_marks({message.key: message.marks})

    # -- across the library ----------------------------------------------------------------

    def action_highlights(self) -> None:
        from newsread.tui.screens.highlights import HighlightsScreen

        def chosen(highlight: Highlight | None) -> None:
            # Reviewing highlights one by one: ctrl+g comes back to this one.
            self._highlights_left = (screen.filter_text, screen.highlighted_id, screen.order)
            if highlight is not None:
                self.open_highlight(highlight)

        library = self._host.library

        def place() -> list[str]:
            from newsread.index.annotations.placing import place_all

            if library is None:
                return []
            library.claim_annotations()  # a library moved since the store was opened
            return place_all(library, self._store()).problems()

        def listed(
            highlights: list[Highlight],
        ) -> tuple[list[Highlight], frozenset[str], frozenset[str]]:
            from newsread.index.annotations.placing import as_listed

            if library is None:
                return highlights, frozenset(), frozenset()
            return as_listed(library, highlights)

        query, at, order = self._highlights_left
        screen = HighlightsScreen(
            self._store,
            query,
            place=place,
            listed=listed,
            library=None if library is None else library.id,
            export=self._export_highlights,
            at=at,
            order=order,
        )
        self.app.push_screen(screen, chosen)

    def _export_highlights(self, highlights: list[Highlight], query: str, everywhere: bool) -> str:
        """Save `highlights` (those the highlights view lists, chosen by `query`) as Markdown
        in the working folder, their articles oldest first; say where. In a thread worker."""
        from datetime import date
        from pathlib import Path

        from newsread.index.annotations import by_published, export_markdown
        from newsread.index.annotations.placing import cited_now
        from newsread.index.private_files import write_private

        library = self._host.library
        made_in = None if everywhere or library is None else library.id
        listed = {h.id for h in highlights}
        items = [
            replace(item, highlights=tuple(h for h in item.highlights if h.id in listed))
            for item in self._store().annotations(
                {h.article.id for h in highlights}, library=made_in
            )
        ]
        if library is not None:
            items = cited_now(library, items)
        text = export_markdown(by_published(items), library=made_in, query=query)
        stem = f"newsread-highlights-{date.today().isoformat()}"
        folder = self._host.config.briefs
        why = ""
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):  # "File exists" said nothing of why
                raise OSError(
                    f'{folder} is a file, not a folder (briefs = "DIR" in config.toml)'
                ) from None
            here = folder
        else:
            try:
                here = Path.cwd()
            except FileNotFoundError:  # deleted (or renamed) while newsread ran
                raise OSError("the folder newsread was started from is gone") from None
            if library is not None and here.resolve().is_relative_to(library.root.resolve()):
                # Started in the library (`cd news; newsread .`): the brief was read as one of
                # its articles at the next update, and in a team's library it was a file the
                # others are refused; the library may not be the user's to write in at all.
                here = Path.home()
                why = "not in the library, where it would be read as an article; "
        target = here / f"{stem}.md"
        copies = 1
        while target.exists():  # never over an earlier export
            copies += 1
            target = target.with_name(f"{stem}-{copies}.md")
        write_private(target, text)
        count = sum(len(item.highlights) for item in items)
        # "Oldest first" of articles without a date (a folder of BBC files) said an order the
        # brief does not have.
        undated = sum(item.article.published is None for item in items)
        order = (
            "oldest first"
            if not undated
            else "undated: in the order first annotated"
            if undated == len(items)
            else f"oldest first, {undated} undated last"
        )
        # The working folder may be a source tree the user started newsread from (P8).
        elsewhere = (
            "" if folder is not None else f' ({why}briefs = "DIR" in config.toml saves elsewhere)'
        )
        return (
            f"Saved {count} highlight{'' if count == 1 else 's'} from {len(items)} "
            f"article{'' if len(items) == 1 else 's'}, {order}, to {target}{elsewhere}"
        )

    def open_highlight(self, highlight: Highlight) -> None:
        """Open the highlight's article with the cursor on the passage."""
        key = highlight.article.key or highlight.article.path
        library = self._host.library
        if library is not None and highlight.library not in ("", library.id):
            self.notify(
                f"That highlight was made in another library: open {highlight.library} to read it",
                severity="warning",
                markup=False,
            )
            return
        if not key:
            self.notify("That highlight's article is not in this library", severity="warning")
            return
        self._jump_to = highlight.id
        self.post_message(self.ArticleWanted(key))


def _write_back(store: AnnotationStore, emptied: EmptiedNote) -> str:
    """Give an emptied note its text back, unless it has been written again since."""
    try:
        if emptied.target == ARTICLE_NOTE:
            store.set_article_note(emptied.article, emptied.text, base_revision=-1, base_note="")
        else:
            store.update_highlight(
                emptied.target, note=emptied.text, base_revision=-1, base_note=""
            )
    except NoteConflict:
        return "Not undone: the note has been written again since (another newsread?)"
    except HighlightNotFound:
        return "Not undone: its highlight has been deleted since"
    return "Note restored"


def _restore_last_deleted(store: AnnotationStore, article: Article) -> str:
    """Bring back the article's highlight deleted last (in an earlier session); say which."""
    for highlight in store.deleted_highlights(article):
        try:
            store.restore_highlight(highlight.id)
        except AnnotationError:
            continue  # its passage has been highlighted again
        deleted = highlight.deleted_at
        when = f" on {deleted.astimezone():%d %b %H:%M}" if deleted else ""
        quote = unquoted(sanitise_line(highlight.quote))
        quote = quote if len(quote) <= 40 else quote[:39].rstrip() + "…"
        return f"Restored the highlight deleted{when}: “{quote}”"
    return "Nothing to undo"
