"""Saved web pages: metadata from JSON-LD, OpenGraph, meta tags or the page, and main text."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from newsread.index.files.formats import Draft
from newsread.index.files.formats import html as html_module
from newsread.index.files.formats.html import html_to_text, parse_html

PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge to traffic after engineers found "
    "cracks in two of its supports, officials said.",
    "Repairs are expected to take at least six months, the mayor said in a statement, adding "
    "that a ferry service would run in the meantime.",
    "Residents of the east bank, who rely on the bridge to reach the hospital, said they were "
    "worried about the longer journeys ahead of them.",
]
BODY = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
FURNITURE_HEADER = (
    '<header><a href="/"><img src="logo.png" alt="Town Crier"></a><nav><ul>'
    '<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>'
)
FURNITURE_FOOTER = (
    '<section id="comments"><h3>Comments</h3><div class="comment"><p>This is outrageous, the '
    "bridge was fine last week and the council is not telling us the truth.</p></div></section>"
    "<footer><p>Copyright 2021 Town Crier. All rights reserved.</p></footer>"
)


def page(head: str, article: str, *, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f"{FURNITURE_HEADER}<article>{article}</article>{FURNITURE_FOOTER}</body></html>"
    )


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_graph_with_author_references() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Town Crier Online"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {
                "@type": ["NewsArticle"],
                "headline": "Bridge closed after cracks found",
                "datePublished": "2021-03-04T05:06:07+01:00",
                "author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Roe"}],
                "publisher": {"@type": "NewsMediaOrganization", "name": "The Town Crier"},
                "articleSection": ["Local", "Transport"],
                "inLanguage": "en-GB",
                "url": "https://towncrier.example/bridge",
            },
        ],
    }
    html = page(
        "<title>Bridge closed | Town Crier</title>" + ld(graph),
        f"<h1>Bridge closed after cracks found</h1>{BODY}",
        lang="",
    )
    assert parse_html(html) == Draft(
        title="Bridge closed after cracks found",
        source="The Town Crier",
        section="Local",
        published=datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=1))),
        authors=["Jane Doe", "John Roe"],
        url="https://towncrier.example/bridge",
        paragraphs=PARAGRAPHS,
        language="en",
    )


@pytest.mark.parametrize(
    ("author", "authors", "credit"),
    [
        ("Jane Doe", ["Jane Doe"], ""),
        ({"@type": "Person", "name": "Jane Doe"}, ["Jane Doe"], ""),
        ([{"name": "Jane Doe"}, {"name": "John Roe"}], ["Jane Doe", "John Roe"], ""),
        ({"@type": "Organization", "name": "Reuters"}, [], "Reuters"),
        ("By Jane Doe, Associated Press", ["Jane Doe"], "Associated Press"),
        # A Person given by the parts of its name.
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, ["Jane Doe"], ""),
        # An agency, an outlet or a desk typed as a Person is a credit.
        ({"@type": "Person", "name": "The Associated Press"}, [], "The Associated Press"),
        ({"@type": "Person", "name": "Harbour Times staff"}, [], "Harbour Times staff"),
        ({"@type": "Person", "name": "Mac & i"}, ["Mac & i"], ""),
        ({"@type": "Person", "name": "HT-Redaktion"}, [], "HT-Redaktion"),
        ({"@type": "Person", "name": "hb_team"}, [], "hb_team"),
        ({"@type": "Person", "name": "anónimo"}, [], ""),
    ],
)
def test_json_ld_author_shapes(author: object, authors: list[str], credit: str) -> None:
    article = {"@type": "ReportageNewsArticle", "headline": "H", "author": author}
    draft = parse_html(page(ld(article), BODY))
    assert (draft.authors, draft.credit) == (authors, credit)


@pytest.mark.parametrize(
    "owner",
    [
        '<meta name="copyright" content="© 2021 Harbour Lifeboats">',
        "<title>Harbour Lifeboats - Bridge closed after cracks found</title>",
        '<meta property="og:site_name" content="Harbour Lifeboats">',
    ],
)
def test_a_meta_author_the_site_is_named_by_is_its_owner_not_the_writer(owner: str) -> None:
    head = f'{owner}<meta name="author" content="Harbour Lifeboats">'
    draft = parse_html(page(head, BODY))
    assert (draft.authors, draft.credit) == ([], "Harbour Lifeboats")
    byline = '<p class="byline">By Jane Doe</p>'
    assert parse_html(page(head, byline + BODY)).authors == ["Jane Doe"]


def test_json_ld_creator_names_the_author_where_no_author_is_given() -> None:
    creator = {"@type": "Person", "name": "Jane Doe"}
    article = {"@type": "NewsArticle", "headline": "H", "creator": creator}
    assert parse_html(page(ld(article), BODY)).authors == ["Jane Doe"]
    article["author"] = {"@type": "Person", "name": "John Roe"}
    assert parse_html(page(ld(article), BODY)).authors == ["John Roe"]


@pytest.mark.parametrize(
    "meta",
    [
        # Google Scholar's tags on papers and reports, one per author.
        '<meta name="citation_author" content="Jane Doe"><meta name="citation_author" content="John Roe">',
        '<meta property="book:author" content="Jane Doe"><meta property="book:author" content="John Roe">',
    ],
)  # fmt: skip
def test_scholarly_and_book_author_meta_tags_name_the_authors(meta: str) -> None:
    assert parse_html(page(meta, BODY)).authors == ["Jane Doe", "John Roe"]


def test_a_book_author_meta_tag_holding_an_address_names_no_one() -> None:
    meta = '<meta property="book:author" content="https://towncrier.example/staff/jane">'
    assert parse_html(page(meta, BODY)).authors == []


@pytest.mark.parametrize(
    "byline",
    [
        # A script fills the byline from the attribute; the page as saved shows no name.
        '<div class="post-meta" data-author="Jane Doe"><span>3 March 2022</span></div>',
        # Microdata with the name as a <meta>.
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<meta itemprop="name" content="Jane Doe"></div>',
        '<span itemprop="author" itemscope><a href="/jane"><meta itemprop="name" content="Jane Doe">'
        '<img src="jane.jpg" alt=""></a></span>',
    ],
)
def test_an_author_named_in_the_byline_markup_only(byline: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{byline}{BODY}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "element",
    [
        # An account, not a name.
        '<div class="post-meta" data-author="juandiego"><span>3 March 2022</span></div>',
        '<div class="post-meta" data-author="1234"><span>3 March 2022</span></div>',
        # A teaser that says who wrote it in markup: its text is no byline.
        '<div class="teaser" data-author="jdoe"><a href="/sport">Cycling</a></div>',
    ],
)
def test_an_account_in_a_data_author_attribute_names_no_one(element: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{element}{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.credit) == ([], "")


def test_opengraph_only() -> None:
    head = """<title>Bridge closed after cracks found - Town Crier</title>
    <meta property="og:title" content="Bridge closed after cracks found">
    <meta property="og:site_name" content="Town Crier">
    <meta property="og:url" content="https://towncrier.example/bridge">
    <meta property="article:published_time" content="2021-03-04T05:06:07Z">
    <meta property="article:section" content="Local">
    <meta property="article:author" content="https://towncrier.example/staff/jane">
    <meta name="author" content="Jane Doe">"""
    assert parse_html(page(head, BODY, lang="fr-FR")) == Draft(
        title="Bridge closed after cracks found",
        source="Town Crier",
        section="Local",
        published=datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc),
        authors=["Jane Doe"],
        url="https://towncrier.example/bridge",
        paragraphs=PARAGRAPHS,
        language="fr",
    )


def test_meta_tags_only() -> None:
    head = """<title>Bridge closed</title>
    <meta name="parsely-title" content="Bridge closed after cracks found">
    <meta name="parsely-author" content="Jane Doe">
    <meta name="parsely-pub-date" content="2021-03-04T05:06:07Z">
    <meta name="parsely-section" content="Local">
    <meta name="DC.language" content="de">
    <link rel="canonical" href="/news/bridge">
    <meta property="og:url" content="https://towncrier.example/news/bridge?utm=1">"""
    draft = parse_html(page(head, BODY, lang=""))
    assert draft.title == "Bridge closed after cracks found"
    assert draft.authors == ["Jane Doe"]
    assert draft.published == datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    assert draft.section == "Local"
    assert draft.language == "de"
    assert draft.url == "https://towncrier.example/news/bridge"


def test_dublin_core_and_sailthru_and_time_element() -> None:
    head = """<meta name="dc.title" content="Bridge closed after cracks found">
    <meta name="sailthru.author" content="John Roe">"""
    article = f'<time datetime="2021-03-04">4 March</time>{BODY}'
    draft = parse_html(page(head, article))
    assert (draft.title, draft.authors) == ("Bridge closed after cracks found", ["John Roe"])
    assert draft.published == datetime(2021, 3, 4)


def test_no_metadata_title_from_h1_and_byline_from_the_page() -> None:
    head = "<title>Bridge closed after cracks found | Town Crier</title>"
    article = (
        '<h1>Bridge closed after cracks found</h1><div class="byline">By '
        '<a rel="author" href="/staff/jane">Jane Doe</a> - Apr 16, 2021 8:02 pm</div>' + BODY
    )
    draft = parse_html(page(head, article))
    assert draft.title == "Bridge closed after cracks found"
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs == PARAGRAPHS


def test_title_tag_loses_its_site_suffix() -> None:
    head = (
        "<title>Bridge closed after cracks found – Town Crier</title>"
        '<meta property="og:site_name" content="Town Crier">'
    )
    assert parse_html(page(head, BODY)).title == "Bridge closed after cracks found"


def test_og_title_wins_over_the_title_tag_with_suffix() -> None:
    head = (
        "<title>Bridge closed | Local | Town Crier</title>"
        '<meta property="og:title" content="Bridge closed after engineers find cracks">'
    )
    assert parse_html(page(head, BODY)).title == "Bridge closed after engineers find cracks"


def test_generic_og_title_loses_to_the_title_and_h1_that_agree() -> None:
    head = (
        "<title>Bridge closed after cracks found</title>"
        '<meta property="og:title" content="Town Crier - Latest news">'
    )
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    assert parse_html(page(head, article)).title == "Bridge closed after cracks found"


def test_json_ld_headline_that_is_a_description_loses_to_the_name() -> None:
    data = {"@type": "Article", "name": "New Zealand", "headline": "country in Oceania"}
    head = "<title>New Zealand - Wikipedia</title>" + ld(data)
    assert parse_html(page(head, BODY)).title == "New Zealand"


def test_og_title_with_author_suffix_is_trimmed_to_the_h1() -> None:
    head = '<meta property="og:title" content="Bridge closed after cracks found | Jane Doe">'
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    assert parse_html(page(head, article)).title == "Bridge closed after cracks found"


def test_body_leaves_out_navigation_comments_share_widgets_and_hidden_text() -> None:
    article = (
        BODY + '<div class="share-buttons"><a href="#">Share</a><a href="#">Tweet</a></div>'
        "<div hidden><p>Hidden text that a browser never shows to the reader at all.</p></div>"
        '<div aria-hidden="true"><p>Modal dialog text that screen readers and eyes skip.</p></div>'
        '<div style="display: none"><p>Collapsed menu text that is not shown on the page.</p></div>'
    )
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


@pytest.mark.parametrize("classes", ["hidden", "pictures d-none", "panel is-hidden"])
def test_body_leaves_out_what_a_class_hides(classes: str) -> None:
    article = (
        f'<div class="{classes}"><p>Gallery overlay</p><p>Back to the pictures of the '
        "bridge and the river below it, one of eight.</p></div>" + BODY
    )
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


def test_body_keeps_the_rest_of_an_article_a_class_folds_behind_read_more() -> None:
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    article = (
        f'<p>{PARAGRAPHS[0]}</p><button class="read-more">Read more</button>'
        f'<div class="article-rest hidden">{rest}</div>'
    )
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


@pytest.mark.parametrize("classes", ["hidden lg:block", "hidden d-md-block", "hidden-xs"])
def test_body_keeps_what_a_class_shows_at_some_screen_size(classes: str) -> None:
    article = f'<div class="{classes}"><p>{PARAGRAPHS[0]}</p></div><p>{PARAGRAPHS[1]}</p>'
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS[:2]


def test_hard_wrapped_source_is_not_split_into_lines() -> None:
    wrapped = PARAGRAPHS[0].replace(" after ", "\n        after ")
    article = f"<p>{wrapped}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


def test_line_breaks_split_paragraphs() -> None:
    article = f"<div>{PARAGRAPHS[0]}<br><br>{PARAGRAPHS[1]}<br>{PARAGRAPHS[2]}</div>"
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


def test_entities_in_metadata_are_unescaped() -> None:
    head = '<meta property="og:title" content="Q&amp;A: the bridge &#8211; explained">'
    assert parse_html(page(head, BODY)).title == "Q&A: the bridge – explained"


def test_invalid_json_ld_is_ignored() -> None:
    head = '<title>Fallback title</title><script type="application/ld+json">{"headline": </script>'
    draft = parse_html(page(head, BODY))
    assert draft.title == "Fallback title"
    assert draft.paragraphs == PARAGRAPHS


def test_xml_declaration_is_accepted() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page("<title>T</title>", BODY)
    assert parse_html(html).paragraphs == PARAGRAPHS


def test_deeply_nested_tags_do_not_crash() -> None:
    # Far past lxml's 256 levels and Python's recursion limit (tests/hostile indexes a page
    # of 100,000 levels: 8 s of CPU here too).
    html = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * 5_000
        + f"<p>{PARAGRAPHS[0]}</p>"
        + "</div>" * 5_000
        + "</body></html>"
    )
    draft = parse_html(html)
    assert draft.title == "Deep"
    assert draft.paragraphs == [PARAGRAPHS[0]]


def test_unclosed_deep_inline_tags_do_not_crash() -> None:
    assert parse_html("<html><body>" + "<span><b>" * 50_000 + "text here").paragraphs == [
        "text here"
    ]


def test_huge_page_is_read_whole_by_the_simple_extraction() -> None:
    # Its time per page is in tests/accuracy.py's figures; no timed assertion here.
    row = "<div><span>word</span> <a href='x'>link</a> text <b>bold</b></div>\n"
    html = (
        "<html><head><title>Huge</title></head><body>" + row * 13_000 + "</body></html>"
    )  # 52,000 elements
    draft = parse_html(html)
    assert len(draft.paragraphs) == 13_000
    assert draft.paragraphs[0] == "word link text bold"


_TEXT_BEFORE_LINK_XPATH = (
    "//body//text()[following-sibling::node()[1][self::a[@href] or (self::strong or self::b"
    " or self::span or self::em) and a[@href]]][string-length(normalize-space(.)) <= 60]"
)
"""The obviously right (and quadratic) XPath that `_texts_before_links` answers in one pass."""


def _random_markup(rng: random.Random, depth: int = 0) -> str:
    words = ["von", "by", "Jane Doe", " ", "\t\n", "\u00a0", "x" * 59, "y " * 31, "é" * 61, ""]
    parts = []
    for _ in range(rng.randint(0, 5)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(words) + rng.choice(words))
        elif roll < 0.45:
            parts.append("<!-- note -->")
        elif depth < 4:
            tag = rng.choice(["a", "a", "span", "b", "strong", "em", "div", "p", "i"])
            href = " href='/x'" if tag == "a" and rng.random() < 0.7 else ""
            parts.append(f"<{tag}{href}>{_random_markup(rng, depth + 1)}</{tag}>")
    return "".join(parts)


@pytest.mark.parametrize("seed", range(300))
def test_texts_before_links_agree_with_the_xpath_they_replace(seed: int) -> None:
    rng = random.Random(seed)
    page = f"<html><head><title>t</title></head><body>{_random_markup(rng)}</body></html>"
    tree = lxml.html.fromstring(page)
    expected = [(str(t), t.is_tail, t.getparent()) for t in tree.xpath(_TEXT_BEFORE_LINK_XPATH)]
    assert list(html_module._texts_before_links(tree)) == expected, page


@pytest.mark.parametrize("text", ["", "no tags at all", "<<<>>>&&&;;", "<html></html>"])
def test_degenerate_input_gives_a_draft(text: str) -> None:
    assert isinstance(parse_html(text), Draft)


def test_html_to_text_for_body_fields() -> None:
    assert html_to_text("<p>One <b>bold</b></p><ul><li>Two</li></ul>Three") == [
        "One bold",
        "Two",
        "Three",
    ]


def test_dublin_core_title_and_creator_win_over_opengraph_and_author() -> None:
    head = """<meta property="og:title" content="Social headline">
    <meta property="dc:title" content="Bridge closed after cracks found">
    <meta name="author" content="Site Admin">
    <meta property="dc:creator" content="Jane Doe">"""
    draft = parse_html(page(head, BODY))
    assert (draft.title, draft.authors) == ("Bridge closed after cracks found", ["Jane Doe"])


def test_placeholder_values_and_section_paths_are_cleaned() -> None:
    head = """<meta property="article:section" content="nil">
    <meta name="section" content="/world/middle_east">"""
    assert parse_html(page(head, BODY)).section == "middle east"


def test_cms_specific_publication_date_key() -> None:
    head = '<meta name="article:publicationdate" content="2015-03-13T21:30:09Z">'
    published = parse_html(page(head, BODY)).published
    assert published == datetime(2015, 3, 13, 21, 30, 9, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<div class="byline">Jane Doe • 8h</div>', ["Jane Doe"]),
        ('<p class="byline">BY: JANE DOE Monday, February 29, 2016</p>', ["Jane Doe"]),
        ('<p class="byline">Written by Jane Doe Edited by John Roe</p>', ["Jane Doe"]),
        ('<p class="byline">Last Updated: January 7, 2025</p>', []),
        ('<p class="author">Follow Author</p>', []),
    ],
)
def test_byline_elements_lose_dates_editors_and_buttons(byline: str, authors: list[str]) -> None:
    draft = parse_html(page("<title>T</title>", byline + BODY))
    assert (draft.authors, draft.credit) == (authors, "")


@pytest.mark.parametrize("effect", ["mousemove-menueenter", "fx-menuenter post-item"])
def test_a_headline_in_a_block_whose_class_only_contains_menu_is_the_headline(effect: str) -> None:
    page = f"""<html><head><title>Gift guide | Courier Blog | Read now!</title></head><body>
    <main><article><div class="{effect}"><div class="header-text"><h1>My cosy home gift guide
    for the winter</h1></div></div>{BODY}</article></main></body></html>"""
    assert parse_html(page).title == "My cosy home gift guide for the winter"


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="elementor-widget elementor-widget-theme-post-title">'
        '<div class="elementor-widget-container">{}</div></div>',
        '<div class="widget Blog" id="Blog1"><div class="post">{}</div></div>',
    ],
)
def test_a_headline_in_a_page_builder_s_widget_is_the_headline(wrapper: str) -> None:
    headline = wrapper.format("<h1>Trams will run without drivers on two lines</h1>")
    page = f"""<html><head><title>Driverless trams on two lines | Courier</title></head><body>
    {headline}<div>{BODY}</div></body></html>"""
    assert parse_html(page).title == "Trams will run without drivers on two lines"


def test_a_heading_in_a_sidebar_widget_is_not_the_headline() -> None:
    page = f"""<html><head><title>Trams run without drivers on two lines | Courier Transport
    Desk</title></head><body><div class="widget widget-text"><h1>Courier Transport Desk</h1>
    </div><article>{BODY}</article></body></html>"""
    assert parse_html(page).title == "Trams run without drivers on two lines"


@pytest.mark.parametrize("menu", ["mainmenu", "menu-item", "site-menubar", "submenu", "topMenu"])
def test_a_heading_in_a_menu_is_not_the_headline(menu: str) -> None:
    page = f"""<html><head><title>Trams run without drivers on two lines | Courier Transport
    Desk</title></head><body><div class="{menu}"><h1>Courier Transport Desk</h1></div>
    <article>{BODY}</article></body></html>"""
    assert parse_html(page).title == "Trams run without drivers on two lines"


def test_the_visible_headline_wins_over_a_seo_title_that_wraps_it() -> None:
    page = """<html><head><title>Topic: Trams run without drivers | Courier Blog</title>
    <meta property="og:title" content="Topic: Trams run without drivers | Courier Blog"></head>
    <body><article><h1>Trams run without drivers</h1>
    <p>The city's trams will run without drivers on two lines from next spring, the transport
    authority said on Tuesday, after a trial that ran for eighteen months.</p></article>
    </body></html>"""
    assert parse_html(page).title == "Trams run without drivers"


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("19 October 2019 00:04", datetime(2019, 10, 19, 0, 4, tzinfo=timezone(timedelta(hours=2)))),
        # Another day shown under the headline: the page's date, as a person reads it.
        ("19 October 2019", datetime(2019, 10, 19)),
        ("Published 12 March 2020, 10:42", datetime(2020, 3, 12, 10, 42)),
        # An update is not the publication.
        ("Updated 12 March 2020, 10:42", datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)),
        ("<span>Last updated:</span> <span>12 March 2020</span>", datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)),
        # The declared day, in numbers read either way round, or a sentence naming a date.
        ("18/10/2019", datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)),
        ("The bridge first opened to traffic on 3 May 1921, the council said", datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)),
    ],
)  # fmt: skip
def test_the_date_shown_under_the_headline_wins(shown: str, expected: datetime) -> None:
    head = '<meta property="article:published_time" content="2019-10-18T22:04:00Z">'
    article = f'<h1>Bridge closed after cracks found</h1><p class="meta">{shown}</p>{BODY}'
    published = parse_html(page(head, article)).published
    assert published is not None
    assert (published, published.utcoffset()) == (expected, expected.utcoffset())


@pytest.mark.parametrize(
    "site_as_author", ["Harbour Gazette", "The Harbour Gazette", "harbourgazette.example"]
)
def test_a_site_that_names_itself_the_author_gives_way_to_the_byline(site_as_author: str) -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Organization", "name": site_as_author},
        "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
    }
    head = ld(data) + '<link rel="canonical" href="https://www.harbourgazette.example/bridge">'
    article = '<h1>Bridge closed after cracks found</h1><p class="byline">By Jane Doe</p>' + BODY
    draft = parse_html(page(head, article))
    assert (draft.authors, draft.credit) == (["Jane Doe"], "")


def test_a_site_named_as_author_stays_the_credit_when_the_page_names_nobody() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Organization", "name": "Harbour Gazette"},
        "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
    }
    draft = parse_html(page(ld(data), f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert (draft.authors, draft.credit) == ([], "Harbour Gazette")


def test_a_blog_named_after_its_writer_keeps_the_writer() -> None:
    data = {
        "@type": "BlogPosting",
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Organization", "name": "Jane Doe"},
        "publisher": {"@type": "Organization", "name": "Jane Doe"},
    }
    draft = parse_html(page(ld(data), f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert "Jane Doe" in [*draft.authors, draft.credit]


def test_an_agency_named_as_author_stays_a_credit() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Organization", "name": "Reuters"},
        "publisher": {"@type": "Organization", "name": "Town Crier"},
    }
    draft = parse_html(page(ld(data), f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert (draft.authors, draft.credit) == ([], "Reuters")


def test_an_author_name_meta_tag_of_a_sharing_plugin() -> None:
    head = '<meta name="shareaholic:article_author_name" content="Jane Doe">'
    assert parse_html(page(head, BODY)).authors == ["Jane Doe"]


def test_the_title_loses_the_site_name_its_logo_heading_gives() -> None:
    html = """<html><head><title>Four Years Remaining » Blog Archive » Interning of small
    integers</title></head><body><h1><a href="/">Four Years Remaining</a></h1><div>
    <p>The city's trams will run without drivers on two lines from next spring, the transport
    authority said on Tuesday.</p></div></body></html>"""
    assert parse_html(html).title == "Interning of small integers"


def test_the_h1_that_json_ld_names_as_headline_wins_over_og_and_title() -> None:
    head = (
        "<title>Bridge shut: what drivers need to know | Town Crier</title>"
        '<meta property="og:title" content="Bridge shut: what drivers need to know">'
        + ld({"@type": "NewsArticle", "headline": "Bridge closed after cracks found"})
    )
    article = f"<h1>Bridge closed after cracks found!</h1>{BODY}"
    assert parse_html(page(head, article)).title == "Bridge closed after cracks found!"


@pytest.mark.parametrize(
    ("declared", "heading", "title"),
    [
        # The page's own typography.
        ("Trams 'run without drivers'", "Trams „run without drivers“", "Trams „run without drivers“"),
        ("Trams run without drivers...", "Trams run without drivers…", "Trams run without drivers…"),
        # The rest of the headline's sentence, cut from the declared title.
        ("Trams run without drivers", "Trams run without drivers in Oslo", "Trams run without drivers in Oslo"),
        ("Trams run without drivers", "Trams run without drivers: a first", "Trams run without drivers: a first"),
        # Not the site's name, a date or a new sentence run into the heading.
        ("Trams run without drivers", "Trams run without drivers | COURIER", "Trams run without drivers"),
        ("Trams run without drivers", "Trams run without drivers 02.02.2022", "Trams run without drivers"),
        ("Trams run without drivers", "Trams run without drivers Welcome to", "Trams run without drivers"),
    ],
)  # fmt: skip
def test_the_lone_h1_is_the_declared_title_as_the_page_shows_it(
    declared: str, heading: str, title: str
) -> None:
    head = f'<meta property="og:title" content="{declared}">'
    assert parse_html(page(head, f"<h1>{heading}</h1>{BODY}")).title == title


@pytest.mark.parametrize("declared", ["Lawyer Grant", "lawyergrant.com"])
def test_a_title_that_is_the_sites_host_name_yields_to_the_lone_h1(declared: str) -> None:
    # "Anwalt Niemeyer" on anwaltniemeyer.de: the <title> names the site, the <h1> the page.
    head = f'<title>{declared}</title><link rel="canonical" href="https://lawyergrant.com/">'
    assert parse_html(page(head, f"<h1>Welcome!</h1>{BODY}")).title == "Welcome!"


@pytest.mark.parametrize(
    "heading",
    [
        '<span class="kicker">Transport</span> Trams run without drivers',
        "<small>Transport</small><br>Trams run without drivers",
        '<span class="sub-heading">Transport:</span><br> Trams run without drivers',
        "Trams run <em>without</em> drivers<style>.x{color:red}</style>",
    ],
)
def test_the_headline_is_the_h1_without_its_kicker_or_styles(heading: str) -> None:
    page = f"""<html><head><title>Press releases</title></head><body><article>
    <h1>{heading}</h1><p>The city's trams will run without drivers on two lines from next
    spring, the transport authority said on Tuesday.</p></article></body></html>"""
    assert parse_html(page).title == "Trams run without drivers"


def test_names_in_separate_elements_of_a_byline_are_not_run_together() -> None:
    byline = (
        '<div class="byline"><span class="author">Isabel Caro</span>, '
        '<span class="author">José Miguel Wilson</span><span class="time">Hace 2 horas</span></div>'
    )
    draft = parse_html(page("<title>T</title>", byline + BODY))
    assert draft.authors == ["Isabel Caro", "José Miguel Wilson"]


def test_ruby_readings_are_left_out_of_a_headline() -> None:
    page = """<html><head><title>NEWS WEB EASY | 子どもへの体罰を禁止する法律ができる</title></head><body><article>
    <h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>
    <p>子どもへの体罰を禁止する法律ができました。</p></article></body></html>"""
    assert parse_html(page).title == "子どもへの体罰を禁止する法律ができる"


def test_a_date_line_and_byline_above_the_text_become_metadata_not_body() -> None:
    text = (
        "The city's trams will run without drivers on two lines from next spring, the "
        "transport authority said on Tuesday, after a trial that ran for eighteen months."
    )
    page = f"""<html><head><title>Trams run without drivers</title></head><body><article>
    <h1>Trams run without drivers</h1><p>By Jane Doe</p><p>March 12, 2024</p>
    <p>{text}</p><p>{text}</p></article></body></html>"""
    draft = parse_html(page)
    assert draft.paragraphs[0] == text
    assert draft.authors == ["Jane Doe"]
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_an_unmarked_date_line_at_the_end_of_the_text_dates_the_page() -> None:
    text = (
        "The city's trams will run without drivers on two lines from next spring, the "
        "transport authority said on Tuesday, after a trial that ran for eighteen months."
    )
    page = f"""<html><head><title>Trams run without drivers</title></head><body><article>
    <h1>Trams run without drivers</h1><p>{text}</p><p>{text}</p>
    <p>Stand: 24.04.2020, 10:15 Uhr</p></article></body></html>"""
    draft = parse_html(page)
    assert draft.published is not None and draft.published.date().isoformat() == "2020-04-24"


def test_a_byline_written_under_the_headline_outside_any_metadata() -> None:
    text = (
        "Die Tanzkompanie des Theaters öffnet die Saison mit einem Stück über den Regen, "
        "das erste des neuen Choreografen, und das Publikum dankt mit langem Applaus."
    )
    page = f"""<html><head><title>Mit allen Wassern gewaschen</title></head><body>
    <div class="content"><h1>Mit allen Wassern gewaschen</h1>
    <div><p><i>von Bettina Kugler</i> | 19.10.2019</p></div>
    <p>{text}</p><p>{text}</p></div></body></html>"""
    assert parse_html(page).authors == ["Bettina Kugler"]


def test_a_utc_date_gives_way_to_the_same_moment_in_the_sites_time_zone() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}) + (
        '<meta property="article:published_time" content="2019-10-19T00:04:00+02:00">'
    )
    published = parse_html(page(head, BODY)).published
    assert published is not None and published.isoformat() == "2019-10-19T00:04:00+02:00"
    other_moment = head.replace("00:04:00+02:00", "09:30:00+02:00")
    published = parse_html(page(other_moment, BODY)).published
    assert published is not None and published.isoformat() == "2019-10-18T22:04:00+00:00"


@pytest.mark.parametrize(
    ("over", "day"),
    [
        ("6 May 2022 - 2:00", "2022-05-06"),  # the declared moment on the site's own day
        ("6 May 2022", "2022-05-06"),
        ("9 May 2022 - 2:00", "2022-05-05"),  # another day: today's date in a header
        ("Updated 6 May 2022 - 2:00", "2022-05-05"),
    ],
)
def test_a_date_line_over_the_headline_shows_the_declared_moments_day(over: str, day: str) -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2022-05-05T21:00:00-05:00"})
    article = f'<div class="header"><div class="date">{over}</div><h1>Bridge closed</h1></div>'
    published = parse_html(page(head, article + BODY)).published
    assert published is not None and published.date().isoformat() == day


def test_a_person_in_the_byline_wins_over_an_organisation_in_the_metadata() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Organization", "name": "Harbour Desk"},
    }
    article = '<h1>Bridge closed after cracks found</h1><p class="byline">By Jane Doe</p>' + BODY
    draft = parse_html(page(ld(data), article))
    assert (draft.authors, draft.credit) == (["Jane Doe"], "")


def test_the_site_named_as_a_person_gives_way_to_the_byline() -> None:
    # A magazine named like a person ("Lady Harbour") names itself as the author.
    head = '<meta property="og:site_name" content="Lady Harbour">' + (
        '<meta name="author" content="Lady Harbour">'
    )
    article = (
        '<h1>Bridge closed after cracks found</h1><div class="header_info__author">'
        "Jane Doe</div>" + BODY
    )
    assert parse_html(page(head, article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "byline",
    [
        # Class names written with underscores or in camel case.
        '<div class="content__author">von Jane Doe</div>',
        '<div class="liveArticleAuthorDateBlock"><span>Datum:</span> 19.11.2021 '
        "<span>Autor:</span> Jane Doe <span>Quelle:</span> Town Crier</div>",
        # The post's own footer, as blogs have it (not the page's footer).
        '<footer class="post-footer"><span class="post-author vcard">Eingestellt von '
        '<a rel="author" href="/profile/1">Jane Doe</a></span></footer>',
        # A bio box: the first line names the writer.
        '<div class="author-box"><a href="/jane">Jane Doe</a>'
        "<p>Jane writes about transport and the city for the paper.</p></div>",
        '<div class="author-box"><p>Foto: John Roe</p><p>Von Jane Doe</p></div>',
    ],
)
def test_byline_elements_as_sites_mark_them(byline: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{byline}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "aside",
    [
        # A sidebar's quote of the day, its speaker marked as the quote's author.
        '<aside class="widget"><h3>Quote of the day</h3><blockquote><p>We build bridges, not '
        'walls.</p><span class="author">John Roe, engineer and author</span></blockquote></aside>',
        '<div class="box"><p>We build bridges, not walls.</p>'
        '<span class="zitat-author">John Roe, engineer and author</span></div>',
        # A customer's testimonial.
        '<div class="testimonial"><p>Best loan I ever had.</p>'
        '<p class="testimonial-author">Customer J. R.</p></div>',
    ],
)
def test_the_author_of_a_quotation_is_not_the_article_s(aside: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{aside}"
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.credit) == ([], "")


@pytest.mark.parametrize(
    "box",
    [
        '<div class="author-bio"><h4>About the author</h4>'
        "<p>She has covered transport for the paper since 2010.</p></div>",
        '<div class="autor-box"><h4>Über den Autor</h4><p>Seit 2010 schreibt sie über Verkehr.</p></div>',
    ],
)  # fmt: skip
def test_an_author_box_s_heading_is_no_credit(box: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{box}"
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.credit) == ([], "")


def test_names_in_comments_and_lists_of_other_stories_are_not_the_authors() -> None:
    comments = (
        '<div class="recent-comments-widget"><p class="comment-author">Dee Zug</p>'
        "<p>Great post!</p></div>"
    )
    related = (
        '<ul class="teaser-list"><li class="teaser"><h3>Ferry timetable</h3>'
        '<span class="author">Von John Roe</span></li></ul>'
    )
    html = (
        "<html><head><title>T</title></head><body><article><h1>Bridge closed after cracks "
        f"found</h1>{BODY}{comments}</article>{related}</body></html>"
    )
    draft = parse_html(html)
    assert (draft.authors, draft.credit) == ([], "")


def test_a_name_under_the_headline_wins_over_a_byline_far_below() -> None:
    others = "".join(f'<div class="box-{n}"><p class="x">Box {n}</p></div>' for n in range(30))
    article = (
        '<h1>Bridge closed after cracks found</h1><p class="info">Jane Doe</p>'
        f'{BODY}{others}<div><span class="media-box__autor">Von John Roe</span></div>'
    )
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "quote",
    [
        "<p>“We had no other choice,” Smith said.</p>",
        "<p>The bridge will be rebuilt, said Mary Smith, who leads the council.</p>",
        "<p>„Wir hatten keine Wahl“, sagte Smith.</p>",
    ],
)
def test_a_bare_name_under_the_headline_that_the_text_quotes_is_its_subject(quote: str) -> None:
    article = (
        f'<h1>Bridge closed after cracks found</h1><p class="info">Mary Smith</p>{BODY}{quote}'
    )
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_byline_names_its_writer_though_the_text_quotes_her_namesake() -> None:
    quote = "<p>“We had no other choice,” Doe said.</p>"
    article = f"<h1>Bridge closed after cracks found</h1><p>By Jane Doe</p>{BODY}{quote}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


def test_an_author_label_closing_the_text_names_the_writer_beside_the_publisher_s_credit() -> None:
    org = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge closed"}
    org["author"] = {"@type": "Organization", "name": "Musterstiftung e.V."}
    closing = "<p><strong>Autorin: Mara Quill, Projektleiterin der Stiftung in Tunis.</strong></p>"
    draft = parse_html(page(ld(org), f"<h1>Bridge closed</h1>{BODY}{closing}"))
    assert draft.authors == ["Mara Quill"]


def test_a_bare_name_under_the_headline_does_not_replace_a_declared_credit() -> None:
    head = '<meta name="author" content="Town Crier News">'
    article = f"<h1>Bridge closed after cracks found</h1><p>Ferry Tests</p>{BODY}"
    draft = parse_html(page(head, article))
    assert (draft.authors, draft.credit) == ([], "Town Crier News")


@pytest.mark.parametrize(
    "control",
    [
        '<div class="aside-cta"><a class="s-btn" href="/ask">Ask Question</a></div>',
        '<form><input name="user"><a href="/lost">Reset Password</a></form>',
        '<ul><li><a href="#certs">Generating Certs</a></li></ul>',
    ],
)
def test_a_control_under_the_headline_shaped_like_a_name_names_no_one(control: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{control}{BODY}"
    assert parse_html(page("<title>T</title>", article)).authors == []


@pytest.mark.parametrize(
    "line", ["Posted on September 21, 2020 by Jane Doe", "Am 21.09.2020 von Jane Doe"]
)
def test_a_date_line_under_the_headline_that_ends_in_the_byline(line: str) -> None:
    article = f'<h1>Bridge closed after cracks found</h1><div class="meta">{line}</div>{BODY}'
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "byline",
    [
        '<p>Par <a href="/auteurs/jd">Jane Doe <span class="screen-reader-text">Jane Doe</span></a></p>',
        '<p class="byline">By <a href="/jd">Jane Doe<span class="sr-only"> Jane Doe</span></a></p>',
    ],
)
def test_a_name_repeated_for_screen_readers_is_read_once(byline: str) -> None:
    # Below the text (past what is read under the headline), as a podcast card's is.
    long_text = "".join(f"<p>Paragraph {n} about the bridge and its cracks.</p>" for n in range(70))
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{long_text}{byline}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


def test_a_label_ending_in_by_above_the_name_is_no_credit() -> None:
    byline = (
        '<div><span class="article_author_single">Article by</span><br>'
        '<span class="author_single">Jane Doe</span></div>'
    )
    article = f"<h1>Bridge closed after cracks found</h1>{byline}{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.credit) == (["Jane Doe"], "")


def test_the_authors_of_other_articles_in_the_structured_data_are_not_the_page_s() -> None:
    nodes = [
        {"@type": "NewsArticle", "url": "https://towncrier.example/other", "author": "John Roe"},
        {"@type": "NewsArticle", "url": "https://towncrier.example/bridge", "author": "Jane Doe"},
    ]
    head = '<link rel="canonical" href="https://towncrier.example/bridge/">' + ld(nodes)
    draft = parse_html(page(head, f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert draft.authors == ["Jane Doe"]


def test_an_author_in_a_card_linking_to_another_story_is_not_the_article_s() -> None:
    card = (
        '<ul><li><a href="/other"><h4 class="item__title">Ferries to run at night</h4>'
        '<span class="item__author">John Roe</span></a></li></ul>'
    )
    html = page("<title>T</title>", f"<h1>Bridge closed after cracks found</h1>{BODY}")
    assert parse_html(html.replace("<footer>", f"{card}<footer>")).authors == []


def test_a_hover_card_inside_a_sentence_is_not_read_into_it() -> None:
    sentence = (
        '<p>Mayor <span class="rollover-people"><a href="/people/jd">Jane Doe</a>'
        '<span class="rollover-people-block"><a href="/people/jd">Jane Anne Doe</a>'
        '<a href="/news/1">Mayor opens the ferry pier</a></span></span> said the bridge would '
        "stay closed until the council had seen the engineers' report on its supports.</p>"
    )
    article = f"<h1>Bridge closed after cracks found</h1>{sentence}{BODY}"
    first = parse_html(page("<title>T</title>", article)).paragraphs[0]
    assert first.startswith("Mayor Jane Doe said the bridge would stay closed")


def test_an_address_without_its_scheme_is_no_author() -> None:
    head = ld({"@type": "NewsArticle", "author": "facebook.com/harbourtimes"})
    draft = parse_html(page(head, f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert (draft.authors, draft.credit) == ([], "")


def test_a_person_node_named_as_a_byline_crediting_an_outlet_credits_it() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "von HAFENBLATT"}})
    draft = parse_html(page(head, f"<h1>Bridge closed after cracks found</h1>{BODY}"))
    assert (draft.authors, draft.credit) == ([], "HAFENBLATT")


def test_a_button_run_into_the_name_is_not_part_of_it() -> None:
    byline = '<div class="author-info"><a href="/jm">Jane Marlowe</a><a href="#">Follow</a></div>'
    article = f"<h1>Bridge closed after cracks found</h1>{byline}{BODY}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Marlowe"]


def test_a_day_first_date_under_the_headline_is_read_by_the_declared_moment() -> None:
    head = '<meta property="article:published_time" content="2022-05-04T02:41:00Z">'
    article = f'<h1>Bridge closed after cracks found</h1><p class="meta">3/5/2022 22:41</p>{BODY}'
    published = parse_html(page(head, article, lang="es")).published
    assert published is not None
    assert published.isoformat() == "2022-05-03T22:41:00-04:00"
    # Far from the declared moment, a day-first date stays as written.
    article = f'<h1>Bridge closed after cracks found</h1><p class="meta">09.03.2022</p>{BODY}'
    published = parse_html(page(head, article, lang="de")).published
    assert published is not None and published.date().isoformat() == "2022-03-09"


@pytest.mark.parametrize(
    ("declared", "day"),
    [
        ("2021-11-04T23:00:00Z", "2021-11-05"),  # local midnight in Berlin, stored in UTC
        ("2021-11-04T22:00:00Z", "2021-11-05"),
        ("2021-11-04T23:17:00Z", "2021-11-04"),  # a moment, not a date
        ("2021-11-04T12:00:00Z", "2021-11-04"),
    ],
)
def test_a_date_stored_as_local_midnight_in_utc_is_the_sites_day(declared: str, day: str) -> None:
    head = f'<meta property="article:published_time" content="{declared}">'
    published = parse_html(page(head, BODY, lang="de")).published
    assert published is not None and published.date().isoformat() == day


def test_a_name_after_its_titles_on_a_line_of_its_own_is_one_name() -> None:
    byline = '<h3 class="author-card__title">Prof. Dr.<br>Jane Doe</h3>'
    article = f"<h1>Bridge closed after cracks found</h1>{byline}{BODY}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Prof. Dr. Jane Doe"]


def test_a_post_marked_with_its_authors_class_is_no_byline_box() -> None:
    html = (
        '<html><head><title>T</title></head><body><article class="post author-jane-doe">'
        f"<h1>Bridge closed after cracks found</h1><h2>Ferry Tales and more</h2>{BODY}"
        "</article></body></html>"
    )
    draft = parse_html(html)
    assert (draft.authors, draft.credit) == ([], "")


@pytest.mark.parametrize(
    ("byline", "authors", "credit"),
    [
        ("<p>Von Jane Doe, dpa</p>", ["Jane Doe"], "dpa"),
        ('<p class="author">Jane.Doe am Samstag</p>', [], "Jane.Doe"),
    ],
)
def test_a_german_byline_with_its_agency_or_weekday(
    byline: str, authors: list[str], credit: str
) -> None:
    article = f"<h1>Brücke nach Rissen gesperrt</h1>{byline}{BODY}"
    draft = parse_html(page("<title>T</title>", article, lang="de"))
    assert (draft.authors, draft.credit) == (authors, credit)


@pytest.mark.parametrize("suffix", ["Harbour Times", "harbourtimes", "HarbourTimes.example"])
def test_the_sites_name_as_its_address_spells_it_is_cut_from_the_title(suffix: str) -> None:
    head = (
        f'<meta property="og:title" content="Bridge closed after cracks found - {suffix}">'
        '<link rel="canonical" href="https://www.harbourtimes.example/news/bridge">'
    )
    assert parse_html(page(head, BODY)).title == "Bridge closed after cracks found"


def test_a_byline_just_after_the_text_names_the_author() -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}<p>Posted by Jane Doe at 2:33 PM</p>"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


def test_a_declared_title_that_is_only_the_sites_name_gives_way_to_the_h1() -> None:
    head = (
        '<meta property="og:site_name" content="Wind park shares">'
        '<meta property="og:title" content="Wind park shares | Harbour Power">'
        '<link rel="canonical" href="https://www.harbourpower.example/press/wind">'
    )
    article = f"<h1>Green savings: shares in the wind park go on sale</h1>{BODY}"
    title = parse_html(page(head, article)).title
    assert title == "Green savings: shares in the wind park go on sale"


def test_a_cms_account_named_as_the_author_gives_way_to_the_byline() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "admin"}}
    article = '<h1>Bridge closed after cracks found</h1><p class="byline">By Jane Doe</p>' + BODY
    assert parse_html(page(ld(data), article)).authors == ["Jane Doe"]


def test_an_agency_credit_in_the_byline_after_the_site_naming_itself() -> None:
    data = {
        "@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "Harbour Gazette"},
        "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
    }
    article = (
        "<h1>Bridge closed after cracks found</h1><address>Agencia EFE</address>"
        f"<address>Harbour Street 12</address>{BODY}"
    )
    draft = parse_html(page(ld(data), article))
    assert (draft.authors, draft.credit) == ([], "Agencia EFE")


@pytest.mark.parametrize(
    ("declared", "heading", "title"),
    [
        # The headline's topic, which the declared title leaves out.
        ("Trams run without drivers", "Oslo: Trams run without drivers", "Oslo: Trams run without drivers"),
        ("Trams run without drivers", '"A first": Trams run without drivers', '"A first": Trams run without drivers'),
        # A kicker the markup does not mark, run into the heading.
        ("Trams run without drivers", "Transport news Trams run without drivers", "Trams run without drivers"),
        # A tagline or the author's name that the declared title adds after the headline
        # (one compound word: too short for a headline found inside the declared title).
        ("Apfel-Streusel-Kuchen - saftig vom Blech", "Apfel-Streusel-Kuchen", "Apfel-Streusel-Kuchen"),
        ("Apfel-Streusel-Kuchen von jesusfreak", "Apfel-Streusel-Kuchen", "Apfel-Streusel-Kuchen"),
        # Not a one-word label that the declared title happens to start with.
        ("Oslo - trams run without drivers", "Oslo", "Oslo - trams run without drivers"),
    ],
)  # fmt: skip
def test_the_lone_h1_against_a_declared_title_that_adds_or_drops_words(
    declared: str, heading: str, title: str
) -> None:
    head = f"<meta property=\"og:title\" content='{declared}'>"
    assert parse_html(page(head, f"<h1>{heading}</h1>{BODY}")).title == title


@pytest.mark.parametrize(
    "heading",
    [
        '<span class="visuallyhidden">Headline:</span> Trams run without drivers',
        'Trams run without drivers<span class="sr-only"> | Courier</span>',
        '<span>Trams run without drivers</span><span class="aural">: </span>',
        '<span class="topic">Transport</span><span class="headline">Trams run without drivers</span>',
        '<span>Transport</span><br><span itemprop="headline">Trams run without drivers</span>',
    ],
)
def test_the_headline_leaves_out_screen_reader_labels_and_takes_the_marked_part(
    heading: str,
) -> None:
    page = f"""<html><head><title>Press releases</title></head><body><article>
    <h1>{heading}</h1><p>The city's trams will run without drivers on two lines from next
    spring, the transport authority said on Tuesday.</p></article></body></html>"""
    assert parse_html(page).title == "Trams run without drivers"


def test_the_author_a_labelled_twitter_card_field_names() -> None:
    head = (
        '<meta name="twitter:label1" content="Verfasst von">'
        '<meta name="twitter:data1" content="Karoline Herr">'
        '<meta name="twitter:label2" content="Geschätzte Lesezeit">'
        '<meta name="twitter:data2" content="3 Minuten">'
    )
    assert parse_html(page(head, BODY)).authors == ["Karoline Herr"]


def test_a_twitter_card_field_with_another_label_names_no_author() -> None:
    head = (
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="Jane Doe">'
    )
    assert parse_html(page(head, BODY)).authors == []


def test_a_label_and_a_copy_of_the_headline_above_the_text_are_not_body() -> None:
    head = '<meta property="og:title" content="Bridge closed after cracks found">'
    article = "<p>Review</p><p>Bridge closed after cracks found</p>" + BODY
    assert parse_html(page(head, article)).paragraphs == PARAGRAPHS


def test_a_byline_naming_the_declared_author_and_a_bare_date_label_are_not_body() -> None:
    head = '<meta name="author" content="Robert Burns">'
    article = "<p>Robert Burns, AP National Security Writer</p><p>Updated</p>" + BODY
    draft = parse_html(page(head, article))
    assert (draft.authors, draft.paragraphs) == (["Robert Burns"], PARAGRAPHS)


def test_the_date_on_a_line_with_the_declared_author_is_the_articles() -> None:
    from newsread.index.files.formats.html import _lead_furniture

    draft = Draft(authors=["Daniel Dillenburg"])
    lines = ["1. Februar 2022 , Daniel Dillenburg", *PARAGRAPHS]
    assert _lead_furniture(lines, draft) == PARAGRAPHS
    assert draft.published is not None and draft.published.date().isoformat() == "2022-02-01"


@pytest.mark.parametrize(
    ("address", "authors"),
    [
        ("Jane Doe - http://themes.example", []),
        ("Jane Doe - https://www.harbourblog.example", ["Jane Doe"]),
        ("Jane Doe - www.harbourblog.example", ["Jane Doe"]),
        ("Webwerk GmbH www.webwerk.example", []),
    ],
)
def test_an_author_with_another_site_s_address_made_the_theme(
    address: str, authors: list[str]
) -> None:
    head = (
        '<link rel="canonical" href="https://harbourblog.example/2021/bridge">'
        f'<meta name="author" content="{address}">'
    )
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    draft = parse_html(page(head, article))
    assert (draft.authors, draft.credit) == (authors, "")


def test_a_date_line_whose_time_has_an_unknown_zone_is_the_articles_date() -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>March 3, 2021 - 10:15 WAT</p>{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert draft.published is not None and draft.published.date().isoformat() == "2021-03-03"
    assert draft.paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            "03.05.2021 - Publicado por: Jane Doe - Categoria: Cidade - Tags: ponte, obras",
            ["Jane Doe"],
        ),
        ("By Jane Doe | Category: Local news", ["Jane Doe"]),
        ("Posted: 3 March 2021 | By Jane Doe | Filed under: Local", ["Jane Doe"]),
    ],
)
def test_a_line_of_the_post_s_labelled_details_is_its_byline_not_body(
    line: str, authors: list[str]
) -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.paragraphs) == (authors, PARAGRAPHS)


def test_a_place_and_a_desk_beside_labelled_details_name_no_one() -> None:
    line = "Harbourtown, News Desk | Updated : 19 November 2019, 09:01 AM"
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_byline_below_the_standfirst_is_taken_and_the_standfirst_kept() -> None:
    from newsread.index.files.formats.html import _lead_furniture

    standfirst = (
        "The old bridge will stay shut for half a year: what the closure means for drivers, "
        "for the ferry and for the people of the east bank who rely on it to reach the "
        "hospital every day."
    )
    draft = Draft()
    lines = [standfirst, "von Daniela Obers", *PARAGRAPHS]
    assert _lead_furniture(lines, draft) == [standfirst, *PARAGRAPHS]
    assert draft.authors == ["Daniela Obers"]


@pytest.mark.parametrize(
    "labelled",
    [
        '<p><strong>Autor:</strong> <a href="/profil/207">Klausmartin Friedrich</a></p>',
        '<h4 class="meta-title">Author</h4><p class="meta-text"><a href="/p/1">Nikolai Huke</a></p>',
        "<div><b>Von:</b><br><br>Götz Warnke</div>",
    ],
)
def test_the_person_an_author_label_names(labelled: str) -> None:
    draft = parse_html(page("<title>T</title>", BODY + labelled))
    assert len(draft.authors) == 1 and draft.authors[0] in (
        "Klausmartin Friedrich",
        "Nikolai Huke",
        "Götz Warnke",
    )


def test_an_author_label_in_a_search_form_or_naming_an_account_names_no_one() -> None:
    import lxml.html

    from newsread.index.files.formats.html import _labelled_byline

    form = '<form><span>Von:</span><input name="member"> <span>Jane Doe</span></form>'
    # The first label decides: the one further down is a reader's comment's.
    account = (
        '<p><span>von</span> <a href="/author/admin">uriebe</a></p>'
        "<div><p><span>Autor:</span> Tom Stelling</p><p>A reader's long comment.</p></div>"
    )
    for html in (form, account):
        tree = lxml.html.document_fromstring(f"<html><body>{BODY}{html}</body></html>")
        assert _labelled_byline(tree) == ([], "")


def test_recipe_json_ld_names_the_author_where_no_article_does() -> None:
    recipe = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": "Lemon sheet cake",
        "author": {"@type": "Person", "name": "Mara Quill"},
    }
    draft = parse_html(page(ld(recipe), BODY))
    assert draft.authors == ["Mara Quill"]


@pytest.mark.parametrize("kind", ["VideoObject", "PodcastEpisode"])
def test_a_video_or_episode_pages_json_ld_names_its_maker(kind: str) -> None:
    work = {
        "@type": kind,
        "name": "Lemon sheet cake",
        "author": {"@type": "Person", "name": "Mara Quill"},
    }
    assert parse_html(page(ld(work), BODY)).authors == ["Mara Quill"]


def test_a_video_in_an_article_names_no_writer_of_the_article() -> None:
    article = {"@type": "NewsArticle", "headline": "Bridge closed after cracks found"}
    video = {
        "@type": "VideoObject",
        "name": "Drone footage",
        "author": {"@type": "Person", "name": "Mara Quill"},
    }
    assert parse_html(page(ld([article, video]), BODY)).authors == []


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        (
            'Author: <a href="/authors/mara-quill">Mara Quill</a>, Date: 03.03.21',
            ["Mara Quill"],
            "",
        ),
        (
            'Von <strong><a href="/a/1">Mara Quill</a></strong> und '
            '<strong><a href="/a/2">Tom Reeve</a></strong>',
            ["Mara Quill", "Tom Reeve"],
            "",
        ),
        ('Erstellt von <a href="/author/fabian/">Fabian</a> am Dienstag', [], "Fabian"),
        ("12 May 2021 // Autor: <a href='/u/c1ph4'>c1ph4</a> // 3 min", [], "c1ph4"),
        # A link nested in a link: the parser closes the outer one empty before the name.
        ('Par <a href="/story"><a href="/a/mara-quill">Mara Quill</a></a>', ["Mara Quill"], ""),
    ],
)
def test_a_link_right_after_a_byline_word_names_the_writer(
    line: str, authors: list[str], credit: str
) -> None:
    draft = parse_html(page("", f'<p class="meta">{line}</p>{BODY}'))
    assert (draft.authors, draft.credit) == (authors, credit)


@pytest.mark.parametrize("author", ["EFC Musterstadt", "Mara Quill - Tom Reeve"])
def test_a_writer_linked_after_a_byline_word_beats_a_meta_author_naming_no_one(
    author: str,
) -> None:
    head = f'<meta name="author" content="{author}">'
    line = 'Geschrieben von <a href="/user/6">Cooper</a> am 25.08.2015'
    draft = parse_html(page(head, f'<p class="meta">{line}</p>{BODY}'))
    assert (draft.authors, draft.credit) == ([], "Cooper")


@pytest.mark.parametrize("author", ["Mara Quill", "dpa"])
def test_a_meta_author_naming_a_person_or_an_agency_beats_a_linked_handle(author: str) -> None:
    head = f'<meta name="author" content="{author}">'
    line = 'Geschrieben von <a href="/user/6">Cooper</a> am 25.08.2015'
    draft = parse_html(page(head, f'<p class="meta">{line}</p>{BODY}'))
    assert author in [*draft.authors, draft.credit]


@pytest.mark.parametrize(
    "line",
    [
        'Die schöne Melodie am Ende stammt von <a href="/x">Mara Quill</a>, einer Sängerin',
        'übersetzt von <a href="/x">Mara Quill</a>',
        'Autor: <a href="/anwalt/">Rechtsanwalt</a> Tom Reeve',
        'A portrait of <a href="/m">the mayor</a> by <a href="/x">Mara Quill</a>, with the bridge',
    ],
)
def test_a_link_after_by_in_a_sentence_or_for_other_work_is_no_byline(line: str) -> None:
    draft = parse_html(page("", f"{BODY}<p>{line}</p>"))
    assert "Mara Quill" not in draft.authors
    assert draft.credit != "Rechtsanwalt"


def test_an_email_address_as_meta_author_is_no_name() -> None:
    head = '<meta name="author" content="mara[at]example.org">'
    byline = 'Author: <a rel="author" href="/author/mquill/">mquill</a>'
    draft = parse_html(page(head, f'<p class="meta">{byline}</p>{BODY}'))
    assert (draft.authors, draft.credit) == ([], "mquill")


def test_microdata_date_published_outranks_a_generic_meta_date() -> None:
    head = '<meta name="date" content="2022-01-21T15:38:44+01:00">'
    article = (
        f'{BODY}<div class="footer"><p>Posted <time itemprop="datePublished" '
        'datetime="2022-01-27">27.01.2022</time></p></div>'
        '<ul class="related"><li><time itemprop="datePublished" datetime="2021-05-05">'
        "5.5.2021</time></li></ul>"
    )
    assert parse_html(page(head, article)).published == datetime(2022, 1, 27)


def test_a_related_story_s_microdata_date_is_not_the_article_s() -> None:
    head = '<meta name="date" content="2022-01-21">'
    article = (
        '<ul class="related"><li><time itemprop="datePublished" datetime="2021-05-05">'
        f"5.5.2021</time></li></ul>{BODY}"
    )
    assert parse_html(page(head, article)).published == datetime(2022, 1, 21)


def test_a_person_in_the_text_s_byline_wins_over_a_declared_credit() -> None:
    head = '<meta name="author" content="Town Crier – Das Magazin">'
    draft = parse_html(page(head, f"<p>Von Mara Quill</p>{BODY}"))
    assert (draft.authors, draft.credit) == (["Mara Quill"], "")
    assert draft.paragraphs[0] == PARAGRAPHS[0]


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        # hAtom's hidden "updated" stamp is the last change; the date line after it is read.
        (
            '<span class="updated rich-snippet-hidden">2022-12-07T10:10:52+01:00</span>'
            "<span>25 December 2022</span>",
            datetime(2022, 12, 25).date(),
        ),
        # A <time pubdate> is the publication's, whatever its class.
        ('<time class="updated" pubdate>3 January 2023</time>', datetime(2023, 1, 3).date()),
        # Drupal hides a field's label, not the field.
        ('<time class="field field-label-hidden">03.01.2023</time>', datetime(2023, 1, 3).date()),
    ],
)
def test_the_date_line_under_the_headline_skips_hidden_and_updated_stamps(
    shown: str, day: object
) -> None:
    head = '<meta property="article:published_time" content="2022-12-25T11:00:02+00:00">'
    article = f'<h1>Bridge closed after cracks found</h1><p class="meta">{shown}</p>{BODY}'
    published = parse_html(page(head, article)).published
    assert published is not None and published.date() == day


# --- issue 12: the headline a person reads, where the <h1> or the <title> is not it ---------


def bare_page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    )


def test_a_blog_s_name_in_the_h1_gives_way_to_the_post_s_h2_the_title_names() -> None:
    body = (
        '<div id="top"><h1>Marshland Notes</h1></div>'
        f'<div class="post"><h2>Why the old bridge had to close</h2>{BODY}</div>'
        '<div class="sidebar"><h2>Archive</h2></div>'
    )
    html = bare_page("Why the old bridge had to close | Marshland Notes", body)
    assert parse_html(html).title == "Why the old bridge had to close"


@pytest.mark.parametrize(
    "post", ["Why the old bridge had to close", "■ Why the old bridge had to close"]
)
def test_a_blog_s_name_in_the_h1_gives_way_to_the_post_s_h3_under_its_date(post: str) -> None:
    """A diary's layout (Blogger's classic one): the blog's name in the <h1>, the day in an
    <h2>, the post's title in an <h3>, which a glyph may set off ("■ Headline")."""
    body = (
        '<div id="top"><h1>Marshland Notes</h1></div>'
        f'<div class="day"><h2>2019-02-11</h2><div class="post"><h3>{post}</h3>{BODY}</div></div>'
    )
    html = bare_page("Marshland Notes - Why the old bridge had to close", body)
    assert parse_html(html).title == post


