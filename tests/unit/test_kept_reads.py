"""Kept answers (service/keptreads.py; the host bridge's, in compat/fake.py as in
transports/postmessage.py): a repeated plain read is answered by the bridge, never stale,
never past a check the service would make, and the protocol log records it as served, in
the wire's order. A twin desktop that keeps none must send every app the same messages."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform, FakeWindow, MessageEvent
from wwe_scapi.protocol.constants import KEPT_PER_WINDOW
from wwe_scapi.security.origins import OriginPolicy
from wwe_scapi.security.policy import SecurityPolicy
from wwe_scapi.security.ratelimit import GLOBAL, RateLimiter
from wwe_scapi.security.userdata import KeyAllowList
from wwe_scapi.service.broker import Direction, LogEntry, Service
from wwe_scapi.service.keptreads import KEPT_READS
from wwe_scapi.transports.postmessage import HOST_BRIDGE_JS, PostMessageServiceTransport
from wwe_scapi.workspace import Workspace

APP_ORIGINS = ("https://crm.test", "https://notes.test")


class App:
    """An app frame that posts raw envelopes (PROTOCOL.md) and keeps what it gets."""

    def __init__(self, desk: Desk, origin: str) -> None:
        self.desk = desk
        self.window = desk.browser.frame(desk.page, origin)
        self.got: list[Any] = []
        self.window.addMessageListener(self._got)
        self._last_reference = 0

    def _got(self, event: MessageEvent) -> None:
        self.got.append(event.data)

    @property
    def frame_id(self) -> Any:
        return next(message["frameId"] for message in self.got if "frameId" in message and "request" not in message)

    def post(self, message: Any) -> Any:
        """Post and deliver; the last message this app got."""
        self.desk.page.postMessage(message, "*", self.window)
        self.desk.browser.deliver()
        return self.got[-1] if self.got else None

    def request(self, name: str, *parameters: Any, frame_id: Any = "own", reference_id: Any = None) -> Any:
        self._last_reference += 1
        message: dict[str, Any] = {
            "request": name,
            "referenceId": str(self._last_reference) if reference_id is None else reference_id,
            "userAgent": "WWE Client",
            "protocolVersion": 2,
        }
        if parameters:
            message["parameters"] = list(parameters)
        if frame_id == "own":
            message["frameId"] = self.frame_id
        elif frame_id is not None:
            message["frameId"] = frame_id
        return self.post(message)

    def join(self) -> App:
        """Its first request (without a frame id, as a new page sends it): it gets its frame id."""
        self.request("agent.getStateList", frame_id=None)
        return self


class Desk:
    def __init__(self, *, keeps: bool = True, policy: SecurityPolicy | None = None, clock: ManualClock | None = None) -> None:
        self.clock = clock or ManualClock()
        self.browser = FakeBrowser()
        self.page = self.browser.page("https://desk.test")
        self.platform = FakePlatform(self.page)
        self.workspace = Workspace(clock=self.clock)
        self.log: list[LogEntry] = []
        policy = policy or SecurityPolicy(origins=OriginPolicy(any_origin=True))
        transport = PostMessageServiceTransport(self.platform, keeps_answers=keeps)
        self.service = Service(self.workspace, policy, transport=transport)
        self.service.log.add(self.log.append)

    @property
    def answered_again(self) -> int:
        assert self.platform.host is not None
        return self.platform.host.answered_again

    def app(self, origin: str = APP_ORIGINS[0]) -> App:
        return App(self, origin).join()

    def requests_logged(self, name: str) -> list[LogEntry]:
        return [entry for entry in self.log if entry.direction is Direction.REQUEST and entry.request == name]


def test_a_repeated_read_is_answered_by_the_bridge_with_its_own_reference_id() -> None:
    desk = Desk()
    app = desk.app()
    first = app.request("agent.getState")
    assert desk.answered_again == 0
    again = app.request("agent.getState")
    assert desk.answered_again == 1
    assert again == {**first, "referenceId": again["referenceId"]} and again["referenceId"] != first["referenceId"]
    assert list(again) == list(first)  # the same keys in the same order as the service's


def test_the_reference_id_is_echoed_exactly_and_left_out_when_none_was_sent() -> None:
    desk = Desk()
    app = desk.app()
    app.request("agent.getState")
    for reference_id in (7, "0", {"mine": [1]}, 2.5):
        assert app.request("agent.getState", reference_id=reference_id)["referenceId"] == reference_id
    desk.page.postMessage({"request": "agent.getState", "frameId": app.frame_id}, "*", app.window)
    desk.browser.deliver()
    assert "referenceId" not in app.got[-1] and app.got[-1]["data"] == app.got[-2]["data"]
    assert desk.answered_again == 5


def test_every_answer_given_again_is_logged_as_served_in_the_wires_order() -> None:
    desk = Desk()
    app, other = desk.app(APP_ORIGINS[0]), desk.app(APP_ORIGINS[1])
    app.request("agent.getState")
    app.request("agent.getState")  # given again; its log entry is written on a later task
    other.request("media.getMediaList")
    app.request("agent.getState")
    logged = [(entry.origin, entry.request) for entry in desk.log if entry.direction is Direction.REQUEST][2:]
    assert logged == [
        (APP_ORIGINS[0], "agent.getState"),
        (APP_ORIGINS[0], "agent.getState"),
        (APP_ORIGINS[1], "media.getMediaList"),
        (APP_ORIGINS[0], "agent.getState"),
    ]
    again = desk.requests_logged("agent.getState")[-1]
    assert again.ok and again.result == "ok" and again.frame == app.frame_id
    assert again.data == app.got[-1]["data"] and again.parameters == []
    assert desk.answered_again == 2


def test_a_change_of_the_workspace_is_read_at_once() -> None:
    desk = Desk()
    app, other = desk.app(APP_ORIGINS[0]), desk.app(APP_ORIGINS[1])
    app.request("agent.getState")
    app.request("agent.getState")
    other.request("agent.setState", "Ready")  # another app's request
    assert app.request("agent.getState")["data"]["operationName"] == "Ready"
    desk.workspace.set_agent_state("NotReady")  # the desktop's own controls
    desk.browser.deliver()
    assert app.request("agent.getState")["data"]["operationName"] == "NotReady"
    assert app.request("interaction.getInteractions")["data"] == []
    desk.workspace.scenario.ring_inbound_call()  # the simulated contact centre
    desk.browser.deliver()
    assert len(app.request("interaction.getInteractions")["data"]) == 1


def test_a_read_without_its_frames_id_is_served_by_the_service() -> None:
    desk = Desk()
    app = desk.app()
    app.request("agent.getState")
    given = desk.answered_again
    app.request("agent.getState", frame_id=str(app.frame_id))  # the same id as a string
    assert desk.answered_again == given + 1
    app.request("agent.getState", frame_id=app.frame_id + 100)  # another frame's id
    app.request("agent.getState", frame_id=True)
    assert desk.answered_again == given + 1
    app.request("agent.getState", frame_id=None)  # a new page in the window: it gets a new frame id
    assert desk.answered_again == given + 1
    assert [m["frameId"] for m in app.got if "frameId" in m and "request" not in m][-1] != app.got[0]["frameId"]


def test_other_parameters_are_another_read() -> None:
    desk = Desk()
    app = desk.app()
    first = app.request("configuration.getOption", "interaction.case-data.format-business-attribute")
    second = app.request("configuration.getOption", "privacy.show-contact-name")
    assert desk.answered_again == 0
    assert app.request("configuration.getOption", "privacy.show-contact-name")["data"] == second["data"]
    assert app.request("configuration.getOption", "interaction.case-data.format-business-attribute")["data"] == first["data"]
    assert desk.answered_again == 2


def test_a_window_keeps_a_bounded_number_of_answers() -> None:
    desk = Desk()
    app = desk.app()
    for index in range(KEPT_PER_WINDOW + 5):
        app.request("configuration.getOption", f"option-{index}")
    assert desk.platform.host is not None
    assert len(desk.platform.host.kept[app.frame_id]) == KEPT_PER_WINDOW
    app.request("configuration.getOption", f"option-{KEPT_PER_WINDOW + 1}")  # not kept: served again
    assert desk.answered_again == 0


def test_writes_and_failures_are_never_kept() -> None:
    desk = Desk()
    app = desk.app()
    for _ in range(3):
        app.request("agent.setState", "Ready")
    for _ in range(3):
        app.request("interaction.getByInteractionId")  # its interaction id is missing
        assert "errorMessage" in app.got[-1]
    assert desk.answered_again == 0


def test_a_rate_limited_read_is_counted_by_the_service_every_time() -> None:
    clock = ManualClock()
    for limits in ({"agent.getState": 3}, {GLOBAL: 3}):
        policy = SecurityPolicy(origins=OriginPolicy(any_origin=True), rate_limiter=RateLimiter(limits, 30, clock))
        desk = Desk(policy=policy, clock=clock)
        app = App(desk, APP_ORIGINS[0])
        answers = [app.request("agent.getState", frame_id=None if index == 0 else "own") for index in range(3)]
        assert all("data" in answer for answer in answers)
        refused = app.request("agent.getState")
        assert "The rate limit for the request 'agent.getState' has been reached" in refused["errorMessage"]
        count = len(app.got)
        app.request("agent.getState")  # quarantine: no answer at all
        assert len(app.got) == count
        assert desk.answered_again == 0


def test_a_read_outside_the_origins_filter_is_refused_every_time() -> None:
    """The filter bites as without kept answers: another origin's kept read does not leak."""
    crm, notes = APP_ORIGINS
    desk = Desk(policy=SecurityPolicy(origins=OriginPolicy.parse(f"{crm} (agent.*), {notes} (voice.*)")))
    allowed, refused = App(desk, crm), App(desk, notes)
    allowed.request("agent.getState", frame_id=None)
    refused.request("voice.isMicrophoneMute", frame_id=None)
    for _ in range(2):
        assert "data" in allowed.request("agent.getState")
        answer = refused.request("agent.getState")
        assert answer["errorMessage"] == f"The request agent.getState is not allowed for the origin {notes} (service-client-api.accepted-web-content-origins)."
    assert desk.answered_again == 1  # the allowed origin's second read only
    assert len([entry for entry in desk.log if entry.direction is Direction.REFUSED]) == 2


