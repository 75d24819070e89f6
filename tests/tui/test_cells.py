"""Titles, rows and snippets measured in terminal cells, cut only between grapheme clusters."""

from __future__ import annotations

import random
import sys
import types
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
import rich.cells
from rich.cells import cell_len
from textual.content import Content
from tui_helpers import open_article, rendered_text, settle, write_article

from newsread.index.results import Hit, Snippet, Version
from newsread.tui.app import NewsreadApp
from newsread.tui.cells import (
    clip,
    clip_content,
    cluster_at,
    cluster_ends,
    keep_in_view,
    steady,
)
from newsread.tui.widgets.results_list import meta_line
from newsread.tui.widths import measure_spacing_marks

FAMILY = "👩\u200d👩\u200d👧"
FLAGS = ("🇫🇷", "🇩🇪")
CLUSTERS = [
    "a", "é", "e\u0301", "日", FAMILY, *FLAGS, "👍🏽", "1\ufe0f\u20e3", "☀\ufe0f", "🎉",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", " ",
    "\u1109\u1175\u11ab", "\u1112\u1161", "กำ", "ที่",
]  # fmt: skip
"""... and Hangul syllables spelt in jamo (NFD's 신, 하), Thai with sara am and marks."""


def test_clusters_are_what_a_reader_sees_as_one_character() -> None:
    text = "".join(CLUSTERS)
    ends = cluster_ends(text)
    assert [text[a:b] for a, b in zip([0, *ends], ends, strict=False)] == CLUSTERS


