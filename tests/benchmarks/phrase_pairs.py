"""What indexing pairs of neighbouring common words (CommonGrams) would cost and cover, for a
choice of "common" list, without building an index (issue 16, pairs16):

    .venv/bin/python tests/benchmarks/phrase_pairs.py --corpora ../shared/corpora \
        --root /tmp/newsread-bench/corpus-10000 --queries /tmp/newsread-bench/queries-10000.json

For each list, the share of the query file's phrases that have two neighbouring common words
(those a pair term would answer) and the pair postings a body would add, as a share of its
term postings (the build's cost grew about in step: +15% postings, +9% build CPU; +38%,
+37%). The lists: the terms in the largest smallest share of documents over general corpora
(BBC news, trafilatura's and Zyte's pages as text; not the benchmark's Reuters), and the
library's own most common terms in its first `--first` articles (what a list chosen at the
first build would be). A script, not a test; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from newsread.index.engine.schema import StemAnalyzer, analyse_word

GENERAL = ("bbc/*/*.txt", "pagetext/trafilatura-eval/*.txt", "pagetext/zyte/*.txt")
_words = StemAnalyzer()


def document_frequencies(paths: Iterable[Path]) -> tuple[Counter[str], int]:
    """Each term's number of documents among `paths`, and the number of documents."""
    frequency: Counter[str] = Counter()
    documents = 0
    for path in paths:
        documents += 1
        frequency.update(_words.word_positions(path.read_text(errors="replace")).keys())
    return frequency, documents


def general_list(corpora: Path, count: int) -> frozenset[str]:
    """The `count` alphabetic terms with the highest smallest document share over `GENERAL`."""
    shares = []
    for pattern in GENERAL:
        frequency, documents = document_frequencies(sorted(corpora.glob(pattern)))
        shares.append({term: n / documents for term, n in frequency.items()})
    everywhere = set.intersection(*(set(share) for share in shares))
    scored = {t: min(s[t] for s in shares) for t in everywhere if t.isalpha() and len(t) > 1}
    return frozenset(sorted(scored, key=lambda t: (-scored[t], t))[:count])


def pairs(text: str, common: frozenset[str]) -> set[tuple[str, str]]:
    """Neighbouring common terms, as positions count them (stop words left out)."""
    at: dict[int, list[str]] = {}
    for term, places in _words.word_positions(text).items():
        if term in common:
            for place in places:
                at.setdefault(place, []).append(term)
    return {(a, b) for place, firsts in at.items() for b in at.get(place + 1, ()) for a in firsts}


def covered(phrase: list[str], common: frozenset[str]) -> bool:
    terms = [t for t in map(analyse_word, phrase) if t]
    return any(a in common and b in common for a, b in zip(terms, terms[1:], strict=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True, help="the shared corpora folder")
    parser.add_argument("--root", type=Path, required=True, help="bench.py's corpus")
    parser.add_argument("--queries", type=Path, required=True, help="bench.py's query file")
    parser.add_argument("--first", type=int, default=500, help="articles the library list sees")
    parser.add_argument("--sample", type=int, default=500, help="articles the costs are of")
    args = parser.parse_args()
    files = sorted(p for p in args.root.rglob("*") if p.is_file())
    library = [t for t, _ in document_frequencies(files[: args.first])[0].most_common()]
    lists = {"general 300": general_list(args.corpora, 300)}
    lists.update({f"library {n}": frozenset(library[:n]) for n in (100, 300, 600)})
    sample = [p.read_text(errors="replace") for p in files[:: max(1, len(files) // args.sample)]]
    postings = sum(len(_words.word_positions(text)) for text in sample)
    phrases = [q["words"] for q in json.loads(args.queries.read_text())["phrase"]]
    for name, common in lists.items():
        added = sum(len(pairs(text, common)) for text in sample)
        share = sum(covered(p, common) for p in phrases) / len(phrases)
        print(
            f"{name:12} phrases with a pair {share:4.0%}   "
            f"pair postings {added / postings:4.0%} of the body's"
        )


if __name__ == "__main__":
    main()
