"""A plain-JavaScript app sends the vendor client's exact envelopes (PROTOCOL.md) by hand;
the Python service's replies are checked field by field."""

from __future__ import annotations

from typing import Any

import pytest

from e2e_support import Desktop, app_url

SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}


@pytest.fixture
def js_app(site, open_desktop) -> Desktop:  # type: ignore[no-untyped-def]
    return open_desktop([app_url(site, 2, "vendor-envelopes.html")], accept=[site.origins[2]])


def _reply(desktop: Desktop, script: str, *args: Any) -> dict[str, Any]:
    entry = desktop.frame(0).evaluate(script, *args) if args else desktop.frame(0).evaluate(script)
    assert entry["origin"] == desktop.site.desktop  # the reply comes from the desktop's origin
    return entry["data"]


def test_request_without_parameters_and_frame_id(js_app: Desktop) -> None:
    reply = _reply(js_app, "window.request('agent.get')")
    assert reply == {
        "request": "agent.get",
        "referenceId": "0",
        "data": {"employeeId": "5001", "firstname": "Kim", "lastname": "Sandoval", "username": "ksandoval"},
        **SERVER,
    }
    frame_ids = js_app.frame(0).evaluate("window.frameIds")
    assert len(frame_ids) == 1 and isinstance(frame_ids[0], int)
    # Later requests carry the frame id, as the vendor client sends them.
    reply = _reply(js_app, "id => window.request('agent.getState', undefined, id)", frame_ids[0])
    assert reply["referenceId"] == "1" and reply["data"]["type"] == "NOT_READY"
    assert js_app.frame(0).evaluate("window.frameIds.length") == 1  # announced once


def test_empty_parameters_and_exact_reference_ids(js_app: Desktop) -> None:
    reply = _reply(js_app, "window.request('agent.getStateList', [])")
    assert reply["request"] == "agent.getStateList" and isinstance(reply["data"], list)
    for reference in (42, "abc", "0x7", 0.5):
        reply = _reply(
            js_app,
            "ref => window.sendRaw({request: 'agent.getState', referenceId: ref, userAgent: 'WWE Client', protocolVersion: 2})",
            reference,
        )
        assert reply["referenceId"] == reference and type(reply["referenceId"]) is type(reference)


def test_set_state_by_operation_name_and_index(js_app: Desktop) -> None:
    reply = _reply(js_app, "window.request('agent.setState', ['NotReady'])")
    assert reply == {"request": "agent.setState", "referenceId": "0", "data": None, **SERVER}
    reply = _reply(js_app, "window.request('media.setState', ['voice', 0])")
    assert "errorMessage" not in reply
    media = _reply(js_app, "window.request('media.getMediaByName', ['voice'])")["data"]
    assert media["name"] == "voice" and media["state"]["operationName"] == "Ready"


def test_sip_endpoint_and_dial_with_null_user_data(js_app: Desktop) -> None:
    reply = _reply(js_app, "window.request('sipEndpoint.muteMicrophone')")
    assert reply == {"request": "sipEndpoint.muteMicrophone", "referenceId": "0", "data": None, **SERVER}
    reply = _reply(js_app, "window.request('sipEndpoint.isMicrophoneMute')")
    assert reply["request"] == "sipEndpoint.isMicrophoneMute" and reply["data"] is True
    # The vendor client's dial(dest, succeeded, failed): userData travels as null.
    reply = _reply(js_app, "window.request('voice.dial', ['5002', null])")
    assert reply["request"] == "voice.dial" and reply["data"]["userData"] == {}
    assert reply["data"]["callType"] == "INTERNAL" and "errorMessage" not in reply
    reply = _reply(js_app, "window.request('email.create', ['a@b.test', null])")
    assert reply["request"] == "email.create" and reply["data"]["state"] == "CREATED"


