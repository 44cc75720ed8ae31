"""auth.getJwtToken: a real RS256 token, checked here by PyJWT's own RS256 (on
`cryptography`), the same token while it is valid and a new one after it expires (the clock
injected), a signer that loads later (the page's PyJWT), and one token across desktop tabs."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import jwt
import pytest
import rsa

from tests.unit.tabs_support import APP, Profile, settle
from unit_support import A, B, Recorder, request
from wwe_scapi.auth.rs256 import JwtSigner, RsaSha256
from wwe_scapi.clock import ManualClock
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.service import Service
from wwe_scapi.service.handlers.auth import NO_SIGNER
from wwe_scapi.service.pending import Pending
from wwe_scapi.service.setup import configure
from wwe_scapi.testing.signing import LocalSigner
from wwe_scapi.workspace.tokens import LIFETIME_OPTION, iso_milliseconds

ORIGINS = f"{A} (*, auth.getJwtToken), {B} (*)"
ISSUER = "http://desktop.test:8700"


def _service(clock: ManualClock, signer: Any = None, **options: str) -> tuple[Service, Recorder]:
    workspace, policy = configure({"service-client-api.accepted-web-content-origins": ORIGINS, **options}, clock)
    outbox = Recorder()
    return Service(workspace, policy, outbox, signer=signer), outbox


def _token(service: Service, outbox: Recorder, frame: int = 1, origin: str = A) -> dict[str, Any]:
    service.receive(frame, origin, request("auth.getJwtToken", reference="t"))
    return outbox.last(frame)


def _verified(token: str, signer: LocalSigner, **options: Any) -> dict[str, Any]:
    """The claims, as any back end would read them: PyJWT's RS256 and the public JWK."""
    public = jwt.PyJWK(signer.key.public_jwk).key
    return jwt.decode(token, public, algorithms=["RS256"], issuer=signer.issuer, **options)


def test_a_named_origin_gets_a_signed_token_a_back_end_can_check() -> None:
    clock = ManualClock(wall=time.time())  # now: PyJWT checks exp against the real clock
    signer = LocalSigner(ISSUER)
    service, outbox = _service(clock, signer)
    reply = _token(service, outbox)
    assert set(reply["data"]) == {"expiration", "jwtToken"} and reply["request"] == "auth.getJwtToken"
    token = reply["data"]["jwtToken"]
    claims = _verified(token, signer, options={"require": ["exp", "iat", "iss", "sub"]})
    assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT", "kid": signer.key.key_id}
    agent = service.workspace.agent
    assert (claims["sub"], claims["username"], claims["employeeId"]) == (agent.username, agent.username, agent.employee_id)
    assert claims["name"] == "Kim Sandoval" and claims["iss"] == ISSUER
    assert claims["exp"] - claims["iat"] == 3600 and abs(claims["iat"] - time.time()) < 60
    assert reply["data"]["expiration"] == iso_milliseconds(claims["exp"])


def test_the_expiration_is_iso_8601_utc_to_the_millisecond_as_the_reference_prints_it() -> None:
    clock = ManualClock()
    service, outbox = _service(clock, LocalSigner(ISSUER))
    expiration = _token(service, outbox)["data"]["expiration"]
    assert expiration == "2026-11-24T10:30:00.000Z"  # ManualClock's wall start, plus one hour
    assert datetime.fromisoformat(expiration).timestamp() == clock.wall() + 3600


def test_a_tampered_or_foreign_token_fails_the_check() -> None:
    signer = LocalSigner(ISSUER)
    service, outbox = _service(ManualClock(), signer)
    header, payload, signature = _token(service, outbox)["data"]["jwtToken"].split(".")
    forged = jwt.utils.base64url_encode(b'{"sub":"admin","iss":"http://desktop.test:8700"}').decode()
    with pytest.raises(jwt.InvalidSignatureError):
        _verified(f"{header}.{forged}.{signature}", signer, options={"verify_exp": False})
    other = LocalSigner(ISSUER)
    with pytest.raises(jwt.InvalidSignatureError):
        _verified(f"{header}.{payload}.{signature}", other, options={"verify_exp": False})


def test_the_same_token_while_it_is_valid_and_a_new_one_after_it_expires() -> None:
    clock = ManualClock()
    signer = LocalSigner(ISSUER)
    service, outbox = _service(clock, signer)
    first = _token(service, outbox)["data"]
    clock.advance(3599.9)
    assert _token(service, outbox)["data"] == first
    assert _token(service, outbox, frame=3, origin=A)["data"] == first  # one token per session, not per frame
    clock.advance(0.1)
    second = _token(service, outbox)["data"]
    assert second["jwtToken"] != first["jwtToken"]
    assert datetime.fromisoformat(second["expiration"]).timestamp() == datetime.fromisoformat(first["expiration"]).timestamp() + 3600
    claims = [_verified(t["jwtToken"], signer, options={"verify_exp": False}) for t in (first, second)]
    assert claims[0]["jti"] != claims[1]["jti"]


def test_the_lifetime_is_an_option_read_for_each_new_token() -> None:
    clock = ManualClock()
    service, outbox = _service(clock, LocalSigner(ISSUER), **{LIFETIME_OPTION: "60"})
    first = _token(service, outbox)["data"]
    assert datetime.fromisoformat(first["expiration"]).timestamp() == clock.wall() + 60
    service.workspace.configuration.set(LIFETIME_OPTION, "120")
    clock.advance(60)
    assert datetime.fromisoformat(_token(service, outbox)["data"]["expiration"]).timestamp() == clock.wall() + 120


