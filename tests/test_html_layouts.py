"""Saved web pages laid out as common publishing systems lay them out (WordPress themes,
Arc XP, Drupal, Ghost, Substack, Medium, BLOX, Brightspot, AMP, sites in many languages):
probes of layouts the accuracy corpora do not show, each read for its headline, date and
byline as a person reads them."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

from newsread.index.files.formats import html as html_module
from newsread.index.files.formats.html import parse_html

PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge to traffic after engineers found "
    "cracks in two of its supports, officials said.",
    "Repairs are expected to take at least six months, the mayor said in a statement, adding "
    "that a ferry service would run in the meantime.",
    "Residents of the east bank, who rely on the bridge to reach the hospital, said they were "
    "worried about the longer journeys ahead of them.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
HEADLINE = "Council closes old bridge after engineers find cracks"
SITE = "The Valley Post"
HEADER = (
    '<header class="site-header"><div class="site-branding"><a href="/" rel="home">'
    f'<img src="/logo.png" alt="{SITE}"></a><p class="site-title"><a href="/">{SITE}</a></p>'
    '</div><nav class="main-navigation"><ul><li><a href="/news">News</a></li>'
    '<li><a href="/sport">Sport</a></li></ul></nav></header>'
)
RELATED = (
    '<aside class="related-posts"><h3>Related</h3><ul><li><a href="/2023/01/05/ferry">Ferry '
    'service to resume in spring</a> <time datetime="2023-01-05T09:00:00+00:00">January 5, '
    '2023</time> <span class="author">By Tom Smith</span></li></ul></aside>'
)
FOOTER = f'<footer class="site-footer"><p>© 2024 {SITE}. All rights reserved.</p></footer>'


def page(head: str, main: str, *, title: str = f"{HEADLINE} - {SITE}", lang: str = "en") -> str:
    """A whole page: the site's header, `main` (the article), related stories and a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{SITE}">{head}</head><body>{HEADER}'
        f'<main id="main">{main}</main>{RELATED}{FOOTER}</body></html>'
    )


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- headlines -------------------------------------------------------------------------------


def test_the_articles_h1_is_the_headline_where_the_titles_are_an_seo_rewording() -> None:
    # og:title and <title> written for search ("… what it means for you"), the article's
    # own <h1> another headline of the same story: a person reads the <h1>.
    seo = "Old bridge shut: what it means for you"
    html = page(
        f'<meta property="og:title" content="{seo}">',
        f'<article><header><h1 class="article-title">{HEADLINE}</h1></header>{BODY}</article>',
        title=f"{seo} | {SITE}",
    )
    assert parse_html(html).title == HEADLINE


def test_a_quote_set_as_the_articles_h1_does_not_replace_the_titles_headline() -> None:
    # An <h1> that shares no word of the story with the titles is a pull quote or a label.
    html = page(
        f'<meta property="og:title" content="{HEADLINE}">',
        f"<article><h1>'Why do you not go and fight for the reindeer?'</h1>{BODY}</article>",
        title=f"{HEADLINE} | {SITE}",
    )
    assert parse_html(html).title == HEADLINE


CJK_HEADLINE = "港特首梁振英就住宅违建事件道歉"
CJK_PARAGRAPHS = [
    "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。",
    "梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危机。",
]


def _wrapped_page(wrapper_class: str) -> str:
    """BBC's old layout: a masthead, then one `<div>` around the rest of the page whose class
    says how the page is laid out ("blq-int-nav"), holding the story and a box of most read."""
    body = "".join(f"<p>{p}</p>" for p in CJK_PARAGRAPHS)
    return (
        f"<html><head><title>{CJK_HEADLINE} - BBC中文网 - 两岸三地</title></head><body>"
        '<div class="masthead"><a href="/">BBC</a></div>'
        f'<div class="{wrapper_class}"><div class="content"><h1>{CJK_HEADLINE}</h1>{body}'
        '<div class="sidebar"><h2>最多人阅读</h2><ul><li><a href="/a">香港立法会通过预算案</a>'
        "</li></ul></div></div></div></body></html>"
    )


@pytest.mark.parametrize("wrapper_class", ["blq-container blq-int-nav", "nav", "plain"])
def test_a_wrapper_around_the_whole_page_is_no_menu_whatever_its_class(
    wrapper_class: str,
) -> None:
    # Its classes describe the page, as the body's do: the <h1> inside it is the headline
    # and the text starts at the story. It read as a menu: the <title> was the headline
    # ("… - BBC中文网"), and the masthead's "BBC" was the first paragraph.
    draft = parse_html(_wrapped_page(wrapper_class))
    assert draft.title == CJK_HEADLINE
    assert draft.paragraphs[0] == CJK_PARAGRAPHS[0]


def test_only_the_elements_holding_most_of_the_page_s_text_are_its_wrappers() -> None:
    tree = lxml.html.document_fromstring(_wrapped_page("outer int-nav"))
    html_module._mark_page_wrappers(tree)
    marked = [e.get("class") for e in tree.iter() if e.get(html_module.PAGE_WRAPPER) is not None]
    assert marked == ["outer int-nav", "content"]  # not the box of most read, nor the masthead
    # A menu that holds most of a page's text but no paragraph or heading is still a menu.
    menu = "".join(f"<li><a href='/{n}'>Section number {n}</a></li>" for n in range(60))
    tree = lxml.html.document_fromstring(
        f'<html><body><div class="nav"><ul>{menu}</ul></div><p>Short.</p></body></html>'
    )
    html_module._mark_page_wrappers(tree)
    assert not [e for e in tree.iter() if e.get(html_module.PAGE_WRAPPER) is not None]


def test_a_heading_s_permalink_mark_is_no_part_of_the_headline() -> None:
    # Sphinx, MkDocs and GitHub set a link to the heading after its words: "Headline¶".
    main = (
        f'<article><h1>{HEADLINE}<a class="headerlink" href="#council">¶</a></h1>{BODY}</article>'
    )
    assert parse_html(page("", main)).title == HEADLINE


WIRE_LEDE = (
    "WASHINGTON ({source}) — Not everyone makes a New Year's resolution, but Americans will "
    "have to follow some 40,000 new state laws in 2014, officials said on Monday."
)


@pytest.mark.parametrize(
    ("outlet", "dateline"),
    [("Reuters", ""), ("AP", "AP"), ("CNN", "CNN"), ("Al Jazeera", "Al Jazeera")],
)
def test_the_outlet_named_under_the_byline_is_its_credit_not_the_first_paragraph(
    outlet: str, dateline: str
) -> None:
    # "By Leigh Ann Caldwell" over "CNN" (a Brightspot station running CNN's wire): the
    # outlet was the text's first paragraph. A news agency, or the source the dateline credits.
    lede = WIRE_LEDE.format(source=dateline).replace(" ()", "")
    main = (
        f"<article><h1>{HEADLINE}</h1><div>By Leigh Ann Caldwell</div><div><p>{outlet}</p></div>"
        f"<p>{lede}</p>{BODY}</article>"
    )
    draft = parse_html(page("", main))
    assert (draft.authors, draft.credit) == (["Leigh Ann Caldwell"], outlet)
    assert draft.paragraphs[0] == lede


def test_the_source_the_dateline_credits_over_the_text_is_its_credit() -> None:
    # fox13now: the byline in the page's byline box, then "CNN" over "WASHINGTON (CNN) — …".
    lede = WIRE_LEDE.format(source="CNN")
    head = '<meta name="author" content="Leigh Ann Caldwell">'
    main = f"<article><h1>{HEADLINE}</h1><div><p>CNN</p></div><p>{lede}</p>{BODY}</article>"
    draft = parse_html(page(head, main))
    assert (draft.credit, draft.paragraphs[0]) == ("CNN", lede)


def test_a_name_under_the_byline_that_no_dateline_credits_stays() -> None:
    main = (
        f"<article><h1>{HEADLINE}</h1><div>By Leigh Ann Caldwell</div><p>Northfield</p>"
        f"<p>{WIRE_LEDE.format(source='CNN')}</p>{BODY}</article>"
    )
    draft = parse_html(page("", main))
    assert draft.paragraphs[0] == "Northfield" and draft.credit != "Northfield"


def test_the_story_s_marked_headline_is_the_title_where_the_title_is_the_site_s() -> None:
    # AP's hosted pages: no <h1>, no og:title, `<title>News from The Associated Press</title>`
    # on every page, the headline in `<span class="headline entry-title">`.
    main = (
        '<table class="ap-story-table hnews hentry"><tr><td><div class="body">'
        f'<p class="body"><span class="headline entry-title">{HEADLINE}</span></p>'
        '<span class="byline">By <span class="author vcard"><span class="fn">JANE DOE</span>'
        f"</span></span></div></td></tr><tr><td>{BODY}</td></tr></table>"
    )
    html = page("", main, title="News from The Associated Press").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    draft = parse_html(html)
    assert draft.title == HEADLINE
    assert draft.paragraphs[0] == PARAGRAPHS[0]
    # A <title> that tells the story keeps its words: the marked element may be a teaser's.
    told = page("", main, title="Engineers find cracks in the old bridge's supports")
    assert parse_html(told).title == "Engineers find cracks in the old bridge's supports"


STANDFIRST = (
    "Engineers found cracks in two of the supports, and the council says repairs will take "
    "at least six months"
)


def test_a_paragraph_opening_with_a_marked_name_is_found_on_the_page() -> None:
    # BusinessWeek: "At <span class="ticker">Home Depot</span>, we first …": the text's first
    # paragraph was not found on the page (its first words are in two text nodes), so the
    # deck shown above it was not put back as the standfirst.
    first = (
        'At <span class="ticker">Valley Rail</span>, engineers first noticed the cracks in '
        "2019, the council said, but the repairs were put off for lack of money."
    )
    tree = lxml.html.document_fromstring(
        f"<html><body><h1>{HEADLINE}</h1><p>{first}</p></body></html>"
    )
    text = lxml.html.fromstring(f"<p>{first}</p>").text_content()
    found = html_module._block_showing(tree, text, whole=False)
    assert found is not None and found.tag == "p"
    # A summary shared with a closing stop is the deck shown without it.
    deck = lxml.html.document_fromstring(f"<html><body><h2>{STANDFIRST}</h2></body></html>")
    assert html_module._block_showing(deck, STANDFIRST + ".", whole=True) is not None


def test_the_standfirst_under_an_h2_headline_is_kept_where_the_h1_is_in_the_menu() -> None:
    # WirtschaftsWoche: the page's <h1> is the last crumb of the menu's breadcrumbs, the
    # headline an <h2> with its kicker, the standfirst a <p class="c-leadtext"> under it:
    # with no headline found, the standfirst was not put back.
    crumbs = f'<div class="c-nav"><div class="c-nav__breadcrumbs"><h1>{HEADLINE}</h1></div></div>'
    tree = lxml.html.document_fromstring(
        f'<html><body>{crumbs}<article><h2 class="c-headline"><span class="c-overline">Bridge'
        f"</span> {HEADLINE}</h2><p>{STANDFIRST}.</p>{BODY}</article></body></html>"
    )
    title = f"Bridge: {HEADLINE}"
    headline = html_module._headline_element(tree, title, in_h2=True)
    assert headline is not None and headline.tag == "h2"
    assert html_module._headline_element(tree, title) is None  # (dates look for an <h1> only)
    html_module._prepare(tree)  # (which drops the kicker: the <h2> still says the title)
    assert html_module._headline_element(tree, title, in_h2=True) is headline


