"""End to end: the installed `newsread` command in a real terminal (tmux), mostly at 80x24.

Search, open, read, come back, resize and quit, all from the keyboard, reading the screen
with `tmux capture-pane` (the driver is `tui_helpers.Tmux`).

A resize used to be lost here under pytest-xdist, whose workers export COLUMNS=80 and
LINES=24: newsread inherited them through tmux, and Textual sizes the screen with
shutil.get_terminal_size, which prefers them to the terminal. The driver leaves them out of
tmux's own environment; newsread drops them itself when run in a terminal (the first test
exports them to it).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import NEWSREAD, Tmux, build_library, wait_gone, write_article


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path / "home")
    try:
        yield server
    finally:
        server.kill()


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


def test_search_open_read_and_quit_at_80x24(tmux: Tmux, tmp_path: Path) -> None:
    tmux.environment.update(COLUMNS="80", LINES="24")  # exported by some shells: resizes still land
    tmux.newsread(build_library(tmp_path / "library"))
    tmux.wait_for("up to date")
    screen = tmux.wait_for("River flood reaches the old town")  # newest first, no query
    assert "library · 4 articles" in screen

    tmux.type("harbour")
    tmux.wait_for("1 of 2 · by relevance")
    tmux.keys("Enter")
    tmux.wait_for("⏎ Open")  # the focus moved to the results: the footer says so
    tmux.keys("Enter")
    screen = tmux.wait_for("match -/4")
    assert "HARBOUR GAZETTE · World · 30 May 2017 16:18" in screen
    assert "The harbour master welcomed the plan for a deeper harbour." in screen

    tmux.keys("n")
    tmux.wait_for("match 1/4")
    tmux.keys("n")
    tmux.wait_for("match 2/4")

    tmux.keys("Escape")
    screen = tmux.wait_until_gone("match 2/4")
    assert "1 of 2" in screen and "River flood reaches the old town" in screen

    # The hits over time by month: T picks the busiest, Enter narrows to it, 1 removes that.
    assert "2017-05-30 – 2021-04-02 · busiest May 2017: 1" in screen
    tmux.type("T")
    tmux.wait_for("◂ May 2017: 1 hit ▸")
    tmux.keys("Enter")
    screen = tmux.wait_for("1 of 1 · by relevance")
    assert "date: 2017-05" in screen
    tmux.type("1")
    tmux.wait_for("1 of 2 · by relevance")

    # A file saved while the app runs is noticed (a stat walk every few seconds).
    write_article(tmp_path / "library", "late.txt", "Harbour tug strike", "The harbour tugs.")
    tmux.wait_for("1 file changed — indexing", timeout=30)
    tmux.wait_for("Harbour tug strike")
    tmux.wait_for(" of 3 · by relevance")
    tmux.wait_until_gone("changed — indexing")  # the toast would cover the article's border

    # Open, widen (the list shows beside the article), shift+tab back onto the list…
    tmux.keys("Enter")
    tmux.wait_for("esc Back")
    tmux.resize((200, 50), shows="││")  # two panes side by side
    tmux.keys("BTab")
    tmux.wait_for("⏎ Open")
    # …then narrow: the list is hidden behind the article. The focus must follow, or no key
    # does anything until Tab.
    screen = tmux.resize((60, 20), shows="n Match")
    where = re.search(r"match [-\d]+/\d+", screen)
    assert where is not None, screen
    tmux.keys("n")
    tmux.wait_until_gone(where.group())

    tmux.keys("C-q")
    tmux.wait_for("newsread exited 0")


def test_keys_sent_in_one_write_land_in_order_while_indexing(tmux: Tmux, tmp_path: Path) -> None:
    tmux.newsread(big_library(tmp_path / "library", 5000))
    tmux.wait_for("Report number")  # a first batch is searchable, indexing goes on
    tmux.keys("Escape")  # from the box to the results
    tmux.wait_for("⏎ Open")
    tmux.type("/versailles")  # one write, as typed-ahead keys come over SSH
    tmux.wait_for("Search versailles")
    tmux.keys("Escape")
    tmux.wait_for("f Filters")  # the results have the focus
    tmux.type("/sugar brazil quota")
    screen = tmux.wait_for("Search sugar brazil quota")
    assert "Sorted by" not in screen  # the `s` was typed, not taken as "sort"

    # One list over every hit: G goes to the last of them, j stays there.
    tmux.wait_for("up to date", timeout=240)  # a hang guard: CI machines are shared
    tmux.keys("C-u")
    tmux.type("report")
    tmux.keys("Enter")
    tmux.wait_for("1 of 5,000 · by relevance")
    tmux.keys("G")
    tmux.wait_for("5,000 of 5,000")
    tmux.keys("j")
    tmux.keys("k")
    tmux.wait_for("4,999 of 5,000")
    screen = tmux.wait_for("Report number")
    assert not re.search(r"│ …\s+│", screen)  # no placeholder row: the page was loaded
    tmux.keys("C-q")
    tmux.wait_for("newsread exited 0")


def test_a_5_mb_single_line_article_opens_finds_and_quits(tmux: Tmux, tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    words = "the minister said grain exports would fall as the harbour council met".split()
    body = " ".join(words[i % len(words)] for i in range(5_000_000 // 6))
    (root / "long.txt").write_text(
        f"WIRE / World\n\nA very long article\n\n1 May 2017 - WIRE\n\n{body}\n", encoding="utf-8"
    )
    tmux.newsread(root)
    tmux.wait_for("up to date")
    tmux.keys("Escape")
    tmux.wait_for("⏎ Open")
    tmux.keys("Enter")
    tmux.wait_for("A very long article")
    tmux.wait_for("esc Back")
    tmux.type("/minister")
    tmux.keys("Enter")
    tmux.wait_for("find 1/5000+")  # capped, and the cap is said
    tmux.keys("C-q")
    tmux.wait_for("newsread exited 0")


def test_a_terminal_that_gives_no_size_is_drawn_at_80x24_and_quits(
    tmux: Tmux, tmp_path: Path
) -> None:
    """A terminal whose size is 0x0 (`stty cols 0 rows 0`: a serial line, a client that sent
    none): the screen flipped between 80x25 and 80x24 without end, "opening the index…" at
    70-80% CPU, and no key got through, not even ctrl+q."""
    go = tmp_path / "sized"
    before = f"until [ -e {shlex.quote(str(go))} ]; do sleep 0.1; done; stty cols 0 rows 0"
    tmux.newsread(build_library(tmp_path / "library"), before=before)
    go.touch()  # tmux has sized the window: the size it gave is what stty takes away
    tmux.wait_for("up to date")
    # The list is drawn by the search the update's end sets off, a moment after the status.
    tmux.wait_for("River flood reaches the old town")
    tmux.keys("C-q")
    tmux.wait_for("newsread exited 0")


def process_running(argument: str) -> int:
    """The pid of the process whose command line has `argument`."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and argument in (entry / "cmdline").read_text().split("\0"):
                return int(entry.name)
        except OSError:
            continue  # gone meanwhile
    raise AssertionError(f"no process running with {argument}")


