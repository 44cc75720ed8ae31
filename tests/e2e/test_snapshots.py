"""Memory snapshots (issue 16): the build makes one per kind of page in this Chromium; the
loader restores it where it can (an app in a cross-site iframe, the desktop top-level) and,
where it cannot, boots Pyodide as before and says why."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from e2e_support import BOOT_TIMEOUT_MS, app_url
from playwright.sync_api import Page

from wwe_scapi.cli.server import Origin, RunningSite, serve_site
from wwe_scapi.cli.sitebuild import build_site
from wwe_scapi.pytest_plugin.sites import free_port

TEST_APPS = Path(__file__).parent / "apps"

BOOTED = "window.bootState !== undefined"
WORKS = "window.pyodide.runPython('import wwe_scapi.protocol.catalogue as c; len(c.CATALOGUE) > 50')"


def _boot(page: Page, site: RunningSite, case: str, kind: str = "app", origin: int | None = None) -> dict[str, object]:
    """Boots snapshot-boot.html: an app on an app origin, the desktop kind on the desktop's own."""
    where = origin if origin is not None else (0 if kind == "desktop" else 1)
    page.goto(app_url(site, where, f"snapshot-boot.html?loader={site.desktop}&case={case}&kind={kind}"))
    page.wait_for_function(BOOTED, timeout=BOOT_TIMEOUT_MS)
    return dict(page.evaluate("({state: window.bootState, snapshot: window.wweTimings.snapshot, warnings: window.warnings})"))


def test_the_build_serves_a_snapshot_of_each_kind_immutable(site: RunningSite, page: Page) -> None:
    page.goto(app_url(site, 1, f"snapshot-boot.html?loader={site.desktop}&case=none"))
    page.wait_for_function(BOOTED, timeout=BOOT_TIMEOUT_MS)
    table = page.evaluate(f"import('{site.desktop}/wwe-scapi.js').then((loader) => loader.SNAPSHOTS)")
    assert set(table) == {"key", "engine", "app", "desktop"} and re.fullmatch(r"[0-9a-f]{16}", table["key"])
    assert "Chrome/" in table["engine"]
    for kind in ("app", "desktop"):
        assert re.fullmatch(rf"snapshots/[0-9a-f]{{16}}/{kind}\.bin", table[kind])
        # The desktop's goes to pages of its own origin only (the browser says which, in Sec-Fetch-Site).
        own = {"Sec-Fetch-Site": "same-origin"} if kind == "desktop" else {}
        with urllib.request.urlopen(urllib.request.Request(f"{site.desktop}/{table[kind]}", headers=own)) as response:
            if kind == "app":
                assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
                assert response.headers["Access-Control-Allow-Origin"] == "*"
            else:
                assert response.headers["Cache-Control"] == "private, max-age=31536000, immutable"
                assert response.headers["Access-Control-Allow-Origin"] is None
            assert response.headers["Content-Encoding"] is None
            whole = response.read()
        assert int.from_bytes(whole[:4], "little") == 1886286592  # a Pyodide snapshot's magic
        # On this machine, gzip is not worth it: a browser would inflate it again at every load.
        asked = urllib.request.Request(f"{site.desktop}/{table[kind]}", headers={"Accept-Encoding": "gzip, deflate", **own})
        with urllib.request.urlopen(asked) as response:
            assert response.headers["Content-Encoding"] is None


def test_a_page_restores_a_snapshot_served_gzipped(site: RunningSite, page: Page) -> None:
    """As to a browser on another machine (compress_to_loopback: the same choice)."""
    folder = build_site(quiet=True)
    origins = [Origin("127.0.0.1", free_port()), Origin("localhost", free_port())]
    compressing = serve_site(folder, origins, config={}, mounts={"/test-apps/": TEST_APPS}, compress_to_loopback=True)
    try:
        encodings: list[str | None] = []
        page.on("response", lambda response: encodings.append(response.headers.get("content-encoding"))
                if "/snapshots/" in response.url else None)
        desktop, app = compressing.origins
        page.goto(f"{app}/test-apps/snapshot-boot.html?loader={desktop}&case=built")
        page.wait_for_function(BOOTED, timeout=BOOT_TIMEOUT_MS)
        assert page.evaluate("[window.bootState, window.wweTimings.snapshot]") == ["ready", "restored"]
        assert encodings == ["gzip"]
        assert page.evaluate(WORKS) is True
    finally:
        compressing.stop()


