"""Where a tab gets the Signer for `auth.getJwtToken`: at once (CPython, tests), or once the
page has installed PyJWT (the desktop in Pyodide: browser/tokensource.py)."""

from __future__ import annotations

from typing import Protocol

from wwe_scapi.service.pending import Pending
from wwe_scapi.workspace.tokens import Signer


class SignerSource(Protocol):
    def signer(self) -> Signer | Pending:
        """The signer, or a Pending that settles with it (its data) or with why it cannot."""
        ...


class ReadySigner:
    """A signer that needs no loading."""

    def __init__(self, signer: Signer) -> None:
        self._signer = signer

    def signer(self) -> Signer:
        return self._signer
