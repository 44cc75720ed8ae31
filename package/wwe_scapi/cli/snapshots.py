"""The site's memory snapshots (issue 16): a Pyodide already booted with the wheels imported,
which the loader restores instead of booting, in about a quarter of the time.

A snapshot holds the engine's memory, so it is made where the pages run: in Debian's Chromium,
the one the tests use (cli/snapshotmaker.py). It is kept under snapshots/<key>/, the key a hash
of everything it depends on (Pyodide, the wheels, the browser binary, the loader and the maker),
so a change of any of them makes new ones and a browser never restores a stale one (the URLs
are served immutable, and gzipped to a browser that takes it: 30 MiB, ~6 MiB gzipped). Without Chromium or Playwright there are none, and the pages boot as
before: the build says so.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from wwe_scapi.testing.chromium import CHROMIUM

SNAPSHOTS = "snapshots"  # the site's folder
KINDS = ("app", "desktop")  # the loader's SNAPSHOT_IMPORTS: what each kind of page imports
MADE = "made.json"  # written last: a folder without it is unfinished
LOCK = ".lock"  # held while a build checks or makes them
MAKER = Path(__file__).with_name("snapshotmaker.py")
MAKE_TIMEOUT_SECONDS = 600
Say = Callable[[str], None]


def snapshot_key(pyodide_version: str, wheels: Sequence[Path], loader_template: Path, browser: Path = Path(CHROMIUM)) -> str:
    """What a snapshot depends on, hashed: Pyodide, the wheels' bytes, the browser binary (its
    size and time: a new Chromium may lay memory out differently), the loader and the maker."""
    digest = hashlib.sha256(f"pyodide {pyodide_version}\0kinds {','.join(KINDS)}\0".encode())
    for wheel in wheels:
        digest.update(wheel.name.encode() + b"\0" + hashlib.sha256(wheel.read_bytes()).digest())
    try:
        stat = browser.stat()
        digest.update(f"browser {browser} {stat.st_size} {stat.st_mtime_ns}\0".encode())
    except OSError:  # none on this machine: no snapshot is made, the key still names the build
        digest.update(f"browser {browser} none\0".encode())
    digest.update(hashlib.sha256(loader_template.read_bytes()).digest())
    for maker in (MAKER, Path(__file__)):
        digest.update(hashlib.sha256(maker.read_bytes()).digest())
    return digest.hexdigest()[:16]


def why_none_can_be_made(browser: Path = Path(CHROMIUM)) -> str | None:
    """Why this machine cannot make snapshots, or None when it can."""
    if not os.access(browser, os.X_OK):
        return f"there is no {browser} (apt-get install -y chromium; ./test installs it)"
    try:
        import playwright  # noqa: F401  (only whether it is there)
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]'; ./test installs it)"
    return None


def made_before(site: Path, key: str) -> bool:
    """Whether the snapshots of `key` are there, whole."""
    return (site / SNAPSHOTS / key / MADE).is_file()


def snapshots_for_loader(site: Path, key: str, say: Say, warn: Say) -> dict[str, str]:
    """The loader's SNAPSHOTS table ({"key": key, "engine": user agent, kind: URL}) for the
    snapshots of `key`, made now unless they were made before; {"key": key} alone, said with
    the reason, when none could be made (the pages then boot Pyodide as before, and a desktop
    makes its own: web/wwe-scapi.js). Other keys' snapshots are removed."""
    folder = site / SNAPSHOTS
    here = folder / key
    folder.mkdir(parents=True, exist_ok=True)
    # One build at a time makes them (a test run and `serve` may build the same site at once):
    # the second waits, then finds them made.
    with (folder / LOCK).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made_before(site, key):
            why = why_none_can_be_made()
            if why is not None:
                say(f"no memory snapshots ({why}): pages boot Pyodide without one (a desktop makes its own in the browser)")
                return {"key": key}
            _remove_others(folder, keep=None)
            say("making the memory snapshots in Chromium (once per change of Pyodide, the wheels or the browser)")
            if not _make(site, here, warn):
                return {"key": key}
        _remove_others(folder, keep=key)
        made = json.loads((here / MADE).read_text(encoding="utf-8"))
    return {"key": key, "engine": made["engine"], **{kind: f"{SNAPSHOTS}/{key}/{kind}.bin" for kind in KINDS}}


def _make(site: Path, here: Path, warn: Say) -> bool:
    part = here.with_name(f".{here.name}.part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "wwe_scapi.cli.snapshotmaker", str(site), str(part), *KINDS],
            capture_output=True, text=True, timeout=MAKE_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(part, ignore_errors=True)
        warn(f"making the memory snapshots took over {MAKE_TIMEOUT_SECONDS} s: pages boot Pyodide without one")
        return False
    if result.returncode != 0:
        shutil.rmtree(part, ignore_errors=True)
        warn(f"making the memory snapshots failed: pages boot Pyodide without one:\n{result.stderr.strip()[-4000:]}")
        return False
    made = json.loads(result.stdout.strip().splitlines()[-1])
    for kind in KINDS:  # served as such to browsers that take gzip (cli/server.py)
        gzipped = gzip.compress((part / f"{kind}.bin").read_bytes(), compresslevel=6, mtime=0)
        (part / f"{kind}.bin.gz").write_bytes(gzipped)
        made["kinds"][kind]["gzipped_bytes"] = len(gzipped)
    (part / MADE).write_text(json.dumps(made, indent=1), encoding="utf-8")
    os.replace(part, here)
    return True


def _remove_others(folder: Path, keep: str | None) -> None:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name not in (keep, LOCK):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
