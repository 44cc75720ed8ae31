"""Python clients and a Python service in one process, with postMessage's semantics:
asynchronous delivery, a copy of every message (JSON, like a structured clone of plain data),
and the sender's origin attached by the "browser", never by the sender."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from wwe_scapi.client import ServiceClient
from wwe_scapi.service import Service


def _copy(message: Any) -> Any:
    return json.loads(json.dumps(message))


@dataclass(slots=True)
class _ClientTransport:
    network: MemoryNetwork
    key: int
    origin: str

    def post(self, message: dict[str, Any]) -> None:
        self.network.deliver_to_service(self.key, self.origin, _copy(message))


class MemoryNetwork:
    """The service's outbox and every client's transport."""

    def __init__(self, service: Service, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.service = service
        self.service.outbox = self
        self._loop = loop
        self._clients: dict[int, ServiceClient] = {}
        self._next_key = 0
        self._raw_windows: set[int] = set()
        self.sent: list[tuple[int, dict[str, Any]]] = []  # everything the service posted

    def connect(self, origin: str, **client_options: Any) -> ServiceClient:
        """A new client window on `origin`."""
        self._next_key += 1
        transport = _ClientTransport(self, self._next_key, origin)
        client = ServiceClient(transport, **client_options)
        self._clients[self._next_key] = client
        return client

    def post_raw(self, key: int, origin: str, message: Any) -> None:
        """Post any raw message as a window with no client would (for malformed-input tests)."""
        self._raw_windows.add(key)
        self.deliver_to_service(key, origin, _copy(message))

    def close(self, client: ServiceClient) -> None:
        """The client's window goes away."""
        for key, known in list(self._clients.items()):
            if known is client:
                del self._clients[key]

    def deliver_to_service(self, key: int, origin: str, message: Any) -> None:
        self._loop_now().call_soon(self.service.receive, key, origin, message)

    def send(self, frame_key: int, message: dict[str, Any]) -> bool:
        client = self._clients.get(frame_key)
        self.sent.append((frame_key, _copy(message)))
        if client is None:
            return frame_key in self._raw_windows
        self._loop_now().call_soon(client.receive, _copy(message))
        return True

    def _loop_now(self) -> asyncio.AbstractEventLoop:
        return self._loop or asyncio.get_running_loop()
