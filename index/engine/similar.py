"""More like this: the articles nearest one article, by the words that set it apart.

An article's key terms are its own index terms (title and body through the index's analyzer)
weighted by how often it uses them and how rare they are in the library (tf-idf). The
articles most like it are those that score highest for those terms together: an OR of the
terms, each boosted by its weight, scored by BM25F as any search is (but with statistics of
the live articles alone, `live_statistics`) and evaluated a posting list at a time
(index/engine/postings.py). The article itself is left out.

Measured on the BBC corpus (tests/benchmarks/similar_quality.py): this beats Whoosh's own
`key_terms_from_text` (its Bo1 model) as a key-term picker, in quality (0.868 of the top 10
in the article's own section, against 0.854) and in time (p95 3.7 times a one-word search's,
against 6.4); the figures are in that script's docstring.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsread.index.article import path_key
from newsread.index.engine import postings, stories
from newsread.index.engine.freshness import file_changes
from newsread.index.engine.hits import numpy_module
from newsread.index.engine.live_statistics import live_searcher
from newsread.index.engine.schema import text_analyzer
from newsread.index.engine.search import (
    SORTS,
    _by_date,
    _column,
    _count_facets,
    _filter_query,
    _key_rank_array,
    _timeline,
    folder_sources,
    make_hit,
    story_fields,
)
from newsread.index.results import (
    NothingToSearch,
    QueryError,
    SearchResults,
    UnknownArticle,
)

if TYPE_CHECKING:
    from newsread.index.article import Article
    from newsread.index.engine.open_index import OpenIndex

KEY_TERMS = 25
"""Terms an article is compared by: enough to say what it is about, few enough to be fast."""
TITLE_WEIGHT = 3
"""A title word counts as this many uses in the body: the headline says what the story is."""
MAX_TEXT_CHARS = 50_000
"""Key terms come from the article's first this-many characters (a huge one costs no more)."""
SHOWN_TERMS = 10
"""Key terms marked in snippets and in an article opened from the list (`n` jumps between
them), the most telling first: they say what is shared, and marking all of them doubled the
time snippets take (measured at 10,000 articles: 49 ms p50 for 20 snippets, 22 ms with 10)."""
MAX_SIMILAR = 100
"""The most articles a "more like this" list holds: beyond them likeness is noise."""
MAX_TERM_SHARE = 0.2
"""A term in more than this share of the library is no key term (it says little and its
postings are the slowest to read)..."""
MIN_COMMON = 10
"""... unless it is in at most this many articles: in a small library, a word three of six
articles share still tells them apart from the other three."""
MAX_POSTINGS = 80_000
"""The key terms together are in at most this many articles (a term that would pass it is
skipped for a rarer one): scoring costs ~1 ms per 1,000 postings at 100,000 articles, and
a short article's key terms can be common words."""


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """One analyzer for every call: it remembers each word's stem (stemming is most of the
    cost of reading an article's terms)."""
    return text_analyzer()


def find_article(library: OpenIndex, path_or_id: str) -> Article:
    """The one article that key, path or id names.

    Raises:
        UnknownArticle: none does, or a file of several articles was named by its path.
    """
    keys = library.docs.keys_for(path_or_id)
    if path_key(path_or_id) in keys:
        keys = [path_key(path_or_id)]
    if not keys:
        raise UnknownArticle(f"{path_or_id}: no article with that id or path in the library")
    if len(keys) > 1 and all(key.split("#", 1)[0] == path_key(path_or_id) for key in keys):
        raise UnknownArticle(
            f"{path_or_id} holds {len(keys)} articles; name one by its id "
            "(newsread show PATH --json lists them)"
        )
    if len(keys) > 1:
        # One id for the same text (or URL) saved in several files: the id cannot choose.
        named = ", ".join(sorted(keys)[:3]) + (", ..." if len(keys) > 3 else "")
        raise UnknownArticle(
            f"{path_or_id} is the id of {len(keys)} articles (one text or URL, saved in "
            f"{len(keys)} places): {named}; name one by its path"
        )
    article = library.docs.article(keys[0])
    if article is None:  # deleted between the two reads
        raise UnknownArticle(f"{path_or_id}: no article with that id or path in the library")
    return article


def key_terms(searcher: Any, article: Article, limit: int = KEY_TERMS) -> list[tuple[str, float]]:
    """The article's `limit` most telling index terms, (term, weight) by weight, highest first.

    Weight: (1 + log tf) * log(N / df), tf counting a title word TITLE_WEIGHT times, N and df
    counting live articles only (`live_statistics`). A term no
    other article has cannot find anything and is left out, as is one in every article or in
    more than MAX_TERM_SHARE of the library (and more than MIN_COMMON articles); and the terms
    together are in at most MAX_POSTINGS articles.
    """
    analyzer = _analyzer()
    counts: Counter[str] = Counter()
    for token in analyzer(article.title):
        counts[token.text] += TITLE_WEIGHT
    counts.update(token.text for token in analyzer(article.body[:MAX_TEXT_CHARS]))
    total = searcher.reader().doc_count()
    if total < 2:
        return []
    most = max(MIN_COMMON, int(total * MAX_TERM_SHARE))
    live = live_searcher(searcher)
    weighted = []
    for term, tf in counts.items():
        df = live.doc_frequency("body", term)
        if 2 <= df <= most and df < total:  # in every article, it tells none apart
            weighted.append((-(1 + math.log(tf)) * math.log(total / df), term, df))
    weighted.sort()
    chosen: list[tuple[str, float]] = []
    postings_read = 0
    for negative, term, df in weighted:
        if postings_read + df <= MAX_POSTINGS:
            chosen.append((term, -negative))
            postings_read += df
            if len(chosen) == limit:
                break
    return chosen


