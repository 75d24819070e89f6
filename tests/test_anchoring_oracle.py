"""A slow, obviously right twin of `anchor`, and random edits on which the two must agree.

The generator writes an article (words with accents and combining marks, CJK without spaces,
emoji with ZWJ sequences, flags and skin tones, punctuation), marks a passage in it, and edits
the article while keeping track of where the marked passage went: paragraphs put in, taken
out, reordered, the passage pasted elsewhere, words put in or taken out beside it, a word of
it reworded, its spaces turned into line breaks, its accents decomposed, the passage deleted.
The oracle states what `anchor` promises, simply:

- the passage still there, word for word: it is found exactly there ("anchored" at its old
  offsets, else "moved"), or on another copy of it whose context matches the stored one at
  least as well (a paragraph pasted twice cannot be told apart); orphaned only when the
  words beside it were edited on both sides;
- the same words spelt otherwise (line breaks for spaces, accents decomposed): the same, and
  never said to be reworded ("fuzzy");
- a word of it reworded: there, "fuzzy", on exactly the edited passage, or orphaned;
- the passage deleted: orphaned, or (a copy elsewhere) only where the words of its own
  paragraph beside it are still beside that copy, or it was a paragraph of its own.

Where the two disagree in a way known and not yet fixed (`known`, `KNOWN_SHARE`), the case
is counted, not failed; any other disagreement fails, naming the seed, its fewest edits that
still disagree, and both texts. A second test saves the articles as files again with other
line ends, a BOM or UTF-16, read by newsread's reader: the highlight stays where it was.

`NEWSREAD_ANCHOR_ORACLE_CASES=20000` (and `NEWSREAD_ANCHOR_ORACLE_SEED`) runs more cases
than the suite's 200 (about 15 s of CPU for 20,000; a few of them fail, see `KNOWN_SHARE`).
"""

from __future__ import annotations

import os
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsread.index.annotations.anchoring import CONTEXT_CHARS, Anchor, anchor, make_selector
from newsread.index.errors import UnreadableFile
from newsread.index.files.reader import read_articles

CASES = int(os.environ.get("NEWSREAD_ANCHOR_ORACLE_CASES", "200"))
SEED = int(os.environ.get("NEWSREAD_ANCHOR_ORACLE_SEED", "44"))

_LATIN = (
    "harbour quay kelmor varga café naïve zürich señor straße déjà vu budget council mayor "
    "said plan cut ferry dredging seagrass minister vote pier berth tide storm"
).split()
_DECOMPOSED = ["cafe\u0301", "nai\u0308ve", "re\u0301sume\u0301"]
_CJK = list("港口扩建计划政府宣布新的项目海草研究发现疏浚损害低于预期")
_EMOJI = ["👩\u200d👩\u200d👧", "🇫🇷", "👍🏽", "🎉", "❤\ufe0f", "🏳\ufe0f\u200d🌈"]
_NEAR_MIN = 8  # as the fast code: shorter context within the paragraph says nothing


@dataclass
class Marked:
    """The paragraph holding the marked passage: `left + passage + right`."""

    left: str
    passage: str
    right: str
    copies: bool = False  # the passage, or its paragraph, stands elsewhere too
    rewording: int = 0  # words of the passage reworded
    respelt: bool = False  # the same words spelt otherwise
    deleted: bool = False
    near_edits: set[str] = field(default_factory=set)  # sides whose nearby words changed

    def text(self) -> str:
        return self.left + ("" if self.deleted else self.passage) + self.right


Block = str | Marked


def _render(blocks: list[Block]) -> tuple[str, tuple[int, int] | None]:
    """The body, and where the marked passage is in it (None once deleted)."""
    out: list[str] = []
    place = None
    at = 0
    for block in blocks:
        if out:
            out.append("\n\n")
            at += 2
        if isinstance(block, Marked):
            if not block.deleted:
                place = (at + len(block.left), at + len(block.left) + len(block.passage))
            text = block.text()
        else:
            text = block
        out.append(text)
        at += len(text)
    return "".join(out), place


