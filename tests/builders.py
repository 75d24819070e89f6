"""Builders shared by the tests: paths of the repository and article files written on the fly.

(A module of its own, not conftest.py: tests/tui has a conftest too, and `from conftest import`
would pick whichever was imported first.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsread.index.library import Library

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def write_article(
    folder: Path,
    name: str,
    title: str,
    body: str,
    *,
    source: str = "HARBOUR GAZETTE",
    section: str = "World",
    date: str = "30 May 2017 [16:18]",
    byline: str = "By Ilse Varga",
    url: str = "",
) -> Path:
    """A scraped-text article file in the layout newsread reads."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [f"{source} / {section}", title, f"{date} - {source}", byline, body]
    if url:
        parts.append(f"URL: {url}")
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def older_store(path: Path, version: int) -> sqlite3.Connection:
    """An empty annotations store as the newsread of notes-store `version` made it (its
    schema: the first `version` migrations, which are never edited once released), in WAL
    mode as newsread leaves it; open, for the test to fill with that version's rows.

    From schema 5 on, the triggers fold words with `newsread_fold`: before the last schema
    that folded every word again (`_REFOLDED`), here `str.casefold`, which folds less than
    `fold` does now, as those versions' fold did; from it on, today's `fold`.
    """
    from newsread.index.annotations.database import _REFOLDED, MIGRATIONS, _fold_text

    refolded_at = max(n for n, made in enumerate(MIGRATIONS, 1) if set(_REFOLDED) <= set(made))
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.create_function("newsread_fold", 1, _fold_text if version >= refolded_at else str.casefold)
    db.execute("PRAGMA journal_mode = WAL")
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    return db


def indexed_library(folder: Path, articles: dict[str, tuple[str, str]]) -> Library:
    """A library of `articles` (file name -> title and body, as `write_article` writes
    them), opened and indexed."""
    from newsread.index.library import Library

    for name, (title, body) in articles.items():
        write_article(folder, name, title, body)
    library = Library(folder).open()
    library.update()
    return library
