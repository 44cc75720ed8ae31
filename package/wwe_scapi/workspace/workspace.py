"""The Workspace: the simulated Agent Workspace's state, the operations on it, and its events."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from wwe_scapi.workspace.agent import AgentProfile, Device, Media
from wwe_scapi.workspace.configuration import ConfigurationStore, OptionValue
from wwe_scapi.workspace.defaults import DEFAULT_AGENT, DEFAULT_MEDIA, DEFAULT_OPTIONS
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub, EventSink
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
    ) -> None:
        self.events = EventHub()
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
