"""Building DOM nodes from Python, for the desktop's views."""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import jsnull


def element(tag: str, text: str | None = None, **attributes: str) -> Any:
    """A new element; attribute names use _ for - (aria_label, data_action)."""
    node = js.document.createElement(tag)
    if text is not None:
        node.textContent = text
    for name, value in attributes.items():
        node.setAttribute(name.replace("_", "-"), value)
    return node


def by_id(element_id: str) -> Any:
    return js.document.getElementById(element_id)


def missing(value: Any) -> bool:
    """JavaScript's null arrives as `jsnull`, not None."""
    return value is None or value is jsnull
