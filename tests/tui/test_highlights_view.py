"""The highlights view (ctrl+g): the article's date, and positions placed before listing."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from builders import write_article
from textual.pilot import Pilot
from textual.widgets import Label
from tui_helpers import notifications, rendered_text, settle, wait_for

from newsread.index import Config
from newsread.index.annotations import AnnotationStore, Highlight
from newsread.index.annotations.model import COLOUR_NAMES
from newsread.index.article import Article
from newsread.index.paths import annotations_path
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.highlights import (
    HighlightsList,
    HighlightsScreen,
    library_highlight_prompt,
)
from newsread.tui.widgets.annotated_text import HIGHLIGHT_COLOURS

MakeApp = Callable[..., NewsreadApp]
PASSAGE = "harbour master"


def test_exports_and_the_app_call_the_colours_alike() -> None:
    assert COLOUR_NAMES == {n: name for n, (name, _) in HIGHLIGHT_COLOURS.items()}


async def highlight_the_passage(
    pilot: Pilot, app: NewsreadApp, note: str = ""
) -> tuple[Article, Highlight]:
    """Once the library is up to date, `PASSAGE` of kelmor-harbour.txt highlighted in the
    store: the article and the highlight."""
    await settle(pilot)
    assert app.library is not None
    [article] = app.library.find("kelmor-harbour.txt")
    with AnnotationStore.open(annotations_path()) as store:
        start = article.body.index(PASSAGE)
        return article, store.add_highlight(article, start, start + len(PASSAGE), note=note)


async def test_the_view_shows_the_articles_date_and_current_placement(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        article, made = await highlight_the_passage(pilot, app)
        start = article.body.index(PASSAGE)
        # A stale record, as left when the text changed and nobody opened the article since.
        with sqlite3.connect(annotations_path()) as db:
            db.execute(
                "UPDATE highlights SET status = 'orphaned', start_offset = 3, end_offset = 9"
                " WHERE id = ?",
                (made.id,),
            )
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 1)
        shown = str(listed.get_option_at_index(0).prompt)
        assert "2017-05-30" in shown  # the article's date, besides when it was marked
        assert "orphaned" not in shown
    with AnnotationStore.open(annotations_path()) as store:
        placed = store.get_highlight(made.id)
    assert placed is not None and (placed.status, placed.start) == ("moved", start)


async def test_an_article_dated_by_its_year_alone_shows_the_year(
    tmp_path: Path, make_app: MakeApp
) -> None:
    # The store keeps the period's first day: the view showed 2019-01-01 where lists say 2019.
    library = tmp_path / "library"
    library.mkdir()
    (library / "review.md").write_text(
        "---\ntitle: Harbour review\ndate: 2019\n---\n\nThe harbour master wrote it.\n"
    )
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.library is not None
        await wait_for(pilot, lambda: bool(app.library and app.library.find("review.md")))
        [article] = app.library.find("review.md")
        with AnnotationStore.open(annotations_path()) as store:
            start = article.body.index(PASSAGE)
            store.add_highlight(article, start, start + len(PASSAGE))
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 1)
        shown = str(listed.get_option_at_index(0).prompt)
        assert "Harbour review · 2019 · marked" in shown, shown


@pytest.mark.parametrize("shut", [False, True])
async def test_a_highlight_whose_article_is_gone_says_so(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, shut: bool
) -> None:
    """It was listed as any other; only Enter said the article was no longer in the library.
    One whose file is there but the user may no longer read (`shut`: its owner took their
    access away, the update dropped it) was said to be "not in the library" too."""
    from newsread.index import Library

    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.library is not None
        [gone] = app.library.find("kelmor-harbour.txt")
        [kept] = app.library.find("flood.txt")
        with AnnotationStore.open(annotations_path()) as store:
            for article, words in ((gone, PASSAGE), (kept, "burst its banks")):
                start = article.body.index(words)
                store.add_highlight(article, start, start + len(words))
        (library / "kelmor-harbour.txt").unlink()
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: not app.library.find("kelmor-harbour.txt"))  # type: ignore[union-attr]
        if shut:  # root reads any file: the update dropped it as it does one it may not read
            monkeypatch.setattr(
                Library, "unreadable", lambda self, paths: {"kelmor-harbour.txt"} & set(paths)
            )
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 2)
        shown = {str(listed.get_option_at_index(i).prompt).split("\n")[0] for i in (0, 1)}
        said = "you may no longer read its file" if shut else "not in the library"
        assert shown == {f"   {said} · {PASSAGE}", "   burst its banks"}
        # Enter on it said "That article is no longer in the library" of a file there.
        listed.focus()
        listed.highlighted = next(
            i for i in (0, 1) if PASSAGE in str(listed.get_option_at_index(i).prompt)
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        await wait_for(pilot, lambda: any("no longer" in n for n in notifications(app)))
        refused = [n for n in notifications(app) if "no longer" in n]
        assert (
            "kelmor-harbour.txt: you may no longer read its file (permission denied)" in refused[-1]
        ) is shut, refused


def test_a_highlight_whose_wording_changed_says_so_as_in_the_notes_panel(tmp_path: Path) -> None:
    # The notes panel said "changed ·"; the highlights view listed it as if quoted exactly.
    from newsread.index.article import Article

    article = Article(id="a1", key="a.txt", path="a.txt", title="T", paragraphs=("One two three.",))
    with AnnotationStore.open(tmp_path / "notes.sqlite3") as store:
        made = store.add_highlight(article, 4, 7)
    shown = {
        status: str(library_highlight_prompt(replace(made, status=status))).split("\n")[0]
        for status in ("anchored", "fuzzy")
    }
    assert shown == {"anchored": "   two", "fuzzy": "   changed · two"}


FLOOD = "River flood reaches the old town"
FLOOD_EDITED = (
    "The river Vessa burst its banks overnight and flooded the old town of Kelmor.\n\n"
    "Firefighters said the water rose faster than in any year since 1962.\n\n"
    "Volunteers filled sandbags along the harbour wall until dawn."
)


def move_flood_and_edit(library: Path, *names: str) -> None:
    """flood.txt (no URL) moved and edited at once: its key, path and id all change."""
    (library / "flood.txt").unlink()
    for name in names:
        write_article(
            library, name, FLOOD, FLOOD_EDITED, source="BALTIC WIRE",
            section="Environment", date="2 April 2021 [07:30]",
        )  # fmt: skip


async def highlight_flood_then(
    library: Path, app: NewsreadApp, pilot: Pilot[None], *names: str
) -> HighlightsList:
    await settle(pilot)
    assert app.library is not None
    [flood] = app.library.find("flood.txt")
    with AnnotationStore.open(annotations_path()) as store:
        start = flood.body.index("burst its banks")
        store.add_highlight(flood, start, start + len("burst its banks"), note="Worst since 1962?")
    move_flood_and_edit(library, *names)
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: len(app.library.find(names[-1])) == 1)  # type: ignore[union-attr]
    await pilot.press("ctrl+g")
    await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
    listed = app.screen.query_one(HighlightsList)
    await wait_for(pilot, lambda: listed.option_count == 1)
    return listed


async def test_a_highlight_follows_its_article_moved_and_edited_and_opens_there(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        listed = await highlight_flood_then(library, app, pilot, "archive/flood-2021.txt")
        shown = str(listed.get_option_at_index(0).prompt)
        assert shown.split("\n")[:2] == ["   burst its banks", "✎ Worst since 1962?"]
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        reader = app.main.reader
        await wait_for(pilot, lambda: reader.article is not None)
        assert reader.article is not None and reader.article.key == "archive/flood-2021.txt"
        await wait_for(
            pilot,
            lambda: (
                reader.body_offset(reader.cursor_location)
                == reader.article.body.index("burst its banks")  # type: ignore[union-attr]
            ),
        )


async def test_two_moved_copies_get_neither_and_the_view_says_so(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        listed = await highlight_flood_then(library, app, pilot, "a/flood.txt", "b/flood.txt")
        status = app.screen.query_one("#highlights-status", Label)
        await wait_for(pilot, lambda: "not attached" in str(status.render()))
        assert str(listed.get_option_at_index(0).prompt).startswith(
            "   not in the library · burst its banks"
        )
        assert (
            f"annotations of “{FLOOD}” not attached: 2 articles could be it"
            " (a/flood.txt, b/flood.txt)" in str(status.render())
        )


async def test_the_view_keeps_to_the_library_and_ctrl_l_lists_every_one(
    library: Path, tmp_path: Path, make_app: MakeApp
) -> None:
    # Every library's highlights were listed as this one's ("not in the library" at best),
    # and Enter on another library's opened whatever had the same file name here.
    elsewhere = Article(
        id="x1", key="kelmor-harbour.txt", path="kelmor-harbour.txt", title="Archived",
        paragraphs=("Elsewhere entirely.",),
    )  # fmt: skip
    with AnnotationStore.open(annotations_path(), library=str(tmp_path / "archive")) as store:
        store.add_highlight(elsewhere, 0, 9)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.library is not None
        [kept] = app.library.find("flood.txt")
        start = kept.body.index("burst its banks")
        app.library.annotations.add_highlight(kept, start, start + len("burst its banks"))
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        status = app.screen.query_one("#highlights-status", Label)
        await wait_for(pilot, lambda: "1 made in other libraries" in str(status.render()))
        assert listed.option_count == 1
        assert str(listed.get_option_at_index(0).prompt).split("\n")[0] == "   burst its banks"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: listed.option_count == 2)
        shown = [str(listed.get_option_at_index(i).prompt).split("\n")[0] for i in (0, 1)]
        assert shown == ["   burst its banks", "   in archive · Elsewhere"]
        assert "every library" in str(app.screen.query_one("#highlights-title", Label).render())
        await pilot.press("down")
        listed.highlighted = 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("another library" in m for m in notifications(app)))
        assert app.main.reader.article is None


async def test_at_40x12_moving_keeps_the_selected_highlights_first_line_in_view(
    library: Path, make_app: MakeApp
) -> None:
    """The list ran off the bottom of the screen at 40x12 (a screen's DEFAULT_CSS lost to the
    app's `.dialog OptionList`): the entry moved to was drawn below the last row."""
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert app.library is not None
        with AnnotationStore.open(annotations_path()) as store:
            for key in ("kelmor-harbour.txt", "grain/sanctions.txt", "flood.txt"):
                [article] = app.library.find(key)
                paragraph = article.body.split("\n\n")[0]
                start = article.body.index(paragraph)
                note = "\n".join(f"Line {n} of a long note on {key}" for n in range(4))
                store.add_highlight(article, start, start + len(paragraph), note=note)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 3)
        await pilot.press("down")
        assert listed.has_focus
        assert app.screen.region.contains_region(listed.region)
        for key in ("j", "down", "k", "up", "j", "j"):
            await pilot.press(key)
            assert listed.highlighted is not None
            quote = str(listed.get_option_at_index(listed.highlighted).prompt)
            first_line = quote.split("\n")[0].strip()[:15]
            assert first_line in rendered_text(listed), (key, first_line)


