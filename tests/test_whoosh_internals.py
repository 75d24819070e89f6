"""Whoosh's internals as newsread uses them (newsread.index.engine.whoosh_internals).

The matcher patches: each test failed unpatched. The search oracle found these (tests/test_search_oracle.py); newsread reaches Whoosh's
matchers for word ranges (`title:[a TO m]`), which its posting-list evaluator leaves alone.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from builders import write_article
from whoosh import fields, query
from whoosh.filedb.filestore import RamStorage

from newsread.index.engine.search import parse_query
from newsread.index.engine.whoosh_internals import patch_whoosh
from newsread.index.library import Library


def _index(*texts: str) -> object:
    patch_whoosh()
    ix = RamStorage().create_index(fields.Schema(text=fields.TEXT(phrase=True)))
    writer = ix.writer()
    for text in texts:
        writer.add_document(text=text)
    writer.commit()
    return ix


def _ids(ix: object, q: query.Query) -> list[int]:
    """What Whoosh's collector finds, stepping the matchers as a search does."""
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        return sorted(hit.docnum for hit in searcher.search(q, limit=None))


def test_and_not_excludes_the_first_candidate_too() -> None:
    # The excluded side was not moved up to the first wanted document before it was listed.
    ix = _index("grain", "grain", "grain harbour", "harbour")
    assert _ids(ix, query.AndNot(query.Term("text", "harbour"), query.Term("text", "grain"))) == [3]


def test_and_not_whose_wanted_side_runs_out_inside_an_and() -> None:
    # AndNot.skip_to past its last wanted document (a phrase, over more than one posting
    # block) asked that side for its id: IndexError, which the library took for a damaged
    # index. A random library the oracle built found it; this one is the smallest seed.
    words = "harbour grain flood river".split()
    rng = random.Random(4)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(200)]
    ix = _index(*texts)
    wanted = query.AndNot(query.Phrase("text", ["harbour", "harbour"]), query.Term("text", "grain"))
    q = query.And([query.Term("text", "flood"), wanted])
    expected = [
        n
        for n, text in enumerate(texts)
        if "harbour harbour" in text and "grain" not in text and "flood" in text
    ]
    assert _ids(ix, q) == expected


def test_not_skips_deleted_documents_after_the_excluded_ones_run_out() -> None:
    ix = _index("grain", "harbour", "flood")
    writer = ix.writer()  # type: ignore[attr-defined]
    writer.delete_document(1)  # right after the last excluded document
    writer.commit(merge=False)
    assert _ids(ix, query.Not(query.Term("text", "grain"))) == [2]


def test_a_word_range_with_an_exclusion_finds_the_right_articles(small_library: Path) -> None:
    # Through the library: word ranges are answered by Whoosh's matchers.
    write_article(small_library, "tram.txt", "Tram strike", "Tram drivers in Kelmor.")
    library = Library(small_library).open()
    library.update()
    found = {hit.title for hit in library.search("title:[a TO z] ANDNOT kelmor").hits}
    every = {hit.title for hit in library.search("title:[a TO z]", limit=50).hits}
    with_kelmor = {hit.title for hit in library.search("kelmor", limit=50).hits}
    assert found == every - with_kelmor and every


@pytest.mark.parametrize("text", ["harbour -grain", "NOT grain", "-grain -flood"])
def test_exclusions_in_whoosh_agree_with_the_posting_lists(small_library: Path, text: str) -> None:
    from newsread.index.engine import postings
    from newsread.index.engine.search import parse_query

    library = Library(small_library).open()
    library.update()
    with library.searcher() as searcher:
        q = parse_query(text, library.index.schema)
        assert sorted(searcher.docs_for_query(q)) == sorted(postings.evaluate(searcher, q) or {})


def test_the_pinned_whoosh_has_every_internal_newsread_uses() -> None:
    from newsread.index.engine import whoosh_internals

    assert whoosh_internals.missing() == ()
    assert whoosh_internals.notice() == ""


def test_without_an_internal_search_takes_the_public_way_with_the_same_answers(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Whoosh that lost what the posting-list reader uses: the same results, said once."""
    from newsread.index.engine import postings, whoosh_internals

    root = small_library
    queries = ["kelmor", "harbour -flood", '"old town"', "ferry OR river", "kelmor AND date:2017"]
    library = Library(root).open()
    library.update()
    # Same articles in the same order (Whoosh's matchers add a constant per excluded word).
    expected = {q: [h.key for h in library.search(q).hits] for q in queries}
    library.close()

    # As if a Whoosh release renamed a block-decoding method newsread reads with.
    needed = (
        *whoosh_internals._NEEDED,
        ("whoosh.codec.whoosh3", "W3LeafMatcher", ("_read_blocks_v3",)),
    )
    monkeypatch.setattr(whoosh_internals, "_NEEDED", needed)
    whoosh_internals.missing.cache_clear()
    try:
        library = Library(root).open()
        assert "searching the slower, public way" in library.notice
        assert "W3LeafMatcher._read_blocks_v3" in library.notice
        with library.searcher() as searcher:
            assert postings.evaluate(searcher, parse_query("kelmor", searcher.schema)) is None
        for q in queries:
            assert [h.key for h in library.search(q).hits] == expected[q], q
        library.close()
    finally:
        monkeypatch.undo()
        whoosh_internals.missing.cache_clear()


def test_a_constant_score_of_zero_scores_zero() -> None:
    # Filters join a query as ConstantScoreQuery(..., 0.0); Whoosh scored them 1.
    ix = _index("harbour", "harbour grain")
    q = query.ConstantScoreQuery(query.Term("text", "harbour"), 0.0)
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        assert [hit.score for hit in searcher.search(q, limit=None)] == [0.0, 0.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title:[TO voted} title:[TO grains}", "title:[ TO grain}"),
        ("title:[TO grains} title:[TO voted}", "title:[ TO grain}"),
        ("title:[a TO voted} title:[c TO grains}", "title:[c TO grain}"),
        ("title:[TO voted} OR title:[TO grains}", "title:[ TO vote}"),
    ],
)
def test_nested_ranges_anded_together_keep_the_narrower(text: str, expected: str) -> None:
    """Whoosh merged `[TO voted} AND [TO grains}` into the wider range (soak seed 2777)."""
    from newsread.index.engine.schema import build_schema

    assert str(parse_query(text, build_schema()).normalize()) == expected