def test_an_answer_given_again_is_limited_to_the_readable_user_data_keys() -> None:
    policy = SecurityPolicy(origins=OriginPolicy(any_origin=True), readable=KeyAllowList.parse("crm.account"))
    desk = Desk(policy=policy)
    call = desk.workspace.scenario.ring_inbound_call(user_data={"crm.account": "A-1", "secret": "s"})
    app = desk.app()
    answers = [app.request("interaction.getByInteractionId", call.interaction_id) for _ in range(3)]
    assert desk.answered_again == 2
    assert all(answer["data"]["userData"] == {"crm.account": "A-1"} for answer in answers)


def test_a_desktop_that_keeps_none_serves_every_read() -> None:
    desk = Desk(keeps=False)
    app = desk.app()
    for _ in range(3):
        app.request("agent.getState")
    assert desk.answered_again == 0 and len(desk.requests_logged("agent.getState")) == 3


# -- twins: one desktop keeps answers, one keeps none; the same steps give the same messages --

READS = [
    ("agent.getState",),
    ("agent.get",),
    ("agent.getStateList",),
    ("interaction.getInteractions",),
    ("media.getMediaList",),
    ("voice.isMicrophoneMute",),
    ("configuration.getOption", "privacy.show-contact-name"),
    ("interaction.getByInteractionId", "1"),
    ("configuration.getContextualOption", "interaction.case-data.format-business-attribute", "1"),
    ("outbound.getCampaigns",),
]
WRITES = [
    ("agent.setState", "Ready"),
    ("agent.setState", "NotReady"),
    ("voice.muteMicrophone",),
    ("voice.unmuteMicrophone",),
    ("interaction.setUserData", "1", {"Account": "42"}),
    ("voice.answer", "1"),
    ("voice.hold", "1"),
    ("voice.endCall", "1"),
]
DESK_STEPS = ["ring", "ready", "advance", "deliver"]
step = st.one_of(
    st.tuples(st.just("read"), st.integers(0, 1), st.sampled_from(READS), st.sampled_from(["own", "own", None, 99])),
    st.tuples(st.just("write"), st.integers(0, 1), st.sampled_from(WRITES), st.just("own")),
    st.tuples(st.just("desk"), st.just(0), st.sampled_from(DESK_STEPS), st.just(None)),
)


