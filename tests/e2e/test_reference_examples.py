"""Issue 11 end to end: every example call, response and event the reference prints
(tests/reference/reference_examples.py) replayed from a plain-JavaScript app on its own
origin, in the vendor client's envelopes, with the same runner and judge as the CPython twin
(tests/unit/test_reference_examples_in_cpython.py). One desktop per group: its examples run
in the group's first test, and each test then judges its own example."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest
from playwright.sync_api import Frame, Page

from e2e_support import Desktop, app_url
from reference_examples import Example, Group
from reference_replay import EventKey, Message, Outcome, example_params, group_of, problems, replay_group
from wwe_scapi.cli.server import RunningSite

APP = "reference-examples.html"
APP_ORIGINS = (1, 2)  # site origins of app 0 and app 1; [0] is the desktop's
EVENT_WAIT_MS = 3000  # an event that has not come by then is reported missing

SCENARIO = """([step, args]) => {
  try { return {data: window.wweScenario(step, args)}; }
  catch (error) { return {errorMessage: String(error && error.message || error).trim().split("\\n").pop()}; }
}"""


class ChromiumDesktop:
    """A Driver: requests from the two apps' pages, scenario steps on the desktop page."""

    def __init__(self, desktop: Desktop) -> None:
        self.page: Page = desktop.page
        # Taken now: the dialog of system.openDialog('') later shows the same page.
        self.apps: list[Frame] = [desktop.frame(0), desktop.frame(1)]

    def send(self, app: int, name: str, parameters: Any) -> Message | None:
        reply: Message | None = self.apps[app].evaluate("([name, parameters]) => window.send(name, parameters)", [name, parameters])
        return reply

    def scenario(self, step: str, arguments: Mapping[str, Any]) -> Message:
        result: Message = self.page.evaluate(SCENARIO, [step, dict(arguments)])
        return result

    def mark(self, app: int) -> int:
        return int(self.apps[app].evaluate("window.mark()"))

    def events_since(self, app: int, mark: int, expected: Sequence[EventKey]) -> list[Message]:
        events: list[Message] = self.apps[app].evaluate(
            "([mark, expected, wait]) => window.eventsSince(mark, expected, wait)",
            [mark, [list(key) for key in expected], EVENT_WAIT_MS],
        )
        return events

    def warnings(self) -> list[str]:
        return []  # the CPython twin reports them


def _open(open_desktop: Callable[..., Desktop], site: RunningSite, group: Group) -> Desktop:
    origins = [site.origins[index] for index in APP_ORIGINS]
    return open_desktop(
        [app_url(site, index, APP) for index in APP_ORIGINS],
        options=dict(group.options),
        accept=[f"{origin} {rule}".strip() for origin, rule in zip(origins, group.filters, strict=True)],
    )


@pytest.fixture(scope="module")
def replayed() -> dict[str, dict[int, Outcome] | Exception]:
    """Each group's outcomes, by group name, filled by the group's first test."""
    return {}


@pytest.mark.parametrize("example", example_params())
def test_the_reference_example_runs_as_printed(
    example: Example,
    replayed: dict[str, dict[int, Outcome] | Exception],
    site: RunningSite,
    request: pytest.FixtureRequest,
) -> None:
    group = group_of(example)
    if group.name not in replayed:
        try:
            desktop = _open(request.getfixturevalue("open_desktop"), site, group)
            replayed[group.name] = replay_group(group, ChromiumDesktop(desktop))
        except Exception as error:  # once, not once per example of the group
            replayed[group.name] = error
    outcomes = replayed[group.name]
    if isinstance(outcomes, Exception):
        pytest.fail(f"the group {group.name!r} did not run: {outcomes!r}")
    assert problems(example, outcomes[example.line]) == [], f"{example.label}: {example.note}"
