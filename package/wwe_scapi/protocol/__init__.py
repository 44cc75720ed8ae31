"""The wire format of PROTOCOL.md: constants, the request catalogue, the messages in and out,
the wire's TypedDicts. No I/O. The names below are imported on first use: an app's client
needs the constants only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwe_scapi.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("CATALOGUE", "EVENT_NAMES", "ParamKind", "ParamSpec", "RequestSpec"), "wwe_scapi.protocol.catalogue"),
    **dict.fromkeys(("CLIENT_USER_AGENT", "PROTOCOL_VERSION", "SERVER_USER_AGENT"), "wwe_scapi.protocol.constants"),
    **dict.fromkeys(
        (
            "Ignored",
            "Malformed",
            "RequestMessage",
            "SubscribeMessage",
            "UnsubscribeMessage",
            "Unreadable",
            "event_message",
            "failure_response",
            "frame_id_message",
            "parse_client_message",
            "subscribe_response",
            "success_response",
        ),
        "wwe_scapi.protocol.messages",
    ),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    # `name as name`: re-exported, for type checkers (the names are lazy at run time)
    from wwe_scapi.protocol.catalogue import (
        CATALOGUE as CATALOGUE,
        EVENT_NAMES as EVENT_NAMES,
        ParamKind as ParamKind,
        ParamSpec as ParamSpec,
        RequestSpec as RequestSpec,
    )
    from wwe_scapi.protocol.constants import (
        CLIENT_USER_AGENT as CLIENT_USER_AGENT,
        PROTOCOL_VERSION as PROTOCOL_VERSION,
        SERVER_USER_AGENT as SERVER_USER_AGENT,
    )
    from wwe_scapi.protocol.messages import (
        Ignored as Ignored,
        Malformed as Malformed,
        RequestMessage as RequestMessage,
        SubscribeMessage as SubscribeMessage,
        UnsubscribeMessage as UnsubscribeMessage,
        Unreadable as Unreadable,
        event_message as event_message,
        failure_response as failure_response,
        frame_id_message as frame_id_message,
        parse_client_message as parse_client_message,
        subscribe_response as subscribe_response,
        success_response as success_response,
    )
