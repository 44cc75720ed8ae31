"""`ServiceClient`: the object an app holds, `service.agent.get()` and the rest."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Unpack

from wwe_scapi.client.core import ClientCore, ErrorHook, EventHandler, Subscription
from wwe_scapi.client.reply import Reply
from wwe_scapi.client.namespaces import (
    AgentNamespace,
    AuthNamespace,
    Callbacks,
    ConfigurationNamespace,
    EmailNamespace,
    InteractionNamespace,
    MediaNamespace,
    MessengerNamespace,
    OutboundNamespace,
    SystemNamespace,
    VoiceNamespace,
)
from wwe_scapi.clock import Clock
from wwe_scapi.protocol.constants import DEFAULT_TIMEOUT_SECONDS

if TYPE_CHECKING:
    from wwe_scapi.transports.base import ClientTransport


class ServiceClient:
    """The Service Client API seen from an app (the vendor's `genesys.wwe.service`)."""

    def __init__(
        self,
        transport: ClientTransport,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        reference_prefix: str = "py",
        loop: asyncio.AbstractEventLoop | None = None,
        clock: Clock | None = None,
        on_error: ErrorHook | None = None,
        report_errors: bool = True,
    ) -> None:
        """`on_error(exception, message)` hears of every exception an event handler or a
        succeeded/failed callback raises (they are logged to the console in any case).
        `report_errors`: also tell the desktop, which shows them on the app's tab and in its
        protocol log (a message of wwe-scapi's own, which the real Agent Workspace ignores)."""
        self.core = ClientCore(
            transport, timeout=timeout, reference_prefix=reference_prefix, loop=loop, clock=clock, on_error=on_error,
            report_errors=report_errors,
        )
        self.agent = AgentNamespace(self.core)
        self.auth = AuthNamespace(self.core)
        self.configuration = ConfigurationNamespace(self.core)
        self.email = EmailNamespace(self.core)
        self.interaction = InteractionNamespace(self.core)
        self.media = MediaNamespace(self.core)
        self.messenger = MessengerNamespace(self.core)
        self.outbound = OutboundNamespace(self.core)
        self.system = SystemNamespace(self.core)
        self.voice = VoiceNamespace(self.core)

    def subscribe(
        self, names: str | Iterable[str], handler: EventHandler, **cb: Unpack[Callbacks]
    ) -> Reply[Subscription]:
        """Events named `agent`, `interaction`, `media`, `system`, `outbound`, `markdone`
        or `messenger:<channel>` go to `handler(message)` (plain or async)."""
        return self.core.subscribe(names, handler, **cb)

    def unsubscribe(self, subscription: Subscription | str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self.core.unsubscribe(subscription, **cb)

    def request(self, name: str, *parameters: Any, **cb: Unpack[Callbacks]) -> Reply[Any]:
        """Any request by its wire name, e.g. `request("agent.getState")`."""
        return self.core.call(name, *parameters, **cb)

    @property
    def timeout(self) -> float:
        return self.core.timeout

    @timeout.setter
    def timeout(self, seconds: float) -> None:
        self.core.timeout = seconds

    @property
    def frame_id(self) -> Any:
        return self.core.frame_id

    @property
    def on_error(self) -> ErrorHook | None:
        return self.core.on_error

    @on_error.setter
    def on_error(self, hook: ErrorHook | None) -> None:
        self.core.on_error = hook

    @property
    def closed(self) -> bool:
        return self.core.closed is not None

    def receive(self, message: Any) -> None:
        """Route one message from the service window (the transport calls this)."""
        self.core.receive(message)

    def close(self) -> None:
        """Stop listening to the service window; pending requests fail at once (ClientClosed),
        and so does any request made afterwards."""
        self.core.close("the client was closed")
        self.core.transport.close()
