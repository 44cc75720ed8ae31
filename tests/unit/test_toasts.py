"""Custom toasts through the broker: ids, every parameter and its type, unknown keys, button
order, width, auto-hide on a manual clock, update/close, My Messages, and button clicks that
reach only the frame that opened the toast."""

from __future__ import annotations

from typing import Any

import pytest

from test_system_requests import SystemBench
from wwe_scapi.workspace.toasts import DEFAULT_WIDTH_PX, TOAST_PARAMETERS, Message

POPUP = "system.popupToast"
UPDATE = "system.updateToast"
CLOSE = "system.closeToast"
KNOWN = "title, iconUrl, subject, message, keyValues, buttons, buttonsShowDismiss, autoHideTimeout, sendToMessagePanel, width"

GOOD_VALUES: dict[str, list[Any]] = {
    "title": ["Callback", ""],
    "iconUrl": ["https://icons.test/i.png"],
    "subject": ["Customer 1042"],
    "message": ["Call before noon"],
    "keyValues": [{"Phone": "+15550100", "Tries": 2}, {}],
    "buttons": [["One", "Two"], []],
    "buttonsShowDismiss": [True, False],
    "autoHideTimeout": [0, 1500, 2.5],
    "sendToMessagePanel": [True, False],
    "width": [400, 250.5],
}
WHAT: dict[str, str] = {
    "title": "a string",
    "iconUrl": "a string",
    "subject": "a string",
    "message": "a string",
    "keyValues": "an object",
    "buttons": "an array of strings",
    "buttonsShowDismiss": "a boolean",
    "autoHideTimeout": "a number of milliseconds (0 or more)",
    "sendToMessagePanel": "a boolean",
    "width": "a number of pixels (more than 0)",
}
LEFT_OUT: Any = object()
# A value of the wrong type: how it is named, and what the lenient desktop reads it as.
BAD_VALUES: dict[str, list[tuple[Any, str, Any]]] = {
    "title": [(5, "a number 5", "5"), (True, "a boolean True", "true"), (["t"], "an array ['t']", LEFT_OUT)],
    "iconUrl": [(1, "a number 1", "1"), ({}, "an object {}", LEFT_OUT)],
    "subject": [(False, "a boolean False", "false")],
    "message": [(["m"], "an array ['m']", LEFT_OUT)],
    "keyValues": [("k=v", "a string 'k=v'", LEFT_OUT), ([], "an array []", LEFT_OUT), (3, "a number 3", LEFT_OUT)],
    "buttons": [
        ("OK", "a string 'OK'", ["OK"]),
        (["a", 1], "an array ['a', 1]", ["a", "1"]),
        ({"0": "a"}, "an object {'0': 'a'}", LEFT_OUT),
    ],
    "buttonsShowDismiss": [("true", "a string 'true'", True), (1, "a number 1", True), (0, "a number 0", False)],
    "autoHideTimeout": [(-1, "a number -1", LEFT_OUT), ("5000", "a string '5000'", 5000), (True, "a boolean True", LEFT_OUT)],
    "sendToMessagePanel": [(1, "a number 1", True), ("yes", "a string 'yes'", LEFT_OUT)],
    "width": [
        (0, "a number 0", LEFT_OUT),
        (-5, "a number -5", LEFT_OUT),
        ("300px", "a string '300px'", 300),
        (True, "a boolean True", LEFT_OUT),
    ],
}
BAD_CASES = [pytest.param(k, v, s, r, id=f"{k}={v!r}") for k, cases in BAD_VALUES.items() for v, s, r in cases]


def toast_of(bench: SystemBench, toast_id: str) -> Any:
    return bench.system.toasts.toasts[toast_id]


# -- ids and parameters ------------------------------------------------------------------------


def test_ids_count_from_zero_per_service_and_are_never_reused() -> None:
    bench = SystemBench()
    assert [bench.call(POPUP, {}) for _ in range(3)] == ["wweCustomToast0", "wweCustomToast1", "wweCustomToast2"]
    assert bench.call(CLOSE, "wweCustomToast2") is True
    assert bench.call(POPUP, {}, frame=2) == "wweCustomToast3"
    assert SystemBench().call(POPUP, {}) == "wweCustomToast0"


def test_a_refused_popup_takes_no_id() -> None:
    bench = SystemBench(strict=True)
    bench.error(POPUP, {"title": 1})
    bench.error(POPUP, {"colour": "red"})
    assert bench.call(POPUP, {}) == "wweCustomToast0"


