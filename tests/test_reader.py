"""`read_articles`: from a file to `Article` records, the format picked by content."""

from __future__ import annotations

import base64
import gzip
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsread.index.article import stable_id
from newsread.index.errors import UnreadableFile
from newsread.index.files.reader import (
    SUPPORTED_SUFFIXES,
    is_article_file,
    original_address,
    read_articles,
)

BODY = (
    "The council voted on Tuesday to close the old bridge to traffic after engineers found "
    "cracks in two of its supports."
)
SECOND = "Repairs are expected to take at least six months, the mayor said in a statement."

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><title>Bridge closed | Town Crier</title>
<meta property="og:title" content="Bridge closed after cracks found">
<meta property="og:site_name" content="Town Crier">
<link rel="canonical" href="https://towncrier.example/news/bridge-closed">
</head><body><article><h1>Bridge closed after cracks found</h1>
<p>{BODY}</p><p>{SECOND}</p></article></body></html>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_one(path: Path, root: Path) -> object:
    (article,) = read_articles(path, root)
    return article


def unreadable_reason(path: Path, root: Path, **kwargs: int) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_articles(path, root, **kwargs)
    return str(caught.value)


# --- records ---------------------------------------------------------------------------


def test_text_file_gives_one_article_keyed_by_relative_posix_path(tmp_path: Path) -> None:
    path = write(
        tmp_path / "world" / "europe" / "bridge.txt", f"Bridge closed\n\n{BODY}\n\n{SECOND}\n"
    )
    (article,) = read_articles(path, tmp_path)
    assert article.key == "world/europe/bridge.txt"
    assert article.path == "world/europe/bridge.txt"
    assert article.format == "text"
    assert article.title == "Bridge closed"
    assert article.paragraphs == (BODY, SECOND)
    assert article.language == "en"
    assert article.id == stable_id("", "Bridge closed", [BODY, SECOND])


def test_html_page_fields_and_id_from_its_url(tmp_path: Path) -> None:
    article = read_articles(write(tmp_path / "bridge.html", HTML_PAGE), tmp_path)[0]
    assert article.format == "html"
    assert article.title == "Bridge closed after cracks found"
    assert article.source == "Town Crier"
    assert article.url == "https://towncrier.example/news/bridge-closed"
    assert article.language == "en"
    assert article.paragraphs == (BODY, SECOND)
    assert article.id == stable_id(article.url, "", [])


def test_json_array_gives_numbered_keys(tmp_path: Path) -> None:
    items = [
        {"title": "One", "text": BODY, "published": "2021-03-04T05:06:07Z"},
        {"title": "Two", "text": SECOND, "language": "fr"},
    ]
    articles = read_articles(write(tmp_path / "feed.json", json.dumps(items)), tmp_path)
    assert [a.key for a in articles] == ["feed.json#1", "feed.json#2"]
    assert [a.path for a in articles] == ["feed.json", "feed.json"]
    assert [a.title for a in articles] == ["One", "Two"]
    assert articles[0].published == datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    assert [a.language for a in articles] == ["en", "fr"]
    assert all(a.format == "json" for a in articles)


def test_json_array_of_one_has_no_number(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps([{"title": "One", "text": BODY}]))
    assert [a.key for a in read_articles(path, tmp_path)] == ["one.json"]


def test_articles_without_text_are_dropped_but_keep_their_numbers(tmp_path: Path) -> None:
    items = [{"title": "Empty"}, {"title": "Full", "text": BODY}]
    articles = read_articles(write(tmp_path / "a.jsonl", json.dumps(items)), tmp_path)
    assert [(a.key, a.title) for a in articles] == [("a.jsonl#2", "Full")]
    # and it is said, as a skipped file is (`newsread index` and the app show the note)
    assert articles[0].extra["cut"] == "1 of its 2 articles left out, no text (#1)"
    assert "stops" not in articles[0].extra  # its text is whole


