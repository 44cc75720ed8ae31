"""A view's redraw off the request path: once after the current burst of workspace events
(a request may change many things; the page is drawn again once, after it is answered)."""

from __future__ import annotations

from collections.abc import Callable

from wwe_scapi.clock import Clock, Timer


class Redraw:
    def __init__(self, clock: Clock, draw: Callable[[], None]) -> None:
        self._clock = clock
        self._draw = draw
        self._timer: Timer | None = None

    def request(self) -> None:
        """Draw soon; requests until then are one draw."""
        if self._timer is None:
            self._timer = self._clock.call_later(0, self._run)

    def _run(self) -> None:
        self._timer = None
        self._draw()
