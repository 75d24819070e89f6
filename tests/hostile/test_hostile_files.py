"""Hostile files in a library: indexing finishes, each problem is listed once with its reason,
everything readable is searchable, and links are followed once each.

Every file is generated here, in a temporary folder; the 50 MB and 200 MB files cost no time
(the 50 MB one is real text written in one call, the 200 MB one sparse).
"""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import write_article
from hostile_helpers import assert_no_traceback, assert_terminal_safe, run_cli

from newsread.index.engine import indexer
from newsread.index.engine.indexer import IndexSummary
from newsread.index.files.reader import MAX_FILE_BYTES
from newsread.index.library import Library

BODY = "The harbour master of Kelmor counted {n} ships at the quay this morning."


def _update(root: Path) -> tuple[Library, IndexSummary]:
    library = Library(root).open()
    return library, library.update()


def _reasons(summary: IndexSummary) -> dict[str, str]:
    counts = Counter(path for path, _ in summary.skipped)
    assert all(n == 1 for n in counts.values()), f"listed more than once: {summary.skipped}"
    return dict(summary.skipped)


def _titles(library: Library, query: str) -> list[str]:
    return [hit.title for hit in library.search(query, limit=50).hits]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(root, "good.txt", "A good article", BODY.format(n=12))
    return root


# -- contents ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\r\n\t \n", "blank file (only whitespace)"),
        (bytes(range(256)) * 64, "binary file (contains NUL bytes)"),
        # Random-looking bytes without a single NUL are told by their control bytes.
        (bytes((n * 7919 + 13) % 255 + 1 for n in range(8192)), "binary file (control bytes)"),
        (b"%PDF-1.7\n" + bytes(range(1, 256)) * 8, "binary file (PDF)"),
    ],
    ids=["empty", "blank", "garbage-with-nuls", "garbage-without-nuls", "pdf"],
)
def test_unreadable_content_is_skipped_with_its_reason_once(
    root: Path, data: bytes, reason: str
) -> None:
    (root / "hostile.txt").write_bytes(data)
    library, summary = _update(root)
    assert _reasons(summary) == {"hostile.txt": reason}
    assert summary.indexed == 1 and _titles(library, "harbour") == ["A good article"]
    # Reported again, still once, by the next run (which does not read the file again).
    assert _reasons(library.update()) == {"hostile.txt": reason}


def test_nul_bytes_inside_text_are_dropped_and_the_article_kept(root: Path) -> None:
    text = "Stray NUL title\n\n" + BODY.format(n=3) + "\n\nA damaged\x00 sector left a NUL.\n"
    (root / "nul.txt").write_bytes(text.encode())
    library, summary = _update(root)
    assert summary.skipped == () and summary.indexed == 2
    [article] = library.find("nul.txt")
    assert "\x00" not in article.body and "A damaged sector left a NUL." in article.body


def test_invalid_utf8_keeps_the_good_text_and_marks_the_bad_bytes(root: Path) -> None:
    text = "Dépêche du matin\n\nLe maire a déclaré que le port était ouvert à tous les navires."
    (root / "broken.txt").write_bytes(text.encode() + b" Fin \xff\xfe\xc3 du texte.\n")
    library, summary = _update(root)
    assert summary.skipped == ()
    [article] = library.find("broken.txt")
    assert article.title == "Dépêche du matin"
    assert "déclaré que le port était ouvert" in article.body
    assert "Fin \ufffd" in article.body and article.body.endswith("du texte.")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(root: Path, encoding: str) -> None:
    text = "Wide title\n\nКельмор: " + BODY.format(n=40) + "\n"
    (root / "wide.txt").write_bytes(text.encode(encoding))  # "utf-16" writes a BOM
    library, summary = _update(root)
    assert summary.skipped == ()
    [article] = library.find("wide.txt")
    assert article.title == "Wide title"
    assert article.body == "Кельмор: " + BODY.format(n=40)


def test_mixed_line_endings_are_all_line_breaks(root: Path) -> None:
    paragraphs = (
        "The first paragraph ends its lines the Windows way,\r\nwith a carriage return.",
        "The second ends them the old Macintosh way,\rwith a bare carriage return.",
        "The third ends them the Unix way,\nwith a line feed alone.",
    )
    data = "Mixed line endings in one file\r\n\r\n" + "\r\r".join(paragraphs[:2])
    (root / "mixed.txt").write_bytes((data + "\n\n" + paragraphs[2] + "\r\n").encode())
    library, summary = _update(root)
    assert summary.skipped == ()
    [article] = library.find("mixed.txt")
    assert article.title == "Mixed line endings in one file"
    assert article.paragraphs == tuple(" ".join(p.split()) for p in paragraphs)


