"""The Whoosh schema. Changing anything here must bump SCHEMA_VERSION: the index is rebuilt."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import STOP_WORDS, Analyzer, Filter, RegexTokenizer, Token
from whoosh.lang.porter2 import stem
from whoosh.util.times import datetime_to_long

from newsread.index.article import Article, in_utc
from newsread.index.folding import fold
from newsread.index.marks import (
    ASTRAL_MARKS,
    BMP_MARKS,
    JOINERS,
    UNSEEN,
    UNSPACED_RUN,
    has_unspaced,
)

SCHEMA_VERSION = 14
"""5: words folded (NFKC + case fold) and combining marks kept inside words.
6: the key is a column (stories are counted and folded per document number).
7: scripts without spaces (Chinese, Japanese, Thai ...) indexed as pairs of characters
(see `unspaced_pieces`).
8: single digits indexed (`left_out`).
9: `instant`, the date sorts' column (the UTC time; `published` is the page's wall time), and
single letters indexed, but where an apostrophe joins one to a word (`elided`).
10: Greek folded without accents (ΑΘΗΝΑ is Αθήνα), Russian ё as е (`fold`).
11: `period_end`, the last instant of an article dated by a year or month alone: a date
range matches such an article only when it holds the whole period (the rebuild also groups
again the stories of versions dated so: `Substance.latest`).
12: Arabic and Hebrew folded without vowel marks and tatweel, Arabic and Persian yeh, kaf and
alef written one way (`fold`: "محمد" finds "مُحَمَّد", "ایران" finds "ايران"); a word holds
the zero-width non-joiner and joiner that text keeps inside it, folded away ("می‌گویند").
13: Turkish İ and ı folded as i ("İstanbul" is "istanbul", "ILGI" is "ılgı"); a soft hyphen,
zero-width space, word joiner or byte order mark inside a word neither splits it nor stays in
it (`UNSEEN`), nor does a joiner a run of Chinese or Japanese ("処\u200d理水" holds 処理).
14: Latin letters folded without accents, as search engines fold them ("secheresse" finds
"sécheresse", "lodz" finds "Łódź", "nguyen" finds "Nguyễn"), and Cyrillic vowels without a
stress mark (`fold`)."""


CYRILLIC = re.compile("[\u0400-\u04ff]")


# With the zero-width non-joiner and joiner, which text keeps inside a word (`sanitise`), and
# the characters never seen, which split no word (`UNSEEN`).
_INSIDE_WORDS = JOINERS + UNSEEN
_WORD_CHARS = r"\w*" + BMP_MARKS + ASTRAL_MARKS + _INSIDE_WORDS
WORD_PATTERN = rf"[{_WORD_CHARS}]+(?:\.?[{_WORD_CHARS}]+)*"
"""A word as the index sees it: Whoosh's default pattern ("u.s.a" is one word), with
combining marks counted as part of the word."""
NAME_PATTERN = rf"[\w{BMP_MARKS}{ASTRAL_MARKS}{_INSIDE_WORDS}]+"
"""A word of a name field (source, author, URL): letters and digits, marks included."""
_BMP_WORD_CHARS = r"\w*" + BMP_MARKS + _INSIDE_WORDS
_BMP_WORDS = re.compile(rf"[{_BMP_WORD_CHARS}]+(?:\.?[{_BMP_WORD_CHARS}]+)*")
_WORDS = re.compile(WORD_PATTERN)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Piece:
    """A match-like part of a word: `group`, `start` and `end` as a regex match has them;
    `stacked` for a character indexed at the position of the pair it begins."""

    __slots__ = ("_end", "_start", "_text", "stacked")

    def __init__(self, text: str, start: int, end: int, stacked: bool = False) -> None:
        self._text, self._start, self._end, self.stacked = text, start, end, stacked

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def unspaced_pieces(matches: Iterator[Any], characters: bool = False) -> Iterator[Any]:
    """The words `matches` found, with every run of a script written without spaces (see
    `has_unspaced`: Chinese, Japanese, Thai ...) inside one split into
    overlapping pairs ("東京電力" -> "東京", "京電", "電力"; a lone character stays one piece),
    and with `characters` each character too, stacked on its pair (the last on the last pair).

    A sentence in Chinese, Japanese or Thai is one "word" to the word pattern, so no word in it
    could be found. Pairs are what Lucene's CJK analyzer indexes: a word of two characters or
    more is then the phrase of its pairs, without a dictionary; the characters (indexed, not
    searched for) find a word of one ("雨"). Letters and digits beside the run ("iPhone 15",
    "3日") stay words of their own.
    """
    for match in matches:
        word = match.group()
        if word.isascii() or not UNSPACED_RUN.search(word):
            yield match
            continue
        offset = match.start()
        done = 0
        for run in UNSPACED_RUN.finditer(word):
            if run.start() > done:
                yield _Piece(word[done : run.start()], offset + done, offset + run.start())
            text, start = run.group(), offset + run.start()
            letters = _letters_of(text)
            if len(letters) == 1:
                yield _Piece(text, start, start + 1)
            for at, to in zip(letters, letters[1:], strict=False):
                # (A pair holds the unseen characters between its letters: `fold` drops them.)
                yield _Piece(text[at : to + 1], start + at, start + to + 1)
                if characters:
                    yield _Piece(text[at], start + at, start + at + 1, stacked=True)
            if characters and len(letters) > 1:
                last = letters[-1]
                yield _Piece(text[last], start + last, start + last + 1, stacked=True)
            done = run.end()
        if done < len(word):
            yield _Piece(word[done:], offset + done, offset + len(word))


_UNSEEN_IN_RUN = re.compile(f"[{JOINERS}{UNSEEN}]")


def _letters_of(run: str) -> range | list[int]:
    """Where the letters of an `UNSPACED_RUN` are: all but the characters no one sees."""
    if _UNSEEN_IN_RUN.search(run) is None:
        return range(len(run))
    return [at for at, character in enumerate(run) if not _UNSEEN_IN_RUN.match(character)]


def word_pattern(text: str) -> re.Pattern[str]:
    """`WORD_PATTERN` compiled, or for a text with nothing beyond U+FFFF (nearly all) an
    equivalent pattern that splits it twice as fast (see `newsread.index.marks`)."""
    if text.isascii() or not _ASTRAL.search(text):
        return _BMP_WORDS
    return _WORDS


class FoldFilter(Filter):  # type: ignore[misc]
    """Whoosh's `LowercaseFilter`, folding as `fold` does."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


