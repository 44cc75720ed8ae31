"""Outbound preview records through the broker: every row of the reference's "Outbound preview
events" table for pull, push and direct push preview (eventType, interactionId, state,
callType, capabilities, in order), the campaign events of the `outbound` topic, and every
outbound rule of lifecycle.py taken from each state it starts from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from outbound_support import (
    DIRECT,
    FIRST_CHAIN,
    INVITED_CAPABILITIES,
    PREVIEWING_CAPABILITIES,
    PULL,
    PUSH,
    OutboundBench,
    Step,
    step_of,
)
from unit_support import refusal_of
from wwe_scapi.workspace.interactions import InteractionState
from wwe_scapi.workspace.lifecycle import ON_RECORD, OUTBOUND_FLOWS, PREVIEW_CALL, PREVIEW_RECORD, PUSH_PREVIEW_CALL, rules

PREVIEW, PUSHED, CALL = "OUTBOUND_PREVIEW", "OUTBOUND_PUSH_PREVIEW", "OUTBOUND"


def _arrival(interaction_id: str, state: str, call_type: str, capabilities: list[str]) -> list[Step]:
    """A record received: ADDED, then its state's own event (PREVIEWING or INVITED)."""
    return [(event, interaction_id, state, call_type, capabilities) for event in ("ADDED", state)]


def _dialing(call: str) -> list[Step]:
    """A record's call made: ADDED/DIALING, DIALING/DIALING, callType OUTBOUND, [HANGUP]."""
    return [(event, call, "DIALING", CALL, ["HANGUP"]) for event in ("ADDED", "DIALING")]

# -- pull preview -------------------------------------------------------------------------------


def test_a_pulled_record_arrives_previewing_then_its_chain_is_retrieved() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    events = bench.interaction_events()
    assert [step_of(m) for m in events] == [
        *_arrival(preview, "PREVIEWING", PREVIEW, PREVIEWING_CAPABILITIES),
        ("RECORDS_RETRIEVED", preview, "PREVIEWING", PREVIEW, PREVIEWING_CAPABILITIES),
    ]
    chained = events[-1]["data"]["interaction"]["chainedRecords"]
    assert [record["GSW_RECORD_HANDLE"] for record in chained] == FIRST_CHAIN
    # As the reference's sample: the record itself, then the rest of its chain.
    assert [record["GSW_USER_EVENT"] for record in chained] == ["PreviewRecord", "ChainedRecord"]
    assert [record["GSW_RECORD_HANDLE"] for record in events[0]["data"]["interaction"]["chainedRecords"]] == [257]


def test_a_pulled_record_carries_its_keys_as_strings_in_user_data() -> None:
    bench = OutboundBench()
    user_data = bench.listed(bench.pull())["userData"]
    assert all(isinstance(value, str) for value in user_data.values())
    assert (user_data["GSW_RECORD_HANDLE"], user_data["GSW_CAMPAIGN_NAME"], user_data["GSW_TZ_OFFSET"]) == ("257", PULL, "34200")
    assert (user_data["InteractionType"], user_data["InteractionSubtype"]) == ("Outbound", "OutboundNew")


def test_a_one_record_chain_gives_the_tables_two_rows_only() -> None:
    bench = OutboundBench()
    first = bench.pull()
    bench.call("outbound.cancelPreviewRecord", first)
    bench.events()
    second = bench.pull()  # Blake Rivera: one number
    assert bench.steps() == _arrival(second, "PREVIEWING", PREVIEW, PREVIEWING_CAPABILITIES)


def test_calling_a_pulled_record_adds_the_call_as_a_new_interaction() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.events()
    call = bench.call("outbound.callPreviewRecord", preview, 257)
    assert call["interactionId"] != preview and call["caseId"] == bench.listed(preview)["caseId"]
    assert bench.steps() == _dialing(call["interactionId"])


def test_calling_a_record_counts_an_attempt_on_it_only() -> None:
    bench = OutboundBench()
    call = bench.dial(bench.pull(), 258)
    records = bench.call("outbound.getChainedRecords", call)[0]["records"]
    assert [(record["GSW_RECORD_HANDLE"], record["GSW_ATTEMPTS"]) for record in records] == [(257, 0), (258, 1)]
    assert bench.listed(call)["userData"]["GSW_RECORD_HANDLE"] == "258"


