"""An app iframe that reloads is a new frame to the desktop: a new frame id, the old page's
subscriptions ended (its events do not reach the new page twice), in Chromium across origins."""

from __future__ import annotations

from e2e_support import BOOT_TIMEOUT_MS, Desktop, app_url


def _set_agent_state(desktop: Desktop, state: str) -> None:
    desktop.page.select_option("#agent-state-select", state)
    desktop.page.click("#agent-state-apply")


def test_a_reloaded_app_is_a_new_frame_and_the_old_pages_subscriptions_end(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 2, "vendor-envelopes.html")], accept=[site.origins[2]])
    app = desktop.frame(0)
    app.evaluate("window.subscribe(['agent', 'interaction'])")
    [old_frame] = app.evaluate("window.frameIds")
    app.evaluate("id => window.request('agent.get', undefined, id)", old_frame)  # it knows its frame id now
    with app.expect_navigation(timeout=BOOT_TIMEOUT_MS):
        app.evaluate("location.reload()")
    app.wait_for_function("window.jsAppReady === true", timeout=BOOT_TIMEOUT_MS)
    app.evaluate("window.subscribe(['agent'])")  # the new page: no frame id yet
    app.evaluate("window.request('agent.getState')")
    app.wait_for_function("window.frameIds.length === 1")
    [new_frame] = app.evaluate("window.frameIds")
    assert new_frame != old_frame
    _set_agent_state(desktop, "Ready")
    desktop.page.evaluate("window.wweScenario('ring_inbound_call', {})")  # the old page wanted these
    app.wait_for_function("window.events.length >= 1")
    app.evaluate("id => window.request('agent.getState', undefined, id)", new_frame)  # after the events
    events = app.evaluate("window.events.map((e) => e.event + ':' + e.data.eventType)")
    assert events == ["agent:STATE_CHANGED"]  # the old page's subscriptions ended with it
    desktop.page.wait_for_function(
        "[...document.querySelectorAll('#protocol-log-body tr')].some(r => r.textContent.includes('a new page in the window'))"
    )
