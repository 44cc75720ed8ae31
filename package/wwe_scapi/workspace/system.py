"""What the `system` namespace acts on: toasts, dialogs, menu-bar views, the inactivity timer
and the real-time connection. Changes the desktop must redraw are announced on the
`desktop` topic, which no frame can subscribe to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.connection import RealtimeConnection
from wwe_scapi.workspace.dialogs import DialogBoard
from wwe_scapi.workspace.events import EventHub
from wwe_scapi.workspace.inactivity import InactivityTimer
from wwe_scapi.workspace.leniency import Warn, refuse
from wwe_scapi.workspace.menubar import MenuBar
from wwe_scapi.workspace.toasts import ToastBoard, ToastChoice

DESKTOP_TOPIC = "desktop"


class DesktopSystem:
    def __init__(
        self, events: EventHub, clock: Clock, toast_width: int | None = None, inactivity_seconds: float = 0
    ) -> None:
        self.events = events
        self.clock = clock
        self.toasts = ToastBoard(clock, toast_width)
        self.dialogs = DialogBoard()
        self.menu_bar = MenuBar()
        self.inactivity = InactivityTimer(clock, inactivity_seconds)
        self.connection = RealtimeConnection(clock)

    def configure(self, toast_width: int | None, inactivity_seconds: float) -> None:
        """Apply service-client-api.toast.width and security.inactivity-timeout."""
        self.toasts.option_width = toast_width
        self.inactivity.timeout_seconds = inactivity_seconds

    # -- toasts ---------------------------------------------------------------------------------

    def popup_toast(self, owner: int, parameters: Mapping[str, Any], warn: Warn = refuse) -> str:
        toast = self.toasts.popup(owner, parameters, warn)
        self._changed("toasts")
        return toast.id

    def update_toast(self, toast_id: str, parameters: Mapping[str, Any], warn: Warn = refuse) -> bool:
        return self._changed_if("toasts", self.toasts.update(toast_id, parameters, warn))

    def close_toast(self, toast_id: str) -> bool:
        return self._changed_if("toasts", self.toasts.close(toast_id))

    def click_toast(self, toast_id: str, choice: str | int) -> ToastChoice | None:
        """The agent clicked a toast's button; a custom button is told to the frame that opened it."""
        outcome = self.toasts.click(toast_id, choice)
        if outcome is None:
            return None
        if outcome.button_index is not None:
            self.events.emit(
                "system",
                {"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": outcome.button_index},
                to_frame=outcome.toast.owner,
            )
        self._changed("toasts")
        return outcome

    # -- dialogs and menu-bar views ------------------------------------------------------------

    def open_dialog(self, owner: int, url: str | None, options: Any, warn: Warn = refuse) -> str | None:
        dialog = self.dialogs.open(owner, url, options, warn)
        if dialog is None:
            return None
        self._changed("dialogs")
        return dialog.id

    def close_dialog(self, dialog_id: str) -> bool:
        return self._changed_if("dialogs", self.dialogs.close(dialog_id))

    def update_view(self, owner: int, parameters: Mapping[str, Any], warn: Warn = refuse) -> str:
        name = self.menu_bar.update(owner, parameters, warn)
        self._changed("menu-bar")
        return name

    def close_view(self, name: str) -> bool:
        return self._changed_if("menu-bar", self.menu_bar.close(name))

    # -- activity and connection ----------------------------------------------------------------

    def trigger_activity(self) -> None:
        self.inactivity.activity()
        self._changed("inactivity")

    def drop_connection(self) -> None:
        self._connection_event(self.connection.drop())

    def restore_connection(self) -> None:
        self._connection_event(self.connection.restore())

    def connection_down(self) -> None:
        self._connection_event(self.connection.go_down())

    def tick(self) -> bool:
        """Apply what time has brought (auto-hidden toasts, DOWN, inactivity); True on a timeout."""
        if self.toasts.expire():
            self._changed("toasts")
        down = self.connection.check()
        if down is not None:
            self._connection_event(down)
        timed_out = self.inactivity.check()
        if timed_out:
            self._changed("inactivity")
        return timed_out

    def next_deadline(self) -> float | None:
        deadlines = [
            d
            for d in (self.toasts.next_deadline(), self.connection.deadline(), self.inactivity.deadline())
            if d is not None
        ]
        return min(deadlines) if deadlines else None

    def _connection_event(self, state: str) -> None:
        self.events.emit("system", {"eventType": "REALTIME_CONNECTION", "state": state})
        self._changed("connection")

    def _changed(self, part: str) -> None:
        self.events.emit(DESKTOP_TOPIC, {"eventType": part})

    def _changed_if(self, part: str, changed: bool) -> bool:
        if changed:
            self._changed(part)
        return changed
