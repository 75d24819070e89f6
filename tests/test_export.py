"""Markdown and W3C Web Annotation export, and importing the JSON back."""

from __future__ import annotations

import base64
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from newsread.index.annotations import (
    AnnotationError,
    AnnotationStore,
    ArticleAnnotations,
    Highlight,
    ImportSummary,
    by_published,
    export_json,
    export_markdown,
    highlights_by_published,
    import_json,
    import_store,
)
from newsread.index.annotations.export import to_web_annotations
from newsread.index.article import Article, stable_id
from newsread.index.text import sanitise, sanitise_line

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("NEWSREAD_UPDATE_GOLDEN") == "1"
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)

BUDGET = Article(
    id=stable_id("https://news.example/budget", "", ()),
    key="local/budget.txt",
    path="local/budget.txt",
    title="Council debates budget",
    source="The Example Times",
    url="https://news.example/budget",
    published=datetime(2024, 4, 30, 18, 5),
    paragraphs=(
        "The city council met on Tuesday evening to debate the draft budget for next year.",
        (
            "After three hours of argument, the mayor said the plan would cut costs by ten "
            "percent over three years, mostly by merging departments."
        ),
        "Opposition members called the figures optimistic and asked for an independent audit.",
        "A final vote is expected next month.",
    ),
)
BUDGET_REVISED = Article(
    **{
        **{name: getattr(BUDGET, name) for name in ("id", "key", "path", "title", "source")},
        "url": BUDGET.url,
        "published": BUDGET.published,
        "paragraphs": BUDGET.paragraphs[:2]
        + ("Nobody asked any questions.",)
        + BUDGET.paragraphs[3:],
    }
)
STORM = Article(
    id=stable_id("", "Storm warning", ("Storms are expected across the north on Friday.",)),
    key="notes/storm.md",
    path="notes/storm.md",
    title="Storm warning",
    paragraphs=("Storms are expected across the north on Friday.",),
)


