"""Unit tests for `newsread.index.files.dates`: layouts, languages, timezones and the fast paths."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from newsread.index.files import dates
from newsread.index.files.dates import (
    as_shown,
    field_date,
    find_date,
    is_date_word,
    looks_like_date_line,
    parse_date,
)

EDT = timezone(timedelta(hours=-4))
EST = timezone(timedelta(hours=-5))
PST = timezone(timedelta(hours=-8))
PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 May 2017 [16:18] - TODAY.AZ", datetime(2017, 5, 30, 16, 18)),
        ("26 February 1987 [15:02] - REUTERS", datetime(1987, 2, 26, 15, 2)),
        ("May 30, 2017 4:18 PM EDT", datetime(2017, 5, 30, 16, 18, tzinfo=EDT)),
        ("30.05.2017 16:18", datetime(2017, 5, 30, 16, 18)),
        ("2017-05-30", datetime(2017, 5, 30)),
        ("2017-05-30T16:18:00", datetime(2017, 5, 30, 16, 18)),
        ("2017-05-30T16:18:00+02:00", datetime(2017, 5, 30, 16, 18, tzinfo=PLUS_TWO)),
        ("2017-05-30T16:18:00+0200", datetime(2017, 5, 30, 16, 18, tzinfo=PLUS_TWO)),
        ("2017-05-30T16:18:00Z", datetime(2017, 5, 30, 16, 18, tzinfo=timezone.utc)),
        (
            "2017-05-30T16:18:00.123456789Z",
            datetime(2017, 5, 30, 16, 18, 0, 123456, tzinfo=timezone.utc),
        ),
        ("2017-05-30 16:18:00.5", datetime(2017, 5, 30, 16, 18, 0, 500000)),
        ("Published: Tuesday 30 May 2017", datetime(2017, 5, 30)),
        ("Updated: 30 May 2017 16:18", datetime(2017, 5, 30, 16, 18)),
        ("Posted on May 30, 2017 at 4:18 pm", datetime(2017, 5, 30, 16, 18)),
        ("2017/05/30", datetime(2017, 5, 30)),
        ("Tue, 30 May 2017 16:18:00 +0000", datetime(2017, 5, 30, 16, 18, tzinfo=timezone.utc)),
        ("Tue, 30 May 2017 16:18:00 GMT", datetime(2017, 5, 30, 16, 18, tzinfo=timezone.utc)),
        (
            "Thursday, 1st June 2017, 09:00 BST",
            datetime(2017, 6, 1, 9, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "30 May 2017 16:18 GMT+3",
            datetime(2017, 5, 30, 16, 18, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("Mon May 30 2017", datetime(2017, 5, 30)),
        ("June 14th, 2019 at 10:05 a.m.", datetime(2019, 6, 14, 10, 5)),
        ("Jun. 14, 2019 12:05 a.m.", datetime(2019, 6, 14, 0, 5)),
        ("12:30 PM, May 30, 2017", datetime(2017, 5, 30, 12, 30)),
        ("05/30/2017", datetime(2017, 5, 30)),
        ("30/05/2017", datetime(2017, 5, 30)),
        ("Last updated on 30.05.17", datetime(2017, 5, 30)),
        # Dots are day-first but where that is impossible: some US sites write "01.21.2020".
        ("01.21.2020 07:00 AM", datetime(2020, 1, 21, 7)),
        ("05.06.2016", datetime(2016, 6, 5)),
        # A zone's name run onto an ISO time (a <time datetime> of Tribune's sites).
        (
            "2016-12-13T15:45:00CST",
            datetime(2016, 12, 13, 15, 45, tzinfo=timezone(timedelta(hours=-6))),
        ),
        ("2017年5月30日", datetime(2017, 5, 30)),
        ("2019년 6월 14일", datetime(2019, 6, 14)),
    ],
)
def test_parse_date_english_and_numeric_layouts(text: str, expected: datetime) -> None:
    result = parse_date(text)
    assert result == expected
    assert (result.utcoffset() if result else None) == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 июня 2019", datetime(2019, 6, 14)),
        ("14 июня 2019 г., 16:18", datetime(2019, 6, 14, 16, 18)),
        ("Опубликовано: 3 марта 2020", datetime(2020, 3, 3)),
        ("Publié le 30 mai 2017 à 16h18", datetime(2017, 5, 30, 16, 18)),
        ("Mis à jour le 1er juin 2017", datetime(2017, 6, 1)),
        ("le 14/06/2019 à 10h05", datetime(2019, 6, 14, 10, 5)),
        ("Veröffentlicht am 30. Mai 2017, 16:18 Uhr", datetime(2017, 5, 30, 16, 18)),
        ("Donnerstag, 1. Juni 2017", datetime(2017, 6, 1)),
        ("30 de mayo de 2017", datetime(2017, 5, 30)),
        ("segunda-feira, 3 de junho de 2019", datetime(2019, 6, 3)),
        ("2 settembre 2018", datetime(2018, 9, 2)),
        ("15 Ocak 2019 Salı", datetime(2019, 1, 15)),
        # The words that put the time after the date, and "hs" (horas) after it.
        ("Publicado el martes 3 de mayo de 2016 a las 10:30", datetime(2016, 5, 3, 10, 30)),
        ("3 de mayo de 2016 10:30 hs", datetime(2016, 5, 3, 10, 30)),
        ("terça-feira, 3 de maio de 2016 às 10:30", datetime(2016, 5, 3, 10, 30)),
        ("martedì 3 maggio 2016 alle ore 10:30", datetime(2016, 5, 3, 10, 30)),
        ("3 mei 2016 om 10:30", datetime(2016, 5, 3, 10, 30)),
    ],
)
def test_parse_date_month_names_in_other_languages(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_parse_date_falls_back_to_dateparser_for_unknown_month_names() -> None:
    assert parse_date("14 Ιουνίου 2019") == datetime(2019, 6, 14)
    assert parse_date("14. června 2019") == datetime(2019, 6, 14)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Updated 3 hours ago",
        "today",
        "Yesterday, 16:18",
        "il y a 2 jours",
        "vor 3 Stunden",
        "1850-01-01",
        "30 May 2099",
        "31 June 2017",
        "2017-02-30",
        "0000-01-01",  # year 0 written with four digits: no year 2000
        "0017-03-04T10:00:00",
        "Oil prices hit record high in 2017",
        "In 2014 Russia annexed Crimea from Ukraine.",
        "Singapore growth at 8.1% in 2004",
        "May 2017",
        "1987 1986",
        "Print version",
    ],
)
def test_parse_date_rejects_relative_impossible_and_non_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 May 2017 [16:18] - TODAY.AZ", "2017-05-30 16:18"),
        ("May 30, 2017 4:18 PM EDT", "2017-05-30 16:18"),
        ("30.05.2017 16:18", "2017-05-30 16:18"),
        ("Published: Tuesday 30 May 2017", "2017-05-30 00:00"),
        ("Tue, 30 May 2017 16:18:00 +0000", "2017-05-30 16:18"),
        ("2017-05-30T16:18:00.123Z", "2017-05-30 16:18"),
        ("14 июня 2019", "2019-06-14 00:00"),
        ("Publié le 30 mai 2017 à 16h18", "2017-05-30 16:18"),
        ("Oil prices hit record high in 2017", None),
        ("1987 1986", None),
    ],
)
def test_common_layouts_never_reach_dateparser(
    text: str, expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast parsers read these layouts right on their own; dateparser is never asked."""

    def refuse(text: str, languages: list[str] | None) -> datetime | None:
        raise AssertionError(f"dateparser called for {text!r}")

    monkeypatch.setattr(dates, "_parse_dateparser", refuse)
    found = parse_date(text)
    assert (found.strftime("%Y-%m-%d %H:%M") if found else None) == expected


