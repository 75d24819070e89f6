"""Writing a segment's postings a term at a time, in Whoosh's own file format.

Whoosh writes a segment through `FieldWriter.add_postings`: a stream of single postings
`(field, term, document, weight, value)`, five Python calls each (`add`, `add_posting` with
its type checks, the document's length read back from the new segment) before a block of 128
is pickled and compressed. In a 5k build's profile that was 40% of the sub-writers' CPU and
most of the post-build merge's. Here a term comes whole (its document numbers, weights and
values as lists), and each block's buffers and statistics are set in one step from slices
for Whoosh's `W3PostingsWriter._write_block` (pickle and zlib) to encode; a term of one block
(most terms: names, typos, rare words) is encoded and written here in one step, the same way.
The files are byte for byte what Whoosh writes (tests/test_posting_writer.py holds them to it
on random documents), so every reader, Whoosh's and `postings.py`'s, reads them.

`available()` says whether the installed Whoosh has what this needs; callers fall back to
Whoosh's own `add_postings` when it does not.
"""

from __future__ import annotations

import operator
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from heapq import merge
from itertools import groupby
from operator import itemgetter
from typing import Any

from newsread.index.engine import phrase_keys

TermPostings = tuple[str, bytes, Sequence[int], Sequence[float], Sequence[bytes | None]]
"""One term's postings in a segment: field, term, document numbers (ascending), weights and
values (None or b"" for none), the three sequences of equal length."""


def available(fieldwriter: Any) -> bool:
    """Whether `fieldwriter` is Whoosh's W3 field writer as this module knows it."""
    try:
        from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter
    except ImportError:
        return False
    return (
        type(fieldwriter) is W3FieldWriter
        and all(hasattr(W3FieldWriter, name) for name in ("start_field", "start_term"))
        and hasattr(W3PostingsWriter, "_write_block")
    )


def write_terms(
    fieldwriter: Any,
    schema: Any,
    lengths: Callable[[str], Sequence[int] | None],
    terms: Iterable[TermPostings],
) -> None:
    """Write `terms` (in (field, term) order) to a segment, as `fieldwriter.add_postings`
    would write the same postings one by one. `lengths(field)` is every document's length
    byte in the segment (`whoosh_internals.length_column`; each block keeps its documents'
    shortest and longest), or None when it keeps none. The segment's phrase keys
    (`phrase_keys`) are written beside it."""
    keys = _keys_writer(fieldwriter)
    try:
        _write_terms(fieldwriter, schema, lengths, terms, keys)
    except BaseException:
        if keys is not None:
            keys.abandon()
        raise
    if keys is not None:
        keys.close()


def _write_terms(
    fieldwriter: Any,
    schema: Any,
    lengths: Callable[[str], Sequence[int] | None],
    terms: Iterable[TermPostings],
    keys: phrase_keys.Writer | None,
) -> None:
    """`write_terms`, adding the keyed words' postings to `keys`."""
    from whoosh.codec.base import OutOfOrderError

    lastfn: str | None = None
    lasttext = b""
    field_lengths: Sequence[int] | None = None
    keyed = False
    for fieldname, btext, ids, weights, values in terms:
        if fieldname != lastfn:
            if lastfn is not None:
                if fieldname < lastfn:
                    raise OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
            field_lengths = lengths(fieldname)
            blocklimit = fieldwriter._postwriter._blocklimit
            fixed = fieldwriter._format.fixed_value_size()
            keyed = keys is not None and phrase_keys.keyable(fieldwriter._format)
        elif btext <= lasttext:
            raise OutOfOrderError(f"Term {fieldname}:{lasttext!r} .. {fieldname}:{btext!r}")
        lasttext = btext
        if not ids:
            raise ValueError(f"term {fieldname}:{btext!r} has no postings")
        if keyed and keys.wants(ids):  # type: ignore[union-attr]
            keys.add(fieldname, btext, ids, values)  # type: ignore[union-attr]
        if len(ids) <= blocklimit:
            _write_one_block(fieldwriter, fixed, btext, ids, weights, values, field_lengths)
            continue
        fieldwriter.start_term(btext)
        _write_blocks(fieldwriter._postwriter, ids, weights, values, field_lengths)
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


def _keys_writer(fieldwriter: Any) -> phrase_keys.Writer | None:
    """The writer of the segment's phrase keys; None without numpy or a folder to write in.
    (numpy is imported by the first word keyed: a small update's segment has none.)"""
    from importlib.util import find_spec

    if find_spec("numpy") is None:
        return None
    storage, segment = (
        getattr(fieldwriter, "_storage", None),
        getattr(fieldwriter, "_segment", None),
    )
    if segment is None or not getattr(storage, "folder", None):  # RamStorage has no files
        return None
    return phrase_keys.Writer(storage, segment)


