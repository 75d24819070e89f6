"""`NewsreadApp`: search, read and keep track of a folder of saved news articles.

The app paints first and opens the index after: Whoosh is imported, the library opened and
brought up to date in a thread worker that only posts messages. Each committed batch reruns
the current search, so a large new library shows results within seconds.

The app owns the library's lifecycle, the config (keys, theme) and the session state; the
main screen owns searching and reading.
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Input, TextArea
from textual.worker import WorkerState, get_current_worker

from newsread.index import Config, load_config, paths
from newsread.index.text import sanitise, sanitise_line
from newsread.tui.drafts import DraftKeeper
from newsread.tui.escape_keys import KeyParser, alt_keys
from newsread.tui.key_order import KeyOrder
from newsread.tui.messages import (
    IndexCommitted,
    IndexFailed,
    IndexFinished,
    IndexProgress,
    LibraryChanged,
    LibraryFailed,
    LibraryOpened,
    NotesWaiting,
)
from newsread.tui.screens.main import MainScreen
from newsread.tui.state import SessionState, load_state, save_state
from newsread.tui.widths import measure_spacing_marks

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.widget import Widget

    from newsread.index import Indexing, IndexSummary, Library
    from newsread.index.annotations.drafts import Draft
    from newsread.tui.host import Host

SAVE_DELAY = 1.0
WATCH_INTERVAL = float(os.environ.get("NEWSREAD_WATCH_SECONDS", "") or 10.0)
"""Seconds between two looks (one stat walk) at the library folder for added, changed or
deleted files, at least (ctrl+r looks at once)."""
CHANGES_SAID_AGAIN = 60.0
"""Seconds without a change after which a look that finds files changed says so again: while a
scraper writes, every look finds some, and saying it at each (every 10 s) buried the list's
corner under toasts that told nothing new; the status line says "indexing" at each."""
WATCH_SHARE = 0.02
"""The share of the time looks may take: after a look of 0.8 s (100,000 files), the next one
waits 40 s. An idle app at 100,000 articles spent 6% of a core looking every 10 s."""


def _has_article(library: Library, draft: Draft) -> bool:
    """Whether the library has the article a note draft was written on: by its id, else at
    its key, as `Draft.is_for` takes it (an article of a file of several with its title)."""
    if draft.article_id and library.find(draft.article_id):
        return True
    return bool(draft.article_key) and any(
        draft.is_for(article.id, article.key, draft.target, sanitise_line(article.title))
        for article in library.find(draft.article_key)
    )


def _stored_note(library: Library, draft: Draft) -> str | None:
    """The note a draft was written for as saved now: the article's (found by its id), else
    the highlight's; None when there is none to tell (a highlight not made yet, or gone)."""
    from newsread.tui.widgets.notes_panel import ARTICLE_NOTE

    store = library.annotations
    if draft.target == ARTICLE_NOTE:
        found = library.find(draft.article_id) if draft.article_id else []
        return store.article_note(found[0]) if found else None
    highlight = store.get_highlight(draft.target)
    return highlight.note if highlight is not None and not highlight.deleted else None


def osc52_passthrough(text: str, environ: Mapping[str, str]) -> str:
    """OSC 52 for `text` wrapped to pass through tmux or GNU screen, or "" outside them.

    Textual writes plain OSC 52, which tmux honours only with `set-clipboard on`; with
    `allow-passthrough on` tmux forwards a DCS-wrapped copy (every ESC doubled). GNU screen
    forwards DCS strings of limited length, so the sequence goes in chunks.
    """
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    plain = f"\x1b]52;c;{payload}\a"
    if environ.get("TMUX"):
        return "\x1bPtmux;" + plain.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    if environ.get("TERM", "").startswith("screen"):
        return "".join(f"\x1bP{plain[i : i + 76]}\x1b\\" for i in range(0, len(plain), 76))
    return ""


PRIORITY_IDS = frozenset({"app.quit"})
"""Bindings that act even in a text box: a printable key there could never be typed."""


def key_problem(binding_id: str, keys: str, *, priority: bool = False) -> str:
    """Why `keys` (comma-separated Textual key names) cannot be bound, or ""."""
    import unicodedata

    from textual.keys import REPLACED_KEYS, Keys

    names = {key.value for key in Keys}
    for key in (k.strip() for k in keys.split(",")):
        base = key.rsplit("+", 1)[-1]
        if not base:
            return f"empty key in '{keys}'"
        printable = len(base) == 1 or base == "space"
        if not printable and base not in names:
            try:
                unicode_name = REPLACED_KEYS.get(base, base).replace("_", " ")
                printable = len(unicodedata.lookup(unicode_name)) == 1
            except KeyError:
                return f"no key called '{key}'"
        modified = any(m in key for m in ("ctrl+", "alt+", "super+", "meta+"))
        if priority and printable and not modified:
            return f"'{key}' types a character; use a key with ctrl+ or alt+"
    return ""


