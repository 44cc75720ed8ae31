"""A hostile or broken frame cannot make the desktop throw, lose a reply the client could match,
or answer with a made-up request name (CPython: the broker, the in-memory transport, and the
postMessage transport over the fake browser with the Python stand-in of its bridge)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from unit_support import A, Recorder
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform
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
