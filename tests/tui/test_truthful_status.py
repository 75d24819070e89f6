"""The screen tells the truth: no "no match" while indexing, library changes noticed while
the app runs, a deleted file's article says so, a copy says where it went."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import (
    IndexedLibraries,
    build_library,
    hold_counts,
    notifications,
    open_article,
    rendered_text,
    settle,
    wait_for,
    write_article,
    write_feed,
)

from newsread.index.engine.indexer import Progress
from newsread.index.library import Library, LibraryError
from newsread.tui import app as app_module
from newsread.tui.app import NewsreadApp

MakeApp = Callable[..., NewsreadApp]
GONE = "The open article's file was moved or deleted: this is the text read before"


@pytest.mark.first_index
async def test_no_no_match_while_the_first_index_is_running(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_update = Library.update

    def paused_update(self: Library, **callbacks: Callable[..., object]) -> object:
        callbacks["on_progress"](Progress("reading", 1, 4))  # type: ignore[operator]
        release.wait(60)  # released below; 10 s ran out on a loaded machine
        return real_update(self, **callbacks)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "update", paused_update)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        message = app.main.query_one("#results-message")
        await wait_for(pilot, lambda: app.main.library_ready, workers=False)
        await pilot.press(*"vessa", "enter")
        await wait_for(
            pilot,
            lambda: app.main.results is not None and app.main.results.query == "vessa",
            workers=False,
        )
        text = rendered_text(message)
        assert "No articles match" not in text and "indexing goes on" in text, (
            app.main.indexing,
            app.main.results,
        )
        release.set()
        await settle(pilot)
        assert app.main.results_list.keys == ["flood.txt"]  # searched again once indexed


@pytest.mark.parametrize(
    ("progress", "status", "unfinished"),
    [
        # A library rebuilt (or a large update) lists what it holds already: "1 of 1" read as
        # the whole count, when 3 of 4 files were still to read.
        (Progress("reading", 1, 4), "indexing 1/4", False),
        # A second app opened while `newsread index` (or another app) builds the library: its
        # list grows with each of the other's commits, but read "1 of 2,152 articles".
        (Progress("waiting"), "waiting for another newsread", False),
        # A build quit mid-way, relaunched: while its update walked the folder (~10 s of a big
        # library) the counts read as complete, and nothing said the build resumed.
        (Progress("scanning"), "resuming indexing…", True),
    ],
)
async def test_hits_listed_while_the_library_is_still_read_are_counted_so_far(
    progress: Progress,
    status: str,
    unfinished: bool,
    library: Path,
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    real_update = Library.update

    def paused_update(self: Library, **callbacks: Callable[..., object]) -> object:
        callbacks["on_progress"](progress)  # type: ignore[operator]
        release.wait(60)
        return real_update(self, **callbacks)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "update", paused_update)
    if unfinished:
        stopped = Library(library).open()
        stopped.set_unfinished(True)  # as an update stopped before it read every file leaves
        stopped.close()
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        status_text = app.main.status.query_one("#status-text")
        if unfinished:  # from the first frame, before the library is even open
            assert status in rendered_text(status_text)
        await wait_for(pilot, lambda: app.main.library_ready, workers=False)
        await pilot.press(*"vessa", "enter")
        await wait_for(  # not an earlier search of the letters typed so far ("1 of 4")
            pilot,
            lambda: (
                app.main.results is not None
                and app.main.results.query == "vessa"
                and app.main.results.counted
            ),
            workers=False,
        )
        assert str(app.main.results_list.border_title).startswith("1 of 1 so far"), str(
            app.main.results_list.border_title
        )
        assert status in rendered_text(status_text)
        release.set()
        await settle(pilot)
        assert not app.main.indexing
        assert "so far" not in str(app.main.results_list.border_title)
        assert "resum" not in rendered_text(status_text)


async def test_a_library_with_articles_is_not_said_empty_while_its_first_search_runs(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A resumed build of a library of thousands of articles said "Indexing 0 of 3,295 files…
    results appear here as soon as the first batch is saved" until its first search came
    back: the articles indexed before were there to list."""
    searching, release = hold_counts(monkeypatch, "", step="top")
    real_update = Library.update

    def reading(self: Library, **callbacks: Callable[..., object]) -> object:
        callbacks["on_progress"](Progress("reading", 0, 40))  # type: ignore[operator]
        release.wait(60)
        return real_update(self, **callbacks)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "update", reading)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, searching.is_set, workers=False)
        await wait_for(pilot, lambda: app.main.status.status.total == 40, workers=False)
        assert "first batch" not in rendered_text(app.main.query_one("#results-message"))
        release.set()
        await settle(pilot)
        assert len(app.main.results_list.keys) == 4


