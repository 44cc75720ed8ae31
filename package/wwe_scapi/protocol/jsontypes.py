"""Naming JSON values in error messages."""

from __future__ import annotations

from typing import Any


def json_type_name(value: Any) -> str:
    """Name a decoded JSON value's type the way a JavaScript developer would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
