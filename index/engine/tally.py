"""How many matches hold each value of a column (facets, the timeline), counted in numpy.

A column (one value per document: a source, a year, a day) is coded once as small integers,
and a search's matches are counted with one `bincount` of their codes: Python objects are
made per distinct value, not per match (a common word matches most of 100,000 articles).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Any

from newsread.index.engine.hits import numpy_module

KEPT_COLUMNS = 12
"""Columns whose codes are kept (a searcher's five, for a few searchers): ~4 bytes a
document each."""
_codes: OrderedDict[int, tuple[Sequence[Hashable], Any, list[Hashable]]] = OrderedDict()
_lock = threading.Lock()


def counts(values: Sequence[Hashable], docs: Any) -> dict[Hashable, int]:
    """Each value of `values` (a column) held by at least one of `docs` (an integer array of
    document numbers, each once) -> how many of them hold it."""
    np = numpy_module()
    codes, distinct = _coded(values)
    tally = np.bincount(codes[docs], minlength=len(distinct))
    held = np.flatnonzero(tally)
    return dict(zip(map(distinct.__getitem__, held.tolist()), tally[held].tolist(), strict=True))


def _coded(values: Sequence[Hashable]) -> tuple[Any, list[Hashable]]:
    """The column's values as codes (int32, one per document) and the value of each code;
    kept while the column is (a column is never changed once made: its id names it)."""
    with _lock:
        found = _codes.get(id(values))
        if found is not None and found[0] is values:
            _codes.move_to_end(id(values))
            return found[1], found[2]
    np = numpy_module()
    index: dict[Hashable, int] = {}
    codes = np.fromiter(
        (index.setdefault(v, len(index)) for v in values), np.int32, count=len(values)
    )
    distinct = list(index)
    with _lock:
        _codes[id(values)] = (values, codes, distinct)  # holds `values`: its id stays its
        while len(_codes) > KEPT_COLUMNS:
            _codes.popitem(last=False)
    return codes, distinct
