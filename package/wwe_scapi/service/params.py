"""Checking a request's `parameters` against its catalogue entry before any handler runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wwe_scapi.protocol.catalogue import ParamKind, ParamSpec, RequestSpec
from wwe_scapi.protocol.jsontypes import json_type_name
from wwe_scapi.service.errors import RequestError


def _is_string(value: Any) -> bool:
    return isinstance(value, str)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_CHECKS: dict[ParamKind, Callable[[Any], bool]] = {
    ParamKind.STRING: _is_string,
    ParamKind.ID: lambda v: _is_string(v) or _is_integer(v),
    ParamKind.OBJECT: lambda v: isinstance(v, dict),
    ParamKind.OPTIONS: lambda v: _is_string(v)
    or (isinstance(v, list) and all(isinstance(item, str) for item in v)),
    ParamKind.STATE: lambda v: _is_string(v) or _is_integer(v),
    ParamKind.TARGET: lambda v: _is_string(v) or isinstance(v, dict),
    ParamKind.NUMBER: _is_number,
    ParamKind.BOOLEAN: lambda v: isinstance(v, bool),
    ParamKind.ANY: lambda v: True,
}


def check_parameters(spec: RequestSpec, parameters: list[Any]) -> list[Any]:
    """The parameters in order, missing optional ones as None; ids as strings."""
    expected = spec.params
    if len(parameters) > len(expected):
        raise RequestError(f"{spec.name} takes {_count(expected)}, got {len(parameters)}.")
    checked: list[Any] = []
    for position, param in enumerate(expected):
        value = parameters[position] if position < len(parameters) else None
        checked.append(_check_one(spec, position, param, value))
    return checked


def _check_one(spec: RequestSpec, position: int, param: ParamSpec, value: Any) -> Any:
    if value is None:
        if param.optional:
            return None
        raise RequestError(
            f"{spec.name} needs parameter {position + 1} ({param.name}): {_signature(spec)}."
        )
    if not _CHECKS[param.kind](value):
        raise RequestError(
            f"Parameter {position + 1} ({param.name}) of {spec.name} must be {param.kind.value}, "
            f"got {json_type_name(value)}."
        )
    if param.kind is ParamKind.ID and not isinstance(value, str):
        return str(value)
    return value


def _count(params: tuple[ParamSpec, ...]) -> str:
    if not params:
        return "no parameters"
    required = sum(1 for p in params if not p.optional)
    if required == len(params):
        return f"{len(params)} parameter{'s' if len(params) > 1 else ''} ({', '.join(p.name for p in params)})"
    return f"at most {len(params)} parameters ({', '.join(p.name for p in params)})"


def _signature(spec: RequestSpec) -> str:
    names = ", ".join(f"{p.name}?" if p.optional else p.name for p in spec.params)
    return f"{spec.name}({names})"
