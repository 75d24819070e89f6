"""Term and boolean queries evaluated a posting list at a time, not a document at a time.

Whoosh's matchers step through documents one Python call at a time: counting the 40,000
articles of a common word in a 100,000-article library, or intersecting two such words, costs
hundreds of milliseconds. Here each posting list is read a block at a time into a dict of
document number -> BM25F score (Whoosh's own formula and statistics, so rankings match), and
AND/OR/NOT become dict and set operations that run in C. One evaluation gives the exact count,
the facet counts and the top N.

Long posting lists stay decoded in a bounded cache shared by searches, since a user typing
"oil pri", "oil pric", "oil price" asks for "oil" each time.

Phrases read positions only for documents that have every word. Queries this module does not
know (word ranges, which could expand to the whole lexicon) return None from
`evaluate`, and the caller uses Whoosh's matchers for them.
"""

from __future__ import annotations

import heapq
import threading
from array import array
from collections import OrderedDict
from typing import Any

from newsread.index.engine import segment_cache, whoosh_internals
from newsread.index.engine.cancel import Cancelled, check

Scores = dict[int, float]


class Unsupported(Exception):
    """The query has a part this module does not evaluate."""


def evaluate(
    searcher: Any, q: Any, scored: bool = True, cancelled: Cancelled | None = None
) -> Scores | None:
    """Every matching (non-deleted) document number -> its score; None when unsupported.

    With `scored=False` every score is 0.0 (for date sorts and counts), which is cheaper.
    `cancelled` is asked at every part of the query, segment and batch of phrase candidates
    (raising `SearchCancelled` once it answers True).
    """
    if not whoosh_internals.fast_reads(searcher):
        return None  # Whoosh changed under us: its public matchers answer instead
    try:
        return _Evaluator(searcher, scored, cancelled).run(q)
    except Unsupported:
        return None


