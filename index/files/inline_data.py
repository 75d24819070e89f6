"""Pictures, fonts and styles a saved page carries inside itself, left out before it is read.

A page saved as one file (SingleFile, "Save Page WE", a CMS's e-mail copy) carries its
pictures and fonts as `data:` URIs of base64 text: a news page with a few photos is 10-40 MB of
which the article is a few KB. Read as it was, an 8 MB page took 4 s to parse, and one over the
20 MB limit was cut, losing the paragraphs after its first photos. None of those bytes is
text a person reads, so the payloads go before the size limit and the parsers see the page.
"""

from __future__ import annotations

import re

MARK = b";base64,"
"""Bytes every payload left out follows (a quick test before the pattern's search)."""

_PAYLOAD = re.compile(
    rb"(data:[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+(?:;[A-Za-z0-9=._+-]+)*;base64,)[A-Za-z0-9+/=\r\n]{256,}"
)
"""A `data:` URI with a media type and base64 data of 256 characters or more (a 190-byte
picture or font; lines broken as e-mail breaks them, not spaces): its data, which goes; the
URI's head stays, so markup around it is as it was
(`<img src="data:image/jpeg;base64,">` is still a picture with no bytes)."""


def without_inline_data(data: bytes) -> bytes:
    """`data` with the base64 payloads of its `data:` URIs left out (`_PAYLOAD`)."""
    if MARK not in data:
        return data
    return _PAYLOAD.sub(rb"\1", data)
