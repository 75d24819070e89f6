"""The annotation store: persistence, permissions, concurrency, crash safety and recovery."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsread.index.annotations import (
    SCHEMA_VERSION,
    AnnotationError,
    AnnotationStore,
    ArticleInfo,
    ArticleMatches,
    ArticleRefs,
    HighlightNotFound,
    Tag,
    TagCount,
    import_store,
)
from newsread.index.annotations import database as database_module
from newsread.index.annotations.model import TagRecord
from newsread.index.article import Article, stable_id

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
POSIX = os.name == "posix"

PARAGRAPHS = (
    "The city council met on Tuesday evening to debate the draft budget for next year.",
    (
        "After three hours of argument, the mayor said the plan would cut costs by ten percent "
        "over three years, mostly by merging departments and selling unused buildings."
    ),
    "Opposition members called the figures optimistic and asked for an independent audit.",
    "A final vote is expected next month.",
)


class Clock:
    """A clock that moves one minute each time it is read."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return T0 + timedelta(minutes=self.calls)


def counter(prefix: str = "h") -> Callable[[], str]:
    numbers = iter(range(1, 1_000_000))
    return lambda: f"{prefix}{next(numbers):03d}"


def make_article(
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    url: str = "https://news.example/budget",
    key: str = "local/budget.txt",
    title: str = "Council debates budget",
) -> Article:
    return Article(
        id=stable_id(url, title, paragraphs),
        key=key,
        path=key,
        title=title,
        source="The Example Times",
        url=url,
        published=datetime(2024, 4, 30, 18, 5),
        paragraphs=paragraphs,
    )


def span(article: Article, passage: str) -> tuple[int, int]:
    start = article.body.index(passage)
    return start, start + len(passage)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "newsread" / "annotations.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(db_path, clock=Clock(), new_id=counter()) as opened:
        yield opened


def reopen(store: AnnotationStore) -> AnnotationStore:
    store.close()
    return AnnotationStore.open(store.path, clock=Clock(), new_id=counter("r"))


# Round trips ---------------------------------------------------------------------------------


def test_every_operation_survives_reopening(store: AnnotationStore) -> None:
    article = make_article()
    kept = store.add_highlight(article, *span(article, "the plan would cut costs"), colour=2)
    store.update_highlight(kept.id, note="Check the *baseline*.\n\n- which year?")
    store.recolour_highlight(kept.id, 4)
    undone = store.add_highlight(article, *span(article, "independent audit"), note="gone?")
    store.delete_highlight(undone.id)
    store.restore_highlight(undone.id)  # restoring does not read the clock
    removed = store.add_highlight(article, *span(article, "A final vote"))
    store.delete_highlight(removed.id)
    store.set_article_note(article, "Thin on numbers.\nAsk the press office.")
    store.add_tags(article, "budget", "City hall", "drafts")
    store.remove_tags(article, "drafts")
    store.set_read(article)
    store.toggle_starred(article)

    store = reopen(store)
    try:
        placed = store.highlights_for(article)
        assert [(h.id, h.status, h.text) for h in placed] == [
            ("h001", "anchored", "the plan would cut costs"),
            ("h002", "anchored", "independent audit"),
        ]
        first = placed[0].highlight
        assert (first.colour, first.note) == (4, "Check the *baseline*.\n\n- which year?")
        assert first.created == T0 + timedelta(minutes=1)
        assert first.updated == T0 + timedelta(minutes=3)
        assert first.article == ArticleInfo.of(article)
        assert placed[1].highlight.note == "gone?"
        deleted = store.get_highlight(removed.id)
        assert deleted is not None and deleted.deleted
        state = store.article_state(article)
        assert state.note == "Thin on numbers.\nAsk the press office."
        assert state.tags == (
            Tag("budget", T0 + timedelta(minutes=9)),
            Tag("City-hall", T0 + timedelta(minutes=9)),
        )
        assert state.read_at == T0 + timedelta(minutes=10)
        assert state.starred_at == T0 + timedelta(minutes=11)
    finally:
        store.close()


def test_unread_unstarred_untagged_article_has_default_state(store: AnnotationStore) -> None:
    state = store.article_state(make_article())
    assert (state.note, state.tags, state.read, state.starred) == ("", (), False, False)
    assert store.highlights_for(make_article()) == []


def test_marking_unread_and_unstarring(store: AnnotationStore) -> None:
    article = make_article()
    store.set_read(article)
    assert store.set_read(article, False).read_at is None
    assert store.toggle_starred(article) is True
    assert store.toggle_starred(article) is False
    assert store.set_starred(article).starred


def test_highlighting_the_same_passage_twice_gives_one_highlight(store: AnnotationStore) -> None:
    article = make_article()
    first = store.add_highlight(article, *span(article, "the mayor said"), colour=1)
    again = store.add_highlight(article, *span(article, "the mayor said"), colour=3)
    assert again == first
    assert len(store.all_highlights()) == 1


def test_restoring_a_passage_highlighted_again_is_refused(store: AnnotationStore) -> None:
    article = make_article()
    first = store.add_highlight(article, *span(article, "the mayor said"))
    store.delete_highlight(first.id)
    second = store.add_highlight(article, *span(article, "the mayor said"))
    assert second.id != first.id
    with pytest.raises(AnnotationError, match="highlighted again"):
        store.restore_highlight(first.id)


def test_deleted_highlights_are_hidden_and_cannot_be_edited(store: AnnotationStore) -> None:
    article = make_article()
    highlight = store.add_highlight(article, *span(article, "the mayor said"), note="x")
    store.delete_highlight(highlight.id)
    assert store.highlights_for(article) == []
    assert store.all_highlights() == []
    assert store.articles_matching(has_highlights=True).include == ArticleRefs()
    with pytest.raises(HighlightNotFound):
        store.update_highlight(highlight.id, note="y")
    with pytest.raises(HighlightNotFound):
        store.delete_highlight("no-such-id")


def test_an_articles_deleted_highlights_are_listed_the_last_deleted_first(
    store: AnnotationStore,
) -> None:
    article = make_article()
    first = store.add_highlight(article, *span(article, "the mayor said"))
    second = store.add_highlight(article, *span(article, "A final vote"))
    store.add_highlight(article, *span(article, "independent audit"))  # live: not listed
    store.delete_highlight(second.id)
    store.delete_highlight(first.id)
    assert [h.id for h in store.deleted_highlights(article)] == [first.id, second.id]
    store.restore_highlight(first.id)
    assert [h.id for h in store.deleted_highlights(article)] == [second.id]


def test_purge_forgets_only_highlights_deleted_long_ago(store: AnnotationStore) -> None:
    article = make_article()
    old = store.add_highlight(article, *span(article, "the mayor said"))
    recent = store.add_highlight(article, *span(article, "A final vote"))
    store.delete_highlight(old.id)  # at minute 3
    store.delete_highlight(recent.id)  # at minute 4
    # The clock reads minute 5 now: purge what was deleted more than 90 seconds ago.
    assert store.purge_deleted(timedelta(seconds=90)) == 1
    assert store.get_highlight(old.id) is None
    assert store.get_highlight(recent.id) is not None


