"""Page-text reading on HTML pages the page-text rules were never fitted on: each page is
rendered to text as `../shared/corpora/pagetext/render.py` renders the DEV sets (inscriptis'
default `get_text`, the same byte decoding), saved under a neutral name (a hash: a saved
page's name would name its headline) and read with `read_articles`.

    .venv/bin/python tests/benchmarks/rendered_pages.py --inscriptis DIR
        [--readability ../shared/corpora/readability] [--goose DIR] [--failures]

inscriptis is no dependency of newsread: install it apart, `uv pip install --target DIR
inscriptis`, and pass that DIR. Sets:
- readability (`<case>/source.html`, `expected-metadata.json`): title, byline, date, scored
  as tests/accuracy.py scores readability's fields, only where the expected value is visible
  in the text (the date: always).
- goose (`goose3`'s `tests/data/content`: `NAME.html` beside `NAME.json`, whose
  `expected.cleaned_text` is the article's body): start, start+sf and lede, as for zyte-text,
  where the body's first 60 characters are visible in the text.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
RENDER = TESTS.parents[1] / "shared" / "corpora" / "pagetext" / "render.py"
sys.path.insert(0, str(TESTS))

import accuracy  # noqa: E402

from newsread.index.errors import UnreadableFile  # noqa: E402
from newsread.index.files.reader import read_articles  # noqa: E402


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Tally:
    """Correct/total counts per field and the failures."""

    def __init__(self) -> None:
        self.correct: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.failures: list[str] = []

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.total[name] += 1
        self.correct[name] += ok
        if not ok:
            self.failures.append(f"{name}: {detail}")


def _read(html: bytes, render: ModuleType, folder: Path, name: str) -> tuple[Any, str]:
    """The article read from `html` rendered to text, or None, and the text (collapsed)."""
    text, _ = render.decode(html)
    path = folder / f"{hashlib.sha1(name.encode()).hexdigest()[:20]}.txt"
    path.write_text(render.get_text(text), encoding="utf-8")
    try:
        article = next(iter(read_articles(path, folder)), None)
    except UnreadableFile:
        article = None
    return article, accuracy.page_text(path)


def readability(root: Path, render: ModuleType, folder: Path, tally: Tally) -> None:
    for case in sorted(p for p in root.iterdir() if (p / "source.html").exists()):
        meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        article, text = _read((case / "source.html").read_bytes(), render, folder, case.name)
        title, byline, date = meta.get("title"), meta.get("byline"), meta.get("publishedTime")
        if title and accuracy.visible(title, text):
            ok, got = accuracy.check_title(article, title) if article else (False, "")
            tally.check("title", ok, f"{case.name}: {got!r} vs {title!r}")
        if byline and accuracy.name_words(byline) and accuracy.visible(byline, text):
            ok, got = accuracy.check_byline(article, byline) if article else (False, "")
            tally.check("byline", ok, f"{case.name}: {got} vs {byline!r}")
        if date:
            ok, got = accuracy.check_published(article, date) if article else (False, "")
            tally.check("date", ok, f"{case.name}: {got} vs {date}")


def goose(root: Path, render: ModuleType, folder: Path, tally: Tally) -> None:
    for page in sorted(root.glob("*.html")):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["expected"]
        body = expected.get("cleaned_text", "")
        article, text = _read(page.read_bytes(), render, folder, page.stem)
        if not body or not accuracy.visible(body[:60], text):
            continue
        head = accuracy.loose(body)[:60]
        ours = accuracy.loose(article.body) if article else ""
        paragraphs = [accuracy.loose(p) for p in article.paragraphs] if article else []
        standfirst = (
            len(paragraphs) > 1
            and len(paragraphs[0]) <= 400
            and paragraphs[0] not in accuracy.loose(body)
            and paragraphs[1].startswith(head)
        )
        tally.check("start", ours.startswith(head), f"{page.stem}: {ours[:60]!r} vs {head!r}")
        tally.check("start+sf", ours.startswith(head) or standfirst, page.stem)
        tally.check("lede", head in ours, f"{page.stem}: dropped {head!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inscriptis", type=Path, required=True, help="where inscriptis is")
    parser.add_argument("--readability", type=Path, default=accuracy.CORPORA / "readability")
    parser.add_argument("--goose", type=Path, help="goose3's tests/data/content")
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(args.inscriptis))
    render = _module(RENDER)
    for name, run, root in (
        ("readability", readability, args.readability),
        ("goose", goose, args.goose),
    ):
        if root is None:
            continue
        tally = Tally()
        with tempfile.TemporaryDirectory() as folder:
            run(root, render, Path(folder), tally)
        for field, total in tally.total.items():
            print(f"{name:12} {field:9} {total:5} {100 * tally.correct[field] / total:6.1f}%")
        if args.failures:
            print("\n".join(f"  {failure}" for failure in tally.failures))


if __name__ == "__main__":
    main()
