"""`read_article_parts`: a large JSON or JSON Lines export read whole, a window at a time.

The oracle is `read_articles` reading the same file whole (no size limit): every article, its
key, fields and order, and the note on what was left out, must be the same whatever the window
size, the document's shape, its layout, and where the windows' ends fall (inside a string, a
number, a key, a multi-byte character).
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from newsread.index.article import Article
from newsread.index.errors import UnreadableFile
from newsread.index.files.formats.jsonfile import JsonStream
from newsread.index.files.reader import read_article_parts, read_articles

WORDS = (
    "council bridge voted Tuesday engineers cracks supports mayor repairs months statement "
    'Zürich café naïve Ελλάδα Москва 東京 مرحبا emoji 🎉 quotes " back\\slash tab\t'
).split(" ")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _item(rng: random.Random, n: int) -> dict[str, object]:
    """An article as news APIs give it; now and then one with no text, or odd fields."""
    item: dict[str, object] = {"title": f"Item {n}: {_text(rng, 4)}"}
    kind = rng.random()
    if kind < 0.08:
        return item  # a title only: left out, and said
    item["body"] = "\n\n".join(_text(rng, rng.randint(5, 60)) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.5:
        item["publishedAt"] = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00Z"
    if rng.random() < 0.4:
        item["author"] = rng.choice(["Jane Doe", "Ann Lee, Bo Ma", "Zoë Ünal"])
    if rng.random() < 0.3:
        item["score"] = rng.choice([0, 17, -3.25, 1e21, 123456789])  # numbers at a window's end
    if rng.random() < 0.2:
        item["tags"] = [_text(rng, 1) for _ in range(rng.randint(0, 3))]
    return item


def _document(rng: random.Random, shape: str, items: list[dict[str, object]]) -> str:
    indent = rng.choice([None, None, 2])
    ascii_only = rng.random() < 0.3

    def dump(value: object) -> str:
        return json.dumps(value, indent=indent, ensure_ascii=ascii_only)

    if shape == "lines":
        lines = [json.dumps(item, ensure_ascii=ascii_only) for item in items]
        for _ in range(rng.randint(0, 3)):  # bad lines and blank ones, where people have them
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", "{broken", "not json"]))
        return rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n"])
    if shape == "array":
        return dump(items)
    if shape == "news-api":
        return dump({"status": "ok", "totalResults": len(items), "articles": items})
    if shape == "guardian":
        return dump({"response": {"status": "ok", "total": len(items), "results": items}})
    if shape == "elastic":
        hits = [{"_id": str(n), "_source": item} for n, item in enumerate(items)]
        return dump({"took": 3, "hits": {"total": len(items), "hits": hits}})
    raise AssertionError(shape)


def _parted(path: Path, root: Path, part_bytes: int) -> tuple[list[Article], str]:
    parts = read_article_parts(path, root, max_bytes=part_bytes, part_bytes=part_bytes)
    articles = [article for part in parts for article in part]
    return articles, parts.note


SHAPES = ["lines", "array", "news-api", "guardian", "elastic"]


@pytest.mark.parametrize("seed", range(40))
def test_a_file_read_in_parts_gives_what_reading_it_whole_gives(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    shape = SHAPES[seed % len(SHAPES)]
    items = [_item(rng, n) for n in range(rng.randint(2, 40))]
    document = _document(rng, shape, items).encode()
    suffix = ".jsonl" if shape == "lines" and rng.random() < 0.7 else ".json"
    packed = rng.random() < 0.3
    path = tmp_path / f"export{suffix}{'.gz' if packed else ''}"
    path.write_bytes(gzip.compress(document) if packed else document)
    try:
        whole = read_articles(path, tmp_path, max_bytes=10**9)
    except UnreadableFile as error:  # a .json file whose first line is not JSON
        with pytest.raises(UnreadableFile, match="invalid JSON"):
            _parted(path, tmp_path, len(document) // 3)
        assert "invalid JSON" in str(error)
        return
    said = whole[0].extra.get("cut", "")
    # Windows of any size over the largest article's (which a real window, 4 MB, always is).
    item = 2 * max(len(_document(random.Random(seed), "array", [i]).encode()) for i in items)
    for part_bytes in sorted({item + rng.randint(0, 50), item + rng.randint(50, 3000)}):
        if part_bytes >= len(document):
            continue
        articles, note = _parted(path, tmp_path, part_bytes)
        case = f"{shape}, {suffix}, gzip {packed}, windows of {part_bytes} bytes"
        assert [a.key for a in articles] == [a.key for a in whole], case
        for got, want in zip(articles, whole, strict=True):
            assert got == want, f"{case}: {want.key}"
        assert note == said, case


def test_a_file_of_many_articles_is_read_a_window_at_a_time(tmp_path: Path) -> None:
    """A 35 MB JSON Lines export was cut to its first 20 MB, a 52 MB JSON array skipped."""
    items = [{"title": f"Item {n}", "body": f"Words in the body of item {n}."} for n in range(300)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"status": "ok", "articles": items}))
    parts = read_article_parts(path, tmp_path, max_bytes=1000, part_bytes=1000)
    sizes = [len(part) for part in parts]
    assert len(sizes) > 10 and max(sizes) < 40  # a window's articles at a time
    assert sum(sizes) == 300 and parts.note == ""


def test_a_small_file_is_one_part_as_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "A", "body": "Some words."}\n{"title": "B"}\n')
    parts = read_article_parts(path, tmp_path)
    [part] = list(parts)
    assert [a.key for a in part] == ["a.jsonl#1"]
    assert parts.note == "1 of its 2 articles left out, no text (#2)"


@pytest.mark.parametrize(
    "tail",
    [
        '{"title": "Last", "bo',  # a download cut short
        '{"title": "Last", "body": "x"}, <html>oops</html>]}',
    ],
)
def test_a_document_broken_further_on_keeps_what_came_before(tmp_path: Path, tail: str) -> None:
    items = [{"title": f"Item {n}", "body": f"Words of item {n}."} for n in range(40)]
    document = json.dumps({"articles": items})[:-2] + ", " + tail
    path = tmp_path / "cut.json"
    path.write_text(document)
    articles, note = _parted(path, tmp_path, 200)
    whole = [f"Item {n}" for n in range(40)] + ([] if tail.endswith("bo") else ["Last"])
    assert [a.title for a in articles] == whole
    said = "invalid JSON or cut short"
    assert note == f"{said}: {len(whole)} articles read, those after them not"


def test_a_gzip_export_cut_short_keeps_its_whole_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"title": f"T{n}", "body": f"Text {n}."}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    articles, note = _parted(path, tmp_path, 500)
    assert 50 < len(articles) < 200
    assert [a.title for a in articles] == [f"T{n}" for n in range(len(articles))]
    said = "a truncated gzip file, read as far as it goes"
    assert note.startswith(f"{said}: {len(articles)} articles read, those after them not")


def test_one_huge_article_is_cut_as_before(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "One", "body": "Words in the body. " * 200}))
    with pytest.raises(UnreadableFile, match="unreadable when cut: invalid JSON"):
        list(read_article_parts(path, tmp_path, max_bytes=1000, part_bytes=1000))


def test_a_line_longer_than_a_window_is_left_out_and_said(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": f"T{n}", "body": "word " * (400 if n == 3 else 5)}) for n in range(9)
    ]
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles, note = _parted(path, tmp_path, 300)
    assert [a.title for a in articles] == [f"T{n}" for n in range(9) if n != 3]
    assert note == (
        "1 of its 9 articles left out, invalid JSON: a line over 300 characters at line 4"
    )


def test_a_window_ending_inside_a_number_waits_for_the_rest() -> None:
    stream = JsonStream(lines=False, max_carry=10)
    assert stream.feed('[{"title": "A", "n": 12') == []
    assert stream.feed('345}, {"title": "B", "n": 6') == [[{"title": "A", "n": 12345}]]
    assert stream.feed("7}]", final=True) == [[{"title": "B", "n": 67}]]
    assert stream.finished and stream.stopped == ""
