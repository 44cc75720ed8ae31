"""Makes the site's memory snapshots in Debian's Chromium (the engine the pages run in): run as
`python -m wwe_scapi.cli.snapshotmaker SITE OUT KIND...` by cli/snapshots.py, in a process of
its own (Playwright's sync API cannot run inside a caller's asyncio loop).

For each kind, a page of the site calls the loader's makeSnapshot(kind) (the loader's own boot,
then the kind's imports) and the bytes are read back and written to OUT/<kind>.bin. Prints one
JSON line: {"engine": user agent, "kinds": {kind: {"bytes", "make_ms"}}}.
"""

from __future__ import annotations

import base64
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from wwe_scapi.cli.server import Origin, free_port, serve_site
from wwe_scapi.testing.chromium import CHROMIUM, CHROMIUM_FLAGS

MAKER_FOLDER = "/snapshot-maker/"
MAKER_PAGE = """<!doctype html>
<meta charset="utf-8"><title>wwe-scapi: making a memory snapshot</title>
<script type="module">
  const kind = new URLSearchParams(location.search).get("kind");
  const started = performance.now();
  try {
    const {makeSnapshot} = await import("/wwe-scapi.js");
    window.snapshotBytes = await makeSnapshot(kind);
    window.made = {bytes: window.snapshotBytes.length, make_ms: performance.now() - started};
  } catch (error) {
    window.made = {error: String(error && error.stack ? error.stack : error)};
  }
</script>
"""
# Base64 of bytes [start, end) of the page's window.snapshotBytes (Playwright hands back text).
READ_CHUNK = """([start, end]) => {
  const bytes = window.snapshotBytes.subarray(start, end);
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
}"""
CHUNK = 4 << 20
TIMEOUT_MS = 180_000


def make_snapshots(site: Path, out: Path, kinds: list[str]) -> dict[str, Any]:
    """Each kind's snapshot made by a page of `site` in Chromium, written to out/<kind>.bin."""
    from playwright.sync_api import sync_playwright  # the test dependency: imported only here

    made: dict[str, Any] = {"kinds": {}}
    with tempfile.TemporaryDirectory(prefix="wwe-snapshot-maker-") as folder:
        (Path(folder) / "make.html").write_text(MAKER_PAGE, encoding="utf-8")
        running = serve_site(site, [Origin("127.0.0.1", free_port())], config={}, mounts={MAKER_FOLDER: Path(folder)})
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
                try:
                    for kind in kinds:
                        page = browser.new_page()
                        made["engine"] = page.evaluate("navigator.userAgent")
                        page.goto(f"{running.origins[0]}{MAKER_FOLDER}make.html?kind={kind}")
                        page.wait_for_function("window.made !== undefined", timeout=TIMEOUT_MS, polling=100)
                        result = page.evaluate("window.made")
                        if "error" in result:
                            raise RuntimeError(f"making the {kind} snapshot failed in the page:\n{result['error']}")
                        data = bytearray()
                        for start in range(0, result["bytes"], CHUNK):
                            data += base64.b64decode(page.evaluate(READ_CHUNK, [start, start + CHUNK]))
                        page.close()
                        (out / f"{kind}.bin").write_bytes(data)
                        made["kinds"][kind] = {"bytes": len(data), "make_ms": round(result["make_ms"])}
                finally:
                    browser.close()
        finally:
            running.stop()
    return made


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print("usage: python -m wwe_scapi.cli.snapshotmaker SITE OUT KIND...", file=sys.stderr)
        return 2
    started = time.perf_counter()
    made = make_snapshots(Path(argv[0]), Path(argv[1]), argv[2:])
    made["wall_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(made))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
