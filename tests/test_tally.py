"""index/engine/tally.py against `Counter` over the matches' values (what facets and the
timeline counted before), on random columns and matches."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsread.index.engine import tally
from newsread.index.engine.phrase_keys import numpy_module


@pytest.mark.parametrize("seed", range(200))
def test_counts_are_the_counters(seed: int) -> None:
    np = numpy_module()
    rng = random.Random(seed)
    size = rng.choice([1, 2, 10, 500])
    palette = rng.choice(
        [[None, b"WIRE", b"GAZETTE", b""], [None, 1987, 2020, 0], [-1, *range(700_000, 700_050)]]
    )
    column = [rng.choice(palette) for _ in range(size)]
    for _ in range(3):  # coded once, counted again
        docs = sorted(rng.sample(range(size), rng.randint(1, size)))
        expected = Counter(column[d] for d in docs)
        assert tally.counts(column, np.array(docs, np.int64)) == expected


def test_a_new_column_is_coded_anew() -> None:
    """A column is known by the object it is: another list (a newer searcher's) is coded
    from its own values, even where an older one had the same id."""
    np = numpy_module()
    docs = np.array([0, 1, 2], np.int64)
    assert tally.counts([b"a", b"b", b"a"], docs) == {b"a": 2, b"b": 1}
    for n in range(tally.KEPT_COLUMNS + 3):  # more columns than are kept: the first goes
        column = [n, n, None]
        assert tally.counts(column, docs) == {n: 2, None: 1}
    assert tally.counts([b"c", b"c", b"c"], docs) == {b"c": 3}
