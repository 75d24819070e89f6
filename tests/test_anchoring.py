"""Finding highlights again after the article's text changed (pure functions, no database)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsread.index.annotations.anchoring import (
    CONTEXT_CHARS,
    LENGTH_TOLERANCE,
    Anchor,
    anchor,
    make_selector,
)

PARAGRAPHS = (
    "The city council met on Tuesday evening to debate the draft budget for next year.",
    (
        "After three hours of argument, the mayor said the plan would cut costs by ten percent "
        "over three years, mostly by merging departments and selling unused buildings."
    ),
    "Opposition members called the figures optimistic and asked for an independent audit.",
    "A final vote is expected next month.",
)
BODY = "\n\n".join(PARAGRAPHS)


def select(body: str, passage: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(passage, start + 1)
    return start, start + len(passage)


def anchor_after_edit(old: str, new: str, passage: str, occurrence: int = 0) -> Anchor:
    start, end = select(old, passage, occurrence)
    quote, prefix, suffix = make_selector(old, start, end)
    return anchor(new, quote, prefix, suffix, start, end)


def test_selector_keeps_32_characters_of_context_each_side() -> None:
    start, end = select(BODY, "the mayor said")
    quote, prefix, suffix = make_selector(BODY, start, end)
    assert quote == "the mayor said"
    assert prefix == BODY[start - 32 : start] and len(prefix) == CONTEXT_CHARS == 32
    assert suffix == BODY[end : end + 32]


def test_selector_context_is_cut_at_the_ends_of_the_body() -> None:
    assert make_selector("Short text here.", 0, 5) == ("Short", "", " text here.")
    assert make_selector("Short text here.", 11, 16) == ("here.", "Short text ", "")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5), (-1, 3), (0, 10_000)])
def test_selector_rejects_empty_or_outside_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad text range"):
        make_selector(BODY, start, end)


def test_unchanged_text_is_anchored_at_the_same_offsets() -> None:
    start, end = select(BODY, "the plan would cut costs")
    assert anchor_after_edit(BODY, BODY, "the plan would cut costs") == Anchor(
        start, end, "anchored", 1.0
    )


def test_highlight_moves_with_a_paragraph_inserted_before_it() -> None:
    inserted = "Update: this story was revised on Wednesday morning.\n\n"
    found = anchor_after_edit(BODY, inserted + BODY, "the plan would cut costs")
    start, end = select(BODY, "the plan would cut costs")
    assert (found.start, found.end, found.status) == (
        start + len(inserted),
        end + len(inserted),
        "moved",
    )


def test_text_changed_inside_the_passage_is_matched_fuzzily() -> None:
    new = BODY.replace("the plan would cut costs by ten", "the plan would cut spending by ten")
    found = anchor_after_edit(BODY, new, "the plan would cut costs by ten")
    start, end = select(new, "the plan would cut spending by ten")
    assert (found.start, found.end, found.status) == (start, end, "fuzzy")
    assert 0.8 <= found.score < 1.0


def test_a_typo_fixed_inside_a_long_highlight_is_matched_fuzzily() -> None:
    old = BODY.replace("independent audit", "independant audit")
    passage = "Opposition members called the figures optimistic and asked for an independant audit."
    found = anchor_after_edit(old, BODY, passage)
    assert found.status == "fuzzy"
    assert (found.start, found.end) == select(BODY, passage.replace("independant", "independent"))


def test_deleted_passage_is_orphaned() -> None:
    passage = "Opposition members called the figures optimistic and asked for an independent audit."
    new = BODY.replace(passage + "\n\n", "")
    assert anchor_after_edit(BODY, new, passage) == Anchor(None, None, "orphaned", 0.0)


def test_deleted_short_passage_is_not_moved_to_the_same_words_elsewhere() -> None:
    body = (
        "Ministers said the tax cut would pay for itself within two years.\n\n"
        "Economists at the central bank were unconvinced by the argument.\n\n"
        "Later, a reporter asked whether a tax cut was affordable at all."
    )
    new = body.replace("Ministers said the tax cut would pay for itself within two years.\n\n", "")
    # "tax cut" still occurs, but in a sentence with none of the old context.
    assert anchor_after_edit(body, new, "tax cut").status == "orphaned"


def test_short_highlight_opening_a_paragraph_moves_with_a_paragraph_inserted_above() -> None:
    # Its prefix (the end of the paragraph above) is now beside the inserted one.
    inserted = "Update: the audit was ordered on Friday, after this story appeared."
    new = BODY.replace("\n\nOpposition", f"\n\n{inserted}\n\nOpposition")
    found = anchor_after_edit(BODY, new, "Opposition members")
    assert (found.start, found.end, found.status) == (*select(new, "Opposition members"), "moved")


def test_short_highlight_closing_a_paragraph_moves_with_its_paragraph() -> None:
    moved = PARAGRAPHS[2]
    new = "\n\n".join((moved, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3]))
    found = anchor_after_edit(BODY, new, "independent audit.")
    assert (found.start, found.end, found.status) == (*select(new, "independent audit."), "moved")


def test_short_highlight_stays_when_its_paragraphs_are_reordered() -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): a short passage ending its
    paragraph, the paragraphs put in another order. The words of its paragraph before it are
    whole, but the stored suffix is the next paragraph, which no longer follows: the one copy
    of the passage was orphaned."""
    paragraphs = [
        "Harbour works resumed on Monday after the storm.",
        "The ferry operator said sailings would restart at dawn!",
        "Dredging near the seagrass beds stays suspended.",
    ]
    body = "\n\n".join(paragraphs)
    new = "\n\n".join((paragraphs[0], paragraphs[2], paragraphs[1]))
    found = anchor_after_edit(body, new, "at dawn")
    assert (found.start, found.end, found.status) == (*select(new, "at dawn"), "moved")


def test_short_highlight_stays_when_words_are_put_in_just_before_it() -> None:
    """Found by the oracle: a correction adds words just before a short passage, the rest of
    its paragraph after it untouched; its context was no longer recognisable on average, so
    it was orphaned."""
    new = BODY.replace("called the figures", "called, once again and in writing, the figures")
    found = anchor_after_edit(BODY, new, "the figures")
    assert (found.start, found.end, found.status) == (*select(new, "the figures"), "moved")


def test_deleted_paragraph_does_not_pass_its_opening_words_to_the_next_one() -> None:
    body = (
        "The bridge will close for repairs in May, the council said.\n\n"
        "Opposition members called the timetable reckless and asked for a delay.\n\n"
        "Opposition members also want a ferry to run while the bridge is shut."
    )
    deleted = "Opposition members called the timetable reckless and asked for a delay.\n\n"
    # The next paragraph opens with the same words after the same paragraph, but what came
    # after them (the rest of the deleted paragraph) is nowhere in the text. (A line added at
    # the top: the old offsets, which the same words would fill, hold other text.)
    new = "Updated on Friday.\n\n" + body.replace(deleted, "")
    assert anchor_after_edit(body, new, "Opposition members").status == "orphaned"


SAME_OPENING = (
    "Parliament sat late into the night before the vote.\n\n"
    "The minister said on Tuesday that the harbour would open next spring, weeks early.\n\n"
    "The minister said on Tuesday that the budget would be cut by a tenth everywhere.\n\n"
    "A final vote is expected next month."
)


