"""`serve --log FILE` in Chromium: the desktop page posts its protocol log to its own server,
which appends JSON lines (the page's fetch is same-origin, as the server requires)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from e2e_support import BOOT_TIMEOUT_MS
from playwright.sync_api import Page

from wwe_scapi.cli.server import Origin, serve_site
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.pytest_plugin.sites import free_port

TEST_APPS = Path(__file__).parent / "apps"


def test_the_desktop_pages_log_lands_in_the_file(page: Page, tmp_path: Path) -> None:
    log = tmp_path / "protocol.jsonl"
    desktop, app_origin = Origin("127.0.0.1", free_port()), Origin("localhost", free_port())
    app = f"{app_origin.url}/test-apps/vendor-envelopes.html"
    config = {"options": {"service-client-api.accepted-web-content-origins": app_origin.url}, "apps": [{"title": "Envelopes", "url": app}]}
    running = serve_site(build_site(quiet=True), [desktop, app_origin], config=config, mounts={"/test-apps/": TEST_APPS}, log_file=log)
    try:
        page.goto(desktop.url + "/")
        page.wait_for_function("window.wweDesktopReady === true", timeout=BOOT_TIMEOUT_MS)
        frame = next((f for f in page.frames if f.url == app), None)
        while frame is None:
            page.wait_for_event("framenavigated", timeout=BOOT_TIMEOUT_MS)
            frame = next((f for f in page.frames if f.url == app), None)
        frame.wait_for_function("window.jsAppReady === true", timeout=BOOT_TIMEOUT_MS)
        frame.evaluate("() => window.request('agent.get')")
        deadline = time.monotonic() + 10
        lines: list[dict] = []
        while time.monotonic() < deadline and not any(line["request"] == "agent.get" for line in lines):
            page.wait_for_timeout(100)  # the page posts its batch half a second after the entry
            lines = [json.loads(text) for text in log.read_text().splitlines()]
        [entry] = [line for line in lines if line["request"] == "agent.get"]
        assert entry["origin"] == app_origin.url and entry["tab"] == "Envelopes" and entry["data"]["username"] == "ksandoval"
    finally:
        running.stop()
