"""Indexing in a child process reports progress, commits and the summary like a direct update."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsread.index.background import update_in_subprocess
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
    with pytest.raises(LibraryError, match="is not a folder"):
        update_in_subprocess(tmp_path / "missing", tmp_path / "index")
