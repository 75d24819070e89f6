"""The best few documents of a query without scoring every match (block-max pruning).

A term's postings are stored in blocks of up to 128, and each block's header says its last
document number, its largest weight and its shortest field length: enough to bound the BM25
score of every document in the block's span without decoding it. Over a query those bounds
add up span by span (a word in the title or the body: the two bounds summed where both
reach; two words ANDed: summed, and nothing where either is missing) into an upper bound of
the score of every document of a segment, piecewise constant.

The spans with the highest bounds are evaluated first, exactly (`postings.evaluate` within
them); once `k` documents are scored, the `k`-th best score is a floor no document below it
can reach the top `k` from, and only the spans whose bound reaches the floor are evaluated
too. Every document that could be among the best `k` is then scored, exactly as a whole
evaluation scores it, so the answer is `postings.top` of the whole evaluation: ties (equal
scores) broken the same way, by the lower document number.

A common word is in most articles, and its best few are short articles that use it often:
their blocks are a small share of its postings, and the rest are never decoded nor scored.
Queries with a part this does not bound (ranges, `Every`, non-BM25 weighting) return None,
and the caller evaluates them whole.
"""

from __future__ import annotations

from typing import Any

from newsread.index.engine import postings, whoosh_internals
from newsread.index.engine.cancel import Cancelled, check

NEVER = float("-inf")
"""A span's bound where no document can match."""
FIRST_SPANS = 8
"""Spans evaluated in the first round (the next rounds take four times as many)."""
MARGIN = 1e-9
"""Relative slack on the bounds: they are summed in another order than the scores."""

Bound = tuple[list[int], list[float]]
"""A piecewise-constant bound over a segment's documents: the last document number of each
span (the spans follow each other from 0; the last ends at the segment's last document) and
the bound in that span (NEVER: no document there matches)."""


def best(
    searcher: Any, q: Any, k: int, cancelled: Cancelled | None = None
) -> list[tuple[int, float]] | None:
    """The `k` best (docnum, score) pairs of `q`, as `postings.top(postings.evaluate(...))`
    gives them; None when `q` has a part this module does not bound."""
    if not whoosh_internals.fast_reads(searcher):
        return None
    if k <= 0:
        return []
    try:
        spans = _spans(_Bounds(searcher), q)
    except postings.Unsupported:
        return None
    spans.sort(key=lambda span: -span[0])
    scores: postings.Scores = {}
    done = 0
    batch = FIRST_SPANS
    while done < len(spans):
        check(cancelled)
        if len(scores) >= k:  # the floor: only spans whose bound reaches it are left to do
            floor = postings.top(scores, k)[-1][1]
            rest = [span for span in spans[done:] if span[0] * (1 + MARGIN) + MARGIN >= floor]
            done, batch = len(spans), len(rest)
        else:
            rest = spans[done : done + batch]
            done += batch
            batch *= 4
        found = _evaluate(searcher, q, rest, cancelled) if rest else {}
        if found is None:  # a part the evaluator leaves to Whoosh (a word range in a filter)
            return None
        scores.update(found)
    return postings.top(scores, k)


def _evaluate(
    searcher: Any, q: Any, spans: list[tuple[float, int, int, int]], cancelled: Cancelled | None
) -> postings.Scores | None:
    within: postings.Ranges = {}
    for _, segment, first, last in spans:
        within.setdefault(segment, []).append((first, last))
    for ranges in within.values():
        ranges.sort()
    return postings.evaluate(searcher, q, True, cancelled, within)


def _spans(bounds: _Bounds, q: Any) -> list[tuple[float, int, int, int]]:
    """(bound, segment, first, last) of every span of every segment where `q` may match."""
    found = []
    for segment, (reader, _) in enumerate(bounds.leaves):
        ends, values = bounds.of(q, reader)
        first = 0
        for last, value in zip(ends, values, strict=True):
            if value != NEVER:
                found.append((value, segment, first, last))
            first = last + 1
    return found


