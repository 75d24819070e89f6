"""Walking a library folder: which article files are there, with their mtime and size."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newsread.index.files.reader import is_article_file, path_key


@dataclass
class ScanResult:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Relative posix path -> (mtime_ns, size)."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, reason) for folders and links that could not be walked."""
    os_paths: dict[str, str] = field(default_factory=dict)
    """Key -> the file's path as the OS spells it, for names that are not UTF-8 (`path_key`)."""

    def locate(self, root: Path, rel: str) -> Path:
        """The file whose key is `rel`."""
        return Path(self.os_paths[rel]) if rel in self.os_paths else root / rel


def scan_library(root: Path, *, follow_outside_links: bool = False) -> ScanResult:
    """Every article file under `root`, found with one stat per entry.

    Symbolic links are followed only while they stay inside the library (unless
    `follow_outside_links`); link loops are detected by (device, inode) of folders.
    Hidden files and folders (".git", ".DS_Store") are not articles.
    """
    result = ScanResult()
    root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        here = path_key(prefix.rstrip("/")) or "."
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen_dirs:
                result.problems.append((here, "symbolic link loop"))
                continue
            seen_dirs.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(folder))
        except OSError as error:
            result.problems.append((here, _reason(error)))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = path_key(prefix + name)
            try:
                if entry.is_symlink():
                    target = Path(entry.path).resolve()
                    if not follow_outside_links and not target.is_relative_to(root):
                        result.problems.append((rel, "link points outside the library"))
                        continue
                if entry.is_dir():
                    stack.append((entry.path, prefix + name + "/"))
                elif entry.is_file() and is_article_file(Path(name)):
                    stat = entry.stat()
                    if rel in result.files:
                        result.problems.append((rel, "same name as another file once escaped"))
                        continue
                    result.files[rel] = (stat.st_mtime_ns, stat.st_size)
                    if rel != prefix + name:
                        result.os_paths[rel] = entry.path
            except (OSError, RuntimeError) as error:
                result.problems.append((rel, _reason(error)))
    return result


def _reason(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while scanning"
    if isinstance(error, RuntimeError):
        return "symbolic link loop"
    return error.strerror or type(error).__name__ if isinstance(error, OSError) else str(error)