def test_invalid_arguments_raise_value_error(store: AnnotationStore) -> None:
    article = make_article()
    with pytest.raises(ValueError, match="colour"):
        store.add_highlight(article, 0, 5, colour=6)
    with pytest.raises(ValueError, match="bad text range"):
        store.add_highlight(article, 5, 5)
    with pytest.raises(ValueError, match="not a tag"):
        store.add_tags(article, " # ")


def test_a_tag_typed_is_at_most_60_characters_and_a_long_one_stored_stays_removable(
    store: AnnotationStore,
) -> None:
    article = make_article()
    assert store.add_tags(article, "x" * 60) == ("x" * 60,)
    pasted = "A whole paragraph pasted into the tag box by mistake, far too long"
    with pytest.raises(ValueError, match="at most 60 characters"):
        store.add_tags(article, pasted)
    assert store.article_state(article).tag_names == ("x" * 60,)
    # A long tag from an older version or an import is searched and removed as any other.
    long = "-".join(pasted.split())
    info = ArticleInfo.of(article)
    assert store.merge([TagRecord(info, long, datetime.now(timezone.utc))]) == ["added"]
    assert store.articles_matching(tags=[long]).matches(article)
    assert store.remove_tags(article, pasted) == ("x" * 60,)


def test_tags_in_any_script_are_one_tag_whatever_their_case(store: AnnotationStore) -> None:
    # SQLite's NOCASE folds only ASCII: "Россия" and "россия" were two tags, and tag:россия
    # found nothing tagged "Россия"; a tag typed decomposed (as macOS writes it) was a third.
    article = make_article()
    other = make_article(url="https://news.example/other", key="other.txt", title="Other")
    decomposed = unicodedata.normalize("NFD", "éducation")
    both = {"Россия", "Éducation"}
    assert set(store.add_tags(article, "Россия", "Éducation")) == both
    assert set(store.add_tags(other, "россия", decomposed)) == both  # the first spelling
    assert set(store.add_tags(article, "РОССИЯ")) == both  # not again
    assert store.all_tags() == [TagCount("Éducation", 2), TagCount("Россия", 2)]
    for spelling in ("россия", "РОССИЯ", decomposed, "ÉDUCATION"):
        matching = store.articles_matching(tags=[spelling])
        assert matching.matches(article) and matching.matches(other), spelling
    assert store.remove_tags(article, "россия") == ("Éducation",)
    assert store.remove_tags(other, "ÉDUCATION") == ("Россия",)


def test_tags_are_folded_as_words_are_and_spellings_stored_apart_before_are_one_tag(
    store: AnnotationStore, db_path: Path
) -> None:
    """Search folds Turkish İ and ı, soft hyphens and zero-width characters (`fold`); tags
    did not: `istanbul` found nothing tagged "İstanbul", and "İstanbul" and "ISTANBUL" were
    two tags. Stored before, two such spellings on one article stay, shown as one tag."""
    article = make_article()
    other = make_article(url="https://news.example/other", key="other.txt", title="Other")
    both = {"İstanbul", "Entdeckungen"}
    assert set(store.add_tags(article, "İstanbul", "Entdeckungen")) == both
    hidden = "Ent\u00addeckun\u200bgen"  # a soft hyphen and a zero-width space
    assert set(store.add_tags(other, "ISTANBUL", "ılgı", hidden)) == both | {"ılgı"}
    assert set(store.add_tags(article, "istanbul", "ILGI")) == both | {"ılgı"}
    for spelling in ("istanbul", "ISTANBUL", "İSTANBUL", "Istanbul"):
        matching = store.articles_matching(tags=[spelling])
        assert matching.matches(article) and matching.matches(other), spelling
    assert store.articles_matching(tags=["entdeckungen"]).matches(other)
    with sqlite3.connect(db_path) as db:  # as an older newsread stored them: two tags
        (article_id,) = db.execute("SELECT article_id FROM tags WHERE tag = 'ılgı'").fetchone()
        db.execute(
            "INSERT INTO tags (article_id, tag, created) VALUES (?, 'ILGI', '2099-01-01')",
            (article_id,),
        )
    assert sorted(store.article_state(article).tag_names) == sorted(both | {"ılgı"})
    assert store.all_tags() == [
        TagCount("Entdeckungen", 2),
        TagCount("İstanbul", 2),
        TagCount("ılgı", 2),
    ]
    assert set(store.remove_tags(article, "ilgi")) == both  # both spellings
    assert store.all_tags()[-1] == TagCount("ılgı", 1)


def test_notes_are_kept_as_written_minus_control_sequences(store: AnnotationStore) -> None:
    article = make_article()
    note = "\n\n  indented line\n\x1b]52;c;ZXZpbA==\x07**bold**\x1b[31m red\n\n"
    state = store.set_article_note(article, note)
    assert state.note == "  indented line\n**bold** red"
    assert store.set_article_note(article, "  \n ").note == ""
    assert store.article_state(article).note_created is None


# Finding highlights again ---------------------------------------------------------------------


def test_highlights_follow_an_article_resaved_under_another_path(store: AnnotationStore) -> None:
    article = make_article()
    highlight = store.add_highlight(article, *span(article, "independent audit"))
    store.add_tags(article, "budget")
    moved = make_article(("Updated at 10:00.",) + PARAGRAPHS, key="archive/2024/budget.html")
    [placed] = store.highlights_for(moved)
    assert (placed.id, placed.status, placed.text) == (highlight.id, "moved", "independent audit")
    assert (placed.start, placed.end) == span(moved, "independent audit")
    # The new place is saved: next time the offsets are right at once.
    [again] = store.highlights_for(moved)
    assert (again.status, again.start) == ("anchored", placed.start)
    assert store.get_highlight(highlight.id).article.key == "archive/2024/budget.html"  # type: ignore[union-attr]
    assert store.article_state(moved).tag_names == ("budget",)


def test_a_folder_stand_in_stored_by_older_versions_is_dropped_when_the_file_moves(
    store: AnnotationStore, db_path: Path
) -> None:
    # A file naming no source was cited with its first folder ("bbc") by older versions; moved
    # to another folder, where "reuters" stands in, it went on being cited as "bbc"'s.
    def filed(key: str) -> Article:
        made = replace(make_article(url="", key=key), source=key.split("/")[0])
        made.extra["derived"] = "source"
        return made

    article = filed("bbc/budget.txt")
    highlight = store.add_highlight(article, *span(article, "independent audit"))
    named = replace(make_article(url="", key="bbc/named.txt"), title="Named", source="bbc")
    kept = store.add_highlight(named, *span(named, "independent audit"))
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE highlights SET article_source = 'bbc'")  # as older versions stored
    [placed] = store.highlights_for(filed("reuters/budget.txt"))
    assert (placed.id, placed.highlight.article.source) == (highlight.id, "")
    # A source the article names is the publication's, whatever the folder.
    moved = replace(named, key="reuters/named.txt", path="reuters/named.txt")
    [placed] = store.highlights_for(moved)
    assert (placed.id, placed.highlight.article.source) == (kept.id, "bbc")


