"""The `newsread` command: the app, plus `index`, `search`, `show`, `export` and `import`.

Subcommands call `newsread.index` and print with Rich `Text` objects, never markup strings:
titles, snippets and file names are data.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import functools
import gc
import json
import logging
import os
import re
import shlex
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from newsread.index import Article, Timeline
from newsread.index.article import date_shown, path_fields, path_key, shown_path
from newsread.index.results import from_folder, period_only_note, source_shown
from newsread.index.text import escape_controls, sanitise_line
from newsread.index.timeline import sparkline
from newsread.tui.launch import READABLE, stopped_before_starting
from newsread.tui.widths import measure_spacing_marks

if TYPE_CHECKING:
    from newsread.index import Indexing

COMMANDS = ("index", "search", "similar", "show", "export", "import")


def _version() -> str:
    # Imported here: reading the package metadata took ~20 ms of CPU, in every command.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsread")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


class _Version(argparse._VersionAction):
    """`--version`, which looks the version up only when asked for."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        self.version = f"newsread {_version()}"
        super().__call__(parser, namespace, values, option_string)


BROKEN_PIPE = 141
"""The exit code of a command whose reader went away (`| head -1`): 128 + SIGPIPE, as a shell
reports a command killed by it. Not 1, which means "no hits"."""


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich exits 1 here; a closed pipe is not "no hits" (see BROKEN_PIPE)."""
        raise BrokenPipeError


def _console(stderr: bool = False) -> Console:
    return _Console(stderr=stderr, markup=False, highlight=False, emoji=False)


def _unicode_output() -> bool:
    """Whether standard output takes every character: a UTF encoding, not the ASCII or
    Latin-1 of a locale an SSH session brings (`LANG=en_US.ISO-8859-1`)."""
    return _unicode(sys.stdout)


def _unicode(stream: object) -> bool:
    """Whether `stream` takes every character (its encoding is a UTF)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name.startswith("utf")
    except LookupError:
        return False


def _forgiving_output() -> None:
    """On an output that cannot take every character, one it cannot take is shown as `?`:
    a title in Chinese stopped `newsread search` with a UnicodeEncodeError, printing nothing
    (JSON and exports lose nothing: `_print_json`, `_write_all`)."""
    if not _unicode_output():
        with suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    if not _unicode(sys.stderr):
        # Messages: Python's `backslashreplace` showed "…" as the six letters \u2026.
        with suppress(AttributeError, ValueError):
            sys.stderr.reconfigure(errors=READABLE)  # type: ignore[union-attr]


def _print_json(answer: object) -> None:
    """One JSON document on standard output: where that cannot take every character, the
    others are written as `\\uXXXX` escapes (the same JSON, in ASCII)."""
    print(escape_controls(json.dumps(answer, ensure_ascii=not _unicode_output())))


def _warn(message: str) -> None:
    """One line on stderr, however long (a wrapped path reads as two messages)."""
    line = Text(f"newsread: {sanitise_line(message)}", style="yellow")
    _console(stderr=True).print(line, soft_wrap=True)


def _fail(message: str, code: int = 2) -> int:
    line = Text(f"newsread: {sanitise_line(message)}", style="red")
    _console(stderr=True).print(line, soft_wrap=True)
    return code


def resolve_library(arg: str | None) -> Path:
    """The library to use: the argument, else config.toml's, else the last one, else samples
    (saying so when the last one is gone)."""
    root, notice = choose_library(arg)
    if notice:
        _warn(notice)
    return root


def choose_library(arg: str | None) -> tuple[Path, str]:
    """`resolve_library`'s choice, and a sentence when the library opened last is gone (its
    folder renamed, moved or unmounted) and the samples stand in: they are not the user's."""
    from newsread.index import load_config, paths

    if arg:
        return Path(arg).expanduser(), ""
    config = load_config()
    if config.problem:
        _warn(config.problem)
    if config.library:
        return config.library, ""
    try:
        last = json.loads(paths.state_path().read_text(encoding="utf-8")).get("library")
    except (OSError, ValueError, AttributeError):
        last = None
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last), ""
    default = paths.default_library()
    if not isinstance(last, str) or not last or Path(last) == default:
        return default, ""
    return default, (
        f"the library opened last, {last}, is not there (renamed, moved or unmounted?): "
        "the samples stand in; name yours: newsread FOLDER, --library FOLDER"
    )


def _open_library(arg: str | None) -> Any:
    from newsread.index import Library

    library = Library(resolve_library(arg))
    library.open()
    if library.notice:
        _warn(library.notice)
    return library


def _annotations(library: Any) -> Any:
    """The library's annotation store, saying so when a damaged one was set aside."""
    store = library.annotations
    if store.recovery_notice:
        _warn(store.recovery_notice)
    return store


# -- index -----------------------------------------------------------------------------------


def cmd_index(args: argparse.Namespace) -> int:
    library = _open_library(args.library)
    stop = threading.Event()
    told = [signal.SIGINT]

    def stop_soon(signum: int, frame: object) -> None:
        # The update stops after the file it is reading and saves what it read; a second
        # ctrl+c stops at once. (A KeyboardInterrupt raised inside a destructor is printed
        # and lost: the update went on.) SIGTERM (a script's `timeout`, a service stopped)
        # stops it so too: killed, its sub-writers were left behind, and Python's resource
        # tracker printed a warning about their leaked semaphores.
        stop.set()
        told[0] = signal.Signals(signum)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    previous = signal.signal(signal.SIGINT, stop_soon)
    terminate = signal.signal(signal.SIGTERM, stop_soon)
    try:
        summary = _index_with_bar(library, args.quiet, stop.is_set)
    except KeyboardInterrupt:
        summary = None
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, terminate)
    if summary is None or summary.cancelled:
        # What the batches committed so far stays searchable; the rest is read next time.
        searchable = library.count()
        return _fail(
            f"stopped: {_articles(searchable)} {'is' if searchable == 1 else 'are'} "
            "searchable; `newsread index` again indexes the rest",
            128 + told[0],
        )
    out = _console()
    line = Text()
    line.append(f"{sanitise_line(path_key(str(library.root)))}: ", style="bold")
    line.append(
        f"{summary.indexed:,} indexed ({_articles(summary.articles)}), {summary.unchanged:,} "
        f"unchanged, {summary.removed:,} removed, {len(summary.skipped):,} skipped; "
        f"{_articles(summary.total_articles)} in the library ({summary.elapsed:.1f} s)"
    )
    out.print(line, soft_wrap=True)
    for path, note in summary.cut:
        cut = f"  cut {sanitise_line(shown_path(path))}: {sanitise_line(note)}"
        out.print(Text(cut), soft_wrap=True)
    for path, reason in summary.skipped:
        skipped = Text(
            f"  skipped {sanitise_line(shown_path(path))}: {sanitise_line(reason)}", style="yellow"
        )
        out.print(skipped, soft_wrap=True)
    other = summary.other_kinds_said()
    if other:
        out.print(Text(f"  passed over: {sanitise_line(other)}"), soft_wrap=True)
    return 0


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count:,} articles"


