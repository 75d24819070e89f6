"""CPU time of reading article files (`read_articles`), against a baseline timed in the same run.

    .venv/bin/python tests/benchmarks/text_parse_time.py FOLDER [--files 2000] [--profile 25]

Reads N files spread over FOLDER (by default bench.py's 100k corpus, `/tmp/newsread-bench/
corpus-100000`: the scraped-text layout of the build), reads the first once untimed (imports,
dateparser's data), then times each file's `read_articles` and, right beside it, the baseline:
reading the same bytes, decoding them and splitting their lines, which any reading must do. So
the machine's noise hits both alike. Prints CPU ms a file of each and the ratio; `--profile N`
runs the files once more under cProfile and prints the N costliest functions (inflated timings:
measure and profile in separate runs). Figures are printed, never asserted.

The build reads every file in one process, so this is its one serial step: 1.93 -> 1.28 ms a
file in the 2026-12-06 session (see README.md).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from newsread.index.errors import UnreadableFile
from newsread.index.files.decoding import decode
from newsread.index.files.reader import read_articles

DEFAULT = Path("/tmp/newsread-bench/corpus-100000")


def baseline(path: Path) -> None:
    """Read, decode and split the file into lines: what any reading of it costs."""
    decode(path.read_bytes()).splitlines()


def _readable(path: Path, args: argparse.Namespace) -> bool:
    """Whether `path` holds an article (read once untimed: the imports, dateparser's data)."""
    try:
        read_articles(path, args.folder)
    except (UnreadableFile, OSError):
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--files", type=int, default=2000, help="files to time (default 2000)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    every = sorted(path for path in args.folder.rglob("*") if path.is_file())
    files = [path for path in every[:: max(1, len(every) // args.files)] if _readable(path, args)]
    if not files:
        sys.exit(f"no article files under {args.folder}: run bench.py once, or name a folder")
    files = files[: args.files]
    spent = {"read_articles": 0.0, "baseline": 0.0}
    for path in files:
        started = time.process_time()
        read_articles(path, args.folder)
        middle = time.process_time()
        baseline(path)
        spent["read_articles"] += middle - started
        spent["baseline"] += time.process_time() - middle
    per_file = {name: 1000 * seconds / len(files) for name, seconds in spent.items()}
    print(f"{len(files)} files under {args.folder}")
    for name, ms in per_file.items():
        print(f"  {name:14} {ms:.3f} ms a file (CPU)")
    ratio = per_file["read_articles"] / max(per_file["baseline"], 1e-9)
    print(f"  read_articles / baseline: {ratio:.1f}x")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for path in files:
            read_articles(path, args.folder)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
