"""Scraped plain-text articles: site header, title, date, bylines, body and footer told apart.

The layout is guessed line by line: a header zone (breadcrumbs, date lines, bylines, metadata
such as "URL: ..."), the first substantial line as the title, then the body until a footer marker
(the URL line, a copyright notice, share or recommend forms). Page furniture inside the body
(advertisement markers, captions, related-news lists) is dropped a whole line at a time.

A file with no title line (it starts with running text) keeps all its text as the body and is
given its first sentence as the title. A whole page saved as text starts with menus: a
footer marker among them ("Comments") does not end an article that has not begun, and a
person's byline below them marks where the article starts.

Indexing runs this on every file, so each line costs a few regex checks at most and the date
parser only sees lines that already look like dates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from newsread.index.files.dates import (
    LABEL_WORDS,
    UPDATED_WORDS,
    around_dates,
    find_date,
    is_date_word,
    is_zone_name,
    looks_like_date_line,
    parse_date,
    unglue_years,
    without_dates,
)
from newsread.index.files.formats import Draft
from newsread.index.files.formats.bylines import (
    DATELINE,
    agency_credit,
    byline_date,
    caseless_byline,
    cjk_byline,
    copyright_holder,
    dated_handle,
    has_byline_prefix,
    is_agency,
    is_byline,
    is_desk,
    is_person_name,
    is_role_word,
    job_line,
    looks_like_outlet,
    merge_bylines,
    one_word_byline,
    outlet_of_desk,
    outlet_or_role,
    person_before_outlet,
    post_footer_author,
    quoted_as_speaker,
    source_credit,
    split_byline,
    without_comments_link,
)
from newsread.index.files.formats.furniture import (
    MAX_FURNITURE,
    UNDERLINE,
    is_footer,
    is_furniture,
)
from newsread.index.files.formats.pagetext import (
    LINK_MARK,
    LIST_HEADINGS,
    PageArticle,
    after_glued_kicker,
    find_article,
    is_kicker,
    link_marked,
    unwrapped_page,
    without_link_list,
)
from newsread.index.files.formats.places import is_place
from newsread.index.files.formats.site_names import HOST_NAME, TITLE_SUFFIX
from newsread.index.files.language import guess_language
from newsread.index.marks import UNSPACED_RUN
from newsread.index.text import joins_without_space

# Header lines come before the body; more than this and the file has no recognisable header.
_MAX_HEADER_LINES = 40
# A title longer than this is a paragraph: the file starts straight with its body.
_MAX_TITLE = 200
# A title made up from the first sentence when the file has none is cut near this length.
_MADE_UP_TITLE = 100
# Body lines this close to the title may still be date lines ("Title / summary / date").
_EARLY_BODY_LINES = 3
# This many short lines above a byline, and no running text, are a page's menus: the title
# picked from among them is not the article's.
_CHROME_LINES = 5
# How far above a page's headline its date is looked for, in lines.
_DATE_ABOVE = 6
# How far below the start of a page's text its author's name is looked for, in lines.
_NAME_BELOW = 12
# A line under a page's lede longer than this is text, not a date line.
_DATE_LINE = 100
# A date's label in the page's furniture, in the languages of the fast date parser.
_LABELLED_DATE = re.compile(
    r"\b(?:published|updated|posted|date|datum|erstellt|ver(?:ö|oe)ffentlicht|aktualisiert"
    r"|erschienen|erscheinungsdatum|ver(?:ö|oe)ffentlichung|publi(?:é|e|cado|cata|cato)"
    r"|pubblicato|aggiornato|actualizado|fecha|stand)\b",
    re.IGNORECASE,
)
# How far above a page's headline a date line is looked for, and a labelled date, in lines.
_LABELLED_ABOVE = 15
_LABELLED_FAR = 40
# How many lines right under a page's text may hold its date.
_CLOSING_LINES = 2
# A line of the text that is only a date, with a time or a label at most.
_DATE_ALONE = 40
# A date line that gives when the page was changed, not when it was published ("Updated: ...",
# "Article mis à jour le ...": a word may name what was changed; two may be a byline's name).
_UPDATED = re.compile(
    rf"^(?:[^\W\d]+\s+)?(?:last\s+|letzte\s+)?(?:{UPDATED_WORDS})\b", re.IGNORECASE
)
# The first words of a lede that opens with its date: "Red. / 31.10.2023 ...".
_DATE_IN_LINE_START = re.compile(r"^.{0,12}?\d[\d./\- ]{4,}\d(?:,?\s+\d{1,2}[:.]\d{2})?")
# A byline's prefix on a line of its own: the name is on the next line.
_LONE_PREFIX = re.compile(
    r"(?:by|von|par|por|(?:artikel|beitrag)\s+von|(?:written|posted|reported|words|story)\s+by"
    r"|escrito\s+por|écrit\s+par|scritto\s+da"
    # (Not "Texte", "Tekst": a menu's "Texts" too.)
    r"|(?P<label>autor(?:in|en|[*:/_]in)?|authors?|auteur(?:s|\(s\))?|autore|text|texto|testo"
    r"|verfasser(?:in)?|herausgeber(?:in)?|publisher|éditeur))\s*:?",
    re.IGNORECASE,
)
# A byline's word that closes a line of its date or kicker, the name on the next line:
# "10.12.2022 18:27 von" / "Jane Doe", "Disko Von" / "Jane Doe".
_TRAILING_PREFIX = re.compile(
    r"^(?P<rest>.*[^\s,.;:!?])\s+(?P<prefix>by|von|par|por)$", re.IGNORECASE
)
_MAX_KICKER_WORDS = 2


def _trailing_prefix(line: str) -> tuple[str, str]:
    """(the date or kicker, the byline's word) of a line that ends in a byline's word after
    a date or a kicker of a word or two; ("", "") for any other line (a sentence's end)."""
    match = _TRAILING_PREFIX.match(line)
    if match is None:
        return "", ""
    rest = match.group("rest")
    if len(rest.split()) > _MAX_KICKER_WORDS and find_date(rest) is None:
        return "", ""
    return rest, match.group("prefix")


# Who published a press release or a page: "Herausgeber: Nordex SE", "Publisher: Harbour
# Media". The outlet is the credit, not an author.
_PUBLISHER = re.compile(
    r"^(?:herausgeber(?:in)?|publisher|éditeur)\s*:\s*(?P<name>[^\W\d_][^|]{1,60})$",
    re.IGNORECASE,
)
# A byline's prefix and what follows it, and how long such a line under a headline may be.
_PREFIXED = re.compile(r"^(?:by|von|par|por|di|door)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_MAX_OUTLET_LINE = 60
# What a user name holds and an outlet's name does not: digits run on to letters, underscores.
_USER_NAME = re.compile(r"[^\W\d_]\d|_")
# A byline labelled as one, trusted under the article's text too.
LABELLED_BYLINE = re.compile(
    r"^(?:(?:autor(?:in|en|[*:/_]in)?|authors?|auteur|autore|text|verfasser(?:in)?)\s*:"
    r"|(?:autor(?:in|en|innen)?|authors?|auteur(?:e|s)?)\s+(?=[^\W\d_]))",
    re.IGNORECASE,
)
# How many words (a counter, a button, a category) may follow a name run into a date line.
_AFTER_NAME = 4
# Lower-case words inside a person's name.
_PARTICLES = frozenset(
    "de da di del della der den van von ter le la du dos das bin ibn al el".split()
)
# How far above such a byline the headline is looked for, in lines.
_TITLE_WINDOW = 8

_SENTENCE_END = (".", "!", '."', ".”", '!"', "!”", "。", "！", "。」", "。”")
# Where a sentence may end: a stop, closing quotes, a space and a capital ("... said. The").
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Words before a full stop that is no sentence end.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen sen rep gov lt col sgt capt adm jr sr inc co corp ltd no vs
    etc fig approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres""".split()
)
# Sentence ends of Latin script (with closing quotes), Chinese and Japanese, Arabic, Devanagari.
_TERMINAL = (
    *(".", "!", "?", '"', "”", "’", "'", "»", ":", ";", ")", "…"),
    *("。", "！", "？", "：", "；", "）", "」", "』", "؟", "।"),
)
# A line ending so is a sentence broken off: the next line goes on with it.
_MID_SENTENCE = (",", "，", "、", "،")

_BREADCRUMB_STRONG = re.compile(r"\s+(?:>|::)\s+|\s*(?:»|›|→)\s*")
_BREADCRUMB_WEAK = re.compile(r"\s+(?:/|\||•|·)\s+")
_HOME_CRUMBS = frozenset(
    ["home", "news", "main", "start", "homepage", "front page", "startseite", "accueil", "inicio"]
    + ["главная", "новости", "all news", "latest", "index"]
)
_BULLET = re.compile(r"^(?:[-*•·–]\s+|\d{1,2}[.)]\s+)")

_URL_LINE = re.compile(
    r"""^(?:(?P<label>url|link|source|original(?:\s+article)?|read\s+more(?:\s+at)?
        |read\s+the\s+original(?:\s+article)?(?:\s+at)?|via|permalink|canonical(?:\s+url)?
        |article\s+url|source\s+url|more\s+at|full\s+story(?:\s+at)?
        |originally\s+published\s+at|источник|ссылка|quelle|fuente|fonte|lien)\s*[:\-–]?\s*)?
        <?(?P<url>https?://[^\s<>]+?)>?[.,;]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# Labels that name the article's own address; "Source:" or a bare link may cite another page.
_OWN_URL_LABELS = frozenset(["url", "permalink", "canonical", "canonical url", "article url"])
_METADATA = re.compile(
    r"^(?P<key>title|headline|author|authors|byline|date|published|updated|posted|section"
    r"|category|source|site|publisher|language|lang|url|link)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^(?:first\s+|last\s+|originally\s+)?(?:published|updated|posted|date|dated|modified)\b",
    re.IGNORECASE,
)
_DATE_SOURCE = re.compile(r"\s+[-–—|•·/]\s+(?P<source>[^\d\s][^\d]*)$")
# The outlet, then the date: "Le Quotidien du Lac — 12 mars 2021", "Baltic Wire, 12.03.2021".
_SOURCE_DATE = re.compile(r"^(?P<source>[^\d|·•,—–]+?)(?:,|\s+[-–—|•·/])\s+(?P<date>.*\d.*)$")
# "Posted on 2019-03-04 by admin", "14 juin 2019 par Jean Dupont": a date, then who posted it.
_IN_CATEGORY = re.compile(r"\s+in\s+\S.*$", re.IGNORECASE)
_DATE_BY = re.compile(
    r"^(?P<date>.*\d.*?)\s+(?:by|par|von|vom|por|author|autor)\s*:?\s+(?P<who>[^\d]+)$",
    re.IGNORECASE,
)
# What follows an author's bare name under a title: a follow button, a reading time.
_BYLINE_COMPANION = re.compile(
    r"^(?:\+?\s*follow|\d+\s*min(?:ute)?s?\s+(?:read|listen)"
    r"|(?:estimated\s+)?reading\s+time\b.*)$",
    re.IGNORECASE,
)
# "Jane Doe in Brussels": where the author filed from.
_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
# "Posted in News, World | Leave a comment": a blog's categories.
_POSTED_IN = re.compile(r"^posted\s+in\s+(?P<categories>[^|]+)", re.IGNORECASE)

# Headings of link lists (`LIST_HEADINGS`); the short headline lines after them go too.
_LIST_HEADER = re.compile(rf"^{LIST_HEADINGS}\s*:?$", re.IGNORECASE | re.VERBOSE)
# Such a heading run into the one story it points to: "À lire aussi » Headline", "Zobacz
# także: Headline", "Lesen Sie auch: Headline" (a link, never a sentence of the text).
_READ_ALSO = re.compile(rf"^{LIST_HEADINGS}\s*[:»›>|]\s*\S", re.IGNORECASE | re.VERBOSE)


# The heading of a blog's comment form in the languages the corpora hold ("Leave a reply" is
# a footer in every language `is_footer` knows): the post has ended above it. It ends the
# text only once the post's byline is known: a blog's writer answering under it ("Jane Doe
# sagt:" / date) may be the only line that names her.
_COMMENT_FORM = re.compile(
    r"^(?:schreibe?\s+einen\s+kommentar|hinterlasse\s+einen\s+kommentar|kommentar\s+schreiben"
    r"|kommentar\s+verfassen|laisser\s+un\s+commentaire|laissez\s+un\s+commentaire"
    r"|deja\s+un\s+comentario|deja\s+una\s+respuesta|lascia\s+un\s+commento"
    r"|deixe\s+um\s+comentário|deixe\s+uma\s+resposta|dodaj\s+komentarz"
    r"|laat\s+een\s+reactie\s+achter|geef\s+een\s+reactie)\s*[:.!]?$",
    re.IGNORECASE,
)


def _menu_line(line: str) -> bool:
    """A site's menu on one line: "Home News Business Transport Opinion Lifestyle"."""
    words = line.split()
    return (
        len(words) >= 3
        and len(line) <= 120
        and _is_home(words[0])
        and all(w[:1].isupper() or w in ("&", "|", "/", "·", "•") for w in words)
        and not any(ch.isdigit() for ch in line)
        and not line.endswith(_TERMINAL)
    )


def _header_follows(lines: list[str], index: int) -> bool:
    """Whether more of the page's header (crumbs, a headline) follows the line at `index`,
    rather than what follows a headline (its date, byline or text)."""
    following = _next_line(lines, index)
    if looks_like_date_line(following):
        # "Home News Business" / "12 March 2024" / headline / byline: the date stands over the
        # headline below, not under this line ("Home Shopping Says …" / date / text).
        after = next(i for i in range(index + 1, len(lines)) if _clean(lines[i]) == following)
        return _title_follows(lines, after)
    return not (is_byline(following) or _is_running_text(following))


@dataclass
class _State:
    """What the parse has found so far."""

    title: str = ""
    source: str = ""
    section: str = ""
    published: datetime | None = None
    url: str = ""
    language: str = ""
    credit: str = ""
    bylines: list[tuple[list[str], str]] = field(default_factory=list)


def _clean(line: str) -> str:
    """`line` as a reader sees it: whitespace collapsed, no invisible soft hyphens."""
    return " ".join(line.replace(_SOFT_HYPHEN, "").split())


# A hyphenation hint inside a long word ("Mat\u00adthi\u00adas"): not shown unless the word breaks.
_SOFT_HYPHEN = "\u00ad"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def _is_home(crumb: str) -> bool:
    return crumb.lower() in _HOME_CRUMBS


def _site_like(crumb: str) -> bool:
    return (
        bool(HOST_NAME.match(crumb))
        or looks_like_outlet(crumb)
        or (crumb.isupper() and len(crumb.split()) <= 3)
    )


def _breadcrumb(line: str) -> tuple[list[str], bool] | None:
    """The crumbs of 'Home > World > Europe' or 'TODAY.AZ / World news', and whether the
    separator was an unambiguous one ('>', '»'); None for other lines."""
    if len(line) > 120 or line.endswith((".", "!", "?")):
        return None
    strong = _BREADCRUMB_STRONG.search(line) is not None
    crumbs = [c.strip() for c in (_BREADCRUMB_STRONG if strong else _BREADCRUMB_WEAK).split(line)]
    crumbs = [c for c in crumbs if c]
    if not 2 <= len(crumbs) <= 7:
        return None
    for crumb in crumbs:
        if len(crumb) > 40 or len(crumb.split()) > 5 or crumb.endswith((".", ",", ":")):
            return None
    if strong:
        return crumbs, True
    first = crumbs[0]
    if _is_home(first) or _site_like(first):
        return crumbs, False
    # "World | Europe": a short capitalised pair is a crumb trail, longer text is a title.
    if all(len(c.split()) <= 2 and c[:1].isupper() for c in crumbs):
        return crumbs, False
    return None


def _header_pair(line: str) -> list[str] | None:
    """'Le Quotidien du Lac / Environnement': a site and section as a file's first line."""
    if len(line) > 80 or line.endswith(_TERMINAL):
        return None
    crumbs = [c.strip() for c in _BREADCRUMB_WEAK.split(line)]
    if len(crumbs) != 2 or not all(_names_a_place_on_the_site(c) for c in crumbs):
        return None
    return crumbs


# The longest site's name or section in a script without capitals: a few words, not a
# headline's clause ("东方日报", "दैनिक जागरण", "חדשות").
_CASELESS_CRUMB = 25


def _names_a_place_on_the_site(crumb: str) -> bool:
    """Whether `crumb`, one side of a header's "Site / Section", can name a site or a section:
    a few words opening with a capital, or in a script that has none (Chinese, Hebrew, Arabic,
    Devanagari: no capital can mark a name there) a short run of its letters."""
    if len(crumb.split()) > 5:
        return False
    if crumb[:1].isupper():
        return True
    caseless = crumb[:1].isalpha() and not any(ch.isupper() or ch.islower() for ch in crumb)
    return caseless and len(crumb) <= _CASELESS_CRUMB


def _next_line(lines: list[str], index: int) -> str:
    for raw in lines[index + 1 :]:
        line = _clean(raw)
        if line:
            return line
    return ""


def _crumbs_follow(lines: list[str], index: int) -> bool:
    """Whether the short line at `index` is the site name above a crumb line."""
    line = _clean(lines[index])
    if len(line) > 40 or len(line.split()) > 5 or line.endswith(_TERMINAL):
        return False
    crumbs = _breadcrumb(_next_line(lines, index))
    return crumbs is not None and crumbs[1]


def _apply_breadcrumb(crumbs: list[str], state: _State, *, strong: bool) -> None:
    if not strong and len(crumbs) > 3:
        # "Home | News | Transport | Opinion": a menu's items are the site's sections side
        # by side, not a trail down to this article's; its last item names none.
        return
    first = crumbs[0]
    # "Azernews / Politics": the scraped-text header names the site first; after ">" or "»"
    # the first crumb is only the site when it looks like one.
    if not _is_home(first) and (_site_like(first) or not strong) and not state.source:
        state.source = first
        crumbs = crumbs[1:]
    sections = [c for c in crumbs if not _is_home(c) and c != state.source]
    if sections and not state.section:
        state.section = sections[-1]


def _take_date(line: str, state: _State) -> bool:
    """Record the date (and a trailing source) if `line` is a date line."""
    line = without_comments_link(unglue_years(line))
    if not looks_like_date_line(line):
        return False
    date = parse_date(line)
    if date is None:
        posted = _DATE_BY.match(line)
        date = parse_date(posted.group("date")) if posted else None
        if posted is not None and date is None:
            # "Published on 19. Dezember 2022 19. Dezember 2022 by Jane Doe": two dates.
            date = find_date(posted.group("date"))
        if posted is None or date is None:
            return False
        # "Am 13. November 2019 Von Henry In Aktuell": the post's category after "in".
        who = _IN_CATEGORY.sub("", posted.group("who"))
        people, credit = split_byline(who)
        word = one_word_byline(f"by {who}") if not people else ""
        state.bylines.append(([word], "") if word else (people, credit))
        line = posted.group("date")
    tail = _DATE_SOURCE.search(line)
    if tail and is_byline(tail.group("source").strip()):
        state.bylines.append(split_byline(tail.group("source")))  # "30 May 2017 | By Jane Doe"
    elif tail and _names_alone(tail.group("source")):
        # "12 March 2024 / 09:30 / Jane Doe": the writers' names close the date line where an
        # outlet may ("30 May 2017 [16:18] - TODAY.AZ"); a name is shaped as no outlet is.
        state.bylines.append((_names_alone(tail.group("source")), ""))
    elif state.published is None and tail and not state.source:
        source = tail.group("source").strip()
        if len(source.split()) <= 4 and not is_place(source):
            state.source = source  # "12 March 2024 - New York": where it was filed, no outlet
    if state.published is None:
        state.published = date
    return True


def _take_source_date(line: str, state: _State) -> bool:
    """Record the date and the outlet of a line giving the outlet, then the date ("Le Quotidien
    du Lac — 12 mars 2021"), as a date line gives them the other way round. A person's name
    before the date is a byline (`_take_dated_name`), a place's a dateline: neither is taken."""
    match = _SOURCE_DATE.match(line)
    if match is None or not looks_like_date_line(match.group("date")):
        return False
    source = match.group("source").strip()
    if not looks_like_outlet(source) or is_person_name(source) or is_place(source):
        return False
    date = parse_date(match.group("date"))
    if date is None:
        return False
    state.published = state.published or date
    state.source = state.source or source
    return True


def _names_alone(text: str) -> list[str]:
    """The people `text` names and nothing else ("Jane Doe", "Jane Doe and John Roe"), each a
    name of two words or more and no outlet's; else []."""
    text = " ".join(text.split())
    names = _listed_people(text) or [_in_lower_case(text)]
    if all(
        len(name.split()) >= 2
        and is_person_name(name)
        and not looks_like_outlet(name)
        and not is_place(name)
        for name in names
    ):
        return names
    return []


def _take_byline(line: str, state: _State) -> bool:
    """Record the people and credit (and a date) of a byline line."""
    line = _NAME_OVER_BYLINE.sub(r"\g<by> \g<name>", unglue_years(line))
    if _GLUED_ROLE.search(line):
        line = _unglued_role(line)  # "By Jane DoeStaff Writer"
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]  # "(Reporting by Jane Doe; Editing by John Roe)"
    names = [] if line.isascii() else caseless_byline(line)
    if names:
        state.bylines.append((names, ""))  # "記者：山田太郎", "김철수 기자"
        return True
    if not is_byline(line):
        return False
    people, credit = split_byline(line)
    handle = dated_handle(line) if not people else ""
    # "Von Thilo / 6. November 2023": a user's or first name, dated as a byline is.
    state.bylines.append(([handle], "") if handle else (people, credit))
    date_text = byline_date(line)
    if date_text and state.published is None:
        state.published = parse_date(date_text)
    return True


def _take_category(line: str, state: _State) -> None:
    """The section a blog's "Posted in News, World" footer names, if none is known yet."""
    match = _POSTED_IN.match(line)
    if match and not state.section:
        categories = [c.strip() for c in match.group("categories").split(",")]
        state.section = next((c for c in categories if c and not _is_home(c)), "")


def _url_line(line: str) -> tuple[str, bool] | None:
    """(url, whether the label says it is the article's own) for a URL line, else None."""
    match = _URL_LINE.match(line)
    if not match:
        return None
    label = " ".join((match.group("label") or "").lower().split())
    own = label in _OWN_URL_LABELS or label.startswith(("original", "read the", "read more"))
    return match.group("url"), own


def _rest_is_footer(lines: list[str]) -> bool:
    """Whether no running text follows: a link there closes the article."""
    paragraphs = 0
    for raw in lines:
        line = _clean(raw)
        if line and _is_paragraph_like(line) and not is_furniture(line):
            paragraphs += 1
            if paragraphs > 1:
                return False
    return True


def _take_metadata(line: str, state: _State, *, in_header: bool) -> bool:
    """'Title: ...', 'Author: ...', 'Section: ...' and similar labelled lines."""
    match = _METADATA.match(line)
    if not match:
        return False
    key, value = match.group("key").lower(), match.group("value").strip()
    if key in ("title", "headline"):
        if not in_header:
            return False
        state.title = state.title or value
    elif key in ("author", "authors", "byline"):
        state.bylines.append(split_byline(value))
    elif key in ("date", "published", "updated", "posted"):
        date = parse_date(value)
        if date is None:
            return False
        state.published = state.published or date
    elif key in ("section", "category"):
        state.section = state.section or value
    elif key in ("url", "link"):
        state.url = state.url or value
    elif key in ("language", "lang"):
        state.language = state.language or value
    elif key in ("site", "publisher") or (key == "source" and in_header):
        state.source = state.source or value
    elif key == "source" and len(value.split()) <= 5:
        state.credit = state.credit or value
    else:
        return False
    return True


def _set_title(line: str, state: _State) -> None:
    match = TITLE_SUFFIX.search(line)
    if match:
        suffix = match.group("site").strip()
        # "Title | BBC News" repeats the site's name; "Talks to resume - Radio" is attribution.
        pipe = "|" in line[match.start() : match.start() + 4]
        known = suffix.lower() == state.source.lower() or HOST_NAME.match(suffix)
        if known or (pipe and looks_like_outlet(suffix)):
            state.source = state.source or suffix
            line = line[: match.start()].rstrip()
    state.title = line


def _header(lines: list[str], state: _State) -> int:
    """Read the header zone into `state`; the index of the first body line."""
    seen = 0
    had_crumbs = False
    pending_source: str | None = None
    after_home = False
    after_byline = False
    skip_until = 0
    for index, raw in enumerate(lines):
        if index < skip_until:
            continue
        line = _clean(raw)
        if not line or UNDERLINE.match(line):
            continue
        seen += 1
        if seen > _MAX_HEADER_LINES:
            return index
        url = _url_line(line)
        if url:
            state.url = state.url or url[0]
            continue
        if _take_metadata(line, state, in_header=True):
            continue
        if not state.title:
            crumbs = _breadcrumb(line) if seen <= 3 and not had_crumbs else None
            if crumbs is None and seen == 1 and _title_follows(lines, index):
                pair = _header_pair(line)
                crumbs = (pair, False) if pair else None
            if crumbs:
                _apply_breadcrumb(crumbs[0], state, strong=crumbs[1])
                had_crumbs = True
                continue
            if seen == 1 and _crumbs_follow(lines, index):
                state.source = state.source or line  # The site's name above its crumbs.
                continue
            if seen == 1 and _section_line(line) and _title_follows(lines, index):
                state.section = line  # "Politics" above the title.
                continue
            if seen <= _KICKER_SEEN and is_kicker(line) and _title_follows(lines, index):
                continue  # "Nachruf", "EXCLUSIVE" over the title: its label, no title
            if seen == 1 and _site_above_title(lines, index, line):
                state.source = state.source or line
                continue
            site = _site_with_buttons(line)
            if seen <= 2 and site and _title_follows(lines, index):
                state.source = state.source or site  # "The Harbour Letter Subscribe Sign in"
                continue
            if _is_home(line) or (_menu_line(line) and _header_follows(lines, index)):
                after_home = True  # A lone "Home" link of the site's navigation, or its menu.
                continue
            if after_home and _short_link(line) and _title_follows(lines, index):
                state.section = line  # "Home" / "World" / title: crumbs a line each.
                continue
            if seen <= 2 and HOST_NAME.match(line):
                state.source = state.source or line
                continue
        if _take_date(line, state) or _take_source_date(line, state):
            continue
        if _take_byline(line, state):
            after_byline = True
            continue
        interview = _interview_credit(line) if state.title else None
        if interview:
            state.bylines.append(interview)  # "Jane Doe im Gespräch mit John Roe"
            after_byline = True
            continue
        if after_byline and state.title and _outlet_line(line):
            state.bylines.append(([], line))  # "By Jane Doe" / "Associated Press"
            continue
        after_byline = False
        if state.title and _name_above_metadata(lines, index, line):
            state.bylines.append(split_byline(line))  # "Jane Doe" / "May 29, 2017"
            continue
        if state.title and _take_dated_name(line, state):
            continue
        if is_footer(line):
            _take_category(line, state)
            continue
        if is_furniture(line) or _LIST_HEADER.match(line):
            continue
        if not any(ch.isalpha() for ch in line):
            if state.title:
                return index
            continue  # Counters and rules above the title ("1842", "* * *").
        if state.title:
            return index
        if _is_running_text(line):
            if pending_source is not None:
                state.title = pending_source
            return index
        if pending_source is None and seen <= 2 and not state.source and _outlet_line(line):
            # Maybe the site's name above the title ("BBC News"); the next line decides.
            pending_source = line
            continue
        menu_end = _navigation(lines, index)
        if menu_end:
            skip_until = menu_end
            continue
        block = _wrapped_block(lines, index)
        if block is not None:
            if len(block) > 3 or _is_running_text(" ".join(block)):
                # The first paragraph, hard-wrapped: the file has no title line.
                if pending_source is not None:
                    state.title = pending_source
                return index
            line = " ".join(block)
            skip_until = index + len(block)
        if pending_source is not None:
            if len(line) > 150 or line.endswith("."):
                state.title = pending_source
                return index
            state.source = pending_source
            if _slogan(lines, index):
                pending_source = None
                continue  # "Northfield Courier" / "Your city, your news" over the headline
        _set_title(line, state)
    if pending_source is not None and not state.title:
        state.title = pending_source
    return len(lines)


def _slogan(lines: list[str], index: int) -> bool:
    """Whether the line at `index`, right under the site's name in the same block, is the
    site's slogan ("Your city, your news"): a headline follows after a blank line, with its
    byline or date line right under it."""
    if index == 0 or not lines[index - 1].strip() or not _title_follows(lines, index):
        return False
    following = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:2]
    if len(following) < 2 or not any(not lines[i].strip() for i in range(index + 1, following[0])):
        return False
    line, headline = _clean(lines[index]), _clean(lines[following[0]])
    if _word_count(line) > _SLOGAN_WORDS:
        return False
    below = _clean(lines[following[1]])
    if not (is_byline(below) or looks_like_date_line(below)):
        return False
    # A slogan says nothing of the story ("Trams go driverless" over a deck does: the text
    # under it tells it again).
    text = " ".join(_clean(raw) for raw in lines[following[1] + 1 : following[1] + _SLOGAN_TEXT])
    told = _story_words(text)
    return not (_story_words(line) & told) and bool(_story_words(headline) & told)


def _story_words(text: str) -> set[str]:
    """The longer words of `text`, which say what it is about (not "the", "city", "news")."""
    return {word.casefold() for word in _STORY_WORD.findall(text)}


_SLOGAN_WORDS = 6
_SLOGAN_TEXT = 12  # lines of the text under the byline that tell the story
_STORY_WORD = re.compile(r"[^\W\d_]{5,}")


def _take_dated_name(line: str, state: _State) -> bool:
    """Record a byline that is a person's name with a date, a relative date or a reading time
    beside it on one line under the title ("Jane Doe - March 12, 2024", "Jane Doe · 4 min
    read"), though no "By" marks it; not a sentence, and not a line without a name."""
    if len(line) > _MAX_FURNITURE_LINE or _is_running_text(line):
        return False
    timed = any(_BYLINE_COMPANION.match(part.strip()) for part in _SEGMENT.split(line))
    if not (timed or _AGO.search(line) or without_dates(line) != line):
        return False
    found = _byline_in(line)
    if not found or not found[0]:
        return False
    state.bylines.append(found)
    if state.published is None and not timed:
        state.published = find_date(line)
    return True


# The longest line of page furniture a byline is looked for in.
_MAX_FURNITURE_LINE = 120
# What sets a meta line's parts apart: bars, dots and bullets of any shape ("∙", "⋅", "●"),
# a double slash, a spaced dash.
_SEGMENT = re.compile(r"\s+(?:[|·•∙⋅‧●▪◦]|//)\s+|\s+[-–—]\s+")
# The word of a time of day ("12:01 Uhr") left in a meta line once its date and time are cut.
_HOURS_WORD = re.compile(r"(?<!\w)uhr(?!\w)", re.IGNORECASE)
# What is left of a date or a button beside a name once the date is cut out: "… Uhr",
# "Vom …", "… Lesezeit", "…Follow".
_LEFT_OVER = re.compile(
    r"^(?:(?:uhr|vom|am|um)\s+)+"
    rf"|(?:\s+(?:uhr|vom|am|um|h|lesezeit|reading\s+time|stand|{'|'.join(sorted(LABEL_WORDS))})\s*:?)+$"
    # "Jane Doe on …", "Jean Dupont le …": in lower case only ("Jane Le" is a name).
    r"|\s+(?-i:on|le|el|il|em|op)$"
    r"|(?<=[a-zà-ÿ])(?:\+\s*)?follow$",
    re.IGNORECASE,
)


# A byline that goes on to say who the author is, as an apposition opened by an article:
# "By Jane Doe, a deputy editor who covers ...", "Von Jane Doe, einer Ärztin aus ...",
# "Par Jane Doe, la correspondante à ...".
_DESCRIBED = re.compile(
    r"^(?:by|von|par|por|door|di)\s+(?P<name>[^,;:|()]{3,60}?)\s*,\s+"
    r"(?:a|an|the|ein|eine|einer|eines|un|une|una|uno|een|il|la|le|el)\s+[^\W\d_]",
    re.IGNORECASE,
)


# A byline that gives each person's part in brackets: "by Jane Doe (reporting) and John Roe
# (photography)", "Von Jane Doe (Text) und John Roe (Fotos)".
_ROLED = re.compile(r"^(?:by|von|par|por|door|di)\s+(?P<rest>.+\))$", re.IGNORECASE)
_ROLED_PERSON = re.compile(r"^(?P<name>[^()]{3,60}?)\s*\((?P<role>[^()]{2,30})\)$")
# The parts that make the person an author: the writing, the reporting, the interview.
_WRITING_ROLES = re.compile(
    r"^(?:text|texte|texto|testo|words|writing|written|reporting|reportage|reporter(?:in)?"
    r"|story|interview|entrevista|redaktion|recherche|research)$",
    re.IGNORECASE,
)


def _roles(line: str) -> list[str]:
    """The authors of a byline that gives each person's part in brackets (`_ROLED`): the
    people whose part is the writing, not the photos or the video; [] for any other line."""
    match = _ROLED.match(line)
    if not match:
        return []
    found = [_ROLED_PERSON.match(part.strip()) for part in _NAME_LIST.split(match.group("rest"))]
    if not all(part and is_person_name(part.group("name")) for part in found):
        return []
    return [
        part.group("name")
        for part in found
        if part and _WRITING_ROLES.match(part.group("role").strip())
    ]


def _byline_in(
    raw: str, *, bare: bool = True, labels: frozenset[str] = frozenset()
) -> tuple[list[str], str] | None:
    """`_byline_found`, where every person it names has a letter in the name ("Text: 16",
    "von 8.30 - 18.00 Uhr" name no one)."""
    found = _byline_found(raw, bare=bare, labels=labels)
    if found and not all(any(ch.isalpha() for ch in person) for person in found[0]):
        return None
    return found


# A social account's handle run on after a name (a renderer set its link without a space);
# not an address ("jane@example.com").
_GLUED_HANDLE = re.compile(r"(?<=[^\W\d_])@\w{2,30}(?![\w.@])")
# Her name (her photo's text) before the byline that names her, run into it or not: "Jane
# DoeBy Jane Doe, Staff", "Jane Doe von Jane Doe", "Jane Doevon Jane Doe".
_NAME_OVER_BYLINE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,2})(?:(?<=[a-zß-ÿ])|\s+)"
    r"(?P<by>[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(?P=name)\b"
)
# The whole byline said twice, its words (the name and the outlet) first without the "By":
# "Jane Doe | Harbour Media By Jane Doe | Harbour Media", a photo's text and then the byline
# ("Jane Doe By Jane Doe" is `_NAME_OVER_BYLINE`'s).
_BYLINE_TWICE = re.compile(
    r"^(?P<byline>[^\W\d_].{4,80}?)\s*(?P<by>[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(?P=byline)$"
)
# A name of two or three words said twice in a row.
_DOUBLED_NAME = re.compile(r"^([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,2})\s*\1\b")


