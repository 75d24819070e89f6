"""Page furniture and footer markers: the lines of a page that are not its article."""

from __future__ import annotations

import random
import re

import pytest

from newsread.index.files.formats import bylines, furniture
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
        "1 of 12",
        # A caption with its photographer's and outlet's credit; a sign-up box's pitch.
        "The old bridge on Monday. Jane Doe/Northfield Courier",
        "Jalankulkija Helsingin Merihaassa helmikuussa. Hanna Matikainen / Lehtikuva",
        "Our best stories in your inbox every day.",
        "Headlines Delivered to Your Inbox",
        "Skip Advertisement",
        "Jump to comments",
        "Now playing",
        "Watch: The old bridge closes",
        "Sponsored by Harbour Bank",
        "Listen 5:32",
        "3 von 20",
        # An audio player's length, beside its "Listen to this article".
        "5 min",
        "12 minutes",
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
        # A form's fields and buttons as w3m and lynx draw them.
        "[                    ] Sign up",
        "____________________ Submit",
        "(BUTTON) Share (BUTTON) Comment (BUTTON) Gift Article",
        "[IMG]",
        # Chinese and Japanese share buttons without a colon (China Daily, AFPBB).
        "分享到微信",
        "このニュースをシェア",
        "記事を共有する",
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
        "U.S. Certificates To Provide Wheat/Corn Supplies",
        "The council will vote on the plan and/or the budget. Jane Doe/John Roe said so.",
        "Watch: the council is expected to vote on the bridge on Tuesday. What happens next?",
        "Sponsored by the council, the ferry runs every hour. Tickets cost two euros.",
        "1 of 12 people hurt in the crash was still in hospital on Tuesday.",
        "5 minutes from the station, the bridge is the town's busiest crossing.",
        "This photo will make you think twice about crossing the old bridge at night.",
        "Engineers say this photo, taken in 1990, shows the bridge before its repair.",
        "The app is written in JavaScript, which the council's developers enable on request.",
        "分享到朋友圈的照片引发热议，网友纷纷转发。",
    ],
)
def test_sentences_about_the_same_things_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_footer_markers() -> None:
    assert is_footer("© 2024 Northfield Courier. All rights reserved.")
    assert is_footer("Leave a comment")
    assert not is_footer("The comment period ends on Friday, the council said.")


# Pieces that build lines near the scanned alternatives' and the comments link's words: their
# words in odd cases and with letters the case-blind regex also takes ("ſ" for "s", the Kelvin
# sign for "k"), punctuation, spaces of several kinds.
_PIECES = [
    "JavaScript",
    "javaſcript",
    "JAVASCRIPT",
    "Java Script",
    "enable",
    "please",
    "turn on",
    "is disabled",
    "aktivieren",
    "activez le",
    "newsletter",
    "NEWSLETTERS",
    "Newſletter",
    "sign up",
    "join",
    "subscribe",
    "for",
    "the",
    "Harbour",
    "daily",
    ".",
    "!",
    "?",
    ",",
    "Leave a Comment",
    "leave a reply",
    "No Comments",
    "3 Kommentare",
    "12 comments",
    "Comments Off",
    "\u212aommentare",
    "commentaires",
    "Deja un comentario",
    "sin comentarios",
    "By Jane Doe",
    "|",
    "–",
    "1",
    "x" * 70,
    "Ж",
    "ſ",
]


def _random_line(rng: random.Random) -> str:
    words = rng.choices(_PIECES, k=rng.randint(1, 9))
    gaps = rng.choices([" ", " ", " ", "  ", "\t", "\u00a0", ""], k=len(words))
    line = "".join(gap + word for gap, word in zip(gaps, words, strict=True))
    return line + rng.choice(["", "", ".", "!", " .", " ", "\n"])


def test_furniture_is_the_whole_pattern_s_answer_on_random_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`is_furniture` tries the scanned alternatives only on a line holding their words: the
    same answer as with one regex of all the alternatives, tried on every line (the slow
    twin)."""
    whole = re.compile(
        furniture._FURNITURE.pattern.replace(
            "    )$", "|" + furniture._FURNITURE_SCANNED.pattern[5:-3] + ")$"
        ),
        re.IGNORECASE | re.VERBOSE,
    )
    rng = random.Random(20261206)
    lines = [_random_line(rng) for _ in range(20_000)]
    lines += ["Please enable javaſcript to see it.", "Sign up. Join the daily Newſletter"]
    fast = [is_furniture(line) for line in lines]
    scanned = sum(bool(furniture._FURNITURE_SCANNED.match(line)) for line in lines)
    monkeypatch.setattr(furniture, "_FURNITURE", whole)
    monkeypatch.setattr(furniture, "_scanned_words", lambda line, lowered: False)
    for line, answer in zip(lines, fast, strict=True):
        assert answer == is_furniture(line), repr(line)
    assert scanned > 100  # the random lines do hold scanned furniture


def test_comments_link_is_cut_as_by_the_regex_alone_on_random_lines() -> None:
    """`without_comments_link` runs its regex only on a line whose last word ends a link:
    the same line back as the regex's substitution on every line (the slow twin)."""
    rng = random.Random(6122026)
    lines = [_random_line(rng) for _ in range(20_000)]
    lines += ["by Jane Doe Leave a Comment", "Jane Doe 3 \u212aommentare", "Jane  No Comments  ."]
    cut = 0
    for line in lines:
        slow = (
            bylines._COMMENTS_LINK.sub("", line)
            if line[-1:].isalpha() or line[-1:] in ".!"
            else line
        )
        assert bylines.without_comments_link(line) == slow, repr(line)
        cut += slow != line
    assert cut > 500  # the random lines do end in links


