"""What a request handler gets besides its checked parameters: the calling frame, the
contact centre, the desk's workspace, and the few things of the broker it may use. Never the
Service itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wwe_scapi.service.centre import ContactCentre
    from wwe_scapi.service.signing import SignerSource
    from wwe_scapi.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RequestContext:
    """One per frame, made when the frame first talks to the service."""

    frame_id: int  # the frame id announced to it (also the transport's key for its window)
    origin: str
    centre: ContactCentre  # answers the agent, media, interaction, ... requests (handlers/centre.py)
    workspace: Workspace  # the desk's: toasts, dialogs, menu-bar views, tokens (system.*, auth.*)
    broadcast: Callable[[str, Any], int]  # event to the other frames subscribed to a topic -> how many
    allowed_requests: Callable[[], list[str]]  # the documented requests this origin may use
    is_visible: Callable[[], bool]  # is this frame on screen now (system.amIVisible)
    page_url: Callable[[], str | None]  # the address of the frame's page, when the desktop knows it
    # An oddity the call strays by from the documented form: (what strays, what was done).
    # Recorded on the request's log row, or the request's failure in strict mode.
    warn: Callable[[str, str], None]
    # This tab in the election (LEADING, FOLLOWING or NEGOTIATING), and whether the agent used
    # it last: what the system.isFrame* and isLastActiveFrame requests answer.
    frame_state: Callable[[], str] = lambda: "LEADING"
    is_last_active: Callable[[], bool] = lambda: True
    # This tab's token signer (auth.getJwtToken); None when the desktop has no signing key.
    signer: Callable[[], SignerSource | None] = lambda: None
    strict: bool = False  # warnings fail the request (a warning after an async answer too)


Handler = Callable[..., Any]  # (context, *checked parameters) -> data
