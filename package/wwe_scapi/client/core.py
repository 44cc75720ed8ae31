"""The client's engine: reference ids, pending requests, timeouts, responses and events."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wwe_scapi.client.errors import ClientClosed, RequestFailed, RequestTimeout
from wwe_scapi.clock import Clock, SystemClock, Timer
from wwe_scapi.client.reply import Reply
from wwe_scapi.protocol.messages import APP_REPORT_KEY
from wwe_scapi.protocol.constants import (
    CLIENT_USER_AGENT,
    DEFAULT_TIMEOUT_SECONDS,
    PROTOCOL_VERSION,
    REQUEST_TIMEOUT_MESSAGE,
    USER_AGENT_MARK,
)

if TYPE_CHECKING:
    from wwe_scapi.transports.base import ClientTransport

logger = logging.getLogger(__name__)
Message = dict[str, Any]
Callback = Callable[[Message], Any]
_TIMER_SLACK = 0.002  # browser timers may fire a little early: such deadlines count as due
EventHandler = Callable[[Message], Any | Awaitable[Any]]
# on_error(exception, message): an app's handler or callback raised while handling `message`.
ErrorHook = Callable[[BaseException, Message], Any]


@dataclass(slots=True)
class Subscription:
    """A live subscription: its id from the service, its event names and handler."""

    id: str
    names: tuple[str, ...]
    handler: EventHandler = field(repr=False)

    def wants(self, event: str) -> bool:
        return event in self.names


@dataclass(slots=True)
class _Pending:
    request: str
    future: Reply[Any]
    deadline: float
    waits: float  # the timeout it was sent with
    succeeded: Callback | None
    failed: Callback | None
    on_success: Callable[[Message], Any] | None = None


class ClientCore:
    """Sends requests and routes what comes back, exactly as the vendor client does."""

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
        self.transport = transport
        self.report_errors = report_errors
        self.clock: Clock = clock or SystemClock()
        self.timeout = timeout
        self.frame_id: Any = None
        self.on_string: Callable[[str], Any] | None = None
        self.on_error = on_error
        self.closed: str | None = None  # why the client was closed, once it is
        self._loop = loop
        self._prefix = reference_prefix
        self._counter = 0
        self._pending: dict[str, _Pending] = {}
        self._subscriptions: dict[str, Subscription] = {}
        # One timer for the earliest deadline, not one per request: in Pyodide each timer is
        # a JS setTimeout with a proxy, which would sit on every round trip.
        self._timer: Timer | None = None
        self._timer_due = float("inf")
        transport.start(self.receive, self.close)

    def close(self, reason: str = "the client was closed") -> None:
        """Stop: every pending request fails at once (ClientClosed), and so will any new one."""
        if self.closed is not None:
            return
        self.closed = reason
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_due = None, float("inf")
        pending, self._pending = self._pending, {}
        self._subscriptions.clear()
        for waiting in pending.values():
            self._fail_closed(waiting.request, waiting.future, waiting.failed)

    def _fail_closed(self, request: str, future: Reply[Any], failed: Callback | None) -> None:
        text = f"{self.closed} before an answer came"
        self._settle_failure(request, future, {"request": request, "errorMessage": text}, failed, closed=True)

    # -- requests ------------------------------------------------------------------------------

    def call(
        self,
        request: str,
        *parameters: Any,
        succeeded: Callback | None = None,
        failed: Callback | None = None,
    ) -> Reply[Any]:
        """Send `request`; the future gives the response's `data` or raises RequestFailed."""
        message: Message = {"request": request}
        if parameters:
            message["parameters"] = list(parameters)
        return self._send(message, request, succeeded, failed)

    def subscribe(
        self,
        names: str | Iterable[str],
        handler: EventHandler,
        *,
        succeeded: Callback | None = None,
        failed: Callback | None = None,
    ) -> Reply[Subscription]:
        """Subscribe to events; `handler(message)` gets each whole event message."""
        wanted = (names,) if isinstance(names, str) else tuple(names)

        def register(response: Message) -> Subscription:
            subscription = Subscription(str(response.get("subscriptionId")), wanted, handler)
            self._subscriptions[subscription.id] = subscription
            return subscription

        message: Message = {"event": "subscribe", "data": list(wanted)}
        return self._send(message, "subscribe", succeeded, failed, register)

    def unsubscribe(
        self,
        subscription: Subscription | str,
        *,
        succeeded: Callback | None = None,
        failed: Callback | None = None,
    ) -> Reply[Any]:
        """Stop a subscription; its handler gets no further events from now on."""
        subscription_id = subscription.id if isinstance(subscription, Subscription) else subscription
        self._subscriptions.pop(subscription_id, None)
        message: Message = {"event": "unsubscribe", "data": subscription_id}
        return self._send(message, "unsubscribe", succeeded, failed)

    def _send(
        self,
        message: Message,
        request: str,
        succeeded: Callback | None,
        failed: Callback | None,
        on_success: Callable[[Message], Any] | None = None,
    ) -> Reply[Any]:
        loop = self._loop or _current_loop()
        reference_id = f"{self._prefix}{self._counter}"
        self._counter += 1
        message["referenceId"] = reference_id
        message["userAgent"] = CLIENT_USER_AGENT
        message["protocolVersion"] = PROTOCOL_VERSION
        if self.frame_id is not None:
            message["frameId"] = self.frame_id
        future: Reply[Any] = Reply(loop)
        if self.closed is not None:
            self._fail_closed(request, future, failed)
            return future
        deadline = self.clock.monotonic() + self.timeout
        self._pending[reference_id] = _Pending(request, future, deadline, self.timeout, succeeded, failed, on_success)
        if deadline < self._timer_due:
            self._arm_timer(deadline)
        try:
            self.transport.post(message)
        except Exception as error:
            self._pending.pop(reference_id)
            failure = {"request": request, "errorMessage": f"Could not post the request: {error}"}
            self._settle_failure(request, future, failure, failed)
        return future

    # -- receiving -----------------------------------------------------------------------------

    def receive(self, message: Any) -> None:
        """Route one message from the service window, as the vendor client does."""
        if isinstance(message, str):
            if message.startswith("wwe") and self.on_string is not None:
                self.on_string(message)
            return
        if not isinstance(message, dict):
            return
        user_agent = message.get("userAgent")
        if not isinstance(user_agent, str) or USER_AGENT_MARK not in user_agent:
            return
        if message.get("event"):
            self._dispatch_event(message)
        elif message.get("referenceId"):
            self._settle(message)
        elif "frameId" in message:
            self.frame_id = message["frameId"]

    def _settle(self, message: Message) -> None:
        pending = self._pending.pop(str(message["referenceId"]), None)
        if pending is None:
            return  # another client's response on the same page, or one that timed out
        outcome = {key: value for key, value in message.items() if key != "referenceId"}
        if "errorMessage" in message:
            self._settle_failure(pending.request, pending.future, outcome, pending.failed)
            return
        result = pending.on_success(message) if pending.on_success else message.get("data")
        # Callbacks first: the awaiting task may resume the moment the reply is set.
        self._run_callback(pending.succeeded, outcome)
        if not pending.future.done():
            pending.future.set_result(result)

    def _arm_timer(self, due: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer_due = due
        self._timer = self.clock.call_later(due - self.clock.monotonic(), self._expire_due)

    def _expire_due(self) -> None:
        """Fail every request past its deadline; re-arm for the next one still waiting."""
        self._timer, self._timer_due = None, float("inf")
        now = self.clock.monotonic() + _TIMER_SLACK
        for reference_id, pending in list(self._pending.items()):
            if pending.deadline <= now:
                del self._pending[reference_id]
                failure = {"request": pending.request, "errorMessage": REQUEST_TIMEOUT_MESSAGE}
                self._settle_failure(pending.request, pending.future, failure, pending.failed, waited=pending.waits)
        if self._pending:
            self._arm_timer(min(p.deadline for p in self._pending.values()))

    def _settle_failure(
        self,
        request: str,
        future: Reply[Any],
        outcome: Message,
        failed: Callback | None,
        waited: float | None = None,
        closed: bool = False,
    ) -> None:
        """`waited` is given for a timeout, `closed` when the client was closed."""
        self._run_callback(failed, outcome)
        if not future.done():
            error_message = outcome.get("errorMessage")
            error: RequestFailed
            if waited is not None:
                error = RequestTimeout(request, error_message, outcome, waited, self.transport.destination)
            elif closed:
                error = ClientClosed(request, error_message, outcome)
            else:
                error = RequestFailed(request, error_message, outcome)
            future.set_exception(error)

    def _dispatch_event(self, message: Message) -> None:
        name = message["event"]
        for subscription in list(self._subscriptions.values()):
            if subscription.wants(name):
                self._run_callback(subscription.handler, message)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    @property
    def subscriptions(self) -> list[Subscription]:
        return list(self._subscriptions.values())


    def _run_callback(self, callback: Callable[[Message], Any] | None, message: Message) -> None:
        """Call app code; an exception there (or in the coroutine it returns) is reported,
        never swallowed and never allowed to break routing."""
        if callback is None:
            return
        try:
            result = callback(message)
            if isinstance(result, Awaitable):
                task = asyncio.ensure_future(result)
                task.add_done_callback(lambda done: self._report_task(done, message))
        except Exception as error:
            self.report(error, message)

    def _report_task(self, task: asyncio.Future[Any], message: Message) -> None:
        if not task.cancelled() and task.exception() is not None:
            self.report(task.exception(), message)  # type: ignore[arg-type]

    def _report_to_service(self, error: BaseException, what: str) -> None:
        """Tell the desktop (wwe-scapi's own app report; the real Agent Workspace ignores it),
        which shows it on the app's tab and in its protocol log."""
        text = f"while handling {what}:\n" + "".join(traceback.format_exception(error))
        try:
            self.transport.post({APP_REPORT_KEY: "handler", "text": text})
        except Exception:
            logger.debug("wwe-scapi: the app report could not be posted", exc_info=True)

    def report(self, error: BaseException, message: Message) -> None:
        """An app's handler raised: to the console (logging), and to `on_error` when set."""
        what = message.get("event") or message.get("request") or "a message"
        logger.error("wwe-scapi: an app handler raised while handling %s", what, exc_info=error)
        if self.report_errors and self.closed is None:
            self._report_to_service(error, str(what))
        if self.on_error is None:
            return
        try:
            self.on_error(error, message)
        except Exception:
            logger.exception("wwe-scapi: on_error itself raised")


def _current_loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop()
