"""The contact centre behind the service (service/centre.py): the Protocol against the
catalogue, and a page's own centre served with the desktop's admission, security and events:
answers now or awaited, requests it lacks, its failures, its events."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest

from wwe_scapi.browser.embed import EmbeddingError, start
from wwe_scapi.client import RequestFailed
from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform
from wwe_scapi.service import Direction, LogEntry, Service
from wwe_scapi.service.centre import Caller, CentreEvents, ContactCentre
from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.handlers.centre import HANDLERS, centre_requests, method_name
from wwe_scapi.service.setup import configure
from wwe_scapi.service.simulated import SimulatedCentre
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace.leniency import warning_text

A = "http://a.test"
ORIGINS = "service-client-api.accepted-web-content-origins"
CALL = {"interactionId": "c-1", "media": "voice", "userData": {"Secret": "x", "Account": "A-1"}}


def test_every_request_of_the_centre_has_a_protocol_method_with_its_parameters() -> None:
    specs = centre_requests()
    assert len(specs) == 58 and {spec.namespace for spec in specs} == {
        "agent", "configuration", "email", "interaction", "media", "outbound", "voice"
    }
    for spec in specs:
        method = getattr(ContactCentre, method_name(spec))
        assert method.__code__.co_argcount - 2 == len(spec.params), spec.name
        simulated = getattr(SimulatedCentre, method_name(spec))
        assert list(inspect.signature(simulated).parameters)[:2] == ["self", "caller"], spec.name
        assert HANDLERS[spec.name].arity == len(spec.params)
    assert method_name(next(s for s in specs if s.name == "agent.getState")) == "agent_get_state"


class DeskCentre(CentreEvents):
    """A page's own centre: answers a few requests now, two awaited; records what reached it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, Any]] = []
        self.release = asyncio.Event()

    def agent_get(self, caller: Caller) -> dict[str, Any]:
        self.calls.append(("agent_get", caller.origin))
        return {"employeeId": "7", "firstname": "Ada", "lastname": "L", "username": "ada"}

    def agent_get_state(self, caller: Caller) -> dict[str, Any]:
        caller.warn("the state came from a cache", "served it anyway")
        return {"type": "READY", "displayName": "Ready", "operationName": "Ready"}

    async def agent_set_state(self, caller: Caller, state: str | int) -> None:
        self.calls.append(("agent_set_state", state))
        await self.release.wait()
        if state == "Lunch":
            raise RequestError("agent.setState: this desk has no Lunch.")
        if state == "Broken":
            raise ZeroDivisionError("the back end's bug")
        if state == "Late":
            caller.warn("answered late", "noted")

    def interaction_get_by_interaction_id(self, caller: Caller, interaction_id: str) -> dict[str, Any] | None:
        return dict(CALL) if interaction_id == "c-1" else None

    async def interaction_set_user_data(self, caller: Caller, interaction_id: str, key_values: dict[str, Any]) -> None:
        self.calls.append(("interaction_set_user_data", key_values))


def _served(options: dict[str, str] | None = None, strict: bool = False) -> tuple[MemoryNetwork, list[LogEntry], DeskCentre]:
    """A service answered by a DeskCentre, its Python clients, and its log's entries."""
    network = MemoryNetwork()
    workspace, policy = configure({ORIGINS: A, **(options or {})}, ManualClock())
    centre = DeskCentre()
    service = Service(workspace, policy, network.service_side, centre=centre, strict=strict)
    log: list[LogEntry] = []
    service.log.add(log.append)
    return network, log, centre


async def test_a_pages_centre_answers_now_or_later_without_holding_other_requests() -> None:
    network, log, centre = _served()
    app = network.connect(A)
    assert (await app.agent.get())["username"] == "ada"
    setting = asyncio.ensure_future(app.agent.set_state("Ready"))
    await asyncio.sleep(0)
    assert (await app.agent.get_state())["operationName"] == "Ready"  # answered while the other waits
    assert not setting.done()
    centre.release.set()
    assert await setting is None
    assert centre.calls == [("agent_get", A), ("agent_set_state", "Ready")]
    state_row = next(entry for entry in log if entry.request == "agent.getState")
    assert state_row.warnings == (warning_text("the state came from a cache", "served it anyway"),)


async def test_what_a_pages_centre_lacks_or_refuses_fails_by_name() -> None:
    network, _service, centre = _served()
    app = network.connect(A)
    centre.release.set()
    with pytest.raises(RequestFailed, match=r"voice.dial is not served by this page's contact centre \(it has no voice_dial method\)"):
        await app.voice.dial("+15550100")
    with pytest.raises(RequestFailed, match="this desk has no Lunch"):
        await app.agent.set_state("Lunch")
    with pytest.raises(RequestFailed, match="Internal error while handling agent.setState: ZeroDivisionError: the back end's bug"):
        await app.agent.set_state("Broken")
    assert await app.agent.get()  # the service goes on


