"""Outbound requests refused through the broker, each message naming the campaign, record,
state or field and what is needed, with nothing changed; then what strays from the documented
form but is served, with a warning on the request's log row, and fails in strict mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import pytest

from outbound_support import DIRECT, FIRST_CHAIN, PULL, PUSH, OutboundBench
from unit_support import refusal_of

# -- campaigns ----------------------------------------------------------------------------------


def test_an_unknown_campaign_is_refused_naming_the_loaded_ones() -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Winter Offer", "Preview")
    assert bench.error("outbound.getPreviewRecord", "Summer Offer") == (
        "Campaign 'Summer Offer' is not loaded for this agent (loaded campaigns: "
        "'CampaignSIP', 'CampaignPush', 'CampaignDirect', 'Winter Offer')."
    )


def test_with_no_campaign_loaded_the_refusal_says_none() -> None:
    bench = OutboundBench()
    for name in (PULL, PUSH, DIRECT):
        bench.scenario.unload_campaign(name)
    assert bench.error("outbound.getPreviewRecord", PULL) == (
        "Campaign 'CampaignSIP' is not loaded for this agent (loaded campaigns: none)."
    )


def test_an_unloaded_campaign_is_unknown() -> None:
    bench = OutboundBench()
    bench.scenario.unload_campaign(PULL)
    assert "Campaign 'CampaignSIP' is not loaded for this agent" in bench.error("outbound.getPreviewRecord", PULL)


@pytest.mark.parametrize("stop", [True, False], ids=["stopped", "loaded-never-started"])
def test_a_campaign_that_is_not_running_hands_out_no_record(stop: bool) -> None:
    bench = OutboundBench()
    if stop:
        bench.scenario.stop_campaign(PULL)
        name, status = PULL, "Stopped"
    else:
        name, status = "Winter Offer", "Loaded"
        bench.scenario.load_campaign(name, "Preview", records=[{"GSW_PHONE": "+15550199", "Customer Name": "Pat Doe"}])
    bench.events()
    assert bench.error("outbound.getPreviewRecord", name) == f"Campaign {name!r} is {status}, not running: start it first."
    assert bench.events() == []


@pytest.mark.parametrize(
    "name, mode", [(PUSH, "Push Preview"), (DIRECT, "Direct Push Preview")], ids=["push", "direct-push"]
)
def test_get_preview_record_is_for_preview_campaigns_only(name: str, mode: str) -> None:
    bench = OutboundBench()
    assert bench.error("outbound.getPreviewRecord", name) == (
        f"Campaign {name!r} is a {mode} campaign: getPreviewRecord asks for records of Preview campaigns."
    )
    assert bench.events() == []


def test_a_dialer_campaign_hands_out_no_preview_record() -> None:
    bench = OutboundBench()
    bench.scenario.load_campaign("Offer of the Month", "Predictive GVP")
    bench.scenario.start_campaign("Offer of the Month")
    assert bench.error("outbound.getPreviewRecord", "Offer of the Month") == (
        "Campaign 'Offer of the Month' is a Predictive GVP campaign: getPreviewRecord asks for records of Preview campaigns."
    )


def test_a_pull_campaign_pushes_nothing() -> None:
    bench = OutboundBench()
    assert refusal_of(lambda: bench.scenario.push_preview_record(PULL)) == (
        "Campaign 'CampaignSIP' is a Preview campaign: records are pushed by Push Preview and Direct Push Preview campaigns."
    )


def test_an_exhausted_calling_list_is_refused_naming_it() -> None:
    bench = OutboundBench()
    chains = len({record.chain_id for record in bench.workspace.campaigns.get(PULL).calling_list.records})
    for _ in range(chains):
        bench.pull()
    bench.events()
    assert bench.error("outbound.getPreviewRecord", PULL) == (
        "Campaign 'CampaignSIP' has no record left in its calling list 'CampaignSIP List'."
    )
    assert bench.events() == []


def test_a_record_once_handed_out_is_not_handed_out_again() -> None:
    bench = OutboundBench()
    first = bench.pull()
    bench.call("interaction.markdone", bench.released(first))
    second = bench.pull()
    assert bench.handles(second) == [259]


# -- calling a record ---------------------------------------------------------------------------


def test_a_handle_outside_the_chain_is_refused_naming_the_chain() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.events()
    assert bench.error("outbound.callPreviewRecord", preview, 301) == (
        "Record 301 is not in the chain of interaction '1' (its records: 257, 258)."
    )
    assert bench.events() == []


@pytest.mark.parametrize("handle", ["abc", True, None, {"handle": 257}, -257], ids=["text", "boolean", "null", "object", "negative"])
def test_a_handle_that_is_no_record_number_is_refused(handle: Any) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.events()
    assert bench.outcome("outbound.callPreviewRecord", preview, handle) is not None
    assert bench.events() == [] and len(bench.call("interaction.getInteractions")) == 1


def test_a_record_is_called_once() -> None:
    bench = OutboundBench()
    call = bench.dial(bench.pull(), 258)
    bench.events()
    assert bench.error("outbound.callPreviewRecord", call, 257) == (
        "Record 258 of campaign 'CampaignSIP' is already called (interaction '2')."
    )
    assert bench.events() == []


def test_a_released_call_names_the_call_not_its_removed_preview() -> None:
    # The pull preview interaction leaves when the call is released: refusals must not send
    # the app looking for it.
    bench = OutboundBench()
    call = bench.released(bench.pull())
    assert bench.error("outbound.callPreviewRecord", call, 258) == (
        "Record 257 of campaign 'CampaignSIP' is already called (interaction '2')."
    )


@pytest.mark.parametrize("name, state", [("outbound.rejectPreviewRecord", "REJECTED"), ("outbound.cancelPreviewRecord", "CANCELED")])
def test_a_rejected_or_cancelled_record_cannot_be_called(name: str, state: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call(name, preview)
    bench.events()
    assert bench.error("outbound.callPreviewRecord", preview, 257) == (
        f"Record 257 of campaign 'CampaignSIP': Cannot call interaction '1': it is {state}; call needs PREVIEWING."
    )
    assert bench.events() == []


def test_a_record_is_not_called_while_the_voice_channel_is_logged_out() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call("agent.setState", "Logout")
    bench.events()
    assert bench.error("outbound.callPreviewRecord", preview, 257) == (
        "The agent's voice channel is logged out: set a voice state first."
    )
    assert bench.steps() == []
    assert bench.call("outbound.getChainedRecords", preview)[0]["records"][0]["GSW_ATTEMPTS"] == 0
    bench.call("agent.setState", "Ready")
    assert bench.call("outbound.callPreviewRecord", preview, 257)["state"] == "DIALING"


def test_a_pushed_record_is_accepted_before_it_is_called() -> None:
    bench = OutboundBench()
    preview = bench.push()
    bench.events()
    assert bench.error("outbound.callPreviewRecord", preview, 401) == (
        "Record 401 of campaign 'CampaignPush': Cannot call interaction '1': it is INVITED; call needs PREVIEWING."
    )
    assert bench.events() == []


def test_a_previewing_record_cannot_be_accepted_again() -> None:
    bench = OutboundBench()
    preview = bench.accepted()
    assert bench.error("interaction.accept", preview) == (
        "Record 401 of campaign 'CampaignPush': Cannot accept interaction '1': it is PREVIEWING; accept needs INVITED."
    )


def test_a_pulled_record_is_not_an_invitation_to_reject() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert bench.error("interaction.reject", preview) == (
        "Record 257 of campaign 'CampaignSIP': Cannot reject interaction '1': it is PREVIEWING; reject needs INVITED."
    )


def test_a_pulled_record_not_called_is_not_marked_done() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.events()
    assert bench.error("interaction.markdone", preview) == (
        "Cannot mark done interaction '1': it is PREVIEWING; mark done needs CANCELED or REJECTED."
    )
    assert bench.events() == []


# -- reject and cancel --------------------------------------------------------------------------

REJECT_CANCEL = [("outbound.rejectPreviewRecord", "reject"), ("outbound.cancelPreviewRecord", "cancel")]


@pytest.mark.parametrize("name, what", REJECT_CANCEL)
@pytest.mark.parametrize("released", [False, True], ids=["live-call", "released-call"])
def test_a_called_record_cannot_be_rejected_or_cancelled(name: str, what: str, released: bool) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    call = bench.released(preview) if released else bench.talking(preview)
    bench.events()
    assert bench.error(name, call) == (
        f"Cannot {what} record 257 (interaction '1'): it has been called (interaction '2'); "
        "set a call result and mark the call done instead."
    )
    assert bench.events() == []


@pytest.mark.parametrize("name, what", REJECT_CANCEL)
def test_without_an_id_and_no_record_waiting_reject_and_cancel_are_refused(name: str, what: str) -> None:
    bench = OutboundBench()
    assert bench.error(name) == f"{name}: there is no preview record waiting to be called, rejected or cancelled."


@pytest.mark.parametrize("name, what", REJECT_CANCEL)
def test_without_an_id_called_rejected_and_cancelled_records_are_not_waiting(name: str, what: str) -> None:
    bench = OutboundBench()
    bench.talking(bench.pull())
    bench.call("outbound.rejectPreviewRecord", bench.pull())
    bench.call("outbound.cancelPreviewRecord", bench.pull())
    bench.events()
    assert bench.error(name) == f"{name}: there is no preview record waiting to be called, rejected or cancelled."
    assert bench.events() == []


@pytest.mark.parametrize("name, state", [("outbound.rejectPreviewRecord", "REJECTED"), ("outbound.cancelPreviewRecord", "CANCELED")])
def test_a_record_rejected_or_cancelled_once_is_refused_the_second_time(name: str, state: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call(name, preview)
    operation = "reject record" if state == "REJECTED" else "cancel record"
    assert bench.error(name, preview) == (
        f"Record 257 of campaign 'CampaignSIP': Cannot {operation} interaction '1': it is {state}; {operation} needs PREVIEWING."
    )


def test_a_pushed_record_not_yet_accepted_cannot_be_cancelled() -> None:
    bench = OutboundBench()
    preview = bench.push()
    assert bench.error("outbound.cancelPreviewRecord", preview) == (
        "Record 401 of campaign 'CampaignPush': Cannot cancel record interaction '1': it is INVITED; cancel record needs PREVIEWING."
    )


# -- the work on a record that needs its call ---------------------------------------------------


@pytest.mark.parametrize(
    "name, more",
    [("outbound.setCallResult", (6,)), ("outbound.setDoNotCall", ()), ("outbound.removeDoNotCall", ())],
)
def test_call_results_and_do_not_call_need_an_active_or_completed_call(name: str, more: tuple[Any, ...]) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    before = bench.outcomes()
    assert bench.error(name, preview, *more) == (
        f"{name} needs an active or completed call: record 257 (interaction '1') is PREVIEWING, "
        "not called yet (outbound.callPreviewRecord)."
    )
    assert bench.outcomes() == before


def test_a_completed_call_takes_a_call_result_and_do_not_call() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    assert bench.call("outbound.setCallResult", call, 33) is None
    assert bench.call("outbound.setDoNotCall", call) is None
    assert (bench.outcomes()[257]["callResult"], bench.outcomes()[257]["doNotCall"]) == (33, True)


def test_do_not_call_refuses_a_call_result() -> None:
    bench = OutboundBench()
    call = bench.talking(bench.pull())
    bench.call("outbound.setCallResult", call, 33)
    bench.call("outbound.setDoNotCall", call)
    assert bench.error("outbound.setCallResult", call, 6) == (
        "outbound.setCallResult: record 257 is set to Do Not Call; remove it (outbound.removeDoNotCall) to set a call result."
    )
    assert bench.call("outbound.getCallResult", call) == 33
    bench.call("outbound.removeDoNotCall", call)
    assert bench.call("outbound.setCallResult", call, 6) is None
    assert bench.call("outbound.getCallResult", call) == 6


@pytest.mark.parametrize("given", ["busy", "", True, 6.5, "-1", {"code": 6}, [6]], ids=["name", "empty", "boolean", "fraction", "negative-text", "object", "array"])
def test_a_call_result_that_is_not_a_number_is_refused(given: Any) -> None:
    bench = OutboundBench()
    call = bench.talking(bench.pull())
    assert bench.error("outbound.setCallResult", call, given) == (
        f"outbound.setCallResult: callResult must be a number (a code of getListOfCallResults), got {given!r}."
    )
    assert bench.call("outbound.getCallResult", call) is None


# -- record fields ------------------------------------------------------------------------------


def _refused_unchanged(bench: OutboundBench, interaction_id: str, record_data: dict[str, Any]) -> str:
    """updateRecordFields refused: its message; the record's fields and its chain unchanged."""
    fields = bench.call("outbound.getRecordFields", interaction_id)
    chain = bench.call("outbound.getChainedRecords", interaction_id)
    bench.events()
    message = bench.error("outbound.updateRecordFields", interaction_id, record_data)
    assert bench.call("outbound.getRecordFields", interaction_id) == fields
    assert bench.call("outbound.getChainedRecords", interaction_id) == chain
    assert bench.events() == []
    return message


