"""Bytes to text: every encoding people save articles in, and binary data refused."""

from __future__ import annotations

import codecs
import random

import pytest

from newsread.index.errors import UnreadableFile
from newsread.index.files.decoding import decode

RUSSIAN = (
    "Президент России Владимир Путин провёл переговоры с президентом Франции в Версале.\n"
    "Стороны обсудили ситуацию на Украине и в Сирии, сообщает агентство."
)
UKRAINIAN = "Президент України заявив, що країна готова до переговорів. Їхні пропозиції розглянуті."
FRENCH = (
    "Le gouvernement français a annoncé mercredi une série de mesures à Bercy.\n"
    "« C'est un été difficile », a déclaré le ministre. À suivre."
)
FRENCH_CP1252 = FRENCH + " L’œuvre coûte 5 € — dit-il…"
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen. Größe überraschte Ökonomen."
)
SPANISH = "El presidente anunció el miércoles una reducción del gasto. ¿Es un año difícil?"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "utf-8-sig"),
        (RUSSIAN, "utf-16"),
        (RUSSIAN, "utf-16-le"),
        (RUSSIAN, "utf-16-be"),
        (RUSSIAN, "utf-32"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (UKRAINIAN, "cp1251"),
        (UKRAINIAN, "koi8-u"),  # was read as KOI8-R: "Укра╖ни"
        (FRENCH, "utf-8"),
        (FRENCH, "utf-16"),
        (FRENCH, "utf-16-le"),
        (FRENCH, "utf-16-be"),
        (FRENCH, "latin-1"),
        (FRENCH_CP1252, "cp1252"),
        (GERMAN, "cp1252"),
        (GERMAN, "latin-1"),
        (GERMAN, "utf-32"),
        (SPANISH, "cp1252"),
    ],
)
def test_decode_round_trips_text_in_each_encoding(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_recognises_utf16_without_bom_by_nul_pattern(encoding: str) -> None:
    data = RUSSIAN.encode(encoding)
    assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert decode(data) == RUSSIAN


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_decode_strips_each_byte_order_mark(bom: bytes, encoding: str) -> None:
    assert decode(bom + GERMAN.encode(encoding)) == GERMAN


@pytest.mark.parametrize(
    "bom",
    [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE],
)
def test_binary_data_after_a_byte_order_mark_is_no_text(bom: bytes) -> None:
    """Random bytes after a BOM read as unassigned, private-use and replaced characters:
    after a UTF-16 one they were indexed as a "Chinese" article."""
    noise = random.Random(len(bom)).randbytes(6000)
    with pytest.raises(UnreadableFile, match="binary file"):
        decode(bom + noise)


QUAY_REPORT = "记者 王小明 报道：今天，港口理事会批准了新码头。" * 20


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + QUAY_REPORT.encode("utf-16-le"),
        codecs.BOM_UTF8 + QUAY_REPORT.encode() + b"\xff",  # a bad byte: still text
    ],
)
def test_text_after_a_byte_order_mark_is_read(data: bytes) -> None:
    assert decode(data).startswith(QUAY_REPORT)


def test_decode_short_latin1_words_are_not_misread() -> None:
    assert decode("Café résumé".encode("latin-1")) == "Café résumé"
    assert decode("Grüße aus Köln".encode("cp1252")) == "Grüße aus Köln"


def test_decode_normalises_crlf_and_cr_line_endings() -> None:
    assert decode(b"Title\r\n\r\nFirst line\rSecond line\r\n") == (
        "Title\n\nFirst line\nSecond line\n"
    )
    assert decode("Заголовок\r\nТекст".encode("utf-16")) == "Заголовок\nТекст"


def test_decode_reads_cr_cr_lf_as_one_line_end() -> None:
    """CRLF written again in text mode on Windows: every hard-wrapped line of a paragraph
    became a paragraph of its own."""
    assert decode(b"Title\r\r\n\r\r\nThe minister said that the new\r\r\nharbour plan.\r\r\n") == (
        "Title\n\nThe minister said that the new\nharbour plan.\n"
    )


def test_decode_utf8_with_one_broken_byte_stays_utf8() -> None:
    data = RUSSIAN.encode("utf-8") + b" \xff end"
    assert decode(data) == RUSSIAN + " \ufffd end"


def test_decode_utf8_cut_in_the_middle_of_a_character() -> None:
    data = (RUSSIAN + "ё").encode("utf-8")[:-1]
    assert decode(data) == RUSSIAN + "\ufffd"


def test_decode_removes_terminal_escape_sequences() -> None:
    assert decode(b"Hello \x1b[31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07world") == "Hello red world"


def test_decode_empty_bytes_is_empty_text() -> None:
    assert decode(b"") == ""


