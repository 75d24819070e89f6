"""Whoosh's internals as newsread uses them (newsread.index.engine.whoosh_internals).

The matcher patches: each test failed unpatched. The search oracle found these (tests/test_search_oracle.py); newsread reaches Whoosh's
matchers for word ranges (`title:[a TO m]`), which its posting-list evaluator leaves alone.
"""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from builders import write_article
from whoosh import fields, query
from whoosh.filedb.filestore import RamStorage

from newsread.index.engine.search import parse_query
from newsread.index.engine.whoosh_internals import patch_whoosh
from newsread.index.library import Library


@pytest.fixture(autouse=True)
def _own_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A RamStorage writer sorts in `tempfile.gettempdir()`/MAIN.tmp, one folder for every
    process: two test runs at once (xdist's workers, other checkouts) deleted each other's
    files ("No such file or directory: '/tmp/MAIN.tmp/…'")."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


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


@pytest.mark.parametrize("seed", range(4))
def test_columns_read_in_one_piece_hold_what_whoosh_reads_a_document_at_a_time(
    seed: int,
) -> None:
    """Numeric and byte-string columns, documents without a value among them (at the end
    too), over several segments, and the length bytes the scoring reads."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    from newsread.index.engine.whoosh_internals import column_values, length_bytes

    rng = random.Random(seed)
    schema = fields.Schema(
        text=fields.TEXT(),
        name=fields.ID(sortable=True),
        when=fields.DATETIME(sortable=True),
        year=fields.NUMERIC(sortable=True, signed=False, bits=32),
    )
    ix = RamStorage().create_index(schema)
    for _ in range(rng.randint(1, 3)):
        writer = ix.writer()
        for _ in range(rng.randint(1, 300)):
            doc: dict[str, object] = {"text": " ".join("ab" * rng.randint(1, 3) for _ in range(9))}
            if rng.random() < 0.7:
                doc["name"] = "".join(rng.choice("xyzé") for _ in range(rng.randint(0, 12)))
            if rng.random() < 0.6:
                doc["year"] = rng.randint(0, 3000)
            if rng.random() < 0.5:
                doc["when"] = datetime(rng.randint(1, 9999), 1, 1) + timedelta(seconds=rng.random())
            writer.add_document(**doc)
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            for name in ("name", "when", "year"):
                if leaf.has_column(name):
                    expected = list(leaf.column_reader(name, translate=False))
                    assert column_values(leaf.column_reader(name, translate=False)) == expected
            lengths = leaf._perdoc._cached_reader("_text_len", LENGTHS_COLUMN)
            assert length_bytes(leaf, "text") == list(lengths)


@pytest.mark.parametrize("seed", range(3))
def test_document_lengths_read_whole_are_what_whoosh_reads_a_document_at_a_time(
    seed: int,
) -> None:
    """The patched `doc_field_length` (a segment's writing asks it per posting) against the
    length column read a document at a time, for a scored field, an unscored one and a field
    no document has."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN
    from whoosh.util.numeric import byte_to_length

    rng = random.Random(seed)
    patch_whoosh()
    schema = fields.Schema(text=fields.TEXT(), name=fields.ID(), other=fields.TEXT())
    ix = RamStorage().create_index(schema)
    writer = ix.writer()
    for _ in range(rng.randint(1, 400)):
        words = rng.choice([0, 1, 2, 7, 40, 300, 5000])
        writer.add_document(text=" ".join(f"w{rng.randint(0, 50)}" for _ in range(words)), name="x")
    writer.commit()
    with ix.searcher() as searcher:
        (leaf, _), *_ = searcher.reader().leaf_readers()
        perdoc = leaf._perdoc
        count = leaf.doc_count_all()
        column = perdoc._cached_reader("_text_len", LENGTHS_COLUMN)
        for docnum in range(count + 1):
            byte = column[docnum] if docnum < count else 0
            expected = byte_to_length(byte) if byte else None
            assert perdoc.doc_field_length(docnum, "text") == expected
            assert perdoc.doc_field_length(docnum, "name", 7) == 7  # no length column
            assert perdoc.doc_field_length(docnum, "other", 3) == 3
        with pytest.raises(IndexError):
            perdoc.doc_field_length(count + 1, "text")


@pytest.mark.parametrize("seed", range(4))
def test_a_streamed_merge_writes_what_whoosh_optimize_writes(seed: int) -> None:
    """`merge_all` against Whoosh's own `OPTIMIZE` on the same random segments (deletions,
    short posting lists inlined in the term info and long ones in blocks, stored fields,
    columns, positions): the same documents in the same order, the same postings."""
    from newsread.index.engine.whoosh_internals import merge_all

    rng = random.Random(seed)
    patch_whoosh()
    schema = fields.Schema(
        key=fields.ID(stored=True, unique=True, sortable=True),
        title=fields.TEXT(stored=True, field_boost=2.0),
        body=fields.TEXT(phrase=True),
        year=fields.NUMERIC(sortable=True, signed=False, bits=32),
    )
    layouts = []
    for _ in range(2):
        ix = RamStorage().create_index(schema)
        layouts.append(ix)
    key = 0
    for _ in range(rng.randint(2, 5)):
        batch = []
        for _ in range(rng.randint(1, 200)):
            key += 1
            words = [f"w{int(rng.paretovariate(1.2)) % 300}" for _ in range(rng.randint(0, 60))]
            doc: dict[str, object] = {"key": f"k{key}", "body": " ".join(words)}
            if rng.random() < 0.8:
                doc["title"] = " ".join(rng.sample(words, min(3, len(words))))
            if rng.random() < 0.5:
                doc["year"] = rng.randint(1900, 2030)
            batch.append(doc)
        gone = [f"k{rng.randint(1, key)}" for _ in range(rng.randint(0, 20))]
        for ix in layouts:
            writer = ix.writer()
            for doc in batch:
                writer.add_document(**doc)
            writer.commit(merge=False)
            writer = ix.writer()
            for name in gone:
                writer.delete_by_term("key", name)
            writer.commit(merge=False)
    streamed, optimized = layouts
    assert len(streamed._segments()) > 1
    streamed.writer().commit(mergetype=merge_all)
    optimized.writer().commit(optimize=True)

    def content(ix: object) -> tuple[object, ...]:
        with ix.searcher() as searcher:  # type: ignore[attr-defined]
            reader = searcher.reader()
            assert len(reader.leaf_readers()) == 1
            return (
                list(reader.iter_docs()),
                list(reader.iter_postings()),
                [list(reader.column_reader("year")) if reader.has_column("year") else []],
                [reader.doc_field_length(n, "body") for n in range(reader.doc_count_all())],
                searcher.doc_count(),
            )

    assert content(streamed) == content(optimized)


@pytest.mark.parametrize("seed", range(3))
def test_words_within_two_edits_over_several_segments_are_every_one_and_only_once(
    seed: int,
) -> None:
    """The oracle: every indexed word's Levenshtein distance from the word, computed."""
    from whoosh.support.levenshtein import levenshtein

    from newsread.index.engine.whoosh_internals import terms_within

    rng = random.Random(seed)
    words = ["".join(rng.choice("abcde") for _ in range(rng.randint(2, 7))) for _ in range(400)]
    ix = RamStorage().create_index(fields.Schema(text=fields.TEXT()))
    for start in range(0, len(words), 100):  # four segments, words repeated across them
        writer = ix.writer()
        for n in range(start, start + 100):
            writer.add_document(text=f"{words[n]} {rng.choice(words)}")
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        indexed = {t.decode() for t in reader.lexicon("text")}
        for word in rng.sample(sorted(indexed), 10):
            for maxdist in (1, 2):
                found = list(terms_within(reader, "text", word, maxdist, 1))
                expected = {
                    t for t in indexed if t[0] == word[0] and levenshtein(t, word) <= maxdist
                }
                assert sorted(found) == sorted(expected)


def test_walking_the_words_within_two_edits_stops_when_the_search_is_cancelled() -> None:
    from newsread.index.engine.whoosh_internals import terms_within
    from newsread.index.results import SearchCancelled

    near = [w[:i] + c + w[i + 1 :] for w in ["harbour"] for i in range(1, 7) for c in "bdkstz"]
    ix = _index(*near)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 2  # after the automaton is built, mid-walk

    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        assert len(list(terms_within(searcher.reader(), "text", "harbour", 2, 1))) == len(set(near))
        with pytest.raises(SearchCancelled):
            list(terms_within(searcher.reader(), "text", "harbour", 2, 1, cancelled))


def test_the_stemmer_with_its_steps_guarded_stems_every_word_as_before() -> None:
    """porter2's steps 2-4 are skipped when no suffix of theirs ends the word: the stems of
    the sample articles' words, of words built on every suffix, and of random strings are
    those of the unguarded steps."""
    from builders import REPO
    from whoosh.lang import porter2

    from newsread.index.engine import whoosh_internals

    patch_whoosh()
    assert "stemmer" in whoosh_internals._patched
    files = (REPO / "sample_articles").rglob("*")
    text = " ".join(p.read_text(errors="replace") for p in files if p.is_file())
    words = {w.lower() for w in text.split() if w.isalpha()}
    suffixes = [end for end, _, _ in porter2.s2_triples + porter2.s3_triples]
    suffixes += [*porter2.s4_delete_list, "sion", "tion", "ing", "ed", "ly", "y", "e", "l"]
    rng = random.Random(4)
    for _ in range(3000):
        stem = "".join(rng.choice("aeioubcdglnrstvyz") for _ in range(rng.randint(0, 7)))
        words.add(stem + rng.choice(suffixes))
        words.add(stem)
    guarded = {name: getattr(porter2, name) for name in ("step_2", "step_3", "step_4")}
    patched = {word: porter2.stem(word) for word in words}
    try:
        for name, step in guarded.items():
            setattr(porter2, name, step.__wrapped__)  # Whoosh's own step
        unguarded = {word: porter2.stem(word) for word in words}
    finally:
        for name, step in guarded.items():
            setattr(porter2, name, step)
    assert len(words) > 5000
    assert patched == unguarded


@pytest.mark.parametrize(("block", "compression"), [(2, 3), (5, 0), (128, 3), (128, 0)])
def test_ids_and_weights_read_without_values_are_whoosh_own(
    block: int, compression: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block's ids and weights, read from the start of its pickle only, are what Whoosh's
    matcher steps through: blocks of 1-3 postings (tuples without a MARK), weights all 1
    (stored as None), all equal (one float) or not, compressed or not."""
    from whoosh.codec import whoosh3

    from newsread.index.engine import whoosh_internals

    monkeypatch.setattr(whoosh3.W3Codec.__init__, "__defaults__", (block, compression, 1))
    rng = random.Random(block + compression)
    texts = [
        " ".join(rng.choice(["grain", "grain grain", "harbour", "flood"]) for _ in range(5))
        + (" river" if n % 2 else "")
        + (" ferry ferry" if n < 40 else " ferry" * rng.randint(1, 3))
        + (" quay" * (1 + n % 300))
        for n in range(300)
    ]
    ix = _index(*texts)
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        reader = searcher.reader()
        fast_blocks = 0
        for word in (b"grain", b"harbour", b"river", b"ferry", b"quay", b"flood"):
            matcher = reader.postings("text", word)
            expected_ids, expected_weights, expected_values = [], [], []
            while matcher.is_active():
                expected_ids.append(matcher.id())
                expected_weights.append(matcher.weight())
                expected_values.append(matcher.value())
                matcher.next()
            ids, weights, _ = whoosh_internals.read_postings(reader, "text", word, True, False)
            assert (ids, weights) == (expected_ids, expected_weights)
            # The term's bytes read at once: the same, not the block-at-a-time fallback.
            leaf = reader._terms.matcher("text", word, reader.schema["text"].format)
            if type(leaf).__name__ == "W3LeafMatcher":
                one_read = whoosh_internals._ids_weights_in_one_read(leaf, True, None)
                assert one_read == (expected_ids, expected_weights, [])
            wanted = expected_ids[::3]
            picked = whoosh_internals.read_wanted_weights(reader, "text", word, wanted)
            every = dict(zip(expected_ids, expected_weights, strict=True))
            assert picked == {d: every[d] for d in wanted}
            # A block index filled by the first read (the whole walk) serves the next ones.
            index = whoosh_internals.BlockIndex()
            for some in (wanted, expected_ids[1::4], expected_ids[-1:], expected_ids):
                got = whoosh_internals.read_wanted_weights(reader, "text", word, some, index)
                assert got == {d: every[d] for d in some}
                values = whoosh_internals.read_wanted_values(
                    reader, "text", word, some, False, index
                )
                assert sorted(values) == sorted(some)
                # the blocks sought through the index are read as Whoosh reads them
                of = dict(zip(expected_ids, expected_values, strict=True))
                assert values == {d: of[d] for d in some}
            assert len(index.starts) == -(-len(expected_ids) // block)
            raw = reader._terms.matcher("text", word, reader.schema["text"].format)
            while not raw._atend:
                fast_blocks += whoosh_internals.block_ids_weights(raw) is not None
                whole = whoosh_internals.block_data(raw)
                raw._read_data()
                assert whole == raw._data  # values too, unpickled the faster way
                raw._next_block()
    assert fast_blocks > 10  # the blocks were read the fast way, not whole


def test_position_lists_decoded_together_are_each_one_s() -> None:
    """One `pickle.loads` over many positions values gives what decoding each one gives,
    for short and long lists and positions of every size; a value in another shape is
    decoded on its own."""
    from itertools import accumulate

    from whoosh import formats

    from newsread.index.engine.positions import position_deltas

    rng = random.Random(16)
    lists = [
        sorted(rng.sample(range(1, 10 ** rng.randint(1, 7)), rng.randint(1, 9))) for _ in range(200)
    ]
    lists += [list(range(0, 3000, 2)), [0], [70000, 70001]]
    fmt = formats.Positions()
    values = [fmt.encode(positions) for positions in lists]
    decode = position_deltas(fmt)
    assert [list(accumulate(d)) for d in decode(values)] == lists
    assert decode([]) == []
    odd = [*values[:3], values[3][:-1]]  # no STOP at the end (Whoosh's decoder adds it)
    assert [list(accumulate(d)) for d in decode(odd)] == lists[:4]


def test_hash_files_are_whoosh_s_byte_for_byte_with_16_bytes_a_key() -> None:
    """The patched hash file writer (a segment's term table: ~1,000,000 keys in a 100k
    library's merged segment) keeps each key's hash and position in arrays, not a tuple of
    two ints (~130 bytes: the merging process's peak), and writes what Whoosh's own writes:
    random keys in order (the term table) and not (several values a key), empty buckets."""
    from whoosh.filedb import filetables

    from newsread.index.engine import whoosh_internals

    patch_whoosh()
    original = whoosh_internals._whoosh_hash_writer
    assert original, "the hash writer is not patched"

    class Whoosh(filetables.HashWriter):
        """Whoosh's own writer: a list of (hash, position) tuples per bucket."""

        __init__ = original["__init__"]
        add = original["add"]
        _write_hashes = original["_write_hashes"]

    def written(cls: type, items: list[tuple[bytes, bytes]]) -> tuple[bytes, object]:
        storage = RamStorage()
        writer = cls(storage.create_file("t"))
        for key, value in items:
            writer.add(key, value)
        buckets = writer.buckets
        writer.close()
        return storage.open_file("t").read(), buckets

    rng = random.Random(1616)
    for count in (0, 1, 5, 700, 3000):
        keys = sorted({rng.randbytes(rng.randint(1, 12)) for _ in range(count)})
        items = [(key, rng.randbytes(rng.randint(0, 30))) for key in keys]
        shuffled = rng.sample(items, len(items)) + items[:3]
        for some in (items, shuffled):
            data, buckets = written(filetables.HashWriter, some)
            assert data == written(Whoosh, some)[0], count
            assert all(bucket.itemsize == 8 for bucket in buckets)  # type: ignore[attr-defined]
            assert sum(map(len, buckets)) == 2 * len(some)  # type: ignore[call-overload]
    storage = RamStorage()
    writer = filetables.OrderedHashWriter(storage.create_file("r"))
    for key, value in items:
        writer.add(key, value)
    writer.close()
    reader = filetables.OrderedHashReader.open(storage, "r")
    assert [(key, reader[key]) for key, _ in items] == items


_LETTERS = "aeinrstgéőж中"


def _random_library(root: Path, rng: random.Random) -> Library:
    """A library of random words over a few letters (some beyond ASCII), in several
    segments (a commit per file)."""
    from newsread.index.engine import indexer

    for n in range(12):
        words = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(1, 7))) for _ in range(40)]
        write_article(root, f"a{n}.txt", f"Article {words[0]}", " ".join(words))
    library = Library(root).open()
    indexer.update_library(library, first_batch_seconds=0.0, batch_seconds=0.0)
    return library


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_wildcards_match_the_words_a_plain_scan_of_the_term_list_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """`*ing` walked every term of title and body in Python (~1 s of CPU at 24,000
    articles); a segment's terms are now matched as one text (`TermList`). The oracle: a
    plain scan of the index's words with `fnmatch`, their document frequencies summed over
    the segments; and, with few words allowed (`TERM_SCAN_LIMIT`), the walk it replaced."""
    from fnmatch import fnmatchcase

    from newsread.index.engine import search, whoosh_internals

    rng = random.Random(seed)
    library = _random_library(tmp_path / "library", rng)
    reader = library.index.reader()
    assert len(list(reader.leaf_readers())) > 1, f"seed {seed}: one segment"
    for segment, _ in reader.leaf_readers():
        listed = whoosh_internals.term_list(segment, "body")
        walked = [
            (btext.decode(), info.doc_frequency()) for btext, info in segment.iter_field("body")
        ]
        assert listed.text is not None, f"seed {seed}"
        listed_words = listed.text.split("\n")
        assert list(zip(listed_words, map(int, listed.frequencies), strict=True)) == walked

    words = [btext.decode() for btext in reader.lexicon("body")]

    def scanned(pattern: str) -> list[tuple[int, bytes]]:
        return sorted(
            (
                (reader.doc_frequency("body", w), w.encode())
                for w in words
                if fnmatchcase(w, pattern)
            ),
            reverse=True,
        )

    def expanded(pattern: str) -> list[tuple[int, bytes]]:
        found: list[tuple[int, bytes]] = search._pattern_frequencies(
            reader, query.Wildcard("body", pattern), []
        )
        return found

    matched = 0
    for _ in range(60):
        pattern = "".join(rng.choice([*_LETTERS, "*", "*", "?"]) for _ in range(rng.randint(1, 4)))
        if "*" not in pattern and "?" not in pattern:
            pattern = "*" + pattern
        with monkeypatch.context() as patch:
            patch.setattr(search, "TERM_SCAN_LIMIT", 100_000)
            assert expanded(pattern) == scanned(pattern), f"seed {seed}, pattern {pattern!r}"
            matched += len(scanned(pattern)) > 5
        with monkeypatch.context() as patch:
            patch.setattr(search, "TERM_SCAN_LIMIT", 5)  # the first words only, as the walk
            fast = expanded(pattern)
            patch.setattr(search, "_line_pattern", lambda wildcard: None)
            assert fast == expanded(pattern), f"seed {seed}, pattern {pattern!r}"
    assert matched > 10, f"seed {seed}: too few patterns matched to tell anything"
    library.close()
