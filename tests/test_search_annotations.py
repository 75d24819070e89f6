"""Annotation clauses in queries: tag:, note:, highlight:, has:, is: combine with the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsread.index.annotations.model import ArticleInfo
from newsread.index.annotations.records import clean_tag
from newsread.index.engine.search import AnnotationFilter, QueryError, split_annotation_clauses
from newsread.index.library import Library


@pytest.fixture
def library(small_library: Path) -> Library:
    library = Library(small_library).open()
    library.update()
    store = library.annotations
    flood = library.article("flood.txt")
    grain = library.article("grain/sanctions.txt")
    assert flood and grain
    store.add_tags(grain, "sanctions")
    store.add_tags(flood, "weather")
    start = flood.body.index("burst its banks")
    store.add_highlight(flood, start, start + len("burst its banks"), note="Compare with 2009")
    store.set_article_note(grain, "Check the ministry's figures")
    store.set_starred(grain)
    store.set_read(flood)
    return library


def _titles(library: Library, text: str) -> list[str]:
    return sorted(hit.title for hit in library.search(text).hits)


def test_tag_combines_with_words_and_dates(library: Library) -> None:
    assert _titles(library, "tag:sanctions") == ["Grain export sanctions tightened"]
    assert _titles(library, "tag:sanctions date:2019 kelmor") == [
        "Grain export sanctions tightened"
    ]
    assert _titles(library, "tag:sanctions date:2017") == []
    assert _titles(library, "tag:nothing") == []


@settings(max_examples=500)
@given(st.text(min_size=1, max_size=24))
def test_every_tag_can_be_named_by_tag_clause(typed: str) -> None:
    # A tag typed with a quote or a parenthesis ('"draft"', 'budget (2024)') was kept as
    # typed, and no `tag:` clause could name it: the query stops the word there.
    try:
        name = clean_tag(typed)
    except ValueError:
        return  # nothing of a tag in it: refused, never stored
    rest, wanted = split_annotation_clauses(f"tag:{name}")
    assert (rest, wanted.tags) == ("", (name,))


def test_a_tag_typed_with_quotes_and_parentheses_is_found(library: Library) -> None:
    flood = library.article("flood.txt")
    assert flood
    library.annotations.add_tags(flood, '"draft" (2024)')
    assert "draft-2024" in library.annotations.article_state(flood).tag_names
    assert _titles(library, "tag:draft-2024") == ["River flood reaches the old town"]
    # Typographic quotes are a tag's own (a query's “…” is a phrase, not in a tag clause).
    library.annotations.add_tags(flood, "«brouillon»")
    assert _titles(library, "tag:«brouillon» “old town”") == ["River flood reaches the old town"]


def test_a_tag_clause_finds_a_tag_as_a_search_finds_its_words(library: Library) -> None:
    """`istanbul` found "İstanbul" in articles, and no article tagged "İstanbul"; `lodz`
    found "Łódź" in articles, and no article tagged "Łódź"."""
    flood = library.article("flood.txt")
    assert flood
    library.annotations.add_tags(flood, "İstanbul", "Entdeckungen", "Łódź", "Éducation")
    for clause in (
        *("tag:istanbul", "tag:ISTANBUL", "tag:Ent\u00addeckungen"),
        *("tag:lodz", "tag:LODZ", "tag:education", "tag:éducation"),
    ):
        assert _titles(library, clause) == ["River flood reaches the old town"], clause


def test_note_and_highlight_words(library: Library) -> None:
    assert _titles(library, "note:ministry") == ["Grain export sanctions tightened"]
    assert _titles(library, "note:2009") == ["River flood reaches the old town"]
    assert _titles(library, "highlight:banks") == ["River flood reaches the old town"]
    assert _titles(library, "highlight:ministry") == []


def test_has_and_is_flags(library: Library) -> None:
    assert _titles(library, "has:highlights") == ["River flood reaches the old town"]
    assert _titles(library, "has:notes") == [
        "Grain export sanctions tightened",
        "River flood reaches the old town",
    ]
    assert _titles(library, "is:starred") == ["Grain export sanctions tightened"]
    assert _titles(library, "is:unread") == [
        "Grain export sanctions tightened",
        "Kelmor harbour expansion approved",
    ]
    assert _titles(library, "kelmor -is:starred") == [
        "Kelmor harbour expansion approved",
        "River flood reaches the old town",
    ]
    # With a word processor's dash: "tag:, note:, highlight:, has: and is: need the
    # annotation store" (the store was asked for by the clauses as written, with `-` only).
    assert _titles(library, "kelmor –is:starred") == _titles(library, "kelmor -is:starred")
    assert _titles(library, "has:notes —is:starred") == ["River flood reaches the old town"]


def test_flags_that_contradict_each_other_match_nothing(library: Library) -> None:
    # The last clause used to win: "is:read is:unread" listed the unread articles.
    assert _titles(library, "is:read is:unread") == []
    assert _titles(library, "is:unread is:read kelmor") == []
    assert _titles(library, "is:starred -is:starred") == []
    assert _titles(library, "has:notes -has:notes") == []
    assert _titles(library, "is:read -is:unread") == ["River flood reaches the old town"]
    assert _titles(library, "is:read is:read") == ["River flood reaches the old town"]


def test_clauses_are_split_from_the_words() -> None:
    words, wanted = split_annotation_clauses('tag:sanctions date:2017 Macron note:"red line"')
    assert words == "date:2017 Macron"
    assert wanted.tags == ("sanctions",) and wanted.note_words == ("red", "line")


def test_unknown_flag_is_a_query_error(library: Library) -> None:
    with pytest.raises(QueryError, match="has:colour is unknown"):
        library.search("has:colour")


@pytest.mark.parametrize(
    "typed",
    [
        "is:starred OR has:notes",  # "nothing to search for: only very common words"
        "is:starred OR kelmor",  # the starred articles that say kelmor: an AND
        "kelmor OR tag:weather",
        "kelmor OR NOT is:read",
        "kelmor ANDNOT is:starred",  # the starred ones with kelmor: the NOT was lost
        "is:starred ANDNOT kelmor",
        "(kelmor is:starred) OR harbour",  # (kelmor OR harbour) and starred
        "kelmor -(is:starred)",
        "-(has:notes kelmor)",
    ],
)
def test_an_annotation_clause_joined_by_or_or_grouped_is_refused_not_read_as_and(
    library: Library, typed: str
) -> None:
    """Seen in use: the clauses narrow the whole search (they are answered by the notes
    store, not the index), so `is:starred OR has:notes` said there was nothing to search for
    and `is:starred OR kelmor` listed the starred articles saying kelmor. Refused, saying
    how they combine, rather than answered wrongly."""
    with pytest.raises(QueryError, match="narrows the whole search"):
        library.search(typed)


def test_annotation_clauses_beside_or_and_groups_of_words_still_narrow_them(
    library: Library,
) -> None:
    assert _titles(library, "(kelmor OR vessa) is:starred") == ["Grain export sanctions tightened"]
    assert _titles(library, "harbour OR vessa -is:starred") == [
        "Kelmor harbour expansion approved",
        "River flood reaches the old town",
    ]
    assert _titles(library, 'kelmor AND NOT is:starred "OR" tag:weather') == [
        "River flood reaches the old town"
    ]
    assert _titles(library, "tag:weather (flood)") == ["River flood reaches the old town"]
    assert split_annotation_clauses('"(vessa" tag:weather')[1].tags == ("weather",)


def test_note_and_highlight_words_inside_chinese_or_japanese_text(library: Library) -> None:
    """FTS5 reads a run of these scripts as one word: a word inside a note is still found."""
    flood = library.article("flood.txt")
    grain = library.article("grain/sanctions.txt")
    assert flood and grain
    library.annotations.set_article_note(flood, "東京電力の処理水と比べること")
    start = flood.body.index("burst its banks")
    library.annotations.add_highlight(flood, start, start + 5, note="洪水の記録は来月")
    assert _titles(library, "note:処理水") == ["River flood reaches the old town"]
    assert _titles(library, "note:記録") == ["River flood reaches the old town"]
    assert _titles(library, "note:東京*") == ["River flood reaches the old town"]
    assert _titles(library, "note:大阪") == []
    assert _titles(library, "note:処理水 tag:sanctions") == []
    assert _titles(library, "highlight:処理水") == []
    library.annotations.add_highlight(grain, 0, 5, note="")
    assert _titles(library, "highlight:処理水") == []


def test_a_space_after_a_fields_colon_and_a_field_still_waiting_for_its_word(
    library: Library,
) -> None:
    """`title: flood` is `title:flood` (as written in mail and Lucene searches), and a field
    with no word yet (`flood title:`, as the user is typing) is left out: neither searches
    the word "title" and finds nothing. A phrase keeps its colons as written."""
    flood = ["River flood reaches the old town"]
    assert _titles(library, "title: flood") == _titles(library, "title:flood") == flood
    assert _titles(library, "tag: weather") == flood
    assert _titles(library, "flood title:") == _titles(library, "flood") == flood
    assert _titles(library, "(flood title:)") == flood
    assert _titles(library, "note: 2009") == flood
    # A pasted sentence that starts "Note: …" searched the notes only (and without the store,
    # was refused); with a capital and a space it is words, as "Title: …" is.
    assert split_annotation_clauses("Note: the figures from 2009")[1] == AnnotationFilter()
    assert _titles(library, "Note: flood") == []  # no article says "note"
    assert _titles(library, "Title: flood") == []  # nor "title"
    assert library.search("flood title:").query == "flood title:"  # as the user typed it
    assert _titles(library, '"flood title: x"') == []
    with pytest.raises(QueryError, match="unknown field"):
        library.search("colour:red")


def _write_feed(path: Path, titles: list[str]) -> None:
    path.write_text(
        "".join(
            json.dumps({"title": t, "body": f"{t} happened, and the town talked of {t} all week."})
            + "\n"
            for t in titles
        ),
        encoding="utf-8",
    )


_SHOWN = {
    "has:notes": lambda state, shown: bool(state.note or any(h.highlight.note for h in shown)),
    "-has:notes": lambda state, shown: not (state.note or any(h.highlight.note for h in shown)),
    "has:highlights": lambda state, shown: bool(shown),
    "-has:highlights": lambda state, shown: not shown,
    "tag:t": lambda state, shown: "t" in state.tag_names,
    "is:starred": lambda state, shown: state.starred,
    "is:read": lambda state, shown: state.read,
    "is:unread": lambda state, shown: not state.read,
}


def test_annotation_clauses_match_the_articles_that_show_those_annotations(
    tmp_path: Path,
) -> None:
    """Each clause finds exactly the articles that show, opened, what it asks for: the copies
    of an annotated article (a page saved twice with its URL) do, an article that took an
    annotated one's key (a feed's lines shifted, a file rewritten) does not, and one whose
    title changed at its key still does. The key was matched alone: the newcomer at the
    key of an article with a note was found by has:notes, and -has:notes left it out."""
    root = tmp_path / "lib"
    root.mkdir()
    page = "---\ntitle: Port strike ends\nurl: https://example.com/port\n---\n"
    (root / "saved.md").write_text(page + "The port strike ended on Monday.\n", "utf-8")
    clip = {
        "title": "Port strike (clip)",
        "url": "https://example.com/port/",
        "body": "The port strike ended on Monday.",
    }
    (root / "clip.json").write_text(json.dumps(clip), "utf-8")
    _write_feed(root / "feed.jsonl", ["Alpha mill", "Beta ferry"])
    (root / "old.txt").write_text("School roof\n\nThe school roof was mended in June.\n", "utf-8")
    (root / "edit.txt").write_text(
        "Bridge tolls\n\nTolls on the bridge rise for lorries.\n", "utf-8"
    )
    library = Library(root).open()
    library.update()
    store = library.annotations
    for key in ("saved.md", "feed.jsonl#1", "old.txt", "edit.txt"):
        article = library.article(key)
        assert article
        store.set_article_note(article, f"note on {article.title}")
        store.add_tags(article, "t")
        store.set_starred(article)
        store.set_read(article)
        if key != "feed.jsonl#1":  # a highlight moves the rows along with the feed's lines
            store.add_highlight(article, 4, 8, note="why?" if key != "edit.txt" else "")
    _write_feed(root / "feed.jsonl", ["Zero bridge", "Alpha mill", "Beta ferry"])
    (root / "old.txt").write_text("Cricket scores\n\nThe county side won by nine runs.\n", "utf-8")
    (root / "edit.txt").write_text(
        "Bridge tolls rise\n\nTolls on the bridge rise for lorries.\n", "utf-8"
    )
    library.update()

    def a_body(key: str) -> str | None:
        article = library.article(key)
        return article.body if article else None

    found = {query: {hit.key for hit in library.search(query, limit=50).hits} for query in _SHOWN}
    articles = [library.article(hit.key) for hit in library.search("", limit=50).hits]
    marks = store.marks([ArticleInfo.of(a) for a in articles if a], lambda i: a_body(i.key))
    shown: dict[str, set[str]] = {query: set() for query in _SHOWN}
    marked: dict[str, bool] = {}
    for article, mark in zip(articles, marks, strict=True):
        assert article
        state = store.article_state(article)
        placed = store.highlights_for(article, library.docs.keys_for(article.id))
        for query, shows in _SHOWN.items():
            if shows(state, placed):
                shown[query].add(article.key)
        marked[article.key] = bool(state.note or state.tag_names or placed) == mark.annotated
    assert found == shown
    assert all(marked.values()), marked  # the list's mark: the newcomer at old.txt had one
    assert shown["has:notes"] == {"saved.md", "clip.json", "feed.jsonl#2", "edit.txt"}
