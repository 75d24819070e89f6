"""Highlights, notes and tags in the app: selecting with keys, the notes panel, the note
editor and $EDITOR, tags, marks in the results, and the library-wide highlights view.

Every test has its own NEWSREAD_HOME (tests/conftest.py), so "relaunching" is a second app on
the same home: whatever shows up there came back from the annotation store on disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import stat
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList
from tui_helpers import (
    burst,
    notifications,
    open_article,
    rendered_text,
    settle,
    wait_for,
    write_article,
)

from newsread.index.annotations import AnnotationError, AnnotationStore, database
from newsread.index.paths import annotations_path
from newsread.tui import key_order
from newsread.tui.app import NewsreadApp
from newsread.tui.external_editor import EditorError, edit_text, editor_command
from newsread.tui.screens.highlights import HighlightsScreen, parse_filter
from newsread.tui.screens.note_editor import NoteEditor
from newsread.tui.screens.tags import TagDialog
from newsread.tui.widgets.notes_panel import NotesPanel
from newsread.tui.widgets.reading_pane import ReadingPane

MakeApp = Callable[..., NewsreadApp]
KELMOR = "kelmor-harbour.txt"
FIRST = "The city council of Kelmor approved the harbour expansion on Tuesday."
SECOND = "Dock workers said the running costs would fall as ships grew larger."


async def go_to_body(pilot: Pilot, passage: str) -> None:
    """Put the reader's cursor at the start of `passage`."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    reader = app.main.reader
    assert reader.article is not None
    reader.move_cursor(reader.body_location(reader.article.body.index(passage)))
    await pilot.pause()


def painted_rows(reader: ReadingPane) -> dict[int, list[str]]:
    """Each row of the reading pane and the names of the styles on it: every row, not only
    those drawn since the map was last built (`RowHighlights` makes a row's when asked)."""
    rows = {
        row: [name for *_, name in reader._highlights[row]]
        for row in range(reader.document.line_count)
    }
    return {row: names for row, names in rows.items() if names}


def painted_highlights(reader: ReadingPane) -> list[str]:
    """The highlight styles painted anywhere in the reading pane."""
    return [
        name for row in painted_rows(reader).values() for name in row if name.startswith("nr.hl")
    ]


def editor_text(note_editor: NoteEditor) -> str | None:
    """The text in `note_editor`, or None until it is composed (it may be on screen first)."""
    found = note_editor.query("#note-text")
    return found.first().text if found else None  # type: ignore[attr-defined]


