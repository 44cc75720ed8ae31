"""Time, injected: one clock tells monotonic time, wall time, and runs timers, so the logic
never reads the time itself and tests move time instead of sleeping."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

# ManualClock's default wall time, 2026-11-24T09:30:00Z, so that timestamps in tests repeat.
# (No datetime here: an app's start-up imports this module, and Pyodide compiles the
# standard library's modules from source on first import.)
DEFAULT_WALL_START = 1_795_512_600.0


class Timer(Protocol):
    def cancel(self) -> None:
        """The callback will not run (nothing happens when it already has)."""
        ...


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a monotonic scale: only differences mean anything."""
        ...

    def wall(self) -> float:
        """Seconds since the Unix epoch (UTC), for timestamps people read."""
        ...

    def call_later(self, delay: float, callback: Callable[[], object]) -> Timer:
        """Run `callback` once, `delay` seconds from now (at once when not positive)."""
        ...


class SystemClock:
    """The machine's clocks; timers on the running asyncio loop (Pyodide's is the browser's)."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()

    def call_later(self, delay: float, callback: Callable[[], object]) -> Timer:
        # Never call_at: Pyodide's loop raises for a time already past, which a re-armed
        # timer can be by a few microseconds.
        return _event_loop().call_later(max(0.0, delay), callback)


class SharedTimeClock(SystemClock):
    """The machine's clock, with wall time as the monotonic scale too: the desktop's tabs hand
    their deadlines (a toast's auto-hide, a timeout) to each other, and each tab's own
    monotonic clock starts when the tab does. A change of the machine's time moves them."""

    def monotonic(self) -> float:
        return time.time()


def _event_loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop_policy().get_event_loop()


@dataclass(order=True, slots=True)
class _ManualTimer:
    due: float
    order: int
    callback: Callable[[], object] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        self.cancelled = True


class ManualClock:
    """A clock that moves only when told to; `advance` runs the timers that fall due, in order,
    each at its own due time."""

    def __init__(self, start: float = 0.0, *, wall: float = DEFAULT_WALL_START) -> None:
        self._start = start
        self._now = start
        self._wall_start = wall
        self._timers: list[_ManualTimer] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._wall_start + (self._now - self._start)

    def call_later(self, delay: float, callback: Callable[[], object]) -> Timer:
        timer = _ManualTimer(self._now + max(0.0, delay), next(self._order), callback)
        heapq.heappush(self._timers, timer)
        return timer

    @property
    def pending_timers(self) -> int:
        return sum(1 for timer in self._timers if not timer.cancelled)

    def advance(self, seconds: float) -> None:
        """Move time on by `seconds` (0 runs what is due now), firing timers on the way."""
        if seconds < 0:
            raise ValueError("time does not go backwards")
        target = self._now + seconds
        while self._timers and self._timers[0].due <= target:
            timer = heapq.heappop(self._timers)
            if timer.cancelled:
                continue
            self._now = max(self._now, timer.due)
            timer.callback()
        self._now = target
