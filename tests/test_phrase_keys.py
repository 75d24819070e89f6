"""Phrase keys (`newsread.index.engine.phrase_keys`): each against a slow, obviously right
twin on random postings; the file written with a segment and read back; a file that does not
read back whole is not used."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions

from newsread.index.engine import phrase_keys


def _postings(rng: random.Random, documents: int, top: int) -> dict[int, list[int]]:
    """A word's postings: some documents, each with a few positions under `top`."""
    found = {}
    for d in sorted(rng.sample(range(documents), rng.randint(1, documents))):
        found[d] = sorted(rng.sample(range(top), rng.randint(1, min(top, 6))))
    return found


def _deltas(positions: list[int]) -> list[int]:
    return [p - q for p, q in zip(positions, [0, *positions], strict=False)]


def _keyed(postings: dict[int, list[int]]) -> tuple[NDArray[Any], int]:
    docs = sorted(postings)
    return phrase_keys.keys(docs, [_deltas(postings[d]) for d in docs])


@pytest.mark.parametrize("seed", range(40))
def test_keys_are_each_position_with_its_document(seed: int) -> None:
    rng = random.Random(seed)
    top = rng.choice([1, 2, 7, 300, 70_000, 1 << 22])
    postings = _postings(rng, rng.choice([1, 5, 300, 5000]), top)
    found, shift = _keyed(postings)
    largest = max(max(p) for p in postings.values())
    assert shift == max(1, largest.bit_length())
    expected = [d << shift | p for d in sorted(postings) for p in postings[d]]
    assert found.tolist() == expected
    assert found.dtype == (np.uint32 if expected[-1] < 1 << 32 else np.uint64)


def _slow_phrase(words: list[dict[int, list[int]]]) -> list[int]:
    """Documents where word i stands at some start + i, for every word i."""
    docs = set(words[0]).intersection(*words[1:])
    return sorted(
        d for d in docs if any(all(s + i in w[d] for i, w in enumerate(words)) for s in words[0][d])
    )


@pytest.mark.parametrize("seed", range(200))
def test_phrase_documents_agree_with_a_slow_search(seed: int) -> None:
    """Random words (some repeated in the phrase), positions dense enough that phrases are
    found, some words' positions far larger (another shift, 64-bit keys)."""
    rng = random.Random(seed)
    documents = rng.choice([1, 3, 40, 2000])
    vocabulary = [
        _postings(rng, documents, rng.choice([4, 12, 64, 1 << 16, 1 << 17])) for _ in range(4)
    ]
    words = [rng.choice(vocabulary) for _ in range(rng.randint(2, 5))]
    keyed = [_keyed(w) for w in words]
    assert phrase_keys.phrase_documents(keyed).tolist() == _slow_phrase(words)


def test_a_phrase_is_not_found_across_documents() -> None:
    """The last position of one document and the first of the next are not neighbours,
    whatever the shift makes of them."""
    first = {0: [3], 1: [0]}  # 3 is the largest position: shift 2, mask 3
    second = {1: [0], 2: [0]}
    keyed = [_keyed(first), _keyed(second)]
    assert phrase_keys.phrase_documents(keyed).tolist() == []
    assert phrase_keys.phrase_documents(keyed[::-1]).tolist() == []


@pytest.mark.parametrize("seed", range(20))
def test_weights_are_the_counts_of_positions_times_the_boost(seed: int) -> None:
    rng = random.Random(seed)
    postings = _postings(rng, rng.choice([5, 500]), rng.choice([8, 1 << 20]))
    documents = np.array(sorted(rng.sample(sorted(postings), rng.randint(1, len(postings)))))
    boost = rng.choice([1.0, 2.0, 1.3])
    expected = [float(np.float32(len(postings[d]) * boost)) for d in documents.tolist()]
    assert phrase_keys.weights(_keyed(postings), documents, boost) == expected


def test_weights_of_the_last_document_of_full_32_bit_keys() -> None:
    """Keys up to 2**32 - 1: the end of the last document's keys is past what 32 bits hold."""
    top = (1 << 16) - 1  # shift 16
    postings = {(1 << 16) - 1: [0, top]}
    found, shift = _keyed(postings)
    assert found.dtype == np.uint32 and int(found[-1]) == (1 << 32) - 1
    assert phrase_keys.weights((found, shift), np.array([(1 << 16) - 1]), 1.0) == [2.0]


class _Segment:
    def __init__(self, name: str) -> None:
        self.name = name

    def make_filename(self, ext: str) -> str:
        return self.name + ext

    def create_file(self, storage: Any, ext: str) -> Any:
        return storage.create_file(self.make_filename(ext))


