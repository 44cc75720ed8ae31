"""Writes the Python client's namespaces and docs/api.md from the one description of the API:
the request catalogue (package/wwe_scapi/protocol/catalogue.py) and the wire's TypedDicts
(package/wwe_scapi/protocol/wire.py).

    python3 scripts/generate_api.py           # write both files
    python3 scripts/generate_api.py --check   # exit 1 when either is out of date

tests/unit/test_generated_api.py runs the check, so a change to the catalogue that is not
regenerated fails the tests.
"""

from __future__ import annotations

import argparse
import ast
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "package" / "wwe_scapi"
sys.path.insert(0, str(ROOT / "package"))

from wwe_scapi.protocol.catalogue import CATALOGUE, EVENTS, UNDOCUMENTED, ParamSpec, RequestSpec  # noqa: E402

NAMESPACES_FILE = PACKAGE / "client" / "namespaces.py"
API_DOC_FILE = ROOT / "docs" / "api.md"
WIRE_FILE = PACKAGE / "protocol" / "wire.py"
WIDTH = 100


def client_requests() -> dict[str, list[RequestSpec]]:
    """The documented requests, by namespace, in catalogue order (aliases have no method)."""
    grouped: dict[str, list[RequestSpec]] = {}
    for name, spec in CATALOGUE.items():
        if name not in UNDOCUMENTED:
            grouped.setdefault(spec.namespace, []).append(spec)
    return dict(sorted(grouped.items()))


def class_name(namespace: str) -> str:
    return namespace[0].upper() + namespace[1:] + "Namespace"


# -- the wire's TypedDicts and aliases, read from wire.py's source (names kept as written) ---------


@dataclass
class Shape:
    name: str
    doc: str
    fields: list[tuple[str, str, bool]]  # (key, annotation, required)


def wire_shapes() -> tuple[list[Shape], dict[str, str]]:
    tree = ast.parse(WIRE_FILE.read_text())
    shapes: list[Shape] = []
    aliases: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            total = not any(k.arg == "total" and isinstance(k.value, ast.Constant) and k.value.value is False for k in node.keywords)
            fields = []
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    annotation = item.annotation
                    required = total
                    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) in ("NotRequired", "Required"):
                        required = ast.unparse(annotation.value) == "Required"
                        annotation = annotation.slice
                    fields.append((item.target.id, ast.unparse(annotation), required))
            shapes.append(Shape(node.name, ast.get_docstring(node) or "", fields))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            aliases[node.target.id] = ast.unparse(node.value)
    return shapes, aliases


def wire_names() -> set[str]:
    shapes, aliases = wire_shapes()
    return {shape.name for shape in shapes} | set(aliases)


# -- client/namespaces.py -----------------------------------------------------------------------


def _words(annotation: str) -> set[str]:
    return set(annotation.replace("[", " ").replace("]", " ").replace("|", " ").replace(",", " ").split())


