"""The agent and its media: who is logged in, and each media's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wwe_scapi.workspace.states import AgentState

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire


@dataclass(slots=True)
class AgentProfile:
    employee_id: str
    firstname: str
    lastname: str
    username: str

    def to_wire(self) -> wire.Agent:
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

    def to_wire(self) -> wire.Device:
        return {"number": self.number, "dynamicPhoneNumber": self.dynamic_phone_number}


@dataclass(slots=True)
class Media:
    name: str
    state: AgentState
    device: Device | None = field(default=None)

    def to_wire(self) -> wire.Media:
        # Some apps read the media's name as `media`: carrying both costs nothing.
        shape: wire.Media = {"name": self.name, "media": self.name, "state": self.state.to_wire()}
        if self.device is not None:
            shape["device"] = self.device.to_wire()
        return shape
