"""Article text, titles and file names are data: shown literally, never run. Clipboard, browser."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input
from tui_helpers import (
    IndexedLibraries,
    notifications,
    open_article,
    rendered_text,
    settle,
    wait_for,
    write_article,
)

from newsread.tui.app import NewsreadApp, no_display_reason, osc52_passthrough
from newsread.tui.screens.note_editor import NoteEditor

MakeApp = Callable[..., NewsreadApp]

TITLE = "Markup [bold red]x[/] and [@click=app.quit]quit[/]"
BODY = (
    "Body [bold red]danger[/] then [@click=app.quit]click me[/] and [link=file:///etc]l[/link].\n\n"
    "Escapes: \x1b[31mred\x1b[0m and \x1b]52;c;ZXZpbA==\x07 clipboard and \x1b]8;;http://x\x1b\\link."
)


@pytest.fixture
def evil_library(tmp_path: Path, indexed_libraries: IndexedLibraries) -> Path:
    return indexed_libraries.copy(write_evil_article, tmp_path / "[red]lib[@click=app.quit]")


def write_evil_article(root: Path) -> Path:
    write_article(root, "evil.txt", TITLE, BODY, source="EVIL [b]WIRE[/b]", section="Tests")
    return root


async def test_markup_and_escapes_in_articles_are_shown_literally(
    evil_library: Path, make_app: MakeApp
) -> None:
    app = make_app(evil_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        listing = rendered_text(app.main.results_list)
        assert "Markup [bold red]x[/] and [@click=app.quit]quit[/]" in listing
        assert "EVIL [b]WIRE[/b] · Tests" in listing
        assert "Body [bold red]danger[/] then [@click=app.quit]click me[/]" in listing
        assert "[red]lib[@click=app.quit] · 1 article ·" in rendered_text(
            app.main.query_one("#status-text")
        )

        await pilot.click(app.main.results_list, offset=(30, 1))  # on "[@click=app.quit]"
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        reader = app.main.reader
        text = rendered_text(reader)
        assert TITLE in text
        assert "[link=file:///etc]l[/link]" in reader.text
        assert "\x1b" not in reader.text and "\x07" not in reader.text
        assert "Escapes: red and clipboard and link." in reader.text
        await pilot.click(reader, offset=(35, 6))
        assert app.is_running


async def test_find_text_with_brackets_is_shown_literally_and_never_stops_the_app(
    library: Path, make_app: MakeApp
) -> None:
    """The find bar's text was put on the reader's border as markup: typing "[/]" stopped
    newsread (MarkupError), and "[b]x[/b]" showed "no 'x' here" in bold."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        reader = app.main.reader
        await pilot.press("slash", *"[b]x[/b]")
        await settle(pilot)
        assert "no '[b]x[/b]' here" in rendered_text(reader)
        for _ in range(len("[b]x[/b]")):
            await pilot.press("backspace")
        await pilot.press(*"[/]")
        await settle(pilot)
        assert app.is_running
        assert "no '[/]' here" in rendered_text(reader)


PASTED = "a\x1b[31mred\x1b[0m b\x07 c\x08 d\u202eRTL e\x00f\x1b]52;c;ZXZpbA==\x07\r\ng"
CONTROLS = ("\x1b", "\x07", "\x08", "\x00", "\u202e", "\r")