class _Bounds:
    """Upper bounds of a query's scores over one segment at a time (see the module's
    docstring); raises `postings.Unsupported` for a query part it cannot bound."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.leaves = list(searcher.reader().leaf_readers())

    def of(self, q: Any, reader: Any) -> Bound:
        from whoosh import query

        last = reader.doc_count_all() - 1
        if last < 0:
            return [], []
        if isinstance(q, query.Term):
            return self.term(reader, q.fieldname, q.text, q.boost)
        if type(q) is query.Phrase:
            if q.fieldname not in self.searcher.schema or not q.words:
                return [last], [NEVER]
            words = [self.term(reader, q.fieldname, w, 1.0) for w in q.words]
            return _scaled(_combined(words, _both), q.boost)
        if isinstance(q, query.ConstantScoreQuery):  # a filter: it adds its constant
            return [last], [q.score]
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return [last], [NEVER]
        if isinstance(q, query.AndNot):
            return self.of(q.a, reader)
        if isinstance(q, query.AndMaybe):
            return _combined([self.of(q.a, reader), self.of(q.b, reader)], _first_and_maybe)
        if type(q) is query.And:
            wanted = [self.of(s, reader) for s in q.subqueries if not isinstance(s, query.Not)]
            if not wanted:
                raise postings.Unsupported("only exclusions")
            return _scaled(_combined(wanted, _both), q.boost)
        if type(q) is query.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise postings.Unsupported("Or with minmatch/scale")
            parts = [self.of(s, reader) for s in q.subqueries]
            if not parts:
                return [last], [NEVER]
            return _scaled(_combined(parts, _either), q.boost)
        raise postings.Unsupported(type(q).__name__)

    def term(self, reader: Any, fieldname: str, text: Any, boost: float) -> Bound:
        """A term's bound in each of its posting blocks' spans (NEVER past the last)."""
        last = reader.doc_count_all() - 1
        if fieldname not in self.searcher.schema:
            return [last], [NEVER]
        btext = postings._to_bytes(self.searcher.schema[fieldname], text)
        if (fieldname, btext) not in reader:
            return [last], [NEVER]
        if boost < 0:
            raise postings.Unsupported("a negative boost")
        bound = self.bound(fieldname, btext, boost)
        blocks = postings.posting_blocks(reader, fieldname, btext)
        if not blocks:  # inlined in the term info: its largest weight and shortest length
            info = reader.term_info(fieldname, btext)
            return [last], [bound(info.max_weight(), info.min_length())]
        ends = [block[1] for block in blocks]
        values = [bound(weight, length) for _, _, weight, length in blocks]
        if ends[-1] < last:
            ends.append(last)
            values.append(NEVER)
        return ends, values

    def bound(self, fieldname: str, btext: bytes, boost: float) -> Any:
        """(largest weight, shortest length) -> the highest score the term can give with
        them, by the scorer's own formula (`postings._Evaluator.scorer`)."""
        from whoosh import scoring

        searcher, field = self.searcher, self.searcher.schema[fieldname]
        weighting = searcher.weighting
        if not field.scorable:
            return lambda weight, length: weight * boost
        if not isinstance(weighting, scoring.BM25F):
            raise postings.Unsupported(type(weighting).__name__)
        factor = searcher.idf(fieldname, btext) * (weighting.K1 + 1) * boost
        b = whoosh_internals.field_b(weighting, fieldname)
        k1 = weighting.K1
        average = searcher.avg_field_length(fieldname) or 1
        # A document of no length is scored as of length 1 (`postings._Evaluator.norms`):
        # a shorter length here only loosens the bound.
        return lambda weight, length: (
            factor * weight / (weight + k1 * ((1 - b) + b * length / average))
        )


def _both(a: float, b: float) -> float:
    return a + b  # NEVER in either: NEVER


def _either(a: float, b: float) -> float:
    if a == NEVER:
        return b
    return a if b == NEVER else a + b


def _first_and_maybe(a: float, b: float) -> float:
    return a if b == NEVER else a + b


def _combined(parts: list[Bound], join: Any) -> Bound:
    """Bounds joined span by span with `join` (over the union of their span ends)."""
    ends, values = parts[0]
    for other_ends, other_values in parts[1:]:
        merged_ends: list[int] = []
        merged_values: list[float] = []
        i = j = 0
        while i < len(ends) and j < len(other_ends):
            merged_values.append(join(values[i], other_values[j]))
            end, other_end = ends[i], other_ends[j]
            merged_ends.append(min(end, other_end))
            if end <= other_end:
                i += 1
            if other_end <= end:
                j += 1
        ends, values = merged_ends, merged_values
    return ends, values


def _scaled(bound: Bound, boost: float) -> Bound:
    if boost == 1.0:
        return bound
    if boost < 0:
        raise postings.Unsupported("a negative boost")
    ends, values = bound
    return ends, [value * boost for value in values]