async def test_files_added_changed_and_deleted_are_noticed_and_reindexed(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.2)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"vessa")
        await settle(pilot)
        assert app.main.results_list.keys == ["flood.txt"]
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")
        (library / "ferry.txt").unlink()
        await wait_for(pilot, lambda: "later.txt" in app.main.results_list.keys)
        await settle(pilot)
        assert app.main.status.status.articles == 4  # one added, one deleted
        notices = notifications(app)
        assert "2 files changed — indexing" in notices


async def test_an_update_that_keeps_failing_is_said_once_not_at_every_look(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk: every look finds the same files to index and fails again; it kept saying
    both ("N files changed — indexing", "The index was not updated: ...") every 10 s."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        full = "indexing stopped: the disk is full (/x); what was indexed before is searchable"
        failing = True
        real_update = Library.update

        def update(self: Library, **callbacks: Callable[..., object]) -> object:
            if failing:
                tries.append(1)
                raise LibraryError(full)
            return real_update(self, **callbacks)  # type: ignore[arg-type]

        monkeypatch.setattr(Library, "update", update)
        tries: list[int] = []
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")
        failed = f"The index was not updated: {full}"
        for look in range(1, 4):
            assert app.library is not None
            app._count_changes(app.library, quiet=True)  # the watch's looks
            await wait_for(pilot, lambda: not app.indexing and len(tries) == look)  # noqa: B023
        said = notifications(app)
        assert said.count("1 file changed — indexing") == 1
        assert said.count(failed) == 1
        assert "not updated" in str(app.main.status.query_one("#status-text").render())
        await pilot.press("ctrl+r")  # asked for: said again
        await wait_for(pilot, lambda: notifications(app).count(failed) == 2)
        failing = False  # room again: the next look indexes the file
        app._count_changes(app.library, quiet=True)
        await wait_for(pilot, lambda: app.main.status.status.articles == 5)


async def test_a_library_opened_on_a_full_disk_stops_saying_so_once_an_update_wrote_it(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Space freed, ctrl+r: the update (another process) indexed the new file, and the status
    still said the index was searched without updating, until a restart."""
    import errno

    from newsread.index.engine.open_index import OpenIndex

    def full(self: OpenIndex) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    real_update = Library.update

    def as_the_child_does(self: Library, **callbacks: Callable[..., object]) -> object:
        writable = Library(self.root, self.index_dir).open()
        try:
            return real_update(writable, **callbacks)  # type: ignore[arg-type]
        finally:
            writable.close()

    room = OpenIndex._open_writable
    monkeypatch.setattr(OpenIndex, "_open_writable", full)
    app = make_app(library)
    app.index_in_subprocess = False
    async with app.run_test(size=(160, 24)) as pilot:
        status = app.main.status
        await wait_for(pilot, lambda: status.status.index == "not updated")
        assert status.status.notice.startswith("the disk is full (")
        monkeypatch.setattr(OpenIndex, "_open_writable", room)  # space freed
        monkeypatch.setattr(Library, "update", as_the_child_does)
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: status.status.articles == 5)
        assert status.status.index == "up to date"
        assert status.status.notice == ""


async def test_a_file_cut_to_its_first_megabytes_is_said(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `newsread index` said so; the app showed the article cut, and said nothing.
    from functools import partial

    from newsread.index.engine import indexer
    from newsread.index.files import reader

    monkeypatch.setattr(indexer, "read_articles", partial(reader.read_articles, max_bytes=1000))
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.2)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        paragraphs = (
            f"On day {i} engineers said the Vessa bridge works went well." for i in range(40)
        )
        write_article(library, "long.txt", "A long report", "\n\n".join(paragraphs))
        await wait_for(
            pilot, lambda: any(m.startswith("Cut long.txt: ") for m in notifications(app))
        )
        assert not any(m.startswith("Cut ") and "long" not in m for m in notifications(app))


async def test_skipped_files_are_counted_as_files_after_the_first_ones_reason(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "invalid JSON: ... at line 2 and 2 more" read as two more lines.
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.2)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        (library / "bad.json").write_text('{"title": "x", \n', encoding="utf-8")
        (library / "empty.txt").write_text("", encoding="utf-8")
        (library / "empty.md").write_text("", encoding="utf-8")
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")
        await wait_for(pilot, lambda: any(m.startswith("Skipped ") for m in notifications(app)))
        [notice] = [m for m in notifications(app) if m.startswith("Skipped ")]
        assert notice.endswith("; 2 more files skipped (newsread index lists them)")


async def test_a_folder_skipped_is_counted_as_a_folder_not_a_file(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "4 more files skipped" counted a folder that could not be walked as a file.
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.2)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        (library / "empty.txt").write_text("", encoding="utf-8")
        (library / "zz-loop").symlink_to(".")
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")
        await wait_for(pilot, lambda: any(m.startswith("Skipped ") for m in notifications(app)))
        [notice] = [m for m in notifications(app) if m.startswith("Skipped ")]
        assert notice.startswith("Skipped empty.txt: empty file")
        assert notice.endswith("; 1 more folder skipped (newsread index lists them)")
        status = str(app.main.status.query_one("#status-text").render())
        assert "(1 file and 1 folder skipped)" in status


@pytest.mark.parametrize(
    "between", [False, True], ids=["before-the-look", "between-look-and-update"]
)
async def test_articles_another_process_indexed_are_shown_at_the_next_look(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, between: bool
) -> None:
    """`newsread index` run in another terminal while the app is open: its files are no
    change to the app's looks (they are indexed already), so the list and the article count
    stayed as they were until the next search. Seen with two apps open: one's look counted
    the files a `git checkout` changed, the other indexed them first, and the first one's
    update found nothing left to read: its list kept the hits of before, "up to date"."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"vessa")
        await settle(pilot)
        assert app.main.results_list.keys == ["flood.txt"]
        assert app.library is not None
        app._count_changes(app.library, quiet=True)  # a look before: nothing to say
        await settle(pilot)
        write_article(library, "later.txt", "Vessa bridge reopens", "The Vessa bridge reopened.")

        real_update = Library.update

        def index_in_another_process() -> None:
            other = Library(library).open()  # as `newsread index` opens it, in its own process
            real_update(other)
            other.close()

        if between:

            def others_first(self: Library, **callbacks: Callable[..., object]) -> object:
                index_in_another_process()
                return real_update(self, **callbacks)  # type: ignore[arg-type]

            monkeypatch.setattr(Library, "update", others_first)
        else:
            index_in_another_process()
        app._count_changes(app.library, quiet=True)  # the next look
        await wait_for(pilot, lambda: "later.txt" in app.main.results_list.keys)
        await settle(pilot)
        assert app.main.status.status.articles == 5
        if not between:
            assert not [n for n in notifications(app) if "changed" in n]  # not indexed again


async def test_a_library_folder_that_goes_away_is_said_once_and_followed_when_back(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in use: with the folder renamed (or a disk unmounted), every look took all its
    files for deleted, and "The index was not updated" came back every few seconds."""
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.1)
    looks: list[int] = []
    real_look = NewsreadApp._look
    monkeypatch.setattr(NewsreadApp, "_look", lambda app: (looks.append(1), real_look(app)))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        away = library.with_name("away")
        library.rename(away)
        await wait_for(pilot, lambda: app.main.status.status.index == "not updated")
        seen = len(looks)
        await wait_for(pilot, lambda: len(looks) > seen + 5)  # looks go on, saying nothing
        assert notifications(app) == [
            f"The index was not updated: {library} is missing (moved or renamed, or on a drive "
            "that is not mounted?)"
        ]
        assert app.main.status.status.articles == 4  # nothing taken for deleted
        away.rename(library)
        await wait_for(pilot, lambda: app.main.status.status.index == "up to date")
        await settle(pilot)
        assert app.main.status.status.articles == 4 and len(notifications(app)) == 1


async def test_an_empty_mount_point_is_a_drive_not_mounted_not_every_article_deleted(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder of a library on a drive of its own, unmounted, is an empty folder: every
    look took all its files for deleted and emptied the index under the user's notes."""
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.1)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        drive = library.rename(library.with_name("drive"))
        library.mkdir()  # the mount point left behind
        await wait_for(pilot, lambda: app.main.status.status.index == "not updated")
        (said,) = notifications(app)
        assert f"{library} is empty, and" in said and "4 articles were indexed from" in said
        assert app.main.status.status.articles == 4
        library.rmdir()
        drive.rename(library)  # mounted again
        await wait_for(pilot, lambda: app.main.status.status.index == "up to date")
        await settle(pilot)
        assert app.main.status.status.articles == 4


async def test_ctrl_r_rescans_and_a_deleted_file_does_not_open(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"ferry", "enter")
        await settle(pilot)
        (library / "ferry.txt").unlink()
        await pilot.press("enter")  # the index still has it; its file is gone
        await settle(pilot)
        assert app.main.article_view.article is None
        notices = notifications(app)
        assert any("ferry.txt was deleted" in n for n in notices)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.main.results_list.keys == [])
        assert "1 file changed — indexing" in notifications(app)


@pytest.mark.first_index
async def test_an_article_whose_file_name_is_not_utf8_opens(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: a file named in Latin-1 (as old archives name them) was found by search,
    and Enter said it "was deleted from the library folder": its key escapes the byte."""
    name = os.fsdecode(b"caf\xe9.txt")
    write_article(library, name, "Latin name of a file", "Quayside bakers open at dawn.")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.main.status.status.index == "up to date")
        await pilot.press(*"bakers", "enter", "enter")
        await settle(pilot)
        assert app.main.article_view.article is not None
        assert app.main.article_view.article.title == "Latin name of a file"
        assert not any("deleted" in n for n in notifications(app))


async def test_the_open_article_follows_its_file_when_it_is_edited_or_moved(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: an article edited on disk while open kept its old text on screen, with
    nothing said, after the index had the new one."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"ferry", "enter", "enter")
        await settle(pilot)
        assert app.main.reader.has_focus
        write_article(
            library,
            "ferry.txt",
            "Ferry timetable changes for the summer",
            "The island ferry will sail three times a day from June, the operator said.",
            source="ISLAND POST",
            section="Travel",
            date="5 May 2015 [12:00]",
            byline="By Mara Quist",
        )
        os.utime(library / "ferry.txt", (1e9, 1e9))  # a change the scan sees at once
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "three times" in rendered_text(app.main.reader))
        assert app.main.reader.has_focus
        notices = notifications(app)
        assert "The open article's file changed: this is its new text" in notices
        # Renamed: the same article under its new name, where reading goes on.
        (library / "ferry.txt").rename(library / "ferry-moved.txt")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.main.article_view.article.key == "ferry-moved.txt")
        assert "The open article's file is now ferry-moved.txt" in notifications(app)
        assert app.main.reader.has_focus and "three times" in rendered_text(app.main.reader)
        (library / "ferry-moved.txt").unlink()
        await pilot.press("ctrl+r")
        await wait_for(
            pilot,
            lambda: any("moved or deleted" in m for m in notifications(app)),
        )
        assert "three times" in rendered_text(app.main.reader)  # kept, and said so


@pytest.mark.parametrize(
    ("junk", "reason"),
    [(b"", "empty file"), (bytes(range(256)) * 8, "binary file (contains NUL bytes)")],
    ids=["emptied", "junk"],
)
async def test_the_open_articles_file_made_unreadable_in_place_is_not_said_moved(
    library: Path, make_app: MakeApp, junk: bytes, reason: str
) -> None:
    """Seen in use: a file emptied (or overwritten with binary junk) while its article was
    open was said "moved or deleted", and the user looked for it elsewhere."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_article(pilot, "ferry.txt")
        (library / "ferry.txt").write_bytes(junk)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any("open article" in n for n in notifications(app)))
        notice = f"The open article's file can no longer be read ({reason}): this is the text read before"
        assert [n for n in notifications(app) if "open article" in n] == [notice]
        assert "twice a day" in rendered_text(app.main.reader)


@pytest.mark.parametrize("query", ["kelmor", "ferry"])
async def test_a_previewed_article_deleted_gives_way_to_the_next_hit_unannounced(
    library: Path, make_app: MakeApp, query: str
) -> None:
    """Seen in use at 160x40: the article previewed beside the list deleted, the list put its
    highlight on the next hit and previewed that, under "The open article's file was moved or
    deleted: this is the text read before", said of an article no longer shown. With no other
    hit (`ferry`) the deleted article stayed previewed beside "No articles match": the pane
    is cleared instead."""
    app = make_app(library)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*query, "enter")
        await settle(pilot)
        results, view = app.main.results_list, app.main.article_view
        assert app.focused is results
        # The list's first hit once previewed: under load the list may still be the typed
        # search's when the keys have settled, and its first hit another.
        await wait_for(
            pilot,
            lambda: (
                bool(results.keys)
                and view.article is not None
                and view.article.key == results.keys[0]
            ),
        )
        first, others = results.keys[0], results.keys[1:]
        (library / first).unlink()
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: first not in results.keys)
        if others:
            await wait_for(pilot, lambda: view.article.key == results.keys[0])
        else:
            await wait_for(pilot, lambda: view.article is None)
        await settle(pilot)
        if not others:  # the pane shows its hint, no article
            assert view.query_one("#article-hint").display and not view.reader.display
        assert [n for n in notifications(app) if "open article" in n] == []