def test_a_japanese_blog_s_long_name_in_the_h1_gives_way_to_the_post_s_h3() -> None:
    """The blog's name in the <h1> has more runs of letters than the post's title, which
    Japanese writes without spaces: lengths are compared in characters."""
    name = "【川の町】＆【渡し船】の最新情報 by川町.com"
    post = "川に架かる新しい橋が今朝開通し、渡し船は運航を終えました"
    body = (
        f'<div id="top"><h1>{name}</h1><h2>川の町の話題を毎日お届けします</h2></div>'
        f'<div class="entry"><h3><a href="/e/1">{post}</a></h3>{BODY}</div>'
    )
    assert parse_html(bare_page(f"{post} - {name}", body)).title == post


def test_the_headline_shown_again_under_the_blog_s_name_is_no_date_line() -> None:
    """The post's title, under the blog's <h1>, names the days its story is about: the
    post's date is on the line under it."""
    post, stamp = "渡し船の時刻表(2020/7/11-12)", "2020年07月12日"
    body = (
        '<div id="top"><h1>Marshland Notes</h1></div>'
        f'<div class="entry"><h3>{post}</h3><p class="date">{stamp}</p>{BODY}</div>'
    )
    draft = parse_html(bare_page(f"{post} - Marshland Notes", body))
    assert draft.title == post
    assert draft.published == datetime(2020, 7, 12)


