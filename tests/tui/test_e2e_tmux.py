"""End to end: the installed `newsread` command in a real terminal (tmux) at 80x24.

Search, open, read, come back and quit, all from the keyboard, reading the screen with
`tmux capture-pane`. Waits poll the screen for the expected text (never a fixed sleep).
tmux runs on its own socket and newsread with its own data dirs: nothing is shared with
the user's tmux or newsread.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from tui_helpers import build_library, write_article

NEWSREAD = Path(sys.executable).parent / "newsread"


SOCKET = f"newsread-e2e-{os.getpid()}"


def tmux(*args: str) -> str:
    result = subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=True
    )
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


def start(library: Path, home: Path, size: tuple[int, int] = (80, 24)) -> Terminal:
    """`newsread library` in a new tmux session of `size`."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the end-to-end test drives newsread inside tmux")
    assert NEWSREAD.exists(), f"no newsread console script next to {sys.executable}"
    session = f"newsread-e2e-{uuid.uuid4().hex[:8]}"
    command = (
        f"env NEWSREAD_HOME={shlex.quote(str(home))} TERM=xterm-256color "
        f"{shlex.quote(str(NEWSREAD))} {shlex.quote(str(library))}; "
        "echo newsread exited $?; sleep 30"
    )
    width, height = size
    tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", session, command)
    # Without a client, tmux may size the window to its default (80x24) at any time.
    tmux("set-option", "-t", session, "window-size", "manual")
    tmux("resize-window", "-t", session, "-x", str(width), "-y", str(height))
    return Terminal(session)


@pytest.fixture
def terminal(tmp_path: Path):  # type: ignore[no-untyped-def]
    terminal = start(build_library(tmp_path / "library"), tmp_path / "home")
    try:
        yield terminal
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def big_library(root: Path, count: int) -> Path:
    """`count` small articles: a library that takes the app a few seconds to index."""
    words = "harbour grain ferry minister council flood market quota sugar river".split()
    for n in range(count):
        folder = root / f"{n // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(words[(n * 7 + i) % len(words)] for i in range(60))
        (folder / f"a{n:05d}.txt").write_text(
            f"WIRE / World\n\nReport number {n}\n\n{1 + n % 28} May 2017 - WIRE\n\n{body}\n",
            encoding="utf-8",
        )
    return root


def test_search_open_read_and_quit_at_80x24(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for("up to date")
    screen = terminal.wait_for("River flood reaches the old town")  # newest first, no query
    assert "library · 4 articles" in screen

    terminal.type("harbour")
    terminal.wait_for("1 of 2 · by relevance")
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
    assert "1 of 2" in screen and "River flood reaches the old town" in screen

    # The hits over time by month: T picks the busiest, Enter narrows to it, 1 removes that.
    assert "2017-05-30 – 2021-04-02 · busiest May 2017: 1" in screen
    terminal.type("T")
    terminal.wait_for("◂ May 2017: 1 hit ▸")
    terminal.keys("Enter")
    screen = terminal.wait_for("1 of 1 · by relevance")
    assert "date: 2017-05" in screen
    terminal.type("1")
    terminal.wait_for("1 of 2 · by relevance")

    # A file saved while the app runs is noticed (a stat walk every few seconds).
    write_article(tmp_path / "library", "late.txt", "Harbour tug strike", "The harbour tugs.")
    terminal.wait_for("1 file changed — indexing", timeout=30)
    terminal.wait_for("Harbour tug strike")
    terminal.wait_for(" of 3 · by relevance")

    terminal.keys("C-q")
    terminal.wait_for("newsread exited 0")


def test_keys_sent_in_one_write_land_in_order_while_indexing(tmp_path: Path) -> None:
    terminal = start(big_library(tmp_path / "library", 6000), tmp_path / "home")
    try:
        terminal.wait_for("Report number")  # a first batch is searchable, indexing goes on
        terminal.keys("Escape")  # from the box to the results
        terminal.wait_for("⏎ Open")
        terminal.type("/versailles")  # one write, as typed-ahead keys come over SSH
        terminal.wait_for("Search versailles")
        terminal.keys("Escape")
        terminal.wait_for("f Filters")  # the results have the focus
        terminal.type("/sugar brazil quota")
        screen = terminal.wait_for("Search sugar brazil quota")
        assert "Sorted by" not in screen  # the `s` was typed, not taken as "sort"

        # One list over every hit: G goes to the last of them, j stays there.
        terminal.wait_for("up to date")
        terminal.keys("C-u")
        terminal.type("report")
        terminal.keys("Enter")
        terminal.wait_for("1 of 6,000 · by relevance")
        terminal.keys("G")
        terminal.wait_for("6,000 of 6,000")
        terminal.keys("j")
        terminal.keys("k")
        terminal.wait_for("5,999 of 6,000")
        screen = terminal.wait_for("Report number")
        assert not re.search(r"│ …\s+│", screen)  # no placeholder row: the page was loaded
        terminal.keys("C-q")
        terminal.wait_for("newsread exited 0")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def test_a_5_mb_single_line_article_opens_finds_and_quits(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    words = "the minister said grain exports would fall as the harbour council met".split()
    body = " ".join(words[i % len(words)] for i in range(5_000_000 // 6))
    (root / "long.txt").write_text(
        f"WIRE / World\n\nA very long article\n\n1 May 2017 - WIRE\n\n{body}\n", encoding="utf-8"
    )
    terminal = start(root, tmp_path / "home")
    try:
        terminal.wait_for("up to date")
        terminal.keys("Escape")
        terminal.wait_for("⏎ Open")
        terminal.keys("Enter")
        terminal.wait_for("A very long article")
        terminal.wait_for("esc Back")
        terminal.type("/minister")
        terminal.keys("Enter")
        terminal.wait_for("find 1/5000+")  # capped, and the cap is said
        terminal.keys("C-q")
        terminal.wait_for("newsread exited 0")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
