"""The page, faked for CPython: `FakePlatform` gives the browser layer a fake DOM (fakedom.py)
and Python stand-ins for the page's JavaScript, which behave as that JavaScript does
(transports/postmessage.py's bridges, the log drawer: the JavaScript source handed in is not
run; the Chromium tests run it). `FakeBrowser` holds windows on
origins that post to each other with postMessage's rules, so a desktop and its apps run in
one process."""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.compat.fairness import FairScheduler
from wwe_scapi.compat.fakedom import FakeDocument, FakeElement
from wwe_scapi.protocol.constants import FAIRNESS_SLICE_MS, KEPT_PER_WINDOW, MAX_MESSAGE_CHARS, SERVER_USER_AGENT
from wwe_scapi.compat.layer import ClientBridge, ClientListener, Document, HostBridge, HostListener, TabBridgeHandle, Window

logger = logging.getLogger(__name__)


@dataclass(eq=False)
class MessageEvent:
    data: Any
    origin: str
    source: FakeWindow


@dataclass(eq=False)
class FakeWindow:
    """A browsing context: a top-level page, an iframe's page, or a popup."""

    browser: FakeBrowser
    origin: str
    parent: FakeWindow | None = None  # None: a top-level window (the DOM's parent is itself)
    opener: FakeWindow | None = None
    closed: bool = False
    document: FakeDocument = field(default_factory=FakeDocument)
    focused: int = 0
    _listeners: list[Callable[[MessageEvent], None]] = field(default_factory=list)
    page_hide_listeners: list[Callable[[], None]] = field(default_factory=list)

    def postMessage(self, data: Any, target_origin: str, source: FakeWindow) -> None:  # noqa: N802
        """Queue `data` (a structured clone: cycles are kept) for this window, if its origin is
        `target_origin` (or "*")."""
        if target_origin not in ("*", self.origin):
            return  # the browser drops it, as it does for a mismatched targetOrigin
        self.browser._queue(self, MessageEvent(copy.deepcopy(data), source.origin, source))

    def addMessageListener(self, listener: Callable[[MessageEvent], None]) -> None:  # noqa: N802
        self._listeners.append(listener)

    def removeMessageListener(self, listener: Callable[[MessageEvent], None]) -> None:  # noqa: N802
        if listener in self._listeners:
            self._listeners.remove(listener)

    def focus(self) -> None:
        self.focused += 1

    def close(self) -> None:
        self.unload()
        self.closed = True

    def unload(self) -> None:
        """The page goes away for good: its pagehide listeners run (not persisted)."""
        for listener in list(self.page_hide_listeners):
            listener()
        self.page_hide_listeners.clear()

    @property
    def top(self) -> FakeWindow:
        return self if self.parent is None else self.parent.top


class FakeBrowser:
    """Windows and the messages between them. Messages are delivered by `deliver()` (or, with
    `schedule` such as an event loop's call_soon, on a later turn of that loop)."""

    def __init__(
        self, schedule: Callable[[Callable[[], None]], Any] | None = None, now: Callable[[], float] | None = None
    ) -> None:
        """`now()`: the pages' performance.now() in ms (by default always 0: serving takes no time)."""
        self._schedule = schedule
        self._tasks: list[Callable[[], None]] = []
        self.now: Callable[[], float] = now or (lambda: 0.0)

    def page(self, origin: str) -> FakeWindow:
        return FakeWindow(self, origin)

    def frame(self, parent: FakeWindow, origin: str, element: FakeElement | None = None) -> FakeWindow:
        """A page on `origin` in an iframe of `parent` (in `element`, an iframe of its document)."""
        window = FakeWindow(self, origin, parent=parent)
        if element is not None:
            element.contentWindow = window
        return window

    def popup(self, opener: FakeWindow, origin: str) -> FakeWindow:
        return FakeWindow(self, origin, opener=opener)

    def _queue(self, window: FakeWindow, event: MessageEvent) -> None:
        self.task(lambda: self._dispatch(window, event))

    def task(self, callback: Callable[[], None]) -> None:
        """Queue a task (a message event, a MessageChannel wake-up) behind the others."""
        self._tasks.append(callback)
        if self._schedule is not None:
            self._schedule(self._run_one)

    @staticmethod
    def _dispatch(window: FakeWindow, event: MessageEvent) -> None:
        if not window.closed:
            for listener in list(window._listeners):
                listener(event)

    def _run_one(self) -> None:
        if self._tasks:
            self._tasks.pop(0)()

    def deliver(self) -> int:
        """Run every queued task, and those they cause; answers how many."""
        count = 0
        while self._tasks:
            self._run_one()
            count += 1
        return count


