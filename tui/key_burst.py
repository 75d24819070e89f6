"""Keys typed in one burst stay together when one of them opens a screen.

Textual runs a key's (non-priority) binding only once the key has bubbled from the focused
widget up to the app; by then the keys typed right after it have already been sent to that
same widget. When the binding pushes a screen (`A` opens the note editor), those keys would
reach the app with the new screen on top, match nothing and be lost: `A` and a sentence sent
at once (a paste, `tmux send-keys`) gave an empty note. The app remembers which screen each
key was sent to; a key that comes back to the app while another screen is current is sent
again, as a new key, to that screen.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

_REMEMBERED = 256
"""Keys a widget stopped never come back; only this many are remembered."""


class KeyBurst:
    """Where each key was sent, so a key overtaken by a new screen follows it there."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._sent: OrderedDict[int, tuple[events.Key, Screen[object]]] = OrderedDict()

    def sent(self, event: events.Event) -> None:
        """`event` arrived from the terminal and is about to go to the current screen."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._sent[id(event)] = (event, self._app.screen)
            while len(self._sent) > _REMEMBERED:
                self._sent.popitem(last=False)

    def came_back(self, event: events.Key) -> bool:
        """`event` bubbled up to the app: True if it was sent on to the screen now current."""
        sent = self._sent.pop(id(event), None)
        if sent is None or sent[0] is not event or sent[1] is self._app.screen:
            return False
        event.stop()
        event.prevent_default()
        self._app.post_message(events.Key(event.key, event.character))
        return True
