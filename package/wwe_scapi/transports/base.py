"""The one transport interface (the shape of httpx's `_transports/base.py`): how messages get
between the service and the windows of its apps. The service's side talks to many windows,
each known by an integer key it never reuses; a client's side talks to one service window.
Both are handed in at construction: `Service(..., transport=...)`, `ServiceClient(transport)`.

Every implementation keeps postMessage's semantics: delivery on a later turn of the event
loop, in order per window; a copy of plain JSON data; the sender's origin attached by the
"browser", never by the sender. Implementations: postmessage.py (the browser), memory.py
(one process, CPython). tests/contract/ runs one suite against both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from wwe_scapi.protocol.messages import Unreadable

Message = dict[str, Any]
# (window key, its origin, the message as JSON data, or an Unreadable)
ServiceReceiver = Callable[[int, str, Any], None]
ClientReceiver = Callable[[Any], None]


class ServiceTransport(Protocol):
    def start(self, receiver: ServiceReceiver) -> None:
        """From now on, hand every message from any window to `receiver`."""
        ...

    def send(self, key: int, message: Message) -> bool:
        """Post a copy of `message` to that window, for its own origin only; False when the
        window is gone (closed, or never seen)."""
        ...

    def renew(self, key: int) -> int | None:
        """Give that window a new key (a new page was found in it): the old key reaches
        nothing from now on, and its messages come with the new one. None when it is gone."""
        ...

    def close(self) -> None:
        """Stop delivering; forget every window."""
        ...


@runtime_checkable
class Broadcaster(Protocol):
    """A service transport that posts one message to several windows in one call (an event
    fanned out): the message is turned into JSON once, not once per window. Optional: the
    service sends to each window in turn through a transport without it."""

    def send_all(self, keys: list[int], message: Message) -> list[int]:
        """As send() to each of `keys` in that order; answers the keys whose window is gone."""
        ...


# The (window key, token) pairs of the kept answers a transport gave again, in the order given.
Repeated = Callable[[list[tuple[int, int]]], None]


@runtime_checkable
class AnswerKeeper(Protocol):
    """A service transport that may answer a window's repeated plain read itself, from the
    reply the service sent it the first time with a token, until the service forgets them
    all; it tells the service of each one (`on_repeated`) before it hands over anything else."""

    keeps_answers: bool

    def send(self, key: int, message: Message, token: int = 0) -> bool:
        """As ServiceTransport.send; a token > 0 keeps `message` as the answer to the read
        being served from that window (the same request and parameters, its frame id)."""
        ...

    def on_repeated(self, repeated: Repeated) -> None: ...

    def forget(self) -> None:
        """No kept answer holds any more (the workspace changed); those given are told first."""
        ...


class ClientTransport(Protocol):
    def start(self, receiver: ClientReceiver, gone: Callable[[str], None] | None = None) -> None:
        """From now on, hand every message from the service window to `receiver`; call
        `gone(reason)` if the app's page goes away (it unloads, its window closes)."""
        ...

    @property
    def destination(self) -> str:
        """The service window, as an error names it: "the parent window (https://desk.test)"."""
        ...

    def post(self, message: Message) -> None:
        """Post a copy of `message` to the service window."""
        ...

    def close(self) -> None:
        """Stop delivering."""
        ...


class WindowPlaces(Protocol):
    """What a desktop asks of its service transport besides messages: where a window is."""

    def place(self, key: int) -> str | None:
        """The id of the page's iframe showing that window (or an ancestor of it), "popup" for
        a window the page opened, None when unknown or gone."""
        ...

    def focus(self, key: int) -> None: ...


__all__ = [
    "AnswerKeeper",
    "Broadcaster",
    "ClientReceiver",
    "ClientTransport",
    "Message",
    "Repeated",
    "ServiceReceiver",
    "ServiceTransport",
    "Unreadable",
    "WindowPlaces",
]