def test_the_schema_is_the_one_of_the_reference() -> None:
    assert ", ".join(TOAST_PARAMETERS) == KNOWN
    assert set(GOOD_VALUES) == set(BAD_VALUES) == set(WHAT) == set(TOAST_PARAMETERS)
    assert [check.what for check in TOAST_PARAMETERS.values()] == list(WHAT.values())


@pytest.mark.parametrize(
    "key, value", [pytest.param(k, v, id=f"{k}={v!r}") for k, values in GOOD_VALUES.items() for v in values]
)
def test_each_parameter_is_accepted_with_its_type(key: str, value: Any) -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {key: value})
    assert toast_of(bench, toast_id).parameters == {key: value}


def test_all_parameters_at_once() -> None:
    bench = SystemBench()
    parameters = {key: values[0] for key, values in GOOD_VALUES.items()}
    toast_id = bench.call(POPUP, parameters)
    assert toast_of(bench, toast_id).parameters == parameters


@pytest.mark.parametrize("key, value, shown, read", BAD_CASES)
def test_strict_mode_refuses_each_parameter_of_the_wrong_type_by_name(key: str, value: Any, shown: str, read: Any) -> None:
    bench = SystemBench(strict=True)
    assert bench.error(POPUP, {"title": "fine", key: value}) == f"Strict mode: {POPUP}: {key} must be {WHAT[key]}, got {shown}."
    assert bench.system.toasts.toasts == {} and bench.system.toasts.messages == []


@pytest.mark.parametrize("key, value, shown, read", BAD_CASES)
def test_a_parameter_of_the_wrong_type_is_read_when_it_can_be_with_a_warning(key: str, value: Any, shown: str, read: Any) -> None:
    bench = SystemBench()
    other = {"message": "fine"} if key != "message" else {"title": "fine"}
    toast_id = bench.call(POPUP, {**other, key: value})
    stray = f"{POPUP}: {key} must be {WHAT[key]}, got {shown}"
    if read is LEFT_OUT:
        assert toast_of(bench, toast_id).parameters == other
        assert bench.warnings() == [f"{stray}; left out."]
    else:
        assert toast_of(bench, toast_id).parameters == {**other, key: read}
        assert bench.warnings() == [f"{stray}; read as {read!r}."]


def test_a_well_formed_popup_has_no_warning() -> None:
    bench = SystemBench()
    bench.call(POPUP, {key: values[0] for key, values in GOOD_VALUES.items()})
    assert bench.warnings() == []


def test_null_values_count_as_absent() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"title": None, "buttons": None, "width": None, "message": "m"})
    assert toast_of(bench, toast_id).parameters == {"message": "m"}


UNKNOWN_KEYS = [
    ({"titel": "x"}, "unknown parameter 'titel'", {}),
    ({"title": "x", "colour": "red", "Width": 3}, "unknown parameters 'Width', 'colour'", {"title": "x"}),
    ({"onClick": None}, "unknown parameter 'onClick'", {}),  # even when null
]


@pytest.mark.parametrize("parameters, unknown, kept", UNKNOWN_KEYS)
def test_strict_mode_refuses_unknown_keys_by_name(parameters: dict[str, Any], unknown: str, kept: dict[str, Any]) -> None:
    bench = SystemBench(strict=True)
    assert bench.error(POPUP, parameters) == f"Strict mode: {POPUP}: {unknown}; the reference documents {KNOWN}."
    assert bench.system.toasts.toasts == {}


@pytest.mark.parametrize("parameters, unknown, kept", UNKNOWN_KEYS)
def test_unknown_keys_are_left_out_with_a_warning(parameters: dict[str, Any], unknown: str, kept: dict[str, Any]) -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, parameters)
    assert toast_of(bench, toast_id).parameters == kept
    assert bench.warnings() == [f"{POPUP}: {unknown}; the reference documents {KNOWN}; left out."]


# -- buttons -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "labels, shown",
    [
        (["B1"], [(0, "B1")]),
        (["B1", "B2"], [(1, "B2"), (0, "B1")]),
        (["B1", "B2", "B3"], [(1, "B2"), (2, "B3"), (0, "B1")]),
        (["B1", "B2", "B3", "B4", "B5"], [(1, "B2"), (2, "B3"), (3, "B4"), (4, "B5"), (0, "B1")]),
    ],
)
def test_custom_buttons_show_in_the_order_2_to_n_then_1(labels: list[str], shown: list[tuple[int, str]]) -> None:
    bench = SystemBench()
    assert toast_of(bench, bench.call(POPUP, {"buttons": labels})).buttons() == shown


