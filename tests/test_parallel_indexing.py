"""Large updates index in forked sub-writers (index/engine/parallel.py) and lose nothing doing so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from queue import Empty
from typing import Any

import pytest
from builders import write_article

from newsread.index.engine import indexer, parallel, whoosh_internals
from newsread.index.library import Library

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="sub-writers are forked; fork is the default on Linux"
)

WORDS = "harbour grain river council budget port court strike bank market vote".split()


def _library(root: Path, count: int) -> Path:
    for n in range(count):
        words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(40))
        write_article(root, f"d{n // 100}/a{n:04}.txt", f"Article {n} {WORDS[n % 11]}", words)
    return root


def _update(library: Library) -> indexer.IndexSummary:
    """An update whose first batch (always indexed in this process) is a single file."""
    return indexer.update_library(library, first_batch_seconds=0.0)


def _keys(library: Library) -> list[str]:
    with library.searcher() as searcher:
        return sorted(fields["key"] for fields in searcher.all_stored_fields())


@pytest.fixture
def two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "2")
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 50)


def test_the_number_of_processes_follows_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "1")
    assert parallel.index_processes() == 1
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "3")
    assert parallel.index_processes() == 3
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "64")
    assert parallel.index_processes() == parallel.MAX_PROCESSES
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "lots")
    assert parallel.index_processes() >= 1


def test_a_parallel_build_indexes_what_a_serial_one_does(
    tmp_path: Path, two_processes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path / "library", 240)
    library = Library(root).open()
    summary = _update(library)
    assert summary.articles == 240
    with library.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 2  # one segment per sub-writer
    parallel_keys = _keys(library)
    parallel_hits = library.search("harbour court", limit=50)
    library.close()

    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "1")
    serial = Library(root, tmp_path / "serial-index").open()
    serial.update()
    assert _keys(serial) == parallel_keys
    serial_hits = serial.search("harbour court", limit=50)
    assert parallel_hits.total == serial_hits.total
    # Many articles tie (11 distinct bodies); ties are broken by document order, which differs.
    scores = [round(h.score, 6) for h in parallel_hits.hits]
    assert scores == [round(h.score, 6) for h in serial_hits.hits]


def test_changes_and_deletions_with_sub_writers(tmp_path: Path, two_processes: None) -> None:
    root = _library(tmp_path / "library", 120)
    library = Library(root).open()
    _update(library)
    for n in range(0, 120, 2):
        write_article(root, f"d{n // 100}/a{n:04}.txt", f"Rewritten {n}", "lighthouse keeper")
    for n in range(1, 120, 4):
        (root / f"d{n // 100}/a{n:04}.txt").unlink()
    summary = _update(library)
    assert summary.indexed == 60 and summary.removed == 30
    assert len(_keys(library)) == 90
    assert library.search("lighthouse").total == 60


def test_a_sub_writer_that_dies_loses_no_article(
    tmp_path: Path, two_processes: None, forked_children: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh drops a dead sub-writer's documents from the commit; the indexer adds them.
    (Forked from here, so that the sub-writers run the patched `_process_file`: how they
    started makes no difference to what the indexer does about the lost documents.)"""
    from whoosh import multiproc

    process_file = multiproc.SubWriterTask._process_file
    parent = os.getpid()

    def die_on_the_second_job(self, filename, doc_count):  # type: ignore[no-untyped-def]
        marker = Path(tmp_path / "died")
        if os.getpid() != parent and not marker.exists():
            marker.write_text("1")
            os._exit(1)
        return process_file(self, filename, doc_count)

    monkeypatch.setattr(multiproc.SubWriterTask, "_process_file", die_on_the_second_job)
    root = _library(tmp_path / "library", 300)
    library = Library(root).open()
    summary = _update(library)
    assert (tmp_path / "died").exists()
    assert summary.articles == 300
    assert len(_keys(library)) == 300
    assert library.search("harbour").total == _with_word("harbour", 300)


def _with_word(word: str, count: int) -> int:
    """How many of `_library(root, count)`'s articles hold `word`."""
    return len(
        [n for n in range(count) if word in " ".join(WORDS[(n * 7 + k) % 11] for k in range(40))]
    )


