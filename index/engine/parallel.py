"""Indexing on several cores with Whoosh's multi-process writer, made safe to interrupt.

Analysis and posting sorting are pure Python, so one process uses one core: a full build of
10,000 articles took 60 s with one writer and 31 s with two sub-writers (`procs=2,
multisegment=True`; measured with tests/benchmarks/bench.py). Whoosh's `MpWriter` forks its
sub-writers, and as shipped they
- print a traceback on Ctrl+C (they get the terminal's SIGINT too),
- wait forever on their job queue when the main process is killed, and
- fail silently: a sub-writer that dies loses its documents from the commit.
`patch_sub_writers` fixes the first two; the indexer checks every commit's document count
for the third (see `newsread.index.engine.indexer`).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
import warnings
from contextlib import suppress
from itertools import islice
from pathlib import Path
from typing import Any

from newsread.index.engine import whoosh_internals
from newsread.index.engine.schema import analysed_words, remember_analysed

PARALLEL_MIN_FILES = 200
"""Updates reading fewer files index in this process: starting sub-writers costs more."""
PROCESSES_VARIABLE = "NEWSREAD_INDEX_PROCESSES"
MAX_PROCESSES = 4
"""More sub-writers than this mostly add memory (each sorts up to 128 MB of postings)."""


def index_processes() -> int:
    """How many sub-writers a large update uses; 1 means index in this process.

    `NEWSREAD_INDEX_PROCESSES` overrides the number of usable CPUs. Only where
    multiprocessing forks (Linux up to Python 3.13): the sub-writers inherit the open index
    instead of re-importing the program, and a daemonic process may not have children.
    """
    wanted = os.environ.get(PROCESSES_VARIABLE, "").strip()
    try:
        count = int(wanted) if wanted else _usable_cpus()
    except ValueError:
        count = _usable_cpus()
    if count < 2 or multiprocessing.current_process().daemon:
        return 1
    if multiprocessing.get_start_method() != "fork":
        return 1
    return min(count, MAX_PROCESSES)


def release_free_memory() -> bool:
    """Give the memory this process freed back to the system, before it forks sub-writers or
    a merge: each starts with every page the parent holds, and counts it again.

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


def patch_sub_writers() -> None:
    """Make Whoosh's forked sub-writers quiet, interrupt-safe and orphan-free, and hand the
    words they analysed to the next batch's (`adopt_analysed_words`)."""
    whoosh_internals.patch_sub_writers(prepare_sub_writer, leave_analysed_words)
    # Python 3.12+ warns about forking a process that has threads (the CLI's progress bar).
    # The sub-writers only read job files and write segments; they touch no inherited lock.
    warnings.filterwarnings(
        "ignore", message=r".*multi-threaded, use of fork\(\)", category=DeprecationWarning
    )


WORDS_SUFFIX = ".newsread-words"


def leave_analysed_words(folder: str) -> None:
    """In a sub-writer that has written its segment: leave the words it folded and stemmed in
    `folder` for the parent (`adopt_analysed_words`).

    Each batch's sub-writers are new processes, forked from the parent; without this each one
    stemmed the library's whole vocabulary again (porter2 in Python: a quarter of a
    sub-writer's CPU in a 10k build's profile). Best effort: a failure costs only time.
    """
    path = os.path.join(folder, f"{os.getpid()}{WORDS_SUFFIX}")
    words = analysed_words()
    # Insertion order: what this process added comes after what it inherited at the fork.
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
    (`leave_analysed_words`), so that the next batch's sub-writers, forked from it, start
    with them; and delete the files (also those a killed update left)."""
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
"""The process this one was forked from (set in the parent at each fork): a sub-writer that
starts after its parent was killed must not take its new parent (init) for it."""


def _note_fork() -> None:
    global _forked_from
    _forked_from = os.getpid()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(before=_note_fork)


def prepare_sub_writer() -> None:
    """In a forked sub-writer (or merger), before its work: the parent decides about Ctrl+C
    (it cancels the writer and stops us), and the child ends if the parent dies."""
    global _inherited_words
    _inherited_words = len(analysed_words())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(_forked_from)


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
