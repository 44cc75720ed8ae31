"""Every request of the interaction, voice and email namespaces (and getContextualOption) as the
broker sees it: each parameter checked with an exact message, unknown ids, what each answers,
the write allow-list on every user-data carrier, the read allow-list on every way out, and the
origin filters (sipEndpoint.* judged as voice.*)."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import A, B, C, Bench, Recorder, request
from wwe_scapi.protocol.catalogue import CATALOGUE, ParamKind, RequestSpec
from wwe_scapi.protocol.jsontypes import json_type_name
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.workspace import Workspace

SERVED = [
    spec
    for spec in CATALOGUE.values()
    if spec.namespace in ("interaction", "voice", "email", "sipEndpoint")
    or spec.name == "configuration.getContextualOption"
]
VALID = {
    ParamKind.STRING: "1",
    ParamKind.ID: "1",
    ParamKind.OBJECT: {},
    ParamKind.OPTIONS: "voice.*",
    ParamKind.TARGET: "+15550100",
}
WRONG = {
    ParamKind.STRING: [7, True, {}, []],
    ParamKind.ID: [True, {}, [], 1.5],
    ParamKind.OBJECT: ["text", 7, [], False],
    ParamKind.OPTIONS: [7, {}, ["a", 1], True],
    ParamKind.TARGET: [7, [], True],
}


def _signature(spec: RequestSpec) -> str:
    return f"{spec.name}({', '.join(p.name + ('?' if p.optional else '') for p in spec.params)})"


def _takes(spec: RequestSpec) -> str:
    names = ", ".join(p.name for p in spec.params)
    if not spec.params:
        return "no parameters"
    if all(not p.optional for p in spec.params):
        return f"{len(spec.params)} parameter{'s' if len(spec.params) > 1 else ''} ({names})"
    return f"at most {len(spec.params)} parameters ({names})"


def _ringing() -> Bench:
    bench = Bench(("interaction", "markdone"))
    bench.scenario.ring_inbound_call()
    bench.events()
    return bench


def _nothing_happened(bench: Bench) -> bool:
    listed = bench.call("interaction.getInteractions")
    return bench.events() == [] and [(i["interactionId"], i["state"]) for i in listed] == [("1", "RINGING")]


def test_the_served_requests_are_the_ones_expected() -> None:
    assert sorted(spec.name for spec in SERVED) == sorted(
        [f"interaction.{m}" for m in (
            "accept", "reject", "getInteractions", "getByInteractionId", "setUserData", "deleteUserData",
            "selectCaseByCaseId", "markdone", "blockMarkdone", "unblockMarkdone", "consult",
            "completeTransfer", "completeConference", "singleStepTransfer", "singleStepConference",
        )]
        + [f"voice.{m}" for m in (
            "dial", "dialEx", "answer", "hangUp", "hold", "resume", "startCallRecording", "stopCallRecording",
            "pauseCallRecording", "resumeCallRecording",
        )]
        + [f"{ns}.{m}" for ns in ("voice", "sipEndpoint") for m in (
            "isMicrophoneMute", "isSpeakerMute", "muteMicrophone", "unmuteMicrophone", "muteSpeaker", "unmuteSpeaker",
        )]
        + ["email.create", "configuration.getContextualOption"]
    )


@pytest.mark.parametrize("spec", SERVED, ids=lambda spec: spec.name)
def test_too_many_parameters(spec: RequestSpec) -> None:
    bench = _ringing()
    valid = [VALID[p.kind] for p in spec.params]
    assert bench.error(spec.name, *valid, "extra") == f"{spec.name} takes {_takes(spec)}, got {len(valid) + 1}."
    assert _nothing_happened(bench)


MISSING = [
    pytest.param(spec, position, id=f"{spec.name}-{param.name}")
    for spec in SERVED
    for position, param in enumerate(spec.params)
    if not param.optional
]


@pytest.mark.parametrize("spec, position", MISSING)
def test_each_missing_required_parameter(spec: RequestSpec, position: int) -> None:
    bench = _ringing()
    valid = [VALID[p.kind] for p in spec.params[:position]]
    expected = f"{spec.name} needs parameter {position + 1} ({spec.params[position].name}): {_signature(spec)}."
    assert bench.error(spec.name, *valid) == expected
    assert bench.error(spec.name, *valid, None) == expected  # null counts as missing
    assert _nothing_happened(bench)


WRONG_TYPES = [
    pytest.param(spec, position, value, id=f"{spec.name}-{param.name}-{json_type_name(value)}")
    for spec in SERVED
    for position, param in enumerate(spec.params)
    for value in WRONG[param.kind]
]


@pytest.mark.parametrize("spec, position, value", WRONG_TYPES)
def test_each_parameter_of_the_wrong_type(spec: RequestSpec, position: int, value: Any) -> None:
    bench = _ringing()
    parameters = [VALID[p.kind] for p in spec.params]
    parameters[position] = value
    param = spec.params[position]
    assert bench.error(spec.name, *parameters) == (
        f"Parameter {position + 1} ({param.name}) of {spec.name} must be {param.kind.value}, got {json_type_name(value)}."
    )
    assert _nothing_happened(bench)


UNKNOWN_ID = "Interaction '7' not found (current interactions: '1')."
BY_ID = [
    ("interaction.accept", []),
    ("interaction.reject", []),
    ("interaction.setUserData", [{"K": 1}]),
    ("interaction.deleteUserData", ["K"]),
    ("interaction.markdone", []),
    ("interaction.blockMarkdone", ["w"]),
    ("interaction.unblockMarkdone", []),
    ("interaction.consult", ["+15550100"]),
    ("interaction.completeTransfer", []),
    ("interaction.completeConference", []),
    ("interaction.singleStepTransfer", ["+15550100"]),
    ("interaction.singleStepConference", ["+15550100"]),
    ("voice.answer", []),
    ("voice.hangUp", []),
    ("voice.hold", []),
    ("voice.resume", []),
    ("voice.startCallRecording", []),
    ("voice.stopCallRecording", []),
    ("voice.pauseCallRecording", []),
    ("voice.resumeCallRecording", []),
]


@pytest.mark.parametrize("name, more", BY_ID, ids=[name for name, _ in BY_ID])
@pytest.mark.parametrize("interaction_id", ["7", 7])
def test_an_unknown_interaction_id_is_named(name: str, more: list[Any], interaction_id: Any) -> None:
    bench = _ringing()
    assert bench.error(name, interaction_id, *more) == UNKNOWN_ID
    assert _nothing_happened(bench)


def test_every_request_taking_an_interaction_id_is_covered() -> None:
    takes_id = {spec.name for spec in SERVED if spec.params and spec.params[0].kind is ParamKind.ID}
    answered_otherwise = {"interaction.getByInteractionId", "interaction.selectCaseByCaseId"}
    assert takes_id - answered_otherwise == {name for name, _ in BY_ID}


def test_unknown_ids_with_their_own_answers() -> None:
    bench = _ringing()
    assert bench.call("interaction.getByInteractionId", "7") is None
    assert bench.error("configuration.getContextualOption", "voice.*", "7") == "Error: Interaction not found."
    case_id = bench.workspace.interactions.get("1").case_id
    assert bench.error("interaction.selectCaseByCaseId", "7") == f"Unknown case '7'. Current cases: {case_id}."


# -- what each request answers ------------------------------------------------------------------


def test_what_the_interaction_requests_answer() -> None:
    bench = Bench()
    bench.scenario.ring_inbound_call()
    listed = bench.call("interaction.getInteractions")
    assert [i["interactionId"] for i in listed] == ["1"] and bench.call("interaction.getByInteractionId", "1") == listed[0]
    for name, parameters in (
        ("interaction.setUserData", ["1", {"K": "v"}]),
        ("interaction.deleteUserData", ["1", "K"]),
        ("interaction.blockMarkdone", ["1", "w"]),
        ("interaction.unblockMarkdone", ["1"]),
        ("interaction.selectCaseByCaseId", [listed[0]["caseId"]]),
        ("interaction.accept", ["1"]),
        ("voice.hold", ["1"]),
        ("voice.resume", ["1"]),
        ("voice.startCallRecording", ["1"]),
        ("interaction.singleStepConference", ["1", "+15550111"]),
    ):
        assert bench.call(name, *parameters) is None, name
    consultation = bench.call("interaction.consult", "1", "+15550199")
    assert consultation == bench.call("interaction.getByInteractionId", "2")
    assert bench.call("interaction.completeTransfer", "2") is None
    assert bench.call("interaction.markdone", "1") is None
    assert bench.call("interaction.getInteractions") == []


def test_dial_and_email_create_answer_the_new_interaction() -> None:
    bench = Bench()
    dialled = bench.call("voice.dial", "+15550100")
    assert dialled == bench.wire("1") and dialled["state"] == "DIALING"
    extended = bench.call("voice.dialEx", "+15550101", {}, {})
    assert extended == bench.wire("2")
    created = bench.call("email.create", "robin@example.com")
    assert created == bench.wire("3") and created["state"] == "CREATED"


# -- user-data allow-lists ------------------------------------------------------------------------

FORBIDDEN_ONE = (
    "Writing the user data key 'Secret' is not allowed "
    "(service-client-api.user-data.write-allowed); nothing was changed."
)
RESTRICTED = [
    ("interaction.setUserData", ["1", {"Allowed": 1, "Secret": 2}]),
    ("interaction.deleteUserData", ["1", "Secret"]),
]
# The reference's write list restricts setUserData and deleteUserData; these carry user data.
CARRIED = [
    ("interaction.consult", ["1", "+15550199", {"Allowed": 1, "Secret": 2}, {}]),
    ("interaction.singleStepTransfer", ["1", "+15550199", {"Secret": 2}]),
    ("interaction.singleStepConference", ["1", "+15550199", {"Secret": 2}, {}]),
    ("voice.dial", ["+15550199", {"Secret": 2}]),
    ("voice.dialEx", ["+15550199", {"Secret": 2}, {"x": 1}]),
    ("email.create", ["robin@example.com", {"Allowed": 1, "Secret": 2}]),
]


def _talking(write: str | None = None, read: str | None = None) -> Bench:
    bench = Bench(write=write, read=read)
    bench.scenario.ring_inbound_call(user_data={"Allowed": 0, "Secret": 0})
    bench.call("voice.answer", "1")
    bench.events()
    return bench


CARRIERS = RESTRICTED + CARRIED


@pytest.mark.parametrize("name, parameters", RESTRICTED, ids=[name for name, _ in RESTRICTED])
def test_the_write_allow_list_restricts_set_and_delete_user_data(name: str, parameters: list[Any]) -> None:
    bench = _talking(write="Allowed")
    assert bench.error(name, *parameters) == FORBIDDEN_ONE
    assert bench.events() == []
    assert [(i["interactionId"], i["state"], i["userData"]) for i in bench.call("interaction.getInteractions")] == [
        ("1", "TALKING", {"Allowed": 0, "Secret": 0})
    ]


def _outside(name: str) -> str:
    return (
        f"{name}: the user data key 'Secret' is outside service-client-api.user-data.write-allowed, which the "
        "reference applies to setUserData and deleteUserData only"
    )


@pytest.mark.parametrize("name, parameters", CARRIED, ids=[name for name, _ in CARRIED])
def test_other_user_data_carriers_write_outside_keys_with_a_warning(name: str, parameters: list[Any]) -> None:
    bench = _talking(write="Allowed")
    assert "errorMessage" not in bench.reply(name, *parameters)
    assert bench.warnings() == [f"{_outside(name)}; written."]


@pytest.mark.parametrize("name, parameters", CARRIED, ids=[name for name, _ in CARRIED])
def test_strict_mode_refuses_outside_keys_on_every_carrier(name: str, parameters: list[Any]) -> None:
    bench = Bench(write="Allowed", strict=True)
    bench.scenario.ring_inbound_call(user_data={"Allowed": 0, "Secret": 0})
    bench.call("voice.answer", "1")
    bench.events()
    assert bench.error(name, *parameters) == f"Strict mode: {_outside(name)}."
    assert bench.events() == [] and len(bench.call("interaction.getInteractions")) == 1


@pytest.mark.parametrize("name, parameters", CARRIERS, ids=[name for name, _ in CARRIERS])
def test_every_carrier_writes_when_all_keys_are_allowed(name: str, parameters: list[Any]) -> None:
    bench = _talking(write="Allowed, Secret")
    assert "errorMessage" not in bench.reply(name, *parameters)


def test_forbidden_keys_are_all_named() -> None:
    bench = _talking(write="Allowed")
    assert bench.error("interaction.setUserData", "1", {"S1": 1, "Allowed": 2, "S2": 3}) == (
        "Writing the user data keys 'S1', 'S2' is not allowed "
        "(service-client-api.user-data.write-allowed); nothing was changed."
    )


@pytest.mark.parametrize("empty", [None, {}])
def test_no_user_data_needs_no_permission(empty: Any) -> None:
    bench = _talking(write="Nothing")
    assert bench.call("voice.dial", "+15550199", empty)["userData"] == {}
    assert bench.call("email.create", "robin@example.com", empty)["userData"] == {}
    consultation = bench.call("interaction.consult", "1", "+15550100", empty)
    assert consultation["userData"] == {"Allowed": 0, "Secret": 0}  # copied from the parent, not written


def test_the_read_allow_list_filters_every_way_out() -> None:
    bench = _talking(read="Allowed")
    bench.subscribe(2, B, ("interaction",))
    bench.call("interaction.setUserData", "1", {"Secret": 1, "Allowed": 2})
    consultation = bench.call("interaction.consult", "1", "+15550199", {"Secret": 3})
    dialled = bench.call("voice.dial", "+15550111", {"Secret": 4, "Allowed": 5})
    created = bench.call("email.create", "robin@example.com", {"Secret": 6})
    answers = [consultation, dialled, created, bench.wire("1"), *bench.call("interaction.getInteractions")]
    events = [m["data"]["interaction"] for frame in (1, 2) for m in bench.events(frame) if "interaction" in m["data"]]
    assert len(events) > 10
    assert all(set(w["userData"]) <= {"Allowed"} for w in answers + events)
    assert [a["userData"] for a in answers[:4]] == [{"Allowed": 2}, {"Allowed": 5}, {}, {"Allowed": 2}]
    workspace = bench.workspace
    assert workspace.interactions.get("2").user_data == {"Allowed": 2, "Secret": 3}
    assert workspace.interactions.get("4").user_data == {"Secret": 6}


def test_the_read_allow_list_leaves_case_and_markdone_events_alone() -> None:
    bench = Bench(("interaction", "markdone"), read="Allowed")
    bench.scenario.deliver_chat(user_data={"Secret": 1})
    bench.call("interaction.accept", "1")
    bench.call("interaction.blockMarkdone", "1", "w")
    data = [m["data"] for m in bench.events() if "interaction" not in m["data"]]
    assert [d["eventType"] for d in data] == ["CASE_EXPANDED", "CASE_SELECTED", "BLOCKED"]
    assert data[2]["warningMessages"] == ["w"]


# -- origin filters ---------------------------------------------------------------------------------


def _filtered() -> tuple[Service, Recorder]:
    outbox = Recorder()
    service = Service(
        Workspace(), OriginPolicy.parse(f"{A} (voice.*), {B} (interaction.getInteractions), {C} (agent.*)"), outbox
    )
    return service, outbox


@pytest.mark.parametrize("method", ["isMicrophoneMute", "muteSpeaker", "unmuteMicrophone"])
def test_sip_endpoint_requests_are_judged_as_voice_requests(method: str) -> None:
    service, outbox = _filtered()
    service.receive(1, A, request(f"sipEndpoint.{method}"))
    assert "errorMessage" not in outbox.last(1)
    service.receive(3, C, request(f"sipEndpoint.{method}"))
    assert outbox.last(3)["errorMessage"] == (
        f"The request sipEndpoint.{method} is not allowed for the origin {C} "
        "(service-client-api.accepted-web-content-origins)."
    )


def test_an_origin_gets_only_the_interaction_requests_it_is_allowed() -> None:
    service, outbox = _filtered()
    service.workspace.scenario.ring_inbound_call()
    service.receive(2, B, request("interaction.getInteractions"))
    assert [i["interactionId"] for i in outbox.last(2)["data"]] == ["1"]
    service.receive(2, B, request("interaction.accept", "1"))
    assert outbox.last(2)["errorMessage"] == (
        f"The request interaction.accept is not allowed for the origin {B} "
        "(service-client-api.accepted-web-content-origins)."
    )
    assert service.workspace.interactions.get("1").state.value == "RINGING"
    service.receive(1, A, request("voice.answer", "1"))
    assert "errorMessage" not in outbox.last(1)
    assert service.workspace.interactions.get("1").state.value == "TALKING"
