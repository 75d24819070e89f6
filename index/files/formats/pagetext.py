"""A whole web page saved as text (a browser's "Save as text", `lynx -dump`): where the article is.

Such a dump holds the site's menus, cookie notices, teasers of other stories and the footer as
well as the article. Each line is weighed as jusText weighs blocks: runs of sentences (long
lines, mostly lower-case words, ending with a stop) count for the article, short link-like lines
(menu items, bullets, counters) against it. The best-scoring run of lines is the article's
text; the headline is the headline-shaped line above it that a person would take for one:
close to the text, and repeated elsewhere on the page (the last crumb of the breadcrumbs, the
tab's title), not a bullet among bullets. The body starts at the first sentence under the
headline (the lede), never at the date, byline, caption or share bar between them.

`find_article` only answers for text laid out like a page (many short lines above the text);
other files are left to the scraped-text reader in `plaintext`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsread.index.files.dates import find_date, looks_like_date_line
from newsread.index.files.formats.bylines import is_byline, starts_with_dateline
from newsread.index.files.formats.furniture import is_footer, is_furniture

# A dump is recognised by the short lines above its text; fewer than this is a plain file.
_MIN_CHROME_LINES = 3
_MIN_LINES = 12  # fewer non-blank lines than this: no page around an article
# How far above the text a headline is looked for, in non-blank lines.
_HEADLINE_WINDOW = 40
_BULLET = re.compile(r"^(?:[*+•·o-]|\d{1,3}[.)])\s+")
_TERMINAL = (".", "!", "?", "…", '"', "”", "“", "»", "«", "'", "’", ")", ":", ";", "。", "！", "？")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Photo captions and notices written as sentences: not the article's text.
_CAPTION = re.compile(
    r"^\d+ (?:of|/) \d+\b|\bfile photo\b|\((?:AP|AFP|Reuters|EPA|dpa)? ?(?:photo|foto|bild)\b"
    r"|\b(?:photo|foto|bild|image|picture)s?\s*(?:credit)?\s*:|/\s*(?:AP|AFP|Reuters|Getty Images|EPA|dpa)\b"
    r"|\b(?:quotes?|data) (?:are )?delayed\b|\bpersonal,? non-?commercial use\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Line:
    index: int
    text: str
    bullet: bool
    words: int
    sentence: bool


@dataclass(frozen=True)
class PageArticle:
    """Where the article is in a page dump, as indexes of its lines."""

    headline: int | None
    """The headline's line, or None when no line above the text reads as one."""
    title: str
    """The headline's text (without bullet or breadcrumbs)."""
    start: int
    """The first line of the body: the lede."""
    end: int
    """The line after the article's text."""


def _sentence(text: str, words: int) -> bool:
    """Whether a line is running text: sentences, not a link, label or headline."""
    if _CJK.search(text):
        return len(text) >= 40 and text.endswith(("。", "！", "？", "」", "”", ".", "!"))
    if words < 8:
        return False
    found = _WORD.findall(text)
    if not found:
        return False
    lower = sum(1 for w in found if w[:1].islower())
    # Menus and headlines capitalise most words; sentences do not (German nouns aside).
    if lower * 4 < len(found):
        return False
    return len(text) >= 120 or text.endswith(_TERMINAL)


# What a photo's credit line looks like: "Photo: Jane Doe, AP", "(Image: © NASA)",
# "Jane Doe | Bloomberg | Getty Images". The sentence above one is the photo's caption.
_CREDIT_LINE = re.compile(
    r"^\(?(?:photo|image|foto|bild|picture|credit|фото)s?\s*(?:credit)?\s*:"
    r"|^[^.!?]{0,60}\b(?:getty\s+images|shutterstock|istock(?:photo)?|imago|picture[- ]alliance)\)?$",
    re.IGNORECASE,
)
# Who is where in a photo: "Jane Doe, left, and John Doe", "(center)", "from left".
# How far down the page a sentence's second copy makes the first a highlight, in lines.
_REPEAT_WINDOW = 15
_CAPTION_PLACES = re.compile(
    r",\s*(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)|front|rear)\s*,"
    r"|\((?:left|right|center|centre|l|r|c)\)|\bfrom\s+left\b",
    re.IGNORECASE,
)


