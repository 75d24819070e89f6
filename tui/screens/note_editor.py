"""Writing a note (on a highlight or a whole article) in a dialog, or in the user's $EDITOR.

The note is plain text: Markdown is welcome and shown exactly as written, never rendered or
parsed as markup. Saving goes through a thread worker; a failure (disk full, the database
locked) leaves the text in the editor with the one-line reason, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from newsread.tui.external_editor import EditorError, edit_text

HELP = "ctrl+s saves · ctrl+e opens $EDITOR · Escape cancels"


class NoteEditor(ModalScreen[bool]):
    """Edit one note; dismisses with True once it is saved, False when cancelled."""

    DEFAULT_CSS = """
    NoteEditor #note-dialog {
        width: 80;
        height: auto;
        max-height: 100%;
    }
    NoteEditor #note-quote {
        color: $text-muted;
        max-height: 4;
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

    def __init__(
        self,
        title: str,
        text: str,
        save: Callable[[str], object],
        *,
        quote: str = "",
        error: str = "",
    ) -> None:
        """`save(text)` runs in a thread worker and raises `AnnotationError` on failure."""
        super().__init__()
        self._title = title
        self._original = text
        self._save_note = save
        self._quote = quote
        self._error = error
        self._confirming = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(self._title, markup=False, classes="dialog-title")
            if self._quote:
                yield Static(f"“{self._quote}”", markup=False, id="note-quote")
            yield TextArea(self._original, soft_wrap=True, tab_behavior="indent", id="note-text")
            yield Label(self._error, markup=False, id="note-error")
            yield Label(HELP, classes="dialog-help")

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
        if self._confirming:
            self._confirming = False
            self.show_error("")

    def action_save(self) -> None:
        self.show_error("Saving…")
        self._save(self.editor.text)

    @work(thread=True, exclusive=True, group="note-save", exit_on_error=False)
    def _save(self, text: str) -> None:
        from newsread.index.annotations import AnnotationError

        try:
            self._save_note(text)
        except AnnotationError as error:
            self.post_message(self.SaveFailed(str(error)))
        else:
            self.post_message(self.Saved())

    @on(Saved)
    def _saved(self) -> None:
        self.dismiss(True)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.show_error(f"{message.error} (the text is still here)")

    def action_external(self) -> None:
        try:
            text = edit_text(self.app, self.editor.text)
        except EditorError as error:
            self.show_error(str(error))
            return
        self.editor.load_text(text.rstrip("\n"))
        self.editor.move_cursor(self.editor.document.end)
        self.show_error("")

    def action_cancel(self) -> None:
        if self.changed and not self._confirming:
            self._confirming = True
            self.show_error("The note changed: Escape again discards it, ctrl+s saves it")
            return
        self.dismiss(False)
