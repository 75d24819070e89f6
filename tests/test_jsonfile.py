"""Articles exported as JSON: single objects, arrays, wrapped lists and JSON Lines."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from newsread.index.errors import UnreadableFile
from newsread.index.files.formats import Draft
from newsread.index.files.formats.jsonfile import parse_json

UTC = timezone.utc


def test_single_article_object_with_usual_fields() -> None:
    (draft,) = parse_json(
        json.dumps(
            {
                "headline": "Bridge closed",
                "body": "First paragraph.\n\nSecond paragraph.",
                "datePublished": "2021-03-04T05:06:07Z",
                "authors": ["Jane Doe", {"name": "John Roe"}],
                "canonical_url": "https://towncrier.example/bridge",
                "publisher": {"name": "Town Crier"},
                "category": "Local",
                "lang": "en-GB",
            }
        )
    )
    assert draft == Draft(
        title="Bridge closed",
        source="Town Crier",
        section="Local",
        published=datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC),
        authors=["Jane Doe", "John Roe"],
        url="https://towncrier.example/bridge",
        paragraphs=["First paragraph.", "Second paragraph."],
        language="en",
    )


def test_array_of_articles_in_order() -> None:
    drafts = parse_json(json.dumps([{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]))
    assert [(d.title, d.paragraphs) for d in drafts] == [("A", ["a"]), ("B", ["b"])]


@pytest.mark.parametrize("wrapper", ["articles", "items", "data", "results"])
def test_object_wrapping_a_list(wrapper: str) -> None:
    data = {"status": "ok", "count": 2, wrapper: [{"title": "A", "text": "a"}, {"title": "B"}]}
    assert [d.title for d in parse_json(json.dumps(data))] == ["A", "B"]


def test_newsapi_response() -> None:
    data = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "BBC News"},
                "author": "By Jane Doe, Reuters",
                "title": "T",
                "description": "Summary.",
                "url": "https://bbc.co.uk/x",
                "publishedAt": "2021-03-04T05:06:07Z",
                "content": "Line one\nLine two",
            }
        ],
    }
    (draft,) = parse_json(json.dumps(data))
    assert draft == Draft(
        title="T",
        source="BBC News",
        published=datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC),
        authors=["Jane Doe"],
        credit="Reuters",
        url="https://bbc.co.uk/x",
        paragraphs=["Summary.", "Line one", "Line two"],  # the description is its lede
    )


@pytest.mark.parametrize(
    ("title", "source", "url", "expected"),
    [
        ("Storm hits coast - BBC News", "BBC News", "", ("Storm hits coast", "BBC News")),
        ("Oil rises as OPEC cuts | Reuters", "", "", ("Oil rises as OPEC cuts", "Reuters")),
        (
            "Storm hits coast - Valley Post",
            "",
            "https://valleypost.com/a",
            ("Storm hits coast", "Valley Post"),
        ),
        ("Storm hits coast - Ms Doe", "BBC News", "", ("Storm hits coast - Ms Doe", "BBC News")),
        ("Storm hits coast - BBC News", "", "", ("Storm hits coast - BBC News", "")),
    ],
)
def test_a_news_apis_title_leaves_its_sites_name_to_the_source(
    title: str, source: str, url: str, expected: tuple[str, str]
) -> None:
    # NewsAPI gives the page's <title>: "Headline - BBC News" beside {"name": "BBC News"}.
    item = {"title": title, "content": "Thousands of homes lost power.", "url": url}
    if source:
        item["source"] = {"id": None, "name": source}  # type: ignore[assignment]
    (draft,) = parse_json(json.dumps({"status": "ok", "articles": [item]}))
    assert (draft.title, draft.source) == expected


def test_newsapi_cut_mark_is_no_text() -> None:
    """NewsAPI gives the first 200 characters of a text and says how many it left out: the
    reader sees where it stops ("…"), not the count."""
    data = {
        "articles": [
            {
                "title": "Storm hits coast",
                "content": "Thousands of homes lost power. Engineers worked through the… [+2345 chars]",
            }
        ]
    }
    (draft,) = parse_json(json.dumps(data))
    assert draft.paragraphs == ["Thousands of homes lost power. Engineers worked through the…"]


def test_new_york_times_article_search_api() -> None:
    """The Times' API wraps its headline and byline in objects and gives the abstract and
    the first paragraph, not the whole text."""
    data = {
        "status": "OK",
        "response": {
            "docs": [
                {
                    "abstract": "Winds of up to 90mph brought down lines.",
                    "web_url": "https://www.nytimes.com/2024/03/11/world/storm.html",
                    "snippet": "Winds of up to 90mph.",
                    "lead_paragraph": "Thousands of homes lost power on Monday.",
                    "source": "The New York Times",
                    "headline": {
                        "main": "Storm Hits Coast",
                        "kicker": None,
                        "print_headline": "Storm",
                    },
                    "pub_date": "2024-03-11T09:15:00+0000",
                    "section_name": "World",
                    "byline": {
                        "original": "By Jane Smith and Tom Jones",
                        "person": [{"firstname": "Jane", "lastname": "Smith"}],
                    },
                    "_id": "nyt://article/abc",
                }
            ]
        },
    }
    (draft,) = parse_json(json.dumps(data))
    assert draft == Draft(
        title="Storm Hits Coast",
        source="The New York Times",
        section="World",
        published=datetime(2024, 3, 11, 9, 15, tzinfo=UTC),
        authors=["Jane Smith", "Tom Jones"],
        url="https://www.nytimes.com/2024/03/11/world/storm.html",
        paragraphs=[
            "Winds of up to 90mph brought down lines.",
            "Thousands of homes lost power on Monday.",
        ],
    )


def test_google_reader_format_of_inoreader_freshrss_and_feedly() -> None:
    """What RSS readers export (Inoreader's and FreshRSS's Google Reader API, Feedly): the
    text and summary in {"content": ...} objects, the feed's name in "origin", the reader's
    own states no section, its label the reader's folder. Read nothing before ("no article
    text found")."""
    item = {
        "id": "tag:google.com,2005:reader/item/00000001",
        "categories": ["user/-/state/com.google/reading-list", "user/1005/label/Weather"],
        "title": "Storm hits coast",
        "published": 1710148500,
        "canonical": [{"href": "https://www.bbc.co.uk/news/uk-123"}],
        "summary": {"direction": "ltr", "content": "<p>Homes lost power.</p><p>Crews worked.</p>"},
        "author": "Jane Smith",
        "origin": {
            "streamId": "feed/http://x/rss.xml",
            "title": "BBC News",
            "htmlUrl": "https://x",
        },
    }
    data = {"id": "user/-/state/com.google/reading-list", "title": "Reading List", "items": [item]}
    (draft,) = parse_json(json.dumps(data))
    assert draft == Draft(
        title="Storm hits coast",
        source="BBC News",
        section="Weather",
        published=datetime(2024, 3, 11, 9, 15, tzinfo=UTC),
        authors=["Jane Smith"],
        url="https://www.bbc.co.uk/news/uk-123",
        paragraphs=["Homes lost power.", "Crews worked."],
    )
    feedly = {
        "title": "Storm hits coast",
        "published": 1710148500000,
        "categories": ["user/-/state/com.google/starred"],
        "content": {"content": "<p>Homes lost power.</p>", "direction": "ltr"},
        "origin": {"title": "BBC News"},
    }
    (draft,) = parse_json(json.dumps([feedly]))
    assert (draft.paragraphs, draft.source, draft.section) == (
        ["Homes lost power."],
        "BBC News",
        "",
    )
    assert draft.published == datetime(2024, 3, 11, 9, 15, tzinfo=UTC)


