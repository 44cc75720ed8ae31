"""Building a Service from Agent Workspace options (`--option`, `--config`, or Python)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Mapping

from wwe_scapi.clock import Clock
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.service.broker import Service
from wwe_scapi.workspace import OptionValue, Workspace, WorkspaceError
from wwe_scapi.workspace.configuration import DEFAULT_SECTION
from wwe_scapi.workspace.webcontent import web_contents

if TYPE_CHECKING:
    from wwe_scapi.service.surface import FrameSurface
    from wwe_scapi.transports.base import ServiceTransport


def build_service(
    options: Mapping[str, OptionValue] | None = None,
    clock: Clock | None = None,
    *,
    transport: ServiceTransport | None = None,
    surface: FrameSurface | None = None,
    strict: bool = False,
) -> Service:
    """A service over a default workspace with these options set (`name` or `Section/name`).

    Raises PolicyConfigError (a ValueError naming the option) before anything is served
    when a security option (or the toast width, or the inactivity timeout) is invalid, so
    the service never starts half-configured. `strict`: requests that stray from the documented
    form fail instead of being served with a warning.
    """
    workspace, policy = configure(options, clock)
    return Service(workspace, policy, transport, surface=surface, strict=strict)


def configure(
    options: Mapping[str, OptionValue] | None = None, clock: Clock | None = None
) -> tuple[Workspace, SecurityPolicy]:
    """A default workspace with these options set, and the security policy they give; raises
    PolicyConfigError as build_service does."""
    workspace = Workspace(clock=clock)
    for key, value in (options or {}).items():
        workspace.configuration.set(key, value)
    try:
        workspace.apply_system_options()
        web_contents(workspace.configuration)
    except WorkspaceError as error:
        raise PolicyConfigError(error.message) from None
    store = workspace.configuration
    policy = SecurityPolicy.from_options(
        read=lambda name: store.get(f"{DEFAULT_SECTION}/{name}"),
        names=store.sections().get(DEFAULT_SECTION, {}).keys(),
        clock=workspace.clock,
    )
    return workspace, policy
