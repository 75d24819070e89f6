"""Notes carried between two machines (`export --format json`, `import`) are never silently
lost: each note's sync base (the texts it had when exported or imported) tells an edit made
on both machines from an old copy of this one's own."""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_export import BUDGET, STORM, span

from newsread.index.annotations import (
    SCHEMA_VERSION,
    AnnotationStore,
    ImportSummary,
    export_json,
    export_markdown,
    import_json,
)

GOLDEN = Path(__file__).parent / "golden"
PASSAGE = "the plan would cut costs by ten percent"


class SharedClock:
    """One clock for both machines, a minute on at each reading: "later" means later."""

    def __init__(self) -> None:
        self.minutes = 0

    def __call__(self) -> datetime:
        self.minutes += 1
        return datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=self.minutes)


@dataclass
class Machine:
    """One machine's store; `export` writes a JSON export as `newsread export` does."""

    store: AnnotationStore
    exports: list[str] = field(default_factory=list)

    def export(self) -> str:
        items = self.store.annotations()
        text = export_json(items, read=self.store.read_marks())
        self.store.mark_exported(items)
        self.exports.append(text)
        return text

    def take(self, text: str) -> ImportSummary:
        return import_json(self.store, text)

    def note(self, highlight_id: str) -> str:
        highlight = self.store.get_highlight(highlight_id)
        assert highlight is not None
        return highlight.note


@pytest.fixture
def machines(tmp_path: Path) -> Iterator[tuple[Machine, Machine]]:
    clock = SharedClock()
    with (
        AnnotationStore.open(tmp_path / "a" / "notes.sqlite3", clock=clock) as a,
        AnnotationStore.open(tmp_path / "b" / "notes.sqlite3", clock=clock) as b,
    ):
        yield Machine(a), Machine(b)


def synced(a: Machine, b: Machine, note: str = "N") -> str:
    """A highlight with `note` made on `a` and carried to `b`; its id."""
    made = a.store.add_highlight(BUDGET, *span(BUDGET, PASSAGE), note=note)
    a.store.set_article_note(BUDGET, note)
    assert b.take(a.export()).added == 2
    return made.id


def test_a_note_edited_on_both_machines_keeps_both_edits(
    machines: tuple[Machine, Machine],
) -> None:
    """B edits the note, then A (later): A importing B's export said "already there" and
    B's text was gone. Both changed since they last synced: both are kept, and said."""
    a, b = machines
    made = synced(a, b)
    b.store.update_highlight(made, note="B's text")
    b.store.set_article_note(BUDGET, "B's text")
    from_b = b.export()
    a.store.update_highlight(made, note="A's text")
    a.store.set_article_note(BUDGET, "A's text")
    assert a.take(from_b).both == 2
    both = "B's text\n\n---\n\nA's text"
    assert a.note(made) == both and a.store.article_note(BUDGET) == both
    assert a.take(from_b) == ImportSummary(unchanged=2)  # once only
    # Carried back, B takes the merged note: it holds B's, unchanged there since.
    assert b.take(a.export()).updated == 2
    assert b.note(made) == both and b.store.article_note(BUDGET) == both


def test_an_old_export_of_this_machine_brings_back_no_old_text(
    machines: tuple[Machine, Machine],
) -> None:
    """Importing A's own earlier exports (an old file in the synced folder) after editing
    the notes: only A changed them since, so A's stay as they are."""
    a, _ = machines
    made = a.store.add_highlight(BUDGET, *span(BUDGET, PASSAGE), note="first").id
    a.store.set_article_note(BUDGET, "first")
    oldest = a.export()
    a.store.update_highlight(made, note="second")
    a.store.set_article_note(BUDGET, "second")
    older = a.export()
    a.store.update_highlight(made, note="third")
    a.store.set_article_note(BUDGET, "third")
    before = a.store.annotations()
    for old in (older, oldest):
        assert a.take(old) == ImportSummary(unchanged=2)
    assert a.store.annotations() == before
    assert a.note(made) == "third" and a.store.article_note(BUDGET) == "third"