def held_highlight_saves(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event]:
    """Make `add_highlight` wait (as under another newsread's lock): (set once a save has
    started, set it to let the saves go on)."""
    saving, release = threading.Event(), threading.Event()
    real_add = AnnotationStore.add_highlight

    def slow_add(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
        saving.set()
        release.wait(30)
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(AnnotationStore, "add_highlight", slow_add)
    return saving, release


def shown_highlights(app: NewsreadApp) -> list[tuple[str, int]]:
    return [(h.text, h.highlight.colour) for h in app.main.reader.highlights]


def store() -> AnnotationStore:
    return AnnotationStore.open(annotations_path())


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


class TestRoundTrip:
    async def test_highlights_note_and_tag_survive_a_relaunch(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            # The first sentence, with the selection mode and word/sentence motions.
            await go_to_body(pilot, FIRST)
            await pilot.press("v", "w", "w", "b", "right_parenthesis")
            assert reader.selecting
            assert reader.selected_span() == (0, len(FIRST))
            await pilot.press("H")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert not reader.selecting and not reader.selected_text
            # The second paragraph in colour 3, with `}`.
            await go_to_body(pilot, SECOND)
            await pilot.press("v", "right_curly_bracket", "3")
            await wait_for(pilot, lambda: len(reader.highlights) == 2)
            assert shown_highlights(app) == [(FIRST, 1), (SECOND, 3)]
            # A note on the second one, written in the app's editor.
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"Cheaper *per box*?", "enter", *"- ask the port")
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
            await wait_for(pilot, lambda: bool(reader.highlights[1].highlight.note))
            assert reader.highlights[1].highlight.note == "Cheaper *per box*?\n- ask the port"
            # A tag, with the tag dialog.
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*"ports", "enter", "escape")
            await wait_for(pilot, lambda: not isinstance(app.screen, TagDialog))
            await wait_for(
                pilot, lambda: app.main.article_state is not None and app.main.article_state.tags
            )
            await pilot.press("ctrl+q")

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await wait_for(pilot, lambda: len(app.main.reader.highlights) == 2)
            assert shown_highlights(app) == [(FIRST, 1), (SECOND, 3)]
            # Painted in the pane, in their colours.
            names = {name for row in painted_rows(app.main.reader).values() for name in row}
            assert {"nr.hl1", "nr.hl3"} <= names
            # The panel lists them with the note.
            await pilot.press("p")
            panel = app.main.query_one(NotesPanel)
            assert panel.display and app.focused is panel.notes_list
            text = rendered_text(panel.notes_list)
            assert "Kelmor approved the" in text and "Cheaper *per box*?" in text
            assert "#ports" in rendered_text(panel.query_one("#notes-tags"))
            # `tag:ports` finds the article.
            await pilot.press("escape", "escape")
            app.main.search_input.value = "tag:ports"
            await pilot.press("slash", "enter")
            await settle(pilot)
            assert app.main.results_list.keys == [KELMOR]
            # The highlights view lists both, newest first; Enter goes to the first made.
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
            await settle(pilot)
            listed = app.screen.query_one("#highlights-list")
            assert listed.option_count == 2
            await pilot.press("tab", "down", "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, HighlightsScreen))
            await settle(pilot)
            await wait_for(
                pilot, lambda: app.main.reader.body_offset(app.main.reader.cursor_location) == 0
            )


async def highlight(pilot: Pilot, passage: str, key: str = "H") -> None:
    """Select `passage` with v and l presses, then press `key` (H, 1-5 or N)."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    reader = app.main.reader
    before = len(reader.highlights)
    await go_to_body(pilot, passage)
    await pilot.press("v", *["l"] * len(passage), key)
    if key != "N":
        await wait_for(pilot, lambda: len(reader.highlights) == before + 1)


def no_suspend_app() -> object:
    """What `edit_text` needs of the app: `suspend`, here a no-op."""

    class App:
        def suspend(self) -> contextlib.AbstractContextManager[None]:
            return contextlib.nullcontext()

    return App()


def fake_editor(tmp_path: Path, line: str) -> Path:
    """An $EDITOR that appends `line` to the file it is given."""
    script = tmp_path / "fake-editor"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{line}' >> \"$1\"\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR set to a script appending "from the editor"; no real suspending under Pilot."""
    script = fake_editor(tmp_path, "from the editor")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr(NewsreadApp, "suspend", lambda self: no_suspend())
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the editor")
class TestExternalEditor:
    async def test_E_on_a_highlight_saves_what_the_editor_wrote(
        self, library: Path, make_app: MakeApp, editor: Path
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "running costs", "2")
            await go_to_body(pilot, "running costs")
            await pilot.press("E")
            reader = app.main.reader
            await wait_for(pilot, lambda: reader.highlights[0].highlight.note == "from the editor")
        with store() as saved:
            assert [h.note for h in saved.all_highlights()] == ["from the editor"]

    async def test_a_note_the_editor_empties_is_said_deleted_and_u_brings_it_back(
        self, library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        emptying = tmp_path / "emptying-editor"
        emptying.write_text('#!/bin/sh\n: > "$1"\n', encoding="utf-8")
        emptying.chmod(0o700)
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.setenv("EDITOR", str(emptying))
        monkeypatch.setattr(NewsreadApp, "suspend", lambda self: no_suspend())
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "running costs", "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"on the costs", "ctrl+s")
            await wait_for(pilot, lambda: reader.highlights[0].highlight.note == "on the costs")
            await go_to_body(pilot, "running costs")
            await pilot.press("E")
            await wait_for(pilot, lambda: not reader.highlights[0].highlight.note)
            assert "Note deleted — u to undo" in notifications(app)
            await pilot.press("u")
            await wait_for(pilot, lambda: reader.highlights[0].highlight.note == "on the costs")

    async def test_E_then_keep_goes_on_with_a_recovered_draft_in_the_editor(
        self, library: Path, make_app: MakeApp, editor: Path
    ) -> None:
        """Seen in use: `E` on a note whose draft was recovered, then `k` (keep the draft
        and go on editing it), opened the in-app editor, not the $EDITOR asked for."""
        from newsread.tui.screens.choice import ChoiceDialog

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("A", *"half a thought")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            await wait_for(pilot, lambda: note_editor.editor.text == "half a thought")
            app.drafts.flush()
        app = make_app(library)  # the first ended with the note unsaved: its draft is kept
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await wait_for(pilot, lambda: bool(app.drafts.recovered))
            await pilot.press("E")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
            await pilot.press("k")
            await wait_for(
                pilot,
                lambda: (
                    app.main.article_state is not None
                    and app.main.article_state.note == "half a thought\nfrom the editor"
                ),
            )
            assert not isinstance(app.screen, NoteEditor)

    async def test_ctrl_e_in_the_note_editor_brings_the_text_back_unsaved(
        self, library: Path, make_app: MakeApp, editor: Path
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            await pilot.press(*"typed here", "ctrl+e")
            assert note_editor.editor.text == "typed here\nfrom the editor"
            assert not app.main.article_state.note  # type: ignore[union-attr]
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
            await wait_for(
                pilot,
                lambda: app.main.article_state.note == "typed here\nfrom the editor",  # type: ignore[union-attr]
            )

    def test_an_editor_that_does_not_start_gives_the_terminal_back(self) -> None:
        class Suspending:
            """Textual's `App.suspend`: the app resumes only when the block ends normally."""

            resumed = False

            @contextlib.contextmanager
            def suspend(self) -> Iterator[None]:
                yield
                self.resumed = True

        app = Suspending()
        with pytest.raises(EditorError, match="^Could not start /nonexistent/editor: "):
            edit_text(app, "typed", {"EDITOR": "/nonexistent/editor"})  # type: ignore[arg-type]
        assert app.resumed

    def test_ctrl_c_in_the_editor_stops_the_editor_not_newsread(self, tmp_path: Path) -> None:
        # An editor that leaves the terminal's keys alone (`code --wait`): ctrl+c sends SIGINT
        # to the terminal's processes, newsread (the editor's parent) as well as the editor.
        script = tmp_path / "waiting-editor"
        script.write_text('#!/bin/sh\nkill -INT "$PPID"\nkill -INT $$\nsleep 5\n')
        script.chmod(0o700)
        interrupted: list[int] = []
        previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum))
        try:
            with pytest.raises(EditorError, match=r"^waiting-editor was stopped \(SIGINT\); the"):
                edit_text(no_suspend_app(), "typed", {"EDITOR": str(script)})  # type: ignore[arg-type]
        finally:
            signal.signal(signal.SIGINT, previous)
        assert interrupted == []

    async def test_an_editor_that_crashes_keeps_what_it_had_saved(
        self, library: Path, make_app: MakeApp, editor: Path
    ) -> None:
        # Written with :w, then the editor died (a crash, the terminal gone): the user's words.
        editor.write_text(editor.read_text(encoding="utf-8") + "kill -SEGV $$\n", encoding="utf-8")
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            await pilot.press(*"typed here", "ctrl+e")
            assert note_editor.editor.text == "typed here\nfrom the editor"
            error = str(note_editor.query_one("#note-error", Label).render())
            assert error == "fake-editor was stopped (SIGSEGV); here is what it had saved"
            await pilot.press("ctrl+s")
            await wait_for(
                pilot,
                lambda: app.main.article_state.note == "typed here\nfrom the editor",  # type: ignore[union-attr]
            )

    def test_an_editor_that_exits_with_an_error_changes_nothing(self, tmp_path: Path) -> None:
        # vim's :cq, git's way to abandon a message: a non-zero status is the editor's "cancel".
        script = fake_editor(tmp_path, "not wanted")
        script.write_text(script.read_text(encoding="utf-8") + "exit 1\n", encoding="utf-8")
        with pytest.raises(EditorError, match=r"^fake-editor exited with status 1; the note was"):
            edit_text(no_suspend_app(), "typed", {"EDITOR": str(script)})  # type: ignore[arg-type]

    def test_what_the_editor_wrote_comes_back_as_text_never_terminal_commands(
        self, tmp_path: Path
    ) -> None:
        # OSC 0 set the terminal's title when the note editor showed the file raw; a file
        # that is not UTF-8 (an editor in a Latin-1 locale) lost every accent to U+FFFD.
        script = tmp_path / "legacy-editor"
        script.write_text(
            "#!/bin/sh\nprintf 'Caf\\351 \\033]0;TITLE\\007\\033[31mred\\033[0m x\\n' > \"$1\"\n",
            encoding="utf-8",
        )
        script.chmod(0o700)
        text = edit_text(no_suspend_app(), "typed", {"EDITOR": str(script)})  # type: ignore[arg-type]
        assert text == "Café red x\n"

    def test_without_EDITOR_the_systems_default_then_nano_then_vi(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        installed = {"vi", "nano"}
        monkeypatch.setattr(
            "shutil.which", lambda name: f"/bin/{name}" if name in installed else None
        )
        assert editor_command({}) == ["/bin/nano"]  # keys on screen, not vi's modes
        installed.add("editor")
        assert editor_command({}) == ["/bin/editor"]
        assert editor_command({"EDITOR": "vim -u NONE"}) == ["vim", "-u", "NONE"]
        installed.clear()
        with pytest.raises(EditorError, match=r"^No editor: set \$EDITOR"):
            editor_command({})

    async def test_without_any_editor_it_says_so(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.delenv("EDITOR", raising=False)
        monkeypatch.setattr("shutil.which", lambda name: None)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("E")
            await pilot.pause()
            messages = notifications(app)
            assert any(m.startswith("No editor: set $EDITOR") for m in messages)


class TestNotes:
    async def test_N_highlights_and_opens_the_note_editor_in_one_step(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "harbour master", "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"Who is it?", "ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
            reader = app.main.reader
            await wait_for(
                pilot, lambda: bool(reader.highlights and reader.highlights[0].highlight.note)
            )
            assert [(h.text, h.highlight.note) for h in reader.highlights] == [
                ("harbour master", "Who is it?")
            ]

    async def test_a_passage_begun_from_a_find_match_keeps_its_opening_quote(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        # ux20 P7: the export quoted `This is exactly what we warned about," said`.
        root = tmp_path / "quotes"
        write_article(
            root,
            "berg.txt",
            "Dredging halted",
            "Work stopped on Monday.\n\n"
            '"This is exactly what we warned about," said Ms Berg. The port declined to comment.',
        )
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "berg.txt")
            reader = app.main.reader
            await pilot.press("slash", *"This is exactly", "enter")
            await wait_for(pilot, lambda: reader.match_label == "1/1")
            await pilot.press("v", ")", "H")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert reader.highlights[0].text == (
                '"This is exactly what we warned about," said Ms Berg.'
            )

    async def test_v_s_selects_the_sentence_at_the_cursor_and_s_again_its_paragraph(
        self, tmp_path: Path, make_app: MakeApp
    ) -> None:
        # ux20 P3: j moves by screen line, so v ) began mid-sentence on a wrapped line; no key
        # selected the sentence or paragraph under the cursor (vim's vis, vip).
        root = tmp_path / "units"
        write_article(
            root,
            "units.txt",
            "Seagrass survey",
            "Divers mapped the bay. The meadow in the path of the dredgers was the largest one"
            " they had ever seen. Work stopped.\n\n"
            "The port said it would wait. Officials met on Friday. No date was set.",
        )
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "units.txt")
            reader = app.main.reader
            await go_to_body(pilot, "path of the dredgers")
            await pilot.press("v", "s", "H")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert reader.highlights[0].text == (
                "The meadow in the path of the dredgers was the largest one they had ever seen."
            )
            await go_to_body(pilot, "met on Friday")  # a sentence mid-paragraph
            await pilot.press("v", "s", "s", "2")  # again: the paragraph
            await wait_for(pilot, lambda: len(reader.highlights) == 2)
            assert reader.highlights[1].text == (
                "The port said it would wait. Officials met on Friday. No date was set."
            )

    async def test_the_selecting_hint_fits_its_border_beside_the_notes_panel(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # At 80 columns with the notes panel open the hint was cut: "… N note · Esc ca…".
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await pilot.press("v")
            wide = str(reader.border_title)
            assert "s sentence, s s paragraph" in wide
            await pilot.press("p")
            await wait_for(pilot, lambda: app.main.query_one(NotesPanel).display)
            await pilot.press("escape")  # back in the article, still selecting
            await wait_for(pilot, lambda: str(reader.border_title) != wide)
            hint = str(reader.border_title)
            assert "Esc cancels" in hint and "s sentence" in hint
            assert len(hint) <= reader.outer_size.width - 6

    async def test_N_says_at_once_that_the_note_editor_is_coming(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # ux20 P11: under load the editor came 2-3 s after N (the highlight is saved first)
        # with nothing on screen meanwhile.
        saving, release = held_highlight_saves(monkeypatch)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await go_to_body(pilot, "Dock workers")
            reader = app.main.reader
            await pilot.press("v", ")", "N")
            await wait_for(pilot, saving.is_set, workers=False)
            await pilot.pause()
            assert "its note opens next" in str(reader.border_title)
            release.set()
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            assert not reader.border_title

    async def test_a_note_typed_after_N_whose_highlight_is_refused_goes_to_an_editor(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Another newsread held the notes: N's highlight was refused, and the note typed after
        # N ran as commands ("Hello" highlighted, 'e' opened another note...).
        real_add = AnnotationStore.add_highlight
        refused: list[bool] = []

        def locked_once(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
            if not refused:
                refused.append(True)
                raise AnnotationError("annotations are locked by another newsread")
            return real_add(self, *args, **kwargs)

        monkeypatch.setattr(AnnotationStore, "add_highlight", locked_once)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await go_to_body(pilot, "Dock workers")
            await pilot.press("v", ")", "N", *"Hello, A note")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            await wait_for(pilot, lambda: editor_text(note_editor) == "Hello, A note")
            assert "locked by another newsread" in str(
                note_editor.query_one("#note-error", Label).render()
            )
            assert not app.main.reader.highlights  # nothing ran as a key
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: app.screen is app.main)
            reader = app.main.reader
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            (made,) = reader.highlights
            assert (
                made.text == "Dock workers said the running costs would fall as ships grew larger."
            )
            assert made.highlight.note == "Hello, A note"

    async def test_a_note_typed_after_N_waits_in_an_editor_when_the_save_outlasts_the_hold(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Past the key hold's limit (the save waiting for another newsread's lock), the keys
        # typed after N were let go as commands: 'A' opened the article's note and the rest
        # of the highlight's note was typed into it.
        from newsread.tui.screens import annotating

        saving, release = held_highlight_saves(monkeypatch)
        monkeypatch.setattr(annotating, "STORE_HOLD_LIMIT", 0.5)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await go_to_body(pilot, "Dock workers")
            await pilot.press("v", ")", "N", *"A note")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), workers=False)
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            await wait_for(pilot, lambda: editor_text(note_editor) == "A note", workers=False)
            release.set()  # the first save goes through meanwhile: no second editor
            await wait_for(pilot, lambda: len(app.main.reader.highlights) == 1)
            assert app.screen is note_editor
            await pilot.press(*" too", "ctrl+s")
            await wait_for(pilot, lambda: app.screen is app.main)
            reader = app.main.reader
            await wait_for(pilot, lambda: reader.highlights[0].highlight.note == "A note too")
            assert len(reader.highlights) == 1
            assert not app.main.article_state.note  # type: ignore[union-attr]

    async def test_escape_after_N_says_the_highlight_stays_without_a_note(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # Escape looked like it called the N off; the highlight stayed, and nothing said so.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await go_to_body(pilot, "Dock workers")
            await pilot.press("v", ")", "N")  # the cursor ends past the sentence
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is app.main)
            said = "Highlighted in yellow, without a note: e writes one, x deletes it"
            await wait_for(pilot, lambda: said in notifications(app))
            reader = app.main.reader
            assert [h.text for h in reader.highlights] == [
                "Dock workers said the running costs would fall as ships grew larger."
            ]
            await pilot.press("x")  # as it says
            await wait_for(pilot, lambda: not reader.highlights)

    async def test_a_failed_save_keeps_the_text_and_says_why(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from newsread.index.annotations import AnnotationError

        def disk_full(self: AnnotationStore, article: object, text: str, **_: object) -> None:
            raise AnnotationError("disk full: note not saved", text)

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            monkeypatch.setattr(AnnotationStore, "set_article_note", disk_full)
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"keep me", "ctrl+s")
            note_editor = app.screen
            assert isinstance(note_editor, NoteEditor)
            error = note_editor.query_one("#note-error")
            await wait_for(pilot, lambda: "disk full" in str(error.render()))
            assert note_editor.editor.text == "keep me"
            # Escape asks before throwing the text away.
            await pilot.press("escape")
            # (a key may wait its turn behind the failed save's: waited for, not assumed)
            await wait_for(pilot, lambda: "Escape again discards" in str(error.render()))
            assert app.screen is note_editor
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is app.main)

    async def test_a_highlight_refused_keeps_its_passage_selected_for_another_try(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # On a full disk the selection was gone with the refusal: H once space was back did
        # nothing, and the passage had to be selected again.
        from newsread.index.annotations import AnnotationError

        add = AnnotationStore.add_highlight

        def disk_full(self: AnnotationStore, *args: object, **kwargs: object) -> None:
            raise AnnotationError("disk full: highlight not saved; free some space")

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            monkeypatch.setattr(AnnotationStore, "add_highlight", disk_full)
            await go_to_body(pilot, "running costs")
            await pilot.press("v", *["l"] * len("running costs"), "H")
            said = "disk full: highlight not saved; free some space"
            await wait_for(pilot, lambda: said in notifications(app))
            monkeypatch.setattr(AnnotationStore, "add_highlight", add)
            await pilot.press("H")
            await wait_for(pilot, lambda: shown_highlights(app) == [("running costs", 1)])

    async def test_the_notes_panel_open_at_quit_is_open_after_a_relaunch(
        self, library: Path, make_app: MakeApp
    ) -> None:
        async def quit_with_the_panel(shown: bool) -> None:
            app = make_app(library)
            async with app.run_test(size=(80, 24)) as pilot:
                await open_article(pilot)
                panel = app.main.query_one(NotesPanel)
                for _ in range(2):  # p shows the panel and goes to it; in the panel, hides it
                    if panel.display != shown:
                        await pilot.press("p")
                        await settle(pilot)
                assert panel.display == shown
                await pilot.press("ctrl+q")

        async def relaunch() -> bool:
            app = make_app(library)  # the same NEWSREAD_HOME: the session of the one before
            async with app.run_test(size=(80, 24)) as pilot:
                await wait_for(pilot, lambda: app.main.reader.article is not None)
                await settle(pilot)
                assert app.focused is app.main.reader  # shown beside it, not focused
                return bool(app.main.query_one(NotesPanel).display)

        for shown in (True, False):
            await quit_with_the_panel(shown)
            assert await relaunch() == shown

    async def test_a_long_passage_above_the_note_shows_that_it_is_cut(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # At 40x12 the quote stopped after 3 lines, mid-passage, with no "…" and no "”".
        passage = " ".join(f"word{i}" for i in range(60))
        app = make_app(library)
        async with app.run_test(size=(40, 12)) as pilot:
            await settle(pilot)
            for quote, shown in ((passage, "word0"), ("The harbour\n\nmaster", "The harbour")):
                app.push_screen(NoteEditor("Note", "", lambda *_: None, quote=quote))
                await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
                await pilot.pause()
                lines = rendered_text(app.screen.query_one("#note-quote")).strip().splitlines()
                assert lines[0].startswith(f"“{shown}"), lines
                assert len(lines) <= 3 and all(len(line) <= 36 for line in lines), lines
                assert lines[-1].endswith("…”" if quote == passage else "master”"), lines
                await pilot.press("escape")
                await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))

    @pytest.mark.parametrize("size", [(40, 12), (80, 24)])
    async def test_the_editors_help_line_says_how_to_save_at_any_size(
        self, library: Path, make_app: MakeApp, size: tuple[int, int]
    ) -> None:
        # At 40x12 the 12-row text box pushed "ctrl+s saves" off the screen.
        app = make_app(library)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            app.push_screen(NoteEditor("Note", "", lambda *_: None, quote="The harbour master"))
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.pause()
            [shown] = [h for h in app.screen.query(".dialog-help") if h.display]
            assert shown.region.bottom <= size[1] - 1  # above the dialog's border
            assert rendered_text(shown).strip().startswith(("ctrl+s saves", "^s saves"))
            assert shown.size.height == 1  # one row, not wrapped
            assert app.screen.editor.size.height >= 2

    @pytest.mark.parametrize("colour", ["H", "2"])
    async def test_e_straight_after_highlighting_edits_that_highlights_note(
        self, library: Path, make_app: MakeApp, colour: str
    ) -> None:
        """`v ) 2` then `e`: the motion had left the cursor on the next sentence, past the
        passage (trimmed of the space before it), so e wrote the ARTICLE's note."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await go_to_body(pilot, FIRST)
            await pilot.press("v", "right_parenthesis", colour)
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"Who pays?", "ctrl+s")
            await wait_for(pilot, lambda: bool(reader.highlights[0].highlight.note))
            assert reader.highlights[0].highlight.note == "Who pays?"
            assert not app.main.article_state.note  # type: ignore[union-attr]
            await pilot.press("v", "right_parenthesis")  # and ) goes on from the passage's end
            assert reader.selected_text.strip() == SECOND

    async def test_keys_typed_after_ctrl_s_wait_for_the_note_to_be_saved(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """ctrl+s then `t harbour⏎` at once (tag the article next): `t` went into the note
        while it was being saved and was lost with the editor, then `e` reopened the note
        and the rest was typed into it."""
        saving = threading.Event()
        real = AnnotationStore.update_highlight

        def slow(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
            saving.wait(10)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(AnnotationStore, "update_highlight", slow)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await go_to_body(pilot, FIRST)
            await pilot.press("v", "right_parenthesis", "N", *"Why now?", "ctrl+s")
            await pilot.press("t", *"harbour", "enter")
            saving.set()
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press("escape")
            await wait_for(
                pilot,
                lambda: bool(app.main.article_state and app.main.article_state.tag_names),
            )
            assert app.main.article_state.tag_names == ("harbour",)  # type: ignore[union-attr]
            await wait_for(pilot, lambda: bool(reader.highlights[0].highlight.note))
            assert [h.highlight.note for h in reader.highlights] == ["Why now?"]

    async def test_at_40x12_the_text_box_under_a_long_passage_shows_what_is_typed(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Under a 3-line quote the text box kept its two border rows and no line to type
        on: a note typed after N was invisible."""
        app = make_app(library)
        async with app.run_test(size=(40, 12)) as pilot:
            await settle(pilot)
            passage = " ".join(f"word{i}" for i in range(60))
            app.push_screen(NoteEditor("Note on the highlight", "", lambda *_: None, quote=passage))
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"Kuwait denies cheating")
            await pilot.pause()
            editor = app.screen.editor
            assert editor.content_size.height >= 3
            assert "Kuwait denies" in rendered_text(editor)
            assert len(rendered_text(app.screen.query_one("#note-quote")).strip().splitlines()) == 3
            [shown] = [h for h in app.screen.query(".dialog-help") if h.display]
            assert shown.region.bottom <= 11

    @pytest.mark.parametrize("size", [(40, 12), (80, 24)])
    async def test_f7_selects_the_whole_note_to_clear_it_and_the_help_line_says_so(
        self, library: Path, make_app: MakeApp, size: tuple[int, int]
    ) -> None:
        # Nothing listed how to clear a note to rewrite it: ctrl+a is line start, 140 backspaces.
        app = make_app(library)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            old = "First line of an old note.\nAnd a second one."
            app.push_screen(NoteEditor("Note", old, lambda *_: None))
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.pause()
            [shown] = [h for h in app.screen.query(".dialog-help") if h.display]
            assert "f7" in rendered_text(shown) and shown.size.height == 1
            editor = app.screen.editor
            await pilot.press("f7")
            assert editor.selected_text == old
            await pilot.press("backspace", *"new")
            assert editor.text == "new"

    async def test_a_note_keeps_the_joiners_typed_in_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # A Persian word's zero-width non-joiner and an emoji's joiner are unprintable to
        # Textual: the editor left them out ("می‌گویند" saved as "میگویند").
        typed = "می\u200cگویند 👨\u200d👩"
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            editor = app.screen.editor  # type: ignore[attr-defined]
            for character in typed:
                if character in "\u200c\u200d":
                    # As a terminal sends it (Pilot's press gives these keys no character).
                    name = unicodedata.name(character).lower().replace(" ", "_")
                    editor.post_message(events.Key(name, character))
                    await pilot.pause()
                else:
                    await pilot.press(character)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: app.main.article_state.note == typed)  # type: ignore[union-attr]


class TestDeleteAndUndo:
    async def test_x_deletes_with_a_notice_and_u_brings_it_back(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "running costs", "4")
            await go_to_body(pilot, "costs")
            await pilot.press("x")
            await wait_for(pilot, lambda: not reader.highlights)
            messages = notifications(app)
            assert "Highlight deleted — u to undo" in messages
            await pilot.press("u")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert shown_highlights(app) == [("running costs", 4)]

    async def test_u_after_a_relaunch_brings_back_the_articles_last_deleted_highlight(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # Deleted highlights are kept (until purged), but u only knew this session's: after a
        # relaunch it said "Nothing to undo" and the highlight and its note were out of reach.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "city council")
            await highlight(pilot, "running costs")
            for passage in ("city council", "running costs"):
                await go_to_body(pilot, passage)
                await pilot.press("x")
            await wait_for(pilot, lambda: not reader.highlights)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await pilot.press("u")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert shown_highlights(app) == [("running costs", 1)]
            [said] = [m for m in notifications(app) if m.startswith("Restored")]
            assert said.startswith("Restored the highlight deleted on ")
            assert said.endswith(": “running costs”")
            await pilot.press("u", "u")
            await wait_for(pilot, lambda: "Nothing to undo" in notifications(app))
            assert [text for text, _ in shown_highlights(app)] == ["city council", "running costs"]

    async def test_a_note_emptied_and_saved_says_so_and_u_brings_its_text_back(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # f7, backspace, ctrl+s said "Note saved" and the text was gone for good.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "running costs", "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"on the costs", "ctrl+s")
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"whole article", "ctrl+s")
            await wait_for(pilot, lambda: app.main.article_state.note == "whole article")  # type: ignore[union-attr]
            for key in ("A", "e"):  # the article's note, then the highlight's
                if key == "e":
                    await go_to_body(pilot, "costs")
                await pilot.press(key)
                await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
                await pilot.press("f7", "backspace", "ctrl+s")
                await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
            await wait_for(pilot, lambda: not reader.highlights[0].highlight.note)
            assert not app.main.article_state.note  # type: ignore[union-attr]
            assert notifications(app).count("Note deleted — u to undo") == 2
            await pilot.press("u")
            await wait_for(pilot, lambda: reader.highlights[0].highlight.note == "on the costs")
            await pilot.press("u")
            await wait_for(pilot, lambda: app.main.article_state.note == "whole article")  # type: ignore[union-attr]
            # Emptied again, then written by another newsread: u leaves its text alone.
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press("f7", "backspace", "ctrl+s")
            await wait_for(pilot, lambda: not app.main.article_state.note)  # type: ignore[union-attr]
            with store() as other:
                other.set_article_note(reader.article, "theirs")  # type: ignore[arg-type]
            await pilot.press("u")
            await wait_for(pilot, lambda: any("Not undone" in n for n in notifications(app)))
        with store() as saved:
            assert [h.note for h in saved.all_highlights()] == ["on the costs"]
            assert saved.article_note(reader.article) == "theirs"  # type: ignore[arg-type]

    async def test_keys_typed_with_p_wait_for_the_panel_to_fill(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "city council")
            await highlight(pilot, "harbour master")
            listed, answer = AnnotationStore.highlights_for, threading.Event()

            def slowly(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
                answer.wait(10)  # a slow store (the session's first call opens it)
                return listed(self, *args, **kwargs)

            monkeypatch.setattr(AnnotationStore, "highlights_for", slowly)
            # A loaded server: the store answers after a search's hold would have let go.
            monkeypatch.setattr(key_order, "HOLD_LIMIT", 0.1)
            # Opened again, the panel is emptied until its annotations are in (a worker):
            # j used to land on the empty list, and d then had nothing to delete.
            app.main.open_article(KELMOR, focus=True, record=False)
            await pilot.press("p", "j", "d")
            await asyncio.sleep(0.5)
            answer.set()
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            assert [text for text, _ in shown_highlights(app)] == ["city council"]

    async def test_the_panel_deletes_recolours_and_undoes(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, "city council")
            await highlight(pilot, "harbour master", "2")
            await pilot.press("p")
            panel = app.main.query_one(NotesPanel)
            assert app.focused is panel.notes_list
            # The highlight just made is the one chosen in the panel; j on the last entry
            # stays there (no wrapping round to the first).
            await pilot.press("j", "c")  # harbour master: green -> blue
            await wait_for(pilot, lambda: shown_highlights(app)[1] == ("harbour master", 3))
            await pilot.press("up", "5")
            await wait_for(pilot, lambda: shown_highlights(app)[0] == ("city council", 5))
            await pilot.press("d")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            await pilot.press("u")
            await wait_for(pilot, lambda: len(reader.highlights) == 2)
            # Enter goes to the highlight in the article.
            await pilot.press("enter")
            assert app.focused is reader
            assert reader.body_offset(reader.cursor_location) == reader.article.body.index(  # type: ignore[union-attr]
                "city council"
            )
            await pilot.press("greater_than_sign")
            assert reader.body_offset(reader.cursor_location) == reader.article.body.index(  # type: ignore[union-attr]
                "harbour master"
            )


class TestOrphans:
    async def test_a_highlight_whose_passage_is_gone_is_listed_as_orphaned_and_reattached(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, SECOND, "3")
            await pilot.press("ctrl+q")
        article = library / KELMOR
        text = article.read_text(encoding="utf-8")
        article.write_text(
            text.replace(SECOND, "Unions said nothing about it at all on the day."),
            encoding="utf-8",
        )

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            orphan = reader.highlights[0]
            assert orphan.orphaned
            assert not painted_highlights(reader)  # never painted
            # Said where it is: missing from the article, it looked lost (once an article).
            said = "1 highlight's passage is no longer in this article's text: kept, as orphaned"
            await wait_for(pilot, lambda: any(said in m for m in notifications(app)))
            app.main.open_article(KELMOR, focus=True, record=False)
            await settle(pilot)
            assert sum(said in m for m in notifications(app)) == 1
            await pilot.press("p")
            panel = app.main.query_one(NotesPanel)
            text = rendered_text(panel.notes_list)
            assert "orphaned · Dock workers" in text
            # Re-attach: select the new passage, then r on the orphan.
            await pilot.press("escape")
            await go_to_body(pilot, "Unions said")
            await pilot.press("v", "right_curly_bracket", "p", "r")
            await wait_for(pilot, lambda: not reader.highlights[0].orphaned)
            assert shown_highlights(app) == [("Unions said nothing about it at all on the day.", 3)]

    async def test_a_note_saved_after_its_passage_left_the_file_is_on_an_orphan(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Seen in use: the paragraph deleted from the file while its highlight's note was
        being written; saved, the note's highlight was listed as placed and painted on the
        words now where the passage had been (placed in the text read before)."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await highlight(pilot, SECOND, "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"on the costs")
            article = library / KELMOR
            text = article.read_text(encoding="utf-8")
            article.write_text(text.replace(SECOND + "\n\n", ""), encoding="utf-8")
            os.utime(article, (1e9, 1e9))  # a change the scan sees at once
            app.action_rescan()
            assert reader.article is not None
            await wait_for(pilot, lambda: SECOND not in reader.article.body)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: "Note saved" in notifications(app))
            await settle(pilot)
            [orphan] = reader.highlights
            assert orphan.orphaned and orphan.highlight.note == "on the costs"
            assert not painted_highlights(reader)
            await pilot.press("p")
            text = rendered_text(app.main.query_one(NotesPanel).notes_list)
            assert "orphaned · Dock workers" in text


class TestMarks:
    async def test_results_mark_unread_starred_and_annotated_articles(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            titles = rendered_text(app.main.results_list)
            assert "• Kelmor harbour expansion approved" in titles
            await open_article(pilot)
            await pilot.press("asterisk")
            await highlight(pilot, "city council")
            await wait_for(pilot, lambda: app.main.article_state.starred)  # type: ignore[union-attr]
            await pilot.press("m", "m", "escape")  # unread, then read again
            await settle(pilot)
            titles = rendered_text(app.main.results_list)
            assert "★ ✎ Kelmor harbour expansion approved" in titles
            assert "• River flood reaches the old town" in titles
            await pilot.press("ctrl+q")

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await wait_for(pilot, lambda: bool(app.main.results_list.marks))
            titles = rendered_text(app.main.results_list)
            assert "★ ✎ Kelmor harbour expansion approved" in titles

    async def test_star_mark_and_tag_the_highlighted_hit_without_opening_it(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            results = app.main.results_list
            results.focus()
            results.highlighted = results.keys.index("flood.txt")
            await pilot.press("asterisk")
            await wait_for(pilot, lambda: "Starred ★" in notifications(app))
            await pilot.press("m")  # never opened, so unread: m marks it read
            await wait_for(pilot, lambda: "Marked read" in notifications(app))
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*"triage", "enter", "escape")
            await wait_for(pilot, lambda: results.marks["flood.txt"].annotated)
            assert app.main.reader.article is None  # nothing was opened
            marks = results.marks["flood.txt"]
            assert (marks.starred, marks.read) == (True, True)
            assert "★ ✎ River flood reaches the old town" in rendered_text(results)
            assert not results.marks.get("kelmor-harbour.txt", marks).starred
            # The open article's own keys still act on it, from the list too.
            await open_article(pilot)
            await pilot.press("escape")
            results.highlighted = results.keys.index("kelmor-harbour.txt")
            await pilot.press("asterisk")
            await wait_for(pilot, lambda: app.main.article_state.starred)  # type: ignore[union-attr]
            await pilot.press("ctrl+q")
        saved = store()
        try:
            flood = next(
                a.state for a in saved.annotations() if a.article.title.startswith("River")
            )
            assert flood.tag_names == ("triage",) and flood.starred and flood.read
        finally:
            saved.close()

    async def test_a_file_read_with_a_new_title_is_marked_before_it_is_opened(
        self, library: Path, make_app: MakeApp
    ) -> None:
        # Without a URL the article's identity changes with its title: its star and note
        # are found by its text, which the list has to look at before the article is opened.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "flood.txt")
            await pilot.press("asterisk")
            await wait_for(pilot, lambda: app.main.article_state.starred)  # type: ignore[union-attr]
            await pilot.press("escape")  # back to the list, which the next launch shows
            await settle(pilot)
            await pilot.press("ctrl+q")
        write_article(
            library,
            "flood.txt",
            "River flood reaches the old town of Kelmor",
            "The river Vessa burst its banks overnight and flooded the old town of Kelmor.\n\n"
            "Volunteers filled sandbags along the harbour wall until dawn.",
            source="BALTIC WIRE",
            section="Environment",
            date="2 April 2021 [07:30]",
        )
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await wait_for(pilot, lambda: bool(app.main.results_list.marks))
            titles = rendered_text(app.main.results_list)
            assert "★ River flood reaches the old town of Kelmor" in titles

    async def test_m_right_after_opening_says_what_it_did(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Opening marks an article read; `m` at once makes it unread, and says so truly."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await open_article(pilot)
            await pilot.press("m")
            await settle(pilot)
            await wait_for(pilot, lambda: app.main.article_state is not None)
            state = app.main.article_state
            messages = notifications(app)
            said = [m for m in messages if m.startswith("Marked")]
            assert said, messages
            assert said[-1] == ("Marked read" if state.read else "Marked unread")  # type: ignore[union-attr]
            store = AnnotationStore.open(annotations_path())
            try:
                article = app.main._article
                assert article is not None
                assert store.article_state(article).read == state.read  # type: ignore[union-attr]
            finally:
                store.close()


class TestHighlightsView:
    def test_filter_words_tag_and_colour(self) -> None:
        wanted = parse_filter("budget tag:Ports colour:green cuts")
        assert (wanted.words, wanted.tag, wanted.colour) == ("budget cuts", "Ports", 2)
        assert parse_filter("color:4").colour == 4
        assert parse_filter("colour:mauve").problem.startswith("no colour 'mauve'")

    async def test_filters_by_colour_and_opens_the_article_at_the_passage(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "city council", "2")
            await highlight(pilot, "harbour master", "5")
            await pilot.press("escape")
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
            await pilot.press(*"colour:orange")
            listed = app.screen.query_one("#highlights-list")
            await wait_for(pilot, lambda: listed.option_count == 1)
            await pilot.press("enter", "enter")
            await wait_for(pilot, lambda: app.screen is app.main)
            reader = app.main.reader
            await wait_for(
                pilot,
                lambda: (
                    reader.body_offset(reader.cursor_location)
                    == reader.article.body.index("harbour master")
                ),  # type: ignore[union-attr]
            )
            assert app.focused is reader


class TestSnapshot:
    def test_article_with_highlights_and_the_notes_panel(
        self, snap_compare, tmp_path: Path, make_app: MakeApp, indexed_libraries
    ) -> None:
        from tui_helpers import build_library

        library = indexed_libraries.copy(build_library, tmp_path / "snap" / "library")

        async def run_before(pilot: Pilot) -> None:
            await open_article(pilot)
            await highlight(pilot, "city council of Kelmor")
            await highlight(pilot, "running costs would fall", "3")
            await highlight(pilot, "deeper harbour", "N")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
            await pilot.press(*"**Deeper** by how much?", "ctrl+s")
            await wait_for(pilot, lambda: not isinstance(pilot.app.screen, NoteEditor))
            await pilot.press("p")
            await settle(pilot)
            # "Note saved" goes after a few seconds: on a loaded machine, before the snapshot.
            pilot.app.clear_notifications()
            await pilot.pause()

        assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=run_before)


class TestReaderKeys:
    async def test_motions_extend_the_selection_by_word_sentence_and_paragraph(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            body = reader.article.body  # type: ignore[union-attr]
            await go_to_body(pilot, FIRST)
            await pilot.press("v", "w")
            assert reader.selected_span() == (0, len("The"))
            await pilot.press("w", "l", "l", "l", "h")
            assert reader.selected_span() == (0, len("The city c"))
            await pilot.press("right_parenthesis", "right_parenthesis")
            assert reader.selected_span() == (0, body.index(SECOND) + len(SECOND))
            await pilot.press("left_parenthesis")
            assert reader.selected_span() == (0, len(FIRST))
            await pilot.press("right_curly_bracket")
            assert reader.selected_span() == (0, body.index(SECOND) + len(SECOND))
            await pilot.press("right_curly_bracket")
            assert reader.selected_span() == (0, len(body))
            await pilot.press("left_curly_bracket", "left_curly_bracket")
            assert reader.selected_span() == (0, len(FIRST))
            await pilot.press("escape")
            assert not reader.selecting and reader.selected_span() is None
            assert app.focused is reader  # Escape cancelled the selection, not the article

    async def test_a_sentence_goes_on_past_an_abbreviation(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """`)` stopped at "U.S.A." in "Exxon U.S.A. unit cut the price.": a full stop before
        a lowercase word ends an abbreviation, not a sentence."""
        sentence = "Oil traders said Exxon Corp's Exxon U.S.A. unit cut the price by 0.75 cent."
        write_article(library, "exxon.txt", "Exxon cuts barge price", f"{sentence} Sun did not.")
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "exxon.txt")
            reader = app.main.reader
            await go_to_body(pilot, sentence)
            await pilot.press("v", "right_parenthesis")
            assert reader.selected_span() == (0, len(sentence))

    @pytest.mark.parametrize("where", ["under the dateline", "between paragraphs"])
    async def test_v_on_blank_space_starts_the_selection_at_the_next_word(
        self, library: Path, make_app: MakeApp, where: str
    ) -> None:
        """`v` on the blank line under the dateline, then `)`, selected only blank space: N
        then found no selection and the note typed after it ran as commands."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            body = reader.article.body  # type: ignore[union-attr]
            passage = FIRST if where == "under the dateline" else SECOND
            row = reader.body_location(body.index(passage))[0] - 1
            assert not reader.document[row].strip()
            reader.move_cursor((row, 0))
            await pilot.pause()
            await pilot.press("v", "right_parenthesis", "N", *"Who?", "ctrl+s")
            await wait_for(
                pilot, lambda: bool(reader.highlights and reader.highlights[0].highlight.note)
            )
            assert [(h.text, h.highlight.note) for h in reader.highlights] == [(passage, "Who?")]

    async def test_v_then_a_sentence_from_the_title_takes_the_first_sentence(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """An article opens with the cursor on its title: `v` `)` `H` there selected up to
        the first sentence's start, none of the text, and H only said so."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            assert reader.cursor_location == (0, 0)
            await pilot.press("v", "right_parenthesis", "H")
            await wait_for(pilot, lambda: bool(reader.highlights))
            assert [h.text for h in reader.highlights] == [FIRST]

    async def test_sentence_motions_go_past_an_acronym_before_a_capital(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """`)` stopped after "the U.S." in title-case text, so the highlight (and its export)
        ended mid-sentence; `(` from the end went back only to "Attack"."""
        lede = "Prices rose."
        sentence = "Gains followed the U.S. Attack against Iranian oil platforms."
        write_article(library, "opec.txt", "Opec output", f"{lede} {sentence} Sun did not.")
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "opec.txt")
            reader = app.main.reader
            await go_to_body(pilot, sentence)
            await pilot.press("v", "right_parenthesis")
            start = len(lede) + 1
            assert reader.selected_span() == (start, start + len(sentence))
            await pilot.press("escape")
            await go_to_body(pilot, "Sun did not")
            await pilot.press("v", "left_parenthesis")
            assert reader.selected_span() == (start, start + len(sentence))

    async def test_a_selection_of_only_the_header_says_why_it_is_not_highlighted(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """The cursor starts on the title: `v` and a line down look selected, but the header
        is not the article's text, and "Select some text first" read as a refusal of a
        selection on screen."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await pilot.press("g", "v", "j", "H")
            await settle(pilot)
            assert not reader.highlights
            assert "none of the article's words" in notifications(app)[-1]
            await pilot.press("escape", "v", "H")  # nothing selected at all
            await settle(pilot)
            assert notifications(app)[-1].startswith("Select some text first")

    @pytest.mark.parametrize("keys", [("v",), ("g", "v", "j")], ids=["empty", "header only"])
    async def test_N_without_a_passage_selected_writes_the_typed_note_on_the_article(
        self, library: Path, make_app: MakeApp, keys: tuple[str, ...]
    ) -> None:
        """`v` then `N` with nothing of the text selected only warned, and the note typed
        straight after it ran as commands (u, n, e...). N opens the article's note instead,
        saying so, and the typed words go into it."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await go_to_body(pilot, SECOND)
            await pilot.press(*keys, "N", *"Who pays, and when?", "ctrl+s")
            await wait_for(
                pilot, lambda: bool(app.main.article_state and app.main.article_state.note)
            )
            assert app.main.article_state.note == "Who pays, and when?"  # type: ignore[union-attr]
            assert not reader.highlights
            assert not reader.selecting
            assert any("on the article" in n for n in notifications(app))

    async def test_N_and_b_keep_their_reading_meaning_without_a_selection(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.main.search_input.value = "harbour"
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            reader = app.main.reader
            await pilot.press("n", "n", "N")
            assert reader.match_label == "1/4"
            assert not isinstance(app.screen, NoteEditor)
            await pilot.press("b")  # page up, not a selection
            assert not reader.selected_text

    async def test_a_highlight_over_two_paragraphs_is_painted_on_both(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            reader = app.main.reader
            await go_to_body(pilot, "Tuesday")
            await pilot.press("v", "right_curly_bracket", "right_curly_bracket", "5")
            await wait_for(pilot, lambda: len(reader.highlights) == 1)
            first_row = reader.body_location(reader.article.body.index("Tuesday"))[0]  # type: ignore[union-attr]

            painted = [row for row, names in painted_rows(reader).items() if "nr.hl5" in names]
            assert painted == [first_row, first_row + 2]


class TestTags:
    async def test_escape_right_after_enter_keeps_the_tag_being_saved(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`t harbour⏎` then Escape at once, the tag still being written (a loaded machine):
        the dialog closed at once, the article's annotations were read again before the tag
        was in, and the tag was not shown (the flaky
        TestNotes::test_keys_typed_after_ctrl_s_wait_for_the_note_to_be_saved)."""
        writing = threading.Event()
        add_tags = AnnotationStore.add_tags

        def slow(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
            writing.wait(10)
            return add_tags(self, *args, **kwargs)

        monkeypatch.setattr(AnnotationStore, "add_tags", slow)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*"harbour", "enter", "escape", "j")
            writing.set()
            await wait_for(pilot, lambda: app.screen is app.main)
            await wait_for(
                pilot,
                lambda: bool(app.main.article_state and app.main.article_state.tag_names),
            )
            assert app.main.article_state.tag_names == ("harbour",)  # type: ignore[union-attr]
            article = app.main.reader.article
        assert article is not None
        with store() as saved:
            assert saved.article_state(article).tag_names == ("harbour",)

    async def test_a_tag_whose_write_never_started_is_saved_when_the_dialog_closes(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`t harbour⏎` then Escape, the dialog's worker still waiting for a thread (the
        app's pool busy): closing the dialog cancelled the worker before it ran, and the tag
        typed was lost without a word (the flaky
        TestNotes::test_keys_typed_after_ctrl_s_wait_for_the_note_to_be_saved, a third way).
        Here the dialog's workers never run at all."""
        monkeypatch.setattr(TagDialog, "_call", lambda self, *args: None)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("t", *"harbour", "enter", "escape")
            await wait_for(
                pilot,
                lambda: bool(app.main.article_state and app.main.article_state.tag_names),
            )
            assert app.main.article_state.tag_names == ("harbour",)  # type: ignore[union-attr]

    async def test_a_tag_change_that_fails_after_the_dialog_closed_is_said(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The dialog can no longer show an error once closed: the view behind it does."""

        def refuse(self: AnnotationStore, *args: Any, **kwargs: Any) -> Any:
            raise AnnotationError("the disk is full")

        monkeypatch.setattr(TagDialog, "_call", lambda self, *args: None)
        monkeypatch.setattr(AnnotationStore, "add_tags", refuse)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("t", *"harbour", "enter", "escape")
            await wait_for(pilot, lambda: any("disk is full" in n for n in notifications(app)))
            assert not app.main.article_state.tag_names  # type: ignore[union-attr]

    async def test_tags_are_saved_while_long_thread_workers_hold_many_threads(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Twelve blocked thread jobs (an update, searches still finishing, store calls
        waiting on a lock) took every thread of the loop's default pool (cores + 4): a tag
        typed meanwhile was saved only once one of them let go."""
        release = threading.Event()
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            loop = asyncio.get_running_loop()
            busy = [loop.run_in_executor(None, release.wait, 60) for _ in range(12)]
            try:
                await pilot.press("t", *"harbour", "enter", "escape")
                await wait_for(
                    pilot,
                    lambda: bool(app.main.article_state and app.main.article_state.tag_names),
                    workers=False,
                )
            finally:
                release.set()
                await asyncio.gather(*busy)
            assert app.main.article_state.tag_names == ("harbour",)  # type: ignore[union-attr]

    async def test_keys_typed_while_a_hits_tag_dialog_opens_go_to_its_box(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`t` on a hit opens its dialog once a worker has read the article: just after
        launch, the threads busy, `İstanbul` typed meanwhile went to the list (`s` sorted, `t`
        asked for a second dialog) and "anbul" was saved. Here the article's read waits until
        every key has been routed."""
        from newsread.index import Library

        loading = threading.Event()
        read_article = Library.article

        def slow(self: Library, key: str) -> Any:
            loading.wait(10)
            return read_article(self, key)

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.main.results_list.focus()
            await settle(pilot)
            sort, pressed = app.main.sort, app.key_order.pressed
            monkeypatch.setattr(Library, "article", slow)
            burst(app, "tİstanbul")
            order = app.key_order
            await wait_for(
                pilot,
                lambda: order.pressed == pressed + 9 and (order.holds("tags") or not order.busy),
                workers=False,
            )
            loading.set()
            await wait_for(
                pilot, lambda: isinstance(app.screen, TagDialog) and app.screen.is_current
            )
            await settle(pilot)
            assert [type(s) for s in app.screen_stack].count(TagDialog) == 1
            assert app.screen.query_one("#tags-input", Input).value == "İstanbul"
            assert app.main.sort == sort

    async def test_a_search_typed_into_the_list_in_one_burst_is_not_saved_as_a_tag(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Escape twice puts the focus back on the results list, where letters are commands:
        "title:molyneux honour⏎" typed there opened the tag dialog with `t` and saved the tag
        "itle:molyneux-honour" unseen. What was typed before the dialog opened stays in its
        box, said so, until a second Enter."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            results = app.main.results_list
            results.focus()
            await settle(pilot)
            key = results.highlighted_key
            burst(app, "title:molyneux honour\r")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await settle(pilot)
            dialog = app.screen
            assert dialog.query_one("#tags-input", Input).value == "itle:molyneux honour"
            assert "Typed before the dialog opened: Enter adds it" in str(
                dialog.query_one("#tags-error", Label).render()
            )
            with store() as saved:
                assert not any(a.state.tag_names for a in saved.annotations())
            await pilot.press("enter", "escape")  # seen now: the second Enter adds it
            await wait_for(pilot, lambda: bool(results.marks.get(key or "")))
            await settle(pilot)
        with store() as saved:
            [tagged] = [a for a in saved.annotations() if a.state.tag_names]
            assert tagged.article.key == key
            assert tagged.state.tag_names == ("itle:molyneux-honour",)

    async def test_the_tag_box_has_the_focus_while_the_dialog_is_still_mounting(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`t harbour⏎` at once: on a loaded machine the keys after `t` may be routed before
        the dialog's `on_mount` ran. The focus was on the tag list (the first focusable
        widget) until then, which took "harbour" and the Enter and lost them (the flaky
        TestNotes::test_keys_typed_after_ctrl_s_wait_for_the_note_to_be_saved)."""
        from newsread.tui.screens.tags import TagInput

        mounting = asyncio.Event()
        mount = TagDialog.on_mount

        async def slow_mount(self: TagDialog) -> None:
            await mounting.wait()
            mount(self)

        monkeypatch.setattr(TagDialog, "on_mount", slow_mount)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            key = events.Key("t", "t")
            key.set_sender(app)
            app.post_message(key)
            try:
                # No pilot waits while the dialog mounts: they wait for the mount.
                for _ in range(5000):
                    await asyncio.sleep(0.002)
                    if isinstance(app.screen, TagDialog) and app.screen.focused is not None:
                        break  # composed, and given its first focus
                assert isinstance(app.screen, TagDialog)
                assert isinstance(app.screen.focused, TagInput), app.screen.focused
            finally:
                mounting.set()
            await pilot.press(*"harbour", "enter", "escape")
            await wait_for(
                pilot,
                lambda: bool(app.main.article_state and app.main.article_state.tag_names),
            )
            assert app.main.article_state.tag_names == ("harbour",)  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("typed", "tag", "start"),
        [
            ("Climate change", "Climate-change", "cl"),
            # Compared as search compares words: "is" completed nothing of "İstanbul".
            ("İstanbul", "İstanbul", "is"),
        ],
    )
    async def test_tags_complete_from_tags_in_use_and_can_be_removed(
        self, typed: str, tag: str, start: str, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "flood.txt")
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*typed, "enter", "escape")
            await wait_for(pilot, lambda: app.screen is app.main)
            await open_article(pilot)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await settle(pilot)
            await pilot.press(*start, "tab", "enter")
            await wait_for(pilot, lambda: app.screen.query_one("#tags-list").option_count == 1)
            completed = app.screen.query_one("#tags-list", OptionList).get_option_at_index(0)
            assert completed.id == tag
            await pilot.press(*"later", "enter")
            tags = app.screen.query_one("#tags-list")
            await wait_for(pilot, lambda: tags.option_count == 2)
            await pilot.press("up", "up", "d")  # "later" above the box, then `tag`
            await wait_for(pilot, lambda: tags.option_count == 1)
            await pilot.press("escape")
            await wait_for(
                pilot,
                lambda: (
                    app.main.article_state is not None
                    and app.main.article_state.tag_names == ("later",)
                ),
            )
        with store() as saved:
            assert {t.tag: t.count for t in saved.all_tags()} == {tag: 1, "later": 1}

    async def test_up_from_the_box_goes_to_the_tag_just_above_it_and_down_comes_back(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """↑ from the box picked the top tag, three rows away; the nearest is the last."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "flood.txt")
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.press(*"alpha, beta, gamma", "enter")
            tags = app.screen.query_one("#tags-list", OptionList)
            await wait_for(pilot, lambda: tags.option_count == 3)
            last = tags.get_option_at_index(2).id
            await pilot.press("up")
            assert tags.has_focus and tags.highlighted_option is not None
            assert tags.highlighted_option.id == last
            await pilot.press("up")
            assert tags.highlighted == 1
            await pilot.press("down", "down")
            assert app.screen.query_one("#tags-input", Input).has_focus

    async def test_tags_complete_from_this_librarys_tags_only(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """Completion offered the most used tag of every library: one used only elsewhere."""
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.library is not None
            [ferry], [grain], [flood] = (
                app.library.find(key) for key in ("ferry.txt", "grain/sanctions.txt", "flood.txt")
            )
            with AnnotationStore.open(annotations_path(), library="/elsewhere") as elsewhere:
                elsewhere.add_tags(ferry, "transport")
                elsewhere.add_tags(grain, "transport")
            with AnnotationStore.open(annotations_path(), library=app.library.id) as here:
                here.add_tags(flood, "trade")
            await open_article(pilot)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await settle(pilot)
            box = app.screen.query_one("#tags-input", Input)
            await pilot.press("t", "r")
            await wait_for(pilot, lambda: box._suggestion != "")
            assert box._suggestion == "trade"

    async def test_a_tag_refused_as_too_long_says_why_and_stays_in_the_box(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        pasted = "a whole sentence pasted into the tag box by mistake and much too long"
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, "flood.txt")
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await settle(pilot)
            await pilot.press(*pasted, "enter")
            error = app.screen.query_one("#tags-error", Label)
            await wait_for(pilot, lambda: bool(error.display))
            assert "at most 60 characters" in str(error.render())
            assert app.screen.query_one("#tags-input", Input).value == pasted
            assert app.screen.query_one("#tags-list").option_count == 0


def test_the_five_colours_stay_distinct_on_a_16_colour_terminal() -> None:
    from rich.color import ColorSystem
    from rich.style import Style

    from newsread.tui.widgets.annotated_text import HIGHLIGHT_COLOURS

    backgrounds = set()
    for _, spec in HIGHLIGHT_COLOURS.values():
        bgcolor = Style.parse(spec).bgcolor
        assert bgcolor is not None
        backgrounds.add(bgcolor.downgrade(ColorSystem.STANDARD).number)
    assert len(backgrounds) == 5


class TestDamagedStore:
    async def test_a_damaged_store_is_said_and_what_still_reads_is_shown(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "running costs", "2")
            await pilot.press("ctrl+q")
        path = annotations_path()
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            page = db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'highlights_created'"
            ).fetchone()[0]
        data = bytearray(path.read_bytes())
        size = int.from_bytes(data[16:18], "big")
        data[(page - 1) * size : page * size] = b"\xff" * size  # an index page only
        path.write_bytes(bytes(data))

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await wait_for(pilot, lambda: shown_highlights(app) == [("running costs", 2)])
            said = " ".join(notifications(app))
            assert "annotations database was damaged; it was moved to" in said
            assert "1 highlight and the notes, tags and marks of 1 article were read back" in said

    async def test_an_older_store_waiting_for_another_sessions_lock_says_so(
        self, library: Path, make_app: MakeApp
    ) -> None:
        path = annotations_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(path) as db:  # an older newsread's store: migrated on open
            for statements in database.MIGRATIONS[:3]:
                for statement in statements:
                    db.execute(statement)
            db.execute("PRAGMA user_version = 3")
            db.execute("PRAGMA journal_mode = WAL")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another newsread saving
        app = make_app(library)
        try:
            async with app.run_test(size=(160, 40)) as pilot:
                # Not `open_article`: its settling waits for the store's opening, held here.
                # Nor waiting for the workers: the store's opening is one, held until COMMIT
                # (each wait then took attempts x busy timeout, 15 s, whenever it had started).
                await wait_for(pilot, lambda: bool(app.main.results_list.keys), workers=False)
                app.main.open_article(KELMOR, focus=True, record=True)
                panel = app.main.query_one(NotesPanel).query_one("#notes-tags")

                def shown() -> str:  # (the panel itself may be hidden: the line it holds)
                    return str(panel.render())

                await wait_for(
                    pilot,
                    lambda: "Waiting for another newsread to finish" in shown(),
                    workers=False,
                )
                assert any("Waiting for another newsread" in said for said in notifications(app))
                other.execute("COMMIT")  # it is done and quits: the notes come
                other.close()  # (left open, it would be an older newsread: notes read-only)
                await wait_for(pilot, lambda: "No highlights yet" in shown())
                assert "Waiting" not in shown()
                assert app.library is not None and app.library.annotations.read_only == ""
        finally:
            other.close()

    async def test_a_store_deleted_while_the_app_runs_is_written_again_and_said(
        self, library: Path, make_app: MakeApp
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "running costs", "2")
            path = annotations_path()
            for end in ("", "-wal", "-shm"):
                Path(f"{path}{end}").unlink(missing_ok=True)
            # Said without waiting for a save: the look for other sessions' changes notices.
            await wait_for(
                pilot, lambda: "was deleted while newsread ran" in " ".join(notifications(app))
            )
            assert path.is_file()
            await pilot.press("ctrl+q")
        with AnnotationStore.open(annotations_path()) as again:
            assert [h.quote for h in again.all_highlights()] == ["running costs"]

    async def test_a_store_replaced_while_the_app_runs_is_shown_from_the_new_file(
        self, library: Path, make_app: MakeApp, tmp_path: Path
    ) -> None:
        # A sync tool renames another machine's copy over the file: the app went on showing
        # (and saving into) the file it had open, gone at quit.
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "running costs", "2")
            article = app.main.reader.article
            assert article is not None
            synced = tmp_path / "synced.sqlite3"
            with AnnotationStore.open(synced) as other:
                start = article.body.index("harbour master")
                other.add_highlight(article, start, start + len("harbour master"), colour=3)
            os.replace(synced, annotations_path())
            await wait_for(pilot, lambda: shown_highlights(app) == [("harbour master", 3)])
            said = " ".join(notifications(app))
            assert "The annotations database was replaced while newsread ran" in said

    async def test_a_store_that_can_only_be_read_shows_the_notes_and_says_so_once(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await highlight(pilot, "running costs", "2")
            await pilot.press("ctrl+q")
        path = annotations_path()
        reason = f"the folder {path.parent} is read-only"

        def read_only(library: str = "", on_wait: object = None) -> AnnotationStore:
            # as open gives on a read-only disk
            connection = database.connect_read_only(path)
            assert connection is not None
            return AnnotationStore(connection, path, read_only=reason, library=library)

        monkeypatch.setattr("newsread.index.library.open_annotations", read_only)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await wait_for(pilot, lambda: shown_highlights(app) == [("running costs", 2)])
            await open_article(pilot, "flood.txt")
            await open_article(pilot)
            await go_to_body(pilot, "Dock workers")
            await pilot.press("v", *["l"] * len("Dock workers"), "3")
            await wait_for(pilot, lambda: f"{reason}: highlight not saved" in notifications(app))
            said = notifications(app)
            assert said.count(f"Highlights and notes are shown but cannot be saved: {reason}") == 1
            assert not [notice for notice in said if notice.startswith("Not marked read")]
            assert shown_highlights(app) == [("running costs", 2)]


class TestNotesWaiting:
    async def test_a_wait_of_a_moment_for_the_stores_lock_is_not_said(
        self, library: Path, make_app: MakeApp
    ) -> None:
        """On a first launch the app and its indexing process both create the store; one
        waited milliseconds for the other, and a new user was told for ten seconds that
        "another newsread" was saving notes (seen in tmux on a fresh NEWSREAD_HOME)."""
        from newsread.tui.messages import NotesWaiting

        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            app.post_message(NotesWaiting(True))
            app.post_message(NotesWaiting(False))
            await pilot.pause(1.5)
            assert not [n for n in notifications(app) if "another newsread" in n]

    async def test_a_wait_that_lasts_is_said_and_the_notes_come_after_it(
        self, library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from newsread.tui.messages import NotesWaiting
        from newsread.tui.screens import annotating

        monkeypatch.setattr(annotating, "NOTES_WAIT_SAID_AFTER", 0.2)
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot)
            await pilot.press("v", "right_parenthesis", "H")
            await wait_for(pilot, lambda: len(app.main.reader.highlights) == 1)
            app.post_message(NotesWaiting(True))
            await wait_for(pilot, lambda: any("another newsread" in n for n in notifications(app)))
            app.main.reader.set_highlights([])  # as if they had not loaded yet
            app.post_message(NotesWaiting(False))
            await wait_for(pilot, lambda: len(app.main.reader.highlights) == 1)
