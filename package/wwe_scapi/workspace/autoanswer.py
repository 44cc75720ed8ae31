"""Auto-answer, as the real Agent Workspace's options set it: `voice.auto-answer`,
`chat.auto-answer`, `email.auto-answer` ("true" answers a new inbound interaction of that
media), each with `<media>.auto-answer.timer`, the delay in seconds (0, the default: at once).

It runs where the workspace applies changes: with several desktop tabs, in the leader only
(the others hold replicas), so an interaction is answered once."""

from __future__ import annotations

import logging
from collections.abc import Callable

from wwe_scapi.clock import Clock
from wwe_scapi.workspace.configuration import ConfigurationStore
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionState

logger = logging.getLogger(__name__)

RINGING = frozenset({InteractionState.RINGING, InteractionState.INVITED})
MEDIA = ("voice", "chat", "email")
OPTIONS = frozenset(f"{media}.auto-answer{timer}" for media in MEDIA for timer in ("", ".timer"))


class AutoAnswer:
    def __init__(self, configuration: ConfigurationStore, clock: Clock, accept: Callable[[str], object]) -> None:
        self._configuration = configuration
        self._clock = clock
        self._accept = accept
        self.due: dict[str, float] = {}  # interaction id -> when to answer it (monotonic)

    def arrived(self, interaction: Interaction) -> None:
        """A new inbound interaction: answer it now or at its media's delay, if so configured."""
        media = interaction.media
        if str(self._configuration.get(f"{media}.auto-answer", "false")).strip().lower() != "true":
            return
        delay = self._delay(media)
        if delay <= 0:
            self._answer(interaction.interaction_id)
        else:
            self.due[interaction.interaction_id] = self._clock.monotonic() + delay

    def check(self, still_ringing: Callable[[str], bool]) -> None:
        """Answer what has fallen due (and is still ringing)."""
        now = self._clock.monotonic()
        for interaction_id, due in list(self.due.items()):
            if due <= now:
                del self.due[interaction_id]
                if still_ringing(interaction_id):
                    self._answer(interaction_id)

    def deadline(self) -> float | None:
        return min(self.due.values()) if self.due else None

    def _delay(self, media: str) -> float:
        option = f"{media}.auto-answer.timer"
        value = self._configuration.get(option, "0")
        try:
            delay = float(str(value))
        except ValueError:
            delay = float("nan")
        if not 0 <= delay < float("inf"):
            logger.warning("%s: expected a number of seconds, got %r: answering at once", option, value)
            return 0.0
        return delay

    def _answer(self, interaction_id: str) -> None:
        try:
            self._accept(interaction_id)
        except WorkspaceError as refusal:  # it went meanwhile (the caller hung up...)
            logger.info("auto-answer of %s: %s", interaction_id, refusal.message)