class _FakeHostBridge:
    """transports/postmessage.py's HOST_BRIDGE_JS, in Python."""

    def __init__(
        self, window: FakeWindow, receive: HostListener, repeated: Callable[[str], None], last_key: int = 0
    ) -> None:
        self._window = window
        self._receive = receive
        self._repeated = repeated
        self._keys: dict[int, int] = {}  # id(source window) -> key
        self._windows: dict[int, tuple[FakeWindow, str]] = {}
        self._last_key = last_key
        self.kept: dict[int, dict[str, tuple[dict[str, Any], int]]] = {}  # key -> read -> (reply, token)
        self._answered: list[int] = []  # window key, token, ...: not told to Python yet
        self._telling = False
        self._serving: tuple[int, str | None] = (0, None)
        self.answered_again = 0  # how many requests the bridge answered itself
        browser = window.browser
        self.scheduler = FairScheduler(
            FAIRNESS_SLICE_MS, browser.now, lambda: browser.task(self.scheduler.drain), self._handle
        )
        window.addMessageListener(self._listener)
        self.send: Callable[[int, str, int], bool] = self._send
        self.send_all: Callable[[str, str], str] = self._send_all

    def _key_of(self, source: FakeWindow, origin: str) -> int:
        key = self._keys.get(id(source))
        if key is not None and self._windows[key][1] == origin:
            return key
        if key is not None:
            del self._windows[key]  # it navigated: its old key is gone
            self.kept.pop(key, None)
        self._last_key += 1
        self._keys[id(source)] = self._last_key
        self._windows[self._last_key] = (source, origin)
        return self._last_key

    def _listener(self, event: MessageEvent) -> None:
        if event.source is self._window:
            return
        self.scheduler.arrive(self._key_of(event.source, event.origin), event.origin, event.data)

    def _settle(self) -> None:
        if self._answered:
            batch = ",".join(str(number) for number in self._answered)
            self._answered = []
            self._repeated(batch)

    def _told(self) -> None:
        self._telling = False
        self._settle()

    def _handle(self, key: int, origin: str, message: Any) -> None:
        data = message if isinstance(message, dict) else {}
        request = data.get("request") if isinstance(data.get("request"), str) else None
        try:
            text = json.dumps(message)
        except (TypeError, ValueError) as error:  # a cycle, a value JSON cannot hold
            self._settle()
            self._receive(key, origin, None, request, _json_or_none(data.get("referenceId")), str(error))
            return
        if len(text) > MAX_MESSAGE_CHARS:
            self._settle()
            self._receive(key, origin, None, request, _json_or_none(data.get("referenceId")), "too large", len(text))
            return
        read = _read_of(key, message) if isinstance(message, dict) else None
        if read is not None and key in self.kept and self._answer_again(key, data, read):
            return
        self._settle()
        self._serving = (key, read)
        try:
            self._receive(key, origin, text)
        finally:
            self._serving = (0, None)

    def _answer_again(self, key: int, data: dict[str, Any], read: str) -> bool:
        found = self.kept.get(key, {}).get(read)
        entry = self._windows.get(key)
        if found is None or entry is None or entry[0].closed:
            return False
        reply, token = found
        reference_id = data.get("referenceId")
        answer: dict[str, Any] = {}
        for name, value in reply.items():
            if name == "referenceId":
                continue
            answer[name] = value
            if name == "request" and reference_id is not None:
                answer["referenceId"] = reference_id
        entry[0].postMessage(answer, entry[1], self._window)
        self.answered_again += 1
        self._answered += [key, token]
        if not self._telling:
            self._telling = True
            self._window.browser.task(self._told)  # the bridge's KEPT_TELL_MS timer: a task behind those queued
        return True

    def _send(self, key: int, text: str, token: int = 0) -> bool:
        self._settle()
        entry = self._windows.get(key)
        if entry is None:
            return False
        window, origin = entry
        if window.closed:
            del self._windows[key]
            self._keys.pop(id(window), None)
            self.kept.pop(key, None)
            return False
        message = json.loads(text)
        window.postMessage(message, origin, self._window)
        serving, read = self._serving
        if token and key == serving and read is not None:
            table = self.kept.setdefault(key, {})
            if len(table) < KEPT_PER_WINDOW:
                table[read] = (message, token)
        return True

    def _send_all(self, keys_text: str, text: str) -> str:
        self._settle()
        message = json.loads(text)
        gone: list[str] = []
        for part in keys_text.split(","):
            key = int(part)
            entry = self._windows.get(key)
            if entry is not None and not entry[0].closed:
                entry[0].postMessage(message, entry[1], self._window)
                continue
            if entry is not None:
                del self._windows[key]
                self._keys.pop(id(entry[0]), None)
                self.kept.pop(key, None)
            gone.append(part)
        return ",".join(gone)

    def forget(self) -> None:
        self._settle()
        self.kept.clear()

    def place(self, key: int) -> str | None:
        entry = self._windows.get(key)
        if entry is None or entry[0].closed:
            return None
        window: FakeWindow | None = entry[0]
        while window is not None:
            for frame in self._window.document.querySelectorAll("iframe"):
                if frame.contentWindow is window:
                    return frame.id or None
            if window.opener is self._window:
                return "popup"
            window = window.parent
        return None

    def focus(self, key: int) -> None:
        entry = self._windows.get(key)
        if entry is not None and not entry[0].closed:
            entry[0].focus()

    def shown(self, key: int) -> str:
        """As the bridge's: an iframe is visible unless it, or an element holding it, is hidden
        (the fake page lays nothing out), in a visible document."""
        entry = self._windows.get(key)
        if entry is None or entry[0].closed:
            return json.dumps(["unknown", None])
        window: FakeWindow | None = entry[0]
        while window is not None:
            for frame in self._window.document.querySelectorAll("iframe"):
                if frame.contentWindow is window:
                    hidden = any(node.hidden for node in _and_ancestors(frame))
                    drawn = self._window.document.visibilityState == "visible" and not hidden
                    return json.dumps(["visible" if drawn else "hidden", frame.getAttribute("src")])
            if window.opener is self._window:
                return json.dumps(["visible", None])
            window = window.parent
        return json.dumps(["unknown", None])

    def admits(self, key: int, predicate: Any) -> bool:
        entry = self._windows.get(key)
        if entry is None or entry[0].closed:
            return False
        element = None
        window: FakeWindow | None = entry[0]
        while window is not None and element is None:
            element = next((f for f in self._window.document.querySelectorAll("iframe") if f.contentWindow is window), None)
            window = window.parent
        try:
            return bool(predicate(element, entry[1]))
        except Exception:
            return False

    def renew(self, key: int) -> int | None:
        entry = self._windows.pop(key, None)
        self.kept.pop(key, None)
        if entry is None:
            return None
        self._last_key += 1
        self._windows[self._last_key] = entry
        self._keys[id(entry[0])] = self._last_key
        return self._last_key

    def close(self) -> None:
        self._window.removeMessageListener(self._listener)
        self.scheduler.clear()
        self.kept.clear()
        self._answered = []
        self._keys.clear()
        self._windows.clear()


