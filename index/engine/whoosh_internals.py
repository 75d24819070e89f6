"""Every use of Whoosh's internals, in one place, checked before it is relied on.

newsread is pinned to Whoosh-Reloaded 2.7.5 and goes beyond its public API in two ways.

Reads, for speed (see `newsread.index.engine.postings`): a term's posting blocks
(`W3LeafMatcher`'s block decoding, a block's ids and weights unpickled without its values,
and its block headers' last ids and offsets to skip or seek to the blocks a phrase needs),
the `Positions` format's values, a segment's length column, BM25F's per-field B, a range's
terms and a numeric range's compiled query, and the index's segment list.

Patches, for correctness and speed, applied once per process by `patch_whoosh`:
- `W3PerDocReader._cached_reader` caches a missing length column too (a `stat()` per posting
  of the spelling fields was 17% of a build), and `doc_field_length` reads a length column
  once, whole (a segment's writing asks it per posting);
- `AndNotMatcher` moves its excluded side up to the first wanted document and stops at the end
  of the wanted one, and `InverseMatcher` (NOT) keeps skipping deleted documents (found by the
  search oracle, tests/test_search_oracle.py);
- `ListMatcher` scores a constant weight of 0 (how filters join a query) as 0, not 1, and a
  `TermRange` with equal bounds, one left out (`{strike TO strikes]`, both "strike"), matches
  nothing instead of becoming a NullQuery an AND drops, and two nested ranges ANDed together
  (`title:[TO voted} … title:[TO grains}`) become the narrower, not the wider (soak seed 2777);
- `BinaryGroup.query` builds each side of ANDNOT / ANDMAYBE once, not twice (2^n for a chain);
- porter2's steps 2-4 skip their loop over suffixes when the word ends with none of them;
- `SegmentWriter` keeps its postings a term at a time and writes a segment a term at a time
  (`PostingPool` replaced by `posting_writer.TermPool`, `_flush_segment` by one that calls
  `posting_writer.write_terms`): the same files, a Python step per term, not per posting;
- `Positions.word_values` takes a new document's terms and positions from its analyzer's
  `word_positions` when it has one (newsread's `StemAnalyzer`), not a token object per word;
- `HashWriter` (a segment's term table) keeps 16 bytes a key until it is written, not a tuple
  of two ints (~130 bytes; ~125 MB of a 100k merge's peak): the same files.

`missing()` names what the installed Whoosh lacks of all this. A missing read turns the
posting-list evaluator off (`fast_reads`): searches then use Whoosh's public matchers, slower
but with the same answers (the differential tests in tests/test_postings.py and the oracle
hold both paths to them), and `OpenIndex.open` says so once. A missing patch target leaves
Whoosh's own behaviour.
"""

from __future__ import annotations

import importlib
import io
import operator
import os
import pickle
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, wraps
from itertools import accumulate, repeat
from typing import Any

from newsread.index.engine.cancel import check

_NEEDED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # module, class, attributes: what the reads and patches below use
    (
        "whoosh.codec.whoosh3",
        "W3LeafMatcher",
        ("_read_data", "_read_values", "_next_block", "_goto"),
    ),
    ("whoosh.codec.whoosh3", "W3PerDocReader", ("_cached_reader", "column_reader")),
    ("whoosh.codec.whoosh3", "LENGTHS_COLUMN", ()),
    ("whoosh.reading", "SegmentReader", ("has_deletions",)),
    ("whoosh.query", "NumericRange", ("_compile_query",)),
    ("whoosh.index", "FileIndex", ("_segments",)),
    ("whoosh.matching.binary", "AndNotMatcher", ("_find_first", "_find_next")),
    ("whoosh.matching.wrappers", "InverseMatcher", ("_find_next",)),
    ("whoosh.matching.mcore", "ListMatcher", ("weight",)),
    ("whoosh.query.ranges", "RangeMixin", ("merge", "_comparable_start", "_comparable_end")),
    ("whoosh.query", "TermRange", ("_btexts", "normalize")),
    ("whoosh.qparser.syntax", "BinaryGroup", ("query",)),
    ("whoosh.multiproc", "SubWriterTask", ("run",)),
    ("whoosh.writing", "SegmentWriter", ("_flush_segment",)),
    ("whoosh.writing", "PostingPool", ()),
    ("whoosh.codec.whoosh3", "W3TermsReader", ("items",)),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", ("_write_block", "finish_postings")),
    ("whoosh.filedb.filetables", "HashWriter", ("add", "_write_hashes")),
)
_INSTANCE_NEEDED = (
    # object made at open, attributes set in its __init__
    ("a segment reader", ("_terms", "_perdoc")),
    ("the BM25F weighting", ("_field_B", "B", "K1")),
)


@lru_cache(maxsize=1)
def missing() -> tuple[str, ...]:
    """What the installed Whoosh lacks of the internals newsread uses ("module.Class.attr")."""
    gone = []
    for module_name, name, attributes in _NEEDED:
        try:
            owner = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError):
            gone.append(f"{module_name}.{name}")
            continue
        gone += [f"{module_name}.{name}.{a}" for a in attributes if not hasattr(owner, a)]
    return tuple(gone)


