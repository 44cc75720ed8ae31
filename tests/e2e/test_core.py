"""The core, end to end: a Python service on the desktop and Python clients in iframes on
distinct origins, over the browser's real postMessage."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from e2e_support import Desktop, app_url


@pytest.fixture
def two_python_apps(site, open_desktop) -> Desktop:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 2, "python-client.html")]
    return open_desktop(apps, accept=[site.origins[1], site.origins[2]])


def test_the_apps_run_on_distinct_real_origins(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    origins = [desktop.page.evaluate("location.origin")] + [
        desktop.frame(i).evaluate("location.origin") for i in range(2)
    ]
    assert len(set(origins)) == 3, origins
    hosts = {urlsplit(origin).hostname for origin in origins}
    ports = {urlsplit(origin).port for origin in origins}
    assert hosts == {"127.0.0.1", "localhost"} and len(ports) == 3
    # The iframes really are cross-origin: the desktop cannot read their documents.
    assert desktop.page.evaluate(
        "() => { try { return !!document.querySelector('iframe').contentDocument; } catch (e) { return false; } }"
    ) is False


def test_agent_namespace(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    result = desktop.py(
        desktop.frame(0),
        """
import json
agent = await service.agent.get()
states = await service.agent.get_state_list()
await service.agent.set_state("NotReadyBreak")
on_break = await service.agent.get_state()
await service.agent.set_state(0)
by_index = await service.agent.get_state()
json.dumps([agent, [s["operationName"] for s in states], on_break, by_index])
""",
    )
    agent, operations, on_break, by_index = result
    assert agent == {"employeeId": "5001", "firstname": "Kim", "lastname": "Sandoval", "username": "ksandoval"}
    assert operations[:2] == ["Ready", "NotReady"] and "NotReadyBreak" in operations and "Logout" in operations
    assert on_break == {
        "type": "NOT_READY_ACTION_CODE",
        "displayName": "Not Ready - Break",
        "operationName": "NotReadyBreak",
        "reason": "Break",
        "reasonCode": "1511",
    }
    assert by_index["type"] == "READY"
    # The desktop shows what the app did.
    desktop.page.wait_for_function("document.getElementById('agent-state').dataset.state === 'READY'")


def test_media_namespace(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    media_list, voice, after, aggregate = desktop.py(
        desktop.frame(1),
        """
import json
media_list = await service.media.get_media_list()
voice = await service.media.get_media_by_name("voice")
await service.agent.set_state("NotReady")
await service.media.set_state("chat", "Ready")
after = await service.media.get_media_by_name("chat")
aggregate = await service.agent.get_state()
json.dumps([media_list, voice, after, aggregate])
""",
    )
    assert [m["name"] for m in media_list] == ["voice", "chat", "email"]
    assert voice["device"] == {"number": "5001", "dynamicPhoneNumber": None}
    assert after["state"]["type"] == "READY"
    assert aggregate["type"] == "PARTIAL_READY"


def test_failures_raise_named_errors_with_the_message(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    outcome = desktop.py(
        desktop.frame(0),
        """
import json
from wwe_scapi.client import RequestFailed
results = []
for call in (
    lambda: service.agent.set_state("Dancing"),
    lambda: service.media.get_media_by_name("fax"),
    lambda: service.configuration.get_option("*.mark-done"),
    lambda: service.request("agent.__class__"),
    lambda: service.request("agent.get", 1),
):
    try:
        await call()
        results.append(None)
    except RequestFailed as error:
        results.append([type(error).__name__, error.request, error.error_message])
json.dumps(results)
""",
    )
    assert outcome[0][:2] == ["RequestFailed", "agent.setState"] and "'Dancing'" in outcome[0][2]
    assert "Unknown media 'fax'" in outcome[1][2]
    assert "may not start the option name" in outcome[2][2]
    assert outcome[3][2] == "Unknown request 'agent.__class__'."
    assert outcome[4][2] == "agent.get takes no parameters, got 1."


def test_configuration_get_option(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    one, several, wildcard = desktop.py(
        desktop.frame(0),
        """
