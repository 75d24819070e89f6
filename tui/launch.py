"""The `newsread` command's entry point.

ctrl+c pressed while Python still loads newsread (the first second or so on a loaded
machine) ends it with exit code 130, as it does later, not with a traceback from somewhere
in an import; quietly, but for `import`, which says that nothing was imported (later it says
what was).

Under a locale that is not UTF-8 (`LANG=en_US.ISO-8859-1`, as an SSH session may bring),
Python spells file names in the locale's encoding: a name it cannot encode (Chinese, "ő", a
name an index built under UTF-8 holds) stopped `os.stat` with a UnicodeEncodeError, and the
same library's paths were other strings under another locale. So newsread runs itself again
in Python's UTF-8 mode (`-X utf8`) first: the same process (`os.execv`: exit codes and
signals are its own), the same argument bytes, and standard input and output still in the
locale's encoding, which is what the terminal takes.
"""

from __future__ import annotations

import codecs
import importlib
import os
import sys
import unicodedata
from collections.abc import Sequence
from contextlib import suppress

READABLE = "newsread.readable"
"""The error handler of standard error on a terminal that cannot take every character: what
the terminal can show of a message, readable (`...` for `…`), `?` for the rest."""

_PLAIN = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
_PLAIN |= {"\u2192": "->", "\u2190": "<-", "\u2212": "-", "\u00a0": " "}

LOCALE_STDIO = "NEWSREAD_LOCALE_STDIO"
"""Set by a newsread that runs itself again in UTF-8 mode, for that run alone: the encoding
and error handler ("iso8859-1:strict") its standard input and output had."""


def main() -> int:
    _run_again_in_utf8_mode()
    _stdio_as_the_locale_has_it()
    try:
        cli = importlib.import_module("newsread.tui.cli")
    except KeyboardInterrupt:
        return stopped_before_starting(sys.argv[1:])
    return int(cli.main())


def utf8_mode_command() -> list[bytes] | None:
    """The command line that runs this newsread again in UTF-8 mode: the interpreter's own
    options and arguments as they came (their bytes, `os.fsencode`), `-X utf8` added. None
    when file names are UTF-8 already (or UTF-8 mode is on: it happens once), or when Python
    runs something else that called `main` (a test): only the `newsread` script runs again."""
    if sys.flags.utf8_mode or codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
        return None
    if getattr(sys.modules.get("__main__"), "main", None) is not main:
        return None
    interpreter = os.fsencode(sys.executable)
    if not interpreter:
        return None
    return [interpreter, b"-X", b"utf8", *(os.fsencode(arg) for arg in sys.orig_argv[1:])]


def _run_again_in_utf8_mode() -> None:
    command = utf8_mode_command()
    if command is None:
        return
    stdout = sys.stdout
    if "PYTHONIOENCODING" not in os.environ and stdout is not None:
        os.environ[LOCALE_STDIO] = f"{stdout.encoding}:{stdout.errors}"
    try:
        os.execv(command[0], command)
    except OSError:  # the interpreter cannot be run again: carry on as before
        os.environ.pop(LOCALE_STDIO, None)


def _stdio_as_the_locale_has_it() -> None:
    """Run again in UTF-8 mode (`_run_again_in_utf8_mode`), standard input and output take the
    encoding they had before (UTF-8 mode makes them UTF-8, which a Latin-1 terminal shows
    as "Ã©"); standard error shows what it can of a message (`READABLE`). The variable goes, so that
    what newsread starts (an editor) has the environment the user gave."""
    spec = os.environ.pop(LOCALE_STDIO, None)
    if not spec or not sys.flags.utf8_mode:
        return
    encoding, _, errors = spec.partition(":")
    for stream, handler in (
        (sys.stdin, errors),
        (sys.stdout, errors),
        (sys.stderr, READABLE),
    ):
        with suppress(AttributeError, ValueError, LookupError):
            stream.reconfigure(encoding=encoding, errors=handler or "strict")  # type: ignore[union-attr]


def readable(error: UnicodeError) -> tuple[str, int]:
    """`READABLE`: each character the encoding cannot take as its plain spelling (`…` as its
    compatibility form `...`, a dash as `-`, a curly quote as `'`) when the encoding can take
    that, else `?`: never the `\\u2026` escapes of Python's `backslashreplace`."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = []
    for char in error.object[error.start : error.end]:
        plain = _PLAIN.get(char) or unicodedata.normalize("NFKC", char)
        try:
            plain.encode(error.encoding)
        except (UnicodeError, LookupError):
            plain = "?"
        shown.append(plain)
    return "".join(shown), error.end


codecs.register_error(READABLE, readable)


def stopped_before_starting(argv: Sequence[str]) -> int:
    """ctrl+c before the command began (loading, reading its arguments): 130, and for
    `import` a line saying nothing was imported (plain: the console library may not be
    loaded)."""
    if argv and argv[0] == "import":
        try:
            sys.stderr.write("newsread: stopped: nothing imported (run the import again)\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    return 130
