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
from wwe_scapi.workspace.description import DescriptionError, WorkspaceDescription
from wwe_scapi.workspace.webcontent import web_contents

if TYPE_CHECKING:
    from wwe_scapi.service.surface import FrameSurface
    from wwe_scapi.transports.base import ServiceTransport


def _load_campaigns(workspace: Workspace, description: WorkspaceDescription) -> None:
    for campaign in description.campaigns or ():
        try:
            workspace.scenario.load_campaign(
                campaign.name, campaign.mode, list(campaign.records), list(campaign.fields) if campaign.fields is not None else None,
                campaign.description,
            )
            if campaign.running:
                workspace.scenario.start_campaign(campaign.name)
        except (WorkspaceError, ValueError, KeyError, TypeError) as error:
            reason = error.message if isinstance(error, WorkspaceError) else str(error)
            raise DescriptionError(f"[[campaigns]] {campaign.name}: {reason}") from None


def build_service(
    options: Mapping[str, OptionValue] | None = None,
    clock: Clock | None = None,
    *,
    transport: ServiceTransport | None = None,
    surface: FrameSurface | None = None,
    strict: bool = False,
    description: WorkspaceDescription | None = None,
) -> Service:
    """A service over a default workspace with these options set (`name` or `Section/name`).

    Raises PolicyConfigError (a ValueError naming the option) before anything is served
    when a security option (or the toast width, or the inactivity timeout) is invalid, so
    the service never starts half-configured. `strict`: requests that stray from the documented
    form fail instead of being served with a warning. `description`: the workspace to serve
    (serve --workspace), the default one without.
    """
    workspace, policy = configure(options, clock, description)
    return Service(workspace, policy, transport, surface=surface, strict=strict)


def configure(
    options: Mapping[str, OptionValue] | None = None,
    clock: Clock | None = None,
    description: WorkspaceDescription | None = None,
) -> tuple[Workspace, SecurityPolicy]:
    """A workspace (the default one, or as `description` says) with these options set (over
    the description's), and the security policy they give; raises PolicyConfigError as
    build_service does, DescriptionError for a campaign of the description that cannot load."""
    workspace = Workspace(clock=clock, **(description.workspace_arguments() if description else {}))
    for key, value in {**(description.options if description else {}), **(options or {})}.items():
        workspace.configuration.set(key, value)
    if description is not None and description.campaigns:
        _load_campaigns(workspace, description)
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
