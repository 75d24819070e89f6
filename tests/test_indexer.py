"""Incremental indexing: add, change, delete, nothing changed; skipped files; recovery."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from builders import write_article

from newsread.index.engine import indexer
from newsread.index.engine.schema import SCHEMA_VERSION
from newsread.index.library import Library


def _open(root: Path) -> Library:
    return Library(root).open()


def test_first_run_indexes_every_file(small_library: Path) -> None:
    summary = _open(small_library).update()
    assert (summary.indexed, summary.articles, summary.unchanged, summary.removed) == (3, 3, 0, 0)
    assert summary.total_articles == 3
    assert summary.skipped == ()


def test_nothing_changed_reads_nothing(small_library: Path) -> None:
    _open(small_library).update()
    summary = _open(small_library).update()
    assert (summary.indexed, summary.unchanged, summary.removed) == (0, 3, 0)
    assert not summary.changed


def test_added_changed_and_deleted_files(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    write_article(small_library, "new.txt", "Tram strike ends", "Tram drivers in Kelmor returned.")
    write_article(
        small_library, "flood.txt", "River flood recedes", "The Vessa fell back overnight."
    )
    (small_library / "grain" / "sanctions.txt").unlink()
    summary = library.update()
    assert (summary.indexed, summary.unchanged, summary.removed) == (2, 1, 1)
    assert library.count() == 3
    assert library.search("tram").total == 1
    assert library.search("recedes").total == 1
    assert library.search("burst").total == 0  # the old text of flood.txt is gone
    assert library.search("sanctions").total == 0


def test_touched_but_identical_file_is_not_reindexed(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    path = small_library / "flood.txt"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    summary = library.update()
    assert (summary.indexed, summary.unchanged) == (0, 3)
    assert library.update().unchanged == 3  # the new mtime was remembered


def test_unreadable_files_are_skipped_with_a_reason_and_the_rest_indexed(
    small_library: Path,
) -> None:
    (small_library / "empty.txt").write_bytes(b"")
    (small_library / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (small_library / "broken.json").write_text('{"title": "x", ')
    summary = _open(small_library).update()
    reasons = dict(summary.skipped)
    assert set(reasons) == {"empty.txt", "binary.txt", "broken.json"}
    assert all(reason and "\n" not in reason for reason in reasons.values())
    assert summary.total_articles == 3


def test_a_file_its_parser_fails_on_is_skipped_with_the_error_and_the_rest_indexed(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stands for any parser bug, or a library raising what it does not document: one file
    # must not stop the update that reads the others.
    from newsread.index.files.formats import plaintext

    real = plaintext.parse_text

    def failing(text: str, stem: str = "") -> object:
        if "FAILS HERE" in text:
            raise ValueError("month must be\n in 1..12")
        return real(text, stem)

    monkeypatch.setattr(plaintext, "parse_text", failing)
    (small_library / "bug.txt").write_text("A title\n\nFAILS HERE, and a body.\n")
    summary = _open(small_library).update()
    assert dict(summary.skipped) == {
        "bug.txt": "newsread's reader failed on it (ValueError: month must be in 1..12)"
    }
    assert summary.total_articles == 3


def test_an_edited_file_now_unreadable_is_counted_as_removed_with_its_reason(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _open(small_library)
    library.update()
    write_article(small_library, "flood.txt", "River flood recedes", "The Vessa fell back.")
    refused = str(small_library / "flood.txt")

    def refuse(path: Path) -> str:
        if str(path) == refused:  # as root, mode 0 does not refuse
            raise PermissionError(13, "Permission denied")
        return real(path)

    real = indexer.digest_file
    monkeypatch.setattr(indexer, "digest_file", refuse)
    summary = library.update()
    assert (summary.indexed, summary.unchanged, summary.removed) == (0, 2, 1)
    assert summary.total_articles == 2  # the stale text of flood.txt is not searchable
    assert dict(summary.skipped) == {"flood.txt": "permission denied; its articles were removed"}
    again = library.update()  # nothing more left: reported as skipped, removed no more
    assert (again.removed, dict(again.skipped)) == (0, {"flood.txt": "permission denied"})


def test_a_folder_now_unreadable_says_its_articles_were_removed(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _open(small_library)
    library.update()
    real = os.scandir

    def refuse(path: str | Path) -> object:
        if Path(path).name == "grain":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    summary = library.update()
    assert (summary.unchanged, summary.removed, summary.total_articles) == (2, 1, 2)
    assert dict(summary.skipped) == {"grain": "permission denied; its articles were removed"}


def test_a_folder_renamed_while_indexing_is_said_once_not_per_file(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Renamed mid-run, a folder of 545 files was listed as 545 "vanished" lines.
    library = _open(small_library)
    library.update()
    for n in range(6):
        write_article(small_library / "desk" / "2019", f"s{n}.txt", f"Story {n}", f"Body {n}.")
    write_article(small_library / "desk", "top.txt", "Top story", "The top story.")
    real = indexer.read_articles

    def renaming(path: Path, root: Path) -> object:
        if (small_library / "desk").exists():
            (small_library / "desk").rename(small_library / "desk-renamed")
        return real(path, root)

    monkeypatch.setattr(indexer, "read_articles", renaming)
    summary = library.update()
    assert summary.skipped == (("desk/", "7 files vanished while indexing (moved or renamed?)"),)
    assert summary.skipped_folders == {"desk/"}
    assert summary.skipped_said() == "1 folder"
    monkeypatch.setattr(indexer, "read_articles", real)
    again = library.update()  # found under the new name
    assert (again.indexed, again.skipped) == (7, ())


def test_files_vanished_from_a_folder_that_is_still_there_are_each_named() -> None:
    skipped = (("a/x.txt", "vanished while indexing"), ("a/y.txt", "vanished while indexing"))
    assert indexer._by_folder(skipped, ["a/x.txt", "a/y.txt", "a/z.txt"]) == (
        skipped,
        frozenset(),
    )  # a/z.txt is still there: no folder went


def test_a_folder_that_cannot_be_walked_is_counted_as_a_folder_not_a_file(
    small_library: Path,
) -> None:
    # The app said "4 more files skipped" counting an unreadable folder as a file.
    (small_library / "loop").symlink_to(".")
    (small_library / "empty.txt").write_text("")
    summary = _open(small_library).update()
    assert dict(summary.skipped).keys() == {"loop", "empty.txt"}
    assert summary.skipped_folders == {"loop"}
    assert summary.skipped_said() == "1 file and 1 folder"
    assert summary.skipped_said(1) in ("1 more file", "1 more folder")


def test_skipped_files_are_not_reread_but_still_reported(small_library: Path) -> None:
    (small_library / "empty.txt").write_bytes(b"")
    library = _open(small_library)
    library.update()
    summary = library.update()
    assert summary.indexed == 0 and dict(summary.skipped).keys() == {"empty.txt"}


def test_a_library_of_links_to_folders_elsewhere_is_indexed(
    small_library: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    write_article(outside, "memo.txt", "Secret memo", "Nothing to see here.")
    (small_library / "link").symlink_to(outside, target_is_directory=True)
    (small_library / "again").symlink_to(outside, target_is_directory=True)
    (small_library / "loop").symlink_to(small_library, target_is_directory=True)
    summary = _open(small_library).update()
    assert summary.total_articles == 4
    assert dict(summary.skipped) == {
        "link": "same folder as again, read there",
        "loop": "symbolic link loop (a folder that contains itself)",
    }


def test_a_page_saved_whole_is_one_article_not_its_frames(small_library: Path) -> None:
    """A browser's "Web Page, complete" keeps a page's frames and widgets (pages too) in a
    "<page>_files" folder beside it: they are not articles. A folder so named without its page
    beside it is an ordinary folder."""
    page = "<html><head><title>{0}</title></head><body><h1>{0}</h1><p>{1}</p></body></html>"
    saved = small_library / "saved"
    saved.mkdir()
    (saved / "Tram Deal.html").write_text(page.format("Tram deal", "The mayor agreed a deal."))
    for folder in ("Tram Deal_files", "Tram Deal-Dateien"):
        (saved / folder).mkdir()
        (saved / folder / "ad-frame.html").write_text(page.format("Advert", "Buy now."))
    (saved / "Old Tram.HTM").write_text(page.format("Old tram", "The old tram ran."))
    (saved / "old tram_files").mkdir()
    (saved / "old tram_files" / "widget.htm").write_text(page.format("Like us", "Like."))
    (saved / "notes_files").mkdir()  # no "notes.html" beside it
    write_article(saved / "notes_files", "memo.txt", "Ferry memo", "The ferry runs late.")
    library = _open(small_library)
    library.update()
    paths = {hit.path for hit in library.search("tram OR ferry OR advert OR like").hits}
    assert paths == {"saved/Tram Deal.html", "saved/Old Tram.HTM", "saved/notes_files/memo.txt"}


def test_files_read_by_an_older_parser_are_read_again_with_a_notice(
    small_library: Path,
) -> None:
    library = _open(small_library)
    first = library.update()
    assert library.update().indexed == 0
    library.docs.set_meta("parser", "1")
    library.close()
    library = _open(small_library)
    assert "read again" in library.notice
    assert library.update().indexed == first.indexed
    library.close()
    library = _open(small_library)
    assert library.notice == "" and library.update().indexed == 0


def test_schema_change_rebuilds_with_a_notice(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    meta = library.index_dir / "newsread.json"
    library.close()
    meta.write_text('{"schema": -1}')
    reopened = _open(small_library)
    assert "index rebuilt" in reopened.notice
    assert reopened.update().indexed == 3


def test_an_index_of_another_format_another_newsread_is_updating_is_not_wiped(
    small_library: Path,
) -> None:
    # Another version of newsread on the same library (a system one beside a venv) updating
    # its own index: the stale format was wiped at once under it, which died with
    # "EmptyIndexError: Index 'MAIN' does not exist".
    import pytest

    from newsread.index.engine.storage import PrivateStorage
    from newsread.index.library import LibraryError

    library = _open(small_library)
    library.update()
    library.close()
    meta = library.index_dir / "newsread.json"
    meta.write_text('{"schema": -1}')
    before = sorted(p.name for p in library.index_dir.iterdir())
    lock = PrivateStorage(str(library.index_dir)).lock("NEWSREAD_UPDATE")
    assert lock.acquire(blocking=False)
    try:
        with pytest.raises(LibraryError, match="another newsread is updating the index"):
            _open(small_library)
        assert sorted(p.name for p in library.index_dir.iterdir()) == before
    finally:
        lock.release()
    reopened = _open(small_library)  # it is done: rebuilt, as before
    assert "index rebuilt" in reopened.notice
    assert reopened.update().indexed == 3


def test_an_index_another_version_rebuilt_in_its_own_format_is_neither_searched_nor_written(
    small_library: Path,
) -> None:
    # Another version of newsread opened the library meanwhile and rebuilt its index in its own
    # format: this one's next searcher answered by the other's index (or failed: "the index is
    # damaged (KeyError)", noted as damage), and its next update would write into it.
    import shutil

    import pytest
    from whoosh import fields
    from whoosh import index as whoosh_index

    from newsread.index.library import LibraryError

    library = _open(small_library)
    library.update()
    assert library.search("kelmor").total == 3
    folder = library.index_dir
    for child in folder.iterdir():  # what the other version does: wipe, then build its own
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    theirs = whoosh_index.create_in(str(folder), fields.Schema(key=fields.ID, body=fields.TEXT))
    for n in range(3):  # commits after ours: a generation this one has not seen
        writer = theirs.writer()
        writer.add_document(key=f"theirs-{n}", body="kelmor")
        writer.commit()
    (folder / "newsread.json").write_text('{"schema": 1}')
    write_article(small_library, "later.txt", "Later Kelmor news", "Kelmor again, later.")
    with pytest.raises(LibraryError, match="another version of newsread rebuilt"):
        library.search("kelmor")
    with pytest.raises(LibraryError, match="another version of newsread rebuilt"):
        library.update()
    assert theirs.doc_count() == 3
    assert not (folder / "NEWSREAD_DAMAGED").exists()
    library.close()
    reopened = _open(small_library)  # restarted: rebuilt in this one's format
    assert "index rebuilt" in reopened.notice
    reopened.update()
    assert reopened.search("kelmor").total == 4


def test_an_index_a_newer_newsread_made_is_rebuilt_saying_so(small_library: Path) -> None:
    # A newer newsread installed beside this one: each rebuilds the other's index; "newsread's
    # index format changed" at every switch did not say why.
    library = _open(small_library)
    library.update()
    library.close()
    meta = library.index_dir / "newsread.json"
    meta.write_text(json.dumps({"schema": SCHEMA_VERSION + 1}))
    reopened = _open(small_library)
    assert reopened.notice == (
        f"index rebuilt: a newer newsread made it (format {SCHEMA_VERSION + 1}; "
        f"this one reads {SCHEMA_VERSION})"
    )
    assert reopened.update().indexed == 3


def test_corrupt_index_is_rebuilt(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    library.close()
    for toc in library.index_dir.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    reopened = _open(small_library)
    assert "could not be opened" in reopened.notice
    reopened.update()
    assert reopened.search("kelmor").total == 3


def test_killed_update_is_reconciled(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    # Simulate a writer killed after Whoosh committed but before the article store did.
    library.docs.remove_files(["flood.txt"])
    library.docs.set_meta("dirty", "1")
    library.close()
    reopened = _open(small_library)
    assert reopened.search("vessa").total == 0  # the orphaned Whoosh document is gone
    assert reopened.update().indexed == 1
    assert reopened.search("vessa").total == 1


def test_a_new_librarys_files_are_not_looked_up_in_the_index(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the store has never seen has no documents to delete: at 100k, looking each up
    delayed a new library's first results by seconds."""
    from whoosh.searching import Searcher

    looked_up: list[object] = []
    original = Searcher.document_numbers

    def counted(self: Searcher, **kw: object) -> object:
        looked_up.append(kw)
        return original(self, **kw)

    monkeypatch.setattr(Searcher, "document_numbers", counted)
    library = _open(small_library)
    assert library.update().articles == 3
    assert looked_up == []
    write_article(small_library, "new.txt", "Tram strike ends", "Tram drivers returned.")
    write_article(small_library, "flood.txt", "River flood recedes", "The Vessa fell back.")
    library.update()
    assert sorted(kw["path"] for kw in looked_up) == ["flood.txt"]  # type: ignore[index]


