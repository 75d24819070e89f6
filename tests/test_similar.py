"""More like this: key terms, ranking, the article itself left out, filters, bad ids."""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from builders import write_article

from newsread.index import LibraryError, NothingToSearch, UnknownArticle
from newsread.index.engine import similar as similar_module
from newsread.index.engine.schema import text_analyzer
from newsread.index.library import Library

SHIPPING = [
    (
        "Harbour cranes idle as dockers strike",
        "Dockers at the harbour walked out; cranes and container ships stood idle at the quay.",
    ),
    (
        "Container ships queue outside the harbour",
        "Ships carrying containers queued for days; the harbour master blamed the dockers' strike.",
    ),
    (
        "Dockers return to the quay",
        "The strike ended and dockers returned to the cranes; container ships began unloading at the harbour.",
    ),
]
FOOTBALL = [
    (
        "Striker scores twice in derby",
        "The striker scored twice as the home team won the derby; the goalkeeper saved a penalty.",
    ),
    (
        "Goalkeeper saves penalty in cup tie",
        "A late penalty was saved by the goalkeeper, and the team went through to the cup final.",
    ),
]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    for n, (title, body) in enumerate(SHIPPING):
        source = "BALTIC WIRE" if n % 2 else "HARBOUR GAZETTE"
        date = f"{[2, 9, 5][n]} May 2017 [10:00]"
        write_article(root, f"shipping/{n}.txt", title, body, source=source, date=date)
    for n, (title, body) in enumerate(FOOTBALL):
        write_article(root, f"football/{n}.txt", title, body, section="Sport")
    write_article(root, "empty.txt", "It is", "It is; it is not, and it is.")
    opened = Library(root).open()
    opened.update()
    return opened


def test_most_like_an_article_are_on_its_topic_and_it_is_left_out(library: Library) -> None:
    results = library.similar("shipping/0.txt")
    keys = [hit.key for hit in results.hits]
    assert "shipping/0.txt" not in keys
    assert set(keys[:2]) == {"shipping/1.txt", "shipping/2.txt"}
    assert results.total == len(results.hits)
    assert results.query == "like: Harbour cranes idle as dockers strike"
    assert results.sort == "relevance"
    assert [h.score for h in results.hits] == sorted((h.score for h in results.hits), reverse=True)
    assert "harbour" in results.terms  # key terms: what snippets and the article view mark


def test_the_list_names_its_stories_and_leaves_out_the_articles_own_versions(
    tmp_path: Path,
) -> None:
    """`similar` said no stories ("stories" 0, each hit's versions 0), and listed the
    article's copies (the page saved twice, the wire story re-published) as most like it."""
    rng = random.Random(7)
    words = [
        "".join(rng.choice("bdklmnprstv") + rng.choice("aeiou") for _ in range(3))
        for _ in range(200)
    ]

    def prose(vocabulary: list[str], sentences: int) -> str:
        return " ".join(
            " ".join(rng.choice(vocabulary) for _ in range(10)).capitalize() + "."
            for _ in range(sentences)
        )

    shared = words[:10]  # the telling words the two stories share, often
    told = prose(shared * 6 + words[10:80], 12)
    other = prose(shared * 6 + words[80:150], 12)
    root = tmp_path / "library"
    for n in range(6):  # the rest of the library, on other words
        write_article(root, f"other/{n}.txt", f"Other {n}", prose(words[150:], 6))
    write_article(root, "a.txt", "Quay to close", told)
    write_article(root, "a-copy.txt", "Quay to close", told, source="OTHER WIRE")
    write_article(root, "b.txt", "Quay stays open", other)
    write_article(root, "b-copy.txt", "Quay stays open", other, source="OTHER WIRE")
    library = Library(root).open()
    library.update()
    results = library.similar("a.txt")
    assert sorted(hit.key for hit in results.hits) == ["b-copy.txt", "b.txt"]
    assert (results.total, results.stories) == (2, 1)
    for hit in results.hits:
        assert hit.story == library.search("stays").hits[0].story
        assert hit.versions == 1 and [v.key for v in hit.others] == sorted(
            {"b.txt", "b-copy.txt"} - {hit.key}
        )


