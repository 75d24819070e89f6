"""Queries over a library: parsing, bounded expansion, sorting, facets, snippets, suggestions.

Results are plain frozen dataclasses (never Whoosh objects) with match positions as character
offsets, so the UI styles them without ever treating article text as markup.
"""

from __future__ import annotations

import heapq
import re
import time
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as dtime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from newsread.index.engine import (
    hits,
    phrase_keys,
    postings,
    segment_cache,
    stories,
    tally,
    whoosh_internals,
)
from newsread.index.engine.cancel import Cancelled, check
from newsread.index.engine.schema import (
    CYRILLIC,
    analyse_word,
    beside_apostrophe,
    elided,
    left_out,
    stem_word,
    text_analyzer,
    unspaced_pieces,
    word_pattern,
)
from newsread.index.engine.whoosh_internals import patch_whoosh
from newsread.index.files.formats.markdown_syntax import strip_markdown
from newsread.index.folding import fold
from newsread.index.marks import BMP_MARKS, UNSPACED_RUN, has_unspaced
from newsread.index.results import (
    Hit,
    NothingToSearch,
    QueryError,
    QueryTooLarge,
    SearchCancelled,
    SearchResults,
    Snippet,
    from_folder,
)
from newsread.index.text import sanitise_line
from newsread.index.timeline import Timeline, month_key, parse_period, timeline_from

if TYPE_CHECKING:
    from newsread.index.annotations.model import ArticleRefs
    from newsread.index.annotations.store import AnnotationStore
    from newsread.index.article import Article
    from newsread.index.engine.docstore import DocStore
    from newsread.index.engine.open_index import OpenIndex

SORTS = ("relevance", "newest", "oldest")
"""How results are ordered; "date" is accepted as "newest" (news readers list newest first)."""
FACETS = ("source", "section", "year")
FIELDS = ("title", "body", "author", "authors", "source", "section", "url", "date", "published")
PREFIX_EXPANSIONS = 8
"""A prefix or wildcard term matches at most this many index terms (the most frequent)."""
FUZZY_EXPANSIONS = 3
EXPANSION_POSTINGS = 150_000
"""A prefix, wildcard or fuzzy term's words together reach at most this many articles (the
first word is always kept): a search costs ~1 ms per 1,000 postings at 100k articles, and
"con*" would otherwise read contract, company, continue... in full."""
TERM_SCAN_LIMIT = 5000
"""Index terms examined at most while expanding one prefix, wildcard or fuzzy term."""
TIME_LIMIT = 0.5
"""Seconds a search may spend collecting before it returns what it has (marked limited)."""
MATCHES_BEFORE_LIMIT = 1024
"""Matches a search always takes, however long it has taken: the time limit is looked at
after each run of this many (a few ms of work). On a loaded machine the limit had passed
before the first match was found, and a word range that matches 12 articles said "1"."""


MAX_QUERY_CHARS = 2000
"""The longest query; a longer one is refused before any work is done."""
MAX_NESTING = 20
"""The deepest nesting of parentheses."""
MAX_OPERATORS = 50
"""The most AND, OR, NOT, ANDNOT and ANDMAYBE operators in one query."""
MAX_FUZZY_WORDS = 5
"""The most fuzzy words (`word~`) in one query; each is looked up ~2,000 ways."""
MAX_FUZZY_EDITS = 2


# -- query parsing ---------------------------------------------------------------------------

ANNOTATION_FIELDS = ("tag", "note", "highlight", "has", "is")
_ANNOTATION_CLAUSE = re.compile(
    r'(?:^|(?<=[\s(]))(-|NOT\s+)?(tag|note|highlight|has|is):("[^"]*"|[^\s()]+)', re.IGNORECASE
)


@dataclass(frozen=True)
class AnnotationFilter:
    """The annotation clauses of a query (`tag:x`, `note:w`, `has:notes`, `is:unread` ...)."""

    tags: tuple[str, ...] = ()
    note_words: tuple[str, ...] = ()
    highlight_words: tuple[str, ...] = ()
    has_highlights: bool | None = None
    has_notes: bool | None = None
    starred: bool | None = None
    read: bool | None = None
    contradictory: bool = False
    """Two clauses no article can meet together (`is:read is:unread`): nothing matches."""

    def __bool__(self) -> bool:
        return self != AnnotationFilter()


_KNOWN_FIELD = "|".join(FIELDS + ANNOTATION_FIELDS)
_FIELD_START = rf"(?:{_KNOWN_FIELD}):|(?:date|published):(?:>=|<=|>|<)"
"""A field, or a date bound, before its word (`title:`, `date:>=`)."""
_FIELD_TIDY = re.compile(
    r'(?P<kept>"[^"]*"'  # a phrase, left as written, as is an annotation clause (tag:why?)
    r'|(?:^|(?<=[\s(]))(?:tag|note|highlight|has|is):(?:"[^"]*"|[^\s()]+))'
    rf"|(?:^|(?<=[\s(+\-]))(?:(?P<field>{_FIELD_START})\s+(?=[^\s)])|(?:{_FIELD_START})\s*(?=\)|$))"
    r"|\?+(?=[\s)]|$)",  # a question's mark ("who is varga?"), not a wildcard
    re.IGNORECASE,
)


def tidy_field_clauses(text: str) -> str:
    """`title: ferries` as `title:ferries` (`date:> 2016` as `date:>2016`), but `Title: …`
    with a capital as the word "Title" (a pasted line), and a field
    still waiting for its word (`ferries title:`, `ferries date:>`, as typed) left out,
    instead of searching for the word "title" or "date". A `?` ending a word is the
    question's punctuation, left out too (inside a word it is the one-letter wildcard).
    Phrases are left as written."""

    def tidy(match: re.Match[str]) -> str:
        field = match.group("field")
        if field and not field.split(":", 1)[0].islower():
            # `Note: the figures …`, `Source: Reuters`: a sentence or a line pasted, which
            # starts with a capital, not a clause typed (`note: 2009`); its words are searched.
            return field.split(":", 1)[0] + " "
        return match.group("kept") or field or ""

    text = text.strip()
    while True:  # "title: date:>" leaves "title:", which is left out in turn
        tidied = _FIELD_TIDY.sub(tidy, text).strip()
        if tidied == text:
            return tidied
        text = tidied


_JOINED_BEFORE = re.compile(r"\b(?:OR|ANDNOT)\s*$")
_JOINED_AFTER = re.compile(r"^\s*(?:OR|ANDNOT)\b")
_PHRASE = re.compile(r'"[^"]*"')


def _joined(text: str, start: int, end: int) -> bool:
    """Whether the clause at `text[start:end]` is joined to its neighbour by `OR` or `ANDNOT`,
    or sits in parentheses: where leaving it out and narrowing the rest would change what the
    query asks."""
    before = _PHRASE.sub(" phrase ", text[:start])  # a word: its parentheses are text
    return bool(
        _JOINED_BEFORE.search(before)
        or _JOINED_AFTER.match(text[end:])
        or before.count("(") > before.count(")")
    )


def split_annotation_clauses(text: str) -> tuple[str, AnnotationFilter]:
    """(the query without annotation clauses, those clauses). They combine with AND: they
    narrow the whole search, so one joined by `OR`/`ANDNOT` or in parentheses is refused.
    `text` as typed (`typed_marks`: `–is:starred` is `-is:starred`)."""
    text = tidy_field_clauses(typed_marks(text))
    found: dict[str, Any] = {"tags": [], "note_words": [], "highlight_words": []}

    def take(match: re.Match[str]) -> str:
        if _joined(match.string, match.start(), match.end()):
            raise QueryError(
                f"{match.group(0).strip()} narrows the whole search: it cannot be joined by OR "
                "or ANDNOT, nor put in parentheses"
            )
        negated = bool(match.group(1))
        name, value = match.group(2).lower(), match.group(3).strip('"')
        flags = {
            ("has", "highlights"): "has_highlights",
            ("has", "highlight"): "has_highlights",
            ("has", "notes"): "has_notes",
            ("has", "note"): "has_notes",
            ("is", "starred"): "starred",
            ("is", "read"): "read",
            ("is", "unread"): "read",
        }
        key = (name, value.lower())
        if key in flags:
            flag, wanted = flags[key], negated if key == ("is", "unread") else not negated
            if found.setdefault(flag, wanted) != wanted:
                found["contradictory"] = True
        elif name in ("has", "is"):
            raise QueryError(
                f"{name}:{value} is unknown; use has:highlights, has:notes, "
                "is:starred, is:read or is:unread"
            )
        elif negated:
            raise QueryError(f"{name}: cannot be negated; search for what you want instead")
        else:
            lists = {"tag": "tags", "note": "note_words", "highlight": "highlight_words"}
            words = [value] if name == "tag" else value.split()
            found[lists[name]].extend(w for w in words if w)
        return " "

    rest = _ANNOTATION_CLAUSE.sub(take, text)
    for name in ("tags", "note_words", "highlight_words"):
        found[name] = tuple(found[name])
    return " ".join(rest.split()), AnnotationFilter(**found)


_FIELD_REF = re.compile(r"(?:^|[\s(+\-])([A-Za-z_]\w*):(?=\S)")
_DATE_BOUND = re.compile(
    r"\bdate:(>=|<=|>|<)(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\b", re.IGNORECASE
)


def _period_end(year: int, month: int | None, day: int | None) -> date:
    if day:
        return date(year, month or 1, day)
    if month:
        return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return date(year, 12, 31)


_DATE_SPAN = re.compile(
    r"\bdate:(\d{4}(?:-\d{1,2}){0,2})?\.\.(\d{4}(?:-\d{1,2}){0,2})?(?![\w.-])", re.IGNORECASE
)


def _period(text: str, whole: str) -> tuple[date, date]:
    """The first and last day of the year, month or day `text` (2017, 2017-05, 2017-05-30)."""
    year, month, day = (*(int(part) for part in text.split("-")), None, None)[:3]
    assert year is not None
    try:
        return date(year, month or 1, day or 1), _period_end(year, month, day)
    except ValueError:
        raise QueryError(f"{whole}: not a valid date") from None