import json
one = await service.configuration.get_option("interaction.case-data.frame-color")
several = await service.configuration.get_option(["voice.auto-answer", "CustomAPI/test.greeting", "agent-status.not-ready-reasons"])
wildcard = await service.configuration.get_option("CustomAPI/test.*")
json.dumps([one, several, wildcard])
""",
    )
    assert one == {"interaction-workspace": {"interaction.case-data.frame-color": "#17849D"}}
    assert several == {
        "interaction-workspace": {
            "voice.auto-answer": "false",
            "agent-status.not-ready-reasons": ["Break", "Lunch", "Training"],
        },
        "CustomAPI": {"test.greeting": "Hello from the simulated Agent Workspace"},
    }
    assert set(wildcard["CustomAPI"]) == {"test.greeting", "test.customer-code"}


def test_options_given_to_the_desktop_reach_get_option(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop(
        [app_url(site, 1, "python-client.html")],
        options={"CustomAPI/test.greeting": "Bonjour", "voice.auto-answer": "true"},
        accept=[site.origins[1]],
    )
    result = desktop.py(
        desktop.frame(0),
        "import json\njson.dumps(await service.configuration.get_option(['CustomAPI/test.greeting', 'voice.auto-answer']))",
    )
    assert result == {
        "CustomAPI": {"test.greeting": "Bonjour"},
        "interaction-workspace": {"voice.auto-answer": "true"},
    }


def test_get_allowed_services_and_frame_ids(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    allowed, frame_id, service_origin = desktop.py(
        desktop.frame(0),
        """
import json
allowed = await service.system.get_allowed_services()
json.dumps([allowed, service.frame_id, service.core.transport.service_origin])
""",
    )
    assert "agent.get" in allowed and "messenger.broadcastMessage" in allowed
    assert "auth.getJwtToken" not in allowed  # only when named explicitly
    assert not any(name.startswith("sipEndpoint.") for name in allowed)
    assert isinstance(frame_id, int)
    assert service_origin == desktop.site.desktop  # posts to the desktop's origin, not "*"


def test_events_reach_only_subscribed_frames(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [
        app_url(site, 1, "python-client.html"),
        app_url(site, 2, "python-client.html"),
        app_url(site, 3, "vendor-envelopes.html"),
    ]
    desktop = open_desktop(apps, accept=site.origins[1:4])
    subscribe = """
