"""Sub-writers and the merge started from multiprocessing's fork server (parallel.context),
not forked from the indexing process: the same index, and none of the indexer's memory."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import oracle
import pytest
from test_search_oracle import Corpus, Queries, compared

from newsread.index.engine import indexer, merging, parallel
from newsread.index.library import Library

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork and the fork server")

SEEDS = (17,)
"""One library: each builds it three times (10 s of CPU); the search oracle's own libraries
are built by fork server sub-writers too (`test_search_oracle._build`)."""
QUERIES = 60


def _build(
    root: Path, how: str, seed: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Library, Corpus]:
    """The library of `seed` (three runs: added, then changed and added twice), built in
    this process ("serial"), or by two sub-writers "fork"ed from it or from the "forkserver";
    then merged into one segment as after a large build (by a process started the same way;
    forked for "serial"), so that the three score alike (deleted documents leave the
    statistics when their segment is merged, and the layouts differ before that)."""
    corpus = Corpus(root, random.Random(seed), versions=random.Random(-seed))
    root.mkdir(parents=True)
    library = Library(root, root.parent / f"index-{how}").open()
    with monkeypatch.context() as patch:
        patch.setattr(parallel, "START_METHOD", "forkserver" if how == "forkserver" else "fork")
        patch.setenv(parallel.PROCESSES_VARIABLE, "1" if how == "serial" else "2")
        patch.setattr(indexer, "PARALLEL_MIN_FILES", 2)
        patch.setattr(merging, "NICENESS", 0)  # no nice 19 in a test run
        for run in range(3):
            if run:
                corpus.change()
            corpus.add(40 if not run else 12)
            indexer.update_library(library, first_batch_seconds=0.0)
        with library.write_lock():
            assert merging.merge_segments(library)
    return library, corpus


def _answers(library: Library, corpus: Corpus, seed: int) -> list[Any]:
    queries = Queries(random.Random(seed * 13), corpus)
    docs = oracle.docs_of(library)
    found = []
    for _ in range(QUERIES):
        text = queries.query()
        options = queries.options(docs)
        problems, results = compared(library, docs, oracle.Annotations(), text, **options)
        assert not problems, f"seed {seed}, query {text!r} {options}: {problems}"
        found.append((text, results.total, results.limited))  # said if a time cap cut it
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_sub_writers_from_the_fork_server_index_what_forked_ones_and_one_process_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """The same random library (added, edited, touched, deleted between runs) built by one
    process, by forked sub-writers and by the fork server's, then merged: every search agrees
    with the oracle, and the three find as many. (Which of equal hits come first follows the
    documents' order in the index, which the sub-writers' timing changes: the first page may
    differ where the oracle allows a choice, and the oracle checks it.)"""
    answers, stores = {}, {}
    for how in ("serial", "fork", "forkserver"):
        library, corpus = _build(tmp_path / how / "library", how, seed, monkeypatch)
        stores[how] = _store(library)
        answers[how] = _answers(library, corpus, seed)
        library.close()
    # The articles first: the queries' filters are drawn from them, so one article read
    # otherwise changes every later answer; this says which (seen once, under load ~20).
    for how in ("fork", "forkserver"):
        differ = sorted(stores[how].keys() ^ stores["serial"].keys()) or [
            key for key in stores["serial"] if stores[how][key] != stores["serial"][key]
        ]
        assert not differ, f"{how} stored otherwise: " + "; ".join(
            f"{key}: {stores['serial'].get(key)} != {stores[how].get(key)}" for key in differ
        )
    assert answers["fork"] == answers["serial"]
    assert answers["forkserver"] == answers["serial"]


def _store(library: Library) -> dict[str, tuple[Any, ...]]:
    """Each stored article's key -> its id, date, facets and words (what a search sees)."""
    return {
        doc.key: (doc.id, doc.published, sorted(doc.facets.items()), sorted(doc.tokens.items()))
        for doc in oracle.docs_of(library)
    }


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


@pytest.mark.parametrize("how", ["fork", "forkserver"])
def test_a_sub_writer_does_not_carry_the_indexing_processs_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """With 300 MB held in the indexing process, each sub-writer from the fork server holds
    what it needs (tens of MB); a forked one counted all 300 MB again."""
    from builders import write_article

    root = tmp_path / "library"
    for n in range(120):
        write_article(root, f"a{n:03}.txt", f"Article {n}", f"harbour grain {n} " * 40)
    monkeypatch.setattr(parallel, "START_METHOD", how)
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "2")
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 50)
    held = [bytes([n % 251]) * (1 << 20) for n in range(300)]  # touched: resident
    sizes: list[float] = []
    commit = indexer._commit

    def measured(library: Any, writer: Any, *args: Any, **kwargs: Any) -> None:
        # Before the commit's end marker the sub-writers are alive, their documents added.
        sizes.extend(_rss_mb(task.pid) for task in getattr(writer, "tasks", ()))
        commit(library, writer, *args, **kwargs)

    monkeypatch.setattr(indexer, "_commit", measured)
    library = Library(root).open()
    assert indexer.update_library(library, first_batch_seconds=0.0).articles == 120
    assert len(held) == 300
    assert sizes, "no sub-writer ran"
    if how == "fork":
        assert min(sizes) > 300
    else:
        assert max(sizes) < 150, sizes


_UNGUARDED = """
import sys
from pathlib import Path
with open(sys.argv[1], "a") as marks:
    marks.write("ran\\n")  # once per run of this script: no __name__ guard below
from newsread.index.engine import indexer, merging
from newsread.index.library import Library
indexer.PARALLEL_MIN_FILES = 50
merging.MERGE_FROM_ARTICLES = merging.MERGE_ABOVE = 1
library = Library(Path(sys.argv[2])).open()
print(indexer.update_library(library, first_batch_seconds=0.0).articles)
"""


def test_a_script_without_a_main_guard_is_not_run_again_by_its_sub_writers(
    tmp_path: Path,
) -> None:
    """The fork server's children import the program's main module before their work (as
    spawned ones do): an indexing script without `if __name__ == "__main__"` would index again
    in every sub-writer and in the merge. They start with it hidden (`parallel.main_hidden`)."""
    from builders import write_article

    root = tmp_path / "library"
    for n in range(120):
        write_article(root, f"a{n:03}.txt", f"Article {n}", f"harbour grain {n} " * 40)
    script, marks = tmp_path / "index_it.py", tmp_path / "marks"
    script.write_text(_UNGUARDED)
    env = {**os.environ, parallel.PROCESSES_VARIABLE: "2"}
    done = subprocess.run(
        [sys.executable, str(script), str(marks), str(root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.split() == ["120"], done.stderr[-2000:]
    assert marks.read_text().split() == ["ran"]
