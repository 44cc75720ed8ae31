"""The simulated contact centre through the broker: whole voice, chat and email flows, cases,
transfers and their targets, mark done and its blocks, contextual options, parameters."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from unit_support import A, B, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.protocol.catalogue import CATALOGUE, ParamKind, RequestSpec
from wwe_scapi.security import OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.userdata import KeyAllowList
from wwe_scapi.service import Service
from wwe_scapi.workspace import Workspace, WorkspaceError

FIXED = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


class Desk:
    """A service with frame 1 (origin A) subscribed to interaction and markdone events."""

    def __init__(self, write: str | None = None, read: str | None = None) -> None:
        policy = SecurityPolicy(
            OriginPolicy.parse(f"{A}, {B}"), readable=KeyAllowList.parse(read), writable=KeyAllowList.parse(write)
        )
        self.outbox = Recorder()
        self.service = Service(Workspace(clock=ManualClock(wall=FIXED.timestamp())), policy, self.outbox)
        self.scenario = self.service.workspace.scenario
        self.service.receive(1, A, {"event": "subscribe", "data": ["interaction", "markdone"], "referenceId": "s"})
        self._seen = len(self.outbox.to(1))

    def call(self, name: str, *parameters: Any, frame: int = 1, origin: str = A) -> Any:
        """The request's data; a failure raises AssertionError with its message."""
        self.service.receive(frame, origin, request(name, *parameters))
        reply = self.outbox.last(frame)
        if "errorMessage" in reply:
            raise AssertionError(reply["errorMessage"])
        return reply["data"]

    def error(self, name: str, *parameters: Any, frame: int = 1, origin: str = A) -> str:
        self.service.receive(frame, origin, request(name, *parameters))
        return str(self.outbox.last(frame)["errorMessage"])

    def events(self) -> list[dict[str, Any]]:
        """Events frame 1 got since the last look."""
        messages = self.outbox.to(1)[self._seen :]
        self._seen = len(self.outbox.to(1))
        return [m for m in messages if "event" in m]

    def types(self) -> list[str]:
        return [
            m["data"]["eventType"] if m["event"] == "interaction" else f"{m['event']}:{m['data']['eventType']}"
            for m in self.events()
        ]

    def state(self, interaction_id: str) -> str | None:
        found = self.call("interaction.getByInteractionId", interaction_id)
        return None if found is None else found["state"]


# -- voice ------------------------------------------------------------------------------------


def test_an_inbound_call_through_every_voice_request() -> None:
    desk = Desk()
    call = desk.scenario.ring_inbound_call(ani="+15550100", dnis="5001", user_data={"Segment": "Gold"})
    assert desk.types() == ["ADDED", "RINGING"]
    assert call.to_wire()["callType"] == "INBOUND" and call.to_wire()["direction"] == "IN"
    desk.call("voice.answer", "1")
    assert desk.types() == ["ESTABLISHED", "CASE_EXPANDED", "CASE_SELECTED"]
    desk.call("voice.hold", "1")
    desk.call("voice.resume", "1")
    assert desk.types() == ["HELD", "ESTABLISHED"]
    recording = []
    for operation in ("start", "pause", "resume", "stop", "start"):
        desk.call(f"voice.{operation}CallRecording", "1")
        recording.append(desk.events()[0]["data"]["interaction"]["recordingState"])
    assert recording == ["RECORDING", "PAUSED", "RECORDING", "STOPPED", "RECORDING"]
    assert desk.error("voice.resumeCallRecording", "1") == (
        "Cannot resume the recording of interaction '1': its recording is RECORDING; resume needs PAUSED."
    )
    desk.call("voice.hangUp", "1")
    released = desk.events()
    assert [m["data"]["eventType"] for m in released] == ["RELEASED"]
    assert released[0]["data"]["interaction"]["state"] == "IDLE"
    assert released[0]["data"]["interaction"]["endDate"] == "2026-11-24T09:30:00+00:00"
    assert desk.error("voice.startCallRecording", "1").startswith("Cannot record interaction '1': it is IDLE")
    desk.call("interaction.markdone", "1")
    assert desk.types() == ["REMOVED", "markdone:DONE"]
    assert desk.call("interaction.getInteractions") == []


