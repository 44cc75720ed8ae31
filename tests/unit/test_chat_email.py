"""Chat and email through the broker: every open-media rule of lifecycle.py taken from each
state it allows and refused from every other, then whole sessions (chat join, messages, end,
conference invitations, cancel, revoke; inbound email, reply, send, outbound email, workbins,
queues and pulls, errors and contact/case changes)."""

from __future__ import annotations

from typing import Any

import pytest

from unit_support import (
    FIXED_STAMP,
    MARK_DONE_OPERATIONS,
    TRANSFER_OPERATIONS,
    Bench,
    Route,
    by_call,
    by_request,
    check_rule_refused,
    check_rule_taken,
    needs_message,
    rule_cases,
)
from wwe_scapi.workspace import WorkspaceError
from wwe_scapi.workspace.interactions import InteractionState
from wwe_scapi.workspace.lifecycle import rules

S = InteractionState
CASE_EVENTS = ("CASE_EXPANDED", "CASE_SELECTED")
TWO_PARTIES = {"parties": [{"name": "Robin Park"}, {"name": "Sam Rivera"}]}


def _both(operation: str, route: Route) -> dict[tuple[str, str], Route]:
    return {("chat", operation): route, ("email", operation): route}


# Rules taken alone by a request or a scenario call.
ROUTES: dict[tuple[str, str], Route] = {
    ("chat", "accepted elsewhere"): by_call(lambda bench, i: bench.scenario.accepted_elsewhere(i)),
    ("chat", "new message"): by_call(lambda bench, i: bench.scenario.customer_sends_message(i, "Order 1042")),
    ("chat", "composing"): by_call(lambda bench, i: bench.scenario.customer_is_typing(i)),
    ("chat", "end"): by_call(lambda bench, i: bench.workspace.open_media.end_chat(i)),
    ("chat", "party change"): by_call(lambda bench, i: bench.scenario.party_leaves(i, "Sam Rivera"), fields=TWO_PARTIES),
    ("email", "accept"): by_request("interaction.accept", after=CASE_EVENTS),
    ("email", "send"): by_call(lambda bench, i: bench.workspace.open_media.send(i)),
    ("email", "cancel"): by_call(lambda bench, i: bench.workspace.open_media.cancel(i)),
    ("email", "move to workbin"): by_call(lambda bench, i: bench.workspace.open_media.move_to_workbin(i, "Drafts")),
    ("email", "workbin failure"): by_call(lambda bench, i: bench.workspace.open_media.move_to_workbin(i, "Nowhere")),
    ("email", "place in queue"): by_call(lambda bench, i: bench.workspace.open_media.place_in_queue(i, "Email Inbound")),
    ("email", "queue failure"): by_call(lambda bench, i: bench.workspace.open_media.place_in_queue(i, "Nowhere")),
    **_both("reject", by_request("interaction.reject")),
    **_both("revoke", by_call(lambda bench, i: bench.scenario.revoke(i))),
    **_both("standard response", by_call(lambda bench, i: bench.workspace.open_media.insert_standard_response(i, "Hi"))),
    **_both("error", by_call(lambda bench, i: bench.scenario.interaction_error(i))),
    **_both("contact change", by_call(lambda bench, i: bench.scenario.update_contact(i, displayName="R. Park"))),
    **_both("case id change", by_call(lambda bench, i: bench.scenario.change_case_id(i), before=("CASE_ID_CHANGED",))),
}


def _internal(operation: str) -> Route:
    """No request takes these alone (they follow interaction.accept): the desk's own step."""
    return by_call(lambda bench, i: bench.workspace.desk.step(bench.workspace.interactions.get(i), operation))


# Rules whose way in does more than the rule (accept joins a chat; reply creates an email):
# refused here by the table, taken by the explicit tests below.
COMPOSITE: dict[tuple[str, str], Route] = {
    ("chat", "accept"): by_request("interaction.accept"),
    ("chat", "join"): _internal("join"),
    ("chat", "join failure"): _internal("join failure"),
    ("email", "reply"): by_call(lambda bench, i: bench.workspace.open_media.reply(i)),
}
ALLOWED, REFUSED = rule_cases(ROUTES)
_, COMPOSITE_REFUSED = rule_cases(COMPOSITE)


def test_the_routes_cover_every_open_media_rule_of_this_module() -> None:
    mine = {
        key
        for key in rules()
        if key[0] in ("chat", "email") and key[1] not in TRANSFER_OPERATIONS | MARK_DONE_OPERATIONS
    }
    assert set(ROUTES) | set(COMPOSITE) == mine and not set(ROUTES) & set(COMPOSITE)


