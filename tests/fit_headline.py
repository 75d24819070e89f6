"""Fit the weights that pick a page dump's headline (`_WEIGHTS` in index/files/formats/pagetext.py).

Run: `.venv/bin/python tests/fit_headline.py [--iterations N] [--l2 X] [--only NAME ...]` (a
few minutes). `--only` refits the named weights alone, the others kept as in the code.

Every line `pagetext._candidates` offers on a page of `pagetext/trafilatura-eval` (the half
`tune` of tests/accuracy.py) is a candidate; the right ones are those whose headline text is the
page's title as tests/accuracy.py scores it. The weights maximise the likelihood of a right
candidate under a softmax over each page's candidates (L2-regularised, Adam), starting from the
weights in the code. It prints how many titles the weights in the code and the fitted ones get
right on each half, and the fitted weights to paste into `_WEIGHTS`: keep them only when the
`held` half improves in tests/accuracy.py with no other figure dropping.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import CORPORA, check_title, half_of, loose, truth_rows

from newsread.index.article import Article
from newsread.index.files.formats import pagetext

Page = list[tuple[list[float], bool]]
NAMES = list(pagetext._WEIGHTS)


def right(text: str, title: str) -> bool:
    article = Article(id="", key="", path="", title=text)
    return check_title(article, title)[0]


def pages(half: str) -> list[Page | None]:
    """Each page's candidates as (features, right); None where no candidate is looked for."""
    folder = CORPORA / "pagetext" / "trafilatura-eval"
    found: list[Page | None] = []
    for row in truth_rows(folder):
        title = " ".join(str(row["title"] or "").split())
        if half_of(str(row["file"])) != half or not title:
            continue
        raw = (folder / str(row["file"])).read_text(encoding="utf-8", errors="replace")
        if loose(title) not in loose(raw):
            continue  # scored only where the title is visible, as tests/accuracy.py does
        text_lines = raw.split("\n")
        lines = pagetext._lines(text_lines)
        first, last = pagetext._best_run(lines)
        while first < last and not lines[first].sentence:
            first += 1
        if not pagetext._laid_out_like_a_page(text_lines) or not lines:
            found.append(None)
            continue
        named = pagetext.name_words(str(row["file"]).removesuffix(".txt"))
        candidates = pagetext._candidates(lines, first, named)
        found.append([([f[n] for n in NAMES], right(text, title)) for _, text, f in candidates])
    return found


def correct(weights: list[float], data: list[Page | None]) -> int:
    count = 0
    for page in data:
        if not page:
            continue
        scores = [sum(w * x for w, x in zip(weights, f, strict=True)) for f, _ in page]
        best = max(range(len(page)), key=scores.__getitem__)
        count += scores[best] > pagetext._MIN_HEADLINE_SCORE and page[best][1]
    return count


def fit(
    weights: list[float],
    data: list[Page | None],
    iterations: int,
    l2: float,
    only: frozenset[str] = frozenset(),
) -> list[float]:
    """The weights refitted from `weights`: all of them, or only those named in `only`."""
    usable = [page for page in data if page and any(ok for _, ok in page)]
    w = list(weights)
    m, v = [0.0] * len(w), [0.0] * len(w)
    for step in range(1, iterations + 1):
        grad = [0.0] * len(w)
        for page in usable:
            scores = [sum(a * b for a, b in zip(w, f, strict=True)) for f, _ in page]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total, right_total = (
                sum(exps),
                sum(e for e, (_, ok) in zip(exps, page, strict=True) if ok),
            )
            for e, (features, ok) in zip(exps, page, strict=True):
                g = e / total - (e / right_total if ok else 0.0)
                if g:
                    for i, x in enumerate(features):
                        grad[i] += g * x
        for i in range(len(w)):
            if only and NAMES[i] not in only:
                continue
            g = grad[i] / len(usable) + l2 * w[i]
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            w[i] -= 0.05 * (m[i] / (1 - 0.9**step)) / (math.sqrt(v[i] / (1 - 0.999**step)) + 1e-8)
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--iterations", type=int, default=600)
    parser.add_argument("--l2", type=float, default=0.003)
    parser.add_argument(
        "--only", action="append", default=[], help="fit this weight alone (repeatable)"
    )
    args = parser.parse_args()
    tune, held = pages("tune"), pages("held")
    now = [pagetext._WEIGHTS[n] for n in NAMES]
    print(
        f"in the code: tune {correct(now, tune)}/{len(tune)}, held {correct(now, held)}/{len(held)}"
    )
    fitted = fit(now, tune, args.iterations, args.l2, frozenset(args.only))
    print(
        f"fitted:      tune {correct(fitted, tune)}/{len(tune)}, held {correct(fitted, held)}/{len(held)}"
    )
    for name, weight in zip(NAMES, fitted, strict=True):
        print(f'    "{name}": {weight:.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
