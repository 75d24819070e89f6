"""Term statistics of the live documents alone, for "more like this".

Whoosh counts a deleted document in its document frequencies, its document count and its
field lengths until the document's segment is merged, and a small library's segments never
are (`merging.MERGE_FROM_ARTICLES`). A search ranks by them as Lucene does; "more like this"
also picked its key terms by them, against the count of live articles: after most articles
that share a word were deleted, the word still looked common, and a library left with 40 of
its 100 articles found nothing like any article. `live_searcher` gives the statistics a
fresh build of the same articles gives, so the list is the same however the library got there.
"""

from __future__ import annotations

import math
from typing import Any

from whoosh.searching import Searcher

from newsread.index.engine import hits, postings, segment_cache, whoosh_internals

CACHED_FREQUENCIES = 200_000
"""Terms whose document frequency a searcher remembers (a few MB): an article's ~200 distinct
terms each cost a lookup in every segment (a posting read in one with deletions), and most
of them are common words that the next article has too."""


def live_searcher(searcher: Any) -> LiveSearcher:
    """A searcher of `searcher`'s reader with live statistics, made once per searcher (a
    searcher sees one state of the index, so its statistics never change)."""
    found = searcher.__dict__.get("_newsread_live")
    if found is None:
        found = searcher.__dict__["_newsread_live"] = LiveSearcher(searcher)
    return found  # type: ignore[no-any-return]


class LiveSearcher(Searcher):  # type: ignore[misc]
    """A Whoosh searcher whose document frequencies, inverse document frequencies and average
    field lengths count live documents only, for Whoosh's matchers (its BM25F scorers ask the
    top searcher for them) and the posting-list evaluator (`postings.evaluate`) alike.

    The average length is the mean of the live documents' length bytes (Whoosh keeps a
    field's exact total, not each document's): the same figure for the same articles,
    whatever was deleted beside them.
    """

    def __init__(self, searcher: Any) -> None:
        super().__init__(searcher.reader(), weighting=searcher.weighting, closereader=False)
        self._live = self.ixreader.doc_count()
        self._frequencies: dict[tuple[str, bytes], int] = {}
        self._averages: dict[str, float] = {}
        self._masks: dict[int, Any] = {}
        # Whoosh's searcher takes its reader's doc_frequency as its own, in its __init__.
        self.doc_frequency = self._doc_frequency

    def _subsearcher(self, reader: Any) -> Searcher:
        # A segment's searcher, as Whoosh makes them: its scorers ask this one (its parent).
        return Searcher(reader, fromindex=self._ix, weighting=self.weighting, parent=self)

    def _doc_frequency(self, fieldname: str, text: Any) -> int:
        """How many live documents have the term in `fieldname`."""
        btext = text if isinstance(text, bytes) else self.schema[fieldname].to_bytes(text)
        key = (fieldname, btext)
        found = self._frequencies.get(key)
        if found is None:
            if len(self._frequencies) >= CACHED_FREQUENCIES:
                self._frequencies.clear()
            found = 0
            for reader, _ in self.ixreader.leaf_readers():
                if not reader.has_deletions():
                    found += reader.doc_frequency(fieldname, btext)
                elif (fieldname, btext) in reader:
                    found += postings.live_count(reader, fieldname, btext, self._deleted(reader))
            self._frequencies[key] = found
        return found

    def idf(self, fieldname: str, text: Any) -> float:
        """Whoosh's inverse document frequency (`WeightingModel.idf`) of live documents."""
        key = (fieldname, text)
        found: float | None = self._idf_cache.get(key)
        if found is None:
            df = self.doc_frequency(fieldname, text)
            found = self._idf_cache[key] = math.log(self._live / (df + 1)) + 1
        return found

    def avg_field_length(self, fieldname: str, default: float | None = None) -> float | None:
        if not self.schema[fieldname].scorable:
            return default
        found = self._averages.get(fieldname)
        if found is None:
            leaves = self.ixreader.leaf_readers()
            total = sum(self._live_length(reader, fieldname) for reader, _ in leaves)
            found = self._averages[fieldname] = total / (self._live or 1)
        return found

    def _deleted(self, reader: Any) -> Any:
        """A segment's deleted documents as a mask of its documents."""
        mask = self._masks.get(id(reader))
        if mask is None:
            np = hits.numpy_module()
            mask = self._masks[id(reader)] = np.zeros(reader.doc_count_all(), np.bool_)
            mask[list(reader.deleted_docs_set)] = True
        return mask

    def _live_length(self, reader: Any, fieldname: str) -> int:
        """The sum of a segment's live documents' lengths of a field, as its length bytes
        say (0 for a document without one)."""
        from whoosh.util.numeric import byte_to_length

        np = hits.numpy_module()
        found = segment_cache.values(
            reader,
            f"length of {fieldname}",
            lambda: whoosh_internals.length_bytes(reader, fieldname) or [],
        )
        if not len(found):
            return 0
        table = np.array([byte_to_length(n) for n in range(256)], np.int64)
        lengths = table[np.asarray(found, np.int64)]
        if reader.has_deletions():
            lengths = lengths[~self._deleted(reader)[: len(lengths)]]
        return int(lengths.sum())
