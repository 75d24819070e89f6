"""Walking a library folder: which article files are there, with their mtime and size."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsread.index.article import path_key
from newsread.index.files.reader import is_article_file, is_article_name


@dataclass
class ScanResult:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Relative posix path -> (change stamp in ns: `change_stamp`, size)."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, reason) for folders and links that could not be walked."""
    folders: set[str] = field(default_factory=set)
    """The paths in `problems` that are folders, not files."""
    os_paths: dict[str, str] = field(default_factory=dict)
    """Key -> the file's path as the OS spells it, for names that are not UTF-8 (`path_key`)."""
    other_kinds: dict[str, int] = field(default_factory=dict)
    """Files not of a kind newsread reads, by extension (".pdf": 12; "" for none): passed
    over, and said, so that a folder of PDFs is not a silent "no articles"."""
    folder: str | None = None
    """The root folder's identity, "device:inode" (None: it could not be read). A drive that
    is not mounted (or a bind mount undone) leaves its mount point: another, empty folder."""

    def locate(self, root: Path, rel: str) -> Path:
        """The file whose key is `rel`."""
        return Path(self.os_paths[rel]) if rel in self.os_paths else root / rel


def folder_problem(root: Path) -> str:
    """Why `root` cannot be a library's folder now, said plainly; "" when it is a folder."""
    if root.is_dir():
        return ""
    if root.exists():
        return f"{root} is not a folder"
    return f"{root} is missing (moved or renamed, or on a drive that is not mounted?)"


def scan_library(root: Path) -> ScanResult:
    """Every article file under `root`, found with one stat per entry (see `walk_library`)."""
    result = ScanResult()
    for _ in walk_library(root, result):
        pass
    return result


def walk_library(root: Path, result: ScanResult) -> Iterator[str]:
    """Walk `root`, recording every article file in `result` and yielding its key as it is
    found (a new library's first files are read before the walk of 100,000 ends).

    Symbolic links are followed wherever they point: a library is often a folder of links to
    collections kept elsewhere. Each real file and folder is read once, under its path in the
    library proper when it has one (links are walked after the real tree), and every link that
    is not followed says why: a loop, a second way to a file or folder already found, or a
    target that is gone. Hidden files and folders (".git", ".DS_Store") are not articles.
    """
    root = root.resolve()
    seen: dict[tuple[int, int], str] = {}  # (device, inode) -> where that file or folder is
    try:
        info = os.stat(root)
        seen[(info.st_dev, info.st_ino)] = "."
        result.folder = f"{info.st_dev}:{info.st_ino}"
    except OSError as error:
        result.problems.append((".", _reason(error)))
        result.folders.add(".")
        return
    stack: list[tuple[str, str]] = [(str(root), "")]
    links: list[tuple[str, str]] = []  # (OS path, relative path): walked after the real tree
    while stack or links:
        if not stack:
            path, rel = links.pop(0)
            try:
                target = _follow(path, rel, seen, result)
                if target is not None and target.is_dir():
                    stack.append((path, rel + "/"))
                elif target is not None and _add_file(path, rel, result):
                    yield path_key(rel)
            except OSError as error:
                result.problems.append((path_key(rel), _reason(error)))
            continue
        folder, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            unread = path_key(prefix.rstrip("/")) or "."
            result.problems.append((unread, _reason(error)))
            result.folders.add(unread)
            continue
        pages: set[str] | None = None  # worked out at the folder's first subfolder
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = path_key(prefix + name)
            try:
                if entry.is_symlink() or entry.is_dir():
                    pages = _saved_pages(entries) if pages is None else pages
                    if _resources_of(name, pages):
                        continue
                if entry.is_symlink():
                    links.append((entry.path, prefix + name))
                elif entry.is_dir():
                    if _first_time(entry.stat(), rel, True, seen, result):
                        stack.append((entry.path, prefix + name + "/"))
                elif entry.is_file() and is_article_name(name):
                    info = entry.stat()
                    if _first_time(info, rel, False, seen, result) and _add_file(
                        entry.path, prefix + name, result, info
                    ):
                        yield rel
                elif not entry.is_file() and is_article_name(name):
                    # Opening a named pipe would wait for a writer for ever.
                    result.problems.append((rel, NOT_A_FILE))
                elif entry.is_file():
                    kind = _extension(name)
                    result.other_kinds[kind] = result.other_kinds.get(kind, 0) + 1
            except OSError as error:
                result.problems.append((rel, _reason(error)))


