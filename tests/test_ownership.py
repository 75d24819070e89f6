"""Another user's files in newsread's folders: what `sudo newsread` leaves behind in a user's
home, and a folder two users share. Users are faked: files chowned to unused uids, and
`os.geteuid` saying which user newsread runs as (root, running the suite, may chown)."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from newsread.index.ownership import ownership_problem
from newsread.tui.cli import main

pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another uid needs root"
)

ME, OTHER = 54321, 54322
"""Two uids no account has ('user 54321')."""


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A folder every user may reach (pytest's own is root's alone, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="newsread-owners-"))
    os.chmod(folder, 0o755)
    if any(not p.stat().st_mode & stat.S_IXOTH for p in folder.parents):
        pytest.skip(f"{folder} is not reachable by other users")
    yield folder
    shutil.rmtree(folder)


class _Account(NamedTuple):
    pw_name: str
    pw_dir: str


def _run_as(monkeypatch: pytest.MonkeyPatch, uid: int, home: Path | None = None) -> None:
    """newsread runs as `uid`, whose account has `home` (else no account at all)."""
    monkeypatch.setattr(os, "geteuid", lambda: uid)
    monkeypatch.setattr(os, "getegid", lambda: uid)
    monkeypatch.setattr(os, "getgroups", lambda: [uid])
    accounts = {0: _Account("root", "/root")}
    if home is not None:
        accounts[uid] = _Account(f"user {uid}", str(home))
    monkeypatch.setattr(pwd, "getpwuid", lambda user: accounts[user])


def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: int = ME) -> Path:
    """A NEWSREAD_HOME as newsread leaves it (folders 0700, files 0600), all `owner`'s."""
    home = tmp_path / "home"
    index = home / "cache" / "indexes" / "news-0123456789ab"
    index.mkdir(parents=True)
    (home / "data").mkdir()
    (index / "_MAIN_1.toc").write_text("segments")
    (home / "data" / "annotations.sqlite3").write_text("notes")
    for path in (home, *home.rglob("*")):
        os.chown(path, owner, owner)
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    monkeypatch.setenv("NEWSREAD_HOME", str(home))
    return home


def test_root_owned_files_in_the_index_are_named_with_the_chown_that_gives_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home(tmp_path, monkeypatch)
    left = home / "cache" / "indexes" / "news-0123456789ab" / "_MAIN_2.toc"
    left.write_text("written by sudo newsread index")
    os.chmod(left, 0o600)  # root's, as the suite runs
    _run_as(monkeypatch, ME, home=tmp_path)
    problem = ownership_problem()
    assert f"{left} is root's" in problem
    assert f"sudo chown -R user {ME}: {home / 'cache'}" in problem


def test_a_folder_above_newsreads_that_root_made_is_the_one_to_give_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sudo newsread` as a user's first run made ~/.cache itself, root's and 0700."""
    cache_home = tmp_path / "dot-cache"
    (cache_home / "newsread").mkdir(parents=True)
    os.chmod(cache_home, 0o700)
    os.chown(tmp_path, ME, ME)
    monkeypatch.delenv("NEWSREAD_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _run_as(monkeypatch, ME, home=tmp_path)
    assert f"sudo chown -R user {ME}: {cache_home}" in ownership_problem()


def test_another_users_shared_folder_says_whose_and_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home(tmp_path, monkeypatch, owner=OTHER)
    _run_as(monkeypatch, ME, home=tmp_path)
    problem = ownership_problem()
    assert f"{home} is user {OTHER}'s" in problem
    assert "Set NEWSREAD_HOME to a folder of yours" in problem
    assert "chown" not in problem  # another user's notes are not to be taken


def test_a_home_not_this_users_is_not_offered_to_be_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sudo -u alice newsread` keeping root's HOME: /root blocks the way, and "sudo chown -R
    alice: /root" would have been the advice."""
    root_home = tmp_path / "root-home"
    (root_home / ".cache").mkdir(parents=True)
    os.chmod(root_home, 0o700)  # root's, as the suite runs
    monkeypatch.delenv("NEWSREAD_HOME")
    monkeypatch.setenv("HOME", str(root_home))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    _run_as(monkeypatch, ME, home=tmp_path / "alice")
    problem = ownership_problem()
    assert f"{root_home} is root's" in problem and "Set HOME to a folder of yours" in problem
    assert "chown" not in problem


def test_what_another_user_owns_but_this_one_may_read_is_no_trouble(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home(tmp_path, monkeypatch)
    readable = home / "data" / "state.json"
    readable.write_text("{}")
    os.chown(readable, OTHER, OTHER)
    os.chmod(readable, 0o644)
    _run_as(monkeypatch, ME)
    assert ownership_problem() == ""


def test_root_does_not_write_into_a_users_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sudo newsread index` keeping HOME: refused before anything is written there."""
    home = _home(tmp_path, monkeypatch)
    library = tmp_path / "news"
    library.mkdir()
    (library / "a.txt").write_text("Harbour opens\n\nThe harbour opened today.\n")
    before = sorted(home.rglob("*"))
    assert main(["index", str(library)]) == 2
    assert f"running as root, but {home / 'data'} is user {ME}'s" in capsys.readouterr().err
    assert sorted(home.rglob("*")) == before
    os.chown(home, 0, 0)
    for path in home.rglob("*"):
        os.chown(path, 0, 0)
    assert ownership_problem() == ""  # root's own folders
