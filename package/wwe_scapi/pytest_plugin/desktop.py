"""The handle a test gets from `wwe_desktop(...)`: the desktop's Playwright page, its apps'
frames, the scenario steps, the interactions and the protocol log as data, all through the
desktop page's own API (window.wweScenario, window.wweLog, window.wweInteractions)."""

from __future__ import annotations

import ast
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from playwright.sync_api import ConsoleMessage, Frame, Page
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from wwe_scapi.cli.server import RunningSite
from wwe_scapi.pytest_plugin.sites import EmbeddedApp, origin_of
from wwe_scapi.workspace.scenario import Scenario

POLL_MS: Final = 20  # condition polling: animation frames stall in background tabs
STEPS: Final = frozenset(name for name in vars(Scenario) if not name.startswith("_"))
# Ready: the desktop's service, then each app iframe loaded, and a Python app (one that called
# the loader's startApp) through its boot, or failed.
DESKTOP_READY: Final = "window.wweDesktopReady === true || window.wweDesktopFailed !== undefined"
APP_READY: Final = (
    "document.readyState === 'complete' && "
    "(window.wweAppStarting !== true || window.wweAppReady === true || window.wweAppFailed !== undefined)"
)


class DesktopError(AssertionError):
    """The desktop or an app did not come up, or a step of the simulation was refused."""


@dataclass(slots=True)
class ConsoleLine:
    origin: str  # of the document that wrote it
    type: str  # log, warning, error, pageerror...
    text: str

    def __str__(self) -> str:
        return f"[{self.type}] {self.text}"


class ScenarioSteps:
    """`desktop.scenario.<step>(**kwargs)`: a step of the simulated contact centre, run in the
    desktop page; an interaction comes back as a dict in wire form."""

    def __init__(self, page: Page) -> None:
        self._page = page

    def __getattr__(self, name: str) -> Any:
        if name not in STEPS:
            raise AttributeError(f"no scenario step {name!r}; the steps are: {', '.join(sorted(STEPS))}")

        def step(**arguments: Any) -> Any:
            try:
                return self._page.evaluate("([name, args]) => window.wweScenario(name, args)", [name, arguments])
            except PlaywrightError as error:
                raise DesktopError(f"scenario step {name}({_arguments(arguments)}) failed: {_first_line(error)}") from None

        step.__name__ = name
        step.__doc__ = getattr(Scenario, name).__doc__
        return step

    def __dir__(self) -> list[str]:
        return sorted(STEPS)


def _arguments(arguments: dict[str, Any]) -> str:
    return ", ".join(f"{key}={value!r}" for key, value in arguments.items())