def test_importing_dates_does_not_import_dateparser() -> None:
    code = "import sys, newsread.index.files.dates; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "line",
    [
        "30 May 2017 [16:18] - TODAY.AZ",
        "26 February 1987 [15:02] - REUTERS",
        "Published: Tuesday 30 May 2017",
        "May 30, 2017 4:18 PM EDT",
        "30.05.2017 16:18",
        "14 июня 2019",
        "Veröffentlicht am 30. Mai 2017, 16:18 Uhr",
        "2017-05-30T16:18:00Z",
        "2024年3月1日 10時30分",
        "2024年3月1日 星期五 来源：新华社",
        "١٥ مارس ٢٠٢٤",  # Arabic-Indic digits
        # A time with its "a.m." closes the line with a stop that ends no sentence.
        "Updated March 13, 2024 at 10:15 a.m.",
        "Tuesday, March 12, 2024 at 9:30 p.m.",
    ],
)
def test_looks_like_date_line_accepts_date_lines(line: str) -> None:
    assert looks_like_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin, Macron meet amid strained French-Russian ties",
        "Oil prices hit record high in 2017",
        "In 2014 Russia annexed Crimea from Ukraine, which Kyiv and the West still dispute.",
        "France cancelled a $1.3 billion warship supply contract in 2015, officials said today.",
        "Revs 19.9 mln vs 20.1 mln",
        "By Kamila Aliyeva",
        # Sentences of a script without spaces: one "word" by spaces, ending in "。".
        "2024年3月1日，北京。中国人民银行宣布降低存款准备金率。经济学家认为这将支持经济增长。",
        "2017年7月18日，正式加盟环球音乐并在北京举行亚洲签约记者会",
        "x" * 81 + " 2017",
        "",
    ],
)
def test_looks_like_date_line_rejects_other_lines(line: str) -> None:
    assert not looks_like_date_line(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 3:45 PM ET, Mon May 29, 2017", datetime(2017, 5, 29, 15, 45, tzinfo=EDT)),
        ("Jan. 5, 2017 10:00 a.m. ET", datetime(2017, 1, 5, 10, tzinfo=EST)),
        ("Nov 5, 2017 10:00 PT", datetime(2017, 11, 5, 10, tzinfo=PST)),
        ("Nov 4, 2017 10:00 PT", datetime(2017, 11, 4, 10, tzinfo=timezone(timedelta(hours=-7)))),
        ("March 11, 2007 1:00 PM ET", datetime(2007, 3, 11, 13, tzinfo=EDT)),
        ("March 10, 2007 1:00 PM ET", datetime(2007, 3, 10, 13, tzinfo=EST)),
        ("October 27, 1990 9:00 ET", datetime(1990, 10, 27, 9, tzinfo=EDT)),
        ("October 28, 1990 9:00 ET", datetime(1990, 10, 28, 9, tzinfo=EST)),
        ("June 1, 2020 4 p.m. CT", datetime(2020, 6, 1, 16, tzinfo=timezone(timedelta(hours=-5)))),
    ],
)
def test_us_zone_without_daylight_saving_flag_takes_it_from_the_date(
    text: str, expected: datetime
) -> None:
    result = parse_date(text)
    assert result == expected
    assert result is not None and result.utcoffset() == expected.utcoffset()