def _captions(found: list[_Line]) -> list[_Line]:
    """`found` with photo captions, pull quotes and highlights written as sentences no longer
    counted as sentences: a line above a photo's credit, a line saying who stands where, a line
    shown twice in a row (a gallery's thumbnail and picture), and a sentence repeated a little
    further down (a highlight above the text that holds it; the last copy is the text's)."""
    caption = [False] * len(found)
    for position, line in enumerate(found):
        if not line.sentence:
            continue
        before = found[position - 1] if position else None
        after = found[position + 1 : position + 3]
        credit = bool(after) and len(after[0].text) <= 80 and _CREDIT_LINE.search(after[0].text)
        # Under a paragraph of the text, a credit is for a photo further up.
        in_text = before is not None and before.sentence and not before.bullet
        caption[position] = bool(
            _CAPTION_PLACES.search(line.text)
            or (credit and not (in_text and before is not None and before.text != line.text))
            or any(other.text == line.text for other in found[max(0, position - 2) : position])
            or any(other.text == line.text for other in after)
        )
    for position, line in enumerate(found):
        if line.sentence and not caption[position]:
            caption[position] = any(
                found[other].text == line.text and not caption[other]
                for other in range(position + 1, min(len(found), position + 1 + _REPEAT_WINDOW))
            )
    return [
        replace(line, sentence=False) if flag else line
        for line, flag in zip(found, caption, strict=True)
    ]


def _lines(text_lines: list[str]) -> list[_Line]:
    found = []
    for index, raw in enumerate(text_lines):
        text = " ".join(raw.split())
        if not text:
            continue
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end() :]
            if not text:
                continue
        crumbs = _CRUMB.split(text) if len(text) <= 250 else []
        if len(crumbs) >= 2 and len(crumbs[-1].split()) >= 2 and not bullet:
            text = crumbs[-1]  # "Home » News » Headline": the headline is the last crumb
        words = len(text.split())
        sentence = _sentence(text, words) and not _CAPTION.search(text)
        found.append(_Line(index, text, bool(bullet), words, sentence))
    return _captions(found)


def _weight(line: _Line) -> float:
    if line.sentence:
        return min(len(line.text), 400) * (0.5 if line.bullet else 1.0)
    if line.bullet:
        return -40.0
    return -25.0 if line.words <= 6 else -10.0


def _best_run(lines: list[_Line]) -> tuple[int, int]:
    """(first, last) positions in `lines` of the run of lines with the highest total weight."""
    best, best_range = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for position, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, position
        total += _weight(line)
        if total > best:
            best, best_range = total, (start, position)
    return best_range


def _headline_shaped(line: _Line) -> bool:
    text = line.text
    if _CJK.search(text):
        return 6 <= len(text) <= 80 and not text.endswith(("。", "："))
    return (
        2 <= line.words <= 30
        and 12 <= len(text) <= 200
        and not text.endswith((".", ",", ":", ";"))
        and any(ch.islower() for ch in text)
        and not looks_like_date_line(text)
    )


_ARROWS = ("←", "→", "«", "»", "<", ">", "‹", "›")
_LABEL = re.compile(
    r"^(?:autor|author|quelle|tags?|kategorie|category|categories|stand|datum|date|rubrik)\s*:",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\b(?:bild|foto|photo|image|quelle|source|credit|copyright|fotos?)\b|\b(?:abb|fig)\.|©|@|https?:|www\.",
    re.IGNORECASE,
)


def _not_a_headline(text: str) -> bool:
    """Headline-shaped lines that are something else: bylines, captions, buttons, labels."""
    return bool(
        is_byline(text)
        or is_furniture(text)
        or is_footer(text)
        or _CREDIT.search(text)
        or _LABEL.match(text)
        or find_date(text) is not None  # "A story by Jane Doe, published 23.01.2020"
    )


def _dateline(text: str) -> bool:
    return len(text) <= 150 and bool(looks_like_date_line(text) or is_byline(text))


_LONG_HEADLINE = 110
_TEXT_AHEAD = 25  # non-blank lines below a headline where its article's text is weighed
_CRUMB = re.compile(r"\s+(?:»|›|>|/|→|››|>>)\s+")


def _masses(lines: list[_Line]) -> list[float]:
    """For each line, how much running text follows it: the article under a headline."""
    running = [0.0]
    for line in lines:
        running.append(running[-1] + (min(len(line.text), 400) if line.sentence else 0))
    return [
        min(running[min(len(lines), p + 1 + _TEXT_AHEAD)] - running[p + 1], 2000.0)
        for p in range(len(lines))
    ]


