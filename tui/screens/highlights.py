"""Every highlight in the library, newest first or by date published, filtered by words, tag
and colour.

The library's own: those made in it, and those made before newsread recorded where; ctrl+l
lists every library's, each made elsewhere marked with its library's folder name.

The filter box takes words (found in the passage or its note, stemmed), `tag:NAME` and
`colour:NAME` (yellow, green, blue, pink, orange, or 1-5). Enter on a highlight opens its
article with the cursor on the passage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsread.index.annotations.export import highlights_by_published
from newsread.index.article import date_shown
from newsread.index.text import sanitise_line
from newsread.tui.cells import cut_at
from newsread.tui.widgets.annotated_text import HIGHLIGHT_COLOURS, colour_style
from newsread.tui.widgets.notes_panel import QUOTE_CHARS, clipped, note_lines

if TYPE_CHECKING:
    from newsread.index.annotations import AnnotationStore, Highlight

LIMIT = 500
FILTER_DELAY = 0.15
PASSAGE_LINES = 4
"""Lines of its passage an entry shows, as wide as the list (one in a short terminal)."""
ORDERS = {"marked": "newest marked first", "published": "by date published"}
"""Orders of the list (`s` goes to the next) -> how the title says it."""


@dataclass(frozen=True)
class HighlightFilter:
    words: str = ""
    tag: str | None = None
    colour: int | None = None
    problem: str = ""


def parse_filter(text: str) -> HighlightFilter:
    """`words tag:x colour:green` -> a filter ("" words: any)."""
    words, tag, colour, problem = [], None, None, ""
    names = {name: n for n, (name, _) in HIGHLIGHT_COLOURS.items()}
    for token in text.split():
        field, _, value = token.partition(":")
        if value and field.lower() == "tag":
            tag = value
        elif value and field.lower() in ("colour", "color"):
            wanted = value.lower()
            colour = int(wanted) if wanted.isdigit() else names.get(wanted)
            if colour not in HIGHLIGHT_COLOURS:
                problem = f"no colour {value!r}: " + ", ".join(names)
                colour = None
        else:
            words.append(token)
    return HighlightFilter(" ".join(words), tag, colour, problem)


def library_highlight_prompt(
    highlight: Highlight,
    *,
    missing: bool = False,
    shut: bool = False,
    elsewhere: str = "",
    width: int = 0,
    lines: int = PASSAGE_LINES,
) -> Content:
    """The highlight as listed; `missing` when the library no longer has its article (`shut`:
    as its file is there but the user may no longer read it),
    `elsewhere` the name of the library it was made in when that is another one.

    The passage takes up to `lines` lines of `width` cells, cut with "…" (without a width,
    one line's worth)."""
    article = highlight.article
    when = highlight.created.astimezone().strftime("%Y-%m-%d")
    dated = date_shown(article.published, article.period)
    cited = " · ".join(
        part
        for part in (
            sanitise_line(article.title),
            sanitise_line(article.source),
            dated,
            f"marked {when}",
        )
        if part
    )
    quote = sanitise_line(highlight.quote)
    passage = Content.assemble(
        (f"in {sanitise_line(elsewhere)} · ", "bold $text-accent") if elsewhere else "",
        (_gone(shut), "bold $text-warning") if missing and not elsewhere else "",
        ("orphaned · ", "bold $text-warning") if highlight.orphaned else "",
        ("changed · ", "$text-muted") if highlight.status == "fuzzy" else "",
        Content(" ".join(quote.split()) if width else clipped(quote, QUOTE_CHARS)),
    )
    # The passage's lines start under its first word, right of the colour swatch.
    lines_of = _cut(passage, width - 3, lines) if width else [passage]
    parts = [
        Content.assemble(("  ", colour_style(highlight.colour)), " ", lines_of[0]),
        *(Content.assemble("   ", line) for line in lines_of[1:]),
    ]
    if highlight.note:
        parts.append(Content.assemble(("✎ ", "$text-success"), Content(note_lines(highlight.note))))
    parts.append(Content(cited).stylize("$text-muted"))
    return Content("\n").join(parts)


def _gone(shut: bool) -> str:
    """What the view says of a highlight whose article the library no longer has."""
    return "you may no longer read its file · " if shut else "not in the library · "


def _cut(content: Content, width: int, lines: int) -> list[Content]:
    """`content` wrapped to `width` cells, at most `lines` lines, the last ending in "…" when
    more was cut."""
    width = max(width, 2)
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return wrapped
    last = wrapped[lines - 1].rstrip()
    return [*wrapped[: lines - 1], last[: cut_at(last.plain, width - 1)].rstrip() + "…"]


class HighlightsList(OptionList):
    """The listed highlights; entries are wrapped to its width, again when that changes."""

    @dataclass
    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="highlights.open", tooltip="Open it in its article"),
        Binding("j", "cursor_down", "Down", show=False, id="highlights.down"),
        Binding("k", "cursor_up", "Up", show=False, id="highlights.up"),
        Binding(
            "s",
            "screen.order",
            "Sort",
            id="highlights.order",
            tooltip="Newest marked first, or by the article's date published (oldest first)",
        ),
        Binding(
            "slash",
            "app.focus_previous",
            "Filter",
            id="highlights.filter",
            tooltip="Back to the filter box",
        ),
    ]