def test_an_update_after_the_store_lost_a_file_still_replaces_its_document(
    small_library: Path,
) -> None:
    """When Whoosh and the store disagree (an update killed between their commits, with no
    repair on open since), a file new to the store may have documents: they are looked up."""
    library = _open(small_library)
    library.update()
    library.docs.remove_files(["flood.txt"])
    library.docs.commit()
    assert library.update().indexed == 1
    assert library.search("vessa").total == 1
    assert library.count() == 3


def test_batches_are_committed_and_reported(small_library: Path) -> None:
    for n in range(30):
        write_article(small_library, f"bulk/{n:02}.txt", f"Bulk article {n}", f"Body {n} text.")
    commits: list[int] = []
    library = _open(small_library)
    from newsread.index.engine.indexer import update_library

    update_library(library, on_commit=commits.append, first_batch_seconds=0, batch_seconds=0)
    assert len(commits) > 2
    assert commits == sorted(commits) and commits[-1] == 33


def test_a_searcher_open_before_an_update_sees_no_duplicates(small_library: Path) -> None:
    # Whoosh's Searcher.refresh() kept old deletions: the re-indexed article showed twice.
    first = _open(small_library)
    first.update()
    assert first.search("").total == 3
    write_article(small_library, "flood.txt", "River flood recedes", "The Vessa fell back.")
    second = _open(small_library)
    assert second.update().indexed == 1
    assert first.search("").total == second.search("").total == 3
    assert [hit.title for hit in first.search("recedes").hits] == ["River flood recedes"]


