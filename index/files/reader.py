"""Reading article files: the one entry point from a path to `Article` records.

The format is picked by content as well as by extension: people save HTML as `.txt` and
JSON without an extension. Everything that can go wrong with a file becomes an
`UnreadableFile` with a one-line reason the library view can show next to the file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, BinaryIO

from newsread.index.article import Article, derived_source, path_key, stable_id
from newsread.index.errors import UnreadableFile
from newsread.index.files import inline_data
from newsread.index.files.decoding import decode
from newsread.index.files.formats import Draft
from newsread.index.files.language import guess_language
from newsread.index.files.saved_pages import SAVED_PAGE_SUFFIXES, saved_page
from newsread.index.text import sanitise, sanitise_line

if TYPE_CHECKING:
    from newsread.index.files.formats.jsonfile import JsonStream

PARSER_VERSION = 23
"""Bumped whenever reading a file can give a different article: libraries read by an older
version read every file again on their next update (see `newsread.index.engine.indexer`)."""

_TEXT_SUFFIXES = frozenset((".txt", ".text"))
_MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))
_HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
_JSON_SUFFIXES = frozenset((".json", ".jsonl", ".ndjson"))
_JSON_LINES_SUFFIXES = frozenset((".jsonl", ".ndjson"))
_BASE_SUFFIXES = (
    _TEXT_SUFFIXES | _MARKDOWN_SUFFIXES | _HTML_SUFFIXES | _JSON_SUFFIXES | SAVED_PAGE_SUFFIXES
)

SUPPORTED_SUFFIXES: frozenset[str] = _BASE_SUFFIXES | frozenset(s + ".gz" for s in _BASE_SUFFIXES)
"""Lower-case file suffixes that are indexed as articles, compressed or not."""

_GZIP_MAGIC = b"\x1f\x8b"
_HEAD = 1024
_HTML_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_HTML_ANYWHERE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# A fenced block that opens with a `key: value` (YAML) or `key = value` (TOML) line.
_FRONT_MATTER = re.compile(
    r"^(?:---[ \t]*\n[\w-]+[ \t]*:.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n[\w-]+[ \t]*=.*?\n\+\+\+)"
    r"[ \t]*(?:\n|$)",
    re.DOTALL,
)
_HEADING = re.compile(r"^#{1,2} +\S")


def is_article_file(path: PurePath) -> bool:
    """Whether `path`'s name has a suffix that newsread indexes (`.txt`, `.html.gz` ...)."""
    return is_article_name(path.name)


def is_article_name(name: str) -> bool:
    """`is_article_file` of a file name."""
    return _inner_suffix(name) in _BASE_SUFFIXES


MAX_FILE_BYTES = 20_000_000
"""Files up to this size are read whole; larger ones are cut to their first MAX_FILE_BYTES."""
MAX_CUT_FILE_BYTES = 100_000_000
"""Files over this size are skipped whole, unread: a cut would leave too little of them to be
worth it (an article is at most a few hundred KB; such a file is a dump or an accident). A
compressed file over MAX_FILE_BYTES is skipped too; one that unpacks to more is cut. (Large
JSON exports of many articles are read whole, in parts: `read_article_parts`.)"""


