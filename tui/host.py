"""`Host`: what screens and widgets use of the app, so that none of them imports `app.py`.

`NewsreadApp` (which imports the screens) satisfies it; a screen writes
`cast("Host", self.app)`. Index messages reach the screens that subscribe to `index_events`
(the app posts each one to them once it has done its own part).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from textual.message import Message
    from textual.signal import Signal

    from newsread.index import Config, Library
    from newsread.tui.drafts import DraftKeeper
    from newsread.tui.key_order import KeyOrder
    from newsread.tui.state import SessionState


class Host(Protocol):
    """The app as its screens see it."""

    root: Path
    """The library folder."""
    library: Library | None
    """The open library (None until the index worker has opened it)."""
    resuming: bool
    """An update of the library stopped before it read every file: this launch resumes it,
    and what is listed meanwhile is what was read so far."""
    session: SessionState
    config: Config
    show_timings: bool
    drafts: DraftKeeper
    key_order: KeyOrder
    index_events: Signal[Message]
    """The index worker's messages (`LibraryOpened`, `IndexProgress`…), published on the
    event loop; subscribe with `subscribe(node, node.post_message, immediate=True)`."""

    def save_soon(self) -> None: ...

    def open_in_browser(self, url: str) -> None: ...
