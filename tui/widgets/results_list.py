"""The results list: one option per hit (title, source · date, a one-line snippet).

Every prompt is a `Content` built from data with match spans styled on it; nothing from an
article is ever parsed as markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsread.index.text import sanitise_line

if TYPE_CHECKING:
    from newsread.index import Hit, SearchResults
    from newsread.index.annotations import ArticleMarks

SUGGESTION_ID = "\0suggestion"
MORE_ID = "\0more"
SPECIAL_IDS = (SUGGESTION_ID, MORE_ID)
_SPACE = re.compile(r"\s+")


def one_line(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, list[tuple[int, int]]]:
    """`text` with every run of whitespace made one space, and `spans` moved to match."""
    pieces: list[str] = []
    # new_offset[i] is where old offset i lands in the result.
    new_offset = [0] * (len(text) + 1)
    position = 0
    last = 0
    for match in _SPACE.finditer(text):
        for i in range(last, match.start()):
            new_offset[i] = position + (i - last)
        pieces.append(text[last : match.start()])
        position += match.start() - last
        for i in range(match.start(), match.end()):
            new_offset[i] = position
        pieces.append(" ")
        position += 1
        last = match.end()
    for i in range(last, len(text) + 1):
        new_offset[i] = position + (i - last)
    pieces.append(text[last:])
    moved = [(new_offset[s], new_offset[e]) for s, e in spans if 0 <= s < e <= len(text)]
    return "".join(pieces), moved


def styled(
    text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], style: str
) -> Content:
    content = Content(text)
    for start, end in spans:
        content = content.stylize(style, start, end)
    return content


def marks_text(marks: ArticleMarks | None) -> Content:
    """Marks before a title: • unread, ★ starred, ✎ annotated (none until they are known)."""
    if marks is None:
        return Content("")
    return Content.assemble(
        ("• " if not marks.read else "", "$text-accent"),
        ("★ " if marks.starred else "", "$text-warning"),
        ("✎ " if marks.annotated else "", "$text-success"),
    )


def hit_prompt(hit: Hit, marks: ArticleMarks | None = None) -> Content:
    """Three lines: marks and the title (matches bold), source · section · date, the snippet."""
    title_text, title_spans = one_line(hit.title, hit.title_spans)
    title = styled(title_text or "(untitled)", title_spans, "underline").stylize("bold")
    title = marks_text(marks) + title
    meta = " · ".join(
        part
        for part in (
            # A source the reader took from the library's folder, when the file named none.
            sanitise_line(hit.source)
            + (" (folder)" if hit.source and hit.path.startswith(hit.source + "/") else ""),
            sanitise_line(hit.section),
            hit.published.strftime("%Y-%m-%d") if hit.published else "",
        )
        if part
    ) or sanitise_line(hit.path)
    snippet_text, snippet_spans = one_line(hit.snippet.text.strip(), hit.snippet.spans)
    snippet = styled(snippet_text, snippet_spans, "$text-warning bold")
    return Content("\n").join(
        [title, Content(meta).stylize("$text-muted"), snippet.stylize("$text-secondary")]
    )


class ResultsList(OptionList):
    """Hits of the current search; Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="results.open", tooltip="Open the article"),
        Binding("j", "cursor_down", "Down", show=False, id="results.down"),
        Binding("k", "cursor_up", "Up", show=False, id="results.up"),
        Binding("g", "first", "First", show=False, id="results.first"),
        Binding("G", "last", "Last", show=False, id="results.last"),
        Binding(
            "s",
            "screen.toggle_sort",
            "Sort",
            id="results.sort",
            tooltip="Sort: relevance, newest first, oldest first",
        ),
        Binding(
            "f",
            "screen.filters",
            "Filters",
            id="results.filters",
            tooltip="Filter by source, section or year",
        ),
        Binding(
            "d",
            "accept_suggestion",
            "Did you mean",
            id="results.suggestion",
            tooltip="Search for the suggested spelling",
        ),
        Binding(
            "escape",
            "screen.focus_search",
            "Search",
            show=False,
            id="results.search",
            tooltip="Back to the search box",
        ),
    ]

    class Opened(Message):
        """A hit was chosen (Enter or click)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Highlighted(Message):
        """The highlight moved to a hit (the wide layout previews it)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class MoreRequested(Message):
        """The last option ("Showing 40 of 1,453") was chosen."""

    class SuggestionAccepted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.results: SearchResults | None = None
        self.suggestion: str | None = None
        self.marks: dict[str, ArticleMarks] = {}
        """Read, starred and annotated, by article key (kept across searches)."""

    def show_results(self, results: SearchResults, *, keep_highlight: bool = False) -> None:
        """Replace the options; `keep_highlight` keeps the highlighted hit if still there."""
        keep = self.highlighted_key if keep_highlight else None
        option = self.highlighted_option
        more_from = (
            len(self.results.hits)
            if keep_highlight and self.results and option and option.id == MORE_ID
            else None
        )  # "show more" was chosen: go to the first new hit
        self.results = results
        self.suggestion = results.suggestion if not results.hits else None
        options: list[Option | None] = []
        for hit in results.hits:
            prompt = hit_prompt(hit, self.marks.get(hit.key))
            options.extend((Option(prompt, id=hit.key), None))  # None: a divider
        if self.suggestion:
            prompt = Content.assemble(
                "Did you mean ",
                (sanitise_line(self.suggestion), "bold $text-accent"),
                "?  Enter searches for it",
            )
            options.append(Option(prompt, id=SUGGESTION_ID))
        if results.total > len(results.hits) and results.hits:
            prompt = Content.assemble(
                (f"Showing {len(results.hits):,} of {results.total:,}.", "$text-muted"),
                ("  Enter shows more", "$text-accent"),
            )
            options.append(Option(prompt, id=MORE_ID))
        self.set_options(options)
        keys = [hit.key for hit in results.hits]
        if options:
            if more_from is not None:
                self.highlighted = min(more_from, len(keys) - 1)
            else:
                self.highlighted = keys.index(keep) if keep in keys else 0

    def clear_results(self) -> None:
        self.results = None
        self.suggestion = None
        self.clear_options()

    def set_marks(self, marks: dict[str, ArticleMarks]) -> None:
        """Show these marks on the hits they belong to."""
        self.marks.update(marks)
        for hit in self.results.hits if self.results else ():
            if hit.key in marks:
                self.replace_option_prompt(hit.key, hit_prompt(hit, marks[hit.key]))

    @property
    def highlighted_key(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.id in SPECIAL_IDS:
            return None
        return option.id

    @property
    def keys(self) -> list[str]:
        return [hit.key for hit in self.results.hits] if self.results else []

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            self.post_message(self.SuggestionAccepted(self.suggestion))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_suggestion":
            return bool(self.suggestion)
        if action == "select":
            return self.option_count > 0
        return True

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == SUGGESTION_ID:
            self.action_accept_suggestion()
        elif event.option.id == MORE_ID:
            self.post_message(self.MoreRequested())
        elif event.option.id:
            self.post_message(self.Opened(event.option.id))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option.id not in SPECIAL_IDS:
            self.post_message(self.Highlighted(event.option.id))
