"""Escape and the key typed after it, read together, are two keys: not one alt+key.

A terminal sends alt+j as ESC j, and Textual reads ESC and a character that arrive together
(within 0.1 s, or in one read) as alt and that character. Over SSH keys come in bursts (a
slow link, an app busy for a moment), so Escape then `/` typed quickly in an article was read
as `/` alone (Textual drops the alt of a named key): the find went on in the article instead
of leaving it for the search box, and Escape then `j` was an alt+j that nothing binds, the
Escape lost. newsread binds no alt+character itself: such a pair is Escape, then the key, as
vim reads it; an alt+character that `[keys]` in config.toml binds stays one key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual._xterm_parser import XTermParser


def alt_keys(keymap: Iterable[str]) -> frozenset[str]:
    """The alt+character keys among a keymap's values (`"alt+x,ctrl+y"`)."""
    return frozenset(
        key for keys in keymap for key in map(str.strip, keys.split(",")) if key.startswith("alt+")
    )


class KeyParser(XTermParser):
    """Textual's parser, reading ESC and a character as Escape and that key (see the module)."""

    kept: ClassVar[frozenset[str]] = frozenset()
    """The alt+character keys the user's `[keys]` binds: those stay alt."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if not (alt and len(sequence) == 1 and sequence.isprintable()):
            yield from super()._sequence_to_key_events(sequence, alt)
            return
        keys = list(super()._sequence_to_key_events(sequence, alt=True))
        if any(key.key in self.kept for key in keys):
            yield from keys
            return
        yield events.Key("escape", "\x1b")
        yield from super()._sequence_to_key_events(sequence)
