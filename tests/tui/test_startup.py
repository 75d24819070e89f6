"""Start-up: paint first, index after; empty states that help; the session comes back."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import ProgressBar
from tui_helpers import (
    notifications,
    rendered_text,
    settle,
    wait_for,
    write_article,
    write_feed,
)

import newsread.index
from newsread.index import paths
from newsread.index.engine.indexer import Progress
from newsread.index.library import Library
from newsread.tui import key_order
from newsread.tui.app import NewsreadApp

MakeApp = Callable[..., NewsreadApp]


def test_importing_the_app_does_not_import_whoosh() -> None:
    code = (
        "import sys, newsread.tui.app\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def open_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Library.open waits until the event returned is set (10 s at most)."""
    release = threading.Event()
    real_open = Library.open

    def slow_open(self: Library) -> Library:
        release.wait(10)
        return real_open(self)

    monkeypatch.setattr(Library, "open", slow_open)
    return release


async def test_first_frame_comes_before_the_index_is_opened(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = open_held(monkeypatch)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.library is None
        message = app.main.query_one("#results-message")
        assert "Opening the library" in rendered_text(message)
        assert "opening the index" in rendered_text(app.main.query_one("#status-text"))
        await pilot.press(*"ferry")  # typing works while the index opens
        assert app.main.search_input.value == "ferry"
        release.set()
        await settle(pilot)
        assert app.main.results_list.keys == ["ferry.txt"]


@pytest.mark.first_index
async def test_indexing_shows_progress_then_results(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_update = Library.update

    walked = threading.Event()

    def paused_update(self: Library, **callbacks: Callable[..., object]) -> object:
        # A new library's first files are read while it is still walked: no total yet.
        callbacks["on_progress"](Progress("reading", 2, 0))  # type: ignore[operator]
        walked.wait(10)
        callbacks["on_progress"](Progress("reading", 1, 4))  # type: ignore[operator]
        # A large file read in parts: the bar stood still for the minutes an export took.
        callbacks["on_progress"](Progress("reading", 1, 4, "x.jsonl", 300, 0.5))  # type: ignore[operator]
        release.wait(10)
        return real_update(self, **callbacks)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "update", paused_update)
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.main.query_one("#status-text")
        message = app.main.query_one("#results-message")
        await wait_for(
            pilot, lambda: "Indexing 2 files so far" in rendered_text(message), workers=False
        )
        assert "of 0" not in rendered_text(message)  # it said "Indexing 2 of 0 files"
        walked.set()
        await wait_for(pilot, lambda: "indexing 1/4" in rendered_text(status), workers=False)
        bar = app.main.query_one("#index-progress", ProgressBar)
        assert bar.display
        await wait_for(pilot, lambda: bar.progress == 1.5, workers=False)
        assert "indexing 1/4" in rendered_text(status)
        assert "Indexing 1 of 4 files" in rendered_text(message)
        release.set()
        await settle(pilot)
        assert "up to date" in rendered_text(status)
        assert not app.main.query_one("#index-progress").display
        assert len(app.main.results_list.keys) == 4


async def test_ctrl_q_just_after_the_update_finished_quits_at_once(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The update said "up to date" and went on warming the index for search; ctrl+q then
    # waited for an end of the update that had already come: "Saving the articles indexed so
    # far, then quitting" for good (seen on a terminal of size 0x0, whose first frames are slow).
    warming = threading.Event()
    monkeypatch.setattr(Library, "warm", lambda self: warming.wait(30))
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)
    app = make_app(library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            status = app.main.query_one("#status-text")
            await wait_for(pilot, lambda: "up to date" in rendered_text(status), workers=False)
            assert app._index_running()  # warming
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: not app.is_running, workers=False)
            assert not any(m.startswith("Saving the articles") for m in notifications(app))
    finally:
        warming.set()


async def test_a_missing_folder_explains_how_to_start(tmp_path: Path, make_app: MakeApp) -> None:
    app = make_app(tmp_path / "nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = app.main.query_one("#results-message")
        text = " ".join(rendered_text(message).split())
        assert "is missing" in text and "newsread PATH" in text


async def test_an_index_folder_that_cannot_be_made_is_said_without_naming_another_library(
    library: Path, make_app: MakeApp
) -> None:
    """HOME=/ (or a cache folder not the user's): the library was there, only its index
    could not be made; "Start newsread with a folder of saved articles" sent the user after
    the wrong thing. Once the trouble is gone (a disk full at the first launch, then freed),
    ctrl+r opens it: it stayed "not opened" until newsread was started again, ctrl+r saying
    only "The library is not open yet"."""
    shutil.rmtree(paths.cache_dir(), ignore_errors=True)
    paths.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir().write_text("a file where the cache folder goes")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = " ".join(rendered_text(app.main.query_one("#results-message")).split())
        assert "cannot create the index folder" in message
        assert "newsread PATH" not in message
        assert message.endswith("ctrl+r tries again once that is put right.")  # not "space"
        paths.cache_dir().unlink()
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.library is not None and bool(app.main.results))
        assert "Opening the library again" in notifications(app)


async def test_an_unexpected_failure_to_open_is_said_not_left_opening(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(self: object) -> object:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr("newsread.index.library.Library.open", fails)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = " ".join(rendered_text(app.main.query_one("#results-message")).split())
        assert "the index could not be opened (DatabaseError: database disk image" in message
        assert "not opened" in str(app.main.status.query_one("#status-text").render())


async def test_keys_typed_after_enter_go_on_when_the_library_fails_to_open(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter while the library opens holds the next keys for its search; an opening that
    fails runs none, so they are let go at once (not after the hang guard's 20 s)."""
    release = threading.Event()

    def fails(self: object) -> object:
        release.wait(10)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr("newsread.index.library.Library.open", fails)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"ferry", "enter", "j")
        assert app.key_order.held
        release.set()
        await wait_for(pilot, lambda: bool(app.main.library_problem))
        await pilot.pause()
        assert not app.key_order.held


async def test_a_session_that_cannot_be_saved_is_said_once_while_it_lasts(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = True

    def save(state: object, path: Path) -> None:
        if full:
            temporary = path.with_name(f".{path.name}.x1y2z3.tmp")
            raise OSError(errno.ENOSPC, "No space left on device", str(temporary))

    monkeypatch.setattr("newsread.tui.app.save_state", save)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = f"is not saved: No space left on device ({app.state_path.parent})"
        for _ in range(3):  # every article opened, every query
            app.save_session()
        assert [n for n in notifications(app) if "not saved" in n] == [
            f"The session (query, article, reading places) {said}"
        ]
        full = False
        app.save_session()
        full = True
        app.save_session()  # a new failure after a save that worked: said again
        assert len([n for n in notifications(app) if "not saved" in n]) == 2
        assert not [n for n in notifications(app) if ".tmp" in n]
        # Quitting on a full disk: the screen that said so is gone; the terminal is told.
        app.shut_down()
        assert app.parting == (
            "the session (query, article, reading places) was not saved: No space left on "
            f"device ({app.state_path.parent})"
        )


async def test_an_empty_folder_explains_what_to_put_there(
    tmp_path: Path, make_app: MakeApp
) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    (root / "paper.pdf").write_bytes(b"%PDF-1.4")  # what it holds that newsread passes over
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(rendered_text(app.main.query_one("#results-message")).split())
        assert "No articles in" in text and "newsread PATH" in text
        assert "Passed over: 1 file of kinds newsread does not read (.pdf 1)." in text
        # It said "then start newsread again": an article saved there shows up by itself.
        assert "start newsread again" not in text and "ctrl+r" in text
        write_article(root, "first.txt", "Harbour reopens", "The harbour reopened today.")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.main.results_list.keys == ["first.txt"])


async def test_relaunch_restores_query_article_and_position(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter", "enter")
        await settle(pilot)
        await pilot.press("n", "n")
        where = app.main.reader.cursor_location
        await pilot.press("ctrl+q")
    state = json.loads(paths.state_path().read_text())
    assert state["library"] == str(library)

    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.main.search_input.value == "harbour"
        assert again.main.reading and again.focused is again.main.reader
        assert again.main.reader.article.key == "kelmor-harbour.txt"  # type: ignore[union-attr]
        assert again.main.reader.cursor_location == where
        assert again.main.reader.match_label == "2/4"
        await pilot.press("up")  # the earlier query is remembered too
        await pilot.press("slash", "up")
        assert again.main.search_input.value == "harbour"


async def test_relaunch_puts_the_list_on_the_hit_of_the_article_it_reopens(
    library: Path, make_app: MakeApp
) -> None:
    # It came back on the first hit: Escape left the article for another hit than its own.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter", "j", "j", "enter")
        await settle(pilot)
        opened = app.main.reader.article.key  # type: ignore[union-attr]
        assert app.main.results_list.keys.index(opened) == 2
        await pilot.press("ctrl+q")

    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.main.reader.article.key == opened  # type: ignore[union-attr]
        assert again.main.results_list.highlighted_key == opened
        await pilot.press("escape", "k")  # from its hit, as before the relaunch
        assert again.main.results_list.highlighted == 1


async def test_relaunch_puts_the_list_on_the_row_it_was_on(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter", "j")
        await settle(pilot)
        await pilot.press("ctrl+q")
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not again.main.reading
        assert again.main.results_list.highlighted == 1


async def test_relaunch_reopens_the_article_whose_file_was_renamed_meanwhile(
    library: Path, make_app: MakeApp
) -> None:
    # The session kept only its path: "That article is no longer in the library".
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter", "enter")
        await settle(pilot)
        assert app.main.reader.article.key == "kelmor-harbour.txt"  # type: ignore[union-attr]
        await pilot.press("ctrl+q")
    (library / "kelmor-harbour.txt").rename(library / "kelmor-renamed.txt")
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: again.main.reader.article is not None)
        assert again.main.reader.article.key == "kelmor-renamed.txt"  # type: ignore[union-attr]
        assert again.main.reading
        assert not any("no longer in the library" in m for m in notifications(again))


async def test_an_article_put_off_while_indexing_is_looked_for_when_indexing_ends(
    library: Path, make_app: MakeApp
) -> None:
    """The last session's article, not found while the index was being brought up to date, is
    put off until a commit reruns the search; when the last commit's search came before the
    end, it was put off for good, and the reader was told nothing."""
    from newsread.index.engine.indexer import IndexSummary
    from newsread.tui.messages import IndexFinished

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        main.indexing = True  # as while the update runs
        main.open_article("gone.txt", focus=True, record=True, restoring=True)
        await wait_for(pilot, lambda: main._restore_article == "gone.txt")  # put off
        main.post_message(IndexFinished(IndexSummary(unchanged=4, total_articles=4)))
        await wait_for(
            pilot, lambda: any("no longer in the library" in m for m in notifications(app))
        )
        assert main._restore_article == "" and main.reader.article is None
        await pilot.press("ctrl+q")


async def test_relaunch_reopens_the_article_whose_file_was_renamed_and_edited_meanwhile(
    library: Path, make_app: MakeApp
) -> None:
    """Without a URL, an edit gives the article a new id: neither its path nor its id found
    it, and the app said "That article is no longer in the library". Its title does, where
    the reader was in it comes back, and an article of the same title elsewhere is not
    taken for it."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"sanctions", "enter", "enter")
        await settle(pilot)
        assert app.main.reader.article.key == "grain/sanctions.txt"  # type: ignore[union-attr]
        await pilot.press("j", "j", "j", "l", "l")
        where = app.main.reader.cursor_location
        assert where[0] >= 3
        await pilot.press("ctrl+q")
    old = library / "grain" / "sanctions.txt"
    edited = old.read_text(encoding="utf-8") + "\n\nThe ministers meet again in June.\n"
    old.unlink()
    (library / "grain" / "sanctions-2019.txt").write_text(edited, encoding="utf-8")
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: again.main.reader.article is not None)
        article = again.main.reader.article
        assert article is not None and article.key == "grain/sanctions-2019.txt"
        assert again.main.reading and again.main.reader.cursor_location == where
        assert not any("no longer in the library" in m for m in notifications(again))
        await pilot.press("ctrl+q")

    # Renamed and edited again, and an edited copy beside it: two articles of that title,
    # neither taken for the one read.
    (library / "grain" / "sanctions-2019.txt").unlink()
    for name, month in (("grain/sanctions-b.txt", "July"), ("sanctions-copy.txt", "May")):
        (library / name).write_text(edited.replace("June", month), encoding="utf-8")
    third = make_app(library)
    async with third.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(
            pilot, lambda: any("no longer in the library" in m for m in notifications(third))
        )
        assert third.main.reader.article is None


async def test_relaunch_reopens_the_article_of_a_file_of_several_put_after_another_meanwhile(
    library: Path, make_app: MakeApp
) -> None:
    """The session keeps `feed.json#2`; with an article added at the export's front, that key
    names another article, which the relaunch opened in its place: the id finds the one
    read, now `#3`."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"tolls", "enter", "enter")
        await settle(pilot)
        assert app.main.reader.article.key == "feed.json#2"  # type: ignore[union-attr]
        await pilot.press("ctrl+q")
    write_feed(library, ["Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise"])
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: again.main.reader.article is not None)
        article = again.main.reader.article
        assert article is not None and article.title == "Quay tolls rise"
        assert article.key == "feed.json#3"


async def test_relaunch_does_not_open_another_article_in_the_place_of_one_taken_out(
    library: Path, make_app: MakeApp
) -> None:
    """The session's article was taken out of its JSON export meanwhile: the relaunch opened
    the one now at its key (`feed.json#1`) in its place, with nothing said. Opened as the
    update runs, the index's title at that key (the old one's) found the new one too."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise", "Quay lights fixed"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"cranes", "enter", "enter")
        await settle(pilot)
        assert app.main.reader.article.key == "feed.json#1"  # type: ignore[union-attr]
        await pilot.press("ctrl+q")
    write_feed(library, ["Quay tolls rise", "Quay lights fixed"])
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(
            pilot,
            lambda: any(
                "no longer in the library" in m or "moved or deleted" in m
                for m in notifications(again)
            ),
        )
        article = again.main.reader.article
        assert article is None or article.title == "Quay cranes arrive", notifications(again)


async def _read_harbour_then_quit(library: Path, make_app: MakeApp) -> None:
    """A session that ends reading an article found with "harbour": the next one restores it."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter", "enter")
        await settle(pilot)
        assert app.main.reading
        await pilot.press("ctrl+q")


async def test_keys_typed_while_a_relaunch_opens_start_a_new_query(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The restored query is selected, so typing replaces it (a `/` first is the search
    key), and the restored article does not take the focus from the new query."""
    await _read_harbour_then_quit(library, make_app)

    release = open_held(monkeypatch)
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.main.search_input.value == "harbour"
        await pilot.press(*"/ferry")
        assert again.main.search_input.value == "ferry"
        release.set()
        await settle(pilot)
        assert again.main.results_list.keys == ["ferry.txt"]
        assert not again.main.reading and again.focused is again.main.search_input


async def test_a_key_pressed_before_the_last_article_is_back_keeps_the_screen(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded server the last article can come back seconds after the restored results.
    A key pressed before it calls it off: it took the focus mid-query, and the rest of the
    query's letters ran as the reader's keys."""
    await _read_harbour_then_quit(library, make_app)

    loading, release = threading.Event(), threading.Event()
    real_article = Library.article

    def slow_article(self: Library, key: str) -> object:
        loading.set()
        release.wait(10)
        return real_article(self, key)

    monkeypatch.setattr(Library, "article", slow_article)
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, loading.is_set, workers=False)
        assert again.main.results_list.keys  # the restored results are up
        await pilot.press("ctrl+u", *"ferry")
        release.set()
        await settle(pilot)
        assert again.main.search_input.value == "ferry"
        assert again.main.results_list.keys == ["ferry.txt"]
        assert not again.main.reading and again.focused is again.main.search_input


async def test_why_this_library_opened_is_said_in_the_app(library: Path, make_app: MakeApp) -> None:
    """The command line's reason (the library opened last is gone: the samples stand in)
    shows on screen, where stderr is hidden behind the app."""
    app = make_app(library, notice="the library opened last, /x, is not there")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(notifications(app)))
        assert "the library opened last, /x, is not there" in notifications(app)


async def test_a_broken_state_file_is_ignored_with_a_notice(
    library: Path, make_app: MakeApp
) -> None:
    path = paths.state_path()
    path.parent.mkdir(parents=True)
    path.write_text("{broken")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("session state not restored" in m for m in notifications(app))
        assert len(app.main.results_list.keys) == 4


async def test_a_restored_article_not_indexed_yet_is_opened_after_a_commit(
    library: Path, make_app: MakeApp
) -> None:
    from newsread.tui.messages import ArticleLoaded

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        main.indexing = True  # as while a rebuild is under way
        main._article_generation += 1
        main.post_message(ArticleLoaded(main._article_generation, None, "ferry.txt", [], [], True))
        await pilot.pause()
        assert not any("no longer" in m for m in notifications(app))
        main.indexing = False
        main.index_committed(4)  # the next batch: the search reruns, then the article opens
        await settle(pilot)
        assert main.reader.article is not None and main.reader.article.key == "ferry.txt"


async def test_an_index_that_cannot_be_updated_stays_searchable(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsread.index.library import LibraryError

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # a first run builds the index

    def refuse(self: Library, **callbacks: object) -> object:
        raise LibraryError("cannot update the index: the index folder is read-only")

    monkeypatch.setattr(Library, "update", refuse)
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)
    again = make_app(library)
    async with again.run_test(size=(80, 24)) as pilot:
        status = again.main.query_one("#status-text")
        await wait_for(pilot, lambda: "not updated" in rendered_text(status))
        await wait_for(pilot, lambda: len(again.main.results_list.keys) == 4)
        assert any("folder is read-only" in m for m in notifications(again))


async def _indexed_by_a_child(app: NewsreadApp) -> None:
    """Run `app` until its update in a child process is done and its results are shown."""
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.main.query_one("#status-text")
        await wait_for(
            pilot, lambda: "up to date" in rendered_text(status), timeout=60, workers=False
        )
        await settle(pilot)  # the search the update's end set off shows after the status
        assert len(app.main.results_list.keys) == 4


@pytest.mark.first_index
async def test_the_app_indexes_in_a_child_process(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new library goes straight to the child: no stat walk first to ask whether anything
    changed (a second second of a new 100,000-article library's first results)."""

    def forbidden(self: Library, **callbacks: object) -> object:
        raise AssertionError("the app indexed in its own process")

    def walked(library: Library) -> bool:
        raise AssertionError("a new library was walked before its first update")

    monkeypatch.setattr(Library, "update", forbidden)
    monkeypatch.setattr(newsread.index, "has_changes", walked)
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", True)
    app = make_app(library)
    await _indexed_by_a_child(app)


async def test_a_library_read_by_older_parsers_is_read_again_by_a_child_process(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a parser version change the app took the library for "nothing changed" (no file
    did) and re-read every file in its own process: the UI stalled, and a large library's
    sub-writers could not start there ("ValueError: bad value(s) in fds_to_keep")."""
    indexed = Library(library).open()
    indexed.update()
    indexed.docs.set_meta("parser", "1")
    indexed.docs.commit()
    indexed.close()

    def forbidden(self: Library, **callbacks: object) -> object:
        raise AssertionError("the app indexed in its own process")

    monkeypatch.setattr(Library, "update", forbidden)
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", True)
    app = make_app(library)
    await _indexed_by_a_child(app)
    from newsread.index.files.reader import PARSER_VERSION

    again = Library(library).open()
    assert again.docs.get_meta("parser") == str(PARSER_VERSION)
    again.close()


@pytest.mark.first_index
async def test_a_new_librarys_update_started_before_the_app_is_the_one_it_follows(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsread` starts a new library's update before importing the app (its imports and
    first frame are most of a second): the app follows that update, and starts none."""
    from newsread.tui.cli import start_indexing_if_new

    def forbidden(*args: object, **callbacks: object) -> object:
        raise AssertionError("the app started an update of its own")

    monkeypatch.setattr(Library, "update", forbidden)
    monkeypatch.setattr(newsread.index, "update_in_subprocess", forbidden)
    started = start_indexing_if_new(library)
    assert started is not None
    app = make_app(library, indexing=started)
    await _indexed_by_a_child(app)
    started.stop()
    assert start_indexing_if_new(library) is None  # indexed now: the app looks for changes


async def test_the_app_hands_an_index_message_to_the_main_screen_once(
    library: Path, make_app: MakeApp
) -> None:
    """The index worker's messages reach the screens subscribed to `index_events`, and do not
    bubble back to the app (which would hand them on again, for ever)."""
    from newsread.tui.messages import IndexCommitted

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        generation = app.main._generation
        app.post_message(IndexCommitted(4))  # as the index worker posts it
        await pilot.pause()
        await settle(pilot)
        await pilot.pause()
        assert app.main._generation == generation + 1  # the search reran, once


async def test_keys_typed_after_a_query_while_the_index_opens_wait_for_its_results(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/ferry`, Enter, Enter typed at launch: the second Enter opens the first hit once the
    results are in (it went to the still empty list, and the keys after it with it), however
    long the library takes to open (a short hold let it go to the empty list: here the
    ordinary hold's limit is made shorter than the opening)."""
    release = open_held(monkeypatch)
    monkeypatch.setattr(key_order, "HOLD_LIMIT", 0.05)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.library is None
        await pilot.press(*"ferry", "enter", "enter")
        await pilot.pause(0.3)  # longer than the ordinary hold
        release.set()
        await settle(pilot)
        assert app.main.reading
        assert app.main.reader.article is not None
        assert app.main.reader.article.key == "ferry.txt"


def test_a_line_says_the_library_is_opening_until_the_app_paints(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ux20 P2: a first launch over 21k files left the terminal blank ~5 s (the app's imports
    and first frame): a line says what is coming, and is gone once the app is."""
    import io

    from newsread.tui import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    shown: list[str] = []

    def run(self: NewsreadApp) -> None:
        shown.append(terminal.getvalue())

    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stdin", terminal)  # the app reads keys there
    monkeypatch.setattr(sys, "__stderr__", terminal)  # and draws there (Textual's screen)
    monkeypatch.setattr(NewsreadApp, "run", run)
    monkeypatch.setattr(cli, "start_indexing_if_new", lambda root: None)
    assert cli.run_app(str(library)) == 0
    assert shown == ["newsread: opening library…"]
    assert terminal.getvalue().endswith("\r\x1b[K")  # erased: the shell's prompt starts clean


async def test_a_library_read_again_says_why_not_that_it_is_the_first_time(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An index of an older format (a newsread that folded words another way) is rebuilt:
    # the list said "Indexing the library for the first time" to a user of years.
    opened = Library(library).open()
    meta = opened.index_dir / "newsread.json"
    opened.close()
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "schema": 12}))
    release = threading.Event()
    real_update = Library.update
    monkeypatch.setattr(
        Library, "update", lambda self, **kw: release.wait(10) and real_update(self, **kw)
    )
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)
    app = make_app(library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            message = app.main.query_one("#results-message")
            await wait_for(pilot, lambda: "again" in rendered_text(message), workers=False)
            shown = " ".join(rendered_text(message).split())
            assert shown.startswith(
                "Reading the library again (newsread's index format changed)…"
            ), shown
            release.set()
            await settle(pilot)
            assert len(app.main.results_list.keys) > 0
    finally:
        release.set()
