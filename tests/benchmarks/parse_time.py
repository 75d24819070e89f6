"""CPU time of reading a saved web page (`parse_html`), against a baseline timed in the same run.

    .venv/bin/python tests/benchmarks/parse_time.py [--pages 200] [--repeat 1] [--set zyte]
        [--extract] [--profile 25] [--json OUT]

Reads N pages spread over `../shared/corpora/pages/<set>/*.html.gz` (decoded before timing, as
the reader does), reads every page once untimed (the one-time costs: imports, and dateparser
loading each language's data the first time a page's date needs it, several seconds in all;
that pass's CPU time is printed apart, as "first pass"), then times each page's `parse_html` and, right beside it, lxml parsing the same bytes: the baseline,
so the machine's noise (six helpers on two cores) hits both alike. With `--extract`,
`trafilatura.extract` of the same page is timed too, the extraction alone newsread builds on.
Prints per-page CPU ms (p50, p95, mean) of each and the ratios parse_html / baseline (of the
totals, and the median of the per-page ratios). `--profile N` runs the pages once more under
cProfile and prints the N costliest functions (cumulative time; timings under the profiler are
inflated, so measure and profile in separate runs). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsread.index.files.decoding import decode
from newsread.index.files.formats.html import parse_html

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "pages"
SETS = ("zyte", "trafilatura-eval")


def load_pages(sets: list[str], count: int) -> list[tuple[str, str]]:
    """(name, decoded text) of `count` pages spread evenly over the sets' files."""
    files = sorted(path for name in sets for path in (PAGES / name).glob("*.html.gz"))
    if not files:
        sys.exit(f"no pages under {PAGES}: the shared corpora are next to the repository")
    step = max(1, len(files) / count) if count < len(files) else 1
    picked = [files[int(i * step)] for i in range(min(count, len(files)))]
    return [(path.name, decode(gzip.decompress(path.read_bytes()))) for path in picked]


def lxml_parse(text: str) -> None:
    """The baseline: lxml building the page's tree, as any HTML reading must."""
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)


def trafilatura_extract(text: str) -> None:
    import trafilatura

    trafilatura.extract(text)


def cpu_ms(function: Callable[[str], object], text: str, repeat: int) -> float:
    """The least CPU time of `repeat` calls, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        function(text)
        best = min(best, time.process_time() - started)
    return best * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": percentile(values, 0.5),
        "p95": percentile(values, 0.95),
        "mean": statistics.fmean(values),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=200, help="pages to time (default 200)")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings per page")
    parser.add_argument("--set", choices=SETS, action="append", help="page sets (default both)")
    parser.add_argument("--extract", action="store_true", help="also time trafilatura.extract")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()

    pages = load_pages(args.set or list(SETS), args.pages)
    started = time.process_time()
    for _, text in pages:
        parse_html(text)
    first_pass = time.process_time() - started
    for _, text in pages[:5]:
        lxml_parse(text)
        if args.extract:
            trafilatura_extract(text)

    timed: dict[str, list[float]] = {"parse_html": [], "lxml": []}
    if args.extract:
        timed["trafilatura.extract"] = []
    for _, text in pages:
        # Interleaved per page, so a burst of load falls on both sides of the ratio.
        timed["lxml"].append(cpu_ms(lxml_parse, text, args.repeat))
        timed["parse_html"].append(cpu_ms(parse_html, text, args.repeat))
        if args.extract:
            timed["trafilatura.extract"].append(cpu_ms(trafilatura_extract, text, args.repeat))

    figures: dict[str, object] = {"pages": len(pages), "first_pass_ms": 1000 * first_pass}
    print(f"first pass (one-time costs included): {1000 * first_pass / len(pages):.1f} ms a page")
    print(f"{len(pages)} pages, CPU ms per page (best of {args.repeat})")
    print(f"{'':22}{'p50':>8}{'p95':>8}{'mean':>8}")
    for name, values in timed.items():
        row = summary(values)
        figures[name] = row
        print(f"{name:22}{row['p50']:8.1f}{row['p95']:8.1f}{row['mean']:8.1f}")
    for name in [n for n in timed if n != "parse_html"]:
        total = sum(timed["parse_html"]) / sum(timed[name])
        each = statistics.median(
            ours / max(theirs, 1e-3)
            for ours, theirs in zip(timed["parse_html"], timed[name], strict=True)
        )
        figures[f"ratio_to_{name}"] = {"total": total, "median": each}
        print(f"parse_html / {name}: {total:.2f}x of the totals, {each:.2f}x median per page")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _, text in pages:
            parse_html(text)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
