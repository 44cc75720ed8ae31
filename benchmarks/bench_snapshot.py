"""What a Pyodide memory snapshot costs and gives, measured on its own (issue 16): boots from a
snapshot made in this same Chromium, against a bare loadPyodide() and the boot without one
(loadPyodide, the wheels written, the imports) in the same position, warm cache; and what
making and storing one costs. The loader's own use of the build's snapshots is measured by
bench_roundtrip.py's start-up cases (bench_issue16.py gathers the figures).

    python3 benchmarks/bench_snapshot.py [--repeats 5] [--out FILE]

Two snapshots, made first by a page of this browser (Pyodide's private `_makeSnapshot` /
`makeMemorySnapshot`) with the imports of the loader's two kinds (web/wwe-scapi.js,
SNAPSHOT_IMPORTS): the app's and the desktop's. Each is then restored (`_loadSnapshot`), the
wheels written again (files are not in a snapshot) and `random` reseeded, where the page would
use it: the app's in a cross-site iframe, the desktop's top-level. Times are ms from each
document's navigation start; the first round fills the cache and is not recorded. Reported
too: each snapshot's size and gzipped size, the ms to make it after the boot, and the wasm
heap at that moment (pyodide #6254: a restore fails once memory grew past 30 MiB first).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from playwright.sync_api import BrowserContext, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "package"))
sys.path.insert(0, str(HERE))

from bench_roundtrip import POLL_MS, TIMEOUT_MS, free_port, progress  # noqa: E402
from wwe_scapi.cli.bytecode import BROWSER_WHEEL_DIR  # noqa: E402
from wwe_scapi.cli.server import Origin, serve_site  # noqa: E402
from wwe_scapi.cli.snapshotmaker import CHUNK, READ_CHUNK  # noqa: E402
from wwe_scapi.cli.sitebuild import build_site  # noqa: E402
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

MAKE = "/bench/snapshot-make.html"
FRAME = "/bench/snapshot-frame.html"
HOST = "/bench/snapshot-host.html"
SNAPSHOTS = "/bench-snapshots/"
KINDS = {"app": "wwe_scapi.browser.app", "desktop": "wwe_scapi.browser.host,wwe_scapi.browser.embed"}
MODES = ("bare", "normal", "snapshot")


def make_snapshot(context: BrowserContext, origin: str, query: dict[str, str], out: Path) -> dict[str, Any]:
    """One snapshot made by a top-level page of this browser, written to `out`."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{origin}{MAKE}?{urlencode(query)}")
    page.wait_for_function("(window.snapshotMade || {}).ready !== undefined || (window.snapshotMade || {}).error !== undefined",
                           timeout=TIMEOUT_MS, polling=POLL_MS)
    made = page.evaluate("window.snapshotMade")
    if "error" in made:
        page.close()
        raise RuntimeError(f"making the snapshot failed in the page:\n{made['error']}")
    data = bytearray()
    for start in range(0, made["bytes"], CHUNK):
        data += base64.b64decode(page.evaluate(READ_CHUNK, [start, start + CHUNK]))
    page.close()
    out.write_bytes(data)
    gzipped = gzip.compress(bytes(data), compresslevel=6)
    return {
        "make_ms_in_page": made["ready"] - made["booted"],
        "page_boot_ms": made["booted"] - made["start"],
        "imports_ms": made["imported"] - made["booted"],
        "wall_s_with_transfer": time.perf_counter() - started,
        "bytes": len(data),
        "gzipped_bytes": len(gzipped),
        "heap_bytes_at_snapshot": made["heapBytes"],
    }


