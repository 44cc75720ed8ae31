"""Outbound campaigns end to end: apps on their own origins work preview records over the real
postMessage path, and every interaction event is checked, in order, against the reference's
"Outbound preview events" table (eventType, interactionId, state, callType, capabilities).
A plain-JavaScript app (apps/outbound-vendor.html) sends the vendor client's envelopes for the
vendor sample page's outbound calls; the project's Python client does a push preview; a
second app hears the campaign events of the `outbound` topic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from playwright.sync_api import Frame

from e2e_support import BOOT_TIMEOUT_MS, Desktop, app_url

APP = "outbound-vendor.html"
Message = dict[str, Any]
Request = tuple[str, list[Any] | None]  # (request, parameters); None: no `parameters` key

# The vendor sample page's subscription list (PROTOCOL.md).
SAMPLE_SUBSCRIPTIONS = ["agent", "interaction", "media", "outbound", "system", "markdone"]
PREVIEW, PUSHED, CALL = "OUTBOUND_PREVIEW", "OUTBOUND_PUSH_PREVIEW", "OUTBOUND"
RECORD_ACTIONS = ["CALL", "REJECT_RECORD", "CANCEL_RECORD"]  # the table's PREVIEWING rows
# A pushed record's INVITED rows: the table prints no capabilities; docs/outbound.md's choice.
INVITATION = ["ACCEPT", "REJECT"]
DIALING, TALKING, RELEASED = ["HANGUP"], ["HANGUP", "HOLD"], ["MARK_DONE"]
SERVER = {"userAgent": "WWE Server", "protocolVersion": 2}

LOG_ROWS = "[...document.querySelectorAll('#protocol-log-body tr')]"


# -- reading what the apps received -----------------------------------------------------------


def journal(events: list[Message]) -> list[tuple[Any, ...]]:
    """The events as the reference's table reads them: an interaction event as (eventType,
    interactionId, state, callType, capabilities); a case event as (eventType, "case of <id>"),
    the case named by its first interaction; any other topic as ("<topic>:<eventType>", the
    interactionId or campaign it is about)."""
    case_owners: dict[str, str] = {}
    steps: list[tuple[Any, ...]] = []
    for message in events:
        data = message["data"]
        if message["event"] == "system" and "frameState" in data:
            continue  # the tab's leading or following (another desktop tab of the browser): not the campaign's
        if message["event"] != "interaction":
            steps.append((f"{message['event']}:{data['eventType']}", data.get("interactionId") or data.get("campaign")))
        elif "interaction" in data:
            interaction = data["interaction"]
            case_owners.setdefault(interaction["caseId"], interaction["interactionId"])
            steps.append(
                (
                    data["eventType"],
                    interaction["interactionId"],
                    interaction["state"],
                    interaction.get("callType"),
                    interaction["capabilities"],
                )
            )
        else:
            steps.append((data["eventType"], f"case of {case_owners.get(data['selectedCaseId'], data['selectedCaseId'])}"))
    return steps


def pulled(interaction_id: str) -> list[tuple[Any, ...]]:
    """The journal of a record getPreviewRecord hands out: the record, then its case comes forward."""
    return [
        ("ADDED", interaction_id, "PREVIEWING", PREVIEW, RECORD_ACTIONS),
        ("PREVIEWING", interaction_id, "PREVIEWING", PREVIEW, RECORD_ACTIONS),
        ("CASE_EXPANDED", f"case of {interaction_id}"),
        ("CASE_SELECTED", f"case of {interaction_id}"),
    ]


def served(desktop: Desktop, app: Frame, requests: list[Request]) -> list[Any]:
    """Send the requests from the plain-JavaScript app, each once the previous one is answered;
    check every reply succeeded, came from the desktop's origin in the server's envelope and
    answers its own request; the replies' data, in order."""
    entries: list[Message] = app.evaluate("steps => window.sendAll(steps)", [[name, params] for name, params in requests])
    for (name, _), entry in zip(requests, entries, strict=True):
        reply = entry["reply"]
        assert "errorMessage" not in reply, f"{name} failed: {reply.get('errorMessage')!r}"
        assert entry["origin"] == desktop.site.desktop
        assert (reply["request"], reply["referenceId"]) == (name, entry["sent"]["referenceId"])
        assert (reply["userAgent"], reply["protocolVersion"], "event" in reply) == ("WWE Server", 2, False)
    return [entry["reply"].get("data") for entry in entries]


