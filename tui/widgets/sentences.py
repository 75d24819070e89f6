"""Where sentences start in an article's text, for the reader's `(` and `)` motions, and the
quotation marks and brackets a passage takes with it.

A full stop ends a sentence unless, as a sentence splitter would judge it, it closes an
abbreviation: the next word is lowercase ("Corp. said"), the word before is a title or another
abbreviation that a name or number follows ("Mr. Smith", "z.B. Öl", "No. 5"), or it is a single
capital (an initial "J. Smith", "the U.S. Attack"). A blank line always ends one, and so do
the stops of other scripts: Arabic and Urdu's, the Devanagari danda, and the full-width ones of
Chinese and Japanese, after which the next sentence follows with no space.
"""

from __future__ import annotations

import re

_END = re.compile(
    r"[.!?…؟۔।]+[\"'”’)\]»]*(?=\s)"
    # Chinese and Japanese stops: the next sentence follows without a space.
    r"|[。！？｡]+[”’」』）〕】》〉)\]]*"
    r"|\n\n"
)
# The word (letters and inner dots, "U.S", "z.B") right before a full stop.
_WORD_BEFORE = re.compile(r"(?:\w\.)*\w+$")
# Abbreviations that a name or more words follow, never ending a sentence (English, German,
# French): titles, "e.g."-like ones and place prefixes.
_ALWAYS = frozenset(
    """mr mrs ms messrs dr prof rev hon gen lt col maj capt cmdr sgt adm gov sen rep pres st
    mt ft vs approx cf ca e.g i.e dept univ
    hr hrn fr frl bzw usw vgl ggf z.b d.h u.a evtl inkl sog
    mme mmes mlle mlles mgr me p.ex""".split()
)
# Abbreviations a number follows ("No. 5", "Jan. 12", "S. 3"); before a word they may end one.
_BEFORE_NUMBER = frozenset(
    """no nos nr fig vol pp p s art jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def sentence_starts(text: str) -> list[int]:
    """The offsets where sentences of `text` start, 0 first, in order."""
    starts = [0]
    for match in _END.finditer(text):
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            continue
        if match[0] == "\n\n" or not _is_abbreviation(text, match.start(), match[0], text[start]):
            starts.append(start)
    return starts


def _is_abbreviation(text: str, stop: int, end: str, following: str) -> bool:
    """Whether the stop at `stop` (matched as `end`, `following` the next character) is no end."""
    if following.islower():
        return True  # "Exxon U.S.A. unit", "Corp. said"
    if end != ".":
        return False  # "!", "?", "...", a stop inside quotes
    found = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    if found is None:
        return False
    word = found[0]
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True  # an initial or an acronym ("J. Smith", "U.S.")
    return word.lower() in _ALWAYS or (following.isdigit() and word.lower() in _BEFORE_NUMBER)


_OPENING = "“‘«‹„‚([{「『"
_CLOSING = "”’»›)]}」』"
_STRAIGHT = "\"'"
"""Straight quotes open or close by where they stand: after a space, before one (or a stop)."""
_BOTH = _STRAIGHT + "“‘"
"""These close where they stand before a space or a stop too: German quotes „so“."""


def with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` widened to take the opening quotation marks and brackets right before
    it and the closing ones right after it: a passage begun inside a quote (a find match, a
    word motion) quoted without its opening mark read as an unbalanced quotation."""
    while start > 0 and _opens(text, start - 1):
        start -= 1
    while end < len(text) and _closes(text, end):
        end += 1
    return start, end


def _opens(text: str, at: int) -> bool:
    mark = text[at]
    if mark in _STRAIGHT:
        return at == 0 or text[at - 1].isspace() or text[at - 1] in _OPENING
    return mark in _OPENING


def _closes(text: str, at: int) -> bool:
    mark = text[at]
    if mark in _BOTH:
        after = text[at + 1 : at + 2]
        return not after or after.isspace() or after in _CLOSING or after in ".,;:!?…"
    return mark in _CLOSING