def _answered_released_marked_done(bench: OutboundBench, preview: str, call: str) -> None:
    """Pull and direct push preview: the customer answers, the agent hangs up (the record's
    REMOVED first), then marks the call done; nothing is left on the desktop."""
    bench.scenario.remote_party_answers(call)
    assert bench.steps() == [("ESTABLISHED", call, "TALKING", CALL, ["HANGUP", "HOLD"])]
    bench.call("voice.hangUp", call)
    assert bench.steps() == [
        ("REMOVED", preview, "IDLE", PREVIEW, []),
        ("RELEASED", call, "IDLE", CALL, ["MARK_DONE"]),
    ]
    assert bench.wire(preview) is None
    bench.call("interaction.markdone", call)
    assert bench.steps() == [
        ("MARKDONE_APPLY", call, "IDLE", CALL, ["MARK_DONE"]),
        ("REMOVED", call, "IDLE", CALL, []),
    ]
    assert bench.call("interaction.getInteractions") == []


def test_a_pulled_record_called_answered_released_and_marked_done() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    call = bench.dial(preview, 257)
    bench.events()
    _answered_released_marked_done(bench, preview, call)


REJECT_OR_CANCEL = [("outbound.rejectPreviewRecord", "REJECTED"), ("outbound.cancelPreviewRecord", "CANCELED")]


@pytest.mark.parametrize("name, state", REJECT_OR_CANCEL, ids=["reject", "cancel"])
@pytest.mark.parametrize("pushed", [False, True], ids=["pulled", "pushed-and-accepted"])
def test_a_record_rejected_or_cancelled_then_marked_done(name: str, state: str, pushed: bool) -> None:
    bench = OutboundBench()
    preview = bench.accepted() if pushed else bench.pull()
    call_type = PUSHED if pushed else PREVIEW
    bench.events()
    bench.call(name, preview)
    assert bench.steps() == [("STATE_CHANGE", preview, state, call_type, ["MARK_DONE"])]
    bench.call("interaction.markdone", preview)
    assert bench.steps() == [
        ("MARKDONE_APPLY", preview, state, call_type, ["MARK_DONE"]),
        ("REMOVED", preview, state, call_type, []),
    ]


@pytest.mark.parametrize("name, state", REJECT_OR_CANCEL, ids=["reject", "cancel"])
def test_reject_and_cancel_without_an_id_take_the_current_record(name: str, state: str) -> None:
    # The reference's signatures carry no interaction id.
    bench = OutboundBench()
    preview = bench.pull()
    bench.events()
    assert bench.call(name) is None
    assert bench.steps() == [("STATE_CHANGE", preview, state, PREVIEW, ["MARK_DONE"])]


def test_without_an_id_the_selected_cases_record_is_the_current_one() -> None:
    bench = OutboundBench()
    first = bench.pull()
    second = bench.pull()
    bench.call("interaction.selectCaseByCaseId", bench.listed(first)["caseId"])
    bench.events()
    bench.call("outbound.rejectPreviewRecord")
    assert [(step[1], step[2]) for step in bench.steps()] == [(first, "REJECTED")]
    assert bench.listed(second)["state"] == "PREVIEWING"


def test_pull_preview_mark_done_fetches_no_next_record() -> None:
    # "Mark done is similar to doing a 'Done and Stop' action, where the next preview record
    # is not fetched" (reference).
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.events()
    bench.call("interaction.markdone", call)
    assert [step[0] for step in bench.steps()] == ["MARKDONE_APPLY", "REMOVED"]
    assert bench.call("interaction.getInteractions") == []


# -- push preview -------------------------------------------------------------------------------


def test_a_pushed_record_arrives_invited() -> None:
    bench = OutboundBench()
    preview = bench.push()
    assert bench.steps() == _arrival(preview, "INVITED", PUSHED, INVITED_CAPABILITIES)


def test_a_pushed_record_accepted_is_previewing() -> None:
    bench = OutboundBench()
    preview = bench.push()
    bench.events()
    bench.call("interaction.accept", preview)
    assert bench.steps() == [("PREVIEWING", preview, "PREVIEWING", PUSHED, PREVIEWING_CAPABILITIES)]


@pytest.mark.parametrize("name", ["interaction.reject", "outbound.rejectPreviewRecord"])
def test_a_pushed_record_rejected_while_invited_is_removed(name: str) -> None:
    bench = OutboundBench()
    preview = bench.push()
    bench.events()
    bench.call(name, preview)
    assert bench.steps() == [("REMOVED", preview, "REJECTED", PUSHED, [])]
    assert bench.wire(preview) is None
    assert bench.outcomes(PUSH)[401]["status"] == "rejected"


