"""Web pages saved from a browser: the article's main text and its metadata.

The main text comes from trafilatura (boilerplate removal). The metadata comes from what the
page declares, in order of trust: JSON-LD (schema.org NewsArticle and kin), OpenGraph and
other meta tags (Dublin Core, Parse.ly, Sailthru), then the page itself (`<h1>`, `<time>`,
`<title>`, byline elements), then trafilatura's own guesses. Pages that lxml or trafilatura
cannot handle (absurdly deep nesting, broken markup) fall back to a plain text extraction.
"""

from __future__ import annotations

import contextlib
import functools
import html as html_entities
import itertools
import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsread.index.files.dates import (
    PUBLISHED_LABELS,
    PUBLISHED_WORDS,
    UPDATED_WORDS,
    find_date,
    looks_like_date_line,
    parse_date,
    without_dates,
)
from newsread.index.files.formats import Draft
from newsread.index.files.formats.bylines import (
    agency_credit,
    byline_date,
    caseless_byline,
    cjk_byline,
    copyright_holder,
    has_byline_prefix,
    is_agency,
    is_byline,
    is_person_name,
    is_role_word,
    looks_like_outlet,
    merge_bylines,
    one_word_byline,
    post_footer_author,
    quoted_as_speaker,
    source_credit,
    split_author_field,
    split_byline,
)
from newsread.index.files.formats.furniture import is_footer, is_furniture
from newsread.index.files.formats.places import is_place
from newsread.index.files.formats.plaintext import (
    _PASSIVE_LINE,
    _PUBLISHED_PASSIVE,
    LABELLED_BYLINE,
    _breadcrumb,
    _State,
    _take_byline,
    _take_date,
    lower_case_words,
    publisher_named,
)
from newsread.index.files.formats.site_names import fold_as_address
from newsread.index.text import sanitise_line, unwrap_wide

# htmldate reads a "CST" or "PST" it finds through dateutil, which warns that it cannot place
# the zone, on standard error: across `newsread index`'s progress bar and `newsread show`'s
# article. Only the day is taken from htmldate, which the zone never moves by more than that.
warnings.filterwarnings("ignore", message=r"tzname \S+ identified but not understood")

# schema.org types whose headline, author and dates describe the article itself.
_ARTICLE_TYPES = frozenset(
    """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle askpublicnewsarticle blogposting liveblogposting
    socialmediaposting discussionforumposting report scholarlyarticle techarticle
    satiricalarticle advertiserContentArticle medicalscholarlyarticle review""".lower().split()
)
_PAGE_TYPES = frozenset(("webpage", "itempage", "collectionpage", "aboutpage", "faqpage"))
# Other works a page may be about (a recipe, a how-to): only their author is read, where no
# article or page node names one; their "name" and dates are the dish's, not the page's.
_WORK_TYPES = frozenset(("recipe", "howto"))
# A video's or an episode's page: its maker is read as a work's is, but only where the page
# has no article node (an article with a video in it names its own writer, or no one).
_MEDIA_TYPES = frozenset(("videoobject", "podcastepisode", "audioobject"))
_PERSON_TYPES = frozenset(("person",))

# Title separators between a headline and the site's name, widest first ("│", a box-drawing
# line, is a bar too).
# (Not a colon: "Brexit: what now?" is one headline.) "_" without spaces is Chinese sites'.
_TITLE_SEPARATOR = re.compile(
    r"\s+(?:[|│]|-|–|—|::|·|//|»)\s+|\s*[_|│]\s*(?=[^_|│]+$)"
    # Chinese and Japanese titles set the site's name apart without spaces ("…城！-新华网").
    r"|(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])[-－—｜](?=[\u3040-\u30ff\u3400-\u9fff]{2,8}$)"
)
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{2,8}")
# The same, and a colon: to find where a <title> sets apart a name the page shows elsewhere
# (an <h1> with the site's name, a kicker), never to cut a headline on its own.
_TITLE_PARTS = re.compile(r"\s*(?:[|│]|::|//|»|«)\s*|\s*:\s+|\s+(?:-|–|—|·|•)\s+")
# Punctuation a <title> puts between a headline and a name it adds ("… : Muffin Rezepte",
# "…-新华网" is not cut: the name there is not one the page gives).
_NAME_SEPARATOR = r"\s*[|:·•»«/\\_~–—-]+\s*"

# Block-level elements of a web page, and what the stand-in extraction leaves out entirely.
_HTML_BLOCKS = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dd dt blockquote pre section article main table tr
    thead tbody figure figcaption address center body""".split()
)
_SKIP_TAGS = frozenset(
    "script style noscript template nav header footer aside form button select svg iframe".split()
)
# An address in place of a name: with its scheme, "www.", or a host and a path
# ("facebook.com/harbourtimes"; not "Vegolosi.it", a site's name as its address spells it).
_URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# An address in place of a name ("jane@example.org", "jane[at]example.org").
_EMAIL = re.compile(r"\w(?:@|\s*[\[(]at[\])]\s*)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# A site's address beside a name: its host.
_NAMED_SITE = re.compile(r"(?:\bhttps?://|(?<![\w.@-])(?=www\.))([\w.-]+)", re.IGNORECASE)

_AUTHOR_KEYS = (
    "dc:creator",
    "dcterms:creator",
    "dcterm:creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "article.author",
    "byl",
    "cxenseparse:author",
    "citation_author",
    "book:author",
)
_PUBLISHER_KEYS = ("publisher", "dc.publisher", "dcterms.publisher", "dc:publisher")
# The label of a Twitter card field that names the author, in the languages of Yoast SEO.
_WRITTEN_BY = re.compile(
    r"^(?:written\s+by|verfasst\s+von|geschrieben\s+von|écrit\s+par|escrito\s+por"
    r"|scritto\s+da|geschreven\s+door|napisane\s+przez|skrevet\s+av)\s*:?$",
    re.IGNORECASE,
)
_ARCHIVE_LABELS = ("Blog Archive", "Blog Archiv")
# Other meta keys that hold a name ("shareaholic:article_author_name").
_AUTHOR_NAME_KEY = re.compile(r"author[-_.:]?name$")
# Class or id of elements that hold an author's name (a link or span inside a byline) ...
_NAME_CLASS = re.compile(
    r"author[-_]*(?:name|link)|byline[-_]*(?:name|author)|contributor[-_]*name"
)
# ... and of byline containers, whose text also carries dates, roles and "By" (in the
# languages of `split_byline`; "wrote-by", "posted-by": a CMS's own words for it).
_AUTHOR_CLASS = re.compile(
    r"\bauthor|\bautor|\bauteur|\bwriter\b|\bredakteur|\bjournalist|\bcontributor\b"
    # Spanish sites' signature (El Mundo, El País: "firma"), not a photo's ("foto-firma").
    r"|(?<![\w-])firma(?![\w-])"
)
_BYLINE_CLASS = re.compile(
    _AUTHOR_CLASS.pattern + r"|\bby-?line|\b(?:posted|submitted|written|wrote)-by\b"
)
# Elements that may name an author: XPath picks those with any of these attributes (and the
# HTML elements made for it) in C, the regexes above the rest (a case-insensitive XPath test
# of the class costs ~10 ms a page).
_MARKED = ".//*[@class or @id or @rel or @itemprop or @data-testid or @data-author] | .//address"
# "menu" as a word of a class, with what names a menu's parts ("mainmenu", "menu-item",
# "menubar", German "menue"), not inside another word: "mousemove-menueenter" is an effect.
_MENU = r"(?<![a-z])[a-z]{0,6}menu(?:e|s|bar|item|items)?(?![a-z])"
# Where names are not the article's: comments (not a commentary, a commentator's), related
# stories, the page's footer. (Not <header>: an article's own header holds its headline and
# byline.)
# ("node-promoted": Drupal's flag on a node shown on the front page, not a promotion.)
_FURNITURE_CLASS = re.compile(
    r"comment(?!ar|at)|related|recommend|more-from|sidebar|widget|promo(?!ted(?:\s|$))"
    r"|newsletter|footer|masthead|navbar|\bnav\b|" + _MENU + r"|logo|brand|site-title|site-name"
    r"|share|social|trending|popular"
)
# Furniture that lists other stories or readers' words: never the article's byline, even
# inside the article's element (unlike its own footer, aside or meta bar, where blogs and many
# CMSs put the byline). ("promoted" is a CMS's flag on an article, not a promotion.)
_LISTING = re.compile(
    r"comment(?!ar|at)|related|recommend|more-from|widget|promo\b|newsletter|trending|popular"
    r"|more-(?:stories|news|articles)|most-?read|read-next|also-read|you-may-like|outbrain|taboola"
)
# A teaser is another story's card outside the article, its lede or meta line inside it.
_TEASER = re.compile(r"teaser")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# An article's element: <article>, <main>, or a blog post marked up as one (microformats).
_ARTICLE_CLASS = re.compile(r"\bh-?entry\b")
_FURNITURE_TAGS = frozenset(("footer", "nav", "aside"))
# An <h1> that is the site's logo or name by its own class ("logo", "site-title").
_SITE_HEADING_CLASS = re.compile(r"logo|brand|site-?title|site-?name")
_ROOT_LINK = re.compile(r"^(?:/|\./|index\.html?|(?:https?:)?//[^/]+/?)$", re.IGNORECASE)
# Byline text after the names: dates ("Apr 16, 2015", "Monday", "2 hours ago", "8h"),
# handles, labels, and the editors and photographers credited after the writers.
_BYLINE_TAIL = re.compile(
    r"(?:\s*[-–—|•·,]\s*|\s+)(?:"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,4}[./-]\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d+\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)\b"
    r"|(?:last\s+)?(?:updated|published|posted|modified)\b|@\w"
    r"|(?:veröffentlicht|aktualisiert|publiée?|mis\s+à\s+jour|publicado|actualizado|pubblicato)\b"
    r"|(?:am\s+)?(?:mon|diens|donners|frei|sams|sonn)tag\b|(?:am\s+)?mittwoch\b"
    r"|(?:edited|editing|photos?|photographs?|illustrations?|graphics|video)\s+by\b"
    r").*$",
    re.IGNORECASE,
)
# A word run into the next with no space: a name and its button ("DoeFollow").
_GLUED_WORDS = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")
_BY_COLON = re.compile(r"^by\s*:\s*", re.IGNORECASE)  # "BY: JANE DOE", which split_byline misses
# ("Posted by Jane Doe" is Blogger's byline, no date line.)
_DATE_LABEL = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|modified)\b(?!\s+by\b)", re.IGNORECASE
)
_BUTTON_WORDS = frozenset(
    "follow unfollow author authors subscribe view more profile contact share email bio".split()
)
_TRAILING_BUTTONS = frozenset(("follow", "unfollow", "subscribe", "folgen", "abonnieren"))
# Placeholder values some CMSs print into empty meta tags.
_EMPTY_VALUES = frozenset(("nil", "null", "none", "undefined", "n/a", "-", "false"))
# Meta keys that name a publication date in a CMS's own vocabulary.
_UTC = timedelta(0)
_OFFSET = re.compile(r"\d[+-]\d\d:?\d\d$")
_DATE_KEY = re.compile(r"publi\w*[-_.:]?(?:date|time)|pub[-_.]?date|release[-_.]?date")


def parse_html(text: str) -> Draft:
    """The article of a saved web page: title, byline, dates and metadata, and the main text."""
    tree = _parse_tree(_without_soft_hyphens(text))
    if tree is None:
        return Draft(paragraphs=_fallback_text(text))
    meta = _Metadata(tree)
    draft = meta.draft()
    # (The metadata gave only the last change's date: "dateModified", "og:updated_time".)
    change_only = draft.published is not None and not meta.declared
    if draft.published is not None:
        if meta.read_either_way:
            draft.published = _read_as_shown(tree, draft.published, draft.title)
        draft.published = _date_as_shown(tree, _local_midnight(draft.published), draft.title, meta)
        draft.published = _on_time_text(tree, _on_url_day(draft.published, draft.url))
    else:
        draft.published = _shown_or_labelled(tree, draft.title)
    captions = _prepare(tree)
    # trafilatura costs ~40 µs an element (2 s at this size); saved articles have at most a
    # few thousand, and pages far larger are dumps where the simple extraction does as well.
    elements = int(tree.xpath("count(//*)"))
    extracted = _extract(tree, draft.url) if elements <= _MAX_ELEMENTS else None
    paragraphs: list[str] = []
    if extracted is not None:
        paragraphs = _document_paragraphs(extracted)
        if len(paragraphs) == 1:
            paragraphs = _as_page_blocks(paragraphs[0], tree) or paragraphs
    if not (draft.authors or draft.credit) or draft.published is None:
        _fill_from_trafilatura(draft, tree)
    if not paragraphs:
        paragraphs = _element_text(tree) or _fallback_text(text)
    headlines = [draft.title, meta.uncut_title, *meta.declared_headings()]
    draft.paragraphs = _lead_furniture(
        _drop_repeated_header(paragraphs, headlines, meta.shown_headings),
        draft,
        _LeadMarkup(tree, captions),
    )
    draft.paragraphs = _dropped_standfirst(tree, meta, draft) + draft.paragraphs
    if draft.published is None:
        # A date line the page did not mark up: among the short paragraphs at the top or
        # the bottom of the text ("Stand: 24.04.2020", "Posted on 3 March 2021 by Jane").
        ends = draft.paragraphs[:_LEAD_LINES] + draft.paragraphs[-_LEAD_LINES:]
        short = (p for p in ends if len(p) <= _MAX_LEAD)
        day_first = _writes_day_first(tree)
        draft.published = next(
            (d for p in short if (d := _line_date(p, day_first=day_first))), None
        ) or _dated_dateline(draft.paragraphs[:_LEAD_LINES], day_first=day_first)
    if draft.published is None:
        draft.published = _date_box(tree) or _searched_date(tree, draft.url)
    if draft.published is None:
        draft.published = _yearless_dateline(
            draft.paragraphs[:_LEAD_LINES], tree, draft.url, draft.title
        )
    elif change_only:
        # A wire dateline opening the text gives the day it was filed ("Madrid, 12 mar
        # (EFE).-"), in the year of the last change.
        filed = _wire_dateline_day(draft.paragraphs[:_LEAD_LINES], draft.published)
        draft.published = filed or draft.published
    if draft.published is not None and draft.published.day == 1:
        draft.published = _on_shown_day_of_month(tree, draft.published, draft.title, draft.url)
    if not (draft.authors or draft.credit):
        draft.authors = (
            _closing_byline(draft.paragraphs)
            or _closing_signature(draft.paragraphs, tree)
            or _signature_over_office(draft.paragraphs, tree)
            or _closing_bio(draft.paragraphs)
            or _wire_reporter(draft.paragraphs[:_LEAD_LINES])
            or _labelled_paragraph(draft.paragraphs)
            or _interviewer(draft.paragraphs, tree)
            or _cjk_byline_line(tree)
            or _post_metadata_byline(tree)
            or _post_author_comment(tree, draft)
            or _right_aligned_signature(tree)
            or _copyright_notice(tree, draft)
        )
    elif not draft.authors and not is_agency(draft.credit):
        # An organisation's credit (the publisher's, from the metadata) names no writer; a
        # labelled line of the text does ("Autorin: Jane Doe").
        draft.authors = _labelled_paragraph(draft.paragraphs)
    if not draft.credit and draft.paragraphs:
        draft.credit = agency_credit(draft.paragraphs[0], draft.paragraphs[-1])
        if not draft.authors and draft.credit:
            # "Jane Doe / dpa" closing the text: the writer and the agency.
            people, credit = split_byline(draft.credit)
            if people and is_agency(credit):
                draft.authors, draft.credit = people, credit
    if not (draft.authors or draft.credit):
        draft.credit = _closing_source(draft.paragraphs) or meta.site_credit
    draft.title, byline = meta.byline_in_headline(draft.title, draft.authors)
    if byline and not draft.authors:
        draft.authors = cjk_byline(byline) or split_byline(byline)[0]
    return draft


# --- parsing -------------------------------------------------------------------------------

# A soft hyphen, as a character and as the entities that write it: a hint where a browser may
# break a long word ("Ent&shy;de&shy;ckun&shy;gen"), never shown within a line, and no part of
# the word that is searched for or read.
_SOFT_HYPHENS = ("\u00ad", "&shy;", "&#173;", "&#xad;", "&#xAD;")


def _without_soft_hyphens(text: str) -> str:
    for hyphen in _SOFT_HYPHENS:
        text = text.replace(hyphen, "")
    return text


def _parse_tree(text: str) -> Any | None:
    """The lxml tree of `text`, or None when lxml cannot build one."""
    import lxml.etree
    import lxml.html

    # Bytes with a fixed encoding: lxml rejects str input with an XML encoding declaration,
    # and must not re-decode the page by its `<meta charset>` (it is text already). libxml2
    # stops reading a page at 256 levels of nesting (2,048 with `huge_tree`), dropping the
    # rest of it without an error: old pages that never close a `<font>` or a `<div>` reach
    # that in a few hundred paragraphs.
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    parser.set_element_class_lookup(_element_classes())
    # A line break between two Chinese or Japanese characters is no space (CSS Text's
    # segment break rule); whitespace collapsing would make it one, splitting a word.
    data = unwrap_wide(text).encode("utf-8", "replace")
    for attempt in range(2):
        try:
            tree = lxml.html.document_fromstring(data, parser=parser)
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError, RecursionError):
            return None
        if attempt or not any(_TOO_DEEP in error.message for error in parser.error_log):
            break
        # Deeper still: the page without its layout wrappers, whose nesting holds no text
        # (a block wrapper becomes a paragraph break, an inline one nothing).
        data = _INLINE_WRAPPER.sub(b"", _BLOCK_WRAPPER.sub(b"<p>", data))
    _mark_page_wrappers(tree)
    return tree


_TOO_DEEP = "Excessive depth"

PAGE_WRAPPER = "data-newsread-page"
"""Set on the elements that wrap the whole page (`_mark_page_wrappers`)."""

_WRAPPED_SHARE = 0.8
_MAX_WRAPPERS = 12
_MAX_WRAPPER_SIBLINGS = 200
_NOT_SHOWN = frozenset(("script", "style", "noscript", "template"))


def _mark_page_wrappers(tree: Any) -> None:
    """Mark the `<div>`s that wrap the page's text as the body does: from the `<body>` down,
    the child holding at least 80% of its parent's shown text, while one does and holds a
    paragraph or a heading. Their classes, as the body's, describe the whole page: BBC's
    "blq-int-nav" (its international layout) around every page made every heading, the
    headline's too, read as a menu's."""
    parent = tree.find("body")
    for _ in range(_MAX_WRAPPERS):  # (Each level reads the text below it: not 2,000 of them.)
        if parent is None or len(parent) > _MAX_WRAPPER_SIBLINGS:
            return  # (A page's blocks side by side: none wraps the rest.)
        sizes = [
            (len(child.text_content().strip()), child)
            for child in parent
            if isinstance(child.tag, str) and child.tag not in _NOT_SHOWN
        ]
        total = sum(size for size, _ in sizes)
        size, largest = max(sizes, key=lambda pair: pair[0], default=(0, None))
        if largest is None or not total or size < _WRAPPED_SHARE * total:
            return
        holds_text = largest.find(".//p") is not None or largest.find(".//h1") is not None
        if largest.tag in ("article", "main") or not holds_text:
            return
        largest.set(PAGE_WRAPPER, "")
        parent = largest


_BLOCK_WRAPPER = re.compile(rb"</?(?:div|center|section)\b[^>]*>", re.IGNORECASE)
_INLINE_WRAPPER = re.compile(rb"</?(?:span|font|b|i|u|em|strong|small|big)\b[^>]*>", re.IGNORECASE)


@functools.cache
def _element_classes() -> Any:
    """lxml.html's element classes, looked up in C.

    lxml.html picks each element's class in a Python method, called every time the tree
    hands an element to Python (thousands of times a page, by our passes and trafilatura's):
    ~5% of a page's parse. The same classes by tag name, from lxml's own C lookups."""
    import lxml.etree
    import lxml.html

    lookup = lxml.etree.ElementNamespaceClassLookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    # The HTML parser gives tag names in lower case, as lxml.html's lookup reads them.
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    return lookup


_MAX_ELEMENTS = 50_000
# (`@class[…]` reads the attribute once, and only where there is one.)
_MAYBE_HIDDEN = (
    "//*[@hidden or @aria-hidden or @style or @class[contains(., 'hidden') or contains(., 'none')]]"
)
# A class that style sheets hide an element by, as a word of its own: Bootstrap's "hidden" and
# "d-none", "is-hidden" (not "hidden-xs", hidden on small screens only, nor "visually-hidden",
# which screen readers read, nor "field-label-hidden", a label's).
_HIDDEN_CLASSES = frozenset(("hidden", "d-none", "is-hidden"))
# Elements a class may mark as a popup, a block for print only or a caption, and figures'
# captions: one pass of XPath over the page finds the candidates of all three.
_MAYBE_MARKED = (
    "//body//*[self::figcaption or @class[contains(., 'tooltip') or contains(., 'popover')"
    " or contains(., 'rollover') or contains(., 'hovercard')"
    " or contains(., 'rint') or contains(., 'caption')]]"
)
# A picture's caption: a figure's, or a block whose class names it one ("wp-caption-text",
# "image__caption"; not "storyMediaCaption", which a site wraps its standfirst in).
_CAPTION_CLASS = re.compile(r"(?<![^\W_])caption")
# (The popup's content, not the words it pops up from: "tooltipsall" marks those.)
_POPUP_CLASS = re.compile(
    r"tooltip[-_]?(?:text|content|inner|body|box)|popover[-_]?(?:content|body)"
    r"|rollover-\w+-block|hovercard",
    re.IGNORECASE,
)
# A block a style sheet shows only on paper, hidden on screen: a printout's header or footer
# ("print-header": the site's logo and a reprint notice above the article; MediaWiki's
# "printfooter"), Bootstrap's "visible-print", Foundation's "show-for-print". Not
# "hide-for-print", "noprint" nor "print-button": those are shown; nor "print-only", which
# some themes put on the article itself.
_PRINT_ONLY_CLASS = re.compile(
    r"(?:^|\s)(?:print[-_]?(?:header|footer|head|foot)|(?:visible|show-for)[-_]print)"
    r"(?:[-_]\w+)?(?:$|\s)",
    re.IGNORECASE,
)
# Inline elements, which a tooltip's text runs on inside a paragraph.
_INLINE_BOXES = frozenset(("span", "div"))
_CUSTOM_ELEMENTS = "//*[local-name() = 'math' or contains(local-name(), '-')]"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# A class that shows an element again at some screen size: Tailwind's "lg:flex", Bootstrap's
# "d-md-block".
_SHOWN_AT_SIZE = re.compile(r":|^d-\w+-(?:block|flex|inline|grid|table)")


def _hidden_by_class(element: Any) -> bool:
    """Whether an element's classes hide it at every screen size, and it holds no run of
    prose: the rest of an article folded behind "Read more" is hidden by a class until the
    reader asks, and is the article's all the same."""
    words = (element.get("class") or "").split()
    if _HIDDEN_CLASSES.isdisjoint(words) or any(_SHOWN_AT_SIZE.search(w) for w in words):
        return False
    sentences = (p for p in element.iter("p") if len(p.text_content().split()) >= 12)
    return next(itertools.islice(sentences, 1, None), None) is None  # fewer than 2 of them


def _prepare(tree: Any) -> list[Any]:
    """Drop what a browser would not show: `hidden`, `aria-hidden`, `display: none` elements,
    those a class hides ("hidden", "d-none"), and blocks its style sheet shows only when the
    page is printed; return the pictures' captions (for `_LeadMarkup`), found on the way.

    Video players, modal dialogs and collapsed menus hide their furniture this way, and
    trafilatura would otherwise keep it as text.
    """
    # XPath picks the few candidates in C: a Python loop over every element of an lxml.html
    # tree costs a class lookup per element, a tenth of a page's parse.
    doomed = [
        element
        for element in tree.xpath(_MAYBE_HIDDEN)
        if element.tag not in ("html", "body")
        and (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or _HIDDEN_STYLE.search(element.get("style") or "")
            or _hidden_by_class(element)
        )
    ]
    # A tooltip or hover card inside a line of text, shown only under the pointer: "Gov.
    # <a>Kristi Noem</a><span class="rollover-people-block">Kristi Lynn Noem, her stories
    # …</span> (R) is defending".
    marked = tree.xpath(_MAYBE_MARKED)
    doomed += [
        element
        for element in marked
        if element.tag in _INLINE_BOXES and _POPUP_CLASS.search(element.get("class") or "")
    ]
    doomed += [e for e in marked if _PRINT_ONLY_CLASS.search(e.get("class") or "")]
    captions = [
        e for e in marked if e.tag == "figcaption" or _CAPTION_CLASS.search(e.get("class") or "")
    ]
    for element in doomed:
        if element.getparent() is not None:  # (Not one already dropped with its parent.)
            element.drop_tree()  # Keeps the element's tail: that text belongs to the parent.
    # trafilatura loses the text that opens a <section> or an <article> inside another before
    # its first element ("<section>We bring you …<p></p><h2>…"); a browser shows it as a
    # paragraph, and so does the <p> it is put in.
    for element in tree.iter("section", "article"):
        if element.text and element.text.strip() and len(element):
            paragraph = element.makeelement("p", {})
            paragraph.text, element.text = element.text, None
            element.insert(0, paragraph)
    # A <p> that held a floated box (related links, a photo) ends at the box: lxml closes it
    # there, as browsers do, and the rest of its text becomes the box's tail, which
    # trafilatura loses with the box ("<p><div class=related>…</div>SAN FRANCISCO (AP) —
    # Steve Jobs … resigned</p><p>…"). A browser shows it as the paragraph it was.
    for element in tree.iter(*_BOXES):
        tail = element.tail
        if (
            tail is not None
            and len(tail) >= _MIN_TAIL_PARAGRAPH
            and _SENTENCE_STOP.search(tail)
            and len(tail.strip()) >= _MIN_TAIL_PARAGRAPH
            and getattr(element.getnext(), "tag", None) == "p"  # the story's next paragraph
        ):
            paragraph = element.makeelement("p", {})
            paragraph.text, element.tail = tail, None
            element.addnext(paragraph)
    # A label set before a standfirst in its heading, its class a kicker's ("<h2><span
    # class="slug">Analyse</span> Après une semaine agitée, …</h2>", Libération): the
    # section's word, which would open the lede.
    for element in tree.xpath(_HEADING_LABEL):
        rest = (element.tail or "") + "".join(
            s.text_content() + (s.tail or "") for s in element.itersiblings()
        )
        if (
            _KICKER_CLASS.search(element.get("class") or "")
            and not (element.getparent().text or "").strip()  # (It opens the heading.)
            and len(element.text_content().split()) <= _MAX_LABEL_WORDS
            and len(rest.split()) >= _MIN_HEADLINE_WORDS
        ):
            element.drop_tree()
    # trafilatura drops elements it does not know, with the rest of their sentence: MathML,
    # and custom elements (`<mjx-container>`, `<article-body>`). Their text reads well enough.
    for element in tree.xpath(_CUSTOM_ELEMENTS):
        tag = element.tag
        if tag == "math" or tag.startswith("mjx-"):
            text = " ".join(" ".join(element.itertext()).split())
            tail = element.tail
            element.clear()
            element.tag, element.text, element.tail = "span", text, tail
        else:
            blocks = any(child.tag in _HTML_BLOCKS for child in element)
            element.tag = "div" if blocks else "span"
    return captions


# The first element of a heading below the headline, a marked inline one.
_HEADING_LABEL = (
    "//*[self::h2 or self::h3]"
    "/*[1][@class][self::span or self::a or self::strong or self::em or self::small or self::b]"
)
_MIN_TAIL_PARAGRAPH = 80
# (Found in Python: XPath's "following-sibling::*[1]" reads every later sibling, which is
# quadratic on a page of 13,000 <div>s side by side.)
_BOXES = ("div", "table", "ul", "figure", "aside")
_SENTENCE_STOP = re.compile(r"[.!?][\"'”’)]?(?:\s|$)")


# Measured on Readability's test pages against their expected text: favor_recall gives the
# best token F1 (94.9% against 94.7% by default and 93.8% with favor_precision) and the fewest
# pages under 50%. Metadata comes from our own reading of the page; trafilatura's is only
# asked for when that leaves gaps (see `_fill_from_trafilatura`), as it costs a third of the
# time of a page.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_recall": True,
    "with_metadata": False,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}


def _extract(tree: Any, url: str) -> Any | None:
    """trafilatura's extraction (a `Document`), or None when it fails on this page."""
    import lxml.etree
    import trafilatura

    try:
        return trafilatura.bare_extraction(tree, url=url or None, **_TRAFILATURA_OPTIONS)
    except (ValueError, TypeError, RecursionError, lxml.etree.LxmlError, AttributeError):
        # trafilatura's own code raises these on pathological trees; the fallback extraction
        # below still gets the text.
        return None


# Block elements of trafilatura's output tree; text between them is a paragraph too.
_BLOCKS = frozenset(("p", "head", "item", "list", "quote", "code", "row", "table", "div", "body"))


def _document_paragraphs(document: Any) -> list[str]:
    """Paragraphs of trafilatura's extracted tree: one per block, `<br>` splitting blocks.

    Its plain-text output keeps the source's line breaks inside a block, which would turn
    hard-wrapped HTML into one "paragraph" per source line.
    """
    root = getattr(document, "body", None)
    found = _flatten(root, _BLOCKS, "lb", "cell") if root is not None else []
    return [_GLUED_CREDIT.sub(r"\1 ", p) for p in found] or _paragraphs(document.text or "")


# A wire credit that opens a paragraph in an element of its own, the text's first word run
# on to it: "<cite>(CNN)</cite>President …", which reads "(CNN) President …".
_GLUED_CREDIT = re.compile(r"^(\((?=[A-Z])[^()\s][^()]{1,30}\))(?=[A-Z])")


def _flatten(
    root: Any,
    blocks: frozenset[str],
    line_break: str,
    cell: str,
    skip: frozenset[str] = frozenset(),
) -> list[str]:
    """The text of `root` as paragraphs: block elements and line breaks end a paragraph,
    table cells are joined with " | ", `skip` elements are left out with their content.

    Walks the tree without recursion, so any depth is fine.
    """
    import lxml.etree

    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split()).strip(" |")
        if line:
            paragraphs.append(line)
        current.clear()

    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in skip:
                walker.skip_subtree()
                if element.tail:
                    current.append(element.tail)
                continue
            if tag in blocks or tag == line_break:
                flush()
            if element.text and tag:
                current.append(element.text)
            continue
        if tag in skip:
            continue
        if tag in blocks:
            flush()
        elif tag == cell:
            current.append(" | ")
        if element.tail and element is not root:
            current.append(element.tail)
    flush()
    return paragraphs


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _as_page_blocks(text: str, tree: Any) -> list[str]:
    """`text`, trafilatura's one paragraph, as the page's own blocks when it is a run of them.

    On a page of little text (under 250 characters: three paragraphs of Chinese) trafilatura
    falls back to the text of the whole `<article>` (or of every `<p>`) as one block, its
    headline, byline and paragraphs a line each; those lines are read as one hard-wrapped
    paragraph. Empty when `text` is not a run of whole blocks of the page.
    """
    blocks = _element_text(tree)
    # Compared without their spaces: the one block lost the line breaks between Chinese
    # or Japanese blocks (`unwrap_wide`).
    starts: dict[int, int] = {}
    position = 0
    for number, block in enumerate(blocks):
        starts[position] = number
        position += len("".join(block.split()))
    joined = "".join("".join(blocks).split())
    text = "".join(text.split())
    found = joined.find(text)
    while found != -1:
        first = starts.get(found)
        end = found + len(text)
        if first is not None and (end in starts or end == len(joined)):
            last = starts.get(end, len(blocks))
            return blocks[first:last] if last - first > 1 else []
        found = joined.find(text, found + 1)
    return []