def test_highlights_follow_an_edited_article_without_url(store: AnnotationStore) -> None:
    article = make_article(url="")
    highlight = store.add_highlight(article, *span(article, "the mayor said"), note="who?")
    store.set_article_note(article, "Follow up.")
    edited = make_article(PARAGRAPHS[:3], url="")  # the last paragraph cut: a new identity
    assert edited.id != article.id
    [placed] = store.highlights_for(edited)
    assert (placed.id, placed.status, placed.highlight.note) == (highlight.id, "anchored", "who?")
    assert placed.highlight.article.id == edited.id
    assert store.article_note(edited) == "Follow up."
    assert store.articles_matching(has_highlights=True).include.ids == {edited.id}  # type: ignore[union-attr]


def test_another_article_at_the_same_path_does_not_inherit_orphans(
    store: AnnotationStore,
) -> None:
    article = make_article(url="")
    store.add_highlight(article, *span(article, "the mayor said"))
    store.set_article_note(article, "About the budget.")
    other = make_article(("A different story entirely.",), url="", title="Weather")
    assert store.highlights_for(other) == []
    assert store.article_note(other) == ""
    assert [h.status for h in store.highlights_for(article)] == ["anchored"]


def test_orphaned_highlight_is_kept_and_can_be_reattached(store: AnnotationStore) -> None:
    article = make_article()
    highlight = store.add_highlight(
        article, *span(article, "asked for an independent audit"), note="Who pays?"
    )
    rewritten = make_article(PARAGRAPHS[:2] + ("Nobody objected.", PARAGRAPHS[3]))
    [orphan] = store.highlights_for(rewritten)
    assert (orphan.status, orphan.start, orphan.end, orphan.text) == ("orphaned", None, None, "")
    assert orphan.highlight.quote == "asked for an independent audit"
    assert orphan.highlight.note == "Who pays?"
    assert [h.id for h in store.all_highlights()] == [highlight.id]
    fixed = store.reattach_highlight(
        highlight.id, *span(rewritten, "Nobody objected"), rewritten.body
    )
    assert (fixed.quote, fixed.status, fixed.note) == ("Nobody objected", "anchored", "Who pays?")
    [placed] = store.highlights_for(rewritten)
    assert (placed.status, placed.text) == ("anchored", "Nobody objected")


def test_orphans_come_after_placed_highlights_in_export_order(store: AnnotationStore) -> None:
    article = make_article()
    store.add_highlight(article, *span(article, "debate the draft budget"))
    store.add_highlight(article, *span(article, "independent audit"))
    rewritten = make_article(("The council met on Tuesday.",) + PARAGRAPHS[1:])
    store.highlights_for(rewritten)
    [item] = store.annotations()
    assert [(h.quote, h.status) for h in item.highlights] == [
        ("independent audit", "moved"),
        ("debate the draft budget", "orphaned"),
    ]


def test_fuzzy_placement_is_reported_and_saved(store: AnnotationStore) -> None:
    article = make_article()
    store.add_highlight(article, *span(article, "the plan would cut costs by ten percent"))
    edited = make_article(
        (PARAGRAPHS[0], PARAGRAPHS[1].replace("costs by ten percent", "costs by 10 percent"))
        + PARAGRAPHS[2:]
    )
    [placed] = store.highlights_for(edited)
    assert (placed.status, placed.text) == ("fuzzy", "the plan would cut costs by 10 percent")
    assert placed.highlight.quote == "the plan would cut costs by ten percent"
    [saved] = store.all_highlights()
    assert (saved.status, saved.start, saved.end) == ("fuzzy", placed.start, placed.end)


# Queries ----------------------------------------------------------------------------------------


@pytest.fixture
def library(store: AnnotationStore) -> dict[str, Article]:
    budget = make_article()
    weather = make_article(
        ("Storms are expected across the north on Friday, with flooding likely near rivers.",),
        url="https://news.example/weather",
        key="local/weather.txt",
        title="Storm warning",
    )
    sport = make_article(
        ("The home side won three to one in a match delayed by rain.",),
        url="https://news.example/sport",
        key="local/sport.txt",
        title="Cup result",
    )
    store.add_highlight(
        budget, *span(budget, "cut costs by ten percent"), colour=2, note="Savings?"
    )
    store.add_highlight(budget, *span(budget, "independent audit"), colour=3)
    store.add_highlight(weather, *span(weather, "flooding likely near rivers"), colour=2)
    store.set_article_note(weather, "Voters in the north will remember this.")
    store.add_tags(budget, "politics", "money")
    store.add_tags(weather, "Politics")
    store.set_read(budget)
    store.toggle_starred(weather)
    store.set_read(sport)
    return {"budget": budget, "weather": weather, "sport": sport}


def names(matches: ArticleMatches, library: dict[str, Article]) -> list[str]:
    return sorted(name for name, article in library.items() if matches.matches(article))


def test_all_highlights_newest_first_with_filters(
    store: AnnotationStore, library: dict[str, Article]
) -> None:
    assert [h.quote for h in store.all_highlights()] == [
        "flooding likely near rivers",
        "independent audit",
        "cut costs by ten percent",
    ]
    assert [h.quote for h in store.all_highlights(colour=2)] == [
        "flooding likely near rivers",
        "cut costs by ten percent",
    ]
    assert [h.quote for h in store.all_highlights(tag="MONEY")] == [
        "independent audit",
        "cut costs by ten percent",
    ]
    # Stemmed words, in the quote or the note.
    assert [h.quote for h in store.all_highlights(text_query="cost saving")] == [
        "cut costs by ten percent"
    ]
    assert [h.quote for h in store.all_highlights(text_query="flood*")] == [
        "flooding likely near rivers"
    ]
    assert store.all_highlights(text_query='" OR *') == []
    assert len(store.all_highlights(limit=1)) == 1


def test_all_tags_with_counts_most_used_first(
    store: AnnotationStore, library: dict[str, Article]
) -> None:
    # "Politics" was typed second: it takes the first spelling.
    assert store.all_tags() == [TagCount("politics", 2), TagCount("money", 1)]
    assert store.article_state(library["weather"]).tag_names == ("politics",)


