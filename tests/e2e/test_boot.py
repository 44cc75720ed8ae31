"""Smoke tests of the built site in Chromium: the loader boots Python on any origin, the
origins really differ, wheel URLs are versioned, failures show, and the served desktop with
its two sample apps starts."""

from __future__ import annotations

import hashlib
import json
import re
import urllib.request
from urllib.parse import urlsplit

from e2e_support import BOOT_TIMEOUT_MS, app_url
from playwright.sync_api import Page, Route

import wwe_scapi
from wwe_scapi.cli.server import RunningSite

BOOTED = "window.bootState !== undefined"
WHEEL_URL = re.compile(r"/wheels/(wwe_scapi-[^/?]+\.whl)\?v=([0-9a-f]{12})$")


def _boot(page: Page, url: str) -> str:
    page.goto(url)
    page.wait_for_function(BOOTED, timeout=BOOT_TIMEOUT_MS)
    return str(page.evaluate("window.bootState"))


def test_python_runs_on_an_app_origin(site: RunningSite, page: Page) -> None:
    assert _boot(page, app_url(site, 1, "boot.html")) == "ready"
    version = page.evaluate("window.pyodide.runPython('import wwe_scapi; wwe_scapi.__version__')")
    assert version == wwe_scapi.__version__
    timings = page.evaluate("window.wweTimings")
    assert timings["start"] <= timings["pyodide"] <= timings["wheels"]
    # The loader's own names stay out of the page's Python globals.
    assert page.evaluate("window.pyodide.runPython(\"[n for n in ('sys', 'zipimport', 'paths') if n in globals()]\").toJs()") == []
    assert page.evaluate("document.getElementById('boot-error').textContent") == ""


def test_a_page_boots_from_the_loader_of_another_origin(site: RunningSite, page: Page) -> None:
    """The README's promise: any origin may import the loader from the desktop's server."""
    assert _boot(page, app_url(site, 2, f"boot.html?loader={site.desktop}")) == "ready"
    assert page.evaluate("location.origin") == site.origins[2]
    loaded = page.evaluate("performance.getEntriesByType('resource').map(entry => entry.name)")
    from_desktop = [url for url in loaded if url.startswith(site.desktop + "/")]
    assert any(url.endswith("/pyodide.asm.wasm") for url in from_desktop), loaded
    wheels = [url for url in from_desktop if WHEEL_URL.search(url)]
    assert wheels, loaded
    # ?v= is the start of the served wheel's sha256: a new wheel gets a new URL.
    for url in wheels:
        with urllib.request.urlopen(url) as response:
            assert hashlib.sha256(response.read()).hexdigest()[:12] == WHEEL_URL.search(url).group(2)


def test_the_origins_are_distinct(site: RunningSite, page: Page) -> None:
    seen = []
    for origin in site.origins:
        page.goto(origin + "/apps/sample.css")
        seen.append(page.evaluate("location.origin"))
    assert seen == site.origins
    assert len(set(seen)) == len(seen)
    assert {urlsplit(origin).hostname for origin in seen} == {"127.0.0.1", "localhost"}


def test_a_failed_wheel_download_is_reported(site: RunningSite, page: Page) -> None:
    def refuse(route: Route) -> None:
        route.fulfill(status=404, body="gone")

    page.route(re.compile(r".*/wheels/.*"), refuse)
    state = _boot(page, app_url(site, 3, "boot.html"))
    assert state.startswith("failed: wwe-scapi: ") and "/wheels/wwe_scapi-" in state and "404" in state, state
    assert "404" in page.evaluate("document.getElementById('boot-error').textContent")


def test_a_wheel_that_is_not_a_zip_archive_is_reported(site: RunningSite, page: Page) -> None:
    def garble(route: Route) -> None:
        route.fulfill(status=200, body=b"not a wheel" * 100, content_type="application/octet-stream")

    page.route(re.compile(r".*/wheels/.*"), garble)
    state = _boot(page, app_url(site, 3, "boot.html"))
    assert "not a Zip file" in state and "/home/pyodide/wheels/wwe_scapi-" in state, state
    assert "not a Zip file" in page.evaluate("document.getElementById('boot-error').textContent")


def test_the_desktop_serves_the_samples(wwe_desktop) -> None:  # type: ignore[no-untyped-def]
    """What `wwe-scapi serve` shows: the desktop and the three samples, each on its own origin
    (through the pytest plugin, as an app author's test would)."""
    samples = [("Sample A", "/apps/sample-a/"), ("Sample B", "/apps/sample-b/"), ("Sample JS", "/apps/sample-js/")]
    desktop = wwe_desktop(apps=samples)
    assert desktop.page.evaluate("document.getElementById('boot-error').textContent") == ""
    assert len({app.origin for app in desktop.apps}) == 3
    for app in desktop.apps:
        frame = desktop.app(app.title)
        assert frame.evaluate("location.origin") == app.origin
        assert frame.evaluate("document.querySelector('h1').textContent").startswith(app.title)

    # Sample B lists interactions with buttons that call the API.
    desktop.scenario.ring_inbound_call()
    sample_b = desktop.show("Sample B")
    sample_b.wait_for_selector("#interactions li >> text=RINGING")
    sample_b.click("#interactions button >> text=Answer")
    desktop.page.wait_for_selector('[data-interaction-id="1"][data-state="TALKING"]')
    assert desktop.wait_for_request("voice.answer")["origin"] == desktop.apps[1].origin


def test_pages_import_our_modules_from_the_wheel_and_its_bytecode(site: RunningSite, page: Page) -> None:
    """The wheel is imported as it is (zipimport), with a .pyc compiled by Pyodide beside every
    module: a module not imported yet loads without compiling any source."""
    assert _boot(page, app_url(site, 1, "boot.html")) == "ready"
    report = page.evaluate(
        """window.pyodide.runPython(`
import json, sys, zipfile, zipimport
import wwe_scapi
loader = wwe_scapi.__spec__.loader
names = zipfile.ZipFile(loader.archive).namelist()
sources = [n for n in names if n.endswith('.py')]
missing = [n for n in sources if n + 'c' not in names]
compiled = []
original = zipimport._compile_source
zipimport._compile_source = lambda path, *rest: compiled.append(path) or original(path, *rest)
try:
    fresh = [name for name in ('wwe_scapi.transports.memory', 'wwe_scapi.protocol.wire') if name not in sys.modules]
    import wwe_scapi.transports.memory, wwe_scapi.protocol.wire
finally:
    zipimport._compile_source = original
ours = [path for path in compiled if '/wwe_scapi' in path]
shown = wwe_scapi.transports.memory._copy.__code__.co_filename
not_for_pages = [n for n in names if n.startswith(('wwe_scapi/cli/', 'wwe_scapi/compat/fake', 'wwe_scapi/__main__'))]
json.dumps([type(loader).__name__, len(sources), missing, fresh, ours, wwe_scapi.__file__, shown, not_for_pages])
`)"""
    )
    kind, count, missing, fresh, compiled, path, shown, not_for_pages = json.loads(report)
    assert kind == "zipimporter" and count > 80 and missing == []
    assert not_for_pages == []  # the command line and the CPython tests' fake page stay out
    assert fresh and compiled == []
    assert re.fullmatch(r"/home/pyodide/wheels/wwe_scapi-[^/]+\.whl/wwe_scapi/__init__\.pyc", path)
    # Tracebacks name the module's source in the wheel, not where it was compiled.
    assert shown == path.removesuffix("__init__.pyc") + "transports/memory.py"
