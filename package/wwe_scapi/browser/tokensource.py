"""The desktop page's token signer, loaded on the first `auth.getJwtToken` (start-up stays as
it was): micropip from Pyodide's own files, PyJWT and python-rsa from this server's wheels,
then the desktop's private key, which the server gives to its own origin only."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from wwe_scapi.auth.pins import TOKEN_WHEELS
from wwe_scapi.service.pending import Pending

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform
    from wwe_scapi.workspace.tokens import Signer

logger = logging.getLogger(__name__)


def wheel_urls(site: str) -> list[str]:
    """Where the page installs the token wheels from: `packages/` beside the loader."""
    from urllib.parse import urljoin  # on the first token only: Pyodide takes ~50 ms to import it

    return [urljoin(site, f"packages/{pin.filename}") for pin in TOKEN_WHEELS]


def _joined(site: str, path: str) -> str:
    from urllib.parse import urljoin

    return urljoin(site, path)


class PageSignerSource:
    def __init__(self, platform: Platform, site: str, key_url: str, issuer: str) -> None:
        self._platform = platform
        self._site = site
        self._key_path = key_url
        self._issuer = issuer
        self._signer: Signer | None = None
        self._loading: Pending | None = None

    def signer(self) -> Signer | Pending:
        if self._signer is not None:
            return self._signer
        if self._loading is None:  # requests that come while it loads wait for the same load
            self._loading = Pending()
            asyncio.ensure_future(self._load(self._loading))
        return self._loading

    async def _load(self, loading: Pending) -> None:
        try:
            await self._platform.install_wheels(wheel_urls(self._site))
            key = await self._platform.fetch_json(_joined(self._site, self._key_path))
            from wwe_scapi.auth.rs256 import JwtSigner  # importable only now

            signer = JwtSigner(key, self._issuer)
        except Exception as error:  # the request fails with why; the next one tries again
            logger.exception("the token signer did not load")
            self._loading = None
            loading.fail(f"{type(error).__name__}: {error}")
            return
        self._signer = signer
        loading.resolve(signer)