def drawn(widget: Widget) -> str:
    """Every character `widget` sends to the terminal, segment by segment."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "".join(segment.text for strip in strips for segment in strip)


async def test_pasted_escapes_and_controls_never_reach_a_text_box_or_the_terminal(
    library: Path, make_app: MakeApp
) -> None:
    """A paste is text from elsewhere (a web page, a terminal's scrollback): the search box
    and the note editor drew its ESC sequences, bell, backspace, NUL and bidi override as they
    came, straight to the terminal (colouring the screen red, reordering the line)."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        search = app.focused
        assert isinstance(search, Input)
        app.post_message(events.Paste(PASTED))  # as the driver hands a bracketed paste over
        await pilot.pause()
        assert search.value == "ared b c dRTL ef"  # Input takes the first line
        assert not any(c in drawn(search) for c in CONTROLS)
        await pilot.press("escape")
        await open_article(pilot)
        await pilot.press("v", "w", "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.pause()
        app.post_message(events.Paste(PASTED))
        await pilot.pause()
        assert editor.editor.text == "ared b c dRTL ef\ng"
        assert not any(c in drawn(editor.editor) for c in CONTROLS)


async def test_a_query_with_markup_is_shown_literally(
    evil_library: Path, make_app: MakeApp
) -> None:
    app = make_app(evil_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"[bold]nothingatall[/bold]", "enter")
        await settle(pilot)
        message = rendered_text(app.main.query_one("#results-message"))
        assert "“[bold]nothingatall[/bold]”" in message


def test_osc52_is_wrapped_for_tmux_and_screen() -> None:
    payload = base64.b64encode("héllo".encode()).decode()
    assert osc52_passthrough("héllo", {}) == ""
    assert osc52_passthrough("héllo", {"TMUX": "/tmp/tmux-0/default,1,0"}) == (
        f"\x1bPtmux;\x1b\x1b]52;c;{payload}\a\x1b\\"
    )
    screen = osc52_passthrough("x" * 300, {"TERM": "screen-256color"})
    chunks = screen.split("\x1b\\")[:-1]
    assert len(chunks) > 1 and all(c.startswith("\x1bP") and len(c) <= 78 for c in chunks)
    assert "".join(c[2:] for c in chunks).startswith("\x1b]52;c;")


async def test_copy_under_tmux_writes_the_wrapped_sequence(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        written: list[str] = []
        monkeypatch.setattr(app._driver, "write", written.append)
        app.copy_to_clipboard("passage")
        assert app.clipboard == "passage"
        payload = base64.b64encode(b"passage").decode()
        assert f"\x1b]52;c;{payload}\a" in written  # plain, for set-clipboard on
        assert f"\x1bPtmux;\x1b\x1b]52;c;{payload}\a\x1b\\" in written  # allow-passthrough


def test_no_display_reason() -> None:
    assert no_display_reason({"SSH_CONNECTION": "1 2 3 4"}, "darwin") == "this is an SSH session"
    assert no_display_reason({}, "linux") == "there is no graphical display"
    assert no_display_reason({"DISPLAY": ":0"}, "linux") == ""
    assert no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert no_display_reason({}, "darwin") == ""


async def test_o_never_opens_a_browser_without_a_display(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    app = make_app(library)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == []
        assert copied == ["http://gazette.example/kelmor-harbour"]
        assert any("SSH session" in m for m in notifications(app))


async def test_o_opens_the_url_when_there_is_a_display(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["http://gazette.example/kelmor-harbour"]


def test_an_unexpected_error_prints_one_line_and_keeps_the_traceback_in_a_file(
    library: Path,
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsread.index import paths
    from newsread.tui.screens.main import MainScreen

    def broken(self: MainScreen) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MainScreen, "on_mount", broken)
    app = make_app(library)
    app.run(headless=True, size=(80, 24))
    assert app.return_code == 1
    printed = capsys.readouterr().err.strip().splitlines()
    log = paths.cache_dir() / "crash.log"
    assert printed == [
        "newsread stopped on an unexpected error (RuntimeError: boom). Saved notes and drafts "
        f"are safe; the details are in {log}."
    ]
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: boom" in written


async def test_an_article_that_cannot_be_read_is_said_and_the_app_carries_on(
    library: Path, make_app: Callable[..., NewsreadApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read error (a damaged store, an I/O error) used to end the app with a traceback."""
    from newsread.index.library import Library

    def broken(self: Library, key: str) -> None:
        raise OSError(5, "Input/output error")

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Library, "article", broken)
        app.main.open_article("kelmor-harbour.txt", focus=True, record=True)
        await pilot.press("j")  # held for the article, then let go
        await settle(pilot)
        assert app.is_running and not app.main.reading
        assert notifications(app) == ["The article could not be read: [Errno 5] Input/output error"]
        assert not app.key_order.busy and not app.key_order.held
