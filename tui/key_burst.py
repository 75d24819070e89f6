"""Keys typed in one burst stay together when one of them opens a screen.

Textual runs a key's (non-priority) binding only once the key has bubbled from the focused
widget up to the app; by then the keys typed right after it have already been sent to that
same widget. When the binding pushes a screen (`A` opens the note editor), those keys would
reach the app with the new screen on top, match nothing and be lost: `A` and a sentence sent
at once (a paste, `tmux send-keys`) gave an empty note. The app remembers which screen each
key was sent to; a key that comes back to the app while another screen is current is sent
again, as a new key, to that screen.

When the screen comes only later (`N` highlights in a worker, then opens the note editor),
`hold` keeps the keys that follow until `release`, which sends them on to the new screen.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

_REMEMBERED = 256
"""Keys a widget stopped never come back; only this many are remembered."""
HOLD_LIMIT = 3.0
"""Seconds keys are held at most: a screen that never comes must not swallow the keyboard."""


class KeyBurst:
    """Where each key was sent, so a key overtaken by a new screen follows it there."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._sent: OrderedDict[int, tuple[events.Key, Screen[object]]] = OrderedDict()
        self._held: list[events.Key] | None = None
        self._hold_timer: Timer | None = None

    def sent(self, event: events.Event) -> bool:
        """`event` arrived from the terminal: True if it is held (the app must not handle it)."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            return False
        if self._held is not None:
            self._held.append(event)
            return True
        self._sent[id(event)] = (event, self._app.screen)
        while len(self._sent) > _REMEMBERED:
            self._sent.popitem(last=False)
        return False

    def came_back(self, event: events.Key) -> bool:
        """`event` bubbled up to the app: True if it was held or sent on to another screen."""
        sent = self._sent.pop(id(event), None)
        if sent is None or sent[0] is not event:
            return False
        if self._held is not None:
            self._held.append(event)
        elif sent[1] is self._app.screen:
            return False
        else:
            self._app.post_message(events.Key(event.key, event.character))
        event.stop()
        event.prevent_default()
        return True

    def hold(self) -> None:
        """Keep the keys that follow until `release` (or `HOLD_LIMIT` seconds)."""
        if self._held is None:
            self._held = []
            self._hold_timer = self._app.set_timer(HOLD_LIMIT, self.release)

    def release(self) -> None:
        """Send the held keys on, in order, to whatever screen is current now."""
        held, self._held = self._held, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for event in held or ():
            self._app.post_message(events.Key(event.key, event.character))
