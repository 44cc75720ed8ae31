"""The `voice` namespace (the SIP endpoint calls also arrive as `sipEndpoint.*`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wwe_scapi.service.context import Handler, RequestContext

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire

Wire = dict[str, Any]


def dial(ctx: RequestContext, destination: str, user_data: Wire | None) -> wire.Interaction:
    """Answers the new call (the reference returns nothing; apps may ignore it)."""
    return dial_ex(ctx, destination, user_data, None)


def dial_ex(
    ctx: RequestContext, destination: str, user_data: Wire | None, extensions: Wire | None
) -> wire.Interaction:
    return ctx.workspace.voice.dial(destination, user_data, extensions).to_wire()


def _call_control(operation: str) -> Handler:
    def handler(ctx: RequestContext, interaction_id: str) -> None:
        getattr(ctx.workspace.voice, operation)(interaction_id)

    handler.__name__ = operation
    return handler


def _recording(operation: str) -> Handler:
    def handler(ctx: RequestContext, interaction_id: str) -> None:
        ctx.workspace.voice.recording(interaction_id, operation)

    handler.__name__ = f"{operation}_call_recording"
    return handler


def _sip_query(flag: str) -> Handler:
    def handler(ctx: RequestContext) -> bool:
        return bool(getattr(ctx.workspace.voice.sip_endpoint(), flag))

    return handler


def _sip_set(flag: str, value: bool) -> Handler:
    def handler(ctx: RequestContext) -> None:
        setattr(ctx.workspace.voice.sip_endpoint(), flag, value)

    return handler


HANDLERS: dict[str, Handler] = {
    "voice.dial": dial,
    "voice.dialEx": dial_ex,
    "voice.answer": _call_control("answer"),
    "voice.hangUp": _call_control("hang_up"),
    "voice.hold": _call_control("hold"),
    "voice.resume": _call_control("resume"),
    "voice.startCallRecording": _recording("start"),
    "voice.stopCallRecording": _recording("stop"),
    "voice.pauseCallRecording": _recording("pause"),
    "voice.resumeCallRecording": _recording("resume"),
    "voice.isMicrophoneMute": _sip_query("microphone_muted"),
    "voice.isSpeakerMute": _sip_query("speaker_muted"),
    "voice.muteMicrophone": _sip_set("microphone_muted", True),
    "voice.unmuteMicrophone": _sip_set("microphone_muted", False),
    "voice.muteSpeaker": _sip_set("speaker_muted", True),
    "voice.unmuteSpeaker": _sip_set("speaker_muted", False),
}