def test_a_paragraph_cut_off_by_a_box_it_held_is_set_apart_as_the_paragraph_it_was() -> None:
    # Yahoo: "<p><div class="related">…</div>SAN FRANCISCO (AP) — …</p><p>…": lxml ends the
    # <p> at the <div>, as browsers do, and the lede is the box's tail, which trafilatura
    # lost with the box on the whole page.
    lede = (
        "SAN FRANCISCO (AP) — The council voted on Tuesday to close the old bridge to traffic "
        "after engineers found cracks in two of its supports."
    )
    box = '<div class="column"><div class="related"><a href="/a">Ferry to resume</a></div></div>'
    tree = lxml.html.document_fromstring(
        f"<html><body><div class='body'><p>{box}{lede}</p>{BODY}</div>"
        f"<div class='list'><div>Box</div>{lede}<div>Next box</div></div></body></html>"
    )
    html_module._prepare(tree)
    paragraphs = [p.text_content() for p in tree.iter("p") if p.text_content()]
    assert paragraphs[:2] == [lede, PARAGRAPHS[0]]
    # Text between two boxes, not followed by the story's paragraphs, is left where it is.
    assert paragraphs.count(lede) == 1


ALT = "The mayor of Northfield speaks to reporters at the old bridge on Tuesday."


def test_a_picture_s_alt_text_shown_under_it_unmarked_is_its_caption() -> None:
    # CNN: "<div><div><img alt="Tim Kaine says …"></div><div>Tim Kaine says …</div></div>",
    # no class or <figcaption> marks the caption: it was the text's first paragraph.
    picture = f'<div class="img300"><div><img src="a.jpg" alt="{ALT}"></div><div>{ALT}</div></div>'
    main = f"<article><h1>{HEADLINE}</h1>{picture}{BODY}</article>"
    assert parse_html(page("", main)).paragraphs == PARAGRAPHS


def test_a_lede_that_a_picture_s_alt_text_repeats_stays_the_lede() -> None:
    # Some sites set a picture's alt text to the lede: the lede is shown among the text's
    # paragraphs, not in the picture's box.
    picture = f'<div class="img300"><img src="a.jpg" alt="{PARAGRAPHS[0]}"></div>'
    main = f"<article><h1>{HEADLINE}</h1>{picture}{BODY}</article>"
    assert parse_html(page("", main)).paragraphs == PARAGRAPHS


def test_a_field_s_label_laid_out_as_a_page_is_no_byline_nor_the_first_paragraph() -> None:
    # Drupal's fields with their labels above (Marketplace): "Episode Teaser Image:" right
    # under the headline was read as the writer's name, "Episode Description:" as the
    # text's first paragraph.
    def field(label: str, value: str) -> str:
        return (
            f'<div class="field field-label-above"><div class="field-label">{label}:&nbsp;</div>'
            f'<div class="field-items"><div class="field-item">{value}</div></div></div>'
        )

    main = (
        f"<article><h1>{HEADLINE}</h1>{field('Episode Teaser Image', '<img src=a.jpg>')}"
        f"{field('Episode Description', PARAGRAPHS[0])}{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[1:])}"
        "</article>"
    )
    draft = parse_html(page("", main))
    assert draft.authors == []
    assert draft.paragraphs == PARAGRAPHS


@pytest.mark.parametrize("value", [1676551869, 1676551869000])
def test_a_unix_time_given_as_a_json_number_is_the_publication_moment(value: int) -> None:
    # '"datePublished": 1676551869' (a number, not a string) read as no date.
    head = ld({"@context": "http://schema.org", "@type": "Article", "datePublished": value})
    published = parse_html(page(head, f"<article><h1>{HEADLINE}</h1>{BODY}</article>")).published
    assert published == datetime(2023, 2, 16, 12, 51, 9, tzinfo=timezone.utc)


def test_a_title_of_the_site_s_name_alone_is_no_headline() -> None:
    # "<title> | Some Title</title>" with og:site_name "Some Title", no heading: the headline
    # was " | Some Title".
    html = (
        '<html><head><meta property="og:site_name" content="Some Title">'
        f"<title> | Some Title</title></head><body>{BODY}</body></html>"
    )
    assert parse_html(html).title == ""


@pytest.mark.parametrize(
    ("headline", "byline", "author", "lang"),
    [
        (HEADLINE, "By Jane Doe", "Jane Doe", "en"),
        ("米朝首脳直通電話　習氏に挑むトランプ戦術の成否", "編集委員　中沢克二", "中沢克二", "ja"),
    ],
)
def test_a_byline_on_the_headline_s_last_line_is_no_part_of_the_headline(
    headline: str, byline: str, author: str, lang: str
) -> None:
    # Nikkei: "<h1><span>Headline</span><br><span>編集委員　中沢克二</span></h1>": the writer's
    # name ended the title.
    main = (
        f'<article><h1 itemprop="headline"><span>{headline}</span><br><span>{byline}</span></h1>'
        f"{BODY}</article>"
    )
    draft = parse_html(page("", main, title=f"{headline} - {SITE}", lang=lang))
    assert author in draft.authors
    assert draft.title == " ".join(headline.split())


@pytest.mark.parametrize(
    "trail", ["뉴스 > 경제 > 기업·CEO", "Home » News » World", "Sport > Football"]
)
def test_a_breadcrumb_trail_left_over_the_text_is_no_paragraph(trail: str) -> None:
    # Donga: the trail, unmarked, in the article's element: it was the first paragraph.
    main = f"<article><h1>{HEADLINE}</h1><div>{trail}</div>{BODY}</article>"
    assert parse_html(page("", main)).paragraphs == PARAGRAPHS


def test_a_first_paragraph_with_a_greater_than_sign_stays() -> None:
    first = "Prices rose > 5% in March, officials said"
    main = f"<article><h1>{HEADLINE}</h1><p>{first}</p>{BODY}</article>"
    assert parse_html(page("", main)).paragraphs[0] == first


@pytest.mark.parametrize(
    "label", ['<span class="slug">Analyse</span>', '<a class="kicker" href="/x">Opinion</a>']
)
def test_a_label_opening_the_standfirst_s_heading_is_no_part_of_the_lede(label: str) -> None:
    # Libération: "<h2><span class="slug">Analyse</span> Après une semaine agitée, …</h2>":
    # the lede read "Analyse Après une semaine agitée, …".
    main = f"<article><h1>{HEADLINE}</h1><h2>{label} {STANDFIRST}.</h2>{BODY}</article>"
    assert parse_html(page("", main)).paragraphs[0] == STANDFIRST + "."


# --- structured data -------------------------------------------------------------------------

BROKEN_JSON_LD = [
    # A comma before the closing brace, as hand-written templates leave it.
    '{"@type": "NewsArticle", "datePublished": "2024-03-12T10:03:00+01:00", '
    '"author": {"@type": "Person", "name": "Jane Doe",},}',
    # The site's node and the article's run together in one script.
    '{"@type": "WebSite", "name": "The Valley Post"}'
    '{"@type": "NewsArticle", "datePublished": "2024-03-12T10:03:00+01:00", '
    '"author": {"@type": "Person", "name": "Jane Doe"}}',
    # A headline's quotes left unescaped.
    '{"@type": "NewsArticle", "headline": "Council "closes" old bridge", '
    '"datePublished": "2024-03-12T10:03:00+01:00", "author": {"@type": "Person", "name": "Jane Doe"}}',
    # JavaScript's single quotes, a comment, and a semicolon after the document.
    "[{'@type': 'NewsArticle', 'headline': 'Council\\'s bridge', // the article\n"
    "'datePublished': '2024-03-12T10:03:00+01:00', 'author': {'@type': 'Person', "
    "'name': 'Jane Doe'}}];",
]


@pytest.mark.parametrize("script", BROKEN_JSON_LD)
def test_json_ld_that_javascript_would_accept_is_read(script: str) -> None:
    html = page(
        f'<script type="application/ld+json">{script}</script>',
        f"<article><h1>{HEADLINE}</h1>{BODY}</article>",
    )
    draft = parse_html(html)
    assert draft.authors == ["Jane Doe"]
    assert draft.published == datetime(2024, 3, 12, 10, 3, tzinfo=timezone(timedelta(hours=1)))


def test_repaired_json_reads_as_json_where_the_text_is_json_already() -> None:
    # The repair only runs where json.loads failed; on valid JSON it must change nothing.
    rng = random.Random(12)
    alphabet = ['"', "'", "\\", ",", ":", "{", "}", "[", "]", " ", "/", "*", "a", "é", "\n"]

    def value(depth: int) -> object:
        kind = rng.randrange(5 if depth < 3 else 3)
        if kind == 0:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
        if kind == 1:
            return rng.randrange(-5, 5)
        if kind == 2:
            return rng.choice([True, None, 1.5])
        if kind == 3:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        return {f"k{i}": value(depth + 1) for i in range(rng.randrange(4))}

    for _ in range(500):
        data = value(0)
        for text in (json.dumps(data), json.dumps(data, indent=1, ensure_ascii=False)):
            assert json.loads(html_module._repaired_json(text)) == data, text


# --- dates -----------------------------------------------------------------------------------


def article(inner: str) -> str:
    return f"<article><h1>{HEADLINE}</h1>{inner}{BODY}</article>"


@pytest.mark.parametrize(
    "value", ["1710237780", "1710237780000", " 1710237780000 "], ids=["seconds", "ms", "spaced"]
)
def test_a_unix_time_in_a_date_key_is_the_publication_moment(value: str) -> None:
    html = page(f'<meta property="article:published_time" content="{value}">', article(""))
    assert parse_html(html).published == datetime(2024, 3, 12, 10, 3, tzinfo=timezone.utc)


def test_a_count_in_a_date_key_is_no_unix_time() -> None:
    # Ten digits, but no moment of the web's years (a CMS's record number).
    html = page('<meta name="pubdate" content="3000000000">', article(""))
    assert parse_html(html).published is None


@pytest.mark.parametrize(
    "times",
    [
        # The last change first, labelled so by the text before it.
        'Updated <time datetime="2024-03-14T08:00">14 March 2024</time>, first published '
        '<time datetime="2024-03-12T10:03">12 March 2024</time>',
        'Aktualisiert am <time datetime="2024-03-14T08:00">14.03.2024</time> · Erstellt am '
        '<time datetime="2024-03-12T10:03">12.03.2024</time>',
        # Marked as the last change (schema.org microdata, hAtom's class).
        '<time itemprop="dateModified" datetime="2024-03-14T08:00">14 March 2024</time> '
        '<time datetime="2024-03-12T10:03">12 March 2024</time>',
        '<span class="modified"><time datetime="2024-03-14T08:00">14 March 2024</time></span> '
        '<time datetime="2024-03-12T10:03">12 March 2024</time>',
    ],
    ids=["label", "german-label", "itemprop", "class"],
)
def test_the_last_change_s_time_before_the_publication_s_is_not_the_date(times: str) -> None:
    draft = parse_html(page("", article(f'<p class="meta">{times}</p>'), lang="en-GB"))
    assert draft.published == datetime(2024, 3, 12, 10, 3)


