"""The simulated contact centre as a ContactCentre (service/centre.py): each request answered
by the workspace (wwe_scapi.workspace), in wire form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.workspace.outbound.callresults import CALL_RESULTS

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire
    from wwe_scapi.service.centre import Caller, Wire
    from wwe_scapi.workspace import Workspace
    from wwe_scapi.workspace.workspace import StateChoice
    from wwe_scapi.workspace.events import EventSink


class SimulatedCentre:
    """Answers from `workspace`, which it shares with the desk (toasts, dialogs, tokens)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def subscribe(self, sink: EventSink) -> Callable[[], None]:
        return self.workspace.subscribe(sink)

    # -- agent --------------------------------------------------------------------------------
    def agent_get(self, caller: Caller) -> wire.Agent:
        return self.workspace.agent.to_wire()

    def agent_get_state(self, caller: Caller) -> wire.State:
        return self.workspace.agent_state().to_wire()

    def agent_get_state_list(self, caller: Caller) -> list[wire.State]:
        return [state.to_wire() for state in self.workspace.state_list]

    def agent_set_state(self, caller: Caller, state: StateChoice) -> None:
        self.workspace.set_agent_state(state)

    # -- configuration ------------------------------------------------------------------------
    def configuration_get_option(self, caller: Caller, options: str | list[str]) -> wire.Options:
        return self.workspace.configuration.select(options)

    def configuration_get_contextual_option(self, caller: Caller, options: str | list[str], interaction_id: str | None) -> wire.Options:
        return self.workspace.contextual_options(options, interaction_id)

    # -- media --------------------------------------------------------------------------------
    def media_get_media_list(self, caller: Caller) -> list[wire.Media]:
        return self.workspace.media_list()

    def media_get_media_by_name(self, caller: Caller, name: str) -> wire.Media:
        return self.workspace.media_by_name(name).to_wire()

    def media_set_state(self, caller: Caller, name: str, state: StateChoice) -> None:
        self.workspace.set_media_state(name, state)

    # -- interaction --------------------------------------------------------------------------
    def interaction_get_interactions(self, caller: Caller) -> list[wire.Interaction]:
        return self.workspace.interaction_list()

    def interaction_get_by_interaction_id(self, caller: Caller, interaction_id: str) -> wire.Interaction | None:
        """The interaction, or null (a success, as the reference says) when there is none."""
        interaction = self.workspace.interactions.find(interaction_id)
        return None if interaction is None else interaction.to_wire()

    # The write allow-list is applied before any request reaches the centre
    # (service/admission.py): one forbidden key, nothing written.
    def interaction_set_user_data(self, caller: Caller, interaction_id: str, key_values: Wire) -> None:
        self.workspace.desk.set_user_data(interaction_id, key_values)

    def interaction_delete_user_data(self, caller: Caller, interaction_id: str, key: str) -> None:
        self.workspace.desk.delete_user_data(interaction_id, key)

    def interaction_accept(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.open_media.accept(interaction_id)

    def interaction_reject(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.open_media.reject(interaction_id)

    def interaction_select_case_by_case_id(self, caller: Caller, case_id: str) -> None:
        self.workspace.desk.cases.select(case_id)

    def interaction_markdone(self, caller: Caller, interaction_id: str) -> None:
        # A called outbound record's preview id marks its call done (with a warning).
        self.workspace.markdone.mark_done(self.workspace.outbound.markdone_target(interaction_id, caller.warn))

    def interaction_block_markdone(self, caller: Caller, interaction_id: str, warning_message: str | None) -> None:
        # Blocks belong to the app's origin: another app cannot lift them.
        self.workspace.markdone.block(interaction_id, caller.origin, warning_message)

    def interaction_unblock_markdone(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.markdone.unblock(interaction_id, caller.origin)

    def interaction_consult(
        self, caller: Caller, interaction_id: str, target: Any, user_data: Wire | None, extensions: Wire | None
    ) -> wire.Interaction:
        """Answers the consultation interaction (the reference returns nothing; apps may ignore it)."""
        return self.workspace.transfers.consult(interaction_id, target, user_data, extensions, caller.warn).to_wire()

    def interaction_complete_transfer(self, caller: Caller, consult_interaction_id: str) -> None:
        self.workspace.transfers.complete_transfer(consult_interaction_id)

    def interaction_complete_conference(self, caller: Caller, consult_interaction_id: str) -> None:
        self.workspace.transfers.complete_conference(consult_interaction_id)

    def interaction_single_step_transfer(
        self, caller: Caller, interaction_id: str, target: Any, user_data: Wire | None, extensions: Wire | None
    ) -> None:
        self.workspace.transfers.single_step("single-step transfer", interaction_id, target, user_data, extensions, caller.warn)

    def interaction_single_step_conference(
        self, caller: Caller, interaction_id: str, target: Any, user_data: Wire | None, extensions: Wire | None
    ) -> None:
        self.workspace.transfers.single_step("single-step conference", interaction_id, target, user_data, extensions, caller.warn)

    # -- email --------------------------------------------------------------------------------
    def email_create(self, caller: Caller, destination: str, user_data: Wire | None) -> wire.Interaction:
        """Answers the new email interaction (the reference returns nothing; apps may ignore it)."""
        return self.workspace.open_media.create_email(destination, user_data).to_wire()

    # -- voice --------------------------------------------------------------------------------
    def voice_dial(self, caller: Caller, destination: str, user_data: Wire | None) -> wire.Interaction:
        """Answers the new call (the reference returns nothing; apps may ignore it)."""
        return self.voice_dial_ex(caller, destination, user_data, None)

    def voice_dial_ex(self, caller: Caller, destination: str, user_data: Wire | None, extensions: Wire | None) -> wire.Interaction:
        return self.workspace.voice.dial(destination, user_data, extensions).to_wire()

    def voice_answer(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.answer(interaction_id)

    def voice_hang_up(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.hang_up(interaction_id)

    def voice_hold(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.hold(interaction_id)

    def voice_resume(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.resume(interaction_id)

    def voice_start_call_recording(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.recording(interaction_id, "start")

    def voice_stop_call_recording(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.recording(interaction_id, "stop")

    def voice_pause_call_recording(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.recording(interaction_id, "pause")

    def voice_resume_call_recording(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.voice.recording(interaction_id, "resume")

    def voice_is_microphone_mute(self, caller: Caller) -> bool:
        return bool(self.workspace.voice.sip_endpoint().microphone_muted)

    def voice_is_speaker_mute(self, caller: Caller) -> bool:
        return bool(self.workspace.voice.sip_endpoint().speaker_muted)

    def voice_mute_microphone(self, caller: Caller) -> None:
        self.workspace.voice.sip_endpoint().microphone_muted = True

    def voice_unmute_microphone(self, caller: Caller) -> None:
        self.workspace.voice.sip_endpoint().microphone_muted = False

    def voice_mute_speaker(self, caller: Caller) -> None:
        self.workspace.voice.sip_endpoint().speaker_muted = True

    def voice_unmute_speaker(self, caller: Caller) -> None:
        self.workspace.voice.sip_endpoint().speaker_muted = False

    # -- outbound (workspace/outbound/) ---------------------------------------------------------
    def outbound_get_campaigns(self, caller: Caller) -> list[wire.Campaign]:
        return [campaign.to_wire() for campaign in self.workspace.campaigns]  # type: ignore[misc]

    def outbound_get_preview_record(self, caller: Caller, campaign_name: str) -> wire.Interaction:
        """Answers the preview interaction (the reference returns nothing; apps may ignore it)."""
        return self.workspace.outbound.get_preview_record(campaign_name).to_wire()

    def outbound_call_preview_record(self, caller: Caller, interaction_id: str, record_handle: Any) -> wire.Interaction:
        """Answers the call interaction: its id is the record's from now on."""
        return self.workspace.outbound.call(interaction_id, record_handle, caller.warn).to_wire()

    def outbound_reject_preview_record(self, caller: Caller, interaction_id: str | None) -> None:
        self.workspace.outbound.reject_record(interaction_id, caller.warn)

    def outbound_cancel_preview_record(self, caller: Caller, interaction_id: str | None) -> None:
        self.workspace.outbound.cancel_record(interaction_id, caller.warn)

    def outbound_start_direct_push_preview(self, caller: Caller) -> None:
        self.workspace.outbound.start_direct_push(caller.warn)

    def outbound_stop_direct_push_preview(self, caller: Caller) -> None:
        self.workspace.outbound.stop_direct_push()

    def outbound_get_list_of_call_results(self, caller: Caller) -> dict[str, int]:
        return dict(CALL_RESULTS)

    def outbound_set_call_result(self, caller: Caller, interaction_id: str, call_result: Any) -> None:
        self.workspace.outbound.set_call_result(interaction_id, call_result, caller.warn)

    def outbound_get_call_result(self, caller: Caller, interaction_id: str) -> int | None:
        return self.workspace.outbound.get_call_result(interaction_id, caller.warn)

    def outbound_set_do_not_call(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.outbound.set_do_not_call(interaction_id, caller.warn, True)

    def outbound_remove_do_not_call(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.outbound.set_do_not_call(interaction_id, caller.warn, False)

    def outbound_reschedule_record(
        self, caller: Caller, interaction_id: str, record_handle: Any, reschedule_date: Any, callback_type: Any
    ) -> None:
        self.workspace.outbound.reschedule(interaction_id, record_handle, reschedule_date, callback_type, caller.warn)

    def outbound_cancel_reschedule(self, caller: Caller, interaction_id: str) -> None:
        self.workspace.outbound.cancel_reschedule(interaction_id, caller.warn)

    def outbound_get_chained_records(self, caller: Caller, interaction_id: str) -> list[wire.ChainedRecords]:
        return self.workspace.outbound.chained_records(interaction_id, caller.warn)  # type: ignore[return-value]

    def outbound_get_record_fields(self, caller: Caller, interaction_id: str) -> list[wire.RecordField]:
        return self.workspace.outbound.record_fields(interaction_id, caller.warn)  # type: ignore[return-value]

    def outbound_update_record_fields(self, caller: Caller, interaction_id: str, record_data: Wire) -> None:
        self.workspace.outbound.update_record_fields(interaction_id, record_data, caller.warn)
