"""The article column: the reading pane, a find bar under it, and a hint when it is empty;
above the article, the other versions of its story when there are any (`V` opens one)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from newsread.index.article import date_shown
from newsread.index.text import sanitise_line
from newsread.tui.widgets.reading_pane import MarksFrom, ReadingPane
from newsread.tui.widgets.results_list import version_name

if TYPE_CHECKING:
    from newsread.index import Version
    from newsread.index.article import Article
    from newsread.tui.state import Position


class FindBar(Input):
    """Find text in the article: matches light up as you type, Enter jumps to the next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Stop finding", id="find.cancel")
    ]

    def __init__(self) -> None:
        super().__init__(placeholder="find in article", compact=True, id="find-bar")

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Submitted(self, ""))


class ArticleView(Vertical):
    """Shows one article, or a hint while there is none."""

    def __init__(self, hint: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hint = hint
        self.versions: tuple[Version, ...] = ()
        """The other versions of the shown article's story."""

    def compose(self) -> ComposeResult:
        yield Static(self._hint, id="article-hint", markup=False)
        yield Static("", id="article-versions", markup=False)
        yield ReadingPane(id="reader")
        yield FindBar()

    def on_mount(self) -> None:
        self.query_one(ReadingPane).display = False
        self.query_one(FindBar).display = False
        self.query_one("#article-versions").display = False

    def show_versions(self, versions: tuple[Version, ...]) -> None:
        """Name the other versions of the article's story above it (or nothing)."""
        self.versions = versions
        line = self.query_one("#article-versions", Static)
        line.display = bool(versions)
        if versions:
            sources = list(dict.fromkeys(version_name(v) for v in versions))
            noun = "version" if len(versions) == 1 else "versions"
            line.update(f"Also told by {', '.join(sources)} ({len(versions)} {noun}; V to read)")

    @property
    def reader(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def article(self) -> Article | None:
        return self.reader.article

    def show(
        self,
        article: Article,
        spans: list[tuple[int, int]],
        position: Position | None,
        title_spans: list[tuple[int, int]] | None = None,
        marks_from: MarksFrom | None = None,
    ) -> None:
        self.query_one("#article-hint").display = False
        self.query_one(FindBar).display = False
        self.reader.display = True
        self.reader.show(article, spans, position, title_spans, marks_from)

    def clear(self, hint: str | None = None) -> None:
        if hint is not None:
            self._hint = hint
            self.query_one("#article-hint", Static).update(hint)
        self.reader.clear_article()
        self.show_versions(())
        self.reader.display = False
        self.query_one(FindBar).display = False
        self.query_one("#article-hint").display = True

    def set_hint(self, hint: str) -> None:
        self._hint = hint
        self.query_one("#article-hint", Static).update(hint)

    @on(ReadingPane.FindRequested)
    def _start_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.display = True
        bar.focus()
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None:  # held by the reader's `/` (`ReadingPane.action_find`)
            self.call_after_refresh(key_order.release, "find")

    @on(Input.Changed, "#find-bar")
    def _find_as_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.reader.find(event.value)

    @on(Input.Submitted, "#find-bar")
    def _find_done(self, event: Input.Submitted) -> None:
        event.stop()
        bar = self.query_one(FindBar)
        bar.display = False
        reader = self.reader
        if event.value:
            reader.jump()
        else:
            reader.end_find()
        reader.focus()


def version_label(version: Version) -> str:
    """One line naming a version: source · date · title."""
    parts = (
        sanitise_line(version.source),
        date_shown(version.published, version.period),
        sanitise_line(version.title) or "(untitled)",
    )
    return " · ".join(part for part in parts if part)
