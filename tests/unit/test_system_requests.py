"""The `system` namespace through the broker: amIVisible per calling frame, triggerActivity,
parameter checks and origin filters for every system request, and the `desktop` redraw topic
that no frame ever receives. Also home of SystemBench, which the other system test modules use."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import A, B, C, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.protocol.catalogue import EVENT_NAMES
from wwe_scapi.service import Direction, LogEntry
from wwe_scapi.service.handlers.system import HANDLERS
from wwe_scapi.service.setup import build_service
from wwe_scapi.service.surface import FrameSurface, MemorySurface
from wwe_scapi.workspace import DomainEvent
from wwe_scapi.workspace.system import DESKTOP_TOPIC

ORIGINS_OPTION = "service-client-api.accepted-web-content-origins"


class SystemBench:
    """A service built from `options` on a manual clock. Frames 1 (origin A) and 2 (origin B)
    are subscribed to `system`; frame 3 (origin A) is served but subscribed to nothing."""

    ORIGIN_OF = {1: A, 2: B, 3: A, 4: C}

    def __init__(
        self,
        options: dict[str, Any] | None = None,
        *,
        subscribed: tuple[int, ...] = (1, 2),
        surface: FrameSurface | None = None,
        strict: bool = False,
    ) -> None:
        self.clock = ManualClock()
        self.outbox = Recorder()
        self.surface = surface or MemorySurface()
        self.service = build_service(
            {ORIGINS_OPTION: f"{A}, {B}, {C} (agent.*)", **(options or {})},
            clock=self.clock,
            transport=self.outbox,
            surface=self.surface,
            strict=strict,
        )
        self.log: list[LogEntry] = []
        self.service.log.add(self.log.append)
        self.workspace = self.service.workspace
        self.system = self.workspace.system
        self.scenario = self.workspace.scenario
        for frame in subscribed:
            self.subscribe(frame, "system")
        self.service.receive(3, A, request("agent.get"))  # frame 3 known to the service

    def subscribe(self, frame: int, *topics: str) -> dict[str, Any]:
        self.service.receive(frame, self.ORIGIN_OF[frame], {"event": "subscribe", "data": list(topics), "referenceId": "s"})
        return self.outbox.last(frame)

    def reply(self, name: str, *parameters: Any, frame: int = 1) -> dict[str, Any]:
        self.service.receive(frame, self.ORIGIN_OF[frame], request(name, *parameters))
        return self.outbox.last(frame)

    def call(self, name: str, *parameters: Any, frame: int = 1) -> Any:
        """The request's data; a failure raises AssertionError with its errorMessage."""
        reply = self.reply(name, *parameters, frame=frame)
        if "errorMessage" in reply:
            raise AssertionError(reply["errorMessage"])
        assert reply["request"] == name
        return reply["data"]

    def error(self, name: str, *parameters: Any, frame: int = 1) -> str:
        reply = self.reply(name, *parameters, frame=frame)
        assert "errorMessage" in reply, f"{name} succeeded: {reply.get('data')!r}"
        return str(reply["errorMessage"])

    def warnings(self) -> list[str]:
        """The warnings on the log row of the last request answered."""
        return list(next(e for e in reversed(self.log) if e.direction is Direction.REQUEST).warnings)

    def events(self, frame: int, topic: str = "system") -> list[dict[str, Any]]:
        return [m["data"] for m in self.outbox.to(frame) if m.get("event") == topic]

    def later(self, seconds: float) -> None:
        """Let `seconds` pass, then let time act."""
        self.clock.advance(seconds)
        self.workspace.tick()


# -- amIVisible ------------------------------------------------------------------------------


def test_am_i_visible_answers_for_the_calling_frame() -> None:
    bench = SystemBench()
    assert bench.call("system.amIVisible", frame=1) is True
    assert bench.call("system.amIVisible", frame=2) is True
    bench.surface.hidden.add(1)
    assert bench.call("system.amIVisible", frame=1) is False
    assert bench.call("system.amIVisible", frame=2) is True
    assert bench.call("system.amIVisible", frame=3) is True  # same origin as frame 1, another frame
    bench.surface.hidden = {2}
    assert [bench.call("system.amIVisible", frame=f) for f in (1, 2, 3)] == [True, False, True]