@pytest.mark.parametrize(
    "passage",
    [
        "The minister said on Tuesday that the",  # the next paragraph's opening, exactly
        "The minister said on Tuesday that the harbour",  # the same, one word on
    ],
)
def test_deleted_paragraph_leaves_no_highlight_on_the_next_one_in_its_place(passage: str) -> None:
    # The next paragraph now stands where the deleted one stood, after the same paragraph:
    # the old offsets hold the same words (or nearly), with the old prefix; only what followed
    # them in their paragraph ("harbour would open next spring") is gone.
    deleted = (
        "The minister said on Tuesday that the harbour would open next spring, weeks early.\n\n"
    )
    new = SAME_OPENING.replace(deleted, "")
    assert anchor_after_edit(SAME_OPENING, new, passage).status == "orphaned"


def test_highlight_opening_a_paragraph_stays_when_a_word_in_it_changes() -> None:
    new = SAME_OPENING.replace("that the harbour would", "that the port would")
    found = anchor_after_edit(SAME_OPENING, new, "The minister said on Tuesday that the harbour")
    assert found.status == "fuzzy"
    assert (found.start, found.end) == select(new, "The minister said on Tuesday that the port")


def test_highlight_opening_a_paragraph_stays_when_the_words_after_it_are_edited() -> None:
    # What follows it in its paragraph is all the context it has there: "would" rewritten as
    # "will finally" leaves it recognisable (Indel similarity 0.70).
    passage = "The minister said on Tuesday that the harbour"
    new = SAME_OPENING.replace("harbour would open", "harbour will finally open")
    assert anchor_after_edit(SAME_OPENING, new, passage) == Anchor(
        *select(new, passage), "anchored", 1.0
    )


def test_highlight_of_a_whole_paragraph_moves_with_it() -> None:
    paragraph = "The minister said on Tuesday that the harbour would open next spring, weeks early."
    parts = SAME_OPENING.split("\n\n")
    new = "\n\n".join((parts[1], parts[0], parts[2], parts[3]))
    found = anchor_after_edit(SAME_OPENING, new, paragraph)
    assert (found.start, found.end, found.status) == (*select(new, paragraph), "moved")


REPEATED = (
    "Late on Friday, according to several reports, the minister resigned this morning "
    "after the vote on the budget failed in parliament by a wide margin."
)


@pytest.mark.parametrize("occurrence", [0, 1])
def test_same_text_twice_the_occurrence_nearest_the_old_position_wins(occurrence: int) -> None:
    body = f"{REPEATED}\n\nAnalysis follows below.\n\n{REPEATED}\n\nMore later."
    new = "Update: " + body  # every offset is now stale by 8 characters
    found = anchor_after_edit(body, new, "the minister resigned", occurrence)
    start, end = select(new, "the minister resigned", occurrence)
    assert (found.start, found.end, found.status) == (start, end, "moved")


def test_same_text_twice_context_beats_nearness() -> None:
    body = (
        "In Paris, officials said the talks had failed completely.\n\n"
        "In Berlin, however, officials said the talks had failed completely."
    )
    # A long paragraph inserted before both leaves the old offset of the second occurrence
    # nearer to where the first one is now; its context still tells them apart.
    new = "x" * 60 + "\n\n" + body
    found = anchor_after_edit(body, new, "the talks had failed", occurrence=1)
    assert (found.start, found.end) == select(new, "the talks had failed", 1)
    assert found.status == "moved"


PULL_QUOTE = (
    "The port will close for a year, the authority said on Monday.\n\n"
    "“We cannot keep the cranes running on goodwill,” the director told reporters.\n\n"
    "Unions called the closure a betrayal of the harbour's workers.\n\n"
    "“We cannot keep the cranes running on goodwill,” the director told reporters.\n\n"
    "A vote on strike action is expected next week."
)
"""A paragraph printed twice (a pull quote): both copies with the same words around them."""


@pytest.mark.parametrize(
    ("reworded", "status"),
    [
        ("the cranes running on goodwill", "fuzzy"),  # a word of it: still like it
        ("every crane idle for want of money", "orphaned"),  # rewritten: nothing like it
    ],
)
def test_a_reworded_pull_quote_stays_on_its_copy_or_is_orphaned(reworded: str, status: str) -> None:
    """The reader marked the second copy; an edit rewords it there. The first copy holds the
    quote exactly, with the same context: the highlight went there, "moved" (shown as not
    changed). It stays on its own copy, changed, or is orphaned if nothing like it is left."""
    passage = "We cannot keep the cranes running on goodwill"
    new_text = passage.replace("the cranes running on goodwill", reworded)
    at = PULL_QUOTE.rindex(passage)
    new = PULL_QUOTE[:at] + new_text + PULL_QUOTE[at + len(passage) :]
    if reworded.startswith("the cranes"):
        new = new.replace(new_text, new_text.replace("keep", "still keep"))
    found = anchor_after_edit(PULL_QUOTE, new, passage, occurrence=1)
    assert found.status == status
    if status == "fuzzy":
        assert new[found.start : found.end] == "We cannot still keep the cranes running on goodwill"


SAID_TWICE = "\n\n".join(
    [
        "The port will close for a year, the authority said on Monday.",
        "Its director said the port “cannot keep the cranes running on goodwill alone, and "
        "will not try to”, before leaving the meeting.",
        "Unions called the closure a betrayal of the harbour's workers.",
        "Its director said the port “cannot keep the cranes running on goodwill alone, and "
        "will not try to”, before leaving the meeting.",
    ]
)
"""A paragraph printed twice, a passage of it with its 32 characters of context inside it."""


@pytest.mark.parametrize(
    ("before", "after"),
    [("the port “cannot", "the harbour “cannot"), ("alone, and will", "alone, and it will")],
)
def test_a_repeated_passage_stays_on_its_copy_when_a_word_beside_it_changes(
    before: str, after: str
) -> None:
    """A word just before (or after) the marked copy is reworded: the quote is still there,
    a few characters from its old place, one side of its context whole; the other copy has
    both sides whole, and the highlight went there, "moved" (481 of 1,510 random edits of a
    word before a marked copy). The copy at its old place is the one marked."""
    passage = "keep the cranes running on goodwill"
    at = SAID_TWICE.rindex(before)
    new = SAID_TWICE[:at] + after + SAID_TWICE[at + len(before) :]
    found = anchor_after_edit(SAID_TWICE, new, passage, occurrence=1)
    assert (found.start, found.end) == select(new, passage, 1)
    assert found.status in ("anchored", "moved")


def test_a_passage_opening_a_paragraph_moves_when_a_short_one_is_put_above_it() -> None:
    """The old context still frames the old place, with the quote inside it after the new
    paragraph: text put in beside the passage, not the passage rewritten. (Four such were
    orphaned in tests/benchmarks/anchoring_quality.py while that was not told apart: a
    paragraph as long as the quote put above, the quote now just past its old offsets.)"""
    passage = "Opposition members called the figures optimistic"
    inserted = "Update: the mayor has since agreed to an audit\n\n"
    assert len(inserted) == len(passage)
    new = BODY.replace("\n\nOpposition", f"\n\n{inserted}Opposition")
    found = anchor_after_edit(BODY, new, passage)
    assert (found.start, found.end, found.status) == (*select(new, passage), "moved")


