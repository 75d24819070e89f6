"""Markdown articles: YAML or TOML front matter, or a heading as the title."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsread.index.files.formats import Draft
from newsread.index.files.formats.markdown import parse_markdown


def test_yaml_front_matter_fields() -> None:
    draft = parse_markdown(
        """---
title: "Bridge closed: what now?"
date: 2021-03-04T05:06:07+02:00
authors:
  - Jane Doe
  - name: John Roe
source: Town Crier
categories: [Local, Transport]
url: https://towncrier.example/bridge
lang: en-GB
---

# Bridge closed: what now?

The council voted **on Tuesday**.

- item one
- item two
"""
    )
    assert draft == Draft(
        title="Bridge closed: what now?",
        source="Town Crier",
        section="Local",
        published=datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=2))),
        authors=["Jane Doe", "John Roe"],
        url="https://towncrier.example/bridge",
        paragraphs=["The council voted **on Tuesday**.", "- item one\n- item two"],
        language="en",
    )


def test_toml_front_matter_fields() -> None:
    draft = parse_markdown(
        """+++
title = "TOML title"
date = 2021-03-04
author = "By Jane Doe, Reuters"
section = "World"
link = "https://example.com/a"
language = "fr"
+++
Corps du texte.
"""
    )
    assert draft == Draft(
        title="TOML title",
        section="World",
        published=datetime(2021, 3, 4),
        authors=["Jane Doe"],
        credit="Reuters",
        url="https://example.com/a",
        paragraphs=["Corps du texte."],
        language="fr",
    )


def test_multimarkdown_metadata_lines_are_the_articles_fields() -> None:
    """`Key: value` lines opening the file up to a blank line (MultiMarkdown, Pelican, iA
    Writer): a plain-text article saved with them and renamed `.md` lost its title to the
    file's name, and the lines were its first paragraph."""
    draft = parse_markdown(
        "Title: Harbour council approves the new quay\n"
        "Author: Mara Quist\n"
        "Date: 12 March 2024\n"
        "Base Header Level: 2\n"
        "Summary: The quay is approved\n"
        "  after a long debate.\n"
        "\n"
        "The council of Kelmor approved the quay on Tuesday.\n"
    )
    assert draft.title == "Harbour council approves the new quay"
    assert draft.authors == ["Mara Quist"]
    assert draft.published == datetime(2024, 3, 12)
    assert draft.paragraphs == [
        "The quay is approved after a long debate.",
        "The council of Kelmor approved the quay on Tuesday.",
    ]


@pytest.mark.parametrize(
    "first",
    [
        "Update: the council met again on Friday.",  # no metadata key: a sentence
        "Name: Mara Quist\nRole: harbour master",  # a profile's lines, not a title
        "Title: Harbour quay\nand a line that is no label",
    ],
)
def test_a_first_paragraph_of_labels_that_are_no_metadata_stays_text(first: str) -> None:
    draft = parse_markdown(f"{first}\n\nThe council approved the quay on Tuesday.\n")
    assert not draft.title
    assert draft.paragraphs[1] == "The council approved the quay on Tuesday."


def test_heading_is_the_title_and_lines_under_it_are_byline_and_date() -> None:
    draft = parse_markdown(
        """# Heading title

*By Jane Doe and John Roe*
_4 March 2021_

First paragraph
continues here.

Second paragraph.
"""
    )
    assert draft.title == "Heading title"
    assert draft.authors == ["Jane Doe", "John Roe"]
    assert draft.published == datetime(2021, 3, 4)
    assert draft.paragraphs == ["First paragraph continues here.", "Second paragraph."]


def test_setext_heading_and_a_combined_byline_date_line() -> None:
    draft = parse_markdown("Setext Title\n============\n\nBy Jane Doe | 4 March 2021\n\nBody.")
    assert (draft.title, draft.authors) == ("Setext Title", ["Jane Doe"])
    assert draft.published == datetime(2021, 3, 4)
    assert draft.paragraphs == ["Body."]


def test_a_sentence_under_the_heading_stays_in_the_body() -> None:
    draft = parse_markdown("# Title\n\nBy the end of May the bridge will reopen.\n")
    assert draft.authors == []
    assert draft.paragraphs == ["By the end of May the bridge will reopen."]


