"""Several tabs in one process: a BroadcastChannel and a Web Lock as the browser gives them
(messages to every other tab, in order, later; one holder of the lead at a time, the others
queued in order), for CPython tests of the election and the replication."""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable

from wwe_scapi.tabs.bridge import TabReceiver


class MemoryTabNetwork:
    """The tabs of one browser profile; `settle()` delivers what they posted."""

    def __init__(self, schedule: Callable[[Callable[[], object]], object] | None = None) -> None:
        """`schedule`: deliver on a later turn by itself (e.g. an asyncio loop's call_soon), as
        BroadcastChannel does; without it, only `settle()` delivers."""
        self._schedule = schedule
        self._scheduled = False
        self._bridges: list[MemoryTabBridge] = []
        self._queue: deque[Callable[[], object]] = deque()  # deliveries and lock grants, in order
        self._lock_queue: deque[MemoryTabBridge] = deque()
        self.holder: MemoryTabBridge | None = None
        self._last_number = 0
        self.posted = 0  # messages posted, for tests that count the traffic

    def next_number(self) -> int:
        """A tab number no other tab of this network has had (the page keeps it in localStorage)."""
        self._last_number += 1
        return self._last_number

    def bridge(self, receive: TabReceiver, granted: Callable[[], None]) -> MemoryTabBridge:
        bridge = MemoryTabBridge(self, receive, granted)
        self._bridges.append(bridge)
        return bridge

    def settle(self, limit: int = 100_000) -> int:
        """Deliver every message posted, those posted meanwhile too; answers how many."""
        self._scheduled = False
        delivered = 0
        while self._queue:
            self._queue.popleft()()
            delivered += 1
            if delivered > limit:
                raise RuntimeError("tabs keep posting: more than %d messages" % limit)
        return delivered

    def step(self) -> bool:
        """Deliver the oldest message (or lock grant) only; False when there was none."""
        if not self._queue:
            return False
        self._queue.popleft()()
        return True

    def _post(self, sender: MemoryTabBridge, text: str) -> None:
        self.posted += 1
        for bridge in self._bridges:
            if bridge is not sender and bridge.open:
                self._later(functools.partial(bridge.deliver, text))

    def _later(self, delivery: Callable[[], object]) -> None:
        self._queue.append(delivery)
        if self._schedule is not None and not self._scheduled:
            self._scheduled = True
            self._schedule(self.settle)

    def _request(self, bridge: MemoryTabBridge) -> None:
        self._lock_queue.append(bridge)
        self._grant()

    def _grant(self) -> None:
        # As in the browser, a free lock's next holder is told on a later turn, after the
        # messages posted before the lock was freed.
        if self.holder is not None:
            return
        while self._lock_queue:
            candidate = self._lock_queue.popleft()
            if candidate.open:
                self.holder = candidate
                self._later(candidate.granted)
                return

    def _close(self, bridge: MemoryTabBridge) -> None:
        bridge.open = False
        self._bridges.remove(bridge)
        if self.holder is bridge:
            self.holder = None
            self._grant()


class MemoryTabBridge:
    def __init__(self, network: MemoryTabNetwork, receive: TabReceiver, granted: Callable[[], None]) -> None:
        self._network = network
        self.receive = receive
        self.granted = granted
        self.open = True

    def deliver(self, text: str) -> None:
        if self.open:
            self.receive(text)

    def post(self, text: str) -> None:
        if self.open:
            self._network._post(self, text)

    def request_lead(self) -> None:
        self._network._request(self)

    def close(self) -> None:
        """The tab closed (or crashed: nothing is said to the others)."""
        if self.open:
            self._network._close(self)
