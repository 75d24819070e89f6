"""The memory of a process tree over its life: a full build's, sampled from outside.

    .venv/bin/python tests/benchmarks/memtree.py --build CORPUS --home FRESH_DIR [--log F.csv]
    .venv/bin/python tests/benchmarks/memtree.py [--interval 0.5] -- COMMAND ARGS...

Runs COMMAND (or, with `--build`, a full build of CORPUS into the empty NEWSREAD_HOME
`--home`: `Library.open()` + `update()`, nothing else) and every `--interval` seconds reads
`/proc/PID/smaps_rollup` of it and of its descendants. Prints, as a table and as one JSON
line (`MEMTREE-RESULT {...}`):

- the largest sum of the tree's RSS at one moment (a page shared since a fork counts once in
  every process that maps it: what `ps` and most monitors add up) and what it was made of
  (the top process's RSS, the others');
- the largest sum of the tree's PSS at one moment (a shared page split between the processes
  that map it: what the tree costs the machine);
- the top process's own peak RSS, and the largest peak RSS of any other process in the tree
  (with when it lived, in seconds from the start);
- CPU seconds: the whole tree (the rusage of the command and of every descendant, reaped by
  it or, orphaned, by this process: see `become_subreaper`), and the top process's own (its
  last sample);
- the wall time.

The sampler is a separate process: its reads of the page tables (a few ms per process per
sample) are not in the figures. `--log` writes every sample (seconds, pid, parent pid, RSS
and PSS in kB, name) to a CSV file. Nothing is asserted; compare runs on the same machine,
CPU seconds rather than wall time when the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

RESULT_MARK = "MEMTREE-RESULT "
TICKS = os.sysconf("SC_CLK_TCK")

BUILD = """
import json, sys, time
from pathlib import Path
from newsread.index.library import Library
started = time.monotonic()
library = Library(Path(sys.argv[1])).open()
commits = []
merging = []
def on_progress(progress):
    if progress.phase == "merging" and not merging:
        merging.append(time.monotonic() - started)
summary = library.update(
    on_progress=on_progress, on_commit=lambda total: commits.append(time.monotonic() - started)
)
library.close()
print("BUILD " + json.dumps({
    "articles": summary.total_articles, "commits": [round(c, 1) for c in commits],
    "merge_started": merging[0] if merging else None,
    "seconds": round(time.monotonic() - started, 1),
}), flush=True)
"""


@dataclass
class Peaks:
    tree_rss_kb: int = 0
    tree_rss_parts_kb: tuple[int, list[int]] = (0, [])
    tree_rss_at: float = 0.0
    tree_pss_kb: int = 0
    tree_pss_at: float = 0.0
    top_rss_kb: int = 0
    top_cpu_seconds: float = 0.0
    others: dict[int, list[float]] = field(default_factory=dict)
    """pid -> [peak RSS kB, first seen, last seen]."""


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


def tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children_of(current)
    return found


def rollup(pid: int) -> tuple[int, int] | None:
    """(RSS, PSS) in kB, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            text = handle.read()
    except OSError:
        return None
    rss = pss = 0
    for line in text.splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1])
        elif line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


