"""Helpers for the app's tests: small libraries written inline, waiting on the app, reading
the screen, opening an article; and `Tmux`, the driver of the end-to-end tests in tmux."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.geometry import Region
from textual.pilot import Pilot
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import WorkerCancelled

from newsread.index import paths
from newsread.index.engine.search import Search
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.main import PREVIEW_DELAY


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
    """A scraped-text article in the layout newsread reads."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [f"{source} / {section}", title, f"{date} - {source}", byline, body]
    if url:
        parts.append(f"URL: {url}")
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def write_feed(folder: Path, titles: list[str]) -> Path:
    """`feed.json`: a JSON file of several articles, one per title, each with its own URL
    (an export written again, its modification time new)."""
    items = [
        {
            "title": title,
            "url": "https://feed.example/" + title.lower().replace(" ", "-"),
            "text": f"{title}. The quay story, told at length for the reader.",
        }
        for title in titles
    ]
    path = folder / "feed.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    os.utime(path, (1e9 + len(titles), 1e9 + len(titles)))
    return path


def build_library(root: Path) -> Path:
    """Four articles over three sources, three sections and four years."""
    write_article(
        root,
        "kelmor-harbour.txt",
        "Kelmor harbour expansion approved",
        "The city council of Kelmor approved the harbour expansion on Tuesday.\n\n"
        "Dock workers said the running costs would fall as ships grew larger.\n\n"
        "The harbour master welcomed the plan for a deeper harbour.",
        url="http://gazette.example/kelmor-harbour",
    )
    write_article(
        root,
        "grain/sanctions.txt",
        "Grain export sanctions tightened",
        "Ministers agreed new sanctions on grain exports through the Baltic ports.\n\n"
        "Traders in Kelmor expect shipments to fall sharply this autumn.",
        source="BALTIC WIRE",
        section="Business",
        date="12 March 2019 [09:05]",
        byline="By Tomas Reder and Ana Liu",
    )
    write_article(
        root,
        "flood.txt",
        "River flood reaches the old town",
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor.\n\n"
        "Volunteers filled sandbags along the harbour wall until dawn.",
        source="BALTIC WIRE",
        section="Environment",
        date="2 April 2021 [07:30]",
    )
    write_article(
        root,
        "ferry.txt",
        "Ferry timetable changes for the summer",
        "The island ferry will sail twice a day from June, the operator said.",
        source="ISLAND POST",
        section="Travel",
        date="5 May 2015 [12:00]",
        byline="By Mara Quist",
    )
    return root


UNDATED = 3
"""The undated articles of `build_partly_undated_library`, after its 30 dated ones."""


def build_partly_undated_library(root: Path) -> Path:
    """`build_library`'s four articles, 26 more dated a month apart, then `UNDATED` with no
    date (plain text: a title, a blank line, the body): more dated rows than a page holds."""
    build_library(root)
    for n in range(26):
        write_article(
            root,
            f"dated/{n:02}.txt",
            f"Harbour report number {n}",
            f"The harbour report for month {n} of the quay works.",
            date=f"1 {('January', 'March', 'June', 'October')[n % 4]} {1990 + n} [10:00]",
        )
    for n in range(UNDATED):
        path = root / "undated" / f"{n}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Undated note {n}\n\nA harbour note with no date at all, {n}.\n")
    return root


