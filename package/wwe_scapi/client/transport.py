"""The client's side of a transport: posting a message to the service window."""

from __future__ import annotations

from typing import Any, Protocol


class ClientTransport(Protocol):
    """Posts messages to the service; delivers the service's messages to `client.receive`."""

    def post(self, message: dict[str, Any]) -> None: ...
