"""Editing a note in the user's own editor: $VISUAL or $EDITOR, else the system's default.

The app is suspended (`App.suspend`) while the editor owns the terminal; the note goes out
and comes back through a private file. The app passes one in its drafts folder (in the data
dir, not `$TMPDIR`), so what the editor saved (`:w`) before the connection dropped is found
again by the next session; without one, a temporary file is used and removed afterwards.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from newsread.index.text import note_text

if TYPE_CHECKING:
    from textual.app import App

FALLBACK_EDITORS = ("editor", "nano", "vi")
"""With no $VISUAL or $EDITOR: the system's choice (Debian's `editor` alternative), else nano,
which shows its keys on screen (a first-time user dropped into vi was stuck there), else vi."""


class EditorError(Exception):
    """The note could not be edited outside; `str()` is one line for the user.

    `saved` is what an editor that crashed had saved (`:w`) before it died, else None.
    """

    def __init__(self, message: str, saved: str | None = None) -> None:
        super().__init__(message)
        self.saved = saved


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """The editor to run, as a command line; raises `EditorError` when there is none."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                command = shlex.split(value)
            except ValueError as error:
                raise EditorError(f"${name} cannot be read as a command: {error}") from None
            if command:
                return command
    for fallback in FALLBACK_EDITORS:
        found = shutil.which(fallback)
        if found:
            return [found]
    raise EditorError("No editor: set $EDITOR (editor, nano and vi are not installed either)")


_running: subprocess.Popen[bytes] | None = None
"""The editor running now, if any (a hang-up stops it)."""


def stop_editor() -> None:
    """Ask a running editor to end (SIGTERM): the terminal it was drawing on is gone."""
    process = _running
    if process is not None and process.poll() is None:
        try:
            process.terminate()
        except OSError:
            pass  # it ended meanwhile


def _wait(process: subprocess.Popen[bytes]) -> int:
    """The editor's exit status, waiting in short steps.

    A signal (SIGHUP as the connection drops) may be delivered to another thread; its Python
    handler then runs only once this thread executes Python again, which a plain `wait()`
    (blocked in waitpid) would not do until the editor exits, perhaps never.
    """
    while True:
        try:
            return process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def _interrupts_for_the_editor() -> Iterator[None]:
    """ctrl+c while the editor has the terminal is the editor's: an editor that leaves the
    terminal's keys as they are (`code --wait`, `ed`, a script) gets SIGINT and ends (the note
    is not changed); newsread, which gets it too, goes on (it quit, leaving a blank screen).

    A handler that does nothing, not SIG_IGN: an ignored signal stays ignored in the editor.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _ignore)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore(signum: int, frame: object) -> None:
    """Nothing: the editor, a process of its own, takes ctrl+c."""


def edit_text(
    app: App[object],
    text: str,
    environ: Mapping[str, str] | None = None,
    *,
    path: Path | None = None,
) -> str:
    """`text` as the user left it in their editor; raises `EditorError` on any failure.

    `path` is the file to edit (created 0600, left in place for the caller); without it, a
    private temporary file that is removed afterwards.
    """
    global _running
    command = editor_command(os.environ if environ is None else environ)
    if path is None:
        descriptor, name = tempfile.mkstemp(prefix="newsread-note-", suffix=".md")  # 0600
        temporary = Path(name)
    else:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        temporary = None
    target = temporary or path
    assert target is not None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n" if text else "")
        failed: OSError | None = None
        try:
            # Nothing may be raised out of this block: Textual (8.2.8) takes the terminal back
            # only when it ends normally; an editor that does not start left the app
            # suspended, a blank screen deaf to every key.
            with app.suspend(), _interrupts_for_the_editor():
                try:
                    process = _running = subprocess.Popen([*command, str(target)])
                except OSError as error:
                    failed = error
                else:
                    returncode = _wait(process)
        except SuspendNotSupported:
            raise EditorError("This terminal cannot hand over to an editor") from None
        finally:
            _running = None
        if failed is not None:
            raise EditorError(f"Could not start {command[0]}: {failed.strerror or failed}")
        if returncode != 0:
            name = Path(command[0]).name
            if returncode > 0:  # its own way to say "abandon this edit" (vim's :cq)
                raise EditorError(
                    f"{name} exited with status {returncode}; the note was not changed"
                )
            ended = f"was stopped (signal {-returncode})"
            with suppress(ValueError):
                ended = f"was stopped ({signal.Signals(-returncode).name})"
            # Killed (a crash, ctrl+c, the terminal gone): what the user saved in it stays.
            saved = note_text(target.read_bytes())
            if saved.rstrip("\n") == text.rstrip("\n"):
                raise EditorError(f"{name} {ended}; the note was not changed")
            raise EditorError(f"{name} {ended}; here is what it had saved", saved=saved)
        return note_text(target.read_bytes())
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