def _paragraph(rng: random.Random) -> list[str]:
    """A paragraph as tokens that join to its text (each latin token carries its space)."""
    kind = rng.choice(["latin", "latin", "cjk", "mixed"])
    size = rng.randint(6, 22)
    tokens: list[str] = []
    for i in range(size):
        if kind == "cjk" or (kind == "mixed" and rng.random() < 0.4):
            token = rng.choice(_CJK) + ("，" if rng.random() < 0.1 else "")
        else:
            pick = rng.random()
            word = (
                rng.choice(_EMOJI)
                if pick < 0.08
                else rng.choice(_DECOMPOSED)
                if pick < 0.12
                else rng.choice(_LATIN)
            )
            if rng.random() < 0.1:
                word += rng.choice([",", ";", "…", " —"])
            token = word + ("" if i == size - 1 else " ")
        tokens.append(token)
    tokens.append("。" if kind == "cjk" else ".")
    return tokens


def _article(rng: random.Random) -> tuple[list[Block], Marked]:
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(3, 7))]
    at = rng.randrange(len(paragraphs))
    tokens = paragraphs[at]
    if rng.random() < 0.15:  # a whole paragraph
        first, last = 0, len(tokens)
    else:
        first = rng.randrange(len(tokens) - 2)
        last = rng.randint(first + 2, min(len(tokens), first + 14))
    passage = "".join(tokens[first:last])
    # Its trailing space stays out of the passage, as a selection of words leaves it.
    trail = len(passage) - len(passage.rstrip(" "))
    marked = Marked(
        "".join(tokens[:first]),
        passage[: len(passage) - trail],
        passage[len(passage) - trail :] + "".join(tokens[last:]),
    )
    blocks: list[Block] = ["".join(p) for p in paragraphs]
    blocks[at] = marked
    if rng.random() < 0.3:  # the passage quoted in another paragraph too
        _paste_copy(rng, blocks, marked)
    return blocks, marked


def _paste_copy(rng: random.Random, blocks: list[Block], marked: Marked) -> None:
    others = [i for i, b in enumerate(blocks) if isinstance(b, str)]
    if not others:
        return
    i = rng.choice(others)
    text = blocks[i]
    assert isinstance(text, str)
    spaces = [n + 1 for n, c in enumerate(text) if c == " "] or [0]
    cut = rng.choice(spaces)
    blocks[i] = text[:cut] + marked.passage + " " + text[cut:]
    marked.copies = True


Edit = Callable[[random.Random, list[Block], Marked], str]


