"""Domain events: what changed in the workspace, named after the subscription that carries it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DomainEvent:
    topic: str  # a subscription name: "agent", "media", "interaction", "system", ...
    data: dict[str, Any]
    to_frame: int | None = None  # for one frame only (a toast's button click), else for all


EventSink = Callable[[DomainEvent], None]


class EventHub:
    """Hands each event to every sink, in the order they were added."""

    def __init__(self) -> None:
        self._sinks: list[EventSink] = []

    def add(self, sink: EventSink) -> Callable[[], None]:
        self._sinks.append(sink)
        return lambda: self._sinks.remove(sink)

    def emit(self, topic: str, data: dict[str, Any], to_frame: int | None = None) -> None:
        event = DomainEvent(topic, data, to_frame)
        for sink in list(self._sinks):
            sink(event)
