"""Interactions as far as attached data goes: ids from "1", null for unknown ids, live-only
writes, ATTACHED_DATA_CHANGED, and the write/read allow-lists end to end in the broker."""

from __future__ import annotations

from datetime import datetime, timezone

from unit_support import A, B, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.userdata import KeyAllowList
from wwe_scapi.service import Service
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.interactions import InteractionState

FIXED = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


def make(write: str | None = None, read: str | None = None) -> tuple[Service, Recorder]:
    policy = SecurityPolicy(
        OriginPolicy.parse(f"{A}, {B}"), readable=KeyAllowList.parse(read), writable=KeyAllowList.parse(write)
    )
    outbox = Recorder()
    service = Service(Workspace(clock=ManualClock(wall=FIXED.timestamp())), policy, outbox)
    return service, outbox


def test_inbound_call_is_announced_with_the_interaction_object() -> None:
    service, outbox = make()
    service.receive(1, A, {"event": "subscribe", "data": ["interaction"], "referenceId": "s"})
    call = service.workspace.scenario.ring_inbound_call(ani="+15550001", user_data={"Key1": "a"})
    events = [m["data"] for m in outbox.to(1) if m.get("event") == "interaction"]
    assert [e["eventType"] for e in events] == ["ADDED", "RINGING"]
    wire = events[1]["interaction"]
    assert wire["interactionId"] == "1" and call.interaction_id == "1"
    assert wire["media"] == "voice" and events[1]["media"] == "voice"
    assert wire["state"] == "RINGING" and wire["ani"] == "+15550001" and wire["callType"] == "INBOUND"
    assert wire["userData"] == {"Key1": "a"} and wire["startDate"] == "2026-11-24T09:30:00+00:00"
    assert service.workspace.scenario.ring_inbound_call().interaction_id == "2"


def test_get_by_interaction_id_answers_null_for_an_unknown_id() -> None:
    service, outbox = make()
    service.workspace.scenario.ring_inbound_call()
    service.receive(1, A, request("interaction.getByInteractionId", "9"))
    assert outbox.last(1)["data"] is None and "errorMessage" not in outbox.last(1)
    service.receive(1, A, request("interaction.getByInteractionId", 1))  # a number is read as "1"
    assert outbox.last(1)["data"]["interactionId"] == "1"
    service.receive(1, A, request("interaction.getInteractions"))
    assert [i["interactionId"] for i in outbox.last(1)["data"]] == ["1"]


def test_set_and_delete_user_data_emit_attached_data_changed() -> None:
    service, outbox = make()
    call = service.workspace.scenario.ring_inbound_call(user_data={"Old": 1})
    service.receive(2, B, {"event": "subscribe", "data": ["interaction"], "referenceId": "s"})
    service.receive(1, A, request("interaction.setUserData", "1", {"Old": 2, "New": "x"}))
    service.receive(1, A, request("interaction.deleteUserData", "1", "Old"))
    changes = [m["data"] for m in outbox.to(2) if m.get("event") == "interaction"]
    assert [c["eventType"] for c in changes] == ["ATTACHED_DATA_CHANGED"] * 2
    assert changes[0]["interaction"]["userData"] == {"Old": 2, "New": "x"}
    assert changes[1]["interaction"]["userData"] == {"New": "x"} == call.user_data


def test_user_data_refusals() -> None:
    service, outbox = make()
    call = service.workspace.scenario.ring_inbound_call()
    service.receive(1, A, request("interaction.setUserData", "7", {"K": 1}))
    assert outbox.last(1)["errorMessage"] == "Interaction '7' not found (current interactions: '1')."
    service.receive(1, A, request("interaction.deleteUserData", "1", "Missing"))
    assert outbox.last(1)["errorMessage"] == "Interaction '1' has no user data key 'Missing'."
    call.move_to(InteractionState.IDLE)
    service.receive(1, A, request("interaction.setUserData", "1", {"K": 1}))
    assert outbox.last(1)["errorMessage"] == "Interaction '1' is IDLE: its user data can no longer change."


def test_a_forbidden_key_changes_nothing_and_is_named() -> None:
    service, outbox = make(write="Key1,Key3")
    call = service.workspace.scenario.ring_inbound_call(user_data={"Key1": "a", "Key2": "b"})
    service.receive(1, A, request("interaction.setUserData", "1", {"Key1": "new", "Key2": "new"}))
    assert outbox.last(1)["errorMessage"] == (
        "Writing the user data key 'Key2' is not allowed "
        "(service-client-api.user-data.write-allowed); nothing was changed."
    )
    assert call.user_data == {"Key1": "a", "Key2": "b"}
    service.receive(1, A, request("interaction.deleteUserData", "1", "Key2"))
    assert "'Key2' is not allowed" in outbox.last(1)["errorMessage"] and "Key2" in call.user_data
    service.receive(1, A, request("interaction.setUserData", "1", {"Key1": "new", "Key3": "c"}))
    assert "errorMessage" not in outbox.last(1) and call.user_data == {"Key1": "new", "Key2": "b", "Key3": "c"}


def test_readers_see_only_readable_keys_everywhere() -> None:
    service, outbox = make(read="Key1,Key3")
    service.receive(2, B, {"event": "subscribe", "data": ["interaction"], "referenceId": "s"})
    service.workspace.scenario.ring_inbound_call(user_data={"Key1": "a", "Secret": "s"})
    service.receive(1, A, request("interaction.setUserData", "1", {"Key3": "c"}))
    service.receive(1, A, request("interaction.getInteractions"))
    shown = [m["data"]["interaction"]["userData"] for m in outbox.to(2) if m.get("event") == "interaction"]
    shown.append(outbox.last(1)["data"][0]["userData"])
    assert shown == [{"Key1": "a"}, {"Key1": "a"}, {"Key1": "a", "Key3": "c"}, {"Key1": "a", "Key3": "c"}]
    assert service.workspace.interactions.get("1").user_data["Secret"] == "s"  # hidden, not lost
