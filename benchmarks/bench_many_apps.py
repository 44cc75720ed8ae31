"""Many apps on one desktop, and a workspace of many interactions: issue 16's "Twenty apps" and
"How the cost grows", in one Chromium run (about 4 minutes with the defaults).

    python3 benchmarks/bench_many_apps.py [--sizes 1,5,10,20] [--events 30] [--calls 100]
                                          [--warm-up 100] [--rounds 4] [--interactions 10,100,1000]
                                          [--sites own|two] [--gap 0.5] [--out FILE]

For each size N: a desktop with N app iframes, each on an origin of its own, alternately the
plain-JS app (tests/e2e/apps/vendor-envelopes.html, even indices) and the Python app
(tests/e2e/apps/python-client.html, odd indices). N=1 is one JS app; a desktop with one Python
app is measured too, and both one-app desktops again at the end (each kind's one-app figure is
the faster of its two: later desktops find better-compiled code in the cache). An unrecorded
two-app desktop goes first. One desktop page at a time (desktop pages of one profile join as
tabs). Per desktop:

- round trips: every app's `agent.getState`, `--calls` sequential calls after `--warm-up`,
  one app at a time while the others idle, in `--rounds` blocks round robin over the apps
  (0.5 s of quiet before each), pooled per app; ratio to the one-app figure of its kind
  (target ≤ 1.5×, on the interpolated medians);
- fan-out: every app subscribed to `interaction`; `--events` inbound calls rung in the desktop
  page (`wweScenario('ring_inbound_call')`, after 3 unrecorded), each in a task of its own (a
  timer, not inside Playwright's evaluate, whose answer would share the browser's UI thread
  with the events). Each ADDED event is timed from just before the ring to the app's handler
  (a `message` listener in a JS app, the `service.subscribe` handler in a Python one), both as
  performance.timeOrigin + performance.now() in their own processes: comparable to about
  ±0.1 ms (the floor's clock check measures the agreement). p50/p99 over all deliveries; p99
  as a ratio to the floor's median round trip (target ≤ 4×). To say where the time goes, the
  desktop's transport is watched (WATCH_POSTS: when it handed the event for each app to its
  bridge, which posts at the end of the task) and the
  floor's page measures when a cross-process postMessage arrives if the posting task goes on.
  The next ring waits until every app has both ADDED and RINGING, then `--gap` seconds, so each
  event meets a desktop at rest (its protocol log is drawn 250 ms after a burst). Each ring
  leaves its call in the workspace: a desktop holds 3 + `--events` by its end (reported);
- memory, per Python app: its Pyodide wasm memory (`pyodide._module.HEAPU8.buffer.byteLength`)
  and its renderer's `performance.memory.usedJSHeapSize` after a full GC, medians; and the
  summed RSS of the browser's renderer processes.

Then a desktop with one JS app and 10, 100, 1,000 inbound calls in its workspace (rung in the
page, counted with `wweInteractions()` and in getInteractions' answer): `agent.getState` and
`interaction.getInteractions` round trips from the JS app. The plain-JS floor
(`pages/echo-host.html` with `pages/echo-client.html`, as bench_roundtrip.py) is measured in
the same run, first and again last (the faster is the reference: on this 2-vCPU machine the
whole run can be 2× faster or slower from one run to the next). A step grows "worse than linearly" when its figure grows by more than 1.1× the
factor of its size (apps, or interactions).

Sites: with `--sites own` (the default) app i is on http://127.0.0.<i+2>:<port>, a site of its
own, so each app gets its own renderer process, as apps of different vendors do. With
`--sites two`, the apps alternate localhost and 127.0.0.1 (each on a port of its own): distinct
origins but only two sites, so the 127.0.0.1 apps share the desktop's renderer process (its
main thread) and every localhost app shares one other process.

On screen and unthrottled: Chromium throttles cross-site iframes that are hidden or off screen,
and the desktop shows one app tab at a time (the others rendered underneath at opacity 0,
web/desktop.css). The benchmark injects a style sheet into the desktop page that lays every
app panel out in a visible grid (LAYOUT_CSS) in a 1600×1200 viewport, and checks each app
frame before measuring: its box inside the viewport, visibilityState "visible", and a
requestAnimationFrame that fires. Chromium also gets, for this benchmark only,
--disable-renderer-backgrounding, --disable-background-timer-throttling and
--disable-backgrounding-occluded-windows (belt and braces: the page is the visible tab
anyway), --enable-precise-memory-info (else usedJSHeapSize is bucketed and cached) and
--js-flags=--expose-gc (the heap is read after a full collection: what is live).

Prints a table and writes every sample to benchmarks/results-many-apps.json.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Frame, Page, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "package"))
sys.path.insert(0, str(HERE))

from bench_roundtrip import (
    ECHO_CLIENT,
    ECHO_HOST,
    JS_APP,
    POLL_MS,
    PYTHON_APP,
    PYTHON_ROUND_TRIPS,
    free_port,
    percentile,
    progress,
    settle,
    summary,
)
from wwe_scapi.cli.server import Origin, RunningSite, serve_site
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS
from wwe_scapi.workspace import Workspace

FAN_HOST = "/bench/fan-host.html"
FAN_CLIENT = "/bench/fan-client.html"


def added_event() -> dict[str, Any]:
    """An ADDED interaction event as the desktop posts it (a simulated inbound call's wire
    form), for the plain-JS fan-out floor: the same size of message to clone."""
    workspace = Workspace()
    workspace.scenario.ring_inbound_call()
    [interaction] = workspace.interaction_list()
    return {"event": "interaction", "data": {"eventType": "ADDED", "interaction": interaction},
            "userAgent": "WWE Server", "protocolVersion": 2}


# Ten Pyodides booting side by side on two cores: far slower than one.
BOOT_TIMEOUT_MS = 600_000
WAIT_TIMEOUT_MS = 60_000
WARM_UP_EVENTS = 3
FLOOR_CLOCK_SAMPLES = 50
VIEWPORT = {"width": 1600, "height": 1200}
BENCH_FLAGS = [
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--enable-precise-memory-info",
    "--js-flags=--expose-gc",
]
MIB = 1024 * 1024

# Targets from issue 16.
TARGET_FAN_OUT_P99_X_FLOOR = 4.0
TARGET_ROUND_TRIP_X_ONE_APP = 1.5
# A step grows "worse than linearly" when its figure grows by more than this × the size's factor.
SUPERLINEAR_SLACK = 1.1

# Every app panel on screen at once, in a grid: the desktop's own CSS shows one tab and keeps
# the others underneath at opacity 0 (web/desktop.css, #app-panels [role="tabpanel"][hidden]).
# The panels keep their hidden/inert attributes: only how they are drawn changes.
LAYOUT_CSS = """
#app-panels { display: grid !important; grid-template-columns: repeat(5, minmax(0, 1fr));
  grid-auto-rows: 170px; gap: 4px; align-content: start; }