def test_the_article_can_be_named_by_id_or_path(library: Library) -> None:
    article = library.find("football/0.txt")[0]
    by_id = library.similar(article.id)
    by_path = library.similar("football/0.txt")
    assert [h.key for h in by_id.hits] == [h.key for h in by_path.hits]
    assert by_path.hits[0].key == "football/1.txt"


def test_filters_narrow_the_list(library: Library) -> None:
    results = library.similar("shipping/0.txt", filters={"source": "BALTIC WIRE"})
    assert [hit.key for hit in results.hits] == ["shipping/1.txt"]
    assert dict(results.facets["source"]) == {"BALTIC WIRE": 1}
    assert library.similar("shipping/0.txt", filters={"section": "Sport"}).hits == ()


def test_a_period_from_the_timeline_narrows_the_list_and_the_list_has_its_timeline(
    library: Library,
) -> None:
    # A search narrowed to a week on its timeline, then L: "unknown filter 'date'".
    narrowed = library.similar("shipping/0.txt", filters={"date": "2017-05-04..2017-05-06"})
    assert [hit.key for hit in narrowed.hits] == ["shipping/2.txt"]
    timeline = library.similar("shipping/0.txt").timeline
    assert timeline is not None and timeline.buckets
    assert (timeline.first, timeline.last) == (date(2017, 5, 5), date(2017, 5, 9))
    assert sum(b.count for b in timeline.buckets) == 2  # the two dated shipping articles
    assert library.similar("shipping/0.txt", facets=False).timeline is None


def test_a_period_narrows_the_list_to_articles_dated_wholly_inside_it(library: Library) -> None:
    # Dated by May 2017 alone (stored on 1 May): not known to be from its first week.
    (_, body), root = SHIPPING[1], library.root
    (root / "month.md").write_text(f"---\ntitle: Ships queue\ndate: 2017-05\n---\n{body}\n")
    library.update()
    narrowed = library.similar("shipping/0.txt", filters={"date": "2017-05-01..2017-05-07"})
    assert [hit.key for hit in narrowed.hits] == ["shipping/2.txt"]
    may = library.similar("shipping/0.txt", filters={"date": "2017-05"})
    assert sorted(hit.key for hit in may.hits) == ["month.md", "shipping/1.txt", "shipping/2.txt"]
    assert may.timeline is not None and may.timeline.left_out == 1  # by day


def test_the_list_can_be_ordered_by_date(library: Library) -> None:
    by_score = library.similar("shipping/1.txt")
    newest = library.similar("shipping/1.txt", sort="newest")
    oldest = library.similar("shipping/1.txt", sort="oldest")
    assert {h.key for h in newest.hits} == {h.key for h in by_score.hits}
    assert newest.sort == "newest" and oldest.sort == "oldest"
    dates = [h.published for h in newest.hits]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    assert [h.published for h in oldest.hits] == sorted(dates)


def test_limit_and_offset_page_through_the_list(library: Library) -> None:
    whole = [h.key for h in library.similar("shipping/1.txt", limit=10).hits]
    pages = [h.key for h in library.similar("shipping/1.txt", limit=1, offset=0).hits] + [
        h.key for h in library.similar("shipping/1.txt", limit=10, offset=1).hits
    ]
    assert pages == whole


def test_an_article_without_telling_words_says_so(library: Library) -> None:
    with pytest.raises(NothingToSearch, match="nothing to compare"):
        library.similar("empty.txt")


def test_an_unknown_id_or_path_is_one_clear_error(library: Library) -> None:
    with pytest.raises(UnknownArticle, match="no-such.txt: no article"):
        library.similar("no-such.txt")


def test_a_deleted_article_is_unknown_and_never_similar(library: Library) -> None:
    (library.root / "shipping/2.txt").unlink()
    library.update()
    with pytest.raises(UnknownArticle):
        library.similar("shipping/2.txt")
    assert "shipping/2.txt" not in {h.key for h in library.similar("shipping/0.txt").hits}


