"""The reader's side of annotations: selecting text and showing highlights in it.

`AnnotatedText` is the read-only TextArea that `ReadingPane` builds on. It adds a selection
mode (`v`) that motions extend by character, word, sentence or paragraph; paints the article's
highlights in their colours through the highlight map; and jumps between them. It never
touches the annotation store: `AnnotatingPanes` reads `selected_span()` and `highlight_at_cursor()`
and does the rest in thread workers.

Every offset here is a character offset into `Article.body`; `ReadingPane.body_offset` and
`ReadingPane.body_location` are the one pair of functions converting them to and from the
TextArea's (row, column).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from newsread.index.marks import ASTRAL_MARKS, BMP_MARKS, JOINERS
from newsread.tui.cells import cluster_at
from newsread.tui.widgets.sentences import sentence_starts, with_quote_marks

if TYPE_CHECKING:
    from textual.widgets.text_area import Location

    from newsread.index.annotations import AnchoredHighlight
    from newsread.index.article import Article

HIGHLIGHT_COLOURS: dict[int, tuple[str, str]] = {
    # Saturated enough that a 16-colour terminal maps each to a different bright colour
    # (yellow, green, blue, magenta, red); black text reads on all of them.
    1: ("yellow", "#000000 on #ffd75f"),
    2: ("green", "#000000 on #87d75f"),
    3: ("blue", "#000000 on #5f87ff"),
    4: ("pink", "#000000 on #ff87ff"),
    5: ("orange", "#000000 on #ff875f"),
}
"""Highlight colour number -> (name, style)."""
DEFAULT_COLOUR = 1
HIGHLIGHT_STYLES = {f"nr.hl{n}": Style.parse(spec) for n, (_, spec) in HIGHLIGHT_COLOURS.items()}

# A word's combining marks are part of it: a page saved decomposed spells "café" as "cafe"
# and U+0301, and `w` stopped before the accent (the quote saved was "cafe").
# The joiners that `sanitise` keeps between two letters belong to the word too.
_LETTERS = f"[\\w{BMP_MARKS}{ASTRAL_MARKS}]+"
_WORD = re.compile(f"{_LETTERS}(?:['’{JOINERS}-]{_LETTERS})*")
_PARAGRAPH_BREAK = "\n\n"


SELECTING_HINTS = (
    "selecting · H highlight · N note · Esc cancels · s sentence, s s paragraph",
    "selecting · H highlight · N note · s sentence · Esc cancels",
    "selecting · H/N · s sentence · Esc cancels",
    "selecting · Esc cancels",
)
"""The border's hint while selecting, longest first."""


def _around(body: str, here: int, starts: list[int]) -> tuple[int, int]:
    """The part of `body` (a sentence or paragraph: `starts` are theirs) holding `here`,
    without the space after it."""
    start = max((s for s in starts if s <= here), default=0)
    end = min((s for s in starts if s > here), default=len(body))
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def colour_name(colour: int) -> str:
    return HIGHLIGHT_COLOURS.get(colour, ("?", ""))[0]


def colour_style(colour: int) -> str:
    return HIGHLIGHT_COLOURS.get(colour, ("", "reverse"))[1]


