"""Publication dates from the many ways articles write them.

`parse_date` tries cheap exact parsers first (ISO 8601, then a regex grammar for day/month/year
layouts with month names in several languages) and only falls back to `dateparser`, which costs
1-15 ms a call, for layouts those miss. Indexing calls this for every file, so the common layouts
must never reach the fallback.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from newsread.index.marks import BMP_MARKS, UNSPACED_RUN


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, for word lists written as prose."""
    return frozenset(text.split())


# Longer texts are sentences or page furniture, never a date line; dateparser can also take
# up to a second on long odd strings.
_MAX_LENGTH = 120
# A date line names little besides the date: a label, a place, a foreign month name.
_MAX_OTHER_WORDS = 3

_MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    """Register twelve space-separated month-name groups (variants joined with '/')."""
    for number, group in enumerate(names.split(), start=1):
        for name in group.split("/"):
            _MONTHS[name] = number


# fmt: off
_add_months("january/jan february/feb march/mar april/apr may june/jun july/jul "
            "august/aug september/sep/sept october/oct november/nov december/dec")
_add_months("janvier/janv février/fevrier/févr/fevr mars avril/avr mai juin juillet/juil "
            "août/aout septembre octobre novembre décembre/decembre/déc")
_add_months("januar/jänner/jaenner februar märz/maerz/mär/mrz april mai juni juli "
            "august september oktober/okt november dezember/dez")
_add_months("enero/ene febrero marzo abril mayo junio julio agosto septiembre/setiembre "
            "octubre noviembre diciembre/dic")
_add_months("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
            "novembre dicembre")
_add_months("janeiro fevereiro/fev março/marco abril maio junho julho agosto setembro "
            "outubro/out novembro dezembro/dez")
_add_months("januari februari maart/mrt april mei juni juli augustus september oktober november "
            "december")
_add_months("января/январь/янв февраля/февраль/фев марта/март/мар апреля/апрель/апр мая/май "
            "июня/июнь/июн июля/июль/июл августа/август/авг сентября/сентябрь/сен/сент "
            "октября/октябрь/окт ноября/ноябрь/ноя декабря/декабрь/дек")
_add_months("січня/січень лютого/лютий березня/березень квітня/квітень травня/травень "
            "червня/червень липня/липень серпня/серпень вересня/вересень жовтня/жовтень "
            "листопада/листопад грудня/грудень")
_add_months("stycznia/styczeń lutego/luty marca/marzec kwietnia/kwiecień maja/maj "
            "czerwca/czerwiec lipca/lipiec sierpnia/sierpień września/wrzesień "
            "października/październik listopada/listopad grudnia/grudzień")
_add_months("ocak şubat/subat mart nisan mayıs/mayis haziran temmuz ağustos/agustos "
            "eylül/eylul ekim kasım/kasim aralık/aralik")
_add_months("yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr")
# fmt: on

# fmt: off
_WEEKDAYS = _words("""
    monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat
    sunday sun lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch
    donnerstag freitag samstag sonntag lunes martes miércoles miercoles jueves viernes sábado
    sabado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
    pazartesi salı sali çarşamba perşembe cuma cumartesi pazar maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag segunda terça quarta quinta sexta feira segunda-feira
    terça-feira quarta-feira quinta-feira sexta-feira
    poniedziałek wtorek środa czwartek piątek sobota niedziela
""")
# Words a date line may carry around the date itself: weekdays, prepositions and articles of
# "le 30 mai", "am 30. Mai", "30 de mayo de 2017", "14 июня 2019 г.".
_FILLER = _WEEKDAYS | _words("""
    at on the of de del le la à a um am den der el em do da di г года год року р uhr
    и et und y e h hrs hours mo mi fr sa so las às alle ore om hs horas
""")
# fmt: on

_TZ_ABBREVIATIONS: dict[str, float] = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "IST": 5.5,
    "CEST": 2, "EET": 2, "SAST": 2, "EEST": 3, "MSK": 3, "AST": -4, "EDT": -4, "EST": -5,
    "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8, "AKDT": -8, "AKST": -9,
    "HST": -10, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "ACST": 9.5, "AEST": 10,
    "AEDT": 11, "NZST": 12, "NZDT": 13, "PKT": 5, "AZT": 4, "GST": 4, "WIB": 7, "ART": -3,
    "BRT": -3,
}  # fmt: skip
# "3:45 PM ET": US zones named without saying whether daylight saving applies; the date decides.
_US_ZONES: dict[str, int] = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}


def is_zone_name(word: str) -> bool:
    """Whether `word` is a time zone's abbreviation that a date line may close with ("CET")."""
    return word in _TZ_ABBREVIATIONS or word in _US_ZONES