def test_fenced_code_block_with_blank_lines_is_one_paragraph() -> None:
    draft = parse_markdown("# T\n\nIntro.\n\n```python\nx = 1\n\ny = 2\n```\n\nAfter.\n")
    assert draft.paragraphs == ["Intro.", "```python\nx = 1\n\ny = 2\n```", "After."]


def test_heading_that_differs_from_the_front_matter_title_stays_in_the_body() -> None:
    draft = parse_markdown("---\ntitle: Real title\n---\n# Chapter one\n\nText.\n")
    assert draft.title == "Real title"
    assert draft.paragraphs == ["# Chapter one", "Text."]


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_an_empty_front_matter_block_leaves_the_heading_the_title(fence: str) -> None:
    # "---" twice (a note template's empty block) was no front matter: the title was the
    # file's name and "---" and the heading were the first paragraph.
    draft = parse_markdown(f"{fence}\n{fence}\n\n# Gull colony returns\n\nBirds nest again.\n")
    assert draft.title == "Gull colony returns"
    assert draft.paragraphs == ["Birds nest again."]


def test_invalid_yaml_front_matter_still_gives_simple_keys() -> None:
    draft = parse_markdown("---\ntitle: broken: yaml: here\ndate: 2021-03-04\n---\nBody.\n")
    assert draft.title == "broken: yaml: here"
    assert draft.published == datetime(2021, 3, 4)
    assert draft.paragraphs == ["Body."]


@pytest.mark.parametrize("date", ["2023-13-45", "2023-02-30", "2023-01-01 25:00:00", "0000-01-01"])
def test_a_front_matter_date_the_calendar_has_not_keeps_the_other_keys(date: str) -> None:
    # PyYAML's pattern takes these as dates and its constructor raises ValueError building them:
    # that once stopped `newsread index` at the file ("unexpected error: ValueError").
    draft = parse_markdown(
        f"---\ntitle: Front matter note\nauthor: Jane Doe\ndate: {date}\n---\nBody."
    )
    assert (draft.title, draft.authors, draft.published) == (
        "Front matter note",
        ["Jane Doe"],
        None,
    )
    assert draft.paragraphs == ["Body."]


def test_no_front_matter_and_no_heading() -> None:
    draft = parse_markdown("Just some *text*.\n\nAnd more.")
    assert draft == Draft(paragraphs=["Just some *text*.", "And more."])


@pytest.mark.parametrize(
    ("line", "published", "period"),
    [
        ("date: 2019", datetime(2019, 1, 1), "year"),  # YAML reads an int
        ("date: 2019-03", datetime(2019, 3, 1), "month"),
        ("date: 1546300800", datetime(2019, 1, 1, tzinfo=timezone.utc), ""),
    ],
)
def test_front_matter_dates_by_year_month_or_unix_time(
    line: str, published: datetime, period: str
) -> None:
    draft = parse_markdown(f"---\ntitle: T\n{line}\n---\nBody.")
    assert (draft.published, draft.period) == (published, period)
    toml = parse_markdown(f"+++\ntitle = 'T'\n{line.replace(':', ' =', 1)}\n+++\nBody.")
    assert (toml.published, toml.period) == (published, period)


def test_date_strings_in_front_matter_are_parsed() -> None:
    draft = parse_markdown('---\ntitle: T\npublished: "30 May 2017 16:18"\n---\nBody.')
    assert draft.published == datetime(2017, 5, 30, 16, 18)


def test_huge_front_matter_is_read_as_plain_lines_not_yaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import yaml

    from newsread.index.files.formats import markdown

    def refuse(block: str) -> None:
        raise AssertionError("PyYAML takes ~1.3 s per MB; front matter is metadata")

    monkeypatch.setattr(yaml, "safe_load", refuse)
    title = "harbour kelmor news " * 5000
    draft = markdown.parse_markdown(f"---\ntitle: {title}\nauthor: Ilse Varga\n---\n\nBody text.\n")
    assert draft.title == title.strip()
    assert draft.authors == ["Ilse Varga"]
    assert len(title) > markdown.MAX_FRONT_MATTER_CHARS


