"""Term and boolean queries evaluated a posting list at a time, not a document at a time.

Whoosh's matchers step through documents one Python call at a time: counting the 40,000
articles of a common word in a 100,000-article library, or intersecting two such words, costs
hundreds of milliseconds. Here each posting list is read a block at a time into a dict of
document number -> BM25F score (Whoosh's own formula and statistics, so rankings match), and
AND/OR/NOT become dict and set operations that run in C. One evaluation gives the exact count,
the facet counts and the top N.

Long posting lists stay decoded in a bounded cache shared by searches, since a user typing
"oil pri", "oil pric", "oil price" asks for "oil" each time.

Phrases read positions only for documents that have every word, and only when asked:
`evaluate_partial` gives every candidate's score (a phrase's score is its words' scores, known
without positions) and checks positions for as few candidates as the first page needs
(`top_partial`); the rest are checked when the count asks (`Partial.resolve`). Queries this
module does not know (word ranges, which could expand to the whole lexicon) return None from
`evaluate`, and the caller uses Whoosh's matchers for them.
"""

from __future__ import annotations

import functools
import gc
import heapq
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate, compress, filterfalse
from operator import not_
from typing import Any

from newsread.index.engine import hits, phrase_keys, positions, segment_cache, whoosh_internals
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
        evaluator = _Evaluator(searcher, scored, cancelled)
        if not _has_phrase(q):
            return evaluator.matches(q).as_dict()
        return evaluator.partial(q).resolve() if scored else evaluator.run(q)
    except Unsupported:
        return None


def evaluate_partial(searcher: Any, q: Any, cancelled: Cancelled | None = None) -> Partial | None:
    """The scored evaluation with phrase positions left to check (see `Partial`); None when
    unsupported. `top_partial` ranks it; its `resolve()` is `evaluate`'s answer."""
    if not whoosh_internals.fast_reads(searcher):
        return None
    try:
        evaluator = _Evaluator(searcher, True, cancelled)
        if not _has_phrase(q):
            return _Ranked(evaluator.matches(q))
        return evaluator.partial(q)
    except Unsupported:
        return None