async def test_a_highlight_deleted_meanwhile_says_so_when_opened_from_the_view(
    library: Path, make_app: MakeApp
) -> None:
    # Deleted by another session while the view listed it: Enter opened the article and
    # said nothing, the cursor where it was.
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.library is not None
        [article] = app.library.find("kelmor-harbour.txt")
        start = article.body.index(PASSAGE)
        with AnnotationStore.open(annotations_path()) as other:
            made = other.add_highlight(article, start, start + len(PASSAGE))
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
            listed = app.screen.query_one(HighlightsList)
            await wait_for(pilot, lambda: listed.option_count == 1)
            other.delete_highlight(made.id)
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        await wait_for(
            pilot,
            lambda: (
                "That highlight is no longer in this article (deleted meanwhile?)"
                in notifications(app)
            ),
        )


async def test_at_40x12_the_list_gets_the_rows(library: Path, make_app: MakeApp) -> None:
    """At 40x12 the help line wrapped to two rows and the title was padded: one entry showed."""
    app = make_app(library)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert app.library is not None
        with AnnotationStore.open(annotations_path()) as store:
            for key in ("kelmor-harbour.txt", "grain/sanctions.txt", "flood.txt"):
                [article] = app.library.find(key)
                words = article.body.split()
                for n in (0, 4):
                    passage = " ".join(words[n : n + 2])
                    start = article.body.index(passage)
                    store.add_highlight(article, start, start + len(passage))
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 6)
        await pilot.pause()
        shown = rendered_text(listed)
        first_lines = [str(listed.get_option_at_index(i).prompt).split("\n")[0] for i in range(6)]
        visible = [line for line in first_lines if line.strip()[:12] in shown]
        assert len(visible) >= 3, shown
        [help_line] = [label for label in app.screen.query(".dialog-help") if label.size.height]
        assert help_line.size.height == 1
        assert "Esc" in rendered_text(help_line)  # the short help, not the long one cut


