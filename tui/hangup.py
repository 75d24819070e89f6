"""Leaving cleanly when the terminal goes away (SIGHUP) or newsread is told to stop (SIGTERM).

The handlers are plain `signal.signal` handlers, not event-loop ones: the loop may be blocked
(in `$EDITOR`, say) exactly when the connection drops. A handler saves what must not be lost
at once (`save`, plain file writes), stops a running `$EDITOR`, asks the app to exit with
128 + the signal's number, and starts a watchdog that ends the process if the exit is stuck.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

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
        from newsread.tui.external_editor import stop_editor

        stop_editor()
        watchdog = threading.Thread(
            target=self._watch, args=(code,), name="newsread-hangup-watchdog", daemon=True
        )
        watchdog.start()
        self._exit_app(code)

    def _watch(self, code: int) -> None:
        time.sleep(self._grace)
        force_exit(code)
