"""The transport contract (tests/contract/transport_contract.py) in CPython: on the in-memory
transport, and on the postMessage transport over the fake browser (its Python half and the
Python stand-ins of its JavaScript; tests/e2e runs the real JavaScript in Chromium)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from transport_contract import CHECKS, Harness, Received
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform, FakeWindow
from wwe_scapi.protocol.messages import Unreadable
from wwe_scapi.transports.memory import MemoryHub, MemoryWindow
from wwe_scapi.transports.postmessage import PostMessageClientTransport, PostMessageServiceTransport

ORIGINS = ("http://a.test", "http://b.test:8080")
ROUNDS = 1000  # turns of the loop a wait may take before it fails (instead of hanging)


def _plain(message: Any) -> Any:
    if isinstance(message, Unreadable):
        return {"unreadable": [message.request, message.reference_id]}
    return message


class MemoryHarness:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.hub = MemoryHub(loop)
        self.received: list[Received] = []
        self.hub.service_side.start(lambda key, origin, message: self.received.append((key, origin, _plain(message))))
        self._got: dict[int, list[Any]] = {}

    def origin(self, origin_index: int) -> str:
        return ORIGINS[origin_index]

    def open_window(self, origin_index: int) -> MemoryWindow:
        window = self.hub.window(ORIGINS[origin_index])
        self._start(window)
        return window

    def _start(self, window: MemoryWindow) -> None:
        got: list[Any] = []
        self._got[id(window)] = got
        window.start(got.append)

    def post(self, window: MemoryWindow, message: Any) -> None:
        window.post(message)

    def post_then_change(self, window: MemoryWindow, message: dict[str, Any], key: str, value: Any) -> None:
        window.post(message)
        message[key] = value

    def post_cyclic(self, window: MemoryWindow, request: str, reference_id: str) -> None:
        message: dict[str, Any] = {"request": request, "referenceId": reference_id}
        message["self"] = message
        window.post(message)

    def _run_until(self, condition: Callable[[], bool]) -> None:
        for _ in range(ROUNDS):
            if condition():
                return
            self._loop.run_until_complete(asyncio.sleep(0))
        raise AssertionError("not reached")

    def service_got(self, count: int) -> list[Received]:
        self._run_until(lambda: len(self.received) >= count)
        return list(self.received)

    def window_got(self, window: MemoryWindow, count: int) -> list[Any]:
        got = self._got[id(window)]
        self._run_until(lambda: len(got) >= count)
        return list(got)

    def drain(self) -> None:
        self._loop.run_until_complete(asyncio.sleep(0))
        self._run_until(lambda: not self._loop._ready)  # type: ignore[attr-defined]

    def send(self, key: int, message: dict[str, Any]) -> bool:
        return self.hub.service_side.send(key, message)

    def send_all(self, keys: list[int], message: dict[str, Any]) -> list[int]:
        gone = self.hub.service_side.send_all(keys, message)
        message["n"] = "changed"
        return gone

    def renew(self, key: int) -> int | None:
        return self.hub.service_side.renew(key)

    def send_then_change(self, key: int, message: dict[str, Any], field: str, value: Any) -> bool:
        sent = self.hub.service_side.send(key, message)
        message[field] = value
        return sent

    def close_window(self, window: MemoryWindow) -> None:
        window.close()

    def navigate(self, window: MemoryWindow, origin_index: int) -> None:
        window.navigate(ORIGINS[origin_index])
        self._start(window)

    def close_service(self) -> None:
        self.hub.service_side.close()


class FakeBrowserHarness:
    """The postMessage transport between a desktop page and its iframes in a FakeBrowser."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.browser = FakeBrowser()
        self.desktop = self.browser.page("http://desktop.test")
        self.service_side = PostMessageServiceTransport(FakePlatform(self.desktop))
        self.received: list[Received] = []
        self.service_side.start(lambda key, origin, message: self.received.append((key, origin, _plain(message))))
        self._got: dict[int, list[Any]] = {}
        self._frames: dict[int, Any] = {}

    def origin(self, origin_index: int) -> str:
        return ORIGINS[origin_index]

    def open_window(self, origin_index: int) -> FakeWindow:
        element = self.desktop.document.createElement("iframe")
        element.id = f"frame-{len(self._frames)}"
        self.desktop.document.body.appendChild(element)
        window = self.browser.frame(self.desktop, ORIGINS[origin_index], element)
        self._frames[id(window)] = element
        self._start(window)
        return window

    def _start(self, window: FakeWindow) -> None:
        transport = PostMessageClientTransport.open(FakePlatform(window))
        assert transport is not None
        got: list[Any] = []
        self._got[id(window)] = got
        transport.start(got.append)
        window.transport = transport  # type: ignore[attr-defined]

    def post(self, window: FakeWindow, message: Any) -> None:
        window.transport.post(message)  # type: ignore[attr-defined]

    def post_then_change(self, window: FakeWindow, message: dict[str, Any], key: str, value: Any) -> None:
        self.post(window, message)
        message[key] = value

    def post_cyclic(self, window: FakeWindow, request: str, reference_id: str) -> None:
        message: dict[str, Any] = {"request": request, "referenceId": reference_id}
        message["self"] = message
        self.desktop.postMessage(message, "*", window)  # as the app's own page would

    def service_got(self, count: int) -> list[Received]:
        self.browser.deliver()
        assert len(self.received) >= count, self.received
        return list(self.received)

    def window_got(self, window: FakeWindow, count: int) -> list[Any]:
        self.browser.deliver()
        got = self._got[id(window)]
        assert len(got) >= count, got
        return list(got)

    def drain(self) -> None:
        self.browser.deliver()

    def send(self, key: int, message: dict[str, Any]) -> bool:
        return self.service_side.send(key, message)

    def send_all(self, keys: list[int], message: dict[str, Any]) -> list[int]:
        gone = self.service_side.send_all(keys, message)
        message["n"] = "changed"
        return gone

    def renew(self, key: int) -> int | None:
        return self.service_side.renew(key)

    def send_then_change(self, key: int, message: dict[str, Any], field: str, value: Any) -> bool:
        sent = self.service_side.send(key, message)
        message[field] = value
        return sent

    def close_window(self, window: FakeWindow) -> None:
        self._frames[id(window)].remove()
        window.close()

    def navigate(self, window: FakeWindow, origin_index: int) -> None:
        window.transport.close()  # type: ignore[attr-defined]  # the old page's listener goes with it
        window.origin = ORIGINS[origin_index]
        self._start(window)

    def close_service(self) -> None:
        self.service_side.close()


@pytest.fixture(params=[MemoryHarness, FakeBrowserHarness], ids=["memory", "postmessage-fake-browser"])
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    loop = asyncio.new_event_loop()
    try:
        yield request.param(loop)
    finally:
        loop.close()


@pytest.mark.parametrize("check", CHECKS, ids=[check.__name__.removeprefix("check_") for check in CHECKS])
def test_the_transport_contract(harness: Harness, check: Callable[[Harness], None]) -> None:
    check(harness)


def test_memory_delivery_happens_on_a_later_turn_of_the_loop() -> None:
    loop = asyncio.new_event_loop()
    try:
        harness = MemoryHarness(loop)
        window = harness.open_window(0)
        window.post({"n": 1})
        assert harness.received == []  # postMessage never delivers synchronously
        assert len(harness.service_got(1)) == 1
    finally:
        loop.close()
