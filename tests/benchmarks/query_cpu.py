"""The query mix in CPU time: what a search costs, whatever else the machine is doing.

bench.py's latencies are wall-clock times, which on a shared machine (a load average of 15 on
two cores) are mostly time spent waiting for a core. This runs the same queries on an index
bench.py built and prints, per kind, the p50 and p95 of the searching thread's CPU time
(`time.thread_time`) for step one (the top 20 with snippets) and for the whole search, and
the CPU time of a search on a searcher opened after a commit (a fresh one) next to a pooled
one. The kind "nothing" is searches that find nothing (misspelt words, phrases no article
has): the ones that look for "did you mean". Compare two versions of the code by running it
twice, one with `PYTHONPATH` set to a snapshot of the other (bench.py leaves one in
`DIR/code`):

    .venv/bin/python tests/benchmarks/query_cpu.py --out /tmp/newsread-bench --size 10000
    PYTHONPATH=/tmp/old/code .venv/bin/python tests/benchmarks/query_cpu.py --out ... --size ...
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path


def percentile(values: list[float], share: float) -> float:
    """Nearest rank, as bench.py's tables."""
    ranked = sorted(values)
    if not ranked:
        return float("nan")
    return ranked[min(len(ranked) - 1, max(0, round(share * len(ranked) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/newsread-bench", help="bench.py's --out")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--root", help="the corpus (default: OUT/corpus-SIZE)")
    parser.add_argument("--home", help="NEWSREAD_HOME (default: OUT/home-SIZE)")
    parser.add_argument("--queries", help="the query file (default: OUT/queries-SIZE.json)")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("-n", type=int, default=100, help="queries per kind")
    opts = parser.parse_args()
    out = Path(opts.out)
    root = Path(opts.root or out / f"corpus-{opts.size}")
    os.environ["NEWSREAD_HOME"] = str(opts.home or out / f"home-{opts.size}")
    queries = json.loads(Path(opts.queries or out / f"queries-{opts.size}.json").read_text())

    from newsread.index.engine import search
    from newsread.index.library import Library

    print(f"code: {Path(search.__file__).parent.parent}")
    library = Library(root).open()
    for warm in queries["term"][:3]:
        library.search(warm["text"], limit=20)
    kinds = opts.kinds.split(",") if opts.kinds else [*queries, "nothing"]
    if "nothing" in kinds:
        # Searches that find nothing, where "did you mean" is looked for: the fuzzy kind's
        # words without their ~ (half of them misspelt) and the phrases that match nothing.
        # Finding them searches those words first (the other kinds then find them decoded
        # in the posting cache): ask for "nothing" only to measure it.
        misspelt = [{"text": q["text"].rstrip("~")} for q in queries.get("fuzzy", [])]
        queries["nothing"] = [
            spec
            for spec in misspelt + queries.get("phrase", [])
            if not library.search(
                spec["text"], limit=1, facets=False, snippets=False, suggest=False
            ).total
        ]
    for kind in kinds:
        tops: list[float] = []
        whole: list[float] = []
        for spec in queries[kind][: opts.n]:
            options = {
                "sort": spec.get("sort", "relevance"),
                "limit": 20,
                "snippets": True,
                "facets": True,
                "suggest": kind != "typing",
                "fold": True,  # as the results list: one hit per story
            }
            started = time.thread_time()
            try:
                if kind == "similar":
                    library.similar(spec["text"], limit=20)
                    first = time.thread_time()
                else:
                    with library.begin_search(spec["text"], **options) as running:
                        running.top()
                        first = time.thread_time()
                        running.counts()
            except search.QueryError:
                continue
            ended = time.thread_time()
            tops.append((first - started) * 1000)
            whole.append((ended - started) * 1000)
        print(
            f"{kind:10} top 20 p50 {percentile(tops, 0.5):7.1f} p95 {percentile(tops, 0.95):7.1f}"
            f" | whole p50 {percentile(whole, 0.5):7.1f} p95 {percentile(whole, 0.95):7.1f}"
            f"  CPU ms, n={len(tops)}",
            flush=True,
        )
    fresh: list[float] = []
    pooled: list[float] = []
    for spec in queries["term"][:30]:
        # As after a commit: the pooled searchers are out of date, the next search opens one.
        for idle in library._idle_searchers:
            idle.close()
        library._idle_searchers.clear()
        started = time.thread_time()
        library.search(spec["text"], limit=20)
        middle = time.thread_time()
        library.search(spec["text"], limit=20)
        fresh.append((middle - started) * 1000)
        pooled.append((time.thread_time() - middle) * 1000)
    print(
        f"term on a fresh searcher p50 {percentile(fresh, 0.5):.1f} p95 "
        f"{percentile(fresh, 0.95):.1f} | pooled p50 {percentile(pooled, 0.5):.1f} p95 "
        f"{percentile(pooled, 0.95):.1f}  CPU ms, n={len(fresh)}"
    )


if __name__ == "__main__":
    main()