def test_articles_matching_each_filter(store: AnnotationStore, library: dict[str, Article]) -> None:
    assert names(store.articles_matching(tags=["POLITICS"]), library) == ["budget", "weather"]
    assert names(store.articles_matching(tags=["politics", "money"]), library) == ["budget"]
    assert names(store.articles_matching(note_words=["voter"]), library) == ["weather"]
    assert names(store.articles_matching(note_words=["savings"]), library) == ["budget"]
    assert names(store.articles_matching(highlight_words=["audit"]), library) == ["budget"]
    assert names(store.articles_matching(highlight_words=["savings"]), library) == []
    assert names(store.articles_matching(has_highlights=True), library) == ["budget", "weather"]
    assert names(store.articles_matching(has_highlights=False), library) == ["sport"]
    assert names(store.articles_matching(has_notes=True), library) == ["budget", "weather"]
    assert names(store.articles_matching(starred=True), library) == ["weather"]
    assert names(store.articles_matching(read=False), library) == ["weather"]
    assert names(store.articles_matching(read=True), library) == ["budget", "sport"]
    both = store.articles_matching(tags=["politics"], read=False)
    assert names(both, library) == ["weather"]
    assert both.include is not None and both.include.ids == {library["weather"].id}
    assert both.include.keys == {"local/weather.txt"}
    assert both.include.urls == {"news.example/weather"}
    assert store.articles_matching().include is None
    assert names(store.articles_matching(tags=["#"]), library) == []
    assert store.all_highlights(tag=" ") == []


def test_unread_includes_articles_the_store_never_saw(
    store: AnnotationStore, library: dict[str, Article]
) -> None:
    unseen = make_article(url="https://news.example/new", key="new.txt", title="New")
    assert store.articles_matching(read=False).matches(unseen)
    assert not store.articles_matching(read=True).matches(unseen)


# The file: permissions, WAL, schema ------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_directory_is_private_and_file_is_owner_only(db_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with AnnotationStore.open(db_path) as store:
            store.set_article_note(make_article(), "private")
            wal = Path(f"{db_path}-wal")
            assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.parent.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_an_existing_readable_file_is_made_owner_only(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o644)
    os.chmod(db_path, 0o644)
    AnnotationStore.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_data_folder_this_user_may_not_look_into_is_said_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data folder another user owns (root's, after `sudo newsread` kept HOME): stat
    fails with EACCES there. Opening the store says so as an AnnotationError, which the app
    shows; a bare PermissionError killed the saving worker, "Saving…" for ever."""
    folder = tmp_path / "data"
    folder.mkdir()
    real_stat = os.stat

    def stat_denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(folder)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat_denied)
    with pytest.raises(AnnotationError, match="Permission denied"):
        AnnotationStore.open(folder / "annotations.sqlite3")


def test_database_is_in_wal_mode_with_the_current_schema(store: AnnotationStore) -> None:
    with sqlite3.connect(store.path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert other.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_store_on_a_shared_file_system_keeps_a_rollback_journal_not_a_wal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's WAL works only while every connection is on one computer: a home folder on a
    file server, open from two of them, could have its store damaged. Such a store uses the
    rollback journal, one left in WAL mode included, and keeps what was saved."""
    with AnnotationStore.open(db_path) as store:
        store.set_article_note(make_article(), "saved on a local disk")
    monkeypatch.setattr(database_module, "shared_file_system", lambda folder: "nfs4")
    with AnnotationStore.open(db_path) as store:
        assert store.article_note(make_article()) == "saved on a local disk"
        store.set_article_note(make_article(), "saved on the file server")
        with sqlite3.connect(db_path) as other:
            assert other.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not Path(f"{db_path}-wal").exists()
    with AnnotationStore.open(db_path) as store:
        assert store.article_note(make_article()) == "saved on the file server"


def test_a_store_on_a_shared_file_system_open_in_wal_mode_elsewhere_opens_at_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session (an older newsread, or one that opened it before the move) has the
    store open in WAL mode: it cannot leave WAL under it, and opening neither waits for it
    nor fails; both see what the other saves."""
    with AnnotationStore.open(db_path) as first:
        first.set_article_note(make_article(), "from the first session")
        monkeypatch.setattr(database_module, "shared_file_system", lambda folder: "nfs4")
        started = time.monotonic()
        with AnnotationStore.open(db_path, busy_timeout=120, attempts=1) as second:
            assert time.monotonic() - started < 60  # not after the busy timeout's wait
            assert second.article_note(make_article()) == "from the first session"
            second.set_article_note(make_article(), "from the second")
        assert first.article_note(make_article()) == "from the second"


def test_migrations_are_applied_in_order(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with AnnotationStore.open(db_path) as store:
        store.set_article_note(make_article(), "before the upgrade")
    upgrade = ("CREATE TABLE reading_sessions (started TEXT)",)
    monkeypatch.setattr(database_module, "MIGRATIONS", (*database_module.MIGRATIONS, upgrade))
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with AnnotationStore.open(db_path) as store:
        assert store.article_note(make_article()) == "before the upgrade"
    with sqlite3.connect(db_path) as other:
        assert other.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION + 1,)
        assert other.execute("SELECT COUNT(*) FROM reading_sessions").fetchone() == (0,)


def test_a_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    AnnotationStore.open(db_path).close()
    with sqlite3.connect(db_path) as other:
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = db_path.read_bytes()
    with pytest.raises(AnnotationError, match="newer newsread"):
        AnnotationStore.open(db_path)
    assert db_path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as other:
        other.execute("CREATE TABLE articles (something TEXT)")
        other.execute("INSERT INTO articles VALUES ('theirs')")
    other.close()
    with pytest.raises(AnnotationError, match="not a newsread annotations database"):
        AnnotationStore.open(db_path)
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT * FROM articles").fetchall() == [("theirs",)]


def test_a_path_that_cannot_be_created_gives_an_annotation_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file")
    with pytest.raises(AnnotationError, match="cannot open annotations at"):
        AnnotationStore.open(blocker / "annotations.sqlite3")


# Corruption -------------------------------------------------------------------------------------

CORRUPT_NAME = re.compile(r"annotations\.sqlite3\.corrupt-\d{8}-\d{6}")


def test_a_file_that_is_not_sqlite_is_set_aside_not_overwritten(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"These are not the annotations you are looking for.\n" * 100
    db_path.write_bytes(garbage)
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is not None
        assert CORRUPT_NAME.fullmatch(store.recovered_from.name)
        assert store.recovered_from.parent == db_path.parent
        assert store.recovered_from.read_bytes() == garbage
        assert store.all_highlights() == []
        store.set_article_note(make_article(), "a fresh start")
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is None
        assert store.article_note(make_article()) == "a fresh start"


def test_a_database_failing_quick_check_is_set_aside(db_path: Path) -> None:
    with AnnotationStore.open(db_path) as store:
        article = make_article(tuple(f"Paragraph {n} of a long article." for n in range(400)))
        for n in range(60):
            store.add_highlight(article, *span(article, f"Paragraph {n} "), note="n" * 300)
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size : 3 * page_size] = b"\xff" * (2 * page_size)  # header intact, pages not
    db_path.write_bytes(bytes(data))
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is not None
        assert CORRUPT_NAME.fullmatch(store.recovered_from.name)
        assert store.recovered_from.read_bytes() == bytes(data)
        # What still read came back as it was; nothing was made up.
        assert {h.quote for h in store.all_highlights()} <= {f"Paragraph {n} " for n in range(60)}


def _many_highlights(db_path: Path, count: int = 60) -> tuple[Article, list[tuple[str, str]]]:
    """`count` highlights with long notes on one article (several pages of the table), and a
    note and a tag on the article; (quote, note) of each highlight."""
    article = make_article(tuple(f"Paragraph {n} of a long article." for n in range(400)))
    written = []
    with AnnotationStore.open(db_path) as store:
        for n in range(count):
            note = f"note {n} " + "n" * 300
            store.add_highlight(article, *span(article, f"Paragraph {n} "), note=note)
            written.append((f"Paragraph {n} ", note))
        store.set_article_note(article, "the article's own note")
        store.add_tags(article, "kept")
    return article, written


def _damage_page(db_path: Path, page: int) -> None:
    data = bytearray(db_path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size : page * size] = b"JUNK" * (size // 4)
    db_path.write_bytes(bytes(data))


def _root_page(db_path: Path, name: str) -> int:
    with sqlite3.connect(db_path) as db:
        page: int = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
    return page


def test_a_damaged_index_page_costs_no_annotation(db_path: Path) -> None:
    article, written = _many_highlights(db_path)
    _damage_page(db_path, _root_page(db_path, "highlights_created"))
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is not None  # set aside all the same, never written to
        assert sorted((h.quote, h.note) for h in store.all_highlights()) == sorted(written)
        assert store.article_note(article) == "the article's own note"
        assert [t.name for t in store.article_state(article).tags] == ["kept"]
        assert store.salvaged == {"articles": 1, "highlights": 60, "tags": 1}
        assert "60 highlights and the notes, tags and marks of 1 article were read back" in (
            store.recovery_notice
        )
        assert store.recovery_notice.endswith(
            f"(`newsread import {store.recovered_from}` reads it again)"
        )
        # The rows came back searchable: the full-text tables were rebuilt from them.
        assert len(store.all_highlights(text_query="note 7")) == 1
        assert store.articles_matching(note_words=["own"]).matches(article)
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_killed_while_a_damaged_store_is_rebuilt_the_next_open_rebuilds_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The process dies while the rows are copied (SIGKILL, stood in for by an exception):
    # the store at the path was an empty new one, and the notes stayed in the set-aside file
    # for good ("nothing to export" at the next launch).
    _, written = _many_highlights(db_path)
    _damage_page(db_path, _root_page(db_path, "highlights_created"))
    copy_rows = database_module.salvage

    def killed(*args: object) -> dict[str, int]:
        raise KeyboardInterrupt

    monkeypatch.setattr(database_module, "salvage", killed)
    with pytest.raises(KeyboardInterrupt):
        AnnotationStore.open(db_path)
    monkeypatch.setattr(database_module, "salvage", copy_rows)
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is not None
        assert sorted((h.quote, h.note) for h in store.all_highlights()) == sorted(written)
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".rebuilt")] == []


KILLED_REBUILDING = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from newsread.index.annotations import database
    from newsread.index.annotations.store import AnnotationStore

    def killed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if sys.argv[2] == "set_aside":  # the rows copied into the fresh store
        database.set_aside = killed
    else:  # the corrupt file renamed aside (no hard links), the fresh store not yet in place
        def no_links(*args, **kwargs):
            raise OSError("no hard links here")
        os.link, os.replace = no_links, killed
    AnnotationStore.open(Path(sys.argv[1]))
    """
)