def test_interaction_accept_answers_a_call_and_voice_answer_refuses_a_chat() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.scenario.deliver_chat()
    desk.call("interaction.accept", "1")
    assert desk.state("1") == "TALKING"
    assert desk.error("voice.answer", "2") == (
        "voice.answer works on voice calls; interaction '2' is a chat interaction: use interaction.accept."
    )
    assert desk.error("voice.hold", "2").startswith("voice.hold works on voice calls")


def test_reject_and_rona_remove_the_ringing_call() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.events()
    desk.call("interaction.reject", "1")
    assert desk.types() == ["RELEASED", "REMOVED"] and desk.state("1") is None
    desk.scenario.ring_inbound_call()
    desk.events()
    desk.scenario.no_answer("2", "REDIRECTED")
    released = desk.events()
    assert [m["data"]["eventType"] for m in released] == ["RELEASED", "REMOVED"]
    assert released[0]["data"]["interaction"]["ronaCallState"] == "REDIRECTED"
    with pytest.raises(WorkspaceError, match="ronaCallState must be one of NO_ANSWER, REDIRECTED"):
        desk.scenario.no_answer("2", "LATER")


def test_outbound_and_internal_dials_and_the_remote_party() -> None:
    desk = Desk()
    outbound = desk.call("voice.dial", "+15550123", {"Source": "CRM"})
    assert (outbound["callType"], outbound["direction"], outbound["ani"], outbound["dnis"]) == (
        "OUTBOUND",
        "OUT",
        "5001",
        "+15550123",
    )
    assert desk.types() == ["ADDED", "DIALING", "CASE_EXPANDED", "CASE_SELECTED"]
    desk.scenario.remote_party_answers("1")
    assert desk.types() == ["ESTABLISHED"]
    desk.scenario.remote_party_hangs_up("1")
    assert desk.types() == ["RELEASED"]
    internal = desk.call("voice.dialEx", "5002", None, {"priority": "high"})
    assert internal["callType"] == "INTERNAL" and internal["parties"] == [{"name": "Sam Rivera"}]
    assert desk.service.workspace.interactions.get("2").extensions == {"priority": "high"}
    assert desk.types() == ["ADDED", "DIALING", "CASE_COLLAPSED", "CASE_EXPANDED", "CASE_SELECTED"]
    assert desk.error("voice.dial", "  ") == "voice.dial needs a destination: a phone number or a colleague's number."
    desk.service.workspace.set_agent_state("Logout")
    assert desk.error("voice.dial", "5002") == "The agent's voice channel is logged out: set a voice state first."


def test_sip_endpoint_under_both_names() -> None:
    desk = Desk()
    assert desk.call("voice.isMicrophoneMute") is False
    assert desk.call("sipEndpoint.muteMicrophone") is None
    assert desk.call("voice.isMicrophoneMute") is True and desk.call("sipEndpoint.isMicrophoneMute") is True
    desk.call("voice.unmuteMicrophone")
    desk.call("sipEndpoint.muteSpeaker")
    assert desk.call("voice.isSpeakerMute") is True and desk.call("voice.isMicrophoneMute") is False
    desk.call("sipEndpoint.unmuteSpeaker")
    assert desk.call("sipEndpoint.isSpeakerMute") is False


# -- consultations, transfers, conferences ---------------------------------------------------


