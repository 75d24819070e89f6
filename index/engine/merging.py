"""Fewer segments after a build or a large update: merged by a low-priority process.

Every commit of a large update writes a segment per sub-writer, so a 100,000-article build
ends with a dozen or more; a search pays for each one (a term look-up, a posting read and a
length column per word per segment). The merge streams every segment's already sorted
postings into one (`whoosh_internals.merge_all`; Whoosh's own `optimize=True` re-sorts them
all), still a Python step per posting: minutes at 100,000 articles. So it runs in another
process (started as the sub-writers are, `parallel.context`: not a copy of the indexing
process and all it holds) at the lowest CPU priority (nice 19), never in the UI's process: searches keep using
the segments they have until the merge commits a new generation, and the next search opens
that one (`OpenIndex.searcher`). Cancelling (the app quitting) stops the merge; the index stays
as it was and the unfinished segment's files are deleted.

The merge runs under the library's write lock (Whoosh's writer lock too), for minutes at
100,000 articles; an update that comes meanwhile (a file saved, `newsread index` run) would
wait for it. So the merge gives way: once an update waits for the lock
(`OpenIndex.writer_waiting`), the merge stops as if cancelled, the waiting update runs at
once, and the next large update merges again. Merging outside the lock and swapping the
merged segment in briefly would keep the merge's work, but the documents deleted meanwhile
would have to be carried over to the merged segment's numbering, inside Whoosh's
segment files: stopping loses only time and changes no answer.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsread.index.engine import whoosh_internals
from newsread.index.engine.parallel import (
    context,
    main_hidden,
    prepare_sub_writer,
    release_free_memory,
    start_method,
)

if TYPE_CHECKING:
    from newsread.index.engine.open_index import OpenIndex

MERGE_ABOVE = 4
"""Segments an index may keep; more are merged into one after a large update."""
MERGE_FROM_ARTICLES = 5_000
"""Smaller indexes are not merged: their searches are fast anyway, and a merge at nice 19 on
a busy machine (a test run) would hold the write lock for long. At 10,000 articles the 9
segments of a build merged into one made the benchmark's query mix p50 0.63x, p95 0.32x
(tests/benchmarks/merge_ab.py)."""


def should_merge(library: OpenIndex) -> bool:
    """Whether the index has more segments than `MERGE_ABOVE` and at least
    `MERGE_FROM_ARTICLES` articles, and this process can fork."""
    if len(whoosh_internals.segments(library.index)) <= MERGE_ABOVE:
        return False
    return will_merge(library.index.doc_count())


def will_merge(articles: int) -> bool:
    """Whether a large update that leaves `articles` in the index and more than `MERGE_ABOVE`
    segments is followed by a merge (`should_merge`)."""
    return (
        articles >= MERGE_FROM_ARTICLES
        and start_method() is not None
        and not multiprocessing.current_process().daemon
    )


SMALL_SHARE = 0.2
"""A segment with fewer documents than this share of the index's is small: after an update of
a large library, its new segments are merged with each other and not with the big ones, so 1%
of 100,000 articles changed costs a merge of ~2,000 documents, not of 100,000 (minutes at
nice 19)."""
WASTED_SHARE = 0.3
"""A segment with more deleted documents than this share of its own is merged however large
(the deleted ones are left out of the merged segment: the space and the search time they
cost come back)."""


def wasteful(index: Any) -> bool:
    """Whether more than `WASTED_SHARE` of the entries `index` stores are deleted documents.

    An update deletes a changed file's documents and adds them anew; the deleted ones stay in
    their segments until those are merged, and a search counts them (BM25's document count,
    document frequencies and average lengths) and walks their postings. After every file is
    read again (a new parser version, which every user's library gets on upgrading) half the
    entries were deleted copies, and a small library's segments were never merged: rankings
    differed from a fresh build's and every query walked twice the postings. 0.3 as Lucene's
    (`deletesPctAllowed`, 33% by default): fewer deletions cost little, and purging them
    rewrites the segments that hold them.
    """
    stored = index.doc_count_all()
    return bool(stored) and stored - index.doc_count() > WASTED_SHARE * stored


def should_purge(library: OpenIndex) -> bool:
    """Whether the index holds so many deleted documents (`wasteful`) that its segments are
    merged after an update, whatever its size, and this process can fork."""
    return (
        wasteful(library.index)
        and start_method() is not None
        and not multiprocessing.current_process().daemon
    )


def to_merge(segments: list[tuple[str, int, int]]) -> set[str]:
    """Which segments to merge into one, of (name, documents, deleted documents): the small
    ones and the wasteful (even one alone) when that leaves at most `MERGE_ABOVE` segments,
    else all."""
    total = sum(count for _, count, _ in segments)
    wasted = {name for name, count, deleted in segments if deleted > WASTED_SHARE * count}
    picked = wasted | {name for name, count, _ in segments if count < SMALL_SHARE * total}
    # One segment alone is worth rewriting only to leave its deleted documents out.
    if (len(picked) >= 2 or wasted) and len(segments) - len(picked) + 1 <= MERGE_ABOVE:
        return picked
    return {name for name, _, _ in segments}


def merge_segments(library: OpenIndex, cancelled: Callable[[], bool] | None = None) -> bool:
    """Merge segments of `library` (`to_merge`: after a build, all of them into one) in
    another process, at low priority. Call with the library's write lock held (see
    `OpenIndex.write_lock`).

    Returns whether the merge committed; False when cancelled, when another update waits for
    the write lock, or when it failed, and then the index is unchanged.
    """
    if (cancelled and cancelled()) or library.writer_waiting():
        return False
    chosen = to_merge(
        [
            (segment.segment_id(), segment.doc_count_all(), segment.deleted_count())
            for segment in whoosh_internals.segments(library.index)
        ]
    )
    release_free_memory()  # a forked merging process starts with every page this one holds
    process = context().Process(
        target=_merge, args=(str(library.index_dir), chosen, NICENESS), name="newsread-merge"
    )
    with main_hidden():
        process.start()
    try:
        while process.is_alive():
            process.join(0.2)
            if process.is_alive() and ((cancelled and cancelled()) or library.writer_waiting()):
                process.terminate()
                process.join(5)
    finally:
        if process.is_alive():
            process.kill()
            process.join()
    if process.exitcode != 0:
        library.abandon(None)
        shutil.rmtree(whoosh_internals.writer_temporary_folder(library.index), ignore_errors=True)
        return False
    library.record_files()
    return True


NICENESS = 19
"""The merging process's CPU priority: the lowest short of SCHED_IDLE, which on a busy machine
would never run and so hold the write lock for good. Passed to the process (a fork server's
child does not see this module as the indexing process changed it)."""


def lower_priority(niceness: int) -> None:
    os.nice(niceness)


def _merge(index_dir: str, chosen: set[str], niceness: int) -> None:
    """The merging process: lowest priority, quiet, gone with its parent."""
    from newsread.index.engine.open_index import WRITER_MEMORY_MB
    from newsread.index.engine.storage import PrivateStorage

    try:
        lower_priority(niceness)
        prepare_sub_writer()
        whoosh_internals.patch_whoosh()  # a fork server's child has not yet
        index = PrivateStorage(str(Path(index_dir))).open_index()
        writer = index.writer(compound=False, limitmb=WRITER_MEMORY_MB)  # as `OpenIndex.writer`
        if whoosh_internals.missing():  # the streamed merge reads posting blocks directly
            writer.commit(optimize=True)
        else:
            writer.commit(mergetype=whoosh_internals.merge_only(chosen))
    except BaseException:  # noqa: BLE001 - the parent sees the exit code; nothing on screen
        os._exit(1)
    os._exit(0)
