"""An app's own failures reach the desktop (wwe-scapi's app report, PROTOCOL.md's envelopes
untouched): an event handler that raises in the Python client is told to the desktop, which
logs it with the traceback and marks the app's tab; reports from origins not served, or not
in the report's form, are ignored."""

from __future__ import annotations

import asyncio
from typing import Any

from browser_support import APP_A, DesktopPage
from wwe_scapi.protocol.messages import APP_REPORT_CHARS, AppReport, Ignored, parse_client_message
from wwe_scapi.service.surface import MemorySurface
from wwe_scapi.testing import MemoryDesktop


def test_the_report_is_read_and_bounded() -> None:
    assert parse_client_message({"wweScapiAppReport": "boot", "text": "Traceback…"}) == AppReport("boot", "Traceback…")
    long = parse_client_message({"wweScapiAppReport": "handler", "text": "x" * (APP_REPORT_CHARS * 2)})
    assert isinstance(long, AppReport) and len(long.text) == APP_REPORT_CHARS
    assert parse_client_message({"wweScapiAppReport": "crash", "text": "x"}) == AppReport("crash", "x")
    assert isinstance(parse_client_message({"wweScapiAppReport": "other", "text": "?"}), Ignored)
    assert isinstance(parse_client_message({"wweScapiAppReport": "boot", "text": 7}), Ignored)


async def test_a_handler_that_raises_is_logged_by_the_desktop_with_its_traceback() -> None:
    desk = MemoryDesktop()
    surface = MemorySurface()
    desk.service._surface = surface
    app = desk.connect("http://crm.test")

    def broken(message: dict[str, Any]) -> None:
        raise KeyError("CRM_AccountId")

    await app.subscribe(["interaction"], broken)
    desk.scenario.ring_inbound_call()
    await desk.settle()
    reports = [entry for entry in desk.log if entry["direction"] == "app"]
    assert reports and reports[0]["request"] == "app handler failed" and reports[0]["origin"] == "http://crm.test"
    assert "KeyError: 'CRM_AccountId'" in reports[0]["data"] and "while handling interaction" in reports[0]["data"]
    assert reports[0]["result"] == "KeyError: 'CRM_AccountId'"
    assert surface.reports and surface.reports[0][1] == "handler"


async def test_without_report_errors_nothing_is_told() -> None:
    desk = MemoryDesktop()
    app = desk.connect("http://crm.test", report_errors=False)
    await app.subscribe(["interaction"], lambda message: 1 / 0)
    desk.scenario.ring_inbound_call()
    await desk.settle()
    assert not [entry for entry in desk.log if entry["direction"] == "app"]


async def test_a_report_from_an_origin_not_served_is_ignored() -> None:
    desk = MemoryDesktop({"service-client-api.accepted-web-content-origins": "http://crm.test"})
    stranger = desk.network.window("http://stranger.test")
    stranger.post({"wweScapiAppReport": "boot", "text": "pretend"})
    await desk.settle()
    [entry] = desk.log
    assert entry["direction"] == "ignored" and "not served" in entry["result"]


async def test_the_desktop_marks_the_failed_apps_tab_with_the_traceback() -> None:
    page = DesktopPage()
    client = page.app(0, APP_A)
    await client.subscribe(["interaction"], lambda message: [][1])
    page.workspace.scenario.ring_inbound_call()
    for _ in range(20):
        await asyncio.sleep(0)
    tab = page.by_id("app-tab-0")
    assert tab.getAttribute("class") == "app-failed" and tab.textContent.startswith("⚠")
    box = page.by_id("app-failure-0")
    assert "raised in an event handler" in box.textContent and "IndexError" in box.textContent
    assert box.getAttribute("role") == "alert"