def _killed_rebuilding(db_path: Path, at: str) -> Path:
    """A newsread SIGKILLed at `at` while it rebuilds the damaged store: its fresh store."""
    result = subprocess.run(
        [sys.executable, "-c", KILLED_REBUILDING, str(db_path), at], check=False, timeout=60
    )
    assert result.returncode == -signal.SIGKILL
    [fresh] = db_path.parent.glob(".annotations.sqlite3.*.rebuilt")
    return fresh


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_a_fresh_store_left_by_a_rebuild_killed_while_copying_rows_is_removed(
    db_path: Path,
) -> None:
    # The damaged file at the path is the truth until it is set aside: the fresh store left
    # beside it (hidden) holds nothing else, and stayed there for good.
    _, written = _many_highlights(db_path)
    _damage_page(db_path, _root_page(db_path, "highlights_created"))
    damaged = db_path.read_bytes()
    fresh = _killed_rebuilding(db_path, "set_aside")
    assert db_path.read_bytes() == damaged
    with AnnotationStore.open(db_path) as store:
        assert sorted((h.quote, h.note) for h in store.all_highlights()) == sorted(written)
    assert fresh.exists()  # written a moment ago: another session's rebuild, maybe under way
    an_hour_ago = time.time() - 3600
    os.utime(fresh, (an_hour_ago, an_hour_ago))
    AnnotationStore.open(db_path).close()
    assert [p.name for p in db_path.parent.iterdir() if ".rebuilt" in p.name] == []


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_a_rebuild_killed_after_the_damaged_file_was_renamed_aside_is_finished(
    db_path: Path,
) -> None:
    # Where there are no hard links the damaged file is renamed aside: killed then, the path
    # had no store, the next open started an empty one, and the rows stayed in the hidden file.
    article, written = _many_highlights(db_path)
    _damage_page(db_path, _root_page(db_path, "highlights_created"))
    _killed_rebuilding(db_path, "replace")
    assert not db_path.exists()
    [kept] = [
        p
        for p in db_path.parent.glob("annotations.sqlite3.corrupt-*")
        if CORRUPT_NAME.fullmatch(p.name)
    ]
    with AnnotationStore.open(db_path) as store:
        assert sorted((h.quote, h.note) for h in store.all_highlights()) == sorted(written)
        assert store.article_note(article) == "the article's own note"
        assert store.recovered_from == kept
        assert store.salvaged == {"articles": 1, "highlights": 60, "tags": 1}
    assert [p.name for p in db_path.parent.iterdir() if ".rebuilt" in p.name] == []


