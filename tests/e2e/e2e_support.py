"""Helpers shared by the end-to-end tests (a module name of its own: two conftest modules would clash)."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Frame, Page

from wwe_scapi.cli.server import RunningSite

BOOT_TIMEOUT_MS = 90_000


@dataclass
class Desktop:
    page: Page
    site: RunningSite
    app_urls: list[str]

    def frame(self, index: int) -> Frame:
        """The frame of the index-th embedded app, once it has navigated there."""
        url = self.app_urls[index]
        while True:
            for frame in self.page.frames:
                if frame.url == url:
                    return frame
            # The sync API dispatches events only inside calls: no navigation slips between.
            self.page.wait_for_event("framenavigated", timeout=BOOT_TIMEOUT_MS)

    def py(self, target: Page | Frame, code: str) -> Any:
        """Run Python (top-level await allowed) in that window's Pyodide; the code's last
        expression must be JSON text, which is decoded here."""
        return json.loads(target.evaluate("code => window.pyodide.runPythonAsync(code)", code))

    def run(self, target: Page | Frame, code: str) -> Any:
        """Run Python in that window (top-level await allowed); the value of its last
        expression comes back, through JSON."""
        code = code.strip()
        last = ast.parse(code).body[-1]
        if not isinstance(last, ast.Expr):
            raise ValueError("the code must end with an expression")
        lines = code.splitlines()
        body = "\n".join(lines[: last.lineno - 1])
        expression = "\n".join(lines[last.lineno - 1 :])
        return self.py(target, f"import json\n{body}\njson.dumps(\n{expression}\n)")

    def failure(self, target: Page | Frame, call: str) -> str | None:
        """The errorMessage that `await <call>` fails with in that app; None when it succeeds."""
        return self.run(
            target,
            f"""
from wwe_scapi.client import RequestFailed
try:
    await {call}
    failure = None
except RequestFailed as error:
    failure = error.error_message
failure""",
        )

    def wait_for_list(self, target: Page | Frame, name: str, count: int) -> list[Any]:
        """Wait until the Python list `name` in that window holds `count` items; return it.
        Interval polling: animation frames do not run in background tabs."""
        target.wait_for_function(
            f"(window.pyodide.globals.get({name!r}) || []).length >= {count}", polling=20, timeout=BOOT_TIMEOUT_MS
        )
        return self.py(target, f"import json\njson.dumps({name})")

    def service_py(self, code: str) -> Any:
        return self.py(self.page, "import js\nhost = js.wweDesktop\n" + code)


def send_requests(app: Frame, steps: list[tuple[str, list[Any] | None]]) -> list[list[Any]]:
    """Send each request from a plain-JS test app (window.request), one after the other, with
    its parameters (None: no `parameters` key); answers [request, errorMessage or None, data]
    per step, as each reply has them."""
    return list(
        app.evaluate(
            """async (steps) => {
  const out = [];
  for (const [name, parameters] of steps) {
    const reply = (await window.request(name, parameters === null ? undefined : parameters)).data;
    out.push([reply.request, reply.errorMessage || null, reply.data === undefined ? null : reply.data]);
  }
  return out;
}""",
            [[name, parameters] for name, parameters in steps],
        )
    )


def app_url(site: RunningSite, origin_index: int, app: str) -> str:
    return f"{site.origins[origin_index]}/test-apps/{app}"