def test_an_unknown_field_is_refused_naming_the_fields() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    names = ", ".join(bench.fields(preview))
    assert _refused_unchanged(bench, preview, {"Favourite Colour": "blue"}) == (
        f"Record 257 has no field 'Favourite Colour'; its fields: {names}. Nothing was changed."
    )


@pytest.mark.parametrize(
    "name, display, value",
    [("GSW_TZ_NAME", "Time Zone", "EST"), ("Account Number", "Account Number", "AC-9999"), ("GSW_ATTEMPTS", "Attempts", 0)],
)
def test_a_field_that_is_not_editable_is_refused(name: str, display: str, value: Any) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _refused_unchanged(bench, preview, {name: value}) == (
        f"Field {name!r} ({display}) of record 257 is not editable. Nothing was changed."
    )


NEEDS = {
    "int": "a whole number (valueType number)",
    "float": "a number (valueType number)",
    "char": "a string of one character (valueType string)",
    "var-char": "a string (valueType string)",
    "date": 'a date string "MM/DD/YYYY HH:MM" (valueType string)',
    "time": 'a time string "HH:MM" (valueType string)',
    "bool": "true or false (valueType boolean)",
    "enum": "one of its option codes (valueType number)",
}
WRONG_TYPES = [
    ("Custom Integer", "Custom Integer", "int", "5", "a string '5'"),
    ("Custom Integer", "Custom Integer", "int", 1.5, "a number 1.5"),
    ("Custom Integer", "Custom Integer", "int", True, "a boolean True"),
    ("Custom Float", "Custom Float", "float", "16.64", "a string '16.64'"),
    ("Custom Float", "Custom Float", "float", False, "a boolean False"),
    ("Custom Character", "Custom Character", "char", "cd", "a string 'cd'"),
    ("Custom Character", "Custom Character", "char", 7, "a number 7"),
    ("GSW_CUSTOM_STRING", "Custom String", "var-char", 42, "a number 42"),
    ("GSW_PHONE", "Phone", "var-char", 33647005, "a number 33647005"),
    ("Custom Datetime", "Custom Datetime", "date", "2021-03-17 14:42", "a string '2021-03-17 14:42'"),
    ("Custom Datetime", "Custom Datetime", "date", "03/17/2021", "a string '03/17/2021'"),
    ("Custom Datetime", "Custom Datetime", "date", "02/30/2021 10:00", "a string '02/30/2021 10:00'"),
    ("Custom Datetime", "Custom Datetime", "date", "13/01/2021 10:00", "a string '13/01/2021 10:00'"),
    ("Custom Time", "Best Time To Call", "time", "24:00", "a string '24:00'"),
    ("Custom Time", "Best Time To Call", "time", "10:15:30", "a string '10:15:30'"),
    ("Custom Time", "Best Time To Call", "time", "10h15", "a string '10h15'"),
    ("GSW_UNTIL", "Call Until", "time", 86399, "a number 86399"),
    ("Custom Boolean", "Existing Customer", "bool", "true", "a string 'true'"),
    ("Custom Boolean", "Existing Customer", "bool", 1, "a number 1"),
    ("Custom Enum", "Offer", "enum", "2", "a string '2'"),
    ("GSW_PHONE_TYPE", "Phone Type", "enum", "9", "a string '9'"),
]