def test_guardian_single_item_response() -> None:
    """The Guardian's item endpoint holds its one article under "content" (read as no text
    before), with the standfirst, the body as HTML and the paper's name in its fields."""
    content = {
        "sectionName": "World news",
        "webPublicationDate": "2024-03-11T09:15:00Z",
        "webTitle": "Storm hits coast",
        "webUrl": "https://www.theguardian.com/world/2024/mar/11/storm",
        "fields": {
            "standfirst": "<p>Winds of up to 90mph brought down lines</p>",
            "byline": "Jane Smith",
            "body": "<p>Homes lost power.</p> <p>Crews worked.</p>",
            "publication": "The Guardian",
        },
    }
    (draft,) = parse_json(json.dumps({"response": {"status": "ok", "content": content}}))
    assert draft == Draft(
        title="Storm hits coast",
        source="The Guardian",
        section="World news",
        published=datetime(2024, 3, 11, 9, 15, tzinfo=UTC),
        authors=["Jane Smith"],
        url="https://www.theguardian.com/world/2024/mar/11/storm",
        paragraphs=[
            "Winds of up to 90mph brought down lines",
            "Homes lost power.",
            "Crews worked.",
        ],
    )


def test_a_story_object_around_its_content_dates_it() -> None:
    """A headless CMS's story (Storyblok's) holds the article's fields in "content" and its
    publication beside them: both are the article's."""
    story = {
        "name": "Storm hits coast",
        "published_at": "2024-03-11T09:15:00.000Z",
        "full_slug": "news/storm",
        "content": {
            "component": "article",
            "title": "Storm hits coast",
            "body": "Homes lost power.",
        },
    }
    for data in ({"stories": [story]}, {"story": story}):  # the list's and the story's API
        (draft,) = parse_json(json.dumps(data))
        assert (draft.title, draft.paragraphs) == ("Storm hits coast", ["Homes lost power."])
        assert draft.published == datetime(2024, 3, 11, 9, 15, tzinfo=UTC)


