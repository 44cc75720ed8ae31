"""Building and finding the page's elements, through the platform (compat/), for the desktop's
views: the same code runs on the real page in Pyodide and on the fake DOM in CPython."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element, Platform



class Dom:
    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.document = platform.document

    def element(self, tag: str, text: str | None = None, **attributes: str) -> Element:
        """A new element; attribute names use _ for - (aria_label, data_action)."""
        node = self.document.createElement(tag)
        if text is not None:
            node.textContent = text
        for name, value in attributes.items():
            node.setAttribute(name.replace("_", "-"), value)
        return node

    def by_id(self, element_id: str) -> Element:
        """The page's element with that id; a page without it is not the desktop page."""
        node = self.document.getElementById(element_id)
        if node is None or self.platform.is_null(node):
            raise LookupError(f"The page has no element with the id {element_id!r}.")
        return node

    def find(self, element_id: str) -> Element | None:
        node = self.document.getElementById(element_id)
        return None if node is None or self.platform.is_null(node) else node

    def missing(self, value: object) -> bool:
        """JavaScript's null arrives as `jsnull`, not None."""
        return self.platform.is_null(value)

    def listen(self, target: Any, kind: str, function: Callable[[Any], Any]) -> None:
        """`function(event)` for every `kind` event on `target`, for as long as the page lives."""
        target.addEventListener(kind, self.platform.listener(function))

    def on_click(self, target: Any, action: Callable[[], object]) -> None:
        """`action()` for every click on `target`."""
        self.listen(target, "click", lambda _event: action())
