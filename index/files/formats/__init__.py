"""Parsers for each article file format. Each turns decoded text into `Draft` records.

`newsread.index.files.reader` picks the parser (by content as well as extension) and turns drafts
into `Article` records; parsers never touch the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Draft:
    """The fields a parser found in one article; empty where the file gave none."""

    title: str = ""
    source: str = ""
    section: str = ""
    published: datetime | None = None
    period: str = ""
    """"year" or "month" when the file dates the article by a year or month alone
    (`published` is then its first day), else ""."""
    authors: list[str] = field(default_factory=list)
    credit: str = ""
    url: str = ""
    paragraphs: list[str] = field(default_factory=list)
    language: str = ""
    unread: str = ""
    """Why this entry of the file could not be read (a JSON Lines line that is not JSON),
    else "". Such a draft holds nothing else; it keeps its place in the file's numbering."""
