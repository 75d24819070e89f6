"""A word finds the article however either of them wrote it: composed or decomposed accents,
ligatures, full-width letters, any case, with its Latin accents or without (NFKC + case fold
on both sides, Latin letters folded to ASCII)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import indexed_library, write_article

from newsread.index.engine.search import highlight_spans
from newsread.index.library import Library

NFD = unicodedata.normalize("NFD", "café")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    write_article(
        root,
        "cafe.txt",
        "Harbour news",
        f"The new {NFD} on the quay opened to queues.",
    )
    write_article(root, "finance.txt", "Budget week", "The \ufb01nance minister spoke at noon.")
    write_article(root, "kelmor.txt", "Port report", "The mayor of Ｋｅｌｍｏｒ cut the ribbon.")
    write_article(root, "titles/a.txt", f"{NFD.upper()} prices", "Prices rose again.")
    write_article(root, "titles/b.txt", "\ufb01nance bill", "It passed.")
    write_article(root, "titles/c.txt", "ＫＥＬＭＯＲ votes", "It voted.", byline="By José Ñúñez")
    library = Library(root).open()
    library.update()
    return library


def _paths(library: Library, query: str) -> list[str]:
    return sorted(hit.path for hit in library.search(query).hits)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("café", ["cafe.txt", "titles/a.txt"]),
        (NFD, ["cafe.txt", "titles/a.txt"]),
        ("CAFÉ", ["cafe.txt", "titles/a.txt"]),
        ("finance", ["finance.txt", "titles/b.txt"]),
        ("\ufb01nance", ["finance.txt", "titles/b.txt"]),
        ("kelmor", ["kelmor.txt", "titles/c.txt"]),
        ("ｋｅｌｍｏｒ", ["kelmor.txt", "titles/c.txt"]),
        ("title:kelmor", ["titles/c.txt"]),
        ("title:café", ["titles/a.txt"]),
        ('"finance minister"', ["finance.txt"]),
        ("cafe", ["cafe.txt", "titles/a.txt"]),  # typed without its accent
        ("author:nunez", ["titles/c.txt"]),  # "Ñúñez" typed on a US keyboard
        (f"author:{unicodedata.normalize('NFD', 'ñúñez')}", ["titles/c.txt"]),
    ],
)
def test_query_and_article_are_folded_alike(
    library: Library, query: str, expected: list[str]
) -> None:
    assert _paths(library, query) == expected


def test_matches_are_highlighted_in_the_text_as_written(library: Library) -> None:
    for query, word in (("kelmor", "Ｋｅｌｍｏｒ"), ("finance", "\ufb01nance"), ("café", NFD)):
        hit = next(h for h in library.search(query).hits if "titles/" not in h.path)
        spans = hit.snippet.spans
        assert [hit.snippet.text[s:e] for s, e in spans] == [word]


@pytest.fixture
def greek_library(tmp_path: Path) -> Library:
    root = tmp_path / "greek"
    write_article(root, "lower.txt", "Ο Άρης στην Αθήνα", "Ο Άρης έπαιξε στην Αθήνα χθες.")
    write_article(root, "upper.txt", "ΑΡΗΣ: ΝΙΚΗ ΣΤΗΝ ΑΘΗΝΑ", "ΝΙΚΗ ΤΟΥ ΑΡΗ ΣΤΗΝ ΑΘΗΝΑ.")
    write_article(root, "ru.txt", "Пётр и ёлка", "Пётр поставил ёлку на площади.")
    library = Library(root).open()
    library.update()
    return library


@pytest.mark.parametrize(
    ("query", "word", "marked"),
    [
        # Greek capitals are written without accents: either way finds both, and each
        # article's words are marked as it writes them.
        ("Αθήνα", "athens", {"lower.txt": "Αθήνα", "upper.txt": "ΑΘΗΝΑ"}),
        ("ΑΘΗΝΑ", "athens", {"lower.txt": "Αθήνα", "upper.txt": "ΑΘΗΝΑ"}),
        ("ΑΘΉΝΑ", "athens", {"lower.txt": "Αθήνα", "upper.txt": "ΑΘΗΝΑ"}),
        ("αρης", "ares", {"lower.txt": "Άρης", "upper.txt": "ΑΡΗΣ"}),  # final ς is σ
        ("ΆΡΗΣ", "ares", {"lower.txt": "Άρης", "upper.txt": "ΑΡΗΣ"}),
        ("петр", "pyotr", {"ru.txt": "Пётр"}),
        ("ПЁТР", "pyotr", {"ru.txt": "Пётр"}),
    ],
)
def test_greek_capitals_and_russian_yo_find_and_mark_the_words_either_way(
    greek_library: Library, query: str, word: str, marked: dict[str, str]
) -> None:
    results = greek_library.search(f"title:{query}")
    assert sorted(hit.path for hit in results.hits) == sorted(marked), word
    for hit in results.hits:
        spans = highlight_spans(hit.title, results.terms, results.phrases, results.phrase_words)
        assert {hit.title[s:e] for s, e in spans} == {marked[hit.path]}


@pytest.fixture
def semitic_library(tmp_path: Path) -> Library:
    root = tmp_path / "semitic"
    write_article(root, "ar.txt", "خبر", "وتُعَدُّ مُحَمَّد الخطوة مفاجئة. الاقتصـــاد يتعافى.")
    write_article(root, "fa.txt", "نفت", "وزیر نفت ايران گفت که صادرات كشور افزایش یافته است.")
    write_article(root, "fa2.txt", "بازار", "کارشناسان می\u200cگویند بازار رشد کرد.")
    write_article(root, "he.txt", "בחירות", "שִׁמְעוֹן פֶּרֶס אמר כי הדמוקרטיה חזקה.")
    library = Library(root).open()
    library.update()
    return library


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        # Arabic harakat and tatweel, Hebrew niqqud: mostly unwritten, never needed to find.
        ("محمد", "مُحَمَّد"),
        ("مُحَمَّد", "مُحَمَّد"),
        ("الاقتصاد", "الاقتصـــاد"),
        ("שמעון", "שִׁמְעוֹן"),
        ("פרס", "פֶּרֶס"),
        # Persian yeh and keheh, or the Arabic letters a keyboard gives instead.
        ("ایران", "ايران"),
        ("إيران", "ايران"),
        ("کشور", "كشور"),
        # A Persian word typed with its zero-width non-joiner or without it: the text keeps it.
        ("می\u200cگویند", "می\u200cگویند"),
        ("میگویند", "می\u200cگویند"),
    ],
)
def test_arabic_persian_and_hebrew_words_are_found_with_or_without_vowel_marks(
    semitic_library: Library, query: str, marked: str
) -> None:
    results = semitic_library.search(query)
    assert len(results.hits) == 1
    (hit,) = results.hits
    text = semitic_library.docs.article(hit.key).body  # type: ignore[union-attr]
    spans = highlight_spans(text, results.terms, results.phrases, results.phrase_words)
    assert [text[s:e] for s, e in spans] == [marked]


@pytest.fixture
def turkish_library(tmp_path: Path) -> Library:
    root = tmp_path / "turkish"
    write_article(
        root,
        "tr.txt",
        "İSTANBUL'DA LİMAN",
        "Ent\u00adde\u00adckun\u00adgen 👩\u200d💻 kelmor\u200bharbour: İlk gemi İstanbul "
        "limanına geldi, ILGI büyüktü.",
    )
    write_article(root, "en.txt", "Istanbul port", "Ships came back to Istanbul to some ılgı.")
    library = Library(root).open()
    library.update()
    return library


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        # Turkish İ folds to i and a dot above, which an i has already; capitals write ı as I.
        ("istanbul", {"tr.txt": ["İstanbul"], "en.txt": ["Istanbul"]}),
        ("İSTANBUL", {"tr.txt": ["İstanbul"], "en.txt": ["Istanbul"]}),
        ("ilk", {"tr.txt": ["İlk"]}),
        ("ılgı", {"tr.txt": ["ILGI"], "en.txt": ["ılgı"]}),
        ("ILGI", {"tr.txt": ["ILGI"], "en.txt": ["ılgı"]}),
        # Characters never seen inside a word, pasted with it: the word seen is searched.
        ("Ent\u00adde\u00adckun\u00adgen", {"tr.txt": ["Entdeckungen"]}),
        ("entdeckungen", {"tr.txt": ["Entdeckungen"]}),
        ("kelmor\u200bharbour", {"tr.txt": ["kelmorharbour"]}),
        ("kelmor\u2060harbour gemi", {"tr.txt": ["kelmorharbour", "gemi"]}),
    ],
)
def test_turkish_i_and_unseen_characters_find_and_mark_the_word_seen(
    turkish_library: Library, query: str, marked: dict[str, list[str]]
) -> None:
    # Marked in the text as the reading pane shows it (offsets of the unfolded text, after
    # the soft hyphens left out, the emoji's joiner and the İ folded to two letters).
    assert _marked_in_bodies(turkish_library, query) == marked
    for hit in turkish_library.search(query).hits:
        text = turkish_library.docs.article(hit.key).body  # type: ignore[union-attr]
        assert hit.path == "en.txt" or text.startswith("Entdeckungen 👩\u200d💻 kelmorharbour")


def _marked_in_bodies(library: Library, query: str) -> dict[str, list[str]]:
    """Each hit's path -> the words of its body the reading pane marks for `query`."""
    results = library.search(query)
    marked = {}
    for hit in results.hits:
        text = library.docs.article(hit.key).body  # type: ignore[union-attr]
        spans = highlight_spans(text, results.terms, results.phrases, results.phrase_words)
        marked[hit.path] = [text[s:e] for s, e in spans]
    return marked


