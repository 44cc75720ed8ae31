"""The in-memory transport: a service and its apps' windows in one process (CPython, no
browser), with postMessage's semantics: delivery on a later turn of the event loop, in order;
a JSON copy of every message (a structured clone of plain data); the sender's origin
attached by the "browser", never by the sender. A message JSON cannot hold arrives as
`Unreadable`, as the browser bridge reports one."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.protocol.constants import MAX_MESSAGE_CHARS
from wwe_scapi.protocol.messages import Unreadable

if TYPE_CHECKING:
    from wwe_scapi.transports.base import ClientReceiver, Message, ServiceReceiver


def _copy(message: Any) -> Any:
    return json.loads(json.dumps(message))


def _copy_or_none(value: Any) -> Any:
    """A copy of a value JSON can hold (NaN and infinities it cannot), else None."""
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError):
        return None


class MemoryHub:
    """One service side and any number of app windows, each with its own origin and key
    (wwe_scapi.testing.MemoryNetwork adds Python clients in them)."""

    def __init__(self, loop: asyncio.AbstractEventLoop | None = None, *, first_key: int = 1) -> None:
        """`first_key`: the key of the first window (each desktop tab has a block of its own)."""
        self._loop = loop
        self.service_side = MemoryServiceTransport(self)
        self._windows: dict[int, MemoryWindow] = {}
        self._last_key = first_key - 1
        self.sent: list[tuple[int, Message]] = []  # every message the service posted, copied
        self.places: dict[int, str] = {}  # window key -> where the desktop shows it
        self.in_flight = 0  # messages posted, not delivered yet (a test's settle() waits for 0)

    def window(self, origin: str) -> MemoryWindow:
        """A new window on `origin`: a client transport, or raw posts with `.post()`."""
        window = MemoryWindow(self, 0, origin)
        window.key = self._new_key(window)
        return window

    def _new_key(self, window: MemoryWindow) -> int:
        self._last_key += 1
        self._windows[self._last_key] = window
        return self._last_key

    def _forget(self, key: int) -> None:
        self._windows.pop(key, None)

    def _renew(self, key: int) -> int | None:
        window = self._windows.pop(key, None)
        if window is None or window.closed:
            return None
        window.key = self._new_key(window)
        if key in self.places:
            self.places[window.key] = self.places.pop(key)
        return window.key

    def _later(self, callback: Any, *arguments: Any) -> None:
        self.in_flight += 1
        (self._loop or asyncio.get_running_loop()).call_soon(self._delivered, callback, arguments)

    def _delivered(self, callback: Any, arguments: tuple[Any, ...]) -> None:
        self.in_flight -= 1
        callback(*arguments)

    def _to_service(self, window: MemoryWindow, message: Any) -> None:
        raw = message if isinstance(message, dict) else {}
        request = raw.get("request") if isinstance(raw.get("request"), str) else None
        try:
            text = json.dumps(message)
            copied = json.loads(text)
        except (TypeError, ValueError) as error:  # a cycle, a set, bytes...
            copied = Unreadable(request, _copy_or_none(raw.get("referenceId")), str(error))
        else:
            if len(text) > MAX_MESSAGE_CHARS:  # read no further, as the browser bridge
                copied = Unreadable(request, _copy_or_none(raw.get("referenceId")), "too large", len(text))
        self._later(self.service_side.deliver, window.key, window.origin, copied)

    def _to_window(self, key: int, message: Message) -> bool:
        copied = _copy(message)
        self.sent.append((key, copied))
        window = self._windows.get(key)
        if window is None or window.closed:
            return False
        self._later(self._deliver_to, key, _copy(copied))
        return True

    def _deliver_to(self, key: int, message: Any) -> None:
        """Delivered only if that key's page is still there (not closed, not navigated away)."""
        window = self._windows.get(key)
        if window is not None:
            window.deliver(message)


class MemoryServiceTransport:
    """The service's side of a MemoryHub."""

    def __init__(self, network: MemoryHub) -> None:
        self._network = network
        self._receiver: ServiceReceiver | None = None
        self.focused: list[int] = []

    def start(self, receiver: ServiceReceiver) -> None:
        self._receiver = receiver

    def send(self, key: int, message: Message) -> bool:
        return self._receiver is not None and self._network._to_window(key, message)

    def send_all(self, keys: list[int], message: Message) -> list[int]:
        """transports/base.py's Broadcaster (each window's own copy, as send() gives)."""
        return [key for key in keys if not self.send(key, message)]

    def renew(self, key: int) -> int | None:
        return self._network._renew(key)

    def deliver(self, key: int, origin: str, message: Any) -> None:
        if self._receiver is not None:
            self._receiver(key, origin, message)

    def close(self) -> None:
        self._receiver = None

    def place(self, key: int) -> str | None:
        return self._network.places.get(key)

    def focus(self, key: int) -> None:
        self.focused.append(key)


class MemoryWindow:
    """An app's window: its client transport (or a sender of raw messages)."""

    def __init__(self, network: MemoryHub, key: int, origin: str) -> None:
        self._network = network
        self.key = key
        self.origin = origin
        self.closed = False
        self._receiver: ClientReceiver | None = None
        self._gone: Callable[[str], None] | None = None
        self.received: list[Any] = []  # what reached a window without a receiver (raw windows)

    def start(self, receiver: ClientReceiver, gone: Callable[[str], None] | None = None) -> None:
        self._receiver = receiver
        self._gone = gone

    @property
    def destination(self) -> str:
        return f"the service of this memory hub (window {self.key}, {self.origin})"

    def post(self, message: Any) -> None:
        """Post any message to the service, as this window's page would."""
        if self.closed:
            raise RuntimeError(f"The window {self.key} ({self.origin}) is closed.")
        self._network._to_service(self, message)

    def navigate(self, origin: str) -> None:
        """The window loads a page of another origin: to the service it is another window
        (a new key; the old one reaches nothing)."""
        gone, self._gone = self._gone, None
        self._network._forget(self.key)
        self.origin = origin
        self.key = self._network._new_key(self)
        self._receiver = None
        if gone is not None:
            gone("the app's page navigated away")
        self.received = []

    def reload(self) -> None:
        """The window loads a new page of its origin: to the service it stays the same window
        until the new page speaks without the frame id the old one had (as in the browser)."""
        gone, self._gone = self._gone, None
        self._receiver = None
        self.received = []
        if gone is not None:
            gone("the app's page is unloading")

    def deliver(self, message: Any) -> None:
        if self.closed:
            return
        if self._receiver is None:
            self.received.append(message)
        else:
            self._receiver(message)

    def close(self) -> None:
        """The window goes away: its client (if any) hears of it, as a page hears pagehide."""
        gone, self._gone = self._gone, None
        self.closed = True
        self._receiver = None
        if gone is not None:
            gone("the app's window was closed")
