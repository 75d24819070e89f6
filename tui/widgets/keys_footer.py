"""The footer of keys: drawn again only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, composed again only when its keys change, letting go of old ones.

    Textual composes the footer again whenever the screen's bindings may have changed: at every
    focus change (three a search) and after every action that may enable or disable one. Most
    of these leave the keys as they were, yet each composed and styled a new row of keys and
    laid out the screen again (a tenth of the app's CPU time in the tests).

    Each new key is bound to the footer's `compact` (`data_bind`), which adds it to the
    footer's watchers. Textual (8.2) drops closed widgets from that list only when `compact`
    changes, which it never does here: every key ever drawn, its styles and caches, stayed
    alive for the session (about 400 KB a search, 97 MB to 260 MB over 350 searches).
    """

    _shown: Hashable = None

    def _keys(self) -> Hashable:
        """What `compose` draws from: the keys shown, their state, labels and groups."""
        if not self._bindings_ready:
            return None
        app = self.app
        return (
            self.show_command_palette,
            tuple(
                (binding, enabled, tooltip, app.get_key_display(binding))
                for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
                if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
            ),
        )

    async def recompose(self) -> None:
        keys = self._keys()
        if keys is not None and keys == self._shown and self.children:
            return
        self._shown = keys
        await super().recompose()
        # The name Textual's `reactive._watch` stores them under; pruned as
        # `Reactive._check_watchers` prunes them (a widget removed is closing).
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
