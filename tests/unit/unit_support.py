"""Helpers shared by the unit tests (a module name of its own: two conftest modules would clash)."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.userdata import KeyAllowList
from wwe_scapi.service import Direction, LogEntry, Service
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import rules as lifecycle_rules


A = "http://a.test"
B = "http://b.test"
C = "http://c.test:8080"  # agent.* only
STRANGER = "http://stranger.test"


class Recorder:
    """A service transport that keeps every message the service sends, by window key, and
    reports every window as there (tests call `service.receive` themselves)."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, dict[str, Any]]] = []
        self.receiver: Any = None

    def start(self, receiver: Any) -> None:
        self.receiver = receiver

    def close(self) -> None:
        self.receiver = None

    def send(self, frame_id: int, message: dict[str, Any]) -> bool:
        self.sent.append((frame_id, message))
        return True

    def renew(self, frame_id: int) -> int | None:
        """Window keys the tests have not used: 100 + the old one."""
        return frame_id + 100

    def to(self, frame_id: int) -> list[dict[str, Any]]:
        return [message for key, message in self.sent if key == frame_id]

    def replies(self, frame_id: int) -> list[dict[str, Any]]:
        return [m for m in self.to(frame_id) if "referenceId" in m or "request" in m]

    def last(self, frame_id: int) -> dict[str, Any]:
        return self.to(frame_id)[-1]


class RecordingTransport:
    """A client transport that keeps what the client posts; tests hand replies to the client."""

    def __init__(self) -> None:
        self.posted: list[dict[str, Any]] = []
        self.receiver: Any = None

    def start(self, receiver: Any, gone: Any = None) -> None:
        self.receiver = receiver
        self.gone = gone

    destination = "the recording transport"

    def post(self, message: dict[str, Any]) -> None:
        self.posted.append(message)

    def close(self) -> None:
        self.receiver = None


def request(name: str, *parameters: Any, reference: Any = "r") -> dict[str, Any]:
    message: dict[str, Any] = {"request": name, "referenceId": reference, "userAgent": "WWE Client", "protocolVersion": 2}
    if parameters:
        message["parameters"] = list(parameters)
    return message


async def until(condition: Callable[[], bool], rounds: int = 200) -> None:
    """Let the loop run until `condition` holds (bounded: fails instead of hanging)."""
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition not reached")


# -- the simulated contact centre through the broker ---------------------------------------------

FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)  # ManualClock's default wall time
FIXED_STAMP = "2026-11-24T09:30:00+00:00"


class Bench:
    """A service on a fixed clock whose frame 1 (origin A) is subscribed to `topics`; frames of
    origins A and B are served, with optional user-data allow-lists."""

    def __init__(
        self,
        topics: tuple[str, ...] = ("interaction",),
        *,
        write: str | None = None,
        read: str | None = None,
        workspace: Workspace | None = None,
        strict: bool = False,
    ) -> None:
        policy = SecurityPolicy(
            OriginPolicy.parse(f"{A}, {B}"), readable=KeyAllowList.parse(read), writable=KeyAllowList.parse(write)
        )
        self.workspace = workspace or Workspace(clock=ManualClock(wall=FIXED_NOW.timestamp()))
        self.outbox = Recorder()
        self.service = Service(self.workspace, policy, self.outbox, strict=strict)
        self.log: list[LogEntry] = []
        self.service.log.add(self.log.append)
        self.scenario = self.workspace.scenario
        self.subscribe(1, A, topics)
        self._seen = len(self.outbox.to(1))

    def subscribe(self, frame: int, origin: str, topics: tuple[str, ...]) -> None:
        self.service.receive(frame, origin, {"event": "subscribe", "data": list(topics), "referenceId": "s"})

    def reply(self, name: str, *parameters: Any, frame: int = 1, origin: str = A) -> dict[str, Any]:
        self.service.receive(frame, origin, request(name, *parameters))
        return self.outbox.last(frame)

    def call(self, name: str, *parameters: Any, frame: int = 1, origin: str = A) -> Any:
        """The request's data; a failure raises AssertionError with its errorMessage."""
        reply = self.reply(name, *parameters, frame=frame, origin=origin)
        if "errorMessage" in reply:
            raise AssertionError(reply["errorMessage"])
        return reply["data"]

    def error(self, name: str, *parameters: Any, frame: int = 1, origin: str = A) -> str:
        reply = self.reply(name, *parameters, frame=frame, origin=origin)
        assert "errorMessage" in reply, f"{name} succeeded: {reply.get('data')!r}"
        return str(reply["errorMessage"])

    def outcome(self, name: str, *parameters: Any) -> str | None:
        """The errorMessage of the request from frame 1, or None when it succeeded."""
        return self.reply(name, *parameters).get("errorMessage")

    def warnings(self) -> list[str]:
        """The warnings on the log row of the last request answered."""
        return list(next(e for e in reversed(self.log) if e.direction is Direction.REQUEST).warnings)

    def events(self, frame: int = 1) -> list[dict[str, Any]]:
        """The events the frame got since the last look (frame 1) or ever (other frames)."""
        messages = self.outbox.to(frame)
        if frame == 1:
            messages, self._seen = messages[self._seen :], len(messages)
        return [m for m in messages if "event" in m]

    def types(self, frame: int = 1) -> list[str]:
        """eventTypes as received: plain for `interaction`, `topic:eventType` for the others."""
        return [
            m["data"]["eventType"] if m["event"] == "interaction" else f"{m['event']}:{m['data']['eventType']}"
            for m in self.events(frame)
        ]

    def wire(self, interaction_id: str) -> dict[str, Any] | None:
        """interaction.getByInteractionId through the broker (not counted as an event)."""
        return self.call("interaction.getByInteractionId", interaction_id)

    def place(self, media: str, state: InteractionState, **fields: Any) -> Interaction:
        """An interaction put straight into `state`, announced to nobody."""
        return self.workspace.desk.create(media, state, [], **copy.deepcopy(fields))


