"""The app's side of note drafts: what is typed is on disk within a moment, whatever happens.

`DraftKeeper` belongs to the app. Each note editor gets a `NoteDraft` from it and reports the
text as it changes; the keeper writes it (debounced, in a thread) to this session's drafts
folder (`newsread.index.annotations.drafts`), writes everything still pending at once on
SIGHUP/SIGTERM (`newsread.tui.hangup`) and when quitting, and removes a draft once its note is
saved or discarded. At start-up it collects the drafts dead sessions left behind and says so;
opening such a note offers its draft.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from newsread.index import paths
from newsread.index.annotations.drafts import Draft, DraftFolder
from newsread.index.text import sanitise_line
from newsread.tui.hangup import Hangup

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from newsread.index.article import Article

log = logging.getLogger(__name__)

DELAY = 0.4
"""Seconds of quiet typing after which the draft is written."""
LOOK_AGAIN = (1.0, 2.0, 4.0, 8.0)
"""Seconds after which dead sessions' drafts are looked for again while another session was
alive at the last look: a window whose terminal just closed may still be writing its drafts
and exiting when newsread starts again (an SSH connection re-made at once); its drafts are then
offered in this session, not only in the next."""


class Leaving(Protocol):
    def shut_down(self, return_code: int = 0) -> None: ...


def _tick() -> None:
    """Nothing: being called is the point (see `DraftKeeper.start`)."""


def drafts_root() -> Path:
    return paths.data_dir() / "drafts"


class NoteDraft:
    """One note's draft in this session, as its editor changes it."""

    def __init__(self, keeper: DraftKeeper, draft: Draft) -> None:
        self._keeper = keeper
        self.draft = draft

    def update(self, text: str) -> None:
        """The text changed: the draft is written shortly."""
        self.draft = replace(self.draft, text=text, updated=datetime.now(timezone.utc))
        self._keeper.keep(self.draft)

    def finished(self) -> None:
        """The note was saved, or its changes discarded: the draft goes."""
        self._keeper.drop(self.draft.slot)

    def editor_file(self, text: str) -> Path:
        """The file `$EDITOR` edits, after the draft (with `text`) is written next to it."""
        self.draft = replace(self.draft, text=text, updated=datetime.now(timezone.utc))
        self._keeper.keep(self.draft)
        self._keeper.flush()
        return self._keeper.folder.editor_file(self.draft.slot)

    def editor_done(self) -> None:
        """`$EDITOR` returned: its file goes, unless the session is ending under it."""
        if self._keeper.hung_up is None:
            self._keeper.folder.editor_file(self.draft.slot).unlink(missing_ok=True)


