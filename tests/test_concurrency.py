"""Several real processes on one library at once: an indexer, a search, a second indexer and
the app's way of opening and updating. When they are done, every article is searchable.

Before the fix a process opened during an update read the article store's keys, waited for
the write lock, then deleted everything committed meanwhile: 5,508 articles indexed, 205
searchable, and every later update said "unchanged".
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import oracle
import pytest
from builders import write_article

from newsread.index import paths
from newsread.index.library import Library

ARTICLES = 3000
"""Enough small files that one update takes a few seconds here, so the others start mid-way."""

WORDS = "harbour grain river council budget port court strike bank market vote".split()

APP_LIKE = """
import json, sys
from pathlib import Path
from newsread.index.background import update_in_subprocess
from newsread.index.library import Library

library = Library(Path(sys.argv[1])).open()  # as the app's worker does: open, then update
summary = update_in_subprocess(library.root, library.index_dir)
print(json.dumps({"notice": library.notice, "total": summary.total_articles}))
"""


def _newsread(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsread.tui.cli", *args]


def _stored_articles(root: Path) -> int:
    """The article store's count as another process committed it (0 before it exists)."""
    store = paths.index_dir(root.resolve()) / "articles.sqlite3"
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # created, tables not yet
        return 0


def _library(root: Path) -> Path:
    for n in range(ARTICLES):
        words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(30))
        write_article(root, f"d{n // 500}/a{n:05}.txt", f"Item {n}", f"{words} uniq{n}")
    return root


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks")
def test_an_index_searched_and_updated_by_other_processes_mid_way_loses_nothing(
    tmp_path: Path,
) -> None:
    root = _library(tmp_path / "library")
    first = subprocess.Popen(
        _newsread("index", "--quiet", str(root)), stdout=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while _stored_articles(root) == 0:  # the first batch is committed: the update is mid-way
        assert first.poll() is None, "the first update ended before anything could join it"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    search = subprocess.Popen(
        _newsread("search", "--library", str(root), "--json", "harbour"),
        stdout=subprocess.PIPE,
        text=True,
    )
    second = subprocess.Popen(
        _newsread("index", "--quiet", str(root)), stdout=subprocess.PIPE, text=True
    )
    app = subprocess.Popen(
        [sys.executable, "-c", APP_LIKE, str(root)], stdout=subprocess.PIPE, text=True
    )
    found, _ = search.communicate(timeout=120)
    # The search answered from what was committed, without waiting for the update to end.
    assert first.poll() is None, "the search waited for the update"
    assert 0 < json.loads(found)["total"] < ARTICLES
    outputs = [process.communicate(timeout=180)[0] for process in (first, second, app)]
    assert [process.returncode for process in (first, second, app)] == [0, 0, 0]
    assert f"{ARTICLES} indexed" in outputs[0]
    # The second update waited for the first, then found nothing left to read.
    assert "0 indexed" in outputs[1] and f"{ARTICLES} unchanged" in outputs[1]
    assert json.loads(outputs[2]) == {"notice": "", "total": ARTICLES}

    library = Library(root).open()
    assert (library.repaired, library.notice) == (0, "")
    assert library.count() == library.search("").total == ARTICLES
    with library.searcher() as searcher:
        indexed = sorted(fields["key"] for fields in searcher.all_stored_fields())
    assert indexed == sorted(library.docs.all_keys())
    for n in random.Random(10).sample(range(ARTICLES), 50):
        assert [hit.path for hit in library.search(f"uniq{n}").hits] == [f"d{n // 500}/a{n:05}.txt"]
    docs = oracle.docs_of(library)  # and the same answers as the oracle's
    for text in ("harbour", "uniq12 OR uniq345", '"grain river"', "title:item -uniq7"):
        assert library.search(text).total == oracle.search(docs, text).total > 0, text
