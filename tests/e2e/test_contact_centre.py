"""The simulated contact centre end to end: work arrives through the desktop page's scenario
entry point (window.wweScenario) and its simulator buttons, apps on distinct origins handle
it over the real postMessage path, and the agent clicks the desktop's controls."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Frame, Page

from e2e_support import Desktop, app_url, send_requests

SUBSCRIBE = """
import json
seen = []
await service.subscribe(["interaction", "markdone"], seen.append)
json.dumps(True)
"""


def kinds(messages: list[dict[str, Any]]) -> list[str]:
    """eventTypes, prefixed with the topic for anything but `interaction`."""
    return [
        m["data"]["eventType"] if m["event"] == "interaction" else f"{m['event']}:{m['data']['eventType']}"
        for m in messages
    ]


class Seen:
    """What one Python app has received so far, consumed in order."""

    def __init__(self, desktop: Desktop, frame: Frame) -> None:
        self.desktop, self.frame, self.count = desktop, frame, 0
        desktop.py(frame, SUBSCRIBE)

    def next(self, count: int) -> list[dict[str, Any]]:
        messages = self.desktop.wait_for_list(self.frame, "seen", self.count + count)
        fresh, self.count = messages[self.count : self.count + count], self.count + count
        return fresh


def run(desktop: Desktop, target: Page | Frame, code: str) -> Any:
    return desktop.run(target, code)


def scenario(desktop: Desktop, step: str, **arguments: Any) -> Any:
    return desktop.page.evaluate("([step, args]) => window.wweScenario(step, args)", [step, arguments])


def click(desktop: Desktop, interaction_id: str, action: str) -> None:
    desktop.page.click(f'[data-interaction-id="{interaction_id}"] [data-action="{action}"]')


def desktop_state(desktop: Desktop, interaction_id: str, state: str) -> None:
    desktop.page.wait_for_selector(f'[data-interaction-id="{interaction_id}"][data-state="{state}"]')


@pytest.fixture
def two_apps(site, open_desktop) -> Desktop:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 2, "python-client.html")]
    return open_desktop(apps, accept=[site.origins[1], site.origins[2]])


def test_an_inbound_call_from_ringing_to_mark_done(two_apps: Desktop) -> None:
    desktop = two_apps
    app_a, app_b = desktop.frame(0), desktop.frame(1)
    seen_a, seen_b = Seen(desktop, app_a), Seen(desktop, app_b)

    call = scenario(desktop, "ring_inbound_call", ani="+15550100", user_data={"Segment": "Gold"})
    assert call["interactionId"] == "1" and call["state"] == "RINGING"
    ringing = seen_a.next(2)
    assert kinds(ringing) == ["ADDED", "RINGING"]
    assert ringing[1]["data"]["interaction"]["ani"] == "+15550100"
    assert ringing[1]["data"]["interaction"]["userData"] == {"Segment": "Gold"}
    desktop_state(desktop, "1", "RINGING")

    # App A answers; app B attaches data and A hears of it.
    run(desktop, app_a, "await service.voice.answer('1')\nTrue")
    assert kinds(seen_a.next(3)) == ["ESTABLISHED", "CASE_EXPANDED", "CASE_SELECTED"]
    run(desktop, app_b, "await service.interaction.set_user_data('1', {'Disposition': 'Sale'})\nTrue")
    seen_b.next(5)
    changed = seen_a.next(1)[0]
    assert changed["data"]["eventType"] == "ATTACHED_DATA_CHANGED"
    assert changed["data"]["interaction"]["userData"] == {"Segment": "Gold", "Disposition": "Sale"}

    # Hold, resume, and the four recording calls.
    run(
        desktop,
        app_a,
        """