def refusal_of(action: Callable[[], Any]) -> str | None:
    """The WorkspaceError message of a direct (scenario, desktop) call, or None when it worked."""
    try:
        action()
    except WorkspaceError as refusal:
        return refusal.message
    return None


def needs_message(media: str, operation: str, interaction_id: str, state: InteractionState) -> str:
    """The refusal lifecycle.rule_for gives for `operation` from `state`."""
    starts = lifecycle_rules()[(media, operation)].starts
    needed = " or ".join(sorted(s.value for s in starts))
    return f"Cannot {operation} interaction {interaction_id!r}: it is {state.value}; {operation} needs {needed}."


# Which test module takes which rules of lifecycle.py through the broker.
TRANSFER_OPERATIONS = frozenset(
    {
        "consult",
        "single-step transfer",
        "single-step conference",
        "complete transfer",
        "complete conference",
        "transfer away",
        "conference in",
    }
)
MARK_DONE_OPERATIONS = frozenset({"mark done", "leave conference"})


@dataclass(frozen=True)
class Route:
    """How one rule is taken from outside: `act(bench, interaction_id)` answers the refusal or None;
    `fields` shape the interaction placed first; `before`/`after` are the other events it brings."""

    act: Callable[[Bench, str], str | None]
    fields: Mapping[str, Any] = field(default_factory=dict)
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


def by_request(name: str, *more: Any, **route: Any) -> Route:
    """The rule taken by the request `name(interactionId, *more)` of frame 1."""
    return Route(lambda bench, interaction_id: bench.outcome(name, interaction_id, *more), **route)


def by_call(action: Callable[[Bench, str], Any], **route: Any) -> Route:
    """The rule taken by a scenario or desktop call."""
    return Route(lambda bench, interaction_id: refusal_of(lambda: action(bench, interaction_id)), **route)


def rule_cases(routes: Mapping[tuple[str, str], Route]) -> tuple[list[Any], list[Any]]:
    """pytest params: (media, operation, start state) for each allowed start; (media, operation) for refusals."""
    import pytest

    table = lifecycle_rules()
    allowed = [
        pytest.param(media, operation, state, id=f"{media}-{operation}-from-{state.value}")
        for (media, operation) in routes
        for state in sorted(table[(media, operation)].starts)
    ]
    refused = [pytest.param(media, operation, id=f"{media}-{operation}") for (media, operation) in routes]
    return allowed, refused


def check_rule_taken(media: str, operation: str, state: InteractionState, route: Route) -> None:
    """Through the broker: the new state, previousState, the events a subscriber gets, removal."""
    rule = lifecycle_rules()[(media, operation)]
    bench = Bench()
    interaction = bench.place(media, state, **route.fields)
    assert route.act(bench, interaction.interaction_id) is None
    events = bench.events()
    assert [m["data"]["eventType"] for m in events] == [*route.before, *rule.events, *route.after]
    expected = rule.leads_to or state
    changed = expected is not state
    for message in events:
        if "interaction" in message["data"]:
            wire = message["data"]["interaction"]
            assert message["data"]["media"] == media and wire["interactionId"] == interaction.interaction_id
            assert wire["state"] == expected.value
            assert wire["previousState"] == (state.value if changed else "UNKNOWN")
            assert wire["endDate"] == (FIXED_STAMP if changed and not interaction.is_live else None)
    listed = bench.wire(interaction.interaction_id)
    assert (listed is None) is rule.removes
    if listed is not None:
        assert listed["state"] == expected.value


def check_rule_refused(
    media: str, operation: str, route: Route, exceptions: Mapping[InteractionState, str | None] | None = None
) -> None:
    """From every state the rule does not start from: refused, naming the state; nothing announced.
    `exceptions` gives another message (or None: taken by another rule) for some states."""
    rule = lifecycle_rules()[(media, operation)]
    exceptions = exceptions or {}
    wrong = []
    for state in InteractionState:
        if state in rule.starts:
            continue
        bench = Bench()
        interaction = bench.place(media, state, **route.fields)
        refusal = route.act(bench, interaction.interaction_id)
        if state in exceptions:
            if exceptions[state] is None:
                continue
            expected = exceptions[state]
        else:
            expected = needs_message(media, operation, interaction.interaction_id, state)
        if refusal != expected or bench.events() or interaction.state is not state:
            wrong.append((state.value, refusal, interaction.state.value))
    assert wrong == []
