"""The desktop page's UI: renders the workspace and lets a person drive it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import js
from pyodide.ffi import create_proxy

from wwe_scapi.browser.interactionsview import InteractionsView
from wwe_scapi.browser.logview import ProtocolLogView
from wwe_scapi.service import Service
from wwe_scapi.workspace import DomainEvent, WorkspaceError

def _element(tag: str, text: str | None = None, **attributes: str) -> Any:
    node = js.document.createElement(tag)
    if text is not None:
        node.textContent = text
    for name, value in attributes.items():
        node.setAttribute(name.replace("_", "-"), value)
    return node


def _by_id(element_id: str) -> Any:
    return js.document.getElementById(element_id)


class DesktopView:
    """Agent bar, media list, app tabs and the protocol log, kept in step with the workspace."""

    def __init__(self, service: Service, apps: Sequence[Mapping[str, str]]) -> None:
        self.service = service
        self.workspace = service.workspace
        self.apps = apps
        self._proxies: list[Any] = []
        self.log_view = ProtocolLogView(service.log)
        self.interactions_view = InteractionsView(self.workspace, self.show_alert)

    def render(self) -> None:
        self._render_state_select()
        self._render_agent()
        self._render_media()
        self.interactions_view.start()
        self._render_simulator()
        self._render_apps()
        self.workspace.subscribe(self._on_event)
        self.log_view.start()
        status = _by_id("boot-status")
        if status is not None:
            status.textContent = f"Service ready: accepting {self.service.policy.origins.describe()}"

    def _proxy(self, function: Any) -> Any:
        proxy = create_proxy(function)
        self._proxies.append(proxy)  # the page lives as long as they do
        return proxy

    # -- agent and media ----------------------------------------------------------------

    def _render_agent(self) -> None:
        agent = self.workspace.agent
        _by_id("agent-name").textContent = f"{agent.display_name} ({agent.username})"
        state = self.workspace.agent_state()
        _by_id("agent-state").textContent = state.display_name
        _by_id("agent-state").setAttribute("data-state", state.type.value)
        if state.operation_name:
            _by_id("agent-state-select").value = state.operation_name

    def _render_state_select(self) -> None:
        select = _by_id("agent-state-select")
        select.replaceChildren()
        for state in self.workspace.state_list:
            select.appendChild(_element("option", state.display_name, value=state.operation_name))
        _by_id("agent-state-apply").addEventListener("click", self._proxy(self._apply_state))

    def _apply_state(self, _event: Any) -> None:
        self.workspace.set_agent_state(str(_by_id("agent-state-select").value))

    def _render_media(self) -> None:
        items = []
        for media in self.workspace.media.values():
            device = f" · {media.device.number}" if media.device else ""
            item = _element("li", f"{media.name}: {media.state.display_name}{device}")
            item.setAttribute("data-media", media.name)
            item.setAttribute("data-state", media.state.type.value)
            items.append(item)
        _by_id("media-list").replaceChildren(*items)

    def _on_event(self, event: DomainEvent) -> None:
        if event.topic in ("agent", "media"):
            self._render_agent()
            self._render_media()
        elif event.topic in ("interaction", "markdone"):
            self.interactions_view.changed()

    # -- the simulator ---------------------------------------------------------------------

    def _render_simulator(self) -> None:
        """Buttons that make work arrive, and a dial pad for the agent."""
        scenario = self.workspace.scenario
        section = _by_id("simulator")
        for element_id, label, action in (
            ("simulate-inbound-call", "Ring an inbound call", scenario.ring_inbound_call),
            ("simulate-chat", "Deliver a chat", scenario.deliver_chat),
            ("simulate-email", "Deliver an email", scenario.deliver_email),
        ):
            button = _element("button", label, type="button", id=element_id)
            button.addEventListener("click", self._proxy(lambda _event, act=action: self._run(act)))
            section.appendChild(button)
        dial = _element("form", None, id="dial-form", aria_label="Dial")
        dial.appendChild(_element("input", None, id="dial-number", type="tel", placeholder="Number", aria_label="Number to dial"))
        dial.appendChild(_element("button", "Dial", type="submit", id="dial-button"))
        dial.addEventListener("submit", self._proxy(self._dial))
        section.appendChild(dial)

    def _dial(self, event: Any) -> None:
        event.preventDefault()
        number = str(_by_id("dial-number").value)
        self._run(lambda: self.workspace.voice.dial(number))

    def _run(self, action: Any) -> None:
        try:
            action()
        except WorkspaceError as refusal:
            self.show_alert(refusal.message)
        else:
            self.show_alert("")

    def show_alert(self, text: str) -> None:
        _by_id("desktop-alert").textContent = text

    # -- apps ---------------------------------------------------------------------------

    def _render_apps(self) -> None:
        tabs, panels = _by_id("app-tabs"), _by_id("app-panels")
        for index, app in enumerate(self.apps):
            title = app.get("title") or app["url"]
            tab = _element(
                "button",
                title,
                role="tab",
                id=f"app-tab-{index}",
                aria_controls=f"app-panel-{index}",
                aria_selected="true" if index == 0 else "false",
                type="button",
            )
            tab.addEventListener("click", self._proxy(lambda _e, i=index: self.show_app(i)))
            panel = _element("div", role="tabpanel", id=f"app-panel-{index}", aria_labelledby=tab.id)
            frame = _element("iframe", src=app["url"], title=title, id=f"app-frame-{index}")
            frame.setAttribute("data-app-url", app["url"])
            panel.appendChild(frame)
            if index != 0:
                panel.hidden = True
                panel.inert = True
            tabs.appendChild(tab)
            panels.appendChild(panel)

    def show_app(self, index: int) -> None:
        """Bring one app's tab to the front."""
        for other in range(len(self.apps)):
            _by_id(f"app-tab-{other}").setAttribute("aria-selected", "true" if other == index else "false")
            panel = _by_id(f"app-panel-{other}")
            panel.hidden = other != index
            panel.inert = other != index  # background tabs stay rendered (see desktop.css)