def test_a_damaged_table_page_costs_only_the_rows_on_it(db_path: Path) -> None:
    _, written = _many_highlights(db_path)
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        leaves = sorted(
            db.execute(
                "SELECT pageno, ncell FROM dbstat WHERE name = 'highlights' AND pagetype = 'leaf'"
            ).fetchall()
        )
    assert len(leaves) > 4
    page, lost = leaves[len(leaves) // 2]  # a page in the middle of the table
    _damage_page(db_path, page)
    with AnnotationStore.open(db_path) as store:
        recovered = sorted((h.quote, h.note) for h in store.all_highlights())
    assert set(recovered) <= set(written)  # only as they were written
    assert len(recovered) == len(written) - lost  # the rows on both sides of the damage


def test_an_earlier_corrupt_copy_is_never_overwritten(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls(2024, 5, 1, 12, 0, 0)

    monkeypatch.setattr(database_module, "datetime", Frozen)
    db_path.parent.mkdir(parents=True)
    earlier = db_path.with_name("annotations.sqlite3.corrupt-20240501-120000")
    earlier.write_bytes(b"first broken copy")
    db_path.write_bytes(b"second broken copy")
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from == db_path.with_name(
            "annotations.sqlite3.corrupt-20240501-120000-1"
        )
    assert earlier.read_bytes() == b"first broken copy"
    assert store.recovered_from.read_bytes() == b"second broken copy"


# Failures while saving ------------------------------------------------------------------------


def test_a_lock_held_too_long_gives_a_one_line_error(db_path: Path) -> None:
    article = make_article()
    with AnnotationStore.open(db_path, busy_timeout=0.1, attempts=2) as store:
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            began = time.monotonic()
            with pytest.raises(AnnotationError) as caught:
                store.set_article_note(article, "my thoughts")
            assert time.monotonic() - began >= 0.2  # waited, then retried
            message = str(caught.value)
            assert "locked by another newsread" in message and "\n" not in message
            assert caught.value.unsaved == "my thoughts"
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert store.set_article_note(article, "my thoughts").note == "my thoughts"


def test_disk_full_keeps_the_old_note_and_reports_clearly(store: AnnotationStore) -> None:
    article = make_article()
    store.set_article_note(article, "short and saved")
    # Cap the file at its current size: SQLite then reports SQLITE_FULL, as on a full disk.
    connection = store._connection  # the test needs the real connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    long_note = "A long note that does not fit. " * 5000
    with pytest.raises(AnnotationError) as caught:
        store.set_article_note(article, long_note)
    assert str(caught.value) == f"disk full ({store.path.parent}): note not saved; free some space"
    assert caught.value.unsaved == long_note.rstrip()
    assert store.article_note(article) == "short and saved"
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert store.set_article_note(article, long_note).note == long_note.rstrip()


@pytest.mark.parametrize("deleted", ["the file", "the data folder"])
def test_a_store_deleted_while_open_is_written_again_with_every_note(
    store: AnnotationStore, db_path: Path, deleted: str
) -> None:
    article = make_article()
    first = store.add_highlight(article, 4, 8, note="kept from before")
    store.set_article_note(article, "written before the deletion")
    if deleted == "the file":
        for end in ("", "-wal", "-shm"):
            Path(f"{db_path}{end}").unlink(missing_ok=True)
    else:
        shutil.rmtree(db_path.parent)
    store.set_article_note(article, "written after it")
    assert store.take_notices() == [
        "The annotations database was deleted while newsread ran; every highlight and note "
        f"this session had is written again at {db_path}"
    ]
    assert store.take_notices() == []
    store.add_highlight(article, 20, 30, note="and one more")
    store.close()
    with AnnotationStore.open(db_path) as again:  # what the next session finds
        assert again.article_note(article) == "written after it"
        notes = {placed.highlight.note for placed in again.highlights_for(article)}
        assert notes == {first.note, "and one more"}
        assert again.recovered_from is None


def test_a_store_deleted_where_it_cannot_be_written_again_says_so_in_one_line(
    store: AnnotationStore, db_path: Path
) -> None:
    article = make_article()
    store.set_article_note(article, "mine")
    shutil.rmtree(db_path.parent)
    db_path.parent.write_text("a file where the data folder was")
    with pytest.raises(AnnotationError, match="^annotations not read: "):
        store.data_version()  # the app's look every few seconds: an error it shows, not a crash
    with pytest.raises(AnnotationError) as refused:
        store.set_article_note(article, "mine, edited")
    assert str(refused.value).startswith(
        f"the annotations database {db_path} was deleted or replaced and cannot be used ("
    )
    assert refused.value.unsaved == "mine, edited"


def test_a_store_replaced_while_open_goes_on_in_the_new_file_keeping_a_copy(
    store: AnnotationStore, db_path: Path, tmp_path: Path
) -> None:
    # A sync tool or a restore renames another copy over the file: the session saved into
    # the file it had open, gone at quit, and its WAL (at the path's name) was the new one's.
    article = make_article()
    store.set_article_note(article, "written before the replace")
    synced = tmp_path / "synced.sqlite3"
    with AnnotationStore.open(synced) as other:
        other.add_highlight(article, 4, 8, note="from the other machine")
    os.replace(synced, db_path)
    store.add_highlight(article, 20, 30, note="written after it")
    [notice] = store.take_notices()
    [kept] = db_path.parent.glob("annotations.sqlite3.replaced-*")
    assert notice == (
        "The annotations database was replaced while newsread ran (a sync? a restore?): "
        f"newsread now uses the new {db_path}; what this session had, and what another "
        f"newsread saved before this one noticed, is kept in {kept}: `newsread import {kept}` "
        "adds it to the new one"
    )
    store.close()
    with AnnotationStore.open(db_path) as now:
        notes = {placed.highlight.note for placed in now.highlights_for(article)}
        assert notes == {"from the other machine", "written after it"}
        assert now.recovered_from is None
    with AnnotationStore.open(kept) as copy:
        assert copy.article_note(article) == "written before the replace"


def test_what_another_session_saves_before_a_replaced_store_is_noticed_can_be_imported(
    store: AnnotationStore, db_path: Path, tmp_path: Path
) -> None:
    # Until this session notices the new file (the app looks every 1.5 s), a newsread opening
    # the path shares this session's WAL (at the path's name): it reads and writes this
    # session's store. What it saved lands in the copy kept of it, which the notice names
    # with the command that adds it to the new store.
    article = make_article()
    store.set_article_note(article, "written before the replace")
    synced = tmp_path / "synced.sqlite3"
    with AnnotationStore.open(synced) as other:
        other.add_highlight(article, 4, 8, note="from the other machine")
    os.replace(synced, db_path)
    with AnnotationStore.open(db_path) as started_meanwhile:
        started_meanwhile.add_highlight(article, 20, 30, note="saved in the window")
        store.data_version()  # this session looks
    [notice] = store.take_notices()
    [kept] = db_path.parent.glob("annotations.sqlite3.replaced-*")
    assert f"`newsread import {kept}` adds it to the new one" in notice
    store.close()
    with AnnotationStore.open(db_path) as now:
        import_store(now, kept)
        notes = {placed.highlight.note for placed in now.highlights_for(article)}
        assert notes == {"from the other machine", "saved in the window"}
        assert now.article_note(article) == "written before the replace"


def test_a_store_deleted_while_open_is_noticed_without_a_write(
    store: AnnotationStore, db_path: Path
) -> None:
    store.set_article_note(make_article(), "mine")
    db_path.unlink()
    store.data_version()  # the app's look for other sessions' changes, every few seconds
    assert db_path.is_file() and len(store.take_notices()) == 1


# Several processes ----------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from newsread.index.article import Article
    from newsread.index.annotations import AnnotationStore

    db, name, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
    paragraphs = tuple(f"{name} paragraph {n:03d} says something." for n in range(200))
    article = Article(id=name, key=name + ".txt", path=name + ".txt", title=name,
                      paragraphs=paragraphs)
    body = article.body
    with AnnotationStore.open(Path(db)) as store:
        while time.time() < start_at:
            time.sleep(0.005)
        for n in range(200):
            start = body.index(f"paragraph {n:03d}")
            store.add_highlight(article, start, start + 13, note=f"note {n}")
    """
)


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    AnnotationStore.open(db_path).close()
    start_at = str(time.time() + 1.5)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), name, start_at])
        for name in ("alpha", "beta")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    with AnnotationStore.open(db_path) as store:
        highlights = store.all_highlights()
        assert len(highlights) == 400
        for name in ("alpha", "beta"):
            mine = sorted(h.note for h in highlights if h.article.id == name)
            assert mine == sorted(f"note {n}" for n in range(200))


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from newsread.index.article import Article
    from newsread.index.annotations import AnnotationStore

    article = Article(id="a1", key="a.txt", path="a.txt", title="A",
                      paragraphs=("Nothing ever happens here, said the mayor.",))
    store = AnnotationStore.open(Path(sys.argv[1]))
    store.set_article_note(article, "Written just before the crash.\\nSecond line.")
    store.add_highlight(article, 0, 15, note="also this")
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_a_note_survives_the_process_being_killed_right_after_saving(db_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", KILLED, str(db_path)], check=False, timeout=60)
    assert result.returncode == -signal.SIGKILL
    article = Article(
        id="a1",
        key="a.txt",
        path="a.txt",
        title="A",
        paragraphs=("Nothing ever happens here, said the mayor.",),
    )
    with AnnotationStore.open(db_path) as store:
        assert store.recovered_from is None
        assert store.article_note(article) == "Written just before the crash.\nSecond line."
        assert [(h.quote, h.note) for h in store.all_highlights()] == [
            ("Nothing ever ha", "also this")
        ]


KILLED_WRITING_AGAIN = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from newsread.index.article import Article
    from newsread.index.annotations import AnnotationStore

    article = Article(id="a1", key="a.txt", path="a.txt", title="A",
                      paragraphs=("Nothing ever happens here, said the mayor.",))
    path = Path(sys.argv[1])
    store = AnnotationStore.open(path)
    store.add_highlight(article, 0, 15, note="made before the file was deleted")
    for end in ("", "-wal", "-shm"):
        Path(f"{path}{end}").unlink()
    def killed(*args, **kwargs):  # the copy written, not yet in place
        os.kill(os.getpid(), signal.SIGKILL)
    os.replace = killed
    store.set_article_note(article, "written after it")  # the store is written again first
    """
)


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_a_store_written_again_by_a_session_killed_before_it_was_in_place_is_put_there(
    db_path: Path,
) -> None:
    # The store's file deleted while newsread ran: the session writes every note again beside
    # it and renames that into place. Killed in between, the next launch started an empty
    # store and the notes stayed in a hidden ".tmp" file for good.
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WRITING_AGAIN, str(db_path)], check=False, timeout=60
    )
    assert result.returncode == -signal.SIGKILL
    assert not db_path.exists()
    [copy] = db_path.parent.glob(".annotations.sqlite3.*.tmp")
    with AnnotationStore.open(db_path) as store:
        assert [(h.quote, h.note) for h in store.all_highlights()] == [
            ("Nothing ever ha", "made before the file was deleted")
        ]
        assert store.recovered_from is None
    assert not copy.exists()


