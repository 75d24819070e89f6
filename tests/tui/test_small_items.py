"""The smaller things a keyboard user trips on: line motions, a find that wraps round, j/k in
the filter dialog, key config refused with one line, TERM=dumb."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label
from tui_helpers import notifications, settle, wait_for

from newsread.index.config import Config
from newsread.tui.app import NewsreadApp, key_problem
from newsread.tui.screens.facets import FacetScreen

MakeApp = Callable[..., NewsreadApp]


async def open_harbour(pilot, app: NewsreadApp) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press(*"harbour", "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert app.focused is app.main.reader


async def test_line_motions_and_a_wrapping_n_says_so(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_harbour(pilot, app)
        reader = app.main.reader
        await pilot.press("n", "l", "l", "dollar_sign")
        row, column = reader.cursor_location
        assert column > 0 and reader.navigator.is_end_of_wrapped_line((row, column))
        await pilot.press("0")
        assert reader.navigator.is_start_of_wrapped_line(reader.cursor_location)
        await pilot.press("g", "n", "n", "n", "n")
        assert reader.match_label == "4/4"
        assert not any("wrapped round" in m for m in notifications(app))
        await pilot.press("n")
        assert reader.match_label == "1/4"
        assert any("wrapped round" in m for m in notifications(app))

        def wraps() -> int:
            return sum("wrapped round" in m for m in notifications(app))

        said = wraps()
        await pilot.press("n", "n", "n", "g", "n")  # from the top, the first match is next
        assert reader.match_label == "1/4"
        await pilot.press("G", "N")  # from the end, the last one is
        assert reader.match_label == "4/4" and wraps() == said
        await pilot.press("N", "N", "N", "N")
        assert reader.match_label == "4/4"
        assert wraps() == said + 1
        assert "Back at the last match" in notifications(app)[-1]


async def test_j_and_k_in_a_filter_dialog_with_nothing_to_filter_do_nothing(
    library: Path, make_app: MakeApp
) -> None:
    """After a search that found nothing the dialog has no list: j stopped the app on an
    unexpected error (no '#facets')."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"zzzqqq", "enter")
        await settle(pilot)
        await pilot.press("escape", "f")  # the box keeps the focus after no hits: to the list
        await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
        said = [str(label.render()) for label in app.screen.query(Label)]
        assert "Nothing to filter: no results to narrow." in said  # not "search first": it was
        assert said[-1] == "Escape closes"  # it offered "↓ ↑ choose · Enter toggles" of nothing
        await pilot.press("j", "k")
        await settle(pilot)
        assert isinstance(app.screen, FacetScreen) and app.return_code is None
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)


async def test_j_and_k_move_in_the_filter_dialog(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "f")
        await wait_for(pilot, lambda: isinstance(app.screen, FacetScreen))
        facets = app.screen.query_one("#facets")
        start = facets.highlighted  # type: ignore[attr-defined]
        await pilot.press("j", "j")
        assert facets.highlighted != start  # type: ignore[attr-defined]
        moved = facets.highlighted  # type: ignore[attr-defined]
        await pilot.press("k")
        assert facets.highlighted < moved  # type: ignore[attr-defined]


def test_key_config_names_and_printable_quit_keys_are_checked() -> None:
    assert key_problem("app.quit", "ctrl+x", priority=True) == ""
    assert "types a character" in key_problem("app.quit", "j", priority=True)
    assert "types a character" in key_problem("app.quit", "slash", priority=True)
    assert "no key called 'frobnicate'" in key_problem("results.down", "down,frobnicate")
    for keys in ("escape", "f5", "shift+tab", "G", "dollar_sign", "question_mark", "ctrl+up"):
        assert key_problem("results.down", keys) == "", keys


