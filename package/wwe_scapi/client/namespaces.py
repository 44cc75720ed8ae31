"""The API's namespaces as Python objects: `await service.agent.get()`, or the vendor's
callback style `service.agent.get(succeeded=..., failed=...)`, one implementation.

Generated from the catalogue (protocol/catalogue.py) by scripts/generate_api.py: do not
edit; change the catalogue and run `python3 scripts/generate_api.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from wwe_scapi.client.core import Callback, ClientCore
from wwe_scapi.client.reply import Reply  # resolves to the response's `data`; raises RequestFailed

if TYPE_CHECKING:
    from wwe_scapi.protocol.wire import (
        Agent,
        CallResults,
        Campaign,
        ChainedRecords,
        DialogOptions,
        Interaction,
        JwtToken,
        Media,
        MenuBarViewParameters,
        Options,
        RecordField,
        State,
        TargetQuery,
        ToastParameters,
    )


class Callbacks(TypedDict, total=False):
    """The vendor's callback style: each gets the whole response, less its referenceId."""

    succeeded: Callback | None
    failed: Callback | None


class _Namespace:
    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def _call(self, request: str, *parameters: Any, **callbacks: Unpack[Callbacks]) -> Reply[Any]:
        return self._core.call(request, *parameters, **callbacks)


