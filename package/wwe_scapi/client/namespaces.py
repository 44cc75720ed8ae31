"""The API's namespaces as Python objects: `await service.agent.get()`, or the vendor's
callback style `service.agent.get(succeeded=..., failed=...)` — one implementation."""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from wwe_scapi.client.core import Callback, ClientCore
from wwe_scapi.client.reply import Reply  # resolves to the response's `data`; raises RequestFailed

JSON = Any


class Callbacks(TypedDict, total=False):
    succeeded: Callback | None
    failed: Callback | None


class _Namespace:
    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def _call(self, request: str, *parameters: Any, **callbacks: Unpack[Callbacks]) -> Reply[Any]:
        return self._core.call(request, *parameters, **callbacks)


class AgentNamespace(_Namespace):
    def get(self, **cb: Unpack[Callbacks]) -> Reply[dict[str, str]]:
        """The agent: {employeeId, firstname, lastname, username}."""
        return self._call("agent.get", **cb)

    def get_state(self, **cb: Unpack[Callbacks]) -> Reply[dict[str, Any]]:
        """The agent's state over all media (`media.State`)."""
        return self._call("agent.getState", **cb)

    def get_state_list(self, **cb: Unpack[Callbacks]) -> Reply[list[dict[str, Any]]]:
        return self._call("agent.getStateList", **cb)

    def set_state(self, state_operation_name: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Set every media to a state of the list, by operationName (or index)."""
        return self._call("agent.setState", state_operation_name, **cb)


class ConfigurationNamespace(_Namespace):
    def get_option(self, options: str | list[str], **cb: Unpack[Callbacks]) -> Reply[dict[str, Any]]:
        """Options as {section: {option: value}}; `Section/name` and trailing `*` allowed."""
        return self._call("configuration.getOption", options, **cb)

    def get_contextual_option(
        self, options: str | list[str], interaction_id: str, **cb: Unpack[Callbacks]
    ) -> Reply[dict[str, Any]]:
        """Like get_option, with the interaction's overrides applied."""
        return self._call("configuration.getContextualOption", options, interaction_id, **cb)


class EmailNamespace(_Namespace):
    def create(
        self, destination: str, user_data: dict[str, JSON] | None = None, **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        return self._call("email.create", destination, user_data, **cb)


class InteractionNamespace(_Namespace):
    def accept(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.accept", interaction_id, **cb)

    def reject(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.reject", interaction_id, **cb)

    def get_interactions(self, **cb: Unpack[Callbacks]) -> Reply[list[dict[str, Any]]]:
        return self._call("interaction.getInteractions", **cb)

    def get_by_interaction_id(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        """The interaction, or None when there is none with that id."""
        return self._call("interaction.getByInteractionId", interaction_id, **cb)

    def set_user_data(
        self, interaction_id: str, key_values: dict[str, JSON], **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        return self._call("interaction.setUserData", interaction_id, key_values, **cb)

    def delete_user_data(self, interaction_id: str, key: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.deleteUserData", interaction_id, key, **cb)

    def select_case_by_case_id(self, case_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.selectCaseByCaseId", case_id, **cb)

    def markdone(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.markdone", interaction_id, **cb)

    def block_markdone(
        self, interaction_id: str, warning_message: str, **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        return self._call("interaction.blockMarkdone", interaction_id, warning_message, **cb)

    def unblock_markdone(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.unblockMarkdone", interaction_id, **cb)

    def consult(
        self,
        interaction_id: str,
        target_query: str | dict[str, Any],
        user_data: dict[str, JSON] | None = None,
        extensions: dict[str, JSON] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Any]:
        return self._call(
            "interaction.consult", interaction_id, target_query, user_data, extensions, **cb
        )

    def complete_transfer(self, consult_interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.completeTransfer", consult_interaction_id, **cb)

    def complete_conference(self, consult_interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("interaction.completeConference", consult_interaction_id, **cb)

    def single_step_transfer(
        self,
        interaction_id: str,
        target_query: str | dict[str, Any],
        user_data: dict[str, JSON] | None = None,
        extensions: dict[str, JSON] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Any]:
        return self._call(
            "interaction.singleStepTransfer", interaction_id, target_query, user_data, extensions, **cb
        )

    def single_step_conference(
        self,
        interaction_id: str,
        target_query: str | dict[str, Any],
        user_data: dict[str, JSON] | None = None,
        extensions: dict[str, JSON] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Any]:
        return self._call(
            "interaction.singleStepConference", interaction_id, target_query, user_data, extensions, **cb
        )


class MediaNamespace(_Namespace):
    def get_media_list(self, **cb: Unpack[Callbacks]) -> Reply[list[dict[str, Any]]]:
        return self._call("media.getMediaList", **cb)

    def get_media_by_name(self, name: str, **cb: Unpack[Callbacks]) -> Reply[dict[str, Any]]:
        return self._call("media.getMediaByName", name, **cb)

    def set_state(self, name: str, state_operation_name: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        return self._call("media.setState", name, state_operation_name, **cb)


class SystemNamespace(_Namespace):
    def am_i_visible(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.amIVisible", **cb)

    def get_allowed_services(self, **cb: Unpack[Callbacks]) -> Reply[list[str]]:
        """The request names this page's origin may use."""
        return self._call("system.getAllowedServices", **cb)

    def trigger_activity(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("system.triggerActivity", **cb)

    def popup_toast(self, parameters: dict[str, Any], **cb: Unpack[Callbacks]) -> Reply[str]:
        return self._call("system.popupToast", parameters, **cb)

    def update_toast(self, toast_id: str, parameters: dict[str, Any], **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.updateToast", toast_id, parameters, **cb)

    def close_toast(self, toast_id: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.closeToast", toast_id, **cb)

    def open_dialog(self, url: str | None, options: dict[str, Any], **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("system.openDialog", url, options, **cb)

    def close_dialog(self, dialog_id: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.closeDialog", dialog_id, **cb)

    def update_view_in_application_menu_bar(
        self, parameters: dict[str, Any], **cb: Unpack[Callbacks]
    ) -> Reply[str]:
        return self._call("system.updateViewInApplicationMenuBar", parameters, **cb)

    def close_view_in_application_menu_bar(self, name: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.closeViewInApplicationMenuBar", name, **cb)

    def is_frame_leading(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.isFrameLeading", **cb)

    def is_frame_following(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.isFrameFollowing", **cb)

    def is_frame_negotiating(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.isFrameNegotiating", **cb)

    def is_frame_leading_or_negotiating(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.isFrameLeadingOrNegotiating", **cb)

    def is_last_active_frame(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("system.isLastActiveFrame", **cb)


class VoiceNamespace(_Namespace):
    def dial(
        self, destination: str, user_data: dict[str, JSON] | None = None, **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        # Like the vendor client, a missing userData is sent as null.
        return self._call("voice.dial", destination, user_data, **cb)

    def dial_ex(
        self,
        destination: str,
        user_data: dict[str, JSON] | None = None,
        extensions: dict[str, JSON] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Any]:
        return self._call("voice.dialEx", destination, user_data, extensions, **cb)

    def answer(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.answer", interaction_id, **cb)

    def hang_up(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.hangUp", interaction_id, **cb)

    def hold(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.hold", interaction_id, **cb)

    def resume(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.resume", interaction_id, **cb)

    def start_call_recording(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.startCallRecording", interaction_id, **cb)

    def stop_call_recording(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.stopCallRecording", interaction_id, **cb)

    def pause_call_recording(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.pauseCallRecording", interaction_id, **cb)

    def resume_call_recording(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.resumeCallRecording", interaction_id, **cb)

    def is_microphone_mute(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("voice.isMicrophoneMute", **cb)

    def is_speaker_mute(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        return self._call("voice.isSpeakerMute", **cb)

    def mute_microphone(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.muteMicrophone", **cb)

    def unmute_microphone(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.unmuteMicrophone", **cb)

    def mute_speaker(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.muteSpeaker", **cb)

    def unmute_speaker(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("voice.unmuteSpeaker", **cb)


class OutboundNamespace(_Namespace):
    def get_campaigns(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.getCampaigns", **cb)

    def get_preview_record(self, campaign_name: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.getPreviewRecord", campaign_name, **cb)

    def call_preview_record(
        self, interaction_id: str, record_handle: str | int, **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        return self._call("outbound.callPreviewRecord", interaction_id, record_handle, **cb)

    def reject_preview_record(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.rejectPreviewRecord", interaction_id, **cb)

    def cancel_preview_record(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.cancelPreviewRecord", interaction_id, **cb)

    def start_direct_push_preview(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.startDirectPushPreview", **cb)

    def stop_direct_push_preview(self, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.stopDirectPushPreview", **cb)

    def get_list_of_call_results(self, **cb: Unpack[Callbacks]) -> Reply[dict[str, int]]:
        return self._call("outbound.getListOfCallResults", **cb)

    def set_call_result(self, interaction_id: str, call_result: int, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.setCallResult", interaction_id, call_result, **cb)

    def get_call_result(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.getCallResult", interaction_id, **cb)

    def set_do_not_call(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.setDoNotCall", interaction_id, **cb)

    def remove_do_not_call(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.removeDoNotCall", interaction_id, **cb)

    def reschedule_record(
        self,
        interaction_id: str,
        record_handle: str | int,
        reschedule_date: str,
        callback_type: str,
        **cb: Unpack[Callbacks],
    ) -> Reply[Any]:
        """`reschedule_date` is "MM/DD/YYYY HH:MM"; `callback_type` CAMPAIGN or PERSONAL."""
        return self._call(
            "outbound.rescheduleRecord", interaction_id, record_handle, reschedule_date, callback_type, **cb
        )

    def cancel_reschedule(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.cancelReschedule", interaction_id, **cb)

    def get_chained_records(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.getChainedRecords", interaction_id, **cb)

    def get_record_fields(self, interaction_id: str, **cb: Unpack[Callbacks]) -> Reply[Any]:
        return self._call("outbound.getRecordFields", interaction_id, **cb)

    def update_record_fields(
        self, interaction_id: str, record_data: dict[str, JSON], **cb: Unpack[Callbacks]
    ) -> Reply[Any]:
        return self._call("outbound.updateRecordFields", interaction_id, record_data, **cb)


class AuthNamespace(_Namespace):
    def get_jwt_token(self, **cb: Unpack[Callbacks]) -> Reply[dict[str, str]]:
        """{expiration, jwtToken}; only for origins whose filter names auth.getJwtToken."""
        return self._call("auth.getJwtToken", **cb)


class MessengerNamespace(_Namespace):
    def broadcast_message(self, channel: str, message: JSON, **cb: Unpack[Callbacks]) -> Reply[Any]:
        """Deliver `message` to every frame subscribed to `messenger:<channel>`."""
        return self._call("messenger.broadcastMessage", channel, message, **cb)
