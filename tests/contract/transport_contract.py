"""The transport contract: what every transport (transports/base.py) must do, written once as
checks against a `Harness`, and run against each implementation: the in-memory transport and
the postMessage transport over the fake browser in CPython (tests/unit/test_transport_contract.py),
the postMessage transport in Chromium across real origins (tests/e2e/test_transport_contract_in_chromium.py).

A harness gives a service side and app windows on distinct origins; the checks see only JSON
data, window handles and keys, so the same check means the same thing everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

Received = tuple[int, str, Any]  # (key, origin, message); an Unreadable as {"unreadable": [request, referenceId]}


class Harness(Protocol):
    """A service transport started with a recording receiver, and app windows."""

    def open_window(self, origin_index: int) -> Any:
        """A new window on app origin 0 or 1, its client transport started (recording)."""
        ...

    def origin(self, origin_index: int) -> str: ...

    def post(self, window: Any, message: Any) -> None:
        """The window's client transport posts `message`."""
        ...

    def post_then_change(self, window: Any, message: dict[str, Any], key: str, value: Any) -> None:
        """Post `message`, then change message[key] in the sender's hands."""
        ...

    def post_cyclic(self, window: Any, request: str, reference_id: str) -> None:
        """The window's page posts an object that contains itself (no JSON for it)."""
        ...

    def service_got(self, count: int) -> list[Received]:
        """Wait until the service side has received `count` messages in all; all of them."""
        ...

    def window_got(self, window: Any, count: int) -> list[Any]:
        """Wait until the window has received `count` messages; all of them."""
        ...

    def drain(self) -> None:
        """Wait until everything posted to the service's page so far has been dispatched."""
        ...

    def send(self, key: int, message: dict[str, Any]) -> bool: ...

    def send_all(self, keys: list[int], message: dict[str, Any]) -> list[int]:
        """The service side's Broadcaster.send_all, then message["n"] changed in its hands."""
        ...

    def renew(self, key: int) -> int | None: ...

    def send_then_change(self, key: int, message: dict[str, Any], field: str, value: Any) -> bool: ...

    def close_window(self, window: Any) -> None: ...

    def navigate(self, window: Any, origin_index: int) -> None:
        """The window loads a page of the other origin (its transport started again)."""
        ...

    def close_service(self) -> None: ...


def served(**fields: Any) -> dict[str, Any]:
    """A message as the service sends them (an app's transport takes only those)."""
    return {**fields, "userAgent": "WWE Server", "protocolVersion": 2}


RICH = {
    "text": "Grüße, 你好, \"quoted\" \\ and\nnew lines",
    "integer": 42,
    "fraction": 1.5,
    "negative": -7,
    "yes": True,
    "no": False,
    "nothing": None,
    "list": [1, "two", [3], {"four": 4}],
    "nested": {"deeper": {"deepest": []}},
    "empty": {},
}


def check_a_post_arrives_with_the_windows_origin_and_one_key_per_window(harness: Harness) -> None:
    first, second = harness.open_window(0), harness.open_window(1)
    harness.post(first, {"n": 1})
    harness.post(second, {"n": 2})
    harness.post(first, {"n": 3})
    got = harness.service_got(3)
    by_message = {message["n"]: (key, origin) for key, origin, message in got}
    assert by_message[1][1] == harness.origin(0) and by_message[2][1] == harness.origin(1)
    assert by_message[1][0] == by_message[3][0] != by_message[2][0]


def check_a_message_sent_reaches_that_window_only(harness: Harness) -> None:
    first, second = harness.open_window(0), harness.open_window(1)
    harness.post(first, {"hello": "first"})
    harness.post(second, {"hello": "second"})
    keys = {message["hello"]: key for key, _, message in harness.service_got(2)}
    assert harness.send(keys["first"], served(to="first")) is True
    assert harness.window_got(first, 1) == [served(to="first")]
    assert harness.send(keys["second"], served(to="second")) is True
    assert harness.window_got(second, 1) == [served(to="second")]  # and nothing meant for the first


def check_messages_keep_their_order_both_ways(harness: Harness) -> None:
    window = harness.open_window(0)
    for n in range(20):
        harness.post(window, {"n": n})
    got = harness.service_got(20)
    assert [message["n"] for _, _, message in got] == list(range(20))
    key = got[0][0]
    for n in range(20):
        harness.send(key, served(n=n))
    assert [message["n"] for message in harness.window_got(window, 20)] == list(range(20))


