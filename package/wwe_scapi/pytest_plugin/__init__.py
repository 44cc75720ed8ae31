"""wwe-scapi's pytest plugin (registered as `wwe_scapi` through the `pytest11` entry point):
the simulated Agent Workspace for app authors' tests. docs/testing.md tells the whole story.

- `wwe_desktop(apps=[...], options={...})`: the desktop in Chromium, apps booted (WweDesktop).
- `wwe_memory`: a MemoryDesktop for CPython tests (no browser); options by
  `@pytest.mark.wwe_options({...})`.
- Async tests and the browser fixtures in one session (loops.py).
- A failing test gets the protocol log, each frame's console and a screenshot attached.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pytest

from wwe_scapi.pytest_plugin.loops import TeardownWithPlaywrightsLoop, drives_playwright, loop_set_aside
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS
from wwe_scapi.testing.memorydesk import MemoryDesktop

if TYPE_CHECKING:  # Playwright and the site's server are imported by the browser fixtures only
    from wwe_scapi.pytest_plugin.desktop import ConsoleLine, WweDesktop
    from wwe_scapi.pytest_plugin.sites import App, SitePool

CHROMIUM_ENV: Final = "WWE_SCAPI_CHROMIUM"
ARTIFACTS_DIR: Final = "wwe-scapi-artifacts"
_OPENED: Final = pytest.StashKey["list[WweDesktop]"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wwe_scapi", "wwe-scapi: the simulated Agent Workspace")
    group.addoption(
        "--wwe-chromium", default=None, metavar="PATH",
        help=f"the Chromium wwe_desktop runs (default: ${CHROMIUM_ENV}, else {CHROMIUM})",
    )
    group.addoption("--wwe-headed", action="store_true", help="show the browser window of wwe_desktop")
    group.addoption(
        "--wwe-artifacts", default=ARTIFACTS_DIR, metavar="DIR",
        help=f"where a failing test's protocol log, consoles and screenshot go (default: {ARTIFACTS_DIR})",
    )
    group.addoption(
        "--wwe-timeout", type=float, default=90.0, metavar="SECONDS",
        help="how long wwe_desktop waits for the desktop and each app to boot (default: 90)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "wwe_options(options, strict=False): the Agent Workspace options of wwe_memory")


# -- async tests beside the sync browser API ---------------------------------------------------


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    with loop_set_aside(item):
        return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    with loop_set_aside(item):
        return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    with loop_set_aside(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Generator[None, object, object]:
    """A Playwright fixture torn down while an async test's phase has its loop set aside gets
    Playwright's loop back for its teardown."""
    if not drives_playwright(fixturedef):
        return (yield)
    around = TeardownWithPlaywrightsLoop()
    fixturedef.addfinalizer(around.leave)  # runs after the fixture's own teardown
    result = yield
    fixturedef.addfinalizer(around.enter)  # runs before it
    return result


# -- the browser -------------------------------------------------------------------------------


def chromium_path(config: pytest.Config) -> str:
    chosen = config.getoption("--wwe-chromium") or os.environ.get(CHROMIUM_ENV) or CHROMIUM
    if not Path(chosen).is_file():
        how = "--wwe-chromium" if config.getoption("--wwe-chromium") else (CHROMIUM_ENV if os.environ.get(CHROMIUM_ENV) else "the default")
        raise pytest.UsageError(
            f"wwe_desktop: no Chromium at {chosen} ({how}). Install Debian's (apt-get install chromium), "
            f"or give its path with --wwe-chromium PATH or ${CHROMIUM_ENV}."
        )
    return chosen


@pytest.fixture(scope="session")
def wwe_browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The Chromium of wwe_desktop. pytest-playwright's `playwright` is shared when it is
    installed: two sync Playwright instances cannot run in one thread."""
    try:
        playwright = request.getfixturevalue("playwright")
        own = None
    except pytest.FixtureLookupError:
        from playwright.sync_api import sync_playwright

        own = sync_playwright().start()
        playwright = own
    browser = playwright.chromium.launch(
        executable_path=chromium_path(request.config),
        headless=not request.config.getoption("--wwe-headed"),
        args=CHROMIUM_FLAGS,
    )
    yield browser
    browser.close()
    if own is not None:
        own.stop()


@pytest.fixture(scope="session")
def wwe_sites() -> Iterator[SitePool]:
    """The desktop's site, built once, served on free ports (one server per set of app folders)."""
    from wwe_scapi.pytest_plugin.sites import SitePool

    pool = SitePool()
    yield pool
    pool.stop()


