"""config.toml: library folders and settings. A malformed file never stops newsread."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from newsread.index import paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Settings read from config.toml; defaults where the file is silent."""

    library: Path | None = None
    """The library folder `newsread` opens when given none."""
    theme: str = ""
    """A Textual theme name (e.g. "nord", "gruvbox"); empty for the default."""
    briefs: Path | None = None
    """The folder ctrl+s in the highlights view saves briefs to; None for the working folder."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), fed to `App.set_keymap` (e.g. {"reader.next_match" = "ctrl+n"})."""
    problem: str = ""
    """One line describing why the file could not be used, or empty."""


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file gives defaults, a malformed one defaults plus `problem`."""
    path = path or paths.config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"{path}: {error}; using defaults")
    library = data.get("library")
    briefs = data.get("briefs")
    theme = data.get("theme", "")
    keys = data.get("keys", {})
    bad = []
    if library is not None and not isinstance(library, str):
        bad.append("'library' must be a string")
        library = None
    if briefs is not None and not isinstance(briefs, str):
        bad.append("'briefs' must be a string")
        briefs = None
    if not isinstance(theme, str):
        bad.append("'theme' must be a string")
        theme = ""
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        bad.append("[keys] must map binding ids to key strings")
        keys = {}
    return Config(
        library=Path(library).expanduser() if library else None,
        briefs=Path(briefs).expanduser() if briefs else None,
        theme=theme,
        keys=dict(keys),
        problem=f"{path}: " + "; ".join(bad) + "; ignored" if bad else "",
    )
