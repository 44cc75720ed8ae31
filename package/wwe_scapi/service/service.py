"""The broker: one entry point for every message a frame sends, replies and event fan-out."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from wwe_scapi.protocol import envelopes
from wwe_scapi.protocol.catalogue import CATALOGUE, EVENT_NAMES
from wwe_scapi.protocol.constants import MESSENGER_PREFIX
from wwe_scapi.protocol.parsing import (
    ClientMessage,
    Ignored,
    Malformed,
    RequestMessage,
    SubscribeMessage,
    UnsubscribeMessage,
    parse_client_message,
)
from wwe_scapi.security.origins import NULL_ORIGIN, OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.ratelimit import Verdict
from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.frames import Frame, FrameRegistry
from wwe_scapi.service.handlers import ALL_HANDLERS
from wwe_scapi.service.log import Direction, ProtocolLog
from wwe_scapi.service.params import check_parameters
from wwe_scapi.service.surface import FrameSurface, MemorySurface
from wwe_scapi.transports.base import ServiceTransport
from wwe_scapi.workspace import DomainEvent, Workspace, WorkspaceError

logger = logging.getLogger(__name__)
Message = dict[str, Any]


class Service:
    """Serves one workspace to any number of frames under one security policy."""

    def __init__(
        self,
        workspace: Workspace | None = None,
        policy: SecurityPolicy | OriginPolicy | None = None,
        transport: ServiceTransport | None = None,
        handlers: Mapping[str, Handler] = ALL_HANDLERS,
        surface: FrameSurface | None = None,
        log: ProtocolLog | None = None,
    ) -> None:
        """Starts serving at once: from now on `transport` hands every message to `receive`."""
        self.workspace = workspace or Workspace()
        if isinstance(policy, OriginPolicy):
            policy = SecurityPolicy(origins=policy)
        self.policy = policy or SecurityPolicy()
        self._transport = transport
        self.surface: FrameSurface = surface or MemorySurface()
        self.handlers = dict(handlers)
        self.frames = FrameRegistry()
        self.log = log or ProtocolLog(self.workspace.clock)
        self.workspace.subscribe(self._on_domain_event)
        if transport is not None:
            transport.start(self.receive)

    # -- receiving ---------------------------------------------------------------------------

    def receive(self, frame_key: int, origin: str, raw: Any) -> None:
        """Handle one message posted by the window the transport knows as `frame_key` (JSON
        data, or an Unreadable the transport could not hand over as data)."""
        self._handle(frame_key, origin, parse_client_message(raw))

    def _handle(self, frame_key: int, origin: str, message: ClientMessage) -> None:
        if isinstance(message, Ignored):
            self.log.write(Direction.IGNORED, origin, None, "-", message.reason, False)
            return
        name = _name_of(message)
        reference_id = message.reference_id
        if not self.policy.origins.accepts_origin(origin):
            self._refuse(
                frame_key,
                origin,
                name,
                reference_id,
                f"The origin {origin} is not accepted by this Agent Workspace "
                "(service-client-api.accepted-web-content-origins).",
            )
            return
        frame = self.frames.get_or_add(frame_key, origin)
        if not frame.announced:
            frame.announced = True
            self._send(frame, envelopes.frame_id_message(frame.id))
        if isinstance(message, RequestMessage) and not self._within_rate_limit(frame, message):
            return
        if isinstance(message, Malformed):
            self._answer(frame, name, reference_id, error=message.reason)
        elif isinstance(message, SubscribeMessage):
            self._subscribe(frame, message)
        elif isinstance(message, UnsubscribeMessage):
            self._unsubscribe(frame, message)
        else:
            self._request(frame, message)

    def _request(self, frame: Frame, message: RequestMessage) -> None:
        name = message.name
        spec = CATALOGUE.get(name)  # a table, never attribute lookup on user input
        if spec is None:
            self._answer(frame, name, message.reference_id, error=f"Unknown request {name!r}.")
            return
        if not self.policy.origins.allows(frame.origin, spec.canonical):
            self._refuse(
                frame.id,
                frame.origin,
                name,
                message.reference_id,
                f"The request {name} is not allowed for the origin {frame.origin} "
                "(service-client-api.accepted-web-content-origins).",
            )
            return
        handler = self.handlers.get(spec.canonical)
        if handler is None:
            self._answer(
                frame,
                name,
                message.reference_id,
                error=f"{name} is not supported yet by this simulated Agent Workspace.",
            )
            return
        try:
            parameters = check_parameters(spec, message.parameters)
            data = handler(RequestContext(self, frame, spec), *parameters)
        except (RequestError, WorkspaceError) as refusal:
            self._answer(frame, name, message.reference_id, error=refusal.message)
        except Exception as error:  # a bug in a handler must never stop the service
            logger.exception("handler for %s failed", name)
            self._answer(
                frame,
                name,
                message.reference_id,
                error=f"Internal error while handling {name}: {type(error).__name__}: {error}",
            )
        else:
            self._answer(frame, name, message.reference_id, data=data)

    def _within_rate_limit(self, frame: Frame, message: RequestMessage) -> bool:
        """Count the request; answer the first one over a limit, ignore the rest (reference)."""
        if not self.policy.rate_limiter.active:
            return True
        spec = CATALOGUE.get(message.name)
        decision = self.policy.rate_limiter.check(frame.origin, spec.canonical if spec else message.name)
        if decision.verdict is Verdict.SERVE:
            return True
        if decision.verdict is Verdict.REFUSE:
            self._refuse(frame.id, frame.origin, message.name, message.reference_id, decision.message)
        else:
            self.log.write(
                Direction.IGNORED, frame.origin, frame.id, message.name, "ignored: rate-limit quarantine", False
            )
        return False

    def _subscribe(self, frame: Frame, message: SubscribeMessage) -> None:
        unknown = [name for name in message.names if not _is_event_name(name)]
        if unknown or not message.names:
            known = ", ".join(EVENT_NAMES)
            reason = (
                f"Unknown event name{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(repr(n) for n in unknown)}"
                if unknown
                else "No event name given"
            )
            self._answer(
                frame,
                "subscribe",
                message.reference_id,
                error=f"{reason}. Subscribe to {known} or messenger:<channel>.",
            )
            return
        subscription_id = self.frames.subscribe(frame, frozenset(message.names))
        self._send(frame, envelopes.subscribe_response(message.reference_id, subscription_id, message.names))
        self.log.write(
            Direction.REQUEST,
            frame.origin,
            frame.id,
            "subscribe",
            f"{subscription_id}: {', '.join(message.names)}",
            True,
        )

    def _unsubscribe(self, frame: Frame, message: UnsubscribeMessage) -> None:
        if frame.subscriptions.pop(str(message.subscription_id), None) is None:
            self._answer(
                frame,
                "unsubscribe",
                message.reference_id,
                error=f"Unknown subscription id {message.subscription_id!r} for this frame.",
            )
        else:
            self._answer(frame, "unsubscribe", message.reference_id, data=True)

    # -- sending -----------------------------------------------------------------------------

    def publish(self, topic: str, data: Any, to_frame: int | None = None) -> int:
        """Send an event to every frame subscribed to `topic` (or to that one frame, when it
        is subscribed); answers how many got it."""
        frames = self.frames.subscribed_to(topic)
        if to_frame is not None:
            frames = [frame for frame in frames if frame.id == to_frame]
        if not frames:
            return 0
        message = envelopes.event_message(topic, data)
        delivered = sum(1 for frame in frames if self._send(frame, message))
        if self.log.active:
            event_type = data.get("eventType", "") if isinstance(data, dict) else ""
            self.log.write(
                Direction.EVENT,
                ", ".join(frame.origin for frame in frames),
                None,
                f"{topic} {event_type}".strip(),
                f"to frame{'s' if len(frames) > 1 else ''} {', '.join(str(f.id) for f in frames)}",
                True,
            )
        return delivered

    def _on_domain_event(self, event: DomainEvent) -> None:
        if event.topic in EVENT_NAMES:  # not the desktop's own redraw notices
            self.publish(event.topic, self.policy.readable_copy(event.data), event.to_frame)

    def _answer(
        self,
        frame: Frame,
        name: str,
        reference_id: Any,
        *,
        data: Any = None,
        error: str | None = None,
    ) -> None:
        if error is None:
            reply = envelopes.success_response(name, reference_id, self.policy.readable_copy(data))
        else:
            reply = envelopes.failure_response(name, reference_id, error)
        self._send(frame, reply)
        if self.log.active:
            self.log.write(Direction.REQUEST, frame.origin, frame.id, name, error or "ok", error is None)

    def _refuse(self, frame_key: int, origin: str, name: str, reference_id: Any, reason: str) -> None:
        self.log.write(Direction.REFUSED, origin, frame_key, name, reason, False)
        if origin != NULL_ORIGIN and self._transport is not None:
            self._transport.send(frame_key, envelopes.failure_response(name, reference_id, reason))

    def _send(self, frame: Frame, message: Message) -> bool:
        if frame.origin == NULL_ORIGIN:
            # An opaque origin can be produced by anyone: it is never a reply target.
            self.log.write(
                Direction.IGNORED, frame.origin, frame.id, "-", "no reply to the origin 'null'", False
            )
            return False
        if self._transport is None or self._transport.send(frame.id, message):
            return True
        self.frames.remove(frame.id)  # its window is gone
        return False


def _name_of(message: Malformed | RequestMessage | SubscribeMessage | UnsubscribeMessage) -> str:
    if isinstance(message, RequestMessage):
        return message.name
    if isinstance(message, SubscribeMessage):
        return "subscribe"
    if isinstance(message, UnsubscribeMessage):
        return "unsubscribe"
    return message.request or "-"


def _is_event_name(name: str) -> bool:
    return name in EVENT_NAMES or (name.startswith(MESSENGER_PREFIX) and len(name) > len(MESSENGER_PREFIX))
