"""Interactions: the reference's `Interaction` object, ids counted from "1", and the store."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire

from wwe_scapi.workspace.errors import WorkspaceError


class InteractionState(enum.StrEnum):
    UNKNOWN = "UNKNOWN"
    IDLE = "IDLE"
    RINGING = "RINGING"
    DIALING = "DIALING"
    TALKING = "TALKING"
    HELD = "HELD"
    PREVIEW = "PREVIEW"
    INVITED = "INVITED"
    ACCEPTED = "ACCEPTED"
    CREATED = "CREATED"
    PULLED = "PULLED"
    REVOKED = "REVOKED"
    COMPLETED = "COMPLETED"
    ERROR = "ERROR"
    SAVED = "SAVED"
    TRANSFERRING = "TRANSFERRING"
    TRANSFER_COMPLETED = "TRANSFER_COMPLETED"
    INVITED_CONFERENCE = "INVITED_CONFERENCE"
    LEFT_CONFERENCE = "LEFT_CONFERENCE"
    USER_DATA_ATTACHED = "USER_DATA_ATTACHED"
    USER_DATA_UPDATED = "USER_DATA_UPDATED"
    JOIN_PENDING = "JOIN_PENDING"
    JOIN_FAILED = "JOIN_FAILED"
    HISTORY_IN_PROGRESS = "HISTORY_IN_PROGRESS"
    HISTORY_DONE = "HISTORY_DONE"
    CANCELLED = "CANCELLED"
    SENT = "SENT"
    READY = "READY"
    CANCELED = "CANCELED"
    REJECTED = "REJECTED"
    PREVIEWING = "PREVIEWING"


# States in which an interaction is over: its user data can no longer be written.
ENDED_STATES = frozenset(
    {
        InteractionState.IDLE,
        InteractionState.COMPLETED,
        InteractionState.CANCELLED,
        InteractionState.CANCELED,
        InteractionState.SENT,
        InteractionState.REJECTED,
        InteractionState.REVOKED,
        InteractionState.TRANSFER_COMPLETED,
        InteractionState.LEFT_CONFERENCE,
        InteractionState.JOIN_FAILED,
    }
)


@dataclass(slots=True)
class Interaction:
    """The reference's `Interaction` object, plus what the simulator keeps off the wire."""

    interaction_id: str
    media: str
    state: InteractionState
    case_id: str
    interaction_uuid: str
    start_date: str | None
    user_data: dict[str, Any] = field(default_factory=dict)
    previous_state: InteractionState = InteractionState.UNKNOWN
    parties: list[dict[str, str]] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    capabilities: list[str] = field(default_factory=list)
    parent_interaction_id: str | None = None
    is_consultation: bool = False
    is_main_case_interaction: bool = True
    is_case_selected: bool = False
    is_case_expanded: bool = False
    end_date: str | None = None
    # Wire fields of one media only: callUuid, connId, direction, callType, ani, dnis,
    # recordingState, ronaCallState for voice.
    media_fields: dict[str, Any] = field(default_factory=dict)
    # Off the wire: shown on the desktop, used by the simulator.
    extensions: dict[str, Any] = field(default_factory=dict)
    transcript: list[tuple[str, str]] = field(default_factory=list)  # (who, text)
    markdone_blocks: dict[str, str] = field(default_factory=dict)  # blocking origin -> warning
    join_fails: bool = False  # chat: the chat server will refuse the agent's join
    is_conference_guest: bool = False  # chat: the agent was invited into another's chat
    # The state machine it follows when not its media's own (lifecycle.py): outbound records.
    flow: str = ""
    # Outbound: a preview record's call, or a call's preview record interaction.
    linked_id: str | None = None

    @property
    def lifecycle(self) -> str:
        """The key of its state machine in lifecycle.py."""
        return self.flow or self.media

    @property
    def is_live(self) -> bool:
        return self.state not in ENDED_STATES

    def move_to(self, state: InteractionState) -> None:
        self.previous_state, self.state = self.state, state

    def to_wire(self) -> wire.Interaction:
        shape: dict[str, Any] = {
            "interactionId": self.interaction_id,
            "parentInteractionId": self.parent_interaction_id,
            "caseId": self.case_id,
            "media": self.media,
            "userData": dict(self.user_data),
            "state": self.state.value,
            "previousState": self.previous_state.value,
            "parties": [dict(party) for party in self.parties],
            "isConsultation": self.is_consultation,
            "isMainCaseInteraction": self.is_main_case_interaction,
            "isCaseSelected": self.is_case_selected,
            "isCaseExpanded": self.is_case_expanded,
            "contact": dict(self.contact),
            "interactionUUID": self.interaction_uuid,
            "capabilities": list(self.capabilities),
            "startDate": self.start_date,
            "endDate": self.end_date,
        }
        shape.update(self.media_fields)  # the voice-only fields
        return cast("wire.Interaction", shape)


class InteractionStore:
    """Interactions by their client-side id, "1", "2", ... in arrival order."""

    def __init__(self) -> None:
        self._by_id: dict[str, Interaction] = {}
        self._count = 0

    def next_id(self) -> str:
        self._count += 1
        return str(self._count)

    def add(self, interaction: Interaction) -> Interaction:
        self._by_id[interaction.interaction_id] = interaction
        return interaction

    def find(self, interaction_id: str) -> Interaction | None:
        return self._by_id.get(interaction_id)

    def get(self, interaction_id: str) -> Interaction:
        interaction = self._by_id.get(interaction_id)
        if interaction is None:
            known = ", ".join(repr(i) for i in self._by_id) or "none"
            raise WorkspaceError(f"Interaction {interaction_id!r} not found (current interactions: {known}).")
        return interaction

    def in_case(self, case_id: str) -> list[Interaction]:
        return [i for i in self._by_id.values() if i.case_id == case_id]

    def children_of(self, interaction_id: str) -> list[Interaction]:
        return [i for i in self._by_id.values() if i.parent_interaction_id == interaction_id]

    def remove(self, interaction_id: str) -> None:
        self._by_id.pop(interaction_id, None)

    def __iter__(self) -> Iterator[Interaction]:
        return iter(list(self._by_id.values()))

    def __len__(self) -> int:
        return len(self._by_id)
