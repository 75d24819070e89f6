"""How well newsread finds the versions of one story: precision and recall of "same story".

A labelled set from ../shared/corpora/reuters (read in place, written to a temporary library):
`--stories` articles each re-written the ways outlets do (another headline, a dateline and a
byline added, sentences trimmed and reordered, a paragraph added, another source), mixed with
`--others` articles from the same topic folders. Reuters-21578 holds real near-duplicates of its
own (the same item filed twice); chosen articles that resemble each other (the exact measure,
`stories.resemblance` ≥ 0.2, over every pair that shares a shingle) are left out, so the only
true pairs are the rewrites. The library is indexed with newsread's own `Library.update`, and
every pair of articles the store puts in one story is a predicted pair.

    .venv/bin/python tests/benchmarks/stories_quality.py              # 500 + 2,000, ~1 min
    .venv/bin/python tests/benchmarks/stories_quality.py --stories 100 --others 400 --seed 3

Prints precision, recall and the pairs counted; the targets are ≥ 0.95 and ≥ 0.90.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve()
REUTERS = HERE.parents[2].parent / "shared" / "corpora" / "reuters"

OUTLETS = ("AP", "AFP", "Bloomberg", "Financial Times", "Dow Jones", "UPI", "Kyodo", "Xinhua")
CITIES = ("NEW YORK", "LONDON", "TOKYO", "WASHINGTON", "CHICAGO", "FRANKFURT", "PARIS", "SYDNEY")
NAMES = ("Jane Doe", "Peter Alvarez", "Mina Okafor", "Tom Becker", "Lena Sato", "Ravi Mehta")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def load_reuters() -> dict[str, list[tuple[str, str, list[str]]]]:
    """Topic -> (title, date line, paragraphs) of every Reuters article with 80+ words."""
    by_topic: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for path in sorted(REUTERS.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) < 7 or not lines[0].startswith("REUTERS / "):
            continue
        paragraphs = [p.strip() for p in "\n".join(lines[6:]).split("\n\n") if p.strip()]
        if sum(len(p.split()) for p in paragraphs) < 80:
            continue
        by_topic[lines[0][len("REUTERS / ") :].strip()].append((lines[2], lines[4], paragraphs))
    return by_topic


def rewrite(
    rng: random.Random, title: str, paragraphs: list[str], filler: list[str]
) -> tuple[str, list[str]]:
    """The article as another outlet runs it."""
    sentences = [s for p in paragraphs for s in _SENTENCE.split(p) if s.strip()]
    # Trim: drop 10-25% of the sentences (never the first), keep at least three.
    drop = int(len(sentences) * rng.uniform(0.10, 0.25))
    for _ in range(min(drop, max(0, len(sentences) - 3))):
        sentences.pop(rng.randrange(1, len(sentences)))
    # Reorder: swap a few neighbouring sentences after the lede.
    for _ in range(max(1, len(sentences) // 6)):
        if len(sentences) > 3:
            i = rng.randrange(1, len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    # Regroup into paragraphs of 1-3 sentences.
    out: list[str] = []
    while sentences:
        n = rng.randint(1, 3)
        out.append(" ".join(sentences[:n]))
        sentences = sentences[n:]
    city = rng.choice(CITIES)
    out[0] = f"{city}, Feb {rng.randint(1, 28)} - {out[0]}"
    out.insert(0, f"By {rng.choice(NAMES)}")
    # A paragraph of background, from an article outside the set.
    out.insert(rng.randint(2, len(out)), rng.choice(filler))
    words = title.split()
    headline = " ".join(rng.sample(words, len(words))) if len(words) > 2 else title
    return f"{rng.choice(('UPDATE 1-', 'CORRECTED-', 'WRAPUP-', ''))}{headline.title()}", out


def write(
    path: Path, source: str, topic: str, title: str, dateline: str, paragraphs: list[str]
) -> None:
    date = dateline.rsplit(" - ", 1)[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"{source} / {topic}\n\n{title}\n\n{date} - {source}\n\n" + "\n\n".join(paragraphs) + "\n"
    )


def pick(rng: random.Random, stories: int, others: int) -> tuple[list, list, list[str]]:
    """(originals, others, filler paragraphs): articles of the same topics, none resembling
    another."""
    from newsread.index.engine.stories import resemblance, shingles

    by_topic = load_reuters()
    topics = sorted(t for t, items in by_topic.items() if len(items) >= 40)
    pool = [(t, item) for t in topics for item in by_topic[t]]
    rng.shuffle(pool)
    chosen: list[tuple[str, tuple[str, str, list[str]]]] = []
    sets: list[set[int]] = []
    seen: dict[int, list[int]] = defaultdict(list)
    rest = []
    for topic, item in pool:
        if len(chosen) >= stories + others:
            rest.append(item)
            continue
        found = shingles("\n\n".join(item[2]))
        near = {j for h in found for j in seen.get(h, ())}
        if any(resemblance(found, sets[j]) >= 0.2 for j in near):
            continue
        for h in found:
            seen[h].append(len(chosen))
        chosen.append((topic, item))
        sets.append(found)
    filler = [p for item in rest for p in item[2] if len(p.split()) >= 25]
    return chosen[:stories], chosen[stories:], filler


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--others", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", help="write the library here and keep it")
    opts = parser.parse_args()
    if not REUTERS.is_dir():
        print(f"needs {REUTERS}", file=sys.stderr)
        return 2
    rng = random.Random(opts.seed)
    originals, others, filler = pick(rng, opts.stories, opts.others)
    with tempfile.TemporaryDirectory(prefix="newsread-stories-") as tmp:
        root = Path(opts.keep) if opts.keep else Path(tmp) / "library"
        truth: set[frozenset[str]] = set()
        for n, (topic, (title, dateline, paragraphs)) in enumerate(originals):
            original = f"{topic}/{n:05d}.txt"
            write(root / original, "REUTERS", topic, title, dateline, paragraphs)
            new_title, new_paragraphs = rewrite(rng, title, paragraphs, filler)
            outlet = rng.choice(OUTLETS)
            version = f"{topic}/{n:05d}-{outlet.replace(' ', '')}.txt"
            write(root / version, outlet, topic, new_title, dateline, new_paragraphs)
            truth.add(frozenset((original, version)))
        for n, (topic, (title, dateline, paragraphs)) in enumerate(others):
            write(
                root / f"{topic}/other-{n:05d}.txt", "REUTERS", topic, title, dateline, paragraphs
            )
        os.environ["NEWSREAD_HOME"] = str(Path(tmp) / "home")
        from newsread.index import Library

        library = Library(root).open()
        started = time.perf_counter()
        summary = library.update()
        elapsed = time.perf_counter() - started
        groups: dict[str, list[str]] = defaultdict(list)
        for key, story in library.docs.connection.execute("SELECT key, story FROM story_of"):
            groups[story].append(key)
        library.close()
    predicted = {
        frozenset(pair) for keys in groups.values() for pair in itertools.combinations(keys, 2)
    }
    right = len(predicted & truth)
    precision = right / len(predicted) if predicted else 1.0
    recall = right / len(truth) if truth else 1.0
    report = {
        "articles": summary.total_articles,
        "true_pairs": len(truth),
        "predicted_pairs": len(predicted),
        "right": right,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "stories": len(groups),
        "build_seconds": round(elapsed, 1),
    }
    print(json.dumps(report))
    print(f"precision {precision:.3f} (target 0.95), recall {recall:.3f} (target 0.90)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
