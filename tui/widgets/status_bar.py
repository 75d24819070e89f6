"""The status line: library · articles · index state [progress bar] · hits and query time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ProgressBar

from newsread.index.text import sanitise_line
from newsread.tui.cells import clip


@dataclass(frozen=True)
class Status:
    """Everything the status line shows; the widget renders whatever it is given."""

    library: str = ""
    articles: int | None = None
    index: str = "opening the index…"
    """"indexing", "up to date", "opening…", or a problem."""
    done: int = 0
    total: int = 0
    share: float = 0.0
    """Of the file being read (a large one, in parts), the share read: the bar moves."""
    notice: str = ""
    hits: int | None = None
    elapsed: float | None = None
    counting: bool = False
    """The first hits are shown; their total is still being counted."""
    limited: str = ""
    opening: str = ""
    """The big article being opened, while it is (`MainScreen.open_article`)."""
    resumed: bool = False
    """The update indexing resumes one stopped before it read every file (quit mid-build)."""

    def with_(self, **changes: object) -> Status:
        return replace(self, **changes)  # type: ignore[arg-type]


def status_content(status: Status, show_timings: bool = True, width: int | None = None) -> Content:
    """The status line; wider than `width`, it loses the query's time, then the article
    count, then the library's name is shortened: the index's state and the hits stay."""
    line = _status_line(status, status.library, show_timings, True)
    if width is None or line.cell_length <= width:
        return line
    for timings, articles in ((False, True), (False, False)):
        line = _status_line(status, status.library, timings, articles)
        if line.cell_length <= width:
            return line
    room = width - _status_line(status, "", False, False).cell_length - len(" · ")
    library = clip(sanitise_line(status.library), room) if room > 1 else ""
    return _status_line(status, library, False, False)


def _status_line(status: Status, library: str, timings: bool, articles: bool) -> Content:
    parts: list[Content] = []
    if library:
        parts.append(Content(sanitise_line(library)).stylize("bold"))
    if status.opening:
        parts.append(Content(f"opening {sanitise_line(status.opening)}…").stylize("$text-warning"))
    if articles and status.articles is not None:
        plural = "" if status.articles == 1 else "s"
        parts.append(Content(f"{status.articles:,} article{plural}"))
    if status.index == "indexing":
        if status.total:
            label = f"indexing {status.done:,}/{status.total:,}"
            label += " (resumed)" if status.resumed else ""
        else:
            label = "resuming indexing…" if status.resumed else "scanning…"
        parts.append(Content(label).stylize("$text-warning"))
    elif status.index:
        parts.append(Content(status.index).stylize("$text-muted"))
    if status.notice:
        parts.append(Content(sanitise_line(status.notice)).stylize("$text-warning"))
    if status.counting:
        parts.append(Content("counting…").stylize("$text-muted"))
    elif status.hits is not None:
        hits = f"{status.hits:,} hit{'s' if status.hits != 1 else ''}"
        if timings and status.elapsed is not None:
            hits += f" in {status.elapsed * 1000:.0f} ms"
        parts.append(Content(hits))
    if status.limited:
        parts.append(Content("limited: " + sanitise_line(status.limited)).stylize("$text-warning"))
    return Content(" · ").join(parts)


class StatusText(Widget):
    """The status line's text, fitted to the width it has when it is drawn."""

    def __init__(self, status: Status, show_timings: bool) -> None:
        super().__init__(id="status-text")
        self.status = status
        self.show_timings = show_timings

    def render(self) -> Content:
        return status_content(self.status, self.show_timings, self.content_size.width)


class StatusBar(Horizontal):
    """One line at the bottom, with a progress bar while the index is being built."""

    def __init__(self, *, show_timings: bool = True) -> None:
        super().__init__(id="status-bar")
        self.status = Status()
        self.show_timings = show_timings

    def compose(self) -> ComposeResult:
        yield StatusText(self.status, self.show_timings)
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="index-progress")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def set_status(self, **changes: object) -> None:
        self.status = self.status.with_(**changes)
        text = self.query_one(StatusText)
        text.status = self.status
        text.refresh()
        bar = self.query_one(ProgressBar)
        indexing = self.status.index == "indexing" and self.status.total > 0
        bar.display = indexing
        if indexing:
            bar.update(total=self.status.total, progress=self.status.done + self.status.share)
