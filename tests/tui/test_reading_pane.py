"""The reading pane on its own: spans drawn where they belong, passages, citations."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

import pytest
from rich.style import Style
from test_bounded_text import assert_same
from test_odd_text import drawn_in
from textual.app import App, ComposeResult
from textual.document._wrapped_document import WrappedDocument
from tui_helpers import wait_for

from newsread.index.article import Article
from newsread.tui.cells import cluster_ends
from newsread.tui.widgets import bounded_text, reading_pane
from newsread.tui.widgets.bounded_text import FastWrappedDocument
from newsread.tui.widgets.reading_pane import (
    STYLES,
    ReadingPane,
    break_unspaced,
    citation,
    cut_long_lines,
    find_spans,
    header_lines,
)

BODY = ("Café “quoted” — the harbour opened.", "Second paragraph, no match here.")
ARTICLE = Article(
    id="1",
    key="a.txt",
    path="a.txt",
    title="Harbour news",
    source="GAZETTE",
    section="Ports",
    published=datetime(2017, 5, 30, 16, 18),
    authors=("Ilse Varga",),
    url="http://example.test/a",
    paragraphs=BODY,
)


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ReadingPane()


def styled_cells(pane: ReadingPane, y: int, test: Callable[[Style], bool]) -> str:
    """The characters on screen line `y` drawn in a style that passes `test`."""
    strip = pane.render_line(y)
    return "".join(segment.text for segment in strip if segment.style and test(segment.style))


def is_match(style: Style) -> bool:
    return bool(style.underline and style.bold and not style.reverse)


def is_current(style: Style) -> bool:
    return bool(style.underline and style.reverse)


async def test_match_highlight_covers_exactly_the_span_after_multibyte_text() -> None:
    """Pins TextArea's private highlight map (textual 8.2.8): byte columns, named styles."""
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.cursor_blink = False
        start = ARTICLE.body.index("harbour")
        pane.show(ARTICLE, [(start, start + len("harbour"))])
        await pilot.pause()
        body_row = len(header_lines(ARTICLE)) + 1
        screen_y = body_row - round(pane.scroll_y)
        assert styled_cells(pane, screen_y, is_match) == "harbour"
        pane.jump()
        await pilot.pause()
        # The current match is drawn reversed; its first cell is under the cursor.
        assert styled_cells(pane, screen_y, is_current) in ("harbour", "arbour")
        assert styled_cells(pane, screen_y, is_match) == ""
        assert pane.match_label == "1/1"


def test_query_matches_have_no_background_a_highlight_could_be_taken_for() -> None:
    from newsread.tui.widgets.reading_pane import STYLES

    assert STYLES["nr.match"].bgcolor is None and STYLES["nr.current"].bgcolor is None


async def test_passage_is_the_paragraph_under_the_cursor() -> None:
    app = PaneApp()
    async with app.run_test(size=(60, 12)):
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, [])
        body_row = len(header_lines(ARTICLE)) + 1
        pane.move_cursor((body_row + 2, 5))
        assert pane.passage() == BODY[1]
        pane.move_cursor((body_row + 1, 0))  # the blank line between paragraphs
        assert pane.passage() == BODY[1]
        pane.move_cursor((1, 3))
        assert pane.passage() == "GAZETTE · Ports · 30 May 2017 16:18"


async def test_an_article_cut_short_says_so_where_its_text_stops() -> None:
    # A file cut at 20 MB read as if it ended there: only `newsread index` said it was cut.
    from dataclasses import replace

    cut = replace(ARTICLE, extra={"stops": "cut to its first 20 MB (130 MB file)"})
    app = PaneApp()
    async with app.run_test(size=(60, 12)):
        pane = app.query_one(ReadingPane)
        pane.show(cut, [])
        last = pane.document.line_count - 1
        said = "[the text stops here: cut to its first 20 MB (130 MB file)]"
        assert pane.document[last] == said
        assert pane.document[last - 2] == BODY[1]
        assert (last, "nr.meta") in pane._header  # drawn as the header's lines are
        pane.move_cursor((last, 3))
        assert pane.body_offset(pane.cursor_location) > len(cut.body)  # not the article's text
        pane.select_span(0, len(cut.body))
        assert pane.selected_span() == (0, len(cut.body))
        pane.show(ARTICLE, [])
        assert pane.document[pane.document.line_count - 1] == BODY[1]


