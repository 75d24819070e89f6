"""The per-user annotation store: highlights, notes, tags, read and starred state, in SQLite.

One database file per user (the caller chooses where: platformdirs' user data dir), shared by
every newsread running as that user:

- WAL mode and a busy timeout, and each change its own short `BEGIN IMMEDIATE` transaction,
  committed before the call returns, so two sessions can write at once and neither loses work;
  a change still locked out after the timeout (and a few retries) raises `AnnotationError`.
- `synchronous=FULL`: a returned call has reached the disk, even if the process dies next.
- The directory is created 0700 and the file 0600: notes are private.
- The schema version lives in `PRAGMA user_version`; `database.MIGRATIONS` are applied in order.
- A file that is not SQLite, or fails `PRAGMA quick_check`, is never written to: it is kept
  as `<name>.corrupt-<YYYYmmdd-HHMMSS>` and a fresh store, holding the rows that still read in
  it (`salvaged`), takes its place (`database.rebuild`); `recovered_from` says so.
- The file deleted or replaced while open is noticed before each write and at `data_version`
  (`_keep_file`), and said once (`take_notices`).

Words in notes and highlights are searched with SQLite FTS5 (porter stemmer over unicode61,
diacritics folded), so `note:vote` finds "voting"; a word ending in `*` is a prefix.

Each article row and highlight records the library it was made in (the store's `library`,
`paths.library_id`; '' when not known: made before this was recorded, or through a store
opened for no library). `annotations` and `all_highlights` keep to one library when asked,
those of unknown library included; `give_to_library` attributes rows after the fact.

Highlights are deleted softly: `delete_highlight` hides one, `restore_highlight` undoes that,
`purge_deleted` forgets the ones deleted long ago.

No lost update between sessions: every highlight carries a `revision` (one more at each
change) and every article note a `note_revision`. A note saved with the revision and text it
was edited from (`base_revision`, `base_note`) raises `NoteConflict` when another session
changed that note meanwhile, never overwriting it silently. `data_version` tells a session
that another one has written.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar, final

from newsread.index.annotations import database, records
from newsread.index.annotations.anchoring import ANCHOR_STATUSES, anchor, make_selector
from newsread.index.annotations.model import (
    AnchoredHighlight,
    AnnotationError,
    ArticleAnnotations,
    ArticleInfo,
    ArticleMarks,
    ArticleMatches,
    ArticleRefs,
    ArticleState,
    Highlight,
    HighlightNotFound,
    MergeItem,
    MergeOutcome,
    NoteRecord,
    ReadRecord,
    TagCount,
    TagRecord,
)
from newsread.index.article import Article
from newsread.index.marks import has_unspaced
from newsread.index.private_files import make_private_dir
from newsread.index.text import sanitise

log = logging.getLogger(__name__)

T = TypeVar("T")


@final
class AnnotationStore:
    """The user's annotations in one SQLite file. Thread-safe; open one per process.

    Every method commits before it returns and raises `AnnotationError` (one-line message)
    when the database cannot be used; invalid arguments raise `ValueError`.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        *,
        recovered_from: Path | None = None,
        read_only: str = "",
        clock: Callable[[], datetime] | None = None,
        new_id: Callable[[], str] | None = None,
        attempts: int = 3,
        library: str = "",
        busy_timeout: float = 5.0,
    ) -> None:
        """Use `AnnotationStore.open`, which checks, recovers and migrates the file."""
        self._connection = connection
        self.path = path
        self.library = library
        """The library annotations made here are recorded in (`library_id`); "" for none."""
        self.recovered_from = recovered_from
        """Where a corrupt database was moved aside when this store was opened, else None."""
        self.read_only = read_only
        """Why the store can only be read (a full disk, a read-only folder), else ""."""
        self.salvaged: dict[str, int] = {}
        """Rows per table read back from the database moved aside (see `recovered_from`)."""
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._new_id = new_id or (lambda: uuid.uuid4().hex)
        self._attempts = max(1, attempts)
        self._busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._identity = None if read_only else database.file_identity(path)
        """The file the connection is on, to notice it deleted under us (`_keep_file`)."""
        self._notices: list[str] = []
        self._migrate_later = False
        """Read-only because an older newsread had the (older) store open: the first save
        after it quits migrates the store and writes there (`_writable_again`)."""

    # Opening and closing ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        db_path: Path,
        *,
        busy_timeout: float = 5.0,
        attempts: int = 3,
        clock: Callable[[], datetime] | None = None,
        new_id: Callable[[], str] | None = None,
        library: str = "",
        on_wait: Callable[[], None] | None = None,
    ) -> AnnotationStore:
        """Open (creating, recovering and migrating as needed) the store at `db_path`.

        Args:
            db_path: the database file; missing parent directories are created 0700.
            busy_timeout: seconds to wait for another session's write lock, per attempt.
            attempts: how many times a locked-out change is tried before giving up.
            clock: the time source (aware datetimes); tests pass a fixed one.
            new_id: makes highlight ids; tests pass a deterministic one.
            library: the library (`library_id`) what is annotated through this store belongs
                to; "" records none (annotations then show in every library).
            on_wait: called (from this thread) when migrating an older store must wait for
                another session's write lock, which takes up to `attempts` * `busy_timeout`.
        """
        db_path = Path(db_path)
        told = None if on_wait is None else _once(on_wait)
        # Held until the store is migrated: see `database.opening`.
        with database.opening(db_path, busy_timeout * attempts, told):
            recovered: Path | None = None
            salvaged: dict[str, int] = {}

            def opened(connection: sqlite3.Connection, **state: Any) -> AnnotationStore:
                """The store on `connection`, with the options it was opened with."""
                return cls(
                    connection,
                    db_path,
                    clock=clock,
                    new_id=new_id,
                    attempts=attempts,
                    library=library,
                    busy_timeout=busy_timeout,
                    **state,
                )

            def read_only(reader: sqlite3.Connection, reason: str) -> AnnotationStore:
                """The store as it is, read-only for `reason` (what is there is still the user's
                to read)."""
                return opened(reader, read_only=reason)

            try:
                try:
                    make_private_dir(db_path.parent)
                    recovered, salvaged = database.finish_rebuilds(db_path)
                    connection, identity = database.connect_checked(db_path, busy_timeout)
                    if connection is None:
                        recovered, salvaged = database.rebuild(db_path, identity)
                        connection, _ = database.connect_checked(db_path, busy_timeout)
                except OSError as error:
                    raise AnnotationError(
                        f"cannot open annotations at {db_path}: {error}"
                    ) from error
                except sqlite3.Error as error:  # the rebuilt store could not be written (disk full)
                    raise database.translate(error, "", "", db_path.parent) from error
            except AnnotationError:
                # A full disk or a read-only folder: what is there is still the user's to read.
                reason = database.unwritable(db_path.parent)
                reader = database.connect_read_only(db_path) if reason else None
                if reader is None:
                    raise
                return read_only(reader, reason)
            if connection is None:
                raise AnnotationError(f"{db_path}: cannot create a fresh annotations database")
            store = opened(connection, recovered_from=recovered)
            try:
                store._retrying("", lambda: database.configure(connection, db_path, told))
                store.salvaged = salvaged
            except database.OlderSessionOpen as error:
                connection.close()
                # Read as it is (migrated in memory); saved in once the older newsread quits.
                reader = database.connect_read_only(db_path)
                if reader is None:
                    raise
                store = read_only(reader, str(error))
                store._migrate_later = True
                return store
            except AnnotationError:
                connection.close()
                # An older store that cannot be migrated on a full disk: read it as it is.
                reason = database.unwritable(db_path.parent) if recovered is None else ""
                reader = database.connect_read_only(db_path) if reason else None
                if reader is None:
                    raise
                return read_only(reader, reason)
            except BaseException:
                connection.close()
                raise
            if recovered is not None:
                log.warning("annotations database was corrupt; moved to %s", recovered)
            return store

    @property
    def recovery_notice(self) -> str:
        """What the user should know about a damaged database set aside at open, or ""."""
        if self.recovered_from is None:
            return ""
        highlights, articles = self.salvaged.get("highlights", 0), self.salvaged.get("articles", 0)
        if highlights or articles:
            saved = (
                f"{highlights} highlight{'' if highlights == 1 else 's'} and the notes, tags and "
                f"marks of {articles} article{'' if articles == 1 else 's'} were read back from it"
                f" (`newsread import {self.recovered_from}` reads it again)"
            )
        else:
            saved = "nothing in it could be read back"
        return (
            f"the annotations database was damaged; it was moved to {self.recovered_from} "
            f"and a new one started: {saved}"
        )

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the database file, as closing does.

        A session ended by a hang-up leaves without closing (`os._exit`): its notes were in
        `annotations.sqlite3-wal` alone, and the database file that a backup or a sync of that
        one file takes had none of them. Waits a second at most for a write in progress.
        """
        if not self._lock.acquire(timeout=1.0):
            return
        try:
            self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as error:  # busy, read-only, a full disk: the WAL keeps it all
            log.debug("%s not checkpointed: %s", self.path, error)
        finally:
            self._lock.release()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def now(self) -> datetime:
        """The store's clock, as an aware UTC datetime."""
        moment = self._clock()
        if moment.tzinfo is None:
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)

    # Highlights -----------------------------------------------------------------------------

    def add_highlight(
        self, article: Article, start: int, end: int, *, colour: int = 1, note: str = ""
    ) -> Highlight:
        """Highlight `article.body[start:end]`; highlighting the same passage again returns it."""
        quote, prefix, suffix = make_selector(article.body, start, end)
        records.check_colour(colour)
        info = ArticleInfo.of(article)
        text = records.clean_note(note)

        def work(db: sqlite3.Connection) -> Highlight:
            now = self.now()
            self._touch_article(db, info, records.stamp(now), body=article.body, claim=True)
            existing = db.execute(
                "SELECT * FROM highlights WHERE deleted_at IS NULL AND article_id = ?"
                " AND quote = ? AND prefix = ? AND suffix = ?",
                (info.id, quote, prefix, suffix),
            ).fetchone()
            if existing is not None:
                return records.highlight(existing)
            highlight = Highlight(
                self._new_id(), info, colour, quote, prefix, suffix, start, end, "anchored",
                text, now, now, library=self.library,
            )  # fmt: skip
            records.insert_highlight(db, highlight)
            return highlight

        return self._write("highlight", work, unsaved=text)

    def get_highlight(self, highlight_id: str) -> Highlight | None:
        """The highlight with this id, deleted or not, or None."""
        return self._read(lambda db: self._find_highlight(db, highlight_id))

    def update_highlight(
        self,
        highlight_id: str,
        *,
        note: str | None = None,
        colour: int | None = None,
        base_revision: int | None = None,
        base_note: str | None = None,
    ) -> Highlight:
        """Change a highlight's note and/or colour.

        With `base_revision` (and `base_note`, the note as it was when editing began), a note
        that another session changed meanwhile is not overwritten: `NoteConflict`.
        """
        if colour is not None:
            records.check_colour(colour)
        text = None if note is None else records.clean_note(note)

        def work(db: sqlite3.Connection) -> Highlight:
            current = self._live_highlight(db, highlight_id)
            new_note = current.note if text is None else text
            new_colour = current.colour if colour is None else colour
            if text is not None:
                records.check_base(current.note, current.revision, text, base_revision, base_note)
            if (new_note, new_colour) != (current.note, current.colour):
                db.execute(
                    "UPDATE highlights SET note = ?, colour = ?, updated = ?,"
                    " revision = revision + 1 WHERE id = ?",
                    (new_note, new_colour, self._stamp(), highlight_id),
                )
            return self._get_highlight(db, highlight_id)

        return self._write("note" if note is not None else "highlight", work, unsaved=text or "")

    def recolour_highlight(self, highlight_id: str, colour: int) -> Highlight:
        """Give a highlight another colour (1-5)."""
        return self.update_highlight(highlight_id, colour=colour)

    def delete_highlight(self, highlight_id: str) -> Highlight:
        """Hide a highlight (and its note); `restore_highlight` brings it back."""

        def work(db: sqlite3.Connection) -> Highlight:
            self._live_highlight(db, highlight_id)
            db.execute(
                "UPDATE highlights SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                (self._stamp(), highlight_id),
            )
            return self._get_highlight(db, highlight_id)

        return self._write("deletion", work)

    def restore_highlight(self, highlight_id: str) -> Highlight:
        """Undo `delete_highlight`."""

        def work(db: sqlite3.Connection) -> Highlight:
            current = self._find_highlight(db, highlight_id)
            if current is None:
                raise HighlightNotFound(f"no highlight {highlight_id}")
            if current.deleted:
                try:
                    db.execute(
                        "UPDATE highlights SET deleted_at = NULL, revision = revision + 1"
                        " WHERE id = ?",
                        (current.id,),
                    )
                except sqlite3.IntegrityError:
                    raise AnnotationError("that passage has been highlighted again") from None
            return self._get_highlight(db, highlight_id)

        return self._write("highlight", work)

    def deleted_highlights(self, article: Article) -> list[Highlight]:
        """The article's deleted highlights not yet purged, the last deleted first: what an
        undo in a later session can bring back (`restore_highlight`)."""
        rows = self._read(
            lambda db: db.execute(
                "SELECT * FROM highlights WHERE deleted_at IS NOT NULL AND article_id = ?"
                " ORDER BY deleted_at DESC, seq DESC",
                (article.id,),
            ).fetchall()
        )
        return [records.highlight(row) for row in rows]

    def purge_deleted(self, older_than: timedelta = timedelta(days=30)) -> int:
        """Forget highlights deleted more than `older_than` ago; how many were removed."""

        def work(db: sqlite3.Connection) -> int:
            cutoff = records.stamp(self.now() - older_than)
            cursor = db.execute(
                "DELETE FROM highlights WHERE deleted_at IS NOT NULL AND deleted_at < ?", (cutoff,)
            )
            return cursor.rowcount

        return self._write("clean-up", work)

    def reattach_highlight(
        self, highlight_id: str, start: int, end: int, body: str, *, article: Article | None = None
    ) -> Highlight:
        """Anchor a highlight (typically an orphaned one) to `body[start:end]`, chosen anew.

        With `article`, the highlight also moves to that article (when it was found by path or
        URL under an identity that has since changed).
        """
        quote, prefix, suffix = make_selector(body, start, end)
        info = None if article is None else ArticleInfo.of(article)

        def work(db: sqlite3.Connection) -> Highlight:
            current = self._live_highlight(db, highlight_id)
            now = self._stamp()
            try:
                db.execute(
                    "UPDATE highlights SET quote = ?, prefix = ?, suffix = ?, start_offset = ?,"
                    " end_offset = ?, status = 'anchored', updated = ?, revision = revision + 1"
                    " WHERE id = ?",
                    (quote, prefix, suffix, start, end, now, highlight_id),
                )
                if info is not None:
                    self._touch_article(db, info, now, body=body)
                    records.relocate_highlight(
                        db, highlight_id, records.relocated(current.article, info)
                    )
            except sqlite3.IntegrityError:
                raise AnnotationError("that passage already has a highlight") from None
            return self._get_highlight(db, highlight_id)

        return self._write("highlight", work)

    def highlights_for(
        self, article: Article, copies: Collection[str] = ()
    ) -> list[AnchoredHighlight]:
        """The article's live highlights placed in its current text: text order, orphans last.

        Highlights made on the same article under another identity are included: found by
        URL, or by library key (if the title is the same or the highlight still anchors; only
        those made in this store's `library`, or where is not known). A
        changed placement (offsets, status, the article's new identity or place in the
        library) is saved for next time, but for a highlight made on one of `copies`: the keys
        of the library's other files of this identity (a page saved twice, a clipping of it
        with its URL), where it stays, cited as that file has it.
        """
        info = ArticleInfo.of(article)
        body = article.body
        url_key = info.url_key

        def work(db: sqlite3.Connection) -> tuple[list[sqlite3.Row], dict[str, sqlite3.Row]]:
            found = db.execute(
                "SELECT * FROM highlights WHERE deleted_at IS NULL AND (article_id = ?"
                " OR (article_url_key != '' AND article_url_key = ?)"
                " OR (article_key != '' AND article_key = ? AND (? = '' OR library IN (?, ''))))",
                (info.id, url_key, info.key, self.library, self.library),
            ).fetchall()
            made_on = {row["article_id"] for row in found} - {info.id}
            articles = {
                article_id: db.execute(
                    "SELECT * FROM articles WHERE article_id = ?", (article_id,)
                ).fetchone()
                for article_id in made_on
            }
            return found, {key: row for key, row in articles.items() if row is not None}

        rows, other_rows = self._read(work)
        placed: list[AnchoredHighlight] = []
        changes: list[tuple[Highlight, bool]] = []
        for row in rows:
            highlight = records.highlight(row)
            found = anchor(
                body,
                highlight.quote,
                highlight.prefix,
                highlight.suffix,
                highlight.start,
                highlight.end,
            )
            by_identity = highlight.article.id == info.id or bool(
                url_key and highlight.article.url_key == url_key
            )
            made_on = other_rows.get(highlight.article.id)
            if not by_identity and (
                records.other_address(highlight.article.url_key, url_key)
                or (made_on is not None and records.shown_other(made_on, info, body))
                or (
                    found.status == "orphaned"
                    and not records.same_title(highlight.article.title, info.title)
                    and not (
                        made_on is not None and records.same_article_at_key(made_on, info, body)
                    )
                )
            ):
                # A different article that once lived at this path, or that took its place
                # (a line added at the top of a JSON Lines feed moves every article down one
                # key; the same words at the same offsets are no reason to move a highlight).
                # Where the article's row keeps pieces of its text, they say which it is.
                continue
            current = replace(
                highlight,
                # An orphan keeps its last known offsets: they help the next search.
                start=highlight.start if found.start is None else found.start,
                end=highlight.end if found.end is None else found.end,
                status=found.status,
            )
            own = not self.library or highlight.library in ("", self.library)
            elsewhere = highlight.article.key != info.key and highlight.article.key in copies
            if own and not elsewhere and (found.status != "orphaned" or by_identity):
                # An orphan found only by its old key may be another article's (a feed's
                # lines shifted); one of this article's own follows its file like the others.
                # A highlight made in another library (its copy of the article) keeps that
                # library's path: shown here, it still opens there.
                current = replace(current, article=records.relocated(highlight.article, info))
            relocated = current.article != highlight.article
            if (relocated or current != highlight) and not elsewhere:
                changes.append((current, relocated))
            text = body[found.start : found.end] if found.start is not None else ""
            placed.append(AnchoredHighlight(current, found.start, found.end, found.status, text))
        if changes:
            self._save_placements(info, changes, body)
        placed.sort(key=lambda h: (h.start is None, h.start or 0, h.end or 0, h.highlight.created))
        return placed

    def move_article(self, old_id: str, article: Article) -> None:
        """Everything annotated on `old_id` (note, tags, read and starred, highlights, deleted
        ones included) now belongs to `article`: the same article, found again after its file
        moved and changed at once (`placing.follow_moved`).

        Should `article` already have a row (opened, marked read meanwhile), the two merge:
        flags and tags are kept from both, and two notes are both kept, the older first.
        """
        info = ArticleInfo.of(article)
        excerpts = records.excerpts_of(article.body)

        def work(db: sqlite3.Connection) -> None:
            if old_id == info.id:
                return
            old = db.execute("SELECT * FROM articles WHERE article_id = ?", (old_id,)).fetchone()
            new = db.execute("SELECT * FROM articles WHERE article_id = ?", (info.id,)).fetchone()
            if old is not None and new is None:
                # What the new reading lacks (a page's text dump names no address, no outlet,
                # no date), the row keeps from the old one: the citation the reader had.
                db.execute(
                    "UPDATE articles SET article_id = ?, key = ?, path = ?,"
                    " url = COALESCE(NULLIF(?, ''), url), url_key = COALESCE(NULLIF(?, ''), url_key),"
                    " title = ?, source = COALESCE(NULLIF(?, ''), source),"
                    " published = COALESCE(?, published), excerpts = ? WHERE seq = ?",
                    (*records.info_values(info), excerpts, old["seq"]),
                )  # tags follow (ON UPDATE CASCADE)
                records.keep_citation(db, old["seq"], info)
            elif old is not None and new is not None:
                records.merge_article_rows(db, old, new, self._stamp())
            self._move_highlights(db, old_id, info)

        self._write("article", work)

    def resembles(self, article_id: str, body: str) -> bool | None:
        """Whether `body` holds most of the pieces of text kept for `article_id`'s row (see
        `records.excerpts_of`); None when no row keeps any."""
        row = self._read(
            lambda db: db.execute(
                "SELECT excerpts FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
        )
        return None if row is None else records.resembles(row[0], body)

    def excerpts(self, article_id: str) -> list[str]:
        """The pieces of text kept for `article_id`'s row (`records.excerpts_of`: case and
        spacing folded); none when it has no row or its row keeps none."""
        row = self._read(
            lambda db: db.execute(
                "SELECT excerpts FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
        )
        return [] if row is None or not row[0] else [p for p in row[0].split("\n") if p]

    def highlight_refs(self) -> ArticleRefs:
        """The articles with live highlights: their identities, library keys and URLs."""
        rows = self._read(
            lambda db: db.execute(
                "SELECT DISTINCT article_id, article_key, article_url_key FROM highlights"
                " WHERE deleted_at IS NULL"
            ).fetchall()
        )
        return ArticleRefs(
            frozenset(row[0] for row in rows),
            frozenset(row[1] for row in rows if row[1]),
            frozenset(row[2] for row in rows if row[2]),
        )

    def all_highlights(
        self,
        *,
        tag: str | None = None,
        colour: int | None = None,
        text_query: str | None = None,
        limit: int | None = None,
        library: str | None = None,
    ) -> list[Highlight]:
        """Live highlights, newest first: every library's, or `library`'s.

        Args:
            tag: only highlights in articles with this tag (any case).
            colour: only this colour.
            text_query: words that must all occur in the quote or the note (FTS5, stemmed).
            limit: at most this many.
            library: only those made in this library (`library_id`), and those made where
                it is not known.
        """
        clauses = ["h.deleted_at IS NULL"]
        params: list[Any] = []
        if library is not None:
            clauses.append("h.library IN (?, '')")
            params.append(library)
        if colour is not None:
            clauses.append("h.colour = ?")
            params.append(colour)
        if tag is not None:
            name = records.tag_query(tag)
            if name is None:
                return []
            clauses.append(
                "h.article_id IN (SELECT article_id FROM tags WHERE newsread_tag_key(tag) = ?)"
            )
            params.append(database.tag_key(name))
        if text_query is not None:
            match = records.fts_query(text_query.split())
            if match is None:
                return []
            clauses.append(
                "h.seq IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)"
            )
            params.append(match)
        sql = f"SELECT h.* FROM highlights h WHERE {' AND '.join(clauses)}"
        sql += " ORDER BY h.created DESC, h.seq DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self._read(lambda db: db.execute(sql, params).fetchall())
        return [records.highlight(row) for row in rows]

    def count_elsewhere(self, library: str) -> int:
        """How many live highlights were made in libraries other than `library` (the ones
        `all_highlights(library=library)` leaves out)."""
        row = self._read(
            lambda db: db.execute(
                "SELECT COUNT(*) FROM highlights WHERE deleted_at IS NULL"
                " AND library NOT IN (?, '')",
                (library,),
            ).fetchone()
        )
        return int(row[0])

    # Article state ---------------------------------------------------------------------------

    def article_state(self, article: Article) -> ArticleState:
        """The article's note, tags, read and starred state (defaults if never annotated)."""
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> sqlite3.Row | None:
            return records.find_article_row(db, info, body, self.library)

        row = self._read(work)
        if row is None:
            return ArticleState(info)
        if row["article_id"] != info.id or not row["excerpts"]:
            # Found by its place under another identity (a new title), or kept from before
            # rows held excerpts: the row takes the article as it is now, so that the results
            # list and `note:` find it too.
            try:
                return self._write("article", lambda db: self._state_of_touched(db, info, body))
            except AnnotationError:
                pass  # Read-only or locked: what was read is shown all the same.
        return self._read(lambda db: records.state(db, row, info))

    def article_note(self, article: Article) -> str:
        """The note on the whole article, "" if none."""
        note: str = self.article_state(article).note
        return note

    def set_article_note(
        self,
        article: Article,
        text: str,
        *,
        base_revision: int | None = None,
        base_note: str | None = None,
    ) -> ArticleState:
        """Set (or, with blank text, remove) the note on the whole article.

        With `base_revision` (and `base_note`), a note another session changed meanwhile is
        not overwritten: `NoteConflict`.
        """
        note = records.clean_note(text)
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> ArticleState:
            now = self._stamp()
            row = self._touch_article(db, info, now, body=body, claim=True)
            records.check_base(row["note"], row["note_revision"], note, base_revision, base_note)
            if note != row["note"]:
                created = (row["note_created"] or now) if note else None
                db.execute(
                    "UPDATE articles SET note = ?, note_created = ?, note_updated = ?,"
                    " updated = ?, note_revision = note_revision + 1 WHERE seq = ?",
                    (note, created, now if note else None, now, row["seq"]),
                )
            return self._state_of(db, info)

        return self._write("note", work, unsaved=note)

    def add_tags(self, article: Article, *tags: str) -> tuple[str, ...]:
        """Tag the article; returns all its tags. An existing tag keeps its first spelling.
        Raises ValueError for a tag that is empty or too long."""
        names = [records.new_tag(tag) for tag in tags]
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> tuple[str, ...]:
            now = self._stamp()
            row = self._touch_article(db, info, now, body=body, claim=True)
            for name in names:
                known = db.execute(
                    "SELECT tag FROM tags WHERE newsread_tag_key(tag) = ? LIMIT 1",
                    (database.tag_key(name),),
                ).fetchone()
                db.execute(
                    "INSERT OR IGNORE INTO tags (article_id, tag, created) VALUES (?, ?, ?)",
                    (row["article_id"], known[0] if known else name, now),
                )
            current: tuple[str, ...] = self._state_of(db, info).tag_names
            return current

        return self._write("tags", work)

    def remove_tags(self, article: Article, *tags: str) -> tuple[str, ...]:
        """Untag the article; returns the tags left."""
        names = [records.clean_tag(tag) for tag in tags]
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> tuple[str, ...]:
            row = records.find_article_row(db, info, body, self.library)
            if row is None:
                return ()
            for name in names:
                db.execute(
                    "DELETE FROM tags WHERE article_id = ? AND newsread_tag_key(tag) = ?",
                    (row["article_id"], database.tag_key(name)),
                )
            return tuple(tag.name for tag in records.tags(db, row["article_id"]))

        return self._write("tags", work)

    def all_tags(self, library: str | None = None) -> list[TagCount]:
        """Every tag with the number of articles carrying it: most used first, then by name.
        With `library`, only the articles tagged in that library (`library_id`), or where is
        not known, are counted."""
        where, params = ("", ()) if library is None else (" WHERE a.library IN (?, '')", (library,))
        rows = self._read(
            lambda db: db.execute(
                # An article holding two spellings of one tag (stored before tags were folded
                # as words are) counts once; the tag goes by its first spelling (SQLite takes
                # a bare column from the row MIN() picks).
                "SELECT t.tag, MIN(t.created), COUNT(DISTINCT t.article_id) AS n FROM tags t"
                f" LEFT JOIN articles a ON a.article_id = t.article_id{where} GROUP BY newsread_tag_key(t.tag)"
                " ORDER BY n DESC, t.tag COLLATE NOCASE",
                params,
            ).fetchall()
        )
        return [TagCount(row[0], row[2]) for row in rows]

    def set_read(self, article: Article, read: bool = True) -> ArticleState:
        """Mark the article read (now) or unread."""
        return self._set_flag(article, "read_at", read, "read state")

    def set_starred(self, article: Article, starred: bool = True) -> ArticleState:
        """Star or unstar the article."""
        return self._set_flag(article, "starred_at", starred, "star")

    def toggle_starred(self, article: Article) -> bool:
        """Flip the article's star; returns whether it is starred now."""
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> bool:
            now = self._stamp()
            row = self._touch_article(db, info, now, body=body, claim=True)
            starred = row["starred_at"] is None
            db.execute(
                "UPDATE articles SET starred_at = ?, updated = ? WHERE seq = ?",
                (now if starred else None, now, row["seq"]),
            )
            return starred

        return self._write("star", work)

    def marks(
        self,
        articles: Sequence[ArticleInfo],
        body: Callable[[ArticleInfo], str | None] | None = None,
    ) -> list[ArticleMarks]:
        """Annotated, starred and read for each article, in one read (a page of results).

        Articles are recognised as `article_state` and `highlights_for` recognise them: by
        identity, URL or library key. `body` gives an article's text when only that can say
        whether the row at its key is its own (a file read anew with another title): without
        it, its note, tags and star were marked only once it was opened.
        """
        if not articles:
            return []
        ids = sorted({a.id for a in articles})
        urls = sorted({a.url_key for a in articles if a.url_key})
        keys = sorted({a.key for a in articles if a.key})

        def among(columns: tuple[str, str, str]) -> tuple[str, list[str]]:
            clauses, params = [], []
            for column, values in zip(columns, (ids, urls, keys), strict=True):
                if values:
                    clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                    params.extend(values)
            return " OR ".join(clauses), params

        def work(db: sqlite3.Connection) -> list[ArticleMarks]:
            where, params = among(("article_id", "url_key", "key"))
            rows = db.execute(f"SELECT * FROM articles WHERE {where}", params).fetchall()
            rows.sort(key=lambda row: row["updated"], reverse=True)
            where, params = among(("article_id", "article_url_key", "article_key"))
            highlighted = db.execute(
                "SELECT DISTINCT article_id, article_url_key, article_key, library FROM highlights"
                f" WHERE deleted_at IS NULL AND ({where})",
                params,
            ).fetchall()
            found = [row["article_id"] for row in rows]
            kept = set(found)
            tagged = records.ids(
                db,
                f"SELECT article_id FROM tags WHERE article_id IN ({', '.join('?' * len(found))})",
                *found,
            )
            marks = []
            for info in articles:
                row = records.pick_article_row(rows, info, library=self.library)
                if row is None and body is not None and any(r["key"] == info.key for r in rows):
                    row = records.pick_article_row(rows, info, body(info), self.library)
                own = {info.id} if row is None else {info.id, row["article_id"]}
                annotated = any(
                    h[0] in own
                    or bool(info.url_key and h[1] == info.url_key)
                    or bool(
                        info.key
                        and h[2] == info.key
                        and h[3] in ("", self.library or h[3])
                        and not records.other_address(h[1], info.url_key)
                        # Made on an article whose row this one is not (it took the key):
                        # not shown with it, as `highlights_for` says.
                        and h[0] not in kept
                    )
                    for h in highlighted
                )
                if row is not None:
                    annotated = annotated or bool(row["note"]) or row["article_id"] in tagged
                marks.append(
                    ArticleMarks(
                        annotated=annotated,
                        starred=row is not None and row["starred_at"] is not None,
                        read=row is not None and row["read_at"] is not None,
                    )
                )
            return marks

        return self._read(work)

    def recognised(self, articles: Sequence[Article]) -> list[str | None]:
        """The identity of the row each article's note, tags and flags are kept under, as
        `article_state` finds it (by identity, URL, else by its library key where the row
        is shown to be its own), or None: what a search for those asks of an article found
        by a key, which another article may have taken since."""

        def work(db: sqlite3.Connection) -> list[str | None]:
            found = []
            for article in articles:
                row = records.find_article_row(
                    db, ArticleInfo.of(article), article.body, self.library
                )
                found.append(None if row is None else row["article_id"])
            return found

        return self._read(work)

    # Queries for search and export ----------------------------------------------------------

    def articles_matching(
        self,
        *,
        tags: Iterable[str] = (),
        note_words: Iterable[str] = (),
        highlight_words: Iterable[str] = (),
        has_highlights: bool | None = None,
        has_notes: bool | None = None,
        starred: bool | None = None,
        read: bool | None = None,
    ) -> ArticleMatches:
        """The articles meeting all the given annotation filters (search's `tag:` etc.).

        Args:
            tags: `tag:x` - carries every one of these tags (any case).
            note_words: `note:w` - each word occurs in the article note or a highlight's note.
            highlight_words: `highlight:w` - each word occurs in a highlighted passage.
            has_highlights: `has:highlights` (True) or its negation (False).
            has_notes: `has:notes` - an article note or a highlight with a note.
            starred: `is:starred`.
            read: `is:read` (True) or `is:unread` (False).
        Words are matched with FTS5: stemmed, case- and accent-insensitive; `w*` is a prefix.
        """

        def work(db: sqlite3.Connection) -> ArticleMatches:
            positive: list[set[str]] = []
            negative: set[str] = set()
            for tag in tags:
                name = records.tag_query(tag)
                positive.append(
                    set()
                    if name is None
                    else records.ids(
                        db,
                        "SELECT article_id FROM tags WHERE newsread_tag_key(tag) = ?",
                        database.tag_key(name),
                    )
                )
            for word in note_words:
                match = records.fts_query([word])
                if match is not None and has_unspaced(word):
                    # FTS5's unicode61 reads a run of Chinese, Japanese or Thai as one word:
                    # a word inside it is looked for as it is written.
                    needle = sanitise(word.rstrip("*"))
                    positive.append(
                        records.ids(
                            db,
                            "SELECT article_id FROM articles WHERE instr(note, ?) > 0 UNION"
                            " SELECT article_id FROM highlights WHERE instr(note, ?) > 0"
                            " AND deleted_at IS NULL",
                            needle,
                            needle,
                        )
                    )
                    continue
                positive.append(
                    set()
                    if match is None
                    else records.ids(
                        db,
                        "SELECT a.article_id FROM articles a JOIN article_notes_fts f"
                        " ON f.rowid = a.seq WHERE article_notes_fts MATCH ?"
                        " UNION SELECT h.article_id FROM highlights h JOIN highlights_fts f"
                        " ON f.rowid = h.seq WHERE highlights_fts MATCH ?"
                        " AND h.deleted_at IS NULL",
                        match,
                        "note : " + match,
                    )
                )
            for word in highlight_words:
                match = records.fts_query([word])
                if match is not None and has_unspaced(word):
                    positive.append(
                        records.ids(
                            db,
                            "SELECT article_id FROM highlights WHERE instr(quote, ?) > 0"
                            " AND deleted_at IS NULL",
                            sanitise(word.rstrip("*")),
                        )
                    )
                    continue
                positive.append(
                    set()
                    if match is None
                    else records.ids(
                        db,
                        "SELECT h.article_id FROM highlights h JOIN highlights_fts f"
                        " ON f.rowid = h.seq WHERE highlights_fts MATCH ?"
                        " AND h.deleted_at IS NULL",
                        "quote : " + match,
                    )
                )
            flags = (
                (has_highlights, "SELECT article_id FROM highlights WHERE deleted_at IS NULL"),
                (
                    has_notes,
                    (
                        "SELECT article_id FROM articles WHERE note != '' UNION SELECT"
                        " article_id FROM highlights WHERE note != '' AND deleted_at IS NULL"
                    ),
                ),
                (starred, "SELECT article_id FROM articles WHERE starred_at IS NOT NULL"),
                (read, "SELECT article_id FROM articles WHERE read_at IS NOT NULL"),
            )
            for wanted, sql in flags:
                if wanted is True:
                    positive.append(records.ids(db, sql))
                elif wanted is False:
                    negative |= records.ids(db, sql)
            include = None
            if positive:
                include = records.refs(db, set.intersection(*positive) - negative, self.library)
            return ArticleMatches(include, records.refs(db, negative, self.library))

        return self._read(work)

    def annotations(
        self, article_ids: Iterable[str] | None = None, *, library: str | None = None
    ) -> list[ArticleAnnotations]:
        """Every annotated article with its highlights, note, tags and star, for export.

        Articles come in the order they were first annotated (then by title); highlights in
        text order, orphans last. Articles with nothing but a read mark are left out. With
        `library`, only what was made in that library (`library_id`), or where is not known.
        """
        wanted = None if article_ids is None else set(article_ids)
        where, params = ("", ()) if library is None else (" AND library IN (?, '')", (library,))

        def work(db: sqlite3.Connection) -> list[ArticleAnnotations]:
            grouped: dict[str, list[Highlight]] = {}
            for row in db.execute(
                f"SELECT * FROM highlights WHERE deleted_at IS NULL{where} ORDER BY created, seq",
                params,
            ):
                if wanted is None or row["article_id"] in wanted:
                    grouped.setdefault(row["article_id"], []).append(records.highlight(row))
            states: dict[str, ArticleState] = {}
            libraries = {article_id: found[0].library for article_id, found in grouped.items()}
            for row in db.execute(f"SELECT * FROM articles WHERE 1{where}", params):
                if wanted is None or row["article_id"] in wanted:
                    states[row["article_id"]] = records.state(db, row, records.article_info(row))
                    libraries[row["article_id"]] = row["library"] or libraries.get(
                        row["article_id"], ""
                    )
            items = []
            for article_id in set(grouped) | set(states):
                if wanted is not None and article_id not in wanted:
                    continue
                highlights = grouped.get(article_id, [])
                state = states.get(article_id) or ArticleState(highlights[-1].article)
                if not (highlights or state.note or state.tags or state.starred):
                    continue
                highlights.sort(key=lambda h: (h.orphaned, h.start or 0, h.end or 0))
                items.append(
                    ArticleAnnotations(state, tuple(highlights), library=libraries[article_id])
                )
            items.sort(
                key=lambda a: (
                    a.first_annotated or datetime.max.replace(tzinfo=timezone.utc),
                    a.article.title.casefold(),
                    a.article.id,
                )
            )
            return items

        return self._read(work)

    def read_marks(
        self, article_ids: Iterable[str] | None = None, *, library: str | None = None
    ) -> list[ReadRecord]:
        """The articles marked read, in the order they were read: those of `article_ids`, and
        with `library`, those read there or where is not known (as `annotations` chooses)."""
        wanted = None if article_ids is None else set(article_ids)
        where, params = ("", ()) if library is None else (" AND library IN (?, '')", (library,))
        rows = self._read(
            lambda db: db.execute(
                f"SELECT * FROM articles WHERE read_at IS NOT NULL{where} ORDER BY read_at, seq",
                params,
            ).fetchall()
        )
        return [
            ReadRecord(
                records.article_info(row), records.required_time(row["read_at"]), row["library"]
            )
            for row in rows
            if wanted is None or row["article_id"] in wanted
        ]

    def annotated_articles(self, library: str | None = None) -> list[ArticleInfo]:
        """Every article the store keeps something for (with `library`, made there or where
        is not known), as it names it: a quick list (no highlights, notes or tags) to look the
        articles up by before loading any."""
        where, params = ("", ()) if library is None else (" AND library IN (?, '')", (library,))

        def work(db: sqlite3.Connection) -> list[ArticleInfo]:
            infos = {
                row["article_id"]: records.article_info(row)
                for row in db.execute(f"SELECT * FROM articles WHERE 1{where}", params)
            }
            for row in db.execute(
                "SELECT * FROM highlights WHERE deleted_at IS NULL"
                f" AND article_id NOT IN (SELECT article_id FROM articles){where}"
                " GROUP BY article_id",
                params,
            ):
                infos.setdefault(row["article_id"], records.highlight(row).article)
            return list(infos.values())

        return self._read(work)

    def articles_by_library(self) -> dict[str, dict[str, ArticleInfo]]:
        """The articles annotated in each library ("": not known), by id, with the key, path
        and title they were last found at (deleted highlights included): what
        `give_to_library` may hand over."""

        def work(db: sqlite3.Connection) -> dict[str, dict[str, ArticleInfo]]:
            found: dict[str, dict[str, ArticleInfo]] = {}
            for row in db.execute(
                "SELECT library, article_id, key, title, path FROM articles UNION"
                " SELECT library, article_id, article_key, article_title, article_path"
                " FROM highlights"
            ):
                made = found.setdefault(row[0], {})
                made.setdefault(row[1], ArticleInfo(row[1], key=row[2], path=row[4], title=row[3]))
            return found

        return self._read(work)

    def give_to_library(
        self, article_ids: Iterable[str], library: str, taken_from: Iterable[str] = ("",)
    ) -> int:
        """Record the annotations of these articles made in a library of `taken_from` ("":
        not known) as made in `library`; how many rows changed. For annotations whose library
        was not recorded, and for a library folder moved or renamed (`claim_annotations`)."""
        ids = sorted(set(article_ids))
        sources = sorted(set(taken_from) - {library})
        if not ids or not sources:
            return 0

        def work(db: sqlite3.Connection) -> int:
            changed = 0
            marks = ", ".join("?" * len(sources))
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                among = ", ".join("?" * len(chunk))
                for table in ("articles", "highlights"):
                    changed += db.execute(
                        f"UPDATE {table} SET library = ?"
                        f" WHERE article_id IN ({among}) AND library IN ({marks})",
                        (library, *chunk, *sources),
                    ).rowcount
            return changed

        return self._write("library", work)

    def merge(
        self, items: Sequence[MergeItem], libraries: Sequence[str] = ()
    ) -> list[MergeOutcome]:
        """Add annotations read from an export, in one transaction; one outcome per item.

        A highlight already present (same id, or same passage of the same article) is updated
        only if the incoming copy was modified later; one deleted here stays deleted. A note
        replaces a different local note only if it is newer, and only if it still says what the
        local one says: else both are kept (`records.imported_note`). Tags, stars and read
        marks are added (an article unread here but read in the import is read after it).

        `libraries`, one per item: the library each was made in, when not this store's ("":
        this store's); an export of every library names each annotation's.
        """
        made_in = [name or self.library for name in libraries] or [self.library] * len(items)

        def work(db: sqlite3.Connection) -> list[MergeOutcome]:
            now = self._stamp()
            return [
                self._merge_one(db, item, now, library)
                for item, library in zip(items, made_in, strict=True)
            ]

        return self._write("import", work)

    def mark_exported(self, items: Sequence[ArticleAnnotations]) -> None:
        """Record in each note's sync base the text `items` (a JSON export, written) gave it:
        this export imported here again later is then known for an old copy, and a note
        edited since is kept (`records.sync_verdict`)."""

        def work(db: sqlite3.Connection) -> None:
            for item in items:
                for highlight in item.highlights:
                    row = db.execute(
                        "SELECT note_synced FROM highlights WHERE id = ?", (highlight.id,)
                    ).fetchone()
                    if row is not None:
                        self._mark_synced(
                            db, "highlights", "id", highlight.id, row[0], highlight.note
                        )
                if item.state.note:
                    row = db.execute(
                        "SELECT seq, note_synced FROM articles WHERE article_id = ?",
                        (item.article.id,),
                    ).fetchone()
                    if row is not None:
                        self._mark_synced(db, "articles", "seq", row[0], row[1], item.state.note)

        self._write("the export's record", work)

    def data_version(self) -> int:
        """A number that changes when another connection (another session) commits a change."""
        with self._lock:
            try:
                self._keep_file()
                value: int = self._connection.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error as error:
                raise database.translate(error, "", "", self.path.parent) from error
            except OSError as error:  # the file deleted, and no room to write it again
                raise AnnotationError(f"annotations not read: {error}") from error
            return value

    # Internals -------------------------------------------------------------------------------

    def _stamp(self) -> str:
        return records.stamp(self.now())

    def _retrying(self, what: str, work: Callable[[], T], unsaved: str = "") -> T:
        """Run `work`, retrying while another session holds the lock; map SQLite errors."""
        with self._lock:
            for attempt in range(self._attempts):
                try:
                    return work()
                except sqlite3.OperationalError as error:
                    if database.is_busy(error) and attempt + 1 < self._attempts:
                        time.sleep(0.05 * 2**attempt)
                        continue
                    raise database.translate(error, what, unsaved, self.path.parent) from error
                except sqlite3.DatabaseError as error:
                    raise database.translate(error, what, unsaved, self.path.parent) from error
            raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(self, begin: str, work: Callable[[sqlite3.Connection], T]) -> T:
        db = self._connection
        db.execute(begin)
        try:
            result = work(db)
            db.execute("COMMIT")
        except BaseException:
            database.rollback(db)
            raise
        return result

    def _write(self, what: str, work: Callable[[sqlite3.Connection], T], unsaved: str = "") -> T:
        folder = self.path.parent
        if self._migrate_later or (
            self.read_only == database.full_disk(folder) and not database.disk_full(folder)
        ):
            # The older newsread that had it open has quit, or the disk full at open has room
            # now: written from then on, without a restart ("free some space" was said, and
            # freeing it changed nothing).
            self._writable_again()
        if self.read_only:
            advice = "; free some space" if database.disk_full(self.path.parent) else ""
            raise AnnotationError(f"{self.read_only}: {what} not saved{advice}", unsaved)
        with self._lock:
            try:
                self._keep_file()
            except (OSError, sqlite3.Error) as error:
                raise AnnotationError(
                    f"the annotations database {self.path} was deleted or replaced and cannot"
                    f" be used ({error}): {what} not saved",
                    unsaved,
                ) from error
            return self._retrying(what, lambda: self._transaction("BEGIN IMMEDIATE", work), unsaved)

    def _writable_again(self) -> None:
        """Open the store file for writing, migrating it, if what kept this store read-only
        is over (the older newsread of `_migrate_later` has quit, the disk has room); else
        stay as it is."""
        with self._lock, database.opening(self.path, self._busy_timeout):
            try:
                connection, identity = database.connect_checked(self.path, self._busy_timeout)
            except (OSError, sqlite3.Error, AnnotationError) as error:
                log.debug("%s not reopened: %s", self.path, error)
                return
            if connection is None:
                return
            try:
                database.configure(connection, self.path)
            except (AnnotationError, sqlite3.Error) as error:
                connection.close()
                if isinstance(error, database.OlderSessionOpen):
                    self.read_only = str(error)
                return
            self._connection.close()
            self._connection, self._identity = connection, identity
            self.read_only, self._migrate_later = "", False

    def _keep_file(self) -> None:
        """Go on with the database at `path` if its file was deleted or replaced while open.

        SQLite goes on reading and writing the file it opened, and everything saved there
        would be gone when newsread quits. Deleted (a clean-up): this session still has every
        note, so it writes them all where the next session will look. Replaced (a sync tool,
        a restore): the new file is used from now on, and what this session had is kept in
        a copy beside it, said where.
        """
        if self._identity is None:
            return
        now = database.file_identity(self.path)
        if now == self._identity:
            return
        if now is None:
            database.write_again(self._connection, self.path)
            notice = (
                "The annotations database was deleted while newsread ran; every highlight and "
                f"note this session had is written again at {self.path}"
            )
        else:
            # Its WAL, still at the path's name, is read as the new file's: emptied into the
            # file it belongs to, then the connection closed, before the new file is opened.
            # Until then another newsread opening the path reads and writes this WAL too, so
            # what it saved meanwhile is in this file, and in the copy kept of it.
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            kept = database.keep_copy(self._connection, self.path, "replaced")
            self._connection.close()
            notice = (
                f"The annotations database was replaced while newsread ran (a sync? a restore?): "
                f"newsread now uses the new {self.path}; what this session had, and what "
                f"another newsread saved before this one noticed, is kept in {kept}: "
                f"`newsread import {kept}` adds it to the new one"
            )
        self._connection, self._identity = self._reconnect()
        log.warning("%s", notice)
        self._notices.append(notice)

    def _reconnect(self) -> tuple[sqlite3.Connection, tuple[int, int]]:
        connection, identity = database.connect_checked(self.path, self._busy_timeout)
        if connection is None:  # fails its check: nothing to go on with
            raise sqlite3.DatabaseError(f"{self.path} is damaged")
        database.configure(connection, self.path)
        return connection, identity

    def take_notices(self) -> list[str]:
        """What happened to the store's file since last asked (see `_keep_file`), once."""
        with self._lock:
            notices, self._notices = self._notices, []
            return notices

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        return self._retrying("", lambda: self._transaction("BEGIN", work))

    def _find_highlight(self, db: sqlite3.Connection, highlight_id: str) -> Highlight | None:
        row = db.execute("SELECT * FROM highlights WHERE id = ?", (highlight_id,)).fetchone()
        return None if row is None else records.highlight(row)

    def _get_highlight(self, db: sqlite3.Connection, highlight_id: str) -> Highlight:
        highlight = self._find_highlight(db, highlight_id)
        assert highlight is not None
        return highlight

    def _live_highlight(self, db: sqlite3.Connection, highlight_id: str) -> Highlight:
        highlight = self._find_highlight(db, highlight_id)
        if highlight is None or highlight.deleted:
            raise HighlightNotFound(f"no highlight {highlight_id}")
        return highlight

    def _touch_article(
        self,
        db: sqlite3.Connection,
        info: ArticleInfo,
        now: str,
        refresh: bool = True,
        body: str | None = None,
        claim: bool = False,
        library: str | None = None,
    ) -> sqlite3.Row:
        """The article's row, created if new (in this store's `library`).

        With `refresh`, the row takes the article's current identity (tags follow), key, title,
        URL ...; imports pass False, as what they carry may be older than what is here. With
        `body` (the article's text), the row is also found and kept by pieces of it
        (`records.excerpts_of`). With `claim` (the user annotates it here, or imports into
        this library), a row made before libraries were recorded becomes this library's.
        `library`: the library a new row is made in, if not this store's (an import naming
        the library each annotation was made in).
        """
        made_in = self.library if library is None else library
        row = records.find_article_row(db, info, body, made_in)
        excerpts = "" if body is None else records.excerpts_of(body)
        if row is None:
            cursor = db.execute(
                "INSERT INTO articles (article_id, key, path, url, url_key, title, source,"
                " published, created, updated, excerpts, library)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*records.info_values(info), now, now, excerpts, made_in),
            )
            seq = cursor.lastrowid
            assert seq is not None
            records.keep_citation(db, seq, info)
        else:
            seq = row["seq"]
            if claim and made_in and not row["library"]:
                db.execute("UPDATE articles SET library = ? WHERE seq = ?", (made_in, seq))
            if refresh:
                db.execute(
                    "UPDATE articles SET article_id = ?, key = ?, path = ?, url = ?, url_key = ?,"
                    " title = ?, source = ?, published = ?, excerpts = ? WHERE seq = ?",
                    (*records.info_values(info), excerpts or row["excerpts"], seq),
                )
                records.keep_citation(db, seq, info)
                if row["article_id"] != info.id:
                    self._move_highlights(db, row["article_id"], info)
        found = db.execute("SELECT * FROM articles WHERE seq = ?", (seq,)).fetchone()
        assert found is not None
        return found  # type: ignore[no-any-return]

    def _move_highlights(self, db: sqlite3.Connection, article_id: str, info: ArticleInfo) -> None:
        """The highlights made on `article_id` follow its row to `info`'s identity (as its
        tags do), orphans and deleted ones included."""
        rows = db.execute("SELECT * FROM highlights WHERE article_id = ?", (article_id,))
        for row in rows.fetchall():
            highlight = records.highlight(row)
            try:
                records.relocate_highlight(
                    db, highlight.id, records.relocated(highlight.article, info)
                )
            except sqlite3.IntegrityError:
                self._fold_highlight(db, highlight, info.id)

    def _fold_highlight(
        self, db: sqlite3.Connection, highlight: Highlight, article_id: str
    ) -> None:
        """`highlight`'s passage is highlighted under `article_id` already (the same text
        saved in two files, each highlighted): one highlight, with both notes; left under its
        old identity, it was an orphan of an article no longer there."""
        kept = db.execute(
            "SELECT * FROM highlights WHERE deleted_at IS NULL AND article_id = ?"
            " AND quote = ? AND prefix = ? AND suffix = ?",
            (article_id, highlight.quote, highlight.prefix, highlight.suffix),
        ).fetchone()
        now = self._stamp()
        note = "\n\n".join(dict.fromkeys(n for n in (kept["note"], highlight.note) if n))
        if note != kept["note"]:
            db.execute(
                "UPDATE highlights SET note = ?, updated = ?, revision = revision + 1 WHERE id = ?",
                (note, now, kept["id"]),
            )
        db.execute(
            "UPDATE highlights SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
            (now, highlight.id),
        )

    def _state_of_touched(
        self, db: sqlite3.Connection, info: ArticleInfo, body: str
    ) -> ArticleState:
        self._touch_article(db, info, self._stamp(), body=body)
        return self._state_of(db, info)

    def _state_of(self, db: sqlite3.Connection, info: ArticleInfo) -> ArticleState:
        row = db.execute("SELECT * FROM articles WHERE article_id = ?", (info.id,)).fetchone()
        return (
            ArticleState(info) if row is None else records.state(db, row, records.article_info(row))
        )

    def _set_flag(self, article: Article, column: str, on: bool, what: str) -> ArticleState:
        info = ArticleInfo.of(article)
        body = article.body

        def work(db: sqlite3.Connection) -> ArticleState:
            now = self._stamp()
            row = self._touch_article(db, info, now, body=body, claim=True)
            if (row[column] is not None) != on:
                db.execute(
                    f"UPDATE articles SET {column} = ?, updated = ? WHERE seq = ?",
                    (now if on else None, now, row["seq"]),
                )
            return self._state_of(db, info)

        return self._write(what, work)

    def _save_placements(
        self,
        info: ArticleInfo,
        changes: list[tuple[Highlight, bool]],
        body: str,
    ) -> None:
        def work(db: sqlite3.Connection) -> None:
            if any(relocated for _, relocated in changes):
                self._touch_article(db, info, self._stamp(), body=body)
            for highlight, relocated in changes:
                db.execute(
                    "UPDATE highlights SET start_offset = ?, end_offset = ?, status = ?"
                    " WHERE id = ?",
                    (highlight.start, highlight.end, highlight.status, highlight.id),
                )
                if relocated:
                    try:
                        records.relocate_highlight(db, highlight.id, highlight.article)
                    except sqlite3.IntegrityError:
                        # The same passage is highlighted under the new identity too: keep both.
                        log.info("highlight %s left under its old article id", highlight.id)

        try:
            self._write("highlight positions", work)
        except AnnotationError as error:
            # Placements are recomputed on every open; failing to cache them loses nothing.
            log.warning("highlight positions not saved: %s", error)

    def _merge_one(
        self, db: sqlite3.Connection, item: MergeItem, now: str, library: str
    ) -> MergeOutcome:
        if isinstance(item, Highlight):
            return self._merge_highlight(db, item, now, library)
        row = self._touch_article(db, item.article, now, refresh=False, claim=True, library=library)
        article_id = row["article_id"]
        if isinstance(item, NoteRecord):
            return self._merge_article_note(db, row, item, now)
        if isinstance(item, TagRecord):
            name = records.clean_tag(item.tag)
            known = db.execute(
                "SELECT tag FROM tags WHERE newsread_tag_key(tag) = ? LIMIT 1",
                (database.tag_key(name),),
            ).fetchone()
            cursor = db.execute(
                "INSERT OR IGNORE INTO tags (article_id, tag, created) VALUES (?, ?, ?)",
                (article_id, known[0] if known else name, records.stamp(item.created)),
            )
            return "added" if cursor.rowcount else "unchanged"
        if isinstance(item, ReadRecord):
            # Additive, as reading is: an import never un-reads, nor moves a read mark here.
            if row["read_at"] is not None:
                return "unchanged"
            db.execute(
                "UPDATE articles SET read_at = ?, updated = ? WHERE seq = ?",
                (records.stamp(item.read), now, row["seq"]),
            )
            return "added"
        if row["starred_at"] is not None:
            return "unchanged"
        db.execute(
            "UPDATE articles SET starred_at = ?, updated = ? WHERE seq = ?",
            (records.stamp(item.created), now, row["seq"]),
        )
        return "added"

    def _merge_article_note(
        self, db: sqlite3.Connection, row: sqlite3.Row, item: NoteRecord, now: str
    ) -> MergeOutcome:
        """An imported article note merged with the one here (`merge`)."""
        note, ours = records.clean_note(item.text), row["note"]
        if not note:
            return "unchanged"
        here, there = row["note_updated"] or "", records.stamp(item.updated)
        verdict = records.sync_verdict(ours, row["note_synced"].split(), note, item.versions)
        if verdict is None:  # an export that does not give its versions: by time, as before
            taken = not (
                note == ours
                or (ours and here > there)
                # A note as old as the one here, with other words: edited in the file by hand
                # (newsread stamps every edit), and taken as newer, as `_merge_highlight`
                # does, unless an import kept it here already.
                or (ours and here == there and note in ours)
            )
        else:
            taken = verdict in ("theirs", "both")
        if verdict == "theirs":
            result, both = note, False
        else:
            result, both = records.imported_note(ours, note) if taken else (ours, False)
        if taken:
            db.execute(
                "UPDATE articles SET note = ?, note_created = ?, note_updated = ?, updated = ?,"
                " note_revision = note_revision + 1 WHERE seq = ?",
                (result, records.stamp(item.created), max(here, there), now, row["seq"]),
            )
        self._mark_synced(db, "articles", "seq", row["seq"], row["note_synced"], result, item, note)
        if not taken:
            return "unchanged"
        return "both" if both else "updated" if ours else "added"

    def _merge_synced_highlight(
        self,
        db: sqlite3.Connection,
        existing: Highlight,
        item: Highlight,
        note: str,
        verdict: records.SyncVerdict,
    ) -> MergeOutcome:
        """An imported highlight (of the same id) merged by its note's versions
        (`records.sync_verdict`): a deleted one comes back when its note was edited there
        since this store last had it, never losing that edit."""
        synced = " ".join(existing.synced)
        if verdict == "ours":  # an old copy of this one: nothing changed there since
            return "unchanged"
        if existing.deleted:
            live = db.execute(
                "SELECT id FROM highlights WHERE deleted_at IS NULL AND article_id = ?"
                " AND quote = ? AND prefix = ? AND suffix = ?",
                (existing.article.id, existing.quote, existing.prefix, existing.suffix),
            ).fetchone()
            if live is None:
                db.execute(
                    "UPDATE highlights SET deleted_at = NULL, note = ?, colour = ?, updated = ?,"
                    " revision = revision + 1 WHERE id = ?",
                    (note, item.colour, records.stamp(item.updated), existing.id),
                )
                self._mark_synced(db, "highlights", "id", existing.id, synced, note, item, note)
                return "restored"
            # The passage is highlighted again here: the edit goes into that one's note (the
            # deleted one's base records it, taken).
            self._mark_synced(db, "highlights", "id", existing.id, synced, note, item, note)
            kept = self._get_highlight(db, live[0])
            if note.strip() in kept.note:
                return "unchanged"
            result, both = records.imported_note(kept.note, note)
            db.execute(
                "UPDATE highlights SET note = ?, revision = revision + 1 WHERE id = ?",
                (result, kept.id),
            )
            return "both" if both else "updated"
        result, both = (
            (note, False) if verdict == "theirs" else records.imported_note(existing.note, note)
        )
        later = item.updated > existing.updated
        db.execute(
            "UPDATE highlights SET note = ?, colour = ?, updated = ?, revision = revision + 1"
            " WHERE id = ?",
            (
                result,
                item.colour if verdict == "theirs" or later else existing.colour,
                records.stamp(max(item.updated, existing.updated)),
                existing.id,
            ),
        )
        self._mark_synced(db, "highlights", "id", existing.id, synced, result, item, note)
        return "both" if both else "updated"

    @staticmethod
    def _mark_synced(
        db: sqlite3.Connection,
        table: str,
        key: str,
        value: object,
        synced: str,
        result: str,
        item: Highlight | NoteRecord | None = None,
        theirs: str = "",
    ) -> None:
        """Add to a note's sync base (`note_synced` of the row whose `key` is `value`) the text
        an export gave (`result`, with no `item`), or the text an import left when that holds
        the imported one (`theirs`), with it and the texts `item` says it came from. Never a
        text the import left out: an import of this store's export elsewhere would take the
        copy there, if unchanged, for an old one and drop it."""
        if item is None:
            digests = [records.note_digest(result)]
        elif theirs.strip() in result:
            versions = item.synced if isinstance(item, Highlight) else item.versions
            digests = [*versions, records.note_digest(theirs), records.note_digest(result)]
        else:
            return
        updated = records.synced_with(synced, digests)
        if updated != synced:
            db.execute(f"UPDATE {table} SET note_synced = ? WHERE {key} = ?", (updated, value))

    def _merge_highlight(
        self, db: sqlite3.Connection, item: Highlight, now: str, library: str
    ) -> MergeOutcome:
        records.check_colour(item.colour)
        if item.status not in ANCHOR_STATUSES:
            raise ValueError(f"unknown anchoring status {item.status!r}")
        note = records.clean_note(item.note)
        article_id = self._touch_article(
            db, item.article, now, refresh=False, claim=True, library=library
        )["article_id"]
        existing = self._find_highlight(db, item.id)
        same = existing is not None
        if existing is None:
            row = db.execute(
                "SELECT id FROM highlights WHERE deleted_at IS NULL AND article_id = ?"
                " AND quote = ? AND prefix = ? AND suffix = ?",
                (article_id, item.quote, item.prefix, item.suffix),
            ).fetchone()
            existing = None if row is None else self._find_highlight(db, row[0])
        if existing is None:
            article = replace(item.article, id=article_id)
            synced = records.note_versions(item.synced, note) if item.synced else ()
            records.insert_highlight(
                db,
                replace(item, article=article, note=note, library=library, synced=synced),
            )
            return "added"
        if library and not existing.library:
            db.execute("UPDATE highlights SET library = ? WHERE id = ?", (library, existing.id))
        if same:
            verdict = records.sync_verdict(existing.note, existing.synced, note, item.synced)
            if verdict not in (None, "same"):  # else by time, as before (a recolouring too)
                return self._merge_synced_highlight(db, existing, item, note, verdict)
        if existing.deleted:
            return "unchanged"
        outcome, result = self._merge_by_time(db, existing, item, note, same)
        if same:
            base = " ".join(existing.synced)
            self._mark_synced(db, "highlights", "id", existing.id, base, result, item, note)
        return outcome

    def _merge_by_time(
        self, db: sqlite3.Connection, existing: Highlight, item: Highlight, note: str, same: bool
    ) -> tuple[MergeOutcome, str]:
        """An imported highlight merged with `existing` (`same`: of its id) by which changed
        later; the outcome and the note left."""
        # One as old as this with another note or colour was edited in the file by hand
        # (newsread stamps every edit of its own): taken as newer, never dropped for older.
        if existing.updated > item.updated:
            if same or not note.strip() or note.strip() in existing.note:
                return "unchanged", existing.note
            # Another highlight of the same passage (made there, not an earlier copy of this
            # one): its note is the user's too, however old, and is kept beside this one's.
            note, _ = records.imported_note(existing.note, note)
            db.execute(
                "UPDATE highlights SET note = ?, revision = revision + 1 WHERE id = ?",
                (note, existing.id),
            )
            return ("both" if existing.note.strip() else "updated"), note
        if existing.updated == item.updated and note.strip() in existing.note:
            note = existing.note  # kept here already (an import kept both), or none there
        if (existing.note, existing.colour) == (note, item.colour):
            return "unchanged", note
        note, both = records.imported_note(existing.note, note)
        db.execute(
            "UPDATE highlights SET note = ?, colour = ?, updated = ?, revision = revision + 1"
            " WHERE id = ?",
            (note, item.colour, records.stamp(item.updated), existing.id),
        )
        return ("both" if both else "updated"), note


def _once(call: Callable[[], None]) -> Callable[[], None]:
    """`call`, made to run on the first call alone."""
    called = False

    def once() -> None:
        nonlocal called
        if not called:
            called = True
            call()

    return once