# A surname run into the role after it, as a renderer joins a byline's spans with no space
# ("Meg JamesStaff Writer", "Jane DoeBusiness Columnist"): a word of four letters or more
# from a capital, then a capital. ("McDonald", "LaToya", "DeShawn" are shorter before it.)
_GLUED_ROLE = re.compile(r"\b[A-Z][a-zß-ÿ]{3,}(?=[A-Z][a-zß-ÿ])")


def _unglued_role(line: str) -> str:
    """`line` with a name and the role run into it set apart by a comma ("Meg James, Staff
    Writer"), where the words after the join are a role's (its last word names one: "Staff
    Writer", "Journal Editor"); else `line` as it is."""
    for glued in _GLUED_ROLE.finditer(line):
        rest = line[glued.end() :]
        role = re.split(r"\s*[|·•,;]\s*|\s+\d", rest, maxsplit=1)[0].split()
        if 1 <= len(role) <= 4 and is_role_word(role[-1]):
            return f"{line[: glued.end()]}, {rest}"
    return line


# A blog's "in CATEGORY, CATEGORY" closing its meta line, its "in" run into the word before
# it where a text browser joins the spans ("by Jane Doein Allgemeines").
_GLUED_IN = re.compile(
    r"(?<=[a-zß-ÿ]{2})in\s+(?P<categories>[^\W\d_][\w-]*(?:,\s*[^\W\d_][\w-]*)*)\s*$"
)


def _without_glued_categories(
    authors: list[str], credit: str, lines: list[str]
) -> tuple[list[str], str]:
    """`authors` and `credit` without a blog's categories run on after the writer's name
    ("Jane Doein Allgemeines" -> "Jane Doe"), where each is a label of the page (its list of
    categories names them on lines of their own); a credit that is then a person's name is
    the writer's."""
    labels = _page_labels(lines)
    authors = list(dict.fromkeys(_without_categories(name, labels) for name in authors))
    cut = _without_categories(credit, labels)
    if cut != credit and is_person_name(cut):
        # "By Jane Doein News, Local", read whole as a credit: the writer's name.
        authors, credit = list(dict.fromkeys([*authors, cut])), ""
    return authors, credit


def _without_categories(text: str, labels: frozenset[str]) -> str:
    """`text` up to a blog's "in CATEGORY" run into its last word, where each category is
    one of the page's `labels`; else `text` as it is."""
    match = _GLUED_IN.search(text)
    if match and all(part.strip() in labels for part in match.group("categories").split(",")):
        return text[: match.start()].rstrip()
    return text


def _page_labels(lines: list[str]) -> frozenset[str]:
    """The one-word lines of a page (its menus' and lists' items, stripped of their marks):
    labels, not words of a name."""
    return frozenset(
        label
        for raw in lines
        if (label := raw.strip().lstrip("*+•·- ")) and " " not in label and len(label) <= 30
    )


def _byline_found(
    raw: str, *, bare: bool = True, labels: frozenset[str] = frozenset()
) -> tuple[list[str], str] | None:
    """The people of a byline inside a short line of page furniture, or None; with `bare`
    False, only a byline marked as one ("By Jane Doe", "von David"), not a name on its own.

    A name run together with what follows it ("Jane Doe 2 Comments", "Jane Doe Write a
    comment", "Jane Doe Culture") ends before a number, before the first word of a phrase in
    lower case, and before words that are `labels` (lines of their own elsewhere on the page:
    its menus and categories)."""
    line = _GLUED_LABEL.sub(" | ", unglue_years(_AVATAR.sub("", _clean(raw))))
    line = _GLUED_BY.sub(r"\g<by> ", line)
    if labels and "in " in line:
        line = _without_categories(line, labels)  # "by Jane Doein News, Local"
    if _GLUED_ROLE.search(line):
        line = _unglued_role(line)
    if line[:1] + line[-1:] == "()" and has_byline_prefix(line[1:-1]):
        line = line[1:-1]  # "(Reporting by Jane Doe; Writing by John Roe)": a wire's credits
    if "@" in line:
        line = _GLUED_HANDLE.sub(" ", line).strip()  # "Jane Doe@janedoe": her account's link
    line = _NAME_OVER_BYLINE.sub(r"\g<by> \g<name>", line)
    line = _BYLINE_TWICE.sub(r"\g<by> \g<byline>", line)
    doubled = _DOUBLED_NAME.match(line)
    if doubled and is_person_name(doubled.group(1)) and not is_place(doubled.group(1)):
        # "Jane Doe Jane Doe": her photo's text, then her link.
        line = doubled.group(1) + line[doubled.end() :]
    described = _DESCRIBED.match(line)
    if described and is_person_name(described.group("name")):
        return [described.group("name")], ""
    roles = _roles(line)
    if roles:
        return roles, ""
    if _GLUED_COUNTER_HINT.search(line):
        line = _GLUED_COUNTER.sub(" ", line)  # "Jane Doe4 Kommentare": its link's count
    linked, line = line, without_comments_link(line)  # "… von jdoe Schreibe einen Kommentar"
    if len(line) > _MAX_FURNITURE_LINE:
        # "Le Monde | 04.05.2015 à 13h36 • Mis à jour le ... | Par Jane Doe (avec John Roe)":
        # a part of a long bar that is a byline of its own names the authors.
        for part in _SEGMENT.split(line):
            if has_byline_prefix(part) and is_byline(part) and split_byline(part)[0]:
                return split_byline(part)
        # "Published: 05.01.2020 | Author: jdoe | Filed under: ... | Tags: ...": a long line
        # of labelled parts keeps the parts that open it.
        cuts = [m.start() for m in _SEGMENT.finditer(line, 0, _MAX_FURNITURE_LINE)]
        line = line[: cuts[-1]] if len(cuts) >= 2 else ""
    if not line:
        return None
    if has_byline_prefix(line) and is_byline(line):
        people, credit = split_byline(line)
        if people:
            return people, credit
    # "Jane Doe vor 5 Stunden", "Jane Doe 2 hours ago": a relative date goes like a date.
    undated = _AGO.sub(" ", without_dates(line))
    if ":" in undated or "m" in undated.lower():
        # "Jane Doe 06 PM | 18 Mai", "Jane Doe 2:30 PM": a time of day goes like a date.
        undated = _TIME_OF_DAY.sub(" ", undated)
    if undated != line and "hr" in undated:
        undated = _HOURS_WORD.sub(" ", undated)  # "Jane Doe , [date, 12:01] Uhr 3 min Lesezeit"
    signed = _name_and_outlet(undated) or _role_then_outlet(undated) or _outlet_date_name(line)
    if signed:
        return signed  # "Jane Doe, Northfield Courier", "Jane Doe for The Guardian"
    glued = _name_then_agency(undated)
    if glued:
        return glued  # "Jane Doe BBC News, Northfield": her name and her outlet's spans
    helped = _WITH_AGENCY.match(undated.strip())
    if helped and is_agency(helped.group("agency")) and helped.group("outlet")[:1].isupper():
        outlet = helped.group("outlet")
        if is_person_name(outlet) and outlet.split()[0].casefold() not in _ARTICLES:
            return [outlet], helped.group("agency")  # "Jane Doe mit dpa"
        return [], " ".join(undated.split())  # "Le Monde avec AFP": the paper and the wire
    segments = _SEGMENT.split(undated)
    if undated != line and " / " in segments[0]:
        # A dated meta line sets its parts apart with spaced slashes too: "Jane Doe /
        # 12.03.2024 / 09:30 / Foto: …", "12.03.2024 / 0 Comments / by jdoe"; only the part
        # that opens it or a byline's is read so (elsewhere a slash joins a name to its outlet,
        # "Jane Doe / Courier", or a price to its unit, "€27.90 / kg").
        parts = segments[0].split(" / ")
        segments[:0] = [parts[0], *(part for part in parts[1:] if has_byline_prefix(part))]
    for segment in segments:
        segment = _LEFT_OVER.sub("", " ".join(segment.split())).strip(" ,;:-–—·|•∙⋅‧●▪◦*+/")
        if not segment:
            continue
        if is_byline(segment):
            people, credit = split_byline(segment)
            if people:
                return people, credit
            label = LABELLED_BYLINE.match(segment)
            if label and (is_desk(credit) or is_desk(segment[label.end() :].strip(" :"))):
                # "Autor: Die Redaktion", "Author Courier Redaktion": the label names a desk
                # (the outlet's, its credit).
                return [], credit
        word = one_word_byline(segment)
        if word:
            return [word], ""
        name = _name_before_furniture(segment)
        if name:
            return [name], ""  # "Jane Doe Follow", "Jane Doe 12 Comments", "Jane Doe (dpa)"
        if not bare:
            continue
        listed = _listed_people(segment)
        if listed:
            return listed, ""  # "Jane Doe und John Roe | 12.03.2021", "Jane Doe, John Roe"
        run_on = _people_before_outlet(segment) or _writer_at_agency(segment)
        if run_on:
            return run_on  # "Jane Doe Florida Today", "Jane Doe, AP Auto Writer"
        if undated != line:
            # Run together with a date on one line: "26. September 2019 Jane Doe 2 Comments".
            name = _before_a_date(
                _leading_name(_in_lower_case(segment), labels), _in_lower_case(line)
            )
            if name:
                return [name], ""
            handle = _dated_user_name(segment, labels)
            if handle:
                return [handle], ""
        elif placed := _name_in_place(segment):
            return [placed], ""  # "Jane Doe in Berlin": the Guardian's byline, where she filed
        elif (
            len(segment.split()) >= 2
            and is_person_name(_in_lower_case(segment))
            and not is_place(segment)  # "Por Jane Doe, g1 — São Paulo": where she filed
        ):
            return [_in_lower_case(segment)], ""  # "Jane Doe", "JANE DOE" over "May 2, 2016"
        elif len(segment.split()) >= 2 and is_desk(segment):
            return [], outlet_of_desk(segment)  # "Emotion Redaktion" under the headline
        if undated != line and segment.split()[0] == line.split()[0]:
            # "Tine 2. Februar 2020 Radtouren", "jdoe — 12.05.2021": a user's one-word name
            # with the date right after it; not a section's ("IT 12.05.2021", "STAND"), a
            # medium's ("Video"), a date's own word ("am 12. Mai") or label ("기사입력 2024.03.12").
            word = segment.split()[0]
            rest = line[len(word) :].lstrip(" ,;:-–—·|•")
            handle = one_word_byline(f"by {word}")
            labelled = (
                word.isupper()
                or word.lower() in _AFTER_HANDLE
                or word.lower() in LABEL_WORDS
                or _OTHER_WORK.search(word)
            )
            # The date after it opens with a number, or with a month's name after a meta bar's
            # dot or bar: "jdoe — 12.05.2021", "Jane · March 12, 2024 · …" (a place before a
            # dash and a date opens a wire story: "Northfield - March 12, 2024").
            bar = line[len(word) : len(line) - len(rest)].strip() in ("·", "|", "•", "∙")
            dated = rest[:1].isdigit() or (bar and is_date_word(rest.split()[0] if rest else ""))
            if handle and not labelled and dated and find_date(rest) is not None:
                return [handle], ""
        elif is_agency(segment) and not has_byline_prefix(segment):
            return [], segment  # "JIJI" over "Feb 18, 2020": an agency's credit
    return (
        _named_inside(undated)
        # "Posted on 3. März 2021 Author Jane Doe": the label follows the date, which is cut
        # out above ("Posted on Author ..." reads as a label after a word of a sentence).
        or (_named_inside(line) if undated != line else None)
        or _handle_after_date(linked)
    )


