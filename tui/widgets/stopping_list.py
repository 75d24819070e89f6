"""An OptionList that stops at its ends: `j` on the last entry stays there rather than
wrapping round to the first (Textual's default), as mutt's and newsboat's lists do."""

from __future__ import annotations

from textual.widgets import OptionList


class StoppingOptionList(OptionList):
    """Textual's OptionList without wrapping round at either end."""

    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            self.action_first()
        elif self.highlighted < self.option_count - 1:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            self.action_first()
        elif self.highlighted > 0:
            self.highlighted -= 1
