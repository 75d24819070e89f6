"""Selections and highlights in text as people really save it: wide characters, combining
marks, flags and joined emoji, tabs, right-to-left words, soft hyphens, U+FFFD.

The oracle is the screen. Each rendered row is mapped back to the document's characters (a
tab drawn as spaces, a wrapped row as its part of the line), and each grapheme cluster (what a
terminal draws as one character) takes the style of its first code point, as a terminal draws
it. A selection or highlight must colour whole clusters, exactly those of its text: a cursor
stopping inside "e\u0301" showed "é" selected and saved "e".
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from rich.style import Style
from textual.pilot import Pilot
from tui_helpers import open_article, settle, wait_for

from newsread.index.annotations import AnnotationStore
from newsread.index.paths import annotations_path
from newsread.tui.app import NewsreadApp
from newsread.tui.cells import cluster_ends
from newsread.tui.widgets.annotated_text import HIGHLIGHT_STYLES
from newsread.tui.widgets.reading_pane import ReadingPane

MakeApp = Callable[..., NewsreadApp]

ODD_WORDS = (
    "harbour", "plan", "Kelmor", "cafe\u0301", "Ame\u0301lie", "na\u0308ive",  # NFD accents
    "東京電力", "日本語の文", "한국어",  # wide
    "\u1112\u1161\u11ab\u1100\u116e\u11a8",  # 한국 decomposed (NFD jamo)
    "ท่าเรือกำลัง", "प्रधानमंत्री", "ঢাকায়",  # marks above, below, and spacing (Mc)
    "👩\u200d👩\u200d👧", "🇫🇷", "🇩🇪🇯🇵", "👍🏽", "☀\ufe0f", "❤\ufe0f", "1\ufe0f\u20e3", "🎉",
    "שלום", "مرحبا",  # right to left
    "co\u00adoperate", "\ufffd\ufffd", "x\u0301\u0302\u0303", "e\u0301te\u0301",
    "ok,", "(yes)", "“quoted”", "it’s", "-", "—",
)  # fmt: skip
SEPARATORS = (" ", " ", " ", "\t", " \t", "  ")


def odd_body(rng: random.Random) -> str:
    """Two or three paragraphs of odd words, each a line or a few lines long."""
    paragraphs = []
    for _ in range(rng.randint(2, 3)):
        words = [rng.choice(ODD_WORDS) for _ in range(rng.randint(4, 40))]
        text = words[0]
        for word in words[1:]:
            text += rng.choice(SEPARATORS) + word
        paragraphs.append(text.capitalize() + ".")
    return "\n\n".join(paragraphs)


@asynccontextmanager
async def reading_from_its_start(
    tmp_path: Path, make_app: MakeApp, body: str
) -> AsyncIterator[tuple[Pilot[None], ReadingPane]]:
    """The app at 80x24 reading a Markdown article of `body`, the cursor at its start."""
    library = tmp_path / "library"
    write_markdown(library, "odd.md", "Odd", body)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "odd.md")
        reader = app.main.reader
        reader.move_cursor(reader.body_location(0))
        yield pilot, reader


def write_markdown(folder: Path, name: str, title: str, body: str) -> None:
    """An article as a Markdown file: the reader keeps its tabs (scraped text's are spaces)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"# {title}\n\n{body}\n", encoding="utf-8")


def shown_clusters(pane: ReadingPane) -> list[tuple[int, str, list[Style]]]:
    """Each cluster on screen: its document offset, its text, and the style each of its
    code points is drawn in (a terminal colours the cluster's cells with the first's).
    Offsets are the article text's, as the pane's layout maps them."""
    wrapped = pane.wrapped_document
    document = pane.document
    line_starts = pane._layout.line_starts  # the article's offsets (a row may be inserted)
    scroll_y = round(pane.scroll_y)
    styles: dict[int, Style] = {}  # document offset -> the style its code point is drawn in
    for y in range(pane.content_size.height):
        if y + scroll_y >= wrapped.height:
            break
        row, section = wrapped._offset_to_line_info[y + scroll_y]
        line = document[row]
        breaks = [0, *wrapped.get_offsets(row), len(line)]
        start, end = breaks[section], breaks[section + 1]
        tabs = iter(wrapped.get_tab_widths(row)[line[:start].count("\t") :])
        drawn = [
            (char, segment.style or Style())
            for segment in pane.render_line(y)
            for char in segment.text
        ]
        at = 0
        for column in range(start, end):
            char = line[column]
            width = next(tabs) if char == "\t" else 1
            expected = " " * width if char == "\t" else char
            assert "".join(c for c, _ in drawn[at : at + width]) == expected, (row, column)
            styles[line_starts[row] + column] = drawn[at][1]
            at += width
    clusters = []
    for row in range(document.line_count):
        line, begin = document[row], line_starts[row]
        start = 0
        for end in cluster_ends(line):
            if begin + start in styles:
                shown = [styles.get(begin + at, Style()) for at in range(start, end)]
                clusters.append((begin + start, line[start:end], shown))
            start = end
    return clusters


def drawn_in(pane: ReadingPane, test: Callable[[Style], bool], where: str) -> list[tuple[int, int]]:
    """The document spans of the clusters drawn in a style that passes `test` (merged); a
    cluster drawn partly in it fails the test that asks."""
    spans: list[tuple[int, int]] = []
    cursor = pane._layout.offset(*pane.cursor_location)
    for offset, text, shown in shown_clusters(pane):
        inside = [test(style) for style in shown]
        # The cursor's cell: TextArea styles its first code point only, the cell's style.
        assert offset == cursor or all(inside) or not any(inside), (
            f"{where}: {text!r} at {offset} drawn partly styled"
        )
        if inside[0]:
            if spans and spans[-1][1] == offset:
                spans[-1] = (spans[-1][0], offset + len(text))
            else:
                spans.append((offset, offset + len(text)))
    return spans


def offsets(pane: ReadingPane, spans: list[tuple[int, int]]) -> set[int]:
    """The offsets of `spans` that are drawn (not line ends), but the cursor's cell (drawn
    in the cursor's style whatever else it is)."""
    text = pane._text
    cursor = pane._layout.offset(*pane.cursor_location)
    row_start = cursor - pane.cursor_location[1]
    ends = [row_start + end for end in cluster_ends(pane.document[pane.cursor_location[0]])]
    under = range(cursor, next((end for end in ends if end > cursor), cursor + 1))
    return {
        at
        for start, end in spans
        for at in range(start, end)
        if text[at] != "\n" and at not in under
    }


def is_selected(pane: ReadingPane) -> Callable[[Style], bool]:
    theme = pane._theme
    colour = theme.selection_style.bgcolor if theme and theme.selection_style else None
    assert colour is not None
    return lambda style: style.bgcolor == colour


def is_highlighted(style: Style) -> bool:
    return style.bgcolor == HIGHLIGHT_STYLES["nr.hl1"].bgcolor


MOVES = ("l", "l", "l", "l", "h", "h", "j", "k", "w", "w", "0", "dollar_sign", "right_parenthesis")
MOTIONS = (*MOVES, "h", "b", "left_parenthesis", "right_curly_bracket")


async def test_keyboard_highlights_in_odd_text_cover_whole_characters_on_screen_and_in_the_store(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """Random odd articles, random selections made with keys, `H`: the selection is drawn
    over whole clusters, exactly its characters; the quote stored is the body at the stored
    offsets, the selection's; and the highlight, drawn now and after reopening the article,
    colours exactly those characters. The failing seed is in the message."""
    seeds = range(16)
    library = tmp_path / "library"
    bodies = {}
    for seed in seeds:
        bodies[seed] = odd_body(random.Random(seed))
        write_markdown(library, f"odd-{seed:02d}.md", f"Odd article {seed}", bodies[seed])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.main.reader
        for seed in seeds:
            rng = random.Random(seed)
            odd_body(rng)  # the same draws as the file's body
            key = f"odd-{seed:02d}.md"
            await open_article(pilot, key)
            assert reader.article is not None
            body = reader.article.body
            assert body == bodies[seed].replace("\u00ad", ""), seed  # soft hyphens go
            shift = -reader.body_offset((0, 0))
            keys = [rng.choice(MOVES) for _ in range(rng.randint(4, 12))]
            keys += ["v", *(rng.choice(MOTIONS) for _ in range(rng.randint(1, 6)))]
            await pilot.press(*keys)
            await pilot.pause()
            span = reader.selected_span()
            where = f"seed {seed}, keys {keys}"
            if span is None:
                continue
            first, last = sorted(reader.selection)
            selected = (reader._layout.offset(*first), reader._layout.offset(*last))
            assert offsets(reader, drawn_in(reader, is_selected(reader), where)) == offsets(
                reader, [selected]
            ), where
            await pilot.press("H")
            await settle(pilot)
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            placed = reader.highlights[0]
            assert (placed.start, placed.end) == span, where
            assert placed.highlight.quote == body[span[0] : span[1]], where
            painted = [(span[0] + shift, span[1] + shift)]
            assert offsets(reader, drawn_in(reader, is_highlighted, where)) == offsets(
                reader, painted
            ), where
            await pilot.press("escape")
            await open_article(pilot, key)
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            await pilot.pause()
            assert offsets(reader, drawn_in(reader, is_highlighted, where)) == offsets(
                reader, painted
            ), where
    with AnnotationStore.open(annotations_path()) as store:
        quotes = [h.quote for item in store.annotations() for h in item.highlights]
    assert quotes and all(quote == quote.strip() for quote in quotes)


async def test_a_word_motion_takes_a_decomposed_words_accents(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """A page saved decomposed spells "café" as "cafe" and U+0301: `w` stopped before the
    accent, "é" showed selected and the quote saved was "Le cafe"."""
    body = "Le cafe\u0301 na\u0308ive e\u0301te\u0301 est bon, it’s co-op.\n\nAutre."
    async with reading_from_its_start(tmp_path, make_app, body) as (pilot, reader):
        ends = []
        await pilot.press("v")
        for _ in range(6):
            await pilot.press("w")
            span = reader.selected_span()
            assert span is not None
            ends.append(body[span[0] : span[1]])
        assert ends == [
            "Le",
            "Le cafe\u0301",
            "Le cafe\u0301 na\u0308ive",
            "Le cafe\u0301 na\u0308ive e\u0301te\u0301",
            "Le cafe\u0301 na\u0308ive e\u0301te\u0301 est",
            "Le cafe\u0301 na\u0308ive e\u0301te\u0301 est bon",
        ]
        await pilot.press("b", "b", "b")
        assert reader.selected_span() == (0, len("Le cafe\u0301 na\u0308ive"))
        await pilot.press("H")
        await settle(pilot)
        await wait_for(pilot, lambda: len(reader.highlights) == 1)
        assert reader.highlights[0].highlight.quote == "Le cafe\u0301 na\u0308ive"


async def test_query_matches_in_odd_text_are_drawn_over_exactly_their_words(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """Search terms in a decomposed word, in Chinese, beside emoji and tabs: the cells drawn
    as matches are the matches' characters, whole clusters, in the title and the body."""
    body = (
        "Le cafe\u0301 du port\t👩\u200d👩\u200d👧 et 🇫🇷, 東京電力 harbour cafe\u0301.\n\n"
        "Ame\u0301lie: 1\ufe0f\u20e3\tharbour 東京 👍🏽 cafe\u0301\u0301 fin."
    )
    library = tmp_path / "library"
    write_markdown(library, "odd.md", "Cafe\u0301 harbour", body)
    for query, count in (("café", 3), ("harbour", 3), ("東京", 2), ("amélie", 1)):
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press(*query, "enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            reader = app.main.reader
            assert reader.article is not None, query
            text = reader._text
            matches = reader._query_matches
            assert len(matches) >= count, (query, [text[s:e] for s, e in matches])

            def underlined(style: Style) -> bool:
                return bool(style.underline and style.bold)

            drawn = drawn_in(reader, underlined, query)
            assert offsets(reader, drawn) == offsets(reader, matches), query


async def test_keys_step_over_a_decomposed_hangul_syllable_as_one_character(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """Korean saved decomposed (NFD) spells "신" as three jamo drawn as one syllable: `l`
    stopped on each, the cursor vanished on the two drawn in no cell, and a selection ending
    there coloured half a syllable and saved it cut."""
    body = unicodedata.normalize("NFD", "부산항 신항이 개장했다.\n\n끝.")
    async with reading_from_its_start(tmp_path, make_app, body) as (pilot, reader):
        await pilot.press("v", "l", "l", "l", "l", "l")
        span = reader.selected_span()
        assert span is not None
        assert unicodedata.normalize("NFC", body[span[0] : span[1]]) == "부산항 신"
        await pilot.press("H")
        await settle(pilot)
        await wait_for(pilot, lambda: len(reader.highlights) == 1)
        assert reader.highlights[0].highlight.quote == body[span[0] : span[1]]