def test_a_pushed_record_called_answered_released_and_marked_done() -> None:
    bench = OutboundBench()
    preview = bench.accepted()
    bench.events()
    call = bench.dial(preview)
    assert bench.steps() == _dialing(call)
    bench.scenario.remote_party_answers(call)
    assert bench.steps() == [("ESTABLISHED", call, "TALKING", CALL, ["HANGUP", "HOLD"])]
    bench.call("voice.hangUp", call)
    assert bench.steps() == [("RELEASED", call, "IDLE", CALL, ["MARK_DONE"])]  # the record stays
    assert bench.wire(preview) is not None
    bench.call("interaction.markdone", call)
    steps = bench.steps()
    # The record's REMOVED: its capabilities in the next test.
    assert [step[:4] for step in steps] == [
        ("MARKDONE_APPLY", call, "IDLE", CALL),
        ("REMOVED", preview, "IDLE", PUSHED),
        ("REMOVED", call, "IDLE", CALL),
    ]
    assert (steps[0][4], steps[2][4]) == (["MARK_DONE"], [])
    assert bench.call("interaction.getInteractions") == []


# The reference's push preview row for the record's REMOVED reads 'OUTBOUND_PUSH MPREK/ | XUNE',
# garbled as its STATE_CHANGE rows 'OUTBOUND_PUSH MREKIEUNE' (OUTBOUND_PUSH_PREVIEW, MARK_DONE) are,
# where a row without capabilities prints clean ('OUTBOUND_PUSH-PREVIEW').
def test_push_preview_mark_done_removes_the_record_with_mark_done_as_the_table_prints() -> None:
    bench = OutboundBench()
    preview = bench.accepted()
    call = bench.released(preview)
    bench.events()
    bench.call("interaction.markdone", call)
    assert bench.steps()[1] == ("REMOVED", preview, "IDLE", PUSHED, ["MARK_DONE"])


# -- direct push preview ------------------------------------------------------------------------


def test_starting_direct_push_preview_pushes_a_record() -> None:
    bench = OutboundBench()
    assert bench.call("outbound.startDirectPushPreview") is None
    events = bench.interaction_events()
    preview = events[0]["data"]["interaction"]["interactionId"]
    assert [step_of(m) for m in events] == _arrival(preview, "INVITED", PREVIEW, INVITED_CAPABILITIES)
    assert events[0]["data"]["interaction"]["userData"]["GSW_CAMPAIGN_NAME"] == DIRECT


def _direct(bench: OutboundBench) -> str:
    bench.call("outbound.startDirectPushPreview")
    return str(bench.interaction_events()[0]["data"]["interaction"]["interactionId"])


def test_a_direct_push_record_accepted_called_released_and_marked_done() -> None:
    bench = OutboundBench()
    preview = _direct(bench)
    bench.call("interaction.accept", preview)
    assert bench.steps() == [("PREVIEWING", preview, "PREVIEWING", PREVIEW, PREVIEWING_CAPABILITIES)]
    call = bench.dial(preview)
    assert bench.steps() == _dialing(call)
    _answered_released_marked_done(bench, preview, call)  # and "Done and Stop": no next record


def test_after_done_and_stop_dialing_mode_must_be_started_again() -> None:
    bench = OutboundBench()
    preview = _direct(bench)
    bench.call("interaction.accept", preview)
    bench.call("interaction.markdone", bench.released(preview))
    bench.events()
    bench.call("outbound.startDirectPushPreview")
    assert [(step[0], step[2]) for step in bench.steps()] == [("ADDED", "INVITED"), ("INVITED", "INVITED")]


def test_a_rejected_direct_push_record_brings_the_next_while_dialing_mode_is_on() -> None:
    bench = OutboundBench()
    first = _direct(bench)
    bench.call("interaction.reject", first)
    steps = bench.steps()
    assert [(step[0], step[2]) for step in steps] == [("REMOVED", "REJECTED"), ("ADDED", "INVITED"), ("INVITED", "INVITED")]
    assert steps[0][1] == first and steps[1][1] != first
    assert bench.listed(steps[1][1])["userData"]["GSW_RECORD_HANDLE"] == "502"


