"""Where newsread keeps things, and config.toml that never stops newsread."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from newsread.index import paths
from newsread.index.config import load_config
from newsread.index.private_files import make_private_dir


def test_newsread_home_moves_cache_config_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path))
    assert paths.cache_dir() == tmp_path / "cache"
    assert paths.config_path() == tmp_path / "config" / "config.toml"
    assert paths.annotations_path().parent == tmp_path / "data"
    index = paths.index_dir(tmp_path / "My Library")
    assert index.parent == tmp_path / "cache" / "indexes"
    assert index.name.startswith("My-Library-")


def test_a_relative_newsread_home_is_refused_before_anything_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`NEWSREAD_HOME=nr` made a new home (index, notes) under every folder newsread was
    started in: notes written from one seemed lost from the next."""
    from newsread.tui.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSREAD_HOME", "nr")
    assert main(["search", "harbour", "--library", str(paths.default_library())]) == 2
    said = capsys.readouterr().err
    assert "NEWSREAD_HOME=nr is not an absolute path" in said and str(tmp_path / "nr") in said
    assert list(tmp_path.iterdir()) == []


def test_each_library_gets_its_own_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREAD_HOME", str(tmp_path))
    (tmp_path / "a" / "news").mkdir(parents=True)
    (tmp_path / "b" / "news").mkdir(parents=True)
    assert paths.index_dir(tmp_path / "a" / "news") != paths.index_dir(tmp_path / "b" / "news")
    assert paths.index_dir(tmp_path / "a" / "news") == paths.index_dir(tmp_path / "a/./news")


def test_private_dirs_are_0700(tmp_path: Path) -> None:
    made = make_private_dir(tmp_path / "x" / "y")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700


def test_default_library_is_the_bundled_samples() -> None:
    assert (paths.default_library() / "000_da711241ed4bda25.txt").is_file()


def test_config_values_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_config(path).library is None
    assert load_config(path).briefs is None
    path.write_text(
        'library = "~/news"\ntheme = "nord"\nbriefs = "~/notes"\n[keys]\n"app.quit" = "ctrl+x"\n'
    )
    config = load_config(path)
    assert config.library == Path("~/news").expanduser()
    assert config.briefs == Path("~/notes").expanduser()
    assert config.theme == "nord"
    assert config.keys == {"app.quit": "ctrl+x"}
    assert config.problem == ""


def test_malformed_config_gives_one_line_naming_the_file_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('library = "unterminated\n')
    config = load_config(path)
    assert config.library is None
    assert str(path) in config.problem and "\n" not in config.problem


def test_config_with_wrong_types_is_partly_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('library = 3\ntheme = "nord"\nbriefs = []\n')
    config = load_config(path)
    assert config.library is None and config.briefs is None and config.theme == "nord"
    assert "'library' must be a string" in config.problem
    assert "'briefs' must be a string" in config.problem
