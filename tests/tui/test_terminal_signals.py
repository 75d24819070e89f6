"""Stopping (SIGTSTP), continuing (SIGCONT) and the terminal going away, without a terminal.

Seen: Textual 8.2.8's SIGTSTP handler, run while the main thread was in the middle of a write
(holding the output queue's lock), waited for that lock for ever; the SIGHUP that followed
went to another thread, and newsread stayed, its input thread spinning on the closed terminal.
"""

from __future__ import annotations

import asyncio
import os
import pty
import signal
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from textual import events

from newsread.tui import hangup
from newsread.tui.driver import NewsreadDriver

LEAVE_ALT_SCREEN = "\x1b[?1049l"


class Writer:
    """Stands for Textual's output thread: `held` is its queue's lock, which a write in
    progress holds (`Queue.put`); a write that finds it held by its own thread would wait
    for ever, and is recorded instead."""

    def __init__(self) -> None:
        self.held = threading.Lock()
        self.written: list[str] = []
        self.would_hang = False

    def write(self, text: str) -> None:
        if not self.held.acquire(blocking=False):
            self.would_hang = True
            return
        try:
            self.written.append(text)
        finally:
            self.held.release()

    def stop(self) -> None:
        """The driver closes its output thread when it leaves application mode."""


@pytest.fixture
def handlers() -> Iterator[None]:
    """The process's SIGTSTP and SIGCONT handlers as they were before the test."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The signals the process sends itself (recorded, not sent: SIGSTOP would stop pytest)."""
    signals: list[int] = []

    def kill(pid: int, number: int) -> None:
        assert pid == os.getpid()
        signals.append(number)

    monkeypatch.setattr(os, "kill", kill)
    return signals


def driver_in_application_mode(monkeypatch: pytest.MonkeyPatch) -> tuple[NewsreadDriver, Writer]:
    driver = NewsreadDriver(object())  # type: ignore[arg-type]  # the app is not asked for here
    writer = Writer()
    driver._writer_thread = writer  # type: ignore[assignment]

    def start_application_mode() -> None:  # Textual's starts a new output thread
        driver._writer_thread = Writer()  # type: ignore[assignment]

    monkeypatch.setattr(driver, "start_application_mode", start_application_mode)
    return driver, writer


def deliver(number: int) -> None:
    """Run the process's handler for `number` as Python does: in the main thread, between
    two steps of whatever it was doing."""
    handler: Any = signal.getsignal(number)
    handler(number, None)


async def loop_turns() -> None:
    for _ in range(3):
        await asyncio.sleep(0)


@pytest.mark.usefixtures("handlers")
async def test_a_stop_in_the_middle_of_a_write_waits_for_the_event_loop(
    monkeypatch: pytest.MonkeyPatch, sent: list[int]
) -> None:
    driver, writer = driver_in_application_mode(monkeypatch)
    with writer.held:  # the main thread is in the middle of a write
        deliver(signal.SIGTSTP)
    assert not writer.would_hang
    assert writer.written == [] and sent == []
    await loop_turns()
    assert LEAVE_ALT_SCREEN in writer.written  # the terminal is the shell's again
    assert sent == [signal.SIGSTOP]
    assert driver._must_signal_resume  # Textual's start then tells the app to repaint
    # `fg`: back in application mode, from the event loop too.
    deliver(signal.SIGCONT)
    assert driver._writer_thread is writer
    await loop_turns()
    assert driver._writer_thread is not writer


