"""The Python client: wire envelopes, routing as the vendor client does, awaitables and
callbacks, timeouts and subscriptions; against a recording transport and the real service."""

from __future__ import annotations

import asyncio
import inspect
import re
from typing import Any

import pytest

from browser_support import APP_A, DESKTOP, DesktopPage
from unit_support import A, C, STRANGER, RecordingTransport, until
from wwe_scapi.client import ClientClosed, RequestFailed, RequestTimeout, ServiceClient
from wwe_scapi.client.namespaces import _Namespace
from wwe_scapi.clock import ManualClock
from wwe_scapi.protocol.catalogue import CATALOGUE
from wwe_scapi.testing import MemoryNetwork


def wire_name(namespace: str, method: str) -> str:
    head, *rest = method.split("_")
    name = head + "".join(part.capitalize() for part in rest)
    return f"{namespace}.{name}"


def client_methods() -> list[tuple[str, str]]:
    client = ServiceClient(RecordingTransport())
    return sorted(
        (namespace, method)
        for namespace, value in vars(client).items()
        if isinstance(value, _Namespace)
        for method, _ in inspect.getmembers(value, inspect.ismethod)
        if not method.startswith("_")
    )


WIRE_OVERRIDES = {("system", "am_i_visible"): "system.amIVisible"}


def test_every_request_of_the_reference_has_a_client_method() -> None:
    names = {WIRE_OVERRIDES.get(pair, wire_name(*pair)) for pair in client_methods()}
    expected = {name for name, spec in CATALOGUE.items() if not spec.alias_of and name != "auth.getPureCloudToken"}
    assert names == expected


