"""The apps' custom views in the Application Menu bar of the agent bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


from wwe_scapi.browser.dom import Dom
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.system import DesktopSystem


class MenuBarView:
    def __init__(self, workspace: Workspace, dom: Dom, on_open: Callable[[int], None]) -> None:
        self._dom = dom
        self._workspace = workspace
        self._on_open = on_open  # brings the view's app forward

    @property
    def system(self) -> DesktopSystem:
        return self._workspace.system  # read each time: another tab's state may replace it

    def start(self) -> None:
        self._dom.listen(self._dom.by_id("menu-bar-views"), "click", self._on_click)
        self.render()

    def render(self) -> None:
        self._dom.by_id("menu-bar-views").replaceChildren(*[self._view(view) for view in self.system.menu_bar.views.values()])

    def _view(self, view: dict[str, Any]) -> Any:
        styles = []
        if view.get("labelColor"):
            styles.append(f"color: {view['labelColor']}")
        if view.get("backgroundColor"):
            styles.append(f"background: {view['backgroundColor']}")
        button = self._dom.element(
            "button",
            None,
            type="button",
            data_view=view["name"],
            title=view.get("tooltip") or view.get("label") or view["name"],
            **{"class": "menu-bar-view", "style": "; ".join(styles)},
        )
        if view.get("iconUrl"):
            button.appendChild(self._dom.element("img", None, src=view["iconUrl"], alt="", **{"class": "view-icon"}))
        text = view.get("label") or view.get("shortLabel")
        if text:
            button.appendChild(self._dom.element("span", text, **{"class": "view-label"}))
        return button

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-view]")
        if self._dom.missing(button):
            return
        owner = self.system.menu_bar.owners.get(str(button.getAttribute("data-view")))
        if owner is not None:
            self._on_open(owner)