def test_a_forum_thread_s_h2_is_its_headline_where_the_h1_is_empty() -> None:
    body = (
        '<header><h1><a href="/forum"></a></h1></header>'
        f"<main><h2>Bridge closed, which ferry runs at night ?</h2>{BODY}</main>"
    )
    html = bare_page("Bridge closed, which ferry runs at night ? | eBikes | Forum | Town", body)
    assert parse_html(html).title == "Bridge closed, which ferry runs at night ?"


def test_a_sidebar_h2_that_is_a_short_part_of_the_title_is_not_the_headline() -> None:
    body = (
        f'<h1>Marshland Notes Weekly Blog</h1><div><h2>Travel tips</h2></div><div class="post">'
        f"{BODY}</div>"
    )
    html = bare_page("Travel tips | Marshland Notes Weekly Blog", body)
    assert parse_html(html).title != "Travel tips"


def test_an_h1_with_a_logo_class_is_the_site_s_name_cut_after_a_spaced_colon() -> None:
    body = (
        '<div class="head"><h1 class="logo">Marsh Recipes</h1></div>'
        f'<div class="post"><div class="title"><h2>Basic muffins</h2></div>{BODY}</div>'
    )
    assert parse_html(bare_page("Basic muffins : Marsh Recipes", body)).title == "Basic muffins"


@pytest.mark.parametrize(
    "title",
    [
        "Harbour works - Ferries to run at night - Town Crier",  # the kicker set apart
        "Ferries to run at night",  # the kicker left out
    ],
)
def test_a_kicker_in_the_h1_s_first_element_is_cut_where_the_titles_set_it_apart(
    title: str,
) -> None:
    article = (
        '<h1><style>.k{display:block}</style><span class="k">Harbour works'
        '<span class="hidden-colon">:</span></span> Ferries to run at night</h1>'
        f"{BODY}"
    )
    assert parse_html(page(f"<title>{title}</title>", article)).title == "Ferries to run at night"


def test_a_topic_ending_in_a_colon_on_the_h1_s_first_line_stays_where_the_titles_keep_it() -> None:
    """ "<span>Topic:</span><br><span>Headline</span>" is one headline set on two lines when
    the titles write it whole: the reader reads the topic into it."""
    article = (
        "<h1><span>Row before the council meeting:</span><br>"
        f"<span>Engineers and mayor at odds over the bridge</span></h1>{BODY}"
    )
    whole = "Row before the council meeting: Engineers and mayor at odds over the bridge"
    head = f'<title>{whole} | Town Crier</title><meta property="og:title" content="{whole}">'
    assert parse_html(page(head, article)).title == whole