def test_a_front_matter_description_is_the_lede_the_body_leaves_out() -> None:
    """As a web clipper saves a page: the standfirst in `description`, the text without it."""
    clipped = (
        "---\n"
        'title: "Tolls rise on the Kelmor bridge"\n'
        "description: Drivers will pay twice as much from May, the council decided.\n"
        "---\n\n"
        "The council voted on Monday after a long debate.\n\n"
        "A second paragraph.\n"
    )
    assert parse_markdown(clipped).paragraphs == [
        "Drivers will pay twice as much from May, the council decided.",
        "The council voted on Monday after a long debate.",
        "A second paragraph.",
    ]
    # Said already: the text's own start (here cut short), or the title again.
    for summary in ("The council voted on Monday after a…", "Tolls rise on the Kelmor bridge"):
        text = clipped.replace(
            "Drivers will pay twice as much from May, the council decided.", f'"{summary}"'
        )
        assert parse_markdown(text).paragraphs[0].startswith("The council voted"), summary
    (only,) = parse_markdown("---\ntitle: T\nsummary: |\n  Just a summary.\n---\n").paragraphs
    assert only == "Just a summary."


def test_what_web_clippers_write() -> None:
    """Obsidian's clipper: the page's address as `source`, the save date as `created`;
    Omnivore's: `date_published`, and tag and link lines above the text."""
    obsidian = parse_markdown(
        "---\n"
        'title: "Tram deal"\n'
        'source: "https://northfield.example/news/tram-deal"\n'
        'author:\n  - "[[Jane Doe]]"\n'
        "created: 2026-12-04\n"
        "---\n"
        "The mayor agreed a deal on Tuesday.\n"
    )
    assert (obsidian.source, obsidian.url) == ("", "https://northfield.example/news/tram-deal")
    assert obsidian.published is None  # when it was clipped is not when it was published
    assert obsidian.authors == ["Jane Doe"]
    omnivore = parse_markdown(
        "---\n"
        "title: |\n  Ferry fares frozen\n"
        "date_saved: 2026-12-01 10:00:00\n"
        "date_published: 2024-02-01 08:00:00\n"
        "---\n\n"
        "# Ferry fares frozen\n\n"
        "#Omnivore #transport\n\n"
        "[Read on Omnivore](https://omnivore.example/me/ferry)\n"
        "[Read Original](https://baltic.example/ferry-fares)\n\n"
        "The ferry company will keep its fares until next winter.\n"
    )
    assert omnivore.published == datetime(2024, 2, 1, 8, 0)
    assert omnivore.url == "https://baltic.example/ferry-fares"
    assert omnivore.paragraphs == ["The ferry company will keep its fares until next winter."]


def test_links_in_the_text_stay() -> None:
    """Only paragraphs of nothing but links and tags, at the top, are a clipper's."""
    text = (
        "# T\n\nSee [the report](https://x.example/r) for details.\n\n[Next](https://x.example/2)\n"
    )
    assert parse_markdown(text).paragraphs == [
        "See [the report](https://x.example/r) for details.",
        "[Next](https://x.example/2)",
    ]
    (only,) = parse_markdown("# T\n\n[A link on its own](https://x.example/a)\n").paragraphs
    assert only == "[A link on its own](https://x.example/a)"  # the text is never left empty


def test_a_paragraphs_line_breaks_are_spaces_as_a_renderer_shows_them() -> None:
    """Text wrapped at 72 columns (html2text, pandoc) reads as paragraphs: a soft line break
    is a space. Hard breaks, list items, quotations, headings, tables and code keep theirs."""
    text = (
        "# T\n\n"
        "The port said on Monday that dredging of the\nouter channel starts in\n"
        "2019. The work runs for\nsix weeks.  \nA line after a hard break.\n\n"
        "- an item\n  wrapped\n- another\n\n"
        "1. first\n2. second\n\n"
        "Items follow:\n1. one\n\n"
        "> Quoted and\n> wrapped.\n\n"
        "Setext\n------\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```\ncode one\ncode two\n```\n\n"
        "    indented\n    code\n"
    )
    assert parse_markdown(text).paragraphs == [
        "The port said on Monday that dredging of the outer channel starts in 2019. The work"
        " runs for six weeks.\nA line after a hard break.",
        "- an item wrapped\n- another",
        "1. first\n2. second",
        "Items follow:\n1. one",
        "> Quoted and wrapped.",
        "Setext\n------",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "```\ncode one\ncode two\n```",
        "    indented\n    code",
    ]