def _index_with_bar(library: Any, quiet: bool, cancelled: Callable[[], bool]) -> Any:
    """`library.update()` with a progress bar on a terminal's standard error."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = _console(stderr=True)
    log = _PhaseLog(console) if not quiet and not console.is_terminal else None
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,  # no bar (or stray newline) in a log
    ) as bar:
        task = bar.add_task("Scanning", total=None)

        def on_progress(progress: Any) -> None:
            labels = {
                "scanning": "Scanning",
                "waiting": "Waiting for another newsread indexing this library",
                "reading": "Indexing",
                "committing": "Saving",
                "merging": "Merging the index (searchable meanwhile)",
                "done": "Done",
            }
            if log:
                log.said(progress)
            label = labels.get(progress.phase, progress.phase)
            if progress.articles:  # a large file, read in parts: no file is done for minutes
                label = f"{label} {progress.path} ({progress.articles:,} articles)"
            bar.update(
                task,
                description=label,
                completed=progress.done + progress.share,  # the bar moves through such a file
                total=progress.total or None,
            )

        return library.update(on_progress=on_progress, cancelled=cancelled)


class _PhaseLog:
    """`newsread index` off a terminal (a script, `nohup ... > log`): no bar, so a line on
    standard error as each step begins. Nothing was said for the minutes a large library's
    merge takes, and the user took it for hung."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.phase = ""
        self.merge_started = 0.0

    def said(self, progress: Any) -> None:
        """Says `progress`'s step if it is a new one (and each batch saved: a line every
        minute or two while a large library is read)."""
        phase, total = progress.phase, progress.total
        if phase == self.phase and phase != "committing":
            return
        line = ""
        if phase == "scanning":
            line = "looking for new and changed files…"
        elif phase == "waiting":
            line = "waiting for another newsread indexing this library…"
        elif phase == "reading" and self.phase in ("", "scanning", "waiting"):
            line = f"indexing {total:,} files…" if total else "indexing…"
        elif phase == "committing":
            line = f"saving: {progress.done:,}{f' of {total:,}' if total else ''} files read"
        elif phase == "merging":
            self.merge_started = time.monotonic()
            line = (
                "merging the index's segments, which makes searches faster (minutes on a "
                "large library; everything is searchable meanwhile)…"
            )
        elif phase == "done" and self.merge_started:
            line = f"merged ({time.monotonic() - self.merge_started:.1f} s)"
        self.phase = phase
        if line:
            self.console.print(Text(f"newsread: {line}"), soft_wrap=True)


# -- search ----------------------------------------------------------------------------------


def _ensure_index(library: Any, quiet: bool) -> None:
    if not library.has_index():
        if not quiet:
            _console(stderr=True).print(Text("newsread: indexing the library first…", style="dim"))
        _update(library)


def _update(library: Any) -> Any:
    """`library.update()` for a command that needs the index up to date first, saying on
    stderr when it waits for another newsread indexing the library: `export` (or `search`
    on a library never indexed) waited without a word for as long as a first build takes."""

    def on_progress(progress: Any) -> None:
        if progress.phase == "waiting":
            _warn(
                "another newsread is indexing this library: waiting for it to finish "
                "(ctrl+c stops)…"
            )

    return library.update(on_progress=on_progress)


def _catch_up(library: Any) -> None:
    """Index the files changed since the index last saw them, so that what is cited (the
    positions of highlights, their status) is of the text as it is now: an export after an
    edit, before any `newsread index`, cited offsets into the old text."""
    from newsread.index import LibraryError, has_changes

    try:
        if has_changes(library):
            _update(library)
    except (LibraryError, OSError) as error:
        _warn(f"{error}: cited as the library was last indexed")


def _styled(text: str, spans: Sequence[tuple[int, int]], style: str = "bold yellow") -> Text:
    result = Text(text)
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def _folder_named(words: Sequence[str]) -> str | None:
    """The query's first word when it is a path to a folder (it has a slash, or is `.`,
    `..` or starts with `~`): a library put where the query goes."""
    first = words[0] if words else ""
    if not (os.sep in first or first in (".", "..") or first.startswith("~")):
        return None
    return first if Path(first).expanduser().is_dir() else None


Command = Callable[[argparse.Namespace], int]


def _answers_in_json(query_of: Callable[[argparse.Namespace], str]) -> Callable[[Command], Command]:
    """With `--json`, a command that fails past its own checks (its library missing, an index
    folder that cannot be made or read, an unexpected error) still answers in JSON, as
    `_json_error` does, its query said by `query_of`; `main` says the same on stderr and exits
    as without `--json`. Scripts got nothing on stdout to parse, only exit 2."""

    def answering(command: Command) -> Command:
        @functools.wraps(command)
        def run(args: argparse.Namespace) -> int:
            try:
                return command(args)
            except Exception as error:
                line = _failure_line(error)
                if line is not None:
                    _json_error(args.json, query_of(args), line)
                raise

        return run

    return answering


@_answers_in_json(lambda args: " ".join(args.query))
def cmd_search(args: argparse.Namespace) -> int:
    from newsread.index import NothingToSearch, QueryError, split_annotation_clauses

    query = " ".join(args.query)
    folder = _folder_named(args.query) if args.library is None else None
    if folder is not None:
        # `newsread search ~/news flood`: the folder was meant as the library, not a word.
        words = " ".join(shlex.quote(word) for word in args.query[1:]) or "WORDS"
        error = (
            f"{folder!r} is a folder: to search it, name it with --library: "
            f"newsread search --library {shlex.quote(folder)} {words}"
        )
        _json_error(args.json, query, error)
        return _fail(error)
    library = _open_library(args.library)
    _ensure_index(library, args.json)
    try:
        if split_annotation_clauses(query)[1]:
            _annotations(library)
        results = library.search(query, sort=args.sort, limit=args.limit, fold=args.fold)
    except NothingToSearch as error:
        _json_error(args.json, query, str(error))
        return _fail(f"{sanitise_line(query)!r}: {error}", 1)
    except QueryError as error:
        _json_error(args.json, query, f"bad query: {error}")
        return _fail(f"bad query: {error}")
    changes = _file_changes(library, results.hits)
    results, unreadable = _readable_only(library, results, changes)
    so_far = _indexed_so_far(library)
    if args.json:
        answer = results_to_json(results, changes, library.root, so_far)
        _print_json({**answer, "unreadable": unreadable})
        return 0 if results.hits else 1
    out = _console()
    if not results.hits and unreadable:
        return 1
    if not results.hits:
        out.print(Text(f"No articles match {sanitise_line(query)!r}."))
        if results.period_only:
            out.print(Text(period_only_note(results.period_only)), soft_wrap=True)
        if results.suggestion:
            out.print(Text(f"Did you mean: {sanitise_line(results.suggestion)}"))
        return 1
    noun = "article matches" if results.total == 1 else "articles match"
    head = f"{results.total} {noun}"
    if results.stories != results.total:
        head += f" in {results.stories} {'story' if results.stories == 1 else 'stories'}"
    head += f" ({results.elapsed * 1000:.0f} ms)"
    out.print(Text(head + (f"; {results.limited}" if results.limited else ""), style="dim"))
    if results.timeline is not None and results.timeline.buckets:
        out.print(Text(timeline_line(results.timeline), style="dim"), soft_wrap=True)
    _print_hits(out, results.hits, changes, library.root, folded=results.folded)
    return 0