def test_am_i_visible_asks_whatever_surface_the_service_has() -> None:
    class Asked:
        def __init__(self) -> None:
            self.keys: list[int] = []

        def is_visible(self, frame_id: int) -> bool:
            self.keys.append(frame_id)
            return frame_id == 2

    asked = Asked()
    bench = SystemBench(surface=asked)
    assert bench.call("system.amIVisible", frame=1) is False
    assert bench.call("system.amIVisible", frame=2) is True
    assert asked.keys == [1, 2]


def test_am_i_visible_takes_no_parameters() -> None:
    bench = SystemBench()
    assert bench.error("system.amIVisible", True) == "system.amIVisible takes no parameters, got 1."


# -- triggerActivity ---------------------------------------------------------------------------


def test_trigger_activity_answers_null_and_restarts_the_timer() -> None:
    bench = SystemBench({"security.inactivity-timeout": "1"})
    bench.clock.advance(45)
    assert bench.system.inactivity.remaining() == 15
    reply = bench.reply("system.triggerActivity", frame=2)
    assert reply["data"] is None and "errorMessage" not in reply
    assert bench.system.inactivity.remaining() == 60
    assert bench.error("system.triggerActivity", "now") == "system.triggerActivity takes no parameters, got 1."


def test_trigger_activity_without_a_timeout_is_harmless() -> None:
    bench = SystemBench({"security.inactivity-timeout": "0"})
    assert bench.call("system.triggerActivity") is None
    assert bench.system.inactivity.remaining() is None


# -- request shapes and origin filters ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, parameters, message",
    [
        ("system.popupToast", (), "system.popupToast needs parameter 1 (parameters): system.popupToast(parameters)."),
        ("system.popupToast", ("hello",), "Parameter 1 (parameters) of system.popupToast must be an object, got a string."),
        ("system.popupToast", ([],), "Parameter 1 (parameters) of system.popupToast must be an object, got an array."),
        ("system.popupToast", ({}, {}), "system.popupToast takes 1 parameter (parameters), got 2."),
        ("system.updateToast", ("wweCustomToast0",), "system.updateToast needs parameter 2 (parameters): system.updateToast(id, parameters)."),
        ("system.updateToast", (0, {}), "Parameter 1 (id) of system.updateToast must be a string, got a number."),
        ("system.closeToast", (), "system.closeToast needs parameter 1 (id): system.closeToast(id)."),
        ("system.closeDialog", (1,), "Parameter 1 (dialogId) of system.closeDialog must be a string, got a number."),
        ("system.openDialog", (5, {}), "Parameter 1 (url) of system.openDialog must be a string, got a number."),
        (
            "system.updateViewInApplicationMenuBar",
            ("view1",),
            "Parameter 1 (parameters) of system.updateViewInApplicationMenuBar must be an object, got a string.",
        ),
        (
            "system.closeViewInApplicationMenuBar",
            ({"name": "view1"},),
            "Parameter 1 (name) of system.closeViewInApplicationMenuBar must be a string, got an object.",
        ),
    ],
)
def test_request_parameters_are_checked_before_the_desktop_acts(name: str, parameters: tuple[Any, ...], message: str) -> None:
    bench = SystemBench()
    assert bench.error(name, *parameters) == message
    assert bench.system.toasts.toasts == {} and bench.system.dialogs.dialogs == {} and bench.system.menu_bar.views == {}


def test_every_system_request_is_refused_to_an_origin_filtered_to_agent_requests() -> None:
    bench = SystemBench()
    for name in set(HANDLERS) - {"system.getAllowedServices"}:
        message = bench.error(name, frame=4)
        assert message == (
            f"The request {name} is not allowed for the origin {C} (service-client-api.accepted-web-content-origins)."
        )
    assert bench.system.toasts.toasts == {}


