"""Whether the files of indexed articles are still as they were indexed.

The app brings its index up to date when it opens; a shell command answers from the index as
it is. For the few hits such a command prints, a stat each (no walk of the library) tells the
ones whose file was deleted or changed since.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsread.index.article import os_name
from newsread.index.engine.docstore import DocStore
from newsread.index.files.scan import change_stamp

DELETED = "deleted"
CHANGED = "changed"
UNREADABLE = "unreadable"
"""The user may no longer read the file (or enter its folder): on a shared server its owner
took their access away after they indexed it. What the index holds of it is not to be shown."""


def file_changes(root: Path, docs: DocStore, paths: Iterable[str]) -> dict[str, str]:
    """Path -> `DELETED`, `CHANGED` or `UNREADABLE` for those of `paths` (files as the index
    keys them) whose file is gone, differs from the one indexed or may no longer be read;
    files as indexed are left out.

    A file whose mtime (or ctime: `change_stamp`) changed but not its size is read for its
    digest, as indexing does: one only touched (copied back, restored) is as indexed.
    """
    found: dict[str, str] = {}
    for path in dict.fromkeys(paths):
        state = docs.file_state(path)
        if state is None or state.reason:
            continue  # not indexed as an article file: nothing of it was answered
        try:
            now = _open_stat(root, path)
        except PermissionError:
            found[path] = UNREADABLE
            continue
        except OSError:
            continue  # cannot tell (the disk failing): say nothing
        if now is None:
            found[path] = DELETED
        elif (change_stamp(now[1]), now[1].st_size) != (state.mtime_ns, state.size):
            if now[1].st_size != state.size or not _same_digest(now[0], state.digest):
                found[path] = CHANGED
    return found


def unreadable(root: Path, paths: Iterable[str]) -> set[str]:
    """Those of `paths` (files as the index keys them) the user may no longer read, or whose
    folder they may no longer enter: a stat and an open each, nothing read."""
    found: set[str] = set()
    for path in dict.fromkeys(paths):
        try:
            _open_stat(root, path)
        except PermissionError:
            found.add(path)
        except OSError:
            continue  # cannot tell (the disk failing): say nothing
    return found


def _open_stat(root: Path, key: str) -> tuple[Path, os.stat_result] | None:
    """`file_stat`, the file opened and closed again (nothing read).

    Raises:
        PermissionError: the user may not read the file, or enter its folder.
        OSError: whether the file is there cannot be told.
    """
    now = file_stat(root, key)
    if now is not None:
        os.close(os.open(now[0], os.O_RDONLY | os.O_NONBLOCK))
    return now


def file_stat(root: Path, key: str) -> tuple[Path, os.stat_result] | None:
    """The file indexed under `key` and its stat (links followed, as the walk does), or None
    when no regular file is there. A file whose name is not UTF-8 is filed under a key with
    its bytes escaped (`path_key`).

    Raises:
        OSError: whether the file is there cannot be told (a folder that cannot be entered).
    """
    for candidate in _names(key):
        file = root / candidate
        try:
            info = os.stat(file)
        except (FileNotFoundError, NotADirectoryError):
            continue
        if stat.S_ISREG(info.st_mode):
            return file, info
    return None


def _names(key: str) -> Iterator[str]:
    """`key` itself, then the name `path_key` turned into `key` when it escaped bytes."""
    yield key
    name = os_name(key)
    if name != key:
        yield name


def _same_digest(file: Path, digest: str) -> bool:
    from newsread.index.engine.indexer import digest_file

    try:
        now: str = digest_file(file)
    except OSError:
        return False
    return now == digest
