"""The reading pane: one article as a read-only TextArea with a cursor and coloured spans.

The document is a short header (title, source · section · date, authors, URL), a blank line,
then `article.body` verbatim (paragraphs separated by blank lines), so a body offset maps to a
document offset by adding `body_start`. Query matches and find-in-article matches are drawn
through TextArea's highlight map (see `_build_highlight_map`, pinned by a test because it is
private API of textual 8.2.8).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets.text_area import TextAreaTheme

from newsread.index.text import sanitise_line
from newsread.tui.state import Position
from newsread.tui.widgets.annotated_text import (
    ANNOTATION_BINDINGS,
    HIGHLIGHT_STYLES,
    AnnotatedText,
)

if TYPE_CHECKING:
    from textual.widgets.text_area import Location

    from newsread.index.article import Article

Span = tuple[int, int]

LINE_LIMIT = 400
"""Longest line handed to the TextArea: a longer one is cut at a space (made a line break,
so every offset stays the same). TextArea wraps and measures whole lines; a 5 MB paragraph
as one line took 8 s and 620 MB to open."""
FIND_LIMIT = 5_000
"""Most find matches highlighted at once (a common word in a long article has 100,000)."""


def cut_long_lines(text: str, limit: int = LINE_LIMIT) -> str:
    """`text` with each line longer than `limit` broken at spaces into rows of at most
    `limit` characters where it has spaces; same length, same offsets."""

    def cut(match: re.Match[str]) -> str:
        line = match.group()
        chars = list(line)
        start = 0
        while len(line) - start > limit:
            space = line.rfind(" ", start + 1, start + limit + 1)
            if space < 0:  # no space within the limit: the next one, however far
                space = line.find(" ", start + limit + 1)
                if space < 0:
                    break
            chars[space] = "\n"
            start = space + 1
        return "".join(chars)

    return re.sub(rf"[^\n]{{{limit + 1},}}", cut, text)


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
    text = f"{published.day} {published:%B %Y}"
    if published.hour or published.minute:
        text += f" {published:%H:%M}"
    return text


def header_lines(article: Article) -> list[tuple[str, str]]:
    """The header as (line, style name) pairs."""
    lines = [(sanitise_line(article.title) or "(untitled)", "nr.title")]
    meta = " · ".join(
        part
        for part in (sanitise_line(article.source), sanitise_line(article.section))
        + (format_date(article),)
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


def citation(article: Article) -> str:
    """One line to cite `article`: authors, "title", source, date, URL."""
    parts = []
    authors = ", ".join(article.authors) or article.credit
    if authors:
        parts.append(sanitise_line(authors).removeprefix("By ").removeprefix("by ") + ".")
    parts.append(f"“{sanitise_line(article.title)}”.")
    where = ", ".join(p for p in (sanitise_line(article.source), format_date(article)) if p)
    if where:
        parts.append(where + ".")
    if article.url:
        parts.append(sanitise_line(article.url))
    return " ".join(parts)


@dataclass(frozen=True)
class _Layout:
    """Offsets <-> (row, column) for one document: the single place that converts them."""

    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Layout:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", text))
        return cls(tuple(starts))

    def location(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.line_starts, offset) - 1
        return row, offset - self.line_starts[row]

    def offset(self, row: int, column: int) -> int:
        return self.line_starts[row] + column


def find_spans(document: str, text: str, limit: int = FIND_LIMIT) -> list[Span]:
    """Spans of the first `limit` case-insensitive occurrences of `text` in `document`."""
    if not text:
        return []
    folded = document.casefold()
    needle = text.casefold()
    spans: list[Span] = []
    if len(folded) == len(document):  # casefold kept offsets (no ß → ss etc.)
        start = folded.find(needle)
        while start >= 0 and len(spans) < limit:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
        return spans
    pattern = re.compile(re.escape(text), re.IGNORECASE)
    for match in pattern.finditer(document):
        if len(spans) >= limit:
            break
        spans.append(match.span())
    return spans


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

    class OpenUrl(Message):
        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def __init__(self, *, id: str | None = None) -> None:
        # Set before TextArea.__init__, which already builds the highlight map.
        self.article: Article | None = None
        self._layout = _Layout((0,))
        self._header: list[tuple[int, str]] = []
        self._body_start = 0
        self._query_matches: list[Span] = []
        self._find_text = ""
        self._find_matches: list[Span] = []
        self._current: int | None = None
        self._text = ""
        """The document as the article has it (the TextArea's has long lines cut)."""
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
    ) -> None:
        """Display `article` with its query matches; restore `position`.

        `spans` are offsets into `article.body`, `title_spans` into the title line as shown.
        """
        lines = header_lines(article)
        header = "\n".join(line for line, _ in lines)
        self._body_start = len(header) + 2
        self._header = [(row, name) for row, (_, name) in enumerate(lines)]
        text = f"{header}\n\n{article.body}"
        self._text = text
        text = cut_long_lines(text)
        self.article = article
        self.reset_annotations()
        self._layout = _Layout.of(text)
        self._query_matches = list(title_spans or ()) + [
            (s + self._body_start, e + self._body_start) for s, e in spans
        ]
        self._find_text = ""
        self._find_matches = []
        self._current = None
        self.load_text(text)
        self.restore(position or Position())
        self._refresh_highlights()

    def clear_article(self) -> None:
        self.article = None
        self.reset_annotations()
        self._query_matches = []
        self._find_matches = []
        self._find_text = ""
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

    def find(self, text: str) -> int:
        """Highlight case-insensitive occurrences of `text` (the first `FIND_LIMIT`); return
        how many are highlighted."""
        self._find_text = text
        self._current = None
        self._find_matches = find_spans(self._text, text) if self.article is not None else []
        self._refresh_highlights()
        return len(self._find_matches)

    def end_find(self) -> None:
        if self._find_text:
            self._find_text = ""
            self._find_matches = []
            self._current = None
            self._refresh_highlights()

    @property
    def finding(self) -> bool:
        return bool(self._find_text)

    def jump(self, forward: bool = True) -> bool:
        """Move to the next (or previous) match from the cursor, wrapping; False if none."""
        matches = self.matches
        if not matches:
            return False
        here = self._layout.offset(*self.cursor_location)
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

    def _refresh_highlights(self) -> None:
        self._build_highlight_map()
        self.refresh()
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        label = self.match_label
        if not label:
            self.border_subtitle = f"no '{self._find_text}' here" if self._find_text else ""
        elif self._find_text:
            more = "+" if len(self._find_matches) >= FIND_LIMIT else ""
            self.border_subtitle = f"find {label}{more} · n/N"
        else:
            self.border_subtitle = f"match {label} · n/N"

    def _build_highlight_map(self) -> None:
        """Fill TextArea's (private) highlight map from the header and the match spans.

        TextArea expects utf-8 byte columns here, not character columns.
        """
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        if self.article is None:
            return
        for row, name in self._header:
            highlights[row].append((0, None, name))
        self.paint_highlights()
        current = self.matches[self._current] if self._current is not None else None
        for spans, name in ((self._query_matches, "nr.match"), (self._find_matches, "nr.find")):
            for span in spans:
                self._add_span(span, "nr.current" if span == current else name)

    def _add_span(self, span: Span, name: str) -> None:
        start_row, start_column = self._layout.location(span[0])
        end_row, end_column = self._layout.location(span[1])
        if start_row != end_row:  # a find text never spans lines; be safe anyway
            end_column = len(self.document[start_row])
        line = self.document[start_row]
        start_byte = len(line[:start_column].encode("utf-8"))
        end_byte = len(line[:end_column].encode("utf-8"))
        self._highlights[start_row].append((start_byte, end_byte, name))

    # -- passages --------------------------------------------------------------------------

    def passage(self) -> str:
        """The selection if there is one, else the paragraph (or header line) at the cursor."""
        selected: str = self.selected_text
        if selected:
            return selected
        if self.article is None:
            return ""
        offset = self._layout.offset(*self.cursor_location)
        if offset < self._body_start:
            row = self.cursor_location[0]
            return self.document[row]
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
        before = self._current
        if self.jump(forward):
            last = len(self.matches) - 1
            if before is not None and (before, self._current) in ((last, 0), (0, last)) and last:
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
        if self.selected_text or self.selecting:
            self.cancel_selection()
        elif self._find_text:
            self.end_find()
        else:
            self.post_message(self.Closed())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        verdict = self.check_annotation_action(action, parameters)
        if verdict is not None:
            return verdict
        if action in ("copy_passage", "copy_citation", "find", "open_url", "next_match"):
            return self.article is not None
        return True