def stem_word(word: str) -> str:
    """Cyrillic words through the Russian Snowball stemmer, the rest through English porter2.

    porter2, not Whoosh's default `porter`, which stems "running" to "runn" so "run" misses it.
    Russian gets its own stemmer so "Кельмора" finds "Кельмор"; the script decides, so a query
    word is stemmed exactly as the same word was when indexed.
    """
    if CYRILLIC.search(word):
        return str(_russian()(word))
    return str(stem(word))


@lru_cache(maxsize=1)
def _russian() -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("ru")


ANALYSED_WORDS = 100_000
"""Words kept in `_analysed` at most (~20 MB); past that it starts again."""
_analysed: dict[str, tuple[str, str | None]] = {}
"""A word as written -> (folded, stemmed or None when left out), for every `StemAnalyzer` of
this process: folding and stemming once per distinct word (porter2 in Python is most of
analysis). One per process, not per analyzer, so that it outlives the schema each
sub-writer unpickles (`newsread.index.engine.parallel` hands it from batch to batch)."""


def analysed_words() -> dict[str, tuple[str, str | None]]:
    """What this process's analyzers have folded and stemmed so far (do not change it)."""
    return _analysed


def remember_analysed(words: dict[str, tuple[str, str | None]]) -> None:
    """Take words another process analysed (each entry as `analysed_words` gives them)."""
    if len(_analysed) + len(words) > ANALYSED_WORDS:
        _analysed.clear()
    _analysed.update(words)


