"""The query mix on an index as built (many segments) and on a merged copy, interleaved.

    .venv/bin/python tests/benchmarks/merge_ab.py [--size 10000] [--out DIR] [--per-kind 50]

Copies the index of a bench.py run (under --out), merges the copy's segments into one as
index/engine/merging.py does (in this process, at normal priority: the time printed is the
merge's own cost), then runs each query kind on both, alternating per query, and prints
p50/p95 for each and merged/built ratios. One process, interleaved: the ratios hold on a busy
machine where separate runs do not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "newsread-bench"))
    parser.add_argument("--per-kind", type=int, default=50)
    opts = parser.parse_args()
    out = Path(opts.out)
    os.environ["NEWSREAD_HOME"] = str(out / f"home-{opts.size}")
    from newsread.index.engine import whoosh_internals
    from newsread.index.library import Library

    root = out / f"corpus-{opts.size}"
    built = Library(root).open()
    copy = out / f"merged-index-{opts.size}"
    if not (copy / "merged.ok").exists():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(built.index_dir, copy)
        merged = Library(root, copy).open()
        started = time.perf_counter()
        with merged.write_lock():
            merged.writer().commit(optimize=True)
            merged.record_files()
        print(f"merging the copy: {time.perf_counter() - started:.1f} s")
        merged.close()
        (copy / "merged.ok").write_text("")
    merged = Library(root, copy).open()
    print(
        f"segments: {len(whoosh_internals.segments(built.index))} as built,"
        f" {len(whoosh_internals.segments(merged.index))} merged"
    )
    queries = json.loads((out / f"queries-{opts.size}.json").read_text())
    for library in (built, merged):
        for spec in queries["term"][:5]:
            library.search(spec["text"], limit=20)
    every: dict[str, list[float]] = {"built": [], "merged": []}
    print("kind: built p50 / p95, merged p50 / p95 (ms), merged/built p50 p95")
    for kind, specs in queries.items():
        times: dict[str, list[float]] = {"built": [], "merged": []}
        for n, spec in enumerate(specs[: opts.per_kind]):
            for name in ("built", "merged") if n % 2 else ("merged", "built"):
                library = built if name == "built" else merged
                started = time.perf_counter()
                library.search(
                    spec["text"],
                    sort=spec.get("sort", "relevance"),
                    limit=20,
                    suggest=kind != "typing",
                )
                times[name].append((time.perf_counter() - started) * 1000)
        for name in times:
            every[name] += times[name]
        show(kind, times)
    show("all", every)
    print(f"load {os.getloadavg()[0]:.1f}")
    return 0


def show(kind: str, times: dict[str, list[float]]) -> None:
    b50, b95 = percentile(times["built"], 50), percentile(times["built"], 95)
    m50, m95 = percentile(times["merged"], 50), percentile(times["merged"], 95)
    print(f"{kind}: {b50:.1f} / {b95:.1f}, {m50:.1f} / {m95:.1f}, {m50 / b50:.2f} {m95 / b95:.2f}")


if __name__ == "__main__":
    sys.exit(main())