def _rewrite_date_bounds(text: str) -> str:
    """`date:>2016` means after 2016 (from 2017), `date:<2017-05` before May 2017, and
    `date:2016..2017-05` from the start of 2016 to the end of May 2017 (either end open)."""

    def span(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        if not first and not last:
            raise QueryError(f"{match.group(0)}: {_DATE_HELP}")
        start = _period(first, match.group(0))[0].isoformat() if first else ""
        end = _period(last, match.group(0))[1].isoformat() if last else ""
        return f"date:[{start} TO {end}]".replace("[ TO", "[TO").replace("TO ]", "TO]")

    def rewrite(match: re.Match[str]) -> str:
        op = match.group(1)
        start, end = _period(match.group(0).split(op, 1)[1], match.group(0))
        if op == ">":
            return f"date:[{(end + timedelta(days=1)).isoformat()} TO]"
        if op == ">=":
            return f"date:[{start.isoformat()} TO]"
        if op == "<":
            return f"date:[TO {(start - timedelta(days=1)).isoformat()}]"
        return f"date:[TO {end.isoformat()}]"

    return _DATE_BOUND.sub(rewrite, _DATE_SPAN.sub(span, _padded_dates(text)))


_DATE_VALUE = re.compile(r"""\b((?:date|published):)("[^"\s]*"|\[[^\]]*\]|\{[^}]*\}|\S+)""", re.I)
_ONE_DIGIT = re.compile(r"(?<![\w.])(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\w.])")


def _padded_dates(text: str) -> str:
    """The dates of `date:` clauses written as Whoosh reads them: a month or day of one digit
    padded (`date:2019-3` is March 2019: Whoosh drops the dashes and read "20193" as the year
    2019, "2019108" as October 2019), a quoted date unquoted (`date:"2019"` was the date
    2019-01-01T00:00 and matched nothing)."""

    def pad(match: re.Match[str]) -> str:
        year, month, day = match.groups()
        return f"{year}-{int(month):02}" + (f"-{int(day):02}" if day else "")

    def clause(match: re.Match[str]) -> str:
        value = match.group(2)
        if len(value) > 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        value = _ONE_DIGIT.sub(pad, value)
        for written in _DATE_DIGITS.findall(value.replace("..", " ")):
            if sum(c.isdigit() for c in written) not in _DATE_LENGTHS:
                # Whoosh reads the digits it can: `date:20190` was 2019, `date:2019053` May.
                raise QueryError(f"{match.group(0)}: {_DATE_HELP}")
        return match.group(1) + value

    return _DATE_VALUE.sub(clause, text)


_DATE_DIGITS = re.compile(r"\d+(?:[-.]\d+)*")
_DATE_LENGTHS = frozenset({4, 6, 8, 10, 12, 14, 20})
"""How many digits a date can have, dashes left out: a year, a month, a day, then an hour,
minutes, seconds and microseconds (one instant: `date:20190101000000000000`)."""


_OPERATOR = re.compile(r"(?<![\w:])(?:AND|OR|NOT|ANDNOT|ANDMAYBE)(?![\w:])")
_FUZZY_WORD = re.compile(r"([^\s()~^:]+)~(\d*)")


def _check_bounds(text: str) -> None:
    """Refuse, in the user's terms, a query over a stated bound: its cost (and Whoosh's
    recursion) would grow with it."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLarge(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(depth, deepest)
    if deepest > MAX_NESTING:
        raise QueryTooLarge(
            f"too many nested parentheses ({deepest} levels; at most {MAX_NESTING})"
        )
    stripped = re.sub(r'"[^"]*"(?:~\d*)?', "", text)  # a phrase, with its slop
    operators = len(_OPERATOR.findall(stripped))
    if operators > MAX_OPERATORS:
        raise QueryTooLarge(
            f"too many operators ({operators} of AND, OR, NOT; at most {MAX_OPERATORS})"
        )
    fuzzy = _FUZZY_WORD.findall(stripped)
    if len(fuzzy) > MAX_FUZZY_WORDS:
        raise QueryTooLarge(f"too many fuzzy words ({len(fuzzy)}; at most {MAX_FUZZY_WORDS})")
    for word, edits in fuzzy:
        if len(word) > FUZZY_MAX_CHARS:
            raise QueryTooLarge(
                f"a fuzzy word has at most {FUZZY_MAX_CHARS} letters ('{word[:12]}…~')"
            )
        if edits and not 1 <= int(edits) <= MAX_FUZZY_EDITS:
            raise QueryTooLarge(f"'{word}~{edits}': a fuzzy word allows 1 or 2 edits")


def _check_syntax(text: str) -> None:
    _check_bounds(text)
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    depth = 0
    for char in re.sub(r'"[^"]*"', "", text):  # a bracket inside a phrase is its text
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("unbalanced parentheses: a ')' has no '('")
    if depth:
        raise QueryError("unbalanced parentheses: a '(' is never closed")
    for phrase in re.findall(r'"([^"]*)"', text):
        if "*" in phrase or re.search(r"\w\?\w", phrase):
            # Whoosh searched "kelmor harb*" for the word "harb": no article, and no word why.
            raise QueryError(
                f'a wildcard does not work inside quotes: "{phrase}" is searched word for word; '
                "leave the quotes off"
            )
    stripped = re.sub(r'"[^"]*"(?:~\d*)?', "", text)  # a phrase, with its slop
    boost = re.search(r"(\S*)\^(?=[^\d\s.)])", stripped)
    if boost:
        # "harbour^abc" was searched as the words "harbour abc": nothing, and no word why.
        raise QueryError(f"a boost is a number, as in {boost.group(1) or 'harbour'}^3")
    for name in _FIELD_REF.findall(stripped):
        if name.lower() not in FIELDS + ANNOTATION_FIELDS:
            raise QueryError(
                f"unknown field '{name}:'; use title:, author:, source:, section:, url:, "
                "date:, tag:, note:, highlight:, has: or is:"
            )


_TYPED_QUOTE = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_TYPED_MINUS = re.compile("(?:^|(?<=[\\s(]))[\u2013\u2014\u2212](?=[^\\s)\u2013\u2014\u2212-])")


_TAG_CLAUSE = re.compile(r'((?<![^\s(])tag:(?:"[^"]*"|\S+))', re.IGNORECASE)
_BAR = re.compile(r"(?<!\S)\|\|?(?!\S)")


def typed_marks(text: str) -> str:
    """`text` with the marks a word processor or phone types read as the query's own: double
    quotation marks of any style (“ ” „ « ») as `"`, and an en or em dash or minus sign
    before a word (`flood –velna`) as `-`. “kelmor harbour” searched the two words anywhere
    (7 articles where the phrase is in 2), and `–velna` searched "velna": the opposite.
    A `|` or `||` between words (outside a phrase) is `OR`, as in web searches and code:
    `kelmor | velna` searched both words."""
    if not text.isascii():
        # A tag is named as it was written (`tag:«draft»`: tags keep such marks).
        parts = _TAG_CLAUSE.split(text)
        text = "".join(
            part if n % 2 else _TYPED_MINUS.sub("-", _TYPED_QUOTE.sub('"', part))
            for n, part in enumerate(parts)
        )
    if "|" in text:
        parts = re.split(r'("[^"]*")', text)  # not inside a phrase
        text = "".join(part if part[:1] == '"' else _bars(part) for part in parts)
    return text


def _bars(text: str) -> str:
    """`text` (no phrase) with a `|` or `||` between words read as `OR`: alone (`kelmor |
    velna`), or between two words without spaces (`kelmor|velna` was the phrase "kelmor
    velna"), but not inside a field's value or an address (`url:site/a|b`)."""
    text = _BAR.sub("OR", text)

    def joined(match: re.Match[str]) -> str:
        written = match.group()
        if ":" in written or "/" in written:
            return written
        written = _JOINED_BAR.sub(" OR ", written)
        # A dash typed after the bar is a minus now that a space is before it (`a|–b`).
        return written if written.isascii() else _TYPED_MINUS.sub("-", written)

    return _WORD_RUN.sub(joined, text) if "|" in text else text


_JOINED_BAR = re.compile(r"(?<=[^\s|])\|\|?(?=[^\s|])")
_WORD_RUN = re.compile(r"\S+")


_PASTED_URL = re.compile(
    r"(?<![\w:\"'<])<?(?P<address>(?:https?://|www\.)[^\s<>\"()]*)>?|"
    r"(?<![\w\"'])(?P<field>url:)(?P<value>https?://[^\s\"()]*)",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_TRACKING = re.compile(r"^(?:utm_\w*|fbclid|gclid|dclid|msclkid|igshid|mc_cid|mc_eid)$", re.I)


def _pasted_urls(text: str) -> str:
    """A web address typed or pasted alone (`https://site/page`, `www.site/page`, in `<>`)
    searched in `url:`, as `url:https://site/page` is: it was refused as the unknown field
    "https:". In `url:` a page's address is its site and path (`page_address`)."""

    def address(match: re.Match[str]) -> str:
        return "url:" + page_address(match.group("address") or match.group("value"))

    parts = re.split(r'("[^"]*")', text)  # not inside a phrase
    return "".join(part if part[:1] == '"' else _PASTED_URL.sub(address, part) for part in parts)


def page_address(url: str) -> str:
    """`url` as it names a page whichever way it was copied: without its scheme, `www.`, the
    fragment (`#comments`) and the parameters that only track the click (`utm_source`,
    `fbclid` ...). The same page's address with `http:`, without `www.` or from a shared link
    found nothing: the phrase of its parts is not in the address the article gives."""
    url = url.split("#", 1)[0]
    address, _, query = url.partition("?")
    kept = [p for p in query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])]
    address = _SCHEME.sub("", address).rstrip("/.,;")
    return address + ("?" + "&".join(kept) if kept else "")


def _lowercase_fields(text: str) -> str:
    """`TITLE:x`, `Source:x` as `title:x`, `source:x`: Whoosh's field names are case-sensitive,
    and it searched "TITLE:kelmor" as words of no field (1 article where title:kelmor has 16)."""

    def lower(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.islower() or name.lower() not in FIELDS:
            return match.group(0)
        cut = match.start(1) - match.start(0)
        return match.group(0)[:cut] + name.lower() + ":"

    return _FIELD_REF.sub(lower, text)


def _parser(schema: Any) -> Any:
    from whoosh import qparser

    patch_whoosh()
    parser = _parser_class()(None, schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.MultifieldPlugin(["title", "body"]))  # as MultifieldParser
    parser.add_plugin(_surface_fuzzy_plugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin({"authors": ["author"], "published": ["date"]}))
    # A minus before a word, "a phrase", (a group) or field:value excludes it, as NOT does and
    # as in web and mail searches; a hyphen inside a word ("covid-19") stays part of the word.
    parser.replace_plugin(qparser.OperatorsPlugin(Not=_NOT))
    # Whoosh finds a range's "TO" inside words too: [storm TO] was [s TO rm to].
    parser.replace_plugin(qparser.RangePlugin(re.compile(_RANGE, re.VERBOSE)))
    return parser


@lru_cache(maxsize=1)
def _parser_class() -> Any:
    from whoosh import qparser, query

    class Parser(qparser.QueryParser):  # type: ignore[misc]
        """Whoosh's parser, with a word the analyzer splits searched as the phrase of its
        parts: "covid-19", "1,000", and a word of a script written without spaces (Chinese,
        Japanese, Korean, Thai ...) as the character pairs the index holds ("東京電力":
        "東京 京電 電力" in that order)."""

        def term_query(
            self,
            fieldname: str,
            text: str,
            termclass: Any,
            boost: float = 1.0,
            tokenize: bool = True,
            removestops: bool = True,
        ) -> Any:
            if termclass is query.Prefix and len(text) > 1 and has_unspaced(text):
                # "東京電*": the pairs are parts of words already; no pair starts "東京電".
                return super().term_query(fieldname, text, query.Term, boost)
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)

        def multitoken_query(
            self, spec: str, texts: list[str], fieldname: str, termclass: Any, boost: float
        ) -> Any:
            # A word the analyzer splits is the phrase of its parts: "1,000" is "1 000", not
            # a 1 and a 000 anywhere in the article (as in "15,000 tonnes, 1 ship").
            return query.Phrase(fieldname, texts, boost=boost)

    return Parser


_RANGE = r"""
    (?P<open>\{|\[)\s*
    (?P<start>('[^']*?'\s+)|([^\]}]+?(?=\s+[Tt][Oo](?:\s|[\]}]))))?
    \s*[Tt][Oo](?=\s|[\]}])
    (?P<end>(\s+'[^']*?')|(\s+[^\]}\s][^\]}]*?))?
    \s*(?P<close>}|])
"""


_NOT = r"(^|(?<=(\s|[()])))(NOT(?=\s)|-(?=[^\s)\-]))"


@lru_cache(maxsize=1)
def _surface_fuzzy_plugin_class() -> Any:
    from whoosh import fields, qparser, query

    class SurfaceFuzzyPlugin(qparser.FuzzyTermPlugin):  # type: ignore[misc]
        """`word~` keeps the word as typed (folded, not stemmed): its neighbours are words.

        Whoosh stems the word first, so "interes~" became "inter~" and reached "intern",
        the stem of "international", six edits from what was typed.
        """

        class FuzzyTermNode(qparser.FuzzyTermPlugin.FuzzyTermNode):  # type: ignore[misc]
            def query(self, parser: Any) -> Any:
                fieldname = self.fieldname or parser.fieldname
                if fieldname and not isinstance(parser.schema[fieldname], fields.TEXT):
                    raise QueryError(f"'{self.text}~': only words can be fuzzy, not {fieldname}")
                if has_unspaced(self.text):  # Character pairs have no spelling to be near.
                    return parser.term_query(fieldname, self.text, query.Term, self.boost)
                return query.FuzzyTerm(
                    fieldname,
                    fold(self.text),
                    boost=self.boost,
                    maxdist=self.maxdist,
                    prefixlength=self.prefixlength,
                )

    return SurfaceFuzzyPlugin


def _surface_fuzzy_plugin() -> Any:
    return _surface_fuzzy_plugin_class()()


def parse_query(text: str, schema: Any, *, whole: bool = True) -> Any:
    """The Whoosh query for `text`; raises `QueryError` with one line when it is malformed.

    `whole=False` matches an article dated by a period in a range its period overlaps
    (`overlapping_periods`), not only in one holding it (`whole_periods`)."""
    from whoosh import query

    text = typed_marks(text)
    _check_syntax(text)
    parsed = _plain_words(text)
    if parsed is None:
        rewritten = _rewrite_date_bounds(_lowercase_fields(text))
        try:
            parsed = _parser(schema).parse(rewritten)
        except Exception as error:  # noqa: BLE001 - Whoosh raises bare Exception for bad dates
            raise QueryError(_describe(error)) from None
    if parsed is query.NullQuery or isinstance(parsed, type(query.NullQuery)):
        if _DATE_FIELD.search(text):
            raise QueryError(_DATE_HELP)
        raise NothingToSearch("nothing to search for: only very common words or symbols")
    _check_dates(parsed, schema)
    return whole_periods(parsed) if whole else overlapping_periods(parsed)


_PLAIN_WORDS = re.compile(r"[A-Za-z0-9]+(?:\s+[A-Za-z0-9]+)*")
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE", "TO"})


def _plain_words(text: str) -> Any:
    """The query Whoosh's parser makes of plain words ("oil prices"): each word, analysed, in
    the title or the body, all of them required. None for anything else (an operator, a
    field, a phrase, a wildcard, punctuation, letters beyond ASCII).

    Most queries, and most of what is typed, are plain words; the parser's dozen plugins
    take milliseconds to find none of their syntax in them.
    """
    from whoosh import query

    if not _PLAIN_WORDS.fullmatch(text):
        return None
    words = text.split()
    if not _OPERATOR_WORDS.isdisjoint(words):
        return None
    return query.And(
        [
            query.Or([query.Term(name, term) for name in ("title", "body")])
            for term in map(analyse_word, words)
            if term is not None
        ]
    ).normalize()


_DATE_HELP = (
    "not a date; use date:2017, date:2017-05, date:2017-05-30, date:>2016, "
    "date:2016..2017-05 or date:[2017-05-01 TO 2017-06-01]"
)


_DATE_FIELD = re.compile(r"\b(?:date|published):", re.IGNORECASE)


def _check_dates(q: Any, schema: Any) -> None:
    """A date word the parser let through (date:"" or date:"0000"), or a word of no field,
    is a query error here, not an exception from Whoosh in the middle of searching."""
    from whoosh import query

    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if getattr(leaf, "error", None) is not None:
            # A field value Whoosh could not read ("date:yesterday") is an empty query that
            # carries the error: beside other words it made the query match nothing, or
            # (after OR) dropped the date silently.
            raise QueryError(_DATE_HELP)  # date: is the only field with values to read
        fieldname = getattr(leaf, "fieldname", "")
        if fieldname is None or (fieldname and fieldname not in schema):
            # Whoosh leaves a stray operator as a word of no field: "(^3)" is a boost of
            # nothing, which would fail mid-search (and pass for a damaged index).
            raise QueryError(
                f"“{getattr(leaf, 'text', '')}” is not a word to search for; "
                "a boost goes after a word (harbour^3)"
            )
        if isinstance(leaf, query.Term) and leaf.fieldname == "published":
            try:
                schema["published"].to_bytes(leaf.text)
            except Exception:  # noqa: BLE001 - Whoosh raises bare Exception for bad dates
                raise QueryError(_DATE_HELP) from None
        if (
            isinstance(leaf, query.NumericRange)
            and leaf.fieldname == "published"
            and None not in (leaf.start, leaf.end)
            and leaf.start > leaf.end
        ):
            # date:[2020 TO 1990] matched nothing, and "no articles match" sent the user
            # looking for a fault in the words.
            raise QueryError(
                "the date range ends before it starts; put the earlier date first, "
                "as in date:[2017-05-01 TO 2017-06-01] or date:2016..2018"
            )


def whole_periods(q: Any) -> Any:
    """`q` with every range of `published` (a `date:` clause, a date filter) matching an
    article dated by a year or month alone only when it holds that whole period: `date:2019`
    and `date:>=2018` hold the year 2019, `date:2019-01` and `date:2019-01..2019-06` do not
    (it is not known to be from those months). The one place this rule is made.

    The period's first day is `published`, so a range holding it starts early enough; it
    must also end no sooner than the period does (`period_end`, indexed for those articles
    alone). A range open at its end holds every period that starts in it.
    """
    from whoosh import query
    from whoosh.util.times import datetime_to_long

    if isinstance(q, query.NumericRange | query.Term) and q.fieldname == "published":
        if isinstance(q, query.Term):  # one instant (Whoosh's exact datetime): no period fits
            end, beyond = datetime_to_long(q.text), 1
        else:
            end, beyond = q.end, int(not q.endexcl)
        if end is None:
            return q
        later = query.NumericRange("period_end", end + beyond, None, constantscore=True)
        return query.AndNot(q, later)
    return q.apply(whole_periods)


def overlapping_periods(q: Any) -> Any:
    """`q` with every range of `published` matching an article dated by a year or month alone
    when that period and the range overlap: what `whole_periods` would match were the article
    known to be from the range (`date:2019-06` and an article dated 2019)."""
    from whoosh import query
    from whoosh.util.times import datetime_to_long

    if isinstance(q, query.NumericRange | query.Term) and q.fieldname == "published":
        if isinstance(q, query.Term):
            start = end = datetime_to_long(q.text)
            startexcl = endexcl = False
        else:
            start, end, startexcl, endexcl = q.start, q.end, q.startexcl, q.endexcl
        begun = query.NumericRange("published", None, end, endexcl=endexcl, constantscore=True)
        ended = query.NumericRange("period_end", start, None, startexcl=startexcl)
        return query.Or([q, query.And([begun, ended])])
    return q.apply(overlapping_periods)


def _describe(error: Exception) -> str:
    """One line for the user: Whoosh's own message is Python's ("list index out of range")."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if "parseable date" in message:
        return message.replace("'", "") + "; use e.g. date:[2017-05-01 TO 2017-06-01]"
    return "newsread cannot read this query; check its AND, OR, NOT and parentheses"


# -- bounded expansion -----------------------------------------------------------------------


Verifier = Callable[[str, str, set[str]], set[str]]
"""(field, index term, words that analyse to it) -> those of the words articles really use."""


def _bound(
    q: Any,
    reader: Any,
    notes: list[str],
    verify: Verifier | None = None,
    cancelled: Cancelled | None = None,
) -> Any:
    """Replace prefix/wildcard/fuzzy terms by their most frequent expansions (capped).

    A fuzzy word's expansions are the words one edit away that `verify` finds in articles
    (all indexed ones when it is None), each searched as that word would be. `cancelled` is
    asked while the index's words are walked.
    """
    from whoosh import query

    if isinstance(q, query.Every):
        return q
    if isinstance(q, (query.Prefix, query.Wildcard, query.FuzzyTerm, query.Regex)):
        fieldname = q.fieldname
        if isinstance(q, query.FuzzyTerm):
            cap = FUZZY_EXPANSIONS
            if q.maxdist == 1:
                scored = [
                    (frequency, term)
                    for frequency, term, _ in _fuzzy_words(reader, fieldname, q.text, verify)
                ]
            else:  # Whoosh's automaton over index terms (stems): slower, but two edits
                stem = analyse_word(q.text) if fieldname in ("title", "body") else q.text
                candidates = whoosh_internals.terms_within(
                    reader, fieldname, stem or q.text, q.maxdist, 1, cancelled
                )
                scored = _by_frequency(reader, fieldname, candidates, q, notes, cancelled)
                scored.sort(key=lambda pair: pair[1] != stem)  # the word as typed first
        elif isinstance(q, (query.Prefix, query.Wildcard)):
            cap = PREFIX_EXPANSIONS
            scored = _pattern_frequencies(reader, q, notes, cancelled)
        else:
            cap = PREFIX_EXPANSIONS
            scored = _by_frequency(reader, fieldname, q._btexts(reader), q, notes, cancelled)
        kept, postings_read = 0, 0
        for frequency, _ in scored[:cap]:
            if kept and postings_read + frequency > EXPANSION_POSTINGS:
                break
            kept += 1
            postings_read += frequency
        if len(scored) > kept:
            words = "most common word" if kept == 1 else f"{kept} most common words"
            notes.append(f"'{_show(q)}' limited to its {words}")
        terms = [term for _, term in scored[:kept]]
        if not terms:
            return query.NullQuery
        return query.Or([query.Term(fieldname, t, boost=q.boost) for t in terms])
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _bound(sub, reader, notes, verify, cancelled))


def _by_frequency(
    reader: Any,
    fieldname: str,
    candidates: Iterable[Any],
    q: Any,
    notes: list[str],
    cancelled: Cancelled | None = None,
) -> list[tuple[int, Any]]:
    """(document frequency, term) for the first TERM_SCAN_LIMIT candidates, most frequent first."""
    scored = []
    for n, term in enumerate(candidates):
        if not n & 255:
            check(cancelled)
        if n >= TERM_SCAN_LIMIT:
            notes.append(f"'{_show(q)}' matches too many words; searched the most common")
            break
        scored.append((reader.doc_frequency(fieldname, term), term))
    scored.sort(reverse=True)
    return scored


def _pattern_frequencies(
    reader: Any, q: Any, notes: list[str], cancelled: Cancelled | None = None
) -> list[tuple[int, Any]]:
    """`_by_frequency` for a prefix or wildcard: its first TERM_SCAN_LIMIT words (in the
    index's order), most frequent first, each word's frequency read with it from each
    segment's term list in one pass. Looked up word by word instead, each in every segment,
    `a*` took 0.9 s of CPU on 2,500 articles in 15 segments (the app's library while it is
    built), 0.05 s this way."""
    from whoosh import query

    fieldname = q.fieldname
    accept: Callable[[bytes], bool] | None = None
    prefix = q.text
    lines: re.Pattern[str] | None = None
    if isinstance(q, query.Wildcard):
        prefix = q._find_prefix(q.text)
        pattern, from_bytes = re.compile(q._get_pattern()), reader.schema[fieldname].from_bytes
        accept = lambda btext: pattern.match(from_bytes(btext)) is not None  # noqa: E731
        lines = _line_pattern(q.text) if fieldname in _TEXT_FIELDS else None
    frequencies: dict[bytes, int] = {}
    for segment, _ in reader.leaf_readers():
        # A segment's first TERM_SCAN_LIMIT + 1 words hold every word of the first
        # TERM_SCAN_LIMIT + 1 of all segments' that it has: enough to say there were more.
        kept = 0
        listed = _term_list(segment, fieldname) if lines is not None else None
        if lines is not None and listed is not None and listed.text is not None:
            check(cancelled)
            for match in lines.finditer(listed.text):
                kept += 1
                if kept > TERM_SCAN_LIMIT + 1:
                    break
                btext = match.group().encode("utf-8")
                frequency = listed.frequency(match.start())
                frequencies[btext] = frequencies.get(btext, 0) + frequency
            continue
        for n, (btext, info) in enumerate(segment.iter_prefix(fieldname, prefix)):
            if not n & 255:
                check(cancelled)
            if accept is not None and not accept(btext):
                continue
            kept += 1
            if kept > TERM_SCAN_LIMIT + 1:
                break
            frequencies[btext] = frequencies.get(btext, 0) + info.doc_frequency()
    words = sorted(frequencies)
    if len(words) > TERM_SCAN_LIMIT:
        notes.append(f"'{_show(q)}' matches too many words; searched the most common")
        words = words[:TERM_SCAN_LIMIT]
    return sorted(((frequencies[word], word) for word in words), reverse=True)


_TEXT_FIELDS = frozenset(("title", "body"))
"""The fields whose terms `_pattern_frequencies` may match as one `TermList` (UTF-8 words)."""


def _line_pattern(wildcard: str) -> re.Pattern[str] | None:
    """A wildcard (`*` any letters, `?` one) as a pattern of whole lines: it finds in a
    `TermList`'s text the terms Whoosh's `fnmatch` pattern matches one at a time. None for
    a wildcard with a `[...]` class: the terms are walked for it."""
    if "[" in wildcard:
        return None
    parts = {"*": "[^\n]*", "?": "[^\n]"}
    return re.compile(
        "^" + "".join(parts.get(char) or re.escape(char) for char in wildcard) + "$",
        re.MULTILINE,
    )


def _term_list(segment: Any, fieldname: str) -> whoosh_internals.TermList:
    """The segment's `TermList` of `fieldname`, read once for as long as the segment lives."""
    return segment_cache.values(
        segment, f"terms:{fieldname}", lambda: whoosh_internals.term_list(segment, fieldname)
    )


_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ACCENTED = frozenset("àâäçéèêëîïôöùûüÿñß")
_CYRILLIC_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
FUZZY_CANDIDATES = 8
"""A fuzzy or misspelt word's most frequent neighbour terms checked against article text."""


def _one_edit_variants(word: str) -> set[str]:
    """`word` and the words one deletion, insertion, substitution or swap of neighbours from
    it, keeping its first letter (its first two in a word of two or three letters).

    The swap ("comapny") is the commonest typo, which plain Levenshtein distance counts as two
    edits. The letters tried are the word's own alphabets, not every alphabet: a 30-letter
    word has ~2,300 variants.
    """
    keep = 1 if len(word) > 3 else min(len(word), 2)
    head, tail = word[:keep], word[keep:]
    letters = set(_ASCII) | set(word)
    if not word.isascii():
        letters |= _CYRILLIC_LETTERS if CYRILLIC.search(word) else _ACCENTED
    variants = {word}
    for i in range(len(tail) + 1):
        before, after = tail[:i], tail[i:]
        if after:
            variants.add(head + before + after[1:])
            if len(after) > 1:
                variants.add(head + before + after[1] + after[0] + after[2:])
        for letter in letters:
            variants.add(head + before + letter + after)
            if after:
                variants.add(head + before + letter + after[1:])
    variants.discard("")
    return variants


def _fuzzy_words(
    reader: Any, fieldname: str, word: str, verify: Verifier | None
) -> list[tuple[int, str, str]]:
    """(document frequency, index term, word) for the words one edit from `word` (folded)
    that the library uses, `word` itself first, then the most frequent; at most
    FUZZY_EXPANSIONS + 1 of them.

    Words, not stems: each variant is analysed as an article word is, and kept when its
    term is indexed and `verify` finds the word itself in articles. Stemming conflates:
    "interns" is one edit from "interes" and shares the stem "intern" with "international".
    """
    stemmed = fieldname in ("title", "body")
    by_term: dict[str, set[str]] = {}
    indexed = _lexicon(reader, fieldname)
    for variant in _one_edit_variants(word):
        term = _analysed(variant) if stemmed else variant
        if term is not None and indexed(term):
            by_term.setdefault(term, set()).add(variant)
    ranked = sorted(
        ((reader.doc_frequency(fieldname, term), term) for term in by_term), reverse=True
    )
    own = _analysed(word) if stemmed else word
    # The word as typed first: "cafe~" kept "came", "case" and "care", more common, and
    # missed the articles saying "cafe".
    ranked.sort(key=lambda pair: pair[1] != own)
    found: list[tuple[int, str, str]] = []
    for frequency, term in ranked[:FUZZY_CANDIDATES]:
        variants = by_term[term]
        used = variants if verify is None or not stemmed else verify(fieldname, term, variants)
        if used:
            # The word as typed if it is one of them, else the closest in spelling.
            shown = word if word in used else min(used, key=lambda v: (abs(len(v) - len(word)), v))
            found.append((frequency, term, shown))
            if len(found) > FUZZY_EXPANSIONS:
                break
    return found


def _lexicon(reader: Any, fieldname: str) -> Callable[[str], bool]:
    """Whether `fieldname` has an index term, for many terms in a row (a fuzzy word's ~500
    variants): each segment's terms as a sorted array of their hashes, read once and kept
    with the segment (`segment_cache`). A hash found is confirmed by the index (two terms
    may share one); a hash missing from every segment means no such term, unlooked-up.

    Whoosh's own look-up md5-hashes the term and reads its hash table from the file, in
    every segment that lacks the term: ~20 µs per variant and segment at 10,000 articles,
    most of a fuzzy word's first screenful with the variants' stemming.
    """
    field = reader.schema[fieldname]

    def hashes(leaf: Any) -> Callable[[], list[Any]]:
        return lambda: [array("q", sorted(map(hash, leaf.lexicon(fieldname))))]

    tables = [
        segment_cache.values(leaf, f"term hashes of {fieldname}", hashes(leaf))[0]
        for leaf, _ in reader.leaf_readers()
    ]

    def indexed(term: str) -> bool:
        key = hash(field.to_bytes(term))
        for table in tables:
            at = bisect_left(table, key)
            if at < len(table) and table[at] == key:
                return (fieldname, term) in reader
        return False

    return indexed


def warm_lexicons(reader: Any) -> None:
    """Build the term hash tables `_lexicon` keeps per segment for the fields a fuzzy word
    searches, so that the first one typed does not pay for them."""
    for fieldname in ("title", "body"):
        _lexicon(reader, fieldname)


def warm_phrase_keys(reader: Any) -> None:
    """Open each segment's phrase keys (and import numpy), so that the first phrase typed
    does not wait for them."""
    for leaf, _ in reader.leaf_readers():
        phrase_keys.of(leaf)


_analysed = lru_cache(maxsize=65_536)(analyse_word)
"""`analyse_word`, remembered: a fuzzy word's ~500 variants are stemmed once for title and
body, and again as the user types on."""

VERIFY_ARTICLES = 20
"""Articles read per index term to see which of its words they use (the first indexed)."""


def _verifier(library: OpenIndex, searcher: Any, cancelled: Cancelled | None = None) -> Verifier:
    """A `Verifier` that reads the first VERIFY_ARTICLES articles indexed under a term
    (asking `cancelled` first: a fuzzy word checks up to FUZZY_CANDIDATES terms)."""

    def verify(fieldname: str, term: str, words: set[str]) -> set[str]:
        check(cancelled)
        reader = searcher.reader()
        docnums: list[int] = []
        with suppress(Exception):  # a term gone from a segment: nothing to read
            matcher = reader.postings(fieldname, term)
            while matcher.is_active() and len(docnums) < VERIFY_ARTICLES:
                docnums.append(matcher.id())
                matcher.next()
        keys = [searcher.stored_fields(docnum)["key"] for docnum in docnums]
        pattern = re.compile(
            r"(?<![\w*])(?:" + "|".join(map(re.escape, sorted(words))) + r")(?![\w*])"
        )
        used: set[str] = set()
        for article in library.docs.articles(keys).values():
            text = article.title if fieldname == "title" else article.body
            used.update(pattern.findall(fold(text[:SNIPPET_SCAN_CHARS])))
            if used == words:
                break
        return used

    return verify


def _show(q: Any) -> str:
    text = q.text.decode() if isinstance(q.text, bytes) else str(q.text)
    from whoosh import query

    if isinstance(q, query.FuzzyTerm):  # as typed: "goverment~2", not "goverment~"
        return f"{text}~{q.maxdist}" if q.maxdist > 1 else f"{text}~"
    return text + ("*" if isinstance(q, query.Prefix) else "")


# -- matching text ---------------------------------------------------------------------------


_STEMS: dict[str, str] = {}


def match_spans(
    text: str,
    terms: Iterable[str],
    limit: int | None = None,
    begin: int = 0,
    end: int | None = None,
) -> list[tuple[int, int]]:
    """(start, end) offsets of words in `text` whose analysed form is one of `terms`: the
    first `limit` of them, when given (a common word has 100,000s in a 20 MB article); only
    those of words from `begin` (where one starts) to `end`.

    Tokenises as the index's analyzer does (same pattern, folding, stemmer). In ASCII text a
    regex first picks only the words that begin as some term does (`_stem_starts`: porter2
    rewrites only a word's end): snippets for every hit of every keystroke's search go
    through here. Other text is read word by word: folding can change
    a word's first letters ("ﬁnance", "Ｋｅｌｍｏｒ").
    """
    wanted = frozenset(terms)
    if not wanted or not text:
        return []
    stems = _STEMS
    spans: list[tuple[int, int]] = []
    matches: Iterable[Any] = (
        _candidates(wanted) if text.isascii() else word_pattern(text)
    ).finditer(text, begin, len(text) if end is None else end)
    unspaced = has_unspaced(text)
    if unspaced:
        # A lone character searched for is found inside pairs too ("雨" in "は雨が").
        characters = any(len(term) == 1 and has_unspaced(term) for term in wanted)
        matches = unspaced_pieces(iter(matches), characters)
    for match in matches:
        word = fold(match.group())
        if unspaced and UNSPACED_RUN.fullmatch(word):
            if word in wanted:  # Pairs overlap: "東京電力" is one span, not three.
                start, end = match.span()
                if spans and spans[-1][1] > start:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], end))
                elif limit is not None and len(spans) >= limit:
                    break
                else:
                    spans.append((start, end))
            continue
        if left_out(word) or (  # the index never holds them
            len(word) < 2 and elided(word) and beside_apostrophe(text, *match.span())
        ):
            continue
        stemmed = stems.get(word)
        if stemmed is None:
            if len(stems) > 200_000:
                stems.clear()
            stemmed = stems[word] = stem_word(word)
        if stemmed in wanted:
            if limit is not None and len(spans) >= limit:
                break
            spans.append(match.span())
    return spans


