"""The desktop's outbound area in CPython (web/index.html on the fake DOM, as in the browser):
campaigns with their status and the contact centre's buttons, direct push dialing mode, and
the preview records the agent holds with their fields and the agent's controls. Time moves
on a manual clock; a redraw is the clock's zero-delay timer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from browser_support import DesktopPage
from wwe_scapi.browser.interactionsview import OUTBOUND_VIEW_CAPABILITIES, capabilities_with_buttons
from wwe_scapi.browser.outboundview import RECORD_CAPABILITIES
from wwe_scapi.compat.fakedom import FakeElement
from wwe_scapi.workspace.lifecycle import rules

PULL, PUSH, DIRECT = "CampaignSIP", "CampaignPush", "CampaignDirect"


# -- finding and pressing ----------------------------------------------------------------------


def campaign_item(page: DesktopPage, name: str) -> FakeElement:
    page.redraw()
    return page.one(f'#campaign-list [data-campaign="{name}"]')


def press_campaign(page: DesktopPage, name: str, action: str) -> None:
    page.one(f'button[data-action="{action}"]', campaign_item(page, name)).click()


def record_item(page: DesktopPage, interaction_id: str) -> FakeElement:
    page.redraw()
    return page.one(f'#outbound-records [data-interaction-id="{interaction_id}"]')


def press_record(page: DesktopPage, interaction_id: str, action: str) -> None:
    page.one(f'button[data-action="{action}"]', record_item(page, interaction_id)).click()


def actions_of(item: FakeElement) -> list[str]:
    return [str(button.getAttribute("data-action")) for button in item.querySelectorAll("button[data-action]")]


def field(page: DesktopPage, interaction_id: str, name: str) -> FakeElement:
    """The element showing that field (names may hold spaces: no selector is built from them)."""
    found = [node for node in record_item(page, interaction_id).querySelectorAll("[data-field]") if node.getAttribute("data-field") == name]
    assert len(found) == 1, f"{len(found)} elements show field {name!r}"
    return found[0]


def typed(page: DesktopPage, interaction_id: str, name: str, text: str) -> None:
    """The agent types into a field's input (the page hears `input`)."""
    element = field(page, interaction_id, name)
    element.value = text
    element.dispatch("input")


def choose(page: DesktopPage, interaction_id: str, name: str, value: str) -> None:
    element = page.one(f'[data-input="{name}"]', record_item(page, interaction_id))
    element.value = value
    element.dispatch("change")


def values(page: DesktopPage, interaction_id: str) -> dict[str, str]:
    """The record's fields as outbound.getRecordFields answers them: name -> value."""
    fields = page.workspace.outbound.record_fields(interaction_id, lambda stray, treatment: None)
    return {str(f["name"]): str(f["value"]) for f in fields}


def alert(page: DesktopPage) -> str:
    return page.by_id("desktop-alert").textContent


def pulled(page: DesktopPage) -> str:
    """The agent's Get record on CampaignSIP: a previewed record (its chain: 257, 258)."""
    press_campaign(page, PULL, "get-record")
    page.redraw()
    return page.one("#outbound-records li.outbound-record").getAttribute("data-interaction-id") or ""


def called(page: DesktopPage, handle: str = "257") -> str:
    preview = pulled(page)
    page.one(f'button[data-action="call"][data-record-handle="{handle}"]', record_item(page, preview)).click()
    call = page.workspace.outbound.held(preview, "test", lambda stray, treatment: None).call_id
    assert call is not None
    return call


def released(page: DesktopPage) -> str:
    call = called(page)
    page.workspace.scenario.remote_party_answers(call)
    page.press(call, "hang-up")
    return call


# -- campaigns ---------------------------------------------------------------------------------


async def test_campaigns_are_listed_with_mode_status_records_left_and_their_buttons() -> None:
    page = DesktopPage()
    items = page.document.querySelectorAll("#campaign-list li.campaign")
    assert [(i.getAttribute("data-campaign"), i.getAttribute("data-mode"), i.getAttribute("data-status")) for i in items] == [
        (PULL, "Preview", "Running"),
        (PUSH, "Push Preview", "Running"),
        (DIRECT, "Direct Push Preview", "Running"),
    ]
    assert page.texts("#campaign-list .campaign-facts") == [
        "Preview · Running · 7 records left",  # six customers, the first with two numbers
        "Push Preview · Running · 4 records left",
        "Direct Push Preview · Running · 4 records left",
    ]
    assert actions_of(campaign_item(page, PULL)) == ["get-record", "sim-stop", "sim-unload"]
    assert actions_of(campaign_item(page, PUSH)) == ["sim-stop", "sim-push", "sim-unload"]
    assert page.one("#outbound .dialing-mode").getAttribute("data-direct-push") == "off"
    assert page.texts("#outbound-records") == ["No preview record."]


