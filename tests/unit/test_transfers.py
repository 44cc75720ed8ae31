"""Consultations, transfers and conferences through the broker: every transfer rule of
lifecycle.py from each state it allows and refused from every other, and `targetQuery` in
each of its shapes and target types."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import (
    FIXED_NOW,
    FIXED_STAMP,
    TRANSFER_OPERATIONS,
    Bench,
    Route,
    by_request,
    check_rule_refused,
    check_rule_taken,
    needs_message,
    rule_cases,
)
from wwe_scapi.clock import ManualClock
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.directory import Colleague, Directory, TargetType
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import rules

S = InteractionState
SKILL = {"type": "SKILL", "destination": "Billing"}
AGENT = {"type": "AGENT", "destination": "5002"}
VOICE_CONSULT = {"type": "AGENT", "destination": "5002", "media": "voice"}

# Single-step rules: one request takes exactly the rule.
ROUTES: dict[tuple[str, str], Route] = {
    ("voice", "single-step transfer"): by_request("interaction.singleStepTransfer", "+15550100"),
    ("voice", "single-step conference"): by_request("interaction.singleStepConference", "+15550100"),
    ("chat", "single-step transfer"): by_request("interaction.singleStepTransfer", SKILL),
    ("email", "single-step transfer"): by_request("interaction.singleStepTransfer", SKILL),
    ("chat", "single-step conference"): by_request("interaction.singleStepConference", AGENT),
}
# interaction.consult: the parent's rule, refused by the table, taken by the tests below.
CONSULT_ROUTES: dict[tuple[str, str], Route] = {
    ("voice", "consult"): by_request("interaction.consult", "+15550199"),
    ("chat", "consult"): by_request("interaction.consult", AGENT),
    ("email", "consult"): by_request("interaction.consult", AGENT),
}
# completeTransfer / completeConference take two rules at once (consultation and parent).
PAIRED = {
    ("voice", "complete transfer"),
    ("voice", "complete conference"),
    ("chat", "complete transfer"),
    ("chat", "complete conference"),
    ("email", "complete transfer"),
    ("voice", "transfer away"),
    ("chat", "transfer away"),
    ("email", "transfer away"),
    ("voice", "conference in"),
    ("chat", "conference in"),
}
ALLOWED, REFUSED = rule_cases(ROUTES)
_, CONSULT_REFUSED = rule_cases(CONSULT_ROUTES)


def test_the_routes_cover_every_transfer_rule() -> None:
    mine = {key for key in rules() if key[1] in TRANSFER_OPERATIONS}
    covered = set(ROUTES) | set(CONSULT_ROUTES) | PAIRED
    assert covered == mine and len(covered) == len(ROUTES) + len(CONSULT_ROUTES) + len(PAIRED)


@pytest.mark.parametrize("media, operation, state", ALLOWED)
def test_each_single_step_rule_from_each_state_it_allows(media: str, operation: str, state: InteractionState) -> None:
    check_rule_taken(media, operation, state, ROUTES[(media, operation)])


@pytest.mark.parametrize("media, operation", REFUSED)
def test_each_single_step_rule_is_refused_from_every_other_state(media: str, operation: str) -> None:
    check_rule_refused(media, operation, ROUTES[(media, operation)])


@pytest.mark.parametrize("media, operation", CONSULT_REFUSED)
def test_consult_is_refused_from_every_other_state(media: str, operation: str) -> None:
    check_rule_refused(media, operation, CONSULT_ROUTES[(media, operation)])


# -- consult ----------------------------------------------------------------------------------


def _talking_call(bench: Bench, user_data: dict[str, Any] | None = None) -> Interaction:
    call = bench.scenario.ring_inbound_call(user_data=user_data)
    bench.call("voice.answer", call.interaction_id)
    bench.events()
    return call


def test_a_consultation_from_a_talking_call_holds_the_customer() -> None:
    bench = Bench()
    call = _talking_call(bench, {"Segment": "Gold"})
    consultation = bench.call("interaction.consult", "1", {"target": "AGENT", "destination": "5002"}, {"Note": "VIP"}, {"x": 1})
    events = bench.events()
    assert [(m["data"]["eventType"], m["data"]["interaction"]["interactionId"]) for m in events] == [
        ("HELD", "1"),
        ("ADDED", "2"),
        ("DIALING", "2"),
    ]
    assert (events[0]["data"]["interaction"]["state"], events[0]["data"]["interaction"]["previousState"]) == ("HELD", "TALKING")
    assert consultation == events[2]["data"]["interaction"]
    assert (consultation["state"], consultation["isConsultation"], consultation["parentInteractionId"]) == ("DIALING", True, "1")
    assert consultation["caseId"] == call.case_id and consultation["isMainCaseInteraction"] is False
    assert (consultation["callType"], consultation["direction"], consultation["ani"], consultation["dnis"]) == (
        "CONSULT", "OUT", "5001", "5002",
    )
    assert consultation["parties"] == [{"name": "Sam Rivera"}] and consultation["contact"] == {"displayName": "Sam Rivera", "firstName": "Sam", "lastName": "Rivera"}
    assert consultation["userData"] == {"Segment": "Gold", "Note": "VIP"} and call.user_data == {"Segment": "Gold"}
    assert consultation["isCaseSelected"] is True and consultation["media"] == "voice"
    assert consultation["capabilities"] == ["COMPLETE_TRANSFER", "HANGUP", "SET_USER_DATA"]
    assert bench.workspace.interactions.get("2").extensions == {"x": 1}
    assert bench.wire("1")["state"] == "HELD"


def test_a_consultation_from_a_held_call_adds_no_held_event() -> None:
    bench = Bench()
    _talking_call(bench)
    bench.call("voice.hold", "1")
    bench.events()
    bench.call("interaction.consult", "1", "+15550199")
    assert bench.types() == ["ADDED", "DIALING"]
    assert bench.wire("2")["dnis"] == "+15550199" and bench.wire("2")["parties"] == [{"name": "+15550199"}]


def test_a_second_consultation_is_refused_until_the_first_ends() -> None:
    bench = Bench()
    _talking_call(bench)
    bench.call("interaction.consult", "1", "+15550199")
    bench.events()
    assert bench.error("interaction.consult", "1", "+15550188") == (
        "Interaction '1' already has a consultation in progress: '2'."
    )
    assert bench.events() == [] and len(bench.call("interaction.getInteractions")) == 2
    bench.scenario.remote_party_hangs_up("2")
    bench.events()
    again = bench.call("interaction.consult", "1", "+15550188")
    assert again["interactionId"] == "3" and bench.types() == ["ADDED", "DIALING"]


@pytest.mark.parametrize("media", ["chat", "email"])
def test_open_media_are_consulted_by_voice_and_stay_as_they_are(media: str) -> None:
    bench = Bench()
    (bench.scenario.deliver_chat if media == "chat" else bench.scenario.deliver_email)()
    bench.call("interaction.accept", "1")
    bench.events()
    consultation = bench.call("interaction.consult", "1", VOICE_CONSULT)
    assert (consultation["media"], consultation["callType"], consultation["parentInteractionId"]) == ("voice", "CONSULT", "1")
    assert bench.types() == ["ADDED", "DIALING"]  # the parent is not put on hold
    assert bench.wire("1")["state"] == "ACCEPTED"


def test_a_consultation_needs_a_voice_channel_and_changes_nothing_without_one() -> None:
    bench = Bench()
    _talking_call(bench)
    bench.workspace.set_media_state("voice", "Logout")
    bench.events()
    assert bench.error("interaction.consult", "1", "+15550199") == (
        "The agent's voice channel is logged out: set a voice state first."
    )
    assert bench.events() == [] and bench.wire("1")["state"] == "TALKING"


def test_consult_media_must_be_one_of_the_agents() -> None:
    bench = Bench()
    _talking_call(bench)
    assert bench.error("interaction.consult", "1", {**AGENT, "media": "fax"}) == (
        "targetQuery.media 'fax' is not a media of this agent (voice, chat, email)."
    )
    assert bench.wire("1")["state"] == "TALKING"


def _accepted(bench: Bench, media: str) -> Interaction:
    delivered = bench.scenario.deliver_chat() if media == "chat" else bench.scenario.deliver_email(subject="Invoice 42")
    bench.call("interaction.accept", delivered.interaction_id)
    bench.events()
    return delivered


@pytest.mark.parametrize("media", ["chat", "email"])
def test_open_media_consult_in_their_own_media_by_default(media: str) -> None:
    bench = Bench()
    parent = _accepted(bench, media)
    bench.call("interaction.setUserData", "1", {"Segment": "Gold"})
    bench.events()
    consultation = bench.call("interaction.consult", "1", AGENT, {"Note": "VIP"})
    assert _trail(bench) == [("2", "ADDED", "ACCEPTED", "UNKNOWN"), ("2", "ACCEPTED", "ACCEPTED", "UNKNOWN")]
    assert consultation == bench.wire("2") and parent.state is S.ACCEPTED  # the parent is not touched
    assert (consultation["media"], consultation["isConsultation"], consultation["parentInteractionId"]) == (media, True, "1")
    assert consultation["caseId"] == parent.case_id and consultation["isMainCaseInteraction"] is False
    assert consultation["parties"] == [{"name": "Sam Rivera"}]
    assert consultation["contact"] == {"displayName": "Sam Rivera", "firstName": "Sam", "lastName": "Rivera"}
    assert consultation["userData"] == {"Segment": "Gold", "Note": "VIP"}
    completing = ["COMPLETE_CONFERENCE", "COMPLETE_TRANSFER"] if media == "chat" else ["COMPLETE_TRANSFER"]
    assert set(completing) <= set(consultation["capabilities"])
    assert "callType" not in consultation
    subject = [("subject", "Invoice 42")] if media == "email" else []
    assert bench.workspace.interactions.get("2").transcript == subject
    assert bench.warnings() == []


@pytest.mark.parametrize(
    "media, asked, message",
    [
        ("voice", "chat", "targetQuery.media 'chat': a voice interaction is consulted by voice."),
        ("chat", "email", "targetQuery.media 'email': a chat interaction is consulted by chat or by voice."),
        ("email", "chat", "targetQuery.media 'chat': an email interaction is consulted by email or by voice."),
    ],
)
def test_a_consultation_in_a_third_media_is_refused(media: str, asked: str, message: str) -> None:
    bench = Bench()
    if media == "voice":
        _talking_call(bench)
    else:
        _accepted(bench, media)
    assert bench.error("interaction.consult", "1", {**AGENT, "media": asked}) == message
    assert bench.events() == [] and len(bench.workspace.interactions) == 1


def test_a_chat_consultation_goes_to_agents_and_queues_only() -> None:
    bench = Bench()
    _accepted(bench, "chat")
    assert bench.error("interaction.consult", "1", "+15550100") == (
        "A chat interaction cannot go to a CUSTOM_CONTACT target; use one of AGENT, AGENT_GROUP, INTERACTION_QUEUE, SKILL."
    )
    by_voice = bench.call("interaction.consult", "1", {"type": "CUSTOM_CONTACT", "destination": "+15550100", "media": "voice"})
    assert (by_voice["media"], by_voice["dnis"]) == ("voice", "+15550100")


@pytest.mark.parametrize("strict", [False, True])
def test_extensions_on_a_chat_consultation_are_ignored_with_a_warning(strict: bool) -> None:
    bench = Bench(strict=strict)
    _accepted(bench, "chat")
    stray = "interaction.consult: extensions do not apply to the chat media (reference)"
    if strict:
        assert bench.error("interaction.consult", "1", AGENT, {}, {"k": "v"}) == f"Strict mode: {stray}."
        assert bench.events() == [] and len(bench.workspace.interactions) == 1
        return
    bench.call("interaction.consult", "1", AGENT, {}, {"k": "v"})
    assert bench.warnings() == [f"{stray}; ignored."]
    assert bench.workspace.interactions.get("2").extensions == {}


def test_a_voice_consultation_of_a_chat_keeps_its_extensions() -> None:
    bench = Bench()
    _accepted(bench, "chat")
    bench.call("interaction.consult", "1", VOICE_CONSULT, {}, {"k": "v"})
    assert bench.warnings() == [] and bench.workspace.interactions.get("2").extensions == {"k": "v"}


def test_a_chat_consultation_transferred_then_marked_done() -> None:
    bench = Bench()
    parent = _accepted(bench, "chat")
    bench.call("interaction.consult", "1", AGENT)
    bench.events()
    bench.call("interaction.completeTransfer", "2")
    assert _trail(bench) == [("1", "TRANSFER_COMPLETED", "TRANSFER_COMPLETED", "ACCEPTED"), ("2", "ENDED", "IDLE", "ACCEPTED")]
    assert parent.parties == [{"name": "Robin Park"}, {"name": "Sam Rivera"}]
    assert bench.wire("2")["capabilities"] == ["MARK_DONE"]
    bench.call("interaction.markdone", "2")
    bench.call("interaction.markdone", "1")
    assert [e for _, e, _, _ in _trail(bench)] == ["COMPLETED", "REMOVED", "COMPLETED", "REMOVED"]


def test_a_chat_consultation_conferenced_in() -> None:
    bench = Bench()
    _accepted(bench, "chat")
    bench.call("interaction.consult", "1", {"type": "SKILL", "destination": "Billing"})
    bench.events()
    bench.call("interaction.completeConference", "2")
    assert _trail(bench) == [("2", "ENDED", "IDLE", "ACCEPTED"), ("1", "PARTY_CHANGED", "ACCEPTED", "JOIN_PENDING")]
    assert bench.wire("1")["parties"] == [{"name": "Robin Park"}, {"name": "Billing"}]


def test_an_email_consultation_transferred_leaves_the_desktop() -> None:
    bench = Bench()
    _accepted(bench, "email")
    bench.call("interaction.consult", "1", AGENT)
    bench.events()
    assert bench.error("interaction.completeConference", "2") == (
        "Cannot complete conference interaction '2': complete conference is not available for email interactions."
    )
    bench.call("interaction.completeTransfer", "2")
    assert _trail(bench) == [
        ("1", "TRANSFER_COMPLETED", "TRANSFER_COMPLETED", "ACCEPTED"),
        ("2", "COMPLETED", "COMPLETED", "ACCEPTED"),
        ("2", "REMOVED", "COMPLETED", "ACCEPTED"),
    ]
    assert bench.wire("2") is None


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    "request_name, after", [("interaction.singleStepTransfer", "IDLE"), ("interaction.singleStepConference", "TALKING")]
)
def test_target_media_on_a_single_step_call_is_ignored_with_a_warning(request_name: str, after: str, strict: bool) -> None:
    bench = Bench(strict=strict)
    call = _talking_call(bench)
    stray = f"{request_name}: targetQuery.media applies to consult only (reference)"
    if strict:
        assert bench.error(request_name, "1", VOICE_CONSULT) == f"Strict mode: {stray}."
        assert bench.events() == [] and call.parties == [{"name": "+15551230000"}]
        return
    bench.call(request_name, "1", {**AGENT, "media": "fax"})
    assert bench.warnings() == [f"{stray}; ignored."]
    assert bench.wire("1")["state"] == after and call.parties[-1] == {"name": "Sam Rivera"}


# -- completeTransfer / completeConference ----------------------------------------------------


def _consultation(
    parent_media: str, parent_state: InteractionState, consult_state: InteractionState, consult_media: str = "voice"
) -> tuple[Bench, Interaction, Interaction]:
    bench = Bench()
    parent = bench.place(parent_media, parent_state, parties=[{"name": "+15550100"}])
    consultation = bench.place(
        consult_media, consult_state, parent=parent, is_consultation=True, parties=[{"name": "Sam Rivera"}]
    )
    return bench, parent, consultation


def _trail(bench: Bench) -> list[tuple[str, str, str, str]]:
    return [
        (
            m["data"]["interaction"]["interactionId"],
            m["data"]["eventType"],
            m["data"]["interaction"]["state"],
            m["data"]["interaction"]["previousState"],
        )
        for m in bench.events()
    ]


TRANSFER_PAIRS = [
    pytest.param(media, parent, consult, id=f"{media}-{parent.value}-consult-{consult.value}")
    for media, parents in (("voice", (S.TALKING, S.HELD)), ("chat", (S.ACCEPTED,)), ("email", (S.ACCEPTED,)))
    for parent in parents
    for consult in (S.DIALING, S.TALKING)
]


@pytest.mark.parametrize("media, parent_state, consult_state", TRANSFER_PAIRS)
def test_complete_transfer_releases_both(media: str, parent_state: InteractionState, consult_state: InteractionState) -> None:
    bench, parent, consultation = _consultation(media, parent_state, consult_state)
    assert bench.call("interaction.completeTransfer", "2") is None
    gone = ("IDLE", "RELEASED") if media == "voice" else ("TRANSFER_COMPLETED", "TRANSFER_COMPLETED")
    assert _trail(bench) == [
        ("1", gone[1], gone[0], parent_state.value),
        ("2", "RELEASED", "IDLE", consult_state.value),
    ]
    assert parent.parties == [{"name": "+15550100"}, {"name": "Sam Rivera"}]
    assert parent.end_date == consultation.end_date == FIXED_STAMP


CONFERENCE_PARENTS = [
    pytest.param("voice", S.TALKING, "TALKING", id="voice-TALKING"),
    pytest.param("voice", S.HELD, "TALKING", id="voice-HELD"),
    pytest.param("chat", S.ACCEPTED, "ACCEPTED", id="chat-ACCEPTED"),
]


@pytest.mark.parametrize("media, parent_state, after", CONFERENCE_PARENTS)
def test_complete_conference_brings_the_party_into_the_parent(media: str, parent_state: InteractionState, after: str) -> None:
    bench, parent, _ = _consultation(media, parent_state, S.TALKING)
    assert bench.call("interaction.completeConference", "2") is None
    previous = parent_state.value if after != parent_state.value else "UNKNOWN"
    assert _trail(bench) == [("2", "RELEASED", "IDLE", "TALKING"), ("1", "PARTY_CHANGED", after, previous)]
    assert bench.wire("1")["parties"] == [{"name": "+15550100"}, {"name": "Sam Rivera"}]
    assert parent.end_date is None


GOOD_STATE = {"voice": S.TALKING, "chat": S.ACCEPTED, "email": S.ACCEPTED}


def _refusals(request: str, media: str, operation: str, vary: str, consult_media: str) -> list[tuple[str, str | None]]:
    """For every state the rule refuses, (state, errorMessage) when `vary` ("parent" or
    "consult") is placed in it and the other is where the rule would work."""
    rule = rules()[(media if vary == "parent" else consult_media, operation)]
    found = []
    for state in S:
        if state in rule.starts:
            continue
        parent_state, consult_state = (state, GOOD_STATE[consult_media]) if vary == "parent" else (GOOD_STATE[media], state)
        bench, parent, consultation = _consultation(media, parent_state, consult_state, consult_media)
        error = bench.error(request, "2")
        unchanged = (parent.state, consultation.state, len(parent.parties)) == (parent_state, consult_state, 1)
        found.append((state.value, error if unchanged and bench.events() == [] else "changed"))
    return found


@pytest.mark.parametrize(
    "request_name, media, operation, vary, consult_media",
    [
        ("interaction.completeTransfer", "voice", "complete transfer", "consult", "voice"),
        ("interaction.completeConference", "voice", "complete conference", "consult", "voice"),
        ("interaction.completeTransfer", "chat", "complete transfer", "consult", "chat"),
        ("interaction.completeConference", "chat", "complete conference", "consult", "chat"),
        ("interaction.completeTransfer", "email", "complete transfer", "consult", "email"),
        ("interaction.completeTransfer", "voice", "transfer away", "parent", "voice"),
        ("interaction.completeTransfer", "chat", "transfer away", "parent", "voice"),
        ("interaction.completeTransfer", "chat", "transfer away", "parent", "chat"),
        ("interaction.completeTransfer", "email", "transfer away", "parent", "voice"),
        ("interaction.completeTransfer", "email", "transfer away", "parent", "email"),
        ("interaction.completeConference", "voice", "conference in", "parent", "voice"),
        ("interaction.completeConference", "chat", "conference in", "parent", "voice"),
        ("interaction.completeConference", "chat", "conference in", "parent", "chat"),
    ],
)
def test_completing_is_refused_from_every_other_state(
    request_name: str, media: str, operation: str, vary: str, consult_media: str
) -> None:
    interaction_id = "1" if vary == "parent" else "2"
    rule_media = media if vary == "parent" else consult_media
    found = _refusals(request_name, media, operation, vary, consult_media)
    expected = [(state, needs_message(rule_media, operation, interaction_id, S(state))) for state, _ in found]
    assert found == expected


def test_an_email_cannot_be_conferenced() -> None:
    bench, parent, consultation = _consultation("email", S.ACCEPTED, S.TALKING)
    assert bench.error("interaction.completeConference", "2") == (
        "Cannot conference in interaction '1': conference in is not available for email interactions."
    )
    assert (parent.state, consultation.state) == (S.ACCEPTED, S.TALKING)


def test_completing_needs_a_consultation_whose_parent_is_still_there() -> None:
    bench = Bench()
    _talking_call(bench)
    for name in ("interaction.completeTransfer", "interaction.completeConference"):
        assert bench.error(name, "1") == f"{name}: interaction '1' is not a consultation."
    assert bench.error("interaction.completeTransfer", "9") == "Interaction '9' not found (current interactions: '1')."
    bench.call("interaction.consult", "1", "+15550199")
    bench.workspace.desk.remove(bench.workspace.interactions.get("1"))
    assert bench.error("interaction.completeTransfer", "2") == (
        "interaction.completeTransfer: the interaction '1' consulted about is gone."
    )


def test_a_whole_consult_conference_flow_through_the_broker() -> None:
    bench = Bench()
    _talking_call(bench)
    bench.call("interaction.consult", "1", AGENT)
    bench.events()
    assert bench.error("interaction.completeConference", "2") == (
        "Cannot complete conference interaction '2': it is DIALING; complete conference needs TALKING."
    )
    bench.scenario.remote_party_answers("2")
    assert bench.wire("2")["capabilities"] == [
        "COMPLETE_CONFERENCE", "COMPLETE_TRANSFER", "CONSULT", "HANGUP", "HOLD", "RECORDING",
        "SET_USER_DATA", "SINGLE_STEP_CONFERENCE", "SINGLE_STEP_TRANSFER",
    ]
    bench.call("interaction.completeConference", "2")
    assert _trail(bench) == [
        ("2", "ESTABLISHED", "TALKING", "DIALING"),
        ("2", "RELEASED", "IDLE", "TALKING"),
        ("1", "PARTY_CHANGED", "TALKING", "HELD"),
    ]
    assert bench.wire("1")["parties"] == [{"name": "+15551230000"}, {"name": "Sam Rivera"}]


# -- single step --------------------------------------------------------------------------------


def test_single_step_transfer_of_a_call_attaches_data_first() -> None:
    bench = Bench()
    call = _talking_call(bench)
    bench.call("interaction.singleStepTransfer", "1", {"type": "ROUTING_POINT", "destination": "7001"}, {"Reason": "billing"}, {"k": "v"})
    assert _trail(bench) == [("1", "ATTACHED_DATA_CHANGED", "TALKING", "RINGING"), ("1", "RELEASED", "IDLE", "TALKING")]
    assert call.user_data == {"Reason": "billing"} and call.extensions == {"k": "v"}
    assert call.parties == [{"name": "+15551230000"}, {"name": "7001"}]


def test_single_step_conference_of_a_call_adds_the_party() -> None:
    bench = Bench()
    _talking_call(bench)
    bench.call("interaction.singleStepConference", "1", {"type": "AGENT_GROUP", "destination": "Billing"}, {}, None)
    assert _trail(bench) == [("1", "PARTY_CHANGED", "TALKING", "RINGING")]  # {} attaches nothing
    assert bench.wire("1")["parties"] == [{"name": "+15551230000"}, {"name": "Billing"}]


@pytest.mark.parametrize(
    "request_name, event, state",
    [("interaction.singleStepTransfer", "TRANSFER_COMPLETED", "TRANSFER_COMPLETED"), ("interaction.singleStepConference", "PARTY_CHANGED", "ACCEPTED")],
)
def test_single_step_on_a_chat(request_name: str, event: str, state: str) -> None:
    bench = Bench()
    chat = bench.scenario.deliver_chat()
    bench.call("interaction.accept", "1")
    bench.events()
    for query, kind in (("+15550100", "CUSTOM_CONTACT"), ({"type": "ROUTING_POINT", "destination": "7001"}, "ROUTING_POINT")):
        assert bench.error(request_name, "1", query) == (
            f"A chat interaction cannot go to a {kind} target; use one of AGENT, AGENT_GROUP, INTERACTION_QUEUE, SKILL."
        )
    assert bench.events() == [] and chat.parties == [{"name": "Robin Park"}]
    bench.call(request_name, "1", {"type": "INTERACTION_QUEUE", "destination": "Chat Escalations"}, {"Reason": "x"}, {"x": 1})
    name = request_name.removeprefix("interaction.")
    assert bench.warnings() == [f"interaction.{name}: extensions do not apply to the chat media (reference); ignored."]
    assert [e for _, e, _, _ in _trail(bench)] == ["ATTACHED_DATA_CHANGED", event]
    assert bench.wire("1")["state"] == state and chat.parties[-1] == {"name": "Chat Escalations"}
    assert chat.extensions == {}


def test_an_email_is_transferred_to_a_queue_and_never_to_a_phone() -> None:
    bench = Bench()
    bench.scenario.deliver_email()
    bench.call("interaction.accept", "1")
    bench.events()
    assert bench.error("interaction.singleStepTransfer", "1", "+15550100").startswith(
        "An email interaction cannot go to a CUSTOM_CONTACT target"
    )
    assert bench.error("interaction.singleStepConference", "1", AGENT) == (
        "Cannot single-step conference interaction '1': single-step conference is not available for email interactions."
    )
    bench.call("interaction.singleStepTransfer", "1", {"type": "INTERACTION_QUEUE", "destination": "Email Inbound"}, None, {"k": 1})
    assert bench.types() == ["TRANSFER_COMPLETED"]


# -- targetQuery --------------------------------------------------------------------------------

PARTY_OF = [
    (" +15550100 ", "+15550100"),
    ({"type": "CUSTOM_CONTACT", "destination": "+15550100"}, "+15550100"),
    ({"type": "AGENT", "destination": "5002"}, "Sam Rivera"),
    ({"target": "AGENT", "destination": "5003"}, "Alex Chen"),
    ({"type": "AGENT", "target": "AGENT", "destination": "5003"}, "Alex Chen"),
    ({"type": "AGENT_GROUP", "destination": "Support Tier 2"}, "Support Tier 2"),
    ({"type": "SKILL", "destination": "Spanish"}, "Spanish"),
    ({"type": "INTERACTION_QUEUE", "destination": "Chat Escalations"}, "Chat Escalations"),
    ({"type": "ROUTING_POINT", "destination": " 7002 "}, "7002"),
]


@pytest.mark.parametrize("query, party", PARTY_OF)
def test_each_target_shape_reaches_its_party(query: Any, party: str) -> None:
    bench = Bench()
    _talking_call(bench)
    bench.call("interaction.singleStepConference", "1", query)
    assert bench.wire("1")["parties"][-1] == {"name": party}
    consult = Bench()
    _talking_call(consult)
    assert consult.call("interaction.consult", "1", query)["parties"] == [{"name": party}]


def test_every_target_type_is_exercised() -> None:
    named = {q.get("type") or q.get("target") for q, _ in PARTY_OF if isinstance(q, dict)}
    assert named == set(TargetType)


BAD_QUERIES = [
    ({"type": "AGENT", "destination": "9999"}, "Unknown agent '9999' in targetQuery. Known employeeIds: 5002 (Sam Rivera), 5003 (Alex Chen)."),
    ({"type": "AGENT_GROUP", "destination": "Sales"}, "Unknown AGENT_GROUP 'Sales' in targetQuery. Known: Billing, Support Tier 2."),
    ({"type": "SKILL", "destination": "French"}, "Unknown SKILL 'French' in targetQuery. Known: English, Spanish, Billing."),
    ({"type": "INTERACTION_QUEUE", "destination": "Nowhere"}, "Unknown INTERACTION_QUEUE 'Nowhere' in targetQuery. Known: Chat Escalations, Email Inbound, Outbound Email Queue."),
    ({"type": "ROUTING_POINT", "destination": "9"}, "Unknown ROUTING_POINT '9' in targetQuery. Known: 7001, 7002."),
    ({"type": "agent", "destination": "5002"}, "Unknown targetQuery type 'agent': one of AGENT, AGENT_GROUP, SKILL, INTERACTION_QUEUE, ROUTING_POINT, CUSTOM_CONTACT."),
    ({"destination": "5002"}, "targetQuery needs a type (or target): one of AGENT, AGENT_GROUP, SKILL, INTERACTION_QUEUE, ROUTING_POINT, CUSTOM_CONTACT."),
    ({"type": "AGENT", "target": "SKILL", "destination": "5002"}, "targetQuery has type 'AGENT' and target 'SKILL': give one."),
    ({"type": "AGENT"}, "targetQuery needs a destination: a non-empty string."),
    ({"type": "AGENT", "destination": 5002}, "targetQuery needs a destination: a non-empty string."),
    ({"type": "CUSTOM_CONTACT", "destination": "   "}, "targetQuery needs a destination: a non-empty string."),
    ("", "targetQuery needs a destination: a non-empty string."),
]


@pytest.mark.parametrize("query, message", BAD_QUERIES)
@pytest.mark.parametrize("request_name", ["interaction.consult", "interaction.singleStepTransfer", "interaction.singleStepConference"])
def test_bad_target_queries_are_refused_by_every_request(request_name: str, query: Any, message: str) -> None:
    bench = Bench()
    call = _talking_call(bench)
    assert bench.error(request_name, "1", query) == message
    assert bench.events() == [] and call.state is S.TALKING and len(bench.call("interaction.getInteractions")) == 1


def test_an_agent_is_named_by_employee_id_not_by_another_agents_number() -> None:
    directory = Directory(colleagues=(Colleague("7100", "Pat Doe", "4100"),))
    assert directory.resolve({"type": "AGENT", "destination": "7100"}).party_name == "Pat Doe"
    with pytest.raises(WorkspaceError) as by_number:
        directory.resolve({"type": "AGENT", "destination": "4100"})
    assert by_number.value.message == "Unknown agent '4100' in targetQuery. Known employeeIds: 7100 (Pat Doe)."


@pytest.mark.parametrize("query", [None, 5, ["AGENT", "5002"]])
def test_a_target_query_is_a_string_or_an_object(query: Any) -> None:
    with pytest.raises(WorkspaceError) as refusal:
        Directory().resolve(query)
    assert refusal.value.message == "targetQuery must be a string (a phone number) or an object."


def test_a_consultation_to_an_agent_dials_the_agents_number() -> None:
    directory = Directory(colleagues=(Colleague("7100", "Pat Doe", "4100"),))
    bench = Bench(workspace=Workspace(clock=ManualClock(wall=FIXED_NOW.timestamp()), directory=directory))
    _talking_call(bench)
    consultation = bench.call("interaction.consult", "1", {"type": "AGENT", "destination": "7100"})
    assert consultation["dnis"] == "4100" and consultation["parties"] == [{"name": "Pat Doe"}]
    assert bench.call("voice.dial", "4100")["callType"] == "INTERNAL"
