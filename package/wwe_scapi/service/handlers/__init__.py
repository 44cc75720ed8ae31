"""One module per namespace, each a table of request name -> handler, checked against the
catalogue when this package is imported."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from wwe_scapi.protocol.catalogue import CATALOGUE, RequestSpec
from wwe_scapi.service.context import Handler
from wwe_scapi.service.handlers import auth, centre, messenger, system

# The contact centre's requests (agent, media, interaction, voice, email, outbound,
# configuration: handlers/centre.py), then the page's and the service's own.
ALL_HANDLERS: dict[str, Handler] = {
    **centre.HANDLERS,
    **auth.HANDLERS,
    **messenger.HANDLERS,
    **system.HANDLERS,
}

# The catalogue's requests this desktop does not serve yet: answered "not supported yet".
# Empty since the multi-tab and JWT work landed; the check below keeps it honest.
UNSERVED: Final[frozenset[str]] = frozenset()


class RegistryError(Exception):
    """The handler tables and the catalogue disagree: a bug, found at import."""


def registry_problems(
    handlers: Mapping[str, Handler], catalogue: Mapping[str, RequestSpec], unserved: frozenset[str]
) -> list[str]:
    """Every way the handlers, the catalogue and the unserved list disagree."""
    problems = []
    for name, handler in handlers.items():
        spec = catalogue.get(name)
        if spec is None:
            problems.append(f"{name}: has a handler but is not in the catalogue")
        elif spec.alias_of is not None:
            problems.append(f"{name}: is an alias of {spec.alias_of}, which its handler must serve")
        else:
            # A centre's handler has the Protocol method's arity; a plain function's (closures
            # included) is in its code.
            arity = handler.arity if isinstance(handler, centre.CentreHandler) else handler.__code__.co_argcount - 1
            if arity != len(spec.params):
                problems.append(f"{name}: its handler takes {arity} parameters, the catalogue has {len(spec.params)}")
    requests = {name for name, spec in catalogue.items() if spec.alias_of is None}
    problems += [f"{name}: neither served nor listed as unserved" for name in sorted(requests - set(handlers) - unserved)]
    problems += [f"{name}: listed as unserved but has a handler" for name in sorted(unserved & set(handlers))]
    problems += [f"{name}: listed as unserved but not in the catalogue" for name in sorted(unserved - requests)]
    return problems


_problems = registry_problems(ALL_HANDLERS, CATALOGUE, UNSERVED) + [
    f"ContactCentre.{name}: no request of the catalogue is served by it" for name in centre.stray_methods()
]
if _problems:
    raise RegistryError("The handlers disagree with the catalogue:\n" + "\n".join(_problems))
