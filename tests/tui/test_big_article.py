"""A big article says it is opening, and the keys typed after Enter do not wait for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import notifications, open_article, settle

from newsread.tui.app import NewsreadApp
from newsread.tui.screens import main
from newsread.tui.widgets import reading_pane

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


async def _harbour_with_two_marked(
    pilot: Pilot[None], monkeypatch: pytest.MonkeyPatch
) -> reading_pane.ReadingPane:
    """The reader on "kelmor-harbour.txt" searched for "harbour", with only two matches marked
    at a time (FIND_LIMIT 2): the title's and the body's first."""
    monkeypatch.setattr(main, "FIND_LIMIT", 2)
    monkeypatch.setattr(reading_pane, "FIND_LIMIT", 2)
    app = pilot.app
    assert isinstance(app, NewsreadApp)
    await settle(pilot)
    await pilot.press(*"harbour", "enter")  # in the title once, in the body three times
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    reader = app.main.reader
    assert reader.article is not None and reader.article.key == "kelmor-harbour.txt"
    assert reader.match_label == "-/3"  # the title's and the body's first two
    return reader


async def test_query_matches_stop_at_the_limit_and_the_count_says_so(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A common word in a 20 MB article has 180,000 matches: the first FIND_LIMIT are shown.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await _harbour_with_two_marked(pilot, monkeypatch)
        await pilot.press("n")
        assert "match 1/3+ · n/N" in str(reader.border_subtitle)
        # Past the last marked, `n` went back to the first, "wrapped round", as if no match
        # were left after it; then it said where the marked ones stop and stayed. Now it marks
        # those from there on (and those before) and goes on to the next.
        await pilot.press("n", "n")
        assert "match 3/3+ · n/N" in str(reader.border_subtitle)
        await pilot.press("n")
        await settle(pilot)
        assert "match 4/4+ · n/N" in str(reader.border_subtitle), reader.border_subtitle
        body = reader.article.body
        at = reader._layout.offset(*reader.cursor_location) - reader._body_start
        assert at == body.rindex("harbour")
        assert not any("wrapped" in m or "Only the first" in m for m in notifications(app))


async def test_an_article_reopened_past_the_marked_matches_is_marked_where_the_reader_is(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reopened at its end, a 20 MB article had its first FIND_LIMIT matches marked, all far
    # above: none where the reader was, and `n` said only the first ones were marked.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await _harbour_with_two_marked(pilot, monkeypatch)
        await pilot.press("G", "escape")  # to its end, and back to the list
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.key == "kelmor-harbour.txt"
        body = reader.article.body
        last = body.rindex("harbour")
        # From the restored line on (its two), and those before it (the first paragraph's).
        assert reader.match_label == "-/4", reader.match_label
        assert (last + reader._body_start, last + 7 + reader._body_start) in reader.matches
        await pilot.press("N")
        assert "match 4/4" in str(reader.border_subtitle)
