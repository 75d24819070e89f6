"""index/engine/postings.py gives the same documents and scores as Whoosh's own matchers."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from builders import write_article

from newsread.index.engine import hits, indexer, phrase_keys, postings, whoosh_internals
from newsread.index.engine.search import _bound, parse_query
from newsread.index.library import Library
from newsread.index.results import QueryError

WORDS = (
    "harbour grain sanctions river flood council budget shipping minister port export "
    "court ruling strike union wages bank rates inflation market shares election vote"
).split()

QUERIES = [
    "harbour",
    "harbour grain",
    "harbour OR grain",
    "harbour NOT grain",
    "(harbour OR flood) court",
    "title:harbour",
    "harb*",
    "habrour~",
    "date:2019",
    "date:[2018-01-01 TO 2020-06-30] bank",
    "date:>2020 OR wages",
    "source:wire",
    "harbour ANDMAYBE grain",
    "harbour ANDNOT (grain OR flood)",
    "zzzunknownword",
    "harbour zzzunknownword",
    "*",
    '"harbour grain"',
    '"harbour grain river"',
    '"harbour of the grain, river"',
    '"river harbour"',
    '"harbour grain"~3',
    '"council budget" OR "bank market"',
    '"harbour grain" -flood',
    'title:"harbour grain"',
    "(harbour grain)^2 OR flood",
    "(harbour grain river)^3 OR (court wages)^0.5",
    "-flood -grain",  # an AND of exclusions only: evaluated here, not in Whoosh's slow path
    "harbour -(grain OR flood)",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """~240 articles in several segments, some deleted or changed after the first build."""
    root = tmp_path_factory.mktemp("postings") / "library"
    home = root.parent / "home"
    rng = random.Random(7)

    def write(n: int, version: int) -> None:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 120))]
        if n % 3 == 0:  # a three-word phrase, somewhere
            at = rng.randint(0, len(words))
            words[at:at] = ["harbour", "grain", "river"]
        title = " ".join(rng.sample(WORDS, 3)).capitalize()
        if n % 4 == 0:
            title = f"Harbour grain {title}"
        write_article(
            root,
            f"a{n:03}.txt",
            f"{title} {version}",
            " ".join(words),
            source=rng.choice(["BALTIC WIRE", "GAZETTE", "TODAY"]),
            date=f"{rng.randint(1, 28)} March {rng.randint(2015, 2024)} [09:05]",
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREAD_HOME", str(home))
        for n in range(120):
            write(n, 0)
        Library(root).open().update()
        for n in range(120, 240):  # a second segment
            write(n, 0)
        for n in range(0, 240, 7):  # changed: deleted in their old segment, added anew
            write(n, 1)
        for n in range(3, 240, 11):
            (root / f"a{n:03}.txt").unlink()
        library = Library(root).open()
        library.update()
        with library.searcher() as searcher:
            assert len(searcher.reader().leaf_readers()) > 1
            assert searcher.reader().has_deletions()
        yield library


def _whoosh(searcher, q):  # type: ignore[no-untyped-def]
    """Every match and its score from Whoosh's matchers, without block skipping."""
    from whoosh import collectors

    collector = collectors.UnlimitedCollector()
    searcher.search_with_collector(q, collector)
    return {hit.docnum: hit.score for hit in collector.results()}


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_and_scores_as_whoosh(library: Library, text: str) -> None:
    with library.searcher() as searcher:
        if text == "*":
            from whoosh import query

            q = query.Every()
        else:
            q = _bound(parse_query(text, library.index.schema), searcher.reader(), [])
        expected = _whoosh(searcher, q)
        scores = postings.evaluate(searcher, q)
        unscored = postings.evaluate(searcher, q, scored=False)
    assert scores is not None and unscored is not None
    assert expected or "zzz" in text  # the comparison is not between two empty sets
    assert sorted(scores) == sorted(expected) == sorted(unscored)
    # Whoosh scores an excluded word (NOT, -word) as a constant 1 added to each match.
    if text != "*" and "NOT" not in text and " -" not in text:
        assert scores == pytest.approx(expected, rel=1e-6)
    assert all(score == 0.0 for score in unscored.values())