# The words that label a date, by what they say, and whether their language writes a slashed
# date day first (one table: the label, the update-first and the day-first rules read it).
_PUBLISHED_WORDS: dict[str, bool] = {
    "published": False, "posted": False, "publié": True, "publiée": True, "veröffentlicht": True,
    "erstellt": True, "erschienen": True, "publicado": True, "publicada": True,
    "pubblicato": True, "gepubliceerd": True, "опубликовано": True, "опубліковано": True,
    "opublikowano": True, "yayınlanma": True, "yayınlandı": True, "publicerad": True,
    "publiceret": True, "udgivet": True, "publisert": True, "julkaistu": True,
    "publikováno": True, "publikované": True, "publicat": True, "publicată": True,
    "közzétéve": True, "objavljeno": True, "δημοσίευση": True, "δημοσιεύθηκε": True,
    "diterbitkan": True, "dipublikasikan": True, "公開日": False, "掲載日": False,
    "投稿日": False, "发布时间": False, "發布時間": False, "發佈時間": False, "发表时间": False,
    "發表時間": False, "입력": False, "등록": False, "기사입력": False, "승인": False,
    "公開": False, "配信": False, "掲載": False, "发布": False, "發布": False, "نشر": True,
    "تاريخ النشر": True, "פורסם": True, "تاریخ انتشار": True, "منتشر شده": True,
}  # fmt: skip
_UPDATED_WORDS: dict[str, bool] = {
    "updated": False, "modified": False, "edited": False, "mis à jour": True,
    "mise à jour": True, "aktualisiert": True, "aktualisierung": True, "geändert": True,
    "letzte änderung": True, "zuletzt geändert": True, "zuletzt aktualisiert": True,
    "ultimo aggiornamento": True, "laatst bijgewerkt": True, "dernière mise à jour": True,
    "última actualización": True, "última atualização": True, "actualizado": True, "atualizado": True, "aggiornato": True,
    "aggiornamento": True, "bijgewerkt": True, "обновлено": True, "оновлено": True,
    "güncelleme": True, "güncellendi": True, "aktualizacja": True, "zaktualizowano": True,
    "uppdaterad": True, "uppdaterat": True, "opdateret": True, "oppdatert": True,
    "päivitetty": True, "aktualizováno": True, "aktualizované": True, "actualizat": True,
    "actualitzat": True, "frissítve": True, "ažurirano": True, "ενημέρωση": True,
    "ενημερώθηκε": True, "diperbarui": True, "更新日": False, "最終更新日": False,
    "更新时间": False, "更新時間": False, "수정": False, "업데이트": False, "최종수정": False,
    "更新": False, "آخر تحديث": True, "تم التحديث": True, "עודכן": True, "بروزرسانی": True,
    "به‌روزرسانی": True,
}  # fmt: skip
LABEL_WORDS = frozenset(label.split()[0] for label in (*_PUBLISHED_WORDS, *_UPDATED_WORDS))
"""The first word of each label of a publication or an update ("mis" of "mis à jour")."""
# Labels that say neither: "Created", "Stand" (as of), "Дата" (date).
_OTHER_WORDS = ("created", "released", "written", "date", "dated", "publication date", "pub date",
                "time", "stand", "дата")  # fmt: skip


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of `names`, the longest first (a space matches any run of spaces)."""
    escaped = (re.escape(name).replace(r"\ ", r"\s+") for name in names)
    return "|".join(sorted(escaped, key=len, reverse=True))


_PUBLISHED = _alternation(_PUBLISHED_WORDS)
_UPDATED = _alternation(_UPDATED_WORDS)
PUBLISHED_LABELS = tuple(_PUBLISHED_WORDS)
"""The labels of a publication's date, in lower case ("published", "publié", …)."""
PUBLISHED_WORDS = _PUBLISHED
"""The labels of a publication's date, as a regex alternation ("published|publié|…")."""
UPDATED_WORDS = _UPDATED
"""The labels of a last change's date, as a regex alternation ("updated|mis\\s+à\\s+jour|…")."""
_LABEL = re.compile(
    rf"""^(?:(?:first\s+|originally\s+|last\s+)?(?:{_PUBLISHED}|{_UPDATED}|{_alternation(_OTHER_WORDS)})
    )\b\.?(?:\s+(?:on|at|le|am|el|em|il|op|в))?\s*[:\-–—|]?\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# Trailing credit after a date: "30 May 2017 [16:18] - TODAY.AZ", "May 30, 2017 | Reuters".
_TRAILING_SOURCE = re.compile(r"\s+[-–—|•·/]\s+(?=[^\d\s])[^\d]*$")
# "Published: 29/05/2017 15:45 | Updated: 30/05/2017": the second date is not the publication's.
_SECOND_DATE = re.compile(
    rf"(?<=\S)\s*[|•·,;–—-]?\s+(?:last\s+)?(?:{_UPDATED})\b.*$",
    re.IGNORECASE,
)
# "Updated: 30/05/2017 | Published: 29/05/2017": the update's date first, then the
# publication's, which is the one wanted.
_UPDATED_FIRST = re.compile(
    rf"^(?:last\s+)?(?:{_UPDATED})\b.*?\d.*?(?:\s*[|•·,;–—-]\s*|\s+)"
    rf"(?P<published>(?:first\s+|originally\s+)?(?:{_PUBLISHED})\b.*\d.*)$",
    re.IGNORECASE,
)
# A date's label or time in a language that writes the day first ("Publié le 12/03/2024 à
# 09h30", "Veröffentlicht am", "Publicado el"): its slashed date is no American one.
_DAY_FIRST_WORDS = [
    w for table in (_PUBLISHED_WORDS, _UPDATED_WORDS) for w, day in table.items() if day
]
_DAY_FIRST_LABEL = re.compile(
    rf"\b(?:{_alternation(_DAY_FIRST_WORDS)})\b|\d{{1,2}}h\d{{2}}\b|\bà\s+\d",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"[\[\]()]")
_RELATIVE = re.compile(
    r"\b(?:ago|today|yesterday|tomorrow|just\s+now|hours?|minutes?|mins?|secs?|seconds?|"
    r"weeks?|last\s+(?:week|month|year)|il\s+y\s+a|hier|aujourd'hui|vor|heute|gestern|hace|hoy|"
    r"ayer|назад|сегодня|вчера)\b",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
# A time in Chinese, Japanese or Korean: "10時30分", "下午3点15分", "오후 3시 15분"; the morning
# or afternoon word before it (a/p for am/pm).
_CJK_TIME = (
    r"(?:(?P<cjk_ampm>午前|午後|上午|下午|오전|오후)\s*)?(?P<cjk_hour>\d{1,2})\s*[時时点點시]"
    r"(?:\s*(?P<cjk_minute>\d{1,2})\s*[分분](?:\s*(?P<cjk_second>\d{1,2})\s*[秒초])?)?"
)
_MORNING = frozenset(("午前", "上午", "오전"))
# The morning or afternoon word before a time written with a colon: "오전 10:03", "午後 3:00".
_CJK_MERIDIEM = re.compile(r"(午前|午後|上午|下午|오전|오후)\s*$")
# "15.45" is a time only before am/pm, a zone or the end ("Mon 29 May 2017 15.45 BST").
_DOT_TIME_END = r"(?=\d\d(?:\s*[ap]\.?m\b|\s+(?:" + "|".join(_TZ_ABBREVIATIONS) + r")\b|$))"
_TIME = re.compile(
    r"(?<![\d.:/-])(\d{1,2})(?::|h|\." + _DOT_TIME_END + r")(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*([ap])\.?\s?m\b\.?)?(?!\d)"
    r"|(?<![\d.:/-])(\d{1,2})\s*([ap])\.?\s?m\b\.?"
    rf"|{_CJK_TIME}",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?:(?:GMT|UTC)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
_TZ_NAME = re.compile(r"\b(" + "|".join(_TZ_ABBREVIATIONS) + r")\b")
_US_ZONE = re.compile(r"\b(ET|CT|MT|PT)\b")
# "12 March 2021 · 4 min read": the reading time some pages print next to the date.
_READ_TIME = re.compile(r"\s*[-–—|•·,]?\s*\d+\s*(?:min(?:ute)?s?|m)\.?\s+read\b\.?", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(\d{1,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2,4})\.?")
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_WORD = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th|er|e|º|ª)?\.?|[,/]", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|er|e|º|ª)?\.?$", re.IGNORECASE)

# Pre-check for `looks_like_date_line`: a plausible year (numeric dates have their own pattern).
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|,\d)")
# A word of three letters or more; the vowel signs of Indic scripts are marks ("मार्च").
_LETTERS = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{BMP_MARKS}]){{2,}}")
_DAY = re.compile(r"(?<![\d.,])\d{1,2}(?![\d%]|[.,/]\d)")


class _Rejected(Exception):
    """A layout was recognised but its values are impossible: no other parser should try."""


def _year_ok(year: int) -> bool:
    return 1900 <= year <= datetime.now().year + 1


def _full_year(year: int) -> int:
    """'17' -> 2017, '98' -> 1998: a two-digit year is in the last hundred years."""
    if year >= 100:
        return year
    cutoff = datetime.now().year % 100 + 1
    return 2000 + year if year <= cutoff else 1900 + year


def _offset(sign: str, hours: str, minutes: str | None) -> timezone | None:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=15):
        return None
    return _fixed(-delta if sign == "-" else delta)


def _fixed(delta: timedelta) -> timezone:
    return timezone.utc if not delta else timezone(delta)


def _clean(text: str) -> str:
    """`text` with labels, brackets and a trailing source removed; whitespace collapsed."""
    text = " ".join(text.split())
    updated_first = _UPDATED_FIRST.match(text)
    if updated_first:
        text = updated_first.group("published")  # the publication's date, not the update's
    text = _LABEL.sub("", text, count=1)
    text = _SECOND_DATE.sub("", text)
    text = _READ_TIME.sub("", text)
    text = _TRAILING_SOURCE.sub("", text)
    text = _BRACKETS.sub(" ", text)
    return " ".join(text.replace(" ,", ",").split()).strip(" ,;:-–—|")


# A zone as found: a fixed offset, or one of `_US_ZONES` whose offset depends on the date.
_Zone = timezone | str | None


def _build(year: int, month: int, day: int, clock: tuple[int, int, int], tz: _Zone) -> datetime:
    """The datetime, or `_Rejected` when it cannot exist or is out of range. `year` is whole:
    a year written with two digits goes through `_full_year` first ("0000" is no year 2000)."""
    if not _year_ok(year):
        raise _Rejected
    try:
        result = datetime(year, month, day, *clock)
    except ValueError:
        raise _Rejected from None
    if isinstance(tz, str):
        hours = _US_ZONES[tz] + _us_daylight_saving(result)
        return result.replace(tzinfo=_fixed(timedelta(hours=hours)))
    return result.replace(tzinfo=tz)


def _nth_sunday(year: int, month: int, n: int) -> datetime:
    """The n-th Sunday of the month; n = -1 for the last one."""
    if n < 0:
        last = datetime(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() + 1) % 7)
    first = datetime(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _us_daylight_saving(moment: datetime) -> int:
    """1 when US daylight saving time was in force on that day (rules of 1987 and 2007)."""
    year = moment.year
    if year >= 2007:
        start, end = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    else:
        start, end = _nth_sunday(year, 4, 1), _nth_sunday(year, 10, -1)
    return int(start.date() <= moment.date() < end.date())


_ISO_NAMED_ZONE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)\s*([A-Z]{3,4})")


def _parse_iso(text: str) -> datetime | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz: timezone | None = None
    if zone:
        if zone.upper() == "Z":
            tz = timezone.utc
        else:
            tz = _offset(zone[0], zone[1:3], zone[-2:] if len(zone) > 3 else None)
            if tz is None:
                return None
    clock = (int(hour or 0), int(minute or 0), int(second or 0))
    return _build(int(year), int(month), int(day), clock, tz).replace(microsecond=micro)


def _take_time(text: str) -> tuple[str, tuple[int, int, int] | None, _Zone, bool]:
    """Remove the time of day and its zone from `text`: (rest, clock, tz, ok)."""
    match = _TIME.search(text)
    clock = None
    start = match.start() if match else 0
    zone_from = 0
    if match:
        cjk = bool(match.group("cjk_hour"))
        if cjk:
            ampm = match.group("cjk_ampm")
            hour, minute, second = (
                int(match.group("cjk_hour")),
                int(match.group("cjk_minute") or 0),
                int(match.group("cjk_second") or 0),
            )
            meridiem = ("a" if ampm in _MORNING else "p") if ampm else None
        elif match.group(1):
            hour, minute, second = (
                int(match.group(1)),
                int(match.group(2)),
                int(match.group(3) or 0),
            )
            meridiem = match.group(4)
            before = None if meridiem else _CJK_MERIDIEM.search(text, 0, match.start())
            if before:
                meridiem = "a" if before.group(1) in _MORNING else "p"
                start = before.start()  # "오전 10:03": the word goes with the time
        else:
            hour, minute, second, meridiem = int(match.group(5)), 0, 0, match.group(6)
        # "午前0時" is midnight, "午後0時" noon; "25時" (1 am, as TV listings count on past
        # midnight) is no time of that day: the date stands without one.
        if meridiem and not (0 if cjk else 1) <= hour <= 12 or hour > 23 or minute > 59:
            if not cjk:
                return text, None, None, False
            return text[:start] + " " + text[match.end() :], None, None, True
        if meridiem:
            hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
        if second > 60:
            return text, None, None, False
        clock = (hour, minute, min(second, 59))
        text = text[:start] + " " + text[match.end() :]
        zone_from = start
    # A numeric offset follows the time ("16:18 +0200"); without a time it needs a GMT/UTC
    # prefix, since "-05" could be part of a numeric date.
    offset = _OFFSET.search(text, zone_from)
    if offset and (clock or offset.group(0)[:1].isalpha()):
        tz = _offset(offset.group(1), offset.group(2), offset.group(3))
        if tz is None:
            return text, None, None, False
        return text[: offset.start()] + " " + text[offset.end() :], clock, tz, True
    name = _TZ_NAME.search(text, zone_from)
    if name:
        tz = _fixed(timedelta(hours=_TZ_ABBREVIATIONS[name.group(1)]))
        return text[: name.start()] + " " + text[name.end() :], clock, tz, True
    us_zone = _US_ZONE.search(text, zone_from) if clock else None
    if us_zone:
        return text[: us_zone.start()] + " " + text[us_zone.end() :], clock, us_zone.group(1), True
    return text, clock, None, True


def _parse_fast(text: str, *, day_first: bool = False) -> datetime | None:
    """Day/month/year layouts with numbers or month names, plus an optional time and zone;
    with `day_first`, "12/03/2024" is 12 March (the line is in a language that writes so)."""
    rest, clock, tz, ok = _take_time(text)
    if not ok:
        return None
    hms = clock or (0, 0, 0)
    cjk = _CJK_DATE.search(rest)
    if cjk:
        return _build(int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3)), hms, tz)
    numeric = _NUMERIC_DATE.search(rest)
    if numeric:
        leftover = rest[: numeric.start()] + rest[numeric.end() :]
        # The bars and dashes between a date and its time: "21.01.2022 - 13:30".
        words = [w for w in leftover.split() if w.strip(",|·•/–—-")]
        if any(w.lower().strip(",").rstrip(".") not in _FILLER for w in words):
            return None
        first, sep, second, third = numeric.groups()
        a, b, c = int(first), int(second), int(third)
        if len(first) == 4:
            return _build(a, b, c, hms, tz)
        if len(third) not in (2, 4):
            return None
        # Dots and dashes are day-first everywhere, unless that is impossible with a full year
        # ("01.21.2020", as some US sites write: month-first; "Opening Bell 11.18.19" is a
        # column's name and issue, no date); slashes are month-first unless impossible.
        c = _full_year(c) if len(third) == 2 else c
        if (sep == "/" and a <= 12 and not (day_first and b <= 12)) or (
            a <= 12 < b and len(third) == 4
        ):
            return _build(c, a, b, hms, tz)
        return _build(c, b, a, hms, tz)
    day = month = year = None
    for token in _WORD.findall(rest):
        lowered = token.lower().rstrip(".")
        if lowered in (",", "/"):
            continue
        if lowered in _MONTHS and month is None:
            month = _MONTHS[lowered]
            continue
        ordinal = _ORDINAL.match(lowered)
        if ordinal:
            number = int(ordinal.group(1))
            if len(ordinal.group(1)) == 4 and year is None:
                year = number
            elif number <= 31 and day is None and len(ordinal.group(1)) <= 2:
                day = number
            elif year is None and day is not None and len(ordinal.group(1)) == 2:
                year = _full_year(number)
            else:
                return None
            continue
        if lowered not in _FILLER:
            return None
    if day is None or month is None or year is None:
        return None
    return _build(year, month, day, hms, tz)


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        result = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if result is None or not _year_ok(result.year):
        return None
    if result.tzinfo is not None:
        offset = result.utcoffset()
        result = result.replace(tzinfo=_fixed(offset) if offset is not None else None)
    return result


_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    # Saved articles carry absolute dates; "3 hours ago" relative to today would be wrong.
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def _parse_dateparser(text: str, languages: list[str] | None) -> datetime | None:
    import dateparser  # Lazy: importing and loading its locale data is slow.

    try:
        result: datetime | None = dateparser.parse(
            text, languages=languages, settings=_DATEPARSER_SETTINGS
        )
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
        return None
    if result is None or not _year_ok(result.year):
        return None
    if result.tzinfo is not None:
        offset = result.utcoffset()
        result = result.replace(tzinfo=_fixed(offset) if offset is not None else None)
    return result


def parse_date(
    text: str, *, languages: list[str] | None = None, day_first: bool = False
) -> datetime | None:
    """The date and time `text` gives, or None when it gives no absolute date.

    The timezone is kept as a fixed offset when the text names one; the result is naive
    otherwise. `languages` (ISO 639-1 codes) narrows the slow fallback's language guess;
    `day_first` reads "12/03/2024" as 12 March, as the text around it writes dates (a label
    in such a language on the line itself says so too).
    """
    if not text or len(text) > _MAX_LENGTH * 2:
        return None
    stripped = text.strip()
    try:
        result = _parse_iso(stripped)
        if result is not None:
            return result
        zoned = _ISO_NAMED_ZONE.fullmatch(stripped)
        if zoned:  # "2016-12-13T15:45:00CST": the day, the time and a zone's name
            stripped = f"{zoned.group(1)} {zoned.group(2)} {zoned.group(3)}"
        if not any(ch.isdigit() for ch in stripped):
            return None
        cleaned = _clean(stripped)
        if not cleaned or len(cleaned) > _MAX_LENGTH or _RELATIVE.search(cleaned):
            return None
        day_first = day_first or ("/" in cleaned and _DAY_FIRST_LABEL.search(stripped) is not None)
        result = _parse_iso(cleaned) or _parse_fast(cleaned, day_first=day_first)
    except _Rejected:
        # ("1402/12/25": a Solar Hijri date in figures, impossible as a Gregorian one.)
        solar = _SOLAR_NUMERIC.search(ascii_digits(stripped))
        return _other_calendar(stripped, whole=True) if solar else None
    if result is not None:
        return result
    if not cleaned.isascii():
        result = _other_calendar(cleaned, whole=True)
        if result is not None:
            return result
    if cleaned[:1].isalpha() and cleaned[:3].lower() in _FILLER:
        result = _parse_rfc2822(cleaned)
        if result is not None:
            return result
    if not _worth_dateparser(cleaned):
        return None
    languages = languages or _month_languages(cleaned)
    return _parse_dateparser(cleaned, languages) if languages else None


def _worth_dateparser(text: str) -> bool:
    """Whether the slow parser could find a date the fast path missed.

    Only a month name of a language the fast path doesn't know can be left: so the text has
    a day number, a few unknown words (one of them the month) and no known month name.
    """
    if not _DAY.search(text) or _NUMERIC_DATE.search(text):
        return False
    others = 0
    for word in _LETTERS.findall(text):
        lowered = word.lower()
        if lowered in _MONTHS:
            return False
        if lowered not in _FILLER and word not in _TZ_ABBREVIATIONS:
            others += 1
    return 1 <= others <= _MAX_OTHER_WORDS


# A digit of another script: Arabic-Indic "١٥", Persian "۱۵", Devanagari "१५", Thai "๑๕".
_NATIVE_DIGIT = re.compile(r"(?![0-9])\d")


def ascii_digits(text: str) -> str:
    """`text` with the digits of other scripts written 0-9 ("١٥ مارس ٢٠٢٤": "15 مارس 2024"),
    as the date patterns read them."""
    if text.isascii():
        return text
    return _NATIVE_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group(), 0)), text)


# A time closing a line with its "a.m." or "p.m.", whose stop ends no sentence.
_MERIDIEM_END = re.compile(r"\d\s*[ap]\.\s?m\.$", re.IGNORECASE)


def looks_like_date_line(line: str) -> bool:
    """Whether `line` could be a date line: worth handing to `parse_date`.

    A cheap check: short, with a year or a numeric date, and few words besides date words.
    """
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    line = unglue_years(
        ascii_digits(line)
    )  # "4 de mayo de 202207:59 hs": a page's text run together
    text = _TRAILING_SOURCE.sub("", _READ_TIME.sub("", _LABEL.sub("", line.strip(), count=1)))
    if not (_YEAR.search(text) or _NUMERIC_DATE.search(text) or _CJK_DATE.search(text)):
        # A Solar Hijri or Buddhist year ("۲۵ اسفند ۱۴۰۲", "15 มีนาคม 2567").
        return not text.isascii() and _other_calendar(text, whole=True) is not None
    if (
        text.endswith(_SENTENCE_ENDS)
        and not text.endswith(("г.", "r."))
        and not _MERIDIEM_END.search(text)  # "March 12, 2024 at 9:30 a.m."
    ):
        # Sentences end with a full stop; dates rarely do (but "14 июня 2019 г." does).
        if len(text.split()) + _unspaced_words(text) > 5:
            return False
    return _other_words(text) <= _MAX_OTHER_WORDS


# Full stops, question and exclamation marks of Latin, Chinese and Japanese, Arabic, Devanagari.
_SENTENCE_ENDS = (".", "?", "!", '"', "。", "？", "！", "｡", "؟", "।", "」", "”")


def _unspaced_words(text: str) -> int:
    """Words in the runs of a script written without spaces (Chinese, Japanese, Thai ...) in
    `text`, one every two characters: a lone character ("年", "月", "日") counts for none."""
    if text.isascii():
        return 0
    return sum(len(run) // 2 for run in UNSPACED_RUN.findall(text))


def _other_words(text: str) -> int:
    """How many words of three letters or more in `text` are not month, weekday or zone names
    (a run of a script written without spaces: a word every two characters)."""
    others = _unspaced_words(text)
    for word in _LETTERS.findall(text):
        lowered = word.lower()
        if (
            lowered not in _MONTHS
            and lowered not in _FILLER
            and word not in _TZ_ABBREVIATIONS
            and not UNSPACED_RUN.fullmatch(word)
        ):
            others += 1
    return others


def is_date_word(word: str) -> bool:
    """Whether `word` names a month or a weekday, in any language the fast parser knows."""
    lowered = word.lower().rstrip(".,")
    return lowered in _MONTHS or lowered in _WEEKDAYS


# The words that put a time after a date: "um 10:30", "à 10h30", "a las 10:30" (Spanish),
# "às 10:30" (Portuguese), "alle ore 10:30" (Italian), "om 10:30" (Dutch).
_AT_TIME = r"(?:um|at|à|às|a\s+las?|alle(?:\s+ore)?|ore|om)\s+"
# A year beside a month's name: "2020", or "’20" as blogs abbreviate it ("14 Feb ’20").
_YEAR_WRITTEN = r"(?:\d{4}|[’'‘]\d\d(?!\d))"
_MONTH_NAMES = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
# A date somewhere in a line: "2019-10-16", "2019/10/16", "16.10.2019", "16. 10. 2019",
# "16. Oktober 2019", "8.Dezember 2010", "Oct 16, 2019", "16th of October 2019", "16-Oct-2019",
# "4 de mayo de 2022", "2019年10月16日"; a time right after it is kept ("19.10.19, 18:56"), or
# set apart from it as a meta bar sets its parts ("12 March 2024 | 09:30", "… / 09:30").
_DATE_IN_LINE = re.compile(
    rf"""(?<![\w.])(?P<day>
        \d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ]\d{{1,2}}:\d{{2}})?
      | \d{{4}}/\d{{1,2}}/\d{{1,2}}(?![\d/]) | \d{{4}}\.\d{{1,2}}\.\d{{1,2}}(?![\d.])
      | \d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})(?!\d)
      | \d{{1,2}}\.\s\d{{1,2}}\.\s\d{{4}}(?!\d)
      | \d{{1,2}}(?:st|nd|rd|th)?(?:\.\s*|\s+|-)(?:of\s+|de\s+)?(?:{_MONTH_NAMES})\.?,?(?:\s+|-)
        (?:de\s+)?{_YEAR_WRITTEN}
      | (?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR_WRITTEN}
      | \d{{4}}\s*[年년]\s*\d{{1,2}}\s*[月월]\s*\d{{1,2}}\s*[日일]?(?:\s*{_CJK_TIME})?
    )(?:(?:,?\s+|\s+[|·•/–—-]\s+)(?:{_AT_TIME}|(?:午前|午後|上午|下午|오전|오후)\s*)?
      \d{{1,2}}[:.]\d{{2}}(?![\d.:])
      (?:\s*[ap]\.?\s?m\b\.?)?)?""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_SEARCHED = 200