@pytest.mark.parametrize(
    "name, display, field_type, given, described", WRONG_TYPES, ids=[f"{row[2]}-{row[3]!r}" for row in WRONG_TYPES]
)
def test_a_value_of_the_wrong_type_is_refused_naming_what_is_needed(
    name: str, display: str, field_type: str, given: Any, described: str
) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _refused_unchanged(bench, preview, {name: given}) == (
        f"Field {name!r} ({display}, {field_type}) needs {NEEDS[field_type]}; got {described}. Nothing was changed on record 257."
    )


def test_the_types_refused_cover_every_field_type_of_the_list() -> None:
    bench = OutboundBench()
    types = {field["fieldType"] for field in bench.call("outbound.getRecordFields", bench.pull())}
    assert {row[2] for row in WRONG_TYPES} == types == set(NEEDS)


@pytest.mark.parametrize(
    "name, display, given, options",
    [
        ("Custom Enum", "Offer", 4, "1 (Gold), 2 (Silver), 3 (Bronze)"),
        (
            "GSW_PHONE_TYPE",
            "Phone Type",
            12,
            "0 (None), 1 (Home Phone), 2 (Direct Business Phone), 3 (Business With Extension), 4 (Mobile), "
            "5 (Vacation Phone), 6 (Pager), 7 (Modem), 8 (Voice Mail), 9 (Pin Pager), 10 (Email Address), "
            "11 (Instant Messaging)",
        ),
    ],
)
def test_an_enum_value_outside_its_options_is_refused_naming_them(name: str, display: str, given: int, options: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _refused_unchanged(bench, preview, {name: given}) == (
        f"Field {name!r} ({display}, enum) has no option {given}; its options are {options}. Nothing was changed on record 257."
    )


@pytest.mark.parametrize(
    "name, display, field_type",
    [("Customer Name", "Customer Name", "var-char"), ("GSW_PHONE", "Phone", "var-char"), ("GSW_FROM", "Call From", "time")],
)
@pytest.mark.parametrize("emptied", ["", None], ids=["empty", "null"])
def test_a_mandatory_field_cannot_be_emptied(name: str, display: str, field_type: str, emptied: str | None) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _refused_unchanged(bench, preview, {name: emptied}) == (
        f"Field {name!r} ({display}, {field_type}) is mandatory: it cannot be made empty. Nothing was changed on record 257."
    )


def test_an_optional_field_may_be_emptied() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call("outbound.updateRecordFields", preview, {"GSW_CUSTOM_STRING": "", "Custom Integer": None})
    assert (bench.fields(preview)["GSW_CUSTOM_STRING"], bench.fields(preview)["Custom Integer"]) == ("", "")


@pytest.mark.parametrize(
    "refused",
    [{"Custom Integer": "many"}, {"Account Number": "AC-0"}, {"Customer Name": ""}, {"Nope": 1}, {"Custom Enum": 9}],
    ids=["wrong-type", "not-editable", "mandatory-emptied", "unknown", "not-an-option"],
)
def test_one_refused_field_changes_nothing_of_the_batch(refused: dict[str, Any]) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    batch = {"GSW_CUSTOM_STRING": "Changed", "GSW_PHONE": "+33600000000", "Custom Boolean": False, **refused, "Custom Float": 1.5}
    _refused_unchanged(bench, preview, batch)
    assert bench.fields(preview)["GSW_CUSTOM_STRING"] == "Hi there!"


def test_a_valid_batch_changes_every_field_of_it() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call(
        "outbound.updateRecordFields",
        preview,
        {
            "GSW_CUSTOM_STRING": "Custom message",
            "GSW_PHONE": "+33600000000",
            "GSW_PHONE_TYPE": 9,
            "GSW_UNTIL": "23:45",
            "Custom Integer": 7,
            "Custom Float": 2.5,
            "Custom Character": "z",
            "Custom Datetime": "12/01/2026 09:05",
            "Custom Time": "07:45",
            "Custom Boolean": False,
            "Custom Enum": 3,
        },
    )
    assert bench.warnings() == []
    fields = bench.fields(preview)
    assert {name: fields[name] for name in ("GSW_CUSTOM_STRING", "GSW_PHONE", "GSW_PHONE_TYPE", "GSW_UNTIL")} == {
        "GSW_CUSTOM_STRING": "Custom message",
        "GSW_PHONE": "+33600000000",
        "GSW_PHONE_TYPE": "9",
        "GSW_UNTIL": "23:45",
    }
    assert [fields[name] for name in ("Custom Integer", "Custom Float", "Custom Character", "Custom Datetime", "Custom Time", "Custom Boolean", "Custom Enum")] == [
        "7", "2.5", "z", "12/01/2026 09:05", "07:45", "false", "3",
    ]
    record = bench.call("outbound.getChainedRecords", preview)[0]["records"][0]
    assert (record["GSW_UNTIL"], record["GSW_PHONE_TYPE"], record["Custom Datetime"]) == (85500, 9, "2026-12-01 09:05:00")


# -- reschedule ---------------------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)  # ManualClock's default wall time


def _casey(bench: OutboundBench) -> tuple[str, int]:
    """CampaignSIP's Casey Nguyen (PST, Call From 09:00 Until 17:00): her preview and record handle."""
    for _ in range(3):
        preview = bench.pull()
        record = bench.call("outbound.getChainedRecords", preview)[0]["records"][0]
        if record["Customer Name"] == "Casey Nguyen":
            assert (record["GSW_TZ_NAME"], record["GSW_TZ_OFFSET"]) == ("PST", -28800)
            return preview, int(record["GSW_RECORD_HANDLE"])
    raise AssertionError("Casey Nguyen is not among CampaignSIP's first three chains")


def _reschedule(bench: OutboundBench, preview: str, handle: int, date: Any, kind: Any = "CAMPAIGN") -> str | None:
    return bench.outcome("outbound.rescheduleRecord", preview, handle, date, kind)


@pytest.mark.parametrize(
    "date", ["2026-11-25 10:00", "11/25/2026", "11/25/2026 10:00:00", "11/31/2026 10:00", "11/25/2026 25:00", ""],
)
def test_a_malformed_reschedule_date_is_refused(date: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 257, date) == (
        f'rescheduleRecord: rescheduleDate must read "MM/DD/YYYY HH:MM" (in the record\'s time zone), got {date!r}.'
    )
    assert bench.outcomes()[257]["reschedule"] is None


def test_a_reschedule_date_that_is_no_string_is_refused() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 257, 20261125) == (
        "Parameter 3 (rescheduleDate) of outbound.rescheduleRecord must be a string, got a number."
    )


