"""End to end, in tmux: a note being typed survives the terminal closing (SIGHUP).

The real `newsread` command runs at 80x24 in tmux on its own server socket (`-L`), with its
own HOME and XDG folders. Typing a note, then `tmux kill-session` (newsread gets SIGHUP as when
an SSH connection drops); the process must leave within seconds and the next launch says
"1 unsaved note recovered" and offers the text back.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import NEWSREAD, Tmux, build_library, wait_gone


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to watch the process leave")
    server = Tmux(tmp_path / "home")
    try:
        yield server
    finally:
        server.kill()


def launch(tmux: Tmux, library: Path, pid_file: Path) -> int:
    """newsread in a new session; its pid."""
    tmux.newsread(library, pid_file=pid_file)
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert time.monotonic() < deadline, "newsread did not start"
        time.sleep(0.05)
    return int(pid_file.read_text())


def open_kelmor(tmux: Tmux) -> None:
    """Open the Kelmor article in a first session (no saved session reopens an article)."""
    tmux.wait_for("up to date")
    tmux.type("kelmor harbour expansion")
    tmux.wait_for("1 of 1")
    tmux.keys("Enter")
    tmux.wait_for("⏎ Open")
    tmux.keys("Enter")
    tmux.wait_for("The harbour master welcomed")


def wait_for_saved_article(home: Path, key: str, timeout: float = 60.0) -> None:
    """Until the session state under `home` records `key` as the open article."""
    state = home / "data" / "newsread" / "state.json"
    deadline = time.monotonic() + timeout
    while True:
        try:
            libraries = json.loads(state.read_text(encoding="utf-8"))["libraries"].values()
        except (OSError, ValueError, KeyError):
            libraries = []
        if any(lib.get("article") == key for lib in libraries):
            return
        assert time.monotonic() < deadline, f"the session state never recorded {key}"
        time.sleep(0.05)


def test_a_note_typed_when_the_terminal_closes_is_recovered(tmux: Tmux, tmp_path: Path) -> None:
    library = build_library(tmp_path / "library")
    pid = launch(tmux, library, tmp_path / "pid-1")
    open_kelmor(tmux)
    # `A` and the sentence in one burst, as a paste or a fast typist sends them.
    tmux.keys("A")
    tmux.type("Ask the harbour master about dredging")
    tmux.wait_for("Ask the harbour master about dredging")
    tmux.run("kill-session", "-t", tmux.session)  # the terminal goes: SIGHUP
    wait_gone(pid)
    drafts = list((tmp_path / "home" / "data" / "newsread" / "drafts").rglob("*.json"))
    assert any("about dredging" in p.read_text(encoding="utf-8") for p in drafts)

    pid = launch(tmux, library, tmp_path / "pid-2")
    tmux.wait_for("1 unsaved note recovered")
    tmux.wait_for("The harbour master welcomed")  # the session reopens the article
    tmux.keys("A")
    tmux.wait_for("An unsaved draft of this note was recovered")
    tmux.keys("k")
    screen = tmux.wait_for("ctrl+s saves")
    assert "Ask the harbour master about dredging" in screen
    tmux.type(" before June")
    tmux.keys("C-s")  # straight after the typing, in the same burst
    tmux.wait_for("Note saved")
    tmux.keys("C-q")
    wait_gone(pid)
    exported = subprocess.run(
        [str(NEWSREAD), "export", "--library", str(library)],
        capture_output=True,
        text=True,
        env={**{k: v for k, v in os.environ.items() if k != "NEWSREAD_HOME"}, **tmux.environment},
        check=True,
    ).stdout
    assert "Ask the harbour master about dredging before June" in exported
    assert not list((tmp_path / "home" / "data" / "newsread" / "drafts").rglob("*.json"))


def test_two_sessions_saving_one_note_never_overwrite_silently(tmux: Tmux, tmp_path: Path) -> None:
    library = build_library(tmp_path / "library")
    launch(tmux, library, tmp_path / "pid-1")
    open_kelmor(tmux)
    first = tmux.session
    tmux.keys("A")
    tmux.type("Written in the first window")
    tmux.wait_for("Written in the first window")

    # The second window reopens the article the first saved in the session state. Its save
    # comes SAVE_DELAY after the open: wait for it, else whether the second window reopens
    # the article is a race (a `settled()` screen without it once had the query typed into
    # the article the restore opened just after).
    wait_for_saved_article(tmp_path / "home", "kelmor-harbour.txt")
    launch(tmux, library, tmp_path / "pid-2")
    second = tmux.session
    tmux.wait_for("The harbour master welcomed")
    tmux.keys("A")
    tmux.type("Written in the second window")
    tmux.keys("C-s")
    tmux.wait_for("Note saved")

    tmux.session = first
    tmux.keys("C-s")
    tmux.wait_for("Another newsread saved this note while you were writing it")
    # Its title can be on screen before its body is: wait for the texts, not the title alone.
    screen = tmux.wait_for("Written in the second window")
    assert "Written in the first window" in screen, screen + tmux.notices()
    tmux.keys("b")
    tmux.wait_for("Note saved")
    tmux.session = second
    tmux.keys("p")  # the second window's notes panel shows the merge: theirs, a divider…
    screen = tmux.wait_for("│ ---")
    assert "Written in the second window" in screen, screen + tmux.notices()


def test_an_editor_that_saved_then_hangs_is_stopped_and_its_text_recovered(
    tmux: Tmux, tmp_path: Path
) -> None:
    """`E`, the editor writes the note (as `:w`), ignores SIGHUP and hangs; the line drops."""
    library = build_library(tmp_path / "library")
    editor_pid = tmp_path / "editor-pid"
    script = tmp_path / "hanging-editor"
    script.write_text(
        "#!/bin/sh\n"
        f"echo $$ > {shlex.quote(str(editor_pid))}\n"
        "trap '' HUP\n"
        "printf 'Saved in the editor before the drop\\n' >> \"$1\"\n"
        "exec sleep 120\n",
        encoding="utf-8",
    )
    script.chmod(0o700)
    tmux.environment["EDITOR"] = str(script)
    pid = launch(tmux, library, tmp_path / "pid-1")
    open_kelmor(tmux)
    tmux.keys("E")  # no highlight at the cursor: the article's note, in $EDITOR
    drafts = tmp_path / "home" / "data" / "newsread" / "drafts"
    deadline = time.monotonic() + 30
    while not any("before the drop" in p.read_text() for p in drafts.rglob("*.md")):
        assert time.monotonic() < deadline, "the editor never wrote its file"
        time.sleep(0.05)
    tmux.run("kill-session", "-t", tmux.session)
    wait_gone(pid)
    wait_gone(int(editor_pid.read_text()))  # newsread stopped it: no orphan left behind

    del tmux.environment["EDITOR"]
    launch(tmux, library, tmp_path / "pid-2")
    tmux.wait_for("1 unsaved note recovered")
    tmux.wait_for("The harbour master welcomed")
    tmux.keys("A")
    screen = tmux.wait_for("An unsaved draft of this note was recovered")
    assert "Saved in the editor before the drop" in screen


def test_p_j_d_in_one_write_delete_the_highlight_just_made(tmux: Tmux, tmp_path: Path) -> None:
    """p, j, d in one write right after highlighting: the panel takes the focus on the
    highlight just made (the last), j stays there (it used to wrap round to the first, so
    "the first j only selects") and d deletes it."""
    launch(tmux, build_library(tmp_path / "library"), tmp_path / "pid")
    open_kelmor(tmux)
    for keys in ("vwwwH", "vjjwwwH"):  # "The city", then "council of Kelmor … Dock workers said"
        tmux.type(keys)
        tmux.wait_for("Highlighted")
    tmux.wait_until_gone("Highlighted")
    tmux.type("pjd")
    screen = tmux.wait_for("Notes · 1 highlight")
    panel = " ".join(line.split("││")[-1].strip("│ ") for line in screen.splitlines()[2:-3])
    assert "The city" in panel and "Kelmor" not in panel, screen
