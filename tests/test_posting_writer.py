"""Segments written a term at a time (newsread.index.engine.posting_writer) against Whoosh's
own writer: the oracle is the segment files Whoosh writes for the same documents, compared
byte for byte (postings, blocks' statistics, term infos, lengths, columns, stored fields)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage, RamStorage

from newsread.index.engine import whoosh_internals
from newsread.index.engine.posting_writer import TermPool
from newsread.index.engine.whoosh_internals import merge_all, patch_whoosh


@pytest.fixture(autouse=True)
def _own_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RamStorage writers keep their runs in `tempfile.gettempdir()`: one folder per test."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def _schema() -> fields.Schema:
    return fields.Schema(
        key=fields.ID(stored=True, unique=True, sortable=True),
        title=fields.TEXT(stored=True, field_boost=2.0),
        body=fields.TEXT(phrase=True),
        tags=fields.KEYWORD(scorable=True),
        year=fields.NUMERIC(sortable=True, signed=False, bits=32),
    )


def _documents(rng: random.Random, count: int, first_key: int = 0) -> list[dict[str, Any]]:
    """Random documents whose words follow a long tail: some words in every document (posting
    lists of several blocks, 128 exactly, 129), most in a few; empty fields; boosts."""
    docs = []
    for n in range(count):
        words = [f"w{int(rng.paretovariate(0.9)) % 400}" for _ in range(rng.randint(0, 80))]
        if n < 128 or rng.random() < 0.3:
            words.append("first128" if n < 128 else "sometimes")
        if n <= 128:
            words.append("first129")
        doc: dict[str, Any] = {"key": f"k{first_key + n}", "body": " ".join(words)}
        if rng.random() < 0.8:
            doc["title"] = " ".join(rng.sample(words, min(3, len(words))))
        if rng.random() < 0.3:
            doc["tags"] = " ".join(rng.sample(["a", "b", "c", "d"], rng.randint(0, 3)))
        if rng.random() < 0.5:
            doc["year"] = rng.randint(1900, 2030)
        if rng.random() < 0.1:
            doc["_boost"] = rng.choice([0.5, 2.0, 3.25])
        if rng.random() < 0.1:
            doc["_body_boost"] = 1.5
        docs.append(doc)
    return docs


def _files(ix: Any) -> dict[str, bytes]:
    """The index's segment files by kind (their names are random), and its TOC's size."""
    storage = ix.storage
    found = {}
    for name in storage.list():
        if name.endswith(".toc"):
            found["toc size"] = bytes(storage.file_length(name))
            continue
        kind = name.split(".", 1)[1] if "." in name else name
        assert kind not in found, "one segment expected"
        found[kind] = bytes(storage.open_file(name).read())
    return found


def _writer(ix: Any, whoosh_way: bool, limitmb: float) -> Any:
    writer = ix.writer(compound=False, limitmb=limitmb)
    if whoosh_way:
        writer.pool = whoosh_internals.whoosh_posting_pool(
            writer._tempstorage, writer.newsegment, limitmb=limitmb
        )
    else:
        assert type(writer.pool) is TermPool
        writer.pool.limit = int(limitmb * 2**20)
    return writer


@pytest.mark.parametrize("seed", range(3))
def test_a_segment_written_a_term_at_a_time_is_whooshs_byte_for_byte(seed: int) -> None:
    """The same documents into an empty index: Whoosh's pool and writer, and the term pool
    (spilling runs to disk past a small limit) with `write_terms`."""
    patch_whoosh()
    rng = random.Random(seed)
    docs = _documents(rng, rng.randint(130, 400))
    limitmb = rng.choice([0.02, 0.1, 64])
    indexes = []
    for whoosh_way in (True, False):
        ix = RamStorage().create_index(_schema())
        writer = _writer(ix, whoosh_way, limitmb)
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        indexes.append(ix)
    expected, written = (_files(ix) for ix in indexes)
    assert written.keys() == expected.keys()
    for kind in expected:
        assert written[kind] == expected[kind], kind


@pytest.mark.parametrize("seed", range(3))
def test_merged_segments_are_whooshs_byte_for_byte(seed: int) -> None:
    """Segments with deletions merged into one: Whoosh's `OPTIMIZE` through its own pool
    is the oracle for `OPTIMIZE` through the term pool (documents come from readers) and for
    newsread's streamed merge (`merge_all`)."""
    patch_whoosh()
    rng = random.Random(seed)
    batches = [_documents(rng, rng.randint(1, 200), first_key=1000 * n) for n in range(4)]
    gone = [f"k{rng.randint(0, 3200)}" for _ in range(rng.randint(0, 60))]
    indexes = []
    for _ in range(3):
        ix = RamStorage().create_index(_schema())
        for batch in batches:
            writer = ix.writer(compound=False)
            for doc in batch:
                writer.add_document(**doc)
            writer.commit(merge=False)
        writer = ix.writer(compound=False)
        for key in gone:
            writer.delete_by_term("key", key)
        writer.commit(merge=False)
        indexes.append(ix)
    oracle, pooled, streamed = indexes
    _writer(oracle, True, 0.05).commit(optimize=True)
    _writer(pooled, False, 0.05).commit(optimize=True)
    streamed.writer(compound=False).commit(mergetype=merge_all)
    expected = _files(oracle)
    for ix in (pooled, streamed):
        written = _files(ix)
        assert written.keys() == expected.keys()
        for kind in expected:
            assert written[kind] == expected[kind], kind


