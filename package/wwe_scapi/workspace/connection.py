"""The desktop's real-time connection to Genesys Web Services, as `system` REALTIME_CONNECTION
reports it: DISCONNECTED, RECONNECTED, and DOWN after a minute without reconnecting."""

from __future__ import annotations

import enum

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.errors import WorkspaceError

DOWN_AFTER_SECONDS = 60.0


class ConnectionState(enum.StrEnum):
    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"
    DOWN = "DOWN"


class RealtimeConnection:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.state = ConnectionState.CONNECTED
        self.lost_at: float | None = None

    def drop(self) -> str:
        if self.state is not ConnectionState.CONNECTED:
            raise WorkspaceError(f"The real-time connection is already {self.state.value}.")
        self.state, self.lost_at = ConnectionState.DISCONNECTED, self.clock.monotonic()
        return "DISCONNECTED"

    def restore(self) -> str:
        if self.state is ConnectionState.CONNECTED:
            raise WorkspaceError("The real-time connection is not lost.")
        self.state, self.lost_at = ConnectionState.CONNECTED, None
        return "RECONNECTED"

    def go_down(self) -> str:
        """DOWN at once (the scenario's shortcut for a minute without reconnecting)."""
        if self.state is not ConnectionState.DISCONNECTED:
            raise WorkspaceError(f"The real-time connection is {self.state.value}: it goes DOWN only once DISCONNECTED.")
        self.state = ConnectionState.DOWN
        return "DOWN"

    def deadline(self) -> float | None:
        if self.state is ConnectionState.DISCONNECTED and self.lost_at is not None:
            return self.lost_at + DOWN_AFTER_SECONDS
        return None

    def check(self) -> str | None:
        """DOWN when the minute has passed, else None."""
        deadline = self.deadline()
        if deadline is None or self.clock.monotonic() < deadline:
            return None
        return self.go_down()
