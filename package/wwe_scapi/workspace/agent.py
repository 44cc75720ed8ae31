"""The agent and its media: who is logged in, and each media's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.workspace.states import AgentState


@dataclass(slots=True)
class AgentProfile:
    employee_id: str
    firstname: str
    lastname: str
    username: str

    def to_wire(self) -> dict[str, Any]:
        return {
            "employeeId": self.employee_id,
            "firstname": self.firstname,
            "lastname": self.lastname,
            "username": self.username,
        }

    @property
    def display_name(self) -> str:
        return f"{self.firstname} {self.lastname}"


@dataclass(slots=True)
class Device:
    number: str
    dynamic_phone_number: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"number": self.number, "dynamicPhoneNumber": self.dynamic_phone_number}


@dataclass(slots=True)
class Media:
    name: str
    state: AgentState
    device: Device | None = field(default=None)

    def to_wire(self) -> dict[str, Any]:
        # Some apps read the media's name as `media`: carrying both costs nothing.
        wire: dict[str, Any] = {"name": self.name, "media": self.name, "state": self.state.to_wire()}
        if self.device is not None:
            wire["device"] = self.device.to_wire()
        return wire