def test_the_term_pool_sorts_postings_added_out_of_document_order(tmp_path: Path) -> None:
    """Postings of a reader added before earlier documents: each term's postings in
    document order, as Whoosh's pool sorts them; spilled runs joined in."""
    storage = FileStorage(str(tmp_path))
    pool = TermPool(storage, limitmb=1)
    postings = [
        ("body", b"b", 5, 1.0, b"x"),
        ("body", b"a", 5, 2.0, b"y"),
        ("body", b"a", 1, 1.5, b"z"),
        ("body", b"b", 0, 1.0, None),
        ("title", b"a", 3, 1.0, b"w"),
    ]
    for posting in postings[:3]:
        pool.add(posting)
    pool.save()
    for posting in postings[3:]:
        pool.add(posting)
    assert pool.fieldnames == {"body", "title"}
    assert list(pool.iter_postings()) == sorted(postings, key=lambda p: p[:3])
    assert not storage.list()  # the run file is gone once read


def _pool_in_a_process(pool: TermPool, seed: int, barrier: Any, results: Any) -> None:
    """In a forked process, the term pool it inherited: spill runs, wait for the other
    process to spill too, then read every term back (to `results`, or the error)."""
    rng = random.Random(seed)
    postings = sorted(
        ("body", f"w{rng.randint(0, 50)}".encode(), docnum, 1.0, None)
        for docnum in range(200)
        for _ in range(rng.randint(1, 3))
    )
    postings = list(dict.fromkeys(postings))
    for posting in postings:
        pool.add(posting)
    pool.save()
    barrier.wait(timeout=60)
    try:
        results.put((seed, list(pool.iter_postings()) == postings))
    except Exception as error:  # noqa: BLE001 - the parent reports it
        results.put((seed, repr(error)))


@pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(), reason="forks"
)
def test_term_pools_of_two_processes_keep_their_own_runs(tmp_path: Path) -> None:
    """Sub-writers forked from one process spill their runs into the index's one temporary
    folder, and their pools often sit at the same address (`id`) in each: a run's name must
    still be its process's own (two sub-writers read each other's runs, failed, and the
    indexing process indexed their whole batch again by itself). Here both processes
    inherit one pool, so its address is the same in both."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    results = context.Queue()
    pool = TermPool(FileStorage(str(tmp_path)), limitmb=1)
    pool.limit = 2_000  # a run every few postings
    workers = [
        context.Process(target=_pool_in_a_process, args=(pool, seed, barrier, results))
        for seed in (1, 2)
    ]
    for worker in workers:
        worker.start()
    found = dict(results.get(timeout=60) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    assert found == {1: True, 2: True}
    assert not list(tmp_path.iterdir())  # every run file read and deleted