# A byline's label run into the name after it, as a renderer joins a meta line's spans (a
# theme's label for screen readers, then the author's link): "AuthorJane Doe", "byJane Doe".
_GLUED_BY = re.compile(
    r"(?:^|(?<=\s))(?P<by>by|By|von|Von|Author|Autor|Autorin)(?=[A-ZÀ-Þ][a-zà-ÿ])"
)
# A comments counter run into the name before it, as a renderer joins the byline's link and
# the comments link: "Jane Doe4 Kommentare", "jdoe12 comments".
_GLUED_COUNTER = re.compile(
    r"(?<=[^\W\d_])(?=\d{1,4}\s+(?:comments?|kommentare?|antworten|repl(?:y|ies)|responses?"
    r"|commentaires?|réponses?|comentarios?|commenti|reacties)\b)",
    re.IGNORECASE,
)
_GLUED_COUNTER_HINT = re.compile(r"[^\W\d_]\d")
# A time of day in a meta line: "2:30 PM", "06 PM", "15:07 Uhr", "9.30 a.m.".
_TIME_OF_DAY = re.compile(
    r"(?<![\w:.])(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr)(?![\w]))?|\d{1,2}\s*[ap]\.?m\.?(?![\w]))",
    re.IGNORECASE,
)
# "by", "von", "par", "por" inside a line of furniture, and what stands before them when the
# name after them took a photo or a video, not the article.
_BY_INSIDE = re.compile(
    r"(?:^|(?<=\s))(?:by|von|par|por|(?P<label>(?:autor(?:in|en)?(?:/in|\*in)?|author|auteur"
    r"|verfasser(?:in)?)\s*:?))\s+(?=\S)",
    re.IGNORECASE,
)
_OTHER_WORK = re.compile(
    r"\b(?:foto|photo|bild|image|video|grafik|graphic|illustration|karte|map)s?\b|©",
    re.IGNORECASE,
)
# A sentence closed right before "by" or "von": a word and its stop.
_SENTENCE_BEFORE = re.compile(r"[^\W\d_]{2}[.!?]\s+$")
# How many words ("Posted in News", "Ein Beitrag") may stand before "by" in a byline.
_WORDS_BEFORE_BY = 3
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
# What follows a one-word name inside a line: a time or date ("am", "um", "on", "at"), a
# separator.
_AFTER_HANDLE = frozenset("am um on at in mit with le el il | · • — – -".split())
# How many words a name after "by" inside a line may have.
_NAME_WORDS = 4


def _named_inside(line: str) -> tuple[list[str], str] | None:
    """The person "by", "von", "par" or "por" names inside a line of page furniture ("Posted
    by Jane Doe at 2:33 PM", "Ein Beitrag von Jane Doe in Allgemeines", "12/04/2020 by jdoe 24
    Comments"): the capitalised words after it, up to a word in lower case, a number or a
    stop; a single word only when something other than a name follows it."""
    for match in _BY_INSIDE.finditer(line):
        before = line[: match.start()]
        if _OTHER_WORK.search(before):
            break  # "Foto von Jane Doe von Pexels": who took the photo, and where
        if _SENTENCE_BEFORE.search(before):
            continue  # "... ausgeschöpft. Von den": a sentence opens, a wrapped paragraph's line
        if match.group("label"):
            # A label opens a byline after other labelled parts ("Stand 21.4.2021, 16:41 Uhr
            # Autor Jane Doe"), not after a word in lower case ("Interview mit Autorin ...").
            if before.split()[-1:] and before.split()[-1][:1].islower():
                continue
        elif len(_SEGMENT.split(before)[-1].split()) > _WORDS_BEFORE_BY:
            continue  # "The empire built by Jane Doe ...": a sentence, a headline
        words: list[str] = []
        rest = line[match.end() :].split()
        for word in rest[:_NAME_WORDS]:
            core = word.rstrip(".,;:")
            if not core or word.endswith(":") or not (core[:1].isupper() or core in _PARTICLES):
                break  # "Foto:", "at", "2:33": the name has ended
            if _INITIALS.match(word):
                words.append(word)  # "T. V. Raman"
                continue
            words.append(core)
            if word != core:
                break  # "Jane Doe, Reuters": a comma ends the name
        name = " ".join(words)
        following = rest[len(words)] if len(rest) > len(words) else ""
        before_outlet = person_before_outlet(name)[0] if not is_person_name(name) else ""
        if before_outlet:
            # "von Jane Doe Harbour Zeitung": the outlet run on after the name.
            words, following, name = before_outlet.split(), "", before_outlet
        elif not is_person_name(name) and not looks_like_outlet(name):
            # "von Jane Doe Reiterrevue International": the outlet or role run on after the name
            # (not an outlet's own name, "by European Space Agency", cut short).
            name = next(
                (
                    " ".join(words[:k])
                    for k in range(len(words) - 1, 1, -1)
                    if is_person_name(" ".join(words[:k])) and outlet_or_role(" ".join(words[k:]))
                ),
                name,
            )
            if name != " ".join(words):
                words, following = name.split(), ""
        ended = (
            not following
            or following[:1].isdigit()
            or following.endswith(":")  # "Foto:", a label
            or following.lower() in _AFTER_HANDLE
        )
        if (
            len(words) >= 2
            and is_person_name(name)
            and (ended or name != " ".join(rest[: len(words)]))
        ):
            return [name], ""
        after = rest[1] if len(rest) > 1 else ""
        if (
            rest
            and one_word_byline(f"by {rest[0]}")
            and (not after or after[:1].isdigit() or after.lower() in _AFTER_HANDLE)
        ):
            return [rest[0]], ""
    return None


# What a page sets right after its author's name, on the same line: buttons to follow or
# reach the author, a counter of comments, a reading time, an agency in brackets, a job
# title after a comma. A name with one of these after it is a byline, "By" or not.
_FURNITURE = re.compile(
    r"(?:[,;:|·•/()\[\]–—-]|\s)*(?:"
    r"follow|folgen|abonnieren|subscribe|kontakt|contact|e-?mail|mail|twitter|facebook|instagram"
    r"|linkedin|xing|profil|profile|bio|biografie|(?:mehr|alle|more|all|weitere)\s+"
    r"(?:artikel|articles|beiträge|posts|stories|texte)(?:\s+(?:von|by|from))?"
    r"|\d+\s+(?:comments?|kommentare?|antworten|repl(?:y|ies)|responses?|commentaires?"
    r"|réponses?|comentarios?|commenti|reacties)"
    r"|(?:comments?|kommentare?|commentaires?|comentarios?)\s*\(?\d+\)?"
    r"|(?:lesezeit|reading\s+time|temps\s+de\s+lecture)\s*:?\s*\d+\s*min(?:uten|utes)?\.?"
    r"|\d+\s*min(?:uten|utes|ute|s)?\.?(?:\s+(?:read|lesezeit|lesen|de\s+lecture|listen))?"
    r"|\(\s*[A-Za-z]{2,6}(?:/[A-Za-z]{2,6})?\s*\)"
    # A post's like, comment and share buttons with their counts: "12 ♥ 3 💬", "♥ 12", "Share".
    r"|\d[\d.,]*[km]?\s*[♥❤♡💬🗨🔁]\ufe0f?|[♥❤♡💬🗨🔁]\ufe0f?(?:\s*\d[\d.,]*[km]?)?"
    r"|\d[\d.,]*[km]?\s+(?:likes?|restacks?|shares?)|share|restack"
    r")(?![\w])",
    re.IGNORECASE,
)
_NAME_WORDS_AT_MOST = 4
# A post's like and comment buttons closing a line, each an icon with its count ("Jane Doe 12
# ♥ 3 💬 Share", as w3m runs Substack's meta row onto one line): the name before them is the
# post's author's.
_COUNTERS = re.compile(
    r"(?:\s*(?:\d[\d.,]*[km]?\s*)?[♥❤♡💬🗨🔁]\ufe0f?(?:\s*\d[\d.,]*[km]?)?)+(?:\s+share)?$",
    re.IGNORECASE,
)


def _name_before_furniture(segment: str) -> str:
    """The person's name that opens `segment` when only furniture follows it (see
    `_FURNITURE`, dates cut out before): "Jane Doe Follow", "Jane Doe 12 Comments", "Jane Doe
    (jdo)", "Jane Doe, Redakteurin", "JANE DOE | 4 min read"; else ""."""
    words = segment.split()
    for count in range(2, min(_NAME_WORDS_AT_MOST, len(words) - 1) + 1):
        if _dates_word(words[count - 1]):
            break  # "Jana Müller Uhr 5 Min.": the time's word, its date cut out
        name = _in_lower_case(" ".join(words[:count]))
        rest = " ".join(words[count:])
        if name.endswith((",", ";")):
            name, rest = name[:-1], f"{name[-1]} {rest}"  # "Jane Doe, Redakteurin"
        if not is_person_name(name) or not _only_furniture(rest):
            continue
        return name
    return ""


def _only_furniture(rest: str) -> bool:
    """Whether `rest`, what follows a name, is only furniture (`_FURNITURE`) or a job title."""
    position, found = 0, False
    while position < len(rest):
        match = _FURNITURE.match(rest, position)
        if not match or match.end() == position:
            break
        position, found = match.end(), True
    tail = rest[position:].strip(" ,;:|·•/-–—()")
    if not tail:
        return found
    return (
        len(tail) <= _JOB_LINE and _JOB_TITLE.match(tail) is not None and (found or rest[:1] == ",")
    )


# What sets a name apart from the outlet it writes for: "Jane Doe, Courier", "Jane Doe for
# The Guardian", "Jane Doe (Courier)", "Jane Doe – Courier", "Jane Doe / Courier".
_FOR_OUTLET = re.compile(r"\s*(?:,|\bfor\b|\bfür\b|\bpour\b|\bpara\b|\(|[|/–—-](?!\S))\s*")


# An outlet's own byline with the agency it wrote with: "Le Monde avec AFP", "ZEIT ONLINE
# mit dpa", "El País con EFE".
_WITH_AGENCY = re.compile(
    r"^(?P<outlet>[^\W\d_][\w .'’-]{1,40}?)\s+(?:avec|with|mit|con|com|met|z)\s+(?P<agency>[\w /,-]{2,30})$",
    re.IGNORECASE,
)


def _outlet_date_name(line: str) -> tuple[list[str], str] | None:
    """([name], outlet) for a meta line that gives the outlet, the date, then the author's
    name, as an aggregator credits the story it carries ("The Harbour Post 02/10/2020 Jane
    Doe", "Northfield Daily | 12.03.2024 | Jane Doe"), or None."""
    parts = around_dates(line)
    if len(parts) != 2:
        return None
    outlet = parts[0].strip(" |·•-–—,")
    name = _TIME_OF_DAY.sub(" ", parts[1]).strip(" |·•-–—,")
    if not (outlet and looks_like_outlet(outlet) and is_person_name(name)) or is_place(name):
        return None
    return [name], outlet


def _role_then_outlet(line: str) -> tuple[list[str], str] | None:
    """(people, outlet) for a byline that names its people and their role, then the outlet
    after a comma ("Jane Doe, Senior Politics Editor, The Harbour Post", "Jane Doe Staff
    Writer, Northfield Courier"): the part before the comma a byline of its own (a name alone
    is not: "Jane Doe, Northfield" may be where she lives), the part after an outlet's name."""
    head, comma, outlet = line.rpartition(",")
    head, outlet = head.strip(), outlet.strip()
    if not comma or not head or not looks_like_outlet(outlet) or not is_byline(head):
        return None
    people = split_byline(head)[0]
    return (people, outlet) if people else None


def _name_then_agency(line: str) -> tuple[list[str], str] | None:
    """([name], agency) for a person's name run into a known agency's or broadcaster's name,
    maybe with a place after a comma ("Jane Doe BBC News, Northfield", "Jane Doe Reuters"):
    a renderer joins a byline's name and role set in spans of their own."""
    words = line.split(",")[0].split()
    for cut in (2, 3):
        name, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if rest and is_agency(rest) and is_person_name(name) and not is_agency(name):
            return [name], rest
    return None


# The articles a paper's name opens with ("Le Monde", "El País", "Die Zeit").
_ARTICLES = frozenset("the le la les l el los las die der das il lo o a os as de het".split())
# A name and the place it was filed from: "Jane Doe in Berlin", "Jane Doe in Los Angeles".
_IN_PLACE = re.compile(r"^(?P<name>.+?) in (?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})$")


def _name_in_place(segment: str) -> str:
    """The name of a byline that says where its author filed from ("Jane Doe in Berlin"), or
    "": a person's name, then "in" and a place (capitalised words that name no person; the
    gazetteer knows few towns)."""
    found = _IN_PLACE.match(segment)
    place = found.group("place") if found else ""
    if not found or (is_person_name(place) and not is_place(place)):
        return ""
    name = found.group("name")
    return name if is_person_name(name) and not is_place(name) else ""


def _name_and_outlet(line: str) -> tuple[list[str], str] | None:
    """([name], outlet) for a line that is a person's name and the outlet they write for, set
    apart (`_FOR_OUTLET`), and nothing else but separators; else None."""
    text = line.strip(" |·•∙/–—-")
    match = _FOR_OUTLET.search(text)
    if not match or match.start() == 0:
        return None
    name = _in_lower_case(text[: match.start()])
    outlet = text[match.end() :].strip(" |·•∙/–—-)")
    if not (is_person_name(name) and looks_like_outlet(outlet)) or is_person_name(outlet):
        return None
    if is_zone_name(outlet):
        return None  # "Juan Pérez Madrid - 12 mar 2024 - 09:30 CET": the date's time zone
    return [name], outlet


# How a list of names joins them: "Jane Doe, John Roe und Max Muster".
_JOINED = re.compile(r",\s|\s(?:and|und|et|y|e|en|og|och|i|&)\s", re.IGNORECASE)


def _people_before_outlet(segment: str) -> tuple[list[str], str] | None:
    """(people, outlet) for people's names run into their outlet's name with no separator, as
    a renderer joins a byline's spans ("Jane Doe Florida Today", "Jane Doe and John Roe USA
    TODAY"), or None; not a byline marked with a prefix ("von Jane Doe Harbour Zeitung"),
    which is read as one."""
    if not segment[:1].isupper() or has_byline_prefix(segment):
        return None
    *others, last = (part.strip() for part in _JOINED.split(segment))
    person, outlet = person_before_outlet(last)
    if not person or not all(map(is_person_name, others)):
        return None
    return [*others, person], outlet


# A wire's byline: the writer, then the agency and her beat ("Jane Doe, AP Auto Writer",
# "Jane Doe, AP National Political Writer").
_AT_AGENCY = re.compile(
    r"^(?P<name>[^,]{3,60}?)\s*,\s*(?P<agency>[^\W\d_]{2,10})"
    r"\s+(?P<role>(?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)$"
)


def _writer_at_agency(segment: str) -> tuple[list[str], str] | None:
    """([name], agency) for a wire's byline naming the writer's agency and beat after her
    name ("Jane Doe, AP Auto Writer"), or None."""
    match = _AT_AGENCY.match(segment)
    if not match:
        return None
    name, agency, role = match.group("name", "agency", "role")
    if not (is_person_name(name) and is_agency(agency) and is_role_word(role.split()[-1])):
        return None
    # "Ap": the wire's initials in a headline's case, as some papers set a byline.
    return [name], agency.upper() if agency.istitle() and len(agency) <= 3 else agency


def _listed_people(segment: str) -> list[str]:
    """The people a bare list of names gives ("Jane Doe und John Roe", "JANE DOE, JOHN ROE"):
    every item a person's name, or []."""
    if not _JOINED.search(segment):
        return []
    items = [item.strip() for item in _JOINED.split(_in_lower_case(segment))]
    if len(items) < 2 or not all(is_person_name(item) for item in items):
        return []
    return items


# Other words that label a date as a user's name would stand: "erstellt am", "created".
_DATE_VERB = re.compile(
    r"(?:erstellt|geschrieben|verfasst|created|written|date|datum|fecha|data|stand|am|on)$",
    re.IGNORECASE,
)


def _dated_user_name(segment: str, labels: frozenset[str]) -> str:
    """A user's name set apart on a line with a date ("12.03.2021 | jdoe", "jdoe / 5. Mai"):
    one word shaped as a user name is (in lower case, or with digits or "_" inside), no
    word that stands alone elsewhere on the page (a menu's, a section's: `labels`) nor one
    that labels the date ("veröffentlicht am 14 Feb", "updated")."""
    if (
        " " in segment
        or segment in labels
        or not (segment[:1].islower() or _USER_NAME.search(segment))
    ):
        return ""
    if _PUBLISHED_ON.match(segment) or _UPDATED.match(segment) or _DATE_VERB.match(segment):
        return ""
    return one_word_byline(f"by {segment}")


def _in_lower_case(text: str) -> str:
    """`text` with each word capitalised where it is all in capitals ("JANE DOE" -> "Jane
    Doe"), as wire services set bylines; else `text` as it is."""
    if not (text.isupper() and " " in text):
        return text
    return " ".join(word.capitalize() if word.isalpha() else word for word in text.split())


def _handle_after_date(line: str) -> tuple[list[str], str] | None:
    """The user's one-word name right after a date in a line of page furniture, with a comment
    counter after it ("1. November 2023 Cortyn 1 Kommentar"), or shaped as a user name ("_", digits or
    capitals inside) with nothing else in its segment ("26 Mai, 2008 | ThE_PaiN | ...")."""
    words = line.split()
    for position, word in enumerate(words[1:], 1):
        core = word.strip(",;|·•")
        before = " ".join(words[:position]).rstrip(" ,;|·•-–—")
        after = words[position + 1] if position + 1 < len(words) else ""
        if not (before[-1:].isdigit() and find_date(before[-_DATE_REACH:]) is not None):
            continue
        user = bool(_USER_NAME.search(core)) or _GLUED_CAPITALS.search(core) is not None
        counter = " ".join(words[position + 1 : position + 3])
        rest = " ".join(words[position + 1 :])  # "jdoe Schreibe einen Kommentar": its link
        counted = (
            _COMMENTS.match(counter) is not None
            or (user and (not after or after in "|·•"))
            # "jdoe Schreibe einen Kommentar": the link right after it (not past a bar: "Politik
            # | 3 Kommentare" is a section's).
            or (after[:1].isalpha() and without_comments_link(f"{core} {rest}") == core)
        )
        handle = one_word_byline(f"by {core}")
        if handle and counted and not (core.isupper() or _OTHER_WORK.search(core)):
            return [handle], ""
    return None