def test_a_first_element_the_titles_do_not_set_apart_stays_in_the_headline() -> None:
    article = f"<h1><em>Ferries</em> to run at night on the harbour</h1>{BODY}"
    title = "<title>Ferries to run at night on the harbour | Town Crier</title>"
    assert parse_html(page(title, article)).title == "Ferries to run at night on the harbour"


def test_a_site_name_with_separators_of_its_own_is_cut_from_the_title() -> None:
    site = "★★ - Town Crier e.V. - What happens"
    head = f'<meta property="og:site_name" content="{site}">'
    body = f'<div class="widget"><h1>Ferries to run at night</h1></div>{BODY}'
    html = bare_page(f"Ferries to run at night » {site}", body, head)
    assert parse_html(html).title == "Ferries to run at night"


def test_an_h2_beside_the_h1_is_its_subtitle_even_where_the_title_names_both() -> None:
    article = f"<h1>Ferries at night</h1><h2>The harbour gets a night service at last</h2>{BODY}"
    title = "<title>Ferries at night - The harbour gets a night service at last - Town</title>"
    assert parse_html(page(title, article)).title == "Ferries at night"


def test_a_date_stamp_set_apart_before_the_headline_is_not_part_of_it() -> None:
    title = "<title>23.01.2022 - Ferries to run at night - Town Crier</title>"
    article = f"<h1>23.01.2022 - Ferries to run at night</h1>{BODY}"
    assert parse_html(page(title, article)).title == "Ferries to run at night"
    # A day without a year names a series ("30.11. | Book of the week"): it stays.
    title = "<title>30.11. | Book of the week - Town Crier</title>"
    article = f"<h1>30.11. | Book of the week</h1>{BODY}"
    assert parse_html(page(title, article)).title == "30.11. | Book of the week"


def test_a_chinese_site_s_name_set_apart_without_spaces_is_cut_from_the_title() -> None:
    html = bare_page("武汉的声音：有英勇的你，才有英雄的城！-新华网", f"<div>{BODY}</div>")
    assert parse_html(html).title == "武汉的声音：有英勇的你，才有英雄的城！"
    # A hyphen inside a headline's words is not a separator.
    html = bare_page("中美贸易-科技合作论坛今日开幕", f"<div>{BODY}</div>")
    assert parse_html(html).title == "中美贸易-科技合作论坛今日开幕"


def test_the_h1_s_copy_in_the_text_goes_with_the_kicker_cut_from_the_title() -> None:
    article = (
        '<h1><span class="k">Harbour works</span> Ferries to run at night</h1>'
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    )
    title = "<title>Harbour works - Ferries to run at night - Town Crier</title>"
    draft = parse_html(page(title, article))
    assert draft.title == "Ferries to run at night"
    assert draft.paragraphs[0] == PARAGRAPHS[0]


def test_the_h1_s_copy_in_the_text_goes_where_the_title_is_another_headline() -> None:
    # The structured data and the <title> give the headline written for search, og:title the
    # one the page shows: the text under the <h1> does not start with its copy.
    head = (
        "<title>Bridge shut after cracks found - Town Crier</title>"
        + ld({"@type": "NewsArticle", "headline": "Bridge shut after cracks found"})
        + '<meta property="og:title" content="Council closes the old bridge for six months">'
    )
    article = f"<h1>Council closes the old bridge for six months</h1>{BODY}"
    assert parse_html(page(head, article)).paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    ("footer", "author"),
    [
        ("Posted by jdoe @ 12:00 am", "jdoe"),
        ("Eingestellt von jdoe um 10:52", "jdoe"),
        ("Eingestellt von der Michel um 21:11", "der Michel"),
        ("Publicado por Juan Pérez en 21:11", "Juan Pérez"),
    ],
)
def test_a_post_footer_with_its_time_names_a_user_as_the_author(footer: str, author: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}<p>{footer}</p>"
    assert parse_html(page("<title>T</title>", article)).authors == [author]


@pytest.mark.parametrize(
    ("notice", "authors"),
    [
        ("<p><small>© 2009-2012 Jane Doe<br>Hosted by Harbour Hosting</small></p>", ["Jane Doe"]),
        ('<p>(<a href="/cc">Creative Commons</a>) 2006-2008 by Jane Doe</p>', ["Jane Doe"]),
        ("<p>© 2023 Harbour Times</p>", []),
        ("<figure><figcaption>© 2020 Jane Doe</figcaption></figure>", []),
        ("<p>© Jane Doe</p>", []),
        # "(c)" for the sign, no year: the rights the line goes on to name make it the site's.
        ("<p>(c) Jane Doe • Alle Rechte vorbehalten</p>", ["Jane Doe"]),
        ("<p>(c) 2021 Jane Doe</p>", ["Jane Doe"]),
    ],
)
def test_a_personal_sites_copyright_notice_names_the_author(
    notice: str, authors: list[str]
) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    html = page("<title>T</title>", article).replace("</body>", f"<footer>{notice}</footer></body>")
    assert parse_html(html).authors == authors


@pytest.mark.parametrize(
    ("address", "authors", "credit"),
    [
        ("/author/janedoe/", ["Jane Doe"], ""),
        ("/author/jane-doe", ["Jane Doe"], ""),
        # The address gives no name, or another's: the initials stay the credit.
        ("/author/jd/", [], "JD"),
        ("/author/johndoe/", [], "JD"),
    ],
)
def test_a_writer_shown_by_initials_is_named_as_their_page_s_address_and_the_site_spell_it(
    address: str, authors: list[str], credit: str
) -> None:
    article = (
        "<h1>Bridge closed after cracks found</h1><p>Posted by <span class='author vcard'>"
        f"<a class='url fn n' href='{address}' rel='author'>JD</a></span></p>{BODY}"
    )
    licence = "<p>Harbour Notes von Jane Doe steht unter einer Creative Commons Lizenz.</p>"
    html = page("<title>T</title>", article).replace(
        "</body>", f"<footer>{licence}</footer></body>"
    )
    draft = parse_html(html)
    assert (draft.authors, draft.credit) == (authors, credit)


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        ("<p>Jane Doe<br>Chairwoman of the Board</p>", ["Jane Doe"]),
        ("<p><strong>Current Use</strong><br>Student housing</p>", []),
        ('<p><a href="/a">Harbour Links</a><br><a href="/b">More Notes</a></p>', []),
        ("<p>Harbour Night<br>John Roe (music.example)</p>", []),
    ],
)
def test_a_statement_is_signed_by_the_name_over_the_signers_office(
    closing: str, authors: list[str]
) -> None:
    # "<p>Jane Doe<br>Chairwoman</p>" closing a letter or a statement: who signed it. A label
    # in bold over its value, links, or a line with an address under it sign nothing.
    article = f"<h1>A word to our members</h1>{BODY}{closing}"
    assert parse_html(page("<title>T</title>", article)).authors == authors


def test_a_cited_works_microdata_author_is_not_the_articles() -> None:
    # A journal's reference list marks each cited paper up as an item of its own; its
    # `<meta itemprop=author>` names that paper's writer, not the article's.
    references = "".join(
        f'<li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">'
        f'<meta itemprop="author" content="{name}"><p>{name} et al. A study. 2006.</p></li>'
        for name in ("H. Roe", "P. Poe")
    )
    article = (
        f'<h1>Bridge closed after cracks found</h1><p class="author">By Jane Doe</p>{BODY}'
        f"<h2>References</h2><ol>{references}</ol>"
    )
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


def _answered_post(commenter: str, *, by_author: bool = True, site: str = "Harbour Notes") -> str:
    mark = " bypostauthor" if by_author else ""
    comments = (
        '<ol class="commentlist"><li class="comment even depth-1" id="comment-1">'
        '<div class="comment-author vcard"><cite class="fn">John Roe</cite> '
        '<span class="says">says:</span></div><p>Great post, thanks!</p></li>'
        f'<li class="comment byuser comment-author-jdoe{mark} odd depth-1" id="comment-2">'
        f'<div class="comment-author vcard">{commenter} <span class="says">says:</span></div>'
        "<p>Thank you, John!</p></li></ol>"
    )
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    head = f'<title>T</title><meta property="og:site_name" content="{site}">'
    return page(head, article).replace("</body>", f"{comments}</body>")


@pytest.mark.parametrize(
    ("commenter", "by_author", "authors"),
    [
        ('<cite class="fn">Jane Doe</cite>', True, ["Jane Doe"]),
        ('<cite class="fn"><a href="/">jdoe</a></cite>', True, ["jdoe"]),
        ("Jane Doe", True, ["Jane Doe"]),
        ('<cite class="fn">Jane Doe</cite>', False, []),
        ('<cite class="fn">admin</cite>', True, []),
        ('<cite class="fn">harbournotes</cite>', True, []),
    ],
)
def test_the_post_authors_own_comment_names_the_writer_of_a_blog_post(
    commenter: str, by_author: bool, authors: list[str]
) -> None:
    # WordPress marks the comments of the post's author "bypostauthor"; a reader's comment,
    # an account's name or the blog's own name says nothing of who wrote it.
    html = _answered_post(commenter, by_author=by_author)
    assert parse_html(html).authors == authors


def test_a_meta_author_that_is_the_publisher_gives_way_to_the_shown_byline() -> None:
    head = (
        '<title>T</title><meta name="author" content="Harbour Weekly">'
        '<meta name="DC.publisher" content="Harbour Weekly">'
    )
    byline = '<table><tr><td>26 | 01 | 2022</td><td class="authorbold">Jane Doe</td></tr></table>'
    article = f"<h1>Bridge closed after cracks found</h1>{byline}{BODY}"
    assert parse_html(page(head, article)).authors == ["Jane Doe"]


def test_a_meta_author_that_is_the_publisher_is_kept_where_the_byline_names_them_too() -> None:
    head = (
        '<title>T</title><meta name="author" content="Jane Doe">'
        '<meta name="dcterms.publisher" content="Jane Doe">'
    )
    article = f'<h1>Bridge closed after cracks found</h1><p class="author">Jane Doe</p>{BODY}'
    assert parse_html(page(head, article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("layout", "authors"), [("zen-one-sidebar-second", ["Jane Doe"]), ("sidebar", [])]
)
def test_a_byline_in_a_container_named_for_its_sidebar_layout_is_the_articles(
    layout: str, authors: list[str]
) -> None:
    # Drupal's Zen theme names the article's column by its layout: one sidebar beside it.
    column = (
        f'<div class="panel-display {layout}"><h1>Bridge closed after cracks found</h1>{BODY}'
        '<div class="views-row"><span class="author">Jane Doe</span></div></div>'
    )
    html = page("<title>T</title>", "").replace("<article></article>", column)
    assert parse_html(html).authors == authors


def test_a_labelled_byline_inside_the_text_names_the_authors() -> None:
    # Far under the headline (past the text read for a byline there).
    long_text = "".join(f"<p>Absatz {n} über die Brücke und ihre Risse.</p>" for n in range(70))
    byline = "<p>Autoren Jane Doe und John Roe</p>"
    article = f"<h1>Brücke nach Rissen gesperrt</h1>{BODY}{long_text}{byline}{BODY}"
    assert parse_html(page("<title>T</title>", article, lang="de")).authors == [
        "Jane Doe",
        "John Roe",
    ]


@pytest.mark.parametrize(("byline", "authors"), [("Posted by jdoe", ["jdoe"]), ("By Staff", [])])
def test_a_blogs_post_headline_is_its_first_h2_when_its_h1_is_the_blogs_name(
    byline: str, authors: list[str]
) -> None:
    blog = (
        '<div class="top"><h1><a href="/">Harbour Notes</a></h1></div>'
        f'<div class="post"><h2>Bridge closed after cracks found</h2><span class="meta">{byline}'
        f"</span>{BODY}</div>"
    )
    html = page("<title>T</title>", "").replace("<article></article>", blog)
    assert parse_html(html).authors == authors


@pytest.mark.parametrize(
    ("signature", "authors"),
    [
        ('<p align="right"><em>Jane Doe</em></p>', ["Jane Doe"]),
        ('<p style="text-align: right;">– Jane Doe</p>', ["Jane Doe"]),
        ('<p style="text-align: right;">Quelle: Harbour Times</p>', []),
        ("<p>Jane Doe</p>", []),
    ],
)
def test_a_name_set_flush_right_under_the_text_signs_it(signature: str, authors: list[str]) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{signature}<p>(1) A note.</p>"
    long_text = "".join(f"<p>Paragraph {n} about the bridge and its cracks.</p>" for n in range(70))
    html = page("<title>T</title>", article.replace(BODY, BODY + long_text, 1))
    assert parse_html(html).authors == authors


# --- issue 12: the publication date a page shows (date12) ---------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ('<div class="cat">Familie</div><div class="when">17/02/2022</div>', "2022-02-17"),
        ("<div>Von <span>Harbour Times</span> <span>4. 2. 2022.</span></div>", "2022-02-04"),
    ],
)
def test_the_date_line_under_the_headline_dates_a_page_that_declares_none(
    line: str, day: str | None
) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{line}{BODY}"
    published = parse_html(page("<title>T</title>", article)).published
    assert (published.date().isoformat() if published else None) == day


@pytest.mark.parametrize(
    "line",
    [
        "<ul><li>Born</li><li>28 January 1975</li></ul>",  # the subject's date, not the page's
        "<p>Updated: 3 March 2022</p>",
    ],
)
def test_a_line_under_the_headline_that_is_not_the_publications_date_is_passed_over(
    line: str,
) -> None:
    from newsread.index.files.formats.html import _parse_tree, _shown_published

    tree = _parse_tree(page("<title>T</title>", f"<h1>Tanya Chua</h1>{line}{BODY}"))
    assert _shown_published(tree, "Tanya Chua") is None


def test_the_date_line_is_read_under_the_h1_that_is_the_headline() -> None:
    blog = (
        "<h1>Harbour Notes</h1><p>On this blog since 12 May 2001.</p>"
        "<h1>Bridge closed after cracks found</h1><p>19 May 2010</p>" + BODY
    )
    html = page("<title>Bridge closed after cracks found</title>", blog)
    assert parse_html(html).published == datetime(2010, 5, 19)


@pytest.mark.parametrize(
    "tail",
    [
        "<p>Erschienen am: 13.10.2021</p>",
        "<p><span>Erschienen am:</span> <b>13.10.2021</b></p>",
        "<p>Veröffentlicht am 13. Oktober 2021 von Jane Doe</p>",
    ],
)
def test_a_line_labelled_as_the_publications_date_dates_a_page_that_declares_none(
    tail: str,
) -> None:
    changed = "<p>Letzte Änderung: 31.10.2023 - 14:49:39</p>"
    article = f"<h1>Brücke gesperrt</h1>{BODY}{changed}{tail}"
    assert parse_html(page("<title>T</title>", article, lang="de")).published == datetime(
        2021, 10, 13
    )


def test_a_labelled_date_in_a_comment_does_not_date_the_page() -> None:
    comment = '<div class="comment"><p>Veröffentlicht am 1. Januar 2021</p></div>'
    article = f"<h1>Brücke gesperrt</h1>{BODY}{comment}<p>Erschienen am: 13.10.2021</p>"
    html = page("<title>T</title>", article, lang="de")
    assert parse_html(html).published == datetime(2021, 10, 13)


def test_a_labelled_publication_line_below_the_standfirst_beats_a_generic_meta_date() -> None:
    standfirst = "<p>" + "The council closed the old bridge after engineers found cracks. " * 4
    article = f"<h1>Bridge closed</h1>{standfirst}</p><p>Published on:</p><h2>13.10.2021</h2>"
    head = '<meta name="date" content="2021-10-15">'
    assert parse_html(page(head, article + BODY)).published == datetime(2021, 10, 13)
    # Unlabelled, a date there may be anything: the declared one stays.
    unlabelled = article.replace("Published on:", "Photo")
    assert parse_html(page(head, unlabelled + BODY)).published == datetime(2021, 10, 15)


def test_a_shown_date_picks_the_declared_publication_date_it_agrees_with() -> None:
    head = (
        ld({"@type": "NewsArticle", "datePublished": "2021-12-06 14:36"})
        + '<meta property="article:published_time" content="2022-12-15T09:13:00">'
        + '<meta property="article:modified_time" content="2022-12-15T08:13:00Z">'
    )
    standfirst = "<p>" + "Wir lassen es uns an den Feiertagen noch mal richtig schmecken. " * 4
    article = f"<h1>Weihnachten</h1>{standfirst}</p><a>Jane Doe</a><div>15.12.2022</div>{BODY}"
    assert parse_html(page(head, article, lang="de")).published == datetime(2022, 12, 15, 9, 13)


def test_a_comments_time_element_does_not_date_the_article() -> None:
    comment = (
        '<div class="comment"><time datetime="2020-09-23T18:19:06+02:00">23.09.20</time>'
        "<p>Danke!</p></div>"
    )
    comments = f'<div class="comments">{comment * 3}</div>'
    own = '<p>Stand: <time datetime="2020-09-20T10:00:00+02:00">20.09.20</time></p>'
    article = f"<h1>Tomaten richtig schneiden</h1>{comments}{BODY}{own}"
    published = parse_html(page("<title>T</title>", article, lang="de")).published
    assert published is not None and published.date().isoformat() == "2020-09-20"


@pytest.mark.parametrize(
    ("url", "declared", "day"),
    [
        ("https://example.com/2020/02/24/bridge-closed/", "2020-02-25T02:25:54Z", "2020-02-24"),
        ("https://example.com/2020/02/25/bridge-closed/", "2020-02-24T22:25:54Z", "2020-02-25"),
        ("https://example.com/2020/02/24/bridge-closed/", "2020-02-25T15:25:54Z", "2020-02-25"),
        ("https://example.com/2020/02/23/bridge-closed/", "2020-02-25T02:25:54Z", "2020-02-25"),
        ("https://example.com/2020/02/24/bridge/", "2020-02-25T02:25:54+01:00", "2020-02-25"),
        # No site's clock is 11 hours behind UTC: the URL gives the day the story was drafted.
        ("https://example.com/2020/07/08/bridge-closed/", "2020-07-09T10:04:04Z", "2020-07-09"),
    ],
)
def test_a_utc_date_falls_on_the_day_its_url_files_it_under(
    url: str, declared: str, day: str
) -> None:
    head = (
        f'<meta property="og:url" content="{url}">'
        f'<meta property="article:published_time" content="{declared}">'
    )
    published = parse_html(page(head, BODY)).published
    assert published is not None
    assert published.date().isoformat() == day
    # The same moment ("Z" spelt out: Python 3.10's fromisoformat does not read it).
    assert published == datetime.fromisoformat(declared.replace("Z", "+00:00"))


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("19. Oktober 2019", "2019-10-19"),  # Berlin: past midnight
        ("18. Oktober 2019", "2019-10-18"),
        ("vor 2 Stunden", "2019-10-18"),
    ],
)
def test_a_utc_date_falls_on_the_day_its_own_time_element_shows(shown: str, day: str) -> None:
    head = '<meta property="article:published_time" content="2019-10-18T22:04:00Z">'
    long_text = "<p>" + "Die Brücke bleibt nach den Rissen bis auf Weiteres gesperrt. " * 8
    article = (
        f"<h1>Brücke gesperrt</h1>{long_text}</p>{BODY}"
        f'<p class="meta">Stand: <time datetime="2019-10-18T22:04:00Z">{shown}</time></p>'
    )
    published = parse_html(page(head, article, lang="de")).published
    assert published is not None and published.date().isoformat() == day
    assert published == datetime(2019, 10, 18, 22, 4, tzinfo=timezone.utc)


# The headline of HTML pages, second round (issue 12): the <h1> a person reads.


def test_an_h1_reworded_from_every_title_is_the_headline() -> None:
    head = (
        "<title>Lounge: no entry with saver tickets - Rail Blog</title>"
        '<meta property="og:title" content="Lounge: no entry with saver tickets">'
    )
    article = f"<h1>Lounge: no access any more with a saver ticket</h1>{BODY}"
    assert parse_html(page(head, article)).title == "Lounge: no access any more with a saver ticket"


@pytest.mark.parametrize(
    ("h1", "head", "title"),
    [
        # Worded as one of the titles: the titles' order decides (Readability's).
        (
            "Why neon signs light up the century",
            "<title>A history of neon signs</title>"
            '<meta property="og:title" content="The ambitions behind neon signs">'
            '<meta name="twitter:title" content="Why neon signs light up the century">',
            "The ambitions behind neon signs",
        ),
        # No words of the title: a section's label.
        (
            "Allergies Health Center",
            "<title>Peanuts early may avoid allergy</title>",
            "Peanuts early may avoid allergy",
        ),
        # A tagline far shorter than the title it shares words with.
        (
            "Make your browser your own",
            '<meta property="og:title" content="Browser - Customize it and make it your own - '
            'The most flexible browser on the Web">',
            "Browser - Customize it and make it your own - The most flexible browser on the Web",
        ),
    ],
)
def test_an_h1_that_is_not_a_rewritten_headline_leaves_the_title(
    h1: str, head: str, title: str
) -> None:
    assert parse_html(page(head, f"<h1>{h1}</h1>{BODY}")).title == title


