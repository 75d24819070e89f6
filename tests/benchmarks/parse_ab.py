"""CPU time of `parse_html`, this checkout's against another revision's, page by page.

    git archive REV index tui | tar -x -C /tmp/rev/newsread   # (mkdir -p /tmp/rev/newsread)
    .venv/bin/python tests/benchmarks/parse_ab.py --against /tmp/rev [--pages 200] [--repeat 3]

Two worker processes, one importing `newsread` from `--against` (a folder holding a
`newsread/` package with that revision's `index/` and `tui/`), one this checkout's, each read
the same N pages of `../shared/corpora/pages` (as `parse_time.py` picks them) and every page
once untimed. Then each page is timed in one worker and at once in the other, in alternating
order, `--repeat` times, keeping each side's least CPU time (`time.thread_time`). Runs of
`parse_time.py` one after the other differ by ±10% on a shared machine; interleaved page by
page, the two sides see the same machine, and their ratio varies by a few per cent from run
to run: run it several times.
Prints each side's mean, p50 and p95 CPU ms a page and the ratio (of the totals, and the
median of the per-page ratios). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(source: str | None, count: int, connection: Connection) -> None:
    """Read the pages with `source`'s `parse_html` (this checkout's when None), timing each
    page asked for until asked for None."""
    if source is not None:
        sys.path.insert(0, source)
    sys.path.insert(0, str(HERE))
    from parse_time import load_pages

    from newsread.index.files.formats import html

    if source is not None and not html.__file__.startswith(source):
        raise SystemExit(f"{source} holds no newsread package: {html.__file__} was imported")
    pages = [text for _, text in load_pages(["zyte", "trafilatura-eval"], count)]
    for text in pages:
        html.parse_html(text)
    connection.send(len(pages))
    while (index := connection.recv()) is not None:
        started = time.thread_time()
        html.parse_html(pages[index])
        connection.send(1000 * (time.thread_time() - started))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--against", type=Path, required=True, help="folder holding newsread/")
    parser.add_argument("--pages", type=int, default=200, help="pages to time (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings per page")
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    sides = {"against": str(args.against.resolve()), "this": None}
    connections: dict[str, Connection] = {}
    processes = []
    for name, source in sides.items():
        ours, theirs = context.Pipe()
        process = context.Process(target=worker, args=(source, args.pages, theirs))
        process.start()
        processes.append(process)
        connections[name] = ours
    count = min(connection.recv() for connection in connections.values())
    best = {name: [float("inf")] * count for name in sides}
    for round_ in range(args.repeat):
        for index in range(count):
            names = list(sides) if (index + round_) % 2 == 0 else list(reversed(sides))
            for name in names:
                connections[name].send(index)
                best[name][index] = min(best[name][index], connections[name].recv())
    for connection in connections.values():
        connection.send(None)
    for process in processes:
        process.join()

    print(f"{count} pages, CPU ms per page (best of {args.repeat}, interleaved)")
    print(f"{'':10}{'mean':>8}{'p50':>8}{'p95':>8}")
    for name, values in best.items():
        print(
            f"{name:10}{statistics.fmean(values):8.2f}"
            f"{percentile(values, 0.5):8.2f}{percentile(values, 0.95):8.2f}"
        )
    total = sum(best["this"]) / sum(best["against"])
    pairs = zip(best["against"], best["this"], strict=True)
    each = statistics.median(this / max(against, 1e-3) for against, this in pairs)
    print(f"this / against: {total:.3f} of the totals, {each:.3f} median per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
