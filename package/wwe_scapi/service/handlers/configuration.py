"""The `configuration` namespace (getOption; getContextualOption comes with interactions)."""

from __future__ import annotations

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.workspace.configuration import OptionValue


def get_option(
    ctx: RequestContext, options: str | list[str]
) -> dict[str, dict[str, OptionValue]]:
    return ctx.workspace.configuration.select(options)


HANDLERS: dict[str, Handler] = {"configuration.getOption": get_option}
