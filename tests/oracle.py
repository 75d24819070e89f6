"""A slow, obviously right twin of `Library.search`: the query language, article by article.

The fast path parses with Whoosh, evaluates posting lists a block at a time (index/engine/postings.py),
reads dates and facets from columns and expands prefixes from the lexicon. Here every article
of the article store (not the index) is tokenised with the analyzers the index uses and the
query is parsed by a small recursive-descent parser of its own, then tested against each
article in turn: no posting list, no column, no Whoosh query.

The language (loosest binding first: words side by side, then ANDNOT, OR, AND, NOT):
    query   := clause clause*                      words side by side must all match
    clause  := either ( ANDNOT either )*
    either  := both ( OR both )*
    both    := unary ( AND unary )*
    unary   := ( NOT | - ) unary | atom
    atom    := ( query ) | [field:] word | [field:] "phrase"[~slop] | [field:] prefix*
             | [field:] word~ | [field:][from TO to] | date:... | tag:x | note:word
             | is:read|unread|starred | has:notes|highlights
An empty query, or `*`, matches every article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from newsread.index.article import Article
from newsread.index.engine.schema import (
    NAME_PATTERN,
    WORD_PATTERN,
    analyse_word,
    name_analyzer,
    text_analyzer,
)
from newsread.index.folding import fold
from newsread.index.marks import has_unspaced

TEXT_FIELDS = ("title", "body")
NAME_FIELDS = ("source", "section", "authors", "url")
FIELD_NAMES = {"title": "title", "body": "body", "author": "authors", "authors": "authors"}
FIELD_NAMES |= {name: name for name in ("source", "section", "url")}
FUZZY_EXPANSIONS = 3
PREFIX_EXPANSIONS = 8


@dataclass
class Doc:
    """One article as the oracle sees it: each field's (word, position) tokens."""

    key: str
    id: str
    published: datetime | None
    """The page's wall time (its zone dropped): its calendar day is the article's date; of an
    article dated by a year or month alone, that period's first day."""
    instant: datetime | None
    """The UTC time the date sorts go by (a time without a zone taken as written)."""
    facets: dict[str, str]
    tokens: dict[str, list[tuple[str, int]]]
    words: dict[str, set[str]] = field(default_factory=dict)
    surface: dict[str, set[str]] = field(default_factory=dict)
    """Each field's words as written, folded but not stemmed (for `word~`)."""
    period: str = ""
    """"year" or "month" for an article dated by that period alone."""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Its key, for Hypothesis, which prints a test's arguments for each explicit example
        (the library's docs among them): field by field, that took 2.6 s of 22."""
        printer.text(f"Doc({self.key!r})")

    @property
    def dated(self) -> tuple[datetime, datetime] | None:
        """The first and last moment the article may be from: its day's, or its period's."""
        if self.published is None:
            return None
        shown = self.published.date().isoformat()
        return _period(shown[:4] if self.period == "year" else shown[:7] if self.period else shown)

    def within(self, start: datetime, end: datetime) -> bool:
        """Whether a date range from `start` to `end` holds the whole of its date."""
        dated = self.dated
        return dated is not None and start <= dated[0] and dated[1] <= end

    @classmethod
    def of(cls, article: Article) -> Doc:
        values = {
            "title": article.title,
            "body": article.body,
            "source": article.source,
            "section": article.section,
            "authors": "; ".join(article.authors) or article.credit,
            "url": article.url,
        }
        values = {name: seen(value) for name, value in values.items()}
        tokens = {
            name: [
                (token.text, token.pos)
                for token in (text_analyzer() if name in TEXT_FIELDS else name_analyzer())(
                    value, positions=True, mode="index"
                )
            ]
            for name, value in values.items()
        }
        published = article.published.replace(tzinfo=None) if article.published else None
        instant = None
        if article.published is not None:
            instant = published - (article.published.utcoffset() or timedelta(0))
        return cls(
            key=article.key,
            id=article.id,
            published=published,
            instant=instant,
            facets={
                "source": article.source,
                "section": article.section,
                "year": str(published.year) if published else "",
            },
            tokens=tokens,
            words={name: {word for word, _ in found} for name, found in tokens.items()},
            surface={
                name: {
                    fold(word)
                    for word in re.findall(
                        WORD_PATTERN if name in TEXT_FIELDS else NAME_PATTERN, value
                    )
                }
                for name, value in values.items()
            },
            period=article.period,
        )


@dataclass
class Annotations:
    """What the user marked, by article key: the oracle's own record, not the store."""

    tags: dict[str, set[str]] = field(default_factory=dict)
    starred: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)
    """Article notes by key."""
    highlighted: set[str] = field(default_factory=set)