def test_consult_then_complete_transfer() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call(user_data={"Segment": "Gold"})
    desk.call("voice.answer", "1")
    desk.events()
    consultation = desk.call("interaction.consult", "1", {"target": "AGENT", "destination": "5002"}, {"Note": "VIP"}, {})
    assert desk.types() == ["HELD", "ADDED", "DIALING"]
    main = desk.call("interaction.getByInteractionId", "1")
    assert consultation["isConsultation"] is True and consultation["parentInteractionId"] == "1"
    assert consultation["caseId"] == main["caseId"] and consultation["isMainCaseInteraction"] is False
    assert consultation["callType"] == "CONSULT" and consultation["dnis"] == "5002"
    assert consultation["userData"] == {"Segment": "Gold", "Note": "VIP"}
    assert "COMPLETE_TRANSFER" in consultation["capabilities"]
    assert desk.error("interaction.consult", "1", "+15550199").startswith(
        "Interaction '1' already has a consultation in progress: '2'"
    )
    desk.call("interaction.completeTransfer", "2")
    released = desk.events()
    assert [(m["data"]["interaction"]["interactionId"], m["data"]["eventType"]) for m in released] == [
        ("1", "RELEASED"),
        ("2", "RELEASED"),
    ]
    assert released[0]["data"]["interaction"]["parties"][-1] == {"name": "Sam Rivera"}
    desk.call("interaction.markdone", "1")  # the finished consultation goes with it
    assert desk.types() == ["REMOVED", "REMOVED", "markdone:DONE"]


def test_consult_then_complete_conference_needs_the_party_to_answer() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    desk.call("interaction.consult", "1", "+15550199", None, None)
    desk.events()
    assert desk.error("interaction.completeConference", "2") == (
        "Cannot complete conference interaction '2': it is DIALING; complete conference needs TALKING."
    )
    assert desk.error("interaction.markdone", "1") == "Cannot mark done interaction '1': it is a live call (HELD); hang it up first."
    desk.scenario.remote_party_answers("2")
    desk.call("interaction.completeConference", "2")
    assert desk.types() == ["ESTABLISHED", "RELEASED", "PARTY_CHANGED"]
    main = desk.call("interaction.getByInteractionId", "1")
    assert main["state"] == "TALKING" and main["parties"] == [{"name": "+15551230000"}, {"name": "+15550199"}]
    desk.scenario.party_leaves("1", "+15550199")
    assert desk.types() == ["PARTY_CHANGED"]
    assert desk.error("interaction.completeTransfer", "1") == "interaction.completeTransfer: interaction '1' is not a consultation."


def test_a_chat_is_consulted_by_voice_and_transferred_in_one_step() -> None:
    desk = Desk()
    desk.scenario.deliver_chat()
    desk.call("interaction.accept", "1")
    consultation = desk.call("interaction.consult", "1", {"type": "AGENT", "destination": "5002", "media": "voice"})
    assert consultation["media"] == "voice" and consultation["parentInteractionId"] == "1"
    assert desk.state("1") == "ACCEPTED"  # a chat is not put on hold
    desk.events()
    assert desk.error("interaction.singleStepTransfer", "1", "+15550100") == (
        "A chat interaction cannot go to a CUSTOM_CONTACT target; use one of AGENT, AGENT_GROUP, INTERACTION_QUEUE, SKILL."
    )
    desk.call("interaction.singleStepTransfer", "1", {"type": "SKILL", "destination": "Billing"}, {"Reason": "billing"}, {"x": 1})
    assert desk.types() == ["ATTACHED_DATA_CHANGED", "TRANSFER_COMPLETED"]
    assert desk.state("1") == "TRANSFER_COMPLETED"


def test_single_step_on_voice() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    desk.events()
    desk.call("interaction.singleStepConference", "1", {"type": "AGENT_GROUP", "destination": "Billing"}, None, {"k": "v"})
    assert desk.types() == ["PARTY_CHANGED"]
    desk.call("interaction.singleStepTransfer", "1", {"type": "ROUTING_POINT", "destination": "7001"})
    assert desk.types() == ["RELEASED"] and desk.state("1") == "IDLE"


