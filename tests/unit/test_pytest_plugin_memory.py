"""The plugin's `wwe_memory` fixture, in a project of its own (pytester, in a subprocess:
its own event loops): the desktop in CPython, its options by marker, its clock by hand."""

from __future__ import annotations

import pytest

INI = """
[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = function
"""

TESTS = '''
import pytest
from wwe_scapi.client import RequestFailed


async def test_without_options_the_connected_origins_are_accepted(wwe_memory):
    crm = wwe_memory.connect("http://crm.test")
    other = wwe_memory.connect("http://other.test")
    assert (await crm.agent.get())["username"]
    assert (await other.agent.get_state())["operationName"] == "NotReady"
    assert [entry["origin"] for entry in wwe_memory.log] == ["http://crm.test", "http://other.test"]


@pytest.mark.wwe_options({"service-client-api.accepted-web-content-origins": "http://crm.test (agent.*)"})
async def test_the_options_decide_as_on_the_desktop(wwe_memory):
    crm = wwe_memory.connect("http://crm.test")
    assert (await crm.agent.get_state())["operationName"] == "NotReady"
    with pytest.raises(RequestFailed, match="not allowed|not accepted"):
        await crm.voice.dial("+15550100")
    stranger = wwe_memory.connect("http://stranger.test")
    with pytest.raises(RequestFailed, match="not accepted"):
        await stranger.agent.get()
    assert wwe_memory.log[-1]["direction"] == "refused"


@pytest.mark.wwe_options({"voice.auto-answer": "true", "voice.auto-answer.timer": "2"})
async def test_time_moves_when_told(wwe_memory):
    app = wwe_memory.connect("http://crm.test")
    events = []
    await app.subscribe(["interaction"], lambda message: events.append(message["data"]["eventType"]))
    call = wwe_memory.scenario.ring_inbound_call(ani="+15550100")
    await wwe_memory.settle()
    assert wwe_memory.workspace.interactions.find(call.interaction_id).state.value == "RINGING"
    wwe_memory.clock.advance(1.5)
    assert wwe_memory.interactions()[0]["state"] == "RINGING"
    wwe_memory.clock.advance(0.5)  # the clock itself: the workspace's deadlines are its timers
    await wwe_memory.settle()
    assert wwe_memory.interactions()[0]["state"] == "TALKING"
    assert events[0] == "ADDED" and "ESTABLISHED" in events


@pytest.mark.wwe_options({"service-client-api.rate-limit": "not a number"})
def test_a_bad_option_is_named(wwe_memory):
    pass
'''


def test_wwe_memory_in_a_project_of_its_own(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.makepyfile(test_memory=TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, errors=1)
    assert "service-client-api.rate-limit" in result.stdout.str()
