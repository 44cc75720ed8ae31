"""The desktop's signing key, made by the server (CPython, `cryptography`) when it starts: the
private half for the desktop page to sign with, the public half for anyone to check with."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa as rsa_keys

from wwe_scapi.auth.jwk import b64url, int_text

KEY_BITS = 2048


def thumbprint(n: str, e: str) -> str:
    """RFC 7638's JWK thumbprint of an RSA key: what names it (`kid`)."""
    canonical = json.dumps({"e": e, "kty": "RSA", "n": n}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


@dataclass(frozen=True, slots=True)
class SigningKey:
    private_jwk: dict[str, Any]
    public_jwk: dict[str, Any]

    @property
    def key_id(self) -> str:
        return str(self.public_jwk["kid"])

    @property
    def jwks(self) -> dict[str, Any]:
        """The JSON Web Key Set a back end reads to check the desktop's tokens."""
        return {"keys": [self.public_jwk]}


def new_signing_key() -> SigningKey:
    """A fresh RSA key (e = 65537) as JWKs; it lives as long as the server."""
    private = rsa_keys.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    numbers = private.private_numbers()
    public = numbers.public_numbers
    n, e = int_text(public.n), int_text(public.e)
    public_jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": thumbprint(n, e), "n": n, "e": e}
    private_jwk = {
        **public_jwk,
        "d": int_text(numbers.d),
        "p": int_text(numbers.p),
        "q": int_text(numbers.q),
        "dp": int_text(numbers.dmp1),
        "dq": int_text(numbers.dmq1),
        "qi": int_text(numbers.iqmp),
    }
    return SigningKey(private_jwk, public_jwk)
