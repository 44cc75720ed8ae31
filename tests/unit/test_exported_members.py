"""The public API at the package root: pinned, resolvable, typed, and imported lazily."""

from __future__ import annotations

import subprocess
import sys

import wwe_scapi

EXPECTED = [
    "__version__",
    "connect",
    "ServiceClient",
    "Subscription",
    "Reply",
    "ServiceError",
    "RequestFailed",
    "RequestTimeout",
    "ClientClosed",
    "NoServiceWindow",
    "Service",
    "build_service",
    "RequestError",
    "SecurityPolicy",
    "OriginPolicy",
    "PolicyConfigError",
    "Workspace",
    "WorkspaceError",
    "ServiceTransport",
    "ClientTransport",
    "Unreadable",
    "MemoryNetwork",
    "Clock",
    "SystemClock",
    "ManualClock",
    "CATALOGUE",
    "EVENT_NAMES",
    "Agent",
    "State",
    "Media",
    "Interaction",
    "Options",
    "ToastParameters",
    "DialogOptions",
    "MenuBarViewParameters",
    "TargetQuery",
    "JwtToken",
]


def test_the_root_exports_exactly_these_names() -> None:
    assert wwe_scapi.__all__ == EXPECTED


def test_every_exported_name_resolves_to_the_thing_of_its_module() -> None:
    from wwe_scapi.client import ServiceClient
    from wwe_scapi.testing import MemoryNetwork

    for name in EXPECTED:
        assert getattr(wwe_scapi, name) is not None, name
    assert wwe_scapi.ServiceClient is ServiceClient and wwe_scapi.MemoryNetwork is MemoryNetwork
    assert set(EXPECTED) <= set(dir(wwe_scapi))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        wwe_scapi.nothing_here  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "no attribute 'nothing_here'" in str(error)
    else:
        raise AssertionError("no AttributeError")


def test_importing_the_root_loads_neither_the_client_nor_the_service() -> None:
    code = "import sys, wwe_scapi; print(sorted(m for m in sys.modules if m.startswith('wwe_scapi')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['wwe_scapi', 'wwe_scapi.lazy']"


def test_the_package_says_it_is_typed() -> None:
    from importlib.resources import files

    assert files("wwe_scapi").joinpath("py.typed").is_file()