def test_a_time_marked_both_published_and_updated_is_the_publication_s() -> None:
    # WordPress themes mark a post never changed "entry-date published updated".
    time = (
        '<p class="meta">Posted on <time class="entry-date published updated" '
        'datetime="2024-03-12T10:03:00-04:00">March 12, 2024</time></p>'
    )
    draft = parse_html(page("", article(time), lang="en-US"))
    assert draft.published == datetime(2024, 3, 12, 10, 3, tzinfo=timezone(timedelta(hours=-4)))


def test_the_last_change_s_time_is_the_date_where_the_page_gives_no_other() -> None:
    time = '<div class="entry-meta"><time class="updated" datetime="2023-11-06T14:14:41+01:00">06/11/2023</time></div>'
    draft = parse_html(page("", article(time), lang="de"))
    assert draft.published == datetime(2023, 11, 6, 14, 14, 41, tzinfo=timezone(timedelta(hours=1)))


PUBLISHED_2019 = '<meta property="article:published_time" content="2019-10-15T16:59:59Z">'


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ('<div class="timestamp published-date">Updated Mar 12, 2020 @ 10:42 am</div>', 12),
        ('<p class="update-time">Updated 2010 GMT (0410 HKT) March 14, 2020</p>', 14),
    ],
    ids=["updated", "updated-with-times"],
)
def test_an_updated_line_that_is_the_only_date_shown_is_the_article_s_date(
    line: str, day: int
) -> None:
    # The page shows "Updated …" where its date line stands and the day it was first
    # published nowhere: a reader takes that day as the article's.
    draft = parse_html(page(PUBLISHED_2019, article(f'<p class="byline">By Jane Doe</p>{line}')))
    assert draft.published is not None
    assert draft.published.date() == datetime(2020, 3, day).date()


@pytest.mark.parametrize(
    "line",
    [
        # An editor's note, not the page's date stamp.
        "<p>Updated Mar 12, 2020</p>",
        # The publication's day is shown too.
        '<div class="date">Updated Mar 12, 2020</div><div class="date">Oct 15, 2019</div>',
        # A developing story's update the next day: still dated by its publication.
        '<div class="timestamp">October 16, 2019 -- Updated 0203 GMT (1003 HKT)</div>',
    ],
    ids=["note", "published-shown", "next-day"],
)
def test_an_updated_note_or_one_beside_the_published_day_is_not_the_date(
    line: str,
) -> None:
    draft = parse_html(page(PUBLISHED_2019, article(f'<p class="byline">By Jane Doe</p>{line}')))
    assert draft.published == datetime(2019, 10, 15, 16, 59, 59, tzinfo=timezone.utc)


JOOMLA = (
    '<div class="item-page" itemscope itemtype="https://schema.org/Article"><div class="page-header">'
    f'<h2 itemprop="headline">{HEADLINE}</h2></div><dl class="article-info"><dd class="createdby" '
    'itemprop="author" itemscope itemtype="https://schema.org/Person">Written by <span '
    'itemprop="name">Jane Doe</span></dd><dd class="published"><time datetime="2024-03-12T10:03:00'
    '+00:00" itemprop="datePublished">Published: 12 March 2024</time></dd></dl>'
    f'<div itemprop="articleBody">{BODY}</div></div>'
)
TYPO3 = (
    '<div class="news news-single"><div class="article" itemscope itemtype="http://schema.org/'
    f'Article"><div class="header"><h3 itemprop="headline">{HEADLINE}</h3></div><div class="footer">'
    '<p><span class="news-list-date"><time itemprop="datePublished" datetime="2024-03-12">12.03.2024'
    '</time></span></p></div><div class="news-text-wrap" itemprop="articleBody">'
    f"{BODY}</div></div></div>"
)


@pytest.mark.parametrize(
    ("main", "title"),
    [
        # Joomla: the <title> is the site's name, the headline an <h2 itemprop="headline">.
        (JOOMLA, SITE),
        # TYPO3's news: the <h1> and <title> name the section, the news its <h3>.
        (f'<div class="content"><h1>Aktuelles</h1>{TYPO3}</div>', f"Aktuelles: {SITE}"),
        # A block marked by its theme's class, no heading at all.
        (f'<article><div class="article-title">{HEADLINE}</div>{BODY}</article>', SITE),
        (f'<article><div itemprop="headline">{HEADLINE}</div>{BODY}</article>', SITE),
    ],
    ids=["joomla", "typo3", "class", "itemprop"],
)
def test_the_title_marked_as_the_post_s_is_the_headline_under_a_site_or_section_name(
    main: str, title: str
) -> None:
    assert parse_html(page("", main, title=title)).title == HEADLINE


def test_a_box_of_other_stories_headed_headline_leaves_a_two_word_h1() -> None:
    main = (
        f"<article><h1>Licensed opposition</h1>{BODY}</article>"
        '<div class="row"><h2 class="headline"><span>Read also these stories</span></h2></div>'
    )
    head = '<meta property="og:title" content="Licensed opposition">'
    html = page(head, main, title="Licensed opposition - Jane Doe - Liberte!")
    assert parse_html(html).title == "Licensed opposition"


@pytest.mark.parametrize(
    ("box", "lang"),
    [
        (
            '<div class="post-date"><span class="day">12</span><span class="month">Mar</span>'
            '<span class="year">2024</span></div>',
            "en",
        ),
        (
            '<div class="dateBox"><b>12</b><i>März</i><em>2024</em></div>',
            "de",
        ),
    ],
)
def test_a_date_whose_day_month_and_year_are_elements_of_their_own_is_read(
    box: str, lang: str
) -> None:
    main = (
        f'<article class="post">{box}<h2 class="post-title"><a href="/bridge">{HEADLINE}</a></h2>'
        f'<div class="post-content">{BODY}</div></article>'
    )
    draft = parse_html(page("", main, lang=lang))
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_a_split_date_box_in_a_list_of_other_stories_is_not_the_article_s() -> None:
    related = (
        '<div class="related-posts"><div class="post-date"><span>5</span><span>Jan</span>'
        "<span>2023</span></div></div>"
    )
    draft = parse_html(page("", f"<article><h2>{HEADLINE}</h2>{BODY}</article>{related}"))
    assert draft.published is None


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # The site's host name closing the <title>, where the page names its site otherwise.
        ("", f"{HEADLINE} - valleypost.com"),
        ("", f"{HEADLINE} | www.valleypost.co.uk"),
        # The page's section between the headline and the site's name.
        ('<meta property="article:section" content="News">', f"{HEADLINE} | News | {SITE}"),
    ],
)
def test_a_host_name_or_the_section_closing_the_title_is_no_part_of_the_headline(
    head: str, title: str
) -> None:
    # No <h1>: the headline is the <title>'s.
    assert parse_html(page(head, f"<article>{BODY}</article>", title=title)).title == HEADLINE


# --- bylines ---------------------------------------------------------------------------------


def test_the_byline_naming_the_declared_writer_and_another_names_both() -> None:
    # The CMS keeps one author a story; the byline the reader sees names two.
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    byline = '<p class="byline">By Jane Doe and John Roe</p>'
    assert parse_html(page(head, article(byline))).authors == ["Jane Doe", "John Roe"]


def test_a_byline_naming_others_than_the_declared_writer_leaves_the_declared() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    byline = '<p class="byline">By Tom Smith and John Roe</p>'
    assert parse_html(page(head, article(byline))).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("h1", "title", "lang"),
    [
        ("发现裂缝后旧桥关闭", "发现裂缝后旧桥关闭_新闻_谷邮报", "zh"),
        ("古い橋を閉鎖", "古い橋を閉鎖：谷新聞ニュース", "ja"),
    ],
)
def test_a_chinese_or_japanese_h1_is_the_headline_its_title_adds_names_to(
    h1: str, title: str, lang: str
) -> None:
    html = page("", f"<article><h1>{h1}</h1>{BODY}</article>", title=title, lang=lang)
    assert parse_html(html).title == h1


@pytest.mark.parametrize(
    "box", ["more-stories", "moreNews", "most_read", "read-next", "also-read", "OUTBRAIN"]
)
def test_a_byline_and_date_in_a_box_of_other_stories_are_not_the_article_s(box: str) -> None:
    other = (
        f'<div class="{box}"><article><h3>Ferry service to resume in spring</h3>'
        '<p class="byline">By John Roe</p><time datetime="2023-01-05T09:00:00+00:00">'
        "5 January 2023</time></article></div>"
    )
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1>{BODY}</article>{other}"))
    assert (draft.authors, draft.credit, draft.published) == ([], "", None)


@pytest.mark.parametrize("label", ["Autor:innen:", "Autor*innen:", "Autor/innen:"])
def test_a_gender_inclusive_author_label_in_an_author_box_names_both_writers(label: str) -> None:
    box = f'<div class="author">{label} Jana Schmidt und Peter Müller</div>'
    draft = parse_html(page("", article(box), lang="de"))
    assert (draft.authors, draft.credit) == (["Jana Schmidt", "Peter Müller"], "")


def test_a_broken_json_ld_block_too_large_to_repair_is_left() -> None:
    large = "{" + ", ".join(f'"k{i}": "{"x" * 40}"' for i in range(5000)) + ",}"
    assert len(large) > html_module._MAX_REPAIRED_JSON
    assert html_module._load_json(large) is None
    assert html_module._load_json(large[:190_000].rsplit(",", 1)[0] + ",}") is not None


@pytest.mark.parametrize(
    "notice",
    [
        '<div class="cookie-notice"><p>Datenschutzerklärung, Stand: 01.01.2024</p></div>',
        '<div id="usercentrics-root"><p>Last updated: January 1, 2024</p></div>',
        '<div id="onetrust-consent-sdk"><p>Privacy policy of 1 January 2024</p></div>',
    ],
)
def test_a_cookie_notice_s_date_is_not_the_date_of_an_undated_article(notice: str) -> None:
    html = (
        f'<!DOCTYPE html><html lang="de"><head><title>{HEADLINE}</title></head><body>{notice}'
        f"<article><h1>{HEADLINE}</h1>{BODY}</article></body></html>"
    )
    assert parse_html(html).published is None


