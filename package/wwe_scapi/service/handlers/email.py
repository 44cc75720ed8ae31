"""The `email` namespace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wwe_scapi.service.context import Handler, RequestContext

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire


def create(ctx: RequestContext, destination: str, user_data: dict[str, Any] | None) -> wire.Interaction:
    """Answers the new email interaction (the reference returns nothing; apps may ignore it)."""
    return ctx.workspace.open_media.create_email(destination, user_data).to_wire()


HANDLERS: dict[str, Handler] = {"email.create": create}
