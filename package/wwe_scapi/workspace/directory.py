"""Who and what the simulated contact centre knows besides our agent: other agents, groups,
skills, queues, routing points and workbins; and the reference's `targetQuery`."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.workspace.errors import WorkspaceError


class TargetType(enum.StrEnum):
    AGENT = "AGENT"
    AGENT_GROUP = "AGENT_GROUP"
    SKILL = "SKILL"
    INTERACTION_QUEUE = "INTERACTION_QUEUE"
    ROUTING_POINT = "ROUTING_POINT"
    CUSTOM_CONTACT = "CUSTOM_CONTACT"


@dataclass(frozen=True, slots=True)
class Colleague:
    employee_id: str
    name: str
    number: str  # the DN a voice call reaches them on

    def contact(self) -> dict[str, str]:
        """The interaction's `contact` when the call is with this colleague."""
        first, _, last = self.name.partition(" ")
        return {"displayName": self.name, "firstName": first, "lastName": last}


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved transfer, conference or consultation target."""

    type: TargetType
    destination: str
    party_name: str  # how the target shows in `parties`
    media: str | None = None  # consult only: make the consultation on another media


@dataclass(slots=True)
class Directory:
    colleagues: tuple[Colleague, ...] = (
        Colleague("5002", "Sam Rivera", "5002"),
        Colleague("5003", "Alex Chen", "5003"),
    )
    agent_groups: tuple[str, ...] = ("Billing", "Support Tier 2")
    skills: tuple[str, ...] = ("English", "Spanish", "Billing")
    interaction_queues: tuple[str, ...] = ("Chat Escalations", "Email Inbound", "Outbound Email Queue")
    routing_points: tuple[str, ...] = ("7001", "7002")
    workbins: tuple[str, ...] = ("Personal Workbin", "Drafts")
    names: dict[TargetType, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.names = {
            TargetType.AGENT_GROUP: self.agent_groups,
            TargetType.SKILL: self.skills,
            TargetType.INTERACTION_QUEUE: self.interaction_queues,
            TargetType.ROUTING_POINT: self.routing_points,
        }

    def colleague(self, employee_id_or_number: str) -> Colleague | None:
        for colleague in self.colleagues:
            if employee_id_or_number in (colleague.employee_id, colleague.number):
                return colleague
        return None

    def resolve(self, query: Any, *, media_names: Iterable[str] = ()) -> Target:
        """A targetQuery (a phone number string, or {type|target, destination, media?})."""
        if isinstance(query, str):
            return Target(TargetType.CUSTOM_CONTACT, _destination(query), query.strip())
        if not isinstance(query, Mapping):
            raise WorkspaceError("targetQuery must be a string (a phone number) or an object.")
        target_type = _target_type(query)
        destination = _destination(query.get("destination"))
        media = query.get("media")
        if media is not None:
            known = list(media_names)
            if media not in known:
                raise WorkspaceError(f"targetQuery.media {media!r} is not a media of this agent ({', '.join(known)}).")
        return Target(target_type, destination, self._party_name(target_type, destination), media)

    def _party_name(self, target_type: TargetType, destination: str) -> str:
        if target_type is TargetType.CUSTOM_CONTACT:
            return destination
        if target_type is TargetType.AGENT:
            colleague = self.colleague(destination)
            if colleague is None or colleague.employee_id != destination:
                known = ", ".join(f"{c.employee_id} ({c.name})" for c in self.colleagues)
                raise WorkspaceError(f"Unknown agent {destination!r} in targetQuery. Known employeeIds: {known}.")
            return colleague.name
        known_names = self.names[target_type]
        if destination not in known_names:
            raise WorkspaceError(
                f"Unknown {target_type.value} {destination!r} in targetQuery. Known: {', '.join(known_names)}."
            )
        return destination


def _target_type(query: Mapping[str, Any]) -> TargetType:
    # The reference names the key `target` for consult and `type` for the single-step calls.
    given = {key: query[key] for key in ("type", "target") if query.get(key) is not None}
    if len(set(map(str, given.values()))) > 1:
        raise WorkspaceError(f"targetQuery has type {given['type']!r} and target {given['target']!r}: give one.")
    if not given:
        raise WorkspaceError("targetQuery needs a type (or target): one of " + ", ".join(TargetType) + ".")
    value = next(iter(given.values()))
    try:
        return TargetType(value)
    except ValueError:
        raise WorkspaceError(
            f"Unknown targetQuery type {value!r}: one of {', '.join(TargetType)}."
        ) from None


def _destination(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise WorkspaceError("targetQuery needs a destination: a non-empty string.")
    return value.strip()
