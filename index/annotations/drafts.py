"""Drafts of notes being written, kept on disk so a dropped connection loses nothing.

Each running newsread is a *session* with its own folder under the drafts folder (in the
user's data dir), holding a `lock` file locked (`flock`) for the life of the process, one
`<slot>.json` per note being edited and, while `$EDITOR` runs, that editor's `<slot>.md`.
A session whose lock can be taken is dead (the kernel drops the lock with the process, even
on SIGKILL): the next session to start moves its drafts to `recovered/`, where they wait
until the user keeps or discards them. A live session's drafts are never touched.

Everything is private (folders 0700, files 0600) and written atomically (a temporary file in
the same folder, fsync, rename). No Textual here; `newsread.tui.drafts` is the app's glue.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from newsread.index.private_files import make_private_dir, owned_private_dir, write_private
from newsread.index.text import note_text

log = logging.getLogger(__name__)

SESSIONS = "sessions"
RECOVERED = "recovered"
LOCK = "lock"
FORMAT = 1
UNLOCKED_GRACE = 60.0
"""Seconds a session folder without a lock file is left alone: it may be starting up."""


@dataclass(frozen=True)
class Draft:
    """The unsaved text of one note, with what it was written against.

    `target` is "article" (the note on the whole article) or a highlight id. `base` and
    `base_revision` are the note's stored text and revision when editing began, so a draft
    kept later can still be checked against what another session saved meanwhile.
    """

    article_id: str
    target: str
    text: str
    base: str = ""
    base_revision: int = 0
    article_key: str = ""
    title: str = ""
    """What the note is on, for the user ("Note on “…”")."""
    updated: datetime | None = None

    @property
    def slot(self) -> str:
        """The file name stem of this note's draft: the same note always has the same one."""
        return slot_name(self.article_id, self.target)

    @property
    def changed(self) -> bool:
        return self.text.rstrip() != self.base.rstrip()

    def is_for(self, article_id: str, article_key: str, target: str, title: str = "") -> bool:
        """Whether this draft is of that note: the article found by identity, else by its key
        (`title`: the article's, as drafts keep it). The key of an article in a file of
        several (`feed.json#2`) is a position, which another article takes when one is put
        before it: there the title must be the draft's too."""
        if target != self.target:
            return False
        if article_id == self.article_id:
            return True
        if not article_key or article_key != self.article_key:
            return False
        return not article_key.rpartition("#")[2].isdigit() or title == self.title


def slot_name(article_id: str, target: str) -> str:
    return hashlib.sha1(f"{article_id}\0{target}".encode()).hexdigest()[:20]


def draft_to_json(draft: Draft) -> dict[str, Any]:
    data = asdict(draft)
    data["updated"] = None if draft.updated is None else draft.updated.isoformat()
    data["format"] = FORMAT
    return data


def draft_from_json(data: Any) -> Draft | None:
    """A draft read back, or None for anything that is not one (never raises)."""
    if not isinstance(data, dict):
        return None
    try:
        updated = data.get("updated")
        return Draft(
            article_id=str(data["article_id"]),
            target=str(data["target"]),
            text=str(data["text"]),
            base=str(data.get("base", "")),
            base_revision=int(data.get("base_revision", 0)),
            article_key=str(data.get("article_key", "")),
            title=str(data.get("title", "")),
            updated=datetime.fromisoformat(updated) if isinstance(updated, str) else None,
        )
    except (KeyError, TypeError, ValueError):
        return None


def read_draft(path: Path) -> Draft | None:
    """The draft in `<slot>.json`, with the text of its `<slot>.md` if `$EDITOR` saved one."""
    try:
        draft = draft_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if draft is None:
        return None
    editor_file = path.with_suffix(".md")
    try:
        edited = note_text(editor_file.read_bytes())
        written = editor_file.stat().st_mtime_ns
        stamp = datetime.fromtimestamp(written / 1e9, timezone.utc)
        newer = written >= path.stat().st_mtime_ns
    except OSError:
        return draft
    if newer and edited.rstrip() not in (draft.text.rstrip(), draft.base.rstrip()):
        # `:w` in the editor after the draft was last written: the editor's file is newer.
        draft = replace(draft, text=edited.rstrip("\n"), updated=stamp)
    return draft