def _indexed_so_far(library: Any) -> str:
    """Why the hits may be fewer than the library holds, said once on stderr: another
    newsread is indexing it (`newsread index`, the app) and has files still to read, or the
    last update was stopped or killed before it read them all. A search answered from the
    articles indexed so far, exiting 1 for "no match" on a library half read, with no word;
    "" when the index holds every file its last update found."""
    left = library.left_to_index()
    indexed = library.count()
    articles = f"{indexed:,} article{'' if indexed == 1 else 's'}"
    if left:
        files = f"{left:,} file{'' if left == 1 else 's'}"
        so_far = (
            f"another newsread is indexing this library ({files} still to read): "
            f"the hits are from the {articles} indexed so far"
        )
    elif library.stopped_update():
        so_far = (
            "the last update of this library stopped before it read every file: the hits "
            f"are from the {articles} indexed; to read the rest: "
            f"newsread index {shlex.quote(str(library.root))}"
        )
    else:
        return ""
    _warn(so_far)
    return so_far


def _json_error(wanted: bool, query: str, error: str) -> None:
    """With `--json`, a query that cannot be searched still answers in JSON (a script reading
    stdout would otherwise get nothing to parse), its hits under "results" as every answer
    has them; the one-line message goes to stderr too."""
    if wanted:
        answer = {"query": query, "error": error, "total": 0, "results": []}
        _print_json(answer)


def _file_changes(library: Any, hits: Sequence[Any]) -> dict[str, str]:
    """Path -> "deleted", "changed" or "unreadable" for the hits whose file is no longer as
    indexed (the shell answers from the last index), said once on stderr with how to bring it
    up to date; `_readable_only` says the unreadable ones."""
    changes: dict[str, str] = library.file_changes(hit.path for hit in hits)
    away = library.folder_away() if "deleted" in changes.values() else ""
    if away:  # its files are not deleted, only not there: no hit is marked
        _warn(f"{away}: these are from the index as it was")
        return {path: what for path, what in changes.items() if what == "unreadable"}
    if any(what != "unreadable" for what in changes.values()):
        stale = [hit for hit in hits if changes.get(hit.path, "unreadable") != "unreadable"]
        deleted = sum(changes[hit.path] == "deleted" for hit in stale)
        counts = ((deleted, "deleted"), (len(stale) - deleted, "changed"))
        parts = [f"{n} {what}" for n, what in counts if n]  # "1 file deleted, 2 changed"
        parts[0] = parts[0].replace(" ", " file " if parts[0].startswith("1 ") else " files ", 1)
        _warn(
            f"{len(stale)} {'hit is' if len(stale) == 1 else 'hits are'} not as indexed "
            f"({', '.join(parts)} since; marked): to search the library as it is, "
            f"newsread index {shlex.quote(str(library.root))}"
        )
    return changes


_NOT_READABLE = (
    "you may no longer read its file (permission denied): not shown; the index keeps it for "
    "when you may again"
)


def _readable_only(library: Any, results: Any, changes: dict[str, str]) -> tuple[Any, int]:
    """`results` without the hits whose file the user may no longer read, and how many were
    left out, said once on stderr. On a shared server a library's owner may take a reader's
    access away after they indexed it: their index still held the text, and `search` showed
    it, saying nothing. The index keeps those articles for when access returns."""
    kept = tuple(hit for hit in results.hits if changes.get(hit.path) != "unreadable")
    left_out = len(results.hits) - len(kept)
    if not left_out:
        return results, 0
    what = f"{left_out} {'hit' if left_out == 1 else 'hits'} left out"
    away = library.folder_away()
    if away and not kept:
        _warn(f"{away}: {what}; the index keeps them for when you may read it again")
    else:
        its = "its file" if left_out == 1 else "their files"
        _warn(
            f"{what}: you may no longer read {its} (permission denied); the index keeps "
            f"{'it' if left_out == 1 else 'them'} for when you may again"
        )
    return replace(results, hits=kept), left_out


def _print_hits(
    out: Console,
    hits: Sequence[Any],
    changes: dict[str, str],
    root: Path | None = None,
    *,
    folded: bool = False,
) -> None:
    """Numbered hits: title, then source · section · date · path (and "file deleted" or
    "file changed" when it is no longer as indexed), (folded: the story's other versions,)
    then the snippet."""
    for n, hit in enumerate(hits, 1):
        title = _styled(sanitise_line(hit.title), hit.title_spans, "bold")
        _print_indented(out, title, first=f"{n:>3}. ")
        parts = (
            source_shown(hit.source, hit.from_folder),
            hit.section,
            date_shown(hit.published, hit.period),
            shown_path(hit.path, root),
        )
        meta = _joined_in_lines([sanitise_line(part) for part in parts if part], out.width - 5)
        line = Text(meta, style="dim")
        if hit.path in changes:
            line.append(f" [file {changes[hit.path]}]", style="yellow")
        _print_indented(out, line)
        if folded and hit.versions:
            _print_indented(out, Text(sanitise_line(versions_line(hit)), style="dim"))
        if hit.snippet.text:
            _print_indented(out, _styled(hit.snippet.text, hit.snippet.spans))


def _joined_in_lines(parts: Sequence[str], width: int) -> str:
    """`parts` joined by " · ", a part that does not fit on the line starting the next one
    (not a "·" left at a line's end); a part longer than `width` is wrapped when printed."""
    lines = [""]
    for part in parts:
        if lines[-1] and cell_len(lines[-1]) + 3 + cell_len(part) > width:
            lines.append(part)
        else:
            lines[-1] = f"{lines[-1]} · {part}" if lines[-1] else part
    return "\n".join(lines)


def _print_indented(out: Console, text: Text, indent: int = 5, first: str = "") -> None:
    """`text` indented under the hit's number, wrapped lines too (not back at the left edge);
    `first` stands in for the indent on the first line (the number)."""
    for n, line in enumerate(text.wrap(out, max(20, out.width - indent))):
        line.rstrip()
        out.print(Text(first if n == 0 and first else " " * indent) + line, soft_wrap=True)


