"""Every request of the Service Client API with its parameters: the one table that the
service's dispatch, the origin filters, `getAllowedServices` and the Python client share."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final


class ParamKind(enum.Enum):
    """What a parameter may hold on the wire (after JSON)."""

    STRING = "a string"
    ID = "an id (string or integer)"
    OBJECT = "an object"
    OPTIONS = "a string or an array of strings"
    STATE = "a state operation name (string) or an index into the state list"
    TARGET = "a target query (string or object)"
    NUMBER = "a number"
    BOOLEAN = "a boolean"
    ANY = "any JSON value"


@dataclass(frozen=True, slots=True)
class ParamSpec:
    name: str
    kind: ParamKind
    optional: bool = False
    # Carries user-data keys (an object of them, or one key as a string): the write
    # allow-list (service-client-api.user-data.write-allowed) applies to it.
    user_data: bool = False


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """One request: its wire name, parameters, and (for vendor aliases) the name it stands for."""

    name: str
    params: tuple[ParamSpec, ...] = ()
    alias_of: str | None = None
    # Derived once, read on every request: the name the security policy judges
    # (`sipEndpoint.x` is judged as `voice.x`), and where user data travels.
    canonical: str = field(init=False)
    user_data_positions: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "canonical", self.alias_of or self.name)
        positions = tuple(index for index, param in enumerate(self.params) if param.user_data)
        object.__setattr__(self, "user_data_positions", positions)

    @property
    def namespace(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def method(self) -> str:
        return self.name.split(".", 1)[1]


def _p(name: str, kind: ParamKind = ParamKind.STRING, optional: bool = False, user_data: bool = False) -> ParamSpec:
    return ParamSpec(name, kind, optional, user_data)


_K = ParamKind
_ID = _p("interactionId", _K.ID)
_USER_DATA = _p("userData", _K.OBJECT, optional=True, user_data=True)
_EXTENSIONS = _p("extensions", _K.OBJECT, optional=True)
_TRANSFER = (_ID, _p("targetQuery", _K.TARGET), _USER_DATA, _EXTENSIONS)
_SIP_METHODS = (
    "isMicrophoneMute",
    "isSpeakerMute",
    "muteMicrophone",
    "unmuteMicrophone",
    "muteSpeaker",
    "unmuteSpeaker",
)

_SPECS: tuple[RequestSpec, ...] = (
    # agent
    RequestSpec("agent.get"),
    RequestSpec("agent.getState"),
    RequestSpec("agent.getStateList"),
    RequestSpec("agent.setState", (_p("stateOperationName", _K.STATE),)),
    # configuration
    RequestSpec("configuration.getOption", (_p("options", _K.OPTIONS),)),
    RequestSpec(
        "configuration.getContextualOption",
        # A missing interaction id is answered with the reference's "Interaction not found".
        (_p("options", _K.OPTIONS), _p("interactionId", _K.ID, optional=True)),
    ),
    # email
    RequestSpec("email.create", (_p("destination"), _USER_DATA)),
    # interaction
    RequestSpec("interaction.accept", (_ID,)),
    RequestSpec("interaction.reject", (_ID,)),
    RequestSpec("interaction.getInteractions"),
    RequestSpec("interaction.getByInteractionId", (_ID,)),
    RequestSpec("interaction.setUserData", (_ID, _p("keyValues", _K.OBJECT, user_data=True))),
    RequestSpec("interaction.deleteUserData", (_ID, _p("key", user_data=True))),
    RequestSpec("interaction.selectCaseByCaseId", (_p("caseId", _K.ID),)),
    RequestSpec("interaction.markdone", (_ID,)),
    RequestSpec("interaction.blockMarkdone", (_ID, _p("warningMessage", optional=True))),
    RequestSpec("interaction.unblockMarkdone", (_ID,)),
    RequestSpec("interaction.consult", _TRANSFER),
    RequestSpec("interaction.completeTransfer", (_p("consultInteractionId", _K.ID),)),
    RequestSpec("interaction.completeConference", (_p("consultInteractionId", _K.ID),)),
    RequestSpec("interaction.singleStepTransfer", _TRANSFER),
    RequestSpec("interaction.singleStepConference", _TRANSFER),
    # media
    RequestSpec("media.getMediaList"),
    RequestSpec("media.getMediaByName", (_p("name"),)),
    RequestSpec("media.setState", (_p("name"), _p("stateOperationName", _K.STATE))),
    # system
    RequestSpec("system.amIVisible"),
    RequestSpec("system.getAllowedServices"),
    RequestSpec("system.triggerActivity"),
    RequestSpec("system.popupToast", (_p("parameters", _K.OBJECT),)),
    RequestSpec("system.updateToast", (_p("id"), _p("parameters", _K.OBJECT))),
    RequestSpec("system.closeToast", (_p("id"),)),
    # A null url is answered with null (the reference's "url undefined" case), not refused.
    RequestSpec("system.openDialog", (_p("url", optional=True), _p("options", _K.ANY, optional=True))),
    RequestSpec("system.closeDialog", (_p("dialogId"),)),
    RequestSpec("system.updateViewInApplicationMenuBar", (_p("parameters", _K.OBJECT),)),
    RequestSpec("system.closeViewInApplicationMenuBar", (_p("name"),)),
    RequestSpec("system.isFrameLeading"),
    RequestSpec("system.isFrameFollowing"),
    RequestSpec("system.isFrameNegotiating"),
    RequestSpec("system.isFrameLeadingOrNegotiating"),
    RequestSpec("system.isLastActiveFrame"),
    # voice
    RequestSpec("voice.dial", (_p("destination"), _USER_DATA)),
    RequestSpec("voice.dialEx", (_p("destination"), _USER_DATA, _EXTENSIONS)),
    RequestSpec("voice.answer", (_ID,)),
    RequestSpec("voice.hangUp", (_ID,)),
    RequestSpec("voice.hold", (_ID,)),
    RequestSpec("voice.resume", (_ID,)),
    RequestSpec("voice.startCallRecording", (_ID,)),
    RequestSpec("voice.stopCallRecording", (_ID,)),
    RequestSpec("voice.pauseCallRecording", (_ID,)),
    RequestSpec("voice.resumeCallRecording", (_ID,)),
    *(RequestSpec(f"voice.{method}") for method in _SIP_METHODS),
    # The vendor client sends the SIP endpoint calls under this namespace.
    *(RequestSpec(f"sipEndpoint.{method}", alias_of=f"voice.{method}") for method in _SIP_METHODS),
    # outbound
    RequestSpec("outbound.getCampaigns"),
    RequestSpec("outbound.getPreviewRecord", (_p("campaignName"),)),
    RequestSpec("outbound.callPreviewRecord", (_ID, _p("recordHandle", _K.ID))),
    # The reference shows no parameter; the vendor client sends the interaction id.
    RequestSpec("outbound.rejectPreviewRecord", (_p("interactionId", _K.ID, optional=True),)),
    RequestSpec("outbound.cancelPreviewRecord", (_p("interactionId", _K.ID, optional=True),)),
    RequestSpec("outbound.startDirectPushPreview"),
    RequestSpec("outbound.stopDirectPushPreview"),
    RequestSpec("outbound.getListOfCallResults"),
    RequestSpec("outbound.setCallResult", (_ID, _p("callResult", _K.NUMBER))),
    RequestSpec("outbound.getCallResult", (_ID,)),
    RequestSpec("outbound.setDoNotCall", (_ID,)),
    RequestSpec("outbound.removeDoNotCall", (_ID,)),
    RequestSpec(
        "outbound.rescheduleRecord",
        (_ID, _p("recordHandle", _K.ID), _p("rescheduleDate"), _p("callbackType")),
    ),
    RequestSpec("outbound.cancelReschedule", (_ID,)),
    RequestSpec("outbound.getChainedRecords", (_ID,)),
    RequestSpec("outbound.getRecordFields", (_ID,)),
    RequestSpec("outbound.updateRecordFields", (_ID, _p("recordData", _K.OBJECT))),
    # auth
    RequestSpec("auth.getJwtToken"),
    # Sent by some editions of the vendor client; not in the reference.
    RequestSpec("auth.getPureCloudToken", (_p("forceNewToken", _K.BOOLEAN, optional=True),)),
    # messenger
    RequestSpec("messenger.broadcastMessage", (_p("channel"), _p("message", _K.ANY, optional=True))),
)

CATALOGUE: Final[dict[str, RequestSpec]] = {spec.name: spec for spec in _SPECS}

# Requests that exist on the wire but are not part of the reference's API: never listed by
# getAllowedServices and never matched by a wildcard filter on their own name.
UNDOCUMENTED: Final[frozenset[str]] = frozenset(
    {name for name, spec in CATALOGUE.items() if spec.alias_of} | {"auth.getPureCloudToken"}
)

EVENT_NAMES: Final[tuple[str, ...]] = (
    "agent",
    "interaction",
    "media",
    "system",
    "outbound",
    "markdone",
)
