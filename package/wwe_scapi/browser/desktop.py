"""The desktop page's UI: renders the workspace and lets a person drive it. It is also the
service's frame surface: it knows which app frames are on screen (system.amIVisible)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from wwe_scapi.browser.appsview import AppsView
from wwe_scapi.browser.dialogsview import DialogsView
from wwe_scapi.browser.dom import Dom
from wwe_scapi.browser.interactionsview import InteractionsView
from wwe_scapi.browser.logview import ProtocolLogView
from wwe_scapi.browser.menubarview import MenuBarView
from wwe_scapi.browser.outboundview import OutboundView
from wwe_scapi.browser.statusview import StatusView
from wwe_scapi.browser.toastsview import ToastsView
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.tabs.actions import Actions, attempt
from wwe_scapi.tabs.election import tab_of_frame
from wwe_scapi.tabs.session import TABS_NOTICE
from wwe_scapi.workspace import DomainEvent, Workspace
from wwe_scapi.workspace.system import DESKTOP_TOPIC
from wwe_scapi.workspace.tokens import TOKEN_NOTICE
from wwe_scapi.workspace.params import origin_of
from wwe_scapi.workspace.toasts import ToastChoice
from wwe_scapi.workspace.webcontent import WebContent

if TYPE_CHECKING:
    from wwe_scapi.tabs.session import TabSession
    from wwe_scapi.transports.base import WindowPlaces

POPUP = "popup"


class DesktopView:
    """Agent bar, media, interactions, outbound campaigns and records, apps, toasts, dialogs,
    menu-bar views, status and the protocol log, kept in step with the workspace."""

    def __init__(
        self,
        workspace: Workspace,
        log: ProtocolLog,
        apps: Sequence[WebContent],
        windows: WindowPlaces,
        dom: Dom,
        accepting: str,
        session: TabSession | None = None,
    ) -> None:
        """`windows` tells where each frame is shown; `accepting` describes the accepted
        origins for the status line; `session`: this tab among the desktop's tabs (None: the
        desktop is in one tab)."""
        self.workspace = workspace
        self.windows = windows
        self.session = session
        self._dom = dom
        self._accepting = accepting
        # What the controls do, done where the contact centre is (the leader tab).
        self.actions = Actions(workspace, session)
        clock = workspace.clock
        self.log_view = ProtocolLogView(log, dom.platform, clock, tab_of=self.tab_of)
        self.interactions_view = InteractionsView(workspace, dom, clock, self.show_alert, self.actions)
        self.outbound_view = OutboundView(workspace, dom, clock, self.show_alert, self.actions)
        self.apps_view = AppsView(apps, dom)
        self.toasts_view = ToastsView(workspace, dom, self._toast_choice, self.actions, self._is_last_active)
        self.dialogs_view = DialogsView(workspace, dom, self.actions, self._is_mine)
        self.menu_bar_view = MenuBarView(workspace, dom, self.bring_forward)
        self.status_view = StatusView(workspace, dom, self.show_alert, self.actions, self._leads)
        self._redraws = {
            "toasts": self.toasts_view.render,
            "dialogs": self.dialogs_view.render,
            "menu-bar": self.menu_bar_view.render,
            "inactivity": self.status_view.render,
            "connection": self.status_view.render,
            "outbound": self.outbound_view.changed,  # call results, fields... (no wire event)
            TABS_NOTICE: self._tabs_changed,  # the last active tab
            TOKEN_NOTICE: self.status_view.render,  # a JWT was issued
        }

    def render(self) -> None:
        self._render_state_select()
        self._render_agent()
        self._render_media()
        self.interactions_view.start()
        self.outbound_view.start()
        self._render_simulator()
        self.apps_view.render()
        self.toasts_view.start()
        self.dialogs_view.start()
        self.menu_bar_view.start()
        self.status_view.start()
        self.workspace.subscribe(self._on_event)
        if self.session is not None:
            self.session.add_listener(self._tabs_changed)
        self._render_tab()
        self.log_view.start()
        status = self._dom.find("boot-status")
        if status is not None:
            status.textContent = f"Service ready: accepting {self._accepting}"

    # -- agent and media ----------------------------------------------------------------

    def _render_agent(self) -> None:
        agent = self.workspace.agent
        self._dom.by_id("agent-name").textContent = f"{agent.display_name} ({agent.username})"
        state = self.workspace.agent_state()
        self._dom.by_id("agent-state").textContent = state.display_name
        self._dom.by_id("agent-state").setAttribute("data-state", state.type.value)
        if state.operation_name:
            self._dom.by_id("agent-state-select").value = state.operation_name

    def _render_state_select(self) -> None:
        select = self._dom.by_id("agent-state-select")
        select.replaceChildren()
        for state in self.workspace.state_list:
            select.appendChild(self._dom.element("option", state.display_name, value=state.operation_name))
        self._dom.listen(self._dom.by_id("agent-state-apply"), "click", self._apply_state)

    def _apply_state(self, _event: Any) -> None:
        choice = str(self._dom.by_id("agent-state-select").value)
        self._run(lambda: self.actions.set_agent_state(choice))

    def _render_media(self) -> None:
        items = []
        for media in self.workspace.media.values():
            device = f" · {media.device.number}" if media.device else ""
            item = self._dom.element("li", f"{media.name}: {media.state.display_name}{device}")
            item.setAttribute("data-media", media.name)
            item.setAttribute("data-state", media.state.type.value)
            items.append(item)
        self._dom.by_id("media-list").replaceChildren(*items)

    def _on_event(self, event: DomainEvent) -> None:
        if event.topic in ("agent", "media"):
            self._render_agent()
            self._render_media()
        elif event.topic in ("interaction", "markdone"):
            self.interactions_view.changed()
            if self.outbound_view.concerns(event.data):
                self.outbound_view.changed()
        elif event.topic == "outbound":
            self.outbound_view.changed()
        elif event.topic == DESKTOP_TOPIC:
            self._redraws[event.data["eventType"]]()
            self.status_view.schedule()  # a new deadline may have come (a toast's auto-hide)


    # -- the simulator ---------------------------------------------------------------------

    def _render_simulator(self) -> None:
        """Buttons that make work arrive, and a dial pad for the agent."""
        scenario = self.actions.scenario
        section = self._dom.by_id("simulator")
        for element_id, label, action in (
            ("simulate-inbound-call", "Ring an inbound call", scenario.ring_inbound_call),
            ("simulate-chat", "Deliver a chat", scenario.deliver_chat),
            ("simulate-email", "Deliver an email", scenario.deliver_email),
        ):
            button = self._dom.element("button", label, type="button", id=element_id)
            self._dom.on_click(button, partial(self._run, action))
            section.appendChild(button)
        dial = self._dom.element("form", None, id="dial-form", aria_label="Dial")
        dial.appendChild(self._dom.element("input", None, id="dial-number", type="tel", placeholder="Number", aria_label="Number to dial"))
        dial.appendChild(self._dom.element("button", "Dial", type="submit", id="dial-button"))
        self._dom.listen(dial, "submit", self._dial)
        section.appendChild(dial)

    def _dial(self, event: Any) -> None:
        event.preventDefault()
        number = str(self._dom.by_id("dial-number").value)
        self._run(lambda: self.actions.voice.dial(number))

    def _run(self, action: Callable[[], object]) -> None:
        attempt(action, lambda error: self.show_alert(error or ""))

    def show_alert(self, text: str) -> None:
        self._dom.by_id("desktop-alert").textContent = text

    # -- this tab among the desktop's tabs ---------------------------------------------------

    def _leads(self) -> bool:
        return self.session is None or self.session.leading

    def _is_last_active(self) -> bool:
        return self.session is None or self.session.is_last_active()

    def _is_mine(self, frame_id: int) -> bool:
        return self.session is None or tab_of_frame(frame_id) == self.session.number

    def _tabs_changed(self) -> None:
        self._render_tab()
        self.toasts_view.render()
        self.status_view.render()  # a new leader lets time act from now on

    def _render_tab(self) -> None:
        badge = self._dom.find("tab-state")
        if badge is None:
            return
        state = self.session.frame_state() if self.session is not None else "LEADING"
        last = self._is_last_active()
        number = f"tab {self.session.number} · " if self.session is not None else ""
        badge.textContent = f"{number}{state.lower()}{' · last active' if last else ''}"
        badge.setAttribute("data-frame-state", state)
        badge.setAttribute("data-last-active", "true" if last else "false")

    # -- where frames are: the service's frame surface ----------------------------------------

    def is_visible(self, frame_id: int) -> bool:
        """On screen now: the front tab's app, an open dialog's app, or a popup window."""
        if self._dom.find("app-panels") is None or str(self._dom.document.visibilityState) != "visible":
            return False
        place = self.windows.place(frame_id)
        if place == POPUP:
            return True
        return place is not None and place in self.apps_view.shown_frames() | self.dialogs_view.shown_frames()

    def url_of(self, frame_id: int, origin: str) -> str | None:
        """The address the desktop loaded that frame's page from: its iframe's, or its popup
        app's (when of the frame's origin; a page inside an app's own iframes is unknown)."""
        place = self.windows.place(frame_id)
        if place == POPUP:
            urls = [app.url for app in self.apps_view.popups]
        else:
            element = self._dom.find(place) if place is not None else None
            urls = [str(element.getAttribute("src"))] if element is not None else []
        return next((url for url in urls if origin_of(url) == origin), None)

    def app_reported(self, frame_id: int, kind: str, text: str) -> None:
        """An app's own failure (its boot, an event handler): shown on its tab."""
        self.apps_view.mark_failed(self.windows.place(frame_id), kind, text)

    def tab_of(self, frame_id: int) -> str | None:
        """The title of the desktop tab showing that frame ("popup" for a popup window; None
        when the frame is not one of the desktop's own, e.g. inside an app's iframe)."""
        place = self.windows.place(frame_id)
        if place == POPUP:
            return POPUP
        element = self._dom.find(place) if place is not None else None
        return str(element.getAttribute("title")) if element is not None else None

    def bring_forward(self, frame_id: int) -> None:
        """Show the app of that frame: its tab, or its popup window."""
        place = self.windows.place(frame_id)
        if place == POPUP:
            self.windows.focus(frame_id)
        else:
            self.apps_view.bring_forward(place)

    def _toast_choice(self, choice: ToastChoice) -> None:
        if choice.bring_forward:
            self.bring_forward(choice.toast.owner)