def _run(steps: list[tuple[str, int, Any, Any]], keeps: bool) -> tuple[list[list[Any]], list[tuple[Any, ...]], int]:
    clock = ManualClock()
    desk = Desk(keeps=keeps, clock=clock)
    apps = [desk.app(origin) for origin in APP_ORIGINS]
    for kind, index, what, frame_id in steps:
        app = apps[index]
        if kind == "desk":
            if what == "ring":
                desk.workspace.scenario.ring_inbound_call()
            elif what == "ready":
                desk.workspace.set_agent_state("Ready")
            elif what == "advance":
                clock.advance(61)
            desk.browser.deliver()
            continue
        app.request(what[0], *what[1:], frame_id=frame_id)
    desk.browser.deliver()
    logged = [
        (e.direction, e.origin, e.frame, e.request, e.result, e.ok, e.warnings, e.parameters, e.data) for e in desk.log
    ]
    return [app.got for app in apps], logged, desk.answered_again


@settings(max_examples=150, deadline=None)
@given(st.lists(step, max_size=40))
def test_twins_send_the_same_messages_and_log_the_same_entries(steps: list[tuple[str, int, Any, Any]]) -> None:
    kept_got, kept_log, _ = _run(steps, keeps=True)
    plain_got, plain_log, given_again = _run(steps, keeps=False)
    assert given_again == 0
    assert kept_got == plain_got
    assert kept_log == plain_log