def _first_line(error: BaseException) -> str:
    """The Python error inside a Playwright error's text: its last non-empty line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    python = [line for line in lines if line.startswith(("WorkspaceError", "ValueError", "TypeError", "KeyError"))]
    return python[-1] if python else (lines[0] if lines else type(error).__name__)


class WweDesktop:
    """One simulated Agent Workspace in a fresh browser context, with its apps booted."""

    def __init__(self, page: Page, site: RunningSite, apps: Sequence[EmbeddedApp], timeout_s: float) -> None:
        self.page = page
        self.site = site
        self.apps = list(apps)
        self.timeout_s = timeout_s
        self.scenario = ScenarioSteps(page)
        self.console_lines: list[ConsoleLine] = []
        self._seen = 0  # wait_for_request's cursor: log entries before it are matched already
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_lines.append(ConsoleLine(origin_of(page.url), "pageerror", str(error))))

    @property
    def url(self) -> str:
        return self.site.desktop + "/"

    def _on_console(self, message: ConsoleMessage) -> None:
        where = (message.location or {}).get("url") or self.page.url
        self.console_lines.append(ConsoleLine(origin_of(where), message.type, message.text))

    # -- opening ---------------------------------------------------------------------------

    def open(self) -> WweDesktop:
        """Load the desktop and wait for its service and every app; fail naming what did not come."""
        ms = self.timeout_s * 1000
        self.page.goto(self.url)
        try:
            self.page.wait_for_function(DESKTOP_READY, timeout=ms, polling=POLL_MS)
        except PlaywrightTimeout:
            raise DesktopError(f"the desktop at {self.url} was not ready within {self.timeout_s:g} s{self._console_tail()}") from None
        failed = self.page.evaluate("window.wweDesktopFailed")
        if failed is not None:
            raise DesktopError(f"the desktop failed to start: {failed}")
        for app in self.apps:
            frame = self.app(app.url)
            try:
                frame.wait_for_function(APP_READY, timeout=ms, polling=POLL_MS)
            except PlaywrightTimeout:
                raise DesktopError(
                    f"the app {app.title} ({app.url}) was not ready within {self.timeout_s:g} s{self._console_tail(origin_of(app.url))}"
                ) from None
            failure = frame.evaluate("window.wweAppFailed")
            if failure is not None:
                raise DesktopError(f"the app {app.title} ({app.url}) failed to start:\n{failure}")
        return self

    def _console_tail(self, origin: str | None = None, lines: int = 12) -> str:
        chosen = [line for line in self.console_lines if origin is None or line.origin == origin][-lines:]
        return "; its console:\n" + "\n".join(f"  {line}" for line in chosen) if chosen else ""

    # -- the apps --------------------------------------------------------------------------

    def app(self, url_or_origin: str) -> Frame:
        """The frame of an embedded app, by its URL, its origin, or its tab title."""
        wanted = self._find_app(url_or_origin)
        deadline_ms = self.timeout_s * 1000
        while True:
            for frame in self.page.frames:
                if frame.url == wanted.url and not frame.is_detached():
                    return frame
            try:
                # The sync API dispatches events only inside calls: no navigation slips between.
                self.page.wait_for_event("framenavigated", timeout=deadline_ms)
            except PlaywrightTimeout:
                raise DesktopError(f"the app {wanted.title} ({wanted.url}) has no frame in the desktop") from None

    def _find_app(self, key: str) -> EmbeddedApp:
        for test in (lambda app: app.url == key, lambda app: origin_of(app.url) == key.rstrip("/"), lambda app: app.title == key):
            found = [app for app in self.apps if test(app)]
            if len(found) > 1:
                raise DesktopError(f"{key!r} names several apps: {', '.join(app.url for app in found)}; give the URL")
            if found:
                return found[0]
        raise DesktopError(f"no app {key!r} in this desktop; its apps: {', '.join(f'{a.title} = {a.url}' for a in self.apps)}")

    def show(self, app: str) -> Frame:
        """Bring that app's tab to the front (as the agent clicks it), e.g. before clicking in
        it; its frame."""
        wanted = self._find_app(app)
        self.page.get_by_role("tab", name=wanted.title, exact=True).click()
        return self.app(wanted.url)

    def run_in_app(self, app: str, code: str) -> Any:
        """Run Python in that app's Pyodide (top-level `await` allowed; `service` is the app's
        client, `connect()`'s); the value of the code's last expression comes back, through JSON."""
        body, expression = _split_last_expression(textwrap.dedent(code).strip())
        program = (
            "import json as _json\nfrom wwe_scapi.browser.app import connect as _connect\nservice = _connect()\n"
            f"{body}\n_json.dumps(\n{expression}\n)"
        )
        frame = self.app(app)
        try:
            return json.loads(frame.evaluate("code => window.pyodide.runPythonAsync(code)", program))
        except PlaywrightError as error:
            raise DesktopError(f"run_in_app({app!r}) failed:\n{error}") from None

    def console(self, app: str | None = None) -> list[ConsoleLine]:
        """What the desktop page (app=None) or that app wrote to its console."""
        origin = origin_of(self.url) if app is None else origin_of(self._find_app(app).url)
        return [line for line in self.console_lines if line.origin == origin]

    # -- the contact centre and the log ----------------------------------------------------

    def interactions(self) -> list[dict[str, Any]]:
        """Every interaction of the desktop, in wire form."""
        return list(self.page.evaluate("window.wweInteractions()"))

    @property
    def log(self) -> list[dict[str, Any]]:
        """The protocol log, oldest first: dicts with seq, at, direction (request, event,
        refused, ignored, frame), origin, frame, tab, request, parameters, result, data, ok,
        warnings (docs/testing.md)."""
        return list(self.page.evaluate("window.wweLog()"))

    def wait_for_request(self, request: str, origin: str | None = None, timeout: float = 10) -> dict[str, Any]:
        """The log entry of `request` (from `origin`, or any) once the desktop has answered it
        or refused it. Each call matches an entry after the one the previous call returned, so
        two calls wait for two requests."""
        script = """([name, origin, since]) => window.wweLog(since).find((entry) =>
            (entry.direction === "request" || entry.direction === "refused")
            && entry.request === name && (origin === null || entry.origin === origin)) || false"""
        wanted = origin.rstrip("/") if origin is not None else None
        try:
            handle = self.page.wait_for_function(
                script, arg=[request, wanted, self._seen], timeout=timeout * 1000, polling=POLL_MS * 5
            )
        except PlaywrightTimeout:
            asked = f" from {wanted}" if wanted else ""
            recent = [f"{e['direction']} {e['request']} {e['origin']}" for e in self.log[-8:]]
            raise DesktopError(
                f"no {request}{asked} was answered within {timeout:g} s; the log's last entries: {recent}"
            ) from None
        entry: dict[str, Any] = handle.json_value()
        self._seen = int(entry["seq"]) + 1
        return entry

    def snapshot_for_report(self) -> dict[str, Any]:
        """What a failing test's report attaches (the log may be unreadable if the page died)."""
        try:
            log: Any = self.log
        except PlaywrightError as error:
            log = f"(the log could not be read: {_first_line(error)})"
        return {"url": self.url, "apps": [(app.title, app.url) for app in self.apps], "log": log}


def _split_last_expression(code: str) -> tuple[str, str]:
    tree = ast.parse(code)
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise ValueError("run_in_app: the code must end with an expression, whose value comes back")
    lines = code.splitlines()
    start = tree.body[-1].lineno - 1
    return "\n".join(lines[:start]), "\n".join(lines[start:])