@pytest.mark.parametrize(
    "parameters",
    [{"buttonsShowDismiss": True}, {"buttonsShowDismiss": True, "buttons": ["One", "Two"]}],
)
def test_show_dismiss_replaces_the_custom_buttons(parameters: dict[str, Any]) -> None:
    bench = SystemBench()
    assert toast_of(bench, bench.call(POPUP, parameters)).buttons() == [("show", "Show"), ("dismiss", "Dismiss")]


@pytest.mark.parametrize("parameters", [{}, {"buttons": []}, {"buttonsShowDismiss": False}, {"buttons": None}])
def test_ok_when_there_are_no_buttons(parameters: dict[str, Any]) -> None:
    bench = SystemBench()
    assert toast_of(bench, bench.call(POPUP, parameters)).buttons() == [("ok", "OK")]


def test_show_dismiss_false_keeps_the_custom_buttons() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["Yes", "No"], "buttonsShowDismiss": False})
    assert toast_of(bench, toast_id).buttons() == [(1, "No"), (0, "Yes")]


# -- width -------------------------------------------------------------------------------------


def test_width_takes_precedence_over_the_option() -> None:
    bench = SystemBench({"service-client-api.toast.width": "480"})
    toasts = bench.system.toasts
    assert toasts.width(toast_of(bench, bench.call(POPUP, {"width": 200}))) == 200
    assert toasts.width(toast_of(bench, bench.call(POPUP, {}))) == 480


def test_without_the_option_the_default_width_is_used() -> None:
    bench = SystemBench()
    assert bench.system.toasts.option_width == DEFAULT_WIDTH_PX == 320
    assert bench.system.toasts.width(toast_of(bench, bench.call(POPUP, {}))) == 320
    emptied = SystemBench({"service-client-api.toast.width": ""})
    assert emptied.system.toasts.option_width is None
    assert emptied.system.toasts.width(toast_of(emptied, emptied.call(POPUP, {}))) == DEFAULT_WIDTH_PX


def test_an_update_can_change_the_width() -> None:
    bench = SystemBench({"service-client-api.toast.width": "480"})
    toast_id = bench.call(POPUP, {})
    bench.call(UPDATE, toast_id, {"width": 150})
    assert bench.system.toasts.width(toast_of(bench, toast_id)) == 150


# -- auto-hide ---------------------------------------------------------------------------------


def test_a_toast_hides_on_the_tick_after_its_timeout_not_before() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"autoHideTimeout": 1500})
    bench.clock.advance(5)
    assert toast_id in bench.system.toasts.toasts  # time alone does nothing: tick() acts
    bench.workspace.tick()
    assert toast_id not in bench.system.toasts.toasts


def test_auto_hide_deadline_is_exact() -> None:
    bench = SystemBench()
    early = bench.call(POPUP, {"autoHideTimeout": 1500})
    late = bench.call(POPUP, {"autoHideTimeout": 2500})
    forever = bench.call(POPUP, {"autoHideTimeout": 0})
    plain = bench.call(POPUP, {})
    assert bench.system.next_deadline() == 1.5
    bench.later(1.499)
    assert set(bench.system.toasts.toasts) == {early, late, forever, plain}
    bench.later(0.001)
    assert set(bench.system.toasts.toasts) == {late, forever, plain}
    assert bench.system.next_deadline() == 2.5
    bench.later(1)
    bench.later(3600)
    assert set(bench.system.toasts.toasts) == {forever, plain}
    assert bench.system.next_deadline() is None
    assert bench.call(UPDATE, early, {"title": "x"}) is False  # hidden toasts are gone
    assert bench.call(CLOSE, late) is False


def test_auto_hide_sends_no_event_to_frames() -> None:
    bench = SystemBench()
    bench.call(POPUP, {"autoHideTimeout": 10, "buttons": ["a"]})
    bench.later(1)
    assert bench.events(1) == [] and bench.events(2) == []


# -- updateToast and closeToast ----------------------------------------------------------------


def test_update_merges_the_parameters_and_answers_true() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"title": "T", "message": "M", "buttons": ["A", "B"]})
    assert bench.call(UPDATE, toast_id, {"message": "N", "subject": "S", "title": None}) is True
    assert toast_of(bench, toast_id).parameters == {"title": "T", "message": "N", "buttons": ["A", "B"], "subject": "S"}
    assert bench.call(UPDATE, toast_id, {"buttons": ["A", "B", "C"]}) is True
    assert toast_of(bench, toast_id).buttons() == [(1, "B"), (2, "C"), (0, "A")]
    assert bench.call(UPDATE, toast_id, {}, frame=2) is True  # any frame may update it