ANNOTATION_BINDINGS: list[BindingType] = [
    # Listed ahead of the reading pane's own bindings: where a key means two things (b, N),
    # the one that applies while selecting comes first and declines otherwise.
    Binding(
        "v",
        "select",
        "Select",  # in the footer: how annotating starts (Y, less needed, makes room)
        id="reader.select",
        tooltip="Start or stop selecting (h l w b ( ) { } extend it, s takes the sentence,"
        " Escape cancels)",
    ),
    Binding("h", "cursor_left", "Left", show=False, id="reader.left", tooltip="Character left"),
    Binding("l", "cursor_right", "Right", show=False, id="reader.right", tooltip="Character right"),
    Binding("w", "word(1)", "Word", show=False, id="reader.word", tooltip="To the end of a word"),
    Binding(
        "b",
        "word(-1)",
        "Word back",
        show=False,
        id="reader.word_back",
        tooltip="Back a word while selecting (page up otherwise)",
    ),
    Binding(
        "right_parenthesis",
        "sentence(1)",
        "Sentence",
        show=False,
        id="reader.sentence",
        tooltip="To the next sentence",
    ),
    Binding(
        "left_parenthesis",
        "sentence(-1)",
        "Sentence back",
        show=False,
        id="reader.sentence_back",
        tooltip="Back to the start of a sentence",
    ),
    Binding(
        "right_curly_bracket",
        "paragraph(1)",
        "Paragraph",
        show=False,
        id="reader.paragraph",
        tooltip="To the end of a paragraph",
    ),
    Binding(
        "left_curly_bracket",
        "paragraph(-1)",
        "Paragraph back",
        show=False,
        id="reader.paragraph_back",
        tooltip="Back to the start of a paragraph",
    ),
    # While selecting (as vim's `vis`, `vip`); otherwise s does nothing here.
    Binding(
        "s",
        "select_around",
        "Sentence",
        show=False,
        id="reader.select_around",
        tooltip="While selecting: the whole sentence at the cursor; again: its paragraph",
    ),
    Binding(
        "H,enter",
        "screen.highlight",
        "Highlight",
        id="reader.highlight",
        tooltip="Highlight the selection (yellow)",
    ),
    *(
        Binding(
            str(n),
            f"screen.colour({n})",
            name.capitalize(),
            show=False,
            id=f"reader.colour{n}",
            tooltip=f"Highlight the selection in {name} (or recolour the highlight here)",
        )
        for n, (name, _) in HIGHLIGHT_COLOURS.items()
    ),
    Binding(
        "N",
        "screen.highlight_with_note",
        "Note",
        id="reader.highlight_note",
        tooltip="Highlight the selection and write a note on it (none: the article's note)",
    ),
    Binding(
        "e",
        "screen.edit_note",
        "Edit note",
        show=False,
        id="reader.edit_note",
        tooltip="Edit the note of the highlight at the cursor (else the article's)",
    ),
    Binding(
        "E",
        "screen.edit_note(True)",
        "Edit in $EDITOR",
        show=False,
        id="reader.edit_note_external",
        tooltip="The same, in $EDITOR",
    ),
    Binding(
        "A",
        "screen.article_note",
        "Article note",
        show=False,
        id="reader.article_note",
        tooltip="Write a note on the whole article",
    ),
    Binding(
        "x",
        "screen.delete_highlight",
        "Delete",
        show=False,
        id="reader.delete_highlight",
        tooltip="Delete the highlight at the cursor (u undoes)",
    ),
    Binding(
        "u",
        "screen.undo_delete",
        "Undo",
        show=False,
        id="reader.undo",
        tooltip="Bring back the highlight deleted last",
    ),
    Binding(
        "greater_than_sign",
        "next_highlight",
        "Next highlight",
        show=False,
        id="reader.next_highlight",
        tooltip="Jump to the next highlight",
    ),
    Binding(
        "less_than_sign",
        "previous_highlight",
        "Previous highlight",
        show=False,
        id="reader.previous_highlight",
        tooltip="Jump to the previous highlight",
    ),
    Binding(
        "p",
        "screen.toggle_notes",
        "Notes",
        show=False,
        id="reader.notes",
        tooltip="Go to the panel of highlights and notes (p there hides it)",
    ),
    Binding("t", "screen.tags", "Tags", show=False, id="reader.tags", tooltip="Tag the article"),
    Binding(
        "m",
        "screen.toggle_read",
        "Read",
        show=False,
        id="reader.toggle_read",
        tooltip="Mark the article read or unread",
    ),
    Binding(
        "asterisk",
        "screen.toggle_star",
        "Star",
        show=False,
        id="reader.star",
        tooltip="Star or unstar the article",
    ),
]
"""The reading pane's keys for selecting and annotating (see `ReadingPane.BINDINGS`)."""


