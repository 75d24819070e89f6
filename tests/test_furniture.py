"""Page furniture and footer markers: the lines of a page that are not its article."""

from __future__ import annotations

import pytest

from newsread.index.files.formats.furniture import is_footer, is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Share Tweet Email",
        "5 min read",
        "Tempo de leitura: 1 minuto",
        "Lesezeit: 3 Min.",
        "3 Min. Lesezeit",
        "Temps de lecture : 4 minutes",
        "5 minutos de lectura",
        "Время чтения: 2 минуты",
        "Advertisement",
        "The mayor opens the new bridge on Monday. Photo: Reuters",
        # A pitch for the site's newsletter, however it opens.
        "Want more bargains? Join the Harbour Deals Newsletter.",
        "Start your morning with the Market Brief. Sign up for the free daily newsletter.",
        # A photo gallery's counter and buttons.
        "Image 1 of 8",
        "Image 1of/8",
        "Bild 3/12",
        "Caption",
        "Enlarge",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Lesezeit ist wichtig für Kinder, die lesen lernen und dabei viel Zeit brauchen.",
        "The council voted on Tuesday to close the old bridge to traffic.",
        "Reading time matters to editors, who cut long stories before they are published.",
        "The council said it would join the regional newsletter scheme next year.",
        "Image 1 of 8 shows the bridge from the east bank, closed since Tuesday.",
    ],
)
def test_sentences_about_the_same_things_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_footer_markers() -> None:
    assert is_footer("© 2024 Northfield Courier. All rights reserved.")
    assert is_footer("Leave a comment")
    assert not is_footer("The comment period ends on Friday, the council said.")
