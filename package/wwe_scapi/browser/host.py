"""Booting the service on the desktop page: the postMessage transport, the desktop UI, and the
page's one entry point for driving the simulation from outside (`window.wweScenario`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wwe_scapi.browser.desktop import DesktopView
from wwe_scapi.browser.dom import Dom
from wwe_scapi.clock import Clock
from wwe_scapi.compat import page_platform
from wwe_scapi.service import Service
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.service.setup import configure
from wwe_scapi.transports.postmessage import PostMessageServiceTransport
from wwe_scapi.workspace import Workspace
from wwe_scapi.workspace.interactions import Interaction
from wwe_scapi.workspace.scenario import Scenario
from wwe_scapi.workspace.webcontent import Placement, WebContent, web_contents

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

# The scenario methods Playwright (or a person in the console) may call through wweScenario.
SCENARIO_METHODS = frozenset(name for name in vars(Scenario) if not name.startswith("_"))


@dataclass(slots=True)
class DesktopHost:
    """The running desktop: what `start` built, handed back to the page (the loader keeps it
    as `window.wweDesktop`)."""

    service: Service
    view: DesktopView
    transport: PostMessageServiceTransport

    @property
    def workspace(self) -> Workspace:
        return self.service.workspace


def run_scenario(workspace: Workspace, name: str, arguments: Mapping[str, Any] | None = None) -> Any:
    """One scenario step by name with keyword arguments; an interaction comes back in wire form."""
    if name not in SCENARIO_METHODS:
        raise ValueError(f"Unknown scenario step {name!r}. Steps: {', '.join(sorted(SCENARIO_METHODS))}.")
    result = getattr(workspace.scenario, name)(**dict(arguments or {}))
    return result.to_wire() if isinstance(result, Interaction) else result


def desktop_apps(config: Mapping[str, Any], workspace: Workspace) -> list[WebContent]:
    """The apps of `config` as tabs, then the web content the options describe."""
    apps = [
        WebContent(app.get("title") or app["url"], app["url"], app.get("title") or app["url"], Placement.TAB)
        for app in config.get("apps", [])
    ]
    return apps + web_contents(workspace.configuration)


def start(config: Mapping[str, Any], platform: Platform | None = None, clock: Clock | None = None) -> DesktopHost:
    """Serve the Agent Workspace on this page with the options and apps of `config`
    ({"options": {key: value}, "apps": [{"title", "url"}], "strict": bool}, as `wwe-scapi
    serve` writes it).
    `platform` and `clock` are the page's and the machine's unless given (tests)."""
    page = platform or page_platform()
    workspace, policy = configure(dict(config.get("options", {})), clock)
    transport = PostMessageServiceTransport(page)
    log = ProtocolLog(workspace.clock)
    view = DesktopView(
        workspace, log, desktop_apps(config, workspace), transport, Dom(page), policy.origins.describe()
    )
    service = Service(workspace, policy, transport, surface=view, log=log, strict=bool(config.get("strict")))
    view.render()
    # window.wweScenario(name, {keyword: value}): drives the simulated contact centre from
    # outside, e.g. Playwright's page.evaluate.
    page.expose("wweScenario", lambda name, arguments=None: run_scenario(service.workspace, name, arguments))
    return DesktopHost(service, view, transport)