def test_a_byline_is_spaced_as_by_collapsing_and_the_regex_on_random_lines() -> None:
    """`_spaced` drops the space a collapsed line keeps before a comma: the same as cutting
    every run of whitespace before one (the slow twin), with tabs, no-break and other spaces."""
    rng = random.Random(7)
    spaces = [" ", "\t", "\u00a0", "\u2009", "\u3000", "\x1f", "\n", ""]
    pieces = ["Jane", "Doe", ",", ",", "Reporter", "and", "John", "Roe", "Leave a Comment"]
    for _ in range(5_000):
        line = "".join(
            rng.choice(spaces) * rng.randint(1, 3) + rng.choice(pieces)
            for _ in range(rng.randint(1, 8))
        )
        slow = bylines.without_comments_link(re.sub(r"\s+,", ",", " ".join(line.split())))
        assert bylines._spaced(line) == slow, repr(line)


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


@pytest.mark.parametrize(
    "line",
    [
        "Play Listen to this story 0:00 / 3:45",  # an audio player as inscriptis renders it
        "0:00 / 3:45",
        "1 / 12",  # a gallery's counter
        "Contents",
        "Table of Contents",
        "Inhaltsverzeichnis",
        "EXCLUSIVE",
        "Breaking news",
        "This article contains affiliate links. We may earn a commission.",
        "When you buy through links on our site, we may earn an affiliate commission.",
        "We may earn a commission from links on this page.",
        "Advertiser Disclosure",
    ],
)
def test_players_counters_contents_labels_and_shop_disclosures_over_the_lede(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "24/7",
        "9/11",
        "The contents of the report were not made public.",
        "Exclusive talks began on Monday.",
        "We may earn less this year, the finance minister warned on Tuesday.",
    ],
)
def test_dates_figures_and_sentences_like_them_are_text(line: str) -> None:
    assert not is_furniture(line)


def test_a_comment_forms_fields_run_into_a_note_are_no_furniture_line() -> None:
    # lynx draws a comment form's text area as rows of underscores, which the page reader
    # joins to the note under them: a row of fields closed by sentences is no line of fields.
    # (Each run of underscores is one field: were a run split into several fields, a line of
    # many would be tried in exponentially many ways before it fails.)
    fields = " ".join(["_" * 67] * 3)
    assert not is_furniture(f"{fields} Please note: Comment moderation is enabled.")
    assert is_furniture(fields)
    assert is_furniture(f"{'_' * 22} Website")


@pytest.mark.parametrize(
    "line",
    [
        "skip to main | skip to sidebar",
        "Skip to navigation | Skip to footer",
        "Jump to main content",
        "Zum Inhalt springen",
        "Direkt zum Inhalt",
        "Aller au contenu principal",
    ],
)
def test_skip_links_alone_or_in_a_row_are_furniture(line: str) -> None:
    # A page's links past its menus, at the very top of a text browser's dump, where the
    # headline of a page with no menu to tell it from is looked for.
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line", ["Skip to the end of the story about cats", "Zum Inhalt der Debatte"]
)
def test_lines_that_open_like_a_skip_link_are_text(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Condividi Facebook Twitter Google+ LinkedIn email whatsapp",
        "Teilen Facebook Xing E-Mail",
        "Partager Facebook Twitter",
        "Share[12] Facebook [13]Twitter [14]LinkedIn",
    ],
)
def test_a_row_of_share_buttons_in_any_language_is_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_sentence_naming_social_networks_is_no_share_row() -> None:
    assert not is_furniture("Teilen Sie den Artikel auf Facebook oder Twitter mit Freunden.")


@pytest.mark.parametrize(
    "line",
    [
        "Opinions expressed by Courier contributors are their own.",
        "The views expressed in this column are those of the author.",
        "The views expressed by guest writers do not necessarily reflect the views of the Courier.",
        "Editorial note: Opinions expressed here are the author’s alone, not those of any bank.",
        "Disclaimer: The views expressed are solely those of the writer.",
    ],
)
def test_an_outlets_disclaimer_on_its_writers_views_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Views expressed by the minister were criticised by the opposition as their own goal.",
        "The views expressed at the meeting do not necessarily reflect a consensus, she said.",
        "Opinions expressed vary.",
    ],
)
def test_a_sentence_about_views_expressed_is_no_disclaimer(line: str) -> None:
    assert not is_furniture(line)
