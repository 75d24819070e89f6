"""Unit tests for `newsread.index.formats.bylines`: people to authors, outlets to credit."""

from __future__ import annotations

import pytest
from newsread.index.formats.bylines import (
    is_byline,
    is_person_name,
    looks_like_outlet,
    merge_bylines,
    split_byline,
)


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        ("By Kamila Aliyeva", ["Kamila Aliyeva"], ""),
        ("By\u00a0Azernews", [], "Azernews"),
        ("By AFP", [], "AFP"),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], ""),
        ("By Jane Doe, John Roe and Max Mustermann", ["Jane Doe", "John Roe", "Max Mustermann"], ""),
        ("Written by Jane Doe", ["Jane Doe"], ""),
        ("Jane Doe | Reporter", ["Jane Doe"], ""),
        ("Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("By Jane Doe in Paris", ["Jane Doe"], ""),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe", "John Roe"], ""),
        ("Staff Reporter", [], "Staff Reporter"),
        ("Jane Doe and John Roe | Staff writers", ["Jane Doe", "John Roe"], ""),
        ("By The Associated Press", [], "The Associated Press"),
        ("By Associated Press", [], "Associated Press"),
        ("By Reuters Staff", [], "Reuters"),
        ("By Jane Doe for The Guardian", ["Jane Doe"], "The Guardian"),
        ("By Jane Doe, Senior Correspondent", ["Jane Doe"], ""),
        ("By Jane Doe, 30 May 2017", ["Jane Doe"], ""),
        ("By Jane Doe\nMarch 11, 2015 3:45 PM", ["Jane Doe"], ""),
        ("BY JOHN SMITH", ["John Smith"], ""),
        ("BY BBC NEWS", [], "BBC NEWS"),
        ("By J.R. Smith and Ali al-Amin", ["J.R. Smith", "Ali al-Amin"], ""),
        ("By Valéry Giscard d'Estaing", ["Valéry Giscard d'Estaing"], ""),
        ("Par Jean Dupont", ["Jean Dupont"], ""),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"], ""),
        ("Автор: Иван Петров", ["Иван Петров"], ""),
        ("Jong, Michiel de", ["Michiel de Jong"], ""),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         ["Martin Untersinger", "Damien Leloup", "Morgane Tual"], ""),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"], ""),
        ("By Brenda Goodman, MA\nWebMD Health News", ["Brenda Goodman"], "WebMD Health News"),
        ("Organization for Transformative Works", [], "Organization for Transformative Works"),
        ("By\n\tScott Cunningham", ["Scott Cunningham"], ""),
        ("Last Updated: January 7, 2025", [], ""),
        ("", [], ""),
    ],
)  # fmt: skip
def test_split_byline(text: str, authors: list[str], credit: str) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    "line",
    [
        "By Kamila Aliyeva",
        "By\u00a0Azernews",
        "By AFP",
        "By Jane Doe and John Roe",
        "Written by Jane Doe",
        "Reporting by Jane Doe; Editing by John Roe",
        "Jane Doe | Reporter",
        "Jane Doe, Reuters",
        "Jane Doe and John Roe | Staff writers",
        "Staff Reporter",
        "By The Associated Press",
        "BY JOHN SMITH",
        "Par Jean Dupont",
    ],
)
def test_is_byline_accepts_bylines(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of May, prices had risen.",
        "By Monday the talks were over",
        "By May the prices had doubled",
        "By 2020 the plan will be done",
        "By contrast, the opposition wants new elections in the autumn",
        "Par Pharmaceutical <Parp> Seeks Nyse Listing",
        "Putin, Macron meet amid strained French-Russian ties",
        "The talks lasted two hours, Reuters",
        "",
    ],
)
def test_is_byline_rejects_sentences_and_titles(line: str) -> None:
    assert not is_byline(line)


def test_merge_bylines_puts_people_in_authors_and_outlets_in_credit() -> None:
    merged = merge_bylines([split_byline("By Azernews"), split_byline("By Kamila Aliyeva")])
    assert merged == (["Kamila Aliyeva"], "Azernews")


def test_merge_bylines_drops_a_bare_role_when_an_outlet_or_person_is_known() -> None:
    assert merge_bylines([([], "AFP"), ([], "Staff Reporter")]) == ([], "AFP")
    assert merge_bylines([(["Jane Doe"], ""), ([], "Staff Reporter")]) == (["Jane Doe"], "")
    assert merge_bylines([([], "Staff Reporter")]) == ([], "Staff Reporter")


def test_merge_bylines_removes_duplicates_in_order() -> None:
    merged = merge_bylines([(["Jane Doe"], "Reuters"), (["John Roe", "Jane Doe"], "Reuters")])
    assert merged == (["Jane Doe", "John Roe"], "Reuters")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),
        ("J.R. Smith", True),
        ("Michiel de Jong", True),
        ("Azernews", False),
        ("Associated Press", False),
        ("Staff Reporter", False),
        ("Mac & i", False),
        ("the end of May", False),
    ],
)
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters", True),
        ("BBC News", True),
        ("TODAY.AZ", True),
        ("The New York Times", True),
        ("Government unveils emissions plan", False),
        ("Jane Doe", False),
    ],
)
def test_looks_like_outlet(text: str, expected: bool) -> None:
    assert looks_like_outlet(text) is expected
