"""After a large update the index's segments are merged into one (index/engine/merging.py), in
a low-priority process, without changing any answer, and a cancelled merge changes nothing."""

from __future__ import annotations

import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from builders import write_article

from newsread.index.background import update_in_subprocess
from newsread.index.engine import indexer, merging, parallel, whoosh_internals
from newsread.index.engine.search import Search
from newsread.index.errors import IndexChanged
from newsread.index.library import Library

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="the merge runs in a forked process, as sub-writers do"
)

WORDS = "harbour grain river council budget port court strike bank market vote".split()
QUERIES = ("harbour", "court strike", '"grain river"', "bank -vote", "title:article")


def _library(root: Path, count: int) -> Path:
    for n in range(count):
        words = " ".join(WORDS[(n * 7 + k * (n % 3 + 1)) % len(WORDS)] for k in range(40))
        write_article(root, f"d{n // 50}/a{n:04}.txt", f"Article {n} {WORDS[n % 11]}", words)
    return root


def _segments(library: Library) -> int:
    return len(whoosh_internals.segments(library.index))


def _answers(library: Library) -> list[tuple[int, list[tuple[str, float]]]]:
    found = []
    for text in QUERIES:
        results = library.search(text, limit=200, snippets=False)
        found.append((results.total, sorted((h.key, round(h.score, 5)) for h in results.hits)))
    return found


