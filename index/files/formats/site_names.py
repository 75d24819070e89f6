"""A site's name at the end of a headline that was copied from a page's `<title>`.

Clippers (MarkDownload) and news APIs (NewsAPI's "Headline - BBC News") give the page's
`<title>`, which most sites end with their own name. The HTML reader has its own, fuller rules
(it sees the page's headline beside its `<title>`); these are for formats that give the title
alone, so they only take off a name that is surely the site's.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from newsread.index.files.formats.bylines import looks_like_outlet

TITLE_SUFFIX = re.compile(r"\s+[-–—|•·]\s+(?P<site>[^|–—•·]{2,40})$")
"""A title's last part set apart by a dash, bar or dot: where a site's name goes."""
HOST_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
"""A host name written out: "valleypost.com", "www.valleypost.co.uk"."""
MIN_HEADLINE_WORDS = 2
"""Words the headline keeps at least: "Opinion | BBC" is no headline and its site."""


def without_site_suffix(title: str, source: str, url: str) -> tuple[str, str]:
    """(`title` without the site's name at its end, that name or "" when it is a host name).

    The name goes when it is the `source`, a host name ("- example-news.com"), the host of
    `url` spelled as words ("Example News" on example-news.com), or after a bar a name shaped
    as an outlet's ("| Reuters", "| The Daily Post"); otherwise `title` is kept whole
    ("Talks to resume - Radio": a speaker or an attribution).
    """
    match = TITLE_SUFFIX.search(title)
    if not match:
        return title, ""
    site = match.group("site").strip()
    headline = title[: match.start()].rstrip()
    if len(headline.split()) < MIN_HEADLINE_WORDS:
        return title, ""
    bar = "|" in title[match.start() : match.start() + 3]
    named = (
        (bool(source) and _letters(site) == _letters(source))
        or HOST_NAME.match(site) is not None
        or _letters(site) in _host_names(url)
        or (bar and looks_like_outlet(site))
    )
    if not named:
        return title, ""
    return headline, "" if HOST_NAME.match(site) else site


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _host_names(url: str) -> set[str]:
    """The names a site's host spells: "examplenews" and "examplenewscom" of
    www.example-news.com (never "": a headline's last part is no match for no host)."""
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.") if url else ""
    return {_letters(host.split(".")[0]), _letters(host)} - {""}


_FOLDED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold_as_address(text: str) -> str:
    """`text` casefolded, umlauts spelt out as addresses spell them, accents dropped."""
    text = text.casefold().translate(_FOLDED)
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