class AnnotatedText(TextArea):
    """A read-only TextArea with a selection mode and the article's highlights painted in."""

    article: Article | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Set before TextArea.__init__, which already builds the highlight map.
        self.highlights: list[AnchoredHighlight] = []
        """The article's live highlights in text order (orphans last, never painted)."""
        self.selecting = False
        """Selection mode (`v`): every motion extends the selection."""
        super().__init__(*args, **kwargs)

    # The one conversion between body offsets and (row, column) lives in ReadingPane.

    def body_offset(self, location: Location) -> int:
        raise NotImplementedError

    def body_location(self, offset: int) -> Location:
        raise NotImplementedError

    # -- highlights ------------------------------------------------------------------------

    def reset_annotations(self) -> None:
        """Forget the highlights and the selection mode (another article is being shown)."""
        self.highlights = []
        self.selecting = False
        self._show_mode()

    def set_highlights(self, highlights: list[AnchoredHighlight]) -> None:
        self.highlights = list(highlights)
        self._build_highlight_map()
        self.refresh()

    def paint_highlights(self) -> None:
        """Add the highlights to TextArea's highlight map (called by `_build_highlight_map`)."""
        for placed in self.highlights:
            if placed.start is None or placed.end is None or placed.end <= placed.start:
                continue
            name = f"nr.hl{placed.highlight.colour}"
            self._paint(self.body_location(placed.start), self.body_location(placed.end), name)

    def _paint(self, start: Location, end: Location, name: str) -> None:
        """Style `start`..`end`, across rows if need be (TextArea wants utf-8 byte columns)."""
        for row in range(start[0], min(end[0], self.document.line_count - 1) + 1):
            line = self.document[row]
            first = start[1] if row == start[0] else 0
            last = end[1] if row == end[0] else len(line)
            if last > first:
                start_byte = len(line[:first].encode("utf-8"))
                end_byte = len(line[:last].encode("utf-8"))
                self._highlights[row].append((start_byte, end_byte, name))

    def highlight_at_cursor(self) -> AnchoredHighlight | None:
        """The highlight under the cursor or just behind it (the innermost if they overlap)."""
        here = self.body_offset(self.cursor_location)
        covering = [
            h
            for h in self.highlights
            if h.start is not None and h.end is not None and h.start <= here <= h.end
        ]
        return min(covering, key=lambda h: (h.end or 0) - (h.start or 0), default=None)

    def move_to_highlight(self, highlight_id: str) -> bool:
        """Put the cursor at the start of a highlight, scrolled into view; False if not here."""
        for placed in self.highlights:
            if placed.id == highlight_id and placed.start is not None:
                self.selecting = False
                self._show_mode()
                self.move_cursor(self.body_location(placed.start))
                self.scroll_cursor_visible(center=True)
                return True
        return False

    def action_next_highlight(self) -> None:
        self._jump_highlight(forward=True)

    def action_previous_highlight(self) -> None:
        self._jump_highlight(forward=False)

    def _jump_highlight(self, forward: bool) -> None:
        starts = sorted({h.start for h in self.highlights if h.start is not None})
        if not starts:
            self.notify("No highlights in this article; v selects text, H highlights it")
            return
        here = self.body_offset(self.cursor_location)
        if forward:
            target = next((s for s in starts if s > here), starts[0])
        else:
            target = next((s for s in reversed(starts) if s < here), starts[-1])
        self.move_cursor(self.body_location(target), select=self.selecting)
        self.scroll_cursor_visible(center=True)

    # -- selection -------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as body offsets, trimmed of surrounding whitespace and taking the
        quotation marks and brackets around it (`with_quote_marks`); None if empty.

        A selection reaching into the header is cut at the start of the body.
        """
        if self.article is None:
            return None
        body = self.article.body
        start, end = sorted((self.selection.start, self.selection.end))
        first = max(0, self.body_offset(start))
        last = min(len(body), self.body_offset(end))
        while first < last and body[first].isspace():
            first += 1
        while last > first and body[last - 1].isspace():
            last -= 1
        return with_quote_marks(body, first, last) if last > first else None

    def select_span(self, start: int, end: int) -> None:
        """Select the body's `start`-`end` (kept for H or 1-5, as `v` leaves a selection)."""
        self.selecting = False
        self.selection = Selection(self.body_location(start), self.body_location(end))
        self._show_mode()

    def cancel_selection(self) -> None:
        self.selecting = False
        self.move_cursor(self.cursor_location)
        self._show_mode()

    def action_select(self) -> None:
        if self.selecting:
            self.selecting = False  # keep what is selected: H or 1-5 still apply
        else:
            self.selecting = True
            self.move_cursor(self._anchor())  # the anchor is where the cursor is
        self._show_mode()

    def _anchor(self) -> Location:
        """Where `v` starts a selection: the cursor, or on blank space the next word's start.

        From a blank line (under the dateline, between paragraphs) `)` selected only the
        space up to the next sentence: nothing, so N then had no selection to note on.
        """
        here = self.cursor_location
        found = self._body_here()
        if found is None:
            return here
        body, offset = found
        blank_line = not self.document[here[0]].strip()
        if not blank_line and not (0 <= offset < len(body) and body[offset].isspace()):
            return here
        start = max(offset, 0)
        while start < len(body) and body[start].isspace():
            start += 1
        return self.body_location(start) if start < len(body) else here

    def show_pending(self, text: str) -> None:
        """Say on the border what is under way (the next selection change clears it)."""
        self.border_title = text

    def _show_mode(self) -> None:
        self.border_title = self._selecting_hint() if self.selecting else ""
        self.refresh_bindings()

    def _selecting_hint(self) -> str:
        """The longest of `SELECTING_HINTS` the border has room for: beside the notes panel
        at 80 columns the longest was cut in the middle of "Esc cancels"."""
        room = self.outer_size.width - 6  # the corners, a line and a space each side
        return next((hint for hint in SELECTING_HINTS if len(hint) <= room), SELECTING_HINTS[-1])

    def on_resize(self) -> None:
        if self.selecting:
            self.border_title = self._selecting_hint()

    def _move(self, location: Location, select: bool = False) -> None:
        self.move_cursor(location, select=select or self.selecting)
        self.scroll_cursor_visible()

    # The cursor moves by what a terminal draws as one character (a letter and its accents,
    # a flag, an emoji joined with others): TextArea's moves by code point, and a selection
    # ending inside "e\u0301" showed "é" selected while saving "e".

    def get_cursor_left_location(self) -> Location:
        row, column = self.cursor_location
        if column == 0:
            return super().get_cursor_left_location()
        return row, cluster_at(self.document[row], column - 1)[0]

    def get_cursor_right_location(self) -> Location:
        row, column = self.cursor_location
        line = self.document[row]
        if column >= len(line):
            return super().get_cursor_right_location()
        return row, cluster_at(line, column)[1]

    def _validate_selection(self, selection: Selection) -> Selection:
        # Any other motion (up and down by cells, a restored position) lands at the start of
        # the character it would have split.
        start, end = super()._validate_selection(selection)
        return Selection(self._whole(start), self._whole(end))

    def _whole(self, location: Location) -> Location:
        row, column = location
        if column == 0 or row >= self.document.line_count:
            return location
        return row, cluster_at(self.document[row], column)[0]

    # While selecting, every cursor motion extends the selection.

    def action_cursor_left(self, select: bool = False) -> None:
        super().action_cursor_left(select or self.selecting)

    def action_cursor_right(self, select: bool = False) -> None:
        super().action_cursor_right(select or self.selecting)

    def action_cursor_up(self, select: bool = False) -> None:
        super().action_cursor_up(select or self.selecting)

    def action_cursor_down(self, select: bool = False) -> None:
        super().action_cursor_down(select or self.selecting)

    def action_cursor_line_start(self, select: bool = False) -> None:
        super().action_cursor_line_start(select or self.selecting)

    def action_cursor_line_end(self, select: bool = False) -> None:
        super().action_cursor_line_end(select or self.selecting)

    def action_cursor_word_left(self, select: bool = False) -> None:
        self.action_word(-1, select)

    def action_cursor_word_right(self, select: bool = False) -> None:
        self.action_word(1, select)

    def _body_here(self) -> tuple[str, int] | None:
        if self.article is None:
            return None
        return self.article.body, self.body_offset(self.cursor_location)

    def action_word(self, direction: int, select: bool = False) -> None:
        """To the end of this or the next word, or back to the start of a word."""
        found = self._body_here()
        if found is None:
            return
        body, here = found
        if here < 0:
            target = 0
        elif direction > 0:
            target = next((m.end() for m in _WORD.finditer(body, here) if m.end() > here), here)
        else:
            starts = [m.start() for m in _WORD.finditer(body, 0, max(here, 0)) if m.start() < here]
            target = starts[-1] if starts else 0
        self._move(self.body_location(target), select)

    def action_sentence(self, direction: int) -> None:
        """To the start of the next sentence, or back to the start of this (or the last) one."""
        found = self._body_here()
        if found is None:
            return
        body, here = found
        starts = sentence_starts(body)
        if direction > 0 and self.selecting:
            # From the header (the cursor opens on the title), v ) selected up to the first
            # sentence's start, none of its words: it takes in the first sentence.
            here = max(here, 0)
        if direction > 0:
            target = next((s for s in starts if s > here), len(body))
        else:
            target = next((s for s in reversed(starts) if s < here), 0)
        self._move(self.body_location(target))

    def action_paragraph(self, direction: int) -> None:
        """To the end of this (or the next) paragraph, or back to the start of one."""
        found = self._body_here()
        if found is None:
            return
        body, here = found
        breaks = [m.start() for m in re.finditer(_PARAGRAPH_BREAK, body)]
        if direction > 0:
            ends = [*breaks, len(body)]
            target = next((e for e in ends if e > here), len(body))
        else:
            starts = [0, *(b + len(_PARAGRAPH_BREAK) for b in breaks)]
            target = next((s for s in reversed(starts) if s < here), 0)
        self._move(self.body_location(target))

    def action_select_around(self) -> None:
        """Select the whole sentence the cursor is in, or its paragraph when that sentence is
        selected already: `j` moves by screen line, so `v` then `)` began mid-sentence."""
        if self.article is None:
            return
        body = self.article.body
        # From where the selection starts: after `s` the cursor is past the sentence's end,
        # and `s` again took the next sentence instead of the paragraph.
        here = max(0, self.body_offset(min(self.selection.start, self.selection.end)))
        while here < len(body) - 1 and body[here].isspace():
            here += 1  # between two: the next
        start, end = _around(body, here, sentence_starts(body))
        span = self.selected_span()
        if span is not None and span[0] <= start and span[1] >= end:
            breaks = [m.end() for m in re.finditer(_PARAGRAPH_BREAK, body)]
            start, end = _around(body, here, [0, *breaks])
        self.selection = Selection(self.body_location(start), self.body_location(end))
        self.scroll_cursor_visible()

    def check_annotation_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether an action of this class applies now; None for actions it does not own."""
        if action == "select_around":
            return self.selecting and self.article is not None
        if action == "word" and parameters and parameters[0] == -1:
            return self.selecting  # b pages up unless selecting
        if action in ("select", "word", "sentence", "paragraph"):
            return self.article is not None
        if action in ("next_highlight", "previous_highlight"):
            return self.article is not None
        return None
