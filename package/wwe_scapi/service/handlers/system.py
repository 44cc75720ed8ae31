"""The `system` namespace (getAllowedServices so far)."""

from __future__ import annotations

from wwe_scapi.service.context import Handler, RequestContext


def get_allowed_services(ctx: RequestContext) -> list[str]:
    return ctx.service.policy.origins.allowed_requests(ctx.origin)


HANDLERS: dict[str, Handler] = {"system.getAllowedServices": get_allowed_services}
