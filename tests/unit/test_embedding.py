"""startService's Python side (browser/embed.py) on the fake page: a host page must name the
origins it serves; its frames are served as on the desktop; amIVisible follows its layout."""

from __future__ import annotations

import asyncio

import pytest

from wwe_scapi.browser.app import connect
from wwe_scapi.browser.embed import EmbeddingError, start
from wwe_scapi.client import RequestFailed
from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform

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
