"""The reading pane: one article as a read-only TextArea with a cursor and coloured spans.

The document is a short header (title, source · section · date, authors, URL), a blank line,
then `article.body` verbatim (paragraphs separated by blank lines), so a body offset maps to a
document offset by adding `body_start`. Query matches and find-in-article matches are drawn
through TextArea's highlight map (see `_build_highlight_map`, pinned by a test because it is
private API of textual 8.2.8).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.document._document_navigator import DocumentNavigator
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets.text_area import TextAreaTheme
from textual.worker import get_current_worker

from newsread.index.article import shown_path
from newsread.index.results import from_folder, source_shown
from newsread.index.text import sanitise_line
from newsread.tui.cells import cluster_at, conjoining_jamo, steady
from newsread.tui.key_order import STORE_HOLD_LIMIT
from newsread.tui.state import Position
from newsread.tui.widgets.annotated_text import (
    ANNOTATION_BINDINGS,
    HIGHLIGHT_STYLES,
    AnnotatedText,
)
from newsread.tui.widgets.bounded_text import (
    FastWrappedDocument,
    JoinedDocument,
    RowHighlights,
)

if TYPE_CHECKING:
    from textual.widgets.text_area import Location, Selection

    from newsread.index.article import Article

Span = tuple[int, int]
MarksFrom = Callable[[int], list[Span]]
"""The query's matches in an article's body from an offset on (`highlight_spans`'s start)."""

LINE_LIMIT = 5_000
"""Longest line handed to the TextArea: a longer one is cut at a space (made a line break,
so every offset stays the same). TextArea wraps and measures whole lines; a 5 MB paragraph
as one line took 8 s and 620 MB to open. The cut shows as a line break, so the limit is far
above a real paragraph (400 broke every long paragraph mid-sentence on screen)."""
FIND_LIMIT = 5_000
"""Most find matches highlighted at once (a common word in a long article has 100,000), and
most query matches (the first; finding 180,000 in a 20 MB article took 0.7 s)."""
FIND_BATCH = 250
"""Find matches handed to the pane at a time, as the find worker goes."""
WRAP_PAUSE = 0.05
"""Seconds between the steps that wrap the rest of a long article (keys get in between)."""
WRAP_BACKGROUND_STEP = 400_000
"""Characters wrapped in one of those steps (a few hundredths of a second)."""


def cut_long_lines(text: str, limit: int = LINE_LIMIT) -> str:
    """`text` with each line longer than `limit` broken at spaces into rows of at most
    `limit` characters where it has spaces; same length, same offsets.

    Line by line, never a regular expression over the text: `[^\n]{limit+1,}` scanned each
    line again from each of its characters, 3.8 s on the event loop for a 20 MB article of
    ordinary paragraphs; splitting it takes 0.05 s."""
    lines = text.split("\n")
    if all(len(line) <= limit for line in lines):
        return text  # nearly every article
    return "\n".join(_cut_line(line, limit) if len(line) > limit else line for line in lines)


def _cut_line(line: str, limit: int) -> str:
    rows = []
    start = 0
    while len(line) - start > limit:
        space = line.rfind(" ", start + 1, start + limit + 1)
        if space < 0:  # no space within the limit: the next one, however far
            space = line.find(" ", start + limit + 1)
            if space < 0:
                break
        rows.append(line[start:space])
        start = space + 1
    rows.append(line[start:])
    return "\n".join(rows)


_BREAK_AFTER = "。！？；，、.!?;,"
"""Where a line without spaces is best broken: after a sentence's or a clause's end."""


def break_unspaced(text: str, limit: int = LINE_LIMIT) -> tuple[str, tuple[int, ...]]:
    """`text` with each line still longer than `limit` (no space to cut it at: Chinese or
    Japanese, a pasted blob) broken by inserted line breaks into rows of at most `limit`
    characters, between two clusters and after a sentence's end where one is near; and the
    offsets in `text` where breaks were inserted (no character of the text is lost).

    A 1 MB line drawn whole cost seconds a key (TextArea divides the whole line for every row
    it draws): `G` 3 s, `v` 1.6 s, typing into the find bar 8 s."""
    lines = text.split("\n")
    if all(len(line) <= limit for line in lines):
        return text, ()
    inserted: list[int] = []
    rows: list[str] = []
    at = 0  # the offset in `text` of the line under way
    for line in lines:
        start = 0
        while len(line) - start > limit:
            end = start + limit
            window = max(start + 1, end - limit // 10)
            ends = [line.rfind(mark, window, end) for mark in _BREAK_AFTER]
            found = max(ends)
            end = found + 1 if found >= 0 else cluster_at(line, end)[0]
            if end <= start:  # one cluster longer than a row: whole, on its own
                end = cluster_at(line, start)[1]
            rows.append(line[start:end])
            inserted.append(at + end)
            start = end
        rows.append(line[start:])
        at += len(line) + 1
    return "\n".join(rows), tuple(inserted)


THEME = "newsread"
STYLES = {
    "nr.title": Style(bold=True),
    "nr.meta": Style(dim=True),
    "nr.url": Style(dim=True, underline=True),
    # Query matches are underlined, not coloured: a background would repaint highlights
    # (whose five colours include yellow and orange) and be taken for one.
    "nr.match": Style(bold=True, underline=True),
    "nr.find": Style(color="black", bgcolor="cyan"),
    "nr.current": Style(reverse=True, bold=True, underline=True),
}


def format_date(article: Article) -> str:
    published = article.published
    if published is None:
        return ""
    if article.period:
        return f"{published:%Y}" if article.period == "year" else f"{published:%B %Y}"
    text = f"{published.day} {published:%B %Y}"
    if published.hour or published.minute:
        text += f" {published:%H:%M}"
    return text


def header_lines(article: Article) -> list[tuple[str, str]]:
    """The header as (line, style name) pairs."""
    lines = [(sanitise_line(article.title) or "(untitled)", "nr.title")]
    meta = " · ".join(
        part
        for part in (_source_shown(article), sanitise_line(article.section), format_date(article))
        if part
    )
    if meta:
        lines.append((meta, "nr.meta"))
    byline = ", ".join(sanitise_line(a) for a in article.authors) or sanitise_line(article.credit)
    if byline:
        lines.append((byline if byline.lower().startswith("by ") else f"By {byline}", "nr.meta"))
    if article.url:
        lines.append((sanitise_line(article.url), "nr.url"))
    return lines


def _source_shown(article: Article) -> str:
    """The article's source; one the reader took from the library's folder, when the file named
    none, says so, as in the results list ("baltic-wire (folder)")."""
    folder = not article.named_source and from_folder(article.source, article.path)
    return source_shown(article.source, folder)


def citation(article: Article) -> str:
    """One line to cite `article`: authors, "title", source, date, and where it is: its URL,
    else its file in the library (as the export cites it)."""
    parts = []
    authors = ", ".join(article.authors) or article.credit
    if authors:
        parts.append(sanitise_line(authors).removeprefix("By ").removeprefix("by ") + ".")
    parts.append(f"“{sanitise_line(article.title)}”.")
    # A folder or site standing in for a missing source is no publication to cite.
    where = ", ".join(p for p in (sanitise_line(article.named_source), format_date(article)) if p)
    if where:
        parts.append(where + ".")
    if article.url:
        parts.append(sanitise_line(article.url))
    elif article.path:  # a wire story, a file saved from elsewhere: the only way back to it
        parts.append(sanitise_line(shown_path(article.path)))
    return " ".join(parts)


@dataclass(frozen=True)
class _Layout:
    """Offsets <-> (row, column) for one document: the single place that converts them."""

    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, inserted: tuple[int, ...] = ()) -> _Layout:
        """The layout of the pane's `text`: the article's text with line breaks inserted at
        `inserted` (offsets in the article's text, `break_unspaced`), which are no character
        of it: a row after one starts where the row before it ends."""
        starts = [0]
        if not inserted:
            starts.extend(m.end() for m in re.finditer("\n", text))
            return cls(tuple(starts))
        shift = 0  # inserted breaks so far: the pane's offsets run ahead of the article's
        for m in re.finditer("\n", text):
            at = m.start() - shift
            if shift < len(inserted) and inserted[shift] == at:
                shift += 1
                starts.append(at)
            else:
                starts.append(at + 1)
        return cls(tuple(starts))

    def location(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.line_starts, offset) - 1
        return row, offset - self.line_starts[row]

    def offset(self, row: int, column: int) -> int:
        return self.line_starts[row] + column


def iter_find_spans(
    document: str, text: str, limit: int = FIND_LIMIT, batch: int = FIND_BATCH, start: int = 0
) -> Iterator[list[Span]]:
    """The first `limit` case-insensitive occurrences of `text` in `document` from `start`,
    then (while fewer) those before it, `batch` at a time, each batch in text order: a worker
    stops between batches when cancelled (each step is one C-level search)."""
    if not text:
        return
    # Turkish İ and ı as I and i (as search folds them): one letter for one, offsets kept.
    text = _dotless(unicodedata.normalize("NFC", text))
    document = _dotless(document)
    if unicodedata.is_normalized("NFC", document):
        found = _folded_spans(document, text)
    else:
        found = _composed_spans(document, text)
    yield from _batches(found, limit, batch, start, len(document))


def _folded_spans(document: str, text: str) -> Callable[[int, int], Iterator[Span]]:
    """The case-insensitive occurrences of `text` in a composed `document` (one C-level
    search a step)."""
    folded = document.casefold()
    needle = text.casefold()
    same_offsets = len(folded) == len(document)  # casefold kept them (no ß → ss etc.)
    pattern = None if same_offsets else re.compile(re.escape(text), re.IGNORECASE)

    def found(begin: int, end: int) -> Iterator[Span]:
        if pattern is not None:
            yield from (m.span() for m in pattern.finditer(document, begin, end))
            return
        at = folded.find(needle, begin, end)
        while at >= 0:
            yield at, at + len(needle)
            at = folded.find(needle, at + len(needle), end)

    return found


def _composed_spans(document: str, text: str) -> Callable[[int, int], Iterator[Span]]:
    """The case-insensitive occurrences of `text` (composed, NFC) in a `document` that is not
    composed (a page saved decomposed, NFD: "e" and U+0301 for "é"), each a span of whole
    characters with their marks, by where they begin and end: "café" typed finds the "café"
    such a page spells otherwise, and "cafe" does not take its "e" without the accent. A Korean
    syllable so saved is its jamo: "신항" typed finds them."""
    folded: list[str] = []
    starts: list[int] = []
    at = 0
    while at < len(document):
        end = at + 1
        while end < len(document) and (
            unicodedata.combining(document[end]) or conjoining_jamo(document[end])
        ):
            end += 1
        piece = _dotless(unicodedata.normalize("NFC", document[at:end])).casefold()
        folded.append(piece)
        starts.extend([at] * len(piece))
        at = end
    spelt = "".join(folded)
    starts.append(len(document))
    needle = text.casefold()

    def found(begin: int, end: int) -> Iterator[Span]:
        at = spelt.find(needle, bisect_left(starts, begin))
        while at >= 0:
            first, after = starts[at], starts[at + len(needle)]
            if first >= end:
                return
            whole = (at == 0 or starts[at - 1] != first) and starts[at + len(needle) - 1] != after
            if whole and after <= end:
                yield first, after
            at = spelt.find(needle, at + 1)

    return found


def _batches(
    found: Callable[[int, int], Iterator[Span]], limit: int, batch: int, start: int, size: int
) -> Iterator[list[Span]]:
    """As `iter_find_spans` hands out what `found(begin, end)` finds."""
    spans: list[Span] = []
    count = 0
    first = size
    for begin, end in ((start, size), (0, None)):
        for span in found(begin, first if end is None else end):
            first = min(first, span[0])
            spans.append(span)
            count += 1
            if count >= limit:
                yield spans
                return
            if len(spans) >= batch:
                yield spans
                spans = []
        if spans:
            yield spans
            spans = []


def _dotless(text: str) -> str:
    """`text` with Turkish İ and ı written I and i: "ılgı" is found in "ILGI", "İstanbul" in
    "Istanbul" (case folding gives İ two letters, and ı none of I's)."""
    if text.isascii() or ("İ" not in text and "ı" not in text):
        return text
    return text.replace("İ", "I").replace("ı", "i")


def find_spans(document: str, text: str, limit: int = FIND_LIMIT, start: int = 0) -> list[Span]:
    """Spans of the first `limit` case-insensitive occurrences of `text` in `document` from
    `start`, then before it, in text order."""
    found = [
        span for spans in iter_find_spans(document, text, limit, start=start) for span in spans
    ]
    return sorted(found)


class ReadingPane(AnnotatedText):
    """An article with a cursor: move, select (shift+arrows), jump between matches, copy."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ANNOTATION_BINDINGS,
        Binding("j", "cursor_down", "Down", show=False, id="reader.down"),
        Binding("k", "cursor_up", "Up", show=False, id="reader.up"),
        Binding(
            "space,pagedown",
            "page_down",
            "Page",
            show=False,
            id="reader.page_down",
            tooltip="Page down",
        ),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding(
            "ctrl+d",
            "half_page(1)",
            "Half page",
            show=False,
            id="reader.half_down",
            tooltip="Half a page down",
        ),
        Binding(
            "ctrl+u",
            "half_page(-1)",
            "Half page up",
            show=False,
            id="reader.half_up",
            tooltip="Half a page up",
        ),
        Binding("g,home", "top", "Top", show=False, id="reader.top", tooltip="Go to the top"),
        Binding(
            "0,circumflex_accent",
            "cursor_line_start",
            "Line start",
            show=False,
            id="reader.line_start",
            tooltip="Start of the line",
        ),
        Binding(
            "dollar_sign",
            "cursor_line_end",
            "Line end",
            show=False,
            id="reader.line_end",
            tooltip="End of the line",
        ),
        Binding(
            "G,end",
            "bottom",
            "Bottom",
            show=False,
            id="reader.bottom",
            tooltip="Go to the end",
        ),
        Binding(
            "n",
            "next_match",
            "Match",
            id="reader.next_match",
            tooltip="Next match of the query (or of the find text)",
        ),
        Binding(
            "N",
            "previous_match",
            "Prev match",
            show=False,
            id="reader.previous_match",
            tooltip="Previous match",
        ),
        Binding("slash", "find", "Find", id="reader.find", tooltip="Find text in the article"),
        Binding(
            "V",
            "screen.article_versions",
            "Versions",
            show=False,
            id="reader.versions",
            tooltip="Read another version of this story (another outlet, a correction)",
        ),
        Binding(
            "y",
            "copy_passage",
            "Copy",
            id="reader.copy_passage",
            tooltip="Copy the paragraph under the cursor (or the selection)",
        ),
        Binding(
            "Y",
            "copy_citation",
            "Cite",
            show=False,  # the footer is full at 80 columns: v, how annotating starts, has it
            id="reader.copy_citation",
            tooltip="Copy a citation: authors, title, source, date, URL",
        ),
        Binding(
            "o",
            "open_url",
            "Browser",
            show=False,
            id="reader.open_url",
            tooltip="Open the article's URL in a web browser",
        ),
        Binding(
            "escape,q",
            "close",
            "Back",
            id="reader.close",
            tooltip="Back to the results (clears a selection or a find first)",
        ),
    ]

    class Closed(Message):
        """The reader asked to leave the article (Escape or q)."""

    class FindRequested(Message):
        """The reader asked to find text in the article."""

    @dataclass
    class Found(Message):
        """The find worker's next matches (`done`: it has looked through the article)."""

        generation: int
        spans: list[Span]
        done: bool

    @dataclass
    class Marked(Message):
        """The query's matches in the body from the place the reader is at (`marks_from`)."""

        generation: int
        spans: list[Span]

    class OpenUrl(Message):
        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def __init__(self, *, id: str | None = None) -> None:
        # Set before TextArea.__init__, which already builds the highlight map.
        self.article: Article | None = None
        self._layout = _Layout((0,))
        self._header: list[tuple[int, str]] = []
        """Rows styled whole: the header's, and a line after the body of a file cut short."""
        self._body_start = 0
        self._query_matches: list[Span] = []
        self._title_matches: list[Span] = []
        self._marks_from: MarksFrom | None = None
        """The query's matches in the body from an offset on, when `show` had them only
        from the top, up to `FIND_LIMIT`."""
        self._marks_generation = 0
        self._jump_when_marked = False
        """`n` past the marked matches: jump to the next when those from the cursor are in."""
        self._find_text = ""
        self._find_matches: list[Span] = []
        self._find_generation = 0
        self._find_running = False
        self._jump_when_found = False
        """Enter came before the first match: jump to it when it is found."""
        self._current: int | None = None
        self._text = ""
        """The document as the article has it (the TextArea's has long lines cut)."""
        self._wrapping = False
        """Whether steps wrapping the rest of a long article are under way."""
        super().__init__(
            "",
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            highlight_cursor_line=False,
            id=id,
        )
        self.match_cursor_bracket = False  # articles are prose: (brackets) are not code
        self.register_theme(TextAreaTheme(THEME, syntax_styles={**STYLES, **HIGHLIGHT_STYLES}))
        self.theme = THEME

    # -- content ---------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        spans: list[Span],
        position: Position | None = None,
        title_spans: list[Span] | None = None,
        marks_from: MarksFrom | None = None,
    ) -> None:
        """Display `article` with its query matches; restore `position`.

        `spans` are offsets into `article.body`, `title_spans` into the title line as shown.
        `marks_from`: the body's matches from an offset on, when `spans` stop at the limit
        (`FIND_LIMIT`): a position restored past them is marked from there, by a worker.
        """
        lines = header_lines(article)
        header = "\n".join(line for line, _ in lines)
        self._body_start = len(header) + 2
        self._header = [(row, name) for row, (_, name) in enumerate(lines)]
        text = f"{header}\n\n{article.body}"
        stops = article.extra.get("stops", "")
        if stops:  # a file too large to read whole: said where its text stops, as `index` does
            self._header.append((text.count("\n") + 2, "nr.meta"))
            text += f"\n\n[the text stops here: {sanitise_line(stops)}]"
        self._text = text
        # Same length as the article's text: every offset holds (see newsread.tui.cells).
        text, inserted = break_unspaced(cut_long_lines(steady(text)))
        self.article = article
        self.reset_annotations()
        self._layout = _Layout.of(text, inserted)
        self._title_matches = list(title_spans or ())
        self._set_query_matches(spans)
        self._marks_from = marks_from
        self._marks_generation += 1
        self._jump_when_marked = False
        self.workers.cancel_group(self, "marks")
        self._stop_find()
        self._current = None
        self.load_text(text)
        self.restore(position or Position())
        here = self._layout.offset(*self.cursor_location)
        if marks_from is not None and self._past_marked_matches(here):
            # Reopened where it was left, past the matches marked from the top: none there.
            self._mark_in_thread(self._marks_generation, here - self._body_start)
        self._refresh_highlights()

    def _set_query_matches(self, spans: list[Span]) -> None:
        """The title's matches and `spans` (body offsets) as the matches `n`/`N` move between."""
        body = self._body_start
        self._query_matches = sorted(
            [*self._title_matches, *((s + body, e + body) for s, e in spans)]
        )

    @work(thread=True, exclusive=True, group="marks", description="mark the query's matches")
    def _mark_in_thread(self, generation: int, start: int) -> None:
        marks_from = self._marks_from
        if marks_from is None:
            return
        spans = marks_from(max(0, start))
        if not get_current_worker().is_cancelled:
            self.post_message(self.Marked(generation, spans))

    @on(Marked)
    def _marked(self, message: Marked) -> None:
        message.stop()
        if message.generation != self._marks_generation:
            return  # another article's
        self._set_query_matches(message.spans)
        here = self._layout.offset(*self.cursor_location)
        starts = [start for start, _ in self._query_matches]
        self._current = starts.index(here) if here in starts and not self._find_text else None
        if self._jump_when_marked and not self._find_text:
            self._jump_when_marked = False
            if self.jump() and self._layout.offset(*self.cursor_location) < here:
                self.notify("Back at the first match (wrapped round)", timeout=2)
            return
        self._refresh_highlights()

    def clear_article(self) -> None:
        self.article = None
        self.reset_annotations()
        self._query_matches = []
        self._title_matches = []
        self._marks_from = None
        self._marks_generation += 1
        self.workers.cancel_group(self, "marks")
        self._stop_find()
        self._current = None
        self._header = []
        self._text = ""
        self.load_text("")
        self._update_subtitle()

    def body_offset(self, location: Location) -> int:
        """The `Article.body` offset at (row, column); negative in the header."""
        return self._layout.offset(*location) - self._body_start

    def body_location(self, offset: int) -> Location:
        """The (row, column) of an `Article.body` offset (clamped to the body)."""
        body = len(self.article.body) if self.article is not None else 0
        return self._layout.location(self._body_start + min(max(offset, 0), body))

    @property
    def position(self) -> Position:
        row, column = self.cursor_location
        return Position(row, column, round(self.scroll_y))

    def restore(self, position: Position) -> None:
        last = self.document.line_count - 1
        row = min(position.row, last)
        column = min(position.column, len(self.document[row]))
        self.move_cursor((row, column), record_width=True)
        here = self._layout.offset(row, column)
        starts = [start for start, _ in self.matches]
        self._current = starts.index(here) if here in starts else None

        def scroll() -> None:
            self.scroll_to(y=position.scroll_y, animate=False, immediate=True)
            self.scroll_cursor_visible()

        self.call_after_refresh(scroll)

    # -- matches ---------------------------------------------------------------------------

    @property
    def matches(self) -> list[Span]:
        """The spans `n`/`N` move between: the find text's when finding, else the query's."""
        return self._find_matches if self._find_text else self._query_matches

    @property
    def match_label(self) -> str:
        """E.g. "3/17", "-/17" before the first jump, "" without matches."""
        matches = self.matches
        if not matches:
            return ""
        return f"{'-' if self._current is None else self._current + 1}/{len(matches)}"

    def find(self, text: str, start: int | None = None) -> None:
        """Highlight case-insensitive occurrences of `text` (the first `FIND_LIMIT` from the
        cursor, then those before it), found by a worker that a newer find (or `end_find`)
        cancels; the subtitle counts them. `start`: an offset to find from instead."""
        self._stop_find()
        self._current = None
        if text and self.article is not None:
            self._find_text = text
            self._find_running = True
            if start is None:
                start = self._layout.offset(*self.cursor_location)
            self._find_in_thread(self._find_generation, text, start)
        self._refresh_highlights()

    def _stop_find(self) -> None:
        """No find text, no matches; a find still running is cancelled and its answers dropped."""
        self._find_text = ""
        self._find_matches = []
        self._find_generation += 1
        self._find_running = False
        self._jump_when_found = False
        self.workers.cancel_group(self, "find")

    # Not handed the article as an argument: the worker's description would be its repr
    # (5 MB formatted on the event loop).
    @work(thread=True, exclusive=True, group="find", description="find in the article")
    def _find_in_thread(self, generation: int, text: str, start: int) -> None:
        worker = get_current_worker()
        document = self._text  # a newer article meanwhile: its generation drops these spans
        for spans in iter_find_spans(document, text, FIND_LIMIT, start=start):
            if worker.is_cancelled:
                return
            self.post_message(self.Found(generation, spans, done=False))
        self.post_message(self.Found(generation, [], done=True))

    @on(Found)
    def _found(self, message: Found) -> None:
        message.stop()
        if message.generation != self._find_generation:
            return  # an older find's
        matches, spans = self._find_matches, message.spans
        at = bisect_left(matches, spans[0]) if spans else len(matches)  # (those before it)
        matches[at:at] = spans
        if self._current is not None and at <= self._current:
            self._current += len(spans)
        self._find_running = not message.done
        if self._jump_when_found and (self._find_matches or message.done):
            self._jump_when_found = False
            if self._find_matches:
                before = self._layout.offset(*self.cursor_location)
                self.jump()
                if self._layout.offset(*self.cursor_location) < before:
                    # None after the cursor (a find on past those found, or begun there).
                    self.notify("Back at the first match (wrapped round)", timeout=2)
                return
        self._refresh_highlights()

    def end_find(self) -> None:
        if self._find_text:
            self._stop_find()
            self._current = None
            self._refresh_highlights()

    @property
    def finding(self) -> bool:
        return bool(self._find_text)

    def jump(self, forward: bool = True) -> bool:
        """Move to the next (or previous) match from the cursor, wrapping; False if none."""
        matches = self.matches
        if not matches:
            # Enter before the find worker's first matches: jump when they come.
            self._jump_when_found = self._find_running
            return False
        here = self._layout.offset(*self.cursor_location)
        if forward and self._past_those_found(here):
            # More than `FIND_LIMIT`, the cursor on or past the last found: find on from here
            # (after the match it is on), rather than back at the first as if none were left.
            self.find(self._find_text, here + 1 if matches[-1][0] == here else here)
            self._jump_when_found = True
            return True
        if self._current is not None and matches[self._current][0] == here:
            index = (self._current + (1 if forward else -1)) % len(matches)
        elif forward:  # a match right at the cursor counts as the next one
            index = next((i for i, (s, _) in enumerate(matches) if s >= here), 0)
        else:
            earlier = [i for i, (s, _) in enumerate(matches) if s < here]
            index = earlier[-1] if earlier else len(matches) - 1
        self._current = index
        self.move_cursor(self._layout.location(matches[index][0]))
        self.scroll_cursor_visible(center=True)
        self._refresh_highlights()
        return True

    def _past_those_found(self, here: int) -> bool:
        """Whether the find stopped at `FIND_LIMIT` matches, the last of them at or before
        `here`."""
        matches = self._find_matches
        return (
            bool(self._find_text)
            and not self._find_running
            and len(matches) >= FIND_LIMIT
            and matches[-1][0] <= here
        )

    def _past_marked_matches(self, here: int) -> bool:
        """Whether the query's matches stop at `FIND_LIMIT`, the last of them at or before
        `here`."""
        matches = self._query_matches
        return len(matches) >= FIND_LIMIT and matches[-1][0] <= here

    def _refresh_highlights(self) -> None:
        self._build_highlight_map()
        self.refresh()
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        label = self.match_label
        if not label:
            finding = sanitise_line(self._find_text)
            subtitle = (
                ("finding…" if self._find_running else f"no '{finding}' here")
                if self._find_text
                else ""
            )
        elif self._find_text:
            more = (
                "…" if self._find_running else "+" if len(self._find_matches) >= FIND_LIMIT else ""
            )
            subtitle = f"find {label}{more} · n/N"
        else:
            more = "+" if len(self._query_matches) >= FIND_LIMIT else ""
            subtitle = f"match {label}{more} · n/N"
        # Content, not a str: a border's str is markup, and the find text is the reader's
        # ("[/]" typed into the find bar stopped newsread with a MarkupError).
        self.border_subtitle = Content(subtitle)

    def _build_highlight_map(self) -> None:
        """Fill TextArea's (private) highlight map from the header and the match spans.

        Match spans go in as `RowHighlights` spans: each row's are made when it is drawn.
        """
        self._line_cache.clear()
        highlights = self._highlights
        if not isinstance(highlights, RowHighlights):
            highlights = self._highlights = RowHighlights()
        highlights.clear()
        if self.article is None:
            return
        for row, name in self._header:
            highlights[row].append((0, None, name))
        self.paint_highlights()
        current = self.matches[self._current] if self._current is not None else None

        def named(name: str) -> Callable[[Span], str]:
            return lambda span: "nr.current" if span == current else name

        highlights.set_spans(
            [(self._query_matches, named("nr.match")), (self._find_matches, named("nr.find"))],
            self._layout.line_starts,
            self.document.__getitem__,
        )

    def _set_document(self, text: str, language: str | None) -> None:
        """TextArea's, for plain text, with `JoinedDocument` and `FastWrappedDocument` (a long
        article opens and draws fast)."""
        self._highlight_query = None
        self.document = JoinedDocument(text)
        # Wrapped once, at the width it is shown at (TextArea wraps at 0 first, then again).
        self.wrapped_document = FastWrappedDocument(
            self.document, self.wrap_width, tab_width=self.indent_width
        )
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()

    def render_lines(self, crop: Region) -> list[Strip]:
        # A pane shown for the first time is drawn before its resize event arrives: wrapped
        # at its old width (0 while hidden), its first frame showed lines cut at the edge.
        if self.soft_wrap and self.wrapped_document._width != self.wrap_width:
            self._rewrap_and_refresh_virtual_size()
        return super().render_lines(crop)

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # TextArea's (a new document, a new width), wrapping through the cursor's line at
        # once (its row must be right to scroll to it) and the rest a step at a time.
        wrapped = self.wrapped_document
        width = wrapped._width
        wrapped.wrap(self.wrap_width, tab_width=self.indent_width)
        if width and width != wrapped._width:  # rows moved: where the reader was stays shown
            self.call_after_refresh(self.scroll_cursor_visible, center=True)
        if isinstance(wrapped, FastWrappedDocument) and not wrapped.complete:
            wrapped.wrap_through(self.cursor_location[0] + max(self.size.height, 24))
            if not wrapped.complete and not self._wrapping:
                self._wrapping = True  # the rest once the first screen is drawn
                self.call_after_refresh(self.set_timer, WRAP_PAUSE, self._wrap_step)
        self._line_cache.clear()
        self._refresh_size()

    def _wrap_step(self) -> None:
        """Wrap the next part of a long article, between keys, until all of it is wrapped."""
        wrapped = self.wrapped_document
        if not isinstance(wrapped, FastWrappedDocument) or wrapped.complete:
            self._wrapping = False
            return
        rows = wrapped.height - (len(wrapped.document.lines) - wrapped.wrapped_lines)
        wrapped.wrap_more(WRAP_BACKGROUND_STEP)
        if self.scroll_y + self.size.height >= rows:  # rows on screen were one a line
            self._line_cache.clear()
        self._refresh_size()
        self.set_timer(WRAP_PAUSE, self._wrap_step)

    def _validate_selection(self, selection: Selection) -> Selection:
        # A cursor going past the lines wrapped so far (G, a match, a restored position):
        # wrap through its line and a screen more first, so its row is where it will stay.
        wrapped = self.wrapped_document
        if isinstance(wrapped, FastWrappedDocument) and not wrapped.complete:
            line = max(selection.start[0], selection.end[0]) + max(self.size.height, 24)
            if wrapped.wrap_through(line):
                self._line_cache.clear()
                self._refresh_size()
        return super()._validate_selection(selection)

    # -- passages --------------------------------------------------------------------------

    def passage(self) -> str:
        """The selection if there is one, else the paragraph (or header line) at the cursor."""
        # As the article has it: the pane's copy has long lines cut and emoji steadied.
        first, last = sorted(self.selection)
        if first != last:
            return self._text[self._layout.offset(*first) : self._layout.offset(*last)]
        if self.article is None:
            return ""
        offset = self._layout.offset(*self.cursor_location)
        if offset < self._body_start:
            row = self.cursor_location[0]
            line_start = self._layout.line_starts[row]
            return self._text[line_start : line_start + len(self.document[row])]
        body_offset = offset - self._body_start
        start = 0
        paragraphs: tuple[str, ...] = self.article.paragraphs
        for paragraph in paragraphs:
            end = start + len(paragraph)
            if body_offset <= end:
                return paragraph
            start = end + 2
        return paragraphs[-1] if paragraphs else ""

    # -- actions ---------------------------------------------------------------------------

    def action_page_down(self) -> None:
        self.action_cursor_page_down()

    def action_page_up(self) -> None:
        self.action_cursor_page_up()

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.content_size.height // 2) * direction
        target = self.navigator.get_location_at_y_offset(self.cursor_location, step)
        self.scroll_relative(y=step, animate=False)
        self.move_cursor(target)

    def action_top(self) -> None:
        self.move_cursor((0, 0))
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.move_cursor(self.document.end)
        self.scroll_end(animate=False)

    def action_next_match(self) -> None:
        self._jump_or_say(True)

    def action_previous_match(self) -> None:
        self._jump_or_say(False)

    def _jump_or_say(self, forward: bool) -> None:
        before = self._layout.offset(*self.cursor_location)
        if forward and not self._find_text and self._past_marked_matches(before):
            # Back to the first would say there are no more: there are, past those marked.
            if self._marks_from is not None:  # marked on from here, then the next one
                self._jump_when_marked = True
                self._mark_in_thread(self._marks_generation, before - self._body_start)
                return
            self.notify(
                f"Only the first {FIND_LIMIT:,} matches are marked; / finds a word from here on",
                timeout=4,
            )
            return
        if self.jump(forward):
            # Wrapped: it went back past the cursor (to the first match from after the last, or
            # the other way), not only from the last match's number to the first's: after `g`
            # the first match is the next one.
            after = self._layout.offset(*self.cursor_location)
            if len(self.matches) > 1 and (after < before if forward else after > before):
                where = "first" if forward else "last"
                self.notify(f"Back at the {where} match (wrapped round)", timeout=2)
            return
        self.notify(
            f"'{self._find_text}' is not in this article"
            if self._find_text
            else "No query matches in this article; / finds text in it",
            timeout=3,
        )

    def action_find(self) -> None:
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:  # keys typed after `/` wait for the find bar's focus
            # Its handler always releases them (`ArticleView._start_find`): the limit is only
            # a hang guard. At 2 s a loaded machine let "harbour" go to the reader.
            key_order.hold("find", STORE_HOLD_LIMIT)
        self.post_message(self.FindRequested())

    def action_copy_passage(self) -> None:
        text = self.passage()
        if not text:
            self.notify("Nothing to copy here", severity="warning", timeout=3)
            return
        self.app.copy_to_clipboard(text)
        what = "selection" if self.selected_text else "passage"
        self.notify(f"Copied the {what} ({len(text)} characters) {self._copied_to()}", timeout=4)

    def action_copy_citation(self) -> None:
        if self.article is None:
            return
        self.app.copy_to_clipboard(citation(self.article))
        self.notify(f"Copied a citation of this article {self._copied_to()}", timeout=4)

    def _copied_to(self) -> str:
        where: str = getattr(self.app, "copied_to", "")
        return where

    def action_open_url(self) -> None:
        if self.article is None:
            return
        if not self.article.url:
            self.notify("This article has no URL", severity="warning", timeout=3)
            return
        self.post_message(self.OpenUrl(self.article.url))

    def action_close(self) -> None:
        # Escape means three things in a row here: each one that leaves the article open says
        # so, and where the next goes (a dropped selection was easy to miss).
        if self.selected_text or self.selecting:
            self.cancel_selection()
            self.notify("Selection dropped · Escape again: back to the list", timeout=2)
        elif self._find_text:
            self.end_find()
            self.notify("Find ended · Escape again: back to the list", timeout=2)
        else:
            self.post_message(self.Closed())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        verdict = self.check_annotation_action(action, parameters)
        if verdict is not None:
            return verdict
        if action in ("copy_passage", "copy_citation", "find", "open_url", "next_match"):
            return self.article is not None
        return True
