"""Textual's Linux driver, with stopping (SIGTSTP) and `fg` (SIGCONT) done in the event loop.

Textual 8.2.8 leaves application mode inside the SIGTSTP handler, writing to the terminal
through its output queue. Python runs a handler in the main thread, between two of its
steps: run in the middle of a write, with the queue's lock held, the handler waited for a
lock its own thread held, and newsread hung for good. Here the handlers only ask the event
loop to do the work, between two callbacks, where no write is half done.

While `$EDITOR` has the terminal (`App.suspend`: the driver will not restart by itself, and
the event loop waits for the editor) there is nothing to leave: SIGTSTP stops the process at
once, as it stops the editor, which is in the same job.

Keys are decoded as the terminal encodes them (the locale's encoding, which standard input
has: `newsread.tui.launch`), not always as UTF-8.
"""

from __future__ import annotations

import codecs
import os
import signal
import sys
from functools import partial
from types import FrameType
from typing import TYPE_CHECKING, Any

from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver

from newsread.tui.escape_keys import KeyParser

if TYPE_CHECKING:
    from textual.app import App


class NewsreadDriver(LinuxDriver):
    """`LinuxDriver` whose stop and continue run in the event loop (see the module)."""

    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self._stop_asked = False
        """A SIGTSTP waits for the event loop (a SIGCONT before then cancels it)."""
        self._stopped = False
        """Application mode was left for a stop: a SIGCONT comes back to it."""
        signal.signal(signal.SIGTSTP, self._on_sigtstp)
        signal.signal(signal.SIGCONT, self._on_sigcont)

    def run_input_thread(self) -> None:
        """Textual's input loop, reading keys with `KeyParser` (Escape and the key typed after
        it, arriving together, are two keys) and `terminal_decoder`: the loop makes its parser
        and its decoder by these names."""
        linux_driver.XTermParser = KeyParser  # type: ignore[attr-defined]
        linux_driver.getincrementaldecoder = terminal_decoder  # type: ignore[attr-defined,assignment]
        super().run_input_thread()

    def _on_sigtstp(self, signum: int, frame: FrameType | None) -> None:
        if not self._auto_restart or self._loop.is_closed():
            # $EDITOR has the terminal, or the app has ended: nothing to put back.
            os.kill(os.getpid(), signal.SIGSTOP)
            return
        self._stop_asked = True
        self._loop.call_soon_threadsafe(self._stop)

    def _on_sigcont(self, signum: int, frame: FrameType | None) -> None:
        self._stop_asked = False
        if self._stopped and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._continue)

    def _stop(self) -> None:
        """Leave application mode, then stop the process (in the event loop)."""
        if not self._stop_asked:
            return  # continued meanwhile
        self._stop_asked = False
        if self._auto_restart:
            self.suspend_application_mode()
            self._must_signal_resume = True  # the app repaints once back (`SignalResume`)
            self._stopped = True
        os.kill(os.getpid(), signal.SIGSTOP)

    def _continue(self) -> None:
        """Take the terminal back after a stop (in the event loop)."""
        if not self._stopped:
            return
        writer = self._writer_thread
        self.resume_application_mode()
        # Continued in the background (`bg`), Textual finds the terminal is not its own and
        # stops again, starting nothing: the next SIGCONT (`fg`) tries again.
        self._stopped = self._writer_thread is writer


def terminal_decoder(_encoding: str) -> partial[codecs.IncrementalDecoder]:
    """What makes the decoder of the keys read from the terminal, in place of Textual's
    UTF-8 one: the terminal's encoding (standard input's), a byte it does not take as "�".

    Under LANG=en_US.ISO-8859-1 "é" is the one byte 0xE9, which no UTF-8 decoder takes:
    Textual's strict one raised in its input thread, and the app ended with a traceback
    (exit status 0) as "café" was typed.
    """
    encoding = getattr(sys.__stdin__, "encoding", None) or "utf-8"
    try:
        factory = codecs.getincrementaldecoder(encoding)
    except LookupError:
        factory = codecs.getincrementaldecoder("utf-8")
    return partial(factory, errors="replace")
