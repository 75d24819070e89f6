"""Annotations out as Markdown or W3C Web Annotation JSON-LD, and JSON-LD back in.

Both exports take `AnnotationStore.annotations()` (or a part of it) and keep its order:
articles in the order they were first annotated - the order they were read - then by title
(`by_published` puts them in the order they were published; the Markdown groups articles from
two or more sources by source, each oldest first); highlights in text order,
passages no longer found last. Both name the library the
annotations come from (every library's: each part or annotation names its own).

The JSON is a W3C AnnotationCollection (https://www.w3.org/TR/annotation-model/) whose first
page holds every annotation, with `newsread:library` (exports before it were a bare list of
annotations, which `import_json` still reads):

- a highlight: motivation "highlighting", or "commenting" when it has a note (a TextualBody in
  text/markdown); target = the article's URL (or `urn:newsread:article:<id>`) with a
  TextQuoteSelector and, when the quote is there, a TextPositionSelector into `Article.body`;
- an article note: motivation "commenting", target without selectors;
- a tag: motivation "tagging", a TextualBody with purpose "tagging" (one annotation per tag);
- a star: motivation "bookmarking".

newsread's own fields are namespaced keys: `newsread:colour`, `newsread:status`,
`newsread:article` (id, key, path and `path_bytes` (`article.path_fields`: a name that is
not UTF-8 shown with U+FFFD, and its exact bytes), title, source, url, published,
`published_period` ("year" or "month" for an article dated by that alone, as `search --json`
says it) and authors as cited, and `in_library: false` when the library no longer has the
article) and, in an export of every library, `newsread:library`.
Read marks are no annotation (no motivation of the model says "read"): they are the
collection's own `newsread:read` list, each the article (`newsread:article`, `source` as a
target names it) and when it was read (`read`), beside the annotations rather than among them,
so that other tools, and earlier newsreads, reading the annotations pass them by. They are
the user's reading history: an export moved to another machine (or a store file imported)
brings it, adding read marks, never taking one away.

`import_json` reads such a file back (and plain Web Annotations from other tools: a
TextQuoteSelector, a TextPositionSelector, or both), merging without duplicates: importing the
same file twice adds nothing. A TextPositionSelector alone is read against the article's text,
so it needs the article (`find`); `placing.place_all` then anchors what was imported.
`import_store` merges another store file (a copy newsread kept, a backup) by the same rules.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from newsread.index.annotations import database, records
from newsread.index.annotations.anchoring import ANCHOR_STATUSES, AnchorStatus, make_selector
from newsread.index.annotations.model import (
    COLOUR_NAMES,
    COLOURS,
    AnnotationError,
    ArticleAnnotations,
    ArticleInfo,
    Highlight,
    MergeItem,
    NoteRecord,
    ReadRecord,
    StarRecord,
    TagRecord,
)
from newsread.index.annotations.store import AnnotationStore
from newsread.index.article import (
    Article,
    date_shown,
    in_utc,
    path_fields,
    path_key,
    shown_path,
    stable_id,
)
from newsread.index.marks import JOINERS
from newsread.index.text import sanitise, sanitise_line

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN = "urn:newsread:"
ARTICLE_URN = URN + "article:"
HIGHLIGHT_URN = URN + "highlight:"


@dataclass(frozen=True)
class ImportSummary:
    """What `import_json` did: counts of annotations, and one line per one it skipped."""

    added: int = 0
    updated: int = 0
    """Already here, replaced by a copy modified later (a highlight's note, an article note)."""
    both: int = 0
    """Already here with a different note of the user's, which a newer one would have
    replaced: the note now holds both (the imported text, a divider, the user's)."""
    unchanged: int = 0
    """Already here (duplicates), or deleted here."""
    restored: int = 0
    """Highlights deleted here whose note was edited there since this store last had it:
    brought back with that edit, which the deletion never saw."""
    elsewhere: tuple[str, ...] = ()
    """The other libraries (`library_id`s) an export of every library named annotations as
    made in: they are recorded as theirs, not the importing library's (a library holding
    their articles where that folder is not takes them: `Library.claim_annotations`)."""
    read: int = 0
    """Articles marked read that were not (read marks are counted apart from annotations)."""
    errors: tuple[str, ...] = ()


# Markdown -------------------------------------------------------------------------------------


def by_published(items: Sequence[ArticleAnnotations]) -> list[ArticleAnnotations]:
    """`items` oldest article first (a brief on how a story went), undated ones last in the
    order they came."""
    dated = [item for item in items if item.article.published is not None]
    dated.sort(key=lambda item: _instant(item.article.published))
    return dated + [item for item in items if item.article.published is None]


def highlights_by_published(highlights: Sequence[Highlight]) -> list[Highlight]:
    """`highlights` as `by_published` orders articles: oldest article first, each article's
    in text order (passages never placed last), undated articles last in the order given."""
    first_seen = {h.article.id: n for n, h in reversed(list(enumerate(highlights)))}

    def key(h: Highlight) -> tuple[bool, tuple[date, datetime], int, bool, int]:
        published = h.article.published
        return (
            published is None,
            _instant(published),
            first_seen[h.article.id],
            h.start is None,
            h.start or 0,
        )

    return sorted(highlights, key=key)


def _instant(when: datetime | None) -> tuple[date, datetime]:
    """Where a page dated `when` stands in date order, as the date sorts put it: by its own
    day (the one cited), then the instant (a time without a zone taken as written)."""
    if when is None:
        return date.min, datetime.min
    return when.date(), in_utc(when)


def export_markdown(
    items: Sequence[ArticleAnnotations],
    *,
    title: str = "Highlights",
    library: str | None = None,
    query: str = "",
) -> str:
    """The annotations as a Markdown document: the heading, the line "Library: `FOLDER`"
    naming `library` (`library_id`) they were exported from, then one section per article.
    Without `library` (every library's), a heading and "Library:" line per library, each with
    its articles. `query`, what chose the annotations exported (a search, a tag), is said
    on a "Query:" line under each "Library:" line.

    Articles from two or more sources (as cited) are grouped under a `## source` heading
    per source, alphabetically (the articles naming none last, under "No source named"),
    each source's oldest first, their titles `###`: a brief comparing how each covered it.

    Each section: `## title`, a citation line (authors, source, date, and where to find the
    article: its URL, else its file in the library), "★ Starred" if it is, the article note,
    each highlight as a block quote with its colour and its note beneath, then the tags. Notes
    keep their lines and paragraphs as written (they are Markdown); the article's own words
    (title, authors, source, quotes) are escaped, to show as the article has them.
    """
    if library is not None:
        return _markdown_part(items, title, library, query)
    parts: dict[str, list[ArticleAnnotations]] = {}
    for item in items:
        parts.setdefault(item.library, []).append(item)
    return "\n".join(
        _markdown_part(part, title, made_in, query) for made_in, part in parts.items()
    ) or _markdown_part([], title, None, query)


def _markdown_part(
    items: Sequence[ArticleAnnotations], title: str, library: str | None, query: str = ""
) -> str:
    """The heading, the library's line (none for an empty export of every library), the
    query's and the articles' sections."""
    lines = [f"# {title}", ""]
    if library is not None:
        lines += [f"Library: {_code(library)}" if library else f"Library: {_NOT_RECORDED}", ""]
    if query:
        lines += [f"Query: {_code(sanitise_line(query))}", ""]
    sources = by_source(items)
    if len([source for source in sources if source]) < 2:  # nothing to compare: as given
        for item in items:
            lines += _article_lines(item, "##")
    else:
        for source, part in sources.items():
            lines += [f"## {_literal(source) if source else _NO_SOURCE}", ""]
            for item in by_published(part):
                lines += _article_lines(item, "###")
    return "\n".join(lines).rstrip("\n") + "\n"


_NO_SOURCE = "No source named"
"""The heading of the articles naming no source, in a brief grouped by source."""


def by_source(items: Sequence[ArticleAnnotations]) -> dict[str, list[ArticleAnnotations]]:
    """`items` by the source each cites (its case and spacing aside), in the order given:
    sources alphabetically, each spelled as first cited, "" (none named) last."""
    groups: dict[str, list[ArticleAnnotations]] = {}
    spelled: dict[str, str] = {}
    for item in items:
        source = " ".join(item.article.source.split())
        key = source.casefold()
        groups.setdefault(key, []).append(item)
        spelled.setdefault(key, source)
    order = sorted(groups, key=lambda key: (not key, key))
    return {spelled[key]: groups[key] for key in order}


def _article_lines(item: ArticleAnnotations, level: str) -> list[str]:
    """One article's section, its title a heading at `level` ("##")."""
    article = item.article
    heading = article.title or shown_path(article.key or article.path) or article.id
    lines = [f"{level} {_literal(heading)}", ""]
    citation = _citation(article)
    if citation:
        lines += [citation, ""]
    if item.in_library is False:
        lines += [f"*({_UNREADABLE if item.unreadable else _NOT_IN_LIBRARY}.)*", ""]
    if item.state.starred:
        lines += ["★ Starred", ""]
    if item.state.note:
        # About the whole article: under its citation, not after the passages, where it
        # read as more about the last one.
        lines += ["**Article note:**", "", *_note_lines(item.state.note), ""]
    for highlight in item.highlights:
        lines += [("> " + _literal(line)).rstrip() for line in highlight.quote.split("\n")]
        lines.append("")
        colour = COLOUR_NAMES.get(highlight.colour, str(highlight.colour)).capitalize()
        if highlight.orphaned:
            lines += [f"*({colour}; this passage is no longer in the article.)*", ""]
        elif highlight.status == "fuzzy":
            # Quoted as highlighted; a citation must not pass it off as the article's text.
            lines += [f"*({colour}; the article's wording here has changed since.)*", ""]
        else:
            lines += [f"*({colour})*", ""]
        if highlight.note:
            # Marked as the article's note is, never a bare paragraph read as quoted text.
            lines += ["**Note:**", "", *_note_lines(highlight.note), ""]
    if item.state.tags:
        lines += ["Tags: " + ", ".join(f"`{name}`" for name in item.state.tag_names), ""]
    return lines


_NOT_RECORDED = "not recorded (annotated before newsread recorded where)"


def _code(text: str) -> str:
    """`text` as inline code (a file or folder name: backticks made quotes)."""
    return "`" + text.replace("`", "'") + "`"


# One store holds the annotations of every library the user opens: an article missing from
# the library exported against may be in another one, not deleted.
_NOT_IN_LIBRARY = (
    "Not in this library now (deleted, moved and changed, or annotated in another library):"
    " quoted as last read, the file"
    " named is where it was"
)
# Its file is there, but its owner took the user's access away (the update dropped it).
_UNREADABLE = "You may no longer read its file (permission denied): quoted as last read"


def _citation(article: ArticleInfo) -> str:
    # A wire story bylined by its agency ("By Baltic Wire") names it once, as the source.
    source = article.source.casefold()
    authors = [name for name in article.authors if name.casefold() != source]
    parts = [_literal(", ".join(authors))] if authors else []
    if article.source:
        parts.append(f"*{_literal(article.source)}*")
    if article.published is not None:
        parts.append(date_shown(article.published, article.period))
    if article.url:
        parts.append(f"<{article.url}>")
    elif article.path or article.key:
        # No URL (a wire story, a file saved from elsewhere): the file in the library.
        parts.append(_code(shown_path(article.path or article.key)))
    return ", ".join(parts)


# An article's words are data: each character Markdown would read as markup is escaped (a
# backslash before ASCII punctuation shows it as typed), so `<Xon>`, `*`, `_`, `[...]`, `&amp;`
# and a line opening with `1.`, `-` or `#` appear in the rendered document as the article has them.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>&~|#])")
_LINE_START_MARKUP = re.compile(r"^(\s*)(?:([+=-])|(\d+)([.)]))")


def _literal(text: str) -> str:
    """`text`, one line of an article's words, escaped to show as written in Markdown."""
    escaped = _INLINE_MARKUP.sub(r"\\\1", text)
    return _LINE_START_MARKUP.sub(
        lambda m: m[1] + ("\\" + m[2] if m[2] else m[3] + "\\" + m[4]), escaped, count=1
    )


_BLOCK_START = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#|>|```|~~~|\|)")
# Taking "```]> 1. `" for a fence left the real one on the next line open (`records.FENCE`).
_FENCE = records.FENCE
# HTML blocks that run until an end marker, blank lines and all (CommonMark's kinds 1 to 5):
# the opening pattern, then the marker that ends it.
_RAW_BLOCKS = (
    (re.compile(r" {0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE), None),
    (re.compile(r" {0,3}<!--"), "-->"),
    (re.compile(r" {0,3}<\?"), "?>"),
    (re.compile(r" {0,3}<![A-Za-z]"), ">"),
    (re.compile(r" {0,3}<!\[CDATA\["), "]]>"),
)


def _note_lines(note: str) -> list[str]:
    """A note's lines as Markdown shows them as written: a line break stays a line break.

    Markdown joins consecutive lines into one paragraph, so a note typed with single line
    breaks came out as one; each such line ends in a hard break (a backslash) instead, except
    around lists, headings, quotes, tables and inside code blocks, which Markdown keeps apart.
    A note is Markdown, but kept to itself: a code fence it leaves open is closed at its end,
    and an HTML comment or `<pre>` it never ends shows as typed, or either would swallow
    every passage and note after it.
    """
    lines = note.split("\n")
    out = []
    fence = ""
    for n, (line, following) in enumerate(zip(lines, [*lines[1:], ""], strict=True)):
        opened = _FENCE.match(line)
        if fence:
            if (
                opened
                and opened[1][0] == fence[0]
                and len(opened[1]) >= len(fence)
                and not line[opened.end() :].strip()
            ):
                fence = ""
            out.append(line)
            continue
        if opened:
            fence = opened[1]
            out.append(line)
            continue
        line = _shown_if_unended(line, "\n".join(lines[n:]))
        line = _no_heading(line, lines[n - 1] if n else "")
        joined = (
            line.strip()
            and following.strip()
            and not line.endswith(("\\", "  "))
            and not _BLOCK_START.match(line)
            and not _BLOCK_START.match(following)
        )
        out.append(line + "\\" if joined else line)
    return [*out, fence] if fence else out


_HEADING = re.compile(r" {0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(#{1,6})(?:[ \t]|$)")
_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")


def _no_heading(line: str, before: str) -> str:
    """`line`, shown as typed where Markdown would make a heading of it (in a list item too)
    or of the line `before` it (underlined): a note's "# Summary" was a heading of the
    export, an h1 among the articles' h2s, with the passages after it under it."""
    heading = _HEADING.match(line)
    if heading:
        return line[: heading.start(1)] + "\\" + line[heading.start(1) :]
    underline = _UNDERLINE.match(line)
    if underline and before.strip() and not _FENCE.match(before):
        return line[: underline.start(1)] + "\\" + line[underline.start(1) :]
    return line


def _shown_if_unended(line: str, rest: str) -> str:
    """`line`, its `<` escaped when it opens an HTML block that `rest` (the note from this
    line on) never ends."""
    for opening, end in _RAW_BLOCKS:
        found = opening.match(line)
        if found:
            marker = end or f"</{found[1].lower()}>"
            if marker not in rest[found.end() :].lower():
                return line.replace("<", "\\<", 1)
            return line
    return line


# JSON-LD out ----------------------------------------------------------------------------------


def export_json(
    items: Sequence[ArticleAnnotations],
    *,
    library: str | None = None,
    read: Sequence[ReadRecord] = (),
) -> str:
    """The annotations as a W3C AnnotationCollection of Web Annotations (see the module
    docstring), its `newsread:library` the library (`library_id`) they were exported from;
    null for every library's, when each annotation names the one it was made in. `read`: the
    read marks, as its `newsread:read` list."""
    annotations = to_web_annotations(items, libraries=library is None)
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "newsread annotations",
        "newsread:library": library,
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
        "newsread:read": [_read_mark(mark, libraries=library is None) for mark in read],
    }
    return json.dumps(collection, indent=2, ensure_ascii=False) + "\n"


def _read_mark(mark: ReadRecord, *, libraries: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "source": _source(mark.article),
        "read": _timestamp(mark.read),
        "newsread:article": _article_fields(mark.article),
    }
    if libraries:
        entry["newsread:library"] = mark.library or None
    return entry


def to_web_annotations(
    items: Sequence[ArticleAnnotations], *, libraries: bool = False
) -> list[dict[str, Any]]:
    """The annotations as W3C Web Annotation objects (JSON-compatible dicts); with
    `libraries`, each names the library it was made in (`newsread:library`, null: not known)."""
    annotations: list[dict[str, Any]] = []
    for item in items:
        made = _article_annotations(item)
        for annotation in made:
            if item.in_library is False:  # the file it names is no longer there
                annotation["newsread:article"]["in_library"] = False
            if libraries:
                annotation["newsread:library"] = item.library or None
        annotations += made
    return annotations


def _article_annotations(item: ArticleAnnotations) -> list[dict[str, Any]]:
    """One article's annotations: its highlights, note, tags and star."""
    annotations: list[dict[str, Any]] = []
    state = item.state
    article = state.article
    for highlight in item.highlights:
        annotations.append(_highlight_annotation(highlight))
    if state.note and state.note_created and state.note_updated:
        note = _annotation(
            f"{URN}note:{article.id}",
            "commenting",
            state.note_created,
            state.note_updated,
            [_text_body(state.note, "commenting")],
            {"source": _source(article)},
            article,
        )
        note[_VERSIONS] = list(records.note_versions(state.note_synced, state.note))
        annotations.append(note)
    for tag in state.tags:
        annotations.append(
            _annotation(
                f"{URN}tag:{article.id}:{url_quote(database.tag_key(tag.name), safe='')}",
                "tagging",
                tag.created,
                tag.created,
                [{"type": "TextualBody", "value": tag.name, "purpose": "tagging"}],
                {"source": _source(article)},
                article,
            )
        )
    if state.starred_at is not None:
        annotations.append(
            _annotation(
                f"{URN}star:{article.id}",
                "bookmarking",
                state.starred_at,
                state.starred_at,
                [],
                {"source": _source(article)},
                article,
            )
        )
    return annotations


def _highlight_annotation(highlight: Highlight) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": highlight.quote,
            "prefix": highlight.prefix,
            "suffix": highlight.suffix,
        }
    ]
    # Only a position that holds the quote: a fuzzy match covers other text, an orphan none.
    exact = highlight.status in ("anchored", "moved")
    if exact and highlight.start is not None and highlight.end is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end}
        )
    annotation = _annotation(
        HIGHLIGHT_URN + highlight.id,
        "commenting" if highlight.note else "highlighting",
        highlight.created,
        highlight.updated,
        [_text_body(highlight.note, "commenting")] if highlight.note else [],
        {"source": _source(highlight.article), "selector": selectors},
        highlight.article,
    )
    annotation["newsread:colour"] = highlight.colour
    annotation["newsread:status"] = highlight.status
    annotation[_VERSIONS] = list(records.note_versions(highlight.synced, highlight.note))
    return annotation