def test_stopping_direct_push_preview_stops_the_pushes() -> None:
    bench = OutboundBench()
    first = _direct(bench)
    assert bench.call("outbound.stopDirectPushPreview") is None
    bench.call("interaction.reject", first)
    assert bench.steps() == [("REMOVED", first, "REJECTED", PREVIEW, [])]
    assert bench.call("interaction.getInteractions") == []


def test_direct_push_preview_hands_one_record_at_a_time() -> None:
    bench = OutboundBench()
    _direct(bench)
    bench.call("outbound.startDirectPushPreview")  # again, while a record is held
    bench.scenario.load_campaign("Second Direct", "Direct Push Preview", records=[{"GSW_PHONE": "+15550101", "Customer Name": "Pat Doe"}])
    bench.scenario.start_campaign("Second Direct")
    assert bench.steps() == []
    assert len(bench.call("interaction.getInteractions")) == 1


def test_a_direct_push_campaign_started_while_dialing_mode_is_on_pushes_at_once() -> None:
    bench = OutboundBench()
    bench.scenario.stop_campaign(DIRECT)
    bench.call("outbound.startDirectPushPreview")  # served with a warning: nothing runs
    assert bench.steps() == []
    bench.scenario.start_campaign(DIRECT)
    assert [(step[0], step[2], step[3]) for step in bench.steps()] == [("ADDED", "INVITED", PREVIEW), ("INVITED", "INVITED", PREVIEW)]


# -- campaign events ----------------------------------------------------------------------------


def test_campaign_events_are_the_references_exactly() -> None:
    bench = OutboundBench()
    name = "Offer of the Month"
    bench.scenario.load_campaign(name, "Progressive")
    bench.scenario.start_campaign(name, "Predictive GVP")
    bench.scenario.stop_campaign(name)
    bench.scenario.unload_campaign(name)
    assert bench.events() == [
        {"event": "outbound", "data": data, "userAgent": "WWE Server", "protocolVersion": 2}
        for data in (
            {"eventType": "CampaignLoaded", "campaign": name},
            {"eventType": "CampaignStarted", "campaign": name, "mode": "Predictive GVP"},
            {"eventType": "CampaignStopped", "campaign": name},
            {"eventType": "CampaignUnloaded", "campaign": name},
        )
    ]


def test_a_campaign_started_in_its_own_mode_names_that_mode() -> None:
    bench = OutboundBench()
    bench.scenario.stop_campaign(PUSH)
    bench.events()
    bench.scenario.start_campaign(PUSH)
    assert bench.topic("outbound") == [{"eventType": "CampaignStarted", "campaign": PUSH, "mode": "Push Preview"}]


def test_campaign_events_go_to_outbound_subscribers_only() -> None:
    bench = OutboundBench()
    bench.subscribe(2, "http://b.test", ("interaction",))
    bench.scenario.load_campaign("Quiet", "Preview")
    assert bench.types(2) == []
    assert bench.types(1) == ["outbound:CampaignLoaded"]


@pytest.mark.parametrize(
    "step, expected",
    [
        (lambda bench: bench.scenario.load_campaign(PULL, "Preview"), "Campaign 'CampaignSIP' is already loaded."),
        (lambda bench: bench.scenario.start_campaign(PULL), "Campaign 'CampaignSIP' is already running (Preview)."),
        (lambda bench: bench.scenario.stop_campaign("Later"), "Campaign 'Later' is not running (Loaded)."),
        (lambda bench: bench.scenario.unload_campaign("Nope"), "Campaign 'Nope' is not loaded for this agent (loaded campaigns: 'CampaignSIP', 'CampaignPush', 'CampaignDirect', 'Later')."),
    ],
    ids=["load-twice", "start-running", "stop-not-running", "unload-unknown"],
)
def test_a_campaign_step_out_of_order_is_refused_and_announces_nothing(step: Callable[[OutboundBench], object], expected: str) -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Later", "Preview")
    bench.events()
    assert refusal_of(lambda: step(bench)) == expected
    assert bench.events() == []


def test_a_campaign_started_in_an_unknown_mode_is_refused_naming_the_modes() -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Later", "Preview")
    refusal = refusal_of(lambda: bench.scenario.start_campaign("Later", "Turbo"))
    assert refusal is not None and refusal.startswith("Unknown campaign mode 'Turbo'. Modes: Preview, Push Preview, Direct Push Preview,")
    assert _statuses(bench)["Later"] == "Loaded"


def _statuses(bench: OutboundBench) -> dict[str, str]:
    return {campaign["name"]: campaign["status"] for campaign in bench.call("outbound.getCampaigns")}


