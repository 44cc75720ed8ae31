"""What a tab's broker asks of the other desktop tabs: who serves a request, and where this
tab stands in the election. Implemented by wwe_scapi.tabs; absent for a desktop in one tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from wwe_scapi.service.broker import Service
    from wwe_scapi.service.context import RequestContext
    from wwe_scapi.service.pending import Pending


class TabLink(Protocol):
    def attach(self, service: Service) -> None:
        """The tab's broker, which serves the requests other tabs forward to this one."""
        ...

    def broadcast(self, topic: str, data: Any, but: int) -> None:
        """A messenger message for the subscribed frames of the other tabs."""
        ...

    def route(self, context: RequestContext, name: str, parameters: list[Any]) -> Pending | None:
        """None: serve it here; else the leader tab's answer, to come."""
        ...

    def frame_state(self) -> str:
        """LEADING, FOLLOWING or NEGOTIATING."""
        ...

    def is_last_active(self) -> bool:
        """Is this the tab the agent used last."""
        ...

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Told when this tab's frameState, the leader or the last active tab changes."""
        ...