def test_short_quote_with_a_tiny_edit_is_matched_at_similar_length() -> None:
    body = "In March, interest rates rose 2% after the bank met in the capital."
    new = body.replace("rates rose 2%", "rates rose 3%")
    found = anchor_after_edit(body, new, "rates rose 2%")
    assert (found.start, found.end, found.status) == (*select(new, "rates rose 3%"), "fuzzy")


def test_short_quote_is_not_matched_to_a_much_longer_passage() -> None:
    body = "In March, interest rates rose 2% after the bank met in the capital."
    new = body.replace("rates rose 2%", "rates on long-term government bonds rose 2%")
    # The context is intact on both sides, and the words are all still there, but the
    # passage between is more than three times as long: not the same highlight.
    found = anchor_after_edit(body, new, "rates rose 2%")
    assert found == Anchor(None, None, "orphaned", 0.0)


def test_fuzzy_matches_stay_within_a_quarter_of_the_quote_length() -> None:
    quote = "the plan would cut costs by ten percent"
    for replacement in [
        "the plan would cut costs by 10%",
        "the new plan would cut all costs by ten",
    ]:
        new = BODY.replace(quote, replacement)
        found = anchor_after_edit(BODY, new, quote)
        assert found.status == "fuzzy"
        assert found.start is not None and found.end is not None
        assert abs((found.end - found.start) - len(quote)) <= LENGTH_TOLERANCE * len(quote)


def test_nothing_to_anchor_is_orphaned() -> None:
    assert anchor("", "quote", "", "", 0, 5).status == "orphaned"
    assert anchor(BODY, "", "", "", 0, 0).status == "orphaned"


def test_stale_offsets_outside_the_body_do_not_break_anchoring() -> None:
    start, end = select(BODY, "A final vote")
    quote, prefix, suffix = make_selector(BODY, start, end)
    found = anchor(BODY[start - 40 :], quote, prefix, suffix, start, end)
    assert (found.start, found.end, found.status) == (40, 40 + len(quote), "moved")


def test_anchoring_in_a_long_article_is_quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work is bounded (counted in string comparisons, not timed: the machine is shared):
    about 28,000 comparisons for 129,000 characters; every window refined would be millions."""
    from newsread.index.annotations import anchoring

    paragraphs = [
        f"Paragraph {n}: the committee heard evidence from witness {n * 7}." for n in range(2000)
    ]
    body = "\n\n".join(paragraphs)
    start, end = select(body, "the committee heard evidence from witness 7000")
    quote, prefix, suffix = make_selector(body, start, end)
    changed = body.replace(paragraphs[1000], "This paragraph was rewritten entirely.")
    compared = []
    ratio = anchoring.fuzz.ratio
    monkeypatch.setattr(
        anchoring.fuzz, "ratio", lambda *a, **k: compared.append(1) or ratio(*a, **k)
    )
    anchor(changed, quote, prefix, suffix, start, end)
    assert 0 < len(compared) < 60_000


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["the", "a", "budget", "vote", "council", "mayor", "said", "plan", "cut"]),
        min_size=30,
        max_size=80,
    ),
    inserted=st.text(alphabet="xyz \n", max_size=50),
    data=st.data(),
)
def test_long_quote_is_found_exactly_after_text_inserted_at_the_start(
    words: list[str], inserted: str, data: st.DataObject
) -> None:
    body = " ".join(words)
    start = data.draw(st.integers(0, len(body) - 24))
    end = data.draw(st.integers(start + 24, min(len(body), start + 80)))
    quote, prefix, suffix = make_selector(body, start, end)
    found = anchor(inserted + body, quote, prefix, suffix, start, end)
    assert found.status in ("anchored", "moved")
    assert found.start is not None
    assert (inserted + body)[found.start : found.end] == quote


_SYLLABLES = random.Random(8).sample(
    [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")], 90
)
VOCABULARY = [_SYLLABLES[i] + _SYLLABLES[(i * 7 + 3) % 90] + "n" for i in range(90)]
"""Made-up words, all different."""


@settings(max_examples=80, deadline=None)
@given(
    sentences=st.lists(
        st.lists(st.integers(0, 17), min_size=10, max_size=16, unique=True), min_size=3, max_size=5
    ),
    data=st.data(),
)
def test_an_edited_passage_does_not_take_in_a_sentence_added_beside_it(
    sentences: list[list[int]], data: st.DataObject
) -> None:
    """A highlighted sentence is reworded (one word replaced) and a new sentence is written
    just before or after it: the highlight covers the reworded sentence, not the new one."""
    # Sentence n draws distinct words from its own 18: no text recurs (a run of one word
    # repeated has no one right alignment).
    words = [[VOCABULARY[18 * n + i] for i in picks] for n, picks in enumerate(sentences)]
    texts = [" ".join(w).capitalize() + "." for w in words]
    marked = data.draw(st.integers(0, len(texts) - 1))
    old = " ".join(texts)
    start = old.index(texts[marked])
    quote, prefix, suffix = make_selector(old, start, start + len(texts[marked]))
    changed = words[marked][:]
    changed[data.draw(st.integers(1, len(changed) - 1))] = "wexford"
    reworded = " ".join(changed).capitalize() + "."
    added = data.draw(st.sampled_from(["Ziggurat quixotic yonder.", "Pyjama zephyr quokka."]))
    sep = data.draw(st.sampled_from([" ", "\n\n"]))
    pair = f"{added}{sep}{reworded}" if data.draw(st.booleans()) else f"{reworded}{sep}{added}"
    new = " ".join([*texts[:marked], pair, *texts[marked + 1 :]])
    found = anchor(new, quote, prefix, suffix, start, start + len(quote))
    # Orphaned (kept for the reader to place again) is allowed: a short sentence changed
    # inside and at its edge may be too unlike what was marked.
    assert found.status in ("fuzzy", "orphaned")
    if found.status == "fuzzy":
        assert new[found.start : found.end] == reworded


def test_a_reworded_highlight_leaves_out_a_paragraph_added_above_it() -> None:
    """Seen in use: a reworded highlighted paragraph took in a new paragraph written above it,
    because the old context (the end of the paragraph before) pulled its start up."""
    passage = (
        "The suspects, who include two employees of a freight forwarding company and a customs "
        "officer, are accused of forging certificates of origin over a period of at least 18 "
        "months."
    )
    old = "Police arrested nine people, prosecutors said on Thursday.\n\n" + passage
    reworded = passage.replace("The suspects", "The nine suspects").replace(
        "freight forwarding company", "freight-forwarding firm"
    )
    new = old.replace(passage, "Prosecutors gave few details.\n\n" + reworded)
    found = anchor_after_edit(old, new, passage)
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == reworded


@pytest.mark.parametrize(
    ("picks", "marked", "added_before"),
    [
        ([[9, 15, 0, 1, 2, 3, 4, 5, 6, 7], *[list(range(10))] * 2], 0, False),
        ([list(range(10)), [12, 3, 0, 1, 2, 4, 5, 6, 7, 8, 9], list(range(10))], 1, True),
    ],
)
def test_a_changed_second_word_keeps_the_first_in_the_highlight(
    picks: list[list[int]], marked: int, added_before: bool
) -> None:
    """Found by the randomised test above: with the second word replaced, the first one was
    left out (the search stopped at the change), or the alignment matched the old word's last
    letters further on and took in the end of a sentence written before."""
    words = [[VOCABULARY[18 * n + i] for i in chosen] for n, chosen in enumerate(picks)]
    texts = [" ".join(w).capitalize() + "." for w in words]
    reworded = " ".join([words[marked][0], "wexford", *words[marked][2:]]).capitalize() + "."
    added = "Ziggurat quixotic yonder."
    pair = f"{added} {reworded}" if added_before else f"{reworded} {added}"
    old = " ".join(texts)
    new = " ".join([*texts[:marked], pair, *texts[marked + 1 :]])
    found = anchor_after_edit(old, new, texts[marked])
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == reworded


def test_a_reworded_last_word_stays_in_the_highlight_with_a_paragraph_added_after_it() -> None:
    """Found by the property test above (1 case in ~4,000): the last word of a highlighted
    sentence reworded and a paragraph written after it. The best-scoring span stopped before
    the new word (it shares nothing with the old one) and trimming only ever shortens: the
    highlight lost its last word. It now keeps as many characters as the quote had there, up
    to the sentence's end."""
    sentences = [
        "Koden pouzoun foten fitun kefin taigon voulun pinan mouvan niben baifen bogain mairen "
        "gaimon vafan.",
        "Fazan zisain raipen kailon pukain nobin zurun sodin tunoun venen.",
        "Zakan vufain gaboun lidon dibon nubain sougin loufoun mipain vopon.",
        "Vaivon fulan faibun saifun pairon katan neven depin tesan penon.",
    ]
    old = " ".join(sentences)
    start, end = select(old, sentences[1])
    quote, prefix, suffix = make_selector(old, start, end)
    reworded = sentences[1].replace("venen.", "wexford.")
    new = " ".join([sentences[0], f"{reworded}\n\nZiggurat quixotic yonder.", *sentences[2:]])
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == reworded