#app-panels > [role="tabpanel"], #app-panels > [role="tabpanel"][hidden] {
  display: flex !important; position: static !important; opacity: 1 !important;
  z-index: auto !important; min-height: 0; }
#app-panels iframe { min-height: 0 !important; height: 100% !important; }
"""

# In every app frame: receipts of interaction events by id; benchFanWait(k) resolves with the
# k-th interaction (0-based) to have both ADDED and RINGING in, RESOLVE_DELAY_MS later, so that
# Playwright's answer leaves the frame after the whole burst, not in the middle of it.
RESOLVE_DELAY_MS = 50
FAN_HELPERS = """([listen, delay]) => {
  const received = {};
  const complete = [];
  let waiters = [];
  window.benchFanReceived = (id, kind, at) => {
    const got = (received[id] = received[id] || {});
    got[kind] = at;
    if (got.ADDED !== undefined && got.RINGING !== undefined && !got.complete) {
      got.complete = true;
      complete.push(id);
      waiters = waiters.filter((check) => !check());
    }
  };
  window.benchFanWait = (index) => new Promise((resolve) => {
    const check = () => {
      if (complete.length <= index) return false;
      const id = complete[index];
      setTimeout(() => resolve({id, ADDED: received[id].ADDED, RINGING: received[id].RINGING}), delay);
      return true;
    };
    if (!check()) waiters.push(check);
  });
  if (listen) {
    window.addEventListener("message", (event) => {
      const at = performance.timeOrigin + performance.now();
      const data = event.data;
      if (data && data.event === "interaction" && data.data && data.data.interaction) {
        window.benchFanReceived(String(data.data.interaction.interactionId), data.data.eventType, at);
      }
    });
  }
}"""

# In a Python app: the client's own subscription, its handler noting when it ran.
PYTHON_FAN_OUT = """
import js

def _bench_on_interaction(message):
    at = js.performance.timeOrigin + js.performance.now()
    data = message["data"]
    js.benchFanReceived(str(data["interaction"]["interactionId"]), data["eventType"], at)