def test_a_file_of_several_articles_needs_an_id(tmp_path: Path) -> None:
    root = tmp_path / "feed"
    root.mkdir()
    items = ",".join(
        f'{{"title": "Harbour story {n}", "text": "Dockers and cranes at the harbour, day {n}."}}'
        for n in range(2)
    )
    (root / "feed.json").write_text(f"[{items}]", encoding="utf-8")
    library = Library(root).open()
    library.update()
    if len(library.find("feed.json")) < 2:
        pytest.skip("this JSON layout is read as one article")
    with pytest.raises(UnknownArticle, match="holds 2 articles"):
        library.similar("feed.json")


def test_an_id_of_one_text_in_two_files_asks_for_a_path(tmp_path: Path) -> None:
    # The same text in two files has one id: "holds 2 articles; name one by its id" asked
    # for what had been named.
    root = tmp_path / "copies"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        text = "Harbour cranes\n\nDockers and cranes at the harbour worked all night.\n"
        if name == "c.txt":
            text = "Harbour night shift\n\nCranes at the harbour and dockers on the quay.\n"
        (root / name).write_text(text, encoding="utf-8")
    library = Library(root).open()
    library.update()
    [article_id] = {a.id for a in library.find("a.txt") + library.find("b.txt")}
    with pytest.raises(
        UnknownArticle, match="id of 2 articles .*: a.txt, b.txt; name one by its path"
    ):
        library.similar(article_id)
    assert "b.txt" in [h.key for h in library.similar("a.txt").hits]  # named by its path


def test_a_damaged_index_is_one_clear_error_and_rebuilt(library: Library) -> None:
    index_dir = library.index_dir
    library.close()
    [postings] = [
        f for f in index_dir.iterdir() if f.name.startswith("MAIN_") and f.suffix == ".pst"
    ]
    postings.write_bytes(bytes(postings.stat().st_size))  # same size, nothing readable
    damaged = Library(library.root).open()
    with pytest.raises(LibraryError, match=r"^the index is damaged \(.+\); newsread rebuilds it"):
        damaged.similar("shipping/0.txt")
    damaged.close()
    assert Library(library.root).open().notice.startswith("index rebuilt")


# -- against slow, obviously right twins, on random libraries ------------------------------


WORDS = [
    f"{a}{b}"
    for a in ("harb", "dock", "grain", "vot", "gol", "rive")
    for b in ("a", "ir", "on", "ex")
]


def _random_library(root: Path, rng: random.Random) -> Library:
    for n in range(rng.randint(4, 14)):
        title = " ".join(rng.choices(WORDS, k=rng.randint(1, 4)))
        body = " ".join(rng.choices(WORDS[: rng.randint(3, len(WORDS))], k=rng.randint(1, 40)))
        write_article(root, f"{n}.txt", title or "x", body, source=rng.choice(["A WIRE", "B WIRE"]))
    library = Library(root).open()
    library.update()
    return library


def _naive_key_terms(library: Library, key: str) -> list[tuple[str, float]]:
    """Key terms with document frequencies counted by reading every article's text."""
    analyse = text_analyzer()
    articles = library.docs.articles(library.docs.all_keys())

    def terms(text: str) -> list[str]:
        return [token.text for token in analyse(text)]

    df = Counter(t for a in articles.values() for t in set(terms(a.body)))
    article = articles[key]
    tf = Counter(terms(article.body))
    for t in terms(article.title):
        tf[t] += similar_module.TITLE_WEIGHT
    total = len(articles)
    most = max(similar_module.MIN_COMMON, int(total * similar_module.MAX_TERM_SHARE))
    weighted = [
        (t, (1 + math.log(n)) * math.log(total / df[t]))
        for t, n in tf.items()
        if 2 <= df[t] <= most and df[t] < total
    ]
    weighted.sort(key=lambda pair: (-pair[1], pair[0]))
    chosen: list[tuple[str, float]] = []
    for term, weight in weighted:  # within the postings budget, the best first
        if sum(df[t] for t, _ in chosen) + df[term] <= similar_module.MAX_POSTINGS:
            chosen.append((term, weight))
    return chosen[: similar_module.KEY_TERMS]