async def test_a_refused_key_leaves_the_default_and_says_why(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library, config=Config(keys={"app.quit": "j"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("app.quit" in m for m in notifications(app))
        await pilot.press("j")  # typed into the search box, not quitting
        assert app.is_running and app.main.search_input.value == "j"


def test_term_dumb_gets_a_one_line_message(tmp_path: Path, library: Path) -> None:
    env = {**os.environ, "TERM": "dumb", "NEWSREAD_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", str(library)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode != 0
    assert "TERM=dumb" in done.stderr and "newsread search" in done.stderr
    assert "\x1b" not in done.stdout + done.stderr


def test_no_terminal_gets_a_one_line_message(tmp_path: Path, library: Path) -> None:
    """Started from a script, cron or `ssh host newsread` (no -t): keys from /dev/null, the
    screen into a pipe. It ran for ever, writing escape sequences, no key reaching it."""
    env = {**os.environ, "TERM": "xterm-256color", "NEWSREAD_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", str(library)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert "standard input is not a terminal" in done.stderr
    assert "newsread search" in done.stderr
    assert "\x1b" not in done.stdout + done.stderr


async def test_at_40x12_the_notes_panel_leaves_the_article_most_of_the_width(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_harbour(pilot, app)
        await pilot.press("p")
        await pilot.pause()
        panel = app.main.query_one("#notes-panel")
        assert panel.display
        assert app.main.reader.size.width >= 16  # was 4 with the panel 32 wide


async def test_notices_are_also_written_to_the_notice_log_when_asked(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`NEWSREAD_NOTICE_LOG`: what a toast said, after it has gone (the tmux tests show it)."""
    log = tmp_path / "notices.log"
    monkeypatch.setenv("NEWSREAD_NOTICE_LOG", str(log))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("The index was not updated: [b]disk[/b]\nfull", severity="warning")
        await settle(pilot)
    assert log.read_text(encoding="utf-8") == (
        "warning: The index was not updated: [b]disk[/b] full\n"
    )


async def test_a_question_with_a_body_has_its_answers_focused_while_it_is_still_mounting(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question with the texts in question above its answers (a recovered draft, a note
    saved meanwhile elsewhere): the body's scroll box is the first focusable widget and had
    the focus until `on_mount` gave it to the answers, a call later; ↓ and Enter read then
    scrolled the box and were lost. The answers have it from the moment it is composed."""
    import asyncio

    from textual.widgets import OptionList

    from newsread.tui.screens.choice import ChoiceDialog

    mounting = asyncio.Event()
    mount = ChoiceDialog.on_mount

    async def slow_mount(self: ChoiceDialog) -> None:
        await mounting.wait()
        mount(self)

    monkeypatch.setattr(ChoiceDialog, "on_mount", slow_mount)
    app = make_app(library)
    answers: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        choices = [("k", "keep", "Keep the draft"), ("d", "discard", "Discard the draft")]
        dialog = ChoiceDialog("A draft was recovered", choices, body="Draft text\n" * 30)
        app.push_screen(dialog, answers.append)
        try:
            for _ in range(5000):  # no pilot waits while it mounts: they wait for the mount
                await asyncio.sleep(0.002)
                if app.screen is dialog and dialog.focused is not None:
                    break  # composed, and given its first focus
            assert app.screen is dialog
            assert isinstance(dialog.focused, OptionList), dialog.focused
        finally:
            mounting.set()
        await pilot.press("down", "down", "enter")  # the first answer, then the second
        await wait_for(pilot, lambda: app.screen is not dialog)
        assert answers == ["discard"]


async def test_the_list_marks_an_article_whose_annotations_followed_it_in_the_reindex(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file renamed and retitled: the re-index lists the new article, and its last step
    gives it the old one's annotations (`Library._follow`). The list's marks were read before
    that and showed no ✎ on the hit (seen starting the app after such a rename) until the
    search ran again. Here the first re-index does not follow and the second one's follow
    waits until the test lets it."""
    import threading

    from builders import write_article

    from newsread.index.library import Library

    opened = Library(library).open()
    try:
        [key] = opened.docs.keys_for("flood.txt")
        article = opened.article(key)
        assert article is not None
        start = article.body.index("burst its banks overnight")
        opened.annotations.add_highlight(article, start, start + 25, note="Check the gauge.")
    finally:
        opened.close()
    (library / "flood.txt").unlink()
    shown = "weather/vessa-floods.txt"

    def write(ending: str) -> None:
        write_article(
            library,
            shown,
            "Vessa floods Kelmor's old town overnight",
            "The river Vessa burst its banks overnight and flooded the old town of Kelmor.\n\n"
            f"Volunteers filled sandbags along the harbour wall {ending}.",
            source="BALTIC WIRE",
            section="Environment",
            date="2 April 2021 [07:30]",
        )

    write("until the morning")
    follow = Library._follow
    following, let_follow = threading.Event(), threading.Event()

    def held_follow(self: Library, keys: tuple[str, ...]) -> None:
        if following.is_set():  # not the first re-index
            let_follow.wait(30)
            follow(self, keys)
        following.set()

    monkeypatch.setattr(Library, "_follow", held_follow)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.main.results_list
        await wait_for(pilot, lambda: shown in rows.marks)
        assert not rows.marks[shown].annotated
        write("until dawn")
        await pilot.press("ctrl+r")
        try:
            await wait_for(pilot, lambda: app.main.indexing, workers=False)
            await pilot.pause(0.5)
        finally:
            let_follow.set()
        await settle(pilot)
        await wait_for(pilot, lambda: rows.marks[shown].annotated)
