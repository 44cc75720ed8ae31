"""Where the time of a round trip (and of start-up) goes: the experiments behind the findings
in benchmarks/README.md. Same server layout and Chromium as bench_roundtrip.py.

    python3 benchmarks/profile_roundtrip.py [--calls 1000] [--only-profiles] [--keep-profiles DIR]

1. Round-trip decomposition, each a run of --calls in one go, in one Chromium:
     floor (JS ↔ JS echo), the vendor-envelopes test app ↔ JS echo, Python client ↔ JS echo
     host (the client side's cost alone), JS client ↔ Python service (the service side's
     cost alone), Python ↔ Python, and the last two again with the desktop's protocol-log
     sink detached.
2. CPU profiles (DevTools sampling profiler, 100 µs) of the host page's and the app iframe's
   renderer main threads during the floor, JS client and Python client round trips, with
   and without the log sink: busy time per round trip by category.
3. Micro-benchmarks inside Pyodide (µs per operation) on each side of the round trip.
4. Start-up: the loader's steps timed one by one (and the older unpacking), imports from
   the wheel, the cost of a dataclass in Pyodide, service start.

Writes benchmarks/profile.json and prints a summary. It pokes at private attributes of the
running desktop (`service.log._sinks`): an experiment, not an API.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Frame, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_roundtrip import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_FLAGS,
    ECHO_CLIENT,
    ECHO_HOST,
    HERE,
    JS_APP,
    POLL_MS,
    PYTHON_APP,
    PYTHON_ROUND_TRIPS,
    ROOT,
    TIMEOUT_MS,
    Bench,
    Origin,
    build_site,
    free_port,
    progress,
    serve_site,
    settle,
    summary,
)

DETACH_LOG = """
import js
_service = js.wweDesktop.service
_saved_sinks = list(_service.log._sinks)
_service.log._sinks.clear()
len(_saved_sinks)
"""


class Profiler(Bench):
    def open_echo_with(self, app_path: str, ready: str) -> tuple[Page, Frame]:
        """A client app in an iframe of the plain-JS echo host (which answers like the service)."""
        url = self.app_origin + app_path
        page = self.context.new_page()
        page.goto(f"{self.desktop}{ECHO_HOST}?client={url}")
        frame = self.frame_at(page, url)
        frame.wait_for_function(ready, timeout=TIMEOUT_MS, polling=POLL_MS)
        return page, frame

    @staticmethod
    def python_runner(frame: Frame) -> Callable[[int], list[float]]:
        frame.evaluate("code => window.pyodide.runPythonAsync(code)", PYTHON_ROUND_TRIPS)
        return lambda n: json.loads(
            frame.evaluate("code => window.pyodide.runPythonAsync(code)", f"await _bench_round_trips({n})")
        )

    @staticmethod
    def js_runner(frame: Frame) -> Callable[[int], list[float]]:
        frame.evaluate("window.quiet = true")
        return lambda n: list(frame.evaluate("n => window.roundTrips('agent.getState', n)", n))

    # -- 1. decomposition -------------------------------------------------------------------

    def decomposition(self, calls: int, warm_up: int) -> dict[str, Any]:
        runners: dict[str, tuple[Page, Frame, Callable[[int], list[float]]]] = {}
        client = self.app_origin + ECHO_CLIENT
        page = self.context.new_page()
        page.goto(f"{self.desktop}{ECHO_HOST}?client={client}")
        echo = self.frame_at(page, client)
        echo.wait_for_function("window.echoReady === true", timeout=TIMEOUT_MS, polling=POLL_MS)
        runners["floor: JS client ↔ JS echo"] = (page, echo, lambda n: list(echo.evaluate("n => window.roundTrips(n)", n)))
        page, frame = self.open_echo_with(JS_APP, "window.jsAppReady === true")
        runners["vendor-envelopes.html ↔ JS echo"] = (page, frame, self.js_runner(frame))
        page, frame = self.open_echo_with(PYTHON_APP, "window.wweAppReady === true")
        runners["Python client ↔ JS echo"] = (page, frame, self.python_runner(frame))
        page, frame = self._open_desktop_with(JS_APP, "window.jsAppReady === true")
        runners["JS client ↔ Python service"] = (page, frame, self.js_runner(frame))
        page, frame = self._open_desktop_with(PYTHON_APP, "window.wweAppReady === true")
        runners["Python client ↔ Python service"] = (page, frame, self.python_runner(frame))
        page, frame = self._open_desktop_with(JS_APP, "window.jsAppReady === true")
        page.evaluate("code => window.pyodide.runPython(code)", DETACH_LOG)
        runners["JS client ↔ Python service, no log sink"] = (page, frame, self.js_runner(frame))
        page, frame = self._open_desktop_with(PYTHON_APP, "window.wweAppReady === true")
        page.evaluate("code => window.pyodide.runPython(code)", DETACH_LOG)
        runners["Python ↔ Python, no log sink"] = (page, frame, self.python_runner(frame))

        times: dict[str, list[float]] = {name: [] for name in runners}
        for name, (page, frame, run_) in runners.items():
            self.check_visible(page, frame)
            settle()
            run_(warm_up)
        for name, (_, _, run_) in runners.items():
            settle()
            times[name].extend(run_(calls))
        for page, _, _ in runners.values():
            page.close()
        return {name: summary(values) for name, values in times.items()}

    # -- 2. CPU profiles --------------------------------------------------------------------

    def cpu_profiles(self, calls: int, warm_up: int, keep: Path | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        variants = (
            "floor: JS ↔ JS echo",
            "JS client ↔ Python service",
            "JS client ↔ Python service, no log sink",
            "Python ↔ Python",
            "Python ↔ Python, no log sink",
        )
        for variant in variants:
            if variant.startswith("floor"):
                client = self.app_origin + ECHO_CLIENT
                page = self.context.new_page()
                page.goto(f"{self.desktop}{ECHO_HOST}?client={client}")
                frame = self.frame_at(page, client)
                frame.wait_for_function("window.echoReady === true", timeout=TIMEOUT_MS, polling=POLL_MS)
                run_ = lambda n, f=frame: list(f.evaluate("n => window.roundTrips(n)", n))  # noqa: E731
            elif variant.startswith("JS"):
                page, frame = self._open_desktop_with(JS_APP, "window.jsAppReady === true")
                run_ = self.js_runner(frame)
            else:
                page, frame = self._open_desktop_with(PYTHON_APP, "window.wweAppReady === true")
                run_ = self.python_runner(frame)
            if variant.endswith("no log sink"):
                page.evaluate("code => window.pyodide.runPython(code)", DETACH_LOG)
            run_(warm_up)
            settle()
            sessions = {"host page": self.context.new_cdp_session(page), "app iframe": self.context.new_cdp_session(frame)}
            for session in sessions.values():
                session.send("Profiler.enable")
                session.send("Profiler.setSamplingInterval", {"interval": 100})
            for session in sessions.values():
                session.send("Profiler.start")
            times = run_(calls)
            profiles = {name: session.send("Profiler.stop")["profile"] for name, session in sessions.items()}
            for session in sessions.values():
                session.detach()
            page.close()
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                for name, profile in profiles.items():
                    slug = f"{variant}-{name}".replace(" ", "_").replace(":", "").replace(",", "").replace("↔", "to")
                    (keep / f"{slug}.cpuprofile").write_text(json.dumps(profile))
            out[variant] = {
                "round_trip": summary(times),
                "processes": {name: digest(profile, calls) for name, profile in profiles.items()},
            }
        return out

    # -- 3. micro-benchmarks ----------------------------------------------------------------

    def micro(self) -> dict[str, Any]:
        page, frame = self._open_desktop_with(PYTHON_APP, "window.wweAppReady === true")
        service_side = json.loads(page.evaluate("code => window.pyodide.runPython(code)", MICRO_SERVICE.replace("ORIGIN", self.app_origin)))
        service_side |= page.evaluate(MICRO_JS)
        client_side = json.loads(frame.evaluate("code => window.pyodide.runPythonAsync(code)", MICRO_CLIENT))
        client_side |= frame.evaluate(MICRO_JS)
        flush = json.loads(page.evaluate("code => window.pyodide.runPython(code)", MICRO_LOG_FLUSH))
        page.close()
        return {"service side (desktop page)": service_side, "client side (app iframe)": client_side, "protocol log flush": flush}

    # -- 4. start-up ------------------------------------------------------------------------

    def startup_split(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for label, query in (("as the loader does them (zipimport)", ""), ("unpacked instead (?unpack)", "?unpack")):
            steps = []
            for _ in range(3):
                page = self.context.new_page()
                page.goto(f"{self.app_origin}/bench/boot-steps.html{query}")
                page.wait_for_function("window.booted === true", timeout=TIMEOUT_MS, polling=POLL_MS)
                steps.append(page.evaluate("window.bootSteps"))
                page.close()
            out[f"loader steps {label}, ms (median of 3 fresh pages)"] = {k: statistics.median(s[k] for s in steps) for k in steps[0]}
        page = self._boot_only()
        out["class creation in Pyodide, ms each"] = json.loads(page.evaluate("code => window.pyodide.runPython(code)", CLASS_COST))
        page.close()
        page = self._boot_only()
        out["import from the wheel (.pyc)"] = json.loads(page.evaluate("code => window.pyodide.runPython(code)", IMPORT_PLAIN))
        page.close()
        self.configure([])
        page = self.context.new_page()
        page.goto(self.desktop + "/")
        page.wait_for_function("window.wweDesktopReady === true", timeout=TIMEOUT_MS, polling=POLL_MS)
        out["service start, modules already imported"] = json.loads(page.evaluate("code => window.pyodide.runPython(code)", SERVICE_START))
        page.close()
        return out

    def _boot_only(self) -> Page:
        page = self.context.new_page()
        page.goto(f"{self.app_origin}/bench/boot-only.html")
        page.wait_for_function("window.booted === true", timeout=TIMEOUT_MS, polling=POLL_MS)
        return page


def digest(profile: dict[str, Any], calls: int) -> dict[str, Any]:
    """Self time by category and the heaviest functions, in µs per round trip."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    self_us: collections.Counter[int] = collections.Counter()
    samples, deltas = profile["samples"], profile["timeDeltas"]
    for index, node_id in enumerate(samples):
        # A sample's time is the gap to the next sample.
        self_us[node_id] += deltas[index + 1] if index + 1 < len(deltas) else 0
    total = (profile["endTime"] - profile["startTime"]) or 1
    categories: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    for node_id, micros in self_us.items():
        frame = nodes[node_id]["callFrame"]
        name, url = frame["functionName"] or "(anonymous)", frame.get("url", "")
        if name in ("(idle)", "(program)", "(garbage collector)", "(root)"):
            category = name
        elif url.startswith("wasm://") or name.startswith("$") or "wasm-function" in name:
            category = "wasm (CPython interpreter and Pyodide's C)"
        elif "pyodide.asm" in url or "pyodide.mjs" in url:
            category = "Pyodide JS glue (FFI, proxies, event loop)"
        else:
            category = "other JS (bridge, page, builtins)"
        categories[category] += micros
        functions[f"{name} [{url.rsplit('/', 1)[-1] or '-'}]"] += micros
    return {
        "wall_ms": total / 1000,
        "per_round_trip_us": {k: round(v / calls, 1) for k, v in categories.most_common()},
        "busy_per_round_trip_us": round(sum(v for k, v in categories.items() if k != "(idle)") / calls, 1),
        "top_functions_us_per_round_trip": {k: round(v / calls, 1) for k, v in functions.most_common(15)},
    }


