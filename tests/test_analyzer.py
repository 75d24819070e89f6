"""The fused analyzer gives exactly the tokens of the Whoosh pipeline it stands for, and folds
every way of writing a word to one form."""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Any

import pytest
from builders import REPO
from oracle import unaccented
from whoosh.analysis import RegexTokenizer, StemFilter, StemmingAnalyzer, StopFilter

from newsread.index.engine.schema import (
    WORD_PATTERN,
    FoldFilter,
    StemAnalyzer,
    analyse_word,
    name_analyzer,
    stem_word,
)
from newsread.index.folding import fold
from newsread.index.marks import ASTRAL_MARKS, BMP_MARKS, UNIDATA_VERSION

NFD_CAFE = unicodedata.normalize("NFD", "Café")

TEXTS = [
    path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((REPO / "sample_articles").rglob("*"))
    if path.suffix in (".txt", ".md", ".json", ".jsonl", ".html")
] + [
    "The a I x 1 2.5 U.S.A. e.g. don't naïve Кельмора café -- running runs",
    "O'Brien’s x-ray: plan B, vitamin D and rock'n'roll in l’économie d'",
    "",
    "a",
    "the the the word",
]
UNICODE_TEXTS = [
    f"The {NFD_CAFE} opened; the café closed. \ufb01nance and ﬂood. Ｋｅｌｍｏｒ ＨＡＲＢＯＵＲ",
    "Straße STRASSE ǅemal İstanbul ΣΊΣΥΦΟΣ नमस्ते दुनिया e\u0301cole \u0301stray",
    "Ⅻ ① ㎏ x\u00b2 ½ U.S.A. ｕ．ｓ．ａ． ﬁ Кельмора",
    "Brahmi 𑀓𑀸𑀫 (a mark beyond U+FFFF) 𝐁𝐨𝐥𝐝 😀 words",
]

UNSPACED_TEXTS = [
    "東京電力は処理水の放出を始めた。 Tokyo Electric 東京",
    "서울시는 새 정책을 발표했다 김철수 기자",
    "ภาษาไทยไม่มีช่องว่าง and 中文",
]
"""Scripts written without spaces, indexed as pairs of characters with single characters
stacked at the pair's position."""


def _tokens(analyzer: Any, text: str, **options: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            t.stopped,
            getattr(t, "original", None),
        )
        for t in analyzer(text, **options)
    ]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"positions": True},
        {"chars": True, "removestops": False},
        {"positions": True, "chars": True, "removestops": False, "keeporiginal": True},
        {"mode": "query"},
        {"tokenize": False, "removestops": False},
        {"positions": True, "start_pos": 5, "chars": True, "start_char": 7},
    ],
)
def test_fused_analyzer_matches_the_whoosh_pipeline(options: dict[str, Any]) -> None:
    fused = StemAnalyzer()
    assert len(TEXTS) > 40
    for text in TEXTS + UNICODE_TEXTS:
        reference = RegexTokenizer(WORD_PATTERN) | FoldFilter() | _stop_filter(text=text)
        reference |= StemFilter(stem_word)
        assert _tokens(fused, text, **options) == _tokens(reference, text, **options)


class _LeftOut(frozenset[str]):
    """Whoosh's stop words and, as its `StopFilter(minsize=2)` leaves out, single characters;
    but not single letters and digits, which newsread indexes, except a letter an apostrophe
    joins to a word (`at_apostrophe`, set for the token being tested)."""

    at_apostrophe = False

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return super().__contains__(word) or (
            len(word) < 2 and (not word.isalnum() or (self.at_apostrophe and not word.isdigit()))
        )