def _docstring(spec: RequestSpec, indent: str) -> list[str]:
    lines = textwrap.wrap(spec.doc, WIDTH - len(indent) - 6)
    if spec.errors:
        lines += ["", "Fails (RequestFailed), besides the ways every request may, when:"]
        for error in spec.errors:
            wrapped = textwrap.wrap(error, WIDTH - len(indent) - 2)
            lines += [f"- {wrapped[0]}"] + [f"  {line}" for line in wrapped[1:]]
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}'] + [f"{indent}{line}" if line else "" for line in lines[1:]] + [f'{indent}"""']


def _signature(spec: RequestSpec) -> str:
    parameters = ["self"]
    for parameter in spec.params:
        default = " = None" if parameter.optional else ""
        parameters.append(f"{parameter.python}: {parameter.annotation}{default}")
    parameters.append("**cb: Unpack[Callbacks]")
    return f"def {spec.python}({', '.join(parameters)}) -> Reply[{spec.returns}]:"


def _method(spec: RequestSpec) -> list[str]:
    indent = "        "
    signature = "    " + _signature(spec)
    if len(signature) > WIDTH:
        parameters = [f"{p.python}: {p.annotation}" + (" = None" if p.optional else "") for p in spec.params]
        signature = "\n".join(
            ["    def " + spec.python + "(", "        self,"]
            + [f"        {parameter}," for parameter in parameters]
            + ["        **cb: Unpack[Callbacks],", f"    ) -> Reply[{spec.returns}]:"]
        )
    arguments = "".join(f", {p.python}" for p in spec.params)
    return [signature, *_docstring(spec, indent), f'{indent}return self._call("{spec.name}"{arguments}, **cb)']


def render_namespaces() -> str:
    groups = client_requests()
    used = set().union(*(_words(s.returns) | set().union(*(_words(p.annotation) for p in s.params)) for specs in groups.values() for s in specs))
    wire = sorted(used & wire_names())
    out = [
        '"""The API\'s namespaces as Python objects: `await service.agent.get()`, or the vendor\'s',
        "callback style `service.agent.get(succeeded=..., failed=...)`, one implementation.",
        "",
        "Generated from the catalogue (protocol/catalogue.py) by scripts/generate_api.py: do not",
        'edit; change the catalogue and run `python3 scripts/generate_api.py`."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any, TypedDict, Unpack",
        "",
        "from wwe_scapi.client.core import Callback, ClientCore",
        "from wwe_scapi.client.reply import Reply  # resolves to the response's `data`; raises RequestFailed",
        "",
        "if TYPE_CHECKING:",
        "    from wwe_scapi.protocol.wire import (",
        *(f"        {name}," for name in wire),
        "    )",
        "",
        "",
        "class Callbacks(TypedDict, total=False):",
        '    """The vendor\'s callback style: each gets the whole response, less its referenceId."""',
        "",
        "    succeeded: Callback | None",
        "    failed: Callback | None",
        "",
        "",
        "class _Namespace:",
        "    def __init__(self, core: ClientCore) -> None:",
        "        self._core = core",
        "",
        "    def _call(self, request: str, *parameters: Any, **callbacks: Unpack[Callbacks]) -> Reply[Any]:",
        "        return self._core.call(request, *parameters, **callbacks)",
    ]
    for namespace, specs in groups.items():
        out += ["", "", f"class {class_name(namespace)}(_Namespace):", f'    """The `{namespace}` namespace."""']
        for spec in specs:
            out += ["", *_method(spec)]
    return "\n".join(out) + "\n"


# -- docs/api.md --------------------------------------------------------------------------------------


def _wire_signature(spec: RequestSpec) -> str:
    return f"{spec.name}({', '.join(p.name + ('?' if p.optional else '') for p in spec.params)})"