MICRO_SERVICE = r"""
import json, time
from pyodide.code import run_js
from pyodide.ffi import create_proxy
import js

host = js.wweDesktop
service = host.service
N = 3000

def per(f, n=N):
    start = time.perf_counter()
    for _ in range(n):
        f()
    return round((time.perf_counter() - start) / n * 1e6, 2)

request = {"request": "agent.getState", "referenceId": "py1", "userAgent": "WWE Client", "protocolVersion": 2, "frameId": 9}
text = json.dumps(request)
out = {}
out["json.loads(request text)"] = per(lambda: json.loads(text))

class NullOutbox:
    def send(self, key, message):
        return True

class JsonOutbox:
    def send(self, key, message):
        json.dumps(message)
        return True

# An experiment, not an API: the service's transport is swapped under it.
saved_outbox, saved_sinks = service._transport, list(service.log._sinks)
try:
    service.log._sinks.clear()
    service._transport = NullOutbox()
    out["service.receive, null outbox, no log sink"] = per(lambda: service.receive(999, "ORIGIN", request))
    service._transport = JsonOutbox()
    out["service.receive + json.dumps(reply), no log sink"] = per(lambda: service.receive(999, "ORIGIN", request))
    entries = []
    service.log._sinks.append(entries.append)
    out["service.receive + json.dumps(reply), list.append log sink"] = per(lambda: service.receive(999, "ORIGIN", request))
finally:
    service._transport = saved_outbox
    service.log._sinks[:] = saved_sinks
noop = run_js("(key, text) => true")
out["Python → JS call (int, str)"] = per(lambda: noop(1, text))
sink = create_proxy(lambda *args: None)
loop = run_js("(f, n, a, b, c) => { const s = performance.now(); for (let i = 0; i < n; i++) f(a, b, c); return (performance.now() - s) / n * 1000; }")
out["JS → Python proxy call (int, str, str)"] = round(loop(sink, N, 1, "ORIGIN", text), 2)
sink.destroy()
json.dumps(out)
"""

