"""Cooperative cancellation of a search: a token the slow loops ask, never a thread killed.

A search running in a worker thread cannot be interrupted from outside; instead it is given
`cancelled`, a function answering whether anyone still wants its answer (the app passes its
worker's `is_cancelled`), and the loops that can run long (posting lists, Whoosh's matchers,
the count and facet pass, snippets) call `check` between pieces of work.
"""

from __future__ import annotations

from collections.abc import Callable

from newsread.index.results import SearchCancelled

Cancelled = Callable[[], bool]
"""Answers True once the search's answer is no longer wanted."""


def check(cancelled: Cancelled | None) -> None:
    """Raise `SearchCancelled` if `cancelled` says so."""
    if cancelled is not None and cancelled():
        raise SearchCancelled