async def test_a_long_paragraph_wraps_as_one_paragraph() -> None:
    """A real paragraph of a few thousand characters is never broken mid-sentence: the
    reading pane's rows are Textual's own wrap of the whole paragraph."""
    from textual._wrap import compute_wrap_offsets

    rng = random.Random(3)
    paragraph = " ".join(
        rng.choice(["oil", "prices", "Europe", "has", "also", "weather"]) for _ in range(700)
    )
    article = Article(id="1", key="a.txt", path="a.txt", title="T", paragraphs=(paragraph,))
    app = PaneApp()
    async with app.run_test(size=(60, 12)):
        pane = app.query_one(ReadingPane)
        pane.show(article, [])
        body_line = len(header_lines(article)) + 1
        assert pane.document.lines[body_line] == paragraph
        width = pane.wrapped_document._width
        assert pane.wrapped_document._wrap_offsets[body_line] == compute_wrap_offsets(
            paragraph, width, tab_size=4
        )


async def test_a_pane_drawn_before_its_resize_is_wrapped_at_the_drawn_width() -> None:
    """A pane shown for the first time (opening an article at 80 columns) is drawn before its
    resize event; it was wrapped while hidden, at width 0, and its first frame showed each
    paragraph's first line cut at the edge (seen in tmux under load)."""
    paragraph = "The river burst its banks overnight and flooded the old town of Kelmor. " * 3
    article = Article(id="1", key="a.txt", path="a.txt", title="T", paragraphs=(paragraph,))
    app = PaneApp()
    async with app.run_test(size=(40, 12)):
        pane = app.query_one(ReadingPane)
        pane.show(article, [])
        pane.wrapped_document.wrap(0)  # as wrapped while hidden; no resize event follows
        rows = [
            "".join(segment.text for segment in strip).strip("▊▎ ")
            for strip in pane.render_lines(pane.region.reset_offset)
        ]
        first = rows.index("T") + 2
        assert rows[first] and paragraph.startswith(rows[first])
        assert rows[first + 1] and rows[first + 1] in paragraph  # the paragraph goes on


async def test_find_is_case_insensitive_and_counts() -> None:
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, [])
        pane.find("HARBOUR")  # in a worker: the matches come back as a message
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.match_label == "-/2"  # title and body
        assert pane.jump() and pane.match_label == "1/2"
        assert pane.jump() and pane.match_label == "2/2"
        assert pane.jump() and pane.match_label == "1/2"  # wraps
        pane.end_find()
        assert pane.match_label == ""


