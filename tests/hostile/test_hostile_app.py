"""The app shows hostile titles, file names and snippets literally and keeps running.

tests/tui/test_safety.py covers markup in a body, a title, a source and the library's name;
this adds terminal controls in titles, file names shown in the results, and snippets whose
highlighted match sits among markup.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from newsread.index.config import Config
from newsread.tui.app import NewsreadApp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
from tui_helpers import keep_notices, notifications, rendered_text, settle

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
TITLE = "\x1b]0;pwned\x07Evil \x1b[31mred\x1b[0m \u202etitle\u202c [@click=app.quit]quit[/]"
BODY = (
    "Harbour [@click=app.quit]news[/] \x1b]52;c;ZXZpbA==\x07[link=https://evil]x[/link] near "
    "the harbour wall, \x9b2J with the \u200bharbour master watching."
)


@pytest.fixture(autouse=True)
def index_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the Pilot tests do (tests/tui/conftest.py): a child indexer spawned from a pytest-xdist
    worker once took over 30 s to start on a loaded CI machine."""
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)


@pytest.fixture(autouse=True)
def said(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the Pilot tests do: a notice's toast (8 s) expired before a loaded machine settled
    the app (Python 3.10 at load 16), and the config's notice was not found."""
    keep_notices(monkeypatch)


async def test_hostile_title_file_name_and_snippet_are_shown_literally(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    # No source, section or date: the results show the file name instead.
    name = "\x1b]0;pwned\x07[bold]name[@click=app.quit].txt"
    (root / name).write_text(f"{TITLE}\n\n{BODY}\n\nA second paragraph for good measure.\n")
    app = NewsreadApp(root, config=Config(), show_timings=False, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        listing = rendered_text(app.main.results_list)
        assert "Evil red title [@click=app.quit]quit[/]" in listing
        assert "[bold]name[@click=app.quit].txt" in listing
        assert "Harbour [@click=app.quit]news[/] [link=" in listing  # the snippet, cut
        assert not CONTROLS.search(listing)

        await pilot.click(app.main.results_list, offset=(30, 1))  # on "[@click=app.quit]"
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        reader = app.main.reader
        text = rendered_text(reader)
        assert "Evil red title [@click=app.quit]quit[/]" in text
        assert "Harbour [@click=app.quit]news[/] [link=https://evil]x[/link]" in text
        assert not CONTROLS.search(text) and not CONTROLS.search(reader.text)
        await pilot.click(reader, offset=(20, 0))  # on the title's "[@click=app.quit]"
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert not CONTROLS.search(rendered_text(app.main.query_one("#status-text")))


async def test_a_malformed_config_is_reported_once_and_the_app_runs_on_defaults(
    small_library: Path,
) -> None:
    from newsread.index import paths

    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text("[keys\ntheme = 3\n")
    app = NewsreadApp(small_library, show_timings=False, cursor_blink=False)  # reads the file
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notices = [notice for notice in notifications(app) if str(config) in notice]
        assert len(notices) == 1 and notices[0].endswith("; using defaults")
        assert "line 1" in notices[0]
        assert app.main.results is not None and app.main.results.total == 3
        assert app.is_running


async def test_a_library_of_hostile_files_indexes_and_the_app_stays_usable(
    tmp_path: Path,
) -> None:
    from textual.widgets._toast import Toast

    root = tmp_path / "library"
    root.mkdir()
    (root / "good.txt").write_text(
        "A good article\n\nThe harbour of Kelmor at dawn, calm and grey.\n"
    )
    (root / "\x1b]0;pwned\x07[@click=app.quit]empty.txt").write_bytes(b"")
    (root / "garbage.txt").write_bytes(bytes(range(256)) * 16)
    (root / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    (root / "loop").symlink_to(".")
    app = NewsreadApp(root, config=Config(), show_timings=False, cursor_blink=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)  # toasts are mounted after the message that asks for them
        status = rendered_text(app.main.query_one("#status-text"))
        assert "1 article" in status and "3 files and 1 folder skipped" in status
        toasts = "\n".join(rendered_text(toast) for toast in app.screen.query(Toast))
        # The first skipped file, its name shown literally: no markup, no escape sequence.
        shown = " ".join(toasts.replace("▌", " ").split())  # toasts wrap their lines
        assert (
            "Skipped [@click=app.quit]empty.txt: empty file; 2 more files and 1 folder skipped"
            in shown
        )
        assert not CONTROLS.search(toasts)
        await pilot.click(Toast, offset=(12, 1))
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        assert app.is_running and app.main.results is not None
        assert [hit.title for hit in app.main.results.hits] == ["A good article"]
