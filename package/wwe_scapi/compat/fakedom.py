"""A small DOM in Python for CPython tests of the desktop's views: the elements, attributes,
events and selectors the views use, by the DOM's own names, and a parser that builds a
document from the real page's HTML. Not a browser: no layout, no styles, no scripts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# One compound selector: tag, #id, .class, [attr], [attr="value"] (no combinators).
_SIMPLE = re.compile(r"""([a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([\w-]+)))?\]""")


@dataclass(frozen=True, slots=True)
class _Selector:
    tag: str | None
    element_id: str | None
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str | None], ...]

    @classmethod
    def parse(cls, text: str) -> _Selector:
        tag, element_id, classes, attributes = None, None, [], []
        position = 0
        text = text.strip()
        while position < len(text):
            match = _SIMPLE.match(text, position)
            if match is None:
                raise ValueError(f"fakedom: unsupported selector {text!r}")
            name, ident, css_class, attribute = match.group(1, 2, 3, 4)
            if name:
                tag = name.lower()
            elif ident:
                element_id = ident
            elif css_class:
                classes.append(css_class)
            else:
                value = next((v for v in match.group(5, 6, 7) if v is not None), None)
                attributes.append((attribute, value))
            position = match.end()
        return cls(tag, element_id, tuple(classes), tuple(attributes))

    def matches(self, element: FakeElement) -> bool:
        if self.tag is not None and element.localName != self.tag:
            return False
        if self.element_id is not None and element.getAttribute("id") != self.element_id:
            return False
        own_classes = (element.getAttribute("class") or "").split()
        if any(css_class not in own_classes for css_class in self.classes):
            return False
        for name, value in self.attributes:
            actual = element.getAttribute(name)
            if actual is None or (value is not None and actual != value):
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Descendant:
    """Compound selectors separated by spaces: each one an ancestor of the next."""

    parts: tuple[_Selector, ...]

    def matches(self, element: FakeElement) -> bool:
        if not self.parts[-1].matches(element):
            return False
        wanted = list(self.parts[:-1])
        node = element.parentElement
        while wanted and node is not None:
            if wanted[-1].matches(node):
                wanted.pop()
            node = node.parentElement
        return not wanted


def _selectors(text: str) -> list[_Descendant]:
    """A selector list: `a, b`; each a chain of compounds (`#list li[data-x="1"]`)."""
    return [_Descendant(tuple(_Selector.parse(part) for part in group.split())) for group in text.split(",")]


@dataclass
class FakeEvent:
    type: str
    target: FakeElement
    key: str = ""
    defaultPrevented: bool = False  # noqa: N815
    data: Any = None

    def preventDefault(self) -> None:  # noqa: N802
        self.defaultPrevented = True


Listener = Callable[[FakeEvent], Any]


class _EventTarget:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Listener]] = {}

    def addEventListener(self, kind: str, listener: Listener) -> None:  # noqa: N802
        self._listeners.setdefault(kind, []).append(listener)

    def removeEventListener(self, kind: str, listener: Listener) -> None:  # noqa: N802
        if listener in self._listeners.get(kind, []):
            self._listeners[kind].remove(listener)

    def _fire(self, event: FakeEvent) -> None:
        for listener in list(self._listeners.get(event.type, [])):
            listener(event)


class FakeElement(_EventTarget):
    def __init__(self, document: FakeDocument, tag: str) -> None:
        super().__init__()
        self.ownerDocument = document  # noqa: N815
        self.localName = tag.lower()  # noqa: N815
        self.attributes: dict[str, str] = {}
        self.children: list[FakeElement] = []
        self.parentElement: FakeElement | None = None  # noqa: N815
        self._text = ""
        self._value: str | None = None
        self._checked: bool | None = None  # a checkbox's, once set or clicked (else its attribute)
        self.contentWindow: Any = None  # noqa: N815 (an iframe's window, when a test sets one)

    def __repr__(self) -> str:
        shown = " ".join(f'{name}="{value}"' for name, value in self.attributes.items())
        return f"<{self.localName}{' ' + shown if shown else ''}>"

    # -- attributes and properties ---------------------------------------------------------

    def setAttribute(self, name: str, value: str) -> None:  # noqa: N802
        self.attributes[name.lower()] = str(value)

    def getAttribute(self, name: str) -> str | None:  # noqa: N802
        return self.attributes.get(name.lower())

    def hasAttribute(self, name: str) -> bool:  # noqa: N802
        return name.lower() in self.attributes

    def removeAttribute(self, name: str) -> None:  # noqa: N802
        self.attributes.pop(name.lower(), None)

    def _flag(self, name: str) -> bool:
        return name in self.attributes

    def _set_flag(self, name: str, on: bool) -> None:
        if on:
            self.attributes[name] = ""
        else:
            self.attributes.pop(name, None)

    @property
    def id(self) -> str:
        return self.attributes.get("id", "")

    @id.setter
    def id(self, value: str) -> None:
        self.attributes["id"] = value

    @property
    def hidden(self) -> bool:
        return self._flag("hidden")

    @hidden.setter
    def hidden(self, on: bool) -> None:
        self._set_flag("hidden", bool(on))

    @property
    def inert(self) -> bool:
        return self._flag("inert")

    @inert.setter
    def inert(self, on: bool) -> None:
        self._set_flag("inert", bool(on))

    @property
    def textContent(self) -> str:  # noqa: N802
        return self._text + "".join(child.textContent for child in self.children)

    @textContent.setter
    def textContent(self, text: str) -> None:  # noqa: N802
        for child in list(self.children):
            child.remove()
        self._text = str(text)

    @property
    def value(self) -> str:
        if self._value is not None:
            return self._value
        if self.localName == "select":
            options = self.querySelectorAll("option")
            return (options[0].getAttribute("value") or options[0].textContent) if options else ""
        return self.attributes.get("value", "")

    @value.setter
    def value(self, text: str) -> None:
        self._value = str(text)

    @property
    def checked(self) -> bool:
        return self._flag("checked") if self._checked is None else self._checked

    @checked.setter
    def checked(self, on: bool) -> None:
        self._checked = bool(on)

    # -- the tree -----------------------------------------------------------------------------

    def appendChild(self, child: FakeElement) -> FakeElement:  # noqa: N802
        child.remove()
        child.parentElement = self
        self.children.append(child)
        return child

    def append(self, *children: FakeElement) -> None:
        for child in children:
            self.appendChild(child)

    def prepend(self, *children: FakeElement) -> None:
        for child in reversed(children):
            child.remove()
            child.parentElement = self
            self.children.insert(0, child)

    def replaceChildren(self, *children: FakeElement) -> None:  # noqa: N802
        self.textContent = ""
        self.append(*children)

    def remove(self) -> None:
        if self.parentElement is not None:
            self.parentElement.children.remove(self)
            self.parentElement = None

    def descendants(self) -> Iterator[FakeElement]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def closest(self, selector: str) -> FakeElement | None:
        wanted = _selectors(selector)
        node: FakeElement | None = self
        while node is not None:
            if any(s.matches(node) for s in wanted):
                return node
            node = node.parentElement
        return None

    def querySelector(self, selector: str) -> FakeElement | None:  # noqa: N802
        found = self.querySelectorAll(selector)
        return found[0] if found else None

    def querySelectorAll(self, selector: str) -> Sequence[FakeElement]:  # noqa: N802
        wanted = _selectors(selector)
        return [node for node in self.descendants() if any(s.matches(node) for s in wanted)]

    @property
    def isConnected(self) -> bool:  # noqa: N802
        node: FakeElement | None = self
        while node is not None:
            if node is self.ownerDocument.documentElement:
                return True
            node = node.parentElement
        return False

    # -- events -------------------------------------------------------------------------------

    def focus(self) -> None:
        self.ownerDocument.activeElement = self

    def dispatch(self, kind: str, **fields: Any) -> FakeEvent:
        """Fire an event at this element; it bubbles up to the document, as clicks and keys do."""
        event = FakeEvent(kind, self, **fields)
        node: FakeElement | None = self
        while node is not None:
            node._fire(event)
            node = node.parentElement
        self.ownerDocument._fire(event)
        return event

    def click(self) -> FakeEvent:
        checkbox = self.localName == "input" and self.getAttribute("type") == "checkbox"
        if checkbox:
            self.checked = not self.checked  # toggled before the click is seen, as in a browser
        event = self.dispatch("click")
        if checkbox:
            self.dispatch("input")
            self.dispatch("change")
        form = self.closest("form")
        if self.localName == "button" and self.getAttribute("type") == "submit" and form is not None:
            form.dispatch("submit")
        return event


class FakeDocument(_EventTarget):
    def __init__(self) -> None:
        super().__init__()
        self.documentElement = FakeElement(self, "html")  # noqa: N815
        self.body = self.documentElement.appendChild(FakeElement(self, "body"))
        self.activeElement: FakeElement | None = None  # noqa: N815
        self.visibilityState = "visible"  # noqa: N815

    @classmethod
    def parse(cls, html: str) -> FakeDocument:
        """A document with the elements of an HTML page's <body> (scripts and styles aside)."""
        document = cls()
        _Builder(document).feed(html)
        return document

    def createElement(self, tag: str) -> FakeElement:  # noqa: N802
        return FakeElement(self, tag)

    def getElementById(self, element_id: str) -> FakeElement | None:  # noqa: N802
        return next((node for node in self.documentElement.descendants() if node.id == element_id), None)

    def querySelector(self, selector: str) -> FakeElement | None:  # noqa: N802
        return self.documentElement.querySelector(selector)

    def querySelectorAll(self, selector: str) -> Sequence[FakeElement]:  # noqa: N802
        return self.documentElement.querySelectorAll(selector)

    def dispatch(self, kind: str, **fields: Any) -> FakeEvent:
        """A key or click on the page itself (its target is the body)."""
        return self.body.dispatch(kind, **fields)


class _Builder(HTMLParser):
    def __init__(self, document: FakeDocument) -> None:
        super().__init__()
        self.document = document
        self._open = [document.body]
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skipping += 1
            return
        if self._skipping or tag in ("html", "body"):
            return
        element = self.document.createElement(tag)
        for name, value in attrs:
            element.setAttribute(name, value or "")
        self._open[-1].appendChild(element)
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skipping -= 1
            return
        if self._skipping or tag in ("html", "body") or tag in _VOID:
            return
        while len(self._open) > 1:
            if self._open.pop().localName == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip() and len(self._open) > 1:
            node = self._open[-1]
            node._text += data.strip() if not node._text else " " + data.strip()