@_answers_in_json(lambda args: f"like: {args.target}")
def cmd_similar(args: argparse.Namespace) -> int:
    """The articles most like one article: `search`'s output, text or JSON."""
    from newsread.index import NothingToSearch, UnknownArticle

    library = _open_library(args.library)
    _ensure_index(library, args.json)
    target = args.target
    path = Path(target).expanduser()
    if path.is_file():  # a file named as a path from here, not from the library
        found = _in_library(path, library.root)
        if found is None:
            error = f"{target} is not in the library ({library.root})"
            _json_error(args.json, f"like: {args.target}", error)
            return _fail(error)
        target = found[0].relative_to(found[1]).as_posix()
    try:
        results = library.similar(target, limit=args.limit)
    except UnknownArticle as error:
        _json_error(args.json, f"like: {args.target}", str(error))
        return _fail(str(error))
    except NothingToSearch as error:
        _json_error(args.json, f"like: {args.target}", str(error))
        return _fail(str(error), 1)
    if results.like_file == "unreadable":
        _json_error(args.json, f"like: {args.target}", f"{target}: {_NOT_READABLE}")
        return _fail(f"{target}: {_NOT_READABLE}")
    changes = _file_changes(library, results.hits)
    results, unreadable = _readable_only(library, results, changes)
    so_far = _indexed_so_far(library)
    if results.like_file and not (results.like_file == "deleted" and library.folder_away()):
        _warn(
            f"{target}: its file was {results.like_file} since it was indexed; these are like "
            f"the text indexed then. To compare it as it is: "
            f"newsread index {shlex.quote(str(library.root))}"
        )
    if args.json:
        answer = results_to_json(results, changes, library.root, so_far)
        answer["like_file"] = results.like_file or None
        _print_json({**answer, "unreadable": unreadable})
        return 0 if results.hits else 1
    out = _console()
    if not results.hits and unreadable:
        return 1
    if not results.hits:
        out.print(Text("No other article is like this one."))
        return 1
    noun = "article" if results.total == 1 else "articles"
    head = (
        f"{results.total} {noun} {sanitise_line(results.query)} ({results.elapsed * 1000:.0f} ms)"
    )
    out.print(Text(head, style="dim"), soft_wrap=True)
    _print_hits(out, results.hits, changes, library.root)
    return 0


def timeline_line(timeline: Timeline) -> str:
    """`by month ▁ █▂ 1987-02-26 – 1987-10-19 · busiest Mar 1987: 12 · 2 dated by year only,
    not shown by month · 3 undated`."""
    busiest = timeline.busiest
    parts = [f"by {timeline.granularity} {sparkline([b.count for b in timeline.buckets])}"]
    parts[0] += f" {timeline.span}"
    if busiest is not None:
        parts.append(f"busiest {busiest.label}: {busiest.count:,}")
    if timeline.left_out:
        parts.append(timeline.left_out_note)
    if timeline.undated:
        parts.append(f"{timeline.undated:,} undated")
    return " · ".join(parts)


def timeline_to_json(timeline: Timeline | None) -> dict[str, Any] | None:
    """Every bucket (empty ones too) by its first day, and what no bucket holds."""
    if timeline is None:
        return None
    busiest = timeline.busiest
    return {
        "granularity": timeline.granularity,
        "buckets": [
            {"start": b.start.isoformat(), "end": b.end.isoformat(), "count": b.count}
            for b in timeline.buckets
        ],
        "undated": timeline.undated,
        # Dated by a month or year alone, and in no bucket: the buckets are shorter.
        "left_out": timeline.left_out,
        "first": timeline.first.isoformat() if timeline.first else None,
        "first_period": timeline.first_period or None,  # as a hit's "published_period"
        "last": timeline.last.isoformat() if timeline.last else None,
        "last_period": timeline.last_period or None,
        "busiest": (
            {"start": busiest.start.isoformat(), "period": busiest.period, "count": busiest.count}
            if busiest
            else None
        ),
    }


def versions_line(hit: Any) -> str:
    """ "+2 versions: AP, Reuters": the other articles of a hit's story, by source."""
    sources = list(
        dict.fromkeys(source_shown(v.source, v.from_folder) or v.key for v in hit.others)
    )
    listed = ", ".join(sources[:4]) + (f" and {len(sources) - 4} more" if len(sources) > 4 else "")
    return f"+{hit.versions} {'version' if hit.versions == 1 else 'versions'}: {listed}"


def results_to_json(
    results: Any,
    changes: dict[str, str] | None = None,
    root: Path | None = None,
    so_far: str = "",
) -> dict[str, Any]:
    """The results as JSON; `changes` (path -> "deleted" or "changed") gives each hit's
    "file": what became of its file since indexing, null when it is as indexed. A name that
    is not UTF-8 is given as `path_fields` gives it (in the library `root`). `so_far`: why
    the index holds only part of the library now (`_indexed_so_far`), said in "limited"
    with what else limited the results."""
    changes = changes or {}
    limited = "; ".join(why for why in (results.limited, so_far) if why)
    return {
        "query": results.query,
        "sort": results.sort,
        "total": results.total,
        "stories": results.stories,
        "folded": results.folded,
        "suggestion": results.suggestion,
        "period_only": list(results.period_only),
        "limited": limited or None,
        "elapsed_ms": round(results.elapsed * 1000, 1),
        "facets": {
            name: [{"value": v, "count": n} for v, n in pairs]
            for name, pairs in results.facets.items()
        },
        "timeline": timeline_to_json(results.timeline),
        "results": [
            {
                "id": hit.id,
                "key": hit.key,
                "title": hit.title,
                "source": hit.source,
                "source_from_folder": hit.from_folder,
                "section": hit.section,
                "published": hit.published.isoformat() if hit.published else None,
                "published_period": hit.period or None,
                "authors": list(hit.authors),
                "credit": hit.credit,
                **path_fields(hit.path, root),
                "file": changes.get(hit.path),
                "url": hit.url,
                "score": round(hit.score, 4),
                "snippet": hit.snippet.text,
                "snippet_matches": [list(span) for span in hit.snippet.spans],
                "story": hit.story,
                "versions": hit.versions,
                "other_versions": [
                    {
                        "key": v.key,
                        "title": v.title,
                        "source": v.source,
                        "source_from_folder": v.from_folder,
                    }
                    for v in hit.others
                ],
            }
            for hit in results.hits
        ],
    }


# -- show ------------------------------------------------------------------------------------


def _published(article: Article) -> str:
    """The date `show` prints: the year or month alone for an article dated by one."""
    if article.published is None or article.period:
        return date_shown(article.published, article.period)
    return article.published.isoformat()


def article_to_json(article: Article, root: Path | None = None) -> dict[str, Any]:
    """`Article.to_record`, with the body as one text and its word count, whether the
    source is the library's folder standing in and whether the date is a year or month alone
    (as `search --json` says them)."""
    record = article.to_record()
    record.pop("extra", None)
    del record["paragraphs"]
    return {
        **record,
        **path_fields(article.path, root),
        "published_period": article.period or None,
        "source_from_folder": from_folder(article.source, article.path),
        "body": article.body,
        "word_count": article.word_count,
    }


def _in_library(path: Path, root: Path, links: bool = True) -> tuple[Path, Path] | None:
    """`path` (a file named from here) and `root` written so that one is inside the other,
    or None for a file outside the library. Links are followed only when they must be: in a
    library of links to folders kept elsewhere, "bbc/tech/001.txt" is the library's file
    "bbc/tech/001.txt", not a file of /data/bbc outside it; and "/data/bbc/tech/001.txt",
    the file a link leads to, is that file too (`links`: looked for)."""
    for file, folder in (
        (Path(os.path.abspath(path)), Path(os.path.abspath(root))),
        (path.resolve(), root.resolve()),
    ):
        if file.is_relative_to(folder):
            return file, folder
    key = _key_through_link(path, root) if links else None
    if key is None:
        return None
    folder = Path(os.path.abspath(root))
    return folder / key, folder


