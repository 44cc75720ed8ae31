"""The desktop page in CPython: web/index.html on the fake DOM, the desktop started on it by
the same code as in the browser (browser/host.start), and apps in its iframes on other
origins, each with a Python client over the postMessage transport of a fake browser."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from wwe_scapi.browser.app import connect
from wwe_scapi.browser.host import DesktopHost, start
from wwe_scapi.client import ServiceClient
from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform, FakeWindow
from wwe_scapi.compat.fakedom import FakeDocument, FakeElement

INDEX_HTML = (Path(__file__).resolve().parents[2] / "web" / "index.html").read_text()
DESKTOP = "http://desktop.test"
APP_A = "http://a.test"
APP_B = "http://b.test"


class DesktopPage:
    """One desktop page with `apps` (URLs) as tabs, `options` set, on a manual clock."""

    def __init__(
        self,
        apps: Sequence[str] = (f"{APP_A}/app.html", f"{APP_B}/app.html"),
        options: Mapping[str, str] | None = None,
        *,
        tabs: Any = None,
        clock: ManualClock | None = None,
        browser: FakeBrowser | None = None,
        extra: Mapping[str, Any] | None = None,
        predrawn: Callable[[FakeDocument], None] | None = None,
    ) -> None:
        """`extra`: more of the config (what the server and the loader add: auth, site, origin).
        `predrawn(document)`: what the loader draws before Python starts (its app iframes).
        `tabs`: this page is a tab of the desktop, in that browser profile's tabs (a
        tabs.memory.MemoryTabNetwork), with `clock` and `browser` shared with its other tabs."""
        self.clock = clock or ManualClock()
        loop = asyncio.get_running_loop()
        self.browser = browser or FakeBrowser(schedule=loop.call_soon)
        self.window = self.browser.page(DESKTOP)
        self.platform = FakePlatform(self.window, html=INDEX_HTML, tabs=tabs)
        if predrawn is not None:
            predrawn(self.platform.fake_document)
        config: dict[str, Any] = {
            "options": {"service-client-api.accepted-web-content-origins": f"{APP_A}, {APP_B}", **(options or {})},
            "apps": [{"title": f"App {index}", "url": url} for index, url in enumerate(apps)],
            **(extra or {}),
        }
        if tabs is not None:
            config["tab"] = tabs.next_number()
        self.host: DesktopHost = start(config, self.platform, self.clock)
        self.document: FakeDocument = self.platform.fake_document

    @property
    def workspace(self) -> Any:
        return self.host.workspace

    def by_id(self, element_id: str) -> FakeElement:
        found = self.document.getElementById(element_id)
        assert found is not None, f"no element #{element_id}"
        return found

    def one(self, selector: str, inside: FakeElement | None = None) -> FakeElement:
        found = (inside or self.document.documentElement).querySelectorAll(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]

    def texts(self, selector: str) -> list[str]:
        return [node.textContent for node in self.document.querySelectorAll(selector)]

    def redraw(self) -> None:
        """Let the desktop's timers that are due now run (coalesced redraws)."""
        self.clock.advance(0)

    def app_window(self, frame_id: str, origin: str) -> FakeWindow:
        """The page loaded in the desktop's iframe `frame_id`, on `origin`."""
        return self.browser.frame(self.window, origin, self.by_id(frame_id))

    def client(self, window: FakeWindow) -> ServiceClient:
        """A Python client of the desktop's service in that window (as connect() in the app)."""
        return connect(platform=FakePlatform(window), new=True)

    def app(self, index: int, origin: str = APP_A) -> ServiceClient:
        return self.client(self.app_window(f"app-frame-{index}", origin))

    def interaction_item(self, interaction_id: str) -> FakeElement:
        self.redraw()
        return self.one(f'#interaction-list [data-interaction-id="{interaction_id}"]')

    def press(self, interaction_id: str, action: str) -> None:
        """The agent clicks a button of an interaction."""
        self.one(f'button[data-action="{action}"]', self.interaction_item(interaction_id)).click()

    def actions(self, interaction_id: str) -> list[str]:
        item = self.interaction_item(interaction_id)
        return [str(button.getAttribute("data-action")) for button in item.querySelectorAll("button[data-action]")]
