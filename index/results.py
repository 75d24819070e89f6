"""What a search answers: plain frozen records, never Whoosh objects, and the query error.

No Whoosh here, so the UI imports these at module top without paying for the engine. Match
positions are character offsets, so the UI styles them without treating article text as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class QueryError(ValueError):
    """A query that cannot be run; `str()` is one line for the user."""


class QueryTooLarge(QueryError):
    """A query over one of the stated bounds (MAX_QUERY_CHARS ...); `str()` names the bound."""


class NothingToSearch(QueryError):
    """A query of only very common words or symbols ("the", "--"): it matches nothing."""


class SearchCancelled(Exception):
    """The search stopped early: its `cancelled` token said the answer is no longer wanted."""


@dataclass(frozen=True)
class Snippet:
    """A short passage of the body; `spans` are (start, end) offsets of matches in `text`."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    key: str
    id: str
    path: str
    title: str
    source: str
    section: str
    published: datetime | None
    url: str
    authors: str
    score: float
    snippet: Snippet
    title_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchResults:
    query: str
    sort: str
    total: int
    hits: tuple[Hit, ...]
    terms: frozenset[str] = frozenset()
    """Analysed (stemmed) terms the query matched on; `match_spans` finds them in text."""
    suggestion: str | None = None
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    elapsed: float = 0.0
    limited: str = ""
    """Why the results may be incomplete (an expansion or time cap), or empty."""
    counted: bool = True
    """False for the first step of a two-step search (`Library.begin_search(...).top()`):
    the hits are final, but `total` only counts the hits in hand and `facets` are empty
    until `.counts()` answers."""
