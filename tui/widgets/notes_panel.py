"""The notes panel beside the article: its note, tags, and highlights in text order.

Orphaned highlights (their passage is no longer in the article) are listed last, marked, and
kept: select new text in the article and press r on the orphan to re-attach it. The panel
only shows and asks; `AnnotatingPanes` changes the store and hands the panel the new state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsread.index.text import sanitise, sanitise_line
from newsread.tui.cells import cut_at, steady
from newsread.tui.widgets.annotated_text import HIGHLIGHT_COLOURS, colour_style
from newsread.tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from newsread.index.annotations import AnchoredHighlight, ArticleState

ARTICLE_NOTE = "\0article-note"
"""The option id of the article's own note."""
QUOTE_CHARS = 120
NOTE_LINES = 4


def clipped(text: str, limit: int) -> str:
    """`text` on one line within `limit` cells, cut between grapheme clusters."""
    text = steady(" ".join(text.split()))
    return text if cell_len(text) <= limit else text[: cut_at(text, limit - 1)].rstrip() + "…"


def note_lines(note: str) -> str:
    """A note as written (Markdown stays plain text), cut to a few lines."""
    lines = sanitise(note).splitlines()
    shown = lines[:NOTE_LINES]
    if len(lines) > NOTE_LINES:
        shown.append("…")
    return "\n".join(shown)


def highlight_prompt(placed: AnchoredHighlight) -> Content:
    highlight = placed.highlight
    quote = placed.text if placed.text and not placed.orphaned else highlight.quote
    parts = [
        Content.assemble(
            ("  ", colour_style(highlight.colour)),
            " ",
            ("orphaned · ", "bold $text-warning") if placed.orphaned else "",
            ("changed · ", "$text-muted") if placed.status == "fuzzy" else "",
            Content(clipped(sanitise_line(quote), QUOTE_CHARS)),
        )
    ]
    if highlight.note:
        parts.append(Content.assemble(("✎ ", "$text-success"), Content(note_lines(highlight.note))))
    return Content("\n").join(parts)


