"""index/engine/hits.py against the dict code it replaces, on random matches.

Scores are drawn from a few values so that ties are common; sums must be the dict code's to
the last bit (the same additions in the same order), and pages the same, ties included."""

from __future__ import annotations

import random

import pytest

from newsread.index.engine import hits, postings

Scores = dict[int, float]


def _random_scores(rng: random.Random, universe: int) -> Scores:
    size = rng.choice([0, 1, 2, rng.randint(0, universe), rng.randint(0, universe // 10 + 1)])
    docs = rng.sample(range(universe), min(size, universe))
    values = [rng.choice([0.5, 1.25, 2.0, 3.1]) * rng.choice([1, 1, 1.1]) for _ in docs]
    return dict(zip(docs, values, strict=True))


def _of(scores: Scores) -> hits.Hits:
    docs = sorted(scores)
    return hits.of(docs, [scores[d] for d in docs])


def _parts(rng: random.Random) -> list[Scores]:
    universe = rng.choice([5, 50, 3000])
    return [_random_scores(rng, universe) for _ in range(rng.randint(1, 4))]


# The dict code's answers (postings._Evaluator's `union`, `conjunction`, `without`, `maybe`).


def _union(parts: list[Scores]) -> Scores:
    found: Scores = {}
    for part in parts:
        for d, s in part.items():
            found[d] = found.get(d, 0.0) + s
    return found


def _intersection(parts: list[Scores]) -> Scores:
    keys = set(parts[0]).intersection(*parts[1:])
    return {d: hits.added(part[d] for part in parts) for d in keys}


def _same(found: hits.Hits, expected: Scores) -> None:
    assert found.docs.tolist() == sorted(expected)
    assert found.as_dict() == expected  # exactly: the same additions in the same order
    assert found.docs.dtype.kind == "i" and found.scores.dtype.kind == "f"


@pytest.mark.parametrize("dense", [0, 10**9])  # both ways of adding and looking up
@pytest.mark.parametrize("seed", range(300))
def test_union_and_intersection_add_as_the_dicts_do(
    seed: int, dense: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hits, "DENSE", dense)
    rng = random.Random(seed)
    parts = _parts(rng)
    _same(hits.union([_of(p) for p in parts]), _union(parts))
    _same(hits.intersection([_of(p) for p in parts]), _intersection(parts))


@pytest.mark.parametrize("dense", [0, 10**9])  # look-ups by binary search, or in a table
@pytest.mark.parametrize("seed", range(300))
def test_without_within_maybe_and_boosts_as_the_dicts_do(
    seed: int, dense: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hits, "DENSE", dense)
    rng = random.Random(seed)
    universe = rng.choice([5, 50, 3000])
    a, b = _random_scores(rng, universe), _random_scores(rng, universe)
    _same(hits.without(_of(a), _of(b).docs), {d: s for d, s in a.items() if d not in b})
    _same(hits.within(_of(a), _of(b).docs), {d: s for d, s in a.items() if d in b})
    _same(hits.maybe(_of(a), _of(b)), {d: s + b.get(d, 0.0) for d, s in a.items()})
    _same(hits.scaled(_of(a), 0.7), {d: s * 0.7 for d, s in a.items()})
    _same(hits.constant(_of(a).docs, 2.5), dict.fromkeys(a, 2.5))


@pytest.mark.parametrize("seed", range(300))
def test_the_page_is_the_dicts_ties_by_the_lower_document(seed: int) -> None:
    rng = random.Random(seed)
    scores = _union(_parts(rng))
    for limit in (0, 1, 2, 5, 20, len(scores), len(scores) + 3):
        assert hits.top(_of(scores), limit) == postings.top(scores, limit)


def test_segments_join_in_order() -> None:
    """`concatenated` joins segments' runs of documents (their offsets rising)."""
    rng = random.Random(3)
    first, second = _random_scores(rng, 100), _random_scores(rng, 100)
    moved = {d + 100: s for d, s in second.items()}
    _same(hits.concatenated([_of(first), hits.empty(), _of(moved)]), {**first, **moved})
