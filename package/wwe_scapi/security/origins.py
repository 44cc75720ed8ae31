"""`service-client-api.accepted-web-content-origins`: the accepted origins, each with an
optional filter of request names, matched exactly (scheme, host and port)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wwe_scapi.protocol.catalogue import CATALOGUE, UNDOCUMENTED
from wwe_scapi.security.errors import PolicyConfigError

OPTION = "service-client-api.accepted-web-content-origins"
NULL_ORIGIN = "null"
# Only ever admitted when a filter names it: `*` and `auth.*` are not enough (reference).
EXPLICIT_ONLY = frozenset({"auth.getJwtToken"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ORIGIN = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*)://(?P<host>\[[0-9a-f:.]+\]|[^/:?#@\s\[\]]+)(?::(?P<port>[0-9]{1,5}))?/?$")
_NAMESPACES = frozenset(spec.namespace for spec in CATALOGUE.values())


def normalise_origin(text: str) -> str:
    """The browser's serialisation of an origin: lower case, no default port, no slash."""
    if text == NULL_ORIGIN:
        return text
    match = _ORIGIN.match(text.strip().lower())
    if match is None:
        raise PolicyConfigError(
            f"{OPTION}: {text!r} is not an origin; expected scheme://host[:port], e.g. http://crm.example:8080"
        )
    scheme, host, port = match["scheme"], match["host"], match["port"]
    if port is not None:
        number = int(port)
        if not 0 < number < 65536:
            raise PolicyConfigError(f"{OPTION}: {text!r} has an invalid port {port}")
        if _DEFAULT_PORTS.get(scheme) == number:
            port = None
    return f"{scheme}://{host}" + (f":{int(port)}" if port is not None else "")


@dataclass(frozen=True, slots=True)
class RequestFilter:
    """The parenthesised list after an origin: names, `ns.*`, or `*` for everything."""

    names: frozenset[str] = frozenset({"*"})

    def allows(self, request: str) -> bool:
        if request in self.names:
            return True
        if request in EXPLICIT_ONLY:
            return False
        namespace = request.split(".", 1)[0]
        return "*" in self.names or f"{namespace}.*" in self.names

    @classmethod
    def parse(cls, origin: str, text: str) -> RequestFilter:
        names = [name.strip() for name in text.split(",")]
        for name in names:
            _check_filter_name(origin, name)
        return cls(frozenset(names))


def _check_filter_name(origin: str, name: str) -> None:
    if name == "*":
        return
    if name.endswith(".*") and name[:-2] in _NAMESPACES:
        return
    if name in CATALOGUE and name not in UNDOCUMENTED:
        return
    raise PolicyConfigError(
        f"{OPTION}: the filter of {origin} names {name!r}, which is neither '*', a 'namespace.*' "
        "of a known namespace, nor a known request name such as 'agent.get'"
    )


@dataclass(frozen=True, slots=True)
class OriginRule:
    origin: str
    filter: RequestFilter


class OriginPolicy:
    """Admits an origin and a request, or not. Built from the option's text."""

    def __init__(self, rules: Iterable[OriginRule] = (), *, any_origin: bool = False) -> None:
        self.rules = {rule.origin: rule for rule in rules}
        self.any_origin = any_origin

    @classmethod
    def parse(cls, text: str | None) -> OriginPolicy:
        if text is None or not text.strip():
            return cls()
        if text.strip() == "*":
            return cls(any_origin=True)
        rules = [_parse_entry(entry) for entry in _split_entries(text)]
        return cls(rules)

    def accept(self, origin: str) -> bool:
        """Accept one more origin, for every request (a test desktop accepts the origins its
        clients connect from); False when it already was."""
        if origin in self.rules:
            return False
        self.rules[origin] = OriginRule(origin, RequestFilter())
        return True

    def accepts_origin(self, origin: str) -> bool:
        if origin in self.rules:
            return True
        # The literal `null` can be produced by anyone: only a literal `null` entry admits it.
        return self.any_origin and origin != NULL_ORIGIN

    def allows(self, origin: str, request: str) -> bool:
        rule = self.rules.get(origin)
        if rule is not None:
            return rule.filter.allows(request)
        return self.accepts_origin(origin) and RequestFilter().allows(request)

    def allowed_requests(self, origin: str) -> list[str]:
        """The documented request names this origin may use (system.getAllowedServices)."""
        return [
            name
            for name in CATALOGUE
            if name not in UNDOCUMENTED and self.allows(origin, name)
        ]

    def describe(self) -> str:
        if self.any_origin:
            return "*"
        return ", ".join(
            rule.origin + ("" if rule.filter.names == {"*"} else f" ({', '.join(sorted(rule.filter.names))})")
            for rule in self.rules.values()
        ) or "(none)"


def _split_entries(text: str) -> list[str]:
    """Split at commas outside parentheses; refuse unbalanced parentheses."""
    entries: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
            if depth > 1:
                raise PolicyConfigError(f"{OPTION}: nested '(' in {text!r}")
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise PolicyConfigError(f"{OPTION}: ')' without '(' in {text!r}")
        if char == "," and depth == 0:
            entries.append("".join(current))
            current = []
        else:
            current.append(char)
    if depth:
        raise PolicyConfigError(f"{OPTION}: '(' without ')' in {text!r}")
    entries.append("".join(current))
    stripped = [entry.strip() for entry in entries]
    if any(not entry for entry in stripped):
        raise PolicyConfigError(f"{OPTION}: empty entry in {text!r}")
    return stripped


def _parse_entry(entry: str) -> OriginRule:
    origin_text, paren, rest = entry.partition("(")
    origin = normalise_origin(origin_text.strip())
    if not paren:
        return OriginRule(origin, RequestFilter())
    body, _, tail = rest.partition(")")
    if tail.strip():
        raise PolicyConfigError(f"{OPTION}: unexpected {tail.strip()!r} after the filter of {origin}")
    return OriginRule(origin, RequestFilter.parse(origin, body))