REORDERED = [
    "The council met on Tuesday. Childcare must be available everywhere, which secures access "
    "to paid work and protects against the poverty that threatens children too.",
    "The platform sees model schemes in Vienna and in North Rhine-Westphalia, where every child "
    "has had a place since last year.",
    "Charities said success at school must no longer depend on the income of the parents, and "
    "asked for more money.",
    "The platform was founded in 1991 and speaks for about two hundred thousand single parents.",
]


@pytest.mark.parametrize("order", [(0, 2, 3, 1), (0, 3, 1, 2), (0, 2, 1, 3)])
def test_a_passage_across_paragraphs_is_not_moved_onto_the_paragraph_now_after_it(
    order: tuple[int, ...],
) -> None:
    """Paragraphs reordered: the highlight's second paragraph moved away, another one follows
    its first now. The span kept the first and took the start of the other in place of the
    second (a long first line and the letters any two sentences share passed for an edit).
    With one paragraph between its two (as an embed would be) the highlight holds every word
    of it and that paragraph, said to have changed; with more, it is orphaned."""
    passage = (
        "Childcare must be available everywhere, which secures access to paid work and protects "
        "against the poverty that threatens children too.\n\nThe platform sees model schemes "
        "in Vienna"
    )
    body = "\n\n".join(REORDERED)
    new = "\n\n".join(REORDERED[i] for i in order)
    found = anchor_after_edit(body, new, passage)
    if order.index(1) - order.index(0) > 2:
        assert found.status == "orphaned"
        return
    assert found.status == "fuzzy"
    between = REORDERED[order[1]]
    assert new[found.start : found.end] == passage.replace("\n\n", f"\n\n{between}\n\n")


def test_a_passage_across_paragraphs_with_a_long_embed_between_them_is_placed() -> None:
    """An embed longer than a quarter of the quote between its two paragraphs: every word of
    the highlight was there, and it was exported as no longer in the article."""
    passage = "threatens children too.\n\nThe platform sees model schemes in Vienna"
    body = "\n\n".join(REORDERED)
    new = body.replace("too.\n\nThe platform", f"too.\n\n{EMBED}\n\nThe platform")
    found = anchor_after_edit(body, new, passage)
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == passage.replace("\n\n", f"\n\n{EMBED}\n\n")


@pytest.mark.parametrize(
    "resave",
    [
        lambda t: t.replace("“", '"').replace("”", '"').replace("—", "--"),
        lambda t: t.replace("…", "...").replace("security", "secu-\nrity"),
        lambda t: unicodedata.normalize("NFD", t).replace("fi", "ﬁ"),
        lambda t: re.sub(r"(\S+ \S+ \S+ \S+) ", "\\1\n", t),  # lines wrapped again
    ],
    ids=[
        "straight quotes and dashes",
        "ellipsis and a hyphenated word",
        "nfd and ligatures",
        "re-wrapped",
    ],  # fmt: skip
)
def test_a_passage_with_an_embed_between_its_paragraphs_is_placed_in_a_resaved_page(
    resave: Callable[[str], str],
) -> None:
    """The page saved again by another tool: an embed's lines between the passage's two
    paragraphs, and its words spelt otherwise. Its lines were looked for only as they were
    spelt: the highlight was orphaned, every word of it still there."""
    old = (
        "“The harbour is safe,” the minister said — again… and again.\n\n"
        "Fishermen doubt it: the new wall, finished in May, failed its first security test."
    )
    passage = "the minister said — again… and again.\n\nFishermen doubt it: the new wall"
    new = resave(old.replace("\n\nFishermen", f"\n\n{EMBED}\n\nFishermen"))
    found = anchor_after_edit(old, new, passage)
    assert found.status == "fuzzy"
    covered = new[found.start : found.end]
    assert _words(covered) == _words(passage.replace("\n\n", f"\n\n{EMBED}\n\n"))


@pytest.mark.parametrize(
    ("paragraphs", "first", "last", "kind"),
    [
        ([[3, 0, 9, 11, 17, 2, 6, 14, 16, 12, 7, 8, 15], [17, 4, 10, 1, 6, 0, 16, 11, 12, 5, 14, 9],
          [15, 0, 11, 7, 5, 2, 13, 9, 10, 12, 4], [11, 16, 14, 10, 12, 7, 0, 1, 5, 13, 15]],
         22, 26, "re-wrapped"),
        ([[13, 4, 9, 11, 5, 1, 8, 15, 7, 2, 10], [16, 17, 5, 10, 6, 13, 14, 7, 2, 8, 4, 9],
          [6, 9, 11, 16, 8, 3, 4, 5, 15, 10, 1, 12, 0, 14, 2, 17],
          [3, 16, 6, 17, 5, 13, 0, 14, 11, 12, 4, 8]],
         37, 41, "hyphenated"),
    ],
)  # fmt: skip
def test_a_passage_closing_its_paragraph_with_an_embed_put_after_it_is_found_respelt(
    paragraphs: list[list[int]], first: int, last: int, kind: str
) -> None:
    """An embed put after the passage's paragraph takes its context on that side, and the
    re-save spelt its words otherwise (lines wrapped again, a word hyphenated at a line's
    end): no exact occurrence, and the fuzzy match, scored on both sides of context, fell
    short (orphaned: 25 of 40,000 random such re-saves, 7 now, all quotes under 24
    characters). Its words spelt as the re-save spells them are the passage itself."""
    old = _typeset(paragraphs)
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[first][0], bounds[last][1]
    parts = old.split("\n\n")
    at = [i for i in range(len(parts)) if len("\n\n".join(parts[:i])) > start][0]
    new = _typography(kind, "\n\n".join([*parts[:at], EMBED, *parts[at:]]))
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status in ("anchored", "moved")
    assert _words(new[found.start : found.end]) == _words(quote)


