"""Cells as the terminal counts them, where Rich counts otherwise (no Textual here: the
shell commands measure their lines with it too)."""

from __future__ import annotations

import importlib
import unicodedata
from typing import Any

import rich.cells

_MEASURED: set[int] = set()
"""The cell tables `measure_spacing_marks` has corrected (by `id`)."""


def measure_spacing_marks() -> None:
    """Have Rich, and Textual that measures with it, give a spacing mark its cell.

    Every Indic script writes its vowel signs as spacing marks (Unicode category Mc: ा ि ी in
    Hindi, া in Bengali, ா in Tamil); Rich's tables give them no cell, as for an accent, while
    glibc's wcwidth, tmux, xterm and VTE draw each in a cell of its own. A Hindi line was laid
    out a few cells shorter than the terminal drew it: its end ran under the border, and the
    words there were never shown. The tables Rich reads are corrected in place, once."""
    table = _cell_widths()
    if id(table) in _MEASURED:
        return
    widths: list[tuple[int, int, int]] = []
    for start, end, width in table:
        if width != 0:
            widths.append((start, end, width))
            continue
        run_start = start
        for code in range(start, end + 1):
            char = chr(code)
            if unicodedata.category(char) != "Mc":
                continue
            if run_start < code:
                widths.append((run_start, code - 1, 0))
            wide = unicodedata.east_asian_width(char) in ("W", "F")
            widths.append((code, code, 2 if wide else 1))
            run_start = code + 1
        if run_start <= end:
            widths.append((run_start, end, 0))
    table[:] = widths
    _MEASURED.add(id(table))
    rich.cells.get_character_cell_size.cache_clear()
    rich.cells.cached_cell_len.cache_clear()


def _cell_widths() -> list[Any]:
    """The list of (first, last, cells) ranges Rich measures with: the current Unicode
    version's table (Rich 15), else the one table of Rich 14 (`textual` takes 14.2 and up)."""
    load = getattr(rich.cells, "load_cell_table", None)
    if load is not None:
        widths: list[Any] = load().widths
        return widths
    older: list[Any] = importlib.import_module("rich._cell_widths").CELL_WIDTHS
    return older