def run(repeats: int) -> dict[str, Any]:
    site_dir = build_site(quiet=True)
    wheels = json.loads(next(line for line in (site_dir / "wwe-scapi.js").read_text().splitlines()
                             if line.startswith("const WHEELS = "))[len("const WHEELS = "):-1])
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="wwe-snapshots-") as folder, \
            tempfile.TemporaryDirectory(prefix="wwe-bench-") as profile, sync_playwright() as playwright:
        host = Origin("127.0.0.1", free_port())
        frames = Origin("localhost", free_port())
        site = serve_site(site_dir, [host, frames], config={}, mounts={"/bench/": HERE / "pages", SNAPSHOTS: Path(folder)})
        top, framed = site.origins
        try:
            context = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            for page in context.pages:
                page.close()
            made: dict[str, Any] = {}
            for kind, module in KINDS.items():
                origin = framed if kind == "app" else top
                query = {"wheels": json.dumps([f"{origin}/{url}" for url in wheels]), "dir": BROWSER_WHEEL_DIR, "imports": module}
                made[kind] = make_snapshot(context, origin, query, Path(folder) / f"{kind}.bin")
                progress(f"{kind} snapshot: {made[kind]['bytes'] / 2**20:.1f} MiB ({made[kind]['gzipped_bytes'] / 2**20:.1f} MiB gzipped)")
            samples: dict[str, dict[str, list[float]]] = {kind: {mode: [] for mode in MODES} for kind in KINDS}
            checks: list[Any] = []
            host_page = context.new_page()
            host_page.goto(top + HOST)
            for round_ in range(repeats + 1):
                for mode in MODES[round_ % 3:] + MODES[:round_ % 3]:  # each mode first in turn
                    for kind, module in KINDS.items():
                        origin = framed if kind == "app" else top
                        query = {"mode": mode, "wheels": json.dumps([f"{origin}/{url}" for url in wheels]), "dir": BROWSER_WHEEL_DIR,
                                 "imports": module, "snapshot": f"{origin}{SNAPSHOTS}{kind}.bin"}
                        url = f"{origin}{FRAME}?{urlencode(query)}"
                        if kind == "app":
                            result = host_page.evaluate("(url) => window.bootInFrame(url)", url)
                        else:
                            page = context.new_page()
                            page.goto(url)
                            page.wait_for_function("window.snapshotBenchResult !== undefined", timeout=TIMEOUT_MS, polling=POLL_MS)
                            result = page.evaluate("window.snapshotBenchResult")
                            page.close()
                        if "error" in result:
                            raise RuntimeError(f"{kind} {mode} boot failed:\n{result['error']}")
                        checks.append(result.get("check"))
                        if round_ > 0:
                            samples[kind][mode].append(result["ready"])
                progress(f"snapshot round {round_}/{repeats}" + (" (unrecorded)" if round_ == 0 else ""))
            version = context.browser.version if context.browser else "?"
            context.close()
        finally:
            site.stop()
    figures: dict[str, Any] = {}
    for kind, target in (("app", 0.5), ("desktop", 0.6)):
        medians = {mode: statistics.median(values) for mode, values in samples[kind].items()}
        figures[kind] = {
            "where": "cross-site iframe" if kind == "app" else "top-level",
            **{f"{mode}_ms": value for mode, value in medians.items()},
            "snapshot_to_bare": medians["snapshot"] / medians["bare"],
            "normal_to_bare": medians["normal"] / medians["bare"],
            "target": target,
            "met": medians["snapshot"] / medians["bare"] <= target,
        }
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "chromium": version,
        "machine": {"cpus": os.cpu_count(), "load_average_1min_before": load_before},
        "repeats": repeats,
        "made": made,
        "figures": figures,
        "checks": sorted({str(check) for check in checks}),
        "samples": samples,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "results-snapshot.json")
    arguments = parser.parse_args()
    results = run(arguments.repeats)
    arguments.out.write_text(json.dumps(results, indent=2))
    for kind, made in results["made"].items():
        print(f"{kind} snapshot: {made['bytes'] / 2**20:.1f} MiB, {made['gzipped_bytes'] / 2**20:.1f} MiB gzipped, "
              f"made in {made['make_ms_in_page']:.0f} ms after a {made['page_boot_ms']:.0f} ms boot")
    for kind, row in results["figures"].items():
        print(f"{kind:8} ({row['where']}): bare {row['bare_ms']:.0f} ms, today's boot {row['normal_ms']:.0f} ms "
              f"({row['normal_to_bare']:.2f}×), from the snapshot {row['snapshot_ms']:.0f} ms = {row['snapshot_to_bare']:.2f}× bare "
              f"(target ≤ {row['target']}×: {'met' if row['met'] else 'MISSED'})")
    print(f"all samples: {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