@pytest.mark.parametrize(
    ("h1", "declared", "title"),
    [
        # A headline's length, heading the article: the <title> was written for search.
        (
            "Why the harbour ferry will keep running through the winter",
            "Timetable changes and service updates",
            "Why the harbour ferry will keep running through the winter",
        ),
        # A section's label (no sentence): the <title> is the story's.
        (
            "Allergies Health Center",
            "Peanuts early may avoid allergy",
            "Peanuts early may avoid allergy",
        ),
    ],
)
def test_a_lone_article_h1_sharing_no_word_with_the_only_title_is_the_headline(
    h1: str, declared: str, title: str
) -> None:
    """Only a <title>, no metadata title: the <h1> heading the article is what a reader
    sees at the top of it, where it is a sentence (not a section's label)."""
    assert parse_html(page(f"<title>{declared}</title>", f"<h1>{h1}</h1>{BODY}")).title == title


def test_a_lone_h1_outside_the_article_sharing_no_word_leaves_the_title() -> None:
    """A front page's top story in an <h1> (no article element) is not the page's title."""
    html = (
        "<html><head><title>Breaking news, sport and weather from the harbour</title></head>"
        '<body><div class="top"><h1>Why the harbour ferry will keep running all winter</h1>'
        f"</div>{BODY}</body></html>"
    )
    assert parse_html(html).title == "Breaking news, sport and weather from the harbour"


CRUMBS = '<div class="breadcrumbs"><a href="/">Home</a> <a href="/news">News</a> {h1}</div>'


def test_the_headline_under_a_breadcrumb_h1_is_the_article_s_h2() -> None:
    head = (
        "<title>Ferries to run at night | Town Crier</title>"
        '<meta property="og:title" content="Ferries to run at night">'
    )
    crumbs = CRUMBS.format(h1="<h1>Ferries to run at night</h1>")
    article = (
        '<h2><span class="overline">Harbour</span>'
        '<span class="headline">Harbour ferries will run all night</span></h2>'
    )
    html = page(head, article + BODY).replace("<article>", crumbs + "<article>")
    assert parse_html(html).title == "Harbour ferries will run all night"


@pytest.mark.parametrize(
    "h2",
    [
        '<h2 class="subtitle">The night ferries will run from May</h2>',  # in the trail
        "<h2>Night ferries: the harbour</h2>",  # taken from the crumb: a topic
    ],
)
def test_a_breadcrumb_h1_stays_the_headline_beside_its_subtitle_or_topic(h2: str) -> None:
    head = "<title>Night ferries: the harbour runs them from May | Town Crier</title>"
    h1 = "<h1>Night ferries: the harbour runs them from May</h1>"
    in_trail, article = (h1 + h2, BODY) if "subtitle" in h2 else (h1, h2 + BODY)
    html = page(head, article).replace("<article>", CRUMBS.format(h1=in_trail) + "<article>")
    assert parse_html(html).title == "Night ferries: the harbour runs them from May"


REWRITTEN_HEAD = (
    "<title>Lounge: no entry with saver tickets - Rail Blog</title>"
    '<meta property="og:title" content="Lounge: no entry with saver tickets">'
)
REWRITTEN_H1 = "Lounge: no access any more with a saver ticket"


def test_the_body_s_classes_do_not_make_the_h1_page_furniture() -> None:
    html = page(REWRITTEN_HEAD, f"<h1>{REWRITTEN_H1}</h1>{BODY}")
    html = html.replace("<body>", '<body class="single x-navbar-fixed-top has-sidebar">')
    html = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert parse_html(html).title == REWRITTEN_H1


@pytest.mark.parametrize("layout", ["content__header--no-promo", "page--without-sidebar"])
def test_a_header_that_says_it_lacks_furniture_is_not_furniture(layout: str) -> None:
    article = f'<div class="content__header {layout}"><h1>{REWRITTEN_H1}</h1></div>'
    html = page(REWRITTEN_HEAD, article + BODY)
    html = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert parse_html(html).title == REWRITTEN_H1


def test_an_h1_marked_as_the_entry_s_title_is_not_furniture_in_a_sidebar_layout() -> None:
    article = (
        f'<div class="post-wrap sidebar-off"><h1 class="entry-title">{REWRITTEN_H1}</h1></div>'
    )
    assert parse_html(page(REWRITTEN_HEAD, article + BODY)).title == REWRITTEN_H1


def test_an_h1_sharing_only_short_words_with_the_titles_is_another_story() -> None:
    head = (
        "<title>Early reviews for the new console are not kind - Linkhub</title>"
        '<meta property="og:title" content="Early reviews for the new console are not kind">'
    )
    teaser = (
        '<div><h1><a href="https://other.example/deer">Why not fight for the deer?</a></h1></div>'
    )
    html = page(head, f"<h2>Early reviews for the new console are not kind</h2>{BODY}")
    html = html.replace("<footer>", f"{teaser}<footer>")
    assert parse_html(html).title == "Early reviews for the new console are not kind"


def test_the_byline_is_read_under_the_titles_h2_not_under_another_story_s_h1() -> None:
    head = (
        "<title>Early reviews for the new console are not kind - Linkhub</title>"
        '<meta property="og:title" content="Early reviews for the new console are not kind">'
    )
    article = f"<h2>Early reviews for the new console are not kind</h2><p>Jane Doe</p>{BODY}"
    teaser = (
        '<div><h1><a href="https://other.example/deer">Why not fight for the deer?</a></h1>'
        "<p>Weekend Reads</p></div>"
    )
    html = page(head, article).replace("<footer>", f"{teaser}<footer>")
    assert parse_html(html).authors == ["Jane Doe"]


def test_the_title_is_in_composed_unicode() -> None:
    # "ড়" written as one code point, which Unicode composes as two ("ড" and a nukta), and
    # "é" as "e" and an accent, which it composes as one.
    head = "<title>\u09ac\u09be\u09dc\u09bf Cafe\u0301</title>"
    draft = parse_html(page(head, BODY))
    assert draft.title == "\u09ac\u09be\u09a1\u09bc\u09bf Caf\u00e9"


@pytest.mark.parametrize(
    ("shared", "title"),
    [
        # Other words for sharing: the <title> and the <h1> agree on the headline shown.
        ("Ferries will run at night from May", "Harbour works: ferries to run at night"),
        # The same words in other typography: the metadata's stays.
        ("Harbour’s works - ferries to run at night", "Harbour’s works - ferries to run at night"),
    ],
)
def test_the_h1_that_the_title_gives_with_the_site_s_name_is_the_headline(
    shared: str, title: str
) -> None:
    head = (
        "<title>Harbour works: ferries to run at night - Town Crier</title>"
        + ld({"@type": "NewsArticle", "headline": shared})
        + f'<meta property="og:title" content="{shared}">'
    )
    draft = parse_html(page(head, f"<h1>Harbour works: ferries to run at night</h1>{BODY}"))
    assert (draft.title, draft.paragraphs) == (title, PARAGRAPHS)


def test_the_h1_settles_two_og_titles() -> None:
    head = (
        '<meta property="og:title" content="Decanting wine: all you need to know">'
        '<meta property="og:title" content="Decanting wine: all about a special step">'
    )
    article = f"<h1>Decanting wine: all about a special step</h1>{BODY}"
    assert parse_html(page(head, article)).title == "Decanting wine: all about a special step"


def test_an_h1_marked_as_a_strapline_heads_the_h2_headline_below_it() -> None:
    head = "<title>Maps with more details - Route tool update: points of interest</title>"
    article = (
        '<h1 class="strapline">Route tool update: points of interest</h1>'
        f'<h2 class="title">Maps with more details</h2>{BODY}'
    )
    assert parse_html(page(head, article)).title == "Maps with more details"


def test_a_section_laid_out_for_a_sidebar_is_not_the_sidebar() -> None:
    article = f'<section class="l-section for-sidebar at-right"><h1>{REWRITTEN_H1}</h1></section>'
    html = page(REWRITTEN_HEAD, article + BODY)
    html = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert parse_html(html).title == REWRITTEN_H1


def test_the_headline_follows_wordpress_s_blog_archive_label_under_the_blog_s_h1() -> None:
    head = "<title>Time to talk » Blog Archive » More cinemas go digital</title>"
    html = page(head, BODY).replace("<article>", "<h1>Time to talk</h1><article>")
    assert parse_html(html).title == "More cinemas go digital"


def test_the_h1_the_structured_data_names_is_the_headline_even_in_furniture() -> None:
    said = "Airline to join the alliance by spring"
    headline = "Airline sets a new date to join the alliance"
    head = f'<title>{said}</title><meta property="og:title" content="{said}">' + ld(
        {"@type": "NewsArticle", "headline": headline}
    )
    story = f'<div class="above-footer"><h1>{headline}</h1>{BODY}</div>'
    html = page(head, "").replace("<article></article>", story)
    assert parse_html(html).title == "Airline sets a new date to join the alliance"


def test_a_one_word_h1_beside_the_headline_is_a_section_heading() -> None:
    article = f"<h1>{REWRITTEN_H1}</h1>{BODY}<h1>Directions</h1><p>Take the train.</p>"
    assert parse_html(page(REWRITTEN_HEAD, article)).title == REWRITTEN_H1


def test_the_h2_under_a_breadcrumb_h1_is_the_headline_without_the_crumb_s_kicker() -> None:
    head = "<title>Covid-19: Can the spread be controlled? - Science Weekly</title>"
    crumbs = CRUMBS.format(h1="<h1>Covid-19: Can the spread be controlled?</h1>")
    article = (
        '<h2><span class="content__kicker">Covid-19</span><span class="sr-only">: </span>'
        '<span class="content__title">Can the spread be controlled?</span></h2>'
    )
    html = page(head, article + BODY).replace("<article>", crumbs + "<article>")
    assert parse_html(html).title == "Can the spread be controlled?"


def test_a_news_agency_alone_under_the_headline_is_the_credit() -> None:
    article = f'<h1>Bridge closed after cracks found</h1><p class="credit">Reuters</p>{BODY}'
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.credit) == ([], "Reuters")


def test_a_news_agency_named_inside_a_longer_line_is_not_the_credit() -> None:
    article = (
        "<h1>Bridge closed after cracks found</h1>"
        f"<p>Reuters <a href='/photos'>photos</a></p>{BODY}"
    )
    assert parse_html(page("<title>T</title>", article)).credit != "Reuters"


def test_a_name_alone_in_the_last_paragraph_signs_the_text() -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}<p><strong>Jane Doe</strong></p>"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "signed",
    [
        "<p>Jane Doe</p><p>March 3, 2021</p>",
        "<p>Jane Doe, March 3, 2021</p>",
        "<p>Jane Doe | 03.03.2021</p>",
    ],
)
def test_a_name_closing_the_text_with_its_date_signs_it(signed: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{signed}"
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "dated",
    [
        "<p>Berlin, March 3, 2021</p>",
        "<p>Mill Street Society</p><p>March 3, 2021</p>",
        "<p>Questions? Write to our press office:</p><p>Jane Doe</p><p>March 3, 2021</p>",
        "<p>“We will not reopen a bridge we cannot trust, whatever it costs us.”</p>"
        "<p>Jane Doe, March 3, 2021</p>",
    ],
)
def test_a_date_closing_the_text_under_no_signature_names_no_one(dated: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{dated}"
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_name_after_a_contact_label_does_not_sign_the_text() -> None:
    article = (
        f"<h1>Bridge closed after cracks found</h1>{BODY}"
        "<p>Questions about the ferry? Write to our press office:</p><p>Jane Doe</p>"
    )
    assert parse_html(page("<title>T</title>", article)).authors == []


@pytest.mark.parametrize(
    "quotation",
    [
        # A quotation closing the text, its speaker's name under it.
        "<p>“We will not reopen a bridge we cannot trust, whatever it costs us.”</p>"
        "<p>Jane Doe</p>",
        "<p>„Wir öffnen keine Brücke, der wir nicht trauen, was es auch kostet.“</p>"
        "<p>Jane Doe</p>",
        # The speaker named inside the quotation's block.
        "<blockquote><p>We will not reopen a bridge we cannot trust.</p><p>Jane Doe</p>"
        "</blockquote>",
    ],
)
def test_a_name_under_a_closing_quotation_is_its_speaker_not_the_writer(quotation: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{quotation}"
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_quotation_s_cited_speaker_under_the_headline_is_not_the_writer() -> None:
    article = (
        "<h1>Bridge closed after cracks found</h1><blockquote><p>We will not reopen a bridge "
        f"we cannot trust.</p><cite>Jane Doe</cite></blockquote>{BODY}"
    )
    assert parse_html(page("<title>T</title>", article)).authors == []


@pytest.mark.parametrize(
    "terms",
    [
        "<p>Conditions</p><p>Lung Diseases<br>Heart Failure<br>Kidney Stones</p>",
        "<table><tr><td>Conditions</td><td>Lung Diseases<br>Bronchial Neoplasms</td></tr></table>",
    ],
)
def test_the_last_item_of_a_list_closing_the_page_is_no_signature(terms: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{terms}"
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_name_of_its_own_under_a_review_s_details_signs_it() -> None:
    # A book review closes on the book's details, then the reviewer's name in a block of its own.
    details = "<p><strong>Harbour Tales</strong><br>Harbour Press, 320 Seiten</p>"
    article = (
        f"<h1>Bridge closed after cracks found</h1>{BODY}{details}<p><strong>Jane Doe</strong></p>"
    )
    assert parse_html(page("<title>T</title>", article)).authors == ["Jane Doe"]


def test_a_label_s_value_naming_no_one_does_not_reach_the_next_row_s_label() -> None:
    # A record's details, label and value a row each: "Written By" gives a one-word artist,
    # no person's name; the next row's label ("String Arrangement") is no writer.
    row = "<div class='row'><span class='label'>{}</span> <span class='info'>{}</span></div>"
    details = row.format("Written by", "<a href='/a/cher'>Cher</a>") + row.format(
        "String Arrangement", "<a href='/a/cher'>Cher</a>"
    )
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}<h3>Track info</h3>{details}"
    assert parse_html(page("<title>T</title>", article)).authors == []


@pytest.mark.parametrize(
    ("under", "credit"),
    [
        # An editorial desk as a text of its own under the headline and its date: its byline.
        ("<div class='field--person'>Harbour Redaktion</div>", "Harbour"),
        # A link or a heading naming the desk is the page's furniture; "Help Desk" no desk.
        ("<p><a href='/redaktion'>Harbour Redaktion</a></p>", ""),
        ("<h2>Harbour Redaktion</h2>", ""),
        ("<p>Help Desk</p>", ""),
    ],
)
def test_a_desk_alone_under_the_headline_is_its_credit(under: str, credit: str) -> None:
    from newsread.index.files.formats.html import _byline_under_headline, _parse_tree

    article = f"<h1>Bridge closed after cracks found</h1><div>23.12.2022</div>{under}{BODY}"
    tree = _parse_tree(page("<title>T</title>", article))
    assert _byline_under_headline(tree)[:2] == ([], credit)


STANDFIRST = (
    "Engineers found cracks in two supports of the old bridge, and the council has closed it "
    "to traffic for at least six months."
)


def standfirst_page(summary_block: str, *, above: str = "") -> str:
    """A page whose marked-up body (which the extraction keeps alone) follows its summary."""
    head = f'<title>T</title><meta property="og:description" content="{STANDFIRST}">'
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>'
        f'{FURNITURE_HEADER}{above}<div class="article"><h1>Bridge closed after cracks found</h1>'
        f'{summary_block}<div itemprop="articleBody">{BODY}</div></div>{FURNITURE_FOOTER}'
        "</body></html>"
    )


def test_a_summary_shown_under_the_headline_is_the_standfirst() -> None:
    html = standfirst_page(f'<div class="article__summary summary"> {STANDFIRST} </div>')
    assert parse_html(html).paragraphs[:2] == [STANDFIRST, PARAGRAPHS[0]]


def test_a_summary_the_page_shows_above_the_headline_is_not_the_standfirst() -> None:
    # A blog's description is its tagline, in the page's header.
    html = standfirst_page("", above=f'<div class="site-identity">{STANDFIRST}</div>')
    assert STANDFIRST not in parse_html(html).paragraphs


def test_a_summary_the_page_does_not_show_is_not_the_standfirst() -> None:
    assert parse_html(standfirst_page("")).paragraphs[0] == PARAGRAPHS[0]


def test_soft_hyphens_are_no_part_of_the_words() -> None:
    hyphenated = (
        "The coun&shy;cil voted to close the old bridge after engi\u00adneers found cracks."
    )
    article = f"<h1>Bridge clo&#173;sed after cracks found</h1><p>{hyphenated}</p>{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert draft.title == "Bridge closed after cracks found"
    assert draft.paragraphs[0] == (
        "The council voted to close the old bridge after engineers found cracks."
    )


def test_the_byline_the_text_opens_with_wins_over_the_metadatas_author() -> None:
    # The metadata names the account that posted the story (another person), the text who
    # wrote it.
    head = '<title>T</title><meta name="author" content="John Roe">'
    article = f"<h1>Bridge closed after cracks found</h1><p>Von Jane Doe</p>{BODY}"
    assert parse_html(page(head, article, lang="de")).authors == ["Jane Doe"]


def test_a_byline_under_a_short_standfirst_is_read_and_left_out_of_the_text() -> None:
    standfirst = "The old bridge is closed for six months. A ferry will run meanwhile."
    article = (
        f"<h1>Bridge closed after cracks found</h1><p>{standfirst}</p><p>By Jane Doe</p>{BODY}"
    )
    draft = parse_html(page("<title>T</title>", article))
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[:2] == [standfirst, PARAGRAPHS[0]]


# --- the tree's element classes --------------------------------------------------------------

_RANDOM_TAGS = (
    "p div span a form input select option textarea label button h1 article my-widget "
    "math FORM Input LABEL Section x-Label"
).split()


def _random_page(rng: random.Random) -> str:
    """A page of random nesting over tags whose lxml.html classes differ (forms and their
    fields, any case), with comments, entities and processing instructions."""
    parts = ["<html><body>"]
    open_tags: list[str] = []
    for _ in range(rng.randint(1, 60)):
        choice = rng.random()
        if choice < 0.45:
            tag = rng.choice(_RANDOM_TAGS)
            parts.append(f'<{tag} class="c{rng.randint(0, 9)}">')
            open_tags.append(tag)
        elif choice < 0.7 and open_tags:
            parts.append(f"</{open_tags.pop()}>")
        else:
            parts.append(rng.choice(("word ", "&amp; ", "&shy;", "<!-- note -->", "<?pi x?>")))
    return "".join(parts) + "</body></html>"


@pytest.mark.parametrize("seed", range(40))
def test_tree_has_lxml_html_element_classes(seed: int) -> None:
    """The tree's elements get the classes lxml.html's own (Python) lookup gives them."""
    import lxml.html

    from newsread.index.files.formats.html import _parse_tree

    text = _random_page(random.Random(seed))
    ours = _parse_tree(text)
    oracle_parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    theirs = lxml.html.document_fromstring(text.encode("utf-8"), parser=oracle_parser)
    assert ours is not None, f"seed {seed}"
    assert [(e.tag, type(e)) for e in ours.iter()] == [(e.tag, type(e)) for e in theirs.iter()], (
        f"seed {seed}: {text}"
    )


_MARK_PARTS = (
    "author Author AUTHOR autor Auteur writer Writer redakteur journalist contributor by By "
    "line Line name Name link post posted Posted wrote entry meta box teaser - _ __ lobby"
).split()


@pytest.mark.parametrize("seed", range(20))
def test_byline_marks_keep_every_class_the_byline_patterns_find(seed: int) -> None:
    """`_byline_marks` (a plain search first) against `_marks` read by the byline regexes."""
    import lxml.html

    from newsread.index.files.formats.html import (
        _BYLINE_CLASS,
        _NAME_CLASS,
        _byline_marks,
        _marks,
    )

    rng = random.Random(seed)
    for _ in range(200):
        element = lxml.html.Element("div")
        for key in ("class", "id"):
            if rng.random() < 0.7:
                words = ("".join(rng.choices(_MARK_PARTS, k=rng.randint(1, 3))) for _ in range(2))
                element.set(key, " ".join(words))
        marks = _marks(element)
        if _NAME_CLASS.search(marks) or _BYLINE_CLASS.search(marks):
            assert _byline_marks(element) == marks, f"seed {seed}: {dict(element.attrib)}"


# --- issue 12: held authors, dates and titles (html12b) -----------------------------------


@pytest.mark.parametrize(
    ("after", "credit"),
    [
        # Furniture the extraction keeps after the source line: topics, a programme note.
        (
            "<p>Dieses Thema im Programm: Radio Harbour | Nachrichten | 20. April 2021</p>"
            "<p>Verkehr</p><p>Brücken</p>",
            "Harbour Radio/jd",
        ),
        # The text goes on after it: the line credits a quote or a figure, not the text.
        (f"<p>{PARAGRAPHS[1]}</p>", ""),
    ],
)
def test_a_source_line_closing_the_text_before_furniture_credits_it(
    after: str, credit: str
) -> None:
    article = (
        f"<h1>Bridge closed after cracks found</h1>{BODY}"
        f"<p><em>Quelle: Harbour Radio/jd</em></p>{after}"
    )
    draft = parse_html(page("<title>T</title>", article, lang="de"))
    assert (draft.authors, draft.credit) == ([], credit)


@pytest.mark.parametrize(
    ("label", "authors"),
    [
        # The page's "Author" names another person: the metadata's is the posting account.
        ("<dt>Auteur</dt><dd><a href='/staff/jane-doe'>Jane Doe</a></dd>", ["Jane Doe"]),
        ("<dt>Author:</dt><dd>Jane Doe</dd>", ["Jane Doe"]),
        # The same person, or a weaker label ("Text"): the metadata's names stand.
        ("<dt>Author</dt><dd>John Roe</dd>", ["John Roe"]),
        ("<dt>Text</dt><dd>Jane Doe</dd>", ["John Roe"]),
    ],
)
def test_an_author_label_on_the_page_wins_over_the_metadatas_other_person(
    label: str, authors: list[str]
) -> None:
    head = "<title>T</title>" + ld(
        {"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person", "name": "John Roe"}}
    )
    article = f"<h1>Bridge closed after cracks found</h1><dl>{label}</dl>{BODY}"
    assert parse_html(page(head, article)).authors == authors


