"""Where `(` and `)` find sentences: full stops that close abbreviations are no ends."""

from __future__ import annotations

import pytest

from newsread.tui.widgets.sentences import sentence_starts, with_quote_marks


def sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(
    "first",
    [
        # Reuters' title case: "U.S." before a capitalised word is an acronym, not an end.
        "Gains followed the U.S. Attack against Iranian oil platforms.",
        "Mr. Smith and Mrs. Jones met Dr. Brown in St. Louis.",
        "The report by J. R. Ewing was late.",
        "Exxon U.S.A. unit cut the price by 0.75 cent.",
        "Die Preise, z.B. Öl und Gas, stiegen laut Prof. Weber.",
        "Mme. Dupont a parlé avec M. Martin.",
        "Output rose at well No. 5 and on Jan. 12 again.",
        "The case of Smith vs. Jones went on.",
    ],
)
def test_an_abbreviation_does_not_end_a_sentence(first: str) -> None:
    assert sentences(f"{first} Prices then rose.") == [first, "Prices then rose."]


@pytest.mark.parametrize(
    "first",
    [
        "Prices fell in the morning.",
        "Was that all?",
        'He said "no."',
        "Exxon bought it from Mobil Corp.",  # a company's name may end a sentence
        "Nobody answered the call at No.",  # "No." before a word: no number follows
        "It happened at 9 a.m.",
    ],
)
def test_a_stop_after_a_word_ends_a_sentence(first: str) -> None:
    assert sentences(f"{first} Then they sold.") == [first, "Then they sold."]


def test_a_blank_line_ends_a_sentence_even_after_an_abbreviation() -> None:
    assert sentences("Made in the U.S.\n\nMore later.") == ["Made in the U.S.", "More later."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Seen in use: `s` in a Chinese article took its whole paragraph, as sentences there
        # end with a full-width stop and the next one follows without a space.
        (
            "市议会批准了计划。工人表示成本将会下降！他说：“这是历史性的决定。”专家将提交报告？好",
            ["市议会批准了计划。", "工人表示成本将会下降！", "他说：“这是历史性的决定。”"]
            + ["专家将提交报告？", "好"],
        ),
        ("港が開いた。船が来た｡", ["港が開いた。", "船が来た｡"]),
        ("هل وصلت السفينة؟ نعم وصلت.", ["هل وصلت السفينة؟", "نعم وصلت."]),
        ("बंदरगाह खुला। जहाज आया।", ["बंदरगाह खुला।", "जहाज आया।"]),
    ],
)
def test_stops_of_other_scripts_end_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_the_first_sentence_starts_at_zero_and_no_start_is_past_the_end() -> None:
    text = "One here. Two there.  "
    assert sentence_starts(text) == [0, len("One here. ")]


@pytest.mark.parametrize(
    ("text", "passage", "taken"),
    [
        # ux20 P7: begun from a find match, the passage lost its opening quotation mark.
        (
            '"This is exactly what we warned about," said Ms Berg.',
            "This is exactly what we warned about,",
            '"This is exactly what we warned about,"',
        ),
        ("He called it “a disgrace” twice.", "a disgrace", "“a disgrace”"),
        ("The rate («taux») rose.", "taux", "(«taux»)"),
        ("Sie sagte: „Nein“ dazu.", "Nein", "„Nein“"),
        # Straight marks inside words are apostrophes, not quotes.
        ("The dockers' union and rock'n'roll.", "n", "n"),
        ("The dockers' union met.", "dockers", "dockers'"),
        ("Prices (up 5%) rose.", "Prices", "Prices"),
    ],
)
def test_a_passage_takes_the_quotation_marks_and_brackets_around_it(
    text: str, passage: str, taken: str
) -> None:
    start = text.index(passage)
    first, last = with_quote_marks(text, start, start + len(passage))
    assert text[first:last] == taken
