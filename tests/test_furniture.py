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
        # A video player's or script's fallback text, which a saved page shows as text.
        "Your browser does not support the video tag.",
        "Sorry, your browser doesn't support embedded videos.",
        "To view this video please enable JavaScript, and consider upgrading to a web browser",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "Bitte JavaScript aktivieren, um die Kommentare zu sehen.",
        # A news agency's caption, however it is dated.
        "In this photo taken on Monday, March 11, 2024, a tram runs on the harbour line.",
        "In this Nov. 19, 2019, file photo, the mayor speaks at the opening of the bridge.",
        "This undated photo provided by the family shows Jane Doe at the harbour.",
        "In this image from video, a tram runs on the harbour line.",
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
        "This photo will make you think twice about crossing the old bridge at night.",
        "Engineers say this photo, taken in 1990, shows the bridge before its repair.",
        "The app is written in JavaScript, which the council's developers enable on request.",
    ],
)
def test_sentences_about_the_same_things_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_footer_markers() -> None:
    assert is_footer("© 2024 Northfield Courier. All rights reserved.")
    assert is_footer("Leave a comment")
    assert not is_footer("The comment period ends on Friday, the council said.")


@pytest.mark.parametrize(
    "line", ["(Foto: dpa)", "(Bild: Keystone)", "(Bilder: dpa)", "(Фото: ТАСС)"]
)
def test_a_photo_credit_in_brackets_in_any_language_is_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_remark_in_brackets_is_no_photo_credit() -> None:
    assert not is_furniture("(Bildung ist wichtig)")


@pytest.mark.parametrize(
    "line",
    [
        "Listen to this article · 5 min",
        "Audio: listen to this story",
        "Gift this article",
        "Share full article",
        "Hide caption",
        "Toggle caption",
        "Enlarge this image",
        "Support our journalism",
        "Add topic to email alerts",
        "This article is more than 2 years old",
        "Dieser Artikel ist älter als ein Jahr",
        "Merken",
    ],
)
def test_news_sites_buttons_and_notices_between_byline_and_lede_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Listen to this: the trams will run without drivers from spring.",
        "Support our journalism by subscribing to the Courier today, the editor wrote.",
        "This article is more than a summary of the plan.",
    ],
)
def test_sentences_that_open_like_a_sites_button_are_text(line: str) -> None:
    assert not is_furniture(line)