def test_top_orders_by_score_then_document_number() -> None:
    scores = {5: 1.0, 2: 3.0, 9: 3.0, 1: 0.5, 7: 2.0}
    assert postings.top(scores, 3) == [(2, 3.0), (9, 3.0), (7, 2.0)]
    assert postings.top(scores, 2) == [(2, 3.0), (9, 3.0)]
    assert postings.top(scores, 0) == []
    assert postings.top({}, 5) == []


def test_word_ranges_are_left_to_whoosh(library: Library) -> None:
    with library.searcher() as searcher:
        q = parse_query("title:[a TO m]", library.index.schema)
        assert postings.evaluate(searcher, q) is None
        assert library.search("title:[a TO m]").total > 0


def test_search_results_match_whoosh_ranking(library: Library) -> None:
    """The result list (top 20, total) is what Whoosh's exhaustive ranking gives."""
    results = library.search("harbour grain", limit=20)
    with library.searcher() as searcher:
        q = parse_query("harbour grain", library.index.schema)
        expected = _whoosh(searcher, q)
        ranked = sorted(expected.items(), key=lambda item: (-item[1], item[0]))[:20]
        keys = [searcher.stored_fields(docnum)["key"] for docnum, _ in ranked]
    assert results.total == len(expected) > 20
    assert [hit.key for hit in results.hits] == keys


def test_an_empty_library_matches_nothing(tmp_path: Path) -> None:
    """An empty library: every kind of query evaluates to nothing, not an error."""
    root = tmp_path / "empty"
    root.mkdir()
    library = Library(root).open()
    library.update()
    with library.searcher() as searcher:
        for text in ("harbour", "harbour grain", "date:2019"):
            q = parse_query(text, library.index.schema)
            assert postings.evaluate(searcher, q) in ({}, None)
    for text in ("harbour", "", "harbour~2"):  # with facets, stories and snippets
        results = library.search(text)
        assert (results.total, results.hits, results.counted) == (0, (), True)


def test_long_posting_lists_are_kept_decoded_within_a_bound(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postings, "_CACHE_MIN_LENGTH", 1)
    monkeypatch.setattr(postings, "CACHED_POSTINGS", 60)
    monkeypatch.setattr(postings, "_cache", type(postings._cache)())
    monkeypatch.setattr(postings, "_cache_size", 0)
    with library.searcher() as searcher:
        q = parse_query("harbour OR grain OR river", library.index.schema)
        expected = _whoosh(searcher, q)
        first = postings.evaluate(searcher, q)
        assert postings._cache, "nothing was kept"
        assert postings._cache_size <= 60 or len(postings._cache) == 1
        again = postings.evaluate(searcher, q)  # partly from the cache now
    assert first == pytest.approx(expected, rel=1e-6)
    assert again == pytest.approx(expected, rel=1e-6)


@pytest.fixture
def without_phrase_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Phrases searched as in segments without phrase keys (an older newsread's): by the
    positions of their candidates."""
    monkeypatch.setattr(phrase_keys, "of", lambda reader: None)


@pytest.fixture(scope="module")
def keyed_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Two segments of 300 articles, "harbour" in each a few times (phrase keys in both),
    "sunwood" in a few; some deleted or changed after the first run."""
    root = tmp_path_factory.mktemp("keyed") / "library"
    rng = random.Random(11)

    def write(n: int, version: int) -> None:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 60))]
        words += ["harbour"] * rng.randint(1, 4) + (["sunwood"] if n % 37 == 0 else [])
        rng.shuffle(words)
        write_article(root, f"k{n:03}.txt", f"Harbour {n} {version}", " ".join(words))

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREAD_HOME", str(root.parent / "home"))
        for n in range(300):
            write(n, 0)
        Library(root).open().update()
        for n in range(300, 600):
            write(n, 0)
        for n in range(0, 600, 13):
            write(n, 1)
        for n in range(5, 600, 17):
            (root / f"k{n:03}.txt").unlink()
        library = Library(root).open()
        library.update()
        yield library


