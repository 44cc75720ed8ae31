"""One iframe floods the desktop (no rate limit configured) with 20,000 messages, small, large
and malformed, while another, on another origin, goes on with its round trips: while the flood
is being served, the other's median stays within 2× its quiet median, or 100 ms, whichever is
larger (its first round trip waits behind the browser's own hand-over of what was posted before
it, which no page can shorten, and is reported apart); the page throws nothing; Pyodide's
memory does not grow with the flood."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from e2e_support import app_url

ROUND_TRIPS = """async (count) => {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await window.request("agent.getState");
    times.push(performance.now() - start);
  }
  return times;
}"""

# Round trips one after the other for `ms` milliseconds of this frame's own clock.
TRIPS_FOR = """(ms) => {
  window.trips = (async () => {
    const times = [];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const start = performance.now();
      await window.request("agent.getState");
      times.push([performance.timeOrigin + start, performance.now() - start]);
    }
    return times;
  })();
}"""

# Posts `count` messages at once, without waiting (the desktop needs a second to serve them):
# agent.getState requests, voice.dial with a `bigChars`-long destination, and messages JSON
# cannot hold. Resolves once the last
# (a plain request) is answered.
FLOOD = """async (count, bigChars = 0) => {
  const base = {userAgent: "WWE Client", protocolVersion: 2};
  const big = "x".repeat(bigChars);
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    let message;
    if (kind === 7) message = {...base, request: "voice.dial", parameters: [big], referenceId: `f${i}`};
    else if (kind === 8) message = {...base, request: "agent.get", parameters: [1n], referenceId: `f${i}`};
    else message = {...base, request: "agent.getState", referenceId: `f${i}`};
    parent.postMessage(message, "*");
  }
  const last = (await window.request("agent.get")).data.request;
  window.floodEnd = performance.timeOrigin + performance.now();  // the whole flood answered
  return last;
}"""

MEMORY = "() => window.pyodide._module.HEAP8.length"


def _median(times: list[float]) -> float:
    return float(statistics.median(times))


@pytest.mark.parametrize(
    "big_chars, watch_ms, min_trips",
    [
        pytest.param(0, 3000, 5, id="small-and-malformed"),
        # Every tenth a voice.dial whose 20,000-character destination is over the string cap:
        # 40 MB posted at once, which this Chromium takes about 3.4 s to hand to the desktop's
        # page even with nothing listening (measured): the other frame's first round trip waits
        # that long, so it is watched for longer.
        pytest.param(20000, 6000, 5, id="large-and-malformed"),
    ],
)
def test_a_flooding_frame_slows_only_itself(site, open_desktop, big_chars: int, watch_ms: int, min_trips: int) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    apps = [app_url(site, 1, "vendor-envelopes.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[2]])
    desktop.page.on("pageerror", lambda error: errors.append(str(error)))
    flooder, other = desktop.frame(0), desktop.frame(1)
    flooder.evaluate("window.quiet = true")
    other.evaluate("window.quiet = true")
    quiet = _median(other.evaluate(ROUND_TRIPS, 50))
    # While the desktop serves a flood of 20,000 (every tenth a BigInt JSON cannot hold), the
    # other frame goes on with its round trips. (Its first one waits for the browser to hand the
    # desktop every message posted before it: time that no page can shorten.)
    flooder.evaluate(f"() => {{ window.flooding = ({FLOOD})(20000, {big_chars}); }}")  # posted at once
    other.evaluate(TRIPS_FOR, watch_ms)
    trips = other.evaluate("window.trips")
    assert flooder.evaluate("window.flooding") == "agent.get"  # the flood itself was served too
    flood_end = flooder.evaluate("window.floodEnd")
    # The round trips made while the desktop was still serving the flood, but the first: it waits
    # for the browser to hand over what was posted before it.
    during_times = [took for start, took in trips[1:] if start < flood_end]
    first = trips[0][1]
    during = _median(during_times) if during_times else first
    bound = max(2 * quiet, 100.0)
    print(
        f"\nanother frame's agent.getState: quiet median {quiet:.2f} ms; during a 20,000-message flood "
        f"({big_chars}-character dials) {during:.2f} ms over {len(during_times)} round trips while the flood "
        f"was being served (the first, behind the browser's backlog, {first:.0f} ms; the flood served in "
        f"{flood_end - trips[0][0]:.0f} ms from the first trip's start)"
    )
    assert len(during_times) >= min_trips
    assert during <= bound, f"during the flood {during:.1f} ms > {bound:.1f} ms (quiet {quiet:.2f} ms)"
    assert errors == []


def test_memory_stays_flat_over_a_20000_message_flood(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1]])
    flooder = desktop.frame(0)
    flooder.evaluate("window.quiet = true")
    flooder.evaluate(f"({FLOOD})(2000, 200000)")  # warm up: the heap settles at its working size
    before: Any = desktop.page.evaluate(MEMORY)
    for _ in range(10):
        flooder.evaluate(f"({FLOOD})(2000, 200000)")
    after: Any = desktop.page.evaluate(MEMORY)
    print(f"\nPyodide's memory: {before / 2**20:.1f} MiB before, {after / 2**20:.1f} MiB after 20,000 messages")
    assert after <= before * 1.1 + 8 * 2**20
