"""Bytes to text, for whatever encoding people save articles in.

Most files are UTF-8, so that is tried first and costs one `bytes.decode`. Then, in order:
byte order marks, UTF-16/32 without a BOM (recognised by where the NUL bytes fall), UTF-8 with a
few broken bytes, Cyrillic single-byte encodings (cp1251, KOI8-R/U), Western cp1252/Latin-1,
and only then charset-normalizer, whose guesses on short Western texts are unreliable (it calls
French cp1252 "cp1250" and mangles every "à" and "è").
"""

from __future__ import annotations

import codecs
import re
from unicodedata import category

from newsread.index.errors import UnreadableFile
from newsread.index.text import sanitise

_SAMPLE = 65_536

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS\x00", "Ogg audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

# Control bytes that no text file contains (tab, newlines, form feed and ESC are allowed:
# ESC starts colour codes that `sanitise` removes).
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_HIGH = re.compile(rb"[\x80-\xff]")
_REPLACEMENT_RUN = re.compile("\ufffd+")
_NON_ASCII = re.compile("[^\x00-\x7f]")

# Cyrillic letters: А..я, plus cp1251's Ё ё Є є І і Ї ї Ґ ґ Ў ў and KOI8-U's Ё ё Є є І і Ї ї Ґ ґ.
_CYRILLIC_LETTERS = frozenset(range(0xC0, 0x100)) | frozenset(
    (0xA8, 0xB8, 0xAA, 0xBA, 0xB2, 0xB3, 0xAF, 0xBF, 0xA5, 0xB4, 0xA1, 0xA2)
    + (0xA3, 0xB3, 0xA4, 0xB4, 0xA6, 0xB6, 0xA7, 0xB7, 0xAD, 0xBD)
)
# The most frequent Cyrillic letters of Russian and Ukrainian running text.
_COMMON_CYRILLIC = frozenset("оеаинтсрвлі")
# Characters a Western cp1252 text plausibly has above ASCII.
_WESTERN = frozenset(
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸœŒšŠžŽ"
    "‘’‚“”„–—…«»‹›€£¥¢°©®™·•§¶¿¡ªº½¼¾±×÷†‡‰\u00a0´¨¸"
)