def _element_text(tree: Any) -> list[str]:
    """The page's text outside navigation and scripts, by blocks: trafilatura's stand-in."""
    body = tree.find("body")
    try:
        return _flatten(body if body is not None else tree, _HTML_BLOCKS, "br", "td", _SKIP_TAGS)
    except (ValueError, RecursionError):
        return []


_SCRIPT_STYLE = re.compile(
    r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_BREAK = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|tr|blockquote|pre|section|article)\b[^>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")


def _fallback_text(text: str) -> list[str]:
    """Text of markup no parser could handle: tags stripped, blocks as paragraphs."""
    text = _COMMENT.sub(" ", text)
    text = _SCRIPT_STYLE.sub(" ", text)
    text = _BLOCK_BREAK.sub("\n", text)
    text = html_entities.unescape(_TAG.sub(" ", text))
    return _paragraphs(text)


def html_to_text(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a JSON body field holding markup)."""
    tree = _parse_tree(f"<html><body>{_without_soft_hyphens(fragment)}</body></html>")
    if tree is None:
        return _fallback_text(fragment)
    return _element_text(tree) or _paragraphs(tree.text_content())


# --- metadata ------------------------------------------------------------------------------


# Where a byline is from (`_Metadata._bylines`).
_DECLARED, _SHOWN, _LINKED, _GUESS = "declared", "shown", "linked", "guess"


# The microdata properties that hold another work than the page's own: a work it cites, a
# review or comment on it, one it mentions or lists.
_OTHER_WORKS = frozenset(
    "citation review comment mentions isBasedOn hasPart itemListElement relatedLink".split()
)


def _of_other_work(meta: Any) -> bool:
    """Whether a microdata `<meta itemprop>` describes another work than the page's: one
    inside an item that is such a property ("<li itemprop=citation itemscope><meta
    itemprop=author content=...>": a cited paper's author, not the article's)."""
    for ancestor in meta.iterancestors():
        if ancestor.get("itemscope") is not None:
            return bool(_OTHER_WORKS.intersection((ancestor.get("itemprop") or "").split()))
    return False


# A writer's initials alone ("DT", "J.D."), as a blog may show its writer's display name.
_INITIALS_ONLY = re.compile(r"^(?:[A-ZÀ-Þ]\.?\s?){2,4}$")
# What marks a link as leading to a writer's page.
_AUTHOR_PAGE = re.compile(r"/(?:author|autor|auteur|autore|autores|authors|autoren)/", re.I)
_CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’-]+")


def _name_behind_initials(tree: Any, initials: str) -> str:
    """The full name of a writer the byline gives as `initials` ("DT"), where the link they
    are shown as leads to the writer's page under their name ("/author/donaldtownsend/")
    and the page spells that name out elsewhere ("Donald Townsend", in its licence line):
    the name whose words start with the initials and whose letters the address gives."""
    letters = [char for char in initials if char.isalpha()]
    for link in tree.xpath("//body//a[@href][normalize-space(.) = $text]", text=initials):
        href = link.get("href") or ""
        if not (link.get("rel") == "author" or _AUTHOR_PAGE.search(href)):
            continue
        slug = _letters(urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1])
        if len(slug) < _MIN_SLUG:
            continue
        for text in tree.xpath("//body//text()[contains(., $first)]", first=letters[0]):
            words = _CAPITALISED.findall(str(text))
            for start in range(len(words)):
                name = words[start : start + len(letters)]
                if [w[0] for w in name] == letters and _letters(" ".join(name)) == slug:
                    if is_person_name(" ".join(name)):
                        return " ".join(name)
    return ""


_MIN_SLUG = 6


def _letters(text: str) -> str:
    """The letters of `text` in lower-case ASCII, accents dropped ("André Doe": "andredoe")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if "a" <= char <= "z")


class _Metadata:
    """What a page declares about its article, gathered once from the tree."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.meta: dict[str, list[str]] = {}
        for element in tree.iter("meta"):
            key = (
                element.get("property")
                or element.get("name")
                or element.get("itemprop")
                or element.get("http-equiv")
                or ""
            )
            content = element.get("content")
            if (
                key
                and not (element.get("property") or element.get("name"))
                and _of_other_work(element)
            ):
                continue
            if key and content and content.strip():
                # Some pages put several properties in one attribute ("og:title dc:title").
                for name in key.lower().split():
                    self.meta.setdefault(name, []).append(html_entities.unescape(content.strip()))
        self.articles, self.pages, self.sites, self.works = _json_ld(tree)
        self.site_credit = ""
        # Every publication date the page declares, read by `published`.
        self.declared: list[datetime] = []
        # Whether the one `published` chose was written with numbers and slashes both ways
        # round ("11/01/2023"), and so read by the page's language.
        self.read_either_way = False
        # Whether an <h1> was read without a kicker that the page's titles set apart.
        self.kicker_cut = False
        # The page's own headlines (its `<h1>`s), as `title` read them.
        self.shown_headings: list[str] = []
        # The headline as the page gives it, the site's name after it still there.
        self.uncut_title = ""
        self.label_texts: list[Any] | None = None
        self.address: str | None = None
        self.byline_elements: tuple[tuple[list[str], str], tuple[list[str], str]] | None = None
        # The text of the page's paragraphs, read once a bare name must be checked against it.
        self.paragraph_text: str | None = None

    def first(self, *keys: str) -> str:
        for key in keys:
            for value in self.meta.get(key, ()):
                value = _clean(value)
                if value:
                    return value
        return ""

    def all(self, *keys: str) -> list[str]:
        return [_clean(v) for key in keys for v in self.meta.get(key, ()) if _clean(v)]

    def ld(self, key: str) -> Any:
        for node in (*self.articles, *self.pages):
            value = node.get(key)
            if value:
                return value
        return None

    def own_ld(self, key: str) -> Any:
        """`ld(key)`, from the page's own article first where the JSON-LD describes others too
        (a related story's date is not the article's)."""
        for node in self._own_articles():
            value = node.get(key)
            if value:
                return value
        return self.ld(key)

    def draft(self) -> Draft:
        draft = Draft()
        draft.url = self.url()
        draft.source = self.source()
        draft.authors, draft.credit = self.byline(draft.source, draft.url)
        if not draft.authors and _INITIALS_ONLY.match(draft.credit):
            full = _name_behind_initials(self.tree, draft.credit)
            if full:
                draft.authors, draft.credit = [full], ""
        draft.title = self.title(draft.source, draft.authors)
        draft.published = self.published()
        draft.section = self.section()
        draft.language = self.language()
        return draft

    # Each field: candidates in order of trust.

    def url(self) -> str:
        """The article's address, read once (every field that compares it with a link asks)."""
        if self.address is None:
            self.address = self._url()
        return self.address

    def _url(self) -> str:
        base = self.first("og:url", "twitter:url", "parsely-link", "sailthru.url")
        for href in self.tree.xpath('//link[@rel="canonical"]/@href'):
            href = href.strip()
            if href:
                return _absolute(href, base)
        # The address the page gives itself for sharing before the JSON-LD's first node's,
        # which may be another story's (a related story's, a listing's); unless it is only
        # the site's (a template's og:url, the same on every page).
        own = _absolute(base, "")
        if own and urlsplit(own).path.strip("/"):
            return own
        ld = self.ld("url") or _ld_id(self.ld("mainEntityOfPage"))
        return (_absolute(ld, base) if isinstance(ld, str) else "") or own

    def source(self) -> str:
        # The publisher's name ("The New York Times") reads better than a site's ("NYTimes").
        names = [
            _ld_name(self.ld("publisher")),
            *(_text(node.get("name")) for node in self.sites),
            self.first("og:site_name", "application-name", "al:ios:app_name"),
        ]
        site = next((name for name in names if name and not _URL_LIKE.match(name)), "")
        site = _after_headline(site, self._headlines()) if site else site
        # "Aktuálně.cz - Víte, co se právě děje": a site name with its tagline.
        parts = _TITLE_SEPARATOR.split(site, maxsplit=1)
        if len(parts) == 2 and len(parts[0].split()) <= 4 and len(parts[1].split()) >= 2:
            return parts[0]
        return site

    def _headlines(self) -> list[str]:
        """The page's headlines as its metadata, tab and `<h1>`s give them, spaces collapsed."""
        found = [
            *self.all("og:title", "twitter:title"),
            self.tree.findtext(".//title") or "",
            *(node.text_content() for node in self.tree.iter("h1")),
        ]
        return [" ".join(headline.split()) for headline in found if headline.strip()]

    def title(self, site: str, authors: list[str]) -> str:
        """The headline: the visible one where the page shows it, without the site's name
        that a headline set for the page's tab often carries ("Headline - Town Crier"), even
        in its `<h1>`. Only a name the page gives its site (its publisher, og:site_name, its
        logo, its host) is cut: "Talks to resume - Minister" keeps its speaker."""
        self.uncut_title = self._title(site, authors)
        sites = [site, *self.site_headings(), *self.all("og:site_name")]
        return _strip_site(self.uncut_title, site, "", [], url=self.url(), sites=sites)

    def byline_in_headline(self, title: str, authors: list[str]) -> tuple[str, str]:
        """`title` without the last line of its `<h1>` where that line is a byline or names
        the writers (Nikkei: "Headline<br><span>編集委員　中沢克二</span>"), and that line."""
        if not title:
            return title, ""
        loose = _loose(title)
        for heading in self.tree.iter("h1"):
            if _loose(_heading_text(heading)) != loose:
                continue
            lines = _shown_lines(heading, skip=_not_headline)
            last = lines[-1] if len(lines) >= 2 else ""
            if last and (
                any(_loose(name) in _loose(last) for name in authors)
                or is_byline(last)
                or cjk_byline(last)
            ):
                return " ".join(lines[:-1]), last
            break
        return title, ""

    def _title(self, site: str, authors: list[str]) -> str:
        below = self._headline_below_breadcrumbs()
        if below:
            return below
        headings = self.shown_headings = self.headings()
        shown = self._headline_under_site_heading(headings) or self._after_archive_label(headings)
        if shown:
            return shown
        if len(headings) == 1 and self.kicker_cut:
            # The titles name the <h1>'s kicker apart from it: the <h1> is this story's.
            return headings[0]
        if len(headings) == 1 and (
            self._rewritten_headline(headings[0]) or self._settles_titles(headings[0])
        ):
            return headings[0]
        reworded = self._reworded_article_heading(headings)
        if reworded:
            return reworded
        if not headings:
            headed = self._article_header_heading()
            if headed:
                return headed
        title = self._declared_title(site, authors, headings)
        if len(headings) == 1:
            title = _reworded_headline(title, headings[0])
        title = _without_date_stamp(title)
        return self._shown_title_part(title, headings) or title

    def _shown_title_part(self, title: str, headings: list[str]) -> str:
        """The part of `title` that the page shows alone as a heading, where the rest names
        the site or its section ("Site - Section » Headline", "Diary: Headline" over an
        `<h3>` of the headline alone): the longest part, of a headline's length, in a heading
        outside the page's furniture. Not where an `<h1>` is the title's headline."""
        parts = [part.strip() for part in _TITLE_PARTS.split(title) if part.strip()]
        if len(parts) < 2:
            return ""
        loose_title = _loose(title)
        if any(
            _loose(h) in loose_title and len(_words_of(h)) >= _MIN_HEADLINE_WORDS for h in headings
        ):
            return ""
        longest = max(len(_words_of(part)) for part in parts)
        shown = {
            _loose(part): part
            for part in parts
            if len(_words_of(part)) == longest
            and (len(_words_of(part)) >= _MIN_HEADLINE_WORDS or _headline_words(part))
        }
        for element in self.tree.iter("h1", "h2", "h3"):
            part = shown.get(_loose(_heading_text(element)))
            if part is None:
                continue
            if _in_furniture(element) or _in_other_content(element) or _in_teaser_card(element):
                continue
            return part
        return ""

    def _headline_below_breadcrumbs(self) -> str:
        """The `<h2>` that is the headline where the page's only `<h1>` is the last crumb of
        its breadcrumb trail (the page's name as the trail gives it, often its <title>): the
        first `<h2>` after the trail in the article that tells the titles' story, without a
        kicker the titles set apart. Where no `<h2>` tells it, the crumb is the headline."""
        h1s = [h for h in self.tree.iter("h1") if not _is_site_heading(h) and _heading_text(h)]
        trail = _breadcrumb_trail(h1s[0]) if len(h1s) == 1 else None
        if trail is None:
            return ""
        titles = self._titles()
        story = {w for t in titles for w in _words_of(t)}
        crumb = _loose(_heading_text(h1s[0]))
        for element in h1s[0].xpath(f"following::h2[position() <= {_H2_SCAN}]"):
            if _in_furniture(element) or _in_other_content(element):
                continue
            if trail in element.iterancestors():
                continue  # The crumb's subtitle, beside it in the trail.
            text = _heading_text(element)
            words = _words_of(text)
            if len(words) < _MIN_HEADLINE_WORDS or crumb.startswith(_loose(text)):
                continue  # The crumb again, or a topic taken from its front ("Lupita Nyong'o").
            if len(_story_words(words) & story) >= _SHARED_STORY_WORDS:
                return _without_title_kicker(element, text, titles)
        return ""

    def declared_headings(self) -> list[str]:
        """The page's `<h1>`s (as `title` read them) that a title it declares words (for
        sharing, in its structured data, its `<title>` with the site's name): the headline it
        shows, where its title is another."""
        declared = [
            title
            for title in (
                _text(self.own_ld("headline")),
                *self.all("og:title", "twitter:title", "dc:title", "dcterms:title"),
            )
            if title
        ]
        page_title = _clean(self.tree.findtext(".//title") or "")
        return [
            h
            for h in self.shown_headings
            if any(_same_wording(h, title) for title in declared) or _titles_heading(page_title, h)
        ]

    def _after_archive_label(self, headings: list[str]) -> str:
        """The headline in a `<title>` that WordPress themes write "Blog » Blog Archive »
        Headline": what follows the label, where the page's `<h1>`s are the blog's name
        before it."""
        page_title = _clean(self.tree.findtext(".//title") or "")
        parts = [part for part in _TITLE_PARTS.split(page_title) if part.strip()]
        labels = {_loose(label) for label in _ARCHIVE_LABELS}
        for index, part in enumerate(parts[:-1]):
            if _loose(part) not in labels:
                continue
            names = {_loose(p) for p in parts[:index]}
            if all(_loose(h) in names for h in headings):
                rest = page_title[page_title.find(part) + len(part) :]
                return _clean(rest.lstrip(_LEADING_SEPARATORS + "»«/"))
        return ""

    def _settles_titles(self, heading: str) -> bool:
        """Whether the page declares two titles under one name (two plugins each writing an
        og:title) and the lone `<h1>` is worded as one of them: the one the reader sees."""
        loose_heading = _loose(heading)
        for key in ("og:title", "twitter:title"):
            values = {_loose(value) for value in self.all(key)}
            if len(values) > 1 and loose_heading in values:
                return True
        return False

    def _rewritten_headline(self, heading: str) -> bool:
        """Whether the page's lone `<h1>` is its headline as edited after the titles were
        written: it tells the same story in other words ("Kein Zugang mehr mit
        Sparpreis-Ticket" under a `<title>` "Kein Zutritt mehr mit Sparpreis-Tickets") and
        none of the titles the page declares is worded as it. Where one is, the page names
        its own headline and the titles' order decides as before; an `<h1>` with no words
        of the titles is a section's or a page's label ("Allergies Health Center")."""
        titles = [
            self.tree.findtext(".//title") or "",
            _text(self.own_ld("headline")),
            *self.all("og:title", "twitter:title", "dc:title", "dcterms:title"),
        ]
        titles = [_loose(t) for t in map(_clean, titles) if t]
        heading_words = _words_of(heading)
        if not titles or len(heading_words) < _MIN_HEADLINE_WORDS:
            return False
        loose_heading = _loose(heading)
        if any(loose_heading in t or t in loose_heading for t in titles):
            return False
        if 2 * len(heading_words) < min(len(_words_of(t)) for t in titles):
            return (
                False  # A tagline beside the titles' longer story ("Make your Firefox your own").
            )
        title_words = {w for t in titles for w in _words_of(t)}
        # The article's own headline, of a sentence's length, needs one word of the story:
        # titles written for search tell it in words of their own ("Bridge shut: what it
        # means for you").
        shared = 1 if self._heads_article(heading) else _SHARED_STORY_WORDS
        return len(_story_words(heading_words) & title_words) >= shared

    def _reworded_article_heading(self, headings: list[str]) -> str:
        """Of several `<h1>`s (the article's, a sidebar's "Top Articles", a section's name),
        the one that is the article's headline where the titles word it otherwise: the only
        one `_rewritten_headline`, heading the article's element (`_heads_article`) or
        marked as a headline among labels (`_marked_among_labels`: a theme with no article
        element), where no `<h1>` is worded as the titles."""
        if len(headings) < 2:
            return ""
        titles = [_loose(title) for title in self._titles()]
        shown = [_loose(_heading_text(h)) for h in self.tree.iter("h1")]
        if any(h and h in title for h in shown for title in titles):
            return ""  # An <h1> is the titles' headline (a page of several stories).
        reworded = [h for h in headings if self._rewritten_headline(h)]
        if len(reworded) == 1 and (
            self._heads_article(reworded[0]) or self._marked_among_labels(reworded[0], headings)
        ):
            return reworded[0]
        return ""

    def _marked_among_labels(self, heading: str, headings: list[str]) -> bool:
        """Whether the `<h1>` that reads `heading` is a sentence's length, its class names it
        the title or headline ("title", "c-intro__headline", "hed"), and the page's other
        `<h1>`s are labels ("Business Monday", "Editor's Choice Videos")."""
        if len(_words_of(heading)) < _SENTENCE_HEADLINE_WORDS:
            return False
        if any(len(_words_of(h)) >= _SENTENCE_HEADLINE_WORDS for h in headings if h != heading):
            return False
        element = next((h for h in self.tree.iter("h1") if _heading_text(h) == heading), None)
        return element is not None and bool(_TITLE_CLASS.search(element.get("class") or ""))

    def _heads_article(self, heading: str) -> bool:
        """Whether the `<h1>` that reads `heading` is a sentence's length and heads the
        article's element (`<article>`, a post marked up as one) or is marked as its headline,
        outside another story's card."""
        if len(_words_of(heading)) < _SENTENCE_HEADLINE_WORDS:
            return False
        element = next((h for h in self.tree.iter("h1") if _heading_text(h) == heading), None)
        if element is None or _in_teaser_card(element):
            return False
        if element.get("itemprop") == "headline" or _ENTRY_TITLE.search(_marks(element)):
            return True
        return any(
            a.tag == "article" or _ARTICLE_CLASS.search(_marks(a)) for a in element.iterancestors()
        )

    def _article_header_heading(self) -> str:
        """The heading that opens the page's one `<article>`, in its `<header>`, where the
        page's `<h1>`s are the site's name (a theme that gives the logo the `<h1>`) and it
        declares no headline for sharing: the `<title>` beside it is written for search
        engines ("… Embarrassed in a HUGE Way!" over "Hillary Clinton Gets More …"). Not a
        list of posts (several `<article>`s), nor a heading that links to another story."""
        if self.first("og:title", "twitter:title") or _text(self.own_ld("headline")):
            return ""
        articles = [a for a in self.tree.iter("article") if not _in_furniture(a)]
        if len(articles) != 1:
            return ""
        first = next(articles[0].iter(*_HEADINGS), None)
        if first is None or first.tag != "h2" or _in_teaser_card(first):
            return ""
        if not _under_header(first, articles[0]):
            return ""
        text = _heading_text(first)
        return text if len(_words_of(text)) >= _SENTENCE_HEADLINE_WORDS else ""

    def _titles(self) -> list[str]:
        """The page's `<title>` and the title it declares for sharing."""
        titles = (self.tree.findtext(".//title") or "", self.first("og:title", "twitter:title"))
        return [title for title in map(_clean, titles) if title]

    def _headline_under_site_heading(self, headings: list[str]) -> str:
        """The `<h2>` (or `<h3>`, as diaries set a post's title under the day's `<h2>`) that is
        the headline where the page's `<h1>` is not: a blog's or a section's name
        ("DimidoBlog", "Literatur") or nothing, and the `<title>` is the heading with that name
        and others beside it ("Was ist Virales Marketing? | DimidoBlog"), a glyph before the
        heading ("■ Headline") aside.
        The `<h2>` must be the title's longest part (a sidebar's "Archiv" is a name too), and
        not beside the `<h1>`: there it is the headline's subtitle ("Headline - Subtitle")."""
        titles = [_loose(title) for title in self._titles()]
        if not titles:
            return ""
        beside = {h.getparent() for h in self.tree.iter("h1") if not _is_site_heading(h)}
        for element in self.tree.iter("h2", "h3"):
            if element.getparent() in beside:
                continue
            if _in_furniture(element) or _in_other_content(element):
                continue
            shown = _heading_text(element)
            text = _BULLET.sub("", shown)  # (matched without it, as the titles leave it out)
            loose_text = _loose(text)
            if len(_words_of(text)) < 2:
                continue
            for title in titles:
                start = title.find(loose_text)
                if start < 0 or loose_text == title:
                    continue
                before, after = title[:start], title[start + len(loose_text) :]
                if not _at_part_edges(before, after):
                    continue
                others = [p for p in _TITLE_PARTS.split(f"{before} {after}") if p.strip()]
                if all(_loose(h) in others for h in headings) and all(
                    not _longer_name(p, text) for p in others
                ):
                    return shown
        return ""

    def _declared_title(self, site: str, authors: list[str], headings: list[str]) -> str:
        url = self.url()
        page_title = _clean(self.tree.findtext(".//title") or "")
        # Dublin Core first, as Readability does: rarer than OpenGraph, but when a page has
        # both, OpenGraph's is the one written for social media.
        declared = [
            _text(self.own_ld("headline")),
            self.first("dc:title", "dcterms:title", "dcterm:title", "dc.title", "dcterms.title"),
            self.first("og:title", "twitter:title"),
            _text(self.own_ld("name")) if self.articles else "",
            self.first("parsely-title", "sailthru.title", "title", "headline"),
        ]
        declared = [c for c in declared if c and _loose(c) != _loose(site)]
        logos = self.site_headings()
        headline = _text(self.own_ld("headline"))
        visible = headings or logos
        if len(visible) == 1 and headline and _words_of(visible[0]) == _words_of(headline):
            # The article's structured data names the visible headline as its headline: the
            # og:title and <title> beside it are versions written for sharing and search.
            # (Even an <h1> taken for the site's: some sites link their headline home.)
            return visible[0]
        # What a <title> adds to the headline: the site's name, as its logo heading gives it,
        # the author's, WordPress's "Blog Archive".
        sites = [site, *logos, *self.all("og:site_name")]
        authors = [*authors, *sites[1:], *_ARCHIVE_LABELS]
        if declared:
            # Wikipedia's JSON-LD "headline" is a description; the candidate the <title>
            # agrees with is the headline.
            loose_page = _loose(page_title)
            agreed = [c for c in declared if _loose(c) in loose_page or loose_page in _loose(c)]
            shown = [h for h in headings if _titles_heading(page_title, h)]
            if not agreed and shown and not _same_wording(shown[0], declared[0]):
                # The <title> and the <h1> agree with each other on a headline that the
                # metadata words otherwise (for sharing), or lacks (the site's generic one).
                # (The same words in other typography leave the metadata's: "Dropbox’s ATF -
                # a framework" for "Dropbox ATF: a framework".)
                return shown[0]
            title = _strip_site(
                (agreed or declared)[0], site, page_title, authors, url=url, sites=sites
            )
        elif len(headings) == 1 and (
            not page_title
            or _similar(headings[0], page_title)
            or (_unrelated(headings[0], page_title) and self._heads_article(headings[0]))
        ):
            # A lone <h1> outside the page header is the headline, unless the <title> says
            # otherwise (a section name such as "Health Center"). One that heads the article,
            # a sentence sharing no word with the <title>, is the headline that <title> was
            # written for search engines beside.
            return headings[0]
        else:
            title = _strip_site(
                page_title,
                site,
                "",
                authors,
                guess=not site,
                url=url,
                sites=sites,
                section=self.section(),
            )
        if len(headings) > 1 and (
            _is_site_name(title, site, url) or _loose(title) in self._site_names()
        ):
            # The titles give the site's name alone: of the page's <h1>s (a teaser's, a
            # list's), the headline is the one in the article's element.
            own = self._article_heading(headings)
            if own:
                return own
        if len(headings) == 1 and (
            len(_words_of(title)) <= 3
            and len(headings[0].split()) >= 4
            or _is_site_name(title, site, url)
        ):
            # A short declared title ("Pressemitteilungen", the site's name) under a lone
            # headline of a sentence's length: the page names its section, the <h1> its story.
            return headings[0]
        if len(_words_of(title)) <= _SITE_TITLE_WORDS and all(
            len(_words_of(heading)) <= _SECTION_WORDS for heading in headings
        ):
            # No <h1> but a section's ("Aktuelles"), and the titles give the site's name or
            # that section at most: the post's title is the heading its theme marks as one
            # ("<h2 class="entry-title">", Joomla's and TYPO3's `itemprop="headline"`).
            marked = self._marked_entry_title(beside_h1=bool(headings))
            if marked or not headings:
                return marked or (not declared and self._unworded_headline(title)) or title
        if not headings and not declared:
            # Only a <title>, of words none of which the headline the page marks as the
            # story's has: the site's for every page ("News from The Associated Press" over
            # `<span class="headline entry-title">Father of …</span>`).
            marked = self._unworded_headline(title)
            if marked:
                return marked
        return _visible_headline(title, headings)

    def _unworded_headline(self, title: str) -> str:
        """The headline the page marks as its story's (`_marked_story_headline`) where its
        only title, `title`, has none of its words: the site's for every page, a series'.
        Marked by a class "headline" alone, only under a title of a name's length: under a
        headline's, it heads a box (a call for donations)."""
        short = len(_words_of(title)) <= _SITE_TITLE_WORDS
        marked = self._marked_story_headline(by_class=short)
        if marked and not _story_words(_words_of(marked)) & set(_words_of(title)):
            return marked
        return ""

    def _marked_story_headline(self, *, by_class: bool = False) -> str:
        """The text of the first element the page marks as its story's headline
        (`itemprop="headline"`, "entry-title"; with `by_class`, a class "headline" or
        "l-headline" too) outside its furniture and other stories, of a headline's length;
        else ""."""
        for element in self.tree.xpath(_STORY_HEADLINE):
            marks = element.get("class") or ""
            if not (
                element.get("itemprop") == "headline"
                or "entry-title" in marks
                or by_class
                and _HEADLINE_CLASS.search(marks)
            ):
                continue  # ("headlines", "subheadline": a list's, a deck's)
            if _in_furniture(element) or _in_other_content(element) or _in_teaser_card(element):
                continue
            text = _heading_text(element)
            if _MIN_HEADLINE_WORDS <= len(_words_of(text)) and len(text) <= _MAX_HEADLINE:
                return text
        return ""

    def _marked_entry_title(self, *, beside_h1: bool = False) -> str:
        """The text of the first `<h2>`-`<h4>` (or a block) marked as a post's title
        (`_POST_TITLE_CLASS`, `itemprop="headline"`), not in the page's furniture or another
        story's teaser, of two words or more; else "". `beside_h1`: below a section's `<h1>`,
        where a box of other stories may be headed "headline" too ("Przeczytaj również"),
        only a title marked as the post's (`itemprop`, "entry-title") of three words or more."""
        for element in self.tree.xpath(_MARKED_TITLES):
            marked = element.get("itemprop") == "headline" or bool(
                _ENTRY_TITLE.search(_marks(element))
            )
            if not marked and (
                beside_h1 or not _POST_TITLE_CLASS.search(element.get("class") or "")
            ):
                continue
            if _in_furniture(element) or _in_other_content(element) or _in_teaser_card(element):
                continue
            text = _heading_text(element)
            if len(_words_of(text)) >= (_MIN_HEADLINE_WORDS if beside_h1 else 2):
                return text
        return ""

    def headings(self) -> list[str]:
        """The texts of the page's `<h1>`s, except those in its header (site logos), without
        a kicker the `<title>` sets apart."""
        found = []
        titles = self._titles()
        declared = _words_of(_text(self.own_ld("headline")))
        names: set[str] | None = None
        for heading in self.tree.iter("h1"):
            if _is_site_heading(heading) and not _marked_headline(heading, declared):
                continue
            if len(_words_of(_heading_text(heading))) <= _SITE_NAME_WORDS:
                names = self._site_names() if names is None else names
                if _loose(_heading_text(heading)) in names and not _marked_headline(
                    heading, declared
                ):
                    continue  # The site's name as a heading, neither linked nor a logo.
            following = heading.getnext()
            if _KICKER_CLASS.search(heading.get("class") or "") and following is not None:
                if following.tag != "h2":
                    continue
                heading = following  # An <h1> marked as the kicker of the <h2> below it.
            text = _heading_text(heading)
            headline = _without_title_kicker(heading, text, titles)
            self.kicker_cut = self.kicker_cut or headline != text
            text = headline
            if text and text not in found:
                found.append(text)
        if any(len(_words_of(text)) >= _MIN_HEADLINE_WORDS for text in found):
            # A one-word <h1> beside a headline is a section's heading ("Anwendung").
            found = [text for text in found if len(_words_of(text)) > 1]
        return found

    def _article_heading(self, headings: list[str]) -> str:
        """Of `headings` (the page's `<h1>`s as read), the one in an `<article>` (or a post
        marked up as one), else in `<main>`, and not in a teaser's card; else ""."""
        wanted = set(headings)
        found: dict[str, str] = {}
        for heading in self.tree.iter("h1"):
            text = _heading_text(heading)
            if text not in wanted or _in_teaser_card(heading):
                continue
            for ancestor in heading.iterancestors():
                marks = _marks(ancestor)
                if marks and (_TEASER.search(marks) or _LISTING.search(marks)):
                    break  # another story's card, a list of them
                if ancestor.tag == "article" or (marks and _ARTICLE_CLASS.search(marks)):
                    found.setdefault("article", text)
                    break
                if ancestor.tag == "main":
                    found.setdefault("main", text)
                    break
        return found.get("article") or found.get("main", "")

    def _site_names(self) -> set[str]:
        """The site's names as the page gives them (loosely): its publisher's, og:site_name,
        the text of its logo's image linked home."""
        names = [self.source(), *self.all("og:site_name", "application-name")]
        for image in self.tree.iterfind(".//a[@href]/img[@alt]"):
            if _ROOT_LINK.match((image.getparent().get("href") or "").strip()):
                names.append(image.get("alt") or "")
        return {_loose(name) for name in names if name.strip()}

    def site_headings(self) -> list[str]:
        """The texts of `<h1>`s that hold the site's logo or a link to its home page."""
        found = []
        for heading in self.tree.iter("h1"):
            text = _heading_text(heading) if _is_logo(heading) else ""
            if text and text not in found:
                found.append(text)
        return found

    def byline(self, site: str, url: str) -> tuple[list[str], str]:
        """Authors and credit: the first source, in order of trust, that names a person; else
        the first credit. Metadata often names the publisher or a desk where the page's byline
        names the writer, so a person's name from the byline wins over it.

        A site that names itself as the author ("author": {"@type": "Organization", "name":
        "Badische Zeitung"}) says nothing of who wrote the story: kept in `site_credit` for
        when nothing else does. (A site named like a person is a blog named after its writer:
        kept as the credit where no one else is named.)
        """
        fallback: tuple[list[str], str] = ([], "")
        declared = False
        owners = self._owner_names()
        # (The publisher the meta tags name, as the author they declare, names who put the
        # story out, not who wrote it; a byline the page shows may still name them.)
        publishers = self.all(*_PUBLISHER_KEYS)
        for people, credit, kind in self._bylines():
            # (A host named as the author, "elmundo.es", is a site's, even where the page
            # gives no address to compare it with.)
            own = _is_site_name(credit, site, url) or bool(_HOST_NAME.match(credit))
            if credit and own and not is_person_name(credit):
                self.site_credit = self.site_credit or credit
                credit = ""
            if people and is_place(credit):
                credit = ""  # "Ángeles Escrivá | Madrid": where she wrote from, no outlet
            if kind == _GUESS and (fallback[0] or fallback[1]):
                break  # a bare name under the headline is no match for a credit the page gives
            if kind == _GUESS and people and all(map(self._quoted, people)):
                continue  # "Mary Smith" over a story that quotes her: its subject, no writer
            if people and not all(
                _is_site_name(p, site, url)
                or _owns_the_site(p, owners)
                or (kind == _DECLARED and _owns_the_site(p, publishers))
                for p in people
            ):
                if kind == _DECLARED:
                    people = self._shown_more(self._owner_shown(people))
                return people, credit
            if kind == _LINKED and credit and declared:
                # The metadata named no one ("EFC Musterstadt", the site's two owners); the
                # page links the post's writer after a byline's word ("von <a>Cooper</a>").
                return [], credit
            if not (fallback[0] or fallback[1]) and (not self.site_credit or is_agency(credit)):
                # (Once the site names itself, only a person's or an agency's name says more.)
                fallback = ([], credit or ", ".join(people))
                declared = kind == _DECLARED and not is_agency(fallback[1])
        return fallback

    def _quoted(self, name: str) -> bool:
        """Whether the page's paragraphs quote `name` as a speaker (`quoted_as_speaker`)."""
        if self.paragraph_text is None:
            self.paragraph_text = " ".join(" ".join(self.tree.xpath("//body//p//text()")).split())
        return quoted_as_speaker(name, self.paragraph_text)

    def _owner_names(self) -> list[str]:
        """The names the page gives its site or its owner: the site's name (and the parts of
        one with its tagline), the copyright and rights tags, and the short parts a `<title>`
        sets apart ("Deutsches Rotes Kreuz - Headline"), each name of a list apart."""
        names = self.all("og:site_name", "application-name", "copyright", "dc.rights")
        names += self.all("dcterms.rights", "dc:rights", "dcterms:rights")
        parts = _TITLE_SEPARATOR.split(_clean(self.tree.findtext(".//title") or ""))
        if len(parts) > 1:
            names += [p for p in parts if len(_words_of(p)) <= _MAX_SITE_WORDS]
        found = []
        for name in names:
            for part in _TITLE_SEPARATOR.split(_COPYRIGHT_WORDS.sub(" ", name)):
                found += [n for n in part.split(",") if len(_words_of(n)) >= 2]
        return found

    def _dom_bylines(self) -> tuple[tuple[list[str], str], tuple[list[str], str]]:
        """`_dom_bylines` of the page, found once (it reads every marked element)."""
        if self.byline_elements is None:
            self.byline_elements = _dom_bylines(self.tree)
        return self.byline_elements

    def _label_texts(self) -> list[Any]:
        """The texts that may label a byline (`_LABEL_TEXTS`), found once."""
        if self.label_texts is None:
            self.label_texts = self.tree.xpath(_LABEL_TEXTS)
        return self.label_texts

    def _owner_shown(self, declared: list[str]) -> list[str]:
        """The person the byline under the headline shows where the metadata `declared` a
        CMS account made of their name ("jdoe" declared, "By Jane Doe" shown), else
        `declared`."""
        if len(declared) != 1 or not _HANDLE.match(declared[0]):
            return declared  # a name, no account: the page's bylines are not read for it
        shown = self._dom_bylines()[0][0]
        if not (len(shown) == 1 and _handle_of(declared[0], shown[0])):
            shown = _byline_under_headline(self.tree, self._titles())[0]
        return shown if len(shown) == 1 and _handle_of(declared[0], shown[0]) else declared

    def _shown_more(self, declared: list[str]) -> list[str]:
        """The people the page's byline shows where they are those its metadata `declared`
        and more ("By Jane Doe and John Roe" where the JSON-LD names Jane Doe alone: a CMS
        that keeps one author a story), else `declared`."""
        shown = self._dom_bylines()[0][0]
        if len(shown) <= len(declared):
            return declared
        # (A byline may give a declared writer's first name as its initial: "E. Barreneche"
        # for "Eduardo Barreneche".)
        if all(any(_same_person(name, other) for other in shown) for name in declared):
            return shown
        return declared

    def _shown_author(self, declared: list[str]) -> list[str]:
        """The people the page shows under an author label ("Auteur", "Autor:") where none of
        them is among those its metadata `declared`, else those: the metadata often names the
        account that posted the story, the label who wrote it."""
        if not declared:
            return declared
        shown, _ = _labelled_byline(self.tree, _AUTHOR_WORD, self._label_texts())
        declared_words = {w for name in declared for w in _words_of(name)}
        if shown and not declared_words & {w for name in shown for w in _words_of(name)}:
            return shown
        return declared

    def _bylines(self) -> Iterator[tuple[list[str], str, str]]:
        """Bylines the page gives, in order of trust, each looked for only when asked; the
        last item says where it is from: the metadata (`_DECLARED`), a link after a byline's
        word (`_LINKED`), a guess (`_GUESS`: a name under the headline with no "By")."""
        found = [_ld_people(_ld_author(node)) for node in self._own_articles() if _ld_author(node)]
        if not found:
            found = [_ld_people(_ld_author(node)) for node in self.pages if _ld_author(node)]
        if not found:
            found = [_ld_people(_ld_author(node)) for node in self.works if _ld_author(node)]
        linked = merge_bylines(pair for pair in found if pair[0] or pair[1])
        keyed = self._meta_author()
        if _outvoted(linked[0], keyed[0], lambda: self._dom_bylines()[0][0]):
            yield (*keyed, _DECLARED)
        yield self._shown_author(linked[0]), linked[1], _DECLARED
        if keyed[0] or keyed[1]:
            yield self._shown_author(keyed[0]), keyed[1], _DECLARED
        labelled = self.labelled_author()
        if labelled:
            people, credit = split_byline(labelled)
            yield self._shown_author(people), credit, _DECLARED
        near, far = self._dom_bylines()
        yield (*near, _SHOWN)
        people, credit, guess = _byline_under_headline(self.tree, self._titles())
        yield people, credit, _GUESS if guess else _SHOWN
        yield (*far, _SHOWN)
        yield (*_labelled_byline(self.tree, _NAME_LABEL, self._label_texts()), _SHOWN)
        yield (*_linked_byline(self.tree), _LINKED)
        yield (*_avatar_byline(self.tree), _GUESS)
        yield [], _labelled_publisher(self.tree), _SHOWN

    def _own_articles(self) -> _Nodes:
        """The JSON-LD article nodes that describe the page's own article, where it describes
        others too (related stories, a listing): those at the page's address, else those
        whose headline the page's titles give, else those with the first one's headline (an
        article typed twice)."""
        if len(self.articles) <= 1:
            return self.articles
        url = _loose(self.url().rstrip("/"))
        own = [node for node in self.articles if url and url in _node_addresses(node)]
        if own:
            return own
        titles = [_loose(title) for title in self._titles()]
        own = [node for node in self.articles if _titled(_text(node.get("headline")), titles)]
        if own:
            return own
        headline = _text(self.articles[0].get("headline"))
        return [node for node in self.articles if _text(node.get("headline")) == headline]

    def _meta_author(self) -> tuple[list[str], str]:
        """The byline of the first meta key that names an author (all its values:
        article:author may list several)."""
        author_keys = (*_AUTHOR_KEYS, *(k for k in self.meta if _AUTHOR_NAME_KEY.search(k)))
        for key in author_keys:
            names = [
                n
                for n in self.all(key)
                if not (_URL_LIKE.match(n) or _EMAIL.search(n) or self._of_another_site(n))
            ]
            if names:
                return merge_bylines(split_author_field(n) for n in dict.fromkeys(names))
        return [], ""

    def _of_another_site(self, name: str) -> bool:
        """Whether an author's name comes with the address of another site than the page's
        ("Jane Doe - http://janedoe.example" on a blog elsewhere, "Web Agency GmbH
        www.agency.example"): the maker of the site, its theme or template, who wrote none
        of its posts."""
        found = _NAMED_SITE.search(name)
        if found is None:
            return False
        host = (urlsplit(self.url()).hostname or "").removeprefix("www.")
        return bool(host) and found.group(1).lower().removeprefix("www.") != host

    def labelled_author(self) -> str:
        """The author that a pair of labelled Twitter card fields names (WordPress's Yoast
        SEO: `twitter:label1` "Written by", `twitter:data1` "Jane Doe")."""
        for number in range(1, 5):
            label = self.first(f"twitter:label{number}")
            if label and _WRITTEN_BY.match(label):
                return self.first(f"twitter:data{number}")
        return ""

    def published(self) -> datetime | None:
        times = self.tree.xpath("//time[@datetime]")
        candidates = [
            _text(self.own_ld("datePublished")),
            *self.all("article:published_time", "og:published_time", "datepublished"),
            # The page's own microdata outranks the generic keys (DC's "date" is often the
            # last change): `<time itemprop="datePublished" datetime="2022-01-27">`.
            _microdata_published(times) or _microdata_text_published(self.tree),
            *self.all(
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dc:date",
                "dcterms.date",
                "dcterms.created",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "publication_date",
                "article.published",
                "published_time",
                "article:published",
                "citation_publication_date",
                "citation_date",
            ),
            _text(self.own_ld("dateCreated")),
            *(v for key, values in self.meta.items() if _DATE_KEY.search(key) for v in values),
        ]
        # Not a comment's or another story's <time>, nor one marked or labelled as the last
        # change's: their dates are not the article's.
        own = _headed_article_first([time for time in times if not _in_listing(time)])
        changed = [time for time in own if _changed_time(time)]
        shown = (time for time in own if time not in changed)
        candidates += [time.get("datetime") for time in itertools.islice(shown, 3)]
        # "12/03/2024" is 12 March where the page's language writes the day first (a date
        # the page shows in the other reading corrects it: `_read_as_shown`).
        day_first = _writes_day_first(self.tree)
        self.declared = [d for c in candidates if (d := _parse_declared(c, day_first=day_first))]
        candidates += self.all("article:modified_time", "og:updated_time", "dc.date.modified")
        candidates.append(_text(self.own_ld("dateModified")))
        candidates += [time.get("datetime") for time in changed[:1]]
        found = None
        for candidate in candidates:
            if not candidate or (found is not None and not _OFFSET.search(candidate)):
                continue
            parsed = _parse_declared(candidate, day_first=day_first)
            if parsed is None:
                continue
            if found is None:
                self.read_either_way = (
                    parsed.day <= 12
                    and parsed.month != parsed.day
                    and bool(_SLASHED_DATE.search(candidate))
                )
                if parsed.utcoffset() != _UTC:
                    return parsed
                found = parsed
            elif parsed.utcoffset() not in (None, _UTC) and parsed == found:
                # The same moment in the site's own time zone: its calendar date is the one
                # the page shows ("2019-10-18T22:04Z" is 19 October in Berlin).
                return parsed
        return found

    def section(self) -> str:
        section = _text(self.ld("articleSection")) or self.first(
            "article:section", "parsely-section", "section", "category", "dc.subject"
        )
        if section.startswith("/"):
            # "/world/middle_east": a path, whose last part names the section.
            section = section.rstrip("/").rsplit("/", 1)[-1].replace("_", " ").replace("-", " ")
        return section

    def language(self) -> str:
        root_lang = self.tree.get("lang") or self.tree.get("xml:lang") or ""
        candidates = [
            root_lang,
            self.first("content-language", "language", "dc.language", "og:locale"),
            _text(self.ld("inLanguage")),
        ]
        for candidate in candidates:
            code = _language_code(candidate)
            if code:
                return code
        return ""


