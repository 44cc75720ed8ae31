"""The service in a host page of one's own (the loader's `startService`): every frame of the
page (iframes made before or after, popups it opens) served by the same broker, security
policy, events and wire format as the simulated desktop, with no simulator UI. The page's own
layout decides what `system.amIVisible` answers: an app is visible while its iframe is drawn on
screen in a visible page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from wwe_scapi.browser.scenario import run_scenario
from wwe_scapi.clock import Clock
from wwe_scapi.compat import page_platform
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.service import Service
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.service.logrecord import LogRecord
from wwe_scapi.service.setup import configure
from wwe_scapi.transports.postmessage import PostMessageServiceTransport
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.description import read_description

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform


class EmbeddingError(ValueError):
    """startService was asked for something it will not do; the message says what to change."""


class PageSurface:
    """What amIVisible and relative URLs ask of a host page: its iframes as they are drawn."""

    def __init__(self, transport: PostMessageServiceTransport) -> None:
        self._transport = transport

    def is_visible(self, frame_id: int) -> bool:
        return self._transport.shown(frame_id)[0] == "visible"

    def url_of(self, frame_id: int, origin: str) -> str | None:
        src = self._transport.shown(frame_id)[1]
        if src is None:
            return None
        parts = urlsplit(src)
        return src if f"{parts.scheme}://{parts.netloc}" == origin else None


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


@dataclass(slots=True)
class EmbeddedService:
    """The running service of a host page (the loader keeps it as `window.wweService`)."""

    service: Service
    transport: PostMessageServiceTransport
    record: LogRecord

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace

    def log_json(self, since: int = 0) -> str:
        return json.dumps(self.record.entries(int(since)), default=str)

    def scenario_json(self, name: str, arguments_json: str = "{}") -> str:
        """A scenario step of the simulated contact centre (service.scenario in the page)."""
        return json.dumps(run_scenario(self.workspace, name, json.loads(arguments_json)), default=str)

    def close(self) -> None:
        """Stop serving: the page's frames get no more answers."""
        self.transport.close()
        self.record.close()


def start(config: Mapping[str, Any], platform: Platform | None = None, clock: Clock | None = None) -> EmbeddedService:
    """Serve this page's frames: `config` is startService's ({"options": {key: value},
    "workspace": a workspace description (docs/workspace-file.md), "strict": bool,
    "allowAnyOrigin": bool}); the simulated contact centre behind it."""
    page = platform or page_platform()
    options = dict(config.get("options") or {})
    accepted_origins(options, bool(config.get("allowAnyOrigin")))
    described = config.get("workspace")
    description = read_description(described, "startService's workspace") if described is not None else None
    workspace, policy = configure(options, clock, description)
    transport = PostMessageServiceTransport(page)
    log = ProtocolLog(workspace.clock)
    record = LogRecord(log)
    service = Service(workspace, policy, transport, surface=PageSurface(transport), log=log, strict=bool(config.get("strict")))
    return EmbeddedService(service, transport, record)