def _parameter_row(position: int, parameter: ParamSpec) -> str:
    notes = []
    if parameter.optional:
        notes.append("optional (null or absent)")
    if parameter.user_data is not None:
        notes.append(f"user data: {parameter.user_data.value}")
    return (
        f"| {position} | `{parameter.name}` | {parameter.kind.value} | `{_cell(parameter.python + ': ' + parameter.annotation)}` "
        f"| {'; '.join(notes)} |"
    )


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` of a union type would end the cell."""
    return text.replace("|", "\\|")


def render_api_doc() -> str:
    shapes, aliases = wire_shapes()
    groups = client_requests()
    out = [
        "# The Service Client API, request by request",
        "",
        "Generated from the request catalogue (`package/wwe_scapi/protocol/catalogue.py`) and the wire's",
        "TypedDicts (`package/wwe_scapi/protocol/wire.py`) by `scripts/generate_api.py`: do not edit it,",
        "change those and regenerate. The messages that carry these requests are in",
        "[protocol.md](protocol.md).",
        "",
        "Each request is sent as `{request: \"namespace.method\", parameters: [...]}`; its result is the",
        "response's `data`. The Python client has one method per request, in snake_case, returning an",
        "awaitable of that result (`await service.interaction.set_user_data(\"1\", {...})`), or taking the",
        "vendor's `succeeded=` / `failed=` callbacks.",
        "",
        "## How every request may fail",
        "",
        "Before any handler runs, one admission step (`service/admission.py`) refuses, in this order:",
        "",
        "1. an origin that `service-client-api.accepted-web-content-origins` does not list (every request",
        "   and subscribe; the origin `null` gets no answer at all);",
        "2. a request over a `service-client-api.rate-limit` (the first one gets the reference's message,",
        "   the following ones no answer during the quarantine);",
        "3. an unknown request name: `Unknown request 'x'.`;",
        "4. a request outside the origin's filter: `The request x is not allowed for the origin o (...)`;",
        "5. a request the service has no handler for: `<name> is not supported yet by this simulated",
        "   Agent Workspace.` (none on the desktop: `UNSERVED` in `service/handlers/__init__.py` is",
        "   empty; only a Service given a handler table of its own can leave requests out);",
        "6. parameters: too many, a missing one, or one of the wrong type, each named with its position;",
        "7. a user-data key outside `service-client-api.user-data.write-allowed`, for setUserData and",
        "   deleteUserData (nothing is written); other requests that carry user data are served, with",
        "   a warning.",
        "",
        "## Warnings and strict mode",
        "",
        "The real Agent Workspace serves calls that stray from the documented form, so this one does",
        "too: an unknown key of a parameter object is left out, a number given as a string (`\"5000\"`,",
        "`\"400px\"`) is read as the number, a malformed colour is left out (the default shows), and",
        "each oddity becomes a **warning** on the request's row of the protocol log, naming the call,",
        "the parameter and what the reference documents. In strict mode (`wwe-scapi serve --strict`,",
        "`build_service(..., strict=True)`) each warning fails the request instead, before it changes",
        "anything: `Strict mode: <what strays>.`",
        "",
        "A request that is admitted can still fail for the reasons listed under it. Every failure is a",
        "response with `errorMessage`; the Python client raises `RequestFailed` (`RequestTimeout` after",
        "the timeout, 10 s by default, naming the window asked; `ClientClosed` once the client is closed",
        "or its page unloads). Every `userData` in a result or an event shows only the keys of",
        "`service-client-api.user-data.read-allowed`.",
        "",
        "## Contents",
        "",
    ]
    out += [f"- [`{namespace}`](#{namespace})" for namespace in groups]
    out += ["- [Events](#events)", "- [Types](#types)", ""]
    for namespace, specs in groups.items():
        out += [f"## {namespace}", ""]
        for spec in specs:
            out += [f"### `{_wire_signature(spec)}`", "", spec.doc, ""]
            if spec.params:
                out += ["| # | parameter | on the wire | in Python | notes |", "|---|---|---|---|---|"]
                out += [_parameter_row(position, p) for position, p in enumerate(spec.params, 1)]
                out.append("")
            out.append(f"**Result:** `{spec.returns}` — Python: `service.{namespace}.{spec.python}(...)`")
            out.append("")
            if spec.errors:
                out.append("**Fails when:**")
                out += [f"- {error}" for error in spec.errors]
                out.append("")
            aliases_of = [name for name, other in CATALOGUE.items() if other.alias_of == spec.name]
            if aliases_of:
                out += [f"Also accepted as `{aliases_of[0]}` (the vendor client's name), judged as `{spec.name}`.", ""]
    out += [
        "## Events",
        "",
        "Subscribe with `{event: \"subscribe\", data: [names]}` (Python: `await service.subscribe(names, handler)`);",
        "each event is `{event: name, data: ...}`.",
        "",
        "| name | data | what |",
        "|---|---|---|",
    ]
    out += [f"| `{name}` | `{_cell(payload)}` | {doc} |" for name, (payload, doc) in EVENTS.items()]
    out += ["| `messenger:<channel>` | the message, as broadcast | messenger.broadcastMessage on that channel |", ""]
    out += ["## Types", "", "Keys marked *optional* are sent only sometimes.", ""]
    for shape in shapes:
        out += [f"### `{shape.name}`", "", shape.doc, "", "| key | type | |", "|---|---|---|"]
        out += [f"| `{key}` | `{_cell(annotation)}` | {'' if required else 'optional'} |" for key, annotation, required in shape.fields]
        out.append("")
    out += ["### Aliases", "", "| name | is |", "|---|---|"]
    out += [f"| `{name}` | `{_cell(value)}` |" for name, value in aliases.items()]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    arguments = parser.parse_args()
    stale = []
    for path, text in ((NAMESPACES_FILE, render_namespaces()), (API_DOC_FILE, render_api_doc())):
        if not path.exists() or path.read_text() != text:
            stale.append(path)
            if not arguments.check:
                path.write_text(text)
    if arguments.check and stale:
        print("out of date (run python3 scripts/generate_api.py):", *map(str, stale), file=sys.stderr)
        return 1
    for path in stale:
        print("wrote", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
