"""The JSON shapes that cross the wire, as `TypedDict`s named after the reference's types.

Keys are the exact camelCase spellings the service sends (read off the workspace's `to_wire()`
methods and the event dicts it emits) or, for shapes the simulator does not produce yet
(outbound, auth), the reference's own. `NotRequired[...]` marks a key that is present only
sometimes; `X | None` a value that may be null. Numbers are typed `float` where JSON allows any
number and `int` where the value is a count or an index.

This is the lowest layer: it imports nothing from wwe_scapi and is never needed at run time.
Import it under `if TYPE_CHECKING:` only (it stays off the browser's start-up path).
"""

from typing import Any, Literal, NotRequired, Required, TypeAlias, TypedDict

# -- enumerations of the reference ----------------------------------------------------------

StateTypeName: TypeAlias = Literal[
    "LOGOUT",
    "READY",
    "PARTIAL_READY",
    "NOT_READY",
    "NOT_READY_ACTION_CODE",
    "NOT_READY_AFTER_CALLWORK",
    "NOT_READY_AFTER_CALLWORK_ACTION_CODE",
    "DND_ON",
    "OUT_OF_SERVICE",
    "LOGOUT_DND_ON",
    "UNKNOWN",
]
"""`media.State.type`; PARTIAL_READY, OUT_OF_SERVICE, LOGOUT_DND_ON and UNKNOWN are reported by
events only and cannot be set by code."""

InteractionStateName: TypeAlias = Literal[
    "UNKNOWN",
    "IDLE",
    "RINGING",
    "DIALING",
    "TALKING",
    "HELD",
    "PREVIEW",
    "INVITED",
    "ACCEPTED",
    "CREATED",
    "PULLED",
    "REVOKED",
    "COMPLETED",
    "ERROR",
    "SAVED",
    "TRANSFERRING",
    "TRANSFER_COMPLETED",
    "INVITED_CONFERENCE",
    "LEFT_CONFERENCE",
    "USER_DATA_ATTACHED",
    "USER_DATA_UPDATED",
    "JOIN_PENDING",
    "JOIN_FAILED",
    "HISTORY_IN_PROGRESS",
    "HISTORY_DONE",
    "CANCELLED",
    "SENT",
    "READY",
    "CANCELED",
    "REJECTED",
    "PREVIEWING",
]
"""`interaction.Interaction.state` and `previousState`."""

CallDirection: TypeAlias = Literal["IN", "OUT", "UNKNOWN"]
CallType: TypeAlias = Literal[
    "INTERNAL",
    "INBOUND",
    "OUTBOUND",
    "CONSULT",
    "UNKNOWN",
    "OUTBOUND_PREVIEW",
    "OUTBOUND_PUSH_PREVIEW",
]
RecordingState: TypeAlias = Literal["STOPPED", "RECORDING", "PAUSED"]
RonaCallState: TypeAlias = Literal["REDIRECTED", "NO_ANSWER"]
TargetType: TypeAlias = Literal[
    "AGENT", "AGENT_GROUP", "SKILL", "INTERACTION_QUEUE", "ROUTING_POINT", "CUSTOM_CONTACT"
]

InteractionEventType: TypeAlias = Literal[
    # common
    "UNKNOWN",
    "ADDED",
    "REMOVED",
    "ATTACHED_DATA_CHANGED",
    "CASE_OR_BUNDLE_ID_CHANGED",
    "NEW_MESSAGE",
    "ERROR",
    "CONTACT_CHANGED",
    # voice
    "CALL_RECORDING_STATE_CHANGED",
    "DIALING",
    "ESTABLISHED",
    "HELD",
    "PARTY_CHANGED",
    "RELEASED",
    "RINGING",
    # open media
    "ACCEPTED",
    "COMPLETED",
    "COMPOSING",
    "CREATED",
    "INSERT_STANDARD_RESPONSE",
    "INVITED",
    "INVITED_CONFERENCE",
    "IN_QUEUE_FAILED",
    "IN_WORKBIN",
    "IN_WORKBIN_FAILED",
    "LEFT_CONFERENCE",
    "PULLED",
    "PULL_FAILED",
    "PULL_WORKBIN_FAILED",
    "REVOKED",
    "TRANSFER_COMPLETED",
    # chat
    "CANCELED",
    "ENDED",
    "JOIN_FAILED",
    "JOIN_PENDING",
    # outbound email
    "CANCELLED",
    "SENT",
    # outbound records
    "RECORDS_RETRIEVED",
    "PREVIEWING",
    "STATE_CHANGE",
    "MARKDONE_APPLY",
]
"""The `interaction` eventTypes that carry `media` and `interaction` (the case events are
CaseSelectedEvent and CaseIdChangedEvent)."""

