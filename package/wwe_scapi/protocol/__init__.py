"""The wire format of PROTOCOL.md: constants, the request catalogue, the messages in and out.
No I/O."""

from wwe_scapi.protocol.catalogue import CATALOGUE, EVENT_NAMES, ParamKind, ParamSpec, RequestSpec
from wwe_scapi.protocol.constants import (
    CLIENT_USER_AGENT,
    PROTOCOL_VERSION,
    SERVER_USER_AGENT,
)
from wwe_scapi.protocol.messages import (
    Ignored,
    Malformed,
    RequestMessage,
    SubscribeMessage,
    UnsubscribeMessage,
    Unreadable,
    event_message,
    failure_response,
    frame_id_message,
    parse_client_message,
    subscribe_response,
    success_response,
)

__all__ = [
    "CATALOGUE",
    "CLIENT_USER_AGENT",
    "EVENT_NAMES",
    "PROTOCOL_VERSION",
    "SERVER_USER_AGENT",
    "Ignored",
    "Malformed",
    "ParamKind",
    "ParamSpec",
    "RequestMessage",
    "RequestSpec",
    "SubscribeMessage",
    "UnsubscribeMessage",
    "Unreadable",
    "event_message",
    "failure_response",
    "frame_id_message",
    "parse_client_message",
    "subscribe_response",
    "success_response",
]
