"""Markdown syntax taken out of a Markdown article's text, for places that quote it: snippets.

The article keeps its Markdown as written (notes are anchored in that text); a snippet in the
results list shows what a reader of the rendered page sees: `## Harbour works paused` is the
heading "Harbour works paused", `[the report](https://…)` is "the report", `**now**` is "now".
Line by line and regex-only (snippets are made for every hit of every keystroke's search);
tests/test_markdown_syntax.py checks it against a CommonMark parser on random documents.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
LINE_START = re.compile(
    r"""^[ \t]{0,3}
    (?:>[ \t]?)*                                # block quotes
    (?:\#{1,6}(?:[ \t]+|$)                      # an ATX heading
      |(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?  # a list item (a task)
    )?""",
    re.VERBOSE,
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_INLINE = re.compile(
    r"""
      !?\[([^\[\]]*)\]\([^()\s]*(?:[ \t]+"[^"]*")?\)      # a link or image: its text
    | !?\[([^\[\]]+)\]\[[^\[\]]*\]                        # a reference link: its text
    | \[\^[^\[\]\s]+\]                                    # a footnote mark: nothing
    | <((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>  # an autolink: its address
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>            # an HTML tag: nothing
    """,
    re.VERBOSE,
)
_EMPHASIS = re.compile(
    r"""
      (\*{1,3}|~~)(?=[^\s*~])(.+?)(?<=[^\s*~])\1            # *a* **a** ***a*** ~~a~~
    | (?<![\w_])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\3(?![\w_])  # _a_ __a__ (not in snake_case)
    """,
    re.VERBOSE,
)
_HIDDEN = 0xF0000
"""Escaped punctuation is moved to a private plane while the syntax is taken out."""
_HIDDEN_CHARS = re.compile(f"[{chr(_HIDDEN + 0x21)}-{chr(_HIDDEN + 0x7E)}]")


def strip_markdown(block: str) -> str:
    """A Markdown block (one paragraph of an article) as the words a reader sees."""
    lines: list[str] = []
    fence = ""
    for line in block.split("\n"):
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            else:
                lines.append(line)  # code, as written
            continue
        if marker:
            fence = marker.group(1)
            continue
        if RULE.match(line) or TABLE_DELIMITER.match(line) or _LINK_DEFINITION.match(line):
            continue
        lines.append(_strip_line(line))
    return "\n".join(line for line in lines if line.strip())


def _strip_line(line: str) -> str:
    start = LINE_START.match(line)
    heading = start is not None and start.group().rstrip().endswith("#")
    text = line[start.end() if start else 0 :]
    if heading:
        text = _CLOSING_HASHES.sub("", text)
    parts = []
    at = 0
    for code in _CODE_SPAN.finditer(text):
        parts.append(_strip_inline(text[at : code.start()]))
        parts.append(code.group(2).strip() or code.group(2))  # code, as written
        at = code.end()
    parts.append(_strip_inline(text[at:]))
    text = "".join(parts)
    if text.lstrip().startswith("|"):  # a table row
        text = "  ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
    return text


def _strip_inline(text: str) -> str:
    hide = not _HIDDEN_CHARS.search(text)  # (never a real character taken for a hidden one)
    if hide:
        text = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _INLINE.sub(lambda m: m.group(1) or m.group(2) or m.group(3) or "", text)
    for _ in range(3):  # nested emphasis: ***a** b*
        stripped = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
        if stripped == text:
            break
        text = stripped
    return _HIDDEN_CHARS.sub(lambda m: chr(ord(m.group()) - _HIDDEN), text) if hide else text
