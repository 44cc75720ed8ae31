"""A frame: one page served in one window. A window keeps its key while it shows the same page;
when it shows a new one (the app reloaded or navigated within its origin) the new page is a new
frame, and the old page's subscriptions end with it.

The browser does not tell the desktop that a cross-origin window got a new page; the page does:
a client adds the frame id it was given to its requests, so a request without one, from a
window whose page has sent its frame id before, comes from a page that was never given one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.protocol.messages import RequestMessage, SubscribeMessage, UnsubscribeMessage
from wwe_scapi.service.context import RequestContext

ClientRequest = RequestMessage | SubscribeMessage | UnsubscribeMessage


@dataclass(slots=True)
class Frame:
    """One client page. `id` is the frame id announced to it, and its window's transport key."""

    id: int
    origin: str
    context: RequestContext
    subscriptions: dict[str, frozenset[str]] = field(default_factory=dict)
    announced: bool = False  # the page has sent its frame id: it knows it
    # Subscriptions made without a frame id once the page knew it: a new page's (or those of a
    # client that never sends it), kept when a new page is found.
    unclaimed: set[str] = field(default_factory=set)

    def is_subscribed(self, topic: str) -> bool:
        return any(topic in names for names in self.subscriptions.values())

    def heard(self, message: ClientRequest) -> bool:
        """Take note of the frame id the message carries; True when it shows a new page."""
        claimed = message.frame_id
        if claimed is not None:
            if _same_id(claimed, self.id):
                self.announced = True
            return False
        return self.announced and isinstance(message, RequestMessage)

    def subscribed(self, subscription_id: str, names: frozenset[str], message: SubscribeMessage) -> None:
        self.subscriptions[subscription_id] = names
        if self.announced and message.frame_id is None:
            self.unclaimed.add(subscription_id)

    def kept_for_a_new_page(self) -> dict[str, frozenset[str]]:
        return {sid: names for sid, names in self.subscriptions.items() if sid in self.unclaimed}


def _same_id(claimed: Any, frame_id: int) -> bool:
    return not isinstance(claimed, bool) and str(claimed) == str(frame_id)