_VERSIONS = "newsread:versions"
"""A note's versions: a hash (`records.note_digest`) of each text it had when exported or
imported, its text now last. The importing store merges by them (`records.sync_verdict`)."""


def _annotation(
    annotation_id: str,
    motivation: str,
    created: datetime,
    modified: datetime,
    body: list[dict[str, Any]],
    target: dict[str, Any],
    article: ArticleInfo,
) -> dict[str, Any]:
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_id,
        "type": "Annotation",
        "motivation": motivation,
        "created": _timestamp(created),
        "modified": _timestamp(modified),
    }
    if body:
        annotation["body"] = body
    annotation["target"] = target
    annotation["newsread:article"] = _article_fields(article)
    return annotation


def _article_fields(article: ArticleInfo) -> dict[str, Any]:
    return {
        "id": article.id,
        "key": article.key,
        **path_fields(article.path),
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": None if article.published is None else article.published.isoformat(),
        # As `search --json` says it: "published" is the first day of that year or month.
        "published_period": article.period or None,
        "authors": list(article.authors),
    }


def _text_body(text: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": text, "format": "text/markdown", "purpose": purpose}


def _source(article: ArticleInfo) -> str:
    source: str = article.url or ARTICLE_URN + article.id
    return source


def _timestamp(moment: datetime) -> str:
    """xsd:dateTime in UTC with a Z; microseconds only when there are some."""
    moment = moment.astimezone(timezone.utc)
    spec = "microseconds" if moment.microsecond else "seconds"
    return moment.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


# JSON-LD in -----------------------------------------------------------------------------------


class _Invalid(ValueError):
    """One annotation cannot be imported; the message says why."""


FindArticle = Callable[[ArticleInfo], "Article | None"]
"""The library's article an annotation names, or None (`placing.find_article`)."""


def import_json(
    store: AnnotationStore, text: str, *, find: FindArticle | None = None
) -> ImportSummary:
    """Merge a Web Annotation JSON export into `store`; importing twice adds nothing.

    `find` looks articles up in the library, for targets with a TextPositionSelector alone.

    Accepts a list of annotations, an AnnotationCollection (with `first.items` or `items`), an
    AnnotationPage or a single annotation. Annotations that cannot be read are skipped and
    listed in `errors`; the rest are saved in one transaction (all or nothing). Highlights are
    placed in their article's text the next time it is opened (`highlights_for`).

    Raises:
        AnnotationError: the text is not JSON, or not Web Annotations at all, or the store
            could not save (nothing is saved then).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos == len(text) - len(text.lstrip()):  # not JSON from its first character
            raise AnnotationError(
                "not JSON: import reads Web Annotation JSON, as `newsread export --format json`"
                " writes it, or an annotations database (a Markdown export is for reading, not"
                " importing)"
            ) from None
        raise AnnotationError(
            f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:  # `[[[[...` a thousand deep: no annotation file is
        raise AnnotationError("not Web Annotations: nested too deeply") from None
    annotations = _annotation_list(data)
    now = store.now()
    read: list[tuple[MergeItem, str]] = []
    errors: list[str] = []
    for number, annotation in enumerate(annotations, 1):
        try:
            read.append((_read_annotation(annotation, now, find), _made_in(annotation, store)))
        except _Invalid as error:
            label = annotation.get("id") if isinstance(annotation, dict) else None
            errors.append(f"annotation {number}{f' ({label})' if label else ''}: {error}")
    marks = data.get("newsread:read") if isinstance(data, dict) else None
    for number, mark in enumerate(marks if isinstance(marks, list) else [], 1):
        try:
            read.append((_read_read_mark(mark), _made_in(mark, store)))
        except _Invalid as error:
            errors.append(f"read mark {number}: {error}")
    # Article-level records first, so an article's citation comes from its own record rather
    # than from what a highlight recorded when it was made.
    read.sort(key=lambda pair: isinstance(pair[0], Highlight))
    items = [item for item, _ in read]
    libraries = [library for _, library in read]
    outcomes = store.merge(items, libraries)
    counted = [
        o for item, o in zip(items, outcomes, strict=True) if not isinstance(item, ReadRecord)
    ]
    return ImportSummary(
        added=counted.count("added"),
        updated=counted.count("updated"),
        both=counted.count("both"),
        unchanged=counted.count("unchanged"),
        restored=counted.count("restored"),
        read=outcomes.count("added") - counted.count("added"),
        errors=tuple(errors),
        elsewhere=tuple(sorted({name for name in libraries if name})),
    )


def _made_in(data: Any, store: AnnotationStore) -> str:
    """The library an annotation of an export of every library names as made in, when not
    the one imported into, else "" (that one)."""
    name = data.get("newsread:library") if isinstance(data, dict) else None
    if not isinstance(name, str) or name == store.library:
        return ""
    return sanitise_line(name)


def import_store(
    store: AnnotationStore, path: Path, *, find: FindArticle | None = None
) -> ImportSummary:
    """Merge the annotations in another store file into `store` as `import_json` merges an
    export of it: a `.replaced-*` or `.corrupt-*` copy newsread kept, or a backup. The file
    is only read; of a damaged one, what still reads (`database.read_copy`). A row that does
    not read back (a date garbled by the damage) is named in `errors`, as a refused
    annotation of an import is.

    Raises:
        AnnotationError: no newsread annotations can be read from it, or the store could not
            save (nothing is saved then).
    """
    connection = database.read_copy(path)
    refused = _drop_unreadable(connection)
    copy = AnnotationStore(connection, path, read_only=f"{path} is a copy")
    try:
        items, read = copy.annotations(), copy.read_marks()
    finally:
        copy.close()
    summary = import_json(store, export_json(items, read=read), find=find)
    return replace(summary, errors=(*refused, *summary.errors))


def _drop_unreadable(connection: sqlite3.Connection) -> list[str]:
    """Delete the rows of a copied store that do not read as records; what each was."""
    refused = []
    for row in connection.execute("SELECT * FROM highlights").fetchall():
        try:
            records.highlight(row)
        except (ValueError, TypeError, OverflowError) as error:
            refused.append(
                f"highlight {row['id']} ({_short(row['quote'])}): does not read back ({error})"
            )
            connection.execute("DELETE FROM highlights WHERE seq = ?", (row["seq"],))
    for row in connection.execute("SELECT * FROM articles").fetchall():
        try:
            records.state(connection, row, records.article_info(row))
        except (ValueError, TypeError, OverflowError) as error:
            refused.append(
                f"the notes of {_short(row['title'] or row['article_id'])}: do not read back"
                f" ({error})"
            )
            connection.execute("DELETE FROM tags WHERE article_id = ?", (row["article_id"],))
            connection.execute("DELETE FROM articles WHERE seq = ?", (row["seq"],))
    return refused


def _short(text: object) -> str:
    words = " ".join(str(text).split())
    return repr(words if len(words) <= 40 else words[:39] + "…")


def _annotation_list(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        kinds = _as_list(data.get("type"))
        if "Annotation" in kinds:
            return [data]
        if "AnnotationPage" in kinds and isinstance(data.get("items"), list):
            return list(data["items"])
        if "AnnotationCollection" in kinds:
            first = data.get("first")
            if isinstance(first, dict) and isinstance(first.get("items"), list):
                return list(first["items"])
            if isinstance(data.get("items"), list):
                return list(data["items"])
    raise AnnotationError(
        "not Web Annotations: expected a list of annotations or an AnnotationCollection"
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _read_annotation(data: Any, now: datetime, find: FindArticle | None = None) -> MergeItem:
    if not isinstance(data, dict):
        raise _Invalid("not an object")
    if "Annotation" not in _as_list(data.get("type")):
        raise _Invalid('"type" is not "Annotation"')
    motivations = [m for m in _as_list(data.get("motivation")) if isinstance(m, str)]
    created = _read_time(data.get("created"), "created") or now
    modified = _read_time(data.get("modified"), "modified") or created
    target = _read_target(data.get("target"))
    source = target.get("source")
    if not isinstance(source, str) or not source:
        raise _Invalid("the target has no source")
    article = _read_article(data.get("newsread:article"), source)
    bodies = [body for body in _as_list(data.get("body")) if body is not None]
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value", ""), str):
            raise _Invalid("a body is not a TextualBody with a text value")
    tags = [b["value"] for b in bodies if b.get("purpose") == "tagging" and "value" in b]
    notes = [
        b["value"]
        for b in bodies
        if b.get("purpose") != "tagging" and isinstance(b.get("value"), str)
    ]
    quote = _quote_selector(target.get("selector"))
    if quote is None:
        quote = _quote_from_position(target.get("selector"), article, find)
    if quote is not None:
        return _read_highlight(data, article, quote, target, notes, created, modified)
    if "tagging" in motivations or tags:
        if len(tags) != 1:
            raise _Invalid("a tagging annotation needs exactly one tag")
        tag = "-".join(sanitise_line(tags[0]).lstrip("#").split())
        if not tag:
            raise _Invalid("the tag is empty")
        return TagRecord(article, tag, created)
    if "bookmarking" in motivations:
        return StarRecord(article, created)
    if notes and "\n".join(notes).strip():
        return NoteRecord(article, "\n\n".join(notes), created, modified, _versions(data))
    raise _Invalid(f"nothing newsread can import (motivation {', '.join(motivations) or 'none'})")


def _read_read_mark(data: Any) -> ReadRecord:
    if not isinstance(data, dict):
        raise _Invalid("not an object")
    source = data.get("source")
    if not isinstance(source, str) or not source:
        raise _Invalid("no source")
    read = _read_time(data.get("read"), "read")
    if read is None:
        raise _Invalid('no "read" time')
    return ReadRecord(_read_article(data.get("newsread:article"), source), read)


def _read_target(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        if not value:
            raise _Invalid("no target")
        value = value[0]
    if isinstance(value, str):
        return {"source": value}
    if isinstance(value, dict):
        return value
    raise _Invalid("no target")


def _read_article(value: Any, source: str) -> ArticleInfo:
    """The annotated article: newsread's own record of it, else what the target says."""
    url = "" if source.startswith(URN) else source
    if source.startswith(ARTICLE_URN):
        article_id = source[len(ARTICLE_URN) :]
    else:
        article_id = stable_id(url, "", ())
    if value is None:
        return ArticleInfo(id=article_id, url=sanitise_line(url))
    if not isinstance(value, dict):
        raise _Invalid('"newsread:article" is not an object')
    fields = {}
    for name in ("id", "key", "path", "title", "source", "url", "published"):
        field_value = value.get(name)
        if field_value is not None and not isinstance(field_value, str):
            raise _Invalid(f'"newsread:article" {name} is not a string')
        fields[name] = sanitise_line(field_value or "")
    published = None
    if fields["published"]:
        try:
            published = datetime.fromisoformat(fields["published"])
        except ValueError:
            raise _Invalid(f"bad published date {fields['published']!r}") from None
    period = value.get("published_period") or ""
    if period not in ("", "year", "month"):
        raise _Invalid('"newsread:article" published_period is not "year" or "month"')
    authors = value.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(name, str) for name in authors):
        raise _Invalid('"newsread:article" authors is not a list of names')
    return ArticleInfo(
        id=fields["id"] or article_id,
        key=fields["key"],
        path=_exact_path(value.get("path_bytes")) or fields["path"],
        title=fields["title"],
        source=fields["source"],
        url=fields["url"] or sanitise_line(url),
        published=published,
        authors=tuple(name for name in map(sanitise_line, authors) if name),
        period=period if published is not None else "",
    )


