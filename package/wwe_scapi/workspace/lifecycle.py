"""The interaction state machines, as one table: for each media and operation, the states it
may start from, the state it leads to and the eventTypes it announces.

Every operation of the simulator goes through `rule_for`, so a refusal always names the
current state and the states the operation needs; `capabilities` is read off the same table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionState

VOICE, CHAT, EMAIL = "voice", "chat", "email"
OPEN_MEDIA = frozenset({CHAT, EMAIL})
# Outbound records follow machines of their own (an interaction's `flow`; media voice).
PREVIEW_RECORD = "outbound preview record"
PREVIEW_CALL = "outbound call"  # the call of a pull or direct push preview record
PUSH_PREVIEW_CALL = "outbound push preview call"
OUTBOUND_FLOWS = frozenset({PREVIEW_RECORD, PREVIEW_CALL, PUSH_PREVIEW_CALL})
# An event written "record:X" is announced on the call's preview record interaction, which
# then leaves the desktop (IDLE, no capabilities).
ON_RECORD = "record:"


@dataclass(frozen=True, slots=True)
class Rule:
    """One operation on one media."""

    operation: str
    starts: frozenset[InteractionState]
    leads_to: InteractionState | None  # None: the state does not change
    events: tuple[str, ...]
    removes: bool = False  # the interaction leaves the desktop afterwards
    capability: str | None = None  # listed in `capabilities` while the rule applies
    consultations_only: bool = False  # a capability of consultation calls only
    bare_removal: bool = False  # no capabilities left on its REMOVED (the outbound table's "-")
    record_capabilities: tuple[str, ...] = ()  # what its "record:" events show (the table's column)


_RULES: dict[tuple[str, str], Rule] = {}


def _rule(
    media: Iterable[str],
    operation: str,
    starts: Iterable[InteractionState],
    leads_to: InteractionState | None,
    events: Iterable[str],
    *,
    removes: bool = False,
    capability: str | None = None,
    consultations_only: bool = False,
    bare_removal: bool = False,
    record_capabilities: tuple[str, ...] = (),
) -> None:
    for name in media:
        _RULES[(name, operation)] = Rule(
            operation,
            frozenset(starts),
            leads_to,
            tuple(events),
            removes,
            capability,
            consultations_only,
            bare_removal,
            record_capabilities,
        )


LIVE_CALL = (InteractionState.DIALING, InteractionState.TALKING, InteractionState.HELD)
ESTABLISHED_CALL = (InteractionState.TALKING, InteractionState.HELD)

# -- voice --------------------------------------------------------------------------------
_rule([VOICE], "answer", [InteractionState.RINGING], InteractionState.TALKING, ["ESTABLISHED"], capability="ANSWER")
_rule([VOICE], "reject", [InteractionState.RINGING], InteractionState.IDLE, ["RELEASED", "REMOVED"], removes=True, capability="REJECT")
_rule([VOICE], "no answer", [InteractionState.RINGING], InteractionState.IDLE, ["RELEASED", "REMOVED"], removes=True)
_rule([VOICE], "remote answer", [InteractionState.DIALING], InteractionState.TALKING, ["ESTABLISHED"])
_rule([VOICE], "hold", [InteractionState.TALKING], InteractionState.HELD, ["HELD"], capability="HOLD")
_rule([VOICE], "resume", [InteractionState.HELD], InteractionState.TALKING, ["ESTABLISHED"], capability="RESUME")
_rule([VOICE], "hang up", LIVE_CALL, InteractionState.IDLE, ["RELEASED"], capability="HANGUP")
_rule([VOICE], "remote hang-up", LIVE_CALL, InteractionState.IDLE, ["RELEASED"])
_rule([VOICE], "record", ESTABLISHED_CALL, None, ["CALL_RECORDING_STATE_CHANGED"], capability="RECORDING")
_rule([VOICE], "consult", ESTABLISHED_CALL, InteractionState.HELD, ["HELD"], capability="CONSULT")
_rule([VOICE], "single-step transfer", ESTABLISHED_CALL, InteractionState.IDLE, ["RELEASED"], capability="SINGLE_STEP_TRANSFER")
_rule([VOICE], "single-step conference", [InteractionState.TALKING], None, ["PARTY_CHANGED"], capability="SINGLE_STEP_CONFERENCE")
_rule(
    [VOICE],
    "complete transfer",
    [InteractionState.DIALING, InteractionState.TALKING],
    InteractionState.IDLE,
    ["RELEASED"],
    capability="COMPLETE_TRANSFER",
    consultations_only=True,
)
_rule(
    [VOICE],
    "complete conference",
    [InteractionState.TALKING],
    InteractionState.IDLE,
    ["RELEASED"],
    capability="COMPLETE_CONFERENCE",
    consultations_only=True,
)
_rule([VOICE], "transfer away", ESTABLISHED_CALL, InteractionState.IDLE, ["RELEASED"])  # the consult's parent
_rule([VOICE], "conference in", ESTABLISHED_CALL, InteractionState.TALKING, ["PARTY_CHANGED"])  # the consult's parent
_rule([VOICE], "party change", LIVE_CALL, None, ["PARTY_CHANGED"])
_rule([VOICE], "mark done", [InteractionState.IDLE], None, ["REMOVED"], removes=True, capability="MARK_DONE")

# -- chat -----------------------------------------------------------------------------------
# Accepting a chat joins its session first: JOIN_PENDING, then ACCEPTED or JOIN_FAILED.
_rule([CHAT], "accept", [InteractionState.INVITED, InteractionState.INVITED_CONFERENCE], InteractionState.JOIN_PENDING, ["JOIN_PENDING"], capability="ACCEPT")
_rule([CHAT], "join", [InteractionState.JOIN_PENDING], InteractionState.ACCEPTED, ["ACCEPTED"])
_rule([CHAT], "join failure", [InteractionState.JOIN_PENDING], InteractionState.JOIN_FAILED, ["JOIN_FAILED"])
# CANCELED: "the interaction is already accepted in another chat session" (reference).
_rule([CHAT], "accepted elsewhere", [InteractionState.INVITED], InteractionState.CANCELED, ["CANCELED", "REMOVED"], removes=True)
_rule([CHAT], "new message", [InteractionState.ACCEPTED], None, ["NEW_MESSAGE"])
_rule([CHAT], "composing", [InteractionState.ACCEPTED], None, ["COMPOSING"])
_rule([CHAT], "end", [InteractionState.ACCEPTED], InteractionState.IDLE, ["ENDED"], capability="END_CHAT")
_rule([CHAT], "single-step conference", [InteractionState.ACCEPTED], None, ["PARTY_CHANGED"], capability="SINGLE_STEP_CONFERENCE")
_rule([CHAT], "party change", [InteractionState.ACCEPTED], None, ["PARTY_CHANGED"])
_rule([CHAT], "consult", [InteractionState.ACCEPTED], None, [], capability="CONSULT")
_rule([CHAT], "conference in", [InteractionState.ACCEPTED], None, ["PARTY_CHANGED"])
# A chat or email consultation is a session of its own with the target: completing it ends it.
_rule(
    [CHAT],
    "complete transfer",
    [InteractionState.ACCEPTED],
    InteractionState.IDLE,
    ["ENDED"],
    capability="COMPLETE_TRANSFER",
    consultations_only=True,
)
_rule(
    [CHAT],
    "complete conference",
    [InteractionState.ACCEPTED],
    InteractionState.IDLE,
    ["ENDED"],
    capability="COMPLETE_CONFERENCE",
    consultations_only=True,
)
_rule([CHAT], "transfer away", [InteractionState.ACCEPTED], InteractionState.TRANSFER_COMPLETED, ["TRANSFER_COMPLETED"])
_rule([CHAT], "leave conference", [InteractionState.ACCEPTED], InteractionState.LEFT_CONFERENCE, ["LEFT_CONFERENCE", "REMOVED"], removes=True)
_rule(
    [CHAT],
    "mark done",
    [InteractionState.IDLE, InteractionState.JOIN_FAILED, InteractionState.TRANSFER_COMPLETED, InteractionState.ERROR],
    InteractionState.COMPLETED,
    ["COMPLETED", "REMOVED"],
    removes=True,
    capability="MARK_DONE",
)

# -- email ----------------------------------------------------------------------------------
_rule([EMAIL], "accept", [InteractionState.INVITED], InteractionState.ACCEPTED, ["ACCEPTED"], capability="ACCEPT")
_rule([EMAIL], "reply", [InteractionState.ACCEPTED], None, [], capability="REPLY")
_rule([EMAIL], "send", [InteractionState.CREATED], InteractionState.SENT, ["SENT", "REMOVED"], removes=True, capability="SEND")
_rule([EMAIL], "cancel", [InteractionState.CREATED], InteractionState.CANCELLED, ["CANCELLED", "REMOVED"], removes=True, capability="CANCEL")
_rule([EMAIL], "consult", [InteractionState.ACCEPTED], None, [], capability="CONSULT")
_rule([EMAIL], "transfer away", [InteractionState.ACCEPTED], InteractionState.TRANSFER_COMPLETED, ["TRANSFER_COMPLETED"])
_rule(
    [EMAIL],
    "complete transfer",
    [InteractionState.ACCEPTED],
    InteractionState.COMPLETED,
    ["COMPLETED", "REMOVED"],
    removes=True,
    capability="COMPLETE_TRANSFER",
    consultations_only=True,
)
_rule(
    [EMAIL],
    "mark done",
    [InteractionState.ACCEPTED, InteractionState.PULLED, InteractionState.TRANSFER_COMPLETED, InteractionState.ERROR],
    InteractionState.COMPLETED,
    ["COMPLETED", "REMOVED"],
    removes=True,
    capability="MARK_DONE",
)
_rule([EMAIL], "move to workbin", [InteractionState.ACCEPTED, InteractionState.PULLED, InteractionState.CREATED], InteractionState.SAVED, ["IN_WORKBIN", "REMOVED"], removes=True)
_rule([EMAIL], "workbin failure", [InteractionState.ACCEPTED, InteractionState.PULLED, InteractionState.CREATED], None, ["IN_WORKBIN_FAILED"])
_rule([EMAIL], "place in queue", [InteractionState.ACCEPTED, InteractionState.PULLED], InteractionState.IDLE, ["REMOVED"], removes=True)
_rule([EMAIL], "queue failure", [InteractionState.ACCEPTED, InteractionState.PULLED], None, ["IN_QUEUE_FAILED"])

# -- open media -----------------------------------------------------------------------------
_rule(OPEN_MEDIA, "reject", [InteractionState.INVITED, InteractionState.INVITED_CONFERENCE], InteractionState.REJECTED, ["REMOVED"], removes=True, capability="REJECT")
_rule(OPEN_MEDIA, "revoke", [InteractionState.INVITED, InteractionState.INVITED_CONFERENCE], InteractionState.REVOKED, ["REVOKED", "REMOVED"], removes=True)
_rule(OPEN_MEDIA, "single-step transfer", [InteractionState.ACCEPTED], InteractionState.TRANSFER_COMPLETED, ["TRANSFER_COMPLETED"], capability="SINGLE_STEP_TRANSFER")
_rule(OPEN_MEDIA, "standard response", [InteractionState.ACCEPTED, InteractionState.CREATED], None, ["INSERT_STANDARD_RESPONSE"])

# -- outbound preview records ---------------------------------------------------------------
# The reference's "Outbound preview events" table, row for row (UI event: eventType/state).
# A record is an interaction of its own (callType OUTBOUND_PREVIEW, or OUTBOUND_PUSH_PREVIEW);
# "make call" adds the call, a second interaction (callType OUTBOUND): "once the call is made
# the ID provided becomes the new interaction ID that corresponds to the call". Pull preview
# records arrive PREVIEWING (ADDED, PREVIEWING), push and direct push ones INVITED (ADDED,
# INVITED): outbound/previews.py creates them.
_P = InteractionState
_rule([PREVIEW_RECORD], "accept", [_P.INVITED], _P.PREVIEWING, ["PREVIEWING"], capability="ACCEPT")
_rule([PREVIEW_RECORD], "reject", [_P.INVITED], _P.REJECTED, ["REMOVED"], removes=True, capability="REJECT", bare_removal=True)
_rule([PREVIEW_RECORD], "call", [_P.PREVIEWING], None, [], capability="CALL")
_rule([PREVIEW_RECORD], "reject record", [_P.PREVIEWING], _P.REJECTED, ["STATE_CHANGE"], capability="REJECT_RECORD")
_rule([PREVIEW_RECORD], "cancel record", [_P.PREVIEWING], _P.CANCELED, ["STATE_CHANGE"], capability="CANCEL_RECORD")
_rule([PREVIEW_RECORD], "mark done", [_P.REJECTED, _P.CANCELED], None, ["MARKDONE_APPLY", "REMOVED"], removes=True, capability="MARK_DONE", bare_removal=True)

# The call: ADDED/DIALING, DIALING/DIALING (outbound/previews.py), ESTABLISHED/TALKING when the
# customer answers. Release and mark done: pull and direct push preview announce the record's
# REMOVED first, push preview between MARKDONE_APPLY and the call's REMOVED.
_CALLS = (PREVIEW_CALL, PUSH_PREVIEW_CALL)
_rule(_CALLS, "remote answer", [_P.DIALING], _P.TALKING, ["ESTABLISHED"])
_rule(_CALLS, "hold", [_P.TALKING], _P.HELD, ["HELD"], capability="HOLD")
_rule(_CALLS, "resume", [_P.HELD], _P.TALKING, ["ESTABLISHED"], capability="RESUME")
_rule(_CALLS, "record", ESTABLISHED_CALL, None, ["CALL_RECORDING_STATE_CHANGED"])
_rule(_CALLS, "party change", LIVE_CALL, None, ["PARTY_CHANGED"])
for _operation, _capability in (("hang up", "HANGUP"), ("remote hang-up", None)):
    _rule([PREVIEW_CALL], _operation, LIVE_CALL, _P.IDLE, [ON_RECORD + "REMOVED", "RELEASED"], capability=_capability)
    _rule([PUSH_PREVIEW_CALL], _operation, LIVE_CALL, _P.IDLE, ["RELEASED"], capability=_capability)
_rule([PREVIEW_CALL], "mark done", [_P.IDLE], None, ["MARKDONE_APPLY", "REMOVED"], removes=True, capability="MARK_DONE", bare_removal=True)
_rule(
    [PUSH_PREVIEW_CALL],
    "mark done",
    [_P.IDLE],
    None,
    ["MARKDONE_APPLY", ON_RECORD + "REMOVED", "REMOVED"],
    removes=True,
    capability="MARK_DONE",
    bare_removal=True,
    record_capabilities=("MARK_DONE",),  # the table's garbled "OUTBOUND_PUSH MPREK/ | XUNE" row
)

# -- every media ----------------------------------------------------------------------------
_ALL = (VOICE, CHAT, EMAIL, *sorted(OUTBOUND_FLOWS))
_ANY_LIVE = [state for state in InteractionState if state not in (InteractionState.COMPLETED, InteractionState.UNKNOWN)]
_rule(_ALL, "contact change", _ANY_LIVE, None, ["CONTACT_CHANGED"])
_rule(_ALL, "case id change", _ANY_LIVE, None, ["CASE_OR_BUNDLE_ID_CHANGED"])
_rule([VOICE, *sorted(OUTBOUND_FLOWS)], "error", _ANY_LIVE, None, ["ERROR"])
_rule(OPEN_MEDIA, "error", [InteractionState.INVITED, InteractionState.ACCEPTED, InteractionState.CREATED, InteractionState.PULLED], InteractionState.ERROR, ["ERROR"])

# The rules that give a capability, per lifecycle, in _RULES' order: `capabilities` runs for
# every interaction put on the wire (each event), so it reads a few rules, not all of them.
def _capable_by_lifecycle() -> dict[str, list[tuple[str, Rule]]]:
    capable: dict[str, list[tuple[str, Rule]]] = {}
    for (lifecycle, _), rule in _RULES.items():
        if rule.capability:
            capable.setdefault(lifecycle, []).append((rule.capability, rule))
    return capable


_CAPABLE: Final = _capable_by_lifecycle()


def rule_for(interaction: Interaction, operation: str) -> Rule:
    """The rule, or a WorkspaceError naming the interaction's state and what the operation needs."""
    rule = _RULES.get((interaction.lifecycle, operation))
    if rule is None:
        raise WorkspaceError(
            f"Cannot {operation} interaction {interaction.interaction_id!r}: "
            f"{operation} is not available for {interaction.lifecycle} interactions."
        )
    if interaction.state not in rule.starts:
        needed = " or ".join(sorted(state.value for state in rule.starts))
        raise WorkspaceError(
            f"Cannot {operation} interaction {interaction.interaction_id!r}: it is "
            f"{interaction.state.value}; {operation} needs {needed}."
        )
    return rule