# --- a slashed date in the metadata ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "head", "day"),
    [
        ("fr", '<meta name="date" content="12/03/2024">', "2024-03-12"),
        ("en-GB", '<meta property="article:published_time" content="12/03/2024">', "2024-03-12"),
        ("es", ld({"@type": "NewsArticle", "datePublished": "12/03/2024 10:03"}), "2024-03-12"),
        ("de", '<meta name="date" content="12/03/2024 10:03:00">', "2024-03-12"),
        ("en-US", '<meta name="date" content="12/03/2024">', "2024-12-03"),
        ("en", '<meta name="date" content="12/03/2024">', "2024-12-03"),
        ("fr", '<meta name="date" content="03/25/2024">', "2024-03-25"),
    ],
)
def test_a_slashed_metadata_date_reads_as_the_page_s_language_writes_dates(
    lang: str, head: str, day: str
) -> None:
    # With nothing shown on the page to say otherwise, "12/03/2024" is 12 March in French,
    # Spanish, German or British English; 3 December in American English or English that
    # does not say which; and "03/25/2024" can be read one way only.
    draft = parse_html(page(head, article(""), lang=lang))
    assert draft.published is not None and draft.published.date().isoformat() == day


@pytest.mark.parametrize(
    "main",
    [
        article("<p>Publié le 01.11.2023</p>"),
        f"<article><h1>{HEADLINE}</h1>{BODY}<p>Publié le : 01.11.2023</p></article>",
    ],
    ids=["under-headline", "labelled-under-text"],
)
def test_a_slashed_metadata_date_shown_the_other_way_round_is_the_shown_day(main: str) -> None:
    # A server writing US dates into a French page's metadata: the page's own "01.11.2023"
    # (dots are day first everywhere) says which reading is meant.
    head = '<meta name="date" content="11/01/2023 12:43:42">'
    draft = parse_html(page(head, main, lang="fr"))
    assert draft.published is not None and draft.published.date().isoformat() == "2023-11-01"


# --- a date shown without its year -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", '<p class="date">March 12</p>'),
        ("en-GB", '<div class="meta"><span class="date">Tuesday 12 March</span></div>'),
        ("de", '<p class="datum">12. März, 10:03 Uhr</p>'),
        ("fr", '<p class="date">Publié le 12 mars</p>'),
    ],
)
def test_a_yearless_date_line_takes_its_year_and_month_from_the_url(lang: str, line: str) -> None:
    # A blog filing its posts by month ("/2024/03/slug/") and showing "March 12": the URL's
    # month alone would date the story 1 March.
    head = '<link rel="canonical" href="https://valleypost.example/2024/03/bridge-closed/">'
    draft = parse_html(page(head, article(line), lang=lang))
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_a_yearless_date_of_another_month_leaves_the_url_s_month() -> None:
    head = '<link rel="canonical" href="https://valleypost.example/2024/03/bridge-closed/">'
    with_line = parse_html(page(head, article('<p class="date">April 12</p>')))
    without = parse_html(page(head, article("")))
    assert with_line.published == without.published


def test_a_wix_blog_post_names_its_writer_in_its_user_name_element() -> None:
    main = (
        '<article><div class="post-header"><span class="user-name" data-hook="user-name">'
        'Jane Doe</span><ul class="post-metadata"><li><span data-hook="time-ago" '
        'title="Mar 12, 2024">Mar 12, 2024</span></li></ul></div>'
        f'<h1 class="post-title" data-hook="post-title">{HEADLINE}</h1>'
        f'<div data-hook="post-description">{BODY}</div></article>'
    )
    draft = parse_html(page("", main, title=HEADLINE))
    assert (draft.authors, draft.credit) == (["Jane Doe"], "")


def test_a_byline_closed_by_a_lower_case_brand_names_the_writer() -> None:
    line = '<p class="content-publication-data__from">Por João Silva, g1</p>'
    draft = parse_html(page("", article(line), lang="pt"))
    assert (draft.authors, draft.paragraphs[0]) == (["João Silva"], PARAGRAPHS[0])


# --- dates in the site's chrome --------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        '<div class="sidebar"><p>Today is Friday, May 3, 2024</p></div>',
        '<aside id="secondary" class="widget-area"><section class="widget">'
        '<h2 class="widget-title">Today</h2><p>Friday, May 3, 2024</p></section></aside>',
        '<nav class="top-bar"><span>Friday, 3 May 2024</span><a href="/news">News</a></nav>',
    ],
    ids=["sidebar", "widget-area", "nav"],
)
def test_a_date_in_a_sidebar_or_menu_is_not_an_undated_article_s(chrome: str) -> None:
    # The day the page was saved, in the site's menus or sidebar: no date of the article's.
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>{HEADLINE}</title></head><body>'
        f'<div id="page">{chrome}<main><article><h1>{HEADLINE}</h1>{BODY}</article></main>'
        "</div></body></html>"
    )
    assert parse_html(html).published is None


def test_a_wrapper_with_a_sidebar_class_holding_the_article_keeps_its_date() -> None:
    # "has-sidebar" marks the layout around the article, not a sidebar: the article's date
    # line inside it (found by htmldate's search, nothing marked up) is still read.
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>{HEADLINE}</title></head><body>'
        f'<div class="content has-sidebar"><div class="post"><h2>{HEADLINE}</h2>'
        f"<p>Posted on March 12, 2024</p>{BODY}</div></div></body></html>"
    )
    draft = parse_html(html)
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_setting_the_chrome_aside_puts_every_element_back_where_it_was() -> None:
    # A widget that is a listing and a sidebar's aside at once, inside a sidebar: each is set
    # aside once, and the page is whole again afterwards.
    html = page(
        "",
        article(""),
    ).replace(
        "<main",
        '<div class="sidebar"><aside class="widget popular"><p>Most read</p></aside>'
        '<nav><a href="/a">A</a></nav></div><main',
    )
    tree = html_module._parse_tree(html)
    before = lxml.html.tostring(tree)
    with html_module._listings_set_aside(tree):
        assert "Most read" not in tree.text_content()
        assert HEADLINE in tree.text_content()
    assert lxml.html.tostring(tree) == before


@pytest.mark.parametrize(
    "title",
    [f"{HEADLINE} (12.03.2024) | {SITE}", f"{HEADLINE} (March 12, 2024)"],
)
def test_a_date_in_brackets_closing_the_title_is_no_part_of_the_headline(title: str) -> None:
    draft = parse_html(page("", f"<article>{BODY}</article>", title=title, lang="de"))
    assert draft.title == HEADLINE


def test_words_in_brackets_closing_the_title_stay() -> None:
    title = f"{HEADLINE} (Update 2)"
    draft = parse_html(page("", f"<article>{BODY}</article>", title=title))
    assert draft.title == title


# --- bylines away from the headline ----------------------------------------------------------


def _signed(close: str, lang: str = "de") -> str:
    """A post with no byline above its text, `close` after its last paragraph."""
    return page(
        "",
        f'<article class="post"><h1 class="entry-title">{HEADLINE}</h1>'
        f'<div class="entry-content">{BODY}{close}</div></article>',
        lang=lang,
    )


@pytest.mark.parametrize(
    "close",
    [
        "<p>(Jana Schmidt)</p>",
        "<p>— Jana Schmidt</p>",
        "<p>-- Jana Schmidt</p>",
        "<p>Die Brücke bleibt bis zum Herbst gesperrt, teilte die Stadt mit. (Jana Schmidt)</p>",
        "<p>„Wir hatten keine Wahl“, sagte der Bürgermeister. (Jana Schmidt)</p>",
    ],
)
def test_a_name_in_brackets_or_after_a_dash_closing_the_text_signs_it(close: str) -> None:
    assert parse_html(_signed(close)).authors == ["Jana Schmidt"]


@pytest.mark.parametrize(
    "close",
    [
        # who said a quotation set apart above it
        "<blockquote><p>We had no choice but to close it.</p></blockquote><p>— John Roe</p>",
        # the last line of a list of changes
        "<p>* Bridge closed to cars<br>* Ferry service added<br>- Removed Herobrine</p>",
        "<p>(Springfield City Council)</p>",
        "<p>Die Stadt teilte das mit. (js)</p>",
    ],
)
def test_a_dash_or_brackets_closing_the_text_sign_nothing_when_no_person_signs(close: str) -> None:
    assert parse_html(_signed(close)).authors == []


@pytest.mark.parametrize(
    ("close", "lang", "name"),
    [
        ("<p><em>Jane Doe is a reporter for The Valley Post.</em></p>", "en", "Jane Doe"),
        (
            "<p>Jane Doe is a senior transport correspondent based in Springfield.</p>",
            "en",
            "Jane Doe",
        ),
        ("<p>Jana Schmidt ist Redakteurin im Ressort Verkehr.</p>", "de", "Jana Schmidt"),
        ("<p>Jean Dupont est journaliste à Lyon.</p>", "fr", "Jean Dupont"),
    ],
)
def test_a_writer_s_bio_closing_the_text_names_its_writer(close: str, lang: str, name: str) -> None:
    assert parse_html(_signed(close, lang)).authors == [name]


def test_a_bio_of_someone_else_than_a_journalist_closing_the_text_names_no_writer() -> None:
    close = "<p>John Roe is a retired engineer who has lived on the east bank since 1970.</p>"
    assert parse_html(_signed(close, "en")).authors == []


def test_an_about_the_author_section_the_extraction_drops_names_the_writer() -> None:
    box = (
        '<section class="author-bio"><h3>About the author</h3>'
        "<p>Jane Doe covers transport and the city council for the Post.</p></section>"
    )
    assert parse_html(_signed(box, "en")).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "close", ["<p>Haber: Ahmet Yılmaz</p>", "<p>Haber: Ahmet Yılmaz / Fotoğraf: Mehmet Demir</p>"]
)
def test_a_turkish_news_label_closing_the_text_names_its_reporter(close: str) -> None:
    assert parse_html(_signed(close, "tr")).authors == ["Ahmet Yılmaz"]


@pytest.mark.parametrize(
    "box",
    [
        '<div class="authors"><span class="author">Jane Doe</span>'
        '<span class="author">John Roe</span></div>',
        '<p class="byline"><span class="author-name">Jane Doe</span>'
        '<span class="author-name">John Roe</span></p>',
    ],
)
def test_author_elements_side_by_side_with_nothing_between_them_are_two_writers(box: str) -> None:
    main = f"<article><h1>{HEADLINE}</h1>{box}{BODY}</article>"
    assert parse_html(page("", main)).authors == ["Jane Doe", "John Roe"]


def test_an_article_author_meta_tag_written_with_a_dot_names_the_writer() -> None:
    head = '<meta name="article.author" content="Jane Doe">'
    assert parse_html(page(head, f"<article><h1>{HEADLINE}</h1>{BODY}</article>")).authors == [
        "Jane Doe"
    ]


# --- dates -----------------------------------------------------------------------------------


def _wire(dateline: str, *, lang: str, url: str = "", notice: str = "") -> str:
    """An undated page whose text opens with a wire dateline."""
    head = f'<link rel="canonical" href="{url}">' if url else ""
    text = f"<p>{dateline} {PARAGRAPHS[0]}</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[1:])}"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{HEADLINE}</title>{head}</head>'
        f"<body><article><h1>{HEADLINE}</h1>{text}</article><footer><p>{notice}</p></footer>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [
        ("Madrid, 12 mar (EFE).-", "es"),
        ("BERLIN, 12. März (dpa) -", "de"),
        ("WASHINGTON, March 12 (Reuters) -", "en"),
        ("PARIS, 12 mars (AFP) -", "fr"),
    ],
)
def test_a_yearless_wire_dateline_takes_its_year_from_the_url_or_the_copyright_notice(
    dateline: str, lang: str
) -> None:
    by_url = _wire(dateline, lang=lang, url="https://news.example/2024/bridge-closes")
    by_notice = _wire(dateline, lang=lang, notice="© 2019-2024 Agencia EFE")
    for page_ in (by_url, by_notice):
        published = parse_html(page_).published
        assert published is not None and published.date().isoformat() == "2024-03-12"