def _exact_path(value: Any) -> str:
    """The path `path_bytes` gives (`path_fields`), as its key spells it; "" for none."""
    if value is None:
        return ""
    try:
        return path_key(os.fsdecode(base64.b64decode(value, validate=True)))
    except (TypeError, ValueError):
        raise _Invalid('"newsread:article" path_bytes is not base64') from None


def _quote_selector(value: Any) -> dict[str, Any] | None:
    for selector in _as_list(value):
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            return selector
    return None


def _quote_from_position(
    selectors: Any, article: ArticleInfo, find: FindArticle | None
) -> dict[str, Any] | None:
    """A TextQuoteSelector made from a TextPositionSelector and the article's current text."""
    start, end = _position(selectors)
    if start is None or end is None:
        return None
    found = find(article) if find is not None else None
    if found is None:
        raise _Invalid("a TextPositionSelector alone needs its article in the library")
    if end > len(found.body):
        raise _Invalid(f"the TextPositionSelector {start}-{end} is past the article's end")
    quote, prefix, suffix = make_selector(found.body, start, end)
    return {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix}


_LONGEST = 2**62
"""Past any article's end, and within what SQLite stores (a larger offset failed the whole
import: "unexpected error: OverflowError")."""


def _position(value: Any) -> tuple[int | None, int | None]:
    for selector in _as_list(value):
        if isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            start, end = selector.get("start"), selector.get("end")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and not isinstance(start, bool)
                and not isinstance(end, bool)
                and 0 <= start < end <= _LONGEST
            ):
                return start, end
            raise _Invalid("a TextPositionSelector needs integers 0 <= start < end")
    return None, None