CaseEventType: TypeAlias = Literal["CASE_SELECTED", "CASE_EXPANDED", "CASE_COLLAPSED"]
MarkdoneEventType: TypeAlias = Literal["BLOCKED", "UNBLOCKED", "REFUSED", "DONE"]
RealtimeConnectionState: TypeAlias = Literal["DISCONNECTED", "RECONNECTED", "DOWN"]
FrameState: TypeAlias = Literal["LEADING", "FOLLOWING", "NEGOTIATING"]
CampaignEventType: TypeAlias = Literal["CampaignLoaded", "CampaignUnloaded", "CampaignStarted", "CampaignStopped"]
FieldType: TypeAlias = Literal["int", "float", "char", "var-char", "date", "time", "bool", "enum"]
FieldValueType: TypeAlias = Literal["string", "number", "boolean"]
ServerUserAgent: TypeAlias = Literal["WWE Server"]
ProtocolVersion: TypeAlias = Literal[2]

# -- agent and media ------------------------------------------------------------------------


class Agent(TypedDict):
    """`agent.Agent`: the logged-in agent (agent.get)."""

    employeeId: str
    firstname: str
    lastname: str
    username: str


class State(TypedDict):
    """`media.State`: an agent or media state (agent.getState, items of agent.getStateList).
    `reason` and `reasonCode` come with NOT_READY action codes only."""

    type: StateTypeName
    displayName: str
    operationName: str
    reason: NotRequired[str]
    reasonCode: NotRequired[str | None]


class Device(TypedDict):
    """`media.Device`: the voice media's phone (the `device` of a voice Media)."""

    number: str
    dynamicPhoneNumber: str | None


class Media(TypedDict):
    """`media.Media`: one media channel and its state (media.getMediaByName, items of
    media.getMediaList). `media` repeats `name` for apps that read it under that key."""

    name: str
    media: str
    state: State
    device: NotRequired[Device]


# -- interactions ---------------------------------------------------------------------------


class Party(TypedDict):
    """`interaction.Party`: one party of an interaction (items of `parties`)."""

    name: str


class Contact(TypedDict):
    """`interaction.Contact`: who the interaction is with. Only `displayName` is always sent;
    `emailAddress` is the simulator's own (email interactions), not in the reference."""

    displayName: str
    firstName: NotRequired[str]
    lastName: NotRequired[str]
    emailAddress: NotRequired[str]


OutboundRecord: TypeAlias = dict[str, str | float | bool | None]
"""One outbound record of a chain: record field name (GSW_PHONE, GSW_RECORD_HANDLE, custom
fields...) to its value, as the reference's samples show them (strings and numbers)."""


class Interaction(TypedDict):
    """`interaction.Interaction` (interaction.getByInteractionId, items of
    interaction.getInteractions, the `interaction` of every interaction event). The voice-only
    attributes and outbound `chainedRecords` are present on those interactions only."""

    interactionId: str
    parentInteractionId: str | None
    caseId: str
    media: str
    userData: dict[str, Any]
    state: InteractionStateName
    previousState: InteractionStateName
    parties: list[Party]
    isConsultation: bool
    isMainCaseInteraction: bool
    isCaseSelected: bool
    isCaseExpanded: bool
    contact: Contact
    interactionUUID: str
    capabilities: list[str]
    startDate: str | None
    endDate: str | None
    # voice only
    callUuid: NotRequired[str]
    connId: NotRequired[str]
    direction: NotRequired[CallDirection]
    callType: NotRequired[CallType]
    ani: NotRequired[str]
    dnis: NotRequired[str]
    recordingState: NotRequired[RecordingState]
    ronaCallState: NotRequired[RonaCallState]
    # outbound records only (RECORDS_RETRIEVED): the records of the chain
    chainedRecords: NotRequired[list[OutboundRecord]]


# -- configuration --------------------------------------------------------------------------

OptionValue: TypeAlias = str | list[str]
"""The value of one configuration option."""

