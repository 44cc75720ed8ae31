"""The broker: the frames it serves and what each subscribed to, one entry point for every
message they send, replies, event fan-out, and the protocol log of all of it.

A request's path: `receive` parses the message (protocol/messages.py), finds or makes the
frame (its origin judged once, its frame id announced once), `_request` has it admitted
(admission.py) and runs its handler (handlers/) with the frame's context, and `_answer`
sends the reply through the transport. Workspace events come back in `_on_domain_event`
and go out to the subscribed frames in `publish`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wwe_scapi.clock import Clock

from wwe_scapi.protocol import messages
from wwe_scapi.protocol.catalogue import EVENT_NAMES
from wwe_scapi.protocol.constants import MESSENGER_PREFIX
from wwe_scapi.protocol.messages import (
    AppReport,
    Ignored,
    Malformed,
    RequestMessage,
    SubscribeMessage,
    UnsubscribeMessage,
    parse_client_message,
)
from wwe_scapi.security.origins import NULL_ORIGIN, OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.userdata import filter_user_data_everywhere
from wwe_scapi.service.admission import Admission, Refusal, RefusalKind
from wwe_scapi.service.simulated import SimulatedCentre
from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.frames import Frame
from wwe_scapi.service.pending import Outcome, Pending
from wwe_scapi.service.handlers import ALL_HANDLERS
from wwe_scapi.service.keptreads import KEPT_READS, KeptAnswers
from wwe_scapi.service.surface import FrameSurface, MemorySurface
from wwe_scapi.transports.base import AnswerKeeper, Broadcaster
from wwe_scapi.workspace import DomainEvent, Workspace, WorkspaceError
from wwe_scapi.workspace.leniency import refuse, warning_text

if TYPE_CHECKING:
    from wwe_scapi.service.centre import ContactCentre
    from wwe_scapi.service.signing import SignerSource
    from wwe_scapi.service.tablink import TabLink
    from wwe_scapi.transports.base import ServiceTransport

# The desk's own event topic (toast clicks, the real-time connection): the workspace's, also
# when the page brings its own contact centre.
DESK_TOPIC = "system"

logger = logging.getLogger(__name__)
Message = dict[str, Any]

# -- the protocol log: one entry per message in or out, for the desktop's log panel and tests ---

class Direction(enum.StrEnum):
    REQUEST = "request"  # a request and its answer
    EVENT = "event"  # an event fanned out to subscribed frames
    REFUSED = "refused"  # refused by the security policy
    IGNORED = "ignored"  # not a Service Client API message, or one that cannot be answered
    FRAME = "frame"  # a window shows a new page: a new frame
    APP = "app"  # an app reported its own failure (its boot, an event handler), with the traceback


@dataclass(frozen=True, slots=True)
class LogEntry:
    direction: Direction
    origin: str
    frame: int | None
    request: str
    result: str
    ok: bool
    at: float  # wall time, seconds since the epoch
    warnings: tuple[str, ...] = ()  # how a served request strayed from the documented form
    parameters: Any = None  # a request's parameters, as the frame sent them
    data: Any = None  # a response's data or an event's, as sent (references, not copies)


LogSink = Callable[[LogEntry], None]


class ProtocolLog:
    """Fans log entries out to sinks; builds nothing when nobody listens."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._sinks: list[LogSink] = []

    def add(self, sink: LogSink) -> Callable[[], None]:
        self._sinks.append(sink)
        return lambda: self._sinks.remove(sink)

    @property
    def active(self) -> bool:
        return bool(self._sinks)

    def write(
        self,
        direction: Direction,
        origin: str,
        frame: int | None,
        request: str,
        result: str,
        ok: bool,
        warnings: tuple[str, ...] = (),
        parameters: Any = None,
        data: Any = None,
    ) -> None:
        if not self._sinks:
            return
        entry = LogEntry(direction, origin, frame, request, result, ok, self._clock.wall(), warnings, parameters, data)
        for sink in list(self._sinks):
            sink(entry)


