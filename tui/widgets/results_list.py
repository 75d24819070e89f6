"""The results list: one row per hit (title, source · date, a one-line snippet), over all hits.

A search folded to one hit per story (`SearchResults.folded`) has a row per story; its hit
says "+N versions" and lists their sources, and `V` lists the versions under it (each opens
with Enter) or folds them away again.

The list has a row for every hit of the search, but holds only the pages it has been given:
a row scrolled into view whose page is missing shows a placeholder and asks for its page
(`PageWanted`), so `G` on 5,000 hits costs one page, not 5,000 snippets. The rows themselves
are added `HELD_ROWS` at a time, as the last ones come into view (`G` adds them all): a row
for each of 60,000 hits cost a second on the event loop, where every keystroke waits.

Every prompt is a `Content` built from data with match spans styled on it; nothing from an
article is ever parsed as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len
from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.visual import Visual, visualize
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsread.index.article import date_shown, shown_path
from newsread.index.results import source_shown
from newsread.index.text import sanitise_line
from newsread.tui.cells import clip, clip_content, keep_in_view, steady
from newsread.tui.state import several
from newsread.tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

    from newsread.index import Hit, SearchResults, Version
    from newsread.index.annotations import ArticleMarks

SUGGESTION_ID = "\0suggestion"
PAGE = 20
"""Hits per page: snippets cost ~1.7 ms a hit on a 19k library."""
HELD_ROWS = 200
"""Rows of hits the list holds at first, and adds again when the last of them is drawn."""
ROW_LINES = 3
"""Lines of a hit's prompt (title, meta, snippet); every row has this height."""
PLACEHOLDER = Content("…\n\n")
UNDATED_LABEL = "Undated from here: no date to sort by"
"""Over the first undated row of a date sort: read without it, the undated articles (last
both ways) were taken for the oldest."""
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


def hit_prompt(hit: Hit, marks: ArticleMarks | None = None, width: int | None = None) -> Content:
    """Three lines: marks and the title (matches bold), source · section · date, the snippet;
    each cut to `width` cells between grapheme clusters (see `newsread.tui.cells`)."""
    title_text, title_spans = one_line(steady(hit.title), hit.title_spans)
    title = styled(title_text or "(untitled)", title_spans, "underline").stylize("bold")
    title = marks_text(marks) + title
    meta = meta_line(hit, width)
    snippet_text, snippet_spans = one_line(steady(hit.snippet.text).rstrip(), hit.snippet.spans)
    if width is not None:
        snippet_text, snippet_spans = keep_in_view(snippet_text, snippet_spans, width)
    snippet = styled(snippet_text, snippet_spans, "$text-warning bold")
    lines = [
        title,
        Content(meta).stylize("$text-muted"),
        snippet.stylize("$text-secondary"),
    ]
    if width is not None:
        lines = [clip_content(line, width) for line in lines]
    return Content("\n").join(lines)


def undated_label(width: int) -> Content:
    """ "── Undated from here: no date to sort by ────": a rule across the row, cut to `width`."""
    words = f"── {UNDATED_LABEL} "
    rule = "─" * max(width - cell_len(words), 0)
    label = Content.assemble((words, "bold $text-warning"), (rule, "$text-muted"))
    return clip_content(label, width)


def meta_line(hit: Hit, width: int | None = None) -> str:
    """source · section · date, then the story's other versions (the path when the hit has
    no source, section or date). Wider than `width`, the section goes first, then the source
    is shortened: the date stays (the versions, last, are left to the clip)."""
    source = steady(source_shown(hit.source, hit.from_folder))
    section = steady(sanitise_line(hit.section))
    date = date_shown(hit.published, hit.period)
    versions = steady(versions_text(hit)) if hit.versions else ""
    line = _joined(source, section, date) or steady(sanitise_line(shown_path(hit.path)))
    if width is None or cell_len(line) <= width or not date:
        return _joined(line, versions)
    if cell_len(_joined(source, date)) <= width:
        return _joined(source, date, versions)
    room = width - cell_len(date) - len(" · ")
    return _joined(clip(source, room), date) if room > 1 else date


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def versions_text(hit: Hit) -> str:
    """ "+2 versions: AP, UPI": how many other articles tell the hit's story, and where."""
    sources = list(dict.fromkeys(version_name(v) for v in hit.others))
    noun = "version" if hit.versions == 1 else "versions"
    return f"+{hit.versions} {noun}: {', '.join(sources)}" if sources else f"+{hit.versions} {noun}"


