"""Reading the security options' values: whole numbers, with errors naming the option."""

from __future__ import annotations

import re

from wwe_scapi.security.errors import PolicyConfigError

_WHOLE = re.compile(r"^\s*[0-9]+\s*$")


def whole_number(option: str, value: object, default: int) -> int:
    """A count or a delay: a whole number ≥ 0 (unset means the default)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PolicyConfigError(f"{option}: expected a whole number ≥ 0, got {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise PolicyConfigError(f"{option}: expected a whole number ≥ 0, got {value}")
        return value
    if not _WHOLE.match(value):
        raise PolicyConfigError(f"{option}: expected a whole number ≥ 0, got {value!r}")
    return int(value)