def top(scores: Scores, limit: int) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) pairs: higher score first, then lower docnum (Whoosh's
    order for ties)."""
    if limit <= 0 or not scores:
        return []
    best = heapq.nlargest(limit, scores.values())
    cutoff = best[-1]
    tied = [item for item in scores.items() if item[1] >= cutoff]
    tied.sort(key=lambda item: (-item[1], item[0]))
    return tied[:limit]


class _Evaluator:
    def __init__(self, searcher: Any, scored: bool, cancelled: Cancelled | None = None) -> None:
        self.searcher = searcher
        self.scored = scored
        self.cancelled = cancelled
        self.schema = searcher.schema
        self.leaves = [(reader, offset) for reader, offset in searcher.reader().leaf_readers()]

    def run(self, q: Any) -> Scores:
        from whoosh import query

        check(self.cancelled)
        if isinstance(q, query.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if type(q) is query.Phrase:
            return self.phrase(q)
        if isinstance(q, query.ConstantScoreQuery):
            return dict.fromkeys(self.run(q.child), q.score if self.scored else 0.0)
        if isinstance(q, query.NumericRange):
            return self.run(whoosh_internals.compiled(q, self.searcher.reader()))
        if isinstance(q, query.TermRange):
            return self.term_range(q)
        if isinstance(q, query.Every):
            return self.every()
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return {}
        if isinstance(q, query.AndNot):
            return self.without(self.run(q.a), self.run(q.b))
        if isinstance(q, query.AndMaybe):
            return self.maybe(self.run(q.a), self.run(q.b))
        if isinstance(q, query.Require):
            required = self.run(q.b)
            return {d: s for d, s in self.run(q.a).items() if d in required}
        if isinstance(q, query.Not):
            return self.without(self.every(), self.run(q.query))
        if type(q) is query.And:
            return self.conjunction(q)
        if type(q) is query.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise Unsupported("Or with minmatch/scale")
            return self.union([self.run(sub) for sub in q.subqueries], q.boost)
        raise Unsupported(type(q).__name__)

    # -- leaves ---------------------------------------------------------------------------

    def term(self, fieldname: str, text: Any, boost: float = 1.0) -> Scores:
        field = self.schema[fieldname]
        btext = _to_bytes(field, text)
        scorer = None
        found: Scores = {}
        for reader, offset in self.leaves:
            check(self.cancelled)
            if (fieldname, btext) not in reader:
                continue
            if self.scored and scorer is None:
                scorer = self.scorer(fieldname, btext, boost)
            ids, weights = _postings(reader, fieldname, btext)
            deleted = reader.deleted_docs_set if reader.has_deletions() else None
            if scorer is None:
                docs: Any = (d + offset for d in ids) if offset else ids
                if deleted:
                    docs = (d + offset for d in ids if d not in deleted)
                found.update(dict.fromkeys(docs, 0.0))
            else:
                found.update(scorer(reader, offset, ids, weights, deleted))
        return found

    def phrase(self, q: Any) -> Scores:
        """Documents with the words in order, each within `slop` positions of the one before
        (Whoosh's `SpanNear2(ordered=True, mindist=1)`), scored as the sum of the words' BM25F
        scores like Whoosh's phrase matcher.

        The rarest word's postings give the candidates; each next word, by rising document
        frequency, is read only from the blocks that hold a candidate (a block header says its
        last id), which narrows them to the documents with every word; only then are their
        positions decoded, rarest word first, each word ruling candidates out for the next.
        """
        fieldname = q.fieldname
        if fieldname not in self.schema:
            return {}
        field = self.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise Unsupported(f"no positions in {fieldname}")
        words = [_to_bytes(field, w) for w in q.words]
        if len(words) < 2:
            return self.term(fieldname, words[0], q.boost) if words else {}
        decode = whoosh_internals.position_decoder(field.format)
        scorers: dict[bytes, Any] = {}
        found: Scores = {}
        for reader, offset in self.leaves:
            check(self.cancelled)
            if any((fieldname, w) not in reader for w in words):
                continue
            by_rarity = sorted(
                range(len(words)), key=lambda i: reader.doc_frequency(fieldname, words[i])
            )
            rarest = words[by_rarity[0]]
            ids, weights, values = whoosh_internals.read_postings(
                reader, fieldname, rarest, True, True
            )
            postings_of = {rarest: dict(zip(ids, zip(weights, values, strict=True), strict=True))}
            candidates = set(ids)
            if reader.has_deletions():
                candidates -= reader.deleted_docs_set
            for i in by_rarity:
                word = words[i]
                if word not in postings_of and candidates:
                    postings_of[word] = whoosh_internals.read_wanted(
                        reader, fieldname, word, sorted(candidates)
                    )
                    candidates.intersection_update(postings_of[word])
            positions: list[dict[int, list[int]]] = [{} for _ in words]
            # Exact phrases: the i-th word of a phrase starting at s is at s + i, so a
            # candidate stays while the words decoded so far share a start.
            starts: dict[int, set[int]] = {}
            for i in by_rarity:
                check(self.cancelled)
                if not candidates:
                    break
                read = postings_of[words[i]]
                if q.slop != 1:
                    positions[i] = {d: decode(read[d][1]) for d in candidates}
                    continue
                for d in candidates:
                    shifted = {p - i for p in decode(read[d][1])}
                    starts[d] = shifted if d not in starts else starts[d] & shifted
                candidates = {d for d in candidates if starts[d]}
            if q.slop == 1:
                matched = sorted(candidates)
            else:
                matched = sorted(d for d in candidates if _in_order(positions, d, q.slop))
            if not matched:
                continue
            if not self.scored:
                found.update(dict.fromkeys((d + offset for d in matched), 0.0))
                continue
            total = dict.fromkeys((d + offset for d in matched), 0.0)
            for word in words:
                if word not in scorers:
                    scorers[word] = self.scorer(fieldname, word, 1.0)
                picked = [postings_of[word][d][0] for d in matched]
                for d, score in scorers[word](reader, offset, matched, picked, None).items():
                    total[d] += score
            if q.boost != 1.0:
                total = {d: s * q.boost for d, s in total.items()}
            found.update(total)
        return found

    def scorer(self, fieldname: str, btext: bytes, boost: float) -> Any:
        """A function (leaf reader, offset, ids, weights, deleted) -> {docnum: score}."""
        searcher = self.searcher
        weighting = searcher.weighting
        field = self.schema[fieldname]
        from whoosh import scoring

        if not field.scorable or not isinstance(weighting, scoring.BM25F):
            if field.scorable:
                raise Unsupported(type(weighting).__name__)

            def weight_only(
                reader: Any, offset: int, ids: Any, weights: Any, deleted: Any
            ) -> Scores:
                return {
                    d + offset: w * boost
                    for d, w in zip(ids, weights, strict=True)
                    if not deleted or d not in deleted
                }

            return weight_only
        idf = searcher.idf(fieldname, btext)
        k1 = weighting.K1
        factor = idf * (k1 + 1) * boost

        def bm25(reader: Any, offset: int, ids: Any, weights: Any, deleted: Any) -> Scores:
            norms = self.norms(reader, fieldname)
            if deleted:
                return {
                    d + offset: factor * w / (w + norms[d])
                    for d, w in zip(ids, weights, strict=True)
                    if d not in deleted
                }
            return {
                d + offset: factor * w / (w + norms[d]) for d, w in zip(ids, weights, strict=True)
            }

        return bm25

    def norms(self, reader: Any, fieldname: str) -> list[float]:
        """BM25's length normalisation K1 * (1 - B + B * length / average) per document of a
        segment, cached with the searcher (a column read once, not a call per posting)."""
        cache = self.searcher.__dict__.setdefault("_newsread_norms", {})
        key = (id(reader), fieldname)
        if key not in cache:
            from whoosh.util.numeric import byte_to_length

            weighting = self.searcher.weighting
            b = whoosh_internals.field_b(weighting, fieldname)
            k1 = weighting.K1
            average = self.searcher.avg_field_length(fieldname) or 1
            # Whoosh scores a document without a length byte as length 1.
            by_byte = [
                k1 * ((1 - b) + b * (byte_to_length(n) if n else 1) / average) for n in range(256)
            ]
            lengths = segment_cache.values(
                reader, f"length of {fieldname}", lambda: _length_bytes(reader, fieldname)
            )
            if lengths:
                cache[key] = list(map(by_byte.__getitem__, lengths))
            else:
                cache[key] = [by_byte[0]] * reader.doc_count_all()
        return cache[key]  # type: ignore[no-any-return]

    def term_range(self, q: Any) -> Scores:
        from whoosh import fields

        if not isinstance(self.schema[q.fieldname], fields.NUMERIC):
            raise Unsupported("TermRange over words")  # could expand to the whole lexicon
        texts: set[bytes] = set()
        for reader, _ in self.leaves:
            texts.update(whoosh_internals.range_terms(q, reader))
        return self.union([self.term(q.fieldname, t, q.boost) for t in sorted(texts)], 1.0)

    def every(self) -> Scores:
        found: Scores = {}
        for reader, offset in self.leaves:
            docs = range(offset, offset + reader.doc_count_all())
            if reader.has_deletions():
                deleted = reader.deleted_docs_set
                docs = (d for d in docs if d - offset not in deleted)  # type: ignore[assignment]
            found.update(dict.fromkeys(docs, 1.0 if self.scored else 0.0))
        return found

    # -- combinations ---------------------------------------------------------------------

    def conjunction(self, q: Any) -> Scores:
        from whoosh import query

        positive = [sub for sub in q.subqueries if not isinstance(sub, query.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, query.Not)]
        parts = sorted((self.run(sub) for sub in positive), key=len) or [self.every()]
        keys = parts[0].keys()
        for part in parts[1:]:
            keys = keys & part.keys()  # type: ignore[assignment]
            if not keys:
                return {}
        if self.scored and len(parts) == 2:
            first, second = parts
            found = {d: first[d] + second[d] for d in keys}
        elif self.scored:
            found = {d: sum(part[d] for part in parts) for d in keys}
        if self.scored and q.boost != 1.0:
            found = {d: s * q.boost for d, s in found.items()}
        if not self.scored:
            found = dict.fromkeys(sorted(keys), 0.0)
        for sub in negative:
            found = self.without(found, self.run(sub))
        return found

    def union(self, parts: list[Scores], boost: float) -> Scores:
        parts = sorted((p for p in parts if p), key=len, reverse=True)
        if not parts:
            return {}
        found = dict(parts[0])
        if self.scored:
            get = found.get
            for part in parts[1:]:
                for d, s in part.items():
                    found[d] = get(d, 0.0) + s
            if boost != 1.0:
                found = {d: s * boost for d, s in found.items()}
        else:
            for part in parts[1:]:
                found.update(part)
        return found

    @staticmethod
    def without(found: Scores, removed: Scores) -> Scores:
        if not removed:
            return found
        return {d: s for d, s in found.items() if d not in removed}

    def maybe(self, required: Scores, optional: Scores) -> Scores:
        if not self.scored:
            return required
        return {d: s + optional.get(d, 0.0) for d, s in required.items()}


def _in_order(positions: list[dict[int, list[int]]], d: int, slop: int) -> bool:
    """Whether document `d` has each word within `slop` positions after the one before."""
    ends = positions[0][d]
    for where in positions[1:]:
        ends = [p for p in where[d] if any(1 <= p - e <= slop for e in ends)]
        if not ends:
            return False
    return True


def _length_bytes(reader: Any, fieldname: str) -> list[int]:
    """A segment's length bytes of a field, [] when it has none."""
    return whoosh_internals.length_bytes(reader, fieldname) or []


def _to_bytes(field: Any, text: Any) -> bytes:
    """The indexed form of `text`; a value the field cannot hold (date:"0000") is left to
    Whoosh's own matchers, which treat it as matching nothing."""
    if isinstance(text, bytes):
        return text
    try:
        return field.to_bytes(text)  # type: ignore[no-any-return]
    except Exception as error:  # noqa: BLE001 - Whoosh raises bare Exception for bad dates
        raise Unsupported(f"not a value of this field: {error}") from None


CACHED_POSTINGS = 2_000_000
"""Postings kept decoded across searches (~16 MB as arrays): typing "oil pr", "oil pri",
"oil pric" reads "oil" once. Only long lists are kept; short ones are cheap to read."""
_CACHE_MIN_LENGTH = 1_000
_cache: OrderedDict[tuple[str, str, bytes], tuple[array[int], array[float]]] = OrderedDict()
_cache_size = 0
_cache_lock = threading.Lock()


def _postings(reader: Any, fieldname: str, btext: bytes) -> tuple[Any, Any]:
    """A segment's ids and weights for one term, from the cache when it has them.

    Segments never change once written (deletions are kept apart), so a segment's id names its
    postings for good.
    """
    global _cache_size
    key = (reader.segment().segment_id(), fieldname, btext)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    ids, weights, _ = whoosh_internals.read_postings(reader, fieldname, btext, True, False)
    if len(ids) < _CACHE_MIN_LENGTH:
        return ids, weights
    entry = (array("I", ids), array("f", weights))
    with _cache_lock:
        if key not in _cache:
            _cache[key] = entry
            _cache_size += len(ids)
            while _cache_size > CACHED_POSTINGS and len(_cache) > 1:
                _, (old_ids, _) = _cache.popitem(last=False)
                _cache_size -= len(old_ids)
    return entry