class NotesList(StoppingOptionList):
    """The panel's entries; the keys act on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Go to", id="notes.jump", tooltip="Go to it in the article"),
        Binding("e", "edit", "Edit note", id="notes.edit", tooltip="Edit its note"),
        Binding(
            "E",
            "edit(True)",
            "$EDITOR",
            show=False,
            id="notes.edit_external",
            tooltip="Edit its note in $EDITOR",
        ),
        Binding("c", "recolour", "Colour", id="notes.colour", tooltip="Next colour (or 1-5)"),
        *(
            Binding(
                str(n),
                f"recolour({n})",
                name.capitalize(),
                show=False,
                id=f"notes.colour{n}",
                tooltip=f"Make it {name}",
            )
            for n, (name, _) in HIGHLIGHT_COLOURS.items()
        ),
        Binding("d", "delete", "Delete", id="notes.delete", tooltip="Delete it (u undoes)"),
        Binding("u", "screen.undo_delete", "Undo", id="notes.undo", tooltip="Undo the deletion"),
        Binding(
            "r",
            "reattach",
            "Re-attach",
            id="notes.reattach",
            tooltip="Re-attach an orphaned highlight to the text selected in the article",
        ),
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding(
            "escape",
            "screen.focus_reader",
            "Article",
            show=False,
            id="notes.back",
            tooltip="Back to the article",
        ),
        Binding(
            "p",
            "screen.toggle_notes",
            "Hide",
            show=False,
            id="notes.hide",
            tooltip="Hide the panel",
        ),
    ]

    @dataclass
    class Chosen(Message):
        """Go to this highlight (or to the article note) in the article."""

        highlight: str

    @dataclass
    class EditRequested(Message):
        highlight: str
        """A highlight id, or `ARTICLE_NOTE`."""
        external: bool = False

    @dataclass
    class RecolourRequested(Message):
        highlight: str
        colour: int | None
        """None: the next colour."""

    @dataclass
    class DeleteRequested(Message):
        highlight: str

    @dataclass
    class ReattachRequested(Message):
        highlight: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.orphans: set[str] = set()

    @property
    def current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _highlight_only(self) -> str | None:
        current = self.current
        if current is None or current == ARTICLE_NOTE:
            self.notify("Choose a highlight first", severity="warning", timeout=2)
            return None
        return current

    def action_edit(self, external: bool = False) -> None:
        if self.current is not None:
            self.post_message(self.EditRequested(self.current, external))

    def action_recolour(self, colour: int | None = None) -> None:
        highlight = self._highlight_only()
        if highlight is not None:
            self.post_message(self.RecolourRequested(highlight, colour))

    def action_delete(self) -> None:
        highlight = self._highlight_only()
        if highlight is not None:
            self.post_message(self.DeleteRequested(highlight))

    def action_reattach(self) -> None:
        highlight = self._highlight_only()
        if highlight is not None:
            self.post_message(self.ReattachRequested(highlight))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))


class NotesPanel(Vertical):
    """The article's note, tags and highlights; shown beside the article (p)."""

    # Unscoped: whether the panel shows depends on the main screen's layout classes.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    NotesPanel {
        display: none;
        width: 36;
        height: 1fr;
        border: round $border-blurred;
        border-title-color: $text-accent;
        &:focus-within {
            border: round $border;
        }
        #notes-tags {
            height: auto;
            color: $text-muted;
            padding: 0 1;
        }
        NotesList, NotesList:focus {
            height: 1fr;
            border: none;
            padding: 0;
            & > .option-list--option {
                padding: 0 1 0 1;
            }
        }
    }
    MainScreen.-notes NotesPanel {
        display: block;
    }
    MainScreen.-narrow NotesPanel {
        display: none;
        width: 32;
        max-width: 45%;  /* at 40 columns the article keeps more than half */
    }
    MainScreen.-narrow.-reading.-notes NotesPanel {
        display: block;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="notes-tags", markup=False)
        yield NotesList(id="notes-list")

    def on_mount(self) -> None:
        self.border_title = "Notes"

    @property
    def notes_list(self) -> NotesList:
        return self.query_one(NotesList)

    def show(self, highlights: list[AnchoredHighlight], state: ArticleState) -> None:
        """Show these highlights (text order, orphans last) and the article's state."""
        notes = self.notes_list
        keep = notes.current
        options: list[Option | None] = []
        if state.note:
            prompt = Content.assemble(
                ("Article note", "bold"), "\n", Content(note_lines(state.note))
            )
            options.append(Option(prompt, id=ARTICLE_NOTE))
        for placed in highlights:
            if options:
                options.append(None)
            options.append(Option(highlight_prompt(placed), id=placed.id))
        notes.orphans = {placed.id for placed in highlights if placed.orphaned}
        notes.set_options(options)
        ids = [option.id for option in options if option is not None]
        if ids:
            notes.highlighted = notes.get_option_index(keep) if keep and keep in ids else 0
        count = len(highlights)
        self.border_title = f"Notes · {count} highlight{'s' if count != 1 else ''}"
        flags = [label for flag, label in ((state.starred, "★ starred"),) if flag]
        tags = " ".join(f"#{sanitise_line(tag)}" for tag in state.tag_names)
        line = " · ".join(part for part in (*flags, tags) if part)
        if not (options or line):
            line = "No highlights yet: v selects text, H highlights it, A notes the article."
        tags_line = self.query_one("#notes-tags", Static)
        tags_line.update(line)
        tags_line.display = bool(line)

    def say(self, text: str) -> None:
        """Show `text` in place of the notes (none are listed)."""
        self.clear()
        line = self.query_one("#notes-tags", Static)
        line.update(text)
        line.display = True

    def clear(self) -> None:
        self.notes_list.clear_options()
        self.border_title = "Notes"
        self.query_one("#notes-tags", Static).update("")

    def select(self, highlight_id: str) -> None:
        """Highlight the entry for this highlight, if listed."""
        notes = self.notes_list
        if any(option.id == highlight_id for option in notes.options):
            notes.highlighted = notes.get_option_index(highlight_id)