@pytest.mark.parametrize("media, operation, state", ALLOWED)
def test_each_open_media_rule_from_each_state_it_allows(media: str, operation: str, state: InteractionState) -> None:
    check_rule_taken(media, operation, state, ROUTES[(media, operation)])


@pytest.mark.parametrize("media, operation", REFUSED)
def test_each_open_media_rule_is_refused_from_every_other_state(media: str, operation: str) -> None:
    exceptions: dict[InteractionState, str | None] = {}
    check_rule_refused(media, operation, ROUTES[(media, operation)], exceptions)


@pytest.mark.parametrize("media, operation", COMPOSITE_REFUSED)
def test_each_composite_rule_is_refused_from_every_other_state(media: str, operation: str) -> None:
    check_rule_refused(media, operation, COMPOSITE[(media, operation)])


# -- chat -------------------------------------------------------------------------------------


def _trail(bench: Bench) -> list[tuple[str, str, str]]:
    """(eventType, state, previousState) of the interaction events since the last look."""
    return [
        (m["data"]["eventType"], m["data"]["interaction"]["state"], m["data"]["interaction"]["previousState"])
        for m in bench.events()
        if "interaction" in m["data"]
    ]


@pytest.mark.parametrize("start", ["INVITED", "INVITED_CONFERENCE"])
@pytest.mark.parametrize("join_fails, joined", [(False, "ACCEPTED"), (True, "JOIN_FAILED")])
def test_accepting_a_chat_joins_its_session(start: str, join_fails: bool, joined: str) -> None:
    bench = Bench()
    bench.scenario.deliver_chat(join_fails=join_fails, conference_from="Sam Rivera" if start == "INVITED_CONFERENCE" else None)
    assert _trail(bench) == [("ADDED", start, "UNKNOWN"), (start, start, "UNKNOWN")]
    assert bench.call("interaction.accept", "1") is None
    events = bench.events()
    assert [m["data"]["eventType"] for m in events] == ["JOIN_PENDING", joined, *CASE_EVENTS]
    assert [(m["data"]["interaction"]["state"], m["data"]["interaction"]["previousState"]) for m in events[:2]] == [
        ("JOIN_PENDING", start),
        (joined, "JOIN_PENDING"),
    ]
    wire = bench.wire("1")
    assert (wire["state"], wire["isCaseSelected"], wire["isCaseExpanded"]) == (joined, True, True)
    assert wire["endDate"] == (FIXED_STAMP if join_fails else None)


def test_a_chat_session_from_invitation_to_mark_done() -> None:
    bench = Bench(("interaction", "markdone"))
    chat = bench.scenario.deliver_chat(customer="Robin Park", message="Hello", user_data={"Order": "1042"})
    invited = bench.events()
    wire = invited[1]["data"]["interaction"]
    assert wire["media"] == "chat" and invited[1]["data"]["media"] == "chat"
    assert wire["contact"] == {"displayName": "Robin Park", "firstName": "Robin", "lastName": "Park"}
    assert wire["parties"] == [{"name": "Robin Park"}] and wire["userData"] == {"Order": "1042"}
    assert wire["capabilities"] == ["ACCEPT", "REJECT", "SET_USER_DATA"] and "callType" not in wire
    bench.call("interaction.accept", "1")
    assert bench.types() == ["JOIN_PENDING", "ACCEPTED", *CASE_EVENTS]
    assert bench.wire("1")["capabilities"] == ["CONSULT", "END_CHAT", "SET_USER_DATA", "SINGLE_STEP_CONFERENCE", "SINGLE_STEP_TRANSFER"]
    bench.scenario.customer_is_typing("1")
    bench.scenario.customer_sends_message("1", "Where is my order?")
    bench.workspace.open_media.send_chat_message("1", "Let me check.")
    bench.workspace.open_media.insert_standard_response("1", "Thanks for waiting.")
    assert _trail(bench) == [
        ("COMPOSING", "ACCEPTED", "JOIN_PENDING"),
        ("NEW_MESSAGE", "ACCEPTED", "JOIN_PENDING"),
        ("NEW_MESSAGE", "ACCEPTED", "JOIN_PENDING"),
        ("INSERT_STANDARD_RESPONSE", "ACCEPTED", "JOIN_PENDING"),
    ]
    assert chat.transcript == [
        ("customer", "Hello"),
        ("customer", "Where is my order?"),
        ("agent", "Let me check."),
        ("standard response", "Thanks for waiting."),
    ]
    bench.workspace.open_media.end_chat("1")
    assert _trail(bench) == [("ENDED", "IDLE", "ACCEPTED")]
    assert bench.wire("1")["capabilities"] == ["MARK_DONE"] and chat.end_date == FIXED_STAMP
    with pytest.raises(WorkspaceError) as after_end:
        bench.scenario.customer_sends_message("1", "Hello?")
    assert after_end.value.message == "Cannot new message interaction '1': it is IDLE; new message needs ACCEPTED."
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["COMPLETED", "REMOVED", "markdone:DONE"]
    assert bench.wire("1") is None


