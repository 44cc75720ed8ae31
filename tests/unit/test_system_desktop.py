"""The system namespace in CPython: toasts, dialogs, menu-bar views, visibility, activity, the
real-time connection and web content, with an injected clock."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import A, B, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.service import Direction, LogEntry
from wwe_scapi.service.surface import MemorySurface
from wwe_scapi.service.setup import build_service
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.configuration import ConfigurationStore
from wwe_scapi.workspace.webcontent import Placement, WebContent, web_contents


class System:
    """A service with a manual clock; frames 1 (A) and 2 (B) subscribed to `system`."""

    def __init__(self, strict: bool = False, **options: str) -> None:
        self.clock = ManualClock()
        self.outbox = Recorder()
        self.service = build_service(
            {"service-client-api.accepted-web-content-origins": f"{A}, {B}", **options},
            clock=self.clock,
            transport=self.outbox,
            strict=strict,
        )
        self.log: list[LogEntry] = []
        self.service.log.add(self.log.append)
        self.workspace = self.service.workspace
        for frame, origin in ((1, A), (2, B)):
            self.service.receive(frame, origin, {"event": "subscribe", "data": ["system"], "referenceId": "s"})

    def call(self, name: str, *parameters: Any, frame: int = 1) -> Any:
        self.service.receive(frame, A if frame == 1 else B, request(name, *parameters))
        reply = self.outbox.last(frame)
        if "errorMessage" in reply:
            raise AssertionError(reply["errorMessage"])
        return reply["data"]

    def error(self, name: str, *parameters: Any, frame: int = 1) -> str:
        self.service.receive(frame, A if frame == 1 else B, request(name, *parameters))
        return str(self.outbox.last(frame)["errorMessage"])

    def events(self, frame: int) -> list[dict[str, Any]]:
        return [m["data"] for m in self.outbox.to(frame) if m.get("event") == "system"]

    def warnings(self) -> list[str]:
        """The warnings on the log row of the last request answered."""
        return list(next(e for e in reversed(self.log) if e.direction is Direction.REQUEST).warnings)


# -- toasts -----------------------------------------------------------------------------------


def test_toast_ids_parameters_and_button_order() -> None:
    system = System()
    parameters = {
        "title": "Callback",
        "iconUrl": "https://icons.test/i.png",
        "subject": "Customer 1042",
        "message": "Before noon",
        "keyValues": {"Phone": "+15550100"},
        "buttons": ["One", "Two", "Three", "Four"],
        "buttonsShowDismiss": False,
        "autoHideTimeout": 0,
        "sendToMessagePanel": False,
        "width": 400,
    }
    assert system.call("system.popupToast", parameters) == "wweCustomToast0"
    assert system.call("system.popupToast", {}) == "wweCustomToast1"
    toasts = system.workspace.system.toasts
    first = toasts.toasts["wweCustomToast0"]
    assert first.buttons() == [(1, "Two"), (2, "Three"), (3, "Four"), (0, "One")]
    assert toasts.toasts["wweCustomToast1"].buttons() == [("ok", "OK")]
    assert system.call("system.popupToast", {"buttonsShowDismiss": True, "buttons": ["x"]}) == "wweCustomToast2"
    assert toasts.toasts["wweCustomToast2"].buttons() == [("show", "Show"), ("dismiss", "Dismiss")]
    assert toasts.width(first) == 400 and toasts.width(toasts.toasts["wweCustomToast1"]) == 320


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"title": 5}, "system.popupToast: title must be a string, got a number 5"),
        ({"buttons": "OK"}, "system.popupToast: buttons must be an array of strings, got a string 'OK'"),
        ({"buttons": ["a", {}]}, "system.popupToast: buttons must be an array of strings"),
        ({"keyValues": []}, "system.popupToast: keyValues must be an object, got an array []"),
        ({"autoHideTimeout": -1}, "system.popupToast: autoHideTimeout must be a number of milliseconds (0 or more)"),
        ({"autoHideTimeout": "5000"}, "system.popupToast: autoHideTimeout must be a number of milliseconds"),
        ({"width": 0}, "system.popupToast: width must be a number of pixels (more than 0)"),
        ({"buttonsShowDismiss": "yes"}, "system.popupToast: buttonsShowDismiss must be a boolean"),
        ({"sendToMessagePanel": 1}, "system.popupToast: sendToMessagePanel must be a boolean"),
        ({"titel": "x", "colour": "red"}, "system.popupToast: unknown parameters 'colour', 'titel'; the reference documents title, iconUrl"),
    ],
)
def test_bad_toast_parameters_are_named(parameters: dict[str, Any], message: str) -> None:
    strict = System(strict=True)
    assert strict.error("system.popupToast", parameters).startswith(f"Strict mode: {message}")
    assert strict.workspace.system.toasts.toasts == {}
    lenient = System()
    assert lenient.call("system.popupToast", parameters) == "wweCustomToast0"  # served, warned
    assert [warning.startswith(message) for warning in lenient.warnings()] == [True]


def test_toast_width_option_and_its_check() -> None:
    system = System(**{"service-client-api.toast.width": "480"})
    toast_id = system.call("system.popupToast", {"title": "x"})
    toasts = system.workspace.system.toasts
    assert toasts.width(toasts.toasts[toast_id]) == 480
    for bad in ("0", "wide", "-5"):
        with pytest.raises(PolicyConfigError, match="service-client-api.toast.width: expected a number of at least 1"):
            build_service({"service-client-api.toast.width": bad})


def test_auto_hide_update_close_and_my_messages() -> None:
    system = System()
    toasts = system.workspace.system.toasts
    brief = system.call("system.popupToast", {"title": "Brief", "autoHideTimeout": 1500, "sendToMessagePanel": True})
    kept = system.call("system.popupToast", {"title": "Kept"})
    assert system.workspace.system.next_deadline() == 1.5
    system.clock.advance(1.4)
    system.workspace.tick()
    assert brief in toasts.toasts
    system.clock.advance(0.1)
    system.workspace.tick()
    assert brief not in toasts.toasts and kept in toasts.toasts
    assert [m.title for m in toasts.messages] == ["Brief"]  # My Messages keeps it
    assert system.call("system.updateToast", kept, {"message": "Now", "autoHideTimeout": 1000}) is True
    assert toasts.toasts[kept].get("message") == "Now" and toasts.toasts[kept].hide_at == 2.5
    assert system.call("system.updateToast", "wweCustomToast9", {"message": "x"}) is False
    assert system.call("system.updateToast", "wweCustomToast9", {"mesage": "x"}) is False
    assert system.warnings() == [
        "system.updateToast: unknown parameter 'mesage'; the reference documents title, iconUrl, subject, message, "
        "keyValues, buttons, buttonsShowDismiss, autoHideTimeout, sendToMessagePanel, width; left out."
    ]
    assert system.call("system.closeToast", kept) is True
    assert system.call("system.closeToast", kept) is False


def test_a_button_click_goes_to_the_opening_frame_only() -> None:
    system = System()
    system.service.receive(3, A, request("agent.get"))  # frame 3 is not subscribed
    toast_id = system.call("system.popupToast", {"buttons": ["One", "Two", "Three"]}, frame=2)
    choice = system.workspace.system.click_toast(toast_id, 1)
    assert choice is not None and choice.button_index == 1 and not choice.bring_forward
    assert system.events(2) == [{"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 1}]
    assert system.events(1) == [] and system.events(3) == []
    assert system.workspace.system.click_toast(toast_id, 0) is None  # gone after the click
    shown = system.call("system.popupToast", {"buttonsShowDismiss": True})
    assert system.workspace.system.click_toast(shown, 2) is None  # not offered
    show = system.workspace.system.click_toast(shown, "show")
    assert show is not None and show.bring_forward and show.toast.owner == 1
    assert len(system.events(1)) == 0  # Show and Dismiss are not custom buttons


# -- dialogs and menu-bar views ---------------------------------------------------------------


def test_dialogs() -> None:
    system = System()
    url = "https://lookup.test/page"
    assert system.call("system.openDialog", url, {"label": "Lookup", "width": "430px", "height": "50%"}) == "wweCustomDialog1"
    assert system.call("system.openDialog", url, {"width": 300}) == "wweCustomDialog2"
    dialogs = system.workspace.system.dialogs.dialogs
    assert (dialogs["wweCustomDialog1"].label, dialogs["wweCustomDialog1"].width) == ("Lookup", "430px")
    assert dialogs["wweCustomDialog2"].width == "300px" and dialogs["wweCustomDialog2"].owner == 1
    assert system.call("system.openDialog", None, {}) is None
    assert system.error("system.openDialog", url, None) == (
        "system.openDialog: options must not be null; pass {} when there are none."
    )
    assert system.error("system.openDialog", url) == "system.openDialog: options must not be null; pass {} when there are none."
    assert system.error("system.openDialog", url, "big").startswith("system.openDialog: options must be an object")
    assert System(strict=True).error("system.openDialog", url, {"width": "wide"}).startswith(
        "Strict mode: system.openDialog: width must be a size in px or %"
    )
    assert system.call("system.openDialog", url, {"width": "wide", "height": "325"}) == "wweCustomDialog3"
    assert (dialogs["wweCustomDialog3"].width, dialogs["wweCustomDialog3"].height) == (None, "325px")
    assert [w.split(",")[0] for w in system.warnings()] == [
        "system.openDialog: width must be a size in px or % (e.g. '430px'",
        "system.openDialog: height must be a size in px or % (e.g. '430px'",
    ]
    assert system.error("system.openDialog", "/relative", {}) == (
        "system.openDialog: the url '/relative' is relative and the address of the calling frame's page is "
        "not known to the desktop; give an absolute http(s) URL."
    )
    assert system.error("system.openDialog", "javascript:alert(1)", {}).startswith("system.openDialog: url must be")
    assert system.call("system.closeDialog", "wweCustomDialog1") is True
    assert system.call("system.closeDialog", "wweCustomDialog1") is False


def test_menu_bar_views() -> None:
    system = System()
    method = "system.updateViewInApplicationMenuBar"
    assert system.call(method, {"name": "queue", "label": "Queue: 3", "labelColor": "#fff", "backgroundColor": "#17849D"}) == "queue"
    assert system.call(method, {"name": "queue", "label": "Queue: 5", "tooltip": "waiting"}, frame=2) == "queue"
    view = system.workspace.system.menu_bar.views["queue"]
    assert view == {"name": "queue", "label": "Queue: 5", "labelColor": "#fff", "backgroundColor": "#17849D", "tooltip": "waiting"}
    assert system.workspace.system.menu_bar.owners["queue"] == 2
    assert system.call(method, {"name": "icon", "iconUrl": "https://icons.test/q.png", "backgroundColor": "#17849DCC"}) == "icon"
    assert system.error(method, {"label": "x"}) == f"{method}: name is mandatory (a non-empty string)."
    assert system.error(method, {"name": "bare", "tooltip": "t"}) == f"{method}: iconUrl or label is mandatory."
    strict = System(strict=True)
    for colour in ("#FFFFF", "red", "#GGGGGG", "FFFFFF"):
        assert strict.error(method, {"name": "c", "label": "c", "labelColor": colour}).startswith(
            f"Strict mode: {method}: labelColor must be a hex colour such as #1D2733"
        )
        assert system.call(method, {"name": "c", "label": "c", "labelColor": colour}) == "c"  # the default colour
        assert "labelColor" not in system.workspace.system.menu_bar.views["c"]
        assert system.warnings() == [
            f"{method}: labelColor must be a hex colour such as #1D2733, got a string {colour!r}; left out."
        ]
    assert system.call("system.closeViewInApplicationMenuBar", "queue") is True
    assert system.call("system.closeViewInApplicationMenuBar", "queue") is False


# -- visibility, activity, connection ---------------------------------------------------------


def test_am_i_visible_asks_the_surface_about_the_calling_frame() -> None:
    surface = MemorySurface()
    outbox = Recorder()
    service = Service(policy=OriginPolicy.parse("*"), transport=outbox, surface=surface)
    surface.hidden.add(2)
    service.receive(1, A, request("system.amIVisible"))
    service.receive(2, B, request("system.amIVisible"))
    assert outbox.last(1)["data"] is True and outbox.last(2)["data"] is False
    surface.hidden.clear()
    service.receive(2, B, request("system.amIVisible"))
    assert outbox.last(2)["data"] is True


def test_trigger_activity_restarts_the_inactivity_timer_and_a_timeout_logs_out() -> None:
    system = System(**{"security.inactivity-timeout": "0.5"})  # minutes
    system.workspace.set_agent_state("Ready")
    system.service.receive(1, A, {"event": "subscribe", "data": ["agent"], "referenceId": "a"})
    timer = system.workspace.system.inactivity
    assert timer.remaining() == 30
    system.clock.advance(20)
    assert timer.remaining() == 10
    assert system.call("system.triggerActivity") is None
    assert timer.remaining() == 30
    system.clock.advance(29.9)
    system.workspace.tick()
    assert not timer.timed_out and system.workspace.agent_state().type.value == "READY"
    system.clock.advance(0.1)
    system.workspace.tick()
    assert timer.timed_out and system.workspace.agent_state().type.value == "LOGOUT"
    agent_events = [m["data"] for m in system.outbox.to(1) if m.get("event") == "agent"]
    assert agent_events[-1]["eventType"] == "STATE_CHANGED" and agent_events[-1]["mediaState"] == "LOGOUT"
    system.workspace.set_agent_state("Ready")
    system.workspace.tick()
    assert system.workspace.agent_state().type.value == "READY"  # only once


def test_inactivity_is_off_by_default_and_its_option_is_checked() -> None:
    system = System()
    assert system.workspace.system.inactivity.remaining() is None
    assert system.workspace.system.next_deadline() is None
    for bad in ("x", "-1"):
        with pytest.raises(PolicyConfigError, match="security.inactivity-timeout: expected a number of at least 0"):
            build_service({"security.inactivity-timeout": bad})


def test_realtime_connection_events() -> None:
    system = System()
    scenario = system.workspace.scenario
    scenario.drop_realtime_connection()
    scenario.restore_realtime_connection()
    scenario.drop_realtime_connection()
    system.clock.advance(59)
    system.workspace.tick()
    system.clock.advance(1)
    system.workspace.tick()
    system.workspace.tick()
    states = [e["state"] for e in system.events(2) if e["eventType"] == "REALTIME_CONNECTION"]
    assert states == ["DISCONNECTED", "RECONNECTED", "DISCONNECTED", "DOWN"]
    with pytest.raises(WorkspaceError, match="already DOWN"):
        scenario.drop_realtime_connection()
    scenario.restore_realtime_connection()
    with pytest.raises(WorkspaceError, match="not lost"):
        scenario.restore_realtime_connection()
    with pytest.raises(WorkspaceError, match="goes DOWN only once DISCONNECTED"):
        scenario.realtime_connection_down()
    scenario.drop_realtime_connection()
    scenario.realtime_connection_down()
    assert system.events(1)[-1] == {"eventType": "REALTIME_CONNECTION", "state": "DOWN"}


def test_desktop_redraw_notices_never_reach_frames() -> None:
    system = System()
    system.service.receive(1, A, {"event": "subscribe", "data": ["agent", "interaction", "media", "markdone"], "referenceId": "x"})
    system.call("system.popupToast", {"title": "x"})
    system.call("system.updateViewInApplicationMenuBar", {"name": "v", "label": "v"})
    assert [m for m in system.outbox.to(1) if "event" in m and m["event"] not in ("system",)] == []
    system.service.receive(1, A, {"event": "subscribe", "data": ["desktop"], "referenceId": "d"})
    assert "Unknown event name 'desktop'" in system.outbox.last(1)["errorMessage"]


# -- web content ------------------------------------------------------------------------------


def test_web_content_sections() -> None:
    store = ConfigurationStore(
        {
            "interaction-workspace": {"interaction.web-content": "CRM, Rec,Notes,Old"},
            "CRM": {"url": "https://crm.test/a", "title": "CRM"},
            "Rec": {"url": "http://rec.test/", "visibility": "background"},
            "Notes": {"url": "http://notes.test/", "visibility": "Popup"},
            "Old": {"url": "http://old.test/", "visibility": "HIDDEN"},
        }
    )
    assert web_contents(store) == [
        WebContent("CRM", "https://crm.test/a", "CRM", Placement.TAB),
        WebContent("Rec", "http://rec.test/", "Rec", Placement.BACKGROUND),
        WebContent("Notes", "http://notes.test/", "Notes", Placement.POPUP),
        WebContent("Old", "http://old.test/", "Old", Placement.HIDDEN),
    ]
    store.set("interaction.web-content", ["Rec"])
    assert [c.name for c in web_contents(store)] == ["Rec"]
    assert web_contents(ConfigurationStore()) == []


@pytest.mark.parametrize(
    "options, message",
    [
        ({"interaction.web-content": "CRM"}, "interaction.web-content: section 'CRM' needs a url option (CRM/url)."),
        ({"interaction.web-content": "CRM", "CRM/url": "crm.test"}, "section 'CRM': url must be an absolute http(s) URL"),
        (
            {"interaction.web-content": "CRM", "CRM/url": "http://crm.test/", "CRM/visibility": "SIDEBAR"},
            "section 'CRM': visibility must be one of TAB, POPUP, BACKGROUND, HIDDEN, got 'SIDEBAR'.",
        ),
    ],
)
def test_bad_web_content_stops_the_start(options: dict[str, str], message: str) -> None:
    with pytest.raises(PolicyConfigError) as refusal:
        build_service(options)
    assert message in str(refusal.value)


def test_the_workspace_clock_defaults_to_the_system_clock() -> None:
    assert Workspace().system.clock.monotonic() >= 0