def _json_or_none(value: Any) -> str | None:
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return None


class _FakeClientBridge:
    """transports/postmessage.py's CLIENT_BRIDGE_JS, in Python."""

    def __init__(
        self,
        window: FakeWindow,
        target: FakeWindow,
        kind: str,
        origin: str,
        receive: ClientListener,
        hidden: Callable[[], None],
    ) -> None:
        self._window = window
        self._target = target
        self.kind = kind
        self._origin = origin
        self._receive = receive
        self._hidden = hidden
        window.addMessageListener(self._listener)
        window.page_hide_listeners.append(hidden)
        self.post: Callable[[str], None] = self._post

    def _listener(self, event: MessageEvent) -> None:
        if event.source is not self._target:
            return
        if self._origin != "*" and event.origin != self._origin:
            return
        data = event.data
        if isinstance(data, str):
            if data.startswith("wwe"):
                self._receive(json.dumps(data))
            return
        if not isinstance(data, dict) or not isinstance(data.get("userAgent"), str) or "WWE" not in data["userAgent"]:
            return
        if self._origin == "*":
            self._origin = event.origin
        self._receive(json.dumps(data))

    def origin(self) -> str:
        return self._origin

    def _post(self, text: str) -> None:
        self._target.postMessage(json.loads(text), self._origin, self._window)

    def close(self) -> None:
        self._window.removeMessageListener(self._listener)
        if self._hidden in self._window.page_hide_listeners:
            self._window.page_hide_listeners.remove(self._hidden)


