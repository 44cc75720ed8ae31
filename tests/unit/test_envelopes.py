from __future__ import annotations

from wwe_scapi.protocol import (
    event_message,
    failure_response,
    frame_id_message,
    subscribe_response,
    success_response,
)

SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}


def test_success_response() -> None:
    assert success_response("agent.getState", "7", {"type": "READY"}) == {
        "request": "agent.getState",
        "referenceId": "7",
        "data": {"type": "READY"},
        **SERVER,
    }


def test_failure_response() -> None:
    assert failure_response("configuration.getContextualOption", "7", "Error: Interaction not found.") == {
        "request": "configuration.getContextualOption",
        "referenceId": "7",
        "errorMessage": "Error: Interaction not found.",
        **SERVER,
    }


def test_reference_id_keeps_its_type_and_is_left_out_when_missing() -> None:
    assert success_response("agent.get", 5)["referenceId"] == 5
    assert "referenceId" not in failure_response("agent.get", None, "x")


def test_subscribe_response_carries_the_subscription_id_at_the_top() -> None:
    message = subscribe_response("8", "subscription-1", ["agent"])
    assert message["subscriptionId"] == "subscription-1" and message["referenceId"] == "8"
    assert "event" not in message


def test_event_and_frame_id_messages() -> None:
    assert event_message("agent", {"eventType": "STATE_CHANGED"}) == {
        "event": "agent",
        "data": {"eventType": "STATE_CHANGED"},
        **SERVER,
    }
    assert frame_id_message(3) == {"frameId": 3, **SERVER}


def test_no_response_carries_event() -> None:
    for message in (
        success_response("a.b", "1"),
        failure_response("a.b", "1", "x"),
        subscribe_response("1", "s", []),
        frame_id_message(1),
    ):
        assert "event" not in message
