"""How fast the text analyzer folds and stems real articles, as a ratio to the pipeline before
folding (lower-casing only, Whoosh's word pattern) and to Whoosh's own StemmingAnalyzer.

A script, not a test (pytest ignores this folder); figures are printed, never asserted:

    .venv/bin/python tests/benchmarks/analyzer.py ../shared/corpora/reuters --files 3000

Each analyzer runs over the same texts as indexing calls it (positions, no offsets), the three
interleaved over `--rounds` rounds; the best round of each counts (a shared machine is noisy).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh.analysis import STOP_WORDS, StemmingAnalyzer, Token

from newsread.index.engine.schema import StemAnalyzer, _Whole, stem_word


class LowercaseStemAnalyzer(StemAnalyzer):
    """The fused analyzer before folding (schema 4), its loop copied verbatim: Whoosh's word
    pattern (no combining marks), `str.lower`, a stem cache keyed by the lower-cased word."""

    _WORDS = re.compile(r"[\w\*]+(\.?[\w\*]+)*")

    def __init__(self) -> None:
        super().__init__()
        self._stems: dict[str, str] = {}

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Any:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stems = self._stems
        stops = STOP_WORDS
        matches: Any = self._WORDS.finditer(value) if tokenize else [_Whole(value)]
        pos = None
        for index, match in enumerate(matches):
            original = match.group()
            text = original.lower()
            token.boost = 1.0
            if keeporiginal or not tokenize:
                token.original = original
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if len(text) < 2 or text in stops:
                if removestops:
                    continue
                token.stopped = True
                token.text = text
                if positions:
                    token.pos = start_pos + index
                yield token
                continue
            if positions:
                pos = start_pos + index if pos is None else pos + 1
                token.pos = pos
            token.stopped = False
            stemmed = stems.get(text)
            if stemmed is None:
                stemmed = stems[text] = stem_word(text)
                if len(stems) > 100_000:
                    stems.clear()
            token.text = stemmed
            yield token


def _texts(folder: Path, files: int) -> list[str]:
    paths = sorted(p for p in folder.rglob("*") if p.is_file())[:files]
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _run(analyzer: Callable[..., Any], texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    tokens = 0
    for text in texts:
        for _ in analyzer(text, positions=True):
            tokens += 1
    return time.perf_counter() - started, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of article files")
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = _texts(args.corpus, args.files)
    analyzers: dict[str, Callable[..., Any]] = {
        "before (lower-case)": LowercaseStemAnalyzer(),
        "now (NFKC + case fold)": StemAnalyzer(),
        "Whoosh StemmingAnalyzer": StemmingAnalyzer(stemfn=stem_word),
    }
    best = {name: float("inf") for name in analyzers}
    counts: dict[str, int] = {}
    for _ in range(args.rounds):
        for name, analyzer in analyzers.items():
            seconds, counts[name] = _run(analyzer, texts)
            best[name] = min(best[name], seconds)
    megabytes = sum(len(t) for t in texts) / 1e6
    baseline = best["before (lower-case)"]
    print(f"{len(texts)} files, {megabytes:.1f} MB of text, best of {args.rounds} rounds")
    for name, seconds in best.items():
        print(
            f"{name:26} {seconds:7.3f} s  {megabytes / seconds:5.1f} MB/s  "
            f"{counts[name]:>9,} tokens  x{seconds / baseline:.2f}"
        )


if __name__ == "__main__":
    main()
