"""What keeps a long article cheap to open and draw in a TextArea (textual 8.2.8, pinned).

TextArea wraps every line of its document when it loads, and again on every resize, one
regex match per word (a 5 MB article: 900,000 matches, seconds). `FastWrappedDocument` wraps
lines of single-cell characters (most prose) a row at a time with C-level string searches,
and leaves any other line to Textual's own `compute_wrap_offsets` (its oracle in the tests).

`RowHighlights` is TextArea's highlight map filled a row at a time as rows are drawn: match
spans are looked up by bisection, so 70,000 matches of a common word cost nothing until
their rows come into view.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import TypeVar, overload

from rich.cells import _is_single_cell_widths
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document, DocumentBase, EditResult, Location
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths

Highlight = tuple[int, int | None, str]
T = TypeVar("T")
Span = tuple[int, int]

_LAST_WORD_START = re.compile(r".*\s(?=\S)", re.DOTALL)
"""Matched from a row's start: ends at the last word start within the slice searched."""
_NEXT_WORD_START = re.compile(r"\s(?=\S)")


def fast_wrap_offsets(text: str, width: int) -> list[int]:
    """`compute_wrap_offsets(text, width, tab_size)` for a line of single-cell characters
    without tabs, a row at a time.

    Textual's rule, restated by rows: words carry their trailing whitespace ("chunks"); a
    row holds every chunk that ends within `width`; the first that does not starts the next
    row, or, wider than a row itself, is cut into rows of exactly `width`.
    """
    length = len(text)
    breaks: list[int] = []
    row = 0
    while length - row > width:
        limit = row + width
        found = _LAST_WORD_START.match(text, row, limit + 1)
        if found is None:  # the chunk under way runs past the row: cut it
            start, end = row, _chunk_end(text, row)
        else:
            start = found.end()  # the last chunk starting within the row overflows it
            end = _chunk_end(text, start)
            if end - start <= width:
                breaks.append(start)
                row = start
                continue
        pieces = range(start, end, width)
        breaks.extend(piece for piece in pieces if piece)
        row = pieces[-1]
    return breaks


def _chunk_end(text: str, start: int) -> int:
    following = _NEXT_WORD_START.search(text, start)
    return following.end() if following is not None else len(text)


def wrap_offsets(line: str, width: int, tab_width: int) -> list[int]:
    """Where `line` wraps at `width`, exactly as Textual's `compute_wrap_offsets` says."""
    if not width:
        return []
    # Printable ASCII (C-level checks) or other single-cell characters: no tabs, no wide or
    # zero-width characters.
    if (line.isascii() and line.isprintable()) or _is_single_cell_widths(line):
        return fast_wrap_offsets(line, width)
    return compute_wrap_offsets(line, width, tab_size=tab_width)


class JoinedDocument(Document):
    """Textual's `Document`, its text joined once: TextArea asks for the whole text on every
    row it draws (to check for a placeholder), 5 MB joined per row of a long article."""

    _joined: str | None = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = super().text
        return self._joined

    def replace_range(self, start: Location, end: Location, text: str) -> EditResult:
        self._joined = None
        return super().replace_range(start, end, text)


WRAP_STEP = 100_000
"""Characters wrapped at a time: on opening (the rows on screen, at least), then step by step
while the article is read (`wrap_more`), or at once up to a line asked for (`wrap_through`)."""


