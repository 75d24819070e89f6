"""Unit tests for `newsread.index.files.formats.plaintext`: scraped plain-text article layouts."""

from __future__ import annotations

import random
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsread.index.files.formats import Draft
from newsread.index.files.formats.plaintext import parse_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_PATH = SHARED / "seeds" / "000_da711241ed4bda25.txt"
CORPORA = SHARED / "corpora"

# A copy of the canonical seed (a scraped TODAY.AZ page), so the exact-field test always runs.
SEED_TEXT = (
    "TODAY.AZ / World news\n"
    "\n"
    "Putin, Macron meet amid strained French-Russian ties\n"
    "\n"
    "30 May 2017 [16:18] - TODAY.AZ\n"
    "\n"
    "By\u00a0Azernews\n"
    "\n"
    "\n"
    "By Kamila Aliyeva\n"
    "\n"
    "Russian President Vladimir Putin, who visited Paris upon the invitation of "
    "newly-elected French President Emmanuel Macron, had “difficult”, but “frank” talks with "
    "him during their first meeting in Versailles on May 29.\n"
    "\n"
    "The agenda of the\u00a0talks covered a wide range of issues including the "
    "intensification of Russian-French political, economic and cultural cooperation and the "
    "situation in Ukraine, Syria and Libya and on the Korean peninsula.\n"
    "\n"
    "Macron\u00a0stressed that dialogue with Russia is vital in solving a number of "
    "international disputes, RT reported.\n"
    "\n"
    "The French president admitted, however, that he has\u00a0“some disagreements”\u00a0with "
    "his Russian counterpart, but said that the two leaders discussed them openly in "
    "a\u00a0“frank exchange of views.”\n"
    "\n"
    "Putin also noted certain differences, but said that both of them view many issues in a "
    "similar way, and that French-Russian relations could "
    "be\u00a0“qualitatively”\u00a0improved.\n"
    "\n"
    "The relations between the two countries are overshadowed by mistrust, with Paris and "
    "Moscow backing opposing sides in the Syrian civil war and at odds over the Ukraine "
    "conflict.\n"
    "\n"
    "Another issue that weakened Russian-French ties was accusation against Russia over "
    "alleged attempts to interfere in French presidential election.\n"
    "\n"
    "Russia has not interfered in elections in\u00a0any country, there is no subject for "
    "discussion on this issue, Putin said at a news conference after talks in reply to "
    "reporters’ question.\n"
    "\n"
    "He also noted that his meeting with\u00a0Marine Le Pen, who was another candidate in "
    "the presidential race, was not aimed at\u00a0influencing the recent presidential "
    "election in France.\n"
    "\n"
    '"Once Le Pen asked us for a meeting, we could not refuse her since she had been always '
    'a supporter for the development of relations with our country," Putin said.\u00a0\n'
    "\n"
    "Commenting on rumors about alleged interference of Russian hackers in the French "
    "presidential election, Putin reminded there were no hard facts proving this.\n"
    "\n"
    "Putin noted\u00a0that Moscow and Paris are looking for joint solutions to the problems "
    "of Syria, Ukraine, North Korea’s nuclear program and terrorism.\n"
    "\n"
    '"We spoke about the Ukrainian crisis, spoke about the possibilities of settling the '
    "Syrian problem and, naturally, we also touched upon such a complex and, in my mind, "
    "dangerous situation as the situation with the nuclear problem in North Korea and with "
    'the North Korean missile program," the Russian leader said.\u00a0\n'
    "\n"
    "Macron further said that France and Russia could work together towards a settlement in "
    'Syria noting that "it is necessary to seek an inclusive political solution."\n'
    "\n"
    "He also stressed that he had told President Putin about the red line as to the use of "
    "chemical weapons.\n"
    "\n"
    '"Any use of chemical weapons [in Syria]\u00a0will see a prompt response [from '
    'Paris]," Macron said.\n'
    "\n"
    "Commenting on anti-Russian sanctions, Macron warned that new sanctions against Russia "
    "may only be caused by escalation of the Ukrainian conflict.\n"
    "\n"
    '"I confirm what I said earlier on this issue, if necessary, the sanctions may be '
    "strengthened but only in case of escalation of the conflict in Ukraine. If "
    'de-escalation does not happen, then there will be sanctions," he said.\n'
    "\n"
    "Relations between Paris and Moscow were strained under former President Francois "
    "Hollande. Putin cancelled his last planned visit in October after Hollande accused "
    "Russia of war crimes in Syria.\n"
    "\n"
    "Then during the French election campaign the Macron camp alleged Russian hacking and "
    "disinformation efforts, at one point refusing accreditation to the Russian state-funded "
    "Sputnik and RT news outlets which it said were spreading Russian propaganda and fake "
    "news.\n"
    "\n"
    "In Syrian conflict Moscow backs President Bashar al-Assad while France supports rebel "
    "groups trying to overthrow him.\n"
    "\n"
    "France has also taken a tough line on European Union sanctions on Russia, first imposed "
    "when it annexed Crimea from Ukraine in 2014, and cancelled a $1.3 billion warship "
    "supply contract in 2015.\n"
    "\n"
    "During the campaign, Macron backed expanded sanctions if there were no progress with "
    "Moscow implementing a peace accord for eastern Ukraine.\n"
    "\n"
    "URL: http://www.today.az/news/regions/161776.html\n"
    "\n"
    "Print version\n"
    "\n"
    "Views: 1842\n"
    "\n"
    "Connect with us. Get latest news and updates.\n"
    "\n"
    "Recommend news to friend\n"
    "\n"
    "  • Your name:\n"
    "  • Your e-mail:\n"
    "  • Friend's name:\n"
    "  • Friend's e-mail:"
)


FIRST = (
    "The government announced on Monday a new plan to cut emissions by half before the end of "
    "the decade, officials said, in a move that surprised many observers."
)
SECOND = (
    "Critics said the plan lacked detail. Environmental groups welcomed the target but warned "
    "that the measures announced so far would not be enough to reach it."
)
THIRD = "The minister is expected to present the details to parliament next week."
BODY = [FIRST, SECOND, THIRD]
# The title made up from FIRST when a file has none: its first sentence, cut at a word.
FIRST_SENTENCE_CUT = (
    "The government announced on Monday a new plan to cut emissions by half before the end of the "
    "decade…"
)
TITLE = "Government unveils emissions plan"


def check_seed(draft: Draft) -> None:
    assert draft.title == "Putin, Macron meet amid strained French-Russian ties"
    assert draft.source == "TODAY.AZ"
    assert draft.section == "World news"
    assert draft.published == datetime(2017, 5, 30, 16, 18)
    assert draft.published.tzinfo is None
    assert draft.authors == ["Kamila Aliyeva"]
    assert draft.credit == "Azernews"
    assert draft.url == "http://www.today.az/news/regions/161776.html"
    assert len(draft.paragraphs) == 23
    assert draft.paragraphs[0].startswith("Russian President Vladimir Putin, who visited Paris")
    assert draft.paragraphs[-1].endswith("implementing a peace accord for eastern Ukraine.")
    body = "\n".join(draft.paragraphs)
    for footer in ("Print version", "Views", "Connect with us", "Recommend", "Your name", "URL:"):
        assert footer not in body
    assert "By Kamila" not in body and "30 May 2017" not in body


class TestSeed:
    def test_embedded_seed_fields_are_exact(self) -> None:
        check_seed(parse_text(SEED_TEXT))

    def test_seed_file_fields_are_exact(self) -> None:
        if not SEED_PATH.exists():
            pytest.skip("shared seeds folder not present")
        check_seed(parse_text(SEED_PATH.read_text(encoding="utf-8")))

    def test_seed_paragraphs_have_whitespace_collapsed(self) -> None:
        draft = parse_text(SEED_TEXT)
        assert "The agenda of the talks covered" in draft.paragraphs[1]
        assert all("\u00a0" not in p and "  " not in p for p in draft.paragraphs)
        assert draft.paragraphs[2] == (
            "Macron stressed that dialogue with Russia is vital in solving a number of "
            "international disputes, RT reported."
        )