def test_decode_drops_nul_padding_at_the_end() -> None:
    assert decode(b"Plain text\n" + b"\x00" * 64) == "Plain text\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (ZIP archive or Office document)"),
        (b"\x7fELF\x02\x01\x01\x00", "binary file (ELF executable)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
        (b"\x1f\x8b\x08\x00\x00\x00", "binary file (gzip)"),
        (
            b"text\x00with\x00scattered\x00\x00NULs" * 20 + b"\x01\x02",
            "binary file (contains NUL bytes)",
        ),
        (bytes(range(1, 32)) * 20, "binary file (control bytes)"),
    ],
)
def test_decode_refuses_binary_data_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode(data)
    assert str(caught.value) == reason


def test_a_file_of_utf8_lines_and_cp1252_lines_reads_each_line_in_its_own() -> None:
    """A UTF-8 article with a line added in a Windows editor was read all as cp1252: its
    UTF-8 came out as "cafÃ© in ZÃ¼rich" (and UTF-8 with a cp1252 line lost it to U+FFFD)."""
    utf8 = "The café in Zürich raised its prices.\n"
    cp1252 = "Then “quoted” prices of 5 € — said O’Brien.\n"
    assert decode(utf8.encode() + cp1252.encode("cp1252")) == utf8 + cp1252
    assert decode((utf8 * 50).encode() + cp1252.encode("cp1252")) == utf8 * 50 + cp1252
    lines = ['{"text": "café"}', '{"text": "crème brûlée"}', '{"text": "naïve"}']
    data = b"\n".join(line.encode("cp1252" if n == 1 else "utf-8") for n, line in enumerate(lines))
    assert decode(data) == "\n".join(lines)  # JSON Lines written by two tools


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN + "\n«ТАСС» сообщает: ВСЁ. " + RUSSIAN, "cp1251"),  # "С»" and "СЁ" read as UTF-8
        (
            "기획재정부 장관은 올해 경제가 성장할 것이라고 말했다.\n예산안이 국회를 통과했다.",
            "euc-kr",
        ),
        ("Министр финансов заявил, что экономика вырастет.\nВ Москве рады.", "cp866"),
    ],
)
def test_byte_pairs_that_read_as_utf8_by_chance_leave_a_legacy_file_whole(
    text: str, encoding: str
) -> None:
    assert decode(text.encode(encoding)) == text


CHINESE = "北京今天天气晴朗，稳就业政策继续实施。\n经济增长百分之五，政府表示将进一步支持中小企业。"
JAPANESE = "東京では明日、雨が降るでしょう。\n処理水の放出について政府が説明しました。"


@pytest.mark.parametrize("text", [CHINESE, JAPANESE])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_chinese_and_japanese_in_utf16_or_utf32_without_a_bom_are_read(
    text: str, encoding: str
) -> None:
    """Skipped as "binary file (contains NUL bytes)": their NULs fall on both bytes of a
    character (一 is "00 4E"), not on one as an ASCII letter's do."""
    assert decode(text.encode(encoding)) == text


TURKISH = (
    "Bakan, ekonominin bu yıl büyüyeceğini söyledi. İstanbul'da işsizlik düştü; ihracat güçlü."
)
ICELANDIC = "Ríkisstjórnin kynnti í dag nýja áætlun um þróun ferðaþjónustu á Íslandi og Færeyjum."
PORTUGUESE = "A população não está satisfeita com a situação econômica, disse o ministro."
GERMAN_MAC = "Der Bürgermeister sagte, die Straßenbahn werde im nächsten Jahr gebaut."
ENGLISH_CP1252 = "“I don’t know,” she said—and left for the Paris–Berlin train. The students’ café…"
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Ministr řekl, že daně se zvýší od příštího roku."
FRENCH_LATIN9 = "Le musée a vendu l'œuvre pour 5 000 €, a déclaré le directeur. Les cœurs battent."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TURKISH, "cp1254"),  # was read as cp1252: "yýl büyüyeceðini ... Ýstanbul"
        (ICELANDIC, "cp1252"),  # ð þ ý are Icelandic here
        (FRENCH_LATIN9, "iso-8859-15"),  # was "l'―uvre pour 5 000 Ī"
        (CZECH, "iso-8859-2"),  # was read as cp1250: "Přílią ľlu»oučký"
        (CZECH, "cp1250"),
        # MacRoman has letters where cp1252 has punctuation: "BŸrgermeister", "Stra§enbahn".
        (GERMAN_MAC, "mac-roman"),
        (GERMAN, "mac-roman"),
        (FRENCH, "mac-roman"),
        (SPANISH, "mac-roman"),
        (PORTUGUESE, "mac-roman"),
        # Quotes and dashes between letters are cp1252's, not MacRoman's "ì", "ó" or "í".
        (ENGLISH_CP1252, "cp1252"),
        (GERMAN + " „Ja“, sagte er – und ging.", "cp1252"),
    ],
)
def test_single_byte_encodings_that_differ_in_a_few_letters_are_told_apart(
    text: str, encoding: str
) -> None:
    assert decode(text.encode(encoding)) == text