def subscribed(desktop: Desktop, app: Frame, names: list[str]) -> None:
    entry = app.evaluate("names => window.subscribe(names)", names)
    assert entry["origin"] == desktop.site.desktop
    assert "errorMessage" not in entry["reply"] and entry["reply"]["subscriptionId"]
    assert entry["reply"]["data"] == names


def events_of(app: Frame) -> list[Message]:
    events: list[Message] = app.evaluate("window.events")
    return events


def wait_for_interaction_event(app: Frame, event_type: str, interaction_id: str) -> None:
    """Until the app has that event (the scenario's events travel on their own, no reply behind them)."""
    app.wait_for_function(
        """([type, id]) => window.events.some((m) => m.event === 'interaction' && m.data.eventType === type
            && m.data.interaction && m.data.interaction.interactionId === id)""",
        arg=[event_type, interaction_id],
        polling=20,
        timeout=BOOT_TIMEOUT_MS,
    )


def scenario(desktop: Desktop, step: str, **arguments: Any) -> Any:
    return desktop.page.evaluate("([step, args]) => window.wweScenario(step, args)", [step, arguments])


def outcomes(desktop: Desktop, campaign: str) -> dict[int, Message]:
    """The scenario step campaign_records, by record handle."""
    return {record["recordHandle"]: record for record in scenario(desktop, "campaign_records", campaign=campaign)}


def reschedule_date(tz_offset_seconds: int, time_of_day: str) -> str:
    """Tomorrow at that time in a record's time zone (GSW_TZ_OFFSET, seconds east of UTC), as
    rescheduleRecord takes it: never in the past, whenever the test runs."""
    record_now = datetime.now(UTC) + timedelta(seconds=tz_offset_seconds)
    return f"{record_now + timedelta(days=1):%m/%d/%Y} {time_of_day}"


def warned_requests(desktop: Desktop, first: str, last: str) -> list[list[str]]:
    """[request, result] of every request row of the protocol log that carries a warning, once the
    log shows its first and last request (the panel scrolled so that every row is drawn)."""
    desktop.page.wait_for_function(
        f"{LOG_ROWS}.some(r => r.cells[4].textContent === {last!r})", polling=25, timeout=BOOT_TIMEOUT_MS
    )
    desktop.page.evaluate("document.querySelector('.log-scroll').scrollTop = 40")
    desktop.page.wait_for_function(
        f"{LOG_ROWS}.some(r => r.cells[4].textContent === {first!r})", polling=25, timeout=BOOT_TIMEOUT_MS
    )
    rows: list[list[str]] = desktop.page.evaluate(
        f"{LOG_ROWS}.filter(r => r.classList.contains('log-request') && r.classList.contains('warned'))"
        ".map(r => [r.cells[4].textContent, (r.cells[5].querySelector('summary') || r.cells[5]).textContent])"
    )
    return rows


# -- the vendor sample page's outbound calls --------------------------------------------------