def _highlight_each(app: NewsreadApp, *keys: str, colour: int = 1) -> None:
    """One highlight, on the first two words, in each article named (in that order)."""
    assert app.library is not None
    with AnnotationStore.open(annotations_path()) as store:
        for key in keys:
            [article] = app.library.find(key)
            passage = " ".join(article.body.split()[:2])
            start = article.body.index(passage)
            store.add_highlight(article, start, start + len(passage), colour=colour)


async def test_ctrl_s_saves_what_the_view_lists_as_markdown_oldest_article_first(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Collected in the app, the brief could only be written by quitting for `newsread export`.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt", "grain/sanctions.txt", colour=2)  # 2021, then 2019
        _highlight_each(app, "kelmor-harbour.txt")  # yellow: filtered out below
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 3)
        await pilot.press(*"colour:green")
        await wait_for(pilot, lambda: listed.option_count == 2)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = work.iterdir()
        said = [m for m in notifications(app) if m.startswith("Saved")]
        assert said == [f"Saved 2 highlights from 2 articles, oldest first, to {saved}{ELSEWHERE}"]
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        text = saved.read_text()
        assert "\nQuery: `colour:green`\n" in text
        titles = [line for line in text.splitlines() if line.startswith("## ")]
        assert titles == [
            "## Grain export sanctions tightened",
            "## River flood reaches the old town",
        ]
        assert "Kelmor harbour" not in text
        await pilot.press("ctrl+s")  # again: a second file, the first one kept
        await wait_for(pilot, lambda: len(list(work.iterdir())) == 2)
        assert saved.read_text() == text


