"""Markdown articles: front matter (YAML `---` or TOML `+++`) or a leading heading as title.

The body keeps the Markdown as written, split into paragraphs on blank lines (a fenced code
block stays one paragraph); only the front matter and the title heading are taken out. A line
break inside a paragraph is a space, as a renderer shows it (`_unwrapped`): text saved with its
lines wrapped at 72 or 80 columns (html2text, pandoc, a mail) reads as paragraphs, not as
lines broken again by the pane.
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from typing import Any

from newsread.index.files.dates import field_date, looks_like_date_line, parse_date
from newsread.index.files.formats import Draft
from newsread.index.files.formats.bylines import (
    caseless_byline,
    is_byline,
    merge_bylines,
    split_author_field,
    split_byline,
)
from newsread.index.files.formats.lede import SUMMARY_KEYS, with_lede
from newsread.index.files.formats.markdown_syntax import LINE_START, RULE, TABLE_DELIMITER
from newsread.index.files.formats.site_names import without_site_suffix
from newsread.index.text import joins_without_space, sanitise_line

# An empty block ("---" twice: templates leave it) is front matter too.
_YAML_BLOCK = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\n(?:(.*?)\n)??\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_SIMPLE_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.+?)\s*$", re.MULTILINE)
_ATX_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT_RULE = re.compile(r"^=+[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_PARTS = re.compile(r"\s+[|•·]\s+")
_HARD_BREAK = re.compile(r"\S {2,}$")
_HEADING_LINE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*#{1,6}(?:[ \t]|$)")
_LAZY_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_ADDRESS = re.compile(r"https?://", re.IGNORECASE)

# Keys are folded: lower case, without "_" or "-" (`date_published` is "datepublished"). A
# clipper's `created` or `date_saved` is when the page was saved, not published: not read.
_TITLE = ("title", "headline", "name")
_DATE = (
    "date", "published", "publishdate", "pubdate", "publishedat", "datepublished",
    "publishedon", "datetime",
)  # fmt: skip
_AUTHOR = ("author", "authors", "byline", "by", "creator")
# A "source" that is an address (Obsidian's web clipper writes the page's there) is the URL.
_SOURCE = ("source", "site", "publisher", "publication", "outlet", "sitename")
_SECTION = ("section", "category", "categories", "topic")
_URL = ("url", "link", "canonical", "canonicalurl", "permalink", "sourceurl", "original",
        "originalurl", "source")  # fmt: skip
_LANGUAGE = ("lang", "language", "locale")


def parse_markdown(text: str) -> Draft:
    """The article of a Markdown file, metadata from its front matter and first lines."""
    meta, body = _front_matter(text)
    draft = _draft_from_meta(meta)
    paragraphs = _blocks(body)
    title, paragraphs = _take_heading(paragraphs)
    if title and (not draft.title or _loose(title) == _loose(draft.title)):
        draft.title = draft.title or title
    elif title:
        # A heading other than the front matter's title is part of the body.
        paragraphs.insert(0, "# " + title)
    excerpt, paragraphs = _take_excerpt(paragraphs)
    paragraphs = _take_header_lines(_take_link_lines(paragraphs, draft), draft)
    draft.paragraphs = [_unwrapped(paragraph) for paragraph in paragraphs]
    draft.title, site = without_site_suffix(draft.title, draft.source, draft.url)
    draft.source = draft.source or site
    summary = _summary(meta) or excerpt
    if summary:
        draft.paragraphs = with_lede(draft.paragraphs, summary, draft.title)
    return draft


def _summary(meta: dict[str, Any]) -> list[str]:
    """The front matter's description or standfirst, as paragraphs."""
    fields = {re.sub(r"[_\-]", "", str(key).lower()): value for key, value in meta.items()}
    value = _pick(fields, SUMMARY_KEYS)
    if not isinstance(value, str):
        return []
    blocks = re.split(r"\n[ \t]*\n", value.strip())
    return [sanitise_line(" ".join(block.split())) for block in blocks if block.strip()]