def stat(pid: int) -> tuple[int, str, float]:
    """(parent pid, name, CPU seconds), or (0, "", 0.0) once gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            text = handle.read()
    except OSError:
        return 0, "", 0.0
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), name, (int(fields[11]) + int(fields[12])) / TICKS


def sample(top: int, peaks: Peaks, now: float, log: object | None) -> None:
    rss_sum = pss_sum = 0
    top_rss = 0
    others: list[int] = []
    for pid in tree(top):
        memory = rollup(pid)
        if memory is None:
            continue
        rss, pss = memory
        rss_sum += rss
        pss_sum += pss
        parent, name, cpu = stat(pid)
        if pid == top:
            top_rss = rss
            peaks.top_rss_kb = max(peaks.top_rss_kb, rss)
            peaks.top_cpu_seconds = max(peaks.top_cpu_seconds, cpu)
        else:
            others.append(rss)
            seen = peaks.others.setdefault(pid, [0, now, now])
            seen[0] = max(seen[0], rss)
            seen[2] = now
        if log is not None:
            print(f"{now:.2f},{pid},{parent},{rss},{pss},{name}", file=log)  # type: ignore[call-overload]
    if rss_sum > peaks.tree_rss_kb:
        peaks.tree_rss_kb, peaks.tree_rss_at = rss_sum, now
        peaks.tree_rss_parts_kb = (top_rss, sorted(others, reverse=True))
    if pss_sum > peaks.tree_pss_kb:
        peaks.tree_pss_kb, peaks.tree_pss_at = pss_sum, now


def become_subreaper() -> None:
    """Adopt the command's orphaned descendants (Linux's PR_SET_CHILD_SUBREAPER): a process
    the command does not wait for (multiprocessing's fork server, which reaps the sub-writers
    it forked, and outlives the command by a moment) is reaped here, and its CPU counted."""
    import ctypes

    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap_orphans(timeout: float = 30.0) -> float:
    """Wait for the descendants left once the command ended; their CPU seconds (with all they
    waited for)."""
    cpu = 0.0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid:
            cpu += usage.ru_utime + usage.ru_stime
        else:
            time.sleep(0.05)
    return cpu


def measure(command: list[str], interval: float, log_path: str | None) -> dict[str, object]:
    log = open(log_path, "w") if log_path else None
    if log is not None:
        print("seconds,pid,ppid,rss_kb,pss_kb,name", file=log)
    become_subreaper()
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peaks = Peaks()
    output: list[str] = []
    import threading

    reader = threading.Thread(target=lambda: output.extend(process.stdout or ()), daemon=True)
    reader.start()
    cpu = 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            cpu += usage.ru_utime + usage.ru_stime
            process.returncode = os.waitstatus_to_exitcode(status)
            break
        sample(process.pid, peaks, time.monotonic() - started, log)
        time.sleep(interval)
    wall = time.monotonic() - started
    cpu += reap_orphans()
    reader.join(5)
    if log is not None:
        log.close()
    largest = max(peaks.others.items(), key=lambda item: item[1][0], default=None)
    mb = 1 / 1024
    result: dict[str, object] = {
        "command": [word if len(word) < 200 else word[:40] + "..." for word in command],
        "exit": process.returncode,
        "tree_rss_mb": round(peaks.tree_rss_kb * mb, 1),
        "tree_rss_at": round(peaks.tree_rss_at, 1),
        "tree_rss_top_mb": round(peaks.tree_rss_parts_kb[0] * mb, 1),
        "tree_rss_others_mb": [round(kb * mb, 1) for kb in peaks.tree_rss_parts_kb[1]],
        "tree_pss_mb": round(peaks.tree_pss_kb * mb, 1),
        "tree_pss_at": round(peaks.tree_pss_at, 1),
        "top_rss_mb": round(peaks.top_rss_kb * mb, 1),
        "largest_other_rss_mb": round(largest[1][0] * mb, 1) if largest else None,
        "largest_other_lived": [round(largest[1][1], 1), round(largest[1][2], 1)]
        if largest
        else None,
        "processes": 1 + len(peaks.others),
        "cpu_seconds": round(cpu, 1),
        "top_cpu_seconds": round(peaks.top_cpu_seconds, 1),
        "wall_seconds": round(wall, 1),
        "output": [line.rstrip("\n") for line in output][-5:],
    }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--log", help="write every sample to this CSV file")
    parser.add_argument("--build", metavar="CORPUS", help="a full build of this folder")
    parser.add_argument("--home", help="with --build: an empty NEWSREAD_HOME (made if missing)")
    parser.add_argument("command", nargs="*")
    opts = parser.parse_args()
    if opts.build:
        if not opts.home:
            parser.error("--build needs --home")
        home = Path(opts.home)
        if home.exists() and any(home.iterdir()):
            parser.error(f"{home} is not empty: a build starts from nothing")
        home.mkdir(parents=True, exist_ok=True)
        os.environ["NEWSREAD_HOME"] = str(home)
        command = [sys.executable, "-c", BUILD, opts.build]
    elif opts.command:
        command = opts.command
    else:
        parser.error("give --build CORPUS or a command")
    result = measure(command, opts.interval, opts.log)
    print(
        f"tree RSS at one moment {result['tree_rss_mb']} MB at {result['tree_rss_at']} s "
        f"(top {result['tree_rss_top_mb']} + others {result['tree_rss_others_mb']}); "
        f"tree PSS {result['tree_pss_mb']} MB at {result['tree_pss_at']} s; "
        f"top's peak {result['top_rss_mb']} MB, largest other's {result['largest_other_rss_mb']}"
        f" MB (lived {result['largest_other_lived']} s); CPU {result['cpu_seconds']} s "
        f"(top {result['top_cpu_seconds']} s); wall {result['wall_seconds']} s; "
        f"{result['processes']} processes"
    )
    print(RESULT_MARK + json.dumps(result))
    return 0 if result["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