async def test_a_warning_after_an_awaited_answer_is_on_its_row_and_fails_it_in_strict_mode() -> None:
    network, log, centre = _served()
    centre.release.set()
    await network.connect(A).agent.set_state("Late")
    row = next(entry for entry in log if entry.request == "agent.setState")
    assert len(row.warnings) == 1 and "answered late" in row.warnings[0]
    strict_network, _strict, strict_centre = _served(strict=True)
    strict_centre.release.set()
    with pytest.raises(RequestFailed, match="answered late"):
        await strict_network.connect(A).agent.set_state("Late")


async def test_the_user_data_allow_lists_hold_for_a_pages_centre() -> None:
    network, _service, centre = _served({
        "service-client-api.user-data.read-allowed": "Account",
        "service-client-api.user-data.write-allowed": "Account",
    })
    app = network.connect(A)
    assert (await app.interaction.get_by_interaction_id("c-1"))["userData"] == {"Account": "A-1"}
    with pytest.raises(RequestFailed, match="Secret"):
        await app.interaction.set_user_data("c-1", {"Secret": "y"})
    assert not any(name == "interaction_set_user_data" for name, _ in centre.calls)  # refused before the centre
    heard: list[dict[str, Any]] = []
    await app.subscribe(["interaction"], lambda message: heard.append(message["data"]))
    centre.publish("interaction", {"eventType": "ATTACHED_DATA_CHANGED", "media": "voice", "interaction": dict(CALL)})
    await asyncio.sleep(0)
    assert heard and heard[-1]["interaction"]["userData"] == {"Account": "A-1"}


async def test_a_pages_centre_publishes_events_and_one_that_is_not_an_event_is_logged() -> None:
    network, log, centre = _served()
    app = network.connect(A)
    heard: list[dict[str, Any]] = []
    await app.subscribe(["agent"], lambda message: heard.append(message["data"]))
    centre.publish("agent", {"eventType": "STATE_CHANGED", "mediaState": "READY"})
    centre.publish("weather", {"eventType": "RAIN"})
    await asyncio.sleep(0)
    assert heard == [{"eventType": "STATE_CHANGED", "mediaState": "READY"}]
    [ignored] = [entry for entry in log if entry.direction is Direction.IGNORED]
    assert "weather" in ignored.result and "agent, interaction" in ignored.result


async def test_the_desks_own_events_still_come_and_the_simulated_agent_is_not_the_pages() -> None:
    network = MemoryNetwork()
    workspace, policy = configure({ORIGINS: A}, ManualClock())
    service = Service(workspace, policy, network.service_side, centre=DeskCentre())
    app = network.connect(A)
    heard: list[tuple[str, dict[str, Any]]] = []
    await app.subscribe(["agent", "system"], lambda message: heard.append((message["event"], message["data"])))
    service.workspace.set_agent_state("Ready")  # the unused simulated agent: not the page's
    service.workspace.events.emit("system", {"eventType": "REALTIME_CONNECTION", "state": "DISCONNECTED"})
    await asyncio.sleep(0)
    assert heard == [("system", {"eventType": "REALTIME_CONNECTION", "state": "DISCONNECTED"})]


def test_startservice_takes_a_centre_and_refuses_what_cannot_be_one() -> None:
    page = FakePlatform(FakeBrowser().page("http://console.test"), html="<body></body>")
    running = start({"options": {ORIGINS: A}, "centre": DeskCentre()}, page, ManualClock())
    assert isinstance(running.service.centre, DeskCentre)
    with pytest.raises(EmbeddingError, match="scenario steps drive the simulated contact centre"):
        running.scenario_json("ring_inbound_call")
    running.close()
    for centre, message in [(object(), "answers no request"), ({"agent_get": 1}, "answers no request")]:
        with pytest.raises(EmbeddingError, match=message):
            start({"options": {ORIGINS: A}, "centre": centre}, page, ManualClock())
    with pytest.raises(EmbeddingError, match="not both"):
        start({"options": {ORIGINS: A}, "centre": DeskCentre(), "workspace": {"options": {"x": "y"}}}, page, ManualClock())


def test_the_simulated_centre_is_the_default_and_shares_the_desks_workspace() -> None:
    workspace, policy = configure({ORIGINS: A}, ManualClock())
    service = Service(workspace, policy)
    assert isinstance(service.centre, SimulatedCentre) and service.centre.workspace is workspace