# A heading's kicker: the topic line set above or before the headline inside the `<h1>`
# ("Einheit der Woche", "Olympische Spiele in Paris"), a separate line on the page.
_KICKER_CLASS = re.compile(
    r"kicker|topline|overline|dachzeile|roofline|eyebrow|super-?title|overhead|sub-?heading|strapline"
    r"|\bslug\b"
    r"|headline[-_]?(?:label|intro|prefix)|title[-_]?(?:label|prefix)",
    re.IGNORECASE,
)
# The part of a heading marked as its headline ("article__headline", "headline").
# A rewritten <h1> has at least this many words, this many of them the titles'.
_MIN_HEADLINE_WORDS = 3
_SHARED_STORY_WORDS = 2
# The shortest word that tells a story's: not "the", "for", "und" ("Why Don't You Go Fight
# For The Reindeer?" is no rewording of "The Early Reviews For Google's Stadia …").
_MIN_STORY_WORD = 4


def _story_words(words: list[str]) -> set[str]:
    """The words among `words` (`_words_of`) that say what a story is about."""
    return {word for word in words if len(word) >= _MIN_STORY_WORD}


_HEADLINE_CLASS = re.compile(r"(?:^|\s|__|-)headline(?:$|\s)", re.IGNORECASE)
# How themes mark a post's title where it is no `<h1>`: "entry-title", "post-title",
# "article__title", "story-headline".
_POST_TITLE_CLASS = re.compile(
    r"\b(?:entry|post|article|story)(?:[-_]{1,2}(?:title|headline))\b|(?:^|\s)headline(?:$|\s)",
    re.IGNORECASE,
)
# The most words of a site's name that an `<h1>` may give.
_SITE_NAME_WORDS = 5
# The most words of a title that gives the site's name and nothing of a story.
_SITE_TITLE_WORDS = 4
# The most words of an `<h1>` that names a page's section ("Aktuelles", "Local news").
_SECTION_WORDS = 2
# The headings and blocks a theme may mark as a post's title.
_MARKED_TITLES = "//h2|//h3|//h4|//h5|//div[@class or @itemprop]|//span[@itemprop]|//p[@class]"
_STORY_HEADLINE = (
    "//*[@itemprop='headline' or contains(@class, 'entry-title') or contains(@class, 'headline')]"
)
_MAX_HEADLINE = 300
# The fewest words of an `<h1>` that is a sentence, not a label ("Allergies Health Center").
_SENTENCE_HEADLINE_WORDS = 5
# Text a browser does not show, left for screen readers ("Headline:", "| Site").
_SCREEN_READER_CLASS = re.compile(
    r"\b(?:visually-?hidden|sr-only|screen-?reader(?:-text|-only)?|element-invisible|invisible"
    r"|offscreen|a11y-hidden|aural)\b",
    re.IGNORECASE,
)
_NOT_TEXT = frozenset(("script", "style", "noscript", "template", "rt", "rp"))
# Inline elements run on with the text around them; other elements are set apart by a space.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q ruby s samp small strong sub "
    "sup time u var wbr rt rp".split()
)
_LEADING_SEPARATORS = " :|-–—·•"
# A class that names an element the page's title or headline ("title", "c-intro__headline").
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|headline|hed)(?:$|[\s_-])", re.IGNORECASE)
# A glyph a theme sets before a heading as decoration ("■ Headline", "● Headline").
_BULLET = re.compile(r"^[■□▪▫●○◆◇▲△▶►▼▽★☆※◎・•]\s*")
# "Headline von jesusfreak": a declared title that names its author after the headline.
_BY_WORDS = (["by"], ["von"], ["par"], ["por"], ["di"], ["door"], ["av"])
_LINE_TAGS = _HTML_BLOCKS | {"br"}


def _heading_text(heading: Any) -> str:
    """What a heading says: its words without its kicker, styles and scripts, nor the labels
    only screen readers are given ("Headline:"); the part marked as the headline where the
    heading marks one beside its kicker."""
    for inner in heading.iterdescendants():
        if inner.get("itemprop") == "headline" or _HEADLINE_CLASS.search(inner.get("class") or ""):
            text = _spaced_text(inner, skip=_not_headline)
            if len(text.split()) >= 2:
                return text.lstrip(_LEADING_SEPARATORS)
    return _spaced_text(heading, skip=_not_headline).lstrip(_LEADING_SEPARATORS)


def _not_headline(element: Any) -> bool:
    return (
        _kicker(element)
        or _SCREEN_READER_CLASS.search(element.get("class") or "") is not None
        or _hidden_or_count(element)
        or _permalink(element)
    )


_PERMALINK_MARKS = frozenset("¶ # § 🔗 ⚓".split())


def _permalink(element: Any) -> bool:
    """Whether an element inside a heading is the link to it that documentation tools
    (Sphinx, MkDocs, GitHub's Markdown) set after its words: "¶", "#"."""
    return (
        element.tag == "a"
        and (element.get("href") or "").startswith("#")
        and element.text_content().strip() in _PERMALINK_MARKS
    )


# A link to the comments, or a comment count, by its class ("comment-count", not "commentary").
_COMMENTS_MARK = re.compile(r"comment(?!ar|at)", re.IGNORECASE)


def _hidden_or_count(element: Any) -> bool:
    """Whether an element inside a heading is no part of what it says: hidden from view (the
    site's name after the headline for search engines), or the count of its comments linked
    beside it ("Headline 12")."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and "none" in style and "display:none" in style.replace(" ", "").lower():
        return True
    if element.tag != "a" and element.tag != "span":
        return False
    return (element.get("href") or "").startswith("#comment") or bool(
        _COMMENTS_MARK.search(element.get("class") or "")
    )


def _spaced_text(root: Any, skip: Callable[[Any], bool] | None = None) -> str:
    """The text of `root` as a browser shows it: a space between elements' texts
    (`text_content()` runs "Jane Doe</span><span>Fri" together) except around inline
    formatting, without styles, scripts or ruby readings, nor the elements `skip` picks out."""
    return _clean("".join(_shown_text(root, skip, " "))) or _clean(root.text_content())


def _shown_lines(
    root: Any, skip: Callable[[Any], bool] | None = None, *, links_apart: bool = False
) -> list[str]:
    """The lines of `root` as a browser shows them: as `_spaced_text`, and block elements and
    line breaks start a line. `links_apart`: a link's text is set apart from what follows it,
    as a byline's style sets a writer's linked name apart from their role ("<a>Jane Doe</a>
    <span>Senior Reporter</span>", which runs together as "Jane DoeSenior Reporter")."""
    lines = "".join(_shown_text(root, skip, "\n", links_apart=links_apart)).split("\n")
    return [line for line in map(_clean, lines) if line]


def _shown_text(
    root: Any, skip: Callable[[Any], bool] | None, block_break: str, *, links_apart: bool = False
) -> list[str]:
    """The pieces of `_spaced_text` and `_shown_lines`, `block_break` between blocks.

    Walks the tree without recursion, so any depth is fine."""
    import lxml.etree

    parts: list[str] = []
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if element is root:
            parts.append(element.text or "" if event == "start" else "")
            continue
        if not isinstance(element.tag, str):  # A comment or processing instruction.
            parts.append(element.tail or "")
        elif event == "end":
            tag = element.tag
            inline = tag in _INLINE and not (links_apart and tag == "a")
            space = "" if inline else block_break if tag in _LINE_TAGS else " "
            parts.append(space + (element.tail or ""))
        elif element.tag in _NOT_TEXT or (skip is not None and skip(element)):
            walker.skip_subtree()  # Its tail still follows, at its "end".
        else:
            opens = "\n" if block_break == "\n" and element.tag in _LINE_TAGS else ""
            parts.append(opens + (element.text or ""))
    return parts


def _kicker(element: Any) -> bool:
    """A heading's kicker: marked by its class, or small print on a line before the rest; or
    its subtitle, small print after the rest (Bootstrap's "<h1>Headline <small>Secondary
    text</small></h1>")."""
    if _KICKER_CLASS.search(element.get("class") or ""):
        return True
    if element.tag != "small":
        return False
    parent, following = element.getparent(), element.getnext()
    if element.getprevious() is None and not (parent.text or "").strip():
        return following is not None and following.tag == "br"
    return (
        following is None
        and parent.tag in _HEADINGS
        and not (element.tail or "").strip()
        and bool(_WORDS.search(_spaced_text(parent, skip=lambda e: e is element)))
    )


def _without_date_stamp(title: str) -> str:
    """`title` without the day it was posted set apart before it ("23.01.2022 - Headline"):
    a stamp a CMS adds, not words of the headline. (Not "30.11. | Buch der Woche", a date
    without a year that names a series.)"""
    parts = _TITLE_SEPARATOR.split(title, maxsplit=1)
    if len(parts) == 2 and len(_words_of(parts[1])) >= 3 and parse_date(parts[0]) is not None:
        return parts[1]
    closing = _CLOSING_DATE.search(title)
    if closing and len(_words_of(title[: closing.start()])) >= 3:
        # "Headline (12.03.2024)": the same stamp in brackets after it.
        stamp = parse_date(closing.group(1))
        if stamp is not None and str(stamp.year) in closing.group(1):
            return title[: closing.start()]
    return title


# A date in brackets closing a title ("… (12.03.2024)").
_CLOSING_DATE = re.compile(r"\s*\(([^()]{6,30})\)$")


def _at_part_edges(before: str, after: str) -> bool:
    """Whether text between `before` and `after` in a title is whole parts of it."""
    return bool(before or after) and (
        (not before or _TITLE_PARTS.search(f"{before}$") is not None)
        and (not after or _TITLE_PARTS.match(after) is not None)
    )


def _without_title_kicker(heading: Any, text: str, titles: list[str]) -> str:
    """`text` of an `<h1>` without the kicker in its first element, where the page's titles
    set that kicker apart ("Olympische Spiele in Paris - Getränke per Schiff …") or leave it
    out: `<h1><span>Olympische Spiele in Paris</span> Getränke per Schiff …</h1>`."""
    children = [c for c in heading if isinstance(c.tag, str) and c.tag not in _NOT_TEXT]
    if not children:
        return text
    if (heading.text or "").strip():
        if children[0].tag != "br":
            return text
        # "<h1>Kicker<br>Headline</h1>": the kicker as the heading's own first line; not a
        # headline set on two lines that the titles write whole ("Driverless trams:<br>on two
        # lines from spring").
        if any(_titles_heading(title, text) for title in titles):
            return text
        kicker = " ".join(heading.text.split()).strip(_LEADING_SEPARATORS)
    elif children[0].tag in ("a", "br"):
        return text
    else:
        shown = _spaced_text(children[0], skip=_not_headline)
        if shown.rstrip().endswith(":") and any(_titles_heading(t, text) for t in titles):
            # "<span>Topic:</span><br><span>Headline</span>": one headline set on two lines,
            # its topic read into it, as the titles write it whole.
            return text
        kicker = shown.strip(_LEADING_SEPARATORS)
    loose_text, loose_kicker = _loose(text), _loose(kicker)
    if not kicker or not loose_text.startswith(loose_kicker):
        return text
    rest = (
        _clean(text[len(kicker) :].lstrip(_LEADING_SEPARATORS)) if text.startswith(kicker) else ""
    )
    if len(_words_of(rest)) < 2 or is_byline(rest) or cjk_byline(rest):
        return text  # (A byline set under the headline inside its <h1>: the first is no kicker.)
    for title in map(_loose, titles):
        if title.startswith(_loose(rest)):
            return rest
        if title.startswith(loose_kicker) and _TITLE_PARTS.match(title[len(loose_kicker) :]):
            return rest
    return text


# The most words of a site's name a <title> sets apart after the headline.
_MAX_SITE_WORDS = 4


_CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _longer_name(name: str, heading: str) -> bool:
    """Whether a title's `name` part is longer than the `heading` beside it: in words, or in
    characters where either is Chinese or Japanese, which space no words."""
    if _CJK_CHARACTER.search(name) or _CJK_CHARACTER.search(heading):
        return len("".join(name.split())) > len("".join(heading.split()))
    return len(_words_of(name)) > len(_words_of(heading))


def _titles_heading(page_title: str, heading: str) -> bool:
    """Whether the page's `<title>` is `heading`, alone or with a name set apart after it
    ("Headline - BBC News")."""
    loose_page, loose_heading = _loose(page_title), _loose(heading)
    if loose_page == loose_heading:
        return True
    if not loose_page.startswith(loose_heading) or len(_words_of(heading)) < _MIN_HEADLINE_WORDS:
        return False
    rest = page_title[len(page_title) - len(page_title.lstrip()) :][len(heading) :]
    parts = _TITLE_SEPARATOR.split(rest, maxsplit=1)
    if len(parts) == 2 and not parts[0].strip():
        return 0 < len(_words_of(parts[1])) <= _MAX_SITE_WORDS
    if heading.rstrip()[-1:] in ("?", "!") and rest[:1].isspace():
        # "Florida, Alabama grandstanding? Urban Meyer, Nick Saban take stands on agents -
        # ESPN": a headline that asks or exclaims, its deck run on after it, then the name.
        parts = _TITLE_SEPARATOR.split(rest)
        return len(parts) >= 2 and 0 < len(_words_of(parts[-1])) <= _MAX_SITE_WORDS
    return False


def _same_wording(first: str, second: str) -> bool:
    """Whether two headlines have the same words, but for letters an apostrophe sets apart
    ("Dropbox’s")."""
    return [w for w in _words_of(first) if len(w) > 1] == [
        w for w in _words_of(second) if len(w) > 1
    ]


def _visible_headline(title: str, headings: list[str]) -> str:
    """The page's `<h1>` where it is the headline that `title` (written for search engines and
    social media) words differently: "Headline | Site", "Topic: Headline", a shortened or
    reworded headline sharing most words with it. A person reads the `<h1>`."""
    loose_title = _loose(title)
    for heading in headings:
        loose_heading = _loose(heading)
        if _CJK_HEADLINE.fullmatch(loose_heading):
            pass  # Chinese and Japanese space no words: a headline of five characters or more.
        elif len(loose_heading) <= 10 or len(heading.split()) < 2:
            continue
        if loose_heading in loose_title:
            return heading
    return title


# A headline in Chinese or Japanese (their punctuation and digits among the characters).
_CJK_HEADLINE = re.compile(
    r"(?=(?:.*[\u3040-\u30ff\u3400-\u9fff]){5})[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef\w，、！？“”·]+"
)


def _reworded_headline(title: str, heading: str) -> str:
    """The lone `<h1>` where it is the headline a person reads and `title` the one written for
    search engines and sharing: the same words in its own typography („Golf aus China“ for
    'Golf aus China'), with the rest of its sentence ("… vom Blech: einfach köstlich!") or its
    topic ("Coronavirus: …"), or without the tagline or byline the title adds ("… von
    jesusfreak"). Not where the `<h1>` runs the title into a kicker, the site's name or a
    date, nor where it is a one-word label ("Cronaca", "Details")."""
    title_words, heading_words = _words_of(title), _words_of(heading)
    if title_words == heading_words or not title_words:
        return heading if heading_words else title
    spaced_title, spaced_heading = " ".join(title.split()), " ".join(heading.split())
    loose_title, loose_heading = _loose(spaced_title), _loose(spaced_heading)
    if loose_heading.startswith(loose_title):
        rest = spaced_heading[len(spaced_title) :].lstrip()
        return heading if rest[:1] in (":", ",") or rest[:1].islower() else title
    if loose_heading.endswith(loose_title):
        # "Coronavirus: Headline" is the page's headline; "Kicker Headline" ran a kicker
        # the markup did not mark into it.
        before = spaced_heading[: len(spaced_heading) - len(spaced_title)].rstrip()
        return heading if before.endswith(":") else title
    if loose_title.startswith(loose_heading):
        # "Villa Galaxy - Ferienvilla in Florida", "Kuchen von jesusfreak": a tagline or a
        # byline that the declared title adds to the headline.
        rest = spaced_title[len(spaced_heading) :].lstrip()
        added = _TITLE_SEPARATOR.match(f" {rest}") or _words_of(rest)[:1] in _BY_WORDS
        return heading if added and len(heading_words) >= 2 else title
    return title


_Nodes = list[dict[str, Any]]


def _microdata_published(times: list[Any]) -> str:
    """The date of the first `<time itemprop="datePublished">` outside comments and lists of
    other stories (a `<meta itemprop>` is among the meta keys already); in an article's footer
    or meta bar too, where CMSs put the date line."""
    for time in times:
        if "datePublished" not in (time.get("itemprop") or "").split():
            continue
        value = (time.get("datetime") or "").strip()
        if value and not _in_listing(time):
            return value
    return ""


# Microdata's publication date on an element that is no `<time>` nor `<meta>` (those are read
# as such): `<div class="date" itemprop="datePublished">20.06.2019 11:43</div>`.
_MICRODATA_DATE = (
    "//body//*[contains(@itemprop, 'datePublished')][not(self::time)][not(self::meta)]"
)


def _microdata_text_published(tree: Any) -> str:
    """The date of the first element marked `itemprop="datePublished"` that is no `<time>` nor
    `<meta>`, its `content` or its short text; outside comments and lists of other stories,
    and not a cited work's."""
    for element in tree.xpath(_MICRODATA_DATE)[:5]:
        if "datePublished" not in (element.get("itemprop") or "").split():
            continue
        if _in_listing(element) or _of_other_work(element):
            continue
        value = element.get("content") or " ".join(element.text_content().split())
        if value and len(value) <= _MAX_DATE_LINE:
            return value
    return ""


def _headed_article_first(times: list[Any]) -> list[Any]:
    """`times` with those in the page's one `<article>` that holds an `<h1>` (the story's
    own element) first: a box of the latest stories above it dates others."""
    if not times:
        return times
    headed = times[0].getroottree().xpath("//article[.//h1]")
    if len(headed) != 1:
        return times
    inside = [time for time in times if headed[0] in set(time.iterancestors("article"))]
    found = set(inside)
    return inside + [time for time in times if time not in found]


def _in_listing(element: Any) -> bool:
    """Whether `element` is inside comments or a list of other stories; not as the classes
    of the page's `<body>` or wrapper say, which describe the whole page (WordPress's
    "single-promo" for a post of the type "promo", "has-comments")."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "body" or ancestor.get(PAGE_WRAPPER) is not None:
            return False
        marks = _marks(ancestor)
        if marks and "widget" in marks:
            marks = _EVERY_BLOCK_A_WIDGET.sub(" ", marks)  # Blogger's posts: "widget Blog"
        if marks and _LISTING.search(marks):
            return True
    return False


def _parse_declared(value: str | None, *, day_first: bool = False) -> datetime | None:
    """A date a page declares for machines: as `parse_date` reads it (`day_first` as there),
    or a Unix time in seconds or milliseconds ("1710234180000", as some CMSs fill their date
    keys)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) in (10, 13):
        seconds = int(value) / 1000 if len(value) == 13 else int(value)
        if _FIRST_UNIX_TIME <= seconds < _LAST_UNIX_TIME:
            return datetime.fromtimestamp(seconds, timezone.utc)
    return parse_date(value, day_first=day_first)


# Unix times between these (2001-09-09 and 2033-05-18, the span of ten digits' seconds from 10⁹)
# are dates a page declares; others are counts or identifiers.
_FIRST_UNIX_TIME = 10**9
_LAST_UNIX_TIME = 2 * 10**9


def _changed_time(time: Any) -> bool:
    """Whether a `<time>` gives the last change: marked so (`itemprop="dateModified"`, a class
    "updated" on it or its parent) or labelled so by the text just before it ("Updated
    <time>…</time>, first published <time>…</time>")."""
    if "dateModified" in (time.get("itemprop") or "").split():
        return True
    parent = time.getparent()
    marks = f"{_marks(time)} {_marks(parent) if parent is not None else ''}"
    if _CHANGE_CLASS.search(marks):
        # (WordPress marks a post never changed "entry-date published updated".)
        return time.get("pubdate") is None and _PUBLISHED_CLASS.search(marks) is None
    before = time.xpath("preceding::text()[1]")
    label = " ".join(str(before[0]).split())[-_CHANGE_LABEL:] if before else ""
    changes = [m.end() for m in _UPDATED.finditer(label)]
    # (Not "Updated 14 March, first published <time>": the label nearest the time is its.)
    publications = [m.end() for m in _PUBLISHED_WORD.finditer(label)]
    return bool(changes) and max(changes) > max(publications, default=-1)