def test_a_note_changed_on_one_machine_only_replaces_the_other_copy(
    machines: tuple[Machine, Machine],
) -> None:
    """Only B changed it since they synced (A's is older in time, but unchanged): B's
    replaces A's, with no divider, though B's no longer says what A's said."""
    a, b = machines
    made = synced(a, b, "draft wording")
    b.store.update_highlight(made, note="rewritten")
    b.store.set_article_note(BUDGET, "rewritten")
    summary = a.take(b.export())
    assert (summary.updated, summary.both) == (2, 0)
    assert a.note(made) == "rewritten" and a.store.article_note(BUDGET) == "rewritten"


def test_a_highlight_deleted_here_and_edited_there_comes_back_with_the_edit(
    machines: tuple[Machine, Machine],
) -> None:
    a, b = machines
    made = synced(a, b)
    unchanged_there = b.export()
    a.store.delete_highlight(made)
    a.store.set_article_note(BUDGET, "")
    assert a.take(unchanged_there) == ImportSummary(unchanged=2)  # deleted: stays deleted
    assert a.store.get_highlight(made).deleted  # type: ignore[union-attr]
    assert a.store.article_note(BUDGET) == ""
    b.store.update_highlight(made, note="N, and what B added")
    b.store.set_article_note(BUDGET, "N, and what B added")
    summary = a.take(b.export())
    assert (summary.restored, summary.added) == (1, 1)
    back = a.store.get_highlight(made)
    assert back is not None and not back.deleted and back.note == "N, and what B added"
    assert a.store.article_note(BUDGET) == "N, and what B added"


def test_a_deleted_highlight_whose_passage_is_highlighted_again_takes_the_edit(
    machines: tuple[Machine, Machine],
) -> None:
    a, b = machines
    made = synced(a, b)
    a.store.delete_highlight(made)
    again = a.store.add_highlight(BUDGET, *span(BUDGET, PASSAGE), note="A's new one")
    b.store.update_highlight(made, note="B's edit")
    assert a.take(b.export()).both == 1
    assert a.note(again.id) == "B's edit\n\n---\n\nA's new one"
    assert a.store.get_highlight(made).deleted  # type: ignore[union-attr]


def test_the_cli_records_what_it_exported(tmp_path: Path, small_library: Path) -> None:
    """`newsread export` records the notes it wrote: that file imported again after the note
    changed leaves the note alone."""
    from newsread.index.library import Library
    from newsread.tui.cli import main

    def note(text: str | None) -> str:
        library = Library(small_library).open()
        try:
            library.update()
            flood = library.article("flood.txt")
            assert flood is not None
            if text is not None:
                library.annotations.set_article_note(flood, text)
            return library.annotations.article_note(flood)
        finally:
            library.close()

    note("before")
    out = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "-l", str(small_library), "-o", str(out)]) == 0
    note("after")
    assert main(["import", "-l", str(small_library), str(out)]) == 0
    assert note(None) == "after"


def test_a_version_8_store_is_migrated_losing_nothing(tmp_path: Path) -> None:
    """`golden/annotations-v8.sqlite3` was written by newsread with notes store 8 (a
    highlight with a note, one without, a deleted one, an article note, a tag, a star, a
    read mark, in a library): after the migration every one is there, with an empty sync
    base, and its export imports as an older newsread's does."""
    path = tmp_path / "annotations.sqlite3"
    shutil.copy(GOLDEN / "annotations-v8.sqlite3", path)
    with sqlite3.connect(path) as old:
        assert old.execute("PRAGMA user_version").fetchone() == (8,)
        rows = old.execute("SELECT * FROM highlights ORDER BY seq").fetchall()
        articles = old.execute("SELECT * FROM articles ORDER BY seq").fetchall()
    old.close()
    with AnnotationStore.open(path) as store:
        db = store._connection
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        migrated = db.execute("SELECT * FROM highlights ORDER BY seq").fetchall()
        assert [tuple(row)[:-1] for row in migrated] == [tuple(row) for row in rows]
        assert [row["note_synced"] for row in migrated] == ["", "", ""]
        kept = db.execute("SELECT * FROM articles ORDER BY seq").fetchall()
        assert [tuple(row)[:-1] for row in kept] == [tuple(row) for row in articles]
        deleted = store.get_highlight("h003")
        assert deleted is not None and deleted.deleted
        assert deleted.note == "Deleted, kept as a deleted row"
        assert store.article_note(STORM) == "Check the *Met Office* warning."
        state = store.article_state(BUDGET)
        assert state.tag_names == ("politics",) and state.starred
        assert store.article_state(STORM).read
        assert [h.note for item in store.annotations() for h in item.highlights] == [
            "",
            "Ten percent of what?",
        ]
        assert "Ten percent of what?" in export_markdown(store.annotations())


