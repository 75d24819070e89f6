"""Fixtures for the app's Pilot and snapshot tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual import _wait
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from tui_helpers import IndexedLibraries, build_library, keep_notices

from newsread.index.config import Config
from newsread.tui.app import NewsreadApp


@pytest.fixture(autouse=True)
def index_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot tests index in-process: deterministic and fast on a loaded CI machine.

    The child-process path is covered by test_startup.py::test_the_app_indexes_in_a_child_process,
    tests/test_background.py and the tmux end-to-end test, which runs the real command.
    """
    monkeypatch.setattr(NewsreadApp, "index_in_subprocess", False)


@pytest.fixture(autouse=True)
def short_idle_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot checks for an idle app in sleeps of 5 ms, not Textual's 20 ms.

    `Pilot.press` waits for the app to go idle twice per key, and each wait sleeps at least
    once: at 20 ms a sleep, those waits were most of the Pilot tests' time (a test typing 280
    keys slept 17 of its 21 seconds, using 5 s of CPU). The test for idle is the same (the
    process used under 5% of a CPU over the last sleep); tests that need a state wait for it
    (`tui_helpers.wait_for`), never for a number of idle checks.
    """
    monkeypatch.setattr(_wait, "SLEEP_GRANULARITY", 0.005)
    monkeypatch.setattr(_wait, "SLEEP_IDLE", 0.005 / 20)


@pytest.fixture(autouse=True, scope="session")
def css_read_once() -> Iterator[None]:
    """Each app's stylesheet parses a CSS text as the first app's did, not again.

    Every Pilot test starts a new app, whose stylesheet read the app's and each widget's CSS
    anew (~25 ms of CPU an app, and again for each screen that brings new widgets): parsing
    was a tenth of a Pilot file's CPU. The parsed rules are shared as Textual shares them
    between one stylesheet's parses; the key has the theme's variables, which the parse
    substitutes."""
    parse = Stylesheet._parse_rules
    parsed: dict[tuple[object, ...], list[RuleSet]] = {}

    def read_once(
        self: Stylesheet, css: str, read_from: object, *args: object, **kwargs: object
    ) -> list[RuleSet]:
        key = (css, read_from, args, tuple(kwargs.items()), tuple(self._variables.items()))
        if key not in parsed:
            parsed[key] = parse(self, css, read_from, *args, **kwargs)
        return parsed[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", read_once)
        yield


@pytest.fixture(autouse=True)
def said(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notice an app gives, kept (`tui_helpers.notifications`)."""
    keep_notices(monkeypatch)


@pytest.fixture(scope="session")
def indexed_libraries(tmp_path_factory: pytest.TempPathFactory) -> IndexedLibraries:
    return IndexedLibraries(tmp_path_factory.mktemp("indexed-libraries"))


@pytest.fixture
def library(
    request: pytest.FixtureRequest, tmp_path: Path, indexed_libraries: IndexedLibraries
) -> Path:
    """`build_library`'s four articles, already indexed unless the test is marked
    `first_index` (then the app builds the index, as on a first start)."""
    if request.node.get_closest_marker("first_index"):
        return build_library(tmp_path / "library")
    return indexed_libraries.copy(build_library, tmp_path / "library")


@pytest.fixture
def make_app() -> Callable[..., NewsreadApp]:
    """An app without blinking cursors or timings (deterministic), ignoring any config.toml."""

    def make(root: Path, **options: object) -> NewsreadApp:
        options.setdefault("config", Config())
        options.setdefault("show_timings", False)
        options.setdefault("cursor_blink", False)
        return NewsreadApp(root, **options)  # type: ignore[arg-type]

    return make
