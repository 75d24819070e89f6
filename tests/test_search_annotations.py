"""Annotation clauses in queries: tag:, note:, highlight:, has:, is: combine with the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsread.index.annotations.records import clean_tag
from newsread.index.engine.search import QueryError, split_annotation_clauses
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
    assert library.search("flood title:").query == "flood title:"  # as the user typed it
    assert _titles(library, '"flood title: x"') == []
    with pytest.raises(QueryError, match="unknown field"):
        library.search("colour:red")
