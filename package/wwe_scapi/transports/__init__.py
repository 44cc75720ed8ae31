"""Transports: one interface (base.py), implementations side by side: postmessage.py (the
browser) and memory.py (one process, CPython)."""

from wwe_scapi.transports.base import (
    ClientReceiver,
    ClientTransport,
    Message,
    ServiceReceiver,
    ServiceTransport,
    Unreadable,
    WindowPlaces,
)

__all__ = [
    "ClientReceiver",
    "ClientTransport",
    "Message",
    "ServiceReceiver",
    "ServiceTransport",
    "Unreadable",
    "WindowPlaces",
]