def test_the_record_time_zone_decides_what_is_past() -> None:
    # 09:30 UTC is 19:00 in ACT (+34200 s, +09:30): the record's own clock.
    bench = OutboundBench()
    preview = bench.pull()
    assert bench.fields(preview)["GSW_TZ_NAME"] == "ACT"
    assert _reschedule(bench, preview, 257, "11/24/2026 19:00") == (
        "Cannot reschedule record 257 to 11/24/2026 19:00: that is in the past in its time zone "
        "(ACT UTC+09:30), where it is now 11/24/2026 19:00."
    )
    assert _reschedule(bench, preview, 257, "11/24/2026 18:59") is not None
    assert _reschedule(bench, preview, 257, "11/24/2026 19:01") is None
    assert bench.outcomes()[257]["reschedule"] == {"date": "11/24/2026 19:01", "callbackType": "CAMPAIGN"}


def test_the_agents_utc_time_is_not_the_records() -> None:
    # 10:00 is after 09:30 UTC but long past in ACT, and still ahead in PST (01:30 there).
    bench = OutboundBench()
    act = bench.pull()
    assert _reschedule(bench, act, 257, "11/24/2026 10:00") is not None
    preview, handle = _casey(bench)
    assert _reschedule(bench, preview, handle, "11/24/2026 10:00") is None


