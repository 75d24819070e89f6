"""Saved HTML pages no rule was fitted on, with Mercury Parser's expectations: the fixtures of
Postlight's `mercury-parser`, read with `read_articles` as a library holds them.

    .venv/bin/python tests/benchmarks/mercury_pages.py --mercury DIR [--inscriptis DIR]
        [--failures]

DIR holds the repository's `fixtures/` and `src/extractors/custom/` (`git archive HEAD fixtures
src/extractors/custom | tar -x -C DIR` from a clone). Each `custom/<site>/index.test.js` reads
one or more fixtures (`fs.readFileSync('./fixtures/…')`) and asserts what Mercury's per-site
extractor gives for them: `title`, `author`, `date_published` (ISO, UTC) and the first words of
the content (`excerptContent(…, 13)`). Those truths are Mercury's selectors' outputs, not a
person's reading.

The test files are read with regexes, not run: each assertion belongs to the fixture read
last before it. An assertion on one of those fields whose value is not a string literal (or a
sum of literals, or null) is skipped and counted, never guessed. Scored:
- title: as other_pages.py scores it (quotes, dashes, whitespace and case normalised; Mercury's
  title with a site suffix after a separator also agrees);
- authors: Mercury's "A, B and C" split into names, right when the set of names agrees with
  newsread's authors (its credit where it has none), case-insensitive; a null author is not
  scored. `byline` scores the same pages as tests/accuracy.py scores bylines (the words of the
  names agree), which forgives Mercury's strings that keep an e-mail, an outlet or a role;
- date: the day. Mercury's value is UTC: a page's own day one off across midnight is counted
  apart (`date±tz`, and `[tz]` in the failures), not as right;
- start, start+sf, lede: the body against the content's first 13 words, as other_pages.py.
With `--inscriptis DIR` (inscriptis installed apart, as for rendered_pages.py) the same pages
are also rendered to text as rendered_pages.py renders them and read again (`mercury-text`),
scored only on the fields visible in the text (the date: always). Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy
import other_pages
import rendered_pages

from newsread.index.article import Article

_FIELDS = {"title": "title", "author": "author", "date_published": "date"}
_STRING = r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`"
_VALUE = re.compile(rf"\s*(null|(?:{_STRING})(?:\s*\+\s*(?:{_STRING}))*)\s*,?\s*\)")
_ASSERT = re.compile(r"assert\.(?:strictEqual|equal)\(\s*([\w$]+)((?:\.split\([^()]*\)\[0\])?)\s*,")
_FIXTURE = re.compile(rf"readFileSync\(\s*({_STRING})")
_URL = re.compile(rf"\b(?:url|uri)\s*=\s*({_STRING})")
_EXCERPT = re.compile(r"\b(?:const|let|var)\s+([\w$]+)\s*=\s*excerptContent\(")
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_NAMES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*")


@dataclass
class Case:
    """What one fixture's tests expect of it, and the page's url they name (to look the page
    up by; newsread reads the file alone)."""

    fixture: str
    url: str = ""
    expected: dict[str, str | None] = field(default_factory=dict)


def _literal(token: str) -> str | None:
    """The value of one JS string literal, or None for a template with a substitution."""
    quote, body = token[0], token[1:-1]
    if quote == "`" and "${" in body:
        return None
    simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\n": ""}

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return simple.get(code, code)

    return _ESCAPE.sub(unescape, body)


def _value(source: str, at: int) -> tuple[bool, str | None]:
    """Whether the assertion's expected value at `at` could be read, and the value."""
    match = _VALUE.match(source, at)
    if match is None:
        return False, None
    if match.group(1) == "null":
        return True, None
    parts = [_literal(token) for token in re.findall(_STRING, match.group(1))]
    if any(part is None for part in parts):
        return False, None
    return True, "".join(part for part in parts if part is not None)