def test_has_changes_sees_new_changed_and_deleted_files(small_library: Path) -> None:
    from newsread.index.engine.indexer import has_changes

    library = _open(small_library)
    assert has_changes(library)
    library.update()
    assert not has_changes(library)
    write_article(small_library, "new.txt", "Tram strike ends", "Tram drivers returned.")
    assert has_changes(library)
    library.update()
    (small_library / "new.txt").unlink()
    assert has_changes(library)
    library.update()
    assert not has_changes(library)
    # Read by another version of the parsers: every file is read again. The app took this for
    # "nothing changed" and re-read a whole library in its own process (its UI stalled, and
    # sub-writers could not start there: "ValueError: bad value(s) in fds_to_keep").
    library.docs.set_meta("parser", "1")
    assert has_changes(library)


def test_count_changes_counts_new_changed_and_deleted_files(small_library: Path) -> None:
    from newsread.index.engine.indexer import count_changes

    library = _open(small_library)
    assert count_changes(library) == 3
    library.update()
    assert count_changes(library) == 0
    write_article(small_library, "new.txt", "Tram strike ends", "Tram drivers returned.")
    path = small_library / "flood.txt"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # mtime only
    (small_library / "grain" / "sanctions.txt").unlink()
    assert count_changes(library) == 3


def test_an_edit_that_keeps_the_size_is_read_again(small_library: Path) -> None:
    """Same size, new mtime: the digest decides, and here it differs."""
    library = _open(small_library)
    library.update()
    path = small_library / "flood.txt"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Vessa", "Wessa"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert path.stat().st_size == stat.st_size
    summary = library.update()
    assert (summary.indexed, summary.unchanged) == (1, 2)
    assert library.search("wessa").total == 1


