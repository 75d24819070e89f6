"""Phrase keys: a segment's common words' positions as sorted arrays, for exact phrases.

Whoosh keeps a word's positions in each document as a pickled list inside pickled, compressed
blocks of 128 postings. A phrase of common words ("year said", "rate bank debt") has tens of
thousands of candidates at 100,000 articles and few matches, and decoding every candidate's
positions in Python cost 150-450 ms. Here each word of more than `KEYED_POSTINGS` postings
in a positions field also has, in a file beside the segment's (`<segment id>.nrk`), every
position of it in the segment as one number, `document << shift | position`, in one sorted
array. The documents where word i of a phrase stands at the start plus i are then found with a
few array operations (numpy's `searchsorted`) over those arrays: a few milliseconds.

The file is written with the segment (`Writer`, from `posting_writer.write_terms`) and never
changes; Whoosh deletes it with the segment's other files. A segment without one (written by
an older newsread or by Whoosh's own writer), or with one that does not read back whole, is
searched the old way: the keys only make phrases faster, never different
(tests/test_search_oracle.py holds both ways to the same answers).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import struct
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Array = NDArray[Any]
    """A numpy array (NDArray: a bare Array is an error under numpy 2.2's stubs)."""

SUFFIX = ".nrk"
KEYED_POSTINGS = 128
"""Words with more postings than this in a segment have their keys in the file (more than
one posting block: ~97% of a 100,000-article library's positions); the keys of the others
are made from their postings when a phrase needs them (one block: well under a
millisecond)."""
_MAGIC = b"NRKEYS1\n"
_FOOTER = struct.Struct("<Q8s")  # the directory's offset, then the magic again


def numpy_module() -> Any:
    """numpy, imported without the thread pool its linear algebra library starts (this
    module does no linear algebra: one idle thread per core, and memory, for nothing)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy

    return numpy


def keys(documents: Sequence[int], positions: Sequence[Sequence[int]]) -> tuple[Array, int]:
    """The sorted keys of one word's postings (`documents` ascending, each with its
    positions as deltas, the first absolute: Whoosh's encoding) and their shift: a key is
    `document << shift | position`, the shift the fewest bits any position needs."""
    return _combined(documents, [_absolute(positions)])


def keys_of_values(
    documents: Sequence[int], values: Sequence[Any], decode: Callable[[Sequence[Any]], Any]
) -> tuple[Array, int]:
    """`keys` of postings given as their values (`decode`: values -> their positions as
    deltas), decoded `DECODED_AT_ONCE` at a time: the Python lists of a word in every
    document ("said": 1.4 million positions at 100,000 articles, ~50 MB as lists) are never
    all held at once."""
    return _combined(
        documents,
        [
            _absolute(decode(values[start : start + DECODED_AT_ONCE]))
            for start in range(0, len(values), DECODED_AT_ONCE)
        ],
    )


DECODED_AT_ONCE = 4096
"""Postings whose positions are decoded together by `keys_of_values`."""


def _absolute(positions: Sequence[Sequence[int]]) -> tuple[Array, Array]:
    """Postings' positions given as deltas: (each posting's number of positions, every
    position in order)."""
    np = numpy_module()
    lengths = np.fromiter(map(len, positions), dtype=np.int64, count=len(positions))
    running = np.zeros(int(lengths.sum()) + 1, dtype=np.int64)
    running[1:] = np.fromiter(
        chain.from_iterable(positions), dtype=np.int64, count=len(running) - 1
    )
    np.cumsum(running, out=running)
    starts = np.zeros(len(lengths), dtype=np.int64)  # where each posting's positions start
    np.cumsum(lengths[:-1], out=starts[1:])
    return lengths, running[1:] - np.repeat(running[starts], lengths)


def _combined(documents: Sequence[int], parts: list[tuple[Array, Array]]) -> tuple[Array, int]:
    """The keys of postings in parts, each (lengths, positions) from `_absolute`."""
    np = numpy_module()
    lengths = np.concatenate([lengths for lengths, _ in parts]) if parts else np.zeros(0, np.int64)
    found = np.concatenate([found for _, found in parts]) if parts else np.zeros(0, np.int64)
    shift = max(1, int(found.max()).bit_length()) if len(found) else 1
    combined = np.repeat(np.asarray(documents, dtype=np.int64), lengths)
    combined <<= shift
    combined |= found
    del found
    if len(combined) and int(combined[-1]) < 1 << 32:
        return combined.astype(np.uint32), shift
    return combined.astype(np.uint64), shift


class Writer:
    """Writes a segment's keys file: `add` each keyed word in order, then `close`."""

    def __init__(self, storage: Any, segment: Any) -> None:
        self.file = segment.create_file(storage, SUFFIX)
        self.file.write(_MAGIC)
        self.at = len(_MAGIC)
        self.directory: dict[tuple[str, bytes], tuple[int, int, int, str]] = {}
        self.keyed_postings = KEYED_POSTINGS

    def wants(self, documents: Sequence[int]) -> bool:
        """Whether a word of these postings is keyed in the file."""
        return len(documents) > self.keyed_postings

    def add(
        self, fieldname: str, btext: bytes, documents: Sequence[int], values: Sequence[Any]
    ) -> None:
        """A word's postings: its documents and their values (Whoosh's `Positions`)."""
        found, shift = keys_of_values(documents, values, _decoder())
        data = found.astype(found.dtype.newbyteorder("<")).tobytes()
        self.directory[(fieldname, btext)] = (self.at, len(found), shift, found.dtype.char)
        self.file.write(data)
        self.at += len(data)

    def abandon(self) -> None:
        """Close the file unfinished (the segment is not written): it never reads back."""
        self.file.close()

    def close(self) -> None:
        table = pickle.dumps(
            {"keyed_postings": self.keyed_postings, "words": self.directory},
            pickle.HIGHEST_PROTOCOL,
        )
        self.file.write(table + _FOOTER.pack(self.at, _MAGIC))
        self.file.close()


