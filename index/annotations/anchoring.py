"""Finding a highlight again in an article whose text may have changed.

A highlight is stored the way the W3C Web Annotation model describes a text target: a
TextQuoteSelector (the exact quote plus ~32 characters of prefix and suffix context) and a
TextPositionSelector (start/end character offsets into `Article.body`). `anchor` tries, in order:

1. the stored offsets, if the body still holds the quote there (among its paragraph's words,
   below): "anchored";
2. an exact occurrence of the quote elsewhere, the one whose prefix/suffix context matches best,
   then the one nearest the old position: "moved";
3. a fuzzy match (rapidfuzz) of similar length, scored on quote, prefix, suffix and position and
   accepted only above a threshold, then cut to where it aligns with the quote (so a sentence
   written just beside the edited passage stays out of it): "fuzzy";
4. nothing: "orphaned" (no offsets). Orphaned highlights are kept; the user can reattach them.

Candidates are scored like the Hypothesis client's `match-quote` (quote 50, prefix 20, suffix
20, position 2; normalised to 0..1). A short quote (a common phrase) is only accepted where its
context is recognisable, so deleting a passage does not send its highlight to the same words
in another paragraph; an exact occurrence with one side of its context whole passes too when
the other side's text is still in the article (a paragraph inserted above the one it opens, or
its paragraph moved), never when that text is gone with the passage. An exact occurrence with a poor context competes with the best fuzzy
match: the phrase may recur elsewhere while the passage itself was edited in place.

A fuzzy match of a quote across line breaks keeps each of its lines (`_keeps_lines`): a passage
whose second paragraph moved away, or with an embed's lines put between its two, is not shown
on the other text; an advert or a caption between them may stand inside it when every word of
the quote does too. When no fuzzy span can hold it (an embed longer than a quarter of the
quote), the quote's lines found whole, in order, with one block of other text between two of
them, are the place, said to have changed (`_around_a_block`); else it is orphaned.

A passage an article holds twice (a pull quote, a text pasted twice) has the same words around
both copies: when the copy the reader marked is reworded, the quote and its context are still
exact at the other. Where the old context still frames the old offsets around other text, the
passage was rewritten where it stood (`_edited_in_place`): placed there, "fuzzy", or orphaned,
never "moved" onto the other copy as if unchanged. A word changed just beside the marked copy
leaves the quote a few characters from its old place with one side of its context whole: that
occurrence is taken before a copy elsewhere with both sides whole.

Words broken with a hyphen at a line's end ("eco-\nnomy") are spelt as one (`_spelling`): a
re-save that re-wraps a text does not change its words.

Whatever its length, a place is taken only where the words around the quote within its own
paragraph (the context before it back to a line break, after it up to one) are still beside
it on one side at least: a paragraph deleted while the next one opens with the same words
leaves the highlight orphaned, not on the next paragraph (which takes the old offsets too).

Pure functions: no database, no I/O.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from newsread.index.annotations.model import ANCHOR_STATUSES, AnchorStatus

CONTEXT_CHARS = 32
"""How much text before and after a quote is kept as its prefix and suffix."""

FUZZY_MIN_QUOTE = 0.75
"""A fuzzy match must keep at least this much of the quote (Indel similarity, rapidfuzz
`fuzz.ratio`): with equal lengths, at most a quarter of the characters changed. Unrelated
English passages of 20+ characters score 0.35-0.55 and rarely reach 0.7."""

FUZZY_MIN_SCORE = 0.80
"""...and the weighted score of quote, prefix, suffix and position must reach this, so a
changed quote also needs most of its context. Edits inside a passage with its context intact
score 0.85-1.0; after the passage was deleted, near-misses elsewhere score mostly 0.70-0.80."""

LENGTH_TOLERANCE = 0.25
"""A fuzzy match is between 75% and 125% of the quote's length, so a short quote never
lands inside a much longer (or shorter) passage that merely resembles it."""

SHORT_QUOTE = 24
"""Quotes shorter than this are common phrases; they need their context to be found again."""

CONTEXT_MIN = 0.75
"""For a short quote, prefix and suffix must match this well on average (unrelated
32-character snippets of English score about 0.35, 99.9% of them under 0.66)."""

_QUOTE_WEIGHT = 50.0
_PREFIX_WEIGHT = 20.0
_SUFFIX_WEIGHT = 20.0
_POSITION_WEIGHT = 2.0
_TOTAL_WEIGHT = _QUOTE_WEIGHT + _PREFIX_WEIGHT + _SUFFIX_WEIGHT + _POSITION_WEIGHT
_CANDIDATES = 8
NEAR_CONTEXT_MIN = 0.66
"""Context within the quote's paragraph is still beside a place when it matches this well: a
word changed beside the quote keeps it above, while the words after the same opening in
another paragraph score as unrelated text does (99.9% of such 32-character snippets of
English under 0.66)."""

_INTACT_CONTEXT = 0.95  # an exact occurrence with context this good is taken at once
_NEAR_MIN = 8
"""Context within the quote's paragraph shorter than this (`“I ` before a quote) says too
little either way: it is left out of `_Scorer.in_paragraph`."""
_SCAN_LIMIT = 32
_EDGE_MATCH = 4
_PUNCTUATION = "\"'“”‘’«»()[].,;:!?…-–— "
"""A fuzzy span starts (ends) at the first (last) run of at least this many characters that
it shares with the quote, so letters that happen to recur in inserted text do not count."""

_WORD_BREAKS = " \t\u00a0"
"""Where a word reworded at the edge of a fuzzy span ends."""

__all__ = ["ANCHOR_STATUSES", "Anchor", "AnchorStatus", "anchor", "make_selector"]


@dataclass(frozen=True)
class Anchor:
    """Where a highlight is in the current body; `start`/`end` are None when orphaned."""

    start: int | None
    end: int | None
    status: AnchorStatus
    score: float = 1.0
    """How well the text at the anchor matches (1.0 exact, 0.0 orphaned)."""


ORPHANED = Anchor(None, None, "orphaned", 0.0)


def make_selector(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The (quote, prefix, suffix) describing `body[start:end]`.

    Raises:
        ValueError: the range is empty or outside the body.
    """
    if not 0 <= start < end <= len(body):
        raise ValueError(f"bad text range {start}..{end} for a body of {len(body)} characters")
    prefix = body[max(0, start - CONTEXT_CHARS) : start]
    suffix = body[end : end + CONTEXT_CHARS]
    return body[start:end], prefix, suffix


