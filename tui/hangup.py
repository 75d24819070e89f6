"""Leaving cleanly when the terminal goes away (SIGHUP) or newsread is told to stop (SIGTERM).

The handlers are plain `signal.signal` handlers, not event-loop ones: the loop may be blocked
(in `$EDITOR`, say) exactly when the connection drops. A handler saves what must not be lost
at once (`save`, plain file writes), stops a running `$EDITOR`, asks the app to exit with
128 + the signal's number, and starts a watchdog that ends the process if the exit is stuck.

After SIGHUP the terminal is gone: writing to it fails, and Textual's output thread dies of
that, after which its shutdown waits forever for that thread. So on SIGHUP the output goes to
/dev/null from then on, and once the app has done its own shutdown (`done`) the process
leaves within a second whatever the driver is still waiting for.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
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

    def install(self) -> Hangup:
        if threading.current_thread() is not threading.main_thread():
            return self  # signal handlers can only be set from the main thread
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)
        return self

    def uninstall(self) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()

    def _handle(self, number: int, frame: FrameType | None) -> None:
        code = 128 + number
        if self.received is not None:
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
