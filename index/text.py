"""One sanitiser for all text that comes from files: article text is data, never commands.

Terminal control sequences (CSI, OSC such as OSC 52 clipboard writes and OSC 8 links, DCS ...),
C0/C1 control characters, bidi overrides and zero-width formatting characters are removed;
tabs and newlines are kept. Rich/Textual markup needs no treatment here: the UI never parses
article text as markup.
"""

from __future__ import annotations

import re

from newsread.index.marks import BMP_MARKS, JOINERS

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST;
# one never terminated ends at the line's end, not the article's), and two-character escapes.
# Also the 8-bit C1 forms (CSI = \x9b, OSC = \x9d ...).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                    # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|(?=\n)|$)  # OSC, DCS ...
    | \x1b[@-Z\\-_]                                     # other two-byte escapes
    """,
    re.VERBOSE | re.DOTALL,
)
# Remaining control characters except \t and \n, plus bidi embedding/override/isolate controls
# and zero-width characters that can hide or reorder text on screen, and lone surrogates
# (JSON's "\\ud800", file names that are not UTF-8), which no terminal or database can encode.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
# The zero-width joiner is kept between two pictographs, where it makes one emoji of them
# (👩‍👩‍👧 is a family, not three people side by side); anywhere else it only hides something.
_PICTOGRAPH = "\u2600-\u27bf\U0001f000-\U0001faff"
_EMOJI_BEFORE_JOINER = re.compile(f"[{_PICTOGRAPH}\ufe0f]")
_EMOJI_AFTER_JOINER = re.compile(f"[{_PICTOGRAPH}]")


def _shown(control: re.Match[str]) -> str:
    """What is left of a `_CONTROL` character: a joiner inside an emoji sequence, or a
    (non-)joiner between two letters of a script that joins them, else nothing."""
    text, at, found = control.string, control.start(), control.group()
    if found not in JOINERS or at == 0:
        return ""
    if found == "\u200d" and _EMOJI_BEFORE_JOINER.match(text, at - 1):
        return found if _EMOJI_AFTER_JOINER.match(text, at + 1) else ""
    return found if _LETTER.match(text, at - 1) and _LETTER.match(text, at + 1) else ""


# The zero-width non-joiner and joiner are letters of a word in Persian ("می‌گویند": the
# letters either side stay apart) and in the scripts of India (a half form, a chillu); between
# Latin letters they only hide a word's break, and go.
_LETTER = re.compile(f"[^\\W\\d_\\x00-\\x7f]|[{BMP_MARKS}]")


def sanitise(text: str) -> str:
    """`text` without terminal control sequences, control characters or bidi/zero-width marks
    (a zero-width joiner inside an emoji sequence stays: it is part of the emoji).

    Carriage returns are normalised to newlines first, so CRLF and lone CR line endings survive
    as line breaks; so does CR CR LF, what CRLF becomes when written again in text mode on
    Windows (one line end, not a blank line after every line).
    """
    if "\r" in text:
        text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    # A callback for the few characters found, not a pattern with lookarounds: the character
    # class alone lets the regex engine scan a 100 KB page in a tenth of the time.
    return _CONTROL.sub(_shown, text)


def note_text(data: bytes) -> str:
    """The text of a note file an editor wrote, as data (`sanitise`d): UTF-8, else the
    single-byte encoding an editor in a legacy locale writes (Windows-1252, which Latin-1
    text also reads as), so "Caf\xe9" is "Café", not a replacement character."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return sanitise(text)


# Han, kana, CJK punctuation and the full-width forms: Chinese and Japanese put no space between
# words, so a line break between two of them (text wrapped at a width) is no space either.
_WIDE = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff60\U00020000-\U0003134f"
)
_WIDE_BREAK = re.compile(f"([{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")
_WIDE_CHARACTER = re.compile(f"[{_WIDE}]")


def unwrap_wide(text: str) -> str:
    """`text` without the line breaks between two Chinese or Japanese characters: "预\n期" is
    "预期", one word that a space would split in two (for search too)."""
    return text if text.isascii() or "\n" not in text else _WIDE_BREAK.sub(r"\1", text)


def joins_without_space(left: str, right: str) -> bool:
    """Whether a line ending in `left` and the next starting with `right` are one line with no
    space between them: both Chinese or Japanese characters (`unwrap_wide`)."""
    return bool(_WIDE_CHARACTER.fullmatch(left[-1:]) and _WIDE_CHARACTER.fullmatch(right[:1]))


def sanitise_line(text: str) -> str:
    """`sanitise` for one-line values (titles, file names, tags): newlines become spaces."""
    return " ".join(sanitise(text).split())


def escape_controls(json_text: str) -> str:
    """JSON text with the characters `sanitise` removes written as `\\uXXXX` escapes instead.

    The same JSON value, losslessly (a file name keeps its odd characters), but nothing in it
    that a terminal acts on. JSON itself escapes only C0 controls, not C1 or bidi controls.
    """
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)
