"""Cases (select, expand, collapse, and the flags on interactions) and mark done: its rules for
every media, live calls and consultations, and the blocks apps put on it, with the `markdone`
events that only its subscribers get."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unit_support import (
    A,
    B,
    MARK_DONE_OPERATIONS,
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
from wwe_scapi.workspace.interactions import InteractionState
from wwe_scapi.workspace.lifecycle import OUTBOUND_FLOWS, rules

S = InteractionState
LIVE_CALL = (S.RINGING, S.DIALING, S.TALKING, S.HELD)

ROUTES: dict[tuple[str, str], Route] = {
    ("voice", "mark done"): by_request("interaction.markdone"),
    ("chat", "mark done"): by_request("interaction.markdone"),
    ("email", "mark done"): by_request("interaction.markdone"),
    ("chat", "leave conference"): by_request("interaction.markdone", fields={"is_conference_guest": True}),
}
ALLOWED, REFUSED = rule_cases(ROUTES)


def test_the_routes_cover_every_mark_done_rule() -> None:
    # Outbound records' mark done rules are taken in tests/unit/test_outbound_lifecycles.py.
    assert set(ROUTES) == {key for key in rules() if key[1] in MARK_DONE_OPERATIONS and key[0] not in OUTBOUND_FLOWS}


@pytest.mark.parametrize("media, operation, state", ALLOWED)
def test_each_mark_done_rule_from_each_state_it_allows(media: str, operation: str, state: InteractionState) -> None:
    check_rule_taken(media, operation, state, ROUTES[(media, operation)])


def _exceptions(media: str, operation: str) -> dict[InteractionState, str | None]:
    if media == "voice":
        return {
            state: f"Cannot mark done interaction '1': it is a live call ({state.value}); hang it up first."
            for state in LIVE_CALL
        }
    if operation == "leave conference":
        # A conference guest's chat that is not ACCEPTED is marked done like any other chat.
        mark_done = rules()[("chat", "mark done")].starts
        return {state: None if state in mark_done else needs_message("chat", "mark done", "1", state) for state in S}
    if media == "chat":
        return {S.ACCEPTED: None}  # ended first, then marked done (see test_chat_email.py)
    return {}


@pytest.mark.parametrize("media, operation", REFUSED)
def test_each_mark_done_rule_is_refused_from_every_other_state(media: str, operation: str) -> None:
    check_rule_refused(media, operation, ROUTES[(media, operation)], _exceptions(media, operation))


# -- cases --------------------------------------------------------------------------------------


def _case_events(bench: Bench) -> list[dict[str, str]]:
    return [m["data"] for m in bench.events() if "interaction" not in m["data"]]


def _flags(bench: Bench) -> dict[str, tuple[bool, bool]]:
    return {i["interactionId"]: (i["isCaseSelected"], i["isCaseExpanded"]) for i in bench.call("interaction.getInteractions")}


def test_selecting_cases_collapses_the_one_left() -> None:
    bench = Bench()
    call = bench.scenario.ring_inbound_call()
    chat = bench.scenario.deliver_chat()
    bench.events()
    assert _flags(bench) == {"1": (False, False), "2": (False, False)}
    assert bench.call("interaction.selectCaseByCaseId", call.case_id) is None
    assert _case_events(bench) == [
        {"eventType": "CASE_EXPANDED", "selectedCaseId": call.case_id},
        {"eventType": "CASE_SELECTED", "selectedCaseId": call.case_id},
    ]
    assert _flags(bench) == {"1": (True, True), "2": (False, False)}
    bench.call("interaction.selectCaseByCaseId", chat.case_id)
    assert _case_events(bench) == [
        {"eventType": "CASE_COLLAPSED", "selectedCaseId": call.case_id},
        {"eventType": "CASE_EXPANDED", "selectedCaseId": chat.case_id},
        {"eventType": "CASE_SELECTED", "selectedCaseId": chat.case_id},
    ]
    assert _flags(bench) == {"1": (False, False), "2": (True, True)}
    bench.call("interaction.selectCaseByCaseId", chat.case_id)
    assert _case_events(bench) == [{"eventType": "CASE_SELECTED", "selectedCaseId": chat.case_id}]


def test_case_events_go_to_interaction_subscribers_only() -> None:
    bench = Bench()
    bench.subscribe(2, B, ("markdone",))
    bench.subscribe(3, B, ("interaction",))
    call = bench.scenario.ring_inbound_call()
    bench.call("interaction.selectCaseByCaseId", call.case_id)
    assert bench.types(2) == []
    assert bench.types(3) == ["ADDED", "RINGING", "CASE_EXPANDED", "CASE_SELECTED"]


def test_an_unknown_case_is_refused_naming_the_cases() -> None:
    bench = Bench()
    assert bench.error("interaction.selectCaseByCaseId", "nope") == "Unknown case 'nope'. Current cases: none."
    first = bench.scenario.ring_inbound_call()
    second = bench.scenario.deliver_email()
    known = ", ".join(sorted([first.case_id, second.case_id]))
    bench.events()
    assert bench.error("interaction.selectCaseByCaseId", 42) == f"Unknown case '42'. Current cases: {known}."
    assert bench.events() == [] and bench.workspace.desk.cases.selected is None


@pytest.mark.parametrize(
    "deliver, request_name",
    [("ring_inbound_call", "voice.answer"), ("ring_inbound_call", "interaction.accept"), ("deliver_chat", "interaction.accept"), ("deliver_email", "interaction.accept")],
)
def test_answering_or_accepting_selects_the_case(deliver: str, request_name: str) -> None:
    bench = Bench()
    other = bench.scenario.deliver_email()
    bench.call("interaction.selectCaseByCaseId", other.case_id)
    interaction = getattr(bench.scenario, deliver)()
    bench.events()
    bench.call(request_name, interaction.interaction_id)
    assert _case_events(bench) == [
        {"eventType": "CASE_COLLAPSED", "selectedCaseId": other.case_id},
        {"eventType": "CASE_EXPANDED", "selectedCaseId": interaction.case_id},
        {"eventType": "CASE_SELECTED", "selectedCaseId": interaction.case_id},
    ]
    assert _flags(bench) == {"1": (False, False), "2": (True, True)}


def test_a_case_already_selected_is_not_selected_again() -> None:
    bench = Bench()
    bench.call("email.create", "robin@example.com")
    bench.events()
    bench.scenario.deliver_chat()
    bench.call("interaction.selectCaseByCaseId", bench.workspace.interactions.get("2").case_id)
    bench.call("interaction.accept", "2")
    assert [m["data"]["eventType"] for m in bench.events()] == [
        "ADDED", "INVITED", "CASE_COLLAPSED", "CASE_EXPANDED", "CASE_SELECTED", "JOIN_PENDING", "ACCEPTED",
    ]


def test_a_case_gone_from_the_desktop_is_not_collapsed() -> None:
    bench = Bench()
    first = bench.call("voice.dial", "+15550100")
    bench.call("voice.hangUp", "1")
    bench.call("interaction.markdone", "1")
    assert bench.workspace.desk.cases.selected is None and bench.workspace.desk.cases.expanded == set()
    second = bench.scenario.deliver_chat()
    bench.events()
    bench.call("interaction.selectCaseByCaseId", second.case_id)
    assert [d["eventType"] for d in _case_events(bench)] == ["CASE_EXPANDED", "CASE_SELECTED"]
    assert first["caseId"] != second.case_id


def test_a_consultation_shares_the_flags_of_its_case() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    consultation = bench.call("interaction.consult", "1", "+15550199")
    assert (consultation["isCaseSelected"], consultation["isCaseExpanded"]) == (True, True)
    other = bench.scenario.deliver_chat()
    bench.call("interaction.selectCaseByCaseId", other.case_id)
    assert _flags(bench) == {"1": (False, False), "2": (False, False), "3": (True, True)}


# -- mark done --------------------------------------------------------------------------------


def _markdone(bench: Bench, frame: int = 1) -> list[dict[str, object]]:
    return [m["data"] for m in bench.events(frame) if m["event"] == "markdone"]


@pytest.mark.parametrize("state", LIVE_CALL)
def test_a_live_call_must_be_hung_up_first(state: InteractionState) -> None:
    bench = Bench(("interaction", "markdone"))
    bench.place("voice", state)
    assert bench.error("interaction.markdone", "1") == (
        f"Cannot mark done interaction '1': it is a live call ({state.value}); hang it up first."
    )
    assert bench.events() == [] and bench.wire("1")["state"] == state.value


def test_mark_done_is_announced_to_its_subscribers_only() -> None:
    bench = Bench(("interaction", "markdone"))
    bench.subscribe(2, B, ("interaction",))
    bench.subscribe(3, B, ("markdone",))
    bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    bench.call("voice.hangUp", "1")
    bench.events()
    before = len(bench.types(2))
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["REMOVED", "markdone:DONE"]
    assert bench.types(2)[before:] == ["REMOVED"]
    assert [m["data"] for m in bench.events(3)] == [
        {"eventType": "DONE", "interactionId": "1", "media": "voice", "blocked": False, "warningMessages": []}
    ]


def test_blocks_belong_to_their_origin() -> None:
    bench = Bench(("interaction", "markdone"))
    bench.subscribe(2, B, ("markdone",))
    bench.scenario.deliver_email()
    bench.call("interaction.accept", "1")
    bench.events()
    assert bench.error("interaction.unblockMarkdone", "1") == (
        f"Interaction '1' has no mark done block from {A} (blocked by: nobody)."
    )
    assert bench.call("interaction.blockMarkdone", "1", "Choose a disposition.") is None
    bench.call("interaction.blockMarkdone", "1", None, frame=2, origin=B)
    assert _markdone(bench) == [
        {"eventType": "BLOCKED", "interactionId": "1", "media": "email", "blocked": True, "warningMessages": ["Choose a disposition."]},
        {
            "eventType": "BLOCKED",
            "interactionId": "1",
            "media": "email",
            "blocked": True,
            "warningMessages": ["Choose a disposition.", "Mark done is blocked by an application."],
        },
    ]
    assert bench.error("interaction.markdone", "1") == (
        "Mark done is blocked on interaction '1': Choose a disposition. Mark done is blocked by an application."
    )
    assert bench.types() == ["markdone:REFUSED"] and bench.wire("1")["state"] == "ACCEPTED"
    bench.call("interaction.unblockMarkdone", "1")
    assert bench.error("interaction.unblockMarkdone", "1") == (
        f"Interaction '1' has no mark done block from {A} (blocked by: {B})."
    )
    assert bench.error("interaction.markdone", "1") == (
        "Mark done is blocked on interaction '1': Mark done is blocked by an application."
    )


def test_another_origin_cannot_lift_a_block_and_the_owner_can() -> None:
    bench = Bench(("interaction", "markdone"))
    bench.subscribe(2, B, ("markdone",))
    bench.scenario.deliver_chat()
    bench.call("interaction.accept", "1")
    bench.call("interaction.blockMarkdone", "1", "Wrap up first.")
    bench.events()
    assert bench.error("interaction.unblockMarkdone", "1", frame=2, origin=B) == (
        f"Interaction '1' has no mark done block from {B} (blocked by: {A})."
    )
    bench.call("interaction.unblockMarkdone", "1")
    assert _markdone(bench) == [
        {"eventType": "UNBLOCKED", "interactionId": "1", "media": "chat", "blocked": False, "warningMessages": []}
    ]
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["ENDED", "COMPLETED", "REMOVED", "markdone:DONE"]
    assert [m["data"]["eventType"] for m in bench.events(2)] == ["BLOCKED", "UNBLOCKED", "DONE"]


def test_blocking_again_replaces_the_origins_warning() -> None:
    bench = Bench(("markdone",))
    bench.scenario.ring_inbound_call()
    bench.call("interaction.blockMarkdone", "1", "First")
    bench.call("interaction.blockMarkdone", "1", "Second")
    assert [d["warningMessages"] for d in _markdone(bench)] == [["First"], ["Second"]]
    bench.call("interaction.unblockMarkdone", "1")
    assert _markdone(bench)[0]["blocked"] is False


def test_a_blocked_call_is_refused_before_it_is_found_live() -> None:
    bench = Bench(("markdone",))
    bench.scenario.ring_inbound_call()
    bench.call("interaction.blockMarkdone", "1", "Disposition")
    bench.events()
    assert bench.error("interaction.markdone", "1") == "Mark done is blocked on interaction '1': Disposition"
    assert [d["eventType"] for d in _markdone(bench)] == ["REFUSED"]


@pytest.mark.parametrize("name", ["interaction.blockMarkdone", "interaction.unblockMarkdone", "interaction.markdone"])
def test_mark_done_requests_name_an_unknown_interaction(name: str) -> None:
    bench = Bench(("markdone",))
    assert bench.error(name, "5") == "Interaction '5' not found (current interactions: none)."
    assert bench.events() == []


def _consulting() -> Bench:
    """Call "1" answered, consultation "2" dialling."""
    bench = Bench(("interaction", "markdone"))
    bench.scenario.ring_inbound_call()
    bench.call("voice.answer", "1")
    bench.call("interaction.consult", "1", "+15550199")
    return bench


def test_mark_done_takes_the_finished_consultations_with_it() -> None:
    bench = _consulting()
    bench.call("interaction.completeTransfer", "2")
    bench.events()
    bench.call("interaction.markdone", "1")
    assert [
        (m["data"]["eventType"], m["data"].get("interaction", {}).get("interactionId", m["data"].get("interactionId")))
        for m in bench.events()
    ] == [("REMOVED", "1"), ("REMOVED", "2"), ("DONE", "1")]
    assert bench.call("interaction.getInteractions") == []


def test_mark_done_is_refused_while_a_consultation_is_live() -> None:
    bench = _consulting()
    bench.call("voice.hangUp", "1")
    bench.events()
    assert bench.error("interaction.markdone", "1") == "Cannot mark done interaction '1': its consultation '2' is DIALING."
    bench.scenario.remote_party_answers("2")
    assert bench.error("interaction.markdone", "1") == "Cannot mark done interaction '1': its consultation '2' is TALKING."
    bench.call("voice.hangUp", "2")
    bench.events()
    bench.call("interaction.markdone", "2")  # a consultation can be done on its own
    assert bench.types() == ["REMOVED", "markdone:DONE"]
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["REMOVED", "markdone:DONE"]


def test_an_open_reply_holds_back_the_inbound_email() -> None:
    # The refusal calls the reply a "consultation" (see the report).
    bench = Bench()
    bench.scenario.deliver_email()
    bench.call("interaction.accept", "1")
    bench.workspace.open_media.reply("1")
    assert bench.error("interaction.markdone", "1") == "Cannot mark done interaction '1': its reply '2' is CREATED."
    bench.workspace.open_media.send("2")
    bench.call("interaction.markdone", "1")
    assert bench.call("interaction.getInteractions") == []


# -- the flags stay true as interactions come, cases are selected and consultations join ------

_FLAG_STEPS = st.lists(
    st.tuples(st.sampled_from(["ring", "chat", "select", "consult", "answer"]), st.integers(0, 30)), max_size=25
)


@settings(max_examples=60, deadline=None)
@given(_FLAG_STEPS)
def test_every_interactions_case_flags_match_the_selected_and_expanded_cases(steps: list[tuple[str, int]]) -> None:
    """A new interaction gets its own flags only (cases.set_flags): every interaction's must
    still be what a refresh of all of them gives."""
    workspace = Workspace(clock=ManualClock())
    for step, index in steps:
        present = list(workspace.interactions)
        chosen = present[index % len(present)] if present else None
        try:
            if step == "ring":
                workspace.scenario.ring_inbound_call()
            elif step == "chat":
                workspace.scenario.deliver_chat()
            elif chosen is None:
                continue
            elif step == "select":
                workspace.desk.select_case_of(chosen)
            elif step == "consult":
                workspace.transfers.consult(chosen.interaction_id, {"type": "AGENT", "destination": "5002"})
            else:
                workspace.voice.answer(chosen.interaction_id)
        except WorkspaceError:
            continue
        cases = workspace.desk.cases
        for interaction in workspace.interactions:
            assert interaction.is_case_selected == (interaction.case_id == cases.selected)
            assert interaction.is_case_expanded == (interaction.case_id in cases.expanded)