_bench_subscription = await service.subscribe(["interaction"], _bench_on_interaction)
str(_bench_subscription.id)
"""

# The ring runs in a task of its own, `delay` ms after this evaluate returned: not inside
# Playwright's evaluate, whose answer would go through the browser process with the events.
SCHEDULE_RING = """([ani, delay]) => {
  window.benchPublished = null;
  window.benchSent = [];
  setTimeout(() => {
    const at = performance.timeOrigin + performance.now();
    const call = window.wweScenario("ring_inbound_call", {ani});
    window.benchPublished = {at, returned: performance.timeOrigin + performance.now(), id: String(call.interactionId)};
  }, delay);
}"""
RING_DELAY_MS = 20

# An experiment's hook, not an API: the desktop's transport hands each message to a JavaScript
# function it holds (PostMessageServiceTransport._post); a wrapper notes when, for which window
# key and what (the text kept as is: read only afterwards). One array push per message.
WATCH_POSTS = """() => {
  const transport = window.wweDesktop.transport;
  const post = transport._post;
  const postAll = transport._post_all;
  window.benchSent = [];
  transport._post = (key, text) => { window.benchSent.push([performance.timeOrigin + performance.now(), key, text]); return post(key, text); };
  transport._post_all = (keys, text) => {
    const at = performance.timeOrigin + performance.now();
    for (const key of keys.split(",")) window.benchSent.push([at, Number(key), text]);
    return postAll(keys, text);
  };
}"""
READ_POSTS = """() => window.benchSent.map(([at, key, text]) => {
  const message = JSON.parse(text);
  const data = message.data || {};
  return {at, place: window.wweDesktop.transport.place(key), event: message.event, eventType: data.eventType,
          id: data.interaction ? String(data.interaction.interactionId) : null};
})"""

RING_MANY = """([from, to]) => {
  for (let i = from; i < to; i++) window.wweScenario("ring_inbound_call", {ani: "+1555" + String(i).padStart(7, "0")});
  return window.wweInteractions().length;
}"""

ON_SCREEN = """() => new Promise((resolve) => {
  const report = (raf) => resolve({state: document.visibilityState, hidden: document.hidden, raf});
  const timer = setTimeout(() => report(false), 2000);
  requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); report(true); }));
})"""

# The JS heap as found, then after a full collection (what is live), for a steadier figure.
MEMORY = """() => {
  const found = performance.memory.usedJSHeapSize;
  window.gc();
  return {
    wasm_bytes: window.pyodide ? window.pyodide._module.HEAPU8.buffer.byteLength : null,
    js_heap_used_found_bytes: found,
    js_heap_used_bytes: performance.memory.usedJSHeapSize,
    js_heap_total_bytes: performance.memory.totalJSHeapSize,
  };
}"""

# The floor's clock check: the client's send and reply times around the host's receipt time,
# each in its own process's timeOrigin + now().
CLIENT_CLOCK = """async (count) => {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const sent = performance.timeOrigin + performance.now();
    await new Promise((resolve) => {
      const on = (event) => { if (event.source === window.parent) { window.removeEventListener("message", on); resolve(); } };
      window.addEventListener("message", on);
      window.parent.postMessage({request: "agent.getState", referenceId: "clock-" + i, userAgent: "WWE Client", protocolVersion: 2}, "*");
    });
    samples.push([sent, performance.timeOrigin + performance.now()]);
  }
  return samples;
}"""
# The floor's page posting to its iframe from a task that goes on `busy` ms after the post:
# when does the message arrive, against when the task ended?
BUSY_AFTER_POST_MS = (0.0, 2.0)
BUSY_SAMPLES = 10
BUSY_CLIENT = """(delay) => {
  const got = [];
  let waiters = [];
  window.addEventListener("message", (event) => {
    if (event.data && event.data.probe !== undefined) {
      got.push(performance.timeOrigin + performance.now());
      waiters = waiters.filter((check) => !check());
    }
  });
  window.benchProbeWait = (index) => new Promise((resolve) => {
    const check = () => {
      if (got.length <= index) return false;
      setTimeout(() => resolve(got[index]), delay);
      return true;
    };
    if (!check()) waiters.push(check);
  });
}"""
BUSY_SEND = """([busy, delay]) => {
  window.benchProbe = null;
  setTimeout(() => {
    const target = document.querySelector("iframe").contentWindow;
    const at = performance.timeOrigin + performance.now();
    target.postMessage({probe: at}, "*");
    const until = performance.now() + busy;
    while (performance.now() < until) { /* the rest of a long task */ }
    window.benchProbe = {at, ended: performance.timeOrigin + performance.now()};
  }, delay);
}"""
HOST_CLOCK = """() => {
  window.benchHostAt = [];
  window.addEventListener("message", () => window.benchHostAt.push(performance.timeOrigin + performance.now()));
}"""


@dataclass(slots=True)
class App:
    kind: str  # "js" or "python"
    url: str
    index: int  # its origin's index among the app origins


class ManyApps:
    """One Chromium, the desktop on 127.0.0.1 and up to max(sizes) app origins."""

    def __init__(self, context: BrowserContext, site: RunningSite, profile: str, args: argparse.Namespace) -> None:
        self.context = context
        self.site = site
        self.profile = profile
        self.args = args
        self.desktop, *self.app_origins = site.origins

    # -- helpers ----------------------------------------------------------------------------

    def apps(self, count: int) -> list[App]:
        """Alternately JS (even index) and Python (odd): one app is a JS app."""
        return [self.app(index, "js" if index % 2 == 0 else "python") for index in range(count)]

    def app(self, index: int, kind: str) -> App:
        return App(kind, self.app_origins[index] + (JS_APP if kind == "js" else PYTHON_APP), index)

    def frames_at(self, page: Page, urls: list[str]) -> list[Frame]:
        deadline = time.monotonic() + BOOT_TIMEOUT_MS / 1000
        while time.monotonic() < deadline:
            found = {frame.url: frame for frame in page.frames if not frame.is_detached()}
            if all(url in found for url in urls):
                return [found[url] for url in urls]
            page.wait_for_timeout(POLL_MS)
        raise TimeoutError(f"app frames missing: {[url for url in urls if url not in found]}")

    def open_desktop(self, apps: list[App]) -> tuple[Page, list[Frame], list[dict[str, Any]]]:
        """The desktop with `apps`, all booted, every app frame checked on screen."""
        self.site.config.value = {
            "options": {"service-client-api.accepted-web-content-origins": ", ".join(sorted({self.app_origins[app.index] for app in apps}))},
            "apps": [{"title": f"{app.kind[0].upper()}{app.index}", "url": app.url} for app in apps],
        }
        page = self.context.new_page()
        page.goto(self.desktop + "/")
        page.add_style_tag(content=LAYOUT_CSS)
        page.wait_for_function("window.wweDesktopReady === true", timeout=BOOT_TIMEOUT_MS, polling=POLL_MS)
        frames = self.frames_at(page, [app.url for app in apps])
        for app, frame in zip(apps, frames, strict=True):
            ready = "window.jsAppReady === true" if app.kind == "js" else "window.wweAppReady === true"
            frame.wait_for_function(ready, timeout=BOOT_TIMEOUT_MS, polling=POLL_MS)
            if app.kind == "js":
                frame.evaluate("window.quiet = true")  # the test app's DOM log of replies is not the client
            else:
                frame.evaluate("code => window.pyodide.runPythonAsync(code)", PYTHON_ROUND_TRIPS)
        return page, frames, self.check_on_screen(page, frames)

    def check_on_screen(self, page: Page, frames: list[Frame]) -> list[dict[str, Any]]:
        """Each app frame inside the viewport, visible, and drawing frames (not throttled)."""
        viewport = page.viewport_size or {"width": 0, "height": 0}
        checks = []
        for frame in frames:
            box = frame.frame_element().bounding_box()
            seen = frame.evaluate(ON_SCREEN)
            ok = (
                box is not None
                and box["width"] > 0
                and box["height"] > 0
                and box["x"] >= 0
                and box["y"] >= 0
                and box["x"] + box["width"] <= viewport["width"]
                and box["y"] + box["height"] <= viewport["height"]
                and seen["state"] == "visible"
                and not seen["hidden"]
                and seen["raf"]
            )
            if not ok:
                raise RuntimeError(f"app frame {frame.url} not on screen: box={box} {seen}")
            checks.append({"url": frame.url, "box": box, **seen})
        return checks

    def app_round_trips(self, app: App, frame: Frame, count: int) -> list[float]:
        if app.kind == "js":
            return list(frame.evaluate("n => window.roundTrips('agent.getState', n)", count))
        return list(json.loads(frame.evaluate("code => window.pyodide.runPythonAsync(code)", f"await _bench_round_trips({count})")))

    def renderer_memory(self) -> dict[str, Any]:
        """Resident memory of this browser's renderer processes (Linux /proc), the browser's own
        UI renderer left out; shared pages count in each process, so the sum overstates."""
        sizes = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                # A zygote's children rewrite their command line as one space-separated string.
                command = (entry / "cmdline").read_bytes().decode(errors="replace").replace("\0", " ")
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"--user-data-dir={self.profile} " in command + " " and "--type=renderer" in command and "--top-chrome-webui" not in command:
                sizes.append(next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0))
        return {"renderer_processes": len(sizes) or None, "renderer_rss_bytes": sum(sizes) or None}

    def others_busy(self) -> list[str]:
        """Other test or browser runs on the machine (they share its two cores): other Chromium
        browsers and pytest processes, by command line."""
        seen = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                command = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
            except OSError:
                continue
            text = " ".join(command)
            browser = Path(command[0]).name == "chromium" and "--type=" not in text and f"--user-data-dir={self.profile}" not in text
            if browser or "pytest" in text:
                seen.append(text[:120])
        return seen

    # -- the floor --------------------------------------------------------------------------

    def floor(self) -> dict[str, Any]:
        """The plain-JS echo (as bench_roundtrip.py), and how well two processes' clocks agree:
        each host receipt against the middle of its client's send and reply."""
        client = self.app_origins[0] + ECHO_CLIENT
        page = self.context.new_page()
        page.goto(f"{self.desktop}{ECHO_HOST}?client={client}")
        (echo,) = self.frames_at(page, [client])
        echo.wait_for_function("window.echoReady === true", timeout=WAIT_TIMEOUT_MS, polling=POLL_MS)
        self.check_on_screen(page, [echo])
        settle()
        echo.evaluate("n => window.roundTrips(n)", self.args.warm_up)
        settle()
        times = list(echo.evaluate("n => window.roundTrips(n)", self.args.calls))
        settle()
        page.evaluate(HOST_CLOCK)
        sends = echo.evaluate(CLIENT_CLOCK, FLOOR_CLOCK_SAMPLES)
        receipts = page.evaluate("window.benchHostAt")
        echo.evaluate(BUSY_CLIENT, RESOLVE_DELAY_MS)
        busy_tasks: dict[str, Any] = {}
        for busy in BUSY_AFTER_POST_MS:
            samples = []
            for _ in range(BUSY_SAMPLES):
                page.evaluate(BUSY_SEND, [busy, RING_DELAY_MS])
                received = echo.evaluate("k => window.benchProbeWait(k)", sum(len(v["samples"]) for v in busy_tasks.values()) + len(samples))
                sent = page.evaluate("window.benchProbe")
                samples.append({"post_to_receipt_ms": received - sent["at"], "post_to_task_end_ms": sent["ended"] - sent["at"]})
            busy_tasks[f"{busy:g}"] = {
                "post_to_receipt_median_ms": statistics.median(x["post_to_receipt_ms"] for x in samples),
                "post_to_task_end_median_ms": statistics.median(x["post_to_task_end_ms"] for x in samples),
                "samples": samples,
            }
        page.close()
        offsets = [host - (sent + back) / 2 for (sent, back), host in zip(sends, receipts, strict=True)]
        outside = sum(1 for (sent, back), host in zip(sends, receipts, strict=True) if not sent <= host <= back)
        return {
            **summary(times),
            "times": times,
            "clock_check": {
                "offset_median_ms": statistics.median(offsets),
                "offset_max_abs_ms": max(abs(offset) for offset in offsets),
                "host_receipt_outside_client_window": outside,
                "samples": FLOOR_CLOCK_SAMPLES,
            },
            "post_in_a_busy_task": busy_tasks,
        }

    def plain_fan_out(self, size: int, payload: dict[str, Any]) -> dict[str, Any]:
        """The fan-out floor: a plain-JS page (pages/fan-host.html) posting one ADDED-sized event
        to `size` plain-JS iframes (pages/fan-client.html), each on the origin an app of that
        desktop has, in one task of its own; post → each frame's listener, timed as the desktop's
        fan-out is. What any service on this page and machine could do at best."""
        clients = [self.app_origins[index] + FAN_CLIENT for index in range(size)]
        page = self.context.new_page()
        page.goto(f"{self.desktop}{FAN_HOST}?clients={','.join(clients)}")
        frames = self.frames_at(page, clients)
        for frame in frames:
            frame.wait_for_function("window.fanReady === true", timeout=WAIT_TIMEOUT_MS, polling=POLL_MS)
        self.check_on_screen(page, frames)
        events = []
        try:
            for number in range(WARM_UP_EVENTS + self.args.events):
                settle_for(self.args.gap)
                page.evaluate("([delay, payload]) => window.fanOut(delay, payload)", [RING_DELAY_MS, payload])
                receipts = [frame.evaluate("([k, delay]) => window.fanWait(k, delay)", [number, RESOLVE_DELAY_MS]) for frame in frames]
                sent = page.evaluate("window.fanSent")
                if number >= WARM_UP_EVENTS:
                    events.append({
                        "added_ms": [at - sent["at"] for at in receipts],
                        "posted_ms": [at - sent["at"] for at in sent["posted"]],
                        "task_end_ms": sent["ended"] - sent["at"],
                    })
        finally:
            page.close()
        deliveries = [ms for event in events for ms in event["added_ms"]]
        return {
            "apps": size,
            "fan_out_p50_ms": statistics.median(deliveries),
            "fan_out_p99_ms": percentile(deliveries, 0.99),
            "last_delivery_p50_ms": statistics.median(max(event["added_ms"]) for event in events),
            "task_end_p50_ms": statistics.median(event["task_end_ms"] for event in events),
            "payload_chars": len(json.dumps(payload)),
            "events": events,
        }

    # -- one desktop of N apps --------------------------------------------------------------

    def desktop_with(self, label: str, apps: list[App]) -> dict[str, Any]:
        progress(f"{label}: booting {len(apps)} app(s) ({sum(app.kind == 'python' for app in apps)} Python)")
        page, frames, on_screen = self.open_desktop(apps)
        try:
            settle()
            progress(f"{label}: round trips")
            round_trips = self.round_trips(apps, frames)
            progress(f"{label}: fan-out")
            fan_out = self.fan_out(page, apps, frames)
            memory = [
                {"kind": app.kind, "url": app.url, **frame.evaluate(MEMORY)} for app, frame in zip(apps, frames, strict=True)
            ]
            processes = {**self.renderer_memory(), "others_busy": self.others_busy()}
            on_screen_after = self.check_on_screen(page, frames)
        finally:
            page.close()
        return {
            "apps": [{"kind": app.kind, "url": app.url} for app in apps],
            "on_screen": on_screen,
            "on_screen_after": on_screen_after,
            "round_trips": round_trips,
            "fan_out": fan_out,
            "memory": memory,
            **processes,
        }

    def round_trips(self, apps: list[App], frames: list[Frame]) -> list[dict[str, Any]]:
        """Every app's warm-up first, then `--rounds` rounds: in each, every app in turn makes its
        share of `--calls` while the others idle, after a settle. Pooled per app: a slow second
        of the machine (two cores, shared) lands on one block of an app, not on its whole figure."""
        for app, frame in zip(apps, frames, strict=True):
            self.app_round_trips(app, frame, self.args.warm_up)
        rounds = max(1, min(self.args.rounds, self.args.calls))
        shares = [self.args.calls // rounds + (1 if index < self.args.calls % rounds else 0) for index in range(rounds)]
        times: list[list[float]] = [[] for _ in apps]
        blocks: list[list[float]] = [[] for _ in apps]  # each block's median, to show the spread
        for share in shares:
            for index, (app, frame) in enumerate(zip(apps, frames, strict=True)):
                settle()
                block = self.app_round_trips(app, frame, share)
                times[index].extend(block)
                blocks[index].append(statistics.median(block))
        return [
            {"kind": app.kind, "url": app.url, **summary(mine), "block_medians_ms": block, "times": mine}
            for app, mine, block in zip(apps, times, blocks, strict=True)
        ]

    def fan_out(self, page: Page, apps: list[App], frames: list[Frame]) -> dict[str, Any]:
        """Every app subscribed to `interaction`; each ring's ADDED, publish → each handler,
        and when the desktop posted it to that app."""
        for app, frame in zip(apps, frames, strict=True):
            frame.evaluate(FAN_HELPERS, [app.kind == "js", RESOLVE_DELAY_MS])
            if app.kind == "js":
                reply = frame.evaluate("() => window.subscribe(['interaction'])")
                if "subscriptionId" not in json.dumps(reply):
                    raise RuntimeError(f"subscribe refused: {reply}")
            else:
                frame.evaluate("code => window.pyodide.runPythonAsync(code)", PYTHON_FAN_OUT)
        page.evaluate(WATCH_POSTS)
        before = page.evaluate("window.wweInteractions().length")
        events = []
        for number in range(WARM_UP_EVENTS + self.args.events):
            settle_for(self.args.gap)
            page.evaluate(SCHEDULE_RING, [f"+1555{len(apps):03d}{number:04d}", RING_DELAY_MS])
            # Awaited in each app (a promise, no polling); each answers after the burst.
            receipts = [frame.evaluate("k => window.benchFanWait(k)", number) for frame in frames]
            published = page.evaluate("window.benchPublished")
            posts = page.evaluate(READ_POSTS)
            if any(got["id"] != published["id"] for got in receipts):
                raise RuntimeError(f"ring {published['id']}: the apps saw {[got['id'] for got in receipts]}")
            posted = {post["place"]: post["at"] for post in posts
                      if post["event"] == "interaction" and post["eventType"] == "ADDED" and post["id"] == published["id"]}
            if number >= WARM_UP_EVENTS:
                events.append({
                    "published_at": published["at"],
                    "interaction_id": published["id"],
                    "ring_returned_ms": published["returned"] - published["at"],
                    "added_ms": [got["ADDED"] - published["at"] for got in receipts],
                    "ringing_ms": [got["RINGING"] - published["at"] for got in receipts],
                    "posted_ms": [posted[f"app-frame-{i}"] - published["at"] if f"app-frame-{i}" in posted else None
                                  for i in range(len(apps))],
                    "messages_posted": len(posts),
                })
        after = page.evaluate("window.wweInteractions().length")
        return {"interactions_before": before, "interactions_after": after, "events": events}

    # -- a workspace of many interactions ---------------------------------------------------

    def interactions(self, counts: list[int]) -> list[dict[str, Any]]:
        """One JS app; calls rung up to each count in turn; getState and getInteractions."""
        app = self.app(0, "js")
        progress("interactions: booting the desktop")
        page, (frame,), _ = self.open_desktop([app])
        rows = []
        try:
            have = 0
            for count in sorted(counts):
                have = page.evaluate(RING_MANY, [have, count])
                if have != count:
                    raise RuntimeError(f"{count} rings left {have} interactions in the workspace")
                progress(f"interactions: {count} in the workspace")
                settle_for(1.0)  # the interaction list is drawn once after the burst
                reply = frame.evaluate("() => window.request('interaction.getInteractions')")
                listed = reply["data"].get("data")
                if not isinstance(listed, list) or len(listed) != count:
                    raise RuntimeError(f"getInteractions listed {None if listed is None else len(listed)} of {count}")
                row: dict[str, Any] = {"interactions": count, "reply_chars": len(json.dumps(reply["data"]))}
                for name, key in (("agent.getState", "get_state"), ("interaction.getInteractions", "get_interactions")):
                    settle()
                    frame.evaluate("([name, n]) => window.roundTrips(name, n)", [name, self.args.warm_up])
                    settle()
                    times = list(frame.evaluate("([name, n]) => window.roundTrips(name, n)", [name, self.args.calls]))
                    row[key] = {**summary(times), "times": times}
                rows.append(row)
            self.check_on_screen(page, [frame])
        finally:
            page.close()
        return rows


def cpu_ticks() -> list[int]:
    """The machine's CPU time by kind (/proc/stat), to tell how busy the run kept it."""
    return [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]


def settle_for(seconds: float) -> None:
    """Quiet before the next step (not a wait for a result: those are awaited)."""
    time.sleep(seconds)


# -- figures ---------------------------------------------------------------------------------


def figures(results: dict[str, Any]) -> dict[str, Any]:
    """The table's figures from the samples: per desktop, and the targets."""
    # The floor measured first and again last: the faster is the reference (the stricter ratio).
    floor = min(results["floor"]["median_interpolated_ms"], results["floor_again"]["median_interpolated_ms"])
    desktops = results["desktops"]
    # Each kind's one-app figure: the faster of its one-app desktop measured first and again
    # last (later desktops find better-compiled code in the cache), so the ratio is the stricter.
    one_app_runs = {
        kind: [desktops[label]["round_trips"][0]["median_interpolated_ms"] for label in (f"1 {name}", f"1 {name} again") if label in desktops]
        for kind, name in (("js", "JS"), ("python", "Python"))
    }
    one = {kind: min(runs) for kind, runs in one_app_runs.items()}
    rows = {}
    for label, desktop in results["desktops"].items():
        events = desktop["fan_out"]["events"]
        deliveries = [ms for event in events for ms in event["added_ms"]]
        kinds = [app["kind"] for app in desktop["apps"]]
        row: dict[str, Any] = {
            "apps": len(kinds),
            "fan_out_p50_ms": statistics.median(deliveries),
            "fan_out_p99_ms": percentile(deliveries, 0.99),
            "fan_out_min_ms": min(deliveries),
            "fan_out_p99_x_floor": percentile(deliveries, 0.99) / floor,
            "ring_call_p50_ms": statistics.median(event["ring_returned_ms"] for event in events),
            # When the desktop posted the ADDED event to each app, and from there to its handler.
            "posted_p50_ms": median_or_none([ms for event in events for ms in event["posted_ms"]]),
            "last_posted_p50_ms": median_or_none([max(ms for ms in event["posted_ms"] if ms is not None)
                                                  for event in events if any(ms is not None for ms in event["posted_ms"])]),
            "returned_to_handler_p50_ms": statistics.median(added - event["ring_returned_ms"] for event in events for added in event["added_ms"]),
            "posted_to_handler_p50_ms": median_or_none([added - posted for event in events
                                                        for added, posted in zip(event["added_ms"], event["posted_ms"], strict=True)
                                                        if posted is not None]),
            "posted_to_handler_p99_ms": percentile_or_none([added - posted for event in events
                                                            for added, posted in zip(event["added_ms"], event["posted_ms"], strict=True)
                                                            if posted is not None], 0.99),
            "last_delivery_p50_ms": statistics.median(max(event["added_ms"]) for event in events),
            "last_delivery_p99_ms": percentile([max(event["added_ms"]) for event in events], 0.99),
            "fan_out_by_app_median_ms": [statistics.median(event["added_ms"][i] for event in events) for i in range(len(kinds))],
            "interactions_in_workspace": [desktop["fan_out"]["interactions_before"], desktop["fan_out"]["interactions_after"]],
            "renderer_processes": desktop["renderer_processes"],
            "renderer_rss_MiB": None if desktop["renderer_rss_bytes"] is None else desktop["renderer_rss_bytes"] / MIB,
        }
        for kind in ("js", "python"):
            mine = [trip for trip in desktop["round_trips"] if trip["kind"] == kind]
            by_kind = [ms for event in events for ms, k in zip(event["added_ms"], kinds, strict=True) if k == kind]
            memory = [m for m in desktop["memory"] if m["kind"] == kind]
            if not mine:
                continue
            medians = [trip["median_interpolated_ms"] for trip in mine]
            row[kind] = {
                "apps": len(mine),
                "get_state_median_ms": statistics.median(trip["median_ms"] for trip in mine),
                "get_state_median_interpolated_ms": statistics.median(medians),
                "get_state_worst_app_ms": max(medians),
                "worst_x_one_app": max(medians) / one[kind],
                "every_app_x_one_app": [m / one[kind] for m in medians],
                "fan_out_p50_ms": statistics.median(by_kind),
                "fan_out_p99_ms": percentile(by_kind, 0.99),
                "js_heap_used_MiB_median": statistics.median(m["js_heap_used_bytes"] for m in memory) / MIB,
            }
            if kind == "python":
                row[kind]["wasm_memory_MiB_median"] = statistics.median(m["wasm_bytes"] for m in memory) / MIB
        rows[label] = row
    # The plain-JS page's fan-out to as many frames: the best any service could do here.
    plain = {
        size: {key: value for key, value in entry.items() if key != "events"} | {"fan_out_p99_x_floor": entry["fan_out_p99_ms"] / floor}
        for size, entry in results.get("plain_fan_out", {}).items()
    }
    for row in rows.values():
        same = plain.get(f"{row['apps']}")
        row["plain_fan_out_p99_ms"] = same["fan_out_p99_ms"] if same else None
        row["fan_out_p99_x_plain"] = row["fan_out_p99_ms"] / same["fan_out_p99_ms"] if same else None
    targets = {
        "fan_out_p99_x_floor": {label: row["fan_out_p99_x_floor"] <= TARGET_FAN_OUT_P99_X_FLOOR for label, row in rows.items()},
        "every_app_within_x_one_app": {
            label: all(row[kind]["worst_x_one_app"] <= TARGET_ROUND_TRIP_X_ONE_APP for kind in ("js", "python") if kind in row)
            for label, row in rows.items()
        },
    }
    return {"floor_median_interpolated_ms": floor, "one_app_ms": one, "one_app_runs_ms": one_app_runs, "rows": rows,
            "plain_fan_out": plain, "targets": targets}


def median_or_none(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def percentile_or_none(values: list[float], fraction: float) -> float | None:
    return percentile(values, fraction) if values else None


def growth(steps: list[tuple[int, float | None]]) -> list[dict[str, Any]]:
    """Each step's growth against its size's: superlinear when past SUPERLINEAR_SLACK × it."""
    out = []
    for (size_a, a), (size_b, b) in itertools.pairwise(steps):
        if a is None or b is None or a <= 0:
            continue
        factor, size_factor = b / a, size_b / size_a
        out.append({
            "from": size_a, "to": size_b, "size_factor": size_factor, "factor": factor,
            "exponent": math.log(factor) / math.log(size_factor) if factor > 0 else None,
            "superlinear": factor > SUPERLINEAR_SLACK * size_factor,
        })
    return out


def growth_report(results: dict[str, Any], fig: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    sized = [(row["apps"], label, row) for label, row in fig["rows"].items() if label == "1 JS" or label.isdigit()]
    sized.sort(key=lambda item: item[0])

    def series(pick: Any) -> list[tuple[int, float | None]]:
        return [(size, pick(row)) for size, _, row in sized]

    report = {
        "fan_out_p50_per_delivery": growth(series(lambda r: r["fan_out_p50_ms"])),
        "fan_out_p99_per_delivery": growth(series(lambda r: r["fan_out_p99_ms"])),
        "last_delivery_p50": growth(series(lambda r: r["last_delivery_p50_ms"])),
        "js_get_state_worst_app": growth(series(lambda r: r["js"]["get_state_worst_app_ms"])),
        # The Python apps' one-app point is the one-Python-app desktop.
        "python_get_state_worst_app": growth(
            [(1, fig["rows"]["1 Python"]["python"]["get_state_worst_app_ms"])]
            + [(s, v) for s, v in series(lambda r: r.get("python", {}).get("get_state_worst_app_ms")) if s > 1 and v is not None]
        ),
        "renderer_rss_total": growth(series(lambda r: r["renderer_rss_MiB"])),
    }
    rows = results["interactions"]
    report["get_interactions_median"] = growth([(r["interactions"], r["get_interactions"]["median_interpolated_ms"]) for r in rows])
    report["get_state_median_vs_interactions"] = growth([(r["interactions"], r["get_state"]["median_interpolated_ms"]) for r in rows])
    return report


# -- the run ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    sizes = sorted(set(args.sizes))
    most = max(sizes + [2])  # the one-Python-app desktop uses app origin 1
    if args.sites == "own":
        hosts = [f"127.0.0.{index + 2}" for index in range(most)]
    else:
        hosts = ["localhost" if index % 2 == 0 else "127.0.0.1" for index in range(most)]
    site_dir = build_site(quiet=True)
    site = serve_site(
        site_dir,
        [Origin("127.0.0.1", free_port())] + [Origin(host, free_port()) for host in hosts],
        config={},
        mounts={"/bench/": HERE / "pages", "/test-apps/": ROOT / "tests" / "e2e" / "apps"},
    )
    load_before = os.getloadavg()[0]
    cpu_before = cpu_ticks()
    started = time.monotonic()
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_average_1min_before": load_before, "platform": platform.platform()},
        "options": {"sizes": sizes, "events": args.events, "warm_up_events": WARM_UP_EVENTS, "calls": args.calls,
                    "warm_up": args.warm_up, "rounds": args.rounds, "interactions": args.interactions, "sites": args.sites, "gap_s": args.gap},
        "chromium_flags": CHROMIUM_FLAGS + BENCH_FLAGS,
        "origins": {"desktop": site.origins[0], "apps": site.origins[1:]},
    }
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="wwe-bench-") as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS + BENCH_FLAGS, viewport=VIEWPORT
            )
            for page in context.pages:
                page.close()
            bench = ManyApps(context, site, profile, args)
            progress("floor")
            results["floor"] = bench.floor()
            progress("plain-JS fan-out")
            results["plain_fan_out"] = {f"{size}": bench.plain_fan_out(size, added_event()) for size in sizes}
            desktops: dict[str, Any] = {}
            # Unrecorded: the whole course once with two apps, to fill the HTTP cache and the
            # code caches (V8 caches the wasm it has optimized), so no desktop starts cold.
            bench.desktop_with("warm-up desktop (unrecorded)", bench.apps(2))
            desktops["1 JS"] = bench.desktop_with("1 JS", bench.apps(1))
            desktops["1 Python"] = bench.desktop_with("1 Python", [bench.app(1, "python")])
            for size in sizes:
                if size > 1:
                    desktops[f"{size}"] = bench.desktop_with(f"{size} apps", bench.apps(size))
            # The one-app desktops again, last: how much the run itself drifted.
            desktops["1 JS again"] = bench.desktop_with("1 JS again", bench.apps(1))
            desktops["1 Python again"] = bench.desktop_with("1 Python again", [bench.app(1, "python")])
            results["desktops"] = desktops
            results["interactions"] = bench.interactions(args.interactions)
            progress("floor again")
            results["floor_again"] = bench.floor()
            page = context.new_page()
            results["chromium"] = page.evaluate("navigator.userAgent")
            page.close()
            context.close()
    finally:
        site.stop()
    results["seconds"] = time.monotonic() - started
    results["machine"]["load_average_1min_after"] = os.getloadavg()[0]
    spent = [after - before for before, after in zip(cpu_before, cpu_ticks(), strict=True)]
    # /proc/stat's cpu line: user nice system idle iowait irq softirq steal; busy and stolen shares.
    results["machine"]["cpu_busy_share"] = (sum(spent) - spent[3] - spent[4]) / sum(spent) if sum(spent) else None
    results["machine"]["cpu_steal_share"] = spent[7] / sum(spent) if sum(spent) else None
    results["figures"] = figures(results)
    results["growth"] = growth_report(results, results["figures"])
    return results


