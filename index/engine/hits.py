"""A query's matches as two arrays: sorted document numbers and their scores.

Building a dict of document number -> score, one Python object per posting, was most of an
evaluation's time at 100,000 articles: a common word's ~40,000 postings scored into a dict,
restricted to another word's documents, summed into another. Here a word's postings are
scored, intersected (AND), summed (OR) and ranked (the first page) as numpy arrays, and
Python objects are made only for the page. Sums add the parts in the order they are given,
as the dict code did, so equal inputs give equal scores and ties stay ties.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsread.index.engine import phrase_keys


@functools.cache
def numpy_module() -> Any:
    """numpy (`phrase_keys.numpy_module`), asked for once: the evaluation asks per word and
    per operation, and each ask set an environment variable again."""
    return phrase_keys.numpy_module()


@dataclass(frozen=True, slots=True)
class Hits:
    """Matches: `docs` (int64, ascending, each once) and their `scores` (float64)."""

    docs: Any
    scores: Any

    def __len__(self) -> int:
        return len(self.docs)

    def as_dict(self) -> dict[int, float]:
        """The matches as document number -> score."""
        return dict(zip(self.docs.tolist(), self.scores.tolist(), strict=True))


def empty() -> Hits:
    np = numpy_module()
    return Hits(np.empty(0, np.int64), np.empty(0, np.float64))


def of(docs: Any, scores: Any) -> Hits:
    """Hits of these arrays (or sequences), docs ascending and unique."""
    np = numpy_module()
    return Hits(np.asarray(docs, np.int64), np.asarray(scores, np.float64))


def constant(docs: Any, score: float) -> Hits:
    """`docs` each scored `score`."""
    np = numpy_module()
    return Hits(docs, np.full(len(docs), score, np.float64))


def scaled(found: Hits, boost: float) -> Hits:
    """Every score times `boost` (the same arrays when it is 1)."""
    return found if boost == 1.0 else Hits(found.docs, found.scores * boost)


def concatenated(parts: list[Hits]) -> Hits:
    """Hits of disjoint, ascending runs of documents (one segment's after another's)."""
    np = numpy_module()
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty()
    if len(parts) == 1:
        return parts[0]
    return Hits(np.concatenate([p.docs for p in parts]), np.concatenate([p.scores for p in parts]))


def added(scores: Iterable[float]) -> float:
    """`scores` added one after another, as the arrays add them. (Python's `sum` compensates
    the rounding of floats from 3.12 on: its last digits differ from the arrays' additions,
    and a score's ties between the two ways of evaluating a query with them.)"""
    return functools.reduce(operator.add, scores, 0.0)


def intersection(parts: list[Hits]) -> Hits:
    """The documents every part has, each scored the sum of its parts' scores, added in the
    order of `parts` (as `added(part[d] for part in parts)`)."""
    docs = parts[0].docs
    for part in parts[1:]:
        docs = docs[member(docs, part.docs)]
        if not len(docs):
            return empty()
    total = None
    for part in parts:
        picked = part.scores[_where(part.docs, docs)]
        total = picked if total is None else total + picked
    return Hits(docs, total)


DENSE = 16
"""A union of more than one posting per this many documents adds its scores in an array of
every document (linear), not by sorting its postings."""


def union(parts: list[Hits]) -> Hits:
    """The documents any part has, each scored the sum of the scores of the parts that have
    it, added in the order of `parts`."""
    np = numpy_module()
    parts = [p for p in parts if len(p)]
    if len(parts) < 2:
        return parts[0] if parts else empty()
    joined = concatenated(parts)  # not disjoint, but one array of each all the same
    docs, scores = joined.docs, joined.scores
    size = max(int(p.docs[-1]) for p in parts) + 1
    # bincount adds each bin's weights in the order they come: the parts' order.
    if len(docs) * DENSE > size:
        present = np.zeros(size, np.bool_)
        present[docs] = True
        unique = np.flatnonzero(present)
        return Hits(unique, np.bincount(docs, scores, size)[unique])
    unique, inverse = np.unique(docs, return_inverse=True)
    return Hits(unique, np.bincount(inverse, scores, len(unique)))


def without(found: Hits, removed: Any) -> Hits:
    """`found` less the documents of `removed` (ascending)."""
    if not len(removed) or not len(found):
        return found
    keep = ~member(found.docs, removed)
    return Hits(found.docs[keep], found.scores[keep])


def within(found: Hits, wanted: Any) -> Hits:
    """`found` only where its documents are in `wanted` (ascending), scores kept."""
    keep = member(found.docs, wanted)
    return Hits(found.docs[keep], found.scores[keep])


def maybe(required: Hits, optional: Hits) -> Hits:
    """`required`, each score plus `optional`'s for the same document where it has one."""
    if not len(optional) or not len(required):
        return required
    shared = member(required.docs, optional.docs)
    scores = required.scores.copy()
    scores[shared] += optional.scores[_where(optional.docs, required.docs[shared])]
    return Hits(required.docs, scores)


def member(docs: Any, sorted_docs: Any) -> Any:
    """A mask of `docs`: True where the document is in `sorted_docs` (ascending). Many docs
    are looked up in a mask of every document (linear), a few by binary search."""
    np = numpy_module()
    if not len(sorted_docs) or not len(docs):
        return np.zeros(len(docs), np.bool_)
    size = int(sorted_docs[-1]) + 1
    if len(docs) * DENSE > size:
        mask = np.zeros(size + 1, np.bool_)  # mask[size]: any document past the last
        mask[sorted_docs] = True
        return mask[np.minimum(docs, size)]
    at = np.searchsorted(sorted_docs, docs)
    at[at == len(sorted_docs)] = 0
    return sorted_docs[at] == docs


def _where(sorted_docs: Any, docs: Any) -> Any:
    """The index in `sorted_docs` of each of `docs` (each of which it has), from a table of
    every document when many are asked for, else by binary search."""
    np = numpy_module()
    size = int(sorted_docs[-1]) + 1 if len(sorted_docs) else 0
    if len(docs) * DENSE > size:
        at = np.zeros(size, np.int64)
        at[sorted_docs] = np.arange(len(sorted_docs))
        return at[docs]
    return np.searchsorted(sorted_docs, docs)


def top(found: Hits, limit: int, ranks: Any = None) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) pairs: higher score first, then the lower rank in
    `ranks` (an array: each document's place among the keys), or without it the lower docnum
    (every document scoring the `limit`-th best score is a candidate, so ties are never split
    by where the partition put them)."""
    np = numpy_module()
    n = len(found.docs)
    if limit <= 0 or not n:
        return []
    docs, scores = found.docs, found.scores
    if n > limit:
        cutoff = np.partition(scores, n - limit)[n - limit]
        keep = scores >= cutoff
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs if ranks is None else ranks[docs], -scores))[:limit]
    return list(zip(docs[order].tolist(), scores[order].tolist(), strict=True))