def test_update_of_an_unknown_id_answers_false() -> None:
    bench = SystemBench()
    reply = bench.reply(UPDATE, "wweCustomToast7", {"title": "x"})
    assert reply["data"] is False and "errorMessage" not in reply


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"mesage": "x"}, f"Strict mode: {UPDATE}: unknown parameter 'mesage'; the reference documents {KNOWN}."),
        ({"title": 5}, f"Strict mode: {UPDATE}: title must be a string, got a number 5."),
        ({"autoHideTimeout": -1}, f"Strict mode: {UPDATE}: autoHideTimeout must be a number of milliseconds (0 or more), got a number -1."),
    ],
)
def test_strict_mode_refuses_invalid_update_parameters_even_for_an_unknown_id(parameters: dict[str, Any], message: str) -> None:
    bench = SystemBench(strict=True)
    assert bench.error(UPDATE, "wweCustomToast7", parameters) == message
    toast_id = bench.call(POPUP, {"title": "T"})
    assert bench.error(UPDATE, toast_id, parameters) == message
    assert toast_of(bench, toast_id).parameters == {"title": "T"}  # a refused update changes nothing


def test_update_with_a_timeout_restarts_the_auto_hide() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"autoHideTimeout": 1000})
    bench.later(0.8)
    assert bench.call(UPDATE, toast_id, {"autoHideTimeout": 1000}) is True
    assert toast_of(bench, toast_id).hide_at == pytest.approx(1.8)
    bench.later(0.9)
    assert toast_id in bench.system.toasts.toasts  # 1.7 s: the first deadline has passed
    bench.later(0.1)
    assert toast_id not in bench.system.toasts.toasts


def test_update_without_a_timeout_keeps_the_deadline() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"autoHideTimeout": 1000})
    bench.later(0.5)
    bench.call(UPDATE, toast_id, {"title": "still"})
    assert toast_of(bench, toast_id).hide_at == 1.0
    bench.later(0.5)
    assert toast_id not in bench.system.toasts.toasts


def test_update_can_start_and_stop_the_auto_hide() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {})
    assert toast_of(bench, toast_id).hide_at is None
    bench.later(10)
    bench.call(UPDATE, toast_id, {"autoHideTimeout": 2000})
    assert toast_of(bench, toast_id).hide_at == 12
    bench.call(UPDATE, toast_id, {"autoHideTimeout": 0})
    assert toast_of(bench, toast_id).hide_at is None
    bench.later(100)
    assert toast_id in bench.system.toasts.toasts


def test_close_answers_true_then_false() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["a"]})
    assert bench.call(CLOSE, "wweCustomToast9") is False
    assert bench.call(CLOSE, toast_id, frame=2) is True
    assert bench.call(CLOSE, toast_id) is False
    assert bench.system.click_toast(toast_id, 0) is None
    assert bench.events(1) == []


# -- My Messages -------------------------------------------------------------------------------


def test_send_to_message_panel_keeps_the_toast_in_my_messages() -> None:
    bench = SystemBench()
    toast_id = bench.call(
        POPUP,
        {
            "title": "T",
            "subject": "S",
            "message": "M",
            "iconUrl": "https://icons.test/i.png",
            "keyValues": {"k": "v"},
            "sendToMessagePanel": True,
            "autoHideTimeout": 100,
        },
    )
    bench.call(POPUP, {"title": "not kept"})
    bench.call(POPUP, {"title": "not kept either", "sendToMessagePanel": False})
    bench.later(1)
    bench.call(CLOSE, toast_id)
    assert bench.system.toasts.messages == [Message(toast_id, "T", "S", "M", "https://icons.test/i.png", {"k": "v"})]


def test_a_message_without_details_has_empty_fields() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"sendToMessagePanel": True})
    assert bench.system.toasts.messages == [Message(toast_id, None, None, None, None, {})]


def test_my_messages_keep_a_copy_of_the_key_values() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"keyValues": {"k": "v"}, "sendToMessagePanel": True})
    toast_of(bench, toast_id).parameters["keyValues"]["k"] = "changed"
    assert bench.system.toasts.messages[0].key_values == {"k": "v"}


