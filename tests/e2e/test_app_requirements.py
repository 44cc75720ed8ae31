"""An app's PyPI requirements: fetched by the build (serve --requirement), served by the
desktop's own server, installed by startApp with micropip; nothing from a CDN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

APP = ("Dates", Path(__file__).parent / "apps" / "requirements-app.html")


def test_an_app_installs_its_requirement_and_its_dependency_from_the_desktops_server(wwe_desktop: Any) -> None:
    desktop = wwe_desktop(apps=[APP], requirements=["python-dateutil==2.9.0.post0"])
    frame = desktop.app("Dates")
    expect(frame.locator("#next")).to_have_text("2026-02-28")
    wheels = frame.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.whl'))")
    origins = {name.split("/packages/")[0] for name in wheels if "/packages/apps/" in name}
    assert any("python_dateutil" in name for name in wheels) and any("six-" in name for name in wheels)
    assert origins == {desktop.apps[0].origin}  # the loader's own server: no CDN


def test_a_requirement_the_server_does_not_serve_fails_the_boot_saying_how(wwe_desktop: Any) -> None:
    from wwe_scapi.pytest_plugin.desktop import DesktopError

    missing = ("Missing", Path(__file__).parent / "apps" / "requirements-missing.html")
    with pytest.raises(DesktopError, match='does not serve humanize: start it with --requirement "humanize"'):
        wwe_desktop(apps=[missing])