# A post's comment counter: "1 Kommentar", "34 comments", "2 réponses".
_COMMENTS = re.compile(
    r"^\d+\s+(?:comments?|kommentare?|antworten|repl(?:y|ies)|responses?|commentaires?"
    r"|réponses?|comentarios?|commenti|reacties|kommentit|kommenttia)\b",
    re.IGNORECASE,
)
# How far back from a word a date that ends right before it is looked for, in characters.
_DATE_REACH = 24
# Capitals inside a word, as user names have them ("ThE_PaiN", "DoeJane").
_GLUED_CAPITALS = re.compile(r"[a-z][A-Z]")


def _before_a_date(name: str, line: str) -> str:
    """`name` cut where a date stood inside it in `line` ("Jane Doe 2. Mai 2020Politik" ->
    "Jane Doe", not "Jane Doe Politik"), or "" when too little of a name is left."""
    words = name.split()
    line = " ".join(line.split())
    while words and " ".join(words) not in line:
        words.pop()
    cut = " ".join(words)
    return cut if cut == name or (len(words) >= 2 and is_person_name(cut)) else ""


_DATES_WORDS = LABEL_WORDS | {"uhr"}


def _dates_word(word: str) -> bool:
    """Whether `word` labels or closes a date ("Published:", "Publié", "Uhr"), no name's."""
    return word.casefold().rstrip(":") in _DATES_WORDS


def _leading_name(segment: str, labels: frozenset[str]) -> str:
    """The person's name that opens `segment` (see `_byline_in`), or ""."""
    head, comma, _ = segment.partition(" , ")
    if comma and len(head.split()) > 2:
        # "Jane Doe News , World": the post's categories, a list of links, run on after the
        # name; the list's first item is the word before the comma.
        segment = head.rsplit(None, 1)[0]
    words = segment.split()
    end = next(
        (
            position
            for position, word in enumerate(words)
            if any(ch.isdigit() for ch in word)
            or (word[:1].islower() and word not in _PARTICLES)
            or word.endswith(":")  # "Jane Doe Stand: 12.03.2021": a label
        ),
        len(words),
    )
    if end < len(words) and words[end][:1].islower():
        end -= 1  # "Jane Doe Write a comment": the capital opens the phrase
    # "Jean Dupont Publié le … à 09h30", "Jana Müller … Uhr 5 Min.": a date's own words
    # that a name does not hold, where the date itself was cut out.
    end = next((position for position, word in enumerate(words[:end]) if _dates_word(word)), end)
    while end > 2 and (words[end - 1] in labels or is_place(words[end - 1])):
        end -= 1  # "… Jane Doe Culture", "Juan Pérez Madrid - 12 mar 2024"
    counted = end < len(words) and words[end].isdigit()
    if len(words) - end > _AFTER_NAME and not counted:
        # More than a counter or a button after it: a sentence, not a name. After a counter
        # ("Jane Doe 1 Comment News, World") come the post's categories.
        return ""
    name = " ".join(words[:end])
    return name if end >= 2 and is_person_name(name) else ""


_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")


def _day_first(
    published: datetime, near: list[str], lines: list[str], start: int, end: int
) -> datetime:
    """`published` read day first when it came from a date such as 03/05/2022 that reads both
    ways, on a page whose other dates are written day first (29/04/2022) or, with none that
    tells, whose text is not in English (only American pages put the month first)."""
    ambiguous = any(
        int(a) == published.month and int(b) == published.day and a != b and int(b) <= 12
        for line in near
        for a, b, _ in _SLASH_DATE.findall(unglue_years(line))
    )
    if not ambiguous:
        return published
    firsts = [(int(a), int(b)) for line in lines for a, b, _ in _SLASH_DATE.findall(line)]
    if any(b > 12 >= a for a, b in firsts):
        return published  # 04/29/2022 on the same page: month first
    day_first = any(a > 12 >= b for a, b in firsts) or guess_language(
        "\n".join(lines[start:end])
    ) not in ("en", "")
    return published.replace(month=published.day, day=published.month) if day_first else published


def _dated(lines: list[str], index: int) -> bool:
    """Whether the line at `index` holds a date or is next to a date line: a bare name there is
    the author's ("Jane Doe | 06.11.23"), not a menu item or a tag shaped like a name."""
    if find_date(lines[index]) is not None or _AGO.search(lines[index]):
        return True
    if _TIME_OF_DAY.search(lines[index]) and _day_and_month(lines[index]):
        return True  # "Jane Doe 06 PM | 18 Mai": a blog's meta line that leaves out the year
    if _READ_AFTER.search(lines[index]):
        return True  # "Jane Doe · 5 min read": a blog's byline with its reading time
    above = [i for i in range(index - 1, -1, -1) if lines[i].strip()][:2]
    below = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:2]
    name = _clean(lines[index]).lstrip("*+•· ")
    # A paragraph of running text between them: the date is the text's, the line a subheading.
    near = [*_until_text(lines, above), *_until_text(lines, below)]
    return bool(name) and any(
        _dated_neighbour(_clean(lines[i])) or _contact_of(name, _clean(lines[i])) for i in near
    )


def _day_and_month(line: str) -> bool:
    """Whether `line` gives a day of the month beside a month's name, with no year ("18 Mai",
    "May 18", "18. Mai")."""
    words = [word.strip(".,|") for word in line.split()]
    return any(
        is_date_word(word)
        and any(
            other.isdigit() and 1 <= int(other) <= 31
            for other in words[max(0, at - 1) : at + 2 : 2]
        )
        for at, word in enumerate(words)
    )


def _until_text(lines: list[str], indexes: list[int]) -> list[int]:
    """`indexes` up to the first line of running text among them."""
    found = []
    for index in indexes:
        if _is_running_text(_clean(lines[index])):
            break
        found.append(index)
    return found


_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def _contact_of(name: str, line: str) -> bool:
    """Whether `line` is how to reach the person `name` names: an e-mail address, or the
    name as a user name ("Jane Doe" / "@janedoe")."""
    handle = line.lstrip("@").casefold()
    return bool(_EMAIL.match(line)) or (" " in name and handle == "".join(name.split()).casefold())


# "vor 5 Stunden", "2 hours ago", "před 2 hodinami", "3 dagen geleden": a date a page gives
# relative to today, a number and a unit with the word for "ago" before or after them.
_AGO_BEFORE = r"vor|hace|il\s+y\s+a|před|pred|há"
_AGO_AFTER = r"ago|temu|geleden|fa|sedan|siden|назад|önce|sitten"
_AGO_UNITS = (
    r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|segundos?"
    r"|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|años?|anos?|secondes?|minutes?|heures?"
    r"|jours?|semaines?|mois|ans?|seconds?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
    r"|sekundami|minutami|minutou|hodinami|hodinou|dny|dnem|týdny|týdnem|měsíci|lety|rokem"
    r"|godzin[ya]?|minut[ay]?|dni|dzień|tygodni(?:e)?|uur|dagen?|weken|maanden|jaar|ore|ora"
    r"|minuti|giorni|giorno|settimane|mesi|anni|timmar|timme|timer|dagar|dager|часа|часов|час"
    r"|минуты?|минут|дня|дней|день"
)
_AGO = re.compile(
    rf"\b(?:{_AGO_BEFORE})\s+(?:\d+|einer?|einem|una?|un|une|uma?|jednou)\s+(?:{_AGO_UNITS})(?!\w)"
    rf"|\b(?:\d+|an?|one|een|un|una)\s+(?:{_AGO_UNITS})\s+(?:{_AGO_AFTER})(?!\w)",
    re.IGNORECASE,
)
# Also any two words after "vor", "hace", "il y a" or before "ago" ("vor einer knappen
# Stunde", "a few hours ago"): no other language's words for it are that loose.
_RELATIVE_DATE = re.compile(
    rf"\b(?:vor|hace|il y a)\s+\w+\s+\w+|\b\w+\s+\w+\s+ago\b|{_AGO.pattern}", re.IGNORECASE
)


# A journalist's or a press officer's job title in the languages of the pages ("Periodista
# Judicial", "Redakteurin", "Mitglied der Tonight-Redaktion", "Stellvertretende
# Pressesprecherin"); English ones are bylines' roles (`is_byline`).
_JOB_TITLE = re.compile(
    r"^(?:(?:stellvertretende[r]?|leitende[r]?|freie[r]?|adjunt[oa]|adjoint[e]?)\s+)?"
    r"(?:periodista|redactora?|reporter(?:in)?|redakteur(?:in)?|journalist(?:in|e)?"
    r"|korrespondent(?:in)?|corresponsal|rédact(?:eur|rice)|giornalista|columnista"
    r"|kolumnist(?:in)?|mitglied\s+der\s+.{0,40}redaktion|(?:presse)?sprecher(?:in)?"
    r"|pressereferent(?:in)?|chefredakteur(?:in)?|portavoz|porte-parole|attachée?\s+de\s+presse"
    r"|addett[oa]\s+stampa)\b",
    re.IGNORECASE,
)
# The longest line a job title beside a name fills.
_JOB_LINE = 100


def _dated_neighbour(line: str) -> bool:
    """A date, a relative date, a job title or a reading time: what stands by an author's name."""
    return bool(
        looks_like_date_line(line)
        or (len(line) <= _JOB_LINE and _JOB_TITLE.match(line))
        or (len(line) <= 60 and _RELATIVE_DATE.search(line))
        or _DAY_AND_TIME.match(line) is not None
        or _BYLINE_COMPANION.match(line)
        or (len(line) <= 120 and is_byline(line) and not split_byline(line)[0])
        or _role_at_outlet(line)
        or job_line(line)
    )


# Today's or yesterday's time on a line of its own: "Today 12:34pm", "Gestern, 18:05 Uhr",
# "Aujourd'hui à 13h59" (the date a page gives a story of the last two days).
_DAY_AND_TIME = re.compile(
    r"^(?:today|yesterday|heute|gestern|aujourd['’]hui|hier|hoy|ayer|oggi|ieri|vandaag"
    r"|gisteren)\s*,?\s*(?:(?:um|at|à|a\s+las|alle|om)\s+)?\d{1,2}(?:[:.h]\d{2})?\s*"
    r"(?:[ap]\.?m\.?|uhr|h)?$",
    re.IGNORECASE,
)
# A reading time after a name on its line: "Jane Doe · 5 min read", "Jane Doe | 4 minute read".
_READ_AFTER = re.compile(r"\s[·|•–—-]\s*\d+\s*min(?:ute)?s?\s+(?:read|listen)\b", re.IGNORECASE)
# A role and the outlet it is held at: "Senior Reporter, Northfield Courier", "Staff Writer at
# The Harbour Gazette".
_ROLE_AND_OUTLET = re.compile(
    r"^(?P<role>[^\W\d_][^,]{2,40}?)(?:,\s+|\s+(?:at|for|bei|chez)\s+)(?P<outlet>[A-Z][^,]{1,50})$"
)


def _role_at_outlet(line: str) -> bool:
    """Whether `line` is a job and the outlet it is held at (`_ROLE_AND_OUTLET`): a role alone
    (`is_byline`, naming no one) before a name that is no person's."""
    match = _ROLE_AND_OUTLET.match(line) if len(line) <= _JOB_LINE else None
    if not match:
        return False
    role = match.group("role")
    return (
        is_byline(role) and not split_byline(role)[0] and not is_person_name(match.group("outlet"))
    )


def _name_under_standfirst(
    lines: list[str], index: int, line: str, body: list[_Line | None]
) -> bool:
    """Whether `line`, right under the one paragraph kept so far, is the writer's bare name
    over the text of a page saved as text: that paragraph is a sentence (the standfirst), the
    line a person's name of two or three words that the text does not write in lower case
    ("Ferry Works" over "… the ferry works …" heads a part) nor says again below ("Bee
    Simulator Mehrspieler" over "In Bee Simulator kannst Du …": the text's subject), and
    running text follows it."""
    if not 2 <= len(line.split()) <= 3 or not is_person_name(line) or is_place(line):
        return False
    kept = next((item for item in body if item is not None), None)
    if kept is None or not kept[0].endswith(_STOPS):
        return False
    if not _is_paragraph_like(_next_line(lines, index)):
        return False
    # Her name alone again further down (an author box under the text) is no subject's.
    below = {
        word.casefold()
        for raw in lines[index + 1 :]
        if _clean(raw) != line
        for word in _LETTERS.findall(raw)
    }
    if any(word.casefold() in below for word in _LETTERS.findall(line)):
        return False
    return _bare_name(line, _words_of_sentences(lines))


def _name_above_metadata(lines: list[str], index: int, line: str) -> bool:
    """Whether `line` is an author's bare name: a person's name above a date, a job title or
    a "Follow" button, as blog and magazine pages put it under the title."""
    if len(line) > 60 or not is_person_name(_PLACE.sub("", line)):
        return False  # "Jane Doe", "Jane Doe in Brussels"
    following = _next_line(lines, index)
    if _BYLINE_COMPANION.match(following):
        return True
    if len(following) <= 40 and is_byline(following) and not split_byline(following)[0]:
        return True  # "Staff Writer", "Reuters"
    return looks_like_date_line(following) and parse_date(following) is not None


def _is_running_text(line: str) -> bool:
    """Whether a line is a paragraph rather than a title: long, or sentences with full stops.

    Titles may hold a full stop ("U.S. Sen. Smith ...") or end with one, but rarely both, and
    rarely run past a couple of lines.
    """
    if len(line) > _MAX_TITLE:
        return True
    if not line.endswith(_SENTENCE_END):
        return False
    if line.endswith(("。", "！", "。」", "。”")):
        return True  # A headline in Chinese or Japanese never ends with a full stop.
    return len(line) > 150 or _sentence_end(line) < len(line)


def _sentence_end(text: str) -> int:
    """Where the first sentence of `text` ends (after its full stop), or len(text)."""
    for match in _SENTENCE_BREAK.finditer(text):
        word = text[: match.start() + 1].rsplit(None, 1)[-1].rstrip(".!?").lower()
        if text[match.start()] == "." and (len(word) <= 1 or "." in word or word in _ABBREVIATIONS):
            continue  # "U.S. officials", "Mr. Smith", "J. Smith"
        return match.start() + len(match.group(0).rstrip())
    return len(text)


def _made_up_title(paragraph: str) -> str:
    """A title for a file that has none: its first sentence, shortened at a word boundary.

    A wire dateline ("PARIS (Reuters) - ") belongs to the body, not to the title.
    """
    text = DATELINE.sub("", paragraph, count=1) or paragraph
    sentence = text[: _sentence_end(text)]
    if len(sentence) <= _MADE_UP_TITLE:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    cut = sentence[: _MADE_UP_TITLE + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def _word_count(line: str) -> int:
    """Words in `line`, counting a run of Chinese, Japanese or Thai letters (written without
    spaces) as a word every two characters."""
    words = len(line.split())
    if not line.isascii():
        words += sum(len(run) for run in UNSPACED_RUN.findall(line)) // 2
    return words


def _title_follows(lines: list[str], index: int) -> bool:
    """Whether the next non-blank line after `index` could be a title (not running text, nor
    a byline or date line: those are a title's, and the line above is the title)."""
    line = _next_line(lines, index)
    return (
        3 <= _word_count(line)
        and len(line) <= 150
        and not line.endswith((".", "。"))
        and not is_byline(line)
        and not looks_like_date_line(line)
    )


# The account's buttons a site's header line closes with, as a renderer runs them into the
# site's name: "The Harbour Letter Subscribe Sign in".
_HEADER_BUTTON = re.compile(
    r"\s+(?:subscribe|sign\s+in|sign\s+up|log\s*in|register|menu|search|account|upgrade"
    r"|abonnieren|anmelden|suche|s'abonner|se\s+connecter|suscr[íi]bete|iniciar\s+sesi[óo]n"
    r"|abbonati|accedi|assinar|entrar)\b",
    re.IGNORECASE,
)
_HEADER_BUTTONS = re.compile(rf"(?:{_HEADER_BUTTON.pattern})+$", re.IGNORECASE)
_SITE_WORDS = 5


def _site_with_buttons(line: str) -> str:
    """The site's name of a header line that closes with two of its account's buttons or more
    ("The Harbour Letter Subscribe Sign in"), or ""."""
    buttons = _HEADER_BUTTONS.search(line)
    if not buttons or buttons.start() == 0 or len(_HEADER_BUTTON.findall(buttons.group())) < 2:
        return ""
    site = line[: buttons.start()].strip()
    if len(site.split()) > _SITE_WORDS or site.endswith(_SENTENCE_END):
        return ""
    return site


def _site_above_title(lines: list[str], index: int, line: str) -> bool:
    """Whether `line`, the file's first, is a site's name in a script without capitals
    ("東京新聞", "연합뉴스", "الجزيرة") over a headline and its date line.

    Capitals tell a site's name or a section from a headline in Latin and Cyrillic text
    (`_outlet_line`, `_section_line`); without them, the layout does: a short line, then a
    longer one that could be a title, then a date.
    """
    if len(line) > 25 or any(ch.isupper() or ch.islower() for ch in line):
        return False
    if line.endswith(_SENTENCE_END) or not _title_follows(lines, index):
        return False
    after = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:3]
    if len(after) < 2 or len(_clean(lines[after[0]])) <= len(line):
        return False
    return any(looks_like_date_line(unglue_years(_clean(lines[i]))) for i in after[1:])


# How far down the header a kicker's label on its own line is looked for (under the site's
# name and a section).
_KICKER_SEEN = 3


def _section_line(line: str) -> bool:
    """A one- or two-word capitalised label such as 'Politics' or 'World news'."""
    words = line.split()
    return (
        len(words) <= 2
        and len(line) <= 25
        and line[:1].isupper()
        and all(w.isalpha() for w in words)
        and not looks_like_outlet(line)
        and not _is_home(line)
    )


def _short_link(line: str) -> bool:
    """A menu's link: a few words ("World", "国际新闻"), not a sentence of Chinese or Japanese,
    which has no spaces ("港口扩建计划今天公布。" was a link, and three such paragraphs a menu)."""
    return len(line) <= 30 and _word_count(line) <= 3 and not any(ch.isdigit() for ch in line)


def _navigation(lines: list[str], index: int) -> int:
    """The end of the menu starting at `index` (three or more short links in a row), or 0."""
    end = index
    links = 0
    for position in range(index - 1, -1, -1):
        previous = _clean(lines[position])
        if previous:
            links += _short_link(previous)  # "Home" above, already passed over.
            break
    for position in range(index, len(lines)):
        line = _clean(lines[position])
        if not line:
            continue
        if not _short_link(line) or is_byline(line):
            break
        links += 1
        end = position + 1
    return end if links >= 3 else 0


def _wrapped_block(lines: list[str], index: int) -> list[str] | None:
    """The lines of the block at `index` when its first line runs on into the next."""
    if index + 1 >= len(lines) or lines[index].rstrip().endswith(_TERMINAL):
        return None
    following = lines[index + 1].strip()
    if not following[:1].islower():
        return None
    block = []
    for raw in lines[index:]:
        line = _clean(raw)
        if not line:
            break
        block.append(line)
    return block


def _outlet_line(line: str) -> bool:
    return len(line.split()) <= 4 and looks_like_outlet(line)


def _is_paragraph_like(line: str) -> bool:
    """A line of running text rather than a headline in a link list (headlines rarely end
    with a full stop)."""
    return len(line) > 150 or (len(line) >= 25 and line.endswith(_SENTENCE_END))


@dataclass(frozen=True)
class _Layout:
    """How the body's lines are laid out: hard-wrapped at `width` columns, or not."""

    wrapped: bool = False
    width: int = 0


# A body line: its text (whitespace collapsed), the columns it fills, its indentation, and
# whether it is a row of a table (`_table_rows`).
_Line = tuple[str, int, int, bool]


def _columns(raw: str) -> int:
    raw = raw.rstrip()
    return len(raw.expandtabs()) if "\t" in raw else len(raw)


def _layout(lines: list[str]) -> _Layout:
    """Whether the lines are hard-wrapped (one paragraph over several lines), and the width.

    Wrapped text has many lines filled close to one width that end mid-sentence; text with a
    paragraph per line has lines of any length that end with a full stop. Short lines (menus,
    headings, link lists) say nothing either way and are not counted.
    """
    lengths = sorted(_columns(raw) for raw in lines if raw.strip())
    if len(lengths) < 3:
        return _Layout()
    # Nearly all wrapped lines reach close to the width; a stray long line (a URL) does not.
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > 140 or width < 30:
        return _Layout()
    full = width * 0.6
    pairs = continued = 0
    previous = ""
    for raw in lines:
        line = raw.strip()
        if previous and line and _columns(previous) >= full:
            pairs += 1
            if not previous.rstrip().endswith(_TERMINAL):
                continued += 1
        previous = raw if line else ""
    return _Layout(wrapped=pairs >= 2 and continued * 2 >= pairs, width=width)


def _table_rows(lines: list[str]) -> frozenset[int]:
    """The indexes of the lines that are rows of a table, each kept a line of its own: two or
    more lines in a row parted into as many cells by tabs, or into cells by several runs of
    two or more spaces, most of which start or end at the same columns as the next line's
    (columns aligned), no cell holding half the line's words. Prose has single spaces, or a
    double one after a full stop, seldom twice at the same columns on two lines; justified
    prose has its runs of spaces before a long run of words."""
    # Only a line with a gap in it can be a row (most have none: a cheap test first).
    gapped = [index for index, line in enumerate(lines) if "  " in line or "\t" in line]
    rows: set[int] = set()
    for index, after in zip(gapped, gapped[1:], strict=False):
        if after == index + 1 and _aligned(lines[index], lines[after]):
            rows.update((index, after))
    return frozenset(rows)


