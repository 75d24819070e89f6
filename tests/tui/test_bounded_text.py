"""The fast paths that keep a long article cheap, each checked against Textual's own code."""

from __future__ import annotations

import random

import pytest
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from newsread.tui.widgets import bounded_text
from newsread.tui.widgets.bounded_text import (
    FastWrappedDocument,
    JoinedDocument,
    RowHighlights,
    fast_wrap_offsets,
)

SEED = 1313


def random_line(rng: random.Random) -> str:
    """Words, runs of spaces (some no-break), now and then a word longer than a row."""
    pieces = []
    for _ in range(rng.randrange(0, 40)):
        word = "x" * rng.choice([1, 2, 3, 5, 8, 13, 30, 90])
        space = rng.choice([" ", " ", "  ", "\xa0", " \xa0 ", "   "])
        pieces.append(rng.choice([word, word + space, space, "é" + word]))
    return "".join(pieces)


def test_fast_wrap_offsets_agree_with_textual_on_random_lines() -> None:
    rng = random.Random(SEED)
    for case in range(3000):
        line = random_line(rng)
        width = rng.choice([1, 2, 3, 7, 10, 31, 78])
        expected = compute_wrap_offsets(line, width, tab_size=4)
        assert fast_wrap_offsets(line, width) == expected, (SEED, case, line, width)


def test_the_fast_wrapped_document_wraps_as_textuals_does() -> None:
    rng = random.Random(SEED)
    lines = [random_line(rng) for _ in range(60)]
    lines += [
        "\t\t\t",
        "x\x00y " * 30,
        "a\tb\tcee " * 9,
        "wide 日本語の文 " * 12,
        "emoji 👩‍👩‍👧 and ☀️ " * 8,
        "",
    ]
    document = Document("\n".join(lines))
    for width in (0, 5, 33, 78):
        fast, slow = FastWrappedDocument(document, width), WrappedDocument(document, width)
        assert_same(fast, slow)


def assert_same(fast: FastWrappedDocument, slow: WrappedDocument) -> None:
    assert fast.complete
    assert fast._wrap_offsets == slow._wrap_offsets
    assert list(fast._offset_to_line_info) == slow._offset_to_line_info
    assert list(fast._line_index_to_offsets) == slow._line_index_to_offsets
    assert fast._tab_width_cache == slow._tab_width_cache
    assert fast.lines == slow.lines
    assert fast.height == slow.height


def test_a_long_document_wraps_a_step_at_a_time_into_textuals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before its turn, a line is one row; rows and lines stay each other's inverse at
    every step; wrapped through, it is Textual's wrapping exactly."""
    monkeypatch.setattr(bounded_text, "WRAP_STEP", 300)
    rng = random.Random(SEED)
    document = Document("\n".join(random_line(rng) for _ in range(120)))
    slow = WrappedDocument(document, 17)
    fast = FastWrappedDocument(document, 17)
    steps = 0
    while True:
        assert fast.wrapped_lines < 120 or fast.complete
        rows, by_line = list(fast._offset_to_line_info), list(fast._line_index_to_offsets)
        assert (
            len(rows)
            == fast.height
            == len(by_line)
            - fast.wrapped_lines
            + sum(len(slow._line_index_to_offsets[n]) for n in range(fast.wrapped_lines))
        )
        for line, offsets in enumerate(by_line):
            assert [rows[y] for y in offsets] == [(line, n) for n in range(len(offsets))]
        assert fast._offset_to_line_info[-1] == rows[-1]
        if fast.complete:
            break
        if steps == 2:
            assert fast.wrap_through(fast.wrapped_lines + 30)  # a cursor going further
        else:
            fast.wrap_more(300)
        steps += 1
    assert steps > 3
    assert_same(fast, slow)
    assert not fast.wrap_through(119)


def test_row_highlights_are_made_for_the_row_drawn() -> None:
    text = "one two\nthré two two\n\ntwo"
    starts = [0, 8, 21, 22]
    rows = text.split("\n")
    highlights = RowHighlights()
    highlights[0].append((0, None, "title"))
    spans = [(4, 7), (13, 16), (17, 20), (22, 25)]
    highlights.set_spans(
        [(spans, lambda span: "current" if span == (17, 20) else "match")],
        starts,
        rows.__getitem__,
    )
    assert highlights  # TextArea skips an empty map: this one always counts
    assert highlights[0] == [(0, None, "title"), (4, 7, "match")]
    assert highlights[1] == [(6, 9, "match"), (10, 13, "current")]  # "é" is two bytes
    assert highlights[2] == []
    assert highlights[3] == [(0, 3, "match")]


def test_a_joined_document_forgets_its_text_when_edited() -> None:
    document = JoinedDocument("one\ntwo")
    assert document.text == "one\ntwo"
    document.replace_range((1, 0), (1, 3), "three")
    assert document.text == "one\nthree" == Document("one\nthree").text