class TestHeader:
    @pytest.mark.parametrize(
        ("header", "source", "section"),
        [
            ("REUTERS / grain", "REUTERS", "grain"),
            ("TODAY.AZ / World news", "TODAY.AZ", "World news"),
            ("Home > World > Europe", "", "Europe"),
            ("Home » Politics", "", "Politics"),
            ("News | Business", "", "Business"),
            ("BBC News › Science › Climate", "BBC News", "Climate"),
            ("Home", "", ""),
            ("Home | News | World", "", "World"),
            # A menu, not a trail: its last item is no section of this article.
            ("Home | News | Transport | Opinion", "", ""),
            ("Home • News • Business • Sport • Opinion", "", ""),
        ],
    )
    def test_breadcrumbs_give_source_and_section(
        self, header: str, source: str, section: str
    ) -> None:
        draft = parse_text(f"{header}\n\n{TITLE}\n\n{FIRST}\n")
        assert (draft.source, draft.section, draft.title) == (source, section, TITLE)
        assert draft.paragraphs == [FIRST]

    def test_title_with_angle_brackets_is_not_a_breadcrumb(self) -> None:
        text = "REUTERS / Newswire\n\nWestport Bancorp <Wbat.O> 100 Pct Stock Dividend\n\n" + FIRST
        draft = parse_text(text)
        assert draft.title == "Westport Bancorp <Wbat.O> 100 Pct Stock Dividend"
        assert draft.section == "Newswire"

    def test_underlined_title(self) -> None:
        draft = parse_text(f"{TITLE}\n{'=' * len(TITLE)}\n\n{FIRST}\n\n{SECOND}\n")
        assert draft.title == TITLE
        assert draft.paragraphs == [FIRST, SECOND]

    def test_date_line_before_title_with_source(self) -> None:
        draft = parse_text(f"30 May 2017 [16:18] - TODAY.AZ\n\n{TITLE}\n\n{FIRST}\n")
        assert draft.title == TITLE
        assert draft.published == datetime(2017, 5, 30, 16, 18)
        assert draft.source == "TODAY.AZ"

    def test_source_from_date_line_when_no_header(self) -> None:
        draft = parse_text(f"{TITLE}\n\n26 February 1987 [15:02] - REUTERS\n\n{FIRST}\n")
        assert draft.source == "REUTERS"
        assert draft.published == datetime(1987, 2, 26, 15, 2)

    def test_header_source_wins_over_date_line_source(self) -> None:
        text = f"TODAY.AZ / World news\n\n{TITLE}\n\n30 May 2017 [16:18] - Azernews\n\n{FIRST}\n"
        assert parse_text(text).source == "TODAY.AZ"

    def test_site_name_line_above_title(self) -> None:
        draft = parse_text(f"BBC News\n\n{TITLE}\n\n{FIRST}\n")
        assert (draft.source, draft.title, draft.paragraphs) == ("BBC News", TITLE, [FIRST])

    def test_site_suffix_after_a_pipe_is_stripped_from_the_title(self) -> None:
        draft = parse_text(f"{TITLE} | Reuters\n\n{FIRST}\n")
        assert (draft.title, draft.source) == (TITLE, "Reuters")

    def test_attribution_after_a_dash_stays_in_the_title(self) -> None:
        assert parse_text(f"Talks to resume soon - Radio\n\n{FIRST}\n").title == (
            "Talks to resume soon - Radio"
        )

    def test_labelled_metadata_lines(self) -> None:
        text = (
            f"Title: {TITLE}\nAuthor: Jane Doe\nDate: 2017-05-30T16:18:00Z\n"
            "Section: Climate\nURL: https://example.com/a/1\n\n" + FIRST + "\n"
        )
        draft = parse_text(text)
        assert draft.title == TITLE
        assert draft.authors == ["Jane Doe"]
        assert draft.published == datetime(2017, 5, 30, 16, 18, tzinfo=timezone.utc)
        assert draft.section == "Climate"
        assert draft.url == "https://example.com/a/1"
        assert draft.paragraphs == [FIRST]

    def test_title_made_up_when_the_file_starts_with_a_wrapped_paragraph(self) -> None:
        draft = parse_text(textwrap.fill(FIRST + " " + SECOND, 60) + "\n")
        assert draft.title == FIRST_SENTENCE_CUT
        assert draft.paragraphs == [FIRST + " " + SECOND]

    def test_title_wrapped_over_two_lines(self) -> None:
        text = "Government unveils a long-awaited plan to cut\nemissions by half\n\n" + FIRST
        draft = parse_text(text)
        assert draft.title == "Government unveils a long-awaited plan to cut emissions by half"
        assert draft.paragraphs == [FIRST]

    def test_navigation_menu_above_the_title_is_skipped(self) -> None:
        text = (
            f"Skip to main content\nHome\nWorld\nBusiness\nSport\nSign in\n\n{TITLE}\n\n{FIRST}\n"
        )
        draft = parse_text(text)
        assert (draft.title, draft.paragraphs) == (TITLE, [FIRST])

    def test_crumbs_one_a_line(self) -> None:
        draft = parse_text(f"Home\nWorld\n\n{TITLE}\n\n{FIRST}\n")
        assert (draft.section, draft.title) == ("World", TITLE)

    def test_section_label_above_the_title(self) -> None:
        draft = parse_text(f"Politics\n\n{TITLE}\n\n2019-06-14 17:02\n\n{FIRST}\n")
        assert (draft.section, draft.title) == ("Politics", TITLE)
        assert draft.published == datetime(2019, 6, 14, 17, 2)

    def test_site_slash_section_header_with_a_plain_site_name(self) -> None:
        draft = parse_text(f"Azernews / Politics\n\n{TITLE}\n\n{FIRST}\n")
        assert (draft.source, draft.section) == ("Azernews", "Politics")

    def test_empty_text(self) -> None:
        assert parse_text("") == Draft()
        assert parse_text("\n\n  \n") == Draft()


class TestDates:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("May 30, 2017 4:18 PM EDT", datetime(2017, 5, 30, 16, 18, tzinfo=timezone(timedelta(hours=-4)))),
            ("Published: Tuesday 30 May 2017", datetime(2017, 5, 30)),
            ("30.05.2017 16:18", datetime(2017, 5, 30, 16, 18)),
            ("14 июня 2019", datetime(2019, 6, 14)),
            ("Veröffentlicht am 30. Mai 2017, 16:18 Uhr", datetime(2017, 5, 30, 16, 18)),
            ("Publié le 30 mai 2017 à 16h18", datetime(2017, 5, 30, 16, 18)),
            ("30 de mayo de 2017", datetime(2017, 5, 30)),
            ("2017-05-30T16:18:00+02:00", datetime(2017, 5, 30, 16, 18, tzinfo=timezone(timedelta(hours=2)))),
        ],
    )  # fmt: skip
    def test_date_line_layouts(self, line: str, expected: datetime) -> None:
        draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
        assert draft.published == expected
        assert draft.title == TITLE
        assert draft.paragraphs == [FIRST, SECOND]

    def test_year_in_title_is_not_a_date(self) -> None:
        draft = parse_text(f"Oil prices hit record high in 2017\n\n{FIRST}\n")
        assert draft.title == "Oil prices hit record high in 2017"
        assert draft.published is None

    def test_relative_date_is_dropped_and_gives_no_date(self) -> None:
        draft = parse_text(f"{TITLE}\n\nUpdated 3 hours ago\n\n{FIRST}\n")
        assert draft.published is None
        assert draft.paragraphs == [FIRST]

    def test_first_date_wins_and_a_later_labelled_date_is_dropped(self) -> None:
        text = f"{TITLE}\n\n30 May 2017\n\n{FIRST}\n\nUpdated: 31 May 2017 10:00\n\n{SECOND}\n"
        draft = parse_text(text)
        assert draft.published == datetime(2017, 5, 30)
        assert draft.paragraphs == [FIRST, SECOND]

    def test_labelled_date_after_the_body(self) -> None:
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nPublished: 30 May 2017\n")
        assert draft.published == datetime(2017, 5, 30)
        assert draft.paragraphs == [FIRST, SECOND]

    def test_dates_in_body_sentences_stay(self) -> None:
        sentence = "The agreement was signed on 30 May 2017 in Paris."
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{THIRD}\n\n{sentence}\n")
        assert draft.paragraphs[-1] == sentence
        assert draft.published is None


