"""Every figure of issue 16 in one run, each with its baseline and target: start-up and round
trips (bench_roundtrip.py), apps booting beside the desktop (bench_boot_beside.py), twenty
apps and a thousand interactions (bench_many_apps.py), run one after the other, and a
summary of which targets were met.

    python3 benchmarks/bench_issue16.py [--out-dir DIR] [--quick]

Each benchmark writes its own JSON (every sample) into DIR (default: a new folder under
/tmp); the summary goes to DIR/summary.json and is printed. About 16 minutes (`--quick`: fewer
samples, ~7 minutes, for a check that it runs, not for figures). Nothing else should run on
the machine meanwhile: the figures are ratios to baselines of the same run, but a busy
machine moves the two unequally.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Issue 16: fan-out p99 per delivery at most this many times the round-trip floor's median.
FAN_OUT_TARGET = 4.0

# (script, its arguments, its JSON's name): the full run, then --quick's.
BENCHES = {
    "roundtrip": ("bench_roundtrip.py", ["--calls", "1000", "--rounds", "3", "--repeats", "5"], ["--calls", "100", "--rounds", "1", "--repeats", "2"]),
    "boot_beside": ("bench_boot_beside.py", ["--repeats", "5"], ["--repeats", "2"]),
    "many_apps": ("bench_many_apps.py", [], ["--sizes", "1,5", "--events", "10", "--interactions", "10,100"]),
}


def run_all(out_dir: Path, quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, (script, full, fast) in BENCHES.items():
        out = out_dir / f"{name}.json"
        command = [sys.executable, str(HERE / script), *(fast if quick else full), "--out", str(out)]
        print(f"… {script} {' '.join(fast if quick else full)}", file=sys.stderr, flush=True)
        finished = subprocess.run(command, capture_output=True, text=True)
        (out_dir / f"{name}.txt").write_text(finished.stdout + finished.stderr, encoding="utf-8")
        if finished.returncode != 0:
            raise SystemExit(f"{script} failed ({finished.returncode}); its output: {out_dir / f'{name}.txt'}")
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


def summary(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: what was measured, its baseline, the ratio, the target, met."""
    rows: list[dict[str, Any]] = []

    def row(figure: str, value: float, baseline: str, base: float, target: float, unit: str = "ms") -> None:
        ratio = value / base
        rows.append({"figure": figure, "value": value, "unit": unit, "baseline": baseline, "baseline_value": base,
                     "ratio": ratio, "target": target, "met": round(ratio, 6) <= target})

    rt = results["roundtrip"]
    for cache in ("warm", "hot", "cold"):
        s = rt["startup"][cache]
        if cache == "cold":
            row("desktop service-ready, cold", s["desktop_service_ready_ms"], "the same without a snapshot", s["desktop_plain_ms"], 1.0)
            row("app iframe client-ready, cold", s["iframe_client_ready_ms"], "the same without a snapshot", s["iframe_plain_ms"], 1.0)
        else:
            row(f"desktop service-ready, {cache}", s["desktop_service_ready_ms"], "bare loadPyodide() top-level", s["bare_loadPyodide_top_ms"], 0.6)
            row(f"app iframe client-ready, {cache}", s["iframe_client_ready_ms"], "bare loadPyodide() in the iframe", s["bare_loadPyodide_iframe_ms"], 0.5)
    beside = results["boot_beside"]["figures"]
    for case, label in (("one_app", "one app"), ("two_samples", "the two samples")):
        row(f"open → first answered request, {label}", beside[case]["first_answered_request_ms"], "the larger bare boot",
            beside["bare_larger_ms"], 1.15)
    floor = rt["round_trip"]["js_echo_floor"]
    for client, target in (("js_client", 1.25), ("python_client", 1.5)):
        mine = rt["round_trip"][client]
        label = "JS" if client == "js_client" else "Python"
        row(f"round trip median~, {label} client", mine["median_interpolated_ms"], "plain-JS floor median~", floor["median_interpolated_ms"], target)
        row(f"round trip p99, {label} client", mine["p99_ms"], "plain-JS floor p99", floor["p99_ms"], 3.0)
    many = results["many_apps"]["figures"]
    base = many["floor_median_interpolated_ms"]
    for label, desk in many["rows"].items():
        row(f"fan-out p99 per delivery, {label} app{'s' if desk['apps'] > 1 else ''}", desk["fan_out_p99_ms"], "floor median~", base, FAN_OUT_TARGET)
        for kind in ("js", "python"):
            if kind in desk and desk[kind].get("worst_x_one_app") is not None:
                one = many["one_app_ms"][kind]
                row(f"getState median, worst {kind} app of {label}", desk[kind]["get_state_worst_app_ms"], f"one {kind} app", one, 1.5)
    return rows


