"""Pairs of neighbouring common words (`schema.PairAnalyzer`, issue 16): indexed exactly where
positions make two common words neighbours, read back with the list the index was built with,
and an index from before them rebuilt. tests/test_search_oracle.py compares whole searches."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from builders import write_article
from whoosh import fields

from newsread.index.engine import indexer, open_index, postings, schema
from newsread.index.engine.common_words import COMMON_TERMS
from newsread.index.engine.schema import PAIRS, PairAnalyzer, StemAnalyzer, pair_term
from newsread.index.library import Library

COMMON = ["last", "year", "said", "new", "first", "two", "market", "week"]
RARE = ["harbour", "grain", "kelmor", "ferry", "budget"]
STOPS = ["the", "of", "and", "to", "a", "in"]
BREAKS = [" ", " ", " ", ", ", ". ", "\n\n", " - "]


def _slow_pairs(text: str, common: frozenset[str]) -> set[str]:
    """The pairs as the phrase matcher sees neighbours: every two tokens (Whoosh's own
    token stream, stop words left out) one position apart, both common."""
    at: dict[int, list[str]] = {}
    for token in StemAnalyzer()(text, positions=True, mode="index"):
        at.setdefault(token.pos, []).append(token.text)
    return {
        pair_term(first, second)
        for place in at
        for first in at[place]
        for second in at.get(place + 1, [])
        if first in common and second in common
    }


def _text(rng: random.Random) -> str:
    words = [rng.choice(COMMON + RARE + STOPS + ["東京電力", "Years", "FIRST"]) for _ in range(30)]
    return "".join(word + rng.choice(BREAKS) for word in words)


def test_pairs_are_the_neighbouring_common_words_as_positions_count_them() -> None:
    assert {schema.analyse_word(w) for w in COMMON} <= COMMON_TERMS
    rng = random.Random(16)
    for common in (COMMON_TERMS, frozenset(["last", "year", "東京", "京電", "電力", "東"])):
        analyzer = PairAnalyzer(common)
        for _ in range(300):
            text = _text(rng)
            assert analyzer.pairs(text) == _slow_pairs(text, common), text
            assert {t.text for t in analyzer(text, mode="index")} == analyzer.pairs(text)
    # Across stop words and a paragraph break; none between a common and a rare word.
    assert PairAnalyzer().pairs("Last of the\n\nyears, said kelmor") == {"last year", "year said"}


def _library(root: Path) -> Path:
    bodies = {
        "across.txt": "Profits rose in the last of the\n\nyears of the decade.",
        "plain.txt": "The market fell last year, said the board on Monday.",
        "apart.txt": "A last ferry left. The year ended with a harbour grain sale.",
        "reversed.txt": "The year last seen in the harbour grain market.",
    }
    for name, body in bodies.items():
        title = "The last of the year" if name == "apart.txt" else f"Notes {name}"
        write_article(root, name, title, body)
    return root


QUERIES = {
    '"last year"': {"across.txt", "plain.txt", "apart.txt"},
    '"last of the years"': {"across.txt", "plain.txt", "apart.txt"},
    '"year last"': {"reversed.txt"},
    '"last year said"': {"plain.txt"},
    '"harbour grain"': {"apart.txt", "reversed.txt"},
    '"harbour grain market"': {"reversed.txt"},
    'title:"last year"': {"apart.txt"},
}


def _found(library: Library) -> dict[str, set[str]]:
    return {
        text: {hit.path for hit in library.search(text, limit=50, snippets=False).hits}
        for text in QUERIES
    }


@pytest.fixture
def paired(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each segment's pairs were read (True: some document had them all)."""
    used: list[bool] = []
    with_pairs = postings._Evaluator.with_pairs

    def spy(self: Any, reader: Any, pairs: str, terms: list[bytes]) -> set[int]:
        found = with_pairs(self, reader, pairs, terms)
        used.append(bool(found))
        return found

    monkeypatch.setattr(postings._Evaluator, "with_pairs", spy)
    return used


def test_phrases_across_stop_words_and_paragraph_breaks_are_found_from_the_pairs(
    tmp_path: Path, paired: list[bool]
) -> None:
    library = Library(_library(tmp_path / "library")).open()
    library.update()
    assert _found(library) == QUERIES
    assert paired and any(paired)
    library.close()


def _schema_without_pairs() -> fields.Schema:
    """The schema before pairs (version 7)."""
    old = schema.build_schema()
    for name in PAIRS.values():
        old.remove(name)
    return old


def _fields_without_pairs(article: Any) -> dict[str, object]:
    """An article's document before pairs (version 7)."""
    doc = schema.index_fields(article)
    for name in PAIRS.values():
        del doc[name]
    return doc


def test_an_index_from_before_the_pairs_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paired: list[bool]
) -> None:
    root = _library(tmp_path / "library")
    with monkeypatch.context() as old:
        old.setattr(open_index, "SCHEMA_VERSION", 7)
        old.setattr(open_index, "build_schema", _schema_without_pairs)
        old.setattr(indexer, "index_fields", _fields_without_pairs)
        library = Library(root).open()
        library.update()
        assert not set(PAIRS.values()) & set(library.index.schema.names())
        library.close()
    reopened = Library(root).open()
    assert reopened.notice == "index rebuilt: newsread's index format changed"
    reopened.update()
    assert set(PAIRS.values()) <= set(reopened.index.schema.names())
    assert _found(reopened) == QUERIES
    assert any(paired)
    reopened.close()


def test_searches_assume_the_common_words_the_index_was_built_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paired: list[bool]
) -> None:
    """An index built with another list (an older newsread's) keeps it: "last year" has no
    pair there and is found from positions, "harbour grain" from its pair."""
    other = frozenset(["harbour", "grain", "market"])
    root = _library(tmp_path / "library")
    with monkeypatch.context() as before:
        before.setattr(PairAnalyzer.__init__, "__defaults__", (other,))
        library = Library(root).open()
        library.update()
        library.close()
    reopened = Library(root).open()
    assert not reopened.notice
    assert reopened.index.schema[PAIRS["body"]].analyzer.common == other
    assert _found(reopened) == QUERIES
    assert any(paired)
    reopened.close()