# -- the printout ----------------------------------------------------------------------------


def print_report(results: dict[str, Any]) -> None:
    fig, floor = results["figures"], results["floor"]
    machine, options = results["machine"], results["options"]
    print(f"wwe-scapi many apps — {results['date']} — {results['chromium']}")
    print(f"machine: {machine['cpus']} CPUs, load {machine['load_average_1min_before']:.2f} before,"
          f" {machine['load_average_1min_after']:.2f} after; CPUs busy {100 * machine['cpu_busy_share']:.0f} % of the run,"
          f" stolen by the host {100 * machine['cpu_steal_share']:.1f} %; run {results['seconds']:.0f} s; sites: {options['sites']}")
    disturbed = [label for label, desktop in results["desktops"].items() if desktop["others_busy"]]
    if disturbed:
        print(f"WARNING: other browsers or tests ran beside this benchmark, at: {', '.join(disturbed)} (figures disturbed)")
    clock = floor["clock_check"]
    print(f"\nplain-JS floor (echo host 127.0.0.1, client iframe {results['origins']['apps'][0]}), {options['calls']} calls:")
    for when, run in (("first", floor), ("again, last", results["floor_again"])):
        print(f"  {when:12} median {run['median_ms']:.3f} ms, median~ {run['median_interpolated_ms']:.3f}, p99 {run['p99_ms']:.3f}")
    print(f"  the reference: the faster median~, {fig['floor_median_interpolated_ms']:.3f} ms")
    print(f"  clocks of two processes (timeOrigin + now): host receipt − middle of the client's send/reply:"
          f" median {clock['offset_median_ms']:+.3f} ms, max |…| {clock['offset_max_abs_ms']:.3f};"
          f" {clock['host_receipt_outside_client_window']}/{clock['samples']} outside the client's window")
    busy = floor["post_in_a_busy_task"]
    print("  a cross-process postMessage arrives once the posting task has ended: post → receipt "
          + ", ".join(f"{v['post_to_receipt_median_ms']:.2f} ms when the task ends {v['post_to_task_end_median_ms']:.2f} ms after the post"
                      for v in busy.values()) + " (medians)")

    where = "each on a site of its own" if options["sites"] == "own" else "on localhost and 127.0.0.1 alternately"
    print(f"\nN apps (even index JS, odd Python, {where}); fan-out: {options['events']} rings after {WARM_UP_EVENTS}, each ADDED"
          f" event\nfrom just before the ring in the desktop to each app's handler, all deliveries pooled; getState:"
          f" {options['calls']} calls per app\nafter {options['warm_up']}, in {options['rounds']} blocks round robin, one app at a time:"
          " each app's median~, the median"
          " over the apps, and the worst app × its kind's one-app figure; ms")
    width = 14
    print(f"  {'apps':{width}} {'fan-out p50':>11} {'p99':>6} {'p99×floor':>9} {'last p50':>8} {'last p99':>8} │"
          f" {'JS getState':>11} {'worst×1':>7} │ {'Py getState':>11} {'worst×1':>7} │ {'Py wasm':>7} {'Py heap':>7} {'JS heap':>7} │"
          f" {'renderers':>9} {'RSS':>6}")
    for label, row in fig["rows"].items():
        js, py = row.get("js"), row.get("python")
        js_text = f"{js['get_state_median_interpolated_ms']:11.3f} {js['worst_x_one_app']:7.2f}" if js else f"{'':11} {'':7}"
        py_text = f"{py['get_state_median_interpolated_ms']:11.3f} {py['worst_x_one_app']:7.2f}" if py else f"{'':11} {'':7}"
        mem_text = f"{py['wasm_memory_MiB_median']:7.1f} {py['js_heap_used_MiB_median']:7.1f}" if py else f"{'':7} {'':7}"
        mem_text += f" {js['js_heap_used_MiB_median']:7.1f}" if js else f" {'':7}"
        rss = row["renderer_rss_MiB"]
        print(f"  {label:{width}} {row['fan_out_p50_ms']:11.2f} {row['fan_out_p99_ms']:6.2f} {row['fan_out_p99_x_floor']:9.1f}"
              f" {row['last_delivery_p50_ms']:8.2f} {row['last_delivery_p99_ms']:8.2f} │ {js_text} │ {py_text} │ {mem_text} │"
              f" {row['renderer_processes'] or 0:9d} {rss if rss is not None else float('nan'):6.0f}")
    print("  last: the event's last delivery (to all N apps); Py wasm: Pyodide's wasm memory per Python app, MiB (median);"
          "\n  heap: usedJSHeapSize of the app's renderer after a full GC, MiB (median); renderers / RSS: the browser's renderer"
          " processes\n  (the desktop's, the apps', a spare) and their summed RSS, MiB")
    runs = fig["one_app_runs_ms"]
    print("  one-app figures (first, again at the end; the faster is the reference): "
          + "; ".join(f"{kind} " + " / ".join(f"{ms:.3f}" for ms in values) for kind, values in runs.items()))

    print("\n  where the fan-out time goes, ms (p50): the ring itself (wweScenario until it returned); when the desktop posted the"
          "\n  ADDED event to an app and to the last app (its transport's post, timed); from the post, and from the ring's return,"
          "\n  to the app's handler; per kind, publish → handler (p50/p99)")
    print(f"  {'apps':{width}} {'ring':>6} {'posted':>7} {'last':>6} │ {'post→handler':>12} {'p99':>6} {'return→handler':>14} │ {'JS':>11} {'Python':>11}")
    for label, row in fig["rows"].items():
        kinds = " ".join(f"{row[kind]['fan_out_p50_ms']:5.2f}/{row[kind]['fan_out_p99_ms']:5.2f}" if kind in row else f"{'':11}"
                         for kind in ("js", "python"))
        print(f"  {label:{width}} {row['ring_call_p50_ms']:6.2f} {fmt(row['posted_p50_ms'], 7)} {fmt(row['last_posted_p50_ms'], 6)} │"
              f" {fmt(row['posted_to_handler_p50_ms'], 12)} {fmt(row['posted_to_handler_p99_ms'], 6)}"
              f" {row['returned_to_handler_p50_ms']:14.2f} │ {kinds}")
    print("  publish → handler by app position, median ms: " + "; ".join(
        f"{label}: " + " ".join(f"{ms:.1f}" for ms in row["fan_out_by_app_median_ms"]) for label, row in fig["rows"].items() if row["apps"] > 1))
    print("  interactions in each workspace during its fan-out: " + ", ".join(
        f"{label} {row['interactions_in_workspace'][0]}→{row['interactions_in_workspace'][1]}" for label, row in fig["rows"].items()))

    print(f"\none JS app, the workspace holding n inbound calls; {options['calls']} calls each after {options['warm_up']}; ms")
    print(f"  {'interactions':>12} │ {'getInteractions median':>22} {'median~':>8} {'p99':>7} {'reply kB':>8} │ {'getState median':>15} {'median~':>8} {'p99':>6}")
    for row in results["interactions"]:
        gi, gs = row["get_interactions"], row["get_state"]
        print(f"  {row['interactions']:12d} │ {gi['median_ms']:22.2f} {gi['median_interpolated_ms']:8.2f} {gi['p99_ms']:7.2f}"
              f" {row['reply_chars'] / 1000:8.0f} │ {gs['median_ms']:15.2f} {gs['median_interpolated_ms']:8.3f} {gs['p99_ms']:6.2f}")

    plain = fig.get("plain_fan_out", {})
    if plain:
        print("\nthe plain-JS fan-out (pages/fan-host.html posting an ADDED-sized event to N plain-JS iframes, the apps' origins,"
              "\nin one task; post → each frame's listener, all deliveries pooled), against the desktops' fan-out; ms")
        print(f"  {'frames':>6} {'p50':>6} {'p99':>6} {'p99×floor':>9} {'last p50':>8} {'task':>6} │ ours: {'label':14} {'p99':>6} {'× plain p99':>11}")
        for size, entry in plain.items():
            ours = [(label, row) for label, row in fig["rows"].items() if f"{row['apps']}" == size and "again" not in label]
            text = "; ".join(f"{label:14} {row['fan_out_p99_ms']:6.2f} {row['fan_out_p99_x_plain']:11.1f}" for label, row in ours)
            print(f"  {size:>6} {entry['fan_out_p50_ms']:6.2f} {entry['fan_out_p99_ms']:6.2f} {entry['fan_out_p99_x_floor']:9.1f}"
                  f" {entry['last_delivery_p50_ms']:8.2f} {entry['task_end_p50_ms']:6.2f} │ {text}")

    print("\ntargets:")
    floor_ms = fig["floor_median_interpolated_ms"]
    for label, met in fig["targets"]["fan_out_p99_x_floor"].items():
        row = fig["rows"][label]
        print(f"  fan-out p99 per delivery ≤ {TARGET_FAN_OUT_P99_X_FLOOR:.0f}× the floor's median ({floor_ms:.3f} ms → "
              f"≤ {TARGET_FAN_OUT_P99_X_FLOOR * floor_ms:.2f} ms), {label:14}: {row['fan_out_p99_ms']:.2f} ms ="
              f" {row['fan_out_p99_x_floor']:.1f}× {'met' if met else 'MISSED'}")
    one = fig["one_app_ms"]
    for label, met in fig["targets"]["every_app_within_x_one_app"].items():
        row = fig["rows"][label]
        parts = [f"{kind} worst {row[kind]['worst_x_one_app']:.2f}× (of {one[kind]:.3f} ms)" for kind in ("js", "python") if kind in row]
        print(f"  every app's getState median~ ≤ {TARGET_ROUND_TRIP_X_ONE_APP}× its kind's one-app figure, {label:14}: "
              + ", ".join(parts) + f" {'met' if met else 'MISSED'}")

    print("\nhow the cost grows (each step's factor against its size's factor; worse than linear when > "
          f"{SUPERLINEAR_SLACK}× the size's):")
    worse = []
    for name, steps in results["growth"].items():
        text = ", ".join(f"{s['from']}→{s['to']} ×{s['factor']:.2f} (size ×{s['size_factor']:.0f})" + (" WORSE THAN LINEAR" if s["superlinear"] else "")
                         for s in steps)
        print(f"  {name:34} {text}")
        worse += [f"{name} {s['from']}→{s['to']}" for s in steps if s["superlinear"]]
    print("  worse than linear: " + (", ".join(worse) if worse else "no step"))


