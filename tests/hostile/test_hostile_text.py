"""Hostile text: control sequences, markup, bidi and zero-width characters are data.

In article bodies, titles, sources, file names, notes and tags; checked in the bytes that
`newsread search`, `show` and `export` write (run as a user would, in a child process).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from builders import write_article
from hostile_helpers import assert_no_traceback, assert_terminal_safe, run_cli

from newsread.index.annotations import AnnotationStore
from newsread.index.library import Library
from newsread.index.marks import BMP_MARKS
from newsread.index.text import escape_controls, sanitise, sanitise_line

CSI_COLOUR = "\x1b[31;1m"
CURSOR_MOVES = "\x1b[2J\x1b[H\x1b[10;20H\x1b[?25l"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\"
TITLE_CHANGE = "\x1b]0;pwned\x07"
C1 = "\x9b2J\x9d0;pwned\x9c\x90dcs\x9c\x85"
BIDI = "\u202e\u2066\u200f"
ZERO_WIDTH = "\u200b\u200d\u2060\ufeff"
ALL_CONTROLS = CSI_COLOUR + CURSOR_MOVES + OSC52 + OSC8 + TITLE_CHANGE + C1 + BIDI + ZERO_WIDTH
MARKUP = "[bold]b[/bold] [@click=app.quit]q[/] [link=https://evil]x[/link]"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"red {CSI_COLOUR}alert\x1b[0m!", "red alert!"),
        (f"a{CURSOR_MOVES}b", "ab"),
        (f"copy {OSC52}this", "copy this"),
        ("copy \x1b]52;c;ZXZpbA==\x1b\\this", "copy this"),  # ST instead of BEL
        (f"{OSC8}link text\x1b]8;;\x1b\\", "link text"),
        (f"{TITLE_CHANGE}title", "title"),
        ("8-bit \x9b31mCSI\x9b0m and \x9d0;OSC\x9c", "8-bit CSI and "),
        (f"bidi {BIDI}gnp.exe\u202c", "bidi gnp.exe"),
        (f"zero{ZERO_WIDTH}width", "zerowidth"),
        ("family 👩\u200d👩\u200d👧", "family 👩\u200d👩\u200d👧"),  # a joiner in an emoji stays
        (f"👩{ZERO_WIDTH}👧", "👩👧"),  # …and only there
        ("می\u200cگویند", "می\u200cگویند"),  # Persian's non-joiner keeps letters apart
        ("क्\u200dष", "क्\u200dष"),  # a joiner makes a half form in Devanagari
        ("pay\u200cpal pay\u200dpal", "paypal paypal"),  # between Latin letters it hides
        ("never \x1b]0;terminated\nnext line", "never \nnext line"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        (MARKUP, MARKUP),  # markup is not the sanitiser's business: it is never parsed
    ],
    ids=lambda value: value if value.isidentifier() else None,
)
def test_the_sanitiser_removes_every_control_sequence(text: str, shown: str) -> None:
    assert sanitise(text) == shown


# The sanitiser's first form, one pattern with lookarounds: slow on long pages, plainly right.
# A joiner stays inside an emoji (after a pictograph, before one), a (non-)joiner between two
# letters beyond ASCII (or their marks).
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_LETTER = f"[^\\W\\d_\\x00-\\x7f]|[{BMP_MARKS}]"
_SLOW_TWIN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ud800-\udfff]"
    f"|(?<![^\\W\\d_\\x00-\\x7f])(?<![{BMP_MARKS}])\u200c|\u200c(?!{_LETTER})"
    f"|(?<=[{_EMOJI}\ufe0f])\u200d(?![{_EMOJI}])"
    f"|(?<![{_EMOJI}\ufe0f])(?<![^\\W\\d_\\x00-\\x7f])(?<![{BMP_MARKS}])\u200d"
    f"|(?<![{_EMOJI}\ufe0f])\u200d(?!{_LETTER})"
)
_PIECES = ["a", " ", "\n", "\t", "é", "\u200d", "\u200b", "\ufe0f", "\x07", "\x85", "\ud800"]
_PIECES += ["\u200c", "ی", "\u064e", "क", "\u094d", "1"]
_PIECES += ["👩", "👧", "❤", "\u2600", "\u27c0", "\u202e", "\ufeff", "\U0001fb00"]


def test_the_sanitiser_keeps_and_drops_what_its_slow_twin_does() -> None:
    """Random strings of controls, joiners and pictographs (no escape sequences or CR, which
    `sanitise` handles before its character pass)."""
    for seed in range(3000):
        rng = random.Random(seed)
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        assert sanitise(text) == _SLOW_TWIN.sub("", text), f"seed {seed}: {text!r}"


def test_json_keeps_odd_characters_as_escapes_not_controls() -> None:
    value = {"path": f"{TITLE_CHANGE}{BIDI}\x9b.txt", "title": "Кельмор"}
    text = escape_controls(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value
    assert sanitise(text) == text  # nothing in it a terminal would act on
    assert "Кельмор" in text


@pytest.fixture
def evil_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(
        root,
        f"{TITLE_CHANGE}{CSI_COLOUR}evil{BIDI}[bold]name.txt",
        f"Evil {ALL_CONTROLS}title {MARKUP}",
        f"Harbour body {ALL_CONTROLS} and {MARKUP} end.\n\nSecond {C1} paragraph.",
        source=f"EVIL {CSI_COLOUR}WIRE [b]x[/b]",
        url="https://evil.example/a",
    )
    return root


def test_search_show_and_export_write_no_controls_and_literal_markup(
    evil_library: Path, newsread_home: Path
) -> None:
    library = Library(evil_library).open()
    library.update()
    [article] = library.find(library.search("harbour").hits[0].key)
    library.close()
    with AnnotationStore.open(newsread_home / "data" / "annotations.sqlite3") as store:
        store.set_article_note(article, f"My note {ALL_CONTROLS} {MARKUP}")
        store.add_tags(article, f"tag{OSC52}[red]x")
        store.add_highlight(article, 0, 12, note=f"hl {TITLE_CHANGE}{MARKUP}")

    lib = str(evil_library)
    runs = {
        "search": run_cli("search", "harbour", "-l", lib, home=newsread_home),
        "search --json": run_cli("search", "harbour", "-l", lib, "--json", home=newsread_home),
        "show id": run_cli("show", article.id, "-l", lib, home=newsread_home),
        "show path": run_cli("show", str(next(evil_library.iterdir())), home=newsread_home),
        "show --json": run_cli("show", article.id, "-l", lib, "--json", home=newsread_home),
        "export md": run_cli("export", "-l", lib, home=newsread_home),
        "export json": run_cli("export", "--format", "json", "-l", lib, home=newsread_home),
        "no hits": run_cli("search", f"{OSC52}nothing{MARKUP}", "-l", lib, home=newsread_home),
    }
    for name, result in runs.items():
        assert_no_traceback(result)
        out = assert_terminal_safe(result.stdout)
        assert_terminal_safe(result.stderr)
        assert result.returncode == (1 if name == "no hits" else 0), (name, result.stderr)
        if name.endswith("json"):
            json.loads(out)  # still valid JSON, escapes and all
            continue
        if name == "no hits":
            assert MARKUP in out
            continue
        assert "[bold]b[/bold] [@click=app.quit]q[/] [link=https://evil]x[/link]" in out, name
    shown = runs["show id"].stdout.decode()
    assert "Evil title [bold]b[/bold]" in shown and "EVIL WIRE [b]x[/b]" in shown
    assert "Harbour body and [bold]b[/bold]" in shown
    assert "evil[bold]name.txt" in runs["search"].stdout.decode()  # the file name, cleaned
    exported = runs["export md"].stdout.decode()
    assert "My note" in exported and "tagx" not in exported and "[red]x" in exported


def test_hostile_query_text_is_echoed_safely(small_library: Path, newsread_home: Path) -> None:
    result = run_cli("search", f'title:"{OSC52}', "-l", str(small_library), home=newsread_home)
    assert result.returncode == 2
    assert_no_traceback(result)
    errors = assert_terminal_safe(result.stderr).splitlines()
    assert [line for line in errors if "bad query" in line] == [
        'newsread: bad query: unbalanced quote: a phrase needs a closing "'
    ]


def test_sanitise_line_is_one_line() -> None:
    assert sanitise_line(f"a\nb\r\nc{TITLE_CHANGE}\td") == "a b c d"
