"""A JSON Lines file that grows (a scraper's, an export job's): only the appended lines are read.

The oracle is `read_articles` reading the file whole after every change: the index and the
article store must hold exactly its articles (keys, fields, order of numbers), however the file
changed (lines appended, a line written half and finished later, a line edited, the file cut or
rewritten, bad and blank lines, CRLF, a line holding several articles), whether it was read
whole or in parts, with windows of any size, and after an update stopped mid-file. The fast path must also be the one taken where
it can be: a clean append reads only the new lines.
"""

from __future__ import annotations

import json
import os
import random
from functools import partial
from pathlib import Path

import pytest

from newsread.index.article import Article
from newsread.index.engine import indexer
from newsread.index.errors import UnreadableFile
from newsread.index.files import reader
from newsread.index.files.reader import appended_lines, read_articles
from newsread.index.library import Library
from tests.test_reader_parts import _item


def _line(rng: random.Random, n: int) -> str:
    """One line of a JSON Lines export: mostly an article, now and then something else."""
    kind = rng.random()
    if kind < 0.06:
        return rng.choice(["{broken", "not json", '{"title": "cut off'])
    if kind < 0.1:
        return rng.choice(["", "   "])
    if kind < 0.14:  # several articles on one line, as a feed's page
        return json.dumps({"articles": [_item(rng, n), _item(rng, n + 1000)]})
    if kind < 0.16:
        return json.dumps({"status": "ok", "page": n})  # no article
    return json.dumps(_item(rng, n), ensure_ascii=rng.random() < 0.3)


def _lines(rng: random.Random, first: int, count: int, eol: str) -> str:
    return "".join(_line(rng, n) + eol for n in range(first, first + count))


def _change(rng: random.Random, data: bytes, n: int, eol: str) -> tuple[str, bytes]:
    """A change people's files go through; most often lines appended."""
    kind = rng.choice(
        ["append"] * 6 + ["half", "finish", "edit", "truncate", "rewrite", "no-eol", "prepend"]
    )
    if kind == "append":
        return kind, data + _lines(rng, n, rng.randint(1, 6), eol).encode()
    if kind == "half":  # a line being written when the update reads the file
        whole = _lines(rng, n, 1, eol).encode()
        return kind, data + whole[: rng.randint(1, max(1, len(whole) - 2))]
    if kind == "finish":  # the rest of a line written half, or more lines
        return kind, data + (b"" if data.endswith(b"\n") else b'"}' + eol.encode()) + (
            _lines(rng, n, rng.randint(0, 2), eol).encode()
        )
    if kind == "edit" and data.count(b"\n") > 1:
        lines = data.split(b"\n")
        at = rng.randrange(len(lines) - 1)
        lines[at] = _line(rng, n).encode()
        return kind, b"\n".join(lines) + _lines(rng, n + 1, 1, eol).encode()
    if kind == "truncate":
        return kind, data[: rng.randrange(len(data) + 1)] + _lines(rng, n, 2, eol).encode()
    if kind == "no-eol":  # a last line with no line break, then more after it
        return kind, data + _line(rng, n).encode() + b"\n" + _lines(rng, n + 1, 1, eol).encode()
    if kind == "prepend":
        return kind, _lines(rng, n, 1, eol).encode() + data
    return "rewrite", _lines(rng, n, rng.randint(1, 8), eol).encode()


def _stored(library: Library) -> dict[str, Article]:
    return library.docs.articles(sorted(library.docs.all_keys()))


def _searchable(library: Library) -> list[str]:
    with library.index.searcher() as searcher:
        return sorted(fields["key"] for fields in searcher.all_stored_fields())


def _expected(path: Path, root: Path) -> dict[str, Article]:
    try:
        return {a.key: a for a in read_articles(path, root, max_bytes=10**9)}
    except UnreadableFile:
        return {}


@pytest.mark.parametrize("seed", range(20))  # 392 seeds passed when written
def test_a_growing_json_lines_file_holds_what_reading_it_whole_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    root = tmp_path / "library"
    root.mkdir()
    (root / "other.txt").write_text("A note\n\nOther text that stays as it is.\n")
    part_bytes = rng.choice([12_000, 25_000, reader.PART_BYTES])  # over twice any line
    if part_bytes < reader.PART_BYTES:  # read in parts: windows end anywhere
        parts = partial(reader.read_article_parts, max_bytes=part_bytes, part_bytes=part_bytes)
        monkeypatch.setattr(indexer, "read_article_parts", parts)
        monkeypatch.setattr(
            indexer, "read_appended", partial(reader.read_appended, part_bytes=part_bytes)
        )
    eol = rng.choice(["\n", "\n", "\r\n"])
    path = root / rng.choice(["feed.jsonl", "feed.ndjson", "feed.json"])
    data = _lines(
        rng, 1, rng.randint(1, 8 if part_bytes == reader.PART_BYTES else 40), eol
    ).encode()
    library = Library(root).open()
    history = []
    for step in range(rng.randint(3, 6)):
        grows = False
        if step:
            kind, new = _change(rng, data, 100 * step, eol)
            history.append(kind)
            grows = kind == "append" and _ends_with_an_article(data)
            data = new
        path.write_bytes(data)
        os.utime(path, ns=(step * 10**9 + 10**18, step * 10**9 + 10**18))  # a new mtime
        if rng.random() < 0.3:  # the app quit mid-way: asked before each file and part
            asks = iter(range(rng.randint(1, 6), -1, -1))
            library.update(cancelled=lambda asks=asks: next(asks, 0) == 0)
        before = set(library.docs.all_keys())
        summary = library.update()
        want = _expected(path, root)
        case = f"seed {seed}, changes {history}, windows {part_bytes}"
        got = {k: a for k, a in _stored(library).items() if a.path == path.name}
        assert list(got) == sorted(want), case
        for key, article in want.items():
            assert got[key] == article, f"{case}: {key}"
        assert _searchable(library) == sorted([*want, "other.txt"]), case
        if grows and any("#" in key for key in before):
            # Lines appended after a line that gave an article: only they were read.
            assert set(summary.reread) == set(want) - before, case


