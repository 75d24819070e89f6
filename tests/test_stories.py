"""Stories: versions of one article grouped at index time, kept as files come, change and go,
and folded and counted by search."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from builders import write_article

from newsread.index.engine.stories import (
    SAME_STORY,
    band_hashes,
    resemblance,
    shingles,
    sketch,
)
from newsread.index.library import Library
from newsread.tui.cli import main


def _text(seed: int, words: int = 90) -> str:
    """Made-up prose: a vocabulary of its own per seed, so two seeds share no shingle."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice("bcdfglmnprstvz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(120)
    ]
    sentences = []
    for _ in range(max(1, words // 10)):
        sentence = " ".join(rng.choice(vocabulary) for _ in range(10))
        sentences.append(sentence.capitalize() + ".")
    return " ".join(sentences)


def _version(text: str, seed: int) -> str:
    """Another outlet's version: a dateline, one sentence dropped, a closing line added."""
    rng = random.Random(seed)
    sentences = text.split(". ")
    sentences.pop(rng.randrange(1, len(sentences)))
    return "LONDON, May 30 - " + ". ".join(sentences) + " Officials did not comment further."


def _stories(library: Library) -> dict[str, str]:
    return dict(library.docs.connection.execute("SELECT key, story FROM story_of"))


def _groups(library: Library) -> set[frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, story in library.docs.connection.execute("SELECT key, story FROM story_of"):
        found[story].add(key)
    return {frozenset(keys) for keys in found.values()}


def test_resemblance_is_one_for_a_copy_and_low_for_another_text() -> None:
    one, other = shingles(_text(1)), shingles(_text(2))
    assert resemblance(one, one) == 1.0
    assert resemblance(one, other) < 0.05
    assert resemblance(one, shingles(_version(_text(1), 7))) >= SAME_STORY


def test_sketch_bands_are_the_same_in_another_process() -> None:
    text = _text(3) + " Zürich ﬁnance Straße"
    here = band_hashes(sketch(shingles(text)))
    code = (
        "import json, sys;"
        "from newsread.index.engine.stories import band_hashes, sketch, shingles;"
        "print(json.dumps(band_hashes(sketch(shingles(sys.argv[1])))))"
    )
    there = subprocess.run(
        [sys.executable, "-c", code, text],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert json.loads(there.stdout) == here


def test_a_short_text_fills_every_bin() -> None:
    values = sketch(shingles(_text(4, words=20)))
    assert len(values) == 64 and len(set(values)) > 10


def test_versions_share_a_story_and_others_stand_alone(tmp_path: Path) -> None:
    base = _text(10)
    write_article(tmp_path, "a.txt", "Quay to close", base)
    write_article(tmp_path, "b.txt", "Quay closes", _version(base, 1), source="OTHER")
    write_article(tmp_path, "c/c.txt", "Quay closing", _version(base, 2), source="THIRD")
    write_article(tmp_path, "d.txt", "Wheat rises", _text(11))
    library = Library(tmp_path).open()
    library.update()
    assert _groups(library) == {frozenset({"a.txt", "b.txt", "c/c.txt"}), frozenset({"d.txt"})}


def test_deleting_the_version_that_linked_two_splits_the_story(tmp_path: Path) -> None:
    first, second = _text(20, 60), _text(21, 60)
    write_article(tmp_path, "first.txt", "First", first)
    write_article(tmp_path, "second.txt", "Second", second)
    write_article(tmp_path, "both.txt", "Both", first + " " + second)
    library = Library(tmp_path).open()
    library.update()
    assert _groups(library) == {frozenset({"first.txt", "second.txt", "both.txt"})}
    (tmp_path / "both.txt").unlink()
    Library(tmp_path).open().update()  # another run, another Library
    assert _groups(Library(tmp_path).open()) == {
        frozenset({"first.txt"}),
        frozenset({"second.txt"}),
    }


def test_an_edited_version_leaves_its_story_and_joins_its_new_one(tmp_path: Path) -> None:
    base, other = _text(30), _text(31)
    write_article(tmp_path, "a.txt", "A", base)
    write_article(tmp_path, "b.txt", "B", _version(base, 3))
    write_article(tmp_path, "x.txt", "X", other)
    library = Library(tmp_path).open()
    library.update()
    assert _groups(library) == {frozenset({"a.txt", "b.txt"}), frozenset({"x.txt"})}
    write_article(tmp_path, "b.txt", "B rewritten", _version(other, 4))
    library.update()
    assert _groups(library) == {frozenset({"a.txt"}), frozenset({"b.txt", "x.txt"})}


def test_two_versions_in_one_json_lines_file(tmp_path: Path) -> None:
    base = _text(40)
    records = [
        {"title": "Morning edition", "body": base, "source": "Gazette"},
        {"title": "Evening edition", "body": _version(base, 5), "source": "Gazette"},
        {"title": "Elsewhere", "body": _text(41), "source": "Gazette"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    library = Library(tmp_path).open()
    library.update()
    groups = _groups(library)
    assert len(groups) == 2 and sorted(len(g) for g in groups) == [1, 2]
    (pair,) = [g for g in groups if len(g) == 2]
    assert all(key.startswith("feed.jsonl") for key in pair)


@pytest.mark.parametrize("chunk", [200, 1, 3])
def test_random_runs_keep_the_stories_a_fresh_build_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Files added, rewritten and deleted over several runs end in the stories a library
    built at once from the final files has (the oracle: versions of one made-up text);
    also when an update groups its articles a few at a time as it reads them
    (`indexer.STORY_CHUNK`), before it has read (or removed the old rows of) the others."""
    from newsread.index.engine import indexer

    monkeypatch.setattr(indexer, "STORY_CHUNK", chunk)
    rng = random.Random(1503)
    texts = {n: _text(100 + n) for n in range(6)}
    alive: dict[str, int] = {}  # file -> which text it is a version of
    library_root = tmp_path / "lib"
    library_root.mkdir()
    for run in range(5):
        for _ in range(rng.randint(2, 5)):
            action = rng.random()
            if action < 0.5 or not alive:
                name = f"f{run}-{rng.randrange(1000)}.txt"
                alive[name] = rng.randrange(len(texts))
            elif action < 0.75:
                name = rng.choice(sorted(alive))
                alive[name] = rng.randrange(len(texts))
            else:
                name = rng.choice(sorted(alive))
                del alive[name]
                (library_root / name).unlink()
                continue
            text = _version(texts[alive[name]], rng.randrange(100))
            write_article(library_root, name, name, text)
        Library(library_root).open().update()
        # A library kept open across the runs (as the app is, while another process indexes)
        # reads only the story rows each run changed: it must name the stories a fresh one does.
        if run == 0:
            kept = Library(library_root).open()
        results = kept.search("", limit=1000)
        shown = {hit.key: hit.story for hit in results.hits}
        assert shown == _stories(Library(library_root).open())
        assert results.stories == len(set(shown.values()))  # counted as they are named
        expected: dict[int, set[str]] = defaultdict(set)
        for name, which in alive.items():
            expected[which].add(name)
        assert _groups(Library(library_root).open()) == {frozenset(g) for g in expected.values()}


def _story_library(root: Path) -> Library:
    base = _text(50)
    write_article(root, "a.txt", "Harbour quay closes", base + " Quay.", date="1 June 2017 [10:00]")
    write_article(
        root, "b.txt", "Quay to close", _version(base, 6) + " Quay.", source="OTHER PAPER"
    )
    write_article(root, "c.txt", "Quay repairs", _text(51) + " Quay.", date="2 June 2017 [10:00]")
    write_article(root, "d.txt", "Wheat", _text(52))
    library = Library(root).open()
    library.update()
    return library


def test_a_version_dated_by_its_month_alone_says_so(tmp_path: Path) -> None:
    base = _text(50)
    for name, date, body in (("a", "2019-03", base), ("b", "2019-03-04", _version(base, 6))):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: Quay\ndate: {date}\n---\n\n{body}\n")
    library = Library(tmp_path).open()
    library.update()
    by_key = {hit.key: hit for hit in library.search("").hits}
    assert [(v.key, v.period) for v in by_key["b.md"].others] == [("a.md", "month")]
    assert [(v.key, v.period) for v in by_key["a.md"].others] == [("b.md", "")]


def test_a_storys_versions_are_listed_in_the_order_of_the_date_sorts(tmp_path: Path) -> None:
    """`V` listed a day's versions by their wall clocks (10:00+05:00 after 08:00 UTC), where
    the results list, oldest first, puts them by the instant within the page's day."""
    base = _text(50)
    dates = {"a": "2019-03-04T10:00:00+05:00", "b": "2019-03-04T08:00:00+00:00"}
    dates["c"] = "2019-03-04T12:00:00+00:00"
    for n, (name, date) in enumerate(dates.items()):
        body = _version(base, 6 + n) if n else base
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: Quay\ndate: {date}\n---\n\n{body}\n")
    library = Library(tmp_path).open()
    library.update()
    by_key = {hit.key: hit for hit in library.search("").hits}
    assert [v.key for v in by_key["c.md"].others] == ["a.md", "b.md"]
    assert [h.key for h in library.search("quay", sort="oldest").hits] == ["a.md", "b.md", "c.md"]


def test_hits_name_their_story_and_its_other_versions(tmp_path: Path) -> None:
    library = _story_library(tmp_path)
    results = library.search("quay")
    assert (results.total, results.stories, results.folded) == (3, 2, False)
    by_key = {hit.key: hit for hit in results.hits}
    assert by_key["a.txt"].story == by_key["b.txt"].story != by_key["c.txt"].story
    assert by_key["a.txt"].versions == 1 and by_key["c.txt"].versions == 0
    assert [v.key for v in by_key["a.txt"].others] == ["b.txt"]
    assert by_key["a.txt"].others[0].source == "OTHER PAPER"


def test_folded_results_keep_the_best_ranked_version_of_each_story(tmp_path: Path) -> None:
    library = _story_library(tmp_path)
    for sort in ("relevance", "newest", "oldest"):
        plain = library.search("quay", sort=sort)
        folded = library.search("quay", sort=sort, fold=True)
        assert folded.folded and (folded.total, folded.stories) == (3, 2)
        first_of_each: dict[str, str] = {}
        for hit in plain.hits:
            first_of_each.setdefault(hit.story, hit.key)
        assert [h.key for h in folded.hits] == list(first_of_each.values())
        paged = [library.search("quay", sort=sort, fold=True, limit=1, offset=n) for n in (0, 1)]
        assert [p.hits[0].key for p in paged] == [h.key for h in folded.hits]


# -- the command line ------------------------------------------------------------------------


def test_search_json_gives_each_result_its_story_and_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story_library(tmp_path).close()
    assert main(["search", "quay", "--library", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["stories"], data["folded"]) == (3, 2, False)
    by_key = {r["key"]: r for r in data["results"]}
    assert by_key["a.txt"]["story"] == by_key["b.txt"]["story"] != by_key["c.txt"]["story"]
    assert [by_key[k]["versions"] for k in ("a.txt", "b.txt", "c.txt")] == [1, 1, 0]
    assert by_key["b.txt"]["other_versions"] == [
        {
            "key": "a.txt",
            "title": "Harbour quay closes",
            "source": "HARBOUR GAZETTE",
            "source_from_folder": False,
        }
    ]
    assert main(["search", "quay", "--library", str(tmp_path), "--json", "--fold"]) == 0
    folded = json.loads(capsys.readouterr().out)
    assert folded["folded"] and len(folded["results"]) == 2
    assert len({r["story"] for r in folded["results"]}) == 2


def test_search_fold_prints_one_entry_per_story_with_the_other_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story_library(tmp_path).close()
    assert main(["search", "--fold", "quay", "--library", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "3 articles match in 2 stories" in out
    assert out.count("Quay repairs") == 1
    assert ("Harbour quay closes" in out) != ("Quay to close" in out)  # one of the two versions
    assert "+1 version: " in out
    assert "OTHER PAPER" in out or "HARBOUR GAZETTE" in out


def test_stories_stored_by_a_python_that_hashes_otherwise_are_found_again(
    tmp_path: Path,
) -> None:
    base = _text(60)
    write_article(tmp_path, "a.txt", "A", base)
    write_article(tmp_path, "b.txt", "B", _version(base, 8))
    library = Library(tmp_path).open()
    library.update()
    db = library.docs.connection
    db.execute("UPDATE story_bands SET band = band + 1")  # as another hash function would
    db.execute("UPDATE meta SET value = 'another' WHERE name = 'stories_hash'")
    library.docs.commit()
    write_article(tmp_path, "c.txt", "C", _version(base, 9))
    library.update()
    assert _groups(library) == {frozenset({"a.txt", "b.txt", "c.txt"})}


def test_a_store_made_before_story_generations_opens_and_follows_updates(
    tmp_path: Path,
) -> None:
    library = _story_library(tmp_path)
    library.docs.connection.executescript(
        """
        CREATE TABLE story_old (key TEXT PRIMARY KEY, story TEXT NOT NULL, bands BLOB NOT NULL)
            WITHOUT ROWID;
        INSERT INTO story_old SELECT key, story, bands FROM story_of;
        DROP TABLE story_of;
        ALTER TABLE story_old RENAME TO story_of;
        CREATE INDEX story_of_story ON story_of(story);
        """
    )
    library.close()
    kept = Library(tmp_path).open()
    columns = [row[1] for row in kept.docs.connection.execute("PRAGMA table_info(story_of)")]
    assert "gen" in columns
    assert {h.key: h.story for h in kept.search("", limit=50).hits} == _stories(kept)
    before = _stories(kept)
    # A version whose key sorts first: its story takes a new id, c.txt's row changes too.
    write_article(tmp_path, "0c.txt", "Quay shut", _version(_text(51), 3) + " Quay.")
    Library(tmp_path).open().update()  # as the indexing process would
    shown = {h.key: h.story for h in kept.search("", limit=50).hits}
    assert shown == _stories(Library(tmp_path).open())
    assert shown["0c.txt"] == shown["c.txt"] != before["c.txt"]


def test_search_keeps_only_the_stories_of_several_versions(tmp_path: Path) -> None:
    """An article alone is its key's story id, which search derives rather than keeps (at
    100,000 articles, a map of every key was 16 MB of the app's memory); it still names,
    counts and folds every story as the tables say, also in a library kept open while
    another process adds a version to an article that stood alone."""
    from newsread.index.engine.stories import _story_map

    library = _story_library(tmp_path)
    results = library.search("quay")
    generation = int(library.docs.get_meta("stories") or 0)
    assert sorted(_story_map(library.docs, generation)) == [b"a.txt", b"b.txt"]
    assert {h.key: h.story for h in library.search("", limit=50).hits} == _stories(library)
    write_article(tmp_path, "c2.txt", "Quay repaired", _version(_text(51), 4) + " Quay.")
    Library(tmp_path).open().update()  # as the indexing process would
    results = library.search("quay")
    assert (results.total, results.stories) == (4, 2)
    assert {h.key: h.story for h in results.hits} == {
        k: s for k, s in _stories(library).items() if k != "d.txt"
    }
    assert len(library.search("quay", fold=True).hits) == 2
    # b.txt rewritten as another text: a.txt and b.txt each stand alone, as written since.
    write_article(tmp_path, "b.txt", "Quay to close", _text(53) + " Quay.", source="OTHER PAPER")
    Library(tmp_path).open().update()
    results = library.search("quay")
    assert (results.total, results.stories) == (4, 3)
    assert {h.key: h.story for h in results.hits} == {
        k: s for k, s in _stories(library).items() if k != "d.txt"
    }


def test_a_rolled_back_update_leaves_no_story_read_from_it(tmp_path: Path) -> None:
    """Rows an update wrote and then rolled back may have been read by a search on the same
    connection meanwhile: the kept map is dropped with them."""
    library = _story_library(tmp_path)
    library.search("quay")
    assert library.docs.derived
    library.docs.rollback()
    assert not library.docs.derived
    assert {h.key: h.story for h in library.search("", limit=50).hits} == _stories(library)


def test_a_tiny_shingle_cache_groups_as_an_unbounded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grouper keeps only the latest shingle sets (memory stays flat over a 100,000-article
    build); with room for one set it must find the stories it finds with room for all."""
    from newsread.index.engine import stories

    rng = random.Random(77)
    texts = [_text(300 + n) for n in range(5)]
    files = {f"v{n}.txt": rng.randrange(len(texts)) for n in range(14)}
    found = []
    seen_cache: list[int] = []
    for cap in (1, 10_000):
        monkeypatch.setattr(stories, "SHINGLE_CACHE", cap)
        root = tmp_path / f"cap{cap}"
        root.mkdir()
        for name, which in files.items():
            write_article(root, name, name, _version(texts[which], rng.randrange(100)))
        real_add = stories._Grouper.add

        def add(self: stories._Grouper, article: object, real=real_add) -> None:
            real(self, article)  # type: ignore[arg-type]
            seen_cache.append(len(self.cache))

        monkeypatch.setattr(stories._Grouper, "add", add)
        Library(root).open().update()
        monkeypatch.setattr(stories._Grouper, "add", real_add)
        found.append(_groups(Library(root).open()))
        if cap == 1:
            assert max(seen_cache) == 1
    expected: dict[int, set[str]] = defaultdict(set)
    for name, which in files.items():
        expected[which].add(name)
    assert found[0] == found[1] == {frozenset(g) for g in expected.values()}


def test_the_shingle_cache_keeps_8_bytes_a_shingle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grouper's cache of shingle sets (up to `SHINGLE_CACHE` of them at every commit of
    a build) keeps each as an array of 64-bit hashes, not a set of ints (~50 KB a 4 KB
    article): the indexing process's memory peak, which its forked sub-writers carry."""
    from newsread.index.engine import stories

    seen: list[object] = []
    real_add = stories._Grouper.add

    def add(self: stories._Grouper, article: object) -> None:
        real_add(self, article)  # type: ignore[arg-type]
        seen.extend(self.cache.values())

    text = _text(300, words=400)
    write_article(tmp_path, "a.txt", "a", text)
    write_article(tmp_path, "b.txt", "b", _version(text, 3))
    monkeypatch.setattr(stories._Grouper, "add", add)
    library = Library(tmp_path).open()
    library.update()
    assert len(seen) == 3  # a's after a, a's and b's after b
    for found in seen:
        assert len(found) > 300  # type: ignore[arg-type]
        assert sys.getsizeof(found) < 8 * len(found) + 200  # type: ignore[arg-type]
    assert len(set(_stories(library).values())) == 1  # the two versions are still one story


def test_an_update_groups_its_articles_as_it_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update keeps at most `STORY_CHUNK` articles for the story grouping (a build's batch
    of tens of thousands, text and all, was the indexing process's memory peak, which every
    sub-writer forked from it carried again), and finds the stories it found with them all."""
    from newsread.index.engine import indexer, stories

    monkeypatch.setattr(indexer, "STORY_CHUNK", 2)
    sizes: list[int] = []
    real_add = stories.StoryUpdate.add

    def add(self: stories.StoryUpdate, fresh: object) -> None:
        sizes.append(len(fresh))  # type: ignore[arg-type]
        real_add(self, fresh)  # type: ignore[arg-type]

    monkeypatch.setattr(stories.StoryUpdate, "add", add)
    texts = [_text(400 + n) for n in range(3)]
    files = {f"s{n}.txt": n % 3 for n in range(9)}
    for n, (name, which) in enumerate(files.items()):
        write_article(tmp_path, name, name, _version(texts[which], n))
    library = Library(tmp_path).open()
    library.update()
    assert sum(sizes) == 9 and max(sizes) <= 2
    expected: dict[int, set[str]] = defaultdict(set)
    for name, which in files.items():
        expected[which].add(name)
    assert _groups(library) == {frozenset(g) for g in expected.values()}


def test_keys_a_file_lost_while_the_update_read_others_leave_their_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update that groups as it reads takes the keys the store lost out of their stories
    once it has read every file: a feed read after the first articles were grouped can still
    lose one."""
    from newsread.index.engine import indexer

    monkeypatch.setattr(indexer, "STORY_CHUNK", 1)
    base = _text(60)
    write_article(tmp_path, "a.txt", "a", base)

    def feed(*bodies: str) -> None:
        records = [{"title": f"Edition {n}", "body": b} for n, b in enumerate(bodies)]
        (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")

    feed(_version(base, 1), _version(base, 2))
    library = Library(tmp_path).open()
    library.update()
    assert len(_groups(library)) == 1 and len(_stories(library)) == 3
    write_article(tmp_path, "a.txt", "a", _version(base, 3))  # read again, grouped first
    feed(_version(base, 4))
    Library(tmp_path).open().update()
    library = Library(tmp_path).open()
    keys = {key for (key,) in library.docs.connection.execute("SELECT key FROM articles")}
    assert len(keys) == 2 and set(_stories(library)) == keys
    assert _groups(library) == {frozenset(keys)}


# -- only versions of one story: briefs cut from one template stay apart ----------------------


def _price_brief(company: str, move: str, figures: tuple[str, str, str], day: int) -> str:
    """A wire brief from one template: the company, the move and the figures change."""
    old, new, effective = figures
    return (
        f"{company} said it {move} the contract price it will pay for heating oil delivered "
        f"by barge in New York harbor from {old} cts a gallon to {new} cts a gallon, "
        f"effective March {effective}. The company said the change brings its posted price "
        f"into line with the spot market and with the prices other refiners post for barge "
        f"deliveries in the harbor. {company} last changed its posted price on March {day}."
    )


def _groups_of(root: Path, *, runs: int = 1) -> set[frozenset[str]]:
    library = Library(root).open()
    library.update()
    return _groups(library)


def test_briefs_from_one_template_with_other_figures_are_two_stories(tmp_path: Path) -> None:
    one = _price_brief("Exxon Corp", "cut", ("53.50", "52.50", "2"), 1)
    other = _price_brief("Exxon Corp", "cut", ("51.25", "50.75", "9"), 6)
    assert resemblance(shingles(one), shingles(other)) >= SAME_STORY  # words alike
    write_article(tmp_path, "a.txt", "Exxon Cuts Heating Oil Barge Price", one)
    write_article(tmp_path, "b.txt", "Exxon Cuts Heating Oil Barge Price", other)
    # A correction repeats the figures but one.
    fixed = one.replace("52.50", "52.25") + " This corrects the new price in the first line."
    write_article(tmp_path, "c.txt", "Corrected - Exxon Cuts Heating Oil Barge Price", fixed)
    assert _groups_of(tmp_path) == {frozenset({"a.txt", "c.txt"}), frozenset({"b.txt"})}


def test_titles_naming_other_companies_are_two_stories(tmp_path: Path) -> None:
    figures = ("53.50", "52.50", "2")
    write_article(
        tmp_path,
        "a.txt",
        "Exxon <XON> Cuts Heating Oil Barge Price",
        _price_brief("Exxon Corp", "cut", figures, 1),
    )
    write_article(
        tmp_path,
        "b.txt",
        "Sun <SUN> Cuts Heating Oil Barge Price",
        _price_brief("Sun Co", "cut", figures, 1),
    )
    # Another outlet's headline for the first: other words, but no other name.
    write_article(
        tmp_path,
        "c.txt",
        "Exxon lowers what it pays for heating oil",
        "NEW YORK, March 2 - " + _price_brief("Exxon Corp", "cut", figures, 1),
        source="OTHER PAPER",
    )
    assert _groups_of(tmp_path) == {frozenset({"a.txt", "c.txt"}), frozenset({"b.txt"})}


def test_short_briefs_are_one_story_only_if_their_titles_agree(tmp_path: Path) -> None:
    body = "Qtly div eight cts vs eight cts prior\n\nPay April one\n\nRecord March 13"
    write_article(tmp_path, "a.txt", "Owens And Minor Inc <OBOD> Sets Qtly Dividend", body)
    write_article(tmp_path, "b.txt", "Tultex Corp <TTX> Sets Quarterly Dividend", body)
    write_article(tmp_path, "c.txt", "Owens And Minor Inc <OBOD> Quarterly Dividend", body)
    # Half their words alike is the template's half.
    write_article(tmp_path, "d.txt", "Aec Inc <AECE> Sets Regular Payout", body)
    write_article(tmp_path, "e.txt", "James River Corp <JR> Sets Regular Payout", body)
    assert _groups_of(tmp_path) == {
        frozenset({"a.txt", "c.txt"}),
        frozenset({"b.txt"}),
        frozenset({"d.txt"}),
        frozenset({"e.txt"}),
    }


def test_briefs_of_one_day_leading_with_other_figures_are_two_stories(tmp_path: Path) -> None:
    # Two companies' dividends on one day share the template, the days paid and of record,
    # and half their figures: they were folded as one story ("Reuters-21578": Harsco and
    # Centerior, Franklin's funds, Mcm's "six cts" and Southeast Banking's "22 cts").
    def dividend(amount: str, paid: str, record: str) -> str:
        return f"Qtly div {amount} cts vs {amount} cts prior\n\nPay {paid}\n\nRecord {record}"

    day = "26 March 1987 [11:13]"
    write_article(
        tmp_path,
        "a.txt",
        "Harsco Corp <Hsc> Sets Quarterly",
        dividend("25", "May 15", "April 15"),
        date=day,
    )
    write_article(
        tmp_path,
        "b.txt",
        "Centerior Energy Corp <Cx> Sets Quarterly",
        dividend("64", "May 15", "April 16"),
        date=day,
    )
    write_article(
        tmp_path,
        "c.txt",
        "Mcm Corp <Mcmc> Sets Quarterly",
        dividend("six", "May 15", "April 15"),
        date=day,
    )
    write_article(  # the same dividend filed again with the day corrected
        tmp_path,
        "d.txt",
        "Harsco Corp <Hsc> Quarterly Dividend",
        dividend("25", "May 16", "April 15"),
        date=day,
    )
    write_article(
        tmp_path,
        "e.txt",
        "Petrie Stores Corp <Pst> Regular Payout",
        dividend("17.5", "May 15", "April 15"),
        date=day,
    )
    write_article(  # one figure written another way
        tmp_path,
        "f.txt",
        "Petrie Stores Corp <Pst> Sets Quarterly",
        dividend("17-1/2", "May 15", "April 15"),
        date=day,
    )
    assert _groups_of(tmp_path) == {
        frozenset({"a.txt", "d.txt"}),
        frozenset({"b.txt"}),
        frozenset({"c.txt"}),
        frozenset({"e.txt", "f.txt"}),
    }


def test_dated_versions_are_one_story_only_within_days(tmp_path: Path) -> None:
    base = _text(60)
    write_article(tmp_path, "a.txt", "Quay closes", base, date="1 June 2017 [10:00]")
    write_article(tmp_path, "b.txt", "Quay closes", _version(base, 1), date="3 June 2017 [09:00]")
    write_article(tmp_path, "c.txt", "Quay closes", _version(base, 2), date="1 July 2017 [10:00]")
    # Undated, it may be either's.
    write_article(tmp_path, "d.txt", "Quay closes", _version(base, 3), date="")
    groups = _groups_of(tmp_path)
    assert frozenset({"a.txt", "b.txt", "d.txt"}) in groups
    assert frozenset({"c.txt"}) in groups


def test_a_version_dated_by_its_year_or_month_alone_may_be_from_any_day_of_it(
    tmp_path: Path,
) -> None:
    # Stored on its period's first day, a 2017 version was "five months" from one of June.
    base = _text(60)
    write_article(tmp_path, "a.txt", "Quay closes", base, date="10 June 2017 [10:00]")
    for name, date, seed in (("b", "2017", 1), ("c", "2017-06", 2), ("d", "2016", 3)):
        body = _version(base, seed)
        (tmp_path / f"{name}.md").write_text(
            f"---\ntitle: Quay closes\ndate: {date}\n---\n{body}\n"
        )
    (tmp_path / "e.md").write_text(f"---\ntitle: Quay closes\ndate: 2017-05\n---\n{base}\n")
    groups = _groups_of(tmp_path)
    assert frozenset({"a.txt", "b.md", "c.md"}) in groups
    assert frozenset({"d.md"}) in groups  # a year before
    assert frozenset({"e.md"}) in groups  # May ended 10 days before 10 June


def _segments(seed: int, count: int) -> list[str]:
    return [_text(seed * 100 + n, 40) for n in range(count)]


def test_resemblance_does_not_chain_different_stories(tmp_path: Path) -> None:
    """A like B and B like C, A unlike C: C is not A's story (a template's briefs chain)."""
    s = _segments(70, 4)
    write_article(tmp_path, "a.txt", "A", " ".join(s[0:2]))
    write_article(tmp_path, "b.txt", "B", " ".join(s[1:3]))
    write_article(tmp_path, "c.txt", "C", " ".join(s[2:4]))
    assert _groups_of(tmp_path) == {frozenset({"a.txt", "b.txt"}), frozenset({"c.txt"})}
    # Whatever order they come in.
    (tmp_path / "a.txt").unlink()
    library = Library(tmp_path).open()
    library.update()
    assert _groups(library) == {frozenset({"b.txt", "c.txt"})}
    write_article(tmp_path, "a.txt", "A", " ".join(s[0:2]))
    library.update()
    assert _groups(library) == {frozenset({"a.txt", "b.txt"}), frozenset({"c.txt"})}


def _random_article(rng: random.Random, segments: list[str]) -> tuple[str, str, str]:
    """(title, body, date) of a random article: a run of neighbouring segments (chains of
    resemblance), a version of one, or a templated brief with random figures and dates."""
    kind = rng.random()
    day = f"{rng.randint(1, 28)} {rng.choice(['May', 'June'])} 2017 [10:00]"
    if kind < 0.4:
        start = rng.randrange(len(segments) - 1)
        return f"Run {start}", " ".join(segments[start : start + 2]), day
    if kind < 0.7:
        which = rng.randrange(len(segments))
        return (
            f"Piece {which}",
            _version(segments[which] + " " + segments[which], rng.random()),
            day,
        )
    company = rng.choice(["Exxon Corp", "Sun Co", "Mobil Corp"])
    figures = (f"5{rng.randint(0, 2)}.50", f"5{rng.randint(0, 2)}.25", str(rng.randint(1, 3)))
    move = rng.choice(["cut", "raised"])
    title = f"{company.split()[0]} {move.capitalize()} Heating Oil Barge Price"
    return title, _price_brief(company, move, figures, rng.randint(1, 3)), day


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_stories_built_over_runs_with_deletions_are_those_of_one_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Random libraries whose articles chain, share templates and come and go over several
    runs (grouped a few at a time) end in the stories one build of the final files finds, and
    in those the slow oracle makes of the articles pair by pair."""
    import shutil

    import oracle

    from newsread.index.engine import indexer

    rng = random.Random(seed)
    monkeypatch.setattr(indexer, "STORY_CHUNK", rng.choice([1, 3, 200]))
    segments = _segments(80 + seed, 6)
    root = tmp_path / "runs"
    root.mkdir()
    alive: set[str] = set()
    for _run in range(4):
        for _ in range(rng.randint(3, 8)):
            if alive and rng.random() < 0.25:
                name = rng.choice(sorted(alive))
                alive.remove(name)
                (root / name).unlink()
                continue
            name = (
                rng.choice(sorted(alive))
                if alive and rng.random() < 0.2
                else f"f{rng.randrange(10**6)}.txt"
            )
            alive.add(name)
            title, body, date = _random_article(rng, segments)
            write_article(root, name, title, body, date=date)
        Library(root).open().update()
    once = tmp_path / "once"
    shutil.copytree(root, once)
    built_once = Library(once).open()
    built_once.update()
    assert _groups(Library(root).open()) == _groups(built_once), seed
    assert not oracle.story_problems(Library(root).open()), seed
