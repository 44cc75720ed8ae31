"""Kept answers: the service lets its transport answer a window's repeated plain read itself.

Entering Python and back costs a round trip more than the service's own work, and most of an
app's requests are the same few reads (agent.getState, interaction.getInteractions). A read
whose answer comes from the workspace alone is sent with a token; the transport (the host
bridge's JavaScript) keeps that reply for the window and gives it again, with the new
reference id, to the same read from the same page, until the service forgets them all: on
every change of the workspace (each of its events), every other request it serves, and every
change of this tab's place among the desktop tabs. The transport then tells the service
which answers it gave, and the service does the bookkeeping (the protocol log, the frame's
page) as if it had served them.

A read is kept only where serving it again would give the same answer through the same
checks: the simulated contact centre's, in the tab that serves it, no rate limit counting it,
served at once with no warning (the policy's other checks depend on the origin alone, the
same for every request of that window).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from wwe_scapi.transports.base import AnswerKeeper
from wwe_scapi.workspace.plainreads import PLAIN_READS

# The reads whose answer depends on the workspace alone, not on the frame's visibility or tab.
KEPT_READS: Final = PLAIN_READS
MAX_KEPT: Final = 1024  # answers kept at once, every window together


@dataclass(frozen=True, slots=True)
class KeptRead:
    """What the log says of a kept answer each time it is given."""

    name: str
    parameters: Any  # as the frame sent them
    data: Any  # the answer's data, as sent


class KeptAnswers:
    """The tokens of the answers the transport keeps."""

    def __init__(self, keeper: AnswerKeeper) -> None:
        self._keeper = keeper
        self._kept: dict[int, KeptRead] = {}
        self._last_token = 0

    def token_for(self, name: str, parameters: Any, data: Any) -> int:
        """A token to send the answer with; 0 (not kept) once MAX_KEPT are."""
        if len(self._kept) >= MAX_KEPT:
            return 0
        self._last_token += 1
        self._kept[self._last_token] = KeptRead(name, parameters, data)
        return self._last_token

    def send(self, key: int, message: dict[str, Any], token: int) -> bool:
        """Send an answer the transport keeps under `token` (ServiceTransport.send's answer)."""
        return self._keeper.send(key, message, token)

    def get(self, token: int) -> KeptRead | None:
        return self._kept.get(token)

    def forget(self) -> None:
        """None of them holds any more; the transport tells of those it gave first."""
        if self._kept:
            self._keeper.forget()
            self._kept.clear()
