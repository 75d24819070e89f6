"""Notes are never lost: drafts on disk, hang-ups, ctrl+q in the editor, keys in a burst.

A "relaunch" is a second app on the same NEWSREAD_HOME once the first has ended: when the
first ends with a note still open (as when its terminal goes away), its draft stays on disk
and its session lock is released, exactly as when the process dies.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from tui_helpers import notifications, open_article, wait_for, write_feed

from newsread.index.annotations.drafts import DraftFolder
from newsread.index.paths import data_dir
from newsread.tui import hangup
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.screens.note_editor import NoteEditor
from newsread.tui.state import load_state

MakeApp = Callable[..., NewsreadApp]
KELMOR = "kelmor-harbour.txt"


def any_said(app: NewsreadApp, start: str) -> bool:
    return any(message.startswith(start) for message in notifications(app))


def drafts_on_disk() -> list[str]:
    """The texts of every draft under the data dir (any session, recovered or not)."""
    texts = []
    for path in sorted((data_dir() / "drafts").rglob("*.json")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def saved_note(app: NewsreadApp) -> str:
    state = app.main.article_state
    return "" if state is None else state.note


@pytest.fixture
def no_watchdog(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The hang-up watchdog records instead of ending the test process."""
    forced: list[int] = []
    monkeypatch.setattr(hangup, "force_exit", forced.append)
    monkeypatch.setattr(hangup, "GRACE", 30.0)
    return forced


@pytest.mark.parametrize("spare", [True, False])
async def test_a_drafts_folder_that_cannot_be_made_is_said_plainly(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, spare: bool
) -> None:
    from newsread.index import paths

    root = data_dir() / "drafts"
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_text("a file where the folder should be")
    if not spare:
        monkeypatch.setattr(paths, "spare_dir", lambda: None)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: any("drafts" in m for m in notifications(app)))
        [message] = [m for m in notifications(app) if "drafts" in m]
        kept = app.drafts.folder.spare_root
        assert message == (
            f"Notes being written cannot be kept as drafts in {root} (not a directory): "
            + (
                f"they are kept in {kept} meanwhile"
                if spare
                else "one still open when this window closes is lost"
            )
        )


async def test_keys_sent_in_one_burst_with_A_all_land_in_the_note(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        # Posted at once, as a terminal delivers `tmux send-keys -l` (Pilot.press waits).
        keys = [("A", "A")] + [(c if c != " " else "space", c) for c in "every word here"]
        for key, character in [*keys, ("ctrl+s", None)]:
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: saved_note(app) != "")
        assert saved_note(app) == "every word here"
        assert not isinstance(app.screen, NoteEditor)


async def test_keys_reaching_the_editor_once_its_note_is_saved_leave_no_draft_behind(
    library: Path, make_app: MakeApp
) -> None:
    # Keys sent in one burst after ctrl+s reached the closing editor ("j" of "vwwwN… ^s jj"):
    # the draft the save had dropped was written again ("every wordj"), and the next launch
    # offered it as an unsaved note.
    from newsread.tui.screens.annotating import ARTICLE_NOTE

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
        draft = app.drafts.draft_for(article, ARTICLE_NOTE, "", 0, article.title)
        editor = NoteEditor("Note", "", lambda *_: None, draft=draft)
        await app.push_screen(editor)
        await pilot.press(*"every", "space", *"word")
        editor.post_message(NoteEditor.Saved())
        editor.editor.insert("j")  # its Changed comes after the Saved
        await wait_for(pilot, lambda: not isinstance(app.screen, NoteEditor))
        await pilot.pause(0.5)  # a draft is written once typing pauses
        app.drafts.flush()
        assert drafts_on_disk() == []