async def test_stop_start_and_unload_act_on_the_campaign_and_redraw_it() -> None:
    page = DesktopPage()
    press_campaign(page, PULL, "sim-stop")
    assert page.workspace.campaigns.get(PULL).status.value == "Stopped"
    assert campaign_item(page, PULL).getAttribute("data-status") == "Stopped"
    assert actions_of(campaign_item(page, PULL)) == ["sim-start", "sim-unload"]  # no Get record while stopped
    press_campaign(page, PULL, "sim-start")
    assert page.workspace.campaigns.get(PULL).status.value == "Running"
    press_campaign(page, DIRECT, "sim-unload")
    page.redraw()
    assert [i.getAttribute("data-campaign") for i in page.document.querySelectorAll("#campaign-list li")] == [PULL, PUSH]
    assert alert(page) == ""


async def test_a_campaign_loaded_by_the_scenario_appears_loaded_and_starts_from_its_button() -> None:
    page = DesktopPage()
    page.workspace.scenario.load_campaign("Winback", "Push Preview", [{"GSW_PHONE": "+15550100", "Customer Name": "Ro"}])
    assert campaign_item(page, "Winback").getAttribute("data-status") == "Loaded"
    assert "Push Preview · Loaded · 1 record left" in page.texts("#campaign-list .campaign-facts")
    assert actions_of(campaign_item(page, "Winback")) == ["sim-start", "sim-unload"]
    press_campaign(page, "Winback", "sim-start")
    press_campaign(page, "Winback", "sim-push")
    page.redraw()
    assert "Push Preview · Running · 0 records left" in page.texts("#campaign-list .campaign-facts")
    assert page.workspace.campaigns.get("Winback").calling_list.records[0].status.value == "with agent"


async def test_push_record_pushes_an_invitation_the_agent_accepts_or_rejects_here() -> None:
    page = DesktopPage()
    press_campaign(page, PUSH, "sim-push")
    invited = record_item(page, "1")
    assert (invited.getAttribute("data-state"), invited.getAttribute("data-phase")) == ("INVITED", "invited")
    assert actions_of(invited) == ["accept", "reject-record"]
    assert field(page, "1", "Customer Name").localName == "span"  # read-only until accepted
    assert (field(page, "1", "Custom Enum").textContent, field(page, "1", "GSW_PHONE_TYPE").textContent) == ("Gold", "Home Phone")
    press_record(page, "1", "accept")
    assert page.workspace.interactions.get("1").state.value == "PREVIEWING"
    assert record_item(page, "1").getAttribute("data-phase") == "previewing"
    press_campaign(page, PUSH, "sim-push")
    press_record(page, "2", "reject-record")
    page.redraw()
    assert page.workspace.interactions.find("2") is None
    assert page.workspace.scenario.campaign_records(PUSH)[1]["status"] == "rejected"
    assert "Push Preview · Running · 2 records left" in page.texts("#campaign-list .campaign-facts")


async def test_a_refused_campaign_button_shows_the_workspaces_reason() -> None:
    page = DesktopPage()
    page.workspace.scenario.load_campaign("Tiny", "Preview", [{"GSW_PHONE": "+15550100", "Customer Name": "Ro"}])
    page.workspace.scenario.start_campaign("Tiny")
    press_campaign(page, "Tiny", "get-record")
    assert alert(page) == ""
    press_campaign(page, "Tiny", "get-record")
    assert "has no record left" in alert(page)


async def test_direct_push_dialing_mode_is_shown_and_started_and_stopped_by_the_agent() -> None:
    page = DesktopPage()
    page.one('#outbound button[data-action="direct-push-start"]').click()
    page.redraw()
    assert page.workspace.outbound.direct_push_started
    assert page.one("#outbound .dialing-mode").getAttribute("data-direct-push") == "on"
    assert record_item(page, "1").getAttribute("data-campaign") == DIRECT  # pushed at once
    page.one('#outbound button[data-action="direct-push-stop"]').click()
    page.redraw()
    assert page.texts("#outbound .dialing-mode span") == ["Direct push dialing mode: off"]


