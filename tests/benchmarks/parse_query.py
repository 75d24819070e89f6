"""Parsing a query: `parse_query` against Whoosh's own parser on the same texts, interleaved.

    .venv/bin/python tests/benchmarks/parse_query.py [--queries OUT/queries-10000.json]

Takes the plain-word kinds of a bench.py query file (term, AND, keystroke, sort by date),
parses each text both ways in turn, three rounds, and prints the CPU time per query
(`time.thread_time`) and the ratio: plain words skip the parser (`search._plain_words`).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

KINDS = ("term", "and", "typing", "sort_date")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", default="/tmp/newsread-bench/queries-10000.json")
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args()

    from newsread.index.engine import search
    from newsread.index.engine.schema import build_schema

    schema = build_schema()
    specs = json.loads(Path(opts.queries).read_text())
    texts = [spec["text"] for kind in KINDS for spec in specs.get(kind, [])]
    plain = sum(search._plain_words(text) is not None for text in texts)
    ours: list[float] = []
    whoosh: list[float] = []
    for _ in range(opts.rounds):
        for text in texts:
            started = time.thread_time()
            try:
                search.parse_query(text, schema)
            except search.QueryError:
                pass  # only stop words: the same work was done
            middle = time.thread_time()
            search._parser(schema).parse(text)
            whoosh.append(time.thread_time() - middle)
            ours.append(middle - started)

    def at(values: list[float], share: float) -> float:
        ranked = sorted(values)
        return ranked[min(len(ranked) - 1, int(share * len(ranked)))] * 1000

    print(f"{plain} of {len(texts)} queries are plain words")
    for share in (0.5, 0.95):
        print(
            f"p{share * 100:.0f}: parse_query {at(ours, share):.3f} ms, Whoosh's parser "
            f"{at(whoosh, share):.3f} ms, ratio {at(ours, share) / at(whoosh, share):.2f}"
        )


if __name__ == "__main__":
    main()
