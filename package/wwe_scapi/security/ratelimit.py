"""`service-client-api.rate-limit*`: fixed one-minute windows per origin, with quarantine.

Once a limit is reached, the next request of that type gets the reference's error message
and starts a quarantine during which requests of that type are ignored (no answer at all);
afterwards counting starts afresh in a new window.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from wwe_scapi.clock import Clock, SystemClock

WINDOW_SECONDS = 60.0
GLOBAL = "*"


class Verdict(enum.Enum):
    SERVE = "serve"
    REFUSE = "refuse"  # answer once with the rate-limit error
    IGNORE = "ignore"  # in quarantine: no answer


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    limited_request: str = ""  # the request name the message names
    message: str = ""


SERVE = Decision(Verdict.SERVE)


def limit_message(request: str, delay_seconds: int) -> str:
    """The reference's message, word for word; a quarantine of 0 lasts for good, and says so."""
    how_long = "from now on" if delay_seconds == 0 else f"for {delay_seconds} seconds"
    return (
        f"The rate limit for the request '{request}' has been reached.\n"
        f"Further requests of the same type will be ignored {how_long}."
    )


@dataclass(slots=True)
class _Counter:
    window_start: float
    count: int = 0
    quarantine_until: float | None = None  # inf: forever


class RateLimiter:
    """Counts requests per (origin, limit); `limits` maps a request name, or GLOBAL, to a
    per-minute maximum (0 = unlimited)."""

    def __init__(
        self,
        limits: Mapping[str, int] | None = None,
        quarantine_seconds: int = 30,
        clock: Clock | None = None,
    ) -> None:
        self.limits = {name: limit for name, limit in (limits or {}).items() if limit > 0}
        self.quarantine_seconds = quarantine_seconds
        self.clock = clock or SystemClock()
        self._counters: dict[tuple[str, str], _Counter] = {}

    @property
    def active(self) -> bool:
        return bool(self.limits)

    def limits_request(self, request: str) -> bool:
        """Does any limit count that request (its own, or the one for all requests)."""
        return request in self.limits or GLOBAL in self.limits

    def check(self, origin: str, request: str) -> Decision:
        """Count one request, and say whether to serve, refuse once, or ignore it."""
        if not self.limits:
            return SERVE
        now = self.clock.monotonic()
        kinds = [kind for kind in (request, GLOBAL) if kind in self.limits]
        for kind in kinds:  # a quarantine of either kind silences the request
            counter = self._counters.get((origin, kind))
            if counter is not None and self._in_quarantine(counter, now):
                return Decision(Verdict.IGNORE, request)
        for kind in kinds:
            counter = self._counter(origin, kind, now)
            if counter.count >= self.limits[kind]:
                counter.quarantine_until = (
                    float("inf") if self.quarantine_seconds == 0 else now + self.quarantine_seconds
                )
                return Decision(Verdict.REFUSE, request, limit_message(request, self.quarantine_seconds))
        for kind in kinds:
            self._counters[(origin, kind)].count += 1
        return SERVE

    def _in_quarantine(self, counter: _Counter, now: float) -> bool:
        if counter.quarantine_until is None:
            return False
        if now < counter.quarantine_until:
            return True
        # The quarantine is over: the next window starts afresh, now.
        counter.quarantine_until = None
        counter.window_start = now
        counter.count = 0
        return False

    def _counter(self, origin: str, kind: str, now: float) -> _Counter:
        counter = self._counters.get((origin, kind))
        if counter is None or now - counter.window_start >= WINDOW_SECONDS:
            counter = _Counter(window_start=now)
            self._counters[(origin, kind)] = counter
        return counter
