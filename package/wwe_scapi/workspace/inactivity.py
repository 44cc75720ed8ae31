"""The agent's inactivity timer (security.inactivity-timeout, in minutes; 0 = off), which
system.triggerActivity and the agent's own use of the desktop reset."""

from __future__ import annotations

from wwe_scapi.clock import Clock


class InactivityTimer:
    def __init__(self, clock: Clock, timeout_seconds: float) -> None:
        self.clock = clock
        self.timeout_seconds = timeout_seconds
        self.last_activity = clock.monotonic()
        self.timed_out = False

    @property
    def enabled(self) -> bool:
        return self.timeout_seconds > 0

    def activity(self) -> None:
        """Activity after a timeout starts a new count: the agent is back at the desk."""
        self.last_activity = self.clock.monotonic()
        self.timed_out = False

    def remaining(self) -> float | None:
        """Seconds left before the session closes; None when the timer is off."""
        if not self.enabled:
            return None
        return max(0.0, self.last_activity + self.timeout_seconds - self.clock.monotonic())

    def deadline(self) -> float | None:
        if not self.enabled or self.timed_out:
            return None
        return self.last_activity + self.timeout_seconds

    def check(self) -> bool:
        """True once, when the time runs out."""
        deadline = self.deadline()
        if deadline is None or self.clock.monotonic() < deadline:
            return False
        self.timed_out = True
        return True
