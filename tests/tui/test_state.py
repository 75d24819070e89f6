"""Session state on disk, navigation history and query recall (no Textual needed)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from newsread.tui.state import (
    LibraryState,
    Navigation,
    PickedPeriod,
    Place,
    Position,
    QueryRecall,
    SavedSearch,
    SessionState,
    load_state,
    save_state,
)


def test_state_round_trips_through_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.json"
    state = SessionState(library="/news", queries=["a", "b"], theme="nord")
    state.save_search(SavedSearch("mine", "kelmor", "date", (("source", "X"),)))
    lib = state.for_library(Path("/news"))
    lib.query, lib.article, lib.row = "kelmor", "a.txt", 7
    lib.remember("a.txt", Position(4, 2, 10))
    save_state(state, path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # no temporary left
    loaded, notice = load_state(path)
    assert notice == ""
    assert loaded == state


def test_two_sessions_on_one_home_keep_each_others_saved_searches(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    save_state(SessionState(saved=[SavedSearch("old", "varga"), SavedSearch("gone", "x")]), path)
    first, _ = load_state(path)
    second, _ = load_state(path)
    first.save_search(SavedSearch("harbour", "harbour"))
    first.delete_search("gone")
    save_state(first, path)
    second.save_search(SavedSearch("flood", "flood"))
    second.save_search(SavedSearch("old", "varga", "newest"))
    save_state(second, path)  # written from what it loaded before the first one saved
    save_state(first, path)  # and the first one writes again (at quit)

    loaded, _ = load_state(path)
    assert [(s.name, s.sort) for s in loaded.saved] == [
        ("harbour", "relevance"),
        ("flood", "relevance"),
        ("old", "newest"),
    ]  # the deleted one stays deleted
    assert first.saved == second.saved == loaded.saved


def test_two_sessions_on_one_home_keep_each_others_libraries_and_queries(
    tmp_path: Path,
) -> None:
    """newsread on two libraries in two terminals (one home): the one closed last
    wrote the state it had loaded at its start for the other library, whose relaunch then
    came back to an older article and reading place, and the queries typed there were gone
    from up-arrow's history."""
    path = tmp_path / "state.json"
    save_state(SessionState(queries=["old"]), path)
    first, _ = load_state(path)
    second, _ = load_state(path)
    news = first.for_library(Path("/news"))
    news.article = "a.txt"
    news.remember("a.txt", Position(9, 0, 4), "id-a", "A")
    first.add_query("harbour")
    other = second.for_library(Path("/other"))
    other.article = "b.txt"
    second.add_query("flood")
    save_state(first, path)
    save_state(second, path)  # closed last, from what it loaded before the first saved

    loaded, _ = load_state(path)
    assert loaded.libraries["/news"].article == "a.txt"
    assert loaded.libraries["/news"].position_of("a.txt", "id-a", "A") == Position(9, 0, 4)
    assert loaded.libraries["/other"].article == "b.txt"
    assert loaded.queries == ["old", "harbour", "flood"]


def test_a_damaged_state_file_is_moved_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    damaged = '{"saved": [{"name": "mine", "query": "kelmor"}], "queries": ['
    path.write_text(damaged)
    state, notice = load_state(path)
    assert state == SessionState()
    [moved] = tmp_path.glob("state.json.damaged-*")
    assert moved.read_text() == damaged  # the saved searches in it are the user's: kept
    assert not path.exists()  # so the next save cannot overwrite them
    assert notice.startswith(f"session state not restored: {path} is damaged (")
    assert notice.endswith(f"; it was moved to {moved}")
    for again in (b"[1, 2]", b"", b"\xff{"):  # not an object, cut to nothing, not UTF-8
        path.write_bytes(again)
        state, notice = load_state(path)
        assert state == SessionState() and "it was moved to" in notice
    assert len(list(tmp_path.glob("state.json.damaged-*"))) == 4  # none overwritten


