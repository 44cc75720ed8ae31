"""The browser layer, on the page's platform (compat/): boot functions for the desktop
(`host.start`, the service) and for apps (`app.connect`, the client), and the desktop's views.

Apps use `wwe_scapi.connect()` (also `wwe_scapi.browser.connect()`); the desktop page's loader
calls `wwe_scapi.browser.host.start()`.
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