def test_an_older_newsread_leaves_a_newer_store_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """newsread with notes store 8 opening a store of today's version (9 and on) refuses it,
    in one line, and writes nothing to it (nor sets it aside as damaged)."""
    from newsread.index.annotations import database
    from newsread.index.annotations.model import AnnotationError

    path = tmp_path / "annotations.sqlite3"
    with AnnotationStore.open(path) as store:
        store.set_article_note(BUDGET, "written by store 9")
        store.checkpoint()
    before = path.read_bytes()
    monkeypatch.setattr(database, "MIGRATIONS", database.MIGRATIONS[:8])
    monkeypatch.setattr(database, "SCHEMA_VERSION", 8)
    with pytest.raises(
        AnnotationError, match=rf"newer newsread \(schema {SCHEMA_VERSION}, this one knows 8\)"
    ):
        AnnotationStore.open(path)
    assert path.read_bytes() == before
    # (the opening lock is this newsread's own, made before it read the version)
    files = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".opening"))
    assert files == ["annotations.sqlite3"]


def test_versions_that_are_not_hashes_are_refused_in_one_line(
    machines: tuple[Machine, Machine],
) -> None:
    a, b = machines
    synced(a, b)
    items = json.loads(b.export())["first"]["items"]
    items[0]["newsread:versions"] = ["not a hash"]
    summary = a.take(json.dumps(items))
    assert len(summary.errors) == 1 and "newsread:versions" in summary.errors[0]


# The property: random edits on two machines, synced in random order ---------------------------

WORD = re.compile(r"w\d+[ab];")
PASSAGES = (PASSAGE, "an independent audit", "A final vote is expected next month")


@dataclass
class Model:
    """What the users wrote: every word (a unique token) and the ones a user took out."""

    written: set[str] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)
    count: int = 0

    def word(self, side: str) -> str:
        self.count += 1
        word = f"w{self.count}{side};"
        self.written.add(word)
        return word

    def changed(self, before: str, after: str) -> None:
        """A user changed a note from `before` to `after`: the words left out are dropped."""
        self.dropped |= set(WORD.findall(before)) - set(WORD.findall(after))


def live_words(store: AnnotationStore) -> set[str]:
    words: set[str] = set()
    for item in store.annotations():
        words |= set(WORD.findall(item.state.note))
        for highlight in item.highlights:
            words |= set(WORD.findall(highlight.note))
    return words


def notes_of(store: AnnotationStore) -> list[tuple[str, str]]:
    return sorted(
        [(h.id, h.note) for item in store.annotations() for h in item.highlights]
        + [(item.article.id, item.state.note) for item in store.annotations()]
    )


def user_step(rng: random.Random, machine: Machine, side: str, model: Model) -> None:
    """One thing a user does on `machine`: write, add to, rewrite or delete a note."""
    store = machine.store
    live = [h for item in store.annotations() for h in item.highlights]
    action = rng.choice(["highlight", "edit", "edit", "delete", "article"])
    way = rng.choice(["add", "rewrite", "clear"])

    def written(before: str) -> str:
        if way == "clear":
            return ""
        return (before + "\n" if way == "add" else "") + model.word(side)

    if action == "highlight" or (action in ("edit", "delete") and not live):
        made = store.add_highlight(BUDGET, *span(BUDGET, rng.choice(PASSAGES)))
        before, after = made.note, written(made.note)
        store.update_highlight(made.id, note=after)
    elif action == "delete":
        chosen = rng.choice(live)
        before, after = chosen.note, ""
        store.delete_highlight(chosen.id)
    elif action == "edit":
        chosen = rng.choice(live)
        before, after = chosen.note, written(chosen.note)
        store.update_highlight(chosen.id, note=after)
    else:
        article = rng.choice([BUDGET, STORM])
        before = store.article_note(article)
        after = written(before)
        store.set_article_note(article, after)
    model.changed(before, after)