# -- a preview record's fields -------------------------------------------------------------------


async def test_a_previewed_record_shows_its_fields_typed_by_field_type() -> None:
    page = DesktopPage()
    preview = pulled(page)
    assert record_item(page, preview).getAttribute("data-phase") == "previewing"
    kinds = {
        "GSW_PHONE": ("input", "text"),
        "GSW_FROM": ("input", "text"),
        "Custom Integer": ("input", "number"),
        "Custom Float": ("input", "number"),
        "Custom Boolean": ("input", "checkbox"),
        "Custom Datetime": ("input", "text"),
        "Custom Enum": ("select", None),
        "GSW_PHONE_TYPE": ("select", None),
        "Account Number": ("span", None),  # not editable
        "GSW_TZ_NAME": ("span", None),
    }
    assert {name: (field(page, preview, name).localName, field(page, preview, name).getAttribute("type")) for name in kinds} == kinds
    assert field(page, preview, "Custom Datetime").value == "03/17/2021 14:42"
    assert field(page, preview, "Custom Datetime").getAttribute("placeholder") == "MM/DD/YYYY HH:MM"
    assert field(page, preview, "Custom Time").getAttribute("placeholder") == "HH:MM"
    assert field(page, preview, "GSW_FROM").value == "08:00"
    assert field(page, preview, "Custom Boolean").checked is True
    assert field(page, preview, "Custom Enum").value == "1"
    assert field(page, preview, "Account Number").textContent == "AC-1001"
    assert field(page, preview, "Customer Name").getAttribute("required") == ""


async def test_save_sends_the_edited_fields_to_the_record() -> None:
    page = DesktopPage()
    preview = pulled(page)
    typed(page, preview, "GSW_CUSTOM_STRING", "Custom message")
    typed(page, preview, "Custom Integer", "42")
    typed(page, preview, "Custom Float", "2.5")
    field(page, preview, "Custom Boolean").click()
    typed(page, preview, "Custom Enum", "3")
    typed(page, preview, "Custom Datetime", "12/01/2026 09:30")
    press_record(page, preview, "save-fields")
    assert alert(page) == ""
    saved = values(page, preview)
    assert (saved["GSW_CUSTOM_STRING"], saved["Custom Integer"], saved["Custom Float"]) == ("Custom message", "42", "2.5")
    assert (saved["Custom Boolean"], saved["Custom Enum"], saved["Custom Datetime"]) == ("false", "3", "12/01/2026 09:30")
    assert field(page, preview, "Custom Integer").value == "42"  # drawn from the record now
    assert field(page, preview, "Custom Boolean").checked is False


async def test_a_bad_value_shows_the_refusal_and_changes_nothing() -> None:
    page = DesktopPage()
    preview = pulled(page)
    before = values(page, preview)
    typed(page, preview, "GSW_CUSTOM_STRING", "Custom message")
    typed(page, preview, "Custom Integer", "4.5")
    press_record(page, preview, "save-fields")
    assert "Custom Integer" in alert(page) and "needs a whole number" in alert(page)
    assert values(page, preview) == before  # all or nothing
    assert field(page, preview, "Custom Integer").value == "4.5"  # still there to be put right
    typed(page, preview, "Customer Name", "")
    typed(page, preview, "Custom Integer", "4")
    press_record(page, preview, "save-fields")
    assert "mandatory" in alert(page)
    assert values(page, preview) == before


async def test_what_the_agent_typed_survives_a_redraw_for_another_records_event() -> None:
    page = DesktopPage()
    preview = pulled(page)
    typed(page, preview, "GSW_CUSTOM_STRING", "half typed")
    press_campaign(page, PUSH, "sim-push")  # a new record: the area is drawn again
    page.redraw()
    assert len(page.document.querySelectorAll("#outbound-records li")) == 2
    assert field(page, preview, "GSW_CUSTOM_STRING").value == "half typed"
    assert values(page, preview)["GSW_CUSTOM_STRING"] == "Hi there!"  # not saved


async def test_a_time_read_with_a_warning_is_saved_and_the_warning_shown() -> None:
    page = DesktopPage()
    preview = pulled(page)
    typed(page, preview, "GSW_FROM", "10.15")
    press_record(page, preview, "save-fields")
    assert values(page, preview)["GSW_FROM"] == "10:15"
    assert "read as 10:15" in alert(page)


