"""The code checks run with the tests, so CI and the README's test command hold them.

ruff (lint and format), mypy --strict and the import-linter contracts in pyproject.toml. The
checkout maps `newsread.index` to `index/` (pyproject's package-dir), which neither mypy nor
import-linter can follow through an editable install, so both read a link tree in which
`newsread/index` and `newsread/tui` point at this checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def link_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("linked")
    (root / "newsread").mkdir()
    for package in ("index", "tui"):
        (root / "newsread" / package).symlink_to(REPO / package, target_is_directory=True)
    return root


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}
    )


def test_ruff_finds_nothing() -> None:
    result = run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing() -> None:
    result = run([sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."], REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean(link_tree: Path) -> None:
    result = run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", str(REPO / "pyproject.toml"),
            "--cache-dir", str(link_tree / ".mypy_cache"),
            "-p", "newsread.index", "-p", "newsread.tui",
        ],
        link_tree,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_import_contracts_are_kept(link_tree: Path) -> None:
    """tui → newsread.index (the front door) → engine → Whoosh; see pyproject.toml."""
    result = run(
        # --config: import-linter 2.15 (the newest for Python 3.10) takes no positional file.
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        link_tree,
        PYTHONPATH=str(link_tree),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
