"""The agent's chat and email operations, and accept/reject for every media."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.errors import WorkspaceError, with_article
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import CHAT, EMAIL, PREVIEW_RECORD, VOICE
from wwe_scapi.workspace.outbound import Outbound
from wwe_scapi.workspace.voice import VoiceCalls

_EMAIL_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OpenMedia:
    def __init__(self, desk: InteractionDesk, voice: VoiceCalls, outbound: Outbound) -> None:
        self.desk = desk
        self.voice = voice
        self.outbound = outbound

    def of(self, interaction_id: str, media: str, request: str) -> Interaction:
        interaction = self.desk.get(interaction_id)
        if interaction.media != media:
            raise WorkspaceError(
                f"{request} works on {media} interactions; interaction {interaction_id!r} is "
                f"{with_article(interaction.media)} interaction."
            )
        return interaction

    # -- any media ------------------------------------------------------------------------------

    def accept(self, interaction_id: str) -> Interaction:
        """interaction.accept: answer a ringing call, join a chat, open an email, take a
        pushed outbound record."""
        interaction = self.desk.get(interaction_id)
        if interaction.flow == PREVIEW_RECORD:
            return self.outbound.accept(interaction_id)
        if interaction.media == VOICE:
            return self.voice.answer(interaction_id, "interaction.accept")
        self.desk.step(interaction, "accept")
        if interaction.media == CHAT:
            # The chat server answers the join at once in the simulation.
            self.desk.step(interaction, "join failure" if interaction.join_fails else "join")
        self.desk.select_case_of(interaction)
        return interaction

    def reject(self, interaction_id: str) -> Interaction:
        interaction = self.desk.get(interaction_id)
        if interaction.flow == PREVIEW_RECORD:
            return self.outbound.reject_invitation(interaction_id)
        self.desk.step(interaction, "reject")
        return interaction

    # -- chat -----------------------------------------------------------------------------------

    def end_chat(self, interaction_id: str) -> Interaction:
        chat = self.of(interaction_id, CHAT, "Ending a chat")
        self.desk.step(chat, "end")
        return chat

    def send_chat_message(self, interaction_id: str, text: str) -> Interaction:
        """The agent writes to the customer (the desktop's chat box)."""
        chat = self.of(interaction_id, CHAT, "Sending a chat message")
        rule = self.desk.check(chat, "new message")
        chat.transcript.append(("agent", text))
        self.desk.apply(chat, rule)
        return chat

    def insert_standard_response(self, interaction_id: str, text: str) -> Interaction:
        interaction = self.desk.get(interaction_id)
        rule = self.desk.check(interaction, "standard response")
        interaction.transcript.append(("standard response", text))
        self.desk.apply(interaction, rule)
        return interaction

    # -- email ----------------------------------------------------------------------------------

    def create_email(self, destination: str, user_data: Mapping[str, Any] | None = None) -> Interaction:
        """email.create: a new, empty outbound email in a case of its own."""
        address = destination.strip()
        if not _EMAIL_ADDRESS.match(address):
            raise WorkspaceError(f"email.create needs an email address as destination, got {destination!r}.")
        email = self.desk.create(
            EMAIL,
            InteractionState.CREATED,
            ["ADDED", "CREATED"],
            user_data=user_data,
            parties=[{"name": address}],
            contact={"displayName": address},
        )
        self.desk.select_case_of(email)
        return email

    def reply(self, interaction_id: str) -> Interaction:
        """A reply to an inbound email: an outbound email in the same case."""
        inbound = self.of(interaction_id, EMAIL, "Replying")
        self.desk.check(inbound, "reply")
        return self.desk.create(
            EMAIL,
            InteractionState.CREATED,
            ["ADDED", "CREATED"],
            parent=inbound,
            user_data=inbound.user_data,
            parties=[dict(party) for party in inbound.parties],
            contact=dict(inbound.contact),
        )

    def send(self, interaction_id: str) -> Interaction:
        email = self.of(interaction_id, EMAIL, "Sending")
        self.desk.step(email, "send")
        return email

    def cancel(self, interaction_id: str) -> Interaction:
        email = self.of(interaction_id, EMAIL, "Cancelling")
        self.desk.step(email, "cancel")
        return email

    def move_to_workbin(self, interaction_id: str, workbin: str) -> bool:
        """True when it went into the workbin; an unknown workbin gives IN_WORKBIN_FAILED."""
        email = self.of(interaction_id, EMAIL, "Moving to a workbin")
        if workbin not in self.desk.directory.workbins:
            self.desk.step(email, "workbin failure")
            return False
        self.desk.step(email, "move to workbin")
        return True

    def place_in_queue(self, interaction_id: str, queue: str) -> bool:
        """True when the queue took it; an unknown queue gives IN_QUEUE_FAILED."""
        email = self.of(interaction_id, EMAIL, "Placing in a queue")
        if queue not in self.desk.directory.interaction_queues:
            self.desk.step(email, "queue failure")
            return False
        self.desk.step(email, "place in queue")
        return True
