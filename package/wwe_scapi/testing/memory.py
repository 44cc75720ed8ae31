"""Python clients and a Python service in one process (CPython, no browser), over the
in-memory transport."""

from __future__ import annotations

from typing import Any

from wwe_scapi.client import ServiceClient
from wwe_scapi.transports.memory import MemoryHub, MemoryWindow


class MemoryNetwork(MemoryHub):
    """Hand `service_side` to the service (`build_service(transport=network.service_side)`),
    then `connect(origin)` as many clients as wanted, each in a window of its own."""

    def connect(self, origin: str, **client_options: Any) -> ServiceClient:
        """A Python client in a new window on `origin` (options as for ServiceClient)."""
        return ServiceClient(self.window(origin), **client_options)

    def close(self, window: MemoryWindow | ServiceClient) -> None:
        """That window goes away: the service's posts to it fail from now on."""
        window.close()
