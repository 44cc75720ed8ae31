"""Transports: one interface (base.py), implementations side by side: postmessage.py (the
browser) and memory.py (one process, CPython). The interface's names are imported on first
use: a page needs only its implementation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwe_scapi.lazy import lazy_exports

_EXPORTS = dict.fromkeys(
    (
        "Broadcaster",
        "ClientReceiver",
        "ClientTransport",
        "Message",
        "ServiceReceiver",
        "ServiceTransport",
        "Unreadable",
        "WindowPlaces",
    ),
    "wwe_scapi.transports.base",
)
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    # `name as name`: re-exported, for type checkers (the names are lazy at run time)
    from wwe_scapi.transports.base import (
        Broadcaster as Broadcaster,
        ClientReceiver as ClientReceiver,
        ClientTransport as ClientTransport,
        Message as Message,
        ServiceReceiver as ServiceReceiver,
        ServiceTransport as ServiceTransport,
        Unreadable as Unreadable,
        WindowPlaces as WindowPlaces,
    )
