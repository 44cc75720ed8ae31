"""The transport contract (tests/contract/transport_contract.py) on the postMessage transport in
Chromium: the service's side in a page on one origin, app windows in iframes on two others,
each with its own Pyodide, over the real postMessage and the real JavaScript bridges."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from e2e_support import BOOT_TIMEOUT_MS
from playwright.sync_api import Frame, Page

from transport_contract import CHECKS, Harness, Received
from wwe_scapi.cli.server import RunningSite

WAIT_MS = 20_000
POLL_MS = 20  # interval polling: animation frames may not run in iframes


@dataclass
class Window:
    element_id: str
    frame: Frame


class ChromiumHarness:
    def __init__(self, page: Page, site: RunningSite) -> None:
        self.page = page
        self.app_origins = [site.origins[1], site.origins[2]]
        self._count = 0
        self._posted = 0  # messages the windows posted to the service's page
        page.goto(f"{site.origins[0]}/test-apps/contract-host.html")
        page.wait_for_function("window.contractReady === true", timeout=BOOT_TIMEOUT_MS)

    # -- Python in a window, JSON across ------------------------------------------------------

    @staticmethod
    def _python(target: Page | Frame, code: str, value: Any = None) -> Any:
        """Run `code` in that window's Pyodide with `value` as `given` (JSON); its `result` back."""
        text = target.evaluate(
            """([code, given]) => {
  pyodide.globals.set("given_json", given);
  pyodide.runPython("import json\\ngiven = json.loads(given_json)\\nresult = None\\n" + code);
  return pyodide.runPython("json.dumps(result)");
}""",
            [code, json.dumps(value)],
        )
        return json.loads(text)

    def origin(self, origin_index: int) -> str:
        return self.app_origins[origin_index]

    def open_window(self, origin_index: int) -> Window:
        self._count += 1
        element_id = f"frame-{self._count}"
        url = f"{self.app_origins[origin_index]}/test-apps/contract-window.html?window={self._count}"
        with self.page.expect_event("framenavigated", predicate=lambda frame: frame.url == url, timeout=WAIT_MS):
            self.page.evaluate(
                """([id, url]) => {
  const frame = document.createElement("iframe");
  frame.id = id;
  frame.src = url;
  document.body.append(frame);
}""",
                [element_id, url],
            )
        frame = self._frame_of(element_id)
        frame.wait_for_function("window.contractReady === true", timeout=BOOT_TIMEOUT_MS, polling=POLL_MS)
        return Window(element_id, frame)

    def _frame_of(self, element_id: str) -> Frame:
        handle = self.page.query_selector(f"#{element_id}")
        assert handle is not None
        frame = handle.content_frame()
        assert frame is not None
        return frame

    def post(self, window: Window, message: Any) -> None:
        self._posted += 1
        self._python(window.frame, "transport.post(given)", message)

    def post_then_change(self, window: Window, message: dict[str, Any], key: str, value: Any) -> None:
        self._posted += 1
        self._python(window.frame, "transport.post(given[0])\ngiven[0][given[1]] = given[2]", [message, key, value])

    def post_cyclic(self, window: Window, request: str, reference_id: str) -> None:
        self._posted += 1
        window.frame.evaluate(
            """([request, referenceId]) => {
  const message = {request, referenceId};
  message.self = message;
  parent.postMessage(message, "*");
}""",
            [request, reference_id],
        )

    def service_got(self, count: int) -> list[Received]:
        self.page.wait_for_function(
            f"pyodide.globals.get('received').length >= {count}", timeout=WAIT_MS, polling=POLL_MS
        )
        return [tuple(entry) for entry in self._python(self.page, "result = received")]  # type: ignore[misc]

    def window_got(self, window: Window, count: int) -> list[Any]:
        window.frame.wait_for_function(f"pyodide.globals.get('got').length >= {count}", timeout=WAIT_MS, polling=POLL_MS)
        return list(self._python(window.frame, "result = got"))

    def drain(self) -> None:
        self.page.wait_for_function(f"window.probe >= {self._posted}", timeout=WAIT_MS, polling=POLL_MS)

    def send(self, key: int, message: dict[str, Any]) -> bool:
        return bool(self._python(self.page, "result = transport.send(given[0], given[1])", [key, message]))

    def send_all(self, keys: list[int], message: dict[str, Any]) -> list[int]:
        code = 'result = transport.send_all(given[0], given[1])\ngiven[1]["n"] = "changed"'
        return [int(key) for key in self._python(self.page, code, [keys, message])]

    def renew(self, key: int) -> int | None:
        renewed = self._python(self.page, "result = transport.renew(given)", key)
        return None if renewed is None else int(renewed)

    def send_then_change(self, key: int, message: dict[str, Any], field: str, value: Any) -> bool:
        code = "result = transport.send(given[0], given[1])\ngiven[1][given[2]] = given[3]"
        return bool(self._python(self.page, code, [key, message, field, value]))

    def close_window(self, window: Window) -> None:
        self.page.evaluate("id => document.getElementById(id).remove()", window.element_id)

    def navigate(self, window: Window, origin_index: int) -> None:
        self._count += 1
        url = f"{self.app_origins[origin_index]}/test-apps/contract-window.html?window={self._count}"
        with self.page.expect_event("framenavigated", predicate=lambda frame: frame.url == url, timeout=WAIT_MS):
            self.page.evaluate("([id, url]) => { document.getElementById(id).src = url; }", [window.element_id, url])
        window.frame = self._frame_of(window.element_id)
        window.frame.wait_for_function("window.contractReady === true", timeout=BOOT_TIMEOUT_MS, polling=POLL_MS)

    def close_service(self) -> None:
        self._python(self.page, "transport.close()")


@pytest.mark.parametrize("check", CHECKS, ids=[check.__name__.removeprefix("check_") for check in CHECKS])
def test_the_transport_contract_in_chromium(page: Page, site: RunningSite, check: Callable[[Harness], None]) -> None:
    check(ChromiumHarness(page, site))
