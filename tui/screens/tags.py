"""Tagging an article: add tags (completed from the tags already in use) and remove them.

Each change is saved at once, in a thread worker; `tag:NAME` in the search box finds the
article afterwards. A tag is one word: spaces inside become hyphens ("climate change" is
saved as "climate-change"), commas separate several tags typed together.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsread.index.folding import tag_key

if TYPE_CHECKING:
    from newsread.index.annotations import AnnotationStore
    from newsread.index.article import Article

WATCH = 1.5
"""Seconds between two looks for another session's changes to the tags (as the panes look)."""
SAVED_WAIT = 30.0
"""The longest the view behind the dialog waits for a change being written before reading the
tags (the store waits out another session's lock for less)."""


class TagSuggester(Suggester):
    """A known tag for what is typed, compared as tags are (`tag_key`): "ist" suggests
    "İstanbul", as `tag:ist*` would find it."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = [(tag_key(tag), tag) for tag in tags]

    async def get_suggestion(self, value: str) -> str | None:
        typed = tag_key(value)
        return next((tag for key, tag in self._tags if typed and key.startswith(typed)), None)


class TagList(OptionList):
    """The article's tags, over the box a tag is typed in; d removes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "remove", "Remove", id="tags.remove", tooltip="Remove this tag"),
        Binding("tab", "app.focus_next", "Add", show=False, id="tags.to_input"),
    ]

    @dataclass
    class RemoveRequested(Message):
        tag: str

    def action_cursor_down(self) -> None:
        """↓ from the last tag goes back to the box below it (as ↑ from the box comes here)."""
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.screen.focus_next()
        else:
            super().action_cursor_down()

    def action_remove(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.RemoveRequested(option.id))