def anchor(
    body: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    start: int | None = None,
    end: int | None = None,
) -> Anchor:
    """Find `quote` in `body`, made at `start`..`end` with the given context (see module doc).

    A highlight orphaned in a body or made on text not in NFC is looked for again with both
    composed (`_anchor_composed`): a tool that saved the page decomposed (NFD) spells Korean,
    Vietnamese or Greek with two or three code points a letter, and neither the quote nor the
    context around it was still recognisable, every word of it there.
    """
    found = _anchor(body, quote, prefix, suffix, start, end)
    if found.status != "orphaned":
        return found
    return _anchor_composed(body, quote, prefix, suffix, start, end) or found


def _anchor_composed(
    body: str, quote: str, prefix: str, suffix: str, start: int | None, end: int | None
) -> Anchor | None:
    """`anchor` on the body, quote and context composed (NFC), the place found given back
    in the body's own offsets; None where all four were composed already, or if not found."""
    texts = (body, quote, prefix, suffix)
    if all(unicodedata.is_normalized("NFC", text) for text in texts):
        return None
    composed, starts, ends = _composed(body)
    found = _anchor(
        composed,
        unicodedata.normalize("NFC", quote),
        unicodedata.normalize("NFC", prefix),
        unicodedata.normalize("NFC", suffix),
        start,
        end,
    )
    if found.start is None or found.end is None or found.start == found.end:
        return None
    begin = starts[found.start]
    status: AnchorStatus = (
        "moved" if found.status == "anchored" and begin != start else found.status
    )
    return Anchor(begin, ends[found.end - 1], status, found.score)