# -- the query language ----------------------------------------------------------------------

Match = Callable[[Doc], bool]


class OracleQueryError(ValueError):
    pass


_DASHES = "\u2013\u2014\u2212-"
"""A minus as typed: an en or em dash (a word processor's), a minus sign, a hyphen (last: no
range in a character class)."""
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'))
"""Double quotation marks of every style as the query's own."""

_TOKEN = re.compile(
    rf"\s*(?:(?P<open>\()|(?P<close>\))|(?P<minus>[{_DASHES}])(?=[^\s){_DASHES}])"
    r'|(?P<field>[A-Za-z_]\w*):(?=\S)|"(?P<phrase>[^"]*)"(?:~(?P<slop>\d+))?'
    r"|(?P<range>[\[{][^\]}]*[\]}])|(?P<word>[^\s()\"]+))"
)


_UNSEEN = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TURKISH_I = str.maketrans({"İ": "I", "ı": "i"})


def seen(text: str) -> str:
    """`text` as it is seen and read: without the characters no one sees inside a word (a soft
    hyphen, a zero-width space, joiner or non-joiner, a word joiner, a byte order mark), with
    Turkish İ and ı written I and i (capitals write both i's as I: ILGI is ılgı), and Latin
    letters as typed without accents (`unaccented`)."""
    return unaccented(_UNSEEN.sub("", text).translate(_TURKISH_I))


def unaccented(text: str) -> str:
    """`text` as someone types it without accents: a Latin letter without the marks it
    carries once decomposed (NFKD: every mark after a letter Unicode names LATIN), a Latin
    letter Unicode names "X WITH ..." (a stroke, a hook: "LATIN SMALL LETTER O WITH STROKE")
    as X; the letters with names of their own as they are spelt in ASCII (ÆŒÞÐŊ)."""
    typed = []
    latin = False
    for character in unicodedata.normalize("NFKD", text):
        if unicodedata.category(character).startswith("M"):
            if not latin:
                typed.append(character)
            continue
        name = unicodedata.name(character, "")
        latin = name.startswith("LATIN ")
        named = _LATIN_NAME.fullmatch(name)
        if character.isascii() or named is None:
            typed.append(character)
            continue
        small, letter = named.group(1) == "SMALL", named.group(2)
        spelt = _SPELT.get(letter, letter.lower() if len(letter) == 1 else None)
        typed.append(character if spelt is None else spelt if small else spelt.upper())
    return unicodedata.normalize("NFC", "".join(typed))


_LATIN_NAME = re.compile(r"LATIN (SMALL|CAPITAL) (?:LETTER|LIGATURE) (\w+(?: \w)?)(?: WITH .*)?")
_SPELT = {"AE": "ae", "OE": "oe", "THORN": "th", "ETH": "d", "ENG": "n", "OPEN E": "e"}
_SPELT |= {"OPEN O": "o", "SHARP S": "ss"}


_ADDRESS = re.compile(r"<?(?:https?://|www\.)[^\s<>\"()]*>?", re.IGNORECASE)
_CLICK_TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid"}


def _tracking(name: str) -> bool:
    return name.startswith("utm_") or name in _CLICK_TRACKING


def page(address: str) -> str:
    """A web address as it names a page: without `<>`, its scheme, `www.`, its fragment and
    the parameters that only track a click (`utm_source`, `fbclid` ...), nor a last `/`."""
    address = address.strip("<>").split("#")[0]
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address, flags=re.IGNORECASE)
    site, _, query = address.partition("?")
    named = [p for p in query.split("&") if p and not _tracking(p.split("=")[0].lower())]
    return site.rstrip("/.,;") + ("?" + "&".join(named) if named else "")


