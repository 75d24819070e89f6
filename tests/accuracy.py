"""Field-by-field accuracy of `read_articles` on the shared real-article corpora.

Run: `.venv/bin/python tests/accuracy.py [--limit N] [--corpus NAME] [--failures]
[--half tune|held] [--split-held] [--json OUT] [--before OLD.json] [--wrap COLUMNS]
[--flush-left] [--render lynx|w3m]`

The corpora live next to the repository (`../shared/corpora`) and are never copied into it.
`--limit N` reads at most N files per corpus, spread evenly over it. What counts as correct:

bbc (`<topic>/NNN.txt`: line 1 title, blank line, body)
    title    the article title equals line 1 (whitespace collapsed).
    body     the body starts with the first body paragraph (whitespace collapsed).
reuters (`REUTERS / <topic>`, blank, title, blank, `26 February 1987 [15:02] - REUTERS`, body)
    title    equals line 3.
    date     `published` is line 5's date and time, to the minute.
    section  equals line 1 after "REUTERS / ".
    source   equals "REUTERS".
readability (`<case>/source.html` against `<case>/expected-metadata.json`); a field is only
scored on cases where the expected value is present. Strings are compared "loosely":
casefolded, whitespace collapsed, curly quotes and dashes made plain, soft hyphens dropped.
    title     loosely equal; also correct when the expected title is ours plus a site suffix
              (" | Site", " - Site", "_Site") that we strip on purpose.
    byline    the words of our authors + credit, against the words of the expected byline, both
              without connectives ("by", "and", "par", "written", "edited" ...) and punctuation:
              correct when ours are a non-empty subset of the expected words that covers at least
              half of them (bylines carry roles we rightly leave out). Digits, month names and
              am/pm are dropped first; an expected byline that is only a date is not scored.
              Where we name people, their names alone may match too: the credit beside them
              ("Jane Doe" / "dpa") is a field of its own that a byline without it leaves out.
    source    siteName loosely equal to our source, ignoring a leading "the".
    published publishedTime on the same calendar date (ours converted to its UTC offset).
    language  the primary subtag of `lang` ("en-US" -> "en") equals our language.
    body      mean token F1 of our body against the text of `expected.html` (not a pass/fail
              field: it is how well the main text matches Readability's extraction).

The page sets (`pages/<set>/*.html.gz` and their text renderings `pagetext/<set>/*.txt`, truth
in `truth.jsonl`) are split in two halves by a hash of the file name: `tune` to look at while
changing the parsers, `held` to check that a change generalises. Each half is reported on its
own row (`traf:tune`, `traf:held`); `--half` scores one only. `--split-held` reports the held half
in its two parts (`traf:heldA`, read for failures; `traf:heldB`, kept unread: see `held_part`).
On the text renderings a field is scored only where its truth is visible in the text
(whitespace collapsed, verbatim).
traf, traf-text (trafilatura's evaluation pages: title, authors, date, with/without snippets)
    title     as for readability (loosely equal, or ours plus a site suffix).
    authors   the name words of our authors + credit against those of the truth's authors,
              as for readability's byline; scored where the truth names someone.
    date      `published` on the truth's calendar date.
    with      per snippet: the main-text snippet is in our body (loosely).
    without   per snippet: the boilerplate snippet is not in our body.
zyte, zyte-text (Zyte's benchmark: the expected article body)
    start     our body starts with the first 60 characters of the expected body (loosely).
    start+sf  as start, or our first paragraph is a standfirst (at most 400 characters, not in
              the expected body: Zyte's bodies leave it out) and the second starts so.
    lede      the first 60 characters of the expected body are somewhere in our body.
    body F1   mean token F1 of our body against the expected body.
Timings: mean, median and 95th percentile wall time per file, and CPU time per file.

`--render lynx|w3m` reads the text sets (traf-text, zyte-text) as that text browser dumps the
pages' HTML (`lynx -dump`: numbered links, a References list of addresses, paragraphs wrapped
at 74 and headings centred; `w3m -dump -cols 80`: set flush left), each rendered when read
(the tools must be installed; the timings include rendering); truth is scored where it is
visible in that rendering.

`--wrap COLUMNS` reads the text renderings (traf-text, zyte-text) as lynx and w3m dump a page:
every line wrapped at COLUMNS (lynx 79, w3m 80, a browser's "Save as text" about 72), its
continuation lines starting where its text starts. `--flush-left` reads them as w3m or a
browser's "Save as text" may set a page: no line indented. Each file is rewritten into a
temporary folder under its own name and read from there (the timings include writing it).

`tests/accuracy_before.json` holds the figures of the parsers before issue 12 (main at 2dde59a):
`--before tests/accuracy_before.json` prints today's figures next to them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsread.index.article import Article
from newsread.index.errors import UnreadableFile
from newsread.index.files.reader import read_articles

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

_MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
}
_REUTERS_DATE = re.compile(r"(\d{1,2}) (\w+) (\d{4}) \[(\d\d):(\d\d)\]")
_CONNECTIVES = frozenset(
    "by and par von por di door av with avec et und y e written edited reporting reported "
    "additional de at on".split()
)
_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec am pm updated published posted "
    "utc gmt last".split()
)
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])\w)+")
_SEPARATORS = frozenset("|-·:»/\\_[(")


@dataclass
class Score:
    """Correct/total counts per field, timings and failures of one corpus."""

    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    f1: list[float] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    times: list[float] = field(default_factory=list)
    files: int = 0
    unreadable: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.total[name] += 1
        if ok:
            self.correct[name] += 1
        else:
            self.failures.append(f"{name}: {detail}")


def loose(text: str | None) -> str:
    text = (text or "").casefold()
    # (A soft hyphen is never shown within a line: truth copied from a page's source has some.)
    for fancy, plain in (
        ("‘’‛`", "'"),
        ("“”„«»", '"'),
        ("–—―", "-"),
        ("\u00a0", " "),
        ("\u00ad", ""),
    ):
        for char in fancy:
            text = text.replace(char, plain)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """Words of `text`; each CJK character counts as a word (those scripts use no spaces)."""
    return [w for w in _TOKEN.findall(loose(text)) if w not in _CONNECTIVES]


def name_words(text: str) -> set[str]:
    """The words of a byline without connectives, dates and times."""
    found = set()
    for word in re.findall(r"[^\W\d_]+", re.sub(r"\S*https?://\S*", " ", loose(text))):
        if word not in _CONNECTIVES and word not in _DATE_WORDS and word not in _MONTHS:
            found.add(word)
    return found


def spread(files: list[Path], limit: int | None) -> list[Path]:
    if not limit or len(files) <= limit:
        return files
    step = len(files) / limit
    return [files[int(i * step)] for i in range(limit)]


WRAP = 0
"""The column the text renderings are wrapped at (`--wrap`); 0: as they are."""
FLUSH_LEFT = False
"""Whether the text renderings are read with every line's indentation taken off."""