def test_a_passage_after_an_embed_put_above_it_in_an_nfd_page_keeps_its_first_word() -> None:
    """Found by the randomised test below: a page saved decomposed (NFD) with an embed put
    above the passage. The fuzzy span began inside its first word, "séman" ("se" + U+0301 +
    "man"), and widening it to whole words stopped at the accent: "man …" was highlighted."""
    old = _typeset([list(range(9)), list(range(14)), list(range(16)), [0, 3, 1, 2, *range(4, 9)]])
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[43][0], bounds[46][1]
    parts = old.split("\n\n")
    new = unicodedata.normalize("NFD", "\n\n".join([*parts[:3], EMBED, parts[3]]))
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status in ("anchored", "moved")
    assert _words(new[found.start : found.end]) == _words(quote)


def test_a_word_hyphenated_at_a_line_end_is_the_same_word() -> None:
    """A re-save re-wrapped with words broken at line ends ("eco-" and "nomy" for "economy"):
    the highlight was said to have changed, and its end cut at the hyphen."""
    old = "The council said the local economy would grow by two percent this year, and more."
    new = old.replace("economy would", "eco-\nnomy would").replace(
        "percent this", "per-\ncent this"
    )
    found = anchor_after_edit(old, new, "the local economy would grow by two percent")
    assert found.status in ("anchored", "moved")
    assert new[found.start : found.end] == "the local eco-\nnomy would grow by two per-\ncent"


PUT_BETWEEN = "Advert: Ziggurat quixotic yonder, pyjama zephyr quokka."
EMBED = (
    "Photograph: Quixotic zephyr over the yonder ziggurat, as pyjama quokkas watch.\n"
    "Caption: Jovial wyverns queue by the kiosk for zany quiches and jukebox waltzes.\n"
    "Advertisement — Subscribe: quirky jigsaw puzzles, fjord cruises, vexing sphinx quizzes."
)
"""An embed longer than any quote's quarter: no fuzzy span of a quote's length holds it."""


TYPOGRAPHY = (
    "straight quotes",
    "dashes",
    "ellipses",
    "nfd",
    "ligatures",
    "soft hyphens",
    "non-breaking spaces",
    "re-wrapped",
    "hyphenated",
)
"""How a re-save may spell the same words otherwise (`_typography`)."""


def _typography(kind: str, text: str) -> str:
    """`text` as another tool saves it: the same words, other characters."""
    if kind == "straight quotes":
        return text.translate(str.maketrans("“”‘’", "\"\"''"))
    if kind == "dashes":
        return text.replace("—", "--")
    if kind == "ellipses":
        return text.replace("…", "...")
    if kind == "nfd":
        return unicodedata.normalize("NFD", text)
    if kind == "ligatures":
        return text.replace("fi", "ﬁ").replace("fl", "ﬂ")
    if kind == "soft hyphens":
        return re.sub(r"(\w{4})(\w{4,})", "\\1\u00ad\\2", text)
    if kind == "non-breaking spaces":
        return text.replace(" ", "\u00a0", 3)
    if kind == "hyphenated":  # re-wrapped, a word broken at each line's end: "eco-\nnomy"
        return re.sub(r"(\S+ \S+ [^\W\d_]{3})([^\W\d_]{2,})", "\\1-\n\\2", text)
    assert kind == "re-wrapped", kind
    return re.sub(r"(\S+ \S+ \S+) ", "\\1\n", text)


def _typeset(paragraphs: list[list[int]]) -> str:
    """Paragraph n of the words `VOCABULARY[18 * n + i]` for i in `paragraphs[n]`, with curly
    quotes, an apostrophe, an em dash, an ellipsis and an accent, for a re-save to spell
    otherwise."""
    texts = []
    for n, picks in enumerate(paragraphs):
        words = [VOCABULARY[18 * n + i] for i in picks]
        words[1] = words[1].replace("e", "é", 1)
        words[2], words[4] = f"“{words[2]}", f"{words[4]}’s”"
        words[6] += " —"
        words[7] += "…"
        texts.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(texts)