def test_twins_agree_over_a_call_with_answers_given_again() -> None:
    reads: list[tuple[str, int, Any, Any]] = [("read", index % 2, read, "own") for index, read in enumerate(READS * 2)]
    steps = [*reads, ("desk", 0, "ring", None), *reads, ("write", 1, WRITES[5], "own"), *reads,
             ("desk", 0, "advance", None), *reads, ("write", 0, WRITES[4], "own"), *reads]
    kept_got, kept_log, given_again = _run(steps, keeps=True)
    plain_got, plain_log, _ = _run(steps, keeps=False)
    assert given_again >= 4 * len(READS)
    assert (kept_got, kept_log) == (plain_got, plain_log)


def test_the_twins_differ_when_an_answer_is_stale() -> None:
    """The twin test can fail: a bridge that is not told of a change gives a stale answer."""
    steps: list[tuple[str, int, Any, Any]] = [
        ("read", 0, ("agent.getState",), "own"),
        ("desk", 0, "ready", None),
        ("read", 0, ("agent.getState",), "own"),
    ]
    plain_got, _, _ = _run(steps, keeps=False)
    original = Service._forget_answers
    Service._forget_answers = lambda self: None  # type: ignore[method-assign]
    try:
        stale_got, _, given_again = _run(steps, keeps=True)
    finally:
        Service._forget_answers = original  # type: ignore[method-assign]
    assert given_again == 1 and stale_got != plain_got


def test_a_closed_window_is_not_answered() -> None:
    desk = Desk()
    app = desk.app()
    app.request("agent.getState")
    window: FakeWindow = app.window
    window.closed = True
    desk.page.postMessage({"request": "agent.getState", "frameId": app.frame_id, "referenceId": "x"}, "*", window)
    desk.browser.deliver()
    assert desk.answered_again == 0


