"""Every request of the Service Client API: its parameters, what it answers, what it does and
how it fails. The one table that the service's admission and dispatch, the origin filters,
`getAllowedServices`, the Python client (generated from it: scripts/generate_api.py) and
docs/api.md share."""

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


class UserData(enum.Enum):
    """How service-client-api.user-data.write-allowed applies to a parameter of user data."""

    RESTRICTED = "the write allow-list applies: a key outside it fails the request"
    CARRIED = "keys outside the write allow-list are written, with a warning"


# The Python client's annotation for each kind (names from protocol/wire.py).
PYTHON_TYPES: Final[dict[ParamKind, str]] = {
    ParamKind.STRING: "str",
    ParamKind.ID: "str | int",
    ParamKind.OBJECT: "dict[str, Any]",
    ParamKind.OPTIONS: "str | list[str]",
    ParamKind.STATE: "str | int",
    ParamKind.TARGET: "str | TargetQuery",
    ParamKind.NUMBER: "int | float",
    ParamKind.BOOLEAN: "bool",
    ParamKind.ANY: "Any",
}


@dataclass(frozen=True, slots=True)
class ParamSpec:
    name: str
    kind: ParamKind
    optional: bool = False
    # Carries user-data keys (an object of them, or one key as a string). The reference's
    # write allow-list restricts setUserData and deleteUserData; the others carry user data.
    user_data: UserData | None = None
    python_name: str | None = None  # when snake_case of `name` will not do (`id` is a builtin)
    python_type: str | None = None  # a narrower annotation than the kind's

    @property
    def python(self) -> str:
        return self.python_name or _snake(self.name)

    @property
    def annotation(self) -> str:
        base = self.python_type or PYTHON_TYPES[self.kind]
        return f"{base} | None" if self.optional and base != "Any" else base


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """One request: its wire name, parameters, result, and (for vendor aliases) the name it
    stands for. `returns` is the Python annotation of the response's `data`."""

    name: str
    params: tuple[ParamSpec, ...] = ()
    returns: str = "None"
    doc: str = ""
    errors: tuple[str, ...] = ()  # how this request fails, besides what every request may
    alias_of: str | None = None
    # Derived once, read on every request: the name the security policy judges
    # (`sipEndpoint.x` is judged as `voice.x`), and where user data travels.
    canonical: str = field(init=False)
    user_data_positions: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "canonical", self.alias_of or self.name)
        positions = tuple(index for index, param in enumerate(self.params) if param.user_data is not None)
        object.__setattr__(self, "user_data_positions", positions)

    @property
    def namespace(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def method(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def python(self) -> str:
        """The Python client's method name: snake_case of the wire method."""
        return _snake(self.method)


def _snake(name: str) -> str:
    """interactionId -> interaction_id, amIVisible -> am_i_visible, dialEx -> dial_ex."""
    out: list[str] = []
    for index, char in enumerate(name):
        if char.isupper() and index > 0:
            out.append("_")
        out.append(char.lower())
    return "".join(out)


def param(
    name: str,
    kind: ParamKind = ParamKind.STRING,
    *,
    optional: bool = False,
    user_data: UserData | None = None,
    python_name: str | None = None,
    python_type: str | None = None,
) -> ParamSpec:
    return ParamSpec(name, kind, optional, user_data, python_name, python_type)


def request(
    name: str,
    *params: ParamSpec,
    returns: str = "None",
    doc: str,
    errors: tuple[str, ...] = (),
    alias_of: str | None = None,
) -> RequestSpec:
    return RequestSpec(name, params, returns, doc, errors, alias_of)


INTERACTION_ID = param("interactionId", ParamKind.ID)
USER_DATA = param("userData", ParamKind.OBJECT, optional=True, user_data=UserData.CARRIED)
EXTENSIONS = param("extensions", ParamKind.OBJECT, optional=True)
TARGET_QUERY = param("targetQuery", ParamKind.TARGET)
TOAST_PARAMETERS = param("parameters", ParamKind.OBJECT, python_type="ToastParameters")

UNKNOWN_INTERACTION = "the interaction id is unknown (the message lists the current ones)"
WRONG_STATE = "the interaction is in a state the operation does not start from (the message names both)"
LIVE_ONLY = "the interaction is over (IDLE, COMPLETED...): its user data can no longer change"
USER_DATA_WRITE = "a key is outside service-client-api.user-data.write-allowed: nothing is written"
UNKNOWN_TARGET = "the target query names nobody the directory knows (the message lists who is known)"
UNKNOWN_STATE = "an operation name or index that is not in the state list, or a state that can only be reported"
NOT_A_CALL = "the interaction is not a voice call"
NOT_A_RECORD = "the interaction id is unknown, or is not an outbound record's (preview or call)"
NOT_CALLED = "the record has no active or completed call yet (outbound.callPreviewRecord)"
NO_CAMPAIGN = "no campaign of that name is loaded (the message lists the loaded ones)"
RECORD_HANDLE = param("recordHandle", ParamKind.ANY, python_type="int")

SIP_METHODS: Final = {
    "isMicrophoneMute": ("bool", "Whether the SIP endpoint's microphone is muted."),
    "isSpeakerMute": ("bool", "Whether the SIP endpoint's speaker is muted."),
    "muteMicrophone": ("None", "Mute the SIP endpoint's microphone."),
    "unmuteMicrophone": ("None", "Unmute the SIP endpoint's microphone."),
    "muteSpeaker": ("None", "Mute the SIP endpoint's speaker."),
    "unmuteSpeaker": ("None", "Unmute the SIP endpoint's speaker."),
}


def _call_control(method: str, doc: str) -> RequestSpec:
    return request(f"voice.{method}", INTERACTION_ID, doc=doc, errors=(UNKNOWN_INTERACTION, NOT_A_CALL, WRONG_STATE))


def _outbound(name: str, *params: ParamSpec, returns: str = "None", doc: str, errors: tuple[str, ...] = ()) -> RequestSpec:
    return request(f"outbound.{name}", *params, returns=returns, doc=doc, errors=errors)


_SPECS: tuple[RequestSpec, ...] = (
    # -- agent
    request("agent.get", returns="Agent", doc="The agent: employeeId, firstname, lastname, username."),
    request("agent.getState", returns="State", doc="The agent's state over all media (Partially Ready when they differ)."),
    request("agent.getStateList", returns="list[State]", doc="The states the agent may choose, in the desktop's order."),
    request(
        "agent.setState",
        param("stateOperationName", ParamKind.STATE),
        doc="Put every media in a state of the list, by operationName or by index; emits agent and media STATE_CHANGED.",
        errors=(UNKNOWN_STATE,),
    ),
    # -- configuration
    request(
        "configuration.getOption",
        param("options", ParamKind.OPTIONS),
        returns="Options",
        doc="Options as {section: {option: value}}: `name` (section interaction-workspace), `Section/name`, a trailing `*`.",
        errors=("a selector with `*` anywhere but at the end of a word",),
    ),
    request(
        "configuration.getContextualOption",
        param("options", ParamKind.OPTIONS),
        # A missing interaction id is answered with the reference's "Interaction not found".
        param("interactionId", ParamKind.ID, optional=True),
        returns="Options",
        doc="Like getOption, with the interaction's overrides (interaction.override-option-key) applied.",
        errors=("the interaction is unknown or not given: 'Error: Interaction not found.'",),
    ),
    # -- email
    request(
        "email.create",
        param("destination"),
        USER_DATA,
        returns="Interaction | None",
        doc="A new outbound email draft to `destination` (ADDED, CREATED); answers it (the real desktop answers nothing).",
        errors=("the destination is not an email address",),
    ),
    # -- interaction
    request(
        "interaction.accept",
        INTERACTION_ID,
        doc="Accept a ringing call or an invited chat or email.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE),
    ),
    request(
        "interaction.reject",
        INTERACTION_ID,
        doc="Reject a ringing call or an invited chat or email.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE),
    ),
    request("interaction.getInteractions", returns="list[Interaction]", doc="Every interaction of the desktop."),
    request(
        "interaction.getByInteractionId",
        INTERACTION_ID,
        returns="Interaction | None",
        doc="The interaction, or null (a success) when there is none with that id.",
    ),
    request(
        "interaction.setUserData",
        INTERACTION_ID,
        param("keyValues", ParamKind.OBJECT, user_data=UserData.RESTRICTED),
        doc="Overwrite those keys of the interaction's attached data; emits ATTACHED_DATA_CHANGED.",
        errors=(UNKNOWN_INTERACTION, LIVE_ONLY, USER_DATA_WRITE),
    ),
    request(
        "interaction.deleteUserData",
        INTERACTION_ID,
        param("key", user_data=UserData.RESTRICTED),
        doc="Delete one key of the interaction's attached data; emits ATTACHED_DATA_CHANGED.",
        errors=(UNKNOWN_INTERACTION, LIVE_ONLY, USER_DATA_WRITE, "the interaction has no such key"),
    ),
    request(
        "interaction.selectCaseByCaseId",
        param("caseId", ParamKind.ID),
        doc="Bring that case forward; emits CASE_COLLAPSED (the case left), CASE_EXPANDED, CASE_SELECTED.",
        errors=("the case id is unknown (the message lists the current cases)",),
    ),
    request(
        "interaction.markdone",
        INTERACTION_ID,
        doc="Mark the interaction done: it leaves the desktop (a chat still active is ended first).",
        errors=(
            UNKNOWN_INTERACTION,
            WRONG_STATE,
            "a live call ('hang it up first'), or a live consultation or reply of it",
            "an app blocks mark done (the markdone event REFUSED goes out too)",
        ),
    ),
    request(
        "interaction.blockMarkdone",
        INTERACTION_ID,
        param("warningMessage", optional=True),
        doc="Block mark done on the interaction, showing the agent warningMessage; the block belongs to the caller's origin.",
        errors=(UNKNOWN_INTERACTION,),
    ),
    request(
        "interaction.unblockMarkdone",
        INTERACTION_ID,
        doc="Lift the caller's origin's block on mark done.",
        errors=(UNKNOWN_INTERACTION, "no block of this origin to lift"),
    ),
    request(
        "interaction.consult",
        INTERACTION_ID,
        TARGET_QUERY,
        USER_DATA,
        EXTENSIONS,
        returns="Interaction | None",
        doc=(
            "Start a consultation with a target, in the interaction's own media unless targetQuery.media "
            "names voice (a call is held; a chat or email stays as it is); answers the consultation "
            "(the real desktop answers nothing)."
        ),
        errors=(
            UNKNOWN_INTERACTION,
            WRONG_STATE,
            UNKNOWN_TARGET,
            "targetQuery.media is neither the interaction's media nor voice",
            "a consultation of this interaction is already in progress",
        ),
    ),
    request(
        "interaction.completeTransfer",
        param("consultInteractionId", ParamKind.ID),
        doc="Hand the customer over to the consulted party; the agent leaves both interactions.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE, "the interaction is not a consultation"),
    ),
    request(
        "interaction.completeConference",
        param("consultInteractionId", ParamKind.ID),
        doc="Bring the consulted party into the customer's call or chat (PARTY_CHANGED); the consultation ends.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE, "the interaction is not a consultation"),
    ),
    request(
        "interaction.singleStepTransfer",
        INTERACTION_ID,
        TARGET_QUERY,
        USER_DATA,
        EXTENSIONS,
        doc="Transfer the interaction to a target in one step.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE, UNKNOWN_TARGET),
    ),
    request(
        "interaction.singleStepConference",
        INTERACTION_ID,
        TARGET_QUERY,
        USER_DATA,
        EXTENSIONS,
        doc="Bring a target into the interaction in one step.",
        errors=(UNKNOWN_INTERACTION, WRONG_STATE, UNKNOWN_TARGET),
    ),
    # -- media
    request("media.getMediaList", returns="list[Media]", doc="The agent's media with their states (voice with its device)."),
    request(
        "media.getMediaByName",
        param("name"),
        returns="Media",
        doc="One media by name: voice, chat, email...",
        errors=("the agent has no media of that name (the message lists them)",),
    ),
    request(
        "media.setState",
        param("name"),
        param("stateOperationName", ParamKind.STATE),
        doc="Put one media in a state of the list; emits media STATE_CHANGED (and agent STATE_CHANGED when the agent's state changes).",
        errors=("the agent has no media of that name", UNKNOWN_STATE),
    ),
    # -- system
    request("system.amIVisible", returns="bool", doc="Whether the calling frame is on screen now (front tab, dialog, popup)."),
    request(
        "system.getAllowedServices",
        returns="list[str]",
        doc="The request names the caller's origin may use (service-client-api.accepted-web-content-origins).",
    ),
    request("system.triggerActivity", doc="Restart the agent's inactivity countdown (security.inactivity-timeout)."),
    request(
        "system.popupToast",
        TOAST_PARAMETERS,
        returns="str",
        doc="Show a toast; answers its id (wweCustomToast0, ...). Button clicks come back as system CUSTOM_TOAST_BUTTON_CLICK.",
        errors=("an unknown parameter, or one of the wrong type (the message names it)",),
    ),
    request(
        "system.updateToast",
        param("id", python_name="toast_id"),
        TOAST_PARAMETERS,
        returns="bool",
        doc="Change a toast's parameters; false when there is no toast with that id.",
        errors=("an unknown parameter, or one of the wrong type",),
    ),
    request(
        "system.closeToast",
        param("id", python_name="toast_id"),
        returns="bool",
        doc="Close a toast; false when there is no toast with that id.",
    ),
    request(
        "system.openDialog",
        # A null url is answered with null (the reference's "url undefined" case), not refused.
        param("url", optional=True),
        param("options", ParamKind.ANY, optional=True, python_type="DialogOptions"),
        returns="str | None",
        doc="Open `url` in a modal dialog ({label, width, height}); answers its id (wweCustomDialog1, ...), null without a url.",
        errors=(
            "options null or not an object, or an unknown or mistyped option",
            "a url that is not an absolute http(s) URL",
        ),
    ),
    request(
        "system.closeDialog",
        param("dialogId"),
        returns="bool",
        doc="Close a dialog; false when there is none with that id.",
    ),
    request(
        "system.updateViewInApplicationMenuBar",
        param("parameters", ParamKind.OBJECT, python_type="MenuBarViewParameters"),
        returns="str",
        doc="Create or update a view in the agent bar's application menu bar; answers its name.",
        errors=("no name, or neither iconUrl nor label", "a colour that is not #RGB, #RRGGBB or #RRGGBBAA"),
    ),
    request(
        "system.closeViewInApplicationMenuBar",
        param("name"),
        returns="bool",
        doc="Remove a menu-bar view; false when there is none of that name.",
    ),
    request("system.isFrameLeading", returns="bool", doc="Whether this desktop tab leads the others."),
    request("system.isFrameFollowing", returns="bool", doc="Whether this desktop tab follows a leading one."),
    request("system.isFrameNegotiating", returns="bool", doc="Whether the desktop tabs are still electing a leader."),
    request(
        "system.isFrameLeadingOrNegotiating",
        returns="bool",
        doc="Whether this desktop tab leads, or no tab leads yet.",
    ),
    request("system.isLastActiveFrame", returns="bool", doc="Whether this desktop tab is the one the agent used last."),
    # -- voice
    request(
        "voice.dial",
        param("destination"),
        USER_DATA,
        returns="Interaction | None",
        doc="Dial a number or a colleague's extension; answers the new call (the real desktop answers nothing).",
        errors=("no destination", "the agent has no voice channel, or it is logged out"),
    ),
    request(
        "voice.dialEx",
        param("destination"),
        USER_DATA,
        EXTENSIONS,
        returns="Interaction | None",
        doc="Like dial, with extensions.",
        errors=("no destination", "the agent has no voice channel, or it is logged out"),
    ),
    _call_control("answer", "Answer a ringing call."),
    _call_control("hangUp", "Hang up a call."),
    _call_control("hold", "Put a call on hold."),
    _call_control("resume", "Take a call off hold."),
    _call_control("startCallRecording", "Start recording a call; emits CALL_RECORDING_STATE_CHANGED."),
    _call_control("stopCallRecording", "Stop recording a call."),
    _call_control("pauseCallRecording", "Pause a call's recording."),
    _call_control("resumeCallRecording", "Resume a call's paused recording."),
    *(request(f"voice.{method}", returns=result, doc=doc) for method, (result, doc) in SIP_METHODS.items()),
    # The vendor client sends the SIP endpoint calls under this namespace.
    *(
        request(f"sipEndpoint.{method}", returns=result, doc=doc, alias_of=f"voice.{method}")
        for method, (result, doc) in SIP_METHODS.items()
    ),
    # -- outbound
    _outbound("getCampaigns", returns="list[Campaign]", doc="The agent's loaded or running campaigns: {name, description, groupName, mode, status, callingList}."),
    _outbound(
        "getPreviewRecord",
        param("campaignName"),
        returns="Interaction",
        doc="Ask a running Preview campaign for its next record: a preview interaction (ADDED, PREVIEWING; RECORDS_RETRIEVED for a chain); answers it (the real desktop answers nothing).",
        errors=(NO_CAMPAIGN, "the campaign is not running, is not a Preview campaign, or has no record left"),
    ),
    _outbound(
        "callPreviewRecord",
        INTERACTION_ID,
        RECORD_HANDLE,
        returns="Interaction",
        doc="Dial that record of the preview's chain: the call is a new interaction (ADDED, DIALING), whose id names the record from now on; answers it.",
        errors=(NOT_A_RECORD, WRONG_STATE, "the record handle is not in the chain, or the record is already called"),
    ),
    # The reference shows no parameter (the current record); the vendor client sends the interaction id.
    _outbound(
        "rejectPreviewRecord",
        param("interactionId", ParamKind.ID, optional=True),
        doc="Reject the preview record (STATE_CHANGE/REJECTED; a pushed record not accepted yet: REMOVED/REJECTED); without an id, the current one.",
        errors=(NOT_A_RECORD, WRONG_STATE, "no id and no preview record waiting"),
    ),
    _outbound(
        "cancelPreviewRecord",
        param("interactionId", ParamKind.ID, optional=True),
        doc="Cancel the preview record (STATE_CHANGE/CANCELED): it is not called again; without an id, the current one.",
        errors=(NOT_A_RECORD, WRONG_STATE, "no id and no preview record waiting"),
    ),
    _outbound("startDirectPushPreview", doc="Dialing Mode Start: records of running Direct Push Preview campaigns are pushed to the agent, one at a time."),
    _outbound("stopDirectPushPreview", doc="Dialing Mode Stop: no more direct push preview records."),
    _outbound("getListOfCallResults", returns="CallResults", doc="Call results by name: {OK: 0, BUSY: 6, ... WRONG_NUMBER: 53}."),
    _outbound(
        "setCallResult",
        INTERACTION_ID,
        param("callResult", ParamKind.ANY, python_type="int"),
        doc="Set the record's call result (a code of getListOfCallResults); needs an active or completed call.",
        errors=(NOT_A_RECORD, NOT_CALLED, "Do Not Call is set on the record", "callResult is not a number"),
    ),
    _outbound("getCallResult", INTERACTION_ID, returns="int | None", doc="The call result the agent set on the record; null when none is set.", errors=(NOT_A_RECORD,)),
    _outbound("setDoNotCall", INTERACTION_ID, doc="Mark the record Do Not Call (sent at mark done); needs an active or completed call.", errors=(NOT_A_RECORD, NOT_CALLED)),
    _outbound("removeDoNotCall", INTERACTION_ID, doc="Lift Do Not Call from the record; needs an active or completed call.", errors=(NOT_A_RECORD, NOT_CALLED)),
    _outbound(
        "rescheduleRecord",
        INTERACTION_ID,
        RECORD_HANDLE,
        param("rescheduleDate"),
        param("callbackType"),
        doc='Call that record back at rescheduleDate ("MM/DD/YYYY HH:MM" in the record\'s time zone); callbackType CAMPAIGN or PERSONAL.',
        errors=(NOT_A_RECORD, "the date is malformed, in the past, or outside the record's Call From / Call Until window", "callbackType is neither CAMPAIGN nor PERSONAL"),
    ),
    _outbound("cancelReschedule", INTERACTION_ID, doc="Remove the callback set on the record.", errors=(NOT_A_RECORD,)),
    _outbound("getChainedRecords", INTERACTION_ID, returns="list[ChainedRecords]", doc="The records of the interaction's chain: [{records: [...]}].", errors=(NOT_A_RECORD,)),
    _outbound("getRecordFields", INTERACTION_ID, returns="list[RecordField]", doc="The record's fields, with their types, options and whether they may be edited or emptied.", errors=(NOT_A_RECORD,)),
    _outbound(
        "updateRecordFields",
        INTERACTION_ID,
        param("recordData", ParamKind.OBJECT),
        doc="Change fields of the record: {field: value}; all or nothing; sent to the list at mark done.",
        errors=(NOT_A_RECORD, "a field is unknown or not editable, a value has the wrong type or format or is not an option, or a mandatory field would become empty: nothing changes"),
    ),
    # -- auth
    request(
        "auth.getJwtToken",
        returns="JwtToken",
        doc="A signed token (RS256) for the app's back end: {expiration, jwtToken}; the same while valid, then a new one; only for origins whose filter names it.",
        errors=(
            "the origin's filter does not name auth.getJwtToken (a wildcard is not enough)",
            "the desktop has no signing key, or could not load its signer (PyJWT, on the first token)",
        ),
    ),
    # Sent by some editions of the vendor client; not in the reference.
    request(
        "auth.getPureCloudToken",
        param("forceNewToken", ParamKind.BOOLEAN, optional=True),
        returns="Any",
        doc="A Genesys Cloud token (some editions of the vendor client send it); not part of the reference.",
        errors=("always: this desktop has no Genesys Cloud token",),
    ),
    # -- messenger
    request(
        "messenger.broadcastMessage",
        param("channel"),
        param("message", ParamKind.ANY, optional=True),
        returns="int | None",
        doc="Send `message` to every frame subscribed to messenger:<channel>; answers how many got it (the real desktop answers nothing).",
        errors=("an empty channel name",),
    ),
)

CATALOGUE: Final[dict[str, RequestSpec]] = {spec.name: spec for spec in _SPECS}

# Requests that exist on the wire but are not part of the reference's API: never listed by
# getAllowedServices, never matched by a wildcard filter on their own name, no client method.
UNDOCUMENTED: Final[frozenset[str]] = frozenset(
    {name for name, spec in CATALOGUE.items() if spec.alias_of} | {"auth.getPureCloudToken"}
)

# The events a frame may subscribe to (besides messenger:<channel>), with their `data`.
EVENTS: Final[dict[str, tuple[str, str]]] = {
    "agent": ("AgentStateChanged", "The agent's state changed (STATE_CHANGED), over all media."),
    "interaction": (
        "InteractionEvent | CaseSelectedEvent | CaseIdChangedEvent",
        "An interaction changed: its eventType, media and the interaction; case events carry the case ids.",
    ),
    "media": ("MediaStateChanged", "One media's state changed (STATE_CHANGED), with the media."),
    "system": (
        "ToastButtonClick | RealtimeConnectionEvent | FrameStateEvent",
        "A toast's button was clicked (to the frame that opened it only), the real-time connection changed, or this tab's frameState.",
    ),
    "outbound": ("CampaignEvent", "A campaign was loaded, unloaded, started or stopped."),
    "markdone": ("MarkdoneEvent", "Mark done on an interaction was blocked, unblocked, refused or done."),
}
EVENT_NAMES: Final[tuple[str, ...]] = tuple(EVENTS)
