"""One contact centre for every tab: what one tab's app or agent does, every tab's apps hear
and see, with the same ids; the leader applies it once; closing any tab loses nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.unit.tabs_support import OTHER, Profile, settle
from wwe_scapi.client import ServiceError
from wwe_scapi.service.pending import Pending
from wwe_scapi.tabs import session as session_module
from wwe_scapi.tabs import snapshot
from wwe_scapi.workspace.interactions import Interaction


def _state(tab: Any) -> Any:
    """What a tab's replica holds, comparable across tabs."""
    workspace = tab.workspace
    return (
        workspace.interaction_list(),
        workspace.media_list(),
        workspace.agent_state(),
        [campaign.to_wire() for campaign in workspace.campaigns],
        workspace.configuration.sections(),
        tab.session.shared.last_active,
    )


async def _three_tabs() -> tuple[Profile, Any, Any, Any]:
    profile = Profile()
    tabs = [profile.open_tab() for _ in range(3)]
    await settle()
    return profile, *tabs


async def test_a_call_rung_in_the_leader_reaches_every_tabs_apps_with_one_id() -> None:
    profile, leader, *followers = await _three_tabs()
    heard: dict[int, list[dict[str, Any]]] = {}
    for tab in profile.tabs:
        client = tab.connect()
        heard[tab.session.number] = []
        await client.subscribe(["interaction"], heard[tab.session.number].append)
    call = leader.session.call("scenario.ring_inbound_call", ani="+15550100", user_data={"Segment": "Gold"})
    await settle()
    assert isinstance(call, Interaction)
    ids = {e["data"]["interaction"]["interactionId"] for events in heard.values() for e in events}
    assert ids == {call.interaction_id}
    assert heard[2] == heard[1] == heard[3] and heard[1]
    assert all(events[0]["data"]["interaction"]["userData"]["Segment"] == "Gold" for events in heard.values())
    assert _state(followers[0]) == _state(leader) == _state(followers[1])


async def test_an_app_in_a_follower_answers_the_call_and_the_leader_applies_it_once() -> None:
    profile, leader, follower, third = await _three_tabs()
    call = leader.session.call("scenario.ring_inbound_call")
    await settle()
    app = follower.connect()
    listener = third.connect(OTHER)
    events: list[dict[str, Any]] = []
    await listener.subscribe(["interaction"], events.append)
    await app.voice.answer(call.interaction_id)
    await settle()
    assert leader.workspace.interactions.find(call.interaction_id).state.value == "TALKING"
    assert _state(follower) == _state(leader) == _state(third)
    assert [e["data"]["eventType"] for e in events].count("ESTABLISHED") == 1
    # the follower's own getters answer the same
    assert (await app.interaction.get_by_interaction_id(call.interaction_id))["state"] == "TALKING"


async def test_a_follower_refusal_is_the_leaders_message() -> None:
    _profile, _leader, follower, _third = await _three_tabs()
    app = follower.connect()
    with pytest.raises(ServiceError, match="nknown interaction|not found|No interaction"):
        await app.voice.answer("no-such-call")


async def test_a_scenario_step_and_a_desktop_action_in_a_follower_go_to_the_leader() -> None:
    profile, leader, follower, _third = await _three_tabs()
    pending = follower.session.call("scenario.deliver_chat")
    assert isinstance(pending, Pending)
    await settle()
    assert pending.outcome is not None and pending.outcome.ok
    chat = pending.outcome.data
    assert isinstance(chat, Interaction) and leader.workspace.interactions.find(chat.interaction_id) is not None
    refused = follower.session.call("set_agent_state", "NoSuchState")
    await settle()
    assert refused.outcome.error.startswith("Unknown agent state 'NoSuchState'")
    assert follower.session.call("_voice_media").outcome is None  # pending: private parts are refused by the leader
    await settle()


async def test_warnings_of_a_forwarded_action_reach_the_callers_warn() -> None:
    profile, leader, follower, _third = await _three_tabs()
    warned: list[tuple[str, str]] = []
    pending = follower.session.call(
        "system.popup_toast", 20001, {"title": "Hi", "colour": "red"}, lambda stray, treatment: warned.append((stray, treatment))
    )
    await settle()
    assert pending.outcome.ok, pending.outcome
    assert len(warned) == 1 and "colour" in warned[0][0]
    assert list(leader.workspace.system.toasts.toasts) == [pending.outcome.data]


async def test_closing_the_leader_loses_nothing() -> None:
    profile, leader, follower, third = await _three_tabs()
    call = leader.session.call("scenario.ring_inbound_call")
    leader.session.call("voice.answer", call.interaction_id)
    await settle()
    before = _state(follower)
    app = third.connect()
    leader.close()
    await settle()
    assert follower.session.leading
    assert _state(follower)[:-1] == before[:-1] == _state(third)[:-1]
    assert follower.session.shared.last_active == follower.session.number  # the last active tab closed
    await app.voice.hang_up(call.interaction_id)
    await settle()
    assert follower.workspace.interactions.find(call.interaction_id).state.value == "IDLE"
    assert _state(third) == _state(follower)


async def test_a_tab_opened_later_gets_the_session() -> None:
    profile = Profile()
    leader = profile.open_tab()
    await settle()
    call = leader.session.call("scenario.ring_inbound_call")
    await settle()
    late = profile.open_tab()
    await settle()
    assert late.workspace.interactions.find(call.interaction_id) is not None
    assert _state(late) == _state(leader)


async def test_requests_sent_as_the_leader_closes_are_served_by_the_next_in_order() -> None:
    profile = Profile(loop=True)
    leader, follower = profile.open_tab(), profile.open_tab()
    await settle()
    app = follower.connect()
    await app.agent.get_state()
    leader.close(say_bye=True)
    changed, state = app.agent.set_state("Ready"), app.agent.get_state()
    await changed
    assert (await state)["operationName"] == "Ready"
    assert follower.session.leading