# -- button clicks -----------------------------------------------------------------------------


def test_a_custom_button_click_goes_only_to_the_frame_that_opened_the_toast() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["One", "Two", "Three"]}, frame=2)
    choice = bench.system.click_toast(toast_id, 2)
    assert choice is not None and choice.button_index == 2 and not choice.bring_forward
    assert choice.toast.owner == 2
    assert bench.events(2) == [{"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 2}]
    assert bench.events(1) == [] and bench.events(3) == []
    assert toast_id not in bench.system.toasts.toasts  # a click closes it
    assert bench.system.click_toast(toast_id, 2) is None


def test_button_1_is_index_0() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["Only"]})
    bench.system.click_toast(toast_id, 0)
    assert bench.events(1) == [{"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 0}]
    assert bench.events(2) == []


def test_the_click_event_travels_as_a_system_event_message() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["a", "b"]})
    bench.system.click_toast(toast_id, 1)
    message = bench.outbox.last(1)
    assert message["event"] == "system" and "referenceId" not in message
    assert message["data"] == {"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 1}


def test_a_frame_not_subscribed_to_system_is_told_nothing() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttons": ["a", "b"]}, frame=3)  # frame 3 is not subscribed
    assert bench.system.click_toast(toast_id, 1) is not None
    assert [m for _, m in bench.outbox.sent if "event" in m] == []
    bench.subscribe(3, "agent", "interaction")  # other topics do not carry it either
    toast_id = bench.call(POPUP, {"buttons": ["a", "b"]}, frame=3)
    bench.system.click_toast(toast_id, 0)
    assert [m for _, m in bench.outbox.sent if "event" in m] == []


def test_a_frame_that_unsubscribed_is_told_nothing() -> None:
    bench = SystemBench(subscribed=(2,))
    subscription = bench.subscribe(1, "system")["subscriptionId"]
    bench.service.receive(1, bench.ORIGIN_OF[1], {"event": "unsubscribe", "data": subscription, "referenceId": "u"})
    assert bench.outbox.last(1)["data"] is True
    toast_id = bench.call(POPUP, {"buttons": ["a"]})
    bench.system.click_toast(toast_id, 0)
    assert bench.events(1) == [] and bench.events(2) == []


@pytest.mark.parametrize("choice, bring_forward", [("show", True), ("dismiss", False)])
def test_show_and_dismiss_send_no_event(choice: str, bring_forward: bool) -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {"buttonsShowDismiss": True}, frame=2)
    outcome = bench.system.click_toast(toast_id, choice)
    assert outcome is not None and outcome.bring_forward is bring_forward and outcome.button_index is None
    assert outcome.toast.owner == 2 and toast_id not in bench.system.toasts.toasts
    assert bench.events(1) == [] and bench.events(2) == []


def test_ok_closes_the_toast_without_an_event() -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, {})
    outcome = bench.system.click_toast(toast_id, "ok")
    assert outcome is not None and not outcome.bring_forward and outcome.button_index is None
    assert bench.events(1) == [] and toast_id not in bench.system.toasts.toasts


@pytest.mark.parametrize(
    "parameters, choice",
    [
        ({"buttons": ["a", "b", "c"]}, 3),
        ({"buttons": ["a", "b", "c"]}, -1),
        ({"buttons": ["a", "b", "c"]}, "show"),
        ({"buttons": ["a", "b", "c"]}, "ok"),
        ({"buttons": ["a", "b", "c"]}, True),  # True == 1 in Python, but it is no button index
        ({"buttons": ["a", "b", "c"]}, 1.0),
        ({"buttons": ["a", "b", "c"]}, "1"),
        ({"buttonsShowDismiss": True, "buttons": ["a"]}, 0),
        ({"buttonsShowDismiss": True}, "ok"),
        ({}, 0),
        ({}, "show"),
        ({}, "OK"),
    ],
)
def test_a_choice_not_offered_does_nothing(parameters: dict[str, Any], choice: Any) -> None:
    bench = SystemBench()
    toast_id = bench.call(POPUP, parameters)
    assert bench.system.click_toast(toast_id, choice) is None
    assert toast_id in bench.system.toasts.toasts
    assert bench.events(1) == []


def test_a_click_on_an_unknown_toast_does_nothing() -> None:
    bench = SystemBench()
    assert bench.system.click_toast("wweCustomToast0", 0) is None
    assert bench.system.click_toast("nope", "ok") is None
    assert bench.events(1) == []