def test_the_record_time_zone_crosses_midnight() -> None:
    # At 20:00 UTC it is already 05:30 the next day in ACT.
    bench = OutboundBench(wall=datetime(2026, 11, 24, 20, 0, tzinfo=timezone.utc).timestamp())
    preview = bench.pull()
    assert _reschedule(bench, preview, 257, "11/24/2026 21:00") == (
        "Cannot reschedule record 257 to 11/24/2026 21:00: that is in the past in its time zone "
        "(ACT UTC+09:30), where it is now 11/25/2026 05:30."
    )
    assert _reschedule(bench, preview, 257, "11/25/2026 08:00") is None


def test_time_moves_on_the_injected_clock() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 257, "11/24/2026 19:10") is None
    bench.clock.advance(15 * 60)
    assert _reschedule(bench, preview, 257, "11/24/2026 19:10") is not None


@pytest.mark.parametrize(
    "time, inside",
    [("08:59", False), ("09:00", True), ("12:30", True), ("17:00", True), ("17:01", False), ("23:00", False)],
)
def test_a_reschedule_falls_within_call_from_and_call_until(time: str, inside: bool) -> None:
    bench = OutboundBench()
    preview, handle = _casey(bench)
    refusal = _reschedule(bench, preview, handle, f"11/25/2026 {time}")
    if inside:
        assert refusal is None
    else:
        assert refusal == (
            f"Cannot reschedule record {handle} to 11/25/2026 {time}: {time} is outside its "
            "Call From / Call Until window (09:00-17:00, its time zone)."
        )


