"""Bringing a library's index up to date with its folder: incremental, batched, recoverable.

A re-run reads only new or changed files (mtime and size, then content digest), removes
deleted ones by unique key in one pass, and commits in batches so a searcher reopened after
each commit shows the first results while a large library is still being indexed.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.index.engine.docstore import FileState
from newsread.index.engine.merging import (
    merge_segments,
    should_merge,
    should_purge,
    will_merge,
)
from newsread.index.engine.parallel import (
    PARALLEL_MIN_FILES,
    adopt_analysed_words,
    index_processes,
    release_free_memory,
)
from newsread.index.engine.schema import index_fields
from newsread.index.engine.stories import StoryUpdate
from newsread.index.errors import LibraryError, UnreadableFile
from newsread.index.files.reader import (
    PARSER_VERSION,
    Appended,
    ArticleParts,
    appended_lines,
    file_digest,
    is_appendable,
    read_appended,
    read_article_parts,
    read_articles,
)
from newsread.index.files.scan import (
    ScanResult,
    change_stamp,
    folder_problem,
    scan_library,
    walk_library,
)

if TYPE_CHECKING:
    from newsread.index.article import Article
    from newsread.index.engine.open_index import OpenIndex


STORY_CHUNK = 200
"""Articles read before their stories are grouped (`StoryUpdate.add`): an update keeps no
more than these in memory (a build's batch of tens of thousands was the indexing process's
memory peak, which each sub-writer forked from it carried again)."""


@dataclass(frozen=True)
class Progress:
    """How far an update has come; `total` is the number of files to read (0 while a new
    library is still walked: not known yet)."""

    phase: str  # "scanning" | "waiting" | "reading" | "committing" | "merging" | "done"
    done: int = 0
    total: int = 0
    path: str = ""
    articles: int = 0
    """Of a large file read in parts (`path`), the articles read so far."""
    share: float = 0.0
    """Of a large file read in parts, the share of its bytes read (0 to 1)."""


@dataclass(frozen=True)
class IndexSummary:
    """What an update did."""

    indexed: int = 0
    """Files read and (re)indexed (not counting skipped ones)."""
    articles: int = 0
    """Articles added from those files."""
    unchanged: int = 0
    removed: int = 0
    skipped: tuple[tuple[str, str], ...] = ()
    """(path, one-line reason) for every file that could not be indexed, and every folder
    that could not be walked; files of a folder that vanished mid-update, once for it."""
    skipped_folders: frozenset[str] = frozenset()
    """The paths in `skipped` that are folders, not files."""
    cut: tuple[tuple[str, str], ...] = ()
    """(path, one-line note) for files too large to index whole, indexed in part."""
    other_kinds: tuple[tuple[str, int], ...] = ()
    """(extension, files) of the files passed over as of no kind newsread reads, most first."""
    total_articles: int = 0
    elapsed: float = 0.0
    rebuilt: str = ""
    """Why the index was rebuilt from scratch, if it was."""
    cancelled: bool = False
    reread: tuple[str, ...] = ()
    """Keys of the articles this update read from their files (new, edited or moved)."""

    @property
    def changed(self) -> bool:
        return bool(self.indexed or self.removed)

    def other_kinds_said(self) -> str:
        """ "3 files of kinds newsread does not read (.pdf 2, .docx 1)", or ""."""
        count = sum(files for _, files in self.other_kinds)
        if not count:
            return ""
        kinds = ", ".join(
            f"{kind or 'no extension'} {files}" for kind, files in self.other_kinds[:5]
        )
        more = ", …" if len(self.other_kinds) > 5 else ""
        noun = "file" if count == 1 else "files"
        return f"{count:,} {noun} of kinds newsread does not read ({kinds}{more})"

    def skipped_said(self, first: int = 0) -> str:
        """How many of `skipped` are files and folders ("3 files and 1 folder"), or from the
        `first` on, how many more ("3 more files and 1 folder"); "" when none."""
        rest = [path for path, _ in self.skipped[first:]]
        folders = sum(path in self.skipped_folders for path in rest)
        parts = [
            f"{count} {noun}{'' if count == 1 else 's'}"
            for count, noun in ((len(rest) - folders, "file"), (folders, "folder"))
            if count
        ]
        if parts and first:
            count, noun = parts[0].split(" ", 1)
            parts[0] = f"{count} more {noun}"
        return " and ".join(parts)


@dataclass
class _Plan:
    to_read: list[str] = field(default_factory=list)
    to_remove: list[str] = field(default_factory=list)
    touched: list[FileState] = field(default_factory=list)
    unchanged: int = 0
    known: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The store's files when planned (path -> (mtime_ns, size))."""
    grown: dict[str, tuple[FileState, Appended]] = field(default_factory=dict)
    """Files to read that only had lines appended (`appended_lines`): their stored state when
    planned, and where the lines start. Their articles stay; only the new lines are read."""


