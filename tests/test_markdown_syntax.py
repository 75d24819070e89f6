"""Snippets of Markdown articles show words, not Markdown: checked against a CommonMark parser."""

from __future__ import annotations

import random
import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsread.index.engine.search import make_snippet
from newsread.index.files.formats.markdown_syntax import strip_markdown

_WORDS = ["harbour", "works", "snake_case", "paused", "Kelmor", "C#", "1962", "x*y", "a_b"]


def _phrase(rng: random.Random) -> str:
    """Words, some wrapped in inline syntax."""
    out = []
    for _ in range(rng.randint(1, 6)):
        word = rng.choice(_WORDS[:7])
        two = f"{word} {rng.choice(_WORDS[:5])}"
        out.append(
            rng.choice(
                [
                    word,
                    word,
                    f"**{two}**",
                    f"*{word}*",
                    f"_{word.replace('_', '')}_",
                    f"__{two.replace('_', '')}__",
                    f"***{word}***",
                    f"**{word} *{word}* {word}**",
                    f"`{word} *x*`",
                    f"[{two}](https://example.com/{word.replace('#', '')})",
                    f'[{word}](https://example.com "A title")',
                    f"![{two}](picture.png)",
                    f"<https://example.com/{word.replace('#', '')}>",
                    f"\\*{word}\\*",
                    f"~~{word}~~",
                    f"[{word}][ref]",
                ]
            )
        )
    return " ".join(out)


def _block(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return f"{'#' * rng.randint(1, 6)} {_phrase(rng)}{rng.choice(['', ' ##'])}"
    if kind == 1:
        return "\n".join(f"> {_phrase(rng)}" for _ in range(rng.randint(1, 2)))
    if kind == 2:
        marker = rng.choice(["-", "*", "+", "1.", "2)"])
        return "\n".join(f"{marker} {_phrase(rng)}" for _ in range(rng.randint(1, 3)))
    if kind == 3:
        return f"```\n{_phrase(rng)}\n```"
    if kind == 4:
        return rng.choice(["---", "***", "* * *", "___"])
    if kind == 5:
        return f"| {_phrase(rng)} | {_phrase(rng)} |\n|---|:-:|\n| {_phrase(rng)} | 1 |"
    if kind == 6:
        return f"{_phrase(rng)}\n{rng.choice(['===', '---'])}"
    if kind == 7:
        return "[ref]: https://example.com/ref"
    return "\n".join(_phrase(rng) for _ in range(rng.randint(1, 2)))


def _shown(markdown: str) -> str:
    """What a CommonMark (+ tables, strikethrough) renderer shows, without white space."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    shown: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type in ("text", "code_inline", "fence", "code_block"):
                shown.append(token.content)
            if token.children:
                walk(token.children)

    walk(parser.parse(markdown))
    return re.sub(r"\s", "", "".join(shown))


@pytest.mark.parametrize("seed", range(50))
def test_strip_markdown_leaves_the_words_a_renderer_shows(seed: int) -> None:
    rng = random.Random(seed)
    markdown = _block(rng) + "\n\n[ref]: https://example.com/ref"
    ours = re.sub(r"\s", "", strip_markdown(markdown.split("\n\n")[0]))
    assert ours == _shown(markdown), (seed, markdown)


def test_a_heading_shows_in_a_snippet_without_its_hashes() -> None:
    paragraphs = ["We have had two days.", "## Harbour works paused", "At the **harbour**, work"]
    plain = make_snippet(paragraphs, {"harbour"}, markdown=True)
    assert "#" not in plain.text and "*" not in plain.text
    assert [plain.text[s:e] for s, e in plain.spans] == ["Harbour", "harbour"]
    assert "## Harbour" in make_snippet(paragraphs, {"harbour"}).text  # plain text keeps it


@pytest.mark.parametrize(
    "text", ["C# and F# are #1", "5 * 3 * 2 = 30", "snake_case_name", "<3 and a > b", "x_1 * y"]
)
def test_text_that_is_not_syntax_stays(text: str) -> None:
    assert strip_markdown(text) == text
