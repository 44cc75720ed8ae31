"""A whole simulated desktop in one CPython process, no browser: the service over a default
workspace, Python clients in windows of their own, a clock that moves when told, the protocol
log as data. The `wwe_memory` pytest fixture is one of these."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, Final

from wwe_scapi.client import ServiceClient
from wwe_scapi.clock import ManualClock
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.service import Service
from wwe_scapi.service.logrecord import LogRecord
from wwe_scapi.service.setup import build_service
from wwe_scapi.testing.memory import MemoryNetwork
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.configuration import OptionValue
from wwe_scapi.workspace.scenario import Scenario

DEFAULT_ORIGIN: Final = "http://app.test"
_SETTLE_TURNS: Final = 10_000  # turns of the loop before settle() calls it a message storm


class DeskClock(ManualClock):
    """A manual clock under which time acts as on the desktop page: `advance` stops at each of
    the workspace's deadlines on the way (auto-answer, toasts hiding, inactivity) and lets it
    act there, besides firing the clock's own timers in order."""

    workspace: Workspace | None = None

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        target = self.monotonic() + seconds
        while self.workspace is not None:
            deadline = self.workspace.next_deadline()
            if deadline is None or deadline > target:
                break
            super().advance(max(0.0, deadline - self.monotonic()))
            self.workspace.tick()
            if self.workspace.next_deadline() == deadline:
                break  # nothing moved on: the last tick below tries again
        super().advance(max(0.0, target - self.monotonic()))
        if self.workspace is not None:
            self.workspace.tick()


class MemoryDesktop:
    """`options`: Agent Workspace options (`name` or `Section/name`), as `serve --option`.
    Without `service-client-api.accepted-web-content-origins` among them, the desktop accepts
    the origins its clients connect from (as `serve` accepts its embedded apps); with it, the
    option decides, exactly as on the desktop. `strict`: requests that stray from the
    documented form fail instead of being served with a warning."""

    def __init__(self, options: Mapping[str, OptionValue] | None = None, *, strict: bool = False) -> None:
        self.clock = DeskClock()
        self.network = MemoryNetwork()
        self._options = dict(options or {})
        self._accept_connected = not any(key.split("/")[-1] == ORIGINS_OPTION for key in self._options)
        self.service: Service = build_service(self._options, self.clock, transport=self.network.service_side, strict=strict)
        self.clock.workspace = self.service.workspace
        self.record = LogRecord(self.service.log)
        self.clients: list[ServiceClient] = []

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace

    @property
    def scenario(self) -> Scenario:
        """The outside world's steps (a call rings, a customer writes...): see docs/testing.md."""
        return self.workspace.scenario

    @property
    def log(self) -> list[dict[str, Any]]:
        """The protocol log as data: one dict per message in or out (docs/testing.md)."""
        return self.record.entries()

    def interactions(self) -> list[dict[str, Any]]:
        """Every interaction, in wire form."""
        return [dict(item) for item in self.workspace.interaction_list()]

    def connect(self, origin: str = DEFAULT_ORIGIN, **client_options: Any) -> ServiceClient:
        """A Python client in a new window on `origin` (options as for ServiceClient; its
        clock is this desktop's, so `advance` times its requests out too)."""
        self.accept(origin)
        client = self.network.connect(origin, clock=self.clock, **client_options)
        self.clients.append(client)
        return client

    def accept(self, origin: str) -> None:
        """Accept that origin too, unless the options decide which origins are accepted
        (connect() does it for its clients' origins)."""
        if not self._accept_connected:
            return
        origins = self.service.policy.origins
        if origins.accept(origin):
            self.workspace.configuration.set(ORIGINS_OPTION, origins.describe())

    def advance(self, seconds: float) -> None:
        """Move the desktop's clock on (as `clock.advance`): its timers fire in order and the
        workspace acts at its deadlines (toasts hide, auto-answer, inactivity...); then
        `await settle()` to deliver what that sent."""
        self.clock.advance(seconds)

    async def settle(self) -> None:
        """Let every message be delivered and handled, and what that sends in turn, until
        none is in flight. Time does not move (see `advance`)."""
        for _ in range(_SETTLE_TURNS):
            await asyncio.sleep(0)
            if self.network.in_flight == 0:
                await asyncio.sleep(0)  # what the last delivery scheduled runs too
                if self.network.in_flight == 0:
                    return
        raise RuntimeError(f"messages still in flight after {_SETTLE_TURNS} turns of the event loop: a loop of messages?")

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.record.close()