@pytest.mark.skipif(
    not Path("/proc/self/cmdline").exists() or shutil.which("bash") is None,
    reason="runs newsread in bash, and finds it in /proc",
)
def test_the_whole_screen_comes_back_after_a_stop_and_fg(tmux: Tmux, tmp_path: Path) -> None:
    """Seen: stopped (SIGTSTP) in a shell and brought back with `fg`, the app drew only what
    changed: the footer and the search box's label stayed blank until something changed.
    Then it takes keys, and ends with its terminal (see test_terminal_signals.py)."""
    library = build_library(tmp_path / "library")
    tmux.start("bash --norc --noprofile -i")
    settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in tmux.environment.items())
    tmux.type(
        f"env -u NEWSREAD_HOME {settings} {shlex.quote(str(NEWSREAD))} {shlex.quote(str(library))}"
    )
    tmux.keys("Enter")
    tmux.wait_for("River flood reaches the old town")
    tmux.wait_for("up to date")
    pid = process_running(str(library))
    os.kill(pid, signal.SIGTSTP)  # as ctrl+z in a shell would
    tmux.wait_for("Stopped")
    tmux.type("fg")
    tmux.keys("Enter")
    screen = tmux.wait_for("^q Quit", timeout=20)
    assert " Search " in screen and "library · 4 articles" in screen
    tmux.type("ferry")  # keys work again
    tmux.wait_until_gone("Grain export sanctions tightened")
    tmux.run("kill-session", "-t", tmux.session)  # the terminal goes: SIGHUP
    wait_gone(pid)


