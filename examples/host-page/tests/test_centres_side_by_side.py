"""The example's contact centre (site/host_centre.py) and wwe-scapi's simulated one, side by
side behind the same service, in CPython: the same requests get answers of the same wire
form, the same events, the same refusals. The back end is a fake one that confirms each write
on its "stream" a turn later, as the real one does over server-sent events."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wwe_scapi.client import RequestFailed
from wwe_scapi.clock import ManualClock
from wwe_scapi.protocol import wire
from wwe_scapi.service import Service
from wwe_scapi.service.setup import configure
from wwe_scapi.testing import MemoryNetwork

SITE = Path(__file__).resolve().parent.parent / "site"
APP = "http://app.example"
OPTIONS = {"service-client-api.accepted-web-content-origins": APP}
CRM_URL = "https://crm.example/accounts"


@pytest.fixture(scope="module")
def host_centre() -> Iterator[Any]:
    sys.path.insert(0, str(SITE))
    try:
        import host_centre

        yield host_centre
    finally:
        sys.path.remove(str(SITE))


@dataclass
class Desk:
    """An app of a service over one centre, and how that contact centre gets a call."""

    name: str
    app: Any  # a wwe_scapi ServiceClient
    call_arrives: Callable[[str], str]  # ani -> the interaction id


def _json_desk(host_centre: Any, network: MemoryNetwork) -> Desk:
    data = json.loads((SITE / "contact-centre.json").read_text())
    back_end_calls: dict[str, dict[str, Any]] = {}

    async def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        """The back end: takes the write, confirms it on the stream a turn later."""
        parts = path.strip("/").split("/")
        loop = asyncio.get_running_loop()
        if parts == ["agent", "state"]:
            loop.call_soon(centre.back_end_event, "agent", {"operationName": body["operationName"]})
        else:
            call = back_end_calls[parts[1]]
            call["userData"] = {**call["userData"], **body}
            loop.call_soon(centre.back_end_event, "interaction", {"eventType": "ATTACHED_DATA_CHANGED", "interaction": dict(call)})
        return {}

    centre: Any = host_centre.JsonCentre(data, post)  # a partial ContactCentre: what it lacks fails by name
    workspace, policy = configure(OPTIONS, ManualClock())

    def call_arrives(ani: str) -> str:
        number = len(back_end_calls) + 1
        call = {
            "interactionId": f"host-call-{number}", "parentInteractionId": None, "caseId": f"case-{number}", "media": "voice",
            "userData": {}, "state": "RINGING", "previousState": "UNKNOWN", "parties": [{"name": ani}], "isConsultation": False,
            "isMainCaseInteraction": True, "isCaseSelected": True, "isCaseExpanded": True, "contact": {"displayName": ani},
            "interactionUUID": f"uuid-{number}", "capabilities": ["answer"], "startDate": "2026-12-03T10:00:00.000Z",
            "endDate": None, "ani": ani,
        }
        back_end_calls[call["interactionId"]] = call
        centre.back_end_event("interaction", {"eventType": "ADDED", "interaction": dict(call)})
        return str(call["interactionId"])

    Service(workspace, policy, network.service_side, centre=centre)
    return Desk("json", network.connect(APP), call_arrives)


def _simulated_desk(network: MemoryNetwork) -> Desk:
    workspace, policy = configure({**OPTIONS, "crm.url": CRM_URL}, ManualClock())
    Service(workspace, policy, network.service_side)
    return Desk("simulated", network.connect(APP), lambda ani: workspace.scenario.ring_inbound_call(ani=ani).interaction_id)


@pytest.fixture(params=["json", "simulated"])
def desk(request: pytest.FixtureRequest, host_centre: Any) -> Desk:
    network = MemoryNetwork()
    return _json_desk(host_centre, network) if request.param == "json" else _simulated_desk(network)


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(100):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("the event never came")


async def test_the_agent_its_states_and_options_have_the_same_form(desk: Desk) -> None:
    app = desk.app
    agent = await app.agent.get()
    assert set(agent) == set(wire.Agent.__required_keys__)
    states = await app.agent.get_state_list()
    assert states and all(set(wire.State.__required_keys__) <= set(state) for state in states)
    assert set(wire.State.__required_keys__) <= set(await app.agent.get_state())
    assert await app.configuration.get_option("crm.url") == {"interaction-workspace": {"crm.url": CRM_URL}}
    [media] = [m for m in await app.media.get_media_list() if m["name"] == "voice"]
    assert set(wire.Media.__required_keys__) <= set(media)


async def test_a_state_change_answers_and_publishes_the_same_event(desk: Desk) -> None:
    app = desk.app
    heard: list[dict[str, Any]] = []
    await app.subscribe(["agent"], lambda message: heard.append(message["data"]))
    assert await app.agent.set_state("Ready") is None
    await _until(lambda: bool(heard))
    assert heard[0] == {"eventType": "STATE_CHANGED", "mediaState": "READY"}
    assert (await app.agent.get_state())["operationName"] == "Ready"
    with pytest.raises(RequestFailed, match="Nope"):
        await app.agent.set_state("Nope")


async def test_a_call_and_its_attached_data_reach_the_apps_alike(desk: Desk) -> None:
    app = desk.app
    heard: list[dict[str, Any]] = []
    await app.subscribe(["interaction"], lambda message: heard.append(message["data"]))
    interaction_id = desk.call_arrives("+15550100")
    await _until(lambda: any(event["eventType"] == "ADDED" for event in heard))
    added = next(event for event in heard if event["eventType"] == "ADDED")
    assert added["media"] == "voice" and set(wire.Interaction.__required_keys__) <= set(added["interaction"])
    assert added["interaction"]["interactionId"] == interaction_id and added["interaction"]["ani"] == "+15550100"
    assert [i["interactionId"] for i in await app.interaction.get_interactions()] == [interaction_id]
    assert await app.interaction.set_user_data(interaction_id, {"GreetedBy": "an app"}) is None
    await _until(lambda: any(event["eventType"] == "ATTACHED_DATA_CHANGED" for event in heard))
    changed = next(event for event in heard if event["eventType"] == "ATTACHED_DATA_CHANGED")
    assert changed["interaction"]["userData"]["GreetedBy"] == "an app"
    assert (await app.interaction.get_by_interaction_id(interaction_id))["userData"]["GreetedBy"] == "an app"
    assert await app.interaction.get_by_interaction_id("no-such-call") is None
    with pytest.raises(RequestFailed):
        await app.interaction.set_user_data("no-such-call", {"x": "y"})
