"""tests/accuracy.py's split of the page sets: the held half in two parts, A and B."""

from __future__ import annotations

import json
from pathlib import Path

import accuracy
import pytest


def _page_set(folder: Path, count: int) -> list[str]:
    names = [f"page-{number}.txt" for number in range(count)]
    rows = [{"file": name, "title": None} for name in names]
    (folder / "truth.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    for name in names:
        (folder / name).write_text("Headline\n\nA sentence of the text.\n", encoding="utf-8")
    return names


def test_split_held_reports_the_held_half_in_two_parts_apart_from_its_halving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _page_set(tmp_path, 40)
    monkeypatch.setattr(accuracy, "SPLIT_HELD", True)
    seen: dict[str, list[str]] = {}
    scores = accuracy.score_pages(
        tmp_path,
        None,
        None,
        lambda row, article, score, text: None,
        True,
    )
    for name in names:
        half = accuracy.half_of(name)
        part = half + accuracy.held_part(name) if half == "held" else half
        seen.setdefault(part, []).append(name)
    assert list(scores) == ["tune", "heldA", "heldB"]
    # Both parts hold pages: a part drawn from the hash that made the halves would hold all.
    assert seen["heldA"] and seen["heldB"]
    assert {part: score.files for part, score in scores.items()} == {
        part: len(found) for part, found in seen.items()
    }


def test_a_page_and_its_text_rendering_are_in_the_same_part() -> None:
    names = [f"page-{number}" for number in range(40)]
    assert {accuracy.held_part(f"{n}.html.gz") for n in names} == {"A", "B"}
    assert all(accuracy.held_part(f"{n}.html.gz") == accuracy.held_part(f"{n}.txt") for n in names)


def test_without_split_held_the_held_half_is_one_row(tmp_path: Path) -> None:
    _page_set(tmp_path, 10)
    scores = accuracy.score_pages(tmp_path, None, None, lambda *args: None, True)
    assert list(scores) == ["tune", "held"]