def test_us_zone_letters_without_a_time_are_not_a_zone() -> None:
    result = parse_date("May 29, 2017 ET")
    assert result == datetime(2017, 5, 29)
    assert result is not None and result.tzinfo is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 March 2021 · 4 min read", datetime(2021, 3, 12)),
        ("May 29, 2017 - 5 min read", datetime(2017, 5, 29)),
        ("Last updated: 12 March 2021", datetime(2021, 3, 12)),
        ("12.03.2021, 14:05 Uhr", datetime(2021, 3, 12, 14, 5)),
        ("Publié le 14 juin 2019 à 10h00", datetime(2019, 6, 14, 10, 0)),
        ("14 de junio de 2019", datetime(2019, 6, 14)),
    ],
)
def test_date_lines_of_scraped_pages(text: str, expected: datetime) -> None:
    assert looks_like_date_line(text)
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Published: 29/05/2017 15:45 | Updated: 30/05/2017 16:00",
            datetime(2017, 5, 29, 15, 45),
        ),
        ("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", datetime(2019, 4, 28, 6, 1)),
        ("May 29, 2017 / 3:45 PM / CNN", datetime(2017, 5, 29, 15, 45)),
        ("Mon 29 May 2017 15.45 BST", datetime(2017, 5, 29, 15, 45, tzinfo=timezone(timedelta(hours=1)))),
        ("29.05.2017 16.18", datetime(2017, 5, 29, 16, 18)),
    ],
)  # fmt: skip
def test_first_date_of_a_line_with_two_and_dotted_times(text: str, expected: datetime) -> None:
    result = parse_date(text)
    assert result == expected
    assert result is not None and result.utcoffset() == expected.utcoffset()


