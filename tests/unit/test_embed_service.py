"""startService's Python side (browser/embed.py) on the fake page: a host page must name the
origins it serves; its frames are served as on the desktop; amIVisible follows its layout."""

from __future__ import annotations

import asyncio
import json

import pytest

from wwe_scapi.browser.app import connect
from wwe_scapi.browser.embed import EmbeddingError, start
from wwe_scapi.client import RequestFailed
from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform
from wwe_scapi.workspace.toasts import OK

HOST = "http://console.test"
CRM = "http://crm.test"
ORIGINS = "service-client-api.accepted-web-content-origins"


@pytest.mark.parametrize(
    "config, message",
    [
        ({}, "say which origins are served"),
        ({"options": {ORIGINS: "  "}}, "say which origins are served"),
        ({"options": {ORIGINS: "*"}}, "pass allowAnyOrigin: true"),
    ],
)
def test_a_host_page_cannot_serve_every_origin_by_accident(config: dict, message: str) -> None:
    page = FakePlatform(FakeBrowser().page(HOST), html="<body></body>")
    with pytest.raises(EmbeddingError, match=message):
        start(config, page, ManualClock())


def test_any_origin_when_the_page_says_so() -> None:
    page = FakePlatform(FakeBrowser().page(HOST), html="<body></body>")
    running = start({"options": {ORIGINS: "*"}, "allowAnyOrigin": True}, page, ManualClock())
    assert running.service.policy.origins.any_origin


async def test_an_iframe_of_the_host_page_is_served_and_visible_while_shown() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    window = browser.page(HOST)
    page = FakePlatform(window, html='<body><div id="panel"><iframe id="crm" src="http://crm.test/app.html"></iframe></div></body>')
    running = start({"options": {ORIGINS: CRM}, "workspace": {"agent": {"employeeId": "9", "firstname": "Ada", "lastname": "O", "username": "ada"}}}, page, ManualClock())
    app = connect(platform=FakePlatform(browser.frame(window, CRM, page.fake_document.getElementById("crm"))), new=True)
    assert (await app.agent.get())["username"] == "ada"
    assert await app.system.am_i_visible() is True
    page.fake_document.getElementById("panel").hidden = True
    assert await app.system.am_i_visible() is False
    stranger = connect(platform=FakePlatform(browser.frame(window, "http://other.test", page.fake_document.getElementById("crm"))), new=True)
    with pytest.raises(RequestFailed, match="not accepted"):
        await stranger.agent.get()
    running.close()


async def test_toasts_dialogs_and_menu_bar_views_go_to_the_pages_callbacks_and_toasts_hide_on_time() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    window = browser.page(HOST)
    page = FakePlatform(window, html='<body><iframe id="crm" src="http://crm.test/app.html"></iframe></body>')
    clock = ManualClock()
    shown: dict[str, list] = {"toasts": [], "dialogs": [], "menu-bar": []}
    views = {kind: (lambda text, kind=kind: shown[kind].append(json.loads(text))) for kind in shown}
    running = start({"options": {ORIGINS: CRM}, "views": views}, page, clock)
    app = connect(platform=FakePlatform(browser.frame(window, CRM, page.fake_document.getElementById("crm"))), new=True)
    toast = await app.system.popup_toast({"title": "Callback", "message": "from the CRM", "autoHideTimeout": 2000})
    [[listed]] = shown["toasts"]
    assert listed["id"] == toast and listed["title"] == "Callback" and listed["buttons"] == [[OK, "OK"]]
    await app.system.open_dialog("http://crm.test/dialog.html", {"label": "Account"})
    assert shown["dialogs"][-1][0]["label"] == "Account" and shown["dialogs"][-1][0]["url"] == "http://crm.test/dialog.html"
    await app.system.update_view_in_application_menu_bar({"name": "view0", "label": "CRM"})
    assert shown["menu-bar"][-1][0]["name"] == "view0"
    clock.advance(0)  # the deadline is looked at once the turn is over
    clock.advance(2.1)
    assert shown["toasts"][-1] == []  # hidden on time, the page told
    assert running.workspace.system.toasts.toasts == {}
    running.close()


async def test_the_page_chooses_its_frames_by_element_and_clicks_toasts_it_draws() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    window = browser.page(HOST)
    page = FakePlatform(window, html='<body><iframe id="crm" src="http://crm.test/a"></iframe><iframe id="ads" src="http://crm.test/b"></iframe></body>')
    serve_frame = lambda element, origin: element is not None and element.id == "crm"  # noqa: E731
    running = start({"options": {ORIGINS: CRM}, "serveFrame": serve_frame}, page, ManualClock())
    document = page.fake_document
    crm = connect(platform=FakePlatform(browser.frame(window, CRM, document.getElementById("crm"))), new=True)
    ads = connect(platform=FakePlatform(browser.frame(window, CRM, document.getElementById("ads"))), new=True)
    heard: list[dict] = []
    await crm.subscribe(["system"], heard.append)
    with pytest.raises(RequestFailed, match="serveFrame said no"):
        await ads.agent.get()
    toast = await crm.system.popup_toast({"title": "Callback?", "buttons": ["Later", "Call"]})
    assert json.loads(running.click_toast(toast, 1)) == {"clicked": True, "bringForward": None}
    await asyncio.sleep(0)
    assert heard[-1]["data"] == {"eventType": "CUSTOM_TOAST_BUTTON_CLICK", "customToastId": toast, "buttonIndex": 1}
    assert json.loads(running.click_toast("no-such-toast", "ok")) == {"clicked": False, "bringForward": None}
    running.close()