class IndexedLibraries:
    """Small libraries built and indexed once per test process; each test gets a fresh copy.

    A new index and its first commit, even of four articles, is a large share of a Pilot
    test's time. The copy keeps the files' modification times and comes with a copy of the
    index, so the app opens an index that is up to date and only checks it, as on any
    relaunch. Tests about indexing itself (`@pytest.mark.first_index`) build from scratch.
    """

    def __init__(self, base: Path) -> None:
        self.base = base
        self._templates: dict[str, Path] = {}

    def copy(self, build: Callable[[Path], Path], root: Path) -> Path:
        """`build(root)`'s library at `root`, with its index where the app looks for it
        (under this test's NEWSREAD_HOME)."""
        template = self._template(build)
        shutil.copytree(template / "library", root, symlinks=True)  # copy2: mtimes kept
        index = paths.index_dir(root)
        index.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.copytree(template / "index", index)
        meta = index / "newsread.json"  # says which folder the index is of
        description = json.loads(meta.read_text())
        description["library"] = str(root.resolve())
        meta.write_text(json.dumps(description))
        # A copy is a new inode: its ctime is now, and the index notices a file changed when
        # either of its times did. Catch the index up (a digest each, no file read again).
        from newsread.index import Library

        library = Library(root, index).open()
        try:
            summary = library.update()
        finally:
            library.close()
        assert not summary.indexed and not summary.removed, summary
        return root

    def _template(self, build: Callable[[Path], Path]) -> Path:
        key = f"{build.__module__}.{build.__qualname__}"
        if key not in self._templates:
            from newsread.index import Library

            template = self.base / str(len(self._templates))
            root = build(template / "library")
            # Its own NEWSREAD_HOME: nothing (annotations, state) lands in the test's.
            with pytest.MonkeyPatch.context() as env:
                env.setenv("NEWSREAD_HOME", str(template / "home"))
                library = Library(root, template / "index").open()
                try:
                    summary = library.update()
                finally:
                    library.close()
            assert summary.total_articles and not summary.skipped, summary
            self._templates[key] = template
        return self._templates[key]


NAMED = {"/": "slash", " ": "space", "\r": "enter"}


def burst(app: NewsreadApp, *keys: str) -> None:
    """Post these keys at once, as the driver does for one read from the terminal.

    Each argument is a string of characters or one modified key ("ctrl+s").
    """
    for part in keys:
        named = part if "+" in part else None
        for char in [named] if named else part:
            if char == named:
                event = events.Key(char, None)
            else:
                key = NAMED.get(char) or (
                    char if char.isalnum() else unicodedata.name(char).lower()
                )
                event = events.Key(key, char)
            event.set_sender(app)
            app.post_message(event)


async def wait_for(
    pilot: Pilot, condition: Callable[[], object], timeout: float = 30.0, *, workers: bool = True
) -> None:
    """Let the app run until `condition()` holds (polling, not a fixed sleep).

    `timeout` only guards against a hang; CI machines are shared and slow at times.

    With `workers`, each round also waits for running workers to finish; pass False while a
    test holds a worker back on purpose.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}: {_state(pilot.app)}")
        await pilot.pause(0.02)
        if workers:
            try:
                await pilot.app.workers.wait_for_complete()
            except WorkerCancelled:
                pass  # an exclusive worker replaced by a newer one: expected


def _state(app: object) -> str:
    """What a timed-out wait saw: the key order's, the workers' and the timers' state."""
    if not isinstance(app, NewsreadApp):
        return ""
    order = app.key_order
    main = app.main
    return (
        f"keys in flight {order._in_flight}, holds {order._holds}, held {list(order.held)}; "
        f"workers {[w.name for w in app.workers if w.is_running]}; "
        f"index {main.status.status.index!r}; queue empty {app._message_queue.empty()}; "
        f"timers {main._search_timer}, {main._early_timer}, {main._preview_timer}; "
        f"screen {app.screen!r}; "
        f"focused {app.focused!r}"
    )