import asyncio, json
received = []
subscription = await service.subscribe({names}, received.append)
json.dumps(subscription.id)
"""
    desktop.py(desktop.frame(0), subscribe.format(names=["agent"]))
    desktop.py(desktop.frame(1), subscribe.format(names=["media"]))
    # The agent changes state on the desktop itself.
    desktop.service_py("host.workspace.set_agent_state('Ready')\nimport json\njson.dumps(True)")

    def kinds(index: int, count: int) -> list[str]:
        messages = desktop.wait_for_list(desktop.frame(index), "received", count)
        return [m["event"] + ":" + m["data"]["eventType"] for m in messages]

    assert kinds(0, 1) == ["agent:STATE_CHANGED"]
    assert kinds(1, 3) == ["media:STATE_CHANGED"] * 3
    # The unsubscribed JS app: a request after the events returns after them, and it saw none.
    js = desktop.frame(2)
    js.evaluate("window.request('agent.getState')")
    assert js.evaluate("window.events.length") == 0
    # After unsubscribing, app 0 gets nothing more.
    desktop.py(desktop.frame(0), "import json\nawait service.unsubscribe(subscription)\njson.dumps(True)")
    desktop.service_py("host.workspace.set_agent_state('NotReady')\nimport json\njson.dumps(True)")
    kinds(1, 6)
    assert desktop.py(desktop.frame(0), "import json\nawait service.agent.get()\njson.dumps(len(received))") == 1


def test_messenger_broadcast_crosses_origins(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [
        app_url(site, 1, "python-client.html"),
        app_url(site, 2, "python-client.html"),
        app_url(site, 3, "vendor-envelopes.html"),
    ]
    desktop = open_desktop(apps, accept=site.origins[1:4])
    desktop.py(
        desktop.frame(1),
        "import json\nnotes = []\nawait service.subscribe('messenger:notes', notes.append)\njson.dumps(True)",
    )
    js = desktop.frame(2)
    js.evaluate("window.subscribe(['messenger:other'])")
    delivered = desktop.py(
        desktop.frame(0),
        "import json\njson.dumps(await service.messenger.broadcast_message('notes', {'text': 'hi', 'n': 1}))",
    )
    assert delivered == 1
    assert desktop.wait_for_list(desktop.frame(1), "notes", 1) == [
        {"event": "messenger:notes", "data": {"text": "hi", "n": 1}, "userAgent": "WWE Server", "protocolVersion": 2}
    ]
    js.evaluate("window.request('agent.get')")
    assert js.evaluate("window.events") == []


def test_origin_not_listed_is_refused(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1]])
    js = desktop.frame(1)
    reply = js.evaluate("window.request('agent.get')")
    assert reply["data"]["errorMessage"] == (
        f"The origin {site.origins[2]} is not accepted by this Agent Workspace "
        "(service-client-api.accepted-web-content-origins)."
    )
    subscribed = js.evaluate("window.subscribe(['agent'])")
    assert "errorMessage" in subscribed["data"] and "subscriptionId" not in subscribed["data"]
    assert js.evaluate("window.frameIds") == []  # no frame id for an origin not served
    # The listed app is served as before.
    assert desktop.py(desktop.frame(0), "import json\njson.dumps((await service.agent.get())['username'])") == "ksandoval"
    desktop.page.wait_for_function(
        "[...document.querySelectorAll('#protocol-log-body tr.log-refused')].some(r => r.textContent.includes('not accepted'))"
    )


def test_request_timeout(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    outcome = desktop.py(
        desktop.frame(0),
        """
import json, js
from wwe_scapi.browser import connect
from wwe_scapi.client import RequestTimeout
silent = js.document.createElement("iframe")
js.document.body.appendChild(silent)
lost = connect(target=silent.contentWindow, new=True, timeout=0.2)
failures = []
try:
    await lost.agent.get(failed=failures.append)
    outcome = None
except RequestTimeout as error:
    outcome = [error.error_message, failures]
json.dumps(outcome)
""",
    )
    assert outcome == ["Request timeout", [{"request": "agent.get", "errorMessage": "Request timeout"}]]


def test_an_app_page_that_unloads_fails_its_pending_requests_at_once(two_python_apps: Desktop) -> None:
    desktop = two_python_apps
    app = desktop.frame(0)
    # Console output of a cross-site frame that unloads is lost: the failure is posted up.
    desktop.page.evaluate(
        "window.seen = []; window.addEventListener('message', (e) => "
        "{ if (typeof e.data === 'string' && e.data.startsWith('test-failed:')) window.seen.push(e.data); })"
    )
    pending = desktop.run(
        app,
        """
import js
from wwe_scapi.browser import connect
silent = js.document.createElement("iframe")
js.document.body.appendChild(silent)
lost = connect(target=silent.contentWindow, new=True, timeout=60)
lost.agent.get(failed=lambda message: js.parent.postMessage("test-failed: " + message["errorMessage"], "*"))
lost.core.pending_count""",
    )
    assert pending == 1
    app.evaluate("location.reload()")
    desktop.page.wait_for_function("window.seen.length > 0", timeout=10_000)
    assert desktop.page.evaluate("window.seen") == ["test-failed: the app's page is unloading before an answer came"]
