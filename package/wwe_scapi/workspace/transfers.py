"""Consultations, transfers and conferences, in one step or through a consultation call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.directory import Target, TargetType
from wwe_scapi.workspace.errors import WorkspaceError, with_article
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.leniency import Warn, refuse
from wwe_scapi.workspace.lifecycle import CHAT, OPEN_MEDIA, VOICE
from wwe_scapi.workspace.voice import VoiceCalls

# Open media go to agents and queues, never to a phone number or a routing point.
_OPEN_MEDIA_TARGETS = frozenset(
    {TargetType.AGENT, TargetType.AGENT_GROUP, TargetType.SKILL, TargetType.INTERACTION_QUEUE}
)


class Transfers:
    def __init__(self, desk: InteractionDesk, voice: VoiceCalls, media_names: tuple[str, ...]) -> None:
        self.desk = desk
        self.voice = voice
        self.media_names = media_names

    def _target(self, interaction: Interaction, query: Any, request: str, warn: Warn) -> Target:
        consult = request == "consult"
        if not consult and isinstance(query, Mapping) and query.get("media") is not None:
            warn(f"interaction.{request}: targetQuery.media applies to consult only (reference)", "ignored")
            query = {key: value for key, value in query.items() if key != "media"}
        target = self.desk.directory.resolve(query, media_names=self.media_names)
        media = (target.media or interaction.media) if consult else interaction.media
        if media in OPEN_MEDIA and target.type not in _OPEN_MEDIA_TARGETS:
            raise WorkspaceError(
                f"{with_article(media).capitalize()} interaction cannot go to {with_article(target.type.value)} target; "
                f"use one of {', '.join(sorted(_OPEN_MEDIA_TARGETS))}."
            )
        return target

    @staticmethod
    def _extensions(media: str, extensions: Mapping[str, Any] | None, request: str, warn: Warn) -> dict[str, Any]:
        """The extensions to keep: none for chat, where the reference says they do not apply."""
        if extensions and media == CHAT:
            warn(f"interaction.{request}: extensions do not apply to the chat media (reference)", "ignored")
            return {}
        return dict(extensions or {})

    def consult(
        self,
        interaction_id: str,
        query: Any,
        user_data: Mapping[str, Any] | None = None,
        extensions: Mapping[str, Any] | None = None,
        warn: Warn = refuse,
    ) -> Interaction:
        """A consultation in the interaction's own media unless targetQuery.media names another
        (reference); a voice parent is put on hold, a chat or an email stays as it is."""
        parent = self.desk.get(interaction_id)
        target = self._target(parent, query, "consult", warn)
        media = target.media or parent.media
        if media not in (VOICE, parent.media):
            ways = VOICE if parent.media == VOICE else f"{parent.media} or by {VOICE}"
            raise WorkspaceError(
                f"targetQuery.media {media!r}: {with_article(parent.media)} interaction is consulted by {ways}."
            )
        rule = self.desk.check(parent, "consult")
        ongoing = [child for child in self.desk.store.children_of(interaction_id) if child.is_live]
        if ongoing:
            raise WorkspaceError(
                f"Interaction {interaction_id!r} already has a consultation in progress: {ongoing[0].interaction_id!r}."
            )
        kept_extensions = self._extensions(media, extensions, "consult", warn)
        if media == VOICE:
            self.voice.voice_channel()
        if parent.state is not InteractionState.HELD:
            self.desk.apply(parent, rule)
        colleague = self.desk.directory.colleague(target.destination) if target.type is TargetType.AGENT else None
        common: dict[str, Any] = {
            "parent": parent,
            "user_data": {**parent.user_data, **(user_data or {})},
            "parties": [{"name": target.party_name}],
            "contact": colleague.contact() if colleague else {"displayName": target.party_name},
            "is_consultation": True,
            "extensions": kept_extensions,
        }
        if media != VOICE:
            # An open-media consultation is a session of its own between the agent and the target.
            subject = [entry for entry in parent.transcript if entry[0] == "subject"] if media == parent.media else []
            state = InteractionState.ACCEPTED
            return self.desk.create(media, state, ["ADDED", state.value], transcript=subject, **common)
        number = colleague.number if colleague else target.destination
        return self.desk.create(
            VOICE,
            InteractionState.DIALING,
            ["ADDED", "DIALING"],
            media_fields=self.voice.call_fields("OUT", "CONSULT", self.voice.agent_number, number),
            **common,
        )

    def _consultation(self, consult_id: str, request: str) -> tuple[Interaction, Interaction]:
        consultation = self.desk.get(consult_id)
        parent_id = consultation.parent_interaction_id
        if not consultation.is_consultation or parent_id is None:
            raise WorkspaceError(f"{request}: interaction {consult_id!r} is not a consultation.")
        parent = self.desk.store.find(parent_id)
        if parent is None:
            raise WorkspaceError(f"{request}: the interaction {parent_id!r} consulted about is gone.")
        return consultation, parent

    def complete_transfer(self, consult_id: str) -> Interaction:
        """The customer goes to the consulted party; the agent leaves both calls."""
        return self._complete(consult_id, "interaction.completeTransfer", "complete transfer", "transfer away")

    def complete_conference(self, consult_id: str) -> Interaction:
        """The consulted party joins the customer's interaction."""
        return self._complete(
            consult_id, "interaction.completeConference", "complete conference", "conference in", parent_first=False
        )

    def _complete(
        self, consult_id: str, request: str, consult_operation: str, parent_operation: str, *, parent_first: bool = True
    ) -> Interaction:
        # Both rules are checked before either applies, so a refusal changes nothing. A transfer
        # announces the parent's change first (it leaves the agent), a conference the consultation's.
        consultation, parent = self._consultation(consult_id, request)
        consult_rule = self.desk.check(consultation, consult_operation)
        parent_rule = self.desk.check(parent, parent_operation)
        parent.parties.extend(dict(party) for party in consultation.parties)
        steps = [(parent, parent_rule), (consultation, consult_rule)]
        for interaction, rule in steps if parent_first else reversed(steps):
            self.desk.apply(interaction, rule)
        return parent

    def single_step(
        self,
        operation: str,
        interaction_id: str,
        query: Any,
        user_data: Mapping[str, Any] | None = None,
        extensions: Mapping[str, Any] | None = None,
        warn: Warn = refuse,
    ) -> Interaction:
        """"single-step transfer" (the agent leaves) or "single-step conference" (the target joins)."""
        interaction = self.desk.get(interaction_id)
        request = {"single-step transfer": "singleStepTransfer", "single-step conference": "singleStepConference"}[operation]
        target = self._target(interaction, query, request, warn)
        kept_extensions = self._extensions(interaction.media, extensions, request, warn)
        rule = self.desk.check(interaction, operation)
        self.desk.attach(interaction, user_data)
        interaction.extensions.update(kept_extensions)
        interaction.parties.append({"name": target.party_name})
        self.desk.apply(interaction, rule)
        return interaction
