"""The host bridge's fair serving (HOST_BRIDGE_JS in transports/postmessage.py), in Python,
step for step: the fake browser serves with it, and tests hold the two to the same order.

While the page is idle each message is served at once. Once serving has taken more than half
of a slice, messages wait in one queue per window and are served one window after the other
(one message each per round), in slices of `slice_ms` between which the page's other tasks
run (other windows' messages among them). A flooding window then slows only itself.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

Serve = Callable[[int, str, Any], None]  # (window key, its origin, the message)


class FairScheduler:
    def __init__(self, slice_ms: float, now: Callable[[], float], wake: Callable[[], None], serve: Serve) -> None:
        """`now()` in milliseconds; `wake()` asks for one `drain()` on a later task."""
        self._slice_ms = slice_ms
        self._now = now
        self._wake = wake
        self._serve = serve
        self._queues: dict[int, deque[tuple[str, Any]]] = {}
        self._waiting = 0
        self._slice_start = 0.0
        self._work = 0.0  # ms spent serving in the current slice
        self._draining = False

    @property
    def waiting(self) -> int:
        return self._waiting

    def arrive(self, key: int, origin: str, message: Any) -> None:
        """A message event: served now, or queued behind its window's earlier ones."""
        if self._waiting == 0 and not self._busy():
            self._serve_safely(key, origin, message)
            return
        self._queues.setdefault(key, deque()).append((origin, message))
        self._waiting += 1
        if not self._draining:
            self._draining = True
            self._wake()

    def drain(self) -> None:
        """One slice of queued messages, a round of one per window at a time."""
        end = self._now() + self._slice_ms
        while self._waiting > 0 and self._now() < end:
            for key, queue in list(self._queues.items()):
                origin, message = queue.popleft()
                self._waiting -= 1
                if not queue:
                    del self._queues[key]
                self._serve_safely(key, origin, message)
        self._draining = self._waiting > 0
        if self._draining:
            self._wake()

    def clear(self) -> None:
        self._queues.clear()
        self._waiting = 0

    def _busy(self) -> bool:
        now = self._now()
        if now - self._slice_start >= self._slice_ms:
            self._slice_start, self._work = now, 0.0
        return self._work > self._slice_ms / 2

    def _serve_safely(self, key: int, origin: str, message: Any) -> None:
        start = self._now()
        try:
            self._serve(key, origin, message)
        except Exception:  # nothing a frame sends may escape the listener (console.error in JS)
            logger.exception("wwe-scapi: a message could not be handled")
        self._work += self._now() - start