def test_mark_done_on_an_accepted_chat_ends_it_first() -> None:
    bench = Bench()
    bench.scenario.deliver_chat()
    bench.call("interaction.accept", "1")
    bench.events()
    bench.call("interaction.markdone", "1")
    assert _trail(bench) == [("ENDED", "IDLE", "ACCEPTED"), ("COMPLETED", "COMPLETED", "IDLE"), ("REMOVED", "COMPLETED", "IDLE")]


def test_a_conference_invitation_is_left_on_mark_done() -> None:
    bench = Bench()
    bench.scenario.deliver_chat(customer="Robin Park", conference_from="Sam Rivera")
    added = bench.events()
    assert [m["data"]["eventType"] for m in added] == ["ADDED", "INVITED_CONFERENCE"]
    assert added[1]["data"]["interaction"]["parties"] == [{"name": "Robin Park"}, {"name": "Sam Rivera"}]
    bench.call("interaction.accept", "1")
    bench.events()
    bench.call("interaction.markdone", "1")
    assert _trail(bench) == [("LEFT_CONFERENCE", "LEFT_CONFERENCE", "ACCEPTED"), ("REMOVED", "LEFT_CONFERENCE", "ACCEPTED")]
    assert bench.wire("1") is None


def test_the_customer_leaving_before_the_agent_accepts_revokes_the_invitation() -> None:
    bench = Bench()
    bench.scenario.deliver_chat()
    bench.events()
    bench.scenario.customer_leaves_chat("1")
    assert _trail(bench) == [("REVOKED", "REVOKED", "INVITED"), ("REMOVED", "REVOKED", "INVITED")]
    assert bench.error("interaction.accept", "1") == "Interaction '1' not found (current interactions: none)."


def test_a_chat_accepted_in_another_session_is_canceled() -> None:
    bench = Bench()
    bench.scenario.deliver_chat()
    bench.events()
    bench.scenario.accepted_elsewhere("1")
    assert _trail(bench) == [("CANCELED", "CANCELED", "INVITED"), ("REMOVED", "CANCELED", "INVITED")]
    assert bench.wire("1") is None


def test_the_customer_leaving_an_accepted_chat_ends_it() -> None:
    bench = Bench()
    bench.scenario.deliver_chat()
    bench.call("interaction.accept", "1")
    bench.events()
    bench.scenario.customer_leaves_chat("1")
    assert _trail(bench) == [("ENDED", "IDLE", "ACCEPTED")]
    assert bench.error("interaction.setUserData", "1", {"k": 1}) == "Interaction '1' is IDLE: its user data can no longer change."


@pytest.mark.parametrize("media", ["chat", "email"])
def test_the_contact_centre_revokes_an_invitation(media: str) -> None:
    bench = Bench()
    (bench.scenario.deliver_chat if media == "chat" else bench.scenario.deliver_email)()
    bench.events()
    bench.scenario.revoke("1")
    assert _trail(bench) == [("REVOKED", "REVOKED", "INVITED"), ("REMOVED", "REVOKED", "INVITED")]


@pytest.mark.parametrize("media", ["chat", "email"])
def test_the_agent_rejects_an_invitation(media: str) -> None:
    bench = Bench()
    (bench.scenario.deliver_chat if media == "chat" else bench.scenario.deliver_email)()
    bench.events()
    bench.call("interaction.reject", "1")
    assert _trail(bench) == [("REMOVED", "REJECTED", "INVITED")]


def test_scenario_chat_calls_refuse_other_media() -> None:
    bench = Bench()
    bench.scenario.deliver_email()
    for action in (
        lambda: bench.scenario.customer_sends_message("1", "x"),
        lambda: bench.scenario.customer_is_typing("1"),
        lambda: bench.scenario.customer_leaves_chat("1"),
    ):
        with pytest.raises(WorkspaceError) as refusal:
            action()
        assert refusal.value.message == "Interaction '1' is an email interaction, not a chat."
    with pytest.raises(WorkspaceError) as end:
        bench.workspace.open_media.end_chat("1")
    assert end.value.message == "Ending a chat works on chat interactions; interaction '1' is an email interaction."


