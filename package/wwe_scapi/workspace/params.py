"""Checking the parameter objects of the system calls (toasts, dialogs, menu-bar views):
known keys only, each of its type, with errors that name the call and the key."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from wwe_scapi.protocol.jsontypes import json_type_name
from wwe_scapi.workspace.errors import WorkspaceError

Check = tuple[str, Callable[[Any], bool]]  # (what it must be, test)

# An absolute http(s) URL with a host (urllib.parse would cost Pyodide pages ~30 ms to import).
_HTTP_URL = re.compile(r"^https?://[^/?#\s]+(?:[/?#]\S*)?$", re.IGNORECASE)
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")

STRING: Check = ("a string", lambda v: isinstance(v, str))
BOOLEAN: Check = ("a boolean", lambda v: isinstance(v, bool))
STRINGS: Check = ("an array of strings", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v))
OBJECT: Check = ("an object", lambda v: isinstance(v, dict))
NON_NEGATIVE: Check = (
    "a number of milliseconds (0 or more)",
    lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
)
POSITIVE: Check = (
    "a number of pixels (more than 0)",
    lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0,
)
COLOUR: Check = ("a hex colour such as #1D2733", lambda v: isinstance(v, str) and bool(HEX_COLOUR.match(v)))


def check_object(call: str, given: Mapping[str, Any], schema: Mapping[str, Check]) -> dict[str, Any]:
    """The given keys, checked; null values count as absent."""
    unknown = sorted(set(given) - set(schema))
    if unknown:
        raise WorkspaceError(
            f"{call}: unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}. "
            f"Known: {', '.join(schema)}."
        )
    checked: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        what, test = schema[key]
        if not test(value):
            raise WorkspaceError(f"{call}: {key} must be {what}, got {json_type_name(value)} {value!r}.")
        checked[key] = value
    return checked


def is_http_url(url: str) -> bool:
    return bool(_HTTP_URL.match(url))
