"""Where newsread keeps things. Computed when asked, never at import.

- cache dir (rebuildable): one Whoosh index per library folder;
- config dir: config.toml;
- data dir (the user's own work): annotations and session state.

`NEWSREAD_HOME=DIR` moves all three under DIR (tests and checks use it).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

APP = "newsread"


def _home() -> Path | None:
    home = os.environ.get("NEWSREAD_HOME")
    return Path(home).expanduser() if home else None


def home_problem() -> str:
    """Why NEWSREAD_HOME cannot be used, or "": a relative one would make a new home (index
    and notes) under each folder newsread starts in, the notes seeming lost from the next."""
    home = _home()
    if home is None or home.is_absolute():
        return ""
    return (
        f"NEWSREAD_HOME={home} is not an absolute path: newsread would keep another index and "
        f"other notes under each folder it starts in; give its full path ({Path.cwd() / home})"
    )


def cache_dir() -> Path:
    home = _home()
    if home:
        return home / "cache"
    import platformdirs

    return platformdirs.user_cache_path(APP)


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    import platformdirs

    return platformdirs.user_config_path(APP)


def data_dir() -> Path:
    home = _home()
    if home:
        return home / "data"
    import platformdirs

    return platformdirs.user_data_path(APP)


def spare_dir() -> Path | None:
    """A folder of the user's alone off the data dir's disk, for the drafts of notes being
    written when that disk is full: `newsread-UID` in the temporary folder (as tmux keeps its
    sockets; not the runtime dir, which the last logout empties: a dropped SSH line is one);
    None where there are no user ids. `private_files.owned_private_dir` checks it before
    use: another user may have made it first."""
    import tempfile

    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return None
    return Path(tempfile.gettempdir()) / f"newsread-{getuid()}"


def config_path() -> Path:
    return config_dir() / "config.toml"


def annotations_path() -> Path:
    return data_dir() / "annotations.sqlite3"


def state_path() -> Path:
    """The app's session state (last library, query, article, positions)."""
    return data_dir() / "state.json"


def library_id(library: Path) -> str:
    """What the user's annotations record as the library they were made in: its folder,
    resolved, as text (undecodable bytes replaced), as the index folder is named after.

    A folder moved or renamed gets a new id (and index); the annotations of the old one go to
    the library that has their articles once the old folder is gone (`Library.annotations`).
    """
    resolved = str(library.expanduser().resolve())
    return resolved.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def index_dir(library: Path) -> Path:
    """The index folder of one library: readable name plus a hash of the resolved path."""
    resolved = str(library.expanduser().resolve())
    digest = hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(resolved).name or "root").strip("-")[:40]
    return cache_dir() / "indexes" / f"{name or 'library'}-{digest}"


UNFINISHED = "NEWSREAD_UNFINISHED"
"""In a library's index folder while an update has files left to read (it was stopped, or
killed): the next update resumes it (`OpenIndex.set_unfinished`)."""


def unfinished_update(library: Path) -> bool:
    """Whether the last update of `library`'s index stopped before it read every file: one
    look at its index folder, cheap enough before the app's first frame."""
    return (index_dir(library) / UNFINISHED).exists()


def default_library() -> Path:
    """The bundled sample library."""
    import newsread.sample_articles as samples

    return Path(next(iter(samples.__path__)))
