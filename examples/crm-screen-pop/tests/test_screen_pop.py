"""The CRM screen pop, tested end to end against the simulated Agent Workspace: a Python app
and a plain-JavaScript app on origins of their own, in Chromium, with wwe-scapi's pytest
plugin (wwe_desktop, wwe_memory). Run: `python3 -m pytest examples/crm-screen-pop`."""

import sys
from pathlib import Path

from playwright.sync_api import expect

APPS = Path(__file__).resolve().parent.parent / "apps"
CRM = ("CRM", APPS / "python" / "index.html")
NOTES = ("Notes", APPS / "js" / "index.html")


def test_a_known_caller_pops_their_account_in_both_apps(wwe_desktop):
    desktop = wwe_desktop(apps=[CRM, NOTES])
    call = desktop.scenario.ring_inbound_call(ani="+15550100")
    attached = desktop.wait_for_request("interaction.setUserData", origin=desktop.apps[0].origin)
    assert attached["ok"] and attached["parameters"] == [call["interactionId"], {"CRM_AccountId": "ACME-042"}]
    expect(desktop.app("CRM").locator("#account")).to_have_text("Acme Corp (ACME-042)")
    expect(desktop.app("Notes").locator("#caller")).to_contain_text("account ACME-042")


def test_the_javascript_app_marks_the_caller_vip(wwe_desktop):
    desktop = wwe_desktop(apps=[CRM, NOTES])
    call = desktop.scenario.ring_inbound_call(ani="+15550199")
    notes = desktop.show("Notes")  # its tab to the front, as the agent would
    notes.locator("#vip").click()
    marked = desktop.wait_for_request("interaction.setUserData", origin=desktop.apps[1].origin)
    assert marked["parameters"] == [call["interactionId"], {"VIP": "yes"}]
    expect(notes.locator("#status")).to_have_text("VIP")
    [interaction] = desktop.interactions()
    assert interaction["userData"]["VIP"] == "yes" and interaction["userData"]["CRM_AccountId"] == "GLOBEX-7"


def test_an_unknown_caller_gets_no_account(wwe_desktop):
    desktop = wwe_desktop(apps=[CRM])
    desktop.scenario.ring_inbound_call(ani="+15550000")
    expect(desktop.app("CRM").locator("#account")).to_have_text("Unknown caller +15550000")
    assert not [entry for entry in desktop.log if entry["request"] == "interaction.setUserData"]


# -- in CPython, no browser ------------------------------------------------------------------


def test_the_crm_lookup():
    sys.path.insert(0, str(APPS / "python"))
    try:
        from crm import account_for
    finally:
        sys.path.remove(str(APPS / "python"))
    assert account_for("+15550100") == ("ACME-042", "Acme Corp")
    assert account_for(None) is None


async def test_attaching_the_account_in_cpython(wwe_memory):
    crm = wwe_memory.connect("http://crm.example")
    notes = wwe_memory.connect("http://notes.example")
    heard = []
    await notes.subscribe(["interaction"], lambda message: heard.append(message["data"]))
    call = wwe_memory.scenario.ring_inbound_call(ani="+15550100")
    await crm.interaction.set_user_data(call.interaction_id, {"CRM_AccountId": "ACME-042"})
    await wwe_memory.settle()
    assert heard[-1]["eventType"] == "ATTACHED_DATA_CHANGED"
    assert heard[-1]["interaction"]["userData"]["CRM_AccountId"] == "ACME-042"
