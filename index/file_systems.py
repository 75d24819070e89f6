"""Which file system a folder is on, where that changes how files there may be used."""

from __future__ import annotations

import os
import re
from pathlib import Path

SHARED_FILE_SYSTEMS = frozenset(
    "nfs nfs4 cifs smb3 smbfs 9p afs ceph lustre gpfs beegfs glusterfs ocfs2 gfs2 coda ncpfs "
    "davfs fuse.sshfs fuse.glusterfs fuse.ceph fuse.rclone fuse.s3fs fuse.gcsfuse".split()
)
"""File systems that computers share (a home folder on a file server, a cluster's storage,
WSL's Windows drives): SQLite's write-ahead log keeps its index in memory shared through a
file, which does not work between computers, so two sessions on two of them could damage a
database there: its databases keep a rollback journal instead."""


def shared_file_system(folder: Path, mountinfo: str | None = None) -> str:
    """The type of the shared file system (`SHARED_FILE_SYSTEMS`) `folder` is on, or "" (a
    local one, or not known: not Linux). `mountinfo` is /proc/self/mountinfo's text."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    where = os.path.realpath(folder)
    best, kind = "", ""
    for line in mountinfo.splitlines():
        fields, _, after = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not after:
            continue
        mount = _unescaped(parts[4])
        inside = where == mount or where.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):  # the last of a mount over another is seen
            best, kind = mount, after.split()[0]
    return kind if kind in SHARED_FILE_SYSTEMS else ""


def _unescaped(field: str) -> str:
    """A mountinfo path: space, tab, newline and backslash are written as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda code: chr(int(code.group(1), 8)), field)
