"""Every key, grouped by where it works, with the user's remapped keys shown."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

Section = tuple[str, Iterable[BindingType], list[tuple[str, str]]]
"""(title, bindings, extra (keys, description) rows)."""

NARROWEST_DESCRIPTION = 24
"""Cells a description column needs beside the keys; narrower, descriptions go under them."""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")
    ]

    def __init__(self, sections: list[Section], keymap: dict[str, str], start: str = "") -> None:
        """`start`: the title of the section shown first (the keys of where the user is)."""
        super().__init__()
        self._sections = sections
        self._keymap = keymap
        self._start = start
        self._started = False
        self.section_rows: dict[str, int] = {}
        """Each section's first row in the list as last laid out."""

    def _display(self, keys: str) -> str:
        shown = []
        for key in keys.split(","):
            key = key.strip()
            if key:
                shown.append(self.app.get_key_display(Binding(key, "")))
        return " ".join(shown)

    def help_content(self, width: int = 0) -> Content:
        """Every key and what it does; descriptions wrapped to `width` cells (0: not wrapped)
        under their own column, so a key stands alone on the left."""
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for title, bindings, extras in self._sections:
            entries: list[tuple[str, str]] = []
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = self._keymap.get(binding.id or "", binding.key)
                entries.append((self._display(keys), binding.tooltip or binding.description))
            entries.extend(extras)
            sections.append((title, entries))
        keys_width = max((len(keys) for _, entries in sections for keys, _ in entries), default=0)
        indent = " " * (keys_width + 4)
        # Too narrow for a column of descriptions beside the keys: each under its key (the
        # rest of a line wrapped back under the keys, at column 0).
        stacked = 0 < width - len(indent) < NARROWEST_DESCRIPTION
        if stacked:
            indent = " " * 4
        rows: list[Content] = []
        self.section_rows = {}
        for title, entries in sections:
            self.section_rows[title] = len(rows)
            for line in textwrap.wrap(title, width) if width else [title]:
                rows.append(Content(line).stylize("bold $text-accent"))
            for keys, description in entries:
                lines = (
                    textwrap.wrap(description, max(1, width - len(indent))) or [""]
                    if width
                    else [description]
                )
                if stacked:
                    rows.append(Content.assemble(("  " + keys, "bold")))
                    rows.extend(Content(indent + line) for line in lines)
                    continue
                rows.append(
                    Content.assemble(("  " + keys.ljust(keys_width), "bold"), "  ", lines[0])
                )
                rows.extend(Content(indent + line) for line in lines[1:])
            rows.append(Content(""))
        return Content("\n").join(rows[:-1])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield HelpText(self.help_content, id="help-text")
            yield Label(
                "↑↓ scroll · Escape closes · ctrl+p lists every command",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def scroll_to_start(self) -> None:
        """Scroll the list to the section asked for, once laid out at its width (the first
        time only: then the user scrolls)."""
        if self._started:
            return
        self._started = True
        row = self.section_rows.get(self._start, 0)
        self.query_one("#help-scroll", VerticalScroll).scroll_to(y=row, animate=False)


class HelpText(Static):
    """The list of keys, its descriptions wrapped again whenever its width changes."""

    def __init__(self, content: Callable[[int], Content], *, id: str) -> None:
        super().__init__(content(0), id=id)
        self._content = content

    def on_resize(self, event: events.Resize) -> None:
        self.update(self._content(event.size.width))
        if isinstance(self.screen, HelpScreen):
            self.call_after_refresh(self.screen.scroll_to_start)
