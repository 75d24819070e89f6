"""Helpers for the hostile-input suite: run the CLI as a user would, check what it wrote, mount a
small tmpfs where the system allows it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# What a terminal acts on: C0 controls but tab and newline, DEL and C1 controls (8-bit CSI
# \x9b, OSC \x9d ...), bidi overrides and isolates, zero-width characters.
_TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def run_cli(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    """`newsread ARGS` in a child process with its own NEWSREAD_HOME, output captured as bytes.
    `timeout` only guards against a hang: indexing 800 articles took over 60 s at a load of 18."""
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR",)}
    # Wide enough that Rich never wraps a line: markup must come out on one line, literally.
    env.update(NEWSREAD_HOME=str(home), COLUMNS="500", TERM="xterm-256color")
    return subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", *args],
        capture_output=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def assert_terminal_safe(output: bytes) -> str:
    """`output` (bytes a command wrote) has nothing a terminal would run; returns it decoded.

    ESC and BEL are checked as bytes. The C1 controls are checked as characters: in UTF-8 the
    bytes 0x9b and 0x9d are also continuation bytes of ordinary letters ("ě" is c4 9b), and a
    terminal reading UTF-8 acts on the character U+009B, not on the byte.
    """
    assert b"\x1b" not in output and b"\x07" not in output, output
    text = output.decode("utf-8")  # strict: newsread writes UTF-8 and nothing else
    found = _TERMINAL_CONTROLS.findall(text)
    assert not found, f"terminal controls {found!r} in {text!r}"
    return text


def assert_no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stdout


@contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `path` for the block; skips the test where mounting fails."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)