def test_an_edit_that_keeps_the_size_and_the_mtime_is_read_again(small_library: Path) -> None:
    """A tool that restores the mtime (`touch -d`, a copy put back with `cp -p`) left the
    old text searchable for good: "3 unchanged". Only the ctime says so."""
    library = _open(small_library)
    library.update()
    path = small_library / "flood.txt"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Vessa", "Wessa"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (stat.st_mtime_ns, stat.st_size)
    assert library.file_changes(["flood.txt"]) == {"flood.txt": "changed"}
    summary = library.update()
    assert (summary.indexed, summary.unchanged) == (1, 2)
    assert library.search("wessa").total == 1
    assert library.update().unchanged == 3


def test_an_update_with_nothing_changed_looks_at_no_file_alone(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every launch pays for it: the stat walk compared with the store's (path, mtime, size)
    in one piece, never a record per file."""
    from newsread.index.engine import indexer
    from newsread.index.engine.docstore import DocStore

    _open(small_library).update()
    library = _open(small_library)

    def per_file(*args: object) -> None:
        raise AssertionError("a no-op update looked at a file on its own")

    monkeypatch.setattr(DocStore, "file_state", per_file)
    monkeypatch.setattr(indexer, "digest_file", per_file)
    summary = library.update()
    assert (summary.indexed, summary.unchanged, summary.removed) == (0, 3, 0)


def test_articles_missing_from_the_index_are_indexed_again_on_open(small_library: Path) -> None:
    # What a second process did before reconciling under the lock: Whoosh lost articles the
    # store still held, and every later update said "unchanged".
    library = _open(small_library)
    library.update()
    writer = library.writer()
    writer.delete_by_term("path", "flood.txt")
    writer.delete_by_term("path", "kelmor-harbour.txt")
    writer.commit()
    library.close()
    reopened = _open(small_library)
    assert reopened.repaired == 2
    assert reopened.notice == "search index repaired: 2 missing articles indexed again"
    assert reopened.search("vessa").total == 1
    assert reopened.search("").total == reopened.count() == 3
    reopened.close()
    again = _open(small_library)
    assert (again.repaired, again.notice) == (0, "")  # reported once


def test_an_article_indexed_twice_is_repaired_on_open(small_library: Path) -> None:
    from newsread.index.engine.schema import index_fields

    library = _open(small_library)
    library.update()
    article = library.find("flood.txt")[0]
    writer = library.writer()
    writer.add_document(**index_fields(article))
    writer.commit()
    library.close()
    reopened = _open(small_library)
    assert reopened.notice == "search index repaired: 1 stray entry removed"
    assert reopened.search("vessa").total == 1


def test_no_repair_while_another_update_holds_the_lock(small_library: Path) -> None:
    library = _open(small_library)
    library.update()
    library.docs.set_meta("dirty", "1")
    library.docs.remove_files(["flood.txt"])
    library.docs.commit()
    with library.write_lock():  # as an update running in another process does
        other = _open(small_library)
        assert other.repaired == 0 and other.notice == ""
        assert other.search("vessa").total == 1  # left to the update that is running
        other.close()
    library.close()
    assert _open(small_library).search("vessa").total == 0  # the lock is free: reconciled


def test_an_index_another_process_is_writing_is_never_wiped(small_library: Path) -> None:
    # Opening while another process commits can meet files that commit just replaced; that is
    # no reason to throw the index away under the writer's feet.
    import pytest

    from newsread.index.engine.storage import PrivateStorage
    from newsread.index.library import LibraryError

    library = _open(small_library)
    library.update()
    library.close()
    for toc in library.index_dir.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    lock = PrivateStorage(str(library.index_dir)).lock("NEWSREAD_UPDATE")
    assert lock.acquire(blocking=False)
    try:
        with pytest.raises(LibraryError, match="while another newsread updates it"):
            _open(small_library)
        assert list(library.index_dir.glob("_MAIN_*.toc"))  # still there
    finally:
        lock.release()
    reopened = _open(small_library)  # nobody writing: rebuilt, as before
    assert "could not be opened" in reopened.notice


def test_an_update_waiting_for_another_reports_the_others_commits(small_library: Path) -> None:
    # A second newsread opened mid-index showed the one article it first found, for good: it
    # waited for the first one's update, then had nothing to index, so nothing said "search
    # again". The other's commits are now its commits too.
    import threading

    from newsread.index.engine.indexer import Progress, update_library

    for n in range(20):
        write_article(small_library, f"bulk/{n:02}.txt", f"Bulk article {n}", f"Body {n} text.")
    first, second = _open(small_library), _open(small_library)
    first_commits: list[int] = []
    second_waits = threading.Event()

    def after_one_commit_wait_for_the_second() -> bool:
        if first_commits:
            assert second_waits.wait(60)
        return False

    runner = threading.Thread(
        target=update_library,
        args=(first,),
        kwargs={
            "on_commit": first_commits.append,
            "cancelled": after_one_commit_wait_for_the_second,
            "first_batch_seconds": 0,
            "batch_seconds": 0,
        },
    )
    runner.start()
    while not first_commits and runner.is_alive():
        runner.join(0.01)
    assert first_commits, "the first update committed nothing"

    def progress(progress: Progress) -> None:
        if progress.phase == "waiting":
            second_waits.set()

    second_commits: list[int] = []
    summary = update_library(second, on_progress=progress, on_commit=second_commits.append)
    runner.join(60)
    assert second_waits.is_set() and summary.indexed == 0  # the first indexed everything
    assert second_commits == sorted(second_commits)
    assert second_commits[-1] == summary.total_articles == 23
    assert second.search("bulk").total == 20


def test_counting_changes_in_a_folder_that_is_gone_raises_rather_than_deleting_all(
    small_library: Path,
) -> None:
    from newsread.index.engine.indexer import count_changes
    from newsread.index.errors import LibraryError

    library = _open(small_library)
    library.update()
    small_library.rename(small_library.with_name("unmounted"))
    with pytest.raises(LibraryError, match="is missing"):
        count_changes(library)


def test_an_update_of_a_folder_gone_since_it_was_opened_removes_nothing(
    small_library: Path,
) -> None:
    # The app opened the library, then its drive went away: the next update took every file
    # for deleted and emptied the index.
    from newsread.index.errors import LibraryError

    library = _open(small_library)
    library.update()
    away = small_library.rename(small_library.with_name("unmounted"))
    with pytest.raises(LibraryError, match=r"is missing \(.*not mounted\?\); the index was left"):
        library.update()
    assert library.count() == 3 and library.search("kelmor").total == 3
    away.rename(small_library)
    summary = library.update()
    assert (summary.indexed, summary.removed, summary.unchanged) == (0, 0, 3)


def test_another_empty_folder_is_a_drive_not_mounted_not_every_file_deleted(
    small_library: Path, tmp_path: Path
) -> None:
    # A library on a drive of its own: unmounted, its folder is the empty mount point, on the
    # drive below. Every article was removed, and the notes lost the text they anchor in.
    from newsread.index.engine.indexer import count_changes
    from newsread.index.errors import LibraryError

    library = _open(small_library)
    library.update()
    article = library.article("flood.txt")
    assert article is not None
    library.annotations.add_highlight(article, 4, 15, note="the river")
    folder = library.docs.get_meta("folder")
    assert folder is not None
    device, inode = folder.split(":")
    library.docs.set_meta("folder", f"{int(device) + 1}:{inode}")  # indexed on another drive
    drive = small_library.rename(tmp_path / "drive")
    small_library.mkdir()  # the mount point left: another folder, empty, on the drive below
    for check in (library.update, lambda: count_changes(library)):
        with pytest.raises(LibraryError) as caught:
            check()
        assert str(caught.value).startswith(
            f"{small_library} is empty, and not the folder its 3 articles were indexed from "
            "(a drive that is not mounted?)"
        )
    assert library.count() == 3 and library.search("kelmor").total == 3
    small_library.rmdir()
    drive.rename(small_library)  # mounted again
    summary = library.update()
    assert (summary.indexed, summary.removed, summary.unchanged) == (0, 0, 3)
    assert library.docs.get_meta("folder") == folder
    (placed,) = library.annotations.highlights_for(article)
    assert (placed.status, placed.start, placed.highlight.note) == ("anchored", 4, "the river")
    # The folder itself emptied: the files were deleted, as before.
    for child in list(small_library.iterdir()):
        child.rename(tmp_path / child.name)
    assert library.update().removed == 3


def test_a_folder_deleted_and_made_again_empty_says_so_and_keeps_articles_and_notes(
    small_library: Path, tmp_path: Path
) -> None:
    """On the drive the indexed folder was on, an empty new folder is no mount point: the
    message said "a drive that is not mounted?" of a folder deleted and made again. It says
    what it knows, the articles and their notes stay until files are put in it, and those
    files are then indexed as the folder's own."""
    from newsread.index.errors import LibraryError

    library = _open(small_library)
    library.update()
    article = library.article("flood.txt")
    assert article is not None
    library.annotations.add_highlight(article, 4, 15, note="the river")
    small_library.rename(tmp_path / "Trash")  # deleted as file managers delete
    small_library.mkdir()
    with pytest.raises(LibraryError) as caught:
        library.update()
    assert str(caught.value) == (
        f"{small_library} is empty, and a new folder, not the one its 3 articles were indexed "
        "from (deleted and made again? the files put in it will replace them); the index was "
        "left as it was"
    )
    assert library.count() == 3
    (placed,) = library.annotations.highlights_for(article)
    assert (placed.status, placed.highlight.note) == ("anchored", "the river")
    write_article(small_library, "new.txt", "Ferry fares rise", "Fares rise in May.")
    summary = library.update()
    assert (summary.indexed, summary.removed) == (1, 3)
    (kept,) = library.annotations.highlights_for(article)  # the note outlives its article
    assert kept.highlight.note == "the river"


def test_an_update_stopped_midway_says_how_far_it_got_as_it_saves(small_library: Path) -> None:
    # `newsread index` stopped with ctrl+c showed "Saving 884/884", as if it had finished.
    from newsread.index.engine.indexer import Progress, update_library

    for n in range(6):
        write_article(small_library, f"bulk/{n}.txt", f"Bulk article {n}", f"Body {n} text.")
    seen: list[Progress] = []
    summary = update_library(
        _open(small_library),
        on_progress=seen.append,
        cancelled=lambda: sum(p.phase == "reading" for p in seen) >= 4,
    )
    saving = [p for p in seen if p.phase == "committing"]
    assert summary.cancelled and summary.indexed == 4
    assert (saving[-1].done, saving[-1].total) == (4, 9)


def test_an_update_stopped_midway_is_marked_unfinished_until_an_update_reads_the_rest(
    small_library: Path,
) -> None:
    """A build quit mid-way, relaunched: its counts read as complete for ~10 s, with nothing
    saying the build resumed. The mark the next launch looks for before its first frame."""
    from newsread.index import paths

    library = _open(small_library)
    stopped = library.update(cancelled=lambda: True)
    assert stopped.cancelled and paths.unfinished_update(small_library)
    finished = library.update()
    assert finished.indexed == 3 and not paths.unfinished_update(small_library)
    library.set_unfinished(True)  # killed with every file read: the next look says it is done
    assert not library.update().changed and not paths.unfinished_update(small_library)


def test_a_new_librarys_first_commit_comes_before_its_walk_ends(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new library's first files are read as the walk finds them: at 100,000 files the walk
    alone took 0.5-1.5 s, which the first results waited for."""
    from newsread.index.engine import indexer

    for n in range(40):
        write_article(small_library, f"bulk/{n:02}.txt", f"Bulk article {n}", f"Body {n} text.")
    events: list[str] = []
    real_walk = indexer.walk_library

    def logged_walk(root: Path, result: object) -> object:
        yield from real_walk(root, result)  # type: ignore[arg-type]
        events.append("walked")

    monkeypatch.setattr(indexer, "walk_library", logged_walk)
    library = _open(small_library)
    totals: list[int] = []
    summary = indexer.update_library(
        library,
        on_commit=lambda n: events.append("commit"),
        on_progress=lambda p: totals.append(p.total) if p.phase == "reading" else None,
        first_batch_seconds=0,
    )
    assert events[:2] == ["commit", "walked"]
    assert (summary.indexed, summary.total_articles) == (43, 43)
    assert totals[0] == 0 and totals[-1] == 43  # not known until the walk has ended
    # Every file once: the first batch's files are not among the rest read after the walk.
    with library.index.searcher() as searcher:
        paths = [fields["path"] for fields in searcher.all_stored_fields()]
    assert sorted(paths) == sorted(set(paths)) and len(paths) == 43
    events.clear()
    assert library.update().indexed == 0  # the walk of a known library comes first
    assert events == ["walked"]


@pytest.mark.parametrize("seed", range(6))
def test_any_library_indexed_as_it_is_walked_holds_every_file_once(
    tmp_path: Path, seed: int
) -> None:
    """The slow twin: whatever the folders, links and batch sizes, a new library indexed while
    it is walked holds exactly the files one whole walk (`scan_library`) finds, each once."""
    import random

    from newsread.index.engine import indexer
    from newsread.index.files.scan import scan_library

    rng = random.Random(seed)
    root, outside = tmp_path / "library", tmp_path / "outside"
    folders = [root, *(root / f"d{n}" / f"e{rng.randrange(3)}" for n in range(rng.randrange(4)))]
    for n in range(rng.randrange(1, 30)):
        name = rng.choice([f"a{n}.txt", f".hidden{n}.txt", f"b{n}.md", f"c{n}.bin"])
        write_article(rng.choice(folders), name, f"Article {n}", f"Body {n} text.")
    write_article(outside, "memo.txt", "Memo", "Kept elsewhere.")
    if rng.random() < 0.5:
        (root / "link").symlink_to(outside, target_is_directory=True)
    if rng.random() < 0.5:
        (root / "loop").symlink_to(root, target_is_directory=True)
    expected = scan_library(root)
    summary = indexer.update_library(
        _open(root),
        first_batch_seconds=rng.choice([0.0, 0.0, 1.0]),
        batch_seconds=rng.choice([0.0, 8.0]),
    )
    library = _open(root)
    with library.index.searcher() as searcher:
        paths = sorted(fields["path"] for fields in searcher.all_stored_fields())
    assert paths == sorted(expected.files), f"seed {seed}"
    assert summary.indexed == len(expected.files)
    assert set(summary.skipped) == set(expected.problems)


def test_the_first_files_imports_are_not_the_first_batchs_time(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first file read pays the parsers' imports (0.2-0.5 s under load): counted in the
    first batch's 0.3 s, a new library's first results were of one article, for the 8 s of
    the next batch."""
    import time

    from newsread.index.engine import indexer

    for n in range(10):
        write_article(small_library, f"bulk/{n}.txt", f"Bulk article {n}", f"Body {n} text.")
    real_read = indexer.read_articles
    calls: list[Path] = []

    def slow_first(path: Path, root: Path) -> object:
        calls.append(path)
        if len(calls) == 1:
            time.sleep(0.5)
        return real_read(path, root)

    monkeypatch.setattr(indexer, "read_articles", slow_first)
    commits: list[int] = []
    indexer.update_library(_open(small_library), on_commit=commits.append, first_batch_seconds=0.3)
    assert commits[0] > 1


def _export(root: Path, count: int) -> Path:
    """A JSON Lines export of `count` articles, each with a word of its own."""
    path = root / "export" / "news.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (
        json.dumps({"title": f"Exportitem {n}", "body": f"Item number{n} of the exportitems."})
        for n in range(count)
    )
    path.write_text("\n".join(lines) + "\n")
    return path


def _in_small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    from functools import partial

    from newsread.index.files import reader

    parts = partial(reader.read_article_parts, max_bytes=2_000, part_bytes=2_000)
    monkeypatch.setattr(indexer, "read_article_parts", parts)


def test_a_large_export_is_indexed_whole_a_part_at_a_time(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 35 MB JSON Lines export was cut to its first 20 MB (16,914 of its 30,000 articles)."""
    _in_small_parts(monkeypatch)
    export = _export(small_library, 400)
    assert export.stat().st_size > 10 * 2_000  # read in 10 parts or more
    library = _open(small_library)
    summary = library.update()
    assert (summary.indexed, summary.articles, summary.cut) == (4, 403, ())
    assert library.search("number0").total == 1
    assert library.search("number399").total == 1
    assert library.search("exportitem").total == 400
    again = library.update()
    assert (again.indexed, again.unchanged) == (0, 4)


def test_an_export_stopped_between_its_parts_is_read_on_from_there_next_time(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting the app mid-file keeps what was read searchable; the file is not taken as
    read: the next update reads the rest of it (not the whole file again, as it did), and
    nothing is doubled."""
    _in_small_parts(monkeypatch)
    _export(small_library, 400)
    library = _open(small_library)
    library.update()  # the other three files
    (small_library / "export" / "news.jsonl").unlink()
    library.update()
    _export(small_library, 400)
    asked: list[int] = []

    def after_three_parts() -> bool:
        asked.append(1)
        return len(asked) > 3  # once before the file, then between its parts

    summary = library.update(cancelled=after_three_parts)
    assert summary.cancelled
    first = library.search("exportitem").total
    assert 0 < first < 400
    again = library.update()
    assert (again.indexed, again.articles) == (1, 400 - first)
    assert library.search("exportitem").total == 400
    assert library.search("number0").total == 1
    assert library.count() == 403


def test_a_large_export_is_searchable_as_it_is_read_and_a_kill_mid_file_loses_nothing(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of many articles is committed between its parts when the batch's time is up:
    its first articles are searchable long before its last is read. Until its last part the
    store records it as changed, read up to where the commit's articles end: an update killed
    after such a commit leaves the next one to read the rest, nothing doubled."""
    from newsread.index.engine.indexer import update_library

    _in_small_parts(monkeypatch)
    _export(small_library, 400)
    library = _open(small_library)
    seen: list[int] = []

    def killed_mid_file(articles: int) -> None:
        seen.append(articles)
        if articles > 3 + 20:  # the other three files, and some of the export's parts
            raise KeyboardInterrupt  # stands for the process killed here

    with pytest.raises(KeyboardInterrupt):
        update_library(library, on_commit=killed_mid_file, first_batch_seconds=0, batch_seconds=0)
    assert seen[-1] < 403  # committed mid-file
    library = _open(small_library)
    first = library.search("exportitem").total
    assert 0 < first < 400
    summary = library.update()
    assert summary.indexed >= 1
    read_again = [key for key in summary.reread if key.startswith("export/")]
    assert len(read_again) == 400 - first  # the rest of the file, not the whole of it
    assert library.search("exportitem").total == 400
    assert library.count() == 403
    assert library.update().indexed == 0


def test_a_large_file_says_how_far_it_is_read(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsread index` showed "Indexing 0/1" for the minutes a large export took."""
    from newsread.index.engine.indexer import Progress, update_library

    _in_small_parts(monkeypatch)
    _export(small_library, 400)
    seen: list[Progress] = []
    update_library(_open(small_library), on_progress=seen.append)
    told = [p.articles for p in seen if p.path == "export/news.jsonl" and p.articles]
    assert len(told) > 5 and told == sorted(told) and told[-1] < 400
    # and how much of it: a progress bar stood still at 0/1 for the minutes an export took
    shares = [p.share for p in seen if p.path == "export/news.jsonl" and p.articles]
    assert shares == sorted(shares) and 0.9 < shares[-1] <= 1
    for share, articles in zip(shares, told, strict=True):  # of the file's lines, as many
        assert abs(share - articles / 400) < 0.03, (share, articles)