def test_event_registry_source_object_and_three_letter_language() -> None:
    """Event Registry (newsapi.ai) names the source in {"uri": ..., "title": ...} and the
    language in three letters: the source is its title, the language left to the guess (the
    library's codes have two letters)."""
    article = {
        "lang": "eng",
        "date": "2024-03-11",
        "url": "https://www.bbc.co.uk/news/uk-123",
        "title": "Storm hits coast",
        "body": "Homes lost power.",
        "source": {"uri": "bbc.co.uk", "dataType": "news", "title": "BBC"},
        "authors": [{"uri": "jane@bbc.co.uk", "name": "Jane Smith", "type": "author"}],
    }
    (draft,) = parse_json(json.dumps({"articles": {"results": [article]}}))
    assert (draft.source, draft.authors, draft.language) == ("BBC", ["Jane Smith"], "")
    assert draft.published == datetime(2024, 3, 11)
    article["dateTime"] = "2024-03-11T09:15:00Z"  # the moment, on that day: taken
    (draft,) = parse_json(json.dumps({"articles": {"results": [article]}}))
    assert draft.published == datetime(2024, 3, 11, 9, 15, tzinfo=UTC)
    article["dateTime"] = "2024-03-12T01:15:00Z"  # another day (a crawl's): the day stays
    (draft,) = parse_json(json.dumps({"articles": {"results": [article]}}))
    assert draft.published == datetime(2024, 3, 11)
    del article["date"]  # the moment alone dates it
    (draft,) = parse_json(json.dumps({"articles": {"results": [article]}}))
    assert draft.published == datetime(2024, 3, 12, 1, 15, tzinfo=UTC)


def test_json_feed_is_unwrapped_although_the_feed_has_a_title() -> None:
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "My feed",
        "items": [{"title": "Item", "content_text": "Body.", "authors": [{"name": "Jane Doe"}]}],
    }
    (draft,) = parse_json(json.dumps(data))
    assert (draft.title, draft.paragraphs, draft.authors) == ("Item", ["Body."], ["Jane Doe"])


def test_guardian_api_nested_fields() -> None:
    data = {
        "response": {
            "results": [
                {
                    "webTitle": "G title",
                    "webPublicationDate": "2021-03-04T05:06:07Z",
                    "sectionName": "World news",
                    "fields": {"bodyText": "Body text.", "byline": "Jane Doe and John Roe"},
                }
            ]
        }
    }
    (draft,) = parse_json(json.dumps(data))
    assert (draft.title, draft.section) == ("G title", "World news")
    assert draft.authors == ["Jane Doe", "John Roe"]
    assert draft.paragraphs == ["Body text."]


