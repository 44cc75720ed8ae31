"""The broker: frame ids, dispatch through the table, refusals and failures as values."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unit_support import A, B, C, STRANGER, Recorder, request
from wwe_scapi.clock import DEFAULT_WALL_START, ManualClock
from wwe_scapi.protocol.messages import Unreadable
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Direction, LogEntry, Service
from wwe_scapi.service.handlers import ALL_HANDLERS
from wwe_scapi.workspace import Workspace

SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}


def test_frame_id_is_announced_once_before_the_first_reply(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("agent.get", reference="0"))
    service.receive(1, A, request("agent.getState", reference="1"))
    messages = outbox.to(1)
    assert messages[0] == {"frameId": 1, **SERVER}
    assert [m.get("referenceId") for m in messages[1:]] == ["0", "1"]
    assert sum("frameId" in m for m in messages) == 1


def test_each_window_gets_its_own_frame_and_a_navigated_window_a_new_one(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("agent.get"))
    service.receive(2, B, request("agent.get"))
    assert outbox.to(1)[0]["frameId"] == 1 and outbox.to(2)[0]["frameId"] == 2
    service.receive(1, B, request("agent.get"))  # same window key, another origin
    assert sum("frameId" in m for m in outbox.to(1)) == 2


def test_success_reply(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("agent.get", reference="7"))
    assert outbox.last(1) == {
        "request": "agent.get",
        "referenceId": "7",
        "data": {"employeeId": "5001", "firstname": "Kim", "lastname": "Sandoval", "username": "ksandoval"},
        **SERVER,
    }


@pytest.mark.parametrize("name", ["__class__", "__proto__", "constructor", "toString", "agent.__init__", "agent", "agent.get.x", "Agent.get"])
def test_names_that_are_not_requests_fail_like_any_unknown_request(service: Service, outbox: Recorder, name: str) -> None:
    service.receive(1, A, request(name))
    assert outbox.last(1)["errorMessage"] == f"Unknown request {name!r}."


@pytest.mark.parametrize(
    "message, error",
    [
        (request("agent.get", 1), "agent.get takes no parameters, got 1."),
        (request("agent.setState"), "agent.setState needs parameter 1 (stateOperationName): agent.setState(stateOperationName)."),
        (request("agent.setState", True), "Parameter 1 (stateOperationName) of agent.setState must be a state operation name (string) or an index into the state list, got a boolean."),
        (request("media.setState", "voice"), "media.setState needs parameter 2 (stateOperationName): media.setState(name, stateOperationName)."),
        (request("media.getMediaByName", 3), "Parameter 1 (name) of media.getMediaByName must be a string, got a number."),
        (request("configuration.getOption", ["a", 1]), "Parameter 1 (options) of configuration.getOption must be a string or an array of strings, got an array."),
        (request("messenger.broadcastMessage", "c", {}, 3), "messenger.broadcastMessage takes at most 2 parameters (channel, message), got 3."),
    ],
)
def test_bad_parameters_get_a_clear_failure(service: Service, outbox: Recorder, message: dict[str, Any], error: str) -> None:
    service.receive(1, A, message)
    reply = outbox.last(1)
    assert reply["errorMessage"] == error and reply["request"] == message["request"]


def test_requests_of_namespaces_not_served_yet_fail_clearly(outbox: Recorder) -> None:
    """A catalogue request without a handler (none is left: a service given fewer handlers)."""
    fewer = {name: handler for name, handler in ALL_HANDLERS.items() if name != "system.isFrameLeading"}
    service = Service(policy=OriginPolicy.parse(A), transport=outbox, handlers=fewer)
    service.receive(1, A, request("system.isFrameLeading"))
    assert outbox.last(1)["errorMessage"] == "system.isFrameLeading is not supported yet by this simulated Agent Workspace."


def test_a_handler_bug_becomes_a_failure_and_the_service_goes_on() -> None:
    def broken(ctx: Any) -> None:
        raise ZeroDivisionError("boom")

    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse(A), transport=outbox, handlers={**ALL_HANDLERS, "agent.get": broken})
    service.receive(1, A, request("agent.get", reference="1"))
    assert outbox.last(1)["errorMessage"] == "Internal error while handling agent.get: ZeroDivisionError: boom"
    service.receive(1, A, request("agent.getState", reference="2"))
    assert outbox.last(1)["data"]["type"] == "NOT_READY"


def test_origin_not_listed_is_refused_for_requests_and_subscribe(service: Service, outbox: Recorder) -> None:
    service.receive(5, STRANGER, request("agent.get", reference="1"))
    service.receive(5, STRANGER, {"event": "subscribe", "data": ["agent"], "referenceId": "2"})
    expected = (
        f"The origin {STRANGER} is not accepted by this Agent Workspace "
        "(service-client-api.accepted-web-content-origins)."
    )
    assert outbox.to(5) == [
        {"request": "agent.get", "referenceId": "1", "errorMessage": expected, **SERVER},
        {"request": "subscribe", "referenceId": "2", "errorMessage": expected, **SERVER},
    ]
    assert len(service.frames) == 0  # nothing kept, no frame id given


def test_request_outside_the_origin_filter_is_refused(service: Service, outbox: Recorder) -> None:
    service.receive(3, C, request("agent.get", reference="1"))
    service.receive(3, C, request("messenger.broadcastMessage", "x", 1, reference="2"))
    assert "data" in outbox.replies(3)[0]
    assert outbox.replies(3)[1]["errorMessage"] == (
        f"The request messenger.broadcastMessage is not allowed for the origin {C} "
        "(service-client-api.accepted-web-content-origins)."
    )


def test_sip_endpoint_aliases_are_judged_as_voice_requests() -> None:
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse(f"{A} (voice.*), {B} (agent.*)"), transport=outbox)
    service.receive(1, A, request("sipEndpoint.muteMicrophone"))
    service.receive(2, B, request("sipEndpoint.muteMicrophone"))
    assert outbox.last(1)["data"] is None and "errorMessage" not in outbox.last(1)
    assert service.workspace.voice.sip.microphone_muted
    assert "is not allowed for the origin" in outbox.last(2)["errorMessage"]


def test_the_null_origin_never_gets_a_reply() -> None:
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse("*"), transport=outbox)
    service.receive(1, "null", request("agent.get"))
    assert outbox.sent == []
    listed = Service(policy=OriginPolicy.parse("null"), transport=outbox)
    listed.receive(1, "null", request("agent.setState", "Ready"))
    assert outbox.sent == [] and listed.workspace.agent_state().type.value == "READY"


def test_malformed_messages_get_failures(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, {"request": "agent.get", "parameters": 5, "referenceId": "m"})
    assert outbox.last(1)["errorMessage"] == "'parameters' of agent.get must be an array, got a number"
    assert outbox.last(1)["referenceId"] == "m"


def test_unreadable_messages_are_answered(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, Unreadable("agent.get", "u", "TypeError: cyclic object value"))
    assert outbox.last(1) == {
        "request": "agent.get",
        "referenceId": "u",
        "errorMessage": "The message could not be read as JSON data: TypeError: cyclic object value",
        **SERVER,
    }


def test_non_protocol_messages_are_ignored_but_logged(service: Service, outbox: Recorder) -> None:
    entries: list[LogEntry] = []
    service.log.add(entries.append)
    service.receive(1, A, "hello")
    service.receive(1, A, {"type": "webpackOk"})
    assert outbox.sent == []
    assert [(e.direction, e.result) for e in entries] == [
        (Direction.IGNORED, "not an object but a string"),
        (Direction.IGNORED, "has neither 'request' nor 'event'"),
    ]


def test_the_log_records_requests_and_refusals(service: Service, outbox: Recorder) -> None:
    entries: list[LogEntry] = []
    service.log.add(entries.append)
    service.receive(1, A, request("agent.get"))
    service.receive(2, STRANGER, request("agent.get"))
    answered = outbox.to(1)[-1]["data"]  # the log holds the parameters and the answer's data, as sent
    assert entries[0] == LogEntry(Direction.REQUEST, A, 1, "agent.get", "ok", True, DEFAULT_WALL_START, (), [], answered)
    assert entries[1].direction is Direction.REFUSED and "not accepted" in entries[1].result


def test_a_closed_window_is_forgotten() -> None:
    class Gone(Recorder):
        def send(self, frame_id: int, message: dict[str, Any]) -> bool:
            super().send(frame_id, message)
            return False

    service = Service(policy=OriginPolicy.parse(A), transport=Gone())
    service.receive(1, A, request("agent.get"))
    assert len(service.frames) == 0


requests_with_reference = st.fixed_dictionaries(
    {
        "request": st.one_of(st.sampled_from(sorted(ALL_HANDLERS)), st.text(max_size=20), st.integers()),
        "referenceId": st.one_of(st.text(min_size=1, max_size=8), st.integers(min_value=1)),
    },
    optional={
        "parameters": st.one_of(
            st.lists(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10), st.lists(st.text(max_size=5)), st.dictionaries(st.text(max_size=5), st.integers())), max_size=4),
            st.text(max_size=5),
        ),
    },
)


@settings(max_examples=300)
@given(requests_with_reference)
def test_every_request_with_a_reference_is_answered_exactly_once(message: dict[str, Any]) -> None:
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse(A), transport=outbox)
    service.receive(1, A, message)
    replies = [m for m in outbox.to(1) if "referenceId" in m and "event" not in m]
    assert len(replies) == 1
    assert replies[0]["referenceId"] == message["referenceId"]
    assert type(replies[0]["referenceId"]) is type(message["referenceId"])
    assert ("data" in replies[0]) != ("errorMessage" in replies[0])


def test_a_request_a_wildcard_cannot_grant_says_it_must_be_named() -> None:
    workspace = Workspace(clock=ManualClock())
    outbox = Recorder()
    Service(workspace, OriginPolicy.parse(f"{A} (*), {B} (auth.*)"), outbox).receive(1, A, request("auth.getJwtToken"))
    assert outbox.last(1)["errorMessage"] == (
        f"The request auth.getJwtToken is not allowed for the origin {A} (service-client-api.accepted-web-content-origins); "
        "auth.getJwtToken must be named in the origin's filter, a wildcard such as * is not enough."
    )
