"""Keeping highlights placed in their articles' current text, whoever reads the store next.

`AnnotationStore.highlights_for(article)` re-anchors an article's highlights and saves what
changed (offsets, status, the article's new identity, key and path, and the citation of a
highlight imported without one). The app does that when an article is opened; this module
does it for everyone else:

- `follow_library` after the indexer re-read some articles (a file edited or moved), so
  export, search and the highlights view see current positions without opening anything;
- `place_all` after an import and before an export or the highlights view: every live
  highlight whose article is in the library;
- `as_listed` for the highlights view: which highlights' articles the library no longer has
  (and which of those the user may no longer read), and the period of those dated by a year or month alone;
- `cited_now` before an export: each article's authors, for its citation, and whether the
  library still has it.

An article is found as an annotation names it: by URL (its stable id), then id, then key or
path in the library. One that moved and changed at once answers to none of these (without a
URL, its id is a hash of its text): `follow_moved` finds it by its title, its file's name or,
after a re-index, its text looked up in the index, and takes it when its text confirms it.
"""

from __future__ import annotations

import logging
import posixpath
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit

from newsread.index.annotations.anchoring import anchor, make_selector
from newsread.index.annotations.model import (
    AnnotationError,
    ArticleAnnotations,
    ArticleInfo,
    Highlight,
    cited_authors,
)
from newsread.index.annotations.records import other_address, same_title
from newsread.index.article import Article, stable_id
from newsread.index.text import sanitise_line

if TYPE_CHECKING:
    from newsread.index.annotations.store import AnnotationStore


class _Articles(Protocol):
    def keys_for(self, path_or_id: str) -> list[str]: ...
    def all_keys(self) -> Iterable[str]: ...
    def articles(self, keys: Iterable[str]) -> dict[str, Article]: ...


class Library(Protocol):
    """What placing needs of a library (`newsread.index.Library` is one): its articles, and the
    user's annotation store. Named here so annotations/ never imports the library back."""

    @property
    def docs(self) -> _Articles: ...

    @property
    def annotations(self) -> AnnotationStore: ...

    @property
    def root(self) -> Path: ...

    def titled(self, title: str) -> list[Article]: ...

    def unreadable(self, paths: Iterable[str]) -> set[str]: ...

    def holding(
        self, phrases: Iterable[str], within: Collection[str] | None = None
    ) -> dict[str, set[str]]: ...


log = logging.getLogger(__name__)


def find_article(library: Library, info: ArticleInfo) -> Article | None:
    """The library's article that `info` names: by URL, then id, then key, then path."""
    key = _key_of(library, info)
    return None if key is None else library.docs.articles([key]).get(key)


def _key_of(library: Library, info: ArticleInfo) -> str | None:
    """The key of the article `find_article` finds, looked up without loading it (but the
    one found at the place `info` was last seen, which may hold another article now)."""
    names = []
    if info.url.strip():
        names.append(stable_id(info.url, "", ()))
    paths = _paths_named(library, info.url)
    names += [info.id, info.key, info.path, *paths]
    for name in names:
        if not name:
            continue
        found = library.docs.keys_for(name)
        if len(found) == 1 or (found and name in (info.key, info.path, *paths)):
            key = name if name in found else found[0]
            if name in (info.key, info.path) and not _still_there(library, key, info):
                continue
            return key
    return None


def _still_there(library: Library, key: str, info: ArticleInfo) -> bool:
    """Whether the article at `key`, where `info`'s was last seen, is still that one: not one
    of another address, nor, where `info`'s was one of a file of several (`feed.json#2`,
    whose places move when an article before it comes or goes), one of another title."""
    article = library.docs.articles([key]).get(key)
    if article is None or other_address(ArticleInfo.of(article).url_key, info.url_key):
        return False
    return "#" not in info.key or same_title(sanitise_line(article.title), info.title)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _paths_named(library: Library, address: str) -> list[str]:
    """The paths in the library an annotation's target names when it is a file, not a web
    page (other tools and hand-made files name one so): relative to the library (`./` and
    Windows separators too), absolute or a `file:` URL under its folder, or relative to the
    folder newsread runs in and leading into it."""
    address = address.strip()
    if address.lower().startswith("file:"):
        address = unquote(urlsplit(address).path)
    elif not address or _SCHEME.match(address):  # a web address, a urn:
        return []
    address = address.replace("\\", "/")
    names = []
    path = Path(address)
    if not path.is_absolute():
        names.append(posixpath.normpath(address))
    try:
        path = path.absolute()  # from the working folder, which may be gone
        names.append(path.resolve().relative_to(library.root.resolve()).as_posix())
    except (OSError, ValueError):  # not under the library's folder
        pass
    return names


