"""The command palette (ctrl+p): every newsread action by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (title, help, action on the main screen; "app." for the app's own)
    ("Search", "Focus the search box (/)", "focus_search"),
    ("Open article", "Open the highlighted result (Enter)", "open_article"),
    ("Close article", "Back to the results (Escape)", "close_article"),
    ("Toggle sort", "Sort the results: relevance, newest first, oldest first (s)", "toggle_sort"),
    ("Filters", "Filter by source, section or year (f)", "filters"),
    ("Clear filters", "Show results from every source, section and year", "clear_filters"),
    ("Timeline", "The hits over time: pick a period, Enter narrows to it (T)", "focus_timeline"),
    ("Back", "Go back to the previous query or article (alt+left, [)", "back"),
    ("Forward", "Go forward again (alt+right, ])", "forward"),
    ("Save search", "Save the current search under a name (ctrl+s)", "save_search"),
    ("Saved searches", "List saved searches with their hit counts (ctrl+o)", "saved_searches"),
    ("Next match", "Jump to the next match in the article (n)", "next_match"),
    ("Previous match", "Jump to the previous match in the article (N)", "previous_match"),
    ("Find in article", "Find text in the open article (/ in the article)", "find"),
    ("Copy passage", "Copy the paragraph under the cursor, or the selection (y)", "copy_passage"),
    ("Copy citation", "Copy title, source, date and URL of the article (Y)", "copy_citation"),
    ("Open in browser", "Open the article's URL in a web browser (o)", "open_url"),
    ("Start selecting", "Select text in the article: v, then h l w b ( ) { } (v)", "select_text"),
    ("Highlight selection", "Highlight the selected text (H, Enter; 1-5 in a colour)", "highlight"),
    ("Highlight with a note", "Highlight the selection, write its note (N)", "highlight_with_note"),
    ("Edit note", "Edit the note of the highlight at the cursor (e)", "edit_note"),
    ("Edit note in $EDITOR", "Edit that note in your own editor (E)", "edit_note(True)"),
    ("Article note", "Write a note on the whole article (A)", "article_note"),
    ("Delete highlight", "Delete the highlight at the cursor (x; u undoes)", "delete_highlight"),
    ("Undo deletion", "Bring back the highlight deleted last (u)", "undo_delete"),
    ("Next highlight", "Jump to the next highlight in the article (>)", "next_highlight"),
    ("Previous highlight", "Jump to the previous highlight (<)", "previous_highlight"),
    ("Notes panel", "Show or hide the article's highlights and notes (p)", "toggle_notes"),
    ("Tags", "Tag the open article (t)", "tags"),
    ("Mark read or unread", "Toggle the open article's read mark (m)", "toggle_read"),
    ("Star", "Star or unstar the open article (*)", "toggle_star"),
    ("Highlights", "Every highlight in the library, newest first (ctrl+g)", "highlights"),
    ("Keys", "Show every key binding (?)", "app.help"),
)


class NewsreadCommands(Provider):
    """Commands for the main screen; nothing is offered over dialogs."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from newsread.tui.screens.main import MainScreen

        if not isinstance(self.screen, MainScreen):
            return []
        return list(COMMANDS)

    def _callback(self, action: str) -> Callable[[], Awaitable[object]]:
        target = self.app if action.startswith("app.") else self.screen
        return partial(target.run_action, action.removeprefix("app."))

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, self._callback(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._callback(action), help=help_text)