def test_subscribe_with_a_string_and_unsubscribe(js_app: Desktop) -> None:
    frame = js_app.frame(0)
    reply = _reply(js_app, "window.subscribe('agent')")
    assert reply["subscriptionId"] and reply["referenceId"] == "0" and "event" not in reply
    assert reply["userAgent"] == "WWE Server" and reply["protocolVersion"] == 2
    _reply(js_app, "window.request('agent.setState', ['Ready'])")
    event = frame.evaluate("window.waitForEvent('agent')")
    assert event == {"event": "agent", "data": {"eventType": "STATE_CHANGED", "mediaState": "READY"}, **SERVER}
    unsubscribed = _reply(js_app, "id => window.unsubscribe(id)", reply["subscriptionId"])
    assert unsubscribed == {"request": "unsubscribe", "referenceId": "2", "data": True, **SERVER}
    again = _reply(js_app, "id => window.unsubscribe(id)", reply["subscriptionId"])
    assert "Unknown subscription id" in again["errorMessage"]
    _reply(js_app, "window.request('agent.setState', ['NotReady'])")
    _reply(js_app, "window.request('agent.get')")
    assert frame.evaluate("window.events.length") == 1


def test_the_vendor_sample_subscription_list(js_app: Desktop) -> None:
    reply = _reply(js_app, "window.subscribe(['agent', 'interaction', 'media', 'outbound', 'system', 'markdone'])")
    assert reply["data"] == ["agent", "interaction", "media", "outbound", "system", "markdone"]
    bad = _reply(js_app, "window.subscribe(['agent', 'weather'])")
    assert bad["errorMessage"].startswith("Unknown event name 'weather'")


@pytest.mark.parametrize(
    "message, expected",
    [
        ({"request": "agent.get", "parameters": "x", "referenceId": "p"}, "'parameters' of agent.get must be an array, got a string"),
        ({"request": 7, "referenceId": "p"}, "'request' must be a non-empty string 'namespace.method', got a number"),
        ({"request": "agent.setState", "parameters": [{}], "referenceId": "p"}, "Parameter 1 (stateOperationName) of agent.setState must be"),
        ({"request": "constructor", "referenceId": "p"}, "Unknown request 'constructor'."),
        ({"request": "__proto__", "referenceId": "p"}, "Unknown request '__proto__'."),
        ({"event": "publish", "referenceId": "p"}, "a client may send the events 'subscribe' and 'unsubscribe' only"),
    ],
)
def test_bad_input_gets_a_clear_failure(js_app: Desktop, message: dict[str, Any], expected: str) -> None:
    reply = _reply(js_app, "m => window.sendRaw({...m, userAgent: 'WWE Client', protocolVersion: 2})", message)
    assert reply["referenceId"] == "p"
    assert reply["errorMessage"].startswith(expected), reply["errorMessage"]


def test_unreadable_message_is_answered_and_others_keep_being_served(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 2, "vendor-envelopes.html"), app_url(site, 1, "python-client.html")]
    desktop = open_desktop(apps, accept=[site.origins[2], site.origins[1]])
    js = desktop.frame(0)
    # A cycle survives structured cloning but not JSON: the service still answers.
    reply = js.evaluate(
        "() => { const p = {}; p.self = p; return window.sendRaw({request: 'agent.get', parameters: [p], referenceId: 'cyc', userAgent: 'WWE Client', protocolVersion: 2}); }"
    )["data"]
    assert reply["referenceId"] == "cyc" and reply["request"] == "agent.get"
    assert reply["errorMessage"].startswith("The message could not be read as JSON data")
    # Garbage that is not a request at all is ignored (and logged), never answered.
    js.evaluate("window.parent.postMessage('hello', '*'); window.parent.postMessage(12, '*')")
    js.evaluate("window.parent.postMessage({request: 'agent.get'}, '*')")  # no referenceId
    assert _reply(desktop, "window.request('agent.get')")["data"]["username"] == "ksandoval"
    # The other app never noticed.
    assert desktop.py(desktop.frame(1), "import json\njson.dumps((await service.agent.get_state())['type'])") == "NOT_READY"