def wrapped(text: str, width: int) -> str:
    """`text` as lynx or w3m dump a page: every line wrapped at `width` columns, a bullet's
    continuation lines starting after its marker."""
    out = []
    for line in text.split("\n"):
        rest = line.lstrip()
        if len(line) <= width or not rest:
            out.append(line)
            continue
        indent = " " * min(len(line) - len(rest), width // 2)
        marker = "  " if rest[:2] in ("* ", "+ ", "o ", "- ") else ""
        out += textwrap.wrap(
            rest,
            width,
            initial_indent=indent,
            subsequent_indent=indent + marker,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [line]
    return "\n".join(out)


RENDER = ""
"""The text browser the page sets' HTML is rendered with (`--render`); "": their inscriptis
renderings as they are."""


@functools.cache
def rendered(path: Path) -> str:
    """The text rendering `path` stands for, as `RENDER` dumps its page's HTML (the page of the
    same name under pages/): lynx with its numbered links and list of addresses, w3m at 80."""
    html = CORPORA / "pages" / path.parent.name / f"{path.stem}.html.gz"
    if RENDER == "lynx":
        command = ["lynx", "-dump", "-stdin", "-display_charset=utf-8"]
    else:
        command = ["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "80"]
    done = subprocess.run(
        command, input=gzip.decompress(html.read_bytes()), capture_output=True, timeout=60
    )
    return done.stdout.decode("utf-8", "replace")


def read_timed(path: Path, score: Score) -> Article | None:
    if (WRAP or FLUSH_LEFT or RENDER) and path.suffix == ".txt" and "pagetext" in path.parts:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / path.name
            text = rendered(path) if RENDER else path.read_text(encoding="utf-8", errors="replace")
            if FLUSH_LEFT:
                text = "\n".join(line.lstrip() for line in text.split("\n"))
            copy.write_text(wrapped(text, WRAP) if WRAP else text, encoding="utf-8")
            return _read_timed(copy, Path(folder), score)
    return _read_timed(path, CORPORA, score)


def _read_timed(path: Path, root: Path, score: Score) -> Article | None:
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        articles = read_articles(path, root)
    except UnreadableFile as error:
        score.unreadable += 1
        score.failures.append(f"unreadable: {path.relative_to(root)}: {error}")
        return None
    finally:
        score.times.append(time.perf_counter() - started)
        score.seconds += score.times[-1]
        score.cpu_seconds += time.process_time() - cpu_started
        score.files += 1
    return articles[0]


def raw_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").split("\n")


# --- corpora ---------------------------------------------------------------------------------


def score_bbc(limit: int | None) -> Score:
    score = Score()
    for path in spread(sorted(CORPORA.glob("bbc/*/*.txt")), limit):
        lines = raw_lines(path)
        article = read_timed(path, score)
        if article is None:
            continue
        name = path.relative_to(CORPORA)
        title = " ".join(lines[0].split())
        first = next((" ".join(line.split()) for line in lines[1:] if line.strip()), "")
        score.check("title", article.title == title, f"{name}: {article.title!r} != {title!r}")
        body = " ".join(article.body.split())
        score.check("body", body.startswith(first), f"{name}: {body[:60]!r} vs {first[:60]!r}")
    return score


def score_reuters(limit: int | None) -> Score:
    score = Score()
    for path in spread(sorted(CORPORA.glob("reuters/*/*.txt")), limit):
        lines = raw_lines(path)
        article = read_timed(path, score)
        if article is None:
            continue
        name = path.relative_to(CORPORA)
        title = " ".join(lines[2].split())
        score.check("title", article.title == title, f"{name}: {article.title!r} != {title!r}")
        match = _REUTERS_DATE.search(lines[4])
        if match:
            day, month, year, hour, minute = match.groups()
            expected = datetime(int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute))
            got = article.published.replace(tzinfo=None) if article.published else None
            score.check("date", got == expected, f"{name}: {got} != {expected}")
        section = lines[0].split("REUTERS / ", 1)[-1].strip()
        score.check(
            "section", article.section == section, f"{name}: {article.section!r} != {section!r}"
        )
        score.check("source", article.source == "REUTERS", f"{name}: {article.source!r}")
    return score


def score_readability(limit: int | None) -> Score:
    score = Score()
    cases = sorted(p.parent for p in CORPORA.glob("readability/*/source.html"))
    for case in spread(cases, limit):
        expected = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        article = read_timed(case / "source.html", score)
        if article is None:
            continue
        for name, check in READABILITY_CHECKS.items():
            want = expected.get(name)
            if want and (name != "byline" or name_words(want)):
                ok, got = check(article, want)
                score.check(CHECK_LABELS[name], ok, f"{case.name}: {got!r} vs {want!r}")
        expected_html = case / "expected.html"
        if expected_html.exists():
            score.f1.append(token_f1(article.body, html_text(expected_html)))
    return score


def check_title(article: Article, want: str) -> tuple[bool, str]:
    ours, theirs = loose(article.title), loose(want)
    if ours == theirs:
        return True, article.title
    rest = theirs[len(ours) :].lstrip()
    suffixed = bool(ours) and theirs.startswith(ours) and rest[:1] in _SEPARATORS
    return suffixed, article.title


def check_byline(article: Article, want: str) -> tuple[bool, str]:
    theirs = name_words(want)

    def matches(ours: str) -> bool:
        mine = name_words(ours)
        return bool(mine) and mine <= theirs and len(mine) * 2 >= len(theirs)

    people = " ".join(article.authors)
    ok = matches(f"{people} {article.credit}") or bool(article.authors) and matches(people)
    return ok, f"{list(article.authors)} / {article.credit}"


def check_source(article: Article, want: str) -> tuple[bool, str]:
    def plain(text: str) -> str:
        return loose(text).removeprefix("the ")

    return plain(article.source) == plain(want), article.source


def check_published(article: Article, want: str) -> tuple[bool, str]:
    got = article.published
    if got is None:
        return False, "None"
    try:
        expected = datetime.fromisoformat(want.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        expected = datetime.fromisoformat(want[:10])
    if got.tzinfo is not None and expected.tzinfo is not None:
        got = got.astimezone(expected.tzinfo)
    return got.date() == expected.date(), got.isoformat()


def check_language(article: Article, want: str) -> tuple[bool, str]:
    return article.language == want.lower().replace("_", "-").split("-")[0], article.language


READABILITY_CHECKS: dict[str, Callable[[Article, str], tuple[bool, str]]] = {
    "title": check_title,
    "byline": check_byline,
    "siteName": check_source,
    "publishedTime": check_published,
    "lang": check_language,
}
CHECK_LABELS = {
    "title": "title",
    "byline": "byline",
    "siteName": "source",
    "publishedTime": "published",
    "lang": "language",
}


def html_text(path: Path) -> str:
    import lxml.html

    # Decoded here: lxml would guess the encoding of bytes without a <meta charset>.
    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    return " ".join(tree.itertext())


def token_f1(ours: str, theirs: str) -> float:
    mine, expected = Counter(words(ours)), Counter(words(theirs))
    common = sum((mine & expected).values())
    if not common:
        return 0.0
    precision, recall = common / sum(mine.values()), common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


# --- page sets: pages/<set>/*.html.gz and pagetext/<set>/*.txt ---------------------------

HALVES = ("tune", "held")
_START = 60
_STANDFIRST = 400


def half_of(name: str) -> str:
    """The half a page belongs to, by a hash of its name without the extension (so a page
    and its text rendering fall in the same half)."""
    stem = name.removesuffix(".gz").rsplit(".", 1)[0]
    return HALVES[hashlib.sha1(stem.encode("utf-8")).digest()[0] % 2]


def truth_rows(folder: Path) -> list[dict[str, object]]:
    with (folder / "truth.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def visible(snippet: str, text: str) -> bool:
    return " ".join(snippet.split()) in text


def page_text(path: Path) -> str:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return " ".join(data.decode("utf-8", "replace").split())


SPLIT_HELD = False
"""Whether the held half is reported in its two parts (`--split-held`, see `held_part`)."""


def held_part(name: str) -> str:
    """The part of the held half a page belongs to: "A" where the second byte of the SHA-1 of
    its name without the extension (the hash `half_of` takes its first byte from, so a page and
    its text rendering fall in the same part) is even, "B" where odd. Part A was read to find
    failures; part B is kept unread, to measure on."""
    stem = name.removesuffix(".gz").rsplit(".", 1)[0]
    return "AB"[hashlib.sha1(stem.encode("utf-8")).digest()[1] % 2]


def score_pages(
    folder: Path, limit: int | None, half: str | None, check: Callable[..., None], text: bool
) -> dict[str, Score]:
    names: list[str] = []
    for name in HALVES:
        if half in (None, name):
            names += [f"{name}A", f"{name}B"] if SPLIT_HELD and name == "held" else [name]
    scores = {name: Score() for name in names}
    rows = spread([r for r in truth_rows(folder) if half in (None, half_of(str(r["file"])))], limit)
    for row in rows:
        path = folder / str(row["file"])
        part = half_of(path.name)
        if SPLIT_HELD and part == "held":
            part += held_part(str(row["file"]))
        score = scores[part]
        article = read_timed(path, score)
        if article is not None:
            shown = " ".join(rendered(path).split()) if text and RENDER else None
            check(row, article, score, (shown or page_text(path)) if text else None)
    return scores


def check_traf(row: dict, article: Article, score: Score, text: str | None) -> None:
    name = row["file"]
    title = row["title"]
    if title and (text is None or visible(title, text)):
        ok, got = check_title(article, title)
        score.check("title", ok, f"{name}: {got!r} vs {title!r}")
    authors = [a for a in row["authors"] if name_words(a)]
    if authors and (text is None or all(visible(a, text) for a in authors)):
        ok, got = check_byline(article, " ; ".join(authors))
        score.check("authors", ok, f"{name}: {got} vs {authors}")
    if row["date"]:
        year, month, day = (int(part) for part in re.findall(r"\d+", row["date"])[:3])
        if month > 12:
            month, day = day, month  # two truth dates are written year-day-month
        want = f"{year:04}-{month:02}-{day:02}"
        ok, got = check_published(article, want)
        score.check("date", ok, f"{name}: {got} vs {want}")
    body = loose(article.body)
    for snippet in row["with"]:
        if text is None or visible(snippet, text):
            score.check("with", loose(snippet) in body, f"{name}: missing {snippet!r}")
    for snippet in row["without"]:
        if text is None or visible(snippet, text):
            score.check("without", loose(snippet) not in body, f"{name}: kept {snippet!r}")


def check_zyte(row: dict, article: Article, score: Score, text: str | None) -> None:
    name = row["file"]
    expected = loose(row["body"])
    start = expected[:_START]
    if text is None or start in loose(text):
        body = loose(article.body)
        score.check("start", body.startswith(start), f"{name}: {body[:60]!r} vs {start!r}")
        # Zyte's bodies leave out the standfirst that issue 12 keeps above the lede.
        first = loose(article.paragraphs[0]) if article.paragraphs else ""
        rest = loose("\n".join(article.paragraphs[1:]))
        standfirst = len(first) <= _STANDFIRST and first[:_START] not in expected
        ok = body.startswith(start) or (standfirst and rest.startswith(start))
        score.check("start+sf", ok, f"{name}: {body[:60]!r} vs {start!r}")
        score.check("lede", start in body, f"{name}: dropped {start!r}")
    score.f1.append(token_f1(article.body, row["body"]))


def score_traf(limit: int | None, half: str | None = None) -> dict[str, Score]:
    return score_pages(CORPORA / "pages" / "trafilatura-eval", limit, half, check_traf, False)


def score_traf_text(limit: int | None, half: str | None = None) -> dict[str, Score]:
    return score_pages(CORPORA / "pagetext" / "trafilatura-eval", limit, half, check_traf, True)


def score_zyte(limit: int | None, half: str | None = None) -> dict[str, Score]:
    return score_pages(CORPORA / "pages" / "zyte", limit, half, check_zyte, False)


def score_zyte_text(limit: int | None, half: str | None = None) -> dict[str, Score]:
    return score_pages(CORPORA / "pagetext" / "zyte", limit, half, check_zyte, True)


# --- report ----------------------------------------------------------------------------------

CORPUS_SCORERS: dict[str, Callable[[int | None], Score]] = {
    "bbc": score_bbc,
    "reuters": score_reuters,
    "readability": score_readability,
}
PAGE_SCORERS: dict[str, Callable[[int | None, str | None], dict[str, Score]]] = {
    "traf": score_traf,
    "traf-text": score_traf_text,
    "zyte": score_zyte,
    "zyte-text": score_zyte_text,
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def figures(scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    """Per corpus: each field's percentage correct (and its total), body F1 and timings."""
    out: dict[str, dict[str, float]] = {}
    for corpus, score in scores.items():
        row: dict[str, float] = {}
        order = ("title", "authors", "byline", "date", "published", "section", "source")
        for name in sorted(score.total, key=lambda n: order.index(n) if n in order else 99):
            row[name] = 100 * score.correct[name] / score.total[name]
            row[name + " n"] = score.total[name]
        if score.f1:
            row["body F1"] = 100 * sum(score.f1) / len(score.f1)
            row["body F1 n"] = len(score.f1)
        files = max(score.files, 1)
        row["files"] = score.files
        row["unreadable"] = score.unreadable
        row["ms/file"] = 1000 * score.seconds / files
        row["median ms"] = 1000 * percentile(score.times, 0.5)
        row["p95 ms"] = 1000 * percentile(score.times, 0.95)
        row["cpu ms"] = 1000 * score.cpu_seconds / files
        out[corpus] = row
    return out


_TIMINGS = ("files", "unreadable", "ms/file", "median ms", "p95 ms", "cpu ms")


def report(
    table: dict[str, dict[str, float]], before: dict[str, dict[str, float]]
) -> Iterator[str]:
    """The accuracy table; with `before`, each figure next to the earlier one."""
    then = f" {'before':>7} {'change':>7}" if before else ""
    yield f"{'corpus':<16} {'field':<10} {'total':>6} {'%':>7}{then}"
    for corpus, row in table.items():
        for name, value in row.items():
            if name.endswith(" n") or name in _TIMINGS:
                continue
            old = before.get(corpus, {}).get(name)
            change = f" {old:>6.1f}% {value - old:>+6.1f}" if old is not None else ""
            total = int(row.get(name + " n", 0))
            yield f"{corpus:<16} {name:<10} {total:>6} {value:>6.1f}%{change}"
    yield ""
    # CPU time too: wall time swings when the machine is busy with something else.
    yield f"{'corpus':<16} " + " ".join(f"{name:>10}" for name in _TIMINGS)
    for corpus, row in table.items():
        yield f"{corpus:<16} " + " ".join(
            f"{row[name]:>10.0f}" if name in ("files", "unreadable") else f"{row[name]:>10.2f}"
            for name in _TIMINGS
        )
        old = before.get(corpus)
        if old:
            yield f"{'  before':<16} " + " ".join(
                f"{old.get(name, 0):>10.0f}"
                if name in ("files", "unreadable")
                else f"{old.get(name, 0):>10.2f}"
                for name in _TIMINGS
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, help="at most N files per corpus")
    choices = sorted([*CORPUS_SCORERS, *PAGE_SCORERS])
    parser.add_argument("--corpus", choices=choices, action="append")
    parser.add_argument("--half", choices=HALVES, help="score one half of the page sets")
    parser.add_argument("--failures", action="store_true", help="list every mismatch")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--before", type=Path, help="compare with figures written by --json")
    parser.add_argument(
        "--wrap", type=int, default=0, help="wrap the text renderings at this column, as lynx"
    )
    parser.add_argument(
        "--flush-left", action="store_true", help="read the text renderings with no indentation"
    )
    parser.add_argument(
        "--split-held", action="store_true", help="report the held half's parts A and B apart"
    )
    parser.add_argument(
        "--render",
        choices=["lynx", "w3m"],
        default="",
        help="read the text sets as this text browser dumps their pages' HTML",
    )
    args = parser.parse_args()
    global WRAP, FLUSH_LEFT, SPLIT_HELD, RENDER
    WRAP, FLUSH_LEFT, SPLIT_HELD = args.wrap, args.flush_left, args.split_held
    RENDER = args.render
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    scores: dict[str, Score] = {}
    for corpus in args.corpus or [*CORPUS_SCORERS, *PAGE_SCORERS]:
        if corpus in CORPUS_SCORERS:
            scores[corpus] = CORPUS_SCORERS[corpus](args.limit)
        else:
            for half, score in PAGE_SCORERS[corpus](args.limit, args.half).items():
                scores[f"{corpus}:{half}"] = score
    table = figures(scores)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else {}
    for line in report(table, before):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    if args.failures:
        for corpus, score in scores.items():
            for failure in score.failures:
                print(f"{corpus}: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
