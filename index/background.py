"""Indexing in a separate process, so the app stays responsive.

Whoosh is pure Python: indexing in a thread holds the GIL and stalls the UI's event loop for
tens of milliseconds at a time. A spawned process indexes instead and reports back through a
pipe; the caller's callbacks run in the caller's thread, exactly as with `Library.update`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from newsread.index.engine.indexer import IndexSummary, Progress
from newsread.index.library import LibraryError

_PROGRESS_INTERVAL = 0.1
"""Seconds between progress reports sent over the pipe (a report per file is too many)."""


def update_in_subprocess(
    root: Path,
    index_dir: Path,
    *,
    on_progress: Callable[[Progress], object] | None = None,
    on_commit: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IndexSummary:
    """Bring the library's index up to date in a child process; see `Library.update`."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=True)
    # Not daemonic: a daemonic process may not start sub-writers (newsread.index.engine.parallel).
    # The `finally` below stops it however this function ends.
    process = context.Process(
        target=_child, args=(str(root), str(index_dir), theirs), name="newsread-index"
    )
    # A host that replaced sys.stderr (Textual does, with no real file descriptor) makes
    # multiprocessing's helper processes fail to start: give them the real one.
    with contextlib.redirect_stderr(sys.__stderr__ or sys.stderr):
        process.start()
    theirs.close()
    asked_to_stop = False
    try:
        while True:
            if cancelled and cancelled() and not asked_to_stop:
                ours.send("cancel")
                asked_to_stop = True
            if ours.poll(0.05):
                try:
                    kind, payload = ours.recv()
                except EOFError:
                    raise LibraryError(_died(process)) from None
                if kind == "progress" and on_progress:
                    on_progress(payload)
                elif kind == "commit" and on_commit:
                    on_commit(payload)
                elif kind == "done":
                    return payload  # type: ignore[no-any-return]
                elif kind == "error":
                    raise LibraryError(payload)
            elif not process.is_alive():
                raise LibraryError(_died(process))
    finally:
        ours.close()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()


def _died(process: Any) -> str:
    process.join(timeout=1)
    return f"the indexing process stopped unexpectedly (exit code {process.exitcode})"


def _child(root: str, index_dir: str, conn: Connection) -> None:
    """The indexing process: nothing it prints may reach the app's terminal."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.umask(0o077)
    if sys.platform.startswith("linux"):
        # Spawned, this process inherited "spawn" as its start method; its sub-writers
        # (newsread.index.engine.parallel) are forked, as in `newsread index`. Nothing else runs here.
        multiprocessing.set_start_method("fork", force=True)
    from newsread.index.library import Library

    last = 0.0
    stop = False

    def progress(report: Progress) -> None:
        nonlocal last
        now = time.monotonic()
        if report.phase != "reading" or now - last >= _PROGRESS_INTERVAL:
            last = now
            conn.send(("progress", report))

    def cancelled() -> bool:
        nonlocal stop
        while not stop and conn.poll():
            stop = conn.recv() == "cancel"
        return stop

    try:
        library = Library(Path(root), Path(index_dir)).open()
        summary = library.update(
            on_progress=progress, on_commit=lambda n: conn.send(("commit", n)), cancelled=cancelled
        )
        library.close()
        conn.send(("done", summary))
    except LibraryError as error:
        conn.send(("error", str(error)))
    except OSError as error:
        conn.send(("error", f"indexing failed: {error.strerror or error}"))
    except Exception as error:  # noqa: BLE001 - reported to the app as one line, not a traceback
        conn.send(("error", f"indexing failed: {type(error).__name__}: {error}"))
