"""Stories: articles that are versions of one another (a wire story re-published by other
outlets, a correction, an update, one page saved twice), found at index time.

Each article body is cut into word shingles (runs of `SHINGLE` words) and sketched with a
one-permutation MinHash (one hash per shingle, `BINS` bins, empty bins filled from their
neighbours); the sketch is cut into `BANDS` bands of `ROWS` values, and articles sharing a band
are candidates (LSH). A candidate is confirmed by the exact resemblance of the two shingle
sets, so the sketch only has to find pairs, never to judge them, and by what the two say
beyond their wording (`same_substance`: dates, figures, names in the titles): briefs cut from
one template resemble as much as versions do. Confirmed pairs link articles into parts; a part
is cut into stories in key order, each article joining the story of the first story-leading
article it is a version of (`_Grouper.settle`), so every version resembles its story's first
article, and a story's id is derived from that article's key.

Everything lives in the article store (SQLite), in the same transaction as the articles, so
it follows files as they come, change and go, across runs and processes (updates hold the
library's write lock):
- `story_of` (key -> story, band hashes): what search reads to fold and count stories;
- `story_bands` (band hash, key): the LSH buckets, looked up by the articles added next
(their schema is the article store's, in `newsread.index.engine.docstore`).
A story whose versions are deleted is grouped again from what remains: it shrinks or splits.
The stories depend only on the articles, never on the order they came in.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Any
from zlib import crc32

from newsread.index.article import Article, in_utc
from newsread.index.engine.docstore import DocStore
from newsread.index.engine.schema import period_end
from newsread.index.folding import fold
from newsread.index.results import Version

SHINGLE = 3
"""Words per shingle: long enough that articles on one topic share few, short enough that a
reworded sentence keeps most of its neighbours."""
BINS = 64
BANDS = 21
ROWS = 3
"""21 bands of 3 values: two articles whose shingle sets resemble at 0.3 share a band with
probability 0.43, at 0.5 0.93, at 0.7 1.0; at 0.05 (same topic, another story) 0.003."""
SAME_STORY = 0.3
"""The least resemblance (shared shingles over the smaller set and the union, see
`resemblance`) for two articles to be versions of one story."""
VERSIONS_WITHIN = timedelta(days=3)
"""Two dated versions of one story are published this close: a re-publication, a correction
or an update follows within days; a brief that shares another's template weeks later (a
price change, a dividend, a results table) is another story."""
SAME_FIGURES = 0.5
"""The least share of the figures (numbers) of the article with fewer that the other repeats:
versions of one story give its figures again (a correction changes one of them); briefs cut
from one template differ in exactly those."""
BRIEF = 200
"""Bodies shorter than this many characters are briefs: all but their figures is the template
(a dividend, a price change), so two of them are one story only if most of the words of
the shorter title are the other's too (half is the template's half: "X Inc <X> Sets Payout")."""
MIN_SHINGLES = 12
"""An article with fewer shingles (a line or two) stands alone: too little to judge."""
SHINGLE_CACHE = 2048
"""Shingle sets one update keeps for comparisons (~5 KB each for a 4 KB article, as arrays);
others are computed again from the store when a candidate needs them."""

JUDGED_PAIRS = 100_000
"""Pairs whose `same` one update remembers (settling a part compares its articles again)."""


_MASK64 = (1 << 64) - 1
_MASK63 = (1 << 63) - 1
_MIX = 0x9E3779B97F4A7C15
_VALUE_BITS = 58  # the low bits of a shingle hash; the top 6 pick its bin (BINS = 64)
_ASCII_PUNCTUATION = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
_PUNCTUATION = str.maketrans(
    {c: " " for c in "\u00ab\u00bb\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026"}
)


def shingles(text: str) -> set[int]:
    """The body's word shingles (punctuation and case aside), each as a 64-bit hash.

    Per word a CRC-32, per shingle the hash of the tuple of three: all of it runs in C (a
    Python loop over the words doubled the cost of a build's story finding). Tuple and int
    hashes are fixed functions of the values, the same in every process (`PYTHONHASHSEED`
    changes only str and bytes hashes); `HASH_PROBE` notices a Python that hashes otherwise.
    """
    folded = fold(text)
    if not folded.isascii():
        folded = folded.translate(_PUNCTUATION)
    words = folded.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION).split()
    ids = list(map(crc32, words))
    return set(map(_MASK64.__and__, map(hash, zip(ids, ids[1:], ids[2:], strict=False))))


HASH_PROBE = str(hash((2026, 12, 3)) & _MASK64)
"""How this Python hashes a shingle; stories stored by a Python hashing otherwise are found
again (see `update_stories`)."""


def sketch(hashes: Iterable[int]) -> list[int]:
    """One-permutation MinHash of a shingle set: the least value in each of `BINS` bins, an
    empty bin taking its next non-empty neighbour's (rotation densification)."""
    empty = 1 << _VALUE_BITS
    bins = [empty] * BINS
    for h in hashes:
        slot, value = h >> _VALUE_BITS, h & (empty - 1)
        if value < bins[slot]:
            bins[slot] = value
    if empty in bins:
        filled = [i for i, v in enumerate(bins) if v != empty]
        if not filled:
            return bins
        for i in range(BINS):
            if bins[i] == empty:
                # The next filled bin to the right (wrapping), offset by the distance so that
                # two empty bins borrowing from one neighbour do not agree by construction.
                j = next((f for f in filled if f > i), filled[0])
                bins[i] = (bins[j] + ((j - i) % BINS) * 0x5BD1E995) & (empty - 1)
    return bins


def band_hashes(signature: Sequence[int]) -> list[int]:
    """One 63-bit hash per band of `ROWS` sketch values (the band's number mixed in)."""
    bands = []
    for band in range(BANDS):
        h = band + 1
        for value in signature[band * ROWS : (band + 1) * ROWS]:
            h = ((h ^ value) * _MIX) & _MASK64
        bands.append((h ^ (h >> 29)) & _MASK63)
    return bands


def resemblance(a: set[int], b: set[int]) -> float:
    """How much of one story two shingle sets are: the mean of their Jaccard index and their
    containment (shared over the smaller), so a trimmed or extended version counts as close
    as a reworded one."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / (len(a) + len(b) - shared) + shared / min(len(a), len(b))) / 2


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_BRIEF_FIGURE = re.compile(rf"(\d+)-(\d+)/(\d+)|\d+(?:[.,]\d+)*|\b(?:{'|'.join(_NUMBER_WORDS)})\b")
BRIEF_FIGURES = 3
"""Briefs with at most this many figures (a dividend: the amount, the day paid, the day of
record) are one story only if they lead with the same figure: briefs cut from one template
on one day share the days and differ in the amount ("Qtly div 25 cts ... Pay May 15" and
"Qtly div 64 cts ... Pay May 15"); a correction of the day keeps the amount."""


@dataclass(frozen=True)
class Substance:
    """What two versions of one story must agree on beyond their wording (`same_substance`)."""

    published: datetime | None
    latest: datetime | None
    """The last moment it may be from: `published`, or the end of the year or month it is
    dated by alone (`Article.period`)."""
    figures: frozenset[str]
    title_words: frozenset[str]
    body_words: frozenset[str]
    names: frozenset[str]
    """The body's words it writes capitalised and never in lower case (folded): names."""
    length: int
    lead: str | None = None
    """A brief's first figure, written in digits ("six" is "6", "16-1/2" is "16.5")."""
    brief_figures: int = 0
    """How many different figures a brief gives (written so)."""

    @classmethod
    def of(cls, article: Article) -> Substance:
        body = fold(article.body)
        published, latest = article.published, article.published
        if published is not None and article.period:
            wall = published.replace(tzinfo=None)
            latest = published + (period_end(wall, article.period) - wall)
        return cls(
            published,
            latest,
            frozenset(_FIGURE.findall(body)),
            frozenset(_WORD.findall(fold(article.title))),
            frozenset(_WORD.findall(body)),
            _names(article.body),
            len(body),
            *_brief_figures(body),
        )


def _brief_figures(body: str) -> tuple[str | None, int]:
    """The first figure of a brief and how many different ones it gives (None, 0 for an
    article longer than a brief)."""
    if len(body) >= BRIEF:
        return None, 0
    figures = []
    for match in _BRIEF_FIGURE.finditer(body):
        whole, numerator, denominator = match.groups()
        text = match.group()
        if whole is not None:
            text = f"{int(whole) + int(numerator) / max(int(denominator), 1):g}"
        elif text in _NUMBER_WORDS:
            text = str(_NUMBER_WORDS.index(text))
        figures.append(text)
    return (figures[0] if figures else None), len(set(figures))


def _names(text: str) -> frozenset[str]:
    words = set(_WORD.findall(text))
    common = {w for w in words if w.islower()}
    return frozenset(fold(w) for w in words if w[0].isupper() and w.lower() not in common)


def same_substance(a: Substance, b: Substance) -> bool:
    """Whether two articles whose words resemble tell one story rather than two cut from one
    template: published within `VERSIONS_WITHIN` when both are dated, sharing their figures
    (`SAME_FIGURES`), titles agreeing when a body is a brief (`BRIEF`), and their titles
    not naming one each that the other never does (a company, a ticker, a team, a place, a
    figure: "Exxon cuts ..." and "Sun raises ...")."""
    if a.published is not None and b.published is not None:
        # Apart by the least time their dates allow: a version dated by its year alone may be
        # from any day of it.
        assert a.latest is not None and b.latest is not None
        apart = max(in_utc(a.published) - in_utc(b.latest), in_utc(b.published) - in_utc(a.latest))
        if apart > VERSIONS_WITHIN:
            return False
    fewer = min(len(a.figures), len(b.figures))
    if fewer and len(a.figures & b.figures) < SAME_FIGURES * fewer:
        return False
    if a.lead and b.lead and min(a.brief_figures, b.brief_figures) <= BRIEF_FIGURES:
        if a.lead != b.lead:
            return False
    if min(a.length, b.length) < BRIEF:
        shared = len(a.title_words & b.title_words)
        if shared <= min(len(a.title_words), len(b.title_words)) / 2:
            return False
    return not all(
        one.title_words & (one.names | one.figures) - other.body_words - other.title_words
        for one, other in ((a, b), (b, a))
    )


def story_id(first_key: str) -> str:
    """A story's id: a short digest of its smallest article key."""
    return hashlib.blake2b(first_key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


@dataclass
class StoryChanges:
    """What `update_stories` did (for tests and benchmarks)."""

    added: int = 0
    removed: int = 0
    regrouped: int = 0
    compared: int = 0


class _Grouper:
    """One update's view of the story tables: shingle sets cached, SQL in one place."""

    def __init__(self, docs: DocStore, generation: int = 0) -> None:
        self.docs = docs
        self.generation = generation
        """What the rows written now are marked with (`story_of.gen`)."""
        self.db: sqlite3.Connection = docs.connection
        self.cache: OrderedDict[str, array[int]] = OrderedDict()
        """The latest shingle sets, at most `SHINGLE_CACHE` (a build's batch of tens of thousands
        of articles held every one: 1.9 GB at 100,000 articles), each as an array of 64-bit
        hashes: as sets (~50 KB for a 4 KB article) they were the indexing process's peak,
        ~100 MB at every commit, which its forked sub-writers then carried too; a set is made
        again only for a comparison."""
        self.substances: OrderedDict[str, Substance] = OrderedDict()
        """The latest articles' `Substance`, at most `SHINGLE_CACHE`: an article like many
        others (a template's briefs) is compared with each of them, and reading it from the
        store and parsing it again each time made adding N of them cost N² article reads."""
        self.changes = StoryChanges()
        self.judged: dict[tuple[str, str], bool] = {}
        """`same` of pairs of keys this update (at most `JUDGED_PAIRS`), until articles are
        taken out (an article is taken out before it is grouped again)."""

    def remember(self, key: str, found: set[int]) -> None:
        self.cache[key] = array("Q", found)
        self.cache.move_to_end(key)
        if len(self.cache) > SHINGLE_CACHE:
            self.cache.popitem(last=False)

    def shingles_of(self, keys: Sequence[str]) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for key in keys:
            if key in self.cache:
                self.cache.move_to_end(key)
                found[key] = set(self.cache[key])
        wanted = [k for k in keys if k not in found]
        if wanted:
            for key, article in self.docs.articles(wanted).items():
                found[key] = shingles(article.body)
                self.remember(key, found[key])
        return {k: found.get(k, set()) for k in keys}

    def same(self, key: str, other: str) -> bool:
        """Whether two stored articles are versions of one story (remembered for the update)."""
        pair = (key, other) if key < other else (other, key)
        known = self.judged.get(pair)
        if known is not None:
            return known
        self.changes.compared += 1
        found = self.shingles_of(list(pair))
        verdict = resemblance(found[key], found[other]) >= SAME_STORY
        if verdict:
            substances = self.substance_of(pair)
            verdict = len(substances) == 2 and same_substance(*substances.values())
        if len(self.judged) >= JUDGED_PAIRS:
            self.judged.clear()
        self.judged[pair] = verdict
        return verdict

    def substance_of(self, keys: Sequence[str]) -> dict[str, Substance]:
        """The `Substance` of each of `keys` the store has."""
        found = {key: self.substances[key] for key in keys if key in self.substances}
        wanted = [key for key in keys if key not in found]
        if wanted:
            for key, article in self.docs.articles(wanted).items():
                found[key] = self.substances[key] = Substance.of(article)
        for key in found:
            self.substances.move_to_end(key)
        while len(self.substances) > SHINGLE_CACHE:
            self.substances.popitem(last=False)
        return found

    def candidates(self, bands: Sequence[int], key: str) -> list[str]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.db.execute(
            f"SELECT DISTINCT key FROM story_bands WHERE band IN ({marks})", list(bands)
        )
        return sorted(row[0] for row in rows if row[0] != key)

    def story(self, key: str) -> str | None:
        row = self.db.execute("SELECT story FROM story_of WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def members(self, stories: Iterable[str]) -> list[str]:
        found: list[str] = []
        stories = list(stories)
        for start in range(0, len(stories), 500):
            chunk = stories[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key FROM story_of WHERE story IN ({marks})", chunk)
            found += [row[0] for row in rows]
        return found

    def forget(self, rows: list[tuple[str, str, bytes]]) -> None:
        """Drop these (key, story, bands) rows from both tables."""
        for row in rows:
            self.substances.pop(row[0], None)
        self.db.executemany(
            "DELETE FROM story_bands WHERE band = ? AND key = ?",
            [(band, key) for key, _, blob in rows for band in _unpack(blob)],
        )
        self.db.executemany("DELETE FROM story_of WHERE key = ?", [(row[0],) for row in rows])

    def add(self, article: Article) -> None:
        """Put `article` in its story: with the first article (by key) of the stories of
        the articles it resembles, as `settle` would, else their part is settled again."""
        key = article.key
        found = shingles(article.body)
        self.remember(key, found)
        self.substances.pop(key, None)  # read again if compared: only look-alikes are
        bands = band_hashes(sketch(found)) if len(found) >= MIN_SHINGLES else []
        self.db.execute(
            "INSERT OR REPLACE INTO story_of (key, story, bands, gen) VALUES (?, ?, ?, ?)",
            (key, story_id(key), _pack(bands), self.generation),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO story_bands VALUES (?, ?)", [(b, key) for b in bands]
        )
        self.changes.added += 1
        stories = {
            self.story(other) for other in self.candidates(bands, key) if self.same(key, other)
        }
        if not stories:
            return
        if len(stories) == 1:
            (story,) = stories
            first = self.db.execute(
                "SELECT MIN(key) FROM story_of WHERE story = ?", (story,)
            ).fetchone()[0]
            if first is not None and first < key and self.same(key, first):
                # Joining its first article's story changes no other article's place.
                self.db.execute("UPDATE story_of SET story = ? WHERE key = ?", (story, key))
                return
        self.settle([key])

    def part(self, seeds: Iterable[str]) -> list[str]:
        """The articles linked to `seeds` by pairs of versions, directly or through others."""
        seen = set(seeds)
        todo = sorted(seen)
        while todo:
            key = todo.pop()
            row = self.db.execute("SELECT bands FROM story_of WHERE key = ?", (key,)).fetchone()
            for other in self.candidates(_unpack(row[0]) if row else [], key):
                if other not in seen and self.same(key, other):
                    seen.add(other)
                    todo.append(other)
        return sorted(seen)

    def settle(self, seeds: Iterable[str]) -> None:
        """Group the part of `seeds` into stories from scratch: in key order, each article
        joins the story of the first earlier article that leads one and that it is a version
        of, else leads its own. Every version resembles its story's first article: a chain of
        resemblances (A like B, B like C, A unlike C: briefs cut from one template) does not
        join different stories."""
        keys = self.part(seeds)
        leaders: list[str] = []
        story_of: dict[str, str] = {}
        for key in keys:
            leader = next((first for first in leaders if self.same(key, first)), None)
            if leader is None:
                leaders.append(key)
                leader = key
            story_of[key] = story_id(leader)
        self.db.executemany(
            "UPDATE story_of SET story = ?, gen = ? WHERE key = ?",
            [(story, self.generation, key) for key, story in story_of.items()],
        )
        self.changes.regrouped += len(keys)


def _pack(bands: Sequence[int]) -> bytes:
    return array("q", bands).tobytes()


def _unpack(blob: bytes) -> list[int]:
    values = array("q")
    values.frombytes(blob)
    return values.tolist()


def update_stories(docs: DocStore, fresh: Sequence[Article]) -> StoryChanges:
    """Bring the story tables up to date with the article store; no commit (the caller commits
    them with the articles).

    `fresh` are the articles just (re)read: grouped anew even if their key was known (their
    text may have changed). Keys the store no longer holds leave their stories, which are
    grouped again from what remains.
    """
    update = StoryUpdate(docs)
    update.add(fresh)
    return update.finish()


class StoryUpdate:
    """`update_stories` fed as the articles are read, a few at a time (`add`), then
    `finish`ed once the store holds them all; the caller commits (one `StoryUpdate` per
    commit of the store: searchers keep a story map per generation).

    An update used to keep every article it read until its commit to group them: at
    100,000 articles a batch held tens of thousands (their text), the indexing process's
    memory peak, which every sub-writer forked from it carried as well. The stories found
    are the same: each part (articles linked by pairs of versions) is settled again whenever
    an article joins or leaves it, whether an article comes now or the old rows it meets
    leave theirs later.
    """

    def __init__(self, docs: DocStore) -> None:
        self.docs = docs
        self.grouper = _Grouper(docs, int(docs.get_meta("stories") or 0) + 1)
        self._checked = False

    def add(self, fresh: Sequence[Article]) -> None:
        """Group `fresh` (articles just (re)read, already in the store) into stories."""
        grouper = self.grouper
        db = grouper.db
        if not self._checked:
            self._checked = True
            if self.docs.get_meta("stories_hash") != HASH_PROBE:
                self._start_over(fresh)
        keys = sorted({article.key for article in fresh})
        self._forget(
            [
                row
                for chunk in _chunks(keys, 500)
                for row in db.execute(
                    "SELECT key, story, bands FROM story_of"
                    f" WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            ]
        )
        for article in fresh:
            grouper.add(article)

    def _start_over(self, fresh: Sequence[Article]) -> None:
        """Band hashes stored by a Python that hashes otherwise match nothing now: every
        article of the store is grouped again."""
        db = self.grouper.db
        if db.execute("SELECT 1 FROM story_of LIMIT 1").fetchone():
            db.execute("DELETE FROM story_of")
            db.execute("DELETE FROM story_bands")
            known = {article.key for article in fresh}
            rest = [k for k in self.docs.all_keys() if k not in known]
            for chunk in _chunks(rest, 500):
                for article in self.docs.articles(chunk).values():
                    self.grouper.add(article)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('stories_hash', ?)", (HASH_PROBE,))

    def _forget(self, gone: list[tuple[str, str, bytes]]) -> None:
        if gone:
            self.grouper.forget(gone)
            self.grouper.changes.removed += len(gone)
            self.grouper.judged.clear()  # their text may come back changed
            self.grouper.settle(self.grouper.members({row[1] for row in gone}))

    def finish(self) -> StoryChanges:
        """Take the keys the store no longer holds out of their stories; mark the
        generation. Returns what the update did."""
        grouper = self.grouper
        db = grouper.db
        if not self._checked:
            self.add(())
        self._forget(
            db.execute(
                "SELECT key, story, bands FROM story_of WHERE key NOT IN (SELECT key FROM articles)"
            ).fetchall()
        )
        if grouper.changes.added or grouper.changes.removed:
            db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('stories', ?)", (str(grouper.generation),)
            )
        return grouper.changes


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- reading stories, for search -----------------------------------------------------------


def docnum_stories(
    docs: DocStore, searcher: Any, keys: Sequence[bytes | str | None]
) -> list[str | bytes | None]:
    """Each document number's story, for `keys` (the searcher's key column, by document
    number), as a value that equals another document's exactly when the two are one story:
    the story id (`str`) of an article whose story has other versions, else the article's
    own key (`bytes`, from `keys`), which stands for its key's `story_id` (`story_name` turns
    either into the id). Cached with the searcher until the story tables change.

    An article the tables do not know (a read-only store of an older newsread) is a story of
    its own.
    """
    generation = docs.get_meta("stories") or ""
    cached = searcher.__dict__.get("_newsread_stories")
    if cached is not None and cached[0] == generation:
        return cached[1]  # type: ignore[no-any-return]
    story_of = _story_map(docs, int(generation or 0))
    column: list[str | bytes | None] = list(map(story_of.get, keys, keys))
    searcher.__dict__["_newsread_stories"] = (generation, column)
    return column


def story_name(value: str | bytes | None) -> str:
    """The story id of a `docnum_stories` value."""
    if isinstance(value, str):
        return value
    return story_id(value.decode("utf-8", "surrogateescape") if value else "")


_story_maps_lock = threading.Lock()

_GROUPED = "SELECT story FROM story_of GROUP BY story HAVING COUNT(*) > 1"


def _story_map(docs: DocStore, generation: int) -> dict[Any, str]:
    """Article key (bytes, as the key column holds them) -> story, as of `generation`, for
    the articles whose story has other versions: an article alone is its key's `story_id`,
    which search need not keep (at 100,000 articles a map of every article was 16 MB of the
    app's memory, most of it stories of one). Kept with `docs` (`DocStore.derived`) and
    brought up to date by reading only the stories of the rows written since
    (`story_of.gen`): an update of a few files changes a few rows. Keys of deleted articles
    may linger: no searcher has them.
    """
    db = docs.connection
    with _story_maps_lock:
        known: tuple[int, dict[Any, str]] | None = docs.derived.get("story map")
        try:
            if known is not None and known[0] == generation:
                return known[1]
            if known is not None and known[0] < generation:
                found = known[1]
                # A row written since may have left its story (now alone, or elsewhere) ...
                for (key,) in db.execute(
                    "SELECT CAST(key AS BLOB) FROM story_of WHERE gen > ?", (known[0],)
                ):
                    found.pop(key, None)
                # ... or joined one whose other versions were not written again.
                found.update(
                    db.execute(
                        "SELECT CAST(key AS BLOB), story FROM story_of WHERE story IN ("
                        " SELECT story FROM story_of WHERE story IN ("
                        "  SELECT story FROM story_of WHERE gen > ?)"
                        " GROUP BY story HAVING COUNT(*) > 1)",
                        (known[0],),
                    )
                )
            else:
                found = _grouped(db)
        except sqlite3.OperationalError:  # no such column (gen): an older, read-only store
            found = _grouped(db)
        docs.derived["story map"] = (generation, found)
        return found


def _grouped(db: sqlite3.Connection) -> dict[Any, str]:
    """Key -> story of every article whose story has other versions ({} without the table)."""
    try:
        return dict(
            db.execute(f"SELECT CAST(key AS BLOB), story FROM story_of WHERE story IN ({_GROUPED})")
        )
    except sqlite3.OperationalError:  # no such table: an older, read-only store
        return {}


def versions_of(docs: DocStore, stories: Iterable[str]) -> dict[str, list[str]]:
    """Story -> the keys of its articles, sorted."""
    found: dict[str, list[str]] = {}
    stories = sorted(set(stories))
    try:
        for chunk in _chunks(stories, 500):
            marks = ",".join("?" * len(chunk))
            rows = docs.connection.execute(
                f"SELECT story, key FROM story_of WHERE story IN ({marks}) ORDER BY key", chunk
            )
            for story, key in rows:
                found.setdefault(story, []).append(key)
    except sqlite3.OperationalError:  # no such table
        pass
    return found


def first_per_story(
    ranked: list[tuple[int, float]],
    story_of: Sequence[Hashable],
    wanted: int,
    total: int,
    rank: Callable[[int], list[tuple[int, float]]],
) -> list[tuple[int, float]]:
    """The best-ranked (docnum, score) of each story, `wanted` stories at most: `ranked` is
    the start of the ranking, `rank(n)` its first `n`, asked for more while stories are
    missing and hits remain (`total`, or a bound on their number: a ranking shorter than
    asked for is the whole of it)."""
    asked = 0
    while True:
        seen: set[Hashable] = set()
        picked = []
        for docnum, score in ranked:
            story = story_of[docnum]
            if story not in seen:
                seen.add(story)
                picked.append((docnum, score))
                if len(picked) == wanted:
                    return picked
        if len(ranked) >= total or len(ranked) < asked:
            return picked
        asked = max(len(ranked) * 4, wanted * 4)
        ranked = rank(asked)


def count_stories(story_of: Sequence[Hashable], docnums: list[int]) -> int:
    """How many stories these documents belong to."""
    if len(docnums) < 2:
        return len(docnums)
    return len(set(itemgetter(*docnums)(story_of)))


LISTED_VERSIONS = 30
"""A hit names at most this many of its story's other articles (all are counted)."""


def other_versions(docs: DocStore, key: str) -> list[Version]:
    """The other articles of `key`'s story, oldest first (the first `LISTED_VERSIONS`)."""
    story = _Grouper(docs).story(key) if _has_stories(docs) else None
    if story is None:
        return []
    described = describe_versions(docs, versions_of(docs, [story]))
    return [v for v in described.get(story, ()) if v.key != key][:LISTED_VERSIONS]


def _has_stories(docs: DocStore) -> bool:
    """Whether the store has story tables (a read-only store of an older newsread may not)."""
    row = docs.connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_of'"
    ).fetchone()
    return row is not None


def _date_order(article: Article) -> tuple[bool, date, datetime, str]:
    """Where `article` stands among its story's versions, oldest first: as the date sorts
    put it (its page's own day, then the instant), undated last, then by key."""
    when = article.published
    if when is None:
        return True, date.min, datetime.min, article.key
    return False, when.date(), in_utc(when), article.key


def describe_versions(docs: DocStore, members: dict[str, list[str]]) -> dict[str, list[Version]]:
    """Story -> its articles (up to `LISTED_VERSIONS` + 1, oldest first, undated last), for
    the stories of a page of hits."""
    wanted = [key for keys in members.values() if len(keys) > 1 for key in keys]
    if not wanted:
        return {}
    articles = docs.articles(wanted)
    described: dict[str, list[Version]] = {}
    for story, keys in members.items():
        found = [articles[k] for k in keys if k in articles and len(keys) > 1]
        found.sort(key=_date_order)
        described[story] = [
            Version(a.key, a.title, a.source, a.published, a.period, a.id)
            for a in found[: LISTED_VERSIONS + 1]
        ]
    return described
