"""An app that fails is shown on its tab and in the protocol log, with its traceback: a boot
that fails (the loader reports it), an event handler that raises (the Python client does)."""

from __future__ import annotations

from e2e_support import BOOT_TIMEOUT_MS, app_url
from playwright.sync_api import Page, expect

from wwe_scapi.cli.server import RunningSite


def test_a_failed_boot_and_a_raising_handler_are_shown_on_their_tabs(site: RunningSite, page: Page) -> None:
    broken = app_url(site, 1, "broken-boot.html")
    python = app_url(site, 2, "python-client.html")
    site.config.value = {
        "options": {"service-client-api.accepted-web-content-origins": f"{site.origins[1]}, {site.origins[2]}"},
        "apps": [{"title": "Broken", "url": broken}, {"title": "Handler", "url": python}],
    }
    page.goto(site.desktop + "/")
    page.wait_for_function("window.wweDesktopReady === true", timeout=BOOT_TIMEOUT_MS)
    box = page.locator("#app-failure-0")
    expect(box).to_contain_text("Broken did not start: ModuleNotFoundError: No module named 'crm_helpers'", timeout=BOOT_TIMEOUT_MS)
    expect(page.locator("#app-tab-0")).to_have_text("⚠ Broken")
    frame = next(f for f in page.frames if f.url == python)
    frame.wait_for_function("window.wweAppReady === true", timeout=BOOT_TIMEOUT_MS)
    frame.evaluate(
        "code => window.pyodide.runPythonAsync(code)",
        "from wwe_scapi import connect\n"
        "def broken(message):\n    raise LookupError('no CRM account')\n"
        "await connect().subscribe(['interaction'], broken)",
    )
    page.evaluate("() => window.wweScenario('ring_inbound_call', {})")
    expect(page.locator("#app-tab-1")).to_have_text("⚠ Handler")
    expect(page.locator("#app-failure-1")).to_contain_text("raised in an event handler: LookupError: no CRM account")
    reports = page.evaluate("() => window.wweLog().filter((entry) => entry.direction === 'app')")
    assert [r["request"] for r in reports][:2] == ["app boot failed", "app handler failed"]
    assert reports[0]["tab"] == "Broken" and "crm_helpers" in reports[0]["data"] and "Traceback" in reports[0]["data"]
    assert reports[1]["tab"] == "Handler" and "while handling interaction" in reports[1]["data"]