_PEAK_OF_AN_UPDATE = """
import json, resource, sys
from pathlib import Path
from newsread.index.library import Library
library = Library(Path(sys.argv[1])).open()
library.update()  # parsers imported and warm: only the big file is measured
# A paragraph a line (~1 KB), as saved text keeps them: what is measured is the 20 MB cut and
# indexed, not 300,000 one-sentence lines each checked for a byline and page furniture (with
# those this test took 1.45x as long, side by side).
paragraph = b"Lorem ipsum dolor sit amet, harbour consectetur adipiscing elit. " * 16 + b"\\n"
text = b"A huge harbour report\\n\\n" + paragraph * (50_000_000 // len(paragraph) + 1)
(library.root / "huge.txt").write_bytes(text)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
summary = library.update()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grew_kb": after - before, "skipped": summary.skipped, "cut": summary.cut}))
"""


def test_a_50mb_text_file_is_cut_at_the_stated_limit_and_indexed(root: Path) -> None:
    assert MAX_FILE_BYTES == 20_000_000  # the stated limit; the note names it
    # Peak RSS of a child process, not tracemalloc: tracing every allocation of a 20 MB
    # article's indexing tripled this test's time (99 s against 33 s).
    child = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_AN_UPDATE, str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    measured = json.loads(child.stdout)
    assert measured["skipped"] == []
    assert measured["cut"] == [["huge.txt", "cut to its first 20 MB (50 MB file)"]]
    assert measured["grew_kb"] * 1024 < 600_000_000, f"peak RSS grew {measured['grew_kb']:,} KB"
    library = Library(root).open()
    assert sorted(_titles(library, "harbour")) == [
        "A good article",
        "A huge harbour report",
    ]
    [article] = library.find("huge.txt")
    assert sum(len(p) for p in article.paragraphs) <= MAX_FILE_BYTES


def test_a_200mb_file_is_skipped_with_its_reason(root: Path) -> None:
    with open(root / "sparse.txt", "wb") as file:
        file.truncate(200_000_000)
    library, summary = _update(root)
    assert _reasons(summary) == {"sparse.txt": "too large (200 MB > 100 MB limit)"}
    assert summary.indexed == 1


