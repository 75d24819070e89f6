"""Session state and history as plain models, apart from the widgets that show them.

`SessionState` is what a relaunch restores (last library, query, article, reading positions,
earlier queries, saved searches); it is kept as JSON at `paths.state_path()`, written
atomically and readable by the user alone. `Navigation` is back/forward between queries and
articles; `QueryRecall` is up/down through earlier queries in the search box;
`PickedPeriod` ties a period picked on the timeline to the search it narrowed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

MAX_QUERIES = 200
MAX_POSITIONS = 500
MAX_NAVIGATION = 200


@dataclass(frozen=True)
class Position:
    """Where the reader was in an article: the cursor (row, column) and the scroll offset.

    `article_id` and `title`: the article's, as kept with the position, which finds its
    article again when the key it was kept under names another one by then.
    """

    row: int = 0
    column: int = 0
    scroll_y: int = 0
    article_id: str = field(default="", compare=False)
    title: str = field(default="", compare=False)

    def is_of(self, key: str, article_id: str, title: str) -> bool:
        """Whether this position, kept under `key`, is of that article (its id and title).

        The key of an article in a file of several (`feed.json#2`) is a position in the file,
        which another article takes when one is put before it: there the id, else the title,
        must be the article's too. A whole file's key stands for its article unless both
        differ (an edit can change an id made from the text, rarely the title too; a file
        renamed to the name of one deleted is another article).
        """
        if self.article_id and self.article_id == article_id:
            return True
        if bool(self.title) and self.title == title:
            return True
        return not several(key) and not (self.article_id and self.title)


def several(key: str) -> bool:
    """Whether `key` names an article of a file of several (`feed.json#2`): a position."""
    return key.rpartition("#")[2].isdigit()


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    sort: str = "relevance"
    filters: tuple[tuple[str, str], ...] = ()


@dataclass
class LibraryState:
    """What was on screen for one library when newsread last closed."""

    query: str = ""
    sort: str = "relevance"
    filters: dict[str, str] = field(default_factory=dict)
    article: str = ""
    article_id: str = ""
    """The open article's id: it finds the article again when its file was renamed since."""
    article_title: str = ""
    """The open article's title: it finds the article again when its file was renamed and
    edited since (a new path and, without a URL, a new id), if no other article has it."""
    positions: dict[str, Position] = field(default_factory=dict)
    notes: bool = False
    """Whether the notes panel was shown: it is again beside the article reopened."""
    row: int = 0
    """The results list's highlighted row: the list comes back on it (on the open article's
    hit, when that is listed)."""

    def remember(self, key: str, position: Position, article_id: str = "", title: str = "") -> None:
        """Keep `position` for `key` (the article `article_id`, `title`), forgetting the least
        recently read beyond a cap."""
        self.positions.pop(key, None)
        self.positions[key] = replace(position, article_id=article_id, title=title)
        while len(self.positions) > MAX_POSITIONS:
            del self.positions[next(iter(self.positions))]

    def position_of(self, key: str, article_id: str, title: str) -> Position | None:
        """Where the reader was in the article `article_id` (`title`), shown at `key`: the
        position kept under its key when it is of that article, else the one kept with its id
        under another key (it was renamed, or moved in its file of several)."""
        kept = self.positions.get(key)
        if kept is not None and kept.is_of(key, article_id, title):
            return kept
        if not article_id:
            return None
        return next(
            (p for p in reversed(self.positions.values()) if p.article_id == article_id), None
        )


