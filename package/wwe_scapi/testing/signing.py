"""A token signer for CPython (tests, a Service built in Python): a fresh key, signed with the
same code as the desktop page (PyJWT on python-rsa). Needs `cryptography`, PyJWT and rsa."""

from __future__ import annotations

from wwe_scapi.auth.keys import SigningKey, new_signing_key
from wwe_scapi.auth.rs256 import JwtSigner
from wwe_scapi.service.signing import ReadySigner

DEFAULT_ISSUER = "http://localhost"


class LocalSigner(ReadySigner):
    """Give it to `Service(signer=...)`; check its tokens with `key.public_jwk` / `key.jwks`."""

    def __init__(self, issuer: str = DEFAULT_ISSUER, key: SigningKey | None = None) -> None:
        self.key = key or new_signing_key()
        self.issuer = issuer
        super().__init__(JwtSigner(self.key.private_jwk, issuer))
