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
            # No cache written: the link tree is new each run, so no later run could read
            # it, and writing it was ~5% of mypy's CPU time (7.7-8.4 s against 7.3-7.8 s).
            "--cache-dir", os.devnull,
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


def _rebound_constants(source: str) -> list[str]:
    """Module-level names bound twice where the second binding does not build on the first:
    a constant defined anew by another part of a long module silently changes the first's
    meaning for every function that reads it."""
    import ast

    bound: set[str] = set()
    rebound = []
    for statement in ast.parse(source).body:
        if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or statement.value is None:
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        used = {node.id for node in ast.walk(statement.value) if isinstance(node, ast.Name)}
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in bound and target.id not in used and target.id != "__all__":
                    rebound.append(f"{target.id} (line {statement.lineno})")
                bound.add(target.id)
    return rebound


def test_no_module_defines_a_constant_twice() -> None:
    # html.py's `_FIELD_LABEL` was once defined again 40 lines below the first, for another
    # use: the first's function read the second and stopped reading "Publicado por:" lines.
    found = {
        str(path.relative_to(REPO)): rebound
        for package in ("index", "tui")
        for path in sorted((REPO / package).rglob("*.py"))
        if (rebound := _rebound_constants(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_a_constant_defined_twice_is_found_and_one_built_on_itself_is_not() -> None:
    assert _rebound_constants("A = 1\nB = 2\nA = 3\n") == ["A (line 3)"]
    assert _rebound_constants("A = {1}\nA = A | {2}\nB: int = 1\n") == []