def _read_highlight(
    data: dict[str, Any],
    article: ArticleInfo,
    selector: dict[str, Any],
    target: dict[str, Any],
    notes: list[str],
    created: datetime,
    modified: datetime,
) -> Highlight:
    texts = [selector.get(name, "") for name in ("exact", "prefix", "suffix")]
    if not all(isinstance(text, str) for text in texts):
        raise _Invalid("the TextQuoteSelector's exact/prefix/suffix are not strings")
    quote, prefix, suffix = texts
    # Read together, as the article text they were cut from: a joiner kept inside a word
    # ("می\u200c|گویند") ends a quote or opens a suffix, and sanitised alone it was dropped.
    # The context's own ends were cut from that text too: a joiner there stood beside a
    # character the cut left out (a suffix of 32 characters ending "¹\u200c" before "¹").
    whole = (prefix + quote + suffix).strip(JOINERS)
    if sanitise(whole) != whole:
        quote, prefix, suffix = (sanitise(text) for text in texts)
    if not quote:
        raise _Invalid("the TextQuoteSelector quotes nothing")
    start, end = _position(target.get("selector"))
    colour = data.get("newsread:colour", 1)
    if isinstance(colour, bool) or colour not in COLOURS:
        raise _Invalid(f"colour {colour!r} is not 1-5")
    status: AnchorStatus = "anchored" if start is not None else "orphaned"
    for known in ANCHOR_STATUSES:
        if data.get("newsread:status") == known:
            status = known
    return Highlight(
        id=_highlight_id(data.get("id"), article, quote, prefix, suffix),
        article=article,
        colour=colour,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        status=status,
        note="\n\n".join(notes),
        created=created,
        updated=modified,
        synced=_versions(data),
    )


def _versions(data: dict[str, Any]) -> tuple[str, ...]:
    """The note's versions (`_VERSIONS`), or () for an export that does not give them."""
    value = data.get(_VERSIONS)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(digest, str) and _DIGEST.fullmatch(digest) for digest in value
    ):
        raise _Invalid(f'"{_VERSIONS}" is not a list of note hashes')
    return tuple(value)


_DIGEST = re.compile(r"[0-9a-f]{16}")


def _highlight_id(value: Any, article: ArticleInfo, quote: str, prefix: str, suffix: str) -> str:
    """newsread's own id back; for other tools' annotations, a stable one derived from theirs."""
    if isinstance(value, str) and value.startswith(HIGHLIGHT_URN) and value[len(HIGHLIGHT_URN) :]:
        return value[len(HIGHLIGHT_URN) :]
    basis = (
        value if isinstance(value, str) and value else f"{article.id}\0{quote}\0{prefix}\0{suffix}"
    )
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:32]


def _read_time(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f'"{name}" is not a date-time string')
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Invalid(f'"{name}" is not a date-time: {value!r}') from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:  # "0001-01-01T00:00:00+14:00" is in the year 0
        raise _Invalid(f'"{name}" is not a date-time: {value!r}') from None
