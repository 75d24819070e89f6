"""Snapshots of the main states at 80x24 and 160x48 (textual is pinned: SVGs are stable).

Deterministic by construction: a fixed library folder name and content, no query times in the
status line, no blinking cursor, and every wait is on the app's own state. Review a failing
snapshot's report before running `pytest --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import (
    IndexedLibraries,
    build_library,
    build_partly_undated_library,
    settle,
    wait_for,
)

from newsread.tui.app import NewsreadApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture
def snapshot_library(tmp_path: Path, indexed_libraries: IndexedLibraries) -> Path:
    # The folder's name shows in the status line: keep it fixed.
    return indexed_libraries.copy(build_library, tmp_path / "snap" / "library")


def typed(*keys: str) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


class TestStartWithResults:
    @pytest.mark.parametrize("size", SIZES)
    def test_every_article_newest_first(
        self, snap_compare, snapshot_library: Path, make_app, size: tuple[int, int]
    ) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        assert snap_compare(app, terminal_size=size, run_before=typed())


class TestArticleOpen:
    @pytest.mark.parametrize("size", SIZES)
    def test_article_with_a_current_match(
        self, snap_compare, snapshot_library: Path, make_app, size: tuple[int, int]
    ) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        keys = (*"harbour", "enter", "enter", "n")
        assert snap_compare(app, terminal_size=size, run_before=typed(*keys))


class TestHelp:
    @pytest.mark.parametrize("size", SIZES)
    def test_help_lists_keys(
        self, snap_compare, snapshot_library: Path, make_app, size: tuple[int, int]
    ) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        assert snap_compare(app, terminal_size=size, run_before=typed("tab", "question_mark"))


class TestNoHits:
    @pytest.mark.parametrize("size", SIZES)
    def test_no_hits_with_a_suggestion(
        self, snap_compare, snapshot_library: Path, make_app, size: tuple[int, int]
    ) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        keys = (*"harbur", "enter")
        assert snap_compare(app, terminal_size=size, run_before=typed(*keys))


class TestQueryError:
    def test_bad_query_keeps_results(self, snap_compare, snapshot_library: Path, make_app) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        keys = (*"kelmor", "enter", "slash", *'"kel', "enter")
        assert snap_compare(app, terminal_size=(80, 24), run_before=typed(*keys))


class TestTimeline:
    def test_a_period_picked(self, snap_compare, snapshot_library: Path, make_app) -> None:
        app: NewsreadApp = make_app(snapshot_library)
        keys = ("tab", "T", "right", "right")  # 2017, its bars reversed
        assert snap_compare(app, terminal_size=(80, 24), run_before=typed(*keys))


class TestUndated:
    @pytest.mark.parametrize("size", SIZES)
    def test_a_date_sort_labels_where_the_undated_articles_begin(
        self,
        snap_compare,
        tmp_path: Path,
        indexed_libraries: IndexedLibraries,
        make_app,
        size: tuple[int, int],
    ) -> None:
        library = indexed_libraries.copy(
            build_partly_undated_library, tmp_path / "snap" / "library"
        )
        app: NewsreadApp = make_app(library)

        async def run_before(pilot: Pilot) -> None:
            await typed("escape", "G")(pilot)
            if app.main.wide:  # the last hit previewed beside the list, after its short delay
                await wait_for(pilot, lambda: app.main.article_view.article is not None)
                await settle(pilot)

        assert snap_compare(app, terminal_size=size, run_before=run_before)
