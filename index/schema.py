"""The Whoosh schema. Changing anything here must bump SCHEMA_VERSION: the index is rebuilt."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from whoosh import fields
from whoosh.analysis import STOP_WORDS, Analyzer, LowercaseFilter, RegexTokenizer, Token
from whoosh.lang.porter2 import stem

from newsread.index.whoosh_fixes import patch_matchers

SCHEMA_VERSION = 4


CYRILLIC = re.compile("[\u0400-\u04ff]")


def stem_word(word: str) -> str:
    """Cyrillic words through the Russian Snowball stemmer, the rest through English porter2.

    porter2, not Whoosh's default `porter`, which stems "running" to "runn" so "run" misses it.
    Russian gets its own stemmer so "Кельмора" finds "Кельмор"; the script decides, so a query
    word is stemmed exactly as the same word was when indexed.
    """
    if CYRILLIC.search(word):
        return _russian()(word)
    return stem(word)


@lru_cache(maxsize=1)
def _russian() -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("ru")


class StemAnalyzer(Analyzer):  # type: ignore[misc]
    """Whoosh's `StemmingAnalyzer(stemfn=stem_word)` fused into one loop.

    Same tokens, positions and offsets (a test compares them on real articles), but without
    four chained generators per word: analysis is a third of a build's time.
    """

    is_morph = True
    _WORDS = re.compile(r"[\w\*]+(\.?[\w\*]+)*")  # Whoosh's default_pattern

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemAnalyzer)

    def __hash__(self) -> int:
        return hash(StemAnalyzer)

    def __getstate__(self) -> dict[str, Any]:
        return {}  # the stem cache is not part of the schema

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._stems = {}

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Any:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stems = self._stems
        stops = STOP_WORDS
        matches: Any = self._WORDS.finditer(value) if tokenize else [_Whole(value)]
        pos = None
        for index, match in enumerate(matches):
            original = match.group()
            text = original.lower()
            token.boost = 1.0
            if keeporiginal or not tokenize:
                token.original = original
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if len(text) < 2 or text in stops:
                if removestops:
                    continue
                token.stopped = True
                token.text = text
                if positions:
                    token.pos = start_pos + index
                yield token
                continue
            if positions:
                pos = start_pos + index if pos is None else pos + 1
                token.pos = pos
            token.stopped = False
            stemmed = stems.get(text)
            if stemmed is None:
                stemmed = stems[text] = stem_word(text)
                if len(stems) > 100_000:
                    stems.clear()
            token.text = stemmed
            yield token


class _Whole:
    """A match-like object for `tokenize=False`: the whole value is one token."""

    def __init__(self, value: str) -> None:
        self._value = value

    def group(self) -> str:
        return self._value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self._value)


def text_analyzer() -> Analyzer:
    """Stemming analyzer for titles and bodies (see `stem_word`)."""
    return StemAnalyzer()


def name_analyzer() -> Analyzer:
    """Words, lower-cased, nothing dropped: for sources, sections, authors, URLs."""
    return RegexTokenizer(r"\w+") | LowercaseFilter()  # type: ignore[no-any-return]


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),
        path=fields.ID(stored=True),
        id=fields.ID(stored=True),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0),
        # No `spelling=True`: its extra unstemmed fields doubled build time (measured on 3,000
        # articles: 38 s -> 20 s). "Did you mean" works from the stemmed body terms instead.
        body=fields.TEXT(analyzer=text, phrase=True),
        source=fields.TEXT(analyzer=names, stored=True, phrase=True),
        section=fields.TEXT(analyzer=names, stored=True, phrase=True),
        authors=fields.TEXT(analyzer=names, stored=True, phrase=True),
        url=fields.TEXT(analyzer=names, stored=True, phrase=True),
        published=fields.DATETIME(stored=True, sortable=True),
        # Exact values for facet counts and filters (columns: no stored-field reads per hit).
        source_facet=fields.ID(sortable=True),
        section_facet=fields.ID(sortable=True),
        year=fields.NUMERIC(sortable=True, signed=False, bits=32),
        # Annotation-derived fields can be added here later (tags etc.); bump SCHEMA_VERSION.
    )


_patched = False


def patch_whoosh() -> None:
    """Make Whoosh remember that a segment has no length column for a field.

    `W3PerDocReader._cached_reader` caches found column readers but not a missing one, so
    every posting of a field without lengths (the spelling fields) costs a `stat()` while
    segments are written and merged: ~500,000 stats for 3,000 articles, 17% of a build.
    Segment files never change once written, so caching the absence is safe.
    """
    global _patched
    if _patched:
        return
    from whoosh.codec import whoosh3

    def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            found = self.has_column(fieldname)
            reader = self.column_reader(fieldname, column) if found else None
            self._readers[fieldname] = reader
            return reader

    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    patch_matchers()
    _patched = True