@pytest.mark.parametrize("seed", range(6))
def test_key_terms_and_ranking_agree_with_naive_twins(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    if seed % 2:  # a budget small enough to skip terms
        monkeypatch.setattr(similar_module, "MAX_POSTINGS", rng.randint(2, 30))
    library = _random_library(tmp_path / f"lib{seed}", rng)
    keys = sorted(library.docs.all_keys())
    key = rng.choice(keys)
    with library.searcher() as searcher:
        found = similar_module.key_terms(searcher, library.docs.article(key))
    expected = _naive_key_terms(library, key)
    assert [t for t, _ in found] == [t for t, _ in expected], f"seed {seed}"
    assert [w for _, w in found] == pytest.approx([w for _, w in expected]), f"seed {seed}"
    try:
        fast = library.similar(key, limit=50, snippets=False)
    except NothingToSearch:
        assert not expected, f"seed {seed}"
        return
    # Whoosh's own matchers, instead of the posting-list evaluator, rank the same way.
    monkeypatch.setattr(similar_module.postings, "evaluate", lambda *a, **k: None)
    slow = library.similar(key, limit=50, snippets=False)
    assert key not in {h.key for h in fast.hits}
    assert [h.key for h in fast.hits] == [h.key for h in slow.hits], f"seed {seed}"
    assert [h.score for h in fast.hits] == pytest.approx([h.score for h in slow.hits])


def _likes(library: Library, keys: list[str]) -> list[list[tuple[str, float]] | str]:
    """Each article's whole "more like this" list, or why there is none."""
    found: list[list[tuple[str, float]] | str] = []
    for key in keys:
        try:
            hits = library.similar(key, limit=similar_module.MAX_SIMILAR, snippets=False).hits
        except NothingToSearch:
            found.append("nothing to compare")
            continue
        found.append([(hit.key, round(hit.score, 9)) for hit in hits])
    return found


@pytest.mark.parametrize("seed", range(4))
def test_a_library_after_deletions_is_like_a_fresh_build_of_what_is_left(
    tmp_path: Path, seed: int
) -> None:
    """Whoosh counts deleted articles in its statistics until their segment merges (a small
    library's never does): after most articles sharing a word were deleted, "more like this"
    took the word for a common one, and found nothing like any article. Library B, built
    with more articles (in two updates, so two segments) that are then deleted, has the
    lists of A, built fresh from the articles B keeps."""
    rng = random.Random(seed)
    kept = [
        (" ".join(rng.choices(WORDS, k=3)), " ".join(rng.choices(WORDS, k=rng.randint(5, 60))))
        for _ in range(rng.randint(8, 20))
    ]
    shared = rng.sample(WORDS, 3)  # the words most of the deleted articles have
    gone = [
        ("gone", " ".join(rng.choices(WORDS, k=rng.randint(5, 60)) + shared * rng.randint(1, 3)))
        for _ in range(rng.randint(20, 40))
    ]
    fresh, churned = tmp_path / "a", tmp_path / "b"
    for n, (title, body) in enumerate(kept):
        write_article(fresh, f"{n}.txt", title, body)
        write_article(churned, f"{n}.txt", title, body)
    a = Library(fresh).open()
    a.update()
    b = Library(churned).open()
    half = len(gone) // 2
    for batch in (gone[:half], gone[half:]):
        for n, (title, body) in enumerate(batch, start=len(list(churned.iterdir()))):
            write_article(churned, f"{n}.txt", title, body)
        b.update()
    for n in range(len(kept), len(kept) + len(gone)):
        (churned / f"{n}.txt").unlink()
    b.update()
    keys = sorted(a.docs.all_keys())
    assert sorted(b.docs.all_keys()) == keys
    assert _likes(b, keys) == _likes(a, keys), f"seed {seed}"
