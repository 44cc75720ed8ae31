"""What a tab needs from the browser to talk to the other tabs: a channel to all of them
(BroadcastChannel) and a place in the queue for the lead (a Web Lock). The page's version is
in transports/tabs_bridge.py; tabs/memory.py is the one for CPython tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

TabReceiver = Callable[[str], None]  # a message another tab posted (JSON text)


class TabBridge(Protocol):
    def post(self, text: str) -> None:
        """To every other tab of the desktop (not back to this one)."""
        ...

    def request_lead(self) -> None:
        """Queue for the lead; `granted` (given when the bridge was made) is called when this
        tab gets it. It is held until the tab closes: then the next tab in the queue gets it."""
        ...

    def close(self) -> None:
        """Stop hearing the other tabs and give the lead up."""
        ...


BridgeFactory = Callable[[TabReceiver, Callable[[], None]], TabBridge]  # (receive, granted)