MICRO_CLIENT = r"""
import asyncio, json, time
from wwe_scapi.client import ServiceClient

N = 3000

def per(f, n=N):
    start = time.perf_counter()
    for _ in range(n):
        f()
    return round((time.perf_counter() - start) / n * 1e6, 2)

reply = {"request": "agent.getState", "referenceId": "x", "data": {"type": "READY", "displayName": "Ready", "operationName": "Ready"}, "userAgent": "WWE Server", "protocolVersion": 2}
reply_text = json.dumps(reply)
request = {"request": "agent.getState", "referenceId": "py1", "userAgent": "WWE Client", "protocolVersion": 2, "frameId": 1}
out = {}
out["json.dumps(request)"] = per(lambda: json.dumps(request))
out["json.loads(reply text)"] = per(lambda: json.loads(reply_text))

class Answering:
    # A transport that keeps the reply to give back at once: the client's own Python, no I/O.
    def __init__(self):
        self.last = None
    destination = "the profiling transport"
    def start(self, receiver, gone=None):
        pass
    def post(self, message):
        self.last = message["referenceId"]
    def close(self):
        pass

transport = Answering()
client = ServiceClient(transport)

def sync_cycle():
    future = client.agent.get_state()
    client.receive({**reply, "referenceId": transport.last})
    return future.result()

out["client call + receive + result (no await, no I/O)"] = per(sync_cycle)

async def awaited(n):
    start = time.perf_counter()
    for _ in range(n):
        future = client.agent.get_state()
        client.receive({**reply, "referenceId": transport.last})
        await future
    return round((time.perf_counter() - start) / n * 1e6, 2)

out["same, awaited (already done)"] = await awaited(N)

async def sleeps(n):
    start = time.perf_counter()
    for _ in range(n):
        await asyncio.sleep(0)
    return round((time.perf_counter() - start) / n * 1e6, 2)

out["await asyncio.sleep(0) (one event-loop turn)"] = await sleeps(500)
json.dumps(out)
"""

