"""Whose are newsread's folders: what another user left in them stops this user's newsread.

`sudo newsread` keeps HOME on many systems: root then writes the index and the notes into the
user's home, owner-only (0700, 0600) and root's, and the user's next newsread cannot read them.
Two users pointing XDG_DATA_HOME (or NEWSREAD_HOME) at one folder meet the same wall. Both
are found before anything is opened, and said with the way out; root is kept from writing
into another user's folders in the first place.

Permissions are read from the mode bits, as the kernel reads them for a user without
privileges; a file another user owns but this one may read is no trouble.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from newsread.index import paths

_READ, _SEARCH = 4, 1


def _owner_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _may(info: os.stat_result, wanted: int) -> bool:
    """Whether this user's mode bits on `info` grant all of `wanted` (4 read, 1 search)."""
    if info.st_uid == os.geteuid():
        bits = info.st_mode >> 6
    elif info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        bits = info.st_mode >> 3
    else:
        bits = info.st_mode
    return bits & wanted == wanted


def _blocked_by(folder: Path) -> Path | None:
    """The first folder or file, on the way to `folder` or in it, that another user owns and
    this one may not read (or, a folder, search); None when there is none."""
    for prefix in (*reversed(folder.parents), folder):
        try:
            info = prefix.lstat()
        except OSError:
            return None  # not there yet: newsread creates it, or says why it cannot
        wanted = _READ | _SEARCH if prefix == folder else _SEARCH
        if stat.S_ISDIR(info.st_mode) and not _may(info, wanted):
            return prefix if info.st_uid != os.geteuid() else None
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            entry = Path(top, name)
            try:
                info = entry.lstat()
            except OSError:
                continue
            wanted = _READ | _SEARCH if stat.S_ISDIR(info.st_mode) else _READ
            if not stat.S_ISLNK(info.st_mode) and not _may(info, wanted):
                if info.st_uid != os.geteuid():
                    return entry
    return None


def _folders() -> Sequence[tuple[Path, str]]:
    """newsread's folders, each with the environment variable that moves it ("" for none)."""
    home = "NEWSREAD_HOME" if os.environ.get("NEWSREAD_HOME") else ""
    return [
        (paths.data_dir(), home or ("XDG_DATA_HOME" if os.environ.get("XDG_DATA_HOME") else "")),
        (paths.cache_dir(), home or ("XDG_CACHE_HOME" if os.environ.get("XDG_CACHE_HOME") else "")),
        (
            paths.config_dir(),
            home or ("XDG_CONFIG_HOME" if os.environ.get("XDG_CONFIG_HOME") else ""),
        ),
    ]


def _as_root() -> str:
    """Root about to write into another user's folders (HOME kept by sudo): why not, or ""."""
    for folder, _ in _folders():
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is None:
            continue
        owner = existing.stat().st_uid
        if owner != 0:
            name = _owner_name(owner)
            return (
                f"running as root, but {existing} is {name}'s: the index and notes "
                f"it wrote there would be root's, and {name}'s own newsread could not read "
                f"them. Run it as {name} (without sudo), or with root's own home (sudo -H)"
            )
    return ""


def _own_home() -> Path | None:
    """This user's home folder, as the account database has it (not $HOME), or None."""
    try:
        import pwd

        return Path(pwd.getpwuid(os.geteuid()).pw_dir).resolve()
    except (ImportError, KeyError, OSError):
        return None


def ownership_problem() -> str:
    """What another user's files in newsread's folders (or root's, writing into a user's)
    stop newsread from doing, with the way out; "" when nothing does."""
    if not hasattr(os, "geteuid"):
        return ""
    if os.geteuid() == 0:
        return _as_root()
    found = [(path, folder, name) for folder, name in _folders() if (path := _blocked_by(folder))]
    if not found:
        return ""
    blocked, _, variable = found[0]
    owner = blocked.lstat().st_uid
    # Newsread's folder whole, or the folder above it that blocks the way.
    tops = list(dict.fromkeys(f if f == p or f in p.parents else p for p, f, _ in found))
    home = _own_home()
    if owner == 0 and home is not None and all(home in top.resolve().parents for top in tops):
        return (
            f"{blocked} is root's and newsread may not read it (left by a `sudo newsread` that "
            f"kept HOME?). Give it back: sudo chown -R {_owner_name(os.geteuid())}: "
            + " ".join(map(str, tops))
        )
    # Not in this user's home (HOME another's, after `sudo -u you` kept it; a shared folder):
    # nothing there is theirs to take.
    return (
        f"{blocked} is {_owner_name(owner)}'s and newsread may not read it: each user's index "
        f"and notes are their own (folders 0700). Set {variable or 'HOME'} to a folder of yours"
    )
