"""The browser's transport: `window.postMessage` between the desktop page and its apps, through
the page's JavaScript bridges (compat/javascript.py). Only JSON text crosses between Python
and JavaScript; the windows themselves stay on the JavaScript side."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from wwe_scapi.compat.layer import ClientBridge, HostBridge, Platform
from wwe_scapi.protocol.parsing import Unreadable
from wwe_scapi.transports.base import ClientReceiver, Message, ServiceReceiver


class PostMessageServiceTransport:
    """The service's side, on the desktop page: every window that posts to it gets a key."""

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self._bridge: HostBridge | None = None
        self._receiver: ServiceReceiver | None = None
        self._post: Callable[[int, str], bool] = _no_window

    def start(self, receiver: ServiceReceiver) -> None:
        if self._bridge is not None:
            raise RuntimeError("This transport has already been started by a service.")
        self._receiver = receiver
        self._bridge = self._platform.host_bridge(self._receive)
        self._post = self._bridge.send  # a JavaScript function, held: one call per message

    def send(self, key: int, message: Message) -> bool:
        return bool(self._post(key, json.dumps(message)))

    def _receive(
        self,
        key: int,
        origin: str,
        text: str | None = None,
        request: Any = None,
        reference_id: Any = None,
        error: str | None = None,
    ) -> None:
        if self._receiver is None:
            return
        if error is not None:
            self._receiver(key, origin, Unreadable(request, reference_id, error))
        else:
            self._receiver(key, origin, json.loads(text or "null"))

    def place(self, key: int) -> str | None:
        return None if self._bridge is None else self._bridge.place(key)

    def focus(self, key: int) -> None:
        if self._bridge is not None:
            self._bridge.focus(key)

    def close(self) -> None:
        if self._bridge is not None:
            self._bridge.close()
        self._receiver = None
        self._post = _no_window


def _no_window(key: int, text: str) -> bool:
    return False


class PostMessageClientTransport:
    """An app's side: posts to the service window (an explicit target, else window.opener,
    else window.parent), to its origin once known, and listens to that window only."""

    def __init__(self, platform: Platform, target: Any = None, service_origin: str | None = None) -> None:
        """Raises NoServiceWindow when the page is neither in an iframe nor a popup and no
        target is given."""
        self._receiver: ClientReceiver | None = None
        bridge = platform.client_bridge(target, service_origin, self._receive)
        if bridge is None:
            # Imported here: the desktop imports this module and never loads the client.
            from wwe_scapi.client.errors import NoServiceWindow

            raise NoServiceWindow(
                "No Agent Workspace window: this page is neither in an iframe nor a popup; "
                "pass target= (the vendor's targetWWEWindow) to connect()."
            )
        self._bridge: ClientBridge = bridge
        self.kind = bridge.kind
        self._post = bridge.post

    @property
    def service_origin(self) -> str:
        """The origin requests are posted to ("*" until the service has answered once)."""
        return self._bridge.origin()

    def start(self, receiver: ClientReceiver) -> None:
        self._receiver = receiver

    def post(self, message: Message) -> None:
        self._post(json.dumps(message))

    def _receive(self, text: str) -> None:
        if self._receiver is not None:
            self._receiver(json.loads(text))

    def close(self) -> None:
        self._receiver = None
        self._bridge.close()
