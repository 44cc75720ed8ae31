"""The `interaction` namespace: interactions and their attached data (more with issue 4)."""

from __future__ import annotations

from typing import Any

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError


def get_interactions(ctx: RequestContext) -> list[dict[str, Any]]:
    return ctx.workspace.interaction_list()


def get_by_interaction_id(ctx: RequestContext, interaction_id: str) -> dict[str, Any] | None:
    """The interaction, or null (a success, as the reference says) when there is none."""
    interaction = ctx.workspace.interactions.find(interaction_id)
    return None if interaction is None else interaction.to_wire()


def _check_writable(ctx: RequestContext, keys: list[str]) -> None:
    refusal = ctx.service.policy.check_writable(keys)
    if refusal is not None:
        raise RequestError(refusal)


def set_user_data(ctx: RequestContext, interaction_id: str, key_values: dict[str, Any]) -> None:
    _check_writable(ctx, list(key_values))  # one forbidden key: none of them is written
    ctx.workspace.set_user_data(interaction_id, key_values)


def delete_user_data(ctx: RequestContext, interaction_id: str, key: str) -> None:
    _check_writable(ctx, [key])
    ctx.workspace.delete_user_data(interaction_id, key)


HANDLERS: dict[str, Handler] = {
    "interaction.getInteractions": get_interactions,
    "interaction.getByInteractionId": get_by_interaction_id,
    "interaction.setUserData": set_user_data,
    "interaction.deleteUserData": delete_user_data,
}