def _uncommented(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", " ", source, flags=re.DOTALL)
    return "\n".join("" if line.lstrip().startswith("//") else line for line in source.split("\n"))


def parse_tests(source: str) -> tuple[list[Case], int]:
    """The fixtures a test file reads with what it asserts of each, and how many assertions
    on a scored field could not be read."""
    source = _uncommented(source)
    content = {m.group(1) for m in _EXCERPT.finditer(source)}
    reads = list(_FIXTURE.finditer(source))
    urls = [(m.start(), _literal(m.group(1)) or "") for m in _URL.finditer(source)]
    cases: list[Case] = []
    unread = 0
    for index, read in enumerate(reads):
        path = _literal(read.group(1))
        end = reads[index + 1].start() if index + 1 < len(reads) else len(source)
        if path is None:
            unread += sum(1 for _ in _ASSERT.finditer(source, read.end(), end))
            continue
        # (A test names its page's url just before or just after reading it: the nearest.)
        url = min(urls, key=lambda found: abs(found[0] - read.start()), default=(0, ""))[1]
        case = Case(path.removeprefix("./"), url)
        for check in _ASSERT.finditer(source, read.end(), end):
            name, split = check.groups()
            key = "start" if name in content else _FIELDS.get(name)
            if key is None or (split and key != "date"):
                continue
            ok, value = _value(source, check.end())
            if not ok:
                unread += 1
            elif key not in case.expected:
                case.expected[key] = value
        cases.append(case)
    return cases, unread


def names(byline: str) -> set[str]:
    """The names in a byline such as "A, B and C"."""
    return {accuracy.loose(name) for name in _NAMES.split(byline.strip()) if name.strip()}


def check_authors(score: accuracy.Score, name: str, article: Article | None, want: str) -> None:
    ours = [*article.authors] or ([article.credit] if article.credit else []) if article else []
    got = {accuracy.loose(author) for author in ours}
    score.check("authors", got == names(want), f"{name}: {sorted(got)} vs {sorted(names(want))}")
    ok, shown = accuracy.check_byline(article, want) if article else (False, "")
    score.check("byline", ok, f"{name}: {shown} vs {want!r}")


def check_day(score: accuracy.Score, name: str, article: Article | None, want: str) -> None:
    """The day, with a page's own day one off across midnight from Mercury's UTC counted apart:
    "[tz]" where its clock is within 14 hours of Mercury's (or it gives no time of day)."""
    expected = datetime.fromisoformat(want.replace("Z", "+00:00")) if "T" in want else None
    day = (
        expected.astimezone(timezone.utc).date()
        if expected
        else datetime.fromisoformat(want[:10]).date()
    )
    got = article.published if article else None
    if got is None:
        score.check("date", False, f"{name}: None vs {want}")
        score.check("date±tz", False, name)
        return
    ours = got.astimezone(timezone.utc).date() if got.tzinfo is not None else got.date()
    clock = got.replace(tzinfo=None)
    near = (
        expected is None
        or clock.time() == datetime.min.time()
        or abs(clock - expected.astimezone(timezone.utc).replace(tzinfo=None))
        <= timedelta(hours=14)
    )
    tz = ours != day and abs((got.date() - day).days) == 1 and near
    detail = f"{'[tz] ' if tz else ''}{name}: {got.isoformat()} vs {want}"
    score.check("date", ours == day, detail)
    score.check("date±tz", ours == day or tz, name)


def check(score: accuracy.Score, case: Case, article: Article | None, text: str | None) -> None:
    """Score `article` against `case`; with the page's `text`, only fields visible in it."""
    name = case.fixture.removeprefix("fixtures/")
    title, author = case.expected.get("title"), case.expected.get("author")
    date, start = case.expected.get("date"), case.expected.get("start")
    if title and (text is None or accuracy.visible(title, text)):
        other_pages.check_title(score, name, article, title)
    if (
        author
        and names(author)
        and (text is None or all(n in accuracy.loose(text) for n in names(author)))
    ):
        check_authors(score, name, article, author)
    if date:
        check_day(score, name, article, date)
    if start and (text is None or accuracy.loose(start) in accuracy.loose(text)):
        other_pages.check_start(score, name, article, start)


def cases(root: Path) -> tuple[list[Case], int, int]:
    """Every fixture's case (two tests of one fixture merged, the first value of a field
    kept), with the assertions and test files that could not be read."""
    found: dict[str, Case] = {}
    unread = files = 0
    for test in sorted((root / "src" / "extractors" / "custom").glob("*/index.test.js")):
        parsed, skipped = parse_tests(test.read_text(encoding="utf-8"))
        unread += skipped
        files += not parsed
        for case in parsed:
            known = found.setdefault(case.fixture, case)
            for key, value in case.expected.items():
                known.expected.setdefault(key, value)
    return list(found.values()), unread, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mercury", type=Path, required=True, help="fixtures/ and src/ of it")
    parser.add_argument("--inscriptis", type=Path, help="where inscriptis is (page text too)")
    parser.add_argument("--failures", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    render: ModuleType | None = None
    if args.inscriptis is not None:
        sys.path.insert(0, str(args.inscriptis))
        render = rendered_pages._module(rendered_pages.RENDER)
    found, unread, files = cases(args.mercury)
    scores = {"mercury": accuracy.Score(), "mercury-text": accuracy.Score()}
    missing = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for case in found:
            page = args.mercury / case.fixture
            if not page.is_file():
                missing += 1
                continue
            check(scores["mercury"], case, other_pages.read(page, folder), None)
            if render is not None:
                article, text = rendered_pages._read(
                    page.read_bytes(), render, folder, case.fixture
                )
                check(scores["mercury-text"], case, article, text)
    unasserted = sum(1 for case in found if not any(case.expected.values()))
    nulls = Counter(key for case in found for key, value in case.expected.items() if value is None)
    print(
        f"{len(found)} fixtures read by the tests ({missing} missing, {unasserted} with no"
        f" scored field asserted; null, not scored: {dict(nulls)}); {unread} assertions on a"
        f" scored field and {files} test files with no fixture could not be read"
    )
    other_pages.print_scores(scores, failures=args.failures, width=13)


if __name__ == "__main__":
    main()
