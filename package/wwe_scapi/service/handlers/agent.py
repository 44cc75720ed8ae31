"""The `agent` namespace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwe_scapi.service.context import Handler, RequestContext

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire
from wwe_scapi.workspace.workspace import StateChoice


def get(ctx: RequestContext) -> wire.Agent:
    return ctx.workspace.agent.to_wire()


def get_state(ctx: RequestContext) -> wire.State:
    return ctx.workspace.agent_state().to_wire()


def get_state_list(ctx: RequestContext) -> list[wire.State]:
    return [state.to_wire() for state in ctx.workspace.state_list]


def set_state(ctx: RequestContext, state: StateChoice) -> None:
    ctx.workspace.set_agent_state(state)


HANDLERS: dict[str, Handler] = {
    "agent.get": get,
    "agent.getState": get_state,
    "agent.getStateList": get_state_list,
    "agent.setState": set_state,
}