def test_a_library_folder_not_named_in_utf8_is_saved_and_restored(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    root = b"/news/caf\xe9".decode("utf-8", "surrogateescape")  # as the OS gives such a name
    state = SessionState(library=root)
    state.for_library(Path(root)).article = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    save_state(state, path)
    assert load_state(path) == (state, "")


def test_wrong_types_inside_the_state_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(
        json.dumps(
            {
                "library": 3,
                "queries": ["ok", 4],
                "saved": [{"name": "x"}, {"name": "n", "query": "q", "filters": {"a": 1}}],
                "libraries": {"/l": {"positions": {"k": [1, 2, 3], "bad": [-1, 0, 0]}}},
            }
        )
    )
    state, notice = load_state(path)
    assert notice == ""
    assert state.library == "" and state.queries == ["ok"]
    assert state.saved == [SavedSearch("n", "q")]
    assert state.libraries["/l"].positions == {"k": Position(1, 2, 3)}


def test_a_missing_state_file_is_a_fresh_start(tmp_path: Path) -> None:
    assert load_state(tmp_path / "none.json") == (SessionState(), "")


def test_positions_forget_the_least_recently_read_beyond_the_cap() -> None:
    lib = LibraryState()
    for n in range(600):
        lib.remember(f"k{n}", Position(n))
    lib.remember("k100", Position(1))
    assert len(lib.positions) == 500
    assert "k0" not in lib.positions and "k100" in lib.positions
    assert list(lib.positions)[-1] == "k100"


def test_a_position_in_a_file_of_several_follows_its_article_not_its_place(
    tmp_path: Path,
) -> None:
    """Seen in use: the position kept for `feed.json#2` was applied to the article that was
    `#2` after one was put at the export's front; the one read there, now `#3`, opened at its
    top. Kept with the article's id and title, through a relaunch."""
    path = tmp_path / "state.json"
    state = SessionState()
    state.for_library(Path("/news")).remember("feed.json#2", Position(5, 3, 2), "id-b", "B")
    state.for_library(Path("/news")).remember("one.txt", Position(7, 0, 0), "id-c", "C")
    save_state(state, path)
    lib = load_state(path)[0].for_library(Path("/news"))
    assert lib.position_of("feed.json#2", "id-a", "A") is None  # another article there now
    assert lib.position_of("feed.json#3", "id-b", "B") == Position(5, 3, 2)
    assert lib.position_of("feed.json#2", "id-b2", "B") == Position(5, 3, 2)  # edited: title
    assert lib.position_of("one.txt", "id-c2", "C") == Position(7, 0, 0)  # edited
    # Another file renamed to its name (it deleted): another article, at its top.
    assert lib.position_of("one.txt", "id-d", "D") is None
    old = LibraryState(positions={"feed.json#2": Position(5, 3, 2), "one.txt": Position(1)})
    assert old.position_of("feed.json#2", "id-a", "A") is None  # kept by an earlier version
    assert old.position_of("one.txt", "id-c", "C") == Position(1)  # (nothing to tell by)


def test_navigation_goes_back_and_forward_and_drops_the_forward_branch() -> None:
    nav = Navigation()
    a, b, c, d = (Place(q) for q in "abcd")
    for place in (a, b, c):
        nav.visit(place)
    nav.visit(c)  # the same place twice is one entry
    assert nav.back() == b and nav.back() == a and nav.back() is None
    assert nav.forward() == b
    nav.visit(d)
    assert nav.forward() is None
    assert nav.back() == b


def test_navigation_keeps_the_hit_a_list_is_on_in_its_place_only() -> None:
    nav = Navigation()
    a, b = Place("a"), Place("b")
    nav.visit(a)
    nav.highlighted(b, "other.txt", 3)  # another search's list (typed ahead): not a's
    assert nav.current is not None and (nav.current.highlight, nav.current.row) == ("", None)
    nav.highlighted(a, "kept.txt", 2)
    nav.visit(Place("a"))  # still the same place, the hit it is on kept
    nav.visit(b)
    back = nav.back()
    assert back == a and back is not None and (back.highlight, back.row) == ("kept.txt", 2)


def test_query_recall_walks_history_and_returns_the_draft() -> None:
    recall = QueryRecall(["one", "two"])
    assert recall.newer() is None  # not recalling: nothing newer
    assert recall.older("dra") == "two"
    assert recall.older("two") == "one"
    assert recall.older("one") is None
    assert recall.newer() == "two"
    assert recall.newer() == "dra"
    assert not recall.recalling


def test_add_query_moves_a_repeat_to_the_end() -> None:
    state = SessionState(queries=["a", "b"])
    state.add_query(" a ")
    state.add_query("")
    assert state.queries == ["b", "a"]


def test_a_period_picked_with_no_query_stays_for_every_search() -> None:
    # Browsing a week of the whole library, then searching within it.
    period = PickedPeriod()
    period.searched("", {"date": "2021-W14"})
    assert period.typed("flood", {"date": "2021-W14"}) == ({"date": "2021-W14"}, "")


def test_a_period_is_left_out_of_a_search_sharing_no_word_and_removed_for_good_with_it() -> None:
    period = PickedPeriod()
    period.searched("OPEC output", {"date": "1987", "source": "reuters"})
    assert period.typed("opec AND saudi", {"date": "1987", "source": "reuters"})[0] == {
        "date": "1987",
        "source": "reuters",
    }
    filters, said = period.typed("election OR vote", {"date": "1987", "source": "reuters"})
    assert filters == {"source": "reuters"} and "“OPEC output”" in said
    period.searched("election OR vote", filters)
    assert period.typed("output", filters) == ({"source": "reuters", "date": "1987"}, "")
    period.searched("output", {})  # then removed (its number, F): it does not come back
    assert period.typed("opec", {}) == ({}, "")
