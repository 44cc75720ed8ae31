"""The simulated contact centre: a pure, deterministic domain model that emits domain events."""

from wwe_scapi.workspace.configuration import ConfigurationStore, OptionValue
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import DomainEvent
from wwe_scapi.workspace.states import AgentState, StateType
from wwe_scapi.workspace.workspace import Workspace

__all__ = [
    "AgentState",
    "ConfigurationStore",
    "DomainEvent",
    "OptionValue",
    "StateType",
    "Workspace",
    "WorkspaceError",
]
