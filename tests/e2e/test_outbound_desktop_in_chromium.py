"""The desktop's outbound area driven in Chromium as an agent drives it: Playwright clicks and
types on the desktop page (campaigns, a preview record's fields and controls, the interaction
list's call controls and simulator buttons), and a plain-JavaScript app on another origin,
subscribed to `interaction` and `outbound`, hears what those clicks do, in order. What the
agent saved or set is read back through the app's own requests and the scenario's
campaign_records; the desktop page must raise no error throughout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from e2e_support import Desktop, app_url
from playwright.sync_api import Error, Frame, Locator, Page, expect
from wwe_scapi.cli.server import RunningSite

APP = "outbound-vendor.html"
Message = dict[str, Any]
Step = tuple[Any, ...]
OpenDesktop = Callable[..., Desktop]

PULL, PUSH, DIRECT = "CampaignSIP", "CampaignPush", "CampaignDirect"
PREVIEW, PUSHED, CALL = "OUTBOUND_PREVIEW", "OUTBOUND_PUSH_PREVIEW", "OUTBOUND"
RECORD_ACTIONS = ["CALL", "REJECT_RECORD", "CANCEL_RECORD"]
INVITATION = ["ACCEPT", "REJECT"]
DIALING, TALKING, RELEASED = ["HANGUP"], ["HANGUP", "HOLD"], ["MARK_DONE"]
SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}
EXPECT_MS = 10_000  # a redraw or an event is a matter of milliseconds; this is only the ceiling


# -- what the app heard ------------------------------------------------------------------------


def journal(events: list[Message]) -> list[Step]:
    """An interaction event as (eventType, interactionId, state, callType, capabilities); a
    case event as (eventType, "case of <id>"), the case named by its first interaction; an
    `outbound` event as ("outbound", its data)."""
    case_owners: dict[str, str] = {}
    steps: list[Step] = []
    for message in events:
        data = message["data"]
        if message["event"] == "outbound":
            assert {key: message[key] for key in SERVER} == SERVER
            steps.append(("outbound", data))
        elif "interaction" in data:
            interaction = data["interaction"]
            case_owners.setdefault(interaction["caseId"], interaction["interactionId"])
            steps.append(
                (data["eventType"], interaction["interactionId"], interaction["state"], interaction.get("callType"), interaction["capabilities"])
            )
        else:
            steps.append((data["eventType"], f"case of {case_owners.get(data['selectedCaseId'], data['selectedCaseId'])}"))
    return steps


class Listener:
    """The app's events, checked step by step: each `heard` waits until the app has every
    event expected so far, then compares the whole journal (a missing, extra or reordered
    event fails here, or at the next step if it comes late)."""

    def __init__(self, desktop: Desktop, app: Frame) -> None:
        self.desktop, self.app = desktop, app
        self.expected: list[Step] = []

    def heard(self, *steps: Step) -> list[Message]:
        self.expected.extend(steps)
        self.app.wait_for_function("n => window.events.length >= n", arg=len(self.expected), polling=20, timeout=EXPECT_MS)
        events: list[Message] = self.app.evaluate("window.events")
        assert journal(events) == self.expected
        return events

    def request(self, name: str, parameters: list[Any] | None = None) -> Any:
        """A request from the app, answered from the desktop's origin without error: its data."""
        entry: Message = self.app.evaluate("([name, parameters]) => window.send(name, parameters)", [name, parameters])
        reply = entry["reply"]
        assert entry["origin"] == self.desktop.site.desktop
        assert "errorMessage" not in reply, f"{name} failed: {reply.get('errorMessage')!r}"
        assert reply["request"] == name
        return reply.get("data")

    def fields(self, interaction_id: str) -> dict[str, str]:
        """outbound.getRecordFields of the record: name -> value."""
        return {field["name"]: field["value"] for field in self.request("outbound.getRecordFields", [interaction_id])}


def scenario(page: Page, step: str, **arguments: Any) -> Any:
    return page.evaluate("([step, args]) => window.wweScenario(step, args)", [step, arguments])


def outcomes(page: Page, campaign: str) -> dict[int, Message]:
    return {record["recordHandle"]: record for record in scenario(page, "campaign_records", campaign=campaign)}


# -- the desktop page, as the agent sees it ----------------------------------------------------


def campaign(page: Page, name: str) -> Locator:
    return page.locator(f'#campaign-list li.campaign[data-campaign="{name}"]')


def record(page: Page, interaction_id: str) -> Locator:
    return page.locator(f'#outbound-records li.outbound-record[data-interaction-id="{interaction_id}"]')