class DraftKeeper:
    """This session's drafts and the recovered ones (see the module docstring)."""

    def __init__(self, app: App[Any], root: Path | None = None) -> None:
        self._app = app
        self._root = root
        self._folder: DraftFolder | None = None
        self._pending: dict[str, Draft] = {}
        self._lock = threading.RLock()
        self._timer: Timer | None = None
        self._hangup: Hangup | None = None
        self.recovered: list[Draft] = []
        """Drafts from dead sessions, newest first, until the user keeps or discards them."""
        self.problem = ""
        """Why the last draft could not be written, if it could not."""
        self._has_article: Callable[[Draft], bool] | None = None
        self._stored_note: Callable[[Draft], str | None] | None = None
        self._library_known = False
        """Whether the library has opened (or failed to): recovered drafts are said then."""
        self._unsaid: list[Draft] = []
        self._stranded_checked: list[Draft] = []
        self._seen: set[Draft] = set()
        self._looks = 0
        self.on_hang_up: Callable[[], object] | None = None
        """Run after the drafts are written when a signal ends the session (the app puts
        its notes' log into their database file: the process ends without closing it)."""

    @property
    def folder(self) -> DraftFolder:
        with self._lock:
            if self._folder is None:
                spare = None if self._root else paths.spare_dir()
                self._folder = DraftFolder(self._root or drafts_root(), spare=spare)
            return self._folder

    # -- the session ------------------------------------------------------------------------

    def start(self, leave: Leaving) -> None:
        """Catch SIGHUP/SIGTERM, then collect dead sessions' drafts in a thread."""
        loop = asyncio.get_running_loop()
        # In the app's context: the hang-up comes from a thread (the terminal watcher) or a
        # handler run while the loop waits, where Textual's `active_app` is not set, and the
        # timers `shut_down` sets died of that (LookupError): the orderly exit never came.
        context = contextvars.copy_context()
        self._hangup = Hangup(
            self._save_for_hang_up,
            lambda code: loop.call_soon_threadsafe(leave.shut_down, code, context=context),
        ).install()
        # A signal delivered to another thread is handled only once the main thread runs
        # Python again; an idle event loop may sleep for long. This tick bounds the wait.
        self._app.set_interval(0.5, _tick, name="hang-up tick")
        self._look()

    def _save_for_hang_up(self) -> None:
        self.flush()
        if self.on_hang_up is not None:
            self.on_hang_up()

    def _look(self) -> None:
        self._app.run_worker(self._recover, thread=True, group="drafts", exit_on_error=False)

    def _recover(self) -> None:
        try:
            self.folder.open()
            drafts = self.folder.recover()
            alive = self.folder.others_alive
            set_aside = self.folder.set_aside
        except OSError as error:
            why = (error.strerror or str(error)).lower()
            if self.folder.open_spare():
                lost = f"they are kept in {self.folder.spare_root} meanwhile"
            else:
                lost = "one still open when this window closes is lost"
            self._app.call_from_thread(
                self._app.notify,
                f"Notes being written cannot be kept as drafts in {self.folder.root} ({why}): "
                + lost,
                severity="warning",
            )
            self._say_waiting()
            return
        if set_aside:
            more = f" (and {len(set_aside) - 1} more)" if len(set_aside) > 1 else ""
            self._app.call_from_thread(
                self._app.notify,
                f"A note's draft is damaged and cannot be offered; what it holds is kept in "
                f"{set_aside[0]}{more}",
                severity="warning",
                timeout=20,
            )
        self._app.call_from_thread(self._recovered, drafts, alive)

    def _say_waiting(self) -> None:
        """Drafts of ended sessions that could not be recovered (a full disk): said, since
        they are offered only at a launch that can (in a thread)."""
        try:
            waiting = self.folder.waiting()
        except OSError as error:
            log.warning("drafts waiting not counted: %s", error)
            return
        if waiting:
            notes = "1 unsaved note" if waiting == 1 else f"{waiting} unsaved notes"
            self._app.call_from_thread(
                self._app.notify,
                f"{notes} of an earlier session wait{'s' if waiting == 1 else ''}: offered "
                f"once newsread starts and can write in {self.folder.root}",
                severity="warning",
                timeout=20,
            )

    def _recovered(self, drafts: list[Draft], alive: bool = False) -> None:
        if alive and self._looks < len(LOOK_AGAIN):
            self._app.set_timer(LOOK_AGAIN[self._looks], self._look, name="drafts look again")
            self._looks += 1
        # Those a look before found are in `recovered` or were kept or discarded since.
        new = [draft for draft in drafts if draft not in self._seen]
        self._seen.update(new)
        self.recovered = new + self.recovered
        self._unsaid += new
        self._say_recovered()

    def library_open(self, stored_note: Callable[[Draft], str | None] | None) -> None:
        """The library opened (`stored_note(draft)`, called in a thread, is the note a draft
        was written for as saved now, None when it cannot tell), or failed to (None)."""
        self._library_known = True
        self._stored_note = stored_note
        self._say_recovered()

    def _say_recovered(self) -> None:
        """Say the recovered drafts not said yet, once the library is known: a draft holding
        what its note already says (killed between saving the note and dropping the draft)
        is no unsaved note, and goes without a word."""
        drafts, self._unsaid = self._unsaid, []
        if not drafts:
            return
        if not self._library_known:
            self._unsaid = drafts
            return
        stored = self._stored_note
        if stored is None:
            self._tell_recovered(drafts)
            return
        self._app.run_worker(
            lambda: self._app.call_from_thread(self._tell_recovered, self._unsaved(drafts, stored)),
            thread=True,
            group="drafts",
            exit_on_error=False,
        )

    def _unsaved(self, drafts: list[Draft], stored: Callable[[Draft], str | None]) -> list[Draft]:
        """The drafts that differ from their note as saved (in a thread); the others go."""
        unsaved = []
        for draft in drafts:
            try:
                note = stored(draft)
            except Exception as error:  # noqa: BLE001 - cannot tell: offered, as before
                log.warning("draft not compared with its note: %s", error)
                note = None
            if note is not None and note.rstrip() == draft.text.rstrip():
                self._app.call_from_thread(self.forget_recovered, draft)
            else:
                unsaved.append(draft)
        return unsaved

    def _tell_recovered(self, new: list[Draft]) -> None:
        new = [draft for draft in new if draft in self.recovered]  # not kept or discarded since
        if not new:
            return
        count = len(new)
        what = f"{count} unsaved note{'s' if count > 1 else ''} recovered"
        titles = ", ".join(f"“{d.title}”" for d in new[:2] if d.title)
        self._app.notify(
            f"{what}{f' ({titles})' if titles else ''}: open the note to keep or discard it",
            severity="warning",
            timeout=12,
        )
        self._check_stranded()

    def library_ready(self, has_article: Callable[[Draft], bool]) -> None:
        """The library is up to date: `has_article(draft)` (called in a thread) says whether
        the article of a recovered draft is in it."""
        self._has_article = has_article
        self._check_stranded()

    def _check_stranded(self) -> None:
        drafts = [d for d in self.recovered if d not in self._stranded_checked]
        if self._has_article is None or not drafts:
            return
        self._stranded_checked += drafts
        has_article = self._has_article
        self._app.run_worker(
            lambda: self._tell_stranded(drafts, has_article),
            thread=True,
            group="drafts",
            exit_on_error=False,
        )

    def _tell_stranded(self, drafts: list[Draft], has_article: Callable[[Draft], bool]) -> None:
        """Say where the text of a recovered draft waits when its article is gone (deleted,
        or moved and changed): its note cannot be opened to keep or discard it."""
        for draft in drafts:
            path = None if has_article(draft) else self.folder.recovered_file(draft)
            if path is not None:
                self._app.call_from_thread(
                    self._app.notify,
                    f"The unsaved note on “{draft.title or draft.article_key}” is on an article "
                    f"no longer in the library; its text is kept in {path}",
                    severity="warning",
                    timeout=20,
                )

    @property
    def hung_up(self) -> int | None:
        """The signal that ended this session, if one did."""
        return None if self._hangup is None else self._hangup.received

    def close(self) -> None:
        """Write what is pending and end the session (drafts left are recovered next time)."""
        self.flush()
        try:
            self.folder.close()
        except OSError as error:
            log.warning("drafts folder not closed: %s", error)
        if self._hangup is not None:
            self._hangup.uninstall()
            self._hangup.done()

    # -- drafts -----------------------------------------------------------------------------

    def draft_for(
        self, article: Article, target: str, base: str, base_revision: int, title: str
    ) -> NoteDraft:
        draft = Draft(
            article_id=article.id,
            target=target,
            text=base,
            base=base,
            base_revision=base_revision,
            article_key=article.key,
            title=title,
        )
        return NoteDraft(self, draft)

    def keep(self, draft: Draft) -> None:
        """Write `draft` once the typing pauses (event loop only)."""
        with self._lock:
            self._pending[draft.slot] = draft
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(DELAY, self._write_soon)

    def _write_soon(self) -> None:
        self._timer = None
        self._app.run_worker(self._flush_and_tell, thread=True, group="drafts", exit_on_error=False)

    def _flush_and_tell(self) -> None:
        """`flush`, and when drafts stop (or start again) being written, say so: a note the
        disk does not hold is lost if the terminal goes away."""
        before, spared = self.problem, self.folder.spared
        self.flush()
        if self.folder.spared and not spared and not self.problem:
            self._app.call_from_thread(
                self._app.notify,
                f"The disk of {self.folder.root} cannot take the draft of the note being "
                f"written: it is kept in {self.folder.spare_root} until saved",
                severity="warning",
                timeout=12,
            )
        if self.problem and not before:
            self._app.call_from_thread(
                self._app.notify,
                f"The note being written is not kept on disk ({self.problem}): if this "
                "window closes before it is saved (ctrl+s), it is lost",
                severity="error",
                timeout=20,
            )
        elif before and not self.problem:
            self._app.call_from_thread(
                self._app.notify, "The note being written is kept on disk again"
            )

    def flush(self) -> None:
        """Write every pending draft now (any thread, and signal handlers)."""
        with self._lock:
            pending, self._pending = self._pending, {}
            for draft in pending.values():
                try:
                    self.folder.write(draft)
                except OSError as error:
                    self.problem = f"draft not saved: {error.strerror or error}"
                    log.warning("%s", self.problem)
                    self._pending.setdefault(draft.slot, draft)  # tried again next time
                else:
                    self.problem = ""

    def drop(self, slot: str) -> None:
        """The note was saved or discarded."""
        with self._lock:
            self._pending.pop(slot, None)
            try:
                self.folder.remove(slot)
            except OSError as error:
                log.warning("draft not removed: %s", error)

    def recovered_for(self, article: Article, target: str) -> Draft | None:
        """The newest recovered draft of this note, if one waits."""
        return next(iter(self.recovered_of(article, target)), None)

    def recovered_of(self, article: Article, target: str | None = None) -> list[Draft]:
        """The recovered drafts on `article` (of the note `target`, else of any), newest
        first."""
        title = sanitise_line(article.title)  # as `draft_for` keeps it
        return [
            draft
            for draft in self.recovered
            if draft.is_for(
                article.id, article.key, draft.target if target is None else target, title
            )
        ]

    def forget_recovered(self, draft: Draft) -> None:
        """The user kept (it is this session's draft now) or discarded a recovered draft."""
        if draft in self.recovered:
            self.recovered.remove(draft)
        try:
            self.folder.forget_recovered(draft)
        except OSError as error:
            log.warning("recovered draft not removed: %s", error)