@pytest.fixture(scope="module")
def accented_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("accents") / "library"
    library = indexed_library(
        root,
        {
            "fr.txt": (
                "La sécheresse à Kelmór",
                "La sécheresse sévère touche Kelmór. La secheresse aussi, sans accent.",
            ),
            "en.txt": ("Kelmor drill", "The secheresse drill at Kelmor; Nguyen said."),
            "vi.txt": ("Hạn hán", "Ông Nguyễn Văn Đức nói về hạn hán ở Đà Nẵng."),
            "pl.txt": ("Łódź", "Fabryka Łódź i Ærøskøbing, Straße, Þórshöfn, Œuvre."),
            "ru.txt": ("Молоко", "Молоко́ дорожает, и йод тоже."),
        },
    )
    yield library
    library.close()


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        # Typed without its accents (a US keyboard) or with them: both spellings are found.
        ("secheresse", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("sécheresse", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("SÉCHERESSE", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("kelmór", {"fr.txt": ["Kelmór"], "en.txt": ["Kelmor"]}),
        ("title:kelmor", {"fr.txt": ["Kelmór"], "en.txt": ["Kelmor"]}),
        ('"secheresse severe"', {"fr.txt": ["sécheresse", "sévère"]}),
        ('"sécheresse sevère"', {"fr.txt": ["sécheresse", "sévère"]}),
        ("séch*", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("sech*", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("s?ch*", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("sé?heresse", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("secheresee~", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        ("séchéresse~", {"fr.txt": ["sécheresse", "secheresse"], "en.txt": ["secheresse"]}),
        # Vietnamese stacked marks and đ; letters with a stroke or of their own (no
        # decomposition): typed as their ASCII spelling.
        ("nguyen", {"vi.txt": ["Nguyễn"], "en.txt": ["Nguyen"]}),
        ("nguyen van duc", {"vi.txt": ["Nguyễn", "Văn", "Đức"]}),
        ("da nang", {"vi.txt": ["Đà", "Nẵng"]}),
        ("lodz", {"pl.txt": ["Łódź"]}),
        ("aeroskobing strasse", {"pl.txt": ["Ærøskøbing", "Straße"]}),
        ("thorshofn oeuvre", {"pl.txt": ["Þórshöfn", "Œuvre"]}),
        # A Russian stress mark, as texts for learners write it; й is a letter, not и.
        ("молоко", {"ru.txt": ["Молоко́"]}),
        ("йод", {"ru.txt": ["йод"]}),
        ("иод", {}),
    ],
)
def test_latin_accents_are_found_and_marked_typed_or_not(
    accented_library: Library, query: str, marked: dict[str, list[str]]
) -> None:
    assert _marked_in_bodies(accented_library, query) == marked
    for hit in accented_library.search(query).hits:  # the results' snippets mark them too
        shown = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
        assert shown and set(shown) <= set(marked[hit.path])


def test_a_word_typed_without_accents_needs_no_suggestion(accented_library: Library) -> None:
    results = accented_library.search("kelmor secheresse")
    assert (len(results.hits), results.suggestion) == (2, None)
    # A misspelt word is corrected to the folded word, which finds both spellings.
    suggestion = accented_library.search("sécheressse drill").suggestion
    assert suggestion == "secheresse drill"
    assert [hit.path for hit in accented_library.search(suggestion).hits] == ["en.txt"]


def test_a_turkish_title_is_marked_where_the_words_are(turkish_library: Library) -> None:
    results = turkish_library.search("title:istanbul liman")
    (hit,) = results.hits
    spans = highlight_spans(hit.title, results.terms, results.phrases, results.phrase_words)
    assert [hit.title[s:e] for s, e in spans] == ["İSTANBUL", "LİMAN"]


def test_an_index_from_before_folding_is_rebuilt_and_annotations_kept(library: Library) -> None:
    article = library.docs.article(library.search("kelmor").hits[0].key)
    assert article is not None
    library.annotations.add_tags(article, "port")
    meta = library.index_dir / "newsread.json"
    library.close()
    meta.write_text('{"schema": 4}')  # the last version that lower-cased without folding
    reopened = Library(library.root).open()
    assert reopened.notice == "index rebuilt: newsread's index format changed"
    reopened.update()
    assert _paths(reopened, "ｋｅｌｍｏｒ tag:port") == [article.path]


# -- Chinese, Japanese, Korean: no spaces between words ---------------------------------------


@pytest.fixture
def cjk_library(tmp_path: Path) -> Library:
    articles = {
        "ja.txt": (
            "処理水の放出を再開",
            "東京電力は3日、福島第一原子力発電所の処理水の放出を再開したと発表した。",
        ),
        "ja2.txt": ("東京の天気", "東京では雨が降り、電力の使用量が増えた。"),
        "zh.txt": ("国务院常务会议", "国务院总理主持召开常务会议，部署稳就业工作。"),
        "ko.txt": ("예산안 제출", "정부가 3일 내년도 예산안을 국회에 제출했다."),
        "th.txt": ("งบประมาณ", "รัฐบาลอนุมัติงบประมาณประจำปีเมื่อวันอังคาร"),
    }
    return indexed_library(tmp_path / "cjk", articles)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A word inside a sentence written without spaces.
        ("処理水", ["ja.txt"]),
        ("福島第一原子力発電所", ["ja.txt"]),
        ("稳就业", ["zh.txt"]),
        ("예산안", ["ko.txt"]),  # Korean: the particle 을 is glued to the word
        ("อนุมัติ", ["th.txt"]),  # Thai, marks (vowels above and below) inside the word
        ("ประจำปี", ["th.txt"]),
        ("電力", ["ja.txt", "ja2.txt"]),
        # The characters of a word in order and side by side, not anywhere in the article:
        # ja2 has 東京 and 電力, but not 東京電力.
        ("東京電力", ["ja.txt"]),
        ("title:処理水", ["ja.txt"]),
        ("title:東京", ["ja2.txt"]),
        ('"処理水の放出"', ["ja.txt"]),
        ("東京 雨", ["ja2.txt"]),  # a word of one character, inside a sentence
        ("電", ["ja.txt", "ja2.txt"]),
        ('"東京 雨"', []),
        ("電力 -東京電力", ["ja2.txt"]),
        # A pair of characters is a part of words already: * and ~ keep the word as it is.
        ("東京電*", ["ja.txt"]),
        ("東京電力~", ["ja.txt"]),
        ("処*", ["ja.txt"]),
        ("ｺｳｿｳ", []),  # half-width katakana folds, and finds nothing here
    ],
)
def test_words_are_found_inside_text_without_spaces(
    cjk_library: Library, query: str, expected: list[str]
) -> None:
    assert _paths(cjk_library, query) == expected


def test_a_cjk_word_is_highlighted_whole_in_the_snippet(cjk_library: Library) -> None:
    hit = cjk_library.search("福島第一原子力発電所").hits[0]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["福島第一原子力発電所"]
    hit = cjk_library.search("処理水").hits[0]
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["処理水"]
    hit = cjk_library.search("雨").hits[0]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["雨"]


@pytest.mark.parametrize("query", ["処理水", "処\u00ad理水", "処\u200d理水", "理水"])
def test_a_joiner_between_two_cjk_characters_neither_splits_nor_hides_the_word(
    tmp_path: Path, query: str
) -> None:
    # Text keeps a joiner between two letters (`sanitise`): "処\u200d理水" is seen as 処理水,
    # but the pairs stopped at the joiner, and the pair 処理 was in no article.
    root = tmp_path / "joined"
    write_article(root, "ja.txt", "放出", "福島の処\u200d理水を放出した。")
    library = Library(root).open()
    library.update()
    results = library.search(query)
    assert [hit.path for hit in results.hits] == ["ja.txt"]
    text = library.docs.article(results.hits[0].key).body  # type: ignore[union-attr]
    spans = highlight_spans(text, results.terms, results.phrases, results.phrase_words)
    assert [text[s:e] for s, e in spans] == ["処\u200d理水" if len(query) > 2 else "理水"]


def test_cjk_text_is_indexed_as_overlapping_pairs_beside_other_words() -> None:
    from newsread.index.engine.schema import text_analyzer

    def tokens(mode: str) -> list[tuple[str, int, int, int]]:
        text = "iPhone15中国市场 水 café"
        found = text_analyzer()(text, positions=True, chars=True, mode=mode)
        return [(t.text, t.pos, t.startchar, t.endchar) for t in found]

    assert tokens("query") == [
        ("iphone15", 0, 0, 8),
        ("中国", 1, 8, 10),
        ("国市", 2, 9, 11),
        ("市场", 3, 10, 12),
        ("水", 4, 13, 14),  # a lone character stays one
        ("cafe", 5, 15, 19),
    ]
    # In the index each character too, at the position of the pair it begins (the last one
    # at the last pair's): a phrase of pairs is unchanged, and "国" alone is found.
    assert tokens("index") == [
        ("iphone15", 0, 0, 8),
        ("中国", 1, 8, 10),
        ("中", 1, 8, 9),
        ("国市", 2, 9, 11),
        ("国", 2, 9, 10),
        ("市场", 3, 10, 12),
        ("市", 3, 10, 11),
        ("场", 3, 11, 12),
        ("水", 4, 13, 14),
        ("cafe", 5, 15, 19),
    ]
