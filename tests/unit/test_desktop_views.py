"""The desktop's views in CPython: web/index.html on the fake DOM, started by browser/host.start
as in the browser, driven by clicks and keys, with apps talking over the fake browser's
postMessage. Time moves on a manual clock."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from browser_support import APP_A, APP_B, DESKTOP, DesktopPage
from wwe_scapi.browser.host import SCENARIO_METHODS, run_scenario
from wwe_scapi.client import RequestFailed
from wwe_scapi.workspace import Workspace

# -- agent, media, the simulator -----------------------------------------------------------------


async def test_the_agent_bar_media_and_status_line_are_drawn_from_the_workspace() -> None:
    page = DesktopPage()
    assert page.by_id("agent-name").textContent == "Kim Sandoval (ksandoval)"
    assert page.by_id("agent-state").textContent == "Not Ready"
    assert page.by_id("agent-state").getAttribute("data-state") == "NOT_READY"
    options = page.document.querySelectorAll("#agent-state-select option")
    assert [o.getAttribute("value") for o in options] == [s.operation_name for s in page.workspace.state_list]
    assert page.texts("#media-list li") == ["voice: Not Ready · 5001", "chat: Not Ready", "email: Not Ready"]
    assert page.by_id("boot-status").textContent == f"Service ready: accepting {APP_A}, {APP_B}"


async def test_the_agent_changes_state_from_the_agent_bar_and_apps_hear_of_it() -> None:
    page = DesktopPage()
    app = page.app(0)
    events: list[dict] = []
    await app.subscribe("agent", events.append)
    page.by_id("agent-state-select").value = "Ready"
    page.by_id("agent-state-apply").click()
    assert page.workspace.agent_state().operation_name == "Ready"
    assert page.by_id("agent-state").textContent == "Ready"
    assert [item.getAttribute("data-state") for item in page.document.querySelectorAll("#media-list li")] == ["READY"] * 3
    await app.agent.get_state()  # one more round trip: the event came before its answer
    assert [event["data"] for event in events] == [{"eventType": "STATE_CHANGED", "mediaState": "READY"}]


async def test_a_call_from_the_simulator_through_the_agents_buttons() -> None:
    page = DesktopPage()
    page.by_id("simulate-inbound-call").click()
    assert page.actions("1") == ["select-case", "accept", "reject", "sim-no-answer"]
    assert page.interaction_item("1").getAttribute("data-state") == "RINGING"
    page.press("1", "accept")
    assert page.interaction_item("1").getAttribute("data-state") == "TALKING"
    assert {"hold", "hang-up", "record-start", "consult-to"} <= set(page.actions("1"))
    page.press("1", "record-start")
    assert {"record-pause", "record-stop"} <= set(page.actions("1"))
    assert "● recording" in page.one("button.case-link", page.interaction_item("1")).textContent
    page.press("1", "hold")
    assert page.workspace.interactions.get("1").state.value == "HELD"
    page.press("1", "resume")
    page.press("1", "hang-up")
    page.press("1", "mark-done")
    page.redraw()
    assert page.workspace.interactions.find("1") is None
    assert page.texts("#interactions p.empty") == ["No interaction."]


async def test_interaction_redraws_are_coalesced_off_the_request_path() -> None:
    page = DesktopPage()
    page.workspace.scenario.ring_inbound_call()
    page.workspace.scenario.deliver_chat()
    assert page.texts("#interactions p.empty") == ["No interaction."]  # not drawn yet
    assert page.clock.pending_timers == 1  # one redraw for the burst
    page.redraw()
    assert len(page.document.querySelectorAll("#interaction-list li.interaction")) == 2


async def test_the_agent_consults_a_colleague_chosen_beside_the_buttons() -> None:
    page = DesktopPage()
    call = page.workspace.scenario.ring_inbound_call()
    page.press(call.interaction_id, "accept")
    item = page.interaction_item(call.interaction_id)
    select = page.one("select[data-targets]", item)
    values = [option.getAttribute("value") for option in select.querySelectorAll("option")]
    assert "AGENT:5002" in values and "ROUTING_POINT:7001" in values
    select.value = "AGENT:5002"
    page.one('button[data-action="consult-to"]', item).click()
    consultation = next(i for i in page.workspace.interactions if i.is_consultation)
    assert consultation.parent_interaction_id == call.interaction_id
    assert page.workspace.interactions.get(call.interaction_id).state.value == "HELD"
    page.press(consultation.interaction_id, "sim-remote-answers")
    page.press(consultation.interaction_id, "complete-transfer")
    assert page.interaction_item(consultation.interaction_id).getAttribute("data-state") == "IDLE"
    assert page.interaction_item(call.interaction_id).getAttribute("data-state") == "IDLE"


@pytest.mark.parametrize("button, media", [("consult-to", "chat"), ("voice-consult-to", "voice")])
async def test_a_chat_is_consulted_in_its_own_media_or_by_voice(button: str, media: str) -> None:
    page = DesktopPage()
    chat = page.workspace.scenario.deliver_chat()
    page.press(chat.interaction_id, "accept")
    page.redraw()
    item = page.interaction_item(chat.interaction_id)
    labels = [b.textContent for b in item.querySelectorAll(".targets button")]
    assert labels[:2] == ["Consult", "Consult by voice"]
    page.one("select[data-targets]", item).value = "AGENT:5002"
    page.one(f'button[data-action="{button}"]', item).click()
    consultation = next(i for i in page.workspace.interactions if i.is_consultation)
    assert (consultation.media, consultation.parent_interaction_id) == (media, chat.interaction_id)
    if media == "chat":
        page.press(consultation.interaction_id, "complete-conference")
        assert page.interaction_item(consultation.interaction_id).getAttribute("data-state") == "IDLE"
        assert chat.parties[-1] == {"name": "Sam Rivera"}


async def test_the_dial_pad_dials_and_a_refusal_shows_in_the_alert() -> None:
    page = DesktopPage()
    page.by_id("dial-number").value = "+15550199"
    page.by_id("dial-button").click()
    dialled = next(iter(page.workspace.interactions))
    assert dialled.state.value == "DIALING" and dialled.media_fields["dnis"] == "+15550199"
    assert page.by_id("desktop-alert").textContent == ""
    hang_up = page.one('button[data-action="hang-up"]', page.interaction_item(dialled.interaction_id))
    hang_up.click()
    hang_up.click()  # a double click: the second one lands before the redraw, and is refused
    assert page.by_id("desktop-alert").textContent.startswith(f"Cannot hang up interaction '{dialled.interaction_id}': it is IDLE")


async def test_outside_world_buttons_act_for_the_remote_party_and_the_customer() -> None:
    page = DesktopPage()
    chat = page.workspace.scenario.deliver_chat()
    page.press(chat.interaction_id, "accept")
    page.press(chat.interaction_id, "sim-customer-writes")
    page.redraw()
    assert page.workspace.interactions.get(chat.interaction_id).transcript[-1] == ("customer", "Are you still there?")
    assert "customer: Are you still there?" in page.texts(".transcript")
    page.press(chat.interaction_id, "sim-customer-leaves")
    assert page.interaction_item(chat.interaction_id).getAttribute("data-state") != "ACCEPTED"


# -- apps: tabs, popups, visibility ---------------------------------------------------------------


async def test_apps_are_tabs_and_am_i_visible_follows_the_front_tab() -> None:
    page = DesktopPage()
    first, second = page.app(0, APP_A), page.app(1, APP_B)
    assert page.texts("#app-tabs button[role=tab]") == ["App 0", "App 1"]
    assert [await first.system.am_i_visible(), await second.system.am_i_visible()] == [True, False]
    page.by_id("app-tab-1").click()
    assert page.by_id("app-panel-0").hidden and page.by_id("app-panel-0").inert
    assert page.by_id("app-tab-1").getAttribute("aria-selected") == "true"
    assert [await first.system.am_i_visible(), await second.system.am_i_visible()] == [False, True]
    page.document.visibilityState = "hidden"
    assert await second.system.am_i_visible() is False


async def test_the_app_iframes_the_loader_made_before_python_are_adopted_not_made_again() -> None:
    """The loader draws the tabs' iframes before the desktop's Python is up (web/wwe-scapi.js
    startAppFrames) so that the apps boot meanwhile: the view keeps the one showing its app and
    replaces one showing another."""
    made: dict[str, Any] = {}

    def loader(document: Any) -> None:
        panels = document.getElementById("app-panels")
        for index, url in enumerate([f"{APP_A}/app.html", f"{APP_A}/stale.html"]):
            panel = document.createElement("div")
            panel.setAttribute("id", f"app-panel-{index}")
            frame = document.createElement("iframe")
            for name, value in {"id": f"app-frame-{index}", "src": url, "data-app-url": url}.items():
                frame.setAttribute(name, value)
            panel.appendChild(frame)
            panels.appendChild(panel)
            made[f"app-frame-{index}"] = frame

    page = DesktopPage(predrawn=loader)
    assert page.by_id("app-frame-0") is made["app-frame-0"]  # booting already: kept
    replaced = page.by_id("app-frame-1")
    assert replaced is not made["app-frame-1"] and replaced.getAttribute("data-app-url") == f"{APP_B}/app.html"
    assert len(page.document.querySelectorAll("#app-panels iframe")) == 2
    assert page.texts("#app-tabs button[role=tab]") == ["App 0", "App 1"]
    first = page.app(0, APP_A)
    assert await first.system.am_i_visible() is True
    page.by_id("app-tab-1").click()
    assert await first.system.am_i_visible() is False


async def test_popup_apps_open_once_then_are_focused_and_are_visible() -> None:
    page = DesktopPage(options={"interaction.web-content": "Notes", "Notes/url": f"{APP_B}/notes.html", "Notes/visibility": "POPUP"})
    page.by_id("app-popup-0").click()
    page.by_id("app-popup-0").click()
    assert len(page.platform.opened) == 1
    url, name, popup = page.platform.opened[0]
    assert (url, name, popup.focused) == (f"{APP_B}/notes.html", "wwe-popup-0", 1)
    notes = page.client(popup)
    assert notes.core.transport.kind == "opener"
    assert await notes.system.am_i_visible() is True


async def test_a_toast_button_reaches_the_app_that_opened_it_only() -> None:
    page = DesktopPage()
    owner, other = page.app(0, APP_A), page.app(1, APP_B)
    clicks: list[dict] = []
    heard_by_other: list[dict] = []
    await owner.subscribe("system", clicks.append)
    await other.subscribe("system", heard_by_other.append)
    toast_id = await owner.system.popup_toast({"title": "Callback", "buttons": ["One", "Two", "Three"], "width": 400})
    box = page.one(f'[data-toast-id="{toast_id}"]')
    assert box.getAttribute("style") == "width: 400px"
    assert [b.textContent for b in box.querySelectorAll("button")] == ["Two", "Three", "One"]
    page.one('button[data-choice="1"]', box).click()
    await owner.agent.get()
    assert [c["data"] for c in clicks] == [{"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 1}]
    assert heard_by_other == [] and page.document.querySelectorAll("[data-toast-id]") == []


async def test_show_on_a_toast_brings_its_app_forward_and_my_messages_keeps_it() -> None:
    page = DesktopPage()
    page.app(0, APP_A)
    second = page.app(1, APP_B)
    toast_id = await second.system.popup_toast({"title": "Note", "message": "Hello", "buttonsShowDismiss": True, "sendToMessagePanel": True})
    assert page.texts("#my-messages-list li strong") == ["Note"]
    page.one('button[data-choice="show"]', page.one(f'[data-toast-id="{toast_id}"]')).click()
    assert page.host.view.apps_view.front == 1
    assert await second.system.am_i_visible() is True


async def test_toasts_hide_on_their_own_after_their_timeout() -> None:
    page = DesktopPage()
    app = page.app(0)
    await app.system.popup_toast({"title": "Brief", "autoHideTimeout": 5000})
    assert len(page.document.querySelectorAll("#toasts [data-toast-id]")) == 1
    page.clock.advance(4.9)
    assert len(page.document.querySelectorAll("#toasts [data-toast-id]")) == 1
    page.clock.advance(0.2)
    assert page.document.querySelectorAll("#toasts [data-toast-id]") == []


async def test_a_dialog_takes_the_focus_its_app_is_visible_and_escape_closes_it() -> None:
    page = DesktopPage()
    app = page.app(0)
    dialog_id = await app.system.open_dialog(f"{APP_B}/dialog.html", {"label": "Survey", "width": "430px", "height": "60%"})
    box = page.one(f'[data-dialog-id="{dialog_id}"]')
    assert box.getAttribute("aria-label") == "Survey" and box.getAttribute("style") == "width: 430px;height: 60%;"
    assert page.document.activeElement is page.one("[data-close]", box)
    assert page.by_id("dialogs").hidden is False
    in_dialog = page.client(page.app_window(f"dialog-frame-{dialog_id}", APP_B))
    assert await in_dialog.system.am_i_visible() is True
    page.document.dispatch("keydown", key="Escape")
    assert page.document.querySelectorAll("[data-dialog-id]") == [] and page.by_id("dialogs").hidden
    assert await app.system.close_dialog(dialog_id) is False


async def test_menu_bar_views_are_drawn_and_bring_their_app_forward() -> None:
    page = DesktopPage()
    page.app(0, APP_A)
    second = page.app(1, APP_B)
    name = await second.system.update_view_in_application_menu_bar(
        {"name": "view0", "label": "Queue", "labelColor": "#FFFFFF", "backgroundColor": "#000000", "tooltip": "Calls waiting"}
    )
    button = page.one('button[data-view="view0"]')
    assert (name, button.textContent, button.getAttribute("title")) == ("view0", "Queue", "Calls waiting")
    assert button.getAttribute("style") == "color: #FFFFFF; background: #000000"
    button.click()
    assert page.host.view.apps_view.front == 1
    assert await second.system.close_view_in_application_menu_bar("view0") is True
    assert page.document.querySelectorAll("[data-view]") == []


# -- status: connection, inactivity; the clock drives them ---------------------------------------


async def test_the_inactivity_countdown_runs_on_the_clock_and_logs_the_agent_out() -> None:
    page = DesktopPage(options={"security.inactivity-timeout": "1"})
    page.workspace.set_agent_state("Ready")
    assert page.by_id("inactivity-state").textContent == "1:00 left"
    page.clock.advance(30.5)  # redrawn every second (and a few ms, so never early)
    assert page.by_id("inactivity-state").textContent == "0:30 left"
    page.document.dispatch("click")  # the agent's own activity restarts the count
    page.clock.advance(1)
    assert page.by_id("inactivity-state").textContent == "1:00 left"
    page.clock.advance(61)
    assert page.by_id("inactivity-state").textContent == "session closed for inactivity"
    assert page.workspace.agent_state().operation_name == "Logout"


async def test_the_connection_buttons_drop_and_restore_and_down_comes_after_a_minute() -> None:
    page = DesktopPage()
    app = page.app(0)
    events: list[dict] = []
    await app.subscribe("system", events.append)
    page.by_id("simulate-connection-lost").click()
    assert page.by_id("connection-state").getAttribute("data-state") == "DISCONNECTED"
    page.clock.advance(60.1)
    assert page.by_id("connection-state").getAttribute("data-state") == "DOWN"
    page.by_id("simulate-connection-back").click()
    await app.agent.get()
    assert [e["data"]["state"] for e in events] == ["DISCONNECTED", "DOWN", "RECONNECTED"]
    page.by_id("simulate-connection-back").click()  # not lost: refused, shown
    assert page.by_id("desktop-alert").textContent == "The real-time connection is not lost."


# -- the protocol log -------------------------------------------------------------------------------


async def _get_states(app: Any, count: int) -> None:
    """`count` agent.getState requests sent at once, every one answered."""
    await asyncio.gather(*(app.agent.get_state() for _ in range(count)))


async def test_the_log_is_drawn_in_one_batch_per_quarter_second_with_each_entrys_own_time() -> None:
    page = DesktopPage()
    app = page.app(0)
    await app.agent.get()
    page.clock.advance(0.1)
    await app.agent.get_state()
    with pytest.raises(RequestFailed):
        await app.request("weather.get")
    table = page.platform.log_table
    assert table is not None and table.batches == []
    page.clock.advance(0.15)
    assert table.batches == [3]
    rows = table.shown
    assert [row[1:6] for row in rows] == [
        ["request", APP_A, "1", "weather.get", "Unknown request 'weather.get'."],
        ["request", APP_A, "1", "agent.getState", "ok"],
        ["request", APP_A, "1", "agent.get", "ok"],
    ]
    assert rows[0][0] - rows[2][0] == pytest.approx(100)  # ms: the entries' own times
    assert [row[6] for row in rows] == [False, True, True]


async def test_each_row_names_the_frames_tab_and_holds_the_messages_parameters_and_payload() -> None:
    page = DesktopPage()
    app = page.app(0)
    await app.subscribe(["interaction"], lambda message: None)
    call = page.workspace.scenario.ring_inbound_call(user_data={"Segment": "Gold"})
    await app.interaction.set_user_data(call.interaction_id, {"VIP": "yes"})
    page.clock.advance(0.25)
    rows = page.platform.log_table.shown  # type: ignore[union-attr]
    table = page.platform.log_table
    assert table is not None
    set_user_data = next(row for row in rows if row[4] == "interaction.setUserData")
    assert set_user_data[8] == "App 0"  # the tab's title
    details = table.details(set_user_data[9])  # fetched when the row is opened
    assert '"VIP": "yes"' in details and details.startswith("parameters:")
    event = next(row for row in rows if row[1] == "event")
    assert table.details(event[9]).startswith("data:") and "Gold" in table.details(event[9])


async def test_a_rows_details_are_built_only_when_it_is_opened_and_only_while_kept() -> None:
    page = DesktopPage()
    app = page.app(0)
    await app.agent.get_state()
    page.clock.advance(0.25)
    table = page.platform.log_table
    assert table is not None
    [row] = table.shown
    assert isinstance(row[9], int) and row[9] > 0 and all(not isinstance(cell, str) or "data:" not in cell for cell in row)
    assert table.details(row[9]).startswith("data:")
    await _get_states(app, 200)
    page.clock.advance(0.25)
    assert table.details(row[9]) == ""  # no longer kept: the drawer says so
    with pytest.raises(ValueError, match="only 'rows' or 'details'"):
        table.fetch("cells", 1)


async def test_under_a_sustained_burst_the_log_is_drawn_once_a_second_and_at_once_when_it_ends() -> None:
    page = DesktopPage()
    app = page.app(0)
    table = page.platform.log_table
    assert table is not None
    drawn_at: list[float] = []
    for step in range(250):  # a request every 10 ms for 2.5 s
        await app.agent.get_state()
        page.clock.advance(0.01)
        if len(table.batches) > len(drawn_at):
            drawn_at.append(round((step + 1) * 0.01, 2))
    assert drawn_at == [1.0, 2.0]  # not four times a second between the burst's requests
    page.clock.advance(0.3)
    assert len(table.batches) == 3  # the burst's end, drawn once it is over
    await app.agent.get()  # a lone request: drawn a quarter second later
    page.clock.advance(0.3)
    assert len(table.batches) == 4 and table.shown[0][4] == "agent.get"


async def test_the_log_keeps_the_newest_rows_only() -> None:
    page = DesktopPage()
    app = page.app(0)
    for _ in range(230):
        app.agent.get_state()
    await app.agent.get()
    page.clock.advance(0.25)
    table = page.platform.log_table
    assert table is not None and table.batches == [25] and len(table.shown) == 25  # built: what is drawn
    assert table.shown[0][4] == "agent.get"
    table.scroll(away_from_top=True)  # the reader scrolls: the rest of the newest 200 is fetched
    assert len(table.shown) == 200 and table.shown[0][4] == "agent.get"
    assert [row[4] for row in table.shown[1:]] == ["agent.getState"] * 199
    keys = [row[9] for row in table.shown]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 200


async def test_a_scrolled_table_gets_every_new_row_and_none_twice() -> None:
    page = DesktopPage()
    app = page.app(0)
    await _get_states(app, 30)
    page.clock.advance(0.25)
    table = page.platform.log_table
    assert table is not None
    await _get_states(app, 41)  # 41 entries due, not drawn yet, when the reader scrolls
    table.scroll(away_from_top=True)
    assert len(table.shown) == 30
    await app.agent.get()
    page.clock.advance(0.25)
    assert table.batches == [25, 42] and len(table.shown) == 72
    keys = [row[9] for row in table.shown]
    assert keys == list(range(keys[0], keys[0] - 72, -1))  # every entry once, newest first
    table.scroll(away_from_top=False)
    assert len(table.shown) == 25 and table.shown[0][4] == "agent.get"


# -- the scenario entry point ------------------------------------------------------------------------


async def test_wwe_scenario_runs_a_step_with_keywords_and_answers_plain_data() -> None:
    page = DesktopPage()
    call = page.platform.exposed["wweScenario"]("ring_inbound_call", {"ani": "+15550100", "user_data": {"Segment": "Gold"}})
    assert call["state"] == "RINGING" and call["userData"] == {"Segment": "Gold"} and call["ani"] == "+15550100"
    json.dumps(call)  # plain data only
    page.platform.exposed["wweScenario"]("no_answer", {"interaction_id": call["interactionId"]})
    assert page.workspace.interactions.find(call["interactionId"]) is None


def test_run_scenario_refuses_unknown_steps_naming_the_known_ones() -> None:
    with pytest.raises(ValueError) as refused:
        run_scenario(Workspace(), "__init__")
    assert str(refused.value).startswith("Unknown scenario step '__init__'. Steps: ")
    assert "ring_inbound_call" in str(refused.value)
    assert all(not name.startswith("_") for name in SCENARIO_METHODS)
    assert run_scenario(Workspace(), "drop_realtime_connection") is None


async def test_a_stranger_origin_gets_failures_and_no_frame() -> None:
    page = DesktopPage()
    stranger = page.client(page.app_window("app-frame-0", "http://stranger.test"))
    with pytest.raises(RequestFailed, match="is not accepted"):
        await stranger.agent.get()
    assert page.host.service.frames == {}
    assert DESKTOP not in page.texts("#protocol-log-body td")


async def test_a_served_requests_warnings_are_shown_on_its_log_row() -> None:
    page = DesktopPage()
    app = page.app(0)
    await app.system.popup_toast({"title": "x", "autoHideTimout": 5})
    await app.agent.get()
    page.clock.advance(0.25)
    table = page.platform.log_table
    assert table is not None
    toast_row, agent_row = table.shown[1], table.shown[0]
    assert toast_row[4] == "system.popupToast" and toast_row[7] is True
    assert toast_row[5].startswith("ok ⚠ system.popupToast: unknown parameter 'autoHideTimout'; the reference documents title,")
    assert agent_row[4:6] == ["agent.get", "ok"] and agent_row[7] is False
