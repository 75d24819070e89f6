"""A whole web page saved as text (a browser's "Save as text", `lynx -dump`): where the article is.

Such a dump holds the site's menus, cookie notices, teasers of other stories and the footer as
well as the article. Each line is weighed as jusText weighs blocks: runs of sentences (long
lines, mostly lower-case words, ending with a stop) count for the article, short link-like lines
(menu items, bullets, counters) against it. The best-scoring run of lines is the article's
text; the headline is the headline-shaped line above it that a person would take for one:
close to the text, and repeated elsewhere on the page (the last crumb of the breadcrumbs, the
tab's title), not a bullet among bullets. The body starts at the first sentence under the
headline (the lede), never at the date, byline, caption or share bar between them.

`find_article` only answers for text laid out like a page (menus as bullets, blocks indented);
other files are left to the scraped-text reader in `plaintext`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from newsread.index.files.dates import find_date, looks_like_date_line
from newsread.index.files.formats.bylines import (
    cjk_byline,
    is_agency,
    is_byline,
    is_person_name,
    split_byline,
    starts_with_dateline,
)
from newsread.index.files.formats.furniture import is_footer, is_furniture
from newsread.index.files.formats.site_names import fold_as_address
from newsread.index.text import joins_without_space

# Fewer short lines than this above the main text: its first lines may be the headline's.
_MIN_CHROME_LINES = 3
_MIN_LINES = 12  # fewer non-blank lines than this: no page around an article
# How far above the text a headline is looked for, in non-blank lines.
_HEADLINE_WINDOW = 60
# A list item's marker as text browsers set it: lynx's "*", "+", "o", w3m's and browsers'
# "•", "◦", "▪" for nested lists, a number.
_BULLET = re.compile(r"^(?:[*+•·o◦▪▫‣⁃■□●○-]|\d{1,3}[.)])\s+")
_TERMINAL = (
    ".",
    "!",
    "?",
    "…",
    "؟",
    "।",
    "۔",
    '"',
    "”",
    "“",
    "»",
    "«",
    "'",
    "’",
    ")",
    ":",
    ";",
    "。",
    "！",
    "？",
)
# The headings of a list of other stories ("Related", "Most read", "Lesen Sie auch").
LIST_HEADINGS = r"""(?:
        related(?:\s+(?:news|articles?|stories|posts|content|coverage|topics|links|reading))?
        | read\s+(?:also|more|next) | also\s+read | see\s+also | more\s+(?:news|stories)
        | more\s+(?:from|on|in|about)\s+.{1,60} | most\s+(?:read|popular|viewed|shared)(?:\s+\w+)?
        | trending(?:\s+now)? | recommended(?:\s+for\s+you)? | editor'?s?\s+picks?
        | recent\s+(?:posts|articles|stories|news) | neueste\s+(?:beiträge|artikel)
        | meistgelesen(?:\s+in\s+der\s+rubrik)? | meist\s+gelesen
        | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)
        | top\s+stories | latest\s+(?:news|stories|articles) | other\s+news | in\s+other\s+news
        | читайте\s+также | lire\s+aussi | à\s+lire\s+aussi | lesen\s+sie\s+auch | mehr\s+zum\s+thema
        | lee\s+también
        | sur\s+le\s+même\s+sujet | dans\s+la\s+même\s+rubrique | à\s+lire\s+(?:également|aussi)
        | das\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren | auch\s+interessant
        | (?:weitere|ähnliche|verwandte)\s+(?:artikel|beiträge|nachrichten|themen)
          (?:\s+(?:zu(?:m|r)?|von|aus)\s+.{1,40})?
        | schon\s+gelesen\?? | mehr\s+vom\s+autor | mehr\s+von\s+(?:der|dem)\s+autor(?:in)?
        | passend\s+zum\s+thema | noticias\s+relacionadas | artículos\s+relacionados
        | te\s+puede\s+interesar | leggi\s+anche | articoli\s+correlati | lees\s+ook
        | czytaj\s+(?:także|też|również) | zobacz\s+(?:także|też|również)
        | leia\s+(?:também|mais) | veja\s+também | zum\s+weiterlesen
    )"""
_LIST_HEADER = re.compile(rf"^{LIST_HEADINGS}\s*:?$", re.IGNORECASE | re.VERBOSE)
_DATE_LINE = 81  # a date line is at most 80 characters (`looks_like_date_line`), and a stop
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Photo captions and notices written as sentences: not the article's text.
_CAPTION = re.compile(
    r"^\d+ (?:of|/) \d+\b|\bfile photo\b|\((?:AP|AFP|Reuters|EPA|dpa)? ?(?:photo|foto|bild)\b"
    r"|\b(?:photo|foto|bild|image|picture)s?\s*(?:credit)?\s*:"
    # "Jane Doe/dpa", not "(jm/dpa)": an editor's initials signing a wire story's text.
    r"|(?<!\((?-i:[a-z]{2}))(?<!\((?-i:[a-z]{3}))/\s*(?:AP|AFP|Reuters|Getty Images|EPA|dpa)\b"
    # "(Elias Funez/The Union via AP)": a member paper's photo the agency carries.
    r"|\bvia (?-i:AP|AFP|Reuters|Getty Images|EPA|dpa)\)"
    r"|\b(?:quotes?|data) (?:are )?delayed\b|\bpersonal,? non-?commercial use\b"
    # Who took the photo or who is in it: "Photo illustration by", "Credit...", "(pictured)",
    # "[File: Reuters]", "© Reuters".
    r"|\bphoto(?:graph)?s?\s+(?:illustration\s+)?by\b|\bphotograph\s*:|\bcredit\s*(?:\.\.\.|…)"
    r"|\(pictured(?:\s+\w+)?\)|,\s*pictured\b|\[(?:file|photo|image|pictured)\b|©"
    # The wire's credit closing its caption: "… in Washington, U.S. REUTERS/Jane Doe".
    r"|(?-i:\b(?:REUTERS|AFP|EPA|AP\s+Photo)/[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})$",
    re.IGNORECASE,
)
# What no article opens with: a line closed by a photo's credit in brackets ("... Ariz. (AP)",
# "(onmeth.com)", "(JANE DOE/SCIENCE PHOTO LIBRARY"), or a teaser cut short at a comma.
# What a form says once sent, hidden in the page until then: "Vielen Dank für Ihre
# Registrierung.", "Thank you for subscribing!", "Merci pour votre inscription."
_FORM_THANKS = re.compile(
    r"^(?:vielen\s+dank|danke(?:\s+schön)?|thank\s+you|thanks|merci|gracias|grazie)\s+"
    r"(?:für\s+(?:ihre|ihr|ihren|deine|dein|deinen|die)|for\s+(?:your|the)?|pour\s+votre"
    r"|por\s+su|per\s+la)\s*(?:registrierung|anmeldung|bestellung|abonnement|nachricht|anfrage"
    r"|registration|subscri|signing\s+up|sign-?up|order|message|inscription|commande"
    r"|suscripci|registro|iscrizione)",
    re.IGNORECASE,
)
_NOT_A_LEDE = re.compile(
    r"[.!?][\"”’]?\s*\([A-Z][\w&.-]*(?:[ /][A-Z][\w&.-]*){0,3}\)$"
    r"|\(\s*[A-Z][A-Z .&/-]{3,60}\)?$|\([\w.-]+\.[a-z]{2,4}\)$|[,;]\s*(?:\.\.\.|…)$"
)
# Invisible hyphenation hints inside long words: no part of what a reader sees.
_SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Line:
    index: int
    end: int  # the raw line after it: a paragraph a text browser wrapped spans several
    text: str
    indent: int
    bullet: bool
    words: int
    sentence: bool
    crumb: bool = False
    numbered: bool = False  # a numbered list's item ("1. ", "2) ")
    # A sentence read as a photo's caption for the credit line under it alone: a standfirst
    # over the lead picture's credit is set so too.
    credited: bool = False


@dataclass(frozen=True)
class PageArticle:
    """Where the article is in a page dump, as indexes of its lines."""

    headline: int | None
    """The headline's (last) line, or None when no line above the text reads as one."""
    title: str
    """The headline's text (without bullet or breadcrumbs)."""
    start: int
    """The first line of the body: the lede."""
    end: int
    """The line after the article's text."""
    standfirst: int | None = None
    """The standfirst's line (the summary under the headline, above the byline), if any."""
    standfirst_end: int | None = None
    """The line after the standfirst (a text browser may have wrapped it over several)."""
    deck: int | None = None
    """The deck's line: a summary under the headline not written as a sentence (without a
    stop), above the standfirst and the lede."""
    deck_end: int | None = None
    """The line after the deck."""

    def summary(self) -> list[tuple[int, int]]:
        """The (first, after the last) lines of the deck and standfirst, in page order."""
        return [
            (first, end)
            for first, end in ((self.deck, self.deck_end), (self.standfirst, self.standfirst_end))
            if first is not None and end is not None
        ]


# How many parts set apart by bars make a line a meta bar or a menu, not running text.
_BAR_PARTS = 3


def _uncapitalised(words: list[str]) -> int:
    """How many of `words` open with a lower-case letter or a letter of a script without
    case (Arabic, Hebrew, Devanagari), whose sentences have no capitals to tell them by."""
    return sum(1 for word in words if not word[:1].isupper())


def _sentence(text: str, words: int) -> bool:
    """Whether a line is running text: sentences, not a link, label or headline."""
    if _CJK.search(text):
        return len(text) >= 40 and text.endswith(("。", "！", "？", "」", "”", ".", "!"))
    if words < 8 or text.count(" | ") >= _BAR_PARTS - 1:
        return False  # a label, a headline; a bar of parts ("Le Monde | 4.5.2015 | Par Jane Doe")
    found = _WORD.findall(text)
    if not found:
        return False
    lower = _uncapitalised(found)
    # Menus and headlines capitalise most words; sentences do not (German nouns aside).
    if lower * 4 < len(found):
        return False
    if _alphabetical(found):
        return False  # a tag cloud or an index: its words sorted, as no sentence has them
    return len(text) >= 120 or text.endswith(_TERMINAL)


# The share of a line's neighbouring words that must be in alphabetical order for the line to
# be a sorted list of words; a sentence's words are in order about half of the time.
_SORTED_SHARE = 0.85
_MIN_SORTED_WORDS = 10


def _alphabetical(found: list[str]) -> bool:
    """Whether `found` (a line's words) are mostly in alphabetical order: a list of tags."""
    if len(found) < _MIN_SORTED_WORDS:
        return False
    folded = [word.casefold() for word in found]
    ordered = sum(1 for a, b in itertools.pairwise(folded) if a <= b)
    return ordered >= _SORTED_SHARE * (len(folded) - 1)


# What a photo's credit line looks like: "Photo: Jane Doe, AP", "(Image: © NASA)", "Photo by
# Jane Doe", "Jane Doe | Bloomberg | Getty Images". The sentence above one is the photo's caption.
_CREDIT_LINE = re.compile(
    r"^\(?(?:photo|image|foto|bild|picture|credit|фото)s?\s*(?:credit)?\s*:"
    # "Photo by Jane Doe", "Photo illustration by Slate. Photo by Jane Doe.": who made it.
    r"|^(?:photo(?:graph)?s?|illustration|photo\s+illustration)\s+(?:by|courtesy\s+of)\s+\S"
    r"|^[^.!?]{0,60}\b(?:getty\s+images|shutterstock|istock(?:photo)?|imago|picture[- ]alliance)\)?$"
    r"|^\([^()]{2,60}\)$"  # "(Jane Doe / AP)", "(Walt Disney Co.)": a line of its own in brackets
    # "Jane Doe/Northfield Courier", "J. Doe / AP": who took it and for whom, set apart by slashes.
    r"|(?-i:^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} ?/ ?[A-Z][\w&.'’ -]{1,40}(?:/[\w&.'’ -]{1,40})*$)",
    re.IGNORECASE,
)
_SHORT_CAPTION = 80  # the longest caption written as no sentence, between a photo and its credit


def _credit(line: _Line) -> bool:
    """Whether `line` is a photo's credit ("Photo: Jane Doe", "(Getty Images)")."""
    return len(line.text) <= 80 and _CREDIT_LINE.search(line.text) is not None


def _caption_words(line: _Line) -> bool:
    """Whether `line` reads as a short caption written as no sentence ("The old bridge, seen
    from the south bank"): words, not a gallery's counter ("1 / 2"), an image's file name
    ("[csm_Habeck-Besuch_c5c34212e5]") or a labelled credit under a standfirst."""
    return (
        not line.sentence
        and len(line.text) <= _SHORT_CAPTION
        and ":" not in line.text  # "Interview: Jane Doe", "Author: …": a credit, a byline
        and not line.text.startswith("[")
        and sum(1 for word in line.text.split() if word.isalpha()) >= 2
    )


