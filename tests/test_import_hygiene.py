"""index/ never imports Textual; the package list in pyproject.toml is complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]


def test_index_package_never_imports_textual() -> None:
    modules = sorted(
        "newsread.index." + ".".join(p.relative_to(REPO / "index").with_suffix("").parts)
        for p in (REPO / "index").rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(' '.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert len(modules) > 5


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    mapping = config["package-dir"]
    found = set()
    for package, folder in mapping.items():
        for path in (REPO / folder).rglob("*"):
            rel = path.relative_to(REPO / folder).parts
            # setuptools treats any folder with an importable name as a (namespace) package
            # and warns unless it is listed: data folders such as sample_articles/feeds too.
            if path.is_dir() and "__pycache__" not in rel and all(p.isidentifier() for p in rel):
                found.add(".".join((package, *rel)))
        found.add(package)
    assert found == listed


@pytest.mark.parametrize("flag", ["error::SyntaxWarning", "error::DeprecationWarning"])
def test_whoosh_and_index_import_clean_with_warnings_as_errors(flag: str) -> None:
    result = subprocess.run(
        [sys.executable, "-W", flag, "-c", "import whoosh.index, newsread.index.engine.search"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