class _StopFilter(StopFilter):  # type: ignore[misc]
    """Whoosh's `StopFilter`, told for each token whether an apostrophe touches it in `text`
    (the tokens carry no offsets unless asked for them)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.stops, self.min = _LeftOut(self.stops), 1
        self.touching = [
            (m.start() > 0 and text[m.start() - 1] in "'’")
            or text[m.end() : m.end() + 1] in ("'", "’")
            for m in re.finditer(WORD_PATTERN, text)
        ]

    def __call__(self, tokens: Any) -> Any:
        def told() -> Any:
            for n, token in enumerate(tokens):
                self.stops.at_apostrophe = n < len(self.touching) and self.touching[n]
                yield token

        return super().__call__(told())


def _stop_filter(stop: StopFilter | None = None, text: str = "") -> StopFilter:
    """Whoosh's `StopFilter`, leaving out what newsread's index leaves out (`_LeftOut`)."""
    if stop is None:
        return _StopFilter(text)
    stop.stops, stop.min = _LeftOut(stop.stops), 1
    return stop


def test_ascii_text_analyses_as_whoosh_stemming_analyzer_does() -> None:
    for text in TEXTS:
        reference = StemmingAnalyzer(stemfn=stem_word)
        reference.items = [
            _stop_filter(text=text) if isinstance(f, StopFilter) else f for f in reference.items
        ]
        if text.isascii():
            assert _tokens(StemAnalyzer(), text, positions=True, chars=True) == _tokens(
                reference, text, positions=True, chars=True
            )


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (NFD_CAFE, "café"),  # decomposed in the file, composed from the keyboard
        ("café", NFD_CAFE),
        ("\ufb01nance", "finance"),  # the fi ligature of PDFs and typeset pages
        ("finance", "\ufb01nance"),
        ("Ｋｅｌｍｏｒ", "kelmor"),  # full-width, from CJK input methods
        ("KELMOR", "ｋｅｌｍｏｒ"),
        ("Straße", "STRASSE"),
        ("STRAẞE", "strasse"),  # the capital ẞ of German signs and passports
        ("Αθήνα", "ΑΘΗΝΑ"),  # Greek capitals go without their accents
        ("ΑΘΗΝΑ", "αθήνα"),
        ("ΑΘΉΝΑ", "Αθήνα"),
        ("ΆΡΗΣ", "άρης"),  # and a final sigma is a sigma
        ("άρης", "ΑΡΗΣ"),
        ("Ἀθῆναι", "Αθήναι"),  # polytonic breathings and circumflex
        ("Пётр", "Петр"),  # Russian ё, mostly written е
        ("Петр", "ПЁТР"),
        ("مُحَمَّد", "محمد"),  # Arabic harakat, mostly unwritten
        ("الاقتصـــاد", "الاقتصاد"),  # and the tatweel that stretches a word
        ("أحمد", "احمد"),  # a hamza on the alef, mostly left out
        ("ايران", "ایران"),  # Arabic yeh and Persian yeh
        ("كشور", "کشور"),  # Arabic kaf and Persian keheh
        ("שִׁמְעוֹן", "שמעון"),  # Hebrew niqqud
        ("İstanbul", "istanbul"),  # Turkish dotted capital İ, case-folded to i + a dot above
        ("İlk", "ilk"),
        ("Istanbul", "İSTANBUL"),
        ("ILGI", "ılgı"),  # dotless ı, which capitals write as I
        ("ılgı", "ilgi"),
        ("Ent\u00adde\u00adckun\u00adgen", "Entdeckungen"),  # soft hyphens: where it may break
        ("Entdeckungen", "Ent\u00adde\u00adckun\u00adgen"),
        ("kelmor\u2060harbour", "kelmorharbour"),  # a word joiner, zero-width space, BOM: unseen
        ("kelmorharbour", "kelmor\u200bharbour"),
        ("kelmor\ufeffharbour", "kelmorharbour"),
        # Latin letters without their accents, as typed on a US keyboard, and the other way
        ("sécheresse", "secheresse"),
        ("secheresse", "SÉCHERESSE"),
        ("Kelmór", "kelmor"),
        (NFD_CAFE, "cafe"),
        ("Nguyễn", "nguyen"),  # Vietnamese: stacked marks (circumflex and tilde), đ
        ("Đặng", "dang"),
        ("Łódź", "lodz"),  # letters with a stroke: no decomposition, folded all the same
        ("Ærøskøbing", "aeroskobing"),
        ("Œuvre", "oeuvre"),
        ("Þórshöfn", "thorshofn"),
        ("Şişli", "sisli"),  # Turkish cedilla and dotless ı
        ("IŞIK", "ışık"),
        ("молоко́", "молоко"),  # a Russian stress mark, from a text for learners
    ],
)
def test_every_way_of_writing_a_word_is_one_term(stored: str, typed: str) -> None:
    stored_terms = [t.text for t in StemAnalyzer()(f"the {stored} news")]
    typed_terms = [t.text for t in StemAnalyzer()(typed, mode="query")]
    assert stored_terms[:1] == typed_terms == [analyse_word(typed)]
    assert [t.text for t in name_analyzer()(stored)] == [t.text for t in name_analyzer()(typed)]


def test_fold_is_nfkc_and_casefold_and_idempotent() -> None:
    for text in UNICODE_TEXTS + TEXTS[-4:]:
        folded = fold(text)
        typed = unaccented(text)  # Latin letters lose their accents
        expected = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", typed).casefold())
        assert folded == expected.replace("σί", "σι")  # ΣΊΣΥΦΟΣ: Greek loses its accents
        assert fold(folded) == folded


def test_fold_leaves_the_marks_of_other_scripts_beside_greek() -> None:
    assert fold("Αθήνα café ΚΑΦΈ naïve") == "αθηνα cafe καφε naive"
    assert fold("ψ\u0301x\u0301") == "ψx"  # a mark on a Latin letter after a Greek one


@pytest.mark.parametrize(
    "word",
    [
        "हिन्दी",  # Hindi's vowel signs and virama are letters: "हिन्दी" is not "हनद"
        "किताब",
        "йод",  # Russian й (и with a breve) is a letter of its own
        "їжак",  # Ukrainian ї
        "ѓавол",  # Macedonian ѓ: an acute that is a letter (no vowel before it)
        "ў",  # Belarusian
        "\u0301stray",  # a mark after no letter
    ],
)
def test_fold_keeps_the_marks_that_are_letters(word: str) -> None:
    assert fold(word) == unicodedata.normalize("NFKC", word).casefold()


def test_a_decomposed_accent_stays_inside_its_word() -> None:
    tokens = [(t.text, t.startchar, t.endchar) for t in StemAnalyzer()(NFD_CAFE, chars=True)]
    assert tokens == [("cafe", 0, len(NFD_CAFE))]
    assert analyse_word("the") is None
    assert analyse_word("-") is None
    assert analyse_word("x") == "x"  # "x-ray" is not every "ray"
    assert analyse_word("7") == "7"  # "Pier 7" is not "Pier 9"


@pytest.mark.skipif(
    unicodedata.unidata_version != UNIDATA_VERSION,
    reason="marks.py was generated from another Unicode version; regenerate it",
)
def test_combining_marks_table_holds_every_mark_that_w_misses() -> None:
    import re

    table = re.compile(f"[{BMP_MARKS}{ASTRAL_MARKS}]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        is_mark = unicodedata.category(char)[0] == "M" and not char.isalnum()
        assert bool(table.match(char)) == is_mark, f"U+{code:04X}"


def test_match_spans_find_exactly_the_analyzers_tokens() -> None:
    from newsread.index.engine.search import match_spans

    analyzer = StemAnalyzer()
    for text in TEXTS + UNICODE_TEXTS:
        tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True)]
        terms = {word for word, _, _ in tokens[::7]}
        expected = [(start, end) for word, start, end in tokens if word in terms]
        assert match_spans(text, terms) == expected


def test_match_spans_find_every_word_form_the_stemmer_rewrites() -> None:
    """Words whose stem is not the start of the word ("dying" is "die", "sensibility"
    "sensibl"), each searched as its own stem: the spans are the analyzer's tokens."""
    from newsread.index.engine.search import match_spans

    text = (
        "Dying, lying and tying; the skies, skis and news. Generously relational organizations "
        "were hopping, hoping and sensibility. Possibilities: valencies, fulness, gently, "
        "idly, early, only, singly, ugly. Inning innings outing canning herring earring "
        "proceeded exceeding succeeds. Studies studying studied; national rationalisation, "
        "U.S.A. and 1987's figures; conditional hopefulness, electrical electricity."
    )
    analyzer = StemAnalyzer()
    tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True)]
    for term in {word for word, _, _ in tokens}:
        expected = [(start, end) for word, start, end in tokens if word == term]
        assert match_spans(text, {term}) == expected, term