def test_an_edited_call_from_moves_the_reschedule_window() -> None:
    bench = OutboundBench()
    preview, handle = _casey(bench)
    bench.call("outbound.updateRecordFields", preview, {"GSW_FROM": "10:15"})
    assert _reschedule(bench, preview, handle, "11/25/2026 10:00") == (
        f"Cannot reschedule record {handle} to 11/25/2026 10:00: 10:00 is outside its "
        "Call From / Call Until window (10:15-17:00, its time zone)."
    )
    assert _reschedule(bench, preview, handle, "11/25/2026 10:15") is None


@pytest.mark.parametrize("kind", ["ANYTIME", "", "CAMPAIGN_PERSONAL"])
def test_a_callback_type_other_than_campaign_or_personal_is_refused(kind: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 257, "11/25/2026 10:00", kind) == (
        f"rescheduleRecord: callbackType must be CAMPAIGN or PERSONAL, got {kind!r}."
    )
    assert bench.outcomes()[257]["reschedule"] is None


def test_a_reschedule_names_a_record_of_the_chain() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 259, "11/25/2026 10:00") == (
        "Record 259 is not in the chain of interaction '1' (its records: 257, 258)."
    )


def test_any_record_of_the_chain_may_be_rescheduled_before_the_call() -> None:
    # "regardless of how ... privilege.outbound.can-reschedule-before-call [is] configured"
    bench = OutboundBench()
    preview = bench.pull()
    assert _reschedule(bench, preview, 258, "11/25/2026 10:00", "PERSONAL") is None
    assert [bench.outcomes()[handle]["reschedule"] for handle in FIRST_CHAIN] == [
        None,
        {"date": "11/25/2026 10:00", "callbackType": "PERSONAL"},
    ]


# -- requests on what is not an outbound record --------------------------------------------------

ON_A_RECORD = [
    ("outbound.callPreviewRecord", (257,)),
    ("outbound.rejectPreviewRecord", ()),
    ("outbound.cancelPreviewRecord", ()),
    ("outbound.setCallResult", (6,)),
    ("outbound.getCallResult", ()),
    ("outbound.setDoNotCall", ()),
    ("outbound.removeDoNotCall", ()),
    ("outbound.rescheduleRecord", (257, "11/25/2026 10:00", "CAMPAIGN")),
    ("outbound.cancelReschedule", ()),
    ("outbound.getChainedRecords", ()),
    ("outbound.getRecordFields", ()),
    ("outbound.updateRecordFields", ({"GSW_CUSTOM_STRING": "x"},)),
]


@pytest.mark.parametrize("name, more", ON_A_RECORD, ids=[name for name, _ in ON_A_RECORD])
@pytest.mark.parametrize("deliver, media", [("deliver_chat", "chat"), ("ring_inbound_call", "voice")])
def test_record_requests_on_another_interaction_are_refused(name: str, more: tuple[Any, ...], deliver: str, media: str) -> None:
    bench = OutboundBench()
    other = getattr(bench.scenario, deliver)().interaction_id
    bench.events()
    article = "an" if media[0] in "aeiou" else "a"
    assert bench.error(name, other, *more) == (
        f"{name} works on outbound records; interaction {other!r} is {article} {media} interaction, not an outbound record."
    )
    assert bench.events() == []


@pytest.mark.parametrize("name, more", ON_A_RECORD, ids=[name for name, _ in ON_A_RECORD])
def test_record_requests_on_an_unknown_interaction_name_the_current_ones(name: str, more: tuple[Any, ...]) -> None:
    bench = OutboundBench()
    bench.pull()
    assert bench.error(name, "42", *more) == "Interaction '42' not found (current interactions: '1')."