def fast_reads(searcher: Any) -> bool:
    """Whether the posting-list evaluator may read this searcher's segments directly."""
    if missing():
        return False
    found = searcher.__dict__.get("_newsread_fast_reads")
    if found is None:
        readers = [reader for reader, _ in searcher.reader().leaf_readers()]
        objects = {"a segment reader": readers, "the BM25F weighting": [searcher.weighting]}
        found = all(
            hasattr(obj, attribute)
            for what, attributes in _INSTANCE_NEEDED
            for obj in objects[what]
            for attribute in attributes
        )
        searcher.__dict__["_newsread_fast_reads"] = found
    return bool(found)


def notice() -> str:
    """One line for the user when the fast path is off, else ""."""
    gone = missing()
    if not gone:
        return ""
    return (
        f"this Whoosh lacks {len(gone)} internal(s) newsread's fast search uses "
        f"({gone[0]}{', …' if len(gone) > 1 else ''}): searching the slower, public way"
    )


# -- reads -----------------------------------------------------------------------------------


BLOCKS_BETWEEN = 16
"""Posting blocks read between two calls of a read's `between` (a search's cancel check):
a common word of a 100,000-article library has ~800 blocks, ~50 ms of reading, which a
newer keystroke should not have to wait out."""


def read_postings(
    reader: Any,
    fieldname: str,
    btext: bytes,
    weights: bool,
    values: bool,
    between: Callable[[], None] | None = None,
) -> tuple[list[int], list[float], list[Any]]:
    """A segment's postings of one term as lists: ids, weights (if asked), values (if asked).

    Whoosh stores postings in pickled blocks of up to 128; reading whole blocks replaces a
    Python call per posting with one per block. Without values, only the start of each block
    is inflated and unpickled (`block_ids_weights`). `between` is called every
    `BLOCKS_BETWEEN` blocks (whatever it raises ends the read).
    """
    field = reader.schema[fieldname]
    matcher = reader._terms.matcher(fieldname, btext, field.format)
    return _matcher_postings(matcher, weights, values, between)


def _matcher_postings(
    matcher: Any, weights: bool, values: bool, between: Callable[[], None] | None = None
) -> tuple[list[int], list[float], list[Any]]:
    """`read_postings` of a term's matcher (a block at a time when it is Whoosh's W3)."""
    from whoosh.codec.whoosh3 import W3LeafMatcher

    ids: list[int] = []
    found_weights: list[float] = []
    found_values: list[Any] = []
    if isinstance(matcher, W3LeafMatcher) and not values:
        in_one_read = _ids_weights_in_one_read(matcher, weights, between)
        if in_one_read is not None:
            return in_one_read
    if isinstance(matcher, W3LeafMatcher):
        blocks = 0
        while not matcher._atend:
            blocks += 1
            if between is not None and not blocks % BLOCKS_BETWEEN:
                between()
            # The block's (ids, weights, values) as W3LeafMatcher._read_ids/_read_weights
            # decode them, minus their Python loop per posting.
            data = None if values else block_ids_weights(matcher)
            if data is None:
                matcher._read_data()
                data = matcher._data
            block_ids, block_weights = data[0], data[1]
            ids.extend(block_ids if matcher._byteids else accumulate(block_ids))
            if weights:
                found_weights.extend(_weights(block_weights, matcher._blocklength))
            if values:
                matcher._read_values()
                found_values.extend(matcher._values)
            matcher._next_block()
    else:  # postings inlined in the term info
        while matcher.is_active():
            ids.append(matcher.id())
            found_weights.append(matcher.weight())
            found_values.append(matcher.value())
            matcher.next()
    return ids, found_weights, found_values


def _ids_weights_in_one_read(
    matcher: Any, weights: bool, between: Callable[[], None] | None
) -> tuple[list[int], list[float], list[Any]] | None:
    """`_matcher_postings` without values, from one read of the term's bytes (its extent in
    the postings file) instead of a seek and a read per block header and per block: ~40% of
    a whole-term read's time. None when the bytes are not laid out as expected (the caller
    reads the term a block at a time then)."""
    from pickle import load, loads

    length = matcher._length
    if isinstance(length, tuple):  # Whoosh reads a term's extent back as a 1-tuple
        length = length[0]
    start, end = matcher._baseoffset, matcher._startoffset + length
    raw = bytes(matcher._postfile.get(start, end - start))
    stream = io.BytesIO(raw)
    ids: list[int] = []
    found_weights: list[float] = []
    at, blocks = 0, 0
    try:
        while True:
            blocks += 1
            if between is not None and not blocks % BLOCKS_BETWEEN:
                between()
            size = int.from_bytes(raw[at : at + _INT_BYTES], "big", signed=True)
            stream.seek(at + _INT_BYTES)
            count, _, _, compression, _, _ = load(stream)  # the block's header
            following = at + _INT_BYTES + abs(size)
            data = raw[stream.tell() : following]
            pair = _ids_weights(data, compression, count)
            if pair is None:  # not the layout `_ids_weights` knows: the block whole
                whole = loads(zlib.decompress(data) if compression else data)
                pair = whole[0], whole[1]
            block_ids, block_weights = pair
            ids.extend(block_ids if matcher._byteids else accumulate(block_ids))
            if weights:
                found_weights.extend(_weights(block_weights, count))
            if size < 0:  # the last block
                break
            at = following
    except (ValueError, TypeError, EOFError, IndexError, zlib.error, pickle.UnpicklingError):
        return None
    if at + _INT_BYTES + abs(size) != len(raw):
        return None
    return ids, found_weights, []


_INT_BYTES = 4
"""A block's length before its header (Whoosh's `write_int`, big-endian, negative for the
term's last block)."""