def version_name(version: Version) -> str:
    """What a version is called in a list of them: its source, else its file's name (a file
    naming no source at the library's top level has no folder to stand in)."""
    return source_shown(version.source, version.from_folder) or sanitise_line(
        PurePosixPath(version.key.split("#", 1)[0]).name
    )


def version_prompt(version: Version) -> Content:
    """One line under an expanded hit: ↳ source · date · title."""
    meta = " · ".join(
        part
        for part in (
            source_shown(version.source, version.from_folder),
            date_shown(version.published, version.period),
        )
        if part
    )
    title = sanitise_line(version.title) or "(untitled)"
    return Content.assemble(
        ("  ↳ ", "$text-muted"), (meta + " · " if meta else "", "$text-muted"), title
    )


MIN_LIKE = len("like: Putin…")
"""The fewest cells a "like: TITLE" is cut to in the list's title."""


@dataclass(frozen=True)
class ListTitle:
    """The list's border title in its forms, fullest first: `counts` ("3 of 97 stories ·
    124 articles", "3 of 97 stories"), a "like: TITLE" and `orders` ("newest first",
    "newest"; none for a "like" list by relevance)."""

    counts: tuple[str, ...]
    like: str = ""
    orders: tuple[str, ...] = ()

    def fit(self, room: int) -> Content:
        """The fullest form within `room` cells: the sort's short name, then the shorter
        count, then the like title cut to what is left (never below `MIN_LIKE`); else the
        shortest, for Textual to cut. A narrow list kept the long sort name, cut to "n…"."""
        orders = self.orders or ("",)
        forms = [(self.counts[0], order) for order in orders]
        forms += [(count, orders[-1]) for count in self.counts[1:]]
        for cut_like in (False, True):
            for count, order in forms:
                title = " · ".join(part for part in (count, self.like, order) if part)
                left = room - cell_len(title) + cell_len(self.like)
                if cell_len(title) <= room or (cut_like and self.like and left >= MIN_LIKE):
                    like = clip(self.like, left)
                    return Content(" · ".join(part for part in (count, like, order) if part))
        return Content(title)


class HitOption(Option):
    """The row of hit number `row` (its prompt is made when the row is drawn)."""

    def __init__(self, row: int) -> None:
        super().__init__(PLACEHOLDER)
        self.row = row
        self.width = 0
        """The width its prompt was cut to."""


class VersionOption(Option):
    """Another version of the story of hit `row`, listed under it (`V`)."""

    def __init__(self, row: int, version: Version) -> None:
        super().__init__(version_prompt(version))
        self.row = row
        self.version = version


