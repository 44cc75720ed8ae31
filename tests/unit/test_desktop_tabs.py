"""The desktop page as one of several tabs, in CPython (the fake DOM and the in-memory tab
channel): what it shows of its tab, its controls applied by the leader, toasts in the last
active tab only, a dialog in its app's tab, the lead passing on at pagehide."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.unit.browser_support import APP_A, DesktopPage
from wwe_scapi.clock import ManualClock
from wwe_scapi.compat.fake import FakeBrowser
from wwe_scapi.tabs.memory import MemoryTabNetwork


class Profile:
    def __init__(self, count: int, options: dict[str, str] | None = None) -> None:
        loop = asyncio.get_running_loop()
        self.network = MemoryTabNetwork(loop.call_soon)
        self.clock = ManualClock()
        self.browser = FakeBrowser(schedule=loop.call_soon)
        self.pages = [
            DesktopPage(options=options, tabs=self.network, clock=self.clock, browser=self.browser) for _ in range(count)
        ]

    async def settle(self) -> None:
        for _ in range(200):  # turns of the loop, no waiting: messages and zero-delay timers
            self.clock.advance(0)
            await asyncio.sleep(0)


def _badge(page: DesktopPage) -> tuple[str, str, str]:
    badge = page.by_id("tab-state")
    return badge.textContent, str(badge.getAttribute("data-frame-state")), str(badge.getAttribute("data-last-active"))


async def test_each_tab_shows_its_state_and_whether_it_is_the_last_active() -> None:
    profile = Profile(2)
    await profile.settle()
    assert [_badge(page) for page in profile.pages] == [
        ("tab 1 · leading · last active", "LEADING", "true"),
        ("tab 2 · following", "FOLLOWING", "false"),
    ]
    first, second = profile.pages
    assert second.platform.tab_activity is not None
    second.platform.tab_activity()  # a click in the second tab
    await profile.settle()
    assert [_badge(page)[2] for page in profile.pages] == ["false", "true"]


async def test_a_followers_controls_are_applied_by_the_leader() -> None:
    profile = Profile(2)
    await profile.settle()
    leader, follower = profile.pages
    follower.by_id("simulate-inbound-call").click()
    await profile.settle()
    [call] = leader.workspace.interaction_list()
    assert follower.workspace.interaction_list() == [call]
    follower.press(call["interactionId"], "accept")
    await profile.settle()
    assert leader.workspace.interactions.find(call["interactionId"]).state.value == "TALKING"
    follower.by_id("agent-state-select").value = "Ready"
    follower.by_id("agent-state-apply").click()
    await profile.settle()
    assert leader.workspace.agent_state().operation_name == "Ready"
    assert follower.by_id("agent-state").textContent == leader.by_id("agent-state").textContent
    assert follower.by_id("desktop-alert").textContent == ""


async def test_a_refusal_from_the_leader_shows_in_the_followers_alert() -> None:
    profile = Profile(2)
    await profile.settle()
    leader, follower = profile.pages
    follower.by_id("dial-number").value = ""
    follower.by_id("dial-button").click()
    await profile.settle()
    leader.by_id("dial-number").value = ""
    leader.by_id("dial-button").click()
    assert follower.by_id("desktop-alert").textContent == leader.by_id("desktop-alert").textContent != ""


async def test_toasts_show_in_the_last_active_tab_only() -> None:
    profile = Profile(2)
    await profile.settle()
    first, second = profile.pages
    app = first.app(0)
    toast = await app.system.popup_toast({"title": "Callback due"})
    await profile.settle()
    assert [len(page.document.querySelectorAll(f'[data-toast-id="{toast}"]')) for page in profile.pages] == [1, 0]
    second.platform.tab_activity()
    await profile.settle()
    assert [len(page.document.querySelectorAll(f'[data-toast-id="{toast}"]')) for page in profile.pages] == [0, 1]


async def test_a_dialog_shows_in_the_tab_of_the_app_that_opened_it() -> None:
    profile = Profile(2)
    await profile.settle()
    first, second = profile.pages
    app = second.app(0)
    dialog = await app.system.open_dialog(f"{APP_A}/dialog.html", {"label": "Notes"})
    await profile.settle()
    assert [len(page.document.querySelectorAll(f'[data-dialog-id="{dialog}"]')) for page in profile.pages] == [0, 1]


async def test_the_lead_passes_on_when_the_leaders_page_goes() -> None:
    profile = Profile(2)
    await profile.settle()
    leader, follower = profile.pages
    leader.by_id("simulate-inbound-call").click()
    await profile.settle()
    assert leader.platform.tab_hidden is not None
    leader.platform.tab_hidden()  # pagehide
    await profile.settle()
    assert _badge(follower) == ("tab 2 · leading · last active", "LEADING", "true")
    assert len(follower.workspace.interaction_list()) == 1
    follower.by_id("simulate-email").click()  # the new leader applies its own controls at once
    assert len(follower.workspace.interaction_list()) == 2


async def test_a_tab_alone_in_a_browser_without_tab_channels_serves_as_before() -> None:
    page = DesktopPage()
    assert page.host.session is None
    assert _badge(page) == ("leading · last active", "LEADING", "true")