def _aligned(one: str, other: str) -> bool:
    if "\t" in one.strip() and "\t" in other.strip():
        return len(_TAB.split(one.strip())) == len(_TAB.split(other.strip()))
    gaps, other_gaps = _gaps(one), _gaps(other)
    return (
        _lined_up(gaps, other_gaps)
        and _lined_up(other_gaps, gaps)
        and _short_cells(one)
        and _short_cells(other)
    )


def _gaps(line: str) -> list[tuple[int, int]]:
    """Where each run of 2+ spaces between two cells ends the one (negative) and starts the
    next."""
    return [(-match.start(), match.end()) for match in _GAP.finditer(line.expandtabs())]


def _short_cells(line: str) -> bool:
    """Whether no cell holds half the line's words: a justified line has its runs of spaces
    first and a long run of words after them ("regular  an  occurrence. The singer was")."""
    cells = [len(cell.split()) for cell in _GAP.split(line.strip())]
    return 2 * max(cells) <= sum(cells)


def _lined_up(gaps: list[tuple[int, int]], other: list[tuple[int, int]]) -> bool:
    """Whether two or more of `gaps`, and two in three of them, end a cell or start one where
    one of `other` does: columns. Justified prose has its runs of spaces anywhere."""
    edges = {edge for gap in other for edge in gap}
    matched = sum(1 for end, start in gaps if end in edges or start in edges)
    return matched >= 2 and 3 * matched >= 2 * len(gaps)


_TAB = re.compile(r"\s*\t\s*")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def _fits(previous_columns: int, line: str, width: int) -> bool:
    """Whether a wrapper would have put the first word of `line` on the previous line (in
    Chinese or Japanese, which it breaks anywhere, the first character)."""
    first = line[:1] if joins_without_space(line[:1], line[:1]) else line.split(" ", 1)[0]
    return previous_columns + 1 + len(first) < width - 1


def _body_lines(
    lines: list[str], state: _State, layout: _Layout, *, in_page: bool = False
) -> list[_Line | None]:
    """The body's lines, None for a paragraph break; furniture and footer dropped.

    Only a line that starts something (not the rest of a sentence wrapped onto it) is tested
    for furniture, bylines and dates, so "written by ..." inside a paragraph stays. `in_page`:
    the lines are an article found in a page saved as text (`find_article`), which already
    ends where the page's footer starts; a photo's credit inside it ("© iStock") is dropped.
    """
    body: list[_Line | None] = []
    rows = _table_rows(lines)
    in_list = False
    kept = 0
    # Whether running text was kept: until then a footer marker ("Comments") is page chrome
    # around the title, not the end of the article.
    text_seen = False
    previous: tuple[str, int, bool] | None = None  # (text, columns, kept) of the line above
    for index, raw in enumerate(lines):
        line = _clean(raw)
        if not line:
            body.append(None)
            previous = None
            continue
        columns = _columns(raw)
        row = index in rows
        continues = (
            previous is not None
            and not row
            and index - 1 not in rows
            and (
                line[:1].islower()
                or (
                    layout.wrapped
                    and not previous[0].endswith(_TERMINAL)
                    and not _fits(previous[1], line, layout.width)
                )
            )
        )
        if continues and previous is not None:
            if previous[2]:
                body.append((line, columns, _indent(raw), False))
                text_seen = True
            previous = (line, columns, previous[2])
            continue
        previous = (line, columns, False)
        url = _url_line(line)
        if url:
            if not kept:
                state.url = state.url or url[0]
            elif url[1] or _rest_is_footer(lines[index + 1 :]):
                state.url = state.url or url[0]
                _scan_footer(lines[index + 1 :], state)
                break
            continue
        if _READ_ALSO.match(line):
            continue  # "Lesen Sie auch: Headline": a link to another story, not its text
        if len(line) <= MAX_FURNITURE:
            if in_page and _photo_credit(line, lines[index + 1 : index + 1 + _CREDIT_REACH]):
                continue
            if is_footer(line) or (state.bylines and _COMMENT_FORM.match(line)):
                _take_category(line, state)
                if not text_seen:
                    continue  # Above the article's text: page furniture.
                _scan_footer(lines[index + 1 :], state)
                break
            if _LIST_HEADER.match(line):
                in_list = True
                continue
            if is_furniture(line) or _take_metadata(line, state, in_header=False):
                continue
            dated = (kept < _EARLY_BODY_LINES or _DATE_LABEL.match(line)) and _take_date(
                line, state
            )
            if dated or _take_byline(line, state):
                # A person's byline or a date ends the page's menus; a bare role ("The
                # Reporters") may be one of their links.
                named = dated or bool(state.bylines and state.bylines[-1][0])
                if named and not text_seen and kept:
                    kept = _drop_chrome(body, state, menus=kept >= _CHROME_LINES)
                continue
            if not text_seen and _name_above_metadata(lines, index, line):
                state.bylines.append(split_byline(line))
                continue
            if in_page and kept == 1 and _name_under_standfirst(lines, index, line, body):
                state.bylines.append(([line], ""))  # "Standfirst." / "Jane Doe" / the text
                continue
        if in_list:
            if not _is_paragraph_like(line):
                continue
            in_list = False
        body.append((line, columns, _indent(raw), row))
        previous = (line, columns, True)
        kept += 1
        text_seen = text_seen or _is_paragraph_like(line)
    return body


# A photo's credit as a page shows it under the photo: "© iStock", "© Bild: Werk/Jane Doe",
# "© Jane Doe Protesters in Hong Kong on May 18, 2018." (its caption run into it); no year
# right after the sign and no rights reserved, as the site's own copyright line has.
_PHOTO_COPYRIGHT = re.compile(
    r"^©\s*(?!(?:1[89]|20)\d\d\b)(?![^©]*\brights\b)[^©]{2,200}$", re.IGNORECASE
)


# A credit that says it is a photo's: "© Bild: Werk", "© Foto Jane Doe", "© Photo: AP".
_NAMED_PHOTO = re.compile(r"^©\s*(?:bild|foto|photo|image|picture)s?\b", re.IGNORECASE)


# How many lines under a photo's credit its paragraph is read from.
_CREDIT_REACH = 12


def _photo_credit(line: str, below: list[str]) -> bool:
    """Whether `line` credits a photo inside an article's text rather than closing it: a
    copyright line without a year (`_PHOTO_COPYRIGHT`) with a paragraph of running text
    under it (not a one-sentence caption; its lines joined, as a text browser may have
    wrapped it). The credit that closes a wire story ("© dpa-infocom") has the page under it.
    """
    if not _PHOTO_COPYRIGHT.match(line):
        return False
    if _NAMED_PHOTO.match(line):
        return True  # "© Bild: Werk", "© Photo: Jane Doe": it says it is a photo's
    paragraph: list[str] = []
    for raw in below:
        if raw.strip():
            paragraph.append(_clean(raw))
        elif paragraph:
            break
    return _is_running_text(" ".join(paragraph))


def _drop_chrome(body: list[_Line | None], state: _State, *, menus: bool) -> int:
    """Forget the short lines kept above a byline, which are a page's buttons ("Resize
    Text"); how many lines are left.

    After many of them (`menus`), the title found among them was a menu link too: all are
    forgotten, and the headline is the last headline-like line above the byline.
    """
    if menus:
        window = [item[0] for item in body if item is not None][-_TITLE_WINDOW:]
        headline = next((line for line in reversed(window) if _headline_like(line)), "")
        if headline:
            state.title = ""
            _set_title(headline, state)
        body.clear()
        return 0
    body[:] = [item for item in body if item is None or not _button_like(item[0])]
    return sum(item is not None for item in body)


def _button_like(line: str) -> bool:
    """A page's button or link: a few capitalised words, no punctuation ("Print Article")."""
    words = line.split()
    return (
        len(line) <= 30
        and len(words) <= 3
        and not line.endswith(_TERMINAL)
        and all(not w[:1].isalpha() or w[:1].isupper() for w in words)
    )


def _headline_like(line: str) -> bool:
    """A line shaped like a headline: several words, no full stop, not a button."""
    words = line.split()
    return (
        3 <= len(words) <= 30
        and 15 <= len(line) <= _MAX_TITLE
        and not line.endswith((".", ":", ","))
        and _sentence_end(line) == len(line)
        and any(ch.islower() for ch in line)
        and not is_furniture(line)
        and not looks_like_date_line(line)
    )


def _scan_footer(lines: list[str], state: _State) -> None:
    """Pick the URL and a labelled date out of the footer; its text is not the article's."""
    for raw in lines:
        line = _clean(raw)
        if not line or len(line) > 300:
            continue
        url = _url_line(line)
        if url:
            state.url = state.url or url[0]
            continue
        if state.published is None and _DATE_LABEL.match(line):
            _take_date(line, state)


def _join(paragraph: list[str]) -> str:
    text = ""
    for line in paragraph:
        if not text:
            text = line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text += line  # Wrapped at a hyphen: "well-" + "known", "Asia-" + "Pacific".
        elif joins_without_space(text, line):
            text += line  # Chinese, Japanese: "预" + "期" is "预期", no space between words.
        else:
            text += " " + line
    return text


def _paragraphs(body: list[_Line | None], layout: _Layout) -> list[str]:
    """Body lines grouped into paragraphs: blank lines always separate, wrapped lines join."""
    base_indent = min((item[2] for item in body if item is not None), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    previous: _Line | None = None
    for item in body:
        if item is None:
            if current:
                paragraphs.append(_join(current))
            current, previous = [], None
            continue
        if (
            current
            and previous is not None
            # A paragraph set in from the margin as a whole (a page's column, a quote) keeps
            # its lines' indent: only a line set in further than the one above opens one.
            and (
                item[3]
                or previous[3]
                or _starts_paragraph(
                    previous, item, item[2] > max(base_indent, previous[2]), layout
                )
            )
        ):
            paragraphs.append(_join(current))
            current = []
        current.append(item[0])
        previous = item
    if current:
        paragraphs.append(_join(current))
    return paragraphs


def _starts_paragraph(previous: _Line, item: _Line, indented: bool, layout: _Layout) -> bool:
    """Whether a line begins a new paragraph although no blank line precedes it."""
    line, above = item[0], previous[0]
    if above.endswith(("-", "–", "—")) and DATELINE.fullmatch(above + " "):
        return False  # "PARIS (Reuters) -" on a line of its own starts the paragraph below.
    ends_sentence = above.endswith(_TERMINAL)
    if not layout.wrapped:
        if _BULLET.match(line) or _BULLET.match(above):
            return True
        # One paragraph a line, except a line broken mid-sentence (in a script without
        # capitals: after a comma).
        if line[:1].isalpha() and not line[:1].isupper() and above.endswith(_MID_SENTENCE):
            return False
        return ends_sentence or not line[:1].islower()
    if indented:
        return True
    # A wrapper would have put the next word on this line had it fitted: the paragraph ended.
    # ("- " may also be a dash that the wrapper carried over, so a bullet needs this too.)
    fits = _fits(previous[1], line, layout.width)
    if fits and _BULLET.match(line):
        return True
    short = previous[1] < layout.width // 2
    return fits and (ends_sentence or (short and line[:1].isupper()))


# A label over a list of authors, one a bullet: "Authors" / "* Jane Doe" / "* John Roe".
_PLURAL_LABEL = re.compile(r"(?:authors|autoren|auteurs|auteur\(s\)|autores|autori)\s*:?", re.I)
_BULLETS = "*+•·"


def _with_prefix(prefix: str, line: str) -> str:
    """The byline a prefix or label on a line of its own makes with the name on the next:
    "von" + "Jane Doe" -> "von Jane Doe", "Auteur(s) :" + "Jane Doe" -> "Auteur: Jane Doe"."""
    match = _LONE_PREFIX.fullmatch(prefix)
    label = match.group("label") if match else None
    if label:
        return f"{label.removesuffix('(s)')}: {line}"
    return f"{prefix.rstrip(' :')} {line}"


def _read_page_header(lines: list[str], page: PageArticle, state: _State) -> None:
    """The title, section, bylines and date of a page saved as text, from the lines around
    its headline (and, failing those, from the article's text and what closes it)."""
    assert page.headline is not None
    site = _site_suffix(page.title, state)
    if site and _names_its_site(lines, page, site):
        state.source = site  # "Headline - Northfield Courier": cut by `_set_title`
    _set_title(page.title, state)
    for raw in lines[max(0, page.headline - _DATE_ABOVE) : page.headline + 1]:
        # "Home » Transport » Headline": the section is the crumb above the headline.
        trail = _clean(raw).lstrip("*+•· ").removesuffix(page.title).rstrip(" »›>/→")
        crumbs = _breadcrumb(trail) if trail else None
        if crumbs and crumbs[1] and not state.section:
            _apply_breadcrumb(crumbs[0], state, strong=True)
    updated: datetime | None = None
    prefix = listing = ""
    for index in range(page.headline + 1, _header_end(lines, page)):
        line = _clean(lines[index]) if not _in_standfirst(page, index) else ""
        if not line or _in_fact_sheet(lines, index):
            continue
        line = _GLUED_LABEL.sub(" | ", line)
        if _LONE_PREFIX.fullmatch(line.lstrip("*+•· ")):
            # "von" / "Jane Doe", "Autor" / "Jane Doe": the name follows on the next line.
            prefix = line.lstrip("*+•· ")
            continue
        rest, trailing = _trailing_prefix(line.lstrip("*+•· "))
        if trailing and not prefix:
            _take_date(rest, state)
            prefix = trailing
            continue
        bulleted = line[:1] in _BULLETS
        if bulleted and not prefix:
            prefix = listing  # "Authors" / "* Jane Doe" / "* John Roe": each item a byline
        listing = prefix if bulleted and _PLURAL_LABEL.fullmatch(prefix) else ""
        line, prefix = (_with_prefix(prefix, line.lstrip("*+•· ")), "") if prefix else (line, "")
        if _UPDATED.match(line) and state.published is None:
            # "Updated: ..." above "Published: ...": the publication's date wins, on the
            # same line too ("Aktualisiert am 14.03.2024 - Erstellt am 12.03.2024").
            state.published = _first_dated(line)
            updated = updated or parse_date(line)
            continue
        if not line.isascii() and find_date(line) is not None and (names := cjk_byline(line)):
            state.bylines.append((names, ""))  # "2024年3月12日 9時30分　山田花子記者"
        if not (
            _take_date(line, state)
            or _take_byline(line, state)
            or _take_outlet(line, state)
            or _take_labelled(line, state)
            or _take_publisher(line, state)
        ):
            _take_metadata(line, state, in_header=False)
    if not any(people for people, _ in state.bylines):
        found = _page_byline(lines, page)
        if found:
            # "Autor: Jane Doe/dpa" read whole as a credit under the headline: the same line,
            # now read as a person's byline, replaces it.
            state.bylines = [
                (people, credit)
                for people, credit in state.bylines
                if people or not any(credit.startswith(f"{person}/") for person in found[0])
            ]
            state.bylines.append(found)
    if state.published is None:
        state.published = _page_date(lines, page) or updated
    if state.published is not None:
        state.published = _day_first(
            state.published,
            # Wherever the date was found: near the headline, in the text or under it.
            lines[max(0, page.headline - _LABELLED_ABOVE) : page.end + _NAME_BELOW],
            lines,
            page.start,
            page.end,
        )


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)


def _site_suffix(title: str, state: _State) -> str:
    """The name set apart after a headline ("Headline - Northfield Courier") where the site's
    is not known yet, else ""."""
    suffix = TITLE_SUFFIX.search(title)
    if not suffix or state.source or len(title[: suffix.start()].split()) < 2:
        return ""
    return suffix.group("site").strip()


def _names_its_site(lines: list[str], page: PageArticle | None, name: str) -> bool:
    """Whether a page dump (or scraped text, `page` None) names its site `name`: in its
    copyright notice, or on a line of its own above the headline (its logo's, its header's;
    not a menu's item, a bullet)."""
    folded = name.casefold()
    for index, raw in enumerate(lines):
        if page is not None and page.start <= index < page.end:
            continue
        line = _clean(raw)
        if folded not in line.casefold():
            continue
        if page is not None and index < (page.headline or 0) and line.casefold() == folded:
            return True
        if _COPYRIGHT.search(line) and re.search(
            rf"(?<!\w){re.escape(folded)}(?!\w)", line.casefold()
        ):
            return True
    return False


# The author's picture before her byline, as a text browser shows it: its file's name or
# address in brackets ("[jane-doe-50x50.jpg] Jane Doe", "[e3d6d929…?s=96&d=mm] By Jane Doe"), or
# its alt text ("Avatar photo by Jane Doe", "Author avatar Jane Doe", a forum's "Profilbild
# MikeNils", "Profile picture", "Photo de profil", "Foto de perfil").
_AVATAR = re.compile(
    r"^(?:\[[^\s\[\]]{8,}\]|(?:author\s+)?avatar(?:\s+(?:photo|image|picture))?"
    r"|author\s+photo|profilbild|profile\s+(?:picture|photo|image|pic)|photo\s+de\s+profil"
    r"|foto\s+de\s+perfil|foto\s+del\s+profilo|immagine\s+del\s+profilo)\s+"
    r"(?=[^\W\d_])",
    re.IGNORECASE,
)
# A meta bar's label run into the name before it, as a text browser joins the bar's parts:
# "Author:Jane DoePublish date:Nov 18, 2019", "von Jane DoeVeröffentlicht am: 3. Mai 2021".
_GLUED_LABEL = re.compile(
    r"(?<=[a-zà-ÿ])(?=(?:Publish(?:ed)?|Posted|Updated?|Modified|Date|Datum|Ver(?:ö|oe)ffentlicht"
    r"|Aktualisiert|Erschienen|Publié|Publicado)(?:\s+(?:date|on|am|le|el))?\s*:)"
)


def _header_end(lines: list[str], page: PageArticle) -> int:
    """The line after the headline's block of dates and bylines: the text's first line, or a
    list's heading above it ("Lesen Sie auch", "Related"), under which other stories' titles,
    dates and bylines stand."""
    assert page.headline is not None
    for index in range(page.headline + 1, page.start):
        line = _clean(lines[index]).lstrip("*+•· ")
        if _LIST_HEADER.match(line) and not _more_from_author(line, lines[page.headline : index]):
            return index
    return page.start


# "More from Jane": a link of a byline's author card, under the name it opens.
_MORE_FROM = re.compile(
    r"^more\s+from\s+(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})$", re.I
)


def _more_from_author(line: str, above: list[str]) -> bool:
    """Whether `line` says "More from" a person named on a short line above, under a byline
    ("By Jane Doe" / "Follow on Twitter" / "More from Jane" / "John Roe" / "More from John"):
    the author's links, not a list of stories."""
    match = _MORE_FROM.match(line)
    if match is None:
        return False
    who = match.group("who").split()
    names = [_clean(raw).lstrip("*+•· ") for raw in above]
    if not any(has_byline_prefix(name) for name in names):
        return False
    return any(
        len(words := name.split()) <= _CARD_NAME_WORDS and all(word in words for word in who)
        for name in names
    )


# The most words of a line that names one author ("By Jane van Doe").
_CARD_NAME_WORDS = 5


# A labelled line: "ISBN: 978-3-...", "Seiten: 448", "Opening date: 01.05.2025".
_FACT = re.compile(r"^(?P<label>[^\W\d_]{2,}(?:[ -][^\W\d_]+){0,2})\s*:\s*\S")
# The labels of a page's meta lines (its byline, date, section), not of a fact sheet's.
_META_LABEL = re.compile(
    r"^(?:autor(?:in|en)?|authors?|auteur|von|by|text|redaktion|datum|date|fecha|data|stand"
    r"|published|posted|ver(?:ö|oe)ffentlicht|erschienen\s+am|aktualisiert|updated|modified"
    r"|publié|mis\s+à\s+jour|publicado|actualizado|kategorie|category|categories|rubrik"
    r"|ressort|section|tags?|schlagw(?:o|ö)rter|themen?|topics?|quelle|source|foto|fotos|bild"
    r"|photo|lesezeit|reading\s+time|kommentare|comments|ort|location)$",
    re.IGNORECASE,
)
# How many lines either side of a labelled line are looked at, and how many facts (labelled
# lines with labels no meta line has) make a fact sheet.
_FACT_REACH = 3
_FACTS = 2


