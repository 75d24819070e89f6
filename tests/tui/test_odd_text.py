"""Selecting and highlighting text as people really save it: wide characters, combining
marks, flags and joined emoji, tabs, right-to-left words, soft hyphens, U+FFFD."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui_helpers import open_article, settle, wait_for

from newsread.tui.app import NewsreadApp

MakeApp = Callable[..., NewsreadApp]


def write_markdown(folder: Path, name: str, title: str, body: str) -> None:
    """An article as a Markdown file: the reader keeps its tabs (scraped text's are spaces)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"# {title}\n\n{body}\n", encoding="utf-8")


async def test_a_word_motion_takes_a_decomposed_words_accents(
    tmp_path: Path, make_app: MakeApp
) -> None:
    """A page saved decomposed spells "café" as "cafe" and U+0301: `w` stopped before the
    accent, "é" showed selected and the quote saved was "Le cafe"."""
    body = "Le cafe\u0301 na\u0308ive e\u0301te\u0301 est bon, it’s co-op.\n\nAutre."
    library = tmp_path / "library"
    write_markdown(library, "nfd.md", "Decomposed", body)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "nfd.md")
        reader = app.main.reader
        reader.move_cursor(reader.body_location(0))
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
