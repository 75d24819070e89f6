"""A question with a few answers, each on a letter key: "keep / discard", "save / discard / cancel"."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual._time import time as key_clock
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

Choice = tuple[str, str, str]
"""(key, value, label): pressing `key` (or choosing the label) dismisses with `value`."""

BODY_LINES = 12
"""The body's height at most (a scrolling box beyond that), where the screen has room."""


class ChoiceDialog(ModalScreen[str]):
    """Ask `question`; dismisses with the chosen value, or "" on Escape.

    Keys pressed before the question was on screen are dropped, not taken as answers: letters
    typed blind after `A` (a recovered draft is offered) would pick "d  Discard the draft".
    `typed_ahead=True` takes them where an answer is harmless and worth typing ahead (`V` `2`).
    """

    DEFAULT_CSS = """
    ChoiceDialog .dialog {
        width: 80;
        max-height: 100%;
    }
    ChoiceDialog #choice-body {
        height: auto;
        max-height: 12;
        padding: 0 0 1 0;
    }
    ChoiceDialog OptionList {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel")
    ]
    AUTO_FOCUS = "OptionList"
    """The answers have the focus from the moment the dialog is composed: focused in
    `on_mount`, a call later, the body's scroll box (the first focusable widget) had it
    meanwhile, and ↓ or Enter typed then scrolled it, lost (as the tag dialog's box was)."""

    def __init__(
        self, question: str, choices: list[Choice], body: str = "", *, typed_ahead: bool = False
    ) -> None:
        super().__init__()
        self._question = question
        self._choices = choices
        self._body = body
        self._asked_at = float("-inf") if typed_ahead else float("inf")
        """Keys read before this moment (on Textual's clock, as `Key.time`) are dropped."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._question, markup=False, classes="dialog-title")
            if self._body:
                with VerticalScroll(id="choice-body"):
                    yield Static(self._body, markup=False)
            yield OptionList(
                *(Option(f"{key}  {label}", id=value) for key, value, label in self._choices)
            )
            yield Label("the letter, or ↑ ↓ and Enter · Escape cancels", classes="dialog-help")

    def on_mount(self) -> None:
        self._asked_at = min(self._asked_at, key_clock())

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_body)

    def _fit_body(self) -> None:
        """Shrink the body (the texts in question) to the room the answers leave: at 40x12
        a long body pushed the answers off the screen."""
        bodies = self.query("#choice-body")
        if not bodies:
            return
        body = bodies.first()
        dialog = self.query_one(".dialog")
        frame = dialog.outer_size.height - dialog.content_size.height
        others = sum(child.outer_size.height for child in dialog.children if child is not body)
        room = self.size.height - frame - others
        body.styles.max_height = max(2, min(BODY_LINES, room))

    def on_key(self, event: events.Key) -> None:
        if event.time < self._asked_at:
            # Typed before the question was shown: no answer to it (Enter included).
            event.stop()
            event.prevent_default()
            return
        for key, value, _ in self._choices:
            if event.character == key:
                event.stop()
                event.prevent_default()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        self.dismiss("")
