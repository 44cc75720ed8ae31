from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwe_scapi.protocol import (
    Ignored,
    Malformed,
    RequestMessage,
    SubscribeMessage,
    UnsubscribeMessage,
    parse_client_message,
)


def test_request_without_parameters() -> None:
    parsed = parse_client_message({"request": "agent.get", "referenceId": "0", "userAgent": "WWE Client", "protocolVersion": 2})
    assert parsed == RequestMessage("agent.get", [], "0", None)


def test_request_with_parameters_and_frame_id() -> None:
    parsed = parse_client_message(
        {"request": "interaction.setUserData", "parameters": ["1", {"K": "V"}], "referenceId": "7", "frameId": 3}
    )
    assert parsed == RequestMessage("interaction.setUserData", ["1", {"K": "V"}], "7", 3)


@pytest.mark.parametrize("parameters", [None, []])
def test_null_or_empty_parameters_mean_none(parameters: Any) -> None:
    parsed = parse_client_message({"request": "agent.get", "parameters": parameters, "referenceId": "1"})
    assert isinstance(parsed, RequestMessage) and parsed.parameters == []


@pytest.mark.parametrize("reference", ["0", 0, 42, "abc", 1.5, None])
def test_reference_id_is_kept_with_its_type(reference: Any) -> None:
    parsed = parse_client_message({"request": "agent.get", "referenceId": reference})
    assert isinstance(parsed, RequestMessage)
    assert parsed.reference_id == reference and type(parsed.reference_id) is type(reference)


def test_subscribe_with_list_or_single_string() -> None:
    assert parse_client_message({"event": "subscribe", "data": ["agent", "media"], "referenceId": "8"}) == SubscribeMessage(
        ["agent", "media"], "8"
    )
    assert parse_client_message({"event": "subscribe", "data": "agent", "referenceId": "8"}) == SubscribeMessage(["agent"], "8")


@pytest.mark.parametrize("data", [None, 3, {"a": 1}, ["agent", 2]])
def test_subscribe_with_bad_data_is_malformed(data: Any) -> None:
    parsed = parse_client_message({"event": "subscribe", "data": data, "referenceId": "8"})
    assert isinstance(parsed, Malformed) and parsed.request == "subscribe" and parsed.reference_id == "8"
    assert "subscribe 'data' must be" in parsed.reason


def test_unsubscribe() -> None:
    assert parse_client_message({"event": "unsubscribe", "data": "s-1", "referenceId": "9"}) == UnsubscribeMessage("s-1", "9")


def test_unknown_client_event_is_malformed() -> None:
    parsed = parse_client_message({"event": "agent", "data": {}, "referenceId": "9"})
    assert isinstance(parsed, Malformed) and "'subscribe' and 'unsubscribe' only" in parsed.reason


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("wwe hello", "not an object but a string"),
        (12, "not an object but a number"),
        (None, "not an object but null"),
        ([1], "not an object but an array"),
        ({"foo": 1}, "has neither 'request' nor 'event'"),
        ({"request": "agent.get", "userAgent": "WWE Server"}, "a message from a service, not from a client"),
    ],
)
def test_messages_that_are_not_requests_are_ignored(raw: Any, reason: str) -> None:
    assert parse_client_message(raw) == Ignored(reason)


@pytest.mark.parametrize("name", [7, "", None, ["agent.get"]])
def test_request_name_must_be_a_non_empty_string(name: Any) -> None:
    parsed = parse_client_message({"request": name, "referenceId": "x"})
    assert isinstance(parsed, Malformed) and parsed.reference_id == "x" and "'request' must be" in parsed.reason


def test_parameters_must_be_an_array() -> None:
    parsed = parse_client_message({"request": "agent.get", "parameters": {"0": 1}, "referenceId": "x"})
    assert parsed == Malformed("'parameters' of agent.get must be an array, got an object", "x", "agent.get")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(json_values)
def test_parsing_never_raises(raw: Any) -> None:
    assert parse_client_message(raw) is not None


@given(st.dictionaries(st.sampled_from(["request", "event", "data", "parameters", "referenceId", "userAgent"]), json_values))
def test_parsing_never_raises_on_envelope_like_objects(raw: dict[str, Any]) -> None:
    assert parse_client_message(raw) is not None