class FastWrappedDocument(WrappedDocument):
    """Textual's `WrappedDocument`, wrapping with `wrap_offsets` and a step at a time.

    `wrap` wraps the first lines, about `WRAP_STEP` characters; every line after them is one
    row until `wrap_more` or `wrap_through` reaches it. Wrapped in full, the document is
    Textual's (the tests compare them); a 5 MB article opens in one step.
    """

    def __init__(self, document: DocumentBase, width: int = 0, tab_width: int = 4) -> None:
        self._done = 0
        """Lines wrapped: every later line is one row for now."""
        super().__init__(document, width, tab_width)

    @property
    def height(self) -> int:
        # Textual sums over every line, on every access (hundreds per redraw).
        return len(self._offset_to_line_info)

    @property
    def complete(self) -> bool:
        return self._done >= len(self._wrap_offsets)

    @property
    def wrapped_lines(self) -> int:
        """How many lines (from the first) are wrapped: rows past them may still move."""
        return self._done

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        # The body of WrappedDocument.wrap, with the per-line work replaced; TextArea asks
        # again on every resize, wrapped at the same width or not (a read-only document's
        # lines only change with a new document).
        tab_width = tab_width or self._tab_width
        wrapped = (width, tab_width, len(self.document.lines))
        if getattr(self, "_wrapped", None) == wrapped:
            return
        self._wrapped = wrapped
        self._width = width
        self._tab_width = tab_width
        lines = self.document.lines
        self._tab_width_cache = [
            [w for _, w in get_tab_widths(line, tab_width)] if "\t" in line else [0] if line else []
            for line in lines
        ]  # (what get_tab_widths says of a line without tabs)
        self._wrap_offsets = [[] for _ in lines]
        self._rows: list[tuple[int, int]] = []
        self._line_rows: list[list[int]] = []
        self._done = 0
        self._wrap_to(0, WRAP_STEP)

    def wrap_more(self, characters: int = WRAP_STEP) -> bool:
        """Wrap the next lines, about `characters` of them; whether the document is complete."""
        self._wrap_to(self._done, characters)
        return self.complete

    def wrap_through(self, line: int) -> bool:
        """Wrap every line up to `line` (a cursor going there); whether anything changed."""
        if line < self._done or self.complete:
            return False
        self._wrap_to(line, 0)
        return True

    def _wrap_to(self, line: int, characters: int) -> None:
        """Wrap from the first unwrapped line through `line`, and on to `characters`."""
        lines = self.document.lines
        offsets = self._wrap_offsets
        width, tab_width = self._width, self._tab_width
        rows = self._rows
        by_line = self._line_rows
        done, spent = self._done, 0
        while done < len(lines) and (done <= line or spent < characters):
            text = lines[done]
            wraps = offsets[done] = wrap_offsets(text, width, tab_width)
            by_line.append(list(range(len(rows), len(rows) + len(wraps) + 1)))
            rows.extend(zip(repeat(done, len(wraps) + 1), range(len(wraps) + 1), strict=True))
            spent += len(text) + 1
            done += 1
        self._done = done
        total = len(rows)
        # Rows of lines not wrapped yet: one each, section 0, numbered after the wrapped rows.
        self._offset_to_line_info = _WrappedThenOneEach(  # type: ignore[assignment]
            rows, total + len(lines) - done, lambda past: (done + past, 0)
        )
        self._line_index_to_offsets = _WrappedThenOneEach(  # type: ignore[assignment]
            by_line, len(lines), lambda past: [total + past]
        )


class _WrappedThenOneEach(Sequence[T]):
    """The entries of the wrapped lines, then one entry (made by `unwrapped`, given its
    position past them) for each line not wrapped yet: every row's (line, section), or every
    line's rows, while the rest of a long article waits its turn."""

    def __init__(self, wrapped: list[T], length: int, unwrapped: Callable[[int], T]) -> None:
        self._wrapped = wrapped
        self._length = length
        self._unwrapped = unwrapped

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        done = len(self._wrapped)
        return self._wrapped[index] if index < done else self._unwrapped(index - done)


class RowHighlights(dict[int, list[Highlight]]):
    """TextArea's highlight map, each row's entries made when the row is first drawn.

    Entries written before `set_spans` (the header, annotations) are kept as they are; span
    groups given to `set_spans` are added after them, in group order, so later groups are
    drawn over earlier ones.
    """

    def __init__(self) -> None:
        super().__init__()
        self._painted: dict[int, list[Highlight]] = {}
        self._groups: list[tuple[Sequence[Span], Callable[[Span], str]]] = []
        self._line_starts: Sequence[int] = (0,)
        self._line: Callable[[int], str] = lambda row: ""

    def __bool__(self) -> bool:
        return True  # TextArea skips highlighting an empty map; this one fills on demand

    def clear(self) -> None:
        super().clear()
        self._painted = {}
        self._groups = []

    def set_spans(
        self,
        groups: list[tuple[Sequence[Span], Callable[[Span], str]]],
        line_starts: Sequence[int],
        line: Callable[[int], str],
    ) -> None:
        """Draw these spans (document offsets, sorted by start) with the name each group's
        function gives; `line_starts` and `line` describe the document's rows."""
        self._painted = {row: list(entries) for row, entries in self.items()}
        super().clear()
        self._groups = groups
        self._line_starts = line_starts
        self._line = line

    def __missing__(self, row: int) -> list[Highlight]:
        entries = list(self._painted.get(row, ()))
        if self._groups and 0 <= row < len(self._line_starts):
            start = self._line_starts[row]
            end = self._line_starts[row + 1] if row + 1 < len(self._line_starts) else None
            line = self._line(row)
            for spans, name in self._groups:
                first = bisect_left(spans, (start, -1))
                # A span from the row before running on into this one (a match across the
                # break of a cut line): its part here was not drawn.
                if first and spans[first - 1][1] > start:
                    first -= 1
                for span in spans[first:]:
                    if end is not None and span[0] >= end:
                        break
                    column, last = max(span[0] - start, 0), min(span[1] - start, len(line))
                    entries.append(
                        (
                            len(line[:column].encode("utf-8")),
                            len(line[:last].encode("utf-8")),
                            name(span),
                        )
                    )
        self[row] = entries
        return entries
