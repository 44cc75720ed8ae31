"""Every rule of the interaction state machines, taken from every state it allows and refused
from every state it does not, with the state, previousState, events and removal it gives."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from wwe_scapi.clock import ManualClock
from wwe_scapi.workspace import DomainEvent, WorkspaceError
from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.directory import Directory
from wwe_scapi.workspace.events import EventHub
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import OUTBOUND_FLOWS, ON_RECORD, Rule, capabilities, rule_for, rules

FIXED = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
RULES = rules()


def desk_with(media: str, state: InteractionState) -> tuple[InteractionDesk, Interaction, list[DomainEvent]]:
    events: list[DomainEvent] = []
    hub = EventHub()
    hub.add(events.append)
    desk = InteractionDesk(hub, ManualClock(wall=FIXED.timestamp()), Directory())
    interaction = desk.create(media, state, [])
    return desk, interaction, events


ALLOWED = [
    pytest.param(media, operation, state, id=f"{media}-{operation}-from-{state.value}")
    for (media, operation), rule in RULES.items()
    for state in sorted(rule.starts)
]
REFUSED = [
    pytest.param(media, operation, state, id=f"{media}-{operation}-not-from-{state.value}")
    for (media, operation), rule in RULES.items()
    for state in sorted(set(InteractionState) - rule.starts)
]


@pytest.mark.parametrize("media, operation, state", ALLOWED)
def test_each_rule_from_each_state_it_allows(media: str, operation: str, state: InteractionState) -> None:
    desk, interaction, events = desk_with(media, state)
    rule: Rule = RULES[(media, operation)]
    desk.apply(interaction, desk.check(interaction, operation))
    expected = rule.leads_to or state
    assert interaction.state is expected
    if rule.leads_to is not None and rule.leads_to is not state:
        assert interaction.previous_state is state
    announced = [e.data for e in events if e.topic == "interaction"]
    # "record:" events are its linked outbound record's (tests/unit/test_outbound_*): none here
    assert [data["eventType"] for data in announced] == [e for e in rule.events if not e.startswith(ON_RECORD)]
    for data in announced:
        assert data["media"] == media and data["interaction"]["state"] == expected.value
    assert (desk.store.find(interaction.interaction_id) is None) is rule.removes
    if rule.leads_to not in (None, state) and not interaction.is_live:
        assert interaction.end_date == FIXED.isoformat(timespec="seconds")


@pytest.mark.parametrize("media, operation, state", REFUSED)
def test_each_rule_is_refused_from_every_other_state(media: str, operation: str, state: InteractionState) -> None:
    desk, interaction, events = desk_with(media, state)
    needed = " or ".join(sorted(s.value for s in RULES[(media, operation)].starts))
    with pytest.raises(WorkspaceError) as refusal:
        desk.check(interaction, operation)
    assert refusal.value.message == (
        f"Cannot {operation} interaction '1': it is {state.value}; {operation} needs {needed}."
    )
    assert interaction.state is state and events == []


@pytest.mark.parametrize(
    "media, operation",
    [("email", "hold"), ("chat", "answer"), ("voice", "send"), ("voice", "move to workbin"), ("email", "end")],
)
def test_an_operation_of_another_media_is_refused_by_name(media: str, operation: str) -> None:
    _, interaction, _ = desk_with(media, InteractionState.ACCEPTED)
    with pytest.raises(WorkspaceError, match=f"{operation} is not available for {media} interactions"):
        rule_for(interaction, operation)


def test_capabilities_are_read_off_the_rules() -> None:
    _, ringing, _ = desk_with("voice", InteractionState.RINGING)
    assert capabilities(ringing) == ["ANSWER", "REJECT", "SET_USER_DATA"]
    _, talking, _ = desk_with("voice", InteractionState.TALKING)
    assert capabilities(talking) == [
        "CONSULT",
        "HANGUP",
        "HOLD",
        "RECORDING",
        "SET_USER_DATA",
        "SINGLE_STEP_CONFERENCE",
        "SINGLE_STEP_TRANSFER",
    ]
    _, idle, _ = desk_with("voice", InteractionState.IDLE)
    assert capabilities(idle) == ["MARK_DONE"]
    _, draft, _ = desk_with("email", InteractionState.CREATED)
    assert capabilities(draft) == ["CANCEL", "SEND", "SET_USER_DATA"]


def _every_rule_read(interaction: Interaction) -> set[str]:
    """capabilities' meaning, read off every rule one by one (it reads an index of them)."""
    return {
        rule.capability
        for (lifecycle, _), rule in rules().items()
        if lifecycle == interaction.lifecycle
        and rule.capability
        and interaction.state in rule.starts
        and (interaction.is_consultation or not rule.consultations_only)
    }


def test_capabilities_are_those_of_every_rule_for_each_lifecycle_state_and_consultation() -> None:
    lifecycles = sorted({lifecycle for lifecycle, _ in rules()})
    checked = 0
    for lifecycle in lifecycles:
        for state in InteractionState:
            for consultation in (False, True):
                interaction = Interaction("1", "voice", state, "c", "u", None, is_consultation=consultation)
                if lifecycle in OUTBOUND_FLOWS:
                    interaction.flow = lifecycle
                else:
                    interaction.media = lifecycle
                expected = _every_rule_read(interaction)
                if interaction.is_live and interaction.flow not in OUTBOUND_FLOWS:
                    expected.add("SET_USER_DATA")
                assert set(capabilities(interaction)) == expected, (lifecycle, state, consultation)
                checked += bool(expected)
    assert checked > 50  # most lifecycles have capabilities in some state


def test_the_wire_object_carries_capabilities_and_ids_from_one() -> None:
    desk, interaction, _ = desk_with("chat", InteractionState.INVITED)
    wire = interaction.to_wire()
    assert wire["interactionId"] == "1" and wire["capabilities"] == ["ACCEPT", "REJECT", "SET_USER_DATA"]
    assert wire["isMainCaseInteraction"] is True and wire["parentInteractionId"] is None
    assert wire["startDate"] == "2026-11-24T09:30:00+00:00" and wire["endDate"] is None
    assert desk.create("voice", InteractionState.RINGING, []).interaction_id == "2"