async def test_keys_sent_in_one_burst_with_N_land_in_the_new_highlights_note(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        reader = app.main.reader
        assert reader.article is not None
        passage = "harbour master"
        reader.move_cursor(reader.body_location(reader.article.body.index(passage)))
        await pilot.press("v", *["l"] * len(passage))
        # N saves the highlight in a worker before its editor opens: the keys wait for it.
        keys = [("N", "N")] + [(c if c != " " else "space", c) for c in "who is he"]
        for key, character in [*keys, ("ctrl+s", None)]:
            app.post_message(events.Key(key, character))
        await wait_for(
            pilot, lambda: bool(reader.highlights) and reader.highlights[0].highlight.note != ""
        )
        assert [(h.text, h.highlight.note) for h in reader.highlights] == [(passage, "who is he")]


async def test_a_draft_left_behind_is_offered_back_and_kept(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"a thought in progress")
        await wait_for(pilot, lambda: any("a thought in progress" in d for d in drafts_on_disk()))
        mode = stat.S_IMODE((data_dir() / "drafts").stat().st_mode)
        assert mode == 0o700
    # The app ended with the editor open: nothing was saved, the draft is on disk. Another
    # dead session left a draft the disk damaged: it is named, not offered, not deleted.
    dead = data_dir() / "drafts" / "sessions" / "dead"
    dead.mkdir()
    (dead / "lock").touch()
    (dead / "cut.json").write_text('{"article_id": "a", "text": "half a senten')
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        # Said once the drafts are compared with their notes as stored (a worker's).
        await wait_for(pilot, lambda: any_said(app, "1 unsaved note recovered"))
        kept = data_dir() / "drafts" / "recovered" / "cut-dead.json.damaged"
        assert kept.read_text().endswith("half a senten")
        assert (
            f"A note's draft is damaged and cannot be offered; what it holds is kept in {kept}"
            in notifications(app)
        )
        assert saved_note(app) == ""
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.editor.text == "a thought in progress"
        await pilot.press(*", finished", "ctrl+s")
        await wait_for(pilot, lambda: saved_note(app) == "a thought in progress, finished")
        await wait_for(pilot, lambda: drafts_on_disk() == [])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        assert app.drafts.recovered == []
        assert not any("recovered" in m for m in notifications(app))


async def test_a_draft_on_an_article_of_a_file_of_several_is_offered_on_it_not_on_its_place(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: a draft left on the second article of a JSON export was offered, after an
    article was put at the export's front, on the article now second (keeping it saved the
    note there), as its key was the draft's."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "feed.json#2")
        await pilot.press("A", *"tolls thought")
        await wait_for(pilot, lambda: any("tolls thought" in d for d in drafts_on_disk()))
    write_feed(library, ["Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "feed.json#2")
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, (ChoiceDialog, NoteEditor)))
        assert isinstance(app.screen, NoteEditor) and app.screen.editor.text == ""
        await pilot.press("escape")
        await open_article(pilot, "feed.json#3")
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))