@pytest.fixture
def wwe_desktop(request: pytest.FixtureRequest, wwe_browser: Any, wwe_sites: SitePool) -> Iterator[Callable[..., WweDesktop]]:
    """wwe_desktop(apps=[URL | "/path" | Path | (title, app), ...], options={KEY: VALUE}, strict=False,
    requirements=[PyPI requirement, ...])
    → a WweDesktop: the desktop opened in a fresh browser context (a fresh workspace), its
    service ready and every app loaded (a Python app booted). An app is a URL, a "/path" on
    one of the plugin's app origins (e.g. "/apps/sample-a/", the samples of `serve`), or a
    pathlib.Path to a file or folder, served on an origin of its own. `requirements`: the
    PyPI requirements the apps install with micropip from the desktop's server."""
    from wwe_scapi.pytest_plugin.desktop import WweDesktop
    from wwe_scapi.pytest_plugin.sites import app_urls, desktop_config, resolve_apps

    opened: list[WweDesktop] = []
    request.node.stash[_OPENED] = opened
    contexts: list[Any] = []
    timeout = float(request.config.getoption("--wwe-timeout"))

    def open_desktop(
        apps: Sequence[App | tuple[str, App]] = (),
        options: Mapping[str, Any] | None = None,
        strict: bool = False,
        requirements: Sequence[str] = (),
    ) -> WweDesktop:
        folders, titled = resolve_apps(list(apps))
        site = wwe_sites.site_for(folders, requirements)
        embedded = app_urls(site, folders, titled)
        site.config.value = desktop_config(embedded, dict(options or {}), strict)
        context = wwe_browser.new_context()
        contexts.append(context)
        desktop = WweDesktop(context.new_page(), site, embedded, timeout)
        opened.append(desktop)
        return desktop.open()

    yield open_desktop
    for context in contexts:
        context.close()


# -- in CPython --------------------------------------------------------------------------------


@pytest.fixture
def wwe_memory(request: pytest.FixtureRequest) -> Iterator[MemoryDesktop]:
    """A MemoryDesktop: the service and Python clients in this process, a manual clock.
    `@pytest.mark.wwe_options({KEY: VALUE}, strict=False)` gives it Agent Workspace options."""
    marker = request.node.get_closest_marker("wwe_options")
    options: Mapping[str, Any] = {}
    strict = False
    if marker is not None:
        options = marker.args[0] if marker.args else marker.kwargs.get("options", {})
        strict = bool(marker.kwargs.get("strict", False))
    desktop = MemoryDesktop(options, strict=strict)
    yield desktop
    desktop.close()


# -- a failing test's attachments --------------------------------------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    opened = item.stash.get(_OPENED, None)
    if not opened or not report.failed or call.when == "teardown":
        return report
    folder = Path(item.config.getoption("--wwe-artifacts")) / _safe_name(item.nodeid)
    folder.mkdir(parents=True, exist_ok=True)
    for index, desktop in enumerate(opened):
        for title, text in _attach(desktop, folder, index):
            report.sections.append((f"wwe-scapi {title}", text))
    return report


def _attach(desktop: WweDesktop, folder: Path, index: int) -> list[tuple[str, str]]:
    """Writes the desktop's log, consoles and screenshot into `folder`; the report's sections."""
    name = f"desktop-{index + 1}"
    snapshot = desktop.snapshot_for_report()
    log_path = folder / f"{name}-protocol-log.json"
    log_path.write_text(json.dumps(snapshot["log"], indent=1, default=str))
    sections: list[tuple[str, str]] = []
    if isinstance(snapshot["log"], list):
        lines = [_log_line(entry) for entry in snapshot["log"][-40:]]
        sections.append((f"{name} protocol log (last {len(lines)}; all in {log_path})", "\n".join(lines)))
    consoles: dict[str, list[ConsoleLine]] = {}
    for line in desktop.console_lines:
        consoles.setdefault(line.origin, []).append(line)
    console_path = folder / f"{name}-consoles.txt"
    console_path.write_text(
        "\n\n".join(f"== {origin}\n" + "\n".join(str(line) for line in lines) for origin, lines in consoles.items())
    )
    sections.append((f"{name} consoles ({console_path})", console_path.read_text()[-4000:] or "(nothing written)"))
    shot = folder / f"{name}-screenshot.png"
    try:
        desktop.page.screenshot(path=str(shot), full_page=True)
        sections.append((f"{name} screenshot", str(shot)))
    except Exception as error:  # a closed or crashed page: the rest is still worth having
        sections.append((f"{name} screenshot", f"(none: {error})"))
    return sections


def _log_line(entry: Mapping[str, Any]) -> str:
    parameters = "" if entry.get("parameters") in (None, []) else f" {json.dumps(entry['parameters'], default=str)[:200]}"
    warned = "".join(f" ⚠ {warning}" for warning in entry.get("warnings") or [])
    return (
        f"{entry.get('at')} {entry.get('direction'):8} {entry.get('origin')} frame {entry.get('frame')} "
        f"{entry.get('request')}{parameters} → {entry.get('result')}{warned}"
    )


def _safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:150]