@lru_cache(maxsize=256)
def _candidates(terms: frozenset[str]) -> re.Pattern[str]:
    starts = sorted(
        {start for term in terms for start in _stem_starts(term)}, key=len, reverse=True
    )
    alternatives = "|".join(re.escape(start) for start in starts) or "(?!)"
    # A token starts where the analyzer's pattern would start one: not after a word character,
    # nor after a dot that follows one ("u.s.a" is one token).
    return re.compile(
        rf"(?<![\w*])(?<![\w*]\.)(?:{alternatives})[\w*]*(?:\.?[\w*]+)*", re.IGNORECASE
    )


def _stem_starts(term: str) -> tuple[str, ...]:
    """How an English word whose porter2 stem is `term` begins: with the stem less its last two
    letters (the stemmer only rewrites a word's end: "sensibility" is "sensibl", "skies"
    "sky"), at least its first two; porter2's "dying", "lying" and "tying" ("die", "lie",
    "tie") are the exceptions. Longer starts leave fewer words to stem: with "co" a snippet
    stemmed could, country, common ... to find "company"."""
    if not term:
        return ()
    start = term[: max(2, len(term) - 2)]
    if len(term) == 3 and term.endswith("ie"):
        return start, term[0] + "y"
    return (start,)


SNIPPET_SCAN_CHARS = 100_000
"""A snippet is looked for in pieces of the body of about this many characters."""