def test_reading_time_alone_is_not_a_date() -> None:
    assert parse_date("4 min read") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("March", True),
        ("Sept.", True),
        ("juin", True),
        ("Dienstag,", True),
        ("Monday", True),
        ("Willis", False),
        ("Jane", False),
        ("2017", False),
    ],
)
def test_is_date_word(word: str, expected: bool) -> None:
    assert is_date_word(word) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", datetime(2019, 9, 26)),
        ("von Die Tagespresse 31. Oktober 2023", datetime(2023, 10, 31)),
        ("Swantje Schemmerling | 06.11.2023", datetime(2023, 11, 6)),
        ("19.10.19, 18:56", datetime(2019, 10, 19, 18, 56)),
        ("By Amelie Nishizawa Feb 8, 2020 5 min read", datetime(2020, 2, 8)),
        ("jueves, 7 de marzo de 2024 - 9:15 a.m.", datetime(2024, 3, 7, 9, 15)),
        ("Sábado 09 junio de 2018 | 22:05", datetime(2018, 6, 9, 22, 5)),
        ("3.April 2015 um 08:12 · Gartenbrief", datetime(2015, 4, 3, 8, 12)),
        ("Por Juan Pérez, 3 de mayo de 2016 a las 10:30 en Política", datetime(2016, 5, 3, 10, 30)),
        ("Di Mario Rossi 3 maggio 2016 alle 10:30 Commenti", datetime(2016, 5, 3, 10, 30)),
        # German abbreviates März as "Mär." or "Mrz." as it does Okt. and Dez.
        ("Autor: Jane Doe, Datum: 03. Mär. 2019", datetime(2019, 3, 3)),
        ("Stand 3. Mrz. 2019", datetime(2019, 3, 3)),
        ("Version 1.2.3 released", None),
        ("Call 12.34.5678", None),
    ],
)
def test_find_date_finds_a_date_inside_a_line_of_other_words(
    line: str, expected: datetime | None
) -> None:
    assert find_date(line) == expected


UTC = timezone.utc
CEST = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("declared", "shown", "expected"),
    [
        # The same moment, shown in the site's time zone on the next day.
        (datetime(2019, 10, 18, 22, 4, tzinfo=UTC), datetime(2019, 10, 19, 0, 4),
         datetime(2019, 10, 19, 0, 4, tzinfo=CEST)),
        (datetime(2022, 5, 4, 0, 44, tzinfo=UTC), datetime(2022, 5, 3, 21, 44),
         datetime(2022, 5, 3, 21, 44, tzinfo=timezone(timedelta(hours=-3)))),
        # A declared time without a zone: the page's own date and time, within a day of it.
        (datetime(2020, 4, 30), datetime(2020, 4, 29, 12, 1), datetime(2020, 4, 29, 12, 1)),
        # Not the same moment in any time zone, the same day, days apart, or a zone shown.
        (datetime(2023, 11, 6, 18, 19, tzinfo=UTC), datetime(2023, 11, 7, 17, 30), None),
        (datetime(2019, 10, 18, 22, 4, tzinfo=UTC), datetime(2019, 10, 19, 0, 7, 30), None),
        (datetime(2019, 10, 18, 22, 4, tzinfo=UTC), datetime(2019, 10, 18, 23, 4), None),
        (datetime(2020, 4, 30), datetime(2020, 4, 20, 12, 1), None),
        (datetime(2019, 10, 18, 22, 4, tzinfo=UTC), datetime(2019, 10, 19, 0, 4, tzinfo=CEST), None),
    ],
)  # fmt: skip
def test_as_shown_is_the_declared_moment_on_the_day_the_page_shows(
    declared: datetime, shown: datetime, expected: datetime | None
) -> None:
    found = as_shown(declared, shown)
    assert found == expected
    if found is not None and expected is not None:
        assert found.utcoffset() == expected.utcoffset()
        if declared.tzinfo is not None:
            assert found == declared  # the same moment


# --- issue 12: dates of pages saved as text (branch tauth) ------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("16.11.20230 Kommentare", datetime(2023, 11, 16)),
        ("16. November 202316. November 2023", datetime(2023, 11, 16)),
        ("November 16, 2023November 16, 2023 jdoe", datetime(2023, 11, 16)),
        ("Jane DoeNovember 16, 2023", datetime(2023, 11, 16)),
        ("von Jane DoeMärz 16 2023", datetime(2023, 3, 16)),
    ],
)
def test_a_year_run_into_what_follows_it_is_still_found(line: str, expected: datetime) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("16.11.20230 Kommentare", "16.11.2023 0 Kommentare"),
        ("4 de mayo de 202200:00 hs", "4 de mayo de 2022 00:00 hs"),
        ("Call 0800 20201234", "Call 0800 20201234"),  # no date: a number stays whole
        ("v1.20201", "v1.20201"),
        ("Jane DoeNovember 16, 2023", "Jane Doe November 16, 2023"),
        ("NovemberMay 5", "November May 5"),
        ("iPhoneMayday 5", "iPhoneMayday 5"),  # no month's name: the word stays whole
        ("the DOEMay 5", "the DOEMay 5"),  # capitals before it: an acronym, not a name's end
        ("Jane Doe12. März 2024", "Jane Doe 12. März 2024"),  # a day run into her name
        ("Jane Doe12.03.2024", "Jane Doe 12.03.2024"),
        ("jdoe28.09.1912:44", "jdoe28.09.1912:44"),  # "28.09.19" run into "12:44": no year
        ("Doe28.09.19 12:44", "Doe 28.09.19 12:44"),
        ("Win10.1 update", "Win10.1 update"),  # a version: no date follows the number
        ("Kalt4 Kommentare", "Kalt4 Kommentare"),
    ],
)
def test_unglue_years_only_splits_the_year_of_a_date(line: str, expected: str) -> None:
    assert dates.unglue_years(line) == expected