def read_articles(path: Path, root: Path, *, max_bytes: int = MAX_FILE_BYTES) -> list[Article]:
    """The articles in the file at `path`, keyed by its path relative to `root`.

    Raises:
        UnreadableFile: the file cannot be read, is too large, empty, binary, a broken
            archive, invalid JSON, or holds no article text.
    """
    data, size = _read_bytes(path, max_bytes)
    packed = data.startswith(_GZIP_MAGIC)
    suffix = _inner_suffix(path.name)
    # A page saved with its pictures inside is read without them (`inline_data`), so such a
    # file over `max_bytes` is read whole first (up to the files skipped whole) and held to
    # the limit once they are out. (Not JSON: a value's text is left as it is.)
    pictures = suffix not in _JSON_SUFFIXES and suffix not in SAVED_PAGE_SUFFIXES
    room = max(max_bytes, MAX_CUT_FILE_BYTES) if pictures else max_bytes
    cut = ""
    if packed:
        if size > max_bytes:
            raise UnreadableFile(f"too large ({_size(size)} > {_size(max_bytes)} limit)")
        data, size, ends = _gunzip(data, room)
        cut = "" if ends else "a truncated gzip file, read as far as it goes"
    elif size > max_bytes and pictures and inline_data.MARK in data:
        data, size = _read_bytes(path, room)
    if pictures and inline_data.MARK in data:
        all_read = len(data) <= room
        data = inline_data.without_inline_data(data)
        size = len(data) if all_read else size
    if size > max_bytes:
        data = _cut(data, max_bytes)
        whole = "more when unpacked" if packed else f"{_size(size)} file"
        cut = f"cut to its first {_size(max_bytes)} ({whole})"
    if not data:
        raise UnreadableFile("empty file")
    try:
        if suffix in SAVED_PAGE_SUFFIXES:
            draft, page_whole = _saved_page(data, suffix)
            kind, drafts = "html", [draft]
            cut = "" if page_whole else cut  # the images and frames after the page were cut
        else:
            text = decode(data)
            if not text.strip():
                raise UnreadableFile("blank file (only whitespace)")
            kind, drafts = _parse(text, suffix, _inner_stem(path.name), cut=bool(cut))
    except Exception as error:  # one file's parser failure stops no update
        if not isinstance(error, UnreadableFile):
            # A parser's own failure on this file (a bug, or a library raising what it does
            # not document): the file is unreadable, the error named, and the update reading
            # the library's other files goes on instead of stopping at it.
            said = " ".join(str(error).split())[:200]
            error = UnreadableFile(
                f"newsread's reader failed on it ({type(error).__name__}: {said})"
            )
        if cut:
            raise UnreadableFile(
                f"too large ({_size(size)} > {_size(max_bytes)} limit) and unreadable when cut: "
                f"{error}"
            ) from None
        raise error
    rel = _relative(path, root)
    stem = _inner_stem(path.name)
    numbered = len(drafts) > 1
    articles = [
        _article(draft, rel + (f"#{n}" if numbered else ""), rel, kind, stem)
        for n, draft in enumerate(drafts, start=1)
    ]
    kept = [article for article in articles if article.paragraphs]
    if not kept:
        raise UnreadableFile("no article text found")
    stops = cut
    if cut and numbered:
        # A file of many articles (JSON Lines, a feed) cut short: the articles after the cut
        # are the loss, not the text of those read.
        cut = f"{cut}: {len(kept):,} articles read, those after them not (split the file)"
    if len(kept) < len(articles):
        left_out = _left_out(drafts, articles)
        cut = f"{cut}; {left_out}" if cut else left_out
    for article in kept:
        if cut:
            article.extra["cut"] = cut
    # Where the text stops short, for the reader to say at the end: a file of one article's.
    # (Of several, each is whole or not read at all: JSON's items.)
    if stops and not numbered:
        kept[0].extra["stops"] = stops
    return kept


def _left_out(drafts: list[Draft], articles: list[Article]) -> str:
    """Why some of a file's articles are left out, said as a skipped file's reason is: an entry
    of a JSON array that only has a title ("no text (#2)"), a line of JSON Lines that is not
    JSON ("invalid JSON: Expecting value at line 3")."""
    left = _LeftOut()
    for draft, article in zip(drafts, articles, strict=True):
        left.add(draft, article)
    return left.said(len(articles))


class _LeftOut:
    """The articles of a file left out (`_left_out`), counted as they come; the first few
    of each kind are kept to be named."""

    def __init__(self) -> None:
        self.count = 0
        self.empty: list[str] = []  # the numbers of entries with no text
        self.unread: list[str] = []  # why lines could not be read
        self.more = [0, 0]  # of each kind, how many more than those kept

    def add(self, draft: Draft, article: Article) -> None:
        """Count `article` (of `draft`) if it is left out."""
        if article.paragraphs:
            return
        self.count += 1
        kind = 1 if draft.unread else 0
        kept = self.unread if kind else self.empty
        if len(kept) < 5:
            kept.append(draft.unread or article.key.rsplit("#", 1)[1])
        else:
            self.more[kind] += 1

    def said(self, total: int) -> str:
        reasons = []
        if self.empty:
            more = ", ..." if self.more[0] else ""
            reasons.append(f"no text ({', '.join(f'#{n}' for n in self.empty)}{more})")
        reasons += self.unread + (["..."] if self.more[1] else [])
        return f"{self.count:,} of its {total:,} articles left out, " + "; ".join(reasons)