@pytest.mark.parametrize(
    "query, message",
    [
        ({"type": "AGENT", "destination": "9999"}, "Unknown agent '9999' in targetQuery. Known employeeIds: 5002 (Sam Rivera), 5003 (Alex Chen)."),
        ({"type": "SKILL", "destination": "French"}, "Unknown SKILL 'French' in targetQuery. Known: English, Spanish, Billing."),
        ({"type": "AGENT_GROUP", "destination": "Sales"}, "Unknown AGENT_GROUP 'Sales' in targetQuery. Known: Billing, Support Tier 2."),
        ({"type": "INTERACTION_QUEUE", "destination": "Nowhere"}, "Unknown INTERACTION_QUEUE 'Nowhere' in targetQuery."),
        ({"type": "ROUTING_POINT", "destination": "9"}, "Unknown ROUTING_POINT '9' in targetQuery. Known: 7001, 7002."),
        ({"type": "AGNT", "destination": "5002"}, "Unknown targetQuery type 'AGNT': one of AGENT, AGENT_GROUP, SKILL"),
        ({"destination": "5002"}, "targetQuery needs a type (or target)"),
        ({"type": "AGENT", "target": "SKILL", "destination": "5002"}, "targetQuery has type 'AGENT' and target 'SKILL': give one."),
        ({"type": "AGENT"}, "targetQuery needs a destination: a non-empty string."),
        ("", "targetQuery needs a destination: a non-empty string."),
    ],
)
def test_target_queries_are_checked(query: Any, message: str) -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    assert desk.error("interaction.singleStepTransfer", "1", query).startswith(message)
    assert desk.state("1") == "TALKING"


def test_consult_media_must_be_one_of_the_agents() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    assert desk.error("interaction.consult", "1", {"type": "AGENT", "destination": "5002", "media": "fax"}) == (
        "targetQuery.media 'fax' is not a media of this agent (voice, chat, email)."
    )


# -- chat and email ---------------------------------------------------------------------------


def test_a_chat_session() -> None:
    desk = Desk()
    desk.scenario.deliver_chat(customer="Robin Park")
    assert desk.types() == ["ADDED", "INVITED"]
    desk.call("interaction.accept", "1")
    assert desk.types() == ["JOIN_PENDING", "ACCEPTED", "CASE_EXPANDED", "CASE_SELECTED"]
    desk.scenario.customer_is_typing("1")
    desk.scenario.customer_sends_message("1", "Order 1042")
    desk.service.workspace.open_media.send_chat_message("1", "Let me check.")
    desk.service.workspace.open_media.insert_standard_response("1", "Thanks for waiting.")
    assert desk.types() == ["COMPOSING", "NEW_MESSAGE", "NEW_MESSAGE", "INSERT_STANDARD_RESPONSE"]
    assert desk.service.workspace.interactions.get("1").transcript[-3:] == [
        ("customer", "Order 1042"),
        ("agent", "Let me check."),
        ("standard response", "Thanks for waiting."),
    ]
    desk.call("interaction.markdone", "1")  # Done on an active chat ends it first
    assert desk.types() == ["ENDED", "COMPLETED", "REMOVED", "markdone:DONE"]


def test_chat_endings_join_failure_conference_cancel_and_revoke() -> None:
    desk = Desk()
    desk.scenario.deliver_chat(join_fails=True)
    desk.call("interaction.accept", "1")
    assert desk.types()[:4] == ["ADDED", "INVITED", "JOIN_PENDING", "JOIN_FAILED"]
    desk.call("interaction.markdone", "1")
    assert desk.types() == ["COMPLETED", "REMOVED", "markdone:DONE"]
    desk.scenario.deliver_chat(conference_from="Sam Rivera")
    assert desk.types() == ["ADDED", "INVITED_CONFERENCE"]
    desk.call("interaction.accept", "2")
    desk.events()
    desk.call("interaction.markdone", "2")  # the agent leaves; the chat goes on
    assert desk.types() == ["LEFT_CONFERENCE", "REMOVED", "markdone:DONE"]
    desk.scenario.deliver_chat()
    desk.scenario.accepted_elsewhere("3")
    assert desk.types() == ["ADDED", "INVITED", "CANCELED", "REMOVED"]
    desk.scenario.deliver_chat()
    desk.scenario.revoke("4")
    assert desk.types() == ["ADDED", "INVITED", "REVOKED", "REMOVED"]
    desk.scenario.deliver_chat()
    desk.call("interaction.reject", "5")
    assert desk.types() == ["ADDED", "INVITED", "REMOVED"]
    desk.scenario.deliver_chat()
    desk.call("interaction.accept", "6")
    desk.scenario.customer_leaves_chat("6")
    assert desk.types()[-1] == "ENDED" and desk.state("6") == "IDLE"
    assert desk.error("interaction.setUserData", "6", {"k": 1}) == "Interaction '6' is IDLE: its user data can no longer change."


