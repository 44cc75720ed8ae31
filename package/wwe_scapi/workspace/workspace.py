"""The Workspace: the simulated Agent Workspace's state, the operations on it, and its events."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from wwe_scapi.clock import Clock, SystemClock
from wwe_scapi.workspace.agent import AgentProfile, Device, Media
from wwe_scapi.workspace.autoanswer import RINGING, AutoAnswer
from wwe_scapi.workspace.configuration import ConfigurationStore, OptionValue
from wwe_scapi.workspace.contextual import Annex, contextual_options
from wwe_scapi.workspace.defaults import DEFAULT_AGENT, DEFAULT_MEDIA, DEFAULT_OPTIONS, DEFAULT_TRANSACTIONS
from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.directory import Directory
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub, EventSink
from wwe_scapi.workspace.interactions import InteractionStore
from wwe_scapi.workspace.markdone import MarkDone
from wwe_scapi.workspace.openmedia import OpenMedia
from wwe_scapi.workspace.outbound import Campaign, CampaignBoard, Outbound
from wwe_scapi.workspace.outbound.defaults import default_campaigns
from wwe_scapi.workspace.scenario import Scenario
from wwe_scapi.workspace.system import DesktopSystem
from wwe_scapi.workspace.tokens import JwtTokens
from wwe_scapi.workspace.transfers import Transfers
from wwe_scapi.workspace.voice import VoiceCalls
from wwe_scapi.workspace.states import (
    DEFAULT_STATE_LIST,
    EVENT_ONLY_TYPES,
    PARTIAL_READY,
    AgentState,
    StateType,
)

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire

StateChoice = str | int  # an operationName, or an index into the state list
TOAST_WIDTH_OPTION = "service-client-api.toast.width"
INACTIVITY_OPTION = "security.inactivity-timeout"


def _number(option: str, value: OptionValue | None, minimum: float) -> float:
    try:
        number = float(str(value))
    except ValueError:
        number = float("nan")
    if not minimum <= number < float("inf"):  # also refuses NaN and infinity
        raise WorkspaceError(f"{option}: expected a number of at least {minimum:g}, got {value!r}.")
    return number


class Workspace:
    """One agent's desktop: profile, media states, state list, configuration and interactions.

    Every change goes through a method here or one of its parts (`desk`, `voice`, `open_media`,
    `transfers`, `markdone`, `outbound` with its `campaigns`; `scenario` for the outside world)
    and is announced on `events`.
    """

    def __init__(
        self,
        *,
        agent: Mapping[str, str] = DEFAULT_AGENT,
        media: Mapping[str, str | None] = DEFAULT_MEDIA,
        state_list: Sequence[AgentState] = DEFAULT_STATE_LIST,
        options: Mapping[str, Mapping[str, OptionValue]] = DEFAULT_OPTIONS,
        initial_state: str = "NotReady",
        directory: Directory | None = None,
        transactions: Mapping[str, Annex] = DEFAULT_TRANSACTIONS,
        clock: Clock | None = None,
        campaigns: Callable[[], Sequence[Campaign]] = default_campaigns,
    ) -> None:
        self.events = EventHub()
        self.clock: Clock = clock or SystemClock()
        # This tab's own objects: a snapshot handed to another tab refers to them by name
        # (wwe_scapi.tabs.snapshot), and there they are that tab's own.
        self.locals: dict[str, object] = {"events": self.events, "clock": self.clock}
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
        # Transaction objects by name: their annex overrides options per interaction.
        self.transactions: dict[str, dict[str, OptionValue]] = {
            name: dict(annex) for name, annex in transactions.items()
        }
        self.desk = InteractionDesk(self.events, self.clock, directory or Directory())
        voice_number = next((m.device.number for m in self.media.values() if m.device), agent["employeeId"])
        self.voice = VoiceCalls(self.desk, self._voice_media, voice_number)
        self.campaigns = CampaignBoard(self.events, campaigns())
        self.outbound = Outbound(self.desk, self.voice, self.campaigns)
        self.open_media = OpenMedia(self.desk, self.voice, self.outbound)
        self.transfers = Transfers(self.desk, self.voice, tuple(self.media))
        self.markdone = MarkDone(self.desk, on_done=self.outbound.marked_done)
        self.system = DesktopSystem(self.events, self.clock)
        self.tokens = JwtTokens(self.agent, self.configuration, self.clock, self.events)
        self.apply_system_options()
        self.auto_answer = AutoAnswer(self.configuration, self.clock, self.open_media.accept)
        self.scenario = Scenario(self.desk, self.voice, self.system, self.outbound, self.auto_answer.arrived)

    def _voice_media(self) -> Media | None:
        return self.media.get("voice")

    def apply_system_options(self) -> None:
        """Read the options the desktop itself uses; a bad value is refused naming the option."""
        width = self.configuration.get(TOAST_WIDTH_OPTION)
        minutes = self.configuration.get(INACTIVITY_OPTION)
        self.system.configure(
            int(_number(TOAST_WIDTH_OPTION, width, minimum=1)) if width not in (None, "") else None,
            _number(INACTIVITY_OPTION, minutes, minimum=0) * 60 if minutes not in (None, "") else 0.0,
        )
        self.tokens.lifetime()  # refused now rather than at the first token request

    def tick(self) -> None:
        """Let time act: toasts hide, a lost connection goes DOWN, an idle session closes,
        an interaction is auto-answered at its delay."""
        if self.system.tick() and any(s.operation_name == "Logout" for s in self.state_list):
            self.set_agent_state("Logout")
        self.auto_answer.check(self._ringing)

    def next_deadline(self) -> float | None:
        """When `tick` next has something to do (monotonic), if ever."""
        deadlines = [d for d in (self.system.next_deadline(), self.auto_answer.deadline()) if d is not None]
        return min(deadlines) if deadlines else None

    def _ringing(self, interaction_id: str) -> bool:
        interaction = self.desk.store.find(interaction_id)
        return interaction is not None and interaction.state in RINGING

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

    def media_list(self) -> list[wire.Media]:
        return [media.to_wire() for media in self.media.values()]

    def media_by_name(self, name: str) -> Media:
        try:
            return self.media[name]
        except KeyError:
            known = ", ".join(self.media)
            raise WorkspaceError(f"Unknown media {name!r}. This agent has: {known}.") from None

    # -- interactions ------------------------------------------------------------------------

    @property
    def interactions(self) -> InteractionStore:
        return self.desk.store

    def interaction_list(self) -> list[wire.Interaction]:
        return [interaction.to_wire() for interaction in self.desk.store]

    def contextual_options(
        self, selectors: str | list[str], interaction_id: str | None
    ) -> dict[str, dict[str, OptionValue]]:
        """Options with the interaction's overrides (the reference's exact error when it is unknown)."""
        interaction = self.desk.store.find(interaction_id) if interaction_id is not None else None
        if interaction is None:
            raise WorkspaceError("Error: Interaction not found.")
        return contextual_options(self.configuration, self.transactions, selectors, interaction)
