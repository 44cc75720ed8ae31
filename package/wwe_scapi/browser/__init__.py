"""The only code that imports `js` / `pyodide`: postMessage transports, boot functions for the
desktop (service) and for apps (client), and the desktop UI.

Apps use `wwe_scapi.browser.connect()`; the desktop page calls `wwe_scapi.browser.host.start()`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["connect"]


def __getattr__(name: str) -> Any:
    # Lazy: the desktop page imports this package without ever loading the client.
    if name == "connect":
        from wwe_scapi.browser.app import connect

        return connect
    raise AttributeError(f"module 'wwe_scapi.browser' has no attribute {name!r}")
