"""Memory and CPU of reading a large JSON export in parts, against a baseline in the same run.

    .venv/bin/python tests/benchmarks/large_export.py [--mb 100] [--shape lines|array] [--gzip]

Writes a NewsAPI-style export of about `--mb` MB (JSON Lines, or one `{"articles": [...]}`
document; the article texts drawn from ../shared/corpora/bbc and reuters, or generated where
those are missing) to a temporary folder, then, each in a fresh process:

- `read_article_parts` over it (every part's articles made and dropped, as the indexer does
  once they are stored),
- `read_articles` reading it whole with no size limit (what reading it without parts costs:
  the same articles, all held at once), and
- the baseline: the same bytes read in 1 MB chunks and every line split and `json.loads`ed,
  the least any reading must do (for an array document: `json.load` of the whole, which is
  what reading it whole would take at the least).

Prints the articles found, CPU seconds and peak RSS of each, and the ratios. Before parts a
file over 20 MB was cut (a 100 MB one skipped); reading one whole took ~6x its size in memory.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


def _texts() -> list[tuple[str, str]]:
    texts = []
    for name in ("bbc", "reuters"):
        for path in sorted((CORPORA / name).rglob("*.txt"))[:3000]:
            lines = [line for line in path.read_text(errors="replace").split("\n") if line.strip()]
            if len(lines) > 3:
                texts.append((lines[0], "\n\n".join(lines[1:])))
    if not texts:  # no corpora here: sentences of random words
        rng = random.Random(0)
        words = "council bridge vote engineers cracks mayor repairs statement river".split()
        texts = [
            (f"Story {n}", " ".join(rng.choice(words) for _ in range(400))) for n in range(500)
        ]
    return texts


def write_export(path: Path, megabytes: int, shape: str, packed: bool) -> int:
    """Write the export; returns how many articles it holds."""
    rng = random.Random(1)
    texts = _texts()
    target, size, n = megabytes * 1_000_000, 0, 0
    opener = gzip.open if packed else open
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        if shape == "array":
            out.write('{"status": "ok", "articles": [\n')
        while size < target:
            title, body = rng.choice(texts)
            item = {
                "source": {"id": None, "name": rng.choice(["BBC News", "Reuters"])},
                "title": f"{title} ({n})",
                "url": f"https://news.example/{n}",
                "publishedAt": f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02}-10T10:00:00Z",
                "content": body,
            }
            line = json.dumps(item, ensure_ascii=False)
            if shape == "array":
                line = ("," if n else "") + line
            out.write(line + "\n")
            size += len(line.encode()) + 1
            n += 1
        if shape == "array":
            out.write("]}\n")
    return n


def _child(kind: str, path: Path) -> None:
    started = time.process_time()
    articles = 0
    if kind == "parts":
        from newsread.index.files.reader import read_article_parts

        for part in read_article_parts(path, path.parent):
            articles += len(part)
    elif kind == "whole":
        from newsread.index.files.reader import read_articles

        size = path.stat().st_size * (8 if path.name.endswith(".gz") else 1)
        articles = len(read_articles(path, path.parent, max_bytes=size))
    else:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as file:  # type: ignore[operator]
            head = file.read(64)
            file.seek(0)
            if head.lstrip().startswith(b"{") and b'"articles": [' in head:
                articles = len(json.load(file)["articles"])
            else:
                articles = sum(1 for line in file if json.loads(line))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": articles, "cpu": time.process_time() - started, "rss": peak}))


def _run(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=100, help="size of the export (default 100)")
    parser.add_argument("--shape", choices=("lines", "array"), default="lines")
    parser.add_argument("--gzip", action="store_true", help="write it gzipped")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        suffix = ".jsonl" if args.shape == "lines" else ".json"
        path = Path(folder) / f"export{suffix}{'.gz' if args.gzip else ''}"
        count = write_export(path, args.mb, args.shape, args.gzip)
        size = path.stat().st_size / 1e6
        print(f"export: {count:,} articles, {args.mb} MB of JSON ({size:.0f} MB on disk)")
        parts, whole, base = (_run(kind, path) for kind in ("parts", "whole", "baseline"))
    rows = (("read_article_parts", parts), ("read_articles whole", whole), ("baseline", base))
    for name, row in rows:
        print(f"{name:>20}: {row['articles']:>8,.0f} articles, CPU {row['cpu']:6.1f} s, "
              f"peak RSS {row['rss']:5.0f} MB")  # fmt: skip
    for name, row in (("parts / whole", whole), ("parts / baseline", base)):
        print(f"{name:>20}: CPU {parts['cpu'] / row['cpu']:.2f}x, "
              f"peak RSS {parts['rss'] / row['rss']:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