def _weights(stored: Any, count: int) -> Any:
    """A block's weights as stored (None: all 1.0; a float: all that) as a sequence."""
    if stored is None:
        return repeat(1.0, count)
    if isinstance(stored, float):
        return repeat(stored, count)
    return stored


_VALUES_START = b"c_codecs\nencode\n"
"""How a block's pickle (protocol 2) starts its first posting value, a bytes object: the
global `_codecs.encode`, which rebuilds it from text. No byte string of a block's ids or
weights can hold it: every 9 bytes of those have an opcode byte (K, M, J, G) it lacks."""
_PREFIX = 2048
"""Bytes inflated at a time to find where a block's values start (128 ids and weights take
~1.5 KB, the values ~8 KB)."""
_MARK = 0x28
_TUPLE2_STOP = b"\x86."


def block_ids_weights(matcher: Any) -> tuple[Any, Any] | None:
    """The current block's ids (as stored: deltas) and weights (as stored), without its
    values; None when the block is not laid out as expected (read it whole then).

    A block is one zlib-compressed pickle of (ids, weights, values) and the values, a pickled
    bytes object each, are ~85% of it and of its unpickling: a term's ids and weights are
    read ~4x faster by inflating only up to where the values start and unpickling what comes
    before them as a pair.
    """
    data = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
    return _ids_weights(data, matcher._compression, matcher._blocklength)


def _ids_weights(data: Any, compression: int, count: int) -> tuple[Any, Any] | None:
    """`block_ids_weights` of a block's bytes (`data`, compressed when `compression`) of
    `count` postings."""
    from pickle import loads

    if compression:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(data, _PREFIX)
        cut = raw.find(_VALUES_START)
        while cut < 0 and inflate.unconsumed_tail:
            raw += inflate.decompress(inflate.unconsumed_tail, _PREFIX)
            cut = raw.find(_VALUES_START)
    else:
        raw = bytes(data)
        cut = raw.find(_VALUES_START)
    if cut <= 0:
        return None
    if raw[cut - 1] == _MARK:  # a tuple of more than three values starts with a MARK
        cut -= 1
    try:
        ids, weights = loads(raw[:cut] + _TUPLE2_STOP)
    except Exception:  # noqa: BLE001 - not the expected layout: the caller reads it whole
        return None
    if not isinstance(ids, tuple) or len(ids) != count:
        return None
    if not (weights is None or isinstance(weights, float) or len(weights) == count):
        return None
    return ids, weights


class BlockIndex:
    """Where each posting block of a term starts and its last id, filled by the first walk
    over the block headers (`read_wanted_*`), so that later reads of the same term seek to
    the blocks they want: a header costs a seek and an unpickling (~10 µs), a common word
    has ~800 blocks, and a phrase reads its words several times (scores, then positions)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.lasts: list[int] = []


_FASTER_VALUES = b"cbuiltins\nstr.encode\n"
"""`str.encode` in place of `_codecs.encode` (the same bytes, without a codec look-up by
name per value); a dotted name needs pickle protocol 4 in the header, which reads
protocol 2's opcodes alike."""


def block_data(matcher: Any) -> tuple[Any, Any, Any] | None:
    """The current block's (ids, weights, values) as `W3LeafMatcher._read_data` reads them,
    ~15% faster to unpickle (`_FASTER_VALUES`); None when the block is not laid out as
    expected (read it Whoosh's way then)."""
    from pickle import loads

    data = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
    raw = zlib.decompress(data) if matcher._compression else bytes(data)
    if not raw.startswith(b"\x80\x02") or _VALUES_START not in raw:
        return None
    try:
        found = loads(b"\x80\x04" + raw[2:].replace(_VALUES_START, _FASTER_VALUES, 1))
    except Exception:  # noqa: BLE001 - not the expected layout: the caller reads it whole
        return None
    if not isinstance(found, tuple) or len(found) != 3:
        return None
    values = found[2]
    if not isinstance(values, tuple) or len(values) != matcher._blocklength:
        return None
    return found


def read_wanted_weights(
    reader: Any,
    fieldname: str,
    btext: bytes,
    wanted: Sequence[int],
    blocks: BlockIndex | None = None,
    between: Callable[[], None] | None = None,
) -> dict[int, float]:
    """The weights of the postings of one term whose ids are in `wanted` (sorted; ids the
    term lacks are left out), reading only the blocks that hold one of them, and of those
    only their start (`block_ids_weights`).

    A block's header says its last id, so a block with no wanted id is never unpickled: a
    phrase of a rare and a common word reads a few blocks of the common one, not all of them.
    Picking the wanted postings out of a block is done in C (dicts and sets), not a Python
    step per posting: two common words read each other's every block.
    """
    return _read_wanted(reader, fieldname, btext, wanted, False, False, blocks, between)


def read_wanted_values(
    reader: Any,
    fieldname: str,
    btext: bytes,
    wanted: Sequence[int],
    whole: bool = False,
    blocks: BlockIndex | None = None,
    between: Callable[[], None] | None = None,
) -> dict[int, Any]:
    """The values of the postings of one term whose ids are in `wanted`, as
    `read_wanted_weights` reads weights; with `whole`, of every posting of the blocks read
    (to keep: they cost nothing more to give)."""
    return _read_wanted(reader, fieldname, btext, wanted, True, whole, blocks, between)


