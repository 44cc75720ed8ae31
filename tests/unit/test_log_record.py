"""The protocol log as data (service/logrecord.py): what tests and `serve --log` read."""

from __future__ import annotations

import asyncio
from typing import Any

from wwe_scapi.clock import ManualClock
from wwe_scapi.service.broker import Direction, ProtocolLog
from wwe_scapi.service.logrecord import LogRecord
from wwe_scapi.testing import MemoryDesktop


def test_entries_carry_parameters_results_and_data_as_sent() -> None:
    desk = MemoryDesktop()
    app = desk.connect("http://crm.test")
    desk.workspace.scenario.ring_inbound_call(user_data={"Segment": "Gold"})

    async def run() -> Any:
        await app.subscribe(["interaction"], lambda message: None)
        call = (await app.interaction.get_interactions())[0]["interactionId"]
        await app.interaction.set_user_data(call, {"Segment": "Platinum"})
        await desk.settle()
        return call

    call = asyncio.run(run())
    requests = [entry for entry in desk.log if entry["direction"] == "request"]
    assert [entry["request"] for entry in requests] == ["subscribe", "interaction.getInteractions", "interaction.setUserData"]
    assert requests[2]["parameters"] == [call, {"Segment": "Platinum"}] and requests[2]["ok"]
    assert requests[1]["data"][0]["userData"]["Segment"] == "Gold"
    events = [entry for entry in desk.log if entry["direction"] == "event"]
    assert events and events[-1]["data"]["eventType"] == "ATTACHED_DATA_CHANGED"
    assert [entry["seq"] for entry in desk.log] == list(range(len(desk.log)))
    assert desk.log[0]["at"].endswith("Z") and desk.log[0]["origin"] == "http://crm.test"


def test_the_newest_are_kept_numbered_and_the_tab_looked_up_once_per_frame() -> None:
    log = ProtocolLog(ManualClock())
    looked: list[int] = []
    record = LogRecord(log, limit=3, tab_of=lambda frame: looked.append(frame) or f"Tab {frame}")
    heard: list[dict[str, Any]] = []
    record.on_entry(heard.append)
    for index in range(5):
        log.write(Direction.REQUEST, "http://a.test", 7, f"r{index}", "ok", True, (), [index], None)
    assert [entry["seq"] for entry in record.entries()] == [2, 3, 4]
    assert [entry["seq"] for entry in record.entries(since=4)] == [4]
    assert record.count == 5 and looked == [7]
    assert record.entries()[0]["tab"] == "Tab 7" and record.entries()[0]["parameters"] == [2]
    assert [entry["request"] for entry in heard] == [f"r{index}" for index in range(5)]
    record.close()
    log.write(Direction.REQUEST, "http://a.test", 7, "after", "ok", True)
    assert record.count == 5


def test_big_parameters_are_not_kept() -> None:
    log = ProtocolLog(ManualClock())
    record = LogRecord(log)
    log.write(Direction.REQUEST, "http://a.test", 1, "voice.dial", "ok", True, (), ["x" * 200_000], None)
    log.write(Direction.REQUEST, "http://a.test", 1, "voice.dial", "ok", True, (), [{"k": ["y" * 100] * 500}], None)
    log.write(Direction.REQUEST, "http://a.test", 1, "voice.dial", "ok", True, (), ["+15550100", None], None)
    big, nested, small = record.entries()
    assert big["parameters"] == nested["parameters"] == "(not kept in the log: more than 16384 characters)"
    assert small["parameters"] == ["+15550100", None]