def test_inbound_email_reply_and_outbound_email() -> None:
    desk = Desk()
    desk.scenario.deliver_email(user_data={"Topic": "Invoice"})
    assert desk.types() == ["ADDED", "INVITED"]
    assert desk.error("interaction.markdone", "1") == (
        "Cannot mark done interaction '1': it is INVITED; mark done needs ACCEPTED or ERROR or PULLED or TRANSFER_COMPLETED."
    )
    desk.call("interaction.accept", "1")
    reply = desk.service.workspace.open_media.reply("1")
    assert reply.parent_interaction_id == "1" and not reply.is_main_case_interaction
    assert desk.types()[-2:] == ["ADDED", "CREATED"]
    desk.service.workspace.open_media.send(reply.interaction_id)
    assert desk.types() == ["SENT", "REMOVED"]
    created = desk.call("email.create", "robin@example.com", {"Campaign": "Renewals"})
    assert created["state"] == "CREATED" and created["isMainCaseInteraction"] is True
    desk.events()
    desk.service.workspace.open_media.cancel(created["interactionId"])
    assert desk.types() == ["CANCELLED", "REMOVED"]
    assert desk.error("email.create", "robin") == "email.create needs an email address as destination, got 'robin'."
    desk.call("interaction.markdone", "1")
    assert desk.types() == ["COMPLETED", "REMOVED", "markdone:DONE"]


def test_workbins_queues_and_pulls() -> None:
    desk = Desk()
    open_media = desk.service.workspace.open_media
    desk.scenario.deliver_email()
    desk.call("interaction.accept", "1")
    desk.events()
    assert open_media.move_to_workbin("1", "Nowhere") is False
    assert desk.types() == ["IN_WORKBIN_FAILED"]
    assert open_media.place_in_queue("1", "Nowhere") is False
    assert desk.types() == ["IN_QUEUE_FAILED"]
    assert open_media.move_to_workbin("1", "Personal Workbin") is True
    assert desk.types() == ["IN_WORKBIN", "REMOVED"]
    desk.scenario.pull_from_workbin("Personal Workbin")
    assert desk.types() == ["ADDED", "PULLED"]
    assert open_media.place_in_queue("2", "Email Inbound") is True
    assert desk.types() == ["REMOVED"]
    failed = desk.scenario.pull_from_workbin("Missing")
    assert desk.types() == ["PULL_WORKBIN_FAILED"] and desk.state(failed.interaction_id) is None
    desk.scenario.pull_from_queue("Missing")
    assert desk.types() == ["PULL_FAILED"]
    desk.scenario.pull_from_queue("Email Inbound")
    assert desk.types() == ["ADDED", "PULLED"]


