"""Bylines: who wrote an article ("By Jane Doe and John Roe") and which outlet it credits.

People go to `authors`; news agencies, outlets and bare staff roles go to `credit`. A name is
judged by its shape (two to five capitalised words, initials and particles allowed), so unknown
outlets such as "Azernews" still end up as a credit rather than as a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, for word lists written as prose."""
    return frozenset(text.split())


# Well-known agencies, matched case-insensitively; anything not shaped like a person is a credit
# too, this list only rescues agency names that look like a person's ("Associated Press").
_AGENCIES = _words(
    """afp ap reuters bloomberg xinhua tass interfax dpa ansa efe pti ians anadolu upi kyodo
    yonhap ria novosti sputnik itar-tass trend apa azertac bernama antara aap cna kuna wam spa
    mena irna isna unb bss ani ukrinform unian belta kazinform akipress"""
) | {
    "associated press",
    "agence france-presse",
    "agence france presse",
    "press association",
    "press trust of india",
    "indo-asian news service",
    "anadolu agency",
    "xinhua news agency",
    "ria novosti",
    "itar tass",
    "bloomberg news",
    "reuters staff",
    "dow jones",
    "canadian press",
    "the canadian press",
    "the associated press",
    "pa media",
    "bbc news",
    "cnn wire",
}

# Words that make a phrase a job or a desk rather than a person's name.
_ROLE_WORDS = _words(
    """staff reporter reporters writer writers correspondent correspondents editor editors
    editorial desk team bureau contributor contributors columnist analyst journalist journalists
    author authors senior special chief our political business foreign news web online digital
    sports science health diplomatic economics technology associate deputy managing
    international national local city freelance guest"""
)

_TRAILING_ROLES = _words(
    "staff reporter reporters writer writers correspondent correspondents desk team bureau"
)

# Words that mark a name as an organisation.
_OUTLET_WORDS = _words(
    """news press agency times post media service services network daily journal herald
    tribune gazette wire tv radio online group newspaper magazine telegraph guardian
    independent observer chronicle review today reuters agence"""
)

# Lower-case words allowed inside a person's name.
_PARTICLES = _words("de da di del della der den van von ter le la du dos das bin ibn al el y e st")

# "By", "Written by", "Reporting by", "Additional reporting by"; also French, German,
# Spanish, Italian, Portuguese, Dutch and Russian forms.
_PREFIX = re.compile(
    r"""^(?:
        (?:(?:additional|further)\s+)?(?:reporting|reported|written|words|story|text|compiled
          |edited|editing|writing|research|interview|photos?|video)\s+by
        | by | author(?:s)?\s*: | text\s*: | words\s*: | reporter\s*:
        | par | von | por | di | door | av | автор(?:ы)?\s*:? | текст\s*:
    )\s+""",
    re.IGNORECASE | re.VERBOSE,
)
_ROLE_PREFIX = re.compile(
    r"^(?:editing|edited|writing|photos?|video|graphics|research|translation|translated)\s+by\s+",
    re.IGNORECASE,
)
# "By Jane Doe in Paris", "By Jane Doe for The Guardian", "Jane Doe at Bloomberg".
_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’ -]*$")
_FOR_OUTLET = re.compile(r"\s+(?:for|at|of|from)\s+(?P<outlet>(?:the\s+)?[A-Z][\w.&'’ -]*)$")
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\be\b)\s*")
_DATE_TAIL = re.compile(
    r"\s*(?:[|,;–—-]\s*)?(?:updated|published|posted)?[:\s]*\d{1,4}[\s./-]\w+.*$", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’.-]+")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+-?(?:[A-Z]\.)*$|^[A-Z]$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")


def _is_capitalised(word: str) -> bool:
    if word[:1].isupper():
        return not word.isupper() or _INITIAL.match(word) is not None or len(word) <= 2
    # "al-Amin", "d'Estaing", "bin-Salman": a lower-case particle joined to a capitalised name.
    head, _, tail = word.replace("’", "'").replace("'", "-", 1).partition("-")
    return head in _PARTICLES | {"d", "l", "o"} and tail[:1].isupper()


def is_person_name(text: str) -> bool:
    """Whether `text` is shaped like a person's name: 'Jane Doe', 'J.R. Smith', 'Ali al-Amin'."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if text.lower() in _AGENCIES:
        return False
    capitals = 0
    for word in words:
        lowered = word.lower().rstrip(".")
        if lowered in _ROLE_WORDS or lowered in _OUTLET_WORDS:
            return False
        if lowered in _PARTICLES and word[:1].islower():
            continue
        if not _NAME_WORD.match(word) and not _INITIAL.match(word):
            return False
        if not _is_capitalised(word):
            return False
        capitals += 1
    # A name ends in a surname, not an initial or particle ("Jane D." is fine, "Jane de" is not).
    last = words[-1]
    return capitals >= 2 and last.lower() not in _PARTICLES


def _is_role(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and all(word in _ROLE_WORDS for word in words)


def _tidy_case(text: str) -> str:
    """'JOHN SMITH' -> 'John Smith'; names written in capitals are still names."""
    if " " in text.strip() and text.isupper():
        # Short all-caps words are acronyms (AFP, BBC): keep them.
        return " ".join(w if len(w) <= 3 else w.title() for w in text.split())
    return text


def _strip_roles(name: str) -> str:
    """'Reuters Staff' -> 'Reuters': the outlet is the credit, the role adds nothing."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_ROLES:
        words.pop()
    return " ".join(words)


