"""A big article says it is opening, and the keys typed after Enter do not wait for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import open_article, settle

from newsread.tui.app import NewsreadApp
from newsread.tui.screens import main

MakeApp = Callable[..., NewsreadApp]


async def test_a_big_article_says_it_is_opening_and_lets_the_held_keys_go(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # kelmor-harbour.txt has ~200 characters, ferry.txt fewer than 100.
    monkeypatch.setattr(main, "BIG_ARTICLE", 150)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen: list[tuple[str, str]] = []
        status = app.main.status
        set_status, release = status.set_status, app.key_order.release

        def recording_status(**changes: object) -> None:
            if "opening" in changes:
                seen.append(("opening", str(changes["opening"])))
            set_status(**changes)

        def recording_release(reason: str) -> None:
            seen.append(("release", reason))
            release(reason)

        monkeypatch.setattr(status, "set_status", recording_status)
        monkeypatch.setattr(app.key_order, "release", recording_release)
        await open_article(pilot, "kelmor-harbour.txt")
        opened = [event for event in seen if event != ("release", "notes")]
        assert opened[:3] == [
            ("opening", "“Kelmor harbour expansion approved” (0 MB)"),
            ("release", "article"),  # before the article is ready, not after
            ("opening", ""),
        ]
        assert status.status.opening == ""
        seen.clear()
        await open_article(pilot, "ferry.txt")
        assert [event for event in seen if event[0] == "opening"] == []
