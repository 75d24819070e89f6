"""The highlights view (ctrl+g): the article's date, and positions placed before listing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tui_helpers import settle, wait_for

from newsread.index.annotations import AnnotationStore
from newsread.index.annotations.model import COLOUR_NAMES
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


async def test_the_view_shows_the_articles_date_and_current_placement(
    library: Path, make_app: MakeApp
) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.library is not None
        [article] = app.library.find("kelmor-harbour.txt")
        with AnnotationStore.open(annotations_path()) as store:
            start = article.body.index(PASSAGE)
            made = store.add_highlight(article, start, start + len(PASSAGE))
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


async def test_a_highlight_whose_article_is_gone_says_so(library: Path, make_app: MakeApp) -> None:
    # It was listed as any other; only Enter said the article was no longer in the library.
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
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, HighlightsScreen))
        listed = app.screen.query_one(HighlightsList)
        await wait_for(pilot, lambda: listed.option_count == 2)
        shown = {str(listed.get_option_at_index(i).prompt).split("\n")[0] for i in (0, 1)}
        assert shown == {f"   not in the library · {PASSAGE}", "   burst its banks"}


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
