"""Shared fixtures: a private NEWSREAD_HOME per test and small article libraries."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import write_article


@pytest.fixture(autouse=True)
def newsread_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache, config and data folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSREAD_HOME", str(home))
    return home


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(
        root,
        "kelmor-harbour.txt",
        "Kelmor harbour expansion approved",
        "The city council of Kelmor approved the harbour expansion on Tuesday.\n\n"
        "Dock workers said the running costs would fall as ships grew larger.",
        date="30 May 2017 [16:18]",
        url="http://gazette.example/kelmor-harbour",
    )
    write_article(
        root,
        "grain/sanctions.txt",
        "Grain export sanctions tightened",
        "Ministers agreed new sanctions on grain exports through the Baltic ports.\n\n"
        "Traders in Kelmor expect shipments to fall sharply this autumn.",
        source="BALTIC WIRE",
        section="Business",
        date="12 March 2019 [09:05]",
        byline="By Tomas Reder and Ana Liu",
    )
    write_article(
        root,
        "flood.txt",
        "River flood reaches the old town",
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor.",
        source="BALTIC WIRE",
        section="Environment",
        date="2 April 2021 [07:30]",
    )
    return root
