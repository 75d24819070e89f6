"""Indexing on several cores with Whoosh's multi-process writer, made safe to interrupt.

Analysis and posting sorting are pure Python, so one process uses one core: a full build of
10,000 articles took 60 s with one writer and 31 s with two sub-writers (`procs=2,
multisegment=True`; measured with tests/benchmarks/bench.py). Whoosh's `MpWriter` forks its
sub-writers, and as shipped they
- print a traceback on Ctrl+C (they get the terminal's SIGINT too),
- wait forever on their job queue when the main process is killed,
- fail silently: a sub-writer that dies loses its documents from the commit, and
- start with every page of the indexing process, which by then holds 130-250 MB (the date
  parser's compiled patterns, the scan's file table, the parsers, glibc's kept heap): each
  sub-writer's memory counted it again, and the build's tree of processes held ~600 MB at
  100,000 articles.
`ParallelWriter` fixes the first, second and fourth: its `SubWriter`s (and the merge, see
`newsread.index.engine.merging`) start from multiprocessing's fork server, a small process
that has imported only the index's writing code, not from the indexing process; the words
analysed so far go with each one (`analysed_words`, marshalled). The indexer checks every commit's
document count for the third (see `newsread.index.engine.indexer`).
"""

from __future__ import annotations

import json
import marshal
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask

from newsread.index.engine import whoosh_internals
from newsread.index.engine.schema import analysed_words, remember_analysed

PARALLEL_MIN_FILES = 200
"""Updates reading fewer files index in this process: starting sub-writers costs more."""
PROCESSES_VARIABLE = "NEWSREAD_INDEX_PROCESSES"
MAX_PROCESSES = 4
"""More sub-writers than this mostly add memory (each sorts up to 128 MB of postings)."""


START_METHOD = "forkserver"
"""How sub-writers and the merge start (`context`): from multiprocessing's fork server, or
"fork" from the indexing process itself, carrying all it holds (130-250 MB at 100,000
articles) and all it changed since it started (tests that change the index's code or settings
for a build in this process, e.g. the posting block size, need that: `forked_children` in
tests/conftest.py)."""


def start_method() -> str | None:
    """`START_METHOD` if this platform has it, else "fork" if it has that, else None."""
    methods = multiprocessing.get_all_start_methods()
    for method in (START_METHOD, "fork"):
        if method in methods:
            return method
    return None


def context() -> Any:
    """The multiprocessing context sub-writers and the merge start in (see `start_method`).

    The fork server is a fresh interpreter, started once per process when first used, that
    imports this module (and through it Whoosh's writer and the index's schema) and forks a
    child for each process asked of it: a child starts at ~30 MB, whatever the indexing
    process holds."""
    method = start_method()
    if method == "forkserver":
        # Only what a sub-writer or the merge runs; not __main__ (the app, a test runner).
        multiprocessing.set_forkserver_preload([__name__])
    elif method == "fork":
        # Python 3.12+ warns about forking a process that has threads (the CLI's progress
        # bar). The sub-writers only read job files and write segments; they touch no
        # inherited lock.
        warnings.filterwarnings(
            "ignore", message=r".*multi-threaded, use of fork\(\)", category=DeprecationWarning
        )
    return multiprocessing.get_context(method)


