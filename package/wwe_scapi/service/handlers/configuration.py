"""The `configuration` namespace."""

from __future__ import annotations

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.workspace.configuration import OptionValue


def get_option(
    ctx: RequestContext, options: str | list[str]
) -> dict[str, dict[str, OptionValue]]:
    return ctx.workspace.configuration.select(options)


def get_contextual_option(
    ctx: RequestContext, options: str | list[str], interaction_id: str | None
) -> dict[str, dict[str, OptionValue]]:
    return ctx.workspace.contextual_options(options, interaction_id)


HANDLERS: dict[str, Handler] = {
    "configuration.getOption": get_option,
    "configuration.getContextualOption": get_contextual_option,
}
