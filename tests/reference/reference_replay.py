"""Replaying the reference's examples (reference_examples.py) through a driver, and judging
what came back: one runner and one judge for the CPython twin and the Chromium run, so the
two can only differ by what the service answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pytest

from reference_examples import (
    BOOT_TOPICS,
    EXAMPLES,
    FAILS,
    GROUPS,
    SUCCEEDS,
    CaseIdOf,
    Example,
    Group,
    ReplyOf,
    Sample,
    Step,
)
from wwe_scapi.protocol.jsontypes import json_type_name

Message = dict[str, Any]
EventKey = tuple[str, str | None]  # (event, data.eventType or None)


class Driver(Protocol):
    """Where the examples run: two apps on a desktop (CPython or Chromium)."""

    def send(self, app: int, request: str, parameters: Any) -> Message | None:
        """The reply to one request (or subscribe / unsubscribe, `parameters` being its data)
        from that app; None when none came."""
        ...

    def scenario(self, step: str, arguments: Mapping[str, Any]) -> Message:
        """Run a scenario step on the desktop: {"data": result} or {"errorMessage": why}."""
        ...

    def mark(self, app: int) -> int:
        """How many events the app has received, once everything sent to it so far arrived."""
        ...

    def events_since(self, app: int, mark: int, expected: Sequence[EventKey]) -> list[Message]:
        """The app's events after `mark`, once `expected` arrived in order (or a bounded wait ended)."""
        ...

    def warnings(self) -> list[str]:
        """The warnings of the last request served ([] where the log is out of reach)."""
        ...


@dataclass
class Outcome:
    """What one example got: a setup failure, or its reply (None: no answer) and events."""

    setup_failure: str | None = None
    reply: Message | None = None
    events: list[Message] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def replay_group(group: Group, driver: Driver) -> dict[int, Outcome]:
    """Run a group's examples in order (both apps subscribed to BOOT_TOPICS first)."""
    for app in (0, 1):
        subscribed = driver.send(app, "subscribe", list(BOOT_TOPICS))
        assert subscribed is not None and "errorMessage" not in subscribed, subscribed
    outcomes: dict[int, Outcome] = {}
    for example in group.examples:
        outcomes[example.line] = _replay(example, driver, outcomes)
    return outcomes


def _replay(example: Example, driver: Driver, earlier: Mapping[int, Outcome]) -> Outcome:
    for step in example.setup:
        reply = _run(step, driver, earlier)
        if reply is None or "errorMessage" in reply:
            return Outcome(setup_failure=f"setup {_describe(step)} failed: {_failure_of(reply)}")
    mark = driver.mark(example.observer)
    reply = _run(example.step, driver, earlier)
    warnings = [] if example.scenario else driver.warnings()
    events: list[Message] = []
    if example.events and reply is not None and "errorMessage" not in reply:
        events = driver.events_since(example.observer, mark, [sample.identity for sample in example.events])
    if example.request == "subscribe" and reply is not None and reply.get("subscriptionId"):
        # The boot subscription already delivers these topics: end the example's own.
        driver.send(example.app, "unsubscribe", reply["subscriptionId"])
    return Outcome(reply=reply, events=events, warnings=warnings)


def _run(step: Step, driver: Driver, earlier: Mapping[int, Outcome]) -> Message | None:
    if step.scenario:
        return driver.scenario(step.request, step.parameters)
    return driver.send(step.app, step.request, _resolved(step.parameters, step.app, driver, earlier))


def _resolved(value: Any, app: int, driver: Driver, earlier: Mapping[int, Outcome]) -> Any:
    """The parameters with CaseIdOf and ReplyOf replaced by what they stand for."""
    if isinstance(value, list):
        return [_resolved(item, app, driver, earlier) for item in value]
    if isinstance(value, CaseIdOf):
        reply = driver.send(app, "interaction.getByInteractionId", [value.interaction_id])
        assert reply is not None and isinstance(reply.get("data"), dict), f"no interaction {value.interaction_id!r}: {reply}"
        return reply["data"]["caseId"]
    if isinstance(value, ReplyOf):
        reply = earlier[value.line].reply
        return reply.get("data") if reply is not None else None
    return value


