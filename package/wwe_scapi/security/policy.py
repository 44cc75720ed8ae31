"""The whole security policy of the service, built from the reference's option names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.clock import Clock
from wwe_scapi.protocol.catalogue import CATALOGUE
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.security.options import whole_number
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.security.origins import OriginPolicy
from wwe_scapi.security.ratelimit import GLOBAL, RateLimiter
from wwe_scapi.security.userdata import READ_OPTION, WRITE_OPTION, KeyAllowList

RATE_LIMIT_OPTION = "service-client-api.rate-limit"
QUARANTINE_OPTION = "service-client-api.rate-limit-quarantine-delay"
DEFAULT_QUARANTINE_SECONDS = 30

OptionReader = Callable[[str], Any]  # option name -> value or None


@dataclass
class SecurityPolicy:
    origins: OriginPolicy = field(default_factory=OriginPolicy)
    rate_limiter: RateLimiter = field(default_factory=RateLimiter)
    readable: KeyAllowList = field(default_factory=KeyAllowList)
    writable: KeyAllowList = field(default_factory=KeyAllowList)

    @classmethod
    def from_options(
        cls, read: OptionReader, names: Iterable[str], clock: Clock | None = None
    ) -> SecurityPolicy:
        """`read(name)` gives an option of the default section; `names` are all set option
        names (to find `rate-limit.<request>`). Raises PolicyConfigError on any bad value."""
        limits = {GLOBAL: whole_number(RATE_LIMIT_OPTION, read(RATE_LIMIT_OPTION), 0)}
        prefix = RATE_LIMIT_OPTION + "."
        for name in names:
            if name.startswith(prefix):
                request = name[len(prefix):]
                if request not in CATALOGUE:
                    raise PolicyConfigError(f"{name}: {request!r} is not a request name such as 'voice.dial'")
                limits[CATALOGUE[request].canonical] = whole_number(name, read(name), 0)
        delay = whole_number(QUARANTINE_OPTION, read(QUARANTINE_OPTION), DEFAULT_QUARANTINE_SECONDS)
        return cls(
            origins=OriginPolicy.parse(_text(ORIGINS_OPTION, read(ORIGINS_OPTION))),
            rate_limiter=RateLimiter(limits, delay, clock),
            readable=KeyAllowList.parse(_text(READ_OPTION, read(READ_OPTION))),
            writable=KeyAllowList.parse(_text(WRITE_OPTION, read(WRITE_OPTION))),
        )


def _text(option: str, value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    raise PolicyConfigError(f"{option}: expected text, got {value!r}")