def top(scores: Scores, limit: int, ranks: Any = None) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) pairs: higher score first, then the lower rank in
    `ranks` (each document's place among the keys: the order of a fresh build, whatever
    order the documents were indexed in), or without it the lower docnum (Whoosh's order)."""
    if limit <= 0 or not scores:
        return []
    best = heapq.nlargest(limit, scores.values())
    cutoff = best[-1]
    tied = [item for item in scores.items() if item[1] >= cutoff]
    if ranks is None:
        tied.sort(key=lambda item: (-item[1], item[0]))
    else:
        tied.sort(key=lambda item: (-item[1], ranks[item[0]]))
    return tied[:limit]


def top_partial(
    found: Partial, limit: int, cancelled: Cancelled | None = None, ranks: Any = None
) -> list[tuple[int, float]]:
    """`top(found.resolve(), limit, ranks)`, checking positions only for the candidates that
    could still be on the page.

    Candidates are checked in rounds, highest bound first: all those whose bound reaches the
    round's threshold (ties are never split). Once `limit` matches are known and the last of
    them scores above every unchecked bound, no unchecked candidate can enter the page, since
    a candidate's score, if it matches, is at most its bound. The first round checks twice
    `limit`; the next, as many as the share of matches so far says the page needs (twice
    over), or all the rest when that is a quarter of them or more (each checked candidate
    costs a posting block read per word, so many rounds would read most blocks anyway).
    """
    if isinstance(found, _Ranked):
        return hits.top(found.found, limit, ranks)
    bounds = found.bounds
    if found.resolved is not None or limit <= 0 or not bounds:
        return top(found.resolve(), limit, ranks)
    ascending = sorted(bounds.values())
    matched: Scores = {}
    above = float("inf")  # candidates with a bound >= this are checked
    wanted = 2 * limit
    while True:
        check(cancelled)
        at = max(0, len(ascending) - wanted)  # ascending[at:] are the `wanted` highest bounds
        threshold = ascending[at]
        batch = [d for d, s in bounds.items() if threshold <= s < above]
        matched.update(found.exact(batch))
        above = threshold
        below = bisect_left(ascending, threshold)  # how many bounds are under the threshold
        if not below:
            return top(matched, limit, ranks)
        if len(matched) >= limit:
            page = top(matched, limit, ranks)
            if page[-1][1] > ascending[below - 1]:
                return page
        checked = len(ascending) - below
        needed = 2 * checked * limit // max(1, len(matched)) if matched else len(ascending)
        wanted = len(ascending) if needed * 4 >= len(ascending) else max(needed, 2 * checked)


WALK_FIRST = 256
"""Documents of the first step of a `DateWalk` (each next step is as many as walked so far)."""
WALK_SHARE = 8
"""A `DateWalk` that has walked this share of the library (1/8) without finding enough
matches evaluates the query whole: its words are rare enough to read whole."""
WALK_DENSITY = 4
"""A query walks by date only when it has at least one posting per this many documents:
reading a block per walked document beats reading every block only when matches are dense
(a word in 5% of 100,000 articles has ~40 blocks, and the ~400 articles a page of 20 walks
would touch nearly every one of them: it is read whole)."""


class DateWalk:
    """An unscored query's matches in date order (`order`: every document, newest or oldest
    first), found by evaluating the query on the first documents of that order, then the
    next ones, only as far as asked: each word read only from the posting blocks that hold
    one of them.

    A common word sorted by date ("said", newest first, at 100,000 articles) reads a few
    dozen of its ~800 blocks for the first page instead of all of them. Rare words walk
    far without matches; past `WALK_SHARE` of the library the query is evaluated whole.
    `all()` is every match (for the count), evaluated whole.
    """

    def __init__(
        self, searcher: Any, q: Any, order: list[int], cancelled: Cancelled | None
    ) -> None:
        self.evaluator = _Evaluator(searcher, False, cancelled)
        self.q, self.order = q, order
        self.found: list[int] = []
        """The matches among `order[:walked]`, in that order."""
        self.walked = 0
        self.matches: Scores | None = None

    def first(self, n: int) -> list[int]:
        """The first `n` matches in date order (fewer when fewer match)."""
        order = self.order
        while len(self.found) < n and self.walked < len(order):
            if self.matches is not None or self.walked * WALK_SHARE >= len(order):
                self._evaluate_whole()
                break
            step = order[self.walked : self.walked + max(WALK_FIRST, self.walked)]
            self.found.extend(compress(step, map(self._matched(step).__contains__, step)))
            self.walked += len(step)
        return self.found[:n]

    def all(self) -> Scores:
        """Every match (unscored), evaluated whole."""
        if self.matches is None:
            self.matches = self.evaluator.run(self.q)
        return self.matches

    def _matched(self, step: list[int]) -> Scores:
        evaluator = self.evaluator
        only: dict[int, list[int]] = {n: [] for n in range(len(evaluator.leaves))}
        ends = [offset + reader.doc_count_all() for reader, offset in evaluator.leaves]
        for d in sorted(step):
            n = bisect_left(ends, d + 1)
            only[n].append(d - evaluator.leaves[n][1])
        evaluator.only = only
        try:
            return evaluator.run(self.q)
        finally:
            evaluator.only = None

    def _evaluate_whole(self) -> None:
        matches = self.all()
        self.found = list(compress(self.order, map(matches.__contains__, self.order)))
        self.walked = len(self.order)


def date_walk(
    searcher: Any, q: Any, order: Callable[[], list[int]], cancelled: Cancelled | None = None
) -> DateWalk | None:
    """A `DateWalk` of `q` over `order()`; None when this module cannot evaluate `q` (the
    caller sorts Whoosh's matches) or when it has a phrase (a phrase reads its words whole)."""
    if not whoosh_internals.fast_reads(searcher) or _has_phrase(q):
        return None
    evaluator = _Evaluator(searcher, False, cancelled)
    try:
        if evaluator.postings_count(q) * WALK_DENSITY < searcher.doc_count_all():
            return None
    except Unsupported:
        return None
    walk = DateWalk(searcher, q, order(), cancelled)
    try:
        walk.first(1)
    except Unsupported:
        return None
    return walk


class Partial:
    """A query's scored evaluation whose phrases' positions are checked only when asked.

    `bounds` has every document that may match, each with a score at least its score if it
    matches (that score exactly when it matches every phrase it is a candidate of);
    `exact(docs)` checks those documents and gives the ones that match with their scores;
    `resolve()` does it for all of them (the same scores, whatever was checked before).
    """

    bounds: Scores
    resolved: Scores | None = None
    """The answer, when it was known without checking anything."""

    def exact(self, docs: Iterable[int]) -> Scores:
        raise NotImplementedError

    def resolve(self) -> Scores:
        if self.resolved is None:
            self.resolved = self.exact(self.bounds.keys())
        return self.resolved

    def documents(self) -> list[int]:
        """Every match's document number (`resolve()`'s, without its scores)."""
        return list(self.resolve())

    def candidates(self) -> int:
        """How many documents may match (at least as many as do)."""
        return len(self.bounds)


class _Ranked(Partial):
    """Scores known exactly, as arrays (`hits.Hits`): the page is ranked from them
    (`top_partial`), the matches listed from them, and a dict made only if asked for."""

    def __init__(self, found: hits.Hits) -> None:
        self.found = found
        self._scores: Scores | None = None

    @property
    def bounds(self) -> Scores:
        if self._scores is None:
            self._scores = self.found.as_dict()
        return self._scores

    @bounds.setter
    def bounds(self, scores: Scores) -> None:
        self._scores = scores

    @property
    def resolved(self) -> Scores:
        return self.bounds

    @resolved.setter
    def resolved(self, scores: Scores) -> None:
        self._scores = scores

    def exact(self, docs: Iterable[int]) -> Scores:
        scores = self.bounds
        wanted = scores.keys() & docs
        return dict(zip(wanted, map(scores.__getitem__, wanted), strict=True))

    def documents(self) -> list[int]:
        return self.found.docs.tolist()  # type: ignore[no-any-return]

    def candidates(self) -> int:
        return len(self.found)


class _Exact(Partial):
    """Scores known exactly (no phrase among them)."""

    def __init__(self, scores: Scores) -> None:
        self.bounds = self.resolved = scores

    def exact(self, docs: Iterable[int]) -> Scores:
        scores = self.bounds
        wanted = scores.keys() & docs
        return dict(zip(wanted, map(scores.__getitem__, wanted), strict=True))


class _AnyOf(Partial):
    """An OR: each document's score is the sum of the parts it matches, added in one fixed
    order (the parts by falling number of candidates), so checked and resolved agree."""

    def __init__(self, parts: list[Partial], boost: float) -> None:
        self.parts = sorted(parts, key=lambda p: len(p.bounds), reverse=True)
        self.boost = boost
        self.bounds = self._sum([p.bounds for p in self.parts])

    def _sum(self, results: list[Scores]) -> Scores:
        if not results:
            return {}
        found = dict(results[0])
        get = found.get
        for part in results[1:]:
            for d, s in part.items():
                found[d] = get(d, 0.0) + s
        if self.boost != 1.0:
            found = {d: s * self.boost for d, s in found.items()}
        return found

    def exact(self, docs: Iterable[int]) -> Scores:
        wanted = self.bounds.keys() & docs
        return self._sum([p.exact(wanted) for p in self.parts])


class _AllOf(Partial):
    """An AND (with its NOT parts): the sum of the positive parts' scores, in one fixed order
    (by rising number of candidates), without the documents an excluded part matches."""

    def __init__(self, parts: list[Partial], excluded: list[Partial], boost: float) -> None:
        self.parts = sorted(parts, key=lambda p: len(p.bounds))
        self.excluded = excluded
        self.boost = boost
        keys = self.parts[0].bounds.keys()
        for part in self.parts[1:]:
            keys = keys & part.bounds.keys()  # type: ignore[assignment]
        bounds = self._sum([p.bounds for p in self.parts], keys)
        for part in excluded:
            if part.resolved is not None:  # exact: its matches go now
                bounds = _Evaluator.without(bounds, part.resolved)
        self.bounds = bounds

    def _sum(self, results: list[Scores], keys: Iterable[int]) -> Scores:
        if len(results) == 2:
            first, second = results
            found = {d: first[d] + second[d] for d in keys}
        else:
            found = {d: hits.added(part[d] for part in results) for d in keys}
        if self.boost != 1.0:
            found = {d: s * self.boost for d, s in found.items()}
        return found

    def exact(self, docs: Iterable[int]) -> Scores:
        wanted = self.bounds.keys() & docs
        results = []
        for part in self.parts:
            if not wanted:
                return {}
            results.append(part.exact(wanted))
            wanted &= results[-1].keys()
        found = self._sum(results, sorted(wanted))
        for part in self.excluded:
            found = _Evaluator.without(found, part.exact(found.keys()))
        return found


class _Constant(Partial):
    """Every match of a part scored the same (filters join a query this way)."""

    def __init__(self, child: Partial, score: float) -> None:
        self.child, self.score = child, score
        self.bounds = dict.fromkeys(child.bounds, score)

    def exact(self, docs: Iterable[int]) -> Scores:
        return dict.fromkeys(self.child.exact(docs), self.score)


class _PhraseMatch(Partial):
    """A phrase's candidates (documents with every word) and their scores; positions are
    checked for the documents asked about, each once."""

    def __init__(
        self,
        segments: list[_PhraseSegment],
        bounds: Scores,
        cancelled: Cancelled | None,
        known: Iterable[int] = (),
    ) -> None:
        self.segments, self.bounds, self.cancelled = segments, bounds, cancelled
        self.checked: set[int] = set(known)
        """Documents whose positions are known: `known` (matches found otherwise), and
        those checked."""
        self.matched: set[int] = set(known)

    def exact(self, docs: Iterable[int]) -> Scores:
        wanted = self.bounds.keys() & docs
        todo = sorted(wanted - self.checked)
        for segment in self.segments:
            start = bisect_left(todo, segment.offset)
            end = bisect_left(todo, segment.offset + segment.size)
            for at in range(start, end, PHRASE_BATCH):
                check(self.cancelled)
                local = [d - segment.offset for d in todo[at : min(end, at + PHRASE_BATCH)]]
                with _collector_paused():
                    found = segment.check(local)
                self.matched.update(d + segment.offset for d in found)
        self.checked.update(todo)
        bounds = self.bounds
        return {d: bounds[d] for d in sorted(wanted & self.matched)}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a batch of phrase candidates is checked:
    the batch makes a list and a set per candidate and word (none in a cycle), and the
    collections that many new objects set off were ~25% of the check's CPU at 100,000
    articles. Another thread that turns it back on meanwhile only costs that saving."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


ORDER_SAMPLE = 64
"""Candidates whose positions of every word choose the order the words are checked in."""
ORDER_FROM = 256
"""The fewest candidates checked at once that are worth a sample to order the words."""
ORDER_SPAN = 512
"""The most documents a sample may span (4 posting blocks of 128): at 100,000 articles the
318 candidates of "feb specifics said" spanned ~64 blocks of "said", whose sample cost 4 ms
that no order could save."""

PHRASE_BATCH = 8192
"""Phrase candidates checked between two looks at the cancel token."""


class _PhraseSegment:
    """A segment's candidates of a phrase (local ids): their positions are read when they are
    checked, from the blocks that hold them, and kept until then."""

    def __init__(
        self,
        reader: Any,
        offset: int,
        fieldname: str,
        words: list[bytes],
        by_rarity: list[int],
        slop: int,
        deltas: Any,
        blocks: dict[bytes, whoosh_internals.BlockIndex],
    ) -> None:
        self.reader, self.fieldname = reader, fieldname
        self.blocks = blocks
        self.offset, self.size = offset, reader.doc_count_all()
        self.words, self.by_rarity = words, by_rarity
        self.slop, self.deltas = slop, deltas
        self.read: dict[bytes, dict[int, bytes]] = {}
        self.between: Callable[[], None] | None = None
        # `_order` has put the words in the order to check them (or has nothing to order)
        self.ordered = slop != 1 or len(words) < 3

    def reading_between(self, between: Callable[[], None] | None) -> _PhraseSegment:
        """This, calling `between` between blocks of the positions it reads."""
        self.between = between
        return self

    def check(self, local: list[int]) -> list[int]:
        """The documents of `local` (sorted) that have the phrase."""
        if self.slop != 1:
            positions = [
                dict(zip(local, map(list, map(accumulate, self._deltas(word, local))), strict=True))
                for word in self.words
            ]
            return [d for d in local if _in_order(positions, d, self.slop)]
        # Exact phrases: the i-th word of a phrase starting at s is at s + i, so a document
        # stays while the words decoded so far share a start (rarest word first: each rules
        # documents out for the next, and the last only has to meet one start). Sets of a
        # document's positions are small; one set of every document's (a start coded with
        # its document) was 1.5x slower: a big set's look-ups miss the CPU's caches.
        # `initial=-i` shifts the positions by -i in C, and adds -i itself, which is never a
        # start: whichever of the sets or the last stream comes from word 0 has only starts
        # >= 0 (its positions).
        if not self.ordered and len(local) >= ORDER_FROM:
            sample = local[:ORDER_SAMPLE]
            if sample[-1] - sample[0] < ORDER_SPAN:  # else try the next check's
                self._order(sample)
        alive = local
        starts: list[set[int]] | None = None
        last = self.by_rarity[-1]
        for i in self.by_rarity:
            lists = self._deltas(self.words[i], alive)
            shifted = (
                map(functools.partial(accumulate, initial=-i), lists)
                if i
                else map(accumulate, lists)
            )
            if starts is None:
                starts = list(map(set, shifted))
            elif i == last:
                return list(compress(alive, map(not_, map(set.isdisjoint, starts, shifted))))
            else:
                starts = list(map(set.intersection, starts, shifted))
            alive = list(compress(alive, starts))
            if not alive:
                return []
            starts = list(filter(None, starts))
        return alive

    def _order(self, sample: list[int]) -> None:
        """Put the words after the rarest in the order that costs the fewest reads, judged
        on `sample`, the first `ORDER_SAMPLE` candidates of the first check of at least
        `ORDER_FROM` whose first `ORDER_SAMPLE` lie within `ORDER_SPAN` documents (a few
        blocks per word). Candidates spread over every block (a first page's, a phrase of
        rarer words) keep the order by rarity: a sample of them costs a block read per
        candidate and word, more than the order could save.

        Checking a word costs about its document frequency (its blocks holding candidates)
        and leaves the share `s` of the candidates whose positions meet the rarest word's as
        the phrase has them (in the sample, smoothed). Checks that each cost `c` and keep `s`
        cost the least in rising order of c / (1 - s), the classic order of filters.
        Document frequency alone says nothing of which words stand together: at 100,000
        articles "shr" and "oper" met in 13 of the sample of "oper shr cts", "shr" and "cts"
        in none, so "cts", the commonest word, goes second and "oper" is read for few
        candidates. Any order gives the same matches (a match is a start every word has)."""
        self.ordered = True
        rest = self.by_rarity[1:]
        if len(rest) < 2:
            return
        first = self.by_rarity[0]
        starts = [
            set(accumulate(d, initial=-first)) for d in self._deltas(self.words[first], sample)
        ]
        rank = {}
        for i in rest:
            met = sum(
                not s.isdisjoint(accumulate(d, initial=-i))
                for s, d in zip(starts, self._deltas(self.words[i], sample), strict=True)
            )
            kept = (met + 1) / (len(sample) + 2)
            rank[i] = self.reader.doc_frequency(self.fieldname, self.words[i]) / (1 - kept)
        # sorted() is stable: equal ranks keep the order by rarity
        self.by_rarity = [first, *sorted(rest, key=rank.__getitem__)]

    def _deltas(self, word: bytes, docs: list[int]) -> list[list[int]]:
        """The position deltas of `word` in each of `docs` (sorted). Every posting of a
        block read is kept: the next round of checks (`top_partial`) or the count needs
        other candidates of the same blocks (checked candidates are spread over all of a
        common word's blocks: re-reading them made each round cost a whole read)."""
        read = self.read.setdefault(word, {})
        unread = list(filterfalse(read.__contains__, docs))
        if unread:
            read.update(
                whoosh_internals.read_wanted_values(
                    self.reader,
                    self.fieldname,
                    word,
                    unread,
                    True,
                    self.blocks.get(word),
                    self.between,
                )
            )
        return self.deltas(list(map(read.__getitem__, docs)))  # type: ignore[no-any-return]


class _Evaluator:
    def __init__(self, searcher: Any, scored: bool, cancelled: Cancelled | None = None) -> None:
        self.searcher = searcher
        self.scored = scored
        self.cancelled = cancelled
        self.between = None if cancelled is None else functools.partial(check, cancelled)
        """Called between blocks of a long posting read: a common word's ~800 blocks are
        ~50 ms that a newer keystroke should not wait out."""
        self.schema = searcher.schema
        self.leaves = [(reader, offset) for reader, offset in searcher.reader().leaf_readers()]
        self.within: Container[int] | None = None
        """When set, scored words may leave out documents not in it (an AND's other words
        do not have them): their scores are not worked out at all."""
        self.wanted: Any = None
        """When set (the array evaluation), the only documents (ascending) whose matches
        are wanted: an AND's next part, where the parts before it matched these. A part
        may match others too; the AND drops them."""
        self.only: dict[int, list[int]] | None = None
        """When set (unscored only), each segment's documents (local, sorted) the answer is
        wanted for: words read only the posting blocks that hold one (`DateWalk`)."""
        self.blocks: dict[tuple[int, str, bytes], whoosh_internals.BlockIndex] = {}
        """Where each word's posting blocks start, noted by the first read of `only`."""

    def run(self, q: Any) -> Scores:
        from whoosh import query

        check(self.cancelled)
        if isinstance(q, query.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if type(q) is query.Phrase:
            return self.phrase(q).resolve()
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

    def partial(self, q: Any) -> Partial:
        """`run(q)` (scored) with the positions of its phrases left to check: phrases, and
        the ORs, ANDs and constant scores above them, become `Partial`s; any other part is
        evaluated whole (a phrase under it checked for every candidate)."""
        from whoosh import query

        if not self.scored or not _has_phrase(q) or getattr(q, "boost", 1.0) < 0:
            return _Exact(self.run(q))  # a negative boost would break the bounds
        check(self.cancelled)
        if type(q) is query.Phrase:
            return self.phrase(q)
        if type(q) is query.Or and not getattr(q, "minmatch", 0) and not getattr(q, "scale", None):
            return _AnyOf([self.partial(sub) for sub in q.subqueries], q.boost)
        if type(q) is query.And:
            positive = [sub for sub in q.subqueries if not isinstance(sub, query.Not)]
            negative = [sub.query for sub in q.subqueries if isinstance(sub, query.Not)]
            if positive:
                return _AllOf(
                    [self.partial(sub) for sub in positive],
                    [self.partial(sub) for sub in negative],
                    q.boost,
                )
        if isinstance(q, query.ConstantScoreQuery) and q.score >= 0:
            return _Constant(self.partial(q.child), q.score)
        return _Exact(self.run(q))

    # -- as arrays (`matches`): every query without a phrase --------------------------------

    def matches(self, q: Any) -> hits.Hits:
        """`run(q)` as arrays (`hits.Hits`), the same documents and scores (added in the same
        order); phrases are not evaluated here (Unsupported: `partial` checks them)."""
        from whoosh import query

        check(self.cancelled)
        if isinstance(q, query.Term):
            return self.term_hits(q.fieldname, q.text, q.boost)
        if isinstance(q, query.ConstantScoreQuery):
            return hits.constant(self.matches(q.child).docs, q.score if self.scored else 0.0)
        if isinstance(q, query.NumericRange):
            return self.matches(whoosh_internals.compiled(q, self.searcher.reader()))
        if isinstance(q, query.TermRange):
            return self.term_range_hits(q)
        if isinstance(q, query.Every):
            return self.every_hits()
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return hits.empty()
        if isinstance(q, query.AndNot):
            return hits.without(self.matches(q.a), self.matches(q.b).docs)
        if isinstance(q, query.AndMaybe):
            required = self.matches(q.a)
            return hits.maybe(required, self.matches(q.b)) if self.scored else required
        if isinstance(q, query.Require):
            return hits.within(self.matches(q.a), self.matches(q.b).docs)
        if isinstance(q, query.Not):
            return hits.without(self.every_hits(), self.matches(q.query).docs)
        if type(q) is query.And:
            return self.conjunction_hits(q)
        if type(q) is query.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise Unsupported("Or with minmatch/scale")
            return self.union_hits([self.matches(sub) for sub in q.subqueries], q.boost)
        raise Unsupported(type(q).__name__)

    def term_hits(self, fieldname: str, text: Any, boost: float = 1.0) -> hits.Hits:
        """`term` as arrays: each segment's postings, less its deleted documents, scored;
        with `wanted`, only those postings (see `_wanted_postings`)."""
        np = hits.numpy_module()
        btext = _to_bytes(self.schema[fieldname], text)
        score = None
        parts = []
        for reader, offset in self.leaves:
            check(self.cancelled)
            if (fieldname, btext) not in reader:
                continue
            if self.wanted is None:
                ids, weights = _postings(reader, fieldname, btext, self.between)
            else:
                ids, weights = self._wanted_postings(reader, offset, fieldname, btext)
            deleted = self.deleted(reader)
            if deleted is not None:
                kept = ~deleted[ids]
                ids, weights = ids[kept], weights[kept]
            if not self.scored:
                scores = np.zeros(len(ids), np.float64)
            else:
                if score is None:
                    score = self.array_scorer(fieldname, btext, boost)
                scores = score(reader, ids, weights)
            docs = ids.astype(np.int64, copy=False)  # a copy of a cached list's int32 ids
            parts.append(hits.Hits(docs + offset if offset else docs, scores))
        return hits.concatenated(parts)

    def _wanted_postings(
        self, reader: Any, offset: int, fieldname: str, btext: bytes
    ) -> tuple[Any, Any]:
        """A segment's postings of a word for the `wanted` documents only. When there are
        fewer of them than the word has posting blocks and its postings are not in the
        cache, only the blocks that hold one are read (a block header says its last id):
        "sunwood interest" reads a few of the ~500 blocks of "interest", not all of them."""
        np = hits.numpy_module()
        wanted = self.wanted
        first, end = np.searchsorted(wanted, [offset, offset + reader.doc_count_all()])
        local = wanted[first:end] - offset
        if not len(local):
            return np.empty(0, np.int64), np.empty(0, np.float64)
        key = (reader.segment().segment_id(), fieldname, btext)
        if key not in _cache:
            keyed = _keyed(reader, fieldname, btext, local)
            if keyed is not None:  # counted in its phrase keys, no block read
                return keyed
            if len(local) * WANTED_PER_BLOCK < reader.doc_frequency(fieldname, btext):
                found = whoosh_internals.read_wanted_weights(
                    reader, fieldname, btext, local.tolist(), None, self.between
                )
                ids = sorted(found)
                return np.array(ids, np.int64), np.array([found[i] for i in ids], np.float64)
        ids, weights = _postings(reader, fieldname, btext, self.between)
        kept = hits.member(ids, local)
        return ids[kept], weights[kept]

    def array_scorer(self, fieldname: str, btext: bytes, boost: float) -> Callable[..., Any]:
        """`scorer` as arrays: (leaf reader, ids, weights) -> the postings' scores, the same
        numbers (numpy's float64 operations are Python's, done in the same order)."""
        from whoosh import scoring

        np = hits.numpy_module()
        weighting = self.searcher.weighting
        if not self.schema[fieldname].scorable or not isinstance(weighting, scoring.BM25F):
            if self.schema[fieldname].scorable:
                raise Unsupported(type(weighting).__name__)
            return lambda reader, ids, weights: weights.astype(np.float64, copy=False) * boost
        factor = self.searcher.idf(fieldname, btext) * (weighting.K1 + 1) * boost

        def bm25(reader: Any, ids: Any, weights: Any) -> Any:
            w = weights.astype(np.float64, copy=False)
            return factor * w / (w + self.norm_array(reader, fieldname)[ids])

        return bm25

    def norm_array(self, reader: Any, fieldname: str) -> Any:
        """`norms` as a numpy array, cached with the searcher."""
        cache = self.searcher.__dict__.setdefault("_newsread_norm_arrays", {})
        key = (id(reader), fieldname)
        if key not in cache:
            np = hits.numpy_module()
            cache[key] = np.array(self.norms(reader, fieldname), np.float64)
        return cache[key]

    def deleted(self, reader: Any) -> Any:
        """A segment's deleted documents as a mask of its documents (None: it has none),
        cached with the searcher."""
        if not reader.has_deletions():
            return None
        cache = self.searcher.__dict__.setdefault("_newsread_deleted", {})
        if id(reader) not in cache:
            np = hits.numpy_module()
            mask = np.zeros(reader.doc_count_all(), np.bool_)
            mask[list(reader.deleted_docs_set)] = True
            cache[id(reader)] = mask
        return cache[id(reader)]

    def every_hits(self) -> hits.Hits:
        np = hits.numpy_module()
        parts = []
        for reader, offset in self.leaves:
            docs = np.arange(offset, offset + reader.doc_count_all(), dtype=np.int64)
            deleted = self.deleted(reader)
            if deleted is not None:
                docs = docs[~deleted]
            parts.append(hits.constant(docs, 1.0 if self.scored else 0.0))
        return hits.concatenated(parts)

    def term_range_hits(self, q: Any) -> hits.Hits:
        from whoosh import fields

        if not isinstance(self.schema[q.fieldname], fields.NUMERIC):
            raise Unsupported("TermRange over words")  # could expand to the whole lexicon
        texts: set[bytes] = set()
        for reader, _ in self.leaves:
            texts.update(whoosh_internals.range_terms(q, reader))
        found = [self.term_hits(q.fieldname, t, q.boost) for t in sorted(texts)]
        return self.union_hits(found, 1.0)

    def union_hits(self, parts: list[hits.Hits], boost: float) -> hits.Hits:
        """`union` as arrays: the longest part first, as there."""
        found = hits.union(sorted(parts, key=len, reverse=True))
        return hits.scaled(found, boost) if self.scored else found

    def conjunction_hits(self, q: Any) -> hits.Hits:
        """`conjunction` as arrays: the parts by their postings, fewest first (the order the
        scores are added in, as there), each next part evaluated only for the documents the
        parts before it matched (`wanted`)."""
        from whoosh import query

        positive = [sub for sub in q.subqueries if not isinstance(sub, query.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, query.Not)]
        parts = []
        outer = self.wanted
        try:
            if len(positive) > 1:
                sizes = [self.postings_count(sub) for sub in positive]
                for i in sorted(range(len(positive)), key=sizes.__getitem__):
                    parts.append(self.matches(positive[i]))
                    if not len(parts[-1]):
                        return hits.empty()
                    self.wanted = hits.intersection(parts).docs
            else:
                parts = [self.matches(sub) for sub in positive] or [self.every_hits()]
        finally:
            self.wanted = outer
        found = hits.intersection(parts)
        if self.scored:
            found = hits.scaled(found, q.boost)
        for sub in negative:
            found = hits.without(found, self.matches(sub).docs)
        return found

    # -- leaves ---------------------------------------------------------------------------

    def term(self, fieldname: str, text: Any, boost: float = 1.0) -> Scores:
        field = self.schema[fieldname]
        btext = _to_bytes(field, text)
        scorer = None
        found: Scores = {}
        for n, (reader, offset) in enumerate(self.leaves):
            check(self.cancelled)
            if (fieldname, btext) not in reader:
                continue
            if self.only is not None:
                found.update(self.term_only(n, reader, offset, fieldname, btext))
                continue
            if self.scored and scorer is None:
                scorer = self.scorer(fieldname, btext, boost)
            ids, weights = _posting_lists(reader, fieldname, btext, self.between)
            if scorer is not None and self.within is not None:
                ids, weights = _only(ids, weights, offset, self.within)
            deleted = reader.deleted_docs_set if reader.has_deletions() else None
            if scorer is None:
                docs: Any = (d + offset for d in ids) if offset else ids
                if deleted:
                    docs = (d + offset for d in ids if d not in deleted)
                found.update(dict.fromkeys(docs, 0.0))
            else:
                found.update(scorer(reader, offset, ids, weights, deleted))
        return found

    def term_only(self, n: int, reader: Any, offset: int, fieldname: str, btext: bytes) -> Scores:
        """A word's documents among segment `n`'s of `only` (unscored), from the blocks that
        hold one of them."""
        wanted = self.only[n] if self.only is not None else []
        if not wanted:
            return {}
        blocks = self.blocks.setdefault((n, fieldname, btext), whoosh_internals.BlockIndex())
        ids = whoosh_internals.read_wanted_weights(
            reader, fieldname, btext, wanted, blocks, self.between
        ).keys()
        if reader.has_deletions():
            ids = ids - reader.deleted_docs_set
        return dict.fromkeys(map(offset.__add__, ids) if offset else ids, 0.0)

    def phrase(self, q: Any) -> Partial:
        """Documents with the words in order, each within `slop` positions of the one before
        (Whoosh's `SpanNear2(ordered=True, mindist=1)`), scored as the sum of the words' BM25F
        scores like Whoosh's phrase matcher: a candidate's score is known before its positions
        are, so they are checked only when asked (`_PhraseMatch`).

        An exact phrase in a segment with phrase keys (`phrase_keys`, written with the
        segment) is found from them at once, with its scores. Otherwise the rarest word's
        postings give the candidates; each next word, by rising document frequency, is read
        only from the blocks that hold a candidate (a block header says its last id), which
        narrows them to the documents with every word.
        """
        fieldname = q.fieldname
        if fieldname not in self.schema:
            return _Exact({})
        field = self.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise Unsupported(f"no positions in {fieldname}")
        words = [_to_bytes(field, w) for w in q.words]
        if len(words) < 2:
            return _Exact(self.term(fieldname, words[0], q.boost) if words else {})
        deltas = positions.position_deltas(field.format)
        segments: list[_PhraseSegment] = []
        bounds: Scores = {}
        known: list[int] = []  # documents found by phrase keys: matches, scored exactly
        for reader, offset in self.leaves:
            check(self.cancelled)
            if any((fieldname, w) not in reader for w in words):
                continue
            if q.slop == 1 and phrase_keys.keyable(field.format):
                keyed = self.keyed_phrase(reader, fieldname, words, deltas)
                if keyed is not None:
                    matched, weights_of = keyed
                    docs = [d + offset for d in matched] if offset else matched
                    bounds.update(self.phrase_scores(reader, q, words, matched, docs, weights_of))
                    known += docs
                    continue
            by_rarity = sorted(
                range(len(words)), key=lambda i: reader.doc_frequency(fieldname, words[i])
            )
            rarest = words[by_rarity[0]]
            ids, weights, _ = whoosh_internals.read_postings(
                reader, fieldname, rarest, True, False, self.between
            )
            weights_of = {rarest: dict(zip(ids, weights, strict=True))}
            blocks = {rarest: whoosh_internals.BlockIndex()}
            candidates = set(ids)
            if reader.has_deletions():
                candidates -= reader.deleted_docs_set
            for i in by_rarity:
                word = words[i]
                if word not in weights_of and candidates:
                    check(self.cancelled)
                    blocks[word] = whoosh_internals.BlockIndex()
                    weights_of[word] = whoosh_internals.read_wanted_weights(
                        reader, fieldname, word, sorted(candidates), blocks[word], self.between
                    )
                    candidates.intersection_update(weights_of[word])
            if not candidates:
                continue
            local = sorted(candidates)
            docs = [d + offset for d in local] if offset else local
            bounds.update(self.phrase_scores(reader, q, words, local, docs, weights_of))
            segments.append(
                _PhraseSegment(
                    reader, offset, fieldname, words, by_rarity, q.slop, deltas, blocks
                ).reading_between(self.between)
            )
        if not segments:
            return _Exact(bounds)
        return _PhraseMatch(segments, bounds, self.cancelled, known)

    def phrase_scores(
        self,
        reader: Any,
        q: Any,
        words: list[bytes],
        local: list[int],
        docs: list[int],
        weights_of: dict[bytes, dict[int, float]],
    ) -> Iterable[tuple[int, float]]:
        """A phrase's score in each of `docs` (`local` in the segment): each word's score,
        summed in the phrase's order (as Whoosh's matcher does); 0.0 when unscored."""
        if not self.scored:
            return dict.fromkeys(docs, 0.0).items()
        total: Any = None
        for word in words:
            picked = list(map(weights_of[word].__getitem__, local))
            scores = self.word_scores(q.fieldname, word, reader, local, picked)
            total = scores if total is None else list(map(float.__add__, total, scores))
        if q.boost != 1.0:
            total = [s * q.boost for s in total]
        return zip(docs, total, strict=True)

    def keyed_phrase(
        self, reader: Any, fieldname: str, words: list[bytes], deltas: Any
    ) -> tuple[list[int], dict[bytes, dict[int, float]]] | None:
        """The segment's documents (local, sorted, none deleted) with the exact phrase of
        `words`, found from its phrase keys (`phrase_keys`), and each word's weight in them
        (its number of positions there, times the field's boost: what Whoosh's `Positions`
        stores); None when the segment has no keys for one of them (its positions are checked
        the old way then)."""
        segment_keys = phrase_keys.of(reader)
        if segment_keys is None:
            return None
        found = {}
        for word in dict.fromkeys(words):
            check(self.cancelled)
            keyed = segment_keys.get(fieldname, word)
            if keyed is None:
                if reader.doc_frequency(fieldname, word) > segment_keys.keyed_postings:
                    return None  # not a file this version wrote: no keys to trust
                ids, _, values = whoosh_internals.read_postings(
                    reader, fieldname, word, False, True, self.between
                )
                keyed = phrase_keys.keys_of_values(ids, values, deltas)
            found[word] = keyed
        matched = phrase_keys.phrase_documents([found[word] for word in words])
        if len(matched) and reader.has_deletions():
            matched = phrase_keys.without(matched, reader.deleted_docs_set)
        boost = self.schema[fieldname].format.field_boost
        docs = matched.tolist()
        weights_of = {
            word: dict(zip(docs, phrase_keys.weights(keyed, matched, boost), strict=True))
            for word, keyed in found.items()
        }
        return docs, weights_of

    def word_scores(
        self, fieldname: str, btext: bytes, reader: Any, ids: list[int], weights: list[float]
    ) -> list[float]:
        """`scorer(fieldname, btext, 1.0)`'s scores of these postings (none deleted), as a
        list in their order: the same numbers, without a dict of them."""
        from whoosh import scoring

        weighting = self.searcher.weighting
        if not self.schema[fieldname].scorable or not isinstance(weighting, scoring.BM25F):
            scores = self.scorer(fieldname, btext, 1.0)(reader, 0, ids, weights, None)
            return list(scores.values())
        factor = self.searcher.idf(fieldname, btext) * (weighting.K1 + 1) * 1.0
        norms = self.norms(reader, fieldname)
        return [factor * w / (w + norms[d]) for d, w in zip(ids, weights, strict=True)]

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
            if not deleted and not offset:  # one segment: the common case, ~10% less
                return {d: factor * w / (w + norms[d]) for d, w in zip(ids, weights, strict=True)}
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
        for n, (reader, offset) in enumerate(self.leaves):
            docs: Iterable[int] = range(offset, offset + reader.doc_count_all())
            if self.only is not None:
                docs = [d + offset for d in self.only[n]]
            if reader.has_deletions():
                deleted = reader.deleted_docs_set
                docs = (d for d in docs if d - offset not in deleted)
            found.update(dict.fromkeys(docs, 1.0 if self.scored else 0.0))
        return found

    # -- combinations ---------------------------------------------------------------------

    def conjunction(self, q: Any) -> Scores:
        from whoosh import query

        positive = [sub for sub in q.subqueries if not isinstance(sub, query.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, query.Not)]
        parts: list[Scores]
        keys: Any
        if self.scored and len(positive) > 1 and not any(map(_has_phrase, positive)):
            parts, keys = self.smallest_first(positive)
        else:
            parts = sorted((self.run(sub) for sub in positive), key=len) or [self.every()]
            keys = parts[0].keys()
            for part in parts[1:]:
                keys = keys & part.keys()
        if not keys:
            return {}
        if self.scored and len(parts) == 2:
            first, second = parts
            found = {d: first[d] + second[d] for d in keys}
        elif self.scored:
            found = {d: hits.added(part[d] for part in parts) for d in keys}
        if self.scored and q.boost != 1.0:
            found = {d: s * q.boost for d, s in found.items()}
        if not self.scored:
            found = dict.fromkeys(sorted(keys), 0.0)
        for sub in negative:
            found = self.without(found, self.run(sub))
        return found

    def smallest_first(self, positive: list[Any]) -> tuple[list[Scores], Any]:
        """The parts' scores, the part with the fewest postings first, and the documents that
        match them all (each part's scores hold at least those).

        A part with more than twice as many postings as there are documents matching the
        parts before it is scored only on those (`within`): "exporter sugar" scores the
        sugar articles that have "exporter", not every posting of "sugar". Leaving a posting
        out costs a set look-up, a fraction of scoring it.
        """
        sizes = [self.postings_count(sub) for sub in positive]
        order = sorted(range(len(positive)), key=sizes.__getitem__)
        parts: list[Scores] = []
        keys: Any = None
        outer = self.within
        try:
            for i in order:
                if keys is not None and 2 * len(keys) < sizes[i]:
                    self.within = keys
                parts.append(self.run(positive[i]))
                keys = parts[-1].keys() if keys is None else keys & parts[-1].keys()
                if not keys:
                    break
        finally:
            self.within = outer
        return parts, keys

    def postings_count(self, q: Any) -> float:
        """How many postings evaluating `q` reads at most (inf: not known)."""
        from whoosh import query

        if isinstance(q, query.Term):
            try:
                btext = _to_bytes(self.schema[q.fieldname], q.text)
            except (KeyError, Unsupported):
                return float("inf")
            counts: list[int] = [r.doc_frequency(q.fieldname, btext) for r, _ in self.leaves]
            return sum(counts)
        if type(q) is query.Or:
            return sum(map(self.postings_count, q.subqueries))
        if type(q) is query.And:
            return min(map(self.postings_count, q.subqueries), default=float("inf"))
        return float("inf")

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


def _has_phrase(q: Any) -> bool:
    from whoosh import query

    if type(q) is query.Phrase:
        return True
    return not q.is_leaf() and any(_has_phrase(child) for child in q.children())


def _in_order(positions: list[dict[int, list[int]]], d: int, slop: int) -> bool:
    """Whether document `d` has each word within `slop` positions after the one before."""
    ends = positions[0][d]
    for where in positions[1:]:
        ends = [p for p in where[d] if any(1 <= p - e <= slop for e in ends)]
        if not ends:
            return False
    return True


def _only(
    ids: Any, weights: Any, offset: int, within: Container[int]
) -> tuple[list[int], list[float]]:
    """The postings of a segment (ids from 0) whose documents (ids + offset) are in `within`."""
    docs = map(offset.__add__, ids) if offset else ids
    keep = list(map(within.__contains__, docs))
    return list(compress(ids, keep)), list(compress(weights, keep))


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


WANTED_PER_BLOCK = 128
"""An AND's next word is read only from the blocks holding the documents wanted when there
are fewer of them than blocks (128 postings each): past that, most blocks are read anyway,
and the walk over their headers (~10 µs each) is extra."""

CACHED_POSTINGS = 2_000_000
"""Postings kept decoded across searches (8 bytes each as arrays, ~16 MB): typing "oil pr",
"oil pri", "oil pric" reads "oil" once. Only long lists are kept; short ones are cheap to
read. (4,000,000 gave the benchmark's query mix at 100k no CPU time back, for 12 MB.)"""
_CACHE_MIN_LENGTH = 1_000
_cache: OrderedDict[tuple[str, str, bytes], tuple[Any, Any]] = OrderedDict()
_cache_size = 0
_cache_lock = threading.Lock()


def live_count(reader: Any, fieldname: str, btext: bytes, deleted: Any) -> int:
    """How many of a segment's documents that are not `deleted` (a mask of its documents)
    hold a term (Whoosh's document frequency counts the deleted ones too)."""
    ids, _ = _postings(reader, fieldname, btext)
    return int(len(ids) - deleted[ids].sum())


def _postings(
    reader: Any, fieldname: str, btext: bytes, between: Callable[[], None] | None = None
) -> tuple[Any, Any]:
    """A segment's ids and weights for one term as numpy arrays, from the cache when it has
    them (kept as int32 ids and float32 weights when they all fit it exactly, as frequencies
    do) (`between`: see `whoosh_internals.read_postings`; a read it stops keeps nothing).

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
    np = hits.numpy_module()
    keyed = _keyed(reader, fieldname, btext)
    if keyed is not None:  # a common word: its postings from its phrase keys, not its blocks
        ids, weights = keyed
        entry = ids.astype(np.int32), weights
    else:
        ids, weights, _ = whoosh_internals.read_postings(
            reader, fieldname, btext, True, False, between
        )
        if len(ids) < _CACHE_MIN_LENGTH:  # as the evaluation wants them: no copies there
            return np.array(ids, np.int64), np.array(weights, np.float64)
        entry = np.array(ids, np.int32), _narrow(np.array(weights, np.float64))
    with _cache_lock:
        if key not in _cache:
            _cache[key] = entry
            _cache_size += len(ids)
            while _cache_size > CACHED_POSTINGS and len(_cache) > 1:
                _, (old_ids, _) = _cache.popitem(last=False)
                _cache_size -= len(old_ids)
    return entry


def _keyed(
    reader: Any, fieldname: str, btext: bytes, documents: Any = None
) -> tuple[Any, Any] | None:
    """`phrase_keys.postings` of a word its segment keeps phrase keys of, else None."""
    segment_keys = phrase_keys.of(reader)
    keyed = None if segment_keys is None else segment_keys.get(fieldname, btext)
    if keyed is None:
        return None
    boost = reader.schema[fieldname].format.field_boost
    return phrase_keys.postings(keyed, boost, documents)


def _narrow(weights: Any) -> Any:
    """`weights` as float32 when that holds each exactly (half the memory), else as is."""
    np = hits.numpy_module()
    narrow = weights.astype(np.float32)
    return narrow if np.array_equal(narrow, weights) else weights


def _posting_lists(
    reader: Any, fieldname: str, btext: bytes, between: Callable[[], None] | None = None
) -> tuple[list[int], list[float]]:
    """`_postings` as lists of Python numbers (for the dict code)."""
    ids, weights = _postings(reader, fieldname, btext, between)
    return ids.tolist(), weights.astype(hits.numpy_module().float64).tolist()