class AgentNamespace(_Namespace):
    """The `agent` namespace."""

    def get(self, **cb: Unpack[Callbacks]) -> Reply[Agent]:
        """The agent: employeeId, firstname, lastname, username."""
        return self._call("agent.get", **cb)

    def get_state(self, **cb: Unpack[Callbacks]) -> Reply[State]:
        """The agent's state over all media (Partially Ready when they differ)."""
        return self._call("agent.getState", **cb)

    def get_state_list(self, **cb: Unpack[Callbacks]) -> Reply[list[State]]:
        """The states the agent may choose, in the desktop's order."""
        return self._call("agent.getStateList", **cb)

    def set_state(self, state_operation_name: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Put every media in a state of the list, by operationName or by index; emits agent and
        media STATE_CHANGED.

        Fails (RequestFailed), besides the ways every request may, when:
        - an operation name or index that is not in the state list, or a state that can only be
          reported
        """
        return self._call("agent.setState", state_operation_name, **cb)


class AuthNamespace(_Namespace):
    """The `auth` namespace."""

    def get_jwt_token(self, **cb: Unpack[Callbacks]) -> Reply[JwtToken]:
        """A signed token (RS256) for the app's back end: {expiration, jwtToken}; the same while
        valid, then a new one; only for origins whose filter names it.

        Fails (RequestFailed), besides the ways every request may, when:
        - the origin's filter does not name auth.getJwtToken (a wildcard is not enough)
        - the desktop has no signing key, or could not load its signer (PyJWT, on the first token)
        """
        return self._call("auth.getJwtToken", **cb)


class ConfigurationNamespace(_Namespace):
    """The `configuration` namespace."""

    def get_option(self, options: str | list[str], **cb: Unpack[Callbacks]) -> Reply[Options]:
        """Options as {section: {option: value}}: `name` (section interaction-workspace),
        `Section/name`, a trailing `*`.

        Fails (RequestFailed), besides the ways every request may, when:
        - a selector with `*` anywhere but at the end of a word
        """
        return self._call("configuration.getOption", options, **cb)

    def get_contextual_option(
        self,
        options: str | list[str],
        interaction_id: str | int | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Options]:
        """Like getOption, with the interaction's overrides (interaction.override-option-key)
        applied.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction is unknown or not given: 'Error: Interaction not found.'
        """
        return self._call("configuration.getContextualOption", options, interaction_id, **cb)


class EmailNamespace(_Namespace):
    """The `email` namespace."""

    def create(
        self,
        destination: str,
        user_data: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction | None]:
        """A new outbound email draft to `destination` (ADDED, CREATED); answers it (the real
        desktop answers nothing).

        Fails (RequestFailed), besides the ways every request may, when:
        - the destination is not an email address
        """
        return self._call("email.create", destination, user_data, **cb)


class InteractionNamespace(_Namespace):
    """The `interaction` namespace."""

    def accept(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Accept a ringing call or an invited chat or email.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("interaction.accept", interaction_id, **cb)

    def reject(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Reject a ringing call or an invited chat or email.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("interaction.reject", interaction_id, **cb)

    def get_interactions(self, **cb: Unpack[Callbacks]) -> Reply[list[Interaction]]:
        """Every interaction of the desktop."""
        return self._call("interaction.getInteractions", **cb)

    def get_by_interaction_id(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction | None]:
        """The interaction, or null (a success) when there is none with that id."""
        return self._call("interaction.getByInteractionId", interaction_id, **cb)

    def set_user_data(
        self,
        interaction_id: str | int,
        key_values: dict[str, Any],
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Overwrite those keys of the interaction's attached data; emits ATTACHED_DATA_CHANGED.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is over (IDLE, COMPLETED...): its user data can no longer change
        - a key is outside service-client-api.user-data.write-allowed: nothing is written
        """
        return self._call("interaction.setUserData", interaction_id, key_values, **cb)

    def delete_user_data(
        self,
        interaction_id: str | int,
        key: str,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Delete one key of the interaction's attached data; emits ATTACHED_DATA_CHANGED.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is over (IDLE, COMPLETED...): its user data can no longer change
        - a key is outside service-client-api.user-data.write-allowed: nothing is written
        - the interaction has no such key
        """
        return self._call("interaction.deleteUserData", interaction_id, key, **cb)

    def select_case_by_case_id(self, case_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Bring that case forward; emits CASE_COLLAPSED (the case left), CASE_EXPANDED,
        CASE_SELECTED.

        Fails (RequestFailed), besides the ways every request may, when:
        - the case id is unknown (the message lists the current cases)
        """
        return self._call("interaction.selectCaseByCaseId", case_id, **cb)

    def markdone(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Mark the interaction done: it leaves the desktop (a chat still active is ended first).

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - a live call ('hang it up first'), or a live consultation or reply of it
        - an app blocks mark done (the markdone event REFUSED goes out too)
        """
        return self._call("interaction.markdone", interaction_id, **cb)

    def block_markdone(
        self,
        interaction_id: str | int,
        warning_message: str | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Block mark done on the interaction, showing the agent warningMessage; the block
        belongs to the caller's origin.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        """
        return self._call("interaction.blockMarkdone", interaction_id, warning_message, **cb)

    def unblock_markdone(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Lift the caller's origin's block on mark done.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - no block of this origin to lift
        """
        return self._call("interaction.unblockMarkdone", interaction_id, **cb)

    def consult(
        self,
        interaction_id: str | int,
        target_query: str | TargetQuery,
        user_data: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction | None]:
        """Start a consultation with a target, in the interaction's own media unless
        targetQuery.media names voice (a call is held; a chat or email stays as it is);
        answers the consultation (the real desktop answers nothing).

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - the target query names nobody the directory knows (the message lists who is known)
        - targetQuery.media is neither the interaction's media nor voice
        - a consultation of this interaction is already in progress
        """
        return self._call("interaction.consult", interaction_id, target_query, user_data, extensions, **cb)

    def complete_transfer(
        self,
        consult_interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Hand the customer over to the consulted party; the agent leaves both interactions.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - the interaction is not a consultation
        """
        return self._call("interaction.completeTransfer", consult_interaction_id, **cb)

    def complete_conference(
        self,
        consult_interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Bring the consulted party into the customer's call or chat (PARTY_CHANGED); the
        consultation ends.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - the interaction is not a consultation
        """
        return self._call("interaction.completeConference", consult_interaction_id, **cb)

    def single_step_transfer(
        self,
        interaction_id: str | int,
        target_query: str | TargetQuery,
        user_data: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Transfer the interaction to a target in one step.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - the target query names nobody the directory knows (the message lists who is known)
        """
        return self._call("interaction.singleStepTransfer", interaction_id, target_query, user_data, extensions, **cb)

    def single_step_conference(
        self,
        interaction_id: str | int,
        target_query: str | TargetQuery,
        user_data: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Bring a target into the interaction in one step.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is in a state the operation does not start from (the message names both)
        - the target query names nobody the directory knows (the message lists who is known)
        """
        return self._call("interaction.singleStepConference", interaction_id, target_query, user_data, extensions, **cb)


class MediaNamespace(_Namespace):
    """The `media` namespace."""

    def get_media_list(self, **cb: Unpack[Callbacks]) -> Reply[list[Media]]:
        """The agent's media with their states (voice with its device)."""
        return self._call("media.getMediaList", **cb)

    def get_media_by_name(self, name: str, **cb: Unpack[Callbacks]) -> Reply[Media]:
        """One media by name: voice, chat, email...

        Fails (RequestFailed), besides the ways every request may, when:
        - the agent has no media of that name (the message lists them)
        """
        return self._call("media.getMediaByName", name, **cb)

    def set_state(
        self,
        name: str,
        state_operation_name: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Put one media in a state of the list; emits media STATE_CHANGED (and agent
        STATE_CHANGED when the agent's state changes).

        Fails (RequestFailed), besides the ways every request may, when:
        - the agent has no media of that name
        - an operation name or index that is not in the state list, or a state that can only be
          reported
        """
        return self._call("media.setState", name, state_operation_name, **cb)


class MessengerNamespace(_Namespace):
    """The `messenger` namespace."""

    def broadcast_message(
        self,
        channel: str,
        message: Any = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[int | None]:
        """Send `message` to every frame subscribed to messenger:<channel>; answers how many got
        it (the real desktop answers nothing).

        Fails (RequestFailed), besides the ways every request may, when:
        - an empty channel name
        """
        return self._call("messenger.broadcastMessage", channel, message, **cb)


class OutboundNamespace(_Namespace):
    """The `outbound` namespace."""

    def get_campaigns(self, **cb: Unpack[Callbacks]) -> Reply[list[Campaign]]:
        """The agent's loaded or running campaigns: {name, description, groupName, mode, status,
        callingList}.
        """
        return self._call("outbound.getCampaigns", **cb)

    def get_preview_record(self, campaign_name: str, **cb: Unpack[Callbacks]) -> Reply[Interaction]:
        """Ask a running Preview campaign for its next record: a preview interaction (ADDED,
        PREVIEWING; RECORDS_RETRIEVED for a chain); answers it (the real desktop answers
        nothing).

        Fails (RequestFailed), besides the ways every request may, when:
        - no campaign of that name is loaded (the message lists the loaded ones)
        - the campaign is not running, is not a Preview campaign, or has no record left
        """
        return self._call("outbound.getPreviewRecord", campaign_name, **cb)

    def call_preview_record(
        self,
        interaction_id: str | int,
        record_handle: int,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction]:
        """Dial that record of the preview's chain: the call is a new interaction (ADDED,
        DIALING), whose id names the record from now on; answers it.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the interaction is in a state the operation does not start from (the message names both)
        - the record handle is not in the chain, or the record is already called
        """
        return self._call("outbound.callPreviewRecord", interaction_id, record_handle, **cb)

    def reject_preview_record(
        self,
        interaction_id: str | int | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Reject the preview record (STATE_CHANGE/REJECTED; a pushed record not accepted yet:
        REMOVED/REJECTED); without an id, the current one.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the interaction is in a state the operation does not start from (the message names both)
        - no id and no preview record waiting
        """
        return self._call("outbound.rejectPreviewRecord", interaction_id, **cb)

    def cancel_preview_record(
        self,
        interaction_id: str | int | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Cancel the preview record (STATE_CHANGE/CANCELED): it is not called again; without an
        id, the current one.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the interaction is in a state the operation does not start from (the message names both)
        - no id and no preview record waiting
        """
        return self._call("outbound.cancelPreviewRecord", interaction_id, **cb)

    def start_direct_push_preview(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Dialing Mode Start: records of running Direct Push Preview campaigns are pushed to the
        agent, one at a time.
        """
        return self._call("outbound.startDirectPushPreview", **cb)

    def stop_direct_push_preview(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Dialing Mode Stop: no more direct push preview records."""
        return self._call("outbound.stopDirectPushPreview", **cb)

    def get_list_of_call_results(self, **cb: Unpack[Callbacks]) -> Reply[CallResults]:
        """Call results by name: {OK: 0, BUSY: 6, ... WRONG_NUMBER: 53}."""
        return self._call("outbound.getListOfCallResults", **cb)

    def set_call_result(
        self,
        interaction_id: str | int,
        call_result: int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Set the record's call result (a code of getListOfCallResults); needs an active or
        completed call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the record has no active or completed call yet (outbound.callPreviewRecord)
        - Do Not Call is set on the record
        - callResult is not a number
        """
        return self._call("outbound.setCallResult", interaction_id, call_result, **cb)

    def get_call_result(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[int | None]:
        """The call result the agent set on the record; null when none is set.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        """
        return self._call("outbound.getCallResult", interaction_id, **cb)

    def set_do_not_call(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Mark the record Do Not Call (sent at mark done); needs an active or completed call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the record has no active or completed call yet (outbound.callPreviewRecord)
        """
        return self._call("outbound.setDoNotCall", interaction_id, **cb)

    def remove_do_not_call(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Lift Do Not Call from the record; needs an active or completed call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the record has no active or completed call yet (outbound.callPreviewRecord)
        """
        return self._call("outbound.removeDoNotCall", interaction_id, **cb)

    def reschedule_record(
        self,
        interaction_id: str | int,
        record_handle: int,
        reschedule_date: str,
        callback_type: str,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Call that record back at rescheduleDate ("MM/DD/YYYY HH:MM" in the record's time
        zone); callbackType CAMPAIGN or PERSONAL.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - the date is malformed, in the past, or outside the record's Call From / Call Until window
        - callbackType is neither CAMPAIGN nor PERSONAL
        """
        return self._call("outbound.rescheduleRecord", interaction_id, record_handle, reschedule_date, callback_type, **cb)

    def cancel_reschedule(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Remove the callback set on the record.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        """
        return self._call("outbound.cancelReschedule", interaction_id, **cb)

    def get_chained_records(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[list[ChainedRecords]]:
        """The records of the interaction's chain: [{records: [...]}].

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        """
        return self._call("outbound.getChainedRecords", interaction_id, **cb)

    def get_record_fields(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[list[RecordField]]:
        """The record's fields, with their types, options and whether they may be edited or
        emptied.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        """
        return self._call("outbound.getRecordFields", interaction_id, **cb)

    def update_record_fields(
        self,
        interaction_id: str | int,
        record_data: dict[str, Any],
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Change fields of the record: {field: value}; all or nothing; sent to the list at mark
        done.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown, or is not an outbound record's (preview or call)
        - a field is unknown or not editable, a value has the wrong type or format or is not an
          option, or a mandatory field would become empty: nothing changes
        """
        return self._call("outbound.updateRecordFields", interaction_id, record_data, **cb)


class SystemNamespace(_Namespace):
    """The `system` namespace."""

    def am_i_visible(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether the calling frame is on screen now (front tab, dialog, popup)."""
        return self._call("system.amIVisible", **cb)

    def get_allowed_services(self, **cb: Unpack[Callbacks]) -> Reply[list[str]]:
        """The request names the caller's origin may use (service-client-api.accepted-web-
        content-origins).
        """
        return self._call("system.getAllowedServices", **cb)

    def trigger_activity(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Restart the agent's inactivity countdown (security.inactivity-timeout)."""
        return self._call("system.triggerActivity", **cb)

    def popup_toast(self, parameters: ToastParameters, **cb: Unpack[Callbacks]) -> Reply[str]:
        """Show a toast; answers its id (wweCustomToast0, ...). Button clicks come back as system
        CUSTOM_TOAST_BUTTON_CLICK.

        Fails (RequestFailed), besides the ways every request may, when:
        - an unknown parameter, or one of the wrong type (the message names it)
        """
        return self._call("system.popupToast", parameters, **cb)

    def update_toast(
        self,
        toast_id: str,
        parameters: ToastParameters,
        **cb: Unpack[Callbacks],
    ) -> Reply[bool]:
        """Change a toast's parameters; false when there is no toast with that id.

        Fails (RequestFailed), besides the ways every request may, when:
        - an unknown parameter, or one of the wrong type
        """
        return self._call("system.updateToast", toast_id, parameters, **cb)

    def close_toast(self, toast_id: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Close a toast; false when there is no toast with that id."""
        return self._call("system.closeToast", toast_id, **cb)

    def open_dialog(
        self,
        url: str | None = None,
        options: DialogOptions | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[str | None]:
        """Open `url` in a modal dialog ({label, width, height}); answers its id
        (wweCustomDialog1, ...), null without a url.

        Fails (RequestFailed), besides the ways every request may, when:
        - options null or not an object, or an unknown or mistyped option
        - a url that is not an absolute http(s) URL
        """
        return self._call("system.openDialog", url, options, **cb)

    def close_dialog(self, dialog_id: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Close a dialog; false when there is none with that id."""
        return self._call("system.closeDialog", dialog_id, **cb)

    def update_view_in_application_menu_bar(
        self,
        parameters: MenuBarViewParameters,
        **cb: Unpack[Callbacks],
    ) -> Reply[str]:
        """Create or update a view in the agent bar's application menu bar; answers its name.

        Fails (RequestFailed), besides the ways every request may, when:
        - no name, or neither iconUrl nor label
        - a colour that is not #RGB, #RRGGBB or #RRGGBBAA
        """
        return self._call("system.updateViewInApplicationMenuBar", parameters, **cb)

    def close_view_in_application_menu_bar(self, name: str, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Remove a menu-bar view; false when there is none of that name."""
        return self._call("system.closeViewInApplicationMenuBar", name, **cb)

    def is_frame_leading(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether this desktop tab leads the others."""
        return self._call("system.isFrameLeading", **cb)

    def is_frame_following(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether this desktop tab follows a leading one."""
        return self._call("system.isFrameFollowing", **cb)

    def is_frame_negotiating(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether the desktop tabs are still electing a leader."""
        return self._call("system.isFrameNegotiating", **cb)

    def is_frame_leading_or_negotiating(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether this desktop tab leads, or no tab leads yet."""
        return self._call("system.isFrameLeadingOrNegotiating", **cb)

    def is_last_active_frame(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether this desktop tab is the one the agent used last."""
        return self._call("system.isLastActiveFrame", **cb)


class VoiceNamespace(_Namespace):
    """The `voice` namespace."""

    def dial(
        self,
        destination: str,
        user_data: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction | None]:
        """Dial a number or a colleague's extension; answers the new call (the real desktop
        answers nothing).

        Fails (RequestFailed), besides the ways every request may, when:
        - no destination
        - the agent has no voice channel, or it is logged out
        """
        return self._call("voice.dial", destination, user_data, **cb)

    def dial_ex(
        self,
        destination: str,
        user_data: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        **cb: Unpack[Callbacks],
    ) -> Reply[Interaction | None]:
        """Like dial, with extensions.

        Fails (RequestFailed), besides the ways every request may, when:
        - no destination
        - the agent has no voice channel, or it is logged out
        """
        return self._call("voice.dialEx", destination, user_data, extensions, **cb)

    def answer(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Answer a ringing call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.answer", interaction_id, **cb)

    def hang_up(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Hang up a call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.hangUp", interaction_id, **cb)

    def hold(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Put a call on hold.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.hold", interaction_id, **cb)

    def resume(self, interaction_id: str | int, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Take a call off hold.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.resume", interaction_id, **cb)

    def start_call_recording(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Start recording a call; emits CALL_RECORDING_STATE_CHANGED.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.startCallRecording", interaction_id, **cb)

    def stop_call_recording(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Stop recording a call.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.stopCallRecording", interaction_id, **cb)

    def pause_call_recording(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Pause a call's recording.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.pauseCallRecording", interaction_id, **cb)

    def resume_call_recording(
        self,
        interaction_id: str | int,
        **cb: Unpack[Callbacks],
    ) -> Reply[None]:
        """Resume a call's paused recording.

        Fails (RequestFailed), besides the ways every request may, when:
        - the interaction id is unknown (the message lists the current ones)
        - the interaction is not a voice call
        - the interaction is in a state the operation does not start from (the message names both)
        """
        return self._call("voice.resumeCallRecording", interaction_id, **cb)

    def is_microphone_mute(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether the SIP endpoint's microphone is muted."""
        return self._call("voice.isMicrophoneMute", **cb)

    def is_speaker_mute(self, **cb: Unpack[Callbacks]) -> Reply[bool]:
        """Whether the SIP endpoint's speaker is muted."""
        return self._call("voice.isSpeakerMute", **cb)

    def mute_microphone(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Mute the SIP endpoint's microphone."""
        return self._call("voice.muteMicrophone", **cb)

    def unmute_microphone(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Unmute the SIP endpoint's microphone."""
        return self._call("voice.unmuteMicrophone", **cb)

    def mute_speaker(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Mute the SIP endpoint's speaker."""
        return self._call("voice.muteSpeaker", **cb)

    def unmute_speaker(self, **cb: Unpack[Callbacks]) -> Reply[None]:
        """Unmute the SIP endpoint's speaker."""
        return self._call("voice.unmuteSpeaker", **cb)
