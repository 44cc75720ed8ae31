"""Custom dialogs: an app's page in a modal iframe. Open dialogs keep their iframe (and the
app in it) across redraws."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


from wwe_scapi.browser.dom import Dom
from wwe_scapi.workspace.dialogs import Dialog
from wwe_scapi.tabs.actions import Actions
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.system import DesktopSystem


def frame_id(dialog_id: str) -> str:
    return f"dialog-frame-{dialog_id}"


class DialogsView:
    def __init__(self, workspace: Workspace, dom: Dom, actions: Actions, mine: Callable[[int], bool]) -> None:
        """`mine(frame_id)`: is that frame in this desktop tab (a dialog shows in its app's tab)."""
        self._dom = dom
        self._workspace = workspace
        self._actions = actions
        self._mine = mine

    @property
    def system(self) -> DesktopSystem:
        return self._workspace.system  # read each time: another tab's state may replace it

    def _dialogs(self) -> dict[str, Dialog]:
        return {key: dialog for key, dialog in self.system.dialogs.dialogs.items() if self._mine(dialog.owner)}

    def start(self) -> None:
        self._dom.listen(self._dom.by_id("dialogs"), "click", self._on_click)
        self._dom.listen(self._dom.document, "keydown", self._on_key)
        self.render()

    def render(self) -> None:
        holder = self._dom.by_id("dialogs")
        open_ids = set(self._dialogs())
        for node in list(holder.querySelectorAll("[data-dialog-id]")):
            if str(node.getAttribute("data-dialog-id")) not in open_ids:
                node.remove()
        holder.hidden = not open_ids  # shown first: a hidden element cannot take the focus
        for dialog in self._dialogs().values():
            if self._dom.missing(holder.querySelector(f'[data-dialog-id="{dialog.id}"]')):
                box = self._dialog(dialog)
                holder.appendChild(box)
                box.querySelector("[data-close]").focus()  # keyboard users land in the dialog

    def _dialog(self, dialog: Dialog) -> Any:
        style = "".join(
            f"{name}: {value};" for name, value in (("width", dialog.width), ("height", dialog.height)) if value
        )
        box = self._dom.element(
            "div",
            None,
            role="dialog",
            aria_modal="true",
            aria_label=dialog.label or "Dialog",
            data_dialog_id=dialog.id,
            **{"class": "custom-dialog", "style": style},
        )
        close = self._dom.element("button", "×", type="button", aria_label="Close dialog", data_close=dialog.id)
        box.appendChild(close)
        box.appendChild(self._dom.element("iframe", None, src=dialog.url, title=dialog.label or dialog.url, id=frame_id(dialog.id)))
        return box

    def shown_frames(self) -> set[str]:
        return {frame_id(dialog_id) for dialog_id in self._dialogs()}

    def _on_key(self, event: Any) -> None:
        """Escape closes the newest dialog, as modal dialogs do."""
        shown = self._dialogs()
        if event.key == "Escape" and shown:
            self._actions.system.close_dialog(list(shown)[-1])

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-close]")
        if not self._dom.missing(button):
            self._actions.system.close_dialog(str(button.getAttribute("data-close")))