def test_the_cluster_at_an_offset_is_the_one_cluster_ends_counts_from_the_start() -> None:
    """`cluster_at` looks back only to a character that must open a cluster (a cursor in a
    1 MB line); its slow twin clusters the whole text. Lone marks, joiners and odd runs of
    regional indicators included."""
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    pieces = [*CLUSTERS, "\u0301", "\u200d", "\U0001f1eb", "\t", "x\u0301\u0302", "\ufe0f"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        ends = cluster_ends(text)
        for start, end in zip([0, *ends], ends, strict=False):
            for at in range(start, end):
                assert cluster_at(text, at) == (start, end), (seed, text, at)
        assert cluster_at(text, len(text)) == (len(text), len(text))


def test_clip_fits_the_width_and_keeps_whole_clusters() -> None:
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    for _ in range(500):
        pieces = [steady(rng.choice(CLUSTERS)) for _ in range(rng.randrange(0, 30))]
        text = "".join(pieces)
        width = rng.randrange(1, 40)
        clipped = clip(text, width)
        assert cell_len(clipped) <= width, (seed, text, width)
        if clipped == text:
            continue
        assert clipped.endswith("…")
        # The oracle: whole clusters, greedily, while they leave a cell for the ellipsis.
        kept, used = "", 0
        for piece in pieces:
            if used + cell_len(piece) > width - 1:
                break
            kept, used = kept + piece, used + cell_len(piece)
        assert clipped == kept + "…", (seed, text, width)


def test_styled_lines_keep_their_styles_up_to_the_cut() -> None:
    line = Content("Flags 🇫🇷🇩🇪 at the harbour").stylize("bold", 0, 5)
    clipped = clip_content(line, 9)  # "Flags " + one flag + "…"
    assert clipped.plain == "Flags 🇫🇷…"
    assert clipped.cell_length == 9


def test_steady_keeps_every_offset_and_one_cell_for_a_narrow_emoji() -> None:
    text = "sun ☀\ufe0f, party 🎉\ufe0f, key 1\ufe0f\u20e3"
    assert len(steady(text)) == len(text)
    assert cell_len(steady("☀\ufe0f")) == 1 and cell_len("☀\ufe0f") == 2
    assert steady("🎉\ufe0f") == "🎉\ufe0f"  # wide on its own: left as it is
    # Skin tones: tmux 3.3 drew "👍🏽" and "👩🏽‍💻" four cells wide (a lone tone two), Rich two
    # (none): shown without the tone, two cells (none) in both.
    for toned, shown in [
        ("👍🏽 ok", "👍\ufe0f ok"),
        ("👩🏽\u200d💻", "👩\ufe0f\u200d💻"),
        ("🏿", "\ufe0f"),
    ]:
        assert steady(toned) == shown and len(shown) == len(toned)


async def test_emoji_titles_keep_every_row_inside_the_border(
    tmp_path: Path, make_app: Callable[..., NewsreadApp]
) -> None:
    library = tmp_path / "library"
    title = f"Family {FAMILY} day at the harbour with {FLAGS[0]}{FLAGS[1]} and sun ☀\ufe0f"
    write_article(library, "a.txt", title + " and a title long enough to reach the border", "x")
    write_article(library, "b.txt", "Flags " + "🇫🇷" * 60, "Harbour " + FAMILY * 50)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.main.results_list
        width = results.outer_size.width
        lines = rendered_text(results).splitlines()
        assert any(FAMILY in line for line in lines)
        for line in lines:
            assert cell_len(line) <= width, line
            assert "\ufe0f" not in line or "☀\ufe0f" not in line  # the narrow sun is steadied
            # No lone regional indicator: flags are whole or not there at all.
            flags = [c for c in line if "\U0001f1e6" <= c <= "\U0001f1ff"]
            assert len(flags) % 2 == 0, line


def test_a_snippet_line_shows_its_first_match_however_narrow_the_list() -> None:
    """Random snippets of clusters and words, a match anywhere, rows 10-80 cells wide: the
    clipped row holds the whole first match (when it fits a row at all), styled; what is left
    out is words before it, said with "…"; every span still covers the same text."""
    rng = random.Random(7)
    for case in range(400):
        words = [
            "".join(rng.choice(CLUSTERS[:-1]) for _ in range(rng.randint(1, 8)))
            for _ in range(rng.randint(2, 40))
        ]
        text = " ".join(words)
        offsets = [0]
        for word in words[:-1]:
            offsets.append(offsets[-1] + len(word) + 1)
        chosen = sorted(rng.sample(range(len(words)), rng.randint(1, min(3, len(words)))))
        spans = [(offsets[n], offsets[n] + len(words[n])) for n in chosen]
        width = rng.randint(10, 80)
        shown, moved = keep_in_view(text, spans, width)
        assert [shown[s:e] for s, e in moved] == [text[s:e] for s, e in spans], case
        first = text[spans[0][0] : spans[0][1]]
        if shown != text:
            assert shown.startswith("… ") and text.endswith(shown[2:]), case
        if cell_len(first) <= (width - 2) // 2:
            row = clip_content(Content(shown).stylize("bold", *moved[0]), width)
            assert row.cell_length <= width
            assert first in row.plain, (case, width, row.plain)
    unchanged = "a match at the start of a long line of words " * 3
    assert keep_in_view(unchanged, [(2, 7)], 20) == (unchanged, [(2, 7)])


async def test_a_narrow_row_drops_the_section_then_shortens_the_source_and_keeps_the_date(
    tmp_path: Path, make_app: Callable[..., NewsreadApp]
) -> None:
    """At 40 columns a row's "source · section · date" was cut at its end: the date went
    first, and it is what tells one version of a story from the next."""
    library = tmp_path / "library"
    write_article(
        library, "a.txt", "Harbour fees rise", "Harbour.", source="KELMOR GAZETTE",
        section="Regional Politics", date="30 May 2017 [16:18]",
    )  # fmt: skip
    write_article(
        library, "b.txt", "Harbour dues fall", "Harbour.", source="THE KELMOR EVENING HARBOUR GAZETTE",
        section="World", date="2 April 2021 [07:30]",
    )  # fmt: skip
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        lines = rendered_text(app.main.results_list).splitlines()
        dropped = next(line for line in lines if "2017-05-30" in line)
        assert "KELMOR GAZETTE · 2017-05-30" in dropped and "Regional" not in dropped
        shortened = next(line for line in lines if "2021-04-02" in line)
        assert "THE KELMOR EVENING" in shortened and "… · 2021-04-02" in shortened
        assert "World" not in shortened


def test_a_row_that_fits_keeps_its_section_when_the_versions_after_it_do_not() -> None:
    """A story's versions too long for the row dropped the section the command line shows
    ("own (folder) · 2019-11-20 · +3 versions…"): the versions, last, are left to the clip."""
    others = tuple(
        Version(f"{folder}/b.md", "B", name)
        for folder, name in (("own", "own"), ("k", "Kelmor Evening Gazette"), ("l", "A long one"))
    )
    hit = Hit(
        "own/z/a.md", "1", "own/z/a.md", "Harbour", "own", "z", datetime(2019, 11, 20), "", (),
        1.0, Snippet(""), versions=3, others=others,
    )  # fmt: skip
    assert meta_line(hit, 76).startswith("own (folder) · z · 2019-11-20 · +3 versions: ")
    assert meta_line(hit, 26) == "own (folder) · 2019-11-20 · +3 versions: " + (
        "own (folder), Kelmor Evening Gazette, A long one"
    )


def test_a_passage_that_is_one_quotation_is_shown_in_one_pair_of_quotation_marks() -> None:
    """The note dialog's passage: selected with its own marks (`s` takes them), it read
    ““My job …””; two quotations with words between them keep their marks."""
    from newsread.tui.screens.note_editor import quoted

    assert quoted("“My job is here.”", 80) == ["“My job is here.”"]
    assert quoted('"My job is here."', 80) == ["“My job is here.”"]
    assert quoted("«Mon travail»", 80) == ["“Mon travail”"]
    assert quoted("plain words", 80) == ["“plain words”"]
    assert quoted("“Yes,” she said, “now.”", 80) == ["““Yes,” she said, “now.””"]
    assert quoted("“", 80) == ["““”"]  # one mark is no quotation


def terminal_width(text: str) -> int:
    """Cells `text` takes in a terminal (glibc's wcwidth, tmux, xterm, VTE), the oracle Rich is
    checked against: no cell for a nonspacing or enclosing mark, a format character or a
    Hangul syllable's later jamo; two for a wide character; one for anything else, a spacing
    mark (Mc) too."""
    width = 0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf") or "\u1160" <= char <= "\u11ff":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


INDIC = (
    "मुंबई में प्रधानमंत्री ने नई बंदरगाह परियोजना की घोषणा की।",  # Hindi
    "ঢাকায় নতুন বন্দরের কাজ শুরু হয়েছে।",  # Bengali
    "சென்னை துறைமுகம் விரிவாக்கப்படும் என்று அமைச்சர் கூறினார்.",  # Tamil
)


def test_a_spacing_mark_takes_the_cell_a_terminal_draws_it_in() -> None:
    """Rich gave an Indic vowel sign (a spacing mark, Mc) no cell, as it does an accent."""
    measure_spacing_marks()
    for text in (*INDIC, "cafe\u0301 東京 한국어"):
        assert cell_len(text) == terminal_width(text), text


async def test_an_indic_article_is_drawn_within_its_pane_every_word_shown(
    tmp_path: Path, make_app: Callable[..., NewsreadApp]
) -> None:
    """A Hindi paragraph's rows, laid out a few cells short of what the terminal draws, ran
    under the border: the words at each row's end were never shown."""
    library = tmp_path / "library"
    body = " ".join(INDIC * 4)
    write_article(library, "hi.txt", INDIC[0], body)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "hi.txt")
        reader = app.main.reader
        lines = rendered_text(reader).splitlines()
        assert all(terminal_width(line) <= reader.outer_size.width for line in lines)
        shown = " ".join(line.strip(" │") for line in lines).split()
        assert all(word in shown for word in body.split())


def test_spacing_marks_are_measured_with_the_older_rich_textual_allows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual takes Rich 14.2 and up; 14 has one table, `rich._cell_widths`, and no
    `rich._unicode_data`: importing that stopped newsread before it started."""
    monkeypatch.delattr(rich.cells, "load_cell_table")
    older = types.ModuleType("rich._cell_widths")
    older.CELL_WIDTHS = [(0, 0, 0), (1, 31, -1), (0x93C, 0x940, 0)]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rich._cell_widths", older)
    measure_spacing_marks()
    assert older.CELL_WIDTHS == [  # type: ignore[attr-defined]
        (0, 0, 0), (1, 31, -1), (0x93C, 0x93D, 0), (0x93E, 0x93E, 1), (0x93F, 0x93F, 1),
        (0x940, 0x940, 1),
    ]  # fmt: skip
