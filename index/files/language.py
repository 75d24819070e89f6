"""A cheap guess at an article's language, for files that do not declare one.

Scripts with one main language (Greek, Hebrew, Georgian, Hangul, kana ...) are told by their
letters; Latin and Cyrillic text by counting very common words of each language.
"""

from __future__ import annotations

import re

_SAMPLE = 2000
_WORD = re.compile(r"[^\W\d_]+")

# The commonest function words of each language; words shared by several languages count
# for each of them, so what decides is the words that are not shared.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for it was on with as by he at from his be have are "
        "this an not but had has they were which said been their would who will its after "
        "or than more there also about when she her we into says",
        "fr": "le la les de des du et un une est que qui dans pour pas sur au aux par avec "
        "ce cette il elle sont ont été plus ne se son sa ses mais leur nous vous lui où "
        "a aussi être fait selon entre depuis",
        "de": "der die das und ist nicht ein eine den dem des zu von mit sich auf für im "
        "auch es an werden wurde aus bei hat sind nach wie noch oder wird über einer "
        "vor durch zum zur sie er aber nur kann",
        "es": "el la los las de del y en que un una es por con para se no al su sus lo "
        "como más pero fue ha han este esta sobre también ya entre desde hasta muy le",
        "it": "il lo la gli le di del della dei delle e che un una è per non con sono si "
        "nel nella da al alla anche ha più come ma ci questo questa dopo stato stata "
        "tra fra ed degli",
        "pt": "o a os as de do da dos das e que um uma é em no na nos nas por para com não "
        "se ao mais como mas foi pelo pela seu sua também são está ser já entre",
        "nl": "de het een en van is dat op te in niet zijn met voor die er aan ook als "
        "door bij maar om naar nog wordt werd heeft hebben was uit dan zal over worden",
        "sv": "och att det som en på är av för med till den har de inte om ett var men "
        "jag vi sig från kan så efter när också eller hade skulle",
        "da": "og at det som en på er af for med til den har de ikke om et var men jeg "
        "vi sig fra kan så efter når også eller havde skulle blev",
        "pl": "i w na z się nie do że to jest o jak po co ale przez za od jego już dla "
        "czy są tym było który która także oraz być może jednak",
        "cs": "a v na se je že s z do to o jako by pro ale jeho za jsou které který "
        "také bylo byl není podle když už jen při",
        "ro": "și în de la a cu o un pe care că se din este nu mai sau pentru au fost "
        "iar dar acest această după prin fi sunt",
        "tr": "ve bir bu da de için ile olarak olan çok daha gibi ama ancak sonra kadar "
        "her değil en ise mi şu var yok göre bunu diye",
        "az": "və bir bu da də üçün ilə olaraq olan çox daha kimi amma lakin sonra qədər "
        "hər deyil ən isə var yox görə bildirib edib olub",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada "
        "oleh karena atau sudah telah bahwa mereka kami",
        "ru": "и в не на что с по он как это к из за от но у все так же для был было "
        "она его ее её бы мы вы они о при также только уже или сказал",
        "uk": "і й в у не на що з по він як це до за від але все так для був було "
        "вона його її б ми ви вони про при також тільки вже або та які",
        "bg": "и в не на че с по той как това от за но все така е са да се ще бе беше "
        "тя го я би ние вие те при също само вече или",
    }.items()
}

# Letters that settle a tie between languages sharing a script.
_MARKERS: dict[str, str] = {
    "uk": "іїєґ",
    "ru": "ыэъё",
    "az": "ə",
    "tr": "ı",
    "pl": "łąęśźż",
    "cs": "ěřůť",
    "ro": "țș",
    "de": "ßäöü",
    "fr": "èêçœ",
    "es": "ñ¿¡",
    "pt": "ãõ",
}

# Scripts that mostly mean one language.
_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("\u3040", "\u30ff", "ja"),  # kana before Han: Japanese mixes both
    ("\uac00", "\ud7af", "ko"),
    ("\u4e00", "\u9fff", "zh"),
    ("\u0370", "\u03ff", "el"),
    ("\u0590", "\u05ff", "he"),
    ("\u0600", "\u06ff", "ar"),
    ("\u0900", "\u097f", "hi"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u10a0", "\u10ff", "ka"),
    ("\u0530", "\u058f", "hy"),
)
_PERSIAN = frozenset("پچژگ")
_LETTER_BEYOND_LATIN = re.compile(r"[^\W\d_\x00-\u036f]")
"""A letter (or other word character but a digit) from U+0370 on, where `_SCRIPTS` start."""
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, words in _STOPWORDS.items() if word in words)
    for word in frozenset().union(*_STOPWORDS.values())
}
"""Stopword -> the languages it is a stopword of (one look-up per word, not one per language:
the guess was a third of reading a plain-text file)."""


def guess_language(text: str) -> str:
    """An ISO 639-1 code for `text`'s language, or "" when unsure."""
    sample = text[:_SAMPLE]
    script = _script_language(sample)
    if script:
        return script
    words = _WORD.findall(sample.lower())
    if len(words) < 3:
        return ""
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for word in words:
        for lang in _LANGUAGES_OF.get(word, ()):
            scores[lang] += 1
    lowered = sample.lower()
    for lang, letters in _MARKERS.items():
        if any(letter in lowered for letter in letters):
            scores[lang] += 0.5 + len(words) * 0.02
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    # Too few function words to tell (a list of names, a headline), or a near tie.
    if top < max(2.0, len(words) * 0.08) or top < second * 1.15:
        return ""
    return best


def _script_language(sample: str) -> str:
    if not _LETTER_BEYOND_LATIN.search(sample):  # nearly every article: no letter to count
        return ""
    counts: dict[str, int] = {}
    letters = 0
    for char in sample:
        if not char.isalpha():
            continue
        letters += 1
        if char < "\u0370":
            continue
        for low, high, lang in _SCRIPTS:
            if low <= char <= high:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts or not letters:
        return ""
    lang, count = max(counts.items(), key=lambda item: item[1])
    if lang == "zh" and counts.get("ja", 0) >= count * 0.05:
        return "ja"
    if lang == "ar" and any(char in _PERSIAN for char in sample):
        return "fa"
    return lang if count >= letters * 0.3 else ""