# Who is where in a photo: "Jane Doe, left, and John Doe", "(center)", "from left".
# How far down the page a sentence's second copy makes the first a highlight, in lines.
_REPEAT_WINDOW = 15
_CAPTION_PLACES = re.compile(
    r",\s*(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)|front|rear)\s*,"
    r"|\((?:left|right|center|centre|l|r|c)\)|\bfrom\s+left\b",
    re.IGNORECASE,
)


# A gallery's counter on a line of its own: "Photo 3 of 12", "Bild 1 von 5", "Image 2/5". A
# bare "12 von 17" may count a recipe's steps, whose sentences are the text.
_GALLERY_COUNTER = re.compile(
    r"^(?:bild|foto|photo|image|picture|slide|imagen|immagine)s?\s+\d{1,3}\s*"
    r"(?:/|of|von|de|sur|di)\s*\d{1,3}$",
    re.IGNORECASE,
)


# The longest tail a copy of a caption has glued on: a credit ("Credit...Jane Doe/The Daily
# Planet"), a label ("video").
_GLUED_TAIL = 60
_TAIL_WORDS = 8


def _shown_again(text: str, other: str) -> bool:
    """Whether `other` is `text` shown again with a short tail glued on, or `text` is `other`
    so: a photo's alt text over its caption and credit ("… last week." / "… last week.Credit
    ...Jane Doe"), a video's description over its player's. A text's paragraph is not shown
    twice; the copies are captions. A text browser runs the credit's or label's span into the
    caption with no space; a line of its own (a button under a recipe's step) is not so."""
    longer, shorter = (other, text) if len(other) > len(text) else (text, other)
    tail = longer[len(shorter) :]
    return (
        bool(tail)
        and not tail[0].isspace()
        and longer.startswith(shorter)
        and shorter.endswith(_STOPS)
        and len(tail) <= _GLUED_TAIL
        and len(tail.split()) <= _TAIL_WORDS
    )


def _alt_over_caption(before: _Line | None, line: _Line, after: list[_Line]) -> bool:
    """Whether `line` is a photo's alt text, a sentence, over its caption, another, and the
    caption's credit (`after`), the three run together as one block with a blank line above:
    a text browser sets a picture's alt text right above its caption."""
    caption, credit = after
    return (
        caption.sentence
        and line.end == caption.index
        and caption.end == credit.index
        and (before is None or before.end < line.index)
    )


def _captions(found: list[_Line]) -> list[_Line]:
    """`found` with photo captions, pull quotes and highlights written as sentences no longer
    counted as sentences: a line above a photo's credit, a line under a gallery's counter ("Photo
    2 of 12"), a line saying who stands where, a line shown twice in a row (a gallery's thumbnail and picture; but the last copy with running
    text under it and a paragraph above it is the text's, under a summary that repeats it),
    and a sentence repeated a little further down (a highlight above the text that holds it;
    the last copy is the text's)."""
    caption = [False] * len(found)
    credited = [False] * len(found)
    for position, line in enumerate(found):
        if not line.sentence:
            continue
        before = found[position - 1] if position else None
        after = found[position + 1 : position + 3]
        credit = bool(after) and (
            _credit(after[0])
            # An image's alt text over its caption and credit: "The old bridge, seen from the
            # south bank" / "Photo: Jane Doe".
            or len(after) == 2
            and _credit(after[1])
            and not any(ch.isdigit() for ch in after[1].text)  # "Pro Portion / Pro 100 g"
            and (_caption_words(after[0]) or _alt_over_caption(before, line, after))
        )
        # Under a paragraph of the text, a credit is for a photo further up.
        in_text = (
            before is not None
            and before.sentence
            and not before.bullet
            and not caption[position - 1]
        )
        caption[position] = bool(
            _CAPTION_PLACES.search(line.text)
            or (before is not None and _GALLERY_COUNTER.match(before.text) is not None)
            or any(
                other.text == line.text and (other.bullet or not (after and after[0].sentence))
                for other in found[max(0, position - 2) : position]
            )
            or any(other.text == line.text for other in after)
            or any(
                _shown_again(line.text, other.text)
                for other in (*found[max(0, position - 2) : position], *after)
            )
        )
        credited[position] = bool(
            not caption[position]
            and credit
            and not (in_text and before is not None and before.text != line.text)
        )
        caption[position] = caption[position] or credited[position]
    for position, line in enumerate(found):
        if line.sentence and not caption[position]:
            caption[position] = any(
                found[other].text == line.text and not caption[other]
                for other in range(position + 1, min(len(found), position + 1 + _REPEAT_WINDOW))
            )
    return [
        replace(line, sentence=False, credited=credited[position]) if flag else line
        for position, (line, flag) in enumerate(zip(found, caption, strict=True))
    ]


# The narrowest and widest column a text browser wraps a page at (lynx 79, w3m 80, a browser's
# "Save as text" about 72), and the share of the lines with eight words or more that end
# within `_WRAP_SLACK` columns of it on a wrapped page.
_WRAP_COLUMNS = (60, 200)
_WRAP_SLACK = 20
_WRAPPED_SHARE = 0.3
_WRAP_WORDS = 3  # the fewest words of a long line that says where the page wraps
_MIN_WRAPPED = 6  # fewer long lines than this, or fewer ending near one column: not wrapped
_UNBREAKABLE = 2  # the most lines set apart past the others that the width leaves out


# The characters a terminal gives two columns: Hangul, Han, kana, CJK punctuation and the
# full-width forms. lynx wraps a page at a count of characters, w3m at a count of columns:
# a row of Chinese fills 74 characters in one, 40 in the other.
_TWO_COLUMNS = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def _columns(text: str) -> int:
    """How many columns of a terminal `text` takes."""
    return len(text) if text.isascii() else len(text) + len(_TWO_COLUMNS.findall(text))


def _indent(raw: str) -> int:
    """Where a line's text starts: Chinese and Japanese paragraphs open with two ideographic
    spaces that their wrapped lines do not have, so those belong to the text."""
    indent = len(raw) - len(raw.lstrip())
    while indent and raw[indent - 1] == "\u3000":
        indent -= 1
    return indent


def _wrap_width(text_lines: list[str]) -> int:
    """The column a text browser wrapped the page's paragraphs at, or 0 when it did not: then
    most long lines end close to one column and none but unbreakable ones go past it."""
    return _wrap_widths(text_lines)[0]


def _wrap_widths(text_lines: list[str]) -> tuple[int, dict[int, int]]:
    """The page's wrap width (`_wrap_width`), and the width of the lines that start in each
    indented column where it is narrower: lynx sets an <h1> or <h2> flush left over all 80
    columns but wraps the indented text at 74, and on a short page those wider lines are the
    widest. The flush-left column keeps the page's width: there w3m sets every line, headings
    and paragraphs alike, and a few paragraphs that happen to end short of the width (a
    table's rows are the widest lines) would join a headline to the byline under it."""
    width, columns, _ = _wrapping(text_lines)
    return width, columns


def _wrapping(text_lines: list[str]) -> tuple[int, dict[int, int], Callable[[str], int]]:
    """`_wrap_widths`, and how the text browser measured a line: in characters, or in columns
    where the page has wide characters and their columns end closer to one width."""
    width, columns, near = _wrapped_at(text_lines, len)
    if any(not raw.isascii() and _TWO_COLUMNS.search(raw) for raw in text_lines):
        wide = _wrapped_at(text_lines, _columns)
        if wide[2] > near:
            return wide[0], wide[1], _columns
    return width, columns, len