def _insert_paragraph(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    at = rng.randint(0, len(blocks))
    blocks.insert(at, "".join(_paragraph(rng)))
    return f"paragraph put in at {at}"


def _delete_paragraph(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    others = [i for i, b in enumerate(blocks) if isinstance(b, str)]
    if not others:
        return "nothing"
    at = rng.choice(others)
    del blocks[at]
    return f"paragraph {at} taken out"


def _reorder(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    rng.shuffle(blocks)
    return "paragraphs reordered"


def _paste(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    _paste_copy(rng, blocks, marked)
    return "passage pasted into another paragraph"


def _repeat_paragraph(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    if marked.deleted:
        return "nothing"
    at = rng.randint(0, len(blocks))
    blocks.insert(at, marked.text())
    marked.copies = True
    return f"its paragraph pasted again at {at}"


def _near(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    side = rng.choice(["left", "right"])
    words = " ".join(rng.choice(_LATIN) for _ in range(rng.randint(1, 3)))
    if side == "left":
        spaces = [n + 1 for n, c in enumerate(marked.left) if c == " "]
        cut = rng.choice([len(marked.left), *spaces[-3:]])
        changed = len(marked.left) - cut <= CONTEXT_CHARS
        marked.left = marked.left[:cut] + words + " " + marked.left[cut:]
    else:
        spaces = [n for n, c in enumerate(marked.right) if c == " "]
        cut = rng.choice([0, *spaces[:3]])
        marked.right = marked.right[:cut] + " " + words + marked.right[cut:]
        changed = cut <= CONTEXT_CHARS
    if changed:
        marked.near_edits.add(side)
    return f"words put in {side} of it: {words!r}"


def _reword(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    if marked.deleted or marked.rewording:
        return "nothing"
    spans = [(i, i + len(w)) for i, w in _words_at(marked.passage)]
    if len(spans) < 5:
        return "nothing"
    start, end = rng.choice(spans[1:-1])
    old = marked.passage[start:end]
    new = "wexford" if not _is_cjk(old) else "码头"
    marked.passage = marked.passage[:start] + new + marked.passage[end:]
    marked.rewording += 1
    return f"{old!r} reworded as {new!r}"


def _respell(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    if marked.deleted or " " not in marked.passage.strip():
        return "nothing"
    how = rng.choice(["wrapped", "decomposed"])
    if how == "wrapped":
        spaces = [n for n, c in enumerate(marked.passage) if c == " "]
        n = rng.choice(spaces)
        marked.passage = marked.passage[:n] + "\n" + marked.passage[n + 1 :]
    else:
        marked.passage = unicodedata.normalize("NFD", marked.passage)
    marked.respelt = True
    return f"passage {how}"


def _delete_passage(rng: random.Random, blocks: list[Block], marked: Marked) -> str:
    if marked.deleted:
        return "nothing"
    marked.deleted = True
    if rng.random() < 0.5:
        return "passage deleted"
    blocks.remove(marked)
    return "its paragraph deleted"


EDITS: list[tuple[float, Edit]] = [
    (3, _insert_paragraph),
    (2, _delete_paragraph),
    (1, _reorder),
    (2, _paste),
    (1, _repeat_paragraph),
    (2, _near),
    (2, _reword),
    (1, _respell),
    (1, _delete_passage),
]


def _words_at(text: str) -> list[tuple[int, str]]:
    """Words (runs between spaces; each CJK character one) with where they start."""
    out: list[tuple[int, str]] = []
    at = 0
    for part in text.split(" "):
        if part and all(_is_cjk(c) for c in part):
            out.extend((at + i, c) for i, c in enumerate(part))
        elif part:
            out.append((at, part))
        at += len(part) + 1
    return out


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


@dataclass(frozen=True)
class Case:
    old: str
    start: int
    end: int
    new: str
    edits: tuple[str, ...]
    truth: tuple[int, int] | None
    marked: Marked


def _make_case(seed: int, keep: Callable[[int], bool] = lambda _: True) -> Case:
    """Case `seed`; `keep(n)` says whether its n-th edit is made (the shrinker drops some)."""
    rng = random.Random(seed)
    blocks, marked = _article(rng)
    old, place = _render(blocks)
    assert place is not None
    count = rng.randint(1, 3)
    weights = [w for w, _ in EDITS]
    done: list[str] = []
    for n in range(count):
        edit = rng.choices([e for _, e in EDITS], weights)[0]
        state = random.Random(rng.random())
        if keep(n):
            done.append(edit(state, blocks, marked))
    new, truth = _render(blocks)
    return Case(old, *place, new, tuple(done), truth, replace(marked))


def _context_match(body: str, at: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context are still beside `body[at:end]`."""
    before = os.path.commonprefix([prefix[::-1], body[max(0, at - len(prefix)) : at][::-1]])
    after = os.path.commonprefix([suffix, body[end : end + len(suffix)]])
    return len(before) + len(after)


def _own_paragraph_beside(body: str, at: int, end: int, prefix: str, suffix: str) -> bool:
    """Whether the words of the quote's own paragraph beside it (as stored) are beside
    `body[at:end]` on one side at least, or it had none (a paragraph of its own)."""
    near_prefix = prefix[prefix.rfind("\n") + 1 :]
    near_suffix = suffix.split("\n", 1)[0]
    sides = []
    if len(near_prefix.strip()) >= _NEAR_MIN:
        sides.append(body[max(0, at - len(near_prefix)) : at] == near_prefix)
    if len(near_suffix.strip()) >= _NEAR_MIN:
        sides.append(body[end : end + len(near_suffix)] == near_suffix)
    return not sides or any(sides)


def _own_paragraph_whole(
    body: str, at: int, end: int, prefix: str, suffix: str, marked: Marked
) -> bool:
    """Whether a side of the quote's own paragraph that says something (`_NEAR_MIN`) is
    beside it unedited, as stored, with the rest of the stored context on that side."""
    near_prefix = prefix[prefix.rfind("\n") + 1 :]
    near_suffix = suffix.split("\n", 1)[0]
    return (
        len(near_prefix.strip()) >= _NEAR_MIN
        and "left" not in marked.near_edits
        and body[max(0, at - len(prefix)) : at] == prefix
    ) or (
        len(near_suffix.strip()) >= _NEAR_MIN
        and "right" not in marked.near_edits
        and body[end : end + len(suffix)] == suffix
    )


def _same_words(one: str, other: str) -> bool:
    """Whether two texts are the same words, however spaced, wrapped or composed."""
    return " ".join(unicodedata.normalize("NFC", one).split()) == " ".join(
        unicodedata.normalize("NFC", other).split()
    )


def oracle(case: Case) -> str | None:
    """None when `anchor` keeps its promise on this case, else what it broke."""
    quote, prefix, suffix = make_selector(case.old, case.start, case.end)
    got = anchor(case.new, quote, prefix, suffix, case.start, case.end)
    marked, new = case.marked, case.new
    place = None if got.start is None else (got.start, got.end)
    if case.truth is None:  # deleted
        if got.status == "orphaned":
            return None
        assert got.start is not None and got.end is not None
        if _same_words(new[got.start : got.end], quote) and _own_paragraph_beside(
            new, got.start, got.end, prefix, suffix
        ):
            return None
        return f"the passage was deleted, yet it is put on {new[got.start : got.end]!r} {got}"
    if marked.rewording:
        if got.status == "orphaned":
            return None
        if got.status == "fuzzy" and (
            place == case.truth or _as_well_placed(new, got, case, quote, prefix, suffix)
        ):
            return None
        return f"reworded: expected fuzzy at {case.truth} or orphaned, got {got}" + _shown(
            new, got, case.truth
        )
    # The same words: exactly there, or on a copy as well placed.
    if got.status == "orphaned":
        if not _own_paragraph_whole(new, *case.truth, prefix, suffix, marked):
            return None
        return "the passage is still there, word for word, yet orphaned"
    if got.status == "fuzzy":
        return f"the same words said to be reworded: {got}" + _shown(new, got, case.truth)
    expected_status = "anchored" if case.truth[0] == case.start else "moved"
    if place == case.truth:
        return None if got.status == expected_status else f"status {got.status} at {place}"
    if _as_well_placed(new, got, case, quote, prefix, suffix):
        return None
    return f"expected {case.truth} ({expected_status}), got {got}" + _shown(new, got, case.truth)


def _as_well_placed(
    new: str, got: Anchor, case: Case, quote: str, prefix: str, suffix: str
) -> bool:
    """Whether `got` is on a copy of the passage as it is now that the stored context ranks
    no lower than the true place: the sides of its own paragraph that are as stored first,
    then how many characters of the stored context are beside it."""
    assert case.truth is not None
    if got.start is None or got.end is None:
        return False
    if new[got.start : got.end] != new[case.truth[0] : case.truth[1]]:
        return False
    if _paragraph_of(new, got.start, got.end) == _paragraph_of(new, *case.truth):
        return True  # a paragraph pasted twice: the two copies cannot be told apart
    return _rank(new, got.start, got.end, prefix, suffix) >= _rank(new, *case.truth, prefix, suffix)


def _paragraph_of(body: str, at: int, end: int) -> tuple[str, int]:
    """The line holding `body[at:end]` (to the line breaks around it), and where in it."""
    start = body.rfind("\n", 0, at) + 1
    stop = body.find("\n", end)
    return body[start : len(body) if stop < 0 else stop], at - start


def _rank(body: str, at: int, end: int, prefix: str, suffix: str) -> tuple[int, int]:
    near_prefix = prefix[prefix.rfind("\n") + 1 :]
    near_suffix = suffix.split("\n", 1)[0]
    line_start = body.rfind("\n", 0, at) + 1
    line_end = body.find("\n", end)
    sides = (body[line_start:at] == near_prefix) + (
        body[end : len(body) if line_end < 0 else line_end] == near_suffix
    )
    return sides, _context_match(body, at, end, prefix, suffix)


def known(case: Case) -> str | None:
    """Which known disagreement a case that `oracle` fails is, if one (see the test)."""
    quote = case.old[case.start : case.end]
    _, prefix, suffix = make_selector(case.old, case.start, case.end)
    got = anchor(case.new, quote, prefix, suffix, case.start, case.end)
    if got.start is None or got.end is None:
        return None
    new, truth, text = case.new, case.truth, case.new[got.start : got.end]
    away = truth is None or got.end <= truth[0] or truth[1] <= got.start
    if (
        case.marked.copies
        and away
        and (_same_words(text, quote) or (truth and _same_words(text, new[truth[0] : truth[1]])))
    ):
        return "another copy"
    if truth is None and got.start > 0 and new[got.start - 1] == "\n":
        return "deleted, like words open the next paragraph"
    if (
        case.marked.rewording
        and truth is not None
        and got.status == "fuzzy"
        and got.start <= truth[0] < truth[1] <= got.end
        and all(c in " \n" for c in (new[got.start : truth[0]][-1:] + new[truth[1] : got.end][:1]))
    ):
        return "words beside it taken in"
    return None


def _shown(body: str, got: Anchor, truth: tuple[int, int]) -> str:
    text = "" if got.start is None else body[got.start : got.end]
    return f"\n  got   {text!r}\n  truth {body[truth[0] : truth[1]]!r}"


def _smallest(seed: int) -> str:
    """The failing case `seed` with as few of its edits as still fail, described."""
    case = _make_case(seed)
    kept = set(range(len(case.edits) + 3))
    for n in sorted(kept):
        trial = kept - {n}
        smaller = _make_case(seed, trial.__contains__)
        if oracle(smaller) is not None:
            kept, case = trial, smaller
    return (
        f"seed {seed}: {oracle(case)}\n  edits {list(case.edits)}\n"
        f"  quote {case.old[case.start : case.end]!r} at {case.start}\n"
        f"  old {case.old!r}\n  new {case.new!r}"
    )


KNOWN_SHARE = 0.03
"""Known disagreements, at most this share of cases (0.7% of 20,000 when written):

- "another copy": the article holds the passage twice (a pull quote, a paragraph pasted
  twice), and after an edit (the marked copy reworded, or its context edited, or
  paragraphs around it taken out or put in) the highlight is on the other copy: "moved" as
  if unchanged, or kept off its own reworded copy. The fast code scores context by fuzzy
  similarity, which the other copy's surroundings can win; `_edited_in_place` catches it
  only where the old context still frames the old offsets. 134 in 20,000.
- "words beside it taken in": a reworded highlight's fuzzy span begins or ends a few whole
  words out. 1 in 20,000.
- "deleted, like words open the next paragraph": a passage that ended its paragraph deleted,
  the next paragraph opening with words like it: the stored words before it, a few
  characters off across the paragraph break, still count as beside them (fuzzily, as they
  must for a word edited beside a passage). 1 in 20,000.

Not counted, so a long run fails on them (2 in seeds 0-19,999, 7 in 100,000-119,999): a
short passage deleted and put, "fuzzy", on the words left beside the gap ("海quay" on
"quay", "varga minister" on "vu minister"): its paragraph's words are still beside the
place, and a short quote is like a short neighbour.
"""


def test_anchor_agrees_with_its_oracle_on_random_edits() -> None:
    failures = [seed for seed in range(SEED, SEED + CASES) if oracle(_make_case(seed))]
    unknown = [seed for seed in failures if known(_make_case(seed)) is None]
    assert not unknown, f"{len(unknown)} of {CASES} cases:\n" + "\n".join(
        _smallest(seed) for seed in unknown[:3]
    )
    assert len(failures) <= KNOWN_SHARE * CASES, f"{len(failures)} known disagreements"


ENCODINGS = ("crlf", "cr", "bom", "utf-16")
"""How a file may be saved again with the same text: its line ends, a byte-order mark."""


def _saved(text: str, how: str) -> bytes:
    if how == "crlf":
        return text.replace("\n", "\r\n").encode()
    if how == "cr":
        return text.replace("\n", "\r").encode()
    if how == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    assert how == "utf-16", how
    return text.encode("utf-16")


def test_a_file_saved_again_with_other_line_ends_or_encoding_keeps_its_highlights(
    tmp_path: Path,
) -> None:
    """The oracle's articles as plain-text files, read by newsread, a passage marked, the
    file saved again with CRLF or CR line ends, a BOM, or as UTF-16, and read again: the
    same text, so the highlight is where it was, "anchored"."""
    failures = []
    for seed in range(SEED, SEED + max(3, CASES // 60)):
        case = _make_case(seed)
        text = "Kelmor harbour works\n\n" + case.old + "\n"
        path = tmp_path / f"{seed}.txt"
        path.write_bytes(text.encode())
        try:
            (before,) = read_articles(path, tmp_path)
        except UnreadableFile:
            continue  # too little text (a few lines of Chinese): a matter for the reader
        body = before.body
        at = body.find(case.old[case.start : case.end])
        if at < 0:
            continue  # the reader wrote the passage otherwise: nothing to check here
        quote, prefix, suffix = make_selector(body, at, at + case.end - case.start)
        for how in ENCODINGS:
            path.write_bytes(_saved(text, how))
            (after,) = read_articles(path, tmp_path)
            got = anchor(after.body, quote, prefix, suffix, at, at + len(quote))
            if got != Anchor(at, at + len(quote), "anchored"):
                failures.append(f"seed {seed}, {how}: {got} for {quote!r}")
    assert not failures, "\n".join(failures[:5])