MICRO_JS = r"""(() => {
  const N = 20000;
  const message = {request: "agent.getState", referenceId: "7", userAgent: "WWE Client", protocolVersion: 2, frameId: 1};
  const per = (f) => { const s = performance.now(); for (let i = 0; i < N; i++) f(); return Math.round((performance.now() - s) / N * 1000 * 100) / 100; };
  const text = JSON.stringify(message);
  return {"JS JSON.stringify(envelope)": per(() => JSON.stringify(message)), "JS JSON.parse(envelope text)": per(() => JSON.parse(text))};
})()"""

MICRO_LOG_FLUSH = r"""
import json, statistics, time
import js
from wwe_scapi.service import LogEntry, Direction

view = js.wweDesktop.view.log_view
out = {}
for rows in (1, 50, 200, 300):
    flush, layout = [], []
    for _ in range(5):
        view._pending.extend(
            [LogEntry(Direction.REQUEST, "http://localhost:1", 1, "agent.getState", "ok", True, time.time())] * rows
        )
        start = time.perf_counter()
        view._flush()
        middle = time.perf_counter()
        js.document.body.offsetHeight  # forces the style and layout work the flush left for later
        end = time.perf_counter()
        flush.append((middle - start) * 1000)
        layout.append((end - middle) * 1000)
    out[f"{rows} rows: _flush ms"] = round(statistics.median(flush), 2)
    out[f"{rows} rows: then style+layout ms"] = round(statistics.median(layout), 2)
start = time.perf_counter()
for _ in range(100):
    js.Date.new().toLocaleTimeString()
out["Date().toLocaleTimeString() through the FFI, ms"] = round((time.perf_counter() - start) * 10, 3)
json.dumps(out)
"""

CLASS_COST = r"""
import enum, json, time
from dataclasses import dataclass

def each(make, n=20):
    start = time.perf_counter()
    for _ in range(n):
        make()
    return round((time.perf_counter() - start) / n * 1000, 2)

def frozen_slots():
    @dataclass(frozen=True, slots=True)
    class Entry:
        a: str
        b: str
        c: int | None
        d: str
        e: str
        f: bool

def plain():
    class Entry:
        __slots__ = ("a", "b", "c", "d", "e", "f")
        def __init__(self, a, b, c, d, e, f):
            self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f

def str_enum():
    class Direction(enum.StrEnum):
        A = "a"
        B = "b"
        C = "c"
        D = "d"

json.dumps({
    "@dataclass(frozen=True, slots=True), 6 fields": each(frozen_slots),
    "plain class with __slots__ and __init__, 6 fields": each(plain),
    "StrEnum with 4 members": each(str_enum),
})
"""

