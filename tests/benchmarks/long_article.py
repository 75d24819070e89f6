"""Open a 5 MB single-line article in the reading pane and find a word in it.

    .venv/bin/python tests/benchmarks/long_article.py [--mb 5] [--word minister] [--paragraphs]

`--paragraphs`: the text in paragraphs of 40-120 words (a 20 MB article of ordinary
paragraphs: `--mb 20 --paragraphs`), not one line.

Each run is a child process (its own peak RSS): a baseline child renders an 80-column pane
with a short article, the measured child the long one. Prints seconds and peak RSS of both and
the ratios long/short; `pane_show_s` is the reading pane's own share of `open_s` (the rest:
reading the article in a worker, Textual's layout and drawing), `wrapped_all_s` when the
article is wrapped to its end (a step at a time after opening, keys served between); `find_longest_stall_s` is the longest the event loop waited while the
find ran (a key, ctrl+q, waits that long at worst). Figures are reported, never asserted (the
machine is shared).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WORDS = "the minister said grain exports would fall as the harbour council met on tuesday".split()


def write_library(root: Path, megabytes: float, paragraphs: bool = False) -> None:
    rng = random.Random(5)
    words: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    root.mkdir(parents=True, exist_ok=True)
    body = " ".join(words)
    if paragraphs:
        cuts, at = [], 0
        while at < len(words):
            cuts.append(" ".join(words[at : at + rng.randint(40, 120)]))
            at += len(cuts[-1].split())
        body = "\n\n".join(cuts)
    (root / "long.txt").write_text(
        f"WIRE / World\n\nA very long article\n\n1 May 2017 - WIRE\n\n{body}\n", encoding="utf-8"
    )


def resident_mb() -> float:
    """The process's resident memory now (peak RSS also counts the indexing before)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1024 / 1024


async def measure(root: Path, word: str) -> dict[str, float]:
    from newsread.index.config import Config
    from newsread.tui.app import NewsreadApp

    NewsreadApp.index_in_subprocess = False
    app = NewsreadApp(root, config=Config(), show_timings=False, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.main.status.status.index.startswith("up to date"):
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        app.main.results_list.focus()
        await pilot.pause()
        reader = app.main.reader
        shown: list[float] = []
        show = reader.show

        def timed_show(*args: Any, **kwargs: Any) -> None:  # the pane's own share
            begun = time.perf_counter()
            show(*args, **kwargs)
            shown.append(time.perf_counter() - begun)

        reader.show = timed_show  # type: ignore[method-assign]
        before = resident_mb()
        started = time.perf_counter()
        await pilot.press("enter")
        while reader.article is None:
            await pilot.pause(0.01)
        await pilot.pause()
        opened = time.perf_counter() - started
        while not getattr(reader.wrapped_document, "complete", True):
            await pilot.pause(0.01)
        wrapped = time.perf_counter() - started
        opened_mb = resident_mb() - before
        stalls: list[float] = []

        async def tick() -> None:  # how long the event loop (keys, ctrl+q) waits at worst
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                stalls.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        started = time.perf_counter()
        app.main.reader.find(word)
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = time.perf_counter() - started
        ticker.cancel()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "open_s": opened,
        "pane_show_s": sum(shown),
        "wrapped_all_s": wrapped,
        "open_rss_growth_mb": opened_mb,
        "find_s": found,
        "find_longest_stall_s": max(stalls, default=0.0),
        "peak_rss_mb": rss,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--word", default="minister")
    parser.add_argument("--paragraphs", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(measure(Path(args.child), args.word))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for name, mb in (("short", 0.002), ("long", args.mb)):
            root = Path(tmp) / name
            write_library(root, mb, args.paragraphs)
            env_home = Path(tmp) / f"home-{name}"
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(root), "--word", args.word],
                capture_output=True,
                text=True,
                check=True,
                env={"NEWSREAD_HOME": str(env_home), "PATH": "/usr/bin:/bin"},
            ).stdout
            results[name] = json.loads(out.strip().splitlines()[-1])
    short, long = results["short"], results["long"]
    for key in short:
        ratio = long[key] / short[key] if short[key] else float("inf")
        print(f"{key:21} short {short[key]:8.3f}  long {long[key]:8.3f}  ratio {ratio:7.1f}")


if __name__ == "__main__":
    main()