SNIPPET_DEEP_CHARS = 2_000_000
"""How far into a long body a snippet looks for the searched words before it settles for the
opening (a 20 MB article costs no more; ~40 ms where no piece has them)."""

SNIPPET_DEEP_SECONDS = 0.02
"""How long a snippet looks past the body's first piece: a query of many words (a wildcard's
hundreds) reads a piece more slowly, and a page of 20 long hits must still come at once."""


def _body_pieces(paragraphs: Iterable[str], markdown: bool) -> Iterator[str]:
    """The body's text in pieces of about SNIPPET_SCAN_CHARS characters, each cut between
    paragraphs or, inside a longer paragraph, at a space (never inside a word), up to
    SNIPPET_DEEP_CHARS in all."""
    parts: list[str] = []
    length = total = 0
    for paragraph in paragraphs:
        paragraph = (strip_markdown(paragraph) if markdown else paragraph).strip()
        at = 0
        while len(paragraph) - at > SNIPPET_SCAN_CHARS:
            if parts:
                yield " ".join(parts)
                total += length
                parts, length = [], 0
            cut = paragraph.rfind(" ", at, at + SNIPPET_SCAN_CHARS)
            cut = cut if cut > at else at + SNIPPET_SCAN_CHARS
            yield paragraph[at:cut]
            total += cut - at
            at = cut + 1 if paragraph[cut : cut + 1] == " " else cut
            if total >= SNIPPET_DEEP_CHARS:
                return
        paragraph = paragraph[at:] if at else paragraph
        if paragraph:
            parts.append(paragraph)
            length += len(paragraph) + 1
            if length > SNIPPET_SCAN_CHARS:
                yield " ".join(parts)
                total += length
                parts, length = [], 0
                if total >= SNIPPET_DEEP_CHARS:
                    return
    if parts:
        yield " ".join(parts)