def test_a_common_word_s_postings_come_from_its_phrase_keys(
    keyed_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word with phrase keys in every segment is read from them, alone and in an AND with a
    rare word (its documents only), with Whoosh's numbers: none of its blocks is read."""
    library = keyed_library
    with library.searcher() as searcher:
        leaves = [leaf for leaf, _ in searcher.reader().leaf_readers()]
        assert searcher.reader().has_deletions()
        keyed = [leaf for leaf in leaves if (phrase_keys.of(leaf) or {}).get("body", b"harbour")]
        assert keyed  # (how many segments, and which have keys, the batches' timing says)

        def not_keyed(read: Any) -> Any:
            def reading(reader: Any, fieldname: str, btext: bytes, *rest: Any) -> Any:
                keys = phrase_keys.of(reader)
                assert not (keys and keys.get(fieldname, btext)), f"{btext!r}'s blocks read"
                return read(reader, fieldname, btext, *rest)

            return reading

        for read in ("read_postings", "read_wanted_weights"):
            monkeypatch.setattr(whoosh_internals, read, not_keyed(getattr(whoosh_internals, read)))
        for text in ("harbour", "harbour sunwood", "sunwood harbour", "harbour OR sunwood"):
            monkeypatch.setattr(postings, "_cache", type(postings._cache)())
            q = parse_query(text, library.index.schema)
            found = postings.evaluate(searcher, q)
            assert found and found == pytest.approx(_whoosh(searcher, q), rel=1e-6), text


def test_a_common_phrase_is_found_from_phrase_keys_without_reading_positions(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In segments with phrase keys an exact phrase is known at once: its matches and their
    scores, no candidate left to check, no position read from a posting block; the same as
    without the keys."""
    q = parse_query('"harbour grain"', library.index.schema)
    with library.searcher() as searcher:
        assert all(phrase_keys.of(leaf) for leaf, _ in searcher.reader().leaf_readers())
        with monkeypatch.context() as patched:
            patched.setattr(phrase_keys, "of", lambda reader: None)
            expected = postings.evaluate(searcher, q)

        def no_positions(*args: object, **kwargs: object) -> None:
            raise AssertionError("positions read")

        monkeypatch.setattr(whoosh_internals, "read_wanted_values", no_positions)
        found = postings.evaluate_partial(searcher, q)
        assert found is not None and _phrase_checks(found) == (0, 0)  # no candidates
        assert expected and found.resolve() == pytest.approx(expected, rel=1e-6)


def _phrase_checks(found: postings.Partial) -> tuple[int, int]:
    """(candidates checked, candidates) over the phrases of an evaluation."""
    if isinstance(found, postings._PhraseMatch):
        return len(found.checked), len(found.bounds)
    parts = [*getattr(found, "parts", ()), *getattr(found, "excluded", ())]
    if hasattr(found, "child"):
        parts.append(found.child)
    counts = [_phrase_checks(part) for part in parts]
    return sum(c for c, _ in counts), sum(n for _, n in counts)


PHRASES = [q for q in QUERIES if '"' in q] + [
    '"grain river"',
    '"harbour grain" OR flood',
    '"harbour grain" "council budget"',
    '("harbour grain")^0.5 OR "grain river"^3',
    'flood -"harbour grain"',
    '"harbour grain" source:wire',
]


@pytest.mark.parametrize("text", PHRASES)
def test_the_first_page_of_a_phrase_is_the_whole_evaluation_s_best(
    library: Library, text: str
) -> None:
    """`top_partial` checks positions only for candidates that could be on the page, and
    gives exactly the page of the whole evaluation (ties by document number included)."""
    with library.searcher() as searcher:
        q = _bound(parse_query(text, library.index.schema), searcher.reader(), [])
        whole = postings.evaluate(searcher, q)
        assert whole is not None
        for limit in (1, 2, 3, 7, 20, 500):
            found = postings.evaluate_partial(searcher, q)
            assert found is not None
            assert postings.top_partial(found, limit) == postings.top(whole, limit)
            assert found.resolve() == whole  # the same scores, whatever was checked first


def test_a_common_phrase_s_first_page_checks_few_candidates(
    library: Library, without_phrase_keys: None
) -> None:
    with library.searcher() as searcher:
        q = parse_query('"harbour grain"', library.index.schema)
        found = postings.evaluate_partial(searcher, q)
        assert found is not None
        page = postings.top_partial(found, 2)
        checked, candidates = _phrase_checks(found)
        assert len(page) == 2 and candidates > 50
        assert checked < candidates / 4
        whole = postings.evaluate(searcher, q)
        assert whole is not None and page == postings.top(whole, 2)


def test_an_and_scores_a_common_word_only_where_the_rare_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rarer word's documents are found first; the common word is scored only on them,
    not on every one of its postings (the dict evaluation, which an AND under an OR with a
    phrase still uses; the arrays score every posting: it costs less than leaving some out)."""
    root = tmp_path / "library"
    for n in range(60):
        extra = " exporter" if n % 10 == 0 else ""
        write_article(root, f"a{n:02}.txt", f"Sugar news {n}", f"Sugar prices moved{extra}.")
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "home"))
    library = Library(root).open()
    library.update()
    scored: dict[bytes, set[int]] = {}
    scorer = postings._Evaluator.scorer

    def recording(self: postings._Evaluator, fieldname: str, btext: bytes, boost: float) -> Any:
        score = scorer(self, fieldname, btext, boost)

        def recorded(reader: Any, offset: int, ids: Any, weights: Any, deleted: Any) -> Any:
            scored.setdefault(btext, set()).update(d + offset for d in ids)
            return score(reader, offset, ids, weights, deleted)

        return recorded

    monkeypatch.setattr(postings._Evaluator, "scorer", recording)
    with library.searcher() as searcher:
        q = parse_query("sugar exporter", library.index.schema)
        expected = _whoosh(searcher, q)
        found = postings._Evaluator(searcher, True).run(q)
    assert found == pytest.approx(expected, rel=1e-6) and len(found) == 6
    assert scored[b"sugar"] == set(found)