@pytest.mark.parametrize("value", ["0", "soon", "-5", "inf"])
def test_a_bad_lifetime_is_refused_before_anything_is_served(value: str) -> None:
    with pytest.raises(PolicyConfigError, match=LIFETIME_OPTION):
        configure({LIFETIME_OPTION: value}, ManualClock())


def test_a_wildcard_filter_is_not_enough_and_get_allowed_services_says_so() -> None:
    service, outbox = _service(ManualClock(), LocalSigner(ISSUER))
    reply = _token(service, outbox, frame=2, origin=B)
    assert "must be named in the origin's filter" in reply["errorMessage"]
    service.receive(1, A, request("system.getAllowedServices", reference="s"))
    service.receive(2, B, request("system.getAllowedServices", reference="s"))
    assert "auth.getJwtToken" in outbox.last(1)["data"]
    assert "auth.getJwtToken" not in outbox.last(2)["data"]


def test_a_desktop_without_a_signing_key_refuses_clearly() -> None:
    service, outbox = _service(ManualClock())
    assert _token(service, outbox)["errorMessage"] == NO_SIGNER


class LaterSigner:
    """A signer that loads, as the page's does: every request meanwhile waits for one load."""

    def __init__(self, signer: LocalSigner) -> None:
        self._ready = signer.signer()
        self.loads: list[Pending] = []
        self.loaded = False

    def signer(self) -> Any:
        if self.loaded:
            return self._ready
        if not self.loads or self.loads[-1].outcome is not None:
            self.loads.append(Pending())
        return self.loads[-1]

    def finish(self) -> None:
        self.loaded = True
        self.loads[-1].resolve(self._ready)


def test_requests_while_the_signer_loads_wait_and_all_get_the_same_token() -> None:
    source = LaterSigner(LocalSigner(ISSUER))
    service, outbox = _service(ManualClock(), source)
    service.receive(1, A, request("auth.getJwtToken", reference="one"))
    service.receive(3, A, request("auth.getJwtToken", reference="two"))
    assert outbox.replies(1) == [] and outbox.replies(3) == [] and len(source.loads) == 1
    source.finish()
    assert outbox.last(1)["referenceId"] == "one" and outbox.last(3)["referenceId"] == "two"
    assert outbox.last(1)["data"] == outbox.last(3)["data"]


def test_a_signer_that_fails_to_load_fails_the_waiting_requests_and_the_next_one_tries_again() -> None:
    source = LaterSigner(LocalSigner(ISSUER))
    service, outbox = _service(ManualClock(), source)
    service.receive(1, A, request("auth.getJwtToken", reference="one"))
    source.loads[-1].fail("OSError: /auth/desktop-signing-key.json answered 403 Forbidden")
    assert outbox.last(1)["errorMessage"] == (
        "auth.getJwtToken: the desktop could not load its token signer: "
        "OSError: /auth/desktop-signing-key.json answered 403 Forbidden"
    )
    service.receive(1, A, request("auth.getJwtToken", reference="again"))
    assert len(source.loads) == 2
    source.finish()
    assert set(outbox.last(1)["data"]) == {"expiration", "jwtToken"}


def test_the_signer_refuses_a_key_that_cannot_sign_or_name_itself() -> None:
    key = LocalSigner(ISSUER).key
    with pytest.raises(jwt.InvalidKeyError, match="no private part"):
        JwtSigner(key.public_jwk, ISSUER)
    with pytest.raises(jwt.InvalidKeyError, match="no kid"):
        JwtSigner({**key.private_jwk, "kid": ""}, ISSUER)
    with pytest.raises(jwt.InvalidKeyError, match="not an RSA key"):
        JwtSigner({"kty": "EC", "kid": "x"}, ISSUER)
    with pytest.raises(jwt.InvalidKeyError, match="needs n, e"):
        JwtSigner({"kty": "RSA", "kid": "x", "n": "AQAB"}, ISSUER)


def test_rs256_here_and_pyjwts_own_rs256_agree_both_ways() -> None:
    signer = LocalSigner(ISSUER)
    ours = RsaSha256()
    public = ours.from_jwk(signer.key.public_jwk)
    theirs = jwt.PyJWK(signer.key.private_jwk).key
    message = b"header.payload"
    standard = jwt.get_algorithm_by_name("RS256")
    assert ours.verify(message, public, standard.sign(message, theirs))
    assert standard.verify(message, theirs.public_key(), ours.sign(message, ours.from_jwk(signer.key.private_jwk)))
    assert not ours.verify(b"header.other", public, standard.sign(message, theirs))
    private = ours.from_jwk(signer.key.private_jwk)
    assert isinstance(private, rsa.PrivateKey)
    assert not ours.verify(message, public, rsa.sign(message, private, "SHA-1"))  # not RS256
    assert ours.to_jwk(public, as_dict=True) == {"kty": "RSA", "n": signer.key.public_jwk["n"], "e": "AQAB"}


async def test_a_token_issued_in_the_leader_is_the_one_every_tab_answers_even_after_takeover() -> None:
    profile = Profile()
    signer = LocalSigner(ISSUER)
    options = {"service-client-api.accepted-web-content-origins": f"{APP} (*, auth.getJwtToken)"}
    profile.options.update(options)
    leader, follower = profile.open_tab(), profile.open_tab()
    for tab in (leader, follower):
        tab.service.signer = LocalSigner(ISSUER, signer.key)  # each tab signs with its own object
    await settle()
    from_leader = await leader.connect().auth.get_jwt_token()  # issued in the leader itself
    await settle()
    assert follower.workspace.tokens.issued is not None  # the follower's replica has it
    assert await follower.connect().auth.get_jwt_token() == from_leader
    leader.close()
    await settle()
    assert follower.session.frame_state() == "LEADING"
    assert await follower.connect().auth.get_jwt_token() == from_leader