def _read_wanted(
    reader: Any,
    fieldname: str,
    btext: bytes,
    wanted: Sequence[int],
    values: bool,
    whole: bool,
    blocks: BlockIndex | None,
    between: Callable[[], None] | None,
) -> dict[int, Any]:
    from whoosh.codec.whoosh3 import W3LeafMatcher

    field = reader.schema[fieldname]
    matcher = reader._terms.matcher(fieldname, btext, field.format)
    found: dict[int, Any] = {}
    if not isinstance(matcher, W3LeafMatcher):  # postings inlined in the term info
        wanted_set = set(wanted)
        while matcher.is_active():
            if whole or matcher.id() in wanted_set:
                found[matcher.id()] = matcher.value() if values else matcher.weight()
            matcher.next()
        return found

    blocks_read = 0

    def read(at: int, upto: int) -> None:
        nonlocal blocks_read
        blocks_read += 1
        if between is not None and not blocks_read % BLOCKS_BETWEEN:
            between()
        data = block_data(matcher) if values else block_ids_weights(matcher)
        if data is None:
            matcher._read_data()
            data = matcher._data
        block_ids = data[0] if matcher._byteids else accumulate(data[0])
        if values:
            matcher._data = data
            matcher._read_values()
            items = matcher._values
        else:
            items = _weights(data[1], matcher._blocklength)
        if whole:  # straight in: no dict of the block first (a phrase's checks read ~7,000)
            found.update(zip(block_ids, items, strict=True))
            return
        block = dict(zip(block_ids, items, strict=True))
        here = block.keys() & wanted[at:upto]
        found.update(zip(here, map(block.__getitem__, here), strict=True))

    at, count = 0, len(wanted)
    if blocks is not None and blocks.starts:  # seek to each block wanted
        starts, lasts = blocks.starts, blocks.lasts
        while at < count:
            n = bisect_left(lasts, wanted[at])
            if n == len(lasts):
                break
            upto = bisect_right(wanted, lasts[n], at)
            matcher._goto(starts[n])
            read(at, upto)
            at = upto
        return found
    walk = blocks is not None  # and note where every block is
    start = matcher._baseoffset
    while not matcher._atend and (walk or at < count):
        last = getattr(matcher, "_maxid", None)
        if walk:
            if last is None:  # not the header this Whoosh wrote: no index
                blocks.starts.clear()  # type: ignore[union-attr]
                blocks.lasts.clear()  # type: ignore[union-attr]
                walk = False
            else:
                blocks.starts.append(start)  # type: ignore[union-attr]
                blocks.lasts.append(last)  # type: ignore[union-attr]
        upto = count if last is None else bisect_right(wanted, last, at)
        if upto > at:
            read(at, upto)
            at = upto
        start = matcher._nextoffset
        matcher._next_block()
    return found