def test_get_campaigns_follows_each_campaign_event() -> None:
    bench = OutboundBench()
    assert _statuses(bench) == {PULL: "Running", PUSH: "Running", DIRECT: "Running"}
    bench.scenario.load_campaign("Winter Offer", "Preview")
    assert _statuses(bench)["Winter Offer"] == "Loaded"
    bench.scenario.start_campaign("Winter Offer")
    assert _statuses(bench)["Winter Offer"] == "Running"
    bench.scenario.stop_campaign("Winter Offer")
    assert _statuses(bench)["Winter Offer"] == "Stopped"
    bench.scenario.unload_campaign("Winter Offer")
    bench.scenario.unload_campaign(PUSH)
    assert _statuses(bench) == {PULL: "Running", DIRECT: "Running"}


def test_get_campaigns_shows_the_mode_a_campaign_was_started_in() -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Offer of the Month", "Progressive")
    bench.scenario.start_campaign("Offer of the Month", "Predictive GVP")
    listed = {campaign["name"]: campaign for campaign in bench.call("outbound.getCampaigns")}
    assert listed["Offer of the Month"]["mode"] == "Predictive GVP"


def test_a_loaded_campaigns_records_are_pulled_once_it_runs() -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Winter Offer", "Preview", records=[{"GSW_PHONE": "+15550199", "Customer Name": "Pat Doe"}])
    bench.scenario.start_campaign("Winter Offer")
    bench.events()
    preview = bench.pull("Winter Offer")
    assert bench.listed(preview)["userData"]["Customer Name"] == "Pat Doe"
    assert [step[0] for step in bench.steps()] == ["ADDED", "PREVIEWING"]


# -- every outbound rule of lifecycle.py, from each state it starts from -------------------------

S = InteractionState
GENERIC_OPERATIONS = frozenset({"contact change", "case id change", "error"})  # every media's rules


def _to_record(bench: OutboundBench, state: InteractionState) -> str:
    """A preview record interaction in that state."""
    if state is S.INVITED:
        return bench.push()
    preview = bench.pull()
    if state is S.REJECTED:
        bench.call("outbound.rejectPreviewRecord", preview)
    elif state is S.CANCELED:
        bench.call("outbound.cancelPreviewRecord", preview)
    return preview


def _to_call(bench: OutboundBench, state: InteractionState, preview: str) -> str:
    call = bench.dial(preview)
    if state in (S.TALKING, S.HELD, S.IDLE):
        bench.scenario.remote_party_answers(call)
    if state is S.HELD:
        bench.call("voice.hold", call)
    if state is S.IDLE:
        bench.call("voice.hangUp", call)
    return call


# The states an interaction of each flow reaches through the service (see `_reach`).
REACHED: dict[str, tuple[InteractionState, ...]] = {
    PREVIEW_RECORD: (S.INVITED, S.PREVIEWING, S.REJECTED, S.CANCELED),
    PREVIEW_CALL: (S.DIALING, S.TALKING, S.HELD, S.IDLE),
    PUSH_PREVIEW_CALL: (S.DIALING, S.TALKING, S.HELD, S.IDLE),
}


def _reach(bench: OutboundBench, flow: str, state: InteractionState) -> str:
    """An interaction of that flow in that state: a pulled or pushed record, or a call of one."""
    if flow == PREVIEW_RECORD:
        return _to_record(bench, state)
    return _to_call(bench, state, bench.pull() if flow == PREVIEW_CALL else bench.accepted())


@dataclass(frozen=True)
class OutboundRoute:
    """How a rule is taken: `act(bench, interaction_id)` raises AssertionError when refused;
    `after`: the events the action brings beyond the rule's own (the call a record's call adds)."""

    act: Callable[[OutboundBench, str], object]
    after: tuple[str, ...] = ()


def _request(name: str, *more: object) -> OutboundRoute:
    return OutboundRoute(lambda bench, interaction_id: bench.call(name, interaction_id, *more))


def _scenario(step: Callable[[OutboundBench, str], object], after: tuple[str, ...] = ()) -> OutboundRoute:
    return OutboundRoute(step, after)


def _generic_routes(flow: str) -> dict[tuple[str, str], OutboundRoute]:
    return {
        (flow, "contact change"): _scenario(lambda bench, i: bench.scenario.update_contact(i, displayName="Avery Stone")),
        (flow, "case id change"): _scenario(lambda bench, i: bench.scenario.change_case_id(i)),
        (flow, "error"): _scenario(lambda bench, i: bench.scenario.interaction_error(i)),
    }


