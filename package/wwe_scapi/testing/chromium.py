"""Debian's Chromium as the end-to-end tests and benchmarks launch it (Playwright's own
browser download is not used)."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Headless on a machine with no network but loopback: no GPU, no background connections.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Shared memory in /tmp, not /dev/shm: a machine whose /dev/shm is small (a container's
    # 64 MiB) crashes renderers under load ("Target crashed"), once seen in CI, never here.
    "--disable-dev-shm-usage",
]
