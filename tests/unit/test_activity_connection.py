"""The inactivity timer (security.inactivity-timeout, triggerActivity, logout on timeout), the
real-time connection (REALTIME_CONNECTION DISCONNECTED / RECONNECTED / DOWN) and the start-up
checks of the options the desktop itself reads, all on a manual clock."""

from __future__ import annotations

from typing import Any

import pytest

from test_system_requests import SystemBench
from unit_support import refusal_of
from wwe_scapi.clock import ManualClock
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.service.setup import build_service
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.connection import DOWN_AFTER_SECONDS, ConnectionState, RealtimeConnection
from wwe_scapi.workspace.inactivity import InactivityTimer
from wwe_scapi.workspace.states import DEFAULT_STATE_LIST, StateType

TIMEOUT = "security.inactivity-timeout"
WIDTH = "service-client-api.toast.width"


def connection_states(bench: SystemBench, frame: int = 1) -> list[str]:
    return [e["state"] for e in bench.events(frame) if e["eventType"] == "REALTIME_CONNECTION"]


def ready_bench(minutes: str) -> SystemBench:
    """Agent Ready, frame 1 also subscribed to `agent`, inactivity timeout in minutes."""
    bench = SystemBench({TIMEOUT: minutes})
    bench.workspace.set_agent_state("Ready")
    bench.subscribe(1, "agent")
    return bench


def agent_events(bench: SystemBench) -> list[dict[str, Any]]:
    return bench.events(1, topic="agent")


# -- the inactivity timer ----------------------------------------------------------------------


@pytest.mark.parametrize("minutes, seconds", [("1", 60), ("0.5", 30), ("2.25", 135), ("15", 900), ("1e1", 600)])
def test_the_timeout_is_read_in_minutes(minutes: str, seconds: float) -> None:
    bench = SystemBench({TIMEOUT: minutes})
    assert bench.system.inactivity.timeout_seconds == seconds
    assert bench.system.inactivity.remaining() == seconds
    assert bench.system.next_deadline() == seconds


@pytest.mark.parametrize("options", [{}, {TIMEOUT: "0"}, {TIMEOUT: "0.0"}, {TIMEOUT: ""}])
def test_zero_or_no_timeout_turns_the_timer_off(options: dict[str, str]) -> None:
    bench = SystemBench(options)
    bench.workspace.set_agent_state("Ready")
    timer = bench.system.inactivity
    assert not timer.enabled and timer.remaining() is None and timer.deadline() is None
    bench.later(10 * 24 * 3600)
    assert not timer.timed_out and bench.workspace.agent_state().type is StateType.READY
    assert bench.system.next_deadline() is None


def test_remaining_counts_down_with_the_clock_and_trigger_resets_it() -> None:
    bench = ready_bench("1")
    timer = bench.system.inactivity
    bench.clock.advance(25)
    assert timer.remaining() == 35
    bench.clock.advance(25)
    assert timer.remaining() == 10
    bench.call("system.triggerActivity", frame=2)
    assert timer.remaining() == 60 and timer.deadline() == 110
    bench.clock.advance(59)
    bench.workspace.tick()
    assert not timer.timed_out and timer.remaining() == 1
    bench.clock.advance(5)
    assert timer.remaining() == 0  # never negative


def test_a_timeout_logs_the_agent_out_on_the_tick_after_the_deadline() -> None:
    bench = ready_bench("0.5")
    timer = bench.system.inactivity
    bench.clock.advance(31)
    assert not timer.timed_out  # time alone does nothing: tick() acts
    assert bench.workspace.agent_state().type is StateType.READY
    bench.workspace.tick()
    assert timer.timed_out
    assert bench.workspace.agent_state().operation_name == "Logout"
    assert agent_events(bench) == [{"eventType": "STATE_CHANGED", "mediaState": "LOGOUT"}]
    assert all(media.state.type is StateType.LOGOUT for media in bench.workspace.media.values())


def test_the_deadline_is_exact() -> None:
    bench = ready_bench("0.5")
    bench.later(29.999)
    assert not bench.system.inactivity.timed_out
    bench.later(0.001)
    assert bench.system.inactivity.timed_out


def test_activity_just_before_the_deadline_saves_the_session() -> None:
    bench = ready_bench("0.5")
    bench.later(29)
    bench.call("system.triggerActivity")
    bench.later(29)
    bench.call("system.triggerActivity")
    bench.later(29)
    assert not bench.system.inactivity.timed_out and agent_events(bench) == []
    bench.later(1)
    assert bench.system.inactivity.timed_out


