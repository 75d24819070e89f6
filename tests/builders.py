"""Builders shared by the tests: paths of the repository and article files written on the fly.

(A module of its own, not conftest.py: tests/tui has a conftest too, and `from conftest import`
would pick whichever was imported first.)
"""

from __future__ import annotations

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


def indexed_library(folder: Path, articles: dict[str, tuple[str, str]]) -> Library:
    """A library of `articles` (file name -> title and body, as `write_article` writes
    them), opened and indexed."""
    from newsread.index.library import Library

    for name, (title, body) in articles.items():
        write_article(folder, name, title, body)
    library = Library(folder).open()
    library.update()
    return library
