"""The agent's voice operations: dial, answer, hold, resume, hang up, recording, SIP endpoint."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wwe_scapi.workspace.agent import Media
from wwe_scapi.workspace.desk import InteractionDesk
from wwe_scapi.workspace.errors import WorkspaceError, with_article
from wwe_scapi.workspace.interactions import Interaction, InteractionState
from wwe_scapi.workspace.lifecycle import VOICE
from wwe_scapi.workspace.states import StateType

# Recording: operation -> (recording states it may start from, the state it leads to).
RECORDING_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "start": (frozenset({"STOPPED"}), "RECORDING"),
    "stop": (frozenset({"RECORDING", "PAUSED"}), "STOPPED"),
    "pause": (frozenset({"RECORDING"}), "PAUSED"),
    "resume": (frozenset({"PAUSED"}), "RECORDING"),
}


@dataclass(slots=True)
class SipEndpoint:
    microphone_muted: bool = False
    speaker_muted: bool = False


class VoiceCalls:
    def __init__(self, desk: InteractionDesk, voice_media: Callable[[], Media | None], agent_number: str) -> None:
        self.desk = desk
        self._voice_media = voice_media
        self.agent_number = agent_number
        self.sip = SipEndpoint()

    def call(self, interaction_id: str, request: str) -> Interaction:
        interaction = self.desk.get(interaction_id)
        if interaction.media != VOICE:
            hint = ": use interaction.accept" if request == "voice.answer" else ""
            raise WorkspaceError(
                f"{request} works on voice calls; interaction {interaction_id!r} is "
                f"{with_article(interaction.media)} interaction{hint}."
            )
        return interaction

    def voice_channel(self) -> Media:
        media = self._voice_media()
        if media is None:
            raise WorkspaceError("This agent has no voice channel.")
        if media.state.type is StateType.LOGOUT:
            raise WorkspaceError("The agent's voice channel is logged out: set a voice state first.")
        return media

    def dial(
        self,
        destination: str,
        user_data: Mapping[str, Any] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> Interaction:
        """An outbound call, or an internal one when the number is a colleague's."""
        number = destination.strip()
        if not number:
            raise WorkspaceError("voice.dial needs a destination: a phone number or a colleague's number.")
        self.voice_channel()
        colleague = self.desk.directory.colleague(number)
        call = self.desk.create(
            VOICE,
            InteractionState.DIALING,
            ["ADDED", "DIALING"],
            user_data=user_data,
            parties=[{"name": colleague.name if colleague else number}],
            contact=colleague.contact() if colleague else {"displayName": number},
            extensions=dict(extensions or {}),
            media_fields=self.call_fields("OUT", "INTERNAL" if colleague else "OUTBOUND", self.agent_number, number),
        )
        self.desk.select_case_of(call)
        return call

    def call_fields(self, direction: str, call_type: str, ani: str, dnis: str) -> dict[str, Any]:
        call_uuid = self.desk.next_uuid().replace("-", "").upper()
        return {
            "callUuid": call_uuid[-32:],
            "connId": call_uuid[-16:].lower(),
            "direction": direction,
            "callType": call_type,
            "ani": ani,
            "dnis": dnis,
            "recordingState": "STOPPED",
        }

    def answer(self, interaction_id: str, request: str = "voice.answer") -> Interaction:
        call = self.call(interaction_id, request)
        self.desk.step(call, "answer")
        self.desk.select_case_of(call)
        return call

    def hang_up(self, interaction_id: str) -> Interaction:
        call = self.call(interaction_id, "voice.hangUp")
        self.desk.step(call, "hang up")
        return call

    def hold(self, interaction_id: str) -> Interaction:
        call = self.call(interaction_id, "voice.hold")
        self.desk.step(call, "hold")
        return call

    def resume(self, interaction_id: str) -> Interaction:
        call = self.call(interaction_id, "voice.resume")
        self.desk.step(call, "resume")
        return call

    def recording(self, interaction_id: str, operation: str) -> Interaction:
        """start / stop / pause / resume the call's recording (CALL_RECORDING_STATE_CHANGED)."""
        call = self.call(interaction_id, f"voice.{operation}CallRecording")
        rule = self.desk.check(call, "record")
        starts, leads_to = RECORDING_STEPS[operation]
        current = call.media_fields.get("recordingState", "STOPPED")
        if current not in starts:
            raise WorkspaceError(
                f"Cannot {operation} the recording of interaction {interaction_id!r}: its recording is "
                f"{current}; {operation} needs {' or '.join(sorted(starts))}."
            )
        call.media_fields["recordingState"] = leads_to
        self.desk.apply(call, rule)
        return call

    def sip_endpoint(self) -> SipEndpoint:
        if self._voice_media() is None:
            raise WorkspaceError("This agent has no voice channel, hence no SIP endpoint.")
        return self.sip
