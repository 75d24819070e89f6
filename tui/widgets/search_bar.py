"""The search box: a one-line query input, earlier queries on up/down, errors shown under it."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label

from newsread.index.text import sanitise_line
from newsread.tui.key_order import STORE_HOLD_LIMIT
from newsread.tui.state import QueryRecall

HINT = 'type to search: words, "a phrase", title:x, date:2017, sanct*'
"""What the empty box says (a "more like this" list puts its own words there)."""


class SearchInput(Input):
    """The query. Up/down recall earlier queries; down past the newest goes to the results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Search", id="search.submit", tooltip="Search, go to results"),
        Binding("up", "older", "History", id="search.older", tooltip="Earlier query"),
        Binding("down", "newer", "Later query", show=False, id="search.newer"),
        # "?" types a question mark here: offer f1 instead.
        Binding("f1", "keys", "Keys", id="search.keys", tooltip="Show the list of keys"),
        Binding(
            "escape", "leave", "Results", show=False, id="search.leave", tooltip="Go to the results"
        ),
    ]

    class LeaveDown(Message):
        """Down was pressed with no later query: the user wants the results."""

    def __init__(self, recall: QueryRecall, value: str = "") -> None:
        super().__init__(
            value=value,
            placeholder=HINT,
            compact=True,
            select_on_focus=False,
            id="search",
        )
        self.recall = recall

    async def _on_key(self, event: events.Key) -> None:
        # `/` means "search" everywhere else: typed ahead at launch (the box already has the
        # focus) or pressed twice, it is the key, not text. No query starts with a slash.
        if event.character == "/" and self._at_start():
            event.stop()
            event.prevent_default()
            return
        # The emptied box above a "like" list says "[ goes back": there `[` is that key.
        if event.character == "[" and not self.value and self.placeholder != HINT:
            event.stop()
            event.prevent_default()
            await self.screen.run_action("back")
            return
        await super()._on_key(event)

    def _at_start(self) -> bool:
        """Whether a character typed now would be the query's first (box empty or all selected)."""
        start, end = sorted(self.selection)
        return start == 0 and (end == len(self.value) or not self.value[:end].strip())

    def action_older(self) -> None:
        query = self.recall.older(self.value)
        if query is not None:
            self._replace(query)

    async def action_keys(self) -> None:
        await self.app.run_action("keys")

    def action_leave(self) -> None:
        self._leave()

    def action_newer(self) -> None:
        if not self.recall.recalling:
            self._leave()
            return
        query = self.recall.newer()
        if query is not None:
            self._replace(query)

    def _leave(self) -> None:
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:
            # The focus moves when the screen handles the message, after this key's way:
            # keys typed after it (`/` and a new query) wait for that. Waiting only for quiet
            # queues ran out on a loaded machine, and they went into the box. The screen
            # always releases them (`MainScreen._leave_search`): the limit is a hang guard.
            key_order.hold("leave", STORE_HOLD_LIMIT)
        self.post_message(self.LeaveDown())

    def _replace(self, query: str) -> None:
        self.value = query
        self.cursor_position = len(query)


class SearchBar(Vertical):
    """ "Search:" label, the input, and a line for a query error (hidden when there is none)."""

    def __init__(self, recall: QueryRecall, value: str = "") -> None:
        super().__init__(id="search-bar")
        self._recall = recall
        self._value = value

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-row"):
            yield Label("Search ", id="search-label")
            yield SearchInput(self._recall, self._value)
        yield Label("", id="query-error", markup=False)

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    def show_error(self, error: str) -> None:
        label = self.query_one("#query-error", Label)
        label.update("⚠ " + sanitise_line(error) if error else "")
        label.display = bool(error)
