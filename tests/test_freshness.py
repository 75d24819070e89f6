"""`Library.file_changes`: which hits' files are no longer as indexed, a stat each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsread.index.library import Library


def test_a_file_is_deleted_changed_or_as_indexed(small_library: Path) -> None:
    library = Library(small_library).open()
    library.update()
    names = ["kelmor-harbour.txt", "grain/sanctions.txt", "flood.txt"]
    assert library.file_changes(names) == {}
    (small_library / "kelmor-harbour.txt").unlink()
    with open(small_library / "grain" / "sanctions.txt", "a") as edited:
        edited.write("A line more.\n")
    flood = small_library / "flood.txt"
    os.utime(flood, ns=(flood.stat().st_atime_ns, flood.stat().st_mtime_ns + 10**9))
    assert library.file_changes(names) == {
        "kelmor-harbour.txt": "deleted",
        "grain/sanctions.txt": "changed",
    }  # flood.txt was only touched: its bytes are those indexed
    flood.unlink()
    flood.mkdir()  # a folder where the file was is no file
    assert library.file_changes(["flood.txt"]) == {"flood.txt": "deleted"}
    library.close()


def test_a_file_named_in_bytes_that_are_not_utf8_is_found_by_its_escaped_key(
    small_library: Path,
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    shutil.copy(small_library / "flood.txt", small_library / name)
    library = Library(small_library).open()
    library.update()
    key = "caf\\xe9.txt"
    assert library.find(key)  # the key the index files it under
    assert library.file_changes([key]) == {}
    assert library.has_file(key)  # the app opens it (it used to say the file was deleted)
    (small_library / name).unlink()
    assert library.file_changes([key]) == {key: "deleted"}
    assert not library.has_file(key)
    library.close()
