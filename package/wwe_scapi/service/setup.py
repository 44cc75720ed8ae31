"""Building a Service from Agent Workspace options (`--option`, `--config`, or Python)."""

from __future__ import annotations

from collections.abc import Mapping

from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.security.origins import OriginPolicy
from wwe_scapi.service.service import Service
from wwe_scapi.workspace import OptionValue, Workspace
from wwe_scapi.workspace.configuration import DEFAULT_SECTION


def build_service(options: Mapping[str, OptionValue] | None = None) -> Service:
    """A service over a default workspace with these options set (`name` or `Section/name`).

    Raises PolicyConfigError (a ValueError naming the option) before anything is served
    when a security option is invalid, so the service never starts half-configured.
    """
    workspace = Workspace()
    for key, value in (options or {}).items():
        workspace.configuration.set(key, value)
    origins = workspace.configuration.get(f"{DEFAULT_SECTION}/{ORIGINS_OPTION}")
    policy = OriginPolicy.parse(_as_text(origins))
    return Service(workspace, policy)


def _as_text(value: OptionValue | None) -> str | None:
    if isinstance(value, list):
        return ", ".join(value)
    return value