def fmt(value: float | None, width: int) -> str:
    return f"{'–':>{width}}" if value is None else f"{value:{width}.2f}"


def sizes_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=sizes_list, default=[1, 5, 10, 20], help="apps per desktop (1,5,10,20)")
    parser.add_argument("--events", type=int, default=30, help="recorded fan-out events per desktop (30)")
    parser.add_argument("--calls", type=int, default=100, help="measured round trips per app and case (100)")
    parser.add_argument("--warm-up", type=int, default=100, help="unrecorded round trips first (100)")
    parser.add_argument("--rounds", type=int, default=4, help="blocks each app's --calls are split into, round robin (4)")
    parser.add_argument("--interactions", type=sizes_list, default=[10, 100, 1000], help="workspace sizes (10,100,1000)")
    parser.add_argument("--sites", choices=("own", "two"), default="own",
                        help="own: each app a site (and renderer) of its own; two: localhost and 127.0.0.1 alternately")
    parser.add_argument("--gap", type=float, default=0.5, help="seconds of quiet before each fan-out event (0.5)")
    parser.add_argument("--out", type=Path, default=HERE / "results-many-apps.json", help="where the JSON goes")
    args = parser.parse_args()
    if max(args.sizes) > 253:
        parser.error("at most 253 apps (127.0.0.2 to 127.0.0.254)")
    results = run(args)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print_report(results)
    print(f"\nall samples: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
