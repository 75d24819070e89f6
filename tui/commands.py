"""The command palette (ctrl+p): every newsread action by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (title, help, action on the main screen; "app." for the app's own). The keys are not
    # written here: they are read from the bindings, as the user's [keys] remapped them.
    ("Search", "Focus the search box", "focus_search"),
    ("Open article", "Open the highlighted result", "open_article"),
    ("Close article", "Back to the results", "close_article"),
    ("Toggle sort", "Sort the results: relevance, newest first, oldest first", "toggle_sort"),
    ("Filters", "Filter by source, section or year", "filters"),
    ("Clear filters", "Show results from every source, section and year", "clear_filters"),
    ("Timeline", "The hits over time: pick a period, Enter narrows to it", "focus_timeline"),
    ("More like this", "Articles like the open or highlighted one", "more_like_this"),
    ("Back", "Go back to the previous query or article", "back"),
    ("Forward", "Go forward again", "forward"),
    ("Save search", "Save the current search under a name", "save_search"),
    ("Saved searches", "List saved searches with their hit counts", "saved_searches"),
    ("Next match", "Jump to the next match in the article", "next_match"),
    ("Previous match", "Jump to the previous match in the article", "previous_match"),
    ("Find in article", "Find text in the open article", "find"),
    ("Copy passage", "Copy the paragraph under the cursor, or the selection", "copy_passage"),
    ("Copy citation", "Copy title, source, date and URL of the article", "copy_citation"),
    ("Open in browser", "Open the article's URL in a web browser", "open_url"),
    ("Other versions", "Read another version of the open article's story", "article_versions"),
    (
        "Start selecting",
        "Select text in the article, then extend it with the motion keys",
        "select_text",
    ),
    ("Highlight selection", "Highlight the selected text (1-5: in a colour)", "highlight"),
    ("Highlight with a note", "Highlight the selection, write its note", "highlight_with_note"),
    ("Edit note", "Edit the note of the highlight at the cursor", "edit_note"),
    ("Edit note in $EDITOR", "Edit that note in your own editor ($EDITOR)", "edit_note(True)"),
    ("Article note", "Write a note on the whole article", "article_note"),
    (
        "Delete highlight",
        "Delete the highlight at the cursor (undo brings it back)",
        "delete_highlight",
    ),
    ("Undo deletion", "Bring back the highlight deleted last", "undo_delete"),
    ("Next highlight", "Jump to the next highlight in the article", "next_highlight"),
    ("Previous highlight", "Jump to the previous highlight", "previous_highlight"),
    ("Notes panel", "Show or hide the article's highlights and notes", "toggle_notes"),
    ("Tags", "Tag the open article", "tags"),
    ("Mark read or unread", "Toggle the open article's read mark", "toggle_read"),
    ("Star", "Star or unstar the open article", "toggle_star"),
    ("Highlights", "Every highlight in the library, newest first", "highlights"),
    ("Keys", "Show every key binding", "app.help"),
)

BINDING_IDS = {
    "open_article": "results.open",
    "close_article": "reader.close",
    "select_text": "reader.select",
}
"""Commands done by a widget's own binding under another action name: whose keys to show."""


class NewsreadCommands(Provider):
    """Commands for the main screen (its `COMMANDS`); nothing is offered over dialogs."""

    def _commands(self) -> list[tuple[str, str, str]]:
        return list(COMMANDS)

    def _callback(self, action: str) -> Callable[[], Awaitable[object]]:
        target = self.app if action.startswith("app.") else self.screen
        return partial(target.run_action, action.removeprefix("app."))

    def _help(self, help_text: str, action: str) -> str:
        keys_for = getattr(self.app, "keys_for", None)
        keys = keys_for(action, BINDING_IDS.get(action)) if keys_for else ""
        return f"{help_text} ({keys})" if keys else help_text

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, self._callback(action), help=self._help(help_text, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.5)
            if score > 0:
                help_text = self._help(help_text, action)
                yield Hit(score, matcher.highlight(title), self._callback(action), help=help_text)