@contextmanager
def main_hidden() -> Iterator[None]:
    """While a process starts: without its importing this program's main module first.

    A process of the fork server (as of "spawn") runs the main script again, as
    `__mp_main__`, before its work: a script that indexes without an `if __name__ ==
    "__main__"` guard would index again in each sub-writer. Sub-writers and the merge need
    nothing of it (what they run is in newsread's modules), so the main module is hidden
    while the process is started (the process object is pickled then)."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def index_processes() -> int:
    """How many sub-writers a large update uses; 1 means index in this process.

    `NEWSREAD_INDEX_PROCESSES` overrides the number of usable CPUs. Only where multiprocessing
    can fork (`start_method`), and not in a daemonic process, which may not have children.
    """
    wanted = os.environ.get(PROCESSES_VARIABLE, "").strip()
    try:
        count = int(wanted) if wanted else _usable_cpus()
    except ValueError:
        count = _usable_cpus()
    if count < 2 or multiprocessing.current_process().daemon or start_method() is None:
        return 1
    return min(count, MAX_PROCESSES)


def release_free_memory() -> bool:
    """Give the memory this process freed back to the system, between batches (and, when
    sub-writers are forked from this process, before each fork: each starts with every page
    the parent holds, and counts it again).

    Python's allocator asks glibc for small blocks, and glibc keeps the freed ones in its
    heap; a build's parent, after reading and grouping thousands of articles, held ~2.5x the
    memory it used. `malloc_trim` returns the free pages inside that heap. Returns whether it
    ran (glibc only)."""
    import ctypes
    import ctypes.util

    global _malloc_trim
    if _malloc_trim is None:
        try:
            _malloc_trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError, TypeError):
            _malloc_trim = False
    if not _malloc_trim:
        return False
    _malloc_trim(0)
    return True


_malloc_trim: Any = None
"""glibc's `malloc_trim`, once looked up (False: not there)."""


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ParallelWriter(MpWriter):  # type: ignore[misc]
    """Whoosh's multi-process writer (one segment per sub-writer), whose sub-writers are
    `SubWriter`s started in `context()`."""

    def __init__(self, index: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(index, procs=procs, multisegment=True, **kwargs)
        self.start_method = start_method()
        # The queues the sub-writers share must be of the context they start in.
        self.jobqueue = context().Queue(self.procs * 4)
        self.resultqueue = context().Queue()
        self._words: bytes | None = None
        """The analysed words, for sub-writers that do not inherit them (made once)."""

    def _new_task(self) -> SubWriter:
        if self._words is None and self.start_method != "fork":
            # marshal, not pickle with the process: pickle's memo of ~300,000 objects left
            # ~28 MB in this process's heap at each sub-writer's start (glibc kept it).
            self._words = marshal.dumps(analysed_words())
        task = SubWriter(
            self.start_method,
            self._words,
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task


class SubWriter(SubWriterTask):  # type: ignore[misc]
    """Whoosh's sub-writer, quiet, interrupt-safe and orphan-free, that hands the words it
    analysed to the next batch's (`leave_analysed_words`) and starts with those analysed
    before it (`words`, marshalled: the fork server's children do not inherit them; None
    when forked)."""

    def __init__(self, method: str | None, words: bytes | None, *args: Any) -> None:
        super().__init__(*args)
        self.method = method
        self.words = words

    def start(self) -> None:
        with main_hidden():
            super().start()

    @staticmethod
    def _Popen(process: Any) -> Any:
        return multiprocessing.get_context(process.method).Process._Popen(process)

    def run(self) -> None:
        prepare_sub_writer(self.words)
        try:
            whoosh_internals.patch_whoosh()  # the fork server's child has not yet
            super().run()
            leave_analysed_words(self.storage.folder)
        except BaseException:  # noqa: BLE001 - the parent sees the missing documents
            os._exit(1)  # no traceback on the user's terminal


WORDS_SUFFIX = ".newsread-words"


def leave_analysed_words(folder: str) -> None:
    """In a sub-writer that has written its segment: leave the words it folded and stemmed in
    `folder` for the parent (`adopt_analysed_words`).

    Each batch's sub-writers are new processes, which start with the words the parent has;
    without this each one stemmed the library's whole vocabulary again (porter2 in Python: a
    quarter of a sub-writer's CPU in a 10k build's profile). Best effort: a failure costs
    only time.
    """
    path = os.path.join(folder, f"{os.getpid()}{WORDS_SUFFIX}")
    words = analysed_words()
    # Insertion order: what this process added comes after what it started with.
    fresh = dict(
        islice(words.items(), _inherited_words if _inherited_words <= len(words) else 0, None)
    )
    with suppress(OSError, ValueError):
        data = json.dumps(fresh, ensure_ascii=False, separators=(",", ":"))
        handle = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogatepass") as file:
            file.write(data)
        os.replace(path + ".tmp", path)


def adopt_analysed_words(folder: Path) -> None:
    """In the parent, after a multi-process commit: take the words its sub-writers analysed
    (`leave_analysed_words`), so that the next batch's sub-writers start with them; and
    delete the files (also those a killed update left)."""
    for path in folder.glob(f"*{WORDS_SUFFIX}*"):
        with suppress(OSError, ValueError, TypeError, AttributeError):  # not what we wrote
            if path.name.endswith(WORDS_SUFFIX):
                words = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
                remember_analysed(
                    {
                        word: (folded, stemmed)
                        for word, (folded, stemmed) in words.items()
                        if isinstance(folded, str) and isinstance(stemmed, str | None)
                    }
                )
        with suppress(OSError):
            path.unlink()


_inherited_words = 0
"""How many analysed words a sub-writer had from its parent when it started."""

_forked_from = os.getpid()
"""The process this one was forked from (set in the parent at each fork: the indexing
process, or the fork server, which ends with it): a sub-writer that starts after its parent
was killed must not take its new parent (init) for it."""


def _note_fork() -> None:
    global _forked_from
    _forked_from = os.getpid()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(before=_note_fork)


def prepare_sub_writer(words: bytes | None = None) -> None:
    """In a sub-writer (or merger), before its work: the parent decides about Ctrl+C (it
    cancels the writer and stops us), and the child ends if the parent dies (the indexing
    process, or the fork server, which ends when that does). `words`: the analysed words
    the indexing process had, marshalled (a fork server's child does not inherit them)."""
    global _inherited_words
    if words is not None:
        with suppress(ValueError, EOFError, TypeError):  # only time is lost
            remember_analysed(marshal.loads(words))
    _inherited_words = len(analysed_words())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _let_go_of_fork_server()
    # This module imported after the fork (a fork server that did not preload it): the
    # parent is the one we have now.
    _exit_with_parent(os.getppid() if _forked_from == os.getpid() else _forked_from)


def _let_go_of_fork_server() -> None:
    """Close this child's copy of the pipe whose end tells the fork server that the indexing
    process is gone. multiprocessing gives one to each of the fork server's children (so
    that they could use it too); while they held it, a killed indexing process left the fork
    server running, and so its children, which watch it (a forked child inherits a copy too
    when this process had started one)."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    held = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(held, int):
        with suppress(OSError):
            os.close(held)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]


def _exit_with_parent(parent: int) -> None:
    """Exit when the parent dies (killed, it never sends the job queue's end marker)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newsread-parent-watch").start()


def stop_sub_writers(writer: Any) -> None:
    """End a cancelled multi-process writer's sub-writers now, not after their queued jobs."""
    for task in getattr(writer, "tasks", ()):
        if task.is_alive():
            task.terminate()
        task.join(timeout=5)