def test_a_bad_json_lines_line_is_left_out_and_named_and_the_others_keep_their_numbers(
    tmp_path: Path,
) -> None:
    lines = [json.dumps({"title": "One", "text": BODY}), '{"title": "Two", "text": "cut sho']
    lines += [json.dumps({"title": "Three"}), json.dumps({"title": "Four", "text": SECOND})]
    articles = read_articles(write(tmp_path / "a.jsonl", "\n".join(lines)), tmp_path)
    assert [(a.key, a.title) for a in articles] == [("a.jsonl#1", "One"), ("a.jsonl#4", "Four")]
    assert articles[0].extra["cut"] == (
        "2 of its 4 articles left out, no text (#3); "
        "invalid JSON: Unterminated string starting at line 2"
    )


def test_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path / "city_council-vote.json", json.dumps({"text": BODY}))
    assert read_articles(path, tmp_path)[0].title == "city council vote"


def test_fields_are_sanitised(tmp_path: Path) -> None:
    item = {
        "title": "Evil\x1b]52;c;ZXZpbA==\x07 title\nsplit",
        "author": "Jane \x1b[31mDoe",
        "text": f"{BODY}\x1b[2J\n\n  \n\n\u202e{SECOND}",
    }
    article = read_articles(write(tmp_path / "evil.json", json.dumps(item)), tmp_path)[0]
    assert article.title == "Evil title split"
    assert article.authors == ("Jane Doe",)
    assert article.paragraphs == (BODY, SECOND)


@pytest.mark.parametrize("name", ["a.json", "a.md", "a.txt", "a.html"])
def test_soft_hyphens_are_no_part_of_a_word_in_any_format(tmp_path: Path, name: str) -> None:
    """A hyphenation hint inside a long word ("Ent\u00adde\u00adckun\u00adgen") is not shown
    and not searched for. The text and HTML readers dropped it; a JSON or Markdown article kept
    it: "Entdeckungen" found nothing there and the pane drew a hyphen mid-word."""
    title = "Neue Ent\u00adde\u00adckun\u00adgen am Hafen"
    body = f"Die Ent\u00adde\u00adckun\u00adgen der Ar\u00adchäo\u00adlo\u00adgen. {BODY}"
    data = {
        "a.json": json.dumps({"title": title, "text": f"{body}\n\n{SECOND}"}),
        "a.md": f"# {title}\n\n{body}\n\n{SECOND}\n",
        "a.txt": f"{title}\n\n{body}\n\n{SECOND}\n",
        "a.html": f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{SECOND}</p></article></body></html>",
    }[name]
    article = read_articles(write(tmp_path / name, data), tmp_path)[0]
    assert article.title == "Neue Entdeckungen am Hafen"
    assert article.paragraphs[0] == f"Die Entdeckungen der Archäologen. {BODY}"


def test_crlf_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", f"Bridge closed\r\n\r\n{BODY}\r\n\r\n{SECOND}\r\n")
    article = read_articles(path, tmp_path)[0]
    assert (article.title, article.paragraphs) == ("Bridge closed", (BODY, SECOND))


def test_cp1251_text_file(tmp_path: Path) -> None:
    text = "Мост закрыт\n\nСовет проголосовал во вторник за закрытие старого моста для движения.\n"
    article = read_articles(write(tmp_path / "ru.txt", text.encode("cp1251")), tmp_path)[0]
    assert article.title == "Мост закрыт"
    assert article.paragraphs == (
        "Совет проголосовал во вторник за закрытие старого моста для движения.",
    )
    assert article.language == "ru"


