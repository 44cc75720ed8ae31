"""Issue 11 in CPython: every example call, response and event the reference prints
(tests/reference/reference_examples.py) replayed through the service, with the same runner
and judge as the Chromium run (tests/e2e/test_reference_examples.py), in milliseconds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from reference_examples import GROUPS, Example, Group
from reference_replay import EventKey, Message, Outcome, example_params, problems, replay_group
from unit_support import A, B, Recorder, request
from wwe_scapi.browser.host import run_scenario
from wwe_scapi.clock import ManualClock
from wwe_scapi.service import Direction, LogEntry, Service
from wwe_scapi.service.setup import configure
from wwe_scapi.service.surface import MemorySurface
from wwe_scapi.testing.signing import LocalSigner

ORIGINS = (A, B)
APP_PAGE = "/test-apps/reference-examples.html"  # where the apps' pages are, as in Chromium


class CPythonDesktop:
    """A Driver: the group's options through the same `configure` as the desktop page, two
    apps (frames 1 and 2, origins A and B) behind a recording transport, scenario steps by
    the page's own `run_scenario`."""

    def __init__(self, group: Group) -> None:
        accepted = ", ".join(f"{origin} {rule}".strip() for origin, rule in zip(ORIGINS, group.filters, strict=True))
        options = {**group.options, "service-client-api.accepted-web-content-origins": accepted}
        self.workspace, policy = configure(options, ManualClock())
        surface = MemorySurface()
        surface.urls = {app + 1: origin + APP_PAGE for app, origin in enumerate(ORIGINS)}
        self.outbox = Recorder()
        # Signed as on the desktop page (PyJWT on python-rsa), with a key of its own.
        self.service = Service(self.workspace, policy, self.outbox, surface=surface, signer=LocalSigner())
        self.log: list[LogEntry] = []
        self.service.log.add(self.log.append)
        self.references = 0
        self.last_served: LogEntry | None = None

    def send(self, app: int, name: str, parameters: Any) -> Message | None:
        self.references += 1
        reference = f"ref{self.references}"
        if name in ("subscribe", "unsubscribe"):
            message = {"event": name, "data": parameters, "referenceId": reference, "userAgent": "WWE Client", "protocolVersion": 2}
        else:
            message = request(name, *(parameters or []), reference=reference)
        logged = len(self.log)
        self.service.receive(app + 1, ORIGINS[app], message)
        self.last_served = next((e for e in self.log[logged:] if e.direction is Direction.REQUEST), None)
        return next((m for m in self.outbox.to(app + 1) if m.get("referenceId") == reference and "event" not in m), None)

    def scenario(self, step: str, arguments: Mapping[str, Any]) -> Message:
        try:
            return {"data": run_scenario(self.workspace, step, arguments)}
        except Exception as error:  # what the page's wweScenario would throw
            return {"errorMessage": f"{type(error).__name__}: {error}"}

    def mark(self, app: int) -> int:
        return len(self._events(app))

    def events_since(self, app: int, mark: int, expected: Sequence[EventKey]) -> list[Message]:
        return self._events(app)[mark:]  # delivery is synchronous here: nothing to wait for

    def warnings(self) -> list[str]:
        return list(self.last_served.warnings) if self.last_served is not None else []

    def _events(self, app: int) -> list[Message]:
        return [m for m in self.outbox.to(app + 1) if "event" in m]


@pytest.fixture(scope="module")
def outcomes() -> dict[int, Outcome]:
    """Every group replayed once, each on a desktop of its own."""
    return {line: outcome for group in GROUPS for line, outcome in replay_group(group, CPythonDesktop(group)).items()}


@pytest.mark.parametrize("example", example_params())
def test_the_reference_example_runs_as_printed(example: Example, outcomes: dict[int, Outcome]) -> None:
    outcome = outcomes[example.line]
    assert problems(example, outcome) == [], f"{example.label}: {example.note} (warnings: {outcome.warnings})"


def test_the_judge_can_fail() -> None:
    """The judge sees a missing key, another type, a failure and an absent event."""
    example = next(e for e in GROUPS[1].examples if e.request == "system.amIVisible")
    assert problems(example, Outcome(reply={"request": "system.amIVisible", "data": "yes", "userAgent": "WWE Server"})) == [
        "data is a string; the reference shows a boolean",
        "protocolVersion is missing",
        "data is 'yes'; the reference shows True",
    ]
    assert problems(example, Outcome(reply={"request": "system.amIVisible", "errorMessage": "no"}))[0] == "failed: 'no'"
    broadcast = next(e for e in GROUPS[1].examples if e.request == "messenger.broadcastMessage")
    silent = problems(broadcast, Outcome(reply={"request": "messenger.broadcastMessage", "data": 1}))
    assert silent == ["the event of line 7402 (messenger:my-channel) never came; events were []"]
    assert problems(broadcast, Outcome(setup_failure="setup x failed")) == ["setup x failed"]
