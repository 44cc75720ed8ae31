"""An app that fails is shown on its tab and in the protocol log, with its traceback: a boot
that fails (the loader reports it), an event handler that raises (the Python client does), a
crash (an asyncio task nobody awaited, an uncaught JavaScript error: the loader's watch)."""

from __future__ import annotations

from e2e_support import BOOT_TIMEOUT_MS, app_url
from playwright.sync_api import Page, expect

from wwe_scapi.cli.server import RunningSite


def test_a_failed_boot_and_a_raising_handler_are_shown_on_their_tabs(site: RunningSite, page: Page) -> None:
    broken = app_url(site, 1, "broken-boot.html")
    python = app_url(site, 2, "failing-app.html")
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
    page.evaluate("() => window.wweScenario('ring_inbound_call', {})")
    expect(page.locator("#app-tab-1")).to_have_text("⚠ Handler")
    expect(page.locator("#app-failure-1")).to_contain_text("raised in an event handler: LookupError: no CRM account")
    frame.evaluate(
        "code => window.pyodide.runPythonAsync(code)",
        "import asyncio\nasync def sync_crm():\n    raise ConnectionError('CRM down')\nasyncio.ensure_future(sync_crm())\nawait asyncio.sleep(0.05)\nimport gc\ngc.collect()",
    )
    expect(page.locator("#app-failure-1 summary")).to_contain_text("Handler crashed: ConnectionError: CRM down")
    frame.evaluate("() => setTimeout(() => { throw new Error('a bug in the page'); })")
    expect(page.locator("#app-failure-1")).to_contain_text("a bug in the page")
    reports = page.evaluate("() => window.wweLog().filter((entry) => entry.direction === 'app')")
    kinds = [r["request"] for r in reports]
    assert kinds[0] == "app boot failed" and kinds[-2:] == ["app crash failed", "app crash failed"]
    assert set(kinds[1:-2]) == {"app handler failed"}  # one per event the handler got
    assert reports[0]["tab"] == "Broken" and "crm_helpers" in reports[0]["data"] and "Traceback" in reports[0]["data"]
    assert reports[1]["tab"] == "Handler" and "while handling interaction" in reports[1]["data"]
    assert "ConnectionError: CRM down" in reports[-2]["data"] and "a bug in the page" in reports[-1]["data"]