class FakeLogTable:
    """compat/javascript.py's LOG_DRAWER, in Python: the rows drawn, newest first, at most
    `rows_at_top` of them while not `scrolled`; `details(key)` opens a row's details."""

    def __init__(self, limit: int, rows_at_top: int, fetch: Callable[[str, int], str]) -> None:
        self.limit = limit
        self.rows_at_top = rows_at_top
        self.fetch = fetch
        self.kept: list[list[Any]] = []  # the rows drawn, oldest first
        self.batches: list[int] = []  # the rows each batch brought
        self.scrolled = False

    @property
    def wanted(self) -> int:
        return self.limit if self.scrolled else self.rows_at_top

    def draw(self, text: str) -> int:
        batch = json.loads(text)
        self.batches.append(len(batch))
        self.kept.extend(batch)
        del self.kept[: max(0, len(self.kept) - self.wanted)]
        return self.wanted

    def scroll(self, away_from_top: bool) -> None:
        """The reader scrolls the panel (away from its top: every kept row is drawn)."""
        self.scrolled = away_from_top
        if away_from_top:
            self.kept = json.loads(self.fetch("rows", self.limit))
        else:
            del self.kept[: max(0, len(self.kept) - self.rows_at_top)]

    def details(self, key: int) -> str:
        return self.fetch("details", key)

    @property
    def shown(self) -> list[list[Any]]:
        """The rows the table shows, newest first."""
        return list(reversed(self.kept))