async def test_letters_typed_blind_after_A_do_not_answer_the_recovered_draft_question(
    library: Path, make_app: MakeApp
) -> None:
    """`A` then "dear all" in one burst: the `d` used to discard the recovered draft."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"the draft to keep")
        await wait_for(pilot, lambda: any("the draft to keep" in d for d in drafts_on_disk()))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        # Posted at once, as a terminal delivers `tmux send-keys -l` (Pilot.press waits).
        keys = [("A", "A")] + [(c if c != " " else "space", c) for c in "dear all"]
        for key, character in [*keys, ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoiceDialog)  # still asking
        assert any("the draft to keep" in d for d in drafts_on_disk())
        await pilot.press("k")  # pressed once the question is on screen: an answer
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.screen.editor.text == "the draft to keep"  # type: ignore[attr-defined]


async def test_a_draft_whose_highlight_is_gone_is_offered_for_the_article_note(
    library: Path, make_app: MakeApp
) -> None:
    from newsread.index.annotations import AnnotationStore
    from newsread.index.paths import annotations_path

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        reader = app.main.reader
        assert reader.article is not None
        reader.move_cursor(reader.body_location(reader.article.body.index("harbour master")))
        await pilot.press("v", *["l"] * len("harbour master"), "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press(*"on a doomed highlight")
        await wait_for(pilot, lambda: any("doomed" in d for d in drafts_on_disk()))
        [highlight] = reader.highlights
    with AnnotationStore.open(annotations_path()) as store:
        store.delete_highlight(highlight.id)  # another session deleted it meanwhile
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        app.main.open_article(KELMOR, focus=True, record=False)  # loaded once recovered
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: saved_note(app) == "on a doomed highlight")
        assert drafts_on_disk() == []


async def test_a_draft_of_a_note_whose_highlight_was_never_made_is_offered_for_the_article(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # N's highlight refused (another newsread held the notes): its note went to an editor of
    # its own, and the session ended before it was saved.
    from newsread.index.annotations import AnnotationError, AnnotationStore

    def locked(self: AnnotationStore, *args: object, **kwargs: object) -> None:
        raise AnnotationError("annotations are locked by another newsread")

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        reader = app.main.reader
        assert reader.article is not None
        reader.move_cursor(reader.body_location(reader.article.body.index("harbour master")))
        with monkeypatch.context() as patch:
            patch.setattr(AnnotationStore, "add_highlight", locked)
            await pilot.press("v", *["l"] * len("harbour master"), "N", *"never highlighted")
            await wait_for(pilot, lambda: any("never highlighted" in d for d in drafts_on_disk()))
        assert isinstance(app.screen, NoteEditor)
        assert not reader.highlights
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        app.main.open_article(KELMOR, focus=True, record=False)  # loaded once recovered
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "for a passage its session had not highlighted yet" in dialog._question
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: saved_note(app) == "never highlighted")
        assert drafts_on_disk() == []


async def test_a_recovered_draft_whose_article_is_gone_says_where_its_text_is(
    library: Path, make_app: MakeApp
) -> None:
    # "Open the note to keep or discard it", at every start, of a note no one could open.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"written on a file since deleted")
        await wait_for(pilot, lambda: any("since deleted" in d for d in drafts_on_disk()))
    (library / KELMOR).unlink()
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        said = "is on an article no longer in the library; its text is kept in "
        await wait_for(pilot, lambda: any(said in m for m in notifications(app)))
        [told] = [m for m in notifications(app) if said in m]
        kept = Path(told.split(said, 1)[1])
        assert "written on a file since deleted" in kept.read_text(encoding="utf-8")
        assert told.startswith("The unsaved note on “Kelmor harbour")


async def test_a_draft_on_an_article_taken_out_of_its_file_of_several_says_where_it_is(
    library: Path, make_app: MakeApp
) -> None:
    """The article's key (`feed.json#1`) names the next article once it is taken out of its
    JSON export: the draft was taken to have its article still, so nothing said where its
    text waited, and no note could be opened to keep it."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise", "Quay lights fixed"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "feed.json#1")
        await pilot.press("A", *"cranes thought")
        await wait_for(pilot, lambda: any("cranes thought" in d for d in drafts_on_disk()))
    write_feed(library, ["Quay tolls rise", "Quay lights fixed"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        said = "is on an article no longer in the library; its text is kept in "
        await wait_for(pilot, lambda: any(said in m for m in notifications(app)))
        [told] = [m for m in notifications(app) if said in m]
        assert told.startswith("The unsaved note on “Quay cranes arrive")


async def test_a_recovered_draft_can_be_discarded(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"not wanted")
        await wait_for(pilot, lambda: any("not wanted" in d for d in drafts_on_disk()))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.screen.editor.text == ""  # type: ignore[attr-defined]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert drafts_on_disk() == []


@pytest.mark.parametrize("way", ["SIGHUP", "SIGTERM", "terminal closed"])
async def test_a_hang_up_in_the_note_editor_keeps_the_draft_and_exits_128_plus_signal(
    library: Path,
    make_app: MakeApp,
    no_watchdog: list[int],
    way: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The process ends without closing the notes' store: its log is put in the database
    # file first (a backup of `annotations.sqlite3` alone had none of the session's notes).
    # A real hang-up comes while the loop waits (outside any task's context) or from the
    # terminal watcher's thread: the exit's timers died there (no `active_app`), so the
    # session (open article, reading place) was never saved and the watchdog ended it all.
    number = signal.SIGTERM if way == "SIGTERM" else signal.SIGHUP
    checkpoints: list[str] = []
    monkeypatch.setattr(
        "newsread.index.library.Library.checkpoint_annotations",
        lambda library: checkpoints.append(library.id),
    )
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"typed just before the line dropped")
        # No pause for the debounced write: the handler writes what is pending.
        if way == "terminal closed":
            threading.Thread(target=app.drafts._hangup._terminal_gone).start()  # type: ignore[union-attr]
        else:
            loop = asyncio.get_running_loop()
            loop.call_soon(os.kill, os.getpid(), number, context=contextvars.Context())
        await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 128 + number
        assert any("typed just before the line dropped" in d for d in drafts_on_disk())
        assert checkpoints == [app.library.id]  # type: ignore[union-attr]
    assert KELMOR in load_state(app.state_path)[0].for_library(app.root).positions
    assert signal.getsignal(signal.SIGHUP) is not app.drafts._hangup._handle  # type: ignore[union-attr]
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        assert app.drafts.recovered[0].text == "typed just before the line dropped"


async def test_ctrl_q_in_the_editor_asks_first(library: Path, make_app: MakeApp) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"worth keeping", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("c")  # cancel: back to the note, nothing lost
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.return_code is None
        assert app.screen.editor.text == "worth keeping"  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("s")  # save, then quit
        await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 0
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        assert saved_note(app) == "worth keeping"
        assert app.drafts.recovered == []


async def test_ctrl_q_typed_right_after_text_asks_once_every_letter_is_in_the_note(
    library: Path, make_app: MakeApp
) -> None:
    """Letters still on their way when ctrl+q came used to answer its question: the `d` of
    "saved" discarded the note and quit."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        editor = app.screen
        # Posted at once, as a terminal delivers `tmux send-keys -l` (Pilot.press waits).
        keys = [(c if c != " " else "space", c) for c in "abc saved draft"]
        for key, character in [*keys, ("ctrl+q", None)]:
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.pause(0.2)
        assert app.return_code is None
        assert isinstance(app.screen, ChoiceDialog)
        assert editor.editor.text == "abc saved draft"  # type: ignore[attr-defined]


async def test_ctrl_q_then_discard_quits_and_forgets_the_draft(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"throw away", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("d")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert drafts_on_disk() == []


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the editor")
async def test_sighup_while_the_editor_runs_recovers_what_it_saved(
    library: Path,
    make_app: MakeApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_watchdog: list[int],
) -> None:
    """An $EDITOR that saves (`:w`) and then hangs; the connection drops."""
    script = tmp_path / "hanging-editor"
    script.write_text(
        "#!/bin/sh\nprintf 'saved in the editor\\n' >> \"$1\"\nexec sleep 60\n", encoding="utf-8"
    )
    script.chmod(0o700)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr(NewsreadApp, "suspend", lambda self: _no_suspend())

    def hang_up_once_saved() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(
                "saved in the editor" in p.read_text(encoding="utf-8")
                for p in (data_dir() / "drafts").rglob("*.md")
            ):
                os.kill(os.getpid(), signal.SIGHUP)
                return
            time.sleep(0.05)

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        threading.Thread(target=hang_up_once_saved, daemon=True).start()
        await pilot.press("E")  # no highlight at the cursor: the article's note
        await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 128 + signal.SIGHUP
    assert saved_note(app) == ""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        assert [d.text for d in app.drafts.recovered] == ["saved in the editor"]
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: saved_note(app) == "saved in the editor")


async def test_a_draft_of_a_window_still_closing_at_start_is_offered_once_it_has_closed(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relaunch the moment a terminal closes (an SSH connection made again at once): the
    old window still held its session when the new one looked, so its draft was not offered
    until the launch after; the note opened empty. It is looked for again while a session
    that was alive at the last look may have ended."""
    from newsread.index.annotations.drafts import Draft
    from newsread.tui import drafts

    # Looks that go on longer than a loaded machine takes to open the article (four of them,
    # 0.75 s in all, had all run before the window closed in a full run at load 5).
    monkeypatch.setattr(drafts, "LOOK_AGAIN", (0.05, 0.1) + (0.2,) * 300)
    closing = DraftFolder(data_dir() / "drafts")
    closing.write(Draft("id", "article", "typed as the line dropped", article_key=KELMOR))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: app.drafts._looks > 0)
        assert app.drafts.recovered == []  # the window was still there
        closing.close()  # and now it has gone
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        assert [d.text for d in app.drafts.recovered] == ["typed as the line dropped"]
        await wait_for(pilot, lambda: any_said(app, "1 unsaved note recovered"))


def test_a_second_live_session_keeps_its_drafts(tmp_path: Path) -> None:
    root = data_dir() / "drafts"
    first = DraftFolder(root)
    first.open()
    second = DraftFolder(root)
    second.open()
    from newsread.index.annotations.drafts import Draft

    first.write(Draft("id", "article", "mine", article_key="a.txt"))
    assert second.recover() == []
    assert [d.text for d in first.own()] == ["mine"]


class _no_suspend:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


async def test_a_draft_the_disk_will_not_take_is_said_at_once(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the data folder on a full disk, the draft of a note being typed cannot be
    written: the user is told at once that a closing window would lose it (the reason was
    kept, and shown nowhere), and told again when drafts are written once more."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        original = DraftFolder.write

        def full(self: DraftFolder, draft: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(DraftFolder, "write", full)
        await pilot.press("A", *"a thought")
        await wait_for(pilot, lambda: any("not kept on disk" in m for m in notifications(app)))
        [said] = [m for m in notifications(app) if "not kept on disk" in m]
        assert "No space left on device" in said and "lost" in said
        monkeypatch.setattr(DraftFolder, "write", original)
        await pilot.press(*" more")
        await wait_for(pilot, lambda: "kept on disk again" in " ".join(notifications(app)))
        await wait_for(pilot, lambda: any("a thought more" in d for d in drafts_on_disk()))


async def test_a_note_typed_on_a_full_disk_then_a_hang_up_is_offered_back(
    library: Path, make_app: MakeApp, no_watchdog: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its draft could not be written, and the hang-up lost it: it goes to the spare folder
    (off the full disk), and the next launch offers it."""
    from newsread.index.annotations import drafts

    written = drafts.write_private

    def full_home(path: Path, text: str) -> None:
        if data_dir() in path.parents:
            raise OSError(28, "No space left on device")
        written(path, text)

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        monkeypatch.setattr(drafts, "write_private", full_home)
        await pilot.press("A", *"typed on a full disk")
        await wait_for(pilot, lambda: any("until saved" in m for m in notifications(app)))
        await pilot.press(*" and more")
        loop = asyncio.get_running_loop()
        loop.call_soon(os.kill, os.getpid(), signal.SIGHUP, context=contextvars.Context())
        await wait_for(pilot, lambda: app.return_code is not None)
    monkeypatch.setattr(drafts, "write_private", written)  # room again
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        assert app.drafts.recovered[0].text == "typed on a full disk and more"


async def test_drafts_waiting_when_the_disk_is_full_are_said_and_offered_once_it_is_not(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A launch on a full disk cannot recover a dead session's draft: it said only that drafts
    cannot be kept, and nothing of the one waiting."""
    from newsread.index.annotations.drafts import Draft
    from newsread.tui.drafts import drafts_root
    from newsread.tui.screens.annotating import ARTICLE_NOTE

    folder = DraftFolder(drafts_root())
    folder.write(Draft("an-id", ARTICLE_NOTE, "typed before the line dropped", article_key=KELMOR))
    folder.close()

    def full(self: DraftFolder) -> None:
        raise OSError(28, "No space left on device")

    room = DraftFolder.open
    monkeypatch.setattr(DraftFolder, "open", full)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: any("wait" in m for m in notifications(app)))
        [said] = [m for m in notifications(app) if "earlier session" in m]
        assert said == (
            "1 unsaved note of an earlier session waits: offered once newsread starts and "
            f"can write in {drafts_root()}"
        )
    monkeypatch.setattr(DraftFolder, "open", room)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(app.drafts.recovered))
        assert app.drafts.recovered[0].text == "typed before the line dropped"


async def test_two_drafts_of_one_note_left_by_two_sessions_are_both_offered(
    library: Path, make_app: MakeApp
) -> None:
    """Both logins hung up while each edited the note: the first question said nothing of
    the second draft, which only came back after the first was saved."""
    from datetime import datetime, timezone

    from newsread.index.annotations.drafts import Draft
    from newsread.tui.drafts import drafts_root
    from newsread.tui.screens.annotating import ARTICLE_NOTE

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        article = app.main.reader.article
        assert article is not None
    for minute, text in ((1, "from the first login"), (2, "from the second login")):
        folder = DraftFolder(drafts_root())
        folder.open()
        when = datetime(2026, 1, 1, 9, minute, tzinfo=timezone.utc)
        folder.write(Draft(article.id, ARTICLE_NOTE, text, article_key=article.key, updated=when))
        folder.close()
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await wait_for(pilot, lambda: len(app.drafts.recovered) == 2)
        for text, more in (("from the second login", True), ("from the first login", False)):
            await pilot.press("A")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
            title = str(app.screen.query_one(".dialog-title").render())
            assert ("; 1 more draft of it, offered next" in title) is more, title
            assert text in str(app.screen.query_one("#choice-body Static").render())
            await pilot.press("d")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is app.main)


async def test_a_draft_whose_note_was_saved_before_its_session_died_is_not_offered(
    library: Path, make_app: MakeApp
) -> None:
    """Killed between saving the note and removing its draft: the draft holds what is saved."""
    from newsread.index.annotations.drafts import Draft
    from newsread.tui.drafts import drafts_root
    from newsread.tui.screens.annotating import ARTICLE_NOTE

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("A", *"saved at last", "ctrl+s")
        await wait_for(pilot, lambda: saved_note(app) == "saved at last")
        article = app.main.reader.article
        assert article is not None
    folder = DraftFolder(drafts_root())
    folder.open()
    folder.write(Draft(article.id, ARTICLE_NOTE, "saved at last", article_key=article.key))
    folder.close()
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        # Nor counted at launch ("1 unsaved note recovered", and opening it offered nothing).
        await wait_for(pilot, lambda: not app.drafts.recovered and drafts_on_disk() == [])
        assert not any("recovered" in m for m in notifications(app))
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.editor.text == "saved at last"