# -- served with a warning; refused in strict mode ----------------------------------------------


@dataclass(frozen=True)
class Stray:
    """A request that strays from the documented form: `prepare` brings the bench to where it
    is sent and answers its parameters; `served` checks what it did when served."""

    prepare: Callable[[OutboundBench], list[Any]]
    name: str
    stray: str
    treatment: str
    served: Callable[[OutboundBench], bool] = field(default=lambda bench: True)
    refused_more: str = ""  # what the strict refusal says beyond the stray


def _pulled(*more: Any) -> Callable[[OutboundBench], list[Any]]:
    return lambda bench: [bench.pull(), *more]


def _on_call(*more: Any) -> Callable[[OutboundBench], list[Any]]:
    return lambda bench: [bench.talking(bench.pull()), *more]


def _on_preview_after_call(*more: Any) -> Callable[[OutboundBench], list[Any]]:
    def prepare(bench: OutboundBench) -> list[Any]:
        preview = bench.pull()
        bench.talking(preview)
        return [preview, *more]

    return prepare


def _pushed_released(bench: OutboundBench) -> list[Any]:
    preview = bench.accepted()
    bench.released(preview)
    return [preview]


def _on_do_not_call(bench: OutboundBench) -> list[Any]:
    call = bench.talking(bench.pull())
    bench.call("outbound.setDoNotCall", call)
    return [call]


def _no_direct_campaign(bench: OutboundBench) -> list[Any]:
    bench.scenario.stop_campaign(DIRECT)
    return []


AFTER_CALL = "is record 257's preview; once called, the reference names the record by its call's interaction id ('2')"
STRAYS = {
    "dotted-time": Stray(
        _pulled({"GSW_FROM": "10.15"}),
        "outbound.updateRecordFields",
        "outbound.updateRecordFields: GSW_FROM is a time, documented as HH:MM, got '10.15'",
        "read as 10:15",
        lambda bench: bench.fields("1")["GSW_FROM"] == "10:15",
        " Nothing was changed on record 257.",
    ),
    "handle-as-text": Stray(
        _pulled("257"),
        "outbound.callPreviewRecord",
        "outbound.callPreviewRecord: recordHandle is a number, got a string '257'",
        "read as 257",
        lambda bench: bench.listed("2")["callType"] == "OUTBOUND",
    ),
    "reschedule-handle-as-text": Stray(
        _pulled("258", "11/25/2026 10:00", "CAMPAIGN"),
        "outbound.rescheduleRecord",
        "outbound.rescheduleRecord: recordHandle is a number, got a string '258'",
        "read as 258",
        lambda bench: bench.outcomes()[258]["reschedule"] is not None,
    ),
    "call-result-as-text": Stray(
        _on_call("6"),
        "outbound.setCallResult",
        "outbound.setCallResult: callResult must be a number, got a string '6'",
        "read as 6",
        lambda bench: bench.call("outbound.getCallResult", "2") == 6,
    ),
    "call-result-off-the-list": Stray(
        _on_call(99),
        "outbound.setCallResult",
        "outbound.setCallResult: 99 is not a code of getListOfCallResults",
        "set as given",
        lambda bench: bench.call("outbound.getCallResult", "2") == 99,
    ),
    "callback-type-spaced": Stray(
        _pulled(257, "11/25/2026 10:00", "personal "),
        "outbound.rescheduleRecord",
        "outbound.rescheduleRecord: callbackType is documented as CAMPAIGN or PERSONAL, got 'personal '",
        "read as PERSONAL",
        lambda bench: bench.outcomes()[257]["reschedule"] == {"date": "11/25/2026 10:00", "callbackType": "PERSONAL"},
    ),
    "preview-id-after-call": Stray(
        _on_preview_after_call(6),
        "outbound.setCallResult",
        f"outbound.setCallResult: interaction '1' {AFTER_CALL}",
        "served on interaction '2'",
        lambda bench: bench.call("outbound.getCallResult", "2") == 6,
    ),
    "preview-id-after-call-fields": Stray(
        _on_preview_after_call({"GSW_CUSTOM_STRING": "Called"}),
        "outbound.updateRecordFields",
        f"outbound.updateRecordFields: interaction '1' {AFTER_CALL}",
        "served on interaction '2'",
        lambda bench: bench.fields("2")["GSW_CUSTOM_STRING"] == "Called",
    ),
    "preview-id-marked-done": Stray(
        _pushed_released,
        "interaction.markdone",
        "interaction.markdone: interaction '1' is record 401's preview; once called, the reference names the record "
        "by its call's interaction id ('2')",
        "served on interaction '2'",
        lambda bench: bench.call("interaction.getInteractions") == [] and bench.outcomes(PUSH)[401]["status"] == "done",
    ),
    "remove-do-not-call-not-set": Stray(
        _on_call(),
        "outbound.removeDoNotCall",
        "outbound.removeDoNotCall: Do Not Call is already not set on record 257",
        "nothing changed",
    ),
    "set-do-not-call-twice": Stray(
        _on_do_not_call,
        "outbound.setDoNotCall",
        "outbound.setDoNotCall: Do Not Call is already set on record 257",
        "nothing changed",
    ),
    "cancel-reschedule-nothing-rescheduled": Stray(
        _pulled(),
        "outbound.cancelReschedule",
        "outbound.cancelReschedule: no record of interaction '1' is rescheduled",
        "nothing changed",
    ),
    "empty-record-data": Stray(
        _pulled({}),
        "outbound.updateRecordFields",
        "outbound.updateRecordFields: recordData is empty",
        "nothing changed",
    ),
    "direct-push-none-running": Stray(
        _no_direct_campaign,
        "outbound.startDirectPushPreview",
        "outbound.startDirectPushPreview: no Direct Push Preview campaign is running",
        "dialing mode started; records come once one starts",
        lambda bench: bench.workspace.outbound.direct_push_started,
    ),
}