_BETWEEN_WORDS = re.compile(r"(?<=[^|])\|\|?(?=[^|])")
"""A bar with something other than a bar on each side, in a word."""


class Parser:
    """Recursive descent over the language in the module docstring."""

    def __init__(
        self, text: str, docs: list[Doc], annotations: Annotations, floor: bool = False
    ) -> None:
        self.tokens = self._lex(text)
        self.at = 0
        self.docs = docs
        self.annotations = annotations
        self.limited: list[str] = []
        """Expansions the fast path may cap (more candidates than it keeps)."""
        self.floor = floor
        """Read capped expansions as the least the fast path must find: a prefix with more
        words than it keeps as none, a fuzzy word as the word as typed, when articles use it
        (it is searched first)."""

    @property
    def negated(self) -> bool:
        """Whether the query leaves something out (then its floor is no floor)."""
        return any(
            k == "minus" or (k == "word" and v in ("NOT", "ANDNOT")) for k, v, _ in self.tokens
        )

    @staticmethod
    def _lex(text: str) -> list[tuple[str, str, str]]:
        text = seen(text.translate(_QUOTES))
        tokens = []
        at = 0
        while at < len(text):
            if text[at].isspace():
                at += 1
                continue
            address = _ADDRESS.match(text, at)
            after = tokens[-1][:2] if tokens else ("", "")
            after_url = after[0] == "field" and after[1].lower() == "url"
            if address and (after_url or after[0] in ("minus", "open") or text[at - 1 : at] in " "):
                # A page's address pasted alone, or after `url:`: its site and path, in `url:`.
                if not after_url:
                    tokens.append(("field", "url", ""))
                tokens.append(("word", page(address.group()), ""))
                at = address.end()
                continue
            match = _TOKEN.match(text, at)
            if not match or match.end() == at:
                raise OracleQueryError(f"cannot read {text[at:]!r}")
            kind = match.lastgroup or ""
            if kind == "slop":
                kind = "phrase"
            value = match.group(kind)
            if kind == "word" and value in ("|", "||"):
                value = "OR"  # as in web searches and code
            after_field = bool(tokens) and tokens[-1][0] == "field"
            if kind == "word" and not after_field and ":" not in value and "/" not in value:
                # Between two words without spaces too: `kelmor|velna` is kelmor OR velna.
                first, *others = _BETWEEN_WORDS.split(value)
                for word in others:
                    tokens += [("word", first, ""), ("word", "OR", "")]
                    if len(word) > 1 and word[0] in _DASHES:  # `bank||-ports`: NOT ports
                        tokens.append(("minus", word[0], ""))
                        word = word[1:]
                    first = word
                value = first
            tokens.append((kind, value, match.group("slop") or ""))
            at = match.end()
        return tokens

    def peek(self) -> tuple[str, str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str, str]:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def at_word(self, *words: str) -> bool:
        token = self.peek()
        return token is not None and token[0] == "word" and token[1] in words

    def parse(self) -> Match:
        if not self.tokens or self.tokens == [("word", "*", "")]:
            return lambda doc: True
        found = self.query()
        if self.peek() is not None:
            raise OracleQueryError(f"unexpected {self.peek()}")
        return found

    def query(self) -> Match:
        clauses = [self.clause()]
        while self.peek() is not None and self.peek()[0] != "close":  # type: ignore[index]
            clauses.append(self.clause())
        return lambda doc: all(clause(doc) for clause in clauses)

    def clause(self) -> Match:
        first = self.either()
        removed = []
        while self.at_word("ANDNOT"):
            self.take()
            removed.append(self.either())
        return lambda doc: first(doc) and not any(other(doc) for other in removed)

    def either(self) -> Match:
        options = [self.both()]
        while self.at_word("OR"):
            self.take()
            options.append(self.both())
        return lambda doc: any(option(doc) for option in options)

    def both(self) -> Match:
        parts = [self.unary()]
        while self.at_word("AND"):
            self.take()
            parts.append(self.unary())
        return lambda doc: all(part(doc) for part in parts)

    def unary(self) -> Match:
        token = self.peek()
        if token and (token[0] == "minus" or token[:2] == ("word", "NOT")):
            self.take()
            inner = self.unary()
            return lambda doc: not inner(doc)
        return self.atom()

    def atom(self) -> Match:
        kind, value, slop = self.take()
        if kind == "open":
            inner = self.query()
            if self.take()[0] != "close":
                raise OracleQueryError("unclosed group")
            return inner
        if kind == "field":
            name = value.lower()
            if name == "date":
                return self.date(self.take())
            if name in ("tag", "note", "is", "has"):
                return self.annotation(name, self.take())
            if name not in FIELD_NAMES:
                raise OracleQueryError(f"unknown field {name}")
            return self.leaf([FIELD_NAMES[name]], self.take())
        return self.leaf(list(TEXT_FIELDS), (kind, value, slop))

    # -- leaves ----------------------------------------------------------------------------

    def leaf(self, fields: list[str], token: tuple[str, str, str]) -> Match:
        kind, value, slop = token
        if kind == "phrase":
            return self.phrase(fields, value, int(slop or 1))
        if kind == "range":
            return self.word_range(fields, value)
        if kind != "word":
            raise OracleQueryError(f"unexpected {token}")
        if has_unspaced(value.rstrip("*~")) and (value.endswith("~") or len(value) > 2):
            # Searched as the phrase of its character pairs, also with ~ or * (a pair is a
            # part of a word already); a lone character with * is the pairs it starts.
            return self.phrase(fields, value.rstrip("*~"), 1)
        if value.endswith("*") and value.count("*") == 1:
            return self.prefix(fields, value[:-1])
        if value.endswith("~"):
            return self.fuzzy(fields, value[:-1])
        words = {name: _analyse(name, value) for name in fields}
        if not any(words.values()):
            raise OracleQueryError(f"{value!r} is only a stop word")
        if any(len(parts) > 1 for parts in words.values()):
            # A word the analyzer splits ("covid-19", "1,000") is the phrase of its parts.
            return self.phrase(fields, value, 1)
        return lambda doc: any(
            parts and all(part in doc.words[name] for part in parts)
            for name, parts in words.items()
        )

    def phrase(self, fields: list[str], text: str, slop: int) -> Match:
        words = {name: _analyse(name, text) for name in fields}

        def found(doc: Doc) -> bool:
            for name, wanted in words.items():
                if not wanted:
                    continue
                where: dict[str, set[int]] = {}
                for word, position in doc.tokens[name]:
                    where.setdefault(word, set()).add(position)
                ends = where.get(wanted[0], set())
                for word in wanted[1:]:  # each word within `slop` positions after the last
                    ends = {p for p in where.get(word, ()) if any(1 <= p - e <= slop for e in ends)}
                if ends:
                    return True
            return False

        return found

    def word_range(self, fields: list[str], text: str) -> Match:
        """Indexed words from one bound to the other, each analysed as one word; `[ ]`
        includes the bounds, `{ }` leaves them out."""
        bounds = re.fullmatch(r"([\[{])\s*(\S*)\s*TO\s*(\S*)\s*([\]}])", text)
        if not bounds:
            raise OracleQueryError(f"not a range: {text}")
        opening, low, high, closing = bounds.groups()

        def within(name: str) -> Callable[[str], bool]:
            start = _analyse(name, low, whole=True) if low else None
            end = _analyse(name, high, whole=True) if high else None

            def test(word: str) -> bool:
                if start is not None and (word < start or (opening == "{" and word == start)):
                    return False
                return end is None or not (word > end or (closing == "}" and word == end))

            return test

        tests = {name: within(name) for name in fields}
        return lambda doc: any(tests[name](word) for name in fields for word in doc.words[name])

    def prefix(self, fields: list[str], text: str) -> Match:
        """Indexed words starting with the prefix, which is analysed as one word (not split,
        stemmed: `floode*` is `flood*`)."""
        starts = {name: _analyse(name, text, whole=True) for name in fields}
        for name, start in list(starts.items()):
            expansions = {w for doc in self.docs for w in doc.words[name] if w.startswith(start)}
            if len(expansions) > PREFIX_EXPANSIONS:
                self.limited.append(f"{text}*")
                if self.floor:
                    del starts[name]  # any 8 of its words: none is sure to be searched
        return lambda doc: any(
            word.startswith(start) for name, start in starts.items() for word in doc.words[name]
        )

    def fuzzy(self, fields: list[str], text: str) -> Match:
        """The words articles use that are one edit (deletion, insertion, substitution or swap
        of neighbours) from the word as typed (folded, not stemmed), keeping its first letter
        (two for short words); each matches as that word would (its stem, in titles and bodies).

        Words, not stems: "interes~" reaches "interest" and "interns", never "international",
        which only shares the stem "intern" with one of them.
        """
        word = fold(text)
        keep = 1 if len(word) > 3 else min(len(word), 2)
        terms: dict[str, set[str]] = {}
        for name in fields:
            near = {
                used
                for doc in self.docs
                for used in doc.surface[name]
                if used[:keep] == word[:keep] and _one_edit(used[keep:], word[keep:])
            }
            if name in TEXT_FIELDS:
                terms[name] = {term for term in map(analyse_word, near) if term is not None}
            else:
                terms[name] = near
            if len(terms[name]) > FUZZY_EXPANSIONS:
                self.limited.append(f"{text}~")
                if self.floor:  # the word as typed, searched first when articles use it
                    used = any(word in doc.surface[name] for doc in self.docs)
                    own = analyse_word(word) if name in TEXT_FIELDS else word
                    terms[name] = {own} if used and own is not None else set()
        return lambda doc: any(terms[name] & doc.words[name] for name in fields)

    def date(self, token: tuple[str, str, str]) -> Match:
        kind, value, _ = token
        if kind == "range":  # [A TO B], [A TO], [TO B]: from A's first moment to B's last
            bounds = re.fullmatch(r"\[\s*(\S*)\s*TO\s*(\S*)\s*\]", value)
            if not bounds:
                raise OracleQueryError(f"not a date range: {value}")
            low, high = bounds.groups()
            start = _period(low)[0] if low else datetime.min
            end = _period(high)[1] if high else datetime.max
        elif ".." in value:  # A..B, A.., ..B: the same, written as in web searches
            low, high = value.split("..", 1)
            start = _period(low)[0] if low else datetime.min
            end = _period(high)[1] if high else datetime.max
        else:
            op = re.match(r"[<>]=?", value)
            if op:
                first, last = _period(value[op.end() :])
                start, end = {
                    ">": (last + timedelta(microseconds=1), datetime.max),
                    ">=": (first, datetime.max),
                    "<": (datetime.min, first - timedelta(microseconds=1)),
                    "<=": (datetime.min, last),
                }[op.group()]
            else:
                start, end = _period(value)
        return lambda doc: doc.within(start, end)

    def annotation(self, name: str, token: tuple[str, str, str]) -> Match:
        value = token[1].lower()
        marks = self.annotations
        if name == "tag":
            return lambda doc: doc.key in marks.tags.get(value, set())
        if name == "note":
            return lambda doc: value in marks.notes.get(doc.key, "").lower().split()
        chosen = {
            ("is", "starred"): (marks.starred, True),
            ("is", "read"): (marks.read, True),
            ("is", "unread"): (marks.read, False),
            ("has", "notes"): (set(marks.notes), True),
            ("has", "highlights"): (marks.highlighted, True),
        }[(name, value)]
        keys, wanted = chosen
        return lambda doc: (doc.key in keys) == wanted


