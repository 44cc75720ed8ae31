"""Voice calls through the broker: every voice rule of lifecycle.py taken from each state it
allows and refused from every other, then whole calls (inbound, outbound, internal, RONA,
reject), recording, and the SIP endpoint under both of its names."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import (
    FIXED_NOW,
    FIXED_STAMP,
    MARK_DONE_OPERATIONS,
    TRANSFER_OPERATIONS,
    Bench,
    Route,
    by_call,
    by_request,
    check_rule_refused,
    check_rule_taken,
    rule_cases,
)
from wwe_scapi.clock import ManualClock
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.interactions import InteractionState
from wwe_scapi.workspace.lifecycle import rules

S = InteractionState
CASE_EVENTS = ("CASE_EXPANDED", "CASE_SELECTED")
TWO_PARTIES = {"parties": [{"name": "+15550100"}, {"name": "Sam Rivera"}]}

# Every voice rule that is neither a transfer (test_transfers) nor mark done (test_cases_markdone).
ROUTES: dict[tuple[str, str], Route] = {
    ("voice", "answer"): by_request("voice.answer", after=CASE_EVENTS),
    ("voice", "reject"): by_request("interaction.reject"),
    ("voice", "no answer"): by_call(lambda bench, i: bench.scenario.no_answer(i)),
    ("voice", "remote answer"): by_call(lambda bench, i: bench.scenario.remote_party_answers(i)),
    ("voice", "hold"): by_request("voice.hold"),
    ("voice", "resume"): by_request("voice.resume"),
    ("voice", "hang up"): by_request("voice.hangUp"),
    ("voice", "remote hang-up"): by_call(lambda bench, i: bench.scenario.remote_party_hangs_up(i)),
    ("voice", "record"): by_request("voice.startCallRecording"),
    ("voice", "party change"): by_call(lambda bench, i: bench.scenario.party_leaves(i, "Sam Rivera"), fields=TWO_PARTIES),
    ("voice", "error"): by_call(lambda bench, i: bench.scenario.interaction_error(i)),
    ("voice", "contact change"): by_call(lambda bench, i: bench.scenario.update_contact(i, displayName="J. Lee")),
    ("voice", "case id change"): by_call(lambda bench, i: bench.scenario.change_case_id(i), before=("CASE_ID_CHANGED",)),
}
ALLOWED, REFUSED = rule_cases(ROUTES)


def test_the_routes_cover_every_voice_rule_of_this_module() -> None:
    mine = {
        key for key in rules() if key[0] == "voice" and key[1] not in TRANSFER_OPERATIONS | MARK_DONE_OPERATIONS
    }
    assert set(ROUTES) == mine


@pytest.mark.parametrize("media, operation, state", ALLOWED)
def test_each_voice_rule_from_each_state_it_allows(media: str, operation: str, state: InteractionState) -> None:
    check_rule_taken(media, operation, state, ROUTES[(media, operation)])


@pytest.mark.parametrize("media, operation", REFUSED)
def test_each_voice_rule_is_refused_from_every_other_state(media: str, operation: str) -> None:
    check_rule_refused(media, operation, ROUTES[(media, operation)])


def test_the_brief_example_of_a_refusal() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    assert bench.error("voice.hold", "1") == "Cannot hold interaction '1': it is RINGING; hold needs TALKING."
    assert bench.error("voice.resume", "1") == "Cannot resume interaction '1': it is RINGING; resume needs HELD."


# -- whole calls ------------------------------------------------------------------------------


def test_an_inbound_call_from_ring_to_mark_done() -> None:
    bench = Bench(("interaction", "markdone"))
    call = bench.scenario.ring_inbound_call(ani="+15550100", dnis="5001", user_data={"Segment": "Gold"}, caller="Jordan Lee")
    ringing = bench.events()
    assert [m["data"]["eventType"] for m in ringing] == ["ADDED", "RINGING"]
    wire = ringing[1]["data"]["interaction"]
    assert (wire["interactionId"], wire["state"], wire["previousState"]) == ("1", "RINGING", "UNKNOWN")
    assert (wire["direction"], wire["callType"], wire["ani"], wire["dnis"]) == ("IN", "INBOUND", "+15550100", "5001")
    assert wire["recordingState"] == "STOPPED" and "ronaCallState" not in wire
    assert wire["contact"] == {"displayName": "Jordan Lee", "firstName": "Jordan", "lastName": "Lee"}
    assert wire["parties"] == [{"name": "+15550100"}] and wire["userData"] == {"Segment": "Gold"}
    assert wire["capabilities"] == ["ANSWER", "REJECT", "SET_USER_DATA"]
    assert (wire["isCaseSelected"], wire["isCaseExpanded"]) == (False, False)
    assert wire["startDate"] == FIXED_STAMP and wire["endDate"] is None
    assert len(wire["callUuid"]) == 32 and len(wire["connId"]) == 16

    steps = [
        ("voice.answer", ["ESTABLISHED", "CASE_EXPANDED", "CASE_SELECTED"], "TALKING", "RINGING", "STOPPED"),
        ("voice.hold", ["HELD"], "HELD", "TALKING", "STOPPED"),
        ("voice.resume", ["ESTABLISHED"], "TALKING", "HELD", "STOPPED"),
        ("voice.startCallRecording", ["CALL_RECORDING_STATE_CHANGED"], "TALKING", "HELD", "RECORDING"),
        ("voice.pauseCallRecording", ["CALL_RECORDING_STATE_CHANGED"], "TALKING", "HELD", "PAUSED"),
        ("voice.resumeCallRecording", ["CALL_RECORDING_STATE_CHANGED"], "TALKING", "HELD", "RECORDING"),
        ("voice.stopCallRecording", ["CALL_RECORDING_STATE_CHANGED"], "TALKING", "HELD", "STOPPED"),
        ("voice.hangUp", ["RELEASED"], "IDLE", "TALKING", "STOPPED"),
    ]
    for name, events, state, previous, recording in steps:
        assert bench.call(name, "1") is None
        got = bench.events()
        assert [m["data"]["eventType"] for m in got] == events, name
        wire = got[0]["data"]["interaction"]
        assert (wire["state"], wire["previousState"], wire["recordingState"]) == (state, previous, recording), name
    assert call.end_date == FIXED_STAMP and bench.wire("1")["capabilities"] == ["MARK_DONE"]
    assert bench.wire("1")["isCaseSelected"] is True
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["REMOVED", "markdone:DONE"]
    assert bench.call("interaction.getInteractions") == [] and bench.wire("1") is None


def test_capabilities_follow_the_call() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    assert bench.wire("1")["capabilities"] == [
        "CONSULT", "HANGUP", "HOLD", "RECORDING", "SET_USER_DATA", "SINGLE_STEP_CONFERENCE", "SINGLE_STEP_TRANSFER",
    ]
    bench.call("voice.hold", "1")
    assert bench.wire("1")["capabilities"] == [
        "CONSULT", "HANGUP", "RECORDING", "RESUME", "SET_USER_DATA", "SINGLE_STEP_TRANSFER",
    ]


def test_interaction_accept_answers_a_ringing_call() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.events()
    bench.call("interaction.accept", "1")
    assert bench.types() == ["ESTABLISHED", "CASE_EXPANDED", "CASE_SELECTED"]
    assert bench.wire("1")["state"] == "TALKING"


@pytest.mark.parametrize(
    "name, needs",
    [
        ("voice.startCallRecording", "STOPPED"),
        ("voice.pauseCallRecording", "RECORDING"),
        ("voice.resumeCallRecording", "PAUSED"),
        ("voice.stopCallRecording", "PAUSED or RECORDING"),
    ],
)
def test_each_recording_step_needs_its_recording_state(name: str, needs: str) -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    if name == "voice.startCallRecording":
        bench.call("voice.startCallRecording", "1")
        current = "RECORDING"
    else:
        current = "STOPPED"
    bench.events()
    operation = name.removeprefix("voice.").removesuffix("CallRecording")
    assert bench.error(name, "1") == (
        f"Cannot {operation} the recording of interaction '1': its recording is {current}; {operation} needs {needs}."
    )
    assert bench.events() == [] and bench.wire("1")["recordingState"] == current


def test_recording_works_on_hold_and_is_refused_before_the_call_is_established() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    assert bench.error("voice.startCallRecording", "1") == (
        "Cannot record interaction '1': it is RINGING; record needs HELD or TALKING."
    )
    bench.call("voice.answer", "1")
    bench.call("voice.hold", "1")
    bench.events()
    bench.call("voice.startCallRecording", "1")
    [event] = bench.events()
    assert event["data"]["interaction"]["state"] == "HELD" and event["data"]["interaction"]["recordingState"] == "RECORDING"


def test_reject_releases_and_removes_a_ringing_call() -> None:
    bench = Bench()
    call = bench.scenario.ring_inbound_call()
    bench.events()
    bench.call("interaction.reject", "1")
    released = bench.events()
    assert [m["data"]["eventType"] for m in released] == ["RELEASED", "REMOVED"]
    assert [(m["data"]["interaction"]["state"], m["data"]["interaction"]["previousState"]) for m in released] == [
        ("IDLE", "RINGING"),
        ("IDLE", "RINGING"),
    ]
    assert "ronaCallState" not in released[0]["data"]["interaction"] and call.end_date == FIXED_STAMP
    assert bench.wire("1") is None
    assert bench.error("interaction.reject", "1") == "Interaction '1' not found (current interactions: none)."


@pytest.mark.parametrize("rona", ["NO_ANSWER", "REDIRECTED"])
def test_rona_releases_with_its_rona_call_state(rona: str) -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.events()
    bench.scenario.no_answer("1", rona)
    released = bench.events()
    assert [m["data"]["eventType"] for m in released] == ["RELEASED", "REMOVED"]
    assert [m["data"]["interaction"]["ronaCallState"] for m in released] == [rona, rona]
    assert released[0]["data"]["interaction"]["state"] == "IDLE" and bench.wire("1") is None


def test_rona_refusals() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.scenario.deliver_chat()
    with pytest.raises(WorkspaceError) as bad_state:
        bench.scenario.no_answer("1", "LATER")
    assert bad_state.value.message == "ronaCallState must be one of NO_ANSWER, REDIRECTED, got 'LATER'."
    with pytest.raises(WorkspaceError) as on_chat:
        bench.scenario.no_answer("2")
    assert on_chat.value.message == "no_answer works on voice calls; interaction '2' is a chat interaction."
    bench.call("voice.answer", "1")
    with pytest.raises(WorkspaceError) as answered:
        bench.scenario.no_answer("1")
    assert answered.value.message == "Cannot no answer interaction '1': it is TALKING; no answer needs RINGING."
    assert "ronaCallState" not in bench.wire("1")


def test_an_outbound_dial_to_a_phone_number() -> None:
    bench = Bench()
    dialled = bench.call("voice.dial", "  +15550123 ", {"Source": "CRM"})
    assert (dialled["interactionId"], dialled["state"], dialled["previousState"]) == ("1", "DIALING", "UNKNOWN")
    assert (dialled["direction"], dialled["callType"], dialled["ani"], dialled["dnis"]) == (
        "OUT", "OUTBOUND", "5001", "+15550123",
    )
    assert dialled["parties"] == [{"name": "+15550123"}] and dialled["contact"] == {"displayName": "+15550123"}
    assert dialled["userData"] == {"Source": "CRM"} and dialled["isMainCaseInteraction"] is True
    assert dialled["isConsultation"] is False and dialled["parentInteractionId"] is None
    assert dialled["isCaseSelected"] is True and dialled["isCaseExpanded"] is True
    assert bench.types() == ["ADDED", "DIALING", "CASE_EXPANDED", "CASE_SELECTED"]
    bench.scenario.remote_party_answers("1")
    [established] = bench.events()
    assert established["data"]["eventType"] == "ESTABLISHED"
    assert (established["data"]["interaction"]["state"], established["data"]["interaction"]["previousState"]) == (
        "TALKING", "DIALING",
    )
    bench.scenario.remote_party_hangs_up("1")
    assert bench.types() == ["RELEASED"] and bench.wire("1")["state"] == "IDLE"


@pytest.mark.parametrize(
    "destination, call_type, party, contact",
    [
        ("5002", "INTERNAL", "Sam Rivera", {"displayName": "Sam Rivera", "firstName": "Sam", "lastName": "Rivera"}),
        ("5003", "INTERNAL", "Alex Chen", {"displayName": "Alex Chen", "firstName": "Alex", "lastName": "Chen"}),
        ("5004", "OUTBOUND", "5004", {"displayName": "5004"}),
    ],
)
def test_a_colleagues_number_makes_an_internal_call(destination: str, call_type: str, party: str, contact: dict[str, str]) -> None:
    bench = Bench()
    dialled = bench.call("voice.dial", destination)
    assert (dialled["callType"], dialled["parties"], dialled["contact"]) == (call_type, [{"name": party}], contact)
    assert dialled["userData"] == {}


def test_a_voice_interactions_uuid_is_its_call_uuid() -> None:
    bench = Bench()
    for wire in (bench.call("voice.dial", "+15550123"), bench.scenario.ring_inbound_call().to_wire()):
        assert wire["interactionUUID"] == wire["callUuid"] and len(wire["callUuid"]) == 32
    chat = bench.scenario.deliver_chat().to_wire()
    assert "callUuid" not in chat and chat["interactionUUID"]


def test_dial_ex_keeps_its_extensions_and_a_second_dial_changes_the_selected_case() -> None:
    bench = Bench()
    bench.call("voice.dial", "+15550123")
    bench.events()
    second = bench.call("voice.dialEx", "5002", {"K": "v"}, {"priority": "high"})
    assert second["interactionId"] == "2" and second["callType"] == "INTERNAL" and second["userData"] == {"K": "v"}
    assert bench.workspace.interactions.get("2").extensions == {"priority": "high"}
    case_events = [m["data"] for m in bench.events() if "interaction" not in m["data"]]
    assert case_events == [
        {"eventType": "CASE_COLLAPSED", "selectedCaseId": bench.workspace.interactions.get("1").case_id},
        {"eventType": "CASE_EXPANDED", "selectedCaseId": second["caseId"]},
        {"eventType": "CASE_SELECTED", "selectedCaseId": second["caseId"]},
    ]
    assert bench.wire("1")["isCaseSelected"] is False and bench.wire("2")["isCaseSelected"] is True


def test_dial_refusals() -> None:
    bench = Bench()
    assert bench.error("voice.dial", " ") == "voice.dial needs a destination: a phone number or a colleague's number."
    bench.workspace.set_media_state("voice", "Logout")
    assert bench.error("voice.dial", "5002") == "The agent's voice channel is logged out: set a voice state first."
    assert bench.error("voice.dialEx", "5002", None, {}) == (
        "The agent's voice channel is logged out: set a voice state first."
    )
    assert bench.events() == [] and bench.call("interaction.getInteractions") == []


def test_an_agent_without_voice_can_neither_dial_nor_use_a_sip_endpoint() -> None:
    bench = Bench(workspace=Workspace(clock=ManualClock(wall=FIXED_NOW.timestamp()), media={"chat": None}))
    assert bench.error("voice.dial", "+1555") == "This agent has no voice channel."
    assert bench.error("voice.isMicrophoneMute") == "This agent has no voice channel, hence no SIP endpoint."
    assert bench.error("sipEndpoint.muteSpeaker") == "This agent has no voice channel, hence no SIP endpoint."


@pytest.mark.parametrize("media, article", [("chat", "a"), ("email", "an")])
@pytest.mark.parametrize("name", ["voice.answer", "voice.hangUp", "voice.hold", "voice.resume", "voice.startCallRecording"])
def test_call_control_on_open_media_is_refused_by_media(name: str, media: str, article: str) -> None:
    bench = Bench()
    (bench.scenario.deliver_chat if media == "chat" else bench.scenario.deliver_email)()
    bench.events()
    hint = ": use interaction.accept" if name == "voice.answer" else ""
    assert bench.error(name, "1") == f"{name} works on voice calls; interaction '1' is {article} {media} interaction{hint}."
    assert bench.events() == [] and bench.wire("1")["state"] == "INVITED"


def test_voice_answer_on_a_chat_is_refused() -> None:
    bench = Bench()
    bench.scenario.deliver_chat()
    assert bench.error("voice.answer", "1") == (
        "voice.answer works on voice calls; interaction '1' is a chat interaction: use interaction.accept."
    )
    bench.call("interaction.accept", "1")
    assert bench.wire("1")["state"] == "ACCEPTED"


def test_a_party_leaving_a_call_that_it_is_not_on_is_named() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call(ani="+15550100")
    bench.call("voice.answer", "1")
    bench.events()
    with pytest.raises(WorkspaceError) as refusal:
        bench.scenario.party_leaves("1", "Nobody")
    assert refusal.value.message == "'Nobody' is not a party of interaction '1' (+15550100)."
    assert bench.events() == []


# -- the SIP endpoint ---------------------------------------------------------------------------

SIP = [("Microphone", "microphone_muted"), ("Speaker", "speaker_muted")]


@pytest.mark.parametrize("namespace", ["voice", "sipEndpoint"])
@pytest.mark.parametrize("device, flag", SIP)
def test_mute_and_unmute_under_both_names(namespace: str, device: str, flag: str) -> None:
    bench = Bench()
    sip = bench.workspace.voice.sip
    assert bench.call(f"{namespace}.is{device}Mute") is False
    assert bench.call(f"{namespace}.mute{device}") is None
    assert getattr(sip, flag) is True
    for reader in ("voice", "sipEndpoint"):
        assert bench.call(f"{reader}.is{device}Mute") is True
    other = "speaker_muted" if flag == "microphone_muted" else "microphone_muted"
    assert getattr(sip, other) is False
    assert bench.call(f"{namespace}.unmute{device}") is None
    assert bench.call(f"{namespace}.is{device}Mute") is False
    assert bench.events() == []


def test_muting_twice_stays_muted() -> None:
    bench = Bench()
    bench.call("voice.muteMicrophone")
    bench.call("sipEndpoint.muteMicrophone")
    assert bench.call("sipEndpoint.isMicrophoneMute") is True
    bench.call("voice.unmuteMicrophone")
    assert bench.call("voice.isMicrophoneMute") is False


def _events_of(bench: Bench) -> list[tuple[str, str, Any]]:
    return [(m["data"]["eventType"], m["data"]["interaction"]["state"], m["data"]["interaction"]["previousState"]) for m in bench.events()]


def test_error_contact_and_case_id_changes_on_a_call() -> None:
    bench = Bench()
    call = bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    bench.events()
    bench.scenario.interaction_error("1")
    assert _events_of(bench) == [("ERROR", "TALKING", "RINGING")]
    bench.scenario.update_contact("1", displayName="J. Lee", emailAddress="j@example.com")
    [changed] = bench.events()
    assert changed["data"]["eventType"] == "CONTACT_CHANGED"
    assert changed["data"]["interaction"]["contact"] == {
        "displayName": "J. Lee", "firstName": "Jordan", "lastName": "Lee", "emailAddress": "j@example.com",
    }
    previous = call.case_id
    new = bench.scenario.change_case_id("1")
    renamed = bench.events()
    assert renamed[0]["data"] == {"eventType": "CASE_ID_CHANGED", "caseId": new, "previousCaseId": previous}
    assert renamed[1]["data"]["eventType"] == "CASE_OR_BUNDLE_ID_CHANGED"
    assert renamed[1]["data"]["interaction"]["caseId"] == new != previous
    assert bench.workspace.desk.cases.selected == new and new in bench.workspace.desk.cases.expanded
    assert bench.wire("1")["isCaseSelected"] is True