class FakePlatform:
    """A page for CPython tests: its document, its window in a FakeBrowser, and what the
    browser layer's JavaScript would do."""

    def __init__(self, window: FakeWindow | None = None, *, html: str | None = None, tabs: Any = None) -> None:
        """`tabs`: the browser profile's tabs (a tabs.memory.MemoryTabNetwork) when this page
        is one desktop tab of several; without, the browser cannot join tabs."""
        self.window = window or FakeBrowser().page("http://desktop.test")
        self._tabs = tabs
        self.tab_activity: Callable[[], None] | None = None  # what a click in the tab calls
        self.tab_hidden: Callable[[], None] | None = None  # what pagehide calls
        if html is not None:
            self.window.document = FakeDocument.parse(html)
        self.exposed: dict[str, Callable[..., Any]] = {}
        self.opened: list[tuple[str, str, FakeWindow]] = []
        self.log_table: FakeLogTable | None = None
        self.host: _FakeHostBridge | None = None  # the host bridge, once a service started
        self.listeners: list[Callable[..., Any]] = []
        self.served: dict[str, Any] = {}  # what fetch_json finds: url -> JSON value
        self.posted: list[tuple[str, str]] = []  # what post_text sent: (url, text)
        self.installed: list[str] = []  # wheels install_wheels was given
        self.install_error: str | None = None  # makes install_wheels fail (micropip's message)

    @property
    def document(self) -> Document:
        document: Document = self.window.document  # type: ignore[assignment]
        return document

    @property
    def fake_document(self) -> FakeDocument:
        return self.window.document

    def listener(self, function: Callable[..., Any]) -> Any:
        self.listeners.append(function)
        return function

    def is_null(self, value: object) -> bool:
        return value is None

    def host_bridge(self, source: str, receive: HostListener, repeated: Callable[[str], None]) -> HostBridge:
        # The bridge's first key is set in its source, as the page runs it.
        first = re.search(r"let lastKey = (\d+);", source)
        self.host = _FakeHostBridge(self.window, receive, repeated, int(first.group(1)) if first else 0)
        return self.host

    def client_bridge(
        self, source: str, target: Any, origin: str | None, receive: ClientListener, hidden: Callable[[], None]
    ) -> ClientBridge | None:
        window = self.window
        kind = "explicit"
        if target is None:
            if window.opener is not None and not window.opener.closed:
                target, kind = window.opener, "opener"
            elif window.parent is not None:
                target, kind = window.parent, "parent"
            else:
                return None
        if not origin and kind in ("parent", "opener"):
            origin = target.origin  # location.ancestorOrigins[0], or the opener's referrer
        return _FakeClientBridge(window, target, kind, origin or "*", receive, hidden)

    def tab_bridge(
        self,
        source: str,
        receive: Callable[[str], None],
        granted: Callable[[], None],
        active: Callable[[], None],
        hidden: Callable[[], None],
    ) -> TabBridgeHandle | None:
        if self._tabs is None:
            return None
        self.tab_activity, self.tab_hidden = active, hidden
        bridge: TabBridgeHandle = self._tabs.bridge(receive, granted)
        return bridge

    def log_drawer(self, limit: int, rows_at_top: int, fetch: Callable[[str, int], str]) -> Callable[[str], int]:
        self.log_table = FakeLogTable(limit, rows_at_top, fetch)
        return self.log_table.draw

    def expose(self, name: str, function: Callable[..., Any]) -> None:
        def call(*arguments: Any) -> Any:
            # Only plain data crosses between JavaScript and Python.
            plain = json.loads(json.dumps(arguments))
            return json.loads(json.dumps(function(*plain)))

        self.exposed[name] = call

    def open_window(self, url: str, name: str, features: str) -> Window | None:
        popup = self.window.browser.popup(self.window, _origin_of(url))
        self.opened.append((url, name, popup))
        return popup

    async def install_wheels(self, urls: Sequence[str]) -> None:
        # CPython has the packages already: record what the page would have installed.
        if self.install_error is not None:
            raise ValueError(self.install_error)
        self.installed += urls

    def post_text(self, url: str, text: str) -> None:
        self.posted.append((url, text))

    async def fetch_json(self, url: str) -> Any:
        if url not in self.served:
            raise OSError(f"{url} answered 404 Not Found")
        return json.loads(json.dumps(self.served[url]))


def _read_of(key: int, data: dict[str, Any]) -> str | None:
    """The bridge's readOf: the text a plain read is kept under, for a request carrying this
    window's frame id (JSON.stringify's form of its parameters)."""
    request, frame_id = data.get("request"), data.get("frameId")
    if not isinstance(request, str) or "event" in data:
        return None
    if isinstance(frame_id, bool) or not isinstance(frame_id, (int, float, str)) or _js_string(frame_id) != str(key):
        return None
    user_agent = data.get("userAgent")
    if isinstance(user_agent, str) and SERVER_USER_AGENT in user_agent:
        return None
    parameters = data.get("parameters")
    if parameters is None:
        return request + " []"
    if not isinstance(parameters, list):
        return None
    return request + " " + json.dumps(parameters, separators=(",", ":"), ensure_ascii=False)


def _js_string(value: float | str) -> str:
    """JavaScript's String() of a frame id (3.0 is "3")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _and_ancestors(element: Any) -> list[Any]:
    found = []
    while element is not None:
        found.append(element)
        element = element.parentElement
    return found


def _origin_of(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
