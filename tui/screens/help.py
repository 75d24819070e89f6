"""Every key, grouped by where it works, with the user's remapped keys shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

Section = tuple[str, Iterable[BindingType], list[tuple[str, str]]]
"""(title, bindings, extra (keys, description) rows)."""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")
    ]

    def __init__(self, sections: list[Section], keymap: dict[str, str]) -> None:
        super().__init__()
        self._sections = sections
        self._keymap = keymap

    def _display(self, keys: str) -> str:
        shown = []
        for key in keys.split(","):
            key = key.strip()
            if key:
                shown.append(self.app.get_key_display(Binding(key, "")))
        return " ".join(shown)

    def help_content(self) -> Content:
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
        width = max((len(keys) for _, entries in sections for keys, _ in entries), default=0)
        rows: list[Content] = []
        for title, entries in sections:
            rows.append(Content(title).stylize("bold $text-accent"))
            for keys, description in entries:
                rows.append(Content.assemble(("  " + keys.ljust(width), "bold"), "  ", description))
            rows.append(Content(""))
        return Content("\n").join(rows[:-1])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self.help_content(), id="help-text")
            yield Label(
                "↑↓ scroll · Escape closes · ctrl+p lists every command",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