class HighlightsScreen(ModalScreen["Highlight | None"]):
    """Dismisses with the highlight to open, or None.

    Small terminals (-narrow, -short) get a short help line and a dialog without border or
    padding, so the list keeps the rows."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    DEFAULT_CSS = """
    HighlightsScreen #highlights-status {
        color: $text-muted;
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="highlights.close", tooltip="Close this view"),
        Binding("down", "focus_list", "List", show=False, id="highlights.to_list"),
        Binding(
            "ctrl+s",
            "export",
            "Save",
            id="highlights.export",
            tooltip="Save the highlights listed as Markdown with citations, oldest article first",
        ),
        Binding(
            "ctrl+l",
            "every_library",
            "Libraries",
            id="highlights.libraries",
            tooltip="This library's highlights, or every library's",
        ),
    ]

    @dataclass
    class Found(Message):
        generation: int
        highlights: list[Highlight]
        problem: str = ""
        missing: frozenset[str] = frozenset()
        """Ids of the highlights whose article the library no longer has."""
        notices: tuple[str, ...] = ()
        """What placing them had to say (annotations it could not attach)."""
        elsewhere: int = 0
        """Highlights made in other libraries, not listed."""
        shut: frozenset[str] = frozenset()
        """Ids of those of `missing` whose article's file the user may no longer read."""

    @dataclass
    class Exported(Message):
        said: str
        """Where they were saved, or why they were not."""
        failed: bool = False

    def __init__(
        self,
        store: Callable[[], AnnotationStore],
        query: str = "",
        *,
        place: Callable[[], list[str]] | None = None,
        listed: Callable[[list[Highlight]], tuple[list[Highlight], frozenset[str], frozenset[str]]]
        | None = None,
        library: str | None = None,
        export: Callable[[list[Highlight], str, bool], str] | None = None,
        at: str | None = None,
        order: str = "marked",
    ) -> None:
        """`store()`, `place()`, `listed()` and `export()` are called in thread workers only
        (they use the database and the index).

        `place()` re-anchors the highlights in their articles' current text before the first
        listing, so positions and statuses are current, and says what it could not attach
        (shown with the first listing); `listed(highlights)` gives them with their articles'
        periods as the library has them, and names those whose article the library no longer
        has (deleted, or moved and changed at once) and those of these the user may no longer
        read (its file there, their access taken away).
        With `library` (`paths.library_id`), only the highlights made there (or where is not
        known) are listed until ctrl+l lists every library's. `export(highlights, filter,
        everywhere)` saves the highlights listed and says where (raising OSError or
        AnnotationError when it cannot). `at`, a highlight's id: the list opens on it, as the
        view was left (with `query`, its filter, and `order`, one of `ORDERS`).
        """
        super().__init__()
        self._store = store
        self._place = place
        self._listed = listed
        self._query = query
        self._export = export
        self._at = at
        self._library = library
        self._everywhere = library is None
        self._generation = 0
        self._timer: Timer | None = None
        self._found: dict[str, Highlight] = {}
        """The highlights listed, in the list's order."""
        self._shown: HighlightsScreen.Found | None = None
        """The last search's answer, listed again in another order or width."""
        self._notices: tuple[str, ...] = ()
        self.order = order if order in ORDERS else "marked"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="highlights-dialog"):
            yield Label(self._title(), classes="dialog-title", id="highlights-title")
            yield Input(
                self._query,
                placeholder="filter: words  tag:NAME  colour:green",
                id="highlights-filter",
            )
            yield Label("", markup=False, id="highlights-status")
            yield HighlightsList(id="highlights-list", markup=False)
            every = "^l every library · " if self._library is not None else ""
            yield Label(
                f"Enter opens · ↓ list · s sorts · ^s saves Markdown · {every}Esc",
                classes="dialog-help",
                id="highlights-help",
            )
            # ctrl+l is left out (the status line names it when other libraries have some).
            yield Label(
                "Enter open · s sort · ^s save · Esc",
                classes="dialog-help",
                id="highlights-help-short",
            )

    def _title(self) -> str:
        where = (
            ()
            if self._library is None
            else ("every library" if self._everywhere else "this library",)
        )
        # The order first: in a narrow terminal the title is cut at its end.
        return " · ".join(("Highlights", ORDERS[self.order], *where))

    def on_mount(self) -> None:
        # Back where it was left, the list keeps the focus (j, k); else the filter takes it.
        if self._at is not None:
            self.query_one(HighlightsList).focus()
        else:
            self.query_one(Input).focus()
        self._refresh()

    @property
    def filter_text(self) -> str:
        return self.query_one(Input).value

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlight the list is on, if any."""
        listed = self.query_one(HighlightsList)
        if listed.highlighted is None or listed.highlighted >= listed.option_count:
            return None
        return listed.get_option_at_index(listed.highlighted).id

    @on(Input.Changed, "#highlights-filter")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(FILTER_DELAY, self._refresh)

    @on(Input.Submitted, "#highlights-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._refresh()
        self.query_one(HighlightsList).focus()

    def _refresh(self) -> None:
        self._timer = None
        self._generation += 1
        self._search(self._generation, parse_filter(self.query_one(Input).value))

    @work(thread=True, exclusive=True, group="highlights", exit_on_error=False)
    def _search(self, generation: int, wanted: HighlightFilter) -> None:
        from newsread.index.annotations import AnnotationError

        notices: tuple[str, ...] = ()
        try:
            if self._place is not None:
                place, self._place = self._place, None
                notices = tuple(place())
            found = self._matching(wanted, LIMIT, self._everywhere)
            only = None if self._everywhere else self._library
            elsewhere = 0 if only is None else self._store().count_elsewhere(only)
        except AnnotationError as error:
            self.post_message(self.Found(generation, [], str(error)))
        else:
            missing: frozenset[str] = frozenset()
            shut: frozenset[str] = frozenset()
            if self._listed is not None:
                found, missing, shut = self._listed(found)
            self.post_message(
                self.Found(generation, found, wanted.problem, missing, notices, elsewhere, shut)
            )

    def _matching(
        self, wanted: HighlightFilter, limit: int | None, everywhere: bool
    ) -> list[Highlight]:
        """The highlights `wanted` chooses, newest first (at most `limit`). In a thread."""
        return self._store().all_highlights(
            tag=wanted.tag,
            colour=wanted.colour,
            text_query=wanted.words or None,
            limit=limit,
            library=None if everywhere else self._library,
        )

    @on(Found)
    def _found_them(self, message: Found) -> None:
        self._notices = message.notices or self._notices  # from the first search only
        if message.generation != self._generation:
            return
        self._shown = message
        self._list()
        count = len(message.highlights)
        status = message.problem or (
            f"{count:,} highlight{'s' if count != 1 else ''}"
            + (" (the newest; ^s saves every one)" if count >= LIMIT else "")
            if count
            else "No highlights match. v selects text in an article, H highlights it."
        )
        if message.elsewhere:
            status += f" · {message.elsewhere:,} made in other libraries (ctrl+l)"
        self.query_one("#highlights-status", Label).update(" · ".join((status, *self._notices)))

    def _list(self, *, stay: bool = True) -> None:
        """List the last search's highlights in the view's order, wrapped to the list's width,
        staying on the highlight the list was on (or the view reopened on); `stay=False`: on
        the first."""
        message = self._shown
        if message is None:
            return
        keep, self._at = (self._at or self.highlighted_id) if stay else None, None
        found = message.highlights
        if self.order == "published":
            found = highlights_by_published(found)
        self._found = {h.id: h for h in found}
        listed = self.query_one(HighlightsList)
        # Wrapped here, not by the list, so that a long passage is cut after a few lines; the
        # scrollbar's cells are left to it whether it shows or not.
        width = listed.size.width - listed.styles.scrollbar_size_vertical
        short = self.has_class("-short")
        options: list[Option | None] = []
        for highlight in found:
            prompt = library_highlight_prompt(
                highlight,
                missing=highlight.id in message.missing,
                shut=highlight.id in message.shut,
                elsewhere=self._made_elsewhere(highlight),
                width=max(width, 0),
                lines=1 if short else PASSAGE_LINES,
            )
            options.extend((Option(prompt, id=highlight.id), None))
        listed.set_options(options[:-1])
        if found:
            listed.highlighted = list(self._found).index(keep) if keep in self._found else 0

    @on(HighlightsList.Resized)
    def _resized(self) -> None:
        self._list()

    def action_order(self) -> None:
        """List the highlights in the next of `ORDERS`."""
        names = list(ORDERS)
        self.order = names[(names.index(self.order) + 1) % len(names)]
        self.query_one("#highlights-title", Label).update(self._title())
        # From the new order's start: staying on the entry the list was on showed the end of
        # the order first (the oldest entries above it, out of sight) under a title naming it.
        self._list(stay=False)

    @on(OptionList.OptionSelected, "#highlights-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self._found:
            self.dismiss(self._found[event.option.id])

    def _made_elsewhere(self, highlight: Highlight) -> str:
        """The folder name of the other library `highlight` was made in, else ""."""
        if self._library is None or highlight.library in ("", self._library):
            return ""
        return PurePath(highlight.library).name or highlight.library

    def action_every_library(self) -> None:
        """List every library's highlights, or this library's again."""
        if self._library is None:
            return
        self._everywhere = not self._everywhere
        self.query_one("#highlights-title", Label).update(self._title())
        self._refresh()

    def action_export(self) -> None:
        if self._export is None:
            return
        if not self._found:
            self.notify("No highlights listed to save", severity="warning", timeout=3)
            return
        listed = list(self._found.values())
        self._save(
            listed, parse_filter(self.filter_text), self.filter_text.strip(), self._everywhere
        )

    @work(thread=True, exclusive=True, group="highlights-export", exit_on_error=False)
    def _save(
        self, listed: list[Highlight], wanted: HighlightFilter, query: str, everywhere: bool
    ) -> None:
        """Save every highlight the filter chooses: those listed, and any past the list's
        `LIMIT`."""
        from newsread.index.annotations import AnnotationError

        assert self._export is not None
        try:
            highlights = listed
            if len(listed) >= LIMIT:
                highlights = self._matching(wanted, None, everywhere)
            said = self._export(highlights, query, everywhere)
        except OSError as error:
            named = error.filename and error.strerror
            reason = f"{error.filename}: {error.strerror}" if named else str(error)
            self.post_message(self.Exported(f"Not saved: {reason}", failed=True))
        except AnnotationError as error:
            self.post_message(self.Exported(f"Not saved: {error}", failed=True))
        else:
            self.post_message(self.Exported(said))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        self.notify(
            message.said,
            severity="error" if message.failed else "information",
            timeout=8,
            markup=False,
        )

    def action_focus_list(self) -> None:
        self.query_one(HighlightsList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