Options: TypeAlias = dict[str, dict[str, OptionValue]]
"""configuration.getOption / getContextualOption: section name -> option name -> value (the
reference's `Section` objects keyed by section)."""

# -- request parameters ---------------------------------------------------------------------


class TargetQuery(TypedDict):
    """The object form of a consult / singleStepTransfer / singleStepConference `targetQuery`
    (the string form is a CUSTOM_CONTACT phone number). The reference names the type `target`
    for consult and `type` for the single-step calls; give one of them."""

    type: NotRequired[TargetType]
    target: NotRequired[TargetType]
    destination: str
    media: NotRequired[str]


class ToastParameters(TypedDict, total=False):
    """The `parameters` of system.popupToast / system.updateToast. Every key is optional; a
    null value counts as absent. `autoHideTimeout` is in milliseconds, `width` in pixels."""

    title: str | None
    iconUrl: str | None
    subject: str | None
    message: str | None
    keyValues: dict[str, Any] | None
    buttons: list[str] | None
    buttonsShowDismiss: bool | None
    autoHideTimeout: float | None
    sendToMessagePanel: bool | None
    width: float | None


class DialogOptions(TypedDict, total=False):
    """The `options` of system.openDialog ({} at least, never null). `width` and `height` are
    CSS lengths in px or % ("430px", "50%") or a number of pixels; a null value counts as absent."""

    label: str | None
    width: str | float | None
    height: str | float | None


class MenuBarViewParameters(TypedDict, total=False):
    """The `parameters` of system.updateViewInApplicationMenuBar: `name` is mandatory, and
    `iconUrl` or `label`; colours are hex (#RGB, #RGBA, #RRGGBB or #RRGGBBAA). A null value
    counts as absent."""

    name: Required[str]
    iconUrl: str | None
    label: str | None
    shortLabel: str | None
    tooltip: str | None
    labelColor: str | None
    backgroundColor: str | None


# -- outbound and auth (not produced by the simulator yet) ----------------------------------


class Campaign(TypedDict):
    """An outbound campaign (items of outbound.getCampaigns). The reference defines no type for
    them; it names a campaign by its name (getPreviewRecord's `campaignName`, the events'
    `campaign`) and gives a started campaign a `mode` (e.g. "Predictive GVP")."""

    name: str
    mode: NotRequired[str]


class RecordField(TypedDict):
    """The reference's outbound `Field` (items of outbound.getRecordFields). `options` is present
    for enum fields only (key -> label)."""

    name: str
    displayName: NotRequired[str]
    value: NotRequired[str]
    isEditable: bool
    isMandatory: bool
    options: NotRequired[dict[str, str]]
    fieldType: FieldType
    valueType: FieldValueType


class ChainedRecords(TypedDict):
    """One chain of outbound records (items of outbound.getChainedRecords)."""

    records: list[OutboundRecord]


CallResults: TypeAlias = dict[str, int]
"""outbound.getListOfCallResults: call result name -> code (OK 0, BUSY 6, ...)."""


class JwtToken(TypedDict):
    """auth.getJwtToken: the session's JWT and when it expires (ISO 8601)."""

    expiration: str
    jwtToken: str


# -- event payloads (the `data` of an event message) ----------------------------------------


class AgentStateChanged(TypedDict):
    """`agent` STATE_CHANGED: the agent's aggregate state changed."""

    eventType: Literal["STATE_CHANGED"]
    mediaState: StateTypeName
    reason: NotRequired[str]
    reasonCode: NotRequired[str | None]


class MediaStateChanged(TypedDict):
    """`media` STATE_CHANGED: one media's state changed; the Media's fields beside eventType."""

    eventType: Literal["STATE_CHANGED"]
    name: str
    media: str
    state: State
    device: NotRequired[Device]


class InteractionEvent(TypedDict):
    """`interaction` events about one interaction (ADDED, RINGING, ATTACHED_DATA_CHANGED...); its
    userData is filtered by the read allow-list."""

    eventType: InteractionEventType
    media: str
    interaction: Interaction


class CaseSelectedEvent(TypedDict):
    """`interaction` CASE_SELECTED, CASE_EXPANDED and CASE_COLLAPSED (selectCaseByCaseId, or the
    agent's own case selection): no interaction, just the case."""

    eventType: CaseEventType
    selectedCaseId: str