def keyable(format_: Any) -> bool:
    """Whether a field of this format has keys: Whoosh's plain `Positions`."""
    from whoosh.formats import Positions

    return type(format_) is Positions


def _decoder() -> Callable[[Sequence[Any]], list[list[int]]]:
    """`Positions` values -> their positions as deltas."""
    from whoosh.formats import Positions

    from newsread.index.engine.positions import position_deltas

    return position_deltas(Positions())


class SegmentKeys:
    """A segment's keys file as read back: `get(fieldname, btext)` gives a keyed word's keys
    and shift, None for a word not in it (one of `keyed_postings` postings or fewer)."""

    def __init__(
        self,
        data: Any,
        directory: dict[tuple[str, bytes], tuple[int, int, int, str]],
        keyed_postings: int,
    ) -> None:
        self.data, self.directory, self.keyed_postings = data, directory, keyed_postings

    def get(self, fieldname: str, btext: bytes) -> tuple[Array, int] | None:
        np = numpy_module()

        entry = self.directory.get((fieldname, btext))
        if entry is None:
            return None
        at, count, shift, char = entry
        dtype = np.dtype(char).newbyteorder("<")
        return np.frombuffer(self.data, dtype=dtype, count=count, offset=at), shift


_opened: OrderedDict[str, SegmentKeys | None] = OrderedDict()
_opened_lock = threading.Lock()
_OPEN_AT_MOST = 64
"""Segments' keys files kept open (mapped) at once: a library has a few dozen at most."""


def of(reader: Any) -> SegmentKeys | None:
    """The keys file of a segment reader's segment, None when it has none that reads back
    whole (or numpy is missing)."""
    segment = reader.segment() if hasattr(reader, "segment") else None
    storage = getattr(reader, "_storage", None)
    folder = getattr(storage, "folder", None)
    if segment is None or not folder:
        return None
    path = os.path.join(folder, segment.make_filename(SUFFIX))
    with _opened_lock:
        if path in _opened:
            _opened.move_to_end(path)
            return _opened[path]
    found = _read(path)
    with _opened_lock:
        # A merged segment's files are deleted: let go of their mappings (their disk space)
        for gone in [p for p in _opened if not os.path.exists(p)]:
            del _opened[gone]
        _opened[path] = found
        while len(_opened) > _OPEN_AT_MOST:
            _opened.popitem(last=False)
    return found


def _read(path: str) -> SegmentKeys | None:
    try:
        numpy_module()
    except ImportError:  # without it there are no keys to use
        return None
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size < len(_MAGIC) + _FOOTER.size:
                return None
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        start, magic = _FOOTER.unpack_from(data, size - _FOOTER.size)
        whole = data[: len(_MAGIC)] == _MAGIC and magic == _MAGIC and len(_MAGIC) <= start < size
        if whole:
            table = pickle.loads(data[start : size - _FOOTER.size])
            directory, keyed_postings = table["words"], int(table["keyed_postings"])
            whole = all(
                at + count * (8 if char == "Q" else 4) <= start
                for at, count, _, char in directory.values()
            )
    except (struct.error, pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError):
        whole = False
    if not whole:
        data.close()  # not kept: its mapping goes now
        return None
    return SegmentKeys(data, directory, keyed_postings)


