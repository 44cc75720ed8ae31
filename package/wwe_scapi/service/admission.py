"""The one admission step: before any handler runs, a request is admitted or refused, in this
order: the rate limits, the catalogue (a known name), the origin's filter, a request this
desktop serves, its parameters, the user-data write allow-list (which restricts setUserData
and deleteUserData; keys outside it that other requests carry are warned of). Each refusal
carries the message a client developer needs and says how the broker treats it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection
from typing import Any

from wwe_scapi.protocol.catalogue import CATALOGUE, UNDOCUMENTED, ParamKind, ParamSpec, RequestSpec, UserData
from wwe_scapi.protocol.constants import MAX_STRING_CHARS
from wwe_scapi.protocol.jsontypes import json_type_name
from wwe_scapi.protocol.messages import RequestMessage
from wwe_scapi.security.origins import EXPLICIT_ONLY
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.ratelimit import Verdict
from wwe_scapi.security.userdata import WRITE_OPTION
from wwe_scapi.workspace.leniency import Warn


# Answered for every accepted origin, whatever its filter: the reference fails
# getAllowedServices only for an origin that is not listed at all.
ANSWERED_TO_EVERY_ORIGIN = frozenset({"system.getAllowedServices"})


class RefusalKind(enum.Enum):
    POLICY = "refused by the security policy"  # answered, logged as a refusal
    REQUEST = "a request the service cannot serve"  # answered, logged as a failed request
    QUARANTINE = "ignored during a rate-limit quarantine"  # not answered at all (reference)


class Refusal(Exception):
    def __init__(self, kind: RefusalKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Admission:
    """The policy's decisions for one service, with what it needs per request made ready."""

    def __init__(self, policy: SecurityPolicy, served: Collection[str]) -> None:
        self._origins = policy.origins
        self._limiter = policy.rate_limiter if policy.rate_limiter.active else None
        self._writable = policy.writable if policy.writable.keys is not None else None
        self._served = frozenset(served)
        self._allowed_by_origin: dict[str, frozenset[str]] = {}

    def origin_refusal(self, origin: str) -> str | None:
        """Why that origin gets no service at all, or None when it is accepted."""
        if self._origins.accepts_origin(origin):
            return None
        return f"The origin {origin} is not accepted by this Agent Workspace ({ORIGINS_OPTION})."

    def allowed_requests(self, origin: str) -> list[str]:
        """The documented request names the origin may use and this desktop serves
        (system.getAllowedServices)."""
        return [
            name
            for name, spec in CATALOGUE.items()
            if name not in UNDOCUMENTED
            and spec.canonical in self._served
            and (name in ANSWERED_TO_EVERY_ORIGIN or self._origins.allows(origin, name))
        ]

    def admit(self, origin: str, message: RequestMessage, warn: Warn) -> tuple[RequestSpec, list[Any]]:
        """The request's catalogue entry and its checked parameters; raises Refusal."""
        name = message.name
        spec = CATALOGUE.get(name)  # a table, never attribute lookup on user input
        if self._limiter is not None:
            self._count(origin, spec.canonical if spec else name, name)
        if spec is None:
            raise Refusal(RefusalKind.REQUEST, f"Unknown request {name!r}.")
        if spec.canonical not in self._allowed(origin) and name not in ANSWERED_TO_EVERY_ORIGIN:
            explicit = (
                f"; {spec.canonical} must be named in the origin's filter, a wildcard such as * is not enough"
                if spec.canonical in EXPLICIT_ONLY
                else ""
            )
            raise Refusal(
                RefusalKind.POLICY,
                f"The request {name} is not allowed for the origin {origin} ({ORIGINS_OPTION}){explicit}.",
            )
        if spec.canonical not in self._served:
            raise Refusal(RefusalKind.REQUEST, f"{name} is not supported yet by this simulated Agent Workspace.")
        parameters = check_parameters(spec, message.parameters)
        if self._writable is not None and spec.user_data_positions:
            self._check_writable(spec, parameters, warn)
        return spec, parameters

    def unlimited(self, judged: str) -> bool:
        """No rate limit counts that request (by its canonical name), for any origin."""
        return self._limiter is None or not self._limiter.limits_request(judged)

    def _count(self, origin: str, judged: str, name: str) -> None:
        """Count the request; the first one over a limit is answered, the rest ignored (reference)."""
        assert self._limiter is not None
        decision = self._limiter.check(origin, judged)
        if decision.verdict is Verdict.REFUSE:
            raise Refusal(RefusalKind.POLICY, decision.message)
        if decision.verdict is Verdict.IGNORE:
            raise Refusal(RefusalKind.QUARANTINE, "ignored: rate-limit quarantine")

    def _allowed(self, origin: str) -> frozenset[str]:
        """The canonical request names the origin's filter allows, worked out once per origin."""
        allowed = self._allowed_by_origin.get(origin)
        if allowed is None:
            allowed = frozenset(
                spec.canonical for spec in CATALOGUE.values() if self._origins.allows(origin, spec.canonical)
            )
            self._allowed_by_origin[origin] = allowed
        return allowed

    def _check_writable(self, spec: RequestSpec, parameters: list[Any], warn: Warn) -> None:
        assert self._writable is not None
        for position in spec.user_data_positions:
            value = parameters[position]
            keys = [value] if isinstance(value, str) else list(value or ())
            forbidden = self._writable.forbidden(keys)
            if not forbidden:
                continue
            listed = ", ".join(repr(key) for key in forbidden)
            plural = "s" if len(forbidden) > 1 else ""
            if spec.params[position].user_data is UserData.RESTRICTED:
                raise Refusal(
                    RefusalKind.POLICY,
                    f"Writing the user data key{plural} {listed} is not allowed ({WRITE_OPTION}); nothing was changed.",
                )
            warn(
                f"{spec.name}: the user data key{plural} {listed} {'are' if plural else 'is'} outside {WRITE_OPTION}, "
                "which the reference applies to setUserData and deleteUserData only",
                "written",
            )


