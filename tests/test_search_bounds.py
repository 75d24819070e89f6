"""Every query has a stated bound and a one-line refusal in the user's terms; nothing inside
the bounds grows without limit (time, memory, recursion)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsread.index.engine import search as search_module
from newsread.index.engine.search import NothingToSearch, QueryError, QueryTooLarge
from newsread.index.library import Library

INTERNAL = ("recursion", "index out of range", "Traceback", "Error", "object", "NoneType")


@pytest.fixture
def library(small_library: Path) -> Library:
    library = Library(small_library).open()
    library.update()
    return library


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q" * 100_000, "the query is too long (100,000 characters; at most 2,000)"),
        ("harbour " * 251, "the query is too long (2,007 characters; at most 2,000)"),
        ("(" * 1000 + "oil" + ")" * 1000, "the query is too long"),
        ("(" * 21 + "oil" + ")" * 21, "too many nested parentheses (21 levels; at most 20)"),
        ("NOT " * 1000 + "oil", "the query is too long"),
        ("NOT " * 51 + "oil", "too many operators (51 of AND, OR, NOT; at most 50)"),
        (" OR ".join(["harbour"] * 52), "too many operators (51 of AND, OR, NOT; at most 50)"),
        ("a~ b~ c~ d~ e~ f~", "too many fuzzy words (6; at most 5)"),
        ("x" * 31 + "~", "a fuzzy word has at most 30 letters ('xxxxxxxxxxxx…~')"),
        ("harbour~9", "'harbour~9': a fuzzy word allows 1 or 2 edits"),
    ],
    ids=["100k", "2k", "1000-parens", "21-parens", "1000-nots", "51-nots", "51-ors", "6-fuzzy",
         "long-fuzzy", "9-edits"],
)  # fmt: skip
def test_queries_over_a_bound_are_refused_in_one_line(
    library: Library, query: str, message: str
) -> None:
    with pytest.raises(QueryTooLarge) as refused:
        library.search(query)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "query",
    [
        "(" * 20 + "harbour" + ")" * 20,
        "NOT " * 3 + "harbour",
        " OR ".join(["harbour"] * 51),
        "harbour~ kelmor~ grain~ river~ flood~",
        "x" * 30 + "~",
        "harbour~2",
        "h" * 1999 + "*",
        "AND OR NOT",
        "harbour NOT NOT NOT",
        "harbour ANDNOT ANDNOT grain",
        "((harbour) OR) AND (NOT)",
    ],
)
def test_queries_within_the_bounds_answer_or_explain(library: Library, query: str) -> None:
    try:
        library.search(query)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message
        assert not any(word in message for word in INTERNAL), message


TOKENS = ["(", ")", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "harbour", "grain~", "kel*",
          "-", '"', "title:", "date:>2017", "~2", "^3", "the", "tag:x", "is:read", "*", "?"]  # fmt: skip


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tokens=st.lists(st.sampled_from(TOKENS), max_size=80), spaced=st.booleans())
def test_no_query_shows_python_internals(library: Library, tokens: list[str], spaced: bool) -> None:
    try:
        library.search((" " if spaced else "").join(tokens))
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message
        assert not any(word in message for word in INTERNAL), message


@pytest.mark.parametrize("query", ["the", "--", "a the of", "- ~", "NOT the", "?", "the ?"])
def test_a_query_of_only_common_words_has_nothing_to_search(library: Library, query: str) -> None:
    with pytest.raises(NothingToSearch, match="nothing to search for"):
        library.search(query)


@pytest.mark.parametrize("query", ["title:", "date:>", " author: ", "title: date:<="])
def test_a_field_alone_with_no_word_has_nothing_to_search(library: Library, query: str) -> None:
    # Left out as typed ("kelmor title:" searches kelmor), it left an empty query: every
    # article, as if it had matched.
    with pytest.raises(NothingToSearch, match="a field needs a word"):
        library.search(query)
    assert library.search("").total > 0  # the empty query still lists every article


_PEAK_OF_QUERIES = """
import json, resource, sys
from pathlib import Path
from newsread.index.library import Library
from newsread.index.engine.search import QueryError
library = Library(Path(sys.argv[1])).open()
library.update()
library.search("harbour")  # imports and caches warm: only the queries are measured
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcomes = []
for query in json.loads(sys.argv[2]):
    try:
        outcomes.append(library.search(query).total)
    except QueryError as error:
        outcomes.append(str(error))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_kb": before, "after_kb": after, "outcomes": outcomes}))
"""


def test_huge_queries_take_little_memory(small_library: Path) -> None:
    """A 100 KB word once grew to 15 GB (a suggestion built ~74 variants per character)."""
    queries = [
        "q" * 100_000,
        "q" * 1999,  # the longest allowed word: no suggestion is looked for
        " ".join(["harbuorqqq" * 3] * 64)[:1999],  # 30-letter misspellings: 3 looked at
        "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq~ " * 5,
    ]
    run = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_QUERIES, str(small_library), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
    )
    peak = json.loads(run.stdout.splitlines()[-1])
    assert peak["outcomes"][0].startswith("the query is too long")
    assert peak["outcomes"][1:] == [0, 0, 0]
    grown_mb = (peak["after_kb"] - peak["before_kb"]) / 1024
    assert grown_mb < 100, f"queries grew the process by {grown_mb:.0f} MB"


def test_suggestions_look_at_a_bounded_number_of_words(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: list[str] = []
    real = search_module._fuzzy_words

    def counting(reader: object, fieldname: str, word: str, verify: object) -> object:
        looked.append(word)
        return real(reader, fieldname, word, verify)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "_fuzzy_words", counting)
    library.search(" ".join(f"harbuor{n}" for n in "abcdefghij"))
    assert len(looked) == search_module.SUGGEST_WORDS


def test_a_chain_of_andnot_is_built_once_per_word(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh built both sides of ANDNOT twice: 2^n work for n of them (18: 24 s)."""
    from whoosh.qparser import syntax

    built: list[str] = []
    real = syntax.TextNode.query

    def counting(self: object, parser: object) -> object:
        built.append(str(getattr(self, "text", "")))
        return real(self, parser)  # type: ignore[arg-type]

    monkeypatch.setattr(syntax.TextNode, "query", counting)
    words = [f"harbour{n}" for n in range(12)]
    library.search(" ANDNOT ".join(words))
    assert sorted(built) == sorted(words * 2)  # once in title, once in body
