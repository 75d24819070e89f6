"""The cheap language guess for files that declare none."""

from __future__ import annotations

import pytest

from newsread.index.files.language import guess_language

SAMPLES = {
    "en": "The government said on Wednesday that it would cut spending, and the minister was "
    "asked about it by reporters.",
    "fr": "Le gouvernement a annoncé mercredi une série de mesures pour réduire la dépense "
    "publique, selon le ministre.",
    "de": "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen, die auch für die "
    "Wirtschaft wichtig sind.",
    "es": "El presidente anunció el miércoles una reducción del gasto público, pero la oposición "
    "dijo que no es suficiente.",
    "it": "Il governo ha annunciato mercoledì una serie di misure per ridurre la spesa pubblica, "
    "ma non è sufficiente.",
    "pt": "O governo anunciou na quarta-feira uma série de medidas para reduzir a despesa "
    "pública, mas não é suficiente.",
    "nl": "De regering heeft woensdag een reeks maatregelen aangekondigd om de uitgaven te "
    "verminderen, maar dat is niet genoeg.",
    "ru": "Правительство в среду объявило о ряде мер по сокращению государственных расходов, но "
    "этого недостаточно, сказал он.",
    "uk": "Уряд у середу оголосив про низку заходів щодо скорочення державних витрат, але цього "
    "недостатньо, сказав він.",
    "pl": "Rząd ogłosił w środę szereg działań mających na celu ograniczenie wydatków publicznych, "
    "ale to nie wystarczy.",
    "tr": "Hükümet çarşamba günü kamu harcamalarını azaltmak için bir dizi önlem açıkladı, ancak "
    "bu yeterli değil.",
    "az": "Hökumət çərşənbə günü dövlət xərclərini azaltmaq üçün bir sıra tədbirlər açıqladı, "
    "lakin bu kifayət deyil.",
    "el": "Η κυβέρνηση ανακοίνωσε την Τετάρτη μια σειρά μέτρων για τη μείωση των δαπανών.",
    "ja": "東京都は水曜日、新しい経済対策を発表した。政府は来年度予算に盛り込む方針だ。",
    "zh": "中国政府周三宣布了一系列新的经济刺激措施，旨在促进国内消费和投资。",
    "ko": "정부는 수요일 공공 지출을 줄이기 위한 일련의 조치를 발표했다.",
}


@pytest.mark.parametrize(("language", "text"), SAMPLES.items())
def test_guess_language_names_the_language_of_a_paragraph(language: str, text: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "Bahia Cocoa Review", "12,000 vs 11,500", "Shr 15 cts vs nine cts\nNet 2,002,261"],
)
def test_guess_language_is_empty_when_unsure(text: str) -> None:
    assert guess_language(text) == ""


def test_guess_language_reads_only_the_start_of_long_texts() -> None:
    text = (SAMPLES["de"] + " ") * 30 + SAMPLES["en"] * 20_000
    # 99% of the text is English: only a guess from the start says German.
    assert guess_language(text) == "de"


def _guess_slowly(text: str) -> str:
    """The guess as first written: every word against every language's stopwords, every
    letter of the sample against every script (the oracle for the faster one)."""
    from newsread.index.files import language

    sample = text[: language._SAMPLE]
    counts: dict[str, int] = {}
    letters = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            for low, high, lang in language._SCRIPTS if char >= "\u0370" else ():
                if low <= char <= high:
                    counts[lang] = counts.get(lang, 0) + 1
                    break
    if counts and letters:
        lang, count = max(counts.items(), key=lambda item: item[1])
        if lang == "zh" and counts.get("ja", 0) >= count * 0.05:
            return "ja"
        if lang == "ar" and any(char in language._PERSIAN for char in sample):
            return "fa"
        if count >= letters * 0.3:
            return lang
    words = language._WORD.findall(sample.lower())
    if len(words) < 3:
        return ""
    scores = {lang: 0.0 for lang in language._STOPWORDS}
    for word in words:
        for lang, stopwords in language._STOPWORDS.items():
            if word in stopwords:
                scores[lang] += 1
    for lang, marks in language._MARKERS.items():
        if any(letter in sample.lower() for letter in marks):
            scores[lang] += 0.5 + len(words) * 0.02
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < max(2.0, len(words) * 0.08) or top < second * 1.15:
        return ""
    return best


@pytest.mark.parametrize("seed", range(3))
def test_guess_language_agrees_with_the_plain_slow_guess(seed: int) -> None:
    import random

    from newsread.index.files import language

    rng = random.Random(seed)
    stopwords = sorted(set().union(*language._STOPWORDS.values()))
    others = (
        "Harbour Kelmor ² Ⅷ “quoted” – café Кельмор Ελλάδα 東京 정부 שלום سلام گل 12,5 _x_".split()
    )
    for _ in range(400):
        pool = rng.choice([stopwords, others, stopwords + others, list(SAMPLES.values())])
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert guess_language(text) == _guess_slowly(text), text
