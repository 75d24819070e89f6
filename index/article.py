"""The `Article` record: one saved news article as newsread understands it."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Article:
    """One article read from a file.

    `id` is the article's stable identity: derived from its URL when known, else from a
    fingerprint of its title and body, so it survives renames and re-saves of the file.
    `key` identifies the record inside the library: the path relative to the library root,
    plus `#n` for the n-th article of a file holding several (JSON arrays, JSON Lines).
    """

    id: str
    key: str
    path: str
    title: str
    source: str = ""
    section: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    credit: str = ""
    url: str = ""
    paragraphs: tuple[str, ...] = ()
    language: str = ""
    format: str = "text"
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def body(self) -> str:
        """The body as text: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def named_source(self) -> str:
        """The source the article names; "" when `source` stands in for a missing one (the
        library's folder or the URL's site, marked in `extra["derived"]`): not a publication
        to cite."""
        return "" if "source" in self.extra.get("derived", "").split() else self.source

    @property
    def period(self) -> str:
        """ "year" or "month" when the file dates the article by that period alone (`published`
        is its first day), else ""."""
        return self.extra.get("period", "")

    @property
    def word_count(self) -> int:
        return sum(len(_WORD.findall(p)) for p in self.paragraphs)

    def to_record(self) -> dict[str, Any]:
        """The article as plain JSON values: what the article store keeps, and what
        `newsread show --json` prints (with the body as one text)."""
        record: dict[str, Any] = {
            "id": self.id,
            "key": self.key,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "section": self.section,
            "published": self.published.isoformat() if self.published else None,
            "authors": list(self.authors),
            "credit": self.credit,
            "url": self.url,
            "paragraphs": list(self.paragraphs),
            "language": self.language,
            "format": self.format,
        }
        if self.extra:
            record["extra"] = dict(self.extra)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        """The article `to_record` gave."""
        published = record["published"]
        return cls(
            id=record["id"],
            key=record["key"],
            path=record["path"],
            title=record["title"],
            source=record["source"],
            section=record["section"],
            published=datetime.fromisoformat(published) if published else None,
            authors=tuple(record["authors"]),
            credit=record["credit"],
            url=record["url"],
            paragraphs=tuple(record["paragraphs"]),
            language=record["language"],
            format=record["format"],
            extra=dict(record.get("extra", {})),
        )


def in_utc(moment: datetime) -> datetime:
    """`moment` as a naive UTC time, the instant the date sorts compare: a page's 10:00+05:00
    comes before another's 08:00+00:00. A time without a zone is taken as written. An instant
    past the ends of `datetime` (0001-01-01 00:00+05:00) is held at that end."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    except OverflowError:
        offset = moment.utcoffset()
        return datetime.min if (offset or timedelta(0)) > timedelta(0) else datetime.max


def path_key(rel: str) -> str:
    """The key a relative path is stored and shown under: itself, unless it is not UTF-8.

    The OS gives bytes that are not UTF-8 as lone surrogates, which neither SQLite nor Whoosh
    can store; they become `\\xff`-style escapes (the scan maps the key back to the file).
    """
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return rel


_ESCAPED_BYTE = re.compile(rb"\\x([0-9a-f]{2})")


def os_name(path: str, root: Path | None = None) -> str:
    """The name a key or path spells as the OS does (a byte that is not UTF-8 as a lone
    surrogate, `os.fsdecode`'s), where `path_key` escaped bytes; `path` itself otherwise. A
    name may hold "\\xff" as its own four characters: with the library's `root`, a file of
    that name there is taken at its word."""
    if "\\x" not in path:
        return path
    name = os.fsdecode(_ESCAPED_BYTE.sub(lambda m: bytes([int(m[1], 16)]), path.encode()))
    if path_key(name) != path or (root is not None and os.path.lexists(root / path)):
        return path
    return name


def shown_path(path: str, root: Path | None = None) -> str:
    """A key or path as people read it: a byte of its name that is not UTF-8 shown as "�"
    (as `ls`, `rg` and text editors show it), not as the escape its key is filed under."""
    return os.fsencode(os_name(path, root)).decode("utf-8", "replace")


def path_fields(path: str, root: Path | None = None) -> dict[str, str | None]:
    """A path as JSON gives it, valid UTF-8 either way: `path` as shown (`shown_path`), and
    `path_bytes`, the name's exact bytes in base64 where they are not UTF-8 (else null), to
    open it by (`os.fsdecode(base64.b64decode(path_bytes))`), as `rg --json` gives names."""
    name = os_name(path, root)
    exact = None if name == path else base64.b64encode(os.fsencode(name)).decode("ascii")
    return {"path": shown_path(path, root), "path_bytes": exact}


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the page (no scheme, fragment, trailing slash, www)."""
    url = url.strip()
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
    url = url.split("#", 1)[0].rstrip("/")
    if url.lower().startswith("www."):
        url = url[4:]
    return (
        url.lower() if "/" not in url else url.split("/", 1)[0].lower() + "/" + url.split("/", 1)[1]
    )


def stable_id(url: str, title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """The article's identity: its URL when known, else a fingerprint of title and body."""
    if url.strip():
        basis = "url:" + normalise_url(url)
    else:
        text = _SPACE.sub(" ", (title + " " + " ".join(paragraphs)).lower()).strip()
        basis = "text:" + text
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def derived_source(rel: str, url: str = "") -> tuple[str, str]:
    """(source, section) standing in for an article that names no source: the site of its
    URL, else the library's folders it sits in (`bbc/business/001.txt` -> "bbc", "business"),
    which change when the file moves to another folder.

    A file at the library's top level has no folder to name it; its source stays empty.
    """
    host = urlsplit(url).hostname or "" if "://" in url else ""
    folders = PurePosixPath(rel.split("#", 1)[0]).parts[:-1]
    section = folders[1] if len(folders) >= 2 and not host else ""
    if host:
        return host.removeprefix("www."), ""
    return (folders[0] if folders else ""), section


def date_shown(published: datetime | None, period: str = "") -> str:
    """A date as lists show it: "2019-03-04", or "2019-03" and "2019" for an article dated
    by its month or year alone; "" for none."""
    if published is None:
        return ""
    shown = published.date().isoformat()
    return shown[:4] if period == "year" else shown[:7] if period == "month" else shown
