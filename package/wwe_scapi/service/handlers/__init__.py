"""One module per namespace, each a table of request name -> handler."""

from __future__ import annotations

from wwe_scapi.service.context import Handler
from wwe_scapi.service.handlers import (
    agent,
    configuration,
    email,
    interaction,
    media,
    messenger,
    system,
    voice,
)

ALL_HANDLERS: dict[str, Handler] = {
    **agent.HANDLERS,
    **configuration.HANDLERS,
    **email.HANDLERS,
    **interaction.HANDLERS,
    **media.HANDLERS,
    **messenger.HANDLERS,
    **system.HANDLERS,
    **voice.HANDLERS,
}