class _ToRead:
    """The files an update reads, in order: `plan.to_read`, or for a new library the files
    the walk finds, read as it finds them until the first commit (`finish` walks the rest,
    whose files follow, sorted). The walk of a 100,000-file library took 0.5-1.5 s, which its
    first results waited for."""

    def __init__(self, plan: _Plan, walk: Iterator[str] | None = None) -> None:
        self.files = plan.to_read
        self._walk = walk

    def __iter__(self) -> Iterator[str]:
        n = 0
        while self.more_after(n):
            yield self.files[n]
            n += 1

    def more_after(self, n: int) -> bool:
        """Whether there is a file after the first `n` (walking one step further if needed)."""
        if n >= len(self.files) and self._walk is not None:
            found = next(self._walk, None)
            if found is None:
                self._walk = None
            else:
                self.files.append(found)
        return n < len(self.files)

    @property
    def total(self) -> int:
        """How many files there are to read; 0 until the walk has ended."""
        return 0 if self._walk is not None else len(self.files)

    def finish(self) -> None:
        """Walk the rest of the library now."""
        if self._walk is not None:
            self.files += sorted(self._walk)
            self._walk = None


def digest_file(path: Path) -> str:
    """The file's digest: the one the reader continues over lines appended (`file_digest`)."""
    digest = file_digest()
    with open(path, "rb") as handle:
        # In chunks: a file far over the reader's size limit must not be read whole.
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return str(digest.hexdigest())


def _plan(library: OpenIndex, scan: ScanResult) -> _Plan:
    known = library.docs.file_stats()
    plan = _Plan(known=known)
    files = scan.files
    reread = library.parser_changed()
    if known == files and not reread:
        # Nothing changed (every launch): one comparison in C, no per-file work.
        plan.unchanged = len(files)
        return plan
    for rel, (mtime_ns, size) in files.items():
        stat = known.get(rel)
        if stat is None or reread:
            plan.to_read.append(rel)
        elif stat == (mtime_ns, size):
            plan.unchanged += 1
        elif stat[1] != size:
            if stat[1] < size and is_appendable(rel):
                grown = _grown(library, scan, rel)
                if grown is not None:
                    plan.grown[rel] = grown
            plan.to_read.append(rel)
        else:  # same size, new mtime: only a changed digest means a changed article
            state = library.docs.file_state(rel)
            try:
                same = state is not None and digest_file(scan.locate(library.root, rel)) == (
                    state.digest
                )
            except OSError:
                same = False
            if same and state is not None:
                plan.touched.append(FileState(rel, mtime_ns, size, state.digest, state.reason))
                plan.unchanged += 1
            else:
                plan.to_read.append(rel)
    plan.to_remove = [rel for rel in known if rel not in files]
    plan.to_read.sort()
    return plan


def _grown(library: OpenIndex, scan: ScanResult, rel: str) -> tuple[FileState, Appended] | None:
    """The stored state of file `rel` and where the lines appended since it was read start, if
    it is JSON Lines that only grew (`appended_lines`), or that an update read up to a part."""
    state = library.docs.file_state(rel)
    if state is None or state.reason:  # (a time of -1: read in parts up to `state.size`)
        return None
    last = library.docs.last_article(rel)
    if last is None:
        return None
    path = scan.locate(library.root, rel)
    appended = appended_lines(path, library.root, size=state.size, digest=state.digest, last=last)
    return None if appended is None else (state, appended)