def find_date(line: str, *, day_first: bool = False) -> datetime | None:
    """The first date written anywhere in a short `line` ("26. September 2019 Jane Doe
    Schreibe einen Kommentar", "von Die Tagespresse 31. Oktober 2023"), or None; the
    publication's where the line gives the last change's first ("Last updated 14 March 2024.
    First published 12 March 2024"). `day_first` as for `parse_date`."""
    if len(line) > _MAX_SEARCHED or not any(ch.isdigit() for ch in line):
        return None
    updated_first = _UPDATED_FIRST.match(line)
    if updated_first:
        line = updated_first.group("published")
    line = _DOTTED_MONTH.sub(r"\1. \2. \3", unglue_years(ascii_digits(line)))
    stamp = None
    day_first = day_first or ("/" in line and _DAY_FIRST_LABEL.search(line) is not None)
    for match in _DATE_IN_LINE.finditer(line):
        found = parse_date(match.group(0), day_first=day_first)
        if found is None and match.end("day") < match.end():
            # (The time after it is none parse_date reads.)
            found = parse_date(match.group("day"), day_first=day_first)
        if found is None:
            continue
        if not _MACHINE_STAMP.match(line, match.start()):
            return found
        # "Jane Doe 2022-12-07T10:10:52+01:00 25. Dezember 2022": a timestamp to the second
        # is a machine's (a hidden field the page leaked); a date beside it is the one shown.
        stamp = stamp or found
    return stamp or _foreign_date(line) or _other_calendar(line)