def test_wordpress_rendered_html_fields() -> None:
    data = [
        {
            "title": {"rendered": "Q&amp;A: <em>bridges</em>"},
            "content": {"rendered": "<p>Para one.</p>\n<p>Para <b>two</b>.</p>"},
            "link": "https://blog.example/p?a=1&copy=2",
            "date": "2021-03-04T05:06:07",
        }
    ]
    (draft,) = parse_json(json.dumps(data))
    assert draft.title == "Q&A: bridges"
    assert draft.paragraphs == ["Para one.", "Para two."]
    assert draft.url == "https://blog.example/p?a=1&copy=2"
    assert draft.published == datetime(2021, 3, 4, 5, 6, 7)


def test_an_rss_feed_converted_to_json() -> None:
    """RSS as xml2json and feed converters give it: the writer in Dublin Core's "dc:creator",
    the date in "pubDate" or "dc:date", the text in "content:encoded"."""
    item = {
        "title": "Storm hits coast",
        "link": "https://www.bbc.co.uk/news/uk-123",
        "description": "Homes lost power.",
        "dc:creator": "Jane Smith",
        "dc:date": "2024-03-11T09:15:00Z",
        "content:encoded": "<p>Homes lost power.</p><p>Crews worked.</p>",
    }
    data = {"rss": {"channel": {"title": "BBC News", "item": [item]}}}
    (draft,) = parse_json(json.dumps(data))
    assert draft.authors == ["Jane Smith"]
    assert draft.published == datetime(2024, 3, 11, 9, 15, tzinfo=UTC)
    assert draft.paragraphs == ["Homes lost power.", "Crews worked."]


def test_wordpress_category_ids_are_no_section() -> None:
    data = {"title": {"rendered": "T"}, "content": {"rendered": "<p>Text.</p>"}, "categories": [5]}
    (draft,) = parse_json(json.dumps([data]))
    assert (draft.paragraphs, draft.section) == (["Text."], "")


def test_json_lines() -> None:
    text = '{"title": "A", "text": "a"}\n\n{"title": "B", "text": "b"}\n'
    assert [d.title for d in parse_json(text)] == ["A", "B"]


@pytest.mark.parametrize(
    ("summary", "body", "kept"),
    [
        # A lede the body leaves out (a feed's description, an API's standfirst) opens it.
        ("Tolls rise in May.", "The council voted on Monday.", True),
        ("<p>Tolls <b>rise</b> in May.</p>", "The council voted on Monday.", True),
        # Said already: the body's start, whole or cut short (WordPress's excerpt "[…]").
        ("The council voted on Monday.", "The council voted on Monday.\n\nMore.", False),
        ("The council voted on Mon…", "The council voted on Monday. More.", False),
        ("The council voted [&hellip;]", "The council voted on Monday.", False),
        ("The council voted on Monday [...]", "The council voted on Monday.", False),
        ("<p>The council voted on</p>\n<p>[&hellip;]</p>", "The council voted on it.", False),
        # ... or cut at so many characters with no mark, maybe in a word (an export's
        # "description": its text's first 200 characters).
        ("The council voted on Mond", "The council voted on Monday. More.", False),
        ("Fares rise in May", "The council voted on Monday.", True),
        ("The council vote", "The council voted on Monday.", False),
        ("The council voted on", "The council voted on Monday.", False),
        # ... or later in the body, or the title again.
        ("Tolls rise in May.", "First.\n\nSecond.\n\nThird.\n\nTolls rise in May.", False),
        ("Bridge closed", "The council voted on Monday.", False),
        # Words of the body, but not its text: kept ("art" is no part of "start").
        ("Art start.", "The start of the art fair.", True),
        ("Art sta", "The start of the art fair.", True),
    ],
)
def test_a_summary_is_the_lede_unless_the_body_or_title_says_it(
    summary: str, body: str, kept: bool
) -> None:
    (alone,) = parse_json(json.dumps({"title": "Bridge closed", "content": body}))
    for key in ("description", "excerpt", "standfirst", "summary"):
        data = {"title": "Bridge closed", key: summary, "content": body}
        (draft,) = parse_json(json.dumps(data))
        if kept:
            assert draft.paragraphs == ["Tolls rise in May." if "Tolls" in summary else summary,
                                        *alone.paragraphs], key  # fmt: skip
        else:
            assert draft.paragraphs == alone.paragraphs, key


