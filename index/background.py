"""Indexing in a separate process, so the app stays responsive.

Whoosh is pure Python: indexing in a thread holds the GIL and stalls the UI's event loop for
tens of milliseconds at a time. A spawned process indexes instead and reports back through a
pipe; the caller's callbacks run in the caller's thread, exactly as with `Library.update`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.index.errors import LibraryError

if TYPE_CHECKING:
    from newsread.index.engine.indexer import IndexSummary, Progress

_PROGRESS_INTERVAL = 0.1
"""Seconds between progress reports sent over the pipe (a report per file is too many)."""


def update_in_subprocess(
    root: Path,
    index_dir: Path,
    *,
    on_progress: Callable[[Progress], object] | None = None,
    on_commit: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IndexSummary:
    """Bring the library's index up to date in a child process; see `Library.update`."""
    return Indexing(root, index_dir).follow(
        on_progress=on_progress, on_commit=on_commit, cancelled=cancelled
    )


class Indexing:
    """An update running in a child process, started now and followed later.

    `newsread` starts a new library's `held` before importing the app: the child imports the
    index and opens (creates) the library while the app imports and paints (most of a second),
    then waits for `go`, which the app gives after its first frame. Reading at once instead
    delayed that frame by 1.5 s on a busy machine: the app and its child share one scheduling
    group (Linux's autogroup), so the child's reading took half the app's CPU.

    Cheap to import (nothing of the index is loaded here): the caller may not have it yet.
    """

    def __init__(self, root: Path, index_dir: Path, *, held: bool = False) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, theirs = context.Pipe(duplex=True)
        # Not daemonic: a daemonic process may not start sub-writers
        # (newsread.index.engine.parallel). `follow` or `stop` ends it however the caller ends.
        self._process = context.Process(
            target=_child, args=(str(root), str(index_dir), theirs), name="newsread-index"
        )
        # A host that replaced sys.stderr (Textual does, with no real file descriptor) makes
        # multiprocessing's helper processes fail to start: give them the real one.
        with contextlib.redirect_stderr(sys.__stderr__ or sys.stderr):
            self._process.start()
        theirs.close()
        self._held = True
        self._early: deque[tuple[str, Any]] = deque()
        """Messages read by `go`, for `follow`."""
        if not held:
            self._let_go()

    def _let_go(self) -> None:
        if self._held:
            self._held = False
            with contextlib.suppress(OSError):
                self._pipe.send("go")

    def go(self, timeout: float = 30.0) -> None:
        """Let the update read its files, and return once the child has opened (and, for a
        new library, created) the index, or has stopped: the caller may then open it too
        without meeting it half made."""
        self._let_go()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._process.is_alive():
            if not self._pipe.poll(0.02):
                continue
            try:
                message = self._pipe.recv()
            except (EOFError, OSError):
                return
            if message[0] == "opened":
                return
            self._early.append(message)
            if message[0] in ("done", "error"):
                return

    def follow(
        self,
        *,
        on_progress: Callable[[Progress], object] | None = None,
        on_commit: Callable[[int], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Wait for the update to end, passing on its progress and commits (in this thread)
        and asking it to stop when `cancelled()`; its summary, or LibraryError."""
        self._let_go()
        asked_to_stop = False
        try:
            while True:
                if cancelled and cancelled() and not asked_to_stop:
                    self._pipe.send("cancel")
                    asked_to_stop = True
                if self._early or self._pipe.poll(0.05):
                    try:
                        kind, payload = self._early.popleft() if self._early else self._pipe.recv()
                    except EOFError:
                        raise LibraryError(_died(self._process)) from None
                    if kind == "progress" and on_progress:
                        on_progress(payload)
                    elif kind == "commit" and on_commit:
                        on_commit(payload)
                    elif kind == "done":
                        return payload  # type: ignore[no-any-return]
                    elif kind == "error":
                        raise LibraryError(payload)
                elif not self._process.is_alive() and not self._pipe.poll():
                    # (Looked at after its death: its last words, "done", may have come after
                    # the wait above ended and before it exited.)
                    raise LibraryError(_died(self._process))
        finally:
            self.stop()

    def stop(self, on_wait: Callable[[], object] | None = None) -> None:
        """Ask the update to stop and wait while it commits what it read (a batch can be
        minutes of reading: killed, all of it would be read again next time).

        `on_wait()` runs once if that takes more than a moment, to say why the caller waits; a
        KeyboardInterrupt while waiting kills the update at once (its batch is lost), and is
        raised again."""
        with contextlib.suppress(OSError, ValueError):
            if self._process.is_alive():
                self._pipe.send("cancel")
        self._process.join(timeout=1)
        if self._process.is_alive():
            if on_wait:
                on_wait()
            try:
                self._process.join()
            except BaseException:
                self._process.kill()
                self._process.join()
                raise
        self._pipe.close()  # after: what the child still says must not break its pipe


def _died(process: Any) -> str:
    process.join(timeout=1)
    return f"the indexing process stopped unexpectedly (exit code {process.exitcode})"


def _child(root: str, index_dir: str, conn: Connection) -> None:
    """The indexing process: nothing it prints may reach the app's terminal."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.umask(0o077)
    from newsread.index.library import Library

    # The app decides when this update stops: a hang-up (or ctrl+c) reaching the terminal's
    # whole process group must not kill it, and its sub-writers, mid-batch, losing every file
    # read since the last commit. If the app is gone (killed, or its terminal closed), this
    # update commits what it read and ends by itself (`cancelled`).
    for name in ("SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    last = 0.0
    stop = False

    def say(message: tuple[str, Any]) -> None:
        """Tell the app, if it is still there to hear: if not, stop after this file."""
        nonlocal stop
        try:
            conn.send(message)
        except OSError:  # the app's end of the pipe is closed: it is gone
            stop = True

    def progress(report: Progress) -> None:
        nonlocal last
        now = time.monotonic()
        if report.phase != "reading" or now - last >= _PROGRESS_INTERVAL:
            last = now
            say(("progress", report))

    def cancelled() -> bool:
        nonlocal stop
        try:
            while not stop and conn.poll():
                stop = conn.recv() == "cancel"
        except (EOFError, OSError):  # the app is gone: keep what was read, and end
            stop = True
        return stop

    try:
        library = Library(Path(root), Path(index_dir)).open()
        say(("opened", None))
        try:
            go = conn.recv() == "go"
        except (EOFError, OSError):
            go = False
        if not go:  # "cancel" (or gone): the app quit before it let this update read
            library.close()
            return
        summary = library.update(
            on_progress=progress, on_commit=lambda n: say(("commit", n)), cancelled=cancelled
        )
        library.close()
        say(("done", summary))
    except LibraryError as error:
        say(("error", str(error)))
    except OSError as error:
        say(("error", f"indexing failed: {error.strerror or error}"))
    except Exception as error:  # noqa: BLE001 - reported to the app as one line, not a traceback
        say(("error", f"indexing failed: {type(error).__name__}: {error}"))