class Clock:
    """A clock that moves one minute each time it is read."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return T0 + timedelta(minutes=self.calls)


def counter(prefix: str) -> Callable[[], str]:
    numbers = iter(range(1, 1_000_000))
    return lambda: f"{prefix}{next(numbers):03d}"


def span(article: Article, passage: str) -> tuple[int, int]:
    start = article.body.index(passage)
    return start, start + len(passage)


def cited_after(
    root: Path, fresh: AnnotationStore, name: str, passage: str, change: Callable[[Path], object]
) -> tuple[list[ArticleAnnotations], list[Highlight]]:
    """Index `root`, highlight `passage` of `name` in `fresh`, `change` the file and index
    again: the annotations as exported (`cited_now`) and the highlights as the highlights
    view lists them (`as_listed`)."""
    from newsread.index.annotations.placing import as_listed, cited_now
    from newsread.index.library import Library

    library = Library(root).open()
    try:
        library.update()
        article = library.article(name)
        assert article is not None
        fresh.add_highlight(article, *span(article, passage))
        change(root / name)
        library.update()
        listed, *_ = as_listed(library, fresh.all_highlights())
        return cited_now(library, fresh.annotations()), listed
    finally:
        library.close()


def open_store(path: Path, ids: str = "h") -> AnnotationStore:
    return AnnotationStore.open(path, clock=Clock(), new_id=counter(ids))


def annotate(store: AnnotationStore) -> None:
    """A small library of annotations, made in a known order at known times."""
    store.set_article_note(STORM, "Check the *Met Office* warning.")
    store.add_highlight(STORM, *span(STORM, "across the north"), colour=3)
    # Made out of text order, exported in text order.
    store.add_highlight(
        BUDGET,
        *span(BUDGET, "the plan would cut costs by ten percent"),
        colour=2,
        note="Ten percent of what?\n\n- baseline year\n- which departments",
    )
    store.add_highlight(BUDGET, *span(BUDGET, "for next year.\n\nAfter three hours"))
    store.add_highlight(BUDGET, *span(BUDGET, "an independent audit"), note="Who pays?")
    store.add_tags(BUDGET, "politics", "City hall")
    store.set_article_note(BUDGET, "Thin on numbers.")
    store.toggle_starred(BUDGET)
    store.set_read(BUDGET)  # not an annotation: in the JSON's own list of read marks
    # The article was revised: the audit highlight no longer has a place in it.
    store.highlights_for(BUDGET_REVISED)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    with open_store(tmp_path / "mine.sqlite3") as opened:
        annotate(opened)
        yield opened


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AnnotationStore]:
    with open_store(tmp_path / "theirs.sqlite3", ids="x") as opened:
        yield opened


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"set NEWSREAD_UPDATE_GOLDEN=1 to update {name}"
    )


def portable(items: list[Any], *, read: bool = True) -> list[Any]:
    """What an export carries: no revisions (each store counts its own), no read state, no
    position for an orphan (its old offsets no longer hold the quote), and a note's sync base
    as its versions (the importing store records the text it imported)."""
    from dataclasses import replace

    from newsread.index.annotations.records import note_versions

    def highlight(h: Any) -> Any:
        h = replace(h, revision=0, synced=note_versions(h.synced, h.note))
        return replace(h, start=None, end=None) if h.orphaned else h

    return [
        replace(
            item,
            state=replace(
                item.state,
                note_revision=0,
                read_at=item.state.read_at if read else None,
                note_synced=note_versions(item.state.note_synced, item.state.note)
                if item.state.note
                else (),
            ),
            highlights=tuple(highlight(h) for h in item.highlights),
        )
        for item in items
    ]


# Export ------------------------------------------------------------------------------------------


def test_markdown_export_matches_golden(store: AnnotationStore) -> None:
    check_golden("annotations.md", export_markdown(store.annotations(), library="/news/project"))


def test_json_export_matches_golden(store: AnnotationStore) -> None:
    text = export_json(store.annotations(), library="/news/project", read=store.read_marks())
    check_golden("annotations.json", text)


def test_an_export_of_every_library_names_each_library_its_annotations_come_from(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    with AnnotationStore.open(path, library="/news/project") as project:
        project.add_highlight(STORM, *span(STORM, "across the north"))
    with AnnotationStore.open(path, library="/news/archive") as archive:
        archive.set_article_note(BUDGET, "Ask about the audit.")
        items = archive.annotations()
    assert {item.article.title: item.library for item in items} == {
        "Storm warning": "/news/project",
        "Council debates budget": "/news/archive",
    }
    lines = export_markdown(items).splitlines()
    for library, title in (("/news/project", STORM.title), ("/news/archive", BUDGET.title)):
        start = lines.index(f"Library: `{library}`")
        assert lines[start - 2 : start] == ["# Highlights", ""]
        assert lines[start + 2] == f"## {title}"
    collection = json.loads(export_json(items))
    assert collection["newsread:library"] is None
    assert {
        (a["newsread:article"]["title"], a["newsread:library"])
        for a in collection["first"]["items"]
    } == {(STORM.title, "/news/project"), (BUDGET.title, "/news/archive")}
    # One library's export names it once, at the top, and each annotation carries no library.
    one = json.loads(export_json(items, library="/news/archive"))
    assert one["newsread:library"] == "/news/archive"
    assert all("newsread:library" not in a for a in one["first"]["items"])
    assert export_markdown(items, library="/news/archive").splitlines()[:3] == [
        "# Highlights",
        "",
        "Library: `/news/archive`",
    ]


def test_an_export_from_before_it_named_its_library_still_imports(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    """Exports were a bare list of annotations; now a collection that names its library."""
    old = json.dumps(to_web_annotations(store.annotations()))
    assert isinstance(json.loads(old), list)
    summary = import_json(fresh, old)
    assert (summary.added, summary.errors) == (9, ())
    assert export_json(fresh.annotations()) == export_json(store.annotations())


def test_articles_in_order_first_annotated_highlights_in_text_order(
    store: AnnotationStore,
) -> None:
    items = store.annotations()
    assert [item.article.title for item in items] == ["Storm warning", "Council debates budget"]
    assert [h.quote for h in items[1].highlights] == [
        "for next year.\n\nAfter three hours",
        "the plan would cut costs by ten percent",
        "an independent audit",  # orphaned: last
    ]


def test_by_published_puts_the_oldest_article_first_and_undated_ones_last(
    fresh: AnnotationStore,
) -> None:
    # A brief on how a story went reads in the order it happened, not the order it was read.
    later = replace(BUDGET, id="later", key="later.txt", url="", title="Budget passed")
    later = replace(later, published=datetime(2024, 6, 2, 8, 0, tzinfo=timezone.utc))
    # A page of 1 June (09:30 UTC on 2 June): by the day it gives, as the list and `date:`.
    west = replace(BUDGET, id="west", key="west.txt", url="", title="Budget signed")
    west = replace(
        west, published=datetime(2024, 6, 1, 23, 30, tzinfo=timezone(-timedelta(hours=10)))
    )
    for article in (STORM, later, BUDGET, west):  # read undated, newest, oldest
        fresh.add_highlight(article, *span(article, article.paragraphs[0][:20]))
    items = fresh.annotations()
    titles = ["Storm warning", "Budget passed", BUDGET.title, "Budget signed"]
    assert [i.article.title for i in items] == titles
    ordered = by_published(items)
    titles = [BUDGET.title, "Budget signed", "Budget passed", "Storm warning"]
    assert [i.article.title for i in ordered] == titles
    headings = [line for line in export_markdown(ordered).splitlines() if line.startswith("## ")]
    assert headings == [f"## {title}" for title in titles]


def test_a_brief_from_two_sources_groups_each_sources_articles_oldest_first(
    fresh: AnnotationStore,
) -> None:
    # The brief ran by date with the source only in each citation: nothing put one
    # source's passages together to compare with another's.
    def article(title: str, source: str, day: int) -> Article:
        when = datetime(2024, 6, day, tzinfo=timezone.utc)
        return replace(
            BUDGET, id=title, key=f"{title}.txt", url="", title=title, source=source, published=when
        )

    read = [
        article("Wire later", "Baltic Wire", 9),
        article("Times", "The Example Times", 5),
        STORM,  # names no source
        article("Wire earlier", "baltic wire", 2),  # the same source, spelled otherwise
    ]
    for each in read:
        fresh.add_highlight(each, *span(each, each.paragraphs[0][:20]))
    items = fresh.annotations()
    headings = [line for line in export_markdown(items).splitlines() if line.startswith("#")]
    assert headings == [
        "# Highlights",
        "## Baltic Wire",
        "### Wire earlier",
        "### Wire later",
        "## The Example Times",
        "### Times",
        "## No source named",
        "### Storm warning",
    ]
    # One source named (or none): the articles as given, as before.
    one = [item for item in items if item.article.title in ("Times", "Storm warning")]
    headings = [line for line in export_markdown(one).splitlines() if line.startswith("#")]
    assert headings == ["# Highlights", "## Times", "## Storm warning"]
    # The JSON export has no headings: each annotation names its article's source as before.
    sources = {
        a["newsread:article"]["title"]: a["newsread:article"]["source"]
        for a in json.loads(export_json(items))["first"]["items"]
    }
    assert sources["Wire earlier"] == "baltic wire" and sources["Storm warning"] == ""


def test_highlights_by_published_go_oldest_article_first_each_in_text_order(
    fresh: AnnotationStore,
) -> None:
    # The highlights view (s) lists them as the brief reads: in the order things happened.
    later = replace(BUDGET, id="later", key="later.txt", url="", title="Budget passed")
    later = replace(later, published=datetime(2024, 6, 2, 8, 0, tzinfo=timezone.utc))
    marked = [
        (STORM, STORM.paragraphs[0][:6]),
        (BUDGET, "independent audit"),
        (later, later.paragraphs[0][:20]),
        (BUDGET, "The city council"),
    ]
    for article, words in marked:
        fresh.add_highlight(article, *span(article, words))
    newest_first = fresh.all_highlights()
    ordered = highlights_by_published(newest_first)
    assert [h.quote for h in ordered] == [
        "The city council",
        "independent audit",
        later.paragraphs[0][:20],
        "Storms",
    ]


def test_markdown_puts_the_article_note_under_its_citation_before_the_passages(
    store: AnnotationStore,
) -> None:
    # After the passages, "**Article note:**" came straight under the last highlight's note
    # and read as more about that passage.
    markdown = export_markdown(store.annotations())
    budget = markdown[markdown.index("## Council debates budget") :]
    assert budget.index("**Article note:**") < budget.index("> for next year.")
    assert "★ Starred\n\n**Article note:**\n\nThin on numbers.\n\n> for next year." in budget


def test_a_wire_story_bylined_by_its_agency_cites_the_agency_once(
    store: AnnotationStore,
) -> None:
    # "By Baltic Wire" was cited "Baltic Wire, *Baltic Wire*, 2022-07-20", as if a person.
    [item, *_] = [i for i in store.annotations() if i.article.source]
    for authors, cited in (
        (("the example times",), "*The Example Times*, 2024-04-30"),
        (("Ann Lee", "The Example Times"), "Ann Lee, *The Example Times*, 2024-04-30"),
    ):
        article = replace(item.article, authors=authors)
        markdown = export_markdown([replace(item, state=replace(item.state, article=article))])
        assert f"\n{cited}, <https://news.example/budget>\n" in markdown


def test_markdown_names_the_query_that_chose_what_it_exports(store: AnnotationStore) -> None:
    # The brief said which library, never which search or tag picked its articles.
    markdown = export_markdown(store.annotations(), library="/news", query="budget tag:politics")
    assert markdown.startswith("# Highlights\n\nLibrary: `/news`\n\nQuery: `budget tag:politics`\n")
    assert "Query:" not in export_markdown(store.annotations(), library="/news")


def test_markdown_keeps_a_notes_lines_and_paragraphs(fresh: AnnotationStore) -> None:
    note = "Typed line one\nline two of the same thought\n\nA second paragraph.\n- a list\n- stays"
    fresh.add_highlight(STORM, *span(STORM, "across the north"), note=note)
    markdown = export_markdown(fresh.annotations())
    assert (
        "Typed line one\\\nline two of the same thought\n\nA second paragraph.\n- a list\n- stays"
        in markdown
    )


@pytest.mark.parametrize(
    "note",
    [
        "```python\nx = 1",
        "<!-- check this later",
        "<pre>unclosed pre",
        "<script>alert(1)",
        "~~~~\n```\nstill code",
        # No fence (a backtick fence's info string holds no backtick): the next line opens one.
        "```]> 1. `\n```\nstill code",
    ],
)
def test_a_note_leaving_a_block_open_keeps_it_to_itself(fresh: AnnotationStore, note: str) -> None:
    """Rendered, an unclosed code fence, HTML comment or `<pre>` in a note ends with the
    note: every passage after it is still a block quote with its words."""
    from markdown_it import MarkdownIt

    fresh.add_highlight(BUDGET, *span(BUDGET, "draft budget"), note=note)
    fresh.add_highlight(BUDGET, *span(BUDGET, "an independent audit"))
    fresh.add_highlight(STORM, *span(STORM, "across the north"))
    tokens = MarkdownIt("commonmark").parse(export_markdown(fresh.annotations()))
    quoted = [tokens[n + 2].content for n, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert quoted == ["draft budget", "an independent audit", "across the north"]
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2", "h2"]
    shown = "".join(t.content for t in tokens if t.type in ("inline", "fence", "html_block"))
    assert note.splitlines()[-1] in shown


@pytest.mark.parametrize(
    "note",
    [
        "# Summary\nthe audit matters",
        "Summary\n=======",
        "Pros\n---\nCons",
        "## To check",
        "1. # first\n- # second",
        "| not a table\n=",
    ],
)
def test_a_note_never_makes_a_heading_of_the_export(fresh: AnnotationStore, note: str) -> None:
    """A note's "# Summary" (or a line underlined "===" or "---") was a heading of the export:
    rendered, an h1 among the articles' h2s, the passages after it read as under it. Shown as
    typed; the rest of a note is still Markdown (lists, quotes, code)."""
    from markdown_it import MarkdownIt

    fresh.add_highlight(BUDGET, *span(BUDGET, "draft budget"), note=note)
    fresh.add_highlight(BUDGET, *span(BUDGET, "an independent audit"))
    tokens = MarkdownIt("commonmark").parse(export_markdown(fresh.annotations()))
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2"]
    quoted = [tokens[n + 2].content for n, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert quoted == ["draft budget", "an independent audit"]
    shown = [t for t in tokens if t.type == "inline"]
    words = " ".join(c.content for t in shown for c in t.children or [] if c.type == "text")
    typed = re.sub(r"(?m)^(?:\d+[.)]|[-*+])[ \t]+", "", note)  # a list stays a list
    assert " ".join(typed.split()) in " ".join(words.split())


def test_markdown_locates_an_article_without_url_and_shows_star_and_colour(
    fresh: AnnotationStore,
) -> None:
    fresh.add_highlight(STORM, *span(STORM, "across the north"), colour=4)
    fresh.set_starred(STORM)
    markdown = export_markdown(fresh.annotations())
    assert "`notes/storm.md`" in markdown
    assert "★ Starred" in markdown
    assert "*(Pink)*" in markdown
    assert "<https://" not in markdown


def test_a_source_standing_in_for_a_missing_one_is_not_cited_as_a_publication(
    tmp_path: Path, fresh: AnnotationStore
) -> None:
    """A library folder (or a URL's site) names an article that names no source in the list;
    a citation names only publications: the file or the URL already says where it is."""
    from newsread.index.annotations.placing import cited_now
    from newsread.index.files.reader import read_articles
    from newsread.index.library import Library
    from newsread.tui.cli import main

    root = tmp_path / "library"
    (root / "baltic-wire").mkdir(parents=True)
    body = "The port authority said the northern quay would close for six weeks."
    (root / "baltic-wire" / "quay.md").write_text(f"# Quay to close\n\n{body}\n")
    site = {"title": "Fares rise", "url": "https://www.ferries.example/fares", "text": body}
    (root / "fares.json").write_text(json.dumps(site))
    assert main(["index", "-q", str(root)]) == 0
    quay, fares = (
        read_articles(root / name, root)[0] for name in ("baltic-wire/quay.md", "fares.json")
    )
    assert (quay.source, fares.source) == ("baltic-wire", "ferries.example")  # stand-ins
    fresh.add_highlight(quay, *span(quay, "northern quay"))
    # As versions before this one stored it: the stand-in as the source.
    fresh.add_highlight(replace(fares, extra={}), *span(fares, "northern quay"))

    library = Library(root).open()
    try:
        for items in (fresh.annotations(), cited_now(library, fresh.annotations())):
            markdown = export_markdown(items)
            assert "*baltic-wire*" not in markdown and "`baltic-wire/quay.md`" in markdown
            sources = {
                a["newsread:article"]["key"]: a["newsread:article"]["source"]
                for a in json.loads(export_json(items))["first"]["items"]
            }
            assert sources["baltic-wire/quay.md"] == ""
        assert (
            "*ferries.example*" not in markdown
            and "<https://www.ferries.example/fares>" in markdown
        )
        assert sources["fares.json"] == ""
    finally:
        library.close()


def test_a_citation_dates_an_article_by_its_year_or_month_when_that_is_all_it_gives(
    tmp_path: Path, fresh: AnnotationStore
) -> None:
    """`date: 2019-03` is March 2019, not its first day: 2019-03-01 was cited."""
    from newsread.index.annotations.placing import cited_now
    from newsread.index.library import Library

    root = tmp_path / "library"
    root.mkdir()
    body = "The port authority said the northern quay would close for six weeks."
    for name, date in (("month", "2019-03"), ("year", "2019"), ("day", "2019-03-04")):
        (root / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: {date}\n---\n\n{body}\n")
    library = Library(root).open()
    try:
        library.update()
        for name in ("month", "year", "day"):
            article = library.article(f"{name}.md")
            assert article is not None
            fresh.add_highlight(article, *span(article, "northern quay"))
        markdown = export_markdown(cited_now(library, fresh.annotations()))
    finally:
        library.close()
    for cited in ("2019, `year.md`", "2019-03, `month.md`", "2019-03-04, `day.md`"):
        assert cited in markdown


def test_an_article_deleted_since_is_cited_with_its_authors_and_its_month(
    tmp_path: Path, fresh: AnnotationStore
) -> None:
    """Quoted as last read means cited as last read: who wrote it, and `date: 2021-09` as
    September 2021, not its first day; through an export and an import elsewhere too."""
    root = tmp_path / "library"
    root.mkdir()
    text = "Ferry fares will stay frozen until spring, the operator said."
    (root / "ferry.md").write_text(
        f"---\ntitle: Fares frozen\nauthor: Mira Holt\ndate: 2021-09\n---\n\n{text}\n"
    )
    items, _ = cited_after(root, fresh, "ferry.md", "stay frozen", Path.unlink)
    assert items[0].in_library is False
    assert "Mira Holt, 2021-09, `ferry.md`" in export_markdown(items)
    with open_store(tmp_path / "elsewhere.sqlite3") as elsewhere:
        import_json(elsewhere, export_json(items))
        assert "Mira Holt, 2021-09, `ferry.md`" in export_markdown(elsewhere.annotations())


@pytest.mark.parametrize("url", [True, False])
@pytest.mark.parametrize("others", [("Ferries resume",), ("Ferries resume", "Trams return")])
def test_an_article_taken_out_of_a_feed_is_not_cited_as_the_one_now_at_its_place(
    tmp_path: Path, fresh: AnnotationStore, url: bool, others: tuple[str, ...]
) -> None:
    """Seen in use: the first article of a JSON export taken out of it, its highlights and
    note were exported as if the library still had it (no "no longer in the library"): its
    key, `feed.json#1`, is only a place, where the next article now is."""
    from newsread.index.annotations.placing import cited_now
    from newsread.index.library import Library

    def feed(*titles: str) -> None:
        items = [
            {"title": t, "text": f"{t} was reported at length by the desk."}
            | ({"url": f"https://feed.example/{t.split()[0].lower()}"} if url else {})
            for t in titles
        ]
        (root / "feed.json").write_text(json.dumps(items), encoding="utf-8")

    root = tmp_path / "library"
    root.mkdir()
    feed("Buses run late", *others)
    library = Library(root).open()
    try:
        library.update()
        article = library.article("feed.json#1")
        assert article is not None and article.title == "Buses run late"
        fresh.add_highlight(article, *span(article, "run late"))
        feed(*others)  # its place, `#1` (or the file's name), is the next article's now
        os.utime(root / "feed.json", (1e9, 1e9))
        library.update()
        items = cited_now(library, fresh.annotations())
    finally:
        library.close()
    assert items[0].in_library is False


def test_markdown_says_when_the_article_was_reworded_under_a_highlight(
    fresh: AnnotationStore,
) -> None:
    """A fuzzy-anchored highlight is quoted as it was marked; the citation says the
    article's wording there changed, so the quote is not passed off as the article's."""
    passage = "the plan would cut costs by ten percent"
    fresh.add_highlight(BUDGET, *span(BUDGET, passage))
    reworded = Article(
        **{
            **{name: getattr(BUDGET, name) for name in ("id", "key", "path", "title", "source")},
            "url": BUDGET.url,
            "published": BUDGET.published,
            "paragraphs": tuple(p.replace("cut costs", "cut spending") for p in BUDGET.paragraphs),
        }
    )
    (found,) = fresh.highlights_for(reworded)
    assert found.status == "fuzzy"
    markdown = export_markdown(fresh.annotations())
    assert f"> {passage}\n\n*(Yellow; the article's wording here has changed since.)*" in markdown


def test_markdown_shows_the_articles_words_as_written_not_as_markup(
    fresh: AnnotationStore,
) -> None:
    """Title, source and quotes are the article's text: rendered, the export shows them as
    the article has them (a wire's ticker in angle brackets, asterisks, an entity, a line
    opening with a number or a dash), never as HTML, emphasis, lists, headings or rules."""
    from markdown_it import MarkdownIt

    wire = Article(
        id=stable_id("", "Exxon cuts", ("wire",)),
        key="wire/exxon.txt",
        path="wire/exxon.txt",
        title="Exxon <Xon> cuts *heating* oil [barge](x) price_list &amp; more #1",
        source="Wire_*Service*",
        paragraphs=(
            "Oil traders said Exxon <Xon> cut the price 0.75 cent & *more* than Sun <Sun>.",
            "1987. A year of `cuts` | ~~none~~ | \\ kept",
            "- not a list",
            "# not a heading",
            "===",
        ),
    )
    for paragraph in wire.paragraphs:
        fresh.add_highlight(wire, *span(wire, paragraph))
    tokens = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .parse(export_markdown(fresh.annotations()))
    )
    kinds = {token.type for token in tokens}
    assert not kinds & {
        "html_inline",
        "html_block",
        "em_open",
        "strong_open",
        "s_open",
        "link_open",
        "bullet_list_open",
        "ordered_list_open",
        "hr",
        "code_inline",
        "table_open",
    }, kinds
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2"]
    shown = ["".join(c.content for c in t.children or ()) for t in tokens if t.type == "inline"]
    for text in (wire.title, wire.source, *wire.paragraphs):
        assert any(text in line for line in shown), text


def test_multi_line_quote_stays_inside_the_block_quote(store: AnnotationStore) -> None:
    lines = export_markdown(store.annotations()).splitlines()
    start = lines.index("> for next year.")
    assert lines[start : start + 4] == ["> for next year.", ">", "> After three hours", ""]


def test_json_export_follows_the_web_annotation_model(store: AnnotationStore) -> None:
    collection = json.loads(export_json(store.annotations(), library="/news/project"))
    assert (collection["type"], collection["newsread:library"]) == (
        "AnnotationCollection",
        "/news/project",
    )
    annotations = collection["first"]["items"]
    assert collection["total"] == len(annotations) and collection["first"]["startIndex"] == 0
    assert len({a["id"] for a in annotations}) == len(annotations) == 9
    for annotation in annotations:
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        assert annotation["id"].startswith("urn:newsread:")
        assert annotation["motivation"] in {"highlighting", "commenting", "tagging", "bookmarking"}
        assert annotation["created"].endswith("Z") and annotation["modified"].endswith("Z")
        for body in annotation.get("body", []):
            assert body["type"] == "TextualBody"
            assert body.get("format", "text/markdown") == "text/markdown"
    by_motivation: dict[str, list[dict[str, Any]]] = {}
    for annotation in annotations:
        by_motivation.setdefault(annotation["motivation"], []).append(annotation)
    assert {key: len(value) for key, value in by_motivation.items()} == {
        "highlighting": 2,
        "commenting": 4,
        "tagging": 2,
        "bookmarking": 1,
    }
    storm_highlight = by_motivation["highlighting"][0]
    assert storm_highlight["target"]["source"] == f"urn:newsread:article:{STORM.id}"
    assert storm_highlight["target"]["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": "across the north",
            "prefix": "Storms are expected ",
            "suffix": " on Friday.",
        },
        {"type": "TextPositionSelector", "start": 20, "end": 36},
    ]
    assert storm_highlight["newsread:colour"] == 3
    assert storm_highlight["newsread:article"]["path"] == "notes/storm.md"
    assert [a["body"][0]["value"] for a in by_motivation["tagging"]] == ["City-hall", "politics"]
    assert {a["body"][0]["purpose"] for a in by_motivation["tagging"]} == {"tagging"}


def test_a_tags_exported_id_is_the_same_however_the_tag_is_spelt(fresh: AnnotationStore) -> None:
    """The id folded the tag with `str.casefold`, not as tags are told apart (`tag_key`):
    "İstanbul" and "istanbul", one tag, went out under two ids, so a tool that keeps
    annotations by id held the tag twice once it was spelt anew. Import matches a tag by its
    name, not its id."""
    ids = set()
    for spelling in ("İstanbul", "istanbul", "ISTANBUL"):
        fresh.add_tags(BUDGET, spelling)
        items = json.loads(export_json(fresh.annotations()))["first"]["items"]
        [tag] = [item for item in items if item["motivation"] == "tagging"]
        assert tag["body"][0]["value"] == spelling
        ids.add(tag["id"])
        fresh.remove_tags(BUDGET, spelling)
    assert ids == {f"urn:newsread:tag:{BUDGET.id}:istanbul"}


# Import ------------------------------------------------------------------------------------------


def test_import_of_an_export_gives_the_same_annotations(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    summary = import_json(fresh, export_json(store.annotations()))
    assert summary == ImportSummary(added=9, updated=0, unchanged=0, errors=())
    assert portable(fresh.annotations()) == portable(store.annotations(), read=False)
    assert export_json(fresh.annotations()) == export_json(store.annotations())
    # The imported highlights are placed in the text when the article is opened.
    placed = fresh.highlights_for(BUDGET_REVISED)
    assert [(h.id, h.status) for h in placed] == [
        ("h003", "anchored"),
        ("h002", "anchored"),
        ("h004", "orphaned"),
    ]


def test_importing_twice_adds_nothing(store: AnnotationStore, fresh: AnnotationStore) -> None:
    text = export_json(store.annotations())
    import_json(fresh, text)
    before = fresh.annotations()
    assert import_json(fresh, text) == ImportSummary(added=0, updated=0, unchanged=9, errors=())
    assert fresh.annotations() == before
    # Importing into the store it came from adds nothing either.
    assert import_json(store, text).added == 0


def test_import_keeps_the_newer_of_two_edits(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    import_json(fresh, export_json(store.annotations()))
    highlight_id = "h002"
    fresh.now()  # each reading moves the clock on: the edit here is later than the one there
    fresh.update_highlight(highlight_id, note="Edited here, later.")
    assert import_json(fresh, export_json(store.annotations())).updated == 0
    assert fresh.get_highlight(highlight_id).note == "Edited here, later."  # type: ignore[union-attr]
    # ...but an edit made there after that one wins, where it keeps what was written here.
    summary = import_json(
        fresh, _edited_there(store, highlight_id, "Edited here, later. And there.")
    )
    assert (summary.added, summary.updated, summary.both) == (0, 1, 0)
    assert fresh.get_highlight(highlight_id).note == "Edited here, later. And there."  # type: ignore[union-attr]


def test_a_newer_imported_note_never_drops_the_users_own(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    import_json(fresh, export_json(store.annotations()))
    highlight_id = "h002"
    fresh.update_highlight(highlight_id, note="My reading of it, written here.")
    text = _edited_there(store, highlight_id, "Their reading, written there later.")
    summary = import_json(fresh, text)
    assert (summary.added, summary.updated, summary.both) == (0, 0, 1)
    assert fresh.get_highlight(highlight_id).note == (  # type: ignore[union-attr]
        "Their reading, written there later.\n\n---\n\nMy reading of it, written here."
    )
    assert import_json(fresh, text) == ImportSummary(unchanged=9)  # once only


@pytest.mark.parametrize("theirs", ["x\n```\ncode", "x\n~~~~ py\ncode\n~~~"])
def test_a_note_kept_both_keeps_the_users_half_out_of_the_imported_code_block(
    store: AnnotationStore, fresh: AnnotationStore, theirs: str
) -> None:
    """The imported half of a "kept both" note left a code fence open: in the Markdown
    export the divider and the user's half were inside the code block (kept, shown as code)."""
    from markdown_it import MarkdownIt

    import_json(fresh, export_json(store.annotations()))
    fresh.update_highlight("h002", note="My *own* reading.")
    assert import_json(fresh, _edited_there(store, "h002", theirs)).both == 1
    tokens = MarkdownIt("commonmark").parse(export_markdown(fresh.annotations()))
    [code] = [t.content for t in tokens if t.type == "fence"]
    assert code == "code\n" + ("~~~\n" if "~~~~" in theirs else "")
    shown = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert "own" in [c.content for c in shown if c.type == "text"]  # emphasis: Markdown again
    assert "My " in [c.content for c in shown]


def test_a_highlight_of_the_same_passage_made_there_keeps_its_note_however_old(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    """The same sentence highlighted in two homes (a laptop's, a desktop's), each with its own
    note: importing the other's export, older than the highlight here, counted its notes as
    "already there" and dropped them. A highlight of another id is not an earlier copy of
    this one: its note is kept beside this one's, or taken where this one has none."""
    mine = fresh.add_highlight(BUDGET, *span(BUDGET, "an independent audit"), note="Mine.")
    bare = fresh.add_highlight(BUDGET, *span(BUDGET, "the plan would cut costs by ten percent"))
    items = json.loads(export_json(store.annotations()))["first"]["items"]
    for annotation in items:
        annotation["created"] = annotation["modified"] = "2020-01-01T00:00:00Z"
    text = json.dumps(items)
    summary = import_json(fresh, text)
    assert (summary.added, summary.updated, summary.both) == (7, 1, 1)
    assert fresh.get_highlight(mine.id).note == "Who pays?\n\n---\n\nMine."  # type: ignore[union-attr]
    assert fresh.get_highlight(bare.id).note.startswith("Ten percent of what?")  # type: ignore[union-attr]
    assert import_json(fresh, text) == ImportSummary(unchanged=9)  # once only


def test_read_marks_travel_with_a_json_export_adding_and_never_unreading(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    """The reading history is the user's: moved to another store (the same user elsewhere),
    articles read there are read here (an unannotated one too), and those read here stay
    read, their time kept. Import brought none: 0 added, every article unread."""
    fresh.set_read(STORM)
    unread_storm = export_json(store.annotations(), read=store.read_marks())
    assert import_json(fresh, unread_storm).read == 1
    assert fresh.article_state(BUDGET).read and fresh.article_state(STORM).read
    store.set_read(STORM)
    with open_store(fresh.path.with_name("third.sqlite3"), ids="y") as third:
        third.set_read(BUDGET)
        kept = third.article_state(BUDGET).read_at
        text = export_json(store.annotations(), read=store.read_marks())
        assert [m["newsread:article"]["key"] for m in json.loads(text)["newsread:read"]] == [
            BUDGET.key,
            STORM.key,  # read, never annotated
        ]
        assert import_json(third, text).read == 1
        assert third.article_state(STORM).read and third.article_state(BUDGET).read_at == kept
        assert import_json(third, text).read == 0


def test_a_newer_imported_article_note_never_drops_the_users_own(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    import_json(fresh, export_json(store.annotations()))
    fresh.set_article_note(BUDGET, "Mine.")
    items = json.loads(export_json(store.annotations()))["first"]["items"]
    for annotation in items:
        if annotation["id"] == f"urn:newsread:note:{BUDGET.id}":
            annotation["modified"] = "2030-01-01T00:00:00Z"
            annotation["body"][0]["value"] = "Theirs."
    assert import_json(fresh, json.dumps(items)).both == 1
    assert fresh.article_note(BUDGET) == "Theirs.\n\n---\n\nMine."


def test_a_store_file_imports_as_its_export_does(
    store: AnnotationStore, fresh: AnnotationStore, tmp_path: Path
) -> None:
    # The copies newsread keeps (annotations.sqlite3.replaced-*, .corrupt-*) could not be
    # imported: import read JSON only.
    copy = tmp_path / "annotations.sqlite3.replaced-20260101-120000"
    with sqlite3.connect(copy) as target:
        store._connection.backup(target)
    target.close()
    as_json = import_json(fresh, export_json(store.annotations(), read=store.read_marks()))
    assert as_json.read == 1  # the read marks too: import said 0 added and left them unread
    assert import_store(fresh, copy) == replace(as_json, added=0, unchanged=9, read=0)
    with open_store(tmp_path / "third.sqlite3", ids="y") as third:
        assert import_store(third, copy) == as_json
        assert export_json(third.annotations()) == export_json(store.annotations())


def test_a_damaged_store_file_imports_what_reads_naming_what_does_not(
    store: AnnotationStore, fresh: AnnotationStore, tmp_path: Path
) -> None:
    copy = tmp_path / "annotations.sqlite3.corrupt-20260101-120000"
    with sqlite3.connect(copy) as target:
        store._connection.backup(target)
        target.execute("UPDATE highlights SET created = 'garbled' WHERE id = 'h002'")
        page = target.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'highlights_created'"
        ).fetchone()[0]
        size = target.execute("PRAGMA page_size").fetchone()[0]
    target.close()
    data = bytearray(copy.read_bytes())
    data[(page - 1) * size : page * size] = b"JUNK" * (size // 4)  # fails quick_check
    copy.write_bytes(bytes(data))
    summary = import_store(fresh, copy)
    assert summary.added == 8
    [refused] = summary.errors
    assert refused.startswith("highlight h002 ('the plan would cut costs") and (
        "does not read back" in refused
    )
    assert fresh.get_highlight("h002") is None and fresh.get_highlight("h003") is not None


def test_a_file_that_is_no_store_is_refused_in_one_line(
    fresh: AnnotationStore, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(
        AnnotationError, match="an SQLite database with no newsread annotations in it"
    ):
        import_store(fresh, other)
    (tmp_path / "text.sqlite3").write_text("not a database")
    with pytest.raises(AnnotationError, match="neither an annotations database nor JSON"):
        import_store(fresh, tmp_path / "text.sqlite3")


def _edited_there(store: AnnotationStore, highlight_id: str, note: str) -> str:
    """`store`'s export with the highlight's note edited there after anything here."""
    items = json.loads(export_json(store.annotations()))["first"]["items"]
    for annotation in items:
        if annotation["id"] == f"urn:newsread:highlight:{highlight_id}":
            annotation["modified"] = "2030-01-01T00:00:00Z"
            annotation["body"][0]["value"] = note
    return json.dumps(items)


@pytest.mark.parametrize("versions", [False, True])
def test_notes_edited_in_the_export_by_hand_are_imported_and_never_twice(
    store: AnnotationStore, fresh: AnnotationStore, versions: bool
) -> None:
    """A note fixed in the JSON by hand keeps its "modified" time (newsread stamps its own
    edits): import took it for the copy already here, said "already there" and dropped the
    edit. An export giving the notes' versions shows it edited from the note here, unchanged
    since: it replaces it. One that does not (an older newsread's): as old as the note here
    with other words, it is taken as newer: it replaces a note it still says all of, else
    both are kept, once."""
    import_json(fresh, export_json(store.annotations()))
    edits = {
        "urn:newsread:highlight:h004": ("Who pays?", "Who pays? The council."),
        "urn:newsread:highlight:h002": ("Ten percent of what?", "Ten percent of which total?"),
        f"urn:newsread:note:{STORM.id}": ("*Met Office*", "Met Office's"),
    }
    items = json.loads(export_json(store.annotations()))["first"]["items"]
    for annotation in items:
        if not versions:
            annotation.pop("newsread:versions", None)
        if annotation["id"] in edits:
            body = annotation["body"][0]
            body["value"] = body["value"].replace(*edits[annotation["id"]])
    text = json.dumps(items)
    summary = import_json(fresh, text)
    assert (summary.updated, summary.both) == ((3, 0) if versions else (1, 2))
    assert fresh.get_highlight("h004").note == "Who pays? The council."  # type: ignore[union-attr]
    total = "Ten percent of which total?\n\n- baseline year\n- which departments"
    warning = "Check the Met Office's warning."
    if versions:
        assert fresh.get_highlight("h002").note == total  # type: ignore[union-attr]
        assert fresh.article_note(STORM) == warning
    else:
        assert fresh.get_highlight("h002").note == (  # type: ignore[union-attr]
            f"{total}\n\n---\n\nTen percent of what?\n\n- baseline year\n- which departments"
        )
        assert fresh.article_note(STORM) == f"{warning}\n\n---\n\nCheck the *Met Office* warning."
    before = fresh.annotations()
    assert import_json(fresh, text) == ImportSummary(unchanged=9)
    assert fresh.annotations() == before


def test_import_does_not_bring_back_a_highlight_deleted_here(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    text = export_json(store.annotations())
    import_json(fresh, text)
    fresh.delete_highlight("h002")
    assert import_json(fresh, text).added == 0
    assert "h002" not in {h.id for h in fresh.all_highlights()}


def test_a_web_annotation_from_another_tool_is_imported_and_anchored(
    fresh: AnnotationStore,
) -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [
                {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": "https://annotations.example/a/7f3e",
                    "type": "Annotation",
                    "motivation": "commenting",
                    "created": "2024-03-02T10:00:00.000+01:00",
                    "body": {"type": "TextualBody", "value": "Said when?", "format": "text/plain"},
                    "target": {
                        "source": "https://news.example/budget",
                        "selector": {
                            "type": "TextQuoteSelector",
                            "exact": "the mayor said",
                            "prefix": "three hours of argument, ",
                            "suffix": " the plan would",
                        },
                    },
                }
            ],
        },
    }
    assert import_json(fresh, json.dumps(foreign)) == ImportSummary(added=1)
    [placed] = fresh.highlights_for(BUDGET)
    assert (placed.status, placed.text, placed.highlight.note) == (
        "moved",
        "the mayor said",
        "Said when?",
    )
    assert placed.highlight.created == datetime(2024, 3, 2, 9, 0, tzinfo=timezone.utc)
    assert import_json(fresh, json.dumps(foreign)) == ImportSummary(unchanged=1)


def test_an_annotation_dated_in_the_year_one_is_kept_and_exported(
    fresh: AnnotationStore,
) -> None:
    # Go's zero time, .NET's DateTime.MinValue: tools write it for "no date". Stored as
    # "1-01-01T..." (strftime), it could not be read back: import and every later export of
    # the library failed with "unexpected error: ValueError: time data '1-01-01T...'".
    dated = {
        "type": "Annotation",
        "id": "urn:tool:1",
        "created": "0001-01-01T00:00:00Z",
        "modified": "0001-01-01T00:00:00Z",
        "body": {"type": "TextualBody", "value": "From a tool"},
        "target": {
            "source": "https://news.example/budget",
            "selector": {"type": "TextQuoteSelector", "exact": "the mayor said"},
        },
    }
    year_zero = {**dated, "id": "urn:tool:2", "created": "0001-01-01T00:00:00+14:00"}
    summary = import_json(fresh, json.dumps([dated, year_zero]))
    assert (summary.added, [str(e) for e in summary.errors]) == (
        1,
        ["annotation 2 (urn:tool:2): \"created\" is not a date-time: '0001-01-01T00:00:00+14:00'"],
    )
    [placed] = fresh.highlights_for(BUDGET)
    assert placed.highlight.created == datetime(1, 1, 1, tzinfo=timezone.utc)
    [item] = json.loads(export_json(fresh.annotations()))["first"]["items"]
    assert item["created"] == "0001-01-01T00:00:00Z"
    # A store an earlier newsread wrote so is read as it is.
    fresh._connection.execute("UPDATE highlights SET created = '1-01-01T00:00:00.000000Z'")
    assert [h.highlight.created.year for h in fresh.highlights_for(BUDGET)] == [1]


def test_a_position_past_what_sqlite_stores_is_one_annotation_not_understood(
    fresh: AnnotationStore,
) -> None:
    # It failed the whole import: "unexpected error: OverflowError: Python int too large".
    def annotation(number: int, end: int) -> dict[str, Any]:
        return {
            "type": "Annotation",
            "id": f"urn:tool:{number}",
            "target": {
                "source": "https://news.example/budget",
                "selector": [
                    {"type": "TextQuoteSelector", "exact": "the mayor said"},
                    {"type": "TextPositionSelector", "start": 0, "end": end},
                ],
            },
        }

    summary = import_json(fresh, json.dumps([annotation(1, 10**30), annotation(2, 14)]))
    assert (summary.added, [str(e) for e in summary.errors]) == (
        1,
        ["annotation 1 (urn:tool:1): a TextPositionSelector needs integers 0 <= start < end"],
    )


def test_text_that_is_not_json_is_refused_clearly(fresh: AnnotationStore) -> None:
    # The Markdown export given to import: "Expecting value (line 1, column 1)" said nothing
    # of which file import reads.
    for text in ("# Highlights\n", "\n  > a quote"):
        with pytest.raises(AnnotationError) as refused:
            import_json(fresh, text)
        assert str(refused.value) == (
            "not JSON: import reads Web Annotation JSON, as `newsread export --format json`"
            " writes it, or an annotations database (a Markdown export is for reading, not"
            " importing)"
        )
    # JSON that breaks off says where.
    with pytest.raises(AnnotationError, match=r"^not JSON: Expecting .* \(line 2, column 1\)$"):
        import_json(fresh, '[{"type": "Annotation",\n')


def test_json_that_is_not_annotations_is_refused_clearly(fresh: AnnotationStore) -> None:
    with pytest.raises(AnnotationError, match="not Web Annotations"):
        import_json(fresh, '{"highlights": []}')
    # Nested deeper than Python's parser goes: it was "unexpected error: RecursionError".
    with pytest.raises(AnnotationError, match="^not Web Annotations: nested too deeply$"):
        import_json(fresh, "[" * 100_000 + "]" * 100_000)
    # 5,000 deep: too deep for Python 3.11's parser; 3.13's reads it, and it holds no
    # annotations. Refused with a reason either way.
    nested = '{"items": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(AnnotationError, match="^not Web Annotations: (nested too deeply|expected)"):
        import_json(fresh, nested)


def test_unreadable_annotations_are_listed_and_the_rest_imported(
    store: AnnotationStore, fresh: AnnotationStore
) -> None:
    good = json.loads(export_json(store.annotations()))["first"]["items"][0]
    bad_colour = dict(good, id="urn:newsread:highlight:zz", **{"newsread:colour": 9})
    no_target = {"type": "Annotation", "id": "urn:x:1", "motivation": "commenting"}
    summary = import_json(fresh, json.dumps([good, 42, bad_colour, no_target]))
    assert summary.added == 1
    assert summary.errors == (
        "annotation 2: not an object",
        "annotation 3 (urn:newsread:highlight:zz): colour 9 is not 1-5",
        "annotation 4 (urn:x:1): no target",
    )
    assert [h.id for h in fresh.all_highlights()] == ["h001"]


def test_a_failed_import_saves_nothing(
    store: AnnotationStore, fresh: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = export_json(store.annotations())
    original = fresh._merge_one  # the test breaks the store part way through a merge
    calls = []

    def failing(*args: Any) -> Any:
        calls.append(args)
        if len(calls) == 5:
            raise AnnotationError("disk full: import not saved")
        return original(*args)

    monkeypatch.setattr(fresh, "_merge_one", failing)
    with pytest.raises(AnnotationError, match="disk full"):
        import_json(fresh, text)
    assert fresh.annotations() == []
    assert fresh.all_tags() == []


def test_a_file_name_that_is_not_utf8_is_exported_readably_and_imported_exactly(
    fresh: AnnotationStore, tmp_path: Path
) -> None:
    """Its key's escape ("caf\\xe9.txt", the very name of another file) was the export's
    path, which no script could open; the Markdown cited the escape too."""
    odd = Article(
        id=stable_id("", "Odd name", ("A passage in a file with an odd name.",)),
        key="notes/caf\\xe9.txt",
        path="notes/caf\\xe9.txt",
        title="Odd name",
        paragraphs=("A passage in a file with an odd name.",),
    )
    with open_store(tmp_path / "odd.sqlite3") as store:
        store.add_highlight(odd, *span(odd, "a file"))
        text = export_json(store.annotations())
        markdown = export_markdown(store.annotations())
    [annotation] = json.loads(text)["first"]["items"]
    article = annotation["newsread:article"]
    assert (article["key"], article["path"]) == ("notes/caf\\xe9.txt", "notes/caf\ufffd.txt")
    assert base64.b64decode(article["path_bytes"]) == b"notes/caf\xe9.txt"
    assert "`notes/caf\ufffd.txt`" in markdown and "caf\\xe9" not in markdown
    import_json(fresh, text)
    [item] = fresh.annotations()
    assert (item.article.key, item.article.path) == ("notes/caf\\xe9.txt", "notes/caf\\xe9.txt")


# Round trips of odd text -------------------------------------------------------------------------

_MARKDOWNISH = st.sampled_from(
    ["# ", "`", "```", "|", "]", "[", "> ", "---", "  ", "    ", "\t", "*", "_", "1. ", "\n",
     "\n\n", "\r\n", "\r", "<!--", "<pre>", "&amp;", "\\", "日本語", "e\u0301", "👩\u200d👩\u200d👧",
     "🇫🇷", "\u202e", "\x1b[31m", "\ufffd", "\u00a0", '"', "\u2028"]
)  # fmt: skip
_ODD_TEXT = st.lists(st.one_of(st.text(max_size=8), _MARKDOWNISH), max_size=25).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Found by it: a quote ending on the non-joiner inside a word (Persian "می\u200c|گویند") lost
# it on import, each of quote, prefix and suffix sanitised alone.
@example(paragraphs=["¹\u200c¹"], notes=["", "", ""], cuts=[0.0, 0.5, 0, 0], title="")
# And a suffix cut just after one (its 32 characters ending "¹\u200c"), found at 450 examples.
@example(
    paragraphs=["0" * 49, "0000¹\u200c¹"], notes=["", "", ""], cuts=[0, 0.4375, 0, 0], title=""
)
@example(paragraphs=["می\u200cگویند"], notes=["", "", ""], cuts=[0.0, 0.4, 0, 0], title="")
@given(
    paragraphs=st.lists(_ODD_TEXT, min_size=1, max_size=4),
    notes=st.lists(_ODD_TEXT, min_size=3, max_size=3),
    cuts=st.lists(st.floats(0, 1), min_size=4, max_size=4),
    title=_ODD_TEXT,
)
def test_json_export_round_trips_every_character_of_odd_notes_and_quotes(
    paragraphs: list[str], notes: list[str], cuts: list[float], title: str
) -> None:
    """Notes and quotes of Markdown syntax, CRLF, several paragraphs, wide and joined
    characters: the JSON export holds them exactly as the store does (the quote is the body
    at its offsets), and importing it gives the same annotations."""
    body_paragraphs = tuple(p for p in (sanitise(p).strip() for p in paragraphs) if p)
    assume(body_paragraphs)
    article = Article(
        id="odd", key="odd.md", path="odd.md", title=sanitise_line(title) or "Odd",
        paragraphs=body_paragraphs,
    )  # fmt: skip
    body = article.body
    first, second = sorted(round(cut * len(body)) for cut in cuts[:2])
    assume(body[first:second].strip())
    with tempfile.TemporaryDirectory() as folder:
        mine = open_store(Path(folder) / "mine.sqlite3")
        theirs = open_store(Path(folder) / "theirs.sqlite3", ids="x")
        highlight = mine.add_highlight(article, first, second, colour=2, note=notes[0])
        mine.set_article_note(article, notes[1])
        exported = export_json(mine.annotations())
        items = json.loads(exported)["first"]["items"]
        by_id = {item["id"]: item for item in items}
        held = next(a for a in items if a["target"].get("selector"))
        quote = next(s for s in held["target"]["selector"] if s["type"] == "TextQuoteSelector")
        assert quote["exact"] == highlight.quote == body[first:second]
        position = [s for s in held["target"]["selector"] if s["type"] == "TextPositionSelector"]
        assert position == [{"type": "TextPositionSelector", "start": first, "end": second}]
        saved = mine.get_highlight(highlight.id)
        assert saved is not None
        assert [b["value"] for b in held.get("body", [])] == ([saved.note] if saved.note else [])
        note = mine.article_note(article)
        noted = [a for a in items if a is not held and a["motivation"] == "commenting"]
        assert [a["body"][0]["value"] for a in noted] == ([note] if note else [])
        assert len(by_id) == len(items)
        import_json(theirs, exported)
        assert portable(theirs.annotations()) == portable(mine.annotations(), read=False)
        assert export_json(theirs.annotations()) == exported
        mine.close()
        theirs.close()


def test_an_article_retitled_since_is_cited_and_listed_by_its_title_now(
    tmp_path: Path, fresh: AnnotationStore
) -> None:
    """Seen in use: a file's title rewritten after a passage of it was highlighted. The
    Markdown's heading gave the new title, but each highlight (in the JSON, and in the
    highlights view, `as_listed`) still named the article by its title when highlighted."""
    root = tmp_path / "library"
    root.mkdir()
    body = "The port authority said the northern quay would close for six weeks."
    (root / "quay.md").write_text(f"# Quay to close\n\n{body}\n")
    retitled = f"# Northern quay closes for six weeks\n\n{body}\n"
    cited, listed = cited_after(
        root, fresh, "quay.md", "northern quay", lambda path: path.write_text(retitled)
    )
    exported = json.loads(export_json(cited))["first"]["items"]
    assert [a["newsread:article"]["title"] for a in exported] == [
        "Northern quay closes for six weeks"
    ]
    assert [h.article.title for h in listed] == ["Northern quay closes for six weeks"]