def print_summary(rows: list[dict[str, Any]], results: dict[str, Any]) -> None:
    width = max(len(r["figure"]) for r in rows)
    print(f"issue 16, one run — {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')}")
    print(f"  {'figure':{width}} {'ms':>8}   {'baseline':34} {'ms':>8} {'ratio':>6} {'target':>6}")
    for r in rows:
        print(f"  {r['figure']:{width}} {r['value']:8.2f}   {r['baseline']:34} {r['baseline_value']:8.2f} {r['ratio']:6.2f} "
              f"{'≤':>2}{r['target']:4}  {'met' if r['met'] else 'MISSED'}")
    many = results["many_apps"]
    memory = [(label, desk["python"]["wasm_memory_MiB_median"], desk["python"]["js_heap_used_MiB_median"])
              for label, desk in many["figures"]["rows"].items() if "python" in desk]
    print("  memory per Python app (wasm, JS heap, MiB): " + ", ".join(f"{label}: {w:.0f} + {j:.1f}" for label, w, j in memory))
    growth = many["growth"]
    for name, steps in growth.items():
        text = ", ".join(f"{s['from']}→{s['to']}: ×{s['factor']:.2f}" for s in steps)
        worse = any(s["superlinear"] for s in steps)
        print(f"  growth {name}: {text}{'  (worse than linear)' if worse else ''}")
    rt = results["roundtrip"]
    round_trip_floor = rt["round_trip"]["js_echo_floor"]["median_interpolated_ms"]
    for client, label in (("js_client", "JS"), ("python_client", "Python")):
        echo = rt["round_trip"].get(f"{client}_pyodide_echo")
        if echo is None:
            continue
        ours = rt["round_trip"][client]["median_interpolated_ms"]
        print(f"  {label} client → Pyodide echo (a Python \"service\" that only answers): median~ {echo['median_interpolated_ms']:.3f} ms ="
              f" {echo['median_interpolated_ms'] / round_trip_floor:.2f}× the floor; our service: {ours / echo['median_interpolated_ms']:.2f}× it"
              f" ({(ours - echo['median_interpolated_ms']) * 1000:+.0f} µs)")
    plain = many["figures"].get("plain_fan_out", {})
    fan_out_floor = many["figures"]["floor_median_interpolated_ms"]
    for size, entry in plain.items():
        reachable = entry["fan_out_p99_x_floor"] <= FAN_OUT_TARGET
        print(f"  plain-JS fan-out to {size} frame(s): p99 {entry['fan_out_p99_ms']:.2f} ms = {entry['fan_out_p99_x_floor']:.1f}× the floor's"
              f" median~ ({fan_out_floor:.2f}): the ≤ {FAN_OUT_TARGET:g}× target is {'within' if reachable else 'out of'} plain JavaScript's reach here")
    met = sum(r["met"] for r in rows)
    print(f"  {met} of {len(rows)} targets met")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", type=Path, help="where each benchmark's JSON goes (default: a new folder in /tmp)")
    parser.add_argument("--quick", action="store_true", help="fewer samples: a check that it all runs, not figures")
    args = parser.parse_args()
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="wwe-issue16-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    results = run_all(out_dir, args.quick)
    rows = summary(results)
    print_summary(rows, results)
    (out_dir / "summary.json").write_text(json.dumps({
        "load_average_1min_before": load_before, "quick": args.quick, "rows": rows,
    }, indent=1), encoding="utf-8")
    print(f"all samples: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