def _key_through_link(path: Path, root: Path) -> str | None:
    """The library's key for `path`, a file outside `root` that a link in the library leads
    to ("/data/bbc/tech/001.txt" is "bbc/tech/001.txt" where bbc is a link to /data/bbc), or
    None. The library is walked without following its links: each is looked at, none entered."""
    real = path.resolve()
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            link = Path(folder, name)
            if not link.is_symlink():
                continue
            target = link.resolve()
            if real == target or real.is_relative_to(target):
                return (link.relative_to(root) / real.relative_to(target)).as_posix()
    return None


def cmd_show(args: argparse.Namespace) -> int:
    from newsread.index import UnreadableFile, read_articles

    out = _console()
    status = 0
    library = None
    # A file of the library is read as the library reads it: its key is its path there
    # (`show --library news news/a.txt` said "a.txt"), its source its folder. Looked up once,
    # and silently: a file named by its path needs no word on which library stands in.
    root = choose_library(args.library)[0]
    for target in args.targets:
        path = Path(target).expanduser()
        try:
            if path.exists():
                # The library is walked for its links only when it was named: a file shown
                # alone is no file of the configured library's.
                found = _in_library(path, root, links=args.library is not None)
                file, base = found or (path, path.parent)
                articles = read_articles(file, base)
            else:
                library = library or _open_library(args.library)
                _ensure_index(library, True)
                articles, base = library.find(target), library.root
                if not articles:
                    status = _fail(f"{target}: no such file, and no article with that id", 1)
                    continue
                changes = library.file_changes(article.path for article in articles)
                if "unreadable" in changes.values():
                    status = _fail(f"{target}: {_NOT_READABLE}", 1)
                    articles = [a for a in articles if changes.get(a.path) != "unreadable"]
        except (UnreadableFile, OSError) as error:
            status = _fail(f"{target}: {error}", 1)
            continue
        for article in articles:
            if args.json:
                answer = article_to_json(article, base)
                _print_json(answer)
                continue
            out.print(Text(sanitise_line(article.title), style="bold"))
            source = source_shown(article.source, from_folder(article.source, article.path))
            for label, value in (
                ("Source", source),
                ("Section", article.section),
                ("Published", _published(article)),
                ("Authors", ", ".join(article.authors)),
                ("Credit", article.credit),
                ("URL", article.url),
                ("Language", article.language),
                ("Path", shown_path(article.path, base)),
                ("Id", article.id),
            ):
                if value:
                    # One line each, however long: a URL cut in two no longer opens.
                    line = Text(f"{label}: ", style="dim") + Text(sanitise_line(value))
                    out.print(line, soft_wrap=True)
            out.print()
            for paragraph in article.paragraphs:
                out.print(Text(paragraph))
                out.print()
    return status


# -- export and import ------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from newsread.index import Library, QueryError
    from newsread.index.annotations import (
        AnnotationError,
        by_published,
        export_json,
        export_markdown,
    )
    from newsread.index.annotations.placing import cited_now, place_all
    from newsread.index.text import sanitise

    root = resolve_library(args.library)
    gone = not root.is_dir()  # the store still holds its annotations: export them as recorded
    if gone and args.query:
        return _fail(f"{root} is not a folder: --query searches it; export without --query")
    if gone:
        _warn(f"the library folder {root} is gone: its annotations are quoted as last read")
    library = Library(root) if gone else _open_library(str(root))
    try:
        if not gone:
            # It says which unattributed annotations are its own; with --all, which articles
            # it does not have (and who wrote those it has, for their citations).
            _ensure_index(library, True)
            _catch_up(library)
        store = _annotations(library)
        indexed = not gone and library.has_index()
        if indexed:
            # Positions and statuses as the library's text is now (files move and change).
            for problem in place_all(library, store).problems():
                _console(stderr=True).print(Text(f"warning: {problem}"), soft_wrap=True)
        wanted: set[str] | None = None
        if args.query:
            _ensure_index(library, True)
            results = library.search(
                args.query, limit=max(1, library.count()), facets=False, snippets=False
            )
            wanted = {hit.id for hit in results.hits}
        if args.tag:
            matches = store.articles_matching(tags=[args.tag])
            tagged = set(matches.include.ids) if matches.include is not None else set()
            wanted = tagged if wanted is None else wanted & tagged
        items = store.annotations(wanted, library=None if args.all else library.id)
        read = (
            store.read_marks(wanted, library=None if args.all else library.id)
            if args.format == "json"
            else []
        )
        if indexed:
            items = cited_now(library, items)
        elif gone:  # none of them is found in it now
            items = [replace(item, in_library=False) for item in items]
    except QueryError as error:
        return _fail(f"bad query: {error}")
    except AnnotationError as error:
        return _fail(f"annotations: {error}", 1)
    if not items and not read:
        return _fail(_nothing_exported(args, root), 1)
    exported = None if args.all else library.id
    if args.sort == "oldest":
        items = by_published(items)
    if args.format == "json":
        text = export_json(items, library=exported, read=read)
    else:
        tag = f"tag:{args.tag}" if args.tag else ""
        chosen = " ".join(part for part in (args.query, tag) if part)
        text = export_markdown(items, library=exported, query=chosen)
    if not args.output or args.output == "-":
        # Piped output ends up on a terminal too (`| less`, a file `cat` later).
        _write_all(escape_controls(text) if args.format == "json" else sanitise(text))
    else:
        target = Path(args.output).expanduser()
        own = _newsreads_own(target)
        if own:
            return _fail(f"{target} is {own}: write the export to another file", 2)
        if not args.force and _holds_other_work(target):
            return _fail(
                f"{target} exists and is not a newsread export: nothing written (choose "
                "another file, or add --force to replace it)",
                2,
            )
        try:
            _write_file(target, text)
        except OSError as error:
            return _fail(f"cannot write {target}: {error.strerror or error}", 1)
        count = sum(len(item.highlights) for item in items)
        articles = f"{len(items)} article{'' if len(items) == 1 else 's'}"
        marks = f", {len(read)} read mark{'' if len(read) == 1 else 's'}" if read else ""
        message = (
            f"exported {articles}, {count} highlight{'' if count == 1 else 's'}{marks} to {target}"
        )
        # One line, however long the path (wrapped at 80 columns when stderr is no terminal,
        # `exported … to` and the path came as two lines to a script or a log).
        _console(stderr=True).print(Text(sanitise_line(message)), soft_wrap=True)
    if args.format == "json":
        try:
            store.mark_exported(items)
        except AnnotationError as error:  # written; only an old copy may come back as new
            _warn(
                f"the export was written, but not recorded in the notes ({error}): imported"
                " here again after the notes change, its notes are kept beside them"
            )
    return 0 if items or read else 1


def _write_all(text: str) -> None:
    """`text` on standard output, every byte or an `OSError`.

    CPython's stdout hands a long text to the kernel in one write; on a nearly full disk (or
    past a file size limit) the kernel takes part of it, and the rest was dropped without an
    error: `export > notes.json` left a cut file and exited 0. Each write here takes the rest.

    An output that cannot take every character (a Latin-1 or ASCII locale's) is given UTF-8,
    as `--output` writes the file: `export > notes.md` stopped on the first note in Chinese.
    """
    stream = sys.stdout
    unicode = _unicode_output()
    encoding = (stream.encoding or "utf-8") if unicode else "utf-8"
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
        if not unicode and hasattr(stream, "buffer"):
            stream.flush()
            stream.buffer.write(text.encode(encoding))
        else:
            stream.write(text)
        return
    stream.flush()
    data = memoryview(text.encode(encoding, stream.errors or "strict"))
    while data:
        data = data[os.write(descriptor, data) :]


