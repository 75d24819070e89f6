"""Indexing in a child process reports progress, commits and the summary like a direct update."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from newsread.index.background import Indexing, update_in_subprocess
from newsread.index.engine.indexer import Progress
from newsread.index.library import Library, LibraryError


def test_subprocess_update_indexes_and_reports(small_library: Path) -> None:
    library = Library(small_library).open()
    seen: list[Progress] = []
    commits: list[int] = []
    summary = update_in_subprocess(
        library.root, library.index_dir, on_progress=seen.append, on_commit=commits.append
    )
    assert (summary.indexed, summary.total_articles) == (3, 3)
    assert commits[-1] == 3
    assert seen[0].phase == "scanning" and seen[-1].phase == "done"
    # This process's searcher sees the child's commits.
    assert library.search("kelmor").total == 3


def test_subprocess_update_can_be_cancelled(small_library: Path) -> None:
    library = Library(small_library).open()
    summary = update_in_subprocess(library.root, library.index_dir, cancelled=lambda: True)
    assert summary.cancelled and summary.indexed == 0


def test_a_failing_child_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is missing"):
        update_in_subprocess(tmp_path / "missing", tmp_path / "index")


def test_an_update_started_early_is_followed_whole(small_library: Path) -> None:
    """`go` returns once the child made the index (the caller may then open it too),
    and what the child said meanwhile still reaches `follow`'s callbacks, in order."""
    index_dir = small_library.parent / "early-index"
    started = Indexing(small_library, index_dir)
    started.go()
    assert (index_dir / "newsread.json").exists()
    library = Library(small_library, index_dir).open()
    seen: list[Progress] = []
    commits: list[int] = []
    summary = started.follow(on_progress=seen.append, on_commit=commits.append)
    assert (summary.indexed, summary.total_articles) == (3, 3)
    assert seen[0].phase == "scanning" and seen[-1].phase == "done"
    assert commits[-1] == 3
    assert library.search("kelmor").total == 3


def test_an_update_started_and_never_followed_is_stopped_with_nothing_lost(
    small_library: Path,
) -> None:
    """The app quit (or failed) before following the update it started: `stop` ends the
    child; what it committed is whole, and the next update reads the rest."""
    index_dir = small_library.parent / "early-index"
    started = Indexing(small_library, index_dir)
    started.stop()
    assert not started._process.is_alive()
    library = Library(small_library, index_dir).open()
    assert library.count() == library.index.doc_count()
    library.update()
    assert library.search("kelmor").total == 3


def test_an_update_started_early_that_fails_says_so_when_followed(tmp_path: Path) -> None:
    started = Indexing(tmp_path / "missing", tmp_path / "index")
    started.go()
    with pytest.raises(LibraryError, match="is missing"):
        started.follow()


def test_a_held_update_reads_nothing_until_let_go(small_library: Path) -> None:
    """`newsread` holds a new library's update until the app's first frame (`go`): the
    child opens the library meanwhile, and says nothing more (no scan, no progress)."""
    index_dir = small_library.parent / "held-index"
    held = Indexing(small_library, index_dir, held=True)
    try:
        assert held._pipe.recv() == ("opened", None)
        assert not held._pipe.poll(1.0)  # not scanning
        summary = held.follow()
        assert summary.total_articles == 3
    finally:
        held.stop()
    quit_early = Indexing(small_library, small_library.parent / "quit-index", held=True)
    quit_early.stop()  # the app quit before its first frame: the child ends, reading nothing
    assert not quit_early._process.is_alive() and quit_early._process.exitcode == 0


def test_an_update_that_ends_while_its_last_words_are_on_the_way_is_not_called_dead(
    small_library: Path,
) -> None:
    """The child says "done" and exits between the wait for a message ending empty and the
    look at whether it lives: the app said "the indexing process stopped unexpectedly (exit
    code 0)" and dropped the summary (seen under load)."""
    started = Indexing(small_library, small_library.parent / "late-index")
    started._process.join(60)  # it has said everything, and ended
    real_poll = started._pipe.poll
    waits: list[float] = []

    def late_poll(timeout: float = 0.0) -> bool:
        waits.append(timeout)
        return False if len(waits) == 1 else real_poll(timeout)  # the first wait ends empty

    started._pipe.poll = late_poll  # type: ignore[method-assign]
    assert started.follow().total_articles == 3


def test_an_update_whose_app_is_gone_keeps_what_it_read(tmp_path: Path) -> None:
    """The app's terminal closed (SIGHUP to its whole process group) or the app was killed:
    the indexing child is not killed by the hang-up, and once its pipe is closed it commits
    the files it read since its last commit and ends, rather than dropping them all."""
    root = tmp_path / "library"
    root.mkdir()
    for n in range(3000):
        (root / f"{n:04}.txt").write_text(
            f"Report number {n}\n\nThe harbour board met on day {n} and agreed the plan.\n",
            encoding="utf-8",
        )
    started = Indexing(root, tmp_path / "index")
    committed = read = 0
    while read < committed + 50 or not committed:
        kind, payload = started._pipe.recv()
        assert kind not in ("done", "error"), payload
        if kind == "commit":
            committed = payload
        elif kind == "progress" and payload.phase == "reading":
            read = payload.done
    os.kill(started._process.pid, signal.SIGHUP)
    started._pipe.close()  # the app is gone
    started._process.join(timeout=120)
    assert started._process.exitcode == 0
    library = Library(root, tmp_path / "index").open()
    assert library.count() == library.index.doc_count() >= read > committed


def test_an_update_waiting_for_another_stops_when_told(small_library: Path) -> None:
    """The app quits while its update waits for another's write lock (`newsread index` in
    another shell): the update ends at once, having read nothing, not when the other ends."""
    library = Library(small_library).open()
    summaries: list[object] = []
    with library.write_lock():  # another update holds the library
        follower = threading.Thread(
            target=lambda: summaries.append(
                update_in_subprocess(library.root, library.index_dir, cancelled=lambda: True)
            )
        )
        follower.start()
        follower.join(timeout=60)
        stopped_waiting = not follower.is_alive()
    follower.join()
    assert stopped_waiting
    assert getattr(summaries[0], "cancelled", False)