MAX_FRONT_MATTER_CHARS = 65_536
"""Front matter is a few hundred bytes of metadata; a bigger block is read as plain `key: value`
lines, not by the YAML/TOML parsers (pure Python: an 11 MB title took PyYAML 14 s)."""


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter keys, the rest of the text)."""
    text = text.lstrip("\ufeff")
    for block, parse in ((_YAML_BLOCK, _yaml), (_TOML_BLOCK, _toml)):
        match = block.match(text)
        if match:
            found = match.group(1) or ""
            meta = _simple(found) if len(found) > MAX_FRONT_MATTER_CHARS else parse(found)
            return meta, text[match.end() :]
    return _metadata_lines(text)


_LABEL = re.compile(r"([A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]+(\S.*)")
_META_KEYS = frozenset(("title", "headline", "date", "published", "author", "authors", "byline"))


def _metadata_lines(text: str) -> tuple[dict[str, Any], str]:
    """MultiMarkdown's metadata (Pelican's, iA Writer's, nvALT's): `Key: value` lines opening
    the file, a value going on over indented lines, up to a blank line; (keys, the rest).
    Only where one key is a title, date or author: a first paragraph such as "Update: the
    council met" stays text."""
    head, blank, rest = text.partition("\n\n")
    meta: dict[str, Any] = {}
    key = ""
    for line in head.split("\n"):
        label = _LABEL.fullmatch(line.rstrip())
        if label:
            key = label.group(1).strip()
            meta[key] = label.group(2).strip()
        elif key and line[:1] in (" ", "\t") and line.strip():
            meta[key] += " " + line.strip()
        else:
            return {}, text
    folded = {re.sub(r"[\s_\-]", "", name.lower()) for name in meta}
    if not blank or not folded & _META_KEYS:
        return {}, text
    return meta, rest


def _yaml(block: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError, OverflowError):
        # ValueError: a date YAML's pattern takes but the calendar has not ("date: 2023-13-45",
        # "2023-02-30"), which PyYAML's constructor raises as it builds the datetime.
        return _simple(block)
    except RecursionError:
        return {}
    return data if isinstance(data, dict) else {}


