"""Where highlights land after realistic edits of real articles (`anchoring.anchor`).

Random highlights (2-10 words, a third of them opening their paragraph) in BBC articles of
five paragraphs or more, each article then edited once, in turn: a word changed inside the
highlight, a word changed just after it or just before it (in its paragraph), a paragraph
inserted above its paragraph, its paragraph deleted, its paragraph moved to the end. A
highlight is "right" where it lands within 3 characters of the passage's new place, "orphaned"
where it is said lost, "wrong" anywhere else; after a deletion every place is wrong.

    .venv/bin/python tests/benchmarks/anchoring_quality.py
    .venv/bin/python tests/benchmarks/anchoring_quality.py --compare d5ae164   # and an older one

`--compare REV` runs the same edits through `index/annotations/anchoring.py` as it was at
that git revision.

Measured 2026-12-05 (2,500 edits over 129 articles, seed 7), right / wrong / orphaned:
    edit                  d5ae164          this (paragraph context checked)
    word inside           360 / 3 / 54     360 / 3 / 54
    word after            417 / 0 / 0      415 / 0 / 2
    word before           417 / 0 / 0      417 / 0 / 0
    paragraph above       417 / 0 / 0      417 / 0 / 0
    paragraph deleted       0 / 2 / 414      0 / 1 / 415
    paragraph moved       412 / 0 / 4      412 / 0 / 4
The one deletion still "wrong" lands on the same words with the same words around them.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
CORPUS = HERE.parents[3] / "shared" / "corpora" / "bbc"
WORDS = ("market", "council", "yesterday", "officials", "million", "strongly", "reported")
INSERTED = "An editor's note was added here on Monday afternoon.\n\n"
KINDS = ("word inside", "word after", "word before", "paragraph above", "paragraph deleted",
         "paragraph moved")  # fmt: skip

Span = tuple[int, int]
Edit = tuple[str, Span | None]  # the new body, and the passage's place in it (None: gone)


def bodies(count: int, rng: random.Random) -> list[str]:
    from newsread.index.files.reader import read_articles

    files = sorted(path for path in CORPUS.rglob("*.txt") if path.is_file())
    found = []
    for path in rng.sample(files, min(count, len(files))):
        found += [a.body for a in read_articles(path, CORPUS) if a.body.count("\n\n") >= 4]
    return found


def edited(kind: str, body: str, passage: Span, paragraph: Span, words: list[Span],
           rng: random.Random) -> Edit | None:  # fmt: skip
    start, end = passage
    top, bottom = paragraph
    if kind.startswith("word"):
        where = {
            "word inside": [w for w in words if start <= w[0] and w[1] <= end],
            "word after": [w for w in words if w[0] > end][:2],
            "word before": [w for w in words if w[1] < start][-2:],
        }[kind]
        if not where:
            return None
        a, b = rng.choice(where)
        word = rng.choice(WORDS)
        shift = len(word) - (b - a)
        new = body[:a] + word + body[b:]
        if kind == "word inside":
            return new, (start, end + shift)
        return new, (start, end) if kind == "word after" else (start + shift, end + shift)
    if kind == "paragraph above":
        return body[:top] + INSERTED + body[top:], (start + len(INSERTED), end + len(INSERTED))
    after = bottom + 2 if body.startswith("\n\n", bottom) else bottom
    rest = body[:top] + body[after:]
    if kind == "paragraph deleted":
        return rest, None
    shift = len(rest.rstrip()) + 2 - top  # moved to the end
    return rest.rstrip() + "\n\n" + body[top:bottom], (start + shift, end + shift)


def outcome(found: object, new: str, place: Span | None) -> str:
    start, end = getattr(found, "start"), getattr(found, "end")  # noqa: B009
    if start is None:
        return "orphaned"
    if place is not None and abs(start - place[0]) <= 3 and abs(end - place[1]) <= 3:
        return "right"
    return "wrong"


def module_at(revision: str) -> ModuleType:
    """`anchoring.py` as it was at `revision`, imported on its own."""
    source = subprocess.run(
        ["git", "show", f"{revision}:index/annotations/anchoring.py"],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / f"anchoring_{revision}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=2500)
    parser.add_argument("--articles", type=int, default=300, help="files drawn from the corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--compare", metavar="REV", help="also run anchoring.py as at REV")
    args = parser.parse_args()
    from newsread.index.annotations import anchoring

    versions: dict[str, ModuleType] = {"this": anchoring}
    if args.compare:
        versions = {args.compare: module_at(args.compare), **versions}
    rng = random.Random(args.seed)
    texts = bodies(args.articles, rng)
    tally = {(kind, name): [0, 0, 0] for kind in KINDS for name in versions}
    columns = ("right", "wrong", "orphaned")
    done = 0
    while done < args.edits:
        body = rng.choice(texts)
        top, bottom = rng.choice([m.span() for m in re.finditer(r"[^\n]+", body)])
        words = [(m.start() + top, m.end() + top) for m in re.finditer(r"\S+", body[top:bottom])]
        if len(words) < 12:
            continue
        size = rng.randint(2, 10)
        first = 0 if rng.random() < 0.3 else rng.randint(0, len(words) - size)
        passage = (words[first][0], words[first + size - 1][1])
        kind = KINDS[done % len(KINDS)]
        edit = edited(kind, body, passage, (top, bottom), words, rng)
        if edit is None:
            continue
        done += 1
        new, place = edit
        for name, module in versions.items():
            make: Callable[..., tuple[str, str, str]] = module.make_selector
            quote, prefix, suffix = make(body, *passage)
            found = module.anchor(new, quote, prefix, suffix, *passage)
            tally[(kind, name)][columns.index(outcome(found, new, place))] += 1
    print(f"{done} edits over {len(texts)} articles, seed {args.seed}: right / wrong / orphaned")
    print(f"{'edit':20}" + "".join(f"{name:>18}" for name in versions))
    for kind in KINDS:
        cells = ["{} / {} / {}".format(*tally[(kind, name)]) for name in versions]
        print(f"{kind:20}" + "".join(f"{cell:>18}" for cell in cells))


if __name__ == "__main__":
    sys.exit(main())
