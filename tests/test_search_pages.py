"""Pages of a search: `offset` and `limit` slice the one ranking a single search makes."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from builders import write_article

from newsread.index.library import Library

WORDS = "harbour grain ferry council flood market quota sugar".split()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("pages")
    rng = random.Random(13)
    for n in range(120):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40)))
        day = "" if n % 17 == 0 else f"{1 + n % 28} May {2010 + n % 9} [12:00]"
        write_article(root, f"a{n:03}.txt", f"Report {n} {rng.choice(WORDS)}", body, date=day)
    # Its own home: a module's fixture comes before the per-test one (conftest), and without
    # it the index went to the user's own cache folder.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NEWSREAD_HOME", str(root.parent / "home"))
        library = Library(root).open()
        library.update()
        yield library
        library.close()


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("query", ["", "harbour", "grain OR sugar", "report"])
def test_pages_put_together_are_the_whole_list(library: Library, query: str, sort: str) -> None:
    whole = library.search(query, sort=sort, limit=1000)
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    keys: list[str] = []
    offset = 0
    while offset < whole.total:
        size = rng.randint(1, 25)
        page = library.search(query, sort=sort, limit=size, offset=offset, suggest=False)
        assert page.total == whole.total, f"seed {seed}"
        keys.extend(hit.key for hit in page.hits)
        offset += size
    assert keys == [hit.key for hit in whole.hits], f"seed {seed}"
    assert not library.search(query, sort=sort, offset=whole.total).hits
