"""Attached-data allow-lists and the security options read from the reference's names."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unit_support import A, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy, PolicyConfigError
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.ratelimit import GLOBAL, Verdict
from wwe_scapi.security.userdata import KeyAllowList, filter_user_data_everywhere
from wwe_scapi.service import Service
from wwe_scapi.protocol.messages import RequestMessage
from wwe_scapi.service.admission import Admission, Refusal, RefusalKind
from wwe_scapi.service.handlers import ALL_HANDLERS
from wwe_scapi.workspace.leniency import refuse
from wwe_scapi.service.setup import build_service

ORIGINS = "service-client-api.accepted-web-content-origins"


def test_key_lists() -> None:
    assert KeyAllowList.parse(None).allows("anything")
    assert KeyAllowList.parse("*").keys is None
    listed = KeyAllowList.parse("Key1, Key3,")
    assert listed.keys == {"Key1", "Key3"}
    assert listed.forbidden(["Key1", "Key2", "Key4"]) == ["Key2", "Key4"]
    assert KeyAllowList.parse(["A", "B"]).keys == {"A", "B"}


def test_every_user_data_object_is_filtered_however_deep() -> None:
    readable = KeyAllowList.parse("Key1,Key2")
    data = {
        "interaction": {"userData": {"Key1": 1, "Secret": 2}, "state": "TALKING"},
        "list": [{"userData": {"Key2": {"Secret": 3}, "Other": 4}}],
        "userData": {"Key3": 5},
    }
    assert filter_user_data_everywhere(data, readable) == {
        "interaction": {"userData": {"Key1": 1}, "state": "TALKING"},
        "list": [{"userData": {"Key2": {"Secret": 3}}}],
        "userData": {},
    }
    assert data["interaction"]["userData"] == {"Key1": 1, "Secret": 2}  # the original is untouched


def test_write_check_names_every_forbidden_key() -> None:
    admission = Admission(SecurityPolicy(OriginPolicy.parse(A), writable=KeyAllowList.parse("Key1,Key3")), ALL_HANDLERS)
    admitted = admission.admit(A, RequestMessage("interaction.setUserData", ["1", {"Key1": 1, "Key3": 2}], "r"), refuse)
    assert admitted[1] == ["1", {"Key1": 1, "Key3": 2}]
    with pytest.raises(Refusal) as refused:
        admission.admit(A, RequestMessage("interaction.setUserData", ["1", {"Key1": 1, "Key2": 2, "X": 3}], "r"), refuse)
    assert refused.value.kind is RefusalKind.POLICY
    assert refused.value.message == (
        "Writing the user data keys 'Key2', 'X' is not allowed "
        "(service-client-api.user-data.write-allowed); nothing was changed."
    )


def _service_with_user_data(readable: str) -> tuple[Service, Recorder]:
    def interaction(ctx: Any, interaction_id: str) -> dict:
        return {"interactionId": "1", "userData": {"Key1": "a", "Secret": "b"}}

    policy = SecurityPolicy(OriginPolicy.parse(A), readable=KeyAllowList.parse(readable))
    outbox = Recorder()
    service = Service(policy=policy, transport=outbox, handlers={**ALL_HANDLERS, "interaction.getByInteractionId": interaction})
    return service, outbox


def test_responses_and_events_show_only_readable_keys() -> None:
    service, outbox = _service_with_user_data("Key1")
    service.receive(1, A, request("interaction.getByInteractionId", "1"))
    assert outbox.last(1)["data"]["userData"] == {"Key1": "a"}
    service.receive(1, A, {"event": "subscribe", "data": ["interaction"], "referenceId": "s"})
    service.workspace.events.emit("interaction", {"eventType": "ATTACHED_DATA_CHANGED", "interaction": {"userData": {"Key1": 1, "Secret": 2}}})
    assert outbox.last(1)["data"]["interaction"]["userData"] == {"Key1": 1}


@given(
    st.dictionaries(st.sampled_from(["Key1", "Key2", "Secret", "x", "y"]), st.integers(), max_size=5),
    st.sets(st.sampled_from(["Key1", "Key2", "x"]), max_size=3),
)
def test_no_disallowed_key_ever_leaves_the_service(user_data: dict[str, int], readable: set[str]) -> None:
    policy = SecurityPolicy(OriginPolicy.parse(A), readable=KeyAllowList(frozenset(readable)))
    outbox = Recorder()
    service = Service(policy=policy, transport=outbox, handlers={**ALL_HANDLERS, "interaction.getInteractions": lambda ctx: [{"userData": dict(user_data)}]})
    service.receive(1, A, {"event": "subscribe", "data": ["interaction"], "referenceId": "s"})
    service.receive(1, A, request("interaction.getInteractions"))
    service.workspace.events.emit("interaction", {"interaction": {"userData": dict(user_data)}})
    shown = [outbox.replies(1)[-1]["data"][0]["userData"], outbox.last(1)["data"]["interaction"]["userData"]]
    for seen in shown:
        assert set(seen) <= readable
        assert seen == {k: v for k, v in user_data.items() if k in readable}


def test_options_build_the_whole_policy() -> None:
    clock = ManualClock()
    service = build_service(
        {
            ORIGINS: "http://a.test (agent.*)",
            "service-client-api.rate-limit": "10",
            "service-client-api.rate-limit.voice.dial": "4",
            "service-client-api.rate-limit.sipEndpoint.muteSpeaker": "1",
            "service-client-api.rate-limit-quarantine-delay": "60",
            "service-client-api.user-data.read-allowed": "Key1,Key2,Key3",
            "service-client-api.user-data.write-allowed": "Key1,Key3",
        },
        clock=clock,
    )
    policy = service.policy
    assert policy.origins.allows("http://a.test", "agent.get")
    assert policy.rate_limiter.limits == {GLOBAL: 10, "voice.dial": 4, "voice.muteSpeaker": 1}
    assert policy.rate_limiter.quarantine_seconds == 60
    assert policy.readable.keys == {"Key1", "Key2", "Key3"} and policy.writable.keys == {"Key1", "Key3"}
    assert policy.rate_limiter.clock is clock


def test_defaults() -> None:
    policy = build_service().policy
    assert not policy.origins.accepts_origin("http://a.test")  # nobody until listed
    assert not policy.rate_limiter.active and policy.rate_limiter.quarantine_seconds == 30
    assert policy.readable.keys is None and policy.writable.keys is None


def test_section_prefixed_option_names_work_too() -> None:
    policy = build_service({f"interaction-workspace/{ORIGINS}": "http://a.test"}).policy
    assert policy.origins.accepts_origin("http://a.test")


@pytest.mark.parametrize(
    "option, value, fragment",
    [
        ("service-client-api.rate-limit", "-1", "service-client-api.rate-limit: expected a whole number ≥ 0, got '-1'"),
        ("service-client-api.rate-limit", "ten", "got 'ten'"),
        ("service-client-api.rate-limit", "1.5", "got '1.5'"),
        ("service-client-api.rate-limit-quarantine-delay", "-30", "service-client-api.rate-limit-quarantine-delay: expected"),
        ("service-client-api.rate-limit.voice.dail", "3", "service-client-api.rate-limit.voice.dail: 'voice.dail' is not a request name"),
        ("service-client-api.rate-limit.voice.dial", "x", "service-client-api.rate-limit.voice.dial: expected a whole number"),
        (ORIGINS, "http://a.test (agent.*", "'(' without ')'"),
    ],
)
def test_invalid_values_refuse_to_start(option: str, value: str, fragment: str) -> None:
    with pytest.raises(PolicyConfigError) as error:
        build_service({option: value})
    assert fragment in str(error.value)


def test_limits_apply_through_the_built_service() -> None:
    clock = ManualClock()
    service = build_service({ORIGINS: A, "service-client-api.rate-limit.agent.get": "1"}, clock=clock)
    assert service.policy.rate_limiter.check(A, "agent.get").verdict is Verdict.SERVE
    assert service.policy.rate_limiter.check(A, "agent.get").verdict is Verdict.REFUSE
