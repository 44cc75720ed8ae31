"""One iframe floods the desktop (no rate limit configured) while another, on another origin,
goes on with its round trips: the other's median stays within 2× its quiet median, or 100 ms,
whichever is larger; the page throws nothing; Pyodide's memory does not grow with the flood."""

from __future__ import annotations

import statistics
from typing import Any

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
      times.push(performance.now() - start);
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
  return (await window.request("agent.get")).data.request;
}"""

MEMORY = "() => window.pyodide._module.HEAP8.length"


def _median(times: list[float]) -> float:
    return float(statistics.median(times))


def test_a_flooding_frame_slows_only_itself(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    apps = [app_url(site, 1, "vendor-envelopes.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[2]])
    desktop.page.on("pageerror", lambda error: errors.append(str(error)))
    flooder, other = desktop.frame(0), desktop.frame(1)
    flooder.evaluate("window.quiet = true")
    other.evaluate("window.quiet = true")
    quiet = _median(other.evaluate(ROUND_TRIPS, 50))
    # While the desktop serves a flood of 20,000 (over two seconds of work here), the other frame
    # goes on with its round trips for one second. (Its first one waits for the browser to hand
    # the desktop every message posted before it: a few hundred ms that no page can shorten.)
    flooder.evaluate(f"() => {{ window.flooding = ({FLOOD})(20000); }}")  # posted at once; not awaited
    other.evaluate(TRIPS_FOR, 1000)
    during_times = other.evaluate("window.trips")
    assert flooder.evaluate("window.flooding") == "agent.get"  # the flood itself was served too
    during = _median(during_times)
    bound = max(2 * quiet, 100.0)
    print(
        f"\nanother frame's agent.getState: quiet median {quiet:.2f} ms, during a 20,000-message flood "
        f"{during:.2f} ms ({len(during_times)} round trips, the longest {max(during_times):.0f} ms)"
    )
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
