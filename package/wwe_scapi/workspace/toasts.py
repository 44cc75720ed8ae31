"""Custom toasts (system.popupToast / updateToast / closeToast) and the My Messages panel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.leniency import Warn, refuse
from wwe_scapi.workspace.params import BOOLEAN, NON_NEGATIVE, OBJECT, POSITIVE, STRING, STRINGS, Check, check_object

TOAST_PARAMETERS: dict[str, Check] = {
    "title": STRING,
    "iconUrl": STRING,
    "subject": STRING,
    "message": STRING,
    "keyValues": OBJECT,
    "buttons": STRINGS,
    "buttonsShowDismiss": BOOLEAN,
    "autoHideTimeout": NON_NEGATIVE,
    "sendToMessagePanel": BOOLEAN,
    "width": POSITIVE,
}
DEFAULT_WIDTH_PX = 320
SHOW, DISMISS, OK = "show", "dismiss", "ok"


@dataclass(slots=True)
class Toast:
    id: str
    owner: int  # the frame that opened it: the only one told of its button clicks
    parameters: dict[str, Any]
    hide_at: float | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.parameters.get(key, default)

    def buttons(self) -> list[tuple[str | int, str]]:
        """(choice, label) in display order: [2] [3] ... [N] [1], or Show / Dismiss, or OK."""
        if self.get("buttonsShowDismiss"):
            return [(SHOW, "Show"), (DISMISS, "Dismiss")]
        labels: list[str] = self.get("buttons") or []
        if not labels:
            return [(OK, "OK")]
        order = list(range(1, len(labels))) + [0]
        return [(index, labels[index]) for index in order]


@dataclass(frozen=True, slots=True)
class ToastChoice:
    """What a click on a toast asks of the desktop."""

    toast: Toast
    button_index: int | None = None  # a custom button: tell the owner frame
    bring_forward: bool = False  # Show: bring the owner frame's app to the front


@dataclass(slots=True)
class Message:
    """An entry of the My Messages panel."""

    toast_id: str
    title: str | None
    subject: str | None
    message: str | None
    icon_url: str | None
    key_values: dict[str, Any] = field(default_factory=dict)


class ToastBoard:
    def __init__(self, clock: Clock, option_width: int | None = None) -> None:
        self.clock = clock
        self.option_width = option_width  # service-client-api.toast.width, checked at start-up
        self.toasts: dict[str, Toast] = {}
        self.messages: list[Message] = []
        self._count = 0

    def popup(self, owner: int, parameters: Mapping[str, Any], warn: Warn = refuse) -> Toast:
        checked = check_object("system.popupToast", parameters, TOAST_PARAMETERS, warn)
        toast = Toast(f"wweCustomToast{self._count}", owner, checked)
        self._count += 1
        self._arm(toast)
        self.toasts[toast.id] = toast
        if toast.get("sendToMessagePanel"):
            self.messages.append(
                Message(
                    toast.id,
                    toast.get("title"),
                    toast.get("subject"),
                    toast.get("message"),
                    toast.get("iconUrl"),
                    dict(toast.get("keyValues") or {}),
                )
            )
        return toast

    def update(self, toast_id: str, parameters: Mapping[str, Any], warn: Warn = refuse) -> bool:
        checked = check_object("system.updateToast", parameters, TOAST_PARAMETERS, warn)  # even for unknown ids
        toast = self.toasts.get(toast_id)
        if toast is None:
            return False
        toast.parameters.update(checked)
        if "autoHideTimeout" in checked:
            self._arm(toast)
        return True

    def close(self, toast_id: str) -> bool:
        return self.toasts.pop(toast_id, None) is not None

    def click(self, toast_id: str, choice: str | int) -> ToastChoice | None:
        """A button was clicked: the toast closes; None when it is gone or the choice is not offered."""
        toast = self.toasts.get(toast_id)
        # Compared with their types: True == 1 and 1.0 == 1 in Python, but neither is button 1.
        if toast is None or (type(choice), choice) not in [(type(c), c) for c, _ in toast.buttons()]:
            return None
        del self.toasts[toast_id]
        if isinstance(choice, int):
            return ToastChoice(toast, button_index=choice)
        return ToastChoice(toast, bring_forward=choice == SHOW)

    def width(self, toast: Toast) -> int:
        """The toast's own width wins over service-client-api.toast.width."""
        if toast.get("width") is not None:
            return int(toast.get("width"))
        return self.option_width or DEFAULT_WIDTH_PX

    def expire(self) -> list[str]:
        """Close the toasts whose auto-hide time has come; their ids."""
        now = self.clock.monotonic()
        due = [t.id for t in self.toasts.values() if t.hide_at is not None and t.hide_at <= now]
        for toast_id in due:
            del self.toasts[toast_id]
        return due

    def next_deadline(self) -> float | None:
        deadlines = [t.hide_at for t in self.toasts.values() if t.hide_at is not None]
        return min(deadlines) if deadlines else None

    def _arm(self, toast: Toast) -> None:
        timeout = toast.get("autoHideTimeout") or 0
        toast.hide_at = self.clock.monotonic() + timeout / 1000 if timeout > 0 else None