# --- calendars other than the Gregorian, and Gregorian months named as the Levant names them ---

# The Solar Hijri (Persian) months, as Iran and (second) Afghanistan name them.
_SOLAR_MONTHS = {
    name: number
    for names in (
        "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند",
        "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت",
    )
    for number, name in enumerate(names.split(), start=1)
}
# The Thai months, whole and abbreviated ("มี.ค."); Thai years count from the Buddha (+543).
_THAI_MONTHS = {
    name: number
    for names in (
        "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
        "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.",
    )
    for number, name in enumerate(names.split(), start=1)
}
_BUDDHIST_ERA = 543
# Arabic and Persian letters written two ways: Arabic "ي" and "ك" for Persian "ی" and "ک".
_PERSIAN_LETTERS = str.maketrans("يك", "یک")
# The Gregorian months as Syria, Lebanon, Jordan and Iraq name them ("15 آذار 2024"), two of
# words ("تشرين الأول").
_LEVANT_MONTHS = {
    name.translate(_PERSIAN_LETTERS): number  # as `_other_calendar` reads them
    for number, name in enumerate(
        (
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول",
        ),
        start=1,
    )
}


# A day, a month of those and a year; a Solar Hijri date in figures, year first (1402/12/25).
_CALENDAR_DATE = re.compile(
    rf"""(?<![\w.])(?P<day>\d{{1,2}})(?:\s*ที่)?\s+(?P<month>{_alternation(_SOLAR_MONTHS)}
        |{_alternation(_THAI_MONTHS)}|{_alternation(_LEVANT_MONTHS)})
        (?:\s*[/،,]\s*[^\W\d_]+)?\s*,?\s*(?:พ\.ศ\.\s*)?(?P<year>\d{{4}})(?!\d)
      | (?<![\d/])(?P<solar_year>1[34]\d\d)/(?P<solar_month>\d{{1,2}})/(?P<solar_day>\d{{1,2}})(?![\d/])""",
    re.VERBOSE,
)
_SOLAR_NUMERIC = re.compile(r"(?<![\d/])1[34]\d\d/\d{1,2}/\d{1,2}(?![\d/])")