class _Reader:
    """What `phrase_keys.of` asks of a segment reader."""

    def __init__(self, storage: Any, segment: _Segment) -> None:
        self._storage, self._segment = storage, segment

    def segment(self) -> _Segment:
        return self._segment


def _encoded(positions: list[int]) -> bytes:
    return Positions().encode(positions)  # type: ignore[no-any-return]


def _write(folder: Path, words: dict[tuple[str, bytes], dict[int, list[int]]]) -> _Reader:
    storage = FileStorage(str(folder))
    segment = _Segment("MAIN_test")
    writer = phrase_keys.Writer(storage, segment)
    for (fieldname, btext), postings in sorted(words.items()):
        docs = sorted(postings)
        writer.add(fieldname, btext, docs, [_encoded(postings[d]) for d in docs])
    writer.close()
    phrase_keys.forget()
    return _Reader(storage, segment)


def test_a_keys_file_reads_back(tmp_path: Path) -> None:
    rng = random.Random(5)
    words = {("body", b"oil"): _postings(rng, 300, 900), ("title", b"oil"): _postings(rng, 9, 5)}
    reader = _write(tmp_path, words)
    keys = phrase_keys.of(reader)
    assert keys is not None and keys.keyed_postings == phrase_keys.KEYED_POSTINGS
    for word, postings in words.items():
        found = keys.get(*word)
        assert found is not None
        expected = _keyed(postings)
        assert found[0].tolist() == expected[0].tolist() and found[1] == expected[1]
    assert keys.get("body", b"gas") is None


@pytest.mark.parametrize("damage", ["cut", "garbage", "empty", "missing"])
def test_a_keys_file_that_does_not_read_back_whole_is_not_used(tmp_path: Path, damage: str) -> None:
    """A file cut short (a writer killed mid-way), overwritten, empty or missing: the
    segment's phrases are checked the old way."""
    reader = _write(tmp_path, {("body", b"oil"): {1: [2, 5], 4: [0]}})
    path = tmp_path / "MAIN_test.nrk"
    data = path.read_bytes()
    if damage == "cut":
        path.write_bytes(data[: len(data) - 5])
    elif damage == "garbage":
        path.write_bytes(random.Random(1).randbytes(len(data)))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    phrase_keys.forget()
    assert phrase_keys.of(reader) is None


@pytest.mark.parametrize("seed", range(30))
def test_postings_are_each_document_once_with_its_weight(seed: int) -> None:
    """A word's postings read from its keys: every document, or those asked for that have
    it, with the counts of its positions times the boost as 32-bit floats (slow twin: the
    postings themselves)."""
    rng = random.Random(seed)
    documents = rng.choice([1, 5, 500, 3000])
    postings = _postings(rng, documents, rng.choice([1, 8, 1 << 20, 1 << 22]))
    boost = rng.choice([1.0, 2.0, 1.3])
    keyed = _keyed(postings)

    def weight(d: int) -> float:
        return float(np.float32(len(postings[d]) * boost))

    docs, weights = phrase_keys.postings(keyed, boost)
    assert docs.dtype == np.int64 and weights.dtype == np.float32
    assert docs.tolist() == sorted(postings)
    assert weights.tolist() == [weight(d) for d in sorted(postings)]
    asked = sorted(rng.sample(range(documents + 3), rng.randint(0, documents)))
    docs, weights = phrase_keys.postings(keyed, boost, np.array(asked, np.int64))
    assert docs.tolist() == [d for d in asked if d in postings]
    assert weights.tolist() == [weight(d) for d in asked if d in postings]


def _resident_kb(path: Path) -> int:
    """This process's resident kilobytes of its mappings of `path` (/proc/self/smaps)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if line[:1].isdigit() or line[:1] in "abcdef" and "-" in line.split()[0]:
            inside = line.rstrip().endswith(str(path))
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="needs /proc/self/smaps")
def test_a_search_s_end_gives_back_the_pages_it_read(tmp_path: Path) -> None:
    """Pages of a keys file read by a search count in the process's resident memory until
    released; they read back the same after."""
    postings = {d: list(range(0, 40, 3)) for d in range(40_000)}  # ~2 MB of keys
    reader = _write(tmp_path, {("body", b"oil"): postings})
    keys = phrase_keys.of(reader)
    assert keys is not None
    found = keys.get("body", b"oil")
    assert found is not None
    total = int(found[0].sum())  # every page read
    path = tmp_path / "MAIN_test.nrk"
    assert _resident_kb(path) > 1000
    phrase_keys.release()
    assert _resident_kb(path) < 100
    assert int(found[0].sum()) == total  # mapped again from the page cache: the same keys