# -- parameters, checked against the catalogue -----------------------------------------------


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
    ParamKind.OPTIONS: lambda v: _is_string(v) or (isinstance(v, list) and all(isinstance(item, str) for item in v)),
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
        raise Refusal(RefusalKind.REQUEST, f"{spec.name} takes {_count(expected)}, got {len(parameters)}.")
    checked: list[Any] = []
    for position, param in enumerate(expected):
        value = parameters[position] if position < len(parameters) else None
        checked.append(_check_one(spec, position, param, value))
        if value is not None and not isinstance(value, (bool, int, float)):
            _check_lengths(spec, position, param, value)
    return checked


def _check_lengths(spec: RequestSpec, position: int, param: ParamSpec, value: Any) -> None:
    """No string anywhere in the parameter (a key or a value, however deep) over the limit:
    what one frame sends, the desktop holds and draws."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            if len(item) > MAX_STRING_CHARS:
                raise Refusal(
                    RefusalKind.REQUEST,
                    f"Parameter {position + 1} ({param.name}) of {spec.name} holds a string of {len(item)} "
                    f"characters; this desktop takes at most {MAX_STRING_CHARS}.",
                )
        elif isinstance(item, dict):
            waiting.extend(item.keys())
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)


def _check_one(spec: RequestSpec, position: int, param: ParamSpec, value: Any) -> Any:
    if value is None:
        if param.optional:
            return None
        raise Refusal(
            RefusalKind.REQUEST, f"{spec.name} needs parameter {position + 1} ({param.name}): {_signature(spec)}."
        )
    if not _CHECKS[param.kind](value):
        raise Refusal(
            RefusalKind.REQUEST,
            f"Parameter {position + 1} ({param.name}) of {spec.name} must be {param.kind.value}, "
            f"got {json_type_name(value)}.",
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