def follow_moved(
    library: Library, store: AnnotationStore, within: Collection[str] | None = None
) -> Moves:
    """Give the annotations of articles the library no longer names (by URL, id, key or
    path) to the article they became: one whose file moved and changed at once (a new path,
    and without a URL a new id); only those made in the store's library (or where is not
    known): another library's article of the same title is not this one's. Candidates have the
    same title (`Library.titled`) or a file of the same name with another extension
    (`_file_base`), among the keys `within` when given, and no other URL; with `within` (the
    articles a re-index just read), also those of them holding its text (`_found_by_text`):
    a file renamed and retitled at once. One is taken when the quotes of its highlights are
    found in it (`_confirms`), or, for an article with no highlights, most of the pieces of
    text its row keeps. Two such candidates are two copies of the article: neither gets the
    annotations, and `Moves.undecided` says so.
    """
    moves = Moves()
    gone = [
        info.id
        for info in store.annotated_articles(store.library or None)
        if info.title.strip() and _key_of(library, info) is None
    ]
    # Only the articles no longer found are loaded with their annotations: this runs after
    # every re-index, and nearly always every annotated article is where it was.
    items = [
        item
        for item in (store.annotations(gone) if gone else ())
        if item.article.title.strip() and _key_of(library, item.article) is None
    ]
    phrases = {} if within is None else {item.article.id: _phrases(store, item) for item in items}
    held = library.holding({p for found in phrases.values() for p in found}, within)
    bases: dict[str, list[str]] = {}
    for item in items:
        info = item.article
        base = _file_base(info.path or info.key)
        resaved = library.docs.articles(
            key for key in (bases or _bases(library, bases)).get(base, ()) if key != info.key
        )
        candidates = {article.key: article for article in library.titled(info.title)}
        if info.id in phrases:
            candidates.update(_found_by_text(library, phrases[info.id], held))
        confirmed = [
            article
            for article in {**candidates, **resaved}.values()
            if (within is None or article.key in within)
            and article.id != info.id
            and not other_address(info.url_key, ArticleInfo.of(article).url_key)
            and _confirms(store, item, article, by_name=article.key in resaved)
        ]
        if len(confirmed) == 1:
            store.move_article(info.id, confirmed[0])
            moves.moved.append(confirmed[0])
        elif confirmed:
            moves.undecided[info.id] = (info.title, tuple(a.key for a in confirmed))
            log.warning("%s", moves.problems()[-1])
    return moves


_TEXT_PHRASES = 3
"""The longest quotes of a gone article looked up (`_found_by_text`)."""
_TEXT_CANDIDATES = 8
"""Articles found by their text loaded at most per gone article: those holding most of its
phrases (its own new file holds all but the reworded ones)."""


def _phrases(store: AnnotationStore, item: ArticleAnnotations) -> list[str]:
    """What finds `item`'s article by its text (`_found_by_text`): the longest lines of its
    highlights' quotes (`_quoted_phrases`), or for an article with notes alone the pieces of
    text its row keeps."""
    if item.highlights:
        return _quoted_phrases(item.highlights)
    # Cut from the text at any character: a word at either end may be a part of one.
    return [" ".join(piece.split()[1:-1]) for piece in store.excerpts(item.article.id)]


def _found_by_text(
    library: Library, phrases: Iterable[str], held: dict[str, set[str]]
) -> dict[str, Article]:
    """The articles holding the most of `phrases` (the keys holding each, `held`: looked up
    in the index by `Library.holding`, for every gone article at once), by key, for
    `_confirms` to judge.

    Without a URL an article's id is a hash of its text, and its title and file name may
    both change in one edit (a headline rewritten, the file renamed to match): neither
    `Library.titled` nor `_file_base` finds it then, and its annotations stayed with a gone
    article. Nothing is loaded but the few articles holding the most phrases.
    """
    count: dict[str, int] = {}
    for phrase in phrases:
        for key in held.get(phrase, ()):
            count[key] = count.get(key, 0) + 1
    best = sorted(count, key=lambda key: (-count[key], key))[:_TEXT_CANDIDATES]
    return library.docs.articles(best)


def _quoted_phrases(highlights: Iterable[Highlight]) -> list[str]:
    """The longest line of each highlight's quote (an edit parts a passage at its paragraph
    breaks most of all: an embed put in, a paragraph moved), without a word cut by its first
    or last character (a selection made within a word): the `_TEXT_PHRASES` longest."""
    lines = []
    for highlight in highlights:
        quote = highlight.quote
        if quote[:1].isalnum() and highlight.prefix[-1:].isalnum():
            quote = "".join(quote.split(None, 1)[1:])
        if quote[-1:].isalnum() and highlight.suffix[:1].isalnum():
            quote = "".join(quote.rsplit(None, 1)[:-1])
        line = max(quote.split("\n"), key=len).strip()
        if line:
            lines.append(line)
    return sorted(set(lines), key=lambda line: (-len(line), line))[:_TEXT_PHRASES]