def _saved_page(data: bytes, suffix: str) -> tuple[Draft, bool]:
    """The article of a page a browser saved as one file (`saved_pages`), and whether the
    page is whole in `data`."""
    from newsread.index.files.formats.html import parse_html

    page = saved_page(data, suffix)
    draft = parse_html(page.html)
    if not draft.url and page.address.lower().startswith(("http://", "https://")):
        draft.url = page.address
    return draft, page.whole


def _cut(data: bytes, limit: int) -> bytes:
    """The first `limit` bytes, ending at a line break when one is near (no half a word)."""
    data = data[:limit]
    newline = data.rfind(b"\n", limit - 65536)
    return data[: newline + 1] if newline > 0 else data


# --- a large file of many articles, in parts ----------------------------------------------

PART_BYTES = 4_000_000
"""A JSON or JSON Lines file over MAX_FILE_BYTES is read this many bytes at a time
(`read_article_parts`): what a part holds (its text, values and articles) is a few times this."""
MAX_PARTED_FILE_BYTES = 4_000_000_000
"""Such a file is read in parts up to this many bytes (unpacked); the rest is said as cut."""
_CHUNK = 1 << 20


class ArticleParts:
    """The articles of one file, a part at a time (`read_article_parts`). Iterate once; then
    `note` says what of the file was cut or left out ("" when nothing was), and `digest` is
    the digest (`file_digest`) of the bytes they were read from, when the reader saw them
    all (a file read in parts, not gzipped; "" otherwise)."""

    def __init__(self) -> None:
        self.note = ""
        self.digest = ""
        self.parted = False
        self.share = 0.0
        """After a part is given, the share of the file's bytes read (0 to 1)."""
        self.resumes_at: tuple[int, str] | None = None
        """After a part is given, where the file's reading could go on after it (JSON Lines
        read in parts, not gzipped, the part ending a line): how many bytes its articles and
        those before are of, and the digest of those bytes. None when not known."""
        self.parts: Iterator[list[Article]] = iter(())

    def __iter__(self) -> Iterator[list[Article]]:
        return self.parts


def read_article_parts(
    path: Path,
    root: Path,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    part_bytes: int = PART_BYTES,
    whole: Callable[[Path, Path], list[Article]] | None = None,
    size: int | None = None,
) -> ArticleParts:
    """The articles in the file at `path`, a part at a time. A JSON or JSON Lines file over
    `max_bytes` (a large export of many articles, gzipped or not) is read whole, in windows of
    about `part_bytes`, each part's articles whole: memory holds one window's. Any other file
    is one part, `read_articles`'s, as is a large JSON document none of whose arrays gives an
    article in parts (one huge article: it is cut); `whole` reads those (`read_articles` with
    `max_bytes`). `size`: read a file in parts (not gzipped) up to that many bytes, those the
    caller stated, though more are written meanwhile.

    Raises:
        UnreadableFile: as `read_articles`, when the first part is asked for. A file that
            fails after its first part ends with what was read, and `note` says why.
    """
    parts = ArticleParts()
    read = whole or functools.partial(read_articles, max_bytes=max_bytes)
    if _in_parts(path, max_bytes):
        parts.parted = True
        parts.parts = _parts(path, root, part_bytes, read, parts, size)
    else:
        parts.parts = _whole(path, root, read, parts)
    return parts


def _whole(
    path: Path, root: Path, read: Callable[[Path, Path], list[Article]], out: ArticleParts
) -> Iterator[list[Article]]:
    articles = read(path, root)
    out.note = articles[0].extra.get("cut", "") if articles else ""
    yield articles


def _in_parts(path: Path, max_bytes: int) -> bool:
    """Whether the file at `path` is JSON over `max_bytes` (gzip: unpacked, by the size its
    trailer gives), in UTF-8 or a one-byte encoding (windows of UTF-16 would split its
    characters): to be read in parts."""
    if _inner_suffix(path.name) not in _JSON_SUFFIXES:
        return False
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return False
        if status.st_size <= max_bytes and not path.name.lower().endswith(".gz"):
            return False  # most files: decided without opening them
        with path.open("rb") as file:
            head = file.read(4096)
            if head.startswith(_GZIP_MAGIC):
                if status.st_size <= max_bytes:
                    file.seek(-4, 2)  # ISIZE: the last member's size, modulo 4 GiB
                    if int.from_bytes(file.read(4), "little") <= max_bytes:
                        return False
                return True
    except OSError:
        return False  # `read_articles` says why
    wide = head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head
    return status.st_size > max_bytes and not wide