async def test_ctrl_s_groups_a_brief_from_two_sources_by_source(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The brief ran by date, the source only in each citation: no per-source view.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt", "kelmor-harbour.txt", "grain/sanctions.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 3)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = work.iterdir()
        headings = [line for line in saved.read_text().splitlines() if line.startswith("##")]
        assert headings == [
            "## BALTIC WIRE",
            "### Grain export sanctions tightened",  # 2019
            "### River flood reaches the old town",  # 2021
            "## HARBOUR GAZETTE",
            "### Kelmor harbour expansion approved",
        ]


async def test_ctrl_s_with_the_starting_folder_gone_or_in_the_library_says_so(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Not saved: [Errno 2] No such file or directory" named neither the folder nor why.
    # Started in the library (`cd news; newsread .`), the brief was saved there and read as an
    # article of it at the next update (in a team's library, one the others may not read).
    home = tmp_path / "alice"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt")
        work.rmdir()
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 1)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Not saved") for m in notifications(app)))
        assert "Not saved: the folder newsread was started from is gone" in notifications(app)
        before = sorted(library.rglob("*"))
        monkeypatch.chdir(library / "grain")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = home.iterdir()
        assert sorted(library.rglob("*")) == before
        assert notifications(app)[-1] == (
            f"Saved 1 highlight from 1 article, oldest first, to {saved} (not in the library, "
            'where it would be read as an article; briefs = "DIR" in config.toml saves elsewhere)'
        )


