"""How words are compared: one folded form for every way of writing a word.

The search index (`engine/schema`) and the notes' full-text tables (`annotations/database`)
both store and look up words through `fold`, so a note finds what an article search finds.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """`text` as the index compares it: NFKC-normalised and case-folded, Greek without its
    accents and breathings, Russian ё as е.

    One form for every way of writing a word: "café" composed or decomposed, the ligature
    "ﬁ" and "fi", full-width "Ｋｅｌｍｏｒ" and "kelmor", "Straße", "STRASSE" and "STRAẞE",
    "Αθήνα" and "ΑΘΗΝΑ" (Greek drops accents from capitals), final "ς" and "σ", "Пётр" and
    "Петр" (ё is mostly written е). Articles and queries both go through here.
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFKC", folded)
    if "ё" in folded:
        folded = folded.replace("ё", "е")
    if _GREEK.search(folded):
        folded = _greek_unaccented(folded)
    return folded


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# A Greek letter's accents, breathings and diaeresis, once decomposed (NFD).
_GREEK_MARKS = re.compile("(?<=[\u0370-\u03ff])[\u0300-\u036f]+")


def _greek_unaccented(text: str) -> str:
    """`text` (folded) with Greek letters' marks left out: capitals are written without
    them (ΑΘΗΝΑ is Αθήνα), and polytonic text has marks monotonic text writes another way."""
    bare = _GREEK_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare)