class CaseIdChangedEvent(TypedDict):
    """`interaction` CASE_ID_CHANGED: the contact centre gave a case a new id."""

    eventType: Literal["CASE_ID_CHANGED"]
    caseId: str
    previousCaseId: str


class MarkdoneEvent(TypedDict):
    """`markdone` events: a block was put or lifted, a mark done was refused while blocked, or
    done. `warningMessages` are the current blocks' messages (the reference leaves the shape of
    these events open; this is the simulator's)."""

    eventType: MarkdoneEventType
    interactionId: str
    media: str
    blocked: bool
    warningMessages: list[str]


class ToastButtonClick(TypedDict):
    """`system` CUSTOM_TOAST_BUTTON_CLICK, to the frame that opened the toast; buttonIndex is
    0-based in the order of `buttons`."""

    eventType: Literal["CUSTOM_TOAST_BUTTON_CLICK"]
    customToastId: str
    buttonIndex: int


class RealtimeConnectionEvent(TypedDict):
    """`system` REALTIME_CONNECTION: the desktop's connection to Genesys Web Services."""

    eventType: Literal["REALTIME_CONNECTION"]
    state: RealtimeConnectionState


class FrameStateEvent(TypedDict):
    """`system` tab election result (no eventType in the reference's samples)."""

    frameState: FrameState


class CampaignEvent(TypedDict):
    """`outbound` campaign events; `campaign` is the campaign's name, `mode` comes with
    CampaignStarted."""

    eventType: CampaignEventType
    campaign: str
    mode: NotRequired[str]


SystemEvent: TypeAlias = ToastButtonClick | RealtimeConnectionEvent | FrameStateEvent
InteractionTopicEvent: TypeAlias = InteractionEvent | CaseSelectedEvent | CaseIdChangedEvent

# -- envelopes (PROTOCOL.md) ----------------------------------------------------------------


class RequestMessage(TypedDict):
    """Client -> service: a request. `parameters` is absent when the method takes none;
    `frameId` once the service has assigned one."""

    request: str
    parameters: NotRequired[list[Any]]
    referenceId: Any
    userAgent: str
    protocolVersion: int
    frameId: NotRequired[int]


class SubscribeRequest(TypedDict):
    """Client -> service: subscribe to event names (one name or several)."""

    event: Literal["subscribe"]
    data: str | list[str]
    referenceId: Any
    userAgent: str
    protocolVersion: int
    frameId: NotRequired[int]


class UnsubscribeRequest(TypedDict):
    """Client -> service: end a subscription, by the id its SubscribeResponse gave."""

    event: Literal["unsubscribe"]
    data: str
    referenceId: Any
    userAgent: str
    protocolVersion: int
    frameId: NotRequired[int]


class SuccessResponse(TypedDict):
    """Service -> client: a request's result in `data`. `referenceId` echoes the request's,
    with its type, and is absent when the request had none."""

    request: str
    referenceId: NotRequired[Any]
    data: Any
    userAgent: ServerUserAgent
    protocolVersion: ProtocolVersion


class FailureResponse(TypedDict):
    """Service -> client: a refused or failed request (any response with `errorMessage` is a
    failure). `request` is absent when the message named none."""

    request: NotRequired[str]
    referenceId: NotRequired[Any]
    errorMessage: str
    userAgent: ServerUserAgent
    protocolVersion: ProtocolVersion


class SubscribeResponse(TypedDict):
    """Service -> client: a subscription made; the client reads `subscriptionId` at the top
    level, `data` lists the names subscribed to."""

    request: Literal["subscribe"]
    referenceId: NotRequired[Any]
    subscriptionId: str
    data: list[str]
    userAgent: ServerUserAgent
    protocolVersion: ProtocolVersion


class EventMessage(TypedDict):
    """Service -> client: an event; `event` is the subscription name (agent, interaction,
    messenger:<channel>...), `data` its payload (AgentStateChanged, InteractionEvent...)."""

    event: str
    data: Any
    userAgent: ServerUserAgent
    protocolVersion: ProtocolVersion


class FrameIdMessage(TypedDict):
    """Service -> client: the frame id the client adds to its requests from then on."""

    frameId: int
    userAgent: ServerUserAgent
    protocolVersion: ProtocolVersion


ServiceMessage: TypeAlias = SuccessResponse | FailureResponse | SubscribeResponse | EventMessage | FrameIdMessage
ClientMessage: TypeAlias = RequestMessage | SubscribeRequest | UnsubscribeRequest