def test_the_timeout_acts_only_once() -> None:
    bench = ready_bench("0.5")
    bench.later(30)
    bench.workspace.set_agent_state("Ready")  # the agent logs in again
    bench.later(3600)
    bench.workspace.tick()
    assert bench.workspace.agent_state().type is StateType.READY
    assert [e["mediaState"] for e in agent_events(bench)] == ["LOGOUT", "READY"]
    assert bench.system.inactivity.deadline() is None
    assert bench.system.next_deadline() is None


def test_activity_after_a_timeout_starts_a_new_count() -> None:
    bench = ready_bench("0.5")
    bench.later(30)
    bench.workspace.set_agent_state("Ready")  # the agent logs in again and uses the desktop
    bench.call("system.triggerActivity")
    assert not bench.system.inactivity.timed_out
    assert bench.system.inactivity.remaining() == 30
    bench.later(29)
    assert bench.workspace.agent_state().type is StateType.READY
    bench.later(1)
    assert bench.system.inactivity.timed_out
    assert [e["mediaState"] for e in agent_events(bench)] == ["LOGOUT", "READY", "LOGOUT"]


def test_an_agent_already_logged_out_gets_no_second_event() -> None:
    bench = ready_bench("1")
    bench.workspace.set_agent_state("Logout")
    bench.later(60)
    assert bench.system.inactivity.timed_out
    assert [e["mediaState"] for e in agent_events(bench)] == ["LOGOUT"]


def test_without_a_logout_state_the_timeout_changes_no_state() -> None:
    clock = ManualClock()
    states = [s for s in DEFAULT_STATE_LIST if s.operation_name != "Logout"]
    workspace = Workspace(clock=clock, state_list=states, initial_state="Ready")
    workspace.configuration.set(TIMEOUT, "1")
    workspace.apply_system_options()
    seen: list[str] = []
    workspace.subscribe(lambda event: seen.append(event.topic))
    clock.advance(60)
    workspace.tick()
    assert workspace.system.inactivity.timed_out
    assert workspace.agent_state().type is StateType.READY and "agent" not in seen


def test_the_timer_on_its_own() -> None:
    clock = ManualClock(100)
    timer = InactivityTimer(clock, 10)
    assert timer.enabled and timer.deadline() == 110 and not timer.check()
    clock.advance(10)
    assert timer.check() is True and timer.timed_out
    assert timer.check() is False and timer.deadline() is None
    off = InactivityTimer(clock, 0)
    clock.advance(1000)
    assert not off.enabled and off.check() is False and off.remaining() is None


# -- the real-time connection ------------------------------------------------------------------


def test_drop_and_restore_reach_every_frame_subscribed_to_system() -> None:
    bench = SystemBench()
    bench.subscribe(3, "agent", "interaction")
    bench.scenario.drop_realtime_connection()
    assert bench.events(1) == bench.events(2) == [{"eventType": "REALTIME_CONNECTION", "state": "DISCONNECTED"}]
    bench.scenario.restore_realtime_connection()
    assert connection_states(bench, 1) == connection_states(bench, 2) == ["DISCONNECTED", "RECONNECTED"]
    assert [m for m in bench.outbox.to(3) if "event" in m] == []
    assert bench.system.connection.state is ConnectionState.CONNECTED


def test_a_minute_without_restore_brings_down_on_the_tick() -> None:
    bench = SystemBench()
    assert DOWN_AFTER_SECONDS == 60
    bench.clock.advance(5)
    bench.scenario.drop_realtime_connection()
    assert bench.system.next_deadline() == 65
    bench.later(59.999)
    assert connection_states(bench) == ["DISCONNECTED"]
    bench.clock.advance(0.001)
    assert connection_states(bench) == ["DISCONNECTED"]  # time alone does nothing: tick() acts
    bench.workspace.tick()
    assert connection_states(bench) == connection_states(bench, 2) == ["DISCONNECTED", "DOWN"]
    bench.later(3600)
    assert connection_states(bench) == ["DISCONNECTED", "DOWN"]  # only once
    assert bench.system.connection.state is ConnectionState.DOWN and bench.system.next_deadline() is None


def test_a_restore_within_the_minute_prevents_down() -> None:
    bench = SystemBench()
    bench.scenario.drop_realtime_connection()
    bench.later(59)
    bench.scenario.restore_realtime_connection()
    bench.later(3600)
    assert connection_states(bench) == ["DISCONNECTED", "RECONNECTED"]


