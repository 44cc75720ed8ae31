"""Preview records on the agent's desktop: pulled (getPreviewRecord), pushed (push preview,
direct push preview), called, rejected, cancelled, worked on (call result, Do Not Call,
reschedule, fields) and marked done. The states and events are lifecycle.py's outbound rows;
this module hands records out, links a record to its call, and sends the agent's work back
to the calling list when the record is done."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.errors import WorkspaceError, with_article
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.leniency import Warn
from wwe_scapi.workspace.lifecycle import PREVIEW_CALL, PREVIEW_RECORD, PUSH_PREVIEW_CALL, VOICE, Rule
from wwe_scapi.workspace.outbound.callresults import NAMES_BY_CODE
from wwe_scapi.workspace.outbound.campaigns import (
    DIRECT_PUSH_PREVIEW,
    PREVIEW,
    PUSH_PREVIEW,
    Campaign,
    CampaignBoard,
    CampaignStatus,
)
from wwe_scapi.workspace.outbound.fields import FieldSpec, Value, read
from wwe_scapi.workspace.outbound.records import Record, RecordStatus, as_user_data, chain_record
from wwe_scapi.workspace.outbound.reschedule import callback_type, reschedule
from wwe_scapi.workspace.system import DESKTOP_TOPIC
from wwe_scapi.workspace.voice import VoiceCalls


@dataclass(slots=True)
class HeldRecord:
    """A chain of records the agent holds: its preview interaction, its call once made, and
    the record being worked on (the one dialled, else the chain's first)."""

    campaign: Campaign
    chain: list[Record]
    current: Record
    preview_id: str
    call_id: str | None = None
    # The desktop's own keys on the record's interactions, beside its GSW_* ones.
    desk_keys: dict[str, str] = field(default_factory=dict)

    def member(self, handle: Any) -> Record:
        found = next((record for record in self.chain if str(record.handle) == str(handle)), None)
        if found is None:
            handles = ", ".join(str(record.handle) for record in self.chain)
            raise WorkspaceError(
                f"Record {handle!r} is not in the chain of interaction {self.preview_id!r} (its records: {handles})."
            )
        return found


class Outbound:
    def __init__(self, desk: InteractionDesk, voice: VoiceCalls, campaigns: CampaignBoard) -> None:
        self.desk = desk
        self.voice = voice
        self.campaigns = campaigns
        self.direct_push_started = False
        self._held: dict[str, HeldRecord] = {}  # by preview and call interaction id

    # -- records arriving --------------------------------------------------------------------

    def get_preview_record(self, campaign_name: str) -> Interaction:
        """outbound.getPreviewRecord: the campaign's next chain, PREVIEWING (pull preview)."""
        campaign = self._running(campaign_name, "getPreviewRecord asks for records of Preview campaigns", PREVIEW)
        return self._hand_out(campaign, InteractionState.PREVIEWING, ["ADDED", "PREVIEWING"])

    def push_preview_record(self, campaign_name: str | None = None) -> Interaction:
        """The contact centre pushes a record of a running push or direct push preview
        campaign: INVITED, for the agent to accept or reject."""
        if campaign_name is None:
            running = self.campaigns.running(PUSH_PREVIEW) or self.campaigns.running(DIRECT_PUSH_PREVIEW)
            if not running:
                raise WorkspaceError("No Push Preview or Direct Push Preview campaign is running.")
            campaign = running[0]
        else:
            campaign = self._running(campaign_name, "records are pushed by Push Preview and Direct Push Preview campaigns", PUSH_PREVIEW, DIRECT_PUSH_PREVIEW)
        return self._hand_out(campaign, InteractionState.INVITED, ["ADDED", "INVITED"])

    def _running(self, name: str, why: str, *modes: str) -> Campaign:
        campaign = self.campaigns.get(name)
        if campaign.mode not in modes:
            raise WorkspaceError(f"Campaign {name!r} is a {campaign.mode} campaign: {why}.")
        if campaign.status is not CampaignStatus.RUNNING:
            raise WorkspaceError(f"Campaign {name!r} is {campaign.status.value}, not running: start it first.")
        return campaign

    def _hand_out(self, campaign: Campaign, state: InteractionState, events: list[str]) -> Interaction:
        chain = campaign.calling_list.next_chain()
        if not chain:
            raise WorkspaceError(f"Campaign {campaign.name!r} has no record left in its calling list {campaign.calling_list.name!r}.")
        main = chain[0]
        for record in chain:
            record.status = RecordStatus.WITH_AGENT
            record.attempt_guid = self.desk.next_uuid().replace("-", "").upper()
        preview = self.desk.create(
            VOICE,
            state,
            [],
            user_data=as_user_data(self._record(campaign, main, main=True)),
            parties=[{"name": main.phone}],
            contact={"displayName": main.phone},
            media_fields={"callType": campaign.call_type},
            flow=PREVIEW_RECORD,
        )
        preview.start_date = None  # no call yet (the reference's RECORDS_RETRIEVED sample)
        desk_keys = {"WWE_OUTBOUND_CAMP_TYPE": "PreviewRecord", "IW_BundleUid": self.desk.next_uuid(), "IW_CaseUid": preview.case_id}
        preview.user_data.update(desk_keys)
        held = HeldRecord(campaign, chain, main, preview.interaction_id, desk_keys=desk_keys)
        self._held[preview.interaction_id] = held
        preview.media_fields["chainedRecords"] = self._chain(held, retrieved=False)
        for event_type in events:
            self.desk.emit(event_type, preview)
        if state is InteractionState.PREVIEWING:
            self.desk.select_case_of(preview)  # a pushed record's case comes forward when accepted
        if len(chain) > 1:
            # Outbound Contact Server sends the rest of the chain after the record itself.
            preview.media_fields["chainedRecords"] = self._chain(held)
            self.desk.emit("RECORDS_RETRIEVED", preview)
        return preview

    def _record(self, campaign: Campaign, record: Record, *, main: bool) -> dict[str, Any]:
        keys = campaign.gsw_keys(self.voice.agent_number)
        return chain_record(campaign.calling_list, record, keys, "PreviewRecord" if main else "ChainedRecord")

    def _chain(self, held: HeldRecord, *, retrieved: bool = True) -> list[dict[str, Any]]:
        """The chain's records as the interaction shows them: its first one only until the
        rest is retrieved; the first carries the desktop's keys too (the reference's sample)."""
        first, *rest = held.chain
        records = [{**self._record(held.campaign, first, main=True), **held.desk_keys}]
        if retrieved:
            records += [self._record(held.campaign, record, main=False) for record in rest]
        return records

    # -- finding the record of a request ----------------------------------------------------

    def held(self, interaction_id: str, request: str, warn: Warn) -> HeldRecord:
        """The record an outbound request names by interaction id: its preview interaction,
        or its call. The preview's id after the call is served, with a warning (the reference:
        "once the call is made the ID provided becomes the new interaction ID")."""
        interaction = self.desk.get(interaction_id)
        held = self._held.get(interaction.interaction_id)
        if held is None:
            raise WorkspaceError(
                f"{request} works on outbound records; interaction {interaction_id!r} is "
                f"{with_article(interaction.lifecycle)} interaction, not an outbound record."
            )
        if held.call_id is not None and interaction.interaction_id == held.preview_id:
            warn(
                f"{request}: interaction {interaction_id!r} is record {held.current.handle}'s preview; once called, "
                f"the reference names the record by its call's interaction id ({held.call_id!r})",
                f"served on interaction {held.call_id!r}",
            )
        return held

    def current_preview(self, interaction_id: str | None, request: str, what: str, warn: Warn) -> Interaction:
        """The preview a reject or cancel (`what`) is about: the one named, not called yet,
        else (the reference's no-parameter form) the agent's current one: the selected
        case's, else the latest."""
        if interaction_id is not None:
            # Refused before its preview is looked up: a called record's may be gone already.
            held = self._uncalled(self.held(interaction_id, request, warn), what)
            return self.desk.get(held.preview_id)
        uncalled = {held.preview_id for held in self._held.values() if held.call_id is None}
        waiting = [
            preview
            for preview in self.desk.store
            if preview.interaction_id in uncalled
            and preview.state in (InteractionState.PREVIEWING, InteractionState.INVITED)
        ]
        if not waiting:
            raise WorkspaceError(f"{request}: there is no preview record waiting to be called, rejected or cancelled.")
        selected = [p for p in waiting if p.is_case_selected]
        return (selected or waiting)[-1]

    def _step(self, held: HeldRecord, interaction: Interaction, operation: str) -> Rule:
        """The table's rule for it, or a refusal that names the record and campaign too."""
        try:
            return self.desk.check(interaction, operation)
        except WorkspaceError as refusal:
            raise WorkspaceError(f"Record {held.current.handle} of campaign {held.campaign.name!r}: {refusal.message}") from None

    # -- the agent's decisions ---------------------------------------------------------------

    def accept(self, interaction_id: str) -> Interaction:
        """interaction.accept on a pushed record: PREVIEWING."""
        preview = self.desk.get(interaction_id)
        held = self._held[preview.interaction_id]
        self.desk.apply(preview, self._step(held, preview, "accept"))
        self.desk.select_case_of(preview)
        return preview

    def reject_invitation(self, interaction_id: str) -> Interaction:
        """interaction.reject on a pushed record: REMOVED/REJECTED; back to the list."""
        preview = self.desk.get(interaction_id)
        held = self._held[preview.interaction_id]
        self.desk.apply(preview, self._step(held, preview, "reject"))
        self._release(held, RecordStatus.REJECTED)
        return preview

    def reject_record(self, interaction_id: str | None, warn: Warn) -> Interaction:
        """outbound.rejectPreviewRecord: STATE_CHANGE/REJECTED (a pushed record not yet
        accepted is rejected as its invitation: REMOVED/REJECTED)."""
        preview = self.current_preview(interaction_id, "outbound.rejectPreviewRecord", "reject", warn)
        if preview.state is InteractionState.INVITED:
            return self.reject_invitation(preview.interaction_id)
        held = self._held[preview.interaction_id]
        self.desk.apply(preview, self._step(held, preview, "reject record"))
        return preview

    def cancel_record(self, interaction_id: str | None, warn: Warn) -> Interaction:
        """outbound.cancelPreviewRecord: STATE_CHANGE/CANCELED; not called again."""
        preview = self.current_preview(interaction_id, "outbound.cancelPreviewRecord", "cancel", warn)
        held = self._held[preview.interaction_id]
        self.desk.apply(preview, self._step(held, preview, "cancel record"))
        return preview

    def _uncalled(self, held: HeldRecord, what: str) -> HeldRecord:
        if held.call_id is not None:
            raise WorkspaceError(
                f"Cannot {what} record {held.current.handle} (interaction {held.preview_id!r}): it has been "
                f"called (interaction {held.call_id!r}); set a call result and mark the call done instead."
            )
        return held

    def call(self, interaction_id: str, record_handle: Any, warn: Warn) -> Interaction:
        """outbound.callPreviewRecord: dial that record of the chain; the call is a new
        interaction (ADDED/DIALING, DIALING/DIALING), callType OUTBOUND."""
        held = self.held(interaction_id, "outbound.callPreviewRecord", warn)
        record = held.member(_handle(record_handle, "outbound.callPreviewRecord", warn))
        if held.call_id is not None:  # before the preview is looked up: it may be gone already
            raise WorkspaceError(
                f"Record {held.current.handle} of campaign {held.campaign.name!r} is already called (interaction {held.call_id!r})."
            )
        preview = self.desk.get(held.preview_id)
        self._step(held, preview, "call")
        self.voice.voice_channel()
        held.current = record
        attempts = record.values.get("GSW_ATTEMPTS")
        record.values["GSW_ATTEMPTS"] = (attempts if isinstance(attempts, int) else 0) + 1
        carried = self._record(held.campaign, record, main=record is held.chain[0])
        call = self.desk.create(
            VOICE,
            InteractionState.DIALING,
            [],
            case_of=preview,
            user_data={**as_user_data(carried), **held.desk_keys},
            parties=[{"name": record.phone}],
            contact=dict(preview.contact),
            media_fields={
                **self.voice.call_fields("OUT", "OUTBOUND", self.voice.agent_number, record.phone),
                "chainedRecords": self._chain(held),
            },
            flow=PUSH_PREVIEW_CALL if held.campaign.mode == PUSH_PREVIEW else PREVIEW_CALL,
            linked_id=preview.interaction_id,
        )
        held.call_id = call.interaction_id
        self._held[call.interaction_id] = held
        preview.linked_id = call.interaction_id
        preview.capabilities = []
        for event_type in ("ADDED", "DIALING"):
            self.desk.emit(event_type, call)
        self.desk.select_case_of(call)
        return call

    # -- the agent's work on the record ------------------------------------------------------

    def _called(self, interaction_id: str, request: str, warn: Warn) -> HeldRecord:
        """The record of a request that needs "an active or completed call" (reference)."""
        held = self.held(interaction_id, request, warn)
        if held.call_id is None:
            preview = self.desk.get(held.preview_id)
            raise WorkspaceError(
                f"{request} needs an active or completed call: record {held.current.handle} (interaction "
                f"{held.preview_id!r}) is {preview.state.value}, not called yet (outbound.callPreviewRecord)."
            )
        return held

    def set_call_result(self, interaction_id: str, call_result: Any, warn: Warn) -> None:
        held = self._called(interaction_id, "outbound.setCallResult", warn)
        code = _call_result(call_result, warn)
        if held.current.do_not_call:
            raise WorkspaceError(
                f"outbound.setCallResult: record {held.current.handle} is set to Do Not Call; "
                "remove it (outbound.removeDoNotCall) to set a call result."
            )
        held.current.call_result = code
        self._changed()

    def get_call_result(self, interaction_id: str, warn: Warn) -> int | None:
        """The call result the agent set, or None when none is set yet."""
        return self.held(interaction_id, "outbound.getCallResult", warn).current.call_result

    def set_do_not_call(self, interaction_id: str, warn: Warn, value: bool = True) -> None:
        request = "outbound.setDoNotCall" if value else "outbound.removeDoNotCall"
        held = self._called(interaction_id, request, warn)
        if held.current.do_not_call == value:
            state = "set" if value else "not set"
            warn(f"{request}: Do Not Call is already {state} on record {held.current.handle}", "nothing changed")
        held.current.do_not_call = value
        self._changed()

    def reschedule(self, interaction_id: str, record_handle: Any, date: Any, kind: Any, warn: Warn) -> None:
        held = self.held(interaction_id, "outbound.rescheduleRecord", warn)
        record = held.member(_handle(record_handle, "outbound.rescheduleRecord", warn))
        callback = reschedule(record, date, callback_type(kind, warn), self.desk.clock.wall())
        record.reschedule = callback
        self._changed()

    def cancel_reschedule(self, interaction_id: str, warn: Warn) -> None:
        held = self.held(interaction_id, "outbound.cancelReschedule", warn)
        rescheduled = [record for record in held.chain if record.reschedule is not None]
        if not rescheduled:
            warn(f"outbound.cancelReschedule: no record of interaction {interaction_id!r} is rescheduled", "nothing changed")
        for record in rescheduled:
            record.reschedule = None
        self._changed()

    def chained_records(self, interaction_id: str, warn: Warn) -> list[dict[str, Any]]:
        held = self.held(interaction_id, "outbound.getChainedRecords", warn)
        return [{"records": self._chain(held)}]

    def record_fields(self, interaction_id: str, warn: Warn) -> list[dict[str, Any]]:
        held = self.held(interaction_id, "outbound.getRecordFields", warn)
        record = held.current
        return [spec.to_wire(record.values.get(spec.name)) for spec in held.campaign.calling_list.fields]

    def update_record_fields(self, interaction_id: str, record_data: Mapping[str, Any], warn: Warn) -> None:
        """All or nothing: one field refused, nothing changes. Sent to the list at mark done."""
        held = self.held(interaction_id, "outbound.updateRecordFields", warn)
        calling_list = held.campaign.calling_list
        if not record_data:
            warn("outbound.updateRecordFields: recordData is empty", "nothing changed")
        changes: dict[str, Value] = {}
        for name, given in record_data.items():
            spec = calling_list.spec(name)
            if spec is None:
                names = ", ".join(s.name for s in calling_list.fields)
                raise WorkspaceError(f"Record {held.current.handle} has no field {name!r}; its fields: {names}. Nothing was changed.")
            changes[name] = _editable_value(spec, given, held.current.handle, warn)
        held.current.values.update(changes)
        self._changed()

    # -- direct push preview -----------------------------------------------------------------

    def start_direct_push(self, warn: Warn) -> None:
        """Dialing Mode Start: records of running Direct Push Preview campaigns are pushed
        to the agent, one at a time."""
        if not self.campaigns.running(DIRECT_PUSH_PREVIEW):
            warn(
                "outbound.startDirectPushPreview: no Direct Push Preview campaign is running",
                "dialing mode started; records come once one starts",
            )
        self.direct_push_started = True
        self._changed()
        self.push_direct_if_idle()

    def stop_direct_push(self) -> None:
        self.direct_push_started = False
        self._changed()

    def _changed(self) -> None:
        """A change no event of the reference announces: the desktop's own notice, so that
        its outbound view redraws (never sent to frames)."""
        self.desk.events.emit(DESKTOP_TOPIC, {"eventType": "outbound"})

    def push_direct_if_idle(self) -> None:
        """While dialing mode is on, the next direct push record once the agent holds none."""
        if not self.direct_push_started:
            return
        if any(held.campaign.mode == DIRECT_PUSH_PREVIEW for held in self._held.values()):
            return
        for campaign in self.campaigns.running(DIRECT_PUSH_PREVIEW):
            if campaign.calling_list.next_chain():
                self._hand_out(campaign, InteractionState.INVITED, ["ADDED", "INVITED"])
                return

    # -- mark done -----------------------------------------------------------------------------

    def markdone_target(self, interaction_id: str, warn: Warn) -> str:
        """interaction.markdone on a called record's preview marks its call done."""
        held = self._held.get(interaction_id)
        if held is None or held.call_id is None or interaction_id != held.preview_id:
            return interaction_id
        return self.held(interaction_id, "interaction.markdone", warn).call_id or interaction_id

    def marked_done(self, interaction: Interaction) -> None:
        """After mark done: the record's outcome goes back to its list. Pull and direct push
        preview's mark done is 'Done and Stop' (reference): no next record, dialing mode off."""
        held = self._held.get(interaction.interaction_id)
        if held is None:
            return
        if held.campaign.mode == DIRECT_PUSH_PREVIEW:
            self.direct_push_started = False
        if interaction.state is InteractionState.REJECTED:
            self._release(held, RecordStatus.REJECTED)
        elif interaction.state is InteractionState.CANCELED:
            self._release(held, RecordStatus.CANCELED)
        else:
            self._release(held, RecordStatus.DONE)

    def _release(self, held: HeldRecord, status: RecordStatus) -> None:
        for record in held.chain:
            if status is RecordStatus.DONE and record.do_not_call:
                record.status = RecordStatus.DO_NOT_CALL
            elif status is RecordStatus.DONE and record.reschedule is not None:
                record.status = RecordStatus.RESCHEDULED
            else:
                record.status = status
        for key in (held.preview_id, held.call_id):
            if key is not None:
                self._held.pop(key, None)
        self.push_direct_if_idle()


def _handle(given: Any, request: str, warn: Warn) -> int:
    """A record handle: a number; a string of digits is read, with a warning."""
    if isinstance(given, int) and not isinstance(given, bool):
        return given
    if isinstance(given, str) and given.strip().isdigit():
        warn(f"{request}: recordHandle is a number, got a string {given!r}", f"read as {int(given)}")
        return int(given)
    raise WorkspaceError(f"{request}: recordHandle must be a record's number (GSW_RECORD_HANDLE), got {given!r}.")


def _call_result(given: Any, warn: Warn) -> int:
    """A call result code: a number ("must be a number", reference; its table says string:
    a string of digits is read, with a warning). A code outside the list is served, with a warning."""
    if isinstance(given, int) and not isinstance(given, bool):
        code = given
    elif isinstance(given, float) and given.is_integer():
        code = int(given)
    elif isinstance(given, str) and given.strip().isdigit():
        code = int(given)
        warn(f"outbound.setCallResult: callResult must be a number, got a string {given!r}", f"read as {code}")
    else:
        raise WorkspaceError(f"outbound.setCallResult: callResult must be a number (a code of getListOfCallResults), got {given!r}.")
    if code not in NAMES_BY_CODE:
        warn(f"outbound.setCallResult: {code} is not a code of getListOfCallResults", "set as given")
    return code


def _editable_value(spec: FieldSpec, given: Any, handle: int, warn: Warn) -> Value:
    if not spec.editable:
        raise WorkspaceError(
            f"Field {spec.name!r} ({spec.display_name}) of record {handle} is not editable. Nothing was changed."
        )
    try:
        return read(spec, given, warn)
    except WorkspaceError as refusal:
        raise WorkspaceError(f"{refusal.message} Nothing was changed on record {handle}.") from None