def test_error_contact_and_case_id_changes() -> None:
    desk = Desk()
    desk.scenario.deliver_email()
    desk.scenario.interaction_error("1")
    assert desk.types()[-1] == "ERROR" and desk.state("1") == "ERROR"
    desk.scenario.update_contact("1", displayName="Casey M.", lastName="M.")
    changed = desk.events()
    assert [m["data"]["eventType"] for m in changed] == ["CONTACT_CHANGED"]
    assert changed[0]["data"]["interaction"]["contact"]["displayName"] == "Casey M."
    previous = desk.call("interaction.getByInteractionId", "1")["caseId"]
    new_case = desk.scenario.change_case_id("1")
    renamed = desk.events()
    assert renamed[0]["data"] == {"eventType": "CASE_ID_CHANGED", "caseId": new_case, "previousCaseId": previous}
    assert renamed[1]["data"]["eventType"] == "CASE_OR_BUNDLE_ID_CHANGED"
    assert renamed[1]["data"]["interaction"]["caseId"] == new_case
    # The desktop writes the new case id into the attached data too (reference, multi-tab section).
    assert renamed[1]["data"]["interaction"]["userData"]["IW_CaseUid"] == new_case


# -- cases ------------------------------------------------------------------------------------


def test_select_case_collapses_the_previous_one() -> None:
    desk = Desk()
    first = desk.scenario.ring_inbound_call()
    second = desk.scenario.deliver_chat()
    desk.events()
    desk.call("interaction.selectCaseByCaseId", first.case_id)
    assert [m["data"] for m in desk.events()] == [
        {"eventType": "CASE_EXPANDED", "selectedCaseId": first.case_id},
        {"eventType": "CASE_SELECTED", "selectedCaseId": first.case_id},
    ]
    desk.call("interaction.selectCaseByCaseId", second.case_id)
    assert [m["data"] for m in desk.events()] == [
        {"eventType": "CASE_COLLAPSED", "selectedCaseId": first.case_id},
        {"eventType": "CASE_EXPANDED", "selectedCaseId": second.case_id},
        {"eventType": "CASE_SELECTED", "selectedCaseId": second.case_id},
    ]
    listed = {i["interactionId"]: i for i in desk.call("interaction.getInteractions")}
    assert (listed["1"]["isCaseSelected"], listed["1"]["isCaseExpanded"]) == (False, False)
    assert (listed["2"]["isCaseSelected"], listed["2"]["isCaseExpanded"]) == (True, True)
    desk.call("interaction.selectCaseByCaseId", second.case_id)
    assert desk.types() == ["CASE_SELECTED"]
    assert desk.error("interaction.selectCaseByCaseId", "nope").startswith("Unknown case 'nope'. Current cases: ")


# -- mark done --------------------------------------------------------------------------------


def test_mark_done_blocks_belong_to_their_origin() -> None:
    desk = Desk()
    desk.service.receive(2, B, {"event": "subscribe", "data": ["markdone"], "referenceId": "s"})
    desk.scenario.deliver_chat()
    desk.call("interaction.accept", "1")
    desk.events()
    desk.call("interaction.blockMarkdone", "1", "Choose a disposition.")
    desk.call("interaction.blockMarkdone", "1", None, frame=2, origin=B)
    blocked = desk.events()
    assert [m["data"]["eventType"] for m in blocked] == ["BLOCKED", "BLOCKED"]
    assert blocked[1]["data"] == {
        "eventType": "BLOCKED",
        "interactionId": "1",
        "media": "chat",
        "blocked": True,
        "warningMessages": ["Choose a disposition.", "Mark done is blocked by an application."],
    }
    assert desk.error("interaction.markdone", "1") == (
        "Mark done is blocked on interaction '1': Choose a disposition. Mark done is blocked by an application."
    )
    assert desk.types() == ["markdone:REFUSED"] and desk.state("1") == "ACCEPTED"
    desk.call("interaction.unblockMarkdone", "1")
    assert desk.error("interaction.unblockMarkdone", "1") == (
        f"Interaction '1' has no mark done block from {A} (blocked by: {B})."
    )
    assert desk.error("interaction.markdone", "1").endswith("Mark done is blocked by an application.")
    desk.call("interaction.unblockMarkdone", "1", frame=2, origin=B)
    desk.events()
    desk.call("interaction.markdone", "1")
    assert desk.types() == ["ENDED", "COMPLETED", "REMOVED", "markdone:DONE"]
    markdone_to_b = [m["data"]["eventType"] for m in desk.outbox.to(2) if m.get("event") == "markdone"]
    assert markdone_to_b == ["BLOCKED", "BLOCKED", "REFUSED", "UNBLOCKED", "REFUSED", "UNBLOCKED", "DONE"]