def test_a_yearless_wire_dateline_with_no_year_on_the_page_dates_nothing() -> None:
    assert parse_html(_wire("Madrid, 12 mar (EFE).-", lang="es")).published is None


@pytest.mark.parametrize("line", ["12 March, 10:03", "Mar 12", "Tuesday, 12 March"])
def test_a_yearless_date_line_under_the_headline_takes_the_url_s_year(line: str) -> None:
    head = '<link rel="canonical" href="https://valleypost.example/news/2024/bridge-closes">'
    main = f'<article><h1>{HEADLINE}</h1><p class="date">{line}</p>{BODY}</article>'
    published = parse_html(page(head, main, lang="en-GB")).published
    assert published is not None and published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    "line", ["3 hours ago", "vor 3 Stunden", "Page 1 of 3", "5 min read", "Vol. 12 No. 3"]
)
def test_a_line_under_the_headline_that_is_no_date_dates_nothing(line: str) -> None:
    head = '<link rel="canonical" href="https://valleypost.example/news/2024/bridge-closes">'
    main = f'<article><h1>{HEADLINE}</h1><p class="meta">{line}</p>{BODY}</article>'
    assert parse_html(page(head, main)).published is None


@pytest.mark.parametrize(
    ("byline", "lang", "name"),
    [
        ('<div class="author"><span class="name">山田太郎</span></div>', "ja", "山田太郎"),
        ('<div class="writer">執筆者：山田太郎</div>', "ja", "山田太郎"),
        ('<p class="author">김민수</p>', "ko", "김민수"),
    ],
)
def test_an_author_element_holding_a_name_no_capitals_mark_names_the_writer(
    byline: str, lang: str, name: str
) -> None:
    main = f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"
    assert parse_html(page("", main, lang=lang)).authors == [name]


@pytest.mark.parametrize(
    "close",
    [
        "<p>（山田太郎）</p>",
        "<p>橋は秋まで閉鎖される。（山田太郎）</p>",
        "<p>（編集委員・山田太郎）</p>",
        "<p>（ワシントン＝山田太郎）</p>",
    ],
)
def test_a_japanese_paper_s_reporter_in_brackets_closing_the_text_signs_it(close: str) -> None:
    assert parse_html(_signed(close, "ja")).authors == ["山田太郎"]


@pytest.mark.parametrize(
    "close", ["<p>（共同）</p>", "<p>（時事）</p>", "<p>（写真・山田太郎）</p>"]
)
def test_an_agency_or_a_photo_credit_in_brackets_closing_a_japanese_text_signs_nothing(
    close: str,
) -> None:
    assert parse_html(_signed(close, "ja")).authors == []


@pytest.mark.parametrize(
    "byline",
    [
        '<a href="/author/jane-doe/" title="Posts by Jane Doe" rel="author">View all posts</a>',
        '<span class="author"><a href="/author/jane-doe/" '
        'title="Alle Beiträge von Jane Doe anzeigen">Alle Beiträge</a></span>',
        '<div class="byline"><a href="/author/jane-doe/" '
        'title="Voir tous les articles de Jane Doe">Voir tous les articles</a></div>',
    ],
)
def test_a_link_to_the_writer_s_posts_names_them_in_its_title(byline: str) -> None:
    main = f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"
    assert parse_html(page("", main)).authors == ["Jane Doe"]


def test_a_link_s_button_words_are_no_credit() -> None:
    byline = '<div class="byline"><a href="/author/jane-doe/" rel="author">View all posts</a></div>'
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"))
    assert (draft.authors, draft.credit) == ([], "")


@pytest.mark.parametrize(
    "close",
    [
        "<p>Contact Jane Doe at 555-0100 or jdoe@valleypost.example.</p>",
        "<p>Reach reporter Jane Doe at jdoe@valleypost.example.</p>",
        "<p>Follow Jane Doe on Twitter: @janedoe</p>",
    ],
)
def test_a_line_telling_how_to_reach_the_writer_closing_the_text_names_them(close: str) -> None:
    assert parse_html(_signed(close, "en")).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "close",
    [
        "<p>Contact Mayor John Roe at 555-0100.</p>",
        "<p>Follow The Valley Post on Twitter</p>",
        "<p>Contact Springfield City Council at 555-0100.</p>",
    ],
)
def test_a_contact_line_naming_an_official_or_the_outlet_names_no_writer(close: str) -> None:
    assert parse_html(_signed(close, "en")).authors == []


@pytest.mark.parametrize(
    "close",
    [
        '<p class="has-text-align-right">Jane Doe</p><p>Share this</p>',
        '<p class="text-right"><em>Jane Doe</em></p><p>Share this story</p>',
    ],
)
def test_a_name_set_flush_right_by_a_class_under_the_text_signs_it(close: str) -> None:
    assert parse_html(_signed(close, "en")).authors == ["Jane Doe"]


def test_a_name_set_flush_right_in_a_sidebar_signs_nothing() -> None:
    sidebar = '<aside class="sidebar"><div class="widget"><p class="text-right">John Roe</p></div></aside>'
    main = f"<article><h1>{HEADLINE}</h1>{BODY}</article>{sidebar}"
    assert parse_html(page("", main)).authors == []


@pytest.mark.parametrize(
    ("second", "credit"),
    [
        # webmd.com: the writer linked, the outlet they write for on the line under.
        ("WebMD Health News", "WebMD Health News"),
        ("Reuters", "Reuters"),
        # A role, a date, a button or a label is no outlet.
        ("Transport Correspondent", ""),
        ("March 12, 2024", ""),
        ("SHARE", ""),
        ("DOTYCZY:", ""),
    ],
)
def test_the_outlet_under_a_linked_writer_in_a_byline_box_is_the_credit(
    second: str, credit: str
) -> None:
    byline = (
        '<div class="author_fmt"> By <a rel="author" href="/jane-doe">Jane Doe</a> '
        f"<br/>{second}</div>"
    )
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"))
    assert (draft.authors, draft.credit) == (["Jane Doe"], credit)


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        # WordPress's default theme of the 2000s: the post's details under it.
        (
            "Von R. R. am 07.08.2013 um 09:07 Uhr gespeichert unter "
            '<a href="/category/kommunizieren/">Kommunizieren</a>',
            ["R. R."],
        ),
        # No byline's words: the categories it links to name no one.
        (
            "Der Beitrag wurde am 27. November 2019 veröffentlicht und unter "
            '<a href="/c/allgemein/">Allgemein</a>, <a href="/c/halle/">Region Halle</a> abgelegt.',
            [],
        ),
    ],
    ids=["byline", "categories"],
)
def test_a_post_s_details_line_names_its_writer_after_a_byline_s_words(
    meta: str, authors: list[str]
) -> None:
    details = f'<p class="postmetadata">{meta}</p>'
    main = f'<div class="post"><h2>{HEADLINE}</h2><div class="entry">{BODY}</div>{details}</div>'
    assert parse_html(page("", main, lang="de")).authors == authors


def test_a_desk_in_a_byline_box_is_its_credit() -> None:
    byline = (
        '<div class="byline"><span>TOI News Desk</span> / Updated: Mar 12, 2024, 10:03 IST</div>'
    )
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"))
    assert (draft.authors, draft.credit) == ([], "TOI News Desk")


def test_a_lower_case_byline_of_initialled_names_names_the_writers() -> None:
    # elpais.com.uy: the byline in lower case (its style sheet sets it in capitals), each name
    # after its initials; the JSON-LD names the first writer alone, with her first name.
    declared = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Eva Barreneche"}})
    byline = '<div class="author">e. barreneche / J. I. da silva<br></div>'
    draft = parse_html(page(declared, f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"))
    assert draft.authors == ["E. Barreneche", "J. I. da Silva"]


@pytest.mark.parametrize("line", ["zuletzt geändert", "e. barreneche / redacción"])
def test_lower_case_words_in_a_byline_box_without_initials_name_no_one(line: str) -> None:
    byline = f'<div class="author">{line}</div>'
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"))
    assert draft.authors == []


def test_a_korean_wire_dateline_names_its_reporter() -> None:
    text = (
        "<p>(서울=연합뉴스) 김민수 기자 = 시의회는 12일 균열이 발견된 낡은 다리를 폐쇄하기로 했다.</p>"
        "<p>수리에는 최소 6개월이 걸릴 전망이다.</p><p>동쪽 주민들은 병원까지 거리가 멀어질까 걱정하고 있다.</p>"
    )
    main = (
        f'<article><h1>낡은 다리 폐쇄</h1><p class="date">송고2024-03-12 10:03</p>{text}</article>'
    )
    assert parse_html(page("", main, lang="ko")).authors == ["김민수"]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Di, 03/12/2024 - 10:03", "de"),
        ("mar, 03/12/2024 - 10:03", "fr"),
        ("Submitted by Jane Doe on Tue, 03/12/2024 - 10:03", "en-GB"),
    ],
)
def test_drupal_s_default_date_reads_month_first_in_any_language(line: str, lang: str) -> None:
    main = f'<article><h1>{HEADLINE}</h1><p class="submitted">{line}</p>{BODY}</article>'
    published = parse_html(page("", main, lang=lang)).published
    assert published is not None and published.date().isoformat() == "2024-03-12"


def test_a_slashed_date_without_drupal_s_dash_and_time_still_reads_day_first() -> None:
    main = f'<article><h1>{HEADLINE}</h1><p class="date">12/03/2024</p>{BODY}</article>'
    published = parse_html(page("", main, lang="fr")).published
    assert published is not None and published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    ("changed", "day"),
    [
        ("2024-03-14T08:00:00+01:00", "2024-03-12"),
        # filed in December, changed in January: the year before
        ("2025-01-03T08:00:00+01:00", "2024-12-30"),
    ],
)
def test_a_yearless_wire_dateline_dates_a_page_declaring_only_its_last_change(
    changed: str, day: str
) -> None:
    dateline = "Madrid, 12 mar (EFE).-" if day.endswith("03-12") else "Madrid, 30 dic (EFE).-"
    html = _wire(dateline, lang="es").replace(
        "</head>", ld({"@type": "NewsArticle", "dateModified": changed}) + "</head>"
    )
    published = parse_html(html).published
    assert published is not None and published.date().isoformat() == day


# --- bylines under a headline the page does not lead with ------------------------------------