class TestBylines:
    @pytest.mark.parametrize(
        ("lines", "authors", "credit"),
        [
            (["By Jane Doe"], ["Jane Doe"], ""),
            (["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"], ""),
            (["Written by Jane Doe"], ["Jane Doe"], ""),
            (["Jane Doe | Reporter"], ["Jane Doe"], ""),
            (["By Azernews", "By Kamila Aliyeva"], ["Kamila Aliyeva"], "Azernews"),
            (["By AFP"], [], "AFP"),
            (["Jane Doe, Reuters"], ["Jane Doe"], "Reuters"),
        ],
    )
    def test_bylines_in_the_header(self, lines: list[str], authors: list[str], credit: str) -> None:
        text = f"{TITLE}\n\n" + "\n\n".join(lines) + f"\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.credit) == (authors, credit)
        assert draft.paragraphs == [FIRST]

    def test_reporting_and_editing_credits_at_the_end(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nReporting by Jane Doe; Editing by John Roe\n"
        draft = parse_text(text)
        assert draft.authors == ["Jane Doe"]  # The editor is not an author.
        assert draft.paragraphs == [FIRST, SECOND]

    def test_byline_with_a_date(self) -> None:
        draft = parse_text(f"{TITLE}\n\nBy Jane Doe | May 30, 2017\n\n{FIRST}\n")
        assert (draft.authors, draft.published) == (["Jane Doe"], datetime(2017, 5, 30))
        draft = parse_text(f"{TITLE}\n\nPosted by Jane Doe on May 30, 2017\n\n{FIRST}\n")
        assert (draft.authors, draft.published) == (["Jane Doe"], datetime(2017, 5, 30))

    def test_date_line_followed_by_a_byline(self) -> None:
        draft = parse_text(f"{TITLE}\n\n30 May 2017 | By Jane Doe\n\n{FIRST}\n")
        assert (draft.authors, draft.published, draft.source) == (
            ["Jane Doe"],
            datetime(2017, 5, 30),
            "",
        )

    def test_parenthesised_credits_at_the_end(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\n(Reporting by Jane Doe; Editing by John Roe)\n"
        draft = parse_text(text)
        assert draft.authors == ["Jane Doe"]
        assert draft.paragraphs == [FIRST]

    def test_non_english_byline_and_date(self) -> None:
        text = (
            "Новости / Политика\n\nПутин и Макрон провели переговоры\n\n14 июня 2019, 16:18\n\n"
            "Автор: Иван Петров\n\nСтороны обсудили ситуацию в Сирии.\n\nПоделиться\n\n"
            "Просмотров: 1842\n"
        )
        draft = parse_text(text)
        assert draft.title == "Путин и Макрон провели переговоры"
        assert (draft.source, draft.section) == ("", "Политика")
        assert draft.published == datetime(2019, 6, 14, 16, 18)
        assert draft.authors == ["Иван Петров"]
        assert draft.paragraphs == ["Стороны обсудили ситуацию в Сирии."]

    def test_sentence_starting_with_by_is_body(self) -> None:
        sentence = "By the end of May, prices had risen by a third across the country."
        draft = parse_text(f"{TITLE}\n\n{sentence}\n\n{FIRST}\n")
        assert draft.authors == []
        assert draft.paragraphs == [sentence, FIRST]


class TestParagraphs:
    def test_hard_wrapped_paragraphs_are_joined(self) -> None:
        body = "\n\n".join(textwrap.fill(p, 72) for p in BODY)
        assert parse_text(f"{TITLE}\n\n{body}\n").paragraphs == BODY

    def test_hard_wrapped_paragraphs_without_blank_lines(self) -> None:
        body = "\n".join(textwrap.fill(p, 60) for p in BODY)
        assert parse_text(f"{TITLE}\n\n{body}\n").paragraphs == BODY

    def test_a_wrapped_paragraph_set_in_as_a_whole_is_one_paragraph(self) -> None:
        # A quote (or a page's column) set in from the margin keeps its lines' indent.
        quote = textwrap.fill(BODY[1], 60, initial_indent="    ", subsequent_indent="    ")
        body = f"{textwrap.fill(BODY[0], 72)}\n\n{quote}\n\n{textwrap.fill(BODY[2], 72)}"
        assert parse_text(f"{TITLE}\n\n{body}\n").paragraphs == BODY

    def test_single_newline_paragraphs_stay_apart(self) -> None:
        text = f"{TITLE}\nBy Jane Doe\n30.05.2017 16:18\n" + "\n".join(BODY) + "\n"
        draft = parse_text(text)
        assert draft.title == TITLE
        assert draft.authors == ["Jane Doe"]
        assert draft.published == datetime(2017, 5, 30, 16, 18)
        assert draft.paragraphs == BODY

    def test_word_hyphenated_at_the_wrap_is_rejoined(self) -> None:
        text = (
            f"{TITLE}\n\nThe newly-elected president met officials from the well-\n"
            "known agency on Monday and again on Tuesday, aides said in a statement\n"
            "released late in the evening.\n"
        )
        assert parse_text(text).paragraphs == [
            (
                "The newly-elected president met officials from the well-known agency on Monday "
                "and again on Tuesday, aides said in a statement released late in the evening."
            )
        ]

    def test_bulleted_lines_are_separate_paragraphs(self) -> None:
        text = f"{TITLE}\n\n- first point of the list\n- second point of the list\n\n{FIRST}\n"
        assert parse_text(text).paragraphs == [
            "- first point of the list",
            "- second point of the list",
            FIRST,
        ]

    def test_indented_first_lines_start_paragraphs(self) -> None:
        body = "\n".join(textwrap.fill(p, 72, initial_indent="    ") for p in BODY)
        assert parse_text(f"{TITLE}\n\n{body}\n").paragraphs == BODY

    def test_wrapped_line_that_looks_like_a_byline_stays_in_its_paragraph(self) -> None:
        lines = [
            "The song was a global hit in 1985 and it was once again recorded this",
            "year with a new cast of singers. The original version was",
            "written by Lionel Richie and Michael Jackson",
            "and produced by Quincy Jones, who also worked on the new recording.",
        ]
        draft = parse_text(f"{TITLE}\n\n" + "\n".join(lines) + f"\n\n{FIRST}\n")
        assert draft.paragraphs == [" ".join(lines), FIRST]
        assert draft.authors == []

    def test_a_table_of_aligned_columns_keeps_a_line_a_row(self) -> None:
        # Rows as wide as one another, not ending sentences, read as hard-wrapped prose and
        # were joined: "Team P W D L Pts Arsenal 10 8 1 1 25 Man City 10 7 2 1 23 ...".
        table = (
            "Team           P   W   D   L   Pts\n"
            "Arsenal       10   8   1   1    25\n"
            "Man City      10   7   2   1    23\n"
            "Liverpool     10   6   3   1    21\n"
        )
        text = f"{TITLE}\n\nThe standings after ten rounds:\n\n{table}\nThe next round is on Saturday.\n"
        assert parse_text(text).paragraphs == [
            "The standings after ten rounds:",
            "Team P W D L Pts",
            "Arsenal 10 8 1 1 25",
            "Man City 10 7 2 1 23",
            "Liverpool 10 6 3 1 21",
            "The next round is on Saturday.",
        ]

    def test_tab_separated_lines_keep_a_line_a_row(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\ncol1\tcol2\tcol3\nrow\tvalue\tend\n"
        assert parse_text(text).paragraphs == [FIRST, "col1 col2 col3", "row value end"]

    def test_justified_prose_is_joined_as_before(self) -> None:
        # Flush right, its runs of spaces (first in each line) line up now and then.
        lines = [
            "perform  on  condition that requests for changes to his bail terms were",
            "regular  an  occurrence, and the singer was arrested with a fellow musician",
            "outside  a  club in the west of the city late on Saturday night, police said.",
        ]
        text = f"{TITLE}\n\n" + "\n".join(lines) + f"\n\n{FIRST}\n"
        assert parse_text(text).paragraphs == [" ".join(" ".join(lines).split()), FIRST]

    def test_prose_with_two_spaces_after_its_sentences_is_joined_as_before(self) -> None:
        # Typewriter spacing puts runs of two spaces in lines, at columns that do not line up.
        body = "\n".join(
            textwrap.fill(p.replace(". ", ".  "), 64, fix_sentence_endings=True) for p in BODY
        )
        assert parse_text(f"{TITLE}\n\n{body}\n").paragraphs == BODY

    def test_dash_carried_to_the_next_wrapped_line_is_not_a_bullet(self) -> None:
        text = (
            f"{TITLE}\n\nSome people have registered all their family, regardless of their age\n"
            "- birth dates are not included on the forms so election officers\n"
            "cannot easily check, the commission said in its report on Tuesday.\n\n" + FIRST
        )
        assert parse_text(text).paragraphs[0] == (
            "Some people have registered all their family, regardless of their age - birth dates "
            "are not included on the forms so election officers cannot easily check, the "
            "commission said in its report on Tuesday."
        )

    def test_separator_lines_are_dropped(self) -> None:
        assert parse_text(f"{TITLE}\n\n{FIRST}\n\n---\n\n{SECOND}\n").paragraphs == [FIRST, SECOND]


class TestBoilerplate:
    @pytest.mark.parametrize(
        "noise",
        [
            "Advertisement",
            "ADVERTISEMENT",
            "- Advertisement -",
            "Story continues below advertisement",
            "Photo: John Smith/AFP",
            "Image: Getty Images",
            "(Photo by John Smith/AFP via Getty Images)",
            "FILE PHOTO: A man walks past the ministry in Paris, France, May 3, 2017.",
            "President Putin in Versailles on Monday. REUTERS/John Smith",
            "Read also: Macron and Merkel meet in Berlin",
            "Subscribe to our newsletter",
            "We use cookies to improve your experience on our site.",
            "Accept cookies",
            "Share on Facebook",
            "Tweet",
            "Email",
            "Print",
        ],
    )
    def test_furniture_inside_the_body_is_dropped(self, noise: str) -> None:
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{noise}\n\n{SECOND}\n\n{THIRD}\n")
        assert draft.paragraphs == BODY

    def test_sentence_mentioning_advertisement_is_kept(self) -> None:
        sentence = "The advertisement market grew by 5% last year, the agency said."
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{sentence}\n\n{SECOND}\n")
        assert draft.paragraphs == [FIRST, sentence, SECOND]

    def test_related_news_list_inside_the_body_is_dropped(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\nRelated news\n\nMacron meets Merkel in Berlin\n\n"
            f"Oil prices fall for a third day\n\n{SECOND}\n\n{THIRD}\n"
        )
        assert parse_text(text).paragraphs == BODY

    @pytest.mark.parametrize(
        "footer",
        [
            "URL: https://example.com/news/1.html\n\nPrint version\n\nViews: 1842",
            "© 2017 Example News. All rights reserved.\n\nPrivacy policy\n\nContact us",
            "Copyright 2017 Example News\n\nSome more footer text that runs on as a sentence.",
            "Follow us on Twitter\n\nAbout us\n\nThis is a long footer line about the company.",
            "Connect with us. Get latest news and updates.\n\nRecommend news to friend",
            "Recommend news to friend\n\n  • Your name:\n  • Your e-mail:",
            "Tags: climate, politics, Europe",
            "Most read\n\nMacron meets Merkel in Berlin\n\nOil prices fall for a third day",
        ],
    )
    def test_footer_is_dropped(self, footer: str) -> None:
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{THIRD}\n\n{footer}\n")
        assert draft.paragraphs == BODY

    @pytest.mark.parametrize(
        "sentence",
        [
            "Copyright infringement claims rose sharply last year, the agency said.",
            "Your name is on the list, officials told each of the applicants on Monday.",
            "Follow-up talks are planned for next month in Brussels, diplomats said.",
            "Share prices rose 3% in early trading after the announcement on Monday.",
        ],
    )
    def test_sentences_that_start_like_footer_markers_are_kept(self, sentence: str) -> None:
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{sentence}\n\n{SECOND}\n")
        assert draft.paragraphs == [FIRST, sentence, SECOND]

    def test_share_bar_before_the_title_is_skipped(self) -> None:
        text = f"Share on Facebook\nTweet\nEmail\n\n{TITLE}\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.title, draft.paragraphs) == (TITLE, [FIRST])


class TestUrl:
    @pytest.mark.parametrize(
        "line",
        [
            "URL: https://example.com/news/1.html",
            "Source: https://example.com/news/1.html",
            "Read more at https://example.com/news/1.html",
            "Original article: https://example.com/news/1.html",
            "https://example.com/news/1.html",
        ],
    )
    def test_url_line_after_the_body(self, line: str) -> None:
        draft = parse_text(f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{line}\n\nPrint version\n")
        assert draft.url == "https://example.com/news/1.html"
        assert draft.paragraphs == [FIRST, SECOND]

    def test_url_line_in_the_header(self) -> None:
        draft = parse_text(f"https://example.com/news/1.html\n\n{TITLE}\n\n{FIRST}\n")
        assert (draft.url, draft.title, draft.paragraphs) == (
            "https://example.com/news/1.html",
            TITLE,
            [FIRST],
        )

    def test_bare_link_inside_the_body_does_not_end_it(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\nhttps://data.example.org/table\n\n{SECOND}\n\n{THIRD}\n"
        draft = parse_text(text)
        assert draft.url == ""
        assert draft.paragraphs == BODY


class TestUntitled:
    """Files with no title line: the text is the body, the title is made from its start."""

    def test_one_paragraph_file_is_body_not_title(self) -> None:
        draft = parse_text(FIRST + " " + SECOND + "\n")
        assert draft.paragraphs == [FIRST + " " + SECOND]
        assert draft.title == FIRST_SENTENCE_CUT

    def test_short_paragraph_of_two_sentences_is_body(self) -> None:
        text = "The minister said the plan would go ahead. Critics disagreed with him.\n"
        draft = parse_text(text)
        assert draft.paragraphs == [text.strip()]
        assert draft.title == "The minister said the plan would go ahead"

    def test_file_of_one_sentence_is_body(self) -> None:
        draft = parse_text(THIRD + "\n")
        assert draft.paragraphs == [THIRD]
        assert draft.title == THIRD.removesuffix(".")

    def test_file_whose_every_line_is_a_paragraph(self) -> None:
        draft = parse_text(f"{FIRST} {SECOND}\n{SECOND} {FIRST}\n{THIRD}\n")
        assert draft.paragraphs == [f"{FIRST} {SECOND}", f"{SECOND} {FIRST}", THIRD]
        assert draft.title == FIRST_SENTENCE_CUT

    def test_headline_alone_is_still_a_title(self) -> None:
        assert parse_text(f"{TITLE}\n") == Draft(title=TITLE)

    def test_abbreviations_do_not_end_the_first_sentence(self) -> None:
        text = (
            "U.S. officials met Mr. Smith in Geneva on Monday. They talked for an hour about "
            "the sanctions, the ceasefire and the prisoners, aides said later.\n"
        )
        assert parse_text(text).title == "U.S. officials met Mr. Smith in Geneva on Monday"

    def test_made_up_title_leaves_out_the_wire_dateline(self) -> None:
        draft = parse_text(f"PARIS (Reuters) - {FIRST} {SECOND}\n")
        assert draft.title == FIRST_SENTENCE_CUT
        assert draft.paragraphs == [f"PARIS (Reuters) - {FIRST} {SECOND}"]

    def test_short_title_line_with_a_full_stop_is_still_a_title(self) -> None:
        draft = parse_text(f"Government unveils emissions plan.\n\n{FIRST}\n")
        assert (draft.title, draft.paragraphs) == ("Government unveils emissions plan.", [FIRST])


class TestScrapedLayouts:
    """Layouts of pages saved as text, beyond the corpora's: furniture, bylines, languages."""

    def test_breadcrumbs_title_and_byline_with_role_and_us_time(self) -> None:
        text = (
            f"Home / News / World\n\n{TITLE}\n\nBy Jane Doe, Staff Writer | Published 3:45 PM ET, "
            f"Mon May 29, 2017\n\n{FIRST}\n\n{SECOND}\n"
        )
        draft = parse_text(text)
        assert (draft.title, draft.source, draft.section) == (TITLE, "", "World")
        assert (draft.authors, draft.credit) == (["Jane Doe"], "")
        assert draft.published == datetime(
            2017, 5, 29, 15, 45, tzinfo=timezone(timedelta(hours=-4))
        )
        assert draft.paragraphs == [FIRST, SECOND]

    def test_blog_posted_on_by_admin_and_categories_footer(self) -> None:
        text = (
            f"{TITLE}\n\nPosted on 2019-03-04 by admin\n\n{FIRST}\n\n{SECOND}\n\n"
            "Posted in News, World | Leave a comment\n\nProudly powered by WordPress\n"
        )
        draft = parse_text(text)
        assert (draft.published, draft.authors, draft.credit) == (datetime(2019, 3, 4), [], "")
        assert draft.section == "World"
        assert draft.paragraphs == [FIRST, SECOND]

    def test_blog_posted_on_date_by_a_person(self) -> None:
        draft = parse_text(f"{TITLE}\nPosted on March 4, 2019 by Jane Doe\n{FIRST}\n{SECOND}\n")
        assert (draft.published, draft.authors) == (datetime(2019, 3, 4), ["Jane Doe"])
        assert draft.paragraphs == [FIRST, SECOND]

    def test_last_updated_line(self) -> None:
        draft = parse_text(f"{TITLE}\n\nLast updated: 12 March 2021\n\n{FIRST}\n\n{SECOND}\n")
        assert (draft.published, draft.paragraphs) == (datetime(2021, 3, 12), [FIRST, SECOND])

    def test_share_block_above_and_inside_the_body(self) -> None:
        text = (
            f"{TITLE}\n\nBy Jane Doe\n\nShare this article\nFacebook\nTwitter\nEmail\nCopy link\n\n"
            f"{FIRST}\n\n{SECOND}\n\nShare this article\nClick to share on Twitter (Opens in new "
            f"window)\n\n{THIRD}\n"
        )
        draft = parse_text(text)
        assert (draft.title, draft.authors, draft.paragraphs) == (TITLE, ["Jane Doe"], BODY)

    def test_comments_and_newsletter_footer(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nSign up for our newsletter\n"
            "Get the best stories delivered to your inbox every morning.\nEnter your email address\n"
            "Subscribe\n\nComments (12)\n\nLeave a comment\n\n"
            "Your email address will not be published. Required fields are marked *\n"
        )
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_newsletter_box_inside_the_body_is_dropped(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\nSign up for our newsletter\nGet the best stories delivered "
            f"to your inbox every morning.\nEnter your email address\nSubscribe\n\n{SECOND}\n\n"
            f"{THIRD}\n"
        )
        assert parse_text(text).paragraphs == BODY

    def test_tags_line_ends_the_article(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nTags: climate, emissions, europe\n\nMore news\n"
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_originally_published_note_ends_the_article(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nThis article was originally published on The "
            "Conversation. Read the original article.\n\nhttps://theconversation.com/a-1\n"
        )
        draft = parse_text(text)
        assert (draft.paragraphs, draft.url) == ([FIRST, SECOND], "https://theconversation.com/a-1")

    @pytest.mark.parametrize(
        ("title", "byline", "authors", "published"),
        [
            (
                "Regierung stellt Klimaplan vor",
                "Von Anna Schmidt | 12.03.2021, 14:05 Uhr",
                ["Anna Schmidt"],
                datetime(2021, 3, 12, 14, 5),
            ),
            (
                "Le gouvernement dévoile son plan climat",
                "Par Jean Dupont - Publié le 14 juin 2019 à 10h00",
                ["Jean Dupont"],
                datetime(2019, 6, 14, 10, 0),
            ),
            (
                "El Gobierno presenta su plan climático",
                "Por María López | 14 de junio de 2019",
                ["María López"],
                datetime(2019, 6, 14),
            ),
        ],
    )
    def test_bylines_with_dates_in_other_languages(
        self, title: str, byline: str, authors: list[str], published: datetime
    ) -> None:
        draft = parse_text(f"{title}\n\n{byline}\n\n{FIRST}\n\n{SECOND}\n")
        assert (draft.title, draft.authors, draft.published) == (title, authors, published)
        assert draft.paragraphs == [FIRST, SECOND]

    def test_title_in_capitals_and_by_colon(self) -> None:
        draft = parse_text(f"GOVERNMENT UNVEILS EMISSIONS PLAN\n\nBY: JANE DOE\n\n{FIRST}\n")
        assert (draft.title, draft.authors) == ("GOVERNMENT UNVEILS EMISSIONS PLAN", ["Jane Doe"])
        assert draft.paragraphs == [FIRST]

    def test_wire_dateline_stays_in_the_body_and_credits_the_agency(self) -> None:
        draft = parse_text(f"{TITLE}\n\nPARIS (Reuters) - {FIRST}\n\n{SECOND}\n")
        assert draft.paragraphs == [f"PARIS (Reuters) - {FIRST}", SECOND]
        assert (draft.title, draft.authors, draft.credit) == (TITLE, [], "Reuters")

    def test_wire_dateline_on_a_line_of_its_own_joins_its_paragraph(self) -> None:
        draft = parse_text(f"{TITLE}\nLONDON, May 29 (AP) —\n{FIRST}\n{SECOND}\n")
        assert draft.paragraphs == [f"LONDON, May 29 (AP) — {FIRST}", SECOND]

    def test_author_name_above_reading_time_and_date(self) -> None:
        text = f"{TITLE}\n\nJane Doe\nFollow\n5 min read\nMay 29, 2017\n\n{FIRST}\n\n{SECOND}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.published) == (["Jane Doe"], datetime(2017, 5, 29))
        assert draft.paragraphs == [FIRST, SECOND]

    def test_date_with_reading_time(self) -> None:
        draft = parse_text(f"{TITLE}\n\n12 March 2021 · 4 min read\n\n{FIRST}\n")
        assert (draft.published, draft.paragraphs) == (datetime(2021, 3, 12), [FIRST])

    def test_image_captions_and_credits_are_dropped(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\nImage copyright Getty Images\nImage caption The minister "
            f"spoke in parliament\n\n{SECOND}\n\nMedia caption Protesters gathered outside\n\n"
            f"{THIRD}\n"
        )
        assert parse_text(text).paragraphs == BODY

    def test_about_the_author_ends_the_article(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nAbout the author\n\nJane Doe is a reporter "
            "covering climate and energy.\n"
        )
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_name_with_job_title_under_the_headline(self) -> None:
        text = f"{TITLE}\n\nBen Silverman Games Editor\n\n{FIRST}\n\n{SECOND}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.paragraphs) == (["Ben Silverman"], [FIRST, SECOND])

    def test_editor_credit_is_not_an_author(self) -> None:
        text = f"{TITLE}\n\nWritten by Rob Ewaschuk Edited by Betsy Beyer\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.paragraphs) == (["Rob Ewaschuk"], [FIRST])

    def test_wordpress_sharing_footer(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nShare this:\nTwitter\nFacebook\n\nLike this:\n"
            "Like Loading...\n\nRelated\n\nOther post about the plan\n"
        )
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_reading_time_and_save_buttons_above_the_body(self) -> None:
        text = f"{TITLE}\n\nReading time: 4 minutes\nRead later\nEmail this article\n\n{FIRST}\n"
        assert parse_text(text).paragraphs == [FIRST]

    def test_page_menus_above_the_headline_and_byline(self) -> None:
        # A whole page saved as text: menus first, the headline just above the byline, and a
        # "Comments" link among the buttons that must not end the article before it starts.
        menu = "\n".join(["Sections", "World", "Business", "Opinion", "Sign In", "Middle East"])
        buttons = "Share on Facebook\nResize Text\nPrint Article\nComments"
        text = (
            f"{menu}\n\n{TITLE}\n\n{buttons}\n\nBy Jane Doe\nMarch 18 at 3:57 PM\n\n"
            f"{FIRST}\n\n{SECOND}\n\nComments\n\nMost read\n"
        )
        draft = parse_text(text)
        assert (draft.title, draft.authors) == (TITLE, ["Jane Doe"])
        assert draft.paragraphs == [FIRST, SECOND]

    def test_short_standfirst_between_title_and_byline_keeps_the_title(self) -> None:
        text = f"{TITLE}\n\nOfficials say the move will cut costs\n\nBy Jane Doe\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.title, draft.authors) == (TITLE, ["Jane Doe"])
        assert draft.paragraphs == ["Officials say the move will cut costs", FIRST]

    def test_agency_line_under_the_byline_is_the_credit(self) -> None:
        text = f"{TITLE}\n\nBy JANE DOE\nAssociated Press\nMay 29, 2017\n\n{FIRST}\n\n{SECOND}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.credit) == (["Jane Doe"], "Associated Press")
        assert (draft.published, draft.paragraphs) == (datetime(2017, 5, 29), [FIRST, SECOND])

    def test_byline_with_contact_details(self) -> None:
        text = f"{TITLE}\n\nBy Jane Doe | jane@example.com | @janedoe\njane.doe@example.com\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.authors, draft.credit, draft.paragraphs) == (["Jane Doe"], "", [FIRST])

    def test_author_contact_lines_end_the_article(self) -> None:
        text = (
            f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\nFollow Jane Doe on Twitter: @janedoe\n\n"
            "Contact the author at jane@example.com\n"
        )
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_name_and_place_above_a_guardian_style_date(self) -> None:
        standfirst = "The plan is the most ambitious yet, officials say"
        text = (
            f"{TITLE}\n\n{standfirst}\n\nJane Doe in Brussels\nMon 29 May 2017 15.45 BST\n\n"
            f"{FIRST}\n\n{SECOND}\n"
        )
        draft = parse_text(text)
        assert draft.authors == ["Jane Doe"]
        assert draft.published == datetime(2017, 5, 29, 15, 45, tzinfo=timezone(timedelta(hours=1)))
        assert draft.paragraphs == [standfirst, FIRST, SECOND]

    def test_published_and_updated_on_one_line(self) -> None:
        text = f"{TITLE}\n\nPublished: 29/05/2017 15:45 | Updated: 30/05/2017 16:00\n\n{FIRST}\n"
        draft = parse_text(text)
        assert (draft.published, draft.paragraphs) == (datetime(2017, 5, 29, 15, 45), [FIRST])

    def test_agency_in_the_byline_and_in_the_first_paragraph(self) -> None:
        text = (
            f"{TITLE}\n\nBy Jane Doe, CNN\n\nUpdated 12:05 PM EDT, Mon May 29, 2017\n\n"
            f"(CNN) {FIRST}\n\n{SECOND}\n"
        )
        draft = parse_text(text)
        assert (draft.authors, draft.credit) == (["Jane Doe"], "CNN")
        assert draft.published == datetime(2017, 5, 29, 12, 5, tzinfo=timezone(timedelta(hours=-4)))
        assert draft.paragraphs == [f"(CNN) {FIRST}", SECOND]

    def test_editors_note_and_subheadings_stay(self) -> None:
        note = "Editor's note: This story was updated on Tuesday."
        text = f"{TITLE}\n\n{note}\n\n{FIRST}\n\nWhat happens next\n\n{SECOND}\n"
        assert parse_text(text).paragraphs == [note, FIRST, "What happens next", SECOND]

    def test_loading_placeholders_are_dropped(self) -> None:
        text = f"{TITLE}\n\n{FIRST}\n\nLoading comments...\n\n{SECOND}\n"
        assert parse_text(text).paragraphs == [FIRST, SECOND]

    def test_role_link_among_menus_does_not_pick_a_title(self) -> None:
        menu = "\n".join(["Also in the News", "Special Reports", "Explainers", "Have Your Say"])
        text = f"{TITLE}\n\n{menu}\nThe Reporters\n\n{FIRST}\n\n{SECOND}\n"
        assert parse_text(text).title == TITLE


def _reuters_expected(text: str) -> tuple[str, str, datetime | None]:
    lines = text.split("\n")
    stamp = lines[4].split(" - ")[0].replace("[", "").replace("]", "")
    try:
        date = datetime.strptime(stamp, "%d %B %Y %H:%M")
    except ValueError:
        date = None  # One record in the corpus has a garbled time.
    return " ".join(lines[2].split()), lines[0].split(" / ", 1)[1].strip(), date


class TestRealCorpora:
    def test_reuters_sample_title_date_section_source(self) -> None:
        files = sorted(CORPORA.glob("reuters/*/*.txt"))
        if not files:
            pytest.skip("shared reuters corpus not present")
        for path in random.Random(7).sample(files, min(300, len(files))):
            text = path.read_text(encoding="utf-8")
            title, section, date = _reuters_expected(text)
            draft = parse_text(text)
            assert (draft.title, draft.section, draft.source) == (title, section, "REUTERS"), path
            if date is not None:
                assert draft.published == date, path
            assert draft.paragraphs, path

    def test_bbc_sample_title_and_body(self) -> None:
        files = sorted(CORPORA.glob("bbc/*/*.txt"))
        if not files:
            pytest.skip("shared bbc corpus not present")
        for path in random.Random(7).sample(files, min(200, len(files))):
            text = path.read_bytes().decode("utf-8", errors="replace")
            lines = text.split("\n")
            draft = parse_text(text)
            assert draft.title == " ".join(lines[0].split()), path
            body = [" ".join(line.split()) for line in lines[1:] if line.strip()]
            assert draft.paragraphs == body, path


def test_scraped_text_with_a_menu_line_breadcrumbs_caption_and_share_bar() -> None:
    text = (
        "Home News Business Transport Opinion Lifestyle\n\n"
        "Главная » Новости » Общество\n\n"
        "Putin, Macron meet amid strained French-Russian ties\n\n"
        "30 May 2017 [16:18]\n\nBy Kamila Aliyeva\n\n"
        "The two presidents at Versailles on May 29. Photo: Reuters\n\n"
        "Russian President Vladimir Putin had difficult but frank talks with French President "
        "Emmanuel Macron during their first meeting in Versailles on May 29.\n\n"
        "Share Tweet Email\n"
    )
    draft = parse_text(text)
    assert (draft.title, draft.section) == (
        "Putin, Macron meet amid strained French-Russian ties",
        "Общество",
    )
    assert draft.published == datetime(2017, 5, 30, 16, 18)
    assert draft.authors == ["Kamila Aliyeva"]
    assert [p[:24] for p in draft.paragraphs] == ["Russian President Vladim"]


def test_a_title_case_headline_starting_with_home_is_no_menu() -> None:
    text = "Home Shopping Says It Not Investigation Target\n\n02 April 1987\n\nText follows here.\n"
    assert parse_text(text).title == "Home Shopping Says It Not Investigation Target"


# -- Chinese, Japanese, Korean and other scripts without capitals ------------------------------


@pytest.mark.parametrize(
    ("text", "title", "source", "authors"),
    [
        (
            "東京新聞\n処理水の放出を再開　福島第一原発\n2026年12月1日\n記者：山田太郎\n\n"
            "東京電力は3日、処理水の放出を再開したと発表した。\n",
            "処理水の放出を再開 福島第一原発",
            "東京新聞",
            ["山田太郎"],
        ),
        (
            "新华网\n国务院召开常务会议 部署稳就业工作\n2024年3月3日\n记者 王小明\n\n"
            "国务院总理主持召开常务会议，部署进一步稳就业工作。会议指出，就业是最大的民生。\n",
            "国务院召开常务会议 部署稳就业工作",
            "新华网",
            ["王小明"],
        ),
        (
            "연합뉴스\n정부, 내년 예산안 국회 제출\n2024.03.03\n(서울=연합뉴스) 김철수 기자\n\n"
            "정부가 3일 내년도 예산안을 국회에 제출했다. 총지출은 전년보다 늘었다.\n",
            "정부, 내년 예산안 국회 제출",
            "연합뉴스",
            ["김철수"],
        ),
        (
            "الجزيرة\nالحكومة تقر الميزانية الجديدة للعام المقبل\n3 مارس 2024\n\n"
            "أقرت الحكومة الميزانية الجديدة يوم الثلاثاء. وقال الوزير إنها ستدعم النمو.\n",
            "الحكومة تقر الميزانية الجديدة للعام المقبل",
            "الجزيرة",
            [],
        ),
        # Without a site's name the first line stays the headline.
        (
            "処理水の放出を再開　福島第一原発\n2026年12月1日\n文／山田 太郎\n\n"
            "東京電力は3日、処理水の放出を再開したと発表した。\n",
            "処理水の放出を再開 福島第一原発",
            "",
            ["山田 太郎"],
        ),
    ],
)
def test_a_site_over_its_headline_and_bylines_in_scripts_without_capitals(
    text: str, title: str, source: str, authors: list[str]
) -> None:
    draft = parse_text(text)
    assert (draft.title, draft.source, draft.authors) == (title, source, authors)
    assert draft.published is not None
    assert len(draft.paragraphs) == 1


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ("ارتفاع أسعار الذهب إلى مستوى قياسي\n\nبقلم: سارة علي", ["سارة علي"]),
        ("افزایش قیمت نفت در بازار جهانی\n\nنویسنده: علی رضایی", ["علی رضایی"]),
        ("הבחירות בישראל: תוצאות ראשונות\n\nמאת: דוד כהן", ["דוד כהן"]),
        ("दिल्ली में भारी बारिश से जनजीवन अस्त-व्यस्त\n\nलेखक: राहुल शर्मा", ["राहुल शर्मा"]),
        ("น้ำท่วมหนักในภาคเหนือ ประชาชนอพยพหลายพันคน\n\nโดย สมชาย ใจดี", ["สมชาย ใจดี"]),
        ("国务院召开常务会议\n\n记者 王小明 李华", ["王小明", "李华"]),
        # No label: two words under the headline are no byline where no capital marks names.
        ("ارتفاع أسعار الذهب إلى مستوى قياسي\n\nسارة علي", []),
    ],
)
def test_a_labelled_byline_in_a_script_without_capitals_names_the_writer(
    head: str, authors: list[str]
) -> None:
    """It stayed as the body's first line, naming no one (qa24a B10)."""
    body = "القاهرة - ارتفعت أسعار الذهب إلى مستوى قياسي جديد اليوم، وسط مخاوف من التضخم."
    draft = parse_text(f"{head}\n\n{body}\n")
    assert draft.authors == authors
    assert draft.paragraphs[0] == (body if authors else "سارة علي")


@pytest.mark.parametrize(
    ("site", "section", "title", "byline", "authors", "body"),
    [
        (
            "东方日报", "国际", "东京港的新集装箱码头今天正式开业", "王小明、李华", ["王小明", "李华"],
            "东京港的新集装箱码头今天正式开业。",
        ),
        (
            "هآرتس", "חדשות", "ראש העיר אמר כי נמל חיפה החדש ישנה את הכלכלה", "ישראל ישראלי",
            ["ישראל ישראלי"], "נמל חיפה החדש נפתח היום.",
        ),
        (
            "الجزيرة", "أخبار", "الحكومة تقر الميزانية الجديدة للعام المقبل", "سارة علي",
            ["سارة علي"], "أقرت الحكومة الميزانية الجديدة يوم الثلاثاء.",
        ),
        (
            "दैनिक जागरण", "राष्ट्रीय", "मुंबई में प्रधानमंत्री ने नई बंदरगाह परियोजना की घोषणा की",
            "राजेश कुमार", ["राजेश कुमार"], "मुंबई में प्रधानमंत्री ने घोषणा की।",
        ),
        (
            "Harbour Times", "World", "Families gather at the harbour for the regatta",
            "Zoë \U0001f469\U0001f3fd\u200d\U0001f4bb Ångström", ["Zoë Ångström"],
            "Families gathered at the harbour on Sunday.",
        ),
    ],
)  # fmt: skip
def test_the_seed_layout_in_any_script_gives_site_section_and_writers(
    site: str, section: str, title: str, byline: str, authors: list[str], body: str
) -> None:
    """The scraped-text layout of the seed with a site, a section and a name in a script
    without capitals: the first line was the source whole and "By ..." the body's first
    paragraph (qa46w, item 2); pictures in a name made it the credit."""
    text = (
        f"{site} / {section}\n\n{title}\n\n30 May 2017 [16:18] - {site}\n\nBy {byline}\n\n{body}\n"
    )
    draft = parse_text(text)
    assert (draft.source, draft.section, draft.title) == (site, section, title)
    assert (draft.authors, draft.credit, draft.paragraphs) == (authors, "", [body])


def test_a_headline_in_a_script_without_capitals_with_a_slash_is_no_site_and_section() -> None:
    title = "中美贸易谈判明天在日内瓦重新开始 / 双方表示愿意降低部分商品关税并扩大农产品采购"
    draft = parse_text(f"{title}\n\n30 May 2017\n\n谈判将持续三天。\n")
    assert (draft.title, draft.source, draft.section) == (title, "", "")


def test_a_chinese_or_japanese_sentence_is_running_text_not_a_headline() -> None:
    text = "東京電力は3日、処理水の放出を再開したと発表した。\n\n次の放出は来月の予定だという。\n"
    draft = parse_text(text)
    assert [p[:6] for p in draft.paragraphs] == ["東京電力は3", "次の放出は来"]


@pytest.mark.parametrize("menu", ["", "新闻网\n\n首页\n国际新闻\n财经\n体育\n\n"])
def test_short_chinese_paragraphs_are_text_not_a_menu(menu: str) -> None:
    """Three sentences without spaces were three "short links": a menu, and the file had no
    text ("no article text found"). A menu of Chinese links above them is still one."""
    paragraphs = [
        "港口扩建计划今天公布。",
        "政府宣布新的疏浚项目将于明年开始，预计耗资十亿。",
        "海草研究发现损害低于预期。",
    ]
    draft = parse_text(menu + "港口扩建计划\n\n" + "\n\n".join(paragraphs) + "\n")
    assert (draft.title, draft.paragraphs) == ("港口扩建计划", paragraphs)


@pytest.mark.parametrize("more", ["", "\n第二段：市场反应积极，股市上涨。\n"])
def test_a_chinese_first_paragraph_opening_with_a_date_is_kept(more: str) -> None:
    lede = "2024年3月1日，北京。中国人民银行宣布降低存款准备金率。经济学家认为这将支持经济增长。"
    draft = parse_text(f"中国经济新闻\n\n{lede}\n{more}")
    assert draft.title == "中国经济新闻"
    assert draft.paragraphs[0] == lede
    assert len(draft.paragraphs) == (2 if more else 1)


_ZH_PARAGRAPHS = [
    "中国人民银行1日宣布，决定于3月5日下调金融机构存款准备金率0.5个百分点，预计将释放长期资金"
    "约1万亿元。此次降准是今年以来的第一次降准，市场此前已有预期。",
    "经济学家认为，此次降准将支持稳就业和稳增长。市场人士表示，股市和债市反应积极，上证指数上涨"
    "百分之一点二。",
    "分析师指出，央行还可能在未来几个月进一步下调利率，以支持房地产市场的稳定和消费的恢复。",
]


@pytest.mark.parametrize("between", ["\n\n", "\n"])
def test_chinese_wrapped_at_a_width_joins_without_spaces(between: str) -> None:
    # Wrapped as a text browser wraps it at 76 columns: anywhere, 38 characters a line.
    wrapped = ["\n".join(p[i : i + 38] for i in range(0, len(p), 38)) for p in _ZH_PARAGRAPHS]
    draft = parse_text("央行宣布降准\n\n" + between.join(wrapped) + "\n")
    assert draft.paragraphs == _ZH_PARAGRAPHS


def test_a_chinese_line_broken_after_a_comma_goes_on_with_the_next() -> None:
    first, second = _ZH_PARAGRAPHS[0].split("，预计")
    draft = parse_text(f"央行宣布降准\n\n{first}，\n预计{second}\n\n{_ZH_PARAGRAPHS[1]}\n")
    assert draft.paragraphs == _ZH_PARAGRAPHS[:2]


# --- issue 12: a date alone near the top (date12) -------------------------------------------


def test_a_date_alone_near_the_top_dates_a_file_whose_header_gave_none() -> None:
    # The header stops at the first line under the title; the byline and date below it (a
    # page's kicker taken for the title) are past it.
    text = textwrap.dedent(
        """\
        Thema – Corona

            „Es bricht eine andere Zeit der Datennutzung an“

            Interview: Julia Lauter

              * 31.03.2020

            Nachdem ich mein Blog über zwei Jahre vernachlässigt hatte, wird es Zeit für einen
            Neuanfang, und der Anfang ist gemacht: jetzt muss ich nur noch schreiben.
        """
    )
    assert parse_text(text).published == datetime(2020, 3, 31)
    undated = text.replace("* 31.03.2020", "* Corona")
    assert parse_text(undated).published is None


def test_a_date_alone_in_a_meta_bar_near_the_top_dates_the_file() -> None:
    text = textwrap.dedent(
        """\
        Strict Standards: Redefining already defined constructor for class wpdb in wp-db.php

            Ausflug nach Málaga

            ⋅ November 22, 2011 ⋅ Email this post ⋅ Diese Seite ausdrucken ⋅ Kommentieren

            Nachdem wir lange überlegt hatten, sind wir im November nach Málaga gefahren, und
            es hat sich gelohnt: die Stadt ist im Herbst ruhig und noch immer warm.
        """
    )
    assert parse_text(text).published == datetime(2011, 11, 22)


def test_an_interviews_credit_line_under_the_title_names_both_people() -> None:
    lede = (
        "The city's trams will run without drivers on two lines from next spring, the transport "
        "authority said on Tuesday, after a trial that ran for eighteen months."
    )
    for credit, people in (
        ("John Roe im Gespräch mit Jane Doe", ["John Roe", "Jane Doe"]),
        ("Jane Doe in conversation with John Roe", ["Jane Doe", "John Roe"]),
    ):
        draft = parse_text(f"Driverless trams on two lines from spring\n\n{credit}\n\n{lede}\n")
        assert (draft.authors, draft.paragraphs) == (people, [lede]), credit


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("12 March 2024 / 09:30 / Jane Doe", ["Jane Doe"]),
        ("12 March 2024 | 09:30 | Jane Doe", ["Jane Doe"]),
        ("12 March 2024 · 09:30 · JANE DOE", ["Jane Doe"]),
        ("12.03.2024 | 09:30 Uhr | Jane Doe", ["Jane Doe"]),
        ("March 12, 2024 / 9:30 AM / Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe / 12 March 2024 / 09:30", ["Jane Doe"]),
        ("Jane Doe | 12 March 2024 | 09:30", ["Jane Doe"]),
        ("Jane Doe · 12 March 2024 · 09:30", ["Jane Doe"]),
    ],
)
def test_a_date_line_with_its_time_and_the_writers_name_run_together(
    line: str, authors: list[str]
) -> None:
    draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert draft.authors == authors
    assert draft.published == datetime(2024, 3, 12, 9, 30)
    assert draft.paragraphs == [FIRST, SECOND]


def test_an_outlet_closing_a_date_line_is_the_source_not_an_author() -> None:
    draft = parse_text(f"{TITLE}\n\n12 March 2024 [09:30] - The Harbour Gazette\n\n{FIRST}\n")
    assert (draft.authors, draft.source) == ([], "The Harbour Gazette")


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Le Quotidien du Lac — 12 mars 2024", datetime(2024, 3, 12)),
        ("The Harbour Gazette | Tuesday 12 March 2024 09:30", datetime(2024, 3, 12, 9, 30)),
        ("Altstadt Rundschau — 12. März 2024, 09:30 Uhr", datetime(2024, 3, 12, 9, 30)),
        ("Baltic Wire, 12.03.2024", datetime(2024, 3, 12)),
        # An outlet named by the word for a newspaper in its own language, not a person:
        ("Liman Gazetesi — 12 Mart 2024", datetime(2024, 3, 12)),
        ("Kuzey Ekspres — 12.03.2024", datetime(2024, 3, 12)),
        ("Dziennik Portowy — 12 marca 2024", datetime(2024, 3, 12)),
        ("Havne Tidende — 12. marts 2024", datetime(2024, 3, 12)),
    ],
)
def test_an_outlet_then_the_date_under_the_title_gives_both(line: str, published: datetime) -> None:
    """The date line the other way round ("Outlet — date"): the line opened the body."""
    draft = parse_text(f"{TITLE}\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.source, draft.published) == (
        line.split(" —")[0].split(" |")[0].split(",")[0],
        published,
    )
    assert (draft.authors, draft.paragraphs) == ([], [FIRST, SECOND])