def _solar_leap(year: int) -> bool:
    """Whether a Solar Hijri year has 366 days, by the 33-year arithmetic rule (which agrees
    with Iran's astronomical calendar for every year from 1244 to 1472 AP)."""
    return (25 * year + 11) % 33 < 8


# 1 Farvardin 1403 AP, a Solar Hijri new year's day, was 20 March 2024.
_SOLAR_ANCHOR = (1403, date(2024, 3, 20))
_SOLAR_YEARS = range(1300, 1500)


def _solar_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Solar Hijri one: months 1-6 have 31 days, 7-11 30 and the
    twelfth 29, or 30 in a leap year."""
    last = 31 if month <= 6 else 30 if month <= 11 or _solar_leap(year) else 29
    if year not in _SOLAR_YEARS or not (1 <= month <= 12 and 1 <= day <= last):
        raise _Rejected
    anchor_year, anchor = _SOLAR_ANCHOR
    between = range(min(year, anchor_year), max(year, anchor_year))
    years = sum(366 if _solar_leap(y) else 365 for y in between)
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return anchor + timedelta(days=(years if year >= anchor_year else -years) + before + day - 1)


def _other_calendar(text: str, *, whole: bool = False) -> datetime | None:
    """The date a line gives in a calendar other than the Gregorian (Solar Hijri "۲۵ اسفند
    ۱۴۰۲", Thai "15 มีนาคม 2567", both in their own digits) or with Gregorian months named as
    the Levant names them ("15 آذار 2024"), and the time beside it; else None. With `whole`,
    only where the line is a date line: a weekday, a time and a label or two besides."""
    text = ascii_digits(text).translate(_PERSIAN_LETTERS)
    match = _CALENDAR_DATE.search(text)
    if match is None:
        return None
    rest, clock, tz, ok = _take_time(text[: match.start()] + " " + text[match.end() :])
    if whole and len(_LETTERS.findall(rest)) > _MAX_OTHER_WORDS:
        return None
    hms = clock or (0, 0, 0) if ok else (0, 0, 0)
    try:
        if match.group("solar_year"):
            day = _solar_to_gregorian(
                int(match.group("solar_year")),
                int(match.group("solar_month")),
                int(match.group("solar_day")),
            )
        else:
            name, year = match.group("month"), int(match.group("year"))
            if name in _SOLAR_MONTHS:
                day = _solar_to_gregorian(year, _SOLAR_MONTHS[name], int(match.group("day")))
            else:
                month = _THAI_MONTHS.get(name) or _LEVANT_MONTHS[name]
                if name in _THAI_MONTHS and year > datetime.now().year + _BUDDHIST_ERA // 2:
                    year -= _BUDDHIST_ERA
                return _build(year, month, int(match.group("day")), hms, tz if ok else None)
        return _build(day.year, day.month, day.day, hms, tz if ok else None)
    except (_Rejected, ValueError, OverflowError):
        return None


# A month's name between a day and a year with dots and no spaces: "21.dez.2018".
_DOTTED_MONTH = re.compile(r"(?<![\w.])(\d{1,2})\.([^\W\d_]{3,})\.(\d{4})(?!\d)")


# A day, a word and a year, in the orders languages write them: "3. května 2021",
# "3 de maig de 2021", "2021. május 3.", "Μαΐου 3, 2021"; the word is looked up in
# `_foreign_months`.
_WORDED_DATE = re.compile(
    r"""(?<![\w.])(?:
        (?P<d1>\d{1,2})\.?\s+(?:de\s+)?(?P<m1>MONTH)\.?,?\s+(?:de\s+)?(?P<y1>\d{4})
      | (?P<m2>MONTH)\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})
      | (?P<y3>\d{4})\.?\s+(?P<m3>MONTH)\.?\s+(?P<d3>\d{1,2})\.?
    )(?!\w)""".replace("MONTH", _LETTERS.pattern),
    re.VERBOSE,
)


# A time right after a date ("12 במרץ 2024 10:03", "12 مارس 2024 - 10:03").
_CLOCK_AFTER = re.compile(r"(?:,?\s+|\s+[|·•/–—-]\s+)([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")


def _foreign_date(line: str) -> datetime | None:
    """A date in `line` whose month is named in a language the fast parser does not know, with
    the time right after it."""
    if not _YEAR.search(line):
        return None
    for match in _WORDED_DATE.finditer(line):
        for n in "123":
            word = match.group(f"m{n}")
            if word is None:
                continue
            month = _foreign_months().get(word.lower())
            if month is None:
                break
            clock = _CLOCK_AFTER.match(line, match.end())
            hms = (int(clock.group(1)), int(clock.group(2)), 0) if clock else (0, 0, 0)
            try:
                return _build(
                    int(match.group(f"y{n}")), month, int(match.group(f"d{n}")), hms, None
                )
            except _Rejected:
                break
    return None


_MONTH_KEYS = (
    "january february march april may june july august september october november december"
).split()


@functools.cache
def _foreign_months() -> dict[str, int]:
    """Month names (and their cases and abbreviations) of the languages dateparser knows best,
    from its own tables, read once when first needed; not names the fast parser knows, nor
    names that are another month's in some other language (Croatian "listopad" is October,
    Polish November), nor short ones."""
    import importlib

    from dateparser.data import date_translation_data as data
    from dateparser.data.languages_info import language_order

    found: dict[str, set[int]] = {}
    for code in language_order[:_FOREIGN_LANGUAGES]:
        info = importlib.import_module(f"{data.__name__}.{code}").info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                found.setdefault(name.lower(), set()).add(number)
    return {
        name: numbers.pop()
        for name, numbers in found.items()
        if len(numbers) == 1
        and name not in _MONTHS
        and len(name) >= _SHORTEST_FOREIGN
        and _LETTERS.fullmatch(name) is not None
    }


def _month_languages(text: str) -> list[str]:
    """The languages, of all dateparser knows, with a month name written in `text`: those
    it can read a date in. Without them it guessed among all of them, and loaded and compiled
    every one's tables first: 2 s of CPU in each process at the first such line (a date line
    of an impossible Solar Hijri day, "Диета Аткинса 14 дней"). Of the 28,845 corpus files,
    35 lines went to dateparser and one was a date ("Maret 30, 2015")."""
    from dateparser.utils import normalize_unicode

    lowered = normalize_unicode(text.lower())
    return [code for code, names in _month_names().items() if any(n in lowered for n in names)]


@functools.cache
def _month_names() -> dict[str, tuple[str, ...]]:
    """Each language's month names and abbreviations in dateparser's tables, its countries'
    too, lower case, without accents (as dateparser reads them: Turkish "Şu" is "su") and
    without a final dot, read once when first needed (0.03 s)."""
    import importlib

    from dateparser.data import date_translation_data as data
    from dateparser.data.languages_info import language_order
    from dateparser.utils import normalize_unicode

    found: dict[str, tuple[str, ...]] = {}
    for code in language_order:
        info = importlib.import_module(f"{data.__name__}.{code}").info
        tables = [info, *info.get("locale_specific", {}).values()]
        names = {
            normalize_unicode(name.lower()).rstrip(".")
            for table in tables
            for key in _MONTH_KEYS
            for name in table.get(key, ())
        }
        found[code] = tuple(name for name in names if name)
    return found


# The languages read, of those dateparser ranks by use: the rarer ones' tables hold words of
# other languages ("here" is October in Breton).
_FOREIGN_LANGUAGES = 64
# Shorter names in dateparser's tables are mostly abbreviations of rare languages that are
# also words ("ago", "can", "sun"); a name found among words must be longer.
_SHORTEST_FOREIGN = 4


# An ISO date with a time to the second: what a CMS stores, not what a person writes.
_MACHINE_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d")


# Blog themes print the published and the updated date side by side, one of them hidden by the
# page's style; saved as text they run together ("19. Dezember 202219. Dezember 2022",
# "06/11/20230 Kommentare", "4 de mayo de 202200:00 hs"): a year glued to what follows it.
_GLUED_YEAR = re.compile(
    rf"""(?<![\w.])(
        \d{{1,2}}[./]\d{{1,2}}[./]
      | \d{{1,2}}(?:\.\s*|\s+)(?:de\s+)?(?:{_MONTH_NAMES})\.?,?\s+(?:de\s+)?
      | (?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+
    )((?:19|20)\d\d)(?=[^\W_])""",
    re.IGNORECASE | re.VERBOSE,
)


# A year with a letter or digit right after it: the cheap test before `_GLUED_YEAR`.
_GLUED_HINT = re.compile(r"(?<=[\s./])(?:19|20)\d\d[^\W_]")


# A month's name glued to the word before it, as a text browser runs a byline's name and its
# date together ("Jane DoeNovember 6, 2023"): the name in capitals after a lower-case letter,
# a day's number after it.
_TITLED_MONTHS = "|".join(
    sorted((re.escape(name.title()) for name in _MONTHS if len(name) >= 3), key=len, reverse=True)
)
_GLUED_MONTH = re.compile(rf"(?<=[a-zß-ÿ])((?:{_TITLED_MONTHS})\.?\s+\d)")
_A_DIGIT = re.compile(r"\d")
_GLUED_MONTH_HINT = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ][a-zß-ÿ]+\.?\s+\d")
# A day-first date's day run into the word before it: "Jane Doe12. März 2020", "Doe12.03.2020";
# its year whole, not run into a time ("jdoe28.09.1912:44" is "28.09.19" and "12:44").
_GLUED_DAY = re.compile(
    rf"(?<=[a-zß-ÿ])(?=\d{{1,2}}\.\s?(?:(?:{_TITLED_MONTHS})\s+|\d{{1,2}}\.)(?:\d\d){{1,2}}(?![\d:]))"
)
_GLUED_DAY_HINT = re.compile(r"[a-zß-ÿ]\d{1,2}\.")


def unglue_years(line: str) -> str:
    """`line` with a space after each date's year that runs into the next word or number, and
    before a month's name or a day that the word before it runs into ("Jane DoeNovember 6,
    2023", "Jane Doe6. November 2023")."""
    if not _A_DIGIT.search(line):
        return line  # no date: most lines of a page
    if _GLUED_MONTH_HINT.search(line):
        line = _GLUED_MONTH.sub(r" \1", line)
    if _GLUED_DAY_HINT.search(line):
        line = _GLUED_DAY.sub(" ", line)
    if not _GLUED_HINT.search(line):
        return line
    return _GLUED_YEAR.sub(r"\1\2 ", line)


def around_dates(line: str) -> list[str]:
    """The parts of `line` before, between and after the dates `without_dates` cuts out."""
    if not any(ch.isdigit() for ch in line):
        return [line]
    parts, last = [], 0
    for found in _DATE_IN_LINE.finditer(line):
        parts.append(line[last : found.start()])
        last = found.end()
    parts.append(line[last:])
    return parts


def without_dates(line: str) -> str:
    """`line` with every date `find_date` would look for cut out."""
    return _DATE_IN_LINE.sub(" ", line) if any(ch.isdigit() for ch in line) else line


# A zone's offset from UTC is at most this, in steps of this.
_MAX_ZONE = timedelta(hours=14)
_ZONE_STEP = timedelta(minutes=15)


def as_shown(declared: datetime, shown: datetime) -> datetime | None:
    """The page's visible date and time where it is the `declared` moment in the site's own
    time zone but on another calendar day (metadata "2019-10-18T22:04Z", page "19. Oktober
    2019 00:04 Uhr"): the same moment with the offset the page shows, or `shown` itself when
    the declared time has no zone. None when the two are not a day apart or name other moments.
    """
    if shown.tzinfo is not None or abs((shown.date() - declared.date()).days) != 1:
        return None
    if declared.tzinfo is None:
        return shown if abs(shown - declared) < timedelta(days=1) else None
    offset = shown - declared.astimezone(timezone.utc).replace(tzinfo=None)
    if abs(offset) > _MAX_ZONE or offset % _ZONE_STEP:
        return None
    return shown.replace(tzinfo=_fixed(offset))


# A year, or a year and month, as a date field gives one ("2019", "2019-03", "2019/3").
_YEAR_MONTH = re.compile(r"(\d{4})(?:[-/.](\d{1,2}))?")
# A number past a year's four digits is Unix time (milliseconds past this), read as UTC; the
# times kept are those an article could bear (a count or an id is no date).
_MILLISECONDS = 10**11
_UNIX_YEARS = range(1990, 2101)


def field_date(value: Any) -> tuple[datetime, str] | None:
    """A date field's value as structured data gives it (front matter, JSON): the moment and
    its period. A value naming only a year or a month ("2019", 2019, "2019-03", "March 2019")
    is that period's first day with period "year" or "month", as `date:2019` reads a period;
    the period is "" for a day or a time. None when the value gives no date."""
    if isinstance(value, date):
        # YAML and TOML read `date: 2567-03-01` themselves: a Buddhist-era year, as Thai
        # sites write it, is no date of publication 543 years ahead (nor is 0024, a typo).
        if not _year_ok(value.year):
            return None
        if isinstance(value, datetime):
            return value, ""
        return datetime(value.year, value.month, value.day), ""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    text = str(value).strip()
    if isinstance(value, float) or (text.isdigit() and len(text) > 4):
        return _unix_time(float(text))
    if match := _YEAR_MONTH.fullmatch(text):
        year, month = int(match.group(1)), int(match.group(2) or 0)
        if not _year_ok(year) or month > 12:
            return None
        return (datetime(year, month, 1), "month") if month else (datetime(year, 1, 1), "year")
    words = text.replace(",", " ").lower().split()
    if len(words) == 2 and (named := _MONTHS.get(words[0].rstrip("."))) and words[1].isdigit():
        year = int(words[1])
        return (datetime(year, named, 1), "month") if _year_ok(year) else None
    parsed = parse_date(text) if isinstance(value, str) else None
    return (parsed, "") if parsed else None


def _unix_time(number: float) -> tuple[datetime, str] | None:
    seconds = number / 1000 if number > _MILLISECONDS else number
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return (moment, "") if moment.year in _UNIX_YEARS else None