def check_json_data_arrives_equal_both_ways(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post(window, RICH)
    [(key, _, message)] = harness.service_got(1)
    assert message == RICH
    harness.send(key, served(echo=message))
    assert harness.window_got(window, 1) == [served(echo=RICH)]


def check_a_message_is_a_copy_taken_when_it_is_posted(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post_then_change(window, {"state": "before"}, "state", "after")
    [(key, _, message)] = harness.service_got(1)
    assert message == {"state": "before"}
    assert harness.send_then_change(key, served(state="before"), "state", "after") is True
    assert harness.window_got(window, 1) == [served(state="before")]


def check_a_message_json_cannot_hold_still_reaches_the_service_with_its_reference(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post_cyclic(window, "agent.get", "r7")
    [(_, origin, message)] = harness.service_got(1)
    assert origin == harness.origin(0)
    assert message == {"unreadable": ["agent.get", "r7"]}


def check_a_closed_window_is_reported_gone_and_gets_nothing(harness: Harness) -> None:
    window, other = harness.open_window(0), harness.open_window(1)
    harness.post(window, {"n": 1})
    harness.post(other, {"n": 2})
    keys = {message["n"]: key for key, _, message in harness.service_got(2)}
    harness.close_window(window)
    assert harness.send(keys[1], served(late=True)) is False
    assert harness.send(keys[2], served(still="here")) is True
    assert harness.window_got(other, 1) == [served(still="here")]


def check_a_key_never_seen_is_reported_gone(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post(window, {"n": 1})
    harness.service_got(1)
    assert harness.send(9_999, served(to="nobody")) is False


def check_a_window_that_navigates_to_another_origin_is_another_window(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post(window, {"page": "first"})
    [(old_key, _, _)] = harness.service_got(1)
    harness.navigate(window, 1)
    harness.post(window, {"page": "second"})
    got = harness.service_got(2)
    new_key, origin, message = got[1]
    assert (message, origin) == ({"page": "second"}, harness.origin(1)) and new_key != old_key
    assert harness.send(old_key, served(page="old")) is False
    assert harness.send(new_key, served(page="new")) is True
    assert harness.window_got(window, 1) == [served(page="new")]


def check_a_renewed_window_is_reached_and_heard_under_its_new_key_only(harness: Harness) -> None:
    window = harness.open_window(0)
    other = harness.open_window(1)
    harness.post(window, {"page": "old"})
    harness.post(other, {"other": 1})
    got = harness.service_got(2)
    old_key = next(key for key, _, message in got if message == {"page": "old"})
    new_key = harness.renew(old_key)
    assert new_key is not None and new_key not in {key for key, _, _ in got}
    assert harness.send(old_key, served(to="old key")) is False
    assert harness.send(new_key, served(to="new key")) is True
    assert harness.window_got(window, 1) == [served(to="new key")]
    harness.post(window, {"page": "new"})
    assert harness.service_got(3)[2] == (new_key, harness.origin(0), {"page": "new"})
    assert harness.renew(9_999) is None


def check_one_message_sent_to_several_windows_reaches_each_in_order_as_its_own_copy(harness: Harness) -> None:
    first, second, third = harness.open_window(0), harness.open_window(1), harness.open_window(0)
    for n, window in enumerate((first, second, third)):
        harness.post(window, {"window": n})
    keys = {message["window"]: key for key, _, message in harness.service_got(3)}
    harness.send(keys[0], served(n="before"))
    assert harness.send_all([keys[0], keys[1]], served(n="all", echo=RICH)) == []
    harness.send(keys[1], served(n="after"))
    assert harness.window_got(first, 2) == [served(n="before"), served(n="all", echo=RICH)]
    assert harness.window_got(second, 2) == [served(n="all", echo=RICH), served(n="after")]
    harness.send(keys[2], served(n="last"))
    assert harness.window_got(third, 1) == [served(n="last")]  # it was not among the keys


def check_one_message_sent_to_several_windows_reports_those_gone(harness: Harness) -> None:
    window, other, closing = harness.open_window(0), harness.open_window(1), harness.open_window(1)
    for n, each in enumerate((window, other, closing)):
        harness.post(each, {"window": n})
    keys = {message["window"]: key for key, _, message in harness.service_got(3)}
    harness.close_window(closing)
    assert harness.send_all([9_999, keys[0], keys[2], keys[1]], served(n="all")) == [9_999, keys[2]]
    assert harness.window_got(window, 1) == [served(n="all")]
    assert harness.window_got(other, 1) == [served(n="all")]
    assert harness.send(keys[2], served(n="late")) is False


def check_a_closed_service_side_hears_and_reaches_nothing(harness: Harness) -> None:
    window = harness.open_window(0)
    harness.post(window, {"n": 1})
    [(key, _, _)] = harness.service_got(1)
    harness.close_service()
    assert harness.send(key, served(after="close")) is False
    assert harness.send_all([key], served(after="close")) == [key]
    harness.post(window, {"n": 2})
    harness.drain()
    assert len(harness.service_got(1)) == 1


CHECKS: list[Callable[[Harness], None]] = [
    check_a_post_arrives_with_the_windows_origin_and_one_key_per_window,
    check_a_message_sent_reaches_that_window_only,
    check_messages_keep_their_order_both_ways,
    check_json_data_arrives_equal_both_ways,
    check_a_message_is_a_copy_taken_when_it_is_posted,
    check_a_message_json_cannot_hold_still_reaches_the_service_with_its_reference,
    check_a_closed_window_is_reported_gone_and_gets_nothing,
    check_a_key_never_seen_is_reported_gone,
    check_a_window_that_navigates_to_another_origin_is_another_window,
    check_a_renewed_window_is_reached_and_heard_under_its_new_key_only,
    check_one_message_sent_to_several_windows_reaches_each_in_order_as_its_own_copy,
    check_one_message_sent_to_several_windows_reports_those_gone,
    check_a_closed_service_side_hears_and_reaches_nothing,
]