def _wrapped_at(
    text_lines: list[str], measure: Callable[[str], int]
) -> tuple[int, dict[int, int], float]:
    """`_wrap_widths` with lines measured by `measure`, and the share of the long lines that
    end near the width (0 where the page was not wrapped)."""
    # A paragraph deep in the page's columns wraps after a few words: its lines are long by
    # their columns, not by their words. Chinese and Japanese put no space between words:
    # there each two characters count as one.
    lengths = sorted(
        length
        for raw in text_lines
        if (
            (words := _words(raw)) >= _WRAP_WORDS
            and (length := measure(raw.rstrip())) >= _WRAP_COLUMNS[0]
            or words >= 8
        )
    )
    if len(lengths) < _MIN_WRAPPED:
        return 0, {}, 0.0
    # A line or two far past all others (an address, a row of a table) is unbreakable: on a
    # short page it would be the percentile taken.
    for _ in range(_UNBREAKABLE):
        if len(lengths) > _MIN_WRAPPED and lengths[-1] - lengths[-2] > _WRAP_SLACK:
            lengths.pop()
    width = lengths[len(lengths) * 98 // 100]
    if not _WRAP_COLUMNS[0] <= width <= _WRAP_COLUMNS[1]:
        return 0, {}, 0.0
    near = sum(1 for length in lengths if width - _WRAP_SLACK <= length <= width)
    if near < max(_MIN_WRAPPED, _WRAPPED_SHARE * len(lengths)):
        return 0, {}, 0.0
    # The lines a paragraph wrapped, each with its next in its column, say where the text
    # that starts in that column wraps (lynx indents the text it wraps).
    wrapped: dict[int, list[int]] = {}
    for raw, below in itertools.pairwise(text_lines):
        length = measure(raw.rstrip())
        indent = _indent(raw)
        if width - _WRAP_SLACK <= length <= width and below.strip() and indent == _indent(below):
            wrapped.setdefault(indent, []).append(length)
    columns = {}
    for indent, found in wrapped.items():
        if indent and len(found) >= _MIN_WRAPPED:
            found.sort()
            columns[indent] = min(width, found[len(found) * 98 // 100])
    return width, columns, near / len(lengths)


def _words(raw: str) -> int:
    """How many words a line has, two Chinese or Japanese characters counted as one."""
    words = len(raw.split())
    if raw.isascii():
        return words
    return words + len(_TWO_COLUMNS.findall(raw)) // 2


# A date and a byline after it on a short line of their own: "02.02.2022, 11:30 Uhr von Jane
# Doe", "12 March 2024 by Jane Doe".
_DATED_BYLINE = re.compile(
    r"^(?=.{0,60}$)(?=.*\d).*\b(?:by|von|par|por|di|door)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+)+$"
)


# How lynx marks a picture: its address ("[34][gif;base64,R0lG…]", "[12][logo.png]") or its
# file's name ("[Banner-SZ-Immo.jpeg]") where the page gives no alt text.
_PICTURE_MARK = re.compile(
    r"^(?:\[\d{1,4}\])?\[(?:(?:gif|png|jpe?g|webp|svg)[;,+]|[^\]\s]+\.(?:jpe?g|png|gif|webp|svg)\])",
    re.IGNORECASE,
)


def _name_over_date(line: str, text_lines: list[str], index: int) -> bool:
    """Whether `line` (at `index`) is a name of two to four capitalised words with a date
    line right under it."""
    words = LINK_MARK.sub("", line).split()  # "[73]Jane Doe": lynx numbers her link
    if not 2 <= len(words) <= 4 or not all(word[:1].isupper() for word in words):
        return False
    below = text_lines[index + 1].strip() if index + 1 < len(text_lines) else ""
    return len(below) < _DATE_LINE and looks_like_date_line(below) and find_date(below) is not None


def _unwrapped(text_lines: list[str]) -> list[tuple[int, int, str]]:
    """(first raw line, the raw line after the last, text) of each line as the page had it: the
    lines of a paragraph a text browser wrapped are joined again. A line continues the one
    above when it starts in the column that line's text starts in and its first word would
    not have fitted on that line, even where it opens like a list's item ("5. März", "- "),
    unless the line above is an item or introduces a list; a copy of the line above (a
    photo's credit under each picture) is a line of its own. Chinese and Japanese break
    between any two characters and join with no space."""
    width, columns, measure = _wrapping(text_lines)
    found: list[tuple[int, int, str]] = []
    column = -1  # where the text of the last line found starts; -1: it cannot be continued
    listed = False  # whether the last line found is a list's item
    for index, raw in enumerate(text_lines):
        stripped = raw.strip()
        if not stripped:
            column = -1
            continue
        indent = _indent(raw)
        previous = text_lines[index - 1].rstrip() if index else ""
        bullet = _BULLET.match(stripped)
        if (
            width
            and indent == column
            # A paragraph's line may open like a list's item ("5. März", "- ") where it was
            # wrapped; a list's item never continues another.
            and not (bullet and (listed or previous.endswith(":")))
            and stripped != previous.lstrip()  # a line shown twice (a photo's credit) is two
            and _wrapped_before(previous, stripped, measure, columns.get(indent, width))
            # A standfirst's last sentence, then its date and byline on a line of their own
            # ("… Leine nicht ewig lang sein wird." / "02.02.2022, 11:30 Uhr von Jane Doe").
            and not (previous.endswith(_STOPS) and _DATED_BYLINE.search(stripped))
            # "… nicht zurück." / "Jane Doe" / "am 24. Januar 2022 um 15:47": a byline's name
            # over its date under the standfirst.
            and not (previous.endswith(_STOPS) and _name_over_date(stripped, text_lines, index))
            # "[31]30. Oktober 2023 [32]Jane Doe [33]Kultur" / "[34][gif;base64,R0lG…]": a
            # picture lynx marks under a meta line is no part of it.
            and not (_PICTURE_MARK.match(stripped) and find_date(previous) is not None)
            # "home / News / Headline" / "News - 21. Januar 2022": a trail's crumbs end with
            # the page's name; the date under it is a line of its own.
            and not _trail_over_date(previous, stripped)
        ):
            first, _, text = found[-1]
            gap = "" if joins_without_space(text, stripped) else " "
            found[-1] = (first, index + 1, f"{text}{gap}{stripped}")
            continue
        listed = bullet is not None
        column = indent + (bullet.end() if bullet else 0)
        found.append((index, index + 1, raw))
    return found


def _trail_over_date(previous: str, line: str) -> bool:
    """Whether `line` is a date line under `previous`, a breadcrumb trail from the site's home
    ("home / InfoStream / Headline" / "InfoStream - 21. Januar 2022")."""
    if len(line) >= _DATE_LINE or not _CRUMB.search(previous):
        return False
    crumbs = _CRUMB.split(LINK_MARK.sub("", previous.strip()))
    return (
        len(crumbs) >= 2
        and crumbs[0].casefold() in _HOME_CRUMBS
        and looks_like_date_line(line)
        and find_date(line) is not None
    )


def _wrapped_before(previous: str, line: str, measure: Callable[[str], int], width: int) -> bool:
    """Whether `line`'s first word would not have fitted on the `previous` line, at `width`
    as `measure` counts: Chinese and Japanese break before any character, with no space."""
    if joins_without_space(previous, line):
        return measure(previous) + measure(line[:1]) > width
    return measure(previous) + 1 + measure(line.split(None, 1)[0]) > width


def unwrapped_page(text_lines: list[str]) -> list[str]:
    """The lines of a page as it had them before a text browser wrapped them (each wrapped
    line's parts joined on its first part's line, at its indent), or `text_lines` as they are
    when the page was not wrapped."""
    if not _wrap_width(text_lines):
        return text_lines
    found: list[str] = []
    after = 0  # the raw line after the last one joined
    for first, end, raw in _unwrapped(text_lines):
        found += text_lines[after:first]  # the blank lines between them
        found.append(raw)
        after = end
    return found + text_lines[after:]


# lynx -dump numbers each link where it stands ("[12]Link text") and lists the addresses
# under "References" at the end: the numbers are no part of what the page says.
LINK_MARK = re.compile(r"\[\d{1,4}\](?=\S)")
_MIN_LINK_MARKS = 5


def link_marked(text_lines: list[str]) -> bool:
    """Whether lynx numbered the links of the page (`LINK_MARK`) in `text_lines`."""
    marked = 0
    for raw in text_lines:
        if "[" in raw and LINK_MARK.search(raw):
            marked += 1
            if marked >= _MIN_LINK_MARKS:
                return True
    return False


# lynx's list of the page's link addresses under "References": "  12. https://example.com/",
# under "Visible links:" and "Hidden links:" where it sorts them.
_REFERENCE = re.compile(
    r"^\s*\d{1,5}\.\s+(?:[a-z][a-z0-9+.-]*:|/)\S*|^\s*(?:visible|hidden)\s+links:\s*$",
    re.IGNORECASE,
)
_REFERENCES_LOOKED_AT = 12


def without_link_list(text_lines: list[str]) -> list[str]:
    """`text_lines` without the list of link addresses lynx closes a page with: no part of
    what the page says, its long addresses (some with a share text's words in them) would be
    taken for sentences and for the width the page was wrapped at."""
    for index in range(len(text_lines) - 1, -1, -1):
        if text_lines[index].strip() != "References":
            continue
        after = [
            line for line in text_lines[index + 1 : index + _REFERENCES_LOOKED_AT] if line.strip()
        ]
        if after and all(_REFERENCE.match(line) for line in after):
            return text_lines[:index]
        break
    return text_lines


# The label a breadcrumb trail opens with.
_HERE = re.compile(
    r"^(?:sie\s+sind\s+hier|du\s+bist\s+hier|you\s+are\s+here|vous\s+[êe]tes\s+ici"
    r"|usted\s+est[áa]\s+aqu[íi]|est[áa]s\s+aqu[íi]|ti\s+trovi\s+in)\s*:?\s*",
    re.IGNORECASE,
)


# A quotation opened and not closed: "… ‘Pale Blue Dot".
_OPEN_QUOTE = re.compile(r"[‘“„«‹][^’”“»›]*$")


# The links of a page's head, which lynx lists on its first lines ("#[1]RSS [2]Site »
# Headline Comments Feed [3]alternate"): the feeds' titles hold the headline's words, and its
# "»" reads as a breadcrumb trail's.
_HEAD_LINKS = re.compile(r"^\s*#\[\d{1,4}\]")


def _lynx_frame(raw: str) -> bool:
    """Whether `raw` is lynx's line for a frame, which it may set above the head's links
    ("IFRAME: [1]//example.com/ns.html")."""
    return raw.lstrip().startswith(("IFRAME:", "FRAME:"))


# The title of a post's comments feed among them: "Blog » Headline Comments Feed".
_COMMENTS_FEED = re.compile(
    r"»\s*(?P<headline>[^»\[\]]+?)\s+(?:comments?[- ]feed|kommentar(?:e)?-feed"
    r"|flux\s+des\s+commentaires|feed\s+de\s+(?:los\s+)?comentarios)",
    re.IGNORECASE,
)


def _fed_words(text_lines: list[str]) -> frozenset[str]:
    """The words of the headline the page's comments feed names in the head links lynx lists
    first (`_HEAD_LINKS`), as `name_words` gives a file name's; or none."""
    first = next(
        (n for n, raw in enumerate(text_lines) if raw.strip() and not _lynx_frame(raw)), -1
    )
    if first < 0 or not _HEAD_LINKS.match(text_lines[first]):
        return frozenset()
    block = []
    for raw in text_lines[first:]:
        if not raw.strip():
            break
        block.append(raw.strip())
    feed = _COMMENTS_FEED.search(LINK_MARK.sub("", " ".join(block)))
    return name_words(feed.group("headline")) if feed else frozenset()


# The shortest text looked at for copies of itself run together, and the most copies.
_SAID_TWICE = 12
_COPIES = 3


def _said_once(text: str) -> str:
    """`text` said once where the line is the same words two or three times over, a space
    between them or none ("Headline Headline": a picture's alt text and title, as lynx and
    w3m show them, each the headline), else `text`."""
    for copies in range(2, _COPIES + 1):
        for gap in (" ", ""):
            size, rest = divmod(len(text) - len(gap) * (copies - 1), copies)
            said = text[:size]
            if not rest and size >= _SAID_TWICE and text == gap.join([said] * copies):
                # A headline's words, not a row of drawn marks ("____" is lynx's form field)
                # nor a photo's caption or credit, which stay as the page shows them.
                caption = said.endswith(_STOPS) or "©" in said or _CREDIT_LINE.search(said)
                return said if _WORD.search(said) and not caption else text
    return text


def _lines(text_lines: list[str]) -> list[_Line]:
    found = []
    head = True  # among the lines lynx sets over the page: its head's links, its frames
    for index, end, raw in _unwrapped(text_lines):
        if head and _HEAD_LINKS.match(raw):
            continue  # "#[1]RSS [2]Site » Headline Comments Feed": no part of the page shown
        head = head and (not raw.strip() or _lynx_frame(raw))
        if "[" in raw:
            raw = LINK_MARK.sub("", raw)
        if "(BUTTON)" in raw:
            raw = raw.replace("(BUTTON)", "")  # lynx's mark of a button, before its label
        text = " ".join(raw.replace(_SOFT_HYPHEN, "").split())
        if not text:
            continue
        if len(text) >= _SAID_TWICE and text.find(text[:_SAID_TWICE], 1) > 0:
            text = _said_once(text)
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end() :]
            if not text:
                continue
        here = _HERE.match(text)
        if here and here.end() < len(text):
            text = text[here.end() :]  # "You are here: Home » Travel » Emden": a trail's label
        crumbs = _CRUMB.split(text) if len(text) <= 250 and not text.startswith("(") else []
        if len(crumbs) == 1 and len(text) <= 250 and len(_GLUED_CRUMB.findall(text)) >= 2:
            crumbs = _GLUED_CRUMB.split(text)  # "Home»News»Headline": lynx runs links together
        if any(_OPEN_QUOTE.search(crumb) for crumb in crumbs[:-1]):
            crumbs = []  # "Record of the Week: ‘Pale Blue Dot / Lift Off’": a title's slash
        # The last crumb names the page; one word does too where a label says it is a trail.
        crumb = len(crumbs) >= 2 and (len(crumbs[-1].split()) >= 2 or bool(here)) and not bullet
        if crumb:
            text = crumbs[-1]  # "Home » News » Headline": the headline is the last crumb
        words = len(text.split())
        sentence = (
            _sentence(text, words)
            and not _CAPTION.search(text)
            and not _FORM_THANKS.match(text)
            and not _share_row(text)
            # "27 octobre 2012 à 18:27 (Mis à jour: 19:56 )": a date line, closed as a sentence
            # ("Point d'étape au 12 janvier 2020 :" opens a list of the text's own).
            and not (
                len(text) < _DATE_LINE and not text.endswith(":") and looks_like_date_line(text)
            )
        )
        indent = len(raw) - len(raw.lstrip())
        numbered = bullet is not None and bullet.group(0)[0].isdigit()
        found.append(
            _Line(index, end, text, indent, bool(bullet), words, sentence, crumb, numbered)
        )
    return _notices(_captions(found))


# A share button's label: "Share to Facebook", "Share on X", "Share via Email".
_SHARE_TO = re.compile(r"share\s+(?:to|on|via)\s", re.IGNORECASE)
_SHARE_BUTTONS = 3


def _share_row(text: str) -> bool:
    """Whether `text` is a row of share buttons, however a text browser ran their labels
    together ("Share to LinkedInLinkedInShare to FacebookFacebookShare to …"): three labels
    or more."""
    return "hare " in text and len(_SHARE_TO.findall(text)) >= _SHARE_BUTTONS


# The buttons that close a consent notice, a sign-up box or a paywall, in the languages of the
# pages.
_NOTICE_BUTTON = re.compile(
    r"^(?:(?:i\s+)?(?:accept|agree|allow|reject|decline|refuse|deny)(?:\s+(?:all|cookies|and\s+close))?"
    r"|(?:manage|customi[sz]e|cookie)\s+(?:options|settings|preferences|cookies)|ok(?:ay)?|got\s+it"
    r"|subscribe(?:\s+now)?|sign\s+up(?:\s+now)?|continue|more\s+options|settings"
    r"|(?:alle\s+)?(?:akzeptieren|annehmen|ablehnen|zustimmen)|einstellungen|anmelden|abonnieren"
    r"|(?:tout\s+)?(?:accepter|refuser)|paramètres|personnaliser|s'abonner|(?:aceptar|rechazar)(?:\s+todo)?"
    r"|configurar|suscribirse|(?:accetta|rifiuta)(?:\s+tutto)?|iscriviti"
    # A paywall's: "Jetzt testen", "Start free trial", "Essayer gratuitement".
    r"|(?:jetzt\s+)?(?:testen|abonnieren|abo\s+abschließen)|(?:start\s+)?(?:your\s+)?free\s+trial"
    r"|try\s+(?:it\s+)?(?:for\s+)?free|essayer(?:\s+gratuitement)?|je\s+m'abonne|suscr[íi]bete)"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
# What a consent notice, a sign-up box or a paywall is about.
_NOTICE_WORDS = re.compile(
    r"\bcookies?\b|\bconsent|\bpersonal(?:ised|ized)?\s+(?:data|information|ads)|\bpartners\b"
    r"|\bprivacy\b|\bnewsletters?\b|\binbox\b|\bdatenschutz|\beinwilligung|\bpersonenbezogen"
    r"|\bdonnées\s+personnelles|\bconsentement|\bdatos\s+personales|\bconsenso\b"
    r"|\bsubscribers?\b|\babonnent|\babonné|\bsuscriptor|\bfree\s+trial\b|\bkostenlos\s+testen",
    re.IGNORECASE,
)
# The most sentences of a notice above its buttons, and lines between them and the buttons.
_NOTICE_SENTENCES = 4
_NOTICE_GAP = 2
# The least text of a notice taken out: a line of notice ("We use cookies.") weighs too
# little to be taken for the article's text, and is furniture already (`is_furniture`).
_NOTICE_TEXT = 100


def _notices(found: list[_Line]) -> list[_Line]:
    """`found` with the sentences of a consent notice or a sign-up box no longer counted as
    sentences: at most `_NOTICE_SENTENCES` right above its buttons ("Accept all", "Manage
    options", "Subscribe"), one of them about cookies, consent, personal data or a newsletter,
    `_NOTICE_TEXT` characters or more in all.
    A page that asks for consent above its article would have its notice read as the
    article's first paragraphs, and its heading as the headline."""
    marked: set[int] = set()
    for position, line in enumerate(found):
        if line.sentence or line.words > 3 or not _NOTICE_BUTTON.match(line.text):
            continue
        run: list[int] = []
        gap = 0
        for above in range(position - 1, max(-1, position - 1 - _NOTICE_SENTENCES - 6), -1):
            if found[above].sentence:
                if len(run) == _NOTICE_SENTENCES:
                    run = []  # a longer run of sentences: the text's, not a notice's
                    break
                run.append(above)
            elif run or gap >= _NOTICE_GAP:
                break
            else:
                gap += 1
        if sum(len(found[p].text) for p in run) >= _NOTICE_TEXT and any(
            _NOTICE_WORDS.search(found[p].text) for p in run
        ):
            marked.update(run)
    if not marked:
        return found
    return [replace(line, sentence=False) if p in marked else line for p, line in enumerate(found)]


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
        and any(
            ch.isalpha() and not ch.isupper() for ch in text
        )  # lower-case, or a script without case
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


# A label and the list it heads: "Topics: uber, libertarians, Sydney, Technology News",
# "Schlagworte: Klima, Energie, Wind, Solar": the page's tags, not a headline or a deck.
_LABELLED_LIST = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?\s*:\s*[^,:]+(?:,[^,:]+){3,}$")


# A quoted sentence, closed by its stop, and who said it or the note it refers to: an epigraph,
# a pull quote or a reader's praise ("“Time is what we waste.”1", "„… ist das Standardwerk.“ –
# Jane Doe"), not a headline, which quotes without a stop and names no one after a dash.
_EPIGRAPH = re.compile(
    r"^[\"“„«‚‘»]\s?[^\"“”„«»]{8,}[.!?…]\s?[\"”“»«‘’]"
    r"\s*(?:\d{1,2}|\[\w{1,5}\]|[—–―-]\s*\S+(?:\s+\S+){0,4})$"
)


def _not_a_headline(text: str) -> bool:
    """Headline-shaped lines that are something else: bylines, captions, buttons, labels."""
    return bool(
        _EPIGRAPH.match(text) is not None
        or is_byline(text)
        or is_furniture(text)
        or is_footer(text)
        or _CREDIT.search(text)
        or _LABEL.match(text)
        or _LABELLED_LIST.match(text)
        or find_date(text) is not None  # "A story by Jane Doe, published 23.01.2020"
        or _credited_caption(text)
        or _trail(text)
        or _ALT_TEXT.fullmatch(text) is not None
        or _FORM_THANKS.match(text) is not None
        or _LIST_HEADER.match(text) is not None
    )


# "[The old bridge at dusk]": a picture's alt text in words as a text browser marks it (not its
# file's name, "[harbour-bridge_c5c34212.jpeg]", which a page's layout tells apart otherwise).
_ALT_TEXT = re.compile(r"\[[^\W\d_][^\W_]*(?: [^\W\d_][^\W_]*[,.]?)+\]")


def _trail(text: str) -> bool:
    """Whether `text` is breadcrumbs whose last crumb is too short to name the page ("首页 >
    社会 > 正文", "Home > News > Article"): three crumbs or more, the first the site's home."""
    crumbs = _CRUMB.split(text)
    return len(crumbs) >= _TRAIL_CRUMBS and crumbs[0].casefold() in _HOME_CRUMBS


# A caption's sentence and, after its stop, the photo's credit: "The bridge on Monday. EFE",
# "… on March 12, 2024. REUTERS/Jane Doe", "… in Berlin. Getty Images".
_CAPTION_CREDIT = re.compile(r"[.!?]\s+(?P<credit>[^.!?]{2,40})$")
_CREDIT_WORDS = 4


def _credited_caption(text: str) -> bool:
    """Whether `text` closes with a photo's credit after its last sentence: an agency's name
    or a credit line (`_CREDIT_LINE`), as a caption printed on one line with its credit ends."""
    found = _CAPTION_CREDIT.search(text)
    if not found:
        return False
    credit = found.group("credit").strip()
    if len(credit.split()) > _CREDIT_WORDS:
        return False
    return is_agency(credit.split("/")[0]) or bool(_CREDIT_LINE.search(credit))


def _dateline(text: str) -> bool:
    return len(text) <= 150 and bool(
        looks_like_date_line(text)
        or is_byline(text)
        # A portal's meta line: "来源：新华网　2024-03-12 09:30　作者：张伟".
        or (not text.isascii() and _CJK.search(text) and cjk_byline(text))
    )


_LONG_HEADLINE = 110
_TEXT_AHEAD = 25  # non-blank lines below a headline where its article's text is weighed
_CRUMB = re.compile(r"\s+(?:»|›|>|/|→|››|>>)\s+")
# A trail's marks between words with no space around them, as lynx joins adjacent links.
_GLUED_CRUMB = re.compile(r"(?<=[^\W\d_])(?:»|›|>)(?=[^\W\d_])")


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
    bullets = indented = filled = short = drawn = 0
    for raw in text_lines:
        if not raw or raw.isspace():
            continue
        filled += 1
        if raw[:2].isspace():
            indented += 1
        if "[" in raw or "━" in raw or "─" in raw or "__" in raw:
            drawn += _DRAWN.match(raw) is not None
        text = raw.lstrip()
        bullet = _BULLET.match(text)
        # A label or menu item: a few words, no figures (a table's row has them), not in
        # capitals (a wire's table sets its headings so: "ALL WHEAT", "SOYBEANS").
        label = text[bullet.end() :] if bullet else text
        short += (
            len(label.split()) <= _SHORT_WORDS
            and _LABEL_LINE.match(label) is not None
            and not label.isupper()
        )
        # Menu items, not rules ("- - - -") or the sentences of a list.
        if bullet and len(text.split()) <= 7 and any(ch.isalpha() for ch in text):
            bullets += 1
    # Set flush left (w3m, a browser's "Save as text"), a page still has many short lines:
    # menus, buttons and labels, one a line. Where a long text wrapped at 80 columns outweighs
    # them, what only a text browser draws tells the page: a rule, a picture or a button
    # shown as its label in brackets, a form's field.
    chrome = short >= _MIN_SHORT and (short >= filled * _SHORT_SHARE or drawn >= _MIN_DRAWN)
    return filled >= _MIN_LINES and (bullets >= 8 or indented * 3 >= filled or chrome)


# A line a text browser draws, in no text: a rule of box-drawing lines (w3m's <hr>), a
# picture's or a button's label in brackets alone ("[logo]", "[Go]", "[p] *"), a form's
# field ("[          ]", "Name ________").
_DRAWN = re.compile(r"\s*(?:[━─]{3,}.*|(?:\[[^\[\]]{1,40}\]\s*)+\W{0,3}|.*\[\s{4,}\].*|.*_{8,}.*)$")
_MIN_DRAWN = 2
# A rule w3m draws beside a line's words, on a line of a layout table ("━━━━ Headline").
_RULE_EDGE = re.compile(r"^[━─]{3,}\s*|\s*[━─]{3,}$")
# A picture a text browser shows by its file's name, in one "word" with a dot, an underscore,
# a colon or a figure among letters ("[brand_logo.png]", "[teaser5c9b]"), or w3m's marks
# around an <ins> ("[INS:", ":INS]"), which a headline's line may hold beside its words.
_PICTURE_LABEL = re.compile(
    r"\s*(?:\[(?=[^\s\[\]]*(?:[._:]|[^\W\d_]\d|\d[^\W\d_]))[^\s\[\]]{1,100}\]|\[INS:|:INS\])"
)
# The words a headline does not end with: the picture or logo that followed them ("Chicken
# with Rice with [brand]") is left out of the text, or shown by its file's name.
_DANGLING = frozenset("with and & und mit et avec".split())
# A space before a comma, where a browser set one between two spans ("Rioja , Spanien"): no one
# types it so, in any language's typography.
_SPACED_COMMA = re.compile(r"(?<=\S) +,(?=\s|$)")


def _undrawn(text: str) -> str:
    """`text` as a reader sees it, without what a text browser drew into it: rules at its
    edges, pictures' labels, a word that led into a picture left out, a space set between
    two spans before a comma."""
    if "━" in text or "─" in text:
        text = _RULE_EDGE.sub("", text)
    if "[" in text or ":INS]" in text:
        text = _PICTURE_LABEL.sub("", text).strip()
    if " ," in text:
        text = _SPACED_COMMA.sub(",", text)
    head, _, last = text.rpartition(" ")
    if last.casefold() in _DANGLING and len(head.split()) >= _AFTER_KICKER:
        return head
    return text


# A page set flush left: at least _MIN_SHORT lines, and _SHORT_SHARE of its lines, are labels
# of at most _SHORT_WORDS words that open with a letter and hold no figure.
_SHORT_WORDS = 4
_LABEL_LINE = re.compile(r"^[^\W\d_][^\d]*$")
_MIN_SHORT = 12
_SHORT_SHARE = 0.25


def page_candidates(
    text_lines: list[str], name: str = ""
) -> tuple[list[_Line], int, int, list[tuple[int, str, dict[str, float]]]]:
    """The lines of a page laid out as one, the first and last of its main text, and the lines
    that could be its headline with their features (`_candidates`): what `find_article` weighs,
    and `tests/fit_headline.py` fits the weights on."""
    lines = _lines(text_lines)
    first, last = _best_run(lines)
    while first < last and not lines[first].sentence:
        first += 1
    while last > first and (not lines[last].sentence or _stray(lines, last)):
        last -= 1  # the run carried on over a box of links by a teaser's title
    if sum(not line.sentence for line in lines[:first]) < _MIN_CHROME_LINES:
        # A short page whose headline reads as a sentence: it and its byline are chrome too.
        # Where the text runs from the page's top (a blog's description written as a sentence
        # opens it), the headline is looked for inside it all the same.
        first = _past_dated_headline(lines, first, last)
    # A feed names the whole headline: a line near the text with only some of its words
    # ("muffins" of "Muffin Grundrezept") does not stop the search for one with all of them.
    fed = _fed_words(text_lines)
    if fed:
        return lines, first, last, _candidates(lines, first, fed, elsewhere=1.0)
    named = name_words(name)
    return lines, first, last, _candidates(lines, first, named, elsewhere=_NAMED_ELSEWHERE)


def find_article(text_lines: list[str], name: str = "") -> PageArticle | None:
    """Where the article is in `text_lines`, or None when the text is not laid out like a page.

    `name` is the file's name without its extension: a saved page's name often names its
    article (see `name_words`)."""
    if not _laid_out_like_a_page(text_lines):
        return None
    lines, first, last, candidates = page_candidates(text_lines, name)
    headline, title, elsewhere = -1, "", False
    best_score = _MIN_HEADLINE_SCORE
    for position, text, features in candidates:
        score = sum(_WEIGHTS[feature] * value for feature, value in features.items())
        if score > best_score:
            best_score, headline, title = score, position, text
            elsewhere = bool(features["elsewhere"])
    if headline < 0:
        return PageArticle(None, "", lines[first].index, lines[last].end)
    if not any(lines[p].sentence for p in range(headline + 1, len(lines))):
        return PageArticle(None, "", lines[first].index, lines[last].end)
    # A copy of the headline under it (the page shows it twice, over a photo and the text;
    # a text browser shows the photo's alt text and title, each the headline, run together)
    # is no lede, though a headline closed by a quote reads as a sentence.
    start = next(
        (
            p
            for p in range(headline + 1, len(lines))
            if _opens_text(lines[p]) and lines[p].text.replace(title, "").strip()
        ),
        next(p for p in range(headline + 1, len(lines)) if lines[p].sentence),
    )
    listed = _listed_opening(lines, headline, start)
    standfirst = None
    if listed is not None:
        start = listed
    else:
        # A wire dateline marks the lede; without one, a standfirst may stand above it.
        dated = _dateline_start(lines, start)
        standfirst, start = _lede(lines, headline, start) if dated == start else (None, dated)
        if standfirst is None:
            standfirst = _credited_standfirst(lines, headline, title, start)
        elif _about_author(lines, headline, standfirst, start):
            standfirst = None  # an author's box over the byline: no summary of the story
        start = _dateline_start(lines, start)
        text = lines[start].text
        if standfirst is None and not (starts_with_dateline(text) or _LONE_DATELINE.match(text)):
            start = _short_opening(lines, headline, start)
        start = _past_bio(lines, headline, start)
    # Under a headline above the page's main text, the article runs at least to its end; a
    # headline found elsewhere has its own text under it.
    end = max(start, _run_end(lines, start), last if start <= last and not elsewhere else start)
    end = _short_closing(lines, _continued(lines, start, end))
    deck = _deck(lines, headline, title, start if standfirst is None else standfirst)
    points = None if deck is not None else _key_points(lines, headline, title, start)
    floor = max(p for p in (headline, standfirst, deck) if p is not None)
    start = _lead_in(lines, floor, title, start, end)
    found = PageArticle(
        lines[headline].end - 1,
        _undrawn(title) or title,
        lines[start].index,
        lines[end].end,
        None if standfirst is None else lines[standfirst].index,
        None if standfirst is None else lines[standfirst].end,
        None if deck is None else lines[deck].index,
        None if deck is None else lines[deck].end,
    )
    if points is not None:
        found = replace(found, deck=lines[points[0]].index, deck_end=lines[points[1]].end)
    return found


def _credited_standfirst(lines: list[_Line], headline: int, title: str, start: int) -> int | None:
    """The standfirst right under the headline that a photo's credit follows ("Image: Getty",
    "(Foto: dpa)"), above the byline or date and the lede at `start`, or None: read as the
    photo's caption for the credit alone, it is the summary a person reads first, as the same
    sentence with no photo under it is (`_lede`). Only the byline block, credits and buttons
    stand between it and the lede."""
    position = headline + 1
    while position < start and lines[position].text in title:
        position += 1  # the headline's own line, shown twice or run over two lines
    if position >= start or not lines[position].credited:
        return None
    if len(lines[position].text) > _STANDFIRST:
        return None
    between = range(position + 1, start)
    if not any(_dateline(lines[p].text) for p in between):
        return None
    if not all(_chrome(lines[p]) or _CREDIT_LINE.search(lines[p].text) for p in between):
        return None
    return position


def _past_dated_headline(lines: list[_Line], first: int, last: int) -> int:
    """The first sentence of the text from `first` on, past a headline written as a sentence
    ("South Dakota says, 'Meth. We're On It,' and Twitter asks, Are you guys OK?") that a
    byline or date under it marks as the headline, or `first`."""
    following = next((p for p in range(first + 1, last + 1) if lines[p].sentence), None)
    if following is None or following - first > _DATED_HEADLINE_GAP:
        return first
    if not _headline_shaped(lines[first]) or lines[first].text.endswith("."):
        return first
    if not any(_dateline(lines[p].text) for p in range(first + 1, following)):
        return first
    return following


# The most lines (a byline, a date, a photo's caption) between such a headline and its text.
_DATED_HEADLINE_GAP = 5


# How far under the headline a deck is looked for, in non-blank lines.
_DECK_WINDOW = 6
_DECK_WORDS = 8  # the fewest words of a deck, as of a sentence
_DECK_GAP = 2  # the most lines (share buttons) between a deck and the text under it
# How many columns a deck may stand left or right of the text: a text browser indents a nested
# block (the text's own <div>) by two.
_DECK_SHIFT = 2


def _deck(lines: list[_Line], headline: int, title: str, below: int) -> int | None:
    """The deck under the headline and above `below` (the standfirst or the lede), or None: a
    line of running words not read as a sentence ("Next steps in March with two matches
    against the Netherlands": subtitles are written without a stop), set in the text's column
    (give or take `_DECK_SHIFT`) right above it, with only the headline's date and byline above
    it; never a byline, date, caption, label or button. A summary line above the byline or the
    date belongs to the page's header, which Zyte's bodies leave out as much as the menus."""
    for position in range(headline + 1, min(below, headline + 1 + _DECK_WINDOW)):
        line = lines[position]
        if line.sentence or line.bullet:
            return None
        if line.text in title or _dateline(line.text):
            continue  # the headline's own line, shown twice or run over two lines; its byline
        if not _running_words(line) or _LABELLED_LIST.match(line.text):
            return None
        if (
            below - position - 1 > _DECK_GAP
            or abs(line.indent - lines[below].indent) > _DECK_SHIFT
            or any(_dateline(lines[p].text) for p in range(position + 1, below))
        ):
            return None
        return position
    return None


# The fewest words of each of a summary's key points, and how many points it has at most.
_POINT_WORDS = 5
_POINTS = 6


def _key_points(
    lines: list[_Line], headline: int, title: str, below: int
) -> tuple[int, int] | None:
    """(first, last) positions of the summary's key points under the headline and above
    `below` (the lede or standfirst), or None: a short run of bullets in running words (each
    of `_POINT_WORDS` words or more, one at least as long as a deck), with only the headline's
    date and byline above them and at most `_DECK_GAP` lines (a photo, its credit) between
    them and the text. A list of links (a series' other parts, share buttons) has a label or a
    button above it, or items no longer than a headline's."""
    position = headline + 1
    while position < below and (lines[position].text in title or _dateline(lines[position].text)):
        position += 1
    first = position
    while (
        position < below
        and position - first < _POINTS
        and lines[position].bullet
        and lines[position].indent == lines[first].indent
        and _running_words(lines[position], _POINT_WORDS)
    ):
        position += 1
    if position == first or not any(_running_words(line) for line in lines[first:position]):
        return None
    if below - position > _DECK_GAP or any(
        _dateline(lines[p].text) for p in range(position, below)
    ):
        return None
    return first, position - 1


def _running_words(line: _Line, fewest: int = _DECK_WORDS) -> bool:
    """Whether `line` holds running words as a sentence does (see `_sentence`), at least
    `fewest` of them, whatever closes it, and is no byline, date, caption or label."""
    text = line.text
    if line.words < fewest or len(text) > _STANDFIRST or _CJK.search(text):
        return False
    found = _WORD.findall(text)
    lower = _uncapitalised(found)
    return (
        lower * 4 >= len(found)
        and not _CAPTION.search(text)
        and not _CREDIT_LINE.search(text)
        and not _dateline(text)
        and not _not_a_headline(text)
    )


_STOPS = (".", "!", "?", "…")  # what closes a sentence (not a quote or bracket: a teaser's link)
# How many lines (a date, a byline, a list's title) may stand between the headline and the
# first item of an article written as a list.
_LIST_GAP = 6


def _listed_opening(lines: list[_Line], headline: int, start: int) -> int | None:
    """The first item of an article written as a numbered list ("1. I'd rather not fall
    asleep on the couch tonight."), or None: a numbered item that is running text, close under
    the headline and above the first paragraph that is not a list's item (`start`). Bullets
    there are a summary's key points or share links, which the text follows."""
    for position in range(headline + 1, min(start, headline + 1 + _LIST_GAP)):
        line = lines[position]
        if line.numbered and _lede_like(line) and line.text.endswith(_STOPS):
            return position
        if line.sentence:
            return None
    return None


# How far under the headline its byline and date are looked for, in non-blank lines.
_BYLINE_WINDOW = 40
# A standfirst or caption above the byline is at most this long; a longer line is the text.
_STANDFIRST = 400


def _opens_text(line: _Line) -> bool:
    """Whether an article's text may start at `line`: a sentence, not a list's item, caption
    or teaser."""
    return not line.bullet and _lede_like(line)


def _lede_like(line: _Line) -> bool:
    """Whether `line` is running text that may open an article: not a caption, a teaser or a
    date line closed by a stop."""
    return line.sentence and not _NOT_A_LEDE.search(line.text) and not _stopped_date(line.text)


def _stopped_date(text: str) -> bool:
    """Whether `text` is a date line closed by a stop ("Nov. 20, 2019 Updated: 1:35 a.m.")."""
    return text.endswith(".") and len(text) <= _DATE_LINE and looks_like_date_line(text[:-1])


def _next_text(lines: list[_Line], position: int) -> int | None:
    """The first paragraph of running text after `position` (not a list's item), or None."""
    following = next(
        (p for p in range(position + 1, len(lines)) if _lede_like(lines[p])),
        None,
    )
    return None if following is None or lines[following].bullet else following


def _chrome(line: _Line) -> bool:
    """A line of the page between an article's summary and its text: a byline, a date, a
    button, a bullet, a photo's credit."""
    return (
        line.bullet
        or line.sentence  # a caption or teaser (`_NOT_A_LEDE`)
        or _dateline(line.text)
        or _not_a_headline(line.text)
        or bool(_CREDIT_LINE.search(line.text))
    )


def _lede(lines: list[_Line], headline: int, start: int) -> tuple[int | None, int]:
    """(the standfirst or None, the lede) for the first sentence under the headline at `start`.

    A lede is the first run of the article's sentences under the headline and its byline
    block: a short sentence above the byline or date (the standfirst) is kept above it, and
    what stands between them (the byline, share buttons, a photo and its caption) is not the
    article's text. Without a byline, a short first sentence set apart from the next one by
    such page furniture is the standfirst."""
    if len(lines[start].text) > _STANDFIRST:
        return None, start
    block = None
    for position in range(start + 1, min(len(lines), start + 1 + _BYLINE_WINDOW)):
        line = lines[position]
        if _lede_like(line):
            break
        if _dateline(line.text):
            block = position
    lede = _next_text(lines, block if block is not None else start)
    if lede is None:
        return None, start
    if block is None and not any(_chrome(lines[p]) for p in range(start + 1, lede)):
        return None, start
    return start, lede


# Where the headline is looked for: this many non-blank lines above the page's main text, and
# this many into it (a teaser or caption may open the main run above the article).
_BELOW_WINDOW = 15
# How many paragraphs (a teaser, a notice) may open the main text above the headline.
_TEASERS = 1
_MIN_HEADLINE_SCORE = 0.0
# How a line is weighed as the headline: the sum of its features times these weights. The
# weights were fitted on the tune half of the page sets (tests/accuracy.py) and checked on
# the held half; each feature says something a reader sees, not something of one site.
_WEIGHTS: dict[str, float] = {
    "mass": 0.04,  # running text under it (in 150s of characters, at most 2000)
    "length": 0.21,  # its length (in 15s of characters, at most 90)
    "distance": 0.02,  # lines above the page's main text
    "near": 0.49,  # within the window above the main text
    "below": -0.49,  # inside the main text
    "repeated": 0.56,  # the same line elsewhere: the last crumb, a share text
    "dateline": 2.14,  # a date or byline within three lines under it
    "bullet": -1.03,  # a menu item
    "long": -1.82,  # more likely a first sentence without a stop
    "stop": -1.24,  # a sentence that ends with a full stop
    "sentences": -0.74,  # a sentence's end inside it, another begun after it
    "arrow": 0.60,  # "← previous story", "next story →"
    "capitalised": -0.38,  # a row of buttons: every word capitalised
    "unshaped": -0.74,  # too short or long, a date, ends with a comma or colon
    "furniture": -1.05,  # a byline, caption, label, button or footer line
    "thin": -0.17,  # too little running text under it
    "echoed": 2.46,  # share of its words that come back in the text under it
    "gap": -0.97,  # short lines between it and the text under it (in tens)
    "lede": -0.59,  # running text straight under it
    "menu_above": 0.99,  # a menu item or link just above it
    "same_indent": 0.06,  # indented as the text under it
    "short": -0.56,  # three words or fewer
    "cut": -0.16,  # a kicker or breadcrumb cut from its front
    "crumb": 0.80,  # the last crumb of a breadcrumb trail
    "repeated_many": 0.60,  # on three lines or more: the site's name, a button
    "top": -0.32,  # the first headline-shaped line of the lines above its text
    "bottom": 0.29,  # the last headline-shaped line above its text
    "after_text": -0.21,  # running text just above it
    "longest": 0.48,  # the longest headline-shaped line above the same text
    "asks": -0.32,  # ends with a question or exclamation mark
    "upper": -0.52,  # written in capitals
    "lede_long": 0.34,  # the text under it opens with a long paragraph
    "apart": 3.52,  # a blank line above and below it, as a heading is set
    "echo_near": 0.89,  # the same text a few lines above: the last crumb of a list
    "echo_lede": 0.68,  # share of its words in the first paragraph under it
    "date_above": 0.44,  # a date line within three lines above it
    "run_above": -0.08,  # paragraphs of the page's main text above it (in fives, at most 1)
    "text_above": -0.88,  # running text in the ten lines above it (in 500s of characters, at most 1)
    # Fitted alone (`tests/fit_headline.py --only over_deck`), the other weights fixed.
    "over_deck": 0.86,  # a longer line of running words right under it: its deck
    # Fitted alone, the other weights fixed, so a file whose name says nothing (no words, or
    # none in any line) is weighed as before.
    "named": 3.51,  # share of the file name's words in it (`name_words`)
    "elsewhere": 0.0,  # not around the main text: found by the file's name (not weighed)
    "outdented": 1.43,  # at the left edge over text set in, as lynx sets a heading
}


# A host name in a file name ("example.com", "news.example.co.uk", "site.de" before "-slug").
_HOST = re.compile(
    r"(?<![\w-])(?:[\w-]+\.)+(?:com|org|net|info|edu|gov|news|online|blog|[a-z]{2})(?![\w])",
    re.IGNORECASE,
)
_HASH = re.compile(r"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_]{4,}")
# What names a file, not an article: a web server's, CMS's, browser's or person's words for
# any page ("news-2020-01-02.txt", "saved page.txt"), which menus hold too.
_NAME_NOISE = frozenset(
    "index html shtml aspx page print story stories article articles artikel detail details "
    "content view default home amp news post posts blog text dump saved copy untitled "
    "nachrichten noticias actualites".split()
)


def name_words(name: str) -> frozenset[str]:
    """The words of a file's name that may name its article, folded (`fold_as_address`).

    Browsers name a saved page after its title ("Headline - Site.txt"), wget and people after
    its address ("example.com-headline-words"): the site's host, hashes and short words say
    nothing of the article and are left out."""
    stem = _HASH.sub(" ", _HOST.sub(" ", name))
    return frozenset(
        word
        for word in (fold_as_address(w) for w in _NAME_WORD.findall(stem))
        if word not in _NAME_NOISE
    )


def _word_set(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text) if len(w) >= 4)


def _headline_text(
    lines: list[_Line],
    position: int,
    tails: set[str],
    spaced_colons: bool,
    shown_whole: frozenset[str] = frozenset(),
    apart: Mapping[str, list[tuple[str, str]]] | None = None,
    crumbs: frozenset[str] = frozenset(),
    trail_ends: frozenset[str] = frozenset(),
    spaced_twins: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """The headline a line would give, and what was cut from its front ("" for nothing,
    "kicker" for a kicker the page sets apart, "shown" for words before a headline shown on
    its own elsewhere): "Topic:"
    on the line above joined to it; a kicker run into it ("Kicker : Headline", on pages whose
    text never sets a colon apart), or a headline shown on its own elsewhere on the page
    (unless the page shows the whole line elsewhere too: `shown_whole`), or a kicker that
    another line sets apart (`apart`, see `_set_apart`: "Mehr zu: Kicker - Headline", a
    comment form's "Kicker: Headline"); the headline a comments' heading quotes ("2 thoughts
    on “Headline”")."""
    apart = apart or {}
    line = lines[position]
    text = line.text
    quoted = _COMMENTS_ON.match(text)
    if quoted:
        return quoted.group("headline").strip(), "cut"
    if _goes_on(lines, position):
        joined = f"{text} {lines[position + 1].text}"
        glued = after_glued_kicker(joined)
        return (glued, "kicker") if glued else (joined, "")
    colon = _kicker_colon(text, spaced_twins) if not spaced_colons else ""
    if colon:
        # "Covid-19 : Lässt sich ...": the kicker's span and the headline's; and the same
        # line with the colon closed up where the page also shows it so (a crumb's copy).
        head, _, tail = text.partition(colon)
        if len(head.split()) <= 6 and len(tail.split()) >= 2:
            return tail, "kicker"
    trailed = _after_trail_end(text, trail_ends)
    if trailed:
        return trailed, "kicker"
    glued = after_glued_kicker(text)
    if glued:
        return glued, "kicker"
    if text in shown_whole:
        return text, ""  # the page shows it whole elsewhere too: nothing in it is a kicker
    words = text.split()
    # An article or a question word opens the headline; no kicker is that word alone ("Das
    # Potenzial von …" where a teaser shows "Potenzial von …").
    article = words[0] in _OPENERS or words[0] in _ENGLISH_ARTICLES
    for cut in range(1 + article, min(len(words) - 1, 8)):
        tail = " ".join(words[cut:])
        if tail in tails:
            return tail, "shown"
    for cut in range(1, min(len(words) - 1, 8)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if _kicker_set_apart(head, tail, text, apart):
            return tail, "kicker"
        if head in crumbs and len(words) - cut >= _AFTER_CRUMB and tail[:1].isupper():
            # "Home » Energy » Efficiency Drive" over "Efficiency Drive Free Checks for ...":
            # the trail's last crumb is the kicker run into the headline.
            return tail, "kicker"
    opened = _after_run_in_kicker(words)
    if opened:
        return opened, "kicker"
    return text, ""


# The words that open a sentence and, inside one, are written in lower case: articles,
# question words and a few adverbs ("Die", "Was", "So", "Les", "Cómo"). Not English's "The"
# and "A", which title-case headlines and names ("The New York Times") capitalise anywhere,
# nor German's "Sie", "Ihr".
_OPENERS = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Was Wie Wer Wo Warum Wann "
    "Wieso Weshalb Welche Welcher Welches Wenn So Diese Dieser Dieses "
    "Le La Les Un Une Des Ce Cette Ces Comment Pourquoi Quand Quel Quelle Quels Quelles "
    "El Los Las Una Unos Unas Qué Cómo Cuándo Dónde "
    "Il Lo Gli Uno Come Perché Cosa".split()
)
# The words a kicker does not end with: it is a phrase of its own, not cut off before a
# name ("Concierto en Los Angeles", "un espacio donde El Nacional publica").
_OPEN_TAILS = frozenset(
    "in im an am auf aus bei mit nach von vor zu zum zur für über unter und oder der die das "
    "den dem des ein eine en de del al y e o à au aux du et ou par pour sur dans a da di il "
    "per con su la le les el los las dass weil als wie wo donde que qui où cuando como porque "
    "che dove".split()
)
_RUN_IN_KICKER = 6  # the most words of a kicker run into the headline with a space


_ENGLISH_ARTICLES = frozenset(("The", "A", "An"))


def _after_run_in_kicker(words: list[str]) -> str:
    """The headline after a kicker run into it with only a space, where a word that only opens
    a sentence is capitalised after the kicker's last word ("Kind krank Was Arbeitgeber wissen
    müssen", "Politiques publiques Les Français travaillent-ils trop peu ?"), or "". Both are
    written in sentence case (a lower-case word in each: not "Trump Attacks The Times"); the
    headline has `_AFTER_KICKER` words or more."""
    for cut in range(1, min(_RUN_IN_KICKER, len(words) - _AFTER_KICKER) + 1):
        if words[cut] not in _OPENERS:
            continue
        head, tail = words[:cut], words[cut:]
        if (
            not head[-1].endswith((".", "!", "?", ":", ";", "–", "—", "-", "|"))
            and not any(word.endswith(",") for word in head)  # a clause, no label
            and head[-1].casefold() not in _OPEN_TAILS
            and any(word[:1].islower() for word in head)
            and any(word[:1].islower() for word in tail)
        ):
            return " ".join(tail)
    return ""


# A colon with a space before it and none after ("Kicker :Headline"): no one types a colon
# so; it closes a kicker's span where a text browser left out the space after it.
_SHIFTED_COLON = re.compile(r"(?<=\S) :(?=\w)")


def _kicker_colon(text: str, spaced_twins: frozenset[str]) -> str:
    """The colon that sets a kicker's span apart from the headline's in `text` ("Kicker :
    Headline", "Kicker :Headline", or "Kicker: Headline" where the page also shows the line
    with the colon spaced), or ""."""
    if " : " in text:
        return " : "
    if " :" in text and (shifted := _SHIFTED_COLON.search(text)):
        return shifted.group()
    return ": " if text in spaced_twins else ""


# A kicker run into the headline with no stop between them, as a page sets a label's span
# before the headline's in one line: a label in capitals ("EXCLUSIVE Council votes ..."), or
# one that no headline opens with ("Analyse Après la crise ..."), before a capital. Not a
# label a headline may open with ("Live music returns", "Exclusive Harrods deal"), nor one
# closed by a colon ("VIDEO: ..."), which the headline keeps, as pages title it.
_GLUED_KICKER = re.compile(
    r"^(?:(?:EXCLUSIVE|EXCLUSIF|EXKLUSIV|EXCLUSIVA|EXCLUSIVO|BREAKING(?:\s+NEWS)?|LIVE|UPDATE"
    r"|VIDEO|WATCH|REVIEW|PHOTOS|EN\s+DIRECT|EN\s+VIVO|ÚLTIMA\s+HORA|ULTIMA\s+ORA|URGENTE"
    r"|PREMIUM|SPONSORED|ANZEIGE|QUIZ|INTERVIEW|ENTRETIEN|REPORTAGE)"
    r"|(?i:analysis|analyse|análisis|analisi|opinion|opinión|meinung|kommentar|commentary"
    r"|editorial|eilmeldung|liveticker|tribune|chronique|décryptage|enquête|explainer"
    r"|nachruf|obituary|fact\s+check|faktencheck))"
    r"\s+(?=[A-ZÀ-Þ„“\"«‘'¿¡])"
)
_AFTER_KICKER = 3  # the fewest words of a headline a kicker is cut from


def is_kicker(line: str) -> bool:
    """Whether `line` is a kicker's label alone ("Analyse", "EXCLUSIVE", "Nachruf"): a line of
    its own over a headline, never the headline."""
    return _GLUED_KICKER.match(f"{line.strip()} X") is not None


def after_glued_kicker(text: str) -> str:
    """The headline (or the lede) after a kicker run into it (`_GLUED_KICKER`), or ""."""
    glued = _GLUED_KICKER.match(text)
    if glued is None or len(text.split()) - len(glued.group().split()) < _AFTER_KICKER:
        return ""
    return text[glued.end() :]


# How a line that goes on on the next ends: a dash (a colon joins "Topic:" to the headline,
# whose own line stays a candidate too).
_OPEN_ENDS = (" –", " —", " -")
# The most words of a kicker closed by a dash over a headline of its own.
_DASHED_KICKER = 3


def _goes_on(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` goes on on the next: it ends open ("Topic:", "Headline
    –") and a headline-shaped line follows within a blank line, or the next line carries on
    its words in lower case right under it ("Council votes to close the old bridge" /
    "after engineers find cracks": a headline broken by a `<br>`, or that lynx wrapped and
    centred), not a byline or date line ("by Jane Doe")."""
    after = lines[position + 1] if position + 1 < len(lines) else None
    text = lines[position].text
    if lines[position].bullet or text.startswith(("-", "–", "—")):
        return False  # "- Für Dein Business -": a slogan set between dashes, a list's item
    if _carried_on(lines[position], after):
        return True
    if (
        text.endswith(_OPEN_ENDS)
        and len(text.split()) <= _DASHED_KICKER + 1
        and after is not None
        and after.text[:1].isupper()
    ):
        return False  # "Biz & IT —" over "Just-released exploit crashes servers": a kicker
    return (
        text.endswith((":", *_OPEN_ENDS))
        and after is not None
        and after.index - lines[position].end <= 1
        and not after.sentence
        and _headline_shaped(after)
    )


def _carried_on(line: _Line, after: _Line | None) -> bool:
    """Whether `after` carries on the words of `line` (not closed by a stop) on the raw line
    right under it: its first word in lower case, and it no sentence, list item, byline or
    number ("vor 3 Stunden")."""
    return (
        after is not None
        and after.index == line.end
        and not line.text.endswith(_TERMINAL)
        and after.text[:1].islower()
        and not (after.bullet or after.crumb or after.sentence)
        and len(line.text) + len(after.text) <= _LONG_HEADLINE_LINE
        and not _dateline(after.text)  # "by Jane Doe"
        and not any(ch.isdigit() for ch in after.text)  # "vor 3 Stunden", "3 min read"
    )


# The longest headline run over two lines.
_LONG_HEADLINE_LINE = 250
# The fewest words of a headline after a kicker that the breadcrumbs show.
_AFTER_CRUMB = 3

# The first item of breadcrumbs set out as a list or one crumb a line ("* Startseite",
# "* Handel", "* Headline").
_HOME = frozenset(
    "home startseite start homepage accueil inicio início portada главная strona główna".split()
    + ["strona główna", "front page"]
)
# A trail's first crumb: the site's home, in the scripts a portal's trail is written in too.
_HOME_CRUMBS = _HOME | {"首页", "首頁", "トップ", "ホーム", "홈"}
_TRAIL_CRUMBS = 3  # the fewest crumbs of a trail that no headline is
# The most items of such a trail, and the most words of one.
_TRAIL_ITEMS = 6
_CRUMB_WORDS = 12
# The fewest words of a trail's last item that may name the headline inside a longer line.
_TRAIL_END_WORDS = 3
# The most words of a kicker in front of the headline a trail names.
_KICKER_WORDS = 8


def _trail_ends(lines: list[_Line]) -> frozenset[str]:
    """The last items of breadcrumbs the page sets out one crumb a line, under a first item
    that names the site's home ("Startseite" / "Handel" / "Headline"): the page's own name."""
    found = set()
    for position, line in enumerate(lines):
        if line.text.casefold() not in _HOME:
            continue
        items = []
        for item in lines[position + 1 : position + 1 + _TRAIL_ITEMS]:
            if item.sentence or item.words > _CRUMB_WORDS or item.bullet != line.bullet:
                break
            items.append(item)
        if len(items) >= 2 and items[-1].words >= _TRAIL_END_WORDS:
            found.add(items[-1].text)
    return frozenset(found)


def _after_trail_end(text: str, trail_ends: frozenset[str]) -> str:
    """`text` from where a trail's last item starts inside it, past a kicker run into the
    headline ("Olympia in Paris Getränke per Schiff ins Stadtzentrum" under the trail "Startseite
    / Handel / Getränke per Schiff ins Stadtzentrum"; the trail may shorten the headline), or
    ""."""
    for end in trail_ends:
        position = text.find(f" {end}")
        if position > 0 and len(text[:position].split()) <= _KICKER_WORDS:
            return text[position + 1 :]
    return ""


# The heading of a post's comments, quoting its headline: "2 Gedanken zu „Headline“", "20
# thoughts on “Headline”", "One comment on "Headline"".
_COMMENTS_ON = re.compile(
    r"^(?:\d+|\w+)\s+(?:gedanken|kommentare?|antworten|antwort|thoughts?|comments?|responses?"
    r"|repl(?:y|ies)|réponses?|commentaires?|comentarios?|commenti)\s+(?:zu|on|to|à|sur|a|en)\s+"
    r"[„“\"«‘]\s*(?P<headline>.+?)\s*[“”\"»’]$",
    re.IGNORECASE,
)


def _kicker_set_apart(
    head: str, tail: str, line: str, apart: Mapping[str, list[tuple[str, str]]]
) -> bool:
    """Whether a line other than `line` sets the kicker `head` apart from `tail`: before it
    ("Kicker - Headline"), or after it ("Headline - Kicker", as a list of stories puts it)."""
    return any(
        other != line and before.endswith(head) for before, other in apart.get(tail, ())
    ) or any(other != line and before.endswith(tail) for before, other in apart.get(head, ()))


_SPACED_COLON = re.compile(r" [:;] ")
_SPACED_QUOTE = re.compile(r"« \w[^«»]* »")

# Where a line sets one part apart from the next: a colon, a bar, a spaced dash.
_APART = re.compile(r"\s*[:|]\s+|\s+[-–—]\s+")


def _set_apart(lines: list[_Line]) -> dict[str, list[tuple[str, str]]]:
    """What the lines set apart after a colon, a bar or a dash ("Mehr zu: Kicker - Headline"
    sets apart "Headline" after "Mehr zu: Kicker"), with what comes before it and the line."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        for match in _APART.finditer(line.text):
            found.setdefault(line.text[match.end() :], []).append(
                (line.text[: match.start()], line.text)
            )
    return found


# A picture's credit with its label, naming who made it and for whom ("Image: Jane Doe/The
# Courier", "Foto: J. Doe / dpa"): never a headline, however often the page repeats it over
# its byline. A gallery's headline ("Photos: The week in pictures") names no one so.
_LABELLED_CREDIT = re.compile(
    r"^\(?(?:photo|image|foto|bild|picture|credit|фото)s?\s*(?:credit)?\s*:\s*[^:/]{2,60}/",
    re.IGNORECASE,
)


def _candidates(
    lines: list[_Line], first: int, named: frozenset[str] = frozenset(), elsewhere: float = 0.5
) -> list[tuple[int, str, dict[str, float]]]:
    """The lines around the top of the page's main text that could be its headline, each with
    its headline text and features (see `_WEIGHTS`); `named` are the words of the file's name
    (`name_words`), looked for over the whole page where no line around the text holds this
    share of them (`elsewhere`, `_NAMED_ELSEWHERE` for a file's name)."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    tails = {
        line.text
        for line in lines
        if not line.sentence and 2 <= line.words and len(line.text) >= 12
    }
    repeated = frozenset(text for text, count in counts.items() if count > 1)
    twins = frozenset(text.replace(" : ", ": ", 1) for text in counts if " : " in text)
    apart = _set_apart(lines)
    crumbs = frozenset(line.text for line in lines if line.crumb)
    trail_ends = _trail_ends(lines)
    # Whether the page's text sets a colon apart as French does ("Il a dit : « … »"): then
    # " : " in a line is no kicker's end. A headline read as a sentence is not the text.
    spaced = {line.text for line in lines if line.sentence and _SPACED_COLON.search(line.text)}
    # Quotes set apart from their words as French sets them ("« Il a dit »") say so too, where
    # no sentence of the text happens to hold a colon.
    french = not spaced and any(_SPACED_QUOTE.search(o.text) for o in lines if "«" in o.text)
    masses = _masses(lines)
    # lynx sets the text's paragraphs `_LYNX_MARGIN` columns in and its headings at the edge.
    margins = Counter(line.indent for line in lines if line.sentence).most_common(1)
    lynx_margin = bool(margins) and margins[0][0] == _LYNX_MARGIN
    low, high = max(0, first - _HEADLINE_WINDOW), min(len(lines), first + _BELOW_WINDOW)
    # How many sentences come before each line, and the first sentence after it.
    before = [0]
    for line in lines:
        before.append(before[-1] + line.sentence)
    positions = []
    for position in range(low, high):
        if position > first and before[position] - before[first] > _TEASERS:
            # Under the article's first paragraphs: a subheading, not the headline; unless
            # its date or byline stands under it, as under a headline below a list of other
            # stories' teasers (each a title and a sentence) that opened the main text.
            if _signed_heading(lines, position):
                positions.append(position)
            continue
        positions.append(position)
    window = frozenset(positions)
    if named and not any(_named(lines[p].text, named) >= elsewhere for p in positions):
        # A line that the file's name names is weighed wherever it stands when none around the
        # page's main text is: that text may be comments or a notice, the article elsewhere.
        positions += [
            p
            for p, line in enumerate(lines)
            if p not in window
            and not line.sentence
            and not line.bullet
            and _named(line.text, named) >= elsewhere
            and _headline_shaped(line)
            and not _not_a_headline(line.text)
        ]
    if not positions:
        return []
    words: dict[int, frozenset[str]] = {
        p: _word_set(lines[p].text)
        for p in range(min(positions), min(len(lines), max(positions) + _TEXT_AHEAD + 1))
        if lines[p].sentence
    }
    next_sentence: list[int | None] = [None] * (len(lines) + 1)
    for p in range(len(lines) - 1, -1, -1):
        next_sentence[p] = (
            p + 1 if p + 1 < len(lines) and lines[p + 1].sentence else next_sentence[p + 1]
        )
    datelines: dict[int, bool] = {}

    def dateline(p: int) -> bool:
        if p not in datelines:
            datelines[p] = _dateline(lines[p].text)
        return datelines[p]

    found = []
    for position in positions:
        line = lines[position]
        if position and (
            lines[position - 1].text.endswith(_OPEN_ENDS)
            and _goes_on(lines, position - 1)
            or _carried_on(lines[position - 1], line)
        ):
            continue  # "on two lines" under "Driverless trams –": the headline's second half
        spaced_colons = french or bool(spaced - {line.text, line.text.replace(": ", " : ", 1)})
        text, cut = _headline_text(
            lines, position, tails, spaced_colons, repeated, apart, crumbs, trail_ends, twins
        )
        if not 2 <= len(text) <= 250 or not any(ch.isalpha() for ch in text):
            continue
        if _LABELLED_CREDIT.match(text):
            continue
        run_above = before[position] - before[first] if position > first else 0
        # The line after the headline's: past its second line where lynx wrapped it over two
        # and centred the second, as it sets an <h1>.
        carried = (
            position + 1 < len(lines)
            and lines[position + 1].indent > line.indent
            and _carried_on(line, lines[position + 1])
        )
        after = position + 2 if carried else position + 1
        shaped = replace(line, text=text, words=len(text.split()))
        following = next_sentence[position]
        own = _word_set(text)
        below: set[str] = set()
        for p in range(position + 1, position + 1 + _TEXT_AHEAD):
            below |= words.get(p, frozenset())
        previous = lines[position - 1] if position else None
        features = {
            "mass": masses[position] / 150,
            "length": min(len(text), 90) / 15,
            "distance": float(max(0, first - position)),
            "near": 1.0 if position <= first else 0.0,
            "below": 1.0 if position > first else 0.0,
            "repeated": 1.0 if counts.get(line.text, 0) > 1 else 0.0,
            "dateline": float(
                any(map(dateline, range(position + 1, min(len(lines), position + 4))))
            ),
            "bullet": float(line.bullet),
            "long": float(len(text) > _LONG_HEADLINE),
            "stop": float(line.sentence and text.endswith(".")),
            "sentences": float(_two_sentences(text)),
            "arrow": float(text.startswith(_ARROWS) or text.endswith(_ARROWS)),
            "capitalised": float(not _uncapitalised(_WORD.findall(text))),
            "unshaped": float(not _headline_shaped(shaped)),
            "furniture": float(_not_a_headline(text)),
            "thin": float(masses[position] < 300),
            "echoed": len(own & below) / len(own) if own else 0.0,
            "gap": min(10, (following if following is not None else len(lines)) - position - 1)
            / 10,
            "lede": float(following == position + 1),
            "menu_above": float(previous is not None and (previous.bullet or previous.words <= 3)),
            "same_indent": float(following is not None and lines[following].indent == line.indent),
            # (Chinese and Japanese set no spaces between words: a headline is one "word".)
            "short": float(len(text.split()) <= 3 and not _CJK.search(text)),
            "cut": float(bool(cut)),
            "crumb": float(line.crumb),
            "repeated_many": float(counts.get(line.text, 0) > 2),
            "top": 0.0,
            "bottom": 0.0,
            "after_text": 0.0,
            "longest": 0.0,
            "asks": float(text.endswith(("?", "!", "?»", "?“", '?"'))),
            "upper": float(text.isupper()),
            "lede_long": 0.0,
            "apart": float(
                (previous is None or line.index > previous.end)
                and (after >= len(lines) or lines[after].index > lines[after - 1].end)
            ),
            "echo_near": float(
                any(o.text == line.text for o in lines[max(0, position - 6) : position])
            ),
            "echo_lede": len(own & words.get(following, frozenset())) / len(own)
            if own and following is not None
            else 0.0,
            "run_above": min(5, run_above) / 5,
            "text_above": min(
                1.0,
                sum(len(o.text) for o in lines[max(0, position - 10) : position] if o.sentence)
                / 500,
            ),
            "date_above": float(any(map(dateline, range(max(0, position - 3), position)))),
            "over_deck": float(_over_deck(lines, position, text)),
            # A saved page's name may name the kicker the page sets apart from the headline.
            "named": max(_named(text, named), _named(line.text, named) if cut == "kicker" else 0),
            "elsewhere": float(position not in window),
            "outdented": float(
                lynx_margin
                and not line.indent
                and following is not None
                and lines[following].indent == _LYNX_MARGIN
            ),
        }
        found.append((position, text, features))
    _block_features(lines, found)
    return found


_LYNX_MARGIN = 3


def _over_deck(lines: list[_Line], position: int, text: str) -> bool:
    """Whether the line right under the one at `position` (at most a blank line apart) is its
    deck: running words, longer than the headline `text`, not read as the text's sentence
    (as `_deck` has it) unless the byline stands right under it, no list's item (a blog's
    description over the day's date is no deck)."""
    if position + 1 >= len(lines) or lines[position].bullet or len(text.split()) <= 3:
        return False  # a section's name or a kicker over the headline, not a headline
    below = lines[position + 1]
    signed = (
        position + 2 < len(lines)
        and lines[position + 2].index - below.end <= 1
        and is_byline(lines[position + 2].text)
    )
    return (
        below.index - lines[position].end <= 1
        and not below.bullet
        and (not below.sentence or signed)
        and len(below.text) > len(text)
        and text.casefold() not in below.text.casefold()  # the headline again, a kicker run in
        and _running_words(below)
    )


# A sentence's end inside a line: a lower-case word's stop, and a capital after it ("… ein
# Hobby. Doch der …", "Paul Nardi ! Le portier"). Not an abbreviation's ("St. Galler").
_INNER_STOP = re.compile(r"(\w{3})\s?[.!?]\s+(\w)")


def _two_sentences(text: str) -> bool:
    """Whether `text` is sentences, more than one, each ended: a notice or a caption, not a
    headline (a profile's tagline, "Expertin für Neues Lernen. Schwerpunkte: Meetings",
    is left to the other features)."""
    return text.endswith((".", "!", "?", "…")) and any(
        before.islower() and after.isupper() for before, after in _INNER_STOP.findall(text)
    )


# How many lines under a heading its date or byline may stand.
_SIGNED_BELOW = 3


def _signed_heading(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` is headline-shaped (no sentence, no list's item, no
    comments' heading) with a date or byline line within `_SIGNED_BELOW` lines under it and
    no sentence between but its standfirst right under it."""
    line = lines[position]
    if line.sentence or line.bullet or not _headline_shaped(line) or _not_a_headline(line.text):
        return False
    if _COMMENTS_ON.match(line.text):
        return False  # "5 comments on “Headline”" over a comment's name and date
    under = lines[position + 1 : position + 1 + _SIGNED_BELOW + 1]
    if under and under[0].sentence and len(under[0].text) <= _STANDFIRST:
        under = under[1:]  # the standfirst between the headline and its byline
    for below in under[:_SIGNED_BELOW]:
        if below.sentence:
            return False
        if _dateline(below.text):
            return True
    return False


# The share of the file name's words a line outside the window around the main text must hold
# to be weighed as the headline.
_NAMED_ELSEWHERE = 0.5


def _named(text: str, named: frozenset[str]) -> float:
    """The share of the file name's words that `text` holds (as words or inside compounds:
    "grundrezept" in "Muffin Grundrezept")."""
    if not named:
        return 0.0
    folded = fold_as_address(text)
    return sum(1 for word in named if word in folded) / len(named)


def _block_features(lines: list[_Line], found: list[tuple[int, str, dict[str, float]]]) -> None:
    """Features of each candidate among the candidates above the same text: the first, the
    last and the longest headline-shaped line of the block of short lines above a paragraph."""
    blocks: dict[int, list[tuple[int, str, dict[str, float]]]] = {}
    for candidate in found:
        position, _, features = candidate
        following = next((p for p in range(position + 1, len(lines)) if lines[p].sentence), -1)
        previous = lines[position - 1] if position else None
        features["after_text"] = float(previous is not None and previous.sentence)
        features["lede_long"] = float(following >= 0 and len(lines[following].text) >= 150)
        if not (features["unshaped"] or features["furniture"]):
            blocks.setdefault(following, []).append(candidate)
    for block in blocks.values():
        longest = max(len(text) for _, text, _ in block)
        block[0][2]["top"] = 1.0
        block[-1][2]["bottom"] = 1.0
        for _, text, features in block:
            features["longest"] = float(len(text) == longest)


def _past_bio(lines: list[_Line], headline: int, start: int) -> int:
    """The first sentence from `start` on that is not about the author: a sentence that opens
    with the full name the byline under the headline gives ("By" / "Jane Doe", or "Jane Doe"
    over its date / "Jane Doe is a reporter who covers ...") is the author's biography, shown
    beside the byline."""
    names = _byline_names(lines, headline, start)
    while names and any(lines[start].text.startswith(f"{name} ") for name in names):
        following = _next_text(lines, start)
        if following is None:
            break
        start = following
    return start


def _byline_names(lines: list[_Line], headline: int, below: int) -> set[str]:
    """The full names the bylines between the headline and the line at `below` give ("By" /
    "Jane Doe", "By Jane Doe", or "Jane Doe" over its date)."""
    names: set[str] = set()
    for position in range(headline + 1, below):
        text = lines[position].text
        signed = is_byline(text) or (
            is_person_name(text)
            and (
                (position > headline + 1 and is_byline(f"{lines[position - 1].text} {text}"))
                # "Jane Doe" / "posted on Saturday, August 13th, 2011": a name over its date.
                or (position + 1 < below and looks_like_date_line(lines[position + 1].text))
            )
        )
        if signed:
            people = split_byline(text)[0] if is_byline(text) else [text]
            names.update(name for name in people if len(name.split()) >= 2)
    return names


# What follows the author's name in a biography: "Jane Doe is a reporter …", "… ist
# Redakteurin …", "… est journaliste …", "… writes about …".
_BIO_VERB = re.compile(
    r"(?:is|was|ist|war|est|es|è|writes|covers|schreibt|lives|lebt)\s", re.IGNORECASE
)


def _about_author(lines: list[_Line], headline: int, standfirst: int, start: int) -> bool:
    """Whether the standfirst over the byline is the author's biography ("Jane Doe is an
    editor at …" over "By Jane Doe"): it opens with the full name the byline gives and says
    what she is or does. A summary of a story about its author ("Jane Doe wants to …") stays."""
    text = lines[standfirst].text
    return any(
        text.startswith(f"{name} ") and _BIO_VERB.match(text, len(name) + 1)
        for name in _byline_names(lines, headline, start)
    )


# How many sentences (captions, a teaser) a wire dateline may open the story after.
_DATELINE_REACH = 1
# How many lines (a notice, its buttons, a list of links) it may be looked for under them.
_DATELINE_LINES = 10


def _dateline_start(lines: list[_Line], start: int) -> int:
    """Where the story opens: a wire dateline ("WASHINGTON (AP) — ") on one of the first few
    sentences under the headline, or on a line of its own right above one ("BAAR,
    SWITZERLAND"), marks its first paragraph; what is above it (a caption, a teaser) is not
    the article's text."""
    if starts_with_dateline(lines[start].text):
        return start
    seen = 0
    for position in range(start + 1, min(len(lines), start + 1 + _DATELINE_LINES)):
        line = lines[position]
        if line.sentence:
            if starts_with_dateline(line.text):
                return position
            seen += 1
            if seen >= _DATELINE_REACH:
                break
        elif _LONE_DATELINE.match(line.text) and _leads(lines, position):
            return position
    return start


# A dateline on a line of its own above the story's first paragraph: "BAAR, SWITZERLAND",
# "WASHINGTON —", "NEW YORK (AP)" (a place in capitals with its region, a dash or an agency:
# a word in capitals alone is a section's or a button's label).
_LONE_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
    r"(?:,(?: [A-Z][\w'’.-]*){1,3}(?:\s*\([^()]{2,30}\))?\s*[-–—]*|\s*\([^()]{2,30}\)\s*[-–—]*"
    r"|\s*[-–—]+)$"
)


def _leads(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` stands right above a paragraph of running text set in
    its column, as a dateline does above the story's first paragraph."""
    if position + 1 >= len(lines):
        return False
    line, following = lines[position], lines[position + 1]
    return (
        _opens_text(following)
        and following.indent == line.indent
        and following.index - line.end <= 1
    )


# The fewest words of a short sentence that may open an article's text.
_SHORT_SENTENCE = 4


def _short_opening(lines: list[_Line], headline: int, start: int) -> int:
    """Where the text opens when short sentences of its own stand right above its first long
    one ("Your mindset matters. Here's why:"): set in the same column, closed by a stop, in
    running words (not a byline, date, caption or button). A wire dateline or a standfirst
    above marks where the text opens already."""
    while start - 1 > headline:
        line, first = lines[start - 1], lines[start]
        found = _WORD.findall(line.text)
        if not (
            line.indent == first.indent
            and line.text != first.text  # a copy shown above it (a summary, a thumbnail)
            and not line.bullet
            and line.words >= _SHORT_SENTENCE
            and line.text.endswith((".", "!", "?", ":", "…"))
            and _uncapitalised(found) * 2 >= len(found)
            and not _CAPTION.search(line.text)
            and not _NOT_A_LEDE.search(line.text)
            and not _dateline(line.text)
            and not _not_a_headline(line.text)
        ):
            return start
        start -= 1
    return start


def _short_closing(lines: list[_Line], end: int) -> int:
    """Where the text ends when short sentences of its own close it right under its last
    paragraph at `end` ("I hope you like it."): as `_short_opening` takes them above the
    first, set in the same column, in running words (see `_short_sentence`)."""
    while end + 1 < len(lines):
        line, last = lines[end + 1], lines[end]
        if not (line.index - last.end <= _LEAD_GAP and _short_sentence(line, last.indent)):
            return end
        end += 1
    return end


def _short_sentence(line: _Line, column: int) -> bool:
    """Whether `line` is a short sentence of an article's text set in `column`: closed by a
    full stop, opening with a capital, in running words, no bullet, caption, byline, date or
    button."""
    found = _WORD.findall(line.text)
    return (
        line.indent == column
        and not line.bullet
        and line.words >= _SHORT_SENTENCE
        # A full stop: "Read also:" opens the page's links, "Tell us what you think..." and
        # "Subscribe now!" call the reader to act.
        and line.text.endswith(".")
        and not line.text.endswith("..")
        and line.text[:1].isupper()
        and _uncapitalised(found) * 2 >= len(found)
        and not _CAPTION.search(line.text)
        and not _NOT_A_LEDE.search(line.text)
        and not _dateline(line.text)
        and not _not_a_headline(line.text)
    )


# The most lines of an article's own (a label, a subheading, a table's rows) above its
# first sentence.
_LEAD_IN = 6
_LABEL_WORDS = 3  # the most words of a label set out left of the text ("Claim", "Our verdict")
_LEAD_GAP = 2  # the most blank lines between two lines of the article's opening


def _lead_in(lines: list[_Line], floor: int, title: str, start: int, end: int) -> int:
    """Where the article opens when lines of its own stand right above its first sentence at
    `start` (and under `floor`: the headline, deck or standfirst): a subheading, a label
    ("Claim") or a score's line, set in the text's column (a label may stand left of it, as
    in the headline's, and a caption stands deeper), and about what the text under it is
    about: most of its words come back in the text's first paragraphs (a word alone, at least
    twice or in the first: a dateline's place, "Pittsburgh"). A button or a site's line
    ("Comments 0", "Listen now") says nothing of the text; a byline, a date, a caption or its
    credit, a bullet or a crumb, or a copy of one of the text's lines is the page's."""
    said: Counter[str] = Counter()
    text = lines[start : min(end + 1, start + _TEXT_AHEAD)]
    for line in text:
        if line.sentence:
            said.update(_word_set(line.text))
    copies = {line.text for line in text}  # a summary or highlight that repeats the text's lines
    column, left = lines[start].indent, lines[floor].indent
    lede = _word_set(lines[start].text)
    first = start
    for position in range(start - 1, max(floor, start - 1 - _LEAD_IN), -1):
        line = lines[position]
        echoed = [word for word in _word_set(line.text) if said[word]]
        if (
            lines[position + 1].index - line.end > _LEAD_GAP
            or line.indent > column
            or (line.indent < column and (line.words > _LABEL_WORDS or line.indent < left))
            or len(echoed) * 2 <= len(_word_set(line.text))
            or (len(echoed) == 1 and said[echoed[0]] < 2 and echoed[0] not in lede)
            or line.text in copies
            or not _own_line(line, title)
        ):
            break
        first = position
    return first


def _own_line(line: _Line, title: str) -> bool:
    """Whether `line`, above an article's first sentence, may be the article's: set apart as
    a heading is (not a sentence, a bullet or a crumb; opening with a capital or a figure, as
    a footnote's "*" or a counter's "views" does not), and no headline's copy, caption,
    credit ("Jane Doe | Agency"), byline, date or button."""
    text = line.text
    return not (
        line.bullet
        or line.sentence
        or line.crumb
        or not (text[:1].isupper() or text[:1].isdigit())
        or " | " in text
        or text in title
        or _CAPTION.search(text)
        or _chrome(line)
    )


# How many non-blank lines (code, a table, a list, a subheading) may stand between two
# paragraphs of an article's text set in the same column.
_INSET = 20


def _label(line: _Line) -> bool:
    """A form's field or a button: a word or two, each capitalised ("Name", "E-Mail")."""
    found = _WORD.findall(line.text)
    return 0 < len(found) <= 2 and all(w[:1].isupper() for w in found)


def _continued(lines: list[_Line], start: int, end: int) -> int:
    """The last line of the article whose text runs from `start` to `end`, continued past
    what a text browser indents as deep as the text or deeper (code, a table, a subheading:
    short lines that weigh against the text) to the next paragraph set in the text's own
    column. A line set further left (the page's own column), a list's item (other stories'
    links) or a form's field ends the article, and so does a page whose text is not indented
    at all: there nothing tells the article's lines from the page's. A list the text
    introduces (the line above it closed by a colon: "Features:"), set deeper than the text,
    is the article's own."""
    columns = Counter(
        line.indent for line in lines[start : end + 1] if line.sentence and not line.bullet
    )
    if not columns:
        return end
    column = columns.most_common(1)[0][0]
    if column == 0:
        return end
    while True:
        resumed = None
        for position in range(end + 1, min(len(lines), end + 1 + _INSET)):
            line = lines[position]
            own = line.indent > column and _introduced(lines, position)
            if line.indent < column or (line.bullet and not own) or _label(line):
                break
            if line.indent == column and line.sentence and not line.bullet:
                resumed = position
                break
        if resumed is None:
            return end
        end = _run_end(lines, resumed)


def _introduced(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` may be an item of a list that the line above the list
    introduces, closing it with a colon ("Features:")."""
    while position > 0 and lines[position - 1].bullet:
        position -= 1
    return position > 0 and lines[position - 1].text.endswith(":")


# How many lines that are no sentences set a short sentence apart from the text above it.
_APART_LINES = 3
# The longest sentence that a box of links may hold as one of its titles (a question).
_TEASER = 150


def _stray(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` is a short sentence standing alone among lines that are
    none, `_APART_LINES` or more of them above it and one under it: a teaser's title written
    as a question in a box of other stories, whose weight would carry the text's run on over
    the box (as jusText reclassifies a short block by its neighbours)."""
    line = lines[position]
    if not line.sentence or len(line.text) > _TEASER or position < _APART_LINES:
        return False
    if position + 1 < len(lines) and lines[position + 1].sentence:
        return False
    return not any(lines[p].sentence for p in range(position - _APART_LINES, position))


def _run_end(lines: list[_Line], start: int) -> int:
    """The last line of the best-scoring run of lines that begins at `start`; a stray
    sentence (`_stray`) weighs as the lines around it."""
    best, best_end, total = float("-inf"), start, 0.0
    for position in range(start, len(lines)):
        line = lines[position]
        total += _weight(replace(line, sentence=False) if _stray(lines, position) else line)
        if total > best:
            best, best_end = total, position
    return best_end