# -- email ------------------------------------------------------------------------------------


def test_an_inbound_email_is_accepted_replied_to_and_done() -> None:
    bench = Bench(("interaction", "markdone"))
    inbound = bench.scenario.deliver_email(sender="casey@example.com", subject="Invoice", body="Check 1042", user_data={"Topic": "Invoice"})
    added = bench.events()
    assert [m["data"]["eventType"] for m in added] == ["ADDED", "INVITED"]
    wire = added[1]["data"]["interaction"]
    assert wire["contact"] == {"displayName": "Casey Morgan", "firstName": "Casey", "lastName": "Morgan", "emailAddress": "casey@example.com"}
    assert wire["parties"] == [{"name": "casey@example.com"}]
    assert inbound.transcript == [("subject", "Invoice"), ("customer", "Check 1042")]
    bench.call("interaction.accept", "1")
    assert _trail(bench) == [("ACCEPTED", "ACCEPTED", "INVITED")]
    assert bench.wire("1")["capabilities"] == ["CONSULT", "MARK_DONE", "REPLY", "SET_USER_DATA", "SINGLE_STEP_TRANSFER"]
    reply = bench.workspace.open_media.reply("1")
    created = bench.events()
    assert [m["data"]["eventType"] for m in created] == ["ADDED", "CREATED"]
    child = created[1]["data"]["interaction"]
    assert (child["interactionId"], child["state"], child["parentInteractionId"]) == ("2", "CREATED", "1")
    assert child["caseId"] == inbound.case_id and child["isMainCaseInteraction"] is False
    assert child["isConsultation"] is False and child["userData"] == {"Topic": "Invoice"}
    assert child["parties"] == [{"name": "casey@example.com"}] and child["contact"] == wire["contact"]
    assert child["isCaseSelected"] is True and child["capabilities"] == ["CANCEL", "SEND", "SET_USER_DATA"]
    reply.user_data["Draft"] = "yes"
    assert inbound.user_data == {"Topic": "Invoice"}  # a copy, not the inbound's own data
    bench.workspace.open_media.send("2")
    assert _trail(bench) == [("SENT", "SENT", "CREATED"), ("REMOVED", "SENT", "CREATED")]
    bench.call("interaction.markdone", "1")
    assert bench.types() == ["COMPLETED", "REMOVED", "markdone:DONE"]
    assert bench.call("interaction.getInteractions") == []


def test_email_create_makes_an_outbound_email_that_can_be_cancelled() -> None:
    bench = Bench()
    created = bench.call("email.create", " robin@example.com ", {"Campaign": "Renewals"})
    assert (created["interactionId"], created["media"], created["state"], created["previousState"]) == ("1", "email", "CREATED", "UNKNOWN")
    assert created["isMainCaseInteraction"] is True and created["parentInteractionId"] is None
    assert created["parties"] == [{"name": "robin@example.com"}] and created["userData"] == {"Campaign": "Renewals"}
    assert created["isCaseSelected"] is True
    assert bench.types() == ["ADDED", "CREATED", *CASE_EVENTS]
    bench.workspace.open_media.cancel("1")
    assert _trail(bench) == [("CANCELLED", "CANCELLED", "CREATED"), ("REMOVED", "CANCELLED", "CREATED")]
    assert bench.wire("1") is None


@pytest.mark.parametrize("destination", ["robin", "robin@example", "", "a b@c.d", "@example.com"])
def test_email_create_needs_an_address(destination: str) -> None:
    bench = Bench()
    assert bench.error("email.create", destination) == (
        f"email.create needs an email address as destination, got {destination!r}."
    )
    assert bench.events() == []


def test_a_reply_is_refused_before_the_email_is_accepted_and_on_other_media() -> None:
    bench = Bench()
    bench.scenario.deliver_email()
    bench.scenario.deliver_chat()
    with pytest.raises(WorkspaceError) as early:
        bench.workspace.open_media.reply("1")
    assert early.value.message == "Cannot reply interaction '1': it is INVITED; reply needs ACCEPTED."
    with pytest.raises(WorkspaceError) as chat:
        bench.workspace.open_media.reply("2")
    assert chat.value.message == "Replying works on email interactions; interaction '2' is a chat interaction."