def test_chinese_wrapped_in_markdown_joins_without_a_break() -> None:
    # A line break between Chinese characters is no space: "预\n期" split the word "预期".
    text = "# 央行宣布降准\n中国人民银行宣布，预\n期将释放长期资金。\n\n- 第一项\n- 第二项\n\n> 引用\n> 继续\n"
    draft = parse_markdown(text)
    assert draft.title == "央行宣布降准"
    assert draft.paragraphs == [
        "中国人民银行宣布，预期将释放长期资金。",
        "- 第一项\n- 第二项",
        "> 引用继续",
    ]


def test_a_labelled_byline_in_a_script_without_capitals_names_the_writer() -> None:
    text = (
        "# הבחירות בישראל: תוצאות ראשונות\n\nמאת: דוד כהן\n\n"
        "ירושלים - תוצאות ראשונות של הבחירות פורסמו הלילה.\n"
    )
    draft = parse_markdown(text)
    assert draft.authors == ["דוד כהן"]
    assert draft.paragraphs == ["ירושלים - תוצאות ראשונות של הבחירות פורסמו הלילה."]


MARKDOWNLOAD = """---
created: 2024-03-05T10:12:44 (UTC +01:00)
tags: []
source: https://www.example-news.com/world/2024/03/05/port-strike-spreads
author: Jane Doe
---

# Port strike spreads to northern terminals | Example News

> ## Excerpt
> {excerpt}

---
Dock workers walked out at three more terminals on Tuesday, halting container traffic.

The union said the strike would continue.
"""


def test_a_clippers_quoted_excerpt_the_text_repeats_is_left_out_with_its_rule() -> None:
    # MarkDownload's template: the page's <title>, its description quoted under a label, "---".
    draft = parse_markdown(
        MARKDOWNLOAD.format(excerpt="Dock workers walked out at three more terminals on Tuesday.")
    )
    assert draft.title == "Port strike spreads to northern terminals"
    assert draft.source == "Example News"
    assert draft.paragraphs == [
        "Dock workers walked out at three more terminals on Tuesday, halting container traffic.",
        "The union said the strike would continue.",
    ]


def test_a_clippers_quoted_excerpt_the_text_leaves_out_is_its_lede() -> None:
    draft = parse_markdown(MARKDOWNLOAD.format(excerpt="Talks over pay broke down again."))
    assert draft.paragraphs[:2] == [
        "Talks over pay broke down again.",
        "Dock workers walked out at three more terminals on Tuesday, halting container traffic.",
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "> ## Background\n> The port has been closed before.",  # a heading of its own, no label
        "> Dock workers walked out, the union said.",  # a quotation opening the text
    ],
)
def test_a_quoted_block_that_is_no_labelled_excerpt_stays(opening: str) -> None:
    draft = parse_markdown(f"# Port strike spreads\n\n{opening}\n\nMore text.")
    assert draft.paragraphs == [opening, "More text."]


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Port strike spreads | Example News", "", "Port strike spreads"),  # an outlet's shape
        ("Port strike spreads - example-news.com", "", "Port strike spreads"),  # a host name
        ("Port strike spreads - Example News", "https://example-news.com/a", "Port strike spreads"),
        ("Port strike spreads - Example News", "", "Port strike spreads - Example News"),
        ("Why we must act | Opinion", "", "Why we must act | Opinion"),
        ("Talks to resume - Radio", "https://example-news.com/a", "Talks to resume - Radio"),
    ],
)
def test_a_clipped_titles_site_name_goes_only_when_it_names_the_site(
    title: str, url: str, expected: str
) -> None:
    draft = parse_markdown(f"---\ntitle: {title}\nurl: {url}\n---\n\nBody text here.")
    assert draft.title == expected
