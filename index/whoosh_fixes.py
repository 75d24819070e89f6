"""Fixes for Whoosh's matchers, found by the search oracle (tests/test_search_oracle.py).

newsread evaluates most queries over posting lists itself (index/postings.py) but falls back
on Whoosh's matchers for word ranges (`title:[a TO m]`), and those got exclusions wrong:

- `AndNotMatcher` started on the first wanted document without moving the excluded side up
  to it, so `x ANDNOT y` listed a first document that has y (also `x -y` in the fallback).
- `AndNotMatcher` asked its wanted side for the current document after it ran out
  (`IndexError`, which reads as a damaged index and had the index rebuilt).
- `InverseMatcher` (NOT) stopped skipping deleted documents once the excluded side ran out,
  so `NOT y` listed a deleted article.
- `TermRange` with equal bounds, one left out (`{strike TO strikes]`: both stem to "strike")
  became Whoosh's NullQuery, which an AND drops like a stop word: `ferry {strike TO
  strikes]` found every ferry article, and the range alone said "nothing to search for".
- `ListMatcher` took a constant weight of 0 for "no constant weight" and scored 1: a filter
  (which joins the query with score 0) added 1 to every score.
"""

from __future__ import annotations

from typing import Any

_patched = False


def patch_matchers() -> None:
    """Replace the faulty matcher methods (once; safe to call again)."""
    global _patched
    if _patched:
        return
    from whoosh.matching.binary import AndNotMatcher
    from whoosh.matching.mcore import ListMatcher
    from whoosh.matching.wrappers import InverseMatcher
    from whoosh.query import AndNot, Term, TermRange

    def find_first(self: Any) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    def find_next(self: Any) -> bool:
        wanted, excluded = self.a, self.b
        moved = False
        while wanted.is_active() and excluded.is_active():
            current = wanted.id()
            if excluded.id() < current:
                excluded.skip_to(current)
                if not excluded.is_active():
                    break
            if excluded.id() != current:
                break
            moved = bool(wanted.next()) or moved
        return moved

    AndNotMatcher._find_first = find_first
    AndNotMatcher._find_next = find_next

    original = InverseMatcher._find_next

    def inverse_find_next(self: Any) -> None:
        original(self)
        while self._id < self.limit and self.missing(self._id):
            self._id += 1
            original(self)

    InverseMatcher._find_next = inverse_find_next

    list_weight = ListMatcher.weight

    def weight(self: Any) -> Any:
        if self._all_weights is not None:
            return self._all_weights
        return list_weight(self)

    ListMatcher.weight = weight

    range_normalize = TermRange.normalize

    def normalize(self: Any) -> Any:
        if self.start == self.end and self.start and (self.startexcl or self.endexcl):
            word = Term(self.fieldname, self.start)
            return AndNot(word, word)  # matches nothing, and stays a clause that does
        return range_normalize(self)

    TermRange.normalize = normalize
    _patched = True
