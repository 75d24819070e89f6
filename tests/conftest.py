"""Shared fixtures: a private NEWSREAD_HOME per test and small article libraries."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from builders import write_article

SLOW_FIRST = (
    # xdist's first hand-out: the first two tests to one worker, the next two to the next.
    "test_fork_server.py::test_sub_writers_from_the_fork_server_index_what_forked_ones_and",
    "tui/test_odd_text.py::test_keyboard_highlights_in_odd_text_cover_whole_characters_on",
    "hostile/test_hostile_files.py::test_a_50mb_text_file_is_cut_at_the_stated_limit_and_indexed",
    "test_parallel_indexing.py::test_the_apps_indexing_process_uses_sub_writers",
    "tui/test_e2e_tmux.py::test_keys_sent_in_one_write_land_in_order_while_indexing",
    "test_code_checks.py::test_mypy_strict_is_clean",
    "tui/test_long_session.py::test_a_long_session_keeps_no_widgets_it_no_longer_shows",
    "test_concurrency.py::test_an_index_searched_and_updated_by_other_processes_mid_way_loses",
    "tui/test_annotations_ui.py::TestRoundTrip::test_highlights_note_and_tag_survive_a_relaunch",
    "hostile/test_hostile_index_faults.py::test_sigkill_during_a_commit_then_a_fresh_index_is",
    "hostile/test_hostile_index_faults.py::test_a_full_disk_stops_indexing_with_one_line_and",
    "tui/test_drafts_ui.py::test_a_draft_whose_highlight_is_gone_is_offered_for_the_article_note",
    "tui/test_e2e_notes.py::test_a_note_typed_when_the_terminal_closes_is_recovered",
    "test_search_oracle.py::test_search_agrees_with_the_oracle_on_generated_queries",
    "tui/test_drafts_ui.py::test_a_hang_up_in_the_note_editor_keeps_the_draft_and_exits_128",
    "hostile/test_hostile_queries.py::test_any_query_gives_results_or_a_query_error",
    "test_html.py::test_huge_page_is_read_whole_by_the_simple_extraction",
    "tui/test_e2e_tmux.py::test_a_5_mb_single_line_article_opens_finds_and_quits",
    "tui/test_e2e_tmux.py::test_search_open_read_and_quit_at_80x24",
    "tui/test_drafts_ui.py::test_a_draft_left_behind_is_offered_back_and_kept",
    "tui/test_e2e_notes.py::test_two_sessions_saving_one_note_never_overwrite_silently",
    "tui/test_drafts_ui.py::test_sighup_while_the_editor_runs_recovers_what_it_saved",
    "hostile/test_hostile_text.py::test_search_show_and_export_write_no_controls_and_literal",
    "tui/test_e2e_notes.py::test_an_editor_that_saved_then_hangs_is_stopped_and_its_text",
)
"""The longest tests (node ids under tests/, or their start), slowest first, from
`pytest --durations=40`. They start first: a long test that started last would keep one
worker busy alone after the others had run out of tests (pyproject's `--maxschedchunk` hands
tests out a few at a time, so the workers share these)."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per CPU for `-n auto`: the suite waits more than it computes (Pilot pauses,
    the tmux tests' terminals, the processes tests start), so one worker per CPU left them half
    idle. On 2 CPUs the suite took 300 s with 2 workers and 226 s with 4 (same run, quiet machine;
    the CPU time rose 5.5 -> 5.9 min)."""
    return 2 * (os.cpu_count() or 1)


def pytest_configure(config: pytest.Config) -> None:
    """A home of the run's own before any fixture: a module's or class's fixture is set up
    before the per-test `newsread_home`, and one that opened a library without setting its own
    wrote an index into the user's cache folder. The garbage collector's thresholds are the
    app's (`GC_THRESHOLDS`)."""
    os.environ["NEWSREAD_HOME"] = config.stash[_RUN_HOME] = tempfile.mkdtemp(
        prefix="newsread-tests-"
    )
    from newsread.tui.app import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)  # the Pilot tests' apps run as `newsread` runs its app
    _one_collection_at_the_end(config)
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        _rewrite_test_modules(config)


def _one_collection_at_the_end(config: pytest.Config) -> None:
    """One full garbage collection when the run ends, not pytest's five.

    pytest collects five times at the end, to report exceptions raised in destructors. Over a
    worker's whole heap (4 workers on 2 CPUs) those took longer than the 5 s execnet waits for a
    worker to end: each worker was then sent a SIGINT (the "KeyboardInterrupt" in a gc callback
    warned of at the end of a run), and the run ended 19 s after its last test. One collection
    still runs each object's destructor that is left in a cycle."""
    from _pytest import unraisableexception

    key = getattr(unraisableexception, "gc_collect_iterations_key", None)
    if key is not None:
        config.stash[key] = 1


