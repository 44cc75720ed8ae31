"""The TypedDicts of wwe_scapi.protocol.wire against what the workspace, the envelopes, the
service and the client really put on the wire: a small runtime checker walks each TypedDict
(required keys present, no undeclared key, every value of its declared type)."""

from __future__ import annotations

import ast
import asyncio
import json
import subprocess
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, NotRequired, Required, Union, get_args, get_origin

import pytest

from wwe_scapi.client import RequestFailed, ServiceClient
from wwe_scapi.clock import ManualClock
from wwe_scapi.protocol import (
    event_message,
    failure_response,
    frame_id_message,
    subscribe_response,
    success_response,
    wire,
)
from wwe_scapi.security import OriginPolicy
from wwe_scapi.service import Service
from wwe_scapi.testing import MemoryNetwork
from wwe_scapi.workspace.leniency import refuse
from wwe_scapi.workspace import Workspace, WorkspaceError
from wwe_scapi.workspace.dialogs import DIALOG_OPTIONS
from wwe_scapi.workspace.events import DomainEvent
from wwe_scapi.workspace.lifecycle import rules as lifecycle_rules
from wwe_scapi.workspace.menubar import VIEW_PARAMETERS
from wwe_scapi.workspace.toasts import TOAST_PARAMETERS

APP = "http://app.test"
VOICE_ONLY = frozenset({"callUuid", "connId", "direction", "callType", "ani", "dnis", "recordingState", "ronaCallState"})
VOICE_ALWAYS = VOICE_ONLY - {"ronaCallState"}
# Keys the simulator has no way to produce yet (outbound is not simulated).
NOT_PRODUCED_YET: dict[Any, set[str]] = {}


# -- the checker ----------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"[:120]


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp).replace("typing.", "")