def _nothing_exported(args: argparse.Namespace, root: Path) -> str:
    """Why an export holds nothing: what it was narrowed by, or that nothing is annotated, and
    in which library (without --library it is the one opened last: a user who tagged in
    another was told "in this library" and no more)."""
    narrowed = [f"matching {args.query!r}"] if args.query else []
    narrowed += [f"tagged {args.tag!r}"] if args.tag else []
    name = path_key(root.name or str(root))
    where = (
        "in any library"
        if args.all
        else f"in this library ({name}; --library DIR exports another's, --all every library's)"
    )
    if narrowed:
        return f"nothing to export: no annotated article {' and '.join(narrowed)} {where}"
    return f"nothing to export: no article is annotated {where}"


def _write_file(target: Path, text: str) -> None:
    """Write the export to `target`: a file whole or not at all (a temporary file beside it,
    renamed over it), the file a symlink names (not the link: a synced copy kept through a
    link was left stale), and a FIFO or device (`/dev/stdout`) in place, never replaced."""
    try:
        regular = stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        regular = True  # a new file, or the one a dangling link names
    if not regular:
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(text)
        return
    real = Path(os.path.realpath(target))
    try:
        before: os.stat_result | None = os.stat(real)
    except OSError:
        before = None
    # A name of its own (two exports to one file at once shared `.notes.json.tmp`: one
    # wrote into the other's copy, or renamed it away under it), in the same folder so that
    # the rename is atomic; `mkstemp` makes it 0600.
    handle, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    tmp = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        if before is not None:
            _keep_access(tmp, before)
        tmp.replace(real)
    except OSError:
        tmp.unlink(missing_ok=True)  # not a hidden copy of the notes left beside it
        raise


def _keep_access(tmp: Path, before: os.stat_result) -> None:
    """Give the new copy of an export the group and mode of the file it replaces: a team's
    `notes/alice.md` (0640, the team's group) became 0600 at the next export, and the others
    could no longer read it. A new export stays the user's alone (0600)."""
    with suppress(OSError):
        os.chown(tmp, -1, before.st_gid)
    mode = stat.S_IMODE(before.st_mode)
    if tmp.stat().st_gid != before.st_gid:
        mode &= ~0o070  # not the group's: its bits would go to another group
    os.chmod(tmp, mode)


def _holds_other_work(target: Path) -> bool:
    """Whether `target` is a file with something in it other than an earlier export.

    `-o notes.md` replaced whatever `notes.md` held: a user's own notes, written by hand, were
    gone without a word. An earlier export is replaced (exporting again to the same file is
    how an export is kept up to date); an empty file, a FIFO or a device are written to.
    """
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return False
        with open(target, "rb") as stream:
            head = stream.read(4096)
    except OSError:  # none there, or unreadable: the write says what is wrong
        return False
    if not head.strip():
        return False
    try:
        text = _json_text(head)  # UTF-8, or the UTF-16 of PowerShell's `>`
    except UnicodeDecodeError:  # cut in a character, or not text
        text = head.decode("utf-8", "replace")
    return not (text.startswith("# Highlights") or '"label": "newsread annotations"' in text)


def _newsreads_own(target: Path) -> str:
    """What of newsread's own `target` is (its notes, its session, an index), or ""."""
    from newsread.index import paths

    where = target.resolve()
    folders = (
        (paths.data_dir(), "in newsread's data folder (your notes and session)"),
        (paths.cache_dir(), "in newsread's cache (its indexes)"),
    )
    for folder, what in folders:
        if where.is_relative_to(folder.resolve()):
            return what
    return ""


def _json_text(data: bytes) -> str:
    """A JSON file's text: UTF-8, or UTF-16/32 as its byte order mark says (Windows
    PowerShell's `newsread export > file` writes UTF-16)."""
    for mark, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(mark):
            return data.decode(encoding)
    return data.decode("utf-8-sig")


def _store_file(path: Path, data: bytes) -> bool:
    """Whether `data` is an SQLite file, or one named as one (a damaged copy may not say)."""
    return data.startswith(b"SQLite format 3\x00") or ".sqlite" in path.name


def _import_from(path: Path, library_arg: str | None) -> tuple[bool, str, Any, Any] | int:
    """What `import` needs before it merges anything: whether `path` is a store file, its
    text if JSON, the library and its store; else the exit code, the trouble said."""
    from newsread.index.annotations import AnnotationError

    try:
        data = path.read_bytes()
        # A store file (a .replaced-* or .corrupt-* copy newsread kept, a backup) or JSON.
        copy = _store_file(path, data)
        text = "" if copy else _json_text(data)
    except OSError as error:
        return _fail(f"cannot read {path}: {error.strerror or error}")
    except UnicodeDecodeError as error:
        return _fail(f"cannot read {path}: not UTF-8 text (byte {error.start + 1})")
    library = _open_library(library_arg)
    try:
        store = _annotations(library)
    except AnnotationError as error:  # the store's trouble (a full disk), not the file's
        return _fail(f"nothing imported from {path}: {error}", 1)
    return copy, text, library, store


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    try:
        from newsread.index.annotations import AnnotationError, import_json, import_store
        from newsread.index.annotations.placing import find_article, place_all

        opened = _import_from(path, args.library)
    except KeyboardInterrupt:  # ctrl+c while loading, reading or opening: nothing merged yet
        return _fail(f"stopped: nothing imported from {path} (run the import again)", 130)
    if isinstance(opened, int):
        return opened
    copy, text, library, store = opened

    def find(info: Any) -> Any:
        _ensure_index(library, True)
        return find_article(library, info)

    try:
        if copy:
            summary = import_store(store, path, find=find)
        else:
            summary = import_json(store, text, find=find)
    except AnnotationError as error:
        return _fail(f"{path}: {error}")
    except KeyboardInterrupt:  # ctrl+c: the one transaction was rolled back
        return _fail(f"stopped: nothing imported from {path} (run the import again)", 130)
    stopped = False
    others: list[str] = []
    try:
        if summary.added or summary.updated or summary.both or summary.restored:
            # Attach what was imported: find each article in the library, anchor the quote.
            _ensure_index(library, True)
            place_all(library, store)
        if summary.elsewhere:
            # Made in a folder this machine does not have: this library takes those of its
            # own articles (the same library, kept at another path there).
            _ensure_index(library, True)
            library.claim_annotations()
            held = store.articles_by_library()
            others = sorted(name for name in summary.elsewhere if name in held)
    except AnnotationError as error:
        return _fail(f"{path}: {error}")
    except KeyboardInterrupt:  # imported: what is not placed yet is, when its article opens
        stopped = True
    out = _console()
    out.print(
        Text(
            f"imported {sanitise_line(str(path))}: {summary.added} added, "
            f"{summary.updated} updated, {summary.unchanged} already there, "
            f"{len(summary.errors)} not understood"
        ),
        soft_wrap=True,
    )
    if summary.read:
        articles = f"{summary.read} article{'' if summary.read == 1 else 's'}"
        out.print(Text(f"  {articles} marked read, as in {path.name}"), soft_wrap=True)
    if summary.both:
        notes = f"{summary.both} note{'' if summary.both == 1 else 's'}"
        out.print(
            Text(
                f"  {notes} of yours differed from the imported one: kept both "
                "(the imported text, then ---, then yours)",
                style="yellow",
            ),
            soft_wrap=True,
        )
    if others:
        named = ", ".join(sanitise_line(name) for name in others)
        out.print(
            Text(
                f"  annotations made in {'another library' if len(others) == 1 else 'other libraries'}"
                f" ({named}) are kept as {'its' if len(others) == 1 else 'theirs'}, not this"
                " library's: `newsread export --all` lists them",
                style="yellow",
            ),
            soft_wrap=True,
        )
    if summary.restored:
        restored = f"{summary.restored} highlight{'' if summary.restored == 1 else 's'}"
        out.print(
            Text(
                f"  {restored} you deleted here had {'its' if summary.restored == 1 else 'their'}"
                " note edited there since: brought back with the edit (delete again to drop it)",
                style="yellow",
            ),
            soft_wrap=True,
        )
    for problem in summary.errors:
        out.print(Text(f"  {sanitise_line(str(problem))}", style="yellow"), soft_wrap=True)
    if stopped:
        return _fail(
            "stopped while placing the highlights imported in their articles: each is placed"
            " when its article is opened",
            130,
        )
    # Not all of it is here: `newsread import notes.json && rm notes.json` lost what was not
    # understood (said on stdout, exit 0, the file deleted).
    return 1 if summary.errors else 0


