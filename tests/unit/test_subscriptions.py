"""Subscriptions, event fan-out to subscribed frames only, and messenger channels."""

from __future__ import annotations

from unit_support import A, B, C, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.workspace import Workspace


def subscribe(service: Service, key: int, origin: str, data: object, reference: str = "s") -> None:
    service.receive(key, origin, {"event": "subscribe", "data": data, "referenceId": reference})


def events(outbox: Recorder, key: int) -> list[dict]:
    return [m for m in outbox.to(key) if "event" in m]


def test_subscribe_answers_with_a_subscription_id(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent", "interaction"], "8")
    reply = outbox.last(1)
    assert reply["referenceId"] == "8" and reply["subscriptionId"] == "subscription-1"
    assert reply["data"] == ["agent", "interaction"] and "event" not in reply


def test_unknown_event_names_are_refused(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent", "weather", "messenger:"])
    assert outbox.last(1)["errorMessage"] == (
        "Unknown event names 'weather', 'messenger:'. "
        "Subscribe to agent, interaction, media, system, outbound, markdone or messenger:<channel>."
    )
    subscribe(service, 1, A, [])
    assert outbox.last(1)["errorMessage"].startswith("No event name given.")


def test_events_go_only_to_frames_subscribed_to_them(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, "agent")
    subscribe(service, 2, B, ["media"])
    service.receive(3, C, request("agent.get"))
    service.workspace.set_agent_state("Ready")
    assert [e["event"] for e in events(outbox, 1)] == ["agent"]
    assert [e["data"]["name"] for e in events(outbox, 2)] == ["voice", "chat", "email"]
    assert events(outbox, 3) == []


def test_an_event_reaches_a_frame_once_however_many_subscriptions_match(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"], "1")
    subscribe(service, 1, A, ["agent", "media"], "2")
    service.workspace.set_agent_state("Ready")
    assert [e["event"] for e in events(outbox, 1)].count("agent") == 1


def test_unsubscribe_stops_delivery(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"], "1")
    subscription_id = outbox.last(1)["subscriptionId"]
    service.receive(1, A, {"event": "unsubscribe", "data": subscription_id, "referenceId": "2"})
    assert outbox.last(1) == {"request": "unsubscribe", "referenceId": "2", "data": True, "userAgent": "WWE Server", "protocolVersion": 2}
    service.workspace.set_agent_state("Ready")
    assert events(outbox, 1) == []


def test_a_frame_cannot_unsubscribe_another_frames_subscription(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["agent"], "1")
    subscription_id = outbox.last(1)["subscriptionId"]
    service.receive(2, B, {"event": "unsubscribe", "data": subscription_id, "referenceId": "2"})
    assert outbox.last(2)["errorMessage"] == f"Unknown subscription id {subscription_id!r} for this frame."
    service.workspace.set_agent_state("Ready")
    assert len(events(outbox, 1)) == 1


def test_broadcast_reaches_every_other_subscriber_of_the_channel_across_origins(service: Service, outbox: Recorder) -> None:
    subscribe(service, 1, A, ["messenger:notes"])
    subscribe(service, 2, B, ["messenger:notes", "agent"])
    subscribe(service, 4, A, ["messenger:notes"])  # the sender's origin, another frame
    subscribe(service, 3, C, ["messenger:other"])
    service.receive(1, A, request("messenger.broadcastMessage", "notes", {"text": "hi"}, reference="b"))
    assert outbox.replies(1)[-1]["data"] == 2
    expected = {"event": "messenger:notes", "data": {"text": "hi"}, "userAgent": "WWE Server", "protocolVersion": 2}
    assert events(outbox, 2) == [expected] and events(outbox, 4) == [expected]
    assert events(outbox, 1) == [] and events(outbox, 3) == []  # not back to the sender (reference)


def test_broadcast_with_any_json_message_and_to_nobody(service: Service, outbox: Recorder) -> None:
    service.receive(1, A, request("messenger.broadcastMessage", "empty", [1, "two", None]))
    assert outbox.last(1)["data"] == 0
    service.receive(1, A, request("messenger.broadcastMessage", "", "x"))
    assert outbox.last(1)["errorMessage"] == "messenger.broadcastMessage needs a non-empty channel name."


class BroadcastRecorder(Recorder):
    """A Recorder that is also a Broadcaster (transports/base.py): one call per fan-out, and
    the windows of `gone` reported gone."""

    def __init__(self, gone: set[int]) -> None:
        super().__init__()
        self.gone = gone
        self.calls: list[list[int]] = []

    def send_all(self, keys: list[int], message: dict) -> list[int]:
        self.calls.append(list(keys))
        for key in keys:
            if key not in self.gone:
                self.sent.append((key, message))
        return [key for key in keys if key in self.gone]


def test_an_event_goes_to_all_its_frames_in_one_call_where_the_transport_can() -> None:
    outbox = BroadcastRecorder(gone={3})
    service = Service(Workspace(clock=ManualClock()), OriginPolicy.parse(f"{A},{B},{C},null"), outbox)
    for key, origin in ((1, A), (2, B), (3, C), (4, "null")):
        subscribe(service, key, origin, ["agent"], str(key))
    logged: list[str] = []
    service.log.add(lambda entry: logged.append(entry.result))
    assert service.publish("agent", {"eventType": "PING"}) == 2
    assert outbox.calls == [[1, 2, 3]]  # the origin 'null' is never sent to, but logged
    assert [e["data"] for e in events(outbox, 1)] == [{"eventType": "PING"}] == [e["data"] for e in events(outbox, 2)]
    assert "no reply to the origin 'null'" in logged
    assert 3 not in service.frames  # its window is gone
    assert service.publish("agent", {"eventType": "PING"}) == 2 and outbox.calls[-1] == [1, 2]
    assert service.publish("agent", {"eventType": "ONE"}, to_frame=2) == 1 and outbox.calls[-1] == [1, 2]  # one frame: send()
