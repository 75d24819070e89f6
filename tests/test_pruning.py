"""index/engine/pruning.py: the best k of a query, exactly as scoring every match ranks them.

The library is written with posting blocks of 4 (Whoosh's are 128), so that a few hundred
articles give every common word dozens of blocks to bound and skip, in several segments,
with deletions and with articles written twice (equal scores: ties to break).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from builders import write_article

from newsread.index.engine import postings, pruning
from newsread.index.engine.search import _bound, parse_query
from newsread.index.library import Library

WORDS = (
    "harbour grain sanctions river flood council budget shipping minister port export "
    "court ruling strike union wages bank rates inflation market shares election vote"
).split()
BLOCK = 4


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("pruning") / "library"
    rng = random.Random(16)
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]  # a few words in most articles

    def write(n: int, version: int) -> None:
        words = rng.choices(WORDS, weights, k=rng.randint(3, 60))
        write_article(
            root,
            f"a{n:03}.txt",
            f"{' '.join(rng.sample(WORDS, 2)).capitalize()} {version}",
            " ".join(words),
            source=rng.choice(["WIRE", "GAZETTE"]),
            date=f"{rng.randint(1, 28)} March {rng.randint(2015, 2024)} [09:05]",
        )

    from whoosh.codec import whoosh3

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREAD_HOME", str(root.parent / "home"))
        patch.setattr(whoosh3.W3Codec.__init__, "__defaults__", (BLOCK, 3, 1))
        for n in range(90):
            write(n, 0)
        for n in range(90, 100):  # the same article again: the same scores
            (root / f"a{n:03}.txt").write_bytes((root / "a000.txt").read_bytes())
        Library(root).open().update()
        for n in range(100, 180):  # a second segment
            write(n, 0)
        for n in range(0, 180, 9):  # changed: deleted in their old segment, added anew
            write(n, 1)
        for n in range(5, 180, 13):
            (root / f"a{n:03}.txt").unlink()
        library = Library(root).open()
        library.update()
        with library.searcher() as searcher:
            assert len(searcher.reader().leaf_readers()) > 1
            assert searcher.reader().has_deletions()
        yield library


def _queries(rng: random.Random, count: int) -> Iterator[str]:
    def word() -> str:
        return rng.choice(WORDS[:8] if rng.random() < 0.6 else WORDS)

    shapes = [
        lambda: word(),
        lambda: f"{word()} {word()}",
        lambda: f"{word()} OR {word()} OR {word()}",
        lambda: f"({word()} OR {word()}) {word()}",
        lambda: f"{word()} -{word()}",
        lambda: f"{word()} ANDNOT {word()}",
        lambda: f"{word()} ANDMAYBE {word()}",
        lambda: f'"{word()} {word()}"',
        lambda: f'"{word()} {word()}"~3 OR {word()}',
        lambda: f"title:{word()} OR {word()}",
        lambda: f"{word()}^3 OR {word()}^0.5",
        lambda: f"({word()} {word()})^2 OR {word()}",
        lambda: f"{word()[:3]}*",
        lambda: f"{word()} source:wire",
        lambda: f"{word()} date:[2018-01-01 TO 2021-12-31]",
    ]
    for _ in range(count):
        yield rng.choice(shapes)()


def test_the_best_k_are_those_of_scoring_every_match(library: Library) -> None:
    """Same documents, same scores to the bit, ties broken by the lower document number."""
    rng = random.Random(1616)
    pruned = ties = 0
    with library.searcher() as searcher:
        for text in _queries(rng, 60):
            q = _bound(parse_query(text, library.index.schema), searcher.reader(), [])
            everything = postings.evaluate(searcher, q)
            assert everything is not None, text
            for k in (1, 3, 10, 40):
                best = pruning.best(searcher, q, k)
                if best is None:
                    continue
                pruned += 1
                expected = postings.top(everything, k)
                assert best == expected, (text, k)
                ranked = sorted(everything.values(), reverse=True)
                ties += len(ranked) > k and ranked[k - 1] == ranked[k]
    assert pruned > 200  # only the date range (a word range) is left to the whole evaluation
    assert ties > 5  # the k-th score tied with the next one: the tie had to be broken


def test_blocks_that_cannot_reach_the_best_are_never_scored(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    evaluated: list[int] = []
    evaluate = pruning._evaluate

    def counting(*args: object) -> postings.Scores | None:
        found = evaluate(*args)  # type: ignore[arg-type]
        evaluated.append(len(found or {}))
        return found

    monkeypatch.setattr(pruning, "_evaluate", counting)
    with library.searcher() as searcher:
        q = parse_query(WORDS[0], library.index.schema)
        everything = postings.evaluate(searcher, q)
        assert everything is not None
        assert pruning.best(searcher, q, 3) == postings.top(everything, 3)
    assert len(everything) > 100
    assert sum(evaluated) < len(everything)


def test_an_empty_segment_or_k_of_zero(library: Library) -> None:
    with library.searcher() as searcher:
        q = parse_query("zzznothing harbour", library.index.schema)
        assert pruning.best(searcher, q, 5) == []
        assert pruning.best(searcher, parse_query("harbour", library.index.schema), 0) == []
