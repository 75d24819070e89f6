"""What the timeline adds to a search, in CPU time, free of a busy machine's noise.

    .venv/bin/python tests/benchmarks/timeline_cost.py --out /tmp/newsread-bench --size 10000

Uses the index and query mix `bench.py` left under `--out` (run `bench.py --sizes N` first).
Each query runs `--repeats` times; in every run the timeline's own CPU time is read around
the engine's `_timeline` call, so one run gives the search with it and without it (the same
run minus that part). The least of the repeats is kept for each (noise only ever adds), and
the report gives, per query kind, p50 and p95 of the search without and with the timeline
and their ratio. CPU time of this one-threaded process: other processes do not count.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any


def _rank(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/newsread-bench", help="bench.py's --out")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50, help="queries per kind")
    parser.add_argument("--repeats", type=int, default=5)
    opts = parser.parse_args()
    out = Path(opts.out)
    os.environ["NEWSREAD_HOME"] = str(out / f"home-{opts.size}")

    from newsread.index.engine import search as search_module
    from newsread.index.engine.search import QueryError
    from newsread.index.library import Library

    query_file = out / f"queries-{opts.size}.json"
    if not query_file.is_file():
        print(f"no query mix under {out}: run bench.py --sizes {opts.size} --out {out} first")
        return 2
    queries = json.loads(query_file.read_text())
    library = Library(out / f"corpus-{opts.size}").open()
    real = search_module._timeline
    spent = [0.0]

    def timed(searcher: Any, docnums: list[int]) -> Any:
        started = time.process_time()
        try:
            return real(searcher, docnums)
        finally:
            spent[0] += time.process_time() - started

    search_module._timeline = timed  # type: ignore[assignment]
    for warm in queries["term"][:3]:
        library.search(warm["text"], limit=20)
    print(f"{opts.size:,} articles, {opts.repeats} runs a query, least CPU ms kept")
    print("| kind | without p50 / p95 | with p50 / p95 | p95 ratio | p50 ratio | hits p50 |")
    print("|---|---|---|---|---|---|")
    for kind, specs in queries.items():
        with_: list[float] = []
        without: list[float] = []
        hits: list[float] = []
        for spec in specs[: opts.queries]:
            best_with = best_without = math.inf
            total = 0
            for _ in range(opts.repeats):
                spent[0] = 0.0
                started = time.process_time()
                try:
                    results = library.search(
                        spec["text"], sort=spec.get("sort", "relevance"), limit=20
                    )
                    total = results.total
                except QueryError:
                    pass
                elapsed = time.process_time() - started
                best_with = min(best_with, elapsed)
                best_without = min(best_without, elapsed - spent[0])
            with_.append(best_with * 1000)
            without.append(best_without * 1000)
            hits.append(total)
        if not with_:
            continue
        print(
            f"| {kind} | {_rank(without, 50):.1f} / {_rank(without, 95):.1f} "
            f"| {_rank(with_, 50):.1f} / {_rank(with_, 95):.1f} "
            f"| {_rank(with_, 95) / _rank(without, 95):.3f} "
            f"| {_rank(with_, 50) / _rank(without, 50):.3f} | {_rank(hits, 50):,.0f} |"
        )
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