_PUBLISHED_WORD = re.compile(rf"\b(?:{PUBLISHED_WORDS})\b", re.IGNORECASE)


_CHANGE_CLASS = re.compile(r"(?:^|[\s-])(?:updated|modified)(?:$|\s)")
_PUBLISHED_CLASS = re.compile(
    r"(?:^|[\s-])(?:published|pubdate|date-?published|created)(?:$|[\s-])"
)
# How much of the text before a `<time>` may label it.
_CHANGE_LABEL = 30


def _json_ld(tree: Any) -> tuple[_Nodes, _Nodes, _Nodes, _Nodes]:
    """(article nodes, web page nodes, web site / organisation nodes, other work nodes) of the
    page's JSON-LD; a video or an episode is such a work where no node is an article."""
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        data = _load_json(script.text or "")
        if data is not None:
            nodes.extend(_walk(data))
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    articles: _Nodes = []
    pages: _Nodes = []
    sites: _Nodes = []
    works: _Nodes = []
    media: _Nodes = []
    for node in nodes:
        types = _types(node)
        if types & _ARTICLE_TYPES:
            articles.append(_resolve(node, by_id))
        elif types & _PAGE_TYPES:
            pages.append(_resolve(node, by_id))
        elif "website" in types:
            sites.append(node)
        elif types & _WORK_TYPES:
            works.append(_resolve(node, by_id))
        elif types & _MEDIA_TYPES:
            media.append(_resolve(node, by_id))
    return articles, pages, sites, works + (media if not articles else [])


def _load_json(text: str) -> Any:
    text = text.strip()
    # CMSs wrap the JSON in comments or CDATA markers, and leave raw newlines inside strings.
    for junk in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        text = text.replace(junk, "")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    # Hand-written or templated JSON-LD that a browser's JSON.parse would refuse too, but
    # that search engines read: repaired, and several documents run together read one by one.
    # (The repair walks the text in Python, ~14 ms a 100 kB: a larger block is left.)
    if len(text) > _MAX_REPAIRED_JSON:
        return None
    return _json_documents(_repaired_json(text))


_MAX_REPAIRED_JSON = 200_000


