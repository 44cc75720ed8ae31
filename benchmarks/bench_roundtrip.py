"""Round trips and start-up of wwe-scapi against plain-JavaScript baselines, in one Chromium run.

    python3 benchmarks/bench_roundtrip.py [--calls 1000] [--repeats 3]

Prints a report and writes benchmarks/results.json. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import socket
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Frame, Page, sync_playwright

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "package"))

from wwe_scapi.cli.server import Origin, RunningSite, serve_site  # noqa: E402
from wwe_scapi.cli.sitebuild import build_site  # noqa: E402
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

TIMEOUT_MS = 120_000
WARM_UP = 100


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(times: list[float]) -> dict[str, float]:
    return {"median_ms": statistics.median(times), "p99_ms": percentile(times, 0.99), "count": len(times)}


def frame_at(page: Page, url: str) -> Frame:
    while True:
        for frame in page.frames:
            if frame.url == url:
                return frame
        page.wait_for_event("framenavigated", timeout=TIMEOUT_MS)


def _bare_ready(page: Page) -> float:
    page.wait_for_function("window.bareReady !== undefined", timeout=TIMEOUT_MS)
    return float(page.evaluate("window.bareReady"))


def _frame_timings(page: Page, url: str) -> dict[str, float]:
    frame = frame_at(page, url)
    frame.wait_for_function("(window.wweTimings || {}).ready !== undefined", timeout=TIMEOUT_MS)
    return dict(frame.evaluate("window.wweTimings"))


def _frame_ready(page: Page, url: str, expression: str) -> float:
    frame = frame_at(page, url)
    frame.wait_for_function(f"{expression} !== undefined", timeout=TIMEOUT_MS)
    return float(frame.evaluate(expression))


class Bench:
    def __init__(self, browser: Browser, site: RunningSite) -> None:
        self.browser = browser
        self.site = site
        self.desktop, self.app_origin = site.origins
        self.in_page: list[float] = []

    def open_desktop(self, context: BrowserContext, apps: list[str]) -> Page:
        self.site.config.value = {
            "options": {"service-client-api.accepted-web-content-origins": self.app_origin},
            "apps": [{"title": "bench", "url": url} for url in apps],
        }
        page = context.new_page()
        page.goto(self.desktop + "/")
        page.wait_for_function("window.wweDesktopReady === true", timeout=TIMEOUT_MS)
        return page

    # -- start-up --------------------------------------------------------------------------

    def startup(self, repeats: int) -> dict[str, Any]:
        """ms from each page's navigation start to ready, one Pyodide booting at a time.

        Desktop: the service with no app, against a bare loadPyodide() page. Iframe: the
        Python client in an app (it boots after the desktop is ready), against a bare
        loadPyodide() page in an iframe of a page that runs no Pyodide itself.
        """
        app = f"{self.app_origin}/test-apps/python-client.html"
        bare = f"{self.app_origin}/bench/bare.html"
        cases: dict[str, tuple[Callable[[BrowserContext], Page], Callable[[Page], float]]] = {
            "ours_top": (lambda ctx: self.open_desktop(ctx, []), lambda page: self._ours(page.evaluate("window.wweTimings"))),
            "bare_top": (lambda ctx: self._goto(ctx, f"{self.desktop}/bench/bare.html"), _bare_ready),
            "ours_iframe": (lambda ctx: self.open_desktop(ctx, [app]), lambda page: self._ours(_frame_timings(page, app))),
            "bare_iframe": (lambda ctx: self._goto(ctx, f"{self.desktop}/bench/frame-host.html?src={bare}"), lambda page: _frame_ready(page, bare, "window.bareReady")),
        }
        report: dict[str, Any] = {}
        for cache in ("cold", "warm"):
            medians: dict[str, float] = {}
            samples: dict[str, list[float]] = {}
            for name, (opener, measure) in cases.items():
                values = []
                for _ in range(repeats):
                    context = self.browser.new_context()
                    if cache == "warm":  # a first visit fills the HTTP cache
                        first = opener(context)
                        measure(first)
                        first.close()
                    page = opener(context)
                    self.in_page.clear()
                    values.append(measure(page))
                    if self.in_page:
                        samples.setdefault(name + "_in_page_pct", []).append(self.in_page[-1])
                    context.close()
                samples[name] = values
                medians[name] = statistics.median(values)
            report[cache] = {
                "desktop_service_ready_ms": medians["ours_top"],
                "bare_loadPyodide_top_ms": medians["bare_top"],
                "desktop_overhead_pct": 100 * (medians["ours_top"] / medians["bare_top"] - 1),
                "iframe_client_ready_ms": medians["ours_iframe"],
                "bare_loadPyodide_iframe_ms": medians["bare_iframe"],
                "iframe_overhead_pct": 100 * (medians["ours_iframe"] / medians["bare_iframe"] - 1),
                "desktop_in_page_pct": statistics.median(samples["ours_top_in_page_pct"]),
                "iframe_in_page_pct": statistics.median(samples["ours_iframe_in_page_pct"]),
                "samples": samples,
            }
        return report

    def _ours(self, timings: dict[str, float]) -> float:
        """Ready time; also keeps our in-page share: (ready - pyodide) / pyodide."""
        self.in_page.append(100 * (timings["ready"] - timings["pyodide"]) / timings["pyodide"])
        return float(timings["ready"])

    def _goto(self, context: BrowserContext, url: str) -> Page:
        page = context.new_page()
        page.goto(url)
        return page

    # -- round trips -----------------------------------------------------------------------

    def python_client(self, calls: int) -> list[float]:
        url = f"{self.app_origin}/test-apps/python-client.html"
        context = self.browser.new_context()
        page = self.open_desktop(context, [url])
        frame = frame_at(page, url)
        frame.wait_for_function("window.wweAppReady === true", timeout=TIMEOUT_MS)
        code = f"""