def test_allowed_services_are_answered_to_every_listed_origin_whatever_its_filter() -> None:
    bench = SystemBench()
    assert bench.call("system.getAllowedServices", frame=4) == [
        "agent.get",
        "agent.getState",
        "agent.getStateList",
        "agent.setState",
        "system.getAllowedServices",
    ]


def test_allowed_services_list_only_requests_this_desktop_serves() -> None:
    allowed = SystemBench().call("system.getAllowedServices", frame=2)
    assert "auth.getJwtToken" not in allowed  # an unfiltered origin: only a filter naming it grants it
    assert "outbound.getCampaigns" in allowed
    assert "voice.dial" in allowed and "sipEndpoint.muteMicrophone" not in allowed


def test_allowed_services_list_the_system_requests_for_an_unfiltered_origin() -> None:
    bench = SystemBench()
    allowed = bench.call("system.getAllowedServices", frame=2)
    assert set(HANDLERS) <= set(allowed)


def test_a_desktop_in_one_tab_leads_and_is_the_last_active_tab() -> None:
    bench = SystemBench()
    answers = [
        bench.call(f"system.{name}", frame=2)
        for name in ("isFrameLeading", "isFrameFollowing", "isFrameNegotiating", "isFrameLeadingOrNegotiating", "isLastActiveFrame")
    ]
    assert answers == [True, False, False, True, True]


# -- the desktop's own redraw notices ----------------------------------------------------------


def test_desktop_notices_are_emitted_but_never_delivered_to_frames() -> None:
    bench = SystemBench(subscribed=())
    notices: list[DomainEvent] = []
    bench.workspace.subscribe(lambda event: notices.append(event) if event.topic == DESKTOP_TOPIC else None)
    bench.subscribe(1, *EVENT_NAMES)
    bench.subscribe(2, "system", "messenger:desktop")
    toast = bench.call("system.popupToast", {"title": "t", "autoHideTimeout": 10})
    bench.call("system.updateToast", toast, {"title": "u"})
    dialog = bench.call("system.openDialog", "https://dialog.test/", {})
    bench.call("system.closeDialog", dialog)
    bench.call("system.updateViewInApplicationMenuBar", {"name": "v", "label": "V"})
    bench.call("system.closeViewInApplicationMenuBar", "v")
    bench.call("system.triggerActivity")
    bench.later(1)  # the toast hides
    bench.scenario.drop_realtime_connection()
    assert [n.data["eventType"] for n in notices] == [
        "toasts", "toasts", "dialogs", "dialogs", "menu-bar", "menu-bar", "inactivity", "toasts", "connection",
    ]
    for frame in (1, 2, 3):
        assert [m for m in bench.outbox.to(frame) if m.get("event") == DESKTOP_TOPIC] == []
    assert [e["eventType"] for e in bench.events(1)] == ["REALTIME_CONNECTION"]
    assert bench.events(2) == bench.events(1)


def test_no_frame_can_subscribe_to_the_desktop_topic() -> None:
    bench = SystemBench()
    refusal = bench.subscribe(1, "desktop")
    assert refusal["errorMessage"].startswith("Unknown event name 'desktop'.")
    refusal = bench.subscribe(2, "system", "desktop")  # one bad name refuses the whole subscription
    assert refusal["errorMessage"].startswith("Unknown event name 'desktop'.")
    bench.call("system.popupToast", {})
    assert all(m.get("event") != DESKTOP_TOPIC for _, m in bench.outbox.sent)


def test_publishing_to_the_desktop_topic_reaches_nobody() -> None:
    bench = SystemBench()
    assert bench.service.publish(DESKTOP_TOPIC, {"eventType": "toasts"}) == 0
    bench.system.events.emit(DESKTOP_TOPIC, {"eventType": "toasts"})
    assert all(m.get("event") != DESKTOP_TOPIC for _, m in bench.outbox.sent)
