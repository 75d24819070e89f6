"""More like this in the app: L from the results or the article, [ back, help and palette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import build_library, notifications, rendered_text, settle, write_article

from newsread.tui import app as app_module
from newsread.tui.app import NewsreadApp
from newsread.tui.commands import COMMANDS
from newsread.tui.screens.help import HelpScreen
from newsread.tui.widgets.results_list import MIN_LIKE, ListTitle, ResultsList

MakeApp = Callable[..., NewsreadApp]


def hit_keys(app: NewsreadApp) -> list[str]:
    return app.main.results_list.keys


async def test_L_on_a_result_lists_articles_like_it_and_bracket_goes_back(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:  # wide: the tmux test below
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        before = hit_keys(app)
        assert before[0] == "kelmor-harbour.txt"
        title_before = str(app.main.results_list.border_title)

        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.focused, ResultsList)
        like = hit_keys(app)
        assert like and "kelmor-harbour.txt" not in like
        assert set(like[:2]) == {"flood.txt", "grain/sanctions.txt"}  # harbour, Kelmor
        title = str(app.main.results_list.border_title)
        assert "like: Kelmor harbour expansion approved" in title
        # The box says what the list is, not the query it no longer answers ([ brings it back).
        box = app.main.search_input
        assert box.value == ""
        assert box.placeholder == "like: Kelmor harbour expansion approved · [ goes back"
        assert app.main.session.query == "harbour"

        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert hit_keys(app) == before
        assert str(app.main.results_list.border_title) == title_before
        assert box.value == "harbour" and "like:" not in box.placeholder

        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert hit_keys(app) == like
        assert box.value == "" and box.placeholder.startswith("like: Kelmor harbour")

        # In the emptied box (Escape from the list puts the focus there) `[` still goes back.
        await pilot.press("slash", "left_square_bracket")
        await settle(pilot)
        assert hit_keys(app) == before
        assert box.value == "harbour"


async def test_L_says_when_the_file_of_the_article_it_starts_from_was_deleted(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The list came from the index's copy of the text without a word that the file was gone.
    # No look at the folder (every WATCH_INTERVAL) meanwhile: under load the test outlasted
    # the 10 s interval and the look dropped the article from the index before L.
    monkeypatch.setattr(app_module, "WATCH_INTERVAL", 3600.0)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        assert hit_keys(app)[0] == "kelmor-harbour.txt"
        (library / "kelmor-harbour.txt").unlink()  # before the app's next look at the folder
        await pilot.press("L")
        await settle(pilot)
        assert set(hit_keys(app)[:2]) == {"flood.txt", "grain/sanctions.txt"}
        message = app.main.query_one("#results-message")
        assert message.display
        assert "This article's file was deleted since it was indexed: the list is like the " in (
            " ".join(rendered_text(message).split())
        )
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert not app.main.query_one("#results-message").display


async def test_L_in_an_article_lists_articles_like_it_and_back_reopens_it(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"grain", "enter")
        await settle(pilot)
        await pilot.press("enter")  # open it
        await settle(pilot)
        assert app.main.reader.article is not None
        assert app.main.reader.article.key == "grain/sanctions.txt"

        await pilot.press("L", "j")  # in one burst: j waits for the list
        await settle(pilot)
        assert not app.main.reading and isinstance(app.focused, ResultsList)
        assert "grain/sanctions.txt" not in hit_keys(app)
        assert "like: Grain export sanctions" in str(app.main.results_list.border_title)
        assert app.main.results_list.highlighted == 1

        await pilot.press("enter")  # an article from the like list, then back twice
        await settle(pilot)
        opened = app.main.reader.article
        assert opened is not None and opened.key != "grain/sanctions.txt"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "like: Grain" in str(app.main.results_list.border_title)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.main.reading
        assert app.main.reader.article.key == "grain/sanctions.txt"


def test_the_list_title_gives_up_the_least_useful_part_first() -> None:
    like = "like: Kelmor harbour expansion approved"
    title = ListTitle(
        ("3 of 97 stories · 124 articles", "3 of 97 stories"), like, ("newest first", "newest")
    )
    full = f"3 of 97 stories · 124 articles · {like} · newest first"
    shortest = f"3 of 97 stories · {like} · newest"
    assert title.fit(200).plain == full
    assert title.fit(len(full) - 1).plain == full.replace("newest first", "newest")
    assert title.fit(len(shortest)).plain == shortest
    assert title.fit(50).plain == "3 of 97 stories · like: Kelmor harbour e… · newest"
    fewest = len(shortest) - len(like) + MIN_LIKE
    for room in range(fewest, 100):  # the like cut short, never left out: it names the list
        fitted = title.fit(room).plain
        assert len(fitted) <= room and "like: Kelmo" in fitted, room
        assert fitted.endswith(("newest first", "newest")), room
    assert title.fit(fewest - 1).plain == shortest  # for Textual to cut
    by_relevance = ListTitle(("1 of 45",), "", ("by relevance", "relevance"))
    assert by_relevance.fit(22).plain == "1 of 45 · by relevance"
    assert by_relevance.fit(21).plain == "1 of 45 · relevance"


async def test_a_like_list_at_40_columns_keeps_its_order_in_the_title(
    library: Path, make_app: MakeApp
) -> None:
    # "1 of 3 · like: Kelmor harbour expansion approved · newest first" was cut to "1 of 3 ·
    # like: Kelmor harbour expansion…": the order gone.
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        await pilot.press("L", "s")
        await settle(pilot)
        top = rendered_text(app.main.results_list).splitlines()[0]
        assert len(top) == 40 and top.endswith(" · newest ─╮"), top
        assert "like: Kelmor" in top, top


async def test_a_like_title_is_shown_as_written_never_as_markup(
    tmp_path: Path, make_app: MakeApp
) -> None:
    # A str border title is Textual markup: "[bold]" vanished from "like: [bold] ...".
    root = build_library(tmp_path / "library")
    body = "The Kelmor harbour board approved the dredging of the old quay on Monday."
    write_article(root, "odd.txt", "Quay [bold]plans[/bold] approved", body)
    app = make_app(root)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"plans", "enter")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        top = rendered_text(app.main.results_list).splitlines()[0]
        assert "like: Quay [bold]plans[/bold] approved" in top, top


async def test_s_orders_the_like_list_by_date_and_a_query_leaves_it(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour", "enter")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        by_likeness = hit_keys(app)
        await pilot.press("s")
        await settle(pilot)
        title = str(app.main.results_list.border_title)
        assert "like: Kelmor harbour" in title and "newest first" in title
        assert sorted(hit_keys(app)) == sorted(by_likeness)
        assert hit_keys(app)[0] == "flood.txt"  # 2021: the newest

        assert app.main.like
        await pilot.press("slash")
        await pilot.press(*"ferry", "enter")  # the emptied box: typing starts a new search
        await settle(pilot)
        assert not app.main.like
        assert hit_keys(app) == ["ferry.txt"]
        assert "like:" not in str(app.main.results_list.border_title)


async def test_an_article_like_no_other_says_so_and_stays(library: Path, make_app: MakeApp) -> None:
    write_article(library, "lonely.txt", "Quorbl zindra", "Plomf quaxe vornid.")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"quorbl", "enter")
        await settle(pilot)
        await pilot.press("L")  # it shares no telling word with another article
        await settle(pilot)
        assert hit_keys(app) == ["lonely.txt"]
        assert not app.main.like
        assert any("nothing to compare" in m for m in notifications(app))


async def test_L_is_in_help_and_the_palette(library: Path, make_app: MakeApp) -> None:
    assert any(action == "more_like_this" for _, _, action in COMMANDS)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # out of the search box
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.help_content())
        assert "L  " in text and "Articles like the open or highlighted one" in text
        assert isinstance(app.main.search_input, Input)
        assert rendered_text(app.main.results_list)


def test_L_and_back_in_a_real_terminal_at_80x24_and_wide(tmp_path: Path) -> None:
    from tui_helpers import Tmux

    terminal = Tmux(tmp_path / "home")
    terminal.newsread(build_library(tmp_path / "library"))
    try:
        terminal.wait_for("up to date")
        terminal.type("harbour")
        terminal.wait_for("1 of 2 · by relevance")
        terminal.keys("Enter")
        terminal.wait_for("⏎ Open")
        terminal.type("L")
        screen = terminal.wait_for("· like: Kelmor harbour expansion approved")
        assert "River flood reaches the old town" in screen
        terminal.type("[")
        terminal.wait_for("1 of 2 · by relevance")

        terminal.resize((160, 40))
        terminal.type("jL")  # the second hit, then like it, in one write
        screen = terminal.wait_for("· like: River flood reaches the old town")
        assert "Kelmor harbour expansion approved" in screen
        terminal.keys("C-q")
        terminal.wait_for("newsread exited 0")
    finally:
        terminal.kill()


async def test_L_under_a_period_picked_on_the_timeline_lists_them_over_time(
    library: Path, make_app: MakeApp
) -> None:
    # Narrowed to a period on the timeline, L said "unknown filter 'date'"; a "like" list
    # had no timeline of its own.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter")
        await settle(pilot)
        app.main.filters = {"date": "2015-01-01..2021-12-31"}  # as Enter on the timeline does
        app.main.search_now()
        await settle(pilot)
        app.main.results_list.highlighted = hit_keys(app).index("grain/sanctions.txt")
        await pilot.press("L")
        await settle(pilot)
        assert not any("unknown filter" in m for m in notifications(app)), notifications(app)
        assert "flood.txt" in hit_keys(app)
        assert "like: Grain export sanctions tightened" in str(app.main.results_list.border_title)
        assert app.main.timeline_bar.has_buckets and app.main.timeline_bar.display


async def test_the_like_list_title_counts_its_rows_not_stories(
    tmp_path: Path, make_app: MakeApp
) -> None:
    # The like list has a row per article: once similar counted stories, the title said
    # "1 of 1 stories · 2 articles" over two rows.
    body = (
        "Kelmor reopened its grain quay after the repairs, the port said on Monday. The first "
        "ship to berth there loaded barley for Aurstad, and dockers said the new cranes were "
        "twice as fast as the old ones. The harbour master thanked the crews who worked "
        "through the winter to finish the job a week early and under budget."
    )
    write_article(tmp_path, "a.txt", "Quay in Kelmor to shut", "The grain quay in Kelmor shuts.")
    write_article(tmp_path, "b.txt", "Kelmor quay reopens", body)
    write_article(tmp_path, "b-copy.txt", "Kelmor quay reopens", body, source="OTHER WIRE")
    for n in range(4):  # grain and the quay are rare words of the library: telling ones
        write_article(tmp_path, f"tram{n}.txt", f"Tram strike {n}", "Tram drivers walked out.")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"shuts", "enter")
        await settle(pilot)
        assert hit_keys(app) == ["a.txt"]
        await pilot.press("L")
        await settle(pilot)
        assert sorted(hit_keys(app)) == ["b-copy.txt", "b.txt"]
        assert app.main.results.stories == 1  # type: ignore[union-attr]
        title = str(app.main.results_list.border_title)
        assert title.startswith("1 of 2 · like: Quay in Kelmor to shut"), title
