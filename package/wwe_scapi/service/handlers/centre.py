"""The requests the contact centre answers (service/centre.py), one handler each, made from
the catalogue: each calls the centre's method of that name, and turns an awaitable answer (an
`async def` of a host page's centre) into a Pending."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from wwe_scapi.protocol.catalogue import CATALOGUE, RequestSpec
from wwe_scapi.service.centre import CENTRE_NAMESPACES, Caller, ContactCentre, method_name
from wwe_scapi.service.context import RequestContext
from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.pending import Pending
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import refuse, warning_text

logger = logging.getLogger(__name__)


class CentreHandler:
    """Serves one request by the centre's method; `arity` is the Protocol's, which the
    registry checks against the catalogue."""

    __slots__ = ("request", "method", "arity")

    def __init__(self, request: str, method: str, arity: int) -> None:
        self.request, self.method, self.arity = request, method, arity

    def __call__(self, ctx: RequestContext, *parameters: Any) -> Any:
        serve = getattr(ctx.centre, self.method, None)
        if serve is None:
            raise RequestError(
                f"{self.request} is not served by this page's contact centre (it has no {self.method} method)."
            )
        warnings = _CallWarnings(ctx)
        answer = serve(Caller(ctx.frame_id, ctx.origin, warnings), *parameters)
        if isinstance(answer, Pending) or not hasattr(answer, "__await__"):
            return answer
        warnings.returned = True
        return _awaited(self.request, answer, warnings.late)


class _CallWarnings:
    """A call's warn: the service's while the method runs; after it returned (awaiting its back
    end), kept for the answer, or a failure in strict mode."""

    __slots__ = ("_ctx", "returned", "late")

    def __init__(self, ctx: RequestContext) -> None:
        self._ctx = ctx
        self.returned = False
        self.late: list[str] = []

    def __call__(self, stray: str, treatment: str) -> None:
        if not self.returned:
            self._ctx.warn(stray, treatment)
        elif self._ctx.strict:
            refuse(stray)
        else:
            self.late.append(warning_text(stray, treatment))


def _awaited(request: str, awaitable: Awaitable[Any], late: list[str]) -> Pending:
    """A Pending settled when `awaitable` is done, on the page's event loop."""
    import asyncio

    answer = Pending()

    async def settle() -> None:
        try:
            data = await awaitable
        except (RequestError, WorkspaceError) as refusal:
            answer.fail(refusal.message, tuple(late))
        except asyncio.CancelledError:
            answer.fail(f"{request}: the contact centre's answer was cancelled.", tuple(late))
        except Exception as error:  # a bug in the centre must never stop the service
            logger.exception("the contact centre failed on %s", request)
            answer.fail(f"Internal error while handling {request}: {type(error).__name__}: {error}", tuple(late))
        else:
            answer.resolve(data, tuple(late))

    asyncio.ensure_future(settle())
    return answer


def protocol_arity(method: str) -> int | None:
    """How many request parameters the Protocol's method takes (less self and the caller)."""
    function = getattr(ContactCentre, method, None)
    return None if function is None else function.__code__.co_argcount - 2


def centre_requests() -> list[RequestSpec]:
    return [spec for spec in CATALOGUE.values() if spec.alias_of is None and spec.namespace in CENTRE_NAMESPACES]


def _handler(spec: RequestSpec) -> CentreHandler:
    method = method_name(spec)
    arity = protocol_arity(method)
    # A request the Protocol lacks gets arity -1: the registry names it at import.
    return CentreHandler(spec.name, method, -1 if arity is None else arity)


HANDLERS: dict[str, Any] = {spec.name: _handler(spec) for spec in centre_requests()}


def stray_methods() -> list[str]:
    """The Protocol's methods that no request of the catalogue is served by (a typo)."""
    served = {handler.method for handler in HANDLERS.values()}
    return sorted(
        name for name, value in vars(ContactCentre).items()
        if callable(value) and not name.startswith("_") and name != "subscribe" and name not in served
    )