def test_around_dates_gives_the_parts_that_without_dates_keeps() -> None:
    assert dates.around_dates("The Harbour Post 02/10/2020 Jane Doe") == [
        "The Harbour Post ",
        " Jane Doe",
    ]
    assert dates.around_dates("Jane Doe") == ["Jane Doe"]
    line = "Jane Doe, 12 March 2024 | updated 13.03.2024"
    assert " ".join(dates.around_dates(line)) == dates.without_dates(line)


def test_a_date_line_with_its_year_run_into_the_time_is_a_date_line() -> None:
    assert dates.looks_like_date_line("miércoles, 4 de mayo de 202207:59 hs")


# --- issue 12: dates written among other words (date12) -----------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2018-08-29 14:15:57 2018-06-22 10:20:00 22.06.2018 10:20", datetime(2018, 6, 22, 10, 20)),
        ("Jane Doe 2022-12-07T10:10:52+01:00 25. Dezember 2022 |", datetime(2022, 12, 25)),
        ("Jane Doe 2022-12-07T10:10:52+01:00 | News", datetime(2022, 12, 7, 10, 10)),
        ("2022-12-07 25. Dezember 2022", datetime(2022, 12, 7)),  # no machine's stamp: the first
    ],
)
def test_a_date_written_for_people_beats_a_machine_timestamp_on_the_same_line(
    line: str, expected: datetime
) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("veröffentlicht am 14 Feb ’20 | Kategorien: Social Media", datetime(2020, 2, 14)),
        ("Posted March 3, '19 by jdoe", datetime(2019, 3, 3)),
        ("Flight 14 Feb 20 seats", None),  # no apostrophe: not a year
    ],
)
def test_a_year_abbreviated_with_an_apostrophe_is_found(
    line: str, expected: datetime | None
) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe | 3rd May 2021 | News", datetime(2021, 5, 3)),
        ("Posted on the 3rd of May 2021 by jdoe", datetime(2021, 5, 3)),
        ("Filed 3-May-2021 in Reports", datetime(2021, 5, 3)),
        ("Jane Doe 2021/05/03 News", datetime(2021, 5, 3)),
        ("Jane Doe · 2021.05.03 · 3 min", datetime(2021, 5, 3)),
        ("Von Harbour Times 4. 2. 2022.", datetime(2022, 2, 4)),
        ("记者 李明 2021年5月3日 北京", datetime(2021, 5, 3)),
    ],
)
def test_find_date_finds_dates_written_in_other_common_forms(line: str, expected: datetime) -> None:
    assert find_date(line) == expected


def test_a_german_two_letter_weekday_leaves_a_date_line_whole() -> None:
    assert parse_date("Mo, 03.05.2021") == datetime(2021, 5, 3)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jana Nováková, 3. května 2021 | Zprávy", datetime(2021, 5, 3)),
        ("Közzétéve: 2021. május 3. 10:30", datetime(2021, 5, 3, 10, 30)),  # its time too
        ("Γιάννης Παπαδόπουλος 3 Μαΐου 2021", datetime(2021, 5, 3)),
        ("Publicat el 3 de maig de 2021", datetime(2021, 5, 3)),
        ("Objavljeno 3. svibnja 2021.", datetime(2021, 5, 3)),
        ("Won 3 here 2021", None),  # a word that is a month only in some rare language's table
        ("Chapter 3 Ends 2021", None),
    ],
)
def test_find_date_reads_month_names_of_languages_from_dateparsers_tables(
    line: str, expected: datetime | None
) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize("line", ["21.dez.2018 às 12h55", "Publicado: 21.Dez.2018", "21.dic.2018"])
def test_a_month_s_name_between_dots_is_a_date(line: str) -> None:
    """ "21.dez.2018": day, month and year set apart by dots alone, as some pages write them."""
    found = find_date(line)
    assert found is not None and found.date() == date(2018, 12, 21)


