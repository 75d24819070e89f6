"""Keys in order: one key is handled, with everything it sets off, before the next is routed.

Textual routes a key to the widget focused when the key is *read*, not when it is *handled*.
Keys that arrive in one read (typed ahead over SSH, pasted by tmux) are all routed before the
first is handled, so `/versailles` from the results list sends "versailles" to the list: the
`s` sorts and only the keys after the focus change reach the search box.

`KeyOrder` routes one key at a time. After routing a key it waits for a marker to travel the
key's way (the target, each ancestor it bubbles through, then the app, where bindings run and
focus changes land) before routing the next key held meanwhile. A screen pushed by the key
(a dialog) is waited for too. A slower focus change (the results list taking the focus when
a search comes back) holds keys explicitly with `hold` until `release`, or `HOLD_LIMIT`.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ScreenStackError

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

log = logging.getLogger(__name__)

HOLD_LIMIT = 2.0
"""Seconds a `hold` keeps keys at most: a slow search must not swallow the keyboard."""

STORE_HOLD_LIMIT = 20.0
"""The same for a hold that is always released (a store read, with its result or its error;
a message the app always handles): only a hang guard. On a loaded server the read can take
over `HOLD_LIMIT`, and keys let go early land on a list that is still empty (`j` and `d`
typed with `p` did nothing)."""


IN_FLIGHT_LIMIT = 5.0
"""Seconds a key may take to travel its way before the next key is routed anyway, a last
resort: a callback that never runs (its widget closed, its queue stalled, a timer dropped, as
Textual's short one-shot timers were) must not leave every later key held for the rest of the
session, the app taking no key but ctrl+p and ctrl+q."""

MAX_CHECKS = 50
CHECK_INTERVAL = 0.002
"""How often, and how many times at most, to look whether a key's effects are all handled."""


class KeyOrder:
    """Routes the app's keys one at a time (see the module docstring)."""

    def __init__(
        self,
        app: App[Any],
        route: Callable[[events.Key], Awaitable[object]],
        before: Callable[[], object] = lambda: None,
    ) -> None:
        self.app = app
        self.route = route
        """Routes one key as Textual does (the app's own `on_event`)."""
        self.before = before
        """Called before each key is routed (to put the focus on something shown)."""
        self.held: deque[events.Key] = deque()
        self._in_flight = False
        self._holds: dict[str, float] = {"start": float("inf")}
        """Until `release("start")` (the first screen is up, its focus set), keys wait: one
        typed at launch has nothing to land on yet."""
        self._hold_timer: Timer | None = None
        self._on_expire: dict[str, Callable[[], object]] = {}
        self._serial = 0
        """The number of the key in flight: a late "done" of a key given up on is ignored."""
        self._routed_at = 0.0
        self._watchdog: Timer | None = None
        self.pressed = 0
        """Keys the user has pressed so far (whether routed yet or held)."""

    @property
    def busy(self) -> bool:
        return self._in_flight or bool(self._holds)

    def holds(self, reason: str) -> bool:
        """Whether keys are held for `reason` (not yet released, nor run out)."""
        return reason in self._holds

    async def key(self, event: events.Key) -> None:
        """Route `event` now, or after the keys before it."""
        self.pressed += 1
        if event.key == "ctrl+j" and "start" in self._holds:
            # Typed before the app put the terminal in raw mode (over SSH, straight after
            # the command): the terminal's line discipline had already made Enter's \r a \n.
            event = events.Key("enter", "\r")
        if self.busy or self.held:
            self.held.append(event)
            return
        await self._route(event)

    def hold(
        self,
        reason: str,
        limit: float | None = None,
        on_expire: Callable[[], object] | None = None,
    ) -> None:
        """Hold keys until `release(reason)`, `limit` seconds at most (`HOLD_LIMIT` by
        default): the focus is about to move. At the limit `on_expire`, if given, runs first
        (to give the held keys somewhere to go), and the keys go after the next refresh."""
        self._holds[reason] = monotonic() + (HOLD_LIMIT if limit is None else limit)
        if on_expire is None:
            self._on_expire.pop(reason, None)
        else:
            self._on_expire[reason] = on_expire
        if self._hold_timer is None:
            self._hold_timer = self.app.set_interval(HOLD_LIMIT / 4, self._expire)

    def release(self, reason: str) -> None:
        """The focus change `reason` stood for has been made (or will not be)."""
        self._on_expire.pop(reason, None)
        if self._holds.pop(reason, None) is not None:
            # After the focus change queued on the app just before this call.
            self.app.call_later(self._settle_then_next)

    def _expire(self) -> None:
        now = monotonic()
        expired = [reason for reason, deadline in self._holds.items() if deadline <= now]
        for reason in expired:
            on_expire = self._on_expire.pop(reason, None)
            if on_expire is None:
                self.release(reason)
                continue
            self._holds[reason] = float("inf")  # released below, after `on_expire`'s screen
            try:
                on_expire()
            finally:
                self.app.call_after_refresh(self.release, reason)
        if not self._holds and self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None

    async def _route(self, event: events.Key) -> None:
        self._start_flight()
        serial = self._serial
        self.before()
        target: MessagePump = self.app.focused or self.app.screen
        try:
            await self.route(event)
        finally:
            self._after(self._way(target), partial(self._routed, serial))

    def _start_flight(self) -> None:
        self._in_flight = True
        self._serial += 1
        self._routed_at = monotonic()
        if self._watchdog is None:
            self._watchdog = self.app.set_interval(IN_FLIGHT_LIMIT / 5, self._give_up_stuck)

    def _give_up_stuck(self) -> None:
        """Route the keys after one whose way never finished (`IN_FLIGHT_LIMIT`)."""
        if self._in_flight and monotonic() - self._routed_at > IN_FLIGHT_LIMIT:
            log.warning("a key took over %s s to be handled; the next keys go on", IN_FLIGHT_LIMIT)
            self._done()

    def _way(self, target: MessagePump) -> list[MessagePump]:
        """`target`, every node a key bubbles through up to the app, then the app again.

        The app handles the bindings; a focus change they make is one more callback on the
        app's queue (`Widget.focus` uses `call_later`), hence the app's second turn.
        """
        way: list[MessagePump] = []
        node: MessagePump | None = target
        while node is not None:
            way.append(node)
            node = node._parent
        return [*way, self.app]

    def _after(self, way: list[MessagePump], done: Callable[[], object]) -> None:
        """Call `done` once each node of `way`, in turn, has handled what was posted to it."""
        for position, node in enumerate(way):
            if node.call_later(self._after, way[position + 1 :], done):
                return
        done()  # every node closed (the app is exiting): nothing left to wait for

    def _routed(self, serial: int, checks: int = 0) -> None:
        """Key number `serial` has travelled its way; route the next once all it set off is
        handled.

        A binding may post a message back down (Enter in an Input: `Submitted`), a dialog may
        be opening: wait until no queue on the screen has anything left (or `MAX_CHECKS`).
        """
        if serial != self._serial or not self._in_flight:
            return  # given up on (`IN_FLIGHT_LIMIT`): the keys after it have gone on
        if checks < MAX_CHECKS and not self._quiet():
            # The event loop's own timer, not Textual's: Textual drops a one-shot timer whose
            # moment has passed when it first reads the clock (the loop held up longer than
            # 2 ms: a garbage collection, a worker holding the GIL), and a dropped check left
            # this key in flight for good, every later key held behind it.
            asyncio.get_running_loop().call_later(CHECK_INTERVAL, self._routed, serial, checks + 1)
            return
        self._done()

    def _quiet(self) -> bool:
        """Whether no message is waiting on the app, its screen or any widget on it."""
        # textual is pinned: its private queues are the only way to see what is still to come.
        try:
            screen = self.app.screen
        except ScreenStackError:  # the app is closing: nothing more to wait for
            return True
        nodes: list[MessagePump] = [self.app, *screen.walk_children(with_self=True)]
        return all(node._message_queue.empty() for node in nodes)

    def _done(self) -> None:
        self._in_flight = False
        self._settle_then_next()

    def _settle_then_next(self) -> None:
        if self.busy or not self.held:
            return
        self._start_flight()  # a key arriving before the call below waits its turn
        self.app.call_next(self._route, self.held.popleft())
