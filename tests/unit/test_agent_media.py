"""The agent and media namespaces over the broker, and the workspace's state rules."""

from __future__ import annotations

import pytest

from unit_support import A, Recorder, request
from wwe_scapi.service import Service
from wwe_scapi.workspace import StateType, Workspace, WorkspaceError
from wwe_scapi.workspace.states import DEFAULT_STATE_LIST


def reply(service: Service, outbox: Recorder, name: str, *parameters: object) -> dict:
    service.receive(1, A, request(name, *parameters))
    return outbox.replies(1)[-1]


def test_get_state_list_is_the_configured_list(service: Service, outbox: Recorder) -> None:
    states = reply(service, outbox, "agent.getStateList")["data"]
    assert [s["operationName"] for s in states] == [s.operation_name for s in DEFAULT_STATE_LIST]
    breaks = [s for s in states if s["operationName"] == "NotReadyBreak"]
    assert breaks == [{"type": "NOT_READY_ACTION_CODE", "displayName": "Not Ready - Break", "operationName": "NotReadyBreak", "reason": "Break", "reasonCode": "1511"}]


@pytest.mark.parametrize("choice, expected", [("Ready", "READY"), ("NotReady", "NOT_READY"), (5, "NOT_READY_AFTER_CALLWORK"), ("DoNotDisturb", "DND_ON"), ("Logout", "LOGOUT")])
def test_set_state_by_name_or_index(service: Service, outbox: Recorder, choice: object, expected: str) -> None:
    assert reply(service, outbox, "agent.setState", choice)["data"] is None
    assert reply(service, outbox, "agent.getState")["data"]["type"] == expected
    assert all(m["state"]["type"] == expected for m in reply(service, outbox, "media.getMediaList")["data"])


def test_set_state_refusals(service: Service, outbox: Recorder) -> None:
    assert reply(service, outbox, "agent.setState", "Dancing")["errorMessage"].startswith("Unknown agent state 'Dancing'. Known operation names: Ready, NotReady,")
    assert reply(service, outbox, "agent.setState", 99)["errorMessage"] == "Unknown agent state index 99: the state list has 8 entries."
    assert reply(service, outbox, "agent.setState", -1)["errorMessage"].startswith("Unknown agent state index -1")


def test_event_only_states_cannot_be_set() -> None:
    from wwe_scapi.workspace.states import AgentState

    workspace = Workspace(state_list=[*DEFAULT_STATE_LIST, AgentState(StateType.OUT_OF_SERVICE, "Out", "OutOfService")])
    with pytest.raises(WorkspaceError, match="OUT_OF_SERVICE can only be reported"):
        workspace.set_agent_state("OutOfService")


def test_state_changes_emit_agent_and_media_events_once() -> None:
    workspace = Workspace()
    seen = []
    workspace.subscribe(seen.append)
    workspace.set_agent_state("NotReadyLunch")
    assert [(e.topic, e.data.get("name")) for e in seen] == [("media", "voice"), ("media", "chat"), ("media", "email"), ("agent", None)]
    assert seen[-1].data == {"eventType": "STATE_CHANGED", "mediaState": "NOT_READY_ACTION_CODE", "reason": "Lunch", "reasonCode": "1512"}
    seen.clear()
    workspace.set_agent_state("NotReadyLunch")
    assert seen == []  # nothing changed, nothing said


def test_one_media_changing_makes_the_agent_partially_ready(service: Service, outbox: Recorder) -> None:
    reply(service, outbox, "media.setState", "chat", "Ready")
    assert reply(service, outbox, "agent.getState")["data"] == {"type": "PARTIAL_READY", "displayName": "Partially Ready", "operationName": ""}
    assert reply(service, outbox, "media.getMediaByName", "chat")["data"]["state"]["type"] == "READY"
    assert reply(service, outbox, "media.getMediaByName", "voice")["data"]["state"]["type"] == "NOT_READY"


def test_media_list_and_voice_device(service: Service, outbox: Recorder) -> None:
    media = reply(service, outbox, "media.getMediaList")["data"]
    assert [m["name"] for m in media] == ["voice", "chat", "email"]
    assert [m["media"] for m in media] == ["voice", "chat", "email"]
    assert media[0]["device"] == {"number": "5001", "dynamicPhoneNumber": None}
    assert "device" not in media[1]


def test_unknown_media(service: Service, outbox: Recorder) -> None:
    assert reply(service, outbox, "media.getMediaByName", "fax")["errorMessage"] == "Unknown media 'fax'. This agent has: voice, chat, email."
    assert reply(service, outbox, "media.setState", "fax", "Ready")["errorMessage"].startswith("Unknown media 'fax'")
