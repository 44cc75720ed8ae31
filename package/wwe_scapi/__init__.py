"""wwe-scapi: the Genesys Agent Workspace Service Client API in Python, both sides of postMessage.

The names users need are here (`from wwe_scapi import connect, ServiceClient, ...`), imported
on first use: an app's page that only connects never loads the service, and the desktop's
page never loads the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwe_scapi.lazy import lazy_exports

__version__ = "0.1.0"

# name -> the module it comes from
_EXPORTS: dict[str, str] = {
    # an app: the client
    "connect": "wwe_scapi.browser.app",
    "ServiceClient": "wwe_scapi.client",
    "Subscription": "wwe_scapi.client",
    "Reply": "wwe_scapi.client.reply",
    "ServiceError": "wwe_scapi.client",
    "RequestFailed": "wwe_scapi.client",
    "RequestTimeout": "wwe_scapi.client",
    "ClientClosed": "wwe_scapi.client",
    "NoServiceWindow": "wwe_scapi.client",
    # a host: the service
    "Service": "wwe_scapi.service",
    "build_service": "wwe_scapi.service.setup",
    "RequestError": "wwe_scapi.service",
    "SecurityPolicy": "wwe_scapi.security.policy",
    "OriginPolicy": "wwe_scapi.security",
    "PolicyConfigError": "wwe_scapi.security",
    "Workspace": "wwe_scapi.workspace",
    "WorkspaceError": "wwe_scapi.workspace",
    # transports, time, tests
    "ServiceTransport": "wwe_scapi.transports",
    "ClientTransport": "wwe_scapi.transports",
    "Unreadable": "wwe_scapi.transports",
    "MemoryNetwork": "wwe_scapi.testing",
    "Clock": "wwe_scapi.clock",
    "SystemClock": "wwe_scapi.clock",
    "ManualClock": "wwe_scapi.clock",
    # the API's description and its wire shapes
    "CATALOGUE": "wwe_scapi.protocol",
    "EVENT_NAMES": "wwe_scapi.protocol",
    "Agent": "wwe_scapi.protocol.wire",
    "State": "wwe_scapi.protocol.wire",
    "Media": "wwe_scapi.protocol.wire",
    "Interaction": "wwe_scapi.protocol.wire",
    "Options": "wwe_scapi.protocol.wire",
    "ToastParameters": "wwe_scapi.protocol.wire",
    "DialogOptions": "wwe_scapi.protocol.wire",
    "MenuBarViewParameters": "wwe_scapi.protocol.wire",
    "TargetQuery": "wwe_scapi.protocol.wire",
    "JwtToken": "wwe_scapi.protocol.wire",
}

__all__ = ["__version__", *_EXPORTS]
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    # `name as name`: re-exported, for type checkers (the names are lazy at run time)
    from wwe_scapi.browser.app import (
        connect as connect,
    )
    from wwe_scapi.client import (
        ClientClosed as ClientClosed,
        NoServiceWindow as NoServiceWindow,
        RequestFailed as RequestFailed,
        RequestTimeout as RequestTimeout,
        ServiceClient as ServiceClient,
        ServiceError as ServiceError,
        Subscription as Subscription,
    )
    from wwe_scapi.client.reply import (
        Reply as Reply,
    )
    from wwe_scapi.clock import (
        Clock as Clock,
        ManualClock as ManualClock,
        SystemClock as SystemClock,
    )
    from wwe_scapi.protocol import (
        CATALOGUE as CATALOGUE,
        EVENT_NAMES as EVENT_NAMES,
    )
    from wwe_scapi.protocol.wire import (
        Agent as Agent,
        DialogOptions as DialogOptions,
        Interaction as Interaction,
        JwtToken as JwtToken,
        Media as Media,
        MenuBarViewParameters as MenuBarViewParameters,
        Options as Options,
        State as State,
        TargetQuery as TargetQuery,
        ToastParameters as ToastParameters,
    )
    from wwe_scapi.security import (
        OriginPolicy as OriginPolicy,
        PolicyConfigError as PolicyConfigError,
    )
    from wwe_scapi.security.policy import (
        SecurityPolicy as SecurityPolicy,
    )
    from wwe_scapi.service import (
        RequestError as RequestError,
        Service as Service,
    )
    from wwe_scapi.service.setup import (
        build_service as build_service,
    )
    from wwe_scapi.testing import (
        MemoryNetwork as MemoryNetwork,
    )
    from wwe_scapi.transports import (
        ClientTransport as ClientTransport,
        ServiceTransport as ServiceTransport,
        Unreadable as Unreadable,
    )
    from wwe_scapi.workspace import (
        Workspace as Workspace,
        WorkspaceError as WorkspaceError,
    )
