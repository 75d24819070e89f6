"""Fuzzy words and "did you mean": neighbours of the word as typed that articles really use,
the most frequent first, shown as words (never stems)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import write_article

from newsread.index.engine import search as search_module
from newsread.index.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    for n in range(3):
        write_article(root, f"coffee{n}.txt", f"Coffee market {n}", "Coffee prices rose.")
    for n in range(6):  # "comes" is in more articles, but two edits from "cofee"
        write_article(root, f"comes{n}.txt", f"Winter report {n}", "Winter comes early.")
    for n in range(4):  # stem "intern", as "interns" would be: one edit from "interes"
        write_article(root, f"intl{n}.txt", f"Trade {n}", "The international fund met.")
    write_article(root, "rates.txt", "Rates", "Interest rates were unchanged.")
    write_article(root, "ratesb.txt", "Rates again", "Interested buyers waited.")
    write_article(root, "harbour.txt", "Kelmor harbour", "The harbour expansion was approved.")
    library = Library(root).open()
    library.update()
    return library


def test_the_suggestion_is_one_edit_from_the_word_typed(library: Library) -> None:
    results = library.search("cofee")
    assert results.total == 0
    assert results.suggestion == "coffee"  # not "comes", the stem "cofe"'s neighbour
    assert library.search("expanson").suggestion == "expansion"  # a word, not "expans"
    assert library.search("harbour expanson").suggestion == "harbour expansion"
    assert library.search("zqxwvy").suggestion is None


def test_a_lowercase_or_that_finds_nothing_suggests_or(library: Library) -> None:
    # "or" is a common word the index leaves out: "coffee or winter" searched both words and
    # found nothing, with no word of OR.
    results = library.search("coffee or winter")
    assert results.total == 0
    assert results.suggestion == "coffee OR winter"
    assert library.search(results.suggestion).total > 0
    assert library.search("coffee or prices").suggestion is None  # it finds articles


def test_a_fuzzy_word_reaches_words_not_stems(library: Library) -> None:
    results = library.search("interes~")
    assert sorted(hit.path for hit in results.hits) == ["rates.txt", "ratesb.txt"]
    assert "inter~" not in results.limited
    assert library.search("cofee~").total == 3
    assert library.search("title:cofee~").total == 3


def test_a_word_no_article_uses_is_not_a_neighbour(library: Library) -> None:
    # "interns" is indexed under "intern" (from "international") but written nowhere.
    assert library.search("internss~").total == 0
    assert library.search("interns").total == 4  # searched as typed, stemming applies
    assert library.search("internss").suggestion == "interest"  # two edits, a real word


def test_only_the_first_words_are_looked_at(library: Library) -> None:
    assert library.search("cofee harbur expanson winterr").suggestion == (
        "coffee harbour expansion winterr"
    )
    assert library.search("cofee" + "e" * 40).suggestion is None


def test_neighbours_stay_few_for_the_longest_word() -> None:
    word = "abcdefghijklmnopqrstuvwxyzabcd"
    assert len(word) == search_module.FUZZY_MAX_CHARS
    assert len(search_module._one_edit_variants(word)) < 3000


def test_the_suggestion_comes_with_the_counts_not_the_first_screenful(library: Library) -> None:
    # A search that finds nothing shows "no results" at once; the walk over the index's words
    # for "did you mean" is step two's, cancelled with it by the next keystroke.
    with library.begin_search("cofee") as running:
        first = running.top()
        assert (first.hits, first.suggestion) == ((), None)
        assert running.counts().suggestion == "coffee"


def test_a_fuzzy_words_variants_are_looked_up_as_the_index_would(library: Library) -> None:
    """Each segment's terms are kept as hashes for the ~500 look-ups of a fuzzy word: every
    term is found, in whichever segment it is, and nothing else is."""
    write_article(library.root, "later.txt", "Later", "Harbours, coffees and a marina.")
    library.update()
    with library.searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) > 1
        for field in ("title", "body"):
            indexed = search_module._lexicon(reader, field)
            terms = {t.decode() for leaf, _ in reader.leaf_readers() for t in leaf.lexicon(field)}
            assert "marina" in terms or field == "title"
            asked = terms | search_module._one_edit_variants("harbour") | {"", "zzz", "é"}
            assert {t for t in asked if indexed(t)} == terms
            assert all(((field, t) in reader) == (t in terms) for t in asked)