def test_a_new_drop_counts_its_own_minute() -> None:
    bench = SystemBench()
    bench.scenario.drop_realtime_connection()
    bench.later(50)
    bench.scenario.restore_realtime_connection()
    bench.scenario.drop_realtime_connection()
    bench.later(50)
    assert connection_states(bench) == ["DISCONNECTED", "RECONNECTED", "DISCONNECTED"]
    bench.later(10)
    assert connection_states(bench) == ["DISCONNECTED", "RECONNECTED", "DISCONNECTED", "DOWN"]


def test_the_down_shortcut_and_a_restore_after_down() -> None:
    bench = SystemBench()
    bench.scenario.drop_realtime_connection()
    bench.scenario.realtime_connection_down()
    assert connection_states(bench) == ["DISCONNECTED", "DOWN"]
    bench.later(120)
    assert connection_states(bench) == ["DISCONNECTED", "DOWN"]
    bench.scenario.restore_realtime_connection()
    assert connection_states(bench, 2) == ["DISCONNECTED", "DOWN", "RECONNECTED"]


@pytest.mark.parametrize(
    "steps, refused, message",
    [
        ((), "restore_realtime_connection", "The real-time connection is not lost."),
        ((), "realtime_connection_down", "The real-time connection is CONNECTED: it goes DOWN only once DISCONNECTED."),
        (("drop_realtime_connection",), "drop_realtime_connection", "The real-time connection is already DISCONNECTED."),
        (
            ("drop_realtime_connection", "realtime_connection_down"),
            "drop_realtime_connection",
            "The real-time connection is already DOWN.",
        ),
        (
            ("drop_realtime_connection", "realtime_connection_down"),
            "realtime_connection_down",
            "The real-time connection is DOWN: it goes DOWN only once DISCONNECTED.",
        ),
        (
            ("drop_realtime_connection", "restore_realtime_connection"),
            "restore_realtime_connection",
            "The real-time connection is not lost.",
        ),
    ],
)
def test_refusals_say_why_and_announce_nothing(steps: tuple[str, ...], refused: str, message: str) -> None:
    bench = SystemBench()
    for step in steps:
        getattr(bench.scenario, step)()
    before = connection_states(bench)
    state = bench.system.connection.state
    assert refusal_of(getattr(bench.scenario, refused)) == message
    assert connection_states(bench) == before and bench.system.connection.state is state


def test_the_connection_on_its_own() -> None:
    clock = ManualClock()
    connection = RealtimeConnection(clock)
    assert connection.deadline() is None and connection.check() is None
    assert connection.drop() == "DISCONNECTED" and connection.deadline() == 60
    clock.advance(60)
    assert connection.check() == "DOWN" and connection.check() is None
    assert connection.restore() == "RECONNECTED" and connection.lost_at is None


def test_one_tick_applies_everything_that_is_due() -> None:
    bench = ready_bench("1")
    toast_id = bench.call("system.popupToast", {"autoHideTimeout": 30_000})
    bench.scenario.drop_realtime_connection()
    bench.later(60)
    assert toast_id not in bench.system.toasts.toasts
    assert connection_states(bench) == ["DISCONNECTED", "DOWN"]
    assert bench.workspace.agent_state().operation_name == "Logout"


# -- start-up checks of the desktop's options --------------------------------------------------


@pytest.mark.parametrize("value", ["0", "abc", "-5", "0.5", "nan", "inf", "1e400", " "])
def test_a_bad_toast_width_stops_the_start(value: str) -> None:
    with pytest.raises(PolicyConfigError) as refusal:
        build_service({WIDTH: value})
    assert str(refusal.value) == f"{WIDTH}: expected a number of at least 1, got {value!r}."


@pytest.mark.parametrize("value, width", [("480", 480), ("1", 1), ("300.9", 300), (" 250 ", 250), ("", None)])
def test_a_good_toast_width_is_kept_in_pixels(value: str, width: int | None) -> None:
    assert build_service({WIDTH: value}).workspace.system.toasts.option_width == width


@pytest.mark.parametrize("value", ["x", "-1", "-0.5", "nan", "inf", "1 minute", " "])
def test_a_bad_inactivity_timeout_stops_the_start(value: str) -> None:
    with pytest.raises(PolicyConfigError) as refusal:
        build_service({TIMEOUT: value})
    assert str(refusal.value) == f"{TIMEOUT}: expected a number of at least 0, got {value!r}."


def test_the_option_errors_are_value_errors_naming_the_option() -> None:
    with pytest.raises(ValueError, match=r"^security\.inactivity-timeout: "):
        build_service({TIMEOUT: "soon"})
    with pytest.raises(ValueError, match=r"^service-client-api\.toast\.width: "):
        build_service({f"interaction-workspace/{WIDTH}": "wide"})