def _try_lock(file: IO[bytes]) -> bool:
    """Take the exclusive lock on `file` without waiting; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): every other session counts as alive
        return False
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class DraftFolder:
    """One session's drafts, and the drafts recovered from dead sessions.

    Thread-safe: drafts are written from worker threads and flushed from signal handlers
    (on the main thread), so every file operation holds one re-entrant lock.
    """

    def __init__(self, root: Path, session: str | None = None, spare: Path | None = None) -> None:
        """`spare`: a folder off `root`'s disk (`paths.spare_dir`), checked when used, where
        drafts go when `root` cannot take them (a full disk), and are recovered from."""
        self.root = root
        self.session = session or f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._spare_top = spare
        self._spare: DraftFolder | None = None
        self.spared = False
        """Whether the last draft written went to the spare folder."""
        self._lock_file: IO[bytes] | None = None
        self._mutex = threading.RLock()
        self.others_alive = False
        """Whether the last `recover` found another session alive (its drafts left alone)."""
        self.set_aside: list[Path] = []
        """Files the last `recover` found damaged and moved to `recovered/` (`_set_aside`)."""

    @property
    def folder(self) -> Path:
        """This session's folder."""
        return self.root / SESSIONS / self.session

    @property
    def recovered_folder(self) -> Path:
        return self.root / RECOVERED

    # -- the session ------------------------------------------------------------------------

    def open(self) -> None:
        """Create this session's folder and lock it (idempotent)."""
        with self._mutex:
            if self._lock_file is not None:
                return
            make_private_dir(self.folder)
            descriptor = os.open(self.folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
            self._lock_file = os.fdopen(descriptor, "r+b")
            _try_lock(self._lock_file)

    def close(self) -> None:
        """End the session: its folder goes if no draft is left in it, then the lock."""
        with self._mutex:
            if self._spare is not None:
                self._spare.close()
            if self._lock_file is None:
                return
            left = [p for p in self.folder.iterdir() if p.name != LOCK]
            if not left:
                (self.folder / LOCK).unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    self.folder.rmdir()
            self._lock_file.close()  # releases the lock; drafts left are recovered next time
            self._lock_file = None

    def recover(self) -> list[Draft]:
        """Move the drafts of dead sessions to `recovered/`; returns every draft waiting there."""
        sessions = self.root / SESSIONS
        alive = False
        self.set_aside = []
        spares = self.spare_root / SESSIONS if self._spare_usable(create=False) else None
        for folder in (sessions, spares):
            with contextlib.suppress(FileNotFoundError):
                for other in sorted(folder.iterdir()) if folder else ():
                    if other.name != self.session and other.is_dir():
                        alive = not self._recover_session(other) or alive
        self.others_alive = alive
        with contextlib.suppress(FileNotFoundError):
            for path in sorted(self.recovered_folder.glob("*.json")):
                if _damaged(path):  # put there by hand, or damaged on the disk since
                    self._set_aside(path, path.with_name(f"{path.name}.damaged"))
        return self.recovered()

    def _recover_session(self, folder: Path) -> bool:
        """Recover `folder`'s drafts if its session is dead; False if it was left alone (alive,
        starting up, or unreadable)."""
        try:
            lock = open(folder / LOCK, "rb")
        except FileNotFoundError:
            # A session that died before locking, or one starting this very moment.
            try:
                if time.time() - folder.stat().st_mtime < UNLOCKED_GRACE:
                    return False
            except OSError:
                return False
            lock = None
        except OSError as error:
            log.warning("drafts of %s left alone: %s", folder, error)
            return False
        try:
            if lock is not None and not _try_lock(lock):
                return False  # alive
            make_private_dir(self.recovered_folder)
            read = set()
            for path in sorted(folder.glob("*.json")):
                draft = read_draft(path)
                if draft is None:
                    if _damaged(path):
                        name = f"{path.stem}-{folder.name}.json.damaged"
                        self._set_aside(path, self.recovered_folder / name)
                    continue
                read.add(path.stem)
                if draft.changed:
                    target = self.recovered_folder / f"{draft.slot}-{folder.name}.json"
                    write_private(target, json.dumps(draft_to_json(draft), ensure_ascii=False))
            for path in sorted(folder.glob("*.md")):
                # What `$EDITOR` saved for a draft that does not read: the user's words.
                if path.stem not in read and path.stat().st_size:
                    self._set_aside(path, self.recovered_folder / f"{path.stem}-{folder.name}.md")
            shutil.rmtree(folder, ignore_errors=True)
            return True
        finally:
            if lock is not None:
                lock.close()

    def waiting(self) -> int:
        """How many drafts of ended sessions wait, in their folders or in `recovered/`, read
        without writing anything (on a full disk `recover`, which moves them, cannot)."""
        count = sum(1 for _ in self._recovered_files())
        spares = self.spare_root / SESSIONS if self._spare_usable(create=False) else None
        for folder in (self.root / SESSIONS, spares):
            with contextlib.suppress(OSError):  # none, or not a folder (nothing waits there)
                for other in sorted(folder.iterdir()) if folder else ():
                    if other.name != self.session and other.is_dir() and _ended(other):
                        drafts = (read_draft(path) for path in sorted(other.glob("*.json")))
                        count += sum(1 for draft in drafts if draft is not None and draft.changed)
        return count

    def _set_aside(self, path: Path, target: Path) -> None:
        """Keep a damaged draft (or the editor's file of one) where the user can read it: the
        rest of its text may be there, and a note being written is never thrown away."""
        os.replace(path, target)
        self.set_aside.append(target)

    def recovered(self) -> list[Draft]:
        """The recovered drafts waiting for the user, newest first."""
        drafts = [d for _, d in self._recovered_files()]
        return sorted(drafts, key=_age, reverse=True)

    def _recovered_files(self) -> Iterator[tuple[Path, Draft]]:
        with contextlib.suppress(FileNotFoundError):
            for path in sorted(self.recovered_folder.glob("*.json")):
                draft = read_draft(path)
                if draft is not None:
                    yield path, draft

    def recovered_file(self, draft: Draft) -> Path | None:
        """Where a recovered draft waits; None once it was kept or discarded."""
        for path, other in self._recovered_files():
            if other == draft:
                return path
        return None

    def recovered_for(
        self, article_id: str, article_key: str, target: str, title: str = ""
    ) -> Draft | None:
        """The newest recovered draft of this note, or None (`Draft.is_for`)."""
        found = [d for d in self.recovered() if d.is_for(article_id, article_key, target, title)]
        return found[0] if found else None

    def forget_recovered(self, draft: Draft) -> None:
        """The user kept or discarded a recovered draft: it no longer waits."""
        with self._mutex:
            for path, other in list(self._recovered_files()):
                if other == draft:
                    path.unlink(missing_ok=True)
                    return

    # -- this session's drafts --------------------------------------------------------------

    def write(self, draft: Draft) -> None:
        """Save `draft` in this session's folder (atomically, 0600), else (a full disk) in
        the spare folder; raises the first folder's error when neither takes it."""
        with self._mutex:
            try:
                self.open()
                make_private_dir(self.folder)  # removed under us (by hand, say): made again
                text = json.dumps(draft_to_json(draft), ensure_ascii=False)
                write_private(self.folder / f"{draft.slot}.json", text)
            except OSError:
                if not self._write_spare(draft):
                    raise
                self.spared = True
                return
            self.spared = False
            if self._spare is not None:  # an older copy there is stale now
                self._spare.remove(draft.slot)

    @property
    def spare_root(self) -> Path:
        """Where drafts go when this folder's disk cannot take them (see `__init__`)."""
        # One per drafts folder (a NEWSREAD_HOME of its own has its own).
        digest = hashlib.sha1(os.fsencode(self.root.absolute())).hexdigest()[:12]
        return (self._spare_top or self.root) / f"drafts-{digest}"

    def _spare_usable(self, *, create: bool = True) -> bool:
        """Whether the spare folder is there (made if `create`) and the user's alone."""
        top = self._spare_top
        if top is None or not (create or os.path.lexists(top)):
            return False  # looking for drafts there makes no folder in /tmp
        return owned_private_dir(top)

    def open_spare(self) -> bool:
        """Open this session's folder in the spare folder; whether drafts can be kept there."""
        with self._mutex:
            if self._spare is None:
                if not self._spare_usable():
                    return False
                self._spare = DraftFolder(self.spare_root, self.session)
            try:
                self._spare.open()
            except OSError:
                return False
            return True

    def _write_spare(self, draft: Draft) -> bool:
        if not self.open_spare() or self._spare is None:
            return False
        try:
            self._spare.write(draft)
        except OSError:
            return False
        return True

    def remove(self, slot: str) -> None:
        """The note was saved or discarded: its draft (and editor file) go."""
        with self._mutex:
            for suffix in (".json", ".md"):
                (self.folder / f"{slot}{suffix}").unlink(missing_ok=True)
            if self._spare is not None:
                self._spare.remove(slot)

    def editor_file(self, slot: str) -> Path:
        """Where `$EDITOR` edits this note: in the session folder, so `:w` is recovered too."""
        with self._mutex:
            self.open()
            return self.folder / f"{slot}.md"

    def own(self) -> list[Draft]:
        """This session's drafts (tests, and a last look before quitting)."""
        drafts = (read_draft(p) for p in sorted(self.folder.glob("*.json")))
        return [d for d in drafts if d is not None]


def _ended(folder: Path) -> bool:
    """Whether the session of `folder` has ended (its lock free, or never taken and old)."""
    try:
        with open(folder / LOCK, "rb") as lock:
            return _try_lock(lock)  # closing the file lets the lock go again
    except FileNotFoundError:
        try:
            return time.time() - folder.stat().st_mtime >= UNLOCKED_GRACE
        except OSError:
            return False
    except OSError:
        return False


def _damaged(path: Path) -> bool:
    """Whether `path` holds something (it reads, and is not empty) that is not a draft."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and read_draft(path) is None and os.access(path, os.R_OK)


def _age(draft: Draft) -> datetime:
    return draft.updated or datetime.min.replace(tzinfo=timezone.utc)
