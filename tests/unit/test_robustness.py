"""A hostile or broken frame cannot make the desktop throw, lose a reply the client could match,
or answer with a made-up request name (CPython: the broker, the in-memory transport, and the
postMessage transport over the fake browser with the Python stand-in of its bridge)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unit_support import A, Bench, Recorder
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform
from wwe_scapi.protocol.constants import MAX_MESSAGE_CHARS, MAX_STRING_CHARS
from wwe_scapi.protocol.messages import Unreadable
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.transports.memory import MemoryHub
from wwe_scapi.transports.postmessage import PostMessageServiceTransport

APP = "http://app.test"


def _cyclic(**fields: Any) -> dict[str, Any]:
    message: dict[str, Any] = {"userAgent": "WWE Client", "protocolVersion": 2, **fields}
    message["self"] = message
    return message


@pytest.mark.parametrize(
    "reference",
    ["r1", 7, 2.5, True, {"n": 1}, ["a", 1]],
    ids=["string", "integer", "float", "boolean", "object", "array"],
)
def test_an_unreadable_messages_reference_id_is_echoed_whatever_json_it_is(reference: Any) -> None:
    browser = FakeBrowser()
    desktop = browser.page("http://desktop.test")
    outbox: list[Any] = []
    transport = PostMessageServiceTransport(FakePlatform(desktop))
    transport.start(lambda key, origin, message: outbox.append(message))
    app = browser.frame(desktop, APP)
    desktop.postMessage(_cyclic(request="agent.get", referenceId=reference), "*", app)
    browser.deliver()
    assert outbox == [Unreadable("agent.get", reference, outbox[0].reason)]


@pytest.mark.parametrize(
    "fields",
    [{}, {"request": {"no": "name"}}, {"request": 5}, {"referenceId": float("nan")}, {"referenceId": float("inf")}],
    ids=["nothing", "object-name", "number-name", "nan-reference", "infinite-reference"],
)
def test_what_cannot_be_read_is_left_out_never_made_up(fields: dict[str, Any]) -> None:
    hub = MemoryHub(asyncio.new_event_loop())
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse(APP), transport=outbox)
    hub.service_side.start(service.receive)
    window = hub.window(APP)
    window.post(_cyclic(**fields))
    hub._loop.run_until_complete(asyncio.sleep(0))  # type: ignore[union-attr]
    [frame_id, reply] = outbox.to(window.key)
    assert frame_id == {"frameId": window.key, "userAgent": "WWE Server", "protocolVersion": 2}
    assert "request" not in reply and "referenceId" not in reply
    assert reply["errorMessage"].startswith("The message could not be read as JSON data: ")


def test_a_failing_receiver_is_reported_and_the_next_message_is_served(caplog: pytest.LogCaptureFixture) -> None:
    browser = FakeBrowser()
    desktop = browser.page("http://desktop.test")
    got: list[Any] = []

    def receiver(key: int, origin: str, message: Any) -> None:
        if message == {"n": 1}:
            raise RuntimeError("boom")
        got.append(message)

    transport = PostMessageServiceTransport(FakePlatform(desktop))
    transport.start(receiver)
    app = browser.frame(desktop, APP)
    desktop.postMessage({"n": 1}, "*", app)
    desktop.postMessage({"n": 2}, "*", app)
    browser.deliver()
    assert got == [{"n": 2}]
    assert "wwe-scapi: a message could not be handled" in caplog.text and "boom" in caplog.text


# -- sizes: what one frame may make the desktop hold ------------------------------------------------


def _served(*messages: Any) -> tuple[Recorder, int]:
    """The messages posted by one window of APP through the in-memory transport."""
    loop = asyncio.new_event_loop()
    hub = MemoryHub(loop)
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse(APP), transport=outbox)
    hub.service_side.start(service.receive)
    window = hub.window(APP)
    for message in messages:
        window.post(message)
    loop.run_until_complete(asyncio.sleep(0))
    return outbox, window.key


def _request(name: str, *parameters: Any, reference: str = "r") -> dict[str, Any]:
    return {"request": name, "parameters": list(parameters), "referenceId": reference, "userAgent": "WWE Client", "protocolVersion": 2}


def test_a_message_over_the_size_limit_is_answered_unread() -> None:
    message = _request("voice.dial", "1" * MAX_MESSAGE_CHARS, reference="big")
    outbox, key = _served(message)
    reply = outbox.last(key)
    assert reply["referenceId"] == "big" and reply["request"] == "voice.dial"
    assert reply["errorMessage"] == (
        f"The message is {len(json.dumps(message))} characters of JSON, more than the {MAX_MESSAGE_CHARS} this desktop reads."
    )


@pytest.mark.parametrize(
    "name, parameters, position, label",
    [
        ("voice.dial", ["5" * (MAX_STRING_CHARS + 1)], 1, "destination"),
        ("system.popupToast", [{"title": "t" * (MAX_STRING_CHARS + 1)}], 1, "parameters"),
        ("interaction.setUserData", ["1", {"Note": ["ok", {"deep": "d" * (MAX_STRING_CHARS + 1)}]}], 2, "keyValues"),
        ("interaction.setUserData", ["1", {"k" * (MAX_STRING_CHARS + 1): 1}], 2, "keyValues"),
    ],
)
def test_a_string_over_the_limit_anywhere_in_the_parameters_is_refused(
    name: str, parameters: list[Any], position: int, label: str
) -> None:
    outbox, key = _served(_request(name, *parameters))
    assert outbox.last(key)["errorMessage"] == (
        f"Parameter {position} ({label}) of {name} holds a string of {MAX_STRING_CHARS + 1} characters; "
        f"this desktop takes at most {MAX_STRING_CHARS}."
    )


def test_strings_up_to_the_limit_are_served() -> None:
    outbox, key = _served(_request("voice.dial", "5" * MAX_STRING_CHARS))
    assert outbox.last(key)["data"]["dnis"] == "5" * MAX_STRING_CHARS


# -- size caps, as properties -----------------------------------------------------------------

_LENGTHS = st.sampled_from([0, 1, MAX_STRING_CHARS - 1, MAX_STRING_CHARS, MAX_STRING_CHARS + 1, 3 * MAX_STRING_CHARS])
_STRINGS = _LENGTHS.map(lambda n: "x" * n)
_VALUES = st.recursive(
    st.one_of(_STRINGS, st.integers(), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_STRINGS, inner, max_size=3)),
    max_leaves=8,
)


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *_strings_in(item)]]
    if isinstance(value, list):
        return [s for item in value for s in _strings_in(item)]
    return []


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_STRINGS, _VALUES, min_size=1, max_size=3))
def test_user_data_is_written_only_when_no_string_in_it_is_over_the_cap(key_values: dict[str, Any]) -> None:
    bench = Bench()
    call = bench.scenario.ring_inbound_call(user_data={"Before": "kept"})
    reply = bench.reply("interaction.setUserData", call.interaction_id, key_values)
    too_long = [len(s) for s in _strings_in(key_values) if len(s) > MAX_STRING_CHARS]
    if too_long:
        found = int(reply["errorMessage"].split(" holds a string of ")[1].split(" ")[0])
        assert found in too_long
        assert call.user_data == {"Before": "kept"}  # nothing written
    else:
        assert "errorMessage" not in reply and call.user_data == {"Before": "kept", **key_values}
