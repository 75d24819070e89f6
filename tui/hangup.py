"""Leaving cleanly when the terminal goes away (SIGHUP) or newsread is told to stop (SIGTERM).

The handlers are plain `signal.signal` handlers, not event-loop ones: the loop may be blocked
(in `$EDITOR`, say) exactly when the connection drops. A handler saves what must not be lost
at once (`save`, plain file writes), stops a running `$EDITOR`, asks the app to exit with
128 + the signal's number, and starts a watchdog that ends the process if the exit is stuck.

After SIGHUP the terminal is gone: writing to it fails, and Textual's output thread dies of
that, after which its shutdown waits forever for that thread. So on SIGHUP the output goes to
/dev/null from then on, and once the app has done its own shutdown (`done`) the process
leaves within a second whatever the driver is still waiting for.

The terminal going away is also watched for directly (`watch_terminal`, a thread waiting
for the hang-up on standard input): the kernel's SIGHUP may be taken by another thread while
the main thread, which alone runs Python's handlers, is stuck; and a terminal can end (EOF)
without a SIGHUP. Either way the same handling runs, from that thread.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from types import FrameType
from typing import Any

from newsread.tui.external_editor import stop_editor

log = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
GRACE = 5.0
"""Seconds the app has to exit by itself before the watchdog ends the process."""


def force_exit(code: int) -> None:
    """The watchdog's last resort (tests replace it)."""
    os._exit(code)


class Hangup:
    """Installed signal handlers; `uninstall` puts the previous ones back."""

    def __init__(
        self,
        save: Callable[[], None],
        exit_app: Callable[[int], object],
        *,
        grace: float | None = None,
    ) -> None:
        """`save()` runs first, in the handler; then `exit_app(code)` (must be signal-safe)."""
        self._save = save
        self._exit_app = exit_app
        self._grace = GRACE if grace is None else grace
        self._previous: dict[int, Any] = {}
        self.received: int | None = None
        """The signal that arrived, if one did."""
        self._once = threading.Lock()
        """Taken by the first hang-up (a signal, or the terminal watcher's thread)."""
        self._stop_watching: Callable[[], None] | None = None

    def install(self) -> Hangup:
        if threading.current_thread() is not threading.main_thread():
            return self  # signal handlers can only be set from the main thread
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)
        terminal = _terminal_input()
        if terminal is not None and hasattr(signal, "SIGHUP"):
            self._stop_watching = watch_terminal(terminal, self._terminal_gone)
        return self

    def uninstall(self) -> None:
        if self._stop_watching is not None:
            self._stop_watching()
            self._stop_watching = None
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()

    def _terminal_gone(self) -> None:
        """The terminal hung up (seen by the watcher's thread): as if SIGHUP had come."""
        self._handle(signal.SIGHUP, None)

    def _handle(self, number: int, frame: FrameType | None) -> None:
        code = 128 + number
        if not self._once.acquire(blocking=False):
            return  # a second signal while leaving: the watchdog is already running
        self.received = number
        try:
            self._save()
        except Exception as error:  # noqa: BLE001 - leave anyway; nothing else can be done
            log.warning("saving on %s failed: %s", signal.Signals(number).name, error)
        stop_editor()
        if number == getattr(signal, "SIGHUP", None):
            _silence_terminal()
        # `force_exit` is looked up now: tests replace it for as long as they run.
        watchdog = threading.Timer(self._grace, force_exit, (code,))
        watchdog.name = "newsread-hangup-watchdog"
        watchdog.daemon = True
        watchdog.start()
        self._exit_app(code)

    def done(self) -> None:
        """The app finished its own shutdown: after a signal, leave soon whatever else waits."""
        if self.received is not None:
            leave = threading.Timer(1.0, force_exit, (128 + self.received,))
            leave.daemon = True
            leave.start()


def _terminal_input() -> int | None:
    """Standard input's descriptor if it is a terminal (the app's keys come from it)."""
    stream = sys.__stdin__
    try:
        return stream.fileno() if stream is not None and stream.isatty() else None
    except (OSError, ValueError):  # closed, or not a real file
        return None


def watch_terminal(descriptor: int, gone: Callable[[], None]) -> Callable[[], None]:
    """Call `gone()`, in a thread of its own, once the terminal on `descriptor` hangs up (or
    the descriptor is closed); returns a function that stops watching (waiting for the thread).

    The thread sleeps in `poll` until then: it reads nothing (the keys are the driver's).
    """
    wake_read, wake_write = os.pipe()

    def watch() -> None:
        poller = select.poll()
        poller.register(descriptor, 0)  # hang-ups and errors are reported whatever is asked
        poller.register(wake_read, select.POLLIN)
        try:
            events = poller.poll()
        finally:
            os.close(wake_read)
        if not any(ready == wake_read for ready, _ in events):
            gone()

    thread = threading.Thread(target=watch, name="newsread-terminal-watch", daemon=True)
    thread.start()

    def stop() -> None:
        with suppress(OSError):  # the watch has ended (it closed its end)
            os.write(wake_write, b"x")
        os.close(wake_write)
        if thread is not threading.current_thread():
            thread.join()

    return stop


def _silence_terminal() -> None:
    """Point stdout and stderr at /dev/null: the terminal they were writing to is gone."""
    try:
        if not os.isatty(1):
            return  # not a terminal (a test's captured output): leave it alone
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
    except OSError as error:
        log.debug("output not redirected: %s", error)
