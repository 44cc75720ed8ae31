"""Booting the service on the desktop page: the postMessage transport, the desktop UI, and the
page's one entry point for driving the simulation from outside (`window.wweScenario`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wwe_scapi.browser.desktop import DesktopView
from wwe_scapi.browser.dom import Dom
from wwe_scapi.browser.embed import serve_page
from wwe_scapi.browser.logposter import LogPoster
from wwe_scapi.browser.scenario import SCENARIO_METHODS, run_scenario  # noqa: F401 (tests import them from here)
from wwe_scapi.browser.tabsbridge import TAB_BRIDGE_JS
from wwe_scapi.browser.tokensource import PageSignerSource
from wwe_scapi.clock import Clock, SharedTimeClock
from wwe_scapi.compat import page_platform
from wwe_scapi.service import Service
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.service.logrecord import LogRecord
from wwe_scapi.service.setup import configure
from wwe_scapi.tabs import TabSession
from wwe_scapi.tabs.election import first_frame_id
from wwe_scapi.transports.postmessage import PostMessageServiceTransport
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.description import read_description
from wwe_scapi.workspace.webcontent import Placement, WebContent, web_contents

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform
    from wwe_scapi.tabs.bridge import TabBridge

logger = logging.getLogger(__name__)



@dataclass(slots=True)
class DesktopHost:
    """The running desktop: what `start` built, handed back to the page (the loader keeps it
    as `window.wweDesktop`)."""

    service: Service
    view: DesktopView
    transport: PostMessageServiceTransport
    record: LogRecord
    session: TabSession | None = None  # this tab among the desktop's tabs (None: the only tab)

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace

    def log_json(self, since: int = 0) -> str:
        """The protocol log's entries numbered `since` or later, as JSON (window.wweLog)."""
        return json.dumps(self.record.entries(int(since)), default=str)

    def interactions_json(self) -> str:
        """This tab's interactions in wire form, as JSON (window.wweInteractions)."""
        return json.dumps(self.workspace.interaction_list(), default=str)


def desktop_apps(config: Mapping[str, Any], workspace: Workspace) -> list[WebContent]:
    """The apps of `config` as tabs, then the web content the options describe."""
    apps = [
        WebContent(app.get("title") or app["url"], app["url"], app.get("title") or app["url"], Placement.TAB)
        for app in config.get("apps", [])
    ]
    return apps + web_contents(workspace.configuration)


def start(config: Mapping[str, Any], platform: Platform | None = None, clock: Clock | None = None) -> DesktopHost:
    """Serve the Agent Workspace on this page with the options and apps of `config`
    ({"options": {key: value}, "apps": [{"title", "url"}], "strict": bool, "auth": {"key": path},
    "log": path to post the protocol log to, "workspace": a workspace description},
    as `wwe-scapi serve` writes it; the loader adds "site" (its own folder), "origin" (the page's)
    and "tab", the tab's number it drew: this page is then one of the desktop's tabs, sharing
    one contact centre with the others).
    `platform` and `clock` are the page's and the machine's unless given (tests)."""
    page = platform or page_platform()
    tab = config.get("tab")
    number = tab if isinstance(tab, int) and not isinstance(tab, bool) and tab > 0 else None
    if number is not None and clock is None:
        clock = SharedTimeClock()  # deadlines pass from tab to tab
    described = config.get("workspace")  # serve --workspace FILE.toml, checked by the server already
    description = read_description(described, "the workspace of /config.json") if described is not None else None
    workspace, policy = configure(dict(config.get("options", {})), clock, description)
    session = _join_tabs(page, number, workspace) if number is not None else None
    views: list[DesktopView] = []

    def desktop_view(transport: PostMessageServiceTransport, log: ProtocolLog) -> DesktopView:
        views.append(DesktopView(
            workspace, log, desktop_apps(config, workspace), transport, Dom(page), policy.origins.describe(), session
        ))
        return views[0]

    # The embedding API's service, with the simulator's views as the page's surface.
    served = serve_page(
        page,
        workspace,
        policy,
        desktop_view,
        strict=bool(config.get("strict")),
        first_key=first_frame_id(session.number) if session is not None else 1,
        tabs=session,
        signer=_token_signer(config, page),
    )
    service, transport, record, view = served.service, served.transport, served.record, views[0]
    if config.get("log"):  # serve --log FILE: the server takes the log's JSON lines
        LogPoster(record, page, workspace.clock, str(config["log"]))
    view.render()
    # window.wweScenario(name, {keyword: value}): drives the simulated contact centre from
    # outside, e.g. Playwright's page.evaluate; in a tab that does not lead, it answers a
    # promise of the leader's result.
    page.expose("wweScenario", lambda name, arguments=None: run_scenario(service.workspace, name, arguments, session))
    if session is not None:
        session.start()
    return DesktopHost(service, view, transport, record, session)


def _token_signer(config: Mapping[str, Any], page: Platform) -> PageSignerSource | None:
    """The signer of auth.getJwtToken when the server has a key for this desktop (`auth.key`);
    the loader adds where its files are (`site`) and the page's origin, the tokens' issuer."""
    auth = config.get("auth")
    if not isinstance(auth, Mapping) or not auth.get("key"):
        logger.warning("the server gave this desktop no signing key: auth.getJwtToken is refused")
        return None
    return PageSignerSource(page, str(config.get("site") or "/"), str(auth["key"]), str(config.get("origin") or ""))


def _join_tabs(page: Platform, number: int, workspace: Workspace) -> TabSession | None:
    """This tab's session, on the page's tab bridge; None when the browser cannot join tabs."""
    joined: list[TabSession] = []

    def bridge(receive: Callable[[str], None], granted: Callable[[], None]) -> TabBridge:
        made = page.tab_bridge(TAB_BRIDGE_JS, receive, granted, lambda: joined[0].activity(), lambda: joined[0].close())
        if made is None:
            raise _NoTabs
        return made

    try:
        joined.append(TabSession(number, workspace, bridge))
    except _NoTabs:
        logger.warning("this browser has no BroadcastChannel or Web Locks here: the desktop runs in this tab alone")
        return None
    return joined[0]


class _NoTabs(Exception):
    pass
