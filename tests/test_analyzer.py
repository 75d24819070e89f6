"""The fused analyzer gives exactly the tokens of Whoosh's StemmingAnalyzer."""

from __future__ import annotations

from typing import Any

import pytest
from builders import REPO
from whoosh.analysis import StemmingAnalyzer

from newsread.index.engine.schema import StemAnalyzer, stem_word

TEXTS = [
    path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((REPO / "sample_articles").rglob("*"))
    if path.suffix in (".txt", ".md", ".json", ".jsonl", ".html")
] + [
    "The a I x 1 2.5 U.S.A. e.g. don't naïve Кельмора café -- running runs",
    "",
    "a",
    "the the the word",
]


def _tokens(analyzer: Any, text: str, **options: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            t.stopped,
            getattr(t, "original", None),
        )
        for t in analyzer(text, **options)
    ]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"positions": True},
        {"chars": True, "removestops": False},
        {"positions": True, "chars": True, "removestops": False, "keeporiginal": True},
        {"mode": "query"},
        {"tokenize": False, "removestops": False},
        {"positions": True, "start_pos": 5, "chars": True, "start_char": 7},
    ],
)
def test_fused_analyzer_matches_whoosh_stemming_analyzer(options: dict[str, Any]) -> None:
    reference = StemmingAnalyzer(stemfn=stem_word)
    fused = StemAnalyzer()
    assert len(TEXTS) > 40
    for text in TEXTS:
        assert _tokens(fused, text, **options) == _tokens(reference, text, **options)


def test_match_spans_find_exactly_the_analyzers_tokens() -> None:
    from newsread.index.engine.search import match_spans

    analyzer = StemAnalyzer()
    for text in TEXTS:
        tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True)]
        terms = {word for word, _, _ in tokens[::7]}
        expected = [(start, end) for word, start, end in tokens if word in terms]
        assert match_spans(text, terms) == expected
