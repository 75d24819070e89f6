"""The `newsread` command's entry point: ctrl+c pressed while Python still loads newsread
(the first second or so on a loaded machine) ends it with exit code 130, as it does later,
not with a traceback from somewhere in an import; quietly, but for `import`, which says that
nothing was imported (later it says what was)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence


def main() -> int:
    try:
        cli = importlib.import_module("newsread.tui.cli")
    except KeyboardInterrupt:
        return stopped_before_starting(sys.argv[1:])
    return int(cli.main())


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