def test_the_vendor_sample_pages_outbound_calls_in_order(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 1, APP)], accept=[site.origins[1]])
    js = desktop.frame(0)
    subscribed(desktop, js, SAMPLE_SUBSCRIPTIONS)

    sample = {"GSW_FROM": "10.15", "GSW_UNTIL": "23:45", "GSW_PHONE_TYPE": 9, "GSW_CUSTOM_STRING": "Custom message"}
    campaigns, preview, fields, updated, call, call_fields = served(
        desktop,
        js,
        [
            ("outbound.getCampaigns", None),
            ("outbound.getPreviewRecord", ["CampaignSIP"]),
            ("outbound.getRecordFields", ["1"]),
            ("outbound.updateRecordFields", ["1", sample]),  # the reference's own sample
            ("outbound.callPreviewRecord", ["1", 257]),
            ("outbound.getRecordFields", ["2"]),  # not the sample's: the call's id names the record now
        ],
    )
    assert {campaign["name"]: (campaign["mode"], campaign["status"]) for campaign in campaigns} == {
        "CampaignSIP": ("Preview", "Running"),
        "CampaignPush": ("Push Preview", "Running"),
        "CampaignDirect": ("Direct Push Preview", "Running"),
    }
    assert (preview["interactionId"], preview["state"], preview["callType"]) == ("1", "PREVIEWING", PREVIEW)
    before = {field["name"]: field for field in fields}
    assert [before[name]["value"] for name in sample] == ["08:00", "20:00", "1", "Hi there!"]
    assert before["GSW_PHONE_TYPE"]["options"]["9"] == "Pin Pager" and before["GSW_PHONE_TYPE"]["valueType"] == "number"
    assert updated is None
    assert (call["interactionId"], call["state"], call["callType"]) == ("2", "DIALING", CALL)
    assert call["caseId"] == preview["caseId"] and call["userData"]["GSW_RECORD_HANDLE"] == "257"
    after = {field["name"]: field["value"] for field in call_fields}
    assert [after[name] for name in sample] == ["10:15", "23:45", "9", "Custom message"]

    # The chain of records came with the preview: records 257 and 258, one customer.
    retrieved = next(m for m in events_of(js) if m["event"] == "interaction" and m["data"]["eventType"] == "RECORDS_RETRIEVED")
    chain = retrieved["data"]["interaction"]["chainedRecords"]
    assert [(record["GSW_RECORD_HANDLE"], record["GSW_USER_EVENT"]) for record in chain] == [
        (257, "PreviewRecord"),
        (258, "ChainedRecord"),
    ]
    # rescheduleRecord's date is in the record's time zone: its offset, from the interaction's events.
    user_data = retrieved["data"]["interaction"]["userData"]
    assert (user_data["GSW_TZ_NAME"], user_data["GSW_TZ_OFFSET"]) == ("ACT", "34200")
    callback = reschedule_date(int(user_data["GSW_TZ_OFFSET"]), "10:55")  # inside 10:15-23:45, updated above

    scenario(desktop, "remote_party_answers", interaction_id="2")
    wait_for_interaction_event(js, "ESTABLISHED", "2")
    set_result, call_result, do_not_call = served(
        desktop,
        js,
        [("outbound.setCallResult", ["2", 6]), ("outbound.getCallResult", ["2"]), ("outbound.setDoNotCall", ["2"])],
    )
    assert (set_result, call_result, do_not_call) == (None, 6, None)
    assert outcomes(desktop, "CampaignSIP")[257]["doNotCall"] is True
    served(desktop, js, [("outbound.removeDoNotCall", ["2"]), ("outbound.rescheduleRecord", ["2", 257, callback, "PERSONAL"])])
    worked = outcomes(desktop, "CampaignSIP")[257]
    assert (worked["doNotCall"], worked["reschedule"]) == (False, {"date": callback, "callbackType": "PERSONAL"})
    served(
        desktop,
        js,
        [("outbound.cancelReschedule", ["2"]), ("voice.hangUp", ["2"]), ("interaction.markdone", ["2"])],
    )
    done = outcomes(desktop, "CampaignSIP")
    assert done[257] == {"recordHandle": 257, "status": "done", "callResult": 6, "doNotCall": False, "reschedule": None}
    assert done[258]["status"] == "done"  # the chain goes back with its record

    # Further records: one rejected (parameters [id], as the vendor client sends it) and marked
    # done, one cancelled (no parameters, the reference's form); then direct push preview.
    (rejected_record,) = served(desktop, js, [("outbound.getPreviewRecord", ["CampaignSIP"])])
    rejected = rejected_record["interactionId"]
    served(desktop, js, [("outbound.rejectPreviewRecord", [rejected]), ("interaction.markdone", [rejected])])
    (cancelled_record,) = served(desktop, js, [("outbound.getPreviewRecord", ["CampaignSIP"])])
    served(desktop, js, [("outbound.cancelPreviewRecord", None), ("outbound.startDirectPushPreview", None)])
    (stopped, interactions) = served(
        desktop, js, [("outbound.stopDirectPushPreview", None), ("interaction.getInteractions", None)]
    )
    assert (rejected, cancelled_record["interactionId"], stopped) == ("3", "4", None)
    assert [(i["interactionId"], i["state"], i["callType"]) for i in interactions] == [
        ("4", "CANCELED", PREVIEW),
        ("5", "INVITED", PREVIEW),
    ]
    assert interactions[1]["userData"]["GSW_CAMPAIGN_NAME"] == "CampaignDirect"
    done = outcomes(desktop, "CampaignSIP")
    # The cancel goes back to the list at mark done, which the sample never does.
    assert [done[handle]["status"] for handle in (259, 260, 261)] == ["rejected", "with agent", "ready"]

    # Every event the app received, in order (the last reply came behind them all).
    assert journal(events_of(js)) == [
        *pulled("1"),  # then the rest of its chain
        ("RECORDS_RETRIEVED", "1", "PREVIEWING", PREVIEW, RECORD_ACTIONS),
        # callPreviewRecord: the call is a new interaction, in the record's case (already selected).
        ("ADDED", "2", "DIALING", CALL, DIALING),
        ("DIALING", "2", "DIALING", CALL, DIALING),
        ("ESTABLISHED", "2", "TALKING", CALL, TALKING),
        # hangUp, then mark done.
        ("REMOVED", "1", "IDLE", PREVIEW, []),
        ("RELEASED", "2", "IDLE", CALL, RELEASED),
        ("MARKDONE_APPLY", "2", "IDLE", CALL, ["MARK_DONE"]),
        ("REMOVED", "2", "IDLE", CALL, []),
        ("markdone:DONE", "2"),
        # The next record, rejected, then marked done.
        *pulled("3"),
        ("STATE_CHANGE", "3", "REJECTED", PREVIEW, ["MARK_DONE"]),
        ("MARKDONE_APPLY", "3", "REJECTED", PREVIEW, ["MARK_DONE"]),
        ("REMOVED", "3", "REJECTED", PREVIEW, []),
        ("markdone:DONE", "3"),
        # The next, cancelled.
        *pulled("4"),
        ("STATE_CHANGE", "4", "CANCELED", PREVIEW, ["MARK_DONE"]),
        # startDirectPushPreview: a CampaignDirect record is pushed.
        ("ADDED", "5", "INVITED", PREVIEW, INVITATION),
        ("INVITED", "5", "INVITED", PREVIEW, INVITATION),
    ]
    assert js.evaluate("[window.frameIds.length, window.strays.length]") == [1, 0]
    # Served in the documented forms but one: the sample's own GSW_FROM '10.15'.
    assert warned_requests(desktop, "subscribe", "interaction.getInteractions") == [
        [
            "outbound.updateRecordFields",
            "ok ⚠ outbound.updateRecordFields: GSW_FROM is a time, documented as HH:MM, got '10.15'; read as 10:15.",
        ]
    ]