def test_the_byline_is_read_under_the_story_s_h1_where_a_blog_s_name_heads_the_side_column() -> (
    None
):
    # cnbc.com's blogs: "Market Insider" is an <h1> over the blog's latest posts, before the
    # story's own.
    posts = "".join(
        f'<li><a href="/id/{n}">Week Ahead: Traders Expect a Volatile Week {n}</a></li>'
        for n in range(40)
    )
    side = f'<div class="column"><h1>Market Insider</h1><ul>{posts}</ul></div>'
    story = (
        f'<div class="story"><h1 class="blghdln">{HEADLINE}</h1><div>Published: <span>'
        'Wednesday, 21 Sep 2011 | 4:35 PM ET</span></div><div class="tools"><span>Text Size'
        '</span></div><span>By:</span> <a href="/id/15837362">Jane Doe</a><br>VPOST Executive '
        f"News Editor{BODY}</div>"
    )
    html = page("", side + story).replace(
        "<head>", '<head><link rel="canonical" href="https://www.vpost.com/id/9">'
    )
    draft = parse_html(html)
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[0] == PARAGRAPHS[0]  # not the writer's job at the site
    # Read under the story's headline, not by a later guess over the whole page.
    tree = lxml.html.fromstring(html)
    titles = [HEADLINE, f"{HEADLINE} - {SITE}"]
    assert html_module._byline_under_headline(tree, titles)[0] == ["Jane Doe"]


def test_the_section_linked_under_the_headline_is_no_byline() -> None:
    # yna.co.kr: "<strong><a href="/nk/nk">North Korea</a></strong> 09:31 August 20, 2019".
    main = (
        f'<header><h1 class="tit">{HEADLINE}</h1><div class="info"><span class="txt"><strong>'
        '<a href="/nk/nk">North Korea</a></strong> 09:31 August 20, 2019</span></div></header>'
        + BODY
    )
    draft = parse_html(page('<meta property="article:section" content="North Korea">', main))
    assert draft.authors == []


def test_a_spanish_signature_names_the_writer_and_not_the_place_as_the_credit() -> None:
    # elmundo.es: the standfirst's points, then "<p class="firma"><em>Name</em> | <span>Madrid
    # </span></p>" (each tag on a line of its own: past the bare names' reach), and
    # "elmundo.es" as the author its metadata names.
    points = [
        "Bajo su mando se encontraba el control de todos los zulos",
        "Su pareja y lugarteniente, implicado en el atentado",
        "Experimentó un gran ascenso en la banda tras las detenciones",
        "Estuvo al mando del subaparato de captación",
    ]
    main = (
        f'<p class="antetitulo">\nEn Macon, cerca de Lyon\n</p>\n<h1>{HEADLINE}</h1>\n<div>\n'
        '<div class="subtitulo"><ul>\n'
        + "".join(f"<li>{point}</li>\n" for point in points)
        + '</ul>\n</div>\n<div class="metadata">\n<p class="firma"><em>Ángeles Escrivá</em> | '
        '<span class="localizacion">Madrid</span></p>\n<div class="update">Actualizado <strong>'
        f"domingo 28/10/2012</strong></div>\n</div>\n{BODY}</div>"
    )
    draft = parse_html(page('<meta name="author" content="elmundo.es">', main, lang="es"))
    assert (draft.authors, draft.credit) == (["Ángeles Escrivá"], "")


def test_a_share_bar_s_tool_under_the_headline_is_no_bare_name() -> None:
    # washingtonpost.com: "<span class="hideText more tool">More Options</span>" among the
    # share buttons, before the byline lower down.
    tools = "".join(
        f'<li><span class="hideText {name} tool">{label}</span></li>\n'
        for name, label in [
            ("facebook", "Share on Facebook"),
            ("twitter", "Share on Twitter"),
            ("email", "Share via Email"),
            ("more", "More Options"),
        ]
    )
    main = f"<article><h1>{HEADLINE}</h1>\n<ul>\n{tools}</ul>\n{BODY}</article>"
    assert parse_html(page("", main)).authors == []


def test_the_outlet_named_over_the_author_under_the_headline_is_not_the_author() -> None:
    # msn.com: the story's provider, then its writer, each in a marked element.
    main = (
        f'<article><h1>{HEADLINE}</h1><div class="info"><div class="sourcename-txt">'
        '<a href="/en-us/news/techinsider">Tech Insider</a></div><span class="name-txt">'
        f"Jane Doe</span></div>{BODY}</article>"
    )
    assert parse_html(page("", main)).authors == ["Jane Doe"]


def test_a_topic_under_the_headline_is_no_bare_name() -> None:
    # bfn.de (Drupal): "Presse • Bundesprogramm Blaues Band • Gewässer und Auen" under the
    # headline of a press release, each topic in a "field--name-field-topic" element.
    topics = "".join(
        f'<div class="field field--name-field-topic field__item">{topic}</div>'
        for topic in ("Presse", "Bundesprogramm Blaues Band", "Gewässer und Auen")
    )
    main = f"<article><h1>{HEADLINE}</h1><div>{topics}</div>{BODY}</article>"
    assert parse_html(page("", main, lang="de")).authors == []


# --- the date line over the text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "above"),
    [
        # businessweek.com: the section's label, then the date, in a strap over the headline
        (
            '<div id="strapBox">\n<span class="strap">Case Study</span>\n<span class="date">'
            "March 12, 2024, 5:00PM EST</span>\n</div>\n",
            True,
        ),
        # donga.com: "article entered … article changed …", in a paragraph with no date class
        (
            '<p class="title_foot">기사입력 2024-03-12 03:00:00 기사수정 2024-03-12 03:00:00</p>',
            False,
        ),
    ],
)
def test_a_line_of_the_article_s_date_with_a_word_or_two_is_no_lede(line: str, above: bool) -> None:
    head = '<meta name="pub_date" content="20240312">'
    headline = f"<h1>{HEADLINE}</h1>"
    main = f"{line}<div>{headline}{BODY}</div>" if above else f"<div>{headline}{line}{BODY}</div>"
    assert parse_html(page(head, main)).paragraphs[0] == PARAGRAPHS[0]


def test_a_date_line_the_page_marks_as_its_time_stamp_is_no_lede_and_dates_it() -> None:
    # arabic.cnn.com: an Arabic weekday and month, "last updated", in "cnn_strytmstmp"; the
    # page declares no date.
    stamp = "الثلاثاء، 12 آذار/مارس 2024، آخر تحديث 14:00 (GMT+0400)"
    main = f'<article><h1>{HEADLINE}</h1><div class="cnn_strytmstmp">{stamp}</div>{BODY}</article>'
    draft = parse_html(page("", main, lang="ar"))
    assert draft.paragraphs[0] == PARAGRAPHS[0]
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    ("lang", "status"),
    [
        # nikkei.com: the page counter, the time, a hidden label ("source") and the edition.
        (
            "ja",
            '<dd class="cmnc-page">（1/3ページ）</dd><dd class="cmnc-publish">2024/3/12 5:50</dd>'
            '<dt class="cmn-hide">情報元</dt><dd class="cmnc-source">日本経済新聞 電子版</dd>',
        ),
        ("en", "<dd>Page 1 of 3</dd><dd>March 12, 2024 5:50 AM</dd><dd>Print edition</dd>"),
    ],
    ids=["nikkei", "english"],
)
def test_the_parts_of_a_status_line_beside_the_article_s_date_are_no_lede(
    lang: str, status: str
) -> None:
    head = '<meta property="article:published_time" content="2024-03-12T05:50:00+09:00">'
    main = f'<article><h1>{HEADLINE}</h1><dl class="article_status">{status}</dl>{BODY}</article>'
    assert parse_html(page(head, main, lang=lang)).paragraphs[0] == PARAGRAPHS[0]


def test_a_picture_s_credit_over_the_text_is_no_lede() -> None:
    # businessweek.com: "<span class="photoCredit">Courtesy G4</span>" above the story.
    main = (
        f'<article><h1>{HEADLINE}</h1><div class="lede"><img src="/munn.jpg" alt="">'
        f'<p><span class="photoCredit">Courtesy G4</span></p></div>{BODY}</article>'
    )
    assert parse_html(page("", main)).paragraphs[0] == PARAGRAPHS[0]


def test_a_headline_asking_a_question_is_the_title_s_start_with_its_deck_run_on() -> None:
    # espn.com: <title>Question? Deck - ESPN</title>, og:title a rewording for sharing, the
    # <h1> the question alone, the deck under it.
    question = "Council to close the old bridge?"
    title = f"{question} Engineers find cracks in two supports - {SITE}"
    head = '<meta property="og:title" content="Bridge row: council weighs closure">'
    main = f"<article><h1>{question}</h1><h3>Engineers find cracks in two supports</h3>{BODY}"
    draft = parse_html(page(head, main + "</article>", title=title))
    assert draft.title == question


# --- an interview's writer in its credits ----------------------------------------------------

CREDITS = '<section class="single-credits"><div class="credits">{}</div></section>'.format(
    "".join(
        f'<div class="credits-credit"><div class="credits-credit-label">{label}</div>'
        f'<div class="credits-credit-text">{name}</div></div>'
        for label, name in (
            ("{label}", "JANE DOE"),
            ("FOTOGRAF", "JOHN ROE"),
            ("STYLING", "MARY MOE"),
        )
    )
)


@pytest.mark.parametrize("label", ["Interview", "INTERVIEW", "Protokoll"])
def test_the_interviewer_a_story_s_credits_name_is_its_writer(label: str) -> None:
    # iconmagazine.de: under the story, label and name in pairs, "Interview" over the writer
    # of an interview ("Text" over a report's, which was read already).
    main = f"<article><h1>{HEADLINE}</h1>{BODY}{CREDITS.format(label=label)}</article>"
    assert parse_html(page("", main)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        ("Interview: Jane Doe", ["Jane Doe"]),
        # German papers' line under an interview: who conducted it wrote it.
        ("Das Interview führte Jane Doe.", ["Jane Doe"]),
        ("Das Gespräch führten Jane Doe und John Roe.", ["Jane Doe", "John Roe"]),
    ],
)
def test_the_interviewer_named_after_the_text_is_its_writer(
    closing: str, authors: list[str]
) -> None:
    main = f"<article><h1>{HEADLINE}</h1>{BODY}<p>{closing}</p></article>"
    assert parse_html(page("", main)).authors == authors


def test_the_person_an_interview_s_kicker_names_is_not_its_writer() -> None:
    # Over the headline, "Interview" is the story's kind and the name after it the person
    # asked; outside a credits block, before the text, it names no writer.
    main = (
        '<article><p class="kicker">Interview</p><h2>Jane Doe</h2>'
        f"<h1>{HEADLINE}</h1><p>Interview: Jane Doe</p>{BODY}</article>"
    )
    assert parse_html(page("", main)).authors == []


# --- a date line ending in its byline --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Geschrieben am 5. Januar 2023 von Jane Doe",
        "Verfasst am 05.01.2023 von Jane Doe",
        "Erstellt am 05.01.2023 von Jane Doe",
        "Submitted on January 5, 2023 by Jane Doe",
        "Escrito el 5 de enero de 2023 por Jane Doe",
    ],
)
def test_a_date_line_worded_as_a_writing_ends_in_the_writer(line: str) -> None:
    # "Geschrieben am … von Jane Doe" as "Veröffentlicht am … von Jane Doe" was read: the
    # words a byline set apart opens with, then the day, then its name.
    draft = parse_html(page("", f"<article><h1>{HEADLINE}</h1><p>{line}</p>{BODY}</article>"))
    assert (draft.authors, draft.paragraphs[0]) == (["Jane Doe"], PARAGRAPHS[0])