async def test_ctrl_s_says_the_order_of_undated_articles(
    tmp_path: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saving the highlights of a folder of undated BBC files said "oldest first".
    root = tmp_path / "undated"
    root.mkdir()
    for name in ("quay", "ferry"):
        (root / f"{name}.md").write_text(f"# The {name}\n\nThe {name} story goes on.\n")
    (root / "dated.md").write_text("---\ndate: 2019-03-01\n---\n# Dated\n\nA dated story.\n")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "quay.md", "ferry.md")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(HighlightsList).option_count == 2)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = work.iterdir()
        said = [m for m in notifications(app) if m.startswith("Saved")]
        assert said == [
            f"Saved 2 highlights from 2 articles, undated: in the order first annotated, to {saved}{ELSEWHERE}"
        ]
        _highlight_each(app, "dated.md")
        await pilot.press("escape", "ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(HighlightsList).option_count == 3)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(list(work.iterdir())) == 2)
        await wait_for(pilot, lambda: "oldest first, 2 undated last" in notifications(app)[-1])


ELSEWHERE = ' (briefs = "DIR" in config.toml saves elsewhere)'
"""The end of "Saved …" when config.toml names no folder for briefs (the working folder)."""


async def test_ctrl_s_saves_briefs_where_config_toml_says(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saved in the folder newsread was started from (a source tree, a clone), the brief was a
    # stray file there, and nothing let the user choose another (ux20 P8).
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    briefs = tmp_path / "research" / "briefs"  # made when first needed
    app = make_app(library, config=Config(briefs=briefs))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(HighlightsList).option_count == 1)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = briefs.iterdir()
        assert not list(work.iterdir())
        said = [m for m in notifications(app) if m.startswith("Saved")]
        assert said == [f"Saved 1 highlight from 1 article, oldest first, to {saved}"]


async def test_ctrl_s_says_when_the_briefs_folder_config_toml_names_is_a_file(
    library: Path, make_app: MakeApp, tmp_path: Path
) -> None:
    # "Not saved: …/notes.md: File exists" read as if the brief itself were there already.
    briefs = tmp_path / "notes.md"
    briefs.write_text("mine\n")
    app = make_app(library, config=Config(briefs=briefs))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(HighlightsList).option_count == 1)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Not saved") for m in notifications(app)))
        said = [m for m in notifications(app) if m.startswith("Not saved")]
        assert said == [
            f'Not saved: {briefs} is a file, not a folder (briefs = "DIR" in config.toml)'
        ]
        assert briefs.read_text() == "mine\n"


async def test_ctrl_s_saves_every_highlight_also_those_past_the_lists_limit(
    library: Path, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With over 500 highlights the brief had the 500 listed, "Saved 500 highlights", and the
    # older ones and their notes were missing from it without a word.
    from newsread.tui.screens import highlights

    monkeypatch.setattr(highlights, "LIMIT", 2)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt", "grain/sanctions.txt", "kelmor-harbour.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 2)
        status = rendered_text(app.screen.query_one("#highlights-status", Label))
        assert status.startswith("2 highlights (the newest; ^s saves every one)")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(m.startswith("Saved") for m in notifications(app)))
        [saved] = work.iterdir()
        said = [m for m in notifications(app) if m.startswith("Saved")]
        assert said == [f"Saved 3 highlights from 3 articles, oldest first, to {saved}{ELSEWHERE}"]
        assert saved.read_text().count("\n> ") == 3