def _parts(
    path: Path,
    root: Path,
    part_bytes: int,
    read: Callable[[Path, Path], list[Article]],
    out: ArticleParts,
    size: int | None,
) -> Iterator[list[Article]]:
    from newsread.index.files.formats.jsonfile import JsonStream

    lines = _inner_suffix(path.name) in _JSON_LINES_SUFFIXES
    stream = JsonStream(lines=lines, max_carry=part_bytes)
    windows = _Windows(path, part_bytes, stop=size, digest=file_digest())
    kept = yield from _drafted(path, root, windows, stream, 0, out)
    if not kept:
        # Not a document of many articles (one huge article, or not JSON): read as a file over
        # the limit always was, cut (or skipped, saying why).
        out.digest = ""
        yield from _whole(path, root, read, out)


def _drafted(
    path: Path, root: Path, windows: _Windows, stream: JsonStream, count: int, out: ArticleParts
) -> Generator[list[Article], None, int]:
    """The articles of the JSON values `stream` reads from `windows`, numbered after `count`,
    a part per window; returns how many were kept. `out.note` says what was left out or why
    the reading stopped, `out.digest` the digest of the bytes read when the windows are the
    file's own bytes read to their end."""
    from newsread.index.files.formats.jsonfile import article_drafts

    rel, stem = _relative(path, root), _inner_stem(path.name)
    left = _LeftOut()
    first, kept = count, 0
    stopped = ""
    try:
        for window, final in windows:
            try:
                text = decode(window)
            except UnreadableFile as error:
                if not kept:
                    raise
                stopped = f"unreadable after its first {_size(windows.read)} ({error})"
                break
            part = []
            for draft in article_drafts(stream.feed(text, final)):
                count += 1
                article = _article(draft, f"{rel}#{count}", rel, "json", stem)
                left.add(draft, article)
                if article.paragraphs:
                    part.append(article)
            if part:
                kept += len(part)
                out.resumes_at = windows.resume_point() if stream.between_lines else None
                out.share = windows.share()
                yield part
            if stream.finished:
                break
    except Exception as error:  # a gzip file damaged further on, or a parser's own failure
        if not isinstance(error, UnreadableFile):
            said = " ".join(str(error).split())[:200]
            error = UnreadableFile(
                f"newsread's reader failed on it ({type(error).__name__}: {said})"
            )
        if not kept:
            raise error from None
        stopped = str(error)
    stopped = stopped or windows.stopped or stream.stopped
    notes = [f"{stopped}: {kept:,} articles read, those after them not"] if stopped else []
    if left.count:
        notes.append(left.said(count - first))
    out.note = "; ".join(notes)
    out.digest = windows.hexdigest() if not stopped else ""
    return kept


