"""Imported annotations attach to their articles, and highlights follow their text when files
move or change: the issue's scenarios on the seed article, through the `newsread` command.

The seed (`../shared/seeds/000_…txt`, a TODAY.AZ article with a URL line) is copied into a
temporary library; the W3C annotations are the shapes Hypothesis and other tools export.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from builders import SHARED

from newsread.index.annotations import AnnotationStore, placing
from newsread.index.library import Library
from newsread.index.paths import annotations_path
from newsread.tui.cli import main

SEED = SHARED / "seeds" / "000_da711241ed4bda25.txt"
URL = "http://www.today.az/news/regions/161776.html"
TITLE = "Putin, Macron meet amid strained French-Russian ties"
QUOTE = "Any use of chemical weapons"
PREFIX = '"'
SUFFIX = " [in Syria] will see a prompt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is missing")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / "seed.txt")
    assert main(["index", "-q", str(root)]) == 0
    return root


def body(root: Path) -> str:
    library = Library(root).open()
    try:
        [article] = library.docs.articles(library.docs.all_keys()).values()
        return article.body
    finally:
        library.close()


def annotation(*selectors: dict[str, Any], note: str = "") -> dict[str, Any]:
    made: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/ZmFrZS1pZA",
        "type": "Annotation",
        "motivation": "commenting" if note else "highlighting",
        "created": "2024-03-02T10:00:00Z",
        "target": {"source": URL, "selector": list(selectors)},
    }
    if note:
        made["body"] = [{"type": "TextualBody", "value": note, "format": "text/plain"}]
    return made


QUOTE_SELECTOR = {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": PREFIX, "suffix": SUFFIX}


def position_selector(text: str) -> dict[str, Any]:
    start = text.index(QUOTE)
    return {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)}


def import_(tmp_path: Path, root: Path, *annotations: dict[str, Any]) -> None:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(list(annotations)), encoding="utf-8")
    assert main(["import", str(path), "--library", str(root)]) == 0


def export(root: Path, tmp_path: Path, form: str) -> str:
    target = tmp_path / f"export.{form}"
    assert main(["export", "--library", str(root), "--format", form, "-o", str(target)]) == 0
    return target.read_text(encoding="utf-8")


def exported_highlight(root: Path, tmp_path: Path) -> dict[str, Any]:
    annotations = json.loads(export(root, tmp_path, "json"))["first"]["items"]
    [item] = [a for a in annotations if "selector" in a["target"]]
    return item


@pytest.mark.parametrize("shape", ["quote only", "position only", "both"])
def test_a_w3c_annotation_attaches_by_url_and_takes_the_articles_citation(
    library: Path, tmp_path: Path, shape: str
) -> None:
    text = body(library)
    selectors = {
        "quote only": [QUOTE_SELECTOR],
        "position only": [position_selector(text)],
        "both": [QUOTE_SELECTOR, position_selector(text)],
    }[shape]
    import_(tmp_path, library, annotation(*selectors, note="Red line."))
    item = exported_highlight(library, tmp_path)
    assert item["newsread:status"] != "orphaned"
    [position] = [s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector"]
    assert text[position["start"] : position["end"]] == QUOTE
    cited = item["newsread:article"]
    assert (cited["title"], cited["path"], cited["source"]) == (TITLE, "seed.txt", "TODAY.AZ")
    markdown = export(library, tmp_path, "md")
    assert f"## {TITLE}" in markdown
    assert "no longer in the article" not in markdown
    assert f"> {QUOTE}" in markdown and "Red line." in markdown


def test_a_quote_that_is_not_in_the_article_stays_orphaned(library: Path, tmp_path: Path) -> None:
    missing = dict(QUOTE_SELECTOR, exact="Any use of nuclear weapons in Atlantis")
    import_(tmp_path, library, annotation(missing))
    item = exported_highlight(library, tmp_path)
    assert item["newsread:status"] == "orphaned"
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]


def test_positions_follow_the_text_when_the_file_moves_and_changes(
    library: Path, tmp_path: Path
) -> None:
    text = body(library)
    import_(tmp_path, library, annotation(QUOTE_SELECTOR, position_selector(text)))
    # Move the file into a subfolder and insert a paragraph above the passage.
    lines = (library / "seed.txt").read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if "stressed that dialogue" in line)
    edited = "\n".join([*lines[:at], "An inserted paragraph, for testing.", "", *lines[at:]])
    (library / "seed.txt").unlink()
    (library / "world").mkdir()
    (library / "world" / "seed.txt").write_text(edited, encoding="utf-8")
    assert main(["index", "-q", str(library)]) == 0

    # The indexer re-anchored the highlight: the store itself is current, before any export.
    new_text = body(library)
    with AnnotationStore.open(annotations_path()) as store:
        [highlight] = store.all_highlights()
    assert highlight.start == new_text.index(QUOTE) != text.index(QUOTE)
    assert new_text[highlight.start : highlight.end] == QUOTE  # type: ignore[index]
    assert highlight.article.path == "world/seed.txt"

    item = exported_highlight(library, tmp_path)
    [position] = [s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector"]
    assert new_text[position["start"] : position["end"]] == QUOTE
    assert item["newsread:article"]["path"] == "world/seed.txt"


@pytest.mark.parametrize(
    "names", ["in the library", "./ in the library", "absolute", "file: URL", "from here"]
)
def test_an_annotation_naming_the_articles_file_attaches_to_it(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: str
) -> None:
    """Tools and hand-made files name a local article by its file, not a URL: it was kept
    under that name alone, never shown with the article (an export section titled by a hash)."""
    monkeypatch.chdir(tmp_path)
    source = {
        "in the library": "seed.txt",
        "./ in the library": "./seed.txt",
        "absolute": str(library / "seed.txt"),
        "file: URL": (library / "seed.txt").as_uri(),
        "from here": "library/seed.txt",
    }[names]
    made = annotation(QUOTE_SELECTOR, note="Red line.")
    made["target"]["source"] = source
    import_(tmp_path, library, made)
    item = exported_highlight(library, tmp_path)
    assert item["newsread:status"] != "orphaned"
    assert (item["newsread:article"]["title"], item["target"]["source"]) == (TITLE, URL)
    assert f"## {TITLE}" in export(library, tmp_path, "md")


def test_files_named_from_a_working_folder_since_deleted_are_still_looked_up(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Looking up a relative name from a folder that is gone raised FileNotFoundError, and the
    # highlights view (which attaches first) listed nothing.
    made = annotation(QUOTE_SELECTOR, note="Red line.")
    made["target"]["source"] = "seed.txt"
    elsewhere = {**annotation(QUOTE_SELECTOR, note="Not here."), "id": "urn:other"}
    elsewhere["target"] = {**made["target"], "source": "other/file.txt"}  # no such article
    import_(tmp_path, library, made, elsewhere)
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    opened = Library(library).open()
    try:
        placing.place_all(opened, opened.annotations)
        titles = {h.note: h.article.title for h in opened.annotations.all_highlights()}
        assert titles == {"Red line.": TITLE, "Not here.": ""}
    finally:
        opened.close()


def test_a_hypothesis_jsonld_export_attaches_despite_page_offsets(
    library: Path, tmp_path: Path
) -> None:
    """Hypothesis's JSON-LD: a list target, a RangeSelector, and positions in the web page's
    text (not newsread's body): the quote and its context decide."""
    text = body(library)
    hypothesis = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "https://hypothes.is/a/3Nd2dXYz",
        "created": "2024-03-02T10:00:00.000000+00:00",
        "modified": "2024-03-02T10:05:00.000000+00:00",
        "creator": "acct:reader@hypothes.is",
        "body": [{"type": "TextualBody", "value": "Red line, again.", "format": "text/markdown"}],
        "target": [
            {
                "source": URL,
                "selector": [
                    {
                        "type": "RangeSelector",
                        "startSelector": {"type": "XPathSelector", "value": "/div[1]/p[14]"},
                        "endSelector": {"type": "XPathSelector", "value": "/div[1]/p[14]"},
                        "startOffset": 1,
                        "endOffset": 28,
                    },
                    {"type": "TextPositionSelector", "start": 4012, "end": 4039},
                    QUOTE_SELECTOR,
                ],
            }
        ],
    }
    import_(tmp_path, library, hypothesis)
    item = exported_highlight(library, tmp_path)
    assert item["newsread:status"] != "orphaned"
    [position] = [s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector"]
    assert (position["start"], text[position["start"] : position["end"]]) == (
        text.index(QUOTE),
        QUOTE,
    )
    assert item["body"][0]["value"] == "Red line, again."