class ResultsList(StoppingOptionList):
    """Every hit of the current search; Enter opens one."""

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
        Binding("F", "screen.clear_filters", "No filters", show=False, id="results.clear_filters"),
        *[
            Binding(
                str(n),
                f"screen.remove_filter({n})",
                f"Remove filter {n}",
                show=False,
                id=f"results.remove_filter_{n}",
            )
            for n in (1, 2, 3)
        ],
        Binding(
            "t",
            "screen.hit_tags",
            "Tags",
            show=False,
            id="results.tags",
            tooltip="Tag the highlighted article",
        ),
        Binding(
            "asterisk",
            "screen.hit_toggle_star",
            "Star",
            show=False,
            id="results.toggle_star",
            tooltip="Star or unstar the highlighted article",
        ),
        Binding(
            "m",
            "screen.hit_toggle_read",
            "Read/unread",
            show=False,
            id="results.toggle_read",
            tooltip="Mark the highlighted article read or unread",
        ),
        Binding(
            "V",
            "versions",
            "Versions",
            show=False,
            id="results.versions",
            tooltip="List the other versions of this story under it, or fold them away",
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
            "screen.back_to_search",
            "Search",
            show=False,
            id="results.search",
            tooltip="Back to the search box, the query kept (/ selects it to start anew)",
        ),
    ]

    class Opened(Message):
        """A hit was chosen (Enter or click)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Highlighted(Message):
        """The highlight moved to a hit (the wide layout previews it)."""

        def __init__(self, key: str | None, row: int) -> None:
            super().__init__()
            self.key = key
            """None while the hit's page is still loading."""
            self.row = row

    class PageWanted(Message):
        """Rows from `offset` are on screen but not loaded: search for that page."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class SuggestionAccepted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.results: SearchResults | None = None
        """The first page of the search: its total, terms, facets and suggestion."""
        self.rows: dict[int, Hit] = {}
        """The hits loaded so far, by row."""
        self._asked: set[int] = set()
        """Offsets of pages asked for and not yet given."""
        self.suggestion: str | None = None
        self.marks: dict[str, ArticleMarks] = {}
        """Read, starred and annotated, by article key (kept across searches)."""
        self.expanded: set[int] = set()
        """Rows whose story's versions are listed under them."""
        self.held = 0
        """Rows of hits the list has options for (`HELD_ROWS` more as they come into view)."""
        self._holding = False
        self._open_when_loaded: int | None = None
        """A row chosen (Enter) before its page of hits came (`G` then Enter): opened then."""
        self.list_title: ListTitle | None = None
        """The border title, fitted to the list's width as it changes."""
        self._wanted: tuple[str | None, int, int] | None = None
        """A hit to highlight (key, row) not among the first page's, and the option the
        highlight was put on meanwhile: placed when the counts or its page come, unless the
        highlight has moved since."""

    def show_title(self, title: ListTitle) -> None:
        """Title the list with the fullest form of `title` its width has room for."""
        self.list_title = title
        self._fit_title()

    def on_resize(self) -> None:
        self._fit_title()
        # Made shorter (a terminal resized, the wide layout left), the list kept its scroll:
        # the highlighted hit was below its bottom edge, and keys moved a highlight unseen.
        self.call_after_refresh(self.scroll_to_highlight)

    def _fit_title(self) -> None:
        if self.list_title is not None:
            # Room between the corners, a line and a space each side ("╭─ title ─╮").
            self.border_title = self.list_title.fit(self.outer_size.width - 6)

    @property
    def total(self) -> int:
        """How many rows of hits: one per story when the search was folded."""
        if self.results is None or not self.results.hits:
            return 0
        return self.results.stories if self.results.folded else self.results.total

    @property
    def undated_from(self) -> int | None:
        """The first undated row of a date sort with dated rows before it, else None: a
        label over it says where the dates end."""
        results = self.results
        if results is None or results.sort == "relevance" or not results.undated:
            return None
        first = self.total - results.undated
        return first if first > 0 else None

    def _row_lines(self, option: HitOption) -> int:
        """Lines of a hit's row: one more for the label over the first undated one."""
        return ROW_LINES + (option.row == self.undated_from)

    def show_results(
        self,
        results: SearchResults,
        *,
        keep_highlight: bool = False,
        highlight: tuple[str | None, int | None] | None = None,
        read: tuple[str, str] = ("", ""),
    ) -> None:
        """Show the first page of a search; `keep_highlight` keeps the highlighted row's hit
        (or the row, when that hit is not on the first page). `highlight` (a hit's key, and
        its row) puts the highlight there instead, as `keep_highlight` does; `read`: the id and
        title of the article that hit was, which find it when its key names another by now."""
        if highlight is None and keep_highlight:
            highlight = self.highlighted_key, self.highlighted_row
            read = self.read_of(self.highlighted_key)
        keep, row = highlight or (None, None)
        if keep is not None and read[0]:
            keep = _same_hit(keep, read, results.hits)
        self.results = results
        self.rows = dict(enumerate(results.hits))
        self._asked = set()
        self._open_when_loaded = None
        self.expanded = set()
        self.suggestion = results.suggestion if not results.hits else None
        self.held = min(self.total, max(HELD_ROWS, (row or 0) + HELD_ROWS))
        options = self._make_options()
        self.set_options(options)
        if options:
            keys = self.keys
            self._wanted = None
            if keep in keys:
                self.highlighted = keys.index(keep)
            elif row is not None:
                self.highlighted = min(row, len(options) - 1)
                # Before the counts the list holds only the first page's rows, and a hit
                # further down is not loaded yet: its key, and its row, are found later.
                self._wanted = (keep, row, self.highlighted)
            else:
                self.highlighted = 0

    def read_of(self, key: str | None) -> tuple[str, str]:
        """The id and title of the hit listed under `key`, if one is (a version's row is
        none)."""
        hit = next((hit for hit in self.rows.values() if hit.key == key), None)
        return (hit.id, hit.title) if hit is not None else ("", "")

    def _make_options(self) -> list[Option | None]:
        """A row per hit (its expanded versions under it), then any suggestion."""
        options = self._hit_rows(0, self.held)
        if self.suggestion:
            prompt = Content.assemble(
                "Did you mean ",
                (sanitise_line(self.suggestion), "bold $text-accent"),
                "?  Enter searches for it",
            )
            options.append(Option(prompt, id=SUGGESTION_ID))
        return options

    def _hit_rows(self, start: int, end: int) -> list[Option | None]:
        """The options of hit rows `start` to `end`, each with its listed versions."""
        options: list[Option | None] = []
        for n in range(start, end):
            options.append(HitOption(n))
            hit = self.rows.get(n)
            if n in self.expanded and hit is not None:
                options.extend(VersionOption(n, version) for version in hit.others)
            options.append(None)  # a divider
        return options

    def _hold(self, rows: int) -> None:
        """Have options for the first `rows` hit rows (at most the search's total)."""
        self._holding = False
        rows = min(rows, self.total)
        if rows > self.held and not self.suggestion:
            start, self.held = self.held, rows
            self.add_options(self._hit_rows(start, rows))

    def action_last(self) -> None:
        self._hold(self.total)
        super().action_last()

    def _hit_option(self, row: int) -> HitOption | None:
        """The option of hit `row` (rows and options differ once versions are listed)."""
        if not self.expanded or min(self.expanded) > row:
            option = self.options[row] if row < self.option_count else None
        else:
            option = next(
                (o for o in self.options if isinstance(o, HitOption) and o.row == row), None
            )
        return option if isinstance(option, HitOption) else None

    @property
    def highlighted_row(self) -> int | None:
        """The row of the highlighted hit, or of the hit whose version is highlighted."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option = self.options[self.highlighted]
        return option.row if isinstance(option, (HitOption, VersionOption)) else None

    def action_versions(self) -> None:
        """List the highlighted story's other versions under it, or fold them away."""
        row = self.highlighted_row
        hit = self.rows.get(row) if row is not None else None
        if row is None or hit is None or not hit.others:
            self.app.bell()
            return
        self.expanded ^= {row}
        self.set_options(self._make_options())
        option = self._hit_option(row)
        if option is not None:
            self.highlighted = self.options.index(option)

    def show_counts(self, results: SearchResults) -> None:
        """The second step of the search shown: a row for every hit (or story, folded) and
        the facets; the rows shown, the highlight and the scroll stay as they are."""
        shown = self.total
        self.results = results
        if results.suggestion and not results.hits and not self.suggestion:
            # "Did you mean" comes with the counts, so that "no results" shows at once.
            self.suggestion = results.suggestion
            self.set_options(self._make_options())
            self.highlighted = 0
            self.refresh_bindings()  # its key, in the footer drawn when the list had none
        if self.total > shown:
            self._hold(HELD_ROWS + (self._wanted[1] if self._wanted else 0))
        undated = self.undated_from
        option = self._hit_option(undated) if undated is not None else None
        if option is not None:  # its row gets the label's line
            option._visual = None
            self._clear_caches()
            self.refresh(layout=True)
        if self._wanted is not None and self.option_count:
            key, row, placed = self._wanted
            if self.highlighted == placed:
                self._wanted = (key, row, min(row, self.option_count - 1))
                self.highlighted = self._wanted[2]
            else:
                self._wanted = None

    def add_page(self, offset: int, hits: Sequence[Hit]) -> None:
        """Fill the rows from `offset` with `hits` (a page asked for with `PageWanted`)."""
        self._asked.discard(offset)
        for row, hit in enumerate(hits, offset):
            option = self._hit_option(row)
            if option is not None:
                self.rows[row] = hit
                option._visual = None  # drawn anew, with the hit
        self._option_render_cache.clear()
        self.refresh()
        self._place_wanted(offset, hits)
        current = self.highlighted_row
        if current is not None and offset <= current < offset + len(hits):
            self._post_highlighted(current)
            if current == self._open_when_loaded and current in self.rows:
                self.post_message(self.Opened(self.rows[current].key))
        if self._open_when_loaded in self.rows:
            self._open_when_loaded = None

    def _place_wanted(self, offset: int, hits: Sequence[Hit]) -> None:
        """The hit wanted highlighted, when this page has it (its row may have moved: a
        search run again after the index changed), unless the highlight has moved."""
        if self._wanted is None:
            return
        key, row, placed = self._wanted
        if self.highlighted != placed:
            self._wanted = None
            return
        found = next((n for n, hit in enumerate(hits, offset) if hit.key == key), None)
        option = self._hit_option(found) if found is not None else None
        if option is not None:
            self.highlighted = self.options.index(option)
        if option is not None or offset <= row < offset + len(hits):
            self._wanted = None

    def clear_results(self) -> None:
        self._wanted = None
        self._open_when_loaded = None
        self.results = None
        self.held = 0
        self.rows = {}
        self.expanded = set()
        self.suggestion = None
        self.clear_options()

    def set_marks(self, marks: dict[str, ArticleMarks]) -> None:
        """Show these marks on the hits they belong to."""
        self.marks.update(marks)
        changed = False
        for row, hit in self.rows.items():
            option = self._hit_option(row) if hit.key in marks else None
            if option is not None:
                option._visual = None
                changed = True
        if changed:
            self._option_render_cache.clear()
            self.refresh()

    @property
    def highlighted_key(self) -> str | None:
        if self.highlighted is not None and self.highlighted < self.option_count:
            option = self.options[self.highlighted]
            if isinstance(option, VersionOption):
                return option.version.key
        row = self.highlighted_row
        hit = self.rows.get(row) if row is not None else None
        return hit.key if hit else None

    @property
    def keys(self) -> list[str]:
        """Keys of the hits loaded so far, in order."""
        return [self.rows[row].key for row in sorted(self.rows)]

    # -- one row per hit, drawn when it comes into view --------------------------------------

    def _get_visual(self, option: Option) -> Visual:
        if isinstance(option, HitOption):
            if option.row >= self.held - PAGE and self.held < self.total and not self._holding:
                self._holding = True  # the last rows are drawn: add the next ones
                self.call_later(self._hold, self.held + HELD_ROWS)
            width = self._prompt_width()
            if option._visual is None or option.width != width:
                hit = self.rows.get(option.row)
                option.width = width
                if hit is None:
                    self._ask_for(option.row)
                    prompt = PLACEHOLDER
                else:
                    prompt = hit_prompt(hit, self.marks.get(hit.key), width)
                if option.row == self.undated_from:
                    prompt = Content("\n").join([undated_label(width), prompt])
                option._visual = visualize(self, prompt, markup=False)
        return super()._get_visual(option)

    def _prompt_width(self) -> int:
        """Cells a row's line has (the prompt is cut to it, between grapheme clusters)."""
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        return max(width - padding.width, 1)

    def _ask_for(self, row: int) -> None:
        offset = row - row % PAGE
        if offset not in self._asked:
            self._asked.add(offset)
            self.post_message(self.PageWanted(offset))

    def _update_lines(self) -> None:
        """Line bookkeeping with every hit row `ROW_LINES` high, measured without drawing."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        options = self.options
        start = lines[-1][0] + 1 if lines else 0
        if start < len(options):
            padding = self.get_component_styles("option-list--option").padding
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            rules = cast("RulesMap", self.styles)
            for index in range(start, len(options)):
                option = options[index]
                height = (
                    self._row_lines(option)
                    if isinstance(option, HitOption)
                    else self._get_visual(option).get_height(rules, width - padding.width)
                ) + option._divider
                cache.index_to_line[index] = len(lines)
                cache.heights[index] = height
                lines.extend((index, line) for line in range(height))
        last_divider = bool(options) and options[-1]._divider
        virtual_size = Size(
            self.scrollable_content_region.width - self._get_left_gutter_width(),
            len(lines) - (1 if last_divider else 0),
        )
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._update_lines()
        return len(self._line_cache.lines)

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            self.post_message(self.SuggestionAccepted(self.suggestion))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_suggestion":
            return bool(self.suggestion)
        if action == "versions":
            return bool(self.results and self.results.folded)
        if action == "select":
            return self.option_count > 0
        return True

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == SUGGESTION_ID:
            self.action_accept_suggestion()
        elif isinstance(event.option, VersionOption):
            self.post_message(self.Opened(event.option.version.key))
        elif isinstance(event.option, HitOption):
            hit = self.rows.get(event.option.row)
            if hit is not None:
                self.post_message(self.Opened(hit.key))
            else:  # its page is on the way: Enter is not lost, it waits for it
                self._open_when_loaded = event.option.row

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if isinstance(event.option, VersionOption):
            self.post_message(self.Highlighted(event.option.version.key, event.option.row))
        elif isinstance(event.option, HitOption):
            self._post_highlighted(event.option.row)

    def _post_highlighted(self, row: int) -> None:
        hit = self.rows.get(row)
        self.post_message(self.Highlighted(hit.key if hit else None, row))


def _same_hit(key: str, read: tuple[str, str], hits: Sequence[Hit]) -> str | None:
    """The key among `hits` (a search run again) of the article `read` (its id and title) was
    listed under `key`: that key, unless the hit there is another article (the key of an
    article in a file of several is a position, which another takes when one is put before
    it), else the one hit of its id. None when its key names another article and its id none;
    its key when neither is among `hits`."""
    article_id, title = read
    at = next((hit for hit in hits if hit.key == key), None)
    if at is not None and (at.id == article_id or not several(key) or at.title == title):
        return key
    same = [hit.key for hit in hits if hit.id == article_id]
    if len(same) == 1:
        return same[0]
    return None if at is not None else key
