"""The `newsread` command's entry point: ctrl+c pressed while Python still loads newsread
(the first few tenths of a second) ends it quietly with exit code 130, as it does later,
not with a traceback from somewhere in an import."""

from __future__ import annotations

import importlib


def main() -> int:
    try:
        cli = importlib.import_module("newsread.tui.cli")
    except KeyboardInterrupt:
        return 130
    return int(cli.main())