class StemAnalyzer(Analyzer):  # type: ignore[misc]
    """Whoosh's `RegexTokenizer(WORD_PATTERN) | FoldFilter() | StopFilter() |
    StemFilter(stem_word)` fused into one loop.

    Same tokens, positions and offsets (a test compares them on real articles), but without
    four chained generators per word: analysis is a third of a build's time.
    """

    is_morph = True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemAnalyzer)

    def __hash__(self) -> int:
        return hash(StemAnalyzer)

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
        terms = _analysed
        matches: Any = word_pattern(value).finditer(value) if tokenize else [_Whole(value)]
        unspaced = tokenize and has_unspaced(value)
        if unspaced:
            # Single characters go into the index only: a query word is its pairs.
            matches = unspaced_pieces(matches, characters=mode == "index")
        pos = None
        for index, match in enumerate(matches):
            original = match.group()
            # A word as written -> (folded, stemmed or None when left out): folding and
            # stemming once per distinct word, not per occurrence.
            known = terms.get(original)
            if known is None:
                if len(terms) > ANALYSED_WORDS:
                    terms.clear()
                known = terms[original] = _fold_and_stem(original)
            text, stemmed = known
            if (
                stemmed is not None
                and len(text) < 2
                and tokenize
                and elided(text)
                and (text.isascii() or not UNSPACED_RUN.fullmatch(text))
                and beside_apostrophe(value, match.start(), match.end())
            ):
                stemmed = None  # the s of "Kelmor's": a letter is left out at an apostrophe
            token.boost = 1.0
            if keeporiginal or not tokenize:
                token.original = original
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if stemmed is None:
                if removestops:
                    continue
                token.stopped = True
                token.text = text
                if positions:
                    token.pos = start_pos + index
                yield token
                continue
            if positions:
                if pos is None or not (unspaced and type(match) is _Piece and match.stacked):
                    pos = start_pos + index if pos is None else pos + 1
                token.pos = pos
            token.stopped = False
            token.text = stemmed
            yield token

    def word_positions(self, value: str) -> dict[str, list[int]]:
        """Each term of `value` with its positions, as indexing takes them from
        `self(value, positions=True)` (stop words left out, in order of first occurrence),
        without a token object per word: Whoosh's `Positions` format asks for this when a
        document is added (`whoosh_internals`), a third of a sub-writer's work."""
        found: dict[str, list[int]] = {}
        if has_unspaced(value):
            # Pairs and stacked single characters: the analyzer's own positions.
            for token in self(value, positions=True, mode="index"):
                found.setdefault(token.text, []).append(token.pos)
            return found
        terms = _analysed
        pos = None
        for index, match in enumerate(word_pattern(value).finditer(value)):
            original = match.group()
            known = terms.get(original)
            if known is None:
                if len(terms) > ANALYSED_WORDS:
                    terms.clear()
                known = terms[original] = _fold_and_stem(original)
            stemmed = known[1]
            if stemmed is None or (
                len(stemmed) < 2
                and elided(known[0])
                and beside_apostrophe(value, match.start(), match.end())
            ):
                continue
            pos = index if pos is None else pos + 1
            places = found.get(stemmed)
            if places is None:
                found[stemmed] = [pos]
            else:
                places.append(pos)
        return found


def _fold_and_stem(word: str) -> tuple[str, str | None]:
    text = fold(word)
    if not text.isascii() and UNSPACED_RUN.fullmatch(text):
        return text, text  # A pair of characters (or a lone one): no stems, no stop words.
    if left_out(text):
        return text, None
    return text, stem_word(text)


