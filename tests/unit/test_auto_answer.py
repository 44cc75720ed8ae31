"""Auto-answer (`<media>.auto-answer`, `<media>.auto-answer.timer`): a new inbound
interaction is answered at once or at its delay, and with several tabs once, by the leader."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.tabs_support import Profile, settle
from wwe_scapi.clock import ManualClock
from wwe_scapi.service.setup import configure


def _workspace(**options: str) -> Any:
    clock = ManualClock()
    workspace, _policy = configure(options, clock)
    return workspace, clock


@pytest.mark.parametrize(
    ("media", "arrive", "answered"),
    [
        ("voice", lambda s: s.ring_inbound_call(), "TALKING"),
        ("chat", lambda s: s.deliver_chat(), "ACCEPTED"),
        ("email", lambda s: s.deliver_email(), "ACCEPTED"),
    ],
)
def test_answered_at_once_when_the_option_says_true(media: str, arrive: Any, answered: str) -> None:
    workspace, _clock = _workspace(**{f"{media}.auto-answer": "true"})
    interaction = arrive(workspace.scenario)
    assert interaction.state.value == answered


def test_not_answered_by_default() -> None:
    workspace, _clock = _workspace()
    assert workspace.scenario.ring_inbound_call().state.value == "RINGING"


def test_answered_after_the_timer() -> None:
    workspace, clock = _workspace(**{"voice.auto-answer": "true", "voice.auto-answer.timer": "3"})
    call = workspace.scenario.ring_inbound_call()
    assert workspace.next_deadline() == clock.monotonic() + 3
    clock.advance(2.9)
    workspace.tick()
    assert call.state.value == "RINGING"
    clock.advance(0.1)
    workspace.tick()
    assert call.state.value == "TALKING"
    assert workspace.next_deadline() is None


def test_a_call_gone_before_its_timer_is_not_answered() -> None:
    workspace, clock = _workspace(**{"voice.auto-answer": "true", "voice.auto-answer.timer": "2"})
    call = workspace.scenario.ring_inbound_call()
    workspace.scenario.no_answer(call.interaction_id)
    clock.advance(2)
    workspace.tick()
    assert call.state.value != "TALKING"


def test_a_bad_timer_answers_at_once_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    workspace, _clock = _workspace(**{"voice.auto-answer": "true", "voice.auto-answer.timer": "soon"})
    assert workspace.scenario.ring_inbound_call().state.value == "TALKING"
    assert "voice.auto-answer.timer: expected a number of seconds, got 'soon'" in caplog.text


async def test_with_three_tabs_a_call_is_answered_once_by_the_leader() -> None:
    profile = Profile({"voice.auto-answer": "true"})
    tabs = [profile.open_tab() for _ in range(3)]
    await settle()
    heard: list[list[str]] = []
    for tab in tabs:
        events: list[str] = []
        heard.append(events)
        await tab.connect().subscribe(["interaction"], lambda m, events=events: events.append(m["data"]["eventType"]))
    pending = tabs[2].session.call("scenario.ring_inbound_call")
    await settle()
    call = pending.outcome.data
    assert all(events.count("ESTABLISHED") == 1 for events in heard), heard
    assert all(tab.workspace.interactions.find(call.interaction_id).state.value == "TALKING" for tab in tabs)
