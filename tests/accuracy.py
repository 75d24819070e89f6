"""Field-by-field accuracy of `read_articles` on the shared real-article corpora.

Run: `.venv/bin/python tests/accuracy.py [--limit N] [--corpus NAME] [--failures]`

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
casefolded, whitespace collapsed, curly quotes and dashes made plain.
    title     loosely equal; also correct when the expected title is ours plus a site suffix
              (" | Site", " - Site", "_Site") that we strip on purpose.
    byline    the words of our authors + credit, against the words of the expected byline, both
              without connectives ("by", "and", "par", "written", "edited" ...) and punctuation:
              correct when ours are a non-empty subset of the expected words that covers at least
              half of them (bylines carry roles we rightly leave out). Digits, month names and
              am/pm are dropped first; an expected byline that is only a date is not scored.
    source    siteName loosely equal to our source, ignoring a leading "the".
    published publishedTime on the same calendar date (ours converted to its UTC offset).
    language  the primary subtag of `lang` ("en-US" -> "en") equals our language.
    body      mean token F1 of our body against the text of `expected.html` (not a pass/fail
              field: it is how well the main text matches Readability's extraction).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
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
    for fancy, plain in (("‘’‛`", "'"), ("“”„«»", '"'), ("–—―", "-"), ("\u00a0", " ")):
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


def read_timed(path: Path, score: Score) -> Article | None:
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        articles = read_articles(path, CORPORA)
    except UnreadableFile as error:
        score.unreadable += 1
        score.failures.append(f"unreadable: {path.relative_to(CORPORA)}: {error}")
        return None
    finally:
        score.seconds += time.perf_counter() - started
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
    ours = " ".join([*article.authors, article.credit])
    mine, theirs = name_words(ours), name_words(want)
    ok = bool(mine) and mine <= theirs and len(mine) * 2 >= len(theirs)
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


# --- report ----------------------------------------------------------------------------------

CORPUS_SCORERS: dict[str, Callable[[int | None], Score]] = {
    "bbc": score_bbc,
    "reuters": score_reuters,
    "readability": score_readability,
}


def report(scores: dict[str, Score]) -> Iterator[str]:
    yield f"{'corpus':<12} {'field':<10} {'correct':>8} {'total':>6} {'%':>7}"
    for corpus, score in scores.items():
        for name in score.total:
            correct, total = score.correct[name], score.total[name]
            yield f"{corpus:<12} {name:<10} {correct:>8} {total:>6} {100 * correct / total:>6.1f}%"
        if score.f1:
            mean = sum(score.f1) / len(score.f1)
            yield f"{corpus:<12} {'body F1':<10} {'':>8} {len(score.f1):>6} {100 * mean:>6.1f}%"
    yield ""
    # CPU time too: wall time swings when the machine is busy with something else.
    yield f"{'corpus':<12} {'files':>6} {'unreadable':>10} {'ms/file':>8} {'cpu ms':>8}"
    for corpus, score in scores.items():
        files = max(score.files, 1)
        ms, cpu = 1000 * score.seconds / files, 1000 * score.cpu_seconds / files
        yield f"{corpus:<12} {score.files:>6} {score.unreadable:>10} {ms:>8.2f} {cpu:>8.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, help="at most N files per corpus")
    parser.add_argument("--corpus", choices=sorted(CORPUS_SCORERS), action="append")
    parser.add_argument("--failures", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    scores = {}
    for corpus in args.corpus or CORPUS_SCORERS:
        scores[corpus] = CORPUS_SCORERS[corpus](args.limit)
    for line in report(scores):
        print(line)
    if args.failures:
        for corpus, score in scores.items():
            for failure in score.failures:
                print(f"{corpus}: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
