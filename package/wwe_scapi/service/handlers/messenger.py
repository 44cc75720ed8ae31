"""The `messenger` namespace: app-to-app broadcasts on named channels."""

from __future__ import annotations

from typing import Any

from wwe_scapi.protocol.constants import MESSENGER_PREFIX
from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError


def broadcast_message(ctx: RequestContext, channel: str, message: Any) -> int:
    """Deliver to every other frame subscribed to the channel ("to other web applications",
    the reference says: not back to the sender); answers how many frames got it."""
    if not channel:
        raise RequestError("messenger.broadcastMessage needs a non-empty channel name.")
    return ctx.broadcast(MESSENGER_PREFIX + channel, message)


HANDLERS: dict[str, Handler] = {"messenger.broadcastMessage": broadcast_message}
