"""Pages a browser saved as one file: MHTML (Chrome, Edge) and Safari's web archives."""

from __future__ import annotations

import base64
import plistlib
import quopri
from pathlib import Path

import pytest

from newsread.index.errors import UnreadableFile
from newsread.index.files.reader import is_article_name, read_articles
from newsread.index.files.scan import scan_library

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tram deal | Northfield</title>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    "<h1>Tram deal agreed after café talks</h1>"
    "<p>The mayor and the transport union agreed a deal on Tuesday after talks that ran "
    "through the night in a café near the depot, ending a strike of three weeks.</p>"
    "<p>Trams will run again from Thursday morning, the city's transport office said in a "
    "statement, and the fares frozen since spring will stay where they are until June.</p>"
    "</article></body></html>"
)
AD = (
    "<html><body><p>Buy the best deals on garden furniture today, only this week!</p></body></html>"
)
ADDRESS = "https://northfield.example/news/tram-deal"


def mhtml(page: str = PAGE, charset: str = "", image_bytes: int = 3000) -> bytes:
    """An MHTML file as Chrome writes one: the page (quoted-printable), an image, a frame."""
    boundary = "----MultipartBoundary--kPQ2q1b----"
    image = base64.encodebytes(bytes(range(256)) * (image_bytes // 256)).decode()
    encoding = charset or "utf-8"
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    parts = [
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {ADDRESS}\r\n"
        "Subject: Tram deal | Northfield\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n',
        f"--{boundary}\r\nContent-Type: {content_type}\r\n"
        "Content-ID: <frame-0@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {ADDRESS}\r\n\r\n"
        + quopri.encodestring(page.encode(encoding)).decode("ascii")
        + "\r\n",
        f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://northfield.example/photo.png\r\n\r\n{image}\r\n",
        f"--{boundary}\r\nContent-Type: text/html\r\n"
        "Content-Location: https://ads.example/frame.html\r\n\r\n" + AD + "\r\n",
        f"--{boundary}--\r\n",
    ]
    return "".join(parts).encode("ascii")


def web_archive(page: str = PAGE) -> bytes:
    """A Safari web archive: a binary property list of the page and its frames."""
    return plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": page.encode("utf-8"),
                "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": "UTF-8",
                "WebResourceURL": ADDRESS,
                "WebResourceFrameName": "",
            },
            "WebSubframeArchives": [
                {"WebMainResource": {"WebResourceData": AD.encode(), "WebResourceURL": "x"}}
            ],
        },
        fmt=plistlib.FMT_BINARY,
    )


def read(tmp_path: Path, name: str, data: bytes, **kwargs: int) -> list:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_bytes(data)
    return read_articles(path, tmp_path, **kwargs)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tram.mhtml", mhtml()),
        ("tram.mht", mhtml()),
        ("tram.mhtml", mhtml(charset="windows-1252")),
        ("tram.webarchive", web_archive()),
    ],
    ids=["mhtml", "mht", "mhtml-windows-1252", "webarchive"],
)
def test_a_page_saved_as_one_file_is_read_as_the_page(
    tmp_path: Path, name: str, data: bytes
) -> None:
    (article,) = read(tmp_path, name, data)
    assert article.title == "Tram deal agreed after café talks"
    assert article.paragraphs[0].startswith("The mayor and the transport union agreed")
    assert "garden furniture" not in " ".join(article.paragraphs)  # a frame is not the page
    assert "Home" not in article.paragraphs[0]
    assert article.url == ADDRESS  # where it was saved from
    assert article.format == "html"


def test_the_page_address_is_the_pages_own_when_it_names_one(tmp_path: Path) -> None:
    canonical = "https://northfield.example/2026/12/tram-deal"
    page = PAGE.replace("</title>", f"</title><link rel='canonical' href='{canonical}'>")
    (article,) = read(tmp_path, "tram.mhtml", mhtml(page))
    assert article.url == canonical


def test_a_file_cut_in_its_images_keeps_the_whole_page_and_says_no_cut(tmp_path: Path) -> None:
    data = mhtml(image_bytes=200_000)
    (article,) = read(tmp_path, "tram.mhtml", data, max_bytes=len(data) // 2)
    assert article.paragraphs[-1].endswith("until June.")
    assert "cut" not in article.extra


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.webarchive", b"bplist00" + b"\x00" * 40, "not a readable Safari web archive"),
        ("text.webarchive", b"<html>not a plist</html>", "not a readable Safari web archive"),
        ("images.mhtml", mhtml().replace(b"text/html", b"image/gif"), "no web page in"),
    ],
    ids=["broken-plist", "not-a-plist", "mhtml-without-html"],
)
def test_a_file_without_a_page_says_why(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(UnreadableFile, match=reason):
        read(tmp_path, name, data)


def test_saved_pages_are_found_in_a_library(tmp_path: Path) -> None:
    for name in ("a.mhtml", "b.MHT", "c.webarchive", "d.mhtml.gz"):
        assert is_article_name(name), name
        (tmp_path / name).write_bytes(b"x")
    assert sorted(scan_library(tmp_path).files) == [
        "a.mhtml",
        "b.MHT",
        "c.webarchive",
        "d.mhtml.gz",
    ]
