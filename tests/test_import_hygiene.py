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


def newsread_imports() -> dict[str, set[str]]:
    """Every newsread module and the newsread modules it imports anywhere: at the top, inside
    functions and under TYPE_CHECKING (a lazy import is still a dependency)."""
    import ast

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    modules: dict[str, Path] = {}
    for package, folder in config["package-dir"].items():
        if not package.startswith("newsread.") or "." in package.removeprefix("newsread."):
            continue
        for path in (REPO / folder).rglob("*.py"):
            name = ".".join((package, *path.relative_to(REPO / folder).with_suffix("").parts))
            modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_newsread_module_imports_one_that_imports_it_back() -> None:
    graph = newsread_imports()
    assert "newsread.tui.app" in graph and "newsread.index.engine.search" in graph
    # Depth-first search; a module met again while still on the path closes a cycle.
    path: list[str] = []
    state: dict[str, str] = {}

    def visit(module: str) -> list[str]:
        state[module] = "open"
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return [*path[path.index(imported) :], imported]
            if imported not in state and (cycle := visit(imported)):
                return cycle
        state[module] = "done"
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            assert not cycle, " -> ".join(cycle)


def test_searching_a_library_compiles_none_of_the_file_readers_patterns() -> None:
    # The byline and date patterns took a third of a `newsread search`'s CPU time in a
    # library that needed no reading: they are imported when a file is read. The package's
    # metadata (its version) took ~20 ms of every command's CPU: it is read for --version.
    code = (
        "import sys, newsread.index.library, newsread.index.files.reader, newsread.tui.cli\n"
        "newsread.tui.cli._parser().parse_args(['search', 'harbour'])\n"
        "print(' '.join(m for m in ('newsread.index.files.formats.bylines',"
        " 'newsread.index.files.dates', 'importlib.metadata') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
