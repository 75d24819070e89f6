"""The command line: output, JSON shapes and exit codes."""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from builders import write_article

from newsread.index.paths import library_id
from newsread.tui.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", *args],
        check=False,
        capture_output=True,
        text=True,
    )


def test_search_prints_hits_and_exits_0(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "vessa", "--library", str(small_library)]) == 0
    out = capsys.readouterr().out
    assert "River flood reaches the old town" in out
    assert "BALTIC WIRE · Environment · 2021-04-02 · flood.txt" in out


def test_search_wraps_snippets_under_the_title(
    small_library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert main(["search", "sanctions", "--library", str(small_library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    title = next(i for i, line in enumerate(lines) if "Grain export sanctions" in line)
    snippet = lines[title + 2 :]
    assert len(snippet) > 1, lines  # wrapped at 40 columns
    assert all(line.startswith("     ") and line == line.rstrip() for line in snippet), lines
    assert all(len(line) <= 40 for line in snippet), lines


def test_search_wraps_a_long_title_under_its_number(
    small_library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    assert main(["search", "sanctions", "--library", str(small_library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  1. "))
    assert lines[first] == "  1. Grain export sanctions", lines
    assert lines[first + 1] == "     tightened", lines


@pytest.mark.parametrize("columns", [30, 40, 60, 80])
def test_search_leaves_no_separator_at_a_line_end_and_drops_no_part(
    small_library: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    # A path too long for the line wrapped after "·", leaving "2016-02-09 ·" at a line's end.
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["search", "sanctions", "--library", str(small_library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not [line for line in lines if line.rstrip().endswith("·")], lines
    assert all(len(line) <= max(columns, 25) for line in lines[2:]), lines
    capsys.readouterr()
    assert main(["search", "sanctions", "--library", str(small_library), "--json"]) == 0
    hit = json.loads(capsys.readouterr().out)["results"][0]
    shown = " ".join(line.strip() for line in lines)
    for part in (hit["source"], hit["section"], hit["published"][:10], hit["path"]):
        assert part in shown, (part, lines)


def test_search_json_shape(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "kelmor", "--library", str(small_library), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "kelmor" and data["total"] == 3 and data["suggestion"] is None
    assert {"source", "section", "year"} <= data["facets"].keys()
    first = data["results"][0]
    for key in ("id", "title", "source", "section", "published", "path", "url", "score", "snippet"):
        assert key in first


def test_search_json_counts_every_hit_over_time(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "kelmor", "-l", str(small_library), "--json", "--limit", "1"]) == 0
    timeline = json.loads(capsys.readouterr().out)["timeline"]
    assert timeline["granularity"] == "month" and timeline["undated"] == 0
    assert len(timeline["buckets"]) == 48  # May 2017 to April 2021, empty months too
    assert timeline["buckets"][0] == {"start": "2017-05-01", "end": "2017-05-31", "count": 1}
    assert sum(b["count"] for b in timeline["buckets"]) == 3  # not only the one hit shown
    assert (timeline["first"], timeline["last"]) == ("2017-05-30", "2021-04-02")
    assert timeline["busiest"] == {"start": "2017-05-01", "period": "2017-05", "count": 1}


def test_search_tells_hits_dated_by_a_period_longer_than_the_buckets_as_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for date in ("2019", "2019-03", "2019-03-05", "2019-07-01"):
        (tmp_path / f"{date}.md").write_text(f"---\ntitle: Pier {date}\ndate: {date}\n---\nPier.\n")
    assert main(["search", "pier", "-l", str(tmp_path), "--json"]) == 0
    timeline = json.loads(capsys.readouterr().out)["timeline"]
    assert timeline["granularity"] == "week" and timeline["left_out"] == 2
    assert sum(b["count"] for b in timeline["buckets"]) == 2  # not pinned on 1 Jan, 1 Mar
    assert (timeline["first"], timeline["last"]) == ("2019-03-05", "2019-07-01")
    assert main(["search", "date:2019-01..2019-03", "-l", str(tmp_path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["title"] for hit in found["results"]] == ["Pier 2019-03-05", "Pier 2019-03"]
    assert main(["search", "pier", "-l", str(tmp_path)]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.startswith("by week ") and line.endswith(
        " · 2 dated by month or year only, not shown by week"
    )
    assert main(["search", "pier", "-l", str(tmp_path), "--json", "--sort", "oldest"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["published_period"] for hit in found["results"]] == ["year", "month", None, None]


def test_a_date_search_finding_nothing_says_what_the_period_rule_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "y.md").write_text("---\ntitle: Pier\ndate: 2019\n---\nPier.\n")
    assert main(["search", "date:2019-01", "-l", str(tmp_path)]) == 1
    assert capsys.readouterr().out.split("\n")[-3:] == [
        "No articles match 'date:2019-01'.",
        "1 article dated 2019 only is not counted: it may be from outside the dates asked for.",
        "",
    ]
    assert main(["search", "date:2019-01", "-l", str(tmp_path), "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert (answer["total"], answer["period_only"]) == (0, ["2019"])
    assert main(["search", "pier", "-l", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["period_only"] == []


def test_search_text_says_when_in_one_line(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "kelmor", "--library", str(small_library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("by month █")
    assert lines[1].endswith("█ 2017-05-30 – 2021-04-02 · busiest May 2017: 1")


def test_search_no_hits_exits_1_with_suggestion(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "harbur", "--library", str(small_library)]) == 1
    assert "Did you mean: harbour" in capsys.readouterr().out
    assert main(["search", "harbur", "--library", str(small_library), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["suggestion"] == "harbour"


def test_bad_query_exits_2_with_one_line(small_library: Path) -> None:
    result = _run("search", '"unclosed', "--library", str(small_library))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last == 'newsread: bad query: unbalanced quote: a phrase needs a closing "'
    assert "Traceback" not in result.stderr


def test_a_bad_query_still_answers_in_json_when_asked(small_library: Path) -> None:
    """A script reading `--json` from stdout got nothing to parse on a bad query."""
    result = _run("search", '"unclosed', "--library", str(small_library), "--json")
    assert result.returncode == 2
    answer = json.loads(result.stdout)
    assert answer["error"].startswith("bad query: unbalanced quote")
    assert (answer["query"], answer["total"], answer["results"]) == ('"unclosed', 0, [])
    assert "bad query" in result.stderr


@pytest.mark.parametrize(
    ("target", "code", "error"),
    [
        ("no-such-article", 2, "no article with that id or path"),
        ("flood.txt", 1, "nothing to compare"),  # it shares no telling word with another
        ("../elsewhere.txt", 2, "is not in the library"),
    ],
)
def test_similar_answers_in_json_when_it_cannot_compare(
    small_library: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    code: int,
    error: str,
) -> None:
    """`similar --json` printed nothing to parse when the article was not there or could not
    be compared, and `search --json`'s answer to a bad query held its hits under "hits", not
    "results": `jq '.results[]'` failed on both."""
    (small_library.parent / "elsewhere.txt").write_text("Kelmor harbour\n", encoding="utf-8")
    assert main(["index", "-q", str(small_library)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(small_library)
    assert main(["similar", target, "--library", str(small_library), "--json"]) == code
    out, err = capsys.readouterr()
    answer = json.loads(out)
    assert (answer["query"], answer["total"], answer["results"]) == (f"like: {target}", 0, [])
    assert error in answer["error"] and error in err


@pytest.mark.parametrize(
    ("command", "query"),
    [(["search", "kelmor", "harbour"], "kelmor harbour"), (["similar", "a.txt"], "like: a.txt")],
)
@pytest.mark.parametrize(
    ("trouble", "code", "error"),
    [
        ("missing", 2, "is missing (moved or renamed"),
        ("no index folder", 2, "cannot create the index folder"),
        ("unexpected", 1, "unexpected error: RuntimeError: the disk went away"),
    ],
)
def test_a_library_that_cannot_be_searched_still_answers_in_json(
    small_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    query: str,
    trouble: str,
    code: int,
    error: str,
) -> None:
    """`search --json` and `similar --json` printed nothing on stdout when the library
    itself could not be opened or searched, only a line on stderr: a script had no JSON to
    read the error from, as it has for a bad query or an unknown article."""
    from newsread.index.library import Library

    library = small_library
    if trouble == "missing":
        library = tmp_path / "gone"
    elif trouble == "no index folder":
        home = tmp_path / "home"
        home.mkdir()
        (home / "cache").write_text("not a folder\n", encoding="utf-8")
        monkeypatch.setenv("NEWSREAD_HOME", str(home))
    else:

        def broken(*args: object, **options: object) -> None:
            raise RuntimeError("the disk went away")

        monkeypatch.setattr(Library, command[0], broken)
    assert main([*command, "--library", str(library), "--json"]) == code
    out, err = capsys.readouterr()
    answer = json.loads(out)
    assert (answer["query"], answer["total"], answer["results"]) == (query, 0, [])
    assert error in answer["error"] and error in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_search_json_gives_each_hits_article_as_show_json_does(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One schema across commands: `search --json` gave "authors" as one string, the names
    joined by "; " (or the credit of an article naming no author), where `show --json` and
    the exports give a list; a script reading both tripped on the type."""
    write_article(
        small_library,
        "credited.txt",
        "Kelmor ferry",
        "Kelmor ferries.",
        byline="By Staff and agencies",
    )
    assert main(["search", "kelmor", "-l", str(small_library), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert main(["show", "-l", str(small_library), "--json", *(hit["key"] for hit in hits)]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {tuple(article["authors"]) for article in shown} >= {("Tomas Reder", "Ana Liu"), ()}
    assert "Staff and agencies" in {article["credit"] for article in shown}
    for hit, article in zip(hits, shown, strict=True):
        assert {name: hit[name] for name in article if name in hit} == {
            name: value for name, value in article.items() if name in hit
        }


def test_bad_arguments_exit_2(small_library: Path) -> None:
    assert _run("search", "x", "--limit", "zero").returncode == 2
    assert _run("search", "x", "--sort", "random").returncode == 2


def test_search_takes_a_long_option_shortened_and_refuses_a_mistyped_one(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`search kelmor --lib DIR` (a shortened option, as every other command takes) and
    `search kelmor --limt 5` (a typo) searched for "kelmor --lib DIR", "No articles match",
    exit 1: a script took it for an answer. The first is --library, the second an error."""
    assert main(["search", "kelmor", "--lib", str(small_library), "--js"]) == 0
    assert json.loads(capsys.readouterr().out)["query"] == "kelmor"
    assert main(["search", f"--lib={small_library}", "kelmor", "--so", "oldest"]) == 0
    capsys.readouterr()
    for mistyped in (["--limt", "5"], ["--li", "5"]):  # unknown; could be --library or --limit
        with pytest.raises(SystemExit) as exited:
            main(["search", "kelmor", "-l", str(small_library), *mistyped])
        assert exited.value.code == 2 and mistyped[0] in capsys.readouterr().err
    # A word that starts with "--" is still searched for after "--".
    assert main(["search", "-l", str(small_library), "--json", "--", "kelmor", "--lib"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["query"] == "kelmor --lib"


def test_search_takes_the_remaining_words_as_the_query(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "kelmor", "-l", str(small_library), "harbour", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "kelmor harbour" and data["total"] == 1
    # A word that starts with "-" is part of the query, not an unknown option.
    assert main(["search", "kelmor", "-vessa", "-l", str(small_library)]) in (0, 1)
    assert "unrecognized" not in capsys.readouterr().err


def test_a_query_of_only_common_words_exits_1_saying_so(small_library: Path) -> None:
    result = _run("search", "the", "--library", str(small_library))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "newsread: 'the': nothing to search for: only very common words or symbols"
    )


def test_a_closed_pipe_exits_141_without_a_traceback(small_library: Path) -> None:
    """`newsread search x | head -1`: the reader is gone; 1 would mean "no hits"."""
    assert main(["index", "-q", str(small_library)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # gone before the first line is written: no race
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "newsread.tui.cli",
                "search",
                "kelmor",
                "-l",
                str(small_library),
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["search", "kelmor"], ["search", "kelmor", "--json"]])
def test_output_to_a_full_disk_says_so_in_one_line(small_library: Path, command: list[str]) -> None:
    """`newsread search x > file` on a full disk: its reason, not an "unexpected error"."""
    assert main(["index", "-q", str(small_library)]) == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsread.tui.cli", *command, "-l", str(small_library)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == "newsread: cannot write the output: No space left on device\n"


def test_index_stopped_with_ctrl_c_says_what_stays_searchable(
    small_library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsread.index.library import Library

    assert main(["index", str(small_library)]) == 0
    capsys.readouterr()

    for n in range(5):
        write_article(small_library, f"more/{n}.txt", f"More {n}", f"Body {n}.")
    real_update = Library.update

    def ctrl_c_while_reading(self: Library, **kwargs: Any) -> Any:
        def on_progress(progress: Any) -> None:
            if progress.phase == "reading" and progress.done == 2:
                os.kill(os.getpid(), signal.SIGINT)  # as ctrl+c in the terminal

        return real_update(self, on_progress=on_progress, cancelled=kwargs["cancelled"])

    monkeypatch.setattr(Library, "update", ctrl_c_while_reading)
    # Python's own handler, or SIG_IGN when the run was started with ctrl+c ignored (in the
    # background of a script, under nohup): whichever it was, `index` puts it back.
    before = signal.getsignal(signal.SIGINT)
    assert main(["index", str(small_library)]) == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "newsread: stopped: 6 articles are searchable; `newsread index` again indexes the rest"
    )
    assert signal.getsignal(signal.SIGINT) is before
    monkeypatch.setattr(Library, "update", real_update)
    assert main(["index", str(small_library), "--quiet"]) == 0
    assert "2 indexed (2 articles), 6 unchanged" in capsys.readouterr().out

    def interrupted(self: Library, **kwargs: object) -> None:
        raise KeyboardInterrupt  # a second ctrl+c: at once

    monkeypatch.setattr(Library, "update", interrupted)
    assert main(["index", str(small_library)]) == 130
    assert "stopped: 8 articles are searchable" in capsys.readouterr().err


def test_index_prints_a_summary(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (small_library / "empty.txt").write_bytes(b"")
    assert main(["index", str(small_library), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "3 indexed (3 articles), 0 unchanged, 0 removed, 1 skipped" in out
    assert "skipped empty.txt: empty file" in out


def test_index_says_which_files_it_passed_over_as_of_no_kind_it_reads(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder of PDFs was a silent "0 articles": the files newsread does not read are said.
    for name in ("paper.pdf", "scan.PDF", "notes.docx", "README"):
        (small_library / name).write_bytes(b"%PDF-1.4")
    (small_library / ".hidden.pdf").write_bytes(b"")  # hidden files are no one's articles
    assert main(["index", str(small_library), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "3 indexed (3 articles)" in out
    assert (
        "passed over: 4 files of kinds newsread does not read (.pdf 2, .docx 1, no extension 1)"
        in out
    )


def test_index_names_a_bad_line_of_json_lines_and_keeps_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = '{"title": "Ferry fares rise", "text": "Fares rise in May."}'
    library = tmp_path / "library"
    library.mkdir()
    (library / "feed.jsonl").write_text(f"{good}\n{{oops\n{good.replace('rise', 'fall')}\n")
    assert main(["index", str(library), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 indexed (2 articles), 0 unchanged, 0 removed, 0 skipped" in out
    assert (
        "cut feed.jsonl: 1 of its 3 articles left out, "
        "invalid JSON: Expecting property name enclosed in double quotes at line 2"
    ) in out
    (library / "feed.jsonl").write_text(good)
    assert main(["index", str(library), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 indexed (1 article), 0 unchanged, 0 removed, 0 skipped; 1 article in the" in out


def test_json_says_an_article_is_dated_by_a_year_or_month_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for name, date in (("year", "2019"), ("month", "2019-03"), ("day", "2019-03-04")):
        (library / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: {date}\n---\nPier.\n")
    assert main(["index", "-q", str(library)]) == 0
    capsys.readouterr()
    assert main(["search", "pier", "--library", str(library), "--json"]) == 0
    hits = {hit["key"]: hit for hit in json.loads(capsys.readouterr().out)["results"]}
    periods = {key: (hit["published"], hit["published_period"]) for key, hit in hits.items()}
    assert periods == {
        "year.md": ("2019-01-01T00:00:00", "year"),
        "month.md": ("2019-03-01T00:00:00", "month"),
        "day.md": ("2019-03-04T00:00:00", None),
    }
    assert main(["show", str(library / "month.md"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["published_period"] == "month"
    assert main(["search", "pier", "--library", str(library)]) == 0
    assert "2019-03 · month.md" in capsys.readouterr().out


def test_show_json_of_a_path_and_of_an_id(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = small_library / "flood.txt"
    assert main(["show", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "River flood reaches the old town"
    assert shown["published"] == "2021-04-02T07:30:00"
    assert set(shown) >= {
        "id",
        "path",
        "title",
        "source",
        "section",
        "published",
        "authors",
        "credit",
        "url",
        "body",
        "language",
    }
    assert main(["show", shown["id"], "--library", str(small_library), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == shown["id"]


def test_a_file_of_a_library_of_links_is_named_by_its_path_in_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `similar wire/a.txt` in a library whose "wire" is a link said "not in the library", and
    # `show` keyed the file "a.txt" (and gave it no source) where search says "wire/a.txt".
    from builders import write_article

    kept, library = tmp_path / "kept", tmp_path / "library"
    bodies = (  # one subject, two stories (a story's other versions are not "like" it)
        ("a.txt", "Quay in Kelmor to shut", "The old grain quay in Kelmor will shut for repairs."),
        ("b.txt", "Kelmor quay reopens", "Kelmor reopened its grain quay after the repairs."),
    )
    for name, title, body in bodies:
        write_article(kept / "wire", name, title, body, source="")
    other = "The tram drivers of Northfield walked out on Monday over pay and rosters."
    write_article(kept / "wire", "c.txt", "Tram strike", other, source="")
    library.mkdir()
    (library / "wire").symlink_to(kept / "wire", target_is_directory=True)
    assert main(["index", "-q", str(library)]) == 0
    monkeypatch.chdir(library)
    capsys.readouterr()
    assert main(["show", "wire/a.txt", "--library", str(library), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["key"], shown["source"]) == ("wire/a.txt", "wire")
    assert main(["similar", "wire/a.txt", "--library", str(library), "--json"]) == 0
    assert [hit["key"] for hit in json.loads(capsys.readouterr().out)["results"]] == ["wire/b.txt"]


def test_the_file_a_librarys_link_leads_to_is_named_as_the_library_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `similar /data/wire/a.txt --library news`, news/wire a link to /data/wire: "is not in
    # the library"; `show` keyed it "a.txt", with no source, where search says "wire/a.txt".
    from builders import write_article

    kept, library = tmp_path / "kept", tmp_path / "library"
    write_article(kept / "wire", "a.txt", "Quay to shut", "The grain quay shuts.", source="")
    write_article(kept / "wire", "b.txt", "Quay reopens", "The grain quay reopened.", source="")
    for n in range(3):
        write_article(kept / "wire", f"t{n}.txt", f"Tram strike {n}", "Tram drivers walked out.")
    (library / "deep").mkdir(parents=True)
    (library / "deep" / "wire").symlink_to(kept / "wire", target_is_directory=True)
    assert main(["index", "-q", str(library)]) == 0
    capsys.readouterr()
    real = str(kept / "wire" / "a.txt")
    assert main(["show", real, "--library", str(library), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["key"], shown["source"]) == ("deep/wire/a.txt", "deep")
    assert main(["similar", real, "--library", str(library), "--json"]) == 0
    assert [hit["key"] for hit in json.loads(capsys.readouterr().out)["results"]] == [
        "deep/wire/b.txt"
    ]
    elsewhere = write_article(tmp_path / "elsewhere", "a.txt", "Quay to shut", "The quay shuts.")
    assert main(["similar", str(elsewhere), "--library", str(library)]) == 2
    assert "is not in the library" in capsys.readouterr().err


def test_show_prints_a_long_url_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Cut at the width of the output (80 to a pipe) the link no longer opened.
    url = "https://www.harbourgazette.example/business/2015/03/12/" + "kelmor-" * 12 + "plan"
    path = write_article(tmp_path, "long.txt", "Harbour plan", "The plan was unveiled.", url=url)
    assert main(["show", str(path)]) == 0
    assert f"URL: {url}" in capsys.readouterr().out.splitlines()


def test_show_several_paths_prints_json_lines(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(small_library / "flood.txt"), str(small_library / "kelmor-harbour.txt")]
    assert main(["show", *paths, "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["flood.txt", "kelmor-harbour.txt"]


def test_show_unknown_target_exits_1(small_library: Path) -> None:
    result = _run("show", "no-such-thing", "--library", str(small_library))
    assert result.returncode == 1 and "no such file" in result.stderr


def test_similar_prints_hits_as_search_does(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["similar", "kelmor-harbour.txt", "--library", str(small_library)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article like: Kelmor harbour expansion approved (")
    assert "  1. Grain export sanctions tightened" in out
    assert "BALTIC WIRE · Business · 2019-03-12 · grain/sanctions.txt" in out
    # A path from the current folder names the same article as one from the library.
    assert (
        main(["similar", str(small_library / "kelmor-harbour.txt"), "-l", str(small_library)]) == 0
    )
    assert "Grain export sanctions tightened" in capsys.readouterr().out


def test_similar_json_has_the_search_shape(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "kelmor", "--library", str(small_library), "--json"]) == 0
    searched = json.loads(capsys.readouterr().out)
    article_id = next(r["id"] for r in searched["results"] if r["path"] == "kelmor-harbour.txt")
    assert main(["similar", article_id, "--library", str(small_library), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == set(searched) | {"like_file"} and data["like_file"] is None
    assert set(data["results"][0]) == set(searched["results"][0])
    assert data["query"] == "like: Kelmor harbour expansion approved"
    assert [r["path"] for r in data["results"]] == ["grain/sanctions.txt"]
    assert article_id not in {r["id"] for r in data["results"]}


def _change_after_indexing(root: Path) -> None:
    """Index `root` (the small library), then delete one file, edit one (same size, new
    bytes: only its digest tells) and touch one (new mtime, same bytes: as indexed)."""
    assert main(["index", "-q", str(root)]) == 0
    (root / "kelmor-harbour.txt").unlink()
    edited = root / "grain" / "sanctions.txt"
    edited.write_text(edited.read_text().replace("Ministers", "Ministry"))
    touched = root / "flood.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))


def test_search_marks_hits_whose_file_was_deleted_or_changed_since_indexing(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shell answers from the last index: a hit whose file is gone or edited since was
    listed as if it were there, as it was, with no word said."""
    _change_after_indexing(small_library)
    capsys.readouterr()
    assert main(["search", "kelmor", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    meta = {line.split(" · ")[-1] for line in out.splitlines() if " · 20" in line}
    assert meta == {
        "kelmor-harbour.txt [file deleted]",
        "grain/sanctions.txt [file changed]",
        "flood.txt",
    }, out
    assert err.count("newsread:") == 1, err
    assert "2 hits are not as indexed (1 file deleted, 1 changed since" in err
    assert f"newsread index {small_library}" in " ".join(err.split())
    assert main(["index", "-q", str(small_library)]) == 0
    capsys.readouterr()
    assert main(["search", "kelmor", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "[file" not in out and not err


def test_search_and_similar_json_say_which_hits_files_are_not_as_indexed(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _change_after_indexing(small_library)
    capsys.readouterr()
    assert main(["search", "kelmor", "--library", str(small_library), "--json"]) == 0
    out, err = capsys.readouterr()
    files = {hit["path"]: hit["file"] for hit in json.loads(out)["results"]}
    assert files == {
        "kelmor-harbour.txt": "deleted",
        "grain/sanctions.txt": "changed",
        "flood.txt": None,
    }
    assert err.count("newsread:") == 1 and "newsread index" in err
    result = _run("similar", "grain/sanctions.txt", "-l", str(small_library), "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["results"]
    assert {hit["path"]: hit["file"] for hit in hits}["kelmor-harbour.txt"] == "deleted"
    assert "1 hit is not as indexed (1 file deleted since" in result.stderr


@pytest.mark.parametrize("command", [["search", "kelmor"], ["similar", "grain/sanctions.txt"]])
def test_hits_found_while_another_newsread_indexes_say_they_are_so_far(
    small_library: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A script searching while another newsread indexed the library (a first build, a
    folder of new files) got the hits of what was indexed so far, or "No articles match"
    and exit 1, without a word: said on stderr and in "limited", with the files left."""
    from newsread.index import Library

    assert main(["index", "-q", str(small_library)]) == 0
    for n in range(2):
        write_article(small_library, f"new/{n}.txt", f"Kelmor ferry {n}", "Kelmor ferries.")
    args = [*command, "--library", str(small_library), "--json"]
    library = Library(small_library).open()
    try:
        with library.write_lock():  # as an update running in another newsread holds it
            capsys.readouterr()
            assert main(args) == 0
            out, err = capsys.readouterr()
    finally:
        library.close()
    so_far = "another newsread is indexing this library (2 files still to read): the hits"
    assert json.loads(out)["limited"].startswith(so_far)
    assert err.count(so_far) == 1
    assert main(args) == 0  # no update running: the index as it is, nothing said
    out, err = capsys.readouterr()
    assert json.loads(out)["limited"] is None and "another newsread" not in err


def test_hits_after_an_update_stopped_midway_say_the_rest_is_not_read(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsread index` stopped (ctrl+c) or killed (`timeout` in a script) leaves files
    unread; every search after answered from what was read, without a word, until an index
    ran again. Said on stderr and in "limited" until the next update reads the rest."""
    from newsread.index import Library

    assert main(["index", "-q", str(small_library)]) == 0
    write_article(small_library, "new.txt", "Kelmor ferry", "Kelmor ferries.")
    library = Library(small_library).open()
    assert library.update(cancelled=lambda: True).cancelled
    library.close()
    capsys.readouterr()
    args = ["search", "kelmor", "--library", str(small_library), "--json"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    stopped = "the last update of this library stopped before it read every file: the hits"
    assert json.loads(out)["limited"].startswith(stopped) and err.count(stopped) == 1
    assert "newsread index" in err
    assert main(["index", "-q", str(small_library)]) == 0
    capsys.readouterr()
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["limited"] is None and "stopped" not in err


def test_index_told_to_terminate_saves_what_it_read_and_says_so(small_library: Path) -> None:
    """SIGTERM (a script's `timeout`, a service stopped) killed `newsread index` mid-file:
    nothing said, and Python's resource tracker warned of its sub-writers' leaked semaphores.
    It stops as ctrl+c stops it: after the file it reads, saving what it read, exit 143."""
    for n in range(3):
        write_article(small_library, f"more/{n}.txt", f"Kelmor ferry {n}", "Kelmor ferries.")
    script = (
        "import signal, sys\n"
        "from newsread.index import Library\n"
        "from newsread.tui.cli import main\n"
        "update = Library.update\n"
        "def told_to_stop(self, on_progress=None, **options):\n"
        "    def progress(report):\n"
        "        if report.phase == 'reading' and report.done == 1:\n"
        "            signal.raise_signal(signal.SIGTERM)\n"
        "        if on_progress:\n"
        "            on_progress(report)\n"
        "    return update(self, on_progress=progress, **options)\n"
        "Library.update = told_to_stop\n"
        f"sys.exit(main(['index', '-q', {str(small_library)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 143, result.stderr
    assert result.stderr.startswith("newsread: stopped: ")
    assert "indexes the rest" in result.stderr and "Warning" not in result.stderr


def test_similar_says_when_the_file_it_starts_from_was_deleted_or_changed(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`similar` compared the index's copy of the article it starts from, without a word,
    when its file was gone or edited since."""
    assert main(["index", "-q", str(small_library)]) == 0
    capsys.readouterr()
    assert main(["similar", "grain/sanctions.txt", "-l", str(small_library), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["like_file"] is None and "its file" not in err
    _change_after_indexing(small_library)
    capsys.readouterr()
    assert main(["similar", "kelmor-harbour.txt", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "Grain export sanctions tightened" in out
    err = " ".join(err.split())
    assert "kelmor-harbour.txt: its file was deleted since it was indexed; these are like" in err
    assert f"newsread index {small_library}" in err
    assert main(["similar", "grain/sanctions.txt", "-l", str(small_library), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["like_file"] == "changed"
    assert "grain/sanctions.txt: its file was changed since it was indexed" in " ".join(err.split())


def test_search_in_a_library_whose_drive_is_not_mounted_says_so_and_marks_no_hit(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every hit was marked "[file deleted]", with advice to run `newsread index`, which took
    # them all for deleted; the folder is only the empty mount point of a drive not mounted.
    assert main(["index", "-q", str(small_library)]) == 0
    drive = tmp_path / "drive"
    small_library.rename(drive)
    small_library.mkdir()  # the mount point, on the drive below
    capsys.readouterr()
    assert main(["search", "kelmor", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "[file" not in out and out.count(" · ") >= 3
    assert err.count("newsread:") == 1, err
    # (On the drive below, as here, it may be a folder made again: the words are
    # test_indexer's; the index is kept either way.)
    assert f"{small_library} is empty, and" in err and "3 articles were indexed from" in err
    assert main(["similar", "grain/sanctions.txt", "--library", str(small_library)]) == 0
    assert "its file was" not in capsys.readouterr().err
    assert main(["index", str(small_library)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "3 articles were indexed from" in err and "; the index was left as it was" in err
    assert main(["search", "kelmor", "--library", str(small_library), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_search_in_a_library_whose_folder_is_gone_answers_from_the_index_as_it_was(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The folder renamed away (or a drive unmounted with no mount point left): search said
    # "is missing" and exited 2 with no hit, where the README has it answer from the index.
    assert main(["index", "-q", str(small_library)]) == 0
    small_library.rename(tmp_path / "renamed")
    capsys.readouterr()
    assert main(["search", "kelmor", "--library", str(small_library), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 3
    assert "is missing" in err and "these are from the index as it was" in err
    assert main(["index", str(small_library)]) == 2
    assert "the index was left as it was" in " ".join(capsys.readouterr().err.split())
    assert main(["search", "kelmor", "--library", str(small_library / "never")]) == 2


def test_similar_of_an_unknown_article_is_one_line(small_library: Path) -> None:
    result = _run("similar", "no-such-id", "--library", str(small_library))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "newsread: no-such-id: no article with that id or path in the library"
    )
    outside = _run("similar", __file__, "--library", str(small_library))
    assert outside.returncode == 2 and "is not in the library" in outside.stderr
    assert "Traceback" not in result.stderr + outside.stderr


def test_similar_of_an_article_with_nothing_to_compare_exits_1(small_library: Path) -> None:
    (small_library / "flood.txt").write_text("BALTIC WIRE / Environment\n\nIt is\n\nIt is not.\n")
    result = _run("similar", "flood.txt", "--library", str(small_library))
    assert result.returncode == 1 and "nothing to compare" in result.stderr


def test_version_and_help() -> None:
    assert _run("--version").stdout.startswith("newsread ")
    for args in (["--help"], ["search", "--help"], ["index", "--help"], ["show", "--help"]):
        result = _run(*args)
        assert result.returncode == 0 and "usage:" in result.stdout


def test_an_output_in_latin_1_prints_what_it_can_and_loses_nothing_in_json_or_export(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SSH session's locale may be Latin-1 (or ASCII): a title in Chinese stopped `search`
    with "unexpected error: UnicodeEncodeError" and nothing printed, and so did `--json` and
    `export > notes.md` on a note with Chinese in it."""
    import io

    from newsread.index.library import Library

    write_article(small_library, "beijing.txt", "Kelmor delegation visits 北京", "Talks in 北京.")
    library = Library(small_library).open()
    library.update()
    article = library.article("beijing.txt")
    assert article
    library.annotations.set_article_note(article, "代表团 met the mayor")
    library.close()

    def run(*args: str) -> tuple[int, bytes]:
        out = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", write_through=True)
        monkeypatch.setattr(sys, "stdout", out)
        code = main([*args, "--library", str(small_library)])
        out.flush()
        return code, out.buffer.getvalue()  # type: ignore[attr-defined]

    code, text = run("search", "delegation")
    assert code == 0 and "Kelmor delegation visits ??" in text.decode("latin-1")
    code, text = run("search", "delegation", "--json")
    assert code == 0 and json.loads(text)["results"][0]["title"] == "Kelmor delegation visits 北京"
    assert text.isascii()
    code, text = run("export")
    assert code == 0 and "代表团 met the mayor" in text.decode("utf-8")


def test_a_folder_not_named_in_utf8_is_printed_with_its_byte_escaped(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    shutil.copytree(small_library, folder)
    assert main(["index", str(folder)]) == 0
    assert f"{tmp_path}/caf\\xe9: " in " ".join(capsys.readouterr().out.split())  # not "caf"


def test_search_marks_a_source_its_folder_stands_in_for_as_the_app_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app's results say "bbc (folder)" for a source taken from the folder the file is
    in (it named none); `newsread search` printed "bbc", as if the file had named it."""
    root = tmp_path / "folders"
    rng = random.Random(5)  # prose long and varied enough to tell one story twice
    words = " ".join(rng.choice("bdgklmnprt") + rng.choice("aeiu") + "lo" for _ in range(90))
    for name, title, ending in (
        ("wire", "Harbour quay closes", ""),
        ("bbc", "Quay to close", " More."),
    ):
        (root / name).mkdir(parents=True)
        (root / name / "quay.md").write_text(f"# {title}\n\n{words} quay.{ending}\n")
    (root / "named.md").write_text("---\nsource: bbc\n---\n# Quay repairs\n\nA quay.\n")
    assert main(["index", "-q", str(root)]) == 0
    capsys.readouterr()
    assert main(["search", "--library", str(root), "quay"]) == 0
    meta = [line.strip() for line in capsys.readouterr().out.splitlines() if " · " in line]
    assert "bbc (folder) · bbc/quay.md" in meta and "wire (folder) · wire/quay.md" in meta
    assert "bbc · named.md" in meta  # named by the file: no mark
    assert main(["search", "--fold", "--library", str(root), "quay"]) == 0
    out = capsys.readouterr().out
    assert "+1 version: wire (folder)" in out or "+1 version: bbc (folder)" in out
    assert main(["search", "--json", "--library", str(root), "quay"]) == 0
    hits = {hit["path"]: hit for hit in json.loads(capsys.readouterr().out)["results"]}
    assert hits["bbc/quay.md"]["source"] == "bbc"  # the value itself, said to be derived
    assert hits["bbc/quay.md"]["source_from_folder"] is True
    assert hits["named.md"]["source"] == "bbc"
    assert hits["named.md"]["source_from_folder"] is False
    assert main(["search", "--json", "--fold", "--library", str(root), "quay"]) == 0
    folded = json.loads(capsys.readouterr().out)["results"]
    others = [v for hit in folded for v in hit["other_versions"]]
    assert [v["source_from_folder"] for v in others] == [True], others


def test_show_marks_a_source_its_folder_stands_in_for_as_search_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `search --json` said "source_from_folder"; `show --json` gave the folder's name as if
    # the file had named it, and `show` printed "Source: wire".
    root = tmp_path / "folders"
    (root / "wire").mkdir(parents=True)
    (root / "wire" / "quay.md").write_text("# Quay closes\n\nThe quay closes in May.\n")
    (root / "named.md").write_text("---\nsource: wire\n---\n# Quay repairs\n\nA quay.\n")
    assert main(["index", "-q", str(root)]) == 0
    capsys.readouterr()
    assert main(["search", "--json", "--library", str(root), "quay"]) == 0
    searched = {hit["path"]: hit for hit in json.loads(capsys.readouterr().out)["results"]}
    for path in ("wire/quay.md", "named.md"):
        assert main(["show", str(root / path), "--library", str(root), "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["source"] == searched[path]["source"] == "wire"
        assert shown["source_from_folder"] is searched[path]["source_from_folder"]
        assert main(["show", shown["id"], "--library", str(root), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["source_from_folder"] is (path != "named.md")
        assert main(["show", str(root / path), "--library", str(root)]) == 0
        source = "wire (folder)" if path == "wire/quay.md" else "wire"
        assert f"Source: {source}" in capsys.readouterr().out.splitlines()


def test_search_json_gives_the_time_zone_show_json_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "zoned"
    root.mkdir()
    for name, title in (("a.md", "Quay"), ("b.md", "Quay closes")):
        text = "Kelmor dredging of the quay approved by the harbour board."
        (root / name).write_text(
            f"---\ndate: 2024-05-01T10:00:00+05:00\n---\n# {title}\n\n{text}\n"
        )
    (root / "c.md").write_text("# Grain\n\nGrain exports fell sharply this autumn.\n")
    assert main(["index", "-q", str(root)]) == 0
    capsys.readouterr()
    assert main(["show", str(root / "a.md"), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["published"]
    assert shown == "2024-05-01T10:00:00+05:00"
    assert main(["search", "--json", "--library", str(root), "quay"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["published"] == shown
    assert main(["similar", "--json", "--library", str(root), "a.md"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["published"] == shown


def test_library_that_is_not_a_folder_is_one_line(tmp_path: Path) -> None:
    result = _run("search", "x", "--library", str(tmp_path / "missing"))
    assert result.returncode == 2 and "is missing" in result.stderr
    assert "Traceback" not in result.stderr


def _annotate(small_library: Path) -> None:
    from newsread.index.library import Library

    library = Library(small_library).open()
    library.update()
    store = library.annotations
    flood = library.article("flood.txt")
    grain = library.article("grain/sanctions.txt")
    assert flood and grain
    start = flood.body.index("burst its banks")
    store.add_highlight(flood, start, start + 15, colour=2, note="Worst since 2009")
    store.add_tags(flood, "weather")
    store.set_article_note(grain, "Check the figures")
    library.close()


def _read(small_library: Path, key: str) -> None:
    from newsread.index.library import Library

    library = Library(small_library).open()
    article = library.article(key)
    assert article
    library.annotations.set_read(article)
    library.close()


def test_export_markdown_filters_by_tag_and_query(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(small_library)
    assert main(["export", "--library", str(small_library)]) == 0
    everything = capsys.readouterr().out
    assert "## River flood reaches the old town" in everything
    assert "> burst its banks" in everything and "Worst since 2009" in everything
    assert "Check the figures" in everything
    assert main(["export", "--tag", "weather", "--library", str(small_library)]) == 0
    tagged = capsys.readouterr().out
    assert "River flood" in tagged and "Check the figures" not in tagged
    assert main(["export", "--query", "ministers", "--library", str(small_library)]) == 0
    queried = capsys.readouterr().out
    assert "Check the figures" in queried and "River flood" not in queried
    capsys.readouterr()
    assert main(["export", "--tag", "nothing", "--library", str(small_library)]) == 1
    assert main(["export", "-q", "zzzunknown", "--library", str(small_library)]) == 1
    # No empty document (a heading and "Query:"), and one line saying why on stderr.
    out, err = capsys.readouterr()
    assert out == ""
    # Which library, and how to export another's (one tagged elsewhere was "not in this one").
    where = f"in this library ({small_library.name}; --library DIR exports another's, --all every library's)"
    assert err.splitlines() == [
        f"newsread: nothing to export: no annotated article tagged 'nothing' {where}",
        f"newsread: nothing to export: no annotated article matching 'zzzunknown' {where}",
    ]


def test_an_export_leaves_another_exports_temporary_copy_alone(
    small_library: Path, tmp_path: Path
) -> None:
    """Two `export -o same.json` at once both wrote `.same.json.tmp`: the second wrote into
    the first's copy and renamed it away under it. Each export writes a copy of its own."""
    _annotate(small_library)
    target = tmp_path / "same.json"
    other = tmp_path / ".same.json.tmp"  # the other export's copy, being written
    other.write_text("the other export, half written", encoding="utf-8")
    assert (
        main(["export", "--format", "json", "--library", str(small_library), "-o", str(target)])
        == 0
    )
    assert other.read_text(encoding="utf-8") == "the other export, half written"
    assert "Worst since 2009" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".same")) == [other.name]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX file size limit")
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
def test_export_to_a_link_or_a_fifo_writes_through_it(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The write went to a new file renamed over the path: a link (to a synced copy) became a
    plain file and its target stayed stale; a FIFO was replaced, its reader left waiting."""
    import stat
    import threading

    _annotate(small_library)
    synced = tmp_path / "sync" / "notes.md"
    synced.parent.mkdir()
    synced.write_text("# Highlights\n\nlast week's\n", encoding="utf-8")
    link = tmp_path / "team-notes-kept-in-sync-with-the-shared-folder-of-the-whole-desk.md"
    link.symlink_to(synced)
    assert main(["export", "--library", str(small_library), "-o", str(link)]) == 0
    assert link.is_symlink() and "Worst since 2009" in synced.read_text(encoding="utf-8")
    # One line, however long: wrapped at 80 columns off a terminal, the path was a second line.
    said = f"exported 2 articles, 1 highlight to {link}"
    assert capsys.readouterr().err == said + "\n"
    # A new export is the user's alone; one the user shared (a team's folder) stays shared.
    shared = tmp_path / "alice.md"
    assert main(["export", "--library", str(small_library), "-o", str(shared)]) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600
    shared.chmod(0o640)
    assert main(["export", "--library", str(small_library), "-o", str(shared)]) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    read: list[bytes] = []

    def reader() -> None:
        with fifo.open("rb") as stream:
            read.append(stream.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    assert main(["export", "--library", str(small_library), "-o", str(fifo)]) == 0
    thread.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"Worst since 2009" in read[0]


def test_an_export_cut_short_by_the_disk_fails_and_says_so(
    small_library: Path, tmp_path: Path
) -> None:
    """`export > file` where the disk takes only part of it (nearly full; here a file size
    limit, which fails the same way: the part below it is written, then an error): exit 1
    and why, never a cut file and exit 0. The index and the notes are read, not written."""
    import resource

    from newsread.index.library import Library

    library = Library(small_library).open()
    library.update()
    flood = library.article("flood.txt")
    assert flood
    library.annotations.set_article_note(flood, "A long note. " * 200_000)  # 2.6 MB
    library.close()

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    target = tmp_path / "export.md"
    with target.open("w") as output:
        result = subprocess.run(
            [sys.executable, "-m", "newsread.tui.cli", "export", "-l", str(small_library)],
            stdout=output,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            preexec_fn=limit_file_size,
        )
    assert (result.returncode, result.stderr) == (
        1,
        "newsread: cannot write the output: File too large\n",
    ), target.stat().st_size


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["search", "kelmor"], 1),
        (["show", "flood.txt"], 1),
        (["export"], 1),
        (["export", "-o", "export.md"], 0),  # written to its file: stdout is not needed
    ],
)
def test_a_closed_standard_output_fails_as_an_unwritable_one(
    small_library: Path, tmp_path: Path, command: list[str], code: int
) -> None:
    """`newsread search … >&-` printed nowhere and exited 0, as if it had listed hits; `export
    >&-` said "unexpected error: AttributeError". Both now fail as with a full disk."""
    _annotate(small_library)
    result = subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", *command, "-l", str(small_library)],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=tmp_path,
        preexec_fn=lambda: os.close(1),
    )
    closed = "newsread: cannot write the output: standard output is closed\n"
    assert result.returncode == code
    assert (closed in result.stderr) == (code == 1) and "Error" not in result.stderr
    assert (tmp_path / "export.md").exists() == (code == 0)


def test_no_file_newsread_opens_takes_the_number_of_a_closed_standard_stream(
    tmp_path: Path,
) -> None:
    """With stdout or stderr closed, the next file opened (the index, the notes) took its
    number: what a child process wrote there went into that file."""
    script = (
        "import json, os\n"
        "from newsread.tui.cli import _cover_closed_streams\n"
        "closed = _cover_closed_streams()\n"
        f"opened = os.open({str(tmp_path / 'notes')!r}, os.O_CREAT | os.O_RDWR)\n"
        "os.write(opened, json.dumps([sorted(closed), opened]).encode())\n"
    )

    def close_both() -> None:
        os.close(1)
        os.close(2)

    result = subprocess.run([sys.executable, "-c", script], preexec_fn=close_both, check=False)
    assert result.returncode == 0
    closed, opened = json.loads((tmp_path / "notes").read_text())
    assert closed == [1, 2] and opened > 2


def test_export_after_an_edit_cites_positions_in_the_text_as_it_is_now(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Edited after the last index (no `newsread index`, no app since): the export cited the
    # highlight's offsets into the text as indexed, a passage off in the file itself.
    _annotate(small_library)
    write_article(
        small_library,
        "flood.txt",
        "River flood reaches the old town",
        "Updated at noon with the mayor's statement.\n\n"
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor.",
        source="BALTIC WIRE",
        section="Environment",
        date="2 April 2021 [07:30]",
    )
    capsys.readouterr()
    assert main(["export", "--format", "json", "--library", str(small_library)]) == 0
    items = json.loads(capsys.readouterr().out)["first"]["items"]
    [position] = [
        selector
        for item in items
        for selector in item["target"].get("selector", [])
        if selector["type"] == "TextPositionSelector"
    ]
    body = (
        "Updated at noon with the mayor's statement.\n\n"
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor."
    )
    start = body.index("burst its banks")
    assert (position["start"], position["end"]) == (start, start + len("burst its banks"))


def test_export_says_it_waits_for_another_newsread_indexing(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export` brings the index up to date first, and so waits for an update running in
    another newsread (a first build: minutes) without a word: a script or a user saw it hang."""
    from concurrent.futures import ThreadPoolExecutor

    from newsread.index import Library

    _annotate(small_library)
    write_article(small_library, "new.txt", "Kelmor ferry", "Kelmor ferries.")
    library = Library(small_library).open()
    capsys.readouterr()
    with ThreadPoolExecutor(1) as pool:
        with library.write_lock():  # as an update running in another newsread holds it
            export = pool.submit(main, ["export", "-l", str(small_library)])
            while not library.writer_waiting():  # the export waits for the lock now
                time.sleep(0.01)
        assert export.result() == 0
    library.close()
    out, err = capsys.readouterr()
    assert "burst its banks" in out
    assert err.count("another newsread is indexing this library: waiting for it") == 1


def test_export_sorts_oldest_first_and_names_its_query_and_tag(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(small_library)  # the 2021 flood, then the 2019 sanctions

    def titles(out: str) -> list[str]:
        return [line for line in out.splitlines() if line.startswith("## ")]

    assert main(["export", "--library", str(small_library)]) == 0
    read_order = capsys.readouterr().out
    assert titles(read_order) == [
        "## River flood reaches the old town",
        "## Grain export sanctions tightened",
    ]
    assert "Query:" not in read_order
    assert main(["export", "--sort", "oldest", "--library", str(small_library)]) == 0
    assert titles(capsys.readouterr().out) == [
        "## Grain export sanctions tightened",
        "## River flood reaches the old town",
    ]
    assert main(["export", "-q", "flood", "-t", "weather", "--library", str(small_library)]) == 0
    assert "\nQuery: `flood tag:weather`\n" in capsys.readouterr().out


def test_export_cites_the_authors_as_the_library_has_them(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(small_library)  # the store keeps no authors: the citation takes the library's
    assert main(["export", "--library", str(small_library)]) == 0
    cited = capsys.readouterr().out
    assert "\nTomas Reder, Ana Liu, *BALTIC WIRE*, 2019-03-12, `grain/sanctions.txt`\n" in cited
    assert "\nIlse Varga, *BALTIC WIRE*, 2021-04-02, `flood.txt`\n" in cited
    assert main(["export", "--format", "json", "--library", str(small_library)]) == 0
    articles = {
        a["newsread:article"]["key"]: a
        for a in json.loads(capsys.readouterr().out)["first"]["items"]
    }
    assert articles["grain/sanctions.txt"]["newsread:article"]["authors"] == [
        "Tomas Reder",
        "Ana Liu",
    ]
    assert articles["flood.txt"]["newsread:article"]["authors"] == ["Ilse Varga"]


@pytest.mark.parametrize("gone", ["deleted", "unreadable"])
def test_export_says_which_annotated_articles_the_library_no_longer_has(
    small_library: Path, capsys: pytest.CaptureFixture[str], gone: str
) -> None:
    """The export went on citing a deleted file as the library's, its highlights "anchored".
    A file its owner took the user's access away from (`chmod 0`; the update dropped it) was
    said to be "deleted, moved and changed": it is there, the user may no longer read it."""
    _annotate(small_library)
    flood_file = small_library / "flood.txt"
    if gone == "deleted":
        flood_file.unlink()
    mode = flood_file.stat().st_mode if gone == "unreadable" else 0
    if gone == "unreadable":
        flood_file.chmod(0)
    try:
        assert _as_a_reader("index", str(small_library)).returncode == 0
        markdown = _as_a_reader("export", "--library", str(small_library))
        as_json = _as_a_reader("export", "--format", "json", "--library", str(small_library))
    finally:
        if gone == "unreadable":
            flood_file.chmod(mode)
    assert markdown.returncode == 0 and as_json.returncode == 0, markdown.stderr
    sections = markdown.stdout.split("\n## ")
    flood = next(s for s in sections if s.startswith("River flood"))
    grain = next(s for s in sections if s.startswith("Grain export"))
    assert "> burst its banks" in flood and "Worst since 2009" in flood  # nothing lost
    said = {
        "deleted": "*(Not in this library now",
        "unreadable": "*(You may no longer read its file (permission denied)",
    }
    assert said[gone] in flood and "Not in this library" not in grain
    assert all(other not in flood for other in set(said.values()) - {said[gone]})
    exported = json.loads(as_json.stdout)["first"]["items"]
    missing = {
        a["newsread:article"]["key"]: a["newsread:article"].get("in_library") for a in exported
    }
    assert missing == {"flood.txt": False, "grain/sanctions.txt": None}


def test_export_of_a_library_folder_that_is_gone_exports_its_annotations(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The configured library deleted: export failed ("is not a folder") with the notes still kept.
    from newsread.index import paths

    _annotate(small_library)
    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text(f"library = {json.dumps(str(small_library))}\n")
    shutil.rmtree(small_library)
    capsys.readouterr()
    assert main(["export"]) == 0
    captured = capsys.readouterr()
    assert "> burst its banks" in captured.out and "Check the figures" in captured.out
    assert "*(Not in this library now" in captured.out
    assert len(captured.err.splitlines()) == 1 and "is gone" in captured.err, captured.err
    assert main(["export", "--format", "json", "--tag", "weather"]) == 0
    exported = json.loads(capsys.readouterr().out)["first"]["items"]
    assert {
        (a["newsread:article"]["key"], a["newsread:article"]["in_library"]) for a in exported
    } == {("flood.txt", False)}
    assert main(["export", "--query", "flood"]) == 2  # nothing to search


def test_export_names_the_library_its_annotations_come_from(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(small_library)
    other = tmp_path / "other"
    write_article(other, "tram.txt", "Tram strike", "Drivers walk out over pay.")
    assert main(["index", "-q", str(other)]) == 0
    from newsread.index.library import Library

    library = Library(other).open()
    [tram] = library.find("tram.txt")
    library.annotations.add_tags(tram, "transport")
    library.close()
    ours, theirs = library_id(small_library), library_id(other)
    capsys.readouterr()
    assert main(["export", "--library", str(small_library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["# Highlights", "", f"Library: `{ours}`"]
    assert main(["export", "--format", "json", "--library", str(small_library)]) == 0
    assert json.loads(capsys.readouterr().out)["newsread:library"] == ours
    assert main(["export", "--all", "--library", str(small_library)]) == 0
    out = capsys.readouterr().out
    assert out.count("# Highlights\n") == 2
    assert f"Library: `{theirs}`\n\n## Tram strike" in out and f"Library: `{ours}`" in out
    assert main(["export", "--all", "--format", "json", "--library", str(small_library)]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["newsread:library"] is None
    made_in = {
        a["newsread:article"]["key"]: a["newsread:library"] for a in collection["first"]["items"]
    }
    assert made_in == {"flood.txt": ours, "grain/sanctions.txt": ours, "tram.txt": theirs}


def test_the_library_opened_last_gone_is_said_before_the_samples_stand_in(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its folder renamed, `newsread export` exported the samples' notes (none) without a word,
    # and `newsread` opened the samples as if they were the user's library.
    from newsread.index import paths
    from newsread.tui.cli import choose_library

    renamed = tmp_path / "renamed"
    paths.state_path().parent.mkdir(parents=True, exist_ok=True)
    paths.state_path().write_text(json.dumps({"library": str(small_library)}))
    small_library.rename(renamed)
    root, notice = choose_library(None)
    assert root == paths.default_library()
    assert f"the library opened last, {small_library}, is not there" in notice
    capsys.readouterr()
    assert main(["export"]) == 1  # nothing annotated in the samples
    err = " ".join(capsys.readouterr().err.split())
    assert f"{small_library}, is not there (renamed, moved or unmounted?)" in err
    assert choose_library(str(renamed)) == (renamed, "")


def test_export_keeps_to_the_library_and_all_exports_every_one(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One store for every library: a project's export held the archive's notes too.
    _annotate(small_library)
    other = tmp_path / "other"
    write_article(other, "tram.txt", "Tram strike", "Drivers walk out over pay.")
    assert main(["index", "-q", str(other)]) == 0
    capsys.readouterr()
    assert main(["export", "--library", str(other)]) == 1  # nothing annotated there
    assert "burst its banks" not in capsys.readouterr().out
    assert main(["export", "--all", "--library", str(other)]) == 0
    out = capsys.readouterr().out
    assert "> burst its banks" in out and "Check the figures" in out
    # Exported against the other library, its articles are not called deleted.
    assert "annotated in another library" in out and "(deleted, or moved" not in out


def test_export_all_against_a_library_never_opened_says_what_it_does_not_have(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `newsread export --all` with the samples (never opened in this home) as the library:
    # unindexed, it cited every article as recorded, never saying none of them was in it.
    _annotate(small_library)
    other = tmp_path / "other"
    write_article(other, "tram.txt", "Tram strike", "Drivers walk out over pay.")
    capsys.readouterr()
    assert main(["export", "--all", "--library", str(other)]) == 0
    out = capsys.readouterr().out
    assert "> burst its banks" in out and "Check the figures" in out
    assert out.count("annotated in another library") == 2, out


def test_export_cites_a_renamed_file_where_it_is_now(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An article with a note and no highlight went on being cited at its old path.
    _annotate(small_library)
    (small_library / "grain" / "sanctions.txt").rename(small_library / "grain" / "renamed.txt")
    assert main(["index", str(small_library)]) == 0
    capsys.readouterr()
    assert main(["export", "--library", str(small_library)]) == 0
    grain = next(s for s in capsys.readouterr().out.split("\n## ") if s.startswith("Grain"))
    assert "`grain/renamed.txt`" in grain and "sanctions.txt" not in grain
    assert "Not in this library" not in grain and "Check the figures" in grain
    assert main(["export", "--format", "json", "--library", str(small_library)]) == 0
    [note] = [
        a
        for a in json.loads(capsys.readouterr().out)["first"]["items"]
        if "Check" in str(a.get("body"))
    ]
    assert (note["newsread:article"]["key"], note["newsread:article"]["path"]) == (
        "grain/renamed.txt",
        "grain/renamed.txt",
    )


def test_export_quotes_a_moved_highlight_with_the_text_around_it_now(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The TextQuoteSelector kept the prefix of when it was made beside the new offsets.
    _annotate(small_library)
    flood = small_library / "flood.txt"
    text = flood.read_text(encoding="utf-8")
    flood.write_text(text.replace("The river Vessa", "Updated at noon.\n\nThe river Vessa"))
    assert main(["index", str(small_library)]) == 0
    capsys.readouterr()
    assert main(["show", "--json", "--library", str(small_library), "flood.txt"]) == 0
    body = json.loads(capsys.readouterr().out)["body"]
    assert main(["export", "--format", "json", "--library", str(small_library)]) == 0
    [highlight] = [
        a
        for a in json.loads(capsys.readouterr().out)["first"]["items"]
        if "selector" in a["target"]
    ]
    quote, position = highlight["target"]["selector"]
    start, end = position["start"], position["end"]
    assert body[start:end] == quote["exact"] == "burst its banks"
    assert quote["prefix"] == body[max(0, start - 32) : start]
    assert "noon." in quote["prefix"] and quote["suffix"] == body[end : end + 32]


def test_export_replaces_an_earlier_export_but_no_other_file_unless_forced(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o notes.md` replaced whatever notes.md held: the user's own notes, without a word."""
    _annotate(small_library)
    mine = tmp_path / "notes.md"
    mine.write_text("My notes on the bridge, written by hand.\n", encoding="utf-8")
    assert main(["export", "--library", str(small_library), "-o", str(mine)]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "exists and is not a newsread export" in said
    assert "--force" in said and mine.read_text(encoding="utf-8").startswith("My notes")
    assert main(["export", "--library", str(small_library), "-o", str(mine), "--force"]) == 0
    assert "Worst since 2009" in mine.read_text(encoding="utf-8")
    capsys.readouterr()
    # Exported again, in either format: the earlier export is how it is kept up to date.
    for form in ("md", "json", "md"):
        command = ["export", "--library", str(small_library), "--format", form, "-o", str(mine)]
        assert main(command) == 0, capsys.readouterr().err
    # PowerShell's `newsread export --format json > notes.json` writes UTF-16.
    shell = tmp_path / "notes.json"
    shell.write_bytes(mine.read_text(encoding="utf-8").encode("utf-16"))
    command = ["export", "--library", str(small_library), "--format", "json", "-o", str(shell)]
    assert main(command) == 0, capsys.readouterr().err
    empty = tmp_path / "empty.md"
    empty.touch()
    assert main(["export", "--library", str(small_library), "-o", str(empty)]) == 0


def test_export_to_a_folder_fails_in_one_line_leaving_nothing_behind(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(small_library)
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", "--library", str(small_library), "-o", str(folder)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert list(tmp_path.glob(".out*")) == [] and list(folder.iterdir()) == []


def test_export_never_writes_over_newsreads_own_files(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsread.index import paths

    _annotate(small_library)
    database = paths.annotations_path()
    before = database.read_bytes()
    # The notes' own file, spelt another way, and the index: a slip of -o, not an export target.
    for target in (database, database.parent / ".." / database.parent.name / database.name):
        assert main(["export", "--library", str(small_library), "-o", str(target)]) == 2
        said = capsys.readouterr().err
        assert "is in newsread's data folder (your notes and session)" in said
    index = paths.index_dir(small_library) / "articles.sqlite3"
    assert main(["export", "--library", str(small_library), "-o", str(index)]) == 2
    assert "is in newsread's cache" in capsys.readouterr().err
    assert database.read_bytes() == before
    out = tmp_path / "notes.md"
    assert main(["export", "--library", str(small_library), "-o", str(out)]) == 0
    assert "Worst since 2009" in out.read_text()
    assert " ".join(capsys.readouterr().err.split()).startswith("exported 2 articles, 1 highlight")


def test_export_json_then_import_into_a_fresh_home_round_trips(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _annotate(small_library)
    out = tmp_path / "notes.json"
    assert (
        main(["export", "--format", "json", "-o", str(out), "--library", str(small_library)]) == 0
    )
    exported = json.loads(out.read_text())["first"]["items"]
    assert len(exported) == 3  # the highlight (with its note), the article note, the tag
    selectors = [
        selector["type"] for item in exported for selector in item["target"].get("selector", [])
    ]
    assert selectors == ["TextQuoteSelector", "TextPositionSelector"]
    assert (out.stat().st_mode & 0o077) == 0  # private, like everything newsread writes
    capsys.readouterr()
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "other-home"))
    assert main(["import", str(out), "--library", str(small_library)]) == 0
    assert ": 3 added, 0 updated" in capsys.readouterr().out
    assert main(["import", str(out), "--library", str(small_library)]) == 0
    assert " 0 added" in capsys.readouterr().out  # importing twice adds nothing
    assert main(["export", "--library", str(small_library)]) == 0
    assert "Worst since 2009" in capsys.readouterr().out


def test_a_store_copy_newsread_kept_imports(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The notices name annotations.sqlite3.replaced-* / .corrupt-* copies; import read JSON
    # only ("not JSON: import reads Web Annotation JSON").
    from newsread.index import paths

    _annotate(small_library)
    _read(small_library, "kelmor-harbour.txt")  # read, never annotated: brought all the same
    kept = tmp_path / "annotations.sqlite3.replaced-20260101-120000"
    with sqlite3.connect(paths.annotations_path()) as source, sqlite3.connect(kept) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "other-home"))
    capsys.readouterr()
    assert main(["import", str(kept), "--library", str(small_library)]) == 0
    said = capsys.readouterr().out
    assert ": 3 added, 0 updated, 0 already there, 0 not understood" in said
    assert "1 article marked read" in said  # a replaced store's read marks were left behind
    assert main(["import", str(kept), "--library", str(small_library)]) == 0
    assert ": 0 added, 0 updated, 3 already there" in capsys.readouterr().out
    assert main(["search", "is:read", "--library", str(small_library), "--json"]) == 0
    assert [hit["key"] for hit in json.loads(capsys.readouterr().out)["results"]] == [
        "kelmor-harbour.txt"
    ]
    assert main(["export", "--library", str(small_library)]) == 0
    assert "Worst since 2009" in capsys.readouterr().out
    not_ours = tmp_path / "other.sqlite3"
    not_ours.write_bytes(b"")
    result = _run("import", str(not_ours), "--library", str(small_library))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"newsread: {not_ours}: neither an annotations database nor JSON"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_an_export_saved_as_utf16_imports(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    encoding: str,
) -> None:
    """Windows PowerShell's `newsread export > notes.json` writes UTF-16 with a byte order
    mark: import refused it ("'utf-8' codec can't decode byte 0xff in position 0")."""
    _annotate(small_library)
    out = tmp_path / "notes.json"
    assert (
        main(["export", "--format", "json", "-o", str(out), "--library", str(small_library)]) == 0
    )
    out.write_text(out.read_text(encoding="utf-8"), encoding=encoding)
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "other-home"))
    capsys.readouterr()
    assert main(["import", str(out), "--library", str(small_library)]) == 0
    assert ": 3 added, 0 updated" in capsys.readouterr().out


def test_an_import_stopped_by_ctrl_c_says_what_it_saved(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ctrl+c in a long import ended it with exit 130 and not a word: the import is one
    transaction, so nothing was saved, and the user could not tell."""
    from newsread.index import annotations
    from newsread.index.annotations import placing

    _annotate(small_library)
    out = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "-o", str(out), "-l", str(small_library)]) == 0
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "other-home"))
    capsys.readouterr()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(annotations, "import_json", interrupted)
        assert main(["import", str(out), "--library", str(small_library)]) == 130
    said = capsys.readouterr()
    assert (
        said.err.strip() == f"newsread: stopped: nothing imported from {out} (run the import again)"
    )
    with monkeypatch.context() as patch:
        patch.setattr(placing, "place_all", interrupted)
        assert main(["import", str(out), "--library", str(small_library)]) == 130
    said = capsys.readouterr()
    assert ": 3 added, 0 updated" in said.out
    assert said.err.strip().startswith("newsread: stopped while placing the highlights imported")
    assert main(["export", "--library", str(small_library)]) == 0
    assert "Worst since 2009" in capsys.readouterr().out


def test_import_of_a_bad_file_is_one_line(small_library: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = _run("import", str(bad), "--library", str(small_library))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    bad.write_bytes(b'[{"body": "caf\xe9"}]')
    assert main(["import", str(bad), "--library", str(small_library)]) == 2


def test_an_import_that_leaves_an_annotation_out_exits_1(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An annotation import did not understand (a colour edited by hand, a date mistyped) was
    said among the counts, and import exited 0: `newsread import notes.json && rm notes.json`
    deleted the only copy of it. The rest is imported; the exit code says not all of it."""
    _annotate(small_library)
    out = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "-o", str(out), "-l", str(small_library)]) == 0
    collection = json.loads(out.read_text())
    collection["first"]["items"][0]["newsread:colour"] = 9
    out.write_text(json.dumps(collection))
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path / "other-home"))
    capsys.readouterr()
    assert main(["import", str(out), "--library", str(small_library)]) == 1
    said = capsys.readouterr().out
    assert ": 2 added, 0 updated, 0 already there, 1 not understood" in said
    assert "colour 9 is not 1-5" in said


def test_a_folder_given_where_the_query_goes_says_how_to_search_it(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `newsread search ~/news flood` searched the default library for "~/news flood".
    result = _run("search", str(small_library), "harbour")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"newsread: {str(small_library)!r} is a folder: to search it, name it with --library: "
        f"newsread search --library {small_library} harbour"
    )
    answer = json.loads(_run("search", str(small_library), "harbour", "--json").stdout)
    assert answer["error"].endswith(f"newsread search --library {small_library} harbour")
    # A word that only looks like a path, or a folder with --library given, is a query.
    assert _run("search", "9/11", "-l", str(small_library)).returncode == 1
    monkeypatch.chdir(small_library.parent)
    assert main(["search", f"./{small_library.name}", "-l", str(small_library)]) == 1


def test_ctrl_c_while_newsread_still_loads_ends_it_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pressed in the first tenths of a second it came inside an import (rich's, say): a
    # KeyboardInterrupt traceback on the screen and no exit code of newsread's.
    from newsread.tui import launch

    def interrupted(name: str) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(launch.importlib, "import_module", interrupted)
    monkeypatch.setattr(sys, "argv", ["newsread", "search", "harbour"])
    assert launch.main() == 130
    assert capsys.readouterr() == ("", "")


def test_ctrl_c_in_the_first_seconds_of_an_import_says_that_nothing_was_imported(
    small_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Pressed while Python loaded newsread, read the arguments or opened the library and
    its notes, it ended with 130 and not a word: the user could not tell what was saved."""
    from newsread.tui import cli, launch

    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    nothing = "newsread: stopped: nothing imported"
    monkeypatch.setattr(sys, "argv", ["newsread", "import", "notes.json"])
    with monkeypatch.context() as patch:
        patch.setattr(launch.importlib, "import_module", interrupted)
        assert launch.main() == 130
    assert capsys.readouterr().err == f"{nothing} (run the import again)\n"
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_refused", interrupted)
        assert main(["import", "notes.json"]) == 130
    assert capsys.readouterr().err.strip() == f"{nothing} (run the import again)"
    out = tmp_path / "notes.json"
    out.write_text("[]", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_open_library", interrupted)
        assert main(["import", str(out), "--library", str(small_library)]) == 130
    assert capsys.readouterr().err.strip() == f"{nothing} from {out} (run the import again)"


def test_the_newsread_command_starts_at_the_entry_point_that_catches_an_early_ctrl_c() -> None:
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert 'newsread = "newsread.tui.launch:main"' in pyproject.splitlines()


def test_a_file_name_that_is_not_utf8_is_shown_readably_and_given_exactly_in_json(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`search --json` gave such a name as its key's escape ("caf\\xe9.txt", the very name of
    another file) in "path", which no script could open; the text showed the same."""
    odd = small_library / os.fsdecode(b"caf\xe9.txt")
    shutil.copy(small_library / "flood.txt", odd)
    literal = small_library / "caf\\xe9-notes.txt"  # a backslash of its own
    shutil.copy(small_library / "flood.txt", literal)
    root = str(small_library)
    assert main(["search", "river", "--library", root, "--json"]) == 0
    hits = {hit["key"]: hit for hit in json.loads(capsys.readouterr().out)["results"]}
    odd_hit, literal_hit = hits["caf\\xe9.txt"], hits["caf\\xe9-notes.txt"]
    assert odd_hit["path"] == "caf\ufffd.txt"
    assert (small_library / os.fsdecode(base64.b64decode(odd_hit["path_bytes"]))) == odd
    assert (literal_hit["path"], literal_hit["path_bytes"]) == ("caf\\xe9-notes.txt", None)
    assert hits["flood.txt"]["path_bytes"] is None
    assert main(["search", "river", "--library", root]) == 0
    shown = capsys.readouterr().out
    assert "caf\ufffd.txt" in shown and "caf\\xe9-notes.txt" in shown
    assert "caf\\xe9.txt" not in shown
    assert main(["show", "caf\\xe9.txt", "--library", root, "--json"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert (article["key"], article["path"]) == ("caf\\xe9.txt", "caf\ufffd.txt")
    assert article["path_bytes"] == odd_hit["path_bytes"]


def test_the_index_summary_groups_large_counts_by_thousands() -> None:
    """After a large export it said "2 indexed (26609 articles) … 26609 articles in the library"."""
    from newsread.tui.cli import _articles

    assert (_articles(1), _articles(999), _articles(26_609)) == (
        "1 article",
        "999 articles",
        "26,609 articles",
    )


_NOT_UTF8_LOCALES = [
    pytest.param({"LC_ALL": "en_US.ISO-8859-1"}, id="latin-1"),
    # The C locale with Python's own remedies for it turned off: names are ASCII.
    pytest.param({"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}, id="ascii"),
]


def _in_locale(
    locale_env: dict[str, str], *args: str, options: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[bytes]:
    """The `newsread` command (its entry point, as the installed script calls it) run under
    `locale_env`; skipped where that locale is not installed (`localedef -i en_US -f
    ISO-8859-1 en_US.ISO-8859-1` installs the Latin-1 one)."""
    env = {**os.environ, **locale_env}
    check = [sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"]
    if subprocess.run(check, env=env, capture_output=True, text=True).stdout.strip() == "utf-8":
        pytest.skip(f"{locale_env['LC_ALL']}: this locale is not installed here")
    entry = "import sys; from newsread.tui.launch import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, *options, "-c", entry, *args],
        env=env,
        capture_output=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("locale_env", _NOT_UTF8_LOCALES)
def test_a_locale_that_is_not_utf8_finds_shows_and_keeps_names_it_cannot_spell(
    tmp_path: Path, locale_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Under `LANG=en_US.ISO-8859-1` (an SSH session's) `newsread search` stopped with
    "unexpected error: UnicodeEncodeError" in os.stat on a library with a file named in
    Chinese or with "ő", and the same library's names were other strings than under UTF-8."""
    root = tmp_path / "library"
    for name in ("hőség.txt", "北京.txt", os.fsdecode(b"caf\xe9.txt")):
        write_article(root / "bibliothèque", name, f"Kelmor {name[:2]}", "The Kelmor ferry sailed.")
    assert main(["index", "-q", str(root)]) == 0  # under UTF-8, as the test runs
    shown = {f"bibliothèque/{name}" for name in ("hőség.txt", "北京.txt", "caf\ufffd.txt")}
    capsys.readouterr()

    found = _in_locale(locale_env, "search", "kelmor", "--library", str(root), "--json")
    assert found.returncode == 0, found.stderr
    assert found.stdout.isascii()
    assert {hit["path"] for hit in json.loads(found.stdout)["results"]} == shown
    printed = _in_locale(locale_env, "search", "ferry", "--library", str(root))
    assert printed.returncode == 0 and b"Traceback" not in printed.stderr
    # Each name as far as the terminal's encoding spells it, "?" for the rest.
    encoding = "latin-1" if locale_env["LC_ALL"] != "C" else "ascii"
    for name in shown:
        assert name.encode(encoding, "replace") in printed.stdout
    # The arguments reach the command as their bytes; the index's names are the same.
    one = _in_locale(locale_env, "show", "bibliothèque/hőség.txt", "-l", str(root), "--json")
    assert one.returncode == 0 and json.loads(one.stdout)["path"] == "bibliothèque/hőség.txt"
    again = _in_locale(locale_env, "index", str(root))
    assert b"0 indexed" in again.stdout and b"3 unchanged" in again.stdout
    assert _in_locale(locale_env, "search", "zz9", "--library", str(root)).returncode == 1
    # UTF-8 mode turned off on Python's command line: newsread's `-X utf8`, put first, wins
    # (Python takes the first), and it runs once more, not again and again.
    assert _in_locale(locale_env, "--version", options=("-X", "utf8=0")).returncode == 0


@pytest.mark.parametrize("locale_env", _NOT_UTF8_LOCALES)
def test_messages_under_a_locale_that_is_not_utf8_are_readable_without_escapes(
    tmp_path: Path, locale_env: dict[str, str]
) -> None:
    """Under `LANG=en_US.ISO-8859-1` newsread's messages on stderr showed "…" as the six
    letters `\\u2026` ("looking for new and changed files\\u2026"), and so every letter of a
    name the terminal cannot show. Now: what the terminal can show, `...`, `-`, `?`."""
    write_article(tmp_path / "library", "ferry.txt", "Kelmor ferry", "The Kelmor ferry sailed.")
    indexed = _in_locale(locale_env, "index", str(tmp_path / "library"))
    missing = _in_locale(
        locale_env, "show", "x\u2014\u5317\u2026.txt", "-l", str(tmp_path / "library")
    )
    assert indexed.returncode == 0 and missing.returncode == 1
    assert b"newsread: looking for new and changed files...\n" in indexed.stderr
    assert missing.stderr.startswith(b"newsread: x-?....txt: no such file")
    assert b"\\u" not in indexed.stderr + missing.stderr


def _as_a_reader(*args: str) -> subprocess.CompletedProcess[str]:
    """`_run`, as a user whom file permissions bind: root (running the suite) without the
    powers to read and enter what its modes forbid (`setpriv`), as another user would be."""
    if os.geteuid() != 0:
        return _run(*args)
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run newsread bound by file permissions")
    powers = "-dac_override,-dac_read_search"
    return subprocess.run(
        ["setpriv", f"--inh-caps={powers}", f"--bounding-set={powers}"]
        + [sys.executable, "-m", "newsread.tui.cli", *args],
        check=False,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("revoked", ["the folder", "a file"])
def test_articles_the_user_may_no_longer_read_are_left_out_and_said(
    small_library: Path, capsys: pytest.CaptureFixture[str], revoked: str
) -> None:
    """On a shared server alice took bob's access to her library away (`chmod g-rx` on the
    folder, or on a file) after he indexed it: his `search` and `show` still printed the
    articles' text from his index, saying nothing."""
    assert main(["index", "-q", str(small_library)]) == 0
    capsys.readouterr()
    harbour = small_library / "kelmor-harbour.txt"
    taken = small_library if revoked == "the folder" else harbour
    mode = taken.stat().st_mode
    taken.chmod(0)
    try:
        found = _as_a_reader("search", "kelmor", "-l", str(small_library), "--json")
        printed = _as_a_reader("search", "kelmor", "-l", str(small_library))
        shown = _as_a_reader("show", "kelmor-harbour.txt", "-l", str(small_library))
    finally:
        taken.chmod(mode)
    answer = json.loads(found.stdout)
    paths = {hit["path"] for hit in answer["results"]}
    assert paths == (set() if revoked == "the folder" else {"grain/sanctions.txt", "flood.txt"})
    assert answer["unreadable"] == 3 - len(paths)
    for said in (found.stderr, printed.stderr, shown.stderr):
        assert "Permission denied" in said or "permission denied" in said
    assert printed.returncode == (1 if revoked == "the folder" else 0)
    assert "council of Kelmor approved" not in printed.stdout + shown.stdout
    assert "Kelmor harbour expansion" not in printed.stdout + shown.stdout
    assert shown.returncode == 1 and shown.stdout == ""
    # Access back, all is shown again: the index kept them.
    again = json.loads(_as_a_reader("search", "kelmor", "-l", str(small_library), "--json").stdout)
    assert len(again["results"]) == 3 and again["unreadable"] == 0