def _extension(name: str) -> str:
    """A file name's extension in lower case (".pdf"), "" when it has none."""
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem and len(ext) <= 10 else ""


NOT_A_FILE = "neither a file nor a folder (a named pipe, a socket or a device)"
"""Why an entry named like an article is not read: it holds no text to read."""


RESOURCE_SUFFIXES = ("_files", "-dateien", "_dateien", "_fichiers", "_archivos", "_arquivos",
                     "_file", "-bestanden", "_bestanden", "-filer", "_pliki")  # fmt: skip
"""How browsers name the folder a page saved whole ("Web Page, complete") keeps its parts in:
"<page>_files" (Firefox, Chrome), localised by Internet Explorer and Edge."""


def _saved_pages(entries: list[os.DirEntry[str]]) -> set[str]:
    """Names, without their extension and folded, of the HTML pages among `entries`."""
    stems = (entry.name.rpartition(".") for entry in entries)
    return {stem.casefold() for stem, dot, ext in stems if dot and ext.lower() in ("html", "htm")}


def _resources_of(name: str, pages: set[str]) -> bool:
    """Whether `name` is the parts folder of a page saved beside it ("<page>_files"): its
    frames, ads and widgets are pages too, but none is an article."""
    folded = name.casefold()
    return any(folded.endswith(s) and folded[: -len(s)] in pages for s in RESOURCE_SUFFIXES)


def _follow(
    path: str, rel: str, seen: dict[tuple[int, int], str], result: ScanResult
) -> Path | None:
    """The target of the link at `path` if it is to be walked, else None with the reason why."""
    key = path_key(rel)
    try:
        target = Path(path).resolve(strict=True)
        info = target.stat()
    except FileNotFoundError:
        result.problems.append((key, "broken link: its target does not exist"))
        return None
    except (OSError, RuntimeError) as error:
        result.problems.append((key, _reason(error)))
        return None
    if target.is_file() and not is_article_file(Path(rel)) and not is_article_file(target):
        return None  # a link to something that is not an article, like any other such file
    if not target.is_dir() and not target.is_file():
        result.problems.append((key, "link to something that is neither a file nor a folder"))
        return None
    if not _first_time(info, key, target.is_dir(), seen, result):
        return None
    return target


def _first_time(
    info: os.stat_result,
    rel: str,
    folder: bool,
    seen: dict[tuple[int, int], str],
    result: ScanResult,
) -> bool:
    """Whether this file or folder is met for the first time; if not, the problem is noted."""
    first = seen.setdefault((info.st_dev, info.st_ino), rel)
    if first == rel:
        return True
    if folder:
        result.folders.add(rel)
    if folder and (first == "." or rel.startswith(first + "/")):
        result.problems.append((rel, "symbolic link loop (a folder that contains itself)"))
    else:
        result.problems.append(
            (rel, f"same {'folder' if folder else 'file'} as {first}, read there")
        )
    return False


def _add_file(path: str, rel: str, result: ScanResult, info: os.stat_result | None = None) -> bool:
    """Record the file at `path` (`info`: its stat, when the walk has it already); False when
    its key is taken."""
    key = path_key(rel)
    if key in result.files:
        result.problems.append((key, "same name as another file once escaped"))
        return False
    if info is None:
        info = os.stat(path)
    result.files[key] = (change_stamp(info), info.st_size)
    if key != rel:
        result.os_paths[key] = path
    return True


def change_stamp(info: os.stat_result) -> int:
    """When a file last changed, in ns: its mtime, or its inode's change time when later. An
    edit that keeps the mtime (a tool that restores it, `touch -d`, a copy put back with
    `cp -p`) and the size too changes only the ctime, which no tool sets; a chmod or a rename
    changes it as well, and the digest then finds the text as it was."""
    return max(info.st_mtime_ns, info.st_ctime_ns)


def _reason(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while scanning"
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        return "symbolic link loop"
    return error.strerror or type(error).__name__ if isinstance(error, OSError) else str(error)
