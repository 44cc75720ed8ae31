"""The desktop's connection and inactivity status, their simulator controls, and the timer
that lets time act on the workspace (toast auto-hide, DOWN, inactivity)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from wwe_scapi.browser.dom import Dom
from wwe_scapi.clock import Timer
from wwe_scapi.tabs.actions import Actions, attempt
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.system import DesktopSystem

_ACTIVITY_THROTTLE_S = 1.0
_TIMER_SLACK_S = 0.005  # browser timers may fire a little early: wake just after the deadline


class StatusView:
    def __init__(
        self, workspace: Workspace, dom: Dom, show_alert: Callable[[str], None], actions: Actions, may_act: Callable[[], bool]
    ) -> None:
        """`may_act()`: does this tab let time act on the contact centre (one tab alone, or
        the leader; the others' replicas follow the leader's)."""
        self.workspace = workspace
        self._actions = actions
        self._may_act = may_act
        self._dom = dom
        self._show_alert = show_alert
        self._timer: Timer | None = None

    @property
    def system(self) -> DesktopSystem:
        return self.workspace.system  # read each time: another tab's state may replace it

    def start(self) -> None:
        section = self._dom.by_id("simulator")
        for element_id, label, action in (
            ("simulate-connection-lost", "Drop connection", self._actions.scenario.drop_realtime_connection),
            ("simulate-connection-back", "Restore connection", self._actions.scenario.restore_realtime_connection),
        ):
            button = self._dom.element("button", label, type="button", id=element_id)
            self._dom.on_click(button, partial(self._run, action))
            section.appendChild(button)
        for kind in ("click", "keydown"):
            self._dom.listen(self._dom.document, kind, self._agent_activity)
        self.render()

    def _run(self, action: Callable[[], object]) -> None:
        attempt(action, lambda error: self._show_alert(error) if error else None)

    def _agent_activity(self, _event: Any) -> None:
        """The agent's own clicks and keys count as activity (at most once a second)."""
        timer = self.system.inactivity
        if timer.enabled and timer.clock.monotonic() - timer.last_activity >= _ACTIVITY_THROTTLE_S:
            self._actions.system.trigger_activity()

    def render(self) -> None:
        connection = self._dom.by_id("connection-state")
        connection.textContent = self.system.connection.state.value.lower()
        connection.setAttribute("data-state", self.system.connection.state.value)
        inactivity = self._dom.by_id("inactivity-state")
        remaining = self.system.inactivity.remaining()
        if self.system.inactivity.timed_out:
            inactivity.textContent = "session closed for inactivity"
        elif remaining is None:
            inactivity.textContent = "off"
        else:
            minutes, seconds = divmod(int(remaining + 0.999), 60)
            inactivity.textContent = f"{minutes}:{seconds:02d} left"
        inactivity.setAttribute("data-remaining", "" if remaining is None else f"{remaining:.0f}")
        self._render_token()
        self.schedule()

    def _render_token(self) -> None:
        """The JWT issued last (auth.getJwtToken), with its expiration."""
        issued = self.workspace.tokens.issued
        token = self._dom.by_id("jwt-state")
        expiration = "" if issued is None else issued.to_wire()["expiration"]
        token.textContent = "none" if issued is None else f"issued, expires {expiration}"
        token.setAttribute("data-expiration", expiration)

    def schedule(self) -> None:
        """Wake at the next deadline; every second while a countdown is shown."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        now = self.system.clock.monotonic()
        waits = []
        deadline = self.workspace.next_deadline()
        if deadline is not None:
            waits.append(deadline - now)
        if self.system.inactivity.deadline() is not None:
            waits.append(1.0)
        if waits:
            self._timer = self.system.clock.call_later(max(0.0, min(waits)) + _TIMER_SLACK_S, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if self._may_act():
            self.workspace.tick()
        self.render()
