"""A handler's answer that comes later: a request forwarded to the leader tab, or one that
must first load a page-side package (PyJWT). The broker answers the frame when it settles.

Callback-based rather than an asyncio future, so the pure core and its CPython tests settle
it by hand, in order, with no event loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Outcome:
    data: Any = None
    error: str | None = None  # a failure's message; None for a success
    warnings: tuple[str, ...] = ()  # how the request strayed from the documented form

    @property
    def ok(self) -> bool:
        return self.error is None


class Pending:
    """Settles once, with a success or a failure; callbacks added later run at once."""

    def __init__(self) -> None:
        self._outcome: Outcome | None = None
        self._callbacks: list[Callable[[Outcome], None]] = []

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    def resolve(self, data: Any = None, warnings: tuple[str, ...] = ()) -> None:
        self._settle(Outcome(data, None, warnings))

    def fail(self, error: str, warnings: tuple[str, ...] = ()) -> None:
        self._settle(Outcome(None, error, warnings))

    def settle(self, outcome: Outcome) -> None:
        self._settle(outcome)

    def then(self, callback: Callable[[Outcome], None]) -> None:
        if self._outcome is not None:
            callback(self._outcome)
        else:
            self._callbacks.append(callback)

    def _settle(self, outcome: Outcome) -> None:
        if self._outcome is not None:
            raise RuntimeError(f"settled twice: first {self._outcome!r}, then {outcome!r}")
        self._outcome = outcome
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(outcome)


def settled(outcome: Outcome) -> Pending:
    pending = Pending()
    pending.settle(outcome)
    return pending
