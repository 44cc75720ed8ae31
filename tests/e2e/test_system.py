"""The system namespace and the desktop end to end: toasts, dialogs, menu-bar views,
visibility, activity, the real-time connection and web-content apps, across real origins."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Frame, Page

from e2e_support import BOOT_TIMEOUT_MS, Desktop, app_url

# The system events but frameState: a desktop tab of an earlier test on the same origin may
# still hand over the lead while this one runs; the tests' own subject is what they click.
SUBSCRIBE_SYSTEM = """
import json
seen = []
await service.subscribe(["system"], lambda message: None if "frameState" in message["data"] else seen.append(message))
json.dumps(True)
"""


def run(desktop: Desktop, target: Page | Frame, code: str) -> Any:
    return desktop.run(target, code)


@pytest.fixture
def two_apps(site, open_desktop) -> Desktop:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 2, "python-client.html")]
    return open_desktop(apps, accept=[site.origins[1], site.origins[2], site.origins[3]])


def test_a_toast_button_click_reaches_only_the_app_that_opened_it(two_apps: Desktop) -> None:
    desktop = two_apps
    app_a, app_b = desktop.frame(0), desktop.frame(1)
    for frame in (app_a, app_b):
        desktop.py(frame, SUBSCRIBE_SYSTEM)
    toast_id = run(
        desktop,
        app_a,
        """await service.system.popup_toast({
    'title': 'Callback due', 'subject': 'Customer 1042', 'message': 'Call back before noon',
    'keyValues': {'Phone': '+15550100'}, 'buttons': ['One', 'Two', 'Three'],
})""",
    )
    assert toast_id == "wweCustomToast0"
    toast = desktop.page.locator(f'[data-toast-id="{toast_id}"]')
    assert toast.locator("button").all_inner_texts() == ["Two", "Three", "One"]
    assert "Customer 1042" in toast.inner_text() and "+15550100" in toast.inner_text()
    toast.locator("button", has_text="Two").click()
    clicks = desktop.wait_for_list(app_a, "seen", 1)
    assert clicks == [
        {
            "event": "system",
            "data": {"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast_id, "buttonIndex": 1},
            "userAgent": "WWE Server",
            "protocolVersion": 2,
        }
    ]
    desktop.page.wait_for_selector(f'[data-toast-id="{toast_id}"]', state="detached")
    # App B's request is answered after any event sent before it: it got none.
    assert run(desktop, app_b, "await service.system.close_toast('wweCustomToast0')") is False
    assert run(desktop, app_b, "len(seen)") == 0


def test_toasts_hide_update_close_and_reach_my_messages(two_apps: Desktop) -> None:
    desktop = two_apps
    app = desktop.frame(0)
    hiding = run(desktop, app, "await service.system.popup_toast({'title': 'Brief', 'autoHideTimeout': 400})")
    desktop.page.wait_for_selector(f'[data-toast-id="{hiding}"]')
    desktop.page.wait_for_selector(f'[data-toast-id="{hiding}"]', state="detached", timeout=5_000)
    kept = run(
        desktop,
        app,
        "await service.system.popup_toast({'title': 'Note', 'message': 'Saved for later', 'sendToMessagePanel': True, 'width': 420})",
    )
    box = desktop.page.locator(f'[data-toast-id="{kept}"]')
    assert box.bounding_box()["width"] == 420
    assert "Saved for later" in desktop.page.locator("#my-messages-list").inner_text()
    results = run(
        desktop,
        app,
        f"""[
    await service.system.update_toast('{kept}', {{'message': 'Updated'}}),
    await service.system.update_toast('nope', {{'message': 'x'}}),
    await service.system.close_toast('{kept}'),
    await service.system.close_toast('{kept}'),
]""",
    )
    assert results == [True, False, True, False]
    desktop.page.wait_for_selector(f'[data-toast-id="{kept}"]', state="detached")
    # A misspelt key is left out, and the log's row of the request says so.
    assert run(desktop, app, "await service.system.popup_toast({'title': 'x', 'autoHideTimout': 5})").startswith("wweCustomToast")
    desktop.page.wait_for_function(
        "[...document.querySelectorAll('#protocol-log-body tr.warned')].some(r => r.cells[4].textContent === 'system.popupToast'"
        " && r.cells[5].textContent.includes(\"⚠ system.popupToast: unknown parameter 'autoHideTimout'\"))",
        polling=25,
    )


def test_strict_mode_refuses_what_strays_from_the_documented_form(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 1, "python-client.html")], accept=[site.origins[1]], strict=True)
    app = desktop.frame(0)
    error = desktop.failure(app, "service.system.popup_toast({'title': 'x', 'autoHideTimout': 5})")
    assert error.startswith("Strict mode: system.popupToast: unknown parameter 'autoHideTimout'; the reference documents title,")
    assert desktop.failure(app, "service.system.popup_toast({'title': 'x'})") is None


def test_show_brings_the_calling_app_forward_and_am_i_visible_follows_the_tabs(two_apps: Desktop) -> None:
    desktop = two_apps
    app_a, app_b = desktop.frame(0), desktop.frame(1)
    assert run(desktop, app_a, "await service.system.am_i_visible()") is True
    assert run(desktop, app_b, "await service.system.am_i_visible()") is False
    desktop.page.click("#app-tab-1")
    assert run(desktop, app_a, "await service.system.am_i_visible()") is False
    assert run(desktop, app_b, "await service.system.am_i_visible()") is True
    # App A, now in the background, asks for attention; Show brings it to the front.
    toast = run(desktop, app_a, "await service.system.popup_toast({'title': 'Look at me', 'buttonsShowDismiss': True})")
    buttons = desktop.page.locator(f'[data-toast-id="{toast}"] button')
    assert buttons.all_inner_texts() == ["Show", "Dismiss"]
    buttons.first.click()
    desktop.page.wait_for_selector('#app-tab-0[aria-selected="true"]')
    assert run(desktop, app_a, "await service.system.am_i_visible()") is True


def test_a_dialog_opens_an_app_on_a_third_origin_that_uses_the_api(two_apps: Desktop) -> None:
    desktop = two_apps
    dialog_url = app_url(desktop.site, 3, "python-client.html")
    dialog_id = run(
        desktop,
        desktop.frame(0),
        f"await service.system.open_dialog('{dialog_url}', {{'label': 'Customer lookup', 'width': '430px', 'height': '50%'}})",
    )
    assert dialog_id == "wweCustomDialog1"
    dialog = desktop.page.locator('[role="dialog"][aria-label="Customer lookup"]')
    assert dialog.bounding_box()["width"] == 430
    inner = next(f for f in _wait_frames(desktop, dialog_url))
    inner.wait_for_function("window.wweAppReady === true", timeout=BOOT_TIMEOUT_MS)
    agent, visible = run(desktop, inner, "[await service.agent.get(), await service.system.am_i_visible()]")
    assert agent["username"] == "ksandoval" and visible is True
    assert inner.evaluate("location.origin") == desktop.site.origins[3]
    results = run(
        desktop,
        desktop.frame(0),
        f"""[
    await service.system.close_dialog('{dialog_id}'),
    await service.system.close_dialog('{dialog_id}'),
    await service.system.open_dialog(None, {{}}),
]""",
    )
    assert results == [True, False, None]
    desktop.page.wait_for_selector('[role="dialog"]', state="detached")
    # Escape closes the newest dialog; the app that opened it can tell.
    second = run(desktop, desktop.frame(0), f"await service.system.open_dialog('{dialog_url}', {{}})")
    desktop.page.wait_for_selector('[role="dialog"] [data-close]:focus')
    desktop.page.keyboard.press("Escape")
    desktop.page.wait_for_selector('[role="dialog"]', state="detached")
    assert run(desktop, desktop.frame(0), f"await service.system.close_dialog('{second}')") is False


def _wait_frames(desktop: Desktop, url: str) -> Any:
    while True:
        found = [frame for frame in desktop.page.frames if frame.url == url]
        if found:
            return found
        desktop.page.wait_for_event("framenavigated", timeout=BOOT_TIMEOUT_MS)


def test_menu_bar_views_are_created_updated_and_closed(two_apps: Desktop) -> None:
    desktop = two_apps
    app = desktop.frame(1)
    name = run(
        desktop,
        app,
        "await service.system.update_view_in_application_menu_bar({'name': 'queue', 'label': 'Queue: 3', 'tooltip': 'Calls waiting', 'labelColor': '#FFFFFF', 'backgroundColor': '#B3261E'})",
    )
    assert name == "queue"
    view = desktop.page.locator('#menu-bar-views [data-view="queue"]')
    assert view.inner_text() == "Queue: 3" and view.get_attribute("title") == "Calls waiting"
    run(desktop, app, "await service.system.update_view_in_application_menu_bar({'name': 'queue', 'label': 'Queue: 5'})")
    desktop.page.wait_for_selector('#menu-bar-views [data-view="queue"] >> text=Queue: 5')
    view.click()  # opens the app that owns the view
    desktop.page.wait_for_selector('#app-tab-1[aria-selected="true"]')
    closed = run(
        desktop,
        app,
        "[await service.system.close_view_in_application_menu_bar('queue'), await service.system.close_view_in_application_menu_bar('queue')]",
    )
    assert closed == [True, False]
    desktop.page.wait_for_selector('#menu-bar-views [data-view="queue"]', state="detached")


def test_realtime_connection_and_inactivity(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop(
        [app_url(site, 1, "python-client.html")],
        options={"security.inactivity-timeout": "10"},
        accept=[site.origins[1]],
    )
    app = desktop.frame(0)
    desktop.py(app, SUBSCRIBE_SYSTEM)
    desktop.page.click("#simulate-connection-lost")
    desktop.page.wait_for_selector('#connection-state[data-state="DISCONNECTED"]')
    desktop.page.click("#simulate-connection-back")
    states = [m["data"] for m in desktop.wait_for_list(app, "seen", 2)]
    assert states == [
        {"eventType": "REALTIME_CONNECTION", "state": "DISCONNECTED"},
        {"eventType": "REALTIME_CONNECTION", "state": "RECONNECTED"},
    ]
    desktop.page.evaluate("wweScenario('drop_realtime_connection', {})")
    desktop.page.evaluate("wweScenario('realtime_connection_down', {})")
    assert [m["data"]["state"] for m in desktop.wait_for_list(app, "seen", 4)[2:]] == ["DISCONNECTED", "DOWN"]
    # The inactivity countdown runs on the desktop; triggerActivity restarts it.
    desktop.page.wait_for_function(
        "Number(document.getElementById('inactivity-state').dataset.remaining) <= 598", timeout=10_000
    )
    run(desktop, app, "await service.system.trigger_activity()\nTrue")
    remaining = desktop.page.evaluate("Number(document.getElementById('inactivity-state').dataset.remaining)")
    assert remaining >= 599


def test_web_content_sections_place_apps_as_tabs_background_and_popups(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    tab_url = app_url(site, 1, "python-client.html")
    background_url = app_url(site, 2, "python-client.html")
    popup_url = app_url(site, 4, "python-client.html")
    desktop = open_desktop(
        [],
        options={
            "interaction.web-content": "CRM,Recorder,Notes,Retired",
            "CRM/url": tab_url,
            "CRM/title": "CRM",
            "Recorder/url": background_url,
            "Recorder/visibility": "background",
            "Notes/url": popup_url,
            "Notes/title": "Notes",
            "Notes/visibility": "POPUP",
            "Retired/url": "http://retired.invalid/",
            "Retired/visibility": "HIDDEN",
        },
        accept=[site.origins[1], site.origins[2], site.origins[4]],
    )
    assert desktop.page.locator("#app-tabs [role=tab]").all_inner_texts() == ["CRM"]
    assert "Retired" in desktop.page.locator("#app-tabs .hidden-apps").inner_text()
    tab = next(iter(_wait_frames(desktop, tab_url)))
    background = next(iter(_wait_frames(desktop, background_url)))
    for frame in (tab, background):
        frame.wait_for_function("window.wweAppReady === true", timeout=BOOT_TIMEOUT_MS)
    assert run(desktop, tab, "await service.system.am_i_visible()") is True
    assert run(desktop, background, "await service.system.am_i_visible()") is False
    assert run(desktop, background, "(await service.agent.get())['username']") == "ksandoval"
    with desktop.page.expect_popup() as opened:
        desktop.page.click("#app-popup-0")
    popup = opened.value
    popup.wait_for_function("window.wweAppReady === true", timeout=BOOT_TIMEOUT_MS)
    kind, agent, visible = run(
        desktop, popup, "[service.core.transport.kind, (await service.agent.get())['username'], await service.system.am_i_visible()]"
    )
    assert (kind, agent, visible) == ("opener", "ksandoval", True)


def test_the_desktop_screenshot(two_apps: Desktop, tmp_path: Path) -> None:
    """A picture of the desktop with work on it; WWE_SCREENSHOT_TO=path keeps a copy."""
    desktop = two_apps
    page = desktop.page
    page.set_viewport_size({"width": 1360, "height": 900})
    page.evaluate("wweScenario('ring_inbound_call', {user_data: {Segment: 'Gold', Account: 'ACME-042'}})")
    page.click('[data-interaction-id="1"] [data-action="accept"]')
    page.evaluate("wweScenario('deliver_chat', {})")
    run(
        desktop,
        desktop.frame(0),
        """[
    await service.system.update_view_in_application_menu_bar({'name': 'queue', 'label': 'Queue: 3', 'backgroundColor': '#17849D'}),
    await service.system.popup_toast({'title': 'Callback due', 'message': 'Customer 1042 before noon', 'buttons': ['Open', 'Later'], 'sendToMessagePanel': True}),
]""",
    )
    page.wait_for_selector("[data-toast-id]")
    page.wait_for_selector("#protocol-log-body tr")
    path = tmp_path / "desktop.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    keep = os.environ.get("WWE_SCREENSHOT_TO")
    if keep:
        shutil.copyfile(path, keep)
