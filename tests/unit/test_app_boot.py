"""An app's boot in CPython: connect() on a fake page (the same code as in Pyodide), which
window it talks to, which origin it posts to, what it listens to, and the page's one client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from wwe_scapi.browser import app as app_boot
from wwe_scapi.browser.app import connect
from wwe_scapi.client import NoServiceWindow
from wwe_scapi.compat import IN_BROWSER, page_platform
from wwe_scapi.compat.fake import FakeBrowser, FakePlatform, FakeWindow
from wwe_scapi.protocol.messages import success_response
from wwe_scapi.service import Service
from wwe_scapi.security import OriginPolicy
from wwe_scapi.transports.postmessage import PostMessageClientTransport, PostMessageServiceTransport

DESKTOP = "http://desktop.test"
APP = "http://app.test"


@pytest.fixture(autouse=True)
def fresh_page() -> Iterator[None]:
    app_boot.forget_page_client()
    yield
    app_boot.forget_page_client()


def served_page(browser: FakeBrowser) -> tuple[FakeWindow, FakeWindow]:
    """A desktop page serving APP, and an app window in an iframe of it."""
    desktop = browser.page(DESKTOP)
    Service(policy=OriginPolicy.parse(APP), transport=PostMessageServiceTransport(FakePlatform(desktop)))
    return desktop, browser.frame(desktop, APP)


async def test_an_app_in_an_iframe_talks_to_its_parent_at_the_parents_origin() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    desktop, window = served_page(browser)
    client = connect(platform=FakePlatform(window))
    transport = client.core.transport
    assert isinstance(transport, PostMessageClientTransport)
    assert (transport.kind, transport.service_origin) == ("parent", DESKTOP)
    assert (await client.agent.get())["username"] == "ksandoval"
    assert client.frame_id == 1


async def test_a_popup_talks_to_its_opener() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    desktop, _ = served_page(browser)
    popup = browser.popup(desktop, APP)
    client = connect(platform=FakePlatform(popup))
    assert client.core.transport.kind == "opener"  # type: ignore[attr-defined]
    assert (await client.agent.get_state())["type"] == "NOT_READY"


async def test_an_explicit_target_wins_and_is_posted_to_with_star_until_it_answers() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    desktop, window = served_page(browser)
    elsewhere = browser.page(APP)  # a top-level page of its own, told where the desktop is
    client = connect(platform=FakePlatform(elsewhere), target=desktop)
    transport = client.core.transport
    assert (transport.kind, transport.service_origin) == ("explicit", "*")  # type: ignore[attr-defined]
    await client.agent.get()
    assert transport.service_origin == DESKTOP  # type: ignore[attr-defined]


def test_a_page_with_no_service_window_is_told_how_to_give_one() -> None:
    lonely = FakeBrowser().page(APP)
    with pytest.raises(NoServiceWindow, match=r"neither in an iframe nor a popup; pass target="):
        connect(platform=FakePlatform(lonely))


async def test_the_client_listens_to_its_service_window_only_and_to_wwe_messages_only() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    desktop = browser.page(DESKTOP)
    window = browser.frame(desktop, APP)
    sibling = browser.frame(desktop, "http://sibling.test")
    client = connect(platform=FakePlatform(window))
    strings: list[str] = []
    client.core.on_string = strings.append
    pending = client.agent.get()
    reference = client.core._pending and next(iter(client.core._pending))
    forged = success_response("agent.get", reference, {"username": "forged"})
    window.postMessage(forged, "*", sibling)  # another window: dropped
    window.postMessage({**forged, "userAgent": "Other"}, "*", desktop)  # not WWE: dropped
    window.postMessage("wwe:focus", "*", desktop)
    window.postMessage("hello", "*", desktop)  # a string not starting with wwe: dropped
    browser.deliver()
    assert not pending.done() and strings == ["wwe:focus"]
    window.postMessage(success_response("agent.get", reference, {"username": "real"}), "*", desktop)
    browser.deliver()
    assert await pending == {"username": "real"}


def test_connect_gives_the_page_one_client_and_refuses_other_arguments() -> None:
    desktop_window = FakeBrowser().page(DESKTOP)
    platform = FakePlatform(FakeBrowser().frame(desktop_window, APP))
    first = connect(platform=platform, timeout=5)
    assert connect() is first and connect(timeout=5) is first
    with pytest.raises(ValueError) as refused:
        connect(timeout=3)
    assert str(refused.value) == (
        "connect() was called before with other arguments: timeout=3 (the page's client has 5). "
        "Pass new=True for a second client, or call connect() without arguments."
    )
    with pytest.raises(ValueError, match=r"service_origin='http://x.test' \(the page's client has 'the default'\)"):
        connect(service_origin="http://x.test")
    other = connect(platform=platform, timeout=3, new=True)
    assert other is not first and other.timeout == 3 and connect() is first


def test_out_of_the_browser_the_page_platform_says_what_to_do_instead() -> None:
    assert IN_BROWSER is False
    with pytest.raises(RuntimeError, match="runs in Pyodide. In CPython, hand it a platform"):
        page_platform()


def test_a_closed_client_stops_listening() -> None:
    browser = FakeBrowser()
    desktop = browser.page(DESKTOP)
    window = browser.frame(desktop, APP)
    client = connect(platform=FakePlatform(window), new=True, timeout=1)
    frame_id = {"frameId": 1, "userAgent": "WWE Server", "protocolVersion": 2}
    window.postMessage(frame_id, "*", desktop)
    browser.deliver()
    assert client.frame_id == 1
    client.close()
    window.postMessage({**frame_id, "frameId": 2}, "*", desktop)
    browser.deliver()
    assert client.frame_id == 1 and window._listeners == []


async def test_a_second_client_of_the_page_has_its_frame_id_and_the_first_keeps_its_subscriptions() -> None:
    browser = FakeBrowser(schedule=asyncio.get_running_loop().call_soon)
    desktop, window = served_page(browser)
    platform = FakePlatform(window)
    first = connect(platform=platform)
    events: list[dict] = []
    await first.subscribe("agent", events.append)
    await first.agent.get()  # with its frame id: the page has announced it
    second = connect(platform=platform, new=True)
    assert second.frame_id == first.frame_id is not None
    await second.agent.set_state("Ready")
    await first.agent.get_state()  # one more round trip: the event came before its answer
    assert [event["data"]["eventType"] for event in events] == ["STATE_CHANGED"]
