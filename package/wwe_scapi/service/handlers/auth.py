"""The `auth` namespace. auth.getJwtToken answers the session's token while it is valid, and
signs a new one otherwise, once the tab's signer is ready (the page loads PyJWT on the first
request). Only origins whose filter names auth.getJwtToken get this far (admission)."""

from __future__ import annotations

from typing import Any

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.pending import Outcome, Pending
from wwe_scapi.workspace import WorkspaceError
from wwe_scapi.workspace.tokens import JwtToken, JwtTokens, Signer

NO_SIGNER = (
    "auth.getJwtToken: this desktop has no signing key, so it cannot issue tokens. The desktop "
    "served by `wwe-scapi serve` has one; a Service built in Python needs `signer=`."
)
NO_CLOUD_TOKEN = (
    "auth.getPureCloudToken: this simulated Agent Workspace has no Genesys Cloud token (it is "
    "not part of the Service Client API reference); use auth.getJwtToken."
)


def get_jwt_token(ctx: RequestContext) -> dict[str, str] | Pending:
    tokens = ctx.workspace.tokens
    current = tokens.current()
    if current is not None:
        return current.to_wire()
    source = ctx.signer()
    if source is None:
        raise RequestError(NO_SIGNER)
    ready = source.signer()
    if not isinstance(ready, Pending):
        return tokens.issue(ready).to_wire()
    answer = Pending()

    def loaded(outcome: Outcome) -> None:
        if not outcome.ok:
            answer.fail(f"auth.getJwtToken: the desktop could not load its token signer: {outcome.error}")
            return
        try:
            # Another request may have issued one meanwhile: every waiting app gets that one.
            answer.resolve(_current_or_new(ctx.workspace.tokens, outcome.data).to_wire())
        except WorkspaceError as refusal:
            answer.fail(refusal.message)

    ready.then(loaded)
    return answer


def _current_or_new(tokens: JwtTokens, signer: Signer) -> JwtToken:
    return tokens.current() or tokens.issue(signer)


def get_pure_cloud_token(ctx: RequestContext, force_new_token: Any) -> None:
    raise RequestError(NO_CLOUD_TOKEN)


HANDLERS: dict[str, Handler] = {
    "auth.getJwtToken": get_jwt_token,
    "auth.getPureCloudToken": get_pure_cloud_token,
}