def _write_blocks(
    postwriter: Any,
    ids: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes | None],
    field_lengths: Sequence[int] | None,
) -> None:
    """Fill `postwriter`'s block buffers as `add_posting` would, a block at a time; the
    last block stays buffered for `finish_postings` (which marks it the last)."""
    from whoosh.util.numeric import byte_to_length

    limit = postwriter._blocklimit
    count = len(ids)
    for start in range(0, count, limit):
        if start:  # add_posting writes the full buffer when the next posting comes
            postwriter._write_block()
        end = min(start + limit, count)
        block_ids = ids[start:end]
        block_weights = weights[start:end]
        postwriter._ids = array("I", block_ids)
        postwriter._weights = array("f", block_weights)
        postwriter._values = [value for value in values[start:end] if value]
        heaviest = max(block_weights)
        postwriter._maxweight = heaviest if heaviest > 0 else 0
        postwriter._minlength, postwriter._maxlength = None, 0
        if field_lengths is not None:
            found = [byte for byte in map(field_lengths.__getitem__, block_ids) if byte]
            if found:
                postwriter._minlength = byte_to_length(min(found))
                postwriter._maxlength = byte_to_length(max(found))


def _write_one_block(
    fieldwriter: Any,
    fixed: int | None,
    btext: bytes,
    ids: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes | None],
    field_lengths: Sequence[int] | None,
) -> None:
    """A term of one block (most terms): what `start_term`, `add_posting` per posting and
    `finish_term` write (the block header, the pickled and compressed block, the term info's
    row), the same bytes in one step. `fixed` is the field format's fixed value size."""
    from pickle import dumps
    from zlib import compress

    from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
    from whoosh.system import pack_int, pack_ushort
    from whoosh.util.numeric import byte_to_length, length_to_byte

    postwriter = fieldwriter._postwriter
    postfile = postwriter._postfile
    start = postfile.tell()
    count = len(ids)
    block_weights = array("f", weights)
    heaviest = max(weights)
    maxweight = heaviest if heaviest > 0 else 0
    minlength, maxlength = None, 0
    if field_lengths is not None:
        found = [byte for byte in map(field_lengths.__getitem__, ids) if byte]
        if found:
            minlength, maxlength = byte_to_length(min(found)), byte_to_length(max(found))
    first = block_weights[0]
    if block_weights.count(first) == count:
        mini_weights: Any = None if first == 1.0 else first
    else:
        mini_weights = tuple(block_weights)
    kept = [value for value in values if value]
    if fixed is None or fixed < 0:
        mini_values: Any = tuple(kept)
    else:
        mini_values = None if fixed == 0 else b"".join(kept)
    last = ids[-1]
    deltas = tuple(map(operator.sub, ids, [0, *ids]))
    data = dumps((deltas, mini_weights, mini_values), 2)
    level = postwriter._compression
    if level:
        data = compress(data, level)
    info = dumps(
        (count, last, maxweight, level, length_to_byte(minlength), length_to_byte(maxlength)), 2
    )
    postfile.write(WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data)
    terminfo = W3TermInfo()
    terminfo._weight += sum(block_weights)
    terminfo._df = count
    terminfo._minlength = minlength
    terminfo._maxlength = max(terminfo._maxlength, maxlength)
    terminfo._maxweight = max(terminfo._maxweight, maxweight)
    terminfo._minid, terminfo._maxid = ids[0], last
    terminfo.set_extent(start, postfile.tell() - start)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + btext, terminfo.to_bytes())


def grouped(postings: Iterable[tuple[Any, ...]]) -> Iterator[TermPostings]:
    """Single postings `(field, term, document, weight, value)` in order, a term at a time."""
    for (fieldname, btext), group in groupby(postings, key=itemgetter(0, 1)):
        _, _, ids, weights, values = zip(*group, strict=True)
        yield fieldname, btext, ids, weights, values


def merged(sources: Sequence[Iterable[TermPostings]]) -> Iterator[TermPostings]:
    """Several term streams, each in (field, term) order and each holding later documents
    than the one before it, as one stream: a term in several is their postings joined."""
    stream = sources[0] if len(sources) == 1 else merge(*sources, key=itemgetter(0, 1))
    for (fieldname, btext), group in groupby(stream, key=itemgetter(0, 1)):
        first, *rest = group
        if not rest:
            yield first
            continue
        ids, weights, values = list(first[2]), list(first[3]), list(first[4])
        for _, _, more_ids, more_weights, more_values in rest:
            ids += more_ids
            weights += more_weights
            values += more_values
        yield fieldname, btext, ids, weights, values