def test_a_person_or_a_place_before_the_date_is_no_outlet() -> None:
    dated_name = parse_text(f"{TITLE}\nCamille Roux — 12 mars 2024\n\n{FIRST}\n")
    assert (dated_name.authors, dated_name.source) == (["Camille Roux"], "")
    dateline = parse_text(f"{TITLE}\nNew York — 12 March 2024\n\n{FIRST}\n")
    assert dateline.source == ""


@pytest.mark.parametrize(
    "line",
    [
        "12 March 2024 - New York",
        "12 March 2024 [09:30] - HONG KONG",
        "12 March 2024 / Los Angeles",
    ],
)
def test_the_place_closing_a_date_line_is_no_author_and_no_source(line: str) -> None:
    """Where the story was filed from, as a dateline names it: no writer, no outlet."""
    draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.authors, draft.source) == ([], "")
    assert draft.published is not None and draft.published.date() == date(2024, 3, 12)
    assert draft.paragraphs == [FIRST, SECOND]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("From our correspondent Jane Doe", ["Jane Doe"]),
        ("From our correspondent Jane Doe in Paris", ["Jane Doe"]),
        ("Jane Doe, our correspondent in Paris", ["Jane Doe"]),
        ("From our correspondent in Paris", []),
        ("From our Paris correspondent", []),
    ],
)
def test_a_correspondents_credit_under_the_title_is_the_byline(
    line: str, authors: list[str]
) -> None:
    draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.title, draft.authors, draft.paragraphs) == (TITLE, authors, [FIRST, SECOND])