def _bases(library: Library, bases: dict[str, list[str]]) -> dict[str, list[str]]:
    """`bases` filled with the library's keys by `_file_base`."""
    for key in library.docs.all_keys():
        bases.setdefault(_file_base(key), []).append(key)
    return bases


def _file_base(key: str) -> str:
    """A file's key or path without its extension (and ".gz"), in Unicode's composed form: the
    same for the page saved again under its name by another tool (as text, as Markdown) or on
    a Mac (names in NFD)."""
    name = key.split("#", 1)[0]
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, extension = name.rpartition(".")
    if dot and stem and "/" not in extension:
        name = stem
    return unicodedata.normalize("NFC", name)


@dataclass
class Moves:
    """What `follow_moved` did: the articles that took moved annotations, and by old article
    id, its title and the library keys of the several articles that each could have been."""

    moved: list[Article] = field(default_factory=list)
    undecided: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """A line for the user per article whose annotations were left where they were."""
        return [
            f"annotations of “{sanitise_line(title)}” not attached: {len(keys)} articles "
            f"could be it ({', '.join(sanitise_line(key) for key in keys)})"
            for title, keys in self.undecided.values()
        ]


def _confirms(
    store: AnnotationStore, item: ArticleAnnotations, article: Article, *, by_name: bool = False
) -> bool:
    """Whether `article` is `item`'s article by its text: most highlights' quotes are in it
    (with their context, as `anchor` finds them), or without highlights, most excerpts.

    An article in a file of the same name (`by_name`, `_file_base`) needs one quote only: the
    page saved again by another tool is read otherwise (a lede or a paragraph in one is left
    out of the other), and an article of the same title alone may share a sentence with it
    (a series' boilerplate) where one of the same file hardly does.
    """
    if not item.highlights:
        return store.resembles(item.article.id, article.body) is True
    found = sum(
        anchor(article.body, h.quote, h.prefix, h.suffix, h.start, h.end).status != "orphaned"
        for h in item.highlights
    )
    return found > 0 if by_name else 2 * found > len(item.highlights)


def as_listed(
    library: Library, highlights: Iterable[Highlight]
) -> tuple[list[Highlight], frozenset[str], frozenset[str]]:
    """`highlights` as the highlights view lists them, each article's title and period as the
    library has them (the store keeps the title when highlighted, and a date of a year or month
    alone as its first day), the ids of those whose article the library no longer has (as
    `find_article` looks: deleted, or moved and changed at once), and of those among these
    whose file is there but the user may no longer read (`Library.unreadable`: its owner took
    their access away, and the update dropped it); each article is looked up once."""
    found: dict[tuple[str, str, str, str], Article | None] = {}
    listed, gone = [], set()
    for highlight in highlights:
        info = highlight.article
        name = (info.id, info.url, info.key, info.path)
        if name not in found:
            found[name] = find_article(library, info)
        article = found[name]
        if article is None:
            gone.add(highlight.id)
        else:
            same_day = article.period and article.published == info.published
            period = article.period if same_day else info.period
            title = sanitise_line(article.title) or info.title
            highlight = replace(highlight, article=replace(info, title=title, period=period))
        listed.append(highlight)
    shut = _shut(library, [h.article for h in listed if h.id in gone])
    return listed, frozenset(gone), frozenset(h.id for h in listed if _file_of(h.article) in shut)


def _file_of(info: ArticleInfo) -> str:
    """The file (as the index keys it) `info`'s article was last seen in."""
    return info.path or info.key


def _shut(library: Library, gone: Iterable[ArticleInfo]) -> set[str]:
    """The files of the `gone` articles (those the library no longer has) that are there but
    the user may no longer read: the update dropped them, not their owner."""
    return library.unreadable(file for info in gone if (file := _file_of(info)))


