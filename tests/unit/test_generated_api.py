"""The Python client's namespaces and docs/api.md are generated from the catalogue and the wire's
TypedDicts (scripts/generate_api.py): they must be up to date, and precise."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType

from wwe_scapi.client import ServiceClient
from wwe_scapi.client import namespaces
from wwe_scapi.protocol.catalogue import CATALOGUE, UNDOCUMENTED

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_api", ROOT / "scripts" / "generate_api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


def test_the_client_namespaces_are_as_generated_from_the_catalogue() -> None:
    assert (ROOT / "package/wwe_scapi/client/namespaces.py").read_text() == GENERATOR.render_namespaces(), (
        "client/namespaces.py is out of date: run python3 scripts/generate_api.py"
    )


def test_docs_api_md_is_as_generated_from_the_catalogue_and_the_types() -> None:
    assert (ROOT / "docs/api.md").read_text() == GENERATOR.render_api_doc(), (
        "docs/api.md is out of date: run python3 scripts/generate_api.py"
    )


def _methods() -> list[tuple[str, str, object]]:
    found = []
    for name, value in vars(namespaces).items():
        if inspect.isclass(value) and name.endswith("Namespace") and not name.startswith("_"):
            for method_name, method in vars(value).items():
                if not method_name.startswith("_"):
                    found.append((name, method_name, method))
    return found


def test_every_documented_request_has_one_client_method_with_a_docstring_and_a_precise_result() -> None:
    methods = _methods()
    assert len(methods) == len([name for name in CATALOGUE if name not in UNDOCUMENTED])
    vague = [f"{owner}.{name}" for owner, name, method in methods if "Any" in inspect.signature(method).return_annotation]
    undocumented = [f"{owner}.{name}" for owner, name, method in methods if not (method.__doc__ or "").strip()]
    assert vague == [] and undocumented == []


def test_the_client_carries_every_namespace_under_its_name() -> None:
    client_source = inspect.getsource(ServiceClient.__init__)
    for namespace in GENERATOR.client_requests():
        assert f"self.{namespace} = {GENERATOR.class_name(namespace)}(self.core)" in client_source


def test_every_type_the_client_names_is_a_wire_type_or_a_builtin() -> None:
    names = GENERATOR.wire_names() | {"str", "int", "float", "bool", "None", "list", "dict", "Any"}
    for spec in CATALOGUE.values():
        annotations = [spec.returns, *(parameter.annotation for parameter in spec.params)]
        for annotation in annotations:
            assert GENERATOR._words(annotation) <= names, (spec.name, annotation)
