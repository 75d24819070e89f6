"""Whoosh's file storage, made private and checkable: newsread's one way to the index files.

Whoosh creates files with `open()` and folders with `os.makedirs`, so their modes follow the
caller's umask; an app embedding `newsread.index` may not have set one. `PrivateStorage`
creates every file 0600 and every folder 0700 whatever the umask.

`file_sizes` and `damaged_file` let the library notice a segment file that was deleted or
cut short since the commit that wrote it (a full disk, a crash, a careless clean-up) when it
opens the index, rather than mid-search.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util import random_name

from newsread.index.engine.whoosh_internals import segments
from newsread.index.private_files import create_private_file, make_private_dir

_CREATE = os.O_CREAT | os.O_RDWR | getattr(os, "O_BINARY", 0)


class PrivateStorage(FileStorage):  # type: ignore[misc]
    """A Whoosh `FileStorage` whose files are 0600 and folders 0700."""

    def create(self) -> PrivateStorage:
        make_private_dir(Path(self.folder))
        return self

    def create_file(self, name: str, excl: bool = False, mode: str = "wb", **kwargs: Any) -> Any:
        if self.readonly:
            return super().create_file(name, excl, mode, **kwargs)  # raises ReadOnlyError
        flags = _CREATE | (os.O_EXCL if excl else os.O_TRUNC)
        handle = os.fdopen(os.open(self._fpath(name), flags, 0o600), mode)
        return StructFile(handle, name=name, **kwargs)

    def lock(self, name: str) -> Any:
        if not self.readonly:
            create_private_file(self._fpath(name))  # Whoosh's lock would create it 0755
        return super().lock(name)

    def temp_storage(self, name: str | None = None) -> PrivateStorage:
        name = name or f"{random_name()}.tmp"
        return PrivateStorage(os.path.join(self.folder, name)).create()


def segment_files(index: Any) -> dict[str, int]:
    """Name -> size of every file of the index's current segments."""
    prefixes = tuple(segment.segment_id() + "." for segment in segments(index))
    folder = Path(index.storage.folder)
    sizes = {}
    for entry in os.scandir(folder):
        if entry.name.startswith(prefixes):
            sizes[entry.name] = entry.stat().st_size
    return sizes


def damaged_file(index: Any, recorded: Mapping[str, int]) -> str:
    """Why a file of the index's current segments differs from `recorded`, or ""."""
    prefixes = tuple(segment.segment_id() + "." for segment in segments(index))
    folder = Path(index.storage.folder)
    for name, size in recorded.items():
        if not name.startswith(prefixes):
            continue  # a segment merged away since (files written later are not recorded)
        try:
            actual = (folder / name).stat().st_size
        except FileNotFoundError:
            return f"its file {name} is missing"
        if actual != size:
            return f"its file {name} is damaged ({actual:,} bytes, not {size:,})"
    return ""