def test_a_summary_as_long_as_an_article_is_no_lede() -> None:
    summary = "A whole second copy of the article, reworded. " * 30
    (draft,) = parse_json(json.dumps({"title": "T", "summary": summary, "body": "The body."}))
    assert draft.paragraphs == ["The body."]


def test_description_is_the_body_when_there_is_no_text() -> None:
    (draft,) = parse_json('{"title": "T", "description": "Only a summary."}')
    assert draft.paragraphs == ["Only a summary."]


def test_single_newlines_split_paragraphs_only_without_blank_lines() -> None:
    (one,) = parse_json(json.dumps({"text": "a\nb\n\nc"}))
    (two,) = parse_json(json.dumps({"text": "a\nb\nc"}))
    assert one.paragraphs == ["a b", "c"]
    assert two.paragraphs == ["a", "b", "c"]


def test_unix_timestamps_in_seconds_and_milliseconds() -> None:
    expected = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)
    (seconds,) = parse_json('{"text": "x", "timestamp": 1614834367}')
    (millis,) = parse_json('{"text": "x", "created_at": "1614834367000"}')
    assert seconds.published == millis.published == expected


def test_a_year_or_month_alone_dates_a_json_article_by_that_period() -> None:
    (year, month) = parse_json('[{"text": "x", "date": 2019}, {"text": "y", "date": "2019-03"}]')
    assert (year.published, year.period) == (datetime(2019, 1, 1), "year")
    assert (month.published, month.period) == (datetime(2019, 3, 1), "month")


def test_json_ld_article_file() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "LD",
        "articleBody": "LD body.",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "publisher": {"@type": "Organization", "name": "Town Crier"},
        "inLanguage": "de-DE",
    }
    (draft,) = parse_json(json.dumps(data))
    assert (draft.title, draft.source, draft.language) == ("LD", "Town Crier", "de")
    assert draft.authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"title": "T",\n "text": }', "invalid JSON: Expecting value at line 2"),
        ('{"a": 1}\n{"b": \n', "invalid JSON: Expecting value at line 2"),
        ("not json", "invalid JSON: Expecting value at line 1"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON: nested too deeply"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "invalid JSON: nested too deeply"),
    ],
)
def test_invalid_json_is_unreadable_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_json(text)
    assert str(caught.value) == reason


def test_a_json_lines_line_that_is_not_json_keeps_its_place_among_the_articles() -> None:
    text = '{"title": "A", "text": "a"}\n{"title": "B", "te\n\n{"title": "C", "text": "c"}\n'
    drafts = parse_json(text)
    assert [(d.title, d.unread) for d in drafts] == [
        ("A", ""),
        ("", "invalid JSON: Unterminated string starting at line 2"),
        ("C", ""),
    ]
    # A .jsonl file is read by lines even when its first line is not JSON.
    first_bad = parse_json('nope\n{"title": "A", "text": "a"}', lines=True)
    assert [d.unread for d in first_bad] == ["invalid JSON: Expecting value at line 1", ""]


@pytest.mark.parametrize("lines", [False, True])
def test_json_lines_of_no_article_but_bad_lines_are_unreadable(lines: bool) -> None:
    """(Text that opens with a bracket is tried as JSON first: it must fail to fall through.)"""
    with pytest.raises(UnreadableFile) as caught:
        parse_json("[1]\n[Updated] the harbour story\n", lines=lines)
    assert str(caught.value) == "invalid JSON: Expecting value at line 2"


def test_values_that_are_not_articles_give_nothing() -> None:
    assert parse_json("42") == []
    assert parse_json('{"status": "ok"}') == []


