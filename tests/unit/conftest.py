"""Unit-test fixtures: a service with three origins and an in-memory network (CPython only)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace import Workspace

A = "http://a.test"
B = "http://b.test"
C = "http://c.test:8080"  # agent.* only
STRANGER = "http://stranger.test"


@pytest.fixture
def service() -> Service:
    return Service(Workspace(), OriginPolicy.parse(f"{A}, {B} (*), {C} (agent.*)"))


@pytest.fixture
def network(service: Service) -> MemoryNetwork:
    return MemoryNetwork(service)


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


@pytest.fixture
def outbox(service: Service) -> Recorder:
    recorder = Recorder()
    service.outbox = recorder
    return recorder


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
