"""Desktop tabs in one process: each with its own workspace replica, broker and app windows,
joined by an in-memory BroadcastChannel and Web Lock (wwe_scapi.tabs.memory)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.clock import Clock, SystemClock
from wwe_scapi.client import ServiceClient
from wwe_scapi.service import Service
from wwe_scapi.service.setup import configure
from wwe_scapi.tabs import TabSession
from wwe_scapi.tabs.election import first_frame_id
from wwe_scapi.tabs.memory import MemoryTabNetwork
from wwe_scapi.testing.memory import MemoryNetwork

APP = "http://app.test"
OTHER = "http://other.test"
OPTIONS = {"service-client-api.accepted-web-content-origins": f"{APP} (*), {OTHER} (*)"}


@dataclass
class Tab:
    session: TabSession
    service: Service
    windows: MemoryNetwork
    clients: list[ServiceClient] = field(default_factory=list)

    @property
    def workspace(self) -> Any:
        return self.service.workspace

    def connect(self, origin: str = APP) -> ServiceClient:
        client = self.windows.connect(origin)
        self.clients.append(client)
        return client

    def close(self, *, say_bye: bool = True) -> None:
        """The agent closes the tab (say_bye=False: it crashes, nothing said)."""
        if say_bye:
            self.session.close()
        else:
            self.session._bridge.close()
        for client in self.clients:
            self.windows.close(client)


class Profile:
    """One browser profile: the tabs of the desktop open in it."""

    def __init__(self, options: dict[str, Any] | None = None, clock: Clock | None = None, loop: bool = True) -> None:
        self.options = {**OPTIONS, **(options or {})}
        self.clock = clock or SystemClock()
        self.network = MemoryTabNetwork(asyncio.get_running_loop().call_soon if loop else None)
        self.tabs: list[Tab] = []

    def open_tab(self, start: bool = True) -> Tab:
        number = self.network.next_number()
        workspace, policy = configure(self.options, self.clock)
        windows = MemoryNetwork(first_key=first_frame_id(number))
        session = TabSession(number, workspace, self.network.bridge)
        service = Service(workspace, policy, windows.service_side, tabs=session)
        tab = Tab(session, service, windows)
        self.tabs.append(tab)
        if start:
            session.start()
        return tab

    def states(self) -> list[str]:
        return [tab.session.frame_state() for tab in self.tabs]


async def settle(rounds: int = 50) -> None:
    """Let every posted message and zero-delay timer run (turns of the loop, no waiting)."""
    for _ in range(rounds):
        await asyncio.sleep(0)