# -- entry point -----------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsread",
        description="A keyboard-driven terminal news reader and annotator.",
        epilog="Run 'newsread COMMAND --help' for a command's options. "
        "With no command, opens the app on LIBRARY (default: the configured library, "
        "else the bundled sample articles).",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", help="index a library folder (only new and changed files)")
    p.add_argument("library", nargs="?", help="the folder of articles")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("search", help="search a library and print the hits")
    p.add_argument(
        "query",
        nargs="+",
        help="words, quoted or not: kelmor harbour, 'title:putin date:2017' (-- before a "
        "query that starts with -)",
    )
    p.add_argument("--library", "-l", help="the folder of articles")
    p.add_argument(
        "--sort",
        choices=("relevance", "newest", "oldest", "date"),
        default="relevance",
        help="date is newest first",
    )
    p.add_argument("--limit", "-n", type=_positive, default=10, help="hits to print (10)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--fold",
        action="store_true",
        help="one line per story: its best hit, with the other versions' sources",
    )
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("similar", help="the articles most like one article (more like this)")
    p.add_argument("target", metavar="ID|PATH", help="the article's id or path in the library")
    p.add_argument("--library", "-l", help="the folder of articles")
    p.add_argument("--limit", "-n", type=_positive, default=10, help="hits to print (10)")
    p.add_argument("--json", action="store_true", help="print one JSON object, as search does")
    p.set_defaults(run=cmd_similar)

    p = sub.add_parser("show", help="print articles as newsread understands them")
    p.add_argument("targets", nargs="+", metavar="PATH|ID", help="article files or ids")
    p.add_argument("--library", "-l", help="the library to look ids up in")
    p.add_argument("--json", action="store_true", help="one JSON object per article per line")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("export", help="export highlights and notes with citations")
    p.add_argument(
        "--format",
        choices=("md", "json"),
        default="md",
        help="Markdown (md) or W3C Web Annotation JSON-LD (json)",
    )
    p.add_argument("--query", "-q", help="only articles matching this search")
    p.add_argument("--tag", "-t", help="only articles with this tag")
    p.add_argument(
        "--sort",
        choices=("annotated", "oldest"),
        default="annotated",
        help="articles in the order first annotated (default), or oldest published first",
    )
    p.add_argument(
        "--output",
        "-o",
        help="write to this file (default: standard output); an earlier export there is "
        "replaced, any other file kept unless --force",
    )
    p.add_argument(
        "--force", action="store_true", help="replace the --output file whatever it holds"
    )
    p.add_argument(
        "--library",
        "-l",
        help="export what was annotated in this library, and search it with --query "
        "(default: the library newsread opens: config.toml's, else the last one, else the "
        "sample articles)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="export what was annotated in every library (--query still searches one)",
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "import",
        help="merge an exported JSON file of annotations back in, or another annotations "
        "database (a .replaced-* or .corrupt-* copy newsread kept, a backup)",
    )
    p.add_argument("file", metavar="FILE.json|FILE.sqlite3")
    p.add_argument(
        "--library",
        "-l",
        help="the library the annotations belong to, recorded with them "
        "(default: the library newsread opens)",
    )
    p.set_defaults(run=cmd_import)
    return parser


_SEARCH_OPTIONS = {
    "--library": True,
    "-l": True,
    "--sort": True,
    "--limit": True,
    "-n": True,
    "--json": False,
    "--fold": False,
    "-h": False,
    "--help": False,
}
"""`newsread search`'s options, and whether each takes a value."""

_LONG_OPTION = re.compile(r"--[A-Za-z]")
"""An option's name, long: a query's words start so only by mistake (`-- --word` searches it)."""


def search_argv(argv: list[str]) -> list[str]:
    """`["search", ...]` with its options first and every other word after `--`.

    So the query needs no quotes, as with notmuch and recoll, and may hold words that start
    with "-" (`election -bank`): argparse alone would take "-bank" for an unknown option.
    """
    options: list[str] = []
    words: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
        if _LONG_OPTION.match(name) and name not in _SEARCH_OPTIONS:
            # `--lib DIR` (argparse takes it for --library in every other command) or a typo
            # (`--limt 5`) was searched for, the option's value with it: "No articles match".
            # The whole name or the typo goes to argparse, which says what is wrong.
            whole = [option for option in _SEARCH_OPTIONS if option.startswith(name)]
            name = whole[0] if len(whole) == 1 else name
            arg = name + arg[len(arg.split("=", 1)[0]) :]
            if name not in _SEARCH_OPTIONS:
                options.append(arg)
                continue
        takes_value = _SEARCH_OPTIONS.get(name)
        if arg == "--":
            words.extend(rest)
        elif takes_value is not None and (arg == name or takes_value):  # -n 5, -n5, --sort=x
            options.append(arg)
            if takes_value and arg == name:  # the value is the next argument
                value = next(rest, None)
                if value is not None:
                    options.append(value)
        else:
            words.append(arg)
    return [argv[0], *options, "--", *words]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsread",
        description="Open the newsread app on LIBRARY. Commands: " + ", ".join(COMMANDS) + ".",
    )
    parser.add_argument("library", nargs="?", help="the folder of articles")
    parser.add_argument("--version", action=_Version)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    closed = _cover_closed_streams()
    # Everything newsread creates (index, notes, state, exports) is the user's alone.
    os.umask(0o077)
    _forgiving_output()
    measure_spacing_marks()  # the lines printed are cut to the terminal's width as it draws them
    # What the library logs would reach the terminal raw (and under the app, through its
    # screen); whatever the user must know, newsread tells them itself, on one line.
    logging.getLogger("newsread").addHandler(logging.NullHandler())
    try:
        if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
            if argv[0] == "search":
                argv = search_argv(argv)
            try:
                args = _parser().parse_args(argv)
                refused = _refused()
            except KeyboardInterrupt:
                return stopped_before_starting(argv)
            if refused:
                return refused
            if 1 in closed and _prints_results(args):
                # As `cat >&-` fails: a search that printed nowhere exited 0 ("found"), and an
                # export said "unexpected error: AttributeError".
                return _fail("cannot write the output: standard output is closed", 1)
            return int(args.run(args))
        args = _app_parser().parse_args(argv)
        return _refused() or run_app(args.library)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Python would report the failed flush of stdout at exit: point it at nothing.
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, no traceback
        from newsread.index import LibraryError

        if isinstance(error, LibraryError):
            return _fail(str(error))
        if _output_failed(error):
            # Not the index's or the notes' disk (those say so themselves): the output's, sent to
            # a full disk (`> file`, /dev/full). What is left of it is dropped, or Python would
            # report the failed flush again at exit.
            with suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return _fail(f"cannot write the output: {error.strerror or error}", 1)
        return _fail(_failure_line(error) or "", 1)