def _in_fact_sheet(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is one of a sheet of facts set out as labelled lines (a
    book's "ISBN:", "Seiten:", "Erscheinungsdatum:"; a project's "Length:", "Opening date:"):
    its label no meta line's (`_META_LABEL`), with `_FACTS` such lines or more around it. A
    date or a name there is the subject's, not the article's."""
    label = _FACT.match(_clean(lines[index]).lstrip("*+•· "))
    if not label or _META_LABEL.match(label.group("label").strip()):
        return False
    facts = 0
    for other in range(max(0, index - _FACT_REACH * 2), min(len(lines), index + _FACT_REACH * 2)):
        found = _FACT.match(_clean(lines[other]).lstrip("*+•· ")) if other != index else None
        if found and not _META_LABEL.match(found.group("label").strip()):
            facts += 1
    return facts >= _FACTS


def _in_standfirst(page: PageArticle, index: int) -> bool:
    """Whether the line at `index` is the page's deck or standfirst."""
    return any(first <= index < end for first, end in page.summary())


def _take_outlet(line: str, state: _State) -> bool:
    """Record the outlet a byline under a page's headline names: "Por Agencia EFE", "by HLNF
    Staff Report", "von auto-motor.at Redaktion" (words that are no person's name after a
    prefix that starts sentences too, so `is_byline` only trusts names after it)."""
    match = _PREFIXED.match(line)
    if not match or len(line) > _MAX_OUTLET_LINE:
        return False
    rest = match.group("rest")
    words = rest.split()
    if not all(w[:1].isupper() or HOST_NAME.match(w) for w in words if w.lower() not in _PARTICLES):
        return False
    if any(_USER_NAME.search(w) for w in words):
        return False  # "von Marianne1", "von KB_Redaktion": a user's name, not an outlet's
    state.bylines.append(split_byline(f"By {rest}"))
    return True


# The longest labelled byline under a headline that may name an outlet rather than people.
_MAX_LABELLED = 80


def publisher_named(line: str) -> str:
    """The publisher a labelled line names ("Herausgeber: Nordex SE"), or ""."""
    match = _PUBLISHER.match(line)
    name = match.group("name").strip() if match else ""
    return "" if "://" in name or "@" in name else name


def _take_publisher(line: str, state: _State) -> bool:
    """Record the publisher a line under a page's headline names as the credit."""
    name = publisher_named(line)
    if name:
        state.bylines.append(([], name))
    return bool(name)


def _take_labelled(line: str, state: _State) -> bool:
    """Record the byline a label names under a page's headline ("Autor: przepisy.pl",
    "Auteur : Les Membres du Choeur"): the label says it is the author, so an outlet or a
    group counts too, where a name alone would have to look like a person's."""
    label = LABELLED_BYLINE.match(line)
    if len(line) > _MAX_LABELLED or not label:
        return False
    if not label.group(0).rstrip().endswith(":") and not is_byline(line):
        return False  # "Auteur Jane Doe Cover ... Date ...": with no colon, names only
    people, credit = split_byline(line)
    if not (people or credit):
        return False
    state.bylines.append((people, credit))
    return True


def _credited_in_brackets(line: str, lines: list[str]) -> bool:
    """Whether the page repeats `line` in brackets at the end of a line ("… in Iowa, on Jan.
    23. (Jane Doe / AP)"): a photograph's credit, which a caption closes so; a byline is not
    repeated after a caption."""
    bracketed = f"({line.strip()})"
    return any(other.rstrip().endswith(bracketed) for other in lines)


def _set_apart(lines: list[str], index: int) -> bool:
    """Whether the line at `index` opens the page or stands under a blank line."""
    return index == 0 or not lines[index - 1].strip()


def _page_byline(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The byline of a page saved as text where none stands on a line of its own under the
    headline: a name in a line of page furniture ("Jane Doe | 06.11.23", "von David · 18.
    Oktober 2019"), or a person's name beside a date or a role near them."""
    assert page.headline is not None
    low = max(0, page.headline - _DATE_ABOVE)
    nearby = lines[low : page.start + _NAME_BELOW]
    labels = frozenset(
        label
        for raw in lines
        if (label := raw.strip().lstrip("*+•·- ")) and " " not in label and len(label) <= 30
    )
    listed = False
    lower: frozenset[str] | None = None
    # A bare name above the headline (no "By" marks it) is more often a kicker or the site's
    # name than the byline: it is taken only when nothing under the headline names one.
    above: tuple[list[str], str] | None = None
    headline = _headline_lines(lines, page)
    layout = _layout(lines)
    for position, raw in enumerate(nearby):
        line = _clean(raw).lstrip("*+•· ")
        if low + position in headline:
            # "Merry Christmas", "Minutes of the Board": a headline (or a line of one a text
            # browser wrapped: "Love is War - Sehnsucht von R. K." / "Lilley"), not a name.
            # Set apart from the lines above it, it also closes a list of other stories there
            # ("Trending" in the menu); a list's item run on from the one above repeats it.
            if low + position == page.headline and _set_apart(lines, page.headline):
                listed = False
            continue
        if (
            layout.wrapped
            and not (has_byline_prefix(line) or _AUTHOR_LABEL.match(line))
            and _in_paragraph(lines, low + position, layout.width)
            and find_date(line) is None
        ):
            # "... A vehicle driven by Jane" / "Doe, no age reported, was ...": a line of a
            # paragraph, unless it opens as a byline or holds a date (a meta bar wraps too).
            continue
        # Under "Recent posts" or "Related" above the text: other stories' names and dates.
        listed = (listed or bool(_LIST_HEADER.match(line))) and low + position < page.start
        if listed:
            continue
        if _one_of_a_series(nearby, position):
            continue  # "* Blogposting 01/26/2020" / "* Blogposting 01/24/2020": other posts
        # "Related topics:": a heading closed by a colon names what follows it, not a person.
        bare = (
            not line.endswith(":")
            and not _in_menu(nearby, position)
            and (
                _dated(nearby, position)
                or _alone_under_headline(nearby, position, low, page)
                or _COUNTERS.search(line) is not None
                or _signed_for_outlet(line, low + position, page)
            )
        )
        line = _trailing_prefix(line)[1] or line
        if _LONE_PREFIX.fullmatch(line):
            # "Von" / "Jane Doe": the prefix on a line of its own, the name on the next.
            following = next((other for other in nearby[position + 1 :] if other.strip()), "")
            line = _with_prefix(line, _clean(following).lstrip("*+•· "))
        if publisher_named(line):
            return [], publisher_named(line)
        starter = _STARTER.match(line)
        if starter:
            return [starter.group("name")], ""  # a forum thread's first post is its article
        found = _byline_in(line, bare=bare, labels=labels)
        if found and bare and not _byline_in(line, bare=False):
            lower = _words_of_sentences(lines) if lower is None else lower
            if not all(_bare_name(person, lower) for person in found[0]):
                found = None  # "Ask Question", "Olympische Winterspiele": no one's name
            elif found[0] and all(_in_headline(person, page.title) for person in found[0]):
                found = None  # "Hong Kong" over "The Guardian view on Hong Kong": its subject
            elif _named_with_its_date_below(nearby, position, labels):
                found = None  # "Harbour Insider" over "Jane Doe 1 day ago": the dated name's
            elif found[0] and all(_quoted_in_text(person, lines, page) for person in found[0]):
                found = None  # "Mary Smith" over a text that quotes her: its subject's name
        found = found or _labelled_author(line) or _interview_credit(line)
        if found and "/" in line and _credited_in_brackets(line, lines):
            continue  # "Jane Doe / AP" over a photo, "(Jane Doe / AP)" after its caption
        if found and bare and low + position < page.headline and not _byline_in(line, bare=False):
            above = above or found
        elif found:
            return found
    if above:
        return above
    found = _meta_bar_above(lines, page)
    if found:
        return found
    # "Autor: Jane Doe", "Text: Jane Doe", "Von:" / "Jane Doe" in the text or under it: a
    # label no sentence is written with.
    # A label ("Text: Jane Doe", not a bare "By" over a name, as related stories' teasers have)
    # is looked for as far under the text as `_NAME_BELOW` lines of words: a page saved as text
    # sets a blank line between each two (its closing "Tipps" box, then "Text: Jane Doe").
    near = page.end + _NAME_BELOW
    below = max(near, _past_lines_of_words(lines, page.end, _NAME_BELOW))
    # (w3m sets a picture with no text as its file's name in brackets: "[8abcc7b2] Author
    # Jane Doe", the writer's photo before the label.)
    closing = [_AVATAR.sub("", _clean(raw).lstrip("*+•· ")) for raw in lines[page.start : below]]
    far = len([line for line in closing[: near - page.start] if line])
    closing = [line for line in closing if line]
    for position, line in enumerate(closing):
        if _REPLY_LINK.search(line):
            continue  # "Kommentar von Jane Doe — 2019-01-01 @ 00:39 | Antworten": a reader's
        if position >= far and not LABELLED_BYLINE.match(line) and not _labelled_byline(line):
            continue
        if position + 1 < len(closing) and _LONE_PREFIX.fullmatch(line):
            line = _with_prefix(line, closing[position + 1])
            found = _byline_in(line, bare=False)
        elif _labelled_byline(line):
            found = split_byline(line)
            if found[1] and LABELLED_BYLINE.match(line) and not _USER_NAME.search(line):
                # "Autor: Harbour Courier Redaktion": the label says the outlet wrote it (a
                # user's name with digits in it, "jdoe2", is no outlet's).
                return found
        elif labelled := _labelled_name(line):
            found = ([labelled], "")  # "Autorin: Jane Doe, Projektleiterin in Tunis."
        elif footer := post_footer_author(line):
            found = (footer, "")  # "Posted by Jane Doe at 2:33 PM" under the post
        elif not line.isascii() and (names := cjk_byline(line)):
            found = (names, "")  # "【纠错】 责任编辑： 李明": the editor closing a Chinese story
        else:
            continue
        if found and found[0]:
            return found
    return (
        _signature(lines, page)
        or _bracketed_signature(lines, page)
        or _labelled_meta_block(lines, page)
        or _about_the_author(lines, page)
        or _author_bio(lines, page)
        or _facts_author(lines, page)
        or _named_over_bio(lines, page)
        or _dated_name_in_text(lines, page)
        or _dated_byline_above(lines, page)
        or _published_byline(lines, page)
        or _name_under_paragraph(lines, page)
        or _signed_above_notes(lines, page)
        or _copyright_notice(lines, page)
        or _credited_name(lines, page)
    )


# A reply button closing the line that names a reader's comment and its date.
_REPLY_LINK = re.compile(
    r"[|·•]\s*(?:antworten|reply|répondre|responder|rispondi|beantworten)\s*$", re.IGNORECASE
)


def _past_lines_of_words(lines: list[str], start: int, count: int) -> int:
    """The index past the first `count` lines from `start` that are not blank."""
    seen = 0
    for index in range(start, len(lines)):
        if lines[index].strip():
            seen += 1
            if seen == count:
                return index + 1
    return len(lines)


# How many non-blank lines above the headline a meta bar's byline is looked for.
_META_ABOVE = 10
# The most words of a line of the header above the headline (a kicker, a section, a button).
_HEADER_WORDS = 12


def _meta_bar_above(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """A byline marked as one ("By Jane Doe", "Von Jane Doe") in the block of short lines
    right above the headline (a meta bar over the title: the byline, the date, the section,
    the share buttons), further up than the lines looked at beside the headline; the block
    ends at running text or a longer line (another story's teaser)."""
    assert page.headline is not None
    seen = 0
    for index in range(_headline_lines(lines, page).start - 1, -1, -1):
        line = _clean(lines[index]).lstrip("*+•· ")
        if not line:
            continue
        seen += 1
        if seen > _META_ABOVE or _is_running_text(line) or len(line.split()) > _HEADER_WORDS:
            return None
        if has_byline_prefix(line):
            found = _byline_in(line, bare=False)
            if found and found[0]:
                return found
    return None


def _quoted_in_text(name: str, lines: list[str], page: PageArticle) -> bool:
    """Whether the article's text quotes `name` as a speaker (`quoted_as_speaker`)."""
    return quoted_as_speaker(name, " ".join(" ".join(lines[page.start : page.end]).split()))


def _signed_for_outlet(line: str, index: int, page: PageArticle) -> bool:
    """Whether `line`, between the headline and the text, is a person's name run into the
    outlet they write for ("Jane Doe The Washington Post", under a photo's caption and its
    credit): the name and the outlet are two marks of a byline, which a name alone is not."""
    assert page.headline is not None
    return page.headline < index < page.start and _people_before_outlet(line) is not None


def _named_with_its_date_below(lines: list[str], index: int, labels: frozenset[str]) -> bool:
    """Whether the line at `index` holds no date and the next line names someone with a date
    of its own ("Harbour Insider" / "Jane Doe 1 day ago"): a bare name only beside a date is
    less the author's than the name that carries it (the outlet, a column's name above)."""
    if find_date(lines[index]) is not None or _AGO.search(lines[index]):
        return False
    below = next((_clean(raw).lstrip("*+•· ") for raw in lines[index + 1 :] if raw.strip()), "")
    if not below or (find_date(below) is None and not _AGO.search(below)):
        return False
    found = _byline_in(below, bare=True, labels=labels)
    people = found[0] if found else []
    # A full name: a one-word "name" after a date is as often its time's word ("Uhr").
    return bool(people) and all(len(person.split()) >= 2 for person in people)


def _in_paragraph(lines: list[str], index: int, width: int) -> bool:
    """Whether the line at `index` is one of a paragraph a text browser wrapped at `width`
    columns: it goes on from a full line above it, or is full and goes on below."""
    full = width * _FULL_LINE

    def continues(above: str, below: str) -> bool:
        return (
            bool(above.strip() and below.strip())
            and _indent(above) == _indent(below)
            and _columns(above) >= full
            and not _fits(_columns(above), below.strip(), width)
        )

    line = lines[index]
    if _columns(line) > width * _PAST_WIDTH:
        # Far longer than the lines were wrapped at (a page of menus, its few paragraphs a
        # line each): no wrapper set it, as a meta line run together may be ("Jane Doe |
        # Courier By Jane Doe | Courier").
        return False
    return (index > 0 and continues(lines[index - 1], line)) or (
        index + 1 < len(lines) and continues(line, lines[index + 1])
    )


# How full a line must be for the next to go on from it, as a share of the wrapping width.
_FULL_LINE = 0.75
# How much longer than the wrapping width a line may be and still be one a wrapper set (a
# word longer than the room left on it).
_PAST_WIDTH = 1.25


def _headline_lines(lines: list[str], page: PageArticle) -> range:
    """The lines the headline stands on: its last, and the lines right above it that hold
    its words (a text browser wraps a long headline)."""
    assert page.headline is not None
    first = page.headline
    while first > 0 and (above := _clean(lines[first - 1])) and above in page.title:
        first -= 1
    return range(first, page.headline + 1)


# Endings of words that are no part of a person's name: German adjectives ("Olympische",
# "Dringlicher") and the abstract nouns of a menu or a topic ("Wissenschaft", "Gesundheit").
_NOT_NAME_ENDINGS = ("ische", "ischen", "liche", "licher", "liches", "schaft", "heit", "keit")
# Labels of a page's meta line that stand before a date as a user's name does ("Datum
# 25.01.2022", "Serie 06.02.2022").
_DATE_LABELS = frozenset("datum date fecha data serie ort stand rubrik kategorie thema".split())


def _words_of_sentences(lines: list[str]) -> frozenset[str]:
    """The words a page writes in lower case in its running text ("ask", "open"), not in
    credits, addresses or links ("watson/jane doe", "jane.doe@example.com")."""
    return frozenset(
        word
        for raw in lines
        if _is_running_text(line := _clean(raw))
        for word in _LOWER_WORD.findall(_NOT_PROSE.sub(" ", line))
    )


# Addresses and links inside a sentence: their words are no prose.
_NOT_PROSE = re.compile(r"\S*[@/]\S*")


def _bare_name(name: str, lower: frozenset[str]) -> bool:
    """Whether `name`, found with no "by" or label beside it, may be a person's: its first word
    is none the page writes in lower case ("Ask Question", "Open Future"; a surname may be:
    "Koch") nor a noun no given name is, and none of its words ends as an adjective or
    abstract noun does or labels a date."""
    words = [word.casefold() for word in name.split()]
    if any(word in _DATE_LABELS for word in words):
        return False
    if len(words) == 1:
        return True  # a user's name: "jdoe", "Tine"
    first = next((word for word in words if word not in _PARTICLES), "")
    if first in lower or (len(first) > 6 and first.endswith(_NOT_FIRST_NAME_ENDINGS)):
        return False
    return not any(len(word) > 6 and word.endswith(_NOT_NAME_ENDINGS) for word in words)


def _in_headline(name: str, title: str) -> bool:
    """Whether every word of `name` is a word of the headline `title`: a bare name there is
    what the article is about (a kicker, a subject), not who wrote it."""
    words = frozenset(_TITLE_WORD.findall(title.casefold()))
    return all(word in words for word in _TITLE_WORD.findall(name.casefold()))


_TITLE_WORD = re.compile(r"[^\W_]+")


# Endings of nouns no given name has, though a surname may ("Hartung"): "Ausstellung Palais
# Epstein", "Redaktion Wien".
_NOT_FIRST_NAME_ENDINGS = ("ung", "tion", "ität", "ismus")


# Who started a forum's thread, as the forum labels them: "Thread starter jdoe",
# "Themenstarter Jane Doe", "Started by jdoe".
_STARTER = re.compile(
    r"^(?:thread\s+starter|themenstarter(?:in)?|started\s+by)\s*:?\s+"
    r"(?P<name>[^\s|·•,;:]+(?:\s[^\s|·•,;:]+){0,2})$",
    re.IGNORECASE,
)


def _labelled_byline(line: str) -> bool:
    """Whether `line` is a byline that a label or verb no sentence opens with marks as one:
    "Autor: Jane Doe", "Geschrieben von Jane Doe", "Written by Jane Doe"; not a bare "By" or
    "von", which a related story's byline and sentences ("von Montag an") open with too."""
    return (
        bool(LABELLED_BYLINE.match(line) or has_byline_prefix(line))
        and not _PREFIXED.match(line)
        and is_byline(line)
    )


def _labelled_name(line: str) -> str:
    """The person's name a byline label opens a line with, where a role or a biography runs
    on after it ("Autorin: Jane Doe, Projektleiterin in Tunis.", "Autor: Jane Doe (Gastbeitrag),
    Redner", "Author: Jane Doe is a reporter ..."), or ""."""
    label = LABELLED_BYLINE.match(line)
    if not label or len(line) > _MAX_BIO:
        return ""
    bio = _BIO_NAME.match(line[label.end() :].lstrip(" :"))
    name = bio.group("name").strip() if bio else ""
    return name if is_person_name(name) else ""


# A line that labels who wrote the page: "Autor Jane Doe", "Auteur : Jane Doe", "von: Jane Doe"
# (a colon makes "von", "by" a label; "von Montag an" opens sentences too).
_AUTHOR_LABEL = re.compile(
    r"^(?:(?:autor(?:in)?|author|auteur|autore|verfasser(?:in)?)\s*:?"
    r"|(?:von|by|par|por|door)\s*:)\s+(?P<name>\S.*)$",
    re.IGNORECASE,
)
# What parts a list of names: "Jane Doe, John Roe y Ana Ruiz".
_NAME_LIST = re.compile(r"\s*,\s*|\s+(?:and|und|y|et|e|i|&)\s+")
# The most words of a name the page gives its author where it is no person's ("Rasender
# Reporter", "Catch more fish": a pen name, a column).
_PEN_NAME_WORDS = 4


def _labelled_author(line: str) -> tuple[list[str], str] | None:
    """The author a label names in a line of page furniture where the name is no person's
    ("von: Rasender Reporter", "Autor Catch more fish": a pen name, a column; a desk's name
    is a credit), or the person's name run into other labelled parts of a meta bar ("Auteur
    Jane Doe Cover Photo Date 2 mars 2020 Partager")."""
    label = _AUTHOR_LABEL.match(line)
    if not label:
        return None
    name = label.group("name").strip()
    people = [part.strip() for part in _NAME_LIST.split(name)]
    if len(people) > 1 and all(map(is_person_name, people)):
        return people, ""  # "Por: Jane Doe, John Roe y Ana Ruiz"
    person, slash, credit = name.partition("/")
    if slash and is_person_name(person.strip()) and credit.strip():
        return [person.strip()], credit.strip()  # "Autor: Jane Doe/dpa"
    words = name.split()
    if len(words) > _PEN_NAME_WORDS or _DIGIT.search(name) or ":" in name:
        # Run on into other parts: the longest person's name that opens it, a label after it.
        head = next(
            (
                " ".join(words[:size])
                for size in (3, 2)
                if len(words) > size
                and words[size][:1].isupper()
                and words[size - 1].lower() not in _META_LABELS
                and is_person_name(" ".join(words[:size]))
            ),
            "",
        )
        return ([head], "") if head else None
    if is_byline(line):
        people, credit = split_byline(line)
        if people or credit:
            return people, credit  # "By: Staff", "Autor: Redaktion"
    if (
        not words[0][:1].isupper()
        or (len(words) == 1 and not one_word_byline(f"by {name}"))
        or is_furniture(name)
        or "/" in name
        or any(word.lower() in _META_LABELS or is_date_word(word) for word in words)
    ):
        return None  # "Autor der Woche", "Author Archive", "von: Montag an"
    return ([], name) if looks_like_outlet(name) else ([name], "")


# An interview's credit line: "Jane Doe im Gespräch mit John Roe", "... in conversation with ...".
_IN_CONVERSATION = re.compile(
    r"^(?P<one>[^\W\d_][^:|]{2,40}?)\s+(?:im\s+gespr(?:ä|ae)ch\s+mit|in\s+conversation\s+with"
    r"|en\s+conversation\s+avec|en\s+conversación\s+con|in\s+conversazione\s+con"
    r"|in\s+gesprek\s+met)\s+(?P<two>[^\W\d_][^:|]{2,40}?)$",
    re.IGNORECASE,
)


def _interview_credit(line: str) -> tuple[list[str], str] | None:
    """Both people of an interview's credit line ("Jane Doe im Gespräch mit John Roe"): the
    one who speaks and the one who asks are who the piece is by; not a line whose sides are
    not both people's names (a headline: "Die Kanzlerin im Gespräch mit Schülern")."""
    match = _IN_CONVERSATION.match(line)
    if not match:
        return None
    people = [match.group("one").strip(), match.group("two").strip()]
    return (people, "") if all(map(is_person_name, people)) else None


# Labels of a meta bar's other parts, and words of a link or button a label may stand before
# ("Author Archive", "Autoren Login"): no words of a name.
_META_LABELS = frozenset(
    """archive archiv login anmelden werden profile profil page seite cover photo foto bild
    image date datum fecha data share teilen partager tags category kategorie""".split()
)


def _dated_byline_above(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """A byline with its date on one line above the headline ("Posted on 21. Juli 2019 by
    jdoe", "von Jane Doe | 20. Mai 2007 | 0 Kommentare"): the article's own, under its true
    headline, where the text was found further down the page; not an item of a list."""
    assert page.headline is not None
    for index in range(page.headline):
        raw = lines[index]
        line = _clean(raw)
        if not line or len(line) > _MAX_FURNITURE_LINE or _LIST_ITEM.match(line):
            continue
        if not any(ch.isdigit() for ch in line) or find_date(line) is None:
            continue
        found = _byline_in(line, bare=False)
        if found and found[0] and (has_byline_prefix(line) or _BY_INSIDE.search(line)):
            return found
    return None


def _published_byline(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The byline of a line that says who published the page and when ("erstellt von Jane
    — veröffentlicht 28.01.2022 06:00", "Posted on 21. Juli 2019 by jdoe"), wherever the
    page's template puts it: under the headline first, then the nearest above it. A line with
    a byline but no such label may be another story's or a comment's."""
    assert page.headline is not None
    for raw in [*lines[page.headline + 1 :], *lines[: page.headline][::-1]]:
        if _published_on(raw) is None:
            continue
        found = _byline_in(raw, bare=False)
        if found and found[0]:
            return found
    return None


# How many non-blank lines above the headline a name credited elsewhere on the page may stand.
_CREDITED_ABOVE = 3
# A short line crediting a name: "© Jane Doe", "Foto: Jane Doe", "Mehr von Jane Doe".
_CREDITS_NAME = re.compile(
    r"©|\b(?:by|von|par|por|door|foto|fotos|photo|photos|bild|text)\b", re.IGNORECASE
)
_CREDIT_WORDS = 6


def _credited_name(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """A person's name standing alone on a line by the headline (just above it, or between it
    and the text) that the page credits on another short line ("© Jane Doe" under a photo,
    "Mehr von Jane Doe" in an author box): a byline set with no "By". Not the site's name
    its copyright notice holds ("© 2024 Coastal Echo"), nor a name the article's text writes
    (its subject: a tag, a related link)."""
    assert page.headline is not None
    headline = _headline_lines(lines, page)
    above = [i for i in range(headline.start - 1, -1, -1) if lines[i].strip()][:_CREDITED_ABOVE]
    near = [*reversed(above), *range(page.headline + 1, page.start)]
    text = " ".join(
        line for raw in lines[page.start : page.end] if _is_running_text(line := _clean(raw))
    )
    lower: frozenset[str] | None = None
    for index in near:
        name = _clean(lines[index]).lstrip("*+•· ")
        if not is_person_name(name) or name in text or _in_headline(name, page.title):
            continue
        lower = _words_of_sentences(lines) if lower is None else lower
        if not _bare_name(name, lower):
            continue
        credits = (
            line
            for other, raw in enumerate(lines)
            if other not in near and name in raw
            for line in (_clean(raw),)
            if len(line.split()) <= _CREDIT_WORDS
            and _CREDITS_NAME.search(line.replace(name, ""))
            and not copyright_holder(line)
        )
        if next(credits, None) is not None:
            return [name], ""
    return None


def _copyright_notice(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The person the site's copyright notice under the text names ("© 2009-2012 Jane Doe"):
    a blog's or a personal site's writer, where nothing closer names one. Not a name the
    page's masthead shows above the headline: an outlet's that looks like a person's
    ("Coastal Echo")."""
    assert page.headline is not None
    for raw in lines[page.end :]:
        if len(raw) > _MAX_NOTICE or not copyright_holder(raw):
            continue
        holder = copyright_holder(raw, lower_case_words(lines))
        masthead = _squashed(" ".join(lines[: page.headline]))
        if holder and _squashed(holder) not in masthead:
            return [holder], ""
    return None


def _squashed(text: str) -> str:
    """`text` in lower case without spaces or punctuation: "Greentech.LIVE" -> "greentechlive"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def lower_case_words(lines: list[str]) -> frozenset[str]:
    """The words a page writes in lower case ("deutscher", "young"): a word written so is no
    part of a person's name that a notice gives."""
    return frozenset(w for line in lines for w in _LOWER_WORD.findall(line))


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[^\W\d_A-ZÀ-ÞА-Я][\w'’-]*")


# The longest line read for a copyright notice.
_MAX_NOTICE = 300


# How many lines under a page's text its author may sign it in.
_SIGNATURE_LINES = 3
# What a signature opens with: a dash ("– Jane Doe"), a copyright sign and year.
_SIGNED = re.compile(r"^(?:[-–—]\s*|©\s*(?:\d{4}\s+)?)")


# The heading of a box about the article's author, with the name after it or on the next line.
# A box's heading that is the label alone ("Autor", "The author", "Written by") counts too: its
# name must be on the next line.
_ABOUT_AUTHOR = re.compile(
    r"^(?:about\s+the\s+author|über\s+(?:den\s+autor|die\s+autorin)|à\s+propos\s+de\s+l['’]auteur"
    r"|sobre\s+(?:el|la)\s+autor[a]?|sull['’]autore)\s*(?::|[-–—]\s*(?P<name>.+))?$"
    r"|^(?:(?:the\s+)?author|autor(?:in)?|zum\s+autor|zur\s+autorin|l['’]auteur|written\s+by)\s*:?$",
    re.IGNORECASE,
)
# Where a name opening the author's biography ends: "Jane Doe (37) ist ...", "Jane Doe is ...".
_BIO_NAME = re.compile(r"^(?P<name>[^(),:]{3,60}?)\s*(?:\(|,|\s(?:ist|is|es|est|è|was|war)\s)")
# How far under a page's text the box about its author is looked for, in lines.
_ABOUT_BELOW = 60


def _beside_its_date(lines: list[str], index: int) -> bool:
    """Whether the line at `index` has what stands by an author's name right above or below
    it (a date, a relative date, a job title, a reading time), or its role or outlet under it
    ("Staff Writer", "Reuters"), and no paragraph under it (a subheading has its own)."""
    above = next((_clean(raw) for raw in reversed(lines[:index]) if raw.strip()), "")
    below = next((_clean(raw) for raw in lines[index + 1 :] if raw.strip()), "")
    if _is_paragraph_like(below):
        return False
    return any(
        (looks_like_date_line(line) and find_date(line) is not None)
        or (len(line) <= _JOB_LINE and _JOB_TITLE.match(line))
        or _BYLINE_COMPANION.match(line)
        or (len(line) <= _RELATIVE_LINE and _RELATIVE_DATE.search(line))
        for line in (above, below)
    ) or (len(below) <= _ROLE_LINE and is_byline(below) and not split_byline(below)[0])


# The longest line a relative date ("vor 2 Stunden") or a role ("Staff Writer") beside a
# name fills.
_RELATIVE_LINE = 60
_ROLE_LINE = 40
# The most words of a bare name beside its date ("Jane Doe", "Ana de Vries", "Dr. Jane Doe").
_DATED_NAME_WORDS = 3


def _dated_name_in_text(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author's bare name set in the text's column or under it, with its date, job title
    or role beside it ("Jane Doe" / "4. Mai 2022", "Pressekontakt" / "Dr. Jane Doe" /
    "Pressesprecherin Harbour AG"), as a person reads a byline wherever the template puts
    it; not an item of a list (other stories' names and dates), not a subheading."""
    end = min(len(lines), page.end + _NAME_BELOW)
    lower: frozenset[str] | None = None
    for index in range(page.start, end):
        line = _clean(lines[index])
        if has_byline_prefix(line) and is_byline(line):
            # "By Jane Doe" over its date: the name without its "By" (which a name's shape
            # lets through as a capitalised word).
            people = split_byline(line)[0]
            if people and _beside_its_date(lines, index):
                return people, ""
            continue
        if (
            not line
            or len(line) > _MAX_SIGNATURE
            or not 2 <= len(line.split()) <= _DATED_NAME_WORDS
            or not is_person_name(line)
            or not _beside_its_date(lines, index)
        ):
            continue
        lower = _words_of_sentences(lines) if lower is None else lower
        if _bare_name(line, lower):
            return [line], ""
    return None


def _about_the_author(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The name in a box about the author under the text: "About the Author - Jane Doe", or
    "Über die Autorin:" over "Jane Doe" or over a biography opening with her name."""
    text = [line for raw in lines[page.start : page.end + _ABOUT_BELOW] if (line := _clean(raw))]
    for position, line in enumerate(text[:-1]):
        match = _ABOUT_AUTHOR.match(line)
        if not match:
            continue
        following = text[position + 1].lstrip("*+•· ")
        bio = _BIO_NAME.match(following) or _NAME_BEFORE_VERB.match(following)
        for name in (match.group("name"), following, bio.group("name") if bio else None):
            if name and is_person_name(name.strip()):
                return [name.strip()], ""
        return None
    return None


# A field of an article's box of facts beside its author's: "Datum: 19.11.2021", "Quelle: …".
_FACT_FIELD = re.compile(
    r"^(?:datum|date|fecha|data|published|veröffentlicht|erschienen|quelle|source|fuente|fonte"
    r"|rubrik|kategorie|category|ressort)\s*:",
    re.IGNORECASE,
)


def _facts_author(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author a box of facts about the article names under its text, further down than a
    label alone is trusted ("Datum: 19.11.2021" / "Autor: Jane Doe" / "Quelle: Livenet"): the
    label beside another field of the box, not a comment's "Autor:" under the text."""
    text = [line for raw in lines[page.end : page.end + _ABOUT_BELOW] if (line := _clean(raw))]
    for position, line in enumerate(text):
        if not LABELLED_BYLINE.match(line) or ":" not in line[:12]:
            continue
        beside = text[max(0, position - 1) : position] + text[position + 1 : position + 2]
        if not any(_FACT_FIELD.match(other) for other in beside):
            continue
        people, credit = split_byline(line)
        if people and all(is_person_name(person) for person in people):
            return people, credit
    return None


# The longest biography under an author's name, in characters.
_MAX_BIO = 600
# A biography's name and the verb in lower case after it: "Jane Doe covers transport ...".
_NAME_BEFORE_VERB = re.compile(
    r"^(?P<name>(?:[^\W\d_][\w'’.-]*\s+){1,3}?[^\W\d_][\w'’.-]*)\s+(?=[a-zà-ÿ])"
)
# A line about the author closing the text: her name, "is a" and her job ("Jane Doe is a
# transport reporter at the Northfield Courier.", "Jana Müller ist Redakteurin im Ressort …").
_AUTHOR_BIO = re.compile(
    r"^(?P<name>[^\W\d_][^,.;:()]{2,50}?)\s+(?:is|was|ist|war|est|es|è|é)\s+"
    r"(?:(?:a|an|the|ein|eine|un|une|una|uno|um|uma)\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?:senior|staff|freelance|contributing)\s+)?"
    r"(?:reporter|journalist|correspondent|writer|editor|columnist|contributor|author"
    r"|redakteur|korrespondent|journalist|journaliste|correspondant|periodista|corresponsal"
    r"|giornalista|corrispondente|jornalista|redactor|redattore)(?:in|e|a|s)?\b",
    re.IGNORECASE,
)
# A line under the text that tells how to reach its author or read more of hers: "Jane Doe
# can be reached at …", "Contact Jane Doe at …", "Follow Jane Doe on Twitter", "More from
# Jane Doe", "Contact the author: Jane Doe".
# (A contact form's "Email" / "Message" / "Send Message" names no one: the verb needs its "at".)
_AUTHOR_CONTACT = re.compile(
    r"^(?:contact|email|e-mail|reach|write\s+to|follow)\s+(?P<name>[^\W\d_][^,.;:()@]{2,50}?)"
    r"\s+(?:at|on|via|auf)\b"
    r"|^(?:contact\s+the\s+(?:author|writer|reporter)\s*:\s*|more\s+(?:stories\s+|articles\s+)?"
    r"(?:from|by)\s+|mehr\s+(?:artikel\s+)?von\s+)(?P<labelled>[^\W\d_][^,.;:()@]{2,50}?)\s*\.?$"
    r"|^(?P<reached>[^\W\d_][^,.;:()@]{2,50}?)\s+can\s+be\s+(?:reached|contacted|emailed)\b",
    re.IGNORECASE,
)
# Who reported or wrote the story, said under it: "Jane Doe reported from Northfield.", "This
# article was written by Jane Doe.", "Jane Doe reported from Kyiv, and John Roe from London."
_REPORTED = re.compile(
    r"^(?P<name>[^\W\d_][^,.;:()@]{2,50}?)\s+reported\s+from\s+(?-i:[A-Z])"
    r"|^this\s+(?:article|story|report|piece)\s+was\s+(?:written|reported)\s+by\s+"
    r"(?P<writer>[^\W\d_][^,.;:()@]{2,50}?)\s*\.?$",
    re.IGNORECASE,
)
# How many blocks of lines from the text's last one a line about its author is looked for in.
_BIO_BLOCKS = 4


def _author_bio(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author a line about them names, in the text's last paragraph or the few blocks
    under it: "Jane Doe is a transport reporter at the Northfield Courier." (a sentence
    about someone else in the story names no job of the paper's, or stands further up), or
    how to reach her ("Follow Jane Doe on Twitter", "Jane Doe can be reached at …")."""
    first = page.end - 1
    while first > page.start and lines[first - 1].strip():
        first -= 1  # the last paragraph's first line: a text browser wraps a paragraph
    blocks: list[str] = []
    for index in range(first, min(len(lines), page.end + _ABOUT_BELOW)):
        line = _clean(lines[index])
        if not line:
            continue
        if blocks and lines[index - 1].strip():
            blocks[-1] += f" {line}"  # a line of the block above, wrapped
        elif len(blocks) == _BIO_BLOCKS:
            break
        else:
            blocks.append(line)
    for block in blocks:
        if len(block) > _MAX_BIO:
            continue
        if (match := _AUTHOR_BIO.match(block)) and is_person_name(match.group("name")):
            return [match.group("name")], ""
        contact = _AUTHOR_CONTACT.match(block) or _REPORTED.match(block)
        name = next((found for found in contact.groups() if found), "") if contact else ""
        if name and is_person_name(name) and not looks_like_outlet(name):
            return [name], ""
    return None


def _named_over_bio(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author of a box with no heading: a name alone over a short biography that opens
    with the same name and a verb ("Jane Doe" / "Jane Doe teaches history in Zurich. ...")."""
    text = [line for raw in lines[page.start : page.end + _ABOUT_BELOW] if (line := _clean(raw))]
    for line, following in zip(text, text[1:], strict=False):
        name = line.lstrip("*+•· ")
        rest = following.removeprefix(f"{name} ")
        if (
            rest != following
            and rest[:1].islower()
            and len(following) <= _MAX_BIO
            and is_person_name(name)
        ):
            return [name], ""
        more = _MORE_BY.fullmatch(following.lstrip("*+•· "))
        who = more and (more.group("name") or more.group("name2"))
        if more and who in (None, name) and is_person_name(name):
            return [name], ""  # "Jane Doe" / "Weitere Beiträge": the author's box, its link
    return None


# The link under an author's name in her box to all she wrote: "Weitere Beiträge", "More
# posts", "Alle Artikel von Jane Doe", "Alles von Jane Doe", "View all posts by Jane Doe".
_MORE_BY = re.compile(
    r"(?:(?:weitere|alle|mehr)\s+(?:beiträge|artikel|texte)|(?:view\s+)?(?:more|all)\s+"
    r"(?:posts|articles|stories))(?:\s+(?:von|by)\s+(?P<name>[^»›>→]+?))?\s*[»›>→]?"
    r"|(?:alles|mehr)\s+von\s+(?P<name2>[^»›>→]+?)\s*[»›>→]?",
    re.IGNORECASE,
)


def _signature(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author's name signing the text: a line under the last paragraph that is only a
    person's name after a dash or a copyright sign ("– Jane Doe", "© 2020 Jane Doe"), above
    any list (tags, links). A name alone there is too often a heading or a commenter's."""
    following = [raw for raw in lines[page.end : page.end + _SIGNATURE_LINES * 3] if raw.strip()]
    for position, raw in enumerate(following[:_SIGNATURE_LINES]):
        line = _clean(raw)
        after = _clean(following[position + 1]) if position + 1 < len(following) else ""
        if _LIST_ITEM.match(line) and not (line[:1] in "-–" and not _LIST_ITEM.match(after)):
            return None  # a list, not "- Jane Doe" signing the text
        if line[:1] + line[-1:] == "()":
            line = line[1:-1]  # "(Jane Doe, dpa)"
        signed = _SIGNED.match(line)
        name = line[signed.end() :] if signed else line
        if signed and is_person_name(name):
            return [name], ""
        # "Jane Doe/dpa", "(Jane Doe, dpa)": the writer and her agency; "– Jane Doe, Northfield":
        # where she signed from.
        people, credit = split_byline(name) if "/" in name or ", " in name else ([], "")
        if len(people) == 1 and is_person_name(people[0]) and len(name) <= _MAX_SIGNATURE:
            if is_agency(credit):
                return people, credit
            if signed and (not credit or is_place(credit)):
                return people, ""
    return None


# A name in brackets signing the text: after its last sentence, or on a line of its own under
# it, with an end mark after it at most ("... bleibt spannend. (Jane Doe) +++").
_BRACKETED_NAME = re.compile(r"(?:^|(?<=[.!?…])\s+)\((?P<name>[^()\d]{5,40})\)(?:\s*[+■□◆]{1,3})?$")


def _bracketed_signature(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author's name in brackets closing the text's last paragraph or on the line under
    it ("... the council said. (Jane Doe)"), as a regional paper signs its stories; not where
    the paragraph is a quotation (then it names the speaker)."""
    closing = [line for raw in lines[page.start : page.end + 2] if (line := _clean(raw))]
    for position in range(len(closing) - 1, max(-1, len(closing) - 3), -1):
        line = closing[position]
        if line[-1:] not in ")+■□◆":
            continue
        signed = _BRACKETED_NAME.search(line)
        if signed is None:
            continue
        name = signed.group("name").strip()
        quoted = line if signed.start() else (closing[position - 1] if position else "")
        if quoted[:1] in _QUOTE_MARKS or not 2 <= len(name.split()) <= 3:
            return None
        return ([name], "") if is_person_name(name) else None
    return None


# A date line with its label, as a post's box of labelled facts gives it ("Published: 03
# December 2019", "Datum: 12.03.2024").
_DATE_FACT = re.compile(
    r"^(?:published|posted|date|updated|datum|veröffentlicht|erschienen|erstellt|publié|publicado"
    r"|pubblicato)(?:\s+(?:on|am|le|el|il))?\s*:\s*\S",
    re.IGNORECASE,
)
# How far under the text a box of labelled facts is looked for (its lines, blank or not).
_META_BLOCK_BELOW = 60


def _labelled_meta_block(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author a box of labelled facts under the text names ("Author: Jane Doe" /
    "Published: 03 December 2019"): a label and a colon, with a labelled date on the line
    right above or under it; further under the text than the labels `_page_byline` reads
    alone, as pictures' captions may end the text early."""
    closing = [
        _clean(raw).lstrip("*+•·- ")
        for raw in lines[page.end : page.end + _META_BLOCK_BELOW]
        if raw.strip()
    ]
    for position, line in enumerate(closing):
        label = LABELLED_BYLINE.match(line)
        if label is None or ":" not in line[: label.end() + 1]:
            continue
        beside = closing[max(0, position - 1) : position] + closing[position + 1 : position + 2]
        if not any(_DATE_FACT.match(other) and find_date(other) for other in beside):
            continue
        people, _ = split_byline(line)
        if people and all(is_person_name(person) for person in people):
            return people, ""
    return None


_QUOTE_MARKS = '"„“”«»‚‘’‹›'


def _name_under_paragraph(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author's bare name signing a paragraph of the text: a line that is only a person's
    name set right under a paragraph, in its column (no blank line between, as a signature
    closes a column), with no running text right under it. A subheading has its paragraph
    under it; a label or heading ("Nutrition Facts") has words the page writes in lower case."""
    end = min(len(lines), page.end + _SIGNATURE_LINES * 3)
    lower: frozenset[str] | None = None
    for index in range(page.start + 1, end):
        name = lines[index].strip()
        if (
            not name
            or len(name) > _MAX_SIGNATURE
            or _indent(lines[index - 1]) != _indent(lines[index])
        ):
            continue
        above = _clean(lines[index - 1])
        if (
            not _is_paragraph_like(above)
            or _LIST_ITEM.match(above)  # a list's last item: a table's heading follows it
            or not is_person_name(_clean(name))
        ):
            continue
        name = _clean(name)
        following = _next_line(lines, index)
        if _is_running_text(following) or looks_like_date_line(following):
            continue
        lower = lower_case_words(lines) if lower is None else lower
        if not any(word.lower() in lower for word in name.split()):
            return [name], ""
    return None


# A note's mark opening a line under the text: "(1) These figures ...", "[2] See ...", "3) ...".
_NOTE_MARK = re.compile(r"^(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}\))\s*\S")


def _signed_above_notes(lines: list[str], page: PageArticle) -> tuple[list[str], str] | None:
    """The author's bare name signing the text above its notes: a person's name alone, set
    apart by blank lines, between a paragraph that ends a sentence and the first of the notes
    ("Jane Doe" / "(1) These figures come from ..."), as a journal signs an essay. A name over
    running text is a heading or a commenter's; over a note, it closes what it follows."""
    end = min(len(lines), page.end + _SIGNATURE_LINES * 3)
    lower: frozenset[str] | None = None
    for index in range(page.start + 1, end - 1):
        name = _clean(lines[index])
        if (
            not name
            or lines[index - 1].strip()
            or lines[index + 1].strip()
            or not 2 <= len(name.split()) <= 3
            or not is_person_name(name)
            or is_place(name)
        ):
            continue
        above = _clean(next((raw for raw in lines[index - 1 :: -1] if raw.strip()), ""))
        if not (_is_paragraph_like(above) and above.endswith(_STOPS)):
            continue
        if not _NOTE_MARK.match(_next_line(lines, index)):
            continue
        lower = lower_case_words(lines) if lower is None else lower
        if not any(word.lower() in lower for word in name.split()):
            return [name], ""
    return None


def _source_under_paragraph(lines: list[str], page: PageArticle) -> str:
    """The outlet a source line under a paragraph of the text credits ("Quelle: kathpress",
    see `source_credit`), where the page's text runs on past it (a list of links, the next
    story's teaser) and its last paragraph names none."""
    end = min(len(lines), page.end + _SIGNATURE_LINES * 3)
    above = ""
    for raw in lines[page.start : end]:
        line = raw.strip()
        if not line:
            continue
        if len(line) <= _SOURCE_LINE and ":" in line and _is_paragraph_like(_clean(above)):
            credit = source_credit(line) if not _LIST_ITEM.match(above) else ""
            if credit:
                return credit
        above = line
    return ""


# The longest source line under a paragraph ("Quelle: MDR THÜRINGEN/ls").
_SOURCE_LINE = 60


# The longest line that may be a bare name signing a paragraph.
_MAX_SIGNATURE = 60


_LIST_ITEM = re.compile(r"^[*+•·o-]\s")


_STOPS = (".", "!", "?", "…", ".»", ".“", '."', ")")
# The fewest words of the caption or paragraph under an author's bare name.
_CAPTION_WORDS = 6


def _one_of_a_series(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is an item of a list whose next or previous item opens
    with the same word: a list of posts ("* Blogposting 01/26/2020"), not a byline."""
    item = lines[index].strip()
    if not _LIST_ITEM.match(item):
        return False
    first = item.split()[1:2]
    above = next((raw.strip() for raw in reversed(lines[:index]) if raw.strip()), "")
    below = next((raw.strip() for raw in lines[index + 1 :] if raw.strip()), "")
    return any(
        bool(_LIST_ITEM.match(other)) and other.split()[1:2] == first for other in (above, below)
    )


def _alone_under_headline(lines: list[str], index: int, low: int, page: PageArticle) -> bool:
    """Whether the line at `index` (of `lines`, which start at line `low` of the page) stands
    between the headline and the text as a block of its own: a bare name there is the
    author's ("Headline" / "Standfirst." / "Jane Doe" / "Photo caption" / "Text")."""
    assert page.headline is not None
    if not page.headline < low + index < page.start or _LIST_ITEM.match(lines[index].strip()):
        return False  # "+ Flexible Jobs": an item of a menu
    above = lines[index - 1].strip() if index > 0 else ""
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if above or below:
        return False
    above_at = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), -1)
    following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), len(lines))
    previous = lines[above_at].strip() if above_at >= 0 else ""
    after = lines[following].strip() if following < len(lines) else ""
    # Right over the text too: a theme's author link alone under the headline ("Example
    # Data", the text's first heading, uses the text's words and is no name by `_bare_name`).
    # "FOTO:" / "Jane Doe": who took the photo.
    # "Popular Slideshows" / "Buy-Sell Ideas" / "Money-making ideas": a heading in a list.
    # Between the headline or a sentence (the standfirst) and a caption or a paragraph, it
    # names no section.
    set_apart = low + above_at == page.headline or previous.endswith(_STOPS)
    return set_apart and len(after.split()) >= _CAPTION_WORDS


def _in_menu(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is an item of a list between other items, none of them a
    date: a menu's or a tag's name, not an author's, even when shaped like a person's (a
    byline set as a list has the date as an item: "* Jane Doe" / "* 19.10.19, 12:00")."""
    if not _LIST_ITEM.match(lines[index].strip()):
        return False
    above = next((raw.strip() for raw in reversed(lines[:index]) if raw.strip()), "")
    below = next((raw.strip() for raw in lines[index + 1 :] if raw.strip()), "")
    items = [item for item in (above, below) if _LIST_ITEM.match(item)]
    # The last item of a menu too: a byline's list holds its date, a menu's never does.
    return bool(items) and not any(_dated_neighbour(i.lstrip("*+•·o- ")) for i in items)


def _page_date(lines: list[str], page: PageArticle) -> datetime | None:
    """The date of a page saved as text where no date line stands under its headline: one
    run together with other words in the headline's block (below it first, then the nearest
    above it, never the headline's own words), one opening the lede, a date line under the
    first paragraphs, a labelled one ("Published: ...") in or under the text, a line that is
    only a date in or under the text."""
    assert page.headline is not None
    # A date in a sentence there (the standfirst, a caption) is what the text is about, unless
    # the line opens as a byline or with the date ("By Jane Doe on 3 May 2023 | 18 Comments.").
    below = [
        line
        for index in range(page.headline + 1, _header_end(lines, page))
        if not (_is_running_text(line := _clean(lines[index])) or _in_fact_sheet(lines, index))
        or has_byline_prefix(line)
        or _DATE_IN_LINE_START.match(line)
    ]
    # "Updated: ..." says when the page changed: a date above the headline says when it was
    # published, and the updated one stands in only where the header holds no other.
    changed = [line for line in below if _UPDATED.match(line)]
    below = [line for line in below if not _UPDATED.match(line)]
    # "08.11.2021 | Headline": the headline's line (and the crumbs that repeat the headline)
    # without the headline's words.
    above = [
        _clean(raw).replace(page.title, " ")
        for raw in lines[max(0, page.headline - _DATE_ABOVE) : page.headline + 1][::-1]
    ]
    found = next(filter(None, map(find_date, below)), None)
    found = found or next(filter(None, map(find_date, above)), None)
    found = found or next(filter(None, map(find_date, changed)), None)
    if found is not None:
        return found
    opening = _DATE_IN_LINE_START.match(_clean(lines[page.start]))
    if opening:
        # "Red. / 31.10.2023 The former colony ...": the date was run into the lede.
        found = find_date(opening.group(0))
        if found is not None:
            return found
    # A date line under the standfirst or the first paragraph, not one in a sentence.
    under = [_clean(raw) for raw in lines[page.start : page.start + _NAME_BELOW]]
    short = (line for line in under if len(line) <= _DATE_LINE and not _is_running_text(line))
    found = next(filter(None, map(find_date, short)), None)
    if found is not None:
        return found
    # "Published: 3 December 2019", "Erschienen am: 01.11.2023" in or under the text; else a
    # line of its own that is only a date ("19.11.2021"), not one of a list.
    text = [
        line
        for raw in lines[page.start : page.end + _NAME_BELOW]
        if (line := _clean(raw)) and len(line) <= _DATE_LINE
    ]
    labelled = (line for line in text if _LABELLED_DATE.search(line))
    found = next(filter(None, map(find_date, labelled)), None)
    if found is not None:
        return found
    alone = (
        line
        for line in text
        if len(line) <= _DATE_ALONE and not _LIST_ITEM.match(line) and looks_like_date_line(line)
    )
    found = next(filter(None, map(find_date, alone)), None)
    if found is not None:
        return found
    # Right under the text, where blogs and wikis close an article: "Jane Doe 2021-12-14 |
    # News | 0 Comments", "(last edited 2019-11-10 13:28 by jdoe)".
    closing = [line for raw in lines[page.end : page.end + _NAME_BELOW] if (line := _clean(raw))]
    found = next(filter(None, map(find_date, closing[:_CLOSING_LINES])), None)
    if found is not None:
        return found
    # Further above the headline (over its photo, its share bar): a labelled date or a line
    # that is only a date, the nearest first.
    higher = [
        (position, line)
        for position, raw in enumerate(
            lines[max(0, page.headline - _LABELLED_FAR) : page.headline][::-1], start=1
        )
        if (line := _clean(raw)) and len(line) <= _DATE_LINE and not _LIST_ITEM.match(line)
    ]
    dated = (
        line
        for position, line in higher
        if (
            position <= _LABELLED_ABOVE
            and (len(line) <= _DATE_ALONE and looks_like_date_line(line))
            or _LABELLED_DATE.search(line)
        )
    )
    found = next(filter(None, map(find_date, dated)), None)
    if found is not None:
        return found
    # Anywhere on the page, under the headline first: a line that labels its date as the
    # publication's ("erstellt von Jane — veröffentlicht 28.01.2022 06:00" under a list of
    # related stories, where the page's template puts it).
    order = [*lines[page.headline + 1 :], *lines[: page.headline][::-1]]
    return next(filter(None, map(_published_on, order)), None)


# A label that says the date right after it is the publication's.
_PUBLISHED_ON = re.compile(
    r"\b(?:published|posted|ver(?:ö|oe)ffentlicht|erschienen|publiée?|publicado|pubblicato"
    r"|gepubliceerd|opublikowano|опубликовано)(?:\s+(?:on|am|le|el|il|em|op|в))?\s*:?\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# The same, with the date right after it ("12.03.", "March 12"), where an update's date
# stands on the line too. Not "created": a page made before its text was published ("Last
# updated 04 Jun 2020, originally created 17 Jun 2019") is dated by its update.
_PUBLISHED_AT = re.compile(
    r"\b(?:published|posted|ver(?:ö|oe)ffentlicht|erschienen|publiée?|publicado|pubblicato"
    r"|gepubliceerd|opublikowano|опубликовано|mis\s+en\s+ligne|erstellt|publicerad|publiceret"
    r"|publisert)"
    r"(?:\s+(?:on|am|le|el|il|em|op|в))?\s*:?\s*(?=\d|[^\W\d_]+\.?\s+\d)",
    re.IGNORECASE,
)


def _first_dated(line: str) -> datetime | None:
    """The date a line that also gives an update's labels as the publication's ("Updated:
    14.03.2024 | Published: 12.03.2024", "Aktualisiert am 14.03.2024, veröffentlicht am
    12.03.2024"), or None."""
    match = _PUBLISHED_AT.search(line)
    return find_date(line[match.end() : match.end() + _LABELLED_REACH]) if match else None


# How much of a line after such a label may hold its date.
_LABELLED_REACH = 40


def _published_on(raw: str) -> datetime | None:
    """The date a line labels as the publication's, written right after the label, or a
    line says the post was published on, the verb after it (`_PUBLISHED_PASSIVE`)."""
    if len(raw) > _PASSIVE_LINE or not _DIGIT.search(raw):
        return None
    line = _clean(raw)
    passive = _PUBLISHED_PASSIVE.search(line) if "wurde" in line else None
    if passive:
        return find_date(passive.group("when"))
    if len(raw) > _DATE_LINE * 2:
        return None
    match = _PUBLISHED_ON.search(line) if len(line) <= _DATE_LINE else None
    return find_date(line[match.end() : match.end() + _LABELLED_REACH]) if match else None


# A post's footer saying when it was published, the verb last as German puts it: "Dieser
# Beitrag wurde am 27. November 2019 um 15:21 Uhr veröffentlicht", "Diese Seite wurde zuletzt
# am 29. Januar 2020 geändert". Not "wurde am 28. März 1926 in Wien geboren".
_PUBLISHED_PASSIVE = re.compile(
    r"\bwurde\s+(?:zuletzt\s+)?am\s+(?P<when>.{6,80}?)"
    r"\s+(?:ver(?:ö|oe)ffentlicht|gepostet|publiziert|geändert)\b"
)
# The longest line such a footer is looked for in.
_PASSIVE_LINE = 300


def _date_alone_near_top(lines: list[str]) -> datetime | None:
    """A line near the top of a file that is only a date, a list's bullet before it ("* 31.03.2020"
    under a byline the header did not read as one) or an item of a meta bar, where nothing
    else dated the file."""
    for raw in lines:
        # "⋅ November 22, 2011 ⋅ Email this post ⋅ Print": a meta bar's items apart.
        for item in _BAR_ITEMS.split(_clean(raw)):
            line = item.strip("*+•·⋅| ")
            if line and len(line) <= _DATE_ALONE and looks_like_date_line(line):
                found = parse_date(line)
                if found is not None:
                    return found
    return None


# What sets a meta bar's items apart: a bar, a dot, a bullet between spaces.
_BAR_ITEMS = re.compile(r"\s[|⋅•·]\s")


# A PHP error the server printed into the page ("Warning: ... in /www/wp-db.php on line 56"):
# its label opens a line, its place in the code closes it or one of the next lines (a text
# browser wraps it).
_SERVER_ERROR = re.compile(
    r"^\s*(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable\s+)?Fatal error"
    r"|Parse error)\s*:\s+\S"
)
_SERVER_ERROR_ANYWHERE = re.compile(_SERVER_ERROR.pattern, re.MULTILINE)
_SERVER_ERROR_END = re.compile(r"\bon\s+line\s+\d+\s*$")
_SERVER_ERROR_LINES = 4  # the most lines a wrapped server error runs over


def _without_server_errors(text: str) -> list[str]:
    """The lines of `text` with the server's PHP errors blanked (`_SERVER_ERROR`): no part of
    the page a reader reads, they would be taken for its headline or its first paragraph."""
    lines = text.split("\n")
    # ("on line" may open a line: a text browser wraps a long error before it.)
    if "on line " not in text or not _SERVER_ERROR_ANYWHERE.search(text):
        return lines
    found = list(lines)
    for index, line in enumerate(lines):
        if not _SERVER_ERROR.match(line):
            continue
        reach = lines[index : index + _SERVER_ERROR_LINES]
        end = next((n for n, part in enumerate(reach) if _SERVER_ERROR_END.search(part)), None)
        if end is not None:
            found[index : index + end + 1] = [""] * (end + 1)
    return found


# A paragraph opening with a letter set apart from the rest of its word: a drop capital,
# which a renderer sets apart ("T he council voted …", "H ong Kong is burning").
_DROPPED_CAPITAL = re.compile(r"^([^\W\d_a-z])\s([^\W\d_A-Z]+)\b")
_LETTERS = re.compile(r"[^\W\d_]+")


def _without_dropped_capitals(paragraphs: list[str]) -> list[str]:
    """`paragraphs` with each drop capital joined to its word again: where the word it makes
    is said elsewhere in the text more often than what follows the letter ("T he" -> "The":
    "the" is said more than "he"; "W tym", Polish "in this", stays: "wtym" is no word)."""
    if not any(_DROPPED_CAPITAL.match(paragraph) for paragraph in paragraphs):
        return paragraphs
    counts = Counter(
        word.lower() for paragraph in paragraphs for word in _LETTERS.findall(paragraph)
    )
    joined = []
    for paragraph in paragraphs:
        dropped = _DROPPED_CAPITAL.match(paragraph)
        if dropped:
            letter, rest = dropped.groups()
            word = f"{letter}{rest}".lower()
            if counts[word] > counts[rest.lower()] - 1:  # (less the fragment here)
                paragraph = f"{letter}{paragraph[dropped.start(2) :]}"
        joined.append(paragraph)
    return joined


# What a text browser shows for a picture: its alt text or its file's name in brackets,
# a short label, no sentence ("[GettyImages]", "[tram_2.jpg]", "[Tram at the depot]").
_PICTURE = r"\[[^\[\]!?:…]{0,39}[^\[\].!?:…]\]"
_PICTURES_ALONE = re.compile(rf"(?:{_PICTURE}\s*)+")
# The same run into the first word with no space, as w3m sets an inline picture: "[tram]The".
_PICTURES_GLUED = re.compile(r"(?:\[[^\[\]\s.!?:…]{1,40}\])+(?=[^\W\d_])")


def _without_leading_pictures(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without the pictures a text browser set over the text: paragraphs that
    are only a picture's label in brackets, and such labels run into the first word."""
    first = 0
    while first < len(paragraphs) - 1 and _PICTURES_ALONE.fullmatch(paragraphs[first]):
        first += 1
    lede = _PICTURES_GLUED.sub("", paragraphs[first], count=1) if first < len(paragraphs) else ""
    return [lede, *paragraphs[first + 1 :]] if lede else paragraphs[first:]


_DRAWN_RULE = re.compile(r"[━─]{3,}(?:\s+[━─]{3,})*")


# A list's mark alone on a line, as inscriptis, lynx and w3m set an item with no text.
_LONE_BULLET = re.compile(r"\s*[*+•·o◦▪▫‣⁃■□●○]\s*")
_AD_SLOT = re.compile(
    r"(?:[-–—]+\s*)?(?:advertisements?|advertising|anzeige|werbung|publicité|publicidad|publicidade"
    r"|pubblicità|advertentie|reklame|reklama|sponsored|ads?)(?:\s*[-–—]+)?",
    re.IGNORECASE,
)
_LONGEST_AD_SLOT = 24
# Lines that are only lynx's numbers of links ("[30]", "[43] [44]"), with no text of a link.
_LONE_LINK_MARKS = re.compile(r"\s*(?:\[\d{1,4}\]\s*)+")


def parse_text(text: str, name: str = "") -> Draft:
    """One article from scraped plain text (already decoded and sanitised); `name` is the
    file's name without its extension, which often names a saved page's article."""
    lines = _without_server_errors(text)
    numbered = False  # whether lynx numbered the page's links and listed them at its end
    if "References" in text:
        listed = without_link_list(lines)
        numbered, lines = len(listed) < len(lines), listed
    state = _State()
    # A page a text browser wrapped is read as the page it was: its byline, date lines and
    # paragraphs each on a line of their own again.
    joined = unwrapped_page(lines)
    page = find_article(joined, name)
    if joined is not lines:
        if page is not None and page.headline is not None:
            lines = joined
        else:
            page = find_article(lines, name)
    whole = lines  # the page's lines, as `lines` becomes its article's
    if page is not None and page.headline is not None:
        # A whole page saved as text: its menus, teasers and footer are left out.
        if link_marked(lines):
            # "[30]" alone on a line: lynx's number for a link whose text is a picture or a
            # block under it. A reader sees nothing there: a name or a caption under it stands
            # apart as it does in the page.
            lines = [
                ("" if numbered and _LONE_LINK_MARKS.fullmatch(line) else LINK_MARK.sub("", line))
                if "[" in line
                else line
                for line in lines
            ]
        # A list's mark with nothing after it ("*", "•"): a text browser's item for an icon
        # (a share button, a social link). A reader sees nothing there.
        lines = ["" if _LONE_BULLET.fullmatch(line) else line for line in lines]
        # An ad slot's label between the headline and the text ("Advertisement", "Anzeige"):
        # an empty box where a page is read, which would set a name over it apart from the
        # blank line under the headline. (In the text, a paragraph may run on around it.)
        for index in range(page.headline + 1, page.start):
            slot = lines[index].strip()
            if len(slot) <= _LONGEST_AD_SLOT and _AD_SLOT.fullmatch(slot):
                lines[index] = ""
        _read_page_header(lines, page, state)
        whole = lines
        above = [line for first, end in page.summary() for line in (*lines[first:end], "")]
        lines = above + lines[page.start : page.end]
        start = 0
    else:
        start = _header(lines, state)
    layout = _layout(lines[start:])
    known = len(state.bylines)
    paragraphs = _paragraphs(
        _body_lines(lines[start:], state, layout, in_page=page is not None), layout
    )
    if layout.wrapped:
        # A line of furniture a text browser wrapped ("Sign up for the free daily" /
        # "newsletter.") is one only once its lines are joined.
        paragraphs = [paragraph for paragraph in paragraphs if not is_furniture(paragraph)]
    paragraphs = _without_dropped_capitals(paragraphs)
    if paragraphs and paragraphs[0].startswith("["):
        paragraphs = _without_leading_pictures(paragraphs)
    if page is not None and page.headline is not None and paragraphs:
        # "Analyse Après une semaine agitée, ...": the kicker's label set in a span of its own
        # before the lede, run into it once the page is text.
        paragraphs[0] = after_glued_kicker(paragraphs[0]) or paragraphs[0]
    if "━" in text or "─" in text:
        # w3m draws <hr> as a row of box-drawing lines: no paragraph of the text.
        paragraphs = [paragraph for paragraph in paragraphs if not _DRAWN_RULE.fullmatch(paragraph)]
    if page is not None and any(people for people, _ in state.bylines[:known]):
        # In a page's text, bylines under the one by its headline are other stories' (a
        # related story's, a quoted post's), not more authors of this one.
        del state.bylines[known:]
    if state.published is None:
        # As in scraped text: a line near the top of the file that is only a date.
        state.published = _date_alone_near_top(whole[: _MAX_HEADER_LINES * 2])
    site = _site_suffix(state.title, state) if page is None or page.headline is None else ""
    if site and _names_its_site(whole, None, site):
        # "Headline - Northfield Courier" over text that closes "© 2024 Northfield Courier".
        state.source = site
        _set_title(state.title, state)
    if not paragraphs and state.title.endswith(_SENTENCE_END):
        paragraphs = [state.title]  # A file of one sentence: it is the text, not a title.
        state.title = ""
    if paragraphs and not state.title:
        state.title = _made_up_title(paragraphs[0])
    authors, credit = merge_bylines(state.bylines)
    if page is not None and any(_GLUED_IN.search(name) for name in (*authors, credit)):
        authors, credit = _without_glued_categories(authors, credit, whole)
    if authors and state.credit and not looks_like_outlet(state.credit):
        # "Source: Occupy People from the Internet" under a post its author signed: where the
        # text came from, not an outlet that wrote it with them.
        state.credit = ""
    if not (credit or state.credit) and paragraphs:
        credit = agency_credit(paragraphs[0], paragraphs[-1])
    if not (credit or state.credit) and page is not None and page.headline is not None:
        credit = _source_under_paragraph(whole, page)
    return Draft(
        title=state.title,
        source=state.source,
        section=state.section,
        published=state.published,
        authors=authors,
        credit=credit or state.credit,
        url=state.url,
        paragraphs=paragraphs,
        language=state.language,
    )