class _LateFirstResult:
    """The sub-writers' result queue as the parent reads it, the first segment coming after
    the parent stopped waiting for it (Whoosh waits 1 s for each, after joining them all)."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue
        self.missed = 0

    def get(self, timeout: float | None = None) -> Any:
        if not self.missed:
            self.missed += 1
            raise Empty
        return self.queue.get(timeout=timeout)


def test_a_sub_writers_segment_the_parent_stopped_waiting_for_loses_no_article(
    tmp_path: Path, two_processes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh commits without a segment it did not get in time (a loaded machine); the indexer
    adds its articles once, and the segment's files go."""
    commit = parallel.ParallelWriter.commit
    late: list[_LateFirstResult] = []

    def commit_one_short(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self.tasks and not late:
            late.append(_LateFirstResult(self.resultqueue))
            self.resultqueue = late[0]
        return commit(self, *args, **kwargs)

    monkeypatch.setattr(parallel.ParallelWriter, "commit", commit_one_short)
    library = Library(_library(tmp_path / "library", 300)).open()
    summary = _update(library)
    assert late and late[0].missed == 1
    assert summary.articles == 300
    assert _keys(library) == sorted(library.docs.all_keys())  # each once
    assert library.search("harbour").total == _with_word("harbour", 300)
    segments = {segment.segment_id() for segment in whoosh_internals.segments(library.index)}
    assert {path.name.split(".")[0] for path in library.index_dir.glob("MAIN_*.*")} <= segments


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sub_writers_exit_when_the_indexer_is_killed(tmp_path: Path) -> None:
    """The sub-writers are the fork server's children (`parallel.context`), the indexer's
    grandchildren: killed, the indexer leaves none of its processes behind."""
    root = _library(tmp_path / "library", 3000)
    env = {**os.environ, parallel.PROCESSES_VARIABLE: "2"}
    command = [sys.executable, "-m", "newsread.tui.cli", "index", str(root)]
    indexing = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        grandchildren: set[int] = set()
        while len(grandchildren) < 2 and time.monotonic() < deadline and indexing.poll() is None:
            time.sleep(0.05)
            children = _children(indexing.pid)
            grandchildren = {g for child in children for g in _children(child)}
        assert len(grandchildren) >= 2, "the sub-writers never started"
        everyone = children | grandchildren
        indexing.send_signal(signal.SIGKILL)
        indexing.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(c) for c in everyone):
            time.sleep(0.1)
        alive = [c for c in everyone if _running(c)]
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        assert not alive, "sub-writers (or the fork server) outlived the killed indexer"
    finally:
        if indexing.poll() is None:
            indexing.kill()


_LATE_SUB_WRITER = """
import os, sys, time
from newsread.index.engine import parallel
parent = os.getpid()
if os.fork():
    os._exit(0)  # the indexer, killed before its sub-writer had started its watch
while os.getppid() == parent:
    time.sleep(0.01)
with open(sys.argv[1], "w") as out:
    out.write(str(os.getpid()))
parallel.prepare_sub_writer()
time.sleep(30)
"""