async def test_ctrl_g_reopens_on_the_highlight_it_was_left_on(
    library: Path, make_app: MakeApp
) -> None:
    # Reviewing highlights one by one: each ctrl+g started again from the top, filter cleared.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt", "grain/sanctions.txt", "kelmor-harbour.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 3)
        await pilot.press("down", "j")  # to the list, then its second entry
        chosen = app.screen.highlighted_id  # type: ignore[attr-defined]
        assert listed.highlighted == 1 and chosen is not None
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main and app.main.reading)
        await pilot.press("escape", "ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 3)
        await pilot.pause()
        assert app.screen.highlighted_id == chosen  # type: ignore[attr-defined]
        assert app.focused is listed  # j and k move on from it
        await pilot.press("j")
        assert listed.highlighted == 2


async def test_a_wide_view_shows_whole_passages_and_s_orders_them_by_date_published(
    library: Path, make_app: MakeApp
) -> None:
    """At 200x50 the view was a 72-column box cutting each passage to two lines, always newest
    marked first: reviewing a brief on how a story went meant opening each highlight."""
    app = make_app(library)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert app.library is not None
        # Marked in this order, so newest marked first is neither date order.
        _highlight_each(app, "ferry.txt", "flood.txt")
        [kelmor] = app.library.find("kelmor-harbour.txt")
        with AnnotationStore.open(annotations_path()) as store:
            store.add_highlight(kelmor, 0, len(kelmor.body))  # 190 characters, 3 paragraphs
        _highlight_each(app, "grain/sanctions.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        screen = app.screen
        listed = screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 4)
        await pilot.pause()
        assert screen.query_one("#highlights-dialog").region.width == 200
        assert "welcomed the plan for a deeper" in rendered_text(listed)  # cut at 120 before

        def sources() -> list[str]:
            return [
                str(listed.get_option_at_index(i).prompt).split("\n")[-1].split(" · ")[1]
                for i in range(4)
            ]

        assert sources() == ["BALTIC WIRE", "HARBOUR GAZETTE", "BALTIC WIRE", "ISLAND POST"]
        await pilot.press("down", "j")  # on the Kelmor highlight
        await pilot.press("s")
        title = screen.query_one("#highlights-title", Label)
        assert "by date published" in str(title.render())
        dates = [
            str(listed.get_option_at_index(i).prompt).split("\n")[-1].split(" · ")[2]
            for i in range(4)
        ]
        assert dates == ["2015-05-05", "2017-05-30", "2019-03-12", "2021-04-02"]
        # ux20 P21: it stayed on the entry it was on, so the first sight of an order could be
        # its end; it opens on the order's first entry, at the top.
        assert listed.highlighted == 0 and listed.scroll_y == 0
        await pilot.press("escape", "ctrl+g")  # the order is kept, as the filter is
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        assert "by date published" in str(app.screen.query_one("#highlights-title", Label).render())


async def test_question_mark_in_the_list_shows_the_keys_and_is_typed_in_the_filter(
    library: Path, make_app: MakeApp
) -> None:
    # `?` did nothing in the list (only f1, said nowhere there, showed the keys).
    from newsread.tui.screens.help import HelpScreen

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _highlight_each(app, "flood.txt")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        screen = app.screen
        await pilot.press("question_mark")  # the filter box has the focus: typed
        assert screen.filter_text == "?"  # type: ignore[attr-defined]
        await pilot.press("backspace", "down", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        assert "Highlights (ctrl+g)" in rendered_text(app.screen.query_one("#help-text"))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: app.screen is screen)


async def test_a_highlight_of_an_article_the_user_may_no_longer_read_shows_only_its_passage(
    library: Path, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library's owner took the user's access away after they highlighted in it (`chmod
    g-rx`; the update fails, the index stays): the view lists the user's own passage and note
    and the title, nothing more of the index's text, and Enter refuses the article as the
    results list does."""
    from newsread.index import Library

    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        article, _ = await highlight_the_passage(pilot, app, note="Who is it?")
        shut = {article.path}
        monkeypatch.setattr(Library, "unreadable", lambda self, paths: shut & set(paths))
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 1)
        shown = str(listed.get_option_at_index(0).prompt)
        assert shown.split("\n")[:2] == [f"   {PASSAGE}", "✎ Who is it?"]
        assert "welcomed" not in shown and "city council" not in shown
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        await wait_for(
            pilot,
            lambda: any("you may no longer read its file" in n for n in notifications(app)),
        )
        assert app.main.reader.article is None
        assert "welcomed" not in rendered_text(app.main.reader)