UTC = timezone.utc


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2019, (datetime(2019, 1, 1), "year")),  # YAML's and TOML's reading of `date: 2019`
        ("2019", (datetime(2019, 1, 1), "year")),
        ("2019-03", (datetime(2019, 3, 1), "month")),
        ("2019/3", (datetime(2019, 3, 1), "month")),
        ("March 2019", (datetime(2019, 3, 1), "month")),
        ("Sept. 2019", (datetime(2019, 9, 1), "month")),
        (1546300800, (datetime(2019, 1, 1, tzinfo=UTC), "")),  # Unix time, as UTC
        ("1546300800000", (datetime(2019, 1, 1, tzinfo=UTC), "")),  # ... in milliseconds
        (1546300800.5, (datetime(2019, 1, 1, 0, 0, 0, 500000, tzinfo=UTC), "")),
        (date(2019, 3, 4), (datetime(2019, 3, 4), "")),
        ("2019-03-04", (datetime(2019, 3, 4), "")),
        ("4 March 2019", (datetime(2019, 3, 4), "")),
    ],
)
def test_a_date_fields_year_month_or_unix_time_is_read_as_what_it_says(
    value: object, expected: tuple[datetime, str]
) -> None:
    assert field_date(value) == expected


@pytest.mark.parametrize(
    # No date: a year no article bears, a thirteenth month, a count or id as small as a year
    # or as large as a Unix time past 2100, a truth value.
    "value",
    [1066, "2019-13", 99, 12345, 10**10 * 1000, True, "n/a", None, ["2019"]]
    # YAML's own dates: a Thai Buddhist-era year (2567 is 2024), a year typed short.
    + [date(2567, 3, 1), datetime(2567, 3, 1, 9, 30), date(24, 3, 1)],
)
def test_a_date_field_that_names_no_plausible_date_gives_none(value: object) -> None:
    assert field_date(value) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("١٥ مارس ٢٠٢٤", datetime(2024, 3, 15)),
        ("نشر في ١٥ مارس ٢٠٢٤", datetime(2024, 3, 15)),
        # Other calendars are read as what they are, never put years off: the Solar Hijri
        # "۱۰ اسفند ۱۴۰۲" is 2024-02-29, the Thai Buddhist era's 2567 is 2024.
        ("۱۰ اسفند ۱۴۰۲", datetime(2024, 2, 29)),
        ("1 มีนาคม 2567", datetime(2024, 3, 1)),
        ("๑ มีนาคม ๒๕๖๗", datetime(2024, 3, 1)),
        ("10 اسفند 2024", None),  # a Solar Hijri month is no Gregorian one, whatever the year
        # A Hindi month: its vowel signs are marks, which cut the word into pieces no month
        # name is ("1 मार्च 2024" was undated, its line left in the body).
        ("1 मार्च 2024", datetime(2024, 3, 1)),
        ("१ मार्च २०२४", datetime(2024, 3, 1)),
        ("नई दिल्ली, 15 अगस्त 2023", datetime(2023, 8, 15)),
    ],
)
def test_a_date_in_the_digits_of_another_script_is_found(
    line: str, expected: datetime | None
) -> None:
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024年3月1日 10時30分", datetime(2024, 3, 1, 10, 30)),
        ("2024年3月1日10時30分15秒", datetime(2024, 3, 1, 10, 30, 15)),
        ("2024年3月1日 午後3時15分", datetime(2024, 3, 1, 15, 15)),
        ("2024年3月1日 午前0時", datetime(2024, 3, 1, 0, 0)),
        ("2024年3月1日 下午3点15分", datetime(2024, 3, 1, 15, 15)),
        ("2024년 3월 1일 오후 3시 15분", datetime(2024, 3, 1, 15, 15)),
        ("2024年3月1日 25時", datetime(2024, 3, 1)),  # a TV listing's 1 am: the date alone
    ],
)
def test_a_time_in_chinese_japanese_or_korean_is_read(line: str, expected: datetime) -> None:
    """ "10時30分" was left unread: the article was dated at midnight."""
    assert parse_date(line) == expected
    assert find_date(f"記者 山田太郎 {line} 東京") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 March 2024 / 09:30 / Jane Doe", datetime(2024, 3, 12, 9, 30)),
        ("Jane Doe | 12 March 2024 | 09:30", datetime(2024, 3, 12, 9, 30)),
        ("Jane Doe · 12.03.2024 · 09:30 Uhr", datetime(2024, 3, 12, 9, 30)),
        ("21.01.2022 - 13:30", datetime(2022, 1, 21, 13, 30)),
        ("March 12, 2024 / 9:30 AM / Jane Doe", datetime(2024, 3, 12, 9, 30)),
        # A figure after the bar that is no time leaves the date alone.
        ("12 March 2024 | 12.500 views", datetime(2024, 3, 12)),
    ],
)
def test_a_time_set_apart_from_its_date_by_a_bar_is_the_dates_time(
    line: str, expected: datetime
) -> None:
    assert find_date(line) == expected