def test_a_folded_first_page_of_a_phrase_checks_few_candidates(
    library: Library, without_phrase_keys: None
) -> None:
    """The results list folds stories: its first page of a phrase checks candidates until the
    page's stories are known, not every candidate (the count, step two, checks the rest)."""
    with library.begin_search('"harbour grain"', limit=2, fold=True) as running:
        page = running.top()
        assert running._pending is not None
        checked, candidates = _phrase_checks(running._pending)
        counted = running.counts()
    assert len(page.hits) == 2 and candidates > 50
    assert checked < candidates / 4
    assert counted.hits == page.hits and counted.total > 2


def test_checking_phrases_leaves_the_garbage_collector_as_it_was(
    library: Library, without_phrase_keys: None
) -> None:
    """The collector is paused while candidates are checked, and only then."""
    import gc

    seen: list[bool] = []
    with library.searcher() as searcher:
        q = parse_query('"harbour grain"', library.index.schema)
        found = postings.evaluate_partial(searcher, q)
        assert isinstance(found, postings._AnyOf)
        for part in found.parts:
            for segment in getattr(part, "segments", ()):
                check = segment.check

                def spy(local: list[int], check: object = check) -> list[int]:
                    seen.append(gc.isenabled())
                    return check(local)  # type: ignore[operator, no-any-return]

                segment.check = spy  # type: ignore[method-assign]
        assert gc.isenabled()
        found.resolve()
        assert gc.isenabled() and seen and not any(seen)
        gc.disable()
        try:
            postings.evaluate(searcher, q)
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_a_phrase_s_words_are_checked_in_the_order_that_rules_out_the_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, without_phrase_keys: None
) -> None:
    """Of "sorrel tansy yarrow", "sorrel tansy" stands together in every article with all
    three words and "sorrel _ yarrow" in few: "yarrow" is checked second although "tansy" is
    rarer, and the matches are Whoosh's."""
    from whoosh import query

    root = tmp_path / "library"
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "home"))
    # The test's few candidates are worth a sample (raising=False: fails on the order, not
    # on a missing constant, without the ordering).
    monkeypatch.setattr(postings, "ORDER_FROM", 8, raising=False)
    for n in range(40):
        tail = "yarrow harbour" if n % 13 == 0 else "harbour grain yarrow"
        write_article(root, f"a{n:03}.txt", f"Report {n}", f"council sorrel tansy {tail} river")
    for n in range(40, 45):
        write_article(root, f"a{n:03}.txt", f"Report {n}", "council tansy river")
    for n in range(45, 55):
        write_article(root, f"a{n:03}.txt", f"Report {n}", "council yarrow river")
    library = Library(root).open()
    # One batch, one segment: on a loaded machine the first batch's time ran out mid-way, and
    # a segment of few candidates had no sample to order its words by.
    indexer.update_library(library, first_batch_seconds=60.0)
    with library.searcher() as searcher:
        terms = [t.text for t in library.index.schema["body"].analyzer("sorrel tansy yarrow")]
        q = query.Phrase("body", terms)
        found = postings.evaluate_partial(searcher, q)
        assert isinstance(found, postings._PhraseMatch)
        assert found.resolve() == pytest.approx(_whoosh(searcher, q), rel=1e-6)
        assert len(found.resolve()) == 4
        assert found.segments
        for segment in found.segments:  # sorrel is the rarest word of each segment
            assert segment.by_rarity == [0, 2, 1]
    library.close()


