"""The bundled sample library is read exactly as `tests/sample_expected.json` says.

The manifest is the contract for every article file under `sample_articles/`: what a
correct reader must produce for title, source, section, date, bylines, URL, language and
where the body starts and ends. The inventory tests keep the manifest and the folder in
step and make sure the sample library keeps its variety (formats, encodings, outlets,
years) - the README, the demo and several search tests rely on it.
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"
MANIFEST_PATH = Path(__file__).with_name("sample_expected.json")
MANIFEST: dict[str, dict[str, Any]] = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
SEED = "000_da711241ed4bda25.txt"

FIELDS = (
    "title",
    "source",
    "section",
    "published",
    "authors",
    "credit",
    "url",
    "language",
    "first_paragraph_starts",
    "last_paragraph_ends",
)

FORMAT_SUFFIXES = {
    "text": (".txt",),
    "html": (".html", ".htm"),
    "markdown": (".md", ".markdown"),
    "json": (".json", ".jsonl"),
}


def _sample_files() -> list[str]:
    """Every article file in the sample library, as a posix path relative to it."""
    files = []
    for path in SAMPLES.rglob("*"):
        rel = path.relative_to(SAMPLES)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue  # hidden files
        files.append(rel.as_posix())
    return sorted(files)


def _file_of(key: str) -> str:
    return key.split("#", 1)[0]


def _index_of(key: str) -> int:
    """0-based position of the article inside its file ("a.json#2" -> 1)."""
    return int(key.split("#", 1)[1]) - 1 if "#" in key else 0


def _raw_bytes(rel: str) -> bytes:
    data = (SAMPLES / rel).read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _encoding_class(data: bytes) -> str:
    """What the raw bytes say about the encoding (no guessing beyond that)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16 with BOM"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "8-bit legacy"
    return "utf-8"


def _format_of(rel: str) -> str:
    name = rel.removesuffix(".gz")
    for fmt, suffixes in FORMAT_SUFFIXES.items():
        if name.endswith(suffixes):
            return fmt
    return "unknown"


# --- the manifest and the folder agree --------------------------------------------------


def test_every_sample_file_is_in_the_manifest_and_vice_versa() -> None:
    on_disk = set(_sample_files())
    in_manifest = {_file_of(key) for key in MANIFEST}
    assert sorted(on_disk - in_manifest) == [], "files without a manifest entry"
    assert sorted(in_manifest - on_disk) == [], "manifest entries without a file"


def test_the_bundled_library_holds_articles_only() -> None:
    """A new user's first `newsread index` of it says nothing is passed over (an __init__.py
    making it a package showed as "passed over: 2 files … (.py 1, .pyc 1)")."""
    from newsread.index.files.scan import scan_library

    assert scan_library(SAMPLES).other_kinds == {}


def test_multi_article_keys_are_numbered_from_one_without_gaps() -> None:
    numbered: dict[str, list[int]] = {}
    for key in MANIFEST:
        if "#" in key:
            numbered.setdefault(_file_of(key), []).append(_index_of(key) + 1)
    for rel, numbers in numbered.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), rel
        assert len(numbers) > 1, f"{rel}: a single article is keyed without '#n'"
        assert rel not in MANIFEST, f"{rel}: both numbered and unnumbered keys"


def test_manifest_entries_are_complete() -> None:
    for key, fields in MANIFEST.items():
        assert set(fields) == set(FIELDS), key
        assert fields["title"] and fields["first_paragraph_starts"], key
        assert fields["last_paragraph_ends"] and fields["language"], key
        assert isinstance(fields["authors"], list), key


# --- the library keeps its variety ------------------------------------------------------


def test_at_least_forty_articles_besides_the_seed() -> None:
    assert SEED in MANIFEST
    assert len(MANIFEST) - 1 >= 40


def test_all_four_formats_are_present() -> None:
    formats = {_format_of(rel) for rel in _sample_files()}
    assert "unknown" not in formats
    assert formats >= {"text", "html", "markdown", "json"}
    assert any(rel.endswith(".gz") for rel in _sample_files()), "no gzipped file"
    assert any(rel.endswith(".jsonl") for rel in _sample_files()), "no JSON Lines file"


def test_at_least_three_encodings_are_present() -> None:
    classes = {_encoding_class(_raw_bytes(rel)) for rel in _sample_files()}
    assert len(classes) >= 3, classes
    assert "8-bit legacy" in classes
    assert any(b"\r\n" in _raw_bytes(rel) for rel in _sample_files()), "no CRLF file"


def test_sources_languages_and_years_vary() -> None:
    articles = [fields for key, fields in MANIFEST.items() if key != SEED]
    sources = {a["source"] for a in articles if a["source"]}
    assert len(sources) >= 5, sources
    assert {a["language"] for a in articles} >= {"en", "fr", "de", "ru"}
    years = {int(a["published"][:4]) for a in articles if a["published"]}
    assert years <= set(range(2015, 2027)), years
    assert len(years) >= 6, years


# --- a correct reader produces exactly what the manifest says ---------------------------


@functools.cache
def _read(rel: str) -> tuple[Any, ...]:
    reader = pytest.importorskip("newsread.index.files.reader")
    return tuple(reader.read_articles(SAMPLES / rel, SAMPLES))


def _actual(article: Any) -> dict[str, Any]:
    paragraphs = article.paragraphs
    return {
        "title": article.title,
        "source": article.source,
        "section": article.section,
        "published": article.published.isoformat() if article.published else None,
        "authors": list(article.authors),
        "credit": article.credit,
        "url": article.url,
        "language": article.language,
        "first_paragraph_starts": paragraphs[0] if paragraphs else "",
        "last_paragraph_ends": paragraphs[-1] if paragraphs else "",
    }


@pytest.mark.parametrize("key", sorted(MANIFEST))
def test_sample_article_is_read_as_the_manifest_says(key: str) -> None:
    rel = _file_of(key)
    articles = _read(rel)
    expected_count = sum(1 for k in MANIFEST if _file_of(k) == rel)
    assert len(articles) == expected_count, f"{rel}: {len(articles)} articles read"
    article = articles[_index_of(key)]
    assert article.key == key
    assert article.path == rel

    expected = MANIFEST[key]
    actual = _actual(article)
    wrong = {}
    for field in FIELDS:
        want, got = expected[field], actual[field]
        if field == "first_paragraph_starts":
            ok = got.startswith(want)
            got = got[: len(want) + 20]
        elif field == "last_paragraph_ends":
            ok = got.endswith(want)
            got = got[-(len(want) + 20) :]
        else:
            ok = got == want
        if not ok:
            wrong[field] = {"expected": want, "got": got}
    assert not wrong, f"{key}:\n" + json.dumps(wrong, ensure_ascii=False, indent=2)


def test_the_readmes_sample_queries_find_as_many_articles_as_it_says() -> None:
    # The README said `source:"baltic wire"` (11) where the samples have 12.
    import re

    from newsread.index.library import Library

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    tried = readme[readme.index("Try these on the bundled samples") :].split("\n\n", 1)[0]
    said = re.findall(r"`([^`]+)` \((\d+)(?: articles)?\)", tried)
    assert len(said) >= 5
    library = Library(SAMPLES).open()
    library.update()
    assert [(query, library.search(query).total) for query, _ in said] == [
        (query, int(count)) for query, count in said
    ]