def _state(bench: OutboundBench) -> tuple[Any, ...]:
    """Everything a request could change: the interactions, every record, dialing mode."""
    records = {
        campaign.name: [(r.status, r.call_result, r.do_not_call, r.reschedule, dict(r.values)) for r in campaign.calling_list.records]
        for campaign in bench.workspace.campaigns
    }
    interactions = [i.to_wire() for i in bench.workspace.desk.store]
    return interactions, records, bench.workspace.outbound.direct_push_started


@pytest.mark.parametrize("case", list(STRAYS))
def test_a_stray_is_served_with_a_warning_on_its_log_row(case: str) -> None:
    stray = STRAYS[case]
    bench = OutboundBench()
    parameters = stray.prepare(bench)
    assert "errorMessage" not in bench.reply(stray.name, *parameters)
    assert bench.warnings() == [f"{stray.stray}; {stray.treatment}."]
    assert stray.served(bench)


@pytest.mark.parametrize("case", list(STRAYS))
def test_strict_mode_refuses_a_stray_and_changes_nothing(case: str) -> None:
    stray = STRAYS[case]
    bench = OutboundBench(strict=True)
    parameters = stray.prepare(bench)
    before = _state(bench)
    bench.events()
    assert bench.error(stray.name, *parameters) == f"Strict mode: {stray.stray}.{stray.refused_more}"
    assert _state(bench) == before
    assert bench.events() == []


def test_the_references_update_sample_is_served_with_one_warning() -> None:
    # genesys.wwe.service.outbound.updateRecordFields(id, {GSW_FROM: '10.15', GSW_UNTIL: '23:45',
    # GSW_PHONE_TYPE: 9, GSW_CUSTOM_STRING: 'Custom message'}, ...)
    bench = OutboundBench()
    preview = bench.pull()
    sample = {"GSW_FROM": "10.15", "GSW_UNTIL": "23:45", "GSW_PHONE_TYPE": 9, "GSW_CUSTOM_STRING": "Custom message"}
    assert bench.call("outbound.updateRecordFields", preview, sample) is None
    assert bench.warnings() == ["outbound.updateRecordFields: GSW_FROM is a time, documented as HH:MM, got '10.15'; read as 10:15."]
    fields = bench.fields(preview)
    assert {name: fields[name] for name in sample} == {
        "GSW_FROM": "10:15",
        "GSW_UNTIL": "23:45",
        "GSW_PHONE_TYPE": "9",
        "GSW_CUSTOM_STRING": "Custom message",
    }


def test_a_warning_then_a_refusal_in_one_batch_changes_nothing() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    before = bench.call("outbound.getRecordFields", preview)
    assert bench.outcome("outbound.updateRecordFields", preview, {"GSW_FROM": "10.15", "Custom Integer": "x"}) is not None
    assert bench.call("outbound.getRecordFields", preview) == before


def test_strict_mode_refuses_direct_push_without_a_campaign_so_none_comes_later() -> None:
    bench = OutboundBench(strict=True)
    bench.scenario.stop_campaign(DIRECT)
    bench.error("outbound.startDirectPushPreview")
    bench.events()
    bench.scenario.start_campaign(DIRECT)
    assert bench.steps() == []


def test_a_documented_request_warns_of_nothing() -> None:
    bench = OutboundBench(strict=True)
    preview = bench.pull()
    call = bench.talking(preview)
    for name, *parameters in (
        ("outbound.setCallResult", call, 6),
        ("outbound.setDoNotCall", call),
        ("outbound.rescheduleRecord", call, 257, "11/25/2026 10:00", "PERSONAL"),
        ("outbound.cancelReschedule", call),
        ("outbound.updateRecordFields", call, {"GSW_FROM": "10:15"}),
    ):
        assert bench.call(name, *parameters) is None
        assert bench.warnings() == []
