"""The browser behind one seam (the shape of micropip's `_compat`): the DOM and the JavaScript
helpers the browser layer needs, as one `Platform`. In Pyodide it is the page itself
(in_pyodide.py, the only module that imports `js` and `pyodide`); in CPython the tests hand
the views and the boot code a `fake.FakePlatform` instead."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

IN_BROWSER = sys.platform == "emscripten"

_page: Platform | None = None


def page_platform() -> Platform:
    """This page's platform, in Pyodide (one per page: it wraps the page's globals)."""
    global _page
    if _page is None:
        if not IN_BROWSER:
            raise RuntimeError(
                "wwe_scapi's browser layer runs in Pyodide. In CPython, hand it a platform "
                "(wwe_scapi.compat.fake.FakePlatform), or use wwe_scapi.testing.MemoryNetwork."
            )
        from wwe_scapi.compat.in_pyodide import BrowserPlatform

        _page = BrowserPlatform()
    return _page


__all__ = ["IN_BROWSER", "page_platform"]