def release() -> None:
    """Give back the pages of keys files this process has read (a search's end): they stay
    in the system's page cache, and a later read maps them again from there. Read pages
    of a mapped file count in the process's resident memory until then: the 100,000-article
    query mix left ~80 MB of them."""
    advice = getattr(mmap, "MADV_DONTNEED", None)
    if advice is None:  # not on this system: the kernel reclaims them when it needs to
        return
    with _opened_lock:
        kept = [keys for keys in _opened.values() if keys is not None]
    for keys in kept:
        with contextlib.suppress(OSError, ValueError):  # closed meanwhile
            keys.data.madvise(advice)


def forget() -> None:
    """Close every keys file kept open (for tests)."""
    with _opened_lock:
        _opened.clear()


def phrase_documents(words: Sequence[tuple[Array, int]]) -> Array:
    """The documents (sorted) where the i-th of `words` (each its keys and shift, in the
    phrase's order) stands at some start plus i, for every i: an exact phrase."""
    np = numpy_module()

    shift = max(s for _, s in words)
    common = [found for found, _ in words]
    if any(s != shift or found.dtype != common[0].dtype for found, s in words):
        # One shift for all (each word's is what its own positions need), in 64 bits.
        common = [_shifted(found.astype(np.uint64), own, shift) for found, own in words]
    mask = (1 << shift) - 1
    order = sorted(range(len(common)), key=lambda i: len(common[i]))
    first = order[0]
    starts = common[first]
    starts = starts[(starts & mask) >= first] - first
    for i in order[1:]:
        keyed = common[i]
        starts = starts[(starts & mask) <= mask - i]  # else word i would be past any position
        if not len(starts) or not len(keyed):
            return np.zeros(0, dtype=np.int64)  # type: ignore[no-any-return]
        wanted = starts + i
        at = np.searchsorted(keyed, wanted)
        at[at == len(keyed)] = 0
        starts = starts[keyed[at] == wanted]
    return np.unique(starts >> shift).astype(np.int64)  # type: ignore[no-any-return]


def _shifted(found: Array, own: int, shift: int) -> Array:
    """Keys of `own` shift as keys of `shift` (at least as large)."""
    if own == shift:
        return found
    return ((found >> own) << shift) | (found & ((1 << own) - 1))


def without(documents: Array, deleted: Collection[int]) -> Array:
    """`documents` less the `deleted` ones."""
    np = numpy_module()

    gone = np.fromiter(deleted, dtype=np.int64, count=len(deleted))
    return documents[~np.isin(documents, gone)]  # type: ignore[no-any-return]


def weights(keyed: tuple[Array, int], documents: Array, boost: float) -> list[float]:
    """A word's weight in each of `documents` (sorted, each holding the word) as Whoosh's
    `Positions` stores it: its number of positions there times the field's boost, as a
    32-bit float (a posting block's weights are)."""
    return postings(keyed, boost, documents)[1].tolist()  # type: ignore[no-any-return]


def postings(
    keyed: tuple[Array, int], boost: float, documents: Array | None = None
) -> tuple[Array, Array]:
    """A keyed word's postings as its segment's posting blocks hold them: the documents
    (ascending, int64) and the word's weight in each (`weights`: float32), of every document
    that has it or of those of `documents` (ascending) that do. Read from the keys, no block
    is inflated or unpickled: "said" at 100,000 articles took 6 ms, not 21."""
    np = numpy_module()

    found, shift = keyed
    if documents is not None:
        return _postings_of(keyed, boost, documents)
    docs = (found >> found.dtype.type(shift)).astype(np.int64)
    if not len(docs):
        return docs, np.zeros(0, np.float32)
    starts = np.empty(len(docs), np.bool_)
    starts[0] = True
    np.not_equal(docs[1:], docs[:-1], out=starts[1:])
    at = np.flatnonzero(starts)
    counts = np.diff(np.append(at, len(docs)))
    return docs[at], (counts * boost).astype(np.float32)


def _postings_of(keyed: tuple[Array, int], boost: float, documents: Array) -> tuple[Array, Array]:
    np = numpy_module()

    found, shift = keyed
    kind = found.dtype.type
    limit = int(np.iinfo(found.dtype).max) >> shift  # the last document keys can name
    documents = documents.astype(np.int64)
    documents = documents[documents <= limit]
    local = documents.astype(found.dtype)
    last = local == limit  # its keys run to the end of the type: its end is the array's
    starts = np.searchsorted(found, local << kind(shift))
    ends = np.searchsorted(found, np.where(last, local, local + kind(1)) << kind(shift))
    ends[last] = len(found)
    counts = ends - starts
    has = counts > 0
    return documents[has], (counts[has] * boost).astype(np.float32)
