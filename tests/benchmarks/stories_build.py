"""What finding stories adds to a full build: bench.py's corpus built with and without it.

Each build runs in a fresh process into an empty NEWSREAD_HOME, through `Library.update` (with
the sub-writers it uses). "Without" replaces the indexer's `update_stories` by a no-op; "with"
times every call of it, so the run prints two figures: the ratio of the two builds (noisy on
a shared machine: builds alternate, `--rounds` repeats them), the same for CPU seconds (the
build process and its sub-writers: steadier under load), and the share of the "with" build's
CPU spent grouping stories (measured inside the process).

    .venv/bin/python tests/benchmarks/stories_build.py --size 10000           # ~5 min
    .venv/bin/python tests/benchmarks/stories_build.py --size 2000 --rounds 2

The corpus is bench.py's (runs of Reuters paragraphs, reworded), written once under `--out`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
DEFAULT_OUT = Path(tempfile.gettempdir()) / "newsread-stories-bench"


def child(opts: argparse.Namespace) -> dict[str, Any]:
    os.environ["NEWSREAD_HOME"] = opts.home
    from newsread.index.engine import indexer, stories
    from newsread.index.library import Library

    spent = [0.0, 0]
    real = indexer.update_stories

    def timed(docs: Any, fresh: Any) -> Any:
        started = time.process_time()
        try:
            return real(docs, fresh)
        finally:
            spent[0] += time.process_time() - started
            spent[1] += 1

    indexer.update_stories = (  # type: ignore[assignment]
        (lambda docs, fresh: stories.StoryChanges()) if opts.without else timed
    )
    started = time.perf_counter()
    library = Library(Path(opts.root)).open()
    summary = library.update()
    seconds = time.perf_counter() - started
    rows = library.docs.connection.execute(
        "SELECT COUNT(*), COUNT(DISTINCT story) FROM story_of"
    ).fetchone()
    library.close()
    mine, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return {
        "seconds": seconds,
        "cpu_seconds": mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime,
        "articles": summary.total_articles,
        "stories_seconds": spent[0],
        "stories_calls": spent[1],
        "grouped": rows[0],
        "stories": rows[1],
    }


def build(root: Path, out: Path, without: bool) -> dict[str, Any]:
    home = out / "home"
    shutil.rmtree(home, ignore_errors=True)
    command = [sys.executable, str(HERE), "--child", "--root", str(root), "--home", str(home)]
    done = subprocess.run(
        command + (["--without"] if without else []), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--without", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        print(json.dumps(child(opts)))
        return 0
    sys.path.insert(0, str(HERE.parent))
    import bench

    out = Path(opts.out)
    corpus = bench.Corpus(bench.load_base(), opts.size, out / f"corpus-{opts.size}")
    corpus.ensure(print)
    runs: dict[str, list[dict[str, Any]]] = {"without": [], "with": []}
    for round_ in range(opts.rounds):
        order = ("without", "with") if round_ % 2 == 0 else ("with", "without")
        for name in order:
            result = build(corpus.root, out, name == "without")
            runs[name].append(result)
            print(
                f"{name:>8}: {result['seconds']:.1f} s, {result['articles']:,} articles", flush=True
            )
    without = min(r["seconds"] for r in runs["without"])
    with_ = min(r["seconds"] for r in runs["with"])
    best = min(runs["with"], key=lambda r: r["seconds"])
    cpu_without = min(r["cpu_seconds"] for r in runs["without"])
    cpu_with = min(r["cpu_seconds"] for r in runs["with"])
    report = {
        "size": opts.size,
        "without_s": round(without, 1),
        "with_s": round(with_, 1),
        "ratio": round(with_ / without, 3),
        "cpu_without_s": round(cpu_without, 1),
        "cpu_with_s": round(cpu_with, 1),
        "cpu_ratio": round(cpu_with / cpu_without, 3),
        "grouping_cpu_s": round(best["stories_seconds"], 1),
        "grouping_share": round(best["stories_seconds"] / best["cpu_seconds"], 3),
        "stories": best["stories"],
        "articles": best["articles"],
        "load": os.getloadavg()[0],
    }
    print(json.dumps(report))
    print(
        f"build with stories / without: {report['ratio']:.3f} wall, {report['cpu_ratio']:.3f} CPU "
        f"(target ≤ 1.10); grouping took {report['grouping_share']:.1%} of the build's CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
