"""The footer: the keys of where the user is, on one line drawn as text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool


class KeysFooter(Widget, can_focus=False):
    """The screen's keys, as Textual's Footer shows them, drawn as one line of text.

    Textual's Footer is a row of widgets, one per key, composed again whenever the screen's
    bindings may have changed: twice at every focus change and after actions that may enable
    or disable a key. Each time it mounted, styled and laid out a new row, and the whole screen
    was laid out again: a quarter of the app's CPU time in the tests, half of them for the keys
    already shown. Its keys also stayed alive for the session (97 MB to 260 MB over 350
    searches). Here a change of keys redraws one line, and nothing else.
    """

    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeysFooter > .keys-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeysFooter > .keys-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeysFooter > .keys-footer--item {
        background: $footer-item-background;
    }
    KeysFooter > .keys-footer--separator {
        color: $foreground 20%;
        background: $footer-item-background;
    }
    """
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--item",
        "keys-footer--separator",
    }

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[ShownKey, ...] = ()
        self._palette: ShownKey | None = None
        self._spans: list[tuple[int, int, ShownKey]] = []  # the columns of each key drawn
        self._room = 0  # the columns left of the palette's key

    @property
    def keys(self) -> tuple[ShownKey, ...]:
        """The keys shown, left to right (the command palette's, at the right, apart)."""
        return self._keys

    def visible_keys(self) -> list[ShownKey]:
        """The keys drawn whole at the footer's width, the palette's last."""
        whole = [key for _start, end, key in self._spans if end <= self._room]
        return whole + ([self._palette] if self._palette is not None else [])

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        app = self.app

        def shown_key(binding: Binding, enabled: bool) -> ShownKey:
            display = app.get_key_display(binding)
            return ShownKey(binding.key, display, binding.description, binding.action, enabled)

        keys: dict[str, ShownKey] = {}  # one per action: the first key bound to it
        for _, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = shown_key(binding, enabled)
        palette = None
        if app.ENABLE_COMMAND_PALETTE:
            bound = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if bound is not None:
                palette = shown_key(bound[1], bound[2])
        shown = (tuple(keys.values()), palette)
        if shown != (self._keys, self._palette):
            self._keys, self._palette = shown
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("keys-footer--key")
        description_style = self.get_component_rich_style("keys-footer--description")
        item_style = self.get_component_rich_style("keys-footer--item")
        dim = Style(dim=True)
        spans: list[tuple[int, int, ShownKey]] = []
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self._keys:
            start = line.cell_len
            if key.description:
                part = Text.assemble(
                    (f" {key.display} ", key_style), (f"{key.description} ", description_style)
                )
            else:  # as Textual's footer draws a key with no description: no padding
                part = Text(key.display, key_style)
            part.stylize_before(item_style + (Style() if key.enabled else dim))
            line.append_text(part)
            spans.append((start, line.cell_len, key))
        right = None
        if self._palette is not None:
            palette = self._palette
            right = Text.assemble(
                ("▏", self.get_component_rich_style("keys-footer--separator")),
                (palette.display, key_style),
                (f" {palette.description}", description_style),
                (" ", Style(bgcolor=item_style.bgcolor)),
            )
            if not palette.enabled:
                right.stylize(dim, 1, len(right) - 1)
        room = max(0, width - right.cell_len) if right is not None else width
        line.truncate(room, overflow="crop", pad=True)
        self._spans = [(start, min(end, room), key) for start, end, key in spans if start < room]
        self._room = room
        if right is not None:
            line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        """A key clicked is pressed, as in Textual's footer."""
        spans = self._spans
        if self._palette is not None:
            spans = [*spans, (self._room, self.size.width, self._palette)]
        for start, end, key in spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