@pytest.mark.parametrize("seed", range(24))
def test_no_note_a_user_wrote_is_lost_syncing_in_any_order(tmp_path: Path, seed: int) -> None:
    """The oracle: every word a user wrote and no user took out of a note is in a live note
    on one machine or the other, after every step; importing a file again changes nothing;
    a machine importing one of its own earlier exports changes no note."""
    rng = random.Random(seed)
    clock = SharedClock()
    model = Model()
    with (
        AnnotationStore.open(tmp_path / "a.sqlite3", clock=clock) as a_store,
        AnnotationStore.open(tmp_path / "b.sqlite3", clock=clock) as b_store,
    ):
        machines = {"a": Machine(a_store), "b": Machine(b_store)}
        for step in range(60):
            side = rng.choice("ab")
            here, there = machines[side], machines["b" if side == "a" else "a"]
            move = rng.random()
            if move < 0.5:
                user_step(rng, here, side, model)
            elif move < 0.7 or not there.exports:
                here.export()
            else:
                own = move > 0.92 and here.exports
                text = rng.choice(here.exports if own else there.exports)
                before = notes_of(here.store)
                here.take(text)
                if own:
                    assert notes_of(here.store) == before, f"seed {seed}, step {step}"
                again = notes_of(here.store)
                assert here.take(text).added == 0
                assert notes_of(here.store) == again, f"seed {seed}, step {step}: not idempotent"
            kept = live_words(a_store) | live_words(b_store)
            lost = model.written - model.dropped - kept
            assert not lost, f"seed {seed}, step {step}: {sorted(lost)} gone from both"


def _note_first_article(root: Path, text: str) -> None:
    """The user's article note on the first article of the library at `root`."""
    from newsread.index.library import Library

    library = Library(root).open()
    try:
        library.update()
        first = library.article(sorted(p.name for p in root.iterdir() if p.is_file())[0])
        assert first is not None
        library.annotations.set_article_note(first, text)
    finally:
        library.close()


def test_an_export_of_every_library_gives_each_library_its_own(
    tmp_path: Path,
    small_library: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`export --all` on one machine, imported on the other with one `--library`: every
    annotation went to that library, and its `export -l` listed the other library's article
    as "Not in this library now". Each annotation keeps the library it was made in: the
    same library at another path there takes its own (`claim_annotations`), another
    library's stay its, said, and `export --all` still lists them."""
    from builders import write_article

    from newsread.tui.cli import main

    papers = tmp_path / "papers"
    write_article(papers, "budget.txt", "Budget passes", "The council passed the budget.")
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "laptop"))
    _note_first_article(small_library, "a note on the news library")
    _note_first_article(papers, "a note on the papers library")
    every = tmp_path / "every.json"
    assert main(["export", "--all", "--format", "json", "-o", str(every)]) == 0
    # On the server the news library is kept at another path.
    server_copy = tmp_path / "server" / "news"
    server_copy.parent.mkdir()
    small_library.rename(server_copy)
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "server-home"))
    capsys.readouterr()
    assert main(["import", "-l", str(server_copy), str(every)]) == 0
    said = capsys.readouterr().out
    assert f"annotations made in another library ({papers}) are kept as its" in " ".join(
        said.split()
    )
    assert main(["export", "-l", str(server_copy)]) == 0
    news = capsys.readouterr().out
    assert "a note on the news library" in news
    assert "papers library" not in news and "Not in this library now" not in news
    assert main(["export", "--all", "-l", str(server_copy)]) == 0
    assert "a note on the papers library" in capsys.readouterr().out
