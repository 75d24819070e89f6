"""What a search answers: plain frozen records, never Whoosh objects, and the query error.

No Whoosh here, so the UI imports these at module top without paying for the engine. Match
positions are character offsets, so the UI styles them without treating article text as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsread.index.text import sanitise_line
from newsread.index.timeline import Timeline


class QueryError(ValueError):
    """A query that cannot be run; `str()` is one line for the user."""


class QueryTooLarge(QueryError):
    """A query over one of the stated bounds (MAX_QUERY_CHARS ...); `str()` names the bound."""


class NothingToSearch(QueryError):
    """A query of only very common words or symbols ("the", "--"): it matches nothing."""


class UnknownArticle(QueryError):
    """No article (or more than one) goes by the id or path given for "more like this"."""


class SearchCancelled(Exception):
    """The search stopped early: its `cancelled` token said the answer is no longer wanted."""


@dataclass(frozen=True)
class Snippet:
    """A short passage of the body; `spans` are (start, end) offsets of matches in `text`."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


def from_folder(source: str, path: str) -> bool:
    """Whether `source` is the name of the library's folder `path` is filed in: the source the
    reader gives an article that names none (`article.derived_source`)."""
    return bool(source) and path.startswith(source + "/")


def source_shown(source: str, from_folder: bool) -> str:
    """A source as shown (one line); one the reader took from the library's folder (the file
    named none) says so: "baltic-wire (folder)"."""
    source = sanitise_line(source)
    return f"{source} (folder)" if source and from_folder else source


@dataclass(frozen=True)
class Version:
    """Another article of a hit's story (the same story in another outlet, a correction...)."""

    key: str
    title: str
    source: str
    published: datetime | None = None
    period: str = ""
    """"year" or "month" when the article is dated by that period alone (`Article.period`)."""
    id: str = ""
    """The article's id: what finds it once its key (`path#n` in a file of several) is
    another article's."""

    @property
    def from_folder(self) -> bool:
        """Whether the source was taken from the library's folder (the file named none)."""
        return from_folder(self.source, self.key)


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
    authors: tuple[str, ...]
    """The article's authors (`Article.authors`), as `show --json` and exports give them."""
    score: float
    snippet: Snippet
    title_spans: tuple[tuple[int, int], ...] = ()
    story: str = ""
    """The id shared by every version of this article's story."""
    versions: int = 0
    """How many other articles in the library tell this story (matching the query or not)."""
    others: tuple[Version, ...] = ()
    """Those other articles, oldest first (the first `stories.LISTED_VERSIONS`)."""
    period: str = ""
    """"year" or "month" when the article is dated by that period alone (`Article.period`)."""
    credit: str = ""
    """Who the article credits when it names no author as such (`Article.credit`)."""

    @property
    def from_folder(self) -> bool:
        """Whether the source was taken from the library's folder (the file named none)."""
        return from_folder(self.source, self.path)


@dataclass(frozen=True)
class SearchResults:
    query: str
    sort: str
    total: int
    hits: tuple[Hit, ...]
    terms: frozenset[str] = frozenset()
    """Analysed (stemmed) terms the query matched on; `match_spans` finds them in text."""
    phrases: tuple[tuple[str, ...], ...] = ()
    """The query's exact phrases of titles and bodies, each as its analysed words."""
    phrase_words: frozenset[str] = frozenset()
    """Those of `terms` searched only inside `phrases`: `highlight_spans` marks them there."""
    suggestion: str | None = None
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    folder_sources: frozenset[str] = frozenset()
    """Those of the source facet's values taken from the library's folders (files that name
    no source), as `Hit.from_folder` tells them."""
    timeline: Timeline | None = None
    """Every hit counted over time (None for a search asked for no facets)."""
    elapsed: float = 0.0
    limited: str = ""
    """Why the results may be incomplete (an expansion or time cap), or empty."""
    stories: int = 0
    """How many stories the `total` hits tell (versions of one story count once)."""
    folded: bool = False
    """Whether `hits` holds one entry per story (its best-ranked version)."""
    like_file: str = ""
    """For "more like this": "deleted" or "changed" when the file of the article the list
    started from is no longer as indexed (the list is like the text indexed then), else ""."""
    period_only: tuple[str, ...] = ()
    """For a date query that finds nothing: the dates (as lists show them, "2019") of articles
    it would find but for the period rule (`whole_periods`): dated by a year or month alone,
    they may be from outside the dates asked for. Step two (`counted`) alone fills it."""
    undated: int = 0
    """Of a date sort's rows (its stories when `folded`), how many have no date: the last
    ones, whichever way the dates run (step two, `counted`, fills it)."""
    counted: bool = True
    """False for the first step of a two-step search (`Library.begin_search(...).top()`):
    the hits are final, but `total` only counts the hits in hand and `facets` are empty
    until `.counts()` answers."""


def period_only_note(dates: tuple[str, ...]) -> str:
    """Why the articles of `SearchResults.period_only` are not counted, in one line."""
    if not dates:
        return ""
    named = sorted(set(dates))
    shown = (
        " or ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
        if len(named) <= 3
        else "by a year or month"
    )
    n = len(dates)
    return (
        f"{n} article{'' if n == 1 else 's'} dated {shown} only {'is' if n == 1 else 'are'} "
        f"not counted: {'it' if n == 1 else 'they'} may be from outside the dates asked for."
    )