@pytest.fixture
def small_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A one-segment Whoosh index whose posting blocks hold 4 postings: "grain" and
    "harbour" are in every document (100 blocks each), "harbour grain" in every third."""
    import tempfile

    from whoosh import fields
    from whoosh.codec import whoosh3
    from whoosh.filedb.filestore import RamStorage

    from newsread.index.engine.whoosh_internals import patch_whoosh

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(whoosh3.W3Codec.__init__, "__defaults__", (4, 1, 1))
    patch_whoosh()
    ix = RamStorage().create_index(fields.Schema(body=fields.TEXT(phrase=True)))
    writer = ix.writer()
    for n in range(400):
        writer.add_document(body="harbour grain" if n % 3 == 0 else "grain river harbour")
    writer.commit()
    return ix


@pytest.mark.parametrize("text", ["grain", '"harbour grain"'])
def test_a_long_posting_read_stops_within_a_few_blocks_of_the_cancel(
    small_blocks: Any, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke cancels a search mid-way through one long posting list (a common word of a
    large library is ~800 blocks), not only between lists."""
    from whoosh.qparser import QueryParser

    from newsread.index import SearchCancelled
    from newsread.index.engine import whoosh_internals

    blocks_read = 0
    for name in ("_ids_weights", "block_data"):  # each block's decoding, with or without values
        real = getattr(whoosh_internals, name)

        def counting(*block: Any, real: Any = real) -> Any:
            nonlocal blocks_read
            blocks_read += 1
            return real(*block)

        monkeypatch.setattr(whoosh_internals, name, counting)
    monkeypatch.setattr(postings, "_CACHE_MIN_LENGTH", 1)
    monkeypatch.setattr(postings, "_cache", type(postings._cache)())
    q = QueryParser("body", small_blocks.schema).parse(text)
    with small_blocks.searcher() as searcher:
        expected = _whoosh(searcher, q)
        assert postings.evaluate(searcher, q, cancelled=lambda: False) == pytest.approx(expected)
        everything, blocks_read = blocks_read, 0
        postings._cache.clear()
        assert everything >= 100
        with pytest.raises(SearchCancelled):
            postings.evaluate(searcher, q, cancelled=lambda: blocks_read >= 10)
        assert blocks_read < 10 + whoosh_internals.BLOCKS_BETWEEN  # not all `everything`
        assert not postings._cache  # a read cut short is not kept as the word's postings
        assert postings.evaluate(searcher, q) == pytest.approx(expected)  # and reads whole


