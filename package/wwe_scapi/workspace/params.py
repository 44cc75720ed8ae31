"""Checking the parameter objects of the system calls (toasts, dialogs, menu-bar views): each
key of its documented type. What strays but can be read is read, and the oddity is told to
`warn` (leniency.py): an unknown key is left out, a number given as a string ("5000",
"400px") is read as the number, a value that cannot be read is left out."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wwe_scapi.protocol.jsontypes import json_type_name
from wwe_scapi.workspace.leniency import Warn, refuse

# An absolute http(s) URL with a host (urllib.parse would cost Pyodide pages ~30 ms to import).
_HTTP_URL = re.compile(r"^https?://[^/?#\s]+(?:[/?#]\S*)?$", re.IGNORECASE)
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px|ms)?\s*$")
UNREAD = object()  # what a reader answers for a value it cannot read


@dataclass(frozen=True, slots=True)
class Check:
    """What a parameter must be, the test, and how a stray value may still be read."""

    what: str
    test: Callable[[Any], bool]
    read: Callable[[Any], Any] | None = None  # -> the value, or UNREAD


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number_in_text(value: Any) -> Any:
    """ "5000" -> 5000, "400px" -> 400, "2.5" -> 2.5."""
    match = _NUMBER.match(value) if isinstance(value, str) else None
    if match is None:
        return UNREAD
    number = float(match[1])
    return int(number) if number.is_integer() else number


def _text_of(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"  # as JavaScript's String() writes them
    return str(value) if _is_number(value) else UNREAD


def _flag_of(value: Any) -> Any:
    if isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().lower(), UNREAD)
    if _is_number(value) and value in (0, 1):
        return bool(value)
    return UNREAD


def _texts_of(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        return [_text_of(item) if not isinstance(item, str) else item for item in value]
    return UNREAD


def _positive(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def reader(value: Any) -> Any:
        number = read(value)
        return number if number is not UNREAD and number > 0 else UNREAD

    return reader


STRING = Check("a string", lambda v: isinstance(v, str), _text_of)
BOOLEAN = Check("a boolean", lambda v: isinstance(v, bool), _flag_of)
STRINGS = Check("an array of strings", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v), _texts_of)
OBJECT = Check("an object", lambda v: isinstance(v, dict))
NON_NEGATIVE = Check("a number of milliseconds (0 or more)", lambda v: _is_number(v) and v >= 0, _number_in_text)
POSITIVE = Check("a number of pixels (more than 0)", lambda v: _is_number(v) and v > 0, _positive(_number_in_text))
COLOUR = Check("a hex colour such as #1D2733", lambda v: isinstance(v, str) and bool(HEX_COLOUR.match(v)))


def check_object(
    call: str, given: Mapping[str, Any], schema: Mapping[str, Check], warn: Warn = refuse
) -> dict[str, Any]:
    """The given keys that can be read, read; null values count as absent."""
    unknown = sorted(set(given) - set(schema))
    if unknown:
        warn(
            f"{call}: unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"the reference documents {', '.join(schema)}",
            "left out",
        )
    checked: dict[str, Any] = {}
    for key, value in given.items():
        if value is None or key not in schema:
            continue
        check = schema[key]
        if check.test(value):
            checked[key] = value
            continue
        read = check.read(value) if check.read is not None else UNREAD
        stray = f"{call}: {key} must be {check.what}, got {json_type_name(value)} {value!r}"
        if read is UNREAD:
            warn(stray, "left out")
        else:
            warn(stray, f"read as {read!r}")
            checked[key] = read
    return checked


def is_http_url(url: str) -> bool:
    return bool(_HTTP_URL.match(url))


_ORIGIN = re.compile(r"^([a-z][a-z0-9+.-]*://[^/?#]+)", re.IGNORECASE)


def origin_of(url: str) -> str | None:
    """'http://a.test:8701/apps/x?y' -> 'http://a.test:8701' (as written, lower case)."""
    match = _ORIGIN.match(url)
    return match[1].lower() if match else None


def resolve_url(url: str, base: str | None) -> str | None:
    """`url` made absolute against `base` (a page's address), as a browser would; None when it
    is relative and there is no base."""
    if is_http_url(url) or ":" in url.split("/", 1)[0]:
        return url  # absolute, or another scheme (refused later as not http(s))
    if base is None:
        return None
    from urllib.parse import urljoin  # only here: Pyodide compiles it on first import (~30 ms)

    return urljoin(base, url)