IMPORT_PLAIN = r"""
import json, sys, time
out = globals().get("out", {})
start = time.perf_counter()
import wwe_scapi.browser.host  # noqa
out["desktop modules (wwe_scapi.browser.host) ms"] = round((time.perf_counter() - start) * 1000, 1)
start = time.perf_counter()
import wwe_scapi.browser.app  # noqa
out["then the client's (wwe_scapi.browser.app) ms"] = round((time.perf_counter() - start) * 1000, 1)
json.dumps(out)
"""

SERVICE_START = r"""
import json, time
import js
from wwe_scapi.browser.desktop import DesktopView
from wwe_scapi.browser.dom import Dom
from wwe_scapi.compat import page_platform
from wwe_scapi.service.broker import ProtocolLog
from wwe_scapi.service.setup import configure

out = {}
start = time.perf_counter()
workspace, policy = configure({})
out["configure({}) ms"] = round((time.perf_counter() - start) * 1000, 2)
start = time.perf_counter()
DesktopView(workspace, ProtocolLog(workspace.clock), [], js.wweDesktop.transport, Dom(page_platform()), "").render()
out["DesktopView.render() (DOM through the FFI) ms"] = round((time.perf_counter() - start) * 1000, 2)
json.dumps(out)
"""


def print_summary(results: dict[str, Any]) -> None:
    print("1. round trips (ms), each a run of --calls in one go:")
    print(f"  {'':46} {'median':>7} {'median~':>8} {'p99':>7} {'mean':>7} {'max':>7}")
    for name, row in results["decomposition"].items():
        print(
            f"  {name:46} {row['median_ms']:7.3f} {row['median_interpolated_ms']:8.3f} {row['p99_ms']:7.3f}"
            f" {row['mean_ms']:7.3f} {row['max_ms']:7.1f}"
        )
    print("\n2. CPU profiles, µs of main-thread time per round trip:")
    for variant, entry in results["cpu_profiles"].items():
        rt = entry["round_trip"]
        print(
            f"  {variant}: round trip median {rt['median_ms']:.3f} ms (~{rt['median_interpolated_ms']:.3f}),"
            f" mean {rt['mean_ms']:.3f} ms, p99 {rt['p99_ms']:.3f} ms"
        )
        for process, digest_ in entry["processes"].items():
            print(f"    {process}: busy {digest_['busy_per_round_trip_us']} µs/round trip; {digest_['per_round_trip_us']}")
            top = list(digest_["top_functions_us_per_round_trip"].items())[:8]
            print("      top: " + "; ".join(f"{k} {v}" for k, v in top))
    print("\n3. micro-benchmarks (µs per operation unless stated):")
    for side, values in results["micro"].items():
        print(f"  {side}:")
        for name, value in values.items():
            print(f"    {name:62} {value}")
    print("\n4. start-up split:")
    for name, values in results["startup_split"].items():
        print(f"  {name}: {json.dumps(values)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--warm-up", type=int, default=100)
    parser.add_argument("--out", type=Path, default=HERE / "profile.json")
    parser.add_argument("--only-profiles", action="store_true", help="skip the decomposition")
    parser.add_argument("--keep-profiles", type=Path, help="also write the raw .cpuprofile files (DevTools) here")
    args = parser.parse_args()
    site = serve_site(
        build_site(quiet=True),
        [Origin("127.0.0.1", free_port()), Origin("localhost", free_port())],
        config={},
        mounts={"/bench/": HERE / "pages", "/test-apps/": ROOT / "tests" / "e2e" / "apps"},
    )
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="wwe-profile-") as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
            )
            for page in context.pages:
                page.close()
            profiler = Profiler(context, site)
            results: dict[str, Any] = {}
            results["decomposition"] = {}
            if not args.only_profiles:
                progress("1. decomposition")
                results["decomposition"] = profiler.decomposition(args.calls, args.warm_up)
            progress("2. CPU profiles")
            results["cpu_profiles"] = profiler.cpu_profiles(args.calls, args.warm_up, args.keep_profiles)
            progress("3. micro-benchmarks")
            results["micro"] = profiler.micro()
            progress("4. start-up split")
            results["startup_split"] = profiler.startup_split()
            context.close()
    finally:
        site.stop()
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print_summary(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