def _laid_out_like_a_page(text_lines: list[str]) -> bool:
    """Whether a text browser laid the lines out: menus as bullets, blocks indented.

    Runs on every plain-text file, so it looks at the raw lines only."""
    bullets = indented = filled = 0
    for raw in text_lines:
        if not raw or raw.isspace():
            continue
        filled += 1
        if raw[:2].isspace():
            indented += 1
        text = raw.lstrip()
        bullet = _BULLET.match(text)
        # Menu items, not rules ("- - - -") or the sentences of a list.
        if bullet and len(text.split()) <= 7 and any(ch.isalpha() for ch in text):
            bullets += 1
    return filled >= _MIN_LINES and (bullets >= 8 or indented * 3 >= filled)


def find_article(text_lines: list[str]) -> PageArticle | None:
    """Where the article is in `text_lines`, or None when the text is not laid out like a page."""
    if not _laid_out_like_a_page(text_lines):
        return None
    lines = _lines(text_lines)
    first, last = _best_run(lines)
    while first < last and not lines[first].sentence:
        first += 1
    chrome = [line for line in lines[:first] if not line.sentence]
    if len(chrome) < _MIN_CHROME_LINES:
        return None
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    best_score, headline = 0.0, -1
    masses = _masses(lines)
    for position in range(max(0, first - _HEADLINE_WINDOW), first + 1):
        line = lines[position]
        mass = masses[position]
        if mass < 300:
            continue
        after = lines[position + 1] if position + 1 < len(lines) else None
        if (
            line.text.endswith(":")
            and after is not None
            and after.index - line.index <= 2
            and not after.sentence
            and _headline_shaped(after)
        ):
            # "Topic:" / "Headline" on two lines: one headline.
            line = replace(line, text=f"{line.text} {after.text}")
        if not _headline_shaped(line) or _not_a_headline(line.text):
            continue
        score = mass / 150 + min(len(line.text), 90) / 15
        if first - _HEADLINE_WINDOW <= position <= first:
            score += 10.0 - (first - position) * 0.25  # just above the page's main text
        if counts.get(line.text, 0) > 1:
            score += 4.0  # repeated: the last crumb of the breadcrumbs, a share text
        if any(_dateline(other.text) for other in lines[position + 1 : position + 4]):
            score += 4.0  # a headline's date or byline under it
        if line.bullet:
            score -= 12.0  # a menu item
        if len(line.text) > _LONG_HEADLINE:
            score -= 4.0  # more likely a first sentence that does not end with a stop
        if line.sentence and line.text.endswith("."):
            score -= 4.0
        if line.text.startswith(_ARROWS) or line.text.endswith(_ARROWS):
            score -= 6.0  # "← previous story", "next story →"
        if not any(w[:1].islower() for w in _WORD.findall(line.text)):
            score -= 2.0  # a row of buttons or menu items: every word capitalised
        if score > best_score:
            best_score, headline = score, position
    if headline < 0:
        return PageArticle(None, "", lines[first].index, lines[last].index + 1)
    start = next(
        (p for p in range(headline + 1, len(lines)) if lines[p].sentence and not lines[p].bullet),
        next(p for p in range(headline + 1, len(lines)) if lines[p].sentence),
    )
    start = _dateline_start(lines, start)
    end = max(start, _run_end(lines, start))
    return PageArticle(
        lines[headline].index, lines[headline].text, lines[start].index, lines[end].index + 1
    )


# How many sentences (captions, a teaser) a wire dateline may open the story after.
_DATELINE_REACH = 1


def _dateline_start(lines: list[_Line], start: int) -> int:
    """Where the story opens: a wire dateline ("WASHINGTON (AP) — ") on one of the first few
    sentences under the headline marks its first paragraph; what is above it (a caption, a
    teaser) is not the article's text."""
    if starts_with_dateline(lines[start].text):
        return start
    seen = 0
    for position in range(start + 1, min(len(lines), start + 3 * _DATELINE_REACH)):
        if lines[position].sentence:
            if starts_with_dateline(lines[position].text):
                return position
            seen += 1
            if seen >= _DATELINE_REACH:
                break
    return start


def _run_end(lines: list[_Line], start: int) -> int:
    """The last line of the best-scoring run of lines that begins at `start`."""
    best, best_end, total = float("-inf"), start, 0.0
    for position in range(start, len(lines)):
        total += _weight(lines[position])
        if total > best:
            best, best_end = total, position
    return best_end
