"""How fast the app shows its first frame and first results, and answers keystrokes.

A script, not a test (pytest ignores this folder). Each measurement runs the real app headless
(`App.run_test`) in a fresh subprocess, so imports are paid as a user pays them:

- launch -> first frame: from spawning the interpreter to the first refresh of the screen;
- launch -> first results: to the first non-empty result list on screen;
- keystroke -> results: for each query, from the last typed key to its results on screen
  (search as you type, so it includes the 150 ms debounce), and from Enter to results; and
  to the second step of the search on screen (its total and facets, after "counting…").

    .venv/bin/python tests/benchmarks/startup.py ../shared/corpora/reuters --fresh
    .venv/bin/python tests/benchmarks/startup.py ../shared/corpora/reuters --home /tmp/nr-home

`--fresh` starts from an empty NEWSREAD_HOME: first results arrive while the library is
still being indexed. Without it, `--home` (default: a temporary folder) is indexed to the end
first (timed), then the app is measured against the built index. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = [
    "oil",
    "opec",
    "wheat exports",
    "bank of japan",
    "interest rates",
    "coffee prices",
    "gold",
    "dollar yen",
    '"trade deficit"',
    "title:merger",
    "shipping strike",
    "crude oil prices",
    "sugar",
    "grain",
    "federal reserve",
    "ecuador earthquake",
    "takeover bid",
    "soybean",
    "unemployment",
    "bundesbank",
    "copper",
    "date:1987-03",
    "export*",
    "inflation~",
    "tokyo stock exchange",
    "debt crisis",
    "cocoa",
    "natural gas",
    "airline",
    "quarterly dividend",
]


# -- the child: one headless app, timed from inside -------------------------------------------

_TYPING_DELAYS = ("SEARCH_DELAY", "EARLY_DELAY")
"""The app's delays after a key (`newsread.tui.screens.main`), held off for the Enter case."""


async def child(root: Path, queries: list[str], spawned: float) -> dict[str, object]:
    # As `newsread` launches: a new library's update starts before the app is imported.
    try:
        from newsread.tui.cli import start_indexing_if_new
    except ImportError:  # a revision from before it, measured for comparison
        start_indexing_if_new = None  # type: ignore[assignment]
    early = start_indexing_if_new(root) if start_indexing_if_new else None
    from newsread.tui.app import NewsreadApp
    from newsread.tui.screens import main as main_screen
    from newsread.tui.widgets.results_list import ResultsList

    imported = time.time()
    marks: dict[str, float] = {"import": imported - spawned}
    shown: dict[str, float] = {}
    waiting: dict[str, asyncio.Event] = {}
    counted: dict[str, float] = {}
    original_show = ResultsList.show_results
    original_counts = getattr(ResultsList, "show_counts", None)

    def show_results(self: ResultsList, results, **options):  # type: ignore[no-untyped-def]
        original_show(self, results, **options)
        now = time.time()
        if results.hits and "first_results" not in marks:
            marks["first_results"] = now - spawned
        shown[results.query] = now
        if results.query in waiting:
            waiting[results.query].set()

    def show_counts(self: ResultsList, results, **options):  # type: ignore[no-untyped-def]
        original_counts(self, results, **options)
        counted.setdefault(results.query, time.time())

    ResultsList.show_results = show_results  # type: ignore[method-assign]
    if original_counts is not None:  # the two-step search (issue 16)
        ResultsList.show_counts = show_counts  # type: ignore[method-assign]
    options = {"indexing": early} if early else {}
    app = NewsreadApp(root, show_timings=False, cursor_blink=False, **options)
    open_library = app._open_library

    def first_frame() -> None:  # called after the first refresh of the screen
        marks["first_frame"] = time.time() - spawned
        open_library()

    app._open_library = first_frame  # type: ignore[method-assign]
    typed: list[float] = []
    entered: list[float] = []
    per_query: list[list[object]] = []
    to_counts: dict[str, list[float]] = {"typed": [], "entered": []}
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 120
        while "first_results" not in marks and time.monotonic() < deadline:
            await pilot.pause(0.005)
        marks["indexing_at_first_results"] = float(app.main.indexing)
        search = app.main.search_input
        for query in queries:
            for timings, finish in ((typed, None), (entered, "enter")):
                event = waiting[query] = asyncio.Event()
                shown.pop(query, None)
                counted.pop(query, None)
                await pilot.press("slash")
                search.value = ""
                await pilot.pause(0.3)  # let the cleared box's own search finish first
                event.clear()
                keys = list(query)
                if finish:
                    # Enter right after the last key: before the typing pause shows the
                    # results (`SEARCH_DELAY`) or its search starts (`EARLY_DELAY`); the keys
                    # of a busy run can take longer than either. Enter's own path.
                    delays = {
                        d: getattr(main_screen, d)
                        for d in _TYPING_DELAYS
                        if hasattr(main_screen, d)
                    }
                    for name in delays:
                        setattr(main_screen, name, 600.0)
                    await pilot.press(*keys)
                    for name, delay in delays.items():
                        setattr(main_screen, name, delay)
                    started = time.time()
                    await pilot.press(finish)
                else:
                    await pilot.press(*keys[:-1])
                    started = time.time()
                    await pilot.press(keys[-1])
                try:
                    await asyncio.wait_for(event.wait(), 30)
                except asyncio.TimeoutError:
                    continue
                timings.append(shown[query] - started)
                per_query.append([query, "enter" if finish else "typed", shown[query] - started])
                del waiting[query]
                if original_counts is not None:
                    count_deadline = time.monotonic() + 30
                    while query not in counted and time.monotonic() < count_deadline:
                        await pilot.pause(0.002)
                    if query in counted:
                        to_counts["entered" if finish else "typed"].append(counted[query] - started)
        marks["indexing_at_end"] = float(app.main.indexing)
        articles = app.main.status.status.articles
        app.exit()
    if early:
        early.stop()
    return {
        "marks": marks,
        "typed": typed,
        "entered": entered,
        "typed_counted": to_counts["typed"],
        "entered_counted": to_counts["entered"],
        "per_query": per_query,
        "articles": articles,
        "rss_mb": _peak_rss_mb(),
        "rss_parts_mb": _rss_parts_mb(),
    }