def _words(text: str) -> str:
    """Letters and digits, compatibility-folded: what stays the same however a re-save spells
    the words."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(
        st.lists(st.integers(0, 17), min_size=9, max_size=16, unique=True), min_size=4, max_size=5
    ),
    data=st.data(),
)
def test_a_resaved_article_keeps_highlights_on_their_words_or_orphans_them(
    paragraphs: list[list[int]], data: st.DataObject
) -> None:
    """The oracle for re-saves: after typography changes (quotes, dashes, NFD, ligatures, soft
    hyphens, re-wrapping, words hyphenated at line ends) or paragraphs put between, moved or
    repeated, a highlight that is not orphaned covers exactly the words it covered (folded as
    `_words` does), and a paragraph or an embed put between them; after a change of
    typography alone, it is neither orphaned nor said to be reworded ("fuzzy"); with a
    paragraph or an embed put between, it is not orphaned (every word of it is there)."""
    old = _typeset(paragraphs)
    # A passage of whole words: within a paragraph, or from one into the next.
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    first = data.draw(st.integers(0, len(bounds) - 4))
    last = data.draw(st.integers(first + 3, min(len(bounds) - 1, first + 24)))
    start, end = bounds[first][0], bounds[last][1]
    quote, prefix, suffix = make_selector(old, start, end)
    kind = data.draw(
        st.sampled_from(
            [
                *TYPOGRAPHY,
                "put between",
                "embed between",
                "embed between, typeset otherwise",
                "moved",
                "repeated",
            ]
        )
    )
    typography = kind in TYPOGRAPHY
    if typography:
        new = _typography(kind, old)
    else:
        parts = old.split("\n\n")
        # Between two of the quote's paragraphs, if it has two, for what is put between.
        inside = [i for i in range(1, len(parts)) if start < len("\n\n".join(parts[:i])) < end]
        if inside and "between" in kind:
            at = data.draw(st.sampled_from(inside))
        else:
            at = data.draw(st.integers(1, len(parts) - 1))
        if "between" in kind:
            parts.insert(at, PUT_BETWEEN if kind == "put between" else EMBED)
        elif kind == "moved":
            parts.append(parts.pop(at))
        else:
            parts.insert(at, parts[data.draw(st.integers(0, len(parts) - 1))])
        new = "\n\n".join(parts)
        if kind.endswith("typeset otherwise"):  # the page saved again by another tool
            new = _typography(data.draw(st.sampled_from(TYPOGRAPHY)), new)
    found = anchor(new, quote, prefix, suffix, start, end)
    if found.status == "orphaned":
        # Every word of it is still there, in order: never "no longer in the article".
        assert not typography and "between" not in kind, f"{kind}: {quote!r} orphaned"
        return
    # The same words typeset otherwise are not a change of wording ("changed" in the app).
    assert found.status != "fuzzy" or not typography, (kind, found)
    # A block put between the quote's paragraphs may stand inside the highlight, nothing else.
    assert _words_give_or_take_a_block(new[found.start : found.end], quote), (kind, found)


@pytest.mark.parametrize("typography", ["ligatures", "re-wrapped", "hyphenated"])
def test_a_passage_closing_its_paragraph_with_an_embed_after_it_and_typeset_otherwise_stays(
    typography: str,
) -> None:
    # Found by the oracle above: the passage's words are all there, but its suffix is gone (an
    # embed after its paragraph) and its prefix spelt otherwise ("ﬁtun", "fitun\n", "fit-\nun"):
    # neither side's context counted as whole, so the one copy of the passage was orphaned.
    old = _typeset([list(range(10)), *[list(range(9))] * 3])
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[7][0], bounds[10][1]
    quote, prefix, suffix = make_selector(old, start, end)
    parts = old.split("\n\n")
    new = _typography(typography, "\n\n".join([parts[0], EMBED, *parts[1:]]))
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status in ("anchored", "moved"), found
    assert found.start is not None and found.end is not None
    assert _words(new[found.start : found.end]) == _words(quote), (
        new[found.start : found.end],
        quote,
    )


@settings(max_examples=100, deadline=None)
@given(
    paragraphs=st.lists(
        st.lists(st.integers(0, 17), min_size=9, max_size=16, unique=True), min_size=3, max_size=5
    ),
    data=st.data(),
)
def test_a_reworded_copy_of_a_repeated_passage_is_not_moved_onto_the_other(
    paragraphs: list[list[int]], data: st.DataObject
) -> None:
    """The oracle for repeats: the paragraphs of a highlighted passage appear twice (a pull
    quote, a summary, an article pasted twice), the reader marked one copy, and an edit
    rewords a word of it there. The other copy holds the quote, with the same words around
    it, elsewhere: the highlight went there, "moved" (shown as unchanged). It is on its own
    copy, said to have changed ("fuzzy"), or orphaned; never on the other."""
    text = _typeset(paragraphs)
    bounds = [m.span() for m in re.finditer(r"\S+", text)]
    first = data.draw(st.integers(0, len(bounds) - 4))
    last = data.draw(st.integers(first + 3, min(len(bounds) - 1, first + 24)))
    old, start, end, new, (low, high) = _repeat_reworded(
        text, bounds[first][0], bounds[last][1], data
    )
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status in ("fuzzy", "orphaned"), (found, quote, new)
    if found.status == "fuzzy":
        assert found.start is not None and found.end is not None
        assert low <= found.start and found.end <= high, (found, low, high, quote, new)


def _repeat_reworded(
    text: str, start: int, end: int, data: st.DataObject
) -> tuple[str, int, int, str, tuple[int, int]]:
    """`text` with the paragraphs holding `start`..`end` repeated (a pull quote, a page saved
    with its summary, an article pasted twice), the passage of one of the two copies (its
    offsets in that text), and that text with a word of that passage reworded, with where
    that copy's paragraphs are in it."""
    parts = text.split("\n\n")
    starts = [len("\n\n".join(parts[:i])) + 2 * (i > 0) for i in range(len(parts))]
    first = max(i for i in range(len(parts)) if starts[i] <= start)
    last = max(i for i in range(len(parts)) if starts[i] < end)
    copy = parts[first : last + 1]
    at = data.draw(st.sampled_from([*range(first + 1), *range(last + 1, len(parts) + 1)]))
    repeated = parts[:at] + copy + parts[at:]
    marked = first + (len(copy) if at <= first else 0)  # where the original is now
    if data.draw(st.booleans()):
        marked = at  # the copy is the one highlighted
    shift = len("\n\n".join(repeated[:marked])) + 2 * (marked > 0) - starts[first]
    start, end = start + shift, end + shift
    text = "\n\n".join(repeated)
    words = [m.span() for m in re.finditer(r"\S+", text) if start <= m.start() < m.end() <= end]
    word = data.draw(st.sampled_from(words))
    new = text[: word[0]] + "wexford" + text[word[1] :]
    low = len("\n\n".join(repeated[:marked])) + 2 * (marked > 0)
    high = low + len("\n\n".join(repeated[marked : marked + len(copy)]))
    return text, start, end, new, (low, high + len("wexford") - (word[1] - word[0]))


def _words_give_or_take_a_block(covered: str, quote: str) -> bool:
    """Whether `covered` has the words of `quote` (folded as `_words` does), give or take one
    paragraph (block) of other text between two of its own: an embed, a pull quote."""
    if _words(covered) == _words(quote):
        return True
    blocks = covered.split("\n\n")
    return any(
        _words("\n\n".join(blocks[:i] + blocks[i + 1 :])) == _words(quote)
        for i in range(1, len(blocks) - 1)
    )


def test_a_passage_across_paragraphs_is_not_moved_onto_a_paragraph_put_between_them() -> None:
    """Found by the randomised test above, as seen re-saving pages as text (an embed's lines
    between the two paragraphs of a highlight): the best fuzzy span began in the paragraph put
    between, in place of the reader's words before it, still there and no longer highlighted."""
    old = _typeset([list(range(9))] * 4)
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[6][0], bounds[30][1]
    parts = old.split("\n\n")
    parts.insert(1, PUT_BETWEEN)
    new = "\n\n".join(parts)
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    if found.status != "orphaned":
        covered = new[found.start : found.end].replace(f"\n\n{PUT_BETWEEN}", "")
        assert _words(covered) == _words(quote)


def test_a_last_word_spelt_with_a_ligature_does_not_take_the_next_word() -> None:
    """Found by the randomised test above: "kefin" re-saved as "keﬁn" (one character fewer)
    ended the fuzzy span as many characters after the last shared run as the quote has there,
    inside the next word, and widening to whole words took it: "keﬁn ﬁtun". A last word
    spelt otherwise ends where its word does."""
    old = "Pinan bogain “niben kefin fitun’s” voulun vafan — dolin pouzoun baifen gaimon."
    new = old.replace("fi", "ﬁ")
    found = anchor_after_edit(old, new, "Pinan bogain “niben kefin")
    assert found.status != "orphaned"
    assert new[found.start : found.end] == "Pinan bogain “niben keﬁn"


@pytest.mark.parametrize("reworded", ["mouvan", "gozun", "voulun"])
def test_a_ligature_in_the_last_word_of_a_reworded_passage_does_not_take_the_next_word(
    reworded: str,
) -> None:
    """Found by the randomised test above (3,000 examples; a word reworded here too): "kefin —"
    re-saved as "keﬁn —" is a character shorter, and the fuzzy span's end, as many characters
    after the last run it shares with the quote as the quote has there, fell on the next
    word's first letter and was widened to the whole word: "keﬁn — ﬁtun". Text spelt
    otherwise at either edge ends (begins) where its spelling does."""
    old = _typeset([[1, 2, 4, 5, 6, 7, 0, 3, 8], *[list(range(9))] * 3])
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[0][0], bounds[7][1]
    new = _typography("ligatures", old.replace(reworded, "wexford", 1))
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == quote.replace(reworded, "wexford").replace("fi", "ﬁ")