# -- frames and the broker ----------------------------------------------------------------------


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
        strict: bool = False,
        tabs: TabLink | None = None,
        signer: SignerSource | None = None,
        centre: ContactCentre | None = None,
    ) -> None:
        """Starts serving at once: from now on `transport` hands every message to `receive`.
        `strict`: a request that strays from the documented form fails, instead of being
        served with a warning. `tabs`: this desktop tab's link to the others (the election,
        and the leader that serves what changes the contact centre); one tab alone without.
        `signer`: where this tab's auth.getJwtToken tokens are signed (none: refused).
        `centre`: the contact centre that answers the agent, media, interaction, ... requests
        (service/centre.py); the simulated one over `workspace` without. `workspace` is the
        desk's either way: toasts, dialogs, menu-bar views and tokens."""
        self.workspace = workspace or Workspace()
        self.centre: ContactCentre = centre if centre is not None else SimulatedCentre(self.workspace)
        self.signer = signer
        if isinstance(policy, OriginPolicy):
            policy = SecurityPolicy(origins=policy)
        self.policy = policy or SecurityPolicy()
        self.handlers = dict(handlers)
        self.admission = Admission(self.policy, self.handlers)
        self._readable = self.policy.readable if self.policy.readable.keys is not None else None
        self._transport = transport
        self._surface: FrameSurface = surface or MemorySurface()
        self.frames: dict[int, Frame] = {}
        self._renewed: dict[int, int] = {}  # an old window key -> the key of its new page
        self.strict = strict
        self.tabs = tabs
        self._warnings: list[str] = []  # of the request being served
        self._last_subscription = 0
        self.log = log or ProtocolLog(self.workspace.clock)
        simulated = isinstance(self.centre, SimulatedCentre) and self.centre.workspace is self.workspace
        # Plain reads answered again by the transport (keptreads.py): the simulated centre's only.
        # An event fanned out in one call (the message's JSON made once) when the transport can.
        self._send_all = transport.send_all if isinstance(transport, Broadcaster) else None
        self._kept: KeptAnswers | None = None
        if simulated and isinstance(transport, AnswerKeeper) and transport.keeps_answers:
            self._kept = KeptAnswers(transport)
            transport.on_repeated(self._answered_again)
            if tabs is not None:
                tabs.add_listener(self._forget_answers)
        if simulated:
            self.workspace.subscribe(self._on_domain_event)
        else:  # the desk's events from the workspace, the contact centre's from the centre
            self.workspace.subscribe(self._on_desk_event)
            subscribe = getattr(self.centre, "subscribe", None)
            if callable(subscribe):
                subscribe(self._on_centre_event)
        if tabs is not None:
            tabs.attach(self)
        if transport is not None:
            transport.start(self.receive)

    # -- receiving ---------------------------------------------------------------------------

    def receive(self, frame_id: int, origin: str, raw: Any) -> None:
        """Handle one message posted by a window: `frame_id` is the transport's key for it (its
        frame id once it is served); `raw` is JSON data, or an Unreadable the transport could
        not hand over as data."""
        message = parse_client_message(raw)
        if isinstance(message, Ignored):
            self.log.write(Direction.IGNORED, origin, None, "-", message.reason, False)
            return
        if isinstance(message, AppReport):
            self._app_reported(frame_id, origin, message)
            return
        frame_id = self._renewed.get(frame_id, frame_id)  # sent by a window before its key was renewed
        frame = self.frames.get(frame_id)
        if frame is None or frame.origin != origin:
            # A new window, or one that navigated to another origin: another client.
            refusal = self.admission.origin_refusal(origin) or self._page_refusal(frame_id, origin)
            if refusal is not None:
                self._refuse(frame_id, origin, _name_of(message), message.reference_id, refusal)
                return
            frame = self._add_frame(frame_id, origin)
            self._send(frame, messages.frame_id_message(frame.id))  # its frame id, once
        if not isinstance(message, Malformed) and frame.heard(message):
            frame = self._new_page(frame)
        if isinstance(message, RequestMessage):
            self._request(frame, message)
        elif isinstance(message, SubscribeMessage):
            self._subscribe(frame, message)
        elif isinstance(message, UnsubscribeMessage):
            self._unsubscribe(frame, message)
        else:
            self._answer(frame, _name_of(message), message.reference_id, error=message.reason)

    def _page_refusal(self, frame_id: int, origin: str) -> str | None:
        """The host page's own say on a new frame (a surface with `refusal`), after the policy's."""
        refusal = getattr(self._surface, "refusal", None)
        return refusal(frame_id, origin) if refusal is not None else None

    def _app_reported(self, key: int, origin: str, report: AppReport) -> None:
        """An app's own failure: on its tab and in the log when its origin is served; nothing
        is answered (the app is not waiting)."""
        frame_id = self._renewed.get(key, key)
        refusal = self.admission.origin_refusal(origin)
        if refusal is not None:
            self.log.write(Direction.IGNORED, origin, frame_id, "-", f"an app report from an origin not served: {refusal}", False)
            return
        self.log.write(Direction.APP, origin, frame_id, f"app {report.kind} failed", report.summary, False, data=report.text)
        shown = getattr(self._surface, "app_reported", None)
        if shown is not None:
            shown(frame_id, report.kind, report.text)

    def _new_page(self, old: Frame) -> Frame:
        """The window shows a new page: a new frame (new key, new frame id) for it; the old
        page's subscriptions end, those the new page made before it spoke are kept."""
        new_key = self._transport.renew(old.id) if self._transport is not None else None
        if new_key is None:
            return old
        for key, renewed in self._renewed.items():
            if renewed == old.id:
                self._renewed[key] = new_key
        self._renewed[old.id] = new_key
        del self.frames[old.id]
        frame = self._add_frame(new_key, old.origin)
        frame.subscriptions = old.kept_for_a_new_page()
        ended = len(old.subscriptions) - len(frame.subscriptions)
        self.log.write(
            Direction.FRAME,
            old.origin,
            old.id,
            "-",
            f"a new page in the window of frame {old.id}: it is frame {new_key}; "
            f"{ended} subscription{'s' if ended != 1 else ''} of the old page ended",
            True,
        )
        self._send(frame, messages.frame_id_message(frame.id))
        return frame

    def _context(
        self, frame_id: int, origin: str, is_visible: Callable[[], bool], page_url: Callable[[], str | None]
    ) -> RequestContext:
        """What a handler gets for that frame; where it is shown is the caller's to say."""
        return RequestContext(
            frame_id=frame_id,
            origin=origin,
            centre=self.centre,
            workspace=self.workspace,
            broadcast=lambda topic, data: self._broadcast(topic, data, frame_id),
            allowed_requests=lambda: self.admission.allowed_requests(origin),
            is_visible=is_visible,
            page_url=page_url,
            warn=self._warn,
            frame_state=self._frame_state,
            is_last_active=self._is_last_active,
            signer=lambda: self.signer,
            strict=self.strict,
        )

    def _add_frame(self, frame_id: int, origin: str) -> Frame:
        context = self._context(
            frame_id,
            origin,
            is_visible=lambda: bool(self._surface.is_visible(frame_id)),
            page_url=lambda: self._surface.url_of(frame_id, origin),
        )
        frame = Frame(frame_id, origin, context)
        self.frames[frame_id] = frame
        return frame

    def _broadcast(self, topic: str, data: Any, but: int) -> int:
        """To the other frames subscribed to `topic`, in every tab; answers how many in this one."""
        if self.tabs is not None:
            self.tabs.broadcast(topic, data, but)
        return self.publish(topic, data, but=but)

    def serve_forwarded(
        self, frame_id: int, origin: str, page_url: str | None, visible: bool, name: str, parameters: list[Any]
    ) -> Outcome | Pending:
        """Serve a request another tab admitted for one of its frames (this tab leads): the
        handler sees that frame as it was when the request was sent."""
        self._warnings = []
        context = self._context(frame_id, origin, is_visible=lambda: visible, page_url=lambda: page_url)
        return self.run_handler(context, name, parameters)

    def _frame_state(self) -> str:
        return self.tabs.frame_state() if self.tabs is not None else "LEADING"

    def _is_last_active(self) -> bool:
        return self.tabs.is_last_active() if self.tabs is not None else True

    def _warn(self, stray: str, treatment: str) -> None:
        if self.strict:
            refuse(stray)  # the request fails, before it changes anything
        self._warnings.append(warning_text(stray, treatment))

    def _request(self, frame: Frame, message: RequestMessage) -> None:
        name = message.name
        self._warnings = []
        try:
            spec, parameters = self.admission.admit(frame.origin, message, self._warn)
        except WorkspaceError as strict:
            self._answer(frame, name, message.reference_id, error=strict.message, parameters=message.parameters)
            return
        except Refusal as refusal:
            if refusal.kind is RefusalKind.POLICY:
                self._refuse(frame.id, frame.origin, name, message.reference_id, refusal.message)
            elif refusal.kind is RefusalKind.QUARANTINE:
                self.log.write(Direction.IGNORED, frame.origin, frame.id, name, refusal.message, False)
            else:
                self._answer(frame, name, message.reference_id, error=refusal.message, parameters=message.parameters)
            return
        kept_read = spec.canonical in KEPT_READS
        if self._kept is not None and not kept_read:
            self._forget_answers()  # it may change what a read answers
        forwarded = self.tabs.route(frame.context, spec.canonical, parameters) if self.tabs is not None else None
        if forwarded is not None:  # served by the leader tab
            warnings = tuple(self._warnings)
            forwarded.then(lambda outcome: self._settled(frame, message, outcome, warnings))
            return
        outcome = self.run_handler(frame.context, spec.canonical, parameters)
        if isinstance(outcome, Pending):
            warnings = tuple(self._warnings)
            outcome.then(lambda settled: self._settled(frame, message, settled, warnings))
        else:
            keep = kept_read and not outcome.warnings and self._may_keep(spec.canonical)
            self._settled(frame, message, outcome, (), keep)

    def run_handler(self, context: RequestContext, name: str, parameters: list[Any]) -> Outcome | Pending:
        """Run an admitted request's handler; its failures become the outcome's error. The
        warnings of the request so far are in the outcome (a Pending adds its own)."""
        try:
            data = self.handlers[name](context, *parameters)
        except (RequestError, WorkspaceError) as refusal:
            return Outcome(error=refusal.message, warnings=tuple(self._warnings))
        except Exception as error:  # a bug in a handler must never stop the service
            logger.exception("handler for %s failed", name)
            return Outcome(
                error=f"Internal error while handling {name}: {type(error).__name__}: {error}",
                warnings=tuple(self._warnings),
            )
        if isinstance(data, Pending):
            return data
        return Outcome(data, None, tuple(self._warnings))

    def _settled(
        self, frame: Frame, message: RequestMessage, outcome: Outcome, earlier: tuple[str, ...], keep: bool = False
    ) -> None:
        """Answer the request; `keep`: its success may be kept and given again (keptreads.py)."""
        warnings = earlier + outcome.warnings
        name, reference_id, parameters = message.name, message.reference_id, message.parameters
        if outcome.error is not None:
            self._answer(frame, name, reference_id, error=outcome.error, warnings=warnings, parameters=parameters)
        else:
            self._answer(
                frame, name, reference_id, data=outcome.data, warnings=warnings, parameters=parameters, keep=keep
            )

    def _may_keep(self, name: str) -> bool:
        """Would the same read again pass the same checks: no rate limit counts it, and this
        tab serves it (alone, or the leader)."""
        return (
            self._kept is not None
            and self.admission.unlimited(name)
            and (self.tabs is None or self.tabs.frame_state() == "LEADING")
        )

    def _forget_answers(self) -> None:
        if self._kept is not None:
            self._kept.forget()

    def _answered_again(self, given: list[tuple[int, int]]) -> None:
        """The transport gave these kept answers again (window key, token), in this order: the
        bookkeeping of serving them."""
        for key, token in given:
            kept = self._kept.get(token) if self._kept is not None else None
            frame = self.frames.get(key)
            if kept is None or frame is None:
                continue
            frame.announced = True  # the request carried its frame id
            if self.log.active:
                self.log.write(
                    Direction.REQUEST, frame.origin, frame.id, kept.name, "ok", True, (), kept.parameters, kept.data
                )

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
        self._last_subscription += 1  # ids unique per service, so no frame guesses another's
        subscription_id = f"subscription-{self._last_subscription}"
        frame.subscribed(subscription_id, frozenset(message.names), message)
        self._send(frame, messages.subscribe_response(message.reference_id, subscription_id, message.names))
        self.log.write(
            Direction.REQUEST,
            frame.origin,
            frame.id,
            "subscribe",
            f"{subscription_id}: {', '.join(message.names)}",
            True,
            parameters=list(message.names),
            data=subscription_id,
        )

    def _unsubscribe(self, frame: Frame, message: UnsubscribeMessage) -> None:
        frame.unclaimed.discard(str(message.subscription_id))
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

    def publish(self, topic: str, data: Any, to_frame: int | None = None, but: int | None = None) -> int:
        """Send an event to every frame subscribed to `topic` (or to that one frame, when it
        is subscribed), except the frame `but`; answers how many got it."""
        frames = [
            frame
            for frame in list(self.frames.values())
            if frame.is_subscribed(topic) and (to_frame is None or frame.id == to_frame) and frame.id != but
        ]
        if not frames:
            return 0
        message = messages.event_message(topic, data)
        delivered = self._fan_out(frames, message)
        if self.log.active:
            event_type = data.get("eventType", "") if isinstance(data, dict) else ""
            self.log.write(
                Direction.EVENT,
                ", ".join(frame.origin for frame in frames),
                None,
                f"{topic} {event_type}".strip(),
                f"to frame{'s' if len(frames) > 1 else ''} {', '.join(str(f.id) for f in frames)}",
                True,
                data=data,
            )
        return delivered

    def _on_domain_event(self, event: DomainEvent) -> None:
        self._forget_answers()  # every change of the workspace, its redraw notices included
        if event.topic in EVENT_NAMES:  # not the desktop's own redraw notices
            self.publish(event.topic, self._readable_copy(event.data), event.to_frame)

    def _on_desk_event(self, event: DomainEvent) -> None:
        """With a contact centre of the page's own, the workspace speaks for the desk only (its
        simulated agent and interactions are not the page's)."""
        if event.topic == DESK_TOPIC:
            self._on_domain_event(event)

    def _on_centre_event(self, event: Any) -> None:
        """An event of the page's contact centre: published as it is, or logged as ignored,
        saying why, when it is not one an app can subscribe to."""
        topic = getattr(event, "topic", None)
        data = getattr(event, "data", None)
        if not isinstance(topic, str) or not _is_event_name(topic) or not isinstance(data, dict):
            self.log.write(
                Direction.IGNORED, "-", None, str(topic),
                f"the contact centre published {event!r}: an event is a DomainEvent(topic, data) with topic one of "
                f"{', '.join(EVENT_NAMES)} and data an object",
                False,
            )
            return
        self.publish(topic, self._readable_copy(data), getattr(event, "to_frame", None))

    def _readable_copy(self, data: Any) -> Any:
        """`data` with every `userData` object limited to the readable keys (read allow-list)."""
        return data if self._readable is None else filter_user_data_everywhere(data, self._readable)

    def _answer(
        self,
        frame: Frame,
        name: str | None,
        reference_id: Any,
        *,
        data: Any = None,
        error: str | None = None,
        warnings: tuple[str, ...] = (),
        parameters: Any = None,
        keep: bool = False,
    ) -> None:
        readable = None
        token = 0
        if error is None:
            readable = self._readable_copy(data)
            reply = messages.success_response(name, reference_id, readable)
            if keep and self._kept is not None and name is not None:
                token = self._kept.token_for(name, parameters, readable)
        else:
            reply = messages.failure_response(name, reference_id, error)
        self._send(frame, reply, token)
        if self.log.active:
            self.log.write(
                Direction.REQUEST, frame.origin, frame.id, name or "-", error or "ok", error is None, warnings,
                parameters, readable,
            )

    def _refuse(self, frame_id: int, origin: str, name: str | None, reference_id: Any, reason: str) -> None:
        self.log.write(Direction.REFUSED, origin, frame_id, name or "-", reason, False)
        if origin != NULL_ORIGIN and self._transport is not None:
            self._transport.send(frame_id, messages.failure_response(name, reference_id, reason))

    def _fan_out(self, frames: list[Frame], message: Message) -> int:
        """How many of `frames` got `message`: in one call where the transport can (frames of
        the origin 'null' still go one by one, for their log entry)."""
        if self._send_all is None or len(frames) < 2:
            return sum(1 for frame in frames if self._send(frame, message))
        keys = [frame.id for frame in frames if frame.origin != NULL_ORIGIN]
        for frame in frames:
            if frame.origin == NULL_ORIGIN:
                self._send(frame, message)  # never sent: logged as such
        gone = self._send_all(keys, message) if keys else []
        for key in gone:
            self.frames.pop(key, None)  # its window is gone
        return len(keys) - len(gone)

    def _send(self, frame: Frame, message: Message, token: int = 0) -> bool:
        """`token`: the transport may keep it as the answer to the read being served."""
        if frame.origin == NULL_ORIGIN:
            # An opaque origin can be produced by anyone: it is never a reply target.
            self.log.write(
                Direction.IGNORED, frame.origin, frame.id, "-", "no reply to the origin 'null'", False
            )
            return False
        if self._transport is None:
            return True
        if token and self._kept is not None:
            sent = self._kept.send(frame.id, message, token)
        else:
            sent = self._transport.send(frame.id, message)
        if sent:
            return True
        self.frames.pop(frame.id, None)  # its window is gone
        return False


def _name_of(message: Malformed | RequestMessage | SubscribeMessage | UnsubscribeMessage) -> str | None:
    """The request name to answer with; None when the message gave none that can be read."""
    if isinstance(message, RequestMessage):
        return message.name
    if isinstance(message, SubscribeMessage):
        return "subscribe"
    if isinstance(message, UnsubscribeMessage):
        return "unsubscribe"
    return message.request


def _is_event_name(name: str) -> bool:
    return name in EVENT_NAMES or (name.startswith(MESSENGER_PREFIX) and len(name) > len(MESSENGER_PREFIX))