_TERM_BYTES = 240
"""What a term costs a `TermPool` in memory beyond its postings (key, arrays, dict slot)."""
_POSTING_BYTES = 60
"""What a posting costs beyond its value's bytes (a 4-byte id, an 8-byte weight, the value's
list slot and bytes object)."""


class TermPool:
    """A segment writer's postings kept a term at a time, in place of Whoosh's `PostingPool`.

    Whoosh's pool keeps each posting as a 5-tuple, sorts them all when the segment is
    written (spilling sorted runs to disk every `limitmb` and merging them back), and its
    writer then takes them one by one. Postings come a document at a time with growing
    document numbers, so each term's postings are already in order: here they are appended to
    the term's arrays, the terms are sorted (not the postings), and the segment is written a
    term at a time (`write_terms`). Past `limitmb` the terms so far go to a run file on disk
    (a record per term) and are joined back, term by term, when the segment is written.
    """

    def __init__(self, tempstore: Any, segment: Any = None, limitmb: int = 128, **_: Any) -> None:
        self.tempstore = tempstore
        self.segment = segment
        self.limit = limitmb * 1024 * 1024
        self._terms: dict[tuple[str, bytes], tuple[array[int], array[float], list[Any]]] = {}
        self._size = 0
        self._last = -1
        self._ordered = True
        self._fieldnames: set[str] = set()
        self.runs: list[str] = []

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add one posting `(field, term, document, weight, value)`."""
        fieldname, btext, docnum, weight, value = item
        key = (fieldname, btext)
        postings = self._terms.get(key)
        if postings is None:
            postings = self._terms[key] = (array("q"), array("d"), [])
            self._size += _TERM_BYTES + len(btext)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        if docnum < self._last:
            self._ordered = False
        self._last = docnum
        self._size += _POSTING_BYTES + (len(value) if value else 0)
        if self._size > self.limit:
            self.save()

    @property
    def fieldnames(self) -> set[str]:
        """The fields that have postings (Whoosh's pool keeps this set)."""
        return self._fieldnames | {fieldname for fieldname, _ in self._terms}

    def save(self) -> None:
        """Move the terms held in memory to a run file."""
        import pickle

        if not self._terms:
            return
        self._fieldnames = self.fieldnames
        # The process too: sub-writers forked from one process share the index's temporary
        # folder, and their pools are often at the same address in each.
        name = f"{os.getpid()}-{id(self)}-{len(self.runs)}.terms"
        with self.tempstore.create_file(name).raw_file() as file:
            for term in self._sorted_terms():
                pickle.dump(term, file, pickle.HIGHEST_PROTOCOL)
        self.runs.append(name)
        self._terms = {}
        self._size = 0

    def _sorted_terms(self) -> Iterator[TermPostings]:
        terms = self._terms
        for key in sorted(terms):
            ids, weights, values = terms[key]
            yield key[0], key[1], ids, weights, values

    def _read_run(self, name: str) -> Iterator[TermPostings]:
        import pickle

        try:
            with self.tempstore.open_file(name).raw_file() as file:
                while True:
                    try:
                        yield pickle.load(file)
                    except EOFError:
                        return
        finally:
            self.tempstore.delete_file(name)

    def terms(self) -> Iterator[TermPostings]:
        """Every term in (field, term) order with its postings in document order (Whoosh's
        pool order; a posting numbered -1, Whoosh's mark for a spelling word, left out)."""
        sources = [self._read_run(name) for name in self.runs]
        sources.append(self._sorted_terms())
        self.runs = []
        for fieldname, btext, ids, weights, values in merged(sources):
            if not self._ordered:  # documents not added in order: sort as Whoosh's pool
                ids, weights, values = (
                    list(column)
                    for column in zip(*sorted(zip(ids, weights, values, strict=True)), strict=True)
                )
            if ids and min(ids) < 0:
                kept = [n for n, docnum in enumerate(ids) if docnum >= 0]
                if not kept:
                    continue
                ids = [ids[n] for n in kept]
                weights = [weights[n] for n in kept]
                values = [values[n] for n in kept]
            yield fieldname, btext, ids, weights, values

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, Any]]:
        """Every posting, one at a time, in Whoosh's pool order."""
        for fieldname, btext, ids, weights, values in self.terms():
            for docnum, weight, value in zip(ids, weights, values, strict=True):
                yield fieldname, btext, docnum, weight, value

    def cleanup(self) -> None:
        """Delete the run files left (a cancelled writer)."""
        for name in self.runs:
            try:
                self.tempstore.delete_file(name)
            except OSError:
                pass
        self.runs = []
        self._terms = {}
