"""The service in a host page of its own (`startService`), on its own origin, not the desktop:
its iframes on other origins (made before and after the service starts) are served with the
desktop's wire format and security; amIVisible follows the page's own layout."""

from __future__ import annotations

from urllib.parse import urlencode

from e2e_support import BOOT_TIMEOUT_MS, app_url, send_requests
from playwright.sync_api import Frame, Page

from wwe_scapi.cli.server import RunningSite


def _frame(page: Page, url: str) -> Frame:
    page.wait_for_function("(url) => [...document.querySelectorAll('iframe')].some((f) => f.src === url)", arg=url)
    while True:
        for frame in page.frames:
            if frame.url == url:
                return frame
        page.wait_for_event("framenavigated", timeout=BOOT_TIMEOUT_MS)


def test_a_host_page_serves_its_apps_with_the_desktops_wire_format_and_security(site: RunningSite, page: Page) -> None:
    python = app_url(site, 1, "python-client.html")
    plain = app_url(site, 2, "vendor-envelopes.html")
    stranger = app_url(site, 4, "vendor-envelopes.html") + "?stranger"
    away = app_url(site, 2, "vendor-envelopes.html") + "?away"
    untrusted = app_url(site, 2, "vendor-envelopes.html") + "?untrusted"
    host = site.origins[3]  # the host page's own origin: neither the desktop's nor an app's
    accept = f"{site.origins[1]}, {site.origins[2]} (agent.*, interaction.*, system.*)"
    early = app_url(site, 2, "vendor-envelopes.html") + "?early"  # posts at once, long before the service is up
    query = urlencode({"accept": accept, "before": f"{python},{early}", "after": f"{plain},{stranger}", "away": away, "untrusted": untrusted})
    page.goto(f"{host}/test-apps/host-page.html?{query}")
    page.wait_for_function("window.hostReady === true", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("document.getElementById('app-panels')") is None  # no simulator UI

    py = _frame(page, python)
    py.wait_for_function("window.wweAppReady === true", timeout=BOOT_TIMEOUT_MS)
    assert py.evaluate("code => window.pyodide.runPythonAsync(code)", "from wwe_scapi import connect\n(await connect().agent.get())['username']") == "ksandoval"

    first = _frame(page, early)  # its messages were held until the service was up, then served in order
    first.wait_for_function("window.earlyAnswers && window.earlyAnswers.length === 3")
    assert first.evaluate("window.earlySentAt") < page.evaluate("performance.timeOrigin + window.wweTimings.ready")
    answers = first.evaluate("window.earlyAnswers")
    assert [(a["request"], a["referenceId"], "errorMessage" in a) for a in answers] == [
        ("agent.get", "0", False), ("agent.getState", "1", False), ("system.amIVisible", "2", False)
    ]

    js = _frame(page, plain)
    js.wait_for_function("window.jsAppReady === true")
    [state, visible, dial] = send_requests(js, [("agent.getState", None), ("system.amIVisible", None), ("voice.dial", ["+15550100"])])
    assert state[1] is None and state[2]["operationName"] == "NotReady"
    assert visible[2] is True
    assert dial[1] is not None and "voice.dial" in dial[1]  # not in this origin's filter

    off = _frame(page, away)
    off.wait_for_function("window.jsAppReady === true")
    assert send_requests(off, [("system.amIVisible", None)])[0][2] is False  # drawn off screen

    refused = _frame(page, stranger)
    refused.wait_for_function("window.jsAppReady === true")
    [answer] = send_requests(refused, [("agent.get", None)])
    assert answer[1] is not None and "not accepted" in answer[1]

    refused_by_page = _frame(page, untrusted)
    refused_by_page.wait_for_function("window.jsAppReady === true")
    [answer] = send_requests(refused_by_page, [("agent.get", None)])
    assert answer[1] is not None and "serveFrame said no" in answer[1]  # its origin is accepted, its iframe is not

    js.evaluate("() => window.subscribe(['interaction'])")
    call = page.evaluate("() => window.wweService.scenario('ring_inbound_call', {ani: '+15550100'})")
    event = js.evaluate("() => window.waitForEvent('interaction', (e) => e.data.eventType === 'ADDED')")
    assert event["data"]["interaction"]["interactionId"] == call["interactionId"] and event["userAgent"] == "WWE Server"
    [toast] = send_requests(js, [("system.popupToast", [{"title": "From the app", "autoHideTimeout": 400}])])
    page.wait_for_function("(id) => window.shownToasts.length === 1 && window.shownToasts[0].id === id", arg=toast[2])
    page.wait_for_function("() => window.shownToasts.length === 0")  # hidden after its timeout, the page told
    log = page.evaluate("() => window.wweService.log()")
    assert {entry["direction"] for entry in log} >= {"request", "refused", "event"}


def test_a_host_page_must_say_which_origins_it_serves(site: RunningSite, page: Page) -> None:
    page.goto(f"{site.origins[3]}/test-apps/host-page.html?accept=*")
    page.wait_for_function("window.wweServiceFailed !== undefined", timeout=BOOT_TIMEOUT_MS)
    assert "pass allowAnyOrigin: true" in page.evaluate("window.wweServiceFailed")


def test_the_desktop_takes_the_arguments_of_the_embedding_api(site: RunningSite, page: Page) -> None:
    """startDesktop({options, workspace, strict, apps}) over /config.json; what the desktop
    draws or answers itself (centre, onToasts, ...) is refused by name."""
    app = app_url(site, 1, "vendor-envelopes.html")
    site.config.value = {"options": {"service-client-api.accepted-web-content-origins": site.origins[1], "crm.server": "from config.json"}, "apps": []}
    page.goto(f"{site.desktop}/test-apps/desktop-args.html?{urlencode({'app': app})}")
    page.wait_for_function("window.wweDesktopReady === true || window.wweDesktopFailed !== undefined", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("window.wweDesktopFailed") is None
    frame = _frame(page, app)
    frame.wait_for_function("window.jsAppReady === true", timeout=BOOT_TIMEOUT_MS)
    [options] = send_requests(frame, [("configuration.getOption", [["crm.greeting", "crm.server"]])])
    assert options[2] == {"interaction-workspace": {"crm.greeting": "set by the page", "crm.server": "from config.json"}}
    assert "Added by the page" in page.locator("#app-tabs").inner_text()
    refusal = page.evaluate(
        "async () => { const {desktopConfig} = await import('/wwe-scapi.js');"
        " try { desktopConfig({}, {centre: './centre.py', onToasts() {}}); } catch (error) { return error.message; } }"
    )
    assert "takes no centre, onToasts: that is startService" in refusal
    unknown = page.evaluate(
        "async () => { const {desktopConfig} = await import('/wwe-scapi.js');"
        " try { desktopConfig({}, {option: {}}); } catch (error) { return error.message; } }"
    )
    assert unknown == "wwe-scapi: startDesktop takes no option (it takes options, workspace, strict, apps)"
