"""The session's JWT (`auth.getJwtToken`): the same token while it is valid, a new one after it
expires. Its claims name the agent; signing is the tab's own business (a Signer), so this
state is plain data that passes from tab to tab with the rest of the contact centre."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.agent import AgentProfile
from wwe_scapi.workspace.configuration import ConfigurationStore, OptionValue
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub
from wwe_scapi.workspace.system import DESKTOP_TOPIC

LIFETIME_OPTION = "service-client-api.jwt.lifetime"  # seconds; this simulator's own option
DEFAULT_LIFETIME_S = 3600.0
OPTIONS = frozenset({LIFETIME_OPTION})
TOKEN_NOTICE = "token"  # the desktop's notice that a token was issued


class Signer(Protocol):
    """Signs a token's claims: the page's PyJWT, or any stand-in in tests."""

    @property
    def issuer(self) -> str:
        """Who issues the tokens: the desktop's origin."""
        ...

    def sign(self, claims: Mapping[str, Any]) -> str: ...


@dataclass(frozen=True, slots=True)
class JwtToken:
    token: str
    expires: float  # seconds since the epoch (UTC)

    def to_wire(self) -> dict[str, str]:
        return {"expiration": iso_milliseconds(self.expires), "jwtToken": self.token}


def iso_milliseconds(seconds: float) -> str:
    """ISO 8601 in UTC to the millisecond, as the reference's sample: 2020-04-14T13:26:51.846Z."""
    from datetime import datetime, timezone  # the desktop only; an app's start-up never needs it

    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def lifetime_seconds(value: OptionValue | None) -> float:
    if value in (None, ""):
        return DEFAULT_LIFETIME_S
    try:
        seconds = float(str(value))
    except ValueError:
        seconds = float("nan")
    if not 1 <= seconds < float("inf"):
        raise WorkspaceError(f"{LIFETIME_OPTION}: expected a number of seconds of at least 1, got {value!r}.")
    return seconds


class JwtTokens:
    def __init__(self, agent: AgentProfile, configuration: ConfigurationStore, clock: Clock, events: EventHub) -> None:
        self._agent = agent
        self._configuration = configuration
        self._clock = clock
        self._events = events
        self.issued: JwtToken | None = None

    def lifetime(self) -> float:
        """Read each time, so a changed option applies to the next token."""
        return lifetime_seconds(self._configuration.get(LIFETIME_OPTION))

    def current(self) -> JwtToken | None:
        """The token issued last, while it is still valid."""
        issued = self.issued
        return issued if issued is not None and self._clock.wall() < issued.expires else None

    def issue(self, signer: Signer) -> JwtToken:
        """A new token for the agent, from now for the configured lifetime."""
        now = self._clock.wall()
        lifetime = self.lifetime()
        issued_at = int(now)
        expires = issued_at + lifetime
        agent = self._agent
        claims = {
            "iss": signer.issuer,
            "sub": agent.username,
            "username": agent.username,
            "employeeId": agent.employee_id,
            "name": agent.display_name,
            "iat": issued_at,
            "exp": int(expires),
            "jti": _token_id(),
        }
        self.issued = JwtToken(signer.sign(claims), int(expires))
        self._events.emit(DESKTOP_TOPIC, {"eventType": TOKEN_NOTICE})
        return self.issued


def _token_id() -> str:
    import secrets  # at the first token, not at start-up: Pyodide takes ~10 ms to import it

    return secrets.token_urlsafe(12)