def _json_documents(text: str) -> Any:
    """The JSON values of `text` run one after another (`{…}{…}`, `[…];`), a list where
    there are several; None where the first is no JSON."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    at = 0
    try:
        while at < len(text):
            value, at = decoder.raw_decode(text, at)
            values.append(value)
            while at < len(text) and (text[at].isspace() or text[at] in ";,"):
                at += 1
    except (ValueError, RecursionError):
        pass
    return None if not values else values[0] if len(values) == 1 else values


_JSON_CLOSERS = frozenset(",:}]")


def _repaired_json(text: str) -> str:
    """`text` with what JavaScript allows and JSON does not made JSON: comments, commas
    before a closing bracket, strings in single quotes, and a quote inside a string left
    unescaped (`"headline": "He said "no""`: a quote not followed by `,` `:` `}` `]` or the
    end is the string's own)."""
    out: list[str] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char in "\"'":
            chars: list[str] = []
            at += 1
            while at < end:
                inner = text[at]
                if inner == "\\" and at + 1 < end:
                    escaped = text[at + 1]
                    chars.append("'" if escaped == "'" else text[at : at + 2])
                    at += 2
                    continue
                if inner == char:
                    after = at + 1
                    while after < end and text[after].isspace():
                        after += 1
                    if after >= end or text[after] in _JSON_CLOSERS:
                        break
                chars.append('\\"' if inner == '"' else inner)
                at += 1
            out.append('"' + "".join(chars) + '"')
            at += 1
        elif text.startswith("//", at):
            newline = text.find("\n", at)
            at = end if newline < 0 else newline
        elif text.startswith("/*", at):
            close = text.find("*/", at + 2)
            at = end if close < 0 else close + 2
        elif char == ",":
            after = at + 1
            while after < end and text[after].isspace():
                after += 1
            if after >= end or text[after] not in "}]":
                out.append(char)
            at += 1
        else:
            out.append(char)
            at += 1
    return "".join(out)


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every node of a JSON-LD document: top-level lists, `@graph` arrays, `mainEntity`."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _resolve(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """`node` with `{"@id": ...}` references to other nodes of the graph replaced by them."""
    resolved = dict(node)
    for key in ("author", "publisher", "creator"):
        value = node.get(key)
        items = value if isinstance(value, list) else [value]
        out: list[Any] = []
        for item in items:
            if isinstance(item, dict) and set(item) == {"@id"} and item["@id"] in by_id:
                out.append(by_id[item["@id"]])
            else:
                out.append(item)
        if value is not None:
            resolved[key] = out if isinstance(value, list) else out[0]
    return resolved


def _ld_people(value: Any) -> tuple[list[str], str]:
    """(authors, credit) from a JSON-LD author: a string, a Person/Organization, or a list."""
    items = value if isinstance(value, list) else [value]
    authors: list[tuple[list[str], str]] = []
    for item in items[:20]:
        name = _ld_name(item) if isinstance(item, dict) else _text(item)
        if not name or _URL_LIKE.match(name):
            continue
        if isinstance(item, dict) and "organization" in " ".join(_types(item)):
            authors.append(([], name))
        elif isinstance(item, dict) and _types(item) & _PERSON_TYPES:
            # A Person node's name is a name, even if it is not shaped like one ("Mac & i"),
            # unless it is a CMS's account name ("admin"), which says nothing, a byline that
            # credits an outlet ("von AUTO ZEITUNG"), or an agency's, an outlet's or a desk's
            # name ("The Associated Press", "Science X staff"): a credit, typed as a person.
            # (A Person "Anonymous" names no one.)
            people, credit = split_byline(name)
            if people or has_byline_prefix(name):
                authors.append((people, credit))
            elif credit and (is_agency(credit) or looks_like_outlet(credit) or _is_desk(credit)):
                authors.append(([], credit))
            elif credit and name.casefold() not in _NOBODY:
                authors.append(([name], ""))
        else:
            authors.append(split_author_field(name))
    return merge_bylines(authors)


# A desk's name: an editorial office's word anywhere in it ("Redaktion", "TVT-Redaktion",
# "Redaktion harbour.de"), a staff's or a team's at its end ("Science X staff", "hb_team").
_DESK_WORDS = frozenset("redaktion rédaction redacción redazione redactie redação newsroom".split())
_STAFF_WORDS = frozenset("staff desk team bureau".split())
_NAME_PARTS = re.compile(r"[\s_-]+")
_NOBODY = frozenset("anonymous anónimo anonimo anonyme anonym unknown unbekannt".split())


def _desk_alone(segment: str, element: Any | None) -> bool:
    """Whether a text naming an editorial desk ("Emotion Redaktion", "Newsroom") stands as a
    text of its own, no link's, heading's or control's: a byline crediting the desk."""
    if element is None or _DESK_WORDS.isdisjoint(_NAME_PARTS.split(segment.casefold())):
        return False
    if element.tag == "a" or next(element.iterancestors("a"), None) is not None:
        return False
    return not (_in_subheading(element) or _is_control(element) or _menu_entry(element))


def _is_desk(name: str) -> bool:
    words = _NAME_PARTS.split(name.casefold())
    return not _DESK_WORDS.isdisjoint(words) or len(words) > 1 and words[-1] in _STAFF_WORDS


def _node_addresses(node: dict[str, Any]) -> set[str]:
    """The addresses a JSON-LD node gives itself (`url`, `@id`, `mainEntityOfPage`), loosely,
    without a trailing slash or a fragment."""
    found = (_ld_id(node.get(key)) for key in ("url", "@id", "mainEntityOfPage"))
    return {_loose(address.split("#")[0].rstrip("/")) for address in found if address}


def _ld_author(node: dict[str, Any]) -> Any:
    """Who made a JSON-LD work: its `author`, else its `creator` (schema.org's wider word for
    the same, which some sites fill instead)."""
    return node.get("author") or node.get("creator")


def _ld_name(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        # A Person may be given by its parts alone ("givenName": "Jane", "familyName": "Doe").
        parts = (_text(value.get(key)) for key in ("givenName", "familyName"))
        return _text(value.get("name")) or " ".join(part for part in parts if part)
    return _text(value)


def _ld_id(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url"))
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # "datePublished": 1676551869, a Unix time
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return _clean(value) if isinstance(value, str) else ""


def _clean(value: str) -> str:
    """A value as one line of text, in Unicode's composed form (NFC): "ড়" as one character or
    as "ড" and a nukta is the same letter, and titles and names read the same either way."""
    value = sanitise_line(html_entities.unescape(value)) if value else ""
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    return "" if value.lower() in _EMPTY_VALUES else value


def _loose(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


# What a copyright notice says besides its holder's name.
_COPYRIGHT_WORDS = re.compile(
    r"©|\(c\)|\bcopyright\b|\b\d{4}\b(?:\s*[-–]\s*\d{4})?|all rights reserved\.?", re.IGNORECASE
)


def _owns_the_site(name: str, owners: list[str]) -> bool:
    """Whether `name` is one the page gives its site or its owner (`_owner_names`): a meta tag
    that names it as the author says nothing of who wrote the story."""
    ours = _words_of(name)
    return any(_words_of(owner) == ours for owner in owners)


def _after_headline(name: str, headlines: list[str]) -> str:
    """A site name without the page's headline before it: set to the tab's title, it names
    the site after the headline's separator ("Achtsam durch die Krise | Die FURCHE").
    Headlines of fewer than `_MIN_HEADLINE_WORDS` words are left out: a logo's `<h1>`
    ("valleypost.com") before the site's slogan is no headline."""
    plain = " ".join(name.split())
    for headline in headlines:
        if len(plain) <= len(headline) or plain[: len(headline)].casefold() != headline.casefold():
            continue
        rest = plain[len(headline) :]
        separator = _TITLE_SEPARATOR.match(rest)
        if separator and rest[separator.end() :].strip():
            if len(_words_of(headline)) >= _MIN_HEADLINE_WORDS:
                return rest[separator.end() :].strip()
    return name


def _is_site_name(name: str, site: str, url: str) -> bool:
    """Whether `name` is the site's own: its name ("Badische Zeitung", "The Badische
    Zeitung") or its host ("finanztreff.de", "www.24horas.cl")."""
    ours = "".join(_words_of(name))
    if not ours:
        return False
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    names = {
        "".join(_words_of(site)),
        "".join(_words_of(host)),
        "".join(_words_of(host.split(".")[0])),
    }
    return ours in names or ours.removeprefix("the") in names


def _names_site(name: str, site: str, url: str) -> bool:
    """`_is_site_name`, or the site's name as its host spells it, without accents ("Nestlé
    Marktplatz" on nestle-marktplatz.de): a part of a title to cut. (A blog's writer may go
    by its name: bylines keep it.)"""
    if _is_site_name(name, site, url):
        return True
    return not name.isascii() and _is_site_name(fold_as_address(name), fold_as_address(site), url)


def _words_of(text: str) -> list[str]:
    """The words of `text` without case or punctuation ("Golf aus China" and „Golf aus China“)."""
    return _WORDS.findall(text.casefold())


def _unrelated(heading: str, page_title: str) -> bool:
    """Whether a heading shares no word that tells a story with the page's <title>."""
    return not _story_words(_words_of(heading)) & _story_words(_words_of(page_title))


def _similar(heading: str, page_title: str) -> bool:
    """Whether a heading and the page's <title> share most of their words."""
    ours = set(_loose(heading).split())
    theirs = set(_loose(page_title).split())
    return bool(ours) and len(ours & theirs) >= 0.5 * min(len(ours), len(theirs))


# WordPress's `post_class()` ends with "hentry" and the post's terms, each "taxonomy-slug"
# ("category-science tag-social-media promo_status-promo"): the story's topics, not what the
# element is (no share bar, no promotion).
_POST_TERMS = re.compile(r"(\bhentry)(?:\s+[^\s_-]+[-_][^\s]+)+")


def _marks(element: Any) -> str:
    """An element's class and id in lower case, words apart: "post_author" and "postAuthor"
    read as "post-author", so that `\\b` finds the word; without a post's terms
    (`_POST_TERMS`)."""
    classes = element.get("class") or ""
    if "hentry" in classes:
        classes = _POST_TERMS.sub(r"\1", classes)
    marks = f"{classes} {element.get('id') or ''}".strip()
    return _CAMEL_CASE.sub("-", marks).lower().replace("_", "-") if marks else ""


def _is_page_furniture(element: Any) -> bool:
    if element.get(PAGE_WRAPPER) is not None:
        return False  # Its classes describe the whole page, as the body's do.
    if element.tag in _FURNITURE_TAGS:
        return True
    marks = _marks(element)
    if marks and _LAYOUT_PREFIX.search(marks):
        # "zen-one-sidebar-second", "with-sidebar", "header--no-promo": how a container lays
        # out the article beside furniture (or without it), not the furniture.
        marks = _LAYOUT_CLASS.sub(" ", marks)
    if marks and "widget" in marks:
        marks = _EVERY_BLOCK_A_WIDGET.sub(" ", marks)
    return bool(marks) and _FURNITURE_CLASS.search(marks) is not None


# Page builders that call every block of a page a widget, the article's own among them:
# Elementor ("elementor-widget-container", "elementor-widget-theme-post-title") and Blogger
# (its posts in `<div class="widget Blog">`). A sidebar's widget says so in its other classes.
_EVERY_BLOCK_A_WIDGET = re.compile(r"\belementor-widget\S*|\bwidget(?=\s+blog\b)")


# A class that names a page's layout by the furniture it has beside the article, or lacks.
# ("with-sidebar", "zen-one-sidebar-second", "layoutTwoColumnsRightSidebar")
_LAYOUT_PREFIX = re.compile(r"\b(?:one|two|three|no|with|has|without|for)-")
_LAYOUT_CLASS = re.compile(
    _LAYOUT_PREFIX.pattern + r"(?:[a-z]+-){0,2}(?:" + _FURNITURE_CLASS.pattern + r")\S*"
)


def _in_furniture(element: Any) -> bool:
    """Whether `element` sits in page furniture rather than in the article."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("article", "main", "body"):
            # The body's classes describe the whole page ("x-navbar-fixed-top", "has-sidebar").
            return False
        if _is_page_furniture(ancestor):
            return True
    return False


def _in_other_content(element: Any) -> bool:
    """Whether names in `element` are not the article's writer's: in comments or lists of
    other stories, or in the page's own furniture outside the article's element. (An article's
    own footer, aside or meta bar is where blogs and many CMSs put the byline.)"""
    furniture = False
    for ancestor in element.iterancestors():
        if ancestor.tag == "body":
            break
        marks = _marks(ancestor)
        if ancestor.get(PAGE_WRAPPER) is not None:
            # Its classes describe the whole page ("has-sidebar", "comments-open"), unless
            # they mark it as the post (`h-entry`): a page with little beside its post.
            if marks and _ARTICLE_CLASS.search(marks):
                return False
            break
        if marks and "widget" in marks:
            marks = _EVERY_BLOCK_A_WIDGET.sub(" ", marks)  # Blogger's post: "widget Blog"
        if marks and _LISTING.search(marks):
            return True
        if ancestor.tag in ("article", "main") or (marks and _ARTICLE_CLASS.search(marks)):
            return ancestor.tag == "article" and _card_in_listing(ancestor)
        furniture = furniture or _is_page_furniture(ancestor) or bool(_TEASER.search(marks))
    return furniture


def _card_in_listing(article: Any) -> bool:
    """Whether an `<article>` is another story's card: inside a list of other stories
    (`_LISTING`) that holds no `<h1>`, the page's headline."""
    for ancestor in article.iterancestors():
        if ancestor.tag == "body":
            return False
        marks = _marks(ancestor)
        if marks and "widget" in marks:
            marks = _EVERY_BLOCK_A_WIDGET.sub(" ", marks)
        if marks and _LISTING.search(marks):
            return next(ancestor.iter("h1"), None) is None
    return False


# How far up a breadcrumb trail may hold its last crumb, and how long the trail may be.
_CRUMB_DEPTH = 4
_MAX_TRAIL = 300
# The <h2>s after a crumb that may be the headline.
_H2_SCAN = 5


def _breadcrumb_trail(heading: Any) -> Any | None:
    """The breadcrumb trail `heading` is a crumb of: a short element marked as one (not a
    page wrapper whose class says the page has breadcrumbs)."""
    for depth, ancestor in enumerate(heading.iterancestors()):
        if depth >= _CRUMB_DEPTH or ancestor.tag in ("article", "main", "body"):
            return None
        if "breadcrumb" in _marks(ancestor):
            return ancestor if len(_spaced_text(ancestor)) <= _MAX_TRAIL else None
    return None


def _is_site_heading(heading: Any) -> bool:
    """An `<h1>` that holds the site's logo or name: a link home, an image."""
    return _is_logo(heading) or _in_furniture(heading)


def _marked_headline(heading: Any, declared: list[str]) -> bool:
    """Whether an `<h1>` that looks like the site's is marked as the article's headline: as
    the title of the entry it heads (a theme's layout classes, "sidebar-off", can make its
    wrapper look like furniture), or worded as the headline the structured data declares
    (`declared`, its words), wherever the layout puts it ("above-footer" wraps a whole story
    on some sites). Not a logo."""
    if _is_logo(heading):
        return False
    if heading.get("itemprop") == "headline" or _ENTRY_TITLE.search(_marks(heading)):
        return True
    return bool(declared) and _words_of(_heading_text(heading)) == declared


_ENTRY_TITLE = re.compile(r"\b(?:entry|post|article)-title\b")


def _is_logo(heading: Any) -> bool:
    """Whether an `<h1>` is the site's logo: so marked by its class, linking home, or holding
    a picture, unless it is a picture beside a headline (a story's thumbnail before its words,
    which a logo's heading never has so many of)."""
    if _SITE_HEADING_CLASS.search(_marks(heading)):
        return True
    pictured = False
    for inner in heading.iter("a", "img"):
        if inner.tag == "img":
            pictured = True
        elif _ROOT_LINK.match((inner.get("href") or "").strip()):
            return True
    return pictured and not _headline_words(_spaced_text(heading))


def _headline_words(text: str) -> bool:
    """Whether `text` is as long as a headline is: a sentence's words, or a Chinese or Japanese
    headline of ten characters or more."""
    if len(_words_of(text)) >= _SENTENCE_HEADLINE_WORDS:
        return True
    loose = _loose(text)
    return len(loose) >= _CJK_HEADLINE_CHARS and bool(_CJK_HEADLINE.fullmatch(loose))


_CJK_HEADLINE_CHARS = 10


def _outvoted(linked: list[str], keyed: list[str], shown: Callable[[], list[str]]) -> bool:
    """Whether the people the JSON-LD names (`linked`) are outvoted: the meta tags name
    others (`keyed`), and so does the byline the page shows near its headline (`shown`, read
    only then). WordPress's SEO plugins put the posting account in the JSON-LD, where a
    co-authors plugin fills the meta tags and the byline with the writers."""
    if not (linked and keyed):
        return False
    linked_words = {w for name in linked for w in _words_of(name)}
    keyed_words = {w for name in keyed for w in _words_of(name)}
    if linked_words & keyed_words:
        return False
    shown_words = {w for name in shown() for w in _words_of(name)}
    return bool(shown_words & keyed_words) and not shown_words & linked_words


def _dom_bylines(tree: Any) -> tuple[tuple[list[str], str], tuple[list[str], str]]:
    """Authors from byline elements (`rel=author`, `itemprop=author`, "byline" or "author"
    classes, `<address>`): (those near the headline, those elsewhere on the page). Names far
    from the headline are more often another story's or a reader's."""
    body = tree.find("body")
    if body is None:
        return ([], ""), ([], "")
    names: tuple[list[Any], list[Any]] = ([], [])
    containers: tuple[list[Any], list[Any]] = ([], [])
    headline: int | None = None
    marked = body.xpath(f"{_MARKED} | .//h1")
    for position, element in enumerate(marked):
        if element.tag in ("script", "style", "time"):
            continue
        if element.tag == "h1":
            if headline is None and not _is_site_heading(element):
                headline = position
            continue
        marks = _byline_marks(element)
        # Before the headline is found, an element may yet turn out to be near it.
        side = int(headline is not None and position > headline + _NEAR_HEADLINE)
        if (
            "author" in (element.get("rel") or "").split()
            or "author" in (element.get("itemprop") or "").split()
            or (marks and _NAME_CLASS.search(marks))
            or element.get("data-author")
            # Wix's blog posts name their writer so ("user-name", as it names commenters).
            or element.get("data-hook") == "user-name"
        ):
            names[side].append((position, element))
        elif (
            (marks and _BYLINE_CLASS.search(marks))
            or element.get("data-testid") == "byline"
            or element.tag == "address"
        ):
            containers[side].append((position, element))
    if headline is not None:
        # Those well above the headline (the page's header, a teaser) are far too.
        for found in (names, containers):
            found[1][:0] = [p for p in found[0] if p[0] < headline - _NEAR_HEADLINE // 2]
            found[0][:] = [p for p in found[0] if p[0] >= headline - _NEAR_HEADLINE // 2]
    near = _byline_elements([e for _, e in names[0]], [e for _, e in containers[0]])
    far = _byline_elements([e for _, e in names[1]], [e for _, e in containers[1]])
    return near, far


# A word that every class or id `_NAME_CLASS` or `_BYLINE_CLASS` finds holds in lower case
# ("aut": author, autor, auteur; "by": byline, by-line, posted-by), whatever its case or
# underscores: one plain search before `_marks` rewrites it for them (most elements have one).
_BYLINE_MARK_WORDS = re.compile(r"aut|by|writer|redakteur|journalist|contributor|firma")


_FLAG_CLASS = re.compile(r"(?<!\S)(?:has|with|without|no)-\S*")


def _byline_marks(element: Any) -> str:
    """`_marks(element)` where it may name an author or a byline, else ""."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if not _BYLINE_MARK_WORDS.search(raw):
        return ""
    marks = _marks(element)
    if "has-" in marks or "with-" in marks or "no-" in marks:
        # A flag of what the element holds or lacks ("has-author-tooltip", "no-byline"): an
        # article's header, a page's body, not its byline.
        marks = _FLAG_CLASS.sub(" ", marks)
    return marks


_NOT_BYLINE_BOXES = frozenset(("nav", "article", "main", "section", "body"))
# A section that is an author box ("author-bio", "about-the-author"), where WordPress marks a
# whole post's section with its author's name ("author-jane-doe").
_AUTHOR_BOX = re.compile(
    r"\b(?:about-(?:the-)?(?:author|autor|auteur)|(?:author|autor|auteur)-?(?:bio|box|info|card))\b"
)
# How many marked elements (any with a class or id) after the headline a byline may be.
_NEAR_HEADLINE = 40


def _byline_elements(names: list[Any], containers: list[Any]) -> tuple[list[str], str]:
    """The byline that name elements give, else the first byline container that names
    anyone, outside comments and lists of other stories."""
    names = [e for e in names if not (_in_other_content(e) or _in_teaser_card(e) or _quoted(e))]
    if names:
        # Names next to the first one are co-authors; names elsewhere belong to other stories.
        near = _neighbourhood(names[0])
        found = merge_bylines(
            _element_byline(e, named=True) for e in names if _neighbourhood(e) is near
        )
        if found[0] and not found[1]:
            # The byline box around the names may give their outlet on a line of its own.
            around = set(names[0].iterancestors())
            box = next((c for c in containers if c in around), None)
            found = (found[0], _outlet_line(box, found[0])) if box is not None else found
        if found[0] or found[1]:
            return found
    for element in containers[:10]:
        # (WordPress marks a whole post, or the page, with its author: "author-jane-doe".)
        if (
            element.tag in _NOT_BYLINE_BOXES
            and not (element.tag == "section" and _AUTHOR_BOX.search(_marks(element)))
            or _in_other_content(element)
            or _in_teaser_card(element)
            or _quoted(element)
        ):
            continue
        # An "author" element holds a name; a "byline" also labels and topics ("Filed under").
        named = _AUTHOR_CLASS.search(_marks(element)) is not None
        found = _element_byline(element, named=named)
        if found[0] or found[1]:
            return found
    return [], ""


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A quotation's "author" ("quote-author", "zitat-author", "testimonial-author").
_QUOTE_CLASS = re.compile(r"quote|zitat|testimonial")


def _quoted(element: Any) -> bool:
    """Whether an author element names the author of a quotation, in or beside it (a
    sidebar's "Quote of the day", a customer's testimonial): not the article's writer."""
    if _QUOTE_CLASS.search(_marks(element)):
        return True
    return any(ancestor.tag in ("blockquote", "q") for ancestor in element.iterancestors())


def _under_header(element: Any, container: Any) -> bool:
    """Whether `element` is in a `<header>` within `container`."""
    for ancestor in element.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag == "header":
            return True
    return False


def _in_teaser_card(element: Any) -> bool:
    """Whether `element` is in a link that also holds a heading: a card that links to another
    story (its headline, its author, its date), not the article's own byline."""
    return any(
        ancestor.tag == "a" and any(True for _ in ancestor.iter(*_HEADINGS))
        for ancestor in element.iterancestors()
    )


# What a byline element's text leaves out: its buttons, scripts, dates and photos.
_BYLINE_SKIP = frozenset(
    "script style noscript template button select svg iframe time figure".split()
)
_MAX_BYLINE_LINES = 4
_MAX_BYLINE_LINE = 150
# A label before the names inside a line of other details ("Datum: 19.11.2021 Autor: Jane
# Doe Quelle: Livenet"), and the next label, which ends them.
_AUTHOR_LABEL = re.compile(
    r"(?:^|\s)(?:autor(?:innen|in|en|:innen|\*innen|/innen)?|author|auteur|autore|by|von|text|texte)"
    r"\s*:\s*",
    re.IGNORECASE,
)
_TITLES_ONLY = re.compile(r"^(?:(?:prof|dr|mr|mrs|ms|mag|dipl|ing|rev)\.?\s*)+$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"(?:fotos?|photos?|bild(?:er)?|images?|pictures?|photograph(?:y|s)?|crédit)\s*[:/©]",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(r"\s+[^\W\d_]+\s*:\s")
_MAX_NICKNAME_WORDS = 4
# The word "author" in an author box's line that names no one: its heading, not a credit.
_SAYS_AUTHOR = re.compile(r"\b(?:author|autor(?:in|en)?|auteur|autore)\b", re.IGNORECASE)


# An author box's bio, which opens with the writer's name: "Jane Doe is a reporter ...", "Jane Doe
# covers transport".
_BIO_OPENING = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\s+"
    r"(?:is|was|ist|war|est|es|è|writes|schreibt|covers|reports)\s"
)


def _skipped_in_byline(element: Any) -> bool:
    """Whether a byline's text leaves `element` out: a button, a date, a photo, or words only
    screen readers are given (the name again inside its link: "Jane Doe Jane Doe")."""
    return (
        element.tag in _BYLINE_SKIP
        or _SCREEN_READER_CLASS.search(element.get("class") or "") is not None
    )


def _element_byline(element: Any, *, named: bool) -> tuple[list[str], str]:
    """(authors, credit) of a byline element: its first line that names a person, else the
    first credit (a byline box also holds a bio, buttons, a date). Unless the element is
    `named` as an author's (`rel=author`), a credit needs a byline's words ("By X") or an
    outlet's name: such boxes also hold labels and topics ("Filed under")."""
    if element.get("data-author") and not _marked_as_byline(element):
        # (Its text is whatever the element holds: a teaser's, a whole post's.)
        return _marked_up_name(element), ""
    linked = _linked_names(element) or _marked_names(element) or _titled_writer(element)
    if linked:
        return linked, ""
    credit = ""
    title = ""
    for line in _shown_lines(element, _skipped_in_byline, links_apart=True)[:_MAX_BYLINE_LINES]:
        if _PHOTO_CREDIT.match(line):
            continue
        if _TITLES_ONLY.match(line):
            title = f"{title} {line}"  # "Prof. Dr.<br>Jane Doe"
            continue
        if _ALL_POSTS.match(line):
            continue  # a link's button words: "View all posts"
        line, title = f"{title} {line}".strip(), ""
        label = _AUTHOR_LABEL.search(line)
        if label:
            line = _NEXT_LABEL.split(line[label.end() :], maxsplit=1)[0]
        text = _byline_text(line)
        if len(text) > _MAX_BYLINE_LINE and named:
            # An author box's bio, one paragraph with the linked name in it: "<b><a>Jane
            # Doe</a></b> is a reporter who …".
            bio = _BIO_OPENING.match(text)
            if bio and is_person_name(bio.group("name")):
                return [bio.group("name")], ""
        if not 3 <= len(text) <= _MAX_BYLINE_LINE:
            continue
        # (An author's element may hold a name no capitals mark: "山田太郎", "김민수".)
        people, found = split_author_field(text) if named else split_byline(text)
        if people:
            return people, found
        people = _initialled_names(text)
        if people:
            return people, ""
        bio = _BIO_OPENING.match(text) if named else None
        if bio and is_person_name(bio.group("name")):
            return [bio.group("name")], ""  # "Jane Doe ist Redakteurin.": the box's bio
        if _SAYS_AUTHOR.search(found):
            continue  # the box's heading: "About the author", "Über den Autor"
        # An author's element gives a nickname or a desk as its credit, not a line of a bio.
        nickname = named and len(line.split()) <= _MAX_NICKNAME_WORDS
        desk = found.strip(_LEADING_SEPARATORS + "/")  # "TOI News Desk / Updated: …"
        a_desk = _is_desk(desk)  # "TOI News Desk", "Web Desk", "Redaktion"
        found = desk if a_desk else found
        if (
            nickname
            or has_byline_prefix(text)
            or looks_like_outlet(found)
            or is_agency(found)
            or a_desk
        ):
            credit = credit or found
    return _marked_up_name(element), credit


# A name written in lower case after its initials ("e. barreneche", "j. i. da silva"), as a
# byline set in capitals by its style sheet may be; and how such names are listed.
_INITIALLED_NAME = re.compile(r"^(?:[a-z]\.\s?){1,3}(?:[a-z]{1,3}\s)?[a-z]{2,}(?:-[a-z]{2,})?$")
_NAME_LIST = re.compile(r"\s*(?:/|,|;|&|\s(?:y|and|und|et|e)\s)\s*", re.IGNORECASE)


def _initialled_names(text: str) -> list[str]:
    """The people a byline in lower case names, each after their initials ("e. barreneche /
    j. i. da silva": "E. Barreneche", "J. I. da Silva"), or []. Only initials make such
    words a name: lower-case words alone are a label's or a topic's ("zuletzt geändert")."""
    parts = _NAME_LIST.split(text.strip())
    if not all(_INITIALLED_NAME.match(part.lower()) for part in parts):
        return []
    if any(part[:1].isupper() for part in parts) and all(part[:1].isupper() for part in parts):
        return []  # (Capitalised, they are `split_byline`'s to read.)
    return [
        " ".join(
            word.lower() if word.lower() in _NAME_PARTICLES else word[:1].upper() + word[1:].lower()
            for word in part.split()
        )
        for part in parts
    ]


_NAME_PARTICLES = frozenset("da de di do dos das del della van von der den le la du".split())


def _same_person(first: str, second: str) -> bool:
    """Whether two names are the same person's: the same, or the same surname and the
    same first initial where one gives only that ("E. Barreneche", "Eduardo Barreneche")."""
    if _loose(first) == _loose(second):
        return True
    one, other = _words_of(first), _words_of(second)
    if len(one) < 2 or len(other) < 2 or one[-1] != other[-1] or one[0][:1] != other[0][:1]:
        return False
    return min(len(one[0]), len(other[0])) == 1


def _outlet_line(element: Any, people: list[str]) -> str:
    """The outlet a byline box names on a line of its own beside its writers' ("By <a>Kelli
    Miller</a><br>WebMD Health News"): the story's credit, or ""."""
    names = [_loose(person) for person in people]
    for line in _shown_lines(element, _skipped_in_byline, links_apart=True)[:_MAX_BYLINE_LINES]:
        loose = _loose(line)
        if any(name in loose for name in names) or _PHOTO_CREDIT.match(line):
            continue
        if line.endswith(":") or is_furniture(line):
            continue  # a label ("DOTYCZY:", about), a button ("SHARE")
        if len(line.split()) <= _MAX_SITE_WORDS and (is_agency(line) or looks_like_outlet(line)):
            return line
    return ""


def _marked_names(element: Any) -> list[str]:
    """The names of the author elements a byline box holds side by side with nothing between
    them ("<span class=author>Jane Doe</span><span class=author>John Roe</span>", set apart by
    the style sheet), which its text runs together."""
    marked = [
        child
        for child in element.iterdescendants()
        if child.get("class") and _AUTHOR_CLASS.search(_byline_marks(child))
    ]
    if len(marked) < 2 or any(a in marked for e in marked for a in e.iterancestors()):
        return []
    names = [_clean(e.text_content()) for e in marked]
    return names if all(is_person_name(n) for n in names) else []


# What a byline holds between its writers' links: "By", "and", commas ("By <a>Jane Doe</a>,
# <a>John Roe</a> and <a>Ann Lee</a>").
_BETWEEN_LINKS = re.compile(
    r"(?:[\s,;&|/·•]|\b(?:by|and|und|et|y|e|von|par|por|di|door|av|af|od|en|och|og|i)\b)*",
    re.IGNORECASE,
)


def _linked_names(element: Any) -> list[str]:
    """The writers a byline links one by one, where it holds nothing but their links and the
    words between them: their names, however the links are set apart (none at all, "Jane
    Doe</a><a>John Roe", shows them run together; a line break in the markup, one a line).
    Else []: a link to one writer is read with the rest of the byline."""
    names = []
    for link in element.iter("a"):
        if any(_skipped_in_byline(e) for e in (link, *link.iterancestors()) if e is not element):
            continue
        name = _spaced_text(link, _skipped_in_byline)
        if name:
            names.append(name)
        if len(names) > _MAX_LINKED_WRITERS:
            return []
    if len(names) < 2 or not all(is_person_name(name) for name in names):
        return []
    rest = "".join(_shown_text(element, _skipped_in_byline, " "))
    for name in names:
        rest = " ".join(rest.split()).replace(name, " ", 1)
    return names if _BETWEEN_LINKS.fullmatch(rest) else []


_MAX_LINKED_WRITERS = 6
# The title WordPress gives a link to a writer's posts ("Posts by Jane Doe"), in the languages
# of its themes, where the link's own words are a button's ("View all posts").
_POSTS_BY = re.compile(
    r"^(?:(?:view|see|voir|ver|vedi)\s+)?(?:(?:all|alle|tous\s+les|todas\s+las|todos\s+los"
    r"|tutti\s+gli|todos\s+os)\s+)?(?:(?:posts|articles|stories)\s+(?:by|de|par)"
    r"|(?:beiträge|artikel)\s+von|(?:entradas|publicaciones|artículos|artigos)\s+de"
    r"|articoli\s+di)\s+(?P<name>.+?)(?:\s+(?:anzeigen|ansehen))?$",
    re.IGNORECASE,
)
# The words of a link to a writer's posts, a button's: "View all posts", "Alle Beiträge".
_ALL_POSTS = re.compile(
    r"^(?:(?:view|see|show|voir|ver|vedi|zeige)\s+)?(?:all|alle|tous\s+les|todas\s+las"
    r"|todos\s+(?:los|os)|tutti\s+gli)\s+(?:posts|articles|stories|beiträge|artikel"
    r"|entradas|artículos|articoli|artigos)\b",
    re.IGNORECASE,
)


def _titled_writer(element: Any) -> list[str]:
    """The writer a byline's only link to their posts names in its title ("<a title='Posts
    by Jane Doe' rel=author>View all posts</a>"), where its words name no one."""
    links = list(element.iter("a"))
    if len(links) != 1 or is_person_name(_clean(links[0].text_content())):
        return []
    label = _POSTS_BY.match(" ".join((links[0].get("title") or "").split()))
    return [label.group("name")] if label and is_person_name(label.group("name")) else []


_HANDLE = re.compile(r"^[a-z][a-z0-9._-]{2,30}$")


def _handle_of(handle: str, name: str) -> bool:
    """Whether `handle` is a user name made of the person's `name` ("jdoe", "janedoe",
    "jane.doe", "doej", "jane", "jane-d" for "Jane Doe"): a CMS account the metadata names
    for its owner."""
    if not _HANDLE.match(handle) or not is_person_name(name):
        return False
    words = [_loose(word) for word in name.split()]
    given, surname = words[0], words[-1]
    letters = re.sub(r"[._-]", "", handle)
    if len(given) >= _GIVEN_NAME_HANDLE and letters.startswith(given):
        # Her given name, then her surname's first letters or none: "jane", "jane-d".
        return surname.startswith(letters[len(given) :])
    return len(surname) >= 3 and surname in letters and letters[:1] in (given[:1], surname[:1])


# How long a given name must be to make an account's name alone ("anna" is, "jo" is not).
_GIVEN_NAME_HANDLE = 4


def _marked_as_byline(element: Any) -> bool:
    """Whether an element's markup says it is an author's name or a byline."""
    return (
        "author" in (element.get("rel") or "").split()
        or "author" in (element.get("itemprop") or "").split()
        or _BYLINE_CLASS.search(_byline_marks(element)) is not None
        or element.get("data-testid") == "byline"
        or element.tag == "address"
    )


# The name of an author that microdata gives as a `<meta>`, in the author or a child of it.
_MICRODATA_NAME = "./meta[@itemprop='name']/@content | ./*/meta[@itemprop='name']/@content"


def _marked_up_name(element: Any) -> list[str]:
    """The person a byline element names in its markup only, shown by a script or not at
    all: `data-author="Jane Doe"`, microdata's `<meta itemprop="name" content="Jane Doe">`
    in an author. Only names shaped as people's: these also hold accounts and ids."""
    values = [element.get("data-author") or ""]
    if "author" in (element.get("itemprop") or "").split():
        values += element.xpath(_MICRODATA_NAME)
    for value in values:
        people, _ = split_byline(_clean(value))
        if people and all(map(is_person_name, people)):
            return people
    return []


# Text nodes after the headline read for a byline, and the longest one that may be it.
_BYLINE_SCAN = 60
_MAX_BYLINE_TEXT = 100
_BARE_NAME_SCAN = 12
# (The position test lets libxml2 stop there rather than list every text node of the page.)
_FOLLOWING_TEXT = f"following::text()[position() <= {_BYLINE_SCAN}]"


# The fewest words of an `<h2>` or `<h3>` that a title names as the page's headline.
_TITLED_HEADING_WORDS = 3


def _titled_heading(tree: Any, titles: Sequence[str], *, under_h1: bool = False) -> list[Any]:
    """The headline of a page with no `<h1>` (older blogs and sites head a post with an `<h2>`
    or `<h3>`), or (`under_h1`) with one that is not its: the first such heading (there, a
    later `<h1>` too: a blog's name heads its side column), outside the page's furniture,
    whose words the page's `<title>` or og:title give (the title being it, or it and the
    site's name)."""
    if not titles or not under_h1 and any(True for _ in tree.iter("h1")):
        return []
    loose_titles = [_loose(title) for title in titles]
    for heading in tree.iter("h1", "h2", "h3") if under_h1 else tree.iter("h2", "h3"):
        text = _heading_text(heading)
        if len(_words_of(text)) < _TITLED_HEADING_WORDS or _is_site_heading(heading):
            continue
        loose_text = _loose(text)
        if any(loose_text in title for title in loose_titles) and not _in_other_content(heading):
            return [heading]
    return []


def _titled(headline: str, loose_titles: list[str]) -> bool:
    """Whether a declared `headline` is what the page's titles (loosely) say, alone or with
    the site's name."""
    loose = _loose(headline)
    return len(loose) > _MIN_TITLED and any(loose in title for title in loose_titles)


# A headline shorter than this may be any title's word ("News").
_MIN_TITLED = 10


def _tells_the_titles(heading: Any, titles: Sequence[str]) -> bool:
    """Whether a heading tells the story of the page's `titles`: shares words with them that
    say what a story is about."""
    words = _story_words(_words_of(_heading_text(heading)))
    return any(len(words & _story_words(_words_of(t))) >= _SHARED_STORY_WORDS for t in titles)


# A byline's words in a text of their own, the name in the element after them.
_BYLINE_WORDS_ALONE = re.compile(
    r"^(?:(?:posted|submitted|written|published|geschrieben|verfasst|erstellt|eingestellt"
    r"|gepostet|veröffentlicht|publié|écrit|publicado|escrito)\s+)?(?:by|von|par|por|door|di):?$",
    re.IGNORECASE,
)


def _with_marked_name(words: Any, following: list[Any]) -> str:
    """A byline whose names are set in their own elements, not links ("Submitted by <span
    class="username">jdoe</span>", "von <em>Jane Doe</em> und <em>John Roe</em>"): the text
    `words` and the texts `following` it in the same block. (A linked name is
    `_linked_byline`'s.)"""
    text = " ".join(str(words).split())
    block = _block_of(words)
    first = following[0] if following else None
    if block is None or first is None or first.is_tail or first.getparent().tag not in _NAME_MARKUP:
        return text
    texts = [text]
    for node in following:
        if _block_of(node) is not block or not node.is_tail and node.getparent().tag == "a":
            break
        texts.append(str(node))
    return " ".join(" ".join(texts).split())


def _linked_writers(words: Any, following: list[Any]) -> str:
    """A byline whose writers are each linked after its word ("By <a>Jane Doe</a> and <a>John
    Roe</a>"): the text `words` and the texts `following` it in the same block, where they
    name two writers or more; else "". (One linked writer is read as the name after it.)"""
    block = _block_of(words)
    texts = [str(words)]
    for node in following:
        if _block_of(node) is not block:
            break
        texts.append(str(node))
    line = " ".join(" ".join(texts).split())
    return line if is_byline(line) and len(split_byline(line)[0]) >= 2 else ""


_NAME_MARKUP = frozenset(("span", "em", "strong", "b", "i"))
_IN_LINE = _INLINE | {"span"}


def _block_of(text: Any) -> Any | None:
    """The nearest element not inline that holds a text node of an XPath result."""
    element = text.getparent()
    if element is not None and text.is_tail:
        element = element.getparent()
    while element is not None and element.tag in _IN_LINE:
        element = element.getparent()
    return element


def _in_sentence(text: Any) -> bool:
    """Whether a text node is a phrase inside a paragraph's sentence, a linked event or
    product ("the event "<a>Data-Centric Innovation Day</a>" was held"), not a line of its
    own as a bare name under a headline is."""
    block = _block_of(text)
    return (
        block is not None
        and block.tag == "p"
        and len(_clean(block.text_content())) > _MAX_BYLINE_TEXT
    )


# The word that led into a date now taken out of a byline ("By Jane Doe on", "Von Jane Doe
# am"): lower case, as no name ends in it.
# (With the weekday and the time a date cut out leaves: "jdoe on Tue, [03/12/2024] - 10:15".)
_DATE_WORD_LEFT = re.compile(
    r"\s+(?:on|at|am|um|vom|le|el|il)(?:\s+(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?[\s,]*"
    r"(?:(?:[-–|]|um|at|à)?\s*(?:\d{1,2}[:.]\d\d)?(?:\s*(?i:uhr|[ap]\.?m\.?))?)?[\s,]*$"
)


def _byline_under_headline(tree: Any, titles: Sequence[str] = ()) -> tuple[list[str], str, bool]:
    """A byline written as text under the page's headline ("Von Jane Doe", "By Jane Doe |
    12.03.2024"), read as a person would, up to where the text begins; and whether it is a bare
    name with no byline's words, a guess. (`titles`: the page's titles, which name its
    headline where no `<h1>` is one.)"""
    from newsread.index.files.dates import without_dates

    headings = [h for h in tree.iter("h1") if not _is_site_heading(h)]
    if not headings and any(True for _ in tree.iter("h1")):
        # A blog's <h1> is its name; its post's headline is the first <h2>.
        headings = [h for h in tree.iter("h2") if not _is_site_heading(h)][:1]
    if headings and titles and not _tells_the_titles(headings[0], titles):
        # Another story's <h1> (a teaser's) where an <h2> or <h3> is the titles' headline.
        headings = _titled_heading(tree, titles, under_h1=True) or headings
    # Under a headline only the titles point to, a name needs a byline's words, right there.
    bare_names = bool(headings)
    if not headings:
        headings = _titled_heading(tree, titles)
    if not headings:
        return [], "", False
    texts = headings[0].xpath(_FOLLOWING_TEXT)
    # The section the page files the story under, linked under its headline ("North Korea").
    sections = {_loose(s) for s in tree.xpath(_SECTION_NAMES)}
    for index, node in enumerate(texts if bare_names else texts[:_BARE_NAME_SCAN]):
        near = index < _BARE_NAME_SCAN
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style", "noscript", "time"):
            continue
        text = " ".join(str(node).split())
        joined = _BYLINE_WORDS_ALONE.match(text) is not None
        if joined:
            alone = text
            text = _with_marked_name(node, texts[index + 1 :])
            linked = _linked_writers(node, texts[index + 1 :]) if text == alone else ""
            text = linked or text
        if len(text) > 200:
            if _in_subheading(parent):
                # A standfirst set as a heading under the headline; the byline may follow.
                bare_names = False
                continue
            break  # the article's text has begun
        if not 4 <= len(text) <= _MAX_BYLINE_TEXT:
            # Past a sentence, a bare name is no longer "right under the headline".
            bare_names = bare_names and len(text) <= _MAX_BYLINE_TEXT
            continue
        undated = without_dates(text)
        if undated != text:
            undated = _DATE_WORD_LEFT.sub("", undated)  # "By Jane Doe on [March 3, 2020]"
        for segment in _META_PARTS.split(undated):
            segment = _DATED_BY.sub("", segment.strip(" ,;:-–—·|•/"))
            handle = one_word_byline(segment) if segment else ""
            handle = "" if is_role_word(handle) else handle  # "By Staff"
            # (A byline's words before a name set apart: "di <b>Mario Rossi</b>".)
            prefixed = joined and has_byline_prefix(segment)
            caseless = caseless_byline(segment) if segment and not segment.isascii() else []
            if caseless and not (
                parent is not None and (_in_other_content(parent) or _menu_entry(parent))
            ):
                return caseless, "", False  # "بقلم: سارة علي", "记者 王小明"
            if segment and (is_byline(segment) or handle or prefixed):
                # "Posted by jdoe": a user's name alone in its text, right under the headline.
                people, credit = split_byline(segment)
                if not people and handle:
                    people, credit = [handle], ""
                # (Or a desk's after a byline's word: "By TMZ Staff"; alone, "Help Desk" is a
                # link's or a heading's, but an editorial desk set as a text of its own right
                # under the headline, "Emotion Redaktion", credits it.)
                desk = has_byline_prefix(segment) and _is_desk(credit)
                desk = desk or bare_names and near and _desk_alone(segment, parent)
                if (people or desk) and not (parent is not None and _in_other_content(parent)):
                    return people, credit, False
            elif bare_names and near and _bare_agency(segment, parent):
                return [], segment, False  # "JIJI", "dpa": the agency the story is from
            elif (
                bare_names
                and near
                and 2 <= _name_length(segment) <= 3
                and not _LABEL_ALONE.match(text)  # "Episode Teaser Image:"
                and not _in_subheading(parent)  # the text's first part: "Amanda Knox"
                and not _in_sentence(node)
            ):
                if (
                    is_person_name(segment)
                    and _loose(segment) not in sections
                    and not _names_provider(parent)
                    and not (parent is not None and _in_quotation(parent))
                ):
                    # A bare name right under the headline; a control shaped like one ("Pin
                    # Recipe", "Ask Question") names no one, and ends the guessing there too.
                    return ([], "", True) if _is_control(parent) else ([segment], "", True)
    return _dated_name_above(headings[0]), "", False


# An element naming the outlet a story comes from, not its writer (msn's "sourcename-txt":
# "Tech Insider" over "authorname-txt"), or a topic it is filed under (Drupal's
# "field--name-field-topic": "Bundesprogramm Blaues Band").
_PROVIDER_CLASS = re.compile(
    r"source-?name|provider|publisher|partner-?name|topic|categor|\btags?\b|keyword",
    re.IGNORECASE,
)


def _names_provider(element: Any) -> bool:
    """Whether `element` (or the one around it) is marked as naming the story's outlet or
    a topic."""
    if element is None:
        return False
    near = [element, *itertools.islice(element.iterancestors(), 1)]
    return any(_PROVIDER_CLASS.search(_marks(e)) for e in near)


_SECTION_NAMES = (
    "//meta[@property='article:section' or @name='article:section'"
    " or @itemprop='articleSection']/@content"
)
# What sets the parts of a meta line apart: "Jane Doe | 12.03.2024", "Jane Doe / 12 March 2024".
_META_PARTS = re.compile(r"\s+[|·•/]\s+")
# How many texts above the headline its meta line ("04.02.2022 | Jane Doe") may be.
_ABOVE_HEADLINE = 3
_PRECEDING_TEXT = f"preceding::text()[normalize-space(.)][position() <= {_ABOVE_HEADLINE}]"


def _name_length(text: str) -> int:
    """How many words `text` has, not counting the titles before a name ("Prof. Dr.")."""
    return len(_LEADING_TITLES.sub("", text).split())


_LEADING_TITLES = re.compile(r"^(?:(?:prof|dr|mag|dipl|ing)\.\s*)+", re.IGNORECASE)


def _dated_name_above(heading: Any) -> list[str]:
    """The people a byline just above the headline names ("By Jane Doe"), or the person a meta
    line there names beside its date, set apart by a bar or a dot ("04.02.2022 | 13:10 Uhr |
    Jane Doe"): the byline, put over the headline."""
    from newsread.index.files.dates import without_dates

    for node in heading.xpath(_PRECEDING_TEXT):
        parent = node.getparent()
        text = " ".join(str(node).split())
        if parent is None or parent.tag in _NOT_TEXT or len(text) > _MAX_BYLINE_TEXT:
            continue
        undated = without_dates(text)
        if _in_other_content(parent) or _is_control(parent):
            continue
        if has_byline_prefix(undated):
            return split_byline(_DATE_WORD_LEFT.sub("", undated))[0]
        if undated == text:
            continue
        segments = [s.strip(" /") for s in _META_PARTS.split(undated)]
        names = [s for s in segments if 2 <= len(s.split()) <= 3 and is_person_name(s)]
        if len(segments) > 1 and len(names) == 1:
            return names
    return []


def _in_subheading(element: Any | None) -> bool:
    """Whether a text's element is (inside) an `<h2>` to `<h6>`."""
    if element is None:
        return False
    return element.tag in _HEADINGS[1:] or any(True for _ in element.iterancestors(*_HEADINGS[1:]))


# How many elements before or after the headline a writer's avatar may be: in the header
# that holds the headline, its byline and date (a blog's or a forum's post head).
_AVATAR_REACH = 40
_AVATAR_IMAGES = "[self::img][contains(translate(@class, 'AVTR', 'avtr'), 'avatar')]"
# What an avatar's alt text says before the name ("Profilbild von", "Avatar of", "Photo of").
_PICTURE_OF = re.compile(r"^.*?\b(?:von|of|de|di|by)\s+", re.IGNORECASE)
_PICTURE_WORDS = re.compile(r"\b(?:avatar|profil\w*|photo|foto|picture|bild|image)\b", re.I)


def _avatar_byline(tree: Any) -> tuple[list[str], str]:
    """The writer whose avatar is next to the headline, a blog's or forum's post head: the
    name its alt text or title gives ("Profilbild von jdoe"), else the name shown right after
    it. Not a commenter's: their avatars are in the comments, further down."""
    headings = [h for h in tree.iter("h1") if not _is_site_heading(h)]
    if not headings:
        return [], ""
    reach = f"[position() <= {_AVATAR_REACH}]"
    images = [
        *headings[0].xpath(f"preceding::*{reach}{_AVATAR_IMAGES}"),
        *headings[0].xpath(f"following::*{reach}{_AVATAR_IMAGES}"),
    ]
    for image in images:
        if _in_other_content(image) or _in_teaser_card(image):
            continue
        for said in (image.get("alt"), image.get("title")):
            name = _avatar_name(_PICTURE_OF.sub("", said or "") if said else "")
            if name:
                return _as_byline(name)
        for text in image.xpath("following::text()[normalize-space(.)][position() <= 2]"):
            name = _avatar_name(" ".join(str(text).split()))
            if name:
                return _as_byline(name)
    return [], ""


def _as_byline(name: str) -> tuple[list[str], str]:
    """(authors, credit) of a name: a person's, or a user's handle, kept as the credit."""
    return ([name], "") if is_person_name(name) else ([], name)


def _avatar_name(text: str) -> str:
    """`text` if it is a person's name or a user's handle (no agency's, desk's or role's), and
    no word for a picture."""
    if not text or _PICTURE_WORDS.search(text):
        return ""
    if is_person_name(text):
        return text
    if text.isupper() or _is_desk(text) or is_role_word(text):
        return ""  # "ERBOL", "Redaktion", "Staff": an agency's or a desk's name, no one's
    return one_word_byline(f"By {text}")


# A class that marks a button or a call to action ("s-btn", "aside-cta", "button-primary").
# (Or a tool of a bar of them: wapo's "hideText more tool" for "More Options".)
_BUTTON_CLASS = re.compile(r"\bbtn\b|button|\bcta\b|\btools?\b|toolbar")
_CONTROL_TAGS = frozenset(("form", "nav", "button", "label", "select", "option"))
# How far up from a text a button's or a link's element may be.
_CONTROL_DEPTH = 3


def _is_control(element: Any) -> bool:
    """Whether text in `element` is a control's, not a name: a button or call to action, in a
    form or the navigation ("Reset Password", "Ask Question"), or a link to a place on the
    same page (a table of contents: "Generating Certs")."""
    if element is None:
        return False
    near = [element, *itertools.islice(element.iterancestors(), _CONTROL_DEPTH)]
    for ancestor in near:
        if ancestor.tag in _CONTROL_TAGS or _BUTTON_CLASS.search(_marks(ancestor)):
            return True
        if ancestor.tag == "a" and (ancestor.get("href") or "").startswith("#"):
            return True
    return any(ancestor.tag in ("form", "nav") for ancestor in element.iterancestors())


def _bare_agency(segment: str, parent: Any) -> bool:
    """Whether a line under the headline is only a news agency's name, in a block of its own
    (`<p class="credit">JIJI</p>`), or beside its date ("12.03.2024 | dpa"): the story's
    credit, as "By" would make it; not a photo's credit ("Photo: J. Roe, AP"), the
    picture's."""
    from newsread.index.files.dates import without_dates

    if not is_agency(segment) or _PHOTO_CREDIT.match(segment) or parent is None:
        return False
    if parent.tag == "a" or _in_other_content(parent):
        return False
    text = _clean(parent.text_content())
    return text == segment or _clean(without_dates(text)).strip(" |·•,–—-") == segment


# An element that labels the name after it ("<strong>Autor:</strong> Jane Doe", "<h4>Author
# </h4><p><a>Jane Doe</a></p>"); XPath picks short text nodes holding the label's letters.
_NAME_LABEL = re.compile(
    r"^(?:autor(?:in)?|author|auteur|autore|text|von|by|written\s+by|geschrieben\s+von"
    r"|verfasst\s+von)\s*:?$",
    re.IGNORECASE,
)
# The labels among them that say "author" in so many words (not "von", "by", "Text").
_AUTHOR_WORD = re.compile(
    r"^(?:autor(?:in)?|author|auteur|autore|written\s+by|geschrieben\s+von|verfasst\s+von)\s*:?$",
    re.IGNORECASE,
)
# (Only the text of an element with no element inside, as a label's is: most text nodes are
# ruled out before their text is read, a third of the time of reading every short one.)
_LABEL_TEXTS = (
    "//body//*[not(*)]/text()[contains(., 'ut') or contains(., 'on') or contains(., 'y')"
    " or contains(., 'ext') or contains(., 'EXT')][string-length(normalize-space(.)) <= 16]"
)
_LABELLED_NAME = "following::text()[normalize-space(.)][position() <= 2]"


def _labelled_byline(
    tree: Any, labels: re.Pattern[str] = _NAME_LABEL, texts: list[Any] | None = None
) -> tuple[list[str], str]:
    """The person an author label (`labels`) names in the text after it, outside comments,
    forms and lists of other stories: the first such label that names someone. (`texts`:
    the tree's `_LABEL_TEXTS`, where they were found already.)"""
    for node in tree.xpath(_LABEL_TEXTS) if texts is None else texts:
        if not labels.match(str(node).strip()):
            continue
        label = node.getparent()
        if label is None or label.tag in ("script", "style", "option", "button", "label"):
            continue
        if _in_other_content(label) or any(a.tag == "form" for a in label.iterancestors()):
            continue
        if not node.is_text or len(label):
            continue  # The label is an element of its own, with no markup inside.
        # The first label decides: names after later ones may be commenters'.
        for following in label.xpath(_LABELLED_NAME):
            if str(following).strip().endswith(":"):
                break  # The next label ("Prep Time:"): this one names no one.
            text = _byline_text(" ".join(str(following).split()))
            people = [p for p in split_byline(text)[0] if is_person_name(p)] if text else []
            if people and len(text.split()) <= 6:
                return people, ""
            if any(char.isalpha() for char in str(following)):
                break  # The label's value names no one: the text after it is another row's.
        return [], ""
    return [], ""


# Short texts that may label who issued a press release ("Herausgeber:", "Publisher:").
_PUBLISHER_TEXTS = (
    "//body//text()[contains(., 'erausgeber') or contains(., 'ublisher') or contains(., 'diteur')]"
    "[string-length(normalize-space(.)) <= 16]"
)
_MAX_PUBLISHER_LINE = 80


def _labelled_publisher(tree: Any) -> str:
    """The publisher a press release's label line names ("Herausgeber: Nordex SE"), outside
    comments, forms, tables and lists of other stories, or "": who put the story out, read as
    the credit where the page names no writer (as `parse_text` reads the same line)."""
    for node in tree.xpath(_PUBLISHER_TEXTS):
        line = node.getparent()
        if line is None or line.tag in ("script", "style", "option", "button", "label", "a"):
            continue
        if _in_other_content(line) or any(
            a.tag in ("form", "table", "dl", "li") for a in line.iterancestors()
        ):
            continue
        text = " ".join(line.text_content().split())
        if _PUBLISHER_ALONE.match(text):  # "<b>Herausgeber:</b> <a>Nordex SE</a>"
            text += " " + " ".join(" ".join(line.xpath(_LABELLED_NAME)[:1]).split())
        if len(text) <= _MAX_PUBLISHER_LINE and (name := publisher_named(text)):
            return name
    return ""


_PUBLISHER_ALONE = re.compile(r"^(?:herausgeber(?:in)?|publisher|éditeur)\s*:$", re.IGNORECASE)


# Text that ends in a byline's word, right before the link naming the writer ("Erstellt von
# <a>Jane</a> am 6. Mai", "Author: <a href="/autoren/jane-doe">Jane Doe</a>, Datum: ...", "Par
# <a>Jean Dupont</a>"); XPath picks short text nodes whose next node is a link or wraps one.
_LINK_LABEL = re.compile(
    r"(?:^|[\s/|·•,(])(?:by|von|par|por|door|(?:autor(?:in)?|author|auteur|autore)\s*:)\s*$",
    re.IGNORECASE,
)
# (The sibling test first: it is the cheaper one, and rules out most text nodes.)
_LINK_HOLDERS = (
    "//body//*[self::a[@href] or (self::strong or self::b or self::span or self::em) and a[@href]]"
)
"""A link, or an inline element that holds one: what a byline's word comes right before."""
_MAX_LABEL = 60
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _texts_before_links(tree: Any) -> Iterator[tuple[str, bool, Any]]:
    """(text, whether it is a tail, the element it is the text or tail of) for each text in
    the body that comes right before a link holder (`_LINK_HOLDERS`) and has at most
    `_MAX_LABEL` characters, in document order.

    The XPath `//body//text()[following-sibling::node()[1][...]]` said the same, but libxml2
    walked every following sibling of every text node first: quadratic in a parent's children
    (9 s for a page of 13,000 rows in one <body>)."""
    for holder in tree.xpath(_LINK_HOLDERS):
        previous = holder.getprevious()
        owner, is_tail = (holder.getparent(), False) if previous is None else (previous, True)
        text = owner.tail if is_tail else owner.text
        if text and len(_XML_SPACE.sub(" ", text).strip(" \t\r\n")) <= _MAX_LABEL:
            yield text, is_tail, owner


# Labels of others' work: a photo's, a translation's, a theme's ("übersetzt von", "Theme by").
_NOT_WRITER = re.compile(
    r"\b(?:fotos?|photos?|bild(?:er)?|images?|pictures?|illustration|video|musik|music"
    r"|übersetzt|translated|traduit|traducido|powered|hosted|theme|design|quelle|source|via)\b",
    re.IGNORECASE,
)
# Words before the label: a line's label ("Erstellt von", "Blog Beitrag von") or details set
# apart ("22. Januar 2020 // Autor:"), not a sentence ("Die Musik stammt von <a>...</a>").
_MAX_WORDS_BEFORE_LABEL = 2
_SET_APART = re.compile(r"(?:[/|·•:]|\d)\s*$")
# A capitalised word after the link goes on with the name ("<a>Rechtsanwalt</a> Jane Doe").
_NAME_GOES_ON = re.compile(r"^\s*[^\W\d_]", re.UNICODE)
_CO_AUTHOR_JOIN = frozenset(("und", "and", "&", ",", "et", "y", "e"))
_MAX_LINKED_NAME = 40
# The longest element a linked byline sits in: a byline's line, not a paragraph.
_MAX_LINKED_LINE = 150


def _linked_byline(tree: Any) -> tuple[list[str], str]:
    """The writer that a link right after a byline's word names, outside comments, forms and
    lists of other stories (with co-authors linked after "und", "and", ","): the first one
    found. A link stands in for the byline markup the page left out; the user names of
    forums and recipe sites ("von <a>Marianne1</a>") are kept as a credit."""
    for label, is_tail, parent in _texts_before_links(tree):
        match = _LINK_LABEL.search(label)
        if not match or _NOT_WRITER.search(label):
            continue
        before = label[: match.start()].strip()
        if len(before.split()) > _MAX_WORDS_BEFORE_LABEL and not _SET_APART.search(before):
            continue
        if parent.tag in ("script", "style", "option", "button", "label"):
            continue
        following = parent.getnext() if is_tail else (parent[0] if len(parent) else None)
        if following is None or _in_other_content(following):
            continue
        # The label opens a short line of its own: not a link in prose or in a caption ("a
        # film directed by <a>Jane Doe</a>", "Portrait of X by <a>Jane Doe</a>").
        line = following.getparent()
        shown = " ".join(line.text_content().split()) if line is not None else ""
        if len(shown) > _MAX_LINKED_LINE or not shown.startswith(" ".join(label.split())):
            continue
        if any(a.tag == "form" for a in following.iterancestors()):
            continue
        names: list[str] = []
        while following is not None:
            name = _spaced_text(following, skip=_skipped_in_byline)
            tail = following.tail or ""
            if not (name or tail.strip()) and not names and following.tag == "a":
                # A link nested in a link, which the parser closes empty: the name is next.
                following = following.getnext()
                continue
            if not name or len(name) > _MAX_LINKED_NAME:
                break
            if _NAME_GOES_ON.match(tail) and tail.lstrip()[0].isupper():
                names = []
                break
            names.append(name)
            if (following.tail or "").strip().lower() not in _CO_AUTHOR_JOIN:
                break
            following = following.getnext()
            if following is None or following.tag not in ("a", "strong", "b", "span", "em"):
                break
        if not names:
            continue
        people, credit = merge_bylines(split_byline(name) for name in names)
        if people:
            return people, credit
        word = one_word_byline(f"by {names[0]}") if len(names) == 1 else ""
        if credit or word:
            return [], credit or word
    return [], ""


# What is left of a date line that ends in its byline once the date is out ("Posted on
# September 21, 2020 by Jane Doe", "Am 12.03.2021 von Jane Doe").
_DATED_BY = re.compile(
    r"^(?:(?:posted|submitted|published|written|veröffentlicht|geschrieben|verfasst|erstellt"
    r"|eingestellt|gepostet|publiée?|écrit|publicado|escrito|pubblicato|scritto)\s*)?"
    r"(?:on|am|le|el|il)?\s*(?-i:[A-Z]{1,3}[SD]?T|UTC|MES?Z)?\s*(?=(?:by|von|par|por|di)\s)",
    re.IGNORECASE,
)
# Words beside the date on a date line under a headline ("Published on", "Von Jane Doe |").
_DATE_LINE_WORDS = 6
# A date line that gives the last change: not the publication's date.
_UPDATED = re.compile(rf"\b(?:{UPDATED_WORDS})\b", re.IGNORECASE)


def _date_as_shown(
    tree: Any, declared: datetime, title: str, meta: _Metadata | None = None
) -> datetime:
    """The date the page shows on a date line under its headline, where it differs from the
    `declared` one: a person reads that one (not an "Updated …" line: a change, not the
    publication). Where it is the declared moment in the
    site's own time zone (metadata in UTC), that moment with the site's offset; where it is
    another publication date the page declares, that one."""
    from newsread.index.files.dates import as_shown, without_dates

    over = _date_over_headline(tree, title)
    if over is not None and not _same_day(over, declared):
        # The declared moment on the day a date line over the headline shows: the site's own
        # calendar day. (Another day is not trusted from there: a page's header may show
        # today's date.)
        moved = as_shown(declared, over)
        if moved is not None:
            return moved
    others = meta.declared if meta is not None else []
    lines = list(_shown_dates(tree, title))
    for index, (shown, label, text, passed, stamped) in enumerate(lines):
        after_standfirst = passed > _MAX_DATE_TEXT
        if shown.day <= 12 and _NUMERIC_DATE.search(text):
            # "03/05/2022" is 3 May or March 5: the declared moment's, seen from the site's
            # time zone (a day either side), when only the other reading is.
            swapped = shown.replace(month=shown.day, day=shown.month)
            if (
                abs((swapped.date() - declared.date()).days)
                <= 1
                < abs((shown.date() - declared.date()).days)
            ):
                shown = swapped
        if (
            stamped
            and _UPDATED.search(f"{label} {text}")
            and _only_date_shown(tree, declared, shown, lines[index + 1 :])
        ):
            # "Updated May 6, 2019" the page's date stamp under the headline, the day it was
            # published shown nowhere: the day a reader takes as the article's. (Not such a
            # line in the text: an editor's note over a story whose date line is elsewhere.)
            return shown
        if (
            len(without_dates(text).split()) > _DATE_LINE_WORDS
            or _UPDATED.search(f"{label} {text}")
            or _same_day(shown, declared)
        ):
            return declared  # a sentence that names a date, an update, or the declared day
        # Another date the page declares for its publication, shown: that one, with its time.
        other = next((d for d in others if _same_day(shown, d)), None)
        if other is not None or (after_standfirst and not _publication_line(label, text)):
            # Below a standfirst only a date the page also declares, or labels as the
            # publication's ("Erschienen am: 13.10.2021"), is trusted.
            return other or declared
        if shown.time() != shown.min.time():
            return as_shown(declared, shown) or shown
        return shown
    return declared


# The days after its publication that a story's updates belong to it ("November 28, 2013 --
# Updated 0203 GMT" on a story published the 27th).
_NEWS_CYCLE_DAYS = 2


def _only_date_shown(
    tree: Any,
    declared: datetime,
    updated: datetime,
    after: list[tuple[datetime, str, str, int, bool]],
) -> bool:
    """Whether the `updated` day of an "Updated …" line under the headline is the only date
    the page shows of the article: later than the `declared` publication, which no date line
    under the headline (`after` it) nor a labelled line elsewhere shows. (Not a change made
    within a day or two: a developing story's, dated by its publication.)"""
    if (updated.date() - declared.date()).days <= _NEWS_CYCLE_DAYS:
        return False
    if any(_same_day(shown, declared) for shown, *_ in after):
        return False
    labelled = _labelled_published(tree)
    return labelled is None or not _same_day(labelled, declared)


def _read_as_shown(tree: Any, declared: datetime, title: str) -> datetime:
    """`declared`, a slashed date that reads both ways ("11/01/2023", read as the page's
    language writes dates), turned round where the page shows the other reading itself,
    under its headline or on a labelled line: "Erstellt am: 01.11.2023" under a server's US
    date in a German page's metadata."""
    if declared.day > 12:
        return declared
    other = declared.replace(month=declared.day, day=declared.month)
    shown = [date for date, *_ in _shown_dates(tree, title)]
    if other.date() not in {date.date() for date in shown}:
        labelled = _labelled_published(tree)
        if labelled is None or labelled.date() != other.date():
            return declared
    return other


def _shown_or_labelled(tree: Any, title: str) -> datetime | None:
    """For a page that declares no date: the date line's under its headline, else a line's
    that labels the publication's date; that one where it gives the shown day's time."""
    shown = _shown_published(tree, title) or _stamped_above(tree, title)
    if shown is not None and shown.time() != shown.min.time():
        return shown
    labelled = _labelled_published(tree) or _passive_published(tree)
    if shown is None or (labelled is not None and labelled.date() == shown.date()):
        return labelled or shown
    return shown


def _shown_published(tree: Any, title: str) -> datetime | None:
    """The date on a date line under the headline, for a page that declares none ("Familie
    17/02/2022", "Von Jane Doe 4. 2. 2022."); not an "Updated …" line's. A page with no
    `<h1>` but the site's has its headline in the `<h2>` that says the title."""
    from newsread.index.files.dates import without_dates

    for shown, label, text, passed, stamped in _shown_dates(tree, title, in_h2=True):
        if len(without_dates(text).split()) > _DATE_LINE_WORDS:
            return None  # a sentence that names a date
        if passed > _MAX_LEAD_TEXT and not (_publication_line(label, text) or stamped):
            # A date in the text, or under it ("Letzte Änderung: 31.10.2023"); not one in
            # an element marked as the date under a standfirst (`_shown_dates` stops at
            # the text).
            return None
        if not _UPDATED.search(f"{label} {text}") and shown.year >= _FIRST_WEB_YEAR:
            return shown
    return None


# How far up from the headline the block it shares with a date stamp above it may be, and
# with a day's heading over it.
_STAMP_BLOCK_DEPTH = 3
_DAY_BLOCK_DEPTH = 5


def _post_title(tree: Any, title: str) -> Any | None:
    """The element marked as the post's title ("post-title entry-title") that says `title`:
    a blog's post under an `<h1>` that names the blog."""
    wanted = _loose(title)
    for element in tree.xpath("//body//*[contains(@class, '-title')]"):
        if element.tag in _HEADINGS and _ENTRY_TITLE.search(_marks(element)):
            if _loose(" ".join(element.text_content().split())) == wanted:
                return element
    return None


def _stamped_above(tree: Any, title: str) -> datetime | None:
    """The date of a stamp set just above the headline, in the block they share ("<div
    class="info"><span class="date">02.02.2022</span></div><h1>…"), for a page that shows
    none under it: not the day's date in the site's header, nor a teaser's."""
    heading = _headline_element(tree, title, in_h2=True)
    heading = _post_title(tree, title) if heading is None else heading
    if heading is None:
        return None
    blocks = []
    for block in itertools.islice(heading.iterancestors(), _DAY_BLOCK_DEPTH):
        if block.tag == "body" or block.get(PAGE_WRAPPER) is not None:
            break
        blocks.append(block)
    for node in reversed(heading.xpath(_PRECEDING_TEXT)):
        parent = node.getparent()
        text = " ".join(str(node).split())
        if parent is None or parent.tag in _NOT_TEXT or len(text) > _MAX_DATE_LINE:
            continue
        if not _marked_near(parent, _DATE_MARK) or _UPDATED.search(text):
            continue
        # A day's heading over the posts of that day (Blogger's "date-header") stands
        # further up than a stamp in the headline's own block.
        around = (parent, *itertools.islice(parent.iterancestors(), 2))
        day_heading = any(e.tag in _HEADINGS for e in around)
        near = blocks if day_heading else blocks[:_STAMP_BLOCK_DEPTH]
        if {parent, *parent.iterancestors()}.isdisjoint(near):
            return None
        if _in_furniture(parent) or _in_listing(parent) or _in_linked_teaser(parent):
            return None
        return _line_date(text, day_first=_writes_day_first(tree))
    return None


def _publication_line(label: str, text: str) -> bool:
    """Whether a date line, or the label before it, says it is the publication's date."""
    return bool(_PUBLISHED_LABEL.match(text) or _PUBLISHED_LABEL.fullmatch(label))


# A label that says the date after it is the publication's, in the languages of
# `dates._LABEL` ("Published on", "Erschienen am:", "ePublished:", "Publicerad den").
_PUBLISHED_LABEL = re.compile(
    rf"^(?:(?:first|originally|e)\s*)?(?:{PUBLISHED_WORDS})"
    r"\b(?:\s+(?:on|am|le|el|il|em|op|в|den|pada)\b)?\s*:?\s*",
    re.IGNORECASE,
)
# Such a label in the page's text with a number soon after it: the cheap test of the whole
# text (one string, searched for each label with `str.find`) before the text nodes that hold
# the label are looked for.
_LABEL_WORDS = PUBLISHED_LABELS
_NUMBER_AFTER = re.compile(r"(?![^\W\d_])\W{0,3}\D{0,20}\d")
# The texts after a label (the label first): after its element's tail, or its element's text.
_LABEL_NEXT = "following::text()[position() <= 6]"
_LABEL_INSIDE_NEXT = "(descendant::text() | following::text())[position() <= 6]"
_MAX_LABEL_LINE = 80


def _labelled_published(tree: Any) -> datetime | None:
    """The date a line anywhere in the page labels as the publication's ("Erschienen am:
    01.11.2023" under the text, "Veröffentlicht am" with the date in the next element), for
    a page that declares none; not in comments or lists of other stories."""
    body = tree.find("body")
    words = _label_words(body.text_content()) if body is not None else []
    if not words:
        return None
    tests = " or ".join(f"contains(., '{word}')" for word in words)
    day_first = _writes_day_first(tree)
    for node in tree.xpath(f"//body//text()[{tests}]"):
        text = " ".join(str(node).split())
        rest = _after_published_label(text) if len(text) <= _MAX_LABEL_LINE else None
        parent = node.getparent()
        if rest is None or parent is None or parent.tag in ("script", "style", "noscript"):
            continue
        if _in_listing(parent):
            continue
        if not rest:
            # The date in an element of its own: the next text that says anything.
            after = parent.xpath(_LABEL_NEXT if node.is_tail else _LABEL_INSIDE_NEXT)[1:]
            rest = next((" ".join(t.split()) for t in map(str, after) if t.strip()), "")
        found = _line_date(rest, day_first=day_first) if len(rest) <= _MAX_LABEL_LINE else None
        if found is not None and found.year >= _FIRST_WEB_YEAR:
            return found
    return None


# A sentence a blog's theme closes a post with, saying when it was published: "… wurde am
# 19. Mai 2010 um 23:03 Uhr gepostet" (`_PUBLISHED_PASSIVE`), "This entry was posted on
# Wednesday, May 19th, 2010 at 11:03 pm and is filed under …".
_POSTED_ON = re.compile(
    r"\b(?:was|were)\s+(?:first\s+)?(?:posted|published)\s+on\s+(?P<when>.{6,60})",
    re.IGNORECASE,
)
_PASSIVE_TEXT = (
    "//body//text()[contains(., 'wurde') or contains(., 'was posted')"
    " or contains(., 'was published')]"
)


def _passive_published(tree: Any) -> datetime | None:
    """The date a sentence of the page says the post was published on (`_POSTED_ON`), set in
    elements of their own or not ("wurde am <nobr>19. Mai 2010</nobr> … gepostet"); not in
    comments or lists of other stories."""
    day_first = _writes_day_first(tree)
    for node in tree.xpath(_PASSIVE_TEXT):
        owner = node.getparent()
        block = owner.getparent() if node.is_tail and owner is not None else owner
        if block is None or block.tag in ("script", "style", "noscript") or _in_listing(block):
            continue
        text = " ".join(block.text_content().split())
        if len(text) > _PASSIVE_LINE:
            continue
        match = _PUBLISHED_PASSIVE.search(text) or _POSTED_ON.search(text)
        found = find_date(match.group("when"), day_first=day_first) if match else None
        if found is not None and found.year >= _FIRST_WEB_YEAR:
            return found
    return None


def _after_published_label(text: str) -> str | None:
    """What follows the publication's label in a line (None where there is none): the label
    at its start, or after the last change's date set apart before it ("Updated: 9 May 2022
    · Published: 3 March 2022")."""
    match = _PUBLISHED_LABEL.match(text)
    if match is None:
        part = _AFTER_SEPARATOR.search(text)
        if part is None or not _UPDATED.search(text[: part.start()]):
            return None
        text = text[part.end() :]
        match = _PUBLISHED_LABEL.match(text)
    return text[match.end() :] if match else None


# Where a line's second part begins: after a separator ("·", "|", "/", ";", a dash).
_AFTER_SEPARATOR = re.compile(r"\s[·|/;•–—-]\s*|,\s+(?=[^\W\d])")


def _label_words(text: str) -> list[str]:
    """The publication labels in `text` with a number soon after them, as the text writes
    them ("Erschienen", "PUBLISHED"): letters only."""
    lowered = text.lower()
    found: dict[str, None] = {}
    for label in _LABEL_WORDS:
        at = lowered.find(label)
        while at != -1:
            end = at + len(label)
            word = text[at:end]
            if (
                word.lower() == label
                and not text[at - 1 : at].isalpha()
                and _NUMBER_AFTER.match(text, end)
            ):
                found[word] = None
            at = lowered.find(label, end)
    return list(found)


# Web pages are younger than this; an older date under a headline is its subject's (a birth
# date in an encyclopedia's facts), as htmldate, which reads pages for dates, also assumes.
_FIRST_WEB_YEAR = 1995


# Text under a headline longer than this is the article's (or a standfirst's, once) ...
_MAX_DATE_TEXT = 200
_SHORTEST_DATE = 6  # "1.2.21"
# ... and where the page declares no date, a date line is above any text longer than this
# (its text's short paragraphs may name other dates).
_MAX_LEAD_TEXT = 100


# The label of the day a member joined a forum, shown in the profile beside each post.
_JOINED = re.compile(
    r"\b(?:registriert|registered|joined|member\s+since|mitglied\s+seit|dabei\s+seit"
    r"|inscrit|inscrito|membre\s+depuis|miembro\s+desde|iscritto)\b",
    re.IGNORECASE,
)


def _shown_dates(
    tree: Any, title: str, *, in_h2: bool = False
) -> Iterator[tuple[datetime, str, str, int, bool]]:
    """The dates of the short lines under the page's headline, until its text begins:
    (date, the label before it, the line, the length of the longest text before it, whether
    it stands in an element marked as a date or time stamp); `in_h2` as for
    `_headline_element`."""
    heading = _headline_element(tree, title, in_h2=in_h2)
    if heading is None:
        return
    label = ""
    standfirst = False
    passed = 0  # the longest text passed
    day_first = _writes_day_first(tree)
    headline = _loose(title)
    for node in heading.xpath(_FOLLOWING_TEXT):
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style", "noscript"):
            continue
        if _not_shown_date(node, parent):
            continue
        text = " ".join(str(node).split())
        if headline and _loose(text) == headline:
            # The headline again (a post's heading under the blog's <h1>): the days it
            # names ("… (2020/7/11-12)") are its story's, not a date line.
            continue
        if len(text) > _MAX_DATE_TEXT:
            if standfirst or len(text) > _MAX_STANDFIRST:
                return  # the article's text has begun
            standfirst = True  # a standfirst, or the text's first paragraph
        elif (
            len(text) >= _SHORTEST_DATE
            and (shown := _line_date(text, day_first=day_first)) is not None
        ):
            # Not a comment's, nor a teaser's, nor the day a forum's member joined.
            listed = parent is not None and (_in_listing(parent) or _in_linked_teaser(parent))
            if not listed and not _JOINED.search(f"{label} {text}"):
                stamped = parent is not None and _marked_near(parent, _DATE_MARK)
                yield shown, label, text, passed, stamped
        else:
            label = text or label  # "Last updated:" in an element of its own
        passed = max(passed, len(text))


def _in_linked_teaser(element: Any) -> bool:
    """Whether `element` is in a block marked as a teaser that holds a heading linking to
    its story: another story's card ("node-teaser": its date, its linked `<h2>`, its lede),
    not the article's own lede that some sites mark "teaser", nor a block around the
    page's `<h1>`."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "body":
            return False
        if _TEASER.search(_marks(ancestor)):
            if ancestor.find(".//h1") is not None:
                return False
            return any(
                heading.find(".//a[@href]") is not None for heading in ancestor.iter(*_HEADINGS[1:])
            )
    return False


def _date_over_headline(tree: Any, title: str) -> datetime | None:
    """The date of a line set just over the headline in its block (`<div class="date">6 May
    2022 - 2:00 a. m.</div><h1>…`), where nothing else stands between; not an update's."""
    heading = _headline_element(tree, title)
    for element in heading.itersiblings(preceding=True) if heading is not None else ():
        text = " ".join(element.text_content().split()) if element.tag != "script" else ""
        if not text:
            continue
        if len(text) > _MAX_DATE_TEXT or _UPDATED.search(text):
            return None  # (a sentence; the last change's date, not the publication's)
        if _CHANGE_OR_HIDDEN.search(_marks(element)):
            return None
        return _line_date(text, day_first=_writes_day_first(tree))
    return None


# Drupal's default date format, month first in every language its sites are in unless the site
# changed it: "Tue, 03/12/2024 - 10:03", "Di, 03/12/2024 - 10:03".
_DRUPAL_DATE = re.compile(r"\b[^\W\d_]{2,4}\.?,\s+\d\d/\d\d/\d{4}\s+-\s+\d\d:\d\d\b")


def _line_date(text: str, *, day_first: bool = False) -> datetime | None:
    """The date in a short line: written among other words, or the whole line one
    ("4. 2. 2022.", spaced as some German sites do). `day_first` as for `parse_date`."""
    from newsread.index.files.dates import looks_like_date_line

    day_first = day_first and not _DRUPAL_DATE.search(text)
    found = find_date(text, day_first=day_first)
    if found is None and looks_like_date_line(text):
        found = parse_date(text, day_first=day_first)
    return found


# English as written where a slashed date puts the month first: the United States', and
# where the page does not say which English it is.
_MONTH_FIRST_ENGLISH = frozenset(("", "us", "ph"))


def _writes_day_first(tree: Any) -> bool:
    """Whether the page's language writes a slashed date day first ("12/03/2024" is 12 March
    in French, German or British English): every language but American English (a year
    first, "2024/03/12", reads so either way)."""
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip().lower().replace("_", "-")
    code, _, region = lang.partition("-")
    if code == "en":
        return region.split("-")[0] not in _MONTH_FIRST_ENGLISH
    return bool(code) and code.isalpha()


def _headline_element(tree: Any, title: str, *, in_h2: bool = False) -> Any | None:
    """The `<h1>` that is the article's headline: the one that says the title where the
    page has several (a blog's name in the first), else the first not the site's; with
    `in_h2`, where the only `<h1>` is the site's, the `<h2>` that says the title."""
    headings = [h for h in tree.iter("h1") if not _is_site_heading(h)]
    if len(headings) > 1 and title:
        wanted = _loose(title)
        for heading in headings:
            if _loose(" ".join(heading.text_content().split())) == wanted:
                return heading
    if headings or not (title and in_h2):
        return headings[0] if headings else None
    # The page's only <h1> sits in its menu (the breadcrumbs' last crumb): the headline is the
    # <h2> that says the title, its kicker set apart ("Linde" over "Gasekonzern muss …").
    words = _words_of(title)

    def says_title(heading: Any) -> bool:
        # (Its kicker may be gone: `_prepare` drops a heading's opening label.)
        said = _words_of(heading.text_content())
        return len(said) >= _MIN_HEADLINE_WORDS and words[len(words) - len(said) :] == said

    return next((h for h in tree.iter("h2") if says_title(h) and not _in_furniture(h)), None)


# A date in a URL's path, as blogs and news sites file their stories ("/2020/02/24/slug").
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)")
# A UTC moment this many hours before midnight or after it may be the next or last day locally
# (west of Greenwich, Hawaii's -10 is the furthest a site's clock stands: a URL that files a
# story at 10:04 UTC under the day before gives the day it was drafted, not its own).
_WEST_HOURS = 10
_EAST_HOURS = 14


def _on_url_day(declared: datetime, url: str) -> datetime:
    """`declared`, given in UTC, on the calendar day its URL files it under where that is a
    day before or after: the site's own day ("2020-02-25T02:25Z" filed under /2020/02/24/)."""
    match = _URL_DATE.search(urlsplit(url).path) if declared.utcoffset() == _UTC else None
    if match is None:
        return declared
    year, month, number = (int(part) for part in match.groups())
    try:
        return _on_day(declared, datetime(year, month, number).date())
    except ValueError:
        return declared


# A URL's path filing a story under its year and month only ("/2024/03/bridge-closed/").
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(?!\d\d?(?:/|$))")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _on_shown_day_of_month(tree: Any, found: datetime, title: str, url: str) -> datetime:
    """`found`, a first of the month at midnight that is only the month a URL files the
    story under ("/2024/03/…", read as 1 March), on the day a date line under the headline
    gives without a year ("March 12", "Tuesday 12 March"): that line's day of that month."""
    match = _URL_MONTH.search(urlsplit(url).path)
    if match is None or found.time() != found.min.time():
        return found
    year, month = int(match.group(1)), int(match.group(2))
    if (found.year, found.month) != (year, month):
        return found
    heading = _headline_element(tree, title)
    if heading is None:
        return found
    day_first = _writes_day_first(tree)
    for node in heading.xpath(_FOLLOWING_TEXT):
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style", "noscript"):
            continue
        text = " ".join(str(node).split())
        if len(text) > _MAX_DATE_TEXT:
            break  # the article's text has begun
        if len(text) < _SHORTEST_DATE or _FOUR_DIGITS.search(text):
            continue
        if parent is not None and _in_listing(parent):
            continue  # a comment's or a teaser's
        shown = _line_date(f"{text} {year}", day_first=day_first)
        if shown is not None and (shown.year, shown.month) == (year, month):
            return shown
    return found


# A wire story's dateline without a year, opening its text: "Madrid, 12 mar (EFE).-",
# "BERLIN, 12. März (dpa) -", "WASHINGTON, March 12 (Reuters) -".
_YEARLESS_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.-]*(?:[\s-]+[A-ZÀ-Þ][\w'’.-]*){0,3}\s*(?:\([^()]{2,30}\)\s*)?,\s+"
    r"(?P<date>\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?|[^\W\d_]{3,12}\.?\s+\d{1,2})"
    r"\s*(?:\(|[-–—/]|$)"
)
# The year a URL files a story under ("/2024/slug", "/news/2024/…") ...
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
# ... or the last year a copyright notice gives ("© 2019-2024 Agencia EFE").
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|&copy;|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)", re.IGNORECASE
)
_NOTICE_YEAR_TEXT = "//body//text()[contains(., '©') or contains(., 'opyright')]"


def _yearless_dateline(paragraphs: list[str], tree: Any, url: str, title: str) -> datetime | None:
    """The day a page that declares no date shows without a year: in a wire dateline opening
    its text ("Madrid, 12 mar (EFE).-") or a short line under its headline ("12 March,
    10:03"; sites leave out the year of this year's stories). Its year is the one the URL
    files the story under, else the last of the page's copyright notice (no earlier than
    the story)."""
    shown = [match.group("date") for p in paragraphs if (match := _YEARLESS_DATELINE.match(p))]
    heading = _headline_element(tree, title) if not shown else None
    if heading is not None:
        for node in heading.xpath(_FOLLOWING_TEXT):
            parent = node.getparent()
            if parent is None or parent.tag in ("script", "style", "noscript"):
                continue
            text = " ".join(str(node).split())
            if len(text) > _MAX_DATE_TEXT:
                break  # the article's text has begun
            if len(text) >= _SHORTEST_DATE and not _FOUR_DIGITS.search(text):
                if not _in_listing(parent):
                    shown.append(text)
    if not shown:
        return None
    year = _URL_YEAR.search(urlsplit(url).path)
    if year is None:
        notices = " ".join(str(text) for text in tree.xpath(_NOTICE_YEAR_TEXT))
        year = _COPYRIGHT_YEAR.search(notices)
    if year is None:
        return None
    day_first = _writes_day_first(tree)
    for text in shown:
        found = _line_date(f"{text} {year.group(1)}", day_first=day_first)
        if found is not None:
            return found
    return None


# A dateline opening a paragraph: the date (a place before it at most) and a dash before the
# text ("29.11.2022 – The council …", "Berlin, 12 March 2024 - The council …").
_DATELINE_HEAD = re.compile(r"^(?P<head>[^–—\n]{6,40}?)\s+[-–—]\s+\S")
# The most words of a place that a dateline gives before its date ("Frankfurt am Main").
_DATELINE_PLACE_WORDS = 3


def _dated_dateline(paragraphs: list[str], *, day_first: bool = False) -> datetime | None:
    """The date of a dateline that opens the text, for a page that declares no date: a date
    with its year, a place before it at most, then a dash and the story ("29.11.2022 –
    Mehrfach hatte die Branche …"). `day_first` as for `parse_date`."""
    from newsread.index.files.dates import without_dates

    for paragraph in paragraphs:
        match = _DATELINE_HEAD.match(paragraph)
        if match is None or not _FOUR_DIGITS.search(match.group("head")):
            continue
        head = match.group("head")
        if len(without_dates(head).replace(",", " ").split()) > _DATELINE_PLACE_WORDS:
            continue
        found = _line_date(head, day_first=day_first)
        if found is not None and found.year >= _FIRST_WEB_YEAR:
            return found
    return None


def _wire_dateline_day(paragraphs: list[str], changed: datetime) -> datetime | None:
    """The day a yearless wire dateline opening the text gives, in the year of the page's
    last change `changed`, where that is no later than the change (else the year before)."""
    for paragraph in paragraphs:
        dateline = _YEARLESS_DATELINE.match(paragraph)
        if dateline is None:
            continue
        for year in (changed.year, changed.year - 1):
            found = _line_date(f"{dateline.group('date')} {year}", day_first=True)
            if found is not None and found.date() <= changed.date():
                return found
        return None
    return None


def _on_time_text(tree: Any, declared: datetime) -> datetime:
    """`declared`, given in UTC, on the day the text of its own `<time>` element shows
    (`<time datetime="2019-10-18T22:04Z">19. Oktober 2019</time>`): the site's own day."""
    if declared.utcoffset() != _UTC:
        return declared
    for time in tree.xpath("//body//time[@datetime]"):
        if _parse_declared(time.get("datetime")) != declared or _in_listing(time):
            continue
        text = " ".join(time.text_content().split())[:_MAX_DATE_TEXT]
        shown = _line_date(text, day_first=_writes_day_first(tree))
        if shown is not None:
            return _on_day(declared, shown.date())
    return declared


def _on_day(declared: datetime, day: date) -> datetime:
    """The `declared` UTC moment with the smallest offset that puts it on `day` (New York's
    evening is the next day in UTC), where `day` is a day before or after it; else as it is."""
    shift = (day - declared.date()).days
    if shift == -1 and declared.hour < _WEST_HOURS:
        return declared.astimezone(timezone(-timedelta(hours=declared.hour + 1)))
    if shift == 1 and declared.hour >= 24 - _EAST_HOURS:
        return declared.astimezone(timezone(timedelta(hours=24 - declared.hour)))
    return declared


# Classes of an element whose date is not the date line a reader sees: microformats' last
# change ("updated"), or hidden ("rich-snippet-hidden"; not "hidden-xs", shown elsewhere).
_CHANGE_OR_HIDDEN = re.compile(r"(?:^|[\s-])(?<!label-)(?:updated|modified|hidden)(?:$|\s)")


def _not_shown_date(node: Any, parent: Any) -> bool:
    """Whether a text node under the headline is hAtom's "updated" or another `<time>` of
    the last change (`_changed_time`) or a date for machines only, hidden; not a `<time
    pubdate>`, whatever its class."""
    if parent is None or not node.is_text or parent.get("pubdate") is not None:
        return False
    if parent.tag == "time" and _changed_time(parent):
        return True
    return _CHANGE_OR_HIDDEN.search(_marks(parent)) is not None


_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_SLASHED_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# Hours (UTC) at which a site east of Greenwich (UTC+1 to +3) stores a date's local midnight.
_MIDNIGHT_EAST = frozenset((21, 22, 23))


def _local_midnight(declared: datetime) -> datetime:
    """`declared` on the site's own calendar day where it is a date stored as local midnight
    and given in UTC ("2021-11-04T23:00:00Z" for 5 November in Berlin): a whole hour late in
    the UTC evening, to the second, is almost never the moment a story went out."""
    if (
        declared.utcoffset() == _UTC
        and declared.hour in _MIDNIGHT_EAST
        and declared.minute == declared.second == declared.microsecond == 0
    ):
        return declared.astimezone(timezone(timedelta(hours=24 - declared.hour)))
    return declared


def _same_day(shown: datetime, declared: datetime) -> bool:
    """Whether `shown` is `declared`'s day, read either way round where it is written with
    numbers only (03/05/2022 is 3 May or March 5)."""
    day = declared.date()
    if shown.date() == day:
        return True
    return shown.day <= 12 and (shown.year, shown.day, shown.month) == (
        day.year,
        day.month,
        day.day,
    )


def _neighbourhood(element: Any) -> Any:
    """The element three levels up: a byline holding several author links."""
    for _ in range(3):
        parent = element.getparent()
        if parent is None:
            break
        element = parent
    return element


_RIGHTS_SIGNS = "©®℗"


def _without_icon(text: str) -> str:
    """`text` without the icon it opens with: symbols (emoji, dingbats: "👤 by Jane Doe",
    "✍ Jane Doe"), their variation selectors and joiners, and the spaces after them. Not
    "©": "© Jane Doe" credits a picture."""
    start = 0
    while start < len(text) and (
        unicodedata.category(text[start]) == "So"
        and text[start] not in _RIGHTS_SIGNS
        or text[start] in " \ufe0f\u200d"
    ):
        start += 1
    return text[start:]


def _byline_text(text: str) -> str:
    """A byline element's text without the date, handle or label that follow the names."""
    text = _SPACE.sub(" ", text).strip()
    if text and unicodedata.category(text[0]) == "So":
        text = _without_icon(text)
    if _DATE_LABEL.match(text):
        return ""  # "Last updated: January 7, 2025" is a date line, not a byline.
    text = _BYLINE_TAIL.sub("", _BY_COLON.sub("By ", _GLUED_WORDS.sub(" ", text)))
    words = text.strip(" -–—|•·,:").split()
    while words and words[-1].lower() in _TRAILING_BUTTONS:
        words.pop()  # "Jane Doe Follow"
    text = " ".join(words)
    # Buttons next to a name: "Follow Author", "View profile".
    return "" if set(text.lower().split()) <= _BUTTON_WORDS else text


def _strip_site(
    title: str,
    site: str,
    page_title: str,
    authors: list[str],
    *,
    guess: bool = False,
    url: str = "",
    sites: Sequence[str] = (),
    section: str = "",
) -> str:
    """`title` without a " | Site" (or " | Author") suffix, or a "Site - " prefix.

    With `guess`, a short capitalised tail is taken for the site's name even when the page
    does not name its site (for the `<title>`, which almost always carries one). `sites`
    are the names the page gives itself, cut after any separator, a colon too. A host name
    at the end ("… - valleypost.com") is the site's; so is the page's `section` there,
    after a headline of three words or more ("Headline | News | Site").
    """
    if not title:
        return ""
    names = {_loose(name) for name in (site, *authors) if name}
    if page_title and page_title != title:
        # The <title> is often "Headline | Site": what follows the headline names the site.
        lowered, loose_page = _loose(title), _loose(page_title)
        if loose_page.startswith(lowered):
            tail = _TITLE_SEPARATOR.sub("|", page_title[len(title) :], count=1).strip(" |")
            if tail:
                names.add(_loose(tail))
    title = _without_named_ends(title, {_loose(name) for name in sites})
    head, colon, rest = title.partition(": ")
    if colon and len(_words_of(rest)) >= 2 and _names_site(head, site, url):
        title = rest  # "Town Crier: Headline" (a colon alone sets apart a topic as often)
    title = _without_host_named_end(title, url)
    for _ in range(3):
        parts = _TITLE_SEPARATOR.split(title)
        if len(parts) < 2:
            break
        # Names the page gives before a guess: a guess may take a short headline for a name.
        # The site's name as its host spells it ("La Stampa" on lastampa.it, "homify").
        if (
            _loose(parts[-1]) in names
            or _names_site(parts[-1], site, url)
            or _HOST_NAME.match(parts[-1].strip())
            or section
            and _loose(parts[-1]) == _loose(section)
            and len(_words_of(" ".join(parts[:-1]))) >= _MIN_HEADLINE_WORDS
        ):
            title = _join_parts(title, parts[:-1])
        elif _loose(parts[0]) in names or _names_site(parts[0], site, url):
            title = title[len(parts[0]) :].lstrip(" |-–—:·/\\»_")
        elif guess and _site_like(parts[-1], parts[:-1]):
            title = _join_parts(title, parts[:-1])
        elif guess and len(parts) == 2 and _site_first(parts[0], parts[1]):
            # "Northfield Courier | Headline": the site's name set first.
            title = title[len(parts[0]) :].lstrip(" |-–—:·/\\»_")
        elif inner := _inner_site_part(parts, site, url):
            # "Headline – Site – Slogan": the site's name, and its slogan after it.
            title = _join_parts(title, parts[:inner])
        else:
            break
    return title


# A name set apart at either end of a title: at its end by a colon or a bar too (Japanese
# titles run them on with no space: "…「Treeviz」:phpspot開発日誌"); at its start by a bar or
# a dash ("O'Reilly Japan - …"), not a colon, which sets apart a topic or a speaker there
# ("GdP-Vize Klemmer: …", "9to5Mac Gift Guide: …").
_TITLE_ENDS = (
    re.compile(r"^(?P<name>.+?)(?:\s*[|｜]\s*|\s+[-–—]\s+)(?=\S)"),
    re.compile(r"(?:\s*[:：|｜]\s*|\s+[-–—]\s+)(?P<name>(?:(?![:：|｜]|\s[-–—]\s).)+)$"),
)
# Host labels that name no site: a country's second level ("co.jp", "ad.jp", "com.au").
_SECOND_LEVEL = frozenset("co ac ad or ne go ed lg gr com net org gov edu".split())


def _host_label(url: str) -> str:
    """The label of a page's host that names its site: "oreilly" on www.oreilly.co.jp,
    "example" on news.example.ad.jp, "phpspot" on phpspot.org; else ""."""
    labels = (urlsplit(url).hostname or "").split(".")[:-1] if url else []
    if labels and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return "".join(_words_of(labels[-1])) if labels else ""


def _without_host_named_end(title: str, url: str) -> str:
    """`title` without a name set apart at its start or end that begins with the site's
    host label ("O'Reilly Japan", "CNNPolitics", "phpspot開発日誌"), where the rest is
    longer: the site's name as it calls itself, in more words than its host."""
    label = _host_label(url)
    if len(label) < _MIN_HOST_LABEL:
        return title
    for pattern in _TITLE_ENDS:
        end = pattern.search(title)
        if end is None:
            continue
        name = end.group("name")
        rest = title[end.end() :] if end.start() == 0 else title[: end.start()]
        words = _words_of(name)
        if (
            0 < len(words) <= _MAX_SITE_WORDS
            and "".join(words).startswith(label)
            and not any(word[:1].islower() for word in name.split()[1:])  # "BBC pay row: …"
            and len(_loose(rest)) > len(_loose(name))
        ):
            return rest.strip()
    return title


_MIN_HOST_LABEL = 3


# A site's host name as a <title> ends with it ("valleypost.com", "www.valleypost.co.uk").
_HOST_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$")


def _inner_site_part(parts: list[str], site: str, url: str) -> int:
    """The position of the site's name among the inner parts of a title, else 0."""
    inner = enumerate(parts[1:-1], 1)
    return next((i for i, part in inner if _is_site_name(part, site, url)), 0)


def _without_named_ends(title: str, names: set[str]) -> str:
    """`title` without a name the page gives (its site's, its logo's) set apart at its end
    by any separator: "… : Muffin Rezepte", "… » ☆☆☆☆☆ - Journalistenwatch e.V. - …" (a
    name with separators of its own, that splitting the title at separators cannot find)."""
    for name in sorted(names, key=len, reverse=True):
        if not name or len(name) >= len(_loose(title)):
            continue
        spaced = r"\s+".join(map(re.escape, name.split()))
        cut = re.sub(f"{_NAME_SEPARATOR}{spaced}\\s*$", "", title, flags=re.IGNORECASE)
        if cut != title and len(_words_of(cut)) >= 2:
            return cut
    return title


def _site_like(tail: str, head: list[str]) -> bool:
    """Whether `tail` of a `<title>` looks like a site name rather than part of the headline."""
    if _CJK_NAME.fullmatch(tail):
        # Words are not spaced apart: a name of a few characters after a longer headline.
        return sum(len(part) for part in head) >= 2 * len(tail)
    words = tail.split()
    head_words = sum(len(part.split()) for part in head)
    named = tail[:1].isupper() or tail[:1].isdigit() or "." in tail
    return named and 0 < len(words) <= 4 and head_words >= 3 and head_words > len(words)


def _site_first(head: str, rest: str) -> bool:
    """Whether `head` of a `<title>` "head | rest" is the site's name set first: shaped as a
    name (`_site_like`) before a headline of a sentence's length, at least twice as long
    ("Google - Site Reliability Engineering" and "Magic Cleaning | sheego ♥ Magazin" are
    titles whole)."""
    words = len(rest.split())
    return (
        _site_like(head, [rest])
        and words >= _HEADLINE_AFTER_SITE
        and words >= 2 * len(head.split())
        and rest[:1].isupper()
    )


_HEADLINE_AFTER_SITE = 5


def _join_parts(title: str, parts: list[str]) -> str:
    """The original text of `title` up to the end of `parts` (separators as written)."""
    end = 0
    for part in parts:
        end = title.index(part, end) + len(part)
    return title[:end].strip()


def _absolute(href: str, base: str) -> str:
    href = href.strip()
    if not href:
        return ""
    if href.startswith("//"):
        href = "https:" + href
    if urlsplit(href).scheme in ("http", "https"):
        return href
    if base and urlsplit(base).scheme in ("http", "https"):
        return urljoin(base, href)
    return ""


def _language_code(value: str) -> str:
    value = value.strip().lower().replace("_", "-")
    code = value.split("-", 1)[0].split(",", 1)[0].strip()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else ""


# A class or id that may name comments or lists of other stories: one plain search of its
# raw text before `_LISTING` reads it as words.
_MAYBE_LISTING = re.compile(
    r"comment|related|recommend|more|widget|promo|newsletter|trending|popular|read|like"
    r"|outbrain|taboola|cookie|consent|gdpr|onetrust|didomi|usercentrics|cmp",
    re.IGNORECASE,
)
# A cookie or consent notice (its privacy policy's date is no article's): the notice's own
# class or id, or a consent platform's (OneTrust, Didomi, Usercentrics, a CMP's).
_CONSENT = re.compile(r"cookie|consent|gdpr|onetrust|didomi|usercentrics|\bcmp\b")


@contextlib.contextmanager
def _listings_set_aside(tree: Any) -> Iterator[None]:
    """The page without its comments, lists of other stories and cookie notices while htmldate
    reads it: a reader's comment, another story's teaser or a privacy policy has a date of its
    own, not the article's. (Not a block that holds a headline: a page's wrapper may be marked
    "has-comments".)
    """
    aside: list[tuple[Any, int, Any]] = []
    held: set[Any] = set()
    # (The blocks that hold the page's headlines, found once.)
    holding = {a for e in tree.iter("h1") for a in e.iterancestors()}
    for element in tree.xpath("//body//*[@class or @id]"):
        if not _MAYBE_LISTING.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            continue
        parent = element.getparent()
        if parent is None or element in holding or not held.isdisjoint(element.iterancestors()):
            continue  # (a block set aside already holds it)
        marks = _EVERY_BLOCK_A_WIDGET.sub(" ", _marks(element))
        if _LISTING.search(marks) or _CONSENT.search(marks):
            aside.append((parent, parent.index(element), element))
            held.add(element)
    for element in tree.xpath(_SITE_CHROME):
        # The site's menus and sidebars around the article: a sidebar's "Today is …" is the
        # day the page was saved, its other dates other stories'. (Not the site's header and
        # footer: a footer's "© 19.12.2019 - 12:14" is all some pages say of their date.)
        parent = element.getparent()
        if parent is None or element in holding or element in held:
            continue
        if not held.isdisjoint(element.iterancestors()):
            continue
        aside.append((parent, parent.index(element), element))
        held.add(element)
    aside.sort(key=lambda entry: (id(entry[0]), entry[1]))
    for parent, _, element in reversed(aside):
        parent.remove(element)  # (lxml keeps its tail with it, and puts both back below.)
    try:
        yield
    finally:
        for parent, index, element in aside:
            parent.insert(index, element)


# The site's chrome outside the article: its menus and sidebars (not an `<article>`'s own
# aside, where a blog may give its date, nor a wrapper "with-sidebar" holding the article).
_SITE_CHROME = (
    "//body//*[self::nav or self::aside or contains(@class, 'sidebar')"
    " or contains(@id, 'sidebar')][not(ancestor::article)]"
    "[not(.//article or .//main or .//h1)]"
)


# Elements a theme names for a date, in the two cases class and id names are written in.
_DATE_BOXES = (
    "//*[contains(@class, 'date') or contains(@class, 'Date') or contains(@id, 'date')]"
    "[count(*) >= 2][string-length(normalize-space()) <= 40]"
)


def _date_box(tree: Any) -> datetime | None:
    """The date of an element a theme names for it ("post-date", "date-box") that sets the
    day, the month and the year in elements of their own (`<span class="day">12</span><span
    class="month">Mar</span>…`, which runs together as "12Mar2024"); not in comments or lists
    of other stories."""
    day_first = _writes_day_first(tree)
    for element in tree.xpath(_DATE_BOXES):
        if _in_listing(element) or _in_furniture(element):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        found = _line_date(text, day_first=day_first)
        if found is not None and found.year >= _FIRST_WEB_YEAR:
            return found
    return None


def _searched_date(tree: Any, url: str) -> datetime | None:
    """htmldate's extensive search of the page's text for its date: the last resort, as it
    costs as much as the rest of the metadata."""
    import lxml.etree
    from htmldate import find_date as htmldate

    try:
        with _listings_set_aside(tree):
            found = htmldate(tree, url=url or None, extensive_search=True, original_date=True)
    except (ValueError, TypeError, RecursionError, lxml.etree.LxmlError, AttributeError):
        return None
    searched = parse_date(found) if found else None
    if searched is not None and (searched.month, searched.day) == (1, 1):
        # Its last resorts give a year alone as its first of January: the copyright's year
        # ("© 2019 Town Crier"), any year in the text. No date of the article's.
        return None
    return searched


def _fill_from_trafilatura(draft: Draft, tree: Any) -> None:
    """Fields the page did not declare, from trafilatura's own guesses: htmldate's reading of
    the page for dates, a title from the headings. (Not its author guess: `_dom_byline` reads
    the same byline elements, and tells the article's from comments' and related stories'.)

    Only the guesses for missing fields are asked for: trafilatura's whole metadata pass
    (`extract_metadata`) reads the meta tags and JSON-LD again and looks for categories,
    tags and a licence, a quarter of a page's parse."""
    import lxml.etree
    from htmldate import find_date as htmldate
    from trafilatura.metadata import extract_sitename, extract_title

    try:
        if draft.published is None:
            # Not its extensive search: that doubles the time and guesses from URLs and text.
            with _listings_set_aside(tree):
                found = htmldate(
                    tree, url=draft.url or None, extensive_search=False, original_date=True
                )
            draft.published = parse_date(found) if found else None
        if not draft.title:
            title = _clean(extract_title(tree) or "")
            # (The <title> " | Some Title" on a page whose site is "Some Title": no headline.)
            named = _loose(title.strip(_LEADING_SEPARATORS + "»«/"))
            draft.title = "" if named in (_loose(draft.source), "") else title
        if not draft.source:
            sitename = _clean(extract_sitename(tree) or "")
            if sitename and not _URL_LIKE.match(sitename) and not _is_headline(sitename, draft):
                draft.source = sitename
    except (ValueError, TypeError, RecursionError, lxml.etree.LxmlError, AttributeError):
        return


def _is_headline(name: str, draft: Draft) -> bool:
    """Whether a site name trafilatura guessed from the `<title>` (its part with a dot) is the
    page's headline, or the headline's start: a title with no site's name in it
    ("Wochenbericht 14. - 20. Januar 2022", "Take C.A.R.E.: …")."""
    loose_name, loose_title = _loose(name), _loose(draft.title)
    if not loose_title or len(_words_of(name)) < _MIN_HEADLINE_WORDS:
        return False
    if loose_name.startswith(loose_title):
        return True  # the headline, or it and the site's name: "Headline | site.ch"
    if not loose_title.startswith(loose_name):
        return False
    # The headline's start, unless a separator follows it there: "Site e.V. » Headline", a
    # title whose site's name before the headline was not cut.
    rest = draft.title[len(name) :] if draft.title.startswith(name) else ""
    return not _TITLE_SEPARATOR.match(rest)


# Paragraphs above the text that are short enough to be a date, byline or reading time.
_LEAD_LINES = 4
# The most lines of furniture above the text, one after another.
_MAX_LEAD_FURNITURE = 16
_MAX_LEAD = 160
# A short standfirst: sentences, eight words or more ("Ihr gelang einiges. Ein Resümee.").
_SENTENCES = re.compile(r"^(?:\S+\s+){7,}.*[.!?…][\"'“”»«]?$")
# The last change's date line ("Updated March 13, 2024 at 10:15 a.m.", "Actualizado el 12 de
# marzo de 2024"): no lede, and no publication date.
_UPDATE_LINE = re.compile(
    rf"^(?:last\s+|letzte\s+)?(?:{UPDATED_WORDS})\b\W{{0,3}}\D{{0,40}}\d[^.!?]{{0,60}}(?:[ap]\.\s?m\.)?$",
    re.IGNORECASE,
)


# The longest standfirst a byline below it may follow.
_MAX_STANDFIRST = 400


def _lead_furniture(
    paragraphs: list[str], draft: Draft, markup: _LeadMarkup | None = None
) -> list[str]:
    """The body without the date lines, bylines, reading times, buttons and photo captions
    above its text, or below its standfirst (headline, standfirst, byline: the summary stays,
    as the lede); a byline or date found there fills the draft's when the page declared none.
    (`markup`: the page, where it shows a line as a caption or a control.)"""
    state = _State()
    updated: datetime | None = None
    drop: list[int] = []
    standfirst = False
    # The people the page names, else its credit (a user's handle): a line of them is a byline.
    named = draft.authors or [credit for credit in (draft.credit,) if credit]
    byline_at: int | None = None
    outlet = ""
    for index, paragraph in enumerate(paragraphs[:_MAX_LEAD_FURNITURE]):
        bylines = len(state.bylines)
        if index - len(drop) >= _LEAD_LINES:
            break  # (A gallery's credits, counter and buttons are many lines, all dropped.)
        if markup is not None and not standfirst and markup.caption(paragraph):
            drop.append(index)
            continue
        sentences = len(paragraph) > _MAX_LEAD or (
            # (Not a date line closed by a stop: "12 de marzo de 2024 - 9:30 a. m.".)
            index == 0
            and _SENTENCES.match(paragraph)
            and not looks_like_date_line(paragraph)
            and not _own_date_line(paragraph, draft.published, markup)
        )
        if sentences and is_furniture(paragraph):
            # A long notice ("… Sign up for our daily newsletter."), a shop's disclosure
            # ("This article contains affiliate links. We may earn a commission."): no lede.
            drop.append(index)
            continue
        if sentences:
            if standfirst or drop or len(paragraph) > _MAX_STANDFIRST:
                break
            standfirst = True
            continue
        if _names_the_authors(paragraph, named):
            # "1. Februar 2022, Jane Doe": its date is the article's where none is declared.
            state.published = state.published or find_date(paragraph)
            byline_at = index
        elif _name_over_byline_block(paragraphs, index, named):
            pass  # "Jane Doe" over "Transport Correspondent" or the date: the byline's name
        elif _UPDATE_LINE.match(paragraph):
            updated = updated or find_date(paragraph)  # "Updated March 13, 2024 at 10:15 a.m."
        elif _byline_outlet(paragraph, paragraphs[index + 1 :], byline_at == index - 1):
            outlet = outlet or paragraph  # "By Jane Doe" over "Reuters"
        elif named and _outlet_role(paragraph, draft):
            pass  # "CNBC Executive News Editor": the writer's job, under the byline
        elif not (
            is_furniture(paragraph)
            or _take_field_line(paragraph, state)
            or _take_date(paragraph, state)
            or _take_zoned_date(paragraph, state)
            or _BARE_DATE_LABEL.match(paragraph)
            or _LEAD_LABEL.match(paragraph)
            or _LABEL_ALONE.match(paragraph)
            or _trail(paragraph)
            # A comment count, "Follow us on …": the footer's lines, set over the text too.
            or is_footer(paragraph)
            or _take_byline(paragraph, state)
            or paragraph.lower().split() in _BY_WORDS  # "By", its name cut off
            or (markup is not None and markup.control(paragraph))
            or _take_own_date_line(paragraph, draft.published, markup, state)
            or (markup is not None and markup.credit(paragraph))
            or (markup is not None and markup.beside_date(paragraph, draft.published))
        ):
            if index == 0 and not drop and _unstopped_standfirst(paragraph):
                standfirst = True  # a summary set without a stop, over the byline or a credit
                continue
            break
        drop.append(index)
        if len(state.bylines) > bylines:
            byline_at = index
    if not drop or len(drop) == len(paragraphs):
        return paragraphs
    people, credit = merge_bylines(state.bylines) if state.bylines else ([], "")
    draft.credit = draft.credit or outlet
    if people or (credit and not draft.authors):
        # A person the text's own byline names wins over a credit the page declared (often
        # the site's or a desk's name), and over the authors its metadata names (often the
        # account that posted it); an agency's credit stays beside them.
        if not draft.credit:
            draft.authors, draft.credit = people, credit
        elif people:
            draft.authors = people
            draft.credit = credit or (draft.credit if is_agency(draft.credit) else "")
    if draft.published is None:
        # (The last change's date stands in for a publication date the page gives nowhere.)
        draft.published = state.published or updated
    dropped = set(drop)
    return [p for index, p in enumerate(paragraphs) if index not in dropped]


# A dateline crediting its source: "WASHINGTON (CNN) — …", "KABUL, Afghanistan (AP) -- …".
_DATELINE_SOURCE = re.compile(r"^[^()]{2,60}\(([^()]{2,30})\)\s*(?:[-—–:]|--)")
_MAX_OUTLET = 40


def _byline_outlet(paragraph: str, following: list[str], under_byline: bool) -> bool:
    """Whether `paragraph`, a line over the text, names the outlet the story is from: the
    source that the dateline of the text `following` it credits ("CNN" over "WASHINGTON
    (CNN) — …"), or a news agency on the line `under_byline` ("By Jane Doe" / "Reuters")."""
    if len(paragraph) > _MAX_OUTLET or not paragraph[:1].isupper() or paragraph[-1:] in ".!?":
        return False
    if under_byline and is_agency(paragraph):
        return True
    first = next((p for p in following if len(p) > 2 * _MAX_OUTLET), "")
    match = _DATELINE_SOURCE.match(first)
    return match is not None and _loose(match.group(1)) == _loose(paragraph)


# The words of running text, for a standfirst written without a stop.
_RUNNING_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _unstopped_standfirst(paragraph: str) -> bool:
    """Whether the text's first paragraph is a standfirst set without a stop ("Two lines will
    go driverless next year, a first for the region"), as many sites set theirs: eight words or
    more, most in lower case as a sentence's are (not a headline's, a menu's or a name's)."""
    words = _RUNNING_WORDS.findall(paragraph)
    if len(words) < _STANDFIRST_WORDS or len(paragraph) > _MAX_STANDFIRST:
        return False
    return 2 * sum(not word[:1].isupper() for word in words) >= len(words)


_STANDFIRST_WORDS = 8
_CAPTIONED = "ancestor-or-self::*[self::figcaption or self::figure or contains(@class, 'caption')]"
# A caption's text with the photographer's credit run on ("… Sees. Foto: Jane Doe").
_MAX_CREDIT = 60


class _LeadMarkup:
    """What a page shows a short line at the top of its text as: a picture's caption, or a
    control (a print or text size button, a breadcrumb), the extraction's leftovers."""

    def __init__(self, tree: Any, captions: list[Any]) -> None:
        """`captions`: the elements of the pictures' captions (as `_prepare` finds them)."""
        self.tree = tree
        self.captions = {_loose(element.text_content()) for element in captions}
        self.captions.discard("")
        self.alts = {
            _loose(alt)
            for alt in tree.xpath("//body//img/@alt")
            if len(alt.split()) >= _MIN_ALT_WORDS
        }

    def caption(self, paragraph: str) -> bool:
        """Whether `paragraph` is a caption's text, and the page shows it nowhere else (a
        lede that a picture's caption repeats is the lede); or, unmarked, its picture's alt
        text shown in the picture's box, which holds no other text."""
        loose = _loose(paragraph)
        if loose in self.alts:
            whole = [e for e in self._shown(paragraph) if _loose(e.text_content()) == loose]
            if whole and all(_in_picture_box(element, loose) for element in whole):
                return True
        if not any(_captioned(loose, caption) for caption in self.captions):
            return False
        shown = self._shown(paragraph)
        return bool(shown) and all(element.xpath(_CAPTIONED) for element in shown)

    def control(self, paragraph: str) -> bool:
        """Whether the page shows `paragraph`, a few words, only as a control's label or a
        crumb of its breadcrumb trail ("Order Reprints", "Text size", "Home ›")."""
        if len(paragraph) > _MAX_CONTROL:
            return False
        shown = self._shown(paragraph)
        return bool(shown) and all(_is_lead_control(element) for element in shown)

    def dated(self, paragraph: str) -> bool:
        """Whether the page shows `paragraph` only in an element marked as a date or time
        stamp (cnn's "cnn_strytmstmp", "pb-timestamp", "post-date")."""
        shown = self._shown(paragraph)
        return bool(shown) and all(_marked_near(e, _DATE_MARK) for e in shown)

    def credit(self, paragraph: str) -> bool:
        """Whether the page shows `paragraph`, a few words, only as a picture's credit
        (`<span class="photoCredit">Courtesy G4</span>`)."""
        if len(paragraph) > _MAX_CONTROL:
            return False
        shown = self._shown(paragraph)
        return bool(shown) and all(_marked_near(e, _PICTURE_CREDIT) for e in shown)

    def beside_date(self, paragraph: str, published: datetime | None) -> bool:
        """Whether the page shows `paragraph`, a few words, in a small block that gives the
        day the article was `published`: the parts of its status line over the text
        (nikkei's "（1/3ページ）", "2018/6/19 5:50", "情報元", "日本経済新聞 電子版"), no text of
        the article's. (The site's name may be shown in its header too: one such block will
        do.)"""
        if published is None or len(paragraph) > _MAX_CONTROL:
            return False
        return any(_in_date_block(element, published) for element in self._shown(paragraph))

    def _shown(self, paragraph: str) -> list[Any]:
        """The elements whose own text shows the start of `paragraph`: its words before any
        sign where no one text holds more ("Home" of "Home ›", a link and its tail)."""
        key = " ".join(paragraph.split())[: _SHOWN_KEYS[0]]
        words = _LEADING_WORDS.match(key)
        for text in (key, words.group().strip() if words else ""):
            if len(text) < _SHORTEST_KEY:
                continue
            # XPath finds the texts holding its longest word (a plain `contains`, several times
            # faster than on each text's normalised space); Python keeps those with it all.
            word = max(text.split(), key=len)
            candidates = self.tree.xpath("//body//text()[contains(., $word)]", word=word)
            shown = [n.getparent() for n in candidates if text in " ".join(str(n).split())]
            shown = [e for e in shown if e is not None and e.tag not in _NOT_TEXT]
            if shown:
                return shown
        return []


_MAX_CONTROL = 40
# Classes of a date's or time stamp's element, and of a picture's credit.
_DATE_MARK = re.compile(r"date|time|stamp|stmp|publish|datum|fecha", re.IGNORECASE)
_PICTURE_CREDIT = re.compile(
    r"(?:photo|image|img|picture|pic|media|foto|bild)[-_]?credit|credit[-_]?(?:photo|image)",
    re.IGNORECASE,
)
# How many words besides its dates and times a line of them may have ("Case Study", "기사입력
# … 기사수정 …", "Last updated").
_OWN_DATE_LINE_WORDS = 3
_MAX_DATE_LINE = 100


def _in_date_block(element: Any, published: datetime) -> bool:
    """Whether `element` or one of the two around it is a date line's block: short, and
    giving the `published` day."""
    for box in (element, *itertools.islice(element.iterancestors(), 2)):
        text = _spaced_text(box)
        if len(text) > _MAX_DATE_LINE:
            return False
        found = find_date(text)
        if found is not None:
            return found.date() == published.date()
    return False


def _marked_near(element: Any, mark: re.Pattern[str]) -> bool:
    """Whether `element` or one of the two around it has a class or id that `mark` finds."""
    near = [element, *itertools.islice(element.iterancestors(), 2)]
    return any(mark.search(_marks(e)) for e in near)


def _take_own_date_line(
    paragraph: str, published: datetime | None, markup: _LeadMarkup | None, state: _State
) -> bool:
    """`_own_date_line`, its date kept where the page declared none."""
    if not _own_date_line(paragraph, published, markup):
        return False
    state.published = state.published or find_date(paragraph)
    return True


def _own_date_line(paragraph: str, published: datetime | None, markup: _LeadMarkup | None) -> bool:
    """Whether `paragraph`, a line over the text, is the article's date line: it gives the day
    it was published, with few words besides ("Case Study August 12, 2010, 5:00PM EST",
    "기사입력 2013-10-24 03:00:00 기사수정 2013-10-24 03:00:00"), or in an element the
    page marks as its date (an Arabic weekday and month: "الأحد، 04 آب/اغسطس 2013"). Where
    the page declared no date (`published` is None), only a line so marked is one."""
    if len(paragraph) > _MAX_DATE_LINE or paragraph[-1:] in ".!?":
        return False
    found = find_date(paragraph)
    if found is None or published is not None and found.date() != published.date():
        return False
    marked = markup is not None and markup.dated(paragraph)
    if published is None:
        return marked
    words = [w for w in without_dates(paragraph).split() if any(c.isalpha() for c in w)]
    return len(words) <= _OWN_DATE_LINE_WORDS or marked


_MIN_ALT_WORDS = 4
_PICTURE_BOX_DEPTH = 3


def _in_picture_box(element: Any, loose: str) -> bool:
    """Whether `element` (showing the text `loose`) is in the box of a picture whose alt text
    it is, a box that shows nothing else: CNN's "<div><div><img alt="Tim Kaine says …"></div>
    <div>Tim Kaine says …</div></div>", a caption no class marks."""
    for box in itertools.islice(element.iterancestors(), _PICTURE_BOX_DEPTH):
        if _loose(box.text_content()) != loose:
            return False
        if any(_loose(alt) == loose for alt in box.xpath(".//img/@alt")):
            return True
    return False


_LEADING_WORDS = re.compile(r"[^\W_][\w\s'’.-]*")
_SHORTEST_KEY = 2  # "By"
# Classes of a page's tools and trails: print, reprint and share buttons, text size, crumbs.
_CONTROL_CLASS = re.compile(
    r"breadcrumb|crumbs|\btools?\b|toolbar|resizer|font-?size|\b(?:re)?print|share|sharing|drucken"
)


def _is_lead_control(element: Any) -> bool:
    """Whether text in `element` is a control's or a crumb's, by its markup a few levels up
    (not a link to a place on the page: a table of contents is the article's)."""
    near = [element, *itertools.islice(element.iterancestors(), _CONTROL_DEPTH)]
    return any(
        ancestor.tag in _CONTROL_TAGS
        or _BUTTON_CLASS.search(marks := _marks(ancestor))
        or _CONTROL_CLASS.search(marks)
        for ancestor in near
    ) or any(ancestor.tag in ("form", "nav") for ancestor in element.iterancestors())


def _captioned(loose: str, caption: str) -> bool:
    """Whether a paragraph's text (`loose`) is `caption`: the whole of it, the start of it
    (without a "more" link), or it with a credit after it."""
    if loose == caption:
        return True
    if len(loose) >= _SHOWN_KEYS[0] and caption.startswith(loose):
        return len(caption) - len(loose) <= _MAX_CREDIT
    if len(caption) >= _SHOWN_KEYS[0] and loose.startswith(caption):
        return len(loose) - len(caption) <= _MAX_CREDIT
    return False


# A time zone's abbreviation after a date line's time ("November 20, 2019 - 11:28 AMT").
_TRAILING_ZONE = re.compile(r"(?<=\d:\d\d)\s*[A-Z]{2,5}$")


def _take_zoned_date(paragraph: str, state: _State) -> bool:
    """Record the date of a date line whose time ends in a zone the date parser does not
    know: the date and time are the line's all the same."""
    unzoned = _TRAILING_ZONE.sub("", paragraph)
    return unzoned != paragraph and _take_date(unzoned, state)


# A line of a post's details set apart ("05/10/2018 - Publicado por: Jane Doe - Categoria:
# Saúde - Tags: …", "By Jane Doe | Category: News"): the separators, and a field's label of a
# word or two before its colon.
_FIELD_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+")
_FIELD_LABEL = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:\s*(?=\S)")


def _take_field_line(paragraph: str, state: _State) -> bool:
    """Record the date and byline of a line of a post's details: labelled fields (a category,
    tags, the author), with a date or a byline ("By Jane Doe") among them and nothing else."""
    fields = _FIELD_SEPARATOR.split(paragraph)
    if len(fields) < 2 or not any(_FIELD_LABEL.match(f) for f in fields):
        return False
    found = _State()
    for text in fields:
        label = _FIELD_LABEL.match(text)
        if label is not None:
            # "Publicado por: Jane Doe" is a byline without its colon.
            byline = f"{text[: label.end()].rstrip(': ')} {text[label.end() :]}"
            if is_byline(byline):
                found.bylines.append(split_byline(byline))
            else:
                _take_date(text, found)  # "Posted: 3 March 2021", or another field
        elif not (_take_date(text, found) or has_byline_prefix(text) and _take_byline(text, found)):
            return False  # (A place and a desk, "New Delhi, News Bureau", names no one.)
    if found.published is None and not found.bylines:
        return False
    state.published = state.published or found.published
    state.bylines += found.bylines
    return True


# A date's label on a line of its own, the date itself in an element the text leaves out.
_BARE_DATE_LABEL = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?$", re.IGNORECASE
)


def _trail(paragraph: str) -> bool:
    """Whether `paragraph` is a breadcrumb trail set apart by signs no sentence uses ("뉴스 >
    경제 > 기업·CEO", "Home » News"): the extraction's leftover, no part of the text."""
    crumbs = _breadcrumb(paragraph)
    return (
        crumbs is not None
        and crumbs[1]
        and all(len(c.split()) <= _CRUMB_WORDS and "," not in c for c in crumbs[0])
        and not any(c.isdigit() for c in crumbs[0])
    )


_CRUMB_WORDS = 3


# A field's label over its value, a CMS's form laid out as a page ("Episode Description:").
_LABEL_ALONE = re.compile(r"^[^\W\d_][\w'’-]*(?:\s[\w'’-]+){0,3}\s?:$")
# The label of the kind of story set over its text ("Analysis", "Opinion", "Kommentar"): the
# section's word, no lede.
_LEAD_LABEL = re.compile(
    # (A player's clock, a reading progress, a live story's dot: "01:32", "0%", "● LIVE"; an
    # advert's label over its slot, "Supported by".)
    r"^(?:\d{1,2}:\d\d|\d{1,3}\s*%|[●•🔴]\s*live|(?:supported|sponsored|presented)\s+by"
    r"|analysis|opinion|commentary|comment|review|interview|feature|editorial|obituary"
    r"|perspective|investigation|fact[\s-]check|special\s+report|podcast|video|watch|live"
    r"|analyse|kommentar|meinung|leitartikel|reportage|tribune|éditorial|chronique|análisis"
    r"|opinión|entrevista|reportaje|analisi|commento|intervista|editoriale|opinie|analyse"
    r"|recensione|crítica|critique|kritik|rezension)\s*:?$",
    re.IGNORECASE,
)
# The most words a byline line naming the authors has ("Robert Burns, AP National Security
# Writer").
_MAX_NAMING_WORDS = 12


def _outlet_role(paragraph: str, draft: Draft) -> bool:
    """Whether `paragraph` is a writer's job at the site, its name first ("CNBC Executive
    News Editor" on cnbc.com): the line a byline box sets under the name."""
    host = urlsplit(draft.url).hostname or ""
    labels = host.removeprefix("www.").split(".")
    names = {draft.source.lower(), draft.source.lower().rsplit(".", 1)[0], labels[0]}
    words = paragraph.split()
    if len(words) < 2 or words[0].lower() not in names - {""}:
        return False
    rest = " ".join(words[1:])
    return is_byline(rest) and split_byline(rest) == ([], rest)


def _name_over_byline_block(paragraphs: list[str], index: int, authors: list[str]) -> bool:
    """Whether the paragraph at `index` is only the name of one of the page's `authors` and
    the next is a byline's role or a date line ("Jane Doe" / "Transport Correspondent" /
    "12 March 2024"): the byline set a line at a time."""
    if index + 1 >= len(paragraphs) or _loose(paragraphs[index]) not in map(_loose, authors):
        return False
    following = paragraphs[index + 1]
    return len(following) <= _MAX_LEAD and (is_byline(following) or looks_like_date_line(following))


def _names_the_authors(paragraph: str, authors: list[str]) -> bool:
    """Whether a short paragraph is a byline naming the authors the page declared, with
    their roles or a date ("Robert Burns, AP National Security Writer")."""
    if not authors or len(paragraph.split()) > _MAX_NAMING_WORDS:
        return False
    loose = _loose(paragraph)
    names = [_loose(author) for author in authors]
    # More than the names: a line that is only a name may be what the names were taken from.
    # A sentence is none ("Jane Doe: Where did you enter the EU?", an interview's question).
    return (
        all(name in loose for name in names)
        and loose not in names
        and not paragraph.endswith((".", "?", "!"))
    )


# Paragraphs at the end of the text read for a byline that signs it.
_CLOSING_LINES = 3


def _closing_byline(paragraphs: list[str]) -> list[str]:
    """The people a byline just after the text names ("Von Jane Doe", "Posted by Jane Doe
    at 2:33 PM"), where the page named no one above it."""
    for paragraph in reversed(paragraphs[-_CLOSING_LINES:]):
        if len(paragraph) > _MAX_LEAD:
            continue
        footer = post_footer_author(paragraph)
        if footer:
            return footer  # "Posted by jdoe @ 12:00 am": a user's name counts there
        if is_byline(paragraph):
            return split_byline(paragraph)[0]
    return []


# The labels of `cjk_byline` ("记者", "責任編輯"), which XPath finds in C among the page's texts.
_CJK_LABEL_TEXTS = "//body//text()[{}]".format(
    " or ".join(
        f"contains(., '{label}')"
        for label in (
            "記者",
            "记者",
            "作者",
            "编辑",
            "編輯",
            "編集",
            "撰文",
            "撰稿",
            "通讯员",
            "기자",
        )
    )
)
_NEXT_TEXT = "following::text()[normalize-space(.)][1]"


def _cjk_byline_line(tree: Any) -> list[str]:
    """The people a Chinese, Japanese or Korean byline line names anywhere on the page, outside
    comments and lists of other stories: "记者 王小明" above the text, or the editor in charge
    under it ("责任编辑：焦鹏"), which extractions leave out with the page's furniture. The
    label may be an element of its own, the name in the text after it."""
    for node in tree.xpath(_CJK_LABEL_TEXTS):
        element = node.getparent()
        holder = element.getparent() if node.is_tail and element is not None else element
        if holder is None or holder.tag in _NOT_TEXT or _in_other_content(holder):
            continue
        if _menu_entry(holder):
            continue
        line = " ".join(str(node).split())
        names = cjk_byline(line)
        if not names and node.is_text and not len(element) and len(line) <= _MAX_CJK_LABEL:
            following = element.xpath(_NEXT_TEXT)  # (the name, after the label's element)
            names = cjk_byline(f"{line} {' '.join(str(following[0]).split())}") if following else []
        if names:
            return names
    return []


_MAX_CJK_LABEL = 8


def _menu_entry(element: Any) -> bool:
    """Whether `element` is (in) a link in a list's item, a menu's entry: its words name a
    page ("編集後記", the editor's afterword, opens with the label "編集"; "記者ページ", the
    reporters' page, with "記者"), not a byline's label."""
    link = element if element.tag == "a" else next(element.iterancestors("a"), None)
    parent = link.getparent() if link is not None else None
    return parent is not None and parent.tag == "li"


# The post's details under it in WordPress's default theme of the 2000s (Kubrick) and its
# offspring: "Von R. R. am 07.08.2013 um 09:07 Uhr gespeichert unter …".
_POST_METADATA = "//body//*[contains(concat(' ', normalize-space(@class), ' '), ' postmetadata ')]"


def _post_metadata_byline(tree: Any) -> list[str]:
    """The people a post's details line names where it opens with a byline's words ("Von
    R. R. am …", "Posted by Jane Doe on …"): not the categories it links to ("Der Beitrag
    wurde … unter Allgemein, Region Halle abgelegt")."""
    for element in tree.xpath(_POST_METADATA):
        if _in_other_content(element):
            continue
        line = next(iter(_shown_lines(element, _skipped_in_byline)), "")
        if has_byline_prefix(line):
            people = [p for p in split_byline(_byline_text(line))[0] if p]
            if people:
                return people
    return []


# A comment the blog marks as written by the post's own author (WordPress's `comment_class()`
# adds "bypostauthor"), and the commenter's name in it: the vCard's "fn", else the comment's
# author line without its verb ("<span class="says">says:</span>").
_POST_AUTHOR_COMMENT = (
    "//body//*[contains(concat(' ', normalize-space(@class), ' '), ' bypostauthor ')]"
)
_COMMENTER = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' comment-author ')]",
)
_MAX_COMMENTER = 40


