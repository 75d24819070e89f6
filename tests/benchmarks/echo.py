"""How fast a typed key shows in the search box while searches run (searches start 30 ms
after a key, issue 16): keys sent as the terminal driver sends them, `--gap` ms apart, the
queries of startup.py. For each key: from sending it to the box holding it, and to the next
screen refresh. A script, not a test; figures are printed, never asserted.

    NEWSREAD_HOME=COPY .venv/bin/python tests/benchmarks/echo.py ../shared/corpora/reuters
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from startup import QUERIES


def percentiles(label: str, values: list[float]) -> str:
    values = sorted(values)
    at = lambda q: values[min(len(values) - 1, int(len(values) * q))]  # noqa: E731
    return (
        f"{label}: keys {len(values)}, p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f}, "
        f"p99 {at(0.99):.1f}, max {values[-1]:.1f}"
    )


async def measure(root: Path, gap: float, queries: int) -> tuple[list[float], list[float]]:
    from textual import events
    from textual.app import _character_to_key

    from newsread.tui.app import NewsreadApp

    app = NewsreadApp(root, show_timings=False, cursor_blink=False)
    in_box: list[float] = []
    on_screen: list[float] = []
    refreshes: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        display = app._display

        def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
            refreshes.append(time.perf_counter())
            return display(screen, renderable)

        app._display = timed_display  # type: ignore[method-assign]
        deadline = time.monotonic() + 120
        while app.main.results is None and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause(1.0)
        box = app.main.search_input
        for query in QUERIES[:queries]:
            await pilot.press("slash")
            box.value = ""
            await pilot.pause(0.4)
            for typed in (query[: i + 1] for i in range(len(query))):
                char = typed[-1]
                event = events.Key(char if char.isalnum() else _character_to_key(char), char)
                event.set_sender(app)
                sent = time.perf_counter()
                app._driver.send_message(event)  # type: ignore[union-attr]
                while box.value != typed:
                    await asyncio.sleep(0.0005)
                held = time.perf_counter()
                while not refreshes or refreshes[-1] < held:
                    await asyncio.sleep(0.0005)
                in_box.append((held - sent) * 1000)
                on_screen.append((refreshes[-1] - sent) * 1000)
                await asyncio.sleep(max(0.0, gap - (time.perf_counter() - sent)))
            await pilot.pause(0.6)
        app.exit()
    return in_box, on_screen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--gap", type=float, default=120, help="ms between keys")
    parser.add_argument("--queries", type=int, default=30)
    opts = parser.parse_args()
    in_box, on_screen = asyncio.run(measure(opts.library, opts.gap / 1000, opts.queries))
    print(percentiles("in the box", in_box))
    print(percentiles("on screen", on_screen))


if __name__ == "__main__":
    main()
