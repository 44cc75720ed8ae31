"""accepted-web-content-origins: parsing every form of the reference and exact matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwe_scapi.protocol.catalogue import CATALOGUE, UNDOCUMENTED
from wwe_scapi.security import OriginPolicy, PolicyConfigError, normalise_origin

REFERENCE_EXAMPLE = (
    "http://my-web-server0, http://my-web-server1 (*), http://my-web-server2 (agent.*, voice.dial), "
    "http://my-web-server3 (agent.*, interaction.*)"
)
DOCUMENTED = [name for name in CATALOGUE if name not in UNDOCUMENTED]


def test_the_reference_example() -> None:
    policy = OriginPolicy.parse(REFERENCE_EXAMPLE)
    everything = [n for n in DOCUMENTED if n != "auth.getJwtToken"]
    assert policy.allowed_requests("http://my-web-server0") == everything
    assert policy.allowed_requests("http://my-web-server1") == everything
    assert policy.allowed_requests("http://my-web-server2") == [
        "agent.get", "agent.getState", "agent.getStateList", "agent.setState", "voice.dial",
    ]
    server3 = policy.allowed_requests("http://my-web-server3")
    assert all(n.startswith(("agent.", "interaction.")) for n in server3)
    assert len(server3) == 4 + sum(n.startswith("interaction.") for n in DOCUMENTED)


@pytest.mark.parametrize(
    "origin",
    [
        "http://crm.test.evil.test",
        "http://crm.test:8080",
        "https://crm.test",
        "http://evil.crm.test",
        "http://crm.tes",
        "http://crm.testx",
        "http://xcrm.test",
        "null",
        "",
        "http://crm.test/",
        "HTTP://CRM.TEST.evil",
    ],
)
def test_only_the_exact_origin_is_admitted(origin: str) -> None:
    policy = OriginPolicy.parse("http://crm.test")
    assert policy.accepts_origin("http://crm.test")
    assert not policy.accepts_origin(origin)
    assert not policy.allows(origin, "agent.get")


def test_default_ports_and_case_are_normalised() -> None:
    policy = OriginPolicy.parse("HTTP://CRM.Test:80, https://secure.test:443/, http://[::1]:8080")
    assert policy.accepts_origin("http://crm.test")
    assert policy.accepts_origin("https://secure.test")
    assert policy.accepts_origin("http://[::1]:8080")
    assert normalise_origin("http://a.test:0080") == "http://a.test"


def test_star_admits_any_origin_but_null_and_not_the_jwt() -> None:
    policy = OriginPolicy.parse("*")
    assert policy.allows("http://anything.test", "agent.get")
    assert not policy.accepts_origin("null")
    assert not policy.allows("http://anything.test", "auth.getJwtToken")


def test_null_only_when_listed_literally() -> None:
    assert OriginPolicy.parse("null").accepts_origin("null")
    assert not OriginPolicy.parse("http://a.test").accepts_origin("null")


def test_jwt_only_when_named_explicitly() -> None:
    policy = OriginPolicy.parse("http://a.test (*), http://b.test (auth.*), http://c.test (auth.getJwtToken, agent.get)")
    assert not policy.allows("http://a.test", "auth.getJwtToken")
    assert not policy.allows("http://b.test", "auth.getJwtToken")
    assert policy.allows("http://c.test", "auth.getJwtToken")
    assert policy.allowed_requests("http://c.test") == ["agent.get", "auth.getJwtToken"]


def test_empty_option_admits_nobody() -> None:
    for text in (None, "", "   "):
        assert not OriginPolicy.parse(text).accepts_origin("http://a.test")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("crm.test", "is not an origin"),
        ("http://crm.test/path", "is not an origin"),
        ("http://a.test (agent.*", "'(' without ')'"),
        ("http://a.test agent.*)", "')' without '('"),
        ("http://a.test ((agent.*))", "nested '('"),
        ("http://a.test,, http://b.test", "empty entry"),
        ("http://a.test (agent.gett)", "names 'agent.gett'"),
        ("http://a.test (weather.*)", "names 'weather.*'"),
        ("http://a.test (agent.*) extra", "unexpected 'extra'"),
        ("http://a.test:99999", "invalid port"),
        ("http://user@a.test", "is not an origin"),
    ],
)
def test_invalid_values_are_refused_naming_the_option(text: str, fragment: str) -> None:
    with pytest.raises(PolicyConfigError) as error:
        OriginPolicy.parse(text)
    assert str(error.value).startswith("service-client-api.accepted-web-content-origins:")
    assert fragment in str(error.value)


hosts = st.from_regex(r"[a-z0-9]{1,8}(\.[a-z0-9]{1,8}){0,2}", fullmatch=True)
origins = st.builds(
    lambda scheme, host, port: f"{scheme}://{host}" + (f":{port}" if port else ""),
    st.sampled_from(["http", "https"]),
    hosts,
    st.one_of(st.none(), st.integers(1, 65535)),
)


@given(st.lists(origins, min_size=1, max_size=4, unique=True), origins)
def test_no_origin_outside_the_list_is_admitted(listed: list[str], candidate: str) -> None:
    policy = OriginPolicy.parse(", ".join(listed))
    normalised = {normalise_origin(o) for o in listed}
    assert policy.accepts_origin(normalise_origin(candidate)) == (normalise_origin(candidate) in normalised)


@given(st.lists(origins, min_size=1, max_size=4, unique=True), st.text(max_size=30))
def test_arbitrary_strings_are_never_admitted_unless_listed(listed: list[str], candidate: str) -> None:
    policy = OriginPolicy.parse(", ".join(listed))
    if candidate not in {normalise_origin(o) for o in listed}:
        assert not policy.accepts_origin(candidate)
