"""A word finds the article however either of them wrote it: composed or decomposed accents,
ligatures, full-width letters, any case (NFKC + case fold on both sides)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from builders import write_article

from newsread.index.library import Library

NFD = unicodedata.normalize("NFD", "café")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    write_article(
        root,
        "cafe.txt",
        "Harbour news",
        f"The new {NFD} on the quay opened to queues.",
    )
    write_article(root, "finance.txt", "Budget week", "The \ufb01nance minister spoke at noon.")
    write_article(root, "kelmor.txt", "Port report", "The mayor of Ｋｅｌｍｏｒ cut the ribbon.")
    write_article(root, "titles/a.txt", f"{NFD.upper()} prices", "Prices rose again.")
    write_article(root, "titles/b.txt", "\ufb01nance bill", "It passed.")
    write_article(root, "titles/c.txt", "ＫＥＬＭＯＲ votes", "It voted.", byline="By José Ñúñez")
    library = Library(root).open()
    library.update()
    return library


def _paths(library: Library, query: str) -> list[str]:
    return sorted(hit.path for hit in library.search(query).hits)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("café", ["cafe.txt", "titles/a.txt"]),
        (NFD, ["cafe.txt", "titles/a.txt"]),
        ("CAFÉ", ["cafe.txt", "titles/a.txt"]),
        ("finance", ["finance.txt", "titles/b.txt"]),
        ("\ufb01nance", ["finance.txt", "titles/b.txt"]),
        ("kelmor", ["kelmor.txt", "titles/c.txt"]),
        ("ｋｅｌｍｏｒ", ["kelmor.txt", "titles/c.txt"]),
        ("title:kelmor", ["titles/c.txt"]),
        ("title:café", ["titles/a.txt"]),
        ('"finance minister"', ["finance.txt"]),
        ("author:nunez", []),  # folding keeps accents: ñ is not n
        (f"author:{unicodedata.normalize('NFD', 'ñúñez')}", ["titles/c.txt"]),
    ],
)
def test_query_and_article_are_folded_alike(
    library: Library, query: str, expected: list[str]
) -> None:
    assert _paths(library, query) == expected


def test_matches_are_highlighted_in_the_text_as_written(library: Library) -> None:
    for query, word in (("kelmor", "Ｋｅｌｍｏｒ"), ("finance", "\ufb01nance"), ("café", NFD)):
        hit = next(h for h in library.search(query).hits if "titles/" not in h.path)
        spans = hit.snippet.spans
        assert [hit.snippet.text[s:e] for s, e in spans] == [word]


def test_an_index_from_before_folding_is_rebuilt_and_annotations_kept(library: Library) -> None:
    article = library.docs.article(library.search("kelmor").hits[0].key)
    assert article is not None
    library.annotations.add_tags(article, "port")
    meta = library.index_dir / "newsread.json"
    library.close()
    meta.write_text('{"schema": 4}')  # the last version that lower-cased without folding
    reopened = Library(library.root).open()
    assert reopened.notice == "index rebuilt: newsread's index format changed"
    reopened.update()
    assert _paths(reopened, "ｋｅｌｍｏｒ tag:port") == [article.path]
