"""Scenario steps by name, from outside the page's Python (window.wweScenario, a host page's
service.scenario): the simulated contact centre driven by tests or a person in the console."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wwe_scapi.service.pending import Outcome, Pending
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.interactions import Interaction
from wwe_scapi.workspace.scenario import Scenario

if TYPE_CHECKING:
    from wwe_scapi.tabs import TabSession

__all__ = ["SCENARIO_METHODS", "run_scenario"]

# The scenario methods Playwright (or a person in the console) may call through wweScenario.
SCENARIO_METHODS = frozenset(name for name in vars(Scenario) if not name.startswith("_"))


def run_scenario(
    workspace: Workspace, name: str, arguments: Mapping[str, Any] | None = None, session: TabSession | None = None
) -> Any:
    """One scenario step by name with keyword arguments; an interaction comes back in wire form.
    In a tab that does not lead, the leader applies it: an asyncio future of the result (a
    promise to the page's JavaScript), failing with the leader's refusal."""
    if name not in SCENARIO_METHODS:
        raise ValueError(f"Unknown scenario step {name!r}. Steps: {', '.join(sorted(SCENARIO_METHODS))}.")
    if session is None:
        return _wire(getattr(workspace.scenario, name)(**dict(arguments or {})))
    result = session.call(f"scenario.{name}", **dict(arguments or {}))
    if not isinstance(result, Pending):
        return _wire(result)
    future: asyncio.Future[Any] = asyncio.get_event_loop().create_future()

    def settled(outcome: Outcome) -> None:
        if outcome.ok:
            future.set_result(_wire(outcome.data))
        else:
            future.set_exception(WorkspaceError(outcome.error or "failed"))

    result.then(settled)
    return future


def _wire(result: Any) -> Any:
    return result.to_wire() if isinstance(result, Interaction) else result