def test_match_spans_agree_with_the_analyzer_on_random_texts() -> None:
    """Random ASCII texts of the sample articles' words, cased, dotted and starred at random
    (the snippet path looks only at words that begin as a stem does): the spans are the
    analyzer's tokens of the terms asked for."""
    import random

    from newsread.index.engine.search import match_spans

    rng = random.Random(12)
    words = sorted({w for text in TEXTS for w in text.split() if w.isascii()})
    analyzer = StemAnalyzer()
    for _ in range(150):
        picked = [rng.choice(words) for _ in range(rng.randint(0, 40))]
        picked = [
            w.upper() if rng.random() < 0.1 else w.capitalize() if rng.random() < 0.2 else w
            for w in picked
        ]
        text = "".join(
            w + rng.choice([" ", " ", ", ", ".", ". ", "*", "-", "'s ", "\n"]) for w in picked
        )
        tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True)]
        terms = {word for word, _, _ in tokens if rng.random() < 0.3} or {"said"}
        expected = [(start, end) for word, start, end in tokens if word in terms]
        assert match_spans(text, terms) == expected, (text, terms)


def test_a_documents_terms_and_positions_are_whooshs_without_token_objects() -> None:
    """`StemAnalyzer.word_positions`, which `Positions.word_values` uses when a document is
    indexed (whoosh_internals), against Whoosh's own `word_values` over the fused analyzer's
    tokens: the same terms in the same order, frequencies, weights and encoded positions."""
    from whoosh.formats import Positions

    from newsread.index.engine.whoosh_internals import patch_whoosh

    patch_whoosh()
    analyzer = StemAnalyzer()
    whoosh_word_values = Positions.word_values.__wrapped__  # type: ignore[attr-defined]
    for boost in (1.0, 2.0):
        positions = Positions(field_boost=boost)
        for text in TEXTS + UNICODE_TEXTS + UNSPACED_TEXTS:
            expected = list(whoosh_word_values(positions, text, analyzer, mode="index"))
            assert list(positions.word_values(text, analyzer, mode="index")) == expected