def tmux_load_buffer(text: str) -> bool:
    """Put `text` in tmux's paste buffer (`-w`: and the outer clipboard, where tmux may)."""
    import subprocess

    try:
        done = subprocess.run(
            ["tmux", "load-buffer", "-w", "-"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def no_display_reason(environ: Mapping[str, str], platform: str = sys.platform) -> str:
    """Why no browser window could open here, or "" when one can."""
    if environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"):
        return "this is an SSH session"
    graphical = environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    if (platform.startswith("linux") or "bsd" in platform) and not graphical:
        return "there is no graphical display"
    return ""


GC_THRESHOLDS = (50_000, 20, 20)
"""Python's cyclic garbage collector's thresholds while the app runs (`gc.set_threshold`; the
default is 700, 10, 10). Textual allocates a great many short-lived objects for each frame
(strips, segments, caches), so the default ran a collection every few hundred of them: the
Pilot tests of tests/tui/test_flows.py took 24.4-26.5 s of CPU against 30.2-31.3 s with the
default, and the whole suite 396 s against 440 s. Cyclic garbage waits longer to be freed; it
stays a few megabytes."""

QUIT_KEY_WAIT = 3.0
"""Seconds a quit key (ctrl+q, the palette's) waits for the keys typed before it at most: they
go first, then it acts (`on_event`); pressed again, it acts at once."""

WRITE_GROUPS = frozenset({"annotations", "tags", "note-save"})
"""Worker groups that write the user's annotations: quitting waits for them (`shut_down`)."""
WRITES_WAIT = 10.0
"""Seconds quitting waits for them at most (a store waiting on another session's lock)."""

HANG_UP_KEYS_WAIT = 2.0
"""Seconds a hang-up waits for the keys read before it to be handled, at most (the process
ends `hangup.GRACE` seconds after the hang-up whatever it is doing)."""
KEYS_TICK = 0.05

WORKER_THREADS = 32
"""Threads for the app's thread workers (`on_load`): most of them wait (on the disk, on a lock,
on a search that was cancelled but runs to its next check), so there are more than cores."""


class NewsreadApp(App[None]):
    """A keyboard-driven reader for one library folder."""

    CSS_PATH = "app.tcss"
    TITLE = "newsread"
    index_in_subprocess: ClassVar[bool] = True
    """Index in a child process (tests that fake `Library.update` turn this off)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding(
            "ctrl+r",
            "rescan",
            "Rescan",
            show=False,
            id="app.rescan",
            tooltip="Look for added, changed and deleted files now",
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Keys",
            key_display="?",
            id="app.help",
            tooltip="Show (or hide) this list of keys",
        ),
        # In a dialog (the note editor, tags, highlights) the app's keys are out of reach and `?`
        # is typed: f1, typed nowhere, shows the keys there too (only there: elsewhere the
        # bindings above, and the footer's, stay as they are). No description: listed once.
        Binding("f1", "keys_in_dialog", show=False, priority=True, id="app.help_in_dialogs"),
        # A dialog's list (the highlights view's, the filters') types nowhere: `?` works there
        # as everywhere else (a dialog's bindings otherwise hide the app's).
        Binding("question_mark", "keys_in_list", show=False, priority=True, id="app.help_in_lists"),
    ]

    def __init__(
        self,
        root: Path,
        *,
        config: Config | None = None,
        show_timings: bool = True,
        cursor_blink: bool = True,
        indexing: Indexing | None = None,
        notice: str = "",
    ) -> None:
        """`notice`: said once the app is up (why this library was chosen, say)."""
        measure_spacing_marks()
        super().__init__()
        self._notice = notice
        self._started_indexing = indexing
        """An update of a new library started before the app (`Indexing`), for the index
        worker to follow instead of starting one."""
        self.root = root.expanduser().absolute()
        self.config = config if config is not None else load_config()
        self.show_timings = show_timings
        """Whether the status line shows query times (snapshot tests turn them off)."""
        self.cursor_blink = cursor_blink
        self.library: Library | None = None
        self.resuming = paths.unfinished_update(self.root)
        """An update stopped before it read every file (quit mid-build): this one resumes it."""
        self.state_path = paths.state_path()
        self.session: SessionState
        self.session, self._state_notice = load_state(self.state_path)
        self._session_problem = ""
        """Why the session could not be saved last time ("" if it was)."""
        self.parting = ""
        """A line for the terminal once the app has gone: what quitting could not save, said
        on a screen no one sees any more."""
        self._index_problem = ""
        """Why the last update of the index failed ("" if it did not): the looks that retry it
        say nothing new until it works or fails otherwise."""
        self._open_failed = False
        """Whether the library failed to open (a full disk, a cache it may not write): ctrl+r
        tries again."""
        self._save_timer: Timer | None = None
        self._keymap_ids: dict[str, str] = {}
        self.drafts = DraftKeeper(self)
        self.drafts.on_hang_up = self._checkpoint_notes
        """Notes being written, kept on disk (see `newsread.tui.drafts`)."""
        self._watch_timer: Timer | None = None
        self._next_look = 0.0
        """When the folder may be looked at again (`WATCH_SHARE`), by `time.monotonic`."""
        self._changes_seen = -CHANGES_SAID_AGAIN
        """When a look last found files changed, by `time.monotonic`."""
        self._watch_problem = ""
        """Why the library's folder could not be looked at last time (said once, not at every
        look); only the watch worker reads and writes it."""
        self.indexing = False
        """Whether an index update is running (or about to): no looks for changes meanwhile."""
        self._quitting = False
        """Quit asked while indexing: the app leaves once the update has saved its batch."""
        self._quit_key_waits: Timer | None = None
        """A quit key waiting its turn behind the keys typed before it (`on_event`)."""
        self._leaving_after_writes = False
        """Quit asked while annotations were being saved: the app leaves once they are."""
        self._hung_up_at: float | None = None
        """When the terminal went (or SIGTERM came), by `time.monotonic`."""
        self._seen_generation: int | None = None
        """The index's generation when this app last committed or looked: another one at a
        look is another process's commit (`newsread index` run meanwhile)."""
        self.index_events: Signal[Message] = Signal(self, "index-events")
        """The index worker's messages, for the screens that subscribe (see `Host`)."""
        self.key_order = KeyOrder(self, partial(App.on_event, self), self._focus_shown)
        self._crash: tuple[Exception, Path | None] | None = None
        """Routes keys one at a time: typed-ahead keys follow the focus changes before them."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux and macOS one that a stop (ctrl+z) cannot hang."""
        found = super().get_driver_class()
        if found.__module__ == "textual.drivers.linux_driver":
            from newsread.tui.driver import NewsreadDriver

            return NewsreadDriver
        return found

    def get_default_screen(self) -> MainScreen:
        self.main = MainScreen(self.session.for_library(self.root), self.session.queries)
        return self.main

    # -- start-up --------------------------------------------------------------------------

    def on_load(self) -> None:
        # Textual's thread workers run in the event loop's default executor, by default
        # `os.cpu_count() + 4` threads: 6 on a 2-core server. A long update, cancelled
        # searches still finishing and a store call waiting on another session's lock could
        # take them all, and a short call (a tag typed, then Escape) waited behind them; the
        # dialog closed meanwhile cancelled it before it ran (tags.py now makes it anyway).
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="newsread")
        )

    def on_mount(self) -> None:
        self._apply_config()
        for notice in (self.config.problem, self._state_notice, self._notice):
            if notice:
                self.notify(notice, severity="warning", timeout=8)
        self.session.library = str(self.root)
        self.drafts.start(self)
        self.app_resume_signal.subscribe(self, self._repaint_all)
        # Paint the first frame, then import Whoosh and open the index.
        self.call_after_refresh(self._open_library)

    def _repaint_all(self, _app: object = None) -> None:
        """Draw the whole screen again after a stop (SIGTSTP, then `fg` or SIGCONT): Textual
        leaves the terminal for the shell and comes back to a blank screen, and only the
        parts that changed were drawn (the search box's hint and a scroll bar), as after
        `App.suspend` without its repaint."""
        self.refresh(layout=True)

    def _apply_config(self) -> None:
        keys = dict(self.config.keys)
        unknown = sorted(set(keys) - set(all_binding_ids()))
        for name in unknown:
            del keys[name]
        if unknown:
            self.notify(
                "config.toml [keys]: no binding called " + ", ".join(unknown),
                severity="warning",
                timeout=8,
            )
        for name, value in list(keys.items()):
            problem = key_problem(name, value, priority=name in PRIORITY_IDS)
            if problem:
                del keys[name]
                self.notify(f"config.toml [keys] {name}: {problem}", severity="warning", timeout=8)
        self._keymap_ids = keys
        self.set_keymap(keys)
        KeyParser.kept = alt_keys(keys.values())
        theme = self.config.theme or self.session.theme
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(f"Unknown theme “{theme}”; ctrl+p › Theme lists them", timeout=8)

    def watch_theme(self, theme: str) -> None:
        self.session.theme = theme

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self._quits(event) or self._quit_key_waits_its_turn(event):
                await self.key_order.key(event)
                return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Text from elsewhere (a web page, a terminal's scrollback) is data like article
            # text: its ESC sequences, controls and bidi overrides went into the search box
            # and the note editor as pasted, and from there straight to the terminal.
            event.text = sanitise(event.text)
        await super().on_event(event)

    def _quit_key_waits_its_turn(self, event: events.Key) -> bool:
        """`v)H` and ctrl+q in one burst (typed fast over SSH): the quit left before the H was
        handled, and the highlight was lost. A quit key waits its turn behind the keys before
        it, as long as they take (`QUIT_KEY_WAIT` at most); pressed again, it acts now."""
        order = self.key_order
        if (order.busy or order.held) and self._quit_key_waits is None:
            self._quit_key_waits = self.set_timer(QUIT_KEY_WAIT, partial(self._quit_key_now, event))
            return True
        self._stop_quit_key_wait()
        return False

    async def _quit_key_now(self, event: events.Key) -> None:
        """The keys before a quit key took `QUIT_KEY_WAIT` (held for a slow store, say): it
        acts now. (The copy still waiting in the key order then finds the app leaving.)"""
        self._quit_key_waits = None
        await App.on_event(self, event)

    def _stop_quit_key_wait(self) -> None:
        if self._quit_key_waits is not None:
            self._quit_key_waits.stop()
            self._quit_key_waits = None

    def _quits(self, event: events.Key) -> bool:
        """Whether `event` is the app's own priority key (quit, the palette), which never waits
        its turn, except on a screen that asks before quitting (the note editor): the keys
        typed just before it must reach the note first, not answer the question it asks. f1
        waits like any key: the keys typed before it go where they were typed."""
        if getattr(self.screen, "before_quit", None) is not None:
            return False
        return any(
            b.priority and b.action != "keys_in_dialog"
            for b in self._bindings.key_to_bindings.get(event.key, ())
        )

    def _focus_shown(self) -> None:
        """A key finding the main screen's focus on a hidden widget (or none) moves it first."""
        if self.screen_stack and self.screen is self.main:
            self.main.focus_visible()

    @on(events.DescendantFocus)
    def _no_blink(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    # -- the library -----------------------------------------------------------------------

    def _open_library(self) -> None:
        self._index_library()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index_library(self) -> None:
        from newsread.index import Library, LibraryError

        try:
            if self._started_indexing is not None:
                # After the first frame: let it read. It creates the index: open it once
                # made, not half made.
                self._started_indexing.go()
            library = Library(self.root).open()
            # Whichever thread opens the notes first (the update, to claim them, or the panel):
            # waiting on another newsread's lock is said.
            library.on_annotations_wait = lambda waiting: self.post_message(NotesWaiting(waiting))
            count = library.count()
        except Exception as error:  # noqa: BLE001 - said on screen, not left "opening" for good
            # The update started with newsread met the same trouble: a retry starts its own.
            started, self._started_indexing = self._started_indexing, None
            if started is not None:
                started.stop()
            self._open_failed = True
            if isinstance(error, LibraryError):
                self.post_message(LibraryFailed(str(error), self.root.is_dir()))
            else:
                self.post_message(
                    LibraryFailed(
                        f"the index could not be opened ({type(error).__name__}: {error})"
                    )
                )
            return
        self.post_message(LibraryOpened(library, count, library.notice))
        self._update(library, check_first=True)

    def _update(self, library: Library, *, check_first: bool) -> None:
        """Bring the index up to date, posting progress (in the index worker's thread)."""
        from newsread.index import LibraryError, has_changes, update_in_subprocess

        worker = get_current_worker()
        try:
            # In a child process: indexing in this one would hold the GIL and stall the UI.
            # A relaunch with nothing changed (one stat walk says so) needs no child at all.
            # A new library (no file recorded) has changes: its 100,000 files are not walked
            # twice before its first results.
            started, self._started_indexing = self._started_indexing, None
            if started is not None:
                update: Callable[..., IndexSummary] = started.follow
            else:
                changes = not check_first or not library.docs.has_files() or has_changes(library)
                update = (
                    partial(update_in_subprocess, library.root, library.index_dir)
                    if self.index_in_subprocess and changes
                    else library.update
                )
            commits: list[int] = []

            def committed(articles: int) -> None:
                commits.append(articles)
                self.post_message(IndexCommitted(articles))

            summary = update(
                on_progress=lambda progress: self.post_message(IndexProgress(progress)),
                on_commit=committed,
                cancelled=lambda: worker.is_cancelled,
            )
            if not commits:
                # Nothing left to read: another process indexed the changes this app's look
                # counted (two apps open on one library, `newsread index`). Its commits are
                # shown now, or the list keeps the hits of before under "up to date".
                elsewhere = self._committed_elsewhere(library)
                if elsewhere is not None:
                    self.post_message(IndexCommitted(elsewhere))
            self._seen_generation = library.index.latest_generation()  # this app's commits
        except LibraryError as error:  # e.g. a read-only index: searchable, not updatable
            self.post_message(IndexFailed(str(error)))
            return
        except Exception as error:  # noqa: BLE001 - reported; the index stays searchable
            self.post_message(IndexFailed(f"{type(error).__name__}: {error}"))
            return
        self.post_message(IndexFinished(summary))
        try:
            # Here, not when the user first types `word~`: 0.4 s at 100,000 articles.
            library.warm()
        except LibraryError:
            pass  # a damaged index is reported by the search that meets it

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _reindex(self, library: Library) -> None:
        self._update(library, check_first=False)

    def _start_watching(self) -> None:
        if self._watch_timer is None:
            self._watch_timer = self.set_interval(WATCH_INTERVAL, self._look)

    def _look(self) -> None:
        if self.library is not None and not self.indexing and time.monotonic() >= self._next_look:
            # Not again until this look ends (which sets the next), or a minute if it never
            # does (a worker cancelled before it ran).
            self._next_look = time.monotonic() + 60.0
            self._count_changes(self.library, quiet=True)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _count_changes(self, library: Library, quiet: bool) -> None:
        from newsread.index import LibraryError, count_changes

        started = time.monotonic()
        try:
            changed = count_changes(library)
        except (OSError, LibraryError) as error:
            # Gone or unreadable (unmounted, renamed): said once, and again on ctrl+r.
            reason = str(error) if isinstance(error, LibraryError) else f"{library.root}: {error}"
            if not quiet or reason != self._watch_problem:
                self._watch_problem = reason
                self.post_message(IndexFailed(reason))
            return
        finally:
            took = time.monotonic() - started
            self._next_look = time.monotonic() + took / WATCH_SHARE - WATCH_INTERVAL
        returned, self._watch_problem = bool(self._watch_problem), ""
        if changed or returned or not quiet:
            # The generation seen stays as it was: the update tells whether another process
            # committed meanwhile (`_update`).
            self.post_message(LibraryChanged(changed, returned, asked=not quiet))
        elif (committed := self._committed_elsewhere(library)) is not None:
            self.post_message(IndexCommitted(committed))  # indexed already: show what they hold

    def _committed_elsewhere(self, library: Library) -> int | None:
        """The library's articles when another process committed to its index since this app
        last did or looked, else None. Its searches see the new generation, but the list and
        the count stayed as they were: a file another process indexed is no change to this
        app's looks."""
        try:
            generation = library.index.latest_generation()
            seen, self._seen_generation = self._seen_generation, generation
            return None if seen in (None, generation) else library.count()
        except Exception:  # noqa: BLE001 - a look that cannot tell says nothing
            return None

    def action_rescan(self) -> None:
        """Look for added, changed and deleted files now (ctrl+r)."""
        if self.library is None and self._open_failed:
            # It failed to open (a disk full at the first launch, since freed): try again.
            self._open_failed = False
            self.notify("Opening the library again", timeout=3)
            self._open_library()
        elif self.library is None:
            self.notify("The library is not open yet", timeout=3)
        elif self.indexing:
            self.notify("Indexing already", timeout=3)
        else:
            self._index_problem = ""  # asked for: whatever happens is said
            self._count_changes(self.library, quiet=False)

    @on(LibraryChanged)
    def _library_changed(self, message: LibraryChanged) -> None:
        from newsread.index import Progress

        if self.library is None or self.indexing:
            return
        if not message.files and not message.returned:
            self.notify("No files were added, changed or deleted", timeout=3)
            return
        self.indexing = True
        self.index_events.publish(IndexProgress(Progress("scanning")))
        seen, self._changes_seen = self._changes_seen, time.monotonic()
        flowing = self._changes_seen - seen < CHANGES_SAID_AGAIN and not message.asked
        if message.files and not self._index_problem and not flowing:  # a retry: quiet
            plural = "file" if message.files == 1 else "files"
            self.notify(f"{message.files:,} {plural} changed — indexing", timeout=4)
        self._reindex(self.library)  # (back after being gone: its status too)

    @on(NotesWaiting)
    def _notes_waiting(self, message: NotesWaiting) -> None:
        self.main.panes.notes_waiting(message.waiting)

    @on(LibraryOpened)
    def _library_opened(self, message: LibraryOpened) -> None:
        self.library = message.library
        self.indexing = True  # `_index_library` brings it up to date next
        self.drafts.library_open(partial(_stored_note, message.library))
        if message.notice:
            self.notify(message.notice, severity="warning", timeout=8)
        self.index_events.publish(message)

    @on(LibraryFailed)
    def _library_failed(self, message: LibraryFailed) -> None:
        self.drafts.library_open(None)  # recovered drafts are said, not compared
        self.index_events.publish(message)

    @on(IndexProgress)
    @on(IndexCommitted)
    def _index_event(self, message: Message) -> None:
        self.index_events.publish(message)

    @on(IndexFinished)
    def _index_finished(self, message: IndexFinished) -> None:
        if self._quitting:
            self.exit()
            return
        summary = message.summary
        self.indexing = False
        self._index_problem = ""
        self.index_events.publish(message)
        if self.library is not None:
            self.drafts.library_ready(partial(_has_article, self.library))
        self._start_watching()
        if summary.skipped and (summary.indexed or not summary.total_articles):
            path, reason = summary.skipped[0]
            rest = summary.skipped_said(1)
            more = f"; {rest} skipped (newsread index lists them)" if rest else ""
            self.notify(f"Skipped {path}: {reason}{more}", severity="warning", timeout=6)
        if summary.cut:  # read just now, and shown cut: `newsread index` says so too
            path, note = summary.cut[0]
            more = _more_files(len(summary.cut) - 1, "cut")
            self.notify(f"Cut {path}: {note}{more}", severity="warning", timeout=8)

    @on(IndexFailed)
    def _index_failed(self, message: IndexFailed) -> None:
        if self._quitting:
            self.exit()
            return
        self.indexing = False
        self.index_events.publish(message)
        if message.reason != self._index_problem:  # each look retries (a full disk may clear)
            self.notify(
                f"The index was not updated: {message.reason}", severity="warning", timeout=10
            )
        self._index_problem = message.reason

    # -- session state ---------------------------------------------------------------------

    def save_soon(self) -> None:
        """Save the session shortly (several changes in a row make one write)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_session)

    def save_session(self) -> None:
        self._save_timer = None
        try:
            save_state(self.session, self.state_path)
        except OSError as error:
            # Said once while it lasts (a session is saved at every article and query), with
            # the folder, not the temporary file's name.
            problem = f"{error.strerror or error} ({self.state_path.parent})"
            if problem != self._session_problem:
                self.notify(
                    f"The session (query, article, reading places) is not saved: {problem}",
                    severity="warning",
                    timeout=6,
                )
            self._session_problem = problem
        else:
            self._session_problem = ""

    async def action_quit(self) -> None:
        before_quit = getattr(self.screen, "before_quit", None)
        if before_quit is not None and before_quit():
            return  # e.g. a note editor with unsaved text asks first
        self.shut_down()

    def shut_down(self, return_code: int = 0) -> None:
        """Save the session and leave: ctrl+q, or a hang-up (128 + the signal's number)."""
        if return_code and self._hung_up_at is None:
            # The keys read before the terminal went (`vwwH`, then the connection dropped)
            # are handled first: the hang-up's call came before the app had taken them
            # from its queue, and the highlight was lost. (Drawn to /dev/null by then.)
            self._hung_up_at = time.monotonic()
            self.set_timer(KEYS_TICK, partial(self._leave_after_keys, return_code))
            return
        self._stop_quit_key_wait()
        self.main.remember_position()
        self.save_session()
        self.parting = (
            f"the session (query, article, reading places) was not saved: {self._session_problem}"
            if self._session_problem and not return_code
            else ""
        )
        self.drafts.flush()
        self.workers.cancel_group(self, "index")
        # (Once the update has said it finished, its worker only warms the index for search
        # (`Library.warm`): no IndexFinished comes again to end a wait, which never ended.)
        if return_code == 0 and not self._quitting and self.indexing and self._index_running():
            # The update commits what it read before it ends (minutes of reading, read again
            # at the next launch if it were killed): quit once it has, saying so. A hang-up
            # leaves at once; the indexing process commits and ends by itself.
            self._quitting = True
            self.notify(
                f"Saving the articles indexed so far, then quitting "
                f"({self.keys_for('quit') or 'ctrl+q'} again quits now)…",
                timeout=120,
            )
            return
        if not self._leaving_after_writes and self._writes_running():
            # A highlight, note or tag still being written (H, then ctrl+q at once): leaving
            # now cancelled a write still waiting for its thread. Asked again, it leaves now.
            self._leaving_after_writes = True
            self._leave_after_writes(return_code, time.monotonic())
            return
        self.exit(return_code=return_code)

    def _leave_after_keys(self, return_code: int) -> None:
        order = self.key_order
        waited = time.monotonic() - (self._hung_up_at or 0.0)
        if (order.busy or order.held) and waited < HANG_UP_KEYS_WAIT:
            self.set_timer(KEYS_TICK, partial(self._leave_after_keys, return_code))
            return
        self.shut_down(return_code)

    def _writes_running(self) -> bool:
        return self._workers_running(WRITE_GROUPS)

    def _leave_after_writes(self, return_code: int, asked: float, said: bool = False) -> None:
        waited = time.monotonic() - asked
        if not self._writes_running() or waited > WRITES_WAIT:
            self.exit(return_code=return_code)
            return
        if not said and waited > 0.5:
            said = True
            self.notify(
                f"Saving your annotations, then quitting "
                f"({self.keys_for('quit') or 'ctrl+q'} again quits now)…",
                timeout=WRITES_WAIT,
            )
        self.set_timer(KEYS_TICK, partial(self._leave_after_writes, return_code, asked, said))

    def _index_running(self) -> bool:
        return self._workers_running({"index"})

    def _workers_running(self, groups: Collection[str]) -> bool:
        """Whether a worker of one of `groups` is pending or running."""
        return any(
            worker.group in groups and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def on_unmount(self) -> None:
        self.drafts.close()

    def _checkpoint_notes(self) -> None:
        """A hang-up ends the process without closing the notes' store: what its log holds
        goes into the database file itself, which a backup or a sync may take alone."""
        if self.library is not None:
            self.library.checkpoint_annotations()

    # -- help ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help" and isinstance(self.focused, Input):
            return False  # "?" is typed into inputs; the search box offers f1 itself
        if action == "keys_in_dialog":
            return isinstance(self.screen, ModalScreen)
        if action == "keys_in_list":
            return isinstance(self.screen, ModalScreen) and not isinstance(
                self.focused, (Input, TextArea)
            )
        return True

    def keys_for(self, action: str, binding_id: str | None = None) -> str:
        """The keys (as displayed, remapped by the user's [keys]) bound to a screen or app
        action anywhere in the help, e.g. "s" for "toggle_sort", or to the binding with that
        id (a widget's own action doing the same thing); "" when none is."""

        def bare(name: str) -> str:
            return name.removeprefix("screen.").removeprefix("app.")

        shown: list[str] = []
        for _, bindings, _ in help_sections():
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                if bare(binding.action) == bare(action) or (
                    binding_id and binding.id == binding_id
                ):
                    keys = self._keymap_ids.get(binding.id or "", binding.key)
                    for key in keys.split(","):
                        display = self.get_key_display(Binding(key.strip(), ""))
                        if key.strip() and display not in shown:
                            shown.append(display)
        return ", ".join(shown)

    def action_help(self) -> None:
        self.action_keys()

    def action_keys_in_dialog(self) -> None:
        self.action_keys()

    def action_keys_in_list(self) -> None:
        self.action_keys()

    def action_keys(self) -> None:
        """Show or hide the list of keys (never disabled, unlike the "?" binding)."""
        from newsread.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(
            HelpScreen(help_sections(), self._keymap_ids, help_start(self.screen, self.focused))
        )

    # -- outside world ---------------------------------------------------------------------

    # -- an unexpected error ----------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # textual is pinned: here it turns an uncaught error into a full-screen traceback at
        # exit. The traceback goes to a file; the terminal gets one line (`_print_error_renderables`).
        self._crash = (error, self._write_crash_log(error))
        super()._handle_exception(error)

    @staticmethod
    def _write_crash_log(error: BaseException) -> Path | None:
        import traceback
        from datetime import datetime

        log = paths.cache_dir() / "crash.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as file:
                file.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                file.writelines(traceback.format_exception(error))
        except OSError:
            return None
        return log

    def _print_error_renderables(self) -> None:
        crash = self._crash
        if crash is None or "debug" in self.features:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        error, log = crash
        where = f"the details are in {log}" if log else "the details could not be written"
        self.error_console.print(
            sanitise_line(
                f"newsread stopped on an unexpected error ({type(error).__name__}: {error}). "
                f"Saved notes and drafts are safe; {where}."
            ),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification, never parsed as markup: messages carry file names, errors, queries.

        Widgets' `notify` comes here too, so no call site can forget (`markup` is ignored).
        With `NEWSREAD_NOTICE_LOG=FILE` every notice is also appended to FILE: a toast goes
        after seconds, and the end-to-end tests say what it was when they fail.
        """
        log = os.environ.get("NEWSREAD_NOTICE_LOG")
        if log:
            with suppress(OSError), open(log, "a", encoding="utf-8") as file:
                file.write(f"{severity}: {sanitise_line(message)}\n")
        super().notify(
            sanitise(message),
            title=sanitise_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    copied_to = "to the terminal's clipboard, if it accepts OSC 52"
    """Where the last copy went, as far as it is known (for the message that says so)."""

    def copy_to_clipboard(self, text: str) -> None:
        """Copy with OSC 52, also wrapped so it passes through tmux and GNU screen; inside
        tmux also into tmux's paste buffer, the one place a copy is known to reach."""
        super().copy_to_clipboard(text)  # keeps `App.clipboard`, writes plain OSC 52
        wrapped = osc52_passthrough(text, os.environ)
        driver = self._driver  # textual 8.2.8 has no public way to write raw output
        if wrapped and driver is not None:
            driver.write(wrapped)
        self.copied_to = type(self).copied_to
        if os.environ.get("TMUX") and tmux_load_buffer(text):
            self.copied_to = "to tmux's paste buffer (prefix ] pastes it)"

    def open_in_browser(self, url: str) -> None:
        """Open `url` in a browser, only for http(s) and only where a window can appear."""
        if not url.lower().startswith(("http://", "https://")):
            self.notify("Only web (http/https) addresses are opened", severity="warning")
            return
        reason = no_display_reason(os.environ)
        if reason:
            self.copy_to_clipboard(url)
            self.notify(
                f"Not opening a browser: {reason}. The URL was copied {self.copied_to}.",
                timeout=6,
            )
            return
        self._open_url(url)
        self.notify("Opening the article in your browser…", timeout=3)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_url(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            self.call_from_thread(
                self.notify, "No web browser could be started", severity="warning"
            )


if TYPE_CHECKING:

    def _the_app_is_a_host(app: NewsreadApp) -> Host:
        return app  # mypy holds `Host` (what the screens may use) to what the app has


def help_sections() -> list[tuple[str, Iterable[BindingType], list[tuple[str, str]]]]:
    from newsread.tui.screens.highlights import HighlightsList, HighlightsScreen
    from newsread.tui.screens.note_editor import NoteEditor
    from newsread.tui.screens.tags import TagDialog, TagInput, TagList
    from newsread.tui.widgets.annotated_text import ANNOTATION_BINDINGS
    from newsread.tui.widgets.article_view import FindBar
    from newsread.tui.widgets.notes_panel import NotesList
    from newsread.tui.widgets.reading_pane import ReadingPane
    from newsread.tui.widgets.results_list import ResultsList
    from newsread.tui.widgets.search_bar import SearchInput
    from newsread.tui.widgets.timeline_bar import TimelineBar

    return [
        (
            "Anywhere",
            [*NewsreadApp.BINDINGS, *MainScreen.BINDINGS],
            [("^p", "Command palette: every action, and themes"), ("tab", "Next pane")],
        ),
        ("Search box", SearchInput.BINDINGS, []),
        ("Results", ResultsList.BINDINGS, [("↑ ↓ pgup pgdn", "Move")]),
        ("Timeline (T)", TimelineBar.BINDINGS, []),
        (
            "Article",
            [b for b in ReadingPane.BINDINGS if b not in ANNOTATION_BINDINGS],
            [("↑ ↓ ← →", "Move the cursor"), ("shift+arrows", "Select text (y copies it)")],
        ),
        (
            "Selecting, highlights and notes (in the article)",
            ANNOTATION_BINDINGS,
            [("shift+arrows, mouse", "Select text too")],
        ),
        ("Find in article", FindBar.BINDINGS, [("enter", "Jump to the next occurrence")]),
        ("Notes panel (p)", NotesList.BINDINGS, []),
        ("Note editor", NoteEditor.BINDINGS, []),
        ("Tags (t)", [*TagInput.BINDINGS, *TagList.BINDINGS, *TagDialog.BINDINGS], []),
        ("Highlights (ctrl+g)", [*HighlightsList.BINDINGS, *HighlightsScreen.BINDINGS], []),
    ]


def help_start(screen: Screen[object], focused: Widget | None) -> str:
    """The title of the `help_sections` section for where the user is: the focused widget
    (or one it is in), else the dialog open."""
    from newsread.tui.screens.highlights import HighlightsScreen
    from newsread.tui.screens.note_editor import NoteEditor
    from newsread.tui.screens.tags import TagDialog
    from newsread.tui.widgets.article_view import FindBar
    from newsread.tui.widgets.notes_panel import NotesList
    from newsread.tui.widgets.reading_pane import ReadingPane
    from newsread.tui.widgets.results_list import ResultsList
    from newsread.tui.widgets.search_bar import SearchInput
    from newsread.tui.widgets.timeline_bar import TimelineBar

    for node in focused.ancestors_with_self if focused is not None else ():
        if isinstance(node, ReadingPane):
            selecting = node.selecting or node.selected_span() is not None
            return "Selecting, highlights and notes (in the article)" if selecting else "Article"
        widgets: tuple[tuple[type[Widget], str], ...] = (
            (SearchInput, "Search box"),
            (ResultsList, "Results"),
            (TimelineBar, "Timeline (T)"),
            (FindBar, "Find in article"),
            (NotesList, "Notes panel (p)"),
        )
        for kind, title in widgets:
            if isinstance(node, kind):
                return title
    dialogs: tuple[tuple[type[Screen[Any]], str], ...] = (
        (NoteEditor, "Note editor"),
        (TagDialog, "Tags (t)"),
        (HighlightsScreen, "Highlights (ctrl+g)"),
    )
    for kind, title in dialogs:
        if isinstance(screen, kind):
            return title
    return ""


def all_binding_ids() -> set[str]:
    """The id of every binding of every screen and widget newsread defines (what `[keys]`
    in config.toml can remap), found by walking the classes rather than listing them."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import newsread.tui.screens
    import newsread.tui.widgets

    for package in (newsread.tui.screens, newsread.tui.widgets):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    ids = set()
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if not cls.__module__.startswith("newsread."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def _more_files(count: int, what: str) -> str:
    """ "; 6 more files skipped (newsread index lists them)": after a reason that ends "at
    line 2", a bare "and 6 more" read as six more lines."""
    if count <= 0:
        return ""
    files = "file" if count == 1 else "files"
    return f"; {count} more {files} {what} (newsread index lists them)"
