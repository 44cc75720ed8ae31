"""RS256 (RSASSA-PKCS1-v1_5 with SHA-256) for PyJWT, signed by python-rsa: what signs a token
in the page, where PyJWT's own RS256 (on `cryptography`) cannot be installed. Any JWT library
checks these tokens with the desktop's public key (/.well-known/jwks.json).

Imported only once the page has installed PyJWT and python-rsa (browser/tokensource.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import jwt
import rsa
from jwt.algorithms import Algorithm
from jwt.exceptions import InvalidKeyError

from wwe_scapi.auth.jwk import int_text, text_int

ALGORITHM = "RS256"
_HASH = "SHA-256"
_PRIVATE_MEMBERS = ("n", "e", "d", "p", "q")


class RsaSha256(Algorithm):
    """PyJWT's Algorithm interface over python-rsa's keys."""

    def prepare_key(self, key: Any) -> rsa.PrivateKey | rsa.PublicKey:
        if isinstance(key, (rsa.PrivateKey, rsa.PublicKey)):
            return key
        raise InvalidKeyError(f"RS256 here signs with a python-rsa key, not a {type(key).__name__}")

    def sign(self, msg: bytes, key: rsa.PrivateKey) -> bytes:
        return rsa.sign(msg, key, _HASH)

    def verify(self, msg: bytes, key: rsa.PublicKey | rsa.PrivateKey, sig: bytes) -> bool:
        public = rsa.PublicKey(key.n, key.e)
        try:
            return rsa.verify(msg, sig, public) == _HASH  # a SHA-1 signature is no RS256 one
        except rsa.VerificationError:
            return False

    @staticmethod
    def to_jwk(key_obj: Any, as_dict: bool = False) -> Any:
        jwk = {"kty": "RSA", "n": int_text(key_obj.n), "e": int_text(key_obj.e)}
        return jwk if as_dict else json.dumps(jwk)

    @staticmethod
    def from_jwk(jwk: str | Mapping[str, Any]) -> rsa.PrivateKey | rsa.PublicKey:
        members = json.loads(jwk) if isinstance(jwk, str) else dict(jwk)
        if members.get("kty") != "RSA":
            raise InvalidKeyError(f"not an RSA key: kty is {members.get('kty')!r}")
        try:
            if "d" not in members:
                return rsa.PublicKey(text_int(members["n"]), text_int(members["e"]))
            return rsa.PrivateKey(*(text_int(members[name]) for name in _PRIVATE_MEMBERS))
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidKeyError(f"an RSA JWK needs n, e (and d, p, q for signing): {error}") from None


class JwtSigner:
    """Signs claims with one private key, named by its `kid` in every token's header, for
    `issuer` (the desktop's origin)."""

    def __init__(self, private_jwk: Mapping[str, Any], issuer: str) -> None:
        self.issuer = issuer
        key = RsaSha256.from_jwk(private_jwk)
        if not isinstance(key, rsa.PrivateKey):
            raise InvalidKeyError("the signing key has no private part (d, p, q)")
        self.key_id = str(private_jwk.get("kid") or "")
        if not self.key_id:
            raise InvalidKeyError("the signing key has no kid: tokens must name their key")
        self._key = key
        self._jws = jwt.PyJWS(algorithms=[])  # this signer's RS256 only, whatever is installed
        self._jws.register_algorithm(ALGORITHM, RsaSha256())

    def sign(self, claims: Mapping[str, Any]) -> str:
        payload = json.dumps(dict(claims), separators=(",", ":")).encode()
        # PyJWT's annotation names cryptography's keys; a registered Algorithm takes its own.
        return self._jws.encode(payload, self._key, algorithm=ALGORITHM, headers={"kid": self.key_id})  # type: ignore[arg-type]
