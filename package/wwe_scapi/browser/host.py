"""Booting the service on the desktop page: the postMessage outbox and the desktop UI."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pyodide.ffi import create_proxy

from wwe_scapi.browser.desktop import DesktopView
from wwe_scapi.browser.jsbridge import host_bridge
from wwe_scapi.service import Service
from wwe_scapi.service.setup import build_service

_current: DesktopHost | None = None


class DesktopHost:
    """The service's outbox in the browser: JSON text to the JS bridge, by window key."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._receive_proxy = create_proxy(self._receive)
        self._send = host_bridge(self._receive_proxy).send
        service.outbox = self

    @property
    def workspace(self):  # type: ignore[no-untyped-def]
        return self.service.workspace

    def send(self, frame_key: int, message: dict[str, Any]) -> bool:
        return bool(self._send(frame_key, json.dumps(message)))

    def _receive(
        self,
        key: int,
        origin: str,
        text: str | None = None,
        request: str | None = None,
        reference_id: Any = None,
        error: str | None = None,
    ) -> None:
        if error is not None:
            self.service.receive_unreadable(key, origin, request, reference_id, error)
        else:
            self.service.receive(key, origin, json.loads(text or "null"))


def start(config: Mapping[str, Any]) -> DesktopHost:
    """Serve the Agent Workspace on this page with the options and apps of `config`
    ({"options": {key: value}, "apps": [{"title", "url"}]}, as `wwe-scapi serve` writes it)."""
    global _current
    service = build_service(dict(config.get("options", {})))
    host = DesktopHost(service)
    DesktopView(service, list(config.get("apps", []))).render()
    _current = host
    return host


def current() -> DesktopHost:
    """The running desktop: the entry point for tests driving the page through Pyodide."""
    if _current is None:
        raise RuntimeError("The desktop service has not been started on this page.")
    return _current