def test_the_desktops_snapshot_is_not_given_to_another_origin(site: RunningSite, page: Page) -> None:
    """It holds the desktop's hash secret: an app that read it could send keys that all collide."""
    page.goto(app_url(site, 1, "boot.html"))
    page.wait_for_function(BOOTED, timeout=BOOT_TIMEOUT_MS)
    table = page.evaluate(f"import('{site.desktop}/wwe-scapi.js').then((loader) => loader.SNAPSHOTS)")
    fetched = page.evaluate("(url) => fetch(url).then((r) => r.status, (e) => 'blocked: ' + e)", f"{site.desktop}/{table['desktop']}")
    assert fetched == 403 or str(fetched).startswith("blocked"), fetched
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{site.desktop}/{table['desktop']}.gz")
    assert refused.value.code == 403
    # A desktop-kind page of another origin (startService's, say) boots without it, says so,
    # and makes one of its own, kept in its own origin's IndexedDB.
    booted = _boot(page, site, "built", "desktop", origin=1)
    assert booted["state"] == "ready" and booted["warnings"] == []
    assert booted["snapshot"] == (
        f"not used: the desktop's snapshot is for pages of {site.desktop} only; this browser's own is made now (IndexedDB)"
    )
    page.wait_for_function("window.wweTimings.ownSnapshot === 'stored'", timeout=BOOT_TIMEOUT_MS)
    assert _boot(page, site, "built", "desktop", origin=1)["snapshot"] == "restored: this browser's own (IndexedDB)"


@pytest.mark.parametrize("kind", ["app", "desktop"])
def test_a_page_restores_its_kinds_snapshot_and_works(site: RunningSite, page: Page, kind: str) -> None:
    booted = _boot(page, site, "built", kind)
    assert booted == {"state": "ready", "snapshot": "restored", "warnings": []}
    assert page.evaluate(WORKS) is True
    # What the kind imports came with the snapshot; the wheels' files were written back.
    module = "wwe_scapi.browser.app" if kind == "app" else "wwe_scapi.browser.host"
    python = "(code) => window.pyodide.runPython(code)"
    assert page.evaluate(python, f"import sys; {module!r} in sys.modules") is True
    missing = page.evaluate("(code) => window.pyodide.runPython(code).toJs()", "import os, sys; [p for p in sys.path if p.endswith('.whl') and not os.path.isfile(p)]")
    wheels = page.evaluate(python, "import sys; len([p for p in sys.path if p.endswith('.whl')])")
    assert missing == [] and wheels >= 1


def test_two_restored_pages_draw_different_random_numbers(site: RunningSite, page: Page) -> None:
    """The snapshot's random state is the build's: the loader reseeds it."""
    drawn = []
    for _ in range(2):
        assert _boot(page, site, "built")["snapshot"] == "restored"
        drawn.append(page.evaluate("window.pyodide.runPython('import random; random.random()')"))
    assert drawn[0] != drawn[1]


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("none", r"not used: the build made none"),
        ("engine", r"not used: it was made by another browser \(.*Firefox/140\.0\)"),
        ("missing", r"not used: restoring .*/snapshots/no-such-key/app\.bin failed: .*answered 404"),
        ("junk", r"not used: restoring .*pyodide-lock\.json failed: .* is not a Pyodide memory snapshot"),
        ("build-id", r"not used: restoring blob:.* failed: Snapshot build id mismatch"),
        ("cut", r"not used: restoring blob:.* failed: "),
    ],
)
def test_a_snapshot_that_cannot_be_used_boots_normally_and_says_why(site: RunningSite, page: Page, case: str, why: str) -> None:
    booted = _boot(page, site, case)
    assert booted["state"] == "ready"
    assert re.match(why, str(booted["snapshot"])), booted
    warnings = booted["warnings"]
    assert isinstance(warnings, list)
    if case in ("none", "engine"):
        assert warnings == []  # nothing went wrong: there is no snapshot for this browser
    else:
        assert len(warnings) == 1 and "booting Pyodide without its memory snapshot" in warnings[0], warnings
    assert page.evaluate(WORKS) is True


def test_the_desktop_and_its_python_app_both_boot_from_their_snapshots(open_desktop, site: RunningSite) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 1, "python-client.html")], accept=[site.origins[1]])
    frame = desktop.frame(0)
    assert desktop.page.evaluate("window.wweTimings.snapshot") == "restored"
    assert frame.evaluate("window.wweTimings.snapshot") == "restored"
    answered = desktop.py(frame, """
import json
await service.agent.set_state("NotReadyBreak")
json.dumps([await service.agent.get(), (await service.agent.get_state())["operationName"]])
""")
    assert answered == [{"employeeId": "5001", "firstname": "Kim", "lastname": "Sandoval", "username": "ksandoval"}, "NotReadyBreak"]


def test_a_restored_page_lets_go_of_the_snapshots_bytes(site: RunningSite, page: Page) -> None:
    """Pyodide keeps its configuration: handed the 30 MiB directly, the page would keep them."""
    held = {}
    for case in ("built", "none"):
        assert _boot(page, site, case)["state"] == "ready"
        session = page.context.new_cdp_session(page)
        session.send("HeapProfiler.enable")
        session.send("HeapProfiler.collectGarbage")
        held[case] = session.send("Runtime.getHeapUsage")["backingStorageSize"]
        session.detach()
    assert held["built"] < held["none"] + 4 * 2**20, held  # not + 30 MiB