def test_the_app_on_a_latin_1_terminal_keeps_each_line_in_its_width_and_reads_its_keys(
    tmux: Tmux, tmp_path: Path
) -> None:
    """Under `LANG=en_US.ISO-8859-1` (an SSH session's) every frame line, arrow and dot of the
    screen came out as the six letters `\\u2500` (standard error's `backslashreplace`, which
    Textual writes through): each line ran over into the next. Now one `?` a cell. And "café"
    typed there (é the one byte 0xE9) ended the app with a traceback from Textual's UTF-8
    decoder; now the keys are read in the terminal's encoding and find the café."""
    latin_1 = {**os.environ, "LC_ALL": "en_US.ISO-8859-1"}
    probe = [sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"]
    if subprocess.run(probe, env=latin_1, capture_output=True, text=True).stdout.strip() == "utf-8":
        pytest.skip("en_US.ISO-8859-1 is not installed here")
    tmux.environment.update(LC_ALL="en_US.ISO-8859-1")
    library = build_library(tmp_path / "library")
    write_article(library, "cafe.txt", "Harbour cafe reopens", "The café on the quay reopened.")
    tmux.newsread(library)
    screen = tmux.wait_for("up to date")
    assert "\\u25" not in screen and "\\u2" not in screen
    assert "River flood reaches the old town" in screen
    tmux.type_bytes("café\r".encode("iso-8859-1"))
    screen = tmux.wait_for("1 of 1")
    assert "Harbour cafe reopens" in screen and "Traceback" not in screen
    tmux.keys("C-q")
    tmux.wait_for("newsread exited 0")


def _indexed_for_a_reader(tmux: Tmux, library: Path) -> tuple[str, ...]:
    """Index `library` in `tmux`'s home; the command (`Tmux.newsread`'s `through`) that runs
    newsread as a user whom file modes bind (root without the powers to pass them)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_HOME"} | tmux.environment
    subprocess.run([str(NEWSREAD), "index", "-q", str(library)], env=env, check=True)
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run newsread bound by file modes")
    powers = "-dac_override,-dac_read_search"
    return ("setpriv", f"--inh-caps={powers}", f"--bounding-set={powers}")


def test_articles_the_user_may_no_longer_read_show_no_text_in_the_app(
    tmux: Tmux, tmp_path: Path
) -> None:
    """On a shared server alice took bob's access to her library away (`chmod g-rx` on the
    folder) after he indexed it: the app's update said "not updated", and the app went on
    showing the articles' snippets and text from bob's index. Now their rows say the file may
    no longer be read, a notice says how many, and the reading pane refuses them."""
    library = build_library(tmp_path / "library")
    through = _indexed_for_a_reader(tmux, library)
    library.chmod(0)
    try:
        tmux.newsread(library, through=through)
        tmux.wait_for_notice("4 hits listed: you may no longer read their files (permission")
        screen = tmux.wait_for("Ferry timetable changes")
        assert "you may no longer read its file (permission" in screen  # a toast may cover some
        assert "River flood reaches the old town" in screen  # listed: title, source, date
        for text in ("The river Vessa burst", "The city council", "Ministers agreed"):
            assert text not in screen
        tmux.type("harbour")
        tmux.keys("Enter")
        tmux.wait_for("⏎ Open")
        tmux.keys("Enter")
        screen = tmux.wait_for_notice("kelmor-harbour.txt: you may no longer read its file")
        assert "deleted" not in screen and "The harbour master welcomed" not in screen
        tmux.keys("C-q")
        tmux.wait_for("newsread exited 0")
    finally:
        library.chmod(0o755)


def test_an_unreadable_file_the_update_drops_is_not_said_to_be_listed(
    tmux: Tmux, tmp_path: Path
) -> None:
    """One file made unreadable (`chmod 0`) after it was indexed: the app's first search,
    run before its update, found it, and "1 hit listed: you may no longer read its file"
    stayed on screen after the update had dropped the hit (the status said "1 file
    skipped"). The notice waits for the update; a hit it dropped is not said to be listed."""
    library = build_library(tmp_path / "library")
    through = _indexed_for_a_reader(tmux, library)
    taken = library / "kelmor-harbour.txt"
    taken.chmod(0)
    try:
        tmux.newsread(library, through=through)
        tmux.wait_for("up to date (1 file skipped)")
        screen = tmux.settled()
        assert "listed: you may no longer read" not in tmux.notices(), tmux.notices()
        assert "River flood reaches the old town" in screen
        tmux.keys("C-q")
        tmux.wait_for("newsread exited 0")
    finally:
        taken.chmod(0o644)