async def settle(pilot: Pilot) -> None:
    """Wait until the index is up to date and no search or article load is in flight."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)

    def done() -> bool:
        status = app.main.status.status
        return (
            (status.index.startswith("up to date") or bool(app.main.library_problem))
            and not app.key_order.busy  # every key pressed has been routed and handled
            and not app.key_order.held
            # Keys posted at once (`burst`) wait in the app's queue before the key order sees
            # them: until then nothing looks busy (under load a settle ended before the last
            # letters of "/harbour" were routed, and the find bar held "har").
            and app._message_queue.empty()
            # A worker's answer posted to the screen or a widget, not yet handled (the counts
            # after the first page: under load "G" went to row 20 of a list of 31; a page of
            # hits loaded for the row "G" went to).
            and all(
                node._message_queue.empty() for node in app.screen.walk_children(with_self=True)
            )
            and not any(w.is_running for w in app.workers)
            and app.main._search_timer is None
            and app.main._early_timer is None
            and app.main._preview_timer is None  # the highlighted hit's preview, due soon
        )

    await wait_for(pilot, done)
    await pilot.pause()


def hold_previews(app: NewsreadApp, monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """The main screen's previews do not come due by themselves: the test lets each one come
    due when it says (the list's calls, in order), as a late timer does on a loaded machine."""
    screen = app.main
    set_timer = screen.set_timer
    due: list[Callable[[], None]] = []

    def held(delay: float, callback: Callable[[], object] | None = None, **options: Any) -> Timer:
        if delay != PREVIEW_DELAY or callback is None:
            return set_timer(delay, callback, **options)
        due.append(partial(screen.call_next, callback))  # what a timer does when it runs out
        return set_timer(delay, callback, pause=True)

    monkeypatch.setattr(screen, "set_timer", held)
    return due


async def open_article(pilot: Pilot, key: str = "kelmor-harbour.txt") -> None:
    """Open the article with `key` as Enter on its hit does (the reader gets the focus)."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    await settle(pilot)
    app.main.open_article(key, focus=True, record=True)
    await settle(pilot)
    await wait_for(pilot, lambda: app.main.article_state is not None)
    assert app.main.reader.article is not None and app.main.reader.article.key == key


def rendered_text(widget: Widget) -> str:
    """What `widget` shows on screen, as plain text lines."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text.rstrip() for strip in strips)


NEWSREAD = Path(sys.executable).parent / "newsread"
"""The installed console script the end-to-end tests run."""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            raise AssertionError(f"newsread (pid {pid}) still running {timeout}s after SIGHUP")
        time.sleep(0.05)


class Tmux:
    """A private tmux server (its own socket) running `newsread`, one session at a time.

    newsread gets its own HOME and XDG folders, so nothing is shared with the user's tmux or
    newsread. Waits poll the screen for text (`wait_for`), never a fixed sleep.
    """

    def __init__(self, home: Path) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed: end-to-end tests drive newsread inside tmux")
        assert NEWSREAD.exists(), f"no newsread console script next to {sys.executable}"
        self.socket = f"newsread-test-{uuid.uuid4().hex[:8]}"
        self.session = ""
        self.environment = {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "TERM": "xterm-256color",
            "NEWSREAD_WATCH_SECONDS": "1",  # a file added is noticed within a second
            # Every notice, for a failure to show (a toast is gone within seconds).
            "NEWSREAD_NOTICE_LOG": str(home / "notices.log"),
        }

    def run(self, *args: str, check: bool = True) -> str:
        # Without TMUX: a test run inside tmux must not talk to the user's server. Without
        # COLUMNS and LINES (pytest-xdist's workers have 80 and 24): the app, like any that
        # asks shutil.get_terminal_size, would keep that size and never see a resize.
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "COLUMNS", "LINES")}
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check, env=env
        )
        return result.stdout

    def start(self, command: str, size: tuple[int, int] = (80, 24)) -> None:
        """A new session of `size` running `command`; it becomes the one keys go to."""
        self.session = f"nr-{uuid.uuid4().hex[:6]}"
        width, height = size
        self.run("new-session", "-d", "-x", str(width), "-y", str(height), "-s", self.session,
                 command)  # fmt: skip
        # Without a client, tmux sizes a window to its default (80x24) when it likes.
        self.run("set-option", "-t", self.session, "window-size", "manual")
        self.resize(size)

    def newsread(
        self,
        library: Path,
        size: tuple[int, int] = (80, 24),
        pid_file: Path | None = None,
        before: str = "",
        through: tuple[str, ...] = (),
    ) -> None:
        """`newsread library` in a new session, after the shell command `before`, run by the
        command `through` (`setpriv ...`) when given; it says "newsread exited N" when it ends."""
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.environment.items())
        first = f"{before}; " if before else ""
        first += f"echo $$ > {shlex.quote(str(pid_file))}; " if pid_file else ""
        program = shlex.join([*through, str(NEWSREAD), str(library)])
        command = f"env -u NEWSREAD_HOME {settings} {program}"
        if pid_file:  # the pid is newsread's own: exec, and nothing runs after it
            self.start(f"{first}exec {command}", size)
        else:
            self.start(f"{first}{command}; echo newsread exited $?; sleep 30", size)

    def resize(self, size: tuple[int, int], shows: str = "") -> str:
        """Resize the window; with `shows`, wait for that text (the new layout) on screen."""
        width, height = size
        self.run("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))
        return self.wait_for(shows) if shows else self.screen()

    def notices(self) -> str:
        """The notices the app gave (`NEWSREAD_NOTICE_LOG`), for a failure message."""
        try:
            said = Path(self.environment["NEWSREAD_NOTICE_LOG"]).read_text(encoding="utf-8")
        except OSError:
            return ""
        return f"\nnotices given:\n{said}" if said else ""

    def kill(self) -> None:
        self.run("kill-server", check=False)
        # A newsread that outlived its terminal goes on using a core for the rest of the run:
        # seen once, at 64% for 35 minutes after a failed stop-and-fg test (Textual 8.2.8's
        # SIGTSTP handler, run in the middle of a write, waited for that write's own lock; the
        # SIGHUP that followed went to the input thread, which spins on the closed terminal).
        home = f"HOME={self.environment['HOME']}".encode()
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and home in (entry / "environ").read_bytes().split(b"\0"):
                    os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass  # gone meanwhile, or not ours to read

    def screen(self) -> str:
        return self.run("capture-pane", "-t", self.session, "-p", check=False)

    def keys(self, *keys: str) -> None:
        """Named keys (`Enter`, `C-q`), each its own write."""
        self.run("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """`text` in one write, as typed-ahead keys arrive over SSH."""
        self.run("send-keys", "-t", self.session, "-l", text)

    def type_bytes(self, data: bytes) -> None:
        """`data` in one write, byte for byte: keys as a terminal of another encoding than
        UTF-8 sends them ("é" as 0xE9 from a Latin-1 one)."""
        self.run("send-keys", "-t", self.session, "-H", *(f"{byte:02x}" for byte in data))

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """The screen once `text` is on it."""
        return self._poll(lambda screen: text in screen, f"{text!r} not on screen", timeout)

    def wait_for_notice(self, text: str, timeout: float = 60.0) -> str:
        """The screen once the app gave a notice with `text` (a toast wraps at its width)."""
        return self._poll(lambda _: text in self.notices(), f"no notice {text!r}", timeout)

    def wait_until_gone(self, text: str, timeout: float = 60.0) -> str:
        return self._poll(lambda screen: text not in screen, f"{text!r} still on screen", timeout)

    def settled(self, quiet: float = 0.7, timeout: float = 60.0) -> str:
        """The screen once it has not changed for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        screen, since = self.screen(), time.monotonic()
        while time.monotonic() - since < quiet:
            assert time.monotonic() < deadline, "the screen never settled"
            time.sleep(0.05)
            now = self.screen()
            if now != screen:
                screen, since = now, time.monotonic()
        return screen

    def _poll(self, done: Callable[[str], bool], failure: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if done(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure} after {timeout}s:\n{screen}{self.notices()}")
            time.sleep(0.05)


def keep_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every notice an app gives (`notifications`): a toast may time out before a loaded
    machine gets to the test's assertion."""
    notify = NewsreadApp.notify

    def keep(self: NewsreadApp, message: str, *args: object, **kwargs: object) -> None:
        self.__dict__.setdefault("said_in_test", []).append(message)
        notify(self, message, *args, **kwargs)

    monkeypatch.setattr(NewsreadApp, "notify", keep)


def notifications(app: NewsreadApp) -> list[str]:
    """Every notice `app` has given in this test, expired ones too (`keep_notices`)."""
    return list(app.__dict__.get("said_in_test", []))


def hold_counts(
    monkeypatch: pytest.MonkeyPatch, text: str, step: str = "counts"
) -> tuple[Any, Any]:
    """Hold the second step (the exact count, facets and timeline) of the search for `text`,
    or its first (`step="top"`, the first page): returns (counting, release), two events:
    set once it is held, and set to let it go."""
    counting, release = threading.Event(), threading.Event()
    real_step = getattr(Search, step)

    def held(self: Search) -> Any:
        if self.text == text:
            counting.set()
            release.wait(30)
        return real_step(self)

    monkeypatch.setattr(Search, step, held)
    return counting, release
