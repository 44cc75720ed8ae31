"""Sample JS (web/apps/sample-js/), the plain-JavaScript sample of `serve`, on wwe-scapi's own
genesys.wwe.service (web/genesys-wwe-service.js): the vendor's calls with callbacks, the
PROTOCOL.md envelopes on the wire. Through the plugin's wwe_desktop, as an app author tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

SAMPLE_JS = ("Sample JS", "/apps/sample-js/")


def test_the_javascript_sample_pops_a_call_and_tags_it(wwe_desktop: Any) -> None:
    desktop = wwe_desktop(apps=[SAMPLE_JS])
    app = desktop.app("Sample JS")
    app.wait_for_function("window.sampleJsReady === true")
    subscribed = desktop.wait_for_request("subscribe")
    assert subscribed["parameters"] == ["interaction"] and subscribed["tab"] == "Sample JS"
    expect(app.locator("#agent-name")).not_to_have_text("…")
    call = desktop.scenario.ring_inbound_call(ani="+15550100", user_data={"Segment": "Gold"})
    expect(app.locator("#call")).to_contain_text("segment Gold")
    app.locator("#tag-vip").click()
    tagged = desktop.wait_for_request("interaction.setUserData")
    assert tagged["parameters"] == [call["interactionId"], {"VIP": "true"}] and tagged["ok"]
    expect(app.locator("#status")).to_have_text("Tagged VIP.")
    expect(app.locator("#call")).to_contain_text("VIP")


def test_the_javascript_client_calls_as_the_vendors_does(wwe_desktop: Any) -> None:
    """Parameters padded with null (voice.dial(dest, ok, ko) sends [dest, null]), none for a
    method without; `succeeded` gets the whole response less its referenceId; a failure goes
    to `failed`. What arrived is read from the desktop's protocol log."""
    desktop = wwe_desktop(apps=[SAMPLE_JS])
    app = desktop.app("Sample JS")
    app.wait_for_function("window.sampleJsReady === true")
    sent = app.evaluate(
        """async () => {
  const service = genesys.wwe.service;
  const call = (run) => new Promise((done) => run((r) => done(["ok", r]), (r) => done(["failed", r])));
  const state = await call((ok, ko) => service.agent.getState(ok, ko));
  const dial = await call((ok, ko) => service.voice.dial("+15550100", ok, ko));
  const unknown = await call((ok, ko) => service.configuration.getContextualOption("x", "no-such", ok, ko));
  return {state, dial, unknown};
}"""
    )
    assert sent["state"][0] == "ok" and sent["state"][1]["data"]["operationName"] == "NotReady"
    assert "referenceId" not in sent["state"][1] and sent["state"][1]["request"] == "agent.getState"
    assert sent["state"][1]["userAgent"] == "WWE Server" and sent["state"][1]["protocolVersion"] == 2
    assert sent["dial"][0] == "ok"
    assert sent["unknown"][0] == "failed" and sent["unknown"][1]["errorMessage"] == "Error: Interaction not found."
    dialled = desktop.wait_for_request("voice.dial")
    assert dialled["parameters"] == ["+15550100", None] and dialled["frame"] == desktop.wait_for_request("configuration.getContextualOption")["frame"]
    assert not [entry for entry in desktop.log if entry["direction"] in ("ignored", "refused")]


def test_the_golden_agent_flow_replayed_in_chromium(wwe_desktop: Any) -> None:
    """The golden file's envelopes, posted by a plain-JS page in a real iframe, get the file's
    answers and events, message for message."""
    from pathlib import Path

    from wwe_scapi.testing import goldens

    steps = goldens.stored("agent")
    page = Path(__file__).parent / "apps" / "vendor-envelopes.html"
    desktop = wwe_desktop(apps=[("Envelopes", page)])
    app = desktop.app("Envelopes")
    app.evaluate("window.quiet = true")
    expected = [step["message"] for step in steps if step["to"] == "app"]
    for step in steps:
        if step["to"] == "desktop":
            app.evaluate("(message) => window.sendRaw(message)", step["message"])
    app.wait_for_function("(count) => window.received.length >= count", arg=len(expected))
    received = app.evaluate("() => window.received.map((entry) => entry.data)")
    assert received == expected
