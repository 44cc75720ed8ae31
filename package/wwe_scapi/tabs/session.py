"""One desktop tab among several sharing one contact centre.

Every tab runs its own broker for its own frames. The leader (the tab holding the Web Lock)
owns the contact centre: it applies every change, whoever asked (an app in any tab, the
agent at any tab's controls, a scenario step), and after each burst of changes posts the
whole state with the events it raised to the other tabs. They keep it as a replica: their
views and their takeover start from it, and they publish the events to their own frames. A
follower's requests and actions go to the leader as commands, answered when it has applied
them; commands still open when a leader goes are sent again to the next one, which answers
those its predecessor already applied from the ledger handed over with the state."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.service.pending import Outcome, Pending
from wwe_scapi.tabs.actions import resolve
from wwe_scapi.tabs.election import FrameState
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import DomainEvent
from wwe_scapi.workspace.plainreads import PLAIN_READS
from wwe_scapi.workspace.system import DESKTOP_TOPIC

if TYPE_CHECKING:
    from wwe_scapi.clock import Timer
    from wwe_scapi.service.broker import Service
    from wwe_scapi.service.context import RequestContext
    from wwe_scapi.tabs.bridge import BridgeFactory
    from wwe_scapi.workspace import Workspace

logger = logging.getLogger(__name__)


def _snapshot() -> ModuleType:
    """tabs/snapshot.py, imported on the first hand-over, not at start-up: pickle costs a
    Pyodide page ~40 ms to import."""
    from wwe_scapi.tabs import snapshot

    return snapshot

# Answered by the tab the calling frame is in: about that tab, or tab to tab.
LOCAL_REQUESTS: Final = frozenset(
    {
        "system.getAllowedServices",
        "system.amIVisible",
        "system.isFrameLeading",
        "system.isFrameFollowing",
        "system.isFrameNegotiating",
        "system.isFrameLeadingOrNegotiating",
        "system.isLastActiveFrame",
        "messenger.broadcastMessage",
    }
)
# Reads a following tab answers from its replica (the leader hands the state over before it
# answers a command, so a tab reads its own writes): no trip to the leader. Held behind this
# tab's commands still open, so that a frame's requests keep their order.
REPLICA_READS: Final = PLAIN_READS
LEDGER_SIZE: Final = 512  # answers of applied commands kept for a leader's successor
TABS_NOTICE: Final = "tabs"  # the desktop notice: the last active tab changed


@dataclass(slots=True)
class SharedTabs:
    """What the tabs agree on besides the workspace, handed over with it."""

    last_active: int | None = None  # the tab the agent used last
    tabs: set[int] = field(default_factory=set)  # the open tabs the leader knows of
    ledger: dict[str, Outcome] = field(default_factory=dict)  # "tab:command" -> its answer


class _Warned:
    """Stands for a `warn` callback in a command: the leader collects, the caller replays."""


class TabSession:
    """This tab's membership: its election state, its replica, its commands to the leader."""

    def __init__(self, number: int, workspace: Workspace, bridge: BridgeFactory) -> None:
        self.number = number
        self.workspace = workspace
        self.state = FrameState.NEGOTIATING
        self.leader: int | None = None
        self.shared = SharedTabs()
        self._service: Service | None = None
        self._last_command = 0
        self._open: dict[int, tuple[dict[str, Any], Pending]] = {}  # sent, not answered yet
        self._gone: set[int] = set()  # tabs that said goodbye
        self._batch: list[DomainEvent] = []
        self._flush_timer: Timer | None = None
        self._applying = False
        self._listeners: list[Callable[[], None]] = []
        self._bridge = bridge(self._receive, self._granted)
        workspace.subscribe(self._on_event)

    # -- the broker's side (service.tablink.TabLink) ------------------------------------------

    def attach(self, service: Service) -> None:
        self._service = service

    def start(self) -> None:
        """Ask who leads, and queue for the lead."""
        self._post({"kind": "hello"})
        self._bridge.request_lead()

    def close(self) -> None:
        """The tab goes: the others hear it at once (the lead passes on when the page is gone)."""
        self._post({"kind": "bye"})
        self._bridge.close()

    def frame_state(self) -> str:
        return self.state.value

    def is_last_active(self) -> bool:
        return self.shared.last_active == self.number

    @property
    def leading(self) -> bool:
        return self.state is FrameState.LEADING

    def route(self, context: RequestContext, name: str, parameters: list[Any]) -> Pending | None:
        """None when this tab serves the request; else the leader's answer, to come."""
        if self.leading or name in LOCAL_REQUESTS:
            return None
        if name in REPLICA_READS and self.state is FrameState.FOLLOWING and not self._open:
            return None
        return self._command(
            {
                "op": "request",
                "frame": context.frame_id,
                "origin": context.origin,
                "page": context.page_url(),
                "visible": context.is_visible(),
                "name": name,
                "parameters": parameters,
            }
        )

    def broadcast(self, topic: str, data: Any, but: int) -> None:
        """A messenger message for the frames of the other tabs (this tab's are served here)."""
        self._post({"kind": "publish", "topic": topic, "data": data, "but": but})

    # -- the desktop's side ------------------------------------------------------------------

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Told when this tab's frameState, the leader or the last active tab changes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def call(self, path: str, *arguments: Any, **keywords: Any) -> Any:
        """workspace.<path>(...) applied by the leader: its result here, at once in the leader,
        else as a Pending settled with the result (a WorkspaceError is its failure)."""
        if self.leading:
            return resolve(self.workspace, path)(*arguments, **keywords)
        warns = [value for value in (*arguments, *keywords.values()) if callable(value)]
        plain = tuple(_Warned() if callable(value) else value for value in arguments)
        named = {key: _Warned() if callable(value) else value for key, value in keywords.items()}
        sent = self._command({"op": "call", "path": path, "arguments": _snapshot().dumps(self.workspace, (plain, named))})
        answer = Pending()

        def settled(outcome: Outcome) -> None:
            if not outcome.ok:
                answer.settle(outcome)
                return
            result, warned = _snapshot().loads(self.workspace, outcome.data)
            for stray, treatment in warned:
                for warn in warns:
                    warn(stray, treatment)
            answer.resolve(result)

        sent.then(settled)
        return answer

    def activity(self) -> None:
        """The agent used this tab (a click, a key, focus): it becomes the last active tab."""
        if self.shared.last_active == self.number:
            return
        if self.leading:
            self._set_last_active(self.number)
        else:
            self._command({"op": "active"})

    # -- tab messages --------------------------------------------------------------------------

    def _post(self, message: dict[str, Any]) -> None:
        self._bridge.post(json.dumps({**message, "tab": self.number}))

    def _receive(self, text: str) -> None:
        try:
            message = json.loads(text)
            handler = getattr(self, "_on_" + str(message["kind"]))
            sender = int(message["tab"])
        except (ValueError, KeyError, TypeError, AttributeError):
            logger.warning("tab %d: a message from another tab it cannot read: %.200s", self.number, text)
            return
        if sender != self.number:
            handler(sender, message)

    def _on_hello(self, sender: int, _message: dict[str, Any]) -> None:
        self._gone.discard(sender)
        if self.leading:
            self.shared.tabs.add(sender)
            self._post({"kind": "leader"})
            self._flush()

    def _on_leader(self, sender: int, _message: dict[str, Any]) -> None:
        if self.leading:  # cannot happen with one lock; never follow while holding it
            logger.error("tab %d leads, yet tab %d says it leads", self.number, sender)
            return
        if self.leader is not None and self.leader != sender:
            # A new leader, heard before the old one's goodbye (or the old one crashed): apps
            # see the change as always, NEGOTIATING then FOLLOWING.
            self._set_state(FrameState.NEGOTIATING)
        self.leader = sender
        self._set_state(FrameState.FOLLOWING)
        for command, _pending in self._open.values():
            self._post({"kind": "command", **command})

    def _on_state(self, sender: int, message: dict[str, Any]) -> None:
        if self.leading or sender != self.leader:
            return
        state, shared, events = _snapshot().loads(self.workspace, message["snapshot"])
        self._applying = True
        try:
            _snapshot().restore(self.workspace, state)
            self.shared = shared
            for event in events:
                self.workspace.events.emit(event.topic, event.data, event.to_frame)
        finally:
            self._applying = False
        self._tell()

    def _on_bye(self, sender: int, _message: dict[str, Any]) -> None:
        self._gone.add(sender)
        if self.leading:
            self._forget_tabs({sender})
        elif sender == self.leader:
            self.leader = None
            self._set_state(FrameState.NEGOTIATING)

    def _on_command(self, sender: int, message: dict[str, Any]) -> None:
        if not self.leading:
            return  # sent to a leader that has gone: the sender sends it again to the next
        self._apply(sender, message, lambda outcome: self._reply(sender, message["id"], outcome))

    def _on_reply(self, _sender: int, message: dict[str, Any]) -> None:
        if message.get("to") != self.number:
            return
        entry = self._open.pop(int(message["id"]), None)
        if entry is not None:
            entry[1].settle(Outcome(message.get("data"), message.get("error"), tuple(message.get("warnings", ()))))

    def _on_publish(self, _sender: int, message: dict[str, Any]) -> None:
        if self._service is not None:
            self._service.publish(str(message["topic"]), message["data"], but=int(message["but"]))

    def _reply(self, to: int, command_id: int, outcome: Outcome) -> None:
        self._post(
            {"kind": "reply", "to": to, "id": command_id, "data": outcome.data, "error": outcome.error, "warnings": list(outcome.warnings)}
        )

    # -- commands --------------------------------------------------------------------------------

    def _command(self, command: dict[str, Any]) -> Pending:
        self._last_command += 1
        command = {**command, "id": self._last_command}
        pending = Pending()
        self._open[self._last_command] = (command, pending)
        if self.leader is not None and not self.leading:
            self._post({"kind": "command", **command})
        return pending

    def _apply(self, sender: int, command: dict[str, Any], answer: Callable[[Outcome], None]) -> None:
        """Apply a command once (the ledger answers one applied before), hand the state to
        the other tabs, then answer."""
        key = f"{sender}:{command['id']}"
        done = self.shared.ledger.get(key)
        if done is not None:
            answer(done)
            return
        outcome = self._execute(sender, command)

        def applied(settled: Outcome) -> None:
            self.shared.ledger[key] = settled
            while len(self.shared.ledger) > LEDGER_SIZE:
                del self.shared.ledger[next(iter(self.shared.ledger))]
            self._flush()
            answer(settled)

        if isinstance(outcome, Pending):
            outcome.then(applied)
        else:
            applied(outcome)

    def _execute(self, sender: int, command: dict[str, Any]) -> Outcome | Pending:
        op = command.get("op")
        if op == "request" and self._service is not None:
            return self._service.serve_forwarded(
                int(command["frame"]), str(command["origin"]), command.get("page"), bool(command.get("visible")),
                str(command["name"]), list(command["parameters"]),
            )
        if op == "call":
            return self._call_here(str(command["path"]), str(command["arguments"]))
        if op == "active":
            self._set_last_active(sender)
            return Outcome(True)
        return Outcome(error=f"a command this tab does not know: {op!r}")

    def _call_here(self, path: str, arguments: str) -> Outcome:
        warned: list[tuple[str, str]] = []

        def collect(stray: str, treatment: str) -> None:
            warned.append((stray, treatment))

        try:
            plain, named = _snapshot().loads(self.workspace, arguments)
            plain = [collect if isinstance(value, _Warned) else value for value in plain]
            named = {key: collect if isinstance(value, _Warned) else value for key, value in named.items()}
            result = resolve(self.workspace, path)(*plain, **named)
            return Outcome(_snapshot().dumps(self.workspace, (result, warned)))
        except WorkspaceError as refusal:
            return Outcome(error=refusal.message)
        except Exception as error:  # a bug must not stop the leader serving the others
            logger.exception("tab %d: %s for another tab failed", self.number, path)
            return Outcome(error=f"Internal error in the leader tab while doing {path}: {type(error).__name__}: {error}")

    # -- the lead --------------------------------------------------------------------------------

    def _granted(self) -> None:
        """This tab holds the lead now: it owns the contact centre, from its replica on."""
        if self.state is FrameState.FOLLOWING:  # the old leader went unannounced
            self._set_state(FrameState.NEGOTIATING)
        self.leader = self.number
        self.shared.tabs.add(self.number)
        if self.shared.last_active is None:
            self.shared.last_active = self.number
        self._set_state(FrameState.LEADING)
        self._forget_tabs(self._gone)
        self._post({"kind": "leader"})
        self._flush()
        for command_id, (command, pending) in list(self._open.items()):
            del self._open[command_id]
            self._apply(self.number, command, pending.settle)

    def _forget_tabs(self, gone: set[int]) -> None:
        self.shared.tabs -= gone
        if self.shared.last_active in gone:
            self._set_last_active(self.number)

    def _set_last_active(self, tab: int) -> None:
        if self.shared.last_active != tab:
            self.shared.last_active = tab
            self.workspace.events.emit(DESKTOP_TOPIC, {"eventType": TABS_NOTICE})
            self._tell()

    def _set_state(self, state: FrameState) -> None:
        if state is self.state:
            return
        self.state = state
        logger.info("tab %d: %s", self.number, state.value)
        if self._service is not None:
            self._service.publish("system", {"frameState": state.value})
        self._tell()

    def _tell(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- the state, to the other tabs ---------------------------------------------------------

    def _on_event(self, event: DomainEvent) -> None:
        if self._applying:
            return
        if not self.leading:
            logger.warning(
                "tab %d is not the leader but its replica changed (%s %s): the change is lost "
                "when the leader's state comes; apply it through TabSession.call",
                self.number, event.topic, event.data.get("eventType", ""),
            )
            return
        if self.shared.tabs <= {self.number} and not self._batch:
            return  # no other tab to tell (the flush would drop it): no timer in the event's task
        self._batch.append(event)
        if self._flush_timer is None:
            self._flush_timer = self.workspace.clock.call_later(0, self._flush)

    def _flush(self) -> None:
        """The whole state and the events since the last one, to every other tab."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        if not self.leading:
            return
        events, self._batch = self._batch, []
        if self.shared.tabs <= {self.number}:
            return  # no other tab to tell: a tab that opens later says hello, and gets the state then
        state = _snapshot().dumps(self.workspace, (_snapshot().state_of(self.workspace), self.shared, events))
        self._post({"kind": "state", "snapshot": state})