def cited_now(library: Library, items: Sequence[ArticleAnnotations]) -> list[ArticleAnnotations]:
    """`items` with each article's authors (or credit) and file as the library has them, and
    whether it has the article at all (and if not, whether its file is there but the user may
    no longer read it): the store keeps what identifies an article, and a citation names who
    wrote it, where it is now (a file renamed since it was annotated), and must not pass a
    vanished article off as the library's."""
    found = [find_article(library, item.article) for item in items]
    shut = _shut(
        library,
        [item.article for item, article in zip(items, found, strict=True) if article is None],
    )
    cited = []
    for item, article in zip(items, found, strict=True):
        item = replace(item, in_library=article is not None)
        if article is None:  # cited as last read, each highlight as its article's row says
            last_read = tuple(_as_last_read(h, item.article) for h in item.highlights)
            unreadable = _file_of(item.article) in shut
            cited.append(replace(item, highlights=last_read, unreadable=unreadable))
            continue
        state = replace(item.state, article=_as_now(item.state.article, article))
        highlights = tuple(_highlight_now(h, article) for h in item.highlights)
        cited.append(replace(item, state=state, highlights=highlights))
    return cited


def _highlight_now(highlight: Highlight, article: Article) -> Highlight:
    """`highlight` cited from `article`: a passage still where the store placed it takes the
    text around it now as its prefix and suffix (the store keeps those it was made with, which
    anchor it; beside the new offsets they would describe two different texts)."""
    highlight = replace(highlight, article=_as_now(highlight.article, article))
    start, end = highlight.start, highlight.end
    if start is None or end is None or article.body[start:end] != highlight.quote:
        return highlight
    _, prefix, suffix = make_selector(article.body, start, end)
    return replace(highlight, prefix=prefix, suffix=suffix)


def _as_last_read(highlight: Highlight, row: ArticleInfo) -> Highlight:
    """`highlight` citing the authors and period its article's row kept (highlights keep
    neither)."""
    cited = highlight.article
    period = row.period if cited.published == row.published else cited.period
    return replace(highlight, article=replace(cited, authors=row.authors, period=period))


def _as_now(info: ArticleInfo, article: Article) -> ArticleInfo:
    """`info` citing `article` as the library has it: its title and file, its authors (or
    credit), and no source where the article names none (one stored by older versions was its
    folder). A highlight keeps the title its article had when highlighted: retitled since, the
    heading above it gave the new one and the highlight the old."""
    stood_in = not article.named_source and info.source == sanitise_line(article.source)
    return replace(
        info,
        title=sanitise_line(article.title) or info.title,
        key=article.key,
        path=article.path,
        authors=cited_authors(article) or info.authors,
        source="" if stood_in else info.source,
        period=article.period if article.published == info.published else info.period,
    )


def place_all(library: Library, store: AnnotationStore) -> Moves:
    """Re-anchor every live highlight made in the library (or where is not known) whose
    article is in it, annotations of moved articles given to them first: what `follow_moved` did, to tell the user."""
    moves = follow_moved(library, store)
    _follow_files_named(library, store)
    cited: dict[tuple[str, str, str, str], ArticleInfo] = {}
    for highlight in store.all_highlights(library=store.library or None):
        info = highlight.article
        cited.setdefault((info.id, info.url, info.key, info.path), info)
    _place(library, store, (find_article(library, info) for info in cited.values()))
    return moves


def _follow_files_named(library: Library, store: AnnotationStore) -> None:
    """Give what was imported on an article named by its file (`_paths_named`), and so
    stored under that name alone, to the library's article: its notes show with it."""
    for info in store.annotated_articles(store.library or None):
        if info.key or not _paths_named(library, info.url):
            continue
        article = find_article(library, info)
        if article is not None and article.id != info.id:
            store.move_article(info.id, article)


def follow_library(library: Library, keys: Iterable[str]) -> int:
    """Re-anchor the highlights of these just re-read articles; how many articles had some.

    Does nothing (not even create the store) when the user has no annotations yet.
    """
    from newsread.index import paths

    if not paths.annotations_path().exists():
        return 0
    reread = set(keys)
    if not reread:
        return 0
    store: AnnotationStore = library.annotations
    follow_moved(library, store, reread)
    refs = store.highlight_refs()
    if not (refs.ids or refs.keys or refs.urls):
        return 0
    # One indexed look-up per highlighted article, never a load of every re-read article:
    # a full re-index re-reads the whole library, and most articles have no highlights.
    names = set(refs.ids) | set(refs.keys) | {stable_id(url, "", ()) for url in refs.urls}
    found: set[str] = set()
    for name in names:
        found.update(key for key in library.docs.keys_for(name) if key in reread)
    return _place(library, store, library.docs.articles(sorted(found)).values())


def _place(library: Library, store: AnnotationStore, articles: Iterable[Article | None]) -> int:
    done: set[str] = set()
    for article in articles:
        if article is None or article.key in done:
            continue
        done.add(article.key)
        try:
            store.highlights_for(article, library.docs.keys_for(article.id))
        except AnnotationError as error:
            log.warning("highlights of %s not re-anchored: %s", article.key, error)
    return len(done)
