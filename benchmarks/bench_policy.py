"""The cost of the security policy per request, in CPython: requests per second through
`Service.receive` with no policy in the way (`*`, no limits, no lists) and with a full one
(a 10-origin list with filters, global and per-request rate limits, read/write allow-lists).

    python3 benchmarks/bench_policy.py [--requests 50000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent / "package"))

from wwe_scapi.service.setup import build_service  # noqa: E402

ORIGIN = "http://app5.test:8005"
FULL = {
    "service-client-api.accepted-web-content-origins": ", ".join(
        f"http://app{i}.test:{8000 + i} (agent.*, media.*, interaction.*, voice.dial)" for i in range(10)
    ),
    "service-client-api.rate-limit": "100000000",
    "service-client-api.rate-limit.agent.getState": "100000000",
    "service-client-api.rate-limit.voice.dial": "4",
    "service-client-api.user-data.read-allowed": "Key1,Key2",
    "service-client-api.user-data.write-allowed": "Key1",
}
OPEN = {"service-client-api.accepted-web-content-origins": "*"}


class NullTransport:
    """Sends nowhere; every window is there."""

    def start(self, receiver: Any) -> None:
        pass

    def send(self, frame_key: int, message: dict[str, Any]) -> bool:
        return True

    def renew(self, frame_key: int) -> int | None:
        return None

    def close(self) -> None:
        pass


def rate(options: dict[str, str], requests: int, name: str) -> float:
    service = build_service(options, transport=NullTransport())
    message = {"request": name, "referenceId": "1", "userAgent": "WWE Client", "protocolVersion": 2}
    service.receive(1, ORIGIN, message)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(requests):
            service.receive(1, ORIGIN, message)
        best = max(best, requests / (time.perf_counter() - start))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50_000)
    args = parser.parse_args()
    print(f"Service.receive, CPython {sys.version.split()[0]}, best of 3 × {args.requests} requests")
    for name in ("agent.getState", "media.getMediaList"):
        open_rate = rate(OPEN, args.requests, name)
        full_rate = rate(FULL, args.requests, name)
        overhead_us = (1 / full_rate - 1 / open_rate) * 1e6
        print(
            f"  {name:20} without policy {open_rate:9.0f}/s   with the full policy {full_rate:9.0f}/s"
            f"   cost {overhead_us:+.2f} µs per request ({100 * (open_rate / full_rate - 1):+.1f} %)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
