"""Fit the weights that pick a page dump's headline (`_WEIGHTS` in index/files/formats/pagetext.py).

Run: `.venv/bin/python tests/fit_headline.py [--iterations N] [--l2 X] [--only NAME ...]
[--render text|lynx|w3m ...] [--cache DIR]` (a few minutes). `--only` refits the named weights
alone, the others kept as in the code.

Every line `pagetext.page_candidates` offers on a page of `pagetext/trafilatura-eval` (the half
`tune` of tests/accuracy.py), read as `find_article` reads it, is a candidate; the right ones
are those whose headline text is the page's title as tests/accuracy.py scores it. `--render`
(repeatable) says which renderings of the pages are fitted on together: the set's own text
("text", the default), or the pages' HTML as `lynx -dump` or `w3m -dump` shows it (as
tests/accuracy.py's `--render` reads them; the tools must be installed, and `--cache` keeps
their dumps for the next run). The weights maximise the likelihood of a right candidate under
a softmax over each page's candidates (L2-regularised, Adam), starting from the weights in the
code. It prints how many titles the weights in the code and the fitted ones get right on each
half of each rendering, and the fitted weights to paste into `_WEIGHTS`: keep them only when
the `held` half improves in tests/accuracy.py with no other figure dropping.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy
from accuracy import CORPORA, check_title, half_of, loose, truth_rows

from newsread.index.article import Article
from newsread.index.files.formats import pagetext

Page = list[tuple[list[float], bool]]
NAMES = list(pagetext._WEIGHTS)


def right(text: str, title: str) -> bool:
    article = Article(id="", key="", path="", title=text)
    return check_title(article, title)[0]


def page_text(folder: Path, name: str, render: str, cache: Path | None) -> str:
    """The text of the page set's file `name` as `render` shows it: "text" for its rendering in
    the set, "lynx" or "w3m" for the text browser's dump of its HTML (kept under `cache`)."""
    if render == "text":
        return (folder / name).read_text(encoding="utf-8", errors="replace")
    kept = cache / render / name if cache else None
    if kept and kept.exists():
        return kept.read_text(encoding="utf-8")
    accuracy.RENDER = render
    accuracy.rendered.cache_clear()
    text = accuracy.rendered(folder / name)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(text, encoding="utf-8")
    return text


def pages(half: str, render: str = "text", cache: Path | None = None) -> list[Page | None]:
    """Each page's candidates as (features, right); None where no candidate is looked for.
    The page's lines are those `find_article` reads (`plaintext.parse_text`): lynx's list of
    addresses left out, lines a text browser wrapped joined."""
    folder = CORPORA / "pagetext" / "trafilatura-eval"
    found: list[Page | None] = []
    for row in truth_rows(folder):
        title = " ".join(str(row["title"] or "").split())
        if half_of(str(row["file"])) != half or not title:
            continue
        raw = page_text(folder, str(row["file"]), render, cache)
        if loose(title) not in loose(raw):
            continue  # scored only where the title is visible, as tests/accuracy.py does
        text_lines = raw.split("\n")
        if "References" in raw:
            text_lines = pagetext.without_link_list(text_lines)
        text_lines = pagetext.unwrapped_page(text_lines)
        if not pagetext._laid_out_like_a_page(text_lines):
            found.append(None)
            continue
        name = str(row["file"]).removesuffix(".txt")
        _, _, _, candidates = pagetext.page_candidates(text_lines, name)
        found.append([([f[n] for n in NAMES], right(text, title)) for _, text, f in candidates])
    return found


def correct(weights: list[float], data: list[Page | None]) -> int:
    """How many pages' best candidate under `weights` is a right one."""
    w = numpy.array(weights)
    count = 0
    for page in data:
        if not page:
            continue
        scores = numpy.array([f for f, _ in page]) @ w
        best = int(numpy.argmax(scores))
        count += bool(scores[best] > pagetext._MIN_HEADLINE_SCORE and page[best][1])
    return count


def fit(
    weights: list[float],
    data: list[Page | None],
    iterations: int,
    l2: float,
    only: frozenset[str] = frozenset(),
) -> list[float]:
    """The weights refitted from `weights`: all of them, or only those named in `only`."""
    usable = [
        (numpy.array([f for f, _ in page]), numpy.array([ok for _, ok in page]))
        for page in data
        if page and any(ok for _, ok in page)
    ]
    free = numpy.array([1.0 if not only or name in only else 0.0 for name in NAMES])
    w = numpy.array(weights, dtype=float)
    m, v = numpy.zeros_like(w), numpy.zeros_like(w)
    for step in range(1, iterations + 1):
        grad = numpy.zeros_like(w)
        for features, ok in usable:
            scores = features @ w
            exps = numpy.exp(scores - scores.max())
            right_exps = numpy.where(ok, exps, 0.0)
            grad += (exps / exps.sum() - right_exps / right_exps.sum()) @ features
        g = (grad / len(usable) + l2 * w) * free
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**step)) / (numpy.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return [float(x) for x in w]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--iterations", type=int, default=600)
    parser.add_argument("--l2", type=float, default=0.003)
    parser.add_argument(
        "--only", action="append", default=[], help="fit this weight alone (repeatable)"
    )
    parser.add_argument(
        "--render",
        action="append",
        choices=["text", "lynx", "w3m"],
        help="fit on the pages as this shows them (repeatable; default: text)",
    )
    parser.add_argument("--cache", type=Path, help="keep the text browsers' dumps here")
    args = parser.parse_args()
    renders = args.render or ["text"]
    tune = {r: pages("tune", r, args.cache) for r in renders}
    held = {r: pages("held", r, args.cache) for r in renders}

    def report(label: str, weights: list[float]) -> None:
        for r in renders:
            print(
                f"{label} {r:5} tune {correct(weights, tune[r])}/{len(tune[r])},"
                f" held {correct(weights, held[r])}/{len(held[r])}"
            )

    now = [pagetext._WEIGHTS[n] for n in NAMES]
    report("in the code:", now)
    every = [page for r in renders for page in tune[r]]
    fitted = fit(now, every, args.iterations, args.l2, frozenset(args.only))
    report("fitted:     ", fitted)
    for name, weight in zip(NAMES, fitted, strict=True):
        print(f'    "{name}": {weight:.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