def test_a_copy_being_written_again_is_not_taken_while_its_writer_holds_it(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True)
    copy = db_path.parent / ".annotations.sqlite3.live.tmp"
    with AnnotationStore.open(copy) as other:
        other.set_article_note(make_article(), "the other session's")
    writer = sqlite3.connect(copy, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # as a backup into it holds it
    try:
        with AnnotationStore.open(db_path) as store:
            assert store.all_highlights() == [] and store.article_note(make_article()) == ""
        assert copy.exists()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_the_annotations_package_does_not_import_textual() -> None:
    code = (
        "import sys, newsread.index.annotations, newsread.index.annotations.export;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_marks_say_annotated_starred_and_read_for_a_page_of_articles(
    store: AnnotationStore,
) -> None:
    highlighted = make_article()
    tagged = make_article(url="https://news.example/tagged", key="tagged.txt", title="Tagged")
    starred = make_article(url="", key="starred.txt", title="Starred")
    untouched = make_article(url="", key="untouched.txt", title="Untouched")
    store.add_highlight(highlighted, *span(highlighted, "independent audit"))
    store.add_tags(tagged, "later")
    store.set_read(tagged)
    store.toggle_starred(starred)
    # Re-saved under another identity: still recognised by its URL.
    moved = make_article(key="elsewhere/budget.txt", title="Council debates the budget")

    marks = store.marks([ArticleInfo.of(a) for a in (highlighted, tagged, starred, untouched)])
    assert [(m.annotated, m.starred, m.read) for m in marks] == [
        (True, False, False),
        (True, False, True),
        (False, True, False),
        (False, False, False),
    ]
    assert store.marks([ArticleInfo.of(moved)])[0].annotated
    assert store.marks([]) == []


def test_another_article_with_its_own_url_at_the_same_key_takes_nothing(
    store: AnnotationStore,
) -> None:
    """A line added at the top of a JSON Lines feed moves every article down one key: the
    article now at the highlighted one's key has the same words at the same offsets, but its
    own URL. It gets neither the highlight nor the note; the article keeps both."""
    feed = ("The ferry number 1 sailed at dawn with 10 passengers.",)
    article = make_article(feed, url="https://h.example/1", key="feed.jsonl#2", title="Report 1")
    highlight = store.add_highlight(article, *span(article, "sailed at dawn"), note="check")
    store.set_article_note(article, "About report 1.")
    other = make_article(
        ("The ferry number 0 sailed at dawn with 0 passengers.",),
        url="https://h.example/0",
        key="feed.jsonl#2",
        title="Report 1",  # even under the same title
    )
    assert store.highlights_for(other) == []
    assert store.article_note(other) == ""
    [marks] = store.marks([ArticleInfo.of(other)])
    assert not marks.annotated
    moved = replace(article, key="feed.jsonl#3", path="feed.jsonl#3")
    [placed] = store.highlights_for(moved)
    assert (placed.id, placed.status, placed.highlight.note) == (highlight.id, "anchored", "check")
    assert store.get_highlight(highlight.id).article.url == "https://h.example/1"  # type: ignore[union-attr]
    assert store.article_note(moved) == "About report 1."


# --- an article read with a new title, and a feed's article that takes another's key --------


def test_a_file_read_with_a_new_title_keeps_its_note_tags_star_and_highlights(
    store: AnnotationStore,
) -> None:
    """Without a URL, an article's identity is a hash of its title and text: the same file
    read with another title (the title line edited, or a newer parser that takes the headline
    where an older one took the site's name) is another identity at the same key. Its row
    keeps pieces of the text, which find it: the note, the tags, the star and the highlights
    (one edited past finding, kept as an orphan) stay with it, and the results list marks it."""
    before = make_article(url="", title="THE EXAMPLE TIMES")
    store.set_article_note(before, "Check the audit request.")
    store.add_tags(before, "budget")
    store.set_starred(before)
    kept = store.add_highlight(before, *span(before, "cut costs by ten percent"))
    edited = store.add_highlight(before, *span(before, "called the figures optimistic"))
    # Read anew: the headline as title, a lede kept above, one sentence rewritten.
    paragraphs = ("Savings of a tenth are planned.", *PARAGRAPHS)
    paragraphs = tuple(
        p.replace("called the figures optimistic", "doubted every number") for p in paragraphs
    )
    after = make_article(paragraphs, url="", title="Council debates budget")
    assert after.id != before.id and after.key == before.key
    # The results list marks it before it is opened, given its text.
    [marks] = store.marks([ArticleInfo.of(after)], lambda info: after.body)
    assert marks.annotated and marks.starred
    state = store.article_state(after)
    assert (state.note, state.tag_names, state.starred) == (
        "Check the audit request.",
        ("budget",),
        True,
    )
    assert {(h.id, h.status) for h in store.highlights_for(after)} == {
        (kept.id, "moved"),
        (edited.id, "orphaned"),
    }
    [marks] = store.marks([ArticleInfo.of(after)])
    assert marks.annotated and marks.starred


def test_a_note_kept_from_before_rows_held_excerpts_follows_a_file_not_a_feed_line(
    store: AnnotationStore, db_path: Path
) -> None:
    """A row written by an older newsread has no excerpts: at a file's own key the note
    follows the article read with a new title; at the n-th article of a feed it does not
    (every article there moves when a line is added at the top)."""
    texts = {"local/budget.txt": PARAGRAPHS, "feed.jsonl#2": PARAGRAPHS[1:]}
    for key, text in texts.items():
        store.set_article_note(make_article(text, url="", key=key, title="OLD"), f"on {key}")
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE articles SET excerpts = ''")
    renamed = make_article(PARAGRAPHS, url="", key="local/budget.txt", title="Council debates")
    assert store.article_note(renamed) == "on local/budget.txt"
    feed = make_article(PARAGRAPHS[1:], url="", key="feed.jsonl#2", title="Council debates")
    assert store.article_note(feed) == ""


def test_a_feed_article_without_urls_that_takes_anothers_key_takes_nothing(
    store: AnnotationStore,
) -> None:
    """A line added at the top of a JSON Lines feed without URLs: the article now at the
    annotated one's key has the same title (a daily briefing) and the highlighted sentence
    (a story it runs again), but not the rest of its text. It gets neither the note nor the
    highlight; the annotated article, one key down, keeps both."""
    shared = "The harbour board voted to run ferries at night from March."
    first = (
        shared,
        "Residents had asked for a night service for years, the chair said on Tuesday.",
        "The first crossing leaves at eleven, and tickets cost the same as by day.",
    )
    annotated = make_article(first, url="", key="feed.jsonl#1", title="Daily briefing")
    highlight = store.add_highlight(annotated, *span(annotated, shared), note="check the vote")
    store.set_article_note(annotated, "About the ferries.")
    newer = make_article(
        (
            shared,
            "A storm closed the bridge for the second time this winter, the council said.",
            "Schools in the north opened two hours late, and buses ran a reduced timetable.",
        ),
        url="",
        key="feed.jsonl#1",
        title="Daily briefing",
    )
    assert store.highlights_for(newer) == []
    assert store.article_note(newer) == ""
    moved = replace(annotated, key="feed.jsonl#2", path="feed.jsonl#2")
    [placed] = store.highlights_for(moved)
    assert (placed.id, placed.highlight.note) == (highlight.id, "check the vote")
    assert store.article_note(moved) == "About the ferries."


def test_a_write_failing_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reports a full disk as "disk I/O error" when the WAL or its index cannot grow
    (seen in tmux with the data folder on a full tmpfs: "annotations not read: disk I/O
    error"): with no room left where the store is, the message says so."""
    error = sqlite3.OperationalError("disk I/O error")
    room = {"free": 10 << 30}
    usage = lambda folder: shutil._ntuple_diskusage(20 << 30, 0, room["free"])  # noqa: E731
    monkeypatch.setattr(database_module.shutil, "disk_usage", usage)
    plenty = database_module.translate(error, "note", "my text", tmp_path)
    assert str(plenty) == "note not saved: disk I/O error" and plenty.unsaved == "my text"
    room["free"] = 4096
    full = database_module.translate(error, "note", "my text", tmp_path)
    assert str(full) == f"disk full ({tmp_path}): note not saved; free some space"
    assert full.unsaved == "my text"
    assert str(database_module.translate(error, "", "", tmp_path)).startswith("disk full")


def test_a_store_opened_on_a_full_disk_saves_once_space_is_freed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on a full disk, the store was read-only for the whole session: each highlight
    said "disk full: highlight not saved; free some space", and went on saying it once space
    was freed (seen in tmux, a 2 MB tmpfs home). The next save writes there once it can."""
    path = tmp_path / "annotations.sqlite3"
    article = make_article()
    with AnnotationStore.open(path) as store:
        store.set_article_note(article, "written before the disk filled")
    room = {"free": 4096}
    usage = lambda folder: shutil._ntuple_diskusage(20 << 30, 0, room["free"])  # noqa: E731
    monkeypatch.setattr(database_module.shutil, "disk_usage", usage)
    real_connect = database_module.connect_checked

    def connect(*args: object, **kwargs: object) -> object:
        if room["free"] < 1 << 20:
            raise OSError(28, "No space left on device")
        return real_connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database_module, "connect_checked", connect)
    with AnnotationStore.open(path, library="/news") as store:
        assert store.read_only == f"disk full ({tmp_path})"
        assert store.article_note(article) == "written before the disk filled"
        with pytest.raises(AnnotationError, match="highlight not saved; free some space"):
            store.add_highlight(article, 4, 8)
        room["free"] = 10 << 30  # freed
        highlight = store.add_highlight(article, 4, 8, note="after")
        assert store.read_only == "" and highlight.library == "/news"
    with AnnotationStore.open(path) as store:
        assert [h.note for h in store.all_highlights()] == ["after"]


def test_a_checkpoint_puts_every_note_in_the_database_file_itself(tmp_path: Path) -> None:
    """A session ended by a hang-up leaves without closing the store: its notes were in the
    -wal file alone (seen: a 4 KB database beside a 580 KB log), and a backup or a sync of
    `annotations.sqlite3` alone had none of them. The app checkpoints as it unmounts."""
    path = tmp_path / "annotations.sqlite3"
    article = make_article()

    def notes_in_the_file_alone() -> list[str]:
        copy = tmp_path / "copy.sqlite3"
        shutil.copyfile(path, copy)
        with sqlite3.connect(copy) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            notes = [n for (n,) in db.execute("SELECT note FROM articles")] if tables else []
        db.close()
        copy.unlink()
        return notes

    with AnnotationStore.open(path) as store:
        store.set_article_note(article, "typed before the line dropped")
        assert notes_in_the_file_alone() == []
        store.checkpoint()
        assert notes_in_the_file_alone() == ["typed before the line dropped"]