def _toml(block: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    try:
        data: dict[str, Any] = tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return _simple(block)
    return data


def _simple(block: str) -> dict[str, Any]:
    """`key: value` lines of front matter that is not valid YAML/TOML (unquoted colons...)."""
    return {key: value.strip("\"'") for key, value in _SIMPLE_KEY.findall(block)}


def _draft_from_meta(meta: dict[str, Any]) -> Draft:
    fields = {re.sub(r"[_\-]", "", str(key).lower()): value for key, value in meta.items()}
    draft = Draft()
    draft.title = _line(_pick(fields, _TITLE))
    draft.published, draft.period = field_date(_pick(fields, _DATE)) or (None, "")
    draft.authors, draft.credit = merge_bylines(
        split_author_field(name) for name in _names(_pick(fields, _AUTHOR))
    )
    source = _line(_pick(fields, _SOURCE))
    draft.source = "" if _ADDRESS.match(source) else source
    draft.section = _line(_pick(fields, _SECTION))
    urls = (_line(fields.get(key)) for key in _URL)
    draft.url = next((url for url in urls if _ADDRESS.match(url)), "")
    language = _line(_pick(fields, _LANGUAGE)).lower().replace("_", "-").split("-", 1)[0]
    draft.language = language if re.fullmatch(r"[a-z]{2,3}", language) else ""
    return draft


def _pick(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _line(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, (datetime, date, int, float)) and not isinstance(value, bool):
        value = str(value)
    return sanitise_line(value) if isinstance(value, str) else ""


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [name for name in (_line(item) for item in items[:50]) if name]


def _blocks(body: str) -> list[str]:
    """Paragraphs split on blank lines, fenced code blocks kept whole, text as written (but a
    line break inside Chinese or Japanese text, which is no space: `unwrap_wide`)."""
    blocks: list[str] = []
    current: list[str] = []
    fence = ""
    for line in body.split("\n"):
        marker = _FENCE.match(line)
        if fence:
            current.append(line)
            if marker and marker.group(1) == fence:
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            current.append(line)
        elif not line.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
        elif current and _wrapped_wide(current[-1], line):
            current[-1] += line.strip()
        else:
            current.append(line.rstrip() + ("  " if _HARD_BREAK.search(line) else ""))
    if current:
        blocks.append("\n".join(current))
    return blocks


def _unwrapped(paragraph: str) -> str:
    """`paragraph` with its soft line breaks made spaces, as a renderer runs its lines on.

    A break stays where the line above ends with a hard break (two spaces or a backslash), is a
    heading, a table's row or a rule, or is in a fenced code block, and where the line below
    opens a list item, a heading, a quotation, a table's row or a rule. An indented code block,
    a table or an HTML block stays as written.
    """
    lines = paragraph.split("\n")
    first = lines[0]
    if (
        len(lines) == 1
        or first.startswith(("    ", "\t", "<"))
        or any(TABLE_DELIMITER.match(line) for line in lines)
    ):
        return "\n".join(line.rstrip() for line in lines)
    out: list[str] = []
    joinable = False
    fence = ""
    for line in lines:
        marker = _FENCE.match(line)
        if fence or marker:
            if not fence:
                fence = marker.group(1) if marker else ""
            elif marker and marker.group(1) == fence:
                fence = ""
            out.append(line.rstrip())
            joinable = False
            continue
        if joinable and not _opens_block(line, out[-1]):
            above = out[-1]
            text = _LAZY_QUOTE.sub("", line) if above.lstrip().startswith(">") else line
            text = text.strip()
            out[-1] = above + text if joins_without_space(above, text) else f"{above} {text}"
        else:
            out.append(line.rstrip())
        joinable = not (
            line.endswith(("  ", "\\"))
            or _HEADING_LINE.match(line)
            or line.lstrip().startswith("|")
            or RULE.match(line)
        )
    return "\n".join(out)


def _opens_block(line: str, above: str) -> bool:
    """Whether `line` starts a block of its own after the paragraph line `above`: a list item
    (under a paragraph's text an ordered one only from 1, as CommonMark has it: "in\n2019. The"
    goes on), a heading, a rule, a table's row, or a quotation under text that is not quoted."""
    stripped = line.strip()
    if RULE.match(line) or stripped.startswith("|"):
        return True
    if stripped.startswith(">") and not above.lstrip().startswith(">"):
        return True
    marker = _marker(line)
    return bool(marker) and (not marker[0].isdigit() or marker[:-1] == "1" or bool(_marker(above)))


def _marker(line: str) -> str:
    """The list item's or heading's marker `line` opens with ("-", "1.", "##"), or ""."""
    start = LINE_START.match(line)
    return start.group().replace(">", "").strip() if start else ""


def _wrapped_wide(above: str, line: str) -> bool:
    """Whether `line` goes on with the Chinese or Japanese text `above` (not a heading's, a
    list item's or a quotation's line of its own)."""
    return (
        not above.lstrip().startswith("#")
        and joins_without_space(above, line.lstrip())
        and line[:1] not in (" ", "\t")
    )


def _take_heading(paragraphs: list[str]) -> tuple[str, list[str]]:
    """(title, the other paragraphs) when the text starts with a level-1 heading."""
    if not paragraphs:
        return "", paragraphs
    first, *rest_lines = paragraphs[0].split("\n")
    match = _ATX_HEADING.match(first.strip())
    if match:
        title = match.group(1)
    elif rest_lines and _SETEXT_RULE.match(rest_lines[0].strip()):
        title, rest_lines = first, rest_lines[1:]
    else:
        return "", paragraphs
    remainder = "\n".join(rest_lines).strip("\n")
    return sanitise_line(title), ([remainder] if remainder else []) + paragraphs[1:]


_LINK = re.compile(r"!?\[([^\]\n]*)\]\((\S*?)(?:\s+\"[^\"\n]*\")?\)")
_HASHTAG = re.compile(r"(?<!\S)#[^\s#]+")
_LEFT_OVER = re.compile(r"[\s|•·,:*_>-]*")
_ORIGINAL = re.compile(
    r"\b(?:original|source|quelle|origine|fuente|fonte|canonical|view online)\b", re.IGNORECASE
)
LINK_LINES = 3
"""Paragraphs of only links or tags a clipper puts at the top of the text, at most."""


def _take_link_lines(paragraphs: list[str], draft: Draft) -> list[str]:
    """The body without the paragraphs of only links and tags a clipper puts above the text
    ("#Omnivore", "[Read Original](…)"); a link to the original gives the URL when none is."""
    taken = 0
    while taken < min(LINK_LINES, len(paragraphs) - 1):
        paragraph = paragraphs[taken]
        links = _LINK.findall(paragraph)
        rest = _HASHTAG.sub("", _LINK.sub("", paragraph))
        if not (links or _HASHTAG.search(paragraph)) or not _LEFT_OVER.fullmatch(rest):
            break
        for label, address in links:
            if not draft.url and _ORIGINAL.search(label) and _ADDRESS.match(address):
                draft.url = address
        taken += 1
    return paragraphs[taken:]


def _take_header_lines(paragraphs: list[str], draft: Draft) -> list[str]:
    """The body without date and byline lines right under the title (kept in `draft`)."""
    bylines: list[tuple[list[str], str]] = []
    while paragraphs:
        lines = paragraphs[0].split("\n")
        taken = 0
        for line in lines:
            if not _take_header_line(line, draft, bylines):
                break
            taken += 1
        if taken < len(lines):
            if taken:
                paragraphs[0] = "\n".join(lines[taken:])
            break
        paragraphs = paragraphs[1:]
    if bylines and not draft.authors and not draft.credit:
        draft.authors, draft.credit = merge_bylines(bylines)
    return paragraphs


def _take_header_line(line: str, draft: Draft, bylines: list[tuple[list[str], str]]) -> bool:
    """Record a byline or date line ("*By Jane Doe* | 4 March 2021"); False for other text."""
    found: list[tuple[list[str], str]] = []
    published = None
    for part in _PARTS.split(line.strip()):
        plain = _EMPHASIS.sub("", part.strip()).strip()
        if not plain:
            continue
        caseless = [] if plain.isascii() else caseless_byline(plain)
        if caseless:
            found.append((caseless, ""))  # "מאת: דוד כהן", "记者 王小明"
        elif is_byline(plain):
            found.append(split_byline(plain))
        elif looks_like_date_line(plain) and (parsed := parse_date(plain)) is not None:
            published = published or parsed
        else:
            return False
    if not found and published is None:
        return False
    bylines.extend(found)
    draft.published = draft.published or published
    return True


# "> ## Excerpt" and the page's description, quoted under the title: MarkDownload's template;
# other clippers and notes label such a block "Summary", "Description", "TL;DR"...
_QUOTED_LABEL = re.compile(r"^>[ \t]*#{1,6}[ \t]+(?P<label>[^#\n]+?)[ \t]*#*[ \t]*$")
_SUMMARY_LABELS = frozenset(
    {*SUMMARY_KEYS, "tl;dr", "tldr", "standfirst", "lede", "zusammenfassung", "résumé", "resumen"}
)
_QUOTED_BREAK = re.compile(r"^>[ \t]*$")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def _take_excerpt(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(the excerpt's paragraphs, the body without it) when the text opens with a quoted block
    headed by a summary's label ("> ## Excerpt" then "> The page's description…"), with the
    rule ("---") that sets it apart from the text; the excerpt becomes the lede unless the
    text says it already."""
    if not paragraphs:
        return [], paragraphs
    first, *lines = paragraphs[0].split("\n")
    label = _QUOTED_LABEL.match(first.strip())
    if not label or label.group("label").casefold().strip(" :") not in _SUMMARY_LABELS:
        return [], paragraphs
    if not all(line.lstrip().startswith(">") for line in lines):
        return [], paragraphs
    excerpt: list[str] = []
    current: list[str] = []
    for line in [*lines, ">"]:
        if _QUOTED_BREAK.match(line.strip()):
            if current:
                excerpt.append(sanitise_line(" ".join(current)))
                current = []
        else:
            current.append(line.lstrip()[1:].strip())
    rest = paragraphs[1:]
    if rest and _RULE.match(rest[0].split("\n", 1)[0]):
        # "---" on a line of its own: the text may follow on the next line, no blank between.
        after = rest[0].partition("\n")[2].strip("\n")
        rest = ([after] if after else []) + rest[1:]
    return excerpt, rest


def _loose(text: str) -> str:
    return " ".join(text.casefold().split())
