"""What the browser layer asks of the page: the DOM subset the desktop's views use, and the
JavaScript helpers that keep cross-origin windows on the JavaScript side. The real thing is
in_pyodide.py; fake.py stands in for it in CPython."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

# The host page's message listener: (window key, origin, JSON text) for a readable message,
# (window key, origin, None, request, referenceId, error) for one JSON cannot hold.
HostListener = Callable[..., None]
ClientListener = Callable[[str], None]


class Event(Protocol):
    target: Element
    key: str

    def preventDefault(self) -> None: ...  # noqa: N802 (the DOM's names)


class Element(Protocol):
    """A DOM element, by the DOM's own names."""

    id: str
    textContent: str  # noqa: N815
    value: str
    checked: bool  # a checkbox's
    hidden: bool
    inert: bool

    def setAttribute(self, name: str, value: str) -> None: ...  # noqa: N802
    def getAttribute(self, name: str) -> str | None: ...  # noqa: N802
    def appendChild(self, child: Element) -> Element: ...  # noqa: N802
    def append(self, *children: Element) -> None: ...
    def prepend(self, *children: Element) -> None: ...
    def replaceChildren(self, *children: Element) -> None: ...  # noqa: N802
    def addEventListener(self, kind: str, listener: Any) -> None: ...  # noqa: N802
    def closest(self, selector: str) -> Element | None: ...
    def querySelector(self, selector: str) -> Element | None: ...  # noqa: N802
    def querySelectorAll(self, selector: str) -> Sequence[Element]: ...  # noqa: N802
    def remove(self) -> None: ...
    def focus(self) -> None: ...


class Document(Protocol):
    visibilityState: str  # noqa: N815

    def createElement(self, tag: str) -> Element: ...  # noqa: N802
    def getElementById(self, element_id: str) -> Element | None: ...  # noqa: N802
    def addEventListener(self, kind: str, listener: Any) -> None: ...  # noqa: N802


class Window(Protocol):
    """A window the page opened (a popup app)."""

    closed: bool

    def focus(self) -> None: ...


class HostBridge(Protocol):
    """The service's side of postMessage: source windows by integer key, replies posted to
    each window's own origin."""

    send: Callable[[int, str, int], bool]  # (key, JSON text, token to keep it by or 0) -> False when gone
    send_all: Callable[[str, str], str]  # ("1,2,3", JSON text) -> the keys of the windows gone, "" when none

    def forget(self) -> None:
        """Drop every kept answer, after telling Python of those given again."""
        ...

    def place(self, key: int) -> str | None:
        """The id of the page's iframe showing that window (or an ancestor of it), "popup" for
        a window this page opened, None when unknown or gone."""
        ...

    def focus(self, key: int) -> None: ...

    def shown(self, key: int) -> str:
        """JSON ["visible" | "hidden" | "unknown", src of the iframe showing it or null]."""
        ...

    def admits(self, key: int, predicate: Any) -> bool:
        """predicate(the iframe element holding that window or None, its origin), as a bool;
        False when it raises or the window is gone."""
        ...

    def renew(self, key: int) -> int | None:
        """A new key for that window; the old one is forgotten. None when it is gone."""
        ...

    def close(self) -> None:
        """Stop listening; forget every window."""
        ...


class ClientBridge(Protocol):
    """An app's side of postMessage: the service window and the origin posted to."""

    kind: str  # "explicit", "opener" or "parent"
    post: Callable[[str], None]  # JSON text

    def origin(self) -> str:
        """Where requests are posted ("*" until the service has answered once)."""
        ...

    def close(self) -> None: ...


class TabBridgeHandle(Protocol):
    """The desktop tabs' channel and lead (tabs.bridge.TabBridge)."""

    def post(self, text: str) -> None: ...

    def request_lead(self) -> None: ...

    def close(self) -> None: ...


class Platform(Protocol):
    """The page: its document, and what Python needs from JavaScript."""

    @property
    def document(self) -> Document: ...

    def listener(self, function: Callable[..., Any]) -> Any:
        """`function` made callable from JavaScript for as long as the page lives."""
        ...

    def is_null(self, value: object) -> bool:
        """JavaScript's null or undefined (null arrives as `jsnull`, not None)."""
        ...

    def host_bridge(self, source: str, receive: HostListener, repeated: Callable[[str], None]) -> HostBridge:
        """Run the service's postMessage bridge (JavaScript `source`, from the transport) to
        listen to every window's messages on this page."""
        ...

    def client_bridge(
        self, source: str, target: Any, origin: str | None, receive: ClientListener, hidden: Callable[[], None]
    ) -> ClientBridge | None:
        """Run an app's postMessage bridge (JavaScript `source`) to talk to the service window
        (target, else window.opener, else window.parent); None when there is none. `hidden()`
        is called when the app's page unloads."""
        ...

    def log_drawer(self, limit: int, rows_at_top: int, fetch: Callable[[str, int], str]) -> Callable[[str], int]:
        """draw(JSON batch of rows) → the most rows the next batch may bring, for the protocol
        log's table; it calls fetch("rows", n) or fetch("details", key) for what it shows later."""
        ...

    def tab_bridge(
        self,
        source: str,
        receive: Callable[[str], None],
        granted: Callable[[], None],
        active: Callable[[], None],
        hidden: Callable[[], None],
    ) -> TabBridgeHandle | None:
        """Run the tabs' bridge (JavaScript `source`, browser/tabsbridge.py); None when the
        browser cannot join tabs (no BroadcastChannel or Web Locks)."""
        ...

    def expose(self, name: str, function: Callable[..., Any]) -> None:
        """window[name](...) calls `function` with plain Python values; its result (JSON data,
        or an asyncio future of it: a promise) comes back as plain JavaScript data."""
        ...

    def open_window(self, url: str, name: str, features: str) -> Window | None: ...

    async def install_wheels(self, urls: Sequence[str]) -> None:
        """Install these wheels (absolute URLs) with micropip, itself loaded from Pyodide's
        own files; their dependencies are not looked up."""
        ...

    def post_text(self, url: str, text: str) -> None:
        """POST `text` to `url` of the page's own server, not waiting for the answer; a failure
        is written to the console."""
        ...

    async def fetch_json(self, url: str) -> Any:
        """GET `url` (never from the cache) and read its JSON; an OSError naming the URL and
        the status when it fails."""
        ...