@pytest.mark.parametrize(
    "credit", ["Image: Getty", "Photo: Reuters", "(Foto: dpa)", "(Bild: Keystone)"]
)
def test_a_photo_credit_under_the_standfirst_is_not_the_lede(credit: str) -> None:
    standfirst = "The plan would cut the country's emissions by half within ten years"
    draft = parse_text(
        f"{TITLE}\n\n{standfirst}\n\n{credit}\n\nBy Jane Doe\n\n{FIRST}\n\n{SECOND}\n"
    )
    assert draft.paragraphs == [standfirst, FIRST, SECOND]


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("Της Μαρίας Παπαδοπούλου", ["Μαρία Παπαδοπούλου"], None),
        ("Του Γιώργου Παπαδόπουλου", ["Γιώργος Παπαδόπουλος"], None),
        ("شنبه ۲۵ اسفند ۱۴۰۲ - ۱۰:۳۰", [], datetime(2024, 3, 15, 10, 30)),
        ("١٥ آذار ٢٠٢٤", [], datetime(2024, 3, 15)),
        ("วันศุกร์ที่ 15 มีนาคม พ.ศ. 2567", [], datetime(2024, 3, 15)),
        ("๑๕ มี.ค. ๒๕๖๗ ๑๐:๓๐ น.", [], datetime(2024, 3, 15, 10, 30)),
    ],
)
def test_greek_bylines_and_persian_arabic_and_thai_date_lines_under_the_title(
    line: str, authors: list[str], published: datetime | None
) -> None:
    draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.authors, draft.published) == (authors, published)
    assert draft.paragraphs == [FIRST, SECOND]


