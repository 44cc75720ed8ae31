"""The scenario API: what the outside world does to the agent's desktop (customers calling,
writing, hanging up; the contact centre routing, revoking, failing). Tests, the desktop's
simulator controls and Playwright (through the desktop page's `wweScenario`) all use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.errors import WorkspaceError, with_article
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import CHAT, EMAIL, VOICE
from wwe_scapi.workspace.outbound import Outbound
from wwe_scapi.workspace.outbound.campaigns import PREVIEW, DIRECT_PUSH_PREVIEW
from wwe_scapi.workspace.outbound.defaults import CUSTOM_FIELDS
from wwe_scapi.workspace.outbound.defaults import campaign as new_campaign
from wwe_scapi.workspace.outbound.fields import FieldSpec
from wwe_scapi.workspace.system import DesktopSystem
from wwe_scapi.workspace.voice import VoiceCalls

RONA_STATES = ("NO_ANSWER", "REDIRECTED")


def _contact(name: str) -> dict[str, str]:
    first, _, last = name.partition(" ")
    return {"displayName": name, "firstName": first, "lastName": last}


class Scenario:
    def __init__(
        self,
        desk: InteractionDesk,
        voice: VoiceCalls,
        system: DesktopSystem,
        outbound: Outbound,
        on_arrival: Callable[[Interaction], None] | None = None,
    ) -> None:
        """`on_arrival`: told of each new inbound call, chat and email (auto-answer)."""
        self.desk = desk
        self._on_arrival = on_arrival
        self.voice = voice
        self.system = system
        self.outbound = outbound

    # -- the desktop's connection ------------------------------------------------------------------

    def drop_realtime_connection(self) -> None:
        """REALTIME_CONNECTION DISCONNECTED; DOWN follows after a minute unless restored."""
        self.system.drop_connection()

    def restore_realtime_connection(self) -> None:
        """REALTIME_CONNECTION RECONNECTED."""
        self.system.restore_connection()

    def realtime_connection_down(self) -> None:
        """REALTIME_CONNECTION DOWN now, without waiting the minute."""
        self.system.connection_down()

    # -- voice ----------------------------------------------------------------------------------

    def ring_inbound_call(
        self,
        ani: str = "+15551230000",
        dnis: str = "5001",
        user_data: Mapping[str, Any] | None = None,
        caller: str = "Jordan Lee",
    ) -> Interaction:
        """A customer calls: an inbound call rings on the agent's desktop."""
        return self._arrived(self.desk.create(
            VOICE,
            InteractionState.RINGING,
            ["ADDED", "RINGING"],
            user_data=user_data,
            parties=[{"name": ani}],
            contact=_contact(caller),
            media_fields=self.voice.call_fields("IN", "INBOUND", ani, dnis),
        ))

    def _arrived(self, interaction: Interaction) -> Interaction:
        if self._on_arrival is not None:
            self._on_arrival(interaction)
        return interaction

    def remote_party_answers(self, interaction_id: str) -> Interaction:
        """The party a call or consultation was dialled to picks up."""
        call = self.voice.call(interaction_id, "remote_party_answers")
        self.desk.step(call, "remote answer")
        return call

    def remote_party_hangs_up(self, interaction_id: str) -> Interaction:
        call = self.voice.call(interaction_id, "remote_party_hangs_up")
        self.desk.step(call, "remote hang-up")
        return call

    def no_answer(self, interaction_id: str, rona_call_state: str = "NO_ANSWER") -> Interaction:
        """The agent let it ring (RONA): released with ronaCallState, then gone."""
        if rona_call_state not in RONA_STATES:
            raise WorkspaceError(f"ronaCallState must be one of {', '.join(RONA_STATES)}, got {rona_call_state!r}.")
        call = self.voice.call(interaction_id, "no_answer")
        rule = self.desk.check(call, "no answer")
        call.media_fields["ronaCallState"] = rona_call_state
        self.desk.apply(call, rule)
        return call

    def party_leaves(self, interaction_id: str, name: str) -> Interaction:
        """A conferenced party drops off the call or chat (PARTY_CHANGED)."""
        interaction = self.desk.get(interaction_id)
        rule = self.desk.check(interaction, "party change")
        remaining = [party for party in interaction.parties if party.get("name") != name]
        if len(remaining) == len(interaction.parties):
            names = ", ".join(party.get("name", "?") for party in interaction.parties)
            raise WorkspaceError(f"{name!r} is not a party of interaction {interaction_id!r} ({names}).")
        interaction.parties[:] = remaining
        self.desk.apply(interaction, rule)
        return interaction

    # -- chat -------------------------------------------------------------------------------------

    def deliver_chat(
        self,
        customer: str = "Robin Park",
        message: str = "Hello, I need help with my order.",
        user_data: Mapping[str, Any] | None = None,
        *,
        join_fails: bool = False,
        conference_from: str | None = None,
    ) -> Interaction:
        """A chat invitation; `conference_from` (a colleague's name) makes it a conference invitation."""
        parties = [{"name": customer}] + ([{"name": conference_from}] if conference_from else [])
        state = InteractionState.INVITED_CONFERENCE if conference_from else InteractionState.INVITED
        return self._arrived(self.desk.create(
            CHAT,
            state,
            ["ADDED", state.value],
            user_data=user_data,
            parties=parties,
            contact=_contact(customer),
            transcript=[("customer", message)] if message else [],
            join_fails=join_fails,
            is_conference_guest=conference_from is not None,
        ))

    def customer_sends_message(self, interaction_id: str, text: str) -> Interaction:
        chat = self._chat(interaction_id)
        rule = self.desk.check(chat, "new message")
        chat.transcript.append(("customer", text))
        self.desk.apply(chat, rule)
        return chat

    def customer_is_typing(self, interaction_id: str) -> Interaction:
        chat = self._chat(interaction_id)
        self.desk.step(chat, "composing")
        return chat

    def customer_leaves_chat(self, interaction_id: str) -> Interaction:
        """Before it is accepted the invitation is taken back (REVOKED); after, the chat ENDED
        and waits for mark done."""
        chat = self._chat(interaction_id)
        self.desk.step(chat, "revoke" if chat.state is InteractionState.INVITED else "end")
        return chat

    def accepted_elsewhere(self, interaction_id: str) -> Interaction:
        """Another chat session accepted the invitation first: CANCELED (reference)."""
        chat = self._chat(interaction_id)
        self.desk.step(chat, "accepted elsewhere")
        return chat

    def _chat(self, interaction_id: str) -> Interaction:
        chat = self.desk.get(interaction_id)
        if chat.media != CHAT:
            raise WorkspaceError(f"Interaction {interaction_id!r} is {with_article(chat.media)} interaction, not a chat.")
        return chat

    # -- email ------------------------------------------------------------------------------------

    def deliver_email(
        self,
        sender: str = "casey@example.com",
        subject: str = "Question about my invoice",
        body: str = "Could you check invoice 1042?",
        user_data: Mapping[str, Any] | None = None,
        sender_name: str = "Casey Morgan",
    ) -> Interaction:
        """An inbound email is routed to the agent."""
        return self._arrived(
            self._email(InteractionState.INVITED, ["ADDED", "INVITED"], sender, subject, body, user_data, sender_name)
        )

    def pull_from_workbin(
        self, workbin: str = "Personal Workbin", sender: str = "casey@example.com", subject: str = "Saved email"
    ) -> Interaction:
        """The agent opens an email from a workbin: PULLED, or PULL_WORKBIN_FAILED for an unknown workbin."""
        if workbin not in self.desk.directory.workbins:
            return self._failed_pull("PULL_WORKBIN_FAILED", sender, subject)
        return self._email(InteractionState.PULLED, ["ADDED", "PULLED"], sender, subject, "", None, sender)

    def pull_from_queue(
        self, queue: str = "Email Inbound", sender: str = "casey@example.com", subject: str = "Queued email"
    ) -> Interaction:
        """The agent pulls an email from a queue: PULLED, or PULL_FAILED for an unknown queue."""
        if queue not in self.desk.directory.interaction_queues:
            return self._failed_pull("PULL_FAILED", sender, subject)
        return self._email(InteractionState.PULLED, ["ADDED", "PULLED"], sender, subject, "", None, sender)

    def _email(
        self,
        state: InteractionState,
        events: list[str],
        sender: str,
        subject: str,
        body: str,
        user_data: Mapping[str, Any] | None,
        sender_name: str,
    ) -> Interaction:
        return self.desk.create(
            EMAIL,
            state,
            events,
            user_data=user_data,
            parties=[{"name": sender}],
            contact={**_contact(sender_name), "emailAddress": sender},
            transcript=[("subject", subject), ("customer", body)] if body else [("subject", subject)],
        )

    def _failed_pull(self, event_type: str, sender: str, subject: str) -> Interaction:
        """A pull that failed is announced with the interaction it was about, never listed."""
        interaction = self._email(InteractionState.ERROR, [], sender, subject, "", None, sender)
        self.desk.remove(interaction)
        self.desk.emit(event_type, interaction)
        return interaction

    # -- any interaction --------------------------------------------------------------------------

    def revoke(self, interaction_id: str) -> Interaction:
        """The contact centre takes back a chat or email invitation (e.g. routed elsewhere)."""
        interaction = self.desk.get(interaction_id)
        self.desk.step(interaction, "revoke")
        return interaction

    def interaction_error(self, interaction_id: str) -> Interaction:
        interaction = self.desk.get(interaction_id)
        self.desk.step(interaction, "error")
        return interaction

    def update_contact(self, interaction_id: str, **fields: str) -> Interaction:
        """The contact of the interaction is identified or edited (CONTACT_CHANGED)."""
        interaction = self.desk.get(interaction_id)
        rule = self.desk.check(interaction, "contact change")
        interaction.contact.update(fields)
        self.desk.apply(interaction, rule)
        return interaction

    def change_case_id(self, interaction_id: str) -> str:
        """The contact centre gives the interaction's case a new id (CASE_ID_CHANGED)."""
        interaction = self.desk.get(interaction_id)
        rule = self.desk.check(interaction, "case id change")
        new_case_id = self.desk.next_uuid()
        self.desk.cases.rename(interaction.case_id, new_case_id)
        self.desk.apply(interaction, rule)
        return new_case_id

    # -- outbound campaigns -----------------------------------------------------------------------

    def load_campaign(
        self,
        campaign: str,
        mode: str = PREVIEW,
        records: Sequence[Mapping[str, Any] | Sequence[Mapping[str, Any]]] = (),
        fields: Sequence[Mapping[str, Any]] | None = None,
        description: str = "",
    ) -> dict[str, Any]:
        """Outbound Contact Server loads a campaign for the agent (CampaignLoaded). `records`:
        {field: value} each, or lists of them (a chain: one customer's numbers), values as
        updateRecordFields takes them plus GSW_TZ_OFFSET; `fields`: the calling list's custom
        fields ({name, displayName, fieldType, isEditable, isMandatory, options}), the
        default list's when not given."""
        chains: list[list[Mapping[str, Any]]] = [
            list(item) if isinstance(item, (list, tuple)) else [item]  # type: ignore[list-item]
            for item in records
        ]
        specs = CUSTOM_FIELDS if fields is None else tuple(_field_spec(spec) for spec in fields)
        handle = 1 + max((r.handle for c in self.outbound.campaigns for r in c.calling_list.records), default=1000)
        made = new_campaign(campaign, mode, chains, custom_fields=specs, first_handle=handle, description=description)
        return self.outbound.campaigns.load(made).to_wire()

    def start_campaign(self, campaign: str, mode: str | None = None) -> dict[str, Any]:
        """The campaign starts, in its mode or the one given (CampaignStarted with `mode`)."""
        started = self.outbound.campaigns.start(campaign, mode)
        if started.mode == DIRECT_PUSH_PREVIEW:
            self.outbound.push_direct_if_idle()
        return started.to_wire()

    def stop_campaign(self, campaign: str) -> dict[str, Any]:
        return self.outbound.campaigns.stop(campaign).to_wire()

    def unload_campaign(self, campaign: str) -> dict[str, Any]:
        return self.outbound.campaigns.unload(campaign).to_wire()

    def push_preview_record(self, campaign: str | None = None) -> Interaction:
        """A running push preview (or direct push preview) campaign pushes its next record:
        ADDED/INVITED, INVITED/INVITED."""
        return self.outbound.push_preview_record(campaign)

    def campaign_records(self, campaign: str) -> list[dict[str, Any]]:
        """What became of each record of the campaign's list: status, the call result, Do
        Not Call and callback the agent gave it (sent back at mark done)."""
        return [record.outcome() for record in self.outbound.campaigns.get(campaign).calling_list.records]


def _field_spec(given: Mapping[str, Any]) -> FieldSpec:
    try:
        return FieldSpec(
            str(given["name"]),
            str(given.get("displayName") or given["name"]),
            str(given.get("fieldType", "var-char")),
            editable=bool(given.get("isEditable", True)),
            mandatory=bool(given.get("isMandatory", False)),
            options={str(code): str(label) for code, label in dict(given.get("options") or {}).items()},
        )
    except (KeyError, ValueError) as error:
        raise WorkspaceError(f"load_campaign: a field must have a name and a known fieldType ({error}).") from None