import json
from js import performance
times = []
for _ in range({calls + WARM_UP}):
    start = performance.now()
    await service.agent.get_state()
    times.append(performance.now() - start)
json.dumps(times[{WARM_UP}:])
"""
        times = json.loads(frame.evaluate("code => window.pyodide.runPythonAsync(code)", code))
        context.close()
        return times

    def js_client(self, calls: int) -> list[float]:
        url = f"{self.app_origin}/test-apps/vendor-envelopes.html"
        context = self.browser.new_context()
        page = self.open_desktop(context, [url])
        frame = frame_at(page, url)
        frame.wait_for_function("window.jsAppReady === true", timeout=TIMEOUT_MS)
        frame.evaluate("window.quiet = true")  # its own DOM log of replies is not ours to time
        times = frame.evaluate("n => window.roundTrips('agent.getState', n)", calls + WARM_UP)
        context.close()
        return times[WARM_UP:]

    def js_echo(self, calls: int) -> list[float]:
        client = f"{self.app_origin}/bench/echo-client.html"
        context = self.browser.new_context()
        page = context.new_page()
        page.goto(f"{self.desktop}/bench/echo-host.html?client={client}")
        frame = frame_at(page, client)
        frame.wait_for_function("window.echoReady === true", timeout=TIMEOUT_MS)
        times = frame.evaluate("n => window.roundTrips(n)", calls + WARM_UP)
        context.close()
        return times[WARM_UP:]


def progress(stage: str) -> None:
    print(f"… {stage}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    site_dir = build_site(quiet=True)
    site = serve_site(
        site_dir,
        [Origin("127.0.0.1", free_port()), Origin("localhost", free_port())],
        config={},
        mounts={"/bench/": HERE / "pages", "/test-apps/": ROOT / "tests" / "e2e" / "apps"},
    )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            bench = Bench(browser, site)
            progress("plain-JS echo")
            floor = summary(bench.js_echo(args.calls))
            progress("JS client")
            js = summary(bench.js_client(args.calls))
            progress("Python client")
            python = summary(bench.python_client(args.calls))
            progress("start-up")
            startup = bench.startup(args.repeats)
            version = browser.version
            browser.close()
    finally:
        site.stop()
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "chromium": version,
        "calls": args.calls,
        "round_trip": {"js_echo_floor": floor, "js_client": js, "python_client": python},
        "ratios_to_floor": {
            "python_client": {k: python[k] / floor[k] for k in ("median_ms", "p99_ms")},
            "js_client": {k: js[k] / floor[k] for k in ("median_ms", "p99_ms")},
        },
        "startup": startup,
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print_report(results)
    return 0


def print_report(results: dict[str, Any]) -> None:
    rt, ratios = results["round_trip"], results["ratios_to_floor"]
    print(f"wwe-scapi benchmark, {results['date']}, Chromium {results['chromium']}")
    print(f"\nagent.getState round trip, {results['calls']} sequential calls (after {WARM_UP} warm-up):")
    print(f"  {'':28} {'median ms':>10} {'p99 ms':>10} {'median ×':>9} {'p99 ×':>7}")
    for label, key in (("plain-JS echo (floor)", "js_echo_floor"), ("JS client → Python service", "js_client"), ("Python client → Python service", "python_client")):
        row = rt[key]
        ratio = ratios.get(key.replace("_floor", ""), {"median_ms": 1.0, "p99_ms": 1.0})
        print(f"  {label:28} {row['median_ms']:10.3f} {row['p99_ms']:10.3f} {ratio['median_ms']:9.2f} {ratio['p99_ms']:7.2f}")
    print("  targets: Python client ≤ 2× the floor, JS client ≤ 1.5× the floor")
    print("\nstart-up, ms from the page's navigation start to ready (median):")
    for cache in ("cold", "warm"):
        s = results["startup"][cache]
        print(
            f"  {cache}: desktop service-ready {s['desktop_service_ready_ms']:.0f} vs bare loadPyodide {s['bare_loadPyodide_top_ms']:.0f}"
            f" ({s['desktop_overhead_pct']:+.1f} %); iframe client-ready {s['iframe_client_ready_ms']:.0f}"
            f" vs bare {s['bare_loadPyodide_iframe_ms']:.0f} ({s['iframe_overhead_pct']:+.1f} %)"
        )
        print(
            f"        our part inside the page (ready − pyodide over the loadPyodide phase): desktop"
            f" {s['desktop_in_page_pct']:+.1f} %, iframe client {s['iframe_in_page_pct']:+.1f} %"
        )
    print("  target: ≤ +10 % over a bare loadPyodide()")


if __name__ == "__main__":
    raise SystemExit(main())
