"""Accept what the real Agent Workspace accepts: where a call strays from the documented form
but can still be served (an unknown key, "5000" for 5000, a malformed colour), it is served
and the oddity is told to a `Warn`: `warn(stray, treatment)`, e.g. ("system.popupToast: width
must be a number of pixels (more than 0), got a string '400px'", "read as 400"). The broker
records it on the request's log row or, in strict mode, fails the request before anything is
done."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

from wwe_scapi.workspace.errors import WorkspaceError

Warn = Callable[[str, str], None]  # (what strays from the documented form, what was done)


def refuse(stray: str, treatment: str = "") -> NoReturn:
    """The strict `Warn`: the oddity fails the call. Also what the desktop's own calls use."""
    raise WorkspaceError(f"Strict mode: {stray}.")


def warning_text(stray: str, treatment: str) -> str:
    """A warning as the log shows it."""
    return f"{stray}; {treatment}."
