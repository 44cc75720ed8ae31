"""Custom dialogs: an app's page in a modal iframe. Open dialogs keep their iframe (and the
app in it) across redraws."""

from __future__ import annotations

from typing import Any


from wwe_scapi.browser.dom import Dom
from wwe_scapi.workspace.dialogs import Dialog
from wwe_scapi.workspace.system import DesktopSystem


def frame_id(dialog_id: str) -> str:
    return f"dialog-frame-{dialog_id}"


class DialogsView:
    def __init__(self, system: DesktopSystem, dom: Dom) -> None:
        self._dom = dom
        self.system = system

    def start(self) -> None:
        self._dom.listen(self._dom.by_id("dialogs"), "click", self._on_click)
        self._dom.listen(self._dom.document, "keydown", self._on_key)
        self.render()

    def render(self) -> None:
        holder = self._dom.by_id("dialogs")
        open_ids = set(self.system.dialogs.dialogs)
        for node in list(holder.querySelectorAll("[data-dialog-id]")):
            if str(node.getAttribute("data-dialog-id")) not in open_ids:
                node.remove()
        holder.hidden = not open_ids  # shown first: a hidden element cannot take the focus
        for dialog in self.system.dialogs.dialogs.values():
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
        return {frame_id(dialog_id) for dialog_id in self.system.dialogs.dialogs}

    def _on_key(self, event: Any) -> None:
        """Escape closes the newest dialog, as modal dialogs do."""
        if event.key == "Escape" and self.system.dialogs.dialogs:
            self.system.close_dialog(list(self.system.dialogs.dialogs)[-1])

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-close]")
        if not self._dom.missing(button):
            self.system.close_dialog(str(button.getAttribute("data-close")))