def test_a_passage_opening_with_a_last_word_does_not_go_to_another_ending_as_it_does() -> None:
    """Found by the randomised test above: the paragraph whose last word ("gemain.") opens the
    passage moved to the end; another paragraph ends in "vufain.", whose "ain." is more than
    half of the line, which passed for the line kept: the highlight went onto "vufain." and
    the next paragraph's start. A line is kept only with a whole word of it shared."""
    old = _typeset(
        [list(range(9)), list(range(10)), list(range(13)), [*range(8), 11, 12, 13, 14, 10],
         list(range(9))]
    )  # fmt: skip
    bounds = [m.span() for m in re.finditer(r"\S+", old)]
    start, end = bounds[48][0], bounds[51][1]
    parts = old.split("\n\n")
    new = "\n\n".join([*parts[:3], *parts[4:], parts[3]])
    quote, prefix, suffix = make_selector(old, start, end)
    found = anchor(new, quote, prefix, suffix, start, end)
    if found.status != "orphaned":
        assert _words_give_or_take_a_block(new[found.start : found.end], quote), found


def test_a_passage_opening_with_the_last_word_of_a_paragraph_moved_away_is_orphaned() -> None:
    """Found by the randomised test above: the paragraph whose last word opens the passage
    moved to the end; another paragraph's last word ("nobin." for "luvin.") shares "in." with
    it, which took the highlight onto it."""
    old = (
        "Kailon daisin “zoumen zisain ramin’s” tunoun dugun — bivoun roran sodin nobin.\n\n"
        "Vufain sougin “busun makoun vopon’s” lidon rutain — gaboun toudain luvin.\n\n"
        "Saifun tiloun “gemain naitoun depin’s” sinain sarain — pairon tesan katan vaivon."
    )
    parts = old.split("\n\n")
    new = "\n\n".join([parts[0], parts[2], parts[1]])
    passage = "luvin.\n\nSaifun tiloun “gemain naitoun depin’s” sinain sarain — pairon tesan"
    assert anchor_after_edit(old, new, passage).status == "orphaned"


@pytest.mark.parametrize(
    "resave",
    [
        lambda t: t.replace("“", '"').replace("”", '"').replace("’", "'"),
        lambda t: unicodedata.normalize("NFD", t).replace("—", "--"),
        lambda t: t.replace("fi", "ﬁ").replace(" ", "\u00a0", 4),
    ],
    ids=["straight quotes", "nfd and dashes", "ligatures and no-break spaces"],
)
def test_a_highlight_typeset_otherwise_by_a_resave_is_not_said_to_have_changed(
    resave: Callable[[str], str],
) -> None:
    """A page saved again by another tool spells the same words with other characters: the
    highlight was found (fuzzily) and shown as "changed", exported as "the article's wording
    here has changed since"; it is the passage itself, placed where it is now."""
    old = (
        "Zürich’s council met on Tuesday — late, as ever.\n\n"
        "“We will finish the breakwater,” the mayor said, “whatever the fishermen say.”"
    )
    passage = "“We will finish the breakwater,” the mayor said"
    new = resave(old)
    found = anchor_after_edit(old, new, passage)
    assert found.status in ("anchored", "moved")
    assert _words(new[found.start : found.end]) == _words(passage)


def test_words_put_in_on_both_sides_of_a_passage_stay_out_of_it() -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): a paragraph highlighted whole,
    then words written at its start and at its end ("Opposition said" before it). The quote
    is there word for word, but its context changed on both sides, and the fuzzy span,
    scored on the old context, won and took in the new words: the highlight grew over text
    the reader never marked, said to have changed."""
    marked = "Opposition members called the figures optimistic and asked for an audit."
    old = "\n\n".join((PARAGRAPHS[0], marked, PARAGRAPHS[3]))
    new = "\n\n".join(
        (PARAGRAPHS[0], f"Opposition said {marked} Again, for an audit.", PARAGRAPHS[3])
    )
    found = anchor_after_edit(old, new, marked)
    assert (found.start, found.end, found.status) == (*select(new, marked), "moved")


@pytest.mark.parametrize("after", [" Again.", " Again, for an audit."])
def test_a_resaved_passage_with_words_after_it_is_not_taken_for_a_rewording(after: str) -> None:
    """Found by the oracle: a paragraph highlighted whole, also quoted further down (a pull
    quote); the page saved again decomposed (NFD) with words added after the passage. Its old
    prefix still ends where it starts and its old suffix follows the new words: the passage
    "rewritten where it stood" took the new words in, "fuzzy", or with more of them was
    orphaned, though every word of it is there."""
    marked = "Opposition members called the café's figures naïve and asked for an audit."
    pulled = f"In short: {marked} That was all."
    old = "\n\n".join((PARAGRAPHS[0], marked, PARAGRAPHS[3], pulled))
    now = unicodedata.normalize("NFD", marked)
    new = "\n\n".join((PARAGRAPHS[0], now + after, PARAGRAPHS[3], pulled))
    found = anchor_after_edit(old, new, marked)
    assert (found.start, found.end, found.status) == (*select(new, now), "anchored")


CHINESE = "港口扩建计划今天公布。\n\n政府宣布新的疏浚项目将于明年开始，预计耗资十亿。\n\n海草研究发现损害低于预期。"


@pytest.mark.parametrize(
    ("body", "passage", "word", "reworded"),
    [
        (CHINESE, "宣布新的疏浚项目将于明年", "明", "今"),  # "开始" was taken in after it
        (CHINESE, "宣布新的疏浚项目将于明年", "明", "码头"),
        (CHINESE, "新的疏浚项目将于明年", "的", "码头"),  # "政府宣布" was taken in before it
        (BODY, "said the plan would cut costs by ten", "ten", "twelve"),
        (
            "The ferry crew cheered the news ❤️ 👍🏽 and went back.",
            "crew cheered the news ❤️ 👍🏽",
            "❤️",
            "warmly",
        ),
        (
            "They met the mayor at the café 港 and left.",
            "met the mayor at the café 港",
            "café",
            "canteen",
        ),
        (
            "The minister met the harbour board at the pier — and the council met later.",
            "minister met the harbour board at the pier —",
            "pier",
            "piers",
        ),
        (
            "The minister met the harbour board at the café … and the council met later.",
            "minister met the harbour board at the café …",
            "café",
            "cafés",
        ),
    ],
    ids=[
        "chinese",
        "chinese-longer",
        "chinese-head",
        "latin",
        "emoji-last",
        "hanzi-last",
        "dash-last",
        "ellipsis-last",
    ],
)
def test_a_reworded_highlight_ends_where_its_words_do(
    body: str, passage: str, word: str, reworded: str
) -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): after a word of a highlight was
    reworded, its edges were put by counting characters and widening to whole words. Chinese
    has no spaces, so widening ran on to the next comma over words never marked; and after
    a reworded word longer than the old one, a last word of a character or two (an emoji, a
    Chinese character, a dash) was left out of the highlight, and the space before it taken
    in."""
    now = passage.replace(word, reworded)
    new = body.replace(passage, now)
    found = anchor_after_edit(body, new, passage)
    assert found.status == "fuzzy", found
    assert new[found.start : found.end] == now


