"""Helpers shared by the unit tests (a module name of its own: two conftest modules would clash)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


A = "http://a.test"
B = "http://b.test"
C = "http://c.test:8080"  # agent.* only
STRANGER = "http://stranger.test"


class Recorder:
    """A service outbox that keeps every message, by frame key."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, dict[str, Any]]] = []

    def send(self, frame_key: int, message: dict[str, Any]) -> bool:
        self.sent.append((frame_key, message))
        return True

    def to(self, frame_key: int) -> list[dict[str, Any]]:
        return [message for key, message in self.sent if key == frame_key]

    def replies(self, frame_key: int) -> list[dict[str, Any]]:
        return [m for m in self.to(frame_key) if "referenceId" in m or "request" in m]

    def last(self, frame_key: int) -> dict[str, Any]:
        return self.to(frame_key)[-1]


def request(name: str, *parameters: Any, reference: Any = "r") -> dict[str, Any]:
    message: dict[str, Any] = {"request": name, "referenceId": reference, "userAgent": "WWE Client", "protocolVersion": 2}
    if parameters:
        message["parameters"] = list(parameters)
    return message


async def until(condition: Callable[[], bool], rounds: int = 200) -> None:
    """Let the loop run until `condition` holds (bounded: fails instead of hanging)."""
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition not reached")