# --- a subtitle set small inside the headline ------------------------------------------------


@pytest.mark.parametrize("title", [f"{HEADLINE} | {SITE}", SITE])
def test_a_subtitle_set_small_after_the_h1_s_words_is_no_part_of_the_headline(title: str) -> None:
    # Bootstrap's documented markup: "<h1>Headline <small>Secondary text</small></h1>".
    main = f"<article><h1>{HEADLINE} <small>Engineers warn of more closures</small></h1>"
    draft = parse_html(page("", main + BODY + "</article>", title=title))
    # The subtitle is the deck over the text, as a reader sees it under the headline.
    assert draft.title == HEADLINE
    assert draft.paragraphs[:2] == ["Engineers warn of more closures", PARAGRAPHS[0]]


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} | {SITE}",  # the kicker left out
        f"Bridge works - {HEADLINE} | {SITE}",  # the kicker set apart
    ],
)
def test_a_kicker_on_the_h1_s_first_line_is_cut_where_the_titles_leave_it_out(title: str) -> None:
    # "<h1>Kicker<br>Headline</h1>": the kicker as the heading's own text, not an element.
    main = f"<article><h1>Bridge works<br>{HEADLINE}</h1>{BODY}</article>"
    draft = parse_html(page("", main, title=title))
    assert (draft.title, draft.paragraphs[0]) == (HEADLINE, PARAGRAPHS[0])


def test_a_first_line_the_titles_keep_stays_in_the_h1_s_headline() -> None:
    # A headline set on two lines: the <title> gives both.
    main = f"<article><h1>Council closes<br>old bridge after engineers find cracks</h1>{BODY}"
    draft = parse_html(page("", main + "</article>", title=f"{HEADLINE} | {SITE}"))
    assert draft.title == HEADLINE


@pytest.mark.parametrize("mark", ["l-headline", "headline", "article__headline"])
def test_the_block_classed_as_the_headline_is_the_title_under_a_title_of_other_words(
    mark: str,
) -> None:
    # sheego.de's magazine: no heading, no og:title; the <title> names the series ("Magic
    # Cleaning | …"), the page shows the story's headline in `<div class="l-headline">`.
    main = f'<div class="cms"><div class="{mark}"><span>{HEADLINE}</span></div>{BODY}</div>'
    html = page("", main, title="Magic Cleaning | Harbour Magazin").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    assert parse_html(html).title == HEADLINE


def test_a_list_of_headlines_or_a_subheadline_is_no_story_headline() -> None:
    main = f'<div class="subheadline">Engineers warn of more closures across the valley</div>{BODY}'
    html = page("", main, title="Magic Cleaning | Harbour Magazin").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    assert parse_html(html).title != "Engineers warn of more closures across the valley"


def test_a_box_classed_headline_under_a_title_of_a_sentence_s_length_is_no_headline() -> None:
    # l-mag.de: no heading, the <title> the story's headline, and a call for donations in
    # `<h3 class="fr-headline">` (no word of the title): the title stays.
    box = '<div class="fr-wrap"><h3 class="fr-headline">Pay what you like for us!</h3></div>'
    html = page("", f'<div id="content">{box}{BODY}</div>', title=HEADLINE).replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    assert parse_html(html).title == HEADLINE


def test_a_date_line_under_an_h2_headline_on_a_page_with_no_h1_dates_it() -> None:
    # No <h1> anywhere: the <h2> that says the title is the headline, and the date line under
    # it the article's, not the day's date the site's header prints over every page.
    header = '<header><div class="top"><span class="date">Tue, 14 Jan 2020</span></div></header>'
    main = (
        f'<div class="story"><h2>{HEADLINE}</h2><p>The Valley Wire<br>13 Jan 2020, 22:11 GMT+10'
        f"</p>{BODY}</div>"
    )
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>{HEADLINE}</title></head><body>{header}"
        f"<main>{main}</main>{FOOTER}</body></html>"
    )
    published = parse_html(html).published
    assert published is not None
    assert published.date() == datetime(2020, 1, 13).date()


def test_a_forum_member_s_joining_day_beside_the_post_is_not_its_date() -> None:
    # The site's name is the only <h1>; the topic's <h2> is the headline, and the profile
    # beside the first post says when its author registered, not when the post was written.
    main = (
        f'<h2 class="topic-title">{HEADLINE}</h2><div class="post"><dl class="profile">'
        '<dt><a href="/u/7">jdoe</a></dt><dd><strong>Registered:</strong> 18.09.2008, 05:56'
        '</dd></dl><div class="postbody"><p class="author">by <strong>jdoe</strong> &raquo; '
        f"21.01.2009, 05:42</p>{BODY}</div></div>"
    )
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>{HEADLINE}</title></head><body>"
        f"<h1>{SITE}</h1><main>{main}</main>{FOOTER}</body></html>"
    )
    published = parse_html(html).published
    assert published is not None
    assert published.date() == datetime(2009, 1, 21).date()


def test_a_labelled_line_gives_the_time_of_the_day_the_date_line_shows() -> None:
    # The date line under the headline shows the day only; the line closing the post labels
    # the same day as its publication's, with the time.
    main = (
        article('<p class="date">By Jane Doe on Tuesday 6 May 2014</p>')
        + "<p>Posted on Tuesday 6 May 2014 at 23:30 and filed under News</p>"
    )
    assert parse_html(page("", main)).published == datetime(2014, 5, 6, 23, 30)


@pytest.mark.parametrize(
    ("lang", "footer", "expected"),
    [
        (
            "de",
            '<p class="postmetadata">Dieser Beitrag wurde am <nobr>19. Mai 2010</nobr> um '
            '<nobr>23:03</nobr> Uhr gepostet und unter <a href="/c/news">News</a> abgelegt.</p>',
            datetime(2010, 5, 19, 23, 3),
        ),
        (
            "en",
            '<p class="postmetadata">This entry was posted on <span>Wednesday, May 19th, 2010'
            '</span> at 11:03 pm and is filed under <a href="/c/news">News</a>.</p>',
            datetime(2010, 5, 19, 23, 3),
        ),
    ],
    ids=["wurde-gepostet", "was-posted-on"],
)
def test_a_sentence_saying_when_the_post_was_published_dates_it(
    lang: str, footer: str, expected: datetime
) -> None:
    # No date declared nor shown under the headline: the theme's closing sentence says it.
    assert parse_html(page("", article("") + footer, lang=lang)).published == expected


@pytest.mark.parametrize("term", ["tag-newsletter", "category-related", "series_status-promo"])
def test_a_wordpress_post_s_terms_in_its_classes_do_not_make_it_furniture(term: str) -> None:
    # WordPress's post_class() ends with "hentry" and the post's terms: a post filed under
    # "related" is no box of related stories, and the byline inside it is the post's.
    main = (
        f'<div class="post-12 post type-post status-publish hentry category-news {term}">'
        f'<h1>{HEADLINE}</h1><p class="byline"><span itemprop="author">'
        f'<a rel="author" href="/author/jdoe/">Jane Doe</a></span></p>{BODY}</div>'
    )
    assert parse_html(page("", main)).authors == ["Jane Doe"]


def test_a_drupal_node_promoted_to_the_front_page_is_no_promotion() -> None:
    # Drupal flags a node shown on the front page "node-promoted": the article's own element.
    main = (
        f'<div class="node node-article node-promoted node-full"><h1>{HEADLINE}</h1>'
        '<div class="field-name-field-authors"><a href="/authors/jane-doe">Jane Doe</a></div>'
        f"{BODY}</div>"
    )
    html = page("", main).replace('<main id="main">', "<div>").replace("</main>", "</div>")
    assert parse_html(html).authors == ["Jane Doe"]
    boxes = lxml.html.fragments_fromstring(
        '<div class="promoted-stories"></div><div class="promo">'
    )
    assert all(html_module._is_page_furniture(box) for box in boxes)


@pytest.mark.parametrize("icon", ["&#x1F464;", "&#x270D;&#xFE0F;"])
def test_an_icon_before_the_byline_in_an_author_element_is_no_part_of_it(icon: str) -> None:
    # "👤 by Valley News Desk": the icon hid the byline's "by", and the desk's credit with it.
    main = (
        f'<h1>{HEADLINE}</h1><div class="controls"><div class="right"><div class="box">'
        f'<a rel="author" href="/author/desk">{icon} by <span itemprop="author">Valley '
        f"News Desk</span></a></div></div></div>{BODY}"
    )
    draft = parse_html(page("", main))
    assert (draft.authors, draft.credit) == ([], "Valley News Desk")
    byline = f'<p><a rel="author" href="/author/jdoe">{icon} Jane Doe</a></p>'
    assert parse_html(page("", f"<h1>{HEADLINE}</h1>{byline}{BODY}")).authors == ["Jane Doe"]
    # "©" is no icon: the name after it holds a picture's rights.
    byline = '<p><span class="author-name">© Jane Doe</span></p>'
    assert parse_html(page("", f"<h1>{HEADLINE}</h1>{byline}{BODY}")).authors == []


@pytest.mark.parametrize(
    "line", ["11/28/2016 11:00 AM PST BY RIVER STAFF", "November 28, 2016 | By River Staff"]
)
def test_a_staff_credit_under_the_headline_after_its_date_is_the_credit(line: str) -> None:
    # A desk's credit is no person's name, but it is the byline under the headline: the time
    # zone left after the date ("PST") is no part of it. ("Help Desk" alone is a link's.)
    html = page("", f"<article><h1>{HEADLINE}</h1><h5>{line}</h5>{BODY}</article>")
    tree = lxml.html.document_fromstring(html)
    people, credit, guess = html_module._byline_under_headline(tree, [HEADLINE])
    assert (people, credit.lower(), guess) == ([], "river staff", False)
    html = page("", f"<article><h1>{HEADLINE}</h1><h5>Help Desk</h5>{BODY}</article>")
    tree = lxml.html.document_fromstring(html)
    assert html_module._byline_under_headline(tree, [HEADLINE]) == ([], "", False)


def test_a_linked_phrase_inside_a_paragraph_under_the_headline_is_no_bare_name() -> None:
    # An event's name linked in the first sentence is no byline standing on a line of its own.
    lede = (
        'The company held its <a href="https://example.com/live">Data-Centric Innovation '
        "Day</a> on Tuesday and announced a new drive of one petabyte for data centres, "
        "which goes on sale next month."
    )
    html = page("", f"<article><h1>{HEADLINE}</h1><p>{lede}</p>{BODY}</article>")
    assert parse_html(html).authors == []
    html = page("", f"<article><h1>{HEADLINE}</h1><p>Jane Doe</p>{BODY}</article>")
    assert parse_html(html).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "entry",
    [
        '<a href="/after-words/">編集後記 / おもしろ</a>',
        '<a href="/reporters/"><span class="label">記者ページ</span></a>',
    ],
)
def test_a_cjk_byline_label_in_a_menu_entry_names_no_one(entry: str) -> None:
    # "編集後記" (the editor's afterword) opens with the label "編集" (editor), "記者ページ"
    # (the reporters' page) with "記者" (reporter): a page's name.
    menu = f"<ul><li>{entry}</li></ul>"
    html = page("", f"<article><h1>{HEADLINE}</h1>{BODY}</article>{menu}")
    assert parse_html(html).authors == []


