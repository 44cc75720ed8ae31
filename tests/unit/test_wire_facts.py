"""Facts of the wire that docs/protocol.md states: subscription ids, the subscribe response,
frames known by their window, events before replies, the client's routing of falsy reference
ids and its default timeout, and the requests that are known but not served yet."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import A, B, Recorder, RecordingTransport, request
from wwe_scapi.client import RequestTimeout, ServiceClient
from wwe_scapi.clock import ManualClock
from wwe_scapi.service.handlers.auth import NO_CLOUD_TOKEN
from wwe_scapi.protocol.catalogue import CATALOGUE
from wwe_scapi.service import Service
from wwe_scapi.service.admission import check_parameters

SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}


def subscribe(service: Service, key: int, origin: str, data: object, reference: str = "s", **extra: Any) -> None:
    service.receive(key, origin, {"event": "subscribe", "data": data, "referenceId": reference, **extra})


def events(outbox: Recorder, key: int) -> list[dict[str, Any]]:
    return [m for m in outbox.to(key) if "event" in m]


# -- subscriptions -------------------------------------------------------------------------------


def test_subscription_ids_are_unique_within_the_service_across_frames(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"], "1")
    subscribe(service, 2, B, ["agent"], "2")
    subscribe(service, 1, A, ["agent"], "3")  # the same frame a second time
    ids = [m["subscriptionId"] for m in outbox.replies(1) + outbox.replies(2)]
    assert sorted(ids) == ["subscription-1", "subscription-2", "subscription-3"]


def test_another_frames_subscription_id_cannot_be_unsubscribed_and_keeps_working(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"], "1")
    subscribe(service, 2, B, ["agent"], "2")
    service.receive(2, B, {"event": "unsubscribe", "data": "subscription-1", "referenceId": "3"})
    assert outbox.last(2) == {
        "request": "unsubscribe",
        "referenceId": "3",
        "errorMessage": "Unknown subscription id 'subscription-1' for this frame.",
        **SERVER,
    }
    service.workspace.set_agent_state("Ready")
    assert [e["data"]["eventType"] for e in events(outbox, 1)] == ["STATE_CHANGED"]
    assert [e["data"]["eventType"] for e in events(outbox, 2)] == ["STATE_CHANGED"]


def test_a_successful_subscribe_response_names_the_request_and_has_the_id_at_the_top(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent", "messenger:notes"], "8")
    assert outbox.last(1) == {
        "request": "subscribe",
        "referenceId": "8",
        "subscriptionId": "subscription-1",
        "data": ["agent", "messenger:notes"],
        **SERVER,
    }


# -- frames are known by their window ------------------------------------------------------------


def test_a_forged_frame_id_is_answered_to_the_senders_own_window(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("agent.get", reference="a"))
    before = len(outbox.to(1))
    service.receive(2, B, {**request("agent.getState", reference="b"), "frameId": 1})
    assert outbox.to(2) == [
        {"frameId": 2, **SERVER},
        {"request": "agent.getState", "referenceId": "b", "data": {"type": "NOT_READY", "displayName": "Not Ready", "operationName": "NotReady"}, **SERVER},
    ]
    assert len(outbox.to(1)) == before


def test_events_subscribed_with_a_forged_frame_id_go_to_the_sender(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("agent.get", reference="a"))
    subscribe(service, 2, B, ["agent"], "s", frameId=1)
    assert outbox.last(2)["subscriptionId"] == "subscription-1"
    service.workspace.set_agent_state("Ready")
    assert events(outbox, 2) == [{"event": "agent", "data": {"eventType": "STATE_CHANGED", "mediaState": "READY"}, **SERVER}]
    assert events(outbox, 1) == []


# -- events a request causes go out before its reply ---------------------------------------------


def test_set_user_data_sends_attached_data_changed_before_the_reply(service: Service, outbox: Recorder) -> None:
    service.workspace.scenario.ring_inbound_call()
    subscribe(service, 2, B, ["interaction"])
    service.receive(1, A, request("agent.get"))
    start = len(outbox.sent)
    service.receive(1, A, request("interaction.setUserData", "1", {"K": "v"}, reference="u"))
    sent = outbox.sent[start:]
    assert [key for key, _ in sent] == [2, 1]
    assert sent[0][1]["event"] == "interaction" and sent[0][1]["data"]["eventType"] == "ATTACHED_DATA_CHANGED"
    assert sent[1][1] == {"request": "interaction.setUserData", "referenceId": "u", "data": None, **SERVER}


def test_agent_set_state_sends_the_event_to_its_own_subscribed_frame_before_the_reply(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"])
    start = len(outbox.to(1))
    service.receive(1, A, request("agent.setState", "Ready", reference="1"))
    assert outbox.to(1)[start:] == [
        {"event": "agent", "data": {"eventType": "STATE_CHANGED", "mediaState": "READY"}, **SERVER},
        {"request": "agent.setState", "referenceId": "1", "data": None, **SERVER},
    ]


# -- the client's routing and timeout ------------------------------------------------------------


async def test_the_client_takes_a_message_with_a_truthy_event_as_an_event_even_with_a_reference_id() -> None:
    client = ServiceClient(RecordingTransport())
    seen: list[dict[str, Any]] = []
    subscribing = client.subscribe("agent", seen.append)
    client.receive({"request": "subscribe", "referenceId": "py0", "subscriptionId": "subscription-1", "data": ["agent"], **SERVER})
    await subscribing
    pending = client.agent.get()
    event = {"event": "agent", "referenceId": "py1", "data": {"eventType": "STATE_CHANGED"}, **SERVER}
    client.receive(event)
    assert seen == [event]
    assert not pending.done() and client.core.pending_count == 1
    client.receive({"request": "agent.get", "referenceId": "py1", "data": {"username": "x"}, **SERVER})
    assert await pending == {"username": "x"}


@pytest.mark.parametrize("reference", ["", 0, None], ids=["empty-string", "zero", "missing"])
async def test_a_response_with_a_falsy_or_missing_reference_id_settles_nothing(reference: Any) -> None:
    client = ServiceClient(RecordingTransport(), reference_prefix="")  # references "0", "1"... as the vendor's
    pending = client.agent.get()
    assert client.core.transport.posted[-1]["referenceId"] == "0"
    response: dict[str, Any] = {"request": "agent.get", "data": {"username": "x"}, **SERVER}
    if reference is not None:
        response["referenceId"] = reference
    client.receive(response)
    assert not pending.done() and client.core.pending_count == 1 and client.frame_id is None
    client.receive({**response, "referenceId": "0"})
    assert await pending == {"username": "x"}


async def test_the_client_default_timeout_is_ten_seconds() -> None:
    clock = ManualClock()
    client = ServiceClient(RecordingTransport(), clock=clock)
    assert client.timeout == 10.0
    future = client.agent.get()
    clock.advance(9.9)
    assert not future.done() and client.core.pending_count == 1
    clock.advance(0.1)
    with pytest.raises(RequestTimeout) as error:
        await future
    assert error.value.error_message == "Request timeout"
    assert client.core.pending_count == 0


# -- a known request this desktop refuses ----------------------------------------------------


@pytest.mark.parametrize("parameters", [[], [True]], ids=["no-parameter", "force-new-token"])
def test_get_pure_cloud_token_is_answered_with_a_clear_failure(service: Service, outbox: Recorder, parameters: list[Any]) -> None:
    service.receive(1, A, request("auth.getPureCloudToken", *parameters, reference="p"))
    assert outbox.last(1) == {
        "request": "auth.getPureCloudToken",
        "referenceId": "p",
        "errorMessage": NO_CLOUD_TOKEN,
        **SERVER,
    }


@pytest.mark.parametrize("name", ["outbound.rejectPreviewRecord", "outbound.cancelPreviewRecord"])
def test_preview_record_reject_and_cancel_take_the_vendors_interaction_id_or_nothing(
    service: Service, outbox: Recorder, name: str
) -> None:
    assert check_parameters(CATALOGUE[name], ["1"]) == ["1"]  # the table takes the vendor's [interactionId]
    assert check_parameters(CATALOGUE[name], [7]) == ["7"]
    assert check_parameters(CATALOGUE[name], []) == [None]  # the reference's form: the current record
    service.receive(1, A, request(name, {}, reference="o"))
    assert "interactionId" in outbox.last(1)["errorMessage"]  # an object is not an id
