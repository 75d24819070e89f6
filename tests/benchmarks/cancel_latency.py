"""How soon a cancelled search stops: from the cancel token being set (a newer keystroke) to
the searching thread having stopped, in ms.

Each query of the mix (term, AND, phrase, sorted by date) runs both its steps in a thread,
folded as the results list asks, with the decoded-postings cache emptied first (the cold case,
the long reads); the token is set after a random 2-40 ms. Searches that finished before it
are not counted. Compare two versions by running it twice, one with `PYTHONPATH` set to a
snapshot of the other (see query_cpu.py):

    .venv/bin/python tests/benchmarks/cancel_latency.py --out /tmp/newsread-bench --size 10000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import threading
import time
from pathlib import Path

KINDS = ("term", "and", "phrase", "sort_date")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/newsread-bench", help="bench.py's --out")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--home", help="NEWSREAD_HOME (default: OUT/home-SIZE)")
    parser.add_argument("-n", type=int, default=50, help="queries per kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = Path(args.out)
    os.environ["NEWSREAD_HOME"] = args.home or str(out / f"home-{args.size}")
    from newsread.index.engine import postings
    from newsread.index.library import Library

    library = Library(out / f"corpus-{args.size}").open()
    mix = json.loads((out / f"queries-{args.size}.json").read_text())
    library.search("oil", limit=20)  # imports and the first searcher, not measured
    rng = random.Random(args.seed)
    queries = [(q["text"], q.get("sort", "relevance")) for k in KINDS for q in mix[k][: args.n]]
    waits: list[float] = []
    for text, sort in queries:
        postings._cache.clear()
        stop = threading.Event()

        def search(text: str = text, sort: str = sort, stop: threading.Event = stop) -> None:
            try:
                with library.begin_search(
                    text, limit=20, fold=True, sort=sort, cancelled=stop.is_set
                ) as running:
                    running.top()
                    running.counts()
            except Exception:  # noqa: BLE001 - SearchCancelled, or a search's own error
                pass

        thread = threading.Thread(target=search)
        thread.start()
        time.sleep(rng.uniform(0.002, 0.040))
        if not thread.is_alive():
            thread.join()
            continue
        started = time.perf_counter()
        stop.set()
        thread.join()
        waits.append((time.perf_counter() - started) * 1000)
    waits.sort()

    def at(share: float) -> float:
        return waits[min(len(waits) - 1, int(len(waits) * share))] if waits else float("nan")

    print(
        f"cancelled while running: {len(waits)} of {len(queries)} searches; token -> stopped "
        f"p50 {at(0.5):.1f} ms, p90 {at(0.9):.1f}, p95 {at(0.95):.1f}, p99 {at(0.99):.1f}, "
        f"max {waits[-1] if waits else float('nan'):.1f}"
    )


if __name__ == "__main__":
    main()
