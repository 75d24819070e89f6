"""The footer of keys, without keeping every footer it ever drew."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, letting go of the keys it no longer shows.

    The footer is composed again at every focus change (three a search), and each new key is
    bound to the footer's `compact` (`data_bind`), which adds it to the footer's watchers.
    Textual (8.2) drops closed widgets from that list only when `compact` changes, which it
    never does here: every key ever drawn, its styles and caches, stayed alive for the session
    (about 400 KB a search, 97 MB to 260 MB over 350 searches).
    """

    async def recompose(self) -> None:
        await super().recompose()
        # The name Textual's `reactive._watch` stores them under; pruned as
        # `Reactive._check_watchers` prunes them (a widget removed is closing).
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