def has_changes(library: OpenIndex) -> bool:
    """Whether an update would read or remove any file (one stat walk, no file read), or read
    every file again (`parser_changed`).

    A file whose mtime changed but whose size did not counts as changed here; the update
    itself then compares digests.
    """
    if library.parser_changed():
        return True
    return library.docs.file_stats() != scan_library(library.root).files


def count_changes(library: OpenIndex) -> int:
    """How many files were added, changed or deleted since the index last saw them (one stat
    walk, no file read; a changed mtime counts, as in `has_changes`).

    Raises:
        LibraryError: the library's folder is gone or unreadable (unmounted, renamed): not
            every file deleted.
    """
    known = library.docs.file_stats()
    scan = scan_library(library.root)
    away = folder_away(library, scan)
    if away:
        raise LibraryError(away)
    files = scan.files
    if known == files:
        return 0
    changed = sum(1 for rel, stat in files.items() if known.get(rel) != stat)
    return changed + sum(1 for rel in known if rel not in files)


def folder_away(library: OpenIndex, scan: ScanResult | None = None) -> str:
    """Why the library's folder must not be taken for what it holds, or "": it is missing or
    cannot be read, or it holds no article file now and is another folder than the one last
    indexed (another inode: the empty mount point of a drive that is not mounted, when it is
    another device too, else a folder deleted and made again). An update that believed it
    would remove every article, and the notes would lose the text they are anchored in; a
    folder emptied in place is still taken for emptied, and one made again once it holds files. Without
    `scan` (a walk of the folder) the folder is only looked into: any entry not hidden counts
    as an article file.
    """
    root = library.root
    problem = folder_problem(root)
    if problem:
        return problem
    if scan is None:
        try:
            info = os.stat(root)
            folder: str | None = f"{info.st_dev}:{info.st_ino}"
            empty = all(entry.name.startswith(".") for entry in os.scandir(root))
        except OSError as error:
            return f"{root} cannot be read ({error.strerror or error})"
    else:
        unread = next((reason for path, reason in scan.problems if path == "."), None)
        if unread is not None or scan.folder is None:
            return f"{root} cannot be read ({unread or 'it went away while it was read'})"
        folder, empty = scan.folder, not scan.files
    indexed = library.docs.get_meta("folder")
    if not empty or indexed in (None, folder):
        return ""
    held = library.docs.count()
    if not held:
        return ""
    if folder is not None and indexed.split(":")[0] == folder.split(":")[0]:
        # On the drive the indexed folder was on: a folder made in its place, or a folder
        # mounted there no longer is. Files put in it are indexed as its own.
        return (
            f"{root} is empty, and a new folder, not the one its {held:,} articles were "
            "indexed from (deleted and made again? the files put in it will replace them)"
        )
    return (
        f"{root} is empty, and not the folder its {held:,} articles were indexed from "
        "(a drive that is not mounted?)"
    )


