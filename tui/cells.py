"""Text as a terminal shows it: measured in cells, cut only between grapheme clusters.

A cluster is what a reader sees as one character: a letter and its accents, a flag (two
regional indicators), an emoji with its skin tone or variation selector, a family joined by
zero-width joiners. Cutting inside one shows half a flag or a lone joiner, and its width
is then anyone's guess.

Terminals disagree on one case Rich measures with confidence: a character narrow on its own
followed by the emoji selector VS16 (☀️, ❤️, ⚠️) is two cells in kitty and Rich, one in tmux
3.3: the row's border moved by a column. `steady` asks for the text presentation (VS15)
instead, one cell everywhere; it keeps the text's length, so every offset still holds.
tmux 3.3 also draws a skin tone as a square of its own: "👍🏽" is four cells there, two in
Rich, and the rest of the row moved two cells right, its last two under the border. `steady`
shows the emoji without its tone (VS16 in its place, two cells everywhere); copies, quotes and
exports keep the tone, as they keep VS16.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len, get_character_cell_size
from textual.content import Content, Span

VS15 = "\ufe0e"
VS16 = "\ufe0f"
ZWJ = "\u200d"
ELLIPSIS = "…"
_SELECTED = re.compile(f"(.){VS16}", re.DOTALL)


_SKIN_TONE = re.compile("[\U0001f3fb-\U0001f3ff]")


def steady(text: str) -> str:
    """`text` with VS16 after a narrow character made VS15, and skin tones made VS16 (see
    the module docstring)."""
    if _SKIN_TONE.search(text):
        text = _SKIN_TONE.sub(VS16, text)
    if VS16 not in text:
        return text
    return _SELECTED.sub(
        lambda m: m.group(1) + (VS15 if get_character_cell_size(m.group(1)) == 1 else VS16),
        text,
    )


def _regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


_JOINS_BEFORE = "\u0e33\u0eb3"
"""Thai and Lao sara am: letters by category, but spacing marks of the consonant before."""


def _extends(char: str) -> bool:
    """Whether `char` belongs to the cluster before it (marks, selectors, skin tones, tags,
    a Hangul syllable's vowel and final consonant when it is spelt in jamo, as NFD spells
    it: "신" is ᄉ ᅵ ᆫ, drawn as one syllable two cells wide)."""
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
        or "\U000e0020" <= char <= "\U000e007f"  # tag characters (subdivision flags)
        or conjoining_jamo(char)
        or char in _JOINS_BEFORE
    )


def conjoining_jamo(char: str) -> bool:
    """Whether `char` is a Hangul vowel or final consonant spelt as a jamo of its own (as NFD
    spells a syllable): it is part of the syllable before it, and NFC composes them."""
    return "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff"


def cluster_ends(text: str) -> list[int]:
    """The offset where each grapheme cluster of `text` ends, in order."""
    ends: list[int] = []
    length = len(text)
    i = 0
    while i < length:
        i += 2 if _regional(text[i]) and i + 1 < length and _regional(text[i + 1]) else 1
        while i < length:
            if text[i] == ZWJ:
                i = min(i + 2, length)  # the joiner takes the next character with it
            elif _extends(text[i]):
                i += 1
            else:
                break
        ends.append(i)
    return ends


def _cluster_from(text: str, start: int) -> int:
    """Where the cluster starting at `start` ends (`cluster_ends`, one step)."""
    length = len(text)
    i = start + (
        2 if _regional(text[start]) and start + 1 < length and _regional(text[start + 1]) else 1
    )
    while i < length:
        if text[i] == ZWJ:
            i = min(i + 2, length)
        elif _extends(text[i]):
            i += 1
        else:
            break
    return i


def cluster_at(text: str, at: int) -> tuple[int, int]:
    """The start and end of the cluster of `text` holding the character at `at` (`at` at the
    end: an empty span there).

    Looks only as far back as the cluster's start: a cursor in a 1 MB line must not cluster
    the whole line at each key. A character that can only open a cluster (not a mark, a
    selector, a joiner or what one joins, nor a regional indicator, whose pairs count from the
    start of their run) is where counting starts.
    """
    if at >= len(text):
        return len(text), len(text)
    start = at
    while start > 0 and (
        _extends(text[start])
        or _regional(text[start])
        or text[start] == ZWJ
        or text[start - 1] == ZWJ
    ):
        start -= 1
    while True:
        end = _cluster_from(text, start)
        if end > at:
            return start, end
        start = end


def cut_at(text: str, width: int) -> int:
    """The longest prefix of `text` made of whole clusters within `width` cells: its length."""
    if cell_len(text) <= width:
        return len(text)
    start = used = 0
    for end in cluster_ends(text):
        used += cell_len(text[start:end])
        if used > width:
            return start
        start = end
    return start


def clip(text: str, width: int) -> str:
    """`text` within `width` cells, cut between clusters and ended with "…" when cut."""
    if cell_len(text) <= width:
        return text
    return text[: cut_at(text, max(width - 1, 0))] + ELLIPSIS


def clip_content(content: Content, width: int) -> Content:
    """`clip` for a styled line: spans are kept up to the cut, and those running past it
    style the "…" (as Textual's own truncation does)."""
    if content.cell_length <= width:
        return content
    cut = cut_at(content.plain, max(width - 1, 0))
    spans = [
        Span(span.start, min(span.end, cut + 1), span.style)
        for span in content.spans
        if span.start < cut
    ]
    return Content(content.plain[:cut] + ELLIPSIS, spans)


def keep_in_view(
    text: str, spans: list[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """`text` and its `spans` as a line of `width` cells shows its first span: unchanged when
    the span ends within the cut (`clip`), else from a word or so before it, after "… ".

    A snippet is a passage of ~220 characters that starts a little before its best match; a
    list row of 60 cells showed only the words before the match, and no match at all.
    """
    if not spans or width <= 0:
        return text, spans
    start, end = min(spans)
    if cell_len(text[:end]) <= width - 1:
        return text, spans
    lead = max((width - 2) // 4, 0)  # cells kept before the match
    starts = [0, *cluster_ends(text)]
    begin = start
    for at in reversed([s for s in starts if s < start]):
        if cell_len(text[at:start]) > lead:
            break
        begin = at
    space = text.find(" ", begin, start)
    begin = space + 1 if space >= 0 else begin
    if begin == 0:
        return text, spans  # the match is the line's start: nothing to leave out
    shift = len(ELLIPSIS) + 1 - begin
    moved = [(s + shift, e + shift) for s, e in spans if s >= begin]
    return f"{ELLIPSIS} {text[begin:]}", moved


_OPENING_QUOTES = '“"«„「『'
_CLOSING_QUOTES = '”"»“」』'


def unquoted(text: str) -> str:
    """`text` without the quotation marks around it, if it is one quotation (marks and all): it
    is shown in quotes of newsread's own, and a passage selected with its marks read ““…””.
    A passage of two quotations and words between them (“Yes,” she said, “now.”) keeps them."""
    inner = text[1:-1]
    if (
        len(text) >= 2
        and text[0] in _OPENING_QUOTES
        and text[-1] in _CLOSING_QUOTES
        and not any(mark in inner for mark in _OPENING_QUOTES + _CLOSING_QUOTES)
    ):
        return inner
    return text
