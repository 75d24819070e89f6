"""Saved HTML pages no rule was fitted on: other extractors' test pages, read with
`read_articles` as a library holds them, scored against what those projects expect.

    .venv/bin/python tests/benchmarks/other_pages.py [--goose DIR] [--newspaper DIR]
        [--mediacloud DIR] [--failures]

None of them is in ../shared/corpora; fetch them apart (each is a public repository or sdist):
- goose (`goose3`'s `tests/data`): `content/NAME.html` beside `NAME.json`, whose
  `expected.cleaned_text` starts the body: start, start+sf and lede, scored as zyte's. (Its
  `publishdate/` and `title/` pages are fixtures with no text: no article to read.)
- newspaper (`newspaper4k`'s `tests/data`): `html/NAME.html`, `txt/NAME.txt` (the body:
  start, start+sf, lede) and `metadata/NAME.json` (title; the publication day, where given).
  Its authors are newspaper's own guesses ("on December", a page's whole author list), so
  they are not scored.
- mediacloud (`htmldate`'s `tests`): `eval_mediacloud_2020.json` naming each page of
  `test_set/` and its publication day: 200 pages in a score of languages.
The truths are those projects' expectations, not a person's reading: a standfirst their body
leaves out counts under start+sf, and a day one off may be a time zone's. Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import accuracy

from newsread.index.article import Article
from newsread.index.errors import UnreadableFile
from newsread.index.files.reader import read_articles


def read(path: Path, folder: Path) -> Article | None:
    """The article of the page at `path`, saved as `page.html` (a page's own name would
    name its headline)."""
    saved = folder / "page.html"
    saved.write_bytes(path.read_bytes())
    try:
        articles = read_articles(saved, folder)
    except UnreadableFile:
        return None
    return articles[0] if articles else None


def check_start(score: accuracy.Score, name: str, article: Article | None, body: str) -> None:
    """start, start+sf and lede of `article` against the expected `body`, as for zyte."""
    head = accuracy.loose(body)[:60]
    ours = accuracy.loose(article.body) if article else ""
    paragraphs = [accuracy.loose(p) for p in article.paragraphs] if article else []
    standfirst = (
        len(paragraphs) > 1
        and len(paragraphs[0]) <= 400
        and paragraphs[0][:60] not in accuracy.loose(body)
        and paragraphs[1].startswith(head)
    )
    score.check("start", ours.startswith(head), f"{name}: {ours[:60]!r} vs {head!r}")
    score.check("start+sf", ours.startswith(head) or standfirst, name)
    score.check("lede", head in ours, f"{name}: dropped {head!r}")


def check_day(score: accuracy.Score, name: str, article: Article | None, day: str) -> None:
    got = article.published.date().isoformat() if article and article.published else "None"
    score.check("date", got == day[:10], f"{name}: {got} vs {day[:10]}")


def check_title(score: accuracy.Score, name: str, article: Article | None, want: str) -> None:
    if article is None:
        score.check("title", False, f"{name}: unreadable")
        return
    ok, got = accuracy.check_title(article, want)
    score.check("title", ok, f"{name}: {got!r} vs {want!r}")


def goose(root: Path, folder: Path) -> accuracy.Score:
    score = accuracy.Score()
    for page in sorted((root / "content").glob("*.html")):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["expected"]
        body = expected.get("cleaned_text", "")
        if len(body) >= 60:  # (A few pages expect only a fragment: nothing to start from.)
            check_start(score, page.stem, read(page, folder), body)
    return score


def newspaper(root: Path, folder: Path) -> accuracy.Score:
    score = accuracy.Score()
    for page in sorted((root / "html").glob("*.html")):
        article = read(page, folder)
        text = root / "txt" / f"{page.stem}.txt"
        if text.exists() and len(text.read_text(encoding="utf-8")) >= 60:
            check_start(score, page.stem, article, text.read_text(encoding="utf-8"))
        meta = root / "metadata" / f"{page.stem}.json"
        if meta.exists():
            expected = json.loads(meta.read_text(encoding="utf-8"))
            if expected.get("title"):
                check_title(score, page.stem, article, expected["title"])
            if expected.get("publish_date"):
                check_day(score, page.stem, article, expected["publish_date"])
    return score


def mediacloud(root: Path, folder: Path) -> accuracy.Score:
    score = accuracy.Score()
    truth = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    for entry in truth.values():
        day = entry.get("date")
        if isinstance(day, str) and day[:4].isdigit():  # ("nan": a page with no date)
            check_day(score, entry["file"], read(root / "test_set" / entry["file"], folder), day)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goose", type=Path, help="goose3's tests/data")
    parser.add_argument("--newspaper", type=Path, help="newspaper4k's tests/data")
    parser.add_argument("--mediacloud", type=Path, help="htmldate's tests")
    parser.add_argument("--failures", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    sets: dict[str, tuple[Path | None, Callable[[Path, Path], accuracy.Score]]] = {
        "goose": (args.goose, goose),
        "newspaper": (args.newspaper, newspaper),
        "mediacloud": (args.mediacloud, mediacloud),
    }
    scores = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, (root, scorer) in sets.items():
            if root is not None:
                scores[name] = scorer(root, Path(scratch))
    if not scores:
        parser.error("name at least one set")
    print_scores(scores, failures=args.failures)


def print_scores(scores: dict[str, accuracy.Score], *, failures: bool, width: int = 12) -> None:
    """Each set's figures, a line per field (sets named in `width` columns), then with
    `failures` every failure."""
    print(f"{'set':<{width}} {'field':<10} {'right':>6} {'total':>6} {'%':>7}")
    for name, score in scores.items():
        for field, total in score.total.items():
            right = score.correct[field]
            print(f"{name:<{width}} {field:<10} {right:>6} {total:>6} {100 * right / total:>6.1f}%")
    if failures:
        for name, score in scores.items():
            for failure in score.failures:
                print(f"{name}: {failure}")


if __name__ == "__main__":
    main()