await service.voice.hold('1')
await service.voice.resume('1')
await service.voice.start_call_recording('1')
await service.voice.pause_call_recording('1')
await service.voice.resume_call_recording('1')
await service.voice.stop_call_recording('1')
True""",
    )
    steps = seen_a.next(6)
    assert kinds(steps) == ["HELD", "ESTABLISHED"] + ["CALL_RECORDING_STATE_CHANGED"] * 4
    assert [m["data"]["interaction"]["recordingState"] for m in steps[2:]] == [
        "RECORDING",
        "PAUSED",
        "RECORDING",
        "STOPPED",
    ]

    # A consultation with another agent, answered, then the transfer is completed.
    consultation = run(desktop, app_a, "await service.interaction.consult('1', {'target': 'AGENT', 'destination': '5002'})")
    assert consultation["interactionId"] == "2" and consultation["isConsultation"] is True
    assert consultation["parentInteractionId"] == "1" and consultation["callType"] == "CONSULT"
    assert kinds(seen_a.next(3)) == ["HELD", "ADDED", "DIALING"]
    click(desktop, "2", "sim-remote-answers")  # the simulator's button on the desktop
    assert kinds(seen_a.next(1)) == ["ESTABLISHED"]
    run(desktop, app_a, "await service.interaction.complete_transfer('2')\nTrue")
    released = seen_a.next(2)
    assert kinds(released) == ["RELEASED", "RELEASED"]
    assert released[0]["data"]["interaction"]["parties"] == [{"name": "+15550100"}, {"name": "Sam Rivera"}]

    # App A blocks mark done: the agent's click and app B's request are both refused.
    run(desktop, app_a, "await service.interaction.block_markdone('1', 'Choose a disposition first.')\nTrue")
    assert kinds(seen_a.next(1)) == ["markdone:BLOCKED"]
    desktop.page.wait_for_selector('[data-interaction-id="1"] .markdone-blocked')
    click(desktop, "1", "mark-done")
    desktop.page.wait_for_function(
        "document.getElementById('desktop-alert').textContent.includes('Choose a disposition first.')"
    )
    refusal = desktop.failure(app_b, "service.interaction.markdone('1')")
    assert refusal == "Mark done is blocked on interaction '1': Choose a disposition first."
    assert kinds(seen_a.next(2)) == ["markdone:REFUSED", "markdone:REFUSED"]
    # Only the app that blocked can lift its block.
    other = desktop.failure(app_b, "service.interaction.unblock_markdone('1')")
    assert other.startswith("Interaction '1' has no mark done block from http://")
    run(desktop, app_a, "await service.interaction.unblock_markdone('1')\nTrue")
    assert kinds(seen_a.next(1)) == ["markdone:UNBLOCKED"]

    click(desktop, "1", "mark-done")
    done = seen_a.next(3)
    assert kinds(done) == ["REMOVED", "REMOVED", "markdone:DONE"]
    assert [m["data"]["interaction"]["interactionId"] for m in done[:2]] == ["1", "2"]
    assert run(desktop, app_b, "await service.interaction.get_interactions()") == []
    desktop.page.wait_for_selector("#interactions .empty")


def test_a_chat_from_invitation_to_done(two_apps: Desktop) -> None:
    desktop = two_apps
    app = desktop.frame(0)
    seen = Seen(desktop, app)
    desktop.page.click("#simulate-chat")  # the simulator's button
    invited = seen.next(2)
    assert kinds(invited) == ["ADDED", "INVITED"] and invited[0]["data"]["media"] == "chat"
    chat_id = invited[1]["data"]["interaction"]["interactionId"]
    run(desktop, app, f"await service.interaction.accept('{chat_id}')\nTrue")
    assert kinds(seen.next(4)) == ["JOIN_PENDING", "ACCEPTED", "CASE_EXPANDED", "CASE_SELECTED"]
    scenario(desktop, "customer_is_typing", interaction_id=chat_id)
    scenario(desktop, "customer_sends_message", interaction_id=chat_id, text="My order number is 1042.")
    assert kinds(seen.next(2)) == ["COMPOSING", "NEW_MESSAGE"]
    desktop.page.wait_for_selector(f'[data-interaction-id="{chat_id}"] .transcript >> text=1042')
    click(desktop, chat_id, "standard-response")  # the agent inserts a standard response
    assert kinds(seen.next(1)) == ["INSERT_STANDARD_RESPONSE"]
    conferenced = run(
        desktop,
        app,
        f"""
