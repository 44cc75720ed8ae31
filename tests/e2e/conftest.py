"""End-to-end fixtures: the built site served on several real origins, Debian's Chromium,
and a `desktop` factory that opens the Agent Workspace with chosen apps and options."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Frame, Page

from wwe_scapi.cli.server import Origin, RunningSite, serve_site
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS

TEST_APPS = Path(__file__).parent / "apps"
BOOT_TIMEOUT_MS = 90_000
# Hosts alternate so that neighbouring origins differ by host and by port.
HOSTS = ("127.0.0.1", "localhost", "127.0.0.1", "localhost", "127.0.0.1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_FLAGS}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def site() -> Iterator[RunningSite]:
    """The site on five origins: [0] the desktop, [1..4] app origins."""
    folder = build_site(quiet=True)
    origins = [Origin(host, _free_port()) for host in HOSTS]
    running = serve_site(folder, origins, config={}, mounts={"/test-apps/": TEST_APPS})
    yield running
    running.stop()


@dataclass
class Desktop:
    page: Page
    site: RunningSite
    app_urls: list[str]

    def frame(self, index: int) -> Frame:
        """The frame of the index-th embedded app, once it has navigated there."""
        url = self.app_urls[index]
        while True:
            for frame in self.page.frames:
                if frame.url == url:
                    return frame
            # The sync API dispatches events only inside calls: no navigation slips between.
            self.page.wait_for_event("framenavigated", timeout=BOOT_TIMEOUT_MS)

    def py(self, target: Page | Frame, code: str) -> Any:
        """Run Python (top-level await allowed) in that window's Pyodide; the code's last
        expression must be JSON text, which is decoded here."""
        return json.loads(target.evaluate("code => window.pyodide.runPythonAsync(code)", code))

    def service_py(self, code: str) -> Any:
        return self.py(self.page, "from wwe_scapi.browser.host import current\nhost = current()\n" + code)


def app_url(site: RunningSite, origin_index: int, app: str) -> str:
    return f"{site.origins[origin_index]}/test-apps/{app}"


@pytest.fixture
def open_desktop(site: RunningSite, page: Page):  # type: ignore[no-untyped-def]
    """open_desktop(apps=[url, ...], options={...}) -> Desktop, every app booted."""

    def open_(apps: Sequence[str], options: Mapping[str, str] | None = None, accept: Sequence[str] | None = None) -> Desktop:
        chosen = dict(options or {})
        if accept is not None:
            chosen["service-client-api.accepted-web-content-origins"] = ", ".join(accept)
        site.config.value = {
            "options": chosen,
            "apps": [{"title": f"App {i}", "url": url} for i, url in enumerate(apps)],
        }
        page.goto(site.desktop + "/")
        page.wait_for_function("window.wweDesktopReady === true", timeout=BOOT_TIMEOUT_MS)
        desktop = Desktop(page, site, list(apps))
        for index in range(len(apps)):
            desktop.frame(index).wait_for_function(
                "window.wweAppReady === true || window.jsAppReady === true", timeout=BOOT_TIMEOUT_MS
            )
        return desktop

    return open_