# -- the JavaScript bridge keeps and gives answers exactly as the Python one -----------------------

HARNESS = Path(__file__).with_name("kept_harness.js")
Trace = list[dict[str, Any]]


def _bridge_run(trace: Trace) -> dict[str, Any]:
    """compat/fake.py's host bridge, on the harness's trace and its scripted Python side."""
    browser = FakeBrowser()
    page = browser.page("https://desk.test")
    platform = FakePlatform(page)
    handed: list[list[Any]] = []
    posted: list[list[Any]] = []
    repeated: list[str] = []
    gone: list[str] = []
    windows: dict[int, FakeWindow] = {}

    def receive(key: int, origin: str, text: str | None = None, *unreadable: Any) -> None:
        message = json.loads(text or "null")
        handed.append([key, message["seq"]])
        reply: dict[str, Any] = {}
        if isinstance(message.get("request"), str):
            reply["request"] = message["request"]
        if message.get("referenceId") is not None:
            reply["referenceId"] = message["referenceId"]
        reply.update(data=message["seq"], userAgent="WWE Server", protocolVersion=2)
        bridge.send(key, json.dumps(reply), message["seq"] + 1 if message.get("keep") else 0)

    bridge = platform.host_bridge(HOST_BRIDGE_JS, receive, repeated.append)

    def window(index: int) -> FakeWindow:
        if index not in windows:
            windows[index] = browser.frame(page, f"https://w{index}.test")
            # What the bridge posts, when it posts it (a closed window's page gets nothing).
            windows[index].postMessage = (  # type: ignore[method-assign]
                lambda data, origin, source, i=index: posted.append([i, copy.deepcopy(data)])
            )
        return windows[index]

    for item in trace:
        if item.get("forget"):
            browser.task(bridge.forget)
        elif "close" in item:
            browser.task(lambda w=window(item["close"]): setattr(w, "closed", True))
        elif "fanout" in item:
            keys = ",".join(str(w + 1) for w in item["fanout"])
            text = json.dumps({"event": "agent", "data": item["seq"], "userAgent": "WWE Server", "protocolVersion": 2})
            browser.task(lambda keys=keys, text=text: gone.append(bridge.send_all(keys, text)))
        else:
            page.postMessage(item["message"], "*", window(item["window"]))
    browser.deliver()
    bridge.close()
    return {"handed": handed, "posted": posted, "repeated": repeated, "gone": gone}