def _rewrite_test_modules(config: pytest.Config) -> None:
    """Rewrite the test modules' asserts once, in xdist's controller, before its workers start.

    pytest caches a module's rewritten code in `__pycache__`, but in a clean clone (CI) every
    worker starts at once and finds none: each rewrote all of them (5,000 asserts), 30 s of
    CPU for four workers to collect, 13 s once cached. A cached module costs a stat here.
    """
    try:  # pytest's own cache, through its private helpers: without them, workers do it
        from _pytest.assertion.rewrite import (
            PYC_TAIL,
            _read_pyc,
            _rewrite_test,
            _write_pyc,
            assertstate_key,
        )

        state = config.stash[assertstate_key]
    except (ImportError, KeyError):  # an older or newer pytest, or --assert=plain
        return
    if sys.dont_write_bytecode:
        return
    tests = Path(__file__).parent
    stale = []
    for module in sorted(tests.rglob("test_*.py")):
        pyc = module.parent / "__pycache__" / (module.name[:-3] + PYC_TAIL)
        if "benchmarks" not in module.relative_to(tests).parts and not _read_pyc(module, pyc):
            stale.append((module, pyc))

    def rewrite(modules: list[tuple[Path, Path]]) -> None:
        for module, pyc in modules:
            with contextlib.suppress(OSError, SyntaxError):  # the worker says what is wrong
                pyc.parent.mkdir(exist_ok=True)
                source_stat, code = _rewrite_test(module, config)
                _write_pyc(state, code, source_stat, pyc)

    # On every core: in a clean clone this took 8 s of one core while the others waited.
    # Forked before xdist starts its workers or any thread; largest modules first, dealt out.
    stale.sort(key=lambda paths: -paths[0].stat().st_size)
    shares = min(os.cpu_count() or 1, len(stale))
    children = []
    for share in range(1, shares):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                rewrite(stale[share::shares])
            finally:
                os._exit(0)
        children.append(pid)
    rewrite(stale[0::shares] if shares else [])
    for pid in children:
        os.waitpid(pid, 0)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.stash.get(_RUN_HOME, ""), ignore_errors=True)


_RUN_HOME = pytest.StashKey[str]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.nodeid.removeprefix("tests/")
        return next(
            (n for n, slow in enumerate(SLOW_FIRST) if name.startswith(slow)), len(SLOW_FIRST)
        )

    items.sort(key=rank)  # stable: every other test keeps its place


@pytest.fixture(autouse=True)
def newsread_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache, config and data folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSREAD_HOME", str(home))
    # Drafts a full disk will not take go off it, by default under /tmp: the test's own.
    from newsread.index import paths

    monkeypatch.setattr(paths, "spare_dir", lambda: tmp_path / "spare")
    return home


@pytest.fixture
def forked_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sub-writers and the merge forked from the test's process, as before the fork server
    (`newsread.index.engine.parallel.START_METHOD`): they then run what the test patched in
    this process (a posting block size, a sub-writer that dies, a merge that sleeps). The fork
    server's children import the index afresh and see none of it."""
    from newsread.index.engine import parallel

    monkeypatch.setattr(parallel, "START_METHOD", "fork")


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(
        root,
        "kelmor-harbour.txt",
        "Kelmor harbour expansion approved",
        "The city council of Kelmor approved the harbour expansion on Tuesday.\n\n"
        "Dock workers said the running costs would fall as ships grew larger.",
        date="30 May 2017 [16:18]",
        url="http://gazette.example/kelmor-harbour",
    )
    write_article(
        root,
        "grain/sanctions.txt",
        "Grain export sanctions tightened",
        "Ministers agreed new sanctions on grain exports through the Baltic ports.\n\n"
        "Traders in Kelmor expect shipments to fall sharply this autumn.",
        source="BALTIC WIRE",
        section="Business",
        date="12 March 2019 [09:05]",
        byline="By Tomas Reder and Ana Liu",
    )
    write_article(
        root,
        "flood.txt",
        "River flood reaches the old town",
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor.",
        source="BALTIC WIRE",
        section="Environment",
        date="2 April 2021 [07:30]",
    )
    return root
