"""Saved searches: name, query and how many articles each matches now."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from newsread.index.text import sanitise_line
from newsread.tui.messages import SavedCounts
from newsread.tui.state import SavedSearch

if TYPE_CHECKING:
    from newsread.tui.host import Host


def saved_prompt(search: SavedSearch, count: int | None, counting: bool = True) -> Content:
    if count is None:
        counted = "counting…" if counting else ""
    elif count < 0:
        counted = "query no longer valid"
    else:
        counted = f"{count:,} article{'s' if count != 1 else ''}"
    details = sanitise_line(search.query)
    if search.sort != "relevance":
        details += f" · by {search.sort}"
    if search.filters:
        details += " · " + ", ".join(f"{k}: {v}" for k, v in search.filters)
    return Content.assemble(
        (sanitise_line(search.name), "bold"),
        ("  " + counted, "$text-accent"),
        "\n",
        (details, "$text-muted"),
    )


class SavedSearchesScreen(ModalScreen[SavedSearch]):
    """Enter runs a saved search; d deletes one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="saved.close"),
        Binding("d,delete", "delete", "Delete", id="saved.delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, int] = {}

    @property
    def newsread(self) -> Host:
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="saved-dialog"):
            yield Label("Saved searches", classes="dialog-title")
            yield Label(
                "None yet: ctrl+s saves the current search under a name.",
                id="saved-empty",
                markup=False,
            )
            yield OptionList(id="saved", markup=False)
            yield Label("Enter runs · d deletes · Escape closes", classes="dialog-help")

    def on_mount(self) -> None:
        self._fill()
        if self.newsread.library is not None and self.newsread.session.saved:
            self._count(list(self.newsread.session.saved))

    def _fill(self) -> None:
        saved = self.newsread.session.saved
        counting = self.newsread.library is not None  # no counts before the index is open
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(
            Option(saved_prompt(s, self._counts.get(s.name), counting), id=s.name) for s in saved
        )
        if saved:
            options.highlighted = min(highlighted or 0, len(saved) - 1)
        options.display = bool(saved)
        self.query_one("#saved-empty").display = not saved
        options.focus()

    @work(thread=True, exclusive=True, group="saved-counts", exit_on_error=False)
    def _count(self, searches: list[SavedSearch]) -> None:
        from newsread.index import QueryError

        library = self.newsread.library
        if library is None:
            return
        counts: dict[str, int] = {}
        for search in searches:
            try:
                results = library.search(
                    search.query,
                    sort=search.sort,
                    filters=dict(search.filters),
                    limit=1,
                    snippets=False,
                )
                counts[search.name] = results.total
            except QueryError:
                counts[search.name] = -1
        self.post_message(SavedCounts(counts))

    @on(SavedCounts)
    def _counted(self, message: SavedCounts) -> None:
        self._counts = message.counts
        self._fill()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        for search in self.newsread.session.saved:
            if search.name == event.option.id:
                self.dismiss(search)
                return

    def action_delete(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return
        self.newsread.session.delete_search(option.id)
        self.newsread.save_soon()
        self.notify(f"Deleted “{option.id}”", timeout=2)
        self._fill()

    def action_cancel(self) -> None:
        self.dismiss(None)