def _says(element: Any) -> bool:
    return "says" in (element.get("class") or "").split()


def _post_author_comment(tree: Any, draft: Draft) -> list[str]:
    """The post's writer where they answer in its comments and the blog marks their comment
    as the post author's: the name it gives them, a person's or a user's ("jdoe"), not an
    account's ("admin") nor one named after the site ("myblog" on myblog.example)."""
    for comment in tree.xpath(_POST_AUTHOR_COMMENT):
        for path in _COMMENTER:
            for element in comment.xpath(path)[:1]:
                name = next(iter(_shown_lines(element, _says)), "")
                if len(name) > _MAX_COMMENTER or _is_site_name(name, draft.source, draft.url):
                    return []
                if is_person_name(name) or one_word_byline(f"by {name}"):
                    return [name]
        return []  # The first such comment decides.
    return []


def _closing_source(paragraphs: list[str]) -> str:
    """The outlet a source line credits where it closes the text ("Quelle: kathpress") and
    the extraction ran on past it into the page's furniture (topics, teasers, a programme
    note): nothing after it is a sentence of prose."""
    for index in range(len(paragraphs) - 1, -1, -1):
        paragraph = paragraphs[index]
        if _SENTENCES.match(paragraph):
            return ""
        credit = source_credit(paragraph)
        if credit:
            return credit
    return ""


