"""Writing a note (on a highlight or a whole article) in a dialog, or in the user's $EDITOR.

The note is plain text: Markdown is welcome and shown exactly as written, never rendered or
parsed as markup. Saving goes through a thread worker; a failure (disk full, the database
locked) leaves the text in the editor with the one-line reason, so nothing typed is lost.
Whatever is typed also goes to a draft on disk (`newsread.tui.drafts`) until the note is saved
or discarded, so a dropped connection loses nothing either; ctrl+q asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from newsread.index.annotations import both_notes
from newsread.index.marks import JOINERS
from newsread.tui.cells import cut_at, unquoted
from newsread.tui.external_editor import EditorError, edit_text
from newsread.tui.key_order import STORE_HOLD_LIMIT
from newsread.tui.screens.choice import ChoiceDialog

if TYPE_CHECKING:
    from newsread.tui.drafts import NoteDraft

HELP = "ctrl+s saves · f7 selects all · ctrl+e $EDITOR · Escape cancels"
SHORT_HELP = "^s saves · f7 all · Esc cancels"
"""Narrow terminals: the long help wrapped to two rows (ctrl+e is left to f1's list)."""
QUOTE_LINES = 3
"""Lines the passage a note is on may take above the editor."""


def quoted(passage: str, width: int, lines: int = QUOTE_LINES) -> list[str]:
    """`passage` in quotes, wrapped to `width` cells, in at most `lines` lines: a longer one
    is cut, its last line ending in "…”" so that it reads as cut."""
    passage = " ".join(passage.split())  # paragraphs run on: three lines show more of it
    wrapped = [line.plain for line in Content(f"“{unquoted(passage)}”").wrap(max(width, 3))]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1].rstrip()
    kept[-1] = last[: cut_at(last, max(width, 3) - 2)].rstrip() + "…”"
    return kept