def test_workbins_and_queues() -> None:
    bench = Bench()
    open_media = bench.workspace.open_media
    bench.scenario.deliver_email()
    bench.call("interaction.accept", "1")
    bench.events()
    assert open_media.move_to_workbin("1", "Nowhere") is False
    assert _trail(bench) == [("IN_WORKBIN_FAILED", "ACCEPTED", "INVITED")]
    assert open_media.place_in_queue("1", "Nowhere") is False
    assert _trail(bench) == [("IN_QUEUE_FAILED", "ACCEPTED", "INVITED")]
    assert open_media.move_to_workbin("1", "Personal Workbin") is True
    assert _trail(bench) == [("IN_WORKBIN", "SAVED", "ACCEPTED"), ("REMOVED", "SAVED", "ACCEPTED")]
    assert bench.wire("1") is None
    bench.call("email.create", "robin@example.com")
    bench.events()
    assert open_media.move_to_workbin("2", "Drafts") is True
    assert _trail(bench) == [("IN_WORKBIN", "SAVED", "CREATED"), ("REMOVED", "SAVED", "CREATED")]


def test_pulls_from_workbins_and_queues() -> None:
    bench = Bench()
    bench.scenario.pull_from_workbin("Personal Workbin", subject="Saved")
    assert _trail(bench) == [("ADDED", "PULLED", "UNKNOWN"), ("PULLED", "PULLED", "UNKNOWN")]
    assert bench.workspace.open_media.place_in_queue("1", "Email Inbound") is True
    assert _trail(bench) == [("REMOVED", "IDLE", "PULLED")]
    bench.scenario.pull_from_queue("Email Inbound")
    assert _trail(bench) == [("ADDED", "PULLED", "UNKNOWN"), ("PULLED", "PULLED", "UNKNOWN")]
    bench.call("interaction.markdone", "2")
    assert _trail(bench) == [("COMPLETED", "COMPLETED", "PULLED"), ("REMOVED", "COMPLETED", "PULLED")]


@pytest.mark.parametrize("pull, event", [("pull_from_workbin", "PULL_WORKBIN_FAILED"), ("pull_from_queue", "PULL_FAILED")])
def test_a_failed_pull_is_announced_and_never_listed(pull: str, event: str) -> None:
    bench = Bench()
    failed = getattr(bench.scenario, pull)("Missing")
    [message] = bench.events()
    assert message["data"]["eventType"] == event and message["data"]["media"] == "email"
    assert message["data"]["interaction"]["state"] == "ERROR"
    assert message["data"]["interaction"]["interactionId"] == failed.interaction_id == "1"
    assert bench.call("interaction.getInteractions") == [] and bench.wire("1") is None


@pytest.mark.parametrize("media", ["chat", "email"])
def test_an_open_media_error_can_be_marked_done(media: str) -> None:
    bench = Bench()
    (bench.scenario.deliver_chat if media == "chat" else bench.scenario.deliver_email)()
    bench.events()
    bench.scenario.interaction_error("1")
    assert _trail(bench) == [("ERROR", "ERROR", "INVITED")]
    assert bench.wire("1")["capabilities"] == ["MARK_DONE", "SET_USER_DATA"]
    bench.call("interaction.markdone", "1")
    assert _trail(bench) == [("COMPLETED", "COMPLETED", "ERROR"), ("REMOVED", "COMPLETED", "ERROR")]


def test_contact_and_case_id_changes_on_an_email() -> None:
    bench = Bench()
    email = bench.scenario.deliver_email()
    bench.call("interaction.accept", "1")
    reply = bench.workspace.open_media.reply("1")
    bench.events()
    bench.scenario.update_contact("1", displayName="Casey M.")
    assert _trail(bench) == [("CONTACT_CHANGED", "ACCEPTED", "INVITED")]
    assert bench.wire("1")["contact"]["displayName"] == "Casey M."
    assert reply.contact["displayName"] == "Casey Morgan"  # the reply keeps its own copy
    previous = email.case_id
    new = bench.scenario.change_case_id("1")
    data: list[dict[str, Any]] = [m["data"] for m in bench.events()]
    assert data[0] == {"eventType": "CASE_ID_CHANGED", "caseId": new, "previousCaseId": previous}
    assert [d["eventType"] for d in data] == ["CASE_ID_CHANGED", "CASE_OR_BUNDLE_ID_CHANGED"]
    assert reply.case_id == new  # the whole case is renamed
    assert bench.wire("2")["caseId"] == new and bench.wire("2")["isCaseSelected"] is True
