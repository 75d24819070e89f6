"""How words are compared: one folded form for every way of writing a word.

The search index (`engine/schema`) and the notes' full-text tables (`annotations/database`)
both store and look up words through `fold`, so a note finds what an article search finds.
"""

from __future__ import annotations

import re
import unicodedata

from newsread.index.marks import JOINERS, UNSEEN


def fold(text: str) -> str:
    """`text` as the index compares it: NFKC-normalised and case-folded, Greek without its
    accents and breathings, Russian ё as е, Turkish İ and ı as i, Arabic and Hebrew without
    their vowel marks, and without the characters no one sees inside a word (a soft hyphen,
    a zero-width space or joiner).

    One form for every way of writing a word: "café" composed or decomposed, the ligature
    "ﬁ" and "fi", full-width "Ｋｅｌｍｏｒ" and "kelmor", "Straße", "STRASSE" and "STRAẞE",
    "Αθήνα" and "ΑΘΗΝΑ" (Greek drops accents from capitals), final "ς" and "σ", "Пётр" and
    "Петр" (ё is mostly written е), "İstanbul", "ISTANBUL" and "istanbul", "ılgı" and "ILGI"
    (capitals write both i's as I), "Entdeckungen" with soft hyphens and without, "مُحَمَّد"
    and "محمد", "ایران" and "ايران", "שִׁמְעוֹן" and "שמעון" (vowel marks are mostly left
    out), and Latin letters without their accents, as search engines fold them (Lucene's
    ASCIIFoldingFilter): "sécheresse" and "secheresse", "Nguyễn" and "Nguyen", "Łódź" and
    "Lodz", "Ærø" and "aero", "Straße" and "strasse" are one word, and so are a Russian word
    with its stress mark and without ("молоко́"). Articles and queries both go through here.

    Where a mark is a letter of its own it stays: Hindi's vowel signs, the breve of Russian
    "й" and Ukrainian "ї" (Cyrillic loses only the stress marks learners' texts write).
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFKC", folded)
    if "ё" in folded:
        folded = folded.replace("ё", "е")
    if "ı" in folded:  # Turkish dotless ı: what "I" writes in capitals ("ILGI" is "ılgı")
        folded = folded.replace("ı", "i")
    if not folded.isalnum():  # (a word of letters alone holds neither of these)
        if "\u0307" in folded:
            # Turkish İ folds to i + a dot above, which an i has already.
            folded = unicodedata.normalize("NFC", folded.replace("i\u0307", "i"))  # "i̇̃" is "ĩ"
        if _INVISIBLE.search(folded):
            folded = _INVISIBLE.sub("", folded)
    if _GREEK.search(folded):
        folded = _greek_unaccented(folded)
    if _ARABIC_OR_HEBREW.search(folded):
        folded = _VOWEL_MARKS.sub("", folded).translate(_ARABIC_LETTERS)
    if _ACCENTED.search(folded):
        folded = _unaccented(folded)
    return folded


def tag_key(tag: str) -> str:
    """What tells tags apart: a tag's `fold`, so a tag matches as a word does everywhere
    else. "İstanbul", "ISTANBUL" and "istanbul", "Россия" and "россия", "Éducation" typed
    composed or not, "Entdeckungen" with a soft hyphen and without, are one tag."""
    return fold(tag)


# No part of a word as it is seen: a word's (non-)joiner, which shapes its letters ("می‌گویند"
# is typed with it or without), and the characters never seen (a soft hyphen ...).
_INVISIBLE = re.compile(f"[{JOINERS}{UNSEEN}]")
_ARABIC_OR_HEBREW = re.compile("[\u0590-\u06ff]")
# Marks that Arabic, Persian and Hebrew mostly leave unwritten: Arabic's harakat (fatha, damma,
# kasra, shadda, sukun, tanwin ...), the dagger alef and the tatweel that only stretches a word
# ("الاقتصـــاد"); Hebrew's niqqud and cantillation ("שִׁמְעוֹן" is "שמעון").
_VOWEL_MARKS = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0640\u064b-\u065f\u0670]"
)
# One letter for the ways Arabic and Persian write it: alef with a hamza or madda as bare alef
# (hamzas are mostly left out), alef maksura and Persian yeh as yeh, Persian keheh as kaf
# (keyboards and fonts give either: "ایران" is "ايران").
_ARABIC_LETTERS = str.maketrans(
    {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
    | {"\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643"}
)


# Latin letters with a mark, or a mark that may stand after one: what `_unaccented` changes.
_ACCENTED = re.compile("[\u00c0-\u02af\u0300-\u036f\u1dc0-\u1dff\u1e00-\u1eff\u2c60-\u2c7f]")
# The marks (once decomposed, NFD) on a Latin letter, stacked ones too ("ễ" is e with a
# circumflex and a tilde): ASCII letters and the Latin ones without an ASCII form yet
# (`_LATIN_LETTERS` gives them one after: "ø̄").
_LATIN_MARKS = re.compile(
    "(?<=[a-z\u00aa-\u02af\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff])"
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
# Russian, Ukrainian and Belarusian texts for learners mark the stressed vowel ("молоко́"): an
# acute or grave no one types. (Not after a consonant: Macedonian "ѓ" and "ќ" are letters.)
_CYRILLIC_STRESS = re.compile("(?<=[аеиоуыэюяіїєѣ])[\u0300\u0301]+")
# Latin letters that Unicode does not write as a letter and a mark, folded as Lucene's
# ASCIIFoldingFilter folds them ("ß" is already "ss", `str.casefold`).
_LATIN_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h"}
    | {"ŧ": "t", "ŋ": "n", "ɨ": "i", "ʉ": "u", "ƀ": "b", "ɓ": "b", "ƈ": "c", "ȼ": "c"}
    | {"ɖ": "d", "ɗ": "d", "ǥ": "g", "ɠ": "g", "ƙ": "k", "ɲ": "n", "ƥ": "p", "ɍ": "r"}
    | {"ƭ": "t", "ƴ": "y", "ȥ": "z", "ƶ": "z", "ƒ": "f", "ɦ": "h", "ɛ": "e", "ɔ": "o"}
)


def _unaccented(text: str) -> str:
    """`text` (folded) with Latin letters' marks left out and the Latin letters that have no
    mark to lose written in ASCII, and Cyrillic vowels without a stress mark."""
    bare = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    if _CYRILLIC.search(bare):
        bare = _CYRILLIC_STRESS.sub("", bare)
    return unicodedata.normalize("NFC", bare.translate(_LATIN_LETTERS))


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# A Greek letter's accents, breathings and diaeresis, once decomposed (NFD).
_GREEK_MARKS = re.compile("(?<=[\u0370-\u03ff])[\u0300-\u036f]+")


def _greek_unaccented(text: str) -> str:
    """`text` (folded) with Greek letters' marks left out: capitals are written without
    them (ΑΘΗΝΑ is Αθήνα), and polytonic text has marks monotonic text writes another way."""
    bare = _GREEK_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare)
