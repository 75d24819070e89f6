"""The annotation store's rows and values: SQLite rows to model objects and back,
timestamps, and the checks and clean-ups applied to what the user typed."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Literal

from newsread.index.annotations.model import (
    COLOURS,
    ArticleInfo,
    ArticleRefs,
    ArticleState,
    Highlight,
    NoteConflict,
    Tag,
)
from newsread.index.article import derived_source
from newsread.index.folding import fold, tag_key
from newsread.index.text import sanitise, sanitise_line

STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"
LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
WORD = re.compile(r"\w", re.UNICODE)


def stamp(moment: datetime) -> str:
    """A UTC timestamp that sorts as text (`STAMP`, the year always in four digits: strftime
    writes the year 1 as "1", which sorts wrong and `time` could not read)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat("T", "microseconds") + "Z"


def time(text: str | None) -> datetime | None:
    if text is None:
        return None
    year, rest = text.split("-", 1)  # written by an earlier newsread as "1-01-01T..."
    return datetime.strptime(f"{int(year):04d}-{rest}", STAMP).replace(tzinfo=timezone.utc)


def required_time(text: str) -> datetime:
    moment = time(text)
    assert moment is not None
    return moment


def published(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def info_values(info: ArticleInfo) -> tuple[Any, ...]:
    published = None if info.published is None else info.published.isoformat()
    return (
        info.id,
        info.key,
        info.path,
        info.url,
        info.url_key,
        info.title,
        info.source,
        published,
    )


def article_info(row: sqlite3.Row) -> ArticleInfo:
    return ArticleInfo(
        id=row["article_id"],
        key=row["key"],
        path=row["path"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=published(row["published"]),
        authors=tuple(name for name in row["authors"].split("\n") if name),
        period=row["period"],
    )


def keep_citation(db: sqlite3.Connection, seq: int, info: ArticleInfo) -> None:
    """The article row `seq` keeps `info`'s authors and period, what `info_values` leaves out."""
    db.execute(
        "UPDATE articles SET authors = ?, period = ? WHERE seq = ?",
        ("\n".join(info.authors), info.period, seq),
    )


def highlight(row: sqlite3.Row) -> Highlight:
    return Highlight(
        id=row["id"],
        article=ArticleInfo(
            id=row["article_id"],
            key=row["article_key"],
            path=row["article_path"],
            title=row["article_title"],
            source=row["article_source"],
            url=row["article_url"],
            published=published(row["article_published"]),
        ),
        colour=row["colour"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        start=row["start_offset"],
        end=row["end_offset"],
        status=row["status"],
        note=row["note"],
        created=required_time(row["created"]),
        updated=required_time(row["updated"]),
        deleted_at=time(row["deleted_at"]),
        revision=row["revision"],
        library=row["library"],
        synced=tuple(row["note_synced"].split()),
    )


def insert_highlight(db: sqlite3.Connection, highlight: Highlight) -> None:
    db.execute(
        "INSERT INTO highlights (id, article_id, article_key, article_path, article_url,"
        " article_url_key, article_title, article_source, article_published, colour, quote,"
        " prefix, suffix, start_offset, end_offset, status, note, created, updated, library,"
        " note_synced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            highlight.id,
            *info_values(highlight.article),
            highlight.colour,
            highlight.quote,
            highlight.prefix,
            highlight.suffix,
            highlight.start,
            highlight.end,
            highlight.status,
            highlight.note,
            stamp(highlight.created),
            stamp(highlight.updated),
            highlight.library,
            " ".join(highlight.synced),
        ),
    )


def relocated(cited: ArticleInfo, current: ArticleInfo) -> ArticleInfo:
    """A highlight's article moved to its current identity and place in the library.

    Title, source and date stay as they were when the highlight was made (they are what the
    highlight cites), unless it cited none (an annotation imported from another tool names
    only a URL); the URL too, unless the article has one now. A source that only stood in
    for a missing one (older versions stored the file's first folder) is dropped when the
    article names none: moved to another folder, the article is not that folder's.
    """
    source = cited.source or current.source
    if cited.source and not current.source and cited.path != current.path:
        if cited.source == sanitise_line(derived_source(cited.path, cited.url)[0]):
            source = ""
    return replace(
        cited,
        id=current.id,
        key=current.key,
        path=current.path,
        url=current.url or cited.url,
        title=cited.title or current.title,
        source=source,
        published=cited.published or current.published,
    )


def relocate_highlight(db: sqlite3.Connection, highlight_id: str, article: ArticleInfo) -> None:
    db.execute(
        "UPDATE highlights SET article_id = ?, article_key = ?, article_path = ?,"
        " article_url = ?, article_url_key = ?, article_title = ?, article_source = ?,"
        " article_published = ? WHERE id = ?",
        (*info_values(article), highlight_id),
    )


def merge_article_rows(
    db: sqlite3.Connection, old: sqlite3.Row, new: sqlite3.Row, now: str
) -> None:
    """Fold the `old` row of an article into its `new` one and delete it: read and starred as
    either had them, both rows' tags, and both notes (the old one first) when both have one."""
    notes = [note for note in (old["note"], new["note"]) if note]
    note = "\n\n".join(dict.fromkeys(notes))
    if note != new["note"]:
        db.execute(
            "UPDATE articles SET note = ?, note_created = ?, note_updated = ?,"
            " note_revision = note_revision + 1 WHERE seq = ?",
            (note, old["note_created"] or new["note_created"], now, new["seq"]),
        )
    db.execute(
        "UPDATE articles SET read_at = COALESCE(read_at, ?), starred_at = COALESCE(starred_at, ?),"
        " updated = ? WHERE seq = ?",
        (old["read_at"], old["starred_at"], now, new["seq"]),
    )
    db.execute(
        "UPDATE OR IGNORE tags SET article_id = ? WHERE article_id = ?",
        (new["article_id"], old["article_id"]),
    )
    db.execute("DELETE FROM articles WHERE seq = ?", (old["seq"],))


def tags(db: sqlite3.Connection, article_id: str) -> tuple[Tag, ...]:
    """The article's tags, first added first. Two stored spellings of one tag (`tag_key`:
    "İstanbul" and "istanbul", told apart before tags were folded as words are) are one,
    under the first's spelling: removing it removes both."""
    rows = db.execute(
        "SELECT tag, created FROM tags WHERE article_id = ? ORDER BY created, tag",
        (article_id,),
    ).fetchall()
    first: dict[str, Tag] = {}
    for row in rows:
        first.setdefault(tag_key(row[0]), Tag(row[0], required_time(row[1])))
    return tuple(first.values())


def state(db: sqlite3.Connection, row: sqlite3.Row, info: ArticleInfo) -> ArticleState:
    return ArticleState(
        article=info,
        note=row["note"],
        note_created=time(row["note_created"]),
        note_updated=time(row["note_updated"]),
        tags=tags(db, row["article_id"]),
        read_at=time(row["read_at"]),
        starred_at=time(row["starred_at"]),
        note_revision=row["note_revision"],
        note_synced=tuple(row["note_synced"].split()),
    )


def same_title(one: str, other: str) -> bool:
    """Whether two titles read the same: case, spacing and Unicode's normal form aside (a file
    saved on a Mac spells "ü" as "u" and a combining mark)."""
    return _title_key(one) == _title_key(other)


def _title_key(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def other_address(one: str, other: str) -> bool:
    """Whether two articles' URL keys show them to be different articles: both have one, and
    they differ (a key of the library is only a place, which another article may take)."""
    return bool(one and other and one != other)


EXCERPTS = 5
"""Pieces of an article's body its row keeps (`excerpts_of`), spread over the text."""
EXCERPT_CHARS = 40


def excerpts_of(body: str) -> str:
    """A few pieces of `body` (case and spacing folded, one per line) that tell the article
    apart from another one that takes its place in the library, when no URL does: its
    identity without a URL is a hash of its title and text, which a new title changes."""
    text = " ".join(body.casefold().split())
    if not text:
        return ""
    half = EXCERPT_CHARS // 2
    pieces: list[str] = []
    for number in range(1, EXCERPTS + 1):
        middle = len(text) * number // (EXCERPTS + 1)
        piece = text[max(0, middle - half) : middle + half].strip()
        if piece and piece not in pieces:
            pieces.append(piece)
    return "\n".join(pieces)


def resembles(excerpts: str, body: str) -> bool | None:
    """Whether most of a row's `excerpts` are in `body` (the same article, edited or read
    anew), or None for a row that keeps none (written before rows kept them)."""
    pieces = [piece for piece in excerpts.split("\n") if piece]
    if not pieces:
        return None
    text = " ".join(body.casefold().split())
    return 2 * sum(piece in text for piece in pieces) > len(pieces)


def same_article_at_key(row: sqlite3.Row, info: ArticleInfo, body: str | None) -> bool:
    """Whether the row stored under `info`'s library key (but another identity) is `info`'s
    article: its title as it was, or, with the article's text to compare, its excerpts.

    A file's own key is one article re-saved or edited: its title as it was is enough, and
    a row with no excerpts to compare (kept from before they were) is taken too, so a file
    read anew with another title (an edit, a newer parser) keeps its notes. The n-th
    article of a feed ("feed.jsonl#3") needs its excerpts, or its title where there are
    none: lines added at the top move every other article onto its neighbour's key."""
    if row["key"] != info.key or other_address(row["url_key"], info.url_key):
        return False
    feed = "#" in info.key
    alike = None if body is None else resembles(row["excerpts"], body)
    if same_title(row["title"], info.title):
        return not feed or alike is not False
    if alike is not None:
        return alike
    return body is not None and not feed


def shown_other(row: sqlite3.Row, info: ArticleInfo, body: str) -> bool:
    """Whether the excerpts kept in an article's row show `body` (`info`'s text) to be
    another article; never for a file's own article under its title as it was, which an
    edit may have rewritten (see `same_article_at_key`)."""
    if resembles(row["excerpts"], body) is not False:
        return False
    return "#" in info.key or not same_title(row["title"], info.title)


def find_article_row(
    db: sqlite3.Connection, info: ArticleInfo, body: str | None = None, library: str = ""
) -> sqlite3.Row | None:
    """The stored row for this article: by identity, else by URL, else by key (see
    `pick_article_row`)."""
    rows = db.execute(
        "SELECT * FROM articles WHERE article_id = ? OR (url_key != '' AND url_key = ?)"
        " OR (key != '' AND key = ?) ORDER BY updated DESC",
        (info.id, info.url_key, info.key),
    ).fetchall()
    return pick_article_row(rows, info, body, library)


def pick_article_row(
    rows: Sequence[sqlite3.Row], info: ArticleInfo, body: str | None = None, library: str = ""
) -> sqlite3.Row | None:
    """The row for this article among `rows` (newest first): by identity, URL, else by key
    where `same_article_at_key` (with `body`, the article's text, to compare excerpts) and,
    with `library`, the row was made there (or where is not known): a key is a place in one
    library."""
    for row in rows:
        if row["article_id"] == info.id:
            return row
    for row in rows:
        if info.url_key and row["url_key"] == info.url_key:
            return row
    for row in rows:
        if row["library"] in ("", library or row["library"]) and same_article_at_key(
            row, info, body
        ):
            return row
    return None


def ids(db: sqlite3.Connection, sql: str, *params: str) -> set[str]:
    return {row[0] for row in db.execute(sql, params)}


def refs(db: sqlite3.Connection, ids: set[str], library: str = "") -> ArticleRefs:
    """The articles with these identities, with their known library keys and URLs; with
    `library`, only the keys they have there (or where is not known): a key is a place in one
    library, which another library's article of the same name does not take."""
    keys: set[str] = set()
    urls: set[str] = set()
    for article_id in ids:
        for row in db.execute(
            "SELECT key, url_key, library FROM articles WHERE article_id = ? UNION"
            " SELECT article_key, article_url_key, library FROM highlights WHERE article_id = ?",
            (article_id, article_id),
        ):
            if row[2] in ("", library) or not library:
                keys.add(row[0])
            urls.add(row[1])
    keys.discard("")
    urls.discard("")
    return ArticleRefs(frozenset(ids), frozenset(keys), frozenset(urls))


def check_base(
    stored: str, revision: int, new: str, base_revision: int | None, base_note: str | None
) -> None:
    """Raise `NoteConflict` if the stored note moved on from the one `new` was written from.

    Only the note counts: a recolour since (a new revision, the same note) is no conflict,
    nor is a stored note that already says what is being saved.
    """
    if base_revision is None or revision == base_revision or stored == new:
        return
    if base_note is not None and stored == clean_note(base_note):
        return
    raise NoteConflict(new, stored, revision)


def check_colour(colour: int) -> None:
    if colour not in COLOURS:
        raise ValueError(f"colour must be 1-5, not {colour!r}")


def clean_note(text: str) -> str:
    """A note as written, minus control sequences and surrounding blank lines."""
    text = LEADING_BLANK_LINES.sub("", sanitise(text)).rstrip()
    return text if text.strip() else ""


_NOT_IN_A_TAG = str.maketrans('"()', "   ")
"""What ends a `tag:x` in a query (a quote, a parenthesis): a tag holding one could never be
searched for, so it separates words as a space does."""


def imported_note(local: str, imported: str) -> tuple[str, bool]:
    """The note an import leaves where `imported` is newer than the user's `local` one:
    `imported` when it still says all `local` says (or `local` is empty), else both, as the
    note editor's "keep both" writes them (the other text, a divider, the user's); and
    whether both were kept. An import never drops what the user wrote."""
    kept = local.strip()
    if not kept or kept in imported:
        return imported, False
    return both_notes(imported, kept), True


def both_notes(theirs: str, mine: str) -> str:
    """One note holding two texts of it: `theirs`, a divider, then `mine` (the user's)."""
    theirs = theirs.rstrip()
    fence = open_fence(theirs)
    if fence:  # else the divider and the user's words were inside its code block
        theirs += "\n" + fence
    return f"{theirs}\n\n---\n\n{mine.strip()}"


def note_digest(text: str) -> str:
    """What a note's sync base keeps of one of its texts: a short hash of it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def note_versions(synced: Sequence[str], note: str) -> tuple[str, ...]:
    """A note's versions as an export gives them: its sync base, then its text now."""
    now = note_digest(note)
    return (*(d for d in synced if d != now), now)


SYNC_KEPT = 64
"""Texts a note's sync base remembers (the latest): enough for any sync between two
machines; one older than that imported again is taken for an edit and kept beside."""


def synced_with(synced: str, digests: Iterable[str]) -> str:
    """The `note_synced` column `synced` with `digests` added (the latest last)."""
    kept = [d for d in synced.split()]
    for digest in digests:
        if digest in kept:
            kept.remove(digest)
        kept.append(digest)
    return " ".join(kept[-SYNC_KEPT:])


SyncVerdict = Literal["same", "ours", "theirs", "both"]


def sync_verdict(
    ours: str, base: Collection[str], theirs: str, versions: Collection[str]
) -> SyncVerdict | None:
    """A three-way merge of one note: what to keep of `ours` (the text here, `base` its sync
    base) and `theirs` (the text imported, `versions` the texts it came from there).

    "ours": theirs is a text this note had here when last exported or imported (an old
    export, one of this machine's own): nothing changed there since. "theirs": ours is a text
    theirs came from: only theirs changed. "both": both changed (`imported_note` keeps both).
    None: the export does not give its versions (an older newsread's): not known.
    """
    if ours == theirs:
        return "same"
    if not versions:
        return None
    if note_digest(theirs) in base:
        return "ours"
    if note_digest(ours) in versions:
        return "theirs"
    return "both"


FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")
"""A line opening or closing a Markdown code fence (a backtick fence's info string holds no
backtick, CommonMark: "```]> 1. `" is a line of inline code)."""


def open_fence(text: str) -> str:
    """The code fence `text` leaves open at its end ("```"), or ""."""
    fence = ""
    for line in text.split("\n"):
        found = FENCE.match(line)
        if not found:
            continue
        if not fence:
            fence = found[1]
        elif (
            found[1][0] == fence[0]
            and len(found[1]) >= len(fence)
            and not line[found.end() :].strip()
        ):
            fence = ""
    return fence


def clean_tag(tag: str) -> str:
    """One word per tag, so `tag:x` can name it: "#Climate change" -> "Climate-change",
    `"draft" (2)` -> "draft-2"."""
    name = "-".join(sanitise_line(tag).translate(_NOT_IN_A_TAG).lstrip("#").split())
    if not name:
        raise ValueError(f"not a tag: {tag!r}")
    return name


MAX_TAG_CHARS = 60
"""The longest tag a user may add: a label, not a sentence (a paragraph pasted into the tag
box by mistake would otherwise become one long hyphenated tag on every list)."""


def new_tag(tag: str) -> str:
    """`clean_tag` for a tag being added by hand, refusing one longer than `MAX_TAG_CHARS`.
    Tags already stored or imported keep their length: they can still be searched and removed."""
    name = clean_tag(tag)
    if len(name) > MAX_TAG_CHARS:
        raise ValueError(f"a tag is at most {MAX_TAG_CHARS} characters (this one has {len(name)})")
    return name


def tag_query(tag: str) -> str | None:
    """A tag as searched for; None for one that cannot exist (matches nothing)."""
    try:
        return clean_tag(tag)
    except ValueError:
        return None


def fts_query(words: Iterable[str]) -> str | None:
    """An FTS5 query requiring every word; user text is quoted, never FTS syntax.

    Returns None when no word has a letter or digit (such a query cannot match).
    """
    terms = []
    for word in words:
        prefix = word.endswith("*")
        # Saved text went through `sanitise`; so does what is searched for (a NUL would end
        # FTS5's string early: "unterminated string").
        word = fold(sanitise(word.rstrip("*")))
        if not WORD.search(word):
            return None
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " AND ".join(terms) if terms else None
