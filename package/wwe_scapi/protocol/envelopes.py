"""The messages the service sends (PROTOCOL.md, "Service → client"), as plain dicts ready for JSON."""

from __future__ import annotations

from typing import Any

from wwe_scapi.protocol.constants import PROTOCOL_VERSION, SERVER_USER_AGENT

Message = dict[str, Any]
_MISSING: Any = object()


def _stamp(message: Message) -> Message:
    message["userAgent"] = SERVER_USER_AGENT
    message["protocolVersion"] = PROTOCOL_VERSION
    return message


def _response(request: str | None, reference_id: Any) -> Message:
    message: Message = {}
    if request is not None:
        message["request"] = request
    # Echo the exact value and type received: the vendor client compares with ===.
    if reference_id is not None:
        message["referenceId"] = reference_id
    return message


def success_response(request: str, reference_id: Any, data: Any = None) -> Message:
    message = _response(request, reference_id)
    message["data"] = data
    return _stamp(message)


def failure_response(request: str | None, reference_id: Any, error_message: str) -> Message:
    message = _response(request, reference_id)
    message["errorMessage"] = error_message
    return _stamp(message)


def subscribe_response(reference_id: Any, subscription_id: str, names: list[str]) -> Message:
    """A success response with `subscriptionId` at the top level, where the client reads it."""
    message = _response("subscribe", reference_id)
    message["subscriptionId"] = subscription_id
    message["data"] = names
    return _stamp(message)


def event_message(name: str, data: Any) -> Message:
    return _stamp({"event": name, "data": data})


def frame_id_message(frame_id: int) -> Message:
    """Neither `event` nor `referenceId`: the client takes it as its frame id."""
    return _stamp({"frameId": frame_id})