# A name signing the text as German, Austrian and Swiss papers do, in brackets or after a dash
# ("(Jana Schmidt)", "— Jane Doe"), a paragraph of its own or closing the last one after a
# sentence ("… teilte die Stadt mit. (Jana Schmidt)").
_MARKED_SIGNATURE = re.compile(
    r"(?:^|(?<=[.!?\"“”»«])\s+)\((?P<bracketed>[^()]{5,40})\)$"
    r"|^(?:[-–—]{1,2}|―)\s*(?P<dashed>[^-–—]{5,40})$"
)
# A Japanese paper's signature closing the text: the reporter's name in brackets, after their
# post or the place they filed from ("（山田太郎）", "（編集委員・山田太郎）", "（ワシントン＝山田太郎）").
# Only a name of three kanji or more ("（共同）", "（時事）" credit agencies), and not one a photo's
# or a translation's credit gives ("（写真・山田太郎）").
_KANJI_SIGNATURE = re.compile(
    r"(?:^|(?<=[。！？」』]))\s*（(?:(?!写真|撮影|画像|図|翻訳|訳)[^（）・=＝]{1,12}[・=＝])?"
    r"(?P<name>[\u3400-\u4dbf\u4e00-\u9fff]{1,3}[ \u3000]?[\u3400-\u4dbf\u4e00-\u9fff]{1,3})）$"
)


