"""Base64url as JSON Web Keys write it (RFC 7515, RFC 7518): no padding; integers big-endian.
Shared by the page's signer and the server's key, so it imports nothing outside the stdlib."""

from __future__ import annotations

import base64


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def int_text(number: int) -> str:
    return b64url(number.to_bytes((number.bit_length() + 7) // 8 or 1, "big"))


def text_int(text: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")
