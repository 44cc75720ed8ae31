"""Signed tokens for `auth.getJwtToken`: the page-side signer (PyJWT on python-rsa, installed
with micropip on the first token request), the server's signing key, and the wheels' pins."""
