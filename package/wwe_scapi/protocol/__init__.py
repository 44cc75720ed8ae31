"""The wire format of PROTOCOL.md: constants, the request catalogue, envelopes and parsing. No I/O."""

from wwe_scapi.protocol.catalogue import CATALOGUE, EVENT_NAMES, ParamKind, ParamSpec, RequestSpec
from wwe_scapi.protocol.constants import (
    CLIENT_USER_AGENT,
    PROTOCOL_VERSION,
    SERVER_USER_AGENT,
)
from wwe_scapi.protocol.envelopes import (
    event_message,
    failure_response,
    frame_id_message,
    subscribe_response,
    success_response,
)
from wwe_scapi.protocol.parsing import (
    Ignored,
    Malformed,
    RequestMessage,
    SubscribeMessage,
    UnsubscribeMessage,
    parse_client_message,
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
    "event_message",
    "failure_response",
    "frame_id_message",
    "parse_client_message",
    "subscribe_response",
    "success_response",
]
