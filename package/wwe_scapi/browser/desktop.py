"""The desktop page's UI: renders the workspace and lets a person drive it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import js
from pyodide.ffi import create_proxy

from wwe_scapi.browser.logview import ProtocolLogView
from wwe_scapi.service import Service
from wwe_scapi.workspace import DomainEvent

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

    def render(self) -> None:
        self._render_state_select()
        self._render_agent()
        self._render_media()
        self._render_interactions()
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
        elif event.topic == "interaction":
            self._render_interactions()

    # -- interactions and the simulator --------------------------------------------------

    def _render_interactions(self) -> None:
        section = _by_id("interactions")
        items = []
        for interaction in self.workspace.interactions:
            party = interaction.contact.get("displayName") or interaction.media_fields.get("ani", "")
            item = _element("li", f"#{interaction.interaction_id} {interaction.media} {interaction.state.value}: {party}")
            item.setAttribute("data-interaction-id", interaction.interaction_id)
            item.setAttribute("data-state", interaction.state.value)
            if interaction.user_data:
                data = ", ".join(f"{key}={value}" for key, value in interaction.user_data.items())
                item.appendChild(_element("div", data, **{"class": "user-data"}))
            items.append(item)
        listing = _element("ul", id="interaction-list")
        listing.replaceChildren(*items)
        heading = _element("h2", "Interactions", id="interactions-heading")
        section.replaceChildren(heading, listing if items else _element("p", "No interaction.", **{"class": "empty"}))

    def _render_simulator(self) -> None:
        button = _element("button", "Ring an inbound call", type="button", id="simulate-inbound-call")
        button.addEventListener("click", self._proxy(lambda _event: self.workspace.scenario.ring_inbound_call()))
        _by_id("simulator").appendChild(button)

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