def _clean_name(part: str) -> str:
    part = part.strip(" \t.,;:|-–—()[]")
    return " ".join(part.split())


def _split_segment(segment: str, authors: list[str], credits: list[str], roles: list[str]) -> None:
    """Sort the names in one byline segment ("By X and Y in Paris") into the three lists."""
    segment = segment.strip()
    if not segment:
        return
    segment = _ROLE_PREFIX.sub("", segment)
    segment = _PREFIX.sub("", segment)
    segment = _DATE_TAIL.sub("", segment) if any(ch.isdigit() for ch in segment) else segment
    outlet = _FOR_OUTLET.search(segment)
    if outlet and not _is_role(outlet.group("outlet")):
        credits.append(_clean_name(outlet.group("outlet")))
        segment = segment[: outlet.start()]
    segment = _PLACE.sub("", segment)
    for raw in _SEPARATORS.split(segment):
        name = _tidy_case(_clean_name(raw))
        if not name:
            continue
        if is_person_name(name):
            authors.append(name)
        elif _is_role(name):
            roles.append(name)
        elif len(name.split()) <= 6:
            credits.append(_strip_roles(name))


def split_byline(text: str) -> tuple[list[str], str]:
    """(person names, credit) from a byline such as 'By Jane Doe and John Roe, Reuters'.

    The credit is an agency or outlet ('Reuters', 'Azernews'), or a bare role such as
    'Staff Reporter' when the byline names nobody; roles next to names are dropped.
    """
    text = " ".join(text.split()).strip()
    if not text:
        return [], ""
    authors: list[str] = []
    credits: list[str] = []
    roles: list[str] = []
    # "Jane Doe | Reporter", "Jane Doe and John Roe | Staff writers", "Jane Doe / AFP".
    for segment in re.split(r"\s+[|/•·]\s+|\s*;\s*", text):
        _split_segment(segment, authors, credits, roles)
    unique_authors = list(dict.fromkeys(authors))
    unique_credits = list(dict.fromkeys(c for c in credits if c))
    credit = ", ".join(unique_credits)
    if not unique_authors and not credit and roles:
        credit = roles[0]
    return unique_authors, credit


def merge_bylines(bylines: Iterable[tuple[list[str], str]]) -> tuple[list[str], str]:
    """Several bylines ('By Azernews', 'By Kamila Aliyeva') combined into one."""
    authors: list[str] = []
    credits: list[str] = []
    for names, credit in bylines:
        authors.extend(names)
        if credit:
            credits.extend(c.strip() for c in credit.split(","))
    return list(dict.fromkeys(authors)), ", ".join(dict.fromkeys(c for c in credits if c))


_BY_LINE = re.compile(
    r"""^(?:
        (?:(?:additional|further)\s+)?(?:reporting|reported|written|words|story|text|compiled
          |edited|editing)\s+by
        | by | par | von | por | door | автор(?:ы)?\s*:? | author(?:s)?\s*:
    )\s+(?P<rest>.+)$""",
    re.IGNORECASE | re.VERBOSE,
)
# "By May ...", "By Monday ...": time phrases, not bylines.
_MONTH_OR_DAY = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|then|now)\b",
    re.IGNORECASE,
)


def is_byline(line: str) -> bool:
    """Whether `line` is a byline: 'By Jane Doe', 'Written by X', 'Jane Doe | Reporter'.

    Lines that merely start with 'By' ("By the end of May ...") are not bylines.
    """
    line = " ".join(line.split())
    if not line or len(line) > 120:
        return False
    match = _BY_LINE.match(line)
    if match:
        rest = match.group("rest")
        first = rest[:1]
        if not (first.isupper() or first.isalpha() and rest.isupper()):
            return False
        if _MONTH_OR_DAY.match(rest) or rest.rstrip().endswith(("?", "!")):
            return False
        # A byline names people or outlets; a sentence runs on with lower-case words.
        lower_words = [
            w
            for w in _WORD.findall(rest)
            if w[:1].islower() and w.lower() not in _PARTICLES and w not in ("and", "in", "for")
        ]
        return len(lower_words) <= 2 and len(rest.split()) <= 14
    if _is_role(line.strip(" .")):
        return True
    for separator in (" | ", ", "):
        if separator in line:
            names, _, role = line.partition(separator)
            names, role = names.strip(), role.strip(" .")
            if not (_is_role(role) or role.lower() in _AGENCIES):
                continue
            parts = [_clean_name(p) for p in _SEPARATORS.split(names)]
            if parts and all(is_person_name(_tidy_case(p)) for p in parts if p):
                return True
    return False
