"""The wire's messages (PROTOCOL.md): what a client sends, parsed into typed values (or the
reason it is not one), and what the service sends, built as plain dicts ready for JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from wwe_scapi.protocol.constants import MAX_MESSAGE_CHARS, PROTOCOL_VERSION, SERVER_USER_AGENT
from wwe_scapi.protocol.jsontypes import json_type_name

Message = dict[str, Any]

# -- client -> service ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unreadable:
    """What a transport hands over for a message the browser could not give as JSON data (a
    cycle, a BigInt...): the request name and reference id it could read, and why."""

    request: Any
    reference_id: Any
    reason: str
    size: int = 0  # when it was too large: its length, in characters of JSON


@dataclass(frozen=True, slots=True)
class RequestMessage:
    name: str
    parameters: list[Any]
    reference_id: Any
    frame_id: Any = None


@dataclass(frozen=True, slots=True)
class SubscribeMessage:
    names: list[str]
    reference_id: Any
    frame_id: Any = None


@dataclass(frozen=True, slots=True)
class UnsubscribeMessage:
    subscription_id: Any
    reference_id: Any
    frame_id: Any = None


@dataclass(frozen=True, slots=True)
class Malformed:
    """Meant for the service but unusable: answered with a failure naming the fault."""

    reason: str
    reference_id: Any = None
    request: str | None = None


@dataclass(frozen=True, slots=True)
class Ignored:
    """Not a Service Client API request at all (another library's message, our own echo...)."""

    reason: str


@dataclass(frozen=True, slots=True)
class AppReport:
    """wwe-scapi's own message, not the vendor's: an app tells the desktop it failed (its boot,
    an event handler), so the desktop shows it on the app's tab and in the protocol log.
    `{"wweScapiAppReport": kind, "text": message and traceback}`, no request, no event: a
    service that does not know it (the real Agent Workspace) ignores it."""

    kind: str  # "boot" (the app did not start), "handler" (an event handler or callback raised), "crash" (anything else uncaught)
    text: str

    @property
    def summary(self) -> str:
        """The traceback's last line (the error itself), or the kind when there is none."""
        return last_line(self.text) or self.kind


def last_line(text: str) -> str:
    """The last non-blank line of `text`, stripped ("" when none)."""
    return next((line.strip() for line in reversed(text.splitlines()) if line.strip()), "")


APP_REPORT_KEY: Final = "wweScapiAppReport"
APP_REPORT_KINDS: Final = frozenset({"boot", "handler", "crash"})
APP_REPORT_CHARS: Final = 20_000  # a traceback, not a novel: the rest is cut

ClientMessage = RequestMessage | SubscribeMessage | UnsubscribeMessage | Malformed | Ignored | AppReport


def parse_client_message(raw: Any) -> ClientMessage:
    if isinstance(raw, Unreadable):
        # Still answered: the sender may be waiting on that reference id.
        name = raw.request if isinstance(raw.request, str) and raw.request else None
        if raw.size:
            return Malformed(
                f"The message is {raw.size} characters of JSON, more than the {MAX_MESSAGE_CHARS} this desktop reads.",
                raw.reference_id,
                name,
            )
        return Malformed(f"The message could not be read as JSON data: {raw.reason}", raw.reference_id, name)
    if not isinstance(raw, dict):
        return Ignored(f"not an object but {json_type_name(raw)}")
    user_agent = raw.get("userAgent")
    if isinstance(user_agent, str) and SERVER_USER_AGENT in user_agent:
        return Ignored("a message from a service, not from a client")
    reference_id = raw.get("referenceId")
    if "event" in raw:
        return _parse_event(raw, reference_id)
    if "request" in raw:
        return _parse_request(raw, reference_id)
    if APP_REPORT_KEY in raw:
        return _parse_app_report(raw)
    return Ignored("has neither 'request' nor 'event'")


def _parse_app_report(raw: dict[str, Any]) -> ClientMessage:
    kind, text = raw[APP_REPORT_KEY], raw.get("text")
    if kind not in APP_REPORT_KINDS or not isinstance(text, str):
        return Ignored(f"an app report must be {{{APP_REPORT_KEY!r}: 'boot', 'handler' or 'crash', 'text': string}}")
    if len(text) > APP_REPORT_CHARS:
        text = text[: APP_REPORT_CHARS - 1] + "…"
    return AppReport(kind, text)


def _parse_request(raw: dict[str, Any], reference_id: Any) -> ClientMessage:
    name = raw["request"]
    if not isinstance(name, str) or not name:
        return Malformed(
            f"'request' must be a non-empty string 'namespace.method', got {json_type_name(name)}",
            reference_id,
        )
    parameters = raw.get("parameters")
    if parameters is None:
        parameters = []
    elif not isinstance(parameters, list):
        return Malformed(
            f"'parameters' of {name} must be an array, got {json_type_name(parameters)}",
            reference_id,
            name,
        )
    return RequestMessage(name, parameters, reference_id, raw.get("frameId"))


def _parse_event(raw: dict[str, Any], reference_id: Any) -> ClientMessage:
    kind = raw["event"]
    data = raw.get("data")
    if kind == "subscribe":
        names = [data] if isinstance(data, str) else data
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            return Malformed(
                "subscribe 'data' must be an event name or an array of event names, "
                f"got {json_type_name(data)}",
                reference_id,
                "subscribe",
            )
        return SubscribeMessage(names, reference_id, raw.get("frameId"))
    if kind == "unsubscribe":
        return UnsubscribeMessage(data, reference_id, raw.get("frameId"))
    return Malformed(
        f"a client may send the events 'subscribe' and 'unsubscribe' only, not {kind!r}",
        reference_id,
    )


# -- service -> client ----------------------------------------------------------------------


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


def success_response(request: str | None, reference_id: Any, data: Any = None) -> Message:
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