def _composed(text: str) -> tuple[str, list[int], list[int]]:
    """`text` in NFC, with where in `text` each of its characters comes from: the start and
    the end of the letter it is part of (a letter and its marks, a Hangul syllable spelt in
    jamo), so a span of it maps to whole letters of `text`."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    while at < len(text):
        end = at + 1
        while end < len(text) and _combines(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[at:end])
        out.append(piece)
        starts.extend([at] * len(piece))
        ends.extend([end] * len(piece))
        at = end
    return "".join(out), starts, ends


def _combines(char: str) -> bool:
    """Whether `char` composes with the letter before it: a mark, or a conjoining Hangul
    vowel or final consonant."""
    return unicodedata.category(char).startswith("M") or "\u1160" <= char <= "\u11ff"


def _anchor(
    body: str,
    quote: str,
    prefix: str,
    suffix: str,
    start: int | None,
    end: int | None,
) -> Anchor:
    """`anchor`, with the body, quote and context as they are spelt."""
    if not quote or not body:
        return ORPHANED
    scorer = _Scorer(body, quote, prefix, suffix, start)
    if (
        start is not None
        and end is not None
        and 0 <= start <= end <= len(body)
        and body[start:end] == quote
        and scorer.in_paragraph(start, end)
    ):
        return Anchor(start, end, "anchored")
    moved = _exact(scorer)
    if moved is not None and start is not None and end is not None:
        assert moved.start is not None and moved.end is not None
        if not (moved.start < end and start < moved.end):
            edited = _edited_in_place(scorer, start)
            if edited is not None:  # the quote elsewhere is a repeat of the passage
                if edited.status == "orphaned":
                    return edited
                assert edited.start is not None
                if edited.status != "fuzzy":  # its words, spelt otherwise, text put in beside
                    return edited
                return _respelt(edited, body[edited.start : edited.end], quote, start)
    if moved is not None and moved.start is not None:
        # Its context whole, or at its old place with one side whole (a word changed beside
        # it): not compared with the fuzzy match, which may be another copy of it.
        if scorer.context_score(moved) >= _INTACT_CONTEXT or scorer.shifted(moved.start):
            return moved
    # The exact phrase with a poor context may be a repeat elsewhere while the passage itself
    # was edited in place: compare it with the best fuzzy match, by the same score.
    exact = moved
    if moved is not None and not (
        scorer.context_ok(moved) or scorer.parted(moved) or scorer.paragraph_side(moved)
    ):
        moved = None
    fuzzy = _fuzzy(scorer)
    if moved is not None and (fuzzy is None or moved.score >= fuzzy.score):
        return moved
    if fuzzy is not None:
        # The words themselves (or spelt otherwise), with text put in beside them that the
        # fuzzy span, scored on the old context, took in: the place is right, the words are
        # the quote's.
        if exact is not None and _overlap(exact, fuzzy):
            return exact
        within = _words_within(scorer, fuzzy)
        if within is not None and moved is not None and body[within.start : within.end] == quote:
            return moved  # another exact occurrence: `_exact` ranked them all, this one first
        if within is not None:
            return within
    if fuzzy is None:
        return _around_a_block(scorer) or ORPHANED
    return _respelt(fuzzy, body[fuzzy.start : fuzzy.end], quote, start)


def _words_within(scorer: _Scorer, found: Anchor) -> Anchor | None:
    """The quote's words, however spelt (`_folded`), inside the span `found`, as `_exact`
    or `_exact_respelt` would give them; None if they are not all there."""
    assert found.start is not None and found.end is not None
    folded, starts, ends = _folded(scorer.body[found.start : found.end])
    wanted = _folded(scorer.quote)[0].strip()
    at = folded.find(wanted) if wanted else -1
    if at < 0:
        return None
    start, end = found.start + starts[at], found.start + ends[at + len(wanted) - 1]
    status: AnchorStatus = "anchored" if start == scorer.hint else "moved"
    return Anchor(start, end, status, round(scorer.score(start, end, 1.0), 4))


def _overlap(one: Anchor, other: Anchor) -> bool:
    """Whether two found spans share a character."""
    assert one.start is not None and one.end is not None
    assert other.start is not None and other.end is not None
    return one.start < other.end and other.start < one.end


def _respelt(found: Anchor, text: str, quote: str, start: int | None) -> Anchor:
    """`found` as the quote itself ("anchored" where it was, else "moved") when only the
    spelling of its words changed (`_spelling`: quotes, dashes, ligatures, NFD, spaces and line
    breaks), from its first word to its last (a quotation mark spelt otherwise at its edge may
    be left out of the span): the reader was told their wording had changed where a re-save
    had only typeset it otherwise."""
    if _spaced(text).strip(_PUNCTUATION) != _spaced(quote).strip(_PUNCTUATION):
        return found
    return Anchor(found.start, found.end, "anchored" if found.start == start else "moved", 1.0)


def _spaced(text: str) -> str:
    """`text` spelt as `_spelling` does, its spaces and line breaks as one space, without
    hyphens inside words ("well-known" broken as "well-\nknown" is folded to "wellknown")."""
    return " ".join(_WORD_HYPHEN.sub("", _spelling(text).replace("--", "-")).split())


class _Scorer:
    """Scores a candidate span of the body as the place of the quote."""

    def __init__(self, body: str, quote: str, prefix: str, suffix: str, hint: int | None):
        self.body = body
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.hint = hint
        # The quote's own paragraph around it: the prefix after its last line break, the
        # suffix before its first.
        self.near_prefix = prefix[prefix.rfind("\n") + 1 :]
        self.near_suffix = suffix.split("\n", 1)[0]

    def context(self, start: int, end: int, *, spelt: bool = False) -> tuple[float, float]:
        """Similarity (0..1) of the stored prefix and suffix to the text around the span;
        `spelt`: also as `_spaced` spells both (a re-save's ligatures, quotes, line breaks or
        words hyphenated at a line's end beside a passage are the same context), the body's
        side read wider, as such a re-save may have made it longer."""
        prefix, suffix = len(self.prefix), len(self.suffix)
        before = fuzz.ratio(self.prefix, self.body[max(0, start - prefix) : start]) / 100.0
        after = fuzz.ratio(self.suffix, self.body[end : end + suffix]) / 100.0
        if spelt and before < 1.0:
            stored = _spaced(self.prefix)
            now = _spaced(self.body[max(0, start - 2 * prefix) : start])
            before = max(before, fuzz.ratio(stored, now[len(now) - len(stored) :]) / 100.0)
        if spelt and after < 1.0:
            stored = _spaced(self.suffix)
            now = _spaced(self.body[end : end + 2 * suffix])[: len(stored)]
            after = max(after, fuzz.ratio(stored, now) / 100.0)
        return before, after

    def position(self, start: int) -> float:
        if self.hint is None:
            return 0.0
        return 1.0 - min(1.0, abs(start - self.hint) / max(1, len(self.body)))

    def score(self, start: int, end: int, quote_similarity: float | None = None) -> float:
        """The weighted score of the span, 0..1."""
        if quote_similarity is None:
            quote_similarity = fuzz.ratio(self.quote, self.body[start:end]) / 100.0
        prefix, suffix = self.context(start, end)
        return (
            _QUOTE_WEIGHT * quote_similarity
            + _PREFIX_WEIGHT * prefix
            + _SUFFIX_WEIGHT * suffix
            + _POSITION_WEIGHT * self.position(start)
        ) / _TOTAL_WEIGHT

    def with_end(self, end: int) -> Callable[[int], float]:
        """The score of spans ending at `end`, by start."""
        return lambda start: self.score(start, end)

    def with_start(self, start: int) -> Callable[[int], float]:
        """The score of spans starting at `start`, by end."""
        return lambda end: self.score(start, end)

    def context_score(self, found: Anchor) -> float:
        """The mean similarity of prefix and suffix around a found span, however spelt."""
        assert found.start is not None and found.end is not None
        prefix, suffix = self.context(found.start, found.end, spelt=True)
        return (prefix + suffix) / 2

    def context_ok(self, found: Anchor) -> bool:
        """Whether the context is recognisable; long quotes may do without."""
        return len(self.quote) >= SHORT_QUOTE or self.context_score(found) >= CONTEXT_MIN

    def in_paragraph(self, start: int, end: int) -> bool:
        """Whether the span stands among the words of the quote's own paragraph: of the
        stored context within that paragraph (before the quote, after it: each where it has
        `_NEAR_MIN` characters), at least one side is still beside the span.

        A paragraph deleted while the next one opens with the same words leaves those words
        with the old prefix (the paragraph above), even at the old offsets; only what followed
        them in their paragraph tells that they are not the passage. A quote that is a whole
        paragraph has no such context: the quote itself (and the rules above) decide.
        """
        sides = []
        if len(self.near_prefix.strip()) >= _NEAR_MIN:
            before = self.body[max(0, start - len(self.near_prefix)) : start]
            sides.append(self.near_prefix == before or _similar(self.near_prefix, before))
        if len(self.near_suffix.strip()) >= _NEAR_MIN:
            after = self.body[end : end + len(self.near_suffix)]
            sides.append(self.near_suffix == after or _similar(self.near_suffix, after))
        return not sides or any(sides)

    def edges(self, start: int, end: int) -> int:
        """On how many sides the span starts (ends) a line as the quote did, or does not as
        it did not: a passage that was a paragraph of its own is one where it stands now,
        and a copy of it quoted inside another paragraph is not."""
        body = self.body
        opened = not self.prefix or self.prefix.endswith("\n")
        closed = not self.suffix or self.suffix.startswith("\n")
        opens = start == 0 or body[start - 1] == "\n"
        closes = end == len(body) or body[end] == "\n"
        return (opened == opens) + (closed == closes)

    def shifted(self, at: int) -> bool:
        """Whether an occurrence of the quote at `at` still overlaps its old place with one
        side of its context whole (its 32 characters, or all there was up to the body's
        edge, still at the edge): the passage itself, a word changed just beside it. Another
        copy of it elsewhere, its context whole on both sides, is not the one marked."""
        size = len(self.quote)
        if self.hint is None or not (at < self.hint + size and self.hint < at + size):
            return False
        end = at + size
        prefix, suffix = self.context(at, end, spelt=True)
        at_start = at == len(self.prefix) < CONTEXT_CHARS
        at_end = end + len(self.suffix) == len(self.body) and len(self.suffix) < CONTEXT_CHARS
        return any(
            similarity >= _INTACT_CONTEXT and (len(kept.strip()) >= CONTEXT_CHARS // 2 or edge)
            for kept, similarity, edge in (
                (self.prefix, prefix, at_start),
                (self.suffix, suffix, at_end),
            )
        )

    def paragraph_side(self, found: Anchor) -> bool:
        """Whether the words of the quote's own paragraph on one side of it (as far as the
        stored context reaches, `_NEAR_MIN` characters or more) are beside the span as they
        were, up to that paragraph's edge where the context reached it.

        A short quote needs its context; but its paragraph's words beside it, whole, are that
        context, whatever happened past the paragraph's edge (paragraphs reordered, the ones
        around it taken out) or on its other side (words put in just before it). A paragraph
        deleted while another opens with the same words has no such words beside them.
        """
        assert found.start is not None and found.end is not None
        body, start, end = self.body, found.start, found.end
        near, edge = self.near_prefix, start - len(self.near_prefix)
        if (
            len(near.strip()) >= _NEAR_MIN
            and body.startswith(near, edge)
            and (near == self.prefix or edge == 0 or body[edge - 1] == "\n")
        ):
            return True
        near, edge = self.near_suffix, end + len(self.near_suffix)
        return (
            len(near.strip()) >= _NEAR_MIN
            and body.startswith(near, end)
            and (near == self.suffix or edge == len(body) or body[edge] == "\n")
        )

    def parted(self, found: Anchor) -> bool:
        """Whether the span keeps one side of the quote's context whole while the other
        side's text is still in the body, elsewhere: text put in beside the passage (a
        paragraph inserted above one that starts with it) or its paragraph moved. Where the
        other side's text is gone, the passage was deleted and these are the same words in
        the next paragraph."""
        assert found.start is not None and found.end is not None
        prefix, suffix = self.context(found.start, found.end, spelt=True)
        for kept, similarity, other in (
            (self.prefix, prefix, self.suffix),
            (self.suffix, suffix, self.prefix),
        ):
            if (
                len(kept.strip()) >= CONTEXT_CHARS // 2
                and similarity >= _INTACT_CONTEXT
                and other.strip()
                and other in self.body
            ):
                return True
        return False


def _edited_in_place(scorer: _Scorer, start: int) -> Anchor | None:
    """The passage at the quote's old offsets, rewritten where it stood: the stored prefix
    still ends at `start` and the stored suffix begins soon after (within twice the quote's
    length), other text between them, not holding the quote. "fuzzy" there when that text is
    still like the quote (as `_fuzzy` would take it), else orphaned; None when the old
    context does not frame the old place (or says too little: `_NEAR_MIN` characters on one
    side at least, a side without any only at the body's edge).

    An article may hold a passage twice (a pull quote, a summary, a text pasted twice), both
    copies with the same words around them: after an edit of the copy the reader marked, the
    other one held the quote exactly, with its context, and the highlight went there, said to
    be unchanged. Where the old place, between the old context, holds a reworded quote, that
    copy is the one marked; where it holds the quote's words spelt otherwise with text put in
    beside them, those words are the place ("anchored" at the old offsets), not an orphan.
    """
    body, quote, prefix, suffix = scorer.body, scorer.quote, scorer.prefix, scorer.suffix
    if max(len(prefix.strip()), len(suffix.strip())) < _NEAR_MIN:
        return None
    if body[max(0, start - len(prefix)) : start] != prefix or (not prefix and start):
        return None
    low, high = start + max(1, len(quote) // 2), start + 2 * len(quote)
    end = len(body) if not suffix else body.find(suffix, low, high + len(suffix))
    if not low <= end <= high or quote in body[start:end]:
        return None  # other text put in beside the quote (a paragraph above one it opens)
    within = _words_within(scorer, Anchor(start, end, "fuzzy"))
    if within is not None:  # its words, spelt otherwise, with text put in beside them
        return within
    similarity = fuzz.ratio(quote, body[start:end]) / 100.0
    size = len(quote)
    if (
        similarity < FUZZY_MIN_QUOTE
        or not size * (1 - LENGTH_TOLERANCE) <= end - start <= size * (1 + LENGTH_TOLERANCE)
        or not _keeps_lines(quote, body[start:end])
    ):
        return ORPHANED
    # Cut to the quote's words: a paragraph put in above it falls between the old prefix
    # and the rewritten passage, and is none of it.
    return _trim(
        scorer, Anchor(start, end, "fuzzy", round(scorer.score(start, end, similarity), 4))
    )


def _exact(scorer: _Scorer) -> Anchor | None:
    """The exact occurrence of the quote still at its old place with one side of its context
    whole (`_Scorer.shifted`), else the one whose context matches best, then the nearest."""
    body, quote = scorer.body, scorer.quote
    best: tuple[tuple[bool, int, float], int] | None = None
    at = body.find(quote)
    while at != -1:
        score = scorer.score(at, at + len(quote), 1.0)
        rank = (scorer.shifted(at), scorer.edges(at, at + len(quote)), score)
        if (best is None or rank > best[0]) and scorer.in_paragraph(at, at + len(quote)):
            best = (rank, at)
        at = body.find(quote, at + 1)
    if best is None:
        return _exact_respelt(scorer)
    (_, _, score), at = best
    return Anchor(at, at + len(quote), "moved", round(score, 4))


def _exact_respelt(scorer: _Scorer) -> Anchor | None:
    """The quote's words spelt otherwise by a re-save (`_folded`: quotes, dashes, NFD,
    ligatures, soft hyphens, lines wrapped again, words hyphenated at a line's end), as
    `_exact` takes an occurrence: "anchored" at the old start, else "moved".

    The same words are the passage, whatever else the re-save did: with an embed put just
    after the passage's paragraph too, its context was gone on one side and its words no
    longer exact; the fuzzy match, scored on both, left it orphaned.
    """
    body, quote = scorer.body, scorer.quote
    if _unspaced(quote) not in _unspaced(body):  # cheaply: nowhere, however spelt
        return None
    folded, starts, ends = _folded(body)
    wanted = _folded(quote)[0].strip()
    if not wanted:
        return None
    best: tuple[float, int, int] | None = None
    at = folded.find(wanted)
    while at != -1:
        start, end = starts[at], ends[at + len(wanted) - 1]
        score = scorer.score(start, end, 1.0)
        if (best is None or score > best[0]) and scorer.in_paragraph(start, end):
            best = (score, start, end)
        at = folded.find(wanted, at + 1)
    if best is None:
        return None
    score, start, end = best
    return Anchor(start, end, "anchored" if start == scorer.hint else "moved", round(score, 4))


def _unspaced(text: str) -> str:
    """`text` as `_spelling` spells it without any space, line break or hyphen: it holds the
    quote so spelt wherever `_folded` finds it (and a little more often)."""
    return _NO_SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_SAME_MARK))


_NO_SPACE = re.compile(r"[\s-]+")


def _fuzzy(scorer: _Scorer) -> Anchor | None:
    """The best approximate match of similar length, if it is good enough."""
    body, quote = scorer.body, scorer.quote
    size = len(quote)
    shortest = max(1, math.ceil(size * (1 - LENGTH_TOLERANCE)))
    longest = max(shortest, math.floor(size * (1 + LENGTH_TOLERANCE)))
    if len(body) < shortest:
        return None
    # Coarse pass: quote-sized windows every `stride` characters, compared in rapidfuzz's C code.
    stride = max(1, size // 8)
    last = max(0, len(body) - size)
    starts = list(range(0, last + 1, stride))
    if starts[-1] != last:
        starts.append(last)
    windows = [body[s : s + size] for s in starts]
    # A window misaligned by up to stride/2 and cut at a different length scores lower than
    # the span it overlaps, hence the margin below the final threshold.
    found = process.extract(
        quote,
        windows,
        scorer=fuzz.ratio,
        limit=None,
        score_cutoff=(FUZZY_MIN_QUOTE - 0.25) * 100,
    )
    picked: list[int] = []
    for _, _, index in found:
        start = starts[index]
        if all(abs(start - other) > size // 2 for other in picked):
            picked.append(start)
            if len(picked) == _CANDIDATES:
                break
    best: tuple[float, Anchor] | None = None
    for start in picked:
        candidate = _refine(scorer, start, stride, shortest, longest)
        if candidate is None or (best is not None and candidate.score <= best[0]):
            continue
        trimmed = _trim(scorer, candidate)
        assert trimmed.start is not None
        text = body[trimmed.start : trimmed.end]
        if fuzz.ratio(scorer.quote, text) < 100 * FUZZY_MIN_QUOTE or not (
            shortest <= len(text) <= longest
        ):
            continue  # what is left once cut to the quote's words is too unlike it
        if _keeps_lines(scorer.quote, text):
            best = (candidate.score, trimmed)
    return None if best is None else best[1]


def _around_a_block(scorer: _Scorer) -> Anchor | None:
    """The quote's lines, each whole and in order, with a block of other text put between two
    of them (an embed: a caption, an advert; no blank line within it): the span from the
    quote's first word to its last, said to have changed ("fuzzy"), the best placed first.
    Lines spelt otherwise by the same re-save (quotes, dashes, NFD, ligatures, soft hyphens,
    no-break spaces, lines wrapped again, words hyphenated at a line's end: `_folded`) are
    still the quote's lines.

    An embed longer than a quarter of the quote is more than a fuzzy span can take in: every
    word of the highlight was there and it was said to be no longer in the article. More than
    one block between two lines (paragraphs moved away) leaves it orphaned as before.
    """
    body, quote = scorer.body, scorer.quote
    if not re.search(r"[^\n]\n+[^\n]", quote.strip()):
        return None
    places = list(_block_places(body, quote))
    if not places:
        # Spelt otherwise too: looked for in both texts folded alike, mapped back to the body.
        folded, starts, ends = _folded(body)
        places = [
            (starts[at], ends[end - 1]) for at, end in _block_places(folded, _folded(quote)[0])
        ]
    best: tuple[tuple[float, float], Anchor] | None = None
    for at, end in places:
        if scorer.in_paragraph(at, end):
            rank = (scorer.context_score(Anchor(at, end, "fuzzy")), scorer.position(at))
            if best is None or rank > best[0]:
                best = (rank, Anchor(at, end, "fuzzy", round(scorer.score(at, end), 4)))
    return None if best is None else best[1]


def _block_places(body: str, quote: str) -> Iterator[tuple[int, int]]:
    """Each span of `body` holding the quote's lines as `_around_a_block` takes them."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", quote)]
    if len(lines) < 2:
        return
    head = quote[lines[0][0] : lines[0][1]]
    at = body.find(head)
    while at != -1:
        end = _lines_after(body, quote, lines, at)
        if end is not None:
            yield at, end
        at = body.find(head, at + 1)


def _folded(text: str) -> tuple[str, list[int], list[int]]:
    """`text` spelt as `_spelling` spells it, and in one way however it is wrapped (a paragraph
    break is "\n\n", any other run of spaces and line breaks one space, a dash of two hyphens
    one, hyphens within words or breaking them at a line's end left out), with where in `text`
    each of its characters comes from: the start, and the end, of what it stands for."""
    pieces: list[tuple[str, int, int]] = []
    at = 0
    while at < len(text):  # a character with the marks combined with it (NFD)
        end = at + 1
        while end < len(text) and unicodedata.category(text[end]).startswith("M"):
            end += 1
        pieces.append((unicodedata.normalize("NFKC", text[at:end]).translate(_SAME_MARK), at, end))
        at = end
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def put(characters: str, start: int, end: int) -> None:
        folded.extend(characters)
        starts.extend([start] * len(characters))
        ends.extend([end] * len(characters))

    index = 0
    while index < len(pieces):
        out, start, end = pieces[index]
        last = index
        if out.isspace():
            while last + 1 < len(pieces) and pieces[last + 1][0].isspace():
                last += 1
            breaks = sum(piece[0].count("\n") for piece in pieces[index : last + 1])
            put("\n\n" if breaks > 1 else " ", start, pieces[last][2])
        elif out == "-":
            while last + 1 < len(pieces) and pieces[last + 1][0] == "-":
                last += 1
            after = last + 1
            if after < len(pieces) and pieces[after][0] == "\n":
                after += 1  # "eco-\nnomy"
            within = (
                last == index
                and folded[-1:] != []
                and folded[-1].isalpha()
                and after < len(pieces)
                and pieces[after][0][:1].isalpha()
            )
            if within:
                last = after - 1
            else:
                put("-", start, pieces[last][2])
        else:
            put(out, start, end)
        index = last + 1
    return "".join(folded), starts, ends


def _lines_after(body: str, quote: str, lines: list[tuple[int, int]], at: int) -> int | None:
    """Where the quote's last line ends when its first is at `at` and each next one follows
    as it did, or after one block of other text between line breaks; None if one does not."""
    end = at + lines[0][1] - lines[0][0]
    for (_, was_end), (start, stop) in zip(lines, lines[1:], strict=False):
        line, gap = quote[start:stop], quote[was_end:start]
        if body.startswith(gap + line, end):
            end += len(gap) + len(line)
            continue
        found = body.find("\n" + line, end)
        between = body[end : found + 1]
        if (
            found < 0
            or not between.startswith("\n")
            or "\n\n" in between.strip("\n")
            or not between.strip()
        ):
            return None
        end = found + 1 + len(line)
    return end


def _keeps_lines(quote: str, span: str) -> bool:
    """Whether a fuzzy span holds each line of a quote that runs across line breaks, spelt as a
    re-save may spell it (`_spelling`): more than half of the line's characters in runs of
    `_EDGE_MATCH` or more, within the line, that the two share (unrelated text shares letters,
    rarely such runs); and, should the span hold a line of other text (an advert, a caption put
    between the quote's paragraphs), all of the quote's words from its first to its last.

    A passage across a paragraph break whose second paragraph moved away, or with an embed put
    between its paragraphs, had the best span take the other text in place of the reader's
    words, or cut the last of them (the span is at most a quarter longer than the quote).
    Such a highlight is left orphaned, for the reader to place again.
    """
    if "\n" not in quote and "\n" not in span:
        return True
    quote, span = _spelling(quote), _spelling(span)
    runs = [
        op
        for op in Indel.opcodes(quote, span)
        if op.tag == "equal" and op.src_end - op.src_start >= _EDGE_MATCH
    ]
    if not all(_lines_kept(quote, [(op.src_start, op.src_end) for op in runs])):
        return False
    if all(_lines_kept(span, [(op.dest_start, op.dest_end) for op in runs])):
        return True
    head, tail = quote[: runs[0].src_start], quote[runs[-1].src_end :]
    return not any(c.isalnum() for c in head + tail)


def _lines_kept(text: str, runs: list[tuple[int, int]]) -> Iterator[bool]:
    """For each line of `text` of `_EDGE_MATCH` characters or more, whether more than half of
    them are in `runs`, counting the part of a run within the line when it is that long too
    (a word ending a paragraph, "toudain.", is not kept by the "in." of another), and one of
    those parts holds a whole word of the line ("gemain." is not kept by the "ain." of
    "vufain.")."""
    at = 0
    for line in text.split("\n"):
        size = len(line.strip())
        if size >= _EDGE_MATCH:
            end = at + len(line)
            shared = [
                (max(at, start), min(end, stop))
                for start, stop in runs
                if min(end, stop) - max(at, start) >= _EDGE_MATCH
            ]
            words = [(at + m.start(), at + m.end()) for m in _WORD.finditer(line)]
            yield 2 * sum(stop - start for start, stop in shared) > size and any(
                start <= first and last <= stop for start, stop in shared for first, last in words
            )
        at += len(line) + 1


_WORD = re.compile(r"[^\W_]+")


_SAME_MARK = str.maketrans("“”„‟«»‘’‚‛‹›–—‒―\u00a0", '""""""' + "'" * 6 + "----" + " ", "\u00ad")


_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")
"""A word broken at a line's end ("eco-\nnomy")."""

_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _spelling(text: str) -> str:
    """`text` with what a re-save changes folded away: compatibility forms (ligatures, NFD),
    curly quotes and dashes, non-breaking spaces, soft hyphens, and words broken with a
    hyphen at a line's end."""
    return _LINE_END_HYPHEN.sub("", unicodedata.normalize("NFKC", text).translate(_SAME_MARK))


def _trim(scorer: _Scorer, found: Anchor) -> Anchor:
    """`found` without text at its ends that stands for nothing in the quote.

    The score rewards the old context, so a sentence inserted just before (after) an edited
    passage pulls the span's start (end) out to the old prefix (suffix), and the highlight would
    cover words the reader never marked. Before the first run the span shares with the quote it
    keeps only as many characters as the quote has there (a reworded first word), widened to
    whole words; the same after the last run.
    """
    assert found.start is not None and found.end is not None
    body = scorer.body
    span = body[found.start : found.end]
    shared = [
        op
        for op in Indel.opcodes(scorer.quote, span)
        if op.tag == "equal" and op.dest_end - op.dest_start >= _EDGE_MATCH
    ]
    if not shared:
        return found
    first, last = shared[0], shared[-1]
    head, tail = scorer.quote[: first.src_start], scorer.quote[last.src_end :]
    start = found.start + first.dest_start - len(head)
    if not body.startswith(head, max(0, start)):  # reworded: as many characters, whole words
        start = max(found.start, start)
        near = found.start + first.dest_start
        if not any(c.isspace() for c in head):  # a first word reworded (or spelt otherwise)
            start = 1 + max(start - 1, *(body.rfind(c, start, near) for c in _WORD_BREAKS))
        while start > 0 and _in_word(body[start - 1]):
            start -= 1
        opening = head[: len(head) - len(head.lstrip(_PUNCTUATION))]
        if opening and body.endswith(opening, 0, start):
            start -= len(opening)
        # The quote's first words, kept before a reworded one ("Koden [old] kefin" as "Koden
        # wexford kefin"): the search may have stopped at the change, or gone past them.
        kept = _edge_in(scorer.quote, body, near - 2 * len(head), near + len(head), before=True)
        if kept is None:  # fewer of them: a word, an emoji, a Chinese character
            kept = _end_kept(head[::-1], body[::-1], len(body) - near, 2 * len(head) + 2)
            kept = None if kept is None else len(body) - kept
        start = start if kept is None else kept
    start = _past_repeats(scorer.quote, body, start)
    end = found.start + last.dest_end + len(tail)
    spelt = _spelt_after(body, found.start + last.dest_end, tail)
    if spelt is not None:  # its last characters spelt otherwise: as many, not as long
        end = spelt
    elif not body.startswith(tail, end - len(tail)):
        base = found.start + last.dest_end
        context = scorer.suffix.strip()[: 2 * _EDGE_MATCH]
        if context and body[found.end : found.end + 4 * _EDGE_MATCH].lstrip().startswith(context):
            end = min(found.end, end)  # the old context goes on right where the span ends
        else:
            # As many characters as the quote has after its last shared run (a reworded last
            # word), even where the search stopped short of them, but not past a mark that
            # ends a clause, a sentence or a paragraph.
            end = min(end, len(body))
            # A last word reworded (or spelt otherwise: "keﬁn" for "kefin") ends at its word.
            words = any(c.isspace() for c in tail)
            for mark in "\n,;:.!?" if words else "\n,;:.!?" + _WORD_BREAKS:
                cut = body.find(mark, base, end)
                while cut > 0 and mark == "\n" and _LINE_END_HYPHEN.match(body, cut - 1):
                    # "eco-\nnomy": a word going on, two characters longer than in the quote.
                    end = min(end + 2, len(body))
                    cut = body.find(mark, cut + 1, end)
                end = end if cut < 0 else cut
        closing = tail[len(tail.rstrip(_PUNCTUATION)) :]  # the quote's closing "." or ")"
        while end < len(body) and _in_word(body[end]):
            end += 1
        if body.startswith(closing, end):
            end += len(closing)
        near = found.start + last.dest_end
        kept = _edge_in(scorer.quote, body, near - len(tail), near + 2 * len(tail), before=False)
        if kept is None:  # fewer of them: a word, an emoji, a Chinese character
            kept = _end_kept(tail, body, near, 2 * len(tail) + 2)
        end = end if kept is None else kept
    if (start, end) == (found.start, found.end):
        return found
    return Anchor(start, end, "fuzzy", round(scorer.score(start, end), 4))


def _end_kept(tail: str, body: str, at: int, reach: int) -> int | None:
    """Where the longest end of `tail` that starts a word in it (a word, an emoji, a Chinese
    character, a dash after a space: not a full stop alone) ends in `body[at : at + reach]`, standing there as
    whole words; None if no such end is there. (Called on both texts reversed, for a
    quote's head.)

    After a reworded word longer or shorter than the one it replaced, the quote's last few
    characters ("低，" after "café", "👍🏽" after "❤️") are too few to be found as its
    words are, and "as many characters as the quote has there" left them out, or took in
    the character after them."""
    window = body[at : at + reach]
    for size in range(len(tail), 0, -1):
        part = tail[len(tail) - size :]
        before = tail[len(tail) - size - 1] if size < len(tail) else " "
        if (not part.strip(_PUNCTUATION) and not part[0].isspace()) or _joined(before, part[0]):
            continue
        where = window.find(part)
        while where != -1:
            start, stop = at + where, at + where + size
            if (start == 0 or not _joined(body[start - 1], part[0])) and (
                stop == len(body) or not _joined(part[-1], body[stop])
            ):
                return stop
            where = window.find(part, where + 1)
    return None


def _joined(one: str, other: str) -> bool:
    """Whether two characters side by side are of one word."""
    return _in_word(one) and _in_word(other) or unicodedata.category(other).startswith("M")


def _past_repeats(quote: str, body: str, start: int) -> int:
    """`start` past copies of the quote's first word that the quote does not have: a word
    equal to it put in just before the passage ("seagrass seagrass vote" for "seagrass
    vote") is aligned with the quote as readily as the passage's own."""
    head = re.match(r"\S+\s+", quote)
    if head is None:
        return start
    unit = head.group()

    def run(text: str, at: int) -> int:
        count = 0
        while text.startswith(unit, at + count * len(unit)):
            count += 1
        return count

    extra = run(body, start) - run(quote, 0)
    return start + extra * len(unit) if extra > 0 else start


def _spelt_after(body: str, at: int, text: str) -> int | None:
    """Where `text`, spelt as `_spelling` spells it, ends when it begins at `at` in `body`
    (the shortest such span); None if it does not begin there. A ligature or a dash spelt
    otherwise makes it shorter or longer than `text`: counting its characters took in the
    first letter of the next word, widened to the whole word."""
    if not text:
        return None
    wanted = _spelling(text)
    for end in range(at + 1, min(len(body), at + 2 * len(text) + 2) + 1):
        if _spelling(body[at:end]) == wanted:
            return end
    return None


def _in_word(character: str) -> bool:
    """Whether `character` is part of a word: a letter or digit, or a mark combined with one
    (the accent of "é" saved decomposed, NFD: "e" and U+0301), which a span widened to whole
    words must not stop at. A Chinese or Japanese character is a word of its own: that text
    has no spaces, and widening went on to the next comma, over words never marked."""
    if _UNSPACED.match(character):
        return False
    return character.isalnum() or unicodedata.category(character).startswith("M")


_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
"""Kana and CJK ideographs: scripts written without spaces between words."""


def _edge_in(quote: str, body: str, lo: int, hi: int, *, before: bool) -> int | None:
    """Where the quote's first (`before`) or last words, `_EDGE_MATCH` characters or more of
    them, begin (end) in `body[lo:hi]` at a word's edge, the nearest to `hi` (`lo`); None if
    they are not there (reworded too)."""
    hi = min(hi, len(body))
    if before:
        cut = next((i for i, c in enumerate(quote) if i >= _EDGE_MATCH and not c.isalnum()), 0)
        words = quote[:cut]
        where = body.rfind(words, max(0, lo), hi) if cut else -1
        if where < 0 or (where and _in_word(body[where - 1])):
            return None
        return where
    cut = next((i for i in range(len(quote) - _EDGE_MATCH, 0, -1) if not quote[i - 1].isalnum()), 0)
    words = quote[cut:]
    where = body.find(words, lo, max(lo, hi)) if cut else -1
    if where < 0 or (where + len(words) < len(body) and _in_word(body[where + len(words)])):
        return None
    return where + len(words)


def _refine(scorer: _Scorer, start: int, stride: int, shortest: int, longest: int) -> Anchor | None:
    """Move the window's start, then its end, then both again, to the best score."""
    body_length = len(scorer.body)
    end = min(body_length, start + len(scorer.quote))
    # The coarse window can be off by half a stride, plus what was inserted or deleted.
    reach = stride + longest - len(scorer.quote)
    for _ in range(2):
        start = _argmax(
            max(0, start - reach, end - longest),
            min(start + reach, end - shortest),
            scorer.with_end(end),
            start,
        )
        end = _argmax(
            start + shortest,
            min(body_length, start + longest),
            scorer.with_start(start),
            end,
        )
    length = end - start
    if not shortest <= length <= longest:
        return None
    similarity = fuzz.ratio(scorer.quote, scorer.body[start:end]) / 100.0
    score = scorer.score(start, end, similarity)
    if similarity < FUZZY_MIN_QUOTE or score < FUZZY_MIN_SCORE:
        return None
    found = Anchor(start, end, "fuzzy", round(score, 4))
    return found if scorer.context_ok(found) and scorer.in_paragraph(start, end) else None


def _similar(stored: str, now: str) -> bool:
    """Whether context text is still the stored one, give or take an edited word."""
    return fuzz.ratio(stored, now) / 100.0 >= NEAR_CONTEXT_MIN


def _argmax(low: int, high: int, score: Callable[[int], float], fallback: int) -> int:
    """The integer in low..high with the highest score (coarse-to-fine for wide ranges).

    Ties go to the lower integer. `fallback` is returned for an empty range.
    """
    if high < low:
        return fallback
    while high - low > _SCAN_LIMIT:
        step = (high - low) // 16
        best = max(range(low, high + 1, step), key=lambda x: (score(x), -x))
        low, high = max(low, best - step), min(high, best + step)
    return max(range(low, high + 1), key=lambda x: (score(x), -x))
