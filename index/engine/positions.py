"""Whoosh's `Positions` posting values (a count and a pickled list of position deltas)
decoded, many at a time where it can."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any


def position_deltas(format_: Any) -> Callable[[Sequence[bytes]], list[list[int]]]:
    """A function from posting values to their positions as deltas (the first one absolute):
    for Whoosh's plain `Positions` format every value's pickle is read by one `pickle.loads`
    (a value is a count and a pickled list; their bodies joined make a pickled list of lists),
    which is half the cost of a call per value; other formats go through their own decoder.
    """
    from pickle import UnpicklingError, loads

    from whoosh.formats import Positions
    from whoosh.system import _INT_SIZE

    one = position_decoder(format_)

    def each(values: Sequence[bytes]) -> list[list[int]]:
        return [[p - q for p, q in zip(ps, [0, *ps], strict=False)] for ps in map(one, values)]

    if type(format_) is not Positions:
        return each
    cut = slice(_INT_SIZE, -1)
    last = slice(-1, None)

    def batch(values: Sequence[bytes]) -> list[list[int]]:
        if not values:
            return []
        # Each value ends with pickle's STOP (b"."), cut off so that one load reads them all;
        # a value without it (an older writer) is read one at a time.
        if b"".join(map(operator.itemgetter(last), values)) != b"." * len(values):
            return each(values)
        body = b"".join(map(operator.itemgetter(cut), values))
        try:
            found = loads(b"(" + body + b"l.")
        except (UnpicklingError, ValueError, EOFError):
            return each(values)
        if len(found) != len(values) or not all(map(list.__instancecheck__, found)):
            return each(values)
        return found  # type: ignore[no-any-return]

    return batch


def position_decoder(format_: Any) -> Callable[[Any], list[int]]:
    """A function from a posting value to its positions: the field format's own
    `decode_positions`, or for Whoosh's plain `Positions` format the same in C (its deltas
    summed by `accumulate`, not a Python loop)."""
    from pickle import loads

    from whoosh.formats import Positions
    from whoosh.system import _INT_SIZE

    if type(format_) is not Positions:
        return format_.decode_positions  # type: ignore[no-any-return]

    def decode(value: bytes) -> list[int]:
        if not value.endswith(b"."):
            value += b"."
        return list(accumulate(loads(value[_INT_SIZE:])))

    return decode
