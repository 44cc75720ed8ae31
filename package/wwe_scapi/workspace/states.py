"""Agent and media states (`media.State` of the reference) and the default state list."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire


class StateType(enum.StrEnum):
    LOGOUT = "LOGOUT"
    READY = "READY"
    PARTIAL_READY = "PARTIAL_READY"
    NOT_READY = "NOT_READY"
    NOT_READY_ACTION_CODE = "NOT_READY_ACTION_CODE"
    NOT_READY_AFTER_CALLWORK = "NOT_READY_AFTER_CALLWORK"
    NOT_READY_AFTER_CALLWORK_ACTION_CODE = "NOT_READY_AFTER_CALLWORK_ACTION_CODE"
    DND_ON = "DND_ON"
    OUT_OF_SERVICE = "OUT_OF_SERVICE"
    LOGOUT_DND_ON = "LOGOUT_DND_ON"
    UNKNOWN = "UNKNOWN"


# Reported by events only; code can never set them (reference, media.State).
EVENT_ONLY_TYPES = frozenset(
    {
        StateType.PARTIAL_READY,
        StateType.OUT_OF_SERVICE,
        StateType.LOGOUT_DND_ON,
        StateType.UNKNOWN,
    }
)


@dataclass(frozen=True, slots=True)
class AgentState:
    type: StateType
    display_name: str
    operation_name: str
    reason: str | None = None
    reason_code: str | None = None

    def to_wire(self) -> wire.State:
        shape: wire.State = {
            "type": self.type.value,
            "displayName": self.display_name,
            "operationName": self.operation_name,
        }
        if self.reason is not None:
            shape["reason"] = self.reason
            shape["reasonCode"] = self.reason_code
        return shape

    def event_fields(self) -> dict[str, Any]:
        """The fields of an `agent` STATE_CHANGED event for this state."""
        fields: dict[str, Any] = {"mediaState": self.type.value}
        if self.reason is not None:
            fields["reason"] = self.reason
            fields["reasonCode"] = self.reason_code
        return fields


PARTIAL_READY = AgentState(StateType.PARTIAL_READY, "Partially Ready", "")

DEFAULT_STATE_LIST: tuple[AgentState, ...] = (
    AgentState(StateType.READY, "Ready", "Ready"),
    AgentState(StateType.NOT_READY, "Not Ready", "NotReady"),
    AgentState(StateType.NOT_READY_ACTION_CODE, "Not Ready - Break", "NotReadyBreak", "Break", "1511"),
    AgentState(StateType.NOT_READY_ACTION_CODE, "Not Ready - Lunch", "NotReadyLunch", "Lunch", "1512"),
    AgentState(
        StateType.NOT_READY_ACTION_CODE, "Not Ready - Training", "NotReadyTraining", "Training", "1513"
    ),
    AgentState(StateType.NOT_READY_AFTER_CALLWORK, "After Call Work", "AfterCallWork"),
    AgentState(StateType.DND_ON, "Do Not Disturb", "DoNotDisturb"),
    AgentState(StateType.LOGOUT, "Logout", "Logout"),
)
