"""The desktop's signing key, made by the server (CPython, `cryptography`) when it starts: the
private half for the desktop page to sign with, the public half for anyone to check with."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa as rsa_keys

KEY_BITS = 2048


def _text(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def thumbprint(n: str, e: str) -> str:
    """RFC 7638's JWK thumbprint of an RSA key: what names it (`kid`)."""
    canonical = json.dumps({"e": e, "kty": "RSA", "n": n}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


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
    n, e = _text(public.n), _text(public.e)
    public_jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": thumbprint(n, e), "n": n, "e": e}
    private_jwk = {
        **public_jwk,
        "d": _text(numbers.d),
        "p": _text(numbers.p),
        "q": _text(numbers.q),
        "dp": _text(numbers.dmp1),
        "dq": _text(numbers.dmq1),
        "qi": _text(numbers.iqmp),
    }
    return SigningKey(private_jwk, public_jwk)