@pytest.mark.usefixtures("handlers")
async def test_a_continue_without_a_stop_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual started a second output and input thread on a stray SIGCONT."""
    driver, writer = driver_in_application_mode(monkeypatch)
    deliver(signal.SIGCONT)
    await loop_turns()
    assert driver._writer_thread is writer


@pytest.mark.usefixtures("handlers")
async def test_a_continue_before_the_stop_was_done_cancels_it(
    monkeypatch: pytest.MonkeyPatch, sent: list[int]
) -> None:
    driver, writer = driver_in_application_mode(monkeypatch)
    deliver(signal.SIGTSTP)
    deliver(signal.SIGCONT)
    await loop_turns()
    assert sent == [] and writer.written == [] and driver._writer_thread is writer


@pytest.mark.usefixtures("handlers")
async def test_continued_in_the_background_it_takes_the_terminal_at_the_next_continue(
    monkeypatch: pytest.MonkeyPatch, sent: list[int]
) -> None:
    """`bg`: Textual finds the terminal is not its own and starts nothing; `fg` then must."""
    driver, writer = driver_in_application_mode(monkeypatch)
    start = driver.start_application_mode
    deliver(signal.SIGTSTP)
    await loop_turns()
    monkeypatch.setattr(driver, "start_application_mode", lambda: None)
    deliver(signal.SIGCONT)
    await loop_turns()
    assert driver._writer_thread is writer
    monkeypatch.setattr(driver, "start_application_mode", start)
    deliver(signal.SIGCONT)
    await loop_turns()
    assert driver._writer_thread is not writer


@pytest.mark.usefixtures("handlers")
async def test_while_the_editor_has_the_terminal_a_stop_is_at_once(
    monkeypatch: pytest.MonkeyPatch, sent: list[int]
) -> None:
    """The event loop waits for `$EDITOR`: a stop (the editor's ctrl+z stops its whole job)
    cannot wait for it, and there is no application mode to leave."""
    driver, writer = driver_in_application_mode(monkeypatch)
    with driver.no_automatic_restart():
        deliver(signal.SIGTSTP)
        assert sent == [signal.SIGSTOP]
        deliver(signal.SIGCONT)
        await loop_turns()
    assert writer.written == [] and driver._writer_thread is writer


def test_a_terminal_that_hangs_up_is_noticed() -> None:
    """No SIGHUP needed: the terminal's end (EOF on standard input) is watched for."""
    controller, terminal = pty.openpty()
    gone = threading.Event()
    stop = hangup.watch_terminal(terminal, gone.set)
    try:
        assert not gone.wait(0.2)
        os.close(controller)  # the terminal emulator (tmux, ssh) goes away
        assert gone.wait(30)
    finally:
        stop()
        os.close(terminal)


def test_a_watch_stopped_before_any_hang_up_says_nothing() -> None:
    controller, terminal = pty.openpty()
    gone = threading.Event()
    stop = hangup.watch_terminal(terminal, gone.set)
    stop()
    os.close(controller)
    os.close(terminal)
    assert not gone.is_set()


def test_a_hang_up_seen_by_the_watch_is_handled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The watch's thread and the SIGHUP handler may both see the hang-up."""
    monkeypatch.setattr(hangup, "force_exit", lambda code: None)
    saved: list[int] = []
    exits: list[int] = []
    watcher = hangup.Hangup(lambda: saved.append(1), exits.append, grace=60.0)
    thread = threading.Thread(target=watcher._terminal_gone)
    thread.start()
    thread.join()
    watcher._handle(signal.SIGHUP, None)
    assert saved == [1] and exits == [128 + signal.SIGHUP]
    assert watcher.received == signal.SIGHUP


def test_the_app_runs_on_this_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual import constants

    from newsread.tui.app import NewsreadApp

    monkeypatch.setattr(constants, "DRIVER", None)  # (TEXTUAL_DRIVER names another)
    assert NewsreadApp.get_driver_class(NewsreadApp.__new__(NewsreadApp)) is NewsreadDriver


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        # Escape then `/` in one burst was `/` alone: the article's find, not the search box.
        ("\x1b/varga\r", ["escape", "slash", "v", "a", "r", "g", "a", "enter"]),
        ("\x1bj", ["escape", "j"]),  # an alt+j nothing binds: the Escape was lost
        ("\x1bG", ["escape", "G"]),
        ("\x1b\x1b[D", ["escape", "left"]),
        ("\x1b[1;3D", ["alt+left"]),  # alt+arrows as xterm sends them stay alt
        ("\x1b", ["escape"]),
    ],
)
def test_escape_and_the_key_typed_after_it_in_one_burst_are_two_keys(
    typed: str, keys: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsread.tui.escape_keys import KeyParser

    monkeypatch.setattr(KeyParser, "kept", frozenset())
    parser = KeyParser()
    read = [*parser.feed(typed), *parser.feed("")]
    assert [event.key for event in read if isinstance(event, events.Key)] == keys


def test_an_alt_key_the_config_binds_stays_one_key_and_the_driver_reads_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.drivers import linux_driver

    from newsread.tui.escape_keys import KeyParser, alt_keys

    assert alt_keys(["ctrl+n, alt+n", "j"]) == {"alt+n"}
    monkeypatch.setattr(KeyParser, "kept", frozenset({"alt+n"}))
    parser = KeyParser()
    assert [event.key for event in [*parser.feed("\x1bn"), *parser.feed("")]] == ["alt+n"]
    used: list[object] = []
    monkeypatch.setattr(linux_driver, "XTermParser", linux_driver.XTermParser)  # put back after
    monkeypatch.setattr(
        linux_driver.LinuxDriver,
        "run_input_thread",
        lambda self: used.append(linux_driver.XTermParser),  # type: ignore[attr-defined]
    )
    NewsreadDriver.run_input_thread(NewsreadDriver.__new__(NewsreadDriver))
    assert used == [KeyParser]
