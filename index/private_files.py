"""Files and folders only their owner can read: the one way newsread creates them.

Notes, drafts, session state and the index hold what a user read and wrote, often on a shared
server. Permissions must not depend on the caller's umask (an app embedding `newsread.index`
may not have set one): folders are created 0700 and files 0600 from the start, never widened
and then narrowed.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def make_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) readable by the user alone (0700)."""
    missing = []
    parent = path
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    # Each folder newsread creates is private, not only the last (`mkdir(parents=True)`
    # creates the others with the umask's mode).
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True, mode=0o700)
    try:
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
    except OSError:
        pass  # not ours to change (e.g. a shared NEWSREAD_HOME); creation already used 0700
    return path


def create_private_file(path: Path | str) -> None:
    """Create the file 0600 if it does not exist (an existing file is left as it is)."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, readable by the user alone (0600): a temporary file
    in the same folder (`mkstemp` creates it 0600), synced, then renamed over `path`."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def owned_private_dir(path: Path) -> bool:
    """Create `path` (0700) if missing; whether it is a real folder (no symlink) of this user
    alone: in a shared folder (/tmp) another user may have made it first."""
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        status = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.getuid()
        and stat.S_IMODE(status.st_mode) & 0o077 == 0
    )
