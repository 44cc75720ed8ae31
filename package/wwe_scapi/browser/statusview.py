"""The desktop's connection and inactivity status, their simulator controls, and the timer
that lets time act on the workspace (toast auto-hide, DOWN, inactivity)."""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import create_proxy

from wwe_scapi.browser.dom import by_id, element
from wwe_scapi.workspace import Workspace, WorkspaceError

_ACTIVITY_THROTTLE_S = 1.0


class StatusView:
    def __init__(self, workspace: Workspace, show_alert: Any) -> None:
        self.workspace = workspace
        self.system = workspace.system
        self._show_alert = show_alert
        self._timer: Any = None
        self._tick_proxy = create_proxy(self._tick)  # these live as long as the page
        self._activity_proxy = create_proxy(self._agent_activity)
        self._proxies: list[Any] = []

    def start(self) -> None:
        section = by_id("simulator")
        for element_id, label, action in (
            ("simulate-connection-lost", "Drop connection", self.workspace.scenario.drop_realtime_connection),
            ("simulate-connection-back", "Restore connection", self.workspace.scenario.restore_realtime_connection),
        ):
            button = element("button", label, type="button", id=element_id)
            proxy = create_proxy(lambda _event, act=action: self._run(act))
            self._proxies.append(proxy)
            button.addEventListener("click", proxy)
            section.appendChild(button)
        for kind in ("click", "keydown"):
            js.document.addEventListener(kind, self._activity_proxy)
        self.render()

    def _run(self, action: Any) -> None:
        try:
            action()
        except WorkspaceError as refusal:
            self._show_alert(refusal.message)

    def _agent_activity(self, _event: Any) -> None:
        """The agent's own clicks and keys count as activity (at most once a second)."""
        timer = self.system.inactivity
        if timer.enabled and timer.clock.monotonic() - timer.last_activity >= _ACTIVITY_THROTTLE_S:
            self.system.trigger_activity()

    def render(self) -> None:
        connection = by_id("connection-state")
        connection.textContent = self.system.connection.state.value.lower()
        connection.setAttribute("data-state", self.system.connection.state.value)
        inactivity = by_id("inactivity-state")
        remaining = self.system.inactivity.remaining()
        if self.system.inactivity.timed_out:
            inactivity.textContent = "session closed for inactivity"
        elif remaining is None:
            inactivity.textContent = "off"
        else:
            minutes, seconds = divmod(int(remaining + 0.999), 60)
            inactivity.textContent = f"{minutes}:{seconds:02d} left"
        inactivity.setAttribute("data-remaining", "" if remaining is None else f"{remaining:.0f}")
        self.schedule()

    def schedule(self) -> None:
        """Wake at the next deadline; every second while a countdown is shown."""
        if self._timer is not None:
            js.clearTimeout(self._timer)
            self._timer = None
        now = self.system.clock.monotonic()
        waits = []
        deadline = self.system.next_deadline()
        if deadline is not None:
            waits.append(deadline - now)
        if self.system.inactivity.deadline() is not None:
            waits.append(1.0)
        if waits:
            self._timer = js.setTimeout(self._tick_proxy, max(0, int(min(waits) * 1000) + 5))

    def _tick(self) -> None:
        self._timer = None
        self.workspace.tick()
        self.render()