class TagInput(Input):
    """Where a tag is typed: Tab takes the suggested completion, ↑ goes to the tags."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete", id="tags.complete", tooltip="Take the suggestion"),
        Binding("up", "screen.last_tag", "Tags", show=False, id="tags.to_list"),
    ]

    last_key_at = 0.0
    """When the last key handled here was read from the terminal (Textual's clock, monotonic)."""

    def on_key(self, event: events.Key) -> None:
        self.last_key_at = event.time

    def action_complete(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.cursor_position = len(self.value)
            self.action_cursor_right()  # at the end, this takes the suggestion
        else:
            self.app.action_focus_next()


class TagDialog(ModalScreen[bool]):
    """The tags of one article; dismisses with True if they changed."""

    DEFAULT_CSS = """
    TagDialog TagList {
        height: auto;
        max-height: 10;
        border: none;
    }
    TagDialog #tags-error {
        color: $text-error;
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="tags.close", tooltip="Close the tag dialog")
    ]
    AUTO_FOCUS = "#tags-input"
    """The box has the focus from the moment the dialog is composed: focused in `on_mount`,
    a call later, the tag list (the first focusable widget) had it meanwhile, and a tag typed
    right after `t` went there, lost (`t harbour⏎` on a loaded machine)."""

    @dataclass
    class Loaded(Message):
        tags: tuple[str, ...]
        known: list[str] | None = None
        """Every tag in use (for completion), when it was read again."""

    @dataclass
    class Failed(Message):
        error: str

    def __init__(
        self,
        article: Article,
        store: Callable[[], AnnotationStore],
        *,
        confirm_typed_ahead: bool = False,
    ) -> None:
        """`store()` is called in thread workers only (it may open the database).

        With `confirm_typed_ahead` (opened from the results list, where a search may be typed
        by mistake) a tag whose Enter was typed before the dialog opened waits for another."""
        super().__init__()
        self._confirm_typed_ahead = confirm_typed_ahead
        self._article = article
        self._store = store
        self._tags: tuple[str, ...] = ()
        self._changed = False
        self._typed = ""
        """What was last submitted, given back to the box if it was refused."""
        self._version: int | None = None
        self._pending: deque[Callable[[AnnotationStore], tuple[str, ...]]] = deque()
        """Store calls asked for (`_run`) and not yet made, in the order asked."""
        self._writing = threading.Lock()
        """Held while a call is made: they are made one at a time, in order."""
        self._unshown: list[str] = []
        """Errors of calls not yet shown in the dialog (closed, it never will: `wait_saved`
        says them)."""
        self._opened_at = float("inf")
        """When the dialog was mounted: an Enter read before then was typed unseen."""
        self._typed_ahead = ""
        """What says a tag typed ahead waits for another Enter, while it does."""

    def wait_saved(self, timeout: float = SAVED_WAIT) -> None:
        """Make (in a thread worker) every change asked for here that is not yet in the
        store, after the one being written; raise `AnnotationError` if one failed unseen.

        Escape right after Enter closed the dialog with the tag still being written; the
        article's tags were read again before it was in, and it was not shown. And closing
        cancels the dialog's workers: one still waiting for a thread (the app's pool busy with
        an update and searches) never ran, and the tag typed was lost. Whatever was asked for
        is made here, once the call under way (if any) has returned.
        """
        from newsread.index.annotations import AnnotationError

        self._make_pending(timeout)
        if self._unshown:
            raise AnnotationError(f"A tag change was not saved: {self._unshown[0]}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tags-dialog"):
            yield Label(f"Tags of “{self._article.title}”", markup=False, classes="dialog-title")
            yield TagList(id="tags-list", markup=False)
            yield TagInput(
                placeholder="add a tag (Tab completes, commas separate several)", id="tags-input"
            )
            yield Label("", markup=False, id="tags-error")
            yield Label(
                "Enter adds · ↑ then d removes · Escape closes · tag:NAME searches",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self._opened_at = monotonic()
        self.query_one("#tags-error").display = False
        self._run(lambda store: store.article_state(self._article).tag_names)
        self.set_interval(WATCH, self._watch)

    @work(thread=True, exclusive=True, group="tags-watch", exit_on_error=False)
    def _watch(self) -> None:
        """Show the tags another session (another SSH login) gave or took meanwhile."""
        from newsread.index.annotations import AnnotationError

        try:
            store = self._store()
            version = store.data_version()
            if self._version is None or version == self._version:
                return
            self._version = version
            self.post_message(self.Loaded(store.article_state(self._article).tag_names))
        except AnnotationError:
            return

    def _run(self, change: Callable[[AnnotationStore], tuple[str, ...]]) -> None:
        self._pending.append(change)
        self._call()

    @work(thread=True, group="tags", exit_on_error=False)
    def _call(self) -> None:
        self._make_pending()

    def _make_pending(self, timeout: float = -1) -> None:
        """Make the calls asked for and not yet made, one at a time, in order (`timeout`:
        the longest to wait for the one under way; -1, as long as it takes)."""
        if not self._writing.acquire(timeout=timeout):
            return
        try:
            while self._pending:
                self._change(self._pending.popleft())
        finally:
            self._writing.release()

    def _change(self, change: Callable[[AnnotationStore], tuple[str, ...]]) -> None:
        from newsread.index.annotations import AnnotationError

        try:
            store = self._store()
            # Read first: a change another session makes meanwhile is shown at the next look.
            version = store.data_version()
            tags = change(store)
            # This library's tags ("" when the store knows no library: every library's).
            known = [count.tag for count in store.all_tags(store.library or None)]
        except (AnnotationError, ValueError) as error:
            self._unshown.append(str(error))
            self.post_message(self.Failed(str(error)))
        else:
            self._version = version
            self.post_message(self.Loaded(tags, known))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._tags = message.tags
        self.show_error(self._typed_ahead)
        tag_list = self.query_one(TagList)
        # The tag under the cursor stays under it (`d` removes what is shown highlighted).
        option = tag_list.highlighted_option
        before = option.id if option is not None else None
        tag_list.set_options([Option(tag, id=tag) for tag in message.tags])
        tag_list.display = bool(message.tags)
        if message.tags:
            tag_list.highlighted = message.tags.index(before) if before in message.tags else 0
        elif tag_list.has_focus:
            self.query_one(TagInput).focus()
        if message.known is not None:
            mine = {tag_key(tag) for tag in message.tags}
            others = [tag for tag in message.known if tag_key(tag) not in mine]
            self.query_one(Input).suggester = TagSuggester(others)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        with suppress(ValueError):
            self._unshown.remove(message.error)
        self.show_error(message.error)
        box = self.query_one(TagInput)
        if self._typed and not box.value:  # refused (too long, say): typed again, not lost
            box.value = self._typed
            box.cursor_position = len(self._typed)

    def show_error(self, text: str) -> None:
        label = self.query_one("#tags-error", Label)
        label.update(text)
        label.display = bool(text)

    @on(Input.Submitted, "#tags-input")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        names = [name.strip() for name in event.value.split(",") if name.strip()]
        typed_ahead = self.query_one(TagInput).last_key_at < self._opened_at
        if names and typed_ahead and self._confirm_typed_ahead:
            # Typed in one burst with the `t` that opened the dialog: most likely a search
            # typed into the results list (Escape twice, then "title:molyneux honour⏎" saved
            # the tag "itle:molyneux-honour"). Kept in the box, saved on a second Enter.
            self._typed_ahead = "Typed before the dialog opened: Enter adds it, Escape drops it"
            self.show_error(self._typed_ahead)
            return
        self._typed_ahead = ""
        self._typed = event.value
        event.input.value = ""
        if not names:
            self.action_close()
            return
        self._changed = True
        self._run(lambda store: store.add_tags(self._article, *names))

    @on(TagList.RemoveRequested)
    def _remove(self, message: TagList.RemoveRequested) -> None:
        self._changed = True
        self._run(lambda store: store.remove_tags(self._article, message.tag))

    def action_last_tag(self) -> None:
        """↑ from the box: the tag just above it, the list's last (as from the input under any
        list: the nearest entry, not the top one)."""
        tag_list = self.query_one(TagList)
        if tag_list.option_count:
            tag_list.highlighted = tag_list.option_count - 1
            tag_list.focus()

    def action_close(self) -> None:
        self.dismiss(self._changed)
