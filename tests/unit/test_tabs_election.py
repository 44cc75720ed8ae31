"""The tab election with one, two and three tabs: NEGOTIATING until a tab holds the lead,
then exactly one LEADING; the lead passes on when the leader closes or crashes."""

from __future__ import annotations

import pytest

from tests.unit.tabs_support import Profile, settle
from wwe_scapi.tabs import FrameState


async def test_a_tab_alone_negotiates_then_leads() -> None:
    profile = Profile()
    tab = profile.open_tab(start=False)
    assert tab.session.state is FrameState.NEGOTIATING
    tab.session.start()
    await settle()
    assert profile.states() == ["LEADING"]
    assert tab.session.is_last_active()


@pytest.mark.parametrize("count", [2, 3])
async def test_exactly_one_leader_the_others_follow(count: int) -> None:
    profile = Profile()
    for _ in range(count):
        profile.open_tab()
    await settle()
    assert profile.states() == ["LEADING"] + ["FOLLOWING"] * (count - 1)
    assert all(tab.session.leader == profile.tabs[0].session.number for tab in profile.tabs)


async def test_tabs_opened_at_the_same_moment_elect_one() -> None:
    """A tie: every tab asks for the lead before any message is delivered."""
    profile = Profile(loop=False)
    tabs = [profile.open_tab() for _ in range(3)]
    profile.network.settle()
    assert sorted(t.session.frame_state() for t in tabs) == ["FOLLOWING", "FOLLOWING", "LEADING"]


@pytest.mark.parametrize("say_bye", [True, False])
async def test_the_leader_closes_another_leads(say_bye: bool) -> None:
    profile = Profile()
    first, second, third = (profile.open_tab() for _ in range(3))
    await settle()
    first.close(say_bye=say_bye)
    await settle()
    assert [second.session.frame_state(), third.session.frame_state()] == ["LEADING", "FOLLOWING"]
    assert third.session.leader == second.session.number


@pytest.mark.parametrize("say_bye", [True, False])
async def test_a_change_of_leader_is_always_negotiating_then_the_new_state(say_bye: bool) -> None:
    """Also when a tab hears the new leader before (or without) the old one's goodbye: the
    goodbye and the new leader's word come from two tabs, in no promised order."""
    profile = Profile()
    first, second, third = (profile.open_tab() for _ in range(3))
    await settle()
    heard: dict[str, list[str]] = {"second": [], "third": []}
    for name, tab in (("second", second), ("third", third)):
        client = tab.connect()
        await client.subscribe(["system"], lambda event, name=name: heard[name].append(event["data"]["frameState"]))
    first.close(say_bye=say_bye)
    await settle()
    assert heard == {"second": ["NEGOTIATING", "LEADING"], "third": ["NEGOTIATING", "FOLLOWING"]}


async def test_frame_state_events_to_the_subscribed_apps_of_that_tab() -> None:
    profile = Profile()
    first, second = profile.open_tab(), profile.open_tab()
    await settle()
    heard: list[dict[str, object]] = []
    client = second.connect()
    await client.subscribe(["system"], heard.append)
    other = first.connect()
    first_heard: list[dict[str, object]] = []
    await other.subscribe(["system"], first_heard.append)
    first.close()
    await settle()
    # exactly as the reference prints them (lines 1053 and 1063, `}I` read as `},`)
    assert heard == [
        {"event": "system", "data": {"frameState": "NEGOTIATING"}, "userAgent": "WWE Server", "protocolVersion": 2},
        {"event": "system", "data": {"frameState": "LEADING"}, "userAgent": "WWE Server", "protocolVersion": 2},
    ]
    assert first_heard == []


async def test_is_frame_requests_answer_from_the_election() -> None:
    profile = Profile()
    first, second = profile.open_tab(), profile.open_tab()
    await settle()
    leader, follower = first.connect(), second.connect()
    system = [
        "is_frame_leading", "is_frame_following", "is_frame_negotiating", "is_frame_leading_or_negotiating",
        "is_last_active_frame",
    ]
    answers = [[await getattr(c.system, name)() for name in system] for c in (leader, follower)]
    assert answers == [[True, False, False, True, True], [False, True, False, False, False]]


async def test_a_negotiating_tab_answers_negotiating() -> None:
    profile = Profile(loop=False)
    first = profile.open_tab()
    profile.network.settle()
    second = profile.open_tab(start=False)  # has not heard the leader yet
    assert second.session.frame_state() == "NEGOTIATING"
    assert second.service.frames == {}