def decode(data: bytes) -> str:
    """`data` as sanitised text with `\\n` line endings.

    Raises:
        UnreadableFile: the data is binary (a known file type, NUL or control bytes).
    """
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            start = text[: _SAMPLE // 2]
            # Binary data after a BOM (a damaged file, random bytes) reads as unassigned and
            # private-use characters: in UTF-16 it was indexed as a "Chinese" article.
            if sum(map(_not_text, start)) > len(start) // 20:
                raise UnreadableFile(f"binary file (not the {encoding.upper()} text its mark says)")
            return sanitise(text)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnreadableFile(f"binary file ({kind})")
    sample = data[:_SAMPLE]
    if b"\x00" in sample or b"\x00" in data:
        wide = _wide_encoding(sample)
        if wide:
            return sanitise(data.decode(wide, errors="replace"))
        # Editors that crash or preallocate leave NUL padding at the end of a text file.
        data = data.rstrip(b"\x00")
        sample = data[:_SAMPLE]
        # A stray NUL in text (a bad copy, a damaged sector) goes with the other controls in
        # `sanitise`; binary data has NULs all through it.
        if data.count(b"\x00") > max(1, len(data) // 1000):
            raise UnreadableFile("binary file (contains NUL bytes)")
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls >= 4 and controls > len(sample) // 100:
        raise UnreadableFile("binary file (control bytes)")
    try:
        return sanitise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _partly_utf8(sample):
        return sanitise(_utf8_and_legacy(data))
    return sanitise(data.decode(_legacy_encoding(sample), errors="replace"))


def _wide_encoding(sample: bytes) -> str:
    """UTF-16/32 without a BOM, told by where the NUL bytes fall; "" when neither."""
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4:
        return ""
    nul_at = [sample[i::4].count(0) for i in range(4)]
    quarter = len(sample) // 4
    # ASCII in UTF-32-LE is "c 0 0 0": positions 1-3 of every group are NUL (2-3 for the
    # BMP letters of other scripts).
    if nul_at[2] == nul_at[3] == quarter and nul_at[0] == 0:
        return "utf-32-le"
    if nul_at[0] == nul_at[1] == quarter and nul_at[3] == 0:
        return "utf-32-be"
    even, odd = nul_at[0] + nul_at[2], nul_at[1] + nul_at[3]
    # Text in UTF-16 has NULs in the high byte of every ASCII character (spaces and
    # punctuation even in Cyrillic or Greek text) and almost never in the low byte.
    if odd >= len(sample) // 20 and even <= odd // 100 and _decodes(sample, "utf-16-le"):
        return "utf-16-le"
    if even >= len(sample) // 20 and odd <= even // 100 and _decodes(sample, "utf-16-be"):
        return "utf-16-be"
    return _wide_text(sample)


def _wide_text(sample: bytes) -> str:
    """UTF-16/32 whose NULs fall on either byte: Chinese or Japanese, where a character's low
    byte is NUL as often as an ASCII one's high byte (一 is "00 4E" in UTF-16-BE). The one
    encoding that reads as text, characters a script assigns; "" when none does (binary data
    reads as unassigned and private-use characters, NULs and broken surrogates)."""
    odd: dict[str, float] = {}
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")[:-1]  # the sample may cut a character
        odd[encoding] = sum(map(_not_text, text)) / len(text) if text else 1.0
    best = min(odd, key=odd.__getitem__)
    return best if odd[best] <= 0.005 else ""


def _not_text(char: str) -> bool:
    """Unassigned, private-use, a surrogate, U+FFFD, or a control other than whitespace."""
    kind = category(char)
    return kind in ("Cn", "Co", "Cs") or char == "\ufffd" or (kind == "Cc" and char not in _SPACES)


_SPACES = "\t\n\r\f"


def _decodes(sample: bytes, encoding: str) -> bool:
    text = sample.decode(encoding, errors="replace")
    # A cut in the middle of a surrogate pair at the end of the sample is not an error.
    bad = text[:-1].count("\ufffd")
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return bad <= len(text) // 200 and controls <= len(text) // 100


def _legacy_encoding(sample: bytes) -> str:
    """The encoding of text that is not valid UTF-8 (nor partly UTF-8)."""
    highs = _HIGH.findall(sample)
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    non_latin = in_runs * 2 >= len(highs)
    if non_latin:
        # Words made wholly of high bytes: a non-Latin script.
        cyrillic = _cyrillic_encoding(sample, highs)
        if cyrillic:
            return cyrillic
    elif _mac_roman(sample):
        return "mac-roman"
    elif _western(sample):
        return "cp1254" if _turkish(sample.decode("cp1252")) else "cp1252"
    elif _western(sample, "iso-8859-15"):
        return "iso-8859-15"  # Latin-9: Latin-1 with € œ Œ š Š ž Ž Ÿ, older Unix files
    return _central_european(sample, _detected(sample, non_latin))


def _partly_utf8(sample: bytes) -> bool:
    """Whether text that is not valid UTF-8 is UTF-8 all the same, in whole or in part: UTF-8
    with a stray byte or a cut last character, or whole lines of UTF-8 beside lines in a
    single-byte encoding (a part added in another editor, JSON Lines from two tools). Text
    in a legacy encoding has byte pairs that read as UTF-8 by chance (cp1251 "С»", most of
    EUC-KR's) but hardly a line of them."""
    if _mostly_utf8(sample):
        return True
    good = bad = 0
    for line in sample.split(b"\n"):
        try:
            good += len(_NON_ASCII.findall(line.decode("utf-8")))
        except UnicodeDecodeError:
            bad += _utf8_spots(line)[1]
    return good >= 2 and 4 * good >= bad


def _mostly_utf8(data: bytes) -> bool:
    # Valid multi-byte characters far outnumber the broken bytes.
    good, bad = _utf8_spots(data)
    return good > 0 and good >= 4 * bad


def _utf8_spots(data: bytes) -> tuple[int, int]:
    """How many characters of `data` read as UTF-8 beyond ASCII, and how many spots do not."""
    text = data.decode("utf-8", errors="replace")
    good = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    # A damaged spot is often a few bytes in a row ("\xff\xfe\xc3"): count spots, not bytes.
    return good, len(_REPLACEMENT_RUN.findall(text))


def _utf8_and_legacy(data: bytes) -> str:
    """`data`, partly UTF-8, line by line: a line that is UTF-8 (or mostly: a stray byte) as
    UTF-8, a line that is not in the single-byte encoding of such lines. Files are mixed by
    line (a part added in another editor, JSON Lines from two tools)."""
    lines = data.split(b"\n")
    legacy_lines = [line for line in lines if not _utf8_line(line)]
    legacy = _legacy_encoding(b"\n".join(legacy_lines)[:_SAMPLE]) if legacy_lines else ""
    return "\n".join(
        line.decode(legacy if legacy and not _utf8_line(line) else "utf-8", "replace")
        for line in lines
    )


def _utf8_line(line: bytes) -> bool:
    """Whether a line is UTF-8 (with a stray or cut byte, at most as many as its characters
    beyond ASCII): a line in a legacy encoding has few pairs that read as UTF-8 by chance."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        good, bad = _utf8_spots(line)
        return good >= bad > 0
    return True


def _cyrillic_encoding(sample: bytes, highs: list[bytes]) -> str:
    letters = sum(1 for b in highs if b[0] in _CYRILLIC_LETTERS)
    if letters < len(highs) * 0.85:
        return ""
    # Running text is mostly lower case: а..я is 0xE0-0xFF in cp1251, 0xC0-0xDF in KOI8-R.
    upper_half = sum(1 for b in highs if b[0] >= 0xE0)
    lower_half = sum(1 for b in highs if 0xC0 <= b[0] < 0xE0)
    # KOI8-U is KOI8-R with Ukrainian letters for eight of its box-drawing characters.
    encoding = "cp1251" if upper_half >= lower_half else "koi8-u"
    text = sample.decode(encoding, errors="replace").lower()
    cyrillic = [c for c in text if "а" <= c <= "я" or c in "ёіїєґў"]
    common = sum(1 for c in cyrillic if c in _COMMON_CYRILLIC)
    # Greek or Hebrew read as cp1251 gives Cyrillic letters at random, not Russian ones.
    return encoding if cyrillic and common >= len(cyrillic) * 0.4 else ""


def _western(sample: bytes, encoding: str = "cp1252") -> bool:
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    high = [c for c in text if c > "\x7f"]
    plausible = sum(1 for c in high if c in _WESTERN)
    return plausible >= len(high) * 0.9


def _mac_roman(sample: bytes) -> bool:
    """Whether Western text is MacRoman (classic Mac OS) rather than cp1252. MacRoman has its
    accented letters where cp1252 has punctuation, Š Ž Ÿ Œ or nothing (0x80-0x9F), or other
    symbols (ß is 0xA7, cp1252's §): read as cp1252, a word has a symbol or a capital inside
    or at its end ("BŸrgermeister", "Stra§enbahn", "lament— el"). A byte there is a small
    letter (or a joining mark) in one reading or the other; the reading that fits more words
    is the one."""
    mac = sample.decode("mac-roman")
    windows = sample.decode("cp1252", errors="replace")  # one character a byte, as mac
    for_mac = for_windows = 0
    for match in _IN_WORD.finditer(sample):
        at, inside = match.start(), match.group(1) is not None
        in_mac, in_windows = _fits(mac[at], inside), _fits(windows[at], inside)
        for_mac += in_mac and not in_windows
        for_windows += in_windows and not in_mac
    return for_mac > 0 and for_mac >= 3 * for_windows and _western(sample, "mac-roman")


# A byte above ASCII after a letter, and before a small letter (inside a word) or after two
# small letters and before a space or punctuation (at the end of a word).
_IN_WORD = re.compile(
    rb"(?<=[A-Za-z])[\x80-\xff](?=([a-z]))|(?<=[a-z]{2})[\x80-\xff](?=[\s.,;:!?)])"
)


def _fits(char: str, inside: bool) -> bool:
    if inside:
        # An apostrophe, a quote or a dash joins two words ("don’t", "Paris–Berlin", "air—here").
        return char.islower() or char in "‘’“”–—"
    # A word ends in a small letter or a mark ("students’", "Brand™", "said—"), not a capital.
    return char.islower() or not (char.isalpha() or char == "\ufffd")


def _detected(sample: bytes, non_latin: bool) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    # Its multi-byte (CJK) detection is sound even where it cannot name the language; a
    # single-byte guess it is unsure of is often wrong.
    if best is not None and (non_latin or best.coherence >= 0.2):
        return best.encoding
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding if best is not None else "latin-1"
    return "cp1252"


def _turkish(text: str) -> bool:
    """Whether text read as cp1252 is Turkish (cp1254): cp1254 has ğ Ğ ı İ ş Ş where cp1252
    has Icelandic ð Ð ý Ý þ Þ. Icelandic writes them beside á í ó ú æ, Turkish beside ç ü."""
    if not any(c in _TURKISH_AS_CP1252 for c in text):
        return False
    return sum(c in "çüÇÜ" for c in text) > sum(c in "áíóúæÁÍÓÚÆ" for c in text)


_TURKISH_AS_CP1252 = frozenset("ðÐýÝþÞ")


def _central_european(sample: bytes, encoding: str) -> str:
    """`encoding`, or its twin when that reads better: charset-normalizer cannot tell
    Windows-1250 from ISO-8859-2 (Czech "žluťoučký" in ISO-8859-2 read as cp1250 is
    "ľlu»oučký"). The one with fewer symbols inside words is the one."""
    name = codecs.lookup(encoding).name
    if name not in _CENTRAL_EUROPEAN:
        return encoding
    return min(_CENTRAL_EUROPEAN, key=lambda twin: _symbols_in_words(sample, twin))


_CENTRAL_EUROPEAN = ("cp1250", "iso8859-2")


def _symbols_in_words(sample: bytes, encoding: str) -> int:
    text = sample.decode(encoding, errors="replace")
    return sum(
        1
        for before, char, after in zip(text, text[1:], text[2:], strict=False)
        if char > "\x7f" and not char.isalpha() and before.isalpha() and after.isalpha()
    )