def capabilities(interaction: Interaction) -> list[str]:
    """What the agent may do with it now, read off the rules (the reference's `capabilities`)."""
    if interaction.flow == PREVIEW_RECORD and interaction.linked_id is not None:
        return []  # called: the call interaction has the record's capabilities now
    state, consultation = interaction.state, interaction.is_consultation
    found = [
        capability
        for capability, rule in _CAPABLE.get(interaction.lifecycle, ())
        if state in rule.starts and (consultation or not rule.consultations_only)
    ]
    if interaction.is_live and interaction.flow not in OUTBOUND_FLOWS:
        found.append("SET_USER_DATA")  # the outbound table lists the record's own only
    if interaction.flow in OUTBOUND_FLOWS:
        return _in_table_order(found)
    return sorted(set(found))


_TABLE_ORDER = ("ACCEPT", "REJECT", "CALL", "REJECT_RECORD", "CANCEL_RECORD", "HANGUP", "HOLD", "RESUME", "MARK_DONE")


def _in_table_order(found: list[str]) -> list[str]:
    """The outbound table's order: CALL, REJECT_RECORD, CANCEL_RECORD; HANGUP, HOLD."""
    return [capability for capability in _TABLE_ORDER if capability in found]


def rules() -> dict[tuple[str, str], Rule]:
    """Every rule by (media, operation): for tests and documentation."""
    return dict(_RULES)
