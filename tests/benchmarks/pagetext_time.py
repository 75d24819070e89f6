"""CPU time of reading pages saved as text (`parse_text`) against the same code at another
revision, timed in the same run.

    .venv/bin/python tests/benchmarks/pagetext_time.py [--against REV] [--pages N] [--repeat 3]

Loads `index/files/formats/plaintext.py` as it was at REV (default: the merge base with main,
`git merge-base HEAD main`) beside today's, reads the dumps under
`../shared/corpora/pagetext/*/*.txt` once untimed, then times both parsers on each page in
turn, alternating which goes first each round so the machine's noise (helpers sharing two
cores) hits both alike. The old module imports today's neighbours (dates, bylines, pagetext),
so the ratio is that of plaintext's own changes. Prints the mean CPU ms per page of each and
the ratio new / old; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from newsread.index.files.formats import plaintext

REPO = Path(__file__).resolve().parents[2]
PAGETEXT = REPO.parent / "shared" / "corpora" / "pagetext"
MODULE = "index/files/formats/plaintext.py"


def old_module(revision: str, folder: Path) -> ModuleType:
    """plaintext.py at `revision`, imported under another name."""
    source = subprocess.run(
        ["git", "show", f"{revision}:{MODULE}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = folder / "plaintext_then.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("plaintext_then", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["plaintext_then"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--against", help="the revision to compare with")
    parser.add_argument("--pages", type=int, help="at most N pages, spread over the sets")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    revision = (
        args.against
        or subprocess.run(
            ["git", "merge-base", "HEAD", "main"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    )
    if not revision:
        sys.exit("no revision to compare with: pass --against REV")
    files = sorted(PAGETEXT.glob("*/*.txt"))
    if not files:
        sys.exit(f"no page dumps under {PAGETEXT}: the shared corpora are next to the repository")
    if args.pages and len(files) > args.pages:
        step = len(files) / args.pages
        files = [files[int(i * step)] for i in range(args.pages)]
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    with tempfile.TemporaryDirectory() as folder:
        then = old_module(revision, Path(folder))
        for text in texts:  # one-time costs (imports, dateparser's data) outside the timing
            then.parse_text(text)
            plaintext.parse_text(text)
        spent = {"then": 0.0, "now": 0.0}
        for round_ in range(args.repeat):
            pair = [("then", then.parse_text), ("now", plaintext.parse_text)]
            if round_ % 2:
                pair.reverse()
            for text in texts:
                for name, parse in pair:
                    started = time.process_time()
                    parse(text)
                    spent[name] += time.process_time() - started
    count = args.repeat * len(texts)
    print(f"{len(texts)} pages x {args.repeat}, against {revision[:12]}")
    print(f"then {1000 * spent['then'] / count:.2f} CPU ms/page")
    print(f"now  {1000 * spent['now'] / count:.2f} CPU ms/page")
    print(f"now / then {spent['now'] / spent['then']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