def _ends_with_an_article(data: bytes) -> bool:
    """Whether `data` ends a line, its last line with text being an article with text."""
    lines = [line for line in data.split(b"\n") if line.strip()]
    if not data.endswith(b"\n") or not lines:
        return False
    try:
        value = json.loads(lines[-1])
    except ValueError:
        return False
    return isinstance(value, dict) and "body" in value


def _feed(root: Path, count: int) -> Path:
    path = root / "feed.jsonl"
    lines = [
        json.dumps({"title": f"Story {n}", "text": f"Body of story {n}, marker{n}."})
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_appended_lines_are_read_alone_and_numbered_on(tmp_path: Path) -> None:
    """A 105 MB JSON Lines file a scraper appended to was read again whole on every change:
    16 minutes of CPU, its articles missing from searches until the re-read reached them."""
    root = tmp_path / "library"
    root.mkdir()
    path = _feed(root, 5)
    library = Library(root).open()
    library.update()
    with path.open("a") as file:
        file.write(json.dumps({"title": "Story 5", "text": "Body of story 5, marker5."}) + "\n")
    summary = library.update()
    assert (summary.indexed, summary.articles, summary.reread) == (1, 1, ("feed.jsonl#6",))
    assert library.search("marker5").total == 1
    assert library.search("marker0").total == 1
    assert library.update().unchanged == 1


def test_a_line_written_half_is_read_whole_once_it_is_finished(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    path = _feed(root, 3)
    library = Library(root).open()
    with path.open("a") as file:
        file.write('{"title": "Story 3", "text": "Body of sto')
    first = library.update()
    assert "invalid JSON" in dict(first.cut)["feed.jsonl"]
    with path.open("a") as file:
        file.write('ry 3, marker3."}\n')
    summary = library.update()
    assert library.search("marker3").total == 1
    assert summary.articles == 4  # read whole: its last line was not the one read
    assert sorted(library.docs.all_keys()) == [f"feed.jsonl#{n}" for n in range(1, 5)]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda data: data.replace(b"Story 1", b"Story X") + b"\n", id="edited"),
        pytest.param(lambda data: data[:-1] + b" \n{}\n", id="last line changed"),
        pytest.param(lambda data: b"\n" + data, id="prepended"),
    ],
)
def test_a_file_changed_before_its_end_is_not_taken_as_grown(
    tmp_path: Path, change: object
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    path = _feed(root, 3)
    library = Library(root).open()
    library.update()
    state = library.docs.file_state("feed.jsonl")
    last = library.docs.last_article("feed.jsonl")
    assert state is not None and last is not None and last.key == "feed.jsonl#3"
    data = path.read_bytes()
    path.write_bytes(change(data))  # type: ignore[operator]
    found = appended_lines(path, root, size=state.size, digest=state.digest, last=last)
    assert found is None or found.start == len(data)  # only the line appended after it
    if found is None:
        return
    assert found.number == 3


def test_a_file_that_grows_while_it_is_read_in_parts_keeps_what_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines a scraper appends while a large file is read are read by the next update, once."""
    root = tmp_path / "library"
    root.mkdir()
    path = _feed(root, 60)
    parts = partial(reader.read_article_parts, max_bytes=500, part_bytes=500)
    grown = False

    def reading(*args: object, **kwargs: object) -> reader.ArticleParts:
        nonlocal grown
        if not grown:  # the scan saw 60 lines; 2 more come as the file is read
            grown = True
            with path.open("a") as file:
                file.write('{"title": "Story 60", "text": "Body 60, marker60."}\n')
                file.write('{"title": "Story 61", "text": "Body 61, marker61."}\n')
        return parts(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexer, "read_article_parts", reading)
    library = Library(root).open()
    assert library.update().articles == 60
    assert library.search("marker60").total == 0
    summary = library.update()
    assert (summary.articles, summary.reread) == (2, ("feed.jsonl#61", "feed.jsonl#62"))
    assert library.search("marker60").total == 1
    assert library.docs.count() == 62


def test_lines_another_update_read_after_this_one_planned_are_not_read_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes (the app's indexing child, `newsread index`): one plans, the other reads
    the appended lines and commits before the first takes the lock."""
    root = tmp_path / "library"
    root.mkdir()
    path = _feed(root, 3)
    Library(root).open().update()
    with path.open("a") as file:
        file.write('{"title": "Story 3", "text": "Body of story 3, marker3."}\n')
    real_plan = indexer._plan
    other = Library(root).open()

    def planned_then_overtaken(library: Library, scan: object) -> object:
        plan = real_plan(library, scan)  # type: ignore[arg-type]
        monkeypatch.setattr(indexer, "_plan", real_plan)
        assert other.update().articles == 1  # the other process, in between
        return plan

    monkeypatch.setattr(indexer, "_plan", planned_then_overtaken)
    library = Library(root).open()
    library.update()
    assert library.search("marker3").total == 1
    assert _searchable(library) == [f"feed.jsonl#{n}" for n in range(1, 5)]
    assert library.docs.count() == 4