def terms_within(
    reader: Any,
    fieldname: str,
    text: str,
    maxdist: int,
    prefix: int,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[str]:
    """The index terms of `fieldname` within `maxdist` edits (Levenshtein) of `text` that
    share its first `prefix` letters, over every segment, each once; asking `cancelled`
    every few dozen steps and raising `SearchCancelled` once it answers True.

    Whoosh's own `terms_within` cannot be stopped, and over several segments it computes an
    edit distance in Python for every term that starts with the same letter (Damerau's, so
    its answers changed when the segments were merged); here each segment's term list is
    walked with the automaton Whoosh uses for one segment.
    """
    check(cancelled)
    dfa = _levenshtein_dfa(text, maxdist, prefix)
    null = chr(0)
    seen: set[str] = set()
    for leaf, _ in reader.leaf_readers():
        check(cancelled)
        field = leaf.schema[fieldname]
        cursor = leaf.cursor(field.spelling_fieldname(fieldname))
        term = cursor.text()
        match = dfa.next_valid_string(term) if term is not None else None
        steps = 0
        while match:
            steps += 1
            if not steps & 31:
                check(cancelled)
            cursor.find(match)
            term = cursor.text()
            if term is None:
                break
            if match == term:
                if term not in seen:
                    seen.add(term)
                    yield term
                term += null
            match = dfa.next_valid_string(term)


class TermList:
    """A segment's terms of one field, in the index's order, as one text: each term on a line
    of its own (`text`), the character each line starts at (`starts`) and each term's
    document frequency (`frequencies`), so that a pattern is matched against every term by
    one regular expression in C (`re.finditer` with `re.MULTILINE`). `text` is None where
    the terms cannot be listed so (a term holding a line break, or not UTF-8): the caller
    walks the terms instead. Its length, for `segment_cache`, is its number of terms."""

    def __init__(self, text: str | None, starts: Any = (), frequencies: Any = ()) -> None:
        self.text = text
        self.starts = starts
        self.frequencies = frequencies

    def __len__(self) -> int:
        return len(self.frequencies)

    def frequency(self, start: int) -> int:
        """The document frequency of the term whose line starts at character `start`."""
        return int(self.frequencies[int(self.starts.searchsorted(start))])


def term_list(leaf: Any, fieldname: str) -> TermList:
    """`leaf`'s (a segment reader's) `TermList` of `fieldname`, read from its term table in
    a few array operations: the table's sorted index gives where each record is; a record is
    its key's and value's lengths (big-endian 32-bit), the key (the field's number, 16-bit,
    then the term) and the value (a term info: a flags byte, a 32-bit float weight, then
    the document frequency, big-endian 32-bit: `W3TermInfo.read_doc_freq`).

    Walking the ~215,000 terms of a 24,000-article library's title and body term by term,
    as Whoosh's `iter_prefix("")` does for a wildcard with no letters before its `*`
    (`*ing`), took ~0.95 s of CPU a search; listing them so took 65 ms for all three
    segments (4.8 MB, kept by `segment_cache`), and the search then ~30 ms."""
    from newsread.index.engine.phrase_keys import numpy_module

    np = numpy_module()
    try:
        terms = leaf._terms
        table = terms._tindex
        field = terms._fieldmap.get(fieldname)
        if field is None:
            return TermList("", np.zeros(0, np.int64), np.zeros(0, np.int64))
        dbfile = table.dbfile
        positions = np.asarray(
            dbfile.get_array(table.indexbase, table.extras["indextype"], table.indexlen),
            dtype=np.int64,
        )
        data = np.frombuffer(dbfile.get(0, table.endofdata), dtype=np.uint8)
    except (AttributeError, KeyError, TypeError, ValueError, OSError):
        return TermList(None)

    def uint(at: Any, size: int) -> Any:
        value = np.zeros(len(at), np.int64)
        for byte in range(size):
            value = (value << 8) | data[at + byte]
        return value

    ours = positions[uint(positions + 8, 2) == field]
    key_lengths = uint(ours, 4)
    starts_in_data = ours + 10
    lengths = key_lengths - 2
    frequencies = uint(ours + 8 + key_lengths + 5, 4)
    # Each term's bytes and a line break after it, gathered in one step.
    line_lengths = lengths + 1
    line_starts = np.cumsum(line_lengths) - line_lengths
    total = int(line_lengths.sum())
    gather = np.repeat(starts_in_data - line_starts, line_lengths) + np.arange(total)
    lines = data[gather]
    lines[line_starts + lengths] = ord("\n")
    try:
        text = lines.tobytes().decode("utf-8")
    except UnicodeDecodeError:
        return TermList(None)
    text = text[:-1]  # no line break after the last term
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    breaks = np.flatnonzero(codes == ord("\n"))
    if len(breaks) != max(len(ours) - 1, 0):
        return TermList(None)  # a term holds a line break
    starts = np.concatenate(([0], breaks + 1)).astype(np.int32)
    return TermList(text, starts, frequencies.astype(np.int32))


@lru_cache(maxsize=64)
def _levenshtein_dfa(text: str, maxdist: int, prefix: int) -> Any:
    """Whoosh's automaton of the words within `maxdist` edits of `text` (~0.1 s to build for
    two edits: kept for the next keystrokes)."""
    from whoosh.automata import lev

    return lev.levenshtein_automaton(text, maxdist, prefix).to_dfa()


def length_bytes(reader: Any, fieldname: str) -> list[int] | None:
    """The segment's per-document length bytes of a field (a column), or None."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    return None if column is None else column_values(column)


def length_column(lengths: Any) -> Callable[[str], list[int] | None]:
    """For a segment's per-document reader (or None): a function from a field's name to
    every document's length byte in it (0 for none), or None when it keeps no lengths."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    def field_lengths(fieldname: str) -> list[int] | None:
        if lengths is None:
            return None
        column = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        found = column_values(column)
        # Whoosh reads a document past the column's end as no length.
        found.extend([0] * max(0, lengths.doc_count_all() - len(found)))
        return found

    return field_lengths


def column_values(column: Any) -> list[Any]:
    """Every document's value in a segment's column reader, as a list.

    Whoosh reads a column a document at a time (a seek, a read and an unpack each: ~10 µs, a
    second for 100,000 articles); its plain numeric and byte-string columns are read here in
    one piece and cut up in C. Any other kind of column, or one whose attributes are not what
    this Whoosh had, is read Whoosh's way.
    """
    from whoosh import columns

    try:
        if type(column) is columns.NumericColumn.Reader:
            return _numeric_values(column)
        if type(column) is columns.VarBytesColumn.Reader:
            return _var_bytes_values(column)
    except AttributeError:
        pass
    return list(column)


def _numeric_values(column: Any) -> list[Any]:
    values = array(column._typecode)
    if values.itemsize != column._fixedlen:  # a struct size the array type does not share
        return list(column)
    stored = min(column._count, column._doccount)
    values.frombytes(column._dbfile.get(column._basepos, stored * column._fixedlen))
    if sys.byteorder == "little":  # stored big-endian ("!" in Whoosh's struct formats)
        values.byteswap()
    found = values.tolist()
    found.extend(repeat(column._default, column._doccount - stored))
    return found


def _var_bytes_values(column: Any) -> list[bytes]:
    offsets, lengths = column._offsets, column._lengths
    if not len(lengths):
        return []
    data = column._dbfile.get(column._basepos, offsets[-1] + lengths[-1])
    ends = map(operator.add, offsets, lengths)
    return list(map(data.__getitem__, map(slice, offsets, ends)))


def field_b(weighting: Any, fieldname: str) -> float:
    """BM25F's length normalisation B for a field."""
    return float(weighting._field_B.get(fieldname, weighting.B))


def range_terms(q: Any, reader: Any) -> Iterator[bytes]:
    """The index terms (bytes) a TermRange covers in one segment."""
    return iter(q._btexts(reader))


def compiled(q: Any, reader: Any) -> Any:
    """A NumericRange as the query over index terms Whoosh runs for it."""
    return q._compile_query(reader)


def segments(index: Any) -> list[Any]:
    """The index's current segments."""
    return list(index._segments())


def merge_all(writer: Any, segments: Sequence[Any]) -> list[Any]:
    """A Whoosh merge policy (`writer.commit(mergetype=merge_all)`): every segment into the
    writer's new one, as Whoosh's `OPTIMIZE`, streamed: each segment's terms are already in
    (field, term) order and their postings in document order, so each term's postings are
    read a block at a time, joined across segments and written a term at a time
    (`posting_writer.write_terms`). `OPTIMIZE` adds every posting of the library to the
    writer's sorting pool one Python call at a time, spills sorted runs to disk and sorts
    them again.

    Documents go in segment by segment (deleted ones left out), as `OPTIMIZE` numbers them.
    Returns the segments left as they are (none).
    """
    from heapq import merge

    from whoosh.reading import SegmentReader

    from newsread.index.engine import posting_writer

    schema = writer.schema
    readers: list[Any] = []
    sources: list[Iterator[posting_writer.TermPostings]] = []
    for segment in segments:
        if not segment.doc_count():
            # Every document deleted (a file read again, a new parser version: the whole old
            # index): dropped unread. Its postings were half of what a re-read's merge read.
            continue
        reader = SegmentReader(writer.storage, schema, segment)
        readers.append(reader)
        base = writer.docnum
        names = set(schema.names()) | {n for n in reader.indexed_field_names() if n in schema}
        docmap = writer.write_per_doc(names, reader)
        sources.append(_segment_terms(reader, base, docmap))

    def flush() -> None:  # SegmentWriter._flush_segment, with the streams for the pool
        writer.perdocwriter.close()
        lengths = writer.per_document_reader() if writer.codec.length_stats else None
        try:
            pool = writer.pool
            own = (
                pool.terms()
                if isinstance(pool, posting_writer.TermPool)
                else posting_writer.grouped(pool.iter_postings())
            )
            if posting_writer.available(writer.fieldwriter):
                terms = posting_writer.merged([own, *sources])
                posting_writer.write_terms(
                    writer.fieldwriter, schema, length_column(lengths), terms
                )
            else:
                postings = merge(*(_single_postings(source) for source in (own, *sources)))
                writer.fieldwriter.add_postings(schema, lengths, postings)
            writer.fieldwriter.close()
        finally:
            if lengths is not None:
                lengths.close()
            for reader in readers:
                reader.close()

    writer._flush_segment = flush
    writer._added = True
    return []


def merge_only(chosen: set[str]) -> Callable[[Any, Sequence[Any]], list[Any]]:
    """A merge policy like `merge_all` for the segments named in `chosen`; the others are
    left as they are (their documents keep their numbers, the merged ones come after)."""

    def policy(writer: Any, segments: Sequence[Any]) -> list[Any]:
        merge_all(writer, [s for s in segments if s.segment_id() in chosen])
        return [s for s in segments if s.segment_id() not in chosen]

    return policy


def _segment_terms(
    reader: Any, base: int, docmap: dict[int, int] | None
) -> Iterator[tuple[str, bytes, list[int], list[float], list[Any]]]:
    """A segment's terms in order, each with its postings renumbered as the merging writer
    numbers the segment's documents (`base` + n, or `docmap` when some were deleted: their
    postings are left out, and a term left with none)."""
    schema = reader.schema
    terms = reader._terms
    codec, postfile = terms._codec, terms._postfile
    for (fieldname, btext), terminfo in terms.items():  # one pass, no look-up per term
        if fieldname not in schema:
            continue
        matcher = codec.postings_reader(
            postfile, terminfo, schema[fieldname].format, term=(fieldname, btext)
        )
        ids, weights, values = _matcher_postings(matcher, True, True)
        if docmap is None:
            yield fieldname, btext, [base + docnum for docnum in ids], weights, values
            continue
        kept = [n for n, docnum in enumerate(ids) if docnum in docmap]
        if not kept:
            continue
        if len(kept) < len(ids):
            weights = [weights[n] for n in kept]
            values = [values[n] for n in kept]
        yield fieldname, btext, [docmap[ids[n]] for n in kept], weights, values


def _single_postings(terms: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """Term postings as the single `(field, term, document, weight, value)` postings Whoosh's
    `add_postings` takes."""
    for fieldname, btext, ids, weights, values in terms:
        yield from zip(repeat(fieldname), repeat(btext), ids, weights, values)


def writer_temporary_folder(index: Any) -> str:
    """The folder a segment writer of `index` sorts its postings in (`SegmentWriter`'s
    temporary storage); a writer killed mid-way leaves it behind."""
    return os.path.join(index.storage.folder, f"{index.indexname}.tmp")


def drop_temporary_files(writer: Any) -> None:
    """Release a writer that cannot even cancel (a full disk): its temp files and lock."""
    writer._tempstorage.destroy()
    writer.writelock.release()
    writer.is_closed = True


# -- patches ---------------------------------------------------------------------------------


_patched: set[str] = set()


def patch_whoosh() -> None:
    """Apply the patches in the module docstring (once per process; safe to call again)."""
    for name, patch in (
        ("column cache", _patch_column_cache),
        ("length reads", _patch_length_reads),
        ("matchers", _patch_matchers),
        ("binary group", _patch_binary_group),
        ("stemmer", _patch_stemmer),
        ("term pool", _patch_posting_pool),
        ("positions", _patch_positions),
        ("hash tables", _patch_hash_tables),
    ):
        if name not in _patched:
            try:
                patch()
            except (ImportError, AttributeError):
                continue  # the target is gone (see `missing`): Whoosh's own behaviour
            _patched.add(name)


_whoosh_hash_writer: dict[str, Any] = {}
"""Whoosh's own `HashWriter` methods, once `_patch_hash_tables` replaced them (the test's
oracle)."""


def _patch_hash_tables() -> None:
    """Whoosh's hash file writer (a segment's term table, its stored fields' index) keeps a
    `(hash, position)` tuple of two ints per key until it is closed, ~130 bytes: with the
    ~1,000,000 terms of a 100k library's merged segment, ~125 MB of the merging process's
    peak. Here each of the 256 buckets is one array of 64-bit (hash, position) pairs, 16
    bytes a key; the file written is the same, byte for byte."""
    from array import array

    from whoosh.filedb import filetables

    if getattr(filetables.HashWriter, "_newsread_compact", False):
        return
    lengths = filetables._lengths
    pointer = filetables._pointer
    original_init = filetables.HashWriter.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.buckets = [array("Q") for _ in range(256)]

    def add(self: Any, key: bytes, value: bytes) -> None:
        if not isinstance(key, bytes) or not isinstance(value, bytes):
            raise TypeError(f"hash file keys and values are bytes, not {key!r}: {value!r}")
        dbfile = self.dbfile
        pos = dbfile.tell()
        dbfile.write(lengths.pack(len(key), len(value)))
        dbfile.write(key)
        dbfile.write(value)
        h = self.hashfn(key)
        bucket = self.buckets[h & 255]
        bucket.append(h)
        bucket.append(pos)

    def _write_hashes(self: Any) -> None:
        dbfile = self.dbfile
        for entries in self.buckets:
            pos = dbfile.tell()
            count = len(entries) // 2
            numslots = 2 * count
            self.directory.append((pos, numslots))
            hashes = [0] * numslots
            positions = [0] * numslots
            taken = [False] * numslots
            for n in range(count):
                hashval = entries[2 * n]
                slot = (hashval >> 8) % numslots
                # Whoosh probes for a slot that is not (0, 0): the same here
                while taken[slot]:
                    slot = (slot + 1) % numslots
                position = entries[2 * n + 1]
                hashes[slot] = hashval
                positions[slot] = position
                taken[slot] = hashval != 0 or position != 0
            dbfile.write(b"".join(map(pointer.pack, hashes, positions)))

    _whoosh_hash_writer.update(
        __init__=original_init,
        add=filetables.HashWriter.add,
        _write_hashes=filetables.HashWriter._write_hashes,
    )
    filetables.HashWriter.__init__ = __init__
    filetables.HashWriter.add = add
    filetables.HashWriter._write_hashes = _write_hashes
    filetables.HashWriter._newsread_compact = True


def _patch_positions() -> None:
    """A `Positions` field's terms for a new document from its analyzer's `word_positions`
    when it has one (newsread's `StemAnalyzer`), not from a token object per word through
    three generators; the same terms, weights and encoded positions (tests/test_analyzer.py
    compares them with Whoosh's on real articles)."""
    from pickle import dumps

    from whoosh import formats

    whoosh_word_values = formats.Positions.word_values
    pack_count = formats.pack_uint

    @wraps(whoosh_word_values)  # `__wrapped__` is Whoosh's
    def word_values(self: Any, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        positions = getattr(analyzer, "word_positions", None)
        if (
            positions is None
            or type(self) is not formats.Positions
            or not isinstance(value, str)
            or kwargs.keys() - {"mode"}
        ):
            return whoosh_word_values(self, value, analyzer, **kwargs)  # type: ignore[no-any-return]
        boost = self.field_boost
        return (
            (
                word,
                len(places),
                float(len(places)) * boost,
                pack_count(len(places)) + dumps(list(map(operator.sub, places, [0, *places])), 2),
            )
            for word, places in positions(value).items()
        )

    formats.Positions.word_values = word_values


whoosh_posting_pool: Any = None
"""Whoosh's own `PostingPool`, once `patch_whoosh` replaced it (a writer given one writes
Whoosh's way: the oracle of tests/test_posting_writer.py)."""


def _patch_posting_pool() -> None:
    """Segment writers keep their postings a term at a time and write them a term at a
    time (`posting_writer.TermPool`, `posting_writer.write_terms`): Whoosh's pool sorts every
    posting, spilling runs to disk, and its writer takes them one Python call at a time
    (together 60% of a sub-writer's CPU in a 5k build's profile). The files written are
    Whoosh's, byte for byte. Whoosh's `MpWriter` without `multisegment` reads its
    sub-writers' pools as sorted runs of single postings: newsread never uses it."""
    from whoosh import writing

    from newsread.index.engine.posting_writer import TermPool, available, write_terms

    global whoosh_posting_pool
    whoosh_posting_pool = writing.PostingPool
    whoosh_flush = writing.SegmentWriter._flush_segment

    def flush(self: Any) -> None:
        if type(self.pool) is not TermPool or not available(self.fieldwriter):
            whoosh_flush(self)
            return
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        try:
            write_terms(self.fieldwriter, self.schema, length_column(lengths), self.pool.terms())
            self.fieldwriter.close()
        finally:
            if lengths is not None:
                lengths.close()

    writing.PostingPool = TermPool
    writing.SegmentWriter._flush_segment = flush


def _patch_column_cache() -> None:
    """Remember that a segment has no length column for a field.

    `W3PerDocReader._cached_reader` caches found column readers but not a missing one, so
    every posting of a field without lengths (the spelling fields) costs a `stat()` while
    segments are written and merged: ~500,000 stats for 3,000 articles, 17% of a build.
    Segment files never change once written, so caching the absence is safe.
    """
    from whoosh.codec import whoosh3

    def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            found = self.has_column(fieldname)
            reader = self.column_reader(fieldname, column) if found else None
            self._readers[fieldname] = reader
            return reader

    whoosh3.W3PerDocReader._cached_reader = _cached_reader


def _patch_length_reads() -> None:
    """Read a segment's length column once, in one piece, not a seek and an unpack per call.

    Writing a segment asks `doc_field_length` for every posting (a block keeps its shortest
    and longest document): five Python calls and a file read each, ~9% of a sub-writer's
    CPU in a 10k build's profile. Segment files never change once written, so the column
    read whole (`column_values`) holds for the reader's life.
    """
    from whoosh.codec import whoosh3
    from whoosh.util.numeric import byte_to_length

    lenfield, lengths_column = whoosh3._lenfield, whoosh3.LENGTHS_COLUMN  # or no patch
    no_column: list[int] = []

    def doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        cache = self.__dict__.setdefault("_newsread_lengths", {})
        lengths = cache.get(fieldname)
        if lengths is None:
            column = self._cached_reader(lenfield(fieldname), lengths_column)
            lengths = cache[fieldname] = no_column if column is None else column_values(column)
        if lengths is no_column:
            return default
        lbyte = lengths[docnum] if docnum < len(lengths) else 0
        return byte_to_length(lbyte) if lbyte else None  # None for 0, as Whoosh's own

    whoosh3.W3PerDocReader.doc_field_length = doc_field_length


def _patch_stemmer() -> None:
    """porter2's steps 2, 3 and 4 return the word as it is unless it ends with one of their
    suffixes: ask that once, in C (`str.endswith` of a tuple), before the step's Python loop
    of one `endswith` per suffix (~45 calls a word). Every word stemmed goes through them: a
    fuzzy word's ~500 variants, snippets' words, every word indexed."""
    from whoosh.lang import porter2

    def guarded(step: Callable[..., str], suffixes: tuple[str, ...]) -> Callable[..., str]:
        @wraps(step)  # `__wrapped__` is Whoosh's step
        def step_if_it_can_change(word: str, *regions: int) -> str:
            return step(word, *regions) if word.endswith(suffixes) else word

        return step_if_it_can_change

    step_2, step_3, step_4 = porter2.step_2, porter2.step_3, porter2.step_4
    porter2.step_2 = guarded(step_2, tuple(end for end, _, _ in porter2.s2_triples))
    porter2.step_3 = guarded(step_3, tuple(end for end, _, _ in porter2.s3_triples))
    porter2.step_4 = guarded(step_4, (*porter2.s4_delete_list, "sion", "tion"))


def _patch_binary_group() -> None:
    """Build each side of ANDNOT / ANDMAYBE once: Whoosh's `BinaryGroup.query` builds both
    sides twice, so a chain of n ANDNOTs took 2^n steps (18 of them: 24 s)."""
    from whoosh import query
    from whoosh.qparser import syntax

    def build_once(self: Any, parser: Any) -> Any:
        first, second = (node.query(parser) for node in self.nodes)
        if first is None and second is None:
            built = query.NullQuery
        elif first is None or second is None:
            built = first if second is None else second
        else:
            built = self.qclass(first, second)
        return syntax.attach(built, self)

    syntax.BinaryGroup.query = build_once


def _patch_matchers() -> None:
    """Exclusions right in Whoosh's matchers (what the search oracle found wrong)."""
    from whoosh.matching.binary import AndNotMatcher
    from whoosh.matching.mcore import ListMatcher
    from whoosh.matching.wrappers import InverseMatcher
    from whoosh.query import AndNot, Term, TermRange
    from whoosh.query.ranges import RangeMixin

    def find_first(self: Any) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    def find_next(self: Any) -> bool:
        wanted, excluded = self.a, self.b
        moved = False
        while wanted.is_active() and excluded.is_active():
            current = wanted.id()
            if excluded.id() < current:
                excluded.skip_to(current)
                if not excluded.is_active():
                    break
            if excluded.id() != current:
                break
            moved = bool(wanted.next()) or moved
        return moved

    AndNotMatcher._find_first = find_first
    AndNotMatcher._find_next = find_next

    original = InverseMatcher._find_next

    def inverse_find_next(self: Any) -> None:
        original(self)
        while self._id < self.limit and self.missing(self._id):
            self._id += 1
            original(self)

    InverseMatcher._find_next = inverse_find_next

    list_weight = ListMatcher.weight

    def weight(self: Any) -> Any:
        if self._all_weights is not None:
            return self._all_weights
        return list_weight(self)

    ListMatcher.weight = weight

    range_normalize = TermRange.normalize

    def normalize(self: Any) -> Any:
        if self.start == self.end and self.start and (self.startexcl or self.endexcl):
            word = Term(self.fieldname, self.start)
            return AndNot(word, word)  # matches nothing, and stays a clause that does
        return range_normalize(self)

    TermRange.normalize = normalize

    range_merge = RangeMixin.merge

    def merge(self: Any, other: Any, intersect: bool = True) -> Any:
        if intersect:  # Whoosh kept the wider of two nested ranges, also when intersecting
            start, end = self._comparable_start(), self._comparable_end()
            other_start, other_end = other._comparable_start(), other._comparable_end()
            if start >= other_start and end <= other_end:
                return self
            if other_start >= start and other_end <= end:
                return other
        return range_merge(self, other, intersect)

    RangeMixin.merge = merge