def test_an_author_label_followed_by_another_label_names_no_one() -> None:
    # A recipe card: "Author:" with its name left out, then "Prep Time: 15 minutes".
    card = "<p><span>Author:</span></p><p><span>Prep Time:</span> <span>15 minutes</span></p>"
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{card}"
    assert parse_html(page("<title>T</title>", article)).authors == []


def test_a_copyright_year_is_no_publication_date() -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    html = page("<title>T</title>", article).replace("Copyright 2021", "© 2019")
    assert parse_html(html).published is None


_LABEL_WORDS = ("Autor:", "By", " von ", "Text", "TEXT", "\n  Author  \n", "yes", "Jane Doe", "x")


@pytest.mark.parametrize("seed", range(30))
def test_label_texts_are_the_short_texts_of_elements_with_no_element_inside(seed: int) -> None:
    """`_LABEL_TEXTS` against the plain XPath it narrows (every short text node holding the
    labels' letters), kept where it is all the text of an element with no element inside."""
    import lxml.html

    from newsread.index.files.formats.html import _LABEL_TEXTS

    rng = random.Random(seed)
    parts = ["<html><body>"]
    depth = 0
    for _ in range(rng.randint(1, 80)):
        choice = rng.random()
        if choice < 0.35:
            parts.append(f"<{rng.choice(('div', 'span', 'strong', 'p', 'dt', 'dd'))}>")
            depth += 1
        elif choice < 0.6 and depth:
            parts.append("</x>" if rng.random() < 0.1 else "</div>")
            depth -= 1
        elif choice < 0.7:
            parts.append("<br>")
        else:
            parts.append(rng.choice(_LABEL_WORDS))
    tree = lxml.html.document_fromstring("".join(parts) + "</body></html>")
    plain = (
        "//body//text()[string-length(normalize-space(.)) <= 16 and (contains(., 'ut')"
        " or contains(., 'on') or contains(., 'y') or contains(., 'ext') or contains(., 'EXT'))]"
    )
    expected = [n for n in tree.xpath(plain) if n.is_text and len(n.getparent()) == 0]
    found = tree.xpath(_LABEL_TEXTS)
    assert [(n.getparent(), str(n)) for n in found] == [
        (n.getparent(), str(n)) for n in expected
    ], f"seed {seed}: {''.join(parts)}"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            'Posted in <a href="/c/news" rel="category tag">News</a> by Jane Doe on August 3, 2019',
            ["Jane Doe"],
        ),
        ('Posted in <a href="/c/news">News</a> by jdoe on August 3, 2019', ["jdoe"]),
        ("Von Jane Doe am 3. März 2020", ["Jane Doe"]),
    ],
)
def test_a_byline_whose_date_went_leaves_no_word_of_it_behind(
    line: str, authors: list[str]
) -> None:
    article = f'<h1>Bridge closed after cracks found</h1><div class="meta">{line}</div>{BODY}'
    assert parse_html(page("<title>T</title>", article)).authors == authors


@pytest.mark.parametrize(
    ("heading", "authors"),
    [
        ("<h2>Bridge closed after cracks found</h2>", ["Jane Doe"]),
        ("<h3>Bridge closed after cracks found</h3>", ["Jane Doe"]),
        # A heading the title does not name is not the headline: what is under it, unread.
        ("<h2>Latest from the council</h2>", []),
    ],
)
@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("Posted on March 3, 2021 by Jane Doe", True),
        # Words shaped like a name, with no byline's words: topics, as often as a writer.
        ("Jane Doe", False),
    ],
)
def test_the_byline_under_a_headline_in_an_h2_on_a_page_with_no_h1(
    heading: str, authors: list[str], line: str, named: bool
) -> None:
    authors = authors if named else []
    post = f'{heading}<div class="meta">{line}</div>{BODY}'
    html = (
        "<html><head><title>Bridge closed after cracks found | Town Blog</title></head>"
        f'<body><div id="content">{post}</div></body></html>'
    )
    assert parse_html(html).authors == authors


@pytest.mark.parametrize(
    ("meta_author", "byline", "authors"),
    [
        # The meta tags and the byline name the writers; the JSON-LD, the posting account.
        ("Jane Doe", '<a rel="author" href="/author/jane-doe">Jane Doe</a>', ["Jane Doe"]),
        # Only the meta tags disagree: the JSON-LD stands.
        ("Jane Doe", '<a rel="author" href="/author/john-roe">John Roe</a>', ["John Roe"]),
        ("Jane Doe", "", ["John Roe"]),
    ],
)
def test_the_json_lds_author_outvoted_by_the_meta_tags_and_the_byline(
    meta_author: str, byline: str, authors: list[str]
) -> None:
    head = f'<title>T</title><meta name="parsely-author" content="{meta_author}">' + ld(
        {"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person", "name": "John Roe"}}
    )
    article = f'<h1>Bridge closed after cracks found</h1><div class="byline">By {byline}</div>'
    if not byline:
        article = "<h1>Bridge closed after cracks found</h1>"
    assert parse_html(page(head, article + BODY)).authors == authors


def test_a_block_shown_only_on_paper_is_not_read_into_the_body() -> None:
    notice = (
        '<div class="print-header"><img src="logo.png"><p>This copy is for your personal use '
        "only. To order copies for your colleagues, visit our reprints desk online.</p></div>"
    )
    kept = (
        '<p class="no-print">A ferry will run every half hour from the east bank '
        "until the bridge opens again, the council said on Wednesday.</p>"
    )
    article = f"{notice}<h1>Bridge closed after cracks found</h1>{kept}{BODY}"
    paragraphs = parse_html(page("<title>T</title>", article)).paragraphs
    assert paragraphs[0].startswith("A ferry will run")
    assert paragraphs[1:] == PARAGRAPHS


CAPTION = (
    "The old bridge over the river, closed since Tuesday, seen from the east bank in the morning."
)


def lead_of(article: str, lines: list[str]) -> list[str]:
    """`lines` as the body's start of a page holding `article`, without its lead furniture."""
    from newsread.index.files.formats.html import _lead_furniture, _LeadMarkup, _prepare

    tree = lxml.html.fromstring(page("<title>T</title>", article))
    return _lead_furniture(lines, Draft(), _LeadMarkup(tree, _prepare(tree)))


def test_a_photo_caption_above_the_text_does_not_open_the_body() -> None:
    photo = (
        f'<ul class="pics"><li><img src="bridge.jpg"><div class="caption-full">{CAPTION}'
        '<a class="more"> less</a></div></li></ul>'
    )
    article = f"<h1>Bridge closed after cracks found</h1>{photo}{BODY}"
    assert lead_of(article, [CAPTION, *PARAGRAPHS]) == PARAGRAPHS
    # With the photographer's credit run on, and in a <figcaption>.
    photo = f"<figure><img src='bridge.jpg'><figcaption>{CAPTION}</figcaption></figure>"
    article = f"<h1>Bridge closed after cracks found</h1>{photo}{BODY}"
    assert lead_of(article, [f"{CAPTION} Photo: J. Roe", *PARAGRAPHS]) == PARAGRAPHS


def test_a_lede_that_a_caption_repeats_is_the_lede() -> None:
    photo = f'<figure><img src="bridge.jpg"><figcaption>{CAPTION}</figcaption></figure>'
    article = f"<h1>Bridge closed after cracks found</h1><p>{CAPTION}</p>{BODY}{photo}"
    assert lead_of(article, [CAPTION, *PARAGRAPHS]) == [CAPTION, *PARAGRAPHS]
    # Nor is a standfirst in a block whose class only ends in "Caption".
    sf = f'<div class="storyMediaCaption"><p class="lead">{CAPTION}</p></div>'
    article = f"<h1>Bridge closed after cracks found</h1>{sf}{BODY}"
    assert lead_of(article, [CAPTION, *PARAGRAPHS]) == [CAPTION, *PARAGRAPHS]


def test_a_wire_credit_in_an_element_of_its_own_is_set_apart_from_the_first_word() -> None:
    lede = f"<p><cite class='source'>(HNS)</cite>{PARAGRAPHS[0]}</p>"
    article = f"<h1>Bridge closed after cracks found</h1>{lede}{BODY}"
    first = parse_html(page("<title>T</title>", article)).paragraphs[0]
    assert first == f"(HNS) {PARAGRAPHS[0]}"


def test_a_tool_bar_s_labels_and_a_lone_by_above_the_text_are_not_body() -> None:
    tools = (
        '<ul class="article-tools"><li class="icon reprint">Order Reprints</li>'
        '<li class="icon">Print Article</li></ul><div class="byline"><span>By</span></div>'
        '<div class="textresizer"><span class="textresizer__label">Text size</span>'
        "<button>+</button></div>"
    )
    article = f"<h1>Bridge closed after cracks found</h1>{tools}{BODY}"
    lines = ["Order Reprints", "Print Article", "By", "Text size", *PARAGRAPHS]
    assert lead_of(article, lines) == PARAGRAPHS
    # The same words in the article's text are its own.
    article = f"<h1>Bridge closed after cracks found</h1><h2>Order Reprints</h2>{BODY}"
    assert lead_of(article, ["Order Reprints", *PARAGRAPHS]) == ["Order Reprints", *PARAGRAPHS]


def test_a_breadcrumb_above_the_text_is_not_body_but_a_table_of_contents_is() -> None:
    trail = '<ol class="breadcrumb"><li><a href="/">Home</a> ›</li><li>Local news</li></ol>'
    article = f"{trail}<h1>Bridge closed after cracks found</h1>{BODY}"
    assert lead_of(article, ["Home ›", "Local news", *PARAGRAPHS]) == PARAGRAPHS
    contents = '<ul><li><a href="#repairs">What the repairs involve</a></li></ul>'
    article = f"<h1>Bridge closed after cracks found</h1>{contents}{BODY}"
    lines = ["What the repairs involve", *PARAGRAPHS]
    assert lead_of(article, lines) == lines


def test_a_long_notice_below_the_standfirst_is_not_body() -> None:
    from newsread.index.files.formats.html import _lead_furniture

    standfirst = "The old bridge is shut for half a year, and the ferry is back ... what a week."
    promo = (
        "Start your week with the Harbour Briefing, written by the Town Crier's newsroom. The "
        "Briefing is the favourite breakfast reading of the east bank's commuters. Sign up "
        "for the free daily newsletter."
    )
    lines = [standfirst, promo, *PARAGRAPHS]
    assert _lead_furniture(lines, Draft()) == [standfirst, *PARAGRAPHS]


def test_the_text_that_opens_a_section_before_its_first_element_is_its_first_paragraph() -> None:
    lede = (
        "A ferry will run every half hour from the east bank until the bridge opens again, "
        "the council said on Wednesday, and tickets will cost the same as the bus."
    )
    section = f'<section class="story">{lede}<p></p><h2>Repairs</h2>{BODY}</section>'
    article = f"<h1>Bridge closed after cracks found</h1>{section}"
    paragraphs = parse_html(page("<title>T</title>", article)).paragraphs
    assert paragraphs[0] == lede


@pytest.mark.parametrize(
    "listing",
    [
        '<section id="comments"><div class="comment"><abbr class="date" title="2018-09-11T10:57:27Z">'
        "11 September 2018</abbr><p>Great piece.</p></div></section>",
        '<div class="relatedPosts"><a href="/other"><span class="date">2018-09-11</span> Other '
        "story</a></div>",
    ],
)  # fmt: skip
def test_a_comment_s_or_another_story_s_date_is_not_the_article_s(listing: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    html = page("<title>T</title>", article).replace("</body>", f"{listing}</body>")
    assert parse_html(html).published is None


def test_the_article_s_own_date_is_found_beside_comments() -> None:
    comments = (
        '<section id="comments"><div class="comment"><abbr class="date" title="2018-09-11">'
        "11 September 2018</abbr><p>Great piece.</p></div></section>"
    )
    article = (
        '<h1>Bridge closed after cracks found</h1><abbr class="published" title="2018-09-30">'
        f"30 September 2018</abbr>{BODY}"
    )
    html = page("<title>T</title>", article).replace("</body>", f"{comments}</body>")
    assert parse_html(html).published == datetime(2018, 9, 30)


def test_a_wrapper_marked_as_having_comments_is_read_for_the_date() -> None:
    html = f"""<html><head><title>T</title></head><body><div id="page" class="has-comments">
    <h1>Bridge closed after cracks found</h1><abbr class="published" title="2018-09-30">30
    September 2018</abbr>{BODY}</div></body></html>"""
    assert parse_html(html).published == datetime(2018, 9, 30)


def test_comments_set_aside_for_the_date_are_put_back() -> None:
    tree = lxml.html.fromstring(
        '<html><body><div class="comments">a<p>b</p></div>tail<div class="related"></div>'
        "<h1>H</h1></body></html>"
    )
    before = lxml.html.tostring(tree)
    with html_module._listings_set_aside(tree):
        assert tree.xpath("//div") == []
    assert lxml.html.tostring(tree) == before


def test_the_date_of_the_json_ld_article_the_titles_name_not_of_a_related_one() -> None:
    related = {
        "@type": "NewsArticle",
        "headline": "Ferry timetable changes",
        "datePublished": "2021-01-01",
    }
    own = {
        "@type": "NewsArticle",
        "headline": "Bridge closed after cracks found",
        "datePublished": "2022-03-03",
    }
    title = "<title>Bridge closed after cracks found | Town Crier</title>"
    draft = parse_html(page(title + ld([related, own]), BODY))
    assert draft.published == datetime(2022, 3, 3)


def test_the_headline_of_the_json_ld_article_at_the_pages_address_not_of_a_related_one() -> None:
    address = "https://towncrier.example/news/bridge-closed"
    related = {
        "@type": "NewsArticle",
        "url": "https://towncrier.example/news/ferry",
        "headline": "Ferry timetable changes",
        "author": {"@type": "Person", "name": "John Roe"},
    }
    own = {
        "@type": "NewsArticle",
        "url": address,
        "headline": "Bridge closed after cracks found",
        "author": {"@type": "Person", "name": "Jane Doe"},
    }
    head = f'<title>Town Crier</title><link rel="canonical" href="{address}">{ld([related, own])}'
    draft = parse_html(page(head, BODY))
    assert (draft.title, draft.authors) == ("Bridge closed after cracks found", ["Jane Doe"])


def test_the_pages_og_url_not_the_first_json_ld_nodes_address_picks_its_article() -> None:
    def node(slug: str, headline: str, day: str) -> dict[str, object]:
        address = f"https://towncrier.example/news/{slug}"
        entity = {"@type": "WebPage", "@id": address}
        return {"@type": "NewsArticle", "mainEntityOfPage": entity, "headline": headline,
                "datePublished": day}  # fmt: skip

    nodes = [
        node("ferry", "Ferry timetable changes", "2021-01-01"),
        node("bridge", "Bridge closed after cracks found", "2022-03-03"),
    ]
    head = '<meta property="og:url" content="https://towncrier.example/news/bridge">'
    draft = parse_html(page(f"<title>Town Crier</title>{head}{ld(nodes)}", BODY))
    assert draft.url == "https://towncrier.example/news/bridge"
    assert (draft.title, draft.published) == (
        "Bridge closed after cracks found",
        datetime(2022, 3, 3),
    )


def test_an_og_url_that_is_only_the_sites_address_gives_way_to_the_json_lds() -> None:
    own = {"@type": "NewsArticle", "url": "https://towncrier.example/news/bridge"}
    head = f'<meta property="og:url" content="https://towncrier.example/">{ld(own)}'
    assert parse_html(page(head, BODY)).url == "https://towncrier.example/news/bridge"


def test_the_time_in_the_headlines_article_not_in_a_box_of_latest_stories_above_it() -> None:
    latest = '<div class="latest"><a href="/x">Ferry timetable changes</a>'
    latest += '<time datetime="2022-05-30">30 May</time></div>'
    article = (
        '<article><h1>Bridge closed after cracks found</h1><time datetime="2022-03-03T08:30">'
        f"3 March</time>{BODY}</article>"
    )
    html = f"<html><head><title>T</title></head><body>{latest}{article}</body></html>"
    assert parse_html(html).published == datetime(2022, 3, 3, 8, 30)


@pytest.mark.parametrize(
    "line",
    [
        "Updated: 9 May 2022 · Published: 3 March 2022",
        "Last updated 9 May 2022 | First published 3 March 2022",
        "Aktualisiert am 09.05.2022 – Veröffentlicht am 03.03.2022",
    ],
)
def test_the_publication_date_after_the_last_change_on_one_line(line: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    assert parse_html(page("<title>T</title>", article)).published == datetime(2022, 3, 3)


# The last change's date line over the publication's, in the languages news sites label both.
UPDATED_OVER_PUBLISHED = [
    ("it", "Ultimo aggiornamento: 14 marzo 2024", "Pubblicato il 12 marzo 2024"),
    ("nl", "Bijgewerkt op 14 maart 2024", "Gepubliceerd op 12 maart 2024"),
    ("pl", "Aktualizacja: 14.03.2024 08:00", "Opublikowano: 12.03.2024 10:03"),
    ("sv", "Uppdaterad 14 mars 2024", "Publicerad 12 mars 2024"),
    ("da", "Opdateret 14. marts 2024 kl. 08.00", "Udgivet 12. marts 2024 kl. 10.03"),
    ("no", "Oppdatert 14.03.2024 08:00", "Publisert 12.03.2024 10:03"),
    ("fi", "Päivitetty 14.3.2024 8:00", "Julkaistu 12.3.2024 10:03"),
    ("cs", "Aktualizováno 14. 3. 2024 8:00", "Publikováno 12. 3. 2024 10:03"),
    ("ro", "Actualizat: 14.03.2024 08:00", "Publicat: 12.03.2024 10:03"),
    ("tr", "Güncelleme: 14.03.2024 08:00", "Yayınlanma: 12.03.2024 10:03"),
    ("uk", "Оновлено 14.03.2024 08:00", "Опубліковано 12.03.2024 10:03"),
    ("el", "Ενημέρωση: 14/03/2024 08:00", "Δημοσίευση: 12/03/2024 10:03"),
    ("id", "Diperbarui 14 Maret 2024, 08:00 WIB", "Diterbitkan 12 Maret 2024, 10:03 WIB"),
    ("ca", "Actualitzat el 14 de març de 2024", "Publicat el 12 de març de 2024"),
    ("hu", "Frissítve: 2024.03.14. 08:00", "Közzétéve: 2024.03.12. 10:03"),
    ("ja", "更新日：2024年3月14日", "公開日：2024年3月12日"),
    ("zh", "更新时间：2024-03-14 08:00", "发布时间：2024-03-12 10:03"),
    ("zh-TW", "更新時間：2024/03/14 08:00", "發布時間：2024/03/12 10:03"),
    ("ko", "수정 2024.03.14 08:00", "입력 2024.03.12 10:03"),
    ("ko", "업데이트 2024-03-14 08:00", "등록 2024-03-12 10:03"),
]


@pytest.mark.parametrize(("lang", "updated", "published"), UPDATED_OVER_PUBLISHED)
def test_the_publication_date_under_the_last_change_s_line(
    lang: str, updated: str, published: str
) -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>{updated}</p><p>{published}</p>{BODY}"
    draft = parse_html(page("<title>T</title>", article, lang=lang))
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_the_publication_date_after_the_last_change_s_sentence() -> None:
    line = "Last updated 14 March 2024. First published 12 March 2024."
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    assert parse_html(page("<title>T</title>", article)).published == datetime(2024, 3, 12)


@pytest.mark.parametrize(
    ("lang", "day"),
    [
        ("fr", "2024-03-12"),
        ("en-GB", "2024-03-12"),
        ("de-CH", "2024-03-12"),
        ("en-US", "2024-12-03"),
        ("en", "2024-12-03"),
    ],
)
def test_a_slashed_date_line_reads_as_the_page_s_language_writes_dates(lang: str, day: str) -> None:
    article = f'<h1>Bridge closed after cracks found</h1><p class="date">12/03/2024</p>{BODY}'
    draft = parse_html(page("<title>T</title>", article, lang=lang))
    assert draft.published is not None and draft.published.date().isoformat() == day


def test_a_slashed_date_in_the_metadata_is_read_as_its_machine_wrote_it() -> None:
    # ASP.NET writes American dates into a German page's metadata; the page shows 1 November.
    head = '<title>T</title><meta name="date" content="11/01/2023 12:43:42">'
    article = f"<h1>Bridge closed after cracks found</h1><p>Erstellt am: 01.11.2023</p>{BODY}"
    draft = parse_html(page(head, article, lang="de"))
    assert draft.published is not None and draft.published.date().isoformat() == "2023-11-01"


@pytest.mark.parametrize(
    "title",
    [
        "Town Crier - Trams will run without drivers",
        "Town Crier | Trams will run without drivers",
        "Town Crier » Trams will run without drivers",
        "Town Crier: Trams will run without drivers",
        "Trams will run without drivers – Town Crier – News for the east bank",
    ],
)
def test_the_site_s_name_as_its_address_spells_it_goes_from_the_title(title: str) -> None:
    head = (
        f'<title>{title}</title><link rel="canonical" href="https://www.towncrier.example/trams">'
    )
    assert parse_html(page(head, BODY)).title == "Trams will run without drivers"


@pytest.mark.parametrize(
    "title",
    ["Transport: Trams will run without drivers", "Town Crier: Trams will run without drivers"],
)
def test_a_title_s_topic_or_an_unnamed_site_stays(title: str) -> None:
    head = f'<title>{title}</title><link rel="canonical" href="https://www.courier.example/trams">'
    assert parse_html(page(head, BODY)).title == title


@pytest.mark.parametrize(
    "marks", ['class="commentary"', 'class="commentary-article"', 'id="commentary"']
)
def test_a_commentary_s_author_box_names_its_writer(marks: str) -> None:
    # A commentary is an opinion article, not readers' comments.
    article = (
        f"<h1>Why the bridge should never have closed</h1>{BODY}"
        '<div class="author-box"><a href="/jane">Jane Doe</a></div>'
    )
    html = f"""<html><head><title>Why the bridge should never have closed</title></head>
    <body><div {marks}>{article}</div></body></html>"""
    assert parse_html(html).authors == ["Jane Doe"]


@pytest.mark.parametrize("title", ["Town Crier - News", "Drucker • Etiketten • Service"])
def test_a_title_of_three_words_set_apart_gives_way_to_a_lone_headline(title: str) -> None:
    article = f"<h1>Trams will run without drivers on two lines</h1>{BODY}"
    assert parse_html(page(f"<title>{title}</title>", article)).title == (
        "Trams will run without drivers on two lines"
    )


@pytest.mark.parametrize(
    "post_head",
    [
        '<img class="avatar avatar-20" src="a.jpg" alt="Profile picture"> <a href="/u/7">kitebird</a>',
        '<img class="avatar" src="a.jpg" alt="Avatar of kitebird">',
        '<span class="user"><img class="user-Avatar" src="a.jpg" title="kitebird"></span>',
    ],
)
def test_the_avatar_beside_the_headline_names_the_poster(post_head: str) -> None:
    article = f"<header><h1>Two jars of coffee for the price of one</h1>{post_head}</header>{BODY}"
    draft = parse_html(page("", article))
    assert (draft.authors, draft.credit) == ([], "kitebird")  # a handle, as the credit
    # A person's name is an author.
    draft = parse_html(page("", article.replace("kitebird", "Kit Bird")))
    assert (draft.authors, draft.credit) == (["Kit Bird"], "")


@pytest.mark.parametrize("name", ["ERBOL", "Redaktion", "Staff"])
def test_an_avatar_of_an_agency_or_a_desk_names_no_one(name: str) -> None:
    avatar = f'<img class="avatar" src="a.jpg" alt="{name}">'
    article = f"<h1>Two jars of coffee for the price of one</h1>{avatar}{BODY}"
    draft = parse_html(page("", article))
    assert (draft.authors, draft.credit) == ([], "")


def test_a_commenters_avatar_names_no_one() -> None:
    comment = (
        '<div class="comment"><img class="avatar" src="b.jpg" alt="Avatar of grumbler">'
        "<p>Too dear.</p></div>"
    )
    article = f"<h1>Two jars of coffee for the price of one</h1>{comment}{BODY}"
    draft = parse_html(page("", article))
    assert (draft.authors, draft.credit) == ([], "")


def test_a_gallery_s_credits_counter_and_buttons_above_the_text_are_not_body() -> None:
    gallery = ["Photo: J. Roe, AP", "Photo: J. Roe, AP", "Image 1 of 8", "Caption", "Close"]
    lines = ["By Jane Doe", "Updated", *gallery, *PARAGRAPHS]
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}"
    assert lead_of(article, lines) == PARAGRAPHS


def test_a_photo_credit_under_the_headline_is_not_the_story_s_credit() -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>Photo: J. Roe, AP</p>{BODY}"
    assert parse_html(page("", article)).credit == ""


def test_a_line_naming_the_poster_s_handle_and_a_date_above_the_text_is_not_body() -> None:
    head = (
        '<img class="avatar" src="a.jpg" alt="Profile picture"> <a href="/u/7">kitebird</a> '
        "18.10.2019, 15:07"
    )
    article = f"<header><h1>Two jars of coffee for the price of one</h1>{head}</header>{BODY}"
    draft = parse_html(page("", article))
    assert (draft.credit, draft.paragraphs) == ("kitebird", PARAGRAPHS)


_CHINESE_STORY = (
    "<h1>武汉封城二十七天后的一天</h1>"
    "<p>越是到疫情防控最为吃劲的时候，越是需要汇聚信心与力量。武汉封城二十七天后，湖北以外地区每日确诊病例迎来十五连降。</p>"
    "<p>疫情虽在持续，但希望就在继续努力之中。正是有了英勇的你们，才有这座英雄的城市，也才有今天的好消息。</p>"
)


@pytest.mark.parametrize(
    "credit_line",
    [
        "<div class='editor'>责任编辑：焦鹏</div>",
        "<div class='editor'><span>责任编辑：</span><span>焦鹏</span></div>",
    ],
)
def test_a_chinese_editor_in_charge_below_the_text_is_the_byline(credit_line: str) -> None:
    html = page("<title>武汉封城二十七天后的一天</title>", _CHINESE_STORY + credit_line, lang="zh")
    assert parse_html(html).authors == ["焦鹏"]


def test_a_chinese_byline_in_a_list_of_other_stories_is_not_the_article_s() -> None:
    related = "<div class='related-articles'><p>记者 王小明</p></div>"
    html = page("<title>武汉封城二十七天后的一天</title>", _CHINESE_STORY + related, lang="zh")
    assert parse_html(html).authors == []


@pytest.mark.parametrize(
    ("opening", "count"),
    [('<font face="Arial">', 400), ('<div class="item">', 400), ("<div>", 2600)],
)
def test_a_page_nested_past_the_parsers_depth_limit_keeps_all_its_text(
    opening: str, count: int
) -> None:
    """Old pages never close a <font> or <div> a paragraph: libxml2 silently dropped every
    paragraph past 255 levels of nesting (253 of 400 read), and past 2,048 with huge_tree."""
    paragraphs = "\n".join(
        f"{opening}<p>Paragraph number{i} of the council minutes, read aloud at the meeting.</p>"
        for i in range(count)
    )
    page = f"<html><head><title>Minutes</title></head><body>{paragraphs}</body></html>"
    text = "\n".join(parse_html(page).paragraphs)
    assert all(f"number{i} " in text for i in range(count))


@pytest.mark.parametrize(
    ("headline", "byline", "paragraphs"),
    [
        (
            "中国人民银行宣布降准",
            "记者 王小明",
            [
                "中国人民银行1日宣布，决定于3月5日下调金融机构存款准备金率0.5个百分点。",
                "经济学家认为，此次降准将支持稳就业和稳增长。",
                "市场人士表示，股市和债市反应积极。",
            ],
        ),
        (
            "Bank cuts rates",
            "By Jane Roe",
            [
                "The central bank cut its reserve ratio on Friday.",
                "Economists said it would support growth.",
                "Markets rose.",
            ],
        ),
    ],
)
def test_a_page_of_little_text_keeps_its_paragraphs_apart_from_headline_and_byline(
    headline: str, byline: str, paragraphs: list[str]
) -> None:
    # Under 250 characters trafilatura hands back the whole <article> as one block.
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f"<html><head><title>{headline} | Site</title></head><body><article>"
        f'<h1>{headline}</h1><p class="byline">{byline}</p>{body}</article></body></html>'
    )
    draft = parse_html(page)
    assert draft.title == headline
    assert draft.paragraphs == paragraphs


