"""Mark done, and the blocks apps put on it (blockMarkdone / unblockMarkdone).

The reference says only that `markdone` subscribers are told about blocks; the simulator
sends them {eventType, interactionId, media, blocked, warningMessages} with eventType
BLOCKED, UNBLOCKED, REFUSED (a mark done tried while blocked) or DONE.
"""

from __future__ import annotations

from collections.abc import Callable

from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import CHAT, VOICE

_LIVE_CALL = (InteractionState.RINGING, InteractionState.DIALING, InteractionState.TALKING, InteractionState.HELD)


class MarkDone:
    def __init__(self, desk: InteractionDesk, on_done: Callable[[Interaction], None] = lambda interaction: None) -> None:
        """`on_done`: told of each interaction once marked done (outbound records go back to their list)."""
        self.desk = desk
        self._on_done = on_done

    def block(self, interaction_id: str, owner: str, warning_message: str | None) -> None:
        """Block mark done on that interaction until `owner` (an app's origin) lifts it."""
        interaction = self.desk.get(interaction_id)
        interaction.markdone_blocks[owner] = warning_message or "Mark done is blocked by an application."
        self._announce("BLOCKED", interaction)

    def unblock(self, interaction_id: str, owner: str) -> None:
        interaction = self.desk.get(interaction_id)
        if owner not in interaction.markdone_blocks:
            holders = ", ".join(interaction.markdone_blocks) or "nobody"
            raise WorkspaceError(
                f"Interaction {interaction_id!r} has no mark done block from {owner} (blocked by: {holders})."
            )
        del interaction.markdone_blocks[owner]
        self._announce("UNBLOCKED", interaction)

    def mark_done(self, interaction_id: str) -> None:
        """End the interaction on the desktop, with its finished consultations."""
        interaction = self.desk.get(interaction_id)
        if interaction.markdone_blocks:
            self._announce("REFUSED", interaction)
            warnings = " ".join(interaction.markdone_blocks.values())
            raise WorkspaceError(f"Mark done is blocked on interaction {interaction_id!r}: {warnings}")
        if interaction.media == VOICE and interaction.state in _LIVE_CALL:
            raise WorkspaceError(
                f"Cannot mark done interaction {interaction_id!r}: it is a live call "
                f"({interaction.state.value}); hang it up first."
            )
        children = self.desk.store.children_of(interaction_id)
        live = [child for child in children if child.is_live]
        if live:
            kind = "consultation" if live[0].is_consultation else "reply"
            raise WorkspaceError(
                f"Cannot mark done interaction {interaction_id!r}: its {kind} "
                f"{live[0].interaction_id!r} is {live[0].state.value}."
            )
        self._finish(interaction)
        for child in children:
            self.desk.step(child, "mark done")
        self._on_done(interaction)
        self._announce("DONE", interaction)

    def _finish(self, interaction: Interaction) -> None:
        if interaction.media == CHAT and interaction.state is InteractionState.ACCEPTED:
            if interaction.is_conference_guest:
                self.desk.step(interaction, "leave conference")  # the chat goes on without us
                return
            self.desk.step(interaction, "end")  # Done on an active chat ends it first
        self.desk.step(interaction, "mark done")

    def _announce(self, event_type: str, interaction: Interaction) -> None:
        self.desk.events.emit(
            "markdone",
            {
                "eventType": event_type,
                "interactionId": interaction.interaction_id,
                "media": interaction.media,
                "blocked": bool(interaction.markdone_blocks),
                "warningMessages": list(interaction.markdone_blocks.values()),
            },
        )
