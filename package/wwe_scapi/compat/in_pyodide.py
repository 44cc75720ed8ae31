"""The page, in Pyodide: the only module of wwe_scapi that imports `js` and `pyodide`."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import js
from pyodide.code import run_js
from pyodide.ffi import JsProxy, create_proxy, jsnull, to_js

from wwe_scapi.compat import javascript

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import (
        ClientBridge,
        ClientListener,
        Document,
        HostBridge,
        HostListener,
        TabBridgeHandle,
        Window,
    )


class _HostBridge:
    """The JavaScript host bridge, with JavaScript's null turned into None."""

    def __init__(self, bridge: Any, proxies: list[Any]) -> None:
        self._bridge = bridge
        self._proxies = proxies
        self.send: Callable[[int, str, int], bool] = bridge.send  # called as it is: the hot path
        self.send_all: Callable[[str, str], str] = bridge.sendAll

    def forget(self) -> None:
        self._bridge.forget()

    def place(self, key: int) -> str | None:
        place = self._bridge.place(key)
        return None if place is None or place is jsnull else str(place)

    def shown(self, key: int) -> str:
        return str(self._bridge.shown(key))

    def admits(self, key: int, predicate: Any) -> bool:
        return bool(self._bridge.admits(key, predicate))

    def focus(self, key: int) -> None:
        self._bridge.focus(key)

    def renew(self, key: int) -> int | None:
        renewed = self._bridge.renew(key)
        return None if renewed is None or renewed is jsnull else int(renewed)

    def close(self) -> None:
        self._bridge.close()
        for proxy in self._proxies:
            proxy.destroy()


class _ClientBridge:
    def __init__(self, bridge: Any, *proxies: Any) -> None:
        self._bridge = bridge
        self._proxies = proxies
        self.kind = str(bridge.kind)
        self.post: Callable[[str], None] = bridge.post

    def origin(self) -> str:
        return str(self._bridge.origin())

    def close(self) -> None:
        self._bridge.close()
        for proxy in self._proxies:
            proxy.destroy()


@functools.cache
def _post_text() -> Any:
    return run_js(javascript.POST_TEXT)


class _TabBridge:
    def __init__(self, bridge: Any, proxies: list[Any]) -> None:
        self._bridge = bridge
        self._proxies = proxies
        self.post: Callable[[str], None] = bridge.post

    def request_lead(self) -> None:
        self._bridge.requestLead()

    def close(self) -> None:
        self._bridge.close()
        for proxy in self._proxies:
            proxy.destroy()
        self._proxies = []


async def _converted(future: asyncio.Future[Any]) -> Any:
    return to_js(await future, dict_converter=js.Object.fromEntries)


def _to_python(value: Any) -> Any:
    if value is jsnull:
        return None
    return value.to_py() if isinstance(value, JsProxy) else value


class BrowserPlatform:
    """This page's document and JavaScript."""

    def __init__(self) -> None:
        self._kept: list[Any] = []  # proxies that live as long as the page

    @property
    def document(self) -> Document:
        document: Document = js.document
        return document

    def listener(self, function: Callable[..., Any]) -> Any:
        proxy = create_proxy(function)
        self._kept.append(proxy)
        return proxy

    def is_null(self, value: object) -> bool:
        return value is None or value is jsnull

    def host_bridge(self, source: str, receive: HostListener, repeated: Callable[[str], None]) -> HostBridge:
        proxies = [create_proxy(receive), create_proxy(repeated)]
        return _HostBridge(run_js(source)(*proxies), proxies)

    def client_bridge(
        self, source: str, target: Any, origin: str | None, receive: ClientListener, hidden: Callable[[], None]
    ) -> ClientBridge | None:
        proxy = create_proxy(receive)
        hidden_proxy = create_proxy(hidden)
        bridge = run_js(source)(target, origin, proxy, hidden_proxy)
        if bridge is None or bridge is jsnull:
            proxy.destroy()
            hidden_proxy.destroy()
            return None
        return _ClientBridge(bridge, proxy, hidden_proxy)

    def tab_bridge(
        self,
        source: str,
        receive: Callable[[str], None],
        granted: Callable[[], None],
        active: Callable[[], None],
        hidden: Callable[[], None],
    ) -> TabBridgeHandle | None:
        proxies = [create_proxy(function) for function in (receive, granted, active, hidden)]
        bridge = run_js(source)(*proxies)
        if bridge is None or bridge is jsnull:
            for proxy in proxies:
                proxy.destroy()
            return None
        return _TabBridge(bridge, proxies)

    def log_drawer(self, limit: int, rows_at_top: int, fetch: Callable[[str, int], str]) -> Callable[[str], int]:
        draw: Callable[[str], int] = run_js(javascript.LOG_DRAWER)(limit, rows_at_top, self.listener(fetch))
        return draw

    def expose(self, name: str, function: Callable[..., Any]) -> None:
        def call(*arguments: Any) -> Any:
            plain = [_to_python(value) for value in arguments]
            result = function(*plain)
            if isinstance(result, asyncio.Future):  # a promise to JavaScript, of plain data
                return asyncio.ensure_future(_converted(result))
            return None if result is None else json.dumps(result)  # parsed by the JavaScript wrapper

        setattr(js.window, name, run_js(javascript.EXPOSED)(self.listener(call)))

    def open_window(self, url: str, name: str, features: str) -> Window | None:
        window: Window | None = js.window.open(url, name, features)
        return None if self.is_null(window) else window

    async def install_wheels(self, urls: Sequence[str]) -> None:
        import pyodide_js  # this page's Pyodide; loadPackage reads its lock file

        await pyodide_js.loadPackage("micropip")
        import micropip

        await micropip.install(list(urls), deps=False)

    def post_text(self, url: str, text: str) -> None:
        _post_text()(url, text)

    async def fetch_json(self, url: str) -> Any:
        from pyodide.http import pyfetch  # only the token signer fetches: not at every page's start-up

        try:
            response = await pyfetch(url, cache="no-store")
        except Exception as error:
            raise OSError(f"cannot fetch {url}: {error}") from None
        if not response.ok:
            raise OSError(f"{url} answered {response.status} {response.status_text}: {(await response.string())[:200]}")
        return await response.json()