def similar(
    library: OpenIndex,
    path_or_id: str,
    *,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
    filters: dict[str, str] | None = None,
    facets: bool = True,
    snippets: bool = True,
) -> SearchResults:
    """The articles most like the one `path_or_id` names, best first, itself left out.

    At most MAX_SIMILAR articles make the list (`total`); `filters` narrows them to facet
    values as in `search`, and `facets` counts those in the list. `sort` "newest" or "oldest"
    orders that list by date (the same articles). `query` is "like: TITLE"; `like_file` says
    whether the article's file was deleted or changed since it was indexed (a stat).

    Raises:
        UnknownArticle: no article, or more than one, goes by `path_or_id`.
        NothingToSearch: the article has no word another article shares.
    """
    from whoosh import query

    started = time.perf_counter()
    sort = "newest" if sort == "date" else sort
    if sort not in SORTS:
        raise QueryError(f"unknown sort '{sort}'; use relevance, newest or oldest")
    article = find_article(library, path_or_id)
    with library.searcher() as searcher:
        terms = key_terms(searcher, article)
        if not terms:
            raise NothingToSearch(
                f"nothing to compare “{article.title or article.path}” by: "
                "it shares no telling word with another article"
            )
        top_weight = terms[0][1]
        q = query.Or([query.Term("body", t, boost=w / top_weight) for t, w in terms])
        scores = _scores(live_searcher(searcher), q)
        itself = searcher.document_number(key=article.key)
        story_of = stories.docnum_stories(library.docs, searcher, _column(searcher, "key"))
        if itself is not None:
            # Its other versions (the same story elsewhere, the page saved twice) are the
            # article itself too: `V` reads them; like it are the other stories.
            own = story_of[itself]
            scores = {d: s for d, s in scores.items() if story_of[d] != own}
        # As a search's: a facet value, or a period (the timeline narrows a list by date).
        conditions = [
            _filter_query(name, value) for name, value in (filters or {}).items() if value
        ]
        if conditions:
            allowed = _scores(searcher, query.And(conditions), scored=False)
            scores = {d: s for d, s in scores.items() if d in allowed}
        ranked = postings.top(scores, MAX_SIMILAR, _key_rank_array(searcher))
        if sort != "relevance":
            score_of = dict(ranked)
            by_date = _by_date(searcher, score_of, len(ranked), newest=sort == "newest")
            ranked = [(d, score_of[d]) for d in by_date]
        listed = [d for d, _ in ranked]
        facet_counts = _count_facets(searcher, listed) if facets else {}
        folders = folder_sources(searcher, facet_counts.get("source", ()))
        # When the articles like this one were published, as a search's hits are shown.
        timeline = (
            _timeline(searcher, numpy_module().array(listed, dtype="int64")) if facets else None
        )
        page = [(searcher.stored_fields(d), s) for d, s in ranked[offset : offset + limit]]
        page_stories = [stories.story_name(story_of[d]) for d, _ in ranked[offset : offset + limit]]
        story_count = stories.count_stories(story_of, listed)
    shown = frozenset(t for t, _ in terms[:SHOWN_TERMS])
    articles = library.docs.articles(f["key"] for f, _ in page) if snippets else {}
    keys = [fields["key"] for fields, _ in page]
    hits = tuple(
        make_hit(fields, score, articles.get(fields["key"]), shown, **story)
        for (fields, score), story in zip(
            page, story_fields(library.docs, keys, page_stories), strict=True
        )
    )
    return SearchResults(
        query=f"like: {article.title or article.path}",
        sort=sort,
        total=len(ranked),
        stories=story_count,
        hits=hits,
        terms=shown,
        facets=facet_counts,
        folder_sources=folders,
        timeline=timeline,
        elapsed=time.perf_counter() - started,
        like_file=file_changes(library.root, library.docs, [article.path]).get(article.path, ""),
    )


def _scores(searcher: Any, q: Any, scored: bool = True) -> dict[int, float]:
    """docnum -> score for every match: the posting-list evaluator, else Whoosh's matchers."""
    found = postings.evaluate(searcher, q, scored=scored)
    if found is not None:
        return found
    results = searcher.search(q, limit=None)
    return {hit.docnum: float(hit.score or 0.0) for hit in results}