def update_library(
    library: OpenIndex,
    *,
    on_progress: Callable[[Progress], object] | None = None,
    on_commit: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    first_batch_seconds: float = 0.3,
    batch_seconds: float = 8.0,
) -> IndexSummary:
    """Bring `library`'s index up to date with its folder (see module docstring).

    `on_commit(total_articles)` runs after each batch is committed and searchable, and after
    each batch another process commits while this update waits for it. The summary names the
    articles read (again), whose highlights `Library.update` re-anchors.
    """
    started = time.monotonic()
    report = on_progress or (lambda progress: None)
    report(Progress("scanning"))
    scan = ScanResult()
    walk = walk_library(library.root, scan)
    first = next(walk, None) if _is_new(library) else None
    if first is None:  # a library indexed before, or an empty folder
        _finish(walk)
        away = folder_away(library, scan)
        if away:  # not "every file deleted": the index (and the notes' text) stays as it is
            raise LibraryError(away + "; the index was left as it was")
        plan = _plan(library, scan)
    else:
        plan = _Plan(to_read=[first])  # the walk's files, as it finds them (see `_ToRead`)
    if scan.folder is not None and library.docs.get_meta("folder") != scan.folder:
        library.docs.set_meta("folder", scan.folder)  # see `folder_away`
    if not plan.to_read and not plan.to_remove:
        if library.docs.get_meta("parser") != str(PARSER_VERSION):
            library.docs.set_meta("parser", str(PARSER_VERSION))

    def nothing_to_do() -> IndexSummary | None:
        if plan.touched:
            library.docs.touch_files(plan.touched)
            library.docs.commit()
        if plan.to_read or plan.to_remove:
            return None
        library.set_unfinished(False)  # an update stopped with every file read since
        _purge(library, report, cancelled)
        report(Progress("done"))
        skipped, folders = _by_folder(
            tuple(sorted(library.docs.skipped() + scan.problems)), scan.files
        )
        return IndexSummary(
            unchanged=plan.unchanged,
            skipped=skipped,
            skipped_folders=folders | scan.folders,
            other_kinds=_by_count(scan.other_kinds),
            total_articles=library.docs.count(),
            elapsed=time.monotonic() - started,
        )

    done = nothing_to_do()
    if done:
        return done
    waited = False
    generation = library.index.latest_generation()

    def on_wait() -> None:
        nonlocal waited
        waited = True
        report(Progress("waiting"))

    def others_committed(finished: bool = False) -> None:
        """The update we wait for committed a batch: its articles are searchable here too.

        It commits the index, then its article store: until both agree, this waits (the
        next look is `open_index.WAIT_POLL` later), or the count shown would be one batch behind.
        """
        nonlocal generation
        latest = library.index.latest_generation()
        if latest == generation:
            return
        articles = library.docs.count()
        if not finished:
            try:
                searchable = library.index.doc_count()
            except Exception:  # noqa: BLE001 - its next commit replaced the files: look again
                return
            if searchable != articles:
                return
        generation = latest
        if on_commit:
            on_commit(articles)

    def while_waiting() -> None:
        if cancelled and cancelled():
            raise _StoppedWaiting
        others_committed()

    try:
        with library.write_lock(on_wait, while_waiting=while_waiting):
            if waited:  # the update we waited for may have indexed these files already
                others_committed(finished=True)
                first = None
                _finish(walk)
                plan = _plan(library, scan)
                done = nothing_to_do()
                if done:
                    return done
            to_read = _ToRead(plan, None if first is None else walk)
            processes, merge = _writing(library, plan, scan, walked=first is None)
            # Only files the store knows can have documents, unless the two disagree (an update
            # killed mid-way): a new library's files are never looked up one by one (100,000
            # look-ups were 2-3 s of a new 100k library's first results).
            agree = (
                not library.docs.get_meta("dirty")
                and library.index.doc_count() == library.docs.count()
            )
            known = plan.known if agree else None
            grown = plan.grown if agree else {}  # else every file's documents are taken out
            library.docs.set_meta("dirty", "1")  # cleared when Whoosh and the store agree again
            # Cleared once every file is read: an update stopped (ctrl+c) or killed (`timeout`
            # in a script) leaves part of the library unindexed, which `stopped_update` tells,
            # and which a launch meanwhile shows as counts so far.
            library.set_unfinished(True)
            if not library.docs.has_files():
                # A new library: every file it will hold is read by this version, so say so before
                # the first commit; a process opening it mid-way must not take it for an old one.
                # (A re-read for a new parser version says so only once it has read every file.)
                library.docs.set_meta("parser", str(PARSER_VERSION))
            expected = library.index.doc_count()
            # The first batch is indexed here, not by sub-writers: it is small, and committing it
            # without waiting for processes to start and finish puts the first results on screen
            # sooner. Later batches use every core.
            now = _Batch(library.writer(), StoryUpdate(library.docs))
            try:
                indexed_paths = plan.to_remove + (
                    plan.to_read
                    if known is None
                    else [rel for rel in plan.to_read if rel in known and rel not in grown]
                )
                now.expected = expected - _remove(library, now.writer, indexed_paths)
                library.docs.remove_files(plan.to_remove)
                indexed = articles = 0
                cut: list[tuple[str, str]] = []
                dropped: list[str] = []  # files read before that cannot be read now
                batch_started = time.monotonic()
                limit = first_batch_seconds
                was_cancelled = False
                reread: list[str] = []  # article keys, for re-anchoring their highlights
                read = commits = 0

                def commit_when_due(done: int, more: bool) -> None:
                    """Commit the batch if its time is up and more is to be read (files, or
                    a large file's parts): what was read is searchable, the next batch starts."""
                    nonlocal batch_started, limit, processes, merge, commits
                    if time.monotonic() - batch_started <= limit or not more:
                        return
                    commits += 1
                    report(Progress("committing", done, to_read.total))
                    _commit(library, now.writer, now.keys, now.expected, merge)
                    now.stories.add(now.fresh)
                    now.stories.finish()
                    now.fresh.clear()
                    library.docs.commit()
                    now.stories = StoryUpdate(library.docs)
                    library.record_files()
                    if on_commit:
                        on_commit(library.docs.count())
                    to_read.finish()
                    processes, merge = _writing(library, plan, scan)
                    release_free_memory()  # before the next batch's sub-writers fork
                    now.writer = library.writer(processes)
                    batch_started = time.monotonic()
                    # Each commit makes a segment and merges small ones; batches that grow
                    # keep a big build to a dozen segments (queries pay per segment).
                    limit = batch_seconds if limit < batch_seconds else min(limit * 2, 120.0)

                def between_parts(n: int, rel: str, articles: int, share: float) -> None:
                    """A large file's part is read: said, and maybe committed."""
                    report(Progress("reading", n - 1, to_read.total, rel, articles, share))
                    commit_when_due(n - 1, True)

                for n, rel in enumerate(to_read, 1):
                    if cancelled and cancelled():
                        was_cancelled = True
                        to_read.finish()  # "saving 4 of 9", not of the 5 found so far
                        break
                    read = n
                    report(Progress("reading", n - 1, to_read.total, rel))
                    reading = time.monotonic()
                    added, stopped = _index_file(
                        library,
                        now,
                        rel,
                        scan,
                        _FileLog(cut, dropped, reread),
                        partial(between_parts, n, rel),
                        cancelled,
                        grown.get(rel),
                    )
                    if n == 1 and not commits:
                        # It paid the parsers' imports (0.2-0.5 s): no batch's reading time.
                        batch_started += time.monotonic() - reading
                    indexed += 1 if added else 0
                    articles += added
                    if stopped:  # cancelled between a large file's parts
                        was_cancelled = True
                        to_read.finish()
                        break
                    if len(now.fresh) >= STORY_CHUNK:  # grouped now, not all kept until the commit
                        now.stories.add(now.fresh)
                        now.fresh.clear()
                    commit_when_due(n, to_read.more_after(n))
                report(Progress("committing", read, to_read.total))  # stopped: what it read
                _commit(library, now.writer, now.keys, now.expected, merge)
                now.stories.add(now.fresh)
                now.stories.finish()
            except BaseException:
                library.abandon(now.writer)
                library.docs.rollback()  # the rows of files whose documents Whoosh did not commit
                raise
            library.docs.commit()
            library.record_files()
            library.docs.set_meta("dirty", None)
            if not was_cancelled:
                library.docs.set_meta("parser", str(PARSER_VERSION))
                library.set_unfinished(False)
            if not was_cancelled and (
                (_large(plan, scan) and should_merge(library)) or should_purge(library)
            ):
                # Everything is searchable now; the merge only makes searches cheaper.
                if on_commit:
                    on_commit(library.docs.count())
                report(Progress("merging", len(plan.to_read), len(plan.to_read)))
                merge_segments(library, cancelled)
    except _StoppedWaiting:  # told to stop before it could read a file: nothing to keep
        return IndexSummary(
            unchanged=plan.unchanged,
            total_articles=library.docs.count(),
            elapsed=time.monotonic() - started,
            cancelled=True,
        )
    total_articles = library.docs.count()
    if on_commit:
        on_commit(total_articles)
    report(Progress("done", len(plan.to_read), len(plan.to_read)))
    skipped, folders = _by_folder(
        _skipped(library.docs.skipped() + scan.problems, plan.to_remove, dropped), scan.files
    )
    return IndexSummary(
        indexed=indexed,
        articles=articles,
        unchanged=plan.unchanged,
        removed=len(plan.to_remove) + len(dropped),
        skipped=skipped,
        skipped_folders=folders | scan.folders,
        other_kinds=_by_count(scan.other_kinds),
        cut=tuple(cut),
        total_articles=total_articles,
        elapsed=time.monotonic() - started,
        cancelled=was_cancelled,
        reread=tuple(reread),
    )


