"""The Workspace: the simulated Agent Workspace's state, the operations on it, and its events."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from wwe_scapi.workspace.agent import AgentProfile, Device, Media
from wwe_scapi.workspace.configuration import ConfigurationStore, OptionValue
from wwe_scapi.workspace.defaults import DEFAULT_AGENT, DEFAULT_MEDIA, DEFAULT_OPTIONS
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub, EventSink
from wwe_scapi.workspace.interactions import Interaction, InteractionState, InteractionStore
from wwe_scapi.workspace.states import (
    DEFAULT_STATE_LIST,
    EVENT_ONLY_TYPES,
    PARTIAL_READY,
    AgentState,
    StateType,
)

StateChoice = str | int  # an operationName, or an index into the state list


class Workspace:
    """One agent's desktop: profile, media states, state list and configuration.

    Every change goes through a method here and is announced on `events`.
    """

    def __init__(
        self,
        *,
        agent: Mapping[str, str] = DEFAULT_AGENT,
        media: Mapping[str, str | None] = DEFAULT_MEDIA,
        state_list: Sequence[AgentState] = DEFAULT_STATE_LIST,
        options: Mapping[str, Mapping[str, OptionValue]] = DEFAULT_OPTIONS,
        initial_state: str = "NotReady",
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        self.events = EventHub()
        self.now = now
        self.interactions = InteractionStore()
        self._uuid_count = 0
        self.agent = AgentProfile(
            agent["employeeId"], agent["firstname"], agent["lastname"], agent["username"]
        )
        self.state_list: tuple[AgentState, ...] = tuple(state_list)
        start = self.find_state(initial_state)
        self.media: dict[str, Media] = {
            name: Media(name, start, Device(number) if number else None)
            for name, number in media.items()
        }
        self.configuration = ConfigurationStore(options)

    def subscribe(self, sink: EventSink) -> Callable[[], None]:
        return self.events.add(sink)

    # -- agent state -----------------------------------------------------------------------

    def agent_state(self) -> AgentState:
        """The agent's state over all media: theirs when they agree, else Partially Ready."""
        states = [media.state for media in self.media.values()]
        if not states:
            return AgentState(StateType.UNKNOWN, "Unknown", "")
        if all(state == states[0] for state in states):
            return states[0]
        if any(state.type is StateType.READY for state in states):
            return PARTIAL_READY
        return states[0]

    def find_state(self, choice: StateChoice) -> AgentState:
        """A state of the list, by operationName or by index (the vendor's stateListIndex)."""
        if isinstance(choice, bool):
            raise WorkspaceError(f"Unknown agent state {choice!r}.")
        if isinstance(choice, int):
            if 0 <= choice < len(self.state_list):
                return self.state_list[choice]
            raise WorkspaceError(
                f"Unknown agent state index {choice}: the state list has {len(self.state_list)} entries."
            )
        for state in self.state_list:
            if state.operation_name == choice:
                return state
        known = ", ".join(state.operation_name for state in self.state_list)
        raise WorkspaceError(f"Unknown agent state {choice!r}. Known operation names: {known}.")

    def set_agent_state(self, choice: StateChoice) -> AgentState:
        """Put every media in that state (agent.setState)."""
        state = self._settable(choice)
        self._change_media_states(list(self.media), state)
        return state

    def set_media_state(self, name: str, choice: StateChoice) -> AgentState:
        """Put one media in that state (media.setState)."""
        self.media_by_name(name)
        state = self._settable(choice)
        self._change_media_states([name], state)
        return state

    def _settable(self, choice: StateChoice) -> AgentState:
        state = self.find_state(choice)
        if state.type in EVENT_ONLY_TYPES:
            raise WorkspaceError(f"The state {state.type.value} can only be reported, not set.")
        return state

    def _change_media_states(self, names: list[str], state: AgentState) -> None:
        before = self.agent_state()
        changed = [name for name in names if self.media[name].state != state]
        for name in changed:
            self.media[name].state = state
            self.events.emit(
                "media",
                {"eventType": "STATE_CHANGED", **self.media[name].to_wire()},
            )
        after = self.agent_state()
        if after != before:
            self.events.emit("agent", {"eventType": "STATE_CHANGED", **after.event_fields()})

    # -- media -------------------------------------------------------------------------------

    def media_list(self) -> list[dict[str, Any]]:
        return [media.to_wire() for media in self.media.values()]

    def media_by_name(self, name: str) -> Media:
        try:
            return self.media[name]
        except KeyError:
            known = ", ".join(self.media)
            raise WorkspaceError(f"Unknown media {name!r}. This agent has: {known}.") from None

    # -- interactions ------------------------------------------------------------------------

    def _next_uuid(self) -> str:
        """Deterministic UUID-shaped ids, so that runs and tests repeat exactly."""
        self._uuid_count += 1
        return str(uuid.UUID(int=(0x5C0A_F1 << 96) | self._uuid_count))

    def _emit_interaction(self, event_type: str, interaction: Interaction) -> None:
        self.events.emit(
            "interaction",
            {"eventType": event_type, "media": interaction.media, "interaction": interaction.to_wire()},
        )

    def ring_inbound_call(
        self,
        ani: str = "+15551230000",
        dnis: str = "5001",
        user_data: Mapping[str, Any] | None = None,
        caller: str = "Jordan Lee",
    ) -> Interaction:
        """Scenario: an inbound voice call rings on the agent's desktop."""
        first, _, last = caller.partition(" ")
        interaction = self.interactions.add(
            Interaction(
                interaction_id=self.interactions.next_id(),
                media="voice",
                state=InteractionState.RINGING,
                case_id=self._next_uuid(),
                interaction_uuid=self._next_uuid(),
                start_date=self.now().isoformat(timespec="seconds"),
                user_data=dict(user_data or {}),
                parties=[{"name": ani}],
                contact={"displayName": caller, "firstName": first, "lastName": last},
                capabilities=["ANSWER", "REJECT"],
                voice={
                    "callUuid": self._next_uuid().replace("-", "").upper()[:32],
                    "connId": f"{self._uuid_count:016x}",
                    "direction": "IN",
                    "callType": "INBOUND",
                    "ani": ani,
                    "dnis": dnis,
                    "recordingState": "STOPPED",
                },
            )
        )
        self._emit_interaction("ADDED", interaction)
        self._emit_interaction("RINGING", interaction)
        return interaction

    def interaction_list(self) -> list[dict[str, Any]]:
        return [interaction.to_wire() for interaction in self.interactions]

    def _live(self, interaction_id: str) -> Interaction:
        interaction = self.interactions.get(interaction_id)
        if not interaction.is_live:
            raise WorkspaceError(
                f"Interaction {interaction_id!r} is {interaction.state.value}: its user data can no longer change."
            )
        return interaction

    def set_user_data(self, interaction_id: str, key_values: Mapping[str, Any]) -> Interaction:
        """Overwrite those keys on a live interaction."""
        interaction = self._live(interaction_id)
        interaction.user_data.update(key_values)
        self._emit_interaction("ATTACHED_DATA_CHANGED", interaction)
        return interaction

    def delete_user_data(self, interaction_id: str, key: str) -> Interaction:
        interaction = self._live(interaction_id)
        if key not in interaction.user_data:
            raise WorkspaceError(f"Interaction {interaction_id!r} has no user data key {key!r}.")
        del interaction.user_data[key]
        self._emit_interaction("ATTACHED_DATA_CHANGED", interaction)
        return interaction