def listed(page: Page, interaction_id: str) -> Locator:
    """The interaction's item in the Interactions list."""
    return page.locator(f'#interaction-list li.interaction[data-interaction-id="{interaction_id}"]')


def button(area: Locator, label: str) -> Locator:
    return area.get_by_role("button", name=label, exact=True)


def field(area: Locator, name: str) -> Locator:
    return area.locator(f'[data-field="{name}"]')


# -- the test ----------------------------------------------------------------------------------


def test_an_agent_works_a_campaign_on_the_desktop_and_an_app_hears_it(
    site: RunningSite, open_desktop: OpenDesktop, page: Page
) -> None:
    errors: list[Error] = []

    def page_error(error: Error) -> None:
        errors.append(error)

    page.on("pageerror", page_error)
    desktop = open_desktop([app_url(site, 1, APP)], accept=[site.origins[1]])
    assert site.origins[1] != site.desktop
    app = Listener(desktop, desktop.frame(0))
    subscription = app.app.evaluate("names => window.subscribe(names)", ["interaction", "outbound"])
    assert subscription["origin"] == site.desktop and subscription["reply"]["data"] == ["interaction", "outbound"]
    alert = page.locator("#desktop-alert")

    # The campaigns as the agent sees them: the three defaults, running, with their buttons.
    campaigns = page.locator("#campaign-list li.campaign")
    expect(campaigns).to_have_count(3)
    assert [campaigns.nth(i).get_attribute("data-campaign") for i in range(3)] == [PULL, PUSH, DIRECT]
    for name, mode in ((PULL, "Preview"), (PUSH, "Push Preview"), (DIRECT, "Direct Push Preview")):
        expect(campaign(page, name)).to_have_attribute("data-status", "Running")
        expect(campaign(page, name).locator(".campaign-facts")).to_contain_text(f"{mode} · Running · ")
    expect(button(campaign(page, PULL), "Get record")).to_be_visible()
    expect(button(campaign(page, PUSH), "Get record")).to_have_count(0)  # a pushed campaign's records come to the agent
    expect(page.locator("#outbound-records")).to_have_text("No preview record.")

    # Get record: the preview record of CampaignSIP, its chain after it.
    button(campaign(page, PULL), "Get record").click()
    app.heard(
        ("ADDED", "1", "PREVIEWING", PREVIEW, RECORD_ACTIONS),
        ("PREVIEWING", "1", "PREVIEWING", PREVIEW, RECORD_ACTIONS),
        ("CASE_EXPANDED", "case of 1"),
        ("CASE_SELECTED", "case of 1"),
        ("RECORDS_RETRIEVED", "1", "PREVIEWING", PREVIEW, RECORD_ACTIONS),
    )
    preview = record(page, "1")
    expect(preview).to_have_attribute("data-phase", "previewing")
    expect(preview).to_have_attribute("data-campaign", PULL)
    expect(alert).to_have_text("")
    before = app.fields("1")
    assert (before["GSW_CUSTOM_STRING"], before["Custom Integer"]) == ("Hi there!", "0")
    expect(field(preview, "GSW_CUSTOM_STRING")).to_have_value("Hi there!")
    expect(field(preview, "Account Number")).to_have_text("AC-1001")  # not editable: shown, not an input

    # The agent edits a field and saves: the record has the new value.
    field(preview, "GSW_CUSTOM_STRING").fill("Typed in Chromium")
    button(preview, "Save").click()
    expect(alert).to_have_text("")
    saved = app.fields("1")
    assert saved == {**before, "GSW_CUSTOM_STRING": "Typed in Chromium"}
    expect(field(preview, "GSW_CUSTOM_STRING")).to_have_value("Typed in Chromium")

    # Values the field cannot take: the alert says why, and nothing is saved (all or nothing:
    # not the string typed beside them either). Chromium's number input takes no letters
    # ("abc" typed leaves it as it was), so: text it shows but cannot read as a number (its
    # value is then "", validity.badInput), which must not clear the field; then a number
    # that is not whole (the alert names it: a new alert, not the one before).
    field(preview, "GSW_CUSTOM_STRING").fill("Not saved")
    for typed, shown in (("1e", "needs a whole number"), ("4.5", "got a number 4.5")):
        field(preview, "Custom Integer").fill("")
        field(preview, "Custom Integer").press_sequentially(typed)
        button(preview, "Save").click()
        expect(alert).to_contain_text("Custom Integer")
        expect(alert).to_contain_text(shown)
        assert app.fields("1") == saved, f"Save with {typed!r} in Custom Integer changed the record"
    # Put right, then Save again; the field typed beside it was kept.
    field(preview, "Custom Integer").fill("42")
    button(preview, "Save").click()
    expect(alert).to_have_text("")
    assert app.fields("1") == {**saved, "GSW_CUSTOM_STRING": "Not saved", "Custom Integer": "42"}

    # Call the record's first number (257): a new interaction dials it.
    expect(preview.locator('button[data-action="call"]')).to_have_count(2)  # the chain: 257 and 258
    preview.locator('button[data-action="call"][data-record-handle="257"]').click()
    app.heard(("ADDED", "2", "DIALING", CALL, DIALING), ("DIALING", "2", "DIALING", CALL, DIALING))
    called = record(page, "2")  # named by its call now
    expect(called).to_have_attribute("data-phase", "called")
    expect(called).to_have_attribute("data-preview-id", "1")
    expect(called.locator(".record-title")).to_contain_text("record 257")
    expect(record(page, "1")).to_have_count(0)
    assert app.request("interaction.getByInteractionId", ["2"])["userData"]["GSW_RECORD_HANDLE"] == "257"

    # The customer answers (the interaction list's simulator button).
    button(listed(page, "2"), "Remote party answers").click()
    app.heard(("ESTABLISHED", "2", "TALKING", CALL, TALKING))
    expect(called).to_have_attribute("data-state", "TALKING")

    # A call result, chosen and set.
    called.locator('[data-input="call-result"]').select_option("6")
    button(called, "Set").click()
    expect(alert).to_have_text("")
    expect(called.locator(".record-work")).to_contain_text("Call result: BUSY (6)")
    assert app.request("outbound.getCallResult", ["2"]) == 6

    # Hang up in the interaction list, then Done in the outbound area.
    button(listed(page, "2"), "Hang up").click()
    app.heard(("REMOVED", "1", "IDLE", PREVIEW, []), ("RELEASED", "2", "IDLE", CALL, RELEASED))
    expect(called).to_have_attribute("data-state", "IDLE")
    button(called, "Done").click()
    app.heard(("MARKDONE_APPLY", "2", "IDLE", CALL, ["MARK_DONE"]), ("REMOVED", "2", "IDLE", CALL, []))
    expect(page.locator("#outbound-records")).to_have_text("No preview record.")
    expect(listed(page, "2")).to_have_count(0)
    done = outcomes(page, PULL)
    assert done[257] == {"recordHandle": 257, "status": "done", "callResult": 6, "doNotCall": False, "reschedule": None}
    assert done[258]["status"] == "done"  # the chain goes back with its record
    expect(campaign(page, PULL).locator(".campaign-facts")).to_have_text("Preview · Running · 5 records left")

    # The contact centre stops the campaign, then starts it again.
    button(campaign(page, PULL), "Stop").click()
    app.heard(("outbound", {"eventType": "CampaignStopped", "campaign": PULL}))
    expect(campaign(page, PULL)).to_have_attribute("data-status", "Stopped")
    expect(campaign(page, PULL).locator(".campaign-facts")).to_contain_text("Preview · Stopped · ")
    expect(button(campaign(page, PULL), "Get record")).to_have_count(0)
    button(campaign(page, PULL), "Start").click()
    app.heard(("outbound", {"eventType": "CampaignStarted", "campaign": PULL, "mode": "Preview"}))
    expect(campaign(page, PULL)).to_have_attribute("data-status", "Running")
    expect(button(campaign(page, PULL), "Get record")).to_be_visible()

    # The contact centre pushes a CampaignPush record to the agent: an invitation.
    button(campaign(page, PUSH), "Push record").click()
    app.heard(("ADDED", "3", "INVITED", PUSHED, INVITATION), ("INVITED", "3", "INVITED", PUSHED, INVITATION))
    invited = record(page, "3")
    expect(invited).to_have_attribute("data-phase", "invited")
    expect(invited).to_have_attribute("data-campaign", PUSH)
    expect(button(invited, "Accept")).to_be_visible()
    expect(button(invited, "Reject")).to_be_visible()

    # Nothing more came: the reply to a last request travels behind any event still due.
    interactions = app.request("interaction.getInteractions")
    assert [(i["interactionId"], i["state"], i["callType"]) for i in interactions] == [("3", "INVITED", PUSHED)]
    app.heard()
    assert app.app.evaluate("window.strays") == []
    assert [str(error) for error in errors] == []
