"""The `media` namespace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwe_scapi.service.context import Handler, RequestContext

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire
from wwe_scapi.workspace.workspace import StateChoice


def get_media_list(ctx: RequestContext) -> list[wire.Media]:
    return ctx.workspace.media_list()


def get_media_by_name(ctx: RequestContext, name: str) -> wire.Media:
    return ctx.workspace.media_by_name(name).to_wire()


def set_state(ctx: RequestContext, name: str, state: StateChoice) -> None:
    ctx.workspace.set_media_state(name, state)


HANDLERS: dict[str, Handler] = {
    "media.getMediaList": get_media_list,
    "media.getMediaByName": get_media_by_name,
    "media.setState": set_state,
}
