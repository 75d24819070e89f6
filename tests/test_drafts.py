"""Drafts of notes on disk: private, atomic, recovered from dead sessions only."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from newsread.index.annotations.drafts import Draft, DraftFolder, read_draft


def draft(text: str = "half a thought", target: str = "article") -> Draft:
    return Draft("article-1", target, text, base="", article_key="a.txt", title="A title")


def test_a_draft_is_written_privately_and_atomically(tmp_path: Path) -> None:
    folder = DraftFolder(tmp_path / "drafts")
    folder.write(draft())
    folder.write(draft("half a thought, finished"))
    files = sorted(p.name for p in folder.folder.iterdir())
    assert files == [f"{draft().slot}.json", "lock"]  # no temporary file left behind
    assert stat.S_IMODE(folder.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder.folder / files[0]).stat().st_mode) == 0o600
    assert [d.text for d in folder.own()] == ["half a thought, finished"]
    folder.remove(draft().slot)
    assert folder.own() == []


def test_a_dead_sessions_drafts_are_recovered_a_live_ones_are_not(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    dead = DraftFolder(root, session="dead")
    dead.write(draft("from the dead session"))
    dead.close()  # as the kernel does when the process dies: the lock goes
    alive = DraftFolder(root, session="alive")
    alive.write(draft("still being typed", target="highlight-1"))

    newcomer = DraftFolder(root, session="new")
    newcomer.open()
    recovered = newcomer.recover()
    assert [d.text for d in recovered] == ["from the dead session"]
    assert newcomer.others_alive  # "alive" was left alone
    assert not (root / "sessions" / "dead").exists()
    assert [d.text for d in alive.own()] == ["still being typed"]  # untouched
    # Another newcomer sees the same draft waiting, until someone keeps or discards it.
    assert [d.text for d in DraftFolder(root, session="other").recover()] == [
        "from the dead session"
    ]
    newcomer.forget_recovered(recovered[0])
    assert newcomer.recover() == []
    alive.close()
    assert [d.text for d in newcomer.recover()] == ["still being typed"]
    assert not newcomer.others_alive


def test_drafts_waiting_are_counted_without_writing(tmp_path: Path) -> None:
    """A launch on a full disk cannot recover (move) dead sessions' drafts: it counts them."""
    root = tmp_path / "drafts"
    for session, text in (("dead", "from the dead session"), ("older", "recovered earlier")):
        dead = DraftFolder(root, session=session)
        dead.write(draft(text))
        dead.write(Draft("a1", "highlight-2", "unchanged", base="unchanged"))  # never offered
        dead.close()
    DraftFolder(root, session="new").recover()  # "older" and "dead" go to recovered/
    dead = DraftFolder(root, session="dead")
    dead.write(draft("another, from a later session"))
    dead.close()
    alive = DraftFolder(root, session="alive")
    alive.write(draft("still being typed"))
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert DraftFolder(root, session="full").waiting() == 3  # two in recovered/, one in "dead"
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    alive.close()


def test_a_draft_the_disk_will_not_take_is_kept_in_the_spare_folder_and_recovered(
    tmp_path: Path,
) -> None:
    """A note typed on a full disk, then the line dropped: its draft could not be written
    anywhere, and the note was lost. It goes to a private folder off that disk instead."""
    home = tmp_path / "home"
    home.write_text("a file where the folder should be: no draft can be written here")
    root, spare = home / "drafts", tmp_path / "spare"
    assert DraftFolder(root, session="first", spare=spare).waiting() == 0
    assert not spare.exists()  # looking makes no folder there
    full = DraftFolder(root, session="full", spare=spare)
    full.write(draft("typed on a full disk"))
    assert full.spared
    assert stat.S_IMODE(spare.stat().st_mode) == 0o700
    full.close()  # the session ends (its process dies): the draft stays in the spare folder
    assert DraftFolder(root, session="still-full", spare=spare).waiting() == 1
    home.unlink()  # room again
    later = DraftFolder(root, session="later", spare=spare)
    later.open()
    assert later.waiting() == 1
    assert [d.text for d in later.recover()] == ["typed on a full disk"]
    assert list((later.spare_root / "sessions").iterdir()) == []
    later.close()