def test_the_desktop_and_its_python_app_boot_without_snapshots_as_well(open_desktop, site: RunningSite, page: Page) -> None:  # type: ignore[no-untyped-def]
    """Another browser than the build's, or a build without Chromium: the boot of before."""
    page.add_init_script("window.wweScapiSnapshots = null;")  # every frame of the page
    desktop = open_desktop([app_url(site, 1, "python-client.html")], accept=[site.origins[1]])
    frame = desktop.frame(0)
    for window in (desktop.page, frame):
        assert window.evaluate("window.wweTimings.snapshot") == "not used: the build made none"
    answered = desktop.py(frame, "import json\njson.dumps((await service.agent.get())['username'])")
    assert answered == "ksandoval"


# -- a desktop's own snapshot, in a browser the build made none for --------------------------------

OTHER_BROWSER = "window.wweScapiSnapshots = {engine: 'Mozilla/5.0 Gecko/20100101 Firefox/140.0'};"
# One request on the loader's IndexedDB store (the desktop's own snapshots), its result once committed.
_OWN_STORE = """(mode, use) => new Promise((resolve, reject) => {
  const opening = indexedDB.open("wwe-scapi", 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore("snapshots");
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const transaction = opening.result.transaction("snapshots", mode);
    const request = use(transaction.objectStore("snapshots"));
    transaction.oncomplete = () => { opening.result.close(); resolve(request.result); };
  };
})"""
OWN_KEYS = f"() => ({_OWN_STORE})('readonly', (store) => store.getAllKeys())"
PUT_OWN = f"([key, junk]) => ({_OWN_STORE})('readwrite', (store) => store.put(new Uint8Array(junk), key))"


def _open_the_desktop(page: Page, site: RunningSite) -> dict[str, object]:
    site.config.value = {"options": {}, "apps": []}  # the desktop alone
    page.goto(site.desktop + "/")
    page.wait_for_function("window.wweDesktopReady === true", timeout=BOOT_TIMEOUT_MS)
    return dict(page.evaluate("({snapshot: wweTimings.snapshot, own: wweTimings.ownSnapshot})"))


def test_a_desktop_in_a_browser_the_build_made_none_for_makes_its_own_and_restores_it_next_time(site: RunningSite, page: Page) -> None:
    page.add_init_script(OTHER_BROWSER)  # every page of this test: as if the build's snapshots were another browser's
    page.goto(site.desktop + "/config.json")  # the desktop's origin: an older build's snapshot kept there
    page.evaluate(PUT_OWN, ["desktop 0123456789abcdef Mozilla/5.0 an older browser", list(range(64))])
    first = _open_the_desktop(page, site)
    assert re.fullmatch(r"not used: it was made by another browser \(.*Firefox/140\.0\); this browser's own is made now \(IndexedDB\)",
                        str(first["snapshot"])), first
    page.wait_for_function("window.wweTimings.ownSnapshot === 'stored'", timeout=BOOT_TIMEOUT_MS)
    agent = page.evaluate("navigator.userAgent")
    [key] = page.evaluate(OWN_KEYS)  # the older one replaced
    assert key.startswith("desktop ") and key.endswith(" " + agent) and "0123456789abcdef" not in key
    second = _open_the_desktop(page, site)
    assert second["snapshot"] == "restored: this browser's own (IndexedDB)" and second.get("own") is None, second
    assert page.evaluate(WORKS) is True
    assert page.evaluate("window.wweScenario('ring_inbound_call', {ani: '+15550100'}).state") == "RINGING"


def test_a_broken_own_snapshot_is_dropped_said_and_made_again_on_the_next_boot(site: RunningSite, page: Page) -> None:
    page.add_init_script(OTHER_BROWSER)
    _open_the_desktop(page, site)
    page.wait_for_function("window.wweTimings.ownSnapshot === 'stored'", timeout=BOOT_TIMEOUT_MS)
    [key] = page.evaluate(OWN_KEYS)
    page.evaluate(PUT_OWN, [key, list(range(64))])  # not a snapshot
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    broken = _open_the_desktop(page, site)
    assert broken["snapshot"] == (
        "not used: reading this browser's own snapshot (IndexedDB) failed:"
        " this browser's own snapshot (IndexedDB) is not a Pyodide memory snapshot"
    ), broken
    assert any("booting Pyodide without its memory snapshot" in text for text in warnings), warnings
    assert page.evaluate(OWN_KEYS) == [] and page.evaluate(WORKS) is True
    again = _open_the_desktop(page, site)
    assert str(again["snapshot"]).endswith("; this browser's own is made now (IndexedDB)")
    page.wait_for_function("window.wweTimings.ownSnapshot === 'stored'", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate(OWN_KEYS) == [key]


def test_snapshots_switched_off_make_no_own_either(site: RunningSite, page: Page) -> None:
    page.add_init_script("window.wweScapiSnapshots = null;")
    assert _open_the_desktop(page, site)["snapshot"] == "not used: the build made none"
    assert page.evaluate("window.wweTimings.ownSnapshot") is None and page.evaluate(OWN_KEYS) == []
