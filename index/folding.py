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
    out). Articles and queries both go through here.
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


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# A Greek letter's accents, breathings and diaeresis, once decomposed (NFD).
_GREEK_MARKS = re.compile("(?<=[\u0370-\u03ff])[\u0300-\u036f]+")


def _greek_unaccented(text: str) -> str:
    """`text` (folded) with Greek letters' marks left out: capitals are written without
    them (ΑΘΗΝΑ is Αθήνα), and polytonic text has marks monotonic text writes another way."""
    bare = _GREEK_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare)