def test_a_numeric_date_and_its_time_set_apart_by_a_dash_parse_as_one() -> None:
    assert parse_date("Freitag, 04.02.2022 | 11:38 Uhr") == datetime(2022, 2, 4, 11, 38)
    assert parse_date("21.01.2022 - 13:30") == datetime(2022, 1, 21, 13, 30)
    assert parse_date("12.03.2024, Berlin") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Solar Hijri (Iran, Afghanistan), in Persian or Latin digits, words or figures.
        ("۲۵ اسفند ۱۴۰۲", datetime(2024, 3, 15)),
        ("شنبه ۲۵ اسفند ۱۴۰۲ - ۱۰:۳۰", datetime(2024, 3, 15, 10, 30)),
        ("۱ فروردین ۱۴۰۳", datetime(2024, 3, 20)),
        ("25 اسفند 1402", datetime(2024, 3, 15)),
        ("۱۴۰۲/۱۲/۲۵", datetime(2024, 3, 15)),
        ("۲۶ حوت ۱۴۰۲", datetime(2024, 3, 16)),
        # Gregorian months as the Levant names them, one of two words.
        ("١٥ آذار ٢٠٢٤", datetime(2024, 3, 15)),
        ("15 تشرين الأول 2023", datetime(2023, 10, 15)),
        ("15 آذار/مارس 2024", datetime(2024, 3, 15)),
        # Thai: whole and short month names, the Buddhist era, Thai digits, a weekday and time.
        ("15 มีนาคม 2567", datetime(2024, 3, 15)),
        ("๑๕ มี.ค. ๒๕๖๗ ๑๐:๓๐ น.", datetime(2024, 3, 15, 10, 30)),
        ("วันศุกร์ที่ 15 มีนาคม พ.ศ. 2567", datetime(2024, 3, 15)),
    ],
)
def test_dates_in_other_calendars_are_read_as_gregorian(line: str, expected: datetime) -> None:
    assert parse_date(line) == expected
    assert find_date(line) == expected
    assert looks_like_date_line(line)


@pytest.mark.parametrize("line", ["۳۰ اسفند ۱۴۰۲", "1402/13/25", "۳۲ فروردین ۱۴۰۳"])
def test_impossible_solar_hijri_dates_are_none(line: str) -> None:
    # 1402 was no leap year: its Esfand had 29 days.
    assert parse_date(line) is None
    assert find_date(line) is None


