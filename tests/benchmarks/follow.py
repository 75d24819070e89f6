"""What re-anchoring highlights after indexing costs (issue 11), as ratios to the indexing.

One Reuters folder (`../shared/corpora/reuters/reut2-016`, ~950 files, read in place) is
indexed from scratch twice in one run: first with no annotations at all (the baseline), then
with highlights on `--highlighted` of its articles, so the indexer re-anchors them
(`placing.follow_library`). Printed: each time, and the ratio of the second to the first, and
`follow_library` alone over every key, as a share of the baseline.

Then `--gone` more articles are annotated (three highlights each) that the library does not
have, with text of its words shuffled (a file deleted: its annotations are kept, and every
re-index looks for where it went, `placing.follow_moved`). Printed: `follow_library` over
every key (a full re-index) and over ten keys (a few files re-read), the best of `--repeat` runs.

    .venv/bin/python tests/benchmarks/follow.py [--highlighted 100] [--gone 20] [--folder reut2-016]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from newsread.index.article import Article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def index_once(root: Path) -> float:
    from newsread.index.library import Library

    library = Library(root).open()
    try:
        started = time.perf_counter()
        library.update()
        return time.perf_counter() - started
    finally:
        library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--highlighted", type=int, default=100)
    parser.add_argument("--gone", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", default="reut2-016")
    args = parser.parse_args()
    root = SHARED / "corpora" / "reuters" / args.folder
    if not root.is_dir():
        print(f"no corpus at {root}", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="newsread-follow-"))
    os.environ["NEWSREAD_HOME"] = str(home)
    os.environ["NEWSREAD_INDEX_PROCESSES"] = "1"
    from newsread.index.annotations import AnnotationStore
    from newsread.index.annotations.placing import follow_library
    from newsread.index.library import Library
    from newsread.index.paths import annotations_path

    try:
        baseline = index_once(root)
        library = Library(root).open()
        keys = sorted(library.docs.all_keys())
        step = max(1, len(keys) // args.highlighted)
        chosen = keys[::step][: args.highlighted]
        with AnnotationStore.open(annotations_path()) as store:
            for article in library.docs.articles(chosen).values():
                words = article.body[:60].rsplit(" ", 1)[0]
                store.add_highlight(article, 0, len(words))
        started = time.perf_counter()
        follow_library(library, keys)
        follow_alone = time.perf_counter() - started
        library.close()
        shutil.rmtree(home / "cache")
        with_highlights = index_once(root)
        library = Library(root).open()
        with AnnotationStore.open(annotations_path()) as store:
            add_gone(store, library.docs.articles(keys[1::step][: args.gone]).values())
        every_key = best_of(args.repeat, lambda: follow_library(library, keys))
        few_keys = best_of(args.repeat, lambda: follow_library(library, keys[:10]))
        library.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"{len(keys)} articles, {len(chosen)} highlighted")
    print(f"index, no annotations:          {baseline:7.2f} s  (1.00)")
    print(
        f"index, re-anchoring highlights: {with_highlights:7.2f} s  ({with_highlights / baseline:.2f})"
    )
    print(f"follow_library over every key:  {follow_alone:7.2f} s  ({follow_alone / baseline:.3f})")
    print(f"with {args.gone} annotated articles gone, best of {args.repeat}:")
    print(f"follow_library over every key:  {every_key:7.3f} s  ({every_key / baseline:.3f})")
    print(f"follow_library over ten keys:   {few_keys:7.3f} s  ({few_keys / baseline:.3f})")
    return 0


def add_gone(store: Any, articles: Iterable[Article]) -> None:
    """Each of `articles` as a file no longer there: another key, title and text (its words
    shuffled), three highlights of ten words on it."""
    rng = random.Random(0)
    for number, article in enumerate(articles):
        words = article.body.split()
        rng.shuffle(words)
        body = " ".join(words)
        gone = replace(
            article, key=f"gone/{number}.txt", path=f"gone/{number}.txt", url="",
            id=f"gone{number:012d}", title=f"Gone {number}: {article.title}", paragraphs=(body,),
        )  # fmt: skip
        at = 0
        for _ in range(3):
            end = len(" ".join(words[: len(body[:at].split()) + 10]))
            if end <= at:
                break
            store.add_highlight(gone, at, end)
            at = end + 1


def best_of(repeat: int, call: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


if __name__ == "__main__":
    sys.exit(main())
