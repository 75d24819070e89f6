"""A summary given beside an article's text (a feed's description, an API's or a front matter's
standfirst or excerpt) is often the article's lede, the paragraph its text then leaves out."""

from __future__ import annotations

import re

SUMMARY_KEYS = (
    "description", "summary", "abstract", "excerpt", "lead", "standfirst", "subtitle",
    "subheadline", "dek", "deck",
)  # fmt: skip
"""Keys of a summary, folded (lower case, no "_" or "-")."""
LEDE_WORDS = 120
"""A summary longer than this many words is a second copy of the article, not its lede."""
_WORD = re.compile(r"\w+")
_ENDED = re.compile(r"[.!?…\"'”’»)\]]\s*$")  # a sentence's end: no word cut short
_CUT = re.compile(r"(?:\s*(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.|\[\+\d+ chars\]))+\s*$")


def with_lede(body: list[str], summary: list[str], title: str) -> list[str]:
    """`body` opened by `summary` (a feed's description, an API's standfirst or excerpt: often
    the article's lede, which the body then leaves out), unless the body already says it
    (often its start, cut short with "…" or WordPress's "[…]") or it is the title again."""
    said = " ".join(summary)
    cut = _CUT.search(said)
    words = _WORD.findall((said[: cut.start()] if cut else said).casefold())
    if cut and words:
        words.pop()  # maybe half a word where the cut fell
    if not words or len(words) > LEDE_WORDS:
        return body
    said_already = " ".join(_WORD.findall(" ".join([title, *body]).casefold()))
    needle = f" {' '.join(words)} "
    if not cut and not _ENDED.search(said):
        # The body's first N characters, cut with no mark: its last word may be half a word.
        needle = needle[:-1]
    return body if needle in f" {said_already} " else [*summary, *body]
