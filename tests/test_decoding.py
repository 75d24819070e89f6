"""Bytes to text: every encoding people save articles in, and binary data refused."""

from __future__ import annotations

import codecs

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


def test_decode_short_latin1_words_are_not_misread() -> None:
    assert decode("Café résumé".encode("latin-1")) == "Café résumé"
    assert decode("Grüße aus Köln".encode("cp1252")) == "Grüße aus Köln"


def test_decode_normalises_crlf_and_cr_line_endings() -> None:
    assert decode(b"Title\r\n\r\nFirst line\rSecond line\r\n") == (
        "Title\n\nFirst line\nSecond line\n"
    )
    assert decode("Заголовок\r\nТекст".encode("utf-16")) == "Заголовок\nТекст"


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
