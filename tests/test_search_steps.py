"""A search in two steps (`Library.begin_search`: the top first, then the total and facets),
cancelled from another thread, and searches that never wait for each other.

No timing is asserted: a cancelled search is shown to stop by the work it did not do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from builders import write_article

from newsread.index import SearchCancelled
from newsread.index.engine import postings
from newsread.index.engine import search as search_module
from newsread.index.library import Library

WORDS = "harbour grain river council budget port court strike bank market vote ferry".split()
SOURCES = ("BALTIC WIRE", "GAZETTE", "TODAY")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("steps")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREAD_HOME", str(root / "home"))
        folder = root / "library"
        for n in range(120):
            words = " ".join(WORDS[(n * 5 + k) % len(WORDS)] for k in range(25))
            write_article(
                folder,
                f"a{n:03}.txt",
                f"{WORDS[n % len(WORDS)].title()} report {n}",
                words,
                source=SOURCES[n % 3],
                date=f"{1 + n % 28} May {2015 + n % 4} [10:00]",
            )
        opened = Library(folder).open()
        opened.update()
        yield opened
        opened.close()


def test_the_first_step_is_the_top_of_the_full_search_and_the_second_its_counts(
    library: Library,
) -> None:
    full = library.search("harbour OR grain", limit=5)
    with library.begin_search("harbour OR grain", limit=5) as running:
        first = running.top()
        counted = running.counts()
    assert not first.counted and first.facets == {} and first.total == 5
    assert [hit.key for hit in first.hits] == [hit.key for hit in full.hits]
    assert first.hits[0].snippet.spans  # with its snippets
    assert counted.counted and counted.total == full.total > 5
    assert counted.facets == full.facets and sum(n for _, n in full.facets["source"]) == full.total
    assert counted.hits == first.hits


def test_the_two_steps_of_a_word_range_use_whooshs_matchers_and_agree(library: Library) -> None:
    # A word range is what the posting-list evaluator leaves to Whoosh (search then count).
    full = library.search("title:[a TO c]", limit=3)
    with library.begin_search("title:[a TO c]", limit=3) as running:
        first, counted = running.top(), running.counts()
    assert [hit.key for hit in first.hits] == [hit.key for hit in full.hits]
    assert counted.total == full.total > 3 and counted.facets == full.facets


def _token_set_by_another_thread(at_call: int) -> tuple[Callable[[], bool], Callable[[], None]]:
    """A cancel token, and the function that sets it from another thread when the search
    asks for the `at_call`-th time (the search waits there until it is set)."""
    reached, stop = threading.Event(), threading.Event()
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        if calls[0] == at_call:
            reached.set()
            stop.wait(60)
        return stop.is_set()

    def canceller() -> None:
        if reached.wait(60):
            stop.set()

    return cancelled, canceller


def test_a_token_set_from_another_thread_stops_the_evaluator_mid_query(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[bytes] = []
    real_postings = postings._postings

    def counting(reader: Any, fieldname: str, btext: bytes, *rest: Any) -> Any:
        read.append(btext)
        return real_postings(reader, fieldname, btext, *rest)

    monkeypatch.setattr(postings, "_postings", counting)
    snippets: list[object] = []
    monkeypatch.setattr(search_module, "make_snippet", lambda *a, **k: snippets.append(a))
    query = " OR ".join(WORDS)  # 12 words, 2 fields: 24 posting lists to read
    asked: list[int] = []
    library.search(query, limit=1, cancelled=lambda: bool(asked.append(1)))
    everything = len(read)
    read.clear()
    snippets.clear()
    cancelled, canceller = _token_set_by_another_thread(at_call=len(asked) // 2)
    other = threading.Thread(target=canceller)
    other.start()
    with (
        pytest.raises(SearchCancelled),
        library.begin_search(query, limit=1, cancelled=cancelled) as s,
    ):
        s.top()
    other.join()
    assert 0 < len(read) < everything  # it stopped where it was told, reading no more
    assert snippets == []  # and made no snippets


def test_a_cancelled_second_step_counts_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[object] = []
    monkeypatch.setattr(search_module, "_count_facets", lambda *a: counted.append(a) or {})
    for query in ("harbour", "title:[a TO c]"):  # the evaluator's and Whoosh's way
        stop = threading.Event()
        with library.begin_search(query, cancelled=stop.is_set) as running:
            assert running.top().hits
            threading.Thread(target=stop.set).start()
            stop.wait(60)
            with pytest.raises(SearchCancelled):
                running.counts()
    assert counted == []


def test_whooshs_collector_stops_at_the_token(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh import collectors

    collected: list[int] = []
    real_collect = collectors.TopCollector.collect

    def collect(self: Any, sub_docnum: int) -> Any:
        collected.append(sub_docnum)
        return real_collect(self, sub_docnum)

    monkeypatch.setattr(collectors.TopCollector, "collect", collect)
    assert library.search("title:[a TO c]").total > 1
    collected.clear()
    with (
        pytest.raises(SearchCancelled),
        library.begin_search("title:[a TO c]", cancelled=lambda: bool(collected)) as running,
    ):
        running.top()
    assert len(collected) == 1  # one document collected, then the token was asked


def test_a_search_does_not_wait_for_another_still_holding_its_searcher(library: Library) -> None:
    # Before, one searcher was shared under a lock: the second search waited for the first.
    holding, done = threading.Event(), threading.Event()
    answers: list[int] = []

    def second() -> None:
        holding.wait(60)
        answers.append(library.search("grain").total)
        done.set()

    other = threading.Thread(target=second)
    other.start()
    with library.begin_search("harbour") as running:
        running.top()
        holding.set()
        finished = done.wait(60)  # the first still holds its searcher here
        running.counts()
    other.join()
    assert finished and answers and answers[0] > 0


@pytest.mark.parametrize("fold", [False, True])
def test_a_count_cut_short_by_the_time_limit_is_never_below_the_hits_shown(
    library: Library, monkeypatch: pytest.MonkeyPatch, fold: bool
) -> None:
    # A word range goes through Whoosh's matchers, whose count has a time limit; on a busy
    # machine the limit passed before the first match and the page showed 5 hits "of 1".
    matching = search_module._matching_docs

    def late(searcher: Any, q: Any, deadline: float, cancelled: Any = None) -> Any:
        found, _ = matching(searcher, q, deadline, cancelled)
        return found[:1], False  # the limit passed after the first match

    monkeypatch.setattr(search_module, "_matching_docs", late)
    with library.begin_search("title:[bank TO river]", limit=5, fold=fold) as running:
        first = running.top()
        counted = running.counts()
    assert len(first.hits) == 5
    assert counted.limited == "search took too long; counted what was found in time"
    assert counted.total >= first.total == 5
    assert counted.stories >= first.stories


def _timed_out_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every time limit of a search passed before it found its first match (a loaded machine:
    the thread waited for a core after the limit was set)."""
    monkeypatch.setattr(search_module, "TIME_LIMIT", -1.0)  # the count's deadline
    collector = search_module._cancellable_collector_class()  # the ranking's timer
    prepare = collector.prepare

    def expired(self: Any, *args: Any) -> None:
        prepare(self, *args)
        self.timedout = True

    monkeypatch.setattr(collector, "prepare", expired)


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_time_limit_passed_before_the_first_match_still_finds_and_counts_a_few_matches(
    library: Library, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    # test_fork_server once gave 1 hit where 12 match, under load ~20: the count stopped at
    # its first match, the limit long past. A few matches cost nothing to take whole.
    text = "title:[bank TO river]"
    whole = library.search(text, limit=5, sort=sort)
    assert 5 < whole.total < search_module.MATCHES_BEFORE_LIMIT and not whole.limited
    _timed_out_at_once(monkeypatch)
    with library.begin_search(text, limit=5, sort=sort) as running:
        first = running.top()
        counted = running.counts()
    assert (first.limited, counted.limited) == ("", "")
    assert [hit.key for hit in first.hits] == [hit.key for hit in whole.hits]
    assert (counted.total, counted.facets) == (whole.total, whole.facets)


class _Matches:
    """A searcher whose query matches documents 0 to `count` - 1."""

    def __init__(self, count: int) -> None:
        self.count = count

    def docs_for_query(self, q: object) -> range:
        return range(self.count)


@pytest.mark.parametrize(("matches", "counted"), [(1023, (1023, True)), (5000, (1024, False))])
def test_a_count_past_its_deadline_takes_its_first_matches_and_no_more(
    matches: int, counted: tuple[int, bool]
) -> None:
    found, complete = search_module._matching_docs(_Matches(matches), object(), deadline=0.0)
    assert (len(found), complete) == counted
