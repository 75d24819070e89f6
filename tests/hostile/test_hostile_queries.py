"""Hostile queries: anything typed gives results or a `QueryError`, never a crash; expensive
queries come back in bounded time and say when their results were limited."""

from __future__ import annotations

import contextlib
import io
import itertools
import string
from pathlib import Path

import pytest
from builders import write_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsread.index.engine.search import QueryError
from newsread.index.library import Library
from newsread.tui.cli import main

SYNTAX = [
    '"', "(", ")", "[", "]", "{", "}", ":", "*", "?", "~", "^", "+", "-", "!", "\\", "/", "'",
    " ", "AND", "OR", "NOT", "TO", "title:", "date:", "date:>", "tag:", "note:", "has:", "is:",
    "author:", "2017", "harbour", "é", "Кельмор", "\u202e", "\x1b[31m", "\x00", "~2",
]  # fmt: skip
queries = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(SYNTAX), max_size=10).map("".join),
    st.lists(st.sampled_from(SYNTAX), max_size=10).map(" ".join),
)


@pytest.fixture(scope="module")
def wordy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(library, index folder): three articles and one of 18,928 words starting "a"."""
    root = tmp_path_factory.mktemp("wordy")
    write_article(root, "harbour.txt", "Kelmor harbour", "The harbour of Kelmor in 2017.")
    write_article(root, "grain.txt", "Grain sanctions", "Sanctions on grain; Кельмор.")
    write_article(root, "flood.txt", "River flood", "The river Vessa flooded the old town.")
    letters = string.ascii_lowercase
    words = ["a" + "".join(pair) for pair in itertools.product(letters, repeat=2)]
    words += ["ab" + "".join(t) for t in itertools.product(letters, repeat=2)]
    words += ["ax" + "".join(t) for t in itertools.product(letters, repeat=3)]
    body = "\n\n".join(" ".join(words[n : n + 40]) + "." for n in range(0, len(words), 40))
    write_article(root, "wordy.txt", "A wordy article", body)
    index_dir = root.parent / f"{root.name}-index"
    with pytest.MonkeyPatch.context() as env:  # not the user's home: see conftest
        env.setenv("NEWSREAD_HOME", str(root.parent / "wordy-home"))
        library = Library(root, index_dir).open()
        library.update()
        library.close()
    return root, index_dir


@pytest.fixture
def library(wordy: tuple[Path, Path]) -> Library:
    return Library(*wordy).open()


@pytest.fixture
def small_index(small_library: Path) -> Library:
    """Opened and indexed once per test; hypothesis runs every example against it."""
    library = Library(small_library).open()
    library.update()
    return library


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries)
def test_any_query_gives_results_or_a_query_error(small_index: Library, query: str) -> None:
    try:
        results = small_index.search(query)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert results.total >= len(results.hits)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries)
def test_the_cli_never_prints_a_traceback(small_library: Path, query: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["search", "-l", str(small_library), "-n", "3", "--", query])
    assert code in (0, 1, 2), err.getvalue()  # hits, no hits, bad query
    assert "Traceback" not in err.getvalue() and "unexpected error" not in err.getvalue()


@pytest.mark.parametrize(
    ("query", "limited"),
    [
        ("*", ""),
        ("a*", "'a*' matches too many words; searched the most common"),
        ("?*", "'?*' limited to its 8 most common words"),
        ("*a*", "'*a*' limited to its 8 most common words"),
        ("ab~2", "'ab~2' limited to its 3 most common words"),
        (" OR ".join(f"w{n}" for n in range(50)), ""),
        (" OR ".join(f"a{n}*" for n in range(50)), ""),
    ],
    ids=["every", "prefix", "wildcard", "infix", "fuzzy", "50-or", "50-prefixes"],
)
def test_expensive_queries_are_bounded_and_say_so(
    library: Library, query: str, limited: str
) -> None:
    results = library.search(query)
    if limited:
        assert limited in results.limited
        assert results.total > 0
    elif results.limited:
        assert "too long" in results.limited  # only the time limit may cut these short
