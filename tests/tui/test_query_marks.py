"""The words an open article marks for the query: its matches, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from builders import write_article
from tui_helpers import settle

from newsread.tui.app import NewsreadApp

MakeApp = Callable[..., NewsreadApp]


async def test_a_phrase_marks_its_words_only_where_they_stand_together(
    library: Path, make_app: MakeApp
) -> None:
    # "harbour" is in the body three times, once followed by "expansion"; the phrase's
    # words marked on their own too ("the harbour master", "9 ships" for "pier 9").
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*'"harbour expansion"', "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert reader.article is not None and reader.article.key == "kelmor-harbour.txt"
        text = reader._text
        marked = [text[start:end] for start, end in reader._query_matches]
        # Each occurrence is one match: n/N step from one to the next, not word by word.
        assert marked == ["harbour expansion", "harbour expansion"]  # title, body
        assert reader.match_label == "-/2"


async def test_a_word_with_an_elided_letter_is_marked_whole(
    library: Path, make_app: MakeApp
) -> None:
    # Searching O'Brien marked "Brien" only: the index splits at the apostrophe and leaves
    # out the single letter.
    write_article(
        library, "obrien.txt", "Talks with O'Brien", "Pat O’Brien and Mr O'Brien met the mayor."
    )
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"o'brien", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert reader.article is not None and reader.article.key == "obrien.txt"
        text = reader._text
        marked = [text[start:end] for start, end in reader._query_matches]
        assert marked == ["O'Brien", "O’Brien", "O'Brien"]  # title, body