# -- push preview in the project's Python client ----------------------------------------------

PYTHON_SUBSCRIBE = """
seen = []
await service.subscribe(["interaction", "markdone"], seen.append)
True
"""


class PythonApp:
    """The Python client in an app's Pyodide: its requests, and the events it has seen so far."""

    def __init__(self, desktop: Desktop, frame: Frame) -> None:
        self.desktop, self.frame, self.count = desktop, frame, 0
        desktop.run(frame, PYTHON_SUBSCRIBE)

    def run(self, code: str) -> Any:
        return self.desktop.run(self.frame, code)

    def next(self, count: int) -> list[tuple[Any, ...]]:
        """The next `count` events, as journal() reads them, once they have come."""
        messages = self.desktop.wait_for_list(self.frame, "seen", self.count + count)
        start, self.count = self.count, self.count + count
        return journal(messages)[start : self.count]  # read whole: case events name earlier interactions


def test_a_push_preview_record_in_the_python_client(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 2, "python-client.html")], accept=[site.origins[2]])
    app = PythonApp(desktop, desktop.frame(0))

    pushed = scenario(desktop, "push_preview_record", campaign="CampaignPush")
    assert (pushed["interactionId"], pushed["state"], pushed["callType"]) == ("1", "INVITED", PUSHED)
    assert app.next(2) == [
        ("ADDED", "1", "INVITED", PUSHED, INVITATION),
        ("INVITED", "1", "INVITED", PUSHED, INVITATION),
    ]
    handle = int(app.run("(await service.interaction.get_by_interaction_id('1'))['userData']['GSW_RECORD_HANDLE']"))
    assert handle == 401
    app.run("await service.interaction.accept('1')\nTrue")
    assert app.next(3) == [
        ("PREVIEWING", "1", "PREVIEWING", PUSHED, RECORD_ACTIONS),
        ("CASE_EXPANDED", "case of 1"),
        ("CASE_SELECTED", "case of 1"),
    ]
    call = app.run(f"await service.outbound.call_preview_record('1', {handle})")
    assert (call["interactionId"], call["state"], call["callType"]) == ("2", "DIALING", CALL)
    assert app.next(2) == [("ADDED", "2", "DIALING", CALL, DIALING), ("DIALING", "2", "DIALING", CALL, DIALING)]
    scenario(desktop, "remote_party_answers", interaction_id="2")
    assert app.next(1) == [("ESTABLISHED", "2", "TALKING", CALL, TALKING)]
    result = app.run(
        """
await service.outbound.set_call_result('2', 33)
[await service.outbound.get_call_result('2'), await service.voice.hang_up('2')]"""
    )
    assert result == [33, None]
    assert app.next(1) == [("RELEASED", "2", "IDLE", CALL, RELEASED)]  # the record stays until mark done
    app.run("await service.interaction.markdone('2')\nTrue")
    assert app.next(4) == [
        ("MARKDONE_APPLY", "2", "IDLE", CALL, ["MARK_DONE"]),
        # The table prints this row 'OUTBOUND_PUSH MPREK/ | XUNE': OUTBOUND_PUSH_PREVIEW, MARK_DONE.
        ("REMOVED", "1", "IDLE", PUSHED, ["MARK_DONE"]),
        ("REMOVED", "2", "IDLE", CALL, []),
        ("markdone:DONE", "2"),
    ]

    # The next pushed record, rejected as an invitation.
    assert scenario(desktop, "push_preview_record", campaign="CampaignPush")["interactionId"] == "3"
    assert app.next(2) == [
        ("ADDED", "3", "INVITED", PUSHED, INVITATION),
        ("INVITED", "3", "INVITED", PUSHED, INVITATION),
    ]
    app.run("await service.interaction.reject('3')\nTrue")
    assert app.next(1) == [("REMOVED", "3", "REJECTED", PUSHED, [])]
    assert app.run("await service.interaction.get_interactions()") == []
    records = outcomes(desktop, "CampaignPush")
    assert (records[401]["status"], records[401]["callResult"], records[402]["status"]) == ("done", 33, "rejected")
    assert len(app.run("seen")) == app.count  # nothing else came