await service.interaction.single_step_conference('{chat_id}', {{'type': 'AGENT', 'destination': '5003'}}, {{'Escalated': 'yes'}}, {{}})
await service.interaction.get_by_interaction_id('{chat_id}')""",
    )
    assert conferenced["parties"][-1] == {"name": "Alex Chen"} and conferenced["userData"]["Escalated"] == "yes"
    assert kinds(seen.next(2)) == ["ATTACHED_DATA_CHANGED", "PARTY_CHANGED"]
    click(desktop, chat_id, "sim-customer-leaves")
    assert kinds(seen.next(1)) == ["ENDED"]
    run(desktop, app, f"await service.interaction.markdone('{chat_id}')\nTrue")
    assert kinds(seen.next(3)) == ["COMPLETED", "REMOVED", "markdone:DONE"]


def test_an_inbound_email_answered_and_an_outbound_one_cancelled(two_apps: Desktop) -> None:
    desktop = two_apps
    app = desktop.frame(1)
    seen = Seen(desktop, app)
    email = scenario(desktop, "deliver_email", sender="casey@example.com", user_data={"Topic": "Invoice"})
    assert kinds(seen.next(2)) == ["ADDED", "INVITED"]
    run(desktop, app, f"await service.interaction.accept('{email['interactionId']}')\nTrue")
    assert kinds(seen.next(3)) == ["ACCEPTED", "CASE_EXPANDED", "CASE_SELECTED"]
    click(desktop, email["interactionId"], "reply")  # the agent replies on the desktop
    reply = seen.next(2)
    assert kinds(reply) == ["ADDED", "CREATED"]
    draft = reply[1]["data"]["interaction"]
    assert draft["parentInteractionId"] == email["interactionId"] and draft["caseId"] == email["caseId"]
    assert draft["isMainCaseInteraction"] is False and draft["userData"] == {"Topic": "Invoice"}
    click(desktop, draft["interactionId"], "send")
    assert kinds(seen.next(2)) == ["SENT", "REMOVED"]
    run(desktop, app, f"await service.interaction.markdone('{email['interactionId']}')\nTrue")
    assert kinds(seen.next(3)) == ["COMPLETED", "REMOVED", "markdone:DONE"]

    created = run(desktop, app, "await service.email.create('robin@example.com', {'Campaign': 'Renewals'})")
    assert created["state"] == "CREATED" and created["parties"] == [{"name": "robin@example.com"}]
    assert kinds(seen.next(4)) == ["ADDED", "CREATED", "CASE_EXPANDED", "CASE_SELECTED"]
    click(desktop, created["interactionId"], "cancel")
    assert kinds(seen.next(2)) == ["CANCELLED", "REMOVED"]
    bad = desktop.failure(app, "service.email.create('not an address')")
    assert bad == "email.create needs an email address as destination, got 'not an address'."


def test_contextual_options_follow_the_interaction(two_apps: Desktop) -> None:
    desktop = two_apps
    scenario(desktop, "ring_inbound_call", user_data={"IW_OverrideOptions": "CaseDataColor"})
    app = desktop.frame(0)
    result = [
        run(desktop, app, "await service.configuration.get_contextual_option('interaction.case-data.frame-color', '1')"),
        run(desktop, app, "await service.configuration.get_option('interaction.case-data.frame-color')"),
        desktop.failure(app, "service.configuration.get_contextual_option('interaction.case-data.frame-color', '99')"),
    ]
    assert result == [
        {"interaction-workspace": {"interaction.case-data.frame-color": "#FF000088"}},
        {"interaction-workspace": {"interaction.case-data.frame-color": "#17849D"}},
        "Error: Interaction not found.",
    ]


def test_refusals_name_the_state(two_apps: Desktop) -> None:
    desktop = two_apps
    scenario(desktop, "ring_inbound_call")
    app = desktop.frame(0)
    errors = [
        desktop.failure(app, call)
        for call in (
            "service.voice.hold('1')",
            "service.interaction.markdone('1')",
            "service.interaction.single_step_transfer('1', {'type': 'AGENT', 'destination': '9999'})",
            "service.voice.dial('')",
        )
    ]
    assert errors[0] == "Cannot hold interaction '1': it is RINGING; hold needs TALKING."
    assert errors[1] == "Cannot mark done interaction '1': it is a live call (RINGING); hang it up first."
    assert errors[2].startswith("Unknown agent '9999' in targetQuery. Known employeeIds: 5002 (Sam Rivera)")
    assert errors[3] == "voice.dial needs a destination: a phone number or a colleague's number."
    with pytest.raises(Exception, match="Unknown scenario step 'explode'"):
        scenario(desktop, "explode")


def test_dialling_and_the_sip_endpoint(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "python-client.html"), app_url(site, 3, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[3]])
    app, js = desktop.frame(0), desktop.frame(1)
    outbound = run(desktop, app, "await service.voice.dial('+15550123', {'Source': 'CRM'})")
    assert (outbound["state"], outbound["callType"], outbound["direction"]) == ("DIALING", "OUTBOUND", "OUT")
    assert outbound["dnis"] == "+15550123" and outbound["userData"] == {"Source": "CRM"}
    internal = run(desktop, app, "await service.voice.dial_ex('5003', {}, {'priority': 'high'})")
    assert internal["callType"] == "INTERNAL" and internal["parties"] == [{"name": "Alex Chen"}]
    desktop.page.wait_for_selector('[data-interaction-id="2"][data-state="DIALING"]')
    # The Python client's SIP endpoint calls, then the vendor's sipEndpoint.* names from JS.
    states = run(
        desktop,
        app,
        """[
    await service.voice.is_microphone_mute(),
    await service.voice.mute_microphone(),
    await service.voice.is_microphone_mute(),
    await service.voice.mute_speaker(),
    await service.voice.is_speaker_mute(),
]""",
    )
    assert states == [False, None, True, None, True]
    names = ["sipEndpoint.isMicrophoneMute", "sipEndpoint.unmuteMicrophone", "sipEndpoint.isMicrophoneMute"]
    replies = send_requests(js, [(name, None) for name in [*names, "sipEndpoint.unmuteSpeaker", "voice.isSpeakerMute"]])
    assert replies == [
        ["sipEndpoint.isMicrophoneMute", None, True],
        ["sipEndpoint.unmuteMicrophone", None, None],
        ["sipEndpoint.isMicrophoneMute", None, False],
        ["sipEndpoint.unmuteSpeaker", None, None],
        ["voice.isSpeakerMute", None, False],
    ]


def test_the_plain_javascript_app_runs_the_call_flow(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 3, "vendor-envelopes.html")], accept=[site.origins[3]])
    js = desktop.frame(0)
    js.evaluate("window.subscribe(['interaction', 'markdone'])")
    # The agent dials from the desktop's dial pad: an internal call to a colleague.
    desktop.page.fill("#dial-number", "5002")
    desktop.page.click("#dial-button")
    dialing = js.evaluate("window.waitForEvent('interaction', (m) => m.data.eventType === 'DIALING')")
    assert dialing["data"]["interaction"]["callType"] == "INTERNAL"
    assert dialing["data"]["interaction"]["parties"] == [{"name": "Sam Rivera"}]
    scenario(desktop, "remote_party_answers", interaction_id="1")
    js.evaluate("window.waitForEvent('interaction', (m) => m.data.eventType === 'ESTABLISHED')")
    replies = send_requests(
        js,
        [
            ("interaction.setUserData", ["1", {"Ticket": "T-7"}]),
            ("voice.hold", ["1"]),
            ("voice.resume", ["1"]),
            ("interaction.consult", ["1", "+15550199", {}, {}]),
        ],
    )
    assert [reply[:2] for reply in replies] == [
        ["interaction.setUserData", None],
        ["voice.hold", None],
        ["voice.resume", None],
        ["interaction.consult", None],
    ]
    scenario(desktop, "remote_party_answers", interaction_id="2")
    js.evaluate(
        "window.waitForEvent('interaction', (m) => m.data.eventType === 'ESTABLISHED' && m.data.interaction.interactionId === '2')"
    )
    finish = send_requests(
        js,
        [
            ("interaction.completeConference", ["2"]),
            ("voice.hangUp", ["1"]),
            ("interaction.markdone", ["1"]),
            ("interaction.getByInteractionId", ["1"]),
        ],
    )
    assert finish == [
        ["interaction.completeConference", None, None],
        ["voice.hangUp", None, None],
        ["interaction.markdone", None, None],
        ["interaction.getByInteractionId", None, None],
    ]
    types = js.evaluate("window.events.filter((m) => m.event === 'interaction').map((m) => m.data.eventType)")
    assert types == [
        "ADDED",
        "DIALING",
        "CASE_EXPANDED",
        "CASE_SELECTED",
        "ESTABLISHED",
        "ATTACHED_DATA_CHANGED",
        "HELD",
        "ESTABLISHED",
        "HELD",
        "ADDED",
        "DIALING",
        "ESTABLISHED",
        "RELEASED",
        "PARTY_CHANGED",
        "RELEASED",
        "REMOVED",
        "REMOVED",
    ]
    markdone_events = js.evaluate("window.events.filter((m) => m.event === 'markdone').map((m) => m.data.eventType)")
    assert markdone_events == ["DONE"]


def test_the_plain_javascript_app_runs_the_inbound_call_flow(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    """The same steps as app A's inbound call above, with the vendor client's envelopes."""
    desktop = open_desktop([app_url(site, 3, "vendor-envelopes.html")], accept=[site.origins[3]])
    js = desktop.frame(0)
    js.evaluate("window.subscribe(['interaction', 'markdone'])")
    scenario(desktop, "ring_inbound_call", ani="+15550100")
    js.evaluate("window.waitForEvent('interaction', (m) => m.data.eventType === 'RINGING')")

    def requests(steps: list[tuple[str, list[Any] | None]]) -> list[str | None]:
        return [error for _, error, _ in send_requests(js, steps)]

    assert requests(
        [
            ("voice.answer", ["1"]),
            ("interaction.setUserData", ["1", {"Disposition": "Sale"}]),
            ("voice.hold", ["1"]),
            ("voice.resume", ["1"]),
            ("voice.startCallRecording", ["1"]),
            ("voice.pauseCallRecording", ["1"]),
            ("voice.resumeCallRecording", ["1"]),
            ("voice.stopCallRecording", ["1"]),
            ("interaction.consult", ["1", {"type": "AGENT", "destination": "5002"}, {}, {}]),
        ]
    ) == [None] * 9
    scenario(desktop, "remote_party_answers", interaction_id="2")
    outcomes = requests(
        [
            ("interaction.completeTransfer", ["2"]),
            ("interaction.blockMarkdone", ["1", "Choose a disposition first."]),
            ("interaction.markdone", ["1"]),
            ("interaction.unblockMarkdone", ["1"]),
            ("interaction.markdone", ["1"]),
        ]
    )
    assert outcomes == [None, None, "Mark done is blocked on interaction '1': Choose a disposition first.", None, None]
    types = js.evaluate("window.events.map((m) => (m.event === 'interaction' ? '' : m.event + ':') + m.data.eventType)")
    assert types == [
        "ADDED",
        "RINGING",
        "ESTABLISHED",
        "CASE_EXPANDED",
        "CASE_SELECTED",
        "ATTACHED_DATA_CHANGED",
        "HELD",
        "ESTABLISHED",
        *["CALL_RECORDING_STATE_CHANGED"] * 4,
        "HELD",
        "ADDED",
        "DIALING",
        "ESTABLISHED",
        "RELEASED",
        "RELEASED",
        "markdone:BLOCKED",
        "markdone:REFUSED",
        "markdone:UNBLOCKED",
        "REMOVED",
        "REMOVED",
        "markdone:DONE",
    ]


def test_the_agent_consults_conferences_and_transfers_from_the_desktop(two_apps: Desktop) -> None:
    desktop = two_apps
    seen = Seen(desktop, desktop.frame(0))
    page = desktop.page
    scenario(desktop, "ring_inbound_call")
    click(desktop, "1", "accept")
    page.select_option('[data-interaction-id="1"] [data-targets]', "AGENT:5003")
    click(desktop, "1", "consult-to")
    desktop_state(desktop, "2", "DIALING")
    click(desktop, "2", "sim-remote-answers")
    click(desktop, "2", "complete-conference")
    desktop_state(desktop, "2", "IDLE")
    page.select_option('[data-interaction-id="1"] [data-targets]', "SKILL:Billing")
    click(desktop, "1", "transfer-to")
    desktop_state(desktop, "1", "IDLE")
    messages = seen.next(12)
    assert kinds(messages) == [
        "ADDED",
        "RINGING",
        "ESTABLISHED",
        "CASE_EXPANDED",
        "CASE_SELECTED",
        "HELD",
        "ADDED",
        "DIALING",
        "ESTABLISHED",
        "RELEASED",
        "PARTY_CHANGED",
        "RELEASED",
    ]
    assert messages[10]["data"]["interaction"]["parties"] == [{"name": "+15551230000"}, {"name": "Alex Chen"}]
    assert messages[11]["data"]["interaction"]["parties"][-1] == {"name": "Billing"}