def test_a_spare_folder_another_user_could_reach_is_not_used(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("no room")
    spare = tmp_path / "spare"
    spare.mkdir(mode=0o755)
    spare.chmod(0o755)  # made by someone else first, say: open to others
    with pytest.raises(OSError):
        DraftFolder(home / "drafts", session="full", spare=spare).write(draft())
    assert list(spare.iterdir()) == []


def test_a_draft_on_a_file_of_several_is_not_taken_for_the_article_now_at_its_place() -> None:
    """Keys of a file of several articles are positions: with an article put before it, the
    article a note was on is `feed.json#3` and `#2` another, which was offered its draft.
    There the key stands for the article only with its title; a whole file's path does
    alone (its article edited, without a URL, has a new id)."""
    note = Draft("id-depot", "\0article-note", "half", article_key="feed.json#2", title="Depot")
    assert note.is_for("id-depot", "feed.json#3", note.target, "Depot")  # by its id
    assert not note.is_for("id-sanctions", "feed.json#2", note.target, "Sanctions")
    assert note.is_for("id-edited", "feed.json#2", note.target, "Depot")  # edited in place
    whole = Draft("id-a", "\0article-note", "half", article_key="a.txt", title="A title")
    assert whole.is_for("id-edited", "a.txt", whole.target, "A title, retitled")


def test_a_draft_that_changes_nothing_is_not_recovered(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    dead = DraftFolder(root, session="dead")
    dead.write(Draft("article-1", "article", "same", base="same"))
    dead.close()
    assert DraftFolder(root, session="new").recover() == []


def test_what_the_editor_saved_last_wins(tmp_path: Path) -> None:
    folder = DraftFolder(tmp_path / "drafts")
    folder.write(draft("before the editor"))
    path = folder.folder / f"{draft().slot}.json"
    editor_file = folder.editor_file(draft().slot)
    editor_file.write_text("written in vim\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(editor_file, (later, later))
    recovered = read_draft(path)
    assert recovered is not None and recovered.text == "written in vim"
    # Typing went on in the app after the editor returned: the draft is newer.
    os.utime(editor_file, (later - 100, later - 100))
    recovered = read_draft(path)
    assert recovered is not None and recovered.text == "before the editor"


def test_what_the_editor_saved_is_read_as_text_it_can_show(tmp_path: Path) -> None:
    # An editor in a Latin-1 locale, and a file carrying terminal commands (OSC 0 sets the
    # window title): the words come back, the commands do not reach the terminal.
    folder = DraftFolder(tmp_path / "drafts")
    folder.write(draft("before the editor"))
    editor_file = folder.editor_file(draft().slot)
    editor_file.write_bytes(b"Caf\xe9 cr\xe8me \x1b]0;TITLE\x07\x1b[2Jend\n")
    later = time.time() + 5
    os.utime(editor_file, (later, later))
    recovered = read_draft(folder.folder / f"{draft().slot}.json")
    assert recovered is not None and recovered.text == "Café crème end"


@pytest.mark.parametrize("content", ["", "{", "[]", json.dumps({"article_id": "x"})])
def test_a_damaged_draft_is_skipped_and_kept_aside(tmp_path: Path, content: str) -> None:
    """A draft that does not read (a disk's damage, an edit by hand) is not offered, and not
    deleted with its dead session's folder either: what it holds, and the text `$EDITOR`
    saved beside it, is moved to `recovered/` and named (`set_aside`). An empty file holds
    nothing to keep."""
    root = tmp_path / "drafts"
    dead = DraftFolder(root, session="dead")
    dead.write(draft())
    (dead.folder / "broken.json").write_text(content, encoding="utf-8")
    (dead.folder / "broken.md").write_text("typed in vim, :w\n", encoding="utf-8")
    dead.close()
    newcomer = DraftFolder(root, session="new")
    assert [d.text for d in newcomer.recover()] == ["half a thought"]
    kept = {path.name: path.read_text(encoding="utf-8") for path in newcomer.set_aside}
    damaged = {"broken-dead.json.damaged": content} if content else {}
    assert kept == {**damaged, "broken-dead.md": "typed in vim, :w\n"}
    assert all(path.parent == newcomer.recovered_folder for path in newcomer.set_aside)
    assert [d.text for d in newcomer.recover()] == ["half a thought"]
    assert newcomer.set_aside == []  # said once


def test_a_damaged_draft_waiting_in_recovered_is_kept_aside(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    folder = DraftFolder(root, session="new")
    folder.recovered_folder.mkdir(parents=True)
    (folder.recovered_folder / "cut-short.json").write_text('{"article_id": "a", "te')
    assert folder.recover() == []
    assert folder.set_aside == [folder.recovered_folder / "cut-short.json.damaged"]
    assert folder.set_aside[0].read_text() == '{"article_id": "a", "te'


def test_a_session_folder_without_a_lock_is_left_alone_while_it_may_be_starting(
    tmp_path: Path,
) -> None:
    root = tmp_path / "drafts"
    starting = DraftFolder(root, session="starting")
    starting.write(draft("first words"))
    starting.close()
    (starting.folder / "lock").unlink()  # as between mkdir and creating the lock
    assert DraftFolder(root, session="new").recover() == []
    old = time.time() - 3600
    os.utime(starting.folder, (old, old))  # long dead, never locked
    assert [d.text for d in DraftFolder(root, session="new").recover()] == ["first words"]
