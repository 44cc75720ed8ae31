"""The security policy in a real browser: per-origin filters, an origin not listed, and a
flood from one iframe hitting its rate limit while another keeps being served."""

from __future__ import annotations

import pytest

from e2e_support import Desktop, app_url

from wwe_scapi.protocol.catalogue import UNDOCUMENTED
from wwe_scapi.service.handlers import ALL_HANDLERS

SERVED = set(ALL_HANDLERS) - UNDOCUMENTED  # the documented requests this desktop serves

ORIGINS = "service-client-api.accepted-web-content-origins"
CALLS = """async () => {
  const out = {};
  for (const [name, parameters] of [["agent.get"], ["agent.setState", ["Ready"]], ["media.getMediaList"],
                                    ["messenger.broadcastMessage", ["c", 1]], ["system.getAllowedServices"]]) {
    const reply = (await window.request(name, parameters)).data;
    out[name] = "errorMessage" in reply ? "refused: " + reply.errorMessage : "served";
  }
  const sub = (await window.subscribe(["agent"])).data;
  out.subscribe = "errorMessage" in sub ? "refused: " + sub.errorMessage : "served";
  out.allowed = (await window.request("system.getAllowedServices")).data.data || null;
  return out;
}"""


@pytest.fixture
def three_filters(site, open_desktop) -> Desktop:  # type: ignore[no-untyped-def]
    everything, agent_only, unlisted = site.origins[1], site.origins[2], site.origins[3]
    apps = [app_url(site, i, "vendor-envelopes.html") for i in (1, 2, 3)]
    return open_desktop(apps, options={ORIGINS: f"{everything} (*), {agent_only} (agent.*)"})


def test_each_origin_gets_exactly_what_its_filter_allows(three_filters: Desktop) -> None:
    desktop = three_filters
    everything, agent_only, unlisted = (desktop.frame(i).evaluate(CALLS) for i in range(3))
    assert {k: v for k, v in everything.items() if k != "allowed"} == {
        "agent.get": "served", "agent.setState": "served", "media.getMediaList": "served",
        "messenger.broadcastMessage": "served", "system.getAllowedServices": "served", "subscribe": "served",
    }
    # All it serves, but the token: a wildcard filter never grants auth.getJwtToken.
    assert set(everything["allowed"]) == SERVED - {"auth.getJwtToken"}
    origin = desktop.site.origins[2]
    refused = f"refused: The request {{}} is not allowed for the origin {origin} (service-client-api.accepted-web-content-origins)."
    assert agent_only == {
        "agent.get": "served",
        "agent.setState": "served",
        "media.getMediaList": refused.format("media.getMediaList"),
        "messenger.broadcastMessage": refused.format("messenger.broadcastMessage"),
        "system.getAllowedServices": "served",  # answered to every listed origin (reference)
        "subscribe": "served",
        "allowed": ["agent.get", "agent.getState", "agent.getStateList", "agent.setState", "system.getAllowedServices"],
    }
    not_accepted = (
        f"refused: The origin {desktop.site.origins[3]} is not accepted by this Agent Workspace "
        "(service-client-api.accepted-web-content-origins)."
    )
    assert set(unlisted.values()) == {not_accepted, None}
    desktop.page.wait_for_function(
        "[...document.querySelectorAll('#protocol-log-body tr.log-refused')].some(r => r.textContent.includes('media.getMediaList'))"
    )


def test_a_flood_hits_the_rate_limit_and_another_iframe_is_served_meanwhile(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "vendor-envelopes.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(
        apps,
        options={
            ORIGINS: f"{site.origins[1]}, {site.origins[2]}",
            "service-client-api.rate-limit.agent.getState": "5",
            "service-client-api.rate-limit-quarantine-delay": "30",
        },
    )
    flooder, neighbour = desktop.frame(0), desktop.frame(1)
    replies = flooder.evaluate(
        """async () => {
          for (let i = 0; i < 20; i++)
            window.parent.postMessage({request: "agent.getState", referenceId: "f" + i, userAgent: "WWE Client", protocolVersion: 2}, "*");
          // Messages from one window are handled in order: this answer comes after all 20.
          await window.request("agent.get");
          return window.received.map((e) => e.data).filter((d) => String(d.referenceId).startsWith("f"));
        }"""
    )
    assert [r["referenceId"] for r in replies] == ["f0", "f1", "f2", "f3", "f4", "f5"]
    assert all("data" in r for r in replies[:5])
    assert replies[5]["errorMessage"] == (
        "The rate limit for the request 'agent.getState' has been reached.\n"
        "Further requests of the same type will be ignored for 30 seconds."
    )
    served = neighbour.evaluate(
        "async () => { const out = []; for (let i = 0; i < 5; i++) out.push((await window.request('agent.getState')).data); return out; }"
    )
    assert all(r["data"]["type"] for r in served) and not any("errorMessage" in r for r in served)
    desktop.page.wait_for_function(
        "[...document.querySelectorAll('#protocol-log-body tr')].some(r => r.textContent.includes('rate-limit quarantine'))"
    )


def test_attached_data_allow_lists(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(
        apps,
        options={
            ORIGINS: f"{site.origins[1]}, {site.origins[2]}",
            "service-client-api.user-data.write-allowed": "Key1,Key3",
            "service-client-api.user-data.read-allowed": "Key1,Key2,Key3",
        },
    )
    watcher = desktop.frame(1)
    watcher.evaluate("window.subscribe(['interaction'])")
    desktop.service_py(
        "host.workspace.scenario.ring_inbound_call(user_data={'Key1': 'a', 'Key2': 'b', 'Secret': 's'})\nimport json\njson.dumps(True)"
    )
    outcome = desktop.py(
        desktop.frame(0),
        """
import json
from wwe_scapi.client import RequestFailed
seen = await service.interaction.get_by_interaction_id("1")
try:
    await service.interaction.set_user_data("1", {"Key1": "x", "Key2": "y"})
    refused = None
except RequestFailed as error:
    refused = error.error_message
await service.interaction.set_user_data("1", {"Key3": "c"})
after = await service.interaction.get_by_interaction_id("1")
json.dumps([seen["userData"], refused, after["userData"]])
""",
    )
    seen, refused, after = outcome
    assert seen == {"Key1": "a", "Key2": "b"}
    assert refused == (
        "Writing the user data key 'Key2' is not allowed "
        "(service-client-api.user-data.write-allowed); nothing was changed."
    )
    assert after == {"Key1": "a", "Key2": "b", "Key3": "c"}
    event = watcher.evaluate(
        "window.waitForEvent('interaction', (e) => e.data.eventType === 'ATTACHED_DATA_CHANGED')"
    )
    assert event["data"]["interaction"]["userData"] == {"Key1": "a", "Key2": "b", "Key3": "c"}
    ringing = watcher.evaluate("window.events.find((e) => e.data.eventType === 'RINGING')")
    assert ringing["data"]["interaction"]["userData"] == {"Key1": "a", "Key2": "b"}
    # The desktop itself shows everything, the secret included.
    desktop.page.wait_for_function(
        "document.querySelector('#interaction-list [data-interaction-id=\"1\"]').textContent.includes('Secret=s')"
    )