def test_deeply_nested_html_is_indexed_or_skipped_quickly(root: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Nested page</title></head><body>"
        + "<div>" * 100_000
        + "<p>Deep inside the harbour wall.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    (root / "nested.html").write_text(page)
    library, summary = _update(root)
    # lxml stops nesting at 256 levels, so the text is still there (and no RecursionError).
    assert summary.skipped == ()
    assert sorted(_titles(library, "harbour")) == ["A good article", "Nested page"]


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_json_nested_100000_levels_is_skipped(root: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    (root / "nested.json").write_text(opening * 100_000 + "1" + closing * 100_000)
    library, summary = _update(root)
    assert _reasons(summary) == {"nested.json": "invalid JSON: nested too deeply"}


def test_a_truncated_gz_is_read_as_far_as_it_goes_and_said_cut(root: Path) -> None:
    text = "Zipped title\n\n" + "\n\n".join(BODY.format(n=n) for n in range(2000)) + "\n"
    whole = gzip.compress(text.encode())
    (root / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    library, summary = _update(root)
    assert _reasons(summary) == {}
    assert summary.cut == (("cut.txt.gz", "a truncated gzip file, read as far as it goes"),)
    assert _titles(library, "zipped") == ["Zipped title"]


# -- names ---------------------------------------------------------------------------------------

NAMES = {
    "spaces": "with some  spaces.txt",
    "newline": "new\nline.txt",
    "escapes": "\x1b]0;pwned\x07\x1b[31mred.txt",
    "markup": "[bold]x[@click=app.quit]q.txt",
}


def test_hostile_file_names_are_indexed_and_printed_safely(root: Path, newsread_home: Path) -> None:
    for n, name in enumerate(NAMES.values()):
        (root / name).write_text(f"Named {n}\n\nThe ferry {n} of Kelmor sailed at dawn.\n")
    # Bytes that are not UTF-8: the OS hands them to Python as lone surrogates.
    bad = os.fsencode(str(root)) + b"/caf\xe9 \xff.txt"
    with open(bad, "wb") as file:
        file.write(b"Latin-1 named\n\nThe ferry 9 of Kelmor sailed at dawn.\n")

    library, summary = _update(root)
    assert summary.skipped == () and summary.indexed == 6
    keys = {hit.path for hit in library.search("ferry", limit=10).hits}
    assert keys == {*NAMES.values(), "caf\\xe9 \\xff.txt"}  # the undecodable bytes escaped
    [article] = library.find("caf\\xe9 \\xff.txt")
    assert article.title == "Latin-1 named"
    # ... and by its name as the OS gives it (a shell's tab completion, a script's argument).
    as_given = os.fsdecode(b"caf\xe9 \xff.txt")
    assert library.find(as_given) == [article]
    assert library.similar(as_given).query.startswith("like: ")
    # A second run finds every file unchanged, including the one whose name was escaped.
    assert library.update().unchanged == 6
    library.close()

    for command in (["index", str(root)], ["search", "ferry", "-l", str(root), "-n", "9"]):
        result = run_cli(*command, home=newsread_home)
        assert result.returncode == 0, result.stderr
        assert_no_traceback(result)
        out = assert_terminal_safe(result.stdout)
        assert_terminal_safe(result.stderr)
    assert "[bold]x[@click=app.quit]q.txt" in out
    assert "caf\ufffd \ufffd.txt" in out  # its odd bytes shown as ls shows them, not escaped
    assert "new line.txt" in out and "]0;pwned" not in out
    shown = run_cli("show", as_given, "-l", str(root), home=newsread_home)
    assert_no_traceback(shown)
    assert shown.returncode == 0, shown.stderr
    assert assert_terminal_safe(shown.stdout).startswith("Latin-1 named\n")


# -- links ---------------------------------------------------------------------------------------


def test_symlinks_are_followed_once_each_and_loops_say_so(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_article(outside, "elsewhere.txt", "Elsewhere", "The zanzibarian ferry is here.")
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to("..")  # a folder that contains itself
    (root / "self.txt").symlink_to("self.txt")  # a link to itself
    (root / "gone.txt").symlink_to("nowhere.txt")
    (root / "out-dir").symlink_to(outside)  # a library assembled from links: followed
    (root / "sub" / "out-file.txt").symlink_to(outside / "elsewhere.txt")
    (root / "sub" / "alias.txt").symlink_to("../good.txt")

    library, summary = _update(root)
    assert _reasons(summary) == {
        "sub/loop": "symbolic link loop (a folder that contains itself)",
        "self.txt": "symbolic link loop",
        "gone.txt": "broken link: its target does not exist",
        "sub/out-file.txt": "same file as out-dir/elsewhere.txt, read there",
        "sub/alias.txt": "same file as good.txt, read there",
    }
    [found] = library.search("zanzibarian").hits
    assert found.path == "out-dir/elsewhere.txt"
    assert [a.path for a in library.find("good.txt")] == ["good.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX named pipes")
def test_a_named_pipe_with_an_article_s_name_is_skipped_and_says_why(root: Path) -> None:
    """A FIFO named like an article (a `mkfifo` left by a script, a socket) is never opened,
    as opening it would wait for a writer for ever; it is listed with its reason, as a link
    to one is, not passed over without a word."""
    os.mkfifo(root / "pipe.txt")
    os.mkfifo(root / "control")  # named as no article is: passed over as any such file
    (root / "to-pipe.txt").symlink_to("pipe.txt")
    library, summary = _update(root)
    assert _reasons(summary) == {
        "pipe.txt": "neither a file nor a folder (a named pipe, a socket or a device)",
        "to-pipe.txt": "link to something that is neither a file nor a folder",
    }
    assert [a.path for a in library.find("good.txt")] == ["good.txt"]


# -- permissions ---------------------------------------------------------------------------------


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make opening `denied` fail as a chmod 000 file does for anyone but root."""
    real_open = builtins.open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)) and Path(file) == denied:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)


def test_an_unreadable_file_is_skipped(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_article(root, "locked.txt", "Locked", BODY.format(n=1))
    _deny(monkeypatch, root / "locked.txt")
    library, summary = _update(root)
    assert _reasons(summary) == {"locked.txt": "permission denied"}
    assert _titles(library, "harbour") == ["A good article"]


def test_an_unreadable_folder_is_skipped(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_article(root, "private/inside.txt", "Inside", BODY.format(n=1))
    denied = str((root / "private").resolve())
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path) == denied:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    library, summary = _update(root)
    assert _reasons(summary) == {"private": "permission denied"}
    assert _titles(library, "harbour") == ["A good article"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_chmod_000_file_and_folder_are_skipped(root: Path) -> None:
    write_article(root, "locked.txt", "Locked", BODY.format(n=1))
    write_article(root, "private/inside.txt", "Inside", BODY.format(n=2))
    (root / "locked.txt").chmod(0)
    (root / "private").chmod(0)
    try:
        library, summary = _update(root)
    finally:
        (root / "private").chmod(0o700)
    assert _reasons(summary) == {"locked.txt": "permission denied", "private": "permission denied"}


# -- files that change while indexed -------------------------------------------------------------


def test_a_file_removed_between_scan_and_read_is_skipped(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(root, "doomed.txt", "Doomed", BODY.format(n=2))
    real_walk = indexer.walk_library

    def walk_then_delete(folder: Path, result: object) -> Iterator[str]:
        for key in real_walk(folder, result):  # type: ignore[arg-type]
            if key == "doomed.txt":
                (root / "doomed.txt").unlink()
            yield key

    monkeypatch.setattr(indexer, "walk_library", walk_then_delete)
    library, summary = _update(root)
    assert _reasons(summary) == {"doomed.txt": "vanished while indexing"}
    monkeypatch.undo()
    # The next run forgets it: it is no longer there to be skipped.
    assert library.update().skipped == ()


def test_files_that_vanish_or_change_while_being_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(root, "a-vanishes.txt", "Vanishes", BODY.format(n=1))
    write_article(root, "b-grows.txt", "Grows", BODY.format(n=2))
    real_read = indexer.read_articles

    def read_and_meddle(path: Path, library_root: Path) -> object:
        if path.name == "a-vanishes.txt":
            path.unlink()
        found = real_read(path, library_root)
        if path.name == "b-grows.txt":
            with open(path, "a") as file:
                file.write("\nA late paragraph about the lighthouse.\n")
        return found

    monkeypatch.setattr(indexer, "read_articles", read_and_meddle)
    library, summary = _update(root)
    assert _reasons(summary) == {"a-vanishes.txt": "vanished before it could be read"}
    monkeypatch.undo()

    again = library.update()  # the grown file is read again; nothing is doubled
    assert again.indexed == 1 and again.skipped == ()
    assert _titles(library, "lighthouse") == ["Grows"]
    assert sorted(_titles(library, "harbour")) == ["A good article", "Grows"]


# -- everything at once, through the CLI ---------------------------------------------------------


def test_a_library_of_every_hostile_file_indexes_and_stays_usable(
    root: Path, tmp_path: Path, newsread_home: Path
) -> None:
    (root / "empty.txt").write_bytes(b"")
    (root / "garbage.txt").write_bytes(bytes(range(256)) * 16)
    with open(root / "sparse.txt", "wb") as file:
        file.truncate(200_000_000)
    (root / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    (root / "cut.txt.gz").write_bytes(gzip.compress(b"x" * 5000)[:20])
    (root / "loop").symlink_to(".")
    (root / "\x1b]0;pwned\x07.txt").write_text("Title \x1b]52;c;ZXZpbA==\x07\n\nKelmor.\n")

    result = run_cli("index", str(root), home=newsread_home)
    assert result.returncode == 0
    assert_no_traceback(result)
    out = assert_terminal_safe(result.stdout)
    assert_terminal_safe(result.stderr)
    assert "2 indexed (2 articles)" in out and "6 skipped" in out
    for line in (
        "skipped empty.txt: empty file",
        "skipped garbage.txt: binary file (contains NUL bytes)",
        "skipped sparse.txt: too large (200 MB > 100 MB limit)",
        "skipped nested.json: invalid JSON: nested too deeply",
        "skipped cut.txt.gz: truncated gzip file",
        "skipped loop: symbolic link loop",
    ):
        assert out.count(line) == 1, out

    found = run_cli("search", "kelmor", "-l", str(root), home=newsread_home)
    assert found.returncode == 0 and b"2 articles match" in found.stdout
    assert_terminal_safe(found.stdout)