def _describe(step: Step) -> str:
    kind = "scenario step" if step.scenario else "request"
    return f"{kind} {step.request}({step.parameters!r})"


def _failure_of(reply: Message | None) -> str:
    return "no answer" if reply is None else repr(reply.get("errorMessage"))


# -- judging --------------------------------------------------------------------------------------


def problems(example: Example, outcome: Outcome) -> list[str]:
    """Every way the outcome differs from what the reference shows; [] when it runs as printed."""
    if outcome.setup_failure is not None:
        return [outcome.setup_failure]
    reply = outcome.reply
    if reply is None:
        return ["no answer"]
    found = _outcome_problems(example.outcome, reply)
    if example.response is not None:
        found += shape_problems(example.response, reply)
        if example.exact and reply.get("data") != example.response.get("data"):
            found.append(f"data is {reply.get('data')!r}; the reference shows {example.response.get('data')!r}")
    if example.events and "errorMessage" not in reply:
        found += _event_problems(example.events, outcome.events)
    return found


def _outcome_problems(expected: str, reply: Message) -> list[str]:
    failed = "errorMessage" in reply
    if expected == SUCCEEDS:
        return [f"failed: {reply['errorMessage']!r}"] if failed else []
    if not failed:
        return [f"succeeded with {reply.get('data')!r}; the reference says it fails"]
    if expected != FAILS and reply["errorMessage"] != expected:
        return [f"failed with {reply['errorMessage']!r}; the reference prints {expected!r}"]
    return []


def _event_problems(samples: Sequence[Sample], events: Sequence[Message]) -> list[str]:
    found: list[str] = []
    for sample, event in zip(samples, match_events([s.identity for s in samples], events), strict=True):
        name = f"the event of line {sample.line} ({' '.join(part for part in sample.identity if part)})"
        if event is None:
            found.append(f"{name} never came; events were {[_identity(e) for e in events]}")
            continue
        found += [f"{name}: {problem}" for problem in shape_problems(sample.message, event)]
        if sample.exact and event.get("data") != sample.message["data"]:
            found.append(f"{name}: data is {event.get('data')!r}; the reference shows {sample.message['data']!r}")
    return found


def _identity(event: Message) -> EventKey:
    data = event.get("data")
    return str(event.get("event")), data.get("eventType") if isinstance(data, dict) else None


def match_events(expected: Sequence[EventKey], events: Sequence[Message]) -> list[Message | None]:
    """The first events matching `expected` in order (None for each one that never came); an
    expected eventType of None matches any event of the topic."""
    matched: list[Message | None] = []
    position = 0
    for topic, event_type in expected:
        hit = None
        for index in range(position, len(events)):
            name, its_type = _identity(events[index])
            if name == topic and event_type in (None, its_type):
                hit, position = events[index], index + 1
                break
        matched.append(hit)
    return matched


def shape_problems(sample: Any, actual: Any, path: str = "") -> list[str]:
    """Where `actual` lacks a key of `sample`, or holds another JSON type (a null in the sample
    admits anything; every item of an array is held to the sample's first)."""
    where = path.rstrip(".") or "the message"
    if sample is None:
        return []
    if json_type_name(sample) != json_type_name(actual):
        return [f"{where} is {json_type_name(actual)}; the reference shows {json_type_name(sample)}"]
    if isinstance(sample, dict):
        found: list[str] = []
        for key, value in sample.items():
            if key not in actual:
                found.append(f"{path}{key} is missing")
            else:
                found += shape_problems(value, actual[key], f"{path}{key}.")
        return found
    if isinstance(sample, list) and sample:
        if not actual:
            return [f"{where} is empty; the reference shows items"]
        return [problem for index, item in enumerate(actual) for problem in shape_problems(sample[0], item, f"{path}{index}.")]
    return []


# -- pytest -----------------------------------------------------------------------------------------


def group_of(example: Example) -> Group:
    return next(group for group in GROUPS if example in group.examples)


def example_params() -> list[Any]:
    """One pytest param per example, named by its line; blocked ones are strict xfails."""
    params = []
    for example in EXAMPLES:
        marks = (
            [pytest.mark.xfail(strict=True, reason=f"blocked by {example.blocked_by}")] if example.blocked_by else []
        )
        params.append(pytest.param(example, id=example.label, marks=marks))
    return params
