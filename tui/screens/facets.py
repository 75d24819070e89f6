"""Filters: pick a source, section or year (with its hit count) to narrow the results, or
remove one (a date period too)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from newsread.index.results import source_shown
from newsread.index.text import sanitise_line

FACET_TITLES = {"source": "Source", "section": "Section", "year": "Year", "date": "Date"}
"""Every filter the dialog lists; `date` (a period, from the timeline) only while active."""
CLEAR_ID = "\0clear"
MAX_VALUES = 30
"""Values listed per facet (the most frequent); a 19k-article library has hundreds of sources."""


def facet_options(
    facets: dict[str, tuple[tuple[str, int], ...]],
    active: dict[str, str],
    folders: frozenset[str] = frozenset(),
) -> list[Option]:
    """The dialog's rows; the sources in `folders` (taken from the library's folders) are
    marked as the results list marks them."""
    options: list[Option] = []
    if active:
        options.append(Option(Content("Clear all filters").stylize("bold"), id=CLEAR_ID))
    for name, title in FACET_TITLES.items():
        values = [(v, n) for v, n in facets.get(name, ()) if v]
        if name == "year":
            values.sort(reverse=True)
        if not values and name not in active:
            continue
        options.append(Option(Content(title).stylize("bold $text-accent"), disabled=True))
        if name in active and active[name] not in {v for v, _ in values}:
            values.insert(0, (active[name], 0))
        for value, count in values[:MAX_VALUES]:
            mark = "✓ " if active.get(name) == value else "  "
            hits = f"  {count:,}" if name != "date" else ""  # (periods are not tallied)
            shown = source_shown(value, value in folders) if name == "source" else value
            label = Content.assemble(mark, sanitise_line(shown), (hits, "$text-muted"))
            options.append(Option(label, id=f"{name}\0{value}"))
    return options


class FacetList(OptionList):
    """The filters, none highlighted until the user moves to one: Enter then has nothing to
    toggle (a burst `Escape / opec Enter`, once read as `/` and letters, set the first filter)."""

    def on_mount(self) -> None:
        self.highlighted = None

    def action_select(self) -> None:
        if self.highlighted is None:
            self.notify("Move to a filter first (↓ or j), then Enter toggles it", timeout=2)
            return
        super().action_select()


class FacetScreen(ModalScreen[dict[str, str]]):
    """Dismisses with the new filters (a value toggles on or off), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f", "cancel", "Close", id="filters.close"),
        # `/` searches, as everywhere. (Escape then / typed at once are two keys now, read by
        # `KeyParser`: Escape closes, / goes to the search box; alt+/ is a real alt+/.)
        Binding(
            "slash,alt+slash",
            "search",
            "Search",
            show=False,
            id="filters.search",
            tooltip="Close and go to the search box",
        ),
        Binding("j", "move(1)", "Down", show=False, id="filters.down"),
        Binding("k", "move(-1)", "Up", show=False, id="filters.up"),
    ]

    def __init__(
        self,
        facets: dict[str, tuple[tuple[str, int], ...]],
        active: dict[str, str],
        folders: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self._facets = facets
        self._active = dict(active)
        self._folders = folders

    def compose(self) -> ComposeResult:
        options = facet_options(self._facets, self._active, self._folders)
        with Vertical(classes="dialog", id="facets-dialog"):
            yield Label("Filter the results", classes="dialog-title")
            if options:
                yield FacetList(*options, id="facets", markup=False)
                keys = "↓ ↑ choose · Enter toggles · Escape closes"
            else:
                yield Label("Nothing to filter: no results to narrow.", markup=False)
                keys = "Escape closes"  # nothing to choose or toggle
            yield Label(keys, classes="dialog-help")

    def action_move(self, step: int) -> None:
        found = self.query("#facets").results(OptionList)
        options = next(found, None)
        if options is None:  # nothing to filter (no results): nothing to move in
            return
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == CLEAR_ID:
            self.dismiss({})
            return
        name, _, value = option_id.partition("\0")
        filters = dict(self._active)
        if filters.get(name) == value:
            del filters[name]
        else:
            filters[name] = value
        self.dismiss(filters)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_search(self) -> None:
        """Close, then go to the search box as `/` does."""
        self.dismiss(None)
        self.app.call_next(self.app.run_action, "screen.focus_search")