class QuotedPassage(Static):
    """The passage a note is on, as `quoted` shows it in the width it is given."""

    def __init__(self, passage: str, **options: Any) -> None:
        super().__init__(markup=False, **options)
        self.passage = passage

    def render(self) -> Content:
        return Content("\n".join(quoted(self.passage, self.content_size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(quoted(self.passage, width))


class NoteEditor(ModalScreen[bool]):
    """Edit one note; dismisses with True once it is saved, False when cancelled.

    Short terminals (-short) get a text box of the rows left (its 12 rows pushed the help
    line, how to save, off the screen); narrow ones (-narrow) a help line that fits."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

    DEFAULT_CSS = """
    NoteEditor.-short #note-dialog {
        height: 100%;
    }
    NoteEditor.-short #note-text {
        height: 1fr;
        min-height: 3;
    }
    /* (Its title and help line lose their padding too: app.tcss, which outranks this.) */
    NoteEditor.-short #note-quote {
        padding: 0;
    }
    NoteEditor #note-help-short, NoteEditor.-narrow #note-help {
        display: none;
    }
    NoteEditor.-narrow #note-help-short {
        display: block;
    }
    NoteEditor #note-dialog {
        width: 80;
        height: auto;
        max-height: 100%;
    }
    NoteEditor #note-quote {
        color: $text-muted;
        padding: 0 0 1 0;
    }
    NoteEditor #note-text {
        height: 12;
    }
    NoteEditor #note-error {
        color: $text-error;
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.save", tooltip="Save the note"),
        Binding(
            "ctrl+e",
            "external",
            "$EDITOR",
            priority=True,
            id="note.external",
            tooltip="Continue in $EDITOR (the text comes back here)",
        ),
        Binding(
            "f7",
            "select_all",
            "Select all",
            priority=True,
            id="note.select_all",
            tooltip="Select the whole note (typing or backspace then replaces it)",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            priority=True,  # the TextArea would take it to leave the field
            id="note.cancel",
            tooltip="Close without saving (asks first if the text changed)",
        ),
    ]

    @dataclass
    class Saved(Message):
        pass

    @dataclass
    class SaveFailed(Message):
        error: str

    @dataclass
    class Conflicted(Message):
        """Another session saved this note meanwhile (`theirs`, at `revision`)."""

        mine: str
        theirs: str
        revision: int

    def __init__(
        self,
        title: str,
        text: str,
        save: Callable[[str, int, str], object],
        *,
        quote: str = "",
        error: str = "",
        original: str | None = None,
        base: tuple[int, str] = (0, ""),
        draft: NoteDraft | None = None,
    ) -> None:
        """`save(text, base_revision, base_note)` runs in a thread worker and raises
        `AnnotationError` on failure, `NoteConflict` when the note changed since `base`.

        `text` is what the editor starts with; `original` the note as saved, when that differs
        (a recovered draft, a failed save); `base` the (revision, text) the note is written
        from; `draft` keeps what is typed on disk.
        """
        super().__init__()
        self._title = title
        self._text = text
        self._original = text if original is None else original
        self._save_note = save
        self._quote = quote
        self._error = error
        self._confirming = False
        self._draft = draft
        self._base = base
        self._quit_after_save = False
        self._leaving = False
        self._done = False
        """Saved or discarded: what still reaches the editor (keys sent in one burst after
        ctrl+s) is no note being written."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(self._title, markup=False, classes="dialog-title")
            if self._quote:
                yield QuotedPassage(self._quote, id="note-quote")
            yield TextArea(self._text, soft_wrap=True, tab_behavior="indent", id="note-text")
            yield Label(self._error, markup=False, id="note-error")
            yield Label(HELP, classes="dialog-help", id="note-help")
            yield Label(SHORT_HELP, classes="dialog-help", id="note-help-short")

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)
        self.query_one("#note-error").display = bool(self._error)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#note-text", TextArea)

    @property
    def changed(self) -> bool:
        return self.editor.text.rstrip() != self._original.rstrip()

    def show_error(self, text: str) -> None:
        label = self.query_one("#note-error", Label)
        label.update(text)
        label.display = bool(text)

    @on(TextArea.Changed)
    def _edited(self) -> None:
        if self._done:
            return
        if self._draft is not None:
            self._draft.update(self.editor.text)
        if self._confirming:
            self._confirming = False
            self.show_error("")

    def on_key(self, event: events.Key) -> None:
        """Typing that reached the screen itself: keys sent before the editor had the focus.

        In a burst (`A` and a sentence pasted or sent at once) the keys after `A` arrive while
        this screen is still being mounted; they belong in the note, in order. Also the
        joiners the editor leaves out as unprintable, which are part of a word ("می‌گویند":
        Persian's non-joiner) or of an emoji (👩🏽‍💻: the zero-width joiner).
        """
        editor = self.editor
        if event.character and (event.is_printable or event.character in JOINERS):
            editor.insert(event.character)
        elif event.key == "enter":
            editor.insert("\n")
        elif event.key == "backspace":
            editor.action_delete_left()
        else:
            return
        event.stop()
        event.prevent_default()

    def _after_typing(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the keys already on their way have reached the editor.

        Keys typed just before ctrl+s may still wait in this screen's queue (sent before the
        editor had the focus) or the editor's; both are emptied first, in that order.
        """
        self.call_later(lambda: self.editor.call_later(callback))

    def action_save(self) -> None:
        # Keys typed after ctrl+s (`t` to tag the article next) wait for the save: typed into
        # the editor meanwhile, they went with it, and the next ones ran as commands.
        self._hold_keys()
        self._after_typing(self._save_now)

    def _hold_keys(self) -> None:
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:
            key_order.hold("note-save", STORE_HOLD_LIMIT)

    def _release_keys(self) -> None:
        """The save is over: held keys go where the focus is now (the editor, if it is
        still open; else what is under it, once the focus is back there)."""
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:
            self.app.call_after_refresh(key_order.release, "note-save")

    def _save_now(self) -> None:
        self.show_error("Saving…")
        self._save(self.editor.text, self._base)

    @work(thread=True, exclusive=True, group="note-save", exit_on_error=False)
    def _save(self, text: str, base: tuple[int, str]) -> None:
        from newsread.index.annotations import AnnotationError, NoteConflict

        try:
            self._save_note(text, *base)
        except NoteConflict as conflict:
            self.post_message(self.Conflicted(text, conflict.theirs, conflict.revision))
        except AnnotationError as error:
            self.post_message(self.SaveFailed(str(error)))
        else:
            self.post_message(self.Saved())

    @on(Conflicted)
    def _conflicted(self, message: Conflicted) -> None:
        """Show both texts; keep mine, take theirs, or keep both with a divider."""
        self._release_keys()
        self.show_error("Another newsread saved this note meanwhile: nothing was overwritten")
        quit_after = self._quit_after_save
        self._quit_after_save = False

        def chosen(answer: str | None) -> None:
            if not answer:
                return  # back to editing; saving asks again
            self._base = (message.revision, message.theirs)
            self._quit_after_save = quit_after
            if answer == "theirs":
                self._discard()
                self.dismiss(True)
                if quit_after:
                    self.app.call_later(self.app.action_quit)
                return
            text = message.mine
            if answer == "both":
                text = both_notes(message.theirs, message.mine)
                self.editor.load_text(text)
            self.show_error("Saving…")
            self._hold_keys()
            self._save(text, self._base)

        self.app.push_screen(
            ChoiceDialog(
                "Another newsread saved this note while you were writing it",
                [
                    ("m", "mine", "Keep mine (replaces theirs)"),
                    ("t", "theirs", "Take theirs (drops mine)"),
                    ("b", "both", "Keep both: theirs, a divider, then mine"),
                ],
                body=f"Theirs:\n{message.theirs}\n\nMine:\n{message.mine}",
            ),
            chosen,
        )

    @on(Saved)
    def _saved(self) -> None:
        self._discard()  # the draft goes: the note is saved
        self.dismiss(True)
        self._release_keys()
        if self._quit_after_save:
            self.app.call_later(self.app.action_quit)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self._release_keys()
        self._quit_after_save = False
        self.show_error(f"{message.error} (the text is still here)")

    def action_select_all(self) -> None:
        """The whole note selected, to rewrite or clear it (TextArea's own f7, listed here)."""
        self.editor.select_all()

    def action_external(self) -> None:
        self._after_typing(self._external_now)

    def _external_now(self) -> None:
        try:
            path = None if self._draft is None else self._draft.editor_file(self.editor.text)
            text = edit_text(self.app, self.editor.text, path=path)
        except OSError as error:
            self.show_error(f"Could not prepare the note for $EDITOR: {error.strerror or error}")
            return
        except EditorError as error:
            if self._draft is not None:
                self._draft.editor_done()
            if error.saved is not None:
                self._take_from_editor(error.saved)
            self.show_error(str(error))
            return
        if self._draft is not None:
            self._draft.editor_done()
        self._take_from_editor(text)
        self.show_error("")

    def _take_from_editor(self, text: str) -> None:
        self.editor.load_text(text.rstrip("\n"))
        self.editor.move_cursor(self.editor.document.end)

    def action_cancel(self) -> None:
        self._after_typing(self._cancel_now)

    def _cancel_now(self) -> None:
        if self.changed and not self._confirming:
            self._confirming = True
            self.show_error("The note changed: Escape again discards it, ctrl+s saves it")
            return
        self._discard()
        self.dismiss(False)

    def _discard(self) -> None:
        self._done = True
        if self._draft is not None:
            self._draft.finished()

    def before_quit(self) -> bool:
        """ctrl+q: True when the quit must wait (for keys still arriving, or for the user)."""
        if self._leaving:
            self._discard()
            return False
        self._after_typing(self._ask_before_quitting)
        return True

    def _ask_before_quitting(self) -> None:
        if not self.changed:
            self._leaving = True
            self.app.call_later(self.app.action_quit)
            return

        def chosen(answer: str | None) -> None:
            if answer == "save":
                self._quit_after_save = True
                self.action_save()
            elif answer == "discard":
                self._leaving = True
                self.app.call_later(self.app.action_quit)

        self.app.push_screen(
            ChoiceDialog(
                "Quit newsread? This note is not saved.",
                [
                    ("s", "save", "Save the note, then quit"),
                    ("d", "discard", "Discard the changes and quit"),
                    ("c", "", "Cancel: back to the note"),
                ],
            ),
            chosen,
        )