class _Windows:
    """A file's bytes (gzip: unpacked as they come) in windows of about `part_bytes`, each
    ending at a line break in its second half or else at a character's start (UTF-8), with
    whether it is the last. `read` is how many bytes were read, `given` how many were given
    in windows; `stopped` says why the file was not read to its end ("" when it was)."""

    def __init__(
        self,
        path: Path,
        part_bytes: int,
        limit: int = MAX_PARTED_FILE_BYTES,
        *,
        start: int = 0,
        stop: int | None = None,
        digest: Any = None,
    ) -> None:
        """`start`, `stop`: the bytes to read, of a file that is not gzipped (`stop` None: to
        its end). `digest` (a `file_digest()` of the bytes before `start`) is fed
        each window's bytes as it is given (not for a gzip file)."""
        self.path, self.part_bytes, self.limit = path, part_bytes, limit
        self.start, self.stop, self.digest = start, stop, digest
        self.read = self.given = 0
        self.stopped = ""
        self._packed = False
        self._size = self._position = 0

    def hexdigest(self) -> str:
        """The digest of the file's bytes up to the end of the last window given (`digest`
        given, the file not gzipped); "" otherwise."""
        return "" if self.digest is None or self._packed else str(self.digest.hexdigest())

    def __iter__(self) -> Iterator[tuple[bytes, bool]]:
        for window, final in self._windows():
            if self.digest is not None and not self._packed:
                self.digest.update(window)
            self.given += len(window)
            yield window, final

    def share(self) -> float:
        """The share of the file's bytes given in windows so far (of a gzip file, the share
        of its packed bytes read)."""
        if self._packed:
            return min(1.0, self._position / max(1, self._size))
        end = self._size if self.stop is None else self.stop
        return min(1.0, self.given / max(1, end - self.start))

    def resume_point(self) -> tuple[int, str] | None:
        """How many bytes of the file the windows given so far end at, and their digest (for
        a file not gzipped, `digest` given); None otherwise."""
        if self.digest is None or self._packed:
            return None
        return self.start + self.given, str(self.digest.copy().hexdigest())

    def _windows(self) -> Iterator[tuple[bytes, bool]]:
        held = bytearray()
        window: bytes | None = None
        first = max(self.part_bytes // 16, min(self.part_bytes, 4096))
        try:
            with self.path.open("rb") as file:
                for chunk in self._unpacked(file):
                    held += chunk
                    if self.read + len(held) > self.limit:
                        del held[self.limit - self.read :]
                        whole = (
                            "more when unpacked" if self._packed else f"{_size(self._size)} file"
                        )
                        self.stopped = f"read to its first {_size(self.limit)} ({whole})"
                    # The first window is small: its articles are the first searchable.
                    while len(held) > (size := self.part_bytes if self.read else first):
                        end = _window_end(held, size)
                        if window is not None:
                            yield window, False
                        window = bytes(held[:end])
                        del held[:end]
                        self.read += end
                    if self.stopped:
                        break
        except OSError as error:
            raise UnreadableFile(f"could not read: {error.strerror or error}") from None
        if held:
            if window is not None:
                yield window, False
            window = bytes(held)
            self.read += len(held)
        if window is not None:
            yield window, True

    def _unpacked(self, file: BinaryIO) -> Iterator[bytes]:
        """The file's bytes; a gzip file's unpacked, its members one after another."""
        self._size = os.fstat(file.fileno()).st_size
        head = file.read(2)
        file.seek(self.start)
        self._packed = head == _GZIP_MAGIC and not self.start
        if not self._packed:
            left = (1 << 62) if self.stop is None else self.stop - self.start
            while left > 0 and (chunk := file.read(min(_CHUNK, left))):
                left -= len(chunk)
                yield chunk
            if left > 0 and self.stop is not None:
                self.stopped = "cut short while it was read"
            return
        engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        pending = b""
        try:
            while True:
                if engine.eof:
                    rest = engine.unused_data
                    if len(rest) < 2:
                        more = file.read(_CHUNK)
                        self._position += len(more)
                        rest += more
                    if not rest.startswith(_GZIP_MAGIC):
                        return  # the end, or padding after the last member (gzip ignores it)
                    engine, pending = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS), rest
                if not pending:
                    pending = file.read(_CHUNK)
                    self._position += len(pending)  # (`share`)
                    if not pending:
                        self.stopped = "a truncated gzip file, read as far as it goes"
                        return
                data = engine.decompress(pending, _CHUNK)
                pending = engine.unconsumed_tail
                if data:
                    yield data
        except zlib.error as error:
            raise UnreadableFile(f"corrupt gzip file ({error})") from None


