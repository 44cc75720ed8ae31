"""Rate limits: fixed one-minute windows per origin, the reference's message, quarantine."""

from __future__ import annotations

import pytest

from unit_support import A, B, Recorder, request
from wwe_scapi.clock import ManualClock
from wwe_scapi.security import OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.ratelimit import GLOBAL, RateLimiter, Verdict, limit_message
from wwe_scapi.service import Service

MESSAGE = (
    "The rate limit for the request 'voice.dial' has been reached.\n"
    "Further requests of the same type will be ignored for 30 seconds."
)


def verdicts(limiter: RateLimiter, origin: str, request_name: str, count: int) -> list[Verdict]:
    return [limiter.check(origin, request_name).verdict for _ in range(count)]


def test_the_message_is_the_reference_word_for_word() -> None:
    assert limit_message("voice.dial", 30) == MESSAGE


def test_limit_then_one_refusal_then_silence() -> None:
    clock = ManualClock()
    limiter = RateLimiter({"voice.dial": 4}, quarantine_seconds=30, clock=clock)
    assert verdicts(limiter, A, "voice.dial", 4) == [Verdict.SERVE] * 4
    refusal = limiter.check(A, "voice.dial")
    assert refusal.verdict is Verdict.REFUSE and refusal.message == MESSAGE
    assert verdicts(limiter, A, "voice.dial", 3) == [Verdict.IGNORE] * 3
    assert limiter.check(A, "agent.get").verdict is Verdict.SERVE  # another request type


def test_quarantine_ends_and_a_new_window_starts_afresh() -> None:
    clock = ManualClock()
    limiter = RateLimiter({"voice.dial": 2}, quarantine_seconds=30, clock=clock)
    verdicts(limiter, A, "voice.dial", 3)
    clock.advance(29.9)
    assert limiter.check(A, "voice.dial").verdict is Verdict.IGNORE
    clock.advance(0.1)
    assert verdicts(limiter, A, "voice.dial", 3) == [Verdict.SERVE, Verdict.SERVE, Verdict.REFUSE]


def test_quarantine_zero_is_forever() -> None:
    clock = ManualClock()
    limiter = RateLimiter({GLOBAL: 1}, quarantine_seconds=0, clock=clock)
    assert verdicts(limiter, A, "agent.get", 2) == [Verdict.SERVE, Verdict.REFUSE]
    assert limit_message("agent.get", 0).endswith("Further requests of the same type will be ignored from now on.")
    clock.advance(10**9)
    assert limiter.check(A, "agent.get").verdict is Verdict.IGNORE


def test_fixed_windows_not_sliding() -> None:
    clock = ManualClock()
    limiter = RateLimiter({GLOBAL: 3}, clock=clock)
    verdicts(limiter, A, "agent.get", 2)
    clock.advance(59.9)
    assert limiter.check(A, "agent.get").verdict is Verdict.SERVE  # third in the window
    clock.advance(0.1)  # the window is over: a sliding window would still count those 3
    assert verdicts(limiter, A, "agent.get", 3) == [Verdict.SERVE] * 3
    assert limiter.check(A, "agent.get").verdict is Verdict.REFUSE


def test_counted_per_origin() -> None:
    limiter = RateLimiter({GLOBAL: 1}, clock=ManualClock())
    assert limiter.check(A, "agent.get").verdict is Verdict.SERVE
    assert limiter.check(B, "agent.get").verdict is Verdict.SERVE
    assert limiter.check(A, "agent.get").verdict is Verdict.REFUSE
    assert limiter.check(B, "agent.get").verdict is Verdict.REFUSE


def test_global_and_per_request_limits_together() -> None:
    limiter = RateLimiter({GLOBAL: 5, "voice.dial": 2}, clock=ManualClock())
    assert verdicts(limiter, A, "voice.dial", 3) == [Verdict.SERVE, Verdict.SERVE, Verdict.REFUSE]
    # The refused dial did not count against the global limit: 3 more of anything are served.
    assert verdicts(limiter, A, "agent.get", 4) == [Verdict.SERVE] * 3 + [Verdict.REFUSE]
    # Now the global quarantine silences every request type.
    assert limiter.check(A, "media.getMediaList").verdict is Verdict.IGNORE


def test_zero_means_unlimited() -> None:
    limiter = RateLimiter({GLOBAL: 0, "voice.dial": 0}, clock=ManualClock())
    assert not limiter.active
    assert verdicts(limiter, A, "voice.dial", 1000) == [Verdict.SERVE] * 1000


def test_the_service_answers_once_then_ignores(outbox_service: tuple[Service, Recorder, ManualClock]) -> None:
    service, outbox, clock = outbox_service
    for i in range(5):
        service.receive(1, A, request("agent.get", reference=str(i)))
    replies = outbox.replies(1)
    assert [("data" in r) for r in replies] == [True, True, False]
    assert replies[2]["errorMessage"] == (
        "The rate limit for the request 'agent.get' has been reached.\n"
        "Further requests of the same type will be ignored for 60 seconds."
    )
    # Another origin is served without delay meanwhile.
    service.receive(2, B, request("agent.get", reference="b"))
    assert "data" in outbox.replies(2)[0]
    clock.advance(60)
    service.receive(1, A, request("agent.get", reference="again"))
    assert outbox.replies(1)[-1]["referenceId"] == "again" and "data" in outbox.replies(1)[-1]


def test_sip_endpoint_aliases_count_as_their_voice_request() -> None:
    limiter = RateLimiter({"voice.muteMicrophone": 1}, clock=ManualClock())
    outbox = Recorder()
    service = Service(policy=SecurityPolicy(OriginPolicy.parse(A), limiter), transport=outbox)
    service.receive(1, A, request("voice.muteMicrophone", reference="1"))
    service.receive(1, A, request("sipEndpoint.muteMicrophone", reference="2"))
    # The message names the limit that was reached: the one configured for voice.muteMicrophone.
    assert outbox.replies(1)[-1]["errorMessage"].startswith("The rate limit for the request 'voice.muteMicrophone'")


@pytest.fixture
def outbox_service() -> tuple[Service, Recorder, ManualClock]:
    clock = ManualClock()
    outbox = Recorder()
    service = Service(
        policy=SecurityPolicy(OriginPolicy.parse(f"{A}, {B}"), RateLimiter({"agent.get": 2}, 60, clock)), transport=outbox
    )
    return service, outbox, clock