def problems(value: Any, tp: Any, path: str = "$") -> list[str]:
    """Why `value` does not conform to `tp` (empty when it does), each naming where."""
    origin = get_origin(tp)
    if origin in (NotRequired, Required, Annotated):
        return problems(value, get_args(tp)[0], path)
    if tp is Any:
        return []
    if tp is None or tp is type(None):
        return [] if value is None else [f"{path}: expected null, got {_describe(value)}"]
    if typing.is_typeddict(tp):
        return _typeddict_problems(value, tp, path)
    if origin is Literal:
        # By type as well: True == 1 in Python, but a JSON boolean is not the number 1.
        if any(type(value) is type(allowed) and value == allowed for allowed in get_args(tp)):
            return []
        return [f"{path}: expected one of {', '.join(map(repr, get_args(tp)))}, got {_describe(value)}"]
    if origin in (Union, types.UnionType):
        arms = get_args(tp)
        if value is not None and type(None) in arms:
            rest = [arm for arm in arms if arm is not type(None)]
            if len(rest) == 1:  # X | None with a non-null value: X's own problems read best
                return problems(value, rest[0], path)
        outcomes = [problems(value, arm, path) for arm in arms]
        if any(not outcome for outcome in outcomes):
            return []
        closest = min(outcomes, key=len)
        return [f"{path}: {_describe(value)} is none of {_name(tp)}; closest: {'; '.join(closest)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: expected an array, got {_describe(value)}"]
        (item,) = get_args(tp)
        return [p for index, element in enumerate(value) for p in problems(element, item, f"{path}[{index}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: expected an object, got {_describe(value)}"]
        key_type, value_type = get_args(tp)
        assert key_type is str, f"JSON object keys are strings, not {key_type!r}"
        found = [f"{path}: key {key!r} is not a string" for key in value if not isinstance(key, str)]
        return found + [p for key, element in value.items() for p in problems(element, value_type, f"{path}.{key}")]
    if tp is bool:
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean, got {_describe(value)}"]
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected an integer, got {_describe(value)}"]
    if tp is float:  # any JSON number
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected a number, got {_describe(value)}"]
    if tp is str:
        return [] if isinstance(value, str) else [f"{path}: expected a string, got {_describe(value)}"]
    raise TypeError(f"the checker does not know the type {tp!r} (at {path})")


def _typeddict_problems(value: Any, tp: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected an object ({tp.__name__}), got {_describe(value)}"]
    hints = typing.get_type_hints(tp, include_extras=True)
    found = [f"{path}: missing key {key!r} ({tp.__name__})" for key in sorted(tp.__required_keys__ - value.keys())]
    found += [f"{path}: unknown key {key!r} ({tp.__name__})" for key in sorted(value.keys() - hints.keys(), key=str)]
    for key, hint in hints.items():
        if key in value:
            found += problems(value[key], hint, f"{path}.{key}")
    return found


def check_known(tp: Any) -> None:
    """Raise TypeError unless the checker knows every type `tp` is made of."""
    origin = get_origin(tp)
    if origin in (NotRequired, Required, Annotated):
        check_known(get_args(tp)[0])
    elif typing.is_typeddict(tp):
        for hint in typing.get_type_hints(tp, include_extras=True).values():
            check_known(hint)
    elif origin in (Union, types.UnionType, list, dict):
        for argument in get_args(tp):
            check_known(argument)
    elif origin is not Literal and tp not in (Any, None, type(None), str, int, float, bool):
        raise TypeError(f"the checker does not know the type {tp!r}")


def assert_conforms(value: Any, tp: Any) -> None:
    found = problems(value, tp)
    assert not found, f"not a {_name(tp)}:\n  " + "\n  ".join(found)


# -- the checker itself -----------------------------------------------------------------------


def _typeddicts() -> list[Any]:
    return [value for value in vars(wire).values() if typing.is_typeddict(value) and value.__module__ == wire.__name__]


AGENT = {"employeeId": "5001", "firstname": "Kim", "lastname": "Sandoval", "username": "ksandoval"}
MEDIA = {
    "name": "voice",
    "media": "voice",
    "state": {"type": "READY", "displayName": "Ready", "operationName": "Ready"},
    "device": {"number": "5001", "dynamicPhoneNumber": None},
}


def test_the_checker_accepts_conforming_values() -> None:
    assert problems(AGENT, wire.Agent) == []
    assert problems(MEDIA, wire.Media) == []
    assert problems({k: v for k, v in MEDIA.items() if k != "device"}, wire.Media) == []  # NotRequired
    assert problems({}, wire.ToastParameters) == []  # total=False
    assert problems({"autoHideTimeout": 1500, "width": 320.5}, wire.ToastParameters) == []  # int is a number
    assert problems(["a", ["b", "c"]], list[wire.OptionValue]) == []


def test_the_checker_catches_a_missing_key() -> None:
    agent = {k: v for k, v in AGENT.items() if k != "username"}
    assert problems(agent, wire.Agent) == ["$: missing key 'username' (Agent)"]
    media = {**MEDIA, "state": {"type": "READY", "displayName": "Ready"}}
    assert problems(media, wire.Media) == ["$.state: missing key 'operationName' (State)"]
    assert problems({"label": "x"}, wire.MenuBarViewParameters) == ["$: missing key 'name' (MenuBarViewParameters)"]


def test_the_checker_catches_an_unknown_key() -> None:
    assert problems({**AGENT, "userName": "ksandoval"}, wire.Agent) == ["$: unknown key 'userName' (Agent)"]
    assert problems({"titel": "Hi"}, wire.ToastParameters) == ["$: unknown key 'titel' (ToastParameters)"]


def test_the_checker_catches_a_wrong_type() -> None:
    assert problems({**AGENT, "employeeId": 5001}, wire.Agent) == ["$.employeeId: expected a string, got int 5001"]
    device = {**MEDIA, "device": {"number": "5001", "dynamicPhoneNumber": 42}}
    [found] = problems(device, wire.Media)
    assert found == "$.device.dynamicPhoneNumber: expected a string, got int 42"
    assert problems({"buttonIndex": True, "customToastId": "t", "eventType": "CUSTOM_TOAST_BUTTON_CLICK"}, wire.ToastButtonClick) == [
        "$.buttonIndex: expected an integer, got bool True"
    ]
    assert problems({"frameState": "LEADER"}, wire.FrameStateEvent) == [
        "$.frameState: expected one of 'LEADING', 'FOLLOWING', 'NEGOTIATING', got str 'LEADER'"
    ]
    assert problems({"buttons": ["OK", 2]}, wire.ToastParameters) == ["$.buttons[1]: expected a string, got int 2"]
    assert problems({"a": {"b": 1}}, wire.Options) != []
    assert problems(None, wire.Agent) == ["$: expected an object (Agent), got null"]
    assert problems(1, wire.ProtocolVersion) == ["$: expected one of 2, got int 1"]
    with pytest.raises(AssertionError, match="missing key 'lastname'"):
        assert_conforms({"employeeId": "1", "firstname": "a", "username": "b"}, wire.Agent)


def test_every_typeddict_declares_its_optional_keys_as_annotated() -> None:
    """NotRequired/Required must reach __required_keys__ (they would not under string annotations)."""
    assert len(_typeddicts()) >= 30
    for tp in _typeddicts():
        assert tp.__doc__ and tp.__doc__.strip(), f"{tp.__name__} has no docstring"
        hints = typing.get_type_hints(tp, include_extras=True)
        assert tp.__required_keys__ | tp.__optional_keys__ == hints.keys()
        assert not tp.__required_keys__ & tp.__optional_keys__
        for key, hint in hints.items():
            marked = get_origin(hint)
            if marked is NotRequired:
                assert key in tp.__optional_keys__, (tp.__name__, key)
            elif marked is Required or tp.__total__:
                assert key in tp.__required_keys__, (tp.__name__, key)
        check_known(tp)


def test_wire_is_the_lowest_layer_and_off_the_start_up_path() -> None:
    tree = ast.parse(Path(wire.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name if isinstance(node, ast.Import) else node.module
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert imported == {"typing"}
    code = (
        "import sys, wwe_scapi, wwe_scapi.protocol, wwe_scapi.workspace, wwe_scapi.service, wwe_scapi.client; "
        "print('wwe_scapi.protocol.wire' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


# -- the workspace's values ---------------------------------------------------------------------


def new_workspace() -> Workspace:
    return Workspace(clock=ManualClock())


def test_agent_states_and_media() -> None:
    workspace = new_workspace()
    assert_conforms(workspace.agent.to_wire(), wire.Agent)
    for state in workspace.state_list:
        assert_conforms(state.to_wire(), wire.State)
    assert_conforms(workspace.agent_state().to_wire(), wire.State)
    assert_conforms(workspace.media_list(), list[wire.Media])
    assert any("device" in media for media in workspace.media_list())
    workspace.set_media_state("chat", "Ready")  # Partially Ready overall
    assert workspace.agent_state().type.value == "PARTIAL_READY"
    assert_conforms(workspace.agent_state().to_wire(), wire.State)
    assert_conforms(workspace.media_by_name("email").to_wire(), wire.Media)
    assert_conforms(workspace.configuration.select(["voice.*", "CustomAPI/test.*", "agent-status.*"]), wire.Options)


def _refused(action: Callable[[], Any]) -> None:
    with pytest.raises(WorkspaceError):
        action()


def drive(workspace: Workspace) -> list[dict[str, Any]]:
    """Take the workspace through calls, chats and emails of every kind; answers every
    Interaction the workspace handed out or listed on the way."""
    sc, voice, media, transfers, done = (
        workspace.scenario,
        workspace.voice,
        workspace.open_media,
        workspace.transfers,
        workspace.markdone,
    )
    seen: list[dict[str, Any]] = []

    def snap(*handed_out: Any) -> None:
        seen.extend(interaction.to_wire() for interaction in handed_out)
        seen.extend(workspace.interaction_list())

    # agent and media states
    workspace.set_agent_state("Ready")
    workspace.set_agent_state("NotReadyBreak")
    workspace.set_media_state("chat", "Ready")
    workspace.set_agent_state(0)

    # an inbound call: recording, user data, hold, a conference through a consultation
    call = sc.ring_inbound_call(user_data={"Account": "42", "Nested": {"a": [1, 2]}})
    snap(call)
    voice.answer(call.interaction_id)
    for operation in ("start", "pause", "resume", "stop"):
        snap(voice.recording(call.interaction_id, operation))
    workspace.desk.set_user_data(call.interaction_id, {"Note": "VIP"})
    workspace.desk.delete_user_data(call.interaction_id, "Note")
    voice.hold(call.interaction_id)
    voice.resume(call.interaction_id)
    consultation = transfers.consult(call.interaction_id, {"type": "AGENT", "destination": "5002"}, {"Why": "help"})
    snap(consultation)
    sc.remote_party_answers(consultation.interaction_id)
    snap()
    transfers.complete_conference(consultation.interaction_id)
    sc.party_leaves(call.interaction_id, "Sam Rivera")
    sc.update_contact(call.interaction_id, firstName="Jordan", lastName="Lee-Smith")
    sc.change_case_id(call.interaction_id)
    snap()
    done.block(call.interaction_id, APP, "Fill in the disposition first.")
    _refused(lambda: done.mark_done(call.interaction_id))
    done.unblock(call.interaction_id, APP)
    voice.hang_up(call.interaction_id)
    snap()
    done.mark_done(call.interaction_id)

    # outbound calls: a single-step transfer; a consultation to a routing point, then a transfer
    dialled = voice.dial("+15557654321", {"Source": "crm"})
    snap(dialled)
    sc.remote_party_answers(dialled.interaction_id)
    transfers.single_step("single-step transfer", dialled.interaction_id, "+15550001111", {"Why": "sales"})
    snap()
    done.mark_done(dialled.interaction_id)
    internal = voice.dial("5003")
    sc.remote_party_answers(internal.interaction_id)
    consultation = transfers.consult(internal.interaction_id, {"target": "ROUTING_POINT", "destination": "7001"})
    sc.remote_party_answers(consultation.interaction_id)
    snap(internal, consultation)
    transfers.complete_transfer(consultation.interaction_id)
    snap()
    done.mark_done(internal.interaction_id)

    # ringing calls not answered, rejected; an error, a single-step conference, a remote hang-up
    for rona in ("NO_ANSWER", "REDIRECTED"):
        unanswered = sc.ring_inbound_call()
        snap(sc.no_answer(unanswered.interaction_id, rona))
    rejected = sc.ring_inbound_call()
    snap(media.reject(rejected.interaction_id))
    call = sc.ring_inbound_call(ani="+15550009999", caller="Avery")
    media.accept(call.interaction_id)
    sc.interaction_error(call.interaction_id)
    transfers.single_step("single-step conference", call.interaction_id, {"type": "AGENT", "destination": "5003"})
    snap()
    sc.remote_party_hangs_up(call.interaction_id)
    snap()
    done.mark_done(call.interaction_id)

    # chats: messages, a voice consultation made a conference, a conference, ended, done
    chat = sc.deliver_chat(user_data={"Order": "1042"})
    snap(chat)
    media.accept(chat.interaction_id)
    sc.customer_sends_message(chat.interaction_id, "Are you there?")
    sc.customer_is_typing(chat.interaction_id)
    media.send_chat_message(chat.interaction_id, "Yes, looking now.")
    media.insert_standard_response(chat.interaction_id, "Thank you for waiting.")
    consultation = transfers.consult(chat.interaction_id, {"type": "AGENT", "destination": "5002", "media": "voice"})
    sc.remote_party_answers(consultation.interaction_id)
    snap(consultation)
    transfers.complete_conference(consultation.interaction_id)
    transfers.single_step("single-step conference", chat.interaction_id, {"type": "SKILL", "destination": "English"})
    sc.party_leaves(chat.interaction_id, "English")
    snap()
    media.end_chat(chat.interaction_id)
    done.mark_done(chat.interaction_id)
    failing = sc.deliver_chat(join_fails=True)
    media.accept(failing.interaction_id)
    snap(failing)
    done.mark_done(failing.interaction_id)
    guest = sc.deliver_chat(customer="Lee Wong", conference_from="Sam Rivera")
    snap(guest)
    media.accept(guest.interaction_id)
    done.mark_done(guest.interaction_id)
    snap(sc.customer_leaves_chat(sc.deliver_chat(message="").interaction_id))
    snap(sc.accepted_elsewhere(sc.deliver_chat().interaction_id))
    snap(sc.revoke(sc.deliver_chat().interaction_id))
    snap(media.reject(sc.deliver_chat().interaction_id))
    transferred = sc.deliver_chat()
    media.accept(transferred.interaction_id)
    transfers.single_step(
        "single-step transfer", transferred.interaction_id, {"type": "INTERACTION_QUEUE", "destination": "Chat Escalations"}
    )
    snap()
    done.mark_done(transferred.interaction_id)
    left = sc.deliver_chat()
    media.accept(left.interaction_id)
    sc.customer_leaves_chat(left.interaction_id)
    snap()
    done.mark_done(left.interaction_id)
    erroneous = sc.deliver_chat()
    media.accept(erroneous.interaction_id)
    sc.interaction_error(erroneous.interaction_id)
    snap()
    done.mark_done(erroneous.interaction_id)

    # emails: a reply sent, a new email cancelled, workbins and queues, failed pulls, an error
    email = sc.deliver_email(user_data={"Ticket": "T-1"})
    media.accept(email.interaction_id)
    reply = media.reply(email.interaction_id)
    snap(email, reply)
    media.insert_standard_response(reply.interaction_id, "Dear customer,")
    media.send(reply.interaction_id)
    done.mark_done(email.interaction_id)
    created = media.create_email("robin@example.com", {"Campaign": "Renewals"})
    snap(created)
    media.cancel(created.interaction_id)
    filed = sc.deliver_email()
    media.accept(filed.interaction_id)
    assert media.move_to_workbin(filed.interaction_id, "No Such Workbin") is False
    snap()
    assert media.move_to_workbin(filed.interaction_id, "Drafts") is True
    queued = sc.pull_from_queue()
    snap(queued)
    assert media.place_in_queue(queued.interaction_id, "No Such Queue") is False
    assert media.place_in_queue(queued.interaction_id, "Email Inbound") is True
    snap(sc.pull_from_workbin("No Such Workbin"), sc.pull_from_queue("No Such Queue"))
    pulled = sc.pull_from_workbin()
    done.mark_done(pulled.interaction_id)
    broken = sc.deliver_email()
    sc.interaction_error(broken.interaction_id)
    snap(broken)
    done.mark_done(broken.interaction_id)
    forwarded = sc.deliver_email()
    media.accept(forwarded.interaction_id)
    consultation = transfers.consult(
        forwarded.interaction_id, {"type": "AGENT_GROUP", "destination": "Billing", "media": "voice"}
    )
    sc.remote_party_hangs_up(consultation.interaction_id)
    transfers.single_step("single-step transfer", forwarded.interaction_id, {"type": "AGENT", "destination": "5002"})
    snap(forwarded)
    done.mark_done(forwarded.interaction_id)

    # two cases side by side: selecting one collapses the other
    first, second = sc.deliver_email(), sc.ring_inbound_call()
    media.accept(first.interaction_id)
    media.accept(second.interaction_id)
    workspace.desk.cases.select(first.case_id)
    snap()

    # the desktop's system events
    toast_id = workspace.system.popup_toast(1, {"title": "Callback", "buttons": ["Call", "Later"]})
    workspace.system.click_toast(toast_id, 1)
    sc.drop_realtime_connection()
    sc.restore_realtime_connection()
    sc.drop_realtime_connection()
    sc.realtime_connection_down()

    # outbound: every row of the preview table, and the campaign events
    warn = refuse
    outbound = workspace.outbound
    record = outbound.get_preview_record("CampaignSIP")  # a chain of two: RECORDS_RETRIEVED
    call = outbound.call(record.interaction_id, 257, warn)
    sc.remote_party_answers(call.interaction_id)
    voice.hold(call.interaction_id)
    voice.resume(call.interaction_id)
    snap(record, call)
    voice.hang_up(call.interaction_id)
    done.mark_done(call.interaction_id)
    rejected = outbound.get_preview_record("CampaignSIP")
    outbound.reject_record(rejected.interaction_id, warn)
    done.mark_done(rejected.interaction_id)
    outbound.cancel_record(outbound.get_preview_record("CampaignSIP").interaction_id, warn)
    pushed = sc.push_preview_record("CampaignPush")
    media.accept(pushed.interaction_id)
    push_call = outbound.call(pushed.interaction_id, int(pushed.user_data["GSW_RECORD_HANDLE"]), warn)
    sc.remote_party_answers(push_call.interaction_id)
    voice.hang_up(push_call.interaction_id)
    snap(pushed, push_call)
    done.mark_done(push_call.interaction_id)
    media.reject(sc.push_preview_record("CampaignPush").interaction_id)
    outbound.start_direct_push(warn)
    snap(*workspace.interactions)
    sc.load_campaign("Offer of the Month", "Predictive GVP")
    sc.start_campaign("Offer of the Month")
    sc.stop_campaign("Offer of the Month")
    sc.unload_campaign("Offer of the Month")
    return seen


INTERACTION_TOPIC: dict[str, Any] = {
    "CASE_SELECTED": wire.CaseSelectedEvent,
    "CASE_EXPANDED": wire.CaseSelectedEvent,
    "CASE_COLLAPSED": wire.CaseSelectedEvent,
    "CASE_ID_CHANGED": wire.CaseIdChangedEvent,
}
SYSTEM_TOPIC: dict[str, Any] = {
    "CUSTOM_TOAST_BUTTON_CLICK": wire.ToastButtonClick,
    "REALTIME_CONNECTION": wire.RealtimeConnectionEvent,
}


def event_type_of(topic: str, data: Any) -> Any:
    """The TypedDict an event's data must be, picked by topic and eventType."""
    event_type = str(data.get("eventType")) if isinstance(data, dict) else ""
    if topic == "agent":
        return wire.AgentStateChanged
    if topic == "media":
        return wire.MediaStateChanged
    if topic == "interaction":
        return INTERACTION_TOPIC.get(event_type, wire.InteractionEvent)
    if topic == "markdone":
        return wire.MarkdoneEvent
    if topic == "system":
        return SYSTEM_TOPIC.get(event_type, wire.FrameStateEvent)
    if topic == "outbound":
        return wire.CampaignEvent
    if topic.startswith("messenger:"):
        return Any
    raise AssertionError(f"an event on an unknown topic {topic!r}: {data!r}")


@pytest.fixture(scope="module")
def driven() -> tuple[list[DomainEvent], list[dict[str, Any]]]:
    workspace = new_workspace()
    events: list[DomainEvent] = []
    workspace.subscribe(events.append)
    interactions = drive(workspace)
    return [event for event in events if event.topic != "desktop"], interactions


def test_every_event_payload_conforms(driven: tuple[list[DomainEvent], list[dict[str, Any]]]) -> None:
    events, _ = driven
    wrong = {}
    for index, event in enumerate(events):
        found = problems(event.data, event_type_of(event.topic, event.data))
        if found:
            wrong[f"#{index} {event.topic} {event.data.get('eventType')}"] = found
    assert wrong == {}


def test_the_drive_meets_every_event_of_the_workspace(driven: tuple[list[DomainEvent], list[dict[str, Any]]]) -> None:
    events, _ = driven
    seen = {(event.topic, event.data.get("eventType")) for event in events}
    interaction_types = {event_type for topic, event_type in seen if topic == "interaction"}
    from_rules = {event_type.removeprefix("record:") for rule in lifecycle_rules().values() for event_type in rule.events}
    created = {"ADDED", "RINGING", "DIALING", "INVITED", "INVITED_CONFERENCE", "CREATED", "PULLED"}
    failed_pulls = {"PULL_FAILED", "PULL_WORKBIN_FAILED"}
    case_events = {"CASE_SELECTED", "CASE_EXPANDED", "CASE_COLLAPSED", "CASE_ID_CHANGED", "ATTACHED_DATA_CHANGED"}
    assert from_rules | created | failed_pulls | case_events <= interaction_types
    assert {("agent", "STATE_CHANGED"), ("media", "STATE_CHANGED")} <= seen
    assert {("markdone", kind) for kind in ("BLOCKED", "UNBLOCKED", "REFUSED", "DONE")} <= seen
    assert {("system", "CUSTOM_TOAST_BUTTON_CLICK"), ("system", "REALTIME_CONNECTION")} <= seen
    states = {e.data["state"] for e in events if e.data.get("eventType") == "REALTIME_CONNECTION"}
    assert states == {"DISCONNECTED", "RECONNECTED", "DOWN"}
    assert any("reason" in e.data for e in events if e.topic == "agent")
    # Every eventType the workspace announces is one the wire types name.
    assert interaction_types <= set(get_args(wire.InteractionEventType)) | set(INTERACTION_TOPIC)


def test_every_interaction_conforms(driven: tuple[list[DomainEvent], list[dict[str, Any]]]) -> None:
    events, interactions = driven
    interactions = interactions + [e.data["interaction"] for e in events if "interaction" in e.data]
    assert len(interactions) > 100
    wrong = {}
    for wire_interaction in interactions:
        found = problems(wire_interaction, wire.Interaction)
        if found:
            key = f"{wire_interaction.get('media')} {wire_interaction.get('interactionId')} {wire_interaction.get('state')}"
            wrong[key] = found
    assert wrong == {}


def test_voice_attributes_are_on_voice_interactions_only(driven: tuple[list[DomainEvent], list[dict[str, Any]]]) -> None:
    events, interactions = driven
    interactions = interactions + [e.data["interaction"] for e in events if "interaction" in e.data]
    for item in interactions:
        present = VOICE_ONLY & item.keys()
        if item.get("callType") in ("OUTBOUND_PREVIEW", "OUTBOUND_PUSH_PREVIEW"):
            assert present == {"callType"}, item  # a record not called yet: no call (reference's sample)
        elif item["media"] == "voice":
            assert VOICE_ALWAYS <= present, item
        else:
            assert not present, item
    assert {item["media"] for item in interactions} == {"voice", "chat", "email"}
    assert any("ronaCallState" in item for item in interactions)


def test_the_drive_produces_every_key_the_types_declare(driven: tuple[list[DomainEvent], list[dict[str, Any]]]) -> None:
    """A declared key the workspace never sends is a spelling to check (or not simulated yet)."""
    events, interactions = driven
    interactions = interactions + [e.data["interaction"] for e in events if "interaction" in e.data]
    for tp, values in (
        (wire.Interaction, interactions),
        (wire.Contact, [item["contact"] for item in interactions]),
        (wire.Party, [party for item in interactions for party in item["parties"]]),
    ):
        declared = set(typing.get_type_hints(tp))
        produced = {key for value in values for key in value}
        assert declared - produced == NOT_PRODUCED_YET.get(tp, set()), tp.__name__


# -- request parameters the workspace accepts -------------------------------------------------------

ACCEPTED_TOASTS: list[dict[str, Any]] = [
    {},
    {"title": "Hello"},
    {
        "title": "Callback",
        "iconUrl": "https://cdn.example/icon.png",
        "subject": "Renewal",
        "message": "Call Robin back",
        "keyValues": {"Account": "42", "Tier": "Gold"},
        "buttons": ["Call", "Later", "Never"],
        "buttonsShowDismiss": False,
        "autoHideTimeout": 5000,
        "sendToMessagePanel": True,
        "width": 400,
    },
    {"buttonsShowDismiss": True, "autoHideTimeout": 0, "width": 320.5},
    {"autoHideTimeout": 2500.5, "buttons": []},
    {"title": None, "message": None, "width": None},  # null counts as absent
]
REFUSED_TOASTS: list[dict[str, Any]] = [
    {"buttons": "OK"},
    {"title": 5},
    {"buttonsShowDismiss": "yes"},
    {"autoHideTimeout": True},
    {"keyValues": ["a"]},
    {"width": "320px"},
    {"colour": "red"},
]


@pytest.mark.parametrize("parameters", ACCEPTED_TOASTS)
def test_toast_parameters_the_workspace_accepts_conform(parameters: dict[str, Any]) -> None:
    workspace = new_workspace()
    toast_id = workspace.system.popup_toast(1, parameters)
    assert workspace.system.update_toast(toast_id, parameters) is True
    assert_conforms(parameters, wire.ToastParameters)


@pytest.mark.parametrize("parameters", REFUSED_TOASTS)
def test_toast_parameters_the_workspace_refuses_do_not_conform(parameters: dict[str, Any]) -> None:
    workspace = new_workspace()
    _refused(lambda: workspace.system.popup_toast(1, parameters))
    assert problems(parameters, wire.ToastParameters) != []


def test_the_parameter_types_name_exactly_the_keys_the_workspace_checks() -> None:
    assert set(typing.get_type_hints(wire.ToastParameters)) == set(TOAST_PARAMETERS)
    assert set(typing.get_type_hints(wire.DialogOptions)) == set(DIALOG_OPTIONS)
    assert set(typing.get_type_hints(wire.MenuBarViewParameters)) == set(VIEW_PARAMETERS)


@pytest.mark.parametrize(
    "options", [{}, {"label": "Notes"}, {"label": "Notes", "width": "430px", "height": "50%"}, {"width": 430, "height": None}]
)
def test_dialog_options_the_workspace_accepts_conform(options: dict[str, Any]) -> None:
    workspace = new_workspace()
    assert workspace.system.open_dialog(1, "https://app.example/dialog.html", options) is not None
    assert_conforms(options, wire.DialogOptions)


@pytest.mark.parametrize(
    "parameters",
    [
        {"name": "view0", "label": "Notes"},
        {"name": "view1", "iconUrl": "https://cdn.example/rss.png", "tooltip": "News"},
        {
            "name": "view2",
            "iconUrl": "https://cdn.example/rss.png",
            "label": "Main content text",
            "shortLabel": "Short",
            "tooltip": "Tooltip text",
            "labelColor": "#FFFFFF",
            "backgroundColor": "#000",
        },
    ],
)
def test_menu_bar_parameters_the_workspace_accepts_conform(parameters: dict[str, Any]) -> None:
    workspace = new_workspace()
    assert workspace.system.update_view(1, parameters) == parameters["name"]
    assert_conforms(parameters, wire.MenuBarViewParameters)


def test_target_queries_the_workspace_accepts_conform() -> None:
    workspace = new_workspace()
    for query in (
        {"type": "AGENT", "destination": "5002"},
        {"target": "ROUTING_POINT", "destination": "7001"},
        {"type": "AGENT", "destination": "5003", "media": "voice"},
    ):
        call = workspace.scenario.ring_inbound_call()
        workspace.voice.answer(call.interaction_id)
        workspace.transfers.consult(call.interaction_id, query)
        assert_conforms(query, wire.TargetQuery)


# -- envelopes -------------------------------------------------------------------------------------

ENVELOPES: list[tuple[str, dict[str, Any], Any]] = [
    ("success", success_response("agent.get", "0", AGENT), wire.SuccessResponse),
    ("success, numeric reference id", success_response("agent.getState", 7, None), wire.SuccessResponse),
    ("success, no reference id", success_response("system.amIVisible", None, True), wire.SuccessResponse),
    ("failure", failure_response("agent.setState", "1", "Unknown agent state."), wire.FailureResponse),
    ("failure, nothing named", failure_response(None, None, "not JSON"), wire.FailureResponse),
    ("subscribe", subscribe_response("2", "subscription-1", ["agent", "messenger:x"]), wire.SubscribeResponse),
    ("event", event_message("agent", {"eventType": "STATE_CHANGED", "mediaState": "READY"}), wire.EventMessage),
    ("frame id", frame_id_message(3), wire.FrameIdMessage),
]


@pytest.mark.parametrize("message, tp", [pytest.param(m, t, id=name) for name, m, t in ENVELOPES])
def test_each_envelope_is_exactly_one_service_message(message: dict[str, Any], tp: Any) -> None:
    assert_conforms(message, tp)
    matching = [arm for arm in get_args(wire.ServiceMessage) if not problems(message, arm)]
    assert matching == [tp]


# -- the whole wire: a client and the service over the in-memory network -----------------------------

RESULTS: dict[str, Any] = {
    "agent.get": wire.Agent,
    "agent.getState": wire.State,
    "agent.getStateList": list[wire.State],
    "agent.setState": None,
    "media.getMediaList": list[wire.Media],
    "media.getMediaByName": wire.Media,
    "media.setState": None,
    "configuration.getOption": wire.Options,
    "configuration.getContextualOption": wire.Options,
    "interaction.getInteractions": list[wire.Interaction],
    "interaction.getByInteractionId": wire.Interaction | None,
    "interaction.setUserData": None,
    "interaction.consult": wire.Interaction,
    "voice.dial": wire.Interaction,
    "voice.answer": None,
    "email.create": wire.Interaction,
    "system.popupToast": str,
    "system.updateToast": bool,
    "system.openDialog": str | None,
    "system.updateViewInApplicationMenuBar": str,
    "system.amIVisible": bool,
    "system.getAllowedServices": list[str],
    "messenger.broadcastMessage": int,
    "unsubscribe": bool,
}


class RecordingWindow:
    """A client transport that keeps a JSON copy of everything the client posts."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.posted: list[Any] = []

    def start(self, receiver: Callable[[Any], None], gone: Callable[[str], None] | None = None) -> None:
        self.window.start(receiver, gone)

    @property
    def destination(self) -> str:
        return str(self.window.destination)

    def post(self, message: dict[str, Any]) -> None:
        self.posted.append(json.loads(json.dumps(message)))
        self.window.post(message)

    def close(self) -> None:
        self.window.close()


async def test_everything_on_the_wire_between_a_client_and_the_service_conforms() -> None:
    workspace = new_workspace()
    network = MemoryNetwork()
    Service(workspace, OriginPolicy.parse(APP), network.service_side)
    window = RecordingWindow(network.window(APP))
    posted = window.posted
    client = ServiceClient(window)
    got: list[dict[str, Any]] = []
    subscription = await client.subscribe(
        ["agent", "media", "interaction", "system", "outbound", "markdone", "messenger:news"], got.append
    )
    await client.agent.get()
    await client.agent.get_state()
    await client.agent.get_state_list()
    await client.agent.set_state("NotReadyLunch")
    await client.media.set_state("voice", "Ready")
    await client.media.get_media_list()
    await client.media.get_media_by_name("voice")
    await client.configuration.get_option(["voice.*", "CustomAPI/test.*"])
    call = workspace.scenario.ring_inbound_call()
    await client.voice.answer(call.interaction_id)
    await client.interaction.set_user_data(call.interaction_id, {"Note": "VIP"})
    await client.configuration.get_contextual_option("interaction.case-data.*", call.interaction_id)
    await client.interaction.consult(call.interaction_id, {"type": "AGENT", "destination": "5002"})
    await client.voice.dial("+15551112222")
    await client.email.create("robin@example.com", {"Campaign": "Renewals"})
    await client.interaction.get_interactions()
    await client.interaction.get_by_interaction_id(call.interaction_id)
    await client.interaction.get_by_interaction_id("999")
    toast_id = await client.system.popup_toast({"title": "Hi", "buttons": ["A", "B"]})
    await client.system.update_toast(toast_id, {"message": "There"})
    workspace.system.click_toast(toast_id, 0)
    await client.system.open_dialog("https://app.example/d.html", {"label": "D", "width": "430px"})
    await client.system.open_dialog(None, {})
    await client.system.update_view_in_application_menu_bar({"name": "view0", "label": "News"})
    await client.system.am_i_visible()
    await client.system.get_allowed_services()
    # A broadcast goes to the other frames, not back to the sender: one comes from another
    # frame, and this client's own reaches nobody.
    other = network.connect(APP)
    assert await other.messenger.broadcast_message("news", {"headline": "Hello", "n": 1}) == 1
    assert await client.messenger.broadcast_message("news", {"headline": "Mine", "n": 2}) == 0
    for failing in (client.agent.set_state("Dancing"), client.request("no.suchRequest"), client.voice.hold("999")):
        with pytest.raises(RequestFailed):
            await failing
    await client.unsubscribe(subscription)
    for _ in range(5):
        await asyncio.sleep(0)

    # Every message each side posted is one of the envelope types.
    assert len(posted) >= 30 and len(network.sent) >= 50
    wrong = [(m, problems(m, wire.ClientMessage)) for m in posted if problems(m, wire.ClientMessage)]
    assert wrong == []
    wrong = [(m, problems(m, wire.ServiceMessage)) for _, m in network.sent if problems(m, wire.ServiceMessage)]
    assert wrong == []
    assert any("frameId" in m for m in posted[1:])

    # Each result is of the type its request returns; each event payload of its event's type.
    results = [m for _, m in network.sent if "data" in m and "event" not in m and "request" in m]
    assert {m["request"] for m in results} == set(RESULTS) | {"subscribe"}
    for message in results:
        if message["request"] != "subscribe":
            assert_conforms(message["data"], RESULTS[message["request"]])
    events = [m for _, m in network.sent if "event" in m]
    assert {m["event"] for m in events} == {"agent", "media", "interaction", "system", "messenger:news"}
    for message in events:
        assert_conforms(message["data"], event_type_of(message["event"], message["data"]))
    assert len(got) == len(events)
