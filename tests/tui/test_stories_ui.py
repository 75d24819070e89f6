"""One entry per story in the app: "+N versions", V lists them under the hit (and folds them
away), the title counts stories and articles, the article names its other versions and V in
the article opens one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from tui_helpers import (
    IndexedLibraries,
    build_library,
    rendered_text,
    settle,
    wait_for,
    write_article,
)

from newsread.index.results import Version
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.choice import ChoiceDialog
from newsread.tui.widgets.article_view import version_label
from newsread.tui.widgets.results_list import (
    ResultsList,
    VersionOption,
    version_name,
    version_prompt,
)

MakeApp = Callable[..., NewsreadApp]

WIRE = (
    "The port authority of Kelmor said on Tuesday that the northern quay would close for six "
    "weeks of repairs after storm damage, and that ferries would use the southern berth until "
    "the work was done.\n\nEngineers found deep cracks in the sea wall during an inspection "
    "last week, the authority said in a statement. The mayor said the town would ask the "
    "region for money to pay for the repairs, which could cost several million crowns."
)


@pytest.fixture
def story_library(tmp_path: Path, indexed_libraries: IndexedLibraries) -> Path:
    return indexed_libraries.copy(build_story_library, tmp_path / "library")


def build_story_library(root: Path) -> Path:
    """The four articles of `build_library`, plus one wire story told three times."""
    build_library(root)
    write_article(root, "wire/gazette.txt", "Kelmor quay to close for repairs", WIRE)
    write_article(
        root,
        "wire/post.txt",
        "Storm-hit quay closes",
        "KELMOR, May 30 - " + WIRE + "\n\nFerry operators welcomed the news.",
        source="ISLAND POST",
        date="31 May 2017 [08:00]",
    )
    write_article(
        root,
        "wire/baltic.txt",
        "CORRECTED - Quay in Kelmor to shut",
        WIRE.replace("six weeks", "eight weeks"),
        source="BALTIC WIRE",
        date="1 June 2017 [10:00]",
    )
    return root


async def test_a_story_is_one_entry_that_v_expands_and_folds(
    story_library: Path, make_app: MakeApp
) -> None:
    app = make_app(story_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"quay", "enter")
        await settle(pilot)
        results = app.main.results_list
        assert isinstance(app.focused, ResultsList)
        assert results.total == 1 and results.option_count == 1
        (hit,) = results.rows.values()
        assert hit.versions == 2
        text = rendered_text(results)
        assert "+2 versions:" in text
        assert str(results.border_title).startswith("1 of 1 story · 3 articles")

        await pilot.press("V")
        versions = [o for o in results.options if isinstance(o, VersionOption)]
        assert len(versions) == 2
        assert {v.version.key for v in versions} | {hit.key} == {
            "wire/gazette.txt",
            "wire/post.txt",
            "wire/baltic.txt",
        }
        await pilot.press("j")
        assert results.highlighted_key == versions[0].version.key
        assert str(results.border_title).startswith("1 of 1 story")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert reader.article is not None and reader.article.key == versions[0].version.key

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("V")  # fold them away again, from a version's row
        assert results.option_count == 1
        assert results.highlighted == 0


async def test_the_story_count_and_order_fit_40_columns(
    story_library: Path, make_app: MakeApp
) -> None:
    # "1 of 1 stories · 3 articles · by relevance" was cut to "… · 3 articles · by rel…".
    app = make_app(story_library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press(*"quay", "enter")
        await settle(pilot)
        top = rendered_text(app.main.results_list).splitlines()[0]
        assert "─ 1 of 1 story · relevance ─" in top, top
        await pilot.press("s")
        await settle(pilot)
        top = rendered_text(app.main.results_list).splitlines()[0]
        assert "─ 1 of 1 story · 3 articles · newest ─" in top, top


async def test_the_article_names_its_other_versions_and_v_opens_one(
    story_library: Path, make_app: MakeApp
) -> None:
    app = make_app(story_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"quay", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = app.main.article_view
        first = view.article
        assert first is not None
        assert len(view.versions) == 2
        line = rendered_text(view.query_one("#article-versions"))
        assert "Also told by" in line and "V to read" in line

        wanted = view.versions[0].key  # the dialog lists them in this order, 1 first
        await pilot.press("V")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: view.article is not None and view.article.key == wanted)
        await settle(pilot)
        assert first.key in {v.key for v in view.versions}


async def test_articles_without_versions_show_no_versions_line_and_no_v(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter")
        await settle(pilot)
        results = app.main.results_list
        assert str(results.border_title).startswith("1 of 3 · ")
        await pilot.press("V")
        assert results.option_count == 3
        await pilot.press("enter")
        await settle(pilot)
        assert not app.main.article_view.query_one("#article-versions").display


async def test_back_to_a_list_searched_again_highlights_the_story_left(
    story_library: Path, make_app: MakeApp
) -> None:
    app = make_app(story_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kelmor", "enter")
        await settle(pilot)
        results = app.main.results_list
        story = next(row for row, hit in results.rows.items() if hit.versions)
        assert story > 0  # else the first row, where a list starts anyway
        await pilot.press(*"j" * story, "V", "j")  # on one of the story's other versions
        version = results.highlighted_key
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape", "slash", *"quay", "enter")
        await settle(pilot)

        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert app.main.search_input.value == "kelmor" and not app.main.reading
        assert results.highlighted_row == story  # folded again: the story's own row
        assert results.highlighted_key != version


@pytest.mark.parametrize(
    ("version", "name"),
    [
        (Version("wire/ap.txt", "Quay to shut", "AP"), "AP"),
        (Version("bbc/quay.txt", "Quay to shut", "bbc"), "bbc (folder)"),
        # No source and no folder to stand in (the library's top level): the file, not "?".
        (Version("quay.txt", "Quay to shut", ""), "quay.txt"),
        (Version("feed.jsonl#3", "Quay to shut", ""), "feed.jsonl"),
    ],
)
def test_a_version_is_named_by_its_source_else_its_file(version: Version, name: str) -> None:
    assert version_name(version) == name


def test_a_version_dated_by_its_year_or_month_alone_shows_that_period() -> None:
    march = datetime(2019, 3, 1)
    assert version_label(Version("a.md", "Quay", "AP", march, "month")) == "AP · 2019-03 · Quay"
    assert version_label(Version("a.md", "Quay", "AP", march, "year")) == "AP · 2019 · Quay"
    assert version_label(Version("a.md", "Quay", "AP", march)) == "AP · 2019-03-01 · Quay"
    shown = version_prompt(Version("a.md", "Quay", "AP", march, "year")).plain
    assert "2019 ·" in shown and "2019-03-01" not in shown