def make_snippet(
    paragraphs: Iterable[str],
    terms: Iterable[str],
    width: int = 220,
    *,
    markdown: bool = False,
    phrases: Iterable[tuple[str, ...]] = (),
    phrase_words: frozenset[str] = frozenset(),
) -> Snippet:
    """The passage of about `width` characters with the most matches (else the opening);
    one that holds a searched phrase (`phrases`: each its indexed words) comes first, else a
    phrase of common words ("year said") showed a passage of "said"s without it. A
    `markdown` article's passage without its syntax (`## `, `**`, link targets).

    The passage comes from the first piece of the body (`_body_pieces`) that has a match: a
    long report whose only mention of the words is deep inside shows that mention, not its
    opening (as far as SNIPPET_DEEP_SECONDS allow)."""
    terms = frozenset(terms)
    phrases = tuple(phrases)
    opening = text = ""
    spans: list[tuple[int, int]] = []
    deep = False
    deadline = time.perf_counter() + SNIPPET_DEEP_SECONDS
    for number, text in enumerate(_body_pieces(paragraphs, markdown)):
        if number and time.perf_counter() > deadline:
            spans = []
            break
        opening = opening or text
        spans = _term_spans(text, terms, phrases, phrase_words)
        if spans or not terms:
            deep = number > 0
            break
    if not spans:
        cut = opening[:width]
        if len(opening) > width:
            cut = cut.rsplit(" ", 1)[0] + " …"
        return Snippet(cut)
    # The window starting at a match that holds the most matches, a phrase's start counting
    # for more than any number of them (two pointers: linear).
    weights = _phrase_weights(text, spans, phrases, len(spans) + 1)
    best_start, best_count = spans[0][0], 0
    last, count = 0, 0
    for first, (start, _) in enumerate(spans):
        if last < first:
            last, count = first, 0
        while last < len(spans) and spans[last][1] <= start + width:
            count += weights[last]
            last += 1
        if count > best_count:
            best_start, best_count = start, count
        if last > first:
            count -= weights[first]
    begin = max(0, best_start - width // 4)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < best_start else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > spans[0][0] else end
    prefix = "… " if begin or deep else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - begin
    kept = tuple(
        (s + shift, e + shift) for s, e in with_elisions(text, spans) if s >= begin and e <= end
    )
    return Snippet(prefix + text[begin:end] + suffix, kept)


def _phrases(q: Any) -> tuple[tuple[str, ...], ...]:
    """The exact phrases of titles and bodies in query `q`, each as its indexed words."""
    from whoosh import query

    found: list[tuple[str, ...]] = []

    def walk(part: Any) -> None:
        if isinstance(part, query.Phrase):
            if part.fieldname in ("title", "body") and part.slop == 1 and len(part.words) > 1:
                found.append(tuple(w.decode() if isinstance(w, bytes) else w for w in part.words))
            return
        for child in part.children():
            walk(child)

    walk(q)
    return tuple(dict.fromkeys(found))


def _phrase_weights(
    text: str, spans: list[tuple[int, int]], phrases: Iterable[tuple[str, ...]], bonus: int
) -> list[int]:
    """Each match's weight in choosing a snippet: 1, plus `bonus` where a phrase starts."""
    weights = [1] * len(spans)
    for at, _ in _phrase_runs(text, spans, phrases):
        weights[at] += bonus
    return weights


def _phrase_runs(
    text: str, spans: list[tuple[int, int]], phrases: Iterable[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """(first, end) indexes of the runs of `spans` that are a phrase: its words in the next
    matches, with nothing the index holds between them (stop words and punctuation are not
    indexed, so a phrase runs across them)."""
    phrases = [p for p in phrases if len(p) > 1]
    if not phrases:
        return []
    words = [_analysed(text[s:e]) for s, e in spans]  # (it folds, as the index does)
    # Chosen once for the text: choosing looks through all of it (1.7 s for the 2,000 gaps
    # between the matches of a 116,000-character page that is not ASCII, chosen per gap).
    pattern = word_pattern(text)
    joined = [  # whether nothing indexed stands between a match and the next one
        not _holds_indexed_word(text, e, s2, pattern)
        for (_, e), (s2, _) in zip(spans, spans[1:], strict=False)
    ]
    runs = []
    for at in range(len(spans)):
        for phrase in phrases:
            end = at + len(phrase)
            if end <= len(spans) and tuple(words[at:end]) == phrase and all(joined[at : end - 1]):
                runs.append((at, end))
                break
    return runs


def _holds_indexed_word(
    text: str, start: int, end: int, pattern: re.Pattern[str] | None = None
) -> bool:
    """Whether `text[start:end]` holds a word the index keeps: not a stop word or mark, nor
    a letter an apostrophe joins to a word (the s of "Kelmor's harbour", as `match_spans`).
    `pattern` is `word_pattern(text)`, when the caller has it."""
    for match in (pattern or word_pattern(text)).finditer(text, start, end):
        word = match.group()
        if _analysed(word) and not (
            len(word) < 2 and elided(fold(word)) and beside_apostrophe(text, *match.span())
        ):
            return True
    return False


def highlight_spans(
    text: str,
    terms: Iterable[str],
    phrases: Iterable[tuple[str, ...]] = (),
    phrase_words: frozenset[str] = frozenset(),
    limit: int | None = None,
    *,
    joined: bool = False,
    start: int = 0,
) -> list[tuple[int, int]]:
    """`match_spans`, less the words searched only inside phrases (`phrase_words`) where
    they stand outside one: `"pier 9"` marks "Pier 9", not the 9 of "9 ships"; each widened
    over the elided letters the index leaves out (`with_elisions`: "O'Brien", not "Brien").
    `joined`: each occurrence of a phrase is one span, from its first word to its last (the
    reading pane's n/N steps from one occurrence to the next, not word by word).

    `start`: the first `limit` from the line holding that offset on, and the last
    `MARKS_BEFORE` before it (an article reopened where it was left, past the `limit` first
    matches of a long one, is marked there, and N steps back from there too)."""
    if start <= 0:
        spans = _term_spans(text, terms, phrases, phrase_words, limit, joined=joined)
        return with_elisions(text, spans)
    begin = _line_start(text, min(start, len(text)))
    after = _term_spans(text, terms, phrases, phrase_words, limit, joined=joined, begin=begin)
    before: list[tuple[int, int]] = []
    size = 1 << 16
    while begin > 0 and len(before) < MARKS_BEFORE:
        # Backwards a window at a time (4 times wider each): no scan from the top of a 20 MB
        # article for the matches just before the reader.
        first = _line_start(text, max(0, begin - size))
        found = _term_spans(
            text, terms, phrases, phrase_words, joined=joined, begin=first, end=begin
        )
        before = [*found, *before]
        begin, size = first, size * 4
    return with_elisions(text, [*before[-MARKS_BEFORE:], *after])


MARKS_BEFORE = 500
"""Matches marked before the place an article is marked from (`highlight_spans`'s `start`)."""


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` begins (a phrase on it is found whole), or in a line of
    more than 10,000 characters, the word: after the last space before it, else `offset`."""
    line = text.rfind("\n", max(0, offset - 10_000), offset)
    if line >= 0 or offset <= 10_000:
        return line + 1
    space = text.rfind(" ", offset - 200, offset)
    return space + 1 if space >= 0 else offset


_ELIDED_BEFORE = re.compile(r"(?<![\w'’])(\w+)['’]$")
_ELIDED_AFTER = re.compile(r"['’](\w+)(?![\w'’])")


def with_elisions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` each widened over a word piece joined to it by an apostrophe (straight or
    curly) that the index leaves out (`elided`): the O of "O'Brien", the l of
    "l'économie", the t of "don't". The analyzer splits words there, so only the indexed
    piece matched and the mark stopped at the apostrophe. "rock'n'roll" stays as it was."""
    widened = []
    for start, end in spans:
        before = _ELIDED_BEFORE.search(text, max(0, start - 24), start) if start else None
        if before is not None and elided(fold(before.group(1))):
            start = before.start()
        after = _ELIDED_AFTER.match(text, end, end + 24)
        if after is not None and elided(fold(after.group(1))):
            end = after.end()
        widened.append((start, end))
    return widened


def _term_spans(
    text: str,
    terms: Iterable[str],
    phrases: Iterable[tuple[str, ...]] = (),
    phrase_words: frozenset[str] = frozenset(),
    limit: int | None = None,
    *,
    joined: bool = False,
    begin: int = 0,
    end: int | None = None,
) -> list[tuple[int, int]]:
    """`highlight_spans` before `with_elisions`: each span one indexed word, or with
    `joined` one phrase occurrence; those from `begin` to `end` (`match_spans`)."""
    spans = match_spans(text, terms, limit, begin, end)
    if not (phrase_words or joined) or not spans:
        return spans
    runs = dict(_phrase_runs(text, spans, phrases))
    kept: list[tuple[int, int]] = []
    at = 0
    while at < len(spans):
        end = runs.get(at)
        if end is not None:
            kept.append((spans[at][0], spans[end - 1][1]) if joined else spans[at])
            kept.extend(() if joined else spans[at + 1 : end])
            at = end
            continue
        if _analysed(text[spans[at][0] : spans[at][1]]) not in phrase_words:
            kept.append(spans[at])
        at += 1
    return kept


def _phrase_words(q: Any) -> frozenset[str]:
    """The words of query `q` searched only inside its exact phrases (`_phrases`)."""
    from whoosh import query

    loose: set[str] = set()

    def walk(part: Any) -> None:
        if isinstance(part, query.Phrase):
            if part.fieldname in ("title", "body") and part.slop != 1:
                loose.update(w.decode() if isinstance(w, bytes) else w for w in part.words)
            return
        if part.is_leaf():
            loose.update(
                t.decode("utf-8") if isinstance(t, bytes) else t
                for f, t in part.iter_all_terms()
                if f in ("title", "body")
            )
            return
        for child in part.children():
            walk(child)

    walk(q)
    return frozenset(w for phrase in _phrases(q) for w in phrase) - loose


# -- searching -------------------------------------------------------------------------------


def story_fields(docs: DocStore, keys: list[str], page_stories: list[str]) -> list[dict[str, Any]]:
    """`make_hit`'s story fields (story, versions, others) for a page of hits: their `keys`
    and their stories (`stories.story_name`)."""
    members = stories.versions_of(docs, page_stories)
    others = stories.describe_versions(docs, members)
    return [
        {
            "story": story,
            "versions": max(0, len(members.get(story, ())) - 1),
            "others": tuple(v for v in others.get(story, ()) if v.key != key),
        }
        for key, story in zip(keys, page_stories, strict=True)
    ]


def make_hit(
    fields: dict[str, Any],
    score: float | None,
    article: Article | None,
    terms: frozenset[str],
    phrases: tuple[tuple[str, ...], ...] = (),
    phrase_words: frozenset[str] = frozenset(),
    **story: Any,
) -> Hit:
    """A hit from a document's stored fields, with its snippet and its date's time zone
    (the index keeps the wall time) when `article` is given; `story` holds the story fields
    (story, versions, others)."""
    title = fields.get("title", "")
    return Hit(
        key=fields["key"],
        id=fields.get("id", ""),
        path=fields.get("path", ""),
        title=title,
        source=fields.get("source", ""),
        section=fields.get("section", ""),
        published=article.published if article else fields.get("published"),
        url=fields.get("url", ""),
        # Without the article (no snippets asked for), the index's one field: the authors
        # joined, or the credit of an article naming none.
        authors=article.authors
        if article
        else tuple(filter(None, fields.get("authors", "").split("; "))),
        credit=article.credit if article else "",
        score=float(score or 0.0),
        snippet=make_snippet(
            article.paragraphs,
            terms,
            markdown=article.format == "markdown",
            phrases=phrases,
            phrase_words=phrase_words,
        )
        if article
        else Snippet(""),
        title_spans=tuple(highlight_spans(title, terms, phrases, phrase_words)),
        period=article.period if article else "",
        **story,
    )


class Search:
    """One query in two steps on one searcher: `top()` the page of hits (with snippets) as
    soon as they are known, then `counts()` the exact total and the facets.

        with Search(library, "harbour", cancelled=worker_is_cancelled) as running:
            show(running.top())     # counted=False: facets empty, total = the hits in hand
            show(running.counts())  # the same hits, with the exact total and the facets

    Hits `offset` to `offset + limit` come back. An empty query lists every article, newest
    first. `filters` narrows to facet values (`{"source": "TODAY.AZ", "year": "2017"}`).
    `allowed_keys`, when given, restricts results to those article keys. `annotations` is
    the `AnnotationStore` that answers the query's `tag:`, `note:`, `highlight:`, `has:` and
    `is:` clauses (`Library.search` passes the user's). `suggest=False` skips "did you mean"
    for a query that finds nothing (searches made while the user is still typing: half-typed
    words find nothing, and looking costs time); the suggestion comes with `counts()`.
    `fold=True` gives one hit per story, its
    best-ranked version (`offset` counts stories). `cancelled` is asked between pieces of
    work in both steps; once it answers True, the step raises `SearchCancelled`.

    The query is checked when the search is made (`QueryError`); the searcher is held from
    `with` to its end, so both steps see the same commit.
    """

    def __init__(
        self,
        library: OpenIndex,
        text: str,
        *,
        sort: str = "relevance",
        limit: int = 20,
        offset: int = 0,
        filters: dict[str, str] | None = None,
        facets: bool = True,
        snippets: bool = True,
        allowed_keys: set[str] | None = None,
        annotations: AnnotationStore | None = None,
        suggest: bool = True,
        fold: bool = False,
        cancelled: Cancelled | None = None,
    ) -> None:
        sort = "newest" if sort == "date" else sort
        if sort not in SORTS:
            raise QueryError(f"unknown sort '{sort}'; use relevance, newest or oldest")
        self.started = time.perf_counter()
        # As the articles' text was read: a zero-width character pasted or typed (a Persian
        # word's non-joiner) would split a word the index holds whole.
        self.text = _pasted_urls(sanitise_line(text))
        typed = typed_marks(self.text)  # searched; `text` is shown as typed
        tidied = tidy_field_clauses(typed)
        if self.text and not tidied:  # "title:", "date:>", "?": not every article
            raise NothingToSearch(
                "nothing to search for yet: a field needs a word, as in title:kelmor"
                if ":" in self.text
                else "nothing to search for: only very common words or symbols"
            )
        _check_syntax(tidied)
        self.words, self.wanted = split_annotation_clauses(typed)
        if self.wanted and annotations is None:
            raise QueryError("tag:, note:, highlight:, has: and is: need the annotation store")
        self.library = library
        self.sort = sort
        self.limit, self.offset = limit, offset
        self.filters = filters or {}
        self.facets, self.snippets, self.suggest = facets, snippets, suggest
        self.allowed_keys = allowed_keys
        self.annotations = annotations
        self.fold = fold
        self.cancelled = cancelled
        self.notes: list[str] = []
        self._held = ExitStack()
        self._searcher: Any = None
        self._query: Any = None
        self._matches: Iterable[int] | None = None
        """Every matching docnum once step one knows them (None: step two finds them)."""
        self._pending: postings.Partial | None = None
        """Step one's evaluation with phrase candidates left to check, for step two."""
        self._walk: postings.DateWalk | None = None
        """A date sort's matches found newest (or oldest) first, as far as the page needs."""
        self._first: SearchResults | None = None

    def __enter__(self) -> Search:
        with self.library.damage_reported():
            self._searcher = self._held.enter_context(self.library.searcher())
        return self

    def __exit__(self, *exc: object) -> None:
        self._held.close()
        self._searcher = None
        phrase_keys.release()

    # -- step one --------------------------------------------------------------------------

    def top(self) -> SearchResults:
        """The page of hits, ranked, with snippets; `counted` is False (see `counts`)."""
        if self._first is None:
            with self.library.damage_reported():
                self._first = self._top()
        return self._first

    def _top(self) -> SearchResults:
        searcher = self._running()
        check(self.cancelled)
        q = self._query = self._make_query(searcher)
        notes, cancelled = self.notes, self.cancelled
        # Term and boolean queries are evaluated a posting list at a time
        # (index/engine/postings.py); what that does not know (word ranges) goes through
        # Whoosh's matchers.
        by_date = self.sort != "relevance"
        page, limit = self.limit, self.offset + self.limit  # the first `offset` are dropped
        pending = None if by_date else postings.evaluate_partial(searcher, q, cancelled)
        newest = self.sort == "newest"
        if by_date:
            self._walk = postings.date_walk(
                searcher, q, lambda: _date_order(searcher, newest), cancelled
            )
        if self._walk is not None:
            top = [(d, 0.0) for d in self._walk.first(limit)]
        elif by_date:
            scores = postings.evaluate(searcher, q, scored=False, cancelled=cancelled)
            if scores is not None:
                docnums = list(scores)
            else:
                deadline = time.perf_counter() + TIME_LIMIT
                docnums, complete = _matching_docs(searcher, q, deadline, cancelled)
                if not complete:
                    notes.append("search took too long; counted what was found in time")
            self._matches = docnums
            top = [(d, 0.0) for d in _by_date(searcher, docnums, limit, newest=newest)]
        elif pending is not None:
            # Phrases' positions are checked for the candidates the page needs (folded: its
            # stories' best versions); the count (step two) checks the rest.
            ranks = _key_rank_array(searcher)
            top, self._pending = postings.top_partial(pending, limit, cancelled, ranks), pending
        else:
            top = _top_by_relevance(searcher, q, limit, notes, cancelled)
        self._story_of = stories.docnum_stories(
            self.library.docs, searcher, _column(searcher, "key")
        )
        if self.fold:
            top = self._first_per_story(searcher, q, top, limit)
        top = top[self.offset : self.offset + page]
        check(cancelled)
        self.terms = frozenset(
            t.decode("utf-8") if isinstance(t, bytes) else t
            for f, t in q.iter_all_terms()
            if f in ("title", "body")
        )
        self.phrases = _phrases(q)
        self.phrase_words = _phrase_words(q)
        stored = [(searcher.stored_fields(docnum), score) for docnum, score in top]
        page_stories = [stories.story_name(self._story_of[docnum]) for docnum, _ in top]
        return SearchResults(
            query=self.text,
            sort=self.sort,
            total=self.offset + len(stored),
            hits=self._hits(stored, page_stories),
            terms=self.terms,
            phrases=self.phrases,
            phrase_words=self.phrase_words,
            elapsed=time.perf_counter() - self.started,
            limited="; ".join(dict.fromkeys(notes)),
            stories=self.offset + len(set(page_stories)),
            folded=self.fold,
            counted=False,
        )

    def _all_matches(self, searcher: Any, q: Any) -> list[int]:
        """Every matching docnum (found now if step one's ranking did not list them)."""
        if self._matches is None and self._pending is not None:
            self._matches = self._pending.documents()
        if self._matches is None and self._walk is not None:
            self._matches = self._walk.all().keys()
        if self._matches is None:  # Whoosh's matchers found the top; now count what matches
            deadline = time.perf_counter() + TIME_LIMIT
            found, complete = _matching_docs(searcher, q, deadline, self.cancelled)
            if not complete:
                self.notes.append("search took too long; counted what was found in time")
            self._matches = found
        matches = self._matches
        if not isinstance(matches, list):
            self._matches = matches = list(matches)
        return matches

    def _first_per_story(
        self,
        searcher: Any,
        q: Any,
        top: list[tuple[int, float]],
        limit: int,
    ) -> list[tuple[int, float]]:
        pending = self._pending
        if pending is not None:
            # Ranked further from the evaluation; phrase candidates are checked as far as the
            # ranking asks (their number bounds the matches), never all at once for the page.
            ranks = _key_rank_array(searcher)

            def more(n: int) -> list[tuple[int, float]]:
                return postings.top_partial(pending, n, self.cancelled, ranks)

            return stories.first_per_story(top, self._story_of, limit, pending.candidates(), more)
        walk = self._walk
        if walk is not None:  # a ranking shorter than asked for is all the matches
            first = walk.first

            def dated(n: int) -> list[tuple[int, float]]:
                return [(d, 0.0) for d in first(n)]

            return stories.first_per_story(top, self._story_of, limit, len(walk.order), dated)
        docnums = self._all_matches(searcher, q)
        by_date = self.sort != "relevance"

        def rank(n: int) -> list[tuple[int, float]]:
            check(self.cancelled)
            if by_date:
                newest = self.sort == "newest"
                return [(d, 0.0) for d in _by_date(searcher, docnums, n, newest=newest)]
            return _top_by_relevance(searcher, q, n, self.notes, self.cancelled)

        return stories.first_per_story(top, self._story_of, limit, len(docnums), rank)

    def _running(self) -> Any:
        if self._searcher is None:
            raise RuntimeError("a Search runs inside `with`: it holds a searcher")
        return self._searcher

    def _make_query(self, searcher: Any, *, whole: bool = True) -> Any:
        """The Whoosh query: the words (expansions bounded), the filters, the annotations.

        `whole=False` leaves the words' date ranges without the period rule."""
        from whoosh import query

        library, words = self.library, self.words
        annotation_q = (
            _annotation_query(self.wanted, self.annotations, library, searcher)
            if self.annotations and self.wanted
            else None
        )
        if words and words != "*":
            q = _bound(
                parse_query(words, searcher.schema, whole=whole),
                searcher.reader(),
                self.notes,
                _verifier(library, searcher, self.cancelled),
                self.cancelled,
            )
        else:
            q = query.Every()
            self.sort = "newest" if not words and self.sort == "relevance" else self.sort
        conditions = [_filter_query(name, value) for name, value in self.filters.items() if value]
        if self.allowed_keys is not None:
            conditions.append(
                query.Or([query.Term("key", k) for k in self.allowed_keys])
                if self.allowed_keys
                else query.NullQuery
            )
        if annotation_q is not None:
            conditions.append(annotation_q)
        if conditions:
            # Filters join the query with no weight rather than as a collector `filter=`:
            # Whoosh's time-limit collector bypasses the filter collector's checks.
            q = query.And([q, query.ConstantScoreQuery(query.And(conditions), 0.0)])
        return q

    def _hits(
        self, stored: list[tuple[dict[str, Any], float]], page_stories: list[str]
    ) -> tuple[Hit, ...]:
        docs = self.library.docs
        articles = docs.articles(s["key"] for s, _ in stored) if self.snippets else {}
        keys = [fields_["key"] for fields_, _ in stored]
        hits = []
        for (fields_, score), story in zip(
            stored, story_fields(docs, keys, page_stories), strict=True
        ):
            check(self.cancelled)
            hits.append(
                make_hit(
                    fields_,
                    score,
                    articles.get(fields_["key"]),
                    self.terms,
                    self.phrases,
                    self.phrase_words,
                    **story,
                )
            )
        return tuple(hits)

    # -- step two --------------------------------------------------------------------------

    def counts(self) -> SearchResults:
        """The results of `top()` with the exact total and the facets (`counted` is True)."""
        first = self.top()
        with self.library.damage_reported():
            return self._counts(first)

    def _counts(self, first: SearchResults) -> SearchResults:
        searcher = self._running()
        docnums = self._all_matches(searcher, self._query)
        check(self.cancelled)
        facet_counts: dict[str, tuple[tuple[str, int], ...]] = {}
        folders: frozenset[str] = frozenset()
        timeline = None
        if self.facets:
            matched = hits.numpy_module().array(docnums, dtype="int64")
            facet_counts = _count_facets(searcher, matched, self.cancelled)
            folders = folder_sources(searcher, facet_counts.get("source", ()))
            check(self.cancelled)
            timeline = _timeline(searcher, matched)
        # "Did you mean" is here, not in step one: a query that finds nothing shows "no
        # results" at once, and the walk over the index's words (~1 s at 100k for two edits)
        # is cancelled with the rest of the search by the next keystroke.
        suggestion = None
        if not docnums and self.words and self.suggest:
            suggestion = _suggest(self.library, searcher, self.words, self.cancelled)
        period_only: tuple[str, ...] = ()
        if not docnums and _DATE_FIELD.search(self.words):
            period_only = self._period_only(searcher)
        story_count = stories.count_stories(self._story_of, docnums)
        return replace(
            first,
            period_only=period_only,
            # A count cut short by the time limit is at least what the page already shows.
            total=max(len(docnums), first.total),
            suggestion=suggestion,
            facets=facet_counts,
            folder_sources=folders,
            timeline=timeline,
            stories=max(story_count, first.stories),
            undated=self._undated_rows(searcher, docnums, story_count),
            elapsed=time.perf_counter() - self.started,
            limited="; ".join(dict.fromkeys(self.notes)),
            counted=True,
        )

    def _undated_rows(self, searcher: Any, docnums: list[int], story_count: int) -> int:
        """Of a date sort's rows, how many are undated (they come last): the matches with no
        date, or, folded, the stories none of whose matches has one (of `story_count`, the
        matches' stories). 0 by relevance."""
        if self.sort == "relevance" or not docnums:
            return 0
        dates = _column(searcher, "date_order")
        if not self.fold:
            return sum(1 for docnum in docnums if dates[docnum] < 0)
        dated = [docnum for docnum in docnums if dates[docnum] >= 0]
        return story_count - stories.count_stories(self._story_of, dated)

    def _period_only(self, searcher: Any) -> tuple[str, ...]:
        """The dates of the articles the query finds without the period rule: as it found
        nothing with it, all of them are articles the rule left out. Asked only of a date
        query that found nothing."""
        q = self._make_query(searcher, whole=False)
        scores = postings.evaluate(searcher, q, scored=False, cancelled=self.cancelled)
        if scores is not None:
            found: Iterable[int] = scores
        else:
            deadline = time.perf_counter() + TIME_LIMIT
            found, _ = _matching_docs(searcher, q, deadline, self.cancelled)
        dates, ends = _column(searcher, "published"), _column(searcher, "period_end")
        shown = []
        for docnum in found:
            if ends[docnum] >= 0:  # (else not dated by a period: not left out by the rule)
                first = date.fromordinal(dates[docnum] // _DAY + 1).isoformat()
                year = ends[docnum] - dates[docnum] > 40 * _DAY  # else by its month alone
                shown.append(first[:4] if year else first[:7])
        return tuple(shown)


def _date_order(searcher: Any, newest: bool) -> list[int]:
    """Every document number by date, newest or oldest first, undated ones last, ties by
    key (what `_by_date` gives); cached with the searcher (~50 ms at 100,000 articles)."""
    cache = searcher.__dict__.setdefault("_newsread_date_order", {})
    if newest not in cache:
        dates = _column(searcher, "date_order")
        by_key = _key_order(searcher)  # sorting is stable: ties stay in key order
        if newest:  # undated articles hold -1: the smallest, so last
            cache[newest] = sorted(by_key, key=dates.__getitem__, reverse=True)
        else:
            rising = sorted(by_key, key=dates.__getitem__)
            undated = bisect_left(rising, 0, key=dates.__getitem__)
            cache[newest] = rising[undated:] + rising[:undated]
    return cache[newest]  # type: ignore[no-any-return]


def _by_date(searcher: Any, docnums: Iterable[int], limit: int, *, newest: bool) -> list[int]:
    """The first `limit` of `docnums` by date, newest or oldest first; undated ones last."""
    return heapq.nsmallest(limit, docnums, key=_date_key(searcher, newest))


_UNDATED_LAST = 2**65


def _date_key(searcher: Any, newest: bool) -> Callable[[int], tuple[int, int]]:
    """A document number's place in a date sort: its date, then its key's place among the
    keys. Ties went by document number, which is the order the files were indexed in: a
    library updated over several runs listed the articles of one day (or the undated ones)
    in another order than a fresh build of the same files. The date is the page's own day,
    then within it the instant (UTC), not the page's wall time: 10:00+05:00 is older than
    08:00+00:00 on 1 May (`date_order`)."""
    dates, ranks = _column(searcher, "date_order"), _key_ranks(searcher)
    if newest:  # undated articles hold -1: negated, after every date
        return lambda d: (-dates[d], ranks[d])
    return lambda d: (dates[d] if dates[d] >= 0 else _UNDATED_LAST, ranks[d])


def _key_order(searcher: Any) -> list[int]:
    """Every document number in the order of their keys; cached with the searcher."""
    cache = searcher.__dict__
    if "_newsread_key_order" not in cache:
        keys = _column(searcher, "key")
        cache["_newsread_key_order"] = sorted(range(len(keys)), key=lambda d: keys[d] or "")
    return cache["_newsread_key_order"]  # type: ignore[no-any-return]


def _key_ranks(searcher: Any) -> list[int]:
    """Each document number's key's place among all the keys; cached with the searcher."""
    cache = searcher.__dict__
    if "_newsread_key_ranks" not in cache:
        by_key = _key_order(searcher)
        ranks = [0] * len(by_key)
        for rank, docnum in enumerate(by_key):
            ranks[docnum] = rank
        cache["_newsread_key_ranks"] = ranks
    return cache["_newsread_key_ranks"]  # type: ignore[no-any-return]


def _key_rank_array(searcher: Any) -> Any:
    """`_key_ranks` as a numpy array: the tie-break of equal scores (`hits.top`): hits tied
    came in document-number order, the order files were indexed in, so a library updated
    over several runs ranked them unlike a fresh build. Cached with the searcher."""
    cache = searcher.__dict__
    if "_newsread_key_rank_array" not in cache:
        np = hits.numpy_module()
        by_key = np.array(_key_order(searcher), np.int64)
        ranks = np.empty(len(by_key), np.int64)
        ranks[by_key] = np.arange(len(by_key))
        cache["_newsread_key_rank_array"] = ranks
    return cache["_newsread_key_rank_array"]


def _matching_docs(
    searcher: Any, q: Any, deadline: float, cancelled: Cancelled | None = None
) -> tuple[list[int], bool]:
    """Every matching document number (unscored), and whether the deadline let us finish
    (looked at after each `MATCHES_BEFORE_LIMIT` matches, not before)."""
    if isinstance(q, type(None)):
        return [], True
    found: list[int] = []
    for n, docnum in enumerate(searcher.docs_for_query(q), 1):
        found.append(docnum)
        if not n % MATCHES_BEFORE_LIMIT:
            check(cancelled)
            if time.perf_counter() > deadline:
                return found, False
    return found, True


def _top_by_relevance(
    searcher: Any, q: Any, limit: int, notes: list[str], cancelled: Cancelled | None = None
) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) pairs through Whoosh's matchers: for the queries
    index/engine/postings.py leaves alone (word ranges such as `title:[a TO m]`). Whoosh's
    top-N collector cannot count: `Search.counts` makes an unscored pass for that."""
    from whoosh import collectors

    # No SIGALRM: searches run in worker threads. No block-quality skipping and no matcher
    # `replace(minscore)` either: with an exclusion inside an OR, both returned a document the
    # query does not match (soak seed 1803; which one depended on the process's hash seed).
    best = _key_top_collector_class()(limit=limit, usequality=False, replace=0)
    best.ranks = _key_ranks(searcher)
    timed = _cancellable_collector(best, cancelled)
    try:
        searcher.search_with_collector(q, timed)
    except collectors.TimeLimit:
        notes.append("search took too long; showing the best found in time")
    finally:
        if timed.timer is not None:  # cancelled mid-way: `finish` never stopped the timer
            timed.timer.cancel()
    order = _key_order(searcher)
    return [(order[-rank], score) for score, rank in sorted(best.items, reverse=True)]


@lru_cache(maxsize=1)
def _key_top_collector_class() -> Any:
    from whoosh import collectors

    class KeyTopCollector(collectors.TopCollector):  # type: ignore[misc]
        """Whoosh's top-N collector, equal scores going to the smaller key, not the smaller
        document number (as `hits.top`): `items` holds (score, key rank) pairs."""

        ranks: Sequence[int] = ()

        def _collect(self, global_docnum: int, score: float) -> float:
            items = self.items
            self.total += 1
            item = (score, -self.ranks[global_docnum])
            if len(items) < self.limit:
                heapq.heappush(items, item)
            elif item > items[0]:
                heapq.heapreplace(items, item)
            else:
                return 0
            return -score

    return KeyTopCollector


def _cancellable_collector(child: Any, cancelled: Cancelled | None) -> Any:
    """Whoosh's time-limit collector around `child` (TIME_LIMIT, no SIGALRM; looked at after
    a segment's first `MATCHES_BEFORE_LIMIT` matches), which also asks `cancelled` every 256
    documents collected."""
    collector = _cancellable_collector_class()(
        child, timelimit=TIME_LIMIT, greedy=True, use_alarm=False
    )
    collector.cancelled = cancelled
    return collector


@lru_cache(maxsize=1)
def _cancellable_collector_class() -> Any:
    from whoosh import collectors

    class CancellableCollector(collectors.TimeLimitCollector):  # type: ignore[misc]
        cancelled: Cancelled | None = None

        def collect_matches(self) -> None:
            child = self.child
            for n, sub_docnum in enumerate(child.matches()):
                child.collect(sub_docnum)
                if self.timedout and n >= MATCHES_BEFORE_LIMIT:
                    raise collectors.TimeLimit
                if not n & 255:
                    check(self.cancelled)

    return CancellableCollector


def _column(searcher: Any, field: str) -> Sequence[Any]:
    """A sortable field's values for every document, cached with the searcher.

    Reading a column value per matching document costs a Python call each; with the whole
    column in a list, facet counts and date sorts run at C speed (itemgetter, Counter, heapq).
    Dates stay as their sortable integers, -1 when undated; a year is None when undated.
    `published_day` and `published_month` are the dates as day ordinals and month keys.

    Put together a segment at a time at its document offset, each segment's part read once
    for every searcher that has it (`segment_cache`): a segment without a dated article has
    no date column, and Whoosh's own multi-segment column skips such segments, which shifted
    every later segment's dates onto the wrong documents. An index of one segment (a merged
    library) uses that segment's part as it is, not a copy of it. Callers must not change it.
    """
    cache = searcher.__dict__.setdefault("_newsread_columns", {})
    if field not in cache:
        reader = searcher.reader()
        leaves = list(reader.leaf_readers())
        if len(leaves) == 1 and leaves[0][1] == 0:
            cache[field] = _segment_column(leaves[0][0], field)
            return cache[field]  # type: ignore[no-any-return]
        parts = [(_segment_column(leaf, field), offset) for leaf, offset in leaves]
        count = reader.doc_count_all()
        values: Any
        first = parts[0][0] if parts else None
        if isinstance(first, array) and all(isinstance(part, array) for part, _ in parts):
            values = array(first.typecode, [-1]) * count
        else:
            values = [None] * count
        for part, offset in parts:
            values[offset : offset + len(part)] = part
        cache[field] = values
    return cache[field]  # type: ignore[no-any-return]


_SHARED_VALUES = frozenset({"source_facet", "section_facet", "year", "published_day"})
"""Columns of few distinct values (a dozen sources, forty years, some thousand days): each
value is one object that every document having it shares, 8 bytes a document instead of a
bytes or int object each (~50 and ~28 bytes)."""


def _segment_column(leaf: Any, field: str) -> Sequence[Any]:
    """One segment's part of `_column` (exactly one value per document): a list, or for
    the dates (`published`, `instant`) an array of 64-bit integers."""

    def read() -> Sequence[Any]:
        count = leaf.doc_count_all()
        if field in ("published_day", "published_month"):
            dates = _segment_column(leaf, "published")
            days = [v // _DAY + 1 if v >= 0 else -1 for v in dates]
            ends = _segment_column(leaf, "period_end")
            periods = {n: v // _DAY + 1 for n, v in enumerate(ends) if v >= 0}  # (day ordinals)
            if field == "published_day":
                for n in periods:
                    days[n] = _COARSER
                return _shared(days)
            keys = {d: month_key(date.fromordinal(d)) for d in set(days) if d > 0}
            keys[-1] = -1
            months = list(map(keys.__getitem__, days))
            for n, end in periods.items():
                if month_key(date.fromordinal(end)) != months[n]:
                    months[n] = _COARSER
            return months
        if field == "date_order":
            walls, instants = (_segment_column(leaf, name) for name in ("published", "instant"))
            return array("q", map(date_order, walls, instants))
        found: list[Any] = []
        if leaf.has_column(field):
            found = whoosh_internals.column_values(leaf.column_reader(field, translate=False))
            del found[count:]
        found.extend([None] * (count - len(found)))
        # A document without a value holds the column's "missing" marker, its largest value.
        missing = _MISSING.get(field)
        if field in ("published", "instant", "period_end"):
            return array("q", [v if v is not None and v < _MISSING_DATE else -1 for v in found])
        if missing is not None:
            found = [v if v is not None and v < missing else None for v in found]
        return _shared(found) if field in _SHARED_VALUES else found

    return segment_cache.values(leaf, field, read)


def _shared(values: list[Any]) -> list[Any]:
    """`values` with equal values made one object (see `_SHARED_VALUES`)."""
    seen: dict[Any, Any] = {}
    return list(map(seen.setdefault, values, values))


def date_order(published: int, instant: int) -> int:
    """Where an article dated `published` (its page's wall time) at `instant` (UTC, both as
    Whoosh keeps a date) stands in a date sort, -1 when undated: by the page's own day first,
    as the list shows it and `date:` filters by it (a page of 31 December 23:30 -05:00 comes
    before one of 1 January 00:30 +03:00, though later in UTC), then within that day by the
    instant (10:00+05:00 came before 08:00+00:00). The instant is held to within a day of the
    page's day, which a zone never passes; each day has `_DAY_SPAN` places."""
    if published < 0 or instant < 0:
        return -1
    day = published // _DAY
    within = min(max(instant - day * _DAY + _DAY, 0), _DAY_SPAN - 1)
    return day * _DAY_SPAN + within


_MISSING_DATE = 2**64 - 1
_MISSING = {"published": _MISSING_DATE, "period_end": _MISSING_DATE, "year": 2**32 - 1}
_COARSER = -2
"""`published_day` and `published_month` of an article dated by a period longer than a day
or a month (`Article.period`): which day or month it is from is not known."""


def _count_facets(
    searcher: Any, docnums: Any, cancelled: Cancelled | None = None
) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each facet's values among the matches (`docnums`, an integer array) with their counts,
    most first (`tally.counts`: a count per distinct value, not a Python step per match)."""
    counts: dict[str, tuple[tuple[str, int], ...]] = {}
    for name, column in (
        ("source", "source_facet"),
        ("section", "section_facet"),
        ("year", "year"),
    ):
        check(cancelled)
        values = _column(searcher, column)
        if not len(docnums) or not values:
            counts[name] = ()
            continue
        merged: Counter[str] = Counter()
        for value, n in tally.counts(values, docnums).items():
            merged[_facet_label(value)] += n
        counts[name] = tuple(sorted(merged.items(), key=lambda pair: (-pair[1], pair[0])))
    return counts


def folder_sources(searcher: Any, sources: Iterable[tuple[str, int]]) -> frozenset[str]:
    """Those of the source facet's values the reader took from the library's folder, as the
    results list tells them (`Hit.from_folder`): an article with that source is filed under a
    folder of that name. Each segment's are found once, from its keys and sources, and kept
    with the segment (`segment_cache`): a prefix look-up per value in every segment took 3.9 s
    of CPU for the 1,142 sources of a 23,800-article library in 26 segments, on every search
    of a new searcher (each commit, each `newsread search`)."""
    known: frozenset[str] | None = searcher.__dict__.get("_newsread_folder_sources")
    if known is None:
        found: set[str] = set()
        for leaf, _ in searcher.reader().leaf_readers():
            found |= _segment_folder_sources(leaf)
        known = searcher.__dict__["_newsread_folder_sources"] = frozenset(found)
    return frozenset(value for value, _ in sources if value in known)


def _segment_folder_sources(leaf: Any) -> frozenset[str]:
    """The sources of one segment's articles that are the folder their file is filed in."""

    def read() -> frozenset[str]:
        keys, sources = _segment_column(leaf, "key"), _segment_column(leaf, "source_facet")
        found = set()
        for key, value in zip(keys, sources, strict=True):
            source = _facet_label(value)
            if source and source not in found and from_folder(source, _facet_label(key)):
                found.add(source)
        return frozenset(found)

    return segment_cache.values(leaf, "folder_sources", read)


_DAY = 86_400_000_000
_DAY_SPAN = 3 * _DAY
"""A day's places in `date_order`: from the day before it to the day after (the instants of
its pages, whatever their zone); 3,652,059 days of them fit in 64 bits."""
"""Microseconds in a day: Whoosh stores a date as microseconds since `datetime.min`."""


def _timeline(searcher: Any, docnums: Any) -> Timeline:
    """The hits (`docnums`, an integer array) over time, counted as the facets are, over
    columns of years, month keys and day ordinals (cached with the searcher): a hit dated by a
    year or month alone is in no month or day tally (`_COARSER`)."""
    years = _column(searcher, "year")
    if not len(docnums) or not years:
        return Timeline()
    by_year = cast(dict[int, int], tally.counts(years, docnums))
    undated = by_year.pop(None, 0)  # type: ignore[call-overload]
    if not by_year:
        return Timeline(undated=undated)
    days, months = _date_columns(searcher)
    by_month = cast(dict[int, int], tally.counts(months, docnums))
    by_day = cast(dict[int, int], tally.counts(days, docnums))
    for marker in (-1, _COARSER):
        by_month.pop(marker, None)
        by_day.pop(marker, None)
    return timeline_from(by_day, by_month, by_year, undated)


def _date_columns(searcher: Any) -> tuple[Sequence[int], Sequence[int]]:
    """Every document's day ordinal and month key (`month_key`), -1 when undated, `_COARSER`
    when dated by a longer period."""
    return _column(searcher, "published_day"), _column(searcher, "published_month")


def _facet_label(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value in (None, 0):
        return ""
    return str(value)


def _annotation_query(
    wanted: AnnotationFilter, store: AnnotationStore, library: OpenIndex, searcher: Any
) -> Any:
    """The articles the annotation store names for `wanted`, as a Whoosh query on id/key."""
    from whoosh import query

    if wanted.contradictory:
        return query.NullQuery
    matches = store.articles_matching(
        tags=wanted.tags,
        note_words=wanted.note_words,
        highlight_words=wanted.highlight_words,
        has_highlights=wanted.has_highlights,
        has_notes=wanted.has_notes,
        starred=wanted.starred,
        read=wanted.read,
    )

    def refs(found: ArticleRefs) -> list[Any]:
        keys = _keys_still_theirs(found, store, library, searcher)
        return [query.Term("id", i) for i in sorted(found.ids)] + [
            query.Term("key", k) for k in sorted(keys)
        ]

    parts: list[Any] = []
    if matches.include is not None:
        included = refs(matches.include)
        parts.append(query.Or(included) if included else query.NullQuery)
    excluded = refs(matches.exclude)
    if excluded:
        parts.append(query.Not(query.Or(excluded)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


def _keys_still_theirs(
    found: ArticleRefs, store: AnnotationStore, library: OpenIndex, searcher: Any
) -> set[str]:
    """The keys of `found` whose article now is one of `found`'s, under another identity (a
    new title, no URL), as the store recognises it: another article that took the key (a
    file rewritten, a feed's lines shifted) shows none of their notes, tags or flags."""
    others = []
    for key in sorted(found.keys):
        docnum = searcher.document_number(key=key)
        if docnum is not None and searcher.stored_fields(docnum).get("id") not in found.ids:
            others.append(key)
    articles = list(library.docs.articles(others).values())
    recognised = store.recognised(articles) if articles else []
    return {a.key for a, row in zip(articles, recognised, strict=True) if row in found.ids}


def _filter_query(name: str, value: str) -> Any:
    """The query a filter adds: a facet value, or (`date`) a period as the timeline names
    its buckets (`1987`, `1987-03`, `1987-03-02`, `1987-03-02..1987-03-08`)."""
    from whoosh import query

    if name == "date":
        try:
            start, end = parse_period(value)
        except ValueError as error:
            raise QueryError(str(error)) from None
        first, last = datetime.combine(start, dtime.min), datetime.combine(end, dtime.max)
        return whole_periods(query.DateRange("published", first, last))
    return query.Term(f"{name}_facet" if name != "year" else name, _facet_value(name, value))


def _facet_value(name: str, value: str) -> Any:
    if name == "year":
        try:
            return int(value)
        except ValueError:
            raise QueryError(f"year filter '{value}' is not a year") from None
    if name not in ("source", "section"):
        raise QueryError(f"unknown filter '{name}'; use source, section, year or date")
    return value


_LETTER = rf"(?:[^\W\d_]|[{BMP_MARKS}])"
_WORD_TO_CHECK = re.compile(rf"(?<![:\w*?~{BMP_MARKS}]){_LETTER}{{3,}}(?![\w:*?~{BMP_MARKS}])")
SUGGEST_WORDS = 3
"""Words of a query that finds nothing looked at for a suggestion, at most."""
FUZZY_MAX_CHARS = 30
"""The longest fuzzy word (`word~`), and the longest word a suggestion is looked for."""


_LOWER_OR = re.compile(r'(?<=[\w")])\s+or\s+(?=[\w"(])')


def _suggest(
    library: OpenIndex, searcher: Any, text: str, cancelled: Cancelled | None = None
) -> str | None:
    """The query with each word the library lacks replaced by its likeliest neighbour.

    Candidates are the words one edit away that articles use (see `_fuzzy_words`), the one
    in most articles winning ("cofee" -> "coffee", never a stem); failing that, index terms
    two edits from the word's stem, shown as a word an article uses.
    """
    reader = searcher.reader()
    verify = _verifier(library, searcher, cancelled)
    # "varga or lindqvist" searched both words ("or" is a common word, left out): OR is meant.
    either = _LOWER_OR.sub(" OR ", text)
    changed = either != text
    looked = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal changed, looked
        word = match.group(0)
        term = analyse_word(word)
        if has_unspaced(word):
            return word  # Searched as character pairs: no single word to correct.
        if term is None or any(reader.doc_frequency(f, term) for f in ("body", "title")):
            return word
        looked += 1
        if looked > SUGGEST_WORDS or len(word) > FUZZY_MAX_CHARS:
            return word
        found = _fuzzy_words(reader, "body", fold(word), verify)
        if found:
            changed = True
            return found[0][2]
        if len(term) > 4:  # two edits: Whoosh's automaton over stems, the words checked
            for _, stem in sorted(
                (
                    (reader.doc_frequency("body", t), t)
                    for t in whoosh_internals.terms_within(reader, "body", term, 2, 1, cancelled)
                ),
                reverse=True,
            )[:FUZZY_CANDIDATES]:
                shown = _surface_form(library, searcher, stem)
                if shown and _edit_distance(shown, fold(word)) <= 2:
                    changed = True
                    return shown
        return word

    try:
        corrected = _WORD_TO_CHECK.sub(fix, either)
    except SearchCancelled:
        raise
    except Exception:  # noqa: BLE001 - a failed suggestion must never fail the search
        return None
    return corrected if changed and corrected != text else None


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (the words are at most FUZZY_MAX_CHARS: a small table)."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def _surface_form(library: OpenIndex, searcher: Any, stem: str) -> str | None:
    """A word from an article whose stem is `stem`, folded."""
    reader = searcher.reader()
    if ("body", stem) not in reader:
        return None
    # The first article with the word: no need to score them all.
    docnum = reader.postings("body", stem).id()
    article = library.docs.article(searcher.stored_fields(docnum)["key"])
    if article is None:
        return None
    for token in text_analyzer()(article.body, chars=True):
        if token.text == stem:
            return fold(article.body[token.startchar : token.endchar])
    return None
