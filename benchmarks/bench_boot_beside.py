"""From opening the desktop to an app's first answered request, against the larger of the two
bare boots measured in the same run (a bare loadPyodide() top-level, and in an iframe of a
plain page), warm cache: issue 16's "apps boot beside the desktop" (target ≤ 1.15×).

    python3 benchmarks/bench_boot_beside.py [--repeats 5] [--out FILE]

All times are ms from the page's navigation start (its performance.timeOrigin); an app's
first answered request is the first successful request of its origin in the desktop's
protocol log (its `at`, ms resolution).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "package"))
sys.path.insert(0, str(HERE))

from bench_roundtrip import POLL_MS, TIMEOUT_MS, free_port, progress  # noqa: E402
from wwe_scapi.cli.server import Origin, RunningSite, serve_site  # noqa: E402
from wwe_scapi.cli.sitebuild import build_site  # noqa: E402
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

BARE = "/bench/bare.html"
ECHO_HOST = "/bench/echo-host.html"
SAMPLES = ("/apps/sample-a/", "/apps/sample-b/")

# The first successful request of each origin in the desktop's log, in page time.
FIRST_ANSWERS = """(origins) => {
  const log = window.wweLog();
  return origins.map((origin) => {
    const entry = log.find((e) => e.direction === "request" && e.ok && e.origin === origin && e.request !== "subscribe");
    return entry ? Date.parse(entry.at) - performance.timeOrigin : null;
  });
}"""


class BootBeside:
    def __init__(self, context: BrowserContext, site: RunningSite) -> None:
        self.context, self.site = context, site
        self.desktop, *self.app_origins = site.origins

    def _page(self, url: str) -> Page:
        page = self.context.new_page()
        page.goto(url)
        return page

    def bare_top(self) -> float:
        page = self._page(self.desktop + BARE)
        page.wait_for_function("(window.bareTimings || {}).ready !== undefined", timeout=TIMEOUT_MS, polling=POLL_MS)
        ready = float(page.evaluate("window.bareTimings.ready"))
        page.close()
        return ready

    def bare_iframe(self) -> float:
        client = self.app_origins[0] + BARE
        page = self._page(f"{self.desktop}{ECHO_HOST}?client={client}")
        frame = None
        while frame is None:
            frame = next((f for f in page.frames if f.url == client), None)
            if frame is None:
                page.wait_for_timeout(POLL_MS)
        frame.wait_for_function("(window.bareTimings || {}).ready !== undefined", timeout=TIMEOUT_MS, polling=POLL_MS)
        ready = float(frame.evaluate("performance.timeOrigin + window.bareTimings.ready") - page.evaluate("performance.timeOrigin"))
        page.close()
        return ready

    def desktop_with(self, apps: int) -> dict[str, Any]:
        """The desktop with the first `apps` samples, each on an origin of its own: its ready,
        and each app's first answered request."""
        urls = [self.app_origins[index] + SAMPLES[index] for index in range(apps)]
        self.site.config.value = {
            "options": {"service-client-api.accepted-web-content-origins": ", ".join(self.app_origins[:apps])},
            "apps": [{"title": f"sample {index}", "url": url} for index, url in enumerate(urls)],
        }
        page = self._page(self.desktop + "/")
        page.wait_for_function("window.wweDesktopReady === true", timeout=TIMEOUT_MS, polling=POLL_MS)
        origins = self.app_origins[:apps]
        page.wait_for_function(f"(origins) => ({FIRST_ANSWERS})(origins).every((t) => t !== null)", arg=origins,
                               timeout=TIMEOUT_MS, polling=POLL_MS)
        answers = page.evaluate(f"({FIRST_ANSWERS})", origins)
        timings = page.evaluate("window.wweTimings")
        page.close()
        return {"desktop_ready_ms": timings["ready"], "app_frames_ms": timings.get("appFrames"), "first_answers_ms": answers,
                "last_first_answer_ms": max(answers)}


def run(repeats: int) -> dict[str, Any]:
    site_dir = build_site(quiet=True)
    origins = [Origin("127.0.0.1", free_port()), Origin("localhost", free_port()), Origin("localhost", free_port())]
    site = serve_site(site_dir, origins, config={}, mounts={"/bench/": HERE / "pages"})
    load_before = os.getloadavg()[0]
    samples: dict[str, list[Any]] = {"bare_top": [], "bare_iframe": [], "one_app": [], "two_samples": []}
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="wwe-bench-") as profile:
            context = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            for page in context.pages:
                page.close()
            bench = BootBeside(context, site)
            for round_ in range(repeats + 1):  # round 0 fills the cache, unrecorded
                measured = {
                    "bare_top": bench.bare_top(),
                    "bare_iframe": bench.bare_iframe(),
                    "one_app": bench.desktop_with(1),
                    "two_samples": bench.desktop_with(2),
                }
                if round_ > 0:
                    for name, value in measured.items():
                        samples[name].append(value)
                progress(f"boot beside round {round_}/{repeats}" + (" (unrecorded)" if round_ == 0 else ""))
            version = context.browser.version if context.browser else "?"
            context.close()
    finally:
        site.stop()
    bare = max(statistics.median(samples["bare_top"]), statistics.median(samples["bare_iframe"]))
    figures = {
        "bare_top_ms": statistics.median(samples["bare_top"]),
        "bare_iframe_ms": statistics.median(samples["bare_iframe"]),
        "bare_larger_ms": bare,
    }
    for name in ("one_app", "two_samples"):
        last = statistics.median(s["last_first_answer_ms"] for s in samples[name])
        figures[name] = {
            "first_answered_request_ms": last,
            "ratio_to_larger_bare": last / bare,
            "desktop_ready_ms": statistics.median(s["desktop_ready_ms"] for s in samples[name]),
            "met": last / bare <= 1.15,
        }
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "chromium": version,
        "machine": {"cpus": os.cpu_count(), "load_average_1min_before": load_before},
        "repeats": repeats,
        "figures": figures,
        "samples": samples,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "results-boot-beside.json")
    arguments = parser.parse_args()
    results = run(arguments.repeats)
    arguments.out.write_text(json.dumps(results, indent=2))
    f = results["figures"]
    print(f"bare loadPyodide(): top-level {f['bare_top_ms']:.0f} ms, in an iframe {f['bare_iframe_ms']:.0f} ms (warm, medians)")
    for name in ("one_app", "two_samples"):
        row = f[name]
        print(f"{name:12} desktop ready {row['desktop_ready_ms']:.0f} ms, app's first answered request {row['first_answered_request_ms']:.0f} ms"
              f" = {row['ratio_to_larger_bare']:.2f}× the larger bare boot (target ≤ 1.15×: {'met' if row['met'] else 'MISSED'})")
    print(f"all samples: {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
