"""Pages a browser saved as one file: MHTML (Chrome and Edge's "Webpage, Single File",
`.mhtml`, `.mht`) and Safari's web archives (`.webarchive`). Each holds the page's HTML among
its images, styles and frames; the page's HTML and address are taken out of it here, and
read as any HTML page."""

from __future__ import annotations

import plistlib
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser

from newsread.index.errors import UnreadableFile
from newsread.index.files.decoding import decode
from newsread.index.text import sanitise

SAVED_PAGE_SUFFIXES = frozenset((".mhtml", ".mht", ".webarchive"))


@dataclass(frozen=True)
class SavedPage:
    html: str
    address: str
    """Where the page was saved from ("" when the file does not say)."""
    whole: bool
    """Whether the page's HTML ended before the data did: a file cut to the size limit (its
    images come after the page) still holds the whole page."""


def saved_page(data: bytes, suffix: str) -> SavedPage:
    """The page in `data`, a file with `suffix` (one of `SAVED_PAGE_SUFFIXES`).

    Raises:
        UnreadableFile: no page could be found in it.
    """
    return _web_archive(data) if suffix == ".webarchive" else _mhtml(data)


def _mhtml(data: bytes) -> SavedPage:
    message = BytesParser(policy=policy.compat32).parsebytes(data)
    parts = list(message.walk())
    for n, part in enumerate(parts):
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                address = _header(part, "Content-Location") or _header(
                    message, "Snapshot-Content-Location"
                )
                charset = part.get_content_charset() or ""
                return SavedPage(_text(payload, charset), address, whole=n < len(parts) - 1)
    raise UnreadableFile("no web page in this MHTML file")


def _web_archive(data: bytes) -> SavedPage:
    try:
        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        payload = main["WebResourceData"]
    except (plistlib.InvalidFileException, ValueError, KeyError, TypeError, OverflowError):
        raise UnreadableFile("not a readable Safari web archive") from None
    if not isinstance(payload, bytes) or not payload.strip():
        raise UnreadableFile("no web page in this Safari web archive")
    address = main.get("WebResourceURL", "")
    charset = main.get("WebResourceTextEncodingName", "")
    return SavedPage(
        _text(payload, charset if isinstance(charset, str) else ""),
        address if isinstance(address, str) else "",
        whole=True,  # a cut archive does not parse at all
    )


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    return str(value).strip() if value else ""


def _text(payload: bytes, charset: str) -> str:
    """The page's text in the character set its file declares, else as any file's."""
    if charset:
        try:
            return sanitise(payload.decode(charset, errors="replace"))
        except LookupError:
            pass  # a name Python does not know: guessed like any file's
    return decode(payload)