async def test_a_command_the_old_leader_applied_is_not_applied_twice() -> None:
    """The leader applied it and handed the state over, then closed before answering."""
    profile = Profile(loop=False)
    leader, follower = profile.open_tab(), profile.open_tab()
    profile.network.settle()
    call = leader.session.call("scenario.ring_inbound_call")
    profile.network.settle()
    pending = follower.session.call("voice.answer", call.interaction_id)
    # deliver the command to the leader, which applies it and posts state, then reply
    leader.session._bridge.post = _drop_replies(leader.session._bridge.post)  # type: ignore[method-assign]
    profile.network.settle()
    assert pending.outcome is None
    leader.close(say_bye=False)
    profile.network.settle()
    assert follower.session.leading
    assert pending.outcome is not None and pending.outcome.ok  # from the ledger, not applied again
    established = [i for i in follower.workspace.interaction_list() if i["state"] == "TALKING"]
    assert len(established) == 1


def _drop_replies(post: Any) -> Any:
    def dropping(text: str) -> None:
        if '"kind": "reply"' not in text:
            post(text)

    return dropping


async def test_the_snapshot_keeps_the_tabs_own_objects() -> None:
    profile = Profile()
    leader, follower = profile.open_tab(), profile.open_tab()
    await settle()
    before = follower.workspace.events, follower.workspace.clock, follower.workspace
    leader.session.call("scenario.ring_inbound_call")
    await settle()
    assert (follower.workspace.events, follower.workspace.clock) == before[:2]
    assert follower.workspace.desk.events is follower.workspace.events
    text = snapshot.dumps(leader.workspace, leader.workspace)
    assert snapshot.loads(follower.workspace, text) is follower.workspace


async def test_actions_while_no_tab_leads_are_held_then_applied_in_order() -> None:
    profile = Profile(loop=False)
    leader, follower = profile.open_tab(), profile.open_tab()
    profile.network.settle()
    leader.close()
    assert profile.network.step()  # the goodbye, not yet the lock
    assert follower.session.frame_state() == "NEGOTIATING"
    ready = follower.session.call("set_agent_state", "Ready")
    not_ready = follower.session.call("set_agent_state", "NotReady")
    assert ready.outcome is None and not_ready.outcome is None
    profile.network.settle()
    assert follower.session.frame_state() == "LEADING"
    assert ready.outcome.ok and not_ready.outcome.ok
    assert follower.workspace.agent_state().operation_name == "NotReady"


def _reads(call: str, preview: str) -> dict[str, list[Any]]:
    """Every replica read, with parameters that find something."""
    return {
        "agent.get": [],
        "agent.getState": [],
        "agent.getStateList": [],
        "configuration.getOption": ["service-client-api"],
        "configuration.getContextualOption": ["service-client-api", call],
        "interaction.getByInteractionId": [call],
        "interaction.getInteractions": [],
        "media.getMediaByName": ["voice"],
        "media.getMediaList": [],
        "voice.isMicrophoneMute": [],
        "voice.isSpeakerMute": [],
        "outbound.getCampaigns": [],
        "outbound.getListOfCallResults": [],
        "outbound.getCallResult": [preview],
        "outbound.getChainedRecords": [preview],
        "outbound.getRecordFields": [preview],
    }


async def test_a_follower_answers_reads_from_its_replica_changing_nothing() -> None:
    """The reads stay in the tab (no command to the leader), answer what the leader answers,
    and change no state: serving them from a replica loses nothing."""
    profile = Profile()
    leader, follower = profile.open_tab(), profile.open_tab()
    await settle()
    here, there = follower.connect(), leader.connect()
    call = leader.session.call("scenario.ring_inbound_call").interaction_id
    preview = (await here.outbound.get_preview_record("CampaignSIP"))["interactionId"]
    await settle()
    reads = _reads(call, preview)
    assert set(reads) == set(session_module.REPLICA_READS)
    sent: list[str] = []
    post = follower.session._bridge.post
    follower.session._bridge.post = lambda text: (sent.append(json.loads(text)["kind"]), post(text))[1]  # type: ignore[method-assign]
    for name, parameters in reads.items():
        before = snapshot.dumps(follower.workspace, snapshot.state_of(follower.workspace))
        answer = await here.request(name, *parameters)
        assert snapshot.dumps(follower.workspace, snapshot.state_of(follower.workspace)) == before, name
        assert answer == await there.request(name, *parameters), name
    assert "command" not in sent


async def test_a_read_behind_an_open_command_waits_for_it() -> None:
    """A frame's requests keep their order: a read sent before its tab's change is answered
    goes to the leader behind it, and sees the change."""
    profile = Profile()
    leader, follower = profile.open_tab(), profile.open_tab()
    await settle()
    app = follower.connect()
    changed, state = app.agent.set_state("Ready"), app.agent.get_state()
    await changed
    assert (await state)["operationName"] == "Ready"
    assert (await app.agent.get_state())["operationName"] == "Ready"  # and from the replica after


async def test_a_tab_alone_hands_its_state_to_nobody(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pickling while no other tab is open (each change would cost a whole snapshot); a tab
    that opens later says hello and gets the state then."""
    dumped: list[int] = []
    dumps = snapshot.dumps
    monkeypatch.setattr(snapshot, "dumps", lambda workspace, value: (dumped.append(1), dumps(workspace, value))[1])
    profile = Profile()
    leader = profile.open_tab()
    await settle()
    call = leader.session.call("scenario.ring_inbound_call")
    await settle()
    assert dumped == []
    late = profile.open_tab()
    await settle()
    assert dumped and late.workspace.interactions.find(call.interaction_id) is not None