@pytest.fixture(scope="module")
def node_bridge() -> Iterator[Callable[[Trace], dict[str, Any]]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the desktop's JavaScript bridge (scripts/setup.sh installs it).")
    process = subprocess.Popen([node, str(HARNESS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert process.stdin is not None and process.stdout is not None

    def run(trace: Trace) -> dict[str, Any]:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps({"bridge": HOST_BRIDGE_JS, "trace": trace}) + "\n")
        result: dict[str, Any] = json.loads(process.stdout.readline())
        return result

    yield run
    process.stdin.close()
    process.wait(timeout=10)


def _in_order(result: dict[str, Any]) -> str:
    """The run as text: the key order of every posted message counts."""
    return json.dumps(result, separators=(",", ":"))


_reads = st.fixed_dictionaries(
    {"request": st.sampled_from(["agent.getState", "media.getMediaByName", 7])},
    optional={
        "parameters": st.sampled_from([None, [], ["voice"], ["chat"], "voice", [{"a": [1, "é"]}]]),
        "referenceId": st.one_of(st.none(), st.sampled_from(["1", "2", 3, {"r": 4}])),
        "frameId": st.sampled_from(["own", "own", "own-text", 99, True, None]),
        "keep": st.booleans(),
        "userAgent": st.sampled_from(["WWE Client", "WWE Server"]),
        "event": st.just("subscribe"),
    },
)
_item = st.one_of(
    st.tuples(st.integers(0, 2), _reads),
    st.tuples(st.integers(0, 2), _reads),
    st.just("forget"),
    st.tuples(st.just("close"), st.integers(0, 2)),
    st.tuples(st.just("fanout"), st.lists(st.integers(0, 3), min_size=1, max_size=4)),  # window 3: never seen
)


def _trace(items: list[Any]) -> Trace:
    """Each window speaks first in order, so window w has key w + 1 in both bridges."""
    trace: Trace = [{"window": w, "message": {"request": "hello"}} for w in range(3)]
    for item in items:
        if item == "forget":
            trace.append({"forget": True})
        elif item[0] == "close":
            trace.append({"close": item[1]})
        elif item[0] == "fanout":
            trace.append({"fanout": item[1]})
        else:
            window, message = item
            message = dict(message)
            if message.get("frameId") == "own":
                message["frameId"] = window + 1
            elif message.get("frameId") == "own-text":
                message["frameId"] = str(window + 1)
            trace.append({"window": window, "message": message})
    for seq, item in enumerate(trace):
        if "message" in item:
            item["message"]["seq"] = seq
        elif "fanout" in item:
            item["seq"] = seq
    return trace


@settings(max_examples=200, deadline=None)
@given(st.lists(_item, max_size=40))
def test_the_javascript_bridge_keeps_and_gives_answers_as_the_python_one(
    node_bridge: Callable[[Trace], dict[str, Any]], items: list[Any]
) -> None:
    trace = _trace(items)
    assert _in_order(node_bridge(trace)) == _in_order(_bridge_run(trace))


def test_the_bridges_give_answers_again_and_the_parity_check_can_fail(
    node_bridge: Callable[[Trace], dict[str, Any]],
) -> None:
    read = {"request": "agent.getState", "frameId": 1, "keep": True}
    trace = _trace([(0, read), (0, {**read, "referenceId": "9"}), (0, read), "forget", (0, read)])
    run = node_bridge(trace)
    assert [seq for _, seq in run["handed"]] == [0, 1, 2, 3, 7]  # two given again, then forgotten
    assert run["repeated"] == ["1,4,1,4"]  # told on a later task, in one batch
    assert [message["data"] for _, message in run["posted"][3:]] == [3, 3, 3, 7]
    assert run["posted"][4][1]["referenceId"] == "9" and "referenceId" not in run["posted"][5][1]
    assert _in_order(run) == _in_order(_bridge_run(trace))
    broken = HOST_BRIDGE_JS.replace("if (table.size < KEPT_PER_WINDOW)", "if (false)")
    assert broken != HOST_BRIDGE_JS
    assert _in_order(_node_with(broken, trace)) != _in_order(run)


def _node_with(source: str, trace: Trace) -> dict[str, Any]:
    """The harness on another bridge source (the fixture's runs HOST_BRIDGE_JS)."""
    node = shutil.which("node")
    assert node is not None
    output = subprocess.run(
        [node, str(HARNESS)], input=json.dumps({"bridge": source, "trace": trace}) + "\n",
        capture_output=True, text=True, check=True, timeout=30,
    ).stdout
    result: dict[str, Any] = json.loads(output)
    return result


def test_the_bridges_fan_one_event_out_and_report_the_windows_gone(
    node_bridge: Callable[[Trace], dict[str, Any]],
) -> None:
    read = {"request": "agent.getState", "frameId": 2, "keep": True}
    trace = _trace([("fanout", [0, 1, 3]), (1, read), ("close", 1), ("fanout", [1, 0]), (1, read)])
    run = node_bridge(trace)
    assert run["gone"] == ["4", "2"]  # window 3 was never seen, window 1 closed
    events = [(window, message["data"]) for window, message in run["posted"] if "event" in message]
    assert events == [(0, 3), (1, 3), (0, 6)]
    assert _in_order(run) == _in_order(_bridge_run(trace))
    broken = HOST_BRIDGE_JS.replace("post(entry[0], message, entry[1]);\n          continue;", "continue;")
    assert broken != HOST_BRIDGE_JS
    assert _in_order(_node_with(broken, trace)) != _in_order(run)
