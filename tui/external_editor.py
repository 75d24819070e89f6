"""Editing a note in the user's own editor: $VISUAL or $EDITOR, else vi or nano.

The app is suspended (`App.suspend`) while the editor owns the terminal; the note goes out
and comes back through a private temporary file that is removed afterwards.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

if TYPE_CHECKING:
    from textual.app import App

FALLBACK_EDITORS = ("vi", "nano")


class EditorError(Exception):
    """The note could not be edited outside; `str()` is one line for the user."""


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
    raise EditorError("No editor: set $EDITOR (vi and nano are not installed either)")


def edit_text(app: App[object], text: str, environ: Mapping[str, str] | None = None) -> str:
    """`text` as the user left it in their editor; raises `EditorError` on any failure."""
    command = editor_command(os.environ if environ is None else environ)
    descriptor, name = tempfile.mkstemp(prefix="newsread-note-", suffix=".md")  # mode 0600
    path = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n" if text else "")
        try:
            with app.suspend():
                completed = subprocess.run([*command, str(path)], check=False)
        except SuspendNotSupported:
            raise EditorError("This terminal cannot hand over to an editor") from None
        except OSError as error:
            raise EditorError(f"Could not start {command[0]}: {error.strerror}") from None
        if completed.returncode != 0:
            raise EditorError(
                f"{Path(command[0]).name} exited with status {completed.returncode}; "
                "the note was not changed"
            )
        return path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
