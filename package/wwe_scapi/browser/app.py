"""Booting the Python client inside an app (iframe or popup)."""

from __future__ import annotations

import json
from typing import Any

from pyodide.ffi import create_proxy

from wwe_scapi.browser.jsbridge import client_bridge
from wwe_scapi.client import NoServiceWindow, ServiceClient
from wwe_scapi.protocol.constants import DEFAULT_TIMEOUT_SECONDS

_default_client: ServiceClient | None = None


class PostMessageTransport:
    """Posts JSON text through the JS bridge; the bridge hands replies to the client."""

    def __init__(self, target: Any = None, service_origin: str | None = None) -> None:
        self.client: ServiceClient | None = None
        self._receive_proxy = create_proxy(self._receive)
        bridge = client_bridge(target, service_origin, self._receive_proxy)
        if bridge is None:
            self._receive_proxy.destroy()
            raise NoServiceWindow(
                "No Agent Workspace window: this page is neither in an iframe nor a popup; "
                "pass target= (the vendor's targetWWEWindow) to connect()."
            )
        self.kind: str = bridge.kind
        self._origin = bridge.origin
        self._post = bridge.post

    @property
    def service_origin(self) -> str:
        """The origin requests are posted to ("*" until the service has answered once)."""
        return str(self._origin())

    def post(self, message: dict[str, Any]) -> None:
        self._post(json.dumps(message))

    def _receive(self, text: str) -> None:
        if self.client is not None:
            self.client.receive(json.loads(text))


def connect(
    *,
    target: Any = None,
    service_origin: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    new: bool = False,
) -> ServiceClient:
    """The page's client of the Agent Workspace service (one per page unless `new=True`).

    `target` is the vendor's `targetWWEWindow(win)`; `service_origin` is where requests go
    (by default the parent's origin from `location.ancestorOrigins`, else learnt from the
    service's first answer).
    """
    global _default_client
    if _default_client is not None and not new:
        return _default_client
    transport = PostMessageTransport(target, service_origin)
    client = ServiceClient(transport, timeout=timeout)
    transport.client = client
    if not new:
        _default_client = client
    return client
