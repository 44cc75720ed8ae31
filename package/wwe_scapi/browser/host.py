"""Booting the service on the desktop page: the postMessage outbox and the desktop UI."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import js
from pyodide.ffi import JsProxy, create_proxy, to_js

from wwe_scapi.browser.desktop import DesktopView
from wwe_scapi.browser.dom import missing
from wwe_scapi.browser.jsbridge import host_bridge
from wwe_scapi.service import Service
from wwe_scapi.service.setup import build_service
from wwe_scapi.workspace.interactions import Interaction
from wwe_scapi.workspace.scenario import Scenario
from wwe_scapi.workspace.webcontent import Placement, WebContent, web_contents

# The scenario methods Playwright (or a person in the console) may call through wweScenario.
SCENARIO_METHODS = frozenset(name for name in vars(Scenario) if not name.startswith("_"))

_current: DesktopHost | None = None


class DesktopHost:
    """The service's outbox in the browser: JSON text to the JS bridge, by window key."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._receive_proxy = create_proxy(self._receive)
        self._bridge = host_bridge(self._receive_proxy)
        self._send = self._bridge.send
        service.outbox = self

    @property
    def workspace(self):  # type: ignore[no-untyped-def]
        return self.service.workspace

    def send(self, frame_key: int, message: dict[str, Any]) -> bool:
        return bool(self._send(frame_key, json.dumps(message)))

    def place(self, frame_key: int) -> str | None:
        """The desktop iframe holding that frame, "popup", or None."""
        place = self._bridge.place(frame_key)
        return None if missing(place) else str(place)

    def focus(self, frame_key: int) -> None:
        self._bridge.focus(frame_key)

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


def run_scenario(workspace: Any, name: str, arguments: Mapping[str, Any] | None = None) -> Any:
    """One scenario step by name with keyword arguments; an interaction comes back in wire form."""
    if name not in SCENARIO_METHODS:
        raise ValueError(f"Unknown scenario step {name!r}. Steps: {', '.join(sorted(SCENARIO_METHODS))}.")
    result = getattr(workspace.scenario, name)(**dict(arguments or {}))
    return result.to_wire() if isinstance(result, Interaction) else result


def _expose_scenario(host: DesktopHost) -> None:
    """window.wweScenario(name, {keyword: value}): the page's one entry point for driving the
    simulated contact centre from outside, e.g. Playwright's page.evaluate."""

    def call(name: str, arguments: Any = None) -> Any:
        if isinstance(arguments, JsProxy):
            arguments = arguments.to_py()
        result = run_scenario(host.workspace, name, arguments)
        return to_js(result, dict_converter=js.Object.fromEntries)

    js.window.wweScenario = create_proxy(call)


def start(config: Mapping[str, Any]) -> DesktopHost:
    """Serve the Agent Workspace on this page with the options and apps of `config`
    ({"options": {key: value}, "apps": [{"title", "url"}]}, as `wwe-scapi serve` writes it)."""
    global _current
    service = build_service(dict(config.get("options", {})))
    host = DesktopHost(service)
    apps = [
        WebContent(app.get("title") or app["url"], app["url"], app.get("title") or app["url"], Placement.TAB)
        for app in config.get("apps", [])
    ]
    apps += web_contents(service.workspace.configuration)
    DesktopView(service, apps, host).render()
    _expose_scenario(host)
    _current = host
    return host


def current() -> DesktopHost:
    """The running desktop: the entry point for tests driving the page through Pyodide."""
    if _current is None:
        raise RuntimeError("The desktop service has not been started on this page.")
    return _current