@pytest.mark.parametrize("separator", ["-", "–", "|"])
def test_a_title_loses_the_site_name_its_copyright_notice_gives(separator: str) -> None:
    text = (
        f"{TITLE} {separator} Northfield Courier\n\nBy Jane Doe\n\n{FIRST}\n\n{SECOND}\n\n"
        "© 2024 Northfield Courier. All rights reserved.\n"
    )
    draft = parse_text(text)
    assert (draft.title, draft.source) == (TITLE, "Northfield Courier")


def test_a_title_keeps_a_tail_no_copyright_notice_names() -> None:
    text = f"Talks to resume - Minister\n\n{FIRST}\n\n{SECOND}\n\n© 2024 Northfield Courier\n"
    assert parse_text(text).title == "Talks to resume - Minister"


@pytest.mark.parametrize("meta", ["By Jane Doe", "12 March 2024"])
def test_a_title_with_its_site_after_a_bar_over_a_byline_is_no_site_and_section(meta: str) -> None:
    # "Site / Section" is a header's first line over the title; over a byline or a date line,
    # "Headline | Site" is the title.
    draft = parse_text(f"{TITLE} | Northfield Courier\n\n{meta}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.title, draft.source, draft.section) == (TITLE, "Northfield Courier", "")


def test_a_date_line_giving_the_update_first_dates_the_text_by_its_publication() -> None:
    line = "Updated 12 March 2024, 10:15 | Published 11 March 2024, 09:30"
    draft = parse_text(f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n")
    assert draft.published == datetime(2024, 3, 11, 9, 30)
    assert draft.paragraphs == [FIRST, SECOND]


@pytest.mark.parametrize(
    "top",
    [
        "Northfield Courier\nYour city, your news\n\n",
        "Northfield Courier\nNews for the north since 1888\n\n",
    ],
)
def test_the_sites_slogan_under_its_name_is_no_title(top: str) -> None:
    draft = parse_text(f"{top}{TITLE}\n\nBy Jane Doe\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.title, draft.source) == (TITLE, "Northfield Courier")
    assert draft.paragraphs == [FIRST, SECOND]


def test_a_short_headline_under_the_sites_name_over_a_deck_stays_the_title() -> None:
    deck = "The minister says half of the country's emissions will be gone within ten years"
    text = f"Northfield Courier\nEmissions plan unveiled\n\n{deck}\nBy Jane Doe\n\n{FIRST}\n"
    assert parse_text(text).title == "Emissions plan unveiled"


def test_a_menu_line_over_a_date_line_over_the_headline_is_no_title() -> None:
    text = (
        f"Home News Business Transport Opinion\n\n12 March 2024\n\n{TITLE}\n\nBy Jane Doe\n\n"
        f"{FIRST}\n\n{SECOND}\n"
    )
    draft = parse_text(text)
    assert (draft.title, draft.authors) == (TITLE, ["Jane Doe"])
    assert draft.published == datetime(2024, 3, 12)
    assert draft.paragraphs == [FIRST, SECOND]


def test_a_writer_special_to_the_paper_under_the_title_is_the_byline() -> None:
    draft = parse_text(f"{TITLE}\n\nJane Doe, Special to the Courier\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.authors, draft.paragraphs) == (["Jane Doe"], [FIRST, SECOND])


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Door Jan Jansen en Piet de Vries", ["Jan Jansen", "Piet de Vries"]),
        ("Av Erik Larsson och Anna Berg", ["Erik Larsson", "Anna Berg"]),
        ("Af Mette Hansen og Lars Nielsen", ["Mette Hansen", "Lars Nielsen"]),
        ("Od Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("di Mario Rossi", ["Mario Rossi"]),
    ],
)
def test_a_byline_in_dutch_nordic_polish_or_italian_under_the_title(
    byline: str, authors: list[str]
) -> None:
    draft = parse_text(f"{TITLE}\n\n{byline}\n\n{FIRST}\n\n{SECOND}\n")
    assert (draft.authors, draft.paragraphs) == (authors, [FIRST, SECOND])


LANES = (
    "The council approved new bus lanes on the ring road on Tuesday, after a year of trials on "
    "two of its busiest stretches."
)


@pytest.mark.parametrize(
    ("over", "kept"),
    [
        ("[GettyImage]", []),
        ("[tram_2.jpg] [Photo]", []),
        # An editor's note in brackets is a sentence, not a picture's label.
        ("[This story was updated on Tuesday.]", ["[This story was updated on Tuesday.]"]),
    ],
)
def test_a_pictures_label_in_brackets_under_the_byline_does_not_open_the_text(
    over: str, kept: list[str]
) -> None:
    text = (
        "Council approves new bus lanes on the ring road\n\n"
        f"Jane Doe @janedoe / 2 days\n{over}\n\n{LANES}\n"
    )
    assert parse_text(text).paragraphs == [*kept, LANES]


def test_a_row_of_skip_links_over_a_blog_post_is_not_its_headline() -> None:
    # w3m's dump of a blog: its skip links, an ellipsis, the post's date and headline.
    body = "\n\n".join(textwrap.fill(paragraph, 79) for paragraph in (LANES, LANES))
    text = f"skip to main | skip to sidebar\n\n...\n\nDienstag, 28. April 2020\n\nTach auch!\n\n{body}\n"
    assert parse_text(text).title == "Tach auch!"