# -- campaign events on another origin --------------------------------------------------------


def test_campaign_events_reach_an_app_on_another_origin(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, APP), app_url(site, 4, APP)]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[4]])
    first, second = desktop.frame(0), desktop.frame(1)
    assert site.origins[1] != site.origins[4]
    subscribed(desktop, first, ["interaction"])  # not `outbound`: it must hear none of them
    subscribed(desktop, second, ["outbound"])

    def campaigns() -> dict[str, tuple[str, str]]:
        (listed,) = served(desktop, second, [("outbound.getCampaigns", None)])
        return {campaign["name"]: (campaign["mode"], campaign["status"]) for campaign in listed}

    defaults = campaigns()
    assert set(defaults) == {"CampaignSIP", "CampaignPush", "CampaignDirect"}
    offer = "Offer of the Month"
    loaded = scenario(desktop, "load_campaign", campaign=offer, mode="Predictive GVP")
    assert (loaded["name"], loaded["mode"], loaded["status"]) == (offer, "Predictive GVP", "Loaded")
    assert campaigns()[offer] == ("Predictive GVP", "Loaded")
    scenario(desktop, "start_campaign", campaign=offer)  # in the mode it was loaded with
    assert campaigns()[offer] == ("Predictive GVP", "Running")
    scenario(desktop, "stop_campaign", campaign=offer)
    assert campaigns()[offer] == ("Predictive GVP", "Stopped")
    scenario(desktop, "unload_campaign", campaign=offer)
    assert campaigns() == defaults

    second.wait_for_function("window.events.length >= 4", polling=20, timeout=BOOT_TIMEOUT_MS)
    served(desktop, second, [("agent.get", None)])  # a round trip: anything more would have come by now
    # Exactly as the reference's samples print them.
    assert events_of(second) == [
        {"event": "outbound", "data": {"eventType": "CampaignLoaded", "campaign": offer}, **SERVER},
        {"event": "outbound", "data": {"eventType": "CampaignStarted", "campaign": offer, "mode": "Predictive GVP"}, **SERVER},
        {"event": "outbound", "data": {"eventType": "CampaignStopped", "campaign": offer}, **SERVER},
        {"event": "outbound", "data": {"eventType": "CampaignUnloaded", "campaign": offer}, **SERVER},
    ]
    served(desktop, first, [("agent.get", None)])
    assert events_of(first) == []
