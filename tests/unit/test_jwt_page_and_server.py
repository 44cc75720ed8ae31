"""The desktop page's side of auth.getJwtToken in CPython (its signer installs PyJWT and
python-rsa from the site's packages/ on the first request, then fetches the key) and the
server's side (the key's private half to the desktop page only, the public half to all)."""

from __future__ import annotations

import json
import logging
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import jwt
import pytest

from browser_support import APP_A, APP_B, DESKTOP, DesktopPage
from wwe_scapi.auth.keys import new_signing_key, thumbprint
from wwe_scapi.auth.pins import TOKEN_WHEELS
from wwe_scapi.browser.tokensource import PageSignerSource, wheel_urls
from wwe_scapi.cli.server import JWKS_PATH, KEY_PATH, Origin, serve_site
from wwe_scapi.client import ServiceError

SITE = f"{DESKTOP}/"
FILTERS = {"service-client-api.accepted-web-content-origins": f"{APP_A} (*, auth.getJwtToken), {APP_B}"}


def _page(key: Any = None, **extra: Any) -> tuple[DesktopPage, Any]:
    key = key or new_signing_key()
    config = {"auth": {"key": KEY_PATH, "jwks": JWKS_PATH}, "site": SITE, "origin": DESKTOP, **extra}
    page = DesktopPage(options=FILTERS, extra=config)
    page.platform.served[DESKTOP + KEY_PATH] = key.private_jwk
    return page, key


async def test_the_first_token_installs_the_pinned_wheels_from_the_site_then_signs() -> None:
    page, key = _page()
    assert isinstance(page.host.service.signer, PageSignerSource)
    assert page.platform.installed == []  # start-up installs nothing
    token = await page.app(0).auth.get_jwt_token()
    assert page.platform.installed == [f"{DESKTOP}/packages/{pin.filename}" for pin in TOKEN_WHEELS]
    assert [url.rsplit("/", 1)[1] for url in wheel_urls(SITE)] == ["pyjwt-2.15.1-py3-none-any.whl", "rsa-4.9.1-py3-none-any.whl"]
    claims = jwt.decode(token["jwtToken"], jwt.PyJWK(key.public_jwk).key, algorithms=["RS256"], issuer=DESKTOP, options={"verify_exp": False})
    assert claims["username"] == "ksandoval"
    assert await page.app(0).auth.get_jwt_token() == token and len(page.platform.installed) == 2  # once
    page.redraw()
    state = page.by_id("jwt-state")
    assert state.getAttribute("data-expiration") == token["expiration"]
    assert state.textContent == f"issued, expires {token['expiration']}"


async def test_the_desktop_shows_no_token_until_one_is_issued() -> None:
    page, _ = _page()
    assert page.by_id("jwt-state").textContent == "none"


async def test_a_failed_install_fails_the_request_is_logged_and_the_next_request_tries_again(caplog: pytest.LogCaptureFixture) -> None:
    page, _ = _page()
    page.platform.install_error = "Can't fetch wheel from 'http://desktop.test/packages/pyjwt-2.15.1-py3-none-any.whl'"
    with caplog.at_level(logging.ERROR), pytest.raises(ServiceError) as failure:
        await page.app(0).auth.get_jwt_token()
    assert failure.value.error_message == (
        "auth.getJwtToken: the desktop could not load its token signer: ValueError: Can't fetch wheel from "
        "'http://desktop.test/packages/pyjwt-2.15.1-py3-none-any.whl'"
    )
    assert "the token signer did not load" in caplog.text
    page.platform.install_error = None
    assert set(await page.app(0).auth.get_jwt_token()) == {"expiration", "jwtToken"}


async def test_a_key_the_server_refuses_fails_the_request_naming_the_url() -> None:
    page, _ = _page()
    del page.platform.served[DESKTOP + KEY_PATH]
    with pytest.raises(ServiceError, match=f"OSError: {DESKTOP}{KEY_PATH} answered 404"):
        await page.app(0).auth.get_jwt_token()


async def test_a_config_without_a_key_gives_a_desktop_that_refuses_tokens(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        page = DesktopPage(options=FILTERS)
    assert page.host.service.signer is None
    assert "no signing key" in caplog.text
    with pytest.raises(ServiceError, match="has no signing key"):
        await page.app(0).auth.get_jwt_token()


async def test_an_origin_whose_filter_does_not_name_it_gets_no_token_and_nothing_is_installed() -> None:
    page, _ = _page()
    with pytest.raises(ServiceError, match="must be named in the origin's filter"):
        await page.app(1, APP_B).auth.get_jwt_token()
    assert page.platform.installed == []


# -- the server -----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_server_gives_the_private_key_to_the_desktop_page_only_and_the_public_key_to_all(tmp_path: Path) -> None:
    key = new_signing_key()
    running = serve_site(tmp_path, [Origin("127.0.0.1", _free_port()), Origin("localhost", _free_port())], config={}, signing_key=key)
    try:
        desk, app = running.origins
        status, headers, body = _get(desk + JWKS_PATH)
        assert status == 200 and json.loads(body) == {"keys": [key.public_jwk]} and "d" not in key.public_jwk
        assert headers["Access-Control-Allow-Origin"] == "*"
        status, headers, body = _get(desk + KEY_PATH, **{"Sec-Fetch-Site": "same-origin"})
        assert status == 200 and json.loads(body) == key.private_jwk
        assert headers["Cache-Control"] == "no-store" and "Access-Control-Allow-Origin" not in headers
        for site in ("same-site", "cross-site", "none"):
            status, _, body = _get(desk + KEY_PATH, **{"Sec-Fetch-Site": site})
            assert status == 403 and f"Sec-Fetch-Site: {site}" in json.loads(body)["error"]
        status, _, body = _get(desk + KEY_PATH)  # no browser: no Sec-Fetch-Site
        assert status == 403 and "absent" in json.loads(body)["error"]
        assert _get(app + JWKS_PATH)[0] == 404 and _get(app + KEY_PATH, **{"Sec-Fetch-Site": "same-origin"})[0] == 404
    finally:
        running.stop()


def test_every_server_makes_a_key_of_its_own() -> None:
    first, second = new_signing_key(), new_signing_key()
    assert first.key_id != second.key_id and first.public_jwk["n"] != second.public_jwk["n"]
    assert first.public_jwk["kid"] == first.private_jwk["kid"] and first.public_jwk["alg"] == "RS256"


def test_the_key_id_is_the_rfc_7638_thumbprint() -> None:
    # RFC 7638, section 3.1: the example key and its thumbprint.
    n = (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
        "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5"
        "hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
    )
    assert thumbprint(n, "AQAB") == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