async def test_save_with_nothing_changed_says_so_and_sends_nothing() -> None:
    page = DesktopPage()
    preview = pulled(page)
    press_record(page, preview, "save-fields")
    assert "no field was changed" in alert(page)


# -- the agent's controls ------------------------------------------------------------------------


async def test_call_dials_the_chosen_record_of_the_chain() -> None:
    page = DesktopPage()
    preview = pulled(page)
    buttons = page.document.querySelectorAll('#outbound-records button[data-action="call"]')
    assert [(b.getAttribute("data-record-handle"), b.textContent) for b in buttons] == [
        ("257", "Call +33647005 (Home Phone)"),
        ("258", "Call +33647004 (Mobile)"),
    ]
    buttons[1].click()
    assert alert(page) == ""
    call = page.workspace.interactions.get("2")
    assert (call.state.value, call.media_fields["dnis"], call.linked_id) == ("DIALING", "+33647004", preview)
    item = record_item(page, "2")  # the record is named by its call now
    assert (item.getAttribute("data-preview-id"), item.getAttribute("data-phase")) == (preview, "called")
    assert len(page.document.querySelectorAll("#outbound-records li")) == 1
    assert "call" not in actions_of(item) and "reject-record" not in actions_of(item)
    assert "record 258" in page.one(".record-title", item).textContent


async def test_reject_then_done_hands_the_record_back_to_its_list() -> None:
    page = DesktopPage()
    preview = pulled(page)
    press_record(page, preview, "reject-record")
    item = record_item(page, preview)
    assert (item.getAttribute("data-state"), item.getAttribute("data-phase")) == ("REJECTED", "closed")
    assert actions_of(item) == ["mark-done"]
    assert field(page, preview, "GSW_CUSTOM_STRING").localName == "span"
    press_record(page, preview, "mark-done")
    page.redraw()
    assert page.texts("#outbound-records") == ["No preview record."]
    assert [r["status"] for r in page.workspace.scenario.campaign_records(PULL)[:2]] == ["rejected", "rejected"]


async def test_cancel_then_done_takes_the_record_out_of_its_list() -> None:
    page = DesktopPage()
    preview = pulled(page)
    press_record(page, preview, "cancel-record")
    assert page.workspace.interactions.get(preview).state.value == "CANCELED"
    press_record(page, preview, "mark-done")
    assert page.workspace.scenario.campaign_records(PULL)[0]["status"] == "canceled"


async def test_call_result_do_not_call_reschedule_and_done_on_a_called_record() -> None:
    page = DesktopPage()
    call = released(page)
    item = record_item(page, call)
    assert {"set-call-result", "do-not-call", "reschedule", "mark-done"} <= set(actions_of(item))
    choose(page, call, "call-result", "6")
    press_record(page, call, "set-call-result")
    assert page.workspace.outbound.get_call_result(call, lambda stray, treatment: None) == 6
    assert "Call result: BUSY (6)" in page.one(".record-work", record_item(page, call)).textContent
    assert page.one('[data-input="call-result"]', record_item(page, call)).value == "6"
    press_record(page, call, "do-not-call")
    assert page.one('button[data-action="do-not-call"]', record_item(page, call)).getAttribute("aria-pressed") == "true"
    press_record(page, call, "do-not-call")
    assert "Do Not Call: off" in page.one(".record-work", record_item(page, call)).textContent
    choose(page, call, "reschedule-date", "12/24/2026 10:00")
    choose(page, call, "callback-type", "PERSONAL")
    press_record(page, call, "reschedule")
    assert alert(page) == ""
    assert "Callback: 12/24/2026 10:00 (PERSONAL)" in page.one(".record-work", record_item(page, call)).textContent
    item = record_item(page, call)  # the inputs show the callback set
    assert page.one('[data-input="reschedule-date"]', item).value == "12/24/2026 10:00"
    assert page.one('[data-input="callback-type"]', item).value == "PERSONAL"
    press_record(page, call, "cancel-reschedule")
    assert "Callback: none" in page.one(".record-work", record_item(page, call)).textContent
    assert page.one('[data-input="reschedule-date"]', record_item(page, call)).value == "11/25/2026 08:00"
    press_record(page, call, "reschedule")  # the suggested date: tomorrow, in the record's window (ACT)
    press_record(page, call, "mark-done")
    page.redraw()
    outcome = page.workspace.scenario.campaign_records(PULL)[0]
    assert (outcome["status"], outcome["callResult"], outcome["reschedule"]["callbackType"]) == ("rescheduled", 6, "CAMPAIGN")
    assert page.texts("#outbound-records") == ["No preview record."]


