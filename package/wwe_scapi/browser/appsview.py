"""The embedded apps: tabs (one in front), background apps (running, never shown) and popup
windows the agent opens. Which iframe is on screen is what system.amIVisible reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Sequence
from functools import partial

from wwe_scapi.browser.dom import Dom
from wwe_scapi.protocol.messages import last_line
from wwe_scapi.workspace.webcontent import Placement, WebContent

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element, Window


class AppsView:
    def __init__(self, apps: Sequence[WebContent], dom: Dom) -> None:
        self._dom = dom
        self.tabs = [app for app in apps if app.placement is Placement.TAB]
        self.background = [app for app in apps if app.placement is Placement.BACKGROUND]
        self.popups = [app for app in apps if app.placement is Placement.POPUP]
        self.hidden = [app for app in apps if app.placement is Placement.HIDDEN]
        self.front = 0
        self._windows: dict[int, Window] = {}

    def render(self) -> None:
        by_id, element = self._dom.by_id, self._dom.element
        tabs, panels = by_id("app-tabs"), by_id("app-panels")
        for index, app in enumerate(self.tabs):
            tab = element(
                "button",
                app.title,
                role="tab",
                id=f"app-tab-{index}",
                aria_controls=f"app-panel-{index}",
                aria_selected="true" if index == 0 else "false",
                type="button",
            )
            self._dom.on_click(tab, partial(self.show_app, index))
            tabs.appendChild(tab)
            if self._adopted(index, app):
                continue  # the loader made it before Python was up: it is booting already
            panel = element("div", role="tabpanel", id=f"app-panel-{index}", aria_labelledby=tab.id)
            panel.appendChild(self._frame(app, f"app-frame-{index}"))
            if index != 0:
                panel.hidden = True
                panel.inert = True
            panels.appendChild(panel)
        for index, app in enumerate(self.popups):
            button = element("button", f"↗ {app.title}", type="button", id=f"app-popup-{index}", **{"class": "popup-app"})
            self._dom.on_click(button, partial(self.open_popup, index))
            tabs.appendChild(button)
        holder = by_id("background-apps")
        for index, app in enumerate(self.background):
            holder.appendChild(self._frame(app, f"background-frame-{index}"))
        if self.hidden:
            note = ", ".join(app.title for app in self.hidden)
            tabs.appendChild(element("span", f"hidden: {note}", **{"class": "hidden-apps"}))

    def _adopted(self, index: int, app: WebContent) -> bool:
        """Is that tab's panel there already (the loader's startAppFrames, web/wwe-scapi.js,
        draws the same elements before Python is up)? Its iframe is kept when it shows the app,
        else replaced by the app's."""
        panel = self._dom.find(f"app-panel-{index}")
        if panel is None:
            return False
        frame = self._dom.find(f"app-frame-{index}")
        if frame is None or frame.getAttribute("data-app-url") != app.url:
            panel.replaceChildren(self._frame(app, f"app-frame-{index}"))
        return True

    def _frame(self, app: WebContent, frame_id: str) -> Element:
        frame = self._dom.element("iframe", src=app.url, title=app.title, id=frame_id)
        frame.setAttribute("data-app-url", app.url)
        return frame

    def show_app(self, index: int) -> None:
        """Bring one app's tab to the front."""
        self.front = index
        for other in range(len(self.tabs)):
            self._dom.by_id(f"app-tab-{other}").setAttribute("aria-selected", "true" if other == index else "false")
            panel = self._dom.by_id(f"app-panel-{other}")
            panel.hidden = other != index
            panel.inert = other != index  # background tabs stay rendered (see desktop.css)

    def open_popup(self, index: int) -> None:
        """The agent opens a popup app; it reaches the service through window.opener."""
        window = self._windows.get(index)
        if window is not None and not window.closed:
            window.focus()
            return
        app = self.popups[index]
        window = self._dom.platform.open_window(app.url, f"wwe-popup-{index}", "popup,width=720,height=560")
        if window is not None:
            self._windows[index] = window

    def mark_failed(self, place: str | None, kind: str, text: str) -> bool:
        """Show an app's reported failure on its tab: a mark on the tab, the traceback above its
        iframe (the newest; how many so far). False when that place is not a tab's iframe."""
        if place is None or not place.startswith("app-frame-"):
            return False
        index = int(place.removeprefix("app-frame-"))
        tab, panel = self._dom.find(f"app-tab-{index}"), self._dom.find(f"app-panel-{index}")
        if tab is None or panel is None:
            return False
        count = int(tab.getAttribute("data-failures") or 0) + 1
        tab.setAttribute("data-failures", str(count))
        tab.setAttribute("class", "app-failed")
        tab.textContent = f"⚠ {self.tabs[index].title}"
        box = self._dom.find(f"app-failure-{index}")
        if box is None:
            box = self._dom.element("details", id=f"app-failure-{index}", role="alert", **{"class": "app-failure"})
            panel.prepend(box)
        what = {"boot": "did not start", "handler": "raised in an event handler"}.get(kind, "crashed")
        summary = self._dom.element("summary", f"{self.tabs[index].title} {what}: {last_line(text)}" + (f" ({count} failures)" if count > 1 else ""))
        box.replaceChildren(summary, self._dom.element("pre", text))
        box.setAttribute("data-kind", kind)
        return True

    def shown_frames(self) -> set[str]:
        """The ids of the app iframes on screen now."""
        return {f"app-frame-{self.front}"} if self.tabs else set()

    def bring_forward(self, place: str | None) -> bool:
        """Show the tab holding that iframe; True when there was one."""
        if place is None or not place.startswith("app-frame-"):
            return False
        self.show_app(int(place.removeprefix("app-frame-")))
        return True