def _by_count(kinds: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """(extension, files), the most files first; files with no extension after the others."""
    return tuple(sorted(kinds.items(), key=lambda item: (-item[1], not item[0], item[0])))


def _skipped(
    skipped: list[tuple[str, str]], removed: list[str], dropped: list[str]
) -> tuple[tuple[str, str], ...]:
    """`skipped`, sorted, each saying whether articles it held left the index: an edited file
    now unreadable (in `dropped`), or a folder now unreadable whose files were `removed`.

    A file unchanged since it was indexed is not opened, so it keeps its articles even if it
    could not be read now."""
    gone = set(dropped)
    folders = {rel.rsplit("/", 1)[0] if "/" in rel else "." for rel in removed}
    for folder in list(folders):
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            folders.add(folder)
    return tuple(
        (path, reason + _REMOVED if path in gone or path in folders else reason)
        for path, reason in sorted(skipped)
    )


def _by_folder(
    skipped: tuple[tuple[str, str], ...], files: Iterable[str]
) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """`skipped` with the files that vanished mid-update said once for each folder all of
    whose files (two or more) vanished: one renamed or moved while indexing listed each of
    its 545 files. The folders so said end in "/"."""
    vanished = {path for path, reason in skipped if reason.startswith("vanished")}
    if len(vanished) < 2:
        return skipped, frozenset()
    under: Counter[str] = Counter()
    gone: Counter[str] = Counter()
    for path in vanished.union(files):
        for folder in _folders_of(path):
            under[folder] += 1
            gone[folder] += path in vanished
    kept: list[tuple[str, str]] = []
    said: dict[str, list[str]] = {}
    for path, reason in skipped:
        whole = [f for f in _folders_of(path) if gone[f] == under[f] >= 2]
        if path in vanished and whole:
            said.setdefault(whole[0], []).append(reason)  # the highest such folder
        else:
            kept.append((path, reason))
    for folder, reasons in said.items():
        removed = "; their articles were removed" if any(_REMOVED in r for r in reasons) else ""
        kept.append(
            (folder, f"{len(reasons)} files vanished while indexing (moved or renamed?){removed}")
        )
    return tuple(sorted(kept)), frozenset(said)


def _folders_of(path: str) -> list[str]:
    """The folders `path` is in, the highest first, each ending in "/" (the library's
    own, ".", left out)."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: n + 1]) + "/" for n in range(len(parts))]


_REMOVED = "; its articles were removed"


class _StoppedWaiting(Exception):
    """An update told to stop while it waited for another's write lock (nothing read yet)."""


def _is_new(library: OpenIndex) -> bool:
    """Whether nothing was ever indexed in `library` (nor left half done by a killed update)."""
    docs = library.docs
    return not docs.has_files() and not docs.get_meta("dirty") and library.index.doc_count() == 0


def _finish(walk: Iterator[str]) -> None:
    for _ in walk:
        pass


PARALLEL_MIN_BYTES = 20_000_000
"""Updates reading this much index with sub-writers, however few files: a large export of
many articles (`read_article_parts`) is tens of thousands of articles in one file."""


def _purge(
    library: OpenIndex, report: Callable[[Progress], object], cancelled: Callable[[], bool] | None
) -> None:
    """With nothing to read, merge away the deleted documents a past update left (`wasteful`):
    its merge was cancelled (the app quit meanwhile) or it was made by an older newsread, and
    `newsread index` with nothing changed left the index as it was. Skipped while another
    update holds the write lock (it merges them itself)."""
    if not should_purge(library):
        return
    with library.write_lock_if_free() as held:
        if held:
            report(Progress("merging"))
            merge_segments(library, cancelled)


def _large(plan: _Plan, scan: ScanResult) -> bool:
    """Whether the update is large: its later batches use sub-writers, and a merge follows."""
    if len(plan.to_read) >= PARALLEL_MIN_FILES:
        return True
    size = sum(scan.files[rel][1] for rel in plan.to_read)
    return size - sum(grown.start for _, grown in plan.grown.values()) >= PARALLEL_MIN_BYTES


def _writing(
    library: OpenIndex, plan: _Plan, scan: ScanResult, walked: bool = True
) -> tuple[int, bool]:
    """How many sub-writers the update's later batches use, and whether commits merge (not
    the first of a new library, before its walk ends: there is nothing to merge with)."""
    if not walked:
        return 1, False
    large = _large(plan, scan)
    # Whoosh's commit merges "small" segments into the committing process's own, at full
    # priority, while the update waits; with a dozen segments its rule took in nearly the
    # whole index (at 10k, 8,100 articles re-sorted in the build's last commit). When the
    # segments are merged after the update anyway (at nice 19), commits merge nothing.
    merge = not (large and will_merge(library.index.doc_count() + len(plan.to_read)))
    return (index_processes() if large else 1), merge


def _remove(library: OpenIndex, writer: object, paths: list[str]) -> int:
    """Delete every document of these files, with one searcher (never a search per file).

    Returns how many documents were deleted."""
    deleted = 0
    if not paths:
        return deleted
    with library.index.searcher() as searcher:
        for rel in paths:
            for docnum in searcher.document_numbers(path=rel):
                writer.delete_document(docnum)  # type: ignore[attr-defined]
                deleted += 1
    return deleted


def _commit(
    library: OpenIndex, writer: Any, batch: list[str], expected: int, merge: bool = True
) -> None:
    """Commit `writer`; if a sub-writer died, index what it lost here, in this process.

    `expected` is how many documents the index should hold once `batch` (the keys added
    since the last commit) is committed.
    """
    parallel = hasattr(writer, "tasks")  # a multi-process writer, even before its first job
    writer.commit(merge=merge)
    if parallel:
        adopt_analysed_words(library.index_dir)
    if parallel and library.index.doc_count() != expected:
        with library.index.searcher() as searcher:
            missing = [key for key in batch if searcher.document_number(key=key) is None]
        if missing:
            retry = library.writer()
            try:
                for article in library.docs.articles(missing).values():
                    retry.add_document(**index_fields(article))
                retry.commit()
            except BaseException:
                library.abandon(retry)
                raise
    batch.clear()


@dataclass
class _Batch:
    """What an update writes until its next commit, which gives it a new writer and stories."""

    writer: Any
    stories: StoryUpdate
    keys: list[str] = field(default_factory=list)  # of the articles added since the last commit
    fresh: list[Article] = field(default_factory=list)  # read since they were last grouped
    expected: int = 0  # documents the index holds once this batch is committed


@dataclass(frozen=True)
class _FileLog:
    """What an update says of the files it read: cut ones, those that took articles out as
    they became unreadable, and the keys of the articles read (their notes re-anchored)."""

    cut: list[tuple[str, str]]
    dropped: list[str]
    reread: list[str]


def _index_file(
    library: OpenIndex,
    now: _Batch,
    rel: str,
    scan: ScanResult,
    log: _FileLog,
    between_parts: Callable[[int, float], None],
    cancelled: Callable[[], bool] | None = None,
    grown: tuple[FileState, Appended] | None = None,
) -> tuple[int, bool]:
    """Index file `rel`; returns how many articles it added, and whether it stopped before the
    file's end (cancelled). A file that cannot be read is recorded with the reason, and added
    to `log.dropped` if that took articles out.

    A large file of many articles comes in parts (`read_article_parts`), each indexed, stored
    and grouped into stories as it comes; `between_parts(articles read, share of the file)`
    says how far it is and may commit the batch (a file of 100,000 articles is searchable as
    it is read, not after). Until its last part the file is recorded as changed (no time): an
    update stopped, killed or cancelled before then keeps the articles it committed, and the
    next one reads on from there (JSON Lines, when the part ended a line), or else the whole
    file again.

    A file that only had lines appended (`grown`: its stored state when planned) keeps its
    articles; the appended lines are read alone, as parts."""
    path = scan.locate(library.root, rel)
    mtime_ns, size = scan.files[rel]
    parts: ArticleParts | None = None
    digest = ""
    if grown is not None and library.docs.file_state(rel) != grown[0]:
        # Another update read it after this one planned (before this one took the lock): its
        # articles are kept as that one left them, and a next update reads what it did not.
        return 0, False
    if grown is not None:
        try:
            parts = read_appended(path, library.root, grown[1], size=size)
            found = next(iter(parts), [])
        except (UnreadableFile, OSError) as error:
            # Not text (or gone): the next update reads the file whole and says what it finds.
            library.docs.put_state(FileState(rel, -1, size, ""))
            log.cut.append((rel, f"the lines added could not be read ({_reason(error)})"))
            return 0, False
    if parts is None:
        try:
            parts = read_article_parts(path, library.root, whole=read_articles, size=size)
            digest = "" if parts.parted else digest_file(path)
            found = next(iter(parts))
        except (UnreadableFile, OSError) as error:
            # An edited file that cannot be read now: its old articles are stale, so they go.
            if library.docs.put_file(FileState(rel, mtime_ns, size, "", _reason(error)), []):
                log.dropped.append(rel)
            return 0, False
        library.docs.put_file(FileState(rel, mtime_ns, size, digest), [])
    added, stopped = 0, False
    parted: FileState | None = None
    while True:
        for article in found:
            now.writer.add_document(**index_fields(article))
            now.keys.append(article.key)
            log.reread.append(article.key)
        library.docs.add_articles(found)
        added += len(found)
        now.expected += len(found)
        now.fresh += found
        done, share = parts.resumes_at, parts.share  # (what is stored now, not the next part)
        found = next(iter(parts), [])
        if not found:
            break
        # Changed, until its last part: read again next time, whole or from `done` (its
        # articles stored so far are those of its first `done[0]` bytes, `appended_lines`).
        read = FileState(rel, -1, size, "") if done is None else FileState(rel, -1, *done)
        if read != parted:
            parted = read
            library.docs.put_state(read)
        if len(now.fresh) >= STORY_CHUNK:
            now.stories.add(now.fresh)
            now.fresh.clear()
        if cancelled and cancelled():
            stopped = True
            break
        between_parts(added, share)
    if not stopped:
        library.docs.put_state(_read_state(path, rel, mtime_ns, size, digest, parts.digest))
    if parts.note:
        log.cut.append((rel, parts.note))
    return added, stopped


def _read_state(
    path: Path, rel: str, mtime_ns: int, size: int, digest: str, exact: str
) -> FileState:
    """The state of file `rel` once its articles are stored: as the scan saw it, with the
    digest of its bytes: `exact`, that of the bytes read (the reader saw them all, up to
    `size`), or else `digest`, taken before it was read.

    A file that may grow by lines (`is_appendable`) that changed while it was read whole is
    recorded as changed (no time, no digest): its articles may be of more bytes than `size`,
    and lines appended after `size` must never be read twice (`appended_lines`)."""
    if exact:
        return FileState(rel, mtime_ns, size, exact)
    if not digest:  # a file over the size limit that was not read in parts after all
        try:
            digest = digest_file(path)
        except OSError:
            return FileState(rel, -1, size, "")
    if is_appendable(rel):
        try:
            info = path.stat()
            same = (change_stamp(info), info.st_size) == (mtime_ns, size)
        except OSError:
            same = False
        if not same:
            return FileState(rel, -1, size, "")
    return FileState(rel, mtime_ns, size, digest)


def _reason(error: Exception) -> str:
    """Why a file could not be read, in one line."""
    if isinstance(error, UnreadableFile):
        return str(error) or "unreadable"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while indexing"
    assert isinstance(error, OSError)
    return f"could not read: {error.strerror or error}"
