"""The protocol log: one entry per message in or out, for the desktop's log panel and tests."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from wwe_scapi.clock import Clock


class Direction(enum.StrEnum):
    REQUEST = "request"  # a request and its answer
    EVENT = "event"  # an event fanned out to subscribed frames
    REFUSED = "refused"  # refused by the security policy
    IGNORED = "ignored"  # not a Service Client API message, or one that cannot be answered


@dataclass(frozen=True, slots=True)
class LogEntry:
    direction: Direction
    origin: str
    frame: int | None
    request: str
    result: str
    ok: bool
    at: float  # wall time, seconds since the epoch


LogSink = Callable[[LogEntry], None]


class ProtocolLog:
    """Fans log entries out to sinks; builds nothing when nobody listens."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._sinks: list[LogSink] = []

    def add(self, sink: LogSink) -> Callable[[], None]:
        self._sinks.append(sink)
        return lambda: self._sinks.remove(sink)

    @property
    def active(self) -> bool:
        return bool(self._sinks)

    def write(
        self,
        direction: Direction,
        origin: str,
        frame: int | None,
        request: str,
        result: str,
        ok: bool,
    ) -> None:
        if not self._sinks:
            return
        entry = LogEntry(direction, origin, frame, request, result, ok, self._clock.wall())
        for sink in list(self._sinks):
            sink(entry)
