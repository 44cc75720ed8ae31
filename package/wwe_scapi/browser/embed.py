"""The service in a host page of one's own (the loader's `startService`): every frame of the
page (iframes made before or after, popups it opens) served by the same broker, security
policy, events and wire format as the simulated desktop, with no simulator UI. The page's own
layout decides what `system.amIVisible` answers: an app is visible while its iframe is drawn on
screen in a visible page."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wwe_scapi.browser.scenario import run_scenario
from wwe_scapi.clock import Clock, Timer
from wwe_scapi.compat import page_platform
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.service import Service
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.service.handlers.centre import HANDLERS as CENTRE_HANDLERS
from wwe_scapi.service.simulated import SimulatedCentre
from wwe_scapi.service.logrecord import LogRecord
from wwe_scapi.service.setup import configure
from wwe_scapi.transports.postmessage import PostMessageServiceTransport
from wwe_scapi.workspace import DomainEvent, Workspace
from wwe_scapi.workspace.description import read_description
from wwe_scapi.workspace.params import origin_of
from wwe_scapi.workspace.system import DESKTOP_TOPIC

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform
    from wwe_scapi.service.centre import ContactCentre
    from wwe_scapi.security.policy import SecurityPolicy
    from wwe_scapi.service.signing import SignerSource
    from wwe_scapi.service.surface import FrameSurface
    from wwe_scapi.service.tablink import TabLink


logger = logging.getLogger(__name__)


class EmbeddingError(ValueError):
    """startService was asked for something it will not do; the message says what to change."""


class PageSurface:
    """What amIVisible and relative URLs ask of a host page: its iframes as they are drawn."""

    def __init__(self, transport: PostMessageServiceTransport, serve_frame: Any = None) -> None:
        """`serve_frame(iframe element or None, origin) -> bool`: the page's own say on which
        frames are served, besides the security options (startService's serveFrame)."""
        self._transport = transport
        self._serve_frame = serve_frame

    def refusal(self, frame_id: int, origin: str) -> str | None:
        if self._serve_frame is None or self._transport.admits(frame_id, self._serve_frame):
            return None
        return f"This page does not serve that frame of {origin} (its serveFrame said no)."

    def is_visible(self, frame_id: int) -> bool:
        return self._transport.shown(frame_id)[0] == "visible"

    def url_of(self, frame_id: int, origin: str) -> str | None:
        src = self._transport.shown(frame_id)[1]
        return src if src is not None and origin_of(src) == origin.lower() else None


def accepted_origins(options: Mapping[str, Any], allow_any_origin: bool) -> str:
    """The origins option, which a host page must give: never `*` by accident."""
    value = next((options[key] for key in options if key.split("/")[-1] == ORIGINS_OPTION), None)
    if value is None or not str(value).strip():
        raise EmbeddingError(
            f"startService: say which origins are served: options[{ORIGINS_OPTION!r}], e.g. "
            "'https://crm.example, https://notes.example (agent.*)' (docs/embedding.md)"
        )
    if str(value).strip() == "*" and not allow_any_origin:
        raise EmbeddingError(
            f"startService: {ORIGINS_OPTION} is '*', which serves any page of any site; "
            "list the origins, or pass allowAnyOrigin: true if that is what you mean"
        )
    return str(value)


def own_centre(centre: Any) -> ContactCentre | None:
    """The page's contact centre, checked to answer at least one request: anything else is
    refused by name before any frame is served."""
    if centre is None:
        return None
    methods = sorted(handler.method for handler in CENTRE_HANDLERS.values())
    if not any(callable(getattr(centre, method, None)) for method in methods):
        raise EmbeddingError(
            f"startService: the centre {centre!r} answers no request: a contact centre has methods named "
            f"after them ({', '.join(methods[:4])}, ...: service/centre.py, docs/embedding.md)"
        )
    if not callable(getattr(centre, "subscribe", None)):
        logger.warning("the page's contact centre %r has no subscribe(sink): it publishes no events", centre)
    return centre  # type: ignore[no-any-return]


VIEW_KINDS = ("toasts", "dialogs", "menu-bar")


def views_of(workspace: Workspace, kind: str) -> list[dict[str, Any]]:
    """What the page shows of one kind, as plain data: the open toasts (with their buttons in
    display order), dialogs, or menu-bar views."""
    system = workspace.system
    if kind == "toasts":
        return [
            {**toast.parameters, "id": toast.id, "owner": toast.owner, "buttons": [[choice, label] for choice, label in toast.buttons()]}
            for toast in system.toasts.toasts.values()
        ]
    if kind == "dialogs":
        return [
            {"id": d.id, "owner": d.owner, "url": d.url, "label": d.label, "width": d.width, "height": d.height}
            for d in system.dialogs.dialogs.values()
        ]
    return [dict(view) for view in system.menu_bar.views.values()]


class PageViews:
    """Hands toasts, dialogs and menu-bar views to the host page's callbacks (JSON text of
    `views_of`) each time they change; and lets time act at the workspace's deadlines (a
    toast's auto-hide, auto-answer, inactivity), as the desktop's status view does."""

    def __init__(self, workspace: Workspace, callbacks: Mapping[str, Callable[[str], Any]]) -> None:
        self._workspace = workspace
        self._callbacks = {kind: callbacks[kind] for kind in VIEW_KINDS if callable(callbacks.get(kind))}
        self._timer: Timer | None = None
        self.stop = workspace.subscribe(self._on_event)

    def _on_event(self, event: DomainEvent) -> None:
        if event.topic == DESKTOP_TOPIC and event.data.get("eventType") in self._callbacks:
            kind = event.data["eventType"]
            self._callbacks[kind](json.dumps(views_of(self._workspace, kind), default=str))
        # A deadline may come with the event, or just after it (auto-answer registers after
        # ADDED): look once this turn is over.
        self._workspace.clock.call_later(0, self._schedule)

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        due = self._workspace.next_deadline()
        if due is not None:
            self._timer = self._workspace.clock.call_later(max(0.0, due - self._workspace.clock.monotonic()) + _SLACK_S, self._tick)

    def _tick(self) -> None:
        self._timer = None
        self._workspace.tick()
        self._schedule()


_SLACK_S = 0.01  # wake just after a deadline, not just before it


@dataclass(slots=True)
class EmbeddedService:
    """The running service of a host page (the loader keeps it as `window.wweService`)."""

    service: Service
    transport: PostMessageServiceTransport
    record: LogRecord
    views: PageViews

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace

    def log_json(self, since: int = 0) -> str:
        return json.dumps(self.record.entries(int(since)), default=str)

    def click_toast(self, toast_id: str, choice: str | int) -> str:
        """The agent clicked a toast's button in the page's drawing of it (`choice`: a custom
        button's index, "show", "dismiss" or "ok", as the toast's `buttons` list them): a custom
        button is told to the frame that opened it. JSON {clicked, bringForward: the owner frame
        id when the page should show that app, else null}."""
        outcome = self.workspace.system.click_toast(str(toast_id), choice)
        if outcome is None:
            return json.dumps({"clicked": False, "bringForward": None})
        return json.dumps({"clicked": True, "bringForward": outcome.toast.owner if outcome.bring_forward else None})

    def scenario_json(self, name: str, arguments_json: str = "{}") -> str:
        """A scenario step of the simulated contact centre (service.scenario in the page)."""
        if not isinstance(self.service.centre, SimulatedCentre):
            raise EmbeddingError(
                f"service.scenario({name!r}): scenario steps drive the simulated contact centre, and this page "
                f"serves its own ({type(self.service.centre).__name__}): make the change in that system instead"
            )
        return json.dumps(run_scenario(self.workspace, name, json.loads(arguments_json)), default=str)

    def close(self) -> None:
        """Stop serving: the page's frames get no more answers."""
        self.transport.close()
        self.record.close()
        self.views.stop()


@dataclass(slots=True)
class PageService:
    """The service of a page and what serves it: both entry points (startService, and
    startDesktop, its consumer with the simulator's views) build it with `serve_page`."""

    service: Service
    transport: PostMessageServiceTransport
    log: ProtocolLog
    record: LogRecord


def serve_page(
    page: Platform,
    workspace: Workspace,
    policy: SecurityPolicy,
    surface: Callable[[PostMessageServiceTransport, ProtocolLog], FrameSurface],
    *,
    strict: bool = False,
    first_key: int = 1,
    tabs: TabLink | None = None,
    signer: SignerSource | None = None,
    centre: ContactCentre | None = None,
) -> PageService:
    """Serve `page`'s frames: the postMessage transport (window keys from `first_key`), the
    protocol log and its record, the surface made for them (the page's layout: PageSurface, or
    the desktop's views), and the service over `workspace` under `policy`, its requests
    answered by `centre` (the simulated contact centre over `workspace` without). The record
    names a frame's tab when the surface can (`tab_of`)."""
    transport = PostMessageServiceTransport(page, first_key)
    log = ProtocolLog(workspace.clock)
    shown = surface(transport, log)
    record = LogRecord(log, tab_of=getattr(shown, "tab_of", None))
    service = Service(
        workspace, policy, transport, surface=shown, log=log, strict=strict, tabs=tabs, signer=signer, centre=centre
    )
    return PageService(service, transport, log, record)


def start(config: Mapping[str, Any], platform: Platform | None = None, clock: Clock | None = None) -> EmbeddedService:
    """Serve this page's frames: `config` is startService's ({"options": {key: value},
    "workspace": a workspace description (docs/workspace-file.md), "strict": bool,
    "allowAnyOrigin": bool, "views": {"toasts" | "dialogs" | "menu-bar": callback(JSON text)},
    "centre": the page's own ContactCentre (service/centre.py)); the simulated contact centre
    behind it without one."""
    page = platform or page_platform()
    options = dict(config.get("options") or {})
    accepted_origins(options, bool(config.get("allowAnyOrigin")))
    described = config.get("workspace")
    description = read_description(described, "startService's workspace") if described is not None else None
    centre = own_centre(config.get("centre"))
    if centre is not None and description is not None:
        raise EmbeddingError(
            "startService: give a workspace description (the simulated contact centre's) or a centre of your own, not both"
        )
    workspace, policy = configure(options, clock, description)
    serve_frame = config.get("serveFrame")
    served = serve_page(
        page, workspace, policy, lambda transport, _log: PageSurface(transport, serve_frame),
        strict=bool(config.get("strict")), centre=centre,
    )
    views = PageViews(workspace, dict(config.get("views") or {}))
    return EmbeddedService(served.service, served.transport, served.record, views)
