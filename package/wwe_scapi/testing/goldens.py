"""Golden envelopes: the main flows of the Service Client API as the messages on the wire,
app → desktop and desktop → app, recorded from the service over the in-memory transport with
the vendor client's envelopes (PROTOCOL.md) and a clock that does not move. The JSON files in
`testing/envelopes/` are these flows' records: tests compare each run with its file
(tests/unit/test_golden_envelopes.py), so the files are what the service sends today; authors
of other clients test against them. `python3 scripts/generate_envelopes.py` rewrites them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from wwe_scapi.testing.memorydesk import MemoryDesktop
from wwe_scapi.transports.memory import MemoryWindow

FOLDER: Final = Path(__file__).with_name("envelopes")
APP: Final = "http://crm.example"
STRANGER: Final = "http://stranger.example"
Step = dict[str, Any]  # {"to": "desktop" | "app", "origin": ..., "message": {...}}


class Recorder:
    """Raw windows posting the vendor client's envelopes; what crosses the wire, in order."""

    def __init__(self, desktop: MemoryDesktop) -> None:
        self.desktop = desktop
        self.steps: list[Step] = []
        self._counts: dict[int, int] = {}  # per window: each page's client counts from "0"
        self._frames: dict[str, Any] = {}

    def window(self, origin: str = APP) -> MemoryWindow:
        self.desktop.accept(origin)
        return self.desktop.network.window(origin)

    def post(self, window: MemoryWindow, message: dict[str, Any]) -> None:
        """One envelope as the vendor's client sends it: referenceId "0", "1"..., its user
        agent and protocol version, the frame id once the desktop gave one."""
        count = self._counts.get(window.key, 0)
        self._counts[window.key] = count + 1
        envelope = {**message, "referenceId": str(count), "userAgent": "WWE Client", "protocolVersion": 2}
        frame = self._frames.get(window.origin)
        if frame is not None:
            envelope["frameId"] = frame
        self.steps.append({"to": "desktop", "origin": window.origin, "message": envelope})
        window.post(envelope)

    async def settle(self, *windows: MemoryWindow) -> None:
        await self.desktop.settle()
        for window in windows:
            for message in window.received:
                if "frameId" in message and "referenceId" not in message and "event" not in message:
                    self._frames[window.origin] = message["frameId"]
                self.steps.append({"to": "app", "origin": window.origin, "message": message})
            window.received.clear()


async def _agent(recorder: Recorder) -> None:
    """agent.get, getStateList, setState with its agent event: the first messages of an app."""
    app = recorder.window()
    recorder.post(app, {"event": "subscribe", "data": ["agent"]})
    await recorder.settle(app)
    recorder.post(app, {"request": "agent.get"})
    await recorder.settle(app)
    recorder.post(app, {"request": "agent.getStateList"})
    await recorder.settle(app)
    recorder.post(app, {"request": "agent.setState", "parameters": ["Ready"]})
    await recorder.settle(app)


async def _inbound_call(recorder: Recorder) -> None:
    """A call rings, the app attaches data, answers, hangs up, marks done: every event."""
    app = recorder.window()
    recorder.post(app, {"event": "subscribe", "data": ["interaction"]})
    await recorder.settle(app)
    call = recorder.desktop.scenario.ring_inbound_call(ani="+15550100", user_data={"Segment": "Gold"})
    await recorder.settle(app)
    for request, parameters in (
        ("interaction.setUserData", [call.interaction_id, {"CRM_AccountId": "ACME-042"}]),
        ("voice.answer", [call.interaction_id]),
        ("voice.hangUp", [call.interaction_id]),
        ("interaction.markdone", [call.interaction_id]),
    ):
        recorder.post(app, {"request": request, "parameters": parameters})
        await recorder.settle(app)


async def _failures(recorder: Recorder) -> None:
    """What fails and how: an unknown interaction, an unknown request, an origin not accepted."""
    app = recorder.window()
    recorder.post(app, {"request": "configuration.getContextualOption", "parameters": ["voice.*", "no-such-id"]})
    await recorder.settle(app)
    recorder.post(app, {"request": "agent.noSuchRequest"})
    await recorder.settle(app)
    stranger = recorder.desktop.network.window(STRANGER)
    recorder.post(stranger, {"request": "agent.get"})
    await recorder.settle(stranger)


async def _messenger(recorder: Recorder) -> None:
    """Two apps on a messenger channel: the sender is not told its own message."""
    sender, listener = recorder.window(APP), recorder.window("http://notes.example")
    recorder.post(listener, {"event": "subscribe", "data": ["messenger:notes"]})
    await recorder.settle(sender, listener)
    recorder.post(sender, {"request": "messenger.broadcastMessage", "parameters": ["notes", {"text": "hello"}]})
    await recorder.settle(sender, listener)


FLOWS: Final[dict[str, Callable[[Recorder], Any]]] = {
    "agent": _agent,
    "inbound-call": _inbound_call,
    "failures": _failures,
    "messenger": _messenger,
}


def record(name: str) -> list[Step]:
    """Run one flow on a fresh desktop (default options); its steps."""
    desktop = MemoryDesktop()
    recorder = Recorder(desktop)

    async def run() -> None:
        await FLOWS[name](recorder)

    asyncio.run(run())
    desktop.close()
    steps: list[Step] = json.loads(json.dumps(recorder.steps))  # as a file holds them
    return steps


def stored(name: str) -> list[Step]:
    """The flow's golden file, as data."""
    steps: list[Step] = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))["steps"]
    return steps


def write_all() -> list[Path]:
    FOLDER.mkdir(exist_ok=True)
    written = []
    for name, flow in FLOWS.items():
        path = FOLDER / f"{name}.json"
        document = {"flow": name, "about": (flow.__doc__ or "").strip(), "steps": record(name)}
        path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