def _solar_walk(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Solar Hijri one, walked a day at a time from 1 Farvardin 1403
    (20 March 2024): the obviously right twin of `dates._solar_to_gregorian`."""

    def length(y: int, m: int) -> int:
        return 31 if m <= 6 else 30 if m <= 11 else 30 if (25 * y + 11) % 33 < 8 else 29

    y, m, d, today = 1403, 1, 1, date(2024, 3, 20)
    step = 1 if (year, month, day) >= (y, m, d) else -1
    while (y, m, d) != (year, month, day):
        if step > 0:
            d += 1
            if d > length(y, m):
                y, m, d = (y + 1, 1, 1) if m == 12 else (y, m + 1, 1)
        else:
            d -= 1
            if d == 0:
                y, m = (y - 1, 12) if m == 1 else (y, m - 1)
                d = length(y, m)
        today += timedelta(days=step)
    return today


def test_solar_hijri_dates_agree_with_a_day_by_day_walk() -> None:
    rng = random.Random(1403)
    for _ in range(200):
        year, month = rng.randrange(1340, 1440), rng.randrange(1, 13)
        day = rng.randrange(1, (31 if month <= 6 else 30 if month <= 11 else 29) + 1)
        assert dates._solar_to_gregorian(year, month, day) == _solar_walk(year, month, day), (
            year,
            month,
            day,
        )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Updated 12 March 2024, 10:15 | Published 11 March 2024, 09:30",
            datetime(2024, 3, 11, 9, 30),
        ),
        ("Updated: 30/05/2017 Published: 29/05/2017", datetime(2017, 5, 29)),
        ("Aktualisiert am 14.03.2024 - Erstellt am 12.03.2024", datetime(2024, 3, 12)),
        ("Published 11 March 2024 | Updated 12 March 2024", datetime(2024, 3, 11)),
        ("Erstellt am 12.03.2024, 09:30 Uhr", datetime(2024, 3, 12, 9, 30)),
        # Each language's words for the two, from one table (Dutch, Ukrainian, Turkish).
        ("Bijgewerkt 14 maart 2024 | Gepubliceerd 12 maart 2024", datetime(2024, 3, 12)),
        ("Оновлено: 14.03.2024 · Опубліковано: 12.03.2024", datetime(2024, 3, 12)),
        ("Güncelleme: 14.03.2024 - Yayınlanma: 12.03.2024", datetime(2024, 3, 12)),
        ("Gepubliceerd 12 maart 2024, bijgewerkt 14 maart 2024", datetime(2024, 3, 12)),
    ],
)
def test_the_publication_date_wins_over_the_update_given_first(
    line: str, expected: datetime
) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Publié le 12/03/2024 à 09h30", datetime(2024, 3, 12, 9, 30)),
        ("Veröffentlicht am 12/03/2024, 09:30 Uhr", datetime(2024, 3, 12, 9, 30)),
        ("Publicado el 03/12/2024", datetime(2024, 12, 3)),
        ("Opublikowano: 03/12/2024", datetime(2024, 12, 3)),
        ("Publicada el 03/12/2024", datetime(2024, 12, 3)),
        ("Опубліковано 03/12/2024", datetime(2024, 12, 3)),
        # An English label, or none, leaves a slashed date month-first.
        ("Published 12/03/2024", datetime(2024, 12, 3)),
        ("12/03/2024", datetime(2024, 12, 3)),
    ],
)
def test_a_slashed_date_labelled_in_a_day_first_language_is_day_first(
    line: str, expected: datetime
) -> None:
    assert parse_date(line) == expected
    assert find_date(line) is not None and find_date(line).date() == expected.date()


@pytest.mark.parametrize(
    "line", ["۳۰ اسفند ۱۴۰۲", "Диета Аткинса 14 дней", "Formel-1-Fahrercheck 2022 14"]
)
def test_a_line_without_a_month_name_never_has_dateparser_guess_among_every_language(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Guessing among all of them loads and compiles every language's tables: 2 s of CPU.
    import dateparser

    asked: list[object] = []
    monkeypatch.setattr(dateparser, "parse", lambda *a, **k: asked.append(k) or None)
    assert parse_date(line) is None
    assert all(k.get("languages") for k in asked), asked  # type: ignore[attr-defined]


def test_dateparser_reads_a_foreign_month_in_the_languages_naming_it_as_in_all() -> None:
    """The slow twin: dateparser guessing among every language it knows, against it reading
    only those with a month name in the text (`dates._month_languages`), on date lines built
    from month names as dateparser's own tables spell them (accents, a country's own names,
    capitals) and on lines that are no dates."""
    import importlib

    from dateparser.data.languages_info import language_order

    rng = random.Random(12)
    lines = ["Deutsche G7-Präsidentschaft 2022", "5. Bajan, Charlott 1992 WÜ LG Lauter 16,32 m"]
    for code in rng.sample(list(language_order), 14):
        info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
        tables = [info, *info.get("locale_specific", {}).values()]
        month = rng.choice(
            sorted({n for t in tables for k in dates._MONTH_KEYS for n in t.get(k, ())})
        )
        layout = rng.choice(["{d} {m} {y}", "{m} {d}, {y}", "{d}. {m} {y}", "{d} de {m} de {y}"])
        month = month.upper() if rng.random() < 0.3 else month
        lines.append(layout.format(d=rng.randint(1, 28), m=month, y=rng.randint(1990, 2030)))
    for line in lines:
        languages = dates._month_languages(line)
        fast = dates._parse_dateparser(line, languages) if languages else None
        assert fast == dates._parse_dateparser(line, None), line


@pytest.mark.parametrize(
    ("line", "hour"),
    [
        ("Tuesday, March 12, 2024 9:30 p.m.", 21),
        ("By Jane Doe | March 12, 2024 at 9:30 p.m. | 4 min read", 21),
        ("March 12, 2024 9:30pm", 21),
        ("March 12, 2024 9:30 a.m.", 9),
    ],
)
def test_find_date_reads_the_time_with_its_am_or_pm(line: str, hour: int) -> None:
    found = find_date(line)
    assert found is not None and (found.date(), found.hour) == (date(2024, 3, 12), hour)