def test_a_line_break_between_chinese_characters_is_no_space() -> None:
    page = (
        "<html><body><article><h1>央行宣布降准</h1><p>中国人民银行1日宣布，决定下调存款准备金率，预\n"
        "计将释放长期资金约1万亿元。此次降准是今年以来的第一次降准，市场此前已有预期。经济学家认为，\n"
        "此次降准将支持稳就业和稳增长。市场人士表示，股市和债市反应积极，上证指数上涨百分之一点二。\n"
        "分析师指出，央行还可能在未来几个月进一步下调利率，以支持房地产市场的稳定和消费的恢复。</p>"
        "<p>A line of English\nwrapped keeps its space.</p></article></body></html>"
    )
    draft = parse_html(page)
    assert draft.paragraphs[0].startswith("中国人民银行1日宣布，决定下调存款准备金率，预计将释放")
    assert " " not in draft.paragraphs[0]
    assert draft.paragraphs[1] == "A line of English wrapped keeps its space."


def test_a_blogger_post_s_byline_element_names_its_writers() -> None:
    # Blogger puts every post in `<div class="widget Blog">` and writes "Posted by" names.
    post = (
        '<div class="widget Blog" id="Blog1"><div class="post"><h1>Trams will run without '
        'drivers</h1><div class="post-body"><span class="byline-author">Posted by Jane Doe and '
        f"John Roe</span>{BODY}</div></div></div>"
    )
    html = f"<html><head><title>Trams</title></head><body>{post}</body></html>"
    assert parse_html(html).authors == ["Jane Doe", "John Roe"]


def test_a_byline_under_a_standfirst_set_as_a_heading_names_the_writer() -> None:
    standfirst = (
        "On the way through two old cities with a great deal of past and an interesting "
        "future at the table: art and food along the river, from the morning market to the "
        "last tram of the night, with the cooks who keep the old recipes alive."
    )
    layout = '<div class="layoutTwoColumnsRightSidebar"><div class="content">{}</div></div>'
    post = (
        f"<header><h2>The historic somersault</h2></header><h3><strong>{standfirst}</strong>"
        f"</h3><p><em>Text by Jane Doe</em></p>{BODY}"
    )
    html = (
        "<html><head><title>The historic somersault: Courier</title></head><body>"
        f"{layout.format(post)}</body></html>"
    )
    assert parse_html(html).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("04.02.2022 | 13:10 Uhr | Jane Doe", ["Jane Doe"]),
        ("Jane Doe · 12 March 2024", ["Jane Doe"]),
        ("04.02.2022 | Sport", []),
        ("Jane Doe | John Roe", []),
    ],
)
def test_a_name_beside_the_date_over_the_headline_is_the_byline(
    line: str, authors: list[str]
) -> None:
    article = f"<small>{line}</small><h1>Bridge closed after cracks found</h1>{BODY}"
    assert parse_html(page("<title>Bridge closed</title>", article)).authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ('Submitted by <span class="username">jdoe</span> on Tue, 03/12/2024 - 10:15', ["jdoe"]),
        ("von <em>Jane Doe</em> und <em>John Roe</em>", ["Jane Doe", "John Roe"]),
        ("Posted by <strong>jdoe</strong> on March 12, 2024 at 10:15 PM", ["jdoe"]),
        ("Von <b>jdoe</b> am 07.08.2013 um 09:07 Uhr", ["jdoe"]),
        ("di <b>Mario Rossi</b>", ["Mario Rossi"]),
    ],
)
def test_a_byline_whose_names_are_set_in_their_own_elements_names_them(
    line: str, authors: list[str]
) -> None:
    article = f"<h1>Bridge closed after cracks found</h1><div>{line}</div>{BODY}"
    assert parse_html(page("<title>Bridge closed</title>", article)).authors == authors


def test_a_writer_and_agency_closing_the_text_are_the_byline_and_the_credit() -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}<p>Jane Doe / dpa</p>"
    draft = parse_html(page("<title>Bridge closed</title>", article))
    assert (draft.authors, draft.credit) == (["Jane Doe"], "dpa")


def test_an_author_box_whose_bio_opens_with_the_name_names_the_writer() -> None:
    box = (
        '<div class="author-box"><h4>About the author</h4><p><strong>Jane Doe</strong> is '
        "our transport reporter.</p></div>"
    )
    article = f"<h1>Bridge closed after cracks found</h1>{BODY}{box}"
    assert parse_html(page("<title>Bridge closed</title>", article)).authors == ["Jane Doe"]


def test_a_byline_just_over_the_headline_names_the_writer() -> None:
    html = (
        "<html><head><title>Bridge closed after cracks found | Courier</title></head><body>"
        '<div class="content"><article><div>By Jane Doe</div><h1>Bridge closed after cracks '
        f"found</h1>{BODY}</article></div></body></html>"
    )
    assert parse_html(html).authors == ["Jane Doe"]


def test_a_bare_name_with_academic_titles_under_the_headline_names_the_writer() -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>Prof. Dr. Jane Doe</p>{BODY}"
    draft = parse_html(page("<title>Bridge closed</title>", article))
    assert draft.authors == ["Prof. Dr. Jane Doe"]


def test_an_agency_beside_the_date_under_the_headline_is_the_credit() -> None:
    article = f'<h1>Bridge closed after cracks found</h1><p class="meta">12.03.2024 | dpa</p>{BODY}'
    assert parse_html(page("<title>Bridge closed</title>", article)).credit == "dpa"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [("بقلم: سارة علي", ["سارة علي"]), ("بقلم: سارة علي ومحمد أحمد", ["سارة علي", "محمد أحمد"])],
)
def test_a_labelled_byline_under_the_headline_names_the_writer_in_arabic(
    byline: str, authors: list[str]
) -> None:
    """No capital marks an Arabic name: the byline's label does ("بقلم", "by the pen of")."""
    text = (
        "القاهرة - ارتفعت أسعار الذهب إلى مستوى قياسي جديد اليوم، وسط مخاوف من التضخم. وقال"
        " متعاملون إن الطلب على الذهب قوي جدا في الأسواق المحلية والعالمية."
    )
    page = (
        "<html lang='ar'><head><title>ارتفاع أسعار الذهب</title></head><body><article>"
        f"<h1>ارتفاع أسعار الذهب إلى مستوى قياسي</h1><p class='byline'>{byline}</p>"
        f"<p>{text}</p><p>وتوقع محللون استمرار الارتفاع خلال الأسابيع المقبلة.</p>"
        "</article></body></html>"
    )
    draft = parse_html(page)
    assert draft.authors == authors
    assert draft.paragraphs[0] == text


# --- issue 12: a headline set on lines of its own ------------------------------------------

_TRAM_LEDE = (
    "The city's trams will run without drivers on two lines from next spring, the transport "
    "authority said on Tuesday, after a trial that ran for eighteen months."
)
_TRAM_BODY = "".join(
    f"<p>{text}</p>"
    for text in (
        "Engineers tested the system on the harbour line at night, when the trams carried no "
        "passengers, and later during the day with a driver on board to take over if needed.",
        "The drivers' union said it would oppose the plan, which it called a threat to safety "
        "and to hundreds of jobs, and announced a meeting of its members for next week.",
    )
)


def _tram_page(title: str, h1: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article>{h1}<p>{_TRAM_LEDE}</p>{_TRAM_BODY}</article></main></body></html>"
    )


def test_a_headline_set_on_two_lines_does_not_open_the_body() -> None:
    # "<br>" in the <h1>: the extraction gives each line as a paragraph over the lede.
    page = _tram_page(
        "Driverless trams: on two lines from spring | Courier",
        "<h1>Driverless trams:<br>on two lines from spring</h1>",
    )
    draft = parse_html(page)
    assert draft.title == "Driverless trams: on two lines from spring"
    assert draft.paragraphs[0] == _TRAM_LEDE


def test_a_name_with_its_agency_in_brackets_under_the_headline_is_the_byline() -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        "<h1>Driverless trams on two lines from spring</h1><p>Jane Doe (dpa)</p>",
    )
    draft = parse_html(page)
    assert (draft.authors, draft.credit) == (["Jane Doe"], "dpa")
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    "meta",
    [
        "12 March 2024 / 09:30 / Jane Doe",
        "12 March 2024 | 09:30 | Jane Doe",
        "12.03.2024 · 09:30 Uhr · Jane Doe",
        "Jane Doe / 12 March 2024 / 09:30",
        "Jane Doe | 12 March 2024 | 09:30",
    ],
)
def test_a_date_line_with_time_and_name_run_together_under_the_headline(meta: str) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{meta}</p>",
    )
    draft = parse_html(page)
    assert draft.authors == ["Jane Doe"]
    assert draft.published == datetime(2024, 3, 12, 9, 30)
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("From our correspondent Jane Doe", ["Jane Doe"]),
        ("Jane Doe, our correspondent in Paris", ["Jane Doe"]),
        ("From our correspondent in Paris", []),
    ],
)
def test_a_correspondents_credit_under_the_headline_is_the_byline(
    line: str, authors: list[str]
) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{line}</p>",
    )
    draft = parse_html(page)
    assert draft.authors == authors
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    ("h1", "head"),
    [
        (
            "Driverless trams on two lines from spring - Northfield Courier",
            '<meta property="og:site_name" content="Northfield Courier">',
        ),
        (
            "Driverless trams on two lines from spring | Northfield Courier",
            '<meta property="og:site_name" content="Northfield Courier">',
        ),
        (
            "Driverless trams on two lines from spring – Northfield Courier",
            '<link rel="canonical" href="https://www.northfieldcourier.com/news/1">',
        ),
        (
            "Driverless trams on two lines from spring | NorthfieldCourier.com",
            '<link rel="canonical" href="https://northfieldcourier.com/news/1">',
        ),
    ],
)
def test_the_sites_name_after_the_visible_headline_is_cut(h1: str, head: str) -> None:
    page = (
        f"<html><head><title>Trams | Northfield Courier</title>{head}</head><body>"
        f"<main><article><h1>{h1}</h1><p>{_TRAM_LEDE}</p>{_TRAM_BODY}</article></main></body></html>"
    )
    draft = parse_html(page)
    assert draft.title == "Driverless trams on two lines from spring"
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    ("h1", "head"),
    [
        # A speaker or a name the page does not give its site stays in the headline.
        ("Talks to resume - Minister", '<meta property="og:site_name" content="Courier">'),
        ("Driverless trams on two lines from spring - Northfield Courier", ""),
    ],
)
def test_a_tail_the_page_does_not_name_its_site_stays_in_the_headline(h1: str, head: str) -> None:
    page = _tram_page(h1, f"<h1>{h1}</h1>").replace("</title>", f"</title>{head}")
    assert parse_html(page).title == h1


_STANDFIRST = "Two lines will go driverless next year, a first for the region's transport network"


@pytest.mark.parametrize(
    "between",
    [
        "<p>Image: Getty</p><p>By Jane Doe</p>",
        "<p>(Foto: dpa)</p><p>By Jane Doe</p>",
        "<figure><img src='t.jpg'><figcaption>Photo: Reuters</figcaption></figure><p>By Jane Doe</p>",
        "<p>By Jane Doe</p>",
    ],
)
def test_a_standfirst_without_a_stop_stays_the_lede_over_a_credit_and_byline(between: str) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{_STANDFIRST}</p>{between}",
    )
    draft = parse_html(page)
    assert draft.paragraphs[:2] == [_STANDFIRST, _TRAM_LEDE]
    assert draft.authors == ["Jane Doe"]


def test_an_interview_question_naming_the_interviewer_stays_in_the_text() -> None:
    question = "Jane Doe: Where did you first hear of the driverless trams?"
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{_STANDFIRST}</p><p>{question}</p>",
    ).replace("</title>", '</title><meta name="author" content="Jane Doe">')
    assert question in parse_html(page).paragraphs


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("Της Μαρίας Παπαδοπούλου", ["Μαρία Παπαδοπούλου"], None),
        ("۲۵ اسفند ۱۴۰۲", [], datetime(2024, 3, 15)),
        ("วันศุกร์ที่ 15 มีนาคม พ.ศ. 2567", [], datetime(2024, 3, 15)),
    ],
)
def test_greek_bylines_and_other_calendars_date_lines_under_the_headline(
    line: str, authors: list[str], published: datetime | None
) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{line}</p>",
    )
    draft = parse_html(page)
    assert (draft.authors, draft.published) == (authors, published)
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    "line", ["Tuesday 12 March 2024 09.30 GMT", "Wednesday, March 13, 2024 10:15 EDT"]
)
def test_a_date_line_with_its_weekday_and_zone_names_no_one(line: str) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>{line}</p>",
    )
    draft = parse_html(page)
    assert draft.authors == []
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    "below", ["<p>Transport Correspondent</p><p>12 March 2024</p>", "<p>12 March 2024</p>"]
)
def test_the_writers_name_over_a_role_or_date_set_a_line_each_is_no_text(below: str) -> None:
    page = _tram_page(
        "Driverless trams on two lines from spring",
        f"<h1>Driverless trams on two lines from spring</h1><p>Jane Doe</p>{below}",
    )
    draft = parse_html(page)
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[0] == _TRAM_LEDE