async def test_refusals_of_the_agents_controls_show_in_the_alert() -> None:
    page = DesktopPage()
    call = called(page)
    choose(page, call, "reschedule-date", "01/01/2020 10:00")
    press_record(page, call, "reschedule")
    assert "in the past" in alert(page)
    press_record(page, call, "do-not-call")
    press_record(page, call, "set-call-result")
    assert "Do Not Call" in alert(page)
    assert page.workspace.outbound.get_call_result(call, lambda stray, treatment: None) is None
    assert "mark-done" not in actions_of(record_item(page, call))  # a live call


async def test_an_apps_outbound_request_is_drawn_though_it_announces_nothing() -> None:
    page = DesktopPage()
    app = page.app(0)
    call = called(page)
    page.redraw()
    assert page.clock.pending_timers == 0
    await app.outbound.set_call_result(call, 7)
    assert "Call result: NO_ANSWER (7)" in page.one(".record-work", record_item(page, call)).textContent
    page.workspace.campaigns.stop(DIRECT)  # dialing mode starts, and no record is pushed
    page.redraw()
    await app.outbound.start_direct_push_preview()
    page.redraw()
    assert page.one("#outbound .dialing-mode").getAttribute("data-direct-push") == "on"


# -- redraws, the interaction list, every button ------------------------------------------------


async def test_the_area_is_not_redrawn_for_other_interactions_and_once_per_burst() -> None:
    page = DesktopPage()
    page.workspace.scenario.ring_inbound_call()
    assert page.clock.pending_timers == 1  # the interaction list's only
    page.redraw()
    page.workspace.scenario.push_preview_record(PUSH)
    page.workspace.scenario.push_preview_record(PUSH)
    assert page.clock.pending_timers == 2  # one each for the list and this area
    assert page.texts("#outbound-records") == ["No preview record."]  # not drawn yet
    page.redraw()
    assert len(page.document.querySelectorAll("#outbound-records li")) == 2


async def test_the_interaction_list_leaves_a_records_own_controls_to_the_outbound_area() -> None:
    page = DesktopPage()
    preview = pulled(page)
    assert page.actions(preview) == ["select-case"]
    assert page.one(".outbound-note", page.interaction_item(preview)) is not None
    page.workspace.scenario.push_preview_record(PUSH)
    assert page.actions("2") == ["select-case", "accept", "reject"]


async def test_a_called_record_keeps_its_call_controls_in_the_interaction_list() -> None:
    page = DesktopPage()
    call = called(page)
    assert page.actions(call) == ["select-case", "hang-up", "sim-remote-answers", "sim-remote-hangs-up"]
    page.press(call, "sim-remote-answers")
    assert page.actions(call) == ["select-case", "hang-up", "hold", "sim-remote-hangs-up"]


def test_every_capability_has_a_button_in_the_list_or_the_outbound_area() -> None:
    every = {rule.capability for rule in rules().values() if rule.capability}
    assert every - capabilities_with_buttons() == set(OUTBOUND_VIEW_CAPABILITIES)
    assert OUTBOUND_VIEW_CAPABILITIES <= RECORD_CAPABILITIES


SETUPS: dict[str, Callable[[DesktopPage], object]] = {
    "nothing held": lambda page: None,
    "invited": lambda page: page.workspace.scenario.push_preview_record(PUSH),
    "previewing": pulled,
    "dialing": called,
    "released": released,
    "rejected": lambda page: press_record(page, pulled(page), "reject-record"),
}


@pytest.mark.parametrize("setup", list(SETUPS))
async def test_no_button_of_the_area_raises_whatever_it_meets(setup: str) -> None:
    """Every button, clicked in a page brought to that setup, then everything shown after."""
    count = 0
    index = 0
    while True:
        page = DesktopPage()
        SETUPS[setup](page)
        page.redraw()
        buttons = page.document.querySelectorAll("#outbound button[data-action]")
        if index >= len(buttons):
            break
        buttons[index].click()
        page.redraw()
        for follow_up in page.document.querySelectorAll("#outbound button[data-action]"):
            if follow_up.isConnected:
                follow_up.click()
                page.redraw()
        count += 1
        index += 1
    assert count >= 4