@pytest.fixture(scope="module")
def dated_library(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """~180 articles in posting blocks of 4, in two segments with deletions: many share a
    date, a fifth have none, "grain" is in nearly all of them."""
    from whoosh.codec import whoosh3

    root = tmp_path_factory.mktemp("dated") / "library"
    rng = random.Random(5)

    def write(n: int) -> None:
        words = ["grain", *(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))]
        if n % 9 == 0:
            words.remove("grain")
        title, body = " ".join(rng.sample(WORDS, 3)).capitalize(), " ".join(words)
        if n % 5 == 0:  # undated
            root.mkdir(parents=True, exist_ok=True)
            (root / f"u{n:03}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            return
        day = f"{rng.randint(1, 4)} March {rng.choice([2016, 2020])} [09:05]"
        source = rng.choice(["BALTIC WIRE", "GAZETTE"])
        write_article(root, f"a{n:03}.txt", title, body, source=source, date=day)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREAD_HOME", str(root.parent / "home"))
        patch.setattr(whoosh3.W3Codec.__init__, "__defaults__", (4, 1, 1))
        for n in range(100):
            write(n)
        Library(root).open().update()
        for n in range(100, 180):
            write(n)
        for n in range(3, 180, 13):
            for name in (f"a{n:03}.txt", f"u{n:03}.txt"):
                (root / name).unlink(missing_ok=True)
        library = Library(root).open()
        # one batch, one segment: on a loaded machine the first batch's time ran out mid-way,
        # and a segment of few candidates had no sample to order its words by
        indexer.update_library(library, first_batch_seconds=60.0)
        with library.searcher() as searcher:
            assert len(searcher.reader().leaf_readers()) > 1 and searcher.reader().has_deletions()
        yield library


def test_a_walk_by_date_finds_the_date_order_of_the_whole_evaluation(
    dated_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random queries walked by date in small steps give, for every page length, exactly the
    first matches of the whole (unscored) evaluation sorted by date (`_by_date`, ties by
    key; undated last), newest and oldest first; and all of them."""
    from newsread.index.engine.search import _by_date, _date_order

    monkeypatch.setattr(postings, "WALK_FIRST", 3)
    monkeypatch.setattr(postings, "WALK_DENSITY", 1_000_000)  # walk whatever the words
    monkeypatch.setattr(postings, "WALK_SHARE", 1)  # and as far as it takes
    rng = random.Random(3)
    walked = 0
    with dated_library.searcher() as searcher:
        for _ in range(60):
            parts = [rng.choice([*WORDS, "grain", "grain", "*"])]
            for _ in range(rng.randint(0, 2)):
                op = rng.choice(["", "OR ", "NOT ", "title:", "source:wire ", "date:2016 "])
                parts.append(op + rng.choice([*WORDS, "grain"]))
            text = " ".join(parts)
            q = _bound(parse_query(text, dated_library.index.schema), searcher.reader(), [])
            whole = postings._Evaluator(searcher, False).run(q)
            for newest in (True, False):
                walk = postings.date_walk(searcher, q, lambda n=newest: _date_order(searcher, n))
                assert walk is not None, text
                for n in (1, 2, 5, 13, 1000):
                    expected = _by_date(searcher, whole, n, newest=newest)
                    assert walk.first(n) == expected, (text, newest, n)
                    walked += n == 5 and walk.matches is None
                assert walk.all() == whole
    assert walked  # some were answered without evaluating the query whole


def test_a_common_word_sorted_by_date_reads_few_of_its_blocks(
    dated_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest page of a word in nearly every article reads the blocks that hold the
    newest articles, not the word's every block; its count reads the rest."""
    from newsread.index.engine import whoosh_internals

    read: list[int] = []
    real = whoosh_internals._ids_weights

    def counting(*block: Any) -> Any:  # each block's ids and weights decoded
        read.append(1)
        return real(*block)

    monkeypatch.setattr(whoosh_internals, "_ids_weights", counting)
    monkeypatch.setattr(postings, "_cache", type(postings._cache)())
    monkeypatch.setattr(postings, "WALK_FIRST", 8)  # steps the size of this small library's
    monkeypatch.setattr(postings, "WALK_SHARE", 2)
    whole = dated_library.search("grain", sort="newest", limit=5, fold=False)
    everything = len(read)
    read.clear()
    postings._cache.clear()
    with dated_library.begin_search("grain", sort="newest", limit=5, fold=False) as running:
        page = running.top()
        assert len(read) * 4 < everything  # the newest few, not every block
        counted = running.counts()
    assert [h.key for h in page.hits] == [h.key for h in whole.hits]
    assert counted.total == whole.total and counted.facets == whole.facets


def _random_query(rng: random.Random, depth: int = 0) -> str:
    """A query without phrases of the fixture's words: ANDs, ORs, NOTs, boosts, prefixes,
    fuzzy words, fields and dates, nested."""
    if depth > 1 or rng.random() < 0.3:
        word = rng.choice([*WORDS, "zzzunknownword"])
        kinds = [word] * 6 + [f"title:{word}", f"{word[:3]}*", f"{word[:-1]}x~", "date:2019", "*"]
        return rng.choice(kinds)
    parts = [_random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    joined = rng.choice([" ", " OR ", " AND NOT ", " ANDMAYBE ", " ANDNOT ", " -"]).join(parts)
    return f"({joined})^{rng.choice([1, 2, 0.5])}" if rng.random() < 0.3 else f"({joined})"


@pytest.mark.parametrize("wanted_per_block", [0, postings.WANTED_PER_BLOCK])
@pytest.mark.parametrize("seed", range(4))
def test_arrays_give_the_dict_evaluations_numbers(
    library: Library, seed: int, wanted_per_block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The array evaluation (`matches`, what searches without a phrase use) against the dict
    one (`run`) on random queries over segments with deletions: the same documents, the same
    scores to the last bit (added in the same order), the same first pages, ties included;
    an AND's later words read whole, or (0) always only from the blocks it wants."""
    monkeypatch.setattr(postings, "WANTED_PER_BLOCK", wanted_per_block)
    rng = random.Random(seed)
    with library.searcher() as searcher:
        for _ in range(40):
            text = _random_query(rng)
            try:
                q = _bound(parse_query(text, library.index.schema), searcher.reader(), [])
            except QueryError:  # too many operators or fuzzy words
                continue
            for scored in (True, False):
                try:
                    expected = postings._Evaluator(searcher, scored).run(q)
                except postings.Unsupported:
                    continue
                found = postings._Evaluator(searcher, scored).matches(q)
                assert found.as_dict() == expected, (text, scored)
                assert found.docs.tolist() == sorted(expected), text
                for limit in (1, 3, 20, 500):
                    assert hits.top(found, limit) == postings.top(expected, limit), text


def test_an_and_reads_a_common_word_only_in_the_blocks_the_rare_one_wants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An AND of a rare and a common word reads the common word's blocks that hold one of
    the rare word's documents, not all of them, with Whoosh's scores."""
    import tempfile

    from whoosh import fields, query
    from whoosh.codec import whoosh3
    from whoosh.filedb.filestore import RamStorage

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(whoosh3.W3Codec.__init__, "__defaults__", (4, 1, 1))  # blocks of 4
    whoosh_internals.patch_whoosh()
    ix = RamStorage().create_index(fields.Schema(body=fields.TEXT))
    writer = ix.writer()
    for n in range(400):
        writer.add_document(body="grain grain harbour" if n % 50 == 7 else "grain river")
    writer.commit()
    blocks_read = 0
    real = whoosh_internals._ids_weights

    def counting(*block: Any) -> Any:
        nonlocal blocks_read
        blocks_read += 1
        return real(*block)

    monkeypatch.setattr(whoosh_internals, "_ids_weights", counting)
    monkeypatch.setattr(postings, "_cache", type(postings._cache)())
    monkeypatch.setattr(postings, "WANTED_PER_BLOCK", 4)  # this index's postings per block
    q = query.And([query.Term("body", "grain"), query.Term("body", "harbour")])
    with ix.searcher() as searcher:
        found = postings.evaluate(searcher, q)
        assert found == pytest.approx(_whoosh(searcher, q), rel=1e-6) and len(found) == 8
    assert blocks_read <= 2 + 8  # harbour's 2 blocks, a block of grain per match (of 100)


def test_a_search_gives_back_the_phrase_keys_pages_it_read(
    keyed_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    released: list[None] = []
    monkeypatch.setattr(phrase_keys, "release", lambda: released.append(None))
    assert keyed_library.search("harbour").total
    assert released