@pytest.fixture
def many_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sub-writers from 20 files on, and more than one segment counts as too many."""
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "2")
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 20)
    monkeypatch.setattr(merging, "MERGE_ABOVE", 1)
    monkeypatch.setattr(merging, "MERGE_FROM_ARTICLES", 1)
    # At nice 19 on a busy machine (a test run) the merge waits for every other process.
    monkeypatch.setattr(merging, "NICENESS", 0)


def test_a_large_update_ends_with_one_segment_and_the_same_answers(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path / "library", 60)
    library = Library(root).open()
    phases = []
    indexer.update_library(
        library, first_batch_seconds=0.0, on_progress=lambda p: phases.append(p.phase)
    )
    assert "merging" in phases
    assert _segments(library) == 1
    merged = _answers(library)

    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    unmerged = Library(root, tmp_path / "unmerged-index").open()
    indexer.update_library(unmerged, first_batch_seconds=0.0)
    assert _segments(unmerged) > 1
    assert merged == _answers(unmerged)
    # Reopened, the merged index is whole (its files recorded, nothing taken for damage).
    library.close()
    reopened = Library(root).open()
    assert not reopened.notice
    assert _answers(reopened) == merged


def test_a_searcher_opened_before_the_merge_keeps_answering(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    library = Library(_library(tmp_path / "library", 60)).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    before = _answers(library)
    with library.searcher() as old:
        segments = len(old.reader().leaf_readers())
        assert segments > 1
        with library.write_lock():
            assert merging.merge_segments(library)
        # The old generation's files are deleted but still open: it answers as before.
        assert len(old.reader().leaf_readers()) == segments
        assert old.doc_count() == 60
    assert _segments(library) == 1
    assert _answers(library) == before


def _merged_library(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Library, list[Any]]:
    """A library of 60 articles in several segments, unmerged, and its answers; opened anew
    (no searcher of it has read anything yet)."""
    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    library = Library(_library(root, 60)).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    assert _segments(library) > 1
    before = _answers(library)
    library.close()
    return Library(root).open(), before


def _merge(library: Library) -> None:
    """What another process does at the end of a large update (`newsread index`, the app's)."""
    with library.write_lock():
        assert merging.merge_segments(library)


def test_a_search_held_open_across_a_merge_is_searched_again_not_taken_for_damage(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whoosh opens a segment's stored fields when they are first read, and the merge had
    # deleted them: the search failed with a TypeError, noted as damage, and the next start
    # threw the index away and read the whole library again.
    library, before = _merged_library(tmp_path / "library", monkeypatch)
    with library.begin_search("harbour") as running:
        _merge(library)
        with pytest.raises(IndexChanged, match="search again"):
            running.top()
    assert library.docs.get_meta("damaged") is None
    assert _answers(library) == before  # from the merged segment
    library.close()
    again = Library(library.root).open()
    assert (again.notice, again.count(), _segments(again)) == ("", 60, 1)


def test_a_search_whose_files_a_merge_took_mid_way_answers_from_the_merged_index(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, before = _merged_library(tmp_path / "library", monkeypatch)
    top = Search.top
    merged: list[bool] = []

    def merge_first(self: Search) -> Any:
        if not merged:  # the searcher is open: the merge commits before it reads a hit
            merged.append(True)
            _merge(library)
        return top(self)

    monkeypatch.setattr(Search, "top", merge_first)
    assert _answers(library) == before
    assert merged and library.docs.get_meta("damaged") is None


def test_a_cancelled_merge_leaves_the_index_as_it_was(
    tmp_path: Path, many_segments: None, forked_children: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    library = Library(_library(tmp_path / "library", 60)).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    before, segments = _answers(library), _segments(library)
    files = sorted(p.name for p in library.index_dir.iterdir())
    # The merging process starts slowly here, so the cancel lands before it can commit (a
    # quiet machine merges 60 small articles within the first look at `cancelled`).
    monkeypatch.setattr(merging, "lower_priority", lambda niceness: time.sleep(30))
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1  # the second look: the process is running

    with library.write_lock():
        assert not merging.merge_segments(library, cancelled=cancelled)
    assert _segments(library) == segments
    assert sorted(p.name for p in library.index_dir.iterdir()) == files
    assert _answers(library) == before


def test_a_merge_gives_way_to_an_update_waiting_for_the_lock(
    tmp_path: Path, many_segments: None, forked_children: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved during a long merge is indexed at once: the merge stops, changing nothing."""
    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    library = Library(_library(tmp_path / "library", 60)).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    before, segments = _answers(library), _segments(library)
    # A merge that would take 30 s and more; nothing cancels it.
    monkeypatch.setattr(merging, "lower_priority", lambda niceness: time.sleep(30))
    waited: list[str] = []

    def update_meanwhile() -> None:
        with library.write_lock(on_wait=lambda: waited.append("waiting")):
            waited.append("updating")

    other = threading.Thread(target=update_meanwhile)

    def cancelled() -> bool:
        if not other.is_alive() and not waited:
            other.start()  # once the merging process runs
        return False

    with library.write_lock():
        assert not merging.merge_segments(library, cancelled=cancelled)
    other.join(30)
    assert waited == ["waiting", "updating"]
    assert _segments(library) == segments
    assert _answers(library) == before


def test_commits_of_an_update_merged_afterwards_merge_nothing(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh's commit would merge "small" segments at full priority while the update waits
    (with a dozen segments, nearly the whole index): the merge after the update does it."""
    from whoosh import writing

    policies: list[str] = []

    def merge_small(writer: object, segments: list[object]) -> list[object]:
        policies.append("merge small")
        return segments

    monkeypatch.setattr(writing, "MERGE_SMALL", merge_small)
    library = Library(_library(tmp_path / "library", 60)).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    assert policies == []
    assert _segments(library) == 1

    monkeypatch.setattr(merging, "MERGE_FROM_ARTICLES", 1_000)  # no merge after: commits do
    small = Library(tmp_path / "library", tmp_path / "small-index").open()
    indexer.update_library(small, first_batch_seconds=0.0)
    assert "merge small" in policies


def _read_again(library: Library, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of `library` read again, as after an upgrade to parsers that read files
    differently (PARSER_VERSION): by an update, by one whose merge did not happen (the app
    quit meanwhile, or an older newsread) followed by one with nothing to read, or by the
    app's indexing process (`background`)."""
    if how == "app's process":
        library.docs.set_meta("parser", "0")
        update_in_subprocess(library.root, library.index_dir)
        return
    if how == "merged later":
        _read_again_unmerged(library, monkeypatch)
    else:
        library.docs.set_meta("parser", "0")
    phases: list[str] = []
    indexer.update_library(library, on_progress=lambda p: phases.append(p.phase))
    assert "merging" in phases


def _read_again_unmerged(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of `library` read again, its old documents left in the index, deleted."""
    library.docs.set_meta("parser", "0")
    with monkeypatch.context() as before:
        before.setattr(indexer, "should_purge", lambda library: False)
        indexer.update_library(library)
    assert library.index.doc_count_all() == 2 * library.index.doc_count()


@pytest.mark.parametrize("how", ["update", "merged later", "app's process"])
def test_a_library_read_again_keeps_no_deleted_copies_and_ranks_as_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """After every file was read again each old document stayed in the index as a deleted
    entry (185 articles, 370 stored), and a small library's segments were never merged:
    searches counted the copies in BM25's statistics (rankings differed from a fresh build's)
    and walked their postings. The update merges them away, or the next one."""
    monkeypatch.setattr(merging, "NICENESS", 0)
    root = _library(tmp_path / "library", 120)
    library = Library(root).open()
    indexer.update_library(library)
    _read_again(library, how, monkeypatch)
    assert library.index.doc_count_all() == library.index.doc_count() == 120
    fresh = Library(root, tmp_path / "fresh-index").open()
    indexer.update_library(fresh)
    assert _answers(library) == _answers(fresh)


def test_a_merge_drops_segments_whose_every_document_was_deleted_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a re-read the old segments hold deleted documents only: reading their postings
    to leave every one out was half of the merge's time."""
    library = Library(_library(tmp_path / "library", 60)).open()
    indexer.update_library(library)
    _read_again_unmerged(library, monkeypatch)
    segments = whoosh_internals.segments(library.index)
    emptied = {s.segment_id() for s in segments if not s.doc_count()}
    assert emptied
    read: list[str] = []
    segment_terms = whoosh_internals._segment_terms

    def reading(reader: Any, base: int, docmap: Any) -> Any:
        read.append(reader.segment().segment_id())
        return segment_terms(reader, base, docmap)

    monkeypatch.setattr(whoosh_internals, "_segment_terms", reading)
    with library.write_lock():
        writer = library.writer()
        writer.commit(mergetype=whoosh_internals.merge_only({s.segment_id() for s in segments}))
    assert read and not emptied & set(read)
    # Their documents were left out all the same (answers as a fresh build's: the test above).
    assert library.index.doc_count_all() == library.index.doc_count() == 60


def test_which_segments_merge() -> None:
    """The small segments merge with each other when that leaves few enough; else all do."""
    assert merging.MERGE_ABOVE == 4
    big, small = ("big", 95_000, 0), [(f"s{n}", 1_000, 0) for n in range(5)]
    assert merging.to_merge([big, *small]) == {f"s{n}" for n in range(5)}
    # A build's segments are all small: all of them.
    assert merging.to_merge(small) == {f"s{n}" for n in range(5)}
    # A big segment with a third of its documents deleted is merged too.
    wasteful = ("big", 95_000, 32_000)
    assert merging.to_merge([wasteful, *small]) == {"big", *(f"s{n}" for n in range(5))}
    # Five big segments and two small ones would still be six: everything.
    bigs = [(f"b{n}", 20_000, 0) for n in range(5)]
    assert merging.to_merge(bigs + small[:2]) == {name for name, _, _ in bigs + small[:2]}
    # One wasteful segment is rewritten alone, without its deleted documents.
    assert merging.to_merge([wasteful, ("big2", 95_000, 0)]) == {"big"}


def test_an_update_of_a_merged_library_merges_its_new_segments_only(
    tmp_path: Path, many_segments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a build merged into one segment, a smaller update's segments are merged with each
    other, not with the big one (which is not rewritten); the answers are the same."""
    root = _library(tmp_path / "library", 200)
    library = Library(root).open()
    indexer.update_library(library, first_batch_seconds=0.0)
    [built] = [s.segment_id() for s in whoosh_internals.segments(library.index)]
    monkeypatch.setattr(merging, "MERGE_ABOVE", 2)
    for n in range(200, 240):
        write_article(root, f"new/a{n:04}.txt", f"Article {n} {WORDS[n % 11]}", "harbour grain")
    phases: list[str] = []
    indexer.update_library(
        library, first_batch_seconds=0.0, on_progress=lambda p: phases.append(p.phase)
    )
    assert "merging" in phases
    names = [s.segment_id() for s in whoosh_internals.segments(library.index)]
    assert len(names) == 2 and built in names

    monkeypatch.setattr(indexer, "should_merge", lambda library: False)
    unmerged = Library(root, tmp_path / "unmerged-index").open()
    indexer.update_library(unmerged, first_batch_seconds=0.0)
    for text in QUERIES:  # every hit: the two number their documents differently (ties)
        ours, theirs = (
            each.search(text, limit=500, snippets=False) for each in (library, unmerged)
        )
        assert ours.total == theirs.total <= 500
        assert sorted((h.key, round(h.score, 5)) for h in ours.hits) == sorted(
            (h.key, round(h.score, 5)) for h in theirs.hits
        )


def test_index_off_a_terminal_says_each_step_and_when_the_merge_ends(
    tmp_path: Path,
    many_segments: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`newsread index LIB > log 2>&1` (a script, `nohup`) wrote no line for the minutes a
    large library's merge takes: the user took it for hung. Off a terminal each step is said."""
    from newsread.tui.cli import main

    root = _library(tmp_path / "library", 20)
    batch_by_batch = partial(indexer.update_library, first_batch_seconds=0.0, batch_seconds=0.0)
    monkeypatch.setattr(indexer, "update_library", batch_by_batch)
    assert main(["index", str(root)]) == 0
    said = capsys.readouterr().err.splitlines()
    assert said[:2] == ["newsread: looking for new and changed files…", "newsread: indexing…"]
    assert "newsread: saving: 20 of 20 files read" in said
    merging = [n for n, line in enumerate(said) if line.startswith("newsread: merging the index")]
    assert len(merging) == 1 and said[merging[0] + 1].startswith("newsread: merged (")
    assert said[merging[0] + 1 :] == [said[-1]]
    write_article(root, "later.txt", "Later", "harbour grain")
    assert main(["index", "--quiet", str(root)]) == 0
    assert capsys.readouterr().err == ""