def test_a_sub_writer_that_starts_after_the_indexer_died_exits(tmp_path: Path) -> None:
    """Under load a sub-writer can reach its set-up after its parent was killed: it took its
    new parent (init) for the one to watch and lived on (seen in a clean-clone CI run)."""
    pid_file = tmp_path / "pid"
    subprocess.run([sys.executable, "-c", _LATE_SUB_WRITER, str(pid_file)], check=True)
    deadline = time.monotonic() + 10
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the sub-writer never started"
        time.sleep(0.05)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.1)
    alive = _running(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the sub-writer outlived its parent"


def test_the_apps_indexing_process_uses_sub_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app indexes in a spawned process (index/background.py); a large update there is
    split between sub-writers too: one segment for the first batch, one per sub-writer."""
    from newsread.index.background import update_in_subprocess

    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "2")
    # Over PARALLEL_MIN_FILES (200) with room to spare: what the first batch (0.3 s) leaves
    # is several of Whoosh's 100-document batches, so each sub-writer gets some.
    root = _library(tmp_path / "library", 1000)
    library = Library(root).open()
    summary = update_in_subprocess(library.root, library.index_dir)
    assert summary.articles == 1000
    reopened = Library(root).open()
    with reopened.searcher() as searcher:
        assert searcher.doc_count() == 1000
        assert len(searcher.reader().leaf_readers()) >= 3


def test_many_missing_articles_are_indexed_again_by_sub_writers(
    tmp_path: Path, two_processes: None
) -> None:
    library = Library(_library(tmp_path / "library", 120)).open()
    library.update()
    expected = _keys(library)
    writer = library.writer()
    with library.searcher() as searcher:
        for docnum in list(searcher.document_numbers())[5:]:
            writer.delete_document(docnum)
    writer.commit()
    library.close()
    reopened = Library(library.root).open()
    assert reopened.notice == "search index repaired: 115 missing articles indexed again"
    assert _keys(reopened) == expected


def test_words_the_sub_writers_analysed_are_handed_to_the_next_batch(
    tmp_path: Path, two_processes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch's sub-writers are new processes: the words one batch folded and stemmed come
    back to the parent (and so to the next batch's sub-writers), exactly as analysed, and the
    files that carried them are gone."""
    from newsread.index.engine import schema

    monkeypatch.setattr(schema, "_analysed", {})
    root = _library(tmp_path / "library", 120)
    write_article(root, "z/late.txt", "Zebras gallop", "Quixotically wandering zebras galloped.")
    library = Library(root).open()
    assert _update(library).articles == 121
    words = schema.analysed_words()
    # Only the sub-writers saw the last file (the first batch, here, is the first file).
    for word in ("Quixotically", "wandering", "zebras", "galloped"):
        assert words[word] == schema._fold_and_stem(word)
    assert not list(library.index_dir.glob(f"*{parallel.WORDS_SUFFIX}*"))


def test_sub_writers_start_with_the_words_the_indexer_analysed(
    tmp_path: Path, two_processes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fork server's sub-writers do not inherit the indexer's analysed words: they are
    handed to each one. Seen by a word the indexer's table analyses otherwise than the
    analyzer would ('Quagga' -> 'zebra'): a sub-writer that indexes it so had the table."""
    from newsread.index.engine import schema

    library = Library(_library(tmp_path / "library", 10)).open()
    library.update()
    # An update of a library indexed before reads its files sorted: the first (in this
    # process) is d0/a0010.txt, and z/late.txt goes to a sub-writer.
    _library(library.root, 130)
    write_article(library.root, "z/late.txt", "Striped", "A Quagga grazed.")
    monkeypatch.setattr(schema, "_analysed", {"Quagga": ("quagga", "zebra")})
    assert _update(library).articles == 121
    assert [hit.title for hit in library.search("zebra").hits] == ["Striped"]


def test_a_damaged_words_file_is_ignored_and_removed(tmp_path: Path) -> None:
    from newsread.index.engine import schema

    for name, text in (("1", "{not json"), ("2", '["a list"]'), ("3", '{"x": [1, 2, 3]}')):
        (tmp_path / f"{name}{parallel.WORDS_SUFFIX}").write_text(text)
    before = dict(schema.analysed_words())
    parallel.adopt_analysed_words(tmp_path)
    assert schema.analysed_words() == before
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_before_a_fork_goes_back_to_the_system() -> None:
    """The build's parent frees most of what it read between batches, but glibc keeps freed
    blocks in its heap, and each forked sub-writer (or merge) counts those pages again:
    `release_free_memory` hands them back. In a fresh process: 40 MB in 1 KB blocks, all
    but one in 64 freed (so the heap cannot simply shrink from its top)."""
    script = """
import sys
from newsread.index.engine import parallel
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
blocks = [bytes(1000) + bytes([n % 256]) for n in range(40_000)]
kept = blocks[::64]
del blocks
before = rss()
ran = parallel.release_free_memory()
print(ran, before, rss())
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    ran, before, after = done.stdout.split()
    if ran != "True":
        pytest.skip("no glibc malloc_trim here")
    assert int(before) - int(after) >= 25, done.stdout