# --- format by content --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("saved.txt", HTML_PAGE, "html"),
        ("page", "<html><body><p>" + BODY + "</p></body></html>", "html"),
        ("export.txt", json.dumps({"title": "T", "text": BODY}), "json"),
        ("lines.ndjson", json.dumps({"title": "T", "text": BODY}), "json"),
        ("note.txt", f"---\ntitle: T\n---\n\n{BODY}\n", "markdown"),
        ("note.txt", f'+++\ntitle = "T"\n+++\n\n{BODY}\n', "markdown"),
        ("note.txt", f"# T\n\n{BODY}\n", "markdown"),
        ("note.md", f"T\n\n{BODY}\n", "markdown"),
        ("fake.md", HTML_PAGE, "html"),
        ("bracket.txt", f"[Updated] T\n\n{BODY}\n", "text"),
        ("plain.html", f"<p>{BODY}</p>", "html"),
    ],
)
def test_format_is_chosen_by_content_and_extension(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    article = read_articles(write(tmp_path / name, content), tmp_path)[0]
    assert article.format == kind
    assert BODY in article.paragraphs


def test_html_after_a_comment_and_doctype_in_a_text_file(tmp_path: Path) -> None:
    page = "<!-- saved from url=(0042)https://towncrier.example/ -->\n" + HTML_PAGE
    assert read_articles(write(tmp_path / "x.txt", page), tmp_path)[0].format == "html"


# --- compressed files ---------------------------------------------------------------------


def test_gzip_file_is_decompressed_and_keeps_its_name(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.html.gz", gzip.compress(HTML_PAGE.encode()))
    article = read_articles(path, tmp_path)[0]
    assert (article.key, article.format) == ("bridge.html.gz", "html")
    assert article.title == "Bridge closed after cracks found"


def test_concatenated_gzip_members_are_one_file(tmp_path: Path) -> None:
    data = gzip.compress(f"Bridge closed\n\n{BODY}\n\n".encode()) + gzip.compress(SECOND.encode())
    article = read_articles(write(tmp_path / "two.txt.gz", data), tmp_path)[0]
    assert article.paragraphs == (BODY, SECOND)


def test_a_truncated_gzip_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    # A download stopped halfway was skipped whole ("truncated gzip file").
    lines = [f"Paragraph {n}: {BODY}" for n in range(400)]
    data = gzip.compress(("Bridge closed\n\n" + "\n\n".join(lines) + "\n").encode())
    path = write(tmp_path / "cut.txt.gz", data[: len(data) // 2])
    [article] = read_articles(path, tmp_path)
    assert article.title == "Bridge closed"
    assert 10 < len(article.paragraphs) < 400
    assert article.paragraphs == tuple(lines[: len(article.paragraphs)])  # whole lines only
    assert article.extra["cut"] == "a truncated gzip file, read as far as it goes"
    assert article.extra["stops"] == article.extra["cut"]  # the reading pane says it there


def test_a_gzip_cut_before_its_first_line_is_unreadable(tmp_path: Path) -> None:
    data = gzip.compress((BODY * 50).encode())
    path = write(tmp_path / "cut.txt.gz", data[: len(data) // 2])
    assert unreadable_reason(path, tmp_path) == "truncated gzip file"


def test_corrupt_gzip_is_unreadable(tmp_path: Path) -> None:
    data = bytearray(gzip.compress((BODY * 50).encode()))
    data[20:40] = b"\xff" * 20
    reason = unreadable_reason(write(tmp_path / "bad.txt.gz", bytes(data)), tmp_path)
    assert reason.startswith("corrupt gzip file")


def test_gzip_bomb_stops_at_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 5_000_000))
    assert path.stat().st_size < 10_000
    [article] = read_articles(path, tmp_path, max_bytes=1_000_000)
    assert article.extra["cut"] == "cut to its first 1 MB (more when unpacked)"
    assert len(article.body) <= 1_000_000


# --- unreadable files ---------------------------------------------------------------------


def test_large_file_is_cut_at_the_limit_at_a_line_break(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "Big file\n\n" + "Some words in a line.\n" * 120)
    [article] = read_articles(path, tmp_path, max_bytes=1000)
    assert article.extra["cut"] == "cut to its first 1 KB (3 KB file)"
    assert article.extra["stops"] == article.extra["cut"]  # said at the end of its text
    assert article.body.endswith("Some words in a line.")


def test_a_large_json_article_that_cannot_be_cut_is_skipped(tmp_path: Path) -> None:
    item = {"title": "Item", "body": "Words in the body of the item. " * 100}
    path = write(tmp_path / "big.json", json.dumps(item))
    reason = unreadable_reason(path, tmp_path, max_bytes=1000)
    assert reason.startswith("too large (3 KB > 1 KB limit) and unreadable when cut: invalid JSON")


def _items(count: int) -> list[dict[str, str]]:
    return [{"title": f"Item {n}", "body": f"Words in the body of item {n}."} for n in range(count)]


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("big.jsonl", "\n".join(json.dumps(item) for item in _items(50))),
        ("big.json", json.dumps(_items(50))),  # an array: its whole items
        ("big.json", json.dumps({"status": "ok", "total": 50, "articles": _items(50)})),
    ],
    ids=["json-lines", "array", "news-api"],
)
def test_a_large_file_of_articles_gives_those_before_the_cut_whole(
    tmp_path: Path, name: str, document: str
) -> None:
    """A 35 MB JSON Lines export of 30,000 articles: its first 16,914 were read, each said to
    "stop here" in the reading pane although whole; a JSON array was skipped altogether."""
    articles = read_articles(write(tmp_path / name, document), tmp_path, max_bytes=1000)
    count = len(articles)
    assert 10 < count < 50
    assert [a.title for a in articles] == [f"Item {n}" for n in range(count)]
    assert articles[-1].body == f"Words in the body of item {count - 1}."
    said = f"cut to its first 1 KB (3 KB file): {count} articles read, those after them not"
    assert [a.extra["cut"] for a in articles] == [f"{said} (split the file)"] * count
    assert not any("stops" in a.extra for a in articles)  # each one's text is whole


def test_too_large_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(212_000_000)  # Sparse: no disk space used.
    assert unreadable_reason(path, tmp_path) == "too large (212 MB > 100 MB limit)"


def test_empty_file(tmp_path: Path) -> None:
    assert unreadable_reason(write(tmp_path / "empty.txt", b""), tmp_path) == "empty file"


def test_blank_file(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", " \n\t\r\n")
    assert unreadable_reason(path, tmp_path) == "blank file (only whitespace)"


def test_binary_file_with_an_article_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert unreadable_reason(path, tmp_path) == "binary file (PNG image)"


def test_file_that_vanished(tmp_path: Path) -> None:
    reason = unreadable_reason(tmp_path / "gone.txt", tmp_path)
    assert reason == "vanished before it could be read"


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert unreadable_reason(tmp_path / "folder.txt", tmp_path) == "is a directory"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Opening a pipe for reading waits for a writer: `newsread show pipe.txt` hung for good."""
    os.mkfifo(tmp_path / "pipe.txt")
    reason = unreadable_reason(tmp_path / "pipe.txt", tmp_path)
    assert reason == "not a file (a pipe, a device or a socket)"
    assert unreadable_reason(Path(os.devnull), Path(os.devnull).parent) == reason


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", f"Title\n\n{BODY}")
    path.chmod(0)
    try:
        assert unreadable_reason(path, tmp_path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_permission_denied_while_opening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above, for test runs as root (which can read mode-0 files).
    path = write(tmp_path / "secret.txt", f"Title\n\n{BODY}")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert unreadable_reason(path, tmp_path) == "permission denied"


def test_invalid_json_file(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '{"title": "T",\n "text": }')
    assert unreadable_reason(path, tmp_path) == "invalid JSON: Expecting value at line 2"


def test_no_article_text(tmp_path: Path) -> None:
    path = write(tmp_path / "titles.json", json.dumps([{"title": "A"}, {"title": "B"}]))
    assert unreadable_reason(path, tmp_path) == "no article text found"


# --- suffixes -----------------------------------------------------------------------------


def test_supported_suffixes() -> None:
    plain = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
    plain |= {".json", ".jsonl", ".ndjson", ".mhtml", ".mht", ".webarchive"}
    assert plain | {s + ".gz" for s in plain} == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", True),
        ("A.HTML", True),
        ("notes.v2.md", True),
        ("feed.jsonl.gz", True),
        ("page.HTM.GZ", True),
        ("photo.jpg", False),
        ("archive.tar.gz", False),
        ("README", False),
        (".txt", False),
    ],
)
def test_is_article_file(name: str, expected: bool) -> None:
    assert is_article_file(Path(name)) is expected


def test_a_file_naming_no_source_gets_its_folders_as_source_and_section(tmp_path: Path) -> None:
    write(tmp_path / "bbc" / "business" / "001.txt", f"Ad sales boost profits\n\n{BODY}\n")
    [article] = read_articles(tmp_path / "bbc" / "business" / "001.txt", tmp_path)
    assert (article.source, article.section) == ("bbc", "business")
    assert article.extra["derived"] == "source section"


def test_a_derived_source_prefers_the_site_of_the_url_and_never_replaces_a_given_one(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "saved" / "a.txt", f"Bridge closed\n\nURL: https://www.example.org/a\n\n{BODY}\n"
    )
    [article] = read_articles(tmp_path / "saved" / "a.txt", tmp_path)
    assert (article.source, article.section, article.extra["derived"]) == (
        "example.org",
        "",
        "source",
    )
    write(tmp_path / "top.txt", f"Bridge closed\n\n{BODY}\n")
    [top] = read_articles(tmp_path / "top.txt", tmp_path)
    assert top.source == "" and "derived" not in top.extra
    write(tmp_path / "x" / "y" / "b.txt", f"REUTERS / acq\n\nBridge closed\n\n{BODY}\n")
    [named] = read_articles(tmp_path / "x" / "y" / "b.txt", tmp_path)
    assert named.source == "REUTERS" and "derived" not in named.extra


def test_every_field_has_a_bound(tmp_path: Path) -> None:
    from newsread.index.files.reader import MAX_AUTHORS, MAX_NAME_CHARS, MAX_TITLE_CHARS

    huge = "harbour kelmor news " * 50_000  # 1 MB
    path = tmp_path / "fields.json"
    path.write_text(
        json.dumps(
            {
                "title": huge,
                "body": BODY,
                "authors": [f"Ana {a}{b}son" for a in "BCDFG" for b in "aeiou"],
                "source": "Gazette " * 100,
                "section": "World " * 100,
                "url": "https://towncrier.example/" + "a" * 3000,
            }
        ),
        encoding="utf-8",
    )
    (article,) = read_articles(path, tmp_path)
    assert len(article.title) <= MAX_TITLE_CHARS and article.title.endswith("kelmor…")
    assert article.paragraphs == (BODY,)
    assert len(article.authors) == MAX_AUTHORS
    assert article.authors[:2] == ("Ana Bason", "Ana Beson")
    assert len(article.source) <= MAX_NAME_CHARS and article.source.endswith("Gazette…")
    assert len(article.section) <= MAX_NAME_CHARS
    assert article.url == ""  # over 2,048 characters: dropped, not cut into another address


def test_fields_within_the_bounds_are_kept_as_written(tmp_path: Path) -> None:
    title = "A" * 300
    path = tmp_path / "fields.json"
    url = "https://towncrier.example/" + "a" * 2000
    path.write_text(json.dumps({"title": title, "body": BODY, "url": url}), encoding="utf-8")
    (article,) = read_articles(path, tmp_path)
    assert (article.title, article.url, article.paragraphs) == (title, url, (BODY,))


@given(st.text(alphabet=st.sampled_from("aZ.gzGtxhmljson é_-"), max_size=14))
def test_a_file_name_suffix_is_pathlibs(name: str) -> None:
    """The scan decides on the name as a string; pathlib's rule is the twin."""
    from pathlib import PurePosixPath

    from newsread.index.files.reader import _inner_suffix, is_article_name

    if not name or name in (".", "..") or "/" in name:
        return
    lowered = name.lower().removesuffix(".gz")
    assert _inner_suffix(name) == (PurePosixPath(lowered).suffix if lowered else "")
    assert is_article_name(name) == is_article_file(PurePosixPath(name))


@pytest.mark.parametrize(
    ("archived", "original"),
    [
        (
            "https://web.archive.org/web/20240305101500/https://northfield.example/news/a",
            "https://northfield.example/news/a",
        ),
        ("http://web.archive.org/web/2019id_/http://site.example/b?x=1", "http://site.example/b?x=1"),
        ("https://web.archive.org/web/20190101000000/https:/site.example/c", "https://site.example/c"),
        ("https://web.archive.org/web/20190101/site.example/d", "http://site.example/d"),
        ("https://wayback.archive-it.org/1234/20200101000000/https://e.example/", "https://e.example/"),
        ("https://northfield.example/web/20240305/news", "https://northfield.example/web/20240305/news"),
        ("https://web.archive.org/details/newsletters", "https://web.archive.org/details/newsletters"),
    ],
)  # fmt: skip
def test_an_archived_copy_is_known_by_its_pages_own_address(archived: str, original: str) -> None:
    """A page saved from the Wayback Machine names the archive's copy as its address: the
    article's URL (and so its source and its story) is the page's own."""
    assert original_address(archived) == original


def test_a_page_saved_from_a_web_archive_has_its_own_source(tmp_path: Path) -> None:
    copy = "https://web.archive.org/web/20240305101500/https://northfield.example/news/tram"
    page = (
        f"<html><head><title>Tram deal</title><link rel='canonical' href='{copy}'></head>"
        "<body><article><h1>Tram deal</h1><p>The mayor agreed a deal with the union on "
        "Tuesday after talks that ran through the night.</p></article></body></html>"
    )
    (tmp_path / "tram.html").write_text(page, encoding="utf-8")
    (article,) = read_articles(tmp_path / "tram.html", tmp_path)
    assert (article.url, article.source) == (
        "https://northfield.example/news/tram",
        "northfield.example",
    )


@pytest.mark.parametrize(
    ("name", "data", "credit"),
    [
        ("wire.md", "# Markets slip\n\nLONDON, March 3 (Reuters) - Shares fell.\n", "Reuters"),
        ("wire.json", '{"title": "Markets", "body": "PARIS (AFP) - Shares fell."}', "AFP"),
        ("closing.md", "# Markets slip\n\nShares fell on Monday as oil rose.\n\n(dpa)\n", "dpa"),
    ],
)
def test_an_agency_the_text_signs_is_the_credit_in_every_format(
    tmp_path: Path, name: str, data: str, credit: str
) -> None:
    (article,) = read_articles(write(tmp_path / name, data), tmp_path)
    assert article.credit == credit


def _page_with_pictures(photos: int, photo_bytes: int) -> str:
    """A page saved as one file (SingleFile): each photo inside it as base64, a paragraph of
    its own after each, a font in its style."""
    photo = base64.b64encode(os.urandom(999) * (photo_bytes // 999)).decode()  # (packs small)
    font = base64.b64encode(os.urandom(3000)).decode()
    body = "".join(
        f"<p>Paragraph {n} of the harbour story, the council's vote and what it costs.</p>"
        f'<figure><img src="data:image/jpeg;base64,{photo}" alt="Quay {n}">'
        f"<figcaption>The quay in March</figcaption></figure>"
        for n in range(photos)
    )
    return (
        "<!DOCTYPE html><html><head><title>Harbour plan approved</title><style>@font-face"
        f"{{font-family:Serif;src:url(data:font/woff2;base64,{font}) format('woff2')}}</style>"
        f"</head><body><article><h1>Harbour plan approved</h1>{body}"
        "<p>The last paragraph, after every photo.</p></article></body></html>"
    )


@pytest.mark.parametrize("packed", [False, True])
def test_a_page_saved_with_its_pictures_inside_is_read_whole(tmp_path: Path, packed: bool) -> None:
    """A 24 MB page of three photos was cut at the 20 MB limit: the paragraphs after its first
    photos were lost (and an 8 MB one took 4 s to parse). The pictures are no text."""
    page = _page_with_pictures(3, 60_000).encode()
    assert len(page) > 3 * 80_000
    path = tmp_path / ("page.html.gz" if packed else "page.html")
    path.write_bytes(gzip.compress(page) if packed else page)
    [article] = read_articles(path, tmp_path, max_bytes=100_000)
    assert [p for p in article.paragraphs if p.startswith("Paragraph")] == [
        f"Paragraph {n} of the harbour story, the council's vote and what it costs."
        for n in range(3)
    ]
    assert article.paragraphs[-1] == "The last paragraph, after every photo."
    assert "cut" not in article.extra and "stops" not in article.extra
    assert not any("base64" in p for p in article.paragraphs)


def test_a_file_over_the_limit_with_no_pictures_inside_is_cut_as_before(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Long report\n\n" + "The harbour grew again this year. " * 10_000)
    [article] = read_articles(path, tmp_path, max_bytes=100_000)
    assert article.extra["stops"].startswith("cut to its first 100 KB")


def test_inline_data_leaves_out_payloads_and_keeps_what_is_around_them() -> None:
    from newsread.index.files.inline_data import without_inline_data

    photo = base64.b64encode(os.urandom(600)).decode()
    wrapped = "\r\n".join(photo[i : i + 76] for i in range(0, len(photo), 76))
    tiny = base64.b64encode(b"GIF89a").decode()  # a spacer: too small to matter, kept
    page = (
        f'<img src="data:image/png;base64,{photo}" alt="A">'
        f'<img src="data:image/gif;base64,{tiny}">'
        f"<p>url(data:font/woff2;charset=utf-8;base64,{wrapped}) stays text</p>"
        f"data:text/plain,{photo} is no base64"
    ).encode()
    assert without_inline_data(page).decode() == (
        '<img src="data:image/png;base64," alt="A">'
        f'<img src="data:image/gif;base64,{tiny}">'
        "<p>url(data:font/woff2;charset=utf-8;base64,) stays text</p>"
        f"data:text/plain,{photo} is no base64"
    )


JAPANESE_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><title>新しい橋が開通しました</title>
<meta property="article:published_time" content="{date}">
</head><body><article><h1>新しい橋が開通しました</h1>
<p>市は火曜日、川に架かる新しい橋を開通させたと発表しました。工事は二年かかりました。</p>
<p>市長は式典で、橋が町の東と西を結ぶと述べました。</p></article></body></html>"""


@pytest.mark.parametrize("lang", ["ja", "ja-JP", "ja_JP", ""])
def test_a_japanese_pages_zoneless_time_is_on_japans_clock(tmp_path: Path, lang: str) -> None:
    page = JAPANESE_PAGE.format(lang=lang, date="2019-04-28T08:00:00")
    article = read_one(write(tmp_path / "bridge.html", page), tmp_path)
    assert article.published == datetime(2019, 4, 28, 8, tzinfo=timezone(timedelta(hours=9)))
    assert article.published.astimezone(timezone.utc) == datetime(
        2019, 4, 27, 23, tzinfo=timezone.utc
    )


@pytest.mark.parametrize(
    ("lang", "date", "published"),
    [
        # A day alone is a calendar day, not the instant of its midnight in Tokyo.
        ("ja", "2019-04-04", datetime(2019, 4, 4)),
        ("ja", "2019-04-04T10:00:00+00:00", datetime(2019, 4, 4, 10, tzinfo=timezone.utc)),
        ("jav", "2019-04-04T10:00:00", datetime(2019, 4, 4, 10)),
        ("en", "2019-04-04T10:00:00", datetime(2019, 4, 4, 10)),
    ],
)
def test_a_day_alone_a_given_zone_or_another_language_is_kept(
    tmp_path: Path, lang: str, date: str, published: datetime
) -> None:
    page = JAPANESE_PAGE.format(lang=lang, date=date)
    article = read_one(write(tmp_path / "page.html", page), tmp_path)
    assert article.published == published
    assert (article.published.tzinfo is None) == (published.tzinfo is None)


_SHY = "\u00ad"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "story.json",
            json.dumps(
                {
                    "title": f"Bridge clo{_SHY}sed",
                    "author": f"Ja{_SHY}nine Mus{_SHY}ter{_SHY}mann",
                    "source": f"Har{_SHY}bour News",
                    "section": f"Lo{_SHY}cal",
                    "text": BODY,
                }
            ),
        ),
        (
            "story.md",
            f'---\ntitle: "Bridge clo{_SHY}sed"\nauthor: "Ja{_SHY}nine Mus{_SHY}ter{_SHY}mann"\n'
            f'source: "Har{_SHY}bour News"\nsection: "Lo{_SHY}cal"\n---\n\n{BODY}\n',
        ),
    ],
    ids=["json", "front matter"],
)
def test_soft_hyphens_are_not_shown_in_metadata(tmp_path: Path, name: str, text: str) -> None:
    """A soft hyphen only says where a long word may break: a name written with them
    ("Ja\u00adnine Mus\u00adter\u00admann") is read as the name it shows, and no field keeps them."""
    article = read_one(write(tmp_path / name, text), tmp_path)
    assert article.title == "Bridge closed"
    assert article.authors == ("Janine Mustermann",)
    assert (article.source, article.section) == ("Harbour News", "Local")
    assert article.credit == ""