def test_mark_done_waits_for_a_live_consultation() -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    desk.call("interaction.consult", "1", "+15550199")
    desk.call("voice.hangUp", "1")
    assert desk.error("interaction.markdone", "1") == (
        "Cannot mark done interaction '1': its consultation '2' is DIALING."
    )


# -- contextual options -----------------------------------------------------------------------


def test_contextual_options_follow_the_override_chain() -> None:
    desk = Desk()
    workspace = desk.service.workspace
    workspace.transactions["Wide"] = {"interaction-workspace/voice.auto-answer": "true", "CustomAPI/test.greeting": "Hi"}
    desk.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "CaseDataColor"})
    desk.scenario.ring_inbound_call()
    desk.scenario.ring_inbound_call(user_data={"IW_OverrideOptions": "Wide, CaseDataColor"})
    color = "interaction.case-data.frame-color"
    assert desk.call("configuration.getContextualOption", color, "1") == {"interaction-workspace": {color: "#FF000088"}}
    assert desk.call("configuration.getContextualOption", color, "2") == {"interaction-workspace": {color: "#17849D"}}
    assert desk.call("configuration.getOption", color) == {"interaction-workspace": {color: "#17849D"}}
    both = desk.call("configuration.getContextualOption", ["voice.*", "CustomAPI/test.*", color], "3")
    assert both["interaction-workspace"]["voice.auto-answer"] == "true"
    assert both["interaction-workspace"][color] == "#FF000088"
    assert both["CustomAPI"]["test.greeting"] == "Hi" and both["CustomAPI"]["test.customer-code"] == "ACME-042"
    assert desk.error("configuration.getContextualOption", color, "9") == "Error: Interaction not found."
    assert desk.error("configuration.getContextualOption", color) == "Error: Interaction not found."
    assert desk.error("configuration.getContextualOption", "*.color", "1").startswith("Invalid option selector '*.color'")


# -- parameters and allow-lists ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name, parameters, message",
    [
        ("interaction.accept", [], "interaction.accept needs parameter 1 (interactionId): interaction.accept(interactionId)."),
        ("interaction.markdone", [True], "Parameter 1 (interactionId) of interaction.markdone must be an id (string or integer), got a boolean."),
        ("interaction.consult", ["1"], "interaction.consult needs parameter 2 (targetQuery): interaction.consult(interactionId, targetQuery, userData?, extensions?)."),
        ("interaction.consult", ["1", 5], "Parameter 2 (targetQuery) of interaction.consult must be a target query (string or object), got a number."),
        ("interaction.singleStepTransfer", ["1", "x", "data"], "Parameter 3 (userData) of interaction.singleStepTransfer must be an object, got a string."),
        ("interaction.blockMarkdone", ["1", 3], "Parameter 2 (warningMessage) of interaction.blockMarkdone must be a string, got a number."),
        ("interaction.selectCaseByCaseId", [], "interaction.selectCaseByCaseId needs parameter 1 (caseId)"),
        ("interaction.completeTransfer", ["2", "x"], "interaction.completeTransfer takes 1 parameter (consultInteractionId), got 2."),
        ("voice.dial", [], "voice.dial needs parameter 1 (destination): voice.dial(destination, userData?)."),
        ("voice.dialEx", ["5002", {}, []], "Parameter 3 (extensions) of voice.dialEx must be an object, got an array."),
        ("voice.hold", [{}], "Parameter 1 (interactionId) of voice.hold must be an id (string or integer), got an object."),
        ("voice.muteMicrophone", [1], "voice.muteMicrophone takes no parameters, got 1."),
        ("email.create", [42], "Parameter 1 (destination) of email.create must be a string, got a number."),
        ("configuration.getContextualOption", [5, "1"], "Parameter 1 (options) of configuration.getContextualOption must be a string or an array of strings, got a number."),
    ],
)
def test_parameters_are_checked_before_anything_happens(name: str, parameters: list[Any], message: str) -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.events()
    assert desk.error(name, *parameters).startswith(message)
    assert desk.events() == [] and desk.state("1") == "RINGING"