def _no_h1_page(title: str, article: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article>{article}<p>{_TRAM_LEDE}</p>{_TRAM_BODY}</article></main></body></html>"
    )


@pytest.mark.parametrize("mark", ["entry-title", "post-title", "article__title", "headline"])
def test_a_post_title_marked_as_one_is_the_headline_where_the_title_is_the_sites(
    mark: str,
) -> None:
    page = _no_h1_page(
        "Northfield Courier",
        f"<h2 class='{mark}'>Driverless trams on two lines from spring</h2>",
    )
    draft = parse_html(page)
    assert draft.title == "Driverless trams on two lines from spring"
    assert draft.paragraphs[0] == _TRAM_LEDE


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Northfield Courier | Driverless trams on two lines from spring",
            "Driverless trams on two lines from spring",
        ),
        # A short title's parts are both the title's.
        ("Google - Site Reliability Engineering", "Google - Site Reliability Engineering"),
        ("Magic Cleaning | sheego ♥ Magazin", "Magic Cleaning | sheego ♥ Magazin"),
    ],
)
def test_a_site_name_set_before_the_headline_in_the_title_is_cut(title: str, expected: str) -> None:
    assert parse_html(_no_h1_page(title, "<div></div>")).title == expected


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Door Jan Jansen en Piet de Vries", ["Jan Jansen", "Piet de Vries"]),
        ("Av Erik Larsson och Anna Berg", ["Erik Larsson", "Anna Berg"]),
        ("Af Mette Hansen og Lars Nielsen", ["Mette Hansen", "Lars Nielsen"]),
        ("Od Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ],
)
def test_a_byline_element_in_dutch_nordic_or_polish_names_both_writers(
    byline: str, authors: list[str]
) -> None:
    article = f'<h1>Bridge closed after cracks found</h1><p class="byline">{byline}</p>{BODY}'
    draft = parse_html(page("<title>T</title>", article))
    assert (draft.authors, draft.paragraphs) == (authors, PARAGRAPHS)


@pytest.mark.parametrize("between", ["", "\n", " ", ", ", " and ", " &amp; "])
def test_writers_linked_one_by_one_in_a_byline_are_each_an_author(between: str) -> None:
    # Themes set the links apart with CSS alone ("Jane Doe</a><a ...>John Roe"), or one a
    # line in the markup, which showed only the first.
    links = between.join(
        f'<a href="/author/{slug}/">{name}</a>'
        for slug, name in (("jane-doe", "Jane Doe"), ("john-roe", "John Roe"))
    )
    article = f'<h1>Bridge closed after cracks found</h1><div class="article-authors">{links}</div>'
    draft = parse_html(page("<title>T</title>", article + BODY))
    assert (draft.authors, draft.paragraphs) == (["Jane Doe", "John Roe"], PARAGRAPHS)


def test_a_writer_s_link_beside_other_words_is_read_with_the_byline() -> None:
    byline = (
        '<div class="byline"><a href="/author/jane-doe/">Jane Doe</a> '
        '<a href="/desk/transport/">Transport Correspondent</a></div>'
    )
    draft = parse_html(page("<title>T</title>", f"<h1>Bridge closed</h1>{byline}{BODY}"))
    assert draft.authors == ["Jane Doe"]


def test_writers_linked_after_a_lone_by_under_the_headline_are_all_authors() -> None:
    # Reuters' byline: "By", each writer a link, in a block no class marks as a byline.
    byline = (
        '<div data-testid="AuthorNameList">By <a href="/authors/jane-doe/">Jane Doe</a> and '
        '<a href="/authors/john-roe/">John Roe</a></div>'
    )
    article = f"<h1>Bridge closed</h1>{byline}{BODY}"
    draft = parse_html(page("<title>Bridge closed</title>", article))
    assert (draft.authors, draft.paragraphs) == (["Jane Doe", "John Roe"], PARAGRAPHS)


def test_a_writer_s_link_run_against_their_role_in_an_author_card() -> None:
    # The card's style sets them apart; the markup runs them together.
    card = (
        '<div class="author-card"><img src="/jane.jpg" alt=""><div>'
        '<a href="/author/jane-doe">Jane Doe</a><span>Senior Reporter</span></div></div>'
    )
    draft = parse_html(page("<title>T</title>", f"<h1>Bridge closed</h1>{BODY}{card}"))
    assert draft.authors == ["Jane Doe"]


def test_a_shop_s_disclosure_over_the_text_is_no_standfirst() -> None:
    notice = "<p>This article contains affiliate links. We may earn a commission.</p>"
    article = f"<h1>Bridge closed after cracks found</h1>{notice}{BODY}"
    draft = parse_html(page("<title>Bridge closed after cracks found</title>", article))
    assert draft.paragraphs == PARAGRAPHS


@pytest.mark.parametrize("account", ["jdoe", "janedoe", "jane.doe", "doej", "jane", "jane-d"])
def test_a_cms_account_made_of_the_byline_s_name_gives_way_to_the_name(account: str) -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": account}}
    article = '<h1>Bridge closed after cracks found</h1><p class="byline">By Jane Doe</p>' + BODY
    assert parse_html(page(ld(data), article)).authors == ["Jane Doe"]


@pytest.mark.parametrize("account", ["jesusfreak", "janex", "jo"])
def test_an_account_of_another_name_than_the_byline_s_stays(account: str) -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": account}}
    article = '<h1>Bridge closed after cracks found</h1><p class="byline">By Jane Doe</p>' + BODY
    assert parse_html(page(ld(data), article)).authors == [account]


@pytest.mark.parametrize(
    "line",
    [
        "March 12, 2024 at 9:30 a.m.",
        "Tuesday, March 12, 2024 9:30 p.m.",
        "12 de marzo de 2024 - 9:30 a. m.",
    ],
)
def test_a_date_line_closed_by_am_or_pm_is_no_lede(line: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    draft = parse_html(page("<title>T</title>", article))
    assert draft.paragraphs == PARAGRAPHS
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    "line",
    [
        "Updated March 13, 2024 at 10:15 a.m.",
        "Actualizado el 13 de marzo de 2024 a las 10:15 a. m.",
        "Aktualisiert am 13.03.2024, 10:15 Uhr",
    ],
)
def test_the_last_change_s_date_line_over_the_text_is_no_lede(line: str) -> None:
    declared = ld({"@type": "NewsArticle", "datePublished": "2024-03-12T09:30:00"})
    article = f"<h1>Bridge closed after cracks found</h1><p>{line}</p>{BODY}"
    draft = parse_html(page("<title>T</title>" + declared, article))
    assert draft.paragraphs == PARAGRAPHS
    assert draft.published == datetime(2024, 3, 12, 9, 30)
    # Where the page gives no other date, the change's stands in.
    undeclared = parse_html(page("<title>T</title>", article))
    assert undeclared.published is not None
    assert undeclared.published.date().isoformat() == "2024-03-13"


@pytest.mark.parametrize(
    "furniture",
    [
        '<p class="kicker">Analysis</p>',
        "<p>Kommentar</p>",
        '<div class="audio"><button>Listen to this article</button><span>5 min</span></div>',
        '<div class="gallery"><img src="/1.jpg"><span>1 of 12</span></div>',
        '<a href="#comments" class="comments-link">12 comments</a>',
        "<p>Follow us on Twitter and Facebook</p>",
    ],
)
def test_a_label_counter_or_footer_line_over_the_text_is_no_lede(furniture: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{furniture}{BODY}"
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


def test_an_h1_giving_the_site_s_name_over_the_headline_is_not_the_headline() -> None:
    # The logo's image names the site; its name is set again as a plain <h1> over the story's.
    article = f"<h1>Town Crier</h1><h2>Bridge closed after cracks found</h2>{BODY}"
    draft = parse_html(
        page("<title>Bridge closed after cracks found | Town Crier</title>", article)
    )
    assert draft.title == "Bridge closed after cracks found"


def test_a_teaser_s_h1_over_the_article_s_is_not_the_headline_where_the_title_is_the_site_s() -> (
    None
):
    teaser = '<div class="teaser"><h1><a href="/ferry">Ferry fares to rise in April</a></h1></div>'
    html = page("<title>Town Crier</title>", f"<h1>Bridge closed after cracks found</h1>{BODY}")
    html = html.replace("<article>", f"{teaser}<article>")
    assert parse_html(html).title == "Bridge closed after cracks found"


@pytest.mark.parametrize(
    "furniture",
    [
        '<div class="audio-player"><span>Listen</span><span>5:32</span></div>',
        '<a href="#comments">Jump to comments</a>',
        '<div class="progress"><span>0%</span></div>',
        '<p class="live-label">● LIVE</p>',
        '<p class="sponsor">Sponsored by Harbour Bank</p>',
        "<p><em>Read this article in Polish</em></p>",
        "<p>Skip Advertisement</p>",
        '<div class="ad"><p>Supported by</p><div id="sponsor-slot"></div></div>',
        '<div class="video"><p>Now playing</p><p>Watch: The old bridge closes</p><span>01:32</span></div>',
    ],
)
def test_a_player_s_or_sponsor_s_line_over_the_text_is_no_lede(furniture: str) -> None:
    article = f"<h1>Bridge closed after cracks found</h1>{furniture}{BODY}"
    assert parse_html(page("<title>T</title>", article)).paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    "inside",
    [
        '<span style="display: none">Town Crier</span>',
        "<span hidden>Town Crier</span>",
        ' <a href="#comments" class="comment-count">12</a>',
        ' <span class="comments-count">12</span>',
    ],
)
def test_a_hidden_name_or_comment_count_in_the_h1_is_no_part_of_the_headline(
    inside: str,
) -> None:
    article = f"<h1>Bridge closed after cracks found{inside}</h1>{BODY}"
    draft = parse_html(page("<title>Bridge closed after cracks found</title>", article))
    assert draft.title == "Bridge closed after cracks found"


def test_a_zone_htmldate_cannot_place_writes_nothing_on_standard_error(tmp_path: Path) -> None:
    # dateutil's UnknownTimezoneWarning, through htmldate, was printed across `newsread
    # index`'s progress bar and `newsread show`'s article.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council approves budget</title></head><body><article>"
        "<h1>Council approves budget</h1><p>By Jane Doe"
        ' <time itemprop="datePublished" datetime="2016-12-13T15:45:00XYZ"></time></p>'
        "<p>The council approved the budget on Friday after a long debate.</p>"
        "<p>Members voted seven to two in favour of the plan.</p></article></body></html>",
        encoding="utf-8",
    )
    code = (
        "import sys; from pathlib import Path;"
        "from newsread.index.files.reader import read_articles;"
        "[article] = read_articles(Path(sys.argv[1]), Path(sys.argv[1]).parent);"
        "print(article.published.date())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(page)], capture_output=True, text=True, timeout=120
    )
    assert (done.stdout.strip(), done.stderr) == ("2016-12-13", "")


@pytest.mark.parametrize(
    ("site_name", "source"),
    [
        ("Ferries to run at night | Town Crier", "Town Crier"),  # the tab's title
        ("Ferries to run at night  – The Harbour Gazette", "The Harbour Gazette"),
        ("Town Crier", "Town Crier"),
        ("Ferries to run at night", "Ferries to run at night"),  # nothing after it: kept
        ("Ferries Weekly - news of the bay", "Ferries Weekly"),  # a tagline, as before
        ("Ferries to run at night from May - Town Crier", "Town Crier"),  # after the <h1>
        ("Ferries to run at night from May", "Ferries to run at night from May"),  # no rest
    ],
)
def test_a_site_name_set_to_the_headline_and_the_site_names_the_site(
    site_name: str, source: str
) -> None:
    """og:site_name holding the page's tab title ("Achtsam durch die Krise | Die FURCHE"):
    the headline was the source in every list."""
    title = "Ferries to run at night" if "May" not in site_name else site_name
    head = (
        f'<meta property="og:site_name" content="{site_name}">'
        f'<meta property="og:title" content="{title}">'
    )
    article = f"<h1>{title.removesuffix(' - Town Crier')}</h1>{BODY}"
    assert parse_html(page(head, article)).source == source


def test_a_logo_heading_before_the_site_names_slogan_is_no_headline() -> None:
    head = '<meta property="og:site_name" content="Town Crier - news of the bay since 1888">'
    article = f"<h1>Ferries to run at night</h1>{BODY}"
    html = page(head, article).replace("<body>", "<body><h1>Town Crier</h1>")
    assert parse_html(html).source == "Town Crier"


@pytest.mark.parametrize(
    ("title", "above"),
    [
        ("Harbour Rowing Club - News » Bridge closed after cracks found", "<h2>News</h2>"),
        ("Harbour Rowing Club: Bridge closed after cracks found", "<h2>Rowing Club</h2>"),
        ("Bridge closed after cracks found : Town Diary | Notes from a river town", ""),
    ],
)
def test_the_title_s_part_the_page_shows_as_its_heading_is_the_headline(
    title: str, above: str
) -> None:
    # The page names neither its site nor its section: the part it shows alone is the story's.
    article = f"{above}<h3>Bridge closed after cracks found</h3>{BODY}"
    draft = parse_html(page(f"<title>{title}</title>", article))
    assert draft.title == "Bridge closed after cracks found"


_STORY = "Bridge closed after cracks found"


@pytest.mark.parametrize(
    ("title", "article", "expected"),
    [
        # The <h1> is the headline the title gives: its subtitle shown under it stays.
        (
            f"{_STORY}: Ferry to run for six months",
            f"<h1>{_STORY}: Ferry to run for six months</h1><h2>Ferry to run for six months</h2>",
            f"{_STORY}: Ferry to run for six months",
        ),
        # A part shown as a heading that is not the title's longest is a section's name.
        (
            f"Harbour Local News - {_STORY} in its supports",
            "<h2>Harbour Local News</h2>",
            f"{_STORY} in its supports",
        ),
    ],
)
def test_a_title_part_shown_as_a_heading_is_not_the_headline_beside_the_h1_or_the_story(
    title: str, article: str, expected: str
) -> None:
    draft = parse_html(page(f"<title>{title}</title>", article + BODY))
    assert draft.title == expected


def test_a_box_drawing_bar_sets_the_site_s_name_apart_in_the_title() -> None:
    head = (
        "<title>Bridge closed after cracks found │ Town Crier</title>"
        '<meta property="og:site_name" content="Town Crier">'
    )
    assert parse_html(page(head, BODY)).title == "Bridge closed after cracks found"


@pytest.mark.parametrize(
    ("name", "host"),
    [("Café Fluss", "cafe-fluss.fr"), ("Südkurier Digital", "suedkurier-digital.de")],
)
def test_the_site_s_name_its_address_spells_without_accents_is_cut_from_the_title(
    name: str, host: str
) -> None:
    head = (
        f'<meta property="og:title" content="Bridge closed after cracks found | {name}">'
        f'<meta property="og:url" content="https://www.{host}/news/bridge">'
    )
    assert parse_html(page(head, BODY)).title == "Bridge closed after cracks found"


@pytest.mark.parametrize(
    ("opening", "day_first", "day"),
    [
        ("29.11.2022 – Mehrfach hatte die Branche vor den Folgen gewarnt, nun", "de", "2022-11-29"),
        ("Harbourton, 12 March 2024 - The council voted on Tuesday to close", "en", "2024-03-12"),
    ],
)
def test_a_dateline_with_its_year_opening_the_text_dates_a_page_that_declares_none(
    opening: str, day_first: str, day: str
) -> None:
    """A date (a place before it at most) and a dash opening the first paragraph: the day
    the story was filed, not a day an image's address or the page's furniture gives."""
    article = (
        '<h1>Bridge closed after cracks found</h1><img src="/uploads/2022/09/bridge.jpg">'
        f"<p>{opening} {PARAGRAPHS[0]}</p>{BODY}"
    )
    published = parse_html(page("<title>T</title>", article, lang=day_first)).published
    assert published is not None and published.date().isoformat() == day


def test_a_date_inside_the_opening_sentence_is_no_dateline() -> None:
    """A sentence that names a date before a dash is the story's, not a dateline; a year
    alone is no day."""
    lines = ["The council said on 12 March 2024 - a Tuesday - that it would", "2019 – Ein Jahr"]
    assert html_module._dated_dateline(lines) is None


TEASER_CARD = (
    '<div class="node node-teaser"><div class="field-datetime">{date}</div>'
    '<h2><a href="/news/ferry-timetable-changes">Ferry timetable changes for the winter</a></h2>'
    "<p>The harbour ferry will run every hour from December.</p></div>"
)


def test_a_teaser_cards_date_under_the_headline_is_not_the_articles() -> None:
    """Another story's card (marked a teaser, its headline a link) between the headline and
    the text: its date is that story's, not the declared one's day as the page shows it."""
    head = '<meta property="article:published_time" content="2020-12-06T12:32:58+00:00">'
    card = TEASER_CARD.format(date="05/12/2020 - 15:10")
    article = f"<h1>Bridge closed after cracks found</h1>{card}{BODY}"
    published = parse_html(page(head, article, lang="es")).published
    assert published is not None and published.date().isoformat() == "2020-12-06"


def test_a_date_in_a_lede_marked_teaser_without_a_linked_heading_is_the_articles() -> None:
    """Some sites mark the article's own lede or meta line "teaser": no linked heading there."""
    line = '<div class="article-teaser"><span>17/02/2022</span> The council voted.</div>'
    article = f"<h1>Bridge closed after cracks found</h1>{line}{BODY}"
    published = parse_html(page("<title>T</title>", article, lang="fr")).published
    assert published is not None and published.date().isoformat() == "2022-02-17"


def test_a_time_on_a_page_whose_body_class_names_a_promo_post_type_is_the_articles() -> None:
    # WordPress writes the post's type into the body's classes ("single-promo"): those
    # describe the page, not a box of promotions around the date.
    article = (
        '<h1>Bridge closed after cracks found</h1><time datetime="2022-03-03 14:09">'
        f"3 March, 14:09</time>{BODY}"
    )
    html = page("<title>T</title>", article).replace(
        "<body>", '<body class="promo-template-default single single-promo">'
    )
    assert parse_html(html).published == datetime(2022, 3, 3, 14, 9)


def test_a_date_marked_as_such_under_a_standfirst_is_the_articles() -> None:
    standfirst = (
        "Engineers found cracks in two of the supports of the old bridge, and the council "
        "closed it to traffic until repairs are done."
    )
    article = (
        f'<h1>Bridge closed after cracks found</h1><p class="standfirst">{standfirst}</p>'
        f'<span class="date">3 March 2022, 3:51 pm</span>{BODY}'
    )
    assert parse_html(page("<title>T</title>", article)).published == datetime(2022, 3, 3, 15, 51)


def test_a_date_stamp_just_above_the_headline_in_its_block_is_the_articles() -> None:
    head = (
        '<div class="article-head"><div class="info"><span class="date">02.02.2022, 14:30'
        '</span><span class="category">Region</span></div>'
        "<h1>Bridge closed after cracks found</h1></div>"
    )
    html = f"<html><head><title>T</title></head><body>{head}{BODY}</body></html>"
    assert parse_html(html).published == datetime(2022, 2, 2, 14, 30)


def test_the_days_date_in_the_sites_header_is_no_stamp_above_the_headline() -> None:
    html = (
        '<html><head><title>T</title></head><body><div id="page"><header class="site-header">'
        '<span class="date">Monday, 7 March 2022</span><a href="/">Town Crier</a></header>'
        f"<main><article><h1>Bridge closed after cracks found</h1>{BODY}</article></main>"
        "</div></body></html>"
    )
    tree = html_module._parse_tree(html)
    assert html_module._stamped_above(tree, "Bridge closed after cracks found") is None


@pytest.mark.parametrize(
    "stamp",
    [
        '<div class="date" itemprop="datePublished">03.03.2022 11:43</div>',
        '<span itemprop="datePublished" content="2022-03-03T11:43:00">3 March 2022</span>',
    ],
)
def test_microdata_publication_date_on_an_element_that_is_no_time(stamp: str) -> None:
    article = f'<div itemscope itemtype="https://schema.org/Article">{stamp}{BODY}</div>'
    html = page("<title>Bridge closed after cracks found</title>", article, lang="de")
    assert parse_html(html).published == datetime(2022, 3, 3, 11, 43)


@pytest.mark.parametrize(
    ("label", "credit"),
    [
        ("<h6>Herausgeber: <a href='/firmen/7'>Harbour Ferries AG</a></h6>", "Harbour Ferries AG"),
        (
            "<p><b>Publisher:</b> <span>Harbour Transport Authority</span></p>",
            "Harbour Transport Authority",
        ),
        # A book's facts under a review name its publisher, not who put the page out.
        ("<dl><dt>Publisher:</dt><dd>Harbour Books</dd></dl>", ""),
    ],
)
def test_a_press_releases_labelled_publisher_is_the_credit(label: str, credit: str) -> None:
    """A press release names no writer, only who issued it ("Herausgeber: Nordex SE" over the
    headline): that is its credit, as in the same page saved as text."""
    article = f"{label}<h1>Ferries run again to the islands</h1>{BODY}"
    draft = parse_html(page("<title>Ferries run again</title>", article))
    assert (draft.authors, draft.credit) == ([], credit)
    # A byline the page shows names the writer all the same.
    signed = article.replace("</h1>", "</h1><p class='byline'>By Jane Doe</p>")
    assert parse_html(page("", signed)).authors == ["Jane Doe"]