def _peak_rss_mb() -> float | None:
    """This process's peak RSS (the app's own; its indexing process is another one)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _rss_parts_mb() -> dict[str, float]:
    """This process's RSS now, by kind: its own memory (RssAnon) apart from the pages of
    files it maps (RssFile: the index's segments, read through mmap), which the kernel can
    drop at any time."""
    parts: dict[str, float] = {}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(("RssAnon:", "RssFile:", "RssShmem:")):
                    name, value = line.split()[:2]
                    parts[name.rstrip(":")] = int(value) / 1024
    except OSError:
        pass
    return parts


# -- the parent: spawn, collect, print ---------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[index]


def run_child(root: Path, home: Path, queries: int) -> dict[str, object]:
    env = dict(os.environ, NEWSREAD_HOME=str(home))
    spawned = time.time()
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(root),
            "--queries",
            str(queries),
            "--spawned",
            repr(spawned),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def build(root: Path, home: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from newsread.index.library import Library\n"
        "t = time.perf_counter(); lib = Library(Path(sys.argv[1])).open(); s = lib.update()\n"
        "print(f'{s.indexed} files read, {s.total_articles} articles, '"
        "f'{time.perf_counter() - t:.1f} s')"
    )
    env = dict(os.environ, NEWSREAD_HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-c", code, str(root)], env=env, capture_output=True, text=True
    )
    print(f"index update before measuring: {result.stdout.strip() or result.stderr[-500:]}")


def report(label: str, data: dict[str, object], per_query: bool = False) -> None:
    marks = data["marks"]
    assert isinstance(marks, dict)
    print(f"\n== {label} ({data['articles']} articles when done)")
    print(f"  imports done          {marks['import'] * 1000:7.0f} ms after launch")
    print(f"  first frame           {marks['first_frame'] * 1000:7.0f} ms after launch")
    if "first_results" in marks:
        still = " (index update still running)" if marks["indexing_at_first_results"] else ""
        print(
            f"  first results         {marks['first_results'] * 1000:7.0f} ms after launch{still}"
        )
    for name, key in (
        ("as typed (+150 ms debounce)", "typed"),
        ("on Enter", "entered"),
        ("to the total, as typed", "typed_counted"),
        ("to the total, on Enter", "entered_counted"),
    ):
        values = [v * 1000 for v in data.get(key, [])]  # type: ignore[attr-defined]
        if values:
            print(
                f"  keystroke->results {name}: p50 {percentile(values, 0.5):6.0f} ms, "
                f"p95 {percentile(values, 0.95):6.0f} ms, max {max(values):6.0f} ms "
                f"(n={len(values)}, mean {statistics.fmean(values):.0f})"
            )
    if per_query:
        for query, how, seconds in data.get("per_query", []):  # type: ignore[attr-defined]
            print(f"    {how:5} {seconds * 1000:6.0f} ms  {query}")
    if marks.get("indexing_at_end"):
        print("  (the library was still indexing during the keystroke runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--home", type=Path, help="NEWSREAD_HOME to use (default: temporary)")
    parser.add_argument("--fresh", action="store_true", help="start from an empty index")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--per-query", action="store_true", help="print each query's time")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    queries = (QUERIES * (args.queries // len(QUERIES) + 1))[: args.queries]
    if args.child:
        data = asyncio.run(child(args.library.resolve(), queries, args.spawned))
        print(json.dumps(data))
        return
    root = args.library.resolve()
    with tempfile.TemporaryDirectory(prefix="newsread-startup-") as temporary:
        home = args.home or Path(temporary)
        if args.fresh:
            home = Path(temporary) / "fresh"
            report(
                "fresh NEWSREAD_HOME: first results while indexing",
                run_child(root, home, args.queries),
                args.per_query,
            )
        else:
            build(root, home)
            report("index built", run_child(root, home, args.queries), args.per_query)


if __name__ == "__main__":
    main()