@pytest.mark.parametrize(
    "data",
    [
        {  # trafilatura's JSON: "source" is the address, "source-hostname" the site's name
            "title": "Tram deal", "author": "Jane Doe", "hostname": "northfield.example",
            "date": "2024-03-05", "text": "The mayor agreed a deal.", "filedate": "2026-12-04",
            "source": "https://northfield.example/tram", "source-hostname": "Northfield News",
        },
        {  # news-please
            "authors": ["Jane Doe"], "date_download": "2026-12-04 10:00:00",
            "date_publish": "2024-03-05 00:00:00", "maintext": "The mayor agreed a deal.",
            "source_domain": "Northfield News", "title": "Tram deal",
            "url": "https://northfield.example/tram",
        },
        {  # wallabag
            "title": "Tram deal", "url": "https://northfield.example/tram",
            "content": "<p>The mayor agreed a deal.</p>", "published_at": "2024-03-05",
            "published_by": ["Jane Doe"], "domain_name": "Northfield News",
            "created_at": "2026-12-04T08:00:00+0100",
        },
    ],
    ids=["trafilatura", "news-please", "wallabag"],
)  # fmt: skip
def test_what_article_extractors_write(data: dict[str, object]) -> None:
    """The JSON that extractors and read-it-later apps export: the date of publication (not
    of the download or the save), the authors, the site's name and the address."""
    (draft,) = parse_json(json.dumps(data))
    assert (draft.title, draft.paragraphs) == ("Tram deal", ["The mayor agreed a deal."])
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-05"
    assert draft.authors == ["Jane Doe"]
    assert (draft.source, draft.url) == ("Northfield News", "https://northfield.example/tram")


def test_a_chinese_text_wrapped_in_its_lines_joins_without_spaces() -> None:
    text = "中国人民银行宣布降准，预\n期将释放长期资金。\n\n市场反应积极，股\n市上涨。"
    (draft,) = parse_json(json.dumps({"title": "央行", "text": text}))
    assert draft.paragraphs == [
        "中国人民银行宣布降准，预期将释放长期资金。",
        "市场反应积极，股市上涨。",
    ]


def test_an_arabic_author_field_names_the_author_not_a_credit() -> None:
    (draft,) = parse_json(json.dumps({"title": "خبر", "text": "نص.", "author": "محمد أحمد"}))
    assert (draft.authors, draft.credit) == (["محمد أحمد"], "")


@pytest.mark.parametrize("shape", ["array", "wrapped", "lines"])
def test_a_document_cut_anywhere_gives_the_items_before_the_cut_whole(shape: str) -> None:
    """Every cut of a file of articles (`read_articles` cuts a file over 20 MB): the drafts are
    the first items, whole, or the file is unreadable; never a part of an item, never an
    error of another kind. The oracle is the items themselves."""
    items = [
        {"title": f"Story {n} [x]", "body": f'Text of story {n}, with {{braces}} and \\"quotes\\".'}
        for n in range(8)
    ]
    text = {
        "array": json.dumps(items, indent=1),
        "wrapped": json.dumps({"status": "ok", "meta": {"n": [1, 2]}, "articles": items}),
        "lines": "\n".join(json.dumps(item) for item in items),
    }[shape]
    most = 0
    for end in range(1, len(text), 3):
        try:
            drafts = parse_json(text[:end], lines=shape == "lines", cut=True)
        except UnreadableFile:
            continue
        read = [(d.title, list(d.paragraphs)) for d in drafts if not d.unread]
        whole = [(i["title"], [i["body"]]) for i in items[: len(read)]]
        assert read == whole, f"cut at {end}"
        most = max(most, len(read))
    assert most >= len(items) - 1  # cut in the last item: all the others


def test_an_elasticsearch_dumps_hits_are_articles() -> None:
    """Keys lose their "_" when compared, so "_source" (the hit's document) was "source", the
    publication: a dump of an index of articles gave none."""
    hits = [
        {"_index": "news", "_id": "1", "_source": {"title": "Bridge closed", "body": "Cracks."}},
        {"_index": "news", "_id": "2", "_source": {"title": "Road open", "text": "At last."}},
    ]
    document = {"took": 3, "hits": {"total": {"value": 2}, "hits": hits}}
    drafts = parse_json(json.dumps(document))
    assert [(d.title, d.paragraphs) for d in drafts] == [
        ("Bridge closed", ["Cracks."]),
        ("Road open", ["At last."]),
    ]