def _failure_line(error: Exception) -> str | None:
    """What `main` says on stderr of a command that failed with `error`: the library's own
    sentence, or the unexpected error's type and words; None when the output itself failed
    (a closed pipe, a full disk), where nothing more can be written."""
    from newsread.index import LibraryError

    if isinstance(error, LibraryError):
        return str(error)
    if isinstance(error, BrokenPipeError) or _output_failed(error):
        return None
    return f"unexpected error: {type(error).__name__}: {error}"


def _output_failed(error: Exception) -> TypeGuard[OSError]:
    """Whether `error` is the output's disk out of room (`> file`, /dev/full)."""
    return isinstance(error, OSError) and error.errno in _NO_ROOM


def _cover_closed_streams() -> set[int]:
    """The standard streams (0, 1, 2) that were closed when newsread started, each given
    /dev/null: else the next file opened (the index, the notes' database) would take its
    number, and whatever writes to that stream (a child process's output) would write into it."""
    closed = set()
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            closed.add(descriptor)
            with suppress(OSError):
                null = os.open(os.devnull, os.O_RDWR)
                if null != descriptor:
                    os.dup2(null, descriptor)
                    os.close(null)
    return closed


def _prints_results(args: argparse.Namespace) -> bool:
    """Whether the command's results are what it writes to standard output."""
    if args.command == "export":
        return not args.output or args.output == "-"
    return bool(args.command in ("search", "similar", "show"))


def _screen_in_the_terminals_letters() -> None:
    """On a terminal that cannot take every character (a Latin-1 or ASCII locale's), the
    app's frame lines, arrows and dots are drawn as `?`, one a cell: Textual writes through
    standard error, whose `backslashreplace` turned each `─` into the six letters `\u2500`,
    and every line of the screen ran over its width into the next."""
    stream = sys.__stderr__
    if not _unicode(stream):
        with suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _refused() -> int:
    """Another user's files in newsread's folders (a `sudo newsread` that kept HOME), or root
    about to write into a user's: said with the way out before anything is opened (the
    index, the notes), else 0."""
    from newsread.index import ownership_problem, paths

    problem = paths.home_problem() or ownership_problem()
    return _fail(problem) if problem else 0


_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def run_app(library: str | None) -> int:
    root, notice = choose_library(library)
    if not root.is_dir():
        from newsread.index import folder_problem

        if root.exists():
            return _fail(f"{folder_problem(root)}; give newsread a folder of saved articles")
        return _fail(f"{folder_problem(root)}: its index and notes are kept as they were")
    if os.environ.get("TERM", "") in ("dumb", "unknown"):
        return _fail(
            f"TERM={os.environ['TERM']}: newsread needs a full-screen terminal; "
            "'newsread search QUERY' prints results as plain lines"
        )
    missing = _no_terminal()
    if missing:
        return _fail(
            f"{missing} is not a terminal: newsread needs one; "
            "'newsread search QUERY' prints results as plain lines"
        )
    tty = sys.stdout.isatty()
    if tty:
        # Textual sizes the screen with shutil.get_terminal_size, which prefers COLUMNS and
        # LINES to the terminal: exported, they would pin the app to one size for good.
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
        # The app's imports and first frame take seconds on a cold start (5 s of blank screen
        # on a first launch over 21k files): a line says what is coming, erased after.
        name = sanitise_line(path_key(root.name or str(root)))
        sys.stdout.write(f"newsread: opening {name}…")
        sys.stdout.flush()
    _size_for_a_terminal_of_none()
    _screen_in_the_terminals_letters()
    indexing = start_indexing_if_new(root)
    try:
        from newsread.tui.app import GC_THRESHOLDS, NewsreadApp

        gc.set_threshold(*GC_THRESHOLDS)
        app = NewsreadApp(root, indexing=indexing, notice=notice)
        app.run()
    finally:
        if tty:
            sys.stdout.write("\r\x1b[K")
            sys.stdout.flush()
        if indexing is not None:  # the app followed it to its end, or quit before it could
            indexing.stop(on_wait=_saving_the_batch)
    if app.parting:
        _warn(app.parting)
    return app.return_code or 0


def _no_terminal() -> str:
    """What the app needs a terminal for and has none: it reads keys from standard input and
    draws on standard error (Textual's screen); "" when both are one. Without, it ran for
    ever: drawing into a pipe, or waiting for keys /dev/null never gives."""
    for name, stream in (("standard input", sys.stdin), ("standard error", sys.__stderr__)):
        try:
            if stream is None or not stream.isatty():
                return name
        except ValueError:  # closed
            return name
    return ""


def _size_for_a_terminal_of_none() -> None:
    """A terminal that gives no size (`stty size` says 0 0: a serial line, a client that
    sent none) is drawn at 80x24. Left alone, Rich took it for 80x25 and Textual's driver
    for 80x24, and every layout flipped the screen between the two: a busy loop that no key
    got through."""
    if sys.__stderr__ is None:
        return
    try:
        columns, lines = os.get_terminal_size(sys.__stderr__.fileno())
    except (OSError, ValueError):
        return
    if columns <= 0:
        os.environ["COLUMNS"] = "80"
    if lines <= 0:
        os.environ["LINES"] = "24"


def _saving_the_batch() -> None:
    _warn(
        "saving the articles indexed so far (ctrl+c stops at once, and they are read again next time)…"
    )


def start_indexing_if_new(root: Path) -> Indexing | None:
    """A new library's first update, started before the app is even imported: the app's
    imports and first frame take most of a second, in which the child imports the index and
    opens the library; it reads once the app has painted (`Indexing.go`). None for a library
    indexed before (the app looks for changes itself, and most launches have none)."""
    from newsread.index import paths

    index_dir = paths.index_dir(root)
    if (index_dir / "newsread.json").exists():
        return None
    from newsread.index import Indexing  # (multiprocessing: only for a new library)

    return Indexing(root, index_dir, held=True)


if __name__ == "__main__":
    sys.exit(main())