def _closing_signature(paragraphs: list[str], tree: Any) -> list[str]:
    """The person a last paragraph that is only a name names ("Jane Doe" under the text, as a
    letter is signed, or "(Jane Doe)", "— Jane Doe", or a name in brackets after its last
    sentence); not a name a label before it gives another role ("Kontakt:"), nor one the page
    shows only in a sidebar, a comment or a list of other stories."""
    if len(paragraphs) < _SIGNED_TEXT:
        return []
    name, before = paragraphs[-1], paragraphs[-2]
    shown_as, shown_text = "normalize-space(.) = $text", name
    dated = _dated_signature(paragraphs)
    if dated:
        name, before, shown_text = dated
    marked = _MARKED_SIGNATURE.search(name)
    kanji = _KANJI_SIGNATURE.search(name)
    if kanji:
        shown_as, shown_text = "contains(normalize-space(.), $text)", kanji.group(0).strip()
        name = kanji.group("name")
        if len(name.replace(" ", "")) < _SIGNED_KANJI or split_author_field(name)[0] != [name]:
            return []  # "（共同）", "（編集部）": a credit
    elif marked:
        # (Its node holds the brackets or the dash too, and the sentence before them.)
        shown_as, shown_text = "contains(normalize-space(.), $text)", marked.group(0).strip()
        name = shown_text.strip("()-–—― ")
        if not marked.group("bracketed") and before.lstrip()[:1] in _LIST_MARKS:
            return []  # "- Removed Herobrine": the last line of a list, not a signature
    if not kanji and (
        not 2 <= len(name.split()) <= 3 or before.rstrip().endswith(":") or not is_person_name(name)
    ):
        return []
    if _QUOTATION.match(before):
        return []  # "„Wir sind froh.“" / "Jane Doe": who said it, under what she said
    nodes = tree.xpath(f"//body//text()[{shown_as}]", text=shown_text)
    listed = len(before) < _MAX_LIST_ITEM and not before.rstrip().endswith(_SIGNED_AFTER)
    if listed and all(_after_line_break(node) for node in nodes):
        return []  # "Lung Diseases<br>Bronchial Neoplasms": the last items of a list
    shown = [node.getparent() for node in nodes if node.getparent() is not None]
    if not any(
        not (
            _in_other_content(element)
            or _in_quotation(element)
            or marked
            and _under_quotation(element)
        )
        for element in shown
    ):
        return []
    return [name]


def _dated_signature(paragraphs: list[str]) -> tuple[str, str, str] | None:
    """The name, the paragraph above it and the name's paragraph where the text is signed and
    dated, as a letter or a blog post is: "Jane Doe" over "3 March 2021", or "Jane Doe, 3 March
    2021" in one paragraph; None where the last paragraph holds no date after a name."""
    last = paragraphs[-1]
    date = byline_date(last) if len(last) <= _MAX_DATED_SIGNATURE else ""
    if not date:
        return None
    name = last[: last.rfind(date)].rstrip(" |,;·•–—-")
    if name:
        return name, paragraphs[-2], last
    if len(paragraphs) <= _SIGNED_TEXT:
        return None
    return paragraphs[-2], paragraphs[-3], paragraphs[-2]


# The longest paragraph a dated signature ("Jane Doe, 3 March 2021") is read in.
_MAX_DATED_SIGNATURE = 80


# What the text a signature closes ends with: a sentence's end, a quotation's, a letter's
# greeting ("Mit freundlichen Grüßen,"); a short line without it is a list's item.
_SIGNED_AFTER = (".", "!", "?", "…", ",", ")", '"', "“", "”", "»", "«", "’", "'")
_MAX_LIST_ITEM = 60


def _after_line_break(node: Any) -> bool:
    """Whether a text comes right after a `<br>` in its block, as a line of it: the `<br>`'s
    tail, or the text of an inline element set after one ("<br><em>Jane Doe</em>")."""
    parent = node.getparent()
    if parent is None:
        return False
    if node.is_tail:
        return bool(parent.tag == "br")
    previous = parent.getprevious() if parent.tag in _INLINE else None
    return previous is not None and previous.tag == "br" and not (previous.tail or "").strip()


# A paragraph that is a quotation alone, between quotation marks: a name under it is the
# speaker's.
_QUOTATION = re.compile(r"^\s*[\"„“”«»‚‘’‹›].{20,}[\"“”«»‘’‹›][.!?…]?\s*$", re.DOTALL)


def _in_quotation(element: Any) -> bool:
    """Whether `element` is in a quotation's block (`<blockquote>`, `<q>`) or is the
    `<cite>` naming its source: a name there is the speaker's, not the writer's."""
    if element.tag == "cite":
        return True
    return any(a.tag in ("blockquote", "q", "cite") for a in element.iterancestors())


def _signature_over_office(paragraphs: list[str], tree: Any) -> list[str]:
    """The person a letter or statement is signed by where the office they hold is set
    under their name in the same block, closing the text ("<p>Jane Doe<br>Chairwoman</p>"):
    a name of two or three words, then a short line that is no sentence, no name and no
    address. Both are the block's plain text: a label set in bold over its value ("<b>Current
    use</b><br>Student housing") or links ("<a>Notes</a><br><a>Links</a>") sign nothing."""
    if len(paragraphs) < _SIGNED_TEXT + 1:
        return []
    before, name, office = paragraphs[-3:]
    if (
        not 2 <= len(name.split()) <= 3
        or not 1 <= len(office.split()) <= _MAX_OFFICE_WORDS
        or _NOT_OFFICE.search(office)
        or before.rstrip().endswith(":")
        or not is_person_name(name)
        or is_person_name(office)
    ):
        return []
    for node in tree.xpath("//body//text()[normalize-space(.) = $text]", text=name):
        block = node.getparent()
        if block is None or not node.is_text or block.tag in _INLINE or block.tag == "span":
            continue
        if _in_other_content(block) or block.find(".//a") is not None:
            continue
        if [e.tag for e in block] == ["br"] and _shown_lines(block) == [name, office]:
            return [name]
    return []


_MAX_OFFICE_WORDS = 4
# A line that is a sentence's end, a label, a date or an address, not an office.
_NOT_OFFICE = re.compile(r"[.!?:;()@/\d]")


_LIST_MARKS = frozenset("-–—―*•·")
_SIGNED_KANJI = 3


# A writer's bio closing the text, which names a journalist's job in its first words: "Jane Doe
# is a transport reporter for the Post.", "Jana Schmidt ist Redakteurin im Ressort Verkehr.",
# "Jean Dupont est journaliste à Lyon."
_CLOSING_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\s+(?:is|ist|est|es|è|é)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:reporter|writer|journalist|correspondent|editor|columnist|contributor|freelancer"
    r"|redakteur(?:in)?|journalistin|korrespondent(?:in)?|reporterin|autorin|autor"
    r"|journaliste|rédact(?:eur|rice)|correspondante?|periodista|redactora?|corresponsal"
    r"|giornalista|redattrice|redattore|jornalista|repórter)(?!\w)",
    re.IGNORECASE,
)
_MAX_BIO = 300


# How an American local paper closes a story: how to reach its writer ("Contact Jane Doe at
# 555-0100 or jdoe@valleypost.example.", "Reach reporter Jane Doe at …", "Follow Jane Doe on
# Twitter: @janedoe"); not an official a press release gives as its contact ("Contact Mayor
# John Roe at …").
_CLOSING_CONTACT = re.compile(
    r"^(?i:contact|reach|e-?mail|follow|write\s+to)\s+(?:(?:staff\s+)?(?:reporter|writer"
    r"|columnist|editor)\s+)?(?!(?i:mayor|senator|governor|president|sheriff|officer|chief"
    r"|council\w*|commissioner|superintendent|director|dr)\b)(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
    r"\s+(?:at|on|via|by)\b"
)


def _closing_bio(paragraphs: list[str]) -> list[str]:
    """The writer a short bio in the last two paragraphs names ("Jane Doe is a reporter for
    The Valley Post."), as an author box or an op-ed's italic note under the text does, or a
    line telling how to reach them ("Contact Jane Doe at jdoe@valleypost.example.")."""
    for paragraph in paragraphs[-2:]:
        if len(paragraph) > _MAX_BIO:
            continue
        bio = _CLOSING_BIO.match(paragraph) or _CLOSING_CONTACT.match(paragraph)
        if bio and is_person_name(bio.group("name")):
            return [bio.group("name")]
    return []


# A Korean wire story's dateline, its reporter before the text's first words: "(서울=연합뉴스)
# 김민수 기자 = 시의회는 …"; `cjk_byline` reads the names in it.
_KOREAN_WIRE = re.compile(r"^[（(][^）)]{1,20}[=＝][^）)]{1,20}[）)][^=＝]{2,30}(?=\s*[=＝])")


def _wire_reporter(paragraphs: list[str]) -> list[str]:
    """The reporter a Korean wire dateline opening the text names."""
    for paragraph in paragraphs:
        dateline = _KOREAN_WIRE.match(paragraph)
        if dateline:
            return cjk_byline(dateline.group(0))
    return []


def _under_quotation(element: Any) -> bool:
    """Whether `element` (or the block it is in) follows a quotation: "— John Roe" under it
    names who said it, not who wrote the text."""
    while element is not None and element.tag in _INLINE:
        element = element.getparent()
    previous = element.getprevious() if element is not None else None
    return previous is not None and previous.tag in ("blockquote", "q")


# The fewest paragraphs a text signed under its last one has (a signature, then some text).
_SIGNED_TEXT = 3


# Paragraphs set flush right, as a signature under a text is, by the markup or a class.
_RIGHT_ALIGNED = (
    "//body//*[self::p or self::div][@align='right' or @align='RIGHT'"
    " or contains(translate(@style, ' ', ''), 'text-align:right')"
    # The classes of WordPress's block editor and Bootstrap for it.
    " or contains(@class, 'has-text-align-right')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' text-right ')]"
)


def _right_aligned_signature(tree: Any) -> list[str]:
    """The person a paragraph set flush right and holding only a name names ("<p
    align=right><em>Jane Doe</em></p>" under the text): the text's signature."""
    for element in reversed(tree.xpath(_RIGHT_ALIGNED)):
        if _in_other_content(element):
            continue  # a sidebar's, a comment's, a teaser's
        text = _clean(element.text_content())
        if len(text) <= _MAX_SIGNATURE and is_person_name(text.lstrip("-–— ")):
            return [text.lstrip("-–— ")]
    return []


_MAX_SIGNATURE = 60


# Text that may open or hold a site's copyright notice; the elements a notice's words are set
# in, up to its line; and the longest such line.
_NOTICE_TEXT = (
    "//text()[contains(., '©') or contains(., 'opyright') or contains(., 'Creative Commons')"
    " or contains(., 'CC-BY') or contains(., 'CC BY') or contains(., '(c)')"
    " or contains(., '(C)')]"
)
_MAX_NOTICE = 300


def _copyright_notice(tree: Any, draft: Draft) -> list[str]:
    """The person the site's copyright notice names ("© 2019 Jane Doe", "(Creative Commons)
    2006-2008 by Jane Doe"): on a blog or a personal site, who wrote it. Not a notice inside
    a figure (a photo's), nor one naming the site as its title, address or logo do (an
    outlet's name that looks like a person's: "Town Crier")."""
    site = " ".join([*tree.xpath("//title//text()"), *tree.xpath("//img/@alt")]).casefold()
    for node in tree.xpath(_NOTICE_TEXT):
        element = node.getparent()
        while element is not None and (element.tag in _INLINE or element.tag == "span"):
            element = element.getparent()
        if element is None or element.tag in ("figure", "figcaption", "script", "style"):
            continue
        if any(a.tag in ("figure", "figcaption") for a in element.iterancestors()):
            continue
        for line in _shown_lines(element):
            if len(line) > _MAX_NOTICE or not copyright_holder(line):
                continue
            holder = copyright_holder(line, lower_case_words(draft.paragraphs))
            if holder and not (
                holder.casefold() in site or _is_site_name(holder, draft.source, draft.url)
            ):
                return [holder]
    return []


# What labels the writer of an interview, or of an account taken down, in a story's credits
# ("Text" and "Autor" are `_NAME_LABEL`'s, read wherever they stand).
_INTERVIEWER_LABEL = re.compile(r"^(?:interview|protokoll)\s*:?$", re.IGNORECASE)
_INTERVIEWER_LINE = re.compile(
    r"^(?:(?:interview|protokoll)\s*:\s*"
    # German papers' closing line: "Das Interview führte Jane Doe.", "Das Gespräch führten ...".
    r"|(?:das\s+)?(?:interview|gespräch)\s+führten?\s+)(?P<names>.+?)\.?$",
    re.IGNORECASE,
)
# A story's credits, label and name in pairs; not a picture's (`_PICTURE_CREDIT`).
_CREDITS = "//body//*[contains(@class, 'credits')]"
_MAX_CREDIT_WORDS = 6


def _interviewer(paragraphs: list[str], tree: Any) -> list[str]:
    """The people named as an interview's writers: in a line closing the text ("Interview:
    Jane Doe"), or beside the label "Interview" in the story's credits (iconmagazine.de:
    "Interview / SVEN MICHAELSEN", "Fotograf / …"). Over the headline, "Interview" is the
    story's kind, and the name after it the person asked."""
    for paragraph in reversed(paragraphs[-_CLOSING_LINES:]):
        match = _INTERVIEWER_LINE.match(" ".join(paragraph.split()))
        if match and len(paragraph) <= _MAX_LEAD:
            people = [p for p in split_byline(match.group("names"))[0] if is_person_name(p)]
            if people:
                return people
    for credits in tree.xpath(_CREDITS):
        if _PICTURE_CREDIT.search(credits.get("class") or "") or _in_other_content(credits):
            continue
        for node in credits.xpath(".//text()[normalize-space(.)]"):
            if not node.is_text or not _INTERVIEWER_LABEL.match(str(node).strip()):
                continue
            following = node.getparent().xpath(_NEXT_TEXT)
            holder = following[0].getparent() if following else None
            if holder is None or not (holder is credits or credits in holder.iterancestors()):
                continue  # The name must be among the credits.
            name = " ".join(str(following[0]).split())
            people = [p for p in split_byline(name)[0] if is_person_name(p)]
            if people and len(name.split()) <= _MAX_CREDIT_WORDS:
                return people
    return []


def _labelled_paragraph(paragraphs: list[str]) -> list[str]:
    """The people a paragraph of the text labels as its authors ("Autoren Jane Doe und John
    Roe", "Autor: Jane Doe"): a label no sentence is written with, wherever it stands."""
    for paragraph in paragraphs:
        if len(paragraph) > _MAX_LEAD or not LABELLED_BYLINE.match(paragraph):
            continue
        # "Autorin: Jane Doe, Projektleiterin der Stiftung in Tunis.": the job after the name.
        line = paragraph if is_byline(paragraph) else paragraph.split(",", 1)[0]
        if line is paragraph or is_byline(line):
            people = split_byline(line)[0]
            if people:
                return people
    return []


# The shortest summary read as a standfirst, and how much of it finds it on the page.
_MIN_STANDFIRST_WORDS = 8
_STANDFIRST_KEY = 40
_SUMMARY_KEYS = ("og:description", "description", "twitter:description")


def _dropped_standfirst(tree: Any, meta: _Metadata, draft: Draft) -> list[str]:
    """The standfirst the extraction left out: the summary the page declares (og:description)
    shown whole in a block of its own between the headline and the text's first paragraph, as
    a person reads it. Empty when the text has it already."""
    summary = meta.first(*_SUMMARY_KEYS)
    if (
        not draft.paragraphs
        or len(summary.split()) < _MIN_STANDFIRST_WORDS
        or len(summary) > _MAX_STANDFIRST
    ):
        return []
    loose = _loose(summary)
    if any(loose in _loose(p) or _loose(p) in loose for p in draft.paragraphs[:_LEAD_LINES]):
        return []
    block = _block_showing(tree, summary, whole=True)
    if block is None or _in_other_content(block):
        return []  # (Most pages: the summary is not shown whole; no need to find the rest.)
    lede = _block_showing(tree, draft.paragraphs[0], whole=False)
    headline = _headline_element(tree, draft.title, in_h2=True)
    if lede is None or headline is None:
        return []
    # Under the headline (above it: the site's tagline), above the text.
    if not (_before(headline, block) and _before(block, lede)):
        return []
    return [_clean(summary)]


def _block_showing(tree: Any, text: str, *, whole: bool) -> Any | None:
    """The first block of the page's body whose text is `text` (`whole`: but for a closing
    stop, which a summary written for sharing adds), or begins with it."""
    loose = _loose(text).rstrip(". ")
    spaced = " ".join(text.split())
    keys = [(spaced[:size], spaced[:size]) for size in _SHOWN_KEYS]
    if not whole:
        # Words further in, within one text node: the paragraph may open with a link or a
        # marked name ("At <span class="ticker">Home Depot</span>, we first …").
        further = spaced[_SHOWN_KEYS[-1] : _SHOWN_KEYS[0] + _SHOWN_KEYS[-1]]
        further = further.split(" ", 1)[-1].rsplit(" ", 1)[0]
        if len(further) >= _SHOWN_KEYS[-1]:
            keys.append((further, spaced[: _SHOWN_KEYS[0]]))
    for key, start in keys:
        # The start of `text` within one text node: a paragraph may open with a link.
        for node in tree.xpath("//body//text()[contains(normalize-space(.), $key)]", key=key):
            element = node.getparent()
            while element is not None and (element.tag in _INLINE or element.tag == "span"):
                element = element.getparent()
            if element is None or element.tag in _NOT_TEXT:
                continue
            shown = _loose(element.text_content())
            if shown.rstrip(". ") == loose or (not whole and shown.startswith(_loose(start))):
                return element
    return None


_SHOWN_KEYS = (40, 15)


def _before(first: Any, second: Any) -> bool:
    """Whether `first` comes before `second` in the page, neither inside the other."""
    if first is second or second in first.iterancestors() or first in second.iterancestors():
        return False
    return int(first.xpath("count(preceding::*)")) < int(second.xpath("count(preceding::*)"))


# Paragraphs above a copy of the headline that are its labels ("Review", "Categorias").
_HEADER_LABELS = 2
_MAX_LABEL_WORDS = 3


def _drop_repeated_header(
    paragraphs: list[str], headlines: list[str], shown: Sequence[str] = ()
) -> list[str]:
    """The body without a leading copy of the title or of the `<h1>` the page shows where the
    title is another (trafilatura keeps the `<h1>`), nor the short labels above it (a kicker,
    a section's name). An `<h1>` of the page (`shown`) set on two or three lines (`<br>`)
    comes as as many paragraphs. A date line over the headline stays, for the date it gives
    ("Case Study August 12, 2010, 5:00PM EST")."""
    loose_headlines = [_loose(h) for h in headlines if h]
    loose_shown = {_loose(h) for h in shown if h}
    if not loose_headlines:
        return paragraphs
    dated: list[str] = []
    for index, paragraph in enumerate(paragraphs[: _HEADER_LABELS + 1]):
        if any(_repeats(_loose(paragraph), headline) for headline in loose_headlines):
            return dated + paragraphs[index + 1 :]
        deck = _deck_after(paragraph, headlines)
        if deck:
            return [*dated, deck, *paragraphs[index + 1 :]]
        for lines in range(2, _HEADLINE_LINES + 1):
            if _loose(" ".join(paragraphs[index : index + lines])) in loose_shown:
                return dated + paragraphs[index + lines :]
        labelled = len(paragraph.split()) <= _MAX_LABEL_WORDS
        if not labelled and len(paragraph) <= _MAX_DATE_LINE and looks_like_date_line(paragraph):
            dated.append(paragraph)  # (A shorter one goes with the labels.)
        elif not labelled or _BARE_DATE_LABEL.match(paragraph):
            break  # Text, or the label of a date line the extraction cut off ("Posted on").
    return paragraphs


# The most lines a headline is set on.
_HEADLINE_LINES = 3


def _deck_after(paragraph: str, headlines: list[str]) -> str:
    """The subtitle run on after the headline in one paragraph, as the extraction gives an
    `<h1>` with its subtitle set small ("Headline <small>Secondary text</small>"): the words
    after the headline where they start anew (a capital, no punctuation between), at most a
    standfirst's length; else ""."""
    spaced = " ".join(paragraph.split())
    for headline in headlines:
        head = " ".join(headline.split())
        if len(_words_of(head)) < _MIN_HEADLINE_WORDS:
            continue
        if spaced[: len(head) + 1].casefold() == f"{head} ".casefold():
            rest = spaced[len(head) + 1 :]
            if rest[:1].isupper() and len(rest) <= _MAX_STANDFIRST:
                return rest
    return ""


def _repeats(loose: str, headline: str) -> bool:
    """Whether a paragraph (`loose`) is the `headline`, or the `<h1>` as the page shows it:
    the headline with the kicker or date stamp the title cut."""
    return loose == headline or (
        len(headline.split()) >= _MAX_LABEL_WORDS
        and loose.endswith(f" {headline}")
        and len(loose[: -len(headline)].split()) <= _MAX_LABEL_WORDS
    )