@pytest.mark.parametrize("namespace, method", client_methods())
async def test_each_method_sends_its_wire_name_and_all_its_parameters(namespace: str, method: str) -> None:
    client = ServiceClient(RecordingTransport())
    function = getattr(getattr(client, namespace), method)
    parameters = [p for p in inspect.signature(function).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    arguments = [f"arg{i}" for i in range(len(parameters))]
    future = function(*arguments)
    message = client.core.transport.posted[-1]
    assert message["request"] == WIRE_OVERRIDES.get((namespace, method), wire_name(namespace, method))
    if arguments:
        assert message["parameters"] == arguments
    else:
        assert "parameters" not in message
    assert message["userAgent"] == "WWE Client" and message["protocolVersion"] == 2
    assert re.fullmatch(r"py\d+", message["referenceId"])
    future.cancel()


async def test_optional_user_data_is_sent_as_null_like_the_vendor_client() -> None:
    client = ServiceClient(RecordingTransport())
    client.voice.dial("5002").cancel()
    client.email.create("a@b.test").cancel()
    posted = client.core.transport.posted
    assert posted[0]["parameters"] == ["5002", None] and posted[1]["parameters"] == ["a@b.test", None]


async def test_routing_follows_the_vendor_rules() -> None:
    client = ServiceClient(RecordingTransport())
    future = client.agent.get()
    reference = client.core.transport.posted[-1]["referenceId"]
    client.receive({"frameId": 4, "userAgent": "WWE Server", "protocolVersion": 2})
    assert client.frame_id == 4
    client.receive({"referenceId": reference, "data": "not ours", "userAgent": "Other"})  # no WWE: ignored
    assert not future.done()
    client.receive({"request": "agent.get", "referenceId": reference, "data": {"username": "x"}, "userAgent": "WWE Server"})
    assert await future == {"username": "x"}
    client.agent.get_state().cancel()
    assert client.core.transport.posted[-1]["frameId"] == 4  # later requests carry the frame id


async def test_any_error_message_even_null_is_a_failure() -> None:
    client = ServiceClient(RecordingTransport())
    future = client.agent.get()
    reference = client.core.transport.posted[-1]["referenceId"]
    client.receive({"request": "agent.get", "referenceId": reference, "errorMessage": None, "userAgent": "WWE Server"})
    with pytest.raises(RequestFailed) as error:
        await future
    assert error.value.error_message is None and error.value.request == "agent.get"


async def test_callbacks_receive_the_whole_message_less_the_reference_id(network: MemoryNetwork) -> None:
    client = network.connect(A)
    succeeded: list[dict] = []
    failed: list[dict] = []
    await client.agent.get_state(succeeded=succeeded.append, failed=failed.append)
    with pytest.raises(RequestFailed):
        await client.agent.set_state("Dancing", succeeded=succeeded.append, failed=failed.append)
    assert succeeded == [{"request": "agent.getState", "data": {"type": "NOT_READY", "displayName": "Not Ready", "operationName": "NotReady"}, "userAgent": "WWE Server", "protocolVersion": 2}]
    assert failed[0]["request"] == "agent.setState" and "referenceId" not in failed[0]
    assert failed[0]["errorMessage"].startswith("Unknown agent state 'Dancing'")


async def test_callback_style_works_without_awaiting(network: MemoryNetwork) -> None:
    client = network.connect(A)
    results: list[dict] = []
    client.agent.get(succeeded=results.append)
    client.agent.set_state("Nope", failed=results.append)
    await until(lambda: len(results) == 2)
    assert results[0]["data"]["username"] == "ksandoval" and "errorMessage" in results[1]


async def test_timeout_fails_with_request_timeout() -> None:
    clock = ManualClock()
    client = ServiceClient(RecordingTransport(), timeout=10, clock=clock)
    failures: list[dict] = []
    future = client.agent.get(failed=failures.append)
    clock.advance(9.9)
    assert not future.done() and failures == []
    clock.advance(0.1)
    with pytest.raises(RequestTimeout) as error:
        await future
    assert error.value.error_message == "Request timeout"
    assert str(error.value) == "agent.get failed: Request timeout (no answer within 10 s from the recording transport)"
    assert failures == [{"request": "agent.get", "errorMessage": "Request timeout"}]
    assert client.core.pending_count == 0


async def test_a_late_answer_after_the_timeout_is_dropped() -> None:
    clock = ManualClock()
    client = ServiceClient(RecordingTransport(), timeout=0.01, clock=clock)
    future = client.agent.get()
    clock.advance(0.01)
    with pytest.raises(RequestTimeout):
        await future
    reference = client.core.transport.posted[-1]["referenceId"]
    client.receive({"referenceId": reference, "data": 1, "userAgent": "WWE Server"})  # must not raise


async def test_a_transport_that_cannot_post_fails_the_request() -> None:
    class Broken(RecordingTransport):
        def post(self, message: dict[str, Any]) -> None:
            raise RuntimeError("window closed")

    client = ServiceClient(Broken())
    with pytest.raises(RequestFailed, match="Could not post the request: window closed"):
        await client.agent.get()


async def test_subscribe_events_and_unsubscribe(network: MemoryNetwork) -> None:
    watcher, actor = network.connect(A), network.connect(C)
    plain: list[dict] = []
    async_seen: list[dict] = []

    async def async_handler(message: dict) -> None:
        await asyncio.sleep(0)
        async_seen.append(message)

    first = await watcher.subscribe(["agent"], plain.append)
    await watcher.subscribe("agent", async_handler)
    assert first.id.startswith("subscription-") and first.names == ("agent",)
    await actor.agent.set_state("Ready")
    await until(lambda: len(plain) == 1 and len(async_seen) == 1)
    assert plain[0]["data"] == {"eventType": "STATE_CHANGED", "mediaState": "READY"}
    assert await watcher.unsubscribe(first) is True
    await actor.agent.set_state("NotReady")
    await until(lambda: len(async_seen) == 2)
    assert len(plain) == 1


async def test_a_raising_handler_does_not_stop_the_others(network: MemoryNetwork, caplog: pytest.LogCaptureFixture) -> None:
    client = network.connect(A)
    seen: list[dict] = []

    def broken(message: dict) -> None:
        raise ValueError("app bug")

    await client.subscribe("agent", broken)
    await client.subscribe("agent", seen.append)
    await client.agent.set_state("Ready")
    await until(lambda: len(seen) == 1)
    assert "wwe-scapi: an app handler raised while handling agent" in caplog.text
    assert "ValueError: app bug" in caplog.text


async def test_every_handler_exception_reaches_on_error_plain_async_and_callbacks(network: MemoryNetwork) -> None:
    reported: list[tuple[str, str]] = []
    client = network.connect(A, on_error=lambda error, message: reported.append((repr(error), message.get("event") or message["request"])))

    def plain(message: dict) -> None:
        raise ValueError("plain")

    async def later(message: dict) -> None:
        await asyncio.sleep(0)
        raise KeyError("async")

    await client.subscribe("agent", plain)
    await client.subscribe("agent", later)
    await client.agent.get_state(succeeded=lambda message: 1 / 0)
    await client.agent.set_state("Ready")
    await until(lambda: len(reported) == 3)
    assert sorted(reported) == [
        ("KeyError('async')", "agent"),
        ("ValueError('plain')", "agent"),
        ("ZeroDivisionError('division by zero')", "agent.getState"),
    ]


async def test_a_raising_on_error_is_logged_and_routing_goes_on(network: MemoryNetwork, caplog: pytest.LogCaptureFixture) -> None:
    client = network.connect(A)

    def hook(error: BaseException, message: dict) -> None:
        raise RuntimeError("hook bug")

    client.on_error = hook
    assert client.on_error is hook

    def broken(message: dict) -> None:
        raise ValueError("app bug")

    await client.subscribe("agent", broken)
    await client.agent.set_state("Ready")
    assert (await client.agent.get_state())["type"] == "READY"
    assert "on_error itself raised" in caplog.text and "RuntimeError: hook bug" in caplog.text


async def test_closing_fails_pending_requests_at_once_and_every_later_one() -> None:
    transport = RecordingTransport()
    client = ServiceClient(transport, clock=ManualClock())
    failures: list[dict] = []
    pending = client.agent.get(failed=failures.append)
    client.close()
    assert pending.done() and client.closed and client.core.pending_count == 0
    with pytest.raises(ClientClosed) as error:
        await pending
    assert str(error.value) == "agent.get failed: the client was closed before an answer came"
    assert failures == [{"request": "agent.get", "errorMessage": "the client was closed before an answer came"}]
    later = client.agent.get_state()
    with pytest.raises(ClientClosed):
        await later
    assert len(transport.posted) == 1  # nothing posted once closed
    client.close()  # twice is harmless


async def test_a_window_that_goes_away_fails_its_clients_pending_requests(network: MemoryNetwork) -> None:
    client = network.connect(A)
    await client.subscribe("agent", print)
    window = client.core.transport
    pending = client.agent.get()
    network.close(window)
    with pytest.raises(ClientClosed, match="the app's window was closed before an answer came"):
        await pending
    assert client.core.subscriptions == []


async def test_a_page_that_unloads_fails_its_clients_pending_requests() -> None:
    desktop = DesktopPage()
    window = desktop.app_window("app-frame-0", APP_A)
    client = desktop.client(window)
    assert client.core.transport.destination == f"the parent window ({DESKTOP})"
    pending = client.agent.get()
    window.unload()  # pagehide, before the desktop had a turn to answer
    with pytest.raises(ClientClosed, match="the app's page is unloading before an answer came"):
        await pending
    assert window.page_hide_listeners == []


async def test_a_timeout_names_the_window_asked(network: MemoryNetwork) -> None:
    clock = ManualClock()
    client = network.connect(A, clock=clock, timeout=2)
    pending = client.agent.get()
    network.service_side.close()  # the desktop stops answering
    clock.advance(2)
    with pytest.raises(RequestTimeout) as error:
        await pending
    key = client.core.transport.key
    assert str(error.value) == (
        f"agent.get failed: Request timeout (no answer within 2 s from the service of this memory hub (window {key}, {A}))"
    )


async def test_subscribe_refused_raises(network: MemoryNetwork) -> None:
    client = network.connect(STRANGER)
    with pytest.raises(RequestFailed, match="is not accepted"):
        await client.subscribe("agent", print)
    assert client.core.subscriptions == []


async def test_wwe_strings_go_to_the_string_hook() -> None:
    client = ServiceClient(RecordingTransport())
    strings: list[str] = []
    client.core.on_string = strings.append
    client.receive("wwe:focus")
    client.receive("hello")
    assert strings == ["wwe:focus"]


async def test_request_by_wire_name_and_configurable_timeout(network: MemoryNetwork) -> None:
    client = network.connect(A, timeout=3)
    assert client.timeout == 3
    client.timeout = 4
    assert client.core.timeout == 4
    assert (await client.request("agent.getState"))["type"] == "NOT_READY"


async def test_one_timer_serves_every_deadline_in_order() -> None:
    clock = ManualClock()
    client = ServiceClient(RecordingTransport(), timeout=0.2, clock=clock)
    slow = client.agent.get()
    client.timeout = 0.01
    fast = client.agent.get_state()
    assert clock.pending_timers == 1
    clock.advance(0.01)
    with pytest.raises(RequestTimeout):
        await fast
    assert not slow.done() and client.core.pending_count == 1 and clock.pending_timers == 1
    clock.advance(0.19)
    with pytest.raises(RequestTimeout):
        await slow
    assert client.core.pending_count == 0


async def test_a_timer_firing_early_re_arms_instead_of_failing() -> None:
    clock = ManualClock()
    client = ServiceClient(RecordingTransport(), timeout=0.05, clock=clock)
    future = client.agent.get()
    client.core._expire_due()  # as a browser timer that fires before the deadline
    assert not future.done() and client.core.pending_count == 1
    clock.advance(0.05)
    with pytest.raises(RequestTimeout):
        await future
