"""The package's layers, read from its source: who may import whom, and where `js` and
`pyodide` may be imported (one module: the page behind compat/)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "package" / "wwe_scapi"
IN_PYODIDE = {"compat/in_pyodide.py"}

# Each layer and the layers it may import (besides itself). Lower layers never know the
# higher ones: the workspace knows nothing of the broker, the broker nothing of the DOM.
MAY_IMPORT: dict[str, set[str]] = {
    "clock": set(),
    "protocol": set(),
    "security": {"clock", "protocol"},
    "workspace": {"clock", "protocol"},
    "compat": {"protocol"},
    "auth": set(),
    "transports": {"compat", "protocol"},
    "client": {"clock", "protocol", "transports"},
    "service": {"clock", "protocol", "security", "transports", "workspace"},
    "tabs": {"clock", "protocol", "service", "workspace"},
    "browser": {"auth", "client", "clock", "compat", "protocol", "security", "service", "tabs", "transports", "workspace"},
    "testing": {"auth", "client", "clock", "compat", "protocol", "security", "service", "transports", "workspace"},
    "cli": {"auth", "protocol", "security", "service", "testing", "workspace"},
    # The pytest plugin (CPython only): serves the site and drives Chromium, or a MemoryDesktop.
    "pytest_plugin": {"cli", "client", "protocol", "security", "service", "testing", "workspace"},
    "(root)": {"auth", "browser", "client", "clock", "compat", "protocol", "security", "service", "tabs", "testing", "transports", "workspace"},
    "__main__": {"cli"},
    "lazy": set(),
}
EVERYONE_MAY_IMPORT = {"lazy"}  # re-exports imported on first use


def _modules() -> list[tuple[str, ast.Module]]:
    return [(str(path.relative_to(PACKAGE)), ast.parse(path.read_text())) for path in sorted(PACKAGE.rglob("*.py"))]


def _layer(relative: str) -> str:
    first = relative.split("/", 1)[0]
    if first == "__init__.py":
        return "(root)"
    return first.removesuffix(".py")


def _imported(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_only_the_in_pyodide_implementation_imports_js_or_pyodide() -> None:
    importers = {
        relative
        for relative, tree in _modules()
        for name in _imported(tree)
        if name == "js" or name.startswith("js.") or name == "pyodide" or name.startswith("pyodide.")
    }
    assert importers == IN_PYODIDE


def test_every_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for relative, tree in _modules():
        layer = _layer(relative)
        for name in _imported(tree):
            if not name.startswith("wwe_scapi"):
                continue
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else "(root)"
            if target != layer and target not in MAY_IMPORT[layer] | EVERYONE_MAY_IMPORT:
                wrong.append(f"{relative} imports {name}")
    assert wrong == []


def test_handlers_never_see_the_service() -> None:
    handlers = [
        (relative, tree) for relative, tree in _modules()
        if relative.startswith("service/handlers/") or relative in ("service/centre.py", "service/simulated.py")
    ]
    assert len(handlers) >= 7
    for relative, tree in handlers:
        assert not any(name.startswith("wwe_scapi.service.broker") for name in _imported(tree)), relative
    modules = dict(_modules())
    # The context names the contact centre's and the token signer's interfaces, leaves that
    # know nothing of the broker.
    assert [name for name in _imported(modules["service/context.py"]) if name.startswith("wwe_scapi.service")] == [
        "wwe_scapi.service.centre", "wwe_scapi.service.signing"
    ]
    assert [name for name in _imported(modules["service/signing.py"]) if name.startswith("wwe_scapi.service")] == [
        "wwe_scapi.service.pending"
    ]
    assert [name for name in _imported(modules["service/pending.py"]) if name.startswith("wwe_scapi")] == []