async def test_find_goes_on_from_the_cursor_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seen in a 20 MB article, reopened near its end: `/` marked the first 5,000 matches from
    the top and jumped back there; `n` past the 5,000th went back to the first ("wrapped
    round"), though thousands more followed. A find starts at the cursor, and `n` past the
    last found finds on from there."""
    count = reading_pane.FIND_LIMIT + 3
    paragraphs = tuple(f"Harbour {n}." for n in range(1, count + 1))
    article = Article(id="6", key="many.txt", path="many.txt", title="Many", paragraphs=paragraphs)
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(article, [])
        said: list[str] = []
        monkeypatch.setattr(pane, "notify", lambda message, **_: said.append(message))

        def go(n: int) -> None:
            pane.move_cursor(pane.body_location(article.body.index(f"Harbour {n}.")))

        def at() -> str:
            row, column = pane.cursor_location
            return pane.document[row][column:]

        go(count - 1)
        pane.find("harbour")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.jump() and at() == f"Harbour {count - 1}."
        assert pane.jump() and at() == f"Harbour {count}."
        assert pane.jump()  # none after it: from the top (found again from there)
        await wait_for(pilot, lambda: at() == "Harbour 1.")
        assert said == ["Back at the first match (wrapped round)"]
        go(2)
        pane.find("harbour")  # found: the 2nd to the 5,001st
        await app.workers.wait_for_complete()
        await pilot.pause()
        go(count - 2)  # the last found
        assert pane.jump()  # on from there, not back to the first
        await wait_for(pilot, lambda: at() == f"Harbour {count - 1}.")


def test_citation_names_authors_title_source_date_and_url_else_the_file() -> None:
    assert citation(ARTICLE) == (
        "Ilse Varga. “Harbour news”. GAZETTE, 30 May 2017 16:18. http://example.test/a"
    )
    bare = Article(id="2", key="b.txt", path="b.txt", title="T")
    assert citation(bare) == "“T”. b.txt"  # no URL: the file says where it is
    folder = Article(id="3", key="wire/c.md", path="wire/c.md", title="T", source="wire")
    folder.extra["derived"] = "source section"  # the reader's mark: the folder stands in
    assert citation(folder) == "“T”. wire/c.md"


def test_the_header_dates_an_article_by_its_year_or_month_when_that_is_all_it_gives() -> None:
    dated = {"year": "2019", "month": "March 2019", "": "1 March 2019"}
    for period, shown in dated.items():
        article = Article(id="1", key="a", path="a", title="T", published=datetime(2019, 3, 1))
        article.extra.update({"period": period} if period else {})
        assert header_lines(article)[1] == (shown, "nr.meta")


def test_the_header_marks_a_source_standing_in_for_a_missing_one() -> None:
    folder = Article(id="3", key="wire/c", path="wire/c", title="T", source="wire")
    folder.extra["derived"] = "source"
    assert header_lines(folder)[1] == ("wire (folder)", "nr.meta")
    named = Article(id="4", key="wire/d", path="wire/d", title="T", source="wire")
    assert header_lines(named)[1] == ("wire", "nr.meta")  # a source the file names, by chance
    site = Article(id="5", key="e", path="e", title="T", source="example.org", url="http://x")
    site.extra["derived"] = "source"  # the URL's site: a name the article carries
    assert header_lines(site)[1] == ("example.org", "nr.meta")


def cut_by_regex(text: str, limit: int) -> str:
    """The oracle: the regular expression `cut_long_lines` once was (slow on long texts of
    short lines: it scanned each line again from each character)."""

    def cut(match: re.Match[str]) -> str:
        line, rows, start = match.group(), [], 0
        while len(line) - start > limit:
            space = line.rfind(" ", start + 1, start + limit + 1)
            if space < 0:
                space = line.find(" ", start + limit + 1)
                if space < 0:
                    break
            rows.append(line[start:space])
            start = space + 1
        rows.append(line[start:])
        return "\n".join(rows)

    return re.sub(rf"[^\n]{{{limit + 1},}}", cut, text)


def test_long_lines_are_cut_at_spaces_keeping_every_offset() -> None:
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    for _ in range(200):
        words = [
            "".join(rng.choice("abcß ") for _ in range(rng.randint(1, 30)))
            for _ in range(rng.randint(0, 80))
        ]
        text = rng.choice([" ", "\n", "  "]).join(words)
        limit = rng.randint(5, 60)
        cut = cut_long_lines(text, limit)
        assert cut == cut_by_regex(text, limit), f"seed {seed}"
        assert len(cut) == len(text), f"seed {seed}"
        # Only spaces became line breaks, and a line is long only where it has no space.
        assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, cut, strict=True)), (
            f"seed {seed}"
        )
        for line in cut.split("\n"):
            if len(line) > limit:
                assert " " not in line[1 : limit + 1], f"seed {seed}"


def test_lines_without_spaces_are_broken_between_clusters_keeping_every_offset() -> None:
    """A line of Chinese, or a pasted blob, has no space to cut at: `break_unspaced` inserts
    breaks, and the layout maps every offset of the article's text to the row and column
    showing that character (its slow twin: the text walked character by character)."""
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    pieces = ["日", "本", "。", "a", "e\u0301", "👩\u200d👩\u200d👧", "🇫🇷", "x", "\n", " ", "，"]
    for _ in range(300):
        text = "".join(
            rng.choice(pieces[:-2] if rng.random() < 0.5 else pieces)
            for _ in range(rng.randint(0, 120))
        )
        limit = rng.randint(3, 30)
        shown, inserted = break_unspaced(text, limit)
        where = f"seed {seed}: {text!r}, {limit}"
        assert list(inserted) == sorted(set(inserted)), where
        restored = list(shown)
        for at in inserted:  # the ones before it popped: each is at its offset in `text`
            assert restored.pop(at) == "\n", where
        assert "".join(restored) == text, where
        ends = {0, *cluster_ends(text)}
        assert all(at in ends for at in inserted), where
        rows = shown.split("\n")
        assert all(len(row) <= limit or len(cluster_ends(row)) == 1 for row in rows), where
        layout = reading_pane._Layout.of(shown, inserted)
        row = column = 0
        for at, char in enumerate(text):  # the slow twin
            if at in inserted:
                row, column = row + 1, 0
            if char == "\n":
                assert layout.offset(row, column) == at, where
                row, column = row + 1, 0
                continue
            assert layout.location(at) == (row, column), where
            assert rows[row][column] == char and layout.offset(row, column) == at, where
            column += 1


async def test_a_match_across_the_cut_of_a_long_line_is_drawn_on_both_rows() -> None:
    """A paragraph longer than `LINE_LIMIT` is cut at a space into lines: a find match over
    that space was drawn on the first line only (each row's spans were looked up from the
    row's start)."""
    words = [f"w{n:05d}" for n in range(1_200)]  # 8,399 characters
    paragraph = " ".join(words)
    article = Article(id="4", key="d.txt", path="d.txt", title="Cut", paragraphs=(paragraph,))
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(article, [])
        cut = len(pane.document[pane.body_location(0)[0]])  # the space made a line break
        needle = paragraph[cut - 6 : cut + 7]
        assert paragraph[cut] == " " and needle.count(" ") == 1
        pane.find(needle)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = pane._body_start
        assert pane.matches == [(cut - 6 + body, cut + 7 + body)]
        pane.move_cursor(pane.body_location(cut - 40))
        pane.scroll_cursor_visible(center=True, animate=False)
        both = [(cut - 6 + body, cut + body), (cut + 1 + body, cut + 7 + body)]

        def found() -> list[tuple[int, int]]:
            return drawn_in(pane, lambda style: style.bgcolor == STYLES["nr.find"].bgcolor, "find")

        await wait_for(pilot, lambda: found() == both, timeout=5)


async def test_a_long_line_without_spaces_is_shown_in_rows_and_keeps_its_offsets() -> None:
    """A paragraph of 30,000 Chinese characters (no space to cut it at) was one line of the
    TextArea; it is rows of at most `LINE_LIMIT`, and a selection, a find match and a
    highlight across a row's inserted break keep the article's offsets and are drawn on both
    rows (the part after the break of a match was not drawn)."""
    rng = random.Random(3)
    paragraph = "".join(rng.choice("港口扩建计划议会批准船只更大") for _ in range(30_000))
    article = Article(id="3", key="c.txt", path="c.txt", title="港口", paragraphs=(paragraph,))
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(article, [])
        assert max(len(line) for line in pane.document.lines) <= reading_pane.LINE_LIMIT
        break_at = len(pane.document[pane.body_location(0)[0]])  # the first row's end
        start, end = break_at - 3, break_at + 4
        pane.select_span(start, end)
        assert pane.selected_span() == (start, end)
        assert pane.passage() == paragraph[start:end]
        pane.find(paragraph[start:end])
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = pane._body_start
        assert pane.matches == [(start + body, end + body)]
        pane.move_cursor(pane.body_location(start - 40))
        pane.scroll_cursor_visible(center=True, animate=False)
        await pilot.pause()
        found = drawn_in(pane, lambda style: style.bgcolor == STYLES["nr.find"].bgcolor, "find")
        assert found == [(start + body, end + body)]  # both rows' parts, joined


def _scan(document: str, needle: str, i: int, end: int) -> list[tuple[int, int]]:
    """The case-insensitive occurrences of `needle` from `i`, ending by `end`, one by one."""
    found: list[tuple[int, int]] = []
    while i + len(needle) <= end:
        if document[i : i + len(needle)].lower() == needle.lower():
            found.append((i, i + len(needle)))
            i += len(needle)
        else:
            i += 1
    return found


def test_find_spans_stop_at_the_limit_and_match_a_naive_scan() -> None:
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    for _ in range(300):
        document = "".join(rng.choice("aAbB\n ") for _ in range(rng.randint(0, 200)))
        needle = "".join(rng.choice("aAbB") for _ in range(rng.randint(1, 3)))
        limit = rng.randint(1, 20)
        start = rng.choice([0, rng.randint(0, len(document))])

        # From `start` (the cursor), then those before it that end before the first of them.
        after = _scan(document, needle, start, len(document))[:limit]
        before = _scan(document, needle, 0, after[0][0] if after else len(document))
        expected = sorted(after + before[: limit - len(after)])
        assert find_spans(document, needle, limit, start) == expected, f"seed {seed}"


def test_find_takes_an_accent_however_the_page_spells_it() -> None:
    """ "café" typed in `/` found nothing in a page saved decomposed (NFD: "e" and U+0301),
    as macOS tools and some sites save it: the find compared code points."""
    document = "Combining: cafe\u0301 nai\u0308ve. CAFE\u0301 and a plain cafe."
    assert find_spans(document, "café") == [(11, 16), (25, 30)]
    assert find_spans(document, "fé na") == [(13, 19)]
    assert find_spans(document, "cafe") == [(43, 47)]  # not the "e" of an "é"
    composed = unicodedata.normalize("NFC", document)
    assert find_spans(composed, "cafe\u0301") == [(11, 15), (23, 27)]


def test_find_takes_a_korean_word_in_a_page_saved_decomposed() -> None:
    """NFD spells a Hangul syllable as two or three jamo, none of them a combining mark:
    "신항" typed said "no '신항' here" beside the two on screen."""
    document = unicodedata.normalize("NFD", "부산항 신항이 오늘. 신항!")
    found = [document[s:e] for s, e in find_spans(document, "신항")]
    assert found == [unicodedata.normalize("NFD", "신항")] * 2
    assert find_spans(document, "시") == []  # not the first two jamo of 신


@pytest.mark.parametrize(
    ("document", "typed", "found"),
    [
        # `/` compared case-folded text: ı has no capital I of its own there, and İ folds to
        # two letters, so "ilgi" missed "ılgı" and "İstanbul" an English "Istanbul".
        ("some ılgı here", "ilgi", ["ılgı"]),
        ("some ILGI here", "ılgı", ["ILGI"]),
        ("Ships reached Istanbul, İstanbul.", "İstanbul", ["Istanbul", "İstanbul"]),
        ("Straße, İlk ılgı", "ILGI", ["ılgı"]),  # beside a letter case folding lengthens
        ("Decomposed: I\u0307stanbul cafe\u0301", "istanbul", ["I\u0307stanbul"]),  # NFD İ
    ],
)
def test_find_reads_turkish_i_as_search_does(document: str, typed: str, found: list[str]) -> None:
    assert [document[s:e] for s, e in find_spans(document, typed)] == found


async def test_a_long_article_opens_wrapped_a_step_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opening wraps the first rows only; the rest is wrapped between keys, or at once up to
    where the cursor goes (G); wrapped through, it is Textual's wrapping exactly."""
    monkeypatch.setattr(bounded_text, "WRAP_STEP", 4_000)
    monkeypatch.setattr(reading_pane, "WRAP_BACKGROUND_STEP", 4_000)
    rng = random.Random(7)
    words = [rng.choice(["harbour", "a", "council", "x" * 30, "met"]) for _ in range(16_000)]
    words.append("THE-END")
    # Paragraphs of 40 words: many lines (one 5 MB line is cut into 5,000-character lines).
    paragraphs = tuple(" ".join(words[i : i + 40]) for i in range(0, len(words), 40))
    long = Article(id="2", key="b.txt", path="b.txt", title="Long", paragraphs=paragraphs)
    app = PaneApp()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(long, [])
        wrapped = pane.wrapped_document
        assert isinstance(wrapped, FastWrappedDocument)
        assert not wrapped.complete and wrapped.wrapped_lines < len(wrapped.document.lines) // 4
        await pilot.press("G")
        assert wrapped.complete  # the cursor went to the end: wrapped through it
        await pilot.pause()
        assert "THE-END" in pane.render_line(pane.size.height - 1).text
        assert_same(wrapped, WrappedDocument(wrapped.document, pane.wrap_width))
        await pilot.resize_terminal(40, 12)  # re-wrapped: the cursor's row stays on screen
        await pilot.pause()
        await pilot.pause()
        row = wrapped.location_to_offset(pane.cursor_location).y
        assert pane.scroll_y <= row < pane.scroll_y + pane.size.height
        pane.show(long, [])  # opened again: the rest is wrapped step by step, unasked
        again = pane.wrapped_document
        assert isinstance(again, FastWrappedDocument) and not again.complete
        await wait_for(pilot, lambda: again.complete, workers=False)
        assert_same(again, WrappedDocument(again.document, pane.wrap_width))