def _window_end(held: bytearray, size: int) -> int:
    """Where a window of about `size` bytes of `held` ends: after its last line break in its
    second half, else before the UTF-8 character that byte `size` is in."""
    end = held.rfind(b"\n", size // 2, size)
    if end >= 0:
        return end + 1
    end = size
    while end > size - 4 and 0x80 <= held[end] < 0xC0:  # a continuation byte
        end -= 1
    return end


# --- lines appended to a JSON Lines file -------------------------------------------------


def file_digest() -> Any:
    """A new digest of a file's bytes (blake2b): what the index stores to tell a changed file
    from one only touched, and the bytes read before from the lines appended after them."""
    return hashlib.blake2b(digest_size=16)


def is_appendable(name: str) -> bool:
    """Whether a file called `name` may be JSON Lines that grow (`appended_lines`)."""
    return _inner_suffix(name) in _JSON_SUFFIXES and not name.lower().endswith(".gz")


@dataclass(frozen=True)
class Appended:
    """Where the lines appended to a JSON Lines file start (`appended_lines`)."""

    start: int
    """How many bytes were read before: the appended lines start there."""
    number: int
    """How many entries those bytes gave, articles or not: the first appended is number + 1."""
    line: int
    """The number of the first appended line."""
    digest: Any
    """A `file_digest` of the bytes before `start`."""


_TAIL_BYTES = 65_536


def appended_lines(
    path: Path, root: Path, *, size: int, digest: str, last: Article, part_bytes: int = PART_BYTES
) -> Appended | None:
    """Where the lines appended to the file at `path` start, if it is JSON Lines that only grew
    since it was read: its first `size` bytes still have the `digest` stored when they were
    read, they end a line, and their last line still gives `last`, the last article they gave
    (so the entries before are known: `last`'s number). Reading the lines after them then
    gives what reading the whole file gives (`read_appended`).

    None when the file is to be read whole: not JSON Lines (or gzipped, or read as one
    article), changed before `size`, or its last line not what was read (a line written half
    when it was read, or the file rewritten).
    """
    if not is_appendable(path.name) or not digest or not 0 < size <= MAX_PARTED_FILE_BYTES:
        return None
    number = last.key.rpartition("#")[2]
    if not number.isdigit() or last.format != "json":
        return None
    hasher = file_digest()
    lines, left = 0, size
    try:
        with path.open("rb") as file:
            while left > 0 and (chunk := file.read(min(_CHUNK, left))):
                if left == size and chunk.startswith(_GZIP_MAGIC):
                    return None
                left -= len(chunk)
                hasher.update(chunk)
                lines += chunk.count(b"\n")
            if left or hasher.hexdigest() != digest:
                return None
            draft = _last_line(file, size, part_bytes)
    except OSError:
        return None
    if draft is None:
        return None
    rel = _relative(path, root)
    if _article(draft, last.key, rel, "json", _inner_stem(path.name)) != last:
        return None
    return Appended(size, int(number), lines + 1, hasher)


def _last_line(file: BinaryIO, end: int, longest: int) -> Draft | None:
    """The last entry the last line with text before byte `end` of `file` (a JSON Lines
    file) gives; None if it gives none, or the bytes before `end` do not end a line."""
    from newsread.index.files.formats.jsonfile import JsonStream, article_drafts

    held = _TAIL_BYTES
    while True:
        start = max(0, end - held)
        file.seek(start)
        tail = file.read(end - start)
        if not tail.endswith(b"\n"):
            return None
        body = tail.rstrip()
        begins = body.rfind(b"\n") + 1
        if begins or not start:
            break
        if held >= longest:
            return None  # a line longer than `_parts` holds: read whole
        held *= 4
    try:
        text = decode(body[begins:])
    except UnreadableFile:
        return None
    stream = JsonStream(lines=True, max_carry=longest)
    stream.lines = True
    drafts = article_drafts(stream.feed(text, True))
    return drafts[-1] if drafts else None


def read_appended(
    path: Path, root: Path, appended: Appended, *, size: int, part_bytes: int = PART_BYTES
) -> ArticleParts:
    """The articles of the lines appended to a JSON Lines file (`appended_lines`), up to
    byte `size`, numbered on from those before; `digest` is then the whole file's, as read.

    Raises:
        UnreadableFile: the appended bytes cannot be read (not text): read the file whole.
    """
    from newsread.index.files.formats.jsonfile import JsonStream

    parts = ArticleParts()
    stream = JsonStream(lines=True, max_carry=part_bytes, first_line=appended.line)
    stream.lines = True
    windows = _Windows(
        path,
        part_bytes,
        MAX_PARTED_FILE_BYTES - appended.start,
        start=appended.start,
        stop=size,
        digest=appended.digest.copy(),
    )
    parts.parts = _drafted(path, root, windows, stream, appended.number, parts)
    return parts


# --- the file --------------------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """At most `max_bytes + 1` bytes of the file (more means it will be cut), and its size."""
    hard_limit = max(MAX_CUT_FILE_BYTES, max_bytes * 5)
    try:
        status = path.stat()
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile("is a directory")
        if not stat.S_ISREG(status.st_mode):  # opening a pipe waits for a writer, for good
            raise UnreadableFile("not a file (a pipe, a device or a socket)")
        if size > hard_limit:
            raise UnreadableFile(f"too large ({_size(size)} > {_size(hard_limit)} limit)")
        with path.open("rb") as file:
            # A file that grew since the stat is still held to the limit.
            data = file.read(max_bytes + 1)
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except FileNotFoundError:
        raise UnreadableFile("vanished before it could be read") from None
    except IsADirectoryError:
        raise UnreadableFile("is a directory") from None
    except OSError as error:
        raise UnreadableFile(f"could not read: {error.strerror or error}") from None
    return data, max(size, len(data))


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, int, bool]:
    """`data` decompressed, never to more than `max_bytes` (a small file can unpack to GBs),
    and whether it was whole: of a file cut short (a download stopped, a disk full), what
    decompresses, up to its last whole line.

    Raises:
        UnreadableFile: the data is damaged, or cut short before a line of it.
    """
    out = bytearray()
    rest = data
    try:
        # Concatenated gzip members are one valid file (`cat a.gz b.gz`).
        while rest:
            engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            out += engine.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                return bytes(out), len(out), True  # to be cut: never unpack more than that
            if not engine.eof:
                out += engine.flush()
                return _truncated(bytes(out))
            rest = engine.unused_data
            if rest and not rest.startswith(_GZIP_MAGIC):
                break  # Trailing padding after the last member, which gzip itself ignores.
    except zlib.error as error:
        raise UnreadableFile(f"corrupt gzip file ({error})") from None
    return bytes(out), len(out), True