def _call_routes(flow: str) -> dict[tuple[str, str], OutboundRoute]:
    return {
        (flow, "remote answer"): _scenario(lambda bench, i: bench.scenario.remote_party_answers(i)),
        (flow, "hold"): _request("voice.hold"),
        (flow, "resume"): _request("voice.resume"),
        (flow, "record"): _request("voice.startCallRecording"),
        (flow, "party change"): _scenario(lambda bench, i: bench.scenario.party_leaves(i, bench.listed(i)["parties"][0]["name"])),
        (flow, "hang up"): _request("voice.hangUp"),
        (flow, "remote hang-up"): _scenario(lambda bench, i: bench.scenario.remote_party_hangs_up(i)),
        (flow, "mark done"): _request("interaction.markdone"),
        **_generic_routes(flow),
    }


ROUTES: dict[tuple[str, str], OutboundRoute] = {
    (PREVIEW_RECORD, "accept"): _request("interaction.accept"),
    (PREVIEW_RECORD, "reject"): _request("interaction.reject"),
    (PREVIEW_RECORD, "call"): OutboundRoute(lambda bench, i: bench.dial(i), after=("ADDED", "DIALING")),
    (PREVIEW_RECORD, "reject record"): _request("outbound.rejectPreviewRecord"),
    (PREVIEW_RECORD, "cancel record"): _request("outbound.cancelPreviewRecord"),
    (PREVIEW_RECORD, "mark done"): _request("interaction.markdone"),
    **_generic_routes(PREVIEW_RECORD),
    **_call_routes(PREVIEW_CALL),
    **_call_routes(PUSH_PREVIEW_CALL),
}
CASES = [
    pytest.param(flow, operation, state, id=f"{flow}-{operation}-from-{state.value}")
    for (flow, operation), rule in rules().items()
    if flow in OUTBOUND_FLOWS
    for state in sorted(rule.starts & set(REACHED[flow]))
]


def test_the_routes_cover_every_outbound_rule() -> None:
    assert set(ROUTES) == {key for key in rules() if key[0] in OUTBOUND_FLOWS}


def test_every_start_state_of_an_outbound_rule_is_reached() -> None:
    # The rules of every media (contact change, case id change, error) start from any live
    # state: they are taken from each state an outbound interaction reaches; the outbound
    # rules' own start states must all be reached.
    unreached = {
        (flow, operation, state.value)
        for (flow, operation), rule in rules().items()
        if flow in OUTBOUND_FLOWS and operation not in GENERIC_OPERATIONS
        for state in rule.starts - set(REACHED[flow])
    }
    assert unreached == set()


def _expected(events: tuple[str, ...], interaction_id: str, linked: str | None) -> list[tuple[str, str | None]]:
    """The rule's events as (eventType, interactionId): "record:X" ones on the call's record."""
    return [(event.removeprefix(ON_RECORD), linked if event.startswith(ON_RECORD) else interaction_id) for event in events]


@pytest.mark.parametrize("flow, operation, state", CASES)
def test_each_outbound_rule_from_each_state_it_allows(flow: str, operation: str, state: InteractionState) -> None:
    rule = rules()[(flow, operation)]
    route = ROUTES[(flow, operation)]
    bench = OutboundBench()
    interaction_id = _reach(bench, flow, state)
    interaction = bench.workspace.desk.get(interaction_id)
    assert (interaction.flow, interaction.state) == (flow, state)
    linked = interaction.linked_id
    bench.events()
    route.act(bench, interaction_id)
    got: list[tuple[str, str | None]] = [(step[0], step[1]) for step in bench.steps()]
    expected = _expected(rule.events, interaction_id, linked)
    assert got[: len(expected)] == expected
    assert [event for event, _ in got[len(expected) :]] == list(route.after)
    listed = bench.wire(interaction_id)
    assert (listed is None) is rule.removes
    if listed is not None:
        assert listed["state"] == (rule.leads_to or state).value


@pytest.mark.parametrize("flow", sorted(REACHED))
def test_each_flow_is_brought_to_each_state_it_reaches(flow: str) -> None:
    for state in REACHED[flow]:
        bench = OutboundBench()
        interaction = bench.workspace.desk.get(_reach(bench, flow, state))
        assert (interaction.flow, interaction.state) == (flow, state)
