"""Fair serving across windows (compat/fairness.py, and HOST_BRIDGE_JS run under Node): every
message served once and in order, a flooding window slowing only itself, short slices, no
delay while idle; and the JavaScript bridge serving any trace exactly as the Python one."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wwe_scapi.compat.fairness import FairScheduler
from wwe_scapi.protocol.constants import FAIRNESS_SLICE_MS
from wwe_scapi.transports.postmessage import HOST_BRIDGE_JS

HARNESS = Path(__file__).with_name("fairness_harness.js")
Trace = list[dict[str, float]]
Served = list[tuple[int, int, float]]  # (window, seq, served at ms)

# A trace: message events of up to four windows, each costing up to 6 ms to serve, and idle
# gaps, all queued as tasks in this order (a burst, as a flood arrives).
message = st.builds(lambda w, c: {"window": w, "cost": c}, st.integers(0, 3), st.sampled_from([0, 0.5, 1, 2, 3, 6]))
gap = st.builds(lambda ms: {"gap": ms}, st.sampled_from([1, 5, 20]))
traces = st.lists(st.one_of(message, message, message, gap), max_size=80)


class Page:
    """The simulated page: one FIFO of tasks, a clock moved only by serving and gaps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.tasks: list[Callable[[], None]] = []
        self.served: Served = []
        self.drains: list[tuple[float, float]] = []  # (start, end) of each drain task
        self.arrivals: dict[tuple[int, int], int] = {}  # message -> how many were served before it arrived
        self.scheduler = FairScheduler(FAIRNESS_SLICE_MS, lambda: self.now, self._wake, self._serve)

    def _serve(self, key: int, origin: str, data: Any) -> None:
        self.served.append((data["window"], data["seq"], self.now))
        self.now += data["cost"]

    def _wake(self) -> None:
        def drain() -> None:
            start = self.now
            self.scheduler.drain()
            self.drains.append((start, self.now))

        self.tasks.append(drain)

    def _arrive(self, data: dict[str, Any]) -> None:
        self.arrivals[(data["window"], data["seq"])] = len(self.served)
        self.scheduler.arrive(data["window"] + 1, f"https://w{data['window']}.test", data)

    def run(self, trace: Trace) -> Served:
        for seq, item in enumerate(trace):
            if "gap" in item:
                self.tasks.append(lambda ms=item["gap"]: setattr(self, "now", self.now + ms))
            else:
                data = {"window": int(item["window"]), "seq": seq, "cost": item["cost"]}
                self.tasks.append(lambda d=data: self._arrive(d))
        while self.tasks:
            self.tasks.pop(0)()
        return self.served


def messages_of(trace: Trace) -> list[tuple[int, int]]:
    return [(int(item["window"]), seq) for seq, item in enumerate(trace) if "gap" not in item]


@given(traces)
def test_every_message_is_served_once_in_its_windows_order(trace: Trace) -> None:
    served = Page().run(trace)
    assert sorted((w, s) for w, s, _ in served) == sorted(messages_of(trace))
    for window in range(4):
        seqs = [s for w, s, _ in served if w == window]
        assert seqs == sorted(seqs)


@given(traces)
def test_a_queued_message_waits_behind_at_most_one_message_of_each_other_window(trace: Trace) -> None:
    page = Page()
    served = page.run(trace)
    position = {(w, s): index for index, (w, s, _) in enumerate(served)}
    for (window, seq), arrived in page.arrivals.items():
        # Between its arrival and its turn, the messages served (if it had to wait at all):
        ahead = [w for w, s, _ in served[arrived : position[(window, seq)]] if w != window]
        if any(s < seq for w, s, _ in served[arrived : position[(window, seq)]] if w == window):
            continue  # behind its own window's earlier messages: its window is the one flooding
        assert all(ahead.count(other) <= 1 for other in set(ahead)), (window, seq, ahead)


@given(traces)
def test_each_drain_yields_after_one_slice_and_one_round(trace: Trace) -> None:
    page = Page()
    page.run(trace)
    for start, end in page.drains:
        # A round serves at most one message per window (4 windows, 6 ms at most each).
        assert end - start < FAIRNESS_SLICE_MS + 4 * 6


@given(st.lists(st.builds(lambda w: {"window": w, "cost": 0.1}, st.integers(0, 3)), max_size=40))
def test_cheap_messages_are_served_inline_while_idle(trace: Trace) -> None:
    page = Page()
    page.run(trace)
    assert page.drains == [] and len(page.served) == len(trace)


def test_a_flood_is_queued_and_a_quiet_windows_message_overtakes_it() -> None:
    flood = [{"window": 0, "cost": 1.0}] * 100
    trace = flood[:50] + [{"window": 1, "cost": 0.0}] + flood[50:]
    served = Page().run(trace)
    order = [s for _, s, _ in served]
    assert order.index(50) < 10  # not behind the other 50 of the flood that came before it
    assert sorted(order) == list(range(101))


# -- the JavaScript bridge serves exactly as the Python scheduler ---------------------------------


@pytest.fixture(scope="module")
def node_bridge() -> Iterator[Callable[[Trace], Served]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the desktop's JavaScript bridge (scripts/setup.sh installs it).")
    process = subprocess.Popen(
        [node, str(HARNESS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert process.stdin is not None and process.stdout is not None

    def run(trace: Trace) -> Served:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps({"bridge": HOST_BRIDGE_JS, "trace": trace}) + "\n")
        return [tuple(row) for row in json.loads(process.stdout.readline())]  # type: ignore[misc]

    yield run
    process.stdin.close()
    process.wait(timeout=10)


@settings(max_examples=150, deadline=None)
@given(traces)
def test_the_javascript_bridge_serves_in_the_same_order_at_the_same_times(
    node_bridge: Callable[[Trace], Served], trace: Trace
) -> None:
    assert node_bridge(trace) == Page().run(trace)


def test_the_parity_check_can_fail(node_bridge: Callable[[Trace], Served]) -> None:
    """A scheduler with another slice serves a flood in another order: the check sees it."""
    trace: Trace = [{"window": 0, "cost": 1.0}] * 30 + [{"window": 1, "cost": 1.0}] * 3
    page = Page()
    page.scheduler = FairScheduler(FAIRNESS_SLICE_MS * 4, lambda: page.now, page._wake, page._serve)
    assert node_bridge(trace) != page.run(trace)
