"""The posting-list evaluator of another git revision against the working tree's, interleaved.

    .venv/bin/python tests/benchmarks/evaluator_ab.py --rev fedac99 --kind phrase [--size 10000]

Runs one query kind of a bench.py run (its corpus, index and queries under --out) through
`Library.search`, alternating per query between the working tree's
`index/engine/postings.py` and the one at --rev (only `_Evaluator.<method>` is swapped), and
prints p50/p95 of the evaluation alone and of the whole search for each, their ratios, and
how many queries got different totals, keys or scores (should be 0). One process, one index,
queries interleaved: the ratio holds on a busy machine where separate runs do not.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", required=True, help="git revision to compare against")
    parser.add_argument("--kind", default="phrase", help="query kind of bench.py's mix")
    parser.add_argument("--method", default="phrase", help="_Evaluator method to swap")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "newsread-bench"))
    parser.add_argument("--home", help="NEWSREAD_HOME (default: OUT/home-SIZE), e.g. a copy")
    opts = parser.parse_args()
    out = Path(opts.out)
    os.environ["NEWSREAD_HOME"] = str(opts.home or out / f"home-{opts.size}")
    source = subprocess.run(
        ["git", "show", f"{opts.rev}:index/engine/postings.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    old_file = Path(tempfile.mkdtemp()) / "old_postings.py"
    old_file.write_text(source)
    spec = importlib.util.spec_from_file_location("old_postings", old_file)
    assert spec and spec.loader
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)

    from newsread.index.engine import postings
    from newsread.index.library import Library

    methods = {
        "new": getattr(postings._Evaluator, opts.method),
        "old": getattr(old._Evaluator, opts.method),
    }
    evaluated: dict[str, list[float]] = {"old": [], "new": []}
    searched: dict[str, list[float]] = {"old": [], "new": []}
    current = ["new"]

    def timing(evaluate: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            found = evaluate(*args, **kwargs)
            evaluated[current[0]].append((time.perf_counter() - started) * 1000)
            return found

        return timed

    # Searches call one or the other (evaluate_partial ranks by relevance).
    postings.evaluate = timing(postings.evaluate)  # type: ignore[assignment]
    postings.evaluate_partial = timing(postings.evaluate_partial)  # type: ignore[assignment]
    queries = json.loads((out / f"queries-{opts.size}.json").read_text())[opts.kind]
    library = Library(out / f"corpus-{opts.size}").open()
    for spec_ in queries[:3]:
        library.search(spec_["text"], limit=20)
    differ = 0
    for n, spec_ in enumerate(queries):
        got = {}
        for name in ("old", "new") if n % 2 else ("new", "old"):
            setattr(postings._Evaluator, opts.method, methods[name])
            current[0] = name
            started = time.perf_counter()
            results = library.search(
                spec_["text"], sort=spec_.get("sort", "relevance"), limit=20, fold=True
            )
            searched[name].append((time.perf_counter() - started) * 1000)
            got[name] = (results.total, [(h.key, round(h.score, 6)) for h in results.hits])
        differ += got["old"] != got["new"]
    for what, times in (("evaluation", evaluated), ("whole search", searched)):
        line = [f"{what}:"]
        for name in ("old", "new"):
            line.append(
                f"{name} p50 {percentile(times[name], 50):.1f} p95 {percentile(times[name], 95):.1f} ms;"
            )
        ratio50 = percentile(times["new"], 50) / percentile(times["old"], 50)
        ratio95 = percentile(times["new"], 95) / percentile(times["old"], 95)
        print(" ".join(line), f"new/old p50 {ratio50:.2f} p95 {ratio95:.2f}")
    print(
        f"queries with different answers: {differ} of {len(queries)}; load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