@pytest.mark.parametrize("flag", ["has-author-tooltip", "with-byline"])
def test_a_class_flagging_what_a_header_holds_makes_it_no_byline(flag: str) -> None:
    # The header holding the article type, the headline and the authors says by its class
    # that it has an author tooltip: its first line ("New Results") is no writer.
    main = (
        f'<div class="cite {flag}"><span class="article-type">New Results</span>'
        f'<h1>{HEADLINE}</h1><div class="cite-authors"><span class="citation-author">Jane '
        f"Doe</span></div></div>{BODY}"
    )
    assert parse_html(page("", main)).authors == ["Jane Doe"]


def test_the_article_s_h1_is_the_headline_beside_another_h1_where_the_titles_reword_it() -> None:
    # The titles reword the story for search; besides the article's <h1> the page heads a box
    # of other stories with an <h1> too ("Top Articles"): a person reads the article's.
    seo = "Old bridge shut: engineers find cracks in supports"
    box = '<div class="box"><h1>Top Articles</h1><p><a href="/a">Ferry to resume</a></p></div>'
    html = page("", f"<article><h1>{HEADLINE}</h1>{BODY}</article>{box}", title=seo)
    assert parse_html(html).title == HEADLINE
    # An <h1> outside the article's element leaves the titles' headline.
    html = page("", f"<div><h1>{HEADLINE}</h1>{BODY}</div>{box}", title=seo)
    assert parse_html(html).title == seo


@pytest.mark.parametrize("mark", ["title", "c-intro__headline"])
def test_an_h1_marked_as_the_headline_among_label_h1s_is_it_where_the_titles_reword_it(
    mark: str,
) -> None:
    # No article element, but the <h1> its class names the title, a sentence among <h1>s
    # that are labels (the section's name, "Related content"): a person reads that one.
    seo = "Old bridge shut: engineers find cracks in supports"
    section = '<h1><a href="/news/local/">Local News</a></h1>'
    related = "<div><h1>Related content</h1></div>"
    html = page(
        "", f'<div>{section}<h1 class="{mark}">{HEADLINE}</h1>{BODY}{related}</div>', title=seo
    )
    assert parse_html(html).title == HEADLINE
    # Beside another sentence-long <h1> (the next story's), the titles' headline stays.
    other = "<div><h1>Ferries to run at night from the harbour next spring</h1></div>"
    html = page("", f'<div><h1 class="{mark}">{HEADLINE}</h1>{BODY}{other}</div>', title=seo)
    assert parse_html(html).title == seo


def test_the_h2_heading_the_articles_header_is_the_headline_where_the_h1_is_the_sites() -> None:
    # A theme that gives the site's name the <h1> and the post's headline an <h2> in the
    # article's header; the <title> (and no og:title) is written for search.
    seo = "You Will Not Believe What Engineers Found Under This Bridge!"
    logo = f'<h1><a href="/">{SITE}</a></h1>'
    article = f"<article><header><h2>{HEADLINE}</h2></header>{BODY}</article>"
    assert parse_html(page("", logo + article, title=seo)).title == HEADLINE
    # A list of posts (several articles) or an <h2> outside the article's header leaves it.
    listing = (
        article + f"<article><header><h2>Ferry to resume in spring</h2></header>{BODY}</article>"
    )
    assert parse_html(page("", logo + listing, title=seo)).title == seo
    unheaded = f"<article><h2>{HEADLINE}</h2>{BODY}</article>"
    assert parse_html(page("", logo + unheaded, title=seo)).title == seo
    # A headline declared for sharing is the page's word on its headline.
    shared = f'<meta property="og:title" content="{seo}">'
    assert parse_html(page(shared, logo + article, title=seo)).title == seo


def test_of_several_stories_h1s_the_one_the_titles_word_is_the_headline() -> None:
    # A page that runs the next stories under the article, each its own <h1>: one of them
    # reworded from the titles' is no reason to leave the one they word.
    seo = "Old bridge shut: engineers find cracks in supports"
    next_story = f"<article><h1>Engineers find more cracks in the old bridge</h1>{BODY}</article>"
    html = page("", f"<article><h1>{seo}</h1>{BODY}</article>{next_story}", title=seo)
    assert parse_html(html).title == seo


def _hosted(title: str, host: str, main: str = BODY) -> str:
    """A page at `host` with no og:site_name: only its host names the site."""
    canonical = f'<link rel="canonical" href="https://{host}/2019/04/story.html">'
    return page(canonical, f"<article>{main}</article>", title=title).replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )


JA_HEADLINE = "マインドマップ風のツリーを描画できる「Treeviz」"


@pytest.mark.parametrize(
    ("title", "host", "headline"),
    [
        (f"{JA_HEADLINE}:rivertech開発日誌", "rivertech.org", JA_HEADLINE),
        (f"Rivertech Security Diary | {HEADLINE}", "sect.rivertech.ad.jp", HEADLINE),
        (f"{HEADLINE} - RivertechPolitics", "edition.rivertech.com", HEADLINE),
        (f"River Books Japan - {HEADLINE}", "www.riverbooks.co.jp", HEADLINE),
        (f"{HEADLINE}｜Rivertech Online", "rivertech.example", HEADLINE),
        # The site's name in a headline's own words stays.
        ("Rivertech pay row: presenters named in the report", "rivertech.com", None),
        ("Rivertech Unveils: New Bridge", "rivertech.com", None),
        # A colon after it sets apart a topic or a speaker there, not the site's name.
        (f"Rivertech-Vize Klemmer: {HEADLINE}", "rivertech.de", None),
    ],
)
def test_the_site_s_name_as_its_host_begins_it_is_cut_from_either_end_of_the_title(
    title: str, host: str, headline: str | None
) -> None:
    # No <h1>, no og:site_name: the name the site calls itself, opening with its host's own
    # label, is set apart from the headline by a colon, bar or dash, with or without spaces.
    assert parse_html(_hosted(title, host)).title == (headline or title)


def test_a_picture_beside_a_headline_s_words_does_not_make_its_h1_a_logo() -> None:
    # A story's thumbnail inside its <h1>, before its words: the headline, not the logo.
    thumb = '<img src="/storage/2019/04/thumb.jpg">'
    html = page("", f"<article><h1>{thumb}{HEADLINE}</h1>{BODY}</article>", title=SITE)
    assert parse_html(html).title == HEADLINE
    logo = '<img src="/logo.png" alt="The Valley Post">'
    html = page("", f"<h1>{logo}The Valley Post</h1><article>{BODY}</article>", title=HEADLINE)
    assert parse_html(html).title == HEADLINE


def test_an_author_box_s_long_bio_names_its_writer() -> None:
    # One paragraph with the linked name in it, longer than a byline's line: the bio opens
    # with the writer's name.
    bio = (
        '<b><a href="/author/jdoe/">Jane Doe</a></b> is a reporter who has covered the council '
        "for ten years, and before that wrote about schools, the county's roads and the long "
        "fight over the ferry for the evening paper."
    )
    box = lxml.html.fragment_fromstring(f'<div id="authorinfobox"><p>{bio}</p></div>')
    assert html_module._element_byline(box, named=True) == (["Jane Doe"], "")
    box = lxml.html.fragment_fromstring(f'<div id="authorinfobox"><p>Our {bio}</p></div>')
    assert html_module._element_byline(box, named=True) == ([], "")


@pytest.mark.parametrize(
    "headline", ["Weekly report 14. - 20. January 2022", "Mr. Smith goes to town", "Take C.A.R.E."]
)
def test_a_site_name_guessed_from_a_title_that_is_the_headline_is_no_source(headline: str) -> None:
    # No og:site_name, no publisher: trafilatura takes the part of the <title> with a dot in
    # it for the site's name ("valleypost.com"), and gives the headline back where the dot is
    # the headline's.
    html = page("", f"<article><h1>{headline}</h1>{BODY}</article>", title=f"{headline} | Snow")
    assert (
        parse_html(html.replace(f'<meta property="og:site_name" content="{SITE}">', "")).source
        == ""
    )
    html = page("", f"<article><h1>{HEADLINE}</h1>{BODY}</article>").replace(
        f'<meta property="og:site_name" content="{SITE}">', ""
    )
    assert parse_html(html.replace(f"- {SITE}<", "- valleypost.com<")).source == "valleypost.com"


def test_a_blogger_posts_byline_in_its_footer_on_a_page_with_little_else() -> None:
    """Blogger's classic template signs a post in the post's footer ("Posted by …"): the
    post's own footer, even where the post is nearly all the page (no sidebar beside it)."""
    post = (
        f'<div class="post hentry"><h3 class="post-title entry-title">{HEADLINE}</h3>'
        f'<div class="post-body entry-content">{BODY}</div><div class="post-footer">'
        '<div class="post-footer-line post-footer-line-1"><span class="post-author vcard">'
        'Posted by <span class="fn"><a href="https://www.blogger.com/profile/1" rel="author">'
        "Jane Doe</a></span></span></div></div></div>"
    )
    html = (
        f"<html><head><title>Valley Notes: {HEADLINE}</title></head><body>"
        f'<div class="header"><h1 class="title">Valley Notes</h1></div>{post}</body></html>'
    )
    assert parse_html(html).authors == ["Jane Doe"]


def test_a_blogger_posts_day_heading_above_its_title_dates_it() -> None:
    """Blogger's classic template heads each day's posts with the day ("<h2
    class="date-header">"), above the post's title, in its "widget Blog" (a widget that is the
    blog itself, not a sidebar's)."""
    sidebar = "".join(
        f'<div class="widget LinkList"><h2>Links {i}</h2><ul><li><a href="/{i}">Another '
        "blog about gardens and the river</a></li></ul></div>"
        for i in range(8)
    )
    posts = (
        '<div class="widget Blog"><div class="blog-posts hfeed"><div class="date-outer">'
        '<h2 class="date-header"><span>Wednesday, April 12, 2023</span></h2>'
        '<div class="date-posts"><div class="post-outer"><div class="post hentry">'
        f'<h3 class="post-title entry-title">{HEADLINE}</h3>'
        f'<div class="post-body entry-content">{BODY}</div></div></div></div></div></div></div>'
    )
    html = (
        f"<html><head><title>Valley Notes: {HEADLINE}</title></head><body>"
        '<div class="header"><h1 class="title">Valley Notes</h1></div>'
        f'<div class="main">{posts}</div><div class="sidebar">{sidebar}</div></body></html>'
    )
    assert parse_html(html).published == datetime(2023, 4, 12)
    # (Read as the page shows it, not left to htmldate's guess from the whole page.)
    tree = html_module._parse_tree(html)
    assert html_module._shown_or_labelled(tree, HEADLINE) == datetime(2023, 4, 12)