@pytest.mark.parametrize("emoji", ["🏳️‍🌈", "🎉"])
def test_a_deleted_short_highlight_is_not_put_on_the_next_words(emoji: str) -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): "council 🎉" deleted from
    "council 🎉 council mayor" was put on "council mayor", said to have changed. The fuzzy
    span passed the thresholds, then was cut to the quote's words, and what was left was
    nothing like the quote (its score fell below the threshold too), yet it was taken."""
    body = f"Budget talks resumed on Monday.\n\nThe harbour board and council {emoji} council mayor spoke first, then the minister."
    new = body.replace(f"council {emoji} ", "")
    assert anchor_after_edit(body, new, f"council {emoji}").status == "orphaned"


def test_a_deleted_highlight_is_not_put_on_a_shorter_span_once_cut() -> None:
    """Found by the oracle: "budget said" deleted from "budget budget said café" was put on
    "budget ", said to have changed: the fuzzy span was of a length like the quote's, then cut
    to its words, it was shorter than any fuzzy match may be (75% of the quote)."""
    body = "Talks resumed on Monday.\n\nThe mayor cut the dredging budget budget said café owners, who were angry."
    new = body.replace("budget said", "")
    assert anchor_after_edit(body, new, "budget said").status == "orphaned"


@pytest.mark.parametrize("order", [(0, 3, 2, 1), (3, 2, 1, 0)])
def test_a_paragraph_highlighted_whole_stays_on_it_not_on_a_quote_of_it(
    order: tuple[int, ...],
) -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): a paragraph highlighted whole,
    also quoted inside another paragraph; the paragraphs put in another order. The quote
    inside the other paragraph, after the paragraph that used to precede the highlighted
    one, won on fuzzy context: the highlight went into the middle of another paragraph,
    "moved". A passage that was a paragraph of its own is one where it stands now."""
    marked = "The new berths will open in the spring, the port authority said."
    paragraphs = [
        "Kelmor harbour works resumed on Monday after the storm.",
        f"In a statement: {marked} Critics were unconvinced.",
        "Dredging near the seagrass beds stays suspended until the survey ends.",
        marked,
    ]
    old = "\n\n".join(paragraphs)
    new = "\n\n".join(paragraphs[i] for i in order)
    start = old.rindex(marked)
    quote, prefix, suffix = make_selector(old, start, start + len(marked))
    found = anchor(new, quote, prefix, suffix, start, start + len(marked))
    at = new.index(f"\n\n{marked}\n\n") + 2 if order[0] != 3 else 0
    assert (found.start, found.end, found.status) == (at, at + len(marked), "moved")


@pytest.mark.parametrize("put_above", ["Update.", "码头。"])
def test_a_reworded_quoted_paragraph_leaves_out_a_paragraph_put_above_it(put_above: str) -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): a paragraph highlighted whole,
    quoted again further down ("In short: ..."), a word of it reworded and a short paragraph
    put in just above it. The old context still framed the old place, so the passage was
    taken as "rewritten where it stood", from the old prefix to the old suffix: the new
    paragraph above was in the highlight."""
    marked = (
        "The ferry operator said sailings would restart at dawn on Tuesday, weather permitting."
    )
    first = "Harbour works resumed on Monday after the storm."
    last = "Dredging stays suspended."
    pulled = f"In short: {marked} That was all."
    old = "\n\n".join([first, marked, last, pulled])
    now = marked.replace("sailings", "crossings")
    new = "\n\n".join([first, put_above, now, last, pulled])
    found = anchor_after_edit(old, new, marked)
    assert found.status == "fuzzy", found
    assert new[found.start : found.end] == now


@pytest.mark.parametrize(
    ("put_in", "word", "reworded"),
    [("Seagrass ", "May", "June"), ("Beds of Seagrass ", "survey", "study")],
)
def test_a_reworded_highlight_leaves_out_its_first_word_written_again_before_it(
    put_in: str, word: str, reworded: str
) -> None:
    """Found by the oracle (tests/test_anchoring_oracle.py): words ending with the passage's
    own first word put in just before it, and a word of it reworded. The alignment took the
    first of the two equal words, and the highlight began one word early."""
    old = (
        "The mayor spoke first. Seagrass dredging will resume in May after the survey of the beds."
    )
    passage = "Seagrass dredging will resume in May after the survey"
    now = passage.replace(word, reworded)
    new = old.replace(passage, put_in + now)
    found = anchor_after_edit(old, new, passage)
    assert found.status == "fuzzy", found
    assert new[found.start : found.end] == now


WORLD_PAGES = {
    "korean": (
        "부산항 신항 개장\n\n부산항 신항이 오늘 개장했다. 해양수산부 장관은 물동량이 크게 "
        "늘 것이라고 말했다.\n\n전문가들은 투자가 필요하다고 말했다.",
        "해양수산부 장관은",
    ),
    "vietnamese": (
        "Cảng biển mới\n\nNgười dân thành phố Hải Phòng chào đón cảng biển mới. Thủ tướng "
        "phát biểu rằng dự án này sẽ thúc đẩy thương mại quốc tế.\n\nCác chuyên gia đồng ý.",
        "Thủ tướng",
    ),
    "greek": (
        "Νέο λιμάνι\n\nΟ δήμαρχος του Πειραιά δήλωσε ότι το νέο λιμάνι θα αυξήσει το εμπόριο "
        "της πόλης. Η Ελλάδα επενδύει στις υποδομές.\n\nΤέλος.",
        "το νέο λιμάνι",
    ),
}  # fmt: skip
"""Pages in scripts a decomposed save (NFD) spells with two or three code points a letter,
and a short passage of each."""


@pytest.mark.parametrize("language", sorted(WORLD_PAGES))
@pytest.mark.parametrize(
    "resave",
    [
        lambda t: unicodedata.normalize("NFD", t),
        lambda t: unicodedata.normalize("NFD", t.replace("\n\n", "\n\nA line put in. ", 1)),
    ],
    ids=["nfd", "nfd with words put in above"],
)
@pytest.mark.parametrize("made_on", ["nfc", "nfd"])
def test_a_passage_in_a_page_saved_decomposed_or_composed_is_found_on_its_words(
    language: str, resave: Callable[[str], str], made_on: str
) -> None:
    """A Korean, Vietnamese or Greek page saved again by a tool that decomposes (or composes)
    its text: the quote and its context no longer matched as code points (a Korean syllable
    is three in NFD), and the highlight was orphaned with every word of it there."""
    page, passage = WORLD_PAGES[language]
    old = page if made_on == "nfc" else unicodedata.normalize("NFD", page)
    new = resave(page)
    if made_on == "nfd":
        new = unicodedata.normalize("NFC", new)
    marked = unicodedata.normalize(made_on.upper(), passage)
    found = anchor_after_edit(old, new, marked)
    assert found.status == ("anchored" if found.start == old.index(marked) else "moved")
    assert unicodedata.normalize("NFC", new[found.start : found.end]) == passage


@pytest.mark.parametrize("language", sorted(WORLD_PAGES))
def test_a_passage_deleted_from_a_page_saved_decomposed_stays_orphaned(language: str) -> None:
    """Looking again with the text composed finds words, never other words: the passage's
    sentence gone, the highlight is orphaned however the page is spelt."""
    page, passage = WORLD_PAGES[language]
    sentence = next(s for s in re.split(r"(?<=\.) ", page) if passage in s)
    new = unicodedata.normalize("NFD", page.replace(sentence, ""))
    assert anchor_after_edit(page, new, passage).status == "orphaned"
