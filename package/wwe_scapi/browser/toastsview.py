"""Custom toasts in the desktop's corner, and the My Messages panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


from wwe_scapi.browser.dom import Dom
from wwe_scapi.service.pending import Pending
from wwe_scapi.tabs.actions import Actions
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.system import DesktopSystem
from wwe_scapi.workspace.toasts import Toast, ToastChoice


class ToastsView:
    def __init__(
        self,
        workspace: Workspace,
        dom: Dom,
        on_choice: Callable[[ToastChoice], None],
        actions: Actions,
        shown: Callable[[], bool],
    ) -> None:
        """`shown()`: does this tab show toasts (the last active tab does)."""
        self._dom = dom
        self._workspace = workspace
        self._on_choice = on_choice
        self._actions = actions
        self._shown = shown

    @property
    def system(self) -> DesktopSystem:
        return self._workspace.system  # read each time: another tab's state may replace it

    def start(self) -> None:
        self._dom.listen(self._dom.by_id("toasts"), "click", self._on_click)
        self.render()

    def render(self) -> None:
        toasts = self.system.toasts.toasts.values() if self._shown() else ()
        self._dom.by_id("toasts").replaceChildren(*[self._toast(t) for t in toasts])
        self._render_messages()

    def _toast(self, toast: Toast) -> Any:
        box = self._dom.element(
            "div",
            None,
            role="status",
            data_toast_id=toast.id,
            aria_label=toast.get("title") or "Notification",
            **{"class": "toast", "style": f"width: {self.system.toasts.width(toast)}px"},
        )
        header = self._dom.element("div", None, **{"class": "toast-title"})
        if toast.get("iconUrl"):
            header.appendChild(self._dom.element("img", None, src=toast.get("iconUrl"), alt="", **{"class": "toast-icon"}))
        header.appendChild(self._dom.element("span", toast.get("title") or ""))
        box.appendChild(header)
        for key, css in (("subject", "toast-subject"), ("message", "toast-message")):
            if toast.get(key):
                box.appendChild(self._dom.element("div", toast.get(key), **{"class": css}))
        key_values = toast.get("keyValues") or {}
        if key_values:
            table = self._dom.element("dl", None, **{"class": "toast-key-values"})
            for key, value in key_values.items():
                table.appendChild(self._dom.element("dt", str(key)))
                table.appendChild(self._dom.element("dd", str(value)))
            box.appendChild(table)
        buttons = self._dom.element("div", None, **{"class": "toast-buttons"})
        for choice, label in toast.buttons():
            buttons.appendChild(self._dom.element("button", label, type="button", data_choice=str(choice)))
        box.appendChild(buttons)
        return box

    def _render_messages(self) -> None:
        items = []
        for message in reversed(self.system.toasts.messages):
            item = self._dom.element("li", None, data_message_of=message.toast_id)
            item.appendChild(self._dom.element("strong", message.title or message.subject or "Message"))
            for text in (message.subject if message.title else None, message.message):
                if text:
                    item.appendChild(self._dom.element("div", text))
            for key, value in message.key_values.items():
                item.appendChild(self._dom.element("div", f"{key}: {value}", **{"class": "user-data"}))
            items.append(item)
        listing = self._dom.element("ul", None, id="my-messages-list")
        listing.replaceChildren(*items)
        heading = self._dom.element("h2", "My Messages", id="messages-heading")
        empty = self._dom.element("p", "No message.", **{"class": "empty"})
        self._dom.by_id("my-messages").replaceChildren(heading, listing if items else empty)

    def _on_click(self, event: Any) -> None:
        button = event.target.closest("button[data-choice]")
        box = event.target.closest("[data-toast-id]")
        if self._dom.missing(button) or self._dom.missing(box):
            return
        text = str(button.getAttribute("data-choice"))
        choice: str | int = int(text) if text.isdigit() else text
        outcome = self._actions.system.click_toast(str(box.getAttribute("data-toast-id")), choice)
        if isinstance(outcome, Pending):
            outcome.then(lambda settled: self._on_choice(settled.data) if settled.ok and settled.data is not None else None)
        elif outcome is not None:
            self._on_choice(outcome)
