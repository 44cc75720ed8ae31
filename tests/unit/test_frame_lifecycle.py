"""A window that shows a new page (the app reloaded or navigated within its origin) gets a new
frame: a new key and frame id, the old page's subscriptions ended; a page that knows its frame
id, or never sends one, stays one frame. Through the broker (Recorder renews key k as k + 100)
and over the in-memory transport with Python clients."""

from __future__ import annotations

from typing import Any

from unit_support import A, B, Recorder, request, until
from wwe_scapi.client import ServiceClient
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Direction, LogEntry, Service
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace import Workspace

SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}


def _service() -> tuple[Service, Recorder, list[LogEntry]]:
    outbox = Recorder()
    service = Service(Workspace(clock=ManualClock()), OriginPolicy.parse(f"{A}, {B}"), outbox)
    log: list[LogEntry] = []
    service.log.add(log.append)
    return service, outbox, log


def _subscribe(names: list[str], reference: str, frame_id: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"event": "subscribe", "data": names, "referenceId": reference, "userAgent": "WWE Client", "protocolVersion": 2}
    if frame_id is not None:
        message["frameId"] = frame_id
    return message


def _with_frame(message: dict[str, Any], frame_id: Any) -> dict[str, Any]:
    return {**message, "frameId": frame_id}


def _state_events(outbox: Recorder, key: int) -> list[dict[str, Any]]:
    return [m for m in outbox.to(key) if m.get("event") == "agent"]


def test_a_new_page_gets_a_new_frame_and_the_old_pages_subscriptions_end() -> None:
    service, outbox, log = _service()
    service.receive(1, A, _subscribe(["agent"], "s0"))  # the old page, before it knew its frame id
    service.receive(1, A, _with_frame(request("agent.get", reference="1"), 1))
    service.receive(1, A, _subscribe(["interaction"], "s1", frame_id=1))
    # The app reloads: its new page subscribes, then asks, without a frame id.
    service.receive(1, A, _subscribe(["agent"], "0"))
    kept = outbox.last(1)["subscriptionId"]
    service.receive(1, A, request("agent.getState", reference="1"))
    assert outbox.to(101)[0] == {"frameId": 101, **SERVER}  # its new frame id, before the reply
    assert outbox.to(101)[1]["request"] == "agent.getState" and outbox.to(101)[1]["referenceId"] == "1"
    assert list(service.frames) == [101]
    assert service.frames[101].subscriptions == {kept: frozenset({"agent"})}
    notice = next(entry for entry in log if entry.direction is Direction.FRAME)
    assert notice.frame == 1 and notice.result == (
        "a new page in the window of frame 1: it is frame 101; 2 subscriptions of the old page ended"
    )
    service.workspace.set_agent_state("Ready")
    assert len(_state_events(outbox, 101)) == 1 and _state_events(outbox, 1) == []


def test_messages_still_under_the_old_key_reach_the_new_frame() -> None:
    service, outbox, _ = _service()
    service.receive(1, A, _with_frame(request("agent.get", reference="a"), 1))
    service.receive(1, A, request("agent.get", reference="b"))  # a new page
    service.receive(1, A, request("agent.get", reference="c"))  # queued before the key changed
    assert [m.get("referenceId") for m in outbox.to(101)] == [None, "b", "c"]
    assert list(service.frames) == [101]


def test_a_page_that_knows_its_frame_id_or_never_sends_one_stays_one_frame() -> None:
    service, outbox, log = _service()
    for reference in "abc":
        service.receive(1, A, request("agent.get", reference=reference))  # never sends a frame id
    service.receive(2, B, request("agent.get", reference="x"))
    for reference in "yz":
        service.receive(2, B, _with_frame(request("agent.get", reference=reference), 2))
        service.receive(2, B, _subscribe(["agent"], reference + "s", frame_id=2))
    assert sorted(service.frames) == [1, 2] and not any(entry.direction is Direction.FRAME for entry in log)
    assert sum("frameId" in m and "referenceId" not in m for m in outbox.to(1)) == 1


def test_another_frames_id_is_not_taken_as_a_new_page_nor_as_knowing_its_own() -> None:
    service, outbox, _ = _service()
    service.receive(1, A, _with_frame(request("agent.get", reference="a"), 7))  # someone else's id
    service.receive(1, A, request("agent.get", reference="b"))
    assert list(service.frames) == [1]
    service.receive(1, A, _with_frame(request("agent.get", reference="c"), True))  # not an id at all
    service.receive(1, A, request("agent.get", reference="d"))
    assert list(service.frames) == [1]


def test_unsubscribed_subscriptions_are_not_carried_to_the_new_page() -> None:
    service, outbox, _ = _service()
    service.receive(1, A, _with_frame(request("agent.get", reference="a"), 1))
    service.receive(1, A, _subscribe(["agent"], "s"))
    subscription = outbox.last(1)["subscriptionId"]
    service.receive(1, A, {"event": "unsubscribe", "data": subscription, "referenceId": "u", "userAgent": "WWE Client", "protocolVersion": 2})
    service.receive(1, A, request("agent.get", reference="b"))
    assert service.frames[101].subscriptions == {}


def test_without_a_transport_that_can_renew_the_frame_stays() -> None:
    service = Service(Workspace(clock=ManualClock()), OriginPolicy.parse(A))
    service.receive(1, A, _with_frame(request("agent.get", reference="a"), 1))
    service.receive(1, A, request("agent.get", reference="b"))
    assert list(service.frames) == [1]


async def test_a_python_client_in_a_reloaded_window_gets_a_new_frame_id() -> None:
    network = MemoryNetwork()
    Service(Workspace(clock=ManualClock()), OriginPolicy.parse(A), network.service_side)
    window = network.window(A)
    first = ServiceClient(window)
    await first.agent.get()
    await first.agent.get()  # now with its frame id
    old_frame = first.frame_id
    window.reload()
    second = ServiceClient(window)
    events: list[dict[str, Any]] = []
    await second.subscribe("agent", events.append)
    assert await second.agent.get_state() is not None
    await until(lambda: second.frame_id is not None)
    assert second.frame_id != old_frame

