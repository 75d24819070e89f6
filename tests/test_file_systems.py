"""Folders on file systems that computers share, and the databases kept there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import write_article

from newsread.index import Library
from newsread.index.engine import docstore
from newsread.index.file_systems import shared_file_system

MOUNTS = r"""22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
30 22 0:40 / /home rw,relatime shared:5 - nfs4 files:/export/home rw,vers=4.2
31 30 8:17 / /home/ann/local\040disk rw - xfs /dev/sdb1 rw
32 22 0:41 / /mnt/c rw,noatime - 9p drvfs rw
33 22 0:42 / /srv/notes rw - fuse.sshfs ann@files:/notes rw
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/ann/.local/share/newsread", "nfs4"),
        ("/home", "nfs4"),
        ("/homework", ""),  # not under /home
        ("/home/ann/local disk/newsread", ""),  # a local disk mounted inside the share
        ("/mnt/c/Users/ann", "9p"),  # WSL's Windows drive
        ("/srv/notes/x", "fuse.sshfs"),
        ("/var/lib", ""),
    ],
)
def test_a_folder_on_a_file_system_computers_share_is_known_by_its_mount(
    folder: str, kind: str
) -> None:
    assert shared_file_system(Path(folder), MOUNTS) == kind


def test_a_librarys_article_store_on_a_shared_file_system_keeps_a_rollback_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index in a cache folder on a file server: its article store keeps no write-ahead
    log (see `file_systems`), and the library is indexed, searched and updated as anywhere."""
    root = tmp_path / "library"
    write_article(root, "a.txt", "Harbour council meets", "The harbour council met today.")
    monkeypatch.setattr(docstore, "shared_file_system", lambda folder: "nfs4")
    library = Library(root, tmp_path / "index").open()
    try:
        library.update()
        write_article(root, "b.txt", "Grain quota raised", "The harbour grain quota rose.")
        assert library.update().indexed == 1
        assert library.search("harbour").total == 2
        with sqlite3.connect(library.docs.path) as other:
            assert other.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        library.close()
