"""A session kept open for hours while a scraper fills the library: memory that does not grow
with use, notices that do not pile up."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from textual.widgets._footer import FooterKey
from tui_helpers import settle

from newsread.tui.app import NewsreadApp

MakeApp = Callable[..., NewsreadApp]


async def test_the_footer_keeps_no_keys_it_no_longer_shows(
    library: Path, make_app: MakeApp
) -> None:
    """Seen in a long session: 97 MB grew to 260 MB over 350 searches, never returned; every
    footer drawn (three a search, at each focus change) stayed alive."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for word in ("vessa", "ferry", "harbour", "bridge", "kelmor", "flood"):
            app.main.search_input.value = ""
            await pilot.press(*word, "enter")  # the list takes the focus
            await settle(pilot)
            await pilot.press("escape")  # and the search box again
            await settle(pilot)
        gc.collect()
        shown = set(app.main.query(FooterKey))
        kept = [key for key in gc.get_objects() if isinstance(key, FooterKey)]
        assert shown and len(kept) == len(shown), (len(kept), len(shown))