@dataclass
class SessionState:
    library: str = ""
    """The library folder last opened (the CLI opens it when given none)."""
    theme: str = ""
    queries: list[str] = field(default_factory=list)
    """Earlier queries, oldest first."""
    saved: list[SavedSearch] = field(default_factory=list)
    libraries: dict[str, LibraryState] = field(default_factory=dict)
    saved_changes: list[SavedSearch | str] = field(default_factory=list, compare=False, repr=False)
    """Searches saved (a `SavedSearch`) or deleted (its name) here since the state was last
    written: `save_state` applies them to the file's list, which another newsread on the same
    home may have changed meanwhile (its saved searches are the user's too)."""
    opened: set[str] = field(default_factory=set, compare=False, repr=False)
    """The libraries this session shows (`for_library`): `save_state` writes their state, and
    the others' as the file has them (another newsread on the same home may have read one)."""
    asked: list[str] = field(default_factory=list, compare=False, repr=False)
    """Queries added here since the state was last written, which `save_state` adds to the
    file's (another newsread's on the same home are the user's too)."""

    def for_library(self, root: Path) -> LibraryState:
        self.opened.add(str(root))
        return self.libraries.setdefault(str(root), LibraryState())

    def add_query(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        _add_query(self.queries, query)
        self.asked.append(query)

    def save_search(self, search: SavedSearch) -> None:
        """Add `search`, replacing one of the same name."""
        self.saved_changes.append(search)
        self.saved = _changed(self.saved, search)

    def delete_search(self, name: str) -> None:
        self.saved_changes.append(name)
        self.saved = _changed(self.saved, name)

    def take_others(self, other: SessionState) -> None:
        """Take what another session on the same home wrote (`other`, the file as it is
        now): its libraries' states but those this one shows, and its earlier queries with
        this one's added."""
        for root, lib in other.libraries.items():
            if root not in self.opened:
                self.libraries[root] = lib
        queries = list(other.queries)
        for query in self.asked:
            _add_query(queries, query)
        self.queries[:] = queries  # (the list `QueryRecall` holds)
        self.take_saved(other.saved)

    def take_saved(self, saved: list[SavedSearch]) -> None:
        """The saved searches are `saved` (as another session left them) with this one's
        `saved_changes` made to them."""
        for change in self.saved_changes:
            saved = _changed(saved, change)
        self.saved = saved


def _add_query(queries: list[str], query: str) -> None:
    """`query` as the newest of `queries` (once), the oldest beyond the cap dropped."""
    if query in queries:
        queries.remove(query)
    queries.append(query)
    del queries[:-MAX_QUERIES]


def _changed(saved: list[SavedSearch], change: SavedSearch | str) -> list[SavedSearch]:
    """`saved` with `change` made: a search added (in place of one of its name), or the one
    of that name deleted."""
    name = change if isinstance(change, str) else change.name
    kept = [s for s in saved if s.name != name]
    return kept if isinstance(change, str) else [*kept, change]


# -- persistence -----------------------------------------------------------------------------


def state_to_json(state: SessionState) -> dict[str, Any]:
    return {
        "version": 1,
        "library": state.library,
        "theme": state.theme,
        "queries": state.queries,
        "saved": [
            {"name": s.name, "query": s.query, "sort": s.sort, "filters": dict(s.filters)}
            for s in state.saved
        ],
        "libraries": {
            root: {
                "query": lib.query,
                "sort": lib.sort,
                "filters": lib.filters,
                "article": lib.article,
                "article_id": lib.article_id,
                "article_title": lib.article_title,
                "notes": lib.notes,
                "row": lib.row,
                "positions": {
                    key: [p.row, p.column, p.scroll_y, p.article_id, p.title]
                    for key, p in lib.positions.items()
                },
            }
            for root, lib in state.libraries.items()
        },
    }


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _filters(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _position(value: Any) -> Position | None:
    """`[row, column, scroll_y, article_id, title]` (or the first three alone, as earlier
    versions kept them)."""
    if not isinstance(value, list) or len(value) not in (3, 5):
        return None
    numbers, names = value[:3], value[3:]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        return None
    if not all(isinstance(name, str) for name in names):
        return None
    return Position(*numbers, *names)


def state_from_json(data: Any) -> SessionState:
    """Whatever is usable in `data`; wrong types are dropped, never raised."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    state = SessionState(library=_text(data.get("library")), theme=_text(data.get("theme")))
    queries = data.get("queries")
    if isinstance(queries, list):
        state.queries = [q for q in queries if isinstance(q, str)][-MAX_QUERIES:]
    saved = data.get("saved")
    for item in saved if isinstance(saved, list) else ():
        if isinstance(item, dict) and _text(item.get("name")) and _text(item.get("query")):
            state.saved.append(
                SavedSearch(
                    name=item["name"],
                    query=item["query"],
                    sort=_text(item.get("sort"), "relevance"),
                    filters=tuple(sorted(_filters(item.get("filters")).items())),
                )
            )
    libraries = data.get("libraries")
    for root, value in libraries.items() if isinstance(libraries, dict) else ():
        if not isinstance(value, dict):
            continue
        lib = LibraryState(
            query=_text(value.get("query")),
            sort=_text(value.get("sort"), "relevance"),
            filters=_filters(value.get("filters")),
            article=_text(value.get("article")),
            article_id=_text(value.get("article_id")),
            article_title=_text(value.get("article_title")),
            notes=value.get("notes") is True,
        )
        row = value.get("row")
        if isinstance(row, int) and not isinstance(row, bool) and row >= 0:
            lib.row = row
        positions = value.get("positions")
        for key, raw in positions.items() if isinstance(positions, dict) else ():
            position = _position(raw)
            if position is not None:
                lib.positions[key] = position
        state.libraries[root] = lib
    return state


def load_state(path: Path) -> tuple[SessionState, str]:
    """The state at `path`, and a one-line notice when the file was there but unusable.

    A damaged file is moved aside (`state.json.damaged-<time>`), never overwritten: it holds
    the user's saved searches.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return SessionState(), ""
    except OSError as error:
        return SessionState(), f"session state not restored: {path} could not be read ({error})"
    try:
        return state_from_json(json.loads(raw.decode("utf-8"))), ""
    except ValueError as error:  # UnicodeDecodeError and json's errors too
        problem = f"session state not restored: {path} is damaged ({error})"
    stamp = f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}"
    moved = path.with_name(stamp)
    number = 0
    while moved.exists():  # an earlier damaged copy is never overwritten
        number += 1
        moved = path.with_name(f"{stamp}-{number}")
    try:
        path.rename(moved)
    except OSError:
        return SessionState(), problem
    return SessionState(), f"{problem}; it was moved to {moved}"


def save_state(state: SessionState, path: Path) -> None:
    """Write `state` atomically: a private temporary file in the same folder, then a rename.

    The saved searches written are those of the file (another newsread on the same home may
    have saved or deleted some since) with this session's changes made to them; so are its
    earlier queries, and the state of each library but this session's (`take_others`).

    `mkstemp` creates the file 0600, so the state is never readable by others, even briefly.
    """
    from newsread.index.private_files import make_private_dir, write_private

    make_private_dir(path.parent)
    try:
        state.take_others(state_from_json(json.loads(path.read_bytes().decode("utf-8"))))
    except (OSError, ValueError):
        pass  # no file yet, or one load_state will move aside: this session's list stands
    # ASCII: a library folder whose name is not UTF-8 is a lone surrogate here, which only an
    # escape (`\udce9`) writes and reads back.
    write_private(path, json.dumps(state_to_json(state), indent=1))
    state.saved_changes.clear()
    state.asked.clear()


# -- navigation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A point in the reading history: a query (with sort and filters) and maybe an article.

    `like` is the key of the article whose "more like this" list was shown instead of the
    query's results (the query stays in the box). `highlight` and `row`: the hit its list was
    left on, to come back to (not part of what the place is). `read`: the id and title of the
    article once shown, which find it when its key names another one by then (an article put
    before it in a file of several); `like_read` and `highlight_read`: the same of the article
    of `like`, and of the hit `highlight`.
    """

    query: str
    sort: str = "relevance"
    filters: tuple[tuple[str, str], ...] = ()
    article: str = ""
    like: str = ""
    highlight: str = field(default="", compare=False)
    row: int | None = field(default=None, compare=False)
    read: tuple[str, str] = field(default=("", ""), compare=False)
    like_read: tuple[str, str] = field(default=("", ""), compare=False)
    highlight_read: tuple[str, str] = field(default=("", ""), compare=False)


class Navigation:
    """Back and forward between places, as a browser does."""

    def __init__(self) -> None:
        self._places: list[Place] = []
        self._index = -1

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._places else None

    def visit(self, place: Place) -> None:
        """Record `place` as the newest; the forward history is dropped."""
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > MAX_NAVIGATION:
            del self._places[0]
        self._index = len(self._places) - 1

    def shown(self, key: str, article_id: str, title: str) -> None:
        """The article `key` of the current place was shown: its id and title (`Place.read`)."""
        current = self.current
        if current is not None and current.article == key:
            self._places[self._index] = replace(current, read=(article_id, title))

    def highlighted(
        self, listed: Place, key: str, row: int, read: tuple[str, str] = ("", "")
    ) -> None:
        """The list of `listed` has its highlight on hit `row` (`key`, the article `read`: its
        id and title): kept in the current place when it is that list, for coming back to it."""
        current = self.current
        if current is not None and listed == current:
            self._places[self._index] = replace(
                current, highlight=key, row=row, highlight_read=read
            )

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._places[self._index]


class QueryRecall:
    """Up/down through earlier queries; the query being typed is kept as a draft."""

    def __init__(self, queries: list[str]) -> None:
        self.queries = queries
        self._index: int | None = None
        self._draft = ""

    @property
    def recalling(self) -> bool:
        return self._index is not None

    def older(self, current: str) -> str | None:
        if not self.queries:
            return None
        if self._index is None:
            self._draft = current
            self._index = len(self.queries)
        if self._index == 0:
            return None
        self._index -= 1
        # Skip an entry equal to what is already in the box.
        if self.queries[self._index] == current and self._index > 0:
            self._index -= 1
        return self.queries[self._index]

    def newer(self) -> str | None:
        if self._index is None:
            return None
        self._index += 1
        if self._index >= len(self.queries):
            self._index = None
            return self._draft
        return self.queries[self._index]

    def reset(self) -> None:
        self._index = None


# -- a period picked on the timeline ----------------------------------------------------------


def query_words(query: str) -> frozenset[str]:
    """The words of `query`, case folded, without the operators AND, OR and NOT."""
    return frozenset(re.findall(r"\w+", query.casefold())) - {"and", "or", "not"}


@dataclass
class PickedPeriod:
    """The date filter a search was narrowed to (on its timeline), and the query it was for.

    The period belongs to that search: it stays while the query in the box keeps one of its
    words (the same story, narrowed further), is left out of a search with none of them (an
    unrelated one, where it silently hid every hit outside the period) and comes back when
    one of them is typed again. A period picked with no query at all stays for every search.
    """

    period: str = ""
    query: str = ""
    left_out: bool = False

    def searched(self, query: str, filters: Mapping[str, str]) -> None:
        """A search ran with `filters`: a date filter it has not seen belongs to `query`."""
        period = filters.get("date")
        if period is None:
            if not self.left_out:
                self.period = self.query = ""
        elif period != self.period:
            self.period, self.query, self.left_out = period, query, False

    def typed(self, query: str, filters: dict[str, str]) -> tuple[dict[str, str], str]:
        """The filters a search for `query`, typed in the box, runs with; and what to say
        when that leaves the period out."""
        words = query_words(self.query)
        if not self.period or not words:
            return filters, ""
        shared = bool(query_words(query) & words)
        if not shared and filters.get("date") == self.period:
            self.left_out = True
            kept = {name: value for name, value in filters.items() if name != "date"}
            return kept, (
                f"date: {self.period} was picked for “{self.query}”: left out of this search"
                " (typing one of its words brings it back)"
            )
        if shared and self.left_out and "date" not in filters:
            self.left_out = False
            return {**filters, "date": self.period}, ""
        return filters, ""
