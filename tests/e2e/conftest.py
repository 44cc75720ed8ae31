"""End-to-end fixtures: the built site served on several real origins, Debian's Chromium,
and a `desktop` factory that opens the Agent Workspace with chosen apps and options."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from e2e_support import BOOT_TIMEOUT_MS, Desktop
from playwright.sync_api import Page

from wwe_scapi.cli.server import Origin, RunningSite, serve_site
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.pytest_plugin.sites import free_port
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS

TEST_APPS = Path(__file__).parent / "apps"
# Hosts alternate so that neighbouring origins differ by host and by port.
HOSTS = ("127.0.0.1", "localhost", "127.0.0.1", "localhost", "127.0.0.1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def site() -> Iterator[RunningSite]:
    """The site on five origins: [0] the desktop, [1..4] app origins."""
    folder = build_site(quiet=True)
    origins = [Origin(host, free_port()) for host in HOSTS]
    running = serve_site(folder, origins, config={}, mounts={"/test-apps/": TEST_APPS})
    yield running
    running.stop()


@pytest.fixture
def open_desktop(site: RunningSite, page: Page):  # type: ignore[no-untyped-def]
    """open_desktop(apps=[url, ...], options={...}) -> Desktop, every app booted."""

    def open_(
        apps: Sequence[str],
        options: Mapping[str, str] | None = None,
        accept: Sequence[str] | None = None,
        strict: bool = False,
    ) -> Desktop:
        chosen = dict(options or {})
        if accept is not None:
            chosen["service-client-api.accepted-web-content-origins"] = ", ".join(accept)
        site.config.value = {
            "options": chosen,
            "apps": [{"title": f"App {i}", "url": url} for i, url in enumerate(apps)],
            "strict": strict,
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