@pytest.mark.parametrize(
    "name, parameters",
    [
        ("interaction.accept", ["7"]),
        ("interaction.reject", ["7"]),
        ("interaction.markdone", ["7"]),
        ("interaction.blockMarkdone", ["7", "w"]),
        ("interaction.consult", ["7", "+1555"]),
        ("interaction.singleStepConference", ["7", "+1555"]),
        ("voice.answer", ["7"]),
        ("voice.hangUp", ["7"]),
        ("voice.stopCallRecording", ["7"]),
    ],
)
def test_unknown_interaction_ids_are_named(name: str, parameters: list[Any]) -> None:
    desk = Desk()
    assert desk.error(name, *parameters) == "Interaction '7' not found (current interactions: none)."


def test_write_allow_list_restricts_only_set_and_delete_user_data() -> None:
    desk = Desk(write="Allowed")
    desk.scenario.ring_inbound_call()
    desk.call("voice.answer", "1")
    assert "Secret" in desk.error("interaction.setUserData", "1", {"Secret": 1})
    assert "Secret" in desk.error("interaction.deleteUserData", "1", "Secret")
    assert desk.state("1") == "TALKING"
    dialled = desk.call("voice.dial", "+1555", {"Secret": 1})  # carried, with a warning in the log
    assert dialled["userData"] == {"Secret": 1}


def test_read_allow_list_filters_the_new_interactions_in_replies_and_events() -> None:
    desk = Desk(read="Visible")
    dialled = desk.call("voice.dial", "+1555", {"Visible": 1, "Hidden": 2})
    assert dialled["userData"] == {"Visible": 1}
    assert all(m["data"]["interaction"]["userData"] == {"Visible": 1} for m in desk.events() if "interaction" in m["data"])
    assert desk.service.workspace.interactions.get("1").user_data == {"Visible": 1, "Hidden": 2}


# Every request of these namespaces, its parameters checked from the catalogue's description.
_WRONG = {
    ParamKind.STRING: 7,
    ParamKind.ID: True,
    ParamKind.OBJECT: "text",
    ParamKind.OPTIONS: 7,
    ParamKind.TARGET: 7,
    ParamKind.NUMBER: "7",
    ParamKind.BOOLEAN: "yes",
}
_VALID = {ParamKind.OBJECT: {}, ParamKind.NUMBER: 1, ParamKind.BOOLEAN: True}
_SERVED = [
    spec
    for spec in CATALOGUE.values()
    if spec.namespace in ("interaction", "voice", "email", "sipEndpoint") or spec.name == "configuration.getContextualOption"
]


@pytest.mark.parametrize("spec", _SERVED, ids=lambda spec: spec.name)
def test_every_method_checks_its_parameters(spec: RequestSpec) -> None:
    desk = Desk()
    desk.scenario.ring_inbound_call()
    desk.events()
    valid = [_VALID.get(p.kind, "1") for p in spec.params]
    too_many = desk.error(spec.name, *valid, "extra")
    assert too_many.startswith(f"{spec.name} takes ") and too_many.endswith(f"got {len(valid) + 1}.")
    for position, param in enumerate(spec.params):
        if param.kind is ParamKind.ANY:
            continue
        wrong = list(valid)
        wrong[position] = _WRONG[param.kind]
        assert desk.error(spec.name, *wrong).startswith(
            f"Parameter {position + 1} ({param.name}) of {spec.name} must be {param.kind.value}, got "
        )
    required = [p for p in spec.params if not p.optional]
    if required:
        assert desk.error(spec.name).startswith(f"{spec.name} needs parameter 1 ({spec.params[0].name})")
    assert desk.events() == [] and desk.state("1") == "RINGING"