async def test_the_open_article_of_a_file_of_several_stays_when_one_is_put_before_it(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: reading the second article of a JSON export, an article added at the
    export's front replaced it on screen with the article now second ("this is its new
    text"): the key `feed.json#2` names another article, the one read is `#3`."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_article(pilot, "feed.json#2")
        write_feed(library, ["Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise"])
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any("open article's file" in n for n in notifications(app)))
        await settle(pilot)
        assert app.main.article_view.article.key == "feed.json#3", notifications(app)
        assert app.main.article_view.article.title == "Quay tolls rise"
        assert "Quay tolls rise" in rendered_text(app.main.reader)
        assert app.main.reader.has_focus


async def test_the_open_article_of_a_file_of_several_moved_and_edited_keeps_its_highlight(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: a highlight made in the second article of a JSON export without URLs;
    an article put at the export's front and the one read edited (a new id): the update
    re-anchored the highlight on it, now `#3`, but the screen said it "moved or deleted",
    kept the old text, and its notes said "0 highlights", the highlight gone from view."""

    def feed(*titles: str, edited: str = "") -> None:
        items = [
            {"title": t, "text": f"{t}. The {t.split()[-1]} story, told at length." + edited}
            for t in titles
        ]
        (library / "feed.json").write_text(json.dumps(items), encoding="utf-8")

    feed("Quay cranes arrive", "Quay tolls rise")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_article(pilot, "feed.json#2")
        await pilot.press("v", "s", "H")
        await wait_for(pilot, lambda: len(app.main.panes.highlights) == 1)
        feed("Ferry fares frozen", "Quay cranes arrive", "Quay tolls rise", edited=" Updated.")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any("open article's file" in n for n in notifications(app)))
        await settle(pilot)
        assert app.main.article_view.article.key == "feed.json#3", notifications(app)
        assert "Updated." in rendered_text(app.main.reader)
        await wait_for(pilot, lambda: len(app.main.panes.highlights) == 1)


async def test_the_open_article_taken_out_of_a_file_of_several_is_said_gone_not_replaced(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in use: reading the first article of a JSON export, taken out of it meanwhile,
    the article now first replaced it on screen as "its new text"."""
    write_feed(library, ["Quay cranes arrive", "Quay tolls rise", "Quay lights fixed"])
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_article(pilot, "feed.json#1")
        write_feed(library, ["Quay tolls rise", "Quay lights fixed"])
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any("open article's file" in n for n in notifications(app)))
        await settle(pilot)
        assert any("moved or deleted" in n for n in notifications(app)), notifications(app)
        assert app.main.article_view.article.title == "Quay cranes arrive"
        assert "Quay cranes arrive" in rendered_text(app.main.reader)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_a_copy_inside_tmux_lands_in_its_buffer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    socket = f"newsread-copy-{os.getpid()}"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "sleep 30"], check=True)
    try:
        path = subprocess.run(
            ["tmux", "-L", socket, "display", "-p", "#{socket_path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        monkeypatch.setenv("TMUX", f"{path},1,0")
        assert app_module.tmux_load_buffer("a passage ✓")
        shown = subprocess.run(
            ["tmux", "-L", socket, "show-buffer"], capture_output=True, text=True, check=True
        ).stdout
        assert shown == "a passage ✓"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


async def test_looks_for_changed_files_take_a_small_share_of_the_time(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen at 100,000 articles: an idle app spent 6% of a core on a stat walk of 0.6 s
    every 10 s. After a look that took long the next one waits (WATCH_SHARE), while ctrl+r
    still looks at once."""
    import newsread.index

    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 0.05)
    looks: list[float] = []
    real_count = newsread.index.count_changes

    def slow_count(library: object) -> int:
        looks.append(time.monotonic())
        time.sleep(0.1)  # 0.1 s / WATCH_SHARE 0.02: the next look in 5 s
        return real_count(library)  # type: ignore[arg-type]

    monkeypatch.setattr(newsread.index, "count_changes", slow_count)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: len(looks) >= 1)
        await pilot.pause(1.5)  # 30 ticks of the watch timer
        assert len(looks) == 1
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: len(looks) == 2)
        await wait_for(pilot, lambda: "No files were added" in " ".join(notifications(app)))


async def test_a_narrow_status_line_keeps_the_index_state_and_the_hits(
    tmp_path: Path, make_app: MakeApp, indexed_libraries: IndexedLibraries
) -> None:
    """At 40 columns the line was cut at its end: "up to date" and the hit count went first.
    Now the query's time goes, then the article count, then the library's name is shortened."""
    library = indexed_libraries.copy(build_library, tmp_path / "kelmor-evening-gazette-archive")
    app = make_app(library, show_timings=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter")
        await settle(pilot)
        status = app.main.query_one("#status-text")
        line = rendered_text(status).strip()
        assert line.endswith("· up to date · 3 hits"), line
        assert line.startswith("kelmor-evening") and "…" in line and "article" not in line
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        wide = rendered_text(status).strip()
        assert wide.startswith(
            "kelmor-evening-gazette-archive · 4 articles · up to date · 3 hits in"
        )