def _analyse(fieldname: str, text: str, whole: bool = False) -> Any:
    """The words of `text` as `fieldname` indexes them; with `whole`, `text` as one word."""
    analyzer = text_analyzer() if fieldname in TEXT_FIELDS else name_analyzer()
    if whole:
        return "".join(token.text for token in analyzer(text, tokenize=False, removestops=False))
    return [token.text for token in analyzer(text, mode="query")]


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` are equal or one deletion, insertion, substitution or swap of
    neighbouring letters apart."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _period(text: str) -> tuple[datetime, datetime]:
    """The first and last moment of `2017`, `2017-05` or `2017-05-30`."""
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [0, 0])[:3]
    first = datetime(year, month or 1, day or 1)
    if day:
        last_day = date(year, month, day)
    elif month:
        last_day = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    else:
        last_day = date(year, 12, 31)
    return first, datetime.combine(last_day, datetime.max.time())


# -- searching -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OracleResults:
    keys: frozenset[str]
    facets: dict[str, dict[str, int]]
    limited: tuple[str, ...]
    """Prefix or fuzzy words with more expansions than the fast path keeps: it may find less."""
    floor: frozenset[str] | None = None
    """When `limited`, the articles it must find still (a fuzzy word's as typed); None when
    the query leaves something out, which a capped expansion may let back in."""

    @property
    def total(self) -> int:
        return len(self.keys)


def search(
    docs: Iterable[Doc],
    text: str,
    *,
    filters: dict[str, str] | None = None,
    annotations: Annotations | None = None,
) -> OracleResults:
    """The articles of `docs` that `text` (and every filter) matches, with facet counts."""
    docs = list(docs)
    parser = Parser(text.strip(), docs, annotations or Annotations())
    matches = parser.parse()

    def kept(doc: Doc) -> bool:
        return all(_filtered(doc, n, v) for n, v in (filters or {}).items() if v)

    found = [doc for doc in docs if matches(doc) and kept(doc)]
    floor = None
    if parser.limited and not parser.negated:
        least = Parser(text.strip(), docs, annotations or Annotations(), floor=True).parse()
        floor = frozenset(doc.key for doc in found if least(doc))
    facets = {
        name: dict(Counter(doc.facets[name] for doc in found))
        for name in ("source", "section", "year")
    }
    return OracleResults(frozenset(doc.key for doc in found), facets, tuple(parser.limited), floor)


def timeline(
    dates: list[tuple[date, str] | None],
) -> tuple[str | None, list[tuple[date, int]], int, int, str]:
    """(granularity, [(bucket start, hits)], undated, left out, span) of these hits' dates (each its
    first day and "", "month" or "year" for a hit dated by that period alone), the slow way:
    walk every day from the first to the last hit a granularity counts, naming its day, ISO
    week, month, year, decade and century, and take the finest that counts at least half the
    dated hits in at most 60 periods (centuries beyond that); empty periods included. A
    granularity counts a hit when one of its periods holds the hit's whole period (its first
    and last day named alike); the others are left out. The span runs from the counted hit
    that starts first to the one that ends last (of equals, the longer period), each as its
    date is shown (`2019-03-05`, `2019-03`, `2019`). (Decades and centuries are counted from
    year 0, which the calendar lacks: the first ones start in year 1.)"""
    dated = [d for d in dates if d is not None]
    undated = len(dates) - len(dated)
    if not dated:
        return None, [], undated, 0, ""
    names: dict[str, Callable[[date], date]] = {
        "day": lambda d: d,
        "week": lambda d: date.fromisocalendar(*d.isocalendar()[:2], 1),
        "month": lambda d: date(d.year, d.month, 1),
        "year": lambda d: date(d.year, 1, 1),
        "decade": lambda d: date(max(1, d.year - d.year % 10), 1, 1),
        "century": lambda d: date(max(1, d.year - d.year % 100), 1, 1),
    }
    for granularity, name in names.items():
        counted = [(f, p) for f, p in dated if name(f) == name(_last_day(f, p))]
        shown = [first for first, _ in counted]
        if 2 * len(shown) < len(dated):
            continue
        first, days = min(shown), (max(shown) - min(shown)).days + 1
        walk = (first + timedelta(days=n) for n in range(days))  # lazily: may stop early
        periods: dict[date, None] = {}
        for day in walk:
            periods[name(day)] = None
            if len(periods) > 60 and granularity != "century":
                break  # too many: a coarser one
        if len(periods) <= 60 or granularity == "century":
            counts = Counter(name(d) for d in shown)
            left_out = len(dated) - len(shown)
            longer = {"": 0, "month": 1, "year": 2}
            start = min(counted, key=lambda hit: (hit[0], -longer[hit[1]]))
            end = max(counted, key=lambda hit: (_last_day(*hit), longer[hit[1]]))
            span = " – ".join(dict.fromkeys(_shown(*hit) for hit in (start, end)))
            return granularity, [(p, counts[p]) for p in periods], undated, left_out, span
    raise AssertionError("unreachable")


def _shown(first: date, period: str) -> str:
    shown = first.isoformat()
    return shown[:4] if period == "year" else shown[:7] if period else shown


def _last_day(first: date, period: str) -> date:
    """The last day of the period ("", "month" or "year") starting on `first`."""
    return _period(_shown(first, period))[1].date()


def _filtered(doc: Doc, name: str, value: str) -> bool:
    """Whether `doc` passes a filter: a facet value, or a `date` period (`1987`, `1987-03`,
    `1987-03-02`, `FROM..TO`)."""
    if name != "date":
        return doc.facets[name] == value
    first, _, last = value.partition("..")
    return doc.within(_period(first)[0], _period(last or first)[1])


def date_order(docs: Iterable[Doc], keys: Iterable[str], *, newest: bool) -> list[str]:
    """These articles' keys in the order a date sort must list them: by the page's own day
    (the day shown and filtered by), then within it by the instant they came out (not the wall
    time), newest (or oldest) first, undated last, equal times by key."""
    instants = {
        doc.key: (doc.published.date(), doc.instant)
        for doc in docs
        if doc.published is not None and doc.instant is not None
    }
    ordered = sorted(keys)
    when = {key: instants[key] for key in ordered if key in instants}
    # Stable: equal instants keep their keys' order either way.
    dated = sorted(when, key=when.__getitem__, reverse=newest)
    return [*dated, *(key for key in ordered if key not in when)]


def docs_of(library: Any) -> list[Doc]:
    """Every article of the library's article store."""
    store = library.docs
    return [Doc.of(article) for article in store.articles(list(store.all_keys())).values()]


# -- stories -----------------------------------------------------------------------------------


def stories_of(library: Any) -> dict[str, str]:
    """Article key -> story, as the article store records it."""
    return dict(library.docs.connection.execute("SELECT key, story FROM story_of"))


def story_problems(library: Any) -> list[str]:
    """Where the store's stories disagree with the articles, compared pair by pair: two
    articles are versions when their sketches share a band (the candidates LSH finds), their
    shingle sets resemble (`stories.SAME_STORY`) and `stories.same_substance` agrees; versions link articles into parts, and each part is cut
    into stories in key order, an article joining the story of the first earlier leading
    article it is a version of, else leading its own."""
    from itertools import combinations

    from newsread.index.engine.stories import (
        MIN_SHINGLES,
        SAME_STORY,
        Substance,
        band_hashes,
        resemblance,
        same_substance,
        shingles,
        sketch,
    )

    store = library.docs
    articles = store.articles(list(store.all_keys()))
    story_of = stories_of(library)
    problems = [f"{key} has no story" for key in articles if key not in story_of]
    problems += [f"{key} has a story but no article" for key in story_of if key not in articles]
    sets = {key: shingles(article.body) for key, article in articles.items()}
    facts = {key: Substance.of(article) for key, article in articles.items()}
    bands = {key: set(band_hashes(sketch(found))) for key, found in sets.items()}

    def versions(a: str, b: str) -> bool:
        return resemblance(sets[a], sets[b]) >= SAME_STORY and same_substance(facts[a], facts[b])

    def linked(a: str, b: str) -> bool:
        big = min(len(sets[a]), len(sets[b])) >= MIN_SHINGLES
        return big and not bands[a].isdisjoint(bands[b]) and versions(a, b)

    parent = {key: key for key in sets}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for a, b in combinations(sorted(sets), 2):
        if linked(a, b):
            parent[root(a)] = root(b)
    parts: dict[str, list[str]] = {}
    for key in sorted(sets):
        parts.setdefault(root(key), []).append(key)
    expected: set[frozenset[str]] = set()
    for keys in parts.values():
        leaders: dict[str, list[str]] = {}
        for key in keys:
            leader = next((first for first in leaders if versions(key, first)), key)
            leaders.setdefault(leader, []).append(key)
        expected |= {frozenset(group) for group in leaders.values()}
    stored: dict[str, set[str]] = {}
    for key in sets:
        stored.setdefault(story_of.get(key, key), set()).add(key)
    found = {frozenset(group) for group in stored.values()}
    problems += [f"story {sorted(g)} is not as the articles make it" for g in found - expected]
    problems += [f"story {sorted(g)} is missing" for g in expected - found]
    return problems