def left_out(word: str) -> bool:
    """Whether the index leaves out this folded word: a stop word, or a single character
    that is no letter or digit. A single letter or digit stays: "plan b" is not every "plan",
    "x-ray" not every "ray", "1,000" (words "1" and "000") not "15,000", "Pier 7" not "Pier
    9" (but see `elided`)."""
    return word in STOP_WORDS or (len(word) < 2 and not word.isalnum())


APOSTROPHES = "'’"


def elided(word: str) -> bool:
    """Whether the index leaves out this folded word where an apostrophe joins it to
    another (`beside_apostrophe`): `left_out` words, and single letters, as the s of
    "Kelmor's", the t of "don't", the O of "O'Brien", the l of "l'économie" ("Kelmor's
    harbour" is still the phrase "kelmor harbour")."""
    return left_out(word) or (len(word) < 2 and not word.isdigit())


def beside_apostrophe(text: str, start: int, end: int) -> bool:
    """Whether the word at `text[start:end]` touches an apostrophe on either side."""
    return (start > 0 and text[start - 1] in APOSTROPHES) or (
        end < len(text) and text[end] in APOSTROPHES
    )


def analyse_word(word: str) -> str | None:
    """The term `word` is indexed under in titles and bodies (folded, then stemmed), or None
    for a word the index leaves out (`left_out`)."""
    return _fold_and_stem(word)[1]


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
    """Words, folded (see `fold`), nothing dropped: for sources, sections, authors, URLs."""
    return RegexTokenizer(NAME_PATTERN) | FoldFilter()


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True, sortable=True),
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
        # The page's own wall time: `date:` ranges, filters and the timeline go by the day the
        # article was dated (10:00+05:00 on 1 May is a 1 May article wherever it is read).
        published=fields.DATETIME(stored=True, sortable=True),
        # Only for an article dated by a year or month alone (`published` is the period's first
        # day): the period's last instant, so `date:` ranges and filters can ask for the whole
        # period (`whole_periods`) and the timeline can tell its grain (a column).
        period_end=fields.DATETIME(sortable=True),
        # The instant, for the date sorts (`instant`): a column only, nothing searches it.
        instant=fields.COLUMN(columns.NumericColumn("q", default=-1)),
        # Exact values for facet counts and filters (columns: no stored-field reads per hit).
        source_facet=fields.ID(sortable=True),
        section_facet=fields.ID(sortable=True),
        year=fields.NUMERIC(sortable=True, signed=False, bits=32),
        # Annotation-derived fields can be added here later (tags etc.); bump SCHEMA_VERSION.
    )


def index_fields(article: Article) -> dict[str, object]:
    """The Whoosh document for one article."""
    doc: dict[str, object] = {
        "key": article.key,
        "path": article.path,
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "source_facet": article.source,
        "section_facet": article.section,
    }
    for name, value in (
        ("source", article.source),
        ("section", article.section),
        ("authors", "; ".join(article.authors) or article.credit),
        ("url", article.url),
    ):
        if value:
            doc[name] = value
    if article.published:
        # Indexed and shown as the wall time the page gave; the zone stays in the doc store.
        doc["published"] = article.published.replace(tzinfo=None)
        doc["instant"] = instant(article.published)
        doc["year"] = article.published.year
        if article.period:
            doc["period_end"] = period_end(article.published.replace(tzinfo=None), article.period)
    return doc


def period_end(first: datetime, period: str) -> datetime:
    """The last instant of the `period` ("year" or "month") starting on `first`."""
    last = first.replace(month=12) if period == "year" else first
    days = monthrange(last.year, last.month)[1]
    return datetime.combine(last.replace(day=days).date(), datetime.max.time())


def instant(published: datetime) -> int:
    """`published` as the date sorts order a day's articles: its UTC time (`in_utc`, after
    the page's own day: `search.date_order`), in microseconds since
    0001-01-01 as Whoosh keeps a DATETIME field (so never negative: -1 is undated)."""
    return int(datetime_to_long(in_utc(published)))
