"""End to end: the installed `newsread` command in a real terminal (tmux) at 80x24.

Search, open, read, come back and quit, all from the keyboard, reading the screen with
`tmux capture-pane`. Waits poll the screen for the expected text (never a fixed sleep).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from tui_helpers import build_library

NEWSREAD = Path(sys.executable).parent / "newsread"


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
    return result.stdout


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def screen(self) -> str:
        return tmux("capture-pane", "-t", self.session, "-p")

    def keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.05)

    def wait_until_gone(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text not in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} still on screen after {timeout}s:\n{screen}")
            time.sleep(0.05)


@pytest.fixture
def terminal(tmp_path: Path):  # type: ignore[no-untyped-def]
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the end-to-end test drives newsread inside tmux")
    assert NEWSREAD.exists(), f"no newsread console script next to {sys.executable}"
    library = build_library(tmp_path / "library")
    home = tmp_path / "home"
    session = f"newsread-e2e-{uuid.uuid4().hex[:8]}"
    command = (
        f"env NEWSREAD_HOME={shlex.quote(str(home))} TERM=xterm-256color "
        f"{shlex.quote(str(NEWSREAD))} {shlex.quote(str(library))}; "
        "echo newsread exited $?; sleep 30"
    )
    env = {k: v for k, v in os.environ.items() if k != "TMUX"}
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "80", "-y", "24", "-s", session, command],
        check=True,
        env=env,
    )
    try:
        yield Terminal(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_search_open_read_and_quit_at_80x24(terminal: Terminal) -> None:
    terminal.wait_for("up to date")
    screen = terminal.wait_for("River flood reaches the old town")  # newest first, no query
    assert "library · 4 articles" in screen

    terminal.type("harbour")
    terminal.wait_for("2 results")
    terminal.keys("Enter")
    terminal.wait_for("⏎ Open")  # the focus moved to the results: the footer says so
    terminal.keys("Enter")
    screen = terminal.wait_for("match -/4")
    assert "HARBOUR GAZETTE · World · 30 May 2017 16:18" in screen
    assert "The harbour master welcomed the plan for a deeper harbour." in screen

    terminal.keys("n")
    terminal.wait_for("match 1/4")
    terminal.keys("n")
    terminal.wait_for("match 2/4")

    terminal.keys("Escape")
    screen = terminal.wait_until_gone("match 2/4")
    assert "2 results" in screen and "River flood reaches the old town" in screen

    terminal.keys("C-q")
    terminal.wait_for("newsread exited 0")