def _truncated(data: bytes) -> tuple[bytes, int, bool]:
    """What a gzip file cut short unpacked to, up to its last line break (no half a word)."""
    data = data[: data.rfind(b"\n") + 1]
    if not data.strip():
        raise UnreadableFile("truncated gzip file")
    return data, len(data), False


def _size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.0f} {unit}"
    return f"{n} bytes"


def _inner_suffix(name: str) -> str:
    """The lower-case suffix of `name` less a ".gz" (`PurePath.suffix`'s rule, on a string:
    the scan asks it of every file of the library on every launch)."""
    lowered = name.lower().removesuffix(".gz")
    dot = lowered.rfind(".")
    return lowered[dot:] if 0 < dot < len(lowered) - 1 else ""


def _inner_stem(name: str) -> str:
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return PurePath(name).stem or name


def _relative(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        try:
            rel = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
    return path_key(rel)


# --- the format --------------------------------------------------------------------------


def _parse(text: str, suffix: str, stem: str = "", *, cut: bool = False) -> tuple[str, list[Draft]]:
    """(format name, drafts) for `text`, the format chosen by content, then by suffix; `stem`
    is the file's name without its extension, `cut` whether `text` is a file's start only."""
    from newsread.index.files.formats.html import parse_html
    from newsread.index.files.formats.jsonfile import parse_json
    from newsread.index.files.formats.markdown import parse_markdown
    from newsread.index.files.formats.plaintext import parse_text

    head = text[:_HEAD].lstrip()
    if _HTML_START.match(head):
        return "html", [parse_html(text)]
    if suffix in _JSON_SUFFIXES:
        return "json", parse_json(text, lines=suffix in _JSON_LINES_SUFFIXES, cut=cut)
    if head.startswith(("{", "[")):
        try:
            return "json", parse_json(text, cut=cut)
        except UnreadableFile:
            pass  # Text that starts with a bracket: "[Updated] ...", "{draft}".
    if _FRONT_MATTER.match(text[: _HEAD * 8]) or suffix in _MARKDOWN_SUFFIXES:
        return "markdown", [parse_markdown(text)]
    if suffix in _HTML_SUFFIXES or _HTML_ANYWHERE.search(head):
        return "html", [parse_html(text)]
    if _HEADING.match(head):
        return "markdown", [parse_markdown(text)]
    return "text", [parse_text(text, stem)]


MAX_TITLE_CHARS = 300
"""A longer title is cut (at a word): it is shown on one line wherever the article is listed."""
MAX_NAME_CHARS = 200
"""Source, section, credit and each author: longer is cut (at a word)."""
MAX_AUTHORS = 20
"""Authors kept, the first ones: a longer list is a page's boilerplate, not a byline."""
MAX_URL_CHARS = 2048
"""A longer URL is dropped (as browsers and sitemaps do); a cut one would be wrong."""


def _bounded(text: str, limit: int) -> str:
    """`text` of at most `limit` characters, cut at a word and marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


_SOFT_HYPHEN = "\u00ad"
"""A hyphenation hint inside a long word ("Ent\u00adde\u00adckun\u00adgen"): not shown, and no
part of the word searched for. The text and HTML readers drop it as they read; the JSON and
Markdown readers kept it ("Entdeckungen" found nothing, the pane drew a hyphen mid-word)."""


def _shown_line(text: str) -> str:
    """A metadata field (title, author, source, section, credit) as it is shown: on one line,
    without soft hyphens. JSON and front matter gave "Ja\u00adnine Mus\u00adtermann" as written,
    and the results list and the pane's header drew the hyphens mid-name."""
    return sanitise_line(text.replace(_SOFT_HYPHEN, ""))


def _article(draft: Draft, key: str, rel: str, kind: str, stem: str) -> Article:
    paragraphs = tuple(
        p for p in (sanitise(p.replace(_SOFT_HYPHEN, "")).strip() for p in draft.paragraphs) if p
    )
    title = _shown_line(draft.title) or _title_from_name(stem)
    title = _bounded(title, MAX_TITLE_CHARS)
    url = original_address(sanitise_line(draft.url))
    if len(url) > MAX_URL_CHARS:
        url = ""
    language = sanitise_line(draft.language).lower()
    if not language or len(language) > 35:  # the longest BCP 47 tags are ~35 characters
        language = guess_language(title + "\n" + "\n".join(paragraphs[:20]))
    authors = tuple(
        dict.fromkeys(
            a for a in (_bounded(_shown_line(a), MAX_NAME_CHARS) for a in draft.authors) if a
        )
    )[:MAX_AUTHORS]
    source = _bounded(_shown_line(draft.source), MAX_NAME_CHARS)
    section = _bounded(_shown_line(draft.section), MAX_NAME_CHARS)
    derived = []
    if not source:
        source, folder_section = derived_source(rel, url)
        derived = ["source"] if source else []
        if folder_section and not section:
            section = folder_section
            derived.append("section")
    article = Article(
        id=stable_id(url, title, paragraphs),
        key=key,
        path=rel,
        title=title,
        source=source,
        section=section,
        published=_in_language_zone(draft.published, language),
        authors=authors,
        credit=_bounded(_shown_line(draft.credit or _signed(paragraphs)), MAX_NAME_CHARS),
        url=url,
        paragraphs=paragraphs,
        language=language,
        format=kind,
    )
    if derived:
        article.extra["derived"] = " ".join(derived)
    if draft.published and draft.period:
        article.extra["period"] = draft.period
    return article


_LANGUAGE_TAG = re.compile(r"[-_]")
_ONE_CLOCK = {"ja": timezone(timedelta(hours=9)), "ko": timezone(timedelta(hours=9))}
"""Languages written almost only where one clock is kept all year (Japan's, Korea's, both
UTC+9, no summer time): a page's day in them is that zone's day."""


def _in_language_zone(published: datetime | None, language: str) -> datetime | None:
    """`published` in its page's zone where it gives a time of day but no zone and its
    language has one clock: a Japanese page's "2019年4月28日 08:00" was 27 April 23:00 UTC,
    and sorts among other pages' dates as such. A day alone (midnight) is a calendar day, no
    instant, and stays as written."""
    if published is None or published.tzinfo is not None or published.time() == time.min:
        return published
    zone = _ONE_CLOCK.get(_LANGUAGE_TAG.split(language, 1)[0])
    return published.replace(tzinfo=zone) if zone is not None else published


def _signed(paragraphs: tuple[str, ...]) -> str:
    """The agency a text signs in its wire dateline or closing credit, whatever the file's
    format ("LONDON (Reuters) - " in Markdown or JSON as in plain text and HTML)."""
    # Imported here, as the formats' parsers are: compiling their patterns (and dates') took
    # a third of the CPU time of a `newsread search` in a library that needed no reading.
    from newsread.index.files.formats.bylines import agency_credit

    return agency_credit(paragraphs[0], paragraphs[-1]) if paragraphs else ""


_ARCHIVED = re.compile(
    r"^https?://(?:web\.archive\.org/web|wayback\.archive-it\.org/\d+)/\d{4,14}[a-z_]*/+"
    r"(?P<address>.+)$",
    re.IGNORECASE,
)


def original_address(url: str) -> str:
    """The page's own address when `url` is a web archive's copy of it (the Wayback Machine's
    `https://web.archive.org/web/20240305101500/https://site/page`), else `url`."""
    archived = _ARCHIVED.match(url)
    if not archived:
        return url
    address = archived.group("address")
    if re.match(r"https?:/(?!/)", address, re.IGNORECASE):  # "https:/site": a slash lost
        address = address.replace(":/", "://", 1)
    return address if "://" in address else f"http://{address}"


def _title_from_name(stem: str) -> str:
    return sanitise_line(stem.replace("_", " ").replace("-", " "))
