"""The host page of this example in Chromium: its own origin, its own layout, its own contact
centre (the JSON file, the back end's server-sent events), serving a Python app and a
plain-JavaScript app on origins of their own through wwe-scapi's startService, and refusing a
third. Run: `python3 -m pytest examples/host-page`."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Frame, Page, expect

from wwe_scapi.pytest_plugin.sites import SitePool, free_port, origin_of

EXAMPLE = Path(__file__).resolve().parent.parent
BOOT_MS = 60_000


def _server_module() -> Any:
    spec = importlib.util.spec_from_file_location("host_page_server", EXAMPLE / "server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


server = _server_module()


@pytest.fixture
def host(wwe_browser: Any, wwe_sites: SitePool) -> Iterator[tuple[Page, Any, dict[str, str]]]:
    """The host page open in a fresh browser context, its back end, and its apps' URLs."""
    site = wwe_sites.site_for([EXAMPLE / "apps" / "python", EXAMPLE / "apps" / "js"])
    urls = {
        "python": f"{site.origins[1]}/wwe-app-0/",
        "js": f"{site.origins[2]}/wwe-app-1/",
        "stranger": f"{site.origins[3]}/wwe-app-1/",  # the same app on an origin the page does not serve
    }
    back_end = server.BackEnd(
        f"{site.origins[0]}/",
        [
            {"title": "Greeter", "url": urls["python"], "requests": "agent.*, interaction.*, configuration.*"},
            {"title": "Status board", "url": urls["js"], "requests": "agent.getState, agent.setState, interaction.*"},
        ],
        [{"title": "Stranger", "url": urls["stranger"]}],
    )
    running = server.serve(free_port(), back_end)
    context = wwe_browser.new_context()
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{running.server_address[1]}/")
    page.wait_for_function("window.wweServiceReady === true || window.wweServiceFailed !== undefined", timeout=BOOT_MS)
    assert page.evaluate("window.wweServiceFailed") is None
    yield page, back_end, urls
    context.close()
    back_end.close()
    running.shutdown()
    running.server_close()


def _frame(page: Page, url: str) -> Frame:
    page.wait_for_function("(url) => [...document.querySelectorAll('iframe')].some((f) => f.src === url)", arg=url)
    frame = next((frame for frame in page.frames if frame.url == url), None)
    while frame is None:
        page.wait_for_event("framenavigated", timeout=BOOT_MS)
        frame = next((frame for frame in page.frames if frame.url == url), None)
    return frame


CALL_JS = """([request, parameters]) => new Promise((resolve) => {
  const [namespace, method] = request.split(".");
  genesys.wwe.service[namespace][method](...parameters, (ok) => resolve(["ok", ok.data]), (failed) => resolve(["failed", failed.errorMessage]));
})"""


def test_the_host_pages_own_contact_centre_serves_a_python_and_a_javascript_app(host: tuple[Page, Any, dict[str, str]]) -> None:
    page, back_end, urls = host
    greeter, board = _frame(page, urls["python"]), _frame(page, urls["js"])
    # What the JSON file says, through the page's centre.
    expect(greeter.locator("#agent")).to_have_text("Hello Noor · CRM at https://crm.example/accounts", timeout=BOOT_MS)
    board.wait_for_function("window.statusBoardReady === true", timeout=BOOT_MS)
    expect(board.locator("#state")).to_have_text("NotReady")

    # A call arrives on the back end's stream; the Python app tags it; the back end confirms
    # on the stream, and the JavaScript app sees the data both attached.
    call = back_end.call_arrives("+15550100", {"Queue": "Sales"})
    expect(board.locator("#call")).to_have_text(
        'ATTACHED_DATA_CHANGED: +15550100 {"Queue":"Sales","GreetedBy":"nhaddad"}', timeout=10_000
    )
    assert back_end.interactions[call["interactionId"]]["userData"] == {"Queue": "Sales", "GreetedBy": "nhaddad"}
    assert board.evaluate(CALL_JS, ["interaction.getByInteractionId", [call["interactionId"]]])[1]["userData"]["GreetedBy"] == "nhaddad"

    # The agent made Ready by the JavaScript app: the back end takes it, its event comes back.
    board.locator("#ready").click()
    expect(board.locator("#state")).to_have_text("READY")
    assert back_end.agent_state == "Ready"
    assert board.evaluate(CALL_JS, ["agent.getState", []]) == ["ok", {"type": "READY", "displayName": "Ready", "operationName": "Ready"}]

    # The call ends on the back end: gone for the apps too.
    back_end.end_call(call["interactionId"])
    expect(board.locator("#call")).to_contain_text("REMOVED: +15550100")
    assert board.evaluate(CALL_JS, ["interaction.getInteractions", []]) == ["ok", []]


def test_the_security_options_and_what_the_centre_lacks(host: tuple[Page, Any, dict[str, str]]) -> None:
    page, _back_end, urls = host
    board, stranger = _frame(page, urls["js"]), _frame(page, urls["stranger"])
    board.wait_for_function("window.statusBoardReady === true", timeout=BOOT_MS)
    status, error = board.evaluate(CALL_JS, ["agent.get", []])  # not in its origin's filter
    assert status == "failed" and "agent.get" in error
    status, error = board.evaluate(CALL_JS, ["interaction.accept", ["host-call-1"]])  # allowed, but this centre has none
    assert (status, error) == ("failed", "interaction.accept is not served by this page's contact centre (it has no interaction_accept method).")
    status, error = board.evaluate(CALL_JS, ["agent.setState", ["Lunch"]])
    assert status == "failed" and "'Lunch' is not one of this desk's states" in error
    expect(stranger.locator("#error")).to_contain_text("not accepted", timeout=BOOT_MS)  # its origin is not served
    log = page.evaluate("() => window.wweService.log()")
    refused = {(entry["origin"], entry["request"]) for entry in log if entry["direction"] == "refused"}
    assert (origin_of(urls["js"]), "agent.get") in refused  # the filter
    assert {origin for origin, _ in refused} == {origin_of(urls["js"]), origin_of(urls["stranger"])}
    with pytest.raises(Exception, match="scenario steps drive the simulated contact centre"):
        page.evaluate("() => window.wweService.scenario('ring_inbound_call')")
