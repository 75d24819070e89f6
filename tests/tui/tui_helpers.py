"""Helpers for the app's tests: small libraries written inline, waiting on the app, reading the screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled

from newsread.tui.app import NewsreadApp


def write_article(
    folder: Path,
    name: str,
    title: str,
    body: str,
    *,
    source: str = "HARBOUR GAZETTE",
    section: str = "World",
    date: str = "30 May 2017 [16:18]",
    byline: str = "By Ilse Varga",
    url: str = "",
) -> Path:
    """A scraped-text article in the layout newsread reads."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [f"{source} / {section}", title, f"{date} - {source}", byline, body]
    if url:
        parts.append(f"URL: {url}")
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def build_library(root: Path) -> Path:
    """Four articles over three sources, three sections and four years."""
    write_article(
        root,
        "kelmor-harbour.txt",
        "Kelmor harbour expansion approved",
        "The city council of Kelmor approved the harbour expansion on Tuesday.\n\n"
        "Dock workers said the running costs would fall as ships grew larger.\n\n"
        "The harbour master welcomed the plan for a deeper harbour.",
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
        "The river Vessa burst its banks overnight and flooded the old town of Kelmor.\n\n"
        "Volunteers filled sandbags along the harbour wall until dawn.",
        source="BALTIC WIRE",
        section="Environment",
        date="2 April 2021 [07:30]",
    )
    write_article(
        root,
        "ferry.txt",
        "Ferry timetable changes for the summer",
        "The island ferry will sail twice a day from June, the operator said.",
        source="ISLAND POST",
        section="Travel",
        date="5 May 2015 [12:00]",
        byline="By Mara Quist",
    )
    return root


async def wait_for(
    pilot: Pilot, condition: Callable[[], object], timeout: float = 30.0, *, workers: bool = True
) -> None:
    """Let the app run until `condition()` holds (polling, not a fixed sleep).

    `timeout` only guards against a hang; CI machines are shared and slow at times.

    With `workers`, each round also waits for running workers to finish; pass False while a
    test holds a worker back on purpose.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)
        if workers:
            try:
                await pilot.app.workers.wait_for_complete()
            except WorkerCancelled:
                pass  # an exclusive worker replaced by a newer one: expected


async def settle(pilot: Pilot) -> None:
    """Wait until the index is up to date and no search or article load is in flight."""
    app = pilot.app
    assert isinstance(app, NewsreadApp)

    def done() -> bool:
        status = app.main.status.status
        return (
            (status.index.startswith("up to date") or bool(app.main.library_problem))
            and not app.key_order.busy  # every key pressed has been routed and handled
            and not app.key_order.held
            and not any(w.is_running for w in app.workers)
            and app.main._search_timer is None
        )

    await wait_for(pilot, done)
    await pilot.pause()


def rendered_text(widget: Widget) -> str:
    """What `widget` shows on screen, as plain text lines."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text.rstrip() for strip in strips)
